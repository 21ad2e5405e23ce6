/* CBOR writer and reader: exact bytes, round trips, tolerance, strict mode. */
#include <CUnit/CUnit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runner.h"
#include "test_io_util.h"
#include "internal/io.h"

#define OK(x) CU_ASSERT_EQUAL_FATAL((x), KHCN_OK)

unsigned char *khcn_test_slurp(const char *rel, size_t *len) {
  FILE *f = fopen(khcn_test_srcpath(rel), "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0, r;
  unsigned char *b = malloc(cap);
  while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
    n += r;
    if (n == cap) {
      unsigned char *nb = realloc(b, cap *= 2);
      if (!nb) free(b);
      b = nb;
    }
  }
  fclose(f);
  *len = n;
  return b;
}

int khcn_test_has_code(const khcn_diags *d, int code) {
  for (size_t i = 0; i < khcn_diags_count(d); i++) {
    khcn_diag g;
    if (khcn_diags_at(d, i, &g) == KHCN_OK && g.code == code) return 1;
  }
  return 0;
}

khcn_plan *khcn_test_full_plan(int with_unknown) {
  khcn_plan *p = NULL;
  if (khcn_plan_new(&p, "full") != KHCN_OK) return NULL;
  int ok = 1;
  ok &= khcn_plan_set_text(p, KHCN_PLAN_TITLE, "Kế hoạch KH&CN") == KHCN_OK;
  ok &= khcn_plan_set_text(p, KHCN_PLAN_DATE, "2021-01-05") == KHCN_OK;
  ok &= khcn_plan_set_text(p, KHCN_PLAN_LANG, "vi") == KHCN_OK;
  ok &= khcn_plan_set_period(p, 2021, 2025) == KHCN_OK;
  ok &= khcn_plan_add_budget_source(p, "Ngân sách") == KHCN_OK;
  khcn_legal_doc ld = {"qd-1", "1/QĐ", KHCN_DOC_DECISION, "2020-12", "UBND", "Quyết định"};
  ok &= khcn_plan_add_legal_basis(p, &ld) == KHCN_OK;
  khcn_indicator *a = NULL, *b = NULL;
  ok &= khcn_plan_add_indicator(&a, p, "a", "Chỉ tiêu A") == KHCN_OK;
  ok &= khcn_plan_add_indicator(&b, p, "b", "Chỉ tiêu B") == KHCN_OK;
  if (!ok) {
    khcn_plan_free(p);
    return NULL;
  }
  ok &= khcn_indicator_set_name_en(a, "Indicator A") == KHCN_OK;
  ok &= khcn_indicator_set_unit(a, "%") == KHCN_OK;
  ok &= khcn_indicator_set_description(a, "mô tả") == KHCN_OK;
  ok &= khcn_indicator_set_measure(a, KHCN_MEASURE_PERCENT) == KHCN_OK;
  ok &= khcn_indicator_set_direction(a, -1) == KHCN_OK;
  ok &= khcn_indicator_set_kind(a, KHCN_KIND_FLOW) == KHCN_OK;
  ok &= khcn_indicator_set_limit(a, 100) == KHCN_OK;
  ok &= khcn_indicator_set_baseline(a, 2020, 12.5, "gốc") == KHCN_OK;
  ok &= khcn_indicator_set_formula(b, "a", "a", 1000) == KHCN_OK;
  khcn_target t;
  khcn_target_init(&t);
  t.year = 2025;
  t.comparator = KHCN_CMP_RANGE;
  t.value = 1.2;
  t.hi = 1.5;
  t.flags = KHCN_TARGET_NO_OVERSHOOT | KHCN_TARGET_CUMULATIVE;
  t.note = "câu";
  ok &= khcn_indicator_add_target(a, &t) == KHCN_OK;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_APPROX;
  t.value = 45;
  t.tol = 0.5;
  t.year = KHCN_EVERY_YEAR;
  ok &= khcn_indicator_add_target(a, &t) == KHCN_OK;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_MULTIPLE;
  t.value = 2;
  t.base_year = 2020;
  t.year = 2030;
  ok &= khcn_indicator_add_target(b, &t) == KHCN_OK;
  khcn_observation o = {2021, 13.25, KHCN_OBS_ESTIMATED, "http://x", "so", "ghi chú"};
  ok &= khcn_indicator_add_observation(a, &o) == KHCN_OK;
  khcn_observation o2 = {2022, NAN, KHCN_OBS_MISSING, NULL, NULL, NULL};
  ok &= khcn_indicator_add_observation(a, &o2) == KHCN_OK;
  int years[3] = {2020, 2021, 2022};
  double vals[3] = {1, -0.001, 1e300};
  ok &= khcn_indicator_set_series(b, years, vals, 3) == KHCN_OK;
  khcn_node *n1 = NULL, *n2 = NULL, *n3 = NULL;
  ok &= khcn_plan_add_node(&n1, p, KHCN_NODE_TASK, "t1", NULL, "1", "Nhiệm vụ") == KHCN_OK;
  ok &= khcn_plan_add_node(&n2, p, KHCN_NODE_OBJECTIVE, "o1", NULL, NULL, "Mục tiêu") == KHCN_OK;
  ok &= khcn_plan_add_node(&n3, p, KHCN_NODE_TASK, "t1.1", "t1", "a", "Con") == KHCN_OK;
  ok &= khcn_node_set_text(n1, "văn bản") == KHCN_OK;
  ok &= khcn_node_set_weight(n3, 0.3) == KHCN_OK;
  ok &= khcn_node_link(n1, "a", 2) == KHCN_OK;
  ok &= khcn_node_link(n2, "b", 1) == KHCN_OK;
  khcn_agency *ag = NULL, *ag2 = NULL;
  ok &= khcn_plan_add_agency(&ag, p, "ubnd", "UBND tỉnh", NULL) == KHCN_OK;
  ok &= khcn_plan_add_agency(&ag2, p, "so", "Sở KH&CN", "ubnd") == KHCN_OK;
  ok &= khcn_agency_set_short_name(ag2, "Sở") == KHCN_OK;
  ok &= khcn_agency_set_kind(ag2, KHCN_AGENCY_DEPARTMENT) == KHCN_OK;
  khcn_responsibility r = {"t1", "so", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, "chủ trì"};
  ok &= khcn_plan_assign(p, &r) == KHCN_OK;
  khcn_responsibility r2 = {NULL, "so", KHCN_ROLE_REPORT, "ubnd", 2025, 12, 20, KHCN_YEARLY, NULL};
  ok &= khcn_plan_assign(p, &r2) == KHCN_OK;
  if (with_unknown) {
    static const unsigned char v[] = {0x82, 0x01, 0x63, 'a', 'b', 'c'}; /* [1, "abc"] */
    ok &= khcn__unknown_put(&p->unknown, 40, v, sizeof v) == KHCN_OK;
    ok &= khcn__unknown_put(&p->unknown, 20, v + 1, 1) == KHCN_OK;
    ok &= khcn__unknown_put(&p->doc_unknown, 7, v + 1, 1) == KHCN_OK;
    ok &= khcn__unknown_put(&n1->unknown, 300, v, sizeof v) == KHCN_OK;
    ok &= khcn__unknown_put(&ag->unknown, 9, v, sizeof v) == KHCN_OK;
    khcn__target_x *tx = khcn__target_x_get(a, &a->targets[0]);
    ok &= tx && khcn__unknown_put(&tx->unknown, 24, v, sizeof v) == KHCN_OK;
    khcn__ind_extra *x = khcn__ind_extra_get(a);
    ok &= x && khcn__unknown_put(&x->unknown, 17, v, sizeof v) == KHCN_OK;
    ok &= x && x->nobsx > 0 && khcn__unknown_put(&x->obsx[0].unknown, 6, v, sizeof v) == KHCN_OK;
    ok &= khcn__unknown_put(&KHCN__VEC_AT(&p->legal, khcn__legal, 0).unknown, 6, v + 1, 1) == KHCN_OK;
    ok &= khcn__unknown_put(&KHCN__VEC_AT(&p->resp, khcn__resp, 1).unknown, 100000, v, sizeof v) == KHCN_OK;
  }
  if (!ok) {
    fprintf(stderr, "full plan: %s\n", khcn_error_last()->message);
    khcn_plan_free(p);
    return NULL;
  }
  return p;
}

static khcn_plan *read_ok(const void *data, size_t len, uint32_t flags) {
  khcn_plan *p = NULL;
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  o.flags = flags;
  khcn_diags *d = NULL;
  if (khcn_diags_new(&d)) return NULL;
  khcn_status st = khcn_cbor_read(&p, data, len, &o, d);
  if (st) {
    fprintf(stderr, "read failed: %s\n", khcn_error_last()->message);
    for (size_t i = 0; i < khcn_diags_count(d); i++) {
      khcn_buf b = KHCN_BUF_INIT;
      if (khcn_diags_format(&b, d, i) == KHCN_OK) fprintf(stderr, "  %s\n", (char *)b.ptr);
      khcn_buf_dispose(&b);
    }
  }
  khcn_diags_free(d);
  return p;
}

/* The smallest document, byte for byte. */
static void test_minimal_bytes(void) {
  khcn_plan *p = NULL;
  OK(khcn_plan_new(&p, "p"));
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  static const unsigned char want[] = {0xd9, 0xd9, 0xf7, 0xda, 0x4b, 0x48, 0x43, 0x4e, 0xa2, 0x00, 0x82,
                                       0x01, 0x00, 0x01, 0xa1, 0x00, 0x61, 'p'};
  CU_ASSERT_EQUAL(b.size, sizeof want);
  CU_ASSERT(b.size == sizeof want && memcmp(b.ptr, want, sizeof want) == 0);
  khcn_plan *q = read_ok(b.ptr, b.size, KHCN_READ_STRICT);
  CU_ASSERT_PTR_NOT_NULL(q);
  if (q) CU_ASSERT_STRING_EQUAL(khcn_plan_id(q), "p");
  khcn_plan_free(q);
  khcn_plan_free(p);
  khcn_buf_dispose(&b);
}

static void num_bytes(double d, const unsigned char *want, size_t n) {
  unsigned char buf[32];
  khcn__bb b = {buf, 0, sizeof buf, 0};
  khcn__cbor_number(&b, d);
  CU_ASSERT_EQUAL(b.len, n);
  if (b.len != n || memcmp(buf, want, n) != 0) {
    fprintf(stderr, "number %.17g:", d);
    for (size_t i = 0; i < b.len; i++) fprintf(stderr, " %02x", buf[i]);
    fprintf(stderr, "\n");
    CU_FAIL("number bytes differ");
  }
}

static void test_numbers(void) {
#define NB(d, ...)                                                                                               \
  do {                                                                                                           \
    static const unsigned char w_[] = {__VA_ARGS__};                                                             \
    num_bytes((d), w_, sizeof w_);                                                                               \
  } while (0)
  NB(0.0, 0x00);
  NB(-0.0, 0x00);
  NB(23, 0x17);
  NB(24, 0x18, 0x18);
  NB(100, 0x18, 0x64);
  NB(-1, 0x20);
  NB(-500, 0x39, 0x01, 0xf3);
  NB(1.5, 0xc4, 0x82, 0x20, 0x0f);
  NB(0.1, 0xc4, 0x82, 0x20, 0x01);
  NB(-2.5, 0xc4, 0x82, 0x20, 0x38, 0x18);
  NB(1e21, 0xc4, 0x82, 0x15, 0x01);
  NB(1e-7, 0xc4, 0x82, 0x26, 0x01);
  NB(1e17, 0x1b, 0x01, 0x63, 0x45, 0x78, 0x5d, 0x8a, 0x00, 0x00);
  NB(1e18, 0xc4, 0x82, 0x12, 0x01);
  NB(123456789012.0, 0x1b, 0x00, 0x00, 0x00, 0x1c, 0xbe, 0x99, 0x1a, 0x14);
  NB(2.675, 0xc4, 0x82, 0x22, 0x19, 0x0a, 0x73);
  /* decimals back to doubles, correctly rounded */
  CU_ASSERT_EQUAL(khcn__decimal_to_double(1, -1), 0.1);
  CU_ASSERT_EQUAL(khcn__decimal_to_double(2675, -3), 2.675);
  CU_ASSERT_EQUAL(khcn__decimal_to_double(17976931348623157, 292), 1.7976931348623157e308);
  CU_ASSERT_EQUAL(khcn__decimal_to_double(5, -324), 5e-324);
  CU_ASSERT(isinf(khcn__decimal_to_double(1, 400)));
  CU_ASSERT_EQUAL(khcn__decimal_to_double(-7, 0), -7.0);
  /* every double of a sample survives write -> read exactly */
  double samples[] = {0.3, 1.0 / 3, -1e-300, 4.9e-324, 1.7976931348623157e308, 9007199254740993.0, 123.456,
                      -987654321.125, 2e22, 3.14159265358979};
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    khcn_plan *p = NULL;
    khcn_indicator *ind = NULL;
    OK(khcn_plan_new(&p, "p"));
    OK(khcn_plan_add_indicator(&ind, p, "i", "I"));
    int y = 2020;
    OK(khcn_indicator_set_series(ind, &y, &samples[i], 1));
    khcn_buf b = KHCN_BUF_INIT;
    OK(khcn_cbor_write(&b, p));
    khcn_plan *q = read_ok(b.ptr, b.size, KHCN_READ_STRICT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    double v;
    int yy;
    CU_ASSERT_EQUAL(khcn_indicator_series(khcn_plan_indicator_at(q, 0), &yy, &v, 1), 1);
    CU_ASSERT_EQUAL(v, samples[i]);
    khcn_plan_free(q);
    khcn_plan_free(p);
    khcn_buf_dispose(&b);
  }
}

static void test_roundtrip_full(void) {
  for (int unk = 0; unk < 2; unk++) {
    khcn_plan *p = khcn_test_full_plan(unk);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    khcn_buf a = KHCN_BUF_INIT, b = KHCN_BUF_INIT;
    OK(khcn_cbor_write(&a, p));
    khcn_plan *q = read_ok(a.ptr, a.size, KHCN_READ_STRICT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    OK(khcn_cbor_write(&b, q));
    CU_ASSERT_EQUAL(a.size, b.size);
    CU_ASSERT(a.size == b.size && memcmp(a.ptr, b.ptr, a.size) == 0);
    /* the model round-trips too */
    CU_ASSERT_EQUAL(khcn_plan_indicator_count(q), 2);
    CU_ASSERT_EQUAL(khcn_plan_node_count(q), 3);
    CU_ASSERT_EQUAL(khcn_plan_responsibility_count(q), 2);
    khcn_indicator *ia = khcn_plan_indicator(q, "a");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ia);
    CU_ASSERT_EQUAL(khcn_indicator_direction(ia), -1);
    CU_ASSERT_EQUAL(khcn_indicator_kind(ia), KHCN_KIND_FLOW);
    CU_ASSERT_EQUAL(khcn_indicator_baseline_value(ia), 12.5);
    khcn_target t;
    OK(khcn_indicator_target_at(ia, 0, &t));
    CU_ASSERT_EQUAL(t.flags, KHCN_TARGET_NO_OVERSHOOT | KHCN_TARGET_CUMULATIVE);
    CU_ASSERT_EQUAL(t.hi, 1.5);
    CU_ASSERT_STRING_EQUAL(t.note, "câu");
    khcn_observation o;
    OK(khcn_indicator_observation_at(ia, 0, &o));
    CU_ASSERT_STRING_EQUAL(o.reporter, "so");
    CU_ASSERT_EQUAL(o.status, KHCN_OBS_ESTIMATED);
    OK(khcn_indicator_observation_at(ia, 1, &o));
    CU_ASSERT(isnan(o.value));
    CU_ASSERT_EQUAL(o.status, KHCN_OBS_MISSING);
    if (unk) {
      CU_ASSERT_PTR_NOT_NULL(q->unknown);
      CU_ASSERT_PTR_NOT_NULL(q->doc_unknown);
    }
    /* and through JSON */
    khcn_buf j = KHCN_BUF_INIT, c = KHCN_BUF_INIT;
    OK(khcn_json_write(&j, q));
    khcn_plan *r = NULL;
    khcn_status st = khcn_json_read(&r, j.ptr, j.size, NULL, NULL);
    if (st) fprintf(stderr, "%s\n%s\n", khcn_error_last()->message, (char *)j.ptr);
    CU_ASSERT_EQUAL_FATAL(st, KHCN_OK);
    OK(khcn_cbor_write(&c, r));
    CU_ASSERT(a.size == c.size && memcmp(a.ptr, c.ptr, a.size) == 0);
    khcn_plan_free(r);
    khcn_plan_free(q);
    khcn_plan_free(p);
    khcn_buf_dispose(&a);
    khcn_buf_dispose(&b);
    khcn_buf_dispose(&j);
    khcn_buf_dispose(&c);
  }
}

/* The golden vector: tests/data/full.json read and written as CBOR gives
 * tests/data/full.khcn exactly, and full.khcn read gives the same bytes. */
static void test_golden(void) {
  size_t jl = 0, kl = 0;
  unsigned char *js = khcn_test_slurp("tests/data/full.json", &jl);
  unsigned char *kh = khcn_test_slurp("tests/data/full.khcn", &kl);
  CU_ASSERT_PTR_NOT_NULL_FATAL(js);
  CU_ASSERT_PTR_NOT_NULL_FATAL(kh);
  khcn_plan *p = NULL;
  khcn_status st = khcn_json_read(&p, js, jl, NULL, NULL);
  if (st) fprintf(stderr, "%s\n", khcn_error_last()->message);
  CU_ASSERT_EQUAL_FATAL(st, KHCN_OK);
  khcn_buf b = KHCN_BUF_INIT, j = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  CU_ASSERT(b.size == kl && memcmp(b.ptr, kh, kl) == 0);
  OK(khcn_json_write(&j, p));
  CU_ASSERT(j.size == jl && memcmp(j.ptr, js, jl) == 0);
  khcn_plan *q = read_ok(kh, kl, KHCN_READ_STRICT | KHCN_READ_VALIDATE);
  CU_ASSERT_PTR_NOT_NULL(q);
  khcn_plan_free(q);
  khcn_plan_free(p);
  khcn_buf_dispose(&b);
  khcn_buf_dispose(&j);
  free(js);
  free(kh);
}

/* Any encoder: unsorted keys, indefinite lengths, long heads, floats,
 * non-canonical decimals, no tag 55799.  Default mode reads it; strict mode
 * names each deviation; both give the same model. */
static void test_tolerant(void) {
  static const unsigned char in[] = {
      0xda, 0x4b, 0x48, 0x43, 0x4e,                   /* no 55799 */
      0xbf,                                           /* doc: indefinite map */
      0x01, 0xbf,                                     /* plan (before the version) */
      0x11, 0x9f,                                     /* indicators: indefinite array */
      0xa4,                                           /* indicator */
      0x10, 0x81, 0xa2, 0x01, 0xfb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, /* obs: {1: 1.5 (float64), */
      0x00, 0x19, 0x07, 0xe5,                         /*        0: 2021} */
      0x18, 0x01, 0x7f, 0x61, 'N', 0x62, 'a', 'm', 0xff, /* 1 (long head): "N"+"am" chunks */
      0x00, 0x61, 'x',                                /* 0: "x" */
      0x0a, 0xc4, 0x82, 0x21, 0x18, 0x96,             /* base value 4([-2, 150]) = 1.5 */
      0xff,                                           /* end indicators */
      0x00, 0x61, 'p',                                /* plan id */
      0x0b, 0x19, 0x07, 0xe5, 0x0c, 0x19, 0x07, 0xe9, /* start, end */
      0xff,                                           /* end plan (indefinite map) */
      0x00, 0x82, 0x01, 0x00,                         /* version */
      0xff};
  /* the plan map above is indefinite: patch its head byte */
  khcn_plan *p = NULL;
  CU_ASSERT_EQUAL(khcn_cbor_read(&p, in, sizeof in, NULL, NULL), KHCN_EFORMAT); /* base value without year */
  CU_ASSERT_PTR_NULL(p);
  CU_ASSERT_STRING_EQUAL(khcn_error_last()->path, "/plan/indicators/0/baseline");
  /* without the baseline */
  unsigned char fixed[sizeof in];
  size_t n = 0;
  for (size_t i = 0; i < sizeof in; i++) {
    if (i >= 40 && i < 46) continue; /* drop 0x0a c4 82 21 18 96 */
    fixed[n++] = in[i];
  }
  fixed[10] = 0xa3; /* indicator has 3 pairs now */
  p = read_ok(fixed, n, 0);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  khcn_indicator *ind = khcn_plan_indicator(p, "x");
  CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
  CU_ASSERT_STRING_EQUAL(khcn_indicator_name(ind), "Nam");
  double v;
  int y;
  CU_ASSERT_EQUAL(khcn_indicator_series(ind, &y, &v, 1), 1);
  CU_ASSERT_EQUAL(v, 1.5);
  CU_ASSERT_EQUAL(y, 2021);
  CU_ASSERT_EQUAL(khcn_plan_start(p), 2021);
  khcn_plan_free(p);
  /* strict: every deviation named */
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  o.flags = KHCN_READ_STRICT;
  CU_ASSERT_EQUAL(khcn_cbor_read(&p, fixed, n, &o, d), KHCN_EINVALID);
  CU_ASSERT_PTR_NULL(p);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_NO_SELF_DESCRIBE));
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_INDEFINITE));
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_KEY_ORDER));
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_FLOAT));
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_NOT_SHORTEST));
  khcn_diags_free(d);
}

static void test_noncanonical_numbers(void) {
  /* {0: 2021, 1: 4([0, 5])} and 4([-1, 50]) and 4([0,0]) are read, flagged in strict */
  khcn_plan *p = NULL;
  khcn_indicator *ind = NULL;
  OK(khcn_plan_new(&p, "p"));
  OK(khcn_plan_add_indicator(&ind, p, "i", "I"));
  int y = 2021;
  double v = 5;
  OK(khcn_indicator_set_series(ind, &y, &v, 1));
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  /* find the value 05 after "01" key inside the observation map a2 00 19 07 e5 01 05 */
  unsigned char *pos = NULL;
  for (size_t i = 0; i + 7 <= b.size; i++)
    if (memcmp(b.ptr + i, "\xa2\x00\x19\x07\xe5\x01\x05", 7) == 0) pos = b.ptr + i;
  CU_ASSERT_PTR_NOT_NULL_FATAL(pos);
  size_t at = (size_t)(pos - b.ptr) + 6;
  unsigned char buf[256];
  static const unsigned char dec[] = {0xc4, 0x82, 0x00, 0x05};
  memcpy(buf, b.ptr, at);
  memcpy(buf + at, dec, sizeof dec);
  memcpy(buf + at + sizeof dec, b.ptr + at + 1, b.size - at - 1);
  size_t n = b.size - 1 + sizeof dec;
  khcn_plan *q = read_ok(buf, n, 0);
  CU_ASSERT_PTR_NOT_NULL(q);
  khcn_plan_free(q);
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  o.flags = KHCN_READ_STRICT;
  CU_ASSERT_EQUAL(khcn_cbor_read(&q, buf, n, &o, d), KHCN_EINVALID);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_NUMBER_FORM));
  khcn_diags_free(d);
  khcn_buf_dispose(&b);
  khcn_plan_free(p);
}

static void test_versions(void) {
  khcn_plan *p = NULL;
  OK(khcn_plan_new(&p, "p"));
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  /* version [1, 0] is at bytes 10..12: 82 01 00 */
  CU_ASSERT_EQUAL_FATAL(b.ptr[10], 0x82);
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_plan *q = NULL;
  b.ptr[12] = 0x07; /* 1.7: accepted with an info */
  CU_ASSERT_EQUAL(khcn_cbor_read(&q, b.ptr, b.size, NULL, d), KHCN_OK);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_NEWER_MINOR));
  CU_ASSERT_EQUAL(khcn_diags_count_at_least(d, KHCN_SEV_WARNING), 0);
  khcn_plan_free(q);
  khcn_diags_clear(d);
  b.ptr[11] = 0x02; /* 2.7: refused */
  CU_ASSERT_EQUAL(khcn_cbor_read(&q, b.ptr, b.size, NULL, d), KHCN_EVERSION);
  CU_ASSERT_PTR_NULL(q);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_VERSION));
  CU_ASSERT_EQUAL(khcn_error_last()->code, KHCN_EVERSION);
  khcn_diags_free(d);
  khcn_buf_dispose(&b);
  khcn_plan_free(p);
}

static void test_unknown_kept(void) {
  /* unknown keys of every entity are written back at their key position */
  khcn_plan *p = khcn_test_full_plan(1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  khcn_buf a = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&a, p));
  khcn_buf dump = KHCN_BUF_INIT;
  OK(khcn_cbor_dump(&dump, a.ptr, a.size));
  CU_ASSERT_PTR_NOT_NULL(strstr((char *)dump.ptr, "300: [\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr((char *)dump.ptr, "100000: ["));
  khcn_plan *q = read_ok(a.ptr, a.size, KHCN_READ_STRICT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(q);
  CU_ASSERT_PTR_NOT_NULL(q->unknown);
  khcn_plan *c = NULL;
  OK(khcn_plan_clone(&c, q));
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, c));
  CU_ASSERT(a.size == b.size && memcmp(a.ptr, b.ptr, a.size) == 0);
  khcn_plan_free(c);
  khcn_plan_free(q);
  khcn_plan_free(p);
  khcn_buf_dispose(&a);
  khcn_buf_dispose(&b);
  khcn_buf_dispose(&dump);
}

static void test_dump(void) {
  static const unsigned char in[] = {0xd9, 0xd9, 0xf7, 0xa2, 0x01, 0x9f, 0x20, 0xf9, 0x3c, 0x00, 0xff,
                                     0x62, 'h', 'i', 0xc4, 0x82, 0x20, 0x0f};
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_dump(&b, in, sizeof in));
  CU_ASSERT_STRING_EQUAL((char *)b.ptr, "55799({\n  1: [_ \n    -1,\n    1.0_1\n  ],\n  \"hi\": 4([\n    -1,\n    15\n  ])\n})\n");
  khcn_buf_dispose(&b);
  static const unsigned char bad[] = {0x82, 0x01};
  CU_ASSERT_EQUAL(khcn_cbor_dump(&b, bad, sizeof bad), KHCN_EFORMAT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b.ptr);
  if (!strstr((char *)b.ptr, "error at byte 1: length longer than the input")) fprintf(stderr, "dump: %s\n", (char *)b.ptr);
  CU_ASSERT_PTR_NOT_NULL(strstr((char *)b.ptr, "error at byte 1: length longer than the input"));
  khcn_buf_dispose(&b);
}

static void test_save_load(void) {
  khcn_plan *p = khcn_test_full_plan(0);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  char dir[] = "/tmp/khcn-io-XXXXXX";
  CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
  char path[256], pj[256];
  snprintf(path, sizeof path, "%s/a.khcn", dir);
  snprintf(pj, sizeof pj, "%s/a.json", dir);
  OK(khcn_plan_save(p, path));
  OK(khcn_plan_save(p, pj));
  khcn_plan *q = NULL, *r = NULL;
  OK(khcn_plan_load(&q, path, NULL, NULL));
  OK(khcn_plan_load(&r, pj, NULL, NULL));
  khcn_buf a = KHCN_BUF_INIT, b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&a, q));
  OK(khcn_cbor_write(&b, r));
  CU_ASSERT(a.size == b.size && memcmp(a.ptr, b.ptr, a.size) == 0);
  CU_ASSERT_EQUAL(khcn_format_from_path("x.JSON"), KHCN_FORMAT_JSON);
  CU_ASSERT_EQUAL(khcn_format_from_path("x.cbor"), KHCN_FORMAT_CBOR);
  CU_ASSERT_EQUAL(khcn_format_sniff(a.ptr, a.size), KHCN_FORMAT_CBOR);
  CU_ASSERT_EQUAL(khcn_format_sniff(" {", 2), KHCN_FORMAT_JSON);
  /* a failed save leaves the old file untouched: target in a missing dir */
  char bad[300];
  snprintf(bad, sizeof bad, "%s/missing/x.khcn", dir);
  CU_ASSERT_EQUAL(khcn_plan_save(p, bad), KHCN_EIO);
  /* a save over a directory fails and leaves no temporary file */
  CU_ASSERT_EQUAL(khcn_plan_save(p, dir), KHCN_EIO);
  remove(path);
  remove(pj);
  CU_ASSERT_EQUAL(rmdir(dir), 0); /* empty: no temporary file left */
  khcn_plan_free(q);
  khcn_plan_free(r);
  khcn_plan_free(p);
  khcn_buf_dispose(&a);
  khcn_buf_dispose(&b);
}

static uint64_t dec_rng(uint64_t *x) { /* splitmix64 */
  uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static double dec_strtod(int64_t m, int64_t e) {
  char buf[64];
  snprintf(buf, sizeof buf, "%llde%lld", (long long)m, (long long)e);
  return strtod(buf, NULL);
}

/* count of m x 10^e that do not convert to strtod's correctly rounded double */
static long dec_mismatches(int64_t m, int64_t e) {
  double a = khcn__decimal_to_double(m, e), b = dec_strtod(m, e);
  return memcmp(&a, &b, sizeof a) != 0;
}

/* Decimal fractions to doubles agree bit for bit with strtod: random
 * mantissas of 1 to 19 digits at every exponent the fast paths cover, exact
 * ties between two doubles (round half to even), the points just beside
 * them, and the narrower gap below a power of two. */
static void test_decimal_to_double(void) {
  uint64_t x = 20261122;
  long bad = 0, n = 0;
  for (int i = 0; i < 400000; i++, n++) {
    int digits = 1 + (int)(dec_rng(&x) % 19);
    uint64_t lim = 1;
    for (int k = 0; k < digits; k++) lim *= 10;
    int64_t m = (int64_t)(dec_rng(&x) % (lim > (uint64_t)INT64_MAX ? (uint64_t)INT64_MAX : lim));
    if (dec_rng(&x) & 1) m = -m;
    int64_t e = -26 + (int64_t)(dec_rng(&x) % 30);
    bad += dec_mismatches(m, e);
  }
  /* ties: the midpoint between M x 2^-s and (M+1) x 2^-s is
   * (2M+1) x 5^(s+1) / 10^(s+1), an integer mantissa for s <= 2 */
  for (int i = 0; i < 20000; i++) {
    int s = 1 + i % 2;
    uint64_t M = (1ull << 52) | (dec_rng(&x) & ((1ull << 52) - 1));
    uint64_t p5 = s == 1 ? 25 : 125;
    int64_t mid = (int64_t)((2 * M + 1) * p5);
    for (int d = -1; d <= 1; d++, n++) bad += dec_mismatches(mid + d, -(s + 1));
  }
  /* the power of two 2^52 x 2^-s: its lower tie is a quarter ulp away */
  for (int s = 0; s <= 2; s++) {
    uint64_t p5 = s == 0 ? 25 : s == 1 ? 125 : 625; /* 5^(s+2) */
    int64_t low_tie = (int64_t)(((1ull << 54) - 1) * p5); /* (2^54 - 1) x 2^-(s+2) */
    for (int d = -2; d <= 2; d++, n++) bad += dec_mismatches(low_tie + d, -(s + 2));
  }
  /* long mantissas that are multiples of ten, and exponents outside +-22 */
  for (int i = 0; i < 20000; i++, n++) {
    int64_t m = (int64_t)(dec_rng(&x) % 922337203685477580ull) * 10;
    bad += dec_mismatches(m, -30 + (int64_t)(dec_rng(&x) % 60));
  }
  CU_ASSERT_EQUAL(bad, 0);
  CU_ASSERT(n > 460000);
  if (bad) fprintf(stderr, "decimal_to_double: %ld of %ld differ from strtod\n", bad, n);
}

/* The inline decoders and libcbor alone read the same model. */
static void test_fast_paths_agree(void) {
  khcn_synth_options so = KHCN_SYNTH_OPTIONS_INIT;
  so.indicators = 300;
  so.years = 6;
  so.provinces = 3;
  khcn_plan *p = NULL;
  OK(khcn_synth_generate(&p, &so));
  khcn_buf a = KHCN_BUF_INIT, b = KHCN_BUF_INIT, c = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&a, p));
  khcn_plan *q = read_ok(a.ptr, a.size, 0);
  khcn_plan *r = read_ok(a.ptr, a.size, KHCN__READ_LIBCBOR_ONLY | KHCN_READ_STRICT);
  CU_ASSERT_PTR_NOT_NULL_FATAL(q);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  OK(khcn_cbor_write(&b, q));
  OK(khcn_cbor_write(&c, r));
  CU_ASSERT(a.size == b.size && memcmp(a.ptr, b.ptr, a.size) == 0);
  CU_ASSERT(a.size == c.size && memcmp(a.ptr, c.ptr, a.size) == 0);
  khcn_plan_free(p);
  khcn_plan_free(q);
  khcn_plan_free(r);
  khcn_buf_dispose(&a);
  khcn_buf_dispose(&b);
  khcn_buf_dispose(&c);
}

/* A decimal value of an observation or a target is 10 deep (tag, tag, doc,
 * plan, indicators, indicator, list, element, tag 4, [e, m]): the inline
 * decoders and the general path both refuse it under max_depth 9. */
static void test_fast_paths_depth(void) {
  for (int what = 0; what < 2; what++) {
    khcn_plan *p = NULL;
    khcn_indicator *ind = NULL;
    OK(khcn_plan_new(&p, "p"));
    OK(khcn_plan_add_indicator(&ind, p, "i", "I"));
    if (what == 0) {
      int y = 2020;
      double v = 1.5;
      OK(khcn_indicator_set_series(ind, &y, &v, 1));
    } else {
      khcn_target t;
      khcn_target_init(&t);
      t.year = 2025;
      t.comparator = KHCN_CMP_AT_LEAST;
      t.value = 2.5;
      OK(khcn_indicator_add_target(ind, &t));
    }
    khcn_buf b = KHCN_BUF_INIT;
    OK(khcn_cbor_write(&b, p));
    static const unsigned paths[] = {0, KHCN__READ_LIBCBOR_ONLY};
    for (size_t k = 0; k < 2; k++)
      for (size_t depth = 9; depth <= 10; depth++) {
        khcn_read_options o = KHCN_READ_OPTIONS_INIT;
        o.flags = paths[k];
        o.max_depth = depth;
        khcn_diags *d = NULL;
        OK(khcn_diags_new(&d));
        khcn_plan *x = NULL;
        khcn_status st = khcn_cbor_read(&x, b.ptr, b.size, &o, d);
        CU_ASSERT_EQUAL(st, depth == 9 ? KHCN_ELIMIT : KHCN_OK);
        CU_ASSERT_EQUAL(khcn_test_has_code(d, KHCN_DIAG_DEPTH), depth == 9);
        khcn_plan_free(x);
        khcn_diags_free(d);
      }
    khcn_buf_dispose(&b);
    khcn_plan_free(p);
  }
}

/* Read bytes with the inline decoders and with libcbor alone (max_entities
 * as given): same status, same diagnostics (code, offset, path), and when
 * the read succeeds the same bytes written back.  Returns the status. */
static khcn_status both_paths(const unsigned char *data, size_t len, size_t max_entities) {
  khcn_status st[2];
  khcn_diags *d[2];
  khcn_buf out[2] = {KHCN_BUF_INIT, KHCN_BUF_INIT};
  static const unsigned paths[] = {0, KHCN__READ_LIBCBOR_ONLY};
  for (int k = 0; k < 2; k++) {
    khcn_read_options o = KHCN_READ_OPTIONS_INIT;
    o.flags = paths[k];
    o.max_entities = max_entities;
    OK(khcn_diags_new(&d[k]));
    khcn_plan *p = NULL;
    st[k] = khcn_cbor_read(&p, data, len, &o, d[k]);
    if (p) OK(khcn_cbor_write(&out[k], p));
    khcn_plan_free(p);
  }
  CU_ASSERT_EQUAL(st[0], st[1]);
  CU_ASSERT_EQUAL_FATAL(khcn_diags_count(d[0]), khcn_diags_count(d[1]));
  for (size_t i = 0; i < khcn_diags_count(d[0]); i++) {
    khcn_diag a, b;
    OK(khcn_diags_at(d[0], i, &a));
    OK(khcn_diags_at(d[1], i, &b));
    CU_ASSERT_EQUAL(a.code, b.code);
    CU_ASSERT_EQUAL(a.offset, b.offset);
    CU_ASSERT_STRING_EQUAL(a.path, b.path);
  }
  CU_ASSERT(out[0].size == out[1].size && (!out[0].size || memcmp(out[0].ptr, out[1].ptr, out[0].size) == 0));
  for (int k = 0; k < 2; k++) {
    khcn_diags_free(d[k]);
    khcn_buf_dispose(&out[k]);
  }
  return st[0];
}

/* An observation series as writers put it, one indicator, years from y0
 * (a gap after the first when gap), n values (every third a decimal). */
static void series_bytes(khcn_buf *b, int y0, size_t n, int gap) {
  khcn_plan *p = NULL;
  khcn_indicator *ind = NULL;
  OK(khcn_plan_new(&p, "p"));
  OK(khcn_plan_add_indicator(&ind, p, "i", "I"));
  int years[300];
  double v[300];
  for (size_t i = 0; i < n; i++) {
    years[i] = y0 + (int)i + (gap && i ? 1 : 0);
    v[i] = i % 3 ? (double)i : i + 0.25;
  }
  OK(khcn_indicator_set_series(ind, years, v, n));
  OK(khcn_cbor_write(b, p));
  khcn_plan_free(p);
}

/* The direct series path (observations read straight into the model) and
 * the general one agree at its edges: array heads of 1, 23, 24, 255 and 256
 * elements, a gap in the years, a year outside 1900..2200, more elements
 * than max_entities. */
static void test_fast_series(void) {
  static const size_t sizes[] = {1, 2, 23, 24, 255, 256};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
    for (int gap = 0; gap < 2; gap++) {
      if (gap && sizes[k] < 2) continue;
      khcn_buf b = KHCN_BUF_INIT;
      series_bytes(&b, 1940, sizes[k], gap);
      CU_ASSERT_EQUAL(both_paths(b.ptr, b.size, 0), KHCN_OK);
      khcn_plan *q = read_ok(b.ptr, b.size, 0);
      CU_ASSERT_PTR_NOT_NULL_FATAL(q);
      khcn_indicator *ind = khcn_plan_indicator_at(q, 0);
      CU_ASSERT_EQUAL(khcn_indicator_observation_count(ind), sizes[k]);
      int y;
      double v;
      CU_ASSERT_EQUAL(khcn_indicator_series(ind, &y, &v, 1), 1);
      CU_ASSERT_EQUAL(y, 1940);
      CU_ASSERT_EQUAL(v, 0.25);
      khcn_plan_free(q);
      /* fewer entities allowed than the series has: refused the same way */
      if (sizes[k] > 2) CU_ASSERT_EQUAL(both_paths(b.ptr, b.size, 2), KHCN_ELIMIT);
      khcn_buf_dispose(&b);
    }
  /* consecutive years moved out of 1900..2200 (1899..1903, 2197..2201):
   * refused with the same diagnostic by both paths */
  for (int up = 0; up < 2; up++) {
    khcn_buf b = KHCN_BUF_INIT;
    series_bytes(&b, up ? 2196 : 1900, 5, 0);
    unsigned char *bytes = (unsigned char *)b.ptr;
    int moved = 0;
    for (size_t i = 0; i + 2 < b.size; i++) {
      int y = bytes[i + 1] << 8 | bytes[i + 2];
      if (bytes[i] == 0x19 && y >= 1900 && y <= 2200) {
        y += up ? 1 : -1;
        bytes[i + 1] = (unsigned char)(y >> 8);
        bytes[i + 2] = (unsigned char)y;
        moved++;
        i += 2;
      }
    }
    CU_ASSERT_EQUAL(moved, 5);
    CU_ASSERT_EQUAL(both_paths(b.ptr, b.size, 0), KHCN_EFORMAT);
    khcn_buf_dispose(&b);
  }
}

/* Every allocation failing in turn: no crash, no leak, no plan, ENOMEM. */
static void test_oom(void) {
  size_t len = 0, jlen = 0;
  unsigned char *data = khcn_test_slurp("tests/data/full.khcn", &len);
  unsigned char *json = khcn_test_slurp("tests/data/full.json", &jlen);
  CU_ASSERT_PTR_NOT_NULL_FATAL(data);
  CU_ASSERT_PTR_NOT_NULL_FATAL(json);
  for (int fmt = 0; fmt < 2; fmt++) {
    int done = 0, bad = 0;
    long tries = 0;
    for (long n = 0; n < 100000 && !done; n++, tries++) {
      khcn_diags *d = NULL;
      OK(khcn_diags_new(&d));
      khcn_plan *p = NULL;
      khcn__test_fail_alloc_after(n);
      khcn_status st = fmt ? khcn_json_read(&p, json, jlen, NULL, d) : khcn_cbor_read(&p, data, len, NULL, d);
      khcn__test_fail_alloc_after(-1);
      if (st == KHCN_OK) {
        done = 1;
        CU_ASSERT_PTR_NOT_NULL(p);
      } else {
        if (p) bad++;
        if (st != KHCN_ENOMEM && bad++ < 3) fprintf(stderr, "oom %s at %ld: status %d (%s)\n", fmt ? "json" : "cbor", n, st, khcn_error_last()->message);
      }
      khcn_plan_free(p);
      khcn_diags_free(d);
    }
    CU_ASSERT(done);
    if (tries < 10) fprintf(stderr, "oom: only %ld tries\n", tries);
    CU_ASSERT(tries >= 10); /* the hook really failed allocations */
    CU_ASSERT_EQUAL(bad, 0);
  }
  khcn_plan *p = khcn_test_full_plan(1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  for (long n = 0; n < 1000; n++) {
    khcn_buf b = KHCN_BUF_INIT, j = KHCN_BUF_INIT;
    khcn__test_fail_alloc_after(n);
    khcn_status s1 = khcn_cbor_write(&b, p), s2 = khcn_json_write(&j, p);
    khcn__test_fail_alloc_after(-1);
    CU_ASSERT(s1 == KHCN_OK || s1 == KHCN_ENOMEM);
    CU_ASSERT(s2 == KHCN_OK || s2 == KHCN_ENOMEM);
    khcn_buf_dispose(&b);
    khcn_buf_dispose(&j);
    if (s1 == KHCN_OK && s2 == KHCN_OK) break;
  }
  khcn_plan_free(p);
  free(data);
  free(json);
}

CU_ErrorCode khcn_test_cbor_suite(void) {
  static const khcn_test_case cases[] = {
      {"minimal_bytes", test_minimal_bytes},
      {"numbers", test_numbers},
      {"decimal_to_double", test_decimal_to_double},
      {"roundtrip_full", test_roundtrip_full},
      {"golden", test_golden},
      {"tolerant_reader", test_tolerant},
      {"noncanonical_numbers", test_noncanonical_numbers},
      {"versions", test_versions},
      {"unknown_kept", test_unknown_kept},
      {"dump", test_dump},
      {"save_load", test_save_load},
      {"fast_paths_agree", test_fast_paths_agree},
      {"fast_paths_depth", test_fast_paths_depth},
      {"fast_series", test_fast_series},
      {"out_of_memory", test_oom},
      {NULL, NULL},
  };
  return khcn_test_add_suite("cbor", cases);
}
