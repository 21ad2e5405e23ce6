/*
 * Bad input: each case must give a clear diagnostic and an error status,
 * never crash or hang, and stay under 64 MiB of extra memory and 1 s.
 */
#include <CUnit/CUnit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "runner.h"
#include "test_io_util.h"

#define OK(x) CU_ASSERT_EQUAL_FATAL((x), KHCN_OK)

static long maxrss_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read bytes; check status, a diagnostic code, time and memory. */
static void bad(const char *what, const unsigned char *data, size_t len, khcn_status want, int code) {
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  long rss0 = maxrss_kb();
  double t0 = now();
  khcn_plan *p = (khcn_plan *)1;
  khcn_status st = khcn_cbor_read(&p, data, len, NULL, d);
  double dt = now() - t0;
  long rss1 = maxrss_kb();
  int has = khcn_test_has_code(d, code);
  if (st != want || !has || dt > 1.0 || rss1 - rss0 > 64 * 1024) {
    fprintf(stderr, "%s: status %d (want %d), code %d %s, %.3f s, +%ld KiB\n", what, st, want, code,
            has ? "found" : "MISSING", dt, rss1 - rss0);
    for (size_t i = 0; i < khcn_diags_count(d); i++) {
      khcn_buf b = KHCN_BUF_INIT;
      if (khcn_diags_format(&b, d, i) == KHCN_OK) fprintf(stderr, "  %s\n", (char *)b.ptr);
      khcn_buf_dispose(&b);
    }
  }
  CU_ASSERT_EQUAL(st, want);
  CU_ASSERT(has);
  CU_ASSERT_PTR_NULL(p);
  CU_ASSERT(dt < 1.0);
  CU_ASSERT(rss1 - rss0 < 64 * 1024);
  /* the message of the first error is in khcn_error_last() */
  CU_ASSERT(strlen(khcn_error_last()->message) > 0);
  khcn_diags_free(d);
}

static const unsigned char MAGIC[] = {0xd9, 0xd9, 0xf7, 0xda, 0x4b, 0x48, 0x43, 0x4e};

/* magic + {0: [1, 0], 1: plan-bytes} */
static size_t doc(unsigned char *out, const unsigned char *plan, size_t n) {
  memcpy(out, MAGIC, 8);
  static const unsigned char head[] = {0xa2, 0x00, 0x82, 0x01, 0x00, 0x01};
  memcpy(out + 8, head, sizeof head);
  memcpy(out + 8 + sizeof head, plan, n);
  return 8 + sizeof head + n;
}

static void test_truncation(void) {
  khcn_plan *p = khcn_test_full_plan(1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  khcn_plan_free(p);
  double t0 = now();
  size_t fails = 0;
  for (size_t n = 0; n < b.size; n++) {
    khcn_plan *q = NULL;
    khcn_diags *d;
    OK(khcn_diags_new(&d));
    khcn_status st = khcn_cbor_read(&q, b.ptr, n, NULL, d);
    if (st == KHCN_OK || q || khcn_diags_count_at_least(d, KHCN_SEV_ERROR) == 0 ||
        !(khcn_test_has_code(d, KHCN_DIAG_TRUNCATED) || khcn_test_has_code(d, KHCN_DIAG_EMPTY) ||
          khcn_test_has_code(d, KHCN_DIAG_LENGTH))) {
      if (fails++ < 5) fprintf(stderr, "truncated at %zu: status %d\n", n, st);
    }
    khcn_plan_free(q);
    khcn_diags_free(d);
  }
  CU_ASSERT_EQUAL(fails, 0);
  CU_ASSERT(now() - t0 < 5.0);
  khcn_buf_dispose(&b);
}

static void test_cases(void) {
  unsigned char buf[300000];
  size_t n;
  /* empty */
  bad("empty", (const unsigned char *)"", 0, KHCN_EFORMAT, KHCN_DIAG_EMPTY);
  /* not a khcn file */
  static const unsigned char notk[] = {0xa1, 0x00, 0x01};
  bad("no magic", notk, sizeof notk, KHCN_EFORMAT, KHCN_DIAG_NOT_KHCN);
  /* an array claiming 2^28 elements (the libcbor cbor_load trap) */
  static const unsigned char huge_arr[] = {0x9a, 0x10, 0x00, 0x00, 0x00};
  bad("2^28 array, bare", huge_arr, sizeof huge_arr, KHCN_EFORMAT, KHCN_DIAG_NOT_KHCN);
  static const unsigned char plan_arr[] = {0xa1, 0x11, 0x9a, 0x10, 0x00, 0x00, 0x00, 0xa0};
  n = doc(buf, plan_arr, sizeof plan_arr);
  bad("2^28 indicators", buf, n, KHCN_ELIMIT, KHCN_DIAG_LENGTH);
  static const unsigned char plan_map[] = {0xba, 0x10, 0x00, 0x00, 0x00, 0x00};
  n = doc(buf, plan_map, sizeof plan_map);
  bad("2^28 map pairs", buf, n, KHCN_ELIMIT, KHCN_DIAG_LENGTH);
  /* a 1 GiB text length claim */
  static const unsigned char gib[] = {0xa1, 0x01, 0x7a, 0x40, 0x00, 0x00, 0x00, 'a'};
  n = doc(buf, gib, sizeof gib);
  bad("1 GiB text", buf, n, KHCN_ELIMIT, KHCN_DIAG_LENGTH);
  static const unsigned char gib_unk[] = {0xa1, 0x18, 0x63, 0x5a, 0x40, 0x00, 0x00, 0x00, 'a'};
  n = doc(buf, gib_unk, sizeof gib_unk);
  bad("1 GiB bytes in an unknown key", buf, n, KHCN_ELIMIT, KHCN_DIAG_LENGTH);
  /* nesting 100,000 deep: arrays, maps and tags in an unknown key */
  for (int kind = 0; kind < 3; kind++) {
    unsigned char plan[2] = {0xa1, 0x18};
    n = doc(buf, plan, 2);
    buf[n++] = 0x63;
    for (int i = 0; i < 100000; i++) buf[n++] = kind == 0 ? 0x81 : kind == 1 ? 0xa1 : 0xc6;
    buf[n++] = 0x00;
    bad(kind == 0 ? "nested arrays" : kind == 1 ? "nested maps" : "nested tags", buf, n, KHCN_ELIMIT, KHCN_DIAG_DEPTH);
  }
  /* invalid UTF-8 in a known text and in an unknown value */
  static const unsigned char utf[] = {0xa1, 0x01, 0x62, 0xc3, 0x28};
  n = doc(buf, utf, sizeof utf);
  bad("invalid UTF-8", buf, n, KHCN_EFORMAT, KHCN_DIAG_UTF8);
  static const unsigned char utf2[] = {0xa2, 0x00, 0x61, 'p', 0x18, 0x63, 0x62, 0xed, 0xa0};
  n = doc(buf, utf2, sizeof utf2);
  bad("invalid UTF-8 (unknown key)", buf, n, KHCN_EFORMAT, KHCN_DIAG_UTF8);
  static const unsigned char nul[] = {0xa1, 0x00, 0x62, 'a', 0x00};
  n = doc(buf, nul, sizeof nul);
  bad("NUL in text", buf, n, KHCN_EFORMAT, KHCN_DIAG_UTF8);
  /* duplicate keys: known and unknown */
  static const unsigned char dup[] = {0xa2, 0x00, 0x61, 'p', 0x00, 0x61, 'q'};
  n = doc(buf, dup, sizeof dup);
  bad("duplicate key", buf, n, KHCN_EFORMAT, KHCN_DIAG_DUPLICATE_KEY);
  static const unsigned char dup2[] = {0xa3, 0x00, 0x61, 'p', 0x18, 0x63, 0x01, 0x18, 0x63, 0x02};
  n = doc(buf, dup2, sizeof dup2);
  bad("duplicate unknown key", buf, n, KHCN_EFORMAT, KHCN_DIAG_DUPLICATE_KEY);
  /* NaN and infinities where numbers are expected */
  static const unsigned char nan16[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa3, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                        0x08, 0xf9, 0x7e, 0x00};
  n = doc(buf, nan16, sizeof nan16);
  bad("NaN", buf, n, KHCN_EFORMAT, KHCN_DIAG_NOT_FINITE);
  unsigned char inf[sizeof nan16];
  memcpy(inf, nan16, sizeof nan16);
  inf[sizeof inf - 2] = 0x7c; /* +inf half */
  n = doc(buf, inf, sizeof inf);
  bad("+inf", buf, n, KHCN_EFORMAT, KHCN_DIAG_NOT_FINITE);
  inf[sizeof inf - 2] = 0xfc; /* -inf half */
  n = doc(buf, inf, sizeof inf);
  bad("-inf", buf, n, KHCN_EFORMAT, KHCN_DIAG_NOT_FINITE);
  static const unsigned char decinf[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa3, 0x00, 0x61, 'i', 0x01, 0x61,
                                         'n', 0x08, 0xc4, 0x82, 0x19, 0x01, 0xf4, 0x01};
  n = doc(buf, decinf, sizeof decinf);
  bad("decimal 1e500", buf, n, KHCN_EFORMAT, KHCN_DIAG_NOT_FINITE);
  /* wrong types */
  static const unsigned char wt1[] = {0xa1, 0x00, 0x01};
  n = doc(buf, wt1, sizeof wt1);
  bad("id is a number", buf, n, KHCN_EFORMAT, KHCN_DIAG_TYPE);
  static const unsigned char wt2[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0xa0};
  n = doc(buf, wt2, sizeof wt2);
  bad("indicators is a map", buf, n, KHCN_EFORMAT, KHCN_DIAG_TYPE);
  static const unsigned char wt3[] = {0xa2, 0x00, 0x61, 'p', 0x61, 'k', 0x01};
  n = doc(buf, wt3, sizeof wt3);
  bad("text key", buf, n, KHCN_EFORMAT, KHCN_DIAG_TYPE);
  static const unsigned char wt4[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa3, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                      0x05, 0x18, 0x63};
  n = doc(buf, wt4, sizeof wt4);
  bad("unknown measure", buf, n, KHCN_EFORMAT, KHCN_DIAG_ENUM);
  static const unsigned char wt5[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa3, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                      0x08, 0xc2, 0x41, 0x01};
  n = doc(buf, wt5, sizeof wt5);
  bad("bignum", buf, n, KHCN_EFORMAT, KHCN_DIAG_TYPE);
  static const unsigned char wt6[] = {0xa1, 0x00};
  n = doc(buf, wt6, sizeof wt6);
  buf[8] = 0x1c; /* reserved additional information in the document's place: malformed */
  bad("reserved AI", buf, 9, KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  /* dangling references: read fine, refused by validation */
  static const unsigned char dang[] = {0xa2, 0x00, 0x61, 'p', 0x10, 0x81, 0xa3, 0x00, 0x61, 't',
                                       0x01, 0x61, 'x', 0x03, 0x61, 'T'};
  n = doc(buf, dang, sizeof dang);
  {
    khcn_diags *d;
    OK(khcn_diags_new(&d));
    khcn_read_options o = KHCN_READ_OPTIONS_INIT;
    o.flags = KHCN_READ_VALIDATE;
    khcn_plan *p = NULL;
    CU_ASSERT_EQUAL(khcn_cbor_read(&p, buf, n, &o, d), KHCN_EINVALID);
    CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_DANGLING_REF));
    CU_ASSERT_PTR_NULL(p);
    khcn_diags_free(d);
  }
  /* unknown major version */
  static const unsigned char v2[] = {0xd9, 0xd9, 0xf7, 0xda, 0x4b, 0x48, 0x43, 0x4e, 0xa2,
                                     0x00, 0x82, 0x02, 0x00, 0x01, 0xa1, 0x00, 0x61, 'p'};
  bad("major version 2", v2, sizeof v2, KHCN_EVERSION, KHCN_DIAG_VERSION);
  /* trailing bytes */
  static const unsigned char tr[] = {0xd9, 0xd9, 0xf7, 0xda, 0x4b, 0x48, 0x43, 0x4e, 0xa2, 0x00,
                                     0x82, 0x01, 0x00, 0x01, 0xa1, 0x00, 0x61, 'p', 0x00};
  bad("trailing bytes", tr, sizeof tr, KHCN_EFORMAT, KHCN_DIAG_TRAILING);
  /* break in the wrong place, undefined */
  static const unsigned char brk[] = {0xa2, 0x00, 0x61, 'p', 0x18, 0x63, 0xff};
  n = doc(buf, brk, sizeof brk);
  bad("stray break", buf, n, KHCN_EFORMAT, KHCN_DIAG_MALFORMED);
  /* too many entities for the limit */
  {
    khcn_read_options o = KHCN_READ_OPTIONS_INIT;
    o.max_entities = 2;
    static const unsigned char three[] = {0xa2, 0x00, 0x61, 'p', 0x0d, 0x83, 0x61, 'a', 0x61, 'b', 0x61, 'c'};
    n = doc(buf, three, sizeof three);
    khcn_plan *p = NULL;
    khcn_diags *d;
    OK(khcn_diags_new(&d));
    CU_ASSERT_EQUAL(khcn_cbor_read(&p, buf, n, &o, d), KHCN_ELIMIT);
    CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_TOO_MANY));
    o.max_entities = 0;
    o.max_size = 10;
    khcn_diags_clear(d);
    CU_ASSERT_EQUAL(khcn_cbor_read(&p, buf, n, &o, d), KHCN_ELIMIT);
    CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_FILE_TOO_LARGE));
    khcn_diags_free(d);
  }
}

static void test_paths(void) {
  /* directory and unreadable path */
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_plan *p = NULL;
  CU_ASSERT_EQUAL(khcn_plan_load(&p, "/", NULL, d), KHCN_EIO);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_IO));
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_plan_load(&p, "/nonexistent/plan.khcn", NULL, d), KHCN_EIO);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_IO));
  CU_ASSERT_PTR_NOT_NULL(strstr(khcn_error_last()->message, "/nonexistent/plan.khcn"));
  if (geteuid() != 0) {
    char path[] = "/tmp/khcn-unreadable-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    chmod(path, 0);
    khcn_diags_clear(d);
    CU_ASSERT_EQUAL(khcn_plan_load(&p, path, NULL, d), KHCN_EIO);
    unlink(path);
  }
  CU_ASSERT_PTR_NULL(p);
  khcn_diags_free(d);
}

/* Every diagnostic carries a code, a path and an offset where it applies. */
static void test_diag_fields(void) {
  static const unsigned char in[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x82, 0xa2, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                     0xa3, 0x00, 0x61, 'j', 0x01, 0x61, 'm', 0x06, 0x05};
  unsigned char buf[64];
  size_t n = doc(buf, in, sizeof in);
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  khcn_plan *p = NULL;
  CU_ASSERT_EQUAL(khcn_cbor_read(&p, buf, n, NULL, d), KHCN_EFORMAT);
  khcn_diag g;
  OK(khcn_diags_at(d, 0, &g));
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_RANGE);
  CU_ASSERT_EQUAL(g.severity, KHCN_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/indicators/1/direction");
  CU_ASSERT_STRING_EQUAL(g.entity, "j");
  CU_ASSERT_EQUAL(g.offset, n - 1);
  khcn_diags_free(d);
}

/* The first diagnostic of reading bytes that must fail with EFORMAT. */
static int first_diag(const unsigned char *plan, size_t len, khcn_diag *g, khcn_diags **d) {
  unsigned char buf[256];
  size_t n = doc(buf, plan, len);
  OK(khcn_diags_new(d));
  khcn_plan *p = NULL;
  khcn_status st = khcn_cbor_read(&p, buf, n, NULL, *d);
  CU_ASSERT_EQUAL(st, KHCN_EFORMAT);
  CU_ASSERT_PTR_NULL(p);
  if (khcn_diags_count(*d) < 1) return -1;
  OK(khcn_diags_at(*d, 0, g));
  return 0;
}

/* What the model refuses is reported by the reader as a diagnostic with the
 * entity, the path of the field and its offset. */
static void test_model_refusals(void) {
  khcn_diags *d;
  khcn_diag g;
  /* {0: "p", 17: [{0: "i", 1: "n"}, {0: "i", 1: "m"}]}: the second "i" */
  static const unsigned char dup_ind[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x82, 0xa2, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                          0xa2, 0x00, 0x61, 'i', 0x01, 0x61, 'm'};
  CU_ASSERT_FATAL(first_diag(dup_ind, sizeof dup_ind, &g, &d) == 0);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_DUPLICATE_ID);
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/indicators/1/id");
  CU_ASSERT_STRING_EQUAL(g.entity, "i");
  CU_ASSERT_EQUAL(g.offset, 14 + 15);
  CU_ASSERT_PTR_NOT_NULL(strstr(g.message, "indicator id \"i\" already exists"));
  khcn_diags_free(d);
  /* an empty name */
  static const unsigned char empty_name[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa2, 0x00, 0x62, 'i', '2', 0x01, 0x60};
  CU_ASSERT_FATAL(first_diag(empty_name, sizeof empty_name, &g, &d) == 0);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_INVALID);
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/indicators/0/name");
  CU_ASSERT_STRING_EQUAL(g.entity, "i2");
  CU_ASSERT_PTR_NOT_NULL(strstr(g.message, "a name is required"));
  khcn_diags_free(d);
  /* the same role twice: {0: "p", 19: [{1: "a", 2: 0}, {1: "a", 2: 0}]} */
  static const unsigned char dup_role[] = {0xa2, 0x00, 0x61, 'p', 0x13, 0x82, 0xa2, 0x01, 0x61, 'a',
                                           0x02, 0x00, 0xa2, 0x01, 0x61, 'a', 0x02, 0x00};
  CU_ASSERT_FATAL(first_diag(dup_role, sizeof dup_role, &g, &d) == 0);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_DUPLICATE_ID);
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/responsibilities/1");
  CU_ASSERT_EQUAL(g.offset, 14 + 12);
  CU_ASSERT_PTR_NOT_NULL(strstr(g.message, "agency a already has role lead on the plan"));
  khcn_diags_free(d);
  /* inside an indicator's list the entity is the indicator's:
   * {0: "p", 17: [{0: "i", 1: "n", 16: [{0: "x", 1: 1}]}]} */
  static const unsigned char obs_type[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa3, 0x00, 0x61, 'i', 0x01, 0x61, 'n',
                                           0x10, 0x81, 0xa2, 0x00, 0x61, 'x', 0x01, 0x01};
  CU_ASSERT_FATAL(first_diag(obs_type, sizeof obs_type, &g, &d) == 0);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_TYPE);
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/indicators/0/observations/0/year");
  CU_ASSERT_STRING_EQUAL(g.entity, "i");
  khcn_diags_free(d);
  /* an id with control bytes is shown with '?' in the entity */
  static const unsigned char ctl_id[] = {0xa2, 0x00, 0x61, 'p', 0x11, 0x81, 0xa2, 0x00, 0x63, 'a', 0x01, 'b', 0x01, 0x61, 'n'};
  CU_ASSERT_FATAL(first_diag(ctl_id, sizeof ctl_id, &g, &d) == 0);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_BAD_ID);
  CU_ASSERT_STRING_EQUAL(g.entity, "a?b");
  khcn_diags_free(d);
}

/* A large matrix (its index sized from the declared count) still finds a
 * duplicate at the end, and the plan read stays usable by khcn_plan_assign. */
static void test_large_matrix(void) {
  khcn_plan *p = NULL;
  OK(khcn_plan_new(&p, "p"));
  khcn_agency *a = NULL;
  OK(khcn_plan_add_agency(&a, p, "so", "Sở", NULL));
  char id[32];
  for (int i = 0; i < 1500; i++) {
    snprintf(id, sizeof id, "t%d", i);
    khcn_node *t = NULL;
    OK(khcn_plan_add_node(&t, p, KHCN_NODE_TASK, id, NULL, NULL, "nhiệm vụ"));
    khcn_responsibility r = {id, "so", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL};
    OK(khcn_plan_assign(p, &r));
  }
  khcn_buf b = KHCN_BUF_INIT;
  OK(khcn_cbor_write(&b, p));
  khcn_plan *q = NULL;
  OK(khcn_cbor_read(&q, b.ptr, b.size, NULL, NULL));
  CU_ASSERT_EQUAL(khcn_plan_responsibility_count(q), 1500);
  khcn_responsibility again = {"t1499", "so", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(q, &again), KHCN_EEXISTS);
  again.role = KHCN_ROLE_COOPERATE;
  OK(khcn_plan_assign(q, &again));
  CU_ASSERT_EQUAL(khcn_plan_responsibility_count(q), 1501);
  khcn_plan_free(q);
  /* the same bytes with the last entry's task renamed to the first one's */
  const char *last = NULL;
  for (size_t i = b.size - 5; i > 0 && !last; i--)
    if (memcmp((const char *)b.ptr + i, "t1499", 5) == 0) last = (const char *)b.ptr + i;
  CU_ASSERT_PTR_NOT_NULL_FATAL(last);
  memcpy((char *)b.ptr + (last - (const char *)b.ptr), "t1498", 5);
  khcn_diags *d;
  OK(khcn_diags_new(&d));
  q = NULL;
  CU_ASSERT_EQUAL(khcn_cbor_read(&q, b.ptr, b.size, NULL, d), KHCN_EFORMAT);
  CU_ASSERT(khcn_test_has_code(d, KHCN_DIAG_DUPLICATE_ID));
  khcn_diag g;
  OK(khcn_diags_at(d, 0, &g));
  CU_ASSERT_STRING_EQUAL(g.path, "/plan/responsibilities/1499");
  khcn_diags_free(d);
  khcn_buf_dispose(&b);
  khcn_plan_free(p);
}

CU_ErrorCode khcn_test_io_bad_suite(void) {
  static const khcn_test_case cases[] = {
      {"truncation_every_byte", test_truncation},
      {"bad_cases", test_cases},
      {"paths", test_paths},
      {"diag_fields", test_diag_fields},
      {"model_refusals", test_model_refusals},
      {"large_matrix", test_large_matrix},
      {NULL, NULL},
  };
  return khcn_test_add_suite("io_bad", cases);
}
