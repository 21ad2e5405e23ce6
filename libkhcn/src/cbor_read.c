/*
 * CBOR reader.  A pull parser: next() decodes exactly one data item head
 * with libcbor's cbor_stream_decode() (whose callbacks fill a token), and a
 * recursive-descent parser over the schema of docs/format.md fills entity
 * records that are committed into the model.  Nothing is allocated from a
 * declared length: lengths are checked against the remaining input and the
 * limits first, and vectors grow as items actually arrive.
 */
#include <cbor.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/io.h"

enum {
  T_UINT, T_NEG, T_BYTES, T_TEXT, T_BYTES_INDEF, T_TEXT_INDEF, T_ARRAY, T_ARRAY_INDEF, T_MAP, T_MAP_INDEF,
  T_TAG, T_FLOAT, T_NULL, T_UNDEF, T_BOOL, T_BREAK, T_SIMPLE
};

typedef struct cr {
  khcn__rd rd;
  const unsigned char *data;
  size_t len, pos;
  /* the current token */
  int t;
  uint64_t u;
  const unsigned char *sp;
  size_t sn;
  double d;
  size_t toff;
  khcn__rec_scratch s;
  khcn__arena strings; /* concatenated indefinite strings */
  int fast;            /* inline decoding of common heads */
  int lenient_fast;    /* fast and not strict: next() needs no profile checks */
} cr;

/* ---------------------------------------------------------- callbacks */

#define C ((cr *)ctx)
static void cb_u8(void *ctx, uint8_t v) { C->t = T_UINT, C->u = v; }
static void cb_u16(void *ctx, uint16_t v) { C->t = T_UINT, C->u = v; }
static void cb_u32(void *ctx, uint32_t v) { C->t = T_UINT, C->u = v; }
static void cb_u64(void *ctx, uint64_t v) { C->t = T_UINT, C->u = v; }
static void cb_n8(void *ctx, uint8_t v) { C->t = T_NEG, C->u = v; }
static void cb_n16(void *ctx, uint16_t v) { C->t = T_NEG, C->u = v; }
static void cb_n32(void *ctx, uint32_t v) { C->t = T_NEG, C->u = v; }
static void cb_n64(void *ctx, uint64_t v) { C->t = T_NEG, C->u = v; }
static void cb_bytes(void *ctx, cbor_data p, size_t n) { C->t = T_BYTES, C->sp = p, C->sn = n; }
static void cb_bytes_start(void *ctx) { C->t = T_BYTES_INDEF; }
static void cb_text(void *ctx, cbor_data p, size_t n) { C->t = T_TEXT, C->sp = p, C->sn = n; }
static void cb_text_start(void *ctx) { C->t = T_TEXT_INDEF; }
static void cb_array(void *ctx, size_t n) { C->t = T_ARRAY, C->u = n; }
static void cb_array_indef(void *ctx) { C->t = T_ARRAY_INDEF; }
static void cb_map(void *ctx, size_t n) { C->t = T_MAP, C->u = n; }
static void cb_map_indef(void *ctx) { C->t = T_MAP_INDEF; }
static void cb_tag(void *ctx, uint64_t v) { C->t = T_TAG, C->u = v; }
static void cb_f4(void *ctx, float f) { C->t = T_FLOAT, C->d = f; }
static void cb_f8(void *ctx, double f) { C->t = T_FLOAT, C->d = f; }
static void cb_undef(void *ctx) { C->t = T_UNDEF; }
static void cb_null(void *ctx) { C->t = T_NULL; }
static void cb_bool(void *ctx, bool b) { C->t = T_BOOL, C->u = b; }
static void cb_break(void *ctx) { C->t = T_BREAK; }
#undef C

static const struct cbor_callbacks callbacks = {
    .uint8 = cb_u8, .uint16 = cb_u16, .uint32 = cb_u32, .uint64 = cb_u64,
    .negint8 = cb_n8, .negint16 = cb_n16, .negint32 = cb_n32, .negint64 = cb_n64,
    .byte_string_start = cb_bytes_start, .byte_string = cb_bytes,
    .string = cb_text, .string_start = cb_text_start,
    .indef_array_start = cb_array_indef, .array_start = cb_array,
    .indef_map_start = cb_map_indef, .map_start = cb_map,
    .tag = cb_tag, .float2 = cb_f4, .float4 = cb_f4, .float8 = cb_f8,
    .undefined = cb_undef, .null = cb_null, .boolean = cb_bool, .indef_break = cb_break,
};

#define DIAG(c, code, sev, off, field, ...) khcn__rd_diag(&(c)->rd, (code), (sev), (off), (field), __VA_ARGS__)

/* Decode the head at off for a diagnostic: returns the head length or 0. */
static size_t head_at(const cr *c, size_t off, unsigned *major, uint64_t *val) {
  if (off >= c->len) return 0;
  unsigned b = c->data[off];
  unsigned ai = b & 31;
  *major = b >> 5;
  if (ai < 24) {
    *val = ai;
    return 1;
  }
  if (ai > 27) return 0;
  size_t n = (size_t)1 << (ai - 24);
  if (c->len - off - 1 < n) return 0;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) v = (v << 8) | c->data[off + 1 + i];
  *val = v;
  return 1 + n;
}

static const char *major_name(int t) {
  switch (t) {
  case T_UINT: return "an unsigned integer";
  case T_NEG: return "a negative integer";
  case T_BYTES: case T_BYTES_INDEF: return "a byte string";
  case T_TEXT: case T_TEXT_INDEF: return "a text string";
  case T_ARRAY: case T_ARRAY_INDEF: return "an array";
  case T_MAP: case T_MAP_INDEF: return "a map";
  case T_TAG: return "a tag";
  case T_FLOAT: return "a float";
  case T_NULL: return "null";
  case T_UNDEF: return "undefined";
  case T_BOOL: return "a boolean";
  case T_SIMPLE: return "a simple value";
  default: return "a break";
  }
}

/* The profile checks every head: shortest form, definite length. */
static void check_head(cr *c) {
  unsigned b = c->data[c->toff];
  unsigned major = b >> 5, ai = b & 31;
  if (major == 7) return; /* floats are reported where a number is expected */
  if (ai == 31) {
    DIAG(c, KHCN_DIAG_INDEFINITE, KHCN_SEV_ERROR, c->toff, NULL, "indefinite-length %s", major_name(c->t));
    return;
  }
  if (ai < 24) return;
  uint64_t v = (c->t == T_BYTES || c->t == T_TEXT) ? c->sn : c->u;
  if ((ai == 24 && v < 24) || (ai == 25 && v <= 0xff) || (ai == 26 && v <= 0xffff) ||
      (ai == 27 && v <= 0xffffffffu))
    DIAG(c, KHCN_DIAG_NOT_SHORTEST, KHCN_SEV_ERROR, c->toff, NULL, "head of %s is not in its shortest form",
         major_name(c->t));
}

/*
 * Fast path: the head forms that make up nearly all of a plan file
 * (integers, definite-length text, arrays and maps, tags) are decoded
 * inline; everything else (floats, simple values, byte strings,
 * indefinite lengths, breaks, reserved values, and any head that does not
 * fit in the input) goes through cbor_stream_decode().  Both paths fill the
 * same token; the tests and the fuzz target run every input through both
 * (KHCN__READ_LIBCBOR_ONLY) and compare.
 */
static inline int fast_head(cr *c) {
  const unsigned char *p = c->data + c->pos;
  size_t left = c->len - c->pos;
  unsigned b = p[0], major = b >> 5, ai = b & 31;
  if (major == 7 || major == 2 || ai > 27) return 0;
  uint64_t v;
  size_t hl;
  if (ai < 24) {
    v = ai;
    hl = 1;
  } else {
    hl = 1 + ((size_t)1 << (ai - 24));
    if (left < hl) return 0;
    v = 0;
    for (size_t i = 1; i < hl; i++) v = (v << 8) | p[i];
  }
  switch (major) {
  case 0: c->t = T_UINT; break;
  case 1: c->t = T_NEG; break;
  case 3:
    if (v > left - hl) return 0;
    c->t = T_TEXT;
    c->sp = p + hl;
    c->sn = (size_t)v;
    hl += (size_t)v;
    break;
  case 4: c->t = T_ARRAY; break;
  case 5: c->t = T_MAP; break;
  default: c->t = T_TAG; break;
  }
  c->u = v;
  c->pos += hl;
  return 1;
}

static int next_slow(cr *c);

/* Decode the next head into the token: 0, or -1 when reading must stop.
 * The common heads of a lenient read are decoded inline. */
static inline int next(cr *c) {
  if (c->lenient_fast && !c->rd.fatal && c->pos < c->len) {
    c->toff = c->pos;
    if (fast_head(c)) return 0;
  }
  return next_slow(c);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int next_slow(cr *c) {
  if (c->rd.fatal) return -1;
  c->toff = c->pos;
  if (c->pos >= c->len) {
    DIAG(c, KHCN_DIAG_TRUNCATED, KHCN_SEV_FATAL, c->pos, NULL, "the input ends where a data item is expected");
    return -1;
  }
  if (c->fast && fast_head(c)) {
    if (c->rd.strict) check_head(c);
    return c->rd.fatal ? -1 : 0;
  }
  struct cbor_decoder_result res = cbor_stream_decode(c->data + c->pos, c->len - c->pos, &callbacks, c);
  if (res.status == CBOR_DECODER_FINISHED) {
    c->pos += res.read;
    if (c->rd.strict) check_head(c);
    return c->rd.fatal ? -1 : 0;
  }
  unsigned major;
  uint64_t v;
  size_t hl = head_at(c, c->pos, &major, &v);
  if (res.status == CBOR_DECODER_ERROR && hl) {
    /* libcbor 0.8 refuses some well-formed heads: tags 6..20 in the initial
     * byte (0xc6..0xd4) and unassigned simple values; decode them here */
    unsigned b = c->data[c->pos];
    if (major == 6 && b >= 0xc6 && b <= 0xd4) {
      c->t = T_TAG;
      c->u = v;
      c->pos += hl;
      return 0;
    }
    if (major == 7 && (b <= 0xf3 || (b == 0xf8 && v >= 32))) {
      c->t = T_SIMPLE;
      c->u = v;
      c->pos += hl;
      return 0;
    }
  }
  if (res.status == CBOR_DECODER_NEDATA) {
    if (hl && (major == 2 || major == 3) && v > c->len - c->pos - hl)
      DIAG(c, KHCN_DIAG_LENGTH, KHCN_SEV_FATAL, c->pos, NULL,
           "a string declares %llu bytes but only %zu remain in the input", (unsigned long long)v,
           c->len - c->pos - hl);
    else
      DIAG(c, KHCN_DIAG_TRUNCATED, KHCN_SEV_FATAL, c->pos, NULL, "the input ends inside a data item");
  } else {
    DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->pos, NULL,
         "not well-formed CBOR: initial byte 0x%02x is reserved or unassigned", c->data[c->pos]);
  }
  return -1;
}

static size_t remaining(const cr *c) { return c->len - c->pos; }

/* Length of a definite container against the input (and a cap). */
static int check_count(cr *c, uint64_t n, int is_map, uint64_t cap, const char *what) {
  uint64_t room = remaining(c);
  if (is_map) room /= 2;
  if (n > room) {
    DIAG(c, KHCN_DIAG_LENGTH, KHCN_SEV_FATAL, c->toff, NULL,
         "%s declares %llu %s but only %zu bytes remain in the input", is_map ? "a map" : "an array",
         (unsigned long long)n, is_map ? "pairs" : "elements", remaining(c));
    return -1;
  }
  if (cap && n > cap) {
    DIAG(c, KHCN_DIAG_TOO_MANY, KHCN_SEV_FATAL, c->toff, NULL, "%llu %s exceed the limit of %llu",
         (unsigned long long)n, what, (unsigned long long)cap);
    return -1;
  }
  return 0;
}

static int check_depth(cr *c, size_t depth) {
  if (depth <= c->rd.opt.max_depth) return 0;
  DIAG(c, KHCN_DIAG_DEPTH, KHCN_SEV_FATAL, c->toff, NULL, "data items nested deeper than %zu", c->rd.opt.max_depth);
  return -1;
}

/* Skip the rest of the current item (its head was just read). */
static int skip_current(cr *c, size_t depth) {
  switch (c->t) {
  case T_TEXT:
    if (khcn__utf8_check(c->sp, c->sn, 1) != SIZE_MAX)
      DIAG(c, KHCN_DIAG_UTF8, KHCN_SEV_ERROR, c->toff, NULL, "text string is not valid UTF-8");
    return c->rd.fatal ? -1 : 0;
  case T_BYTES_INDEF:
  case T_TEXT_INDEF: {
    int want = c->t == T_TEXT_INDEF ? T_TEXT : T_BYTES;
    for (;;) {
      if (next(c) < 0) return -1;
      if (c->t == T_BREAK) return 0;
      if (c->t != want) {
        DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL,
             "a chunk of an indefinite-length string is %s", major_name(c->t));
        return -1;
      }
      if (want == T_TEXT && khcn__utf8_check(c->sp, c->sn, 1) != SIZE_MAX)
        DIAG(c, KHCN_DIAG_UTF8, KHCN_SEV_ERROR, c->toff, NULL, "text string is not valid UTF-8");
    }
  }
  case T_ARRAY:
  case T_MAP: {
    if (check_depth(c, depth + 1) < 0 || check_count(c, c->u, c->t == T_MAP, 0, NULL) < 0) return -1;
    uint64_t n = c->t == T_MAP ? c->u * 2 : c->u;
    for (uint64_t i = 0; i < n; i++)
      if (next(c) < 0 || c->t == T_BREAK || skip_current(c, depth + 1) < 0) {
        if (!c->rd.fatal)
          DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a break inside a definite-length container");
        return -1;
      }
    return 0;
  }
  case T_ARRAY_INDEF:
  case T_MAP_INDEF: {
    if (check_depth(c, depth + 1) < 0) return -1;
    int is_map = c->t == T_MAP_INDEF;
    for (;;) {
      if (next(c) < 0) return -1;
      if (c->t == T_BREAK) return 0;
      if (skip_current(c, depth + 1) < 0) return -1;
      if (is_map) {
        if (next(c) < 0) return -1;
        if (c->t == T_BREAK) {
          DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a map ends between a key and its value");
          return -1;
        }
        if (skip_current(c, depth + 1) < 0) return -1;
      }
    }
  }
  case T_TAG:
    if (check_depth(c, depth + 1) < 0 || next(c) < 0) return -1;
    if (c->t == T_BREAK) {
      DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a break where a tagged item is expected");
      return -1;
    }
    return skip_current(c, depth + 1);
  case T_BREAK:
    DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a break outside an indefinite-length item");
    return -1;
  default:
    return 0;
  }
}

/* A value of the wrong type: report it and skip it.  Returns 1 (soft) or -1. */
static int wrong_type(cr *c, size_t depth, const char *field, const char *expected) {
  DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, c->toff, field, "expected %s, found %s", expected, major_name(c->t));
  return skip_current(c, depth) < 0 ? -1 : 1;
}

/* ---------------------------------------------------------- maps */

typedef struct mi {
  int indef;
  uint64_t left;
  int has_prev;
  uint64_t prev;
  uint64_t seen; /* keys < 64 */
} mi;

/* The current token must be a map; 1 if it is not (skipped). */
static int map_open(cr *c, mi *m, size_t depth, const char *field) {
  memset(m, 0, sizeof *m);
  if (c->t == T_MAP) {
    if (check_depth(c, depth) < 0 || check_count(c, c->u, 1, 0, NULL) < 0) return -1;
    m->left = c->u;
    return 0;
  }
  if (c->t == T_MAP_INDEF) {
    if (check_depth(c, depth) < 0) return -1;
    m->indef = 1;
    return 0;
  }
  return wrong_type(c, depth - 1, field, "a map");
}

/* Next key: 1 (in *key), 0 at the end, -1 fatal.  Duplicates and non-uint
 * keys are reported and skipped here. */
static int map_key(cr *c, mi *m, size_t depth, uint64_t *key, size_t *koff) {
  for (;;) {
    if (!m->indef) {
      if (!m->left) return 0;
      m->left--;
    }
    if (next(c) < 0) return -1;
    if (c->t == T_BREAK) {
      if (m->indef) return 0;
      DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a break inside a definite-length map");
      return -1;
    }
    *koff = c->toff;
    int skip = 0;
    if (c->t != T_UINT) {
      DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, c->toff, NULL, "map key is %s, not an unsigned integer",
           major_name(c->t));
      if (skip_current(c, depth) < 0) return -1;
      skip = 1;
    } else {
      uint64_t k = c->u;
      if ((k < 64 && (m->seen >> k & 1)) || (m->has_prev && k == m->prev)) {
        DIAG(c, KHCN_DIAG_DUPLICATE_KEY, KHCN_SEV_ERROR, c->toff, NULL, "map key %llu appears twice",
             (unsigned long long)k);
        skip = 1;
      } else if (m->has_prev && k < m->prev && c->rd.strict) {
        DIAG(c, KHCN_DIAG_KEY_ORDER, KHCN_SEV_ERROR, c->toff, NULL, "map key %llu after key %llu",
             (unsigned long long)k, (unsigned long long)m->prev);
      }
      if (!skip) {
        if (k < 64) m->seen |= 1ull << k;
        m->has_prev = 1;
        m->prev = k;
        *key = k;
      }
    }
    if (!skip) return 1;
    /* skip the value */
    if (next(c) < 0) return -1;
    if (c->t == T_BREAK) {
      DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a map ends between a key and its value");
      return -1;
    }
    if (skip_current(c, depth) < 0) return -1;
  }
}

/* An unknown key: keep its value's bytes verbatim. */
static int get_unknown(cr *c, khcn__unknown **list, uint64_t key, size_t depth) {
  size_t start = c->pos;
  if (next(c) < 0) return -1;
  if (c->t == T_BREAK) {
    DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a map ends between a key and its value");
    return -1;
  }
  if (skip_current(c, depth) < 0) return -1;
  for (const khcn__unknown *u = *list; u; u = u->next)
    if (u->key == key) {
      DIAG(c, KHCN_DIAG_DUPLICATE_KEY, KHCN_SEV_ERROR, start, NULL, "map key %llu appears twice",
           (unsigned long long)key);
      return 1;
    }
  if (khcn__unknown_put(list, key, c->data + start, c->pos - start)) {
    c->rd.fatal = 1;
    c->rd.fatal_status = KHCN_ENOMEM;
    return -1;
  }
  return 0;
}

/* ---------------------------------------------------------- values */

/* 0 ok, 1 soft error (reported; value absent), -1 fatal */
static int get_text(cr *c, khcn__span *out, size_t depth, const char *field) {
  if (next(c) < 0) return -1;
  size_t off = c->toff;
  if (c->t == T_TEXT) {
    if (c->sn > c->rd.opt.max_text) {
      DIAG(c, KHCN_DIAG_TEXT_TOO_LONG, KHCN_SEV_FATAL, off, field, "text of %zu bytes exceeds the limit of %zu",
           c->sn, c->rd.opt.max_text);
      return -1;
    }
    size_t bad = khcn__utf8_check(c->sp, c->sn, 0);
    if (bad != SIZE_MAX) {
      DIAG(c, KHCN_DIAG_UTF8, KHCN_SEV_ERROR, off, field, "text is not valid UTF-8 (or holds NUL) at byte %zu", bad);
      return c->rd.fatal ? -1 : 1;
    }
    out->p = (const char *)c->sp;
    out->n = c->sn;
    out->off = off;
    return 0;
  }
  if (c->t == T_TEXT_INDEF) {
    /* two passes: measure, then copy into the reader's arena */
    size_t save = c->pos, total = 0;
    int bad = 0;
    for (;;) {
      if (next(c) < 0) return -1;
      if (c->t == T_BREAK) break;
      if (c->t != T_TEXT) {
        DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, field,
             "a chunk of an indefinite-length string is %s", major_name(c->t));
        return -1;
      }
      if (khcn__utf8_check(c->sp, c->sn, 0) != SIZE_MAX) bad = 1;
      total += c->sn;
      if (total > c->rd.opt.max_text) {
        DIAG(c, KHCN_DIAG_TEXT_TOO_LONG, KHCN_SEV_FATAL, off, field, "text exceeds the limit of %zu bytes",
             c->rd.opt.max_text);
        return -1;
      }
    }
    if (bad) {
      DIAG(c, KHCN_DIAG_UTF8, KHCN_SEV_ERROR, off, field, "text is not valid UTF-8 (or holds NUL)");
      return c->rd.fatal ? -1 : 1;
    }
    char *dst = khcn__arena_alloc(&c->strings, total + 1);
    if (!dst) {
      c->rd.fatal = 1;
      c->rd.fatal_status = KHCN_ENOMEM;
      return -1;
    }
    size_t end = c->pos, o = 0;
    c->pos = save;
    for (;;) {
      if (next(c) < 0) return -1;
      if (c->t == T_BREAK) break;
      memcpy(dst + o, c->sp, c->sn);
      o += c->sn;
    }
    c->pos = end;
    out->p = dst;
    out->n = total;
    out->off = off;
    return 0;
  }
  return wrong_type(c, depth, field, "a text string");
}

static int get_int(cr *c, khcn__fint *out, size_t depth, const char *field) {
  if (next(c) < 0) return -1;
  if (c->t == T_UINT || c->t == T_NEG) {
    if (c->u > (uint64_t)INT64_MAX) {
      DIAG(c, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, c->toff, field, "integer out of range");
      return c->rd.fatal ? -1 : 1;
    }
    out->has = 1;
    out->v = c->t == T_UINT ? (int64_t)c->u : -1 - (int64_t)c->u;
    out->off = c->toff;
    return 0;
  }
  return wrong_type(c, depth, field, "an integer");
}

static int get_bool(cr *c, khcn__fint *out, size_t depth, const char *field) {
  if (next(c) < 0) return -1;
  if (c->t == T_BOOL) {
    out->has = 1;
    out->v = (int64_t)c->u;
    out->off = c->toff;
    return 0;
  }
  return wrong_type(c, depth, field, "a boolean");
}

/* an int64 item (for the parts of a decimal fraction) */
static int dec_part(cr *c, int64_t *v, const char *field) {
  if (next(c) < 0) return -1;
  if ((c->t == T_UINT || c->t == T_NEG) && c->u <= (uint64_t)INT64_MAX) {
    *v = c->t == T_UINT ? (int64_t)c->u : -1 - (int64_t)c->u;
    return 0;
  }
  DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, c->toff, field,
       "a decimal fraction needs a 64-bit exponent and mantissa, found %s", major_name(c->t));
  return c->rd.fatal ? -1 : 1;
}

static int get_num(cr *c, khcn__fnum *out, int allow_null, size_t depth, const char *field) {
  if (next(c) < 0) return -1;
  size_t off = c->toff;
  double d;
  switch (c->t) {
  case T_UINT:
    d = (double)c->u;
    break;
  case T_NEG:
    d = -1.0 - (double)c->u;
    break;
  case T_FLOAT:
    if (c->rd.strict)
      DIAG(c, KHCN_DIAG_FLOAT, KHCN_SEV_ERROR, off, field, "a float where a number (integer or decimal) is expected");
    d = c->d;
    if (!isfinite(d)) {
      DIAG(c, KHCN_DIAG_NOT_FINITE, KHCN_SEV_ERROR, off, field, "number is NaN or infinite");
      return c->rd.fatal ? -1 : 1;
    }
    out->has = 1;
    out->v = d;
    out->off = off;
    return c->rd.fatal ? -1 : 0;
  case T_NULL:
    if (!allow_null) return wrong_type(c, depth, field, "a number");
    out->has = 1;
    out->is_null = 1;
    out->v = NAN;
    out->off = off;
    return 0;
  case T_TAG: {
    if (c->u != KHCN__TAG_DECIMAL) return wrong_type(c, depth, field, "a number");
    if (check_depth(c, depth + 2) < 0 || next(c) < 0) return -1;
    int indef = c->t == T_ARRAY_INDEF;
    if (!indef && !(c->t == T_ARRAY && c->u == 2)) return wrong_type(c, depth + 1, field, "a decimal fraction [e, m]");
    int64_t e = 0, m = 0;
    int rc = dec_part(c, &e, field);
    if (rc) return rc;
    rc = dec_part(c, &m, field);
    if (rc) return rc;
    if (indef) {
      if (next(c) < 0) return -1;
      if (c->t != T_BREAK) {
        DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, c->toff, field, "a decimal fraction has more than 2 elements");
        return skip_current(c, depth + 2) < 0 ? -1 : 1;
      }
    }
    d = khcn__decimal_to_double(m, e);
    if (!isfinite(d)) {
      DIAG(c, KHCN_DIAG_NOT_FINITE, KHCN_SEV_ERROR, off, field, "decimal fraction overflows a double");
      return c->rd.fatal ? -1 : 1;
    }
    break;
  }
  default:
    return wrong_type(c, depth, field, "a number");
  }
  if (c->rd.strict) {
    unsigned char buf[32];
    khcn__bb b = {buf, 0, sizeof buf, 0};
    khcn__cbor_number(&b, d);
    if (b.failed || b.len != c->pos - off || memcmp(buf, c->data + off, b.len) != 0)
      DIAG(c, KHCN_DIAG_NUMBER_FORM, KHCN_SEV_ERROR, off, field, "number is not in its canonical form");
  }
  out->has = 1;
  out->v = d;
  out->off = off;
  return c->rd.fatal ? -1 : 0;
}

static void default_check(cr *c, int is_default, size_t off, const char *field) {
  if (c->rd.strict && is_default)
    DIAG(c, KHCN_DIAG_EXPLICIT_DEFAULT, KHCN_SEV_ERROR, off, field, "field written with its default value");
}

/* ---------------------------------------------------------- lists */

typedef int (*elem_fn)(cr *c, size_t depth);

/* The value is an array of elements parsed by fn (current token = element head). */
static int get_list(cr *c, size_t depth, const char *field, elem_fn fn) {
  if (next(c) < 0) return -1;
  int indef = c->t == T_ARRAY_INDEF;
  if (!indef && c->t != T_ARRAY) return wrong_type(c, depth, field, "an array");
  if (check_depth(c, depth) < 0) return -1;
  if (!indef && check_count(c, c->u, 0, c->rd.opt.max_entities, field) < 0) return -1;
  uint64_t n = c->u;
  /* an element is in its enclosing entity until it names its own (an
   * observation stays its indicator's); the list leaves that entity set */
  const char *entity = c->rd.entity;
  size_t entity_n = c->rd.entity_n;
  khcn__rd_push(&c->rd, field, 0);
  int rc = 0;
  for (uint64_t i = 0; indef || i < n; i++) {
    if (next(c) < 0) {
      rc = -1;
      break;
    }
    if (c->t == T_BREAK) {
      if (indef) break;
      DIAG(c, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, c->toff, NULL, "a break inside a definite-length array");
      rc = -1;
      break;
    }
    if (indef && i >= c->rd.opt.max_entities) {
      DIAG(c, KHCN_DIAG_TOO_MANY, KHCN_SEV_FATAL, c->toff, NULL, "more %s than the limit of %zu", field,
           c->rd.opt.max_entities);
      rc = -1;
      break;
    }
    if (c->rd.depth_path - 1 < KHCN__PATH_MAX) c->rd.path[c->rd.depth_path - 1].index = (long)i;
    khcn__rd_set_entity(&c->rd, entity, entity_n);
    if (fn(c, depth + 1) < 0) {
      rc = -1;
      break;
    }
  }
  khcn__rd_pop(&c->rd);
  khcn__rd_set_entity(&c->rd, entity, entity_n);
  return rc;
}

#define FIELD(expr)                                                                                              \
  do {                                                                                                           \
    if ((expr) < 0) goto fatal;                                                                                  \
  } while (0)
#define UNKNOWN(list) FIELD(get_unknown(c, (list), k, depth))

/* An integer head at p (major 0 or 1, argument up to 8 bytes): 1 and the
 * value (as major/argument) on success, 0 when it is anything else. */
static inline int raw_int(const unsigned char *p, size_t left, size_t *used, int *neg, uint64_t *u) {
  if (!left) return 0;
  unsigned b = p[0], major = b >> 5, ai = b & 31;
  if (major > 1 || ai > 27) return 0;
  if (ai < 24) {
    *u = ai;
    *used = 1;
  } else {
    size_t n = (size_t)1 << (ai - 24);
    if (left < n + 1) return 0;
    uint64_t v = 0;
    for (size_t i = 1; i <= n; i++) v = (v << 8) | p[i];
    *u = v;
    *used = n + 1;
  }
  *neg = major == 1;
  return 1;
}

/* A number as writers put it, an integer or a decimal fraction 4([e, m])
 * of two integers, decoded from the bytes at p: its length (and *v), or 0
 * for anything else (left to the general path). */
static inline size_t raw_number(const unsigned char *p, size_t left, double *v) {
  size_t used;
  int neg;
  uint64_t u;
  if (raw_int(p, left, &used, &neg, &u)) {
    *v = neg ? -1.0 - (double)u : (double)u;
    return used;
  }
  if (left > 2 && p[0] == 0xc4 && p[1] == 0x82) {
    int ne, nm;
    uint64_t ue, um;
    size_t ue_n, um_n;
    if (!raw_int(p + 2, left - 2, &ue_n, &ne, &ue) || !raw_int(p + 2 + ue_n, left - 2 - ue_n, &um_n, &nm, &um) ||
        ue > (uint64_t)INT64_MAX || um > (uint64_t)INT64_MAX)
      return 0;
    int64_t e = ne ? -1 - (int64_t)ue : (int64_t)ue, m = nm ? -1 - (int64_t)um : (int64_t)um;
    *v = khcn__decimal_to_double(m, e);
    if (!isfinite(*v)) return 0;
    return 2 + ue_n + um_n;
  }
  return 0;
}

/* A year as writers put it: 0x19 and two bytes.  0 when it is not. */
static inline int raw_year(const unsigned char *p, int *year) {
  if (p[0] != 0x19) return 0;
  *year = (p[1] << 8) | p[2];
  return 1;
}

/*
 * Fast path for the observation shape writers produce, {0: year, 1: value}
 * or {0: year, 1: value, 2: status}, with the value an integer, a decimal
 * fraction of two integers, or null.  Anything else (and strict mode, and
 * KHCN__READ_LIBCBOR_ONLY, and a depth where a decimal fraction would be
 * too deep) takes the general path; the fuzz target checks that both agree,
 * diagnostics included.  Returns 1 when the observation was read, with
 * every field of *o set (the record was not cleared).
 */
static int fast_obs(cr *c, khcn__rec_obs *o, size_t depth) {
  if (!c->lenient_fast || c->t != T_MAP || (c->u != 2 && c->u != 3) || depth + 2 > c->rd.opt.max_depth) return 0;
  const unsigned char *p = c->data + c->pos;
  size_t left = c->len - c->pos;
  int year;
  if (left < 6 || p[0] != 0x00 || !raw_year(p + 1, &year) || p[4] != 0x01) return 0;
  size_t i = 5, used;
  double v;
  int is_null = 0;
  if (p[i] == 0xf6) {
    is_null = 1;
    v = NAN;
    i++;
  } else if ((used = raw_number(p + i, left - i, &v))) {
    i += used;
  } else {
    return 0;
  }
  int64_t status = -1;
  if (c->u == 3) {
    if (left - i < 2 || p[i] != 0x02 || p[i + 1] >= 0x18) return 0;
    status = p[i + 1];
    i += 2;
  }
  o->off = c->toff;
  o->year.has = 1;
  o->year.v = year;
  o->year.off = c->pos + 1;
  o->value.has = 1;
  o->value.is_null = is_null;
  o->value.v = v;
  o->value.off = c->pos + 5;
  o->status.has = status >= 0;
  o->status.v = status >= 0 ? status : 0;
  o->status.off = status >= 0 ? c->pos + i - 1 : 0;
  o->source.p = o->reporter.p = o->note.p = NULL;
  o->unknown = NULL;
  c->pos += i;
  return 1;
}

/*
 * Fast path for the common target shape {0: year, 1: comparator, 2: value}
 * (the year 0 or 0x19 and two bytes, the comparator below 24, the value as
 * in fast_obs but never null).  Same rules as fast_obs; the fields a
 * target without them reads (the flags) are set too.
 */
static int fast_target(cr *c, khcn__rec_target *t, size_t depth) {
  if (!c->lenient_fast || c->t != T_MAP || c->u != 3 || depth + 2 > c->rd.opt.max_depth) return 0;
  const unsigned char *p = c->data + c->pos;
  size_t left = c->len - c->pos;
  if (left < 6 || p[0] != 0x00) return 0;
  int year = 0;
  size_t i = 2;
  if (p[1] != 0x00) {
    if (!raw_year(p + 1, &year)) return 0;
    i = 4;
  }
  if (left - i < 4 || p[i] != 0x01 || p[i + 1] >= 0x18 || p[i + 2] != 0x02) return 0;
  size_t cmp_at = i + 1, val_at = i + 3;
  double v;
  size_t used = raw_number(p + val_at, left - val_at, &v);
  if (!used) return 0;
  t->off = c->toff;
  t->year.has = 1;
  t->year.v = year;
  t->year.off = c->pos + 1;
  t->cmp.has = 1;
  t->cmp.v = p[cmp_at];
  t->cmp.off = c->pos + cmp_at;
  t->value.has = 1;
  t->value.is_null = 0;
  t->value.v = v;
  t->value.off = c->pos + val_at;
  t->hi.has = t->tol.has = t->base_year.has = t->overshoot.has = t->cumulative.has = 0;
  t->note.p = NULL;
  t->unknown = NULL;
  c->pos += val_at + used;
  return 1;
}

static int el_target(cr *c, size_t depth) {
  if (khcn__scratch_target_room(&c->s)) return c->rd.fatal = 1, c->rd.fatal_status = KHCN_ENOMEM, -1;
  khcn__rec_target *t = &c->s.t[c->s.nt];
  if (fast_target(c, t, depth)) {
    c->s.nt++;
    return 0;
  }
  memset(t, 0, sizeof *t);
  c->s.nt++;
  t->off = c->toff;
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) {
    c->s.nt--;
    return rc < 0 ? -1 : 0;
  }
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KT_YEAR: FIELD(get_int(c, &t->year, depth, "year")); break;
    case KT_CMP: FIELD(get_int(c, &t->cmp, depth, "comparator")); break;
    case KT_VALUE: FIELD(get_num(c, &t->value, 0, depth, "value")); break;
    case KT_HI: FIELD(get_num(c, &t->hi, 0, depth, "hi")); break;
    case KT_TOL: FIELD(get_num(c, &t->tol, 0, depth, "tol")); break;
    case KT_BASE_YEAR: FIELD(get_int(c, &t->base_year, depth, "base_year")); break;
    case KT_OVERSHOOT:
      FIELD(get_bool(c, &t->overshoot, depth, "overshoot"));
      default_check(c, t->overshoot.has && t->overshoot.v, ko, "overshoot");
      break;
    case KT_CUMULATIVE:
      FIELD(get_bool(c, &t->cumulative, depth, "cumulative"));
      default_check(c, t->cumulative.has && !t->cumulative.v, ko, "cumulative");
      break;
    case KT_NOTE: FIELD(get_text(c, &t->note, depth, "note")); break;
    default: UNKNOWN(&t->unknown);
    }
  }
  return rc < 0 ? -1 : 0;
fatal:
  return -1;
}

static int el_obs(cr *c, size_t depth) {
  if (khcn__scratch_obs_room(&c->s)) return c->rd.fatal = 1, c->rd.fatal_status = KHCN_ENOMEM, -1;
  khcn__rec_obs *o = &c->s.o[c->s.no];
  if (fast_obs(c, o, depth)) {
    c->s.no++;
    return 0;
  }
  memset(o, 0, sizeof *o);
  c->s.no++;
  o->off = c->toff;
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) {
    c->s.no--;
    return rc < 0 ? -1 : 0;
  }
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KO_YEAR: FIELD(get_int(c, &o->year, depth, "year")); break;
    case KO_VALUE: FIELD(get_num(c, &o->value, 1, depth, "value")); break;
    case KO_STATUS:
      FIELD(get_int(c, &o->status, depth, "status"));
      default_check(c, o->status.has && o->status.v == 0, ko, "status");
      break;
    case KO_SOURCE: FIELD(get_text(c, &o->source, depth, "source")); break;
    case KO_REPORTER: FIELD(get_text(c, &o->reporter, depth, "reporter")); break;
    case KO_NOTE: FIELD(get_text(c, &o->note, depth, "note")); break;
    default: UNKNOWN(&o->unknown);
    }
  }
  return rc < 0 ? -1 : 0;
fatal:
  return -1;
}

/*
 * The observations of an indicator when they are the plainest series, as
 * writers produce it for measured data: a definite array of 1 to 255 maps
 * {0: year, 1: value} (year 0x19 and two bytes, value as in raw_number)
 * with consecutive years in 1900..2200.  Read in one pass straight into
 * the scratch's series, with nothing left to check at commit.  Returns 1
 * when it took the list, 0 when the list is anything else (c->pos is then
 * unchanged and the general path reads it), -1 on ENOMEM.  The general path
 * gives no diagnostic on such a list either; the fuzz target checks that
 * both agree.
 */
static int fast_series(cr *c, size_t depth) {
  const unsigned char *p = c->data + c->pos;
  size_t left = c->len - c->pos, n, i;
  if (!c->lenient_fast || c->s.no || c->s.has_series || depth + 3 > c->rd.opt.max_depth || left < 2) return 0;
  if (p[0] >= 0x81 && p[0] <= 0x97) {
    n = p[0] & 31;
    i = 1;
  } else if (p[0] == 0x98 && p[1] >= 24) {
    n = p[1];
    i = 2;
  } else {
    return 0;
  }
  if (n > c->rd.opt.max_entities) return 0;
  if (c->s.capseries < n) {
    double *v = khcn__realloc(c->s.series, 256 * sizeof *v);
    if (!v) return -1;
    c->s.series = v;
    c->s.capseries = 256;
  }
  int year0 = 0;
  for (size_t k = 0; k < n; k++) {
    int year;
    size_t used;
    if (left - i < 7 || p[i] != 0xa2 || p[i + 1] != 0x00 || !raw_year(p + i + 2, &year) || p[i + 5] != 0x01 ||
        !(used = raw_number(p + i + 6, left - i - 6, &c->s.series[k])))
      return 0;
    if (k == 0) year0 = year;
    else if (year != year0 + (int)k) return 0;
    i += 6 + used;
  }
  if (year0 < 1900 || year0 + (int)n - 1 > 2200) return 0;
  c->s.nseries = n;
  c->s.series_year0 = year0;
  c->s.has_series = 1;
  c->pos += i;
  return 1;
}

static int el_indicator(cr *c, size_t depth) {
  khcn__rec_ind rec;
  memset(&rec, 0, sizeof rec);
  rec.off = c->toff;
  khcn__scratch_reset(&c->s);
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KI_ID:
      FIELD(get_text(c, &rec.id, depth, "id"));
      khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
      if (rec.id.p) khcn__idx_prefetch(&c->rd.plan->ind_map, khcn__idx_hash_n(rec.id.p, rec.id.n));
      break;
    case KI_NAME: FIELD(get_text(c, &rec.name, depth, "name")); break;
    case KI_NAME_EN: FIELD(get_text(c, &rec.name_en, depth, "name_en")); break;
    case KI_UNIT:
      FIELD(get_text(c, &rec.unit, depth, "unit"));
      default_check(c, rec.unit.p && rec.unit.n == 0, ko, "unit");
      break;
    case KI_DESC: FIELD(get_text(c, &rec.desc, depth, "description")); break;
    case KI_MEASURE:
      FIELD(get_int(c, &rec.measure, depth, "measure"));
      default_check(c, rec.measure.has && rec.measure.v == 0, ko, "measure");
      break;
    case KI_DIRECTION:
      FIELD(get_int(c, &rec.direction, depth, "direction"));
      default_check(c, rec.direction.has && rec.direction.v == 1, ko, "direction");
      break;
    case KI_KIND:
      FIELD(get_int(c, &rec.kind, depth, "kind"));
      default_check(c, rec.kind.has && rec.kind.v == 0, ko, "kind");
      break;
    case KI_LIMIT: FIELD(get_num(c, &rec.limit, 0, depth, "limit")); break;
    case KI_BASE_YEAR: FIELD(get_int(c, &rec.base_year, depth, "baseline/year")); break;
    case KI_BASE_VALUE: FIELD(get_num(c, &rec.base_value, 0, depth, "baseline/value")); break;
    case KI_BASE_NOTE: FIELD(get_text(c, &rec.base_note, depth, "baseline/note")); break;
    case KI_NUM: FIELD(get_text(c, &rec.num, depth, "formula/numerator")); break;
    case KI_DEN: FIELD(get_text(c, &rec.den, depth, "formula/denominator")); break;
    case KI_FACTOR:
      FIELD(get_num(c, &rec.factor, 0, depth, "formula/factor"));
      default_check(c, rec.factor.has && rec.factor.v == 1.0, ko, "formula/factor");
      break;
    case KI_TARGETS: FIELD(get_list(c, depth + 1, "targets", el_target)); break;
    case KI_OBS: {
      int fast = fast_series(c, depth + 1);
      if (fast < 0) {
        c->rd.fatal = 1;
        c->rd.fatal_status = KHCN_ENOMEM;
        goto fatal;
      }
      if (!fast) FIELD(get_list(c, depth + 1, "observations", el_obs));
      break;
    }
    default: UNKNOWN(&rec.unknown);
    }
  }
  if (rc < 0) goto fatal;
  khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
  rc = khcn__commit_indicator(&c->rd, &rec, &c->s);
  khcn__scratch_reset(&c->s);
  return rc;
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int el_link(cr *c, size_t depth) {
  int indef = c->t == T_ARRAY_INDEF;
  if (!indef && !(c->t == T_ARRAY && c->u == 2)) return wrong_type(c, depth - 1, NULL, "an [id, weight] pair") < 0 ? -1 : 0;
  if (check_depth(c, depth) < 0) return -1;
  khcn__rec_link *l;
  if (khcn__scratch_link(&c->s, &l)) return c->rd.fatal = 1, c->rd.fatal_status = KHCN_ENOMEM, -1;
  int rc = get_text(c, &l->id, depth, "id");
  if (rc < 0) return -1;
  rc = get_num(c, &l->weight, 0, depth, "weight");
  if (rc < 0) return -1;
  if (indef) {
    if (next(c) < 0) return -1;
    if (c->t != T_BREAK) {
      DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, c->toff, NULL, "a link has more than 2 elements");
      return skip_current(c, depth) < 0 ? -1 : 0;
    }
  }
  if (!l->id.p || !l->weight.has) c->s.nl--;
  return 0;
}


static int el_node_typed(cr *c, size_t depth, khcn_node_type type) {
  khcn__rec_node rec;
  memset(&rec, 0, sizeof rec);
  rec.off = c->toff;
  khcn__scratch_reset(&c->s);
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KN_ID:
      FIELD(get_text(c, &rec.id, depth, "id"));
      khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
      if (rec.id.p) khcn__idx_prefetch(&c->rd.plan->node_map, khcn__idx_hash_n(rec.id.p, rec.id.n));
      break;
    case KN_PARENT: FIELD(get_text(c, &rec.parent, depth, "parent")); break;
    case KN_LABEL: FIELD(get_text(c, &rec.label, depth, "label")); break;
    case KN_TITLE: FIELD(get_text(c, &rec.title, depth, "title")); break;
    case KN_TEXT: FIELD(get_text(c, &rec.text, depth, "text")); break;
    case KN_WEIGHT:
      FIELD(get_num(c, &rec.weight, 0, depth, "weight"));
      default_check(c, rec.weight.has && rec.weight.v == 1.0, ko, "weight");
      break;
    case KN_LINKS: FIELD(get_list(c, depth + 1, "indicators", el_link)); break;
    default: UNKNOWN(&rec.unknown);
    }
  }
  if (rc < 0) goto fatal;
  khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
  rc = khcn__commit_node(&c->rd, type, &rec, &c->s);
  khcn__scratch_reset(&c->s);
  return rc;
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}
static int el_objective(cr *c, size_t depth) { return el_node_typed(c, depth, KHCN_NODE_OBJECTIVE); }
static int el_task(cr *c, size_t depth) { return el_node_typed(c, depth, KHCN_NODE_TASK); }

static int el_agency(cr *c, size_t depth) {
  khcn__rec_agency rec;
  memset(&rec, 0, sizeof rec);
  rec.off = c->toff;
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KA_ID:
      FIELD(get_text(c, &rec.id, depth, "id"));
      khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
      break;
    case KA_NAME: FIELD(get_text(c, &rec.name, depth, "name")); break;
    case KA_SHORT: FIELD(get_text(c, &rec.short_name, depth, "short_name")); break;
    case KA_PARENT: FIELD(get_text(c, &rec.parent, depth, "parent")); break;
    case KA_KIND:
      FIELD(get_int(c, &rec.kind, depth, "kind"));
      default_check(c, rec.kind.has && rec.kind.v == 0, ko, "kind");
      break;
    default: UNKNOWN(&rec.unknown);
    }
  }
  if (rc < 0) goto fatal;
  khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
  return khcn__commit_agency(&c->rd, &rec, &c->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int el_resp(cr *c, size_t depth) {
  khcn__rec_resp rec;
  memset(&rec, 0, sizeof rec);
  rec.off = c->toff;
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KR_TASK: FIELD(get_text(c, &rec.task, depth, "task")); break;
    case KR_AGENCY:
      FIELD(get_text(c, &rec.agency, depth, "agency"));
      khcn__rd_set_entity(&c->rd, rec.agency.p, rec.agency.n);
      break;
    case KR_ROLE: FIELD(get_int(c, &rec.role, depth, "role")); break;
    case KR_TO: FIELD(get_text(c, &rec.to, depth, "to")); break;
    case KR_DUE_YEAR: FIELD(get_int(c, &rec.due_year, depth, "due_year")); break;
    case KR_DUE_MONTH: FIELD(get_int(c, &rec.due_month, depth, "due_month")); break;
    case KR_DUE_DAY: FIELD(get_int(c, &rec.due_day, depth, "due_day")); break;
    case KR_EVERY:
      FIELD(get_int(c, &rec.every, depth, "every"));
      default_check(c, rec.every.has && rec.every.v == 0, ko, "every");
      break;
    case KR_NOTE: FIELD(get_text(c, &rec.note, depth, "note")); break;
    default: UNKNOWN(&rec.unknown);
    }
  }
  if (rc < 0) goto fatal;
  return khcn__commit_resp(&c->rd, &rec, &c->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int el_legal(cr *c, size_t depth) {
  khcn__rec_legal rec;
  memset(&rec, 0, sizeof rec);
  rec.off = c->toff;
  mi m;
  int rc = map_open(c, &m, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  uint64_t k;
  size_t ko;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KL_ID:
      FIELD(get_text(c, &rec.id, depth, "id"));
      khcn__rd_set_entity(&c->rd, rec.id.p, rec.id.n);
      break;
    case KL_NUMBER: FIELD(get_text(c, &rec.number, depth, "number")); break;
    case KL_TYPE:
      FIELD(get_int(c, &rec.type, depth, "type"));
      default_check(c, rec.type.has && rec.type.v == 0, ko, "type");
      break;
    case KL_DATE: FIELD(get_text(c, &rec.date, depth, "date")); break;
    case KL_ISSUER: FIELD(get_text(c, &rec.issuer, depth, "issuer")); break;
    case KL_TITLE: FIELD(get_text(c, &rec.title, depth, "title")); break;
    default: UNKNOWN(&rec.unknown);
    }
  }
  if (rc < 0) goto fatal;
  return khcn__commit_legal(&c->rd, &rec, &c->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int el_budget(cr *c, size_t depth) {
  (void)depth;
  if (c->t != T_TEXT && c->t != T_TEXT_INDEF) return wrong_type(c, depth, NULL, "a text string") < 0 ? -1 : 0;
  /* re-read through get_text for the checks */
  c->pos = c->toff;
  khcn__span v = {0};
  int rc = get_text(c, &v, depth, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  return khcn__commit_budget(&c->rd, &v, &c->s);
}

/* ---------------------------------------------------------- plan, doc */

/* The element count of the array about to be read, as a hint for sizing
 * indexes up front (no rehash while a national plan is read): capped by the
 * input, since each entity takes at least 8 bytes, and 0 for short,
 * indefinite or implausible arrays. */
static size_t count_hint(const cr *c) {
  unsigned major;
  uint64_t n;
  if (!head_at(c, c->pos, &major, &n) || major != 4) return 0;
  if (n > (c->len - c->pos) / 8) n = (c->len - c->pos) / 8;
  if (n < 1024 || n > c->rd.opt.max_entities) return 0;
  return (size_t)n;
}

static void presize(cr *c, khcn__idx *m) {
  size_t n = count_hint(c);
  if (n && !m->len && !m->cap && khcn__idx_reserve(m, n + 1) != KHCN_OK) khcn_error_clear(); /* grows by itself */
}

static const char *const plan_text_names[] = {"title", "issuer", "number", "date", "province", "signer",
                                              "signer_title", "purpose", "requirements", "lang"};

static int parse_plan(cr *c, size_t depth) {
  mi m;
  int rc = map_open(c, &m, depth, "plan");
  if (rc) return rc < 0 ? -1 : 0;
  khcn__rd_push(&c->rd, "plan", -1);
  uint64_t k;
  size_t ko, plan_off = c->toff;
  khcn__fint start = {0}, end = {0};
  int have_id = 0;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    c->rd.entity = NULL;
    if (k == KP_ID) {
      khcn__span v = {0};
      FIELD(rc = get_text(c, &v, depth, "id"));
      if (rc == 0) {
        FIELD(khcn__commit_plan_id(&c->rd, &v, &c->s));
        have_id = 1;
      }
    } else if (k >= KP_TEXT0 && k < KP_TEXT0 + KHCN_PLAN_FIELD_COUNT_) {
      khcn__span v = {0};
      FIELD(rc = get_text(c, &v, depth, plan_text_names[k - KP_TEXT0]));
      if (rc == 0) FIELD(khcn__commit_plan_text(&c->rd, (khcn_plan_field)(k - KP_TEXT0), &v, &c->s));
    } else {
      switch (k) {
      case KP_START: FIELD(get_int(c, &start, depth, "start")); break;
      case KP_END: FIELD(get_int(c, &end, depth, "end")); break;
      case KP_BUDGET: FIELD(get_list(c, depth + 1, "budget_sources", el_budget)); break;
      case KP_LEGAL: FIELD(get_list(c, depth + 1, "legal_bases", el_legal)); break;
      case KP_OBJECTIVES:
        presize(c, &c->rd.plan->node_map);
        FIELD(get_list(c, depth + 1, "objectives", el_objective));
        break;
      case KP_TASKS:
        presize(c, &c->rd.plan->node_map);
        FIELD(get_list(c, depth + 1, "tasks", el_task));
        break;
      case KP_INDICATORS:
        presize(c, &c->rd.plan->ind_map);
        FIELD(get_list(c, depth + 1, "indicators", el_indicator));
        break;
      case KP_AGENCIES:
        presize(c, &c->rd.plan->agency_map);
        FIELD(get_list(c, depth + 1, "agencies", el_agency));
        break;
      case KP_RESP: {
        size_t n = count_hint(c);
        if (n && khcn__plan_resp_reserve(c->rd.plan, n) != KHCN_OK) khcn_error_clear(); /* grows by itself */
        FIELD(get_list(c, depth + 1, "responsibilities", el_resp));
        break;
      }
      default: FIELD(get_unknown(c, &c->rd.plan->unknown, k, depth));
      }
    }
  }
  if (rc < 0) goto fatal;
  c->rd.entity = NULL;
  if (!have_id) DIAG(c, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, plan_off, "id", "required field \"id\" is missing");
  if (start.has || end.has) {
    if (!start.has || !end.has) {
      DIAG(c, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, plan_off, start.has ? "end" : "start",
           "a period needs both start and end");
    } else {
      khcn_status st = khcn_plan_set_period(c->rd.plan, (int)(start.v < -99999 ? -99999 : start.v > 99999 ? 99999 : start.v),
                                            (int)(end.v < -99999 ? -99999 : end.v > 99999 ? 99999 : end.v));
      if (st == KHCN_ENOMEM) goto fatal;
      if (st) DIAG(c, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, start.off, "start", "%s", khcn_error_last()->message);
    }
  }
  khcn__rd_pop(&c->rd);
  return c->rd.fatal ? -1 : 0;
fatal:
  khcn__rd_pop(&c->rd);
  return -1;
}

/* [major, minor]; returns 0 and sets *ok when the version is usable */
static int parse_version(cr *c, size_t depth, int *ok) {
  *ok = 0;
  if (next(c) < 0) return -1;
  size_t off = c->toff;
  int indef = c->t == T_ARRAY_INDEF;
  if (!indef && !(c->t == T_ARRAY && c->u == 2)) {
    DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, off, "version", "format version is not [major, minor]");
    return -1;
  }
  if (check_depth(c, depth + 1) < 0) return -1;
  khcn__fint major = {0}, minor = {0};
  if (get_int(c, &major, depth + 1, "version") || get_int(c, &minor, depth + 1, "version")) {
    DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, off, "version", "format version is not [major, minor]");
    return -1;
  }
  if ((indef && (next(c) < 0 || c->t != T_BREAK)) || major.v < 0 || minor.v < 0) {
    DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, off, "version", "format version is not [major, minor]");
    return -1;
  }
  if (major.v != KHCN_FORMAT_MAJOR) {
    DIAG(c, KHCN_DIAG_VERSION, KHCN_SEV_FATAL, off, "version",
         "format version %lld.%lld is not supported (this library reads %d.x)", (long long)major.v,
         (long long)minor.v, KHCN_FORMAT_MAJOR);
    return -1;
  }
  if (minor.v > KHCN_FORMAT_MINOR)
    DIAG(c, KHCN_DIAG_NEWER_MINOR, KHCN_SEV_INFO, off, "version",
         "format version %lld.%lld is newer than %d.%d: fields this library does not know are kept as they are",
         (long long)major.v, (long long)minor.v, KHCN_FORMAT_MAJOR, KHCN_FORMAT_MINOR);
  *ok = 1;
  return 0;
}

/* Pre-scan a doc map whose first key is not the version (non-canonical
 * order): find and check the version before anything else. */
static int prescan_version(cr *c, const mi *m0, size_t depth, int *found) {
  size_t save = c->pos;
  mi m = *m0;
  uint64_t k;
  size_t ko;
  int rc;
  *found = 0;
  c->rd.quiet = 1;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    if (k == KD_VERSION) {
      c->rd.quiet = 0;
      int ok;
      if (parse_version(c, depth, &ok) < 0) return -1;
      *found = 1;
      break;
    }
    if (next(c) < 0 || skip_current(c, depth) < 0) break;
  }
  c->rd.quiet = 0;
  c->rd.fatal = 0; /* the main pass reports it */
  c->pos = save;
  return 0;
}

static int parse_doc(cr *c, size_t depth) {
  mi m;
  size_t doc_off = c->toff;
  if (c->t != T_MAP && c->t != T_MAP_INDEF) {
    DIAG(c, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, c->toff, NULL, "the document is %s, not a map", major_name(c->t));
    return -1;
  }
  if (map_open(c, &m, depth, NULL) < 0) return -1;
  /* canonical files start with key 0; otherwise look for it first */
  int have_version = 0, have_plan = 0;
  if (!(c->pos < c->len && c->data[c->pos] == 0x00)) {
    int found;
    if (prescan_version(c, &m, depth, &found) < 0) return -1;
    if (!found) {
      DIAG(c, KHCN_DIAG_MISSING, KHCN_SEV_FATAL, doc_off, "version", "the format version (key 0) is missing");
      return -1;
    }
    have_version = 1;
  }
  uint64_t k;
  size_t ko;
  int rc;
  while ((rc = map_key(c, &m, depth, &k, &ko)) > 0) {
    switch (k) {
    case KD_VERSION: {
      int ok;
      if (have_version) {
        FIELD(next(c));
        FIELD(skip_current(c, depth));
      } else {
        FIELD(parse_version(c, depth, &ok));
        have_version = 1;
      }
      break;
    }
    case KD_PLAN:
      FIELD(next(c));
      FIELD(parse_plan(c, depth + 1));
      have_plan = 1;
      break;
    default: FIELD(get_unknown(c, &c->rd.plan->doc_unknown, k, depth));
    }
  }
  if (rc < 0) goto fatal;
  if (!have_version) {
    DIAG(c, KHCN_DIAG_MISSING, KHCN_SEV_FATAL, doc_off, "version", "the format version (key 0) is missing");
    return -1;
  }
  if (!have_plan) DIAG(c, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, doc_off, "plan", "the plan (key 1) is missing");
  return c->rd.fatal ? -1 : 0;
fatal:
  return -1;
}

static void cr_free(cr *c) {
  khcn__scratch_free(&c->s);
  khcn__arena_free(&c->strings);
}

khcn_status khcn_cbor_read(khcn_plan **out, const void *data, size_t len, const khcn_read_options *opts,
                           khcn_diags *diags) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_cbor_read: out is NULL");
  *out = NULL;
  if (!data && len) return khcn__err(KHCN_EINVAL, "khcn_cbor_read: data is NULL");
  if (opts && opts->version != KHCN_READ_OPTIONS_VERSION)
    return khcn__err(KHCN_EVERSION, "khcn_cbor_read: unknown options version %u", opts->version);
  cr c;
  memset(&c, 0, sizeof c);
  khcn__rd_init(&c.rd, opts, diags);
  c.data = data;
  c.len = len;
  c.fast = !(c.rd.opt.flags & KHCN__READ_LIBCBOR_ONLY);
  c.lenient_fast = c.fast && !c.rd.strict;
  khcn_status st = khcn_plan_new(&c.rd.plan, "x");
  if (st) return st;
  if (len == 0) {
    DIAG(&c, KHCN_DIAG_EMPTY, KHCN_SEV_FATAL, 0, NULL, "the input is empty");
  } else if (len > c.rd.opt.max_size) {
    DIAG(&c, KHCN_DIAG_FILE_TOO_LARGE, KHCN_SEV_FATAL, 0, NULL, "the input has %zu bytes, more than the limit of %zu",
         len, c.rd.opt.max_size);
  } else if (next(&c) == 0) {
    int ok = 1;
    if (c.t == T_TAG && c.u == KHCN__TAG_SELF_DESCRIBE) {
      ok = next(&c) == 0;
    } else if (c.rd.strict) {
      DIAG(&c, KHCN_DIAG_NO_SELF_DESCRIBE, KHCN_SEV_ERROR, 0, NULL, "the file does not start with tag 55799");
    }
    if (ok) {
      if (!(c.t == T_TAG && c.u == KHCN__TAG_KHCN)) {
        DIAG(&c, KHCN_DIAG_NOT_KHCN, KHCN_SEV_FATAL, c.toff, NULL,
             "not a libkhcn file: tag 1263027022 (\"KHCN\") expected, found %s", major_name(c.t));
      } else if (next(&c) == 0 && parse_doc(&c, 3) == 0) {
        if (c.pos != c.len)
          DIAG(&c, KHCN_DIAG_TRAILING, KHCN_SEV_FATAL, c.pos, NULL, "%zu bytes after the end of the document",
               c.len - c.pos);
      }
    }
  }
  st = khcn__rd_result(&c.rd);
  if (st == KHCN_OK && (c.rd.opt.flags & KHCN_READ_VALIDATE)) {
    uint32_t vf = (c.rd.opt.flags & KHCN_READ_VALIDATE_STRICT) ? KHCN_VALIDATE_STRICT : 0;
    khcn_status vs = khcn_plan_validate(c.rd.plan, diags, vf);
    if (vs == KHCN_EINVALID) {
      cr_free(&c);
      khcn_plan_free(c.rd.plan);
      return khcn__err(KHCN_EINVALID, "the plan does not validate");
    }
    if (vs) st = vs;
  }
  cr_free(&c);
  if (st) {
    khcn_plan_free(c.rd.plan);
    return khcn__rd_seterr(&c.rd, st);
  }
  khcn__plan_resp_index_drop(c.rd.plan);
  *out = c.rd.plan;
  return KHCN_OK;
}
