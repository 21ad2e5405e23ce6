/* Shared helpers of the io tests. */
#ifndef KHCN_TEST_IO_UTIL_H
#define KHCN_TEST_IO_UTIL_H
#include <CUnit/CUnit.h>
#include <stddef.h>
#include "khcn.h"

CU_ErrorCode khcn_test_cbor_suite(void);
CU_ErrorCode khcn_test_json_suite(void);
CU_ErrorCode khcn_test_io_bad_suite(void);

/* A plan using every entity and field of the model (with unknown keys when
 * with_unknown), built through the public API. */
khcn_plan *khcn_test_full_plan(int with_unknown);
/* Read a whole file of the source tree (tests/data/...) into a malloc'd buffer. */
unsigned char *khcn_test_slurp(const char *rel, size_t *len);
/* 1 if diags hold a diagnostic with this code. */
int khcn_test_has_code(const khcn_diags *d, int code);
#endif
