/*
 * Reader/writer benchmark on the engine's synthetic national plan.
 *   tests/cli/bench_io [INDICATORS [YEARS [OUT.khcn]]]   (default 1000000 10)
 * Prints write and read throughput (best of 3) of CBOR and of JSON, checks
 * that reading the written bytes and writing them again gives the same
 * bytes, and saves the CBOR file (for tests/cli/bench_cbor2.py).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int main(int argc, char **argv) {
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.indicators = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
  so.years = argc > 2 ? strtoul(argv[2], NULL, 10) : 10;
  const char *out = argc > 3 ? argv[3] : "bench_io.khcn";
  khcn_plan *p = NULL;
  double t0 = now();
  if (khcn_synth_generate(&p, &so)) return die("generate");
  printf("generated %zu indicators x %zu years, %zu nodes, %zu agencies in %.2f s\n", khcn_plan_indicator_count(p),
         so.years, khcn_plan_node_count(p), khcn_plan_agency_count(p), now() - t0);
  khcn_read_options ro = KHCN_READ_OPTIONS_INIT;
  ro.max_size = (size_t)4 << 30;
  ro.max_entities = 100000000;
  for (int fmt = 0; fmt < 2; fmt++) {
    const char *name = fmt ? "JSON" : "CBOR";
    khcn_buf b = KHCN_BUF_INIT;
    double bw = 1e9, br = 1e9;
    for (int rep = 0; rep < 3; rep++) {
      khcn_buf_dispose(&b);
      t0 = now();
      if ((fmt ? khcn_json_write(&b, p) : khcn_cbor_write(&b, p)) != KHCN_OK) return die("write");
      double t = now() - t0;
      if (t < bw) bw = t;
    }
    khcn_plan *q = NULL;
    for (int rep = 0; rep < 3; rep++) {
      khcn_plan_free(q);
      q = NULL;
      t0 = now();
      if ((fmt ? khcn_json_read(&q, b.ptr, b.size, &ro, NULL) : khcn_cbor_read(&q, b.ptr, b.size, &ro, NULL)) !=
          KHCN_OK)
        return die("read");
      double t = now() - t0;
      if (t < br) br = t;
    }
    khcn_buf c = KHCN_BUF_INIT;
    if ((fmt ? khcn_json_write(&c, q) : khcn_cbor_write(&c, q)) != KHCN_OK) return die("write again");
    int same = c.size == b.size && memcmp(c.ptr, b.ptr, b.size) == 0;
    double mb = (double)b.size / 1e6;
    printf("%s: %.1f MB; write %.3f s = %.0f MB/s; read %.3f s = %.0f MB/s; read->write identical: %s\n", name, mb,
           bw, mb / bw, br, mb / br, same ? "yes" : "NO");
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
