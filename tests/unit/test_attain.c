/* Attainment, pace, score and status of single indicators: every comparator,
 * the borders, the hand-computed checks of design section 9, the degenerate
 * inputs of section 8.  Expected numbers are computed by hand from the
 * formulas (docs/methodology.md), not by the library. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "runner.h"
#include "test_engine.h"

khcn_plan *kt_plan(int start, int end) {
  khcn_plan *p = NULL;
  CU_ASSERT_FATAL(khcn_plan_new(&p, "t") == KHCN_OK);
  CU_ASSERT_FATAL(khcn_plan_set_period(p, start, end) == KHCN_OK);
  return p;
}

khcn_indicator *kt_ind(khcn_plan *p, const char *id, const int *years, const double *values, size_t n) {
  khcn_indicator *ind = NULL;
  CU_ASSERT_FATAL(khcn_plan_add_indicator(&ind, p, id, "chỉ tiêu") == KHCN_OK);
  if (n) CU_ASSERT_FATAL(khcn_indicator_set_series(ind, years, values, n) == KHCN_OK);
  return ind;
}

void kt_target(khcn_indicator *ind, khcn_comparator c, int year, double value, double hi) {
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = c;
  t.year = year;
  t.value = value;
  t.hi = hi;
  CU_ASSERT_FATAL(khcn_indicator_add_target(ind, &t) == KHCN_OK);
}

khcn_result kt_eval1(const khcn_plan *p, int as_of, size_t i) {
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = as_of;
  khcn_eval *e = NULL;
  khcn_result r;
  memset(&r, 0, sizeof r);
  CU_ASSERT_FATAL(khcn_evaluate(&e, p, &o, NULL) == KHCN_OK);
  CU_ASSERT_FATAL(khcn_eval_indicator(e, i, &r) == KHCN_OK);
  khcn_eval_free(e);
  return r;
}

static double score_R(double R) {
  return R >= 0.6 ? fmin(7.1429 * R - 4.2857, 5) : fmax(4.1667 * R - 2.5, -5);
}

/* ------------------------------------------------------------ section 9 */

static void t_s9_at_least_per_year(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {42};
  khcn_indicator *ind = kt_ind(p, "nv", y, v, 1);
  KT_OK(khcn_indicator_set_kind(ind, KHCN_KIND_FLOW));
  kt_target(ind, KHCN_CMP_AT_LEAST, KHCN_EVERY_YEAR, 50, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.84, 1e-12);
  CU_ASSERT_EQUAL(r.met, 0);
  CU_ASSERT(r.flags & KHCN_RESULT_NO_BASE_RATIO);
  CU_ASSERT(r.flags & KHCN_RESULT_EVERY_YEAR);
  CU_ASSERT_EQUAL(r.target_year, 2023);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION); /* pace = A for a one-year flow target */
  /* evaluated a year later without a 2024 value: 2023 was not met -> missed */
  r = kt_eval1(p, 2024, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_MISSED);
  khcn_plan_free(p);
}

static void t_s9_range(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {1.0};
  khcn_indicator *ind = kt_ind(p, "grdp", y, v, 1);
  KT_OK(khcn_indicator_set_measure(ind, KHCN_MEASURE_PERCENT));
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 0.8, NULL));
  kt_target(ind, KHCN_CMP_RANGE, 2025, 1.2, 1.5);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.5, 1e-12);
  double co = pow(1.0 / 0.8, 1.0 / 3) - 1, cr = pow(1.2 / 0.8, 1.0 / 5) - 1;
  KT_NEAR(co, 0.0772173, 1e-7);
  KT_NEAR(cr, 0.0844718, 1e-7);
  KT_NEAR(r.pace, 0.9141201128033848, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT_FALSE(r.flags & KHCN_RESULT_BASE_FROM_OBSERVATION);
  KT_NEAR(r.score, score_R(0.9141201128033848), 1e-12);
  /* required growth from 1.0 in 2023 to 1.2 in 2025 */
  KT_NEAR(r.required_growth, sqrt(1.2) - 1, 1e-12);
  khcn_plan_free(p);
}

static void t_s9_multiple(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {56};
  khcn_indicator *ind = kt_ind(p, "dn", y, v, 1);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 40, NULL));
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_MULTIPLE;
  t.year = 2025;
  t.value = 2;
  t.base_year = 2020;
  KT_OK(khcn_indicator_add_target(ind, &t));
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.threshold, 80, 1e-12);
  KT_NEAR(r.attainment_raw, 0.4, 1e-12);
  KT_NEAR(r.pace, 0.7981859791506324, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_NEAR(r.projected, 70.082, 1e-4);
  KT_NEAR(r.projected, 56 * pow(56.0 / 40, 2.0 / 3), 1e-12);
  KT_NEAR(r.projected_attainment, 0.75205, 1e-5);
  KT_NEAR(r.years_behind, 1.0, 1e-12);
  /* required value on the geometric path at 2023: 40 * 2^(3/5) */
  KT_NEAR(r.required_value, 40 * pow(2, 0.6), 1e-12);
  /* the value required in another year, on the same path */
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  khcn_eval *e;
  double req;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_required_value(&req, e, 0, SIZE_MAX, 2024));
  KT_NEAR(req, 40 * pow(2, 0.8), 1e-12);
  KT_OK(khcn_eval_required_value(&req, e, 0, 0, 2027));
  CU_ASSERT_EQUAL(req, 80);
  CU_ASSERT_EQUAL(khcn_eval_required_value(&req, e, 0, 3, 2024), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_eval_required_value(&req, e, 5, 0, 2024), KHCN_ENOTFOUND);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

static void t_s9_growth_level(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {225};
  khcn_indicator *ind = kt_ind(p, "g", y, v, 1);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 200, NULL));
  kt_target(ind, KHCN_CMP_GROWTH, 2025, 0.05, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.8008382, 1e-6);
  KT_NEAR(r.attainment_raw, (pow(225.0 / 200, 1.0 / 3) - 1) / 0.05, 1e-12);
  KT_NEAR(r.attainment_raw * 0.05, 0.0400419, 1e-7);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT_EQUAL(r.met, 0);
  khcn_plan_free(p);
}

static void t_s9_growth_rate(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2021, 2022, 2023};
  double v[] = {0.068, 0.079, 0.071};
  khcn_indicator *ind = kt_ind(p, "r", y, v, 3);
  KT_OK(khcn_indicator_set_measure(ind, KHCN_MEASURE_RATE));
  kt_target(ind, KHCN_CMP_GROWTH, 2025, 0.075, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.968889, 1e-6);
  KT_NEAR(r.attainment_raw, ((0.068 + 0.079 + 0.071) / 3) / 0.075, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  /* the rate the remaining two years need: (0.075*5 - 0.218) / 2 */
  KT_NEAR(r.required_growth, (0.075 * 5 - 0.218) / 2, 1e-12);
  khcn_plan_free(p);
}

static void t_s9_at_most(void) {
  khcn_plan *p = kt_plan(2021, 2030);
  int y[] = {2023};
  double v[] = {11};
  khcn_indicator *ind = kt_ind(p, "loss", y, v, 1);
  KT_OK(khcn_indicator_set_direction(ind, -1));
  KT_OK(khcn_indicator_set_measure(ind, KHCN_MEASURE_PERCENT));
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 12, NULL));
  kt_target(ind, KHCN_CMP_AT_MOST, 2030, 8, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.25, 1e-12);
  KT_NEAR(r.pace, 0.7194377830414165, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  khcn_plan_free(p);
}

static void t_s9_approx(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {43.5};
  khcn_indicator *ind = kt_ind(p, "ax", y, v, 1);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 38, NULL));
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_APPROX;
  t.year = 2025;
  t.value = 45;
  t.tol = 1;
  KT_OK(khcn_indicator_add_target(ind, &t));
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.7857142857142857, 1e-12);
  CU_ASSERT_EQUAL(r.met, 0);
  khcn_plan_free(p);
}

static void t_s9_ratio(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double a[] = {1716}, b[] = {1300000};
  kt_ind(p, "nl", y, a, 1);
  kt_ind(p, "ds", y, b, 1);
  khcn_indicator *r10 = kt_ind(p, "nl10k", NULL, NULL, 0);
  KT_OK(khcn_indicator_set_measure(r10, KHCN_MEASURE_RATIO));
  KT_OK(khcn_indicator_set_formula(r10, "nl", "ds", 10000));
  kt_target(r10, KHCN_CMP_AT_LEAST, 2025, 15, NAN);
  khcn_result r = kt_eval1(p, 2023, 2);
  KT_NEAR(r.value, 13.2, 1e-12);
  KT_NEAR(r.attainment_raw, 0.88, 1e-12);
  khcn_plan_free(p);
}

static void t_s9_eurostat(void) {
  khcn_plan *p = kt_plan(2015, 2030);
  int y[] = {2015, 2023};
  double v[] = {40, 44};
  khcn_indicator *ind = kt_ind(p, "e", y, v, 2);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2030, 50, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.pace, 0.7996712699594009, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_NEAR(r.score, fmin(7.1429 * 0.7996712699594009 - 4.2857, 5), 1e-12);
  CU_ASSERT(r.flags & KHCN_RESULT_BASE_FROM_OBSERVATION);
  CU_ASSERT_EQUAL(r.base_year, 2015);
  khcn_plan_free(p);
}

static void t_s9_lower_better(void) {
  khcn_plan *p = kt_plan(2015, 2030);
  int y[] = {2015, 2023};
  double v[] = {20, 17};
  khcn_indicator *ind = kt_ind(p, "lb", y, v, 2);
  KT_OK(khcn_indicator_set_direction(ind, -1));
  kt_target(ind, KHCN_CMP_AT_MOST, 2030, 12, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.pace, 0.6006239891065591, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  khcn_plan_free(p);
}

static void t_s9_no_target(void) {
  khcn_plan *p = kt_plan(2018, 2025);
  int y[] = {2018, 2023};
  double v[] = {100, 106};
  kt_ind(p, "nt", y, v, 2);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.pace, 0.011721951492754235, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT(r.flags & KHCN_RESULT_NO_TARGET);
  CU_ASSERT_EQUAL(r.target, SIZE_MAX);
  KT_NEAR(r.score, 250 * 0.011721951492754235 - 1.25, 1e-12);
  khcn_plan_free(p);
}

/* ------------------------------------------------------------ borders */

/* linear pace (base 0): R = ((x - 0)/4) / ((10 - 0)/10) = x / 4 */
static khcn_result border_case(double x) {
  khcn_plan *p = kt_plan(2020, 2030);
  int y[] = {2020, 2024};
  double v[] = {0, x};
  khcn_indicator *ind = kt_ind(p, "b", y, v, 2);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2030, 10, NAN);
  khcn_result r = kt_eval1(p, 2024, 0);
  khcn_plan_free(p);
  return r;
}

static void t_borders(void) {
  khcn_result r = border_case(2.4);
  CU_ASSERT_EQUAL(r.pace, 0.6);
  CU_ASSERT(r.flags & KHCN_RESULT_LINEAR_FALLBACK);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_NEAR(r.score, 7.1429 * 0.6 - 4.2857, 1e-12);
  r = border_case(nextafter(2.4, 0));
  CU_ASSERT(r.pace < 0.6);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_LIMITED_PROGRESS);
  r = border_case(3.8);
  CU_ASSERT_EQUAL(r.pace, 0.95);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  r = border_case(nextafter(3.8, 0));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  r = border_case(0);
  CU_ASSERT_EQUAL(r.pace, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_LIMITED_PROGRESS);
  KT_NEAR(r.score, -2.5, 1e-12);
  r = border_case(-0.4);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_DETERIORATING);
  KT_NEAR(r.score, 4.1667 * -0.1 - 2.5, 1e-12);
  r = border_case(10);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  CU_ASSERT_EQUAL(r.score, 5);
  CU_ASSERT_EQUAL(r.met, 1);
  /* options move the borders */
  khcn_plan *p = kt_plan(2020, 2030);
  int y[] = {2020, 2024};
  double v[] = {0, 3.0};
  khcn_indicator *ind = kt_ind(p, "b", y, v, 2);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2030, 10, NAN);
  khcn_eval_options o;
  KT_OK(khcn_eval_options_init(&o, KHCN_EVAL_OPTIONS_VERSION));
  o.as_of = 2024;
  o.on_track = 0.7;
  khcn_eval *e;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_indicator(e, 0, &r));
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK); /* R = 0.75 */
  khcn_eval_free(e);
  khcn_plan_free(p);
}

/* ------------------------------------------------------------ comparators */

static void t_at_least_base(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2021, 2023};
  double v[] = {10, 16};
  khcn_indicator *ind = kt_ind(p, "a", y, v, 2);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2025, 30, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 6.0 / 20, 1e-12);
  KT_NEAR(r.attainment, 0.3, 1e-12);
  double R = (pow(1.6, 0.5) - 1) / (pow(3.0, 0.25) - 1);
  KT_NEAR(r.pace, R, 1e-12);
  /* projection 16 * 1.6^(2/2) = 25.6, A_T = 15.6/20 */
  KT_NEAR(r.projected, 25.6, 1e-12);
  KT_NEAR(r.projected_attainment, 15.6 / 20, 1e-12);
  /* t* = 2021 + 6 * 4 / 20 = 2022.2 */
  KT_NEAR(r.years_behind, 2023 - 2022.2, 1e-12);
  KT_NEAR(r.required_growth, sqrt(30.0 / 16) - 1, 1e-12);
  khcn_plan_free(p);
}

static void t_at_most_no_base(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {10};
  khcn_indicator *ind = kt_ind(p, "m", y, v, 1);
  KT_OK(khcn_indicator_set_direction(ind, -1));
  kt_target(ind, KHCN_CMP_AT_MOST, 2025, 8, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 0.8, 1e-12);
  CU_ASSERT(r.flags & KHCN_RESULT_NO_BASE_RATIO);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_INSUFFICIENT_DATA); /* one point, not met */
  khcn_plan_free(p);
}

static void t_range_overshoot(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {35};
  khcn_indicator *ind = kt_ind(p, "rg", y, v, 1);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 10, NULL));
  kt_target(ind, KHCN_CMP_RANGE, 2025, 20, 30);
  khcn_result r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 1);
  CU_ASSERT(r.flags & KHCN_RESULT_OVERSHOOT);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  KT_NEAR(r.attainment_raw, 25.0 / 10, 1e-12);
  CU_ASSERT_EQUAL(r.attainment, 1);
  /* with no overshoot allowed: A = 1 - (35-30)/|30-10| = 0.75 */
  khcn_target t;
  KT_OK(khcn_indicator_target_at(ind, 0, &t));
  t.flags |= KHCN_TARGET_NO_OVERSHOOT;
  KT_OK(khcn_indicator_remove_target(ind, 0));
  KT_OK(khcn_indicator_add_target(ind, &t));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 0);
  KT_NEAR(r.attainment_raw, 0.75, 1e-12);
  /* inside the range */
  double v2[] = {25};
  KT_OK(khcn_indicator_set_series(ind, y, v2, 1));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 1);
  KT_NEAR(r.attainment_raw, 1.5, 1e-12);
  khcn_plan_free(p);
}

static void t_approx_default_tol(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2023};
  double v[] = {96};
  khcn_indicator *ind = kt_ind(p, "ap", y, v, 1);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 80, NULL));
  kt_target(ind, KHCN_CMP_APPROX, 2025, 100, NAN); /* tol 5 */
  khcn_result r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 1);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  KT_NEAR(r.attainment_raw, 1 - 4.0 / 20, 1e-12);
  double v2[] = {94.9};
  KT_OK(khcn_indicator_set_series(ind, y, v2, 1));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 0);
  khcn_plan_free(p);
}

static void t_multiple_less_than_one(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2020, 2023};
  double v[] = {50, 40};
  khcn_indicator *ind = kt_ind(p, "half", y, v, 2);
  KT_OK(khcn_indicator_set_direction(ind, -1));
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_MULTIPLE;
  t.year = 2025;
  t.value = 0.5;
  t.base_year = 2020; /* from the observation of 2020 */
  KT_OK(khcn_indicator_add_target(ind, &t));
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.threshold, 25, 1e-12);
  /* base is the first observation on or after the start (2021): only 2023 -> no base */
  CU_ASSERT(r.flags & KHCN_RESULT_NO_BASE_RATIO);
  KT_NEAR(r.attainment_raw, 25.0 / 40, 1e-12);
  KT_OK(khcn_indicator_set_baseline(ind, 2020, 50, NULL));
  r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.attainment_raw, 10.0 / 25, 1e-12);
  khcn_plan_free(p);
}

static void t_done(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2021, 2022};
  double v[] = {0, 0};
  khcn_indicator *ind = kt_ind(p, "d", y, v, 2);
  KT_OK(khcn_indicator_set_measure(ind, KHCN_MEASURE_BINARY));
  kt_target(ind, KHCN_CMP_DONE, 2023, 1, NAN);
  khcn_result r = kt_eval1(p, 2022, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_LIMITED_PROGRESS);
  CU_ASSERT_EQUAL(r.attainment_raw, 0);
  r = kt_eval1(p, 2024, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_MISSED);
  CU_ASSERT(r.score <= 0);
  double v2[] = {0, 1};
  KT_OK(khcn_indicator_set_series(ind, y, v2, 2));
  r = kt_eval1(p, 2024, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  CU_ASSERT_EQUAL(r.attainment, 1);
  khcn_plan_free(p);
}

static void t_missed_milestone(void) {
  khcn_plan *p = kt_plan(2020, 2025);
  int y[] = {2020, 2022, 2024};
  double v[] = {50, 80, 120};
  khcn_indicator *ind = kt_ind(p, "ms", y, v, 3);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2022, 100, NAN);
  khcn_result r = kt_eval1(p, 2024, 0);
  /* judged on the 2022 value even though 2024 meets it */
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_MISSED);
  CU_ASSERT_EQUAL(r.year, 2022);
  KT_NEAR(r.value, 80, 0);
  double R = (pow(80.0 / 50, 0.5) - 1) / (pow(2.0, 0.5) - 1);
  KT_NEAR(r.pace, R, 1e-12);
  KT_NEAR(r.score, fmin(score_R(R), 0), 1e-12);
  r = kt_eval1(p, 2022, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION); /* R = 0.6197... */
  khcn_plan_free(p);
}

static void t_governing(void) {
  khcn_plan *p = kt_plan(2021, 2030);
  int y[] = {2021, 2023, 2027};
  double v[] = {10, 12, 15};
  khcn_indicator *ind = kt_ind(p, "gv", y, v, 3);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2025, 20, NAN);
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  khcn_eval *e;
  o.as_of = 2023;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  CU_ASSERT_EQUAL(khcn_eval_governing_target(e, 0), 1);
  khcn_eval_free(e);
  o.as_of = 2026;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  CU_ASSERT_EQUAL(khcn_eval_governing_target(e, 0), 0);
  khcn_result r, r1;
  KT_OK(khcn_eval_target(e, 0, 1, &r1));
  CU_ASSERT_EQUAL(r1.status, KHCN_PROGRESS_MISSED);
  khcn_eval_free(e);
  o.as_of = 2031;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  CU_ASSERT_EQUAL(khcn_eval_governing_target(e, 0), 0); /* the last */
  KT_OK(khcn_eval_indicator(e, 0, &r));
  CU_ASSERT_EQUAL(r.target, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_MISSED);
  khcn_eval_free(e);
  /* default as_of: the latest observation year */
  KT_OK(khcn_evaluate(&e, p, NULL, NULL));
  CU_ASSERT_EQUAL(khcn_eval_as_of(e), 2027);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

static void t_natural_limit(void) {
  /* no target, limit 100, y0 = 90: C = 1 - 0.9^4.44 */
  khcn_plan *p = kt_plan(2018, 2025);
  int y[] = {2018, 2023};
  double v[] = {90, 92};
  khcn_indicator *ind = kt_ind(p, "lim", y, v, 2);
  KT_OK(khcn_indicator_set_limit(ind, 100));
  khcn_result r = kt_eval1(p, 2023, 0);
  double C = 1 - pow(0.9, 4.44), vv = pow(92.0 / 90, 0.2) - 1;
  KT_NEAR(r.pace, vv, 1e-12);
  /* vv = 0.00441, C = 0.3736: 0.005 C <= vv < 0.015 C -> needs_acceleration */
  CU_ASSERT(vv >= 0.005 * C && vv < 0.015 * C);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_NEAR(r.score, 250 * vv / C - 1.25, 1e-12);
  /* without the limit it would be limited progress (v < 0.005) */
  KT_OK(khcn_indicator_set_limit(ind, NAN));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_LIMITED_PROGRESS);
  KT_NEAR(r.score, 500 * vv - 2.5, 1e-12);
  /* y0 at the limit: C = 0 and v >= 0 -> on_track */
  double v3[] = {100, 100};
  KT_OK(khcn_indicator_set_series(ind, y, v3, 2));
  KT_OK(khcn_indicator_set_limit(ind, 100));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  /* above the limit, between L and 2L: C = 1 - ((2L - y0)/L)^4.44 */
  double v4[] = {150, 140};
  KT_OK(khcn_indicator_set_series(ind, y, v4, 2));
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_DETERIORATING);
  KT_NEAR(r.score, fmax(125 * (pow(140.0 / 150, 0.2) - 1) - 2.5, -5), 1e-12);
  khcn_plan_free(p);
}

static void t_no_target_lower_better(void) {
  khcn_plan *p = kt_plan(2018, 2025);
  int y[] = {2018, 2023};
  double v[] = {100, 90};
  khcn_indicator *ind = kt_ind(p, "lbn", y, v, 2);
  KT_OK(khcn_indicator_set_direction(ind, -1));
  khcn_result r = kt_eval1(p, 2023, 0);
  double vv = -(pow(0.9, 0.2) - 1);
  KT_NEAR(r.pace, vv, 1e-12);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  khcn_plan_free(p);
}

static void t_cumulative(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2021, 2022, 2023};
  double v[] = {50, 60, 70};
  khcn_indicator *ind = kt_ind(p, "cum", y, v, 3);
  KT_OK(khcn_indicator_set_kind(ind, KHCN_KIND_FLOW));
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_AT_LEAST;
  t.year = 2025;
  t.value = 300;
  t.flags = KHCN_TARGET_CUMULATIVE;
  KT_OK(khcn_indicator_add_target(ind, &t));
  khcn_result r = kt_eval1(p, 2023, 0);
  KT_NEAR(r.value, 180, 0);
  KT_NEAR(r.attainment_raw, 0.6, 1e-12);
  KT_NEAR(r.pace, 1.0, 1e-12); /* (180/3) / (300/5) */
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ON_TRACK);
  CU_ASSERT(r.flags & KHCN_RESULT_CUMULATIVE);
  khcn_plan_free(p);
}

static void t_every_year_stock(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  int y[] = {2021, 2022, 2023};
  double v[] = {88, 91, 89};
  khcn_indicator *ind = kt_ind(p, "ey", y, v, 3);
  KT_OK(khcn_indicator_set_measure(ind, KHCN_MEASURE_PERCENT));
  kt_target(ind, KHCN_CMP_AT_LEAST, KHCN_EVERY_YEAR, 90, NAN);
  khcn_result r = kt_eval1(p, 2022, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_ACHIEVED);
  CU_ASSERT_EQUAL(r.target_year, 2022);
  r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.met, 0);
  CU_ASSERT_EQUAL(r.target_year, 2023);
  /* base 88 (2021), x 89, T = 2023: R = CAGR_o / CAGR_r over the same span */
  KT_NEAR(r.pace, (pow(89.0 / 88, 0.5) - 1) / (pow(90.0 / 88, 0.5) - 1), 1e-12);
  r = kt_eval1(p, 2024, 0); /* no 2024 value: judged on 2023, which passed */
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_MISSED);
  khcn_plan_free(p);
}

static void t_estimated_and_forecast(void) {
  khcn_plan *p = kt_plan(2020, 2025);
  khcn_indicator *ind = kt_ind(p, "est", NULL, NULL, 0);
  khcn_observation o = {2020, 10, KHCN_OBS_NORMAL, NULL, NULL, NULL};
  KT_OK(khcn_indicator_add_observation(ind, &o));
  o.year = 2022;
  o.value = 12;
  o.status = KHCN_OBS_ESTIMATED;
  KT_OK(khcn_indicator_add_observation(ind, &o));
  o.year = 2023;
  o.value = 99;
  o.status = KHCN_OBS_FORECAST;
  KT_OK(khcn_indicator_add_observation(ind, &o));
  kt_target(ind, KHCN_CMP_AT_LEAST, 2025, 20, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.year, 2022); /* the forecast is ignored */
  CU_ASSERT(r.flags & KHCN_RESULT_ESTIMATED);
  khcn_plan_free(p);
}

static void t_no_data(void) {
  khcn_plan *p = kt_plan(2021, 2025);
  khcn_indicator *ind = kt_ind(p, "nd", NULL, NULL, 0);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2025, 20, NAN);
  khcn_result r = kt_eval1(p, 2023, 0);
  CU_ASSERT_EQUAL(r.status, KHCN_PROGRESS_NO_DATA);
  CU_ASSERT(isnan(r.score));
  CU_ASSERT(isnan(r.attainment));
  khcn_plan_free(p);
}

static void t_projection_options(void) {
  khcn_plan *p = kt_plan(2020, 2025);
  int y[] = {2020, 2021, 2022};
  double v[] = {100, 120, 126};
  khcn_indicator *ind = kt_ind(p, "pj", y, v, 3);
  kt_target(ind, KHCN_CMP_AT_LEAST, 2025, 200, NAN);
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2022;
  khcn_eval *e;
  khcn_result r;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_indicator(e, 0, &r));
  KT_NEAR(r.projected, 126 * pow(1.26, 3.0 / 2), 1e-12); /* CAGR from the base */
  khcn_eval_free(e);
  /* ESCAP time-weighted growth: w_i = (T - t_min)/(T - t_i) */
  o.flags = KHCN_EVAL_TIME_WEIGHTED;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_indicator(e, 0, &r));
  double w1 = 5.0 / 4, w2 = 5.0 / 3, g = (w1 * log(1.2) + w2 * log(1.05)) / (w1 + w2);
  KT_NEAR(r.projected, 126 * exp(3 * g), 1e-12);
  khcn_eval_free(e);
  /* least-squares line: slope 13, mean 115.333 at 2021 -> 167.333 in 2025 */
  o.flags = KHCN_EVAL_LINEAR_PROJECTION;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_indicator(e, 0, &r));
  KT_NEAR(r.projected, 346.0 / 3 + 13 * 4, 1e-9);
  khcn_eval_free(e);
  /* clamped to the natural limit */
  KT_OK(khcn_indicator_set_limit(ind, 150));
  o.flags = 0;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_indicator(e, 0, &r));
  CU_ASSERT_EQUAL(r.projected, 150);
  CU_ASSERT(r.flags & KHCN_RESULT_PROJECTION_CLAMPED);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

/* ------------------------------------------------------------ section 8 */

static int has_diag(const khcn_diags *d, int code, const char *entity) {
  for (size_t i = 0; i < khcn_diags_count(d); i++) {
    khcn_diag g;
    if (khcn_diags_at(d, i, &g) == KHCN_OK && g.code == code && strcmp(g.entity, entity) == 0) return 1;
  }
  return 0;
}

static void t_degenerate(void) {
  khcn_plan *p = kt_plan(2021, 2030);
  int y[] = {2021, 2023};
  double v[] = {10, 12}, z[] = {0, 5}, zd[] = {0, 0};
  khcn_indicator *a = kt_ind(p, "before", y, v, 2);
  KT_OK(khcn_indicator_set_baseline(a, 2022, 11, NULL));
  kt_target(a, KHCN_CMP_AT_LEAST, 2021, 20, NAN);
  khcn_indicator *b = kt_ind(p, "inverted", y, v, 2);
  kt_target(b, KHCN_CMP_RANGE, 2025, 30, 20);
  khcn_indicator *c = kt_ind(p, "zerobase", y, z, 2);
  kt_target(c, KHCN_CMP_GROWTH, 2025, 0.05, NAN);
  kt_ind(p, "num", y, v, 2);
  kt_ind(p, "den", y, zd, 2);
  khcn_indicator *r = kt_ind(p, "ratio", NULL, NULL, 0);
  KT_OK(khcn_indicator_set_formula(r, "num", "den", 100));
  kt_target(r, KHCN_CMP_AT_LEAST, 2025, 5, NAN);
  khcn_indicator *m = kt_ind(p, "multnobase", y, v, 2);
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_MULTIPLE;
  t.year = 2025;
  t.value = 2;
  t.base_year = 2019;
  KT_OK(khcn_indicator_add_target(m, &t));
  khcn_diags *d;
  KT_OK(khcn_diags_new(&d));
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  khcn_eval *e;
  KT_OK(khcn_evaluate(&e, p, &o, d));
  CU_ASSERT(has_diag(d, KHCN_DIAG_TARGET_BEFORE_BASE, "before"));
  CU_ASSERT(has_diag(d, KHCN_DIAG_RANGE_INVERTED, "inverted"));
  CU_ASSERT(has_diag(d, KHCN_DIAG_GROWTH_BASE, "zerobase"));
  CU_ASSERT(has_diag(d, KHCN_DIAG_FORMULA, "ratio"));
  CU_ASSERT(has_diag(d, KHCN_DIAG_MULTIPLE_BASE, "multnobase"));
  size_t n = khcn_eval_indicator_count(e);
  for (size_t i = 0; i < n; i++) {
    khcn_result res;
    KT_OK(khcn_eval_indicator(e, i, &res));
    CU_ASSERT(res.status >= 0 && res.status < KHCN_PROGRESS_COUNT_);
    CU_ASSERT_PTR_NOT_NULL(khcn_progress_name(res.status));
  }
  khcn_result res;
  KT_OK(khcn_eval_indicator_by_id(e, "before", &res));
  CU_ASSERT_EQUAL(res.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  CU_ASSERT(res.flags & KHCN_RESULT_BAD_INPUT);
  KT_OK(khcn_eval_indicator_by_id(e, "inverted", &res));
  CU_ASSERT_EQUAL(res.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  KT_OK(khcn_eval_indicator_by_id(e, "zerobase", &res));
  CU_ASSERT_EQUAL(res.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  KT_OK(khcn_eval_indicator_by_id(e, "ratio", &res));
  CU_ASSERT_EQUAL(res.status, KHCN_PROGRESS_NO_DATA); /* missing, never zero */
  CU_ASSERT(isnan(res.value));
  KT_OK(khcn_eval_indicator_by_id(e, "multnobase", &res));
  CU_ASSERT_EQUAL(res.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  CU_ASSERT_EQUAL(khcn_eval_indicator_by_id(e, "nope", &res), KHCN_ENOTFOUND);
  khcn_eval_free(e);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

static void t_names_and_options(void) {
  static const char *names[] = {"no_data", "insufficient_data", "achieved", "missed", "on_track",
                                "needs_acceleration", "limited_progress", "deteriorating"};
  for (int i = 0; i < KHCN_PROGRESS_COUNT_; i++) {
    CU_ASSERT_STRING_EQUAL(khcn_progress_name((khcn_progress)i), names[i]);
    khcn_progress pp;
    KT_OK(khcn_progress_parse(&pp, names[i]));
    CU_ASSERT_EQUAL((int)pp, i);
  }
  CU_ASSERT_PTR_NULL(khcn_progress_name(KHCN_PROGRESS_COUNT_));
  khcn_progress pp;
  CU_ASSERT_EQUAL(khcn_progress_parse(&pp, "fine"), KHCN_EINVAL);
  CU_ASSERT_STRING_EQUAL(khcn_column_name(KHCN_COL_ATTAINMENT_RAW), "attainment_raw");
  khcn_eval_options o;
  CU_ASSERT_EQUAL(khcn_eval_options_init(&o, 99), KHCN_EVERSION);
  khcn_plan *p = kt_plan(2021, 2025);
  khcn_eval *e = (khcn_eval *)&o;
  o.version = 99;
  CU_ASSERT_EQUAL(khcn_evaluate(&e, p, &o, NULL), KHCN_EVERSION);
  CU_ASSERT_PTR_NULL(e);
  KT_OK(khcn_eval_options_init(&o, KHCN_EVAL_OPTIONS_VERSION));
  o.min_coverage = 2;
  CU_ASSERT_EQUAL(khcn_evaluate(&e, p, &o, NULL), KHCN_EINVAL);
  KT_OK(khcn_eval_options_init(&o, KHCN_EVAL_OPTIONS_VERSION));
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  khcn_eval_options used;
  KT_OK(khcn_eval_options_used(e, &used));
  CU_ASSERT_EQUAL(used.on_track, 0.95);
  CU_ASSERT_EQUAL(used.needs_acceleration, 0.6);
  CU_ASSERT_EQUAL(used.min_coverage, 0.8);
  CU_ASSERT_EQUAL(used.approx_tolerance, 0.05);
  CU_ASSERT_EQUAL(used.limit_exponent, 4.44);
  CU_ASSERT_EQUAL(used.role_weight[KHCN_ROLE_LEAD], 1.0);
  CU_ASSERT_EQUAL(used.role_weight[KHCN_ROLE_COOPERATE], 0.5);
  CU_ASSERT_EQUAL(used.role_weight[KHCN_ROLE_ADVISE], 0.25);
  CU_ASSERT_EQUAL(used.role_weight[KHCN_ROLE_FOCAL], 0.5);
  CU_ASSERT_EQUAL(used.role_weight[KHCN_ROLE_REPORT], 0.0);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

static void t_columns(void) {
  khcn_plan *p = kt_plan(2015, 2030);
  int y[] = {2015, 2023};
  double v[] = {40, 44}, w[] = {20, 17};
  khcn_indicator *a = kt_ind(p, "e", y, v, 2);
  kt_target(a, KHCN_CMP_AT_LEAST, 2030, 50, NAN);
  khcn_indicator *b = kt_ind(p, "lb", y, w, 2);
  KT_OK(khcn_indicator_set_direction(b, -1));
  kt_target(b, KHCN_CMP_AT_MOST, 2030, 12, NAN);
  kt_ind(p, "empty", NULL, NULL, 0);
  khcn_eval *e;
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  double col[3];
  int ic[3];
  for (int c = 0; c < KHCN_COL_COUNT_; c++) {
    KT_OK(khcn_eval_column(e, (khcn_column)c, col, 3));
    for (size_t i = 0; i < 3; i++) {
      khcn_result r;
      KT_OK(khcn_eval_indicator(e, i, &r));
      double ex = 0;
      switch (c) {
      case KHCN_COL_PACE: ex = r.pace; break;
      case KHCN_COL_SCORE: ex = r.score; break;
      case KHCN_COL_STATUS: ex = r.status; break;
      case KHCN_COL_PROJECTED: ex = r.projected; break;
      case KHCN_COL_ATTAINMENT: ex = r.attainment; break;
      case KHCN_COL_YEAR: ex = r.year; break;
      default: ex = col[i]; break;
      }
      CU_ASSERT(col[i] == ex || (isnan(col[i]) && isnan(ex)));
    }
  }
  khcn_column cs[3] = {KHCN_COL_VALUE, KHCN_COL_PACE, KHCN_COL_STATUS};
  double all[9];
  KT_OK(khcn_eval_columns(e, cs, 3, all, 9));
  for (int c = 0; c < 3; c++) {
    KT_OK(khcn_eval_column(e, cs[c], col, 3));
    for (int i = 0; i < 3; i++) CU_ASSERT(all[c * 3 + i] == col[i] || (isnan(col[i]) && isnan(all[c * 3 + i])));
  }
  CU_ASSERT_EQUAL(khcn_eval_columns(e, cs, 3, all, 8), KHCN_EINVAL);
  KT_OK(khcn_eval_column_int(e, KHCN_COL_STATUS, ic, 3));
  CU_ASSERT_EQUAL(ic[0], KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT_EQUAL(ic[2], KHCN_PROGRESS_NO_DATA);
  KT_OK(khcn_eval_column_int(e, KHCN_COL_YEAR, ic, 3));
  CU_ASSERT_EQUAL(ic[1], 2023);
  CU_ASSERT_EQUAL(khcn_eval_column(e, KHCN_COL_VALUE, col, 2), KHCN_EINVAL);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

CU_ErrorCode khcn_test_attain_suite(void) {
  static const khcn_test_case cases[] = {
      {"s9_at_least_per_year", t_s9_at_least_per_year},
      {"s9_range", t_s9_range},
      {"s9_multiple", t_s9_multiple},
      {"s9_growth_level", t_s9_growth_level},
      {"s9_growth_rate", t_s9_growth_rate},
      {"s9_at_most", t_s9_at_most},
      {"s9_approx", t_s9_approx},
      {"s9_ratio", t_s9_ratio},
      {"s9_eurostat", t_s9_eurostat},
      {"s9_lower_better", t_s9_lower_better},
      {"s9_no_target", t_s9_no_target},
      {"borders", t_borders},
      {"at_least_base", t_at_least_base},
      {"at_most_no_base", t_at_most_no_base},
      {"range_overshoot", t_range_overshoot},
      {"approx_default_tol", t_approx_default_tol},
      {"multiple_lt_one", t_multiple_less_than_one},
      {"done", t_done},
      {"missed_milestone", t_missed_milestone},
      {"governing", t_governing},
      {"natural_limit", t_natural_limit},
      {"no_target_lower_better", t_no_target_lower_better},
      {"cumulative", t_cumulative},
      {"every_year_stock", t_every_year_stock},
      {"estimated_forecast", t_estimated_and_forecast},
      {"no_data", t_no_data},
      {"projection_options", t_projection_options},
      {"degenerate", t_degenerate},
      {"names_options", t_names_and_options},
      {"columns", t_columns},
      {NULL, NULL}};
  return khcn_test_add_suite("attain", cases);
}
