/*
 * CBOR diagnostic notation (RFC 8949 section 8) of untrusted bytes: a small
 * bounded walker of its own (depth 64, output stops at the first fault).
 * Maps and arrays are indented two spaces per level.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal/io.h"

#define DUMP_MAX_DEPTH 64

typedef struct dw {
  const unsigned char *p;
  size_t len, pos;
  khcn__sb *sb;
  const char *err;
  size_t err_off;
  int nest; /* nesting of containers and tags (bounded) */
} dw;

static void indent(dw *w, int depth) {
  khcn__sb_putc(w->sb, '\n');
  for (int i = 0; i < depth; i++) khcn__sb_puts(w->sb, "  ");
}

static int fail(dw *w, const char *msg) {
  if (!w->err) {
    w->err = msg;
    w->err_off = w->pos;
  }
  return -1;
}

/* head: major, ai, value; returns 0 or -1 */
static int head(dw *w, unsigned *major, unsigned *ai, uint64_t *v) {
  if (w->pos >= w->len) return fail(w, "truncated");
  unsigned b = w->p[w->pos++];
  *major = b >> 5;
  *ai = b & 31;
  if (*ai < 24) {
    *v = *ai;
    return 0;
  }
  if (*ai == 31) {
    *v = 0;
    if (*major == 0 || *major == 1 || *major == 6) return fail(w, "indefinite length on an integer or tag");
    return 0;
  }
  if (*ai > 27) return fail(w, "reserved additional information");
  size_t n = (size_t)1 << (*ai - 24);
  if (w->len - w->pos < n) return fail(w, "truncated");
  uint64_t x = 0;
  for (size_t i = 0; i < n; i++) x = (x << 8) | w->p[w->pos + i];
  w->pos += n;
  *v = x;
  return 0;
}

static double half_to_double(unsigned h) {
  unsigned exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double val;
  if (exp == 0) val = ldexp(mant, -24);
  else if (exp != 31) val = ldexp(mant + 1024, (int)exp - 25);
  else val = mant == 0 ? INFINITY : NAN;
  return (h & 0x8000) ? -val : val;
}

static void put_double(dw *w, double d) {
  if (isnan(d)) khcn__sb_puts(w->sb, "NaN");
  else if (isinf(d)) khcn__sb_puts(w->sb, d < 0 ? "-Infinity" : "Infinity");
  else {
    khcn__sb_double(w->sb, d);
    double ip;
    if (modf(d, &ip) == 0.0 && fabs(d) < 1e21) khcn__sb_puts(w->sb, ".0");
  }
}

static int item(dw *w, int depth, int *was_break);

static int string_body(dw *w, unsigned major, uint64_t n) {
  if (n > w->len - w->pos) return fail(w, "string longer than the input");
  const unsigned char *s = w->p + w->pos;
  if (major == 2) {
    khcn__sb_puts(w->sb, "h'");
    for (uint64_t i = 0; i < n; i++) khcn__sb_printf(w->sb, "%02x", s[i]);
    khcn__sb_putc(w->sb, '\'');
  } else {
    if (khcn__utf8_check(s, (size_t)n, 1) != SIZE_MAX) return fail(w, "invalid UTF-8 in a text string");
    khcn__json_string(w->sb, (const char *)s, (size_t)n);
  }
  w->pos += (size_t)n;
  return 0;
}

static int item(dw *w, int depth, int *was_break) {
  unsigned major, ai;
  uint64_t v;
  if (was_break) *was_break = 0;
  if (depth > DUMP_MAX_DEPTH || w->nest > DUMP_MAX_DEPTH) return fail(w, "nested too deeply");
  if (head(w, &major, &ai, &v) < 0) return -1;
  switch (major) {
  case 0: khcn__sb_printf(w->sb, "%llu", (unsigned long long)v); return 0;
  case 1:
    if (v == UINT64_MAX) khcn__sb_puts(w->sb, "-18446744073709551616");
    else khcn__sb_printf(w->sb, "-%llu", (unsigned long long)v + 1);
    return 0;
  case 2:
  case 3:
    if (ai != 31) return string_body(w, major, v);
    khcn__sb_puts(w->sb, "(_ ");
    for (int first = 1;; first = 0) {
      unsigned m2, a2;
      uint64_t v2;
      if (w->pos < w->len && w->p[w->pos] == 0xff) {
        w->pos++;
        break;
      }
      if (head(w, &m2, &a2, &v2) < 0) return -1;
      if (m2 != major || a2 == 31) return fail(w, "bad chunk in an indefinite-length string");
      if (!first) khcn__sb_puts(w->sb, ", ");
      if (string_body(w, major, v2) < 0) return -1;
    }
    khcn__sb_putc(w->sb, ')');
    return 0;
  case 4:
  case 5: {
    int is_map = major == 5;
    int indef = ai == 31;
    if (!indef && v > (w->len - w->pos) / (is_map ? 2 : 1)) return fail(w, "length longer than the input");
    khcn__sb_puts(w->sb, is_map ? "{" : "[");
    if (indef) khcn__sb_puts(w->sb, "_ ");
    uint64_t i = 0;
    for (;; i++) {
      if (!indef && i == v) break;
      if (indef && w->pos < w->len && w->p[w->pos] == 0xff) {
        w->pos++;
        break;
      }
      if (i) khcn__sb_putc(w->sb, ',');
      indent(w, depth + 1);
      int brk;
      if (item(w, depth + 1, &brk) < 0) return -1;
      if (brk) return fail(w, "unexpected break");
      if (is_map) {
        khcn__sb_puts(w->sb, ": ");
        if (item(w, depth + 1, &brk) < 0) return -1;
        if (brk) return fail(w, "unexpected break");
      }
    }
    if (i) indent(w, depth);
    khcn__sb_puts(w->sb, is_map ? "}" : "]");
    return 0;
  }
  case 6: {
    khcn__sb_printf(w->sb, "%llu(", (unsigned long long)v);
    int brk;
    w->nest++;
    int rc = item(w, depth, &brk);
    w->nest--;
    if (rc < 0) return -1;
    if (brk) return fail(w, "unexpected break");
    khcn__sb_putc(w->sb, ')');
    return 0;
  }
  default:
    switch (ai) {
    case 20: khcn__sb_puts(w->sb, "false"); return 0;
    case 21: khcn__sb_puts(w->sb, "true"); return 0;
    case 22: khcn__sb_puts(w->sb, "null"); return 0;
    case 23: khcn__sb_puts(w->sb, "undefined"); return 0;
    case 24:
      if (v < 32) return fail(w, "simple value below 32 in two bytes");
      khcn__sb_printf(w->sb, "simple(%llu)", (unsigned long long)v);
      return 0;
    case 25: put_double(w, half_to_double((unsigned)v)); khcn__sb_puts(w->sb, "_1"); return 0;
    case 26: {
      float f;
      uint32_t u = (uint32_t)v;
      memcpy(&f, &u, 4);
      put_double(w, f);
      khcn__sb_puts(w->sb, "_2");
      return 0;
    }
    case 27: {
      double d;
      memcpy(&d, &v, 8);
      put_double(w, d);
      khcn__sb_puts(w->sb, "_3");
      return 0;
    }
    case 31:
      if (was_break) {
        *was_break = 1;
        return 0;
      }
      return fail(w, "break outside an indefinite-length item");
    default:
      khcn__sb_printf(w->sb, "simple(%u)", ai);
      return 0;
    }
  }
}

khcn_status khcn_cbor_dump(khcn_buf *out, const void *data, size_t len) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_cbor_dump: out is NULL");
  out->ptr = NULL;
  out->size = 0;
  if (!data && len) return khcn__err(KHCN_EINVAL, "khcn_cbor_dump: data is NULL");
  khcn__sb sb = KHCN__SB_INIT;
  dw w = {data, len, 0, &sb, NULL, 0, 0};
  if (!len) fail(&w, "empty input");
  while (!w.err && w.pos < w.len) {
    int brk;
    if (item(&w, 0, &brk) < 0) break;
    if (brk) {
      fail(&w, "break outside an indefinite-length item");
      break;
    }
    khcn__sb_putc(&sb, '\n');
  }
  khcn_status st = KHCN_OK;
  if (w.err) {
    khcn__sb_printf(&sb, "\n/ error at byte %zu: %s /\n", w.err_off, w.err);
    st = KHCN_EFORMAT;
  }
  khcn_status fs = khcn__sb_finish(&sb, out);
  if (fs) return fs;
  if (st) return khcn__err_at(st, w.err_off, "", "not well-formed CBOR at byte %zu: %s", w.err_off, w.err);
  return KHCN_OK;
}

size_t khcn__cbor_item_len(const unsigned char *p, size_t n) {
  khcn__sb sb = KHCN__SB_INIT;
  dw w = {p, n, 0, &sb, NULL, 0, 0};
  int brk;
  int rc = n ? item(&w, 0, &brk) : -1;
  khcn__sb_free(&sb);
  if (rc < 0 || brk || w.err) return 0;
  return w.pos;
}
