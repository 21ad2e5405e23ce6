/* CUnit runner for the core model: one suite per module. */
#include "runner.h"
#include "suites_model.h"

int main(int argc, char **argv) {
  static const khcn_test_suite_fn suites[] = {
      khcn_test_errors_suite,   khcn_test_util_suite, khcn_test_plan_suite,    khcn_test_validate_suite,
      khcn_test_seedplans_suite, khcn_test_oom_suite, khcn_test_threads_suite,
  };
  return khcn_test_run(argc, argv, suites, sizeof suites / sizeof *suites);
}
