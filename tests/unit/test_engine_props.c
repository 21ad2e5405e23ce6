/* Property tests over thousands of random plans and scenarios:
 * - a scenario evaluation (incremental overlay) equals the full evaluation of
 *   a clone of the plan with the edits applied (khcn_scenario_apply);
 * - a scenario stacked on a scenario equals the combined scenario;
 * - the diff from the incremental path equals the diff from full evaluations;
 * - a Monte Carlo seed reproduces the same numbers. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runner.h"
#include "test_engine.h"

#define IGN(x) do { if ((x) != KHCN_OK) { /* an edit the API refuses is simply not made */ } } while (0)
static int rnd(khcn_rng *r, int n) { return (int)(khcn_rng_next(r) % (uint64_t)n); }

static khcn_plan *random_plan(khcn_rng *r) {
  khcn_plan *p = NULL;
  if (khcn_plan_new(&p, "rp") != KHCN_OK) return NULL;
  int ps = 2018 + rnd(r, 4), pe = ps + 4 + rnd(r, 6);
  if (khcn_plan_set_period(p, ps, pe)) goto fail;
  int nind = 2 + rnd(r, 14), nnode = 1 + rnd(r, 8), nag = 1 + rnd(r, 4);
  char id[32], id2[32], id3[32];
  for (int i = 0; i < nind; i++) {
    khcn_indicator *ind;
    snprintf(id, sizeof id, "i%d", i);
    if (khcn_plan_add_indicator(&ind, p, id, "x")) goto fail;
    int shape = rnd(r, 6);
    if (shape == 5 && i >= 2) {
      snprintf(id2, sizeof id2, "i%d", rnd(r, i));
      snprintf(id3, sizeof id3, "i%d", rnd(r, i));
      if (khcn_indicator_set_formula(ind, id2, id3, 100)) goto fail;
    } else {
      int ys[12];
      double vs[12];
      int n = 0;
      double v = rnd(r, 4) == 0 ? (double)(rnd(r, 3) - 1) : 1 + 100 * khcn_rng_uniform(r);
      for (int y = ps - 3; y <= ps + 6 && n < 12; y++) {
        if (rnd(r, 4) == 0) continue;
        ys[n] = y;
        vs[n] = v;
        n++;
        v = v * (0.9 + 0.3 * khcn_rng_uniform(r)) + (rnd(r, 8) == 0 ? -5 : 0);
      }
      if (khcn_indicator_set_series(ind, ys, vs, (size_t)n)) goto fail;
    }
    if (rnd(r, 2) && khcn_indicator_set_direction(ind, -1)) goto fail;
    if (rnd(r, 5) == 0 && khcn_indicator_set_measure(ind, KHCN_MEASURE_RATE)) goto fail;
    if (rnd(r, 5) == 0 && khcn_indicator_set_kind(ind, KHCN_KIND_FLOW)) goto fail;
    if (rnd(r, 6) == 0 && khcn_indicator_set_limit(ind, 100)) goto fail;
    if (rnd(r, 3) == 0 && khcn_indicator_set_baseline(ind, ps - 1, 1 + 50 * khcn_rng_uniform(r), NULL)) goto fail;
    int nt = rnd(r, 3);
    for (int j = 0; j < nt; j++) {
      khcn_target t;
      khcn_target_init(&t);
      t.comparator = (khcn_comparator)rnd(r, KHCN_CMP_COUNT_);
      t.year = rnd(r, 5) == 0 ? KHCN_EVERY_YEAR : ps + rnd(r, pe - ps + 1);
      t.value = t.comparator == KHCN_CMP_GROWTH ? 0.1 * khcn_rng_uniform(r) - 0.02
                : t.comparator == KHCN_CMP_MULTIPLE ? 0.5 + 2 * khcn_rng_uniform(r)
                                                     : 150 * khcn_rng_uniform(r);
      if (t.comparator == KHCN_CMP_RANGE) t.hi = t.value + (rnd(r, 6) == 0 ? -10 : 30 * khcn_rng_uniform(r));
      if (t.comparator == KHCN_CMP_MULTIPLE) t.base_year = ps - 1 + rnd(r, 3);
      if (rnd(r, 4) == 0) t.flags |= KHCN_TARGET_CUMULATIVE;
      if (rnd(r, 4) == 0) t.flags |= KHCN_TARGET_NO_OVERSHOOT;
      if (khcn_indicator_add_target(ind, &t)) goto fail;
    }
  }
  for (int k = 0; k < nnode; k++) {
    khcn_node *n;
    snprintf(id, sizeof id, "n%d", k);
    int par = k ? rnd(r, k + 1) - 1 : -1;
    snprintf(id2, sizeof id2, "n%d", par);
    if (khcn_plan_add_node(&n, p, KHCN_NODE_TASK, id, par >= 0 ? id2 : NULL, NULL, "t")) goto fail;
    if (rnd(r, 3) == 0 && khcn_node_set_weight(n, rnd(r, 3))) goto fail;
    int nl = rnd(r, 5);
    for (int l = 0; l < nl; l++) {
      snprintf(id3, sizeof id3, "i%d", rnd(r, nind));
      khcn_status st = khcn_node_link(n, id3, 1 + rnd(r, 3));
      if (st && st != KHCN_EEXISTS) goto fail;
    }
  }
  for (int a = 0; a < nag; a++) {
    snprintf(id, sizeof id, "a%d", a);
    if (khcn_plan_add_agency(NULL, p, id, "ag", NULL)) goto fail;
  }
  int nr = rnd(r, 3 * nnode + 1);
  for (int q = 0; q < nr; q++) {
    khcn_responsibility rr;
    memset(&rr, 0, sizeof rr);
    int k = rnd(r, nnode + 1);
    snprintf(id, sizeof id, "n%d", k);
    snprintf(id2, sizeof id2, "a%d", rnd(r, nag));
    rr.task = k == nnode ? NULL : id;
    rr.agency = id2;
    rr.role = (khcn_role)rnd(r, KHCN_ROLE_COUNT_);
    if (rr.role == KHCN_ROLE_REPORT) rr.to = "a0";
    khcn_status st = khcn_plan_assign(p, &rr);
    if (st && st != KHCN_EEXISTS) goto fail;
  }
  return p;
fail:
  khcn_plan_free(p);
  return NULL;
}

static void random_scenario(khcn_rng *r, const khcn_plan *p, khcn_scenario *s, int nedits) {
  char id[32], id2[32];
  size_t nind = khcn_plan_indicator_count(p), nnode = khcn_plan_node_count(p), nag = khcn_plan_agency_count(p);
  int ps = khcn_plan_start(p);
  for (int q = 0; q < nedits; q++) {
    int kind = rnd(r, 10);
    size_t i = (size_t)rnd(r, (int)nind);
    const khcn_indicator *ind = khcn_plan_indicator_at(p, i);
    snprintf(id, sizeof id, "%s", khcn_indicator_id(ind));
    size_t nt = khcn_indicator_target_count(ind);
    switch (kind) {
    case 0:
    case 1:
      IGN(khcn_scenario_set_observation(s, id, ps - 2 + rnd(r, 9), 200 * khcn_rng_uniform(r) - 20));
      break;
    case 2: IGN(khcn_scenario_remove_observation(s, id, ps - 2 + rnd(r, 9))); break;
    case 3:
      if (nt) IGN(khcn_scenario_set_target_value(s, id, (size_t)rnd(r, (int)nt), 150 * khcn_rng_uniform(r)));
      break;
    case 4:
      if (nt) IGN(khcn_scenario_set_target_year(s, id, (size_t)rnd(r, (int)nt), ps + rnd(r, 8)));
      break;
    case 5:
      if (nt) IGN(khcn_scenario_set_target_comparator(s, id, (size_t)rnd(r, (int)nt),
                                                        (khcn_comparator)rnd(r, KHCN_CMP_COUNT_)));
      break;
    case 6: {
      snprintf(id2, sizeof id2, "n%d", rnd(r, (int)nnode));
      IGN(khcn_scenario_set_node_weight(s, id2, rnd(r, 4)));
      break;
    }
    case 7: {
      size_t k = (size_t)rnd(r, (int)nnode);
      const khcn_node *n = khcn_plan_node_at(p, k);
      if (khcn_node_link_count(n)) {
        const char *li;
        double w;
        (void)khcn_node_link_at(n, (size_t)rnd(r, (int)khcn_node_link_count(n)), &li, &w);
        IGN(khcn_scenario_set_link_weight(s, khcn_node_id(n), li, 0.5 + rnd(r, 4)));
      }
      break;
    }
    case 8: {
      int k = rnd(r, (int)nnode + 1);
      snprintf(id, sizeof id, "n%d", k);
      snprintf(id2, sizeof id2, "a%d", rnd(r, (int)nag));
      khcn_role role = (khcn_role)rnd(r, KHCN_ROLE_COUNT_ - 1); /* report needs a recipient in a plan */
      if (rnd(r, 2)) IGN(khcn_scenario_assign(s, k == (int)nnode ? NULL : id, id2, role));
      else IGN(khcn_scenario_unassign(s, k == (int)nnode ? NULL : id, id2, role));
      break;
    }
    default: {
      size_t nr = khcn_plan_responsibility_count(p);
      if (nr) {
        khcn_responsibility rr;
        (void)khcn_plan_responsibility_at(p, (size_t)rnd(r, (int)nr), &rr);
        if (rr.role != KHCN_ROLE_REPORT) {
          snprintf(id2, sizeof id2, "a%d", rnd(r, (int)nag));
          int k = rnd(r, (int)nnode + 1);
          snprintf(id, sizeof id, "n%d", k);
          IGN(khcn_scenario_move_role(s, rr.task, rr.agency, rr.role, k == (int)nnode ? NULL : id, id2));
        }
      }
    }
    }
  }
}

static int same(double a, double b) { return a == b || (isnan(a) && isnan(b)) || fabs(a - b) <= 1e-12 * fmax(1, fabs(b)); }

static int results_equal(const khcn_result *a, const khcn_result *b) {
  return a->indicator == b->indicator && a->target == b->target && a->year == b->year &&
         a->target_year == b->target_year && a->base_year == b->base_year && same(a->base_value, b->base_value) &&
         same(a->value, b->value) && same(a->attainment, b->attainment) &&
         same(a->attainment_raw, b->attainment_raw) && a->met == b->met && same(a->pace, b->pace) &&
         same(a->score, b->score) && a->status == b->status && same(a->projected, b->projected) &&
         same(a->projected_attainment, b->projected_attainment) && same(a->years_behind, b->years_behind) &&
         same(a->required_value, b->required_value) && same(a->required_growth, b->required_growth) &&
         same(a->threshold, b->threshold) && a->flags == b->flags;
}

static int evals_equal(const khcn_eval *x, const khcn_eval *y, char *why, size_t whylen) {
  size_t n = khcn_eval_indicator_count(x);
  if (n != khcn_eval_indicator_count(y)) return snprintf(why, whylen, "count"), 0;
  for (size_t i = 0; i < n; i++) {
    khcn_result a, b;
    if (khcn_eval_indicator(x, i, &a) || khcn_eval_indicator(y, i, &b)) return snprintf(why, whylen, "get"), 0;
    if (!results_equal(&a, &b)) return snprintf(why, whylen, "indicator %zu", i), 0;
    size_t nt = khcn_eval_target_count(x, i);
    if (nt != khcn_eval_target_count(y, i)) return snprintf(why, whylen, "target count %zu", i), 0;
    for (size_t j = 0; j < nt; j++) {
      if (khcn_eval_target(x, i, j, &a) || khcn_eval_target(y, i, j, &b)) return snprintf(why, whylen, "tget"), 0;
      if (!results_equal(&a, &b)) return snprintf(why, whylen, "target %zu/%zu", i, j), 0;
    }
  }
  for (size_t k = 0; k < khcn_eval_node_count(x); k++) {
    khcn_node_result a, b;
    if (khcn_eval_node(x, k, &a) || khcn_eval_node(y, k, &b)) return snprintf(why, whylen, "nget"), 0;
    if (!same(a.score, b.score) || !same(a.coverage, b.coverage) || a.status != b.status ||
        a.children != b.children || a.assessed != b.assessed || a.achieved != b.achieved)
      return snprintf(why, whylen, "node %zu: %g/%g %d/%d", k, a.score, b.score, a.status, b.status), 0;
  }
  for (size_t g = 0; g < khcn_eval_agency_count(x); g++) {
    khcn_agency_result a, b;
    if (khcn_eval_agency(x, g, &a) || khcn_eval_agency(y, g, &b)) return snprintf(why, whylen, "aget"), 0;
    if (!same(a.score, b.score) || !same(a.coverage, b.coverage) || !same(a.weight, b.weight) ||
        a.status != b.status || a.roles != b.roles || a.lagging != b.lagging ||
        memcmp(a.counts, b.counts, sizeof a.counts) != 0)
      return snprintf(why, whylen, "agency %zu: %g/%g roles %zu/%zu", g, a.score, b.score, a.roles, b.roles), 0;
    size_t l1[64], l2[64];
    size_t c1 = khcn_eval_agency_lagging(x, g, l1, 64), c2 = khcn_eval_agency_lagging(y, g, l2, 64);
    if (c1 != c2 || memcmp(l1, l2, (c1 < 64 ? c1 : 64) * sizeof *l1) != 0)
      return snprintf(why, whylen, "lagging %zu", g), 0;
  }
  return 1;
}

static int diffs_equal(const khcn_diff *a, const khcn_diff *b) {
  if (khcn_diff_count(a) != khcn_diff_count(b)) return 0;
  for (size_t i = 0; i < khcn_diff_count(a); i++) {
    khcn_diff_entry x, y;
    if (khcn_diff_at(a, i, &x) || khcn_diff_at(b, i, &y)) return 0;
    if (x.kind != y.kind || x.index != y.index || !same(x.before, y.before) || !same(x.after, y.after) ||
        x.status_before != y.status_before || x.status_after != y.status_after)
      return 0;
  }
  return 1;
}

static void t_scenario_equals_clone(void) {
  khcn_rng r;
  khcn_rng_seed(&r, 20261122);
  int checked = 0, failures = 0;
  for (int it = 0; it < 3000; it++) {
    khcn_plan *p = random_plan(&r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
    o.as_of = khcn_plan_start(p) + rnd(&r, 7);
    khcn_eval *base = NULL, *w = NULL, *full = NULL, *w1 = NULL, *w12 = NULL;
    khcn_scenario *s = NULL, *s2 = NULL, *sall = NULL;
    khcn_plan *c = NULL;
    CU_ASSERT_FATAL(khcn_evaluate(&base, p, &o, NULL) == KHCN_OK);
    CU_ASSERT_FATAL(khcn_scenario_new(&s) == KHCN_OK && khcn_scenario_new(&s2) == KHCN_OK);
    random_scenario(&r, p, s, 1 + rnd(&r, 5));
    random_scenario(&r, p, s2, 1 + rnd(&r, 3));
    khcn_status st = khcn_scenario_evaluate(&w, base, s);
    CU_ASSERT_FATAL(khcn_plan_clone(&c, p) == KHCN_OK);
    khcn_status st2 = khcn_scenario_apply(c, s);
    CU_ASSERT_EQUAL(st == KHCN_OK, st2 == KHCN_OK);
    if ((st == KHCN_OK) != (st2 == KHCN_OK) && failures++ < 5)
      fprintf(stderr, "status mismatch %d %d: %s\n", st, st2, khcn_error_last()->message);
    if (st == KHCN_OK && st2 == KHCN_OK) {
      CU_ASSERT_FATAL(khcn_evaluate(&full, c, &o, NULL) == KHCN_OK);
      char why[128] = "";
      int eq = evals_equal(w, full, why, sizeof why);
      if (!eq && failures++ < 3) fprintf(stderr, "scenario != clone (iteration %d): %s\n", it, why);
      CU_ASSERT(eq);
      /* diff: incremental path vs full compare */
      khcn_diff *d1, *d2;
      CU_ASSERT_FATAL(khcn_eval_diff(&d1, base, w) == KHCN_OK);
      CU_ASSERT_FATAL(khcn_eval_diff(&d2, base, full) == KHCN_OK);
      CU_ASSERT(diffs_equal(d1, d2));
      khcn_diff_free(d1);
      khcn_diff_free(d2);
      /* stacked: (s then s2) over base == s2 over w */
      CU_ASSERT_FATAL(khcn_scenario_new(&sall) == KHCN_OK);
      random_scenario(&r, p, sall, 0);
      khcn_status a1 = khcn_scenario_evaluate(&w12, w, s2);
      if (a1 == KHCN_OK) {
        khcn_plan *c2 = NULL;
        CU_ASSERT_FATAL(khcn_plan_clone(&c2, c) == KHCN_OK);
        if (khcn_scenario_apply(c2, s2) == KHCN_OK) {
          khcn_eval *full2;
          CU_ASSERT_FATAL(khcn_evaluate(&full2, c2, &o, NULL) == KHCN_OK);
          eq = evals_equal(w12, full2, why, sizeof why);
          if (!eq && failures++ < 3) fprintf(stderr, "stacked != clone (iteration %d): %s\n", it, why);
          CU_ASSERT(eq);
          khcn_eval_free(full2);
        }
        khcn_plan_free(c2);
      }
      checked++;
    }
    (void)w1;
    khcn_eval_free(w12);
    khcn_eval_free(w);
    khcn_eval_free(full);
    khcn_eval_free(base);
    khcn_scenario_free(s);
    khcn_scenario_free(s2);
    khcn_scenario_free(sall);
    khcn_plan_free(c);
    khcn_plan_free(p);
  }
  CU_ASSERT(checked > 2000);
}

static void t_montecarlo_seed(void) {
  khcn_rng r;
  khcn_rng_seed(&r, 99);
  for (int it = 0; it < 200; it++) {
    khcn_plan *p = random_plan(&r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
    o.as_of = khcn_plan_start(p) + 2;
    khcn_eval *e;
    CU_ASSERT_FATAL(khcn_evaluate(&e, p, &o, NULL) == KHCN_OK);
    khcn_mc_options mo = KHCN_MC_OPTIONS_INIT;
    mo.draws = 200;
    mo.seed = (uint64_t)it;
    khcn_mc *a, *b;
    CU_ASSERT_FATAL(khcn_montecarlo(&a, e, &mo) == KHCN_OK);
    CU_ASSERT_FATAL(khcn_montecarlo(&b, e, &mo) == KHCN_OK);
    size_t n = khcn_mc_indicator_count(a);
    for (size_t k = 0; k < n; k++)
      for (size_t j = 0; j < khcn_eval_target_count(e, k); j++) {
        double x = khcn_mc_probability(a, k, j), y = khcn_mc_probability(b, k, j);
        CU_ASSERT(x == y || (isnan(x) && isnan(y)));
        CU_ASSERT(isnan(x) || (x >= 0 && x <= 1));
      }
    for (size_t k = 0; k < khcn_eval_node_count(e); k++) {
      khcn_mc_node x, y;
      khcn_status s1 = khcn_mc_node_stats(a, k, &x), s2 = khcn_mc_node_stats(b, k, &y);
      CU_ASSERT_EQUAL(s1, s2);
      if (!s1) CU_ASSERT(memcmp(&x, &y, sizeof x) == 0);
    }
    khcn_mc_free(a);
    khcn_mc_free(b);
    khcn_eval_free(e);
    khcn_plan_free(p);
  }
}

/* re-evaluation (shared structure) equals a fresh evaluation */
static void t_reevaluate(void) {
  khcn_rng r;
  khcn_rng_seed(&r, 4242);
  for (int it = 0; it < 300; it++) {
    khcn_plan *p = random_plan(&r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
    o.as_of = khcn_plan_start(p);
    khcn_eval *a, *b, *c;
    KT_OK(khcn_evaluate(&a, p, &o, NULL));
    o.as_of += 1 + rnd(&r, 6);
    if (rnd(&r, 3) == 0) o.role_weight[KHCN_ROLE_ADVISE] = 0.75;
    KT_OK(khcn_eval_reevaluate(&b, a, &o, NULL));
    khcn_eval_free(a); /* b keeps the shared structure alive */
    KT_OK(khcn_evaluate(&c, p, &o, NULL));
    char why[128];
    CU_ASSERT(evals_equal(b, c, why, sizeof why));
    CU_ASSERT_EQUAL(khcn_eval_as_of(b), o.as_of);
    khcn_eval_free(b);
    khcn_eval_free(c);
    khcn_plan_free(p);
  }
}

/* the bulk columns equal the per-indicator records, for full and scenario evaluations */
static int columns_match(const khcn_eval *e) {
  size_t n = khcn_eval_indicator_count(e);
  khcn_column cols[KHCN_COL_COUNT_];
  for (int c = 0; c < KHCN_COL_COUNT_; c++) cols[c] = (khcn_column)c;
  double *all = malloc((n ? n : 1) * KHCN_COL_COUNT_ * sizeof *all), *one = malloc((n ? n : 1) * sizeof *one);
  int ok = all && one && khcn_eval_columns(e, cols, KHCN_COL_COUNT_, all, n * KHCN_COL_COUNT_) == KHCN_OK;
  for (size_t i = 0; ok && i < n; i++) {
    khcn_result r;
    if (khcn_eval_indicator(e, i, &r)) ok = 0;
    double ex[KHCN_COL_COUNT_] = {r.value, r.year, r.attainment, r.attainment_raw, r.met, r.pace, r.score, r.status,
                                  r.projected, r.projected_attainment, r.years_behind, r.required_value,
                                  r.required_growth, r.flags, r.target == SIZE_MAX ? -1.0 : (double)r.target,
                                  r.target_year, r.base_year, r.base_value, r.threshold};
    for (int c = 0; c < KHCN_COL_COUNT_; c++)
      if (!same(all[c * n + i], ex[c])) ok = 0;
  }
  for (int c = 0; ok && c < KHCN_COL_COUNT_; c++) {
    if (khcn_eval_column(e, (khcn_column)c, one, n)) ok = 0;
    for (size_t i = 0; ok && i < n; i++)
      if (!same(one[i], all[c * n + i])) {
        fprintf(stderr, "column %s, indicator %zu: %g vs %g\n", khcn_column_name((khcn_column)c), i, one[i],
                all[c * n + i]);
        ok = 0;
      }
  }
  free(all);
  free(one);
  return ok;
}

static void t_columns_random(void) {
  khcn_rng r;
  khcn_rng_seed(&r, 777);
  for (int it = 0; it < 300; it++) {
    khcn_plan *p = random_plan(&r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
    o.as_of = khcn_plan_start(p) + rnd(&r, 7);
    khcn_eval *e, *w = NULL;
    khcn_scenario *s;
    KT_OK(khcn_evaluate(&e, p, &o, NULL));
    CU_ASSERT(columns_match(e));
    KT_OK(khcn_scenario_new(&s));
    random_scenario(&r, p, s, 3);
    if (khcn_scenario_evaluate(&w, e, s) == KHCN_OK) CU_ASSERT(columns_match(w));
    khcn_eval_free(w);
    khcn_scenario_free(s);
    khcn_eval_free(e);
    khcn_plan_free(p);
  }
}

/* const functions are reentrant: threads read one evaluation and make
 * scenario evaluations over it at the same time (run under TSan in CI) */
typedef struct thr_arg {
  const khcn_eval *e;
  const khcn_plan *p;
  int ok;
} thr_arg;

static void *thr_main(void *argp) {
  thr_arg *a = argp;
  a->ok = 1;
  size_t n = khcn_eval_indicator_count(a->e);
  for (int it = 0; it < 50; it++) {
    khcn_scenario *s;
    khcn_eval *w;
    if (khcn_scenario_new(&s)) { a->ok = 0; break; }
    const khcn_indicator *ind = khcn_plan_indicator_at(a->p, (size_t)it % n);
    if (khcn_scenario_set_observation(s, khcn_indicator_id(ind), 2024, 10.0 + it) ||
        khcn_scenario_evaluate(&w, a->e, s))
      a->ok = 0;
    else {
      khcn_result r;
      if (khcn_eval_indicator(w, (size_t)it % n, &r) || khcn_eval_indicator(a->e, (size_t)it % n, &r)) a->ok = 0;
      khcn_eval_free(w);
    }
    khcn_scenario_free(s);
  }
  return NULL;
}

static void t_threads(void) {
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.provinces = 2;
  so.indicators = 400;
  khcn_plan *p;
  KT_OK(khcn_synth_generate(&p, &so));
  khcn_eval *e;
  KT_OK(khcn_evaluate(&e, p, NULL, NULL));
  pthread_t th[4];
  thr_arg args[4];
  for (int k = 0; k < 4; k++) {
    args[k].e = e;
    args[k].p = p;
    CU_ASSERT_FATAL(pthread_create(&th[k], NULL, thr_main, &args[k]) == 0);
  }
  for (int k = 0; k < 4; k++) {
    pthread_join(th[k], NULL);
    CU_ASSERT(args[k].ok);
  }
  khcn_eval_free(e);
  khcn_plan_free(p);
}

/* the synthetic generator is deterministic and evaluates without NaN statuses */
static void t_synth(void) {
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.provinces = 3;
  so.indicators = 600;
  so.seed = 5;
  khcn_plan *a, *b;
  KT_OK(khcn_synth_generate(&a, &so));
  KT_OK(khcn_synth_generate(&b, &so));
  CU_ASSERT_EQUAL(khcn_plan_indicator_count(a), 600);
  CU_ASSERT_EQUAL(khcn_plan_validate(a, NULL, 0), KHCN_OK);
  khcn_eval *ea, *eb;
  KT_OK(khcn_evaluate(&ea, a, NULL, NULL));
  KT_OK(khcn_evaluate(&eb, b, NULL, NULL));
  char why[128];
  CU_ASSERT(evals_equal(ea, eb, why, sizeof why));
  int counts[KHCN_PROGRESS_COUNT_] = {0};
  int st[600];
  KT_OK(khcn_eval_column_int(ea, KHCN_COL_STATUS, st, 600));
  for (int i = 0; i < 600; i++) {
    CU_ASSERT(st[i] >= 0 && st[i] < KHCN_PROGRESS_COUNT_);
    counts[st[i]]++;
  }
  CU_ASSERT(counts[KHCN_PROGRESS_ACHIEVED] > 0);
  CU_ASSERT(counts[KHCN_PROGRESS_DETERIORATING] + counts[KHCN_PROGRESS_LIMITED_PROGRESS] > 0);
  khcn_node_result n;
  KT_OK(khcn_eval_plan_result(ea, &n));
  CU_ASSERT(isfinite(n.score));
  khcn_eval_free(ea);
  khcn_eval_free(eb);
  khcn_plan_free(a);
  khcn_plan_free(b);
  /* corner sizes */
  so.agencies_per_province = 1;
  so.depth = 1;
  so.provinces = 2;
  so.indicators = 7;
  KT_OK(khcn_synth_generate(&a, &so));
  CU_ASSERT_EQUAL(khcn_plan_node_count(a), 2);
  CU_ASSERT_EQUAL(khcn_plan_indicator_count(a), 7);
  khcn_plan_free(a);
  so.depth = 50;
  CU_ASSERT_EQUAL(khcn_synth_generate(&a, &so), KHCN_EINVAL);
  so.version = 7;
  CU_ASSERT_EQUAL(khcn_synth_generate(&a, &so), KHCN_EVERSION);
}

CU_ErrorCode khcn_test_engine_props_suite(void) {
  static const khcn_test_case cases[] = {{"scenario_equals_clone", t_scenario_equals_clone},
                                         {"montecarlo_seed", t_montecarlo_seed},
                                         {"reevaluate", t_reevaluate},
                                         {"threads", t_threads},
                                         {"columns_random", t_columns_random},
                                         {"synth", t_synth},
                                         {NULL, NULL}};
  return khcn_test_add_suite("engine_props", cases);
}
