/* CUnit runner for the attainment and what-if engine (issue 3). */
#include "runner.h"
#include "test_engine.h"

int main(int argc, char **argv) {
  static const khcn_test_suite_fn suites[] = {
      khcn_test_attain_suite, khcn_test_rollup_suite, khcn_test_scenario_suite, khcn_test_engine_props_suite,
  };
  return khcn_test_run(argc, argv, suites, sizeof suites / sizeof *suites);
}
