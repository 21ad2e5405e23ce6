/* Suite "validate": every diagnostic the validator gives, and clean plans. */
#include <math.h>
#include <string.h>
#include <khcn.h>
#include "runner.h"
#include "suites_model.h"

/* number of diagnostics with this code; *sev gets the last one's severity */
static size_t count_code(const khcn_diags *d, int code, khcn_severity *sev) {
  size_t n = 0;
  khcn_diag g;
  for (size_t i = 0; i < khcn_diags_count(d); i++) {
    if (khcn_diags_at(d, i, &g) == KHCN_OK && g.code == code) {
      n++;
      if (sev) *sev = g.severity;
    }
  }
  return n;
}

static void test_clean_sample(void) {
  khcn_plan *p;
  khcn_diags *d;
  CU_ASSERT_EQUAL_FATAL(khcn_test_build_sample(&p), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  /* the sample has one task without lead (t1a has lead via t1) and a ratio of two unlinked series */
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_diags_count_at_least(d, KHCN_SEV_ERROR), 0);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_NO_LEAD, NULL), 0); /* t1a inherits t1's lead */
  CU_ASSERT_EQUAL(khcn_plan_validate(p, NULL, 0), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0x100), KHCN_EINVAL);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

static void test_references(void) {
  khcn_plan *p;
  khcn_diags *d;
  khcn_node *n;
  khcn_agency *a;
  khcn_indicator *i;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1", "missing", "1", "x"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_node_link(n, "no-such-indicator", 1), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, KHCN_NODE_OBJECTIVE, "o1", NULL, NULL, "obj"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t2", "o1", NULL, "task under objective"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_agency(&a, p, "a1", "A", "nobody"), KHCN_OK);
  khcn_responsibility r = {"t9", "a2", KHCN_ROLE_REPORT, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  r.task = "t1";
  r.agency = "a1";
  r.to = "zz";
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&i, p, "r", "ratio"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_formula(i, "r", "nope", 100), KHCN_OK);
  khcn_observation o = {2020, 1, KHCN_OBS_NORMAL, NULL, "ghost", NULL};
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_EINVALID);
  /* parent t1, link, t2's parent type, agency parent, task t9, agency a2, to zz, formula den, reporter */
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_DANGLING_REF, NULL), 9);
  khcn_severity sev;
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_FORMULA, &sev), 2); /* self reference + measure not ratio */
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_REPORT_RECIPIENT, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_WARNING);
  /* diagnostics carry path and entity */
  khcn_diag g;
  int found = 0;
  for (size_t k = 0; k < khcn_diags_count(d); k++) {
    CU_ASSERT_EQUAL(khcn_diags_at(d, k, &g), KHCN_OK);
    if (g.code == KHCN_DIAG_DANGLING_REF && strcmp(g.path, "/plan/tasks/t1/parent") == 0) {
      found = 1;
      CU_ASSERT_STRING_EQUAL(g.entity, "t1");
      CU_ASSERT_PTR_NOT_NULL(strstr(g.message, "missing"));
      CU_ASSERT_EQUAL(g.severity, KHCN_SEV_ERROR);
    }
  }
  CU_ASSERT_TRUE(found);
  khcn_buf b;
  CU_ASSERT_EQUAL(khcn_diags_format(&b, d, 0), KHCN_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr((char *)b.ptr, "error 4002"));
  khcn_buf_dispose(&b);
  CU_ASSERT_EQUAL(khcn_diags_at(d, 1000, &g), KHCN_ENOTFOUND);
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_diags_count(d), 0);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

static void test_cycles_depth(void) {
  khcn_plan *p;
  khcn_diags *d;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  /* a -> b -> c -> a, and d hanging under the cycle */
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "a", "c", NULL, "a"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "b", "a", NULL, "b"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "c", "b", NULL, "c"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "d", "a", NULL, "d"), KHCN_OK);
  /* a chain 40 deep */
  char id[16], parent[16];
  for (int k = 0; k < 40; k++) {
    snprintf(id, sizeof id, "n%d", k);
    snprintf(parent, sizeof parent, "n%d", k - 1);
    CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, id, k ? parent : NULL, NULL, "x"), KHCN_OK);
  }
  CU_ASSERT_EQUAL(khcn_plan_add_agency(NULL, p, "x", "X", "y"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_agency(NULL, p, "y", "Y", "x"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_EINVALID);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_CYCLE, NULL), 5); /* a, b, c and x, y */
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_TOO_DEEP, NULL), 1);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

static void test_leads(void) {
  khcn_plan *p;
  khcn_diags *d;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "t1", NULL, "1", "no lead"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "t2", NULL, "2", "two leads"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_agency(NULL, p, "a", "A", NULL), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_agency(NULL, p, "b", "B", NULL), KHCN_OK);
  khcn_responsibility r = {"t2", "a", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  r.agency = "b";
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  khcn_severity sev;
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_OK); /* warnings only */
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_NO_LEAD, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_WARNING);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_MANY_LEADS, NULL), 1);
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, KHCN_VALIDATE_STRICT), KHCN_EINVALID);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_NO_LEAD, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_ERROR);
  /* a plan-level lead covers every task */
  khcn_responsibility pl = {NULL, "a", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &pl), KHCN_OK);
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_OK);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_NO_LEAD, NULL), 0);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

static void test_targets_rules(void) {
  khcn_plan *p;
  khcn_diags *d;
  khcn_indicator *i, *g, *m, *q;
  khcn_target t;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 2021, 2025), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&i, p, "i", "range"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(i, 2020, 0.8, NULL), KHCN_OK);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_RANGE;
  t.value = 1.5;
  t.hi = 1.2; /* inverted */
  t.year = 2030; /* outside 2021-2025 */
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_OK);
  khcn_target_init(&t);
  t.year = 2019; /* before base 2020, and outside */
  t.value = 1;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&g, p, "g", "growth"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(g, 2020, 0, NULL), KHCN_OK);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_GROWTH;
  t.value = 0.05;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(g, &t), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&m, p, "m", "multiple"), KHCN_OK);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_MULTIPLE;
  t.value = -2; /* bad factor */
  t.year = 2025;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(m, &t), KHCN_OK); /* and no base year */
  t.value = 2;
  t.base_year = 2020; /* no value in 2020: warning */
  CU_ASSERT_EQUAL(khcn_indicator_add_target(m, &t), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&q, p, "q", "approx"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_measure(q, KHCN_MEASURE_PERCENT), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_limit(q, 100), KHCN_OK);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_APPROX;
  t.value = 45;
  t.tol = -1;
  t.year = 2025;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(q, &t), KHCN_OK);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_DONE;
  t.value = 1;
  t.year = 2021;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(q, &t), KHCN_OK);
  khcn_observation o = {2022, 120, KHCN_OBS_NORMAL, NULL, NULL, NULL};
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(q, &o), KHCN_OK);
  o.value = -3;
  o.year = 2021;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(m, &o), KHCN_OK);
  o.year = 1990;
  o.value = 1;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(m, &o), KHCN_OK);

  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_EINVALID);
  khcn_severity sev;
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_RANGE_INVERTED, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_ERROR);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_TARGET_OUTSIDE_PERIOD, &sev), 2);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_WARNING);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_TARGET_BEFORE_BASE, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_GROWTH_BASE, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_ERROR);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_MULTIPLE_FACTOR, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_MULTIPLE_BASE, NULL), 2);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_TOLERANCE, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_DONE_MEASURE, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_LIMIT_EXCEEDED, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_NEGATIVE_COUNT, NULL), 1);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_OBS_OUTSIDE_PERIOD, &sev), 1);
  CU_ASSERT_EQUAL(sev, KHCN_SEV_INFO);
  /* the growth rule looks at the series: a rate series may have a zero base */
  CU_ASSERT_EQUAL(khcn_indicator_set_measure(g, KHCN_MEASURE_RATE), KHCN_OK);
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, 0), KHCN_EINVALID);
  CU_ASSERT_EQUAL(count_code(d, KHCN_DIAG_GROWTH_BASE, NULL), 0);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

CU_ErrorCode khcn_test_validate_suite(void) {
  static const khcn_test_case cases[] = {{"clean plan", test_clean_sample},
                                         {"dangling references", test_references},
                                         {"cycles and depth", test_cycles_depth},
                                         {"leads", test_leads},
                                         {"target rules", test_targets_rules},
                                         {NULL, NULL}};
  return khcn_test_add_suite("validate", cases);
}
