/* Suite "oom": make the n-th allocation fail, for every n, across the
 * constructors: each failure is reported as KHCN_ENOMEM, nothing leaks
 * (checked by ASan/valgrind runs of this suite), and the run after the
 * last failing n succeeds. */
#include <string.h>
#include <khcn.h>
#include "internal/util.h"
#include "runner.h"
#include "suites_model.h"

typedef int (*scenario_fn)(void);

static int sc_build(void) {
  khcn_plan *p = NULL;
  int st = khcn_test_build_sample(&p);
  khcn_plan_free(p);
  return st;
}

static khcn_plan *g_sample; /* built without failures, read-only here */

static int sc_clone(void) {
  khcn_plan *c = NULL;
  int st = khcn_plan_clone(&c, g_sample);
  if (st == KHCN_OK && !khcn_test_plans_equal(c, g_sample)) st = KHCN_ERROR;
  khcn_plan_free(c);
  return st;
}

static int sc_validate(void) {
  khcn_diags *d = NULL;
  int st = khcn_diags_new(&d);
  if (st == KHCN_OK) st = khcn_plan_validate(g_sample, d, KHCN_VALIDATE_STRICT);
  if (st == KHCN_OK && khcn_diags_count(d) > 0) {
    khcn_buf b = KHCN_BUF_INIT;
    st = khcn_diags_format(&b, d, 0);
    khcn_buf_dispose(&b);
  }
  khcn_diags_free(d);
  return st;
}

static int sc_bulk(void) {
  khcn_plan *p = NULL;
  int st = khcn_plan_new(&p, "bulk");
  for (int k = 0; st == KHCN_OK && k < 20; k++) {
    char id[8] = {'i', (char)('a' + k), 0};
    st = khcn_plan_add_indicator(NULL, p, id, "x");
  }
  if (st == KHCN_OK) {
    uint32_t idx[60];
    int32_t yr[60];
    double v[60];
    for (int k = 0; k < 60; k++) {
      idx[k] = (uint32_t)(k % 20);
      yr[k] = 2020 + k / 20;
      v[k] = k;
    }
    st = khcn_plan_add_observations(p, idx, yr, v, 60);
    if (st != KHCN_OK && khcn_indicator_observation_count(khcn_plan_indicator_at(p, 0)) != 0)
      st = KHCN_ERROR; /* all or nothing */
  }
  khcn_plan_free(p);
  return st;
}

static void drive(scenario_fn fn, const char *name) {
  int succeeded = 0;
  long n;
  for (n = 0; n < 100000; n++) {
    khcn__test_fail_alloc_after(n);
    int st = fn();
    khcn__test_fail_alloc_after(-1);
    if (st == KHCN_OK) {
      succeeded = 1;
      break;
    }
    if (st != KHCN_ENOMEM) {
      CU_FAIL("a failed allocation was not reported as KHCN_ENOMEM");
      fprintf(stderr, "%s: fail-after %ld gave %s (%s)\n", name, n, khcn_err_name(st), khcn_error_last()->message);
      return;
    }
  }
  CU_ASSERT_TRUE(succeeded);
  CU_ASSERT_TRUE(n > 3); /* the scenario really allocates */
}

static void test_build(void) { drive(sc_build, "build"); }
static void test_clone(void) { drive(sc_clone, "clone"); }
static void test_validate(void) { drive(sc_validate, "validate"); }
static void test_bulk(void) { drive(sc_bulk, "bulk"); }

static void test_setup(void) {
  CU_ASSERT_EQUAL_FATAL(khcn_test_build_sample(&g_sample), KHCN_OK);
  test_clone();
  test_validate();
  khcn_plan_free(g_sample);
  g_sample = NULL;
}

CU_ErrorCode khcn_test_oom_suite(void) {
  static const khcn_test_case cases[] = {{"build a plan", test_build},
                                         {"clone and validate", test_setup},
                                         {"bulk observations", test_bulk},
                                         {NULL, NULL}};
  return khcn_test_add_suite("oom", cases);
}
