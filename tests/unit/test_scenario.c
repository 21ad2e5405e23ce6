/* What-if scenarios, diffs, goal seek, sensitivity, Monte Carlo and the PRNG
 * (hand-computed expectations). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal/util.h"
#include "runner.h"
#include "test_engine.h"

static double sc(double R) { return R >= 0.6 ? fmin(7.1429 * R - 4.2857, 5) : fmax(4.1667 * R - 2.5, -5); }

/* e (Eurostat: 40 -> 44, at least 50 in 2030), lb (20 -> 17, at most 12),
 * node N links both; agency g leads N. */
static khcn_plan *small(void) {
  khcn_plan *p = kt_plan(2015, 2030);
  int y[] = {2015, 2023};
  double v[] = {40, 44}, w[] = {20, 17};
  kt_target(kt_ind(p, "e", y, v, 2), KHCN_CMP_AT_LEAST, 2030, 50, NAN);
  khcn_indicator *lb = kt_ind(p, "lb", y, w, 2);
  KT_OK(khcn_indicator_set_direction(lb, -1));
  kt_target(lb, KHCN_CMP_AT_MOST, 2030, 12, NAN);
  khcn_node *n;
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "N", NULL, NULL, "N"));
  KT_OK(khcn_node_link(n, "e", 1));
  KT_OK(khcn_node_link(n, "lb", 1));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "M", NULL, NULL, "M"));
  KT_OK(khcn_node_link(n, "lb", 1));
  KT_OK(khcn_plan_add_agency(NULL, p, "g", "Sở", NULL));
  KT_OK(khcn_plan_add_agency(NULL, p, "h", "Sở", NULL));
  khcn_responsibility r;
  memset(&r, 0, sizeof r);
  r.task = "N";
  r.agency = "g";
  r.role = KHCN_ROLE_LEAD;
  KT_OK(khcn_plan_assign(p, &r));
  return p;
}

static khcn_eval *ev(const khcn_plan *p) {
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  khcn_eval *e = NULL;
  CU_ASSERT_FATAL(khcn_evaluate(&e, p, &o, NULL) == KHCN_OK);
  return e;
}

static const double R2 = 0.7996712699594009, R3 = 0.6006239891065591;

static void t_set_observation_and_diff(void) {
  khcn_plan *p = small();
  khcn_eval *base = ev(p), *w;
  khcn_scenario *s;
  KT_OK(khcn_scenario_new(&s));
  KT_OK(khcn_scenario_set_observation(s, "e", 2023, 50));
  CU_ASSERT_EQUAL(khcn_scenario_edit_count(s), 1);
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  khcn_result r;
  KT_OK(khcn_eval_indicator(w, 0, &r));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  CU_ASSERT_EQUAL(r.value, 50);
  /* the plan is unchanged */
  double vals[2];
  CU_ASSERT_EQUAL(khcn_indicator_series(khcn_plan_indicator(p, "e"), NULL, vals, 2), 2);
  CU_ASSERT_EQUAL(vals[1], 44);
  KT_OK(khcn_eval_indicator(base, 0, &r));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  khcn_node_result n;
  KT_OK(khcn_eval_node_by_id(w, "N", &n));
  KT_NEAR(n.score, (5 + sc(R3)) / 2, 1e-12);
  khcn_agency_result a;
  KT_OK(khcn_eval_agency_by_id(w, "g", &a));
  KT_NEAR(a.score, (5 + sc(R3)) / 2, 1e-12);
  CU_ASSERT_EQUAL(a.counts[KHCN_PROGRESS_ACHIEVED], 1);
  CU_ASSERT_EQUAL(a.lagging, 1);
  /* diff: indicator e, node N, the plan, agency g */
  khcn_diff *d;
  KT_OK(khcn_eval_diff(&d, base, w));
  CU_ASSERT_EQUAL(khcn_diff_count(d), 4);
  khcn_diff_entry de;
  KT_OK(khcn_diff_at(d, 0, &de));
  CU_ASSERT_EQUAL(de.kind, KHCN_DIFF_INDICATOR);
  CU_ASSERT_EQUAL(de.index, 0);
  KT_NEAR(de.before, sc(R2), 1e-12);
  CU_ASSERT_EQUAL(de.after, 5);
  KT_NEAR(de.delta, 5 - sc(R2), 1e-12);
  CU_ASSERT_EQUAL(de.status_before, KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT_EQUAL(de.status_after, KHCN_PROGRESS_ACHIEVED);
  KT_NEAR(de.attainment_after, 1, 1e-12);
  KT_OK(khcn_diff_at(d, 1, &de));
  CU_ASSERT_EQUAL(de.kind, KHCN_DIFF_NODE);
  CU_ASSERT_EQUAL(de.index, 0);
  KT_OK(khcn_diff_at(d, 2, &de));
  CU_ASSERT_EQUAL(de.kind, KHCN_DIFF_NODE);
  CU_ASSERT_EQUAL(de.index, 2); /* the plan */
  KT_OK(khcn_diff_at(d, 3, &de));
  CU_ASSERT_EQUAL(de.kind, KHCN_DIFF_AGENCY);
  CU_ASSERT_EQUAL(khcn_diff_at(d, 4, &de), KHCN_ENOTFOUND);
  khcn_diff_free(d);
  /* the reverse diff and the diff with itself */
  KT_OK(khcn_eval_diff(&d, w, base));
  CU_ASSERT_EQUAL(khcn_diff_count(d), 4);
  khcn_diff_free(d);
  KT_OK(khcn_eval_diff(&d, base, base));
  CU_ASSERT_EQUAL(khcn_diff_count(d), 0);
  khcn_diff_free(d);
  /* removing the observation: one point left, not met -> insufficient_data */
  khcn_eval *w2;
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_remove_observation(s, "e", 2023));
  KT_OK(khcn_scenario_evaluate(&w2, base, s));
  KT_OK(khcn_eval_indicator(w2, 0, &r));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  CU_ASSERT_EQUAL(r.year, 2015);
  khcn_eval_free(w2);
  /* a stacked scenario over w: both edits */
  KT_OK(khcn_scenario_evaluate(&w2, w, s));
  KT_OK(khcn_eval_indicator(w2, 0, &r));
  CU_ASSERT_EQUAL(r.year, 2015);
  khcn_eval_free(w2);
  /* unknown ids */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_observation(s, "zz", 2023, 1));
  CU_ASSERT_EQUAL(khcn_scenario_evaluate(&w2, base, s), KHCN_ENOTFOUND);
  CU_ASSERT_PTR_NULL(w2);
  CU_ASSERT_EQUAL(khcn_scenario_set_observation(s, "e", 1800, 1), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_scenario_set_observation(s, "e", 2020, NAN), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_scenario_set_node_weight(s, "N", -1), KHCN_EINVAL);
  khcn_scenario_free(s);
  khcn_eval_free(w);
  khcn_eval_free(base);
  khcn_plan_free(p);
}

static void t_targets_weights_roles(void) {
  khcn_plan *p = small();
  khcn_eval *base = ev(p), *w;
  khcn_scenario *s;
  KT_OK(khcn_scenario_new(&s));
  /* target 50 -> 46: R = ((44/40)^(1/8) - 1) / ((46/40)^(1/15) - 1) */
  KT_OK(khcn_scenario_set_target_value(s, "e", 0, 46));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  khcn_result r;
  KT_OK(khcn_eval_indicator(w, 0, &r));
  double R = (pow(1.1, 1.0 / 8) - 1) / (pow(46.0 / 40, 1.0 / 15) - 1);
  KT_NEAR(r.pace, R, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  khcn_eval_free(w);
  /* year 2030 -> 2024: the 2023 value is judged against a nearer deadline */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_target_year(s, "e", 0, 2024));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_eval_indicator(w, 0, &r));
  KT_NEAR(r.pace, (pow(1.1, 1.0 / 8) - 1) / (pow(1.25, 1.0 / 9) - 1), 1e-12);
  khcn_eval_free(w);
  /* comparator -> at_most: 44 <= 50 met */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_target_comparator(s, "e", 0, KHCN_CMP_AT_MOST));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_eval_indicator(w, 0, &r));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  khcn_eval_free(w);
  /* a whole target */
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_GROWTH;
  t.year = 2030;
  t.value = 0.02;
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_target(s, "e", 0, &t));
  CU_ASSERT_EQUAL(khcn_scenario_set_target(s, "e", 0, NULL), KHCN_EINVAL);
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_eval_indicator(w, 0, &r));
  KT_NEAR(r.attainment_raw, (pow(1.1, 1.0 / 8) - 1) / 0.02, 1e-12);
  khcn_eval_free(w);
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_target_value(s, "e", 3, 1));
  CU_ASSERT_EQUAL(khcn_scenario_evaluate(&w, base, s), KHCN_ENOTFOUND);
  /* link and node weights: N = (3 sc(R2) + sc(R3)) / 4 */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_link_weight(s, "N", "e", 3));
  KT_OK(khcn_scenario_set_node_weight(s, "M", 0));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  khcn_node_result n;
  KT_OK(khcn_eval_node_by_id(w, "N", &n));
  KT_NEAR(n.score, (3 * sc(R2) + sc(R3)) / 4, 1e-12);
  KT_OK(khcn_eval_plan_result(w, &n));
  KT_NEAR(n.score, (3 * sc(R2) + sc(R3)) / 4, 1e-12); /* M has weight 0 */
  khcn_eval_free(w);
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_set_link_weight(s, "M", "e", 3));
  CU_ASSERT_EQUAL(khcn_scenario_evaluate(&w, base, s), KHCN_ENOTFOUND);
  /* roles: move g's lead from N to M, add h as cooperate on N */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_move_role(s, "N", "g", KHCN_ROLE_LEAD, "M", "g"));
  KT_OK(khcn_scenario_assign(s, "N", "h", KHCN_ROLE_COOPERATE));
  CU_ASSERT_EQUAL(khcn_scenario_edit_count(s), 3);
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  khcn_agency_result a;
  KT_OK(khcn_eval_agency_by_id(w, "g", &a));
  KT_NEAR(a.score, sc(R3), 1e-12);
  CU_ASSERT_EQUAL(a.roles, 1);
  CU_ASSERT_EQUAL(a.counts[KHCN_PROGRESS_NEEDS_ACCELERATION], 1);
  KT_OK(khcn_eval_agency_by_id(w, "h", &a));
  KT_NEAR(a.score, (sc(R2) + sc(R3)) / 2, 1e-12);
  KT_NEAR(a.weight, 0.5, 1e-12);
  CU_ASSERT_EQUAL(a.lagging, 0);
  khcn_eval_free(w);
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_unassign(s, "N", "g", KHCN_ROLE_LEAD));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_eval_agency_by_id(w, "g", &a));
  CU_ASSERT_EQUAL(a.status, KHCN_PROGRESS_NO_DATA);
  CU_ASSERT_EQUAL(a.roles, 0);
  khcn_eval_free(w);
  khcn_scenario_free(s);
  khcn_eval_free(base);
  khcn_plan_free(p);
}

static void t_assumed_growth(void) {
  khcn_plan *p = small();
  khcn_eval *base = ev(p), *w;
  khcn_scenario *s;
  KT_OK(khcn_scenario_new(&s));
  KT_OK(khcn_scenario_assume_growth(s, "e", 2023, 0.03));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  khcn_result r;
  KT_OK(khcn_eval_indicator(w, 0, &r));
  KT_NEAR(r.projected, 44 * pow(1.03, 7), 1e-12);
  CU_ASSERT(r.flags & KHCN_RESULT_ASSUMED_GROWTH);
  khcn_eval_free(w);
  /* from 2026: observed CAGR to 2026, then 3 % */
  khcn_scenario_clear(s);
  KT_OK(khcn_scenario_assume_growth(s, "e", 2026, 0.03));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_eval_indicator(w, 0, &r));
  KT_NEAR(r.projected, 44 * pow(pow(1.1, 1.0 / 8), 3) * pow(1.03, 4), 1e-12);
  khcn_eval_free(w);
  CU_ASSERT_EQUAL(khcn_scenario_assume_growth(s, "e", 2026, -1), KHCN_EINVAL);
  khcn_scenario_free(s);
  khcn_eval_free(base);
  khcn_plan_free(p);
}

static void t_goal_seek(void) {
  khcn_plan *p = small();
  khcn_eval *base = ev(p);
  double x;
  KT_OK(khcn_goal_seek(&x, base, "e", 2023, KHCN_GOAL_MET, NULL, 0));
  KT_NEAR(x, 50, 1e-10);
  /* on track: ((x/40)^(1/8) - 1) / ((50/40)^(1/15) - 1) = 0.95 */
  double cr = pow(1.25, 1.0 / 15) - 1;
  KT_OK(khcn_goal_seek(&x, base, "e", 0, KHCN_GOAL_ON_TRACK, NULL, 0));
  KT_NEAR(x, 40 * pow(1 + 0.95 * cr, 8), 1e-10);
  /* lower is better: the greatest value that meets at most 12 */
  KT_OK(khcn_goal_seek(&x, base, "lb", 2023, KHCN_GOAL_MET, NULL, 0));
  KT_NEAR(x, 12, 1e-10);
  /* node M (only lb) to score 2.5: 7.1429 R - 4.2857 = 2.5 */
  double Rn = (2.5 + 4.2857) / 7.1429;
  double crl = pow(12.0 / 20, 1.0 / 15) - 1;
  double xl = 20 * pow(1 - Rn * fabs(crl), 8);
  KT_OK(khcn_goal_seek(&x, base, "lb", 2023, KHCN_GOAL_NODE_SCORE, "M", 2.5));
  KT_NEAR(x, xl, 1e-9);
  CU_ASSERT_EQUAL(khcn_goal_seek(&x, base, "lb", 2023, KHCN_GOAL_NODE_SCORE, "M", 6), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_goal_seek(&x, base, "zz", 2023, KHCN_GOAL_MET, NULL, 0), KHCN_ENOTFOUND);
  /* over a scenario evaluation: the target moved to 60 */
  khcn_scenario *s;
  khcn_eval *w;
  KT_OK(khcn_scenario_new(&s));
  KT_OK(khcn_scenario_set_target_value(s, "e", 0, 60));
  KT_OK(khcn_scenario_evaluate(&w, base, s));
  KT_OK(khcn_goal_seek(&x, w, "e", 2023, KHCN_GOAL_MET, NULL, 0));
  KT_NEAR(x, 60, 1e-10);
  khcn_eval_free(w);
  khcn_scenario_free(s);
  khcn_eval_free(base);
  khcn_plan_free(p);
}

static void t_sensitivity(void) {
  khcn_plan *p = small();
  khcn_eval *base = ev(p);
  khcn_sensitivity_item it[4];
  size_t n = 0;
  KT_OK(khcn_sensitivity(it, 4, &n, base, "N", 0.1));
  CU_ASSERT_EQUAL(n, 2);
  /* e: 44 -> 48.4; lb: 17 -> 15.3 (toward better) */
  double se = sc((pow(48.4 / 40, 1.0 / 8) - 1) / (pow(1.25, 1.0 / 15) - 1));
  double sl = sc(-(pow(15.3 / 20, 1.0 / 8) - 1) / fabs(pow(0.6, 1.0 / 15) - 1));
  double b = (sc(R2) + sc(R3)) / 2;
  double de = (se + sc(R3)) / 2 - b, dl = (sc(R2) + sl) / 2 - b;
  size_t first = fabs(de) >= fabs(dl) ? 0 : 1;
  CU_ASSERT_EQUAL(it[0].indicator, first);
  KT_NEAR(it[0].delta, first == 0 ? de : dl, 1e-12);
  KT_NEAR(it[1].delta, first == 0 ? dl : de, 1e-12);
  CU_ASSERT(fabs(it[0].delta) >= fabs(it[1].delta));
  KT_OK(khcn_sensitivity(it, 1, &n, base, NULL, 0.1));
  CU_ASSERT_EQUAL(n, 2);
  CU_ASSERT_EQUAL(khcn_sensitivity(it, 1, &n, base, "zz", 0.1), KHCN_ENOTFOUND);
  khcn_eval_free(base);
  khcn_plan_free(p);
}

static void t_rng(void) {
  khcn_rng r;
  khcn_rng_seed(&r, 12345);
  /* reference: splitmix64 + xoshiro256** computed independently */
  CU_ASSERT_EQUAL(khcn_rng_next(&r), 0xbe6a36374160d49bULL);
  CU_ASSERT_EQUAL(khcn_rng_next(&r), 0x214aaa0637a688c6ULL);
  CU_ASSERT_EQUAL(khcn_rng_next(&r), 0xf69d16de9954d388ULL);
  khcn_rng_seed(&r, 7);
  double s1 = 0, s2 = 0;
  int n = 200000;
  for (int i = 0; i < n; i++) {
    double z = khcn_rng_normal(&r);
    s1 += z;
    s2 += z * z;
  }
  CU_ASSERT(fabs(s1 / n) < 0.01);
  CU_ASSERT(fabs(s2 / n - 1) < 0.02);
  double u = khcn_rng_uniform(&r);
  CU_ASSERT(u >= 0 && u < 1);
}

static void t_montecarlo(void) {
  khcn_plan *p = kt_plan(2021, 2030);
  int y[] = {2021, 2022, 2023};
  double v[] = {100, 110, 121};
  khcn_indicator *a = kt_ind(p, "a", y, v, 3);
  kt_target(a, KHCN_CMP_AT_LEAST, 2027, 150, NAN);
  kt_target(a, KHCN_CMP_AT_LEAST, 2030, 400, NAN);
  double w[] = {100, 104, 109};
  khcn_indicator *b = kt_ind(p, "b", y, w, 3);
  kt_target(b, KHCN_CMP_AT_LEAST, 2027, 109 * pow(1.045, 4), NAN);
  khcn_node *n;
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "N", NULL, NULL, "N"));
  KT_OK(khcn_node_link(n, "a", 1));
  KT_OK(khcn_node_link(n, "b", 1));
  khcn_eval *e;
  khcn_eval_options eo = KHCN_EVAL_OPTIONS_INIT;
  eo.as_of = 2023;
  KT_OK(khcn_evaluate(&e, p, &eo, NULL));
  khcn_mc_options o;
  KT_OK(khcn_mc_options_init(&o, KHCN_MC_OPTIONS_VERSION));
  o.draws = 10000;
  o.seed = 42;
  /* a grows 10 % exactly (sd 0): 121 * 1.1^4 = 177.2 >= 150 surely; 121*1.1^7 < 400 */
  double mean[2] = {NAN, log(1.045)}, sd[2] = {NAN, 0.02};
  o.mean = mean;
  o.sd = sd;
  khcn_mc *mc, *mc2;
  KT_OK(khcn_montecarlo(&mc, e, &o));
  CU_ASSERT_EQUAL(khcn_mc_draws(mc), 10000);
  CU_ASSERT_EQUAL(khcn_mc_indicator_count(mc), 2);
  CU_ASSERT_EQUAL(khcn_mc_probability(mc, 0, 0), 1);
  CU_ASSERT_EQUAL(khcn_mc_probability(mc, 0, 1), 0);
  /* b: the target is the median outcome -> about one half */
  double pb = khcn_mc_probability(mc, 1, 0);
  CU_ASSERT(fabs(pb - 0.5) < 0.03);
  CU_ASSERT(isnan(khcn_mc_probability(mc, 1, 5)));
  double gp[2];
  KT_OK(khcn_mc_probabilities(mc, gp, 2));
  CU_ASSERT_EQUAL(gp[0], 1);
  CU_ASSERT_EQUAL(gp[1], pb);
  khcn_mc_node ns;
  KT_OK(khcn_mc_node_stats(mc, 0, &ns));
  /* N = (5 + score_b) / 2: achieved in about half of the draws */
  CU_ASSERT(ns.max == 5);
  CU_ASSERT(ns.mean > 2.5 && ns.mean < 5);
  CU_ASSERT(fabs(ns.p_on_track - pb) < 0.2 || ns.p_on_track >= pb);
  CU_ASSERT(ns.p05 <= ns.p50 && ns.p50 <= ns.p95);
  /* same seed, same numbers; another seed, other numbers */
  KT_OK(khcn_montecarlo(&mc2, e, &o));
  CU_ASSERT_EQUAL(khcn_mc_probability(mc2, 1, 0), pb);
  khcn_mc_node ns2;
  KT_OK(khcn_mc_node_stats(mc2, 0, &ns2));
  CU_ASSERT_EQUAL(memcmp(&ns, &ns2, sizeof ns), 0);
  khcn_mc_free(mc2);
  o.seed = 43;
  KT_OK(khcn_montecarlo(&mc2, e, &o));
  CU_ASSERT(khcn_mc_probability(mc2, 1, 0) != pb);
  khcn_mc_free(mc2);
  /* a subset, observed spread: a's increments are exactly log 1.1 */
  size_t only[1] = {0};
  o.indicators = only;
  o.n_indicators = 1;
  o.mean = o.sd = NULL;
  KT_OK(khcn_montecarlo(&mc2, e, &o));
  CU_ASSERT_EQUAL(khcn_mc_indicator(mc2, 0), 0);
  CU_ASSERT_EQUAL(khcn_mc_probability(mc2, 0, 0), 1);
  CU_ASSERT(isnan(khcn_mc_probability(mc2, 1, 0)));
  khcn_mc_free(mc2);
  o.version = 9;
  CU_ASSERT_EQUAL(khcn_montecarlo(&mc2, e, &o), KHCN_EVERSION);
  /* a range entered from above: 60 -> 54 -> 48.6 (-10 %/year exactly), [20, 40] by 2027: 48.6 * 0.9^4 = 31.9 */
  khcn_plan *p2 = kt_plan(2021, 2030);
  double dv[] = {60, 54, 48.6};
  khcn_target rt;
  khcn_target_init(&rt);
  rt.comparator = KHCN_CMP_RANGE;
  rt.year = 2027;
  rt.value = 20;
  rt.hi = 40;
  rt.flags = KHCN_TARGET_NO_OVERSHOOT; /* 48.6 is above the range: not met yet */
  KT_OK(khcn_indicator_add_target(kt_ind(p2, "down", y, dv, 3), &rt));
  rt.value = 35;
  rt.hi = 45;
  KT_OK(khcn_indicator_add_target(kt_ind(p2, "down2", y, dv, 3), &rt));
  khcn_eval *e2;
  KT_OK(khcn_evaluate(&e2, p2, &eo, NULL));
  o.version = KHCN_MC_OPTIONS_VERSION;
  o.indicators = NULL;
  o.n_indicators = 0;
  o.draws = 500;
  KT_OK(khcn_montecarlo(&mc2, e2, &o));
  CU_ASSERT_EQUAL(khcn_mc_probability(mc2, 0, 0), 1);
  CU_ASSERT_EQUAL(khcn_mc_probability(mc2, 1, 0), 0);
  khcn_mc_free(mc2);
  khcn_eval_free(e2);
  khcn_plan_free(p2);
  khcn_mc_free(mc);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

/* ---- out of memory: every allocation failing in turn gives KHCN_ENOMEM and
 * leaks nothing (ASan/valgrind runs), the first run without failure works */
static khcn_plan *g_oom_plan;
static khcn_eval *g_oom_eval;

static int oom_evaluate(void) {
  khcn_eval *e = NULL;
  khcn_diags *d = NULL;
  int st = khcn_diags_new(&d);
  if (!st) st = khcn_evaluate(&e, g_oom_plan, NULL, d);
  khcn_eval_free(e);
  khcn_diags_free(d);
  return st;
}

static int oom_scenario(void) {
  khcn_scenario *s = NULL;
  khcn_eval *w = NULL;
  khcn_diff *d = NULL;
  int st = khcn_scenario_new(&s);
  if (!st) st = khcn_scenario_set_observation(s, "e", 2023, 48);
  if (!st) st = khcn_scenario_set_target_value(s, "lb", 0, 13);
  if (!st) st = khcn_scenario_set_node_weight(s, "M", 2);
  if (!st) st = khcn_scenario_set_link_weight(s, "N", "e", 2);
  if (!st) st = khcn_scenario_move_role(s, "N", "g", KHCN_ROLE_LEAD, "M", "h");
  if (!st) st = khcn_scenario_assume_growth(s, "e", 2024, 0.01);
  if (!st) st = khcn_scenario_evaluate(&w, g_oom_eval, s);
  if (!st) st = khcn_eval_diff(&d, g_oom_eval, w);
  khcn_diff_free(d);
  khcn_eval_free(w);
  khcn_scenario_free(s);
  return st;
}

static int oom_seek(void) {
  double x;
  size_t n;
  khcn_sensitivity_item it[2];
  int st = khcn_goal_seek(&x, g_oom_eval, "e", 2023, KHCN_GOAL_MET, NULL, 0);
  if (!st) st = khcn_sensitivity(it, 2, &n, g_oom_eval, NULL, 0.1);
  return st;
}

static int oom_mc(void) {
  khcn_mc *mc = NULL;
  khcn_mc_options o = KHCN_MC_OPTIONS_INIT;
  o.draws = 20;
  int st = khcn_montecarlo(&mc, g_oom_eval, &o);
  khcn_mc_free(mc);
  return st;
}

static int oom_synth(void) {
  khcn_plan *p = NULL;
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.provinces = 1;
  so.indicators = 25;
  so.agencies_per_province = 3;
  so.depth = 2;
  int st = khcn_synth_generate(&p, &so);
  khcn_plan_free(p);
  return st;
}

static void oom_drive(int (*fn)(void), const char *name) {
  long n;
  int ok = 0;
  for (n = 0; n < 200000; n++) {
    khcn__test_fail_alloc_after(n);
    int st = fn();
    khcn__test_fail_alloc_after(-1);
    if (st == KHCN_OK) {
      ok = 1;
      break;
    }
    if (st != KHCN_ENOMEM) {
      fprintf(stderr, "%s: fail-after %ld gave %s (%s)\n", name, n, khcn_err_name(st), khcn_error_last()->message);
      CU_FAIL("a failed allocation was not reported as KHCN_ENOMEM");
      return;
    }
  }
  CU_ASSERT(ok);
  CU_ASSERT(n > 2);
}

static void t_oom(void) {
  g_oom_plan = small();
  g_oom_eval = ev(g_oom_plan);
  oom_drive(oom_evaluate, "evaluate");
  oom_drive(oom_scenario, "scenario");
  oom_drive(oom_seek, "goal seek");
  oom_drive(oom_mc, "montecarlo");
  oom_drive(oom_synth, "synth");
  khcn_eval_free(g_oom_eval);
  khcn_plan_free(g_oom_plan);
}

CU_ErrorCode khcn_test_scenario_suite(void) {
  static const khcn_test_case cases[] = {
      {"set_observation_diff", t_set_observation_and_diff},
      {"targets_weights_roles", t_targets_weights_roles},
      {"assumed_growth", t_assumed_growth},
      {"goal_seek", t_goal_seek},
      {"sensitivity", t_sensitivity},
      {"rng", t_rng},
      {"montecarlo", t_montecarlo},
      {"oom", t_oom},
      {NULL, NULL}};
  return khcn_test_add_suite("scenario", cases);
}
