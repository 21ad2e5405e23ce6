/*
 * Reader/writer benchmark on the engine's synthetic national plan.
 *
 *   tests/cli/bench_io [INDICATORS [YEARS [OUT.khcn [RUNS]]]]   (default 1000000 10 bench_io.khcn 5)
 *       generates the plan, then writes and reads it RUNS times in CBOR and
 *       in JSON: prints the median and the best of each, checks that reading
 *       the written bytes and writing them again gives the same bytes, and
 *       saves the CBOR file (for --read and tests/cli/bench_cbor2.py).
 *   tests/cli/bench_io --read FILE
 *       one CBOR read of FILE (already in memory) in this fresh process: the
 *       time includes the kernel handing the process the plan's pages, which
 *       later reads in a process that has freed a plan may not pay.
 *
 * tests/cli/bench_io.sh runs both and the cbor2 comparison (`make bench-io`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "khcn.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int die(const char *what) {
  fprintf(stderr, "bench_io: %s: %s\n", what, khcn_error_last()->message);
  return 1;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* median of n > 0 times (sorts them) */
static double median(double *t, int n) {
  qsort(t, (size_t)n, sizeof *t, cmp_double);
  return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static void read_options(khcn_read_options *ro) {
  khcn_read_options_init(ro, KHCN_READ_OPTIONS_VERSION);
  ro->max_size = (size_t)4 << 30;
  ro->max_entities = 100000000;
}

static int read_once(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 1;
  }
  size_t cap = (size_t)1 << 20, n = 0, r;
  unsigned char *b = malloc(cap);
  while (b && (r = fread(b + n, 1, cap - n, f)) > 0)
    if ((n += r) == cap) {
      unsigned char *nb = realloc(b, cap *= 2);
      if (!nb) free(b);
      b = nb;
    }
  fclose(f);
  if (!b) return die("out of memory");
  khcn_read_options ro;
  read_options(&ro);
  khcn_plan *p = NULL;
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  double t0 = now();
  if (khcn_cbor_read(&p, b, n, &ro, NULL) != KHCN_OK) return die("read");
  double t = now() - t0;
  getrusage(RUSAGE_SELF, &r1);
  double user = (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6;
  double sys = (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
  printf("CBOR read in a fresh process: %.1f MB in %.3f s (user %.3f s, system %.3f s, %ld page faults) = %.0f MB/s\n",
         n / 1e6, t, user, sys, r1.ru_minflt - r0.ru_minflt, n / 1e6 / t);
  khcn_plan_free(p);
  free(b);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--read") == 0) {
    if (argc != 3) {
      fprintf(stderr, "usage: bench_io --read FILE\n");
      return 2;
    }
    return read_once(argv[2]);
  }
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.indicators = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
  so.years = argc > 2 ? strtoul(argv[2], NULL, 10) : 10;
  const char *out = argc > 3 ? argv[3] : "bench_io.khcn";
  int runs = argc > 4 ? atoi(argv[4]) : 5;
  if (runs < 1 || runs > 50 || so.indicators < 1) {
    fprintf(stderr, "usage: bench_io [INDICATORS [YEARS [OUT.khcn [RUNS (1..50)]]]]\n");
    return 2;
  }
  khcn_plan *p = NULL;
  double t0 = now();
  if (khcn_synth_generate(&p, &so)) return die("generate");
  printf("generated %zu indicators x %zu years, %zu nodes, %zu agencies in %.2f s\n", khcn_plan_indicator_count(p),
         so.years, khcn_plan_node_count(p), khcn_plan_agency_count(p), now() - t0);
  khcn_read_options ro;
  read_options(&ro);
  for (int fmt = 0; fmt < 2; fmt++) {
    const char *name = fmt ? "JSON" : "CBOR";
    khcn_buf b = KHCN_BUF_INIT;
    double tw[50], tr[50];
    for (int rep = 0; rep < runs; rep++) {
      khcn_buf_dispose(&b);
      t0 = now();
      if ((fmt ? khcn_json_write(&b, p) : khcn_cbor_write(&b, p)) != KHCN_OK) return die("write");
      tw[rep] = now() - t0;
    }
    khcn_plan *q = NULL;
    for (int rep = 0; rep < runs; rep++) {
      khcn_plan_free(q);
      q = NULL;
      t0 = now();
      if ((fmt ? khcn_json_read(&q, b.ptr, b.size, &ro, NULL) : khcn_cbor_read(&q, b.ptr, b.size, &ro, NULL)) !=
          KHCN_OK)
        return die("read");
      tr[rep] = now() - t0;
    }
    khcn_buf c = KHCN_BUF_INIT;
    if ((fmt ? khcn_json_write(&c, q) : khcn_cbor_write(&c, q)) != KHCN_OK) return die("write again");
    int same = c.size == b.size && memcmp(c.ptr, b.ptr, b.size) == 0;
    double mb = (double)b.size / 1e6;
    double mw = median(tw, runs), mr = median(tr, runs);
    printf("%s: %.1f MB; %d runs; write median %.3f s = %.0f MB/s (best %.0f); read median %.3f s = %.0f MB/s "
           "(best %.0f); read->write identical: %s\n",
           name, mb, runs, mw, mb / mw, mb / tw[0], mr, mb / mr, mb / tr[0], same ? "yes" : "NO");
    if (!fmt) {
      FILE *f = fopen(out, "wb");
      if (!f || fwrite(b.ptr, 1, b.size, f) != b.size || fclose(f) != 0) {
        fprintf(stderr, "bench_io: cannot write %s\n", out);
        return 1;
      }
      printf("wrote %s\n", out);
    }
    khcn_plan_free(q);
    khcn_buf_dispose(&b);
    khcn_buf_dispose(&c);
    if (!same) return 1;
  }
  khcn_plan_free(p);
  return 0;
}
