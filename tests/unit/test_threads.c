/* Suite "threads": one plan read from several threads at once gives the
 * same answers as one thread (run under TSan/helgrind to check races). */
#include <pthread.h>
#include <string.h>
#include <khcn.h>
#include "runner.h"
#include "suites_model.h"

#define NTHREADS 4

static khcn_plan *g_plan;

/* read everything, validate, return a checksum */
static unsigned long read_all(const khcn_plan *p) {
  unsigned long h = 5381;
#define MIX(x) (h = h * 33u + (unsigned long)(x))
  for (int r = 0; r < 200; r++) {
    for (size_t i = 0; i < khcn_plan_indicator_count(p); i++) {
      const khcn_indicator *ind = khcn_plan_indicator_at(p, i);
      MIX(strlen(khcn_indicator_name(ind)));
      MIX(khcn_plan_indicator(p, khcn_indicator_id(ind)) == ind);
      for (size_t k = 0; k < khcn_indicator_observation_count(ind); k++) {
        khcn_observation o;
        if (khcn_indicator_observation_at(ind, k, &o) == KHCN_OK) MIX(o.year);
      }
      for (size_t k = 0; k < khcn_indicator_target_count(ind); k++) {
        khcn_target t;
        if (khcn_indicator_target_at(ind, k, &t) == KHCN_OK) MIX(t.comparator);
      }
    }
    khcn_diags *d;
    if (khcn_diags_new(&d) == KHCN_OK) {
      MIX(khcn_plan_validate(p, d, 0));
      MIX(khcn_diags_count(d));
      khcn_diags_free(d);
    }
    khcn_target t;
    MIX(khcn_indicator_target_at(khcn_plan_indicator_at(p, 0), 999, &t)); /* an error, thread-local */
  }
  return h;
}

static void *worker(void *arg) {
  unsigned long *out = arg;
  *out = read_all(g_plan);
  return NULL;
}

static void test_concurrent_reads(void) {
  CU_ASSERT_EQUAL_FATAL(khcn_test_build_sample(&g_plan), KHCN_OK);
  unsigned long expect = read_all(g_plan);
  pthread_t t[NTHREADS];
  unsigned long got[NTHREADS] = {0};
  for (int i = 0; i < NTHREADS; i++) CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, worker, &got[i]), 0);
  for (int i = 0; i < NTHREADS; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < NTHREADS; i++) CU_ASSERT_EQUAL(got[i], expect);
  khcn_plan_free(g_plan);
  g_plan = NULL;
}

CU_ErrorCode khcn_test_threads_suite(void) {
  static const khcn_test_case cases[] = {{"concurrent reads of one plan", test_concurrent_reads}, {NULL, NULL}};
  return khcn_test_add_suite("threads", cases);
}
