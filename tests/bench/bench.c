/*
 * Engine benchmark: prints one JSON object per line (not a timed test).
 *
 *   make bench                      # the national dataset, 1,000,000 indicators
 *   tests/bench/bench --indicators 100000 --runs 3
 *
 * Measures: generation of the synthetic national dataset (63 provinces,
 * 10 yearly observations each, every comparator, 5-level task trees, ~30
 * agencies per province with roles), full evaluation, a what-if with 1 edit
 * and with 100 edits, goal seek, sensitivity over one province, Monte Carlo
 * (10,000 draws x 1,000 indicators) and the peak memory (VmHWM) per
 * observation.  Times are medians of several runs, on one core.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "khcn.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmpd(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : (x > y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmpd);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static long vm_kb(const char *key) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = -1;
  if (!f) return -1;
  size_t kl = strlen(key);
  while (fgets(line, sizeof line, f))
    if (strncmp(line, key, kl) == 0) v = strtol(line + kl, NULL, 10);
  fclose(f);
  return v;
}

static void die(const char *what) {
  fprintf(stderr, "bench: %s failed: %s\n", what, khcn_error_last()->message);
  exit(1);
}

int main(int argc, char **argv) {
  size_t nind = 1000000, mc_draws = 10000, mc_inds = 1000;
  int runs = 5;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--indicators") && i + 1 < argc) nind = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--mc-draws") && i + 1 < argc) mc_draws = strtoul(argv[++i], NULL, 10);
    else {
      fprintf(stderr, "usage: %s [--indicators N] [--runs R] [--mc-draws D]\n", argv[0]);
      return 2;
    }
  }
  if (runs < 1) runs = 1;
  if (runs > 50) runs = 50;
  double t[64], tc[64];
  /* 1. dataset */
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.indicators = nind;
  khcn_plan *plan;
  double t0 = now();
  if (khcn_synth_generate(&plan, &so)) die("khcn_synth_generate");
  double tgen = now() - t0;
  size_t nobs = 0;
  for (size_t i = 0; i < khcn_plan_indicator_count(plan); i++)
    nobs += khcn_indicator_observation_count(khcn_plan_indicator_at(plan, i));
  printf("{\"bench\":\"generate\",\"indicators\":%zu,\"observations\":%zu,\"nodes\":%zu,\"agencies\":%zu,"
         "\"responsibilities\":%zu,\"seconds\":%.3f}\n",
         khcn_plan_indicator_count(plan), nobs, khcn_plan_node_count(plan), khcn_plan_agency_count(plan),
         khcn_plan_responsibility_count(plan), tgen);
  fflush(stdout);
  long rss_plan = vm_kb("VmRSS:");

  /* 2. full evaluation */
  khcn_eval *e = NULL;
  khcn_eval_options eo = KHCN_EVAL_OPTIONS_INIT;
  for (int r = 0; r < runs; r++) {
    khcn_eval_free(e);
    e = NULL;
    t0 = now();
    double c0 = cpu();
    if (khcn_evaluate(&e, plan, &eo, NULL)) die("khcn_evaluate");
    t[r] = now() - t0;
    tc[r] = cpu() - c0;
  }
  long rss_eval = vm_kb("VmRSS:");
  khcn_node_result pr;
  if (khcn_eval_plan_result(e, &pr)) die("plan result");
  double med = median(t, runs), mn = t[0], cmed = median(tc, runs);
  printf("{\"bench\":\"evaluate\",\"indicators\":%zu,\"runs\":%d,\"median_s\":%.4f,\"min_s\":%.4f,"
         "\"cpu_median_s\":%.4f,\"goal_s\":0.3,\"plan_score\":%.6f}\n",
         nind, runs, med, mn, cmed, pr.score);
  fflush(stdout);

  /* 2b. re-evaluation at another year, reusing the resolved structure */
  for (int r = 0; r < runs; r++) {
    khcn_eval *e2;
    khcn_eval_options o2 = KHCN_EVAL_OPTIONS_INIT;
    o2.as_of = khcn_eval_as_of(e) - 1;
    t0 = now();
    double c0 = cpu();
    if (khcn_eval_reevaluate(&e2, e, &o2, NULL)) die("khcn_eval_reevaluate");
    t[r] = now() - t0;
    tc[r] = cpu() - c0;
    khcn_eval_free(e2);
  }
  med = median(t, runs);
  cmed = median(tc, runs);
  printf("{\"bench\":\"reevaluate\",\"indicators\":%zu,\"runs\":%d,\"median_s\":%.4f,\"cpu_median_s\":%.4f}\n",
         nind, runs, med, cmed);
  fflush(stdout);

  /* 3. what-if, 1 edit: many random single edits, each timed */
  khcn_rng rng;
  khcn_rng_seed(&rng, 1);
  size_t n = khcn_plan_indicator_count(plan);
  int m1 = 2001;
  double *tw = malloc((size_t)m1 * sizeof *tw);
  khcn_scenario *s;
  if (!tw || khcn_scenario_new(&s)) die("scenario");
  for (int r = 0; r < m1; r++) {
    khcn_scenario_clear(s);
    const khcn_indicator *ind = khcn_plan_indicator_at(plan, (size_t)(khcn_rng_next(&rng) % n));
    if (khcn_scenario_set_observation(s, khcn_indicator_id(ind), khcn_eval_as_of(e), 100 * khcn_rng_uniform(&rng)))
      die("edit");
    khcn_eval *w;
    t0 = now();
    if (khcn_scenario_evaluate(&w, e, s)) die("khcn_scenario_evaluate");
    tw[r] = now() - t0;
    khcn_eval_free(w);
  }
  printf("{\"bench\":\"whatif_1_edit\",\"runs\":%d,\"median_us\":%.2f,\"goal_us\":10}\n", m1,
         median(tw, m1) * 1e6);
  fflush(stdout);
  /* 100 edits */
  int m100 = 51;
  for (int r = 0; r < m100; r++) {
    khcn_scenario_clear(s);
    for (int k = 0; k < 100; k++) {
      const khcn_indicator *ind = khcn_plan_indicator_at(plan, (size_t)(khcn_rng_next(&rng) % n));
      if (khcn_scenario_set_observation(s, khcn_indicator_id(ind), khcn_eval_as_of(e), 100 * khcn_rng_uniform(&rng)))
        die("edit");
    }
    khcn_eval *w;
    t0 = now();
    if (khcn_scenario_evaluate(&w, e, s)) die("khcn_scenario_evaluate");
    tw[r] = now() - t0;
    if (r == 0) {
      khcn_diff *d;
      if (khcn_eval_diff(&d, e, w)) die("diff");
      printf("{\"bench\":\"diff_100_edits\",\"changed_items\":%zu}\n", khcn_diff_count(d));
      khcn_diff_free(d);
    }
    khcn_eval_free(w);
  }
  printf("{\"bench\":\"whatif_100_edits\",\"runs\":%d,\"median_us\":%.2f}\n", m100, median(tw, m100) * 1e6);
  fflush(stdout);

  /* 4. goal seek: the value of an at_least indicator that meets its target */
  int mg = 21;
  for (int r = 0; r < mg; r++) {
    char id[64];
    snprintf(id, sizeof id, "p%d.i%d", r % 63, 20 * (r + 1)); /* kind 0: at_least */
    double x;
    t0 = now();
    khcn_status st = khcn_goal_seek(&x, e, id, 0, KHCN_GOAL_MET, NULL, 0);
    tw[r] = now() - t0;
    if (st && st != KHCN_ENOTFOUND) die("khcn_goal_seek");
  }
  printf("{\"bench\":\"goal_seek\",\"runs\":%d,\"median_us\":%.2f}\n", mg, median(tw, mg) * 1e6);
  fflush(stdout);

  /* 5. sensitivity over one province */
  int ms = runs < 3 ? runs : 3;
  size_t cnt = 0;
  khcn_sensitivity_item top[5];
  for (int r = 0; r < ms; r++) {
    t0 = now();
    if (khcn_sensitivity(top, 5, &cnt, e, "p0.t0", 0.1)) die("khcn_sensitivity");
    t[r] = now() - t0;
  }
  printf("{\"bench\":\"sensitivity_province\",\"indicators\":%zu,\"runs\":%d,\"median_s\":%.4f,\"top_delta\":%.6g}\n",
         cnt, ms, median(t, ms), cnt ? top[0].delta : 0.0);
  fflush(stdout);

  /* 6. Monte Carlo: draws x 1,000 indicators (the first 1,000 of province 0..) */
  size_t *idx = malloc(mc_inds * sizeof *idx);
  if (!idx) die("malloc");
  for (size_t k = 0; k < mc_inds; k++) idx[k] = (k * 997) % n;
  khcn_mc_options mo = KHCN_MC_OPTIONS_INIT;
  mo.draws = mc_draws;
  mo.seed = 2026;
  mo.indicators = idx;
  mo.n_indicators = mc_inds < n ? mc_inds : n;
  double p0 = 0;
  for (int r = 0; r < ms; r++) {
    khcn_mc *mc;
    t0 = now();
    double c0 = cpu();
    if (khcn_montecarlo(&mc, e, &mo)) die("khcn_montecarlo");
    t[r] = now() - t0;
    tc[r] = cpu() - c0;
    double *pp = malloc(mo.n_indicators * sizeof *pp);
    if (pp && !khcn_mc_probabilities(mc, pp, mo.n_indicators)) {
      p0 = 0;
      size_t c = 0;
      for (size_t k = 0; k < mo.n_indicators; k++)
        if (pp[k] == pp[k]) { p0 += pp[k]; c++; }
      p0 = c ? p0 / c : 0;
    }
    free(pp);
    khcn_mc_free(mc);
  }
  med = median(t, ms);
  cmed = median(tc, ms);
  printf("{\"bench\":\"montecarlo\",\"draws\":%zu,\"indicators\":%zu,\"runs\":%d,\"median_s\":%.4f,"
         "\"cpu_median_s\":%.4f,\"goal_s\":1,\"mean_probability\":%.4f}\n",
         mc_draws, mo.n_indicators, ms, med, cmed, p0);
  fflush(stdout);

  /* 7. memory */
  long hwm = vm_kb("VmHWM:");
  double per = nobs ? 1024.0 / (double)nobs : 0.0;
  printf("{\"bench\":\"memory\",\"vmhwm_kb\":%ld,\"rss_after_plan_kb\":%ld,\"rss_after_eval_kb\":%ld,"
         "\"observations\":%zu,\"bytes_per_observation\":%.2f,\"plan_bytes_per_observation\":%.2f,"
         "\"evaluation_bytes_per_observation\":%.2f,\"goal_bytes_per_observation\":40}\n",
         hwm, rss_plan, rss_eval, nobs, hwm * per, rss_plan * per, (rss_eval - rss_plan) * per);
  free(idx);
  free(tw);
  khcn_scenario_free(s);
  khcn_eval_free(e);
  khcn_plan_free(plan);
  return 0;
}
