#include "runner.h"
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

CU_ErrorCode khcn_test_add_suite(const char *name, const khcn_test_case *cases) {
  CU_pSuite s = CU_add_suite(name, NULL, NULL);
  if (!s) return CU_get_error();
  for (; cases->name; cases++)
    if (!CU_add_test(s, cases->name, cases->fn)) return CU_get_error();
  return CUE_SUCCESS;
}

int khcn_test_run(int argc, char **argv, const khcn_test_suite_fn *suites, size_t n) {
  if (CU_initialize_registry() != CUE_SUCCESS) return 2;
  for (size_t i = 0; i < n; i++) {
    if (suites[i]() != CUE_SUCCESS) {
      fprintf(stderr, "cannot register suite: %s\n", CU_get_error_msg());
      CU_cleanup_registry();
      return 2;
    }
  }
  CU_basic_set_mode(CU_BRM_NORMAL);
  if (argc > 1) {
    CU_pSuite s = CU_get_suite(argv[1]);
    if (!s) {
      fprintf(stderr, "no suite named %s\n", argv[1]);
      CU_cleanup_registry();
      return 2;
    }
    CU_basic_run_suite(s);
  } else {
    CU_basic_run_tests();
  }
  unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
  unsigned ran = CU_get_number_of_tests_run();
  CU_cleanup_registry();
  fflush(stdout);
  return (failed != 0 || ran == 0) ? 1 : 0;
}

const char *khcn_test_srcpath(const char *rel) {
  static _Thread_local char buf[4096];
  const char *dir = getenv("KHCN_SRCDIR");
  snprintf(buf, sizeof buf, "%s/%s", dir && *dir ? dir : ".", rel);
  return buf;
}
