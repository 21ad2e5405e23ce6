#ifndef KHCN_SUITES_MODEL_H
#define KHCN_SUITES_MODEL_H
#include <CUnit/CUnit.h>
CU_ErrorCode khcn_test_errors_suite(void);
CU_ErrorCode khcn_test_util_suite(void);
CU_ErrorCode khcn_test_plan_suite(void);
CU_ErrorCode khcn_test_validate_suite(void);
CU_ErrorCode khcn_test_seedplans_suite(void);
CU_ErrorCode khcn_test_oom_suite(void);
CU_ErrorCode khcn_test_threads_suite(void);

/* helpers shared by the model tests (test_plan.c) */
struct khcn_plan;
/* A small plan exercising every entity; returns KHCN_OK or the failing status
 * (so the OOM test can drive it with failing allocations). */
int khcn_test_build_sample(struct khcn_plan **out);
/* Deep equality of two plans through the public API: 1 equal, 0 not. */
int khcn_test_plans_equal(const struct khcn_plan *a, const struct khcn_plan *b);
#endif
