/*
 * CBOR writer: the deterministic profile of docs/format.md, encoded by hand
 * straight into one growing byte buffer (shortest heads, definite lengths,
 * keys ascending, canonical numbers, no floats).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal/io.h"

/* ------------------------------------------------------------ buffer */

int khcn__bb_grow(khcn__bb *b, size_t extra) {
  if (b->failed) return 0;
  if (b->cap - b->len >= extra) return 1;
  size_t need = b->len + extra;
  if (need < b->len) {
    b->failed = 1;
    return 0;
  }
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) {
    if (cap > SIZE_MAX / 2) {
      cap = need;
      break;
    }
    cap *= 2;
  }
  unsigned char *p = khcn__realloc(b->p, cap + 1);
  if (!p) {
    b->failed = 1;
    return 0;
  }
  b->p = p;
  b->cap = cap;
  return 1;
}

void khcn__bb_put(khcn__bb *b, const void *p, size_t n) {
  if (!n || !khcn__bb_room(b, n)) return;
  memcpy(b->p + b->len, p, n);
  b->len += n;
}

void khcn__cbor_head(khcn__bb *b, unsigned major, uint64_t v) {
  if (!khcn__bb_room(b, 9)) return;
  unsigned char *o = b->p + b->len;
  unsigned char m = (unsigned char)(major << 5);
  if (v < 24) {
    o[0] = (unsigned char)(m | v);
    b->len += 1;
  } else if (v <= 0xff) {
    o[0] = m | 24;
    o[1] = (unsigned char)v;
    b->len += 2;
  } else if (v <= 0xffff) {
    o[0] = m | 25;
    o[1] = (unsigned char)(v >> 8);
    o[2] = (unsigned char)v;
    b->len += 3;
  } else if (v <= 0xffffffffu) {
    o[0] = m | 26;
    for (int i = 0; i < 4; i++) o[1 + i] = (unsigned char)(v >> (24 - 8 * i));
    b->len += 5;
  } else {
    o[0] = m | 27;
    for (int i = 0; i < 8; i++) o[1 + i] = (unsigned char)(v >> (56 - 8 * i));
    b->len += 9;
  }
}

void khcn__cbor_int(khcn__bb *b, int64_t v) {
  if (v >= 0) khcn__cbor_head(b, 0, (uint64_t)v);
  else khcn__cbor_head(b, 1, (uint64_t)(-(v + 1)));
}

void khcn__cbor_text(khcn__bb *b, const char *s, size_t n) {
  khcn__cbor_head(b, 3, n);
  khcn__bb_put(b, s, n);
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;

/* 10^k as 128-bit integers, k <= 22 */
static u128 p10_128(int k) {
  static const uint64_t lo[20] = {1ull,
                                  10ull,
                                  100ull,
                                  1000ull,
                                  10000ull,
                                  100000ull,
                                  1000000ull,
                                  10000000ull,
                                  100000000ull,
                                  1000000000ull,
                                  10000000000ull,
                                  100000000000ull,
                                  1000000000000ull,
                                  10000000000000ull,
                                  100000000000000ull,
                                  1000000000000000ull,
                                  10000000000000000ull,
                                  100000000000000000ull,
                                  1000000000000000000ull,
                                  10000000000000000000ull};
  if (k < 20) return lo[k];
  u128 v = lo[19];
  for (int i = 19; i < k; i++) v *= 10;
  return v;
}

/* Is there an integer d with d x 10^-k reading back as M x 2^-s?  The
 * closest such d goes to *out.  Exact: everything is scaled to integers. */
static int try_k(uint64_t M, int s, int low_quarter, int k, uint64_t *out) {
  u128 T = p10_128(k);
  u128 X = (u128)M * T;
  u128 q = X >> s;
  u128 r = X - (q << s);
  u128 up = ((u128)1 << s) - r; /* distance to the next candidate */
  int even = (M & 1) == 0;
  /* below: half gap is T/2 (T/4 at a power of two); above: T/2 */
  int ok_lo = low_quarter ? (even ? 4 * r <= T : 4 * r < T) : (even ? 2 * r <= T : 2 * r < T);
  int ok_hi = even ? 2 * up <= T : 2 * up < T;
  if (r == 0) ok_lo = 1;
  if (!ok_lo && !ok_hi) return 0;
  if (ok_lo && ok_hi) {
    if (r < up || (r == up && (q & 1) == 0)) *out = (uint64_t)q;
    else *out = (uint64_t)(q + 1);
  } else {
    *out = (uint64_t)(ok_lo ? q : q + 1);
  }
  return 1;
}

/* Shortest (then closest) decimal of |d| for 1e-5 <= |d| < 2^53: mantissa
 * without trailing zeros and exponent.  0 when out of the fast range. */
static int fast_digits(double d, uint64_t *mant, int *exp10) {
  static const double pw[] = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0,  1e1,  1e2,  1e3,  1e4, 1e5,
                              1e6,  1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16};
  double a = fabs(d);
  if (!(a >= 1e-5 && a < 9007199254740992.0)) return 0;
  uint64_t bits;
  memcpy(&bits, &a, 8);
  int be = (int)((bits >> 52) & 0x7ff);
  uint64_t M = (bits & ((1ull << 52) - 1)) | (1ull << 52);
  int s = 1075 - be;
  if (s < 0 || s > 74) return 0;
  int low_quarter = (bits & ((1ull << 52) - 1)) == 0;
  int p = -5; /* 10^p <= a < 10^(p+1) */
  while (p < 15 && a >= pw[p + 6]) p++;
  int k15 = 14 - p;
  if (k15 < 0) k15 = 0;
  uint64_t q = 0;
  int k;
  if (try_k(M, s, low_quarter, k15, &q)) {
    int lo = 0, hi = k15; /* smallest k that works, in [lo, hi] */
    uint64_t qh = q;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      uint64_t qm;
      if (try_k(M, s, low_quarter, mid, &qm)) {
        hi = mid;
        qh = qm;
      } else {
        lo = mid + 1;
      }
    }
    k = hi;
    q = qh;
  } else if (try_k(M, s, low_quarter, k15 + 1, &q)) {
    k = k15 + 1;
  } else if (try_k(M, s, low_quarter, k15 + 2, &q)) {
    k = k15 + 2;
  } else {
    return 0;
  }
  int e = -k;
  while (q && q % 10 == 0) {
    q /= 10;
    e++;
  }
  *mant = q;
  *exp10 = e;
  return 1;
}
#else
static int fast_digits(double d, uint64_t *mant, int *exp10) {
  (void)d, (void)mant, (void)exp10;
  return 0;
}
#endif

/* shortest round-trip decimal of a finite nonzero d: |d| = m x 10^e */
static void decimal_of(double d, uint64_t *m, int *e) {
  if (fast_digits(d, m, e)) return;
  char dig[40];
  int n = khcn__shortest_digits(d, dig, e);
  while (n > 1 && dig[n - 1] == '0') {
    n--;
    (*e)++;
  }
  uint64_t v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (uint64_t)(dig[i] - '0');
  *m = v;
}

static int ndigits(uint64_t v) {
  int n = 1;
  while (v >= 10) {
    v /= 10;
    n++;
  }
  return n;
}

void khcn__cbor_number(khcn__bb *b, double d) {
  if (d == 0) { /* also -0 */
    khcn__cbor_head(b, 0, 0);
    return;
  }
  if (fabs(d) < 9007199254740992.0 && d == (double)(int64_t)d) {
    khcn__cbor_int(b, (int64_t)d);
    return;
  }
  uint64_t m;
  int e;
  decimal_of(d, &m, &e);
  if (e >= 0 && ndigits(m) + e <= 18) {
    for (int i = 0; i < e; i++) m *= 10;
    khcn__cbor_int(b, d < 0 ? -(int64_t)m : (int64_t)m);
    return;
  }
  if (khcn__bb_room(b, 3)) {
    b->p[b->len++] = 0xc4; /* tag 4 */
    b->p[b->len++] = 0x82;
  }
  khcn__cbor_int(b, e);
  khcn__cbor_int(b, d < 0 ? -(int64_t)m : (int64_t)m);
}

void khcn__json_number(khcn__sb *sb, double d) {
  char digits[24];
  if (d == 0) {
    khcn__sb_putc(sb, '0');
    return;
  }
  if (fabs(d) < 9007199254740992.0 && d == (double)(int64_t)d) {
    int64_t v = (int64_t)d;
    if (v < 0) khcn__sb_putc(sb, '-');
    int n = khcn__u64_digits(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, digits);
    khcn__sb_putn(sb, digits, (size_t)n);
    return;
  }
  uint64_t m;
  int e;
  decimal_of(d, &m, &e);
  int n = khcn__u64_digits(m, digits);
  khcn__sb_decimal(sb, d < 0, digits, n, e);
}

khcn_status khcn__bb_finish(khcn__bb *b, khcn_buf *out) {
  if (b->failed || !khcn__bb_room(b, 1)) {
    khcn__free(b->p);
    b->p = NULL;
    return khcn__nomem("the output buffer");
  }
  b->p[b->len] = 0;
  out->ptr = b->p;
  out->size = b->len;
  b->p = NULL;
  b->len = b->cap = 0;
  return KHCN_OK;
}

static const double pow10_exact[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

#if defined(__SIZEOF_INT128__)
/* floor(2^(127 + b) / 10^k) for k = 1..22, b the bit length of 10^k: 128
 * bits with the top one set (generated exactly, in integers) */
static const struct {
  uint64_t hi, lo;
  int b;
} recip10[22] = {
    {0xccccccccccccccccull, 0xccccccccccccccccull, 4},
    {0xa3d70a3d70a3d70aull, 0x3d70a3d70a3d70a3ull, 7},
    {0x83126e978d4fdf3bull, 0x645a1cac083126e9ull, 10},
    {0xd1b71758e219652bull, 0xd3c36113404ea4a8ull, 14},
    {0xa7c5ac471b478423ull, 0x0fcf80dc33721d53ull, 17},
    {0x8637bd05af6c69b5ull, 0xa63f9a49c2c1b10full, 20},
    {0xd6bf94d5e57a42bcull, 0x3d32907604691b4cull, 24},
    {0xabcc77118461cefcull, 0xfdc20d2b36ba7c3dull, 27},
    {0x89705f4136b4a597ull, 0x31680a88f8953030ull, 30},
    {0xdbe6fecebdedd5beull, 0xb573440e5a884d1bull, 34},
    {0xafebff0bcb24aafeull, 0xf78f69a51539d748ull, 37},
    {0x8cbccc096f5088cbull, 0xf93f87b7442e45d3ull, 40},
    {0xe12e13424bb40e13ull, 0x2865a5f206b06fb9ull, 44},
    {0xb424dc35095cd80full, 0x538484c19ef38c94ull, 47},
    {0x901d7cf73ab0acd9ull, 0x0f9d37014bf60a10ull, 50},
    {0xe69594bec44de15bull, 0x4c2ebe687989a9b3ull, 54},
    {0xb877aa3236a4b449ull, 0x09befeb9fad487c2ull, 57},
    {0x9392ee8e921d5d07ull, 0x3aff322e62439fcfull, 60},
    {0xec1e4a7db69561a5ull, 0x2b31e9e3d06c32e5ull, 64},
    {0xbce5086492111aeaull, 0x88f4bb1ca6bcf584ull, 67},
    {0x971da05074da7beeull, 0xd3f6fc16ebca5e03ull, 70},
    {0xf1c90080baf72cb1ull, 0x5324c68b12dd6338ull, 74},
};

/*
 * am / 10^k correctly rounded (am >= 1, 1 <= k <= 22), or -1 when the
 * product below cannot decide.  With w = am shifted up to a top bit of 63
 * and R = recip10[k - 1], P = w x R falls short of w x 2^(127+b) / 10^k by
 * less than 2^64: the top 128 bits of the 192-bit P are exact but for a
 * carry from below.  They decide the rounding unless the bits under the
 * rounding bit are all ones (a carry could cross it) or all zeros under a
 * set rounding bit (an exact tie, or just above one); those rare cases go
 * to the slow path.  The method is the one of Clinger's successors (Lemire's
 * "Number Parsing at a Gigabyte per Second", 2021), cut down to the
 * exponents a plan file uses.
 */
static double div_pow10(uint64_t am, int k) {
  int lz = __builtin_clzll(am);
  uint64_t w = am << lz;
  u128 a = (u128)w * recip10[k - 1].hi;
  u128 b = (u128)w * recip10[k - 1].lo;
  uint64_t mid = (uint64_t)a + (uint64_t)(b >> 64);
  uint64_t hi = (uint64_t)(a >> 64) + (mid < (uint64_t)a);
  int shift = 9 + (int)(hi >> 63); /* keep 54 bits: 53 and the rounding bit */
  uint64_t m54 = hi >> shift, mask = ((uint64_t)1 << shift) - 1, below = hi & mask;
  if ((below == mask && mid == UINT64_MAX) || (below == 0 && mid == 0 && (m54 & 1))) return -1;
  uint64_t m53 = (m54 + 1) >> 1;
  int e2 = shift + 2 - lz - recip10[k - 1].b; /* value = m53 x 2^e2 */
  if (m53 == (1ull << 53)) {
    m53 >>= 1;
    e2++;
  }
  uint64_t bits = ((uint64_t)(e2 + 52 + 1023) << 52) | (m53 - (1ull << 52));
  double d;
  memcpy(&d, &bits, 8);
  return d;
}
#endif

double khcn__decimal_to_double(int64_t m, int64_t e) {
  if (m == 0) return 0.0;
  uint64_t am = m < 0 ? (uint64_t)0 - (uint64_t)m : (uint64_t)m;
#if defined(__SIZEOF_INT128__)
  /* the product first, whatever the mantissa's size: which of the two
   * methods applies is then no coin toss for the branch predictor on
   * measured data (15- to 17-digit mantissas either side of 2^53) */
  if (e < 0 && e >= -22) {
    double d = div_pow10(am, (int)-e);
    if (d >= 0) return m < 0 ? -d : d;
  }
#endif
  if (am < (1ull << 53) && e >= -22 && e <= 22) {
    /* exact operands, one correctly rounded operation (Clinger); this also
     * takes the exact quotients (0.5, 2.25) the product cannot decide */
    double dm = (double)m;
    return e < 0 ? dm / pow10_exact[-e] : dm * pow10_exact[e];
  }
  if (e > 100000) return m < 0 ? -HUGE_VAL : HUGE_VAL;
  if (e < -100000) return m < 0 ? -0.0 : 0.0;
  char buf[64];
  /* snprintf-free formatting: sign, digits, 'e', exponent */
  char *p = buf;
  if (m < 0) *p++ = '-';
  char tmp[24];
  int k = 0;
  do {
    tmp[k++] = (char)('0' + am % 10);
    am /= 10;
  } while (am);
  while (k) *p++ = tmp[--k];
  *p++ = 'e';
  int64_t ae = e;
  if (ae < 0) {
    *p++ = '-';
    ae = -ae;
  }
  k = 0;
  do {
    tmp[k++] = (char)('0' + ae % 10);
    ae /= 10;
  } while (ae);
  while (k) *p++ = tmp[--k];
  *p = 0;
  return strtod(buf, NULL);
}

/* ------------------------------------------------------------ maps */

/*
 * A map is written with a one-byte head reserved; the pair count is patched
 * at the end (and the body moved when the count needs a longer head).
 * Unknown entries (sorted by key) are merged in at their key position.
 */
typedef struct mapw {
  size_t head;
  uint64_t n;
  const khcn__unknown *u;
} mapw;

static void map_begin(khcn__bb *b, mapw *m, const khcn__unknown *u) {
  m->head = b->len;
  m->n = 0;
  m->u = u;
  if (khcn__bb_room(b, 1)) b->p[b->len++] = 0xa0;
}

static void flush_unknown(khcn__bb *b, mapw *m, uint64_t below, int all) {
  while (m->u && (all || m->u->key < below)) {
    khcn__cbor_head(b, 0, m->u->key);
    khcn__bb_put(b, m->u->bytes, m->u->len);
    m->n++;
    m->u = m->u->next;
  }
}

static inline void key(khcn__bb *b, mapw *m, unsigned k) {
  if (KHCN__UNLIKELY(m->u != NULL)) flush_unknown(b, m, k, 0);
  if (khcn__bb_room(b, 1)) b->p[b->len++] = (unsigned char)k; /* keys < 24 */
  m->n++;
}

static void map_end(khcn__bb *b, mapw *m) {
  flush_unknown(b, m, 0, 1);
  if (b->failed) return;
  if (m->n < 24) {
    b->p[m->head] = (unsigned char)(0xa0 | m->n);
    return;
  }
  unsigned char h[9];
  khcn__bb hb = {h, 0, sizeof h, 0};
  khcn__cbor_head(&hb, 5, m->n);
  size_t extra = hb.len - 1;
  if (!khcn__bb_room(b, extra)) return;
  memmove(b->p + m->head + 1 + extra, b->p + m->head + 1, b->len - m->head - 1);
  memcpy(b->p + m->head, h, hb.len);
  b->len += extra;
}

static void put_str(khcn__bb *b, const char *s) { khcn__cbor_text(b, s, strlen(s)); }

static void kv_text(khcn__bb *b, mapw *m, unsigned k, const char *s) {
  if (!s) return;
  key(b, m, k);
  put_str(b, s);
}
static void kv_int(khcn__bb *b, mapw *m, unsigned k, int64_t v) {
  key(b, m, k);
  khcn__cbor_int(b, v);
}
static void kv_num(khcn__bb *b, mapw *m, unsigned k, double v) {
  key(b, m, k);
  khcn__cbor_number(b, v);
}

/* ------------------------------------------------------------ entities */

static void write_legal(khcn__bb *b, const khcn__legal *l) {
  mapw m;
  map_begin(b, &m, l->unknown);
  kv_text(b, &m, KL_ID, l->doc.id);
  kv_text(b, &m, KL_NUMBER, l->doc.number);
  if (l->doc.type != KHCN_DOC_OTHER) kv_int(b, &m, KL_TYPE, (int64_t)l->doc.type);
  kv_text(b, &m, KL_DATE, l->doc.date);
  kv_text(b, &m, KL_ISSUER, l->doc.issuer);
  kv_text(b, &m, KL_TITLE, l->doc.title);
  map_end(b, &m);
}

static void write_node(khcn__bb *b, const khcn_node *n) {
  mapw m;
  map_begin(b, &m, n->unknown);
  kv_text(b, &m, KN_ID, n->id);
  kv_text(b, &m, KN_PARENT, n->parent);
  kv_text(b, &m, KN_LABEL, n->label);
  kv_text(b, &m, KN_TITLE, n->title);
  kv_text(b, &m, KN_TEXT, n->text);
  if (n->weight != 1.0) kv_num(b, &m, KN_WEIGHT, n->weight);
  if (n->nlinks) {
    key(b, &m, KN_LINKS);
    khcn__cbor_head(b, 4, n->nlinks);
    for (uint32_t i = 0; i < n->nlinks; i++) {
      khcn__cbor_head(b, 4, 2);
      put_str(b, n->links[i].indicator);
      khcn__cbor_number(b, n->links[i].weight);
    }
  }
  map_end(b, &m);
}

static void write_target(khcn__bb *b, const khcn__target *t) {
  mapw m;
  map_begin(b, &m, khcn__target_unknown(t));
  kv_int(b, &m, KT_YEAR, t->year);
  kv_int(b, &m, KT_CMP, t->cmp);
  kv_num(b, &m, KT_VALUE, t->value);
  if (!isnan(t->hi)) kv_num(b, &m, KT_HI, t->hi);
  if (!isnan(t->tol)) kv_num(b, &m, KT_TOL, t->tol);
  if (t->base_year) kv_int(b, &m, KT_BASE_YEAR, t->base_year);
  if (t->flags & KHCN_TARGET_NO_OVERSHOOT) {
    key(b, &m, KT_OVERSHOOT);
    khcn__bb_put(b, "\xf4", 1);
  }
  if (t->flags & KHCN_TARGET_CUMULATIVE) {
    key(b, &m, KT_CUMULATIVE);
    khcn__bb_put(b, "\xf5", 1);
  }
  kv_text(b, &m, KT_NOTE, khcn__target_note(t));
  map_end(b, &m);
}

static void write_indicator(khcn__bb *b, const khcn_indicator *ind) {
  const khcn__ind_extra *x = ind->x;
  mapw m;
  map_begin(b, &m, x ? x->unknown : NULL);
  kv_text(b, &m, KI_ID, ind->id);
  kv_text(b, &m, KI_NAME, ind->name);
  if (x) kv_text(b, &m, KI_NAME_EN, x->name_en);
  if (ind->unit && ind->unit[0]) kv_text(b, &m, KI_UNIT, ind->unit);
  if (x) kv_text(b, &m, KI_DESC, x->description);
  if (ind->measure != KHCN_MEASURE_COUNT) kv_int(b, &m, KI_MEASURE, ind->measure);
  if (ind->direction != 1) kv_int(b, &m, KI_DIRECTION, ind->direction);
  if (ind->kind != KHCN_KIND_STOCK) kv_int(b, &m, KI_KIND, ind->kind);
  if (!isnan(ind->limit)) kv_num(b, &m, KI_LIMIT, ind->limit);
  if (ind->base_year) {
    kv_int(b, &m, KI_BASE_YEAR, ind->base_year);
    kv_num(b, &m, KI_BASE_VALUE, ind->base_value);
    if (x) kv_text(b, &m, KI_BASE_NOTE, x->base_note);
  }
  if (x && x->num) {
    kv_text(b, &m, KI_NUM, x->num);
    kv_text(b, &m, KI_DEN, x->den);
    if (x->factor != 1.0) kv_num(b, &m, KI_FACTOR, x->factor);
  }
  if (ind->ntargets) {
    key(b, &m, KI_TARGETS);
    khcn__cbor_head(b, 4, ind->ntargets);
    for (uint32_t i = 0; i < ind->ntargets; i++) write_target(b, &ind->targets[i]);
  }
  if (ind->nobs) {
    key(b, &m, KI_OBS);
    khcn__cbor_head(b, 4, ind->nobs);
    const double *v = khcn__obs_values(ind);
    const int16_t *y = khcn__obs_years(ind);
    const uint8_t *s = khcn__obs_status(ind);
    uint32_t xi = 0;
    for (uint32_t i = 0; i < ind->nobs; i++) {
      const khcn__obs_extra *e = NULL;
      if (x) {
        while (xi < x->nobsx && x->obsx[xi].year < y[i]) xi++;
        if (xi < x->nobsx && x->obsx[xi].year == y[i]) e = &x->obsx[xi];
      }
      if (!e && khcn__bb_room(b, 32)) {
        /* fast path: {0: year, 1: value[, 2: status]} */
        unsigned char *o = b->p + b->len;
        int st = s[i] != KHCN_OBS_NORMAL;
        o[0] = (unsigned char)(0xa0 | (st ? 3 : 2));
        o[1] = 0x00;
        uint16_t yy = (uint16_t)y[i];
        o[2] = 0x19;
        o[3] = (unsigned char)(yy >> 8);
        o[4] = (unsigned char)yy;
        o[5] = 0x01;
        b->len += 6;
        if (isnan(v[i])) khcn__bb_put(b, "\xf6", 1);
        else khcn__cbor_number(b, v[i]);
        if (st) {
          unsigned char t[2] = {0x02, s[i]};
          khcn__bb_put(b, t, 2);
        }
        continue;
      }
      mapw om;
      map_begin(b, &om, e ? e->unknown : NULL);
      kv_int(b, &om, KO_YEAR, y[i]);
      key(b, &om, KO_VALUE);
      if (isnan(v[i])) khcn__bb_put(b, "\xf6", 1);
      else khcn__cbor_number(b, v[i]);
      if (s[i] != KHCN_OBS_NORMAL) kv_int(b, &om, KO_STATUS, s[i]);
      if (e) {
        kv_text(b, &om, KO_SOURCE, e->source);
        kv_text(b, &om, KO_REPORTER, e->reporter);
        kv_text(b, &om, KO_NOTE, e->note);
      }
      map_end(b, &om);
    }
  }
  map_end(b, &m);
}

static void write_agency(khcn__bb *b, const khcn_agency *a) {
  mapw m;
  map_begin(b, &m, a->unknown);
  kv_text(b, &m, KA_ID, a->id);
  kv_text(b, &m, KA_NAME, a->name);
  kv_text(b, &m, KA_SHORT, a->short_name);
  kv_text(b, &m, KA_PARENT, a->parent);
  if (a->kind != KHCN_AGENCY_OTHER) kv_int(b, &m, KA_KIND, a->kind);
  map_end(b, &m);
}

static void write_resp(khcn__bb *b, const khcn__resp *rr) {
  const khcn_responsibility *r = &rr->r;
  mapw m;
  map_begin(b, &m, rr->unknown);
  kv_text(b, &m, KR_TASK, r->task);
  kv_text(b, &m, KR_AGENCY, r->agency);
  kv_int(b, &m, KR_ROLE, r->role);
  kv_text(b, &m, KR_TO, r->to);
  if (r->due_year) kv_int(b, &m, KR_DUE_YEAR, r->due_year);
  if (r->due_month) kv_int(b, &m, KR_DUE_MONTH, r->due_month);
  if (r->due_day) kv_int(b, &m, KR_DUE_DAY, r->due_day);
  if (r->every != KHCN_ONCE) kv_int(b, &m, KR_EVERY, r->every);
  kv_text(b, &m, KR_NOTE, r->note);
  map_end(b, &m);
}

static void write_nodes(khcn__bb *b, mapw *m, const khcn_plan *p, khcn_node_type type, unsigned k) {
  size_t n = 0;
  for (size_t i = 0; i < p->nodes.len; i++)
    if (KHCN__VEC_AT(&p->nodes, khcn_node *, i)->type == type) n++;
  if (!n) return;
  key(b, m, k);
  khcn__cbor_head(b, 4, n);
  for (size_t i = 0; i < p->nodes.len; i++) {
    const khcn_node *nd = KHCN__VEC_AT(&p->nodes, khcn_node *, i);
    if (nd->type == type) write_node(b, nd);
  }
}

static void write_plan(khcn__bb *b, const khcn_plan *p) {
  mapw m;
  map_begin(b, &m, p->unknown);
  kv_text(b, &m, KP_ID, p->id);
  for (int f = 0; f < KHCN_PLAN_FIELD_COUNT_; f++) kv_text(b, &m, (unsigned)(KP_TEXT0 + f), p->text[f]);
  if (p->start) kv_int(b, &m, KP_START, p->start);
  if (p->end) kv_int(b, &m, KP_END, p->end);
  if (p->budget.len) {
    key(b, &m, KP_BUDGET);
    khcn__cbor_head(b, 4, p->budget.len);
    for (size_t i = 0; i < p->budget.len; i++) put_str(b, KHCN__VEC_AT(&p->budget, const char *, i));
  }
  if (p->legal.len) {
    key(b, &m, KP_LEGAL);
    khcn__cbor_head(b, 4, p->legal.len);
    for (size_t i = 0; i < p->legal.len; i++) write_legal(b, &KHCN__VEC_AT(&p->legal, khcn__legal, i));
  }
  write_nodes(b, &m, p, KHCN_NODE_OBJECTIVE, KP_OBJECTIVES);
  write_nodes(b, &m, p, KHCN_NODE_TASK, KP_TASKS);
  if (p->indicators.len) {
    key(b, &m, KP_INDICATORS);
    khcn__cbor_head(b, 4, p->indicators.len);
    for (size_t i = 0; i < p->indicators.len; i++)
      write_indicator(b, KHCN__VEC_AT(&p->indicators, khcn_indicator *, i));
  }
  if (p->agencies.len) {
    key(b, &m, KP_AGENCIES);
    khcn__cbor_head(b, 4, p->agencies.len);
    for (size_t i = 0; i < p->agencies.len; i++) write_agency(b, KHCN__VEC_AT(&p->agencies, khcn_agency *, i));
  }
  if (p->resp.len) {
    key(b, &m, KP_RESP);
    khcn__cbor_head(b, 4, p->resp.len);
    for (size_t i = 0; i < p->resp.len; i++) write_resp(b, &KHCN__VEC_AT(&p->resp, khcn__resp, i));
  }
  map_end(b, &m);
}

khcn_status khcn_cbor_write(khcn_buf *out, const khcn_plan *plan) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_cbor_write: out is NULL");
  out->ptr = NULL;
  out->size = 0;
  if (!plan) return khcn__err(KHCN_EINVAL, "khcn_cbor_write: plan is NULL");
  khcn__bb b = {NULL, 0, 0, 0};
  /* rough size guess: avoids most regrowth on large plans */
  size_t guess = 4096 + plan->indicators.len * 96;
  for (size_t i = 0; i < plan->indicators.len && i < 64; i++)
    guess += (size_t)KHCN__VEC_AT(&plan->indicators, khcn_indicator *, i)->nobs * 12 * (plan->indicators.len / 64 + 1);
  khcn__bb_grow(&b, guess);
  static const unsigned char magic[8] = {0xd9, 0xd9, 0xf7, 0xda, 0x4b, 0x48, 0x43, 0x4e};
  khcn__bb_put(&b, magic, sizeof magic);
  mapw m;
  map_begin(&b, &m, plan->doc_unknown);
  key(&b, &m, KD_VERSION);
  khcn__cbor_head(&b, 4, 2);
  khcn__cbor_head(&b, 0, KHCN_FORMAT_MAJOR);
  khcn__cbor_head(&b, 0, KHCN_FORMAT_MINOR);
  key(&b, &m, KD_PLAN);
  write_plan(&b, plan);
  map_end(&b, &m);
  return khcn__bb_finish(&b, out);
}
