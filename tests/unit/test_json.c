/* JSON form: reading, writing, strictness of the parser. */
#include <CUnit/CUnit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runner.h"
#include "test_io_util.h"

#define OK(x) CU_ASSERT_EQUAL_FATAL((x), KHCN_OK)

static khcn_status rd(const char *s, khcn_diags *d, khcn_plan **out) {
  *out = NULL;
  return khcn_json_read(out, s, strlen(s), NULL, d);
}

static void expect(const char *json, khcn_status want, int code) {
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_plan *p;
  khcn_status st = rd(json, d, &p);
  if (st != want || (code && !khcn_test_has_code(d, code))) {
    fprintf(stderr, "JSON %s: status %d (want %d), code %d wanted; diags:\n", json, st, want, code);
    for (size_t i = 0; i < khcn_diags_count(d); i++) {
      khcn_buf b = KHCN_BUF_INIT;
      if (khcn_diags_format(&b, d, i) == KHCN_OK) fprintf(stderr, "  %s\n", (char *)b.ptr);
      khcn_buf_dispose(&b);
    }
  }
  CU_ASSERT_EQUAL(st, want);
  if (code) CU_ASSERT(khcn_test_has_code(d, code));
  if (want == KHCN_OK) {
    CU_ASSERT_PTR_NOT_NULL(p);
  } else {
    CU_ASSERT_PTR_NULL(p);
  }
  khcn_plan_free(p);
  khcn_diags_free(d);
}

#define DOC(plan) "{\"format\": \"khcn\", \"version\": [1, 0], \"plan\": " plan "}"

static void test_minimal(void) {
  khcn_plan *p;
  OK(rd(DOC("{\"id\": \"p\", \"start\": 2021, \"end\": 2025}"), NULL, &p));
  CU_ASSERT_STRING_EQUAL(khcn_plan_id(p), "p");
  CU_ASSERT_EQUAL(khcn_plan_end(p), 2025);
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_json_write(&b, p));
  CU_ASSERT_STRING_EQUAL((char *)b.ptr,
                         "{\n  \"format\": \"khcn\",\n  \"version\": [1, 0],\n  \"plan\": {\n    \"id\": \"p\",\n"
                         "    \"start\": 2021,\n    \"end\": 2025\n  }\n}\n");
  khcn_buf_dispose(&b);
  khcn_plan_free(p);
}

static void test_fields(void) {
  khcn_plan *p;
  const char *j = DOC("{\"id\": \"p\", \"start\": 2021, \"end\": 2025, \"title\": \"T\\u1ec7 \\ud83d\\ude00\","
                      " \"indicators\": [{\"id\": \"i\", \"name\": \"N\", \"measure\": \"rate\", \"kind\": \"flow\","
                      " \"direction\": -1, \"baseline\": {\"year\": 2020, \"value\": 0.5},"
                      " \"targets\": [{\"year\": \"every\", \"comparator\": \"growth\", \"value\": 0.075}],"
                      " \"observations\": [{\"year\": 2022, \"value\": 2}, {\"year\": 2021, \"value\": 1e2}]}],"
                      " \"responsibilities\": [{\"task\": null, \"agency\": \"a\", \"role\": \"focal\"}]}");
  OK(rd(j, NULL, &p));
  CU_ASSERT_STRING_EQUAL(khcn_plan_text(p, KHCN_PLAN_TITLE), "T\xe1\xbb\x87 \xf0\x9f\x98\x80");
  khcn_indicator *i = khcn_plan_indicator(p, "i");
  CU_ASSERT_PTR_NOT_NULL_FATAL(i);
  CU_ASSERT_EQUAL(khcn_indicator_measure(i), KHCN_MEASURE_RATE);
  CU_ASSERT_EQUAL(khcn_indicator_direction(i), -1);
  int ys[2];
  double vs[2];
  CU_ASSERT_EQUAL(khcn_indicator_series(i, ys, vs, 2), 2);
  CU_ASSERT_EQUAL(ys[0], 2021); /* sorted */
  CU_ASSERT_EQUAL(vs[0], 100);
  khcn_target t;
  OK(khcn_indicator_target_at(i, 0, &t));
  CU_ASSERT_EQUAL(t.year, KHCN_EVERY_YEAR);
  CU_ASSERT_EQUAL(t.value, 0.075);
  khcn_responsibility r;
  OK(khcn_plan_responsibility_at(p, 0, &r));
  CU_ASSERT_PTR_NULL(r.task);
  CU_ASSERT_EQUAL(r.role, KHCN_ROLE_FOCAL);
  khcn_plan_free(p);
}

static void test_bad(void) {
  expect("", KHCN_EFORMAT, KHCN_DIAG_EMPTY);
  expect("   ", KHCN_EFORMAT, KHCN_DIAG_EMPTY);
  expect("{", KHCN_EFORMAT, KHCN_DIAG_TRUNCATED);
  expect("[1, 2]", KHCN_EFORMAT, KHCN_DIAG_TYPE);
  expect("{\"format\": \"x\", \"version\": [1, 0]}", KHCN_EFORMAT, KHCN_DIAG_NOT_KHCN);
  expect("{\"format\": \"khcn\", \"version\": [2, 0], \"plan\": {}}", KHCN_EVERSION, KHCN_DIAG_VERSION);
  expect(DOC("{\"id\": \"p\"}") " x", KHCN_EFORMAT, KHCN_DIAG_TRAILING);
  expect(DOC("{\"id\": \"p\", \"id\": \"q\"}"), KHCN_EFORMAT, KHCN_DIAG_DUPLICATE_KEY);
  expect(DOC("{\"id\": \"p\", \"titel\": \"typo\"}"), KHCN_EFORMAT, KHCN_DIAG_UNKNOWN_FIELD);
  expect(DOC("{\"id\": \"p\", \"start\": \"2021\", \"end\": 2022}"), KHCN_EFORMAT, KHCN_DIAG_TYPE);
  expect(DOC("{\"id\": \"p\", \"title\": \"a\\u0000b\"}"), KHCN_EFORMAT, KHCN_DIAG_UTF8);
  expect(DOC("{\"id\": \"p\", \"title\": \"\xc3\x28\"}"), KHCN_EFORMAT, KHCN_DIAG_UTF8);
  expect(DOC("{\"id\": \"p\", \"title\": \"\\ud800\"}"), KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  expect(DOC("{\"id\": \"p\", \"title\": \"a\nb\"}"), KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  expect(DOC("{\"id\": \"p\", \"start\": 01}"), KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"limit\": 1e999}]}"), KHCN_EFORMAT,
         KHCN_DIAG_NOT_FINITE);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"limit\": NaN}]}"), KHCN_EFORMAT,
         KHCN_DIAG_MALFORMED);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"measure\": \"kg\"}]}"), KHCN_EFORMAT,
         KHCN_DIAG_ENUM);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\"}]}"), KHCN_EFORMAT, KHCN_DIAG_MISSING);
  expect(DOC("{\"id\": \"bad id\"}"), KHCN_EFORMAT, KHCN_DIAG_BAD_ID);
  expect(DOC("{\"id\": \"p\", \"date\": \"2021-02-30\"}"), KHCN_EFORMAT, KHCN_DIAG_BAD_DATE);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"observations\": "
             "[{\"year\": 2021, \"value\": null}]}]}"),
         KHCN_EFORMAT, KHCN_DIAG_INVALID);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"observations\": "
             "[{\"year\": 2021, \"value\": 1}, {\"year\": 2021, \"value\": 2}]}]}"),
         KHCN_EFORMAT, KHCN_DIAG_INVALID);
  expect(DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\"}, {\"id\": \"i\", \"name\": \"m\"}]}"),
         KHCN_EFORMAT, KHCN_DIAG_DUPLICATE_ID);
  /* depth */
  char deep[4096];
  size_t n = 0;
  for (int i = 0; i < 1000; i++) deep[n++] = '[';
  deep[n] = 0;
  expect(deep, KHCN_ELIMIT, KHCN_DIAG_DEPTH);
  /* unknown CBOR keys in JSON */
  expect(DOC("{\"id\": \"p\", \"_unknown\": {\"30\": \"8201\"}}"), KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  expect(DOC("{\"id\": \"p\", \"_unknown\": {\"3\": \"01\"}}"), KHCN_EFORMAT, KHCN_DIAG_TYPE);
  expect(DOC("{\"id\": \"p\", \"_unknown\": {\"30\": \"820102\"}}"), KHCN_OK, 0);
  /* validation */
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  o.flags = KHCN_READ_VALIDATE;
  const char *dangling = DOC("{\"id\": \"p\", \"start\": 2021, \"end\": 2025, \"tasks\": [{\"id\": \"t\", \"parent\": "
                             "\"nowhere\", \"title\": \"T\"}]}");
  khcn_plan *p = NULL;
  CU_ASSERT_EQUAL(khcn_json_read(&p, dangling, strlen(dangling), &o, d), KHCN_EINVALID);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_DANGLING_REF));
  CU_ASSERT_PTR_NULL(p);
  khcn_diags_free(d);
}

static void test_offsets(void) {
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  const char *j = DOC("{\"id\": \"p\", \"indicators\": [{\"id\": \"i\", \"name\": \"n\", \"limit\": \"x\"}]}");
  khcn_plan *p;
  CU_ASSERT_EQUAL(rd(j, d, &p), KHCN_EFORMAT);
  khcn_diag g;
  OK(khcn_diags_at(d, 0, &g));
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_TYPE);
  CU_ASSERT_EQUAL(g.offset, (size_t)(strstr(j, "\"x\"") - j));
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/indicators/0/limit");
  CU_ASSERT_STRING_EQUAL(g.entity, "i");
  khcn_diags_free(d);
}

CU_ErrorCode khcn_test_json_suite(void) {
  static const khcn_test_case cases[] = {
      {"minimal", test_minimal},
      {"fields", test_fields},
      {"bad", test_bad},
      {"offsets", test_offsets},
      {NULL, NULL},
  };
  return khcn_test_add_suite("json", cases);
}
