/* Shared declarations of the engine tests (tests/unit/test_engine). */
#ifndef KHCN_TEST_ENGINE_H
#define KHCN_TEST_ENGINE_H
#include <CUnit/CUnit.h>
#include <math.h>
#include "khcn.h"

CU_ErrorCode khcn_test_attain_suite(void);
CU_ErrorCode khcn_test_rollup_suite(void);
CU_ErrorCode khcn_test_scenario_suite(void);
CU_ErrorCode khcn_test_engine_props_suite(void);

/* relative closeness: |a - b| <= tol * max(1, |b|) */
#define KT_NEAR(a, b, tol) CU_ASSERT(fabs((double)(a) - (double)(b)) <= (tol) * fmax(1.0, fabs((double)(b))))
#define KT_OK(x) CU_ASSERT_EQUAL_FATAL((x), KHCN_OK)

/* plan with a period; aborts the test on failure */
khcn_plan *kt_plan(int start, int end);
/* indicator with a plain series (n may be 0) */
khcn_indicator *kt_ind(khcn_plan *p, const char *id, const int *years, const double *values, size_t n);
/* add a target: comparator, year, value (hi for ranges, NAN otherwise) */
void kt_target(khcn_indicator *ind, khcn_comparator c, int year, double value, double hi);
/* evaluate at as_of and return the headline result of indicator i */
khcn_result kt_eval1(const khcn_plan *p, int as_of, size_t i);

#endif
