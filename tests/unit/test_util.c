/* Suite "util": UTF-8, ids, dates, shortest numbers, map, arena, builder. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <khcn.h>
#include "internal/util.h"
#include "runner.h"
#include "suites_model.h"

static void test_utf8(void) {
  const char *ok[] = {"", "abc", "Bến Tre", "Khoa học và Công nghệ", "\xF0\x9F\x98\x80", "\xEF\xBB\xBF"};
  for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) CU_ASSERT_TRUE(khcn_utf8_valid(ok[i], strlen(ok[i])));
  const char *bad[] = {"\xC0\xAF",         /* overlong '/' */
                       "\xE0\x80\xAF",     /* overlong */
                       "\xED\xA0\x80",     /* surrogate */
                       "\xF4\x90\x80\x80", /* > U+10FFFF */
                       "\xC3",             /* truncated */
                       "a\x80",            /* stray continuation */
                       "\xFF"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) CU_ASSERT_FALSE(khcn_utf8_valid(bad[i], strlen(bad[i])));
  CU_ASSERT_FALSE(khcn_utf8_valid("a\0b", 3)); /* embedded NUL */
  CU_ASSERT_FALSE(khcn_utf8_valid(NULL, 0));
}

static void test_ids_dates(void) {
  CU_ASSERT_TRUE(khcn_id_valid("a"));
  CU_ASSERT_TRUE(khcn_id_valid("ben-tre.5611:kh_2022"));
  CU_ASSERT_FALSE(khcn_id_valid(""));
  CU_ASSERT_FALSE(khcn_id_valid("-a"));
  CU_ASSERT_FALSE(khcn_id_valid("a b"));
  CU_ASSERT_FALSE(khcn_id_valid("Bến"));
  CU_ASSERT_FALSE(khcn_id_valid(NULL));
  char id64[65], id65[66];
  memset(id64, 'a', 64);
  id64[64] = 0;
  memset(id65, 'a', 65);
  id65[65] = 0;
  CU_ASSERT_TRUE(khcn_id_valid(id64));
  CU_ASSERT_FALSE(khcn_id_valid(id65));
  /* every byte, first and after the first, against the rule spelled out */
  for (int b = 1; b < 256; b++) {
    int alnum = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    int follow = alnum || b == '.' || b == '_' || b == ':' || b == '-';
    char first[3] = {(char)b, 'a', 0}, later[3] = {'a', (char)b, 0};
    CU_ASSERT_EQUAL(khcn_id_valid(first), alnum);
    CU_ASSERT_EQUAL(khcn_id_valid(later), follow);
  }
  CU_ASSERT_TRUE(khcn_date_valid("2022"));
  CU_ASSERT_TRUE(khcn_date_valid("2022-09"));
  CU_ASSERT_TRUE(khcn_date_valid("2022-09-07"));
  CU_ASSERT_TRUE(khcn_date_valid("2024-02-29"));
  CU_ASSERT_FALSE(khcn_date_valid("2023-02-29"));
  CU_ASSERT_FALSE(khcn_date_valid("2100-02-29"));
  CU_ASSERT_TRUE(khcn_date_valid("2000-02-29"));
  CU_ASSERT_FALSE(khcn_date_valid("2022-13"));
  CU_ASSERT_FALSE(khcn_date_valid("2022-04-31"));
  CU_ASSERT_FALSE(khcn_date_valid("07/09/2022"));
  CU_ASSERT_FALSE(khcn_date_valid("2022-9-7"));
}

static void fmt(double d, char *out, size_t n) {
  khcn__sb sb = KHCN__SB_INIT;
  khcn_buf b;
  khcn__sb_double(&sb, d);
  CU_ASSERT_EQUAL_FATAL(khcn__sb_finish(&sb, &b), KHCN_OK);
  snprintf(out, n, "%s", (char *)b.ptr);
  khcn_buf_dispose(&b);
}

static void test_shortest(void) {
  struct {
    double d;
    const char *s;
  } cases[] = {{0, "0"},       {-0.0, "0"},          {1.2, "1.2"},     {0.05, "0.05"},      {1716, "1716"},
               {1300000, "1300000"}, {0.075, "0.075"}, {-2.5, "-2.5"},   {1e21, "1e21"},      {1e-7, "0.0000001"},
               {1e-8, "1e-8"}, {0.1 + 0.2, "0.30000000000000004"}, {123456789012, "123456789012"},
               {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e308"}, {37.65, "37.65"}};
  char buf[64];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    fmt(cases[i].d, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, cases[i].s);
    if (strcmp(buf, cases[i].s) != 0) fprintf(stderr, "format %.17g: got %s want %s\n", cases[i].d, buf, cases[i].s);
  }
  /* property: every finite double reads back exactly, and no shorter form does */
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 200000; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    double d;
    if (i % 2) {
      memcpy(&d, &x, sizeof d);
      if (!isfinite(d)) continue;
    } else {
      d = (double)(x % 1000000) / (double)(1u << (x % 7)) / 100.0; /* short decimals */
    }
    fmt(d, buf, sizeof buf);
    double back = strtod(buf, NULL);
    if (back != d && !(d == 0 && back == 0)) {
      CU_FAIL("shortest form does not round-trip");
      fprintf(stderr, "%.17g -> %s\n", d, buf);
      break;
    }
    char dig[32];
    int e;
    int n = khcn__shortest_digits(d, dig, &e);
    if (n > 1) {
      char shorter[40];
      snprintf(shorter, sizeof shorter, "%.*e", n - 2, fabs(d));
      if (strtod(shorter, NULL) == fabs(d)) {
        CU_FAIL("a shorter form round-trips");
        fprintf(stderr, "%.17g: %s vs %s\n", d, dig, shorter);
        break;
      }
    }
  }
}

static void test_map_arena_vec(void) {
  khcn__map m = {0};
  khcn__arena a = {0};
  char key[32];
  for (int i = 0; i < 100000; i++) {
    snprintf(key, sizeof key, "k%d", i);
    const char *k = khcn__arena_strdup(&a, key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    CU_ASSERT_EQUAL_FATAL(khcn__map_put(&m, k, (void *)(intptr_t)(i + 1)), KHCN_OK);
  }
  CU_ASSERT_EQUAL(m.len, 100000);
  int bad = 0;
  for (int i = 0; i < 100000; i++) {
    snprintf(key, sizeof key, "k%d", i);
    if ((intptr_t)khcn__map_get(&m, key) != i + 1) bad++;
  }
  CU_ASSERT_EQUAL(bad, 0);
  CU_ASSERT_PTR_NULL(khcn__map_get(&m, "nope"));
  CU_ASSERT_PTR_NULL(khcn__map_get(&m, NULL));
  /* a large arena block does not disturb small allocations */
  char *big = khcn__arena_alloc(&a, 1 << 20);
  CU_ASSERT_PTR_NOT_NULL(big);
  CU_ASSERT_STRING_EQUAL(khcn__arena_strdup(&a, "sau"), "sau");
  khcn__map_free(&m);
  khcn__arena_free(&a);

  khcn__vec v = KHCN__VEC_INIT(int);
  for (int i = 0; i < 1000; i++) CU_ASSERT_EQUAL(khcn__vec_push(&v, &i), KHCN_OK);
  khcn__vec_remove(&v, 0);
  khcn__vec_remove(&v, 5000); /* out of range: no-op */
  CU_ASSERT_EQUAL(v.len, 999);
  CU_ASSERT_EQUAL(KHCN__VEC_AT(&v, int, 0), 1);
  CU_ASSERT_EQUAL(KHCN__VEC_AT(&v, int, 998), 999);
  khcn__vec_free(&v);
}

static void test_builder(void) {
  khcn__sb sb = KHCN__SB_INIT;
  khcn_buf b;
  for (int i = 0; i < 1000; i++) khcn__sb_printf(&sb, "%d,", i);
  khcn__sb_puts(&sb, "Hưng Yên");
  CU_ASSERT_EQUAL_FATAL(khcn__sb_finish(&sb, &b), KHCN_OK);
  CU_ASSERT_EQUAL(strncmp((char *)b.ptr, "0,1,2,", 6), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr((char *)b.ptr, "999,Hưng Yên"));
  CU_ASSERT_EQUAL(b.size, strlen((char *)b.ptr));
  khcn_buf_dispose(&b);
  CU_ASSERT_PTR_NULL(b.ptr);
  /* a failed allocation is sticky and reported at finish */
  khcn__sb s2 = KHCN__SB_INIT;
  khcn__test_fail_alloc_after(0);
  khcn__sb_puts(&s2, "x");
  khcn__test_fail_alloc_after(-1);
  khcn__sb_puts(&s2, "y");
  CU_ASSERT_EQUAL(khcn__sb_finish(&s2, &b), KHCN_ENOMEM);
}

CU_ErrorCode khcn_test_util_suite(void) {
  static const khcn_test_case cases[] = {{"utf-8", test_utf8},
                                         {"ids and dates", test_ids_dates},
                                         {"shortest round-trip numbers", test_shortest},
                                         {"map, arena, vector", test_map_arena_vec},
                                         {"string builder", test_builder},
                                         {NULL, NULL}};
  return khcn_test_add_suite("util", cases);
}
