/* Roll-ups over the task/objective trees and the plan, coverage, agency
 * scorecards (hand-computed). */
#include <math.h>
#include <string.h>
#include "runner.h"
#include "test_engine.h"

/* i1 achieved (5); i2 Eurostat R = 0.79967...; i3 lower-better R = 0.60062...;
 * i4 no data; i5..i7 achieved. */
static const double R2 = 0.7996712699594009, R3 = 0.6006239891065591;

static khcn_plan *build(void) {
  khcn_plan *p = kt_plan(2015, 2030);
  int y[] = {2015, 2023};
  double v1[] = {30, 50}, v2[] = {40, 44}, v3[] = {20, 17};
  kt_target(kt_ind(p, "i1", y, v1, 2), KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  kt_target(kt_ind(p, "i2", y, v2, 2), KHCN_CMP_AT_LEAST, 2030, 50, NAN);
  khcn_indicator *i3 = kt_ind(p, "i3", y, v3, 2);
  KT_OK(khcn_indicator_set_direction(i3, -1));
  kt_target(i3, KHCN_CMP_AT_MOST, 2030, 12, NAN);
  kt_target(kt_ind(p, "i4", NULL, NULL, 0), KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  kt_target(kt_ind(p, "i5", y, v1, 2), KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  kt_target(kt_ind(p, "i6", y, v1, 2), KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  kt_target(kt_ind(p, "i7", y, v1, 2), KHCN_CMP_AT_LEAST, 2030, 40, NAN);
  khcn_node *n;
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "T", NULL, "1", "root task"));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "A", "T", "a", "A"));
  KT_OK(khcn_node_link(n, "i1", 1));
  KT_OK(khcn_node_link(n, "i2", 1));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "B", "T", "b", "B"));
  KT_OK(khcn_node_set_weight(n, 2));
  KT_OK(khcn_node_link(n, "i3", 1));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "C", "T", "c", "C"));
  KT_OK(khcn_node_set_weight(n, 0.5));
  KT_OK(khcn_node_link(n, "i4", 1));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_OBJECTIVE, "D", NULL, "I", "objective D"));
  const char *dl[] = {"i1", "i5", "i6", "i7", "i4"};
  for (int k = 0; k < 5; k++) KT_OK(khcn_node_link(n, dl[k], 1));
  KT_OK(khcn_plan_add_node(&n, p, KHCN_NODE_OBJECTIVE, "E", NULL, "II", "objective E"));
  KT_OK(khcn_node_set_weight(n, 0));
  const char *el[] = {"i1", "i5", "i6", "i4", "i2"};
  KT_OK(khcn_plan_add_indicator(NULL, p, "i8", "no data"));
  for (int k = 0; k < 3; k++) KT_OK(khcn_node_link(n, el[k], 1));
  KT_OK(khcn_node_link(n, "i4", 1));
  KT_OK(khcn_node_link(n, "i8", 1));
  const char *ags[] = {"ag1", "ag2", "ag3", "ag4"};
  for (int k = 0; k < 4; k++) KT_OK(khcn_plan_add_agency(NULL, p, ags[k], "Sở", NULL));
  khcn_responsibility r;
  memset(&r, 0, sizeof r);
  r.task = "A"; r.agency = "ag1"; r.role = KHCN_ROLE_LEAD; KT_OK(khcn_plan_assign(p, &r));
  r.task = "B"; r.agency = "ag1"; r.role = KHCN_ROLE_COOPERATE; KT_OK(khcn_plan_assign(p, &r));
  r.task = "B"; r.agency = "ag2"; r.role = KHCN_ROLE_LEAD; KT_OK(khcn_plan_assign(p, &r));
  r.task = "A"; r.agency = "ag2"; r.role = KHCN_ROLE_ADVISE; KT_OK(khcn_plan_assign(p, &r));
  r.task = "T"; r.agency = "ag3"; r.role = KHCN_ROLE_REPORT; r.to = "ag4"; KT_OK(khcn_plan_assign(p, &r));
  r.to = NULL;
  r.task = NULL; r.agency = "ag4"; r.role = KHCN_ROLE_LEAD; KT_OK(khcn_plan_assign(p, &r));
  return p;
}

static double sc(double R) { return R >= 0.6 ? fmin(7.1429 * R - 4.2857, 5) : fmax(4.1667 * R - 2.5, -5); }

static void t_tree(void) {
  khcn_plan *p = build();
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  khcn_eval *e;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  double sA = (5 + sc(R2)) / 2, sB = sc(R3);
  double sT = (1 * sA + 2 * sB) / 3;
  khcn_node_result n;
  KT_OK(khcn_eval_node_by_id(e, "A", &n));
  KT_NEAR(n.score, sA, 1e-12);
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_ON_TRACK);
  CU_ASSERT_EQUAL(n.coverage, 1);
  CU_ASSERT_EQUAL(n.children, 2);
  CU_ASSERT_EQUAL(n.achieved, 1);
  KT_OK(khcn_eval_node_by_id(e, "B", &n));
  KT_NEAR(n.score, sB, 1e-12);
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_OK(khcn_eval_node_by_id(e, "C", &n));
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  CU_ASSERT_EQUAL(n.coverage, 0);
  KT_OK(khcn_eval_node_by_id(e, "T", &n));
  KT_NEAR(n.score, sT, 1e-12);
  KT_NEAR(n.coverage, 3 / 3.5, 1e-12);
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_NEEDS_ACCELERATION);
  KT_OK(khcn_eval_node_by_id(e, "D", &n));
  CU_ASSERT_EQUAL(n.coverage, 0.8); /* exactly the minimum: assessed */
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_ACHIEVED);
  CU_ASSERT_EQUAL(n.score, 5);
  KT_OK(khcn_eval_node_by_id(e, "E", &n));
  KT_NEAR(n.coverage, 0.6, 1e-12);
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  /* the plan: roots T (1), D (1), E (0, not assessed) */
  KT_OK(khcn_eval_plan_result(e, &n));
  KT_NEAR(n.score, (sT + 5) / 2, 1e-12);
  CU_ASSERT_EQUAL(n.coverage, 1);
  CU_ASSERT_EQUAL(n.node, khcn_plan_node_count(p));
  CU_ASSERT_EQUAL(n.status, (sT + 5) / 2 >= 2.5 ? KHCN_PROGRESS_ON_TRACK : KHCN_PROGRESS_NEEDS_ACCELERATION);
  /* bulk */
  size_t nn = khcn_eval_node_count(e);
  CU_ASSERT_EQUAL(nn, 7);
  double s[7], c[7], st[7];
  KT_OK(khcn_eval_node_columns(e, s, c, st, nn));
  KT_NEAR(s[0], sT, 1e-12);
  CU_ASSERT_EQUAL(st[2], KHCN_PROGRESS_NEEDS_ACCELERATION);
  CU_ASSERT_EQUAL(khcn_eval_node_by_id(e, "Z", &n), KHCN_ENOTFOUND);
  /* a higher minimum coverage withholds D */
  khcn_eval_free(e);
  o.min_coverage = 0.85;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_node_by_id(e, "D", &n));
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_INSUFFICIENT_DATA);
  KT_OK(khcn_eval_node_by_id(e, "T", &n));
  CU_ASSERT_EQUAL(n.status, KHCN_PROGRESS_NEEDS_ACCELERATION); /* 0.857 >= 0.85 */
  khcn_eval_free(e);
  khcn_plan_free(p);
}

static void t_agencies(void) {
  khcn_plan *p = build();
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  o.as_of = 2023;
  khcn_eval *e;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  double sA = (5 + sc(R2)) / 2, sB = sc(R3), sT = (sA + 2 * sB) / 3, sP = (sT + 5) / 2;
  khcn_agency_result a;
  KT_OK(khcn_eval_agency_by_id(e, "ag1", &a));
  KT_NEAR(a.score, (1 * sA + 0.5 * sB) / 1.5, 1e-12);
  KT_NEAR(a.weight, 1.5, 1e-12);
  CU_ASSERT_EQUAL(a.roles, 2);
  CU_ASSERT_EQUAL(a.counts[KHCN_PROGRESS_ACHIEVED], 1);
  CU_ASSERT_EQUAL(a.counts[KHCN_PROGRESS_NEEDS_ACCELERATION], 2);
  CU_ASSERT_EQUAL(a.lagging, 1);
  size_t lag[4];
  CU_ASSERT_EQUAL(khcn_eval_agency_lagging(e, 0, lag, 4), 1);
  CU_ASSERT_EQUAL(lag[0], 1); /* i2 */
  KT_OK(khcn_eval_agency_by_id(e, "ag2", &a));
  KT_NEAR(a.score, (1 * sB + 0.25 * sA) / 1.25, 1e-12);
  CU_ASSERT_EQUAL(a.lagging, 1);
  KT_OK(khcn_eval_agency_by_id(e, "ag3", &a)); /* report only: weight 0 */
  CU_ASSERT_EQUAL(a.status, KHCN_PROGRESS_NO_DATA);
  CU_ASSERT_EQUAL(a.roles, 1);
  KT_OK(khcn_eval_agency_by_id(e, "ag4", &a)); /* lead of the plan */
  KT_NEAR(a.score, sP, 1e-12);
  CU_ASSERT_EQUAL(khcn_eval_agency_count(e), 4);
  double asc[4], acov[4], ast[4];
  KT_OK(khcn_eval_agency_columns(e, asc, acov, ast, 4));
  KT_NEAR(asc[3], sP, 1e-12);
  CU_ASSERT_EQUAL(ast[2], KHCN_PROGRESS_NO_DATA);
  CU_ASSERT_EQUAL(khcn_eval_agency_columns(e, asc, acov, ast, 3), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_eval_agency(e, 9, &a), KHCN_ENOTFOUND);
  khcn_eval_free(e);
  /* role weights are options: cooperate 0 (negative asks for zero), report 1 */
  o.role_weight[KHCN_ROLE_COOPERATE] = -1;
  o.role_weight[KHCN_ROLE_REPORT] = 1;
  KT_OK(khcn_evaluate(&e, p, &o, NULL));
  KT_OK(khcn_eval_agency_by_id(e, "ag1", &a));
  KT_NEAR(a.score, sA, 1e-12);
  KT_OK(khcn_eval_agency_by_id(e, "ag3", &a));
  KT_NEAR(a.score, sT, 1e-12);
  khcn_eval_free(e);
  khcn_plan_free(p);
}

CU_ErrorCode khcn_test_rollup_suite(void) {
  static const khcn_test_case cases[] = {{"tree", t_tree}, {"agencies", t_agencies}, {NULL, NULL}};
  return khcn_test_add_suite("rollup", cases);
}
