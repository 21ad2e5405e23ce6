/* CUnit runner of the io area: CBOR, JSON, bad input. */
#include "runner.h"
#include "test_io_util.h"

int main(int argc, char **argv) {
  static const khcn_test_suite_fn suites[] = {khcn_test_cbor_suite, khcn_test_json_suite, khcn_test_io_bad_suite};
  return khcn_test_run(argc, argv, suites, sizeof suites / sizeof *suites);
}
