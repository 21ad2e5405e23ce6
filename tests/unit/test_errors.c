/* Suite "errors": status codes, names, the thread-local error record. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <khcn.h>
#include "runner.h"
#include "suites_model.h"

static void test_names(void) {
  CU_ASSERT_STRING_EQUAL(khcn_err_name(KHCN_OK), "KHCN_OK");
  CU_ASSERT_STRING_EQUAL(khcn_err_name(KHCN_ENOMEM), "KHCN_ENOMEM");
  CU_ASSERT_STRING_EQUAL(khcn_err_name(KHCN_EINVALID), "KHCN_EINVALID");
  CU_ASSERT_STRING_EQUAL(khcn_strerror(KHCN_ENOTFOUND), "no such plan element");
  CU_ASSERT_STRING_EQUAL(khcn_strerror(12345), "unknown error code");
  CU_ASSERT_STRING_EQUAL(khcn_err_name(-999), "KHCN_UNKNOWN");
  /* every code in the map has a distinct name */
  for (int c = -1; c >= KHCN__ERRNO_LAST; c--) {
    CU_ASSERT_NOT_EQUAL(strcmp(khcn_err_name(c), "KHCN_UNKNOWN"), 0);
    for (int d = c - 1; d >= KHCN__ERRNO_LAST; d--) CU_ASSERT_NOT_EQUAL(strcmp(khcn_err_name(c), khcn_err_name(d)), 0);
  }
}

static void test_last_error(void) {
  khcn_plan *p = (khcn_plan *)0x1;
  khcn_error_clear();
  CU_ASSERT_EQUAL(khcn_error_last()->code, KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_error_last()->message, "");
  CU_ASSERT_EQUAL(khcn_plan_new(&p, "bad id!"), KHCN_EINVAL);
  CU_ASSERT_PTR_NULL(p);
  CU_ASSERT_EQUAL(khcn_error_last()->code, KHCN_EINVAL);
  CU_ASSERT_PTR_NOT_NULL(strstr(khcn_error_last()->message, "bad id!"));
  CU_ASSERT_EQUAL(khcn_error_last()->offset, SIZE_MAX);
  khcn_error_clear();
  CU_ASSERT_EQUAL(khcn_error_last()->code, KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_new(NULL, "x"), KHCN_EINVAL);
}

static void *thread_fail(void *arg) {
  (void)arg;
  khcn_plan *p;
  if (khcn_plan_new(&p, "") != KHCN_EINVAL) return (void *)1;
  return khcn_error_last()->code == KHCN_EINVAL ? NULL : (void *)2;
}

static void test_thread_local(void) {
  khcn_error_clear();
  pthread_t t;
  void *res = (void *)3;
  CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, thread_fail, NULL), 0);
  pthread_join(t, &res);
  CU_ASSERT_PTR_NULL(res);
  /* the other thread's failure does not show here */
  CU_ASSERT_EQUAL(khcn_error_last()->code, KHCN_OK);
}

static void test_buffers_and_version(void) {
  khcn_buf b = KHCN_BUF_INIT;
  khcn_buf_dispose(&b);
  khcn_buf_dispose(NULL);
  khcn_free(NULL);
  CU_ASSERT_EQUAL(khcn_version(), (unsigned)KHCN_VERSION_HEX);
  CU_ASSERT_STRING_EQUAL(khcn_version_string(), KHCN_VERSION_STRING);
}

CU_ErrorCode khcn_test_errors_suite(void) {
  static const khcn_test_case cases[] = {{"code names", test_names},
                                         {"last error", test_last_error},
                                         {"thread-local errors", test_thread_local},
                                         {"buffers and version", test_buffers_and_version},
                                         {NULL, NULL}};
  return khcn_test_add_suite("errors", cases);
}
