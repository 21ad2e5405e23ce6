/* Shared CUnit runner: each test program lists its suites and calls this. */
#ifndef KHCN_TEST_RUNNER_H
#define KHCN_TEST_RUNNER_H
#include <CUnit/CUnit.h>

/* A function that adds one suite (one module) to the registry. */
typedef CU_ErrorCode (*khcn_test_suite_fn)(void);

/* Run the suites with the basic interface, print the summary, return the
 * process exit status (0 when every assertion passed).  argv[1], if given,
 * names a single suite to run. */
int khcn_test_run(int argc, char **argv, const khcn_test_suite_fn *suites, size_t n);

/* Add a suite with its tests: KHCN_SUITE("plan", setup, teardown, tests) */
typedef struct {
  const char *name;
  CU_TestFunc fn;
} khcn_test_case;
CU_ErrorCode khcn_test_add_suite(const char *name, const khcn_test_case *cases);

/* Path of a data file of the source tree (KHCN_SRCDIR or "."). */
const char *khcn_test_srcpath(const char *rel);
#endif
