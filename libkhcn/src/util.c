/* Arena, vector, string map, string builder, text and id checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal/util.h"
#include "khcn/plan.h"

/* ------------------------------------------------------------- arena */

struct khcn__arena_chunk {
  khcn__arena_chunk *next;
  size_t size;
  _Alignas(16) unsigned char data[];
};

#define KHCN__ARENA_CHUNK 65536u

/* n bytes at the given alignment (8 or 1), zeroed unless !zero */
static void *arena_take(khcn__arena *a, size_t n, size_t align, int zero) {
  if (n == 0) n = 1;
  size_t at = (a->used + align - 1) & ~(align - 1);
  if (!a->head || at > a->cap || a->cap - at < n) {
    size_t sz = n > KHCN__ARENA_CHUNK / 4 ? (n + 7u) & ~(size_t)7u : KHCN__ARENA_CHUNK;
    khcn__arena_chunk *c = khcn__malloc(sizeof *c + sz);
    if (!c) {
      khcn__nomem("plan storage");
      return NULL;
    }
    c->size = sz;
    if (sz != KHCN__ARENA_CHUNK && a->head) {
      /* a large block: keep the current chunk for further small allocs */
      c->next = a->head->next;
      a->head->next = c;
      if (zero) memset(c->data, 0, n);
      return c->data;
    }
    c->next = a->head;
    a->head = c;
    a->used = 0;
    a->cap = sz;
    at = 0;
  }
  void *p = a->head->data + at;
  a->used = at + n;
  if (zero) memset(p, 0, n);
  return p;
}

void *khcn__arena_alloc(khcn__arena *a, size_t n) { return arena_take(a, n, 8, 1); }

const char *khcn__arena_strndup(khcn__arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  char *d = arena_take(a, n + 1, 1, 0); /* text needs no alignment */
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

const char *khcn__arena_strdup(khcn__arena *a, const char *s) {
  return s ? khcn__arena_strndup(a, s, strlen(s)) : NULL;
}

void khcn__arena_free(khcn__arena *a) {
  khcn__arena_chunk *c = a->head;
  while (c) {
    khcn__arena_chunk *n = c->next;
    khcn__free(c);
    c = n;
  }
  a->head = NULL;
  a->used = a->cap = 0;
}

/* ------------------------------------------------------------ vector */

khcn_status khcn__vec_reserve(khcn__vec *v, size_t n) {
  if (n <= v->cap) return KHCN_OK;
  size_t cap = v->cap ? v->cap : 4;
  while (cap < n) {
    if (cap > SIZE_MAX / 2 / v->elem) return khcn__err(KHCN_ELIMIT, "too many elements (%zu)", n);
    cap *= 2;
  }
  void *d = khcn__realloc(v->data, cap * v->elem);
  if (!d) return khcn__nomem("a list");
  v->data = d;
  v->cap = cap;
  return KHCN_OK;
}

khcn_status khcn__vec_push(khcn__vec *v, const void *elem) {
  if (v->len == v->cap) {
    khcn_status st = khcn__vec_reserve(v, v->len + 1);
    if (st) return st;
  }
  memcpy((unsigned char *)v->data + v->len * v->elem, elem, v->elem);
  v->len++;
  return KHCN_OK;
}

void khcn__vec_shrink(khcn__vec *v) {
  if (v->len == v->cap || !v->len) return;
  void *d = khcn__realloc(v->data, v->len * v->elem);
  if (!d) return; /* keeps the larger block */
  v->data = d;
  v->cap = v->len;
}

void khcn__vec_remove(khcn__vec *v, size_t i) {
  if (i >= v->len) return;
  unsigned char *d = v->data;
  memmove(d + i * v->elem, d + (i + 1) * v->elem, (v->len - i - 1) * v->elem);
  v->len--;
}

void khcn__vec_free(khcn__vec *v) {
  khcn__free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

/* --------------------------------------------------------------- map */

uint64_t khcn__hash(const char *s) {
  /* FNV-1a 64 with a final avalanche */
  uint64_t h = 1469598103934665603ull;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    h ^= *p;
    h *= 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

static khcn_status map_rehash(khcn__map *m, size_t cap) {
  const char **keys = khcn__calloc(cap, sizeof *keys);
  void **vals = khcn__calloc(cap, sizeof *vals);
  if (!keys || !vals) {
    khcn__free(keys);
    khcn__free(vals);
    return khcn__nomem("an index");
  }
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = (size_t)khcn__hash(m->keys[i]) & (cap - 1);
    while (keys[j]) j = (j + 1) & (cap - 1);
    keys[j] = m->keys[i];
    vals[j] = m->vals[i];
  }
  khcn__free(m->keys);
  khcn__free(m->vals);
  m->keys = keys;
  m->vals = vals;
  m->cap = cap;
  return KHCN_OK;
}

static khcn_status map_grow(khcn__map *m) { return map_rehash(m, m->cap ? m->cap * 2 : 16); }

khcn_status khcn__map_reserve(khcn__map *m, size_t n) {
  if (n > SIZE_MAX / 8) return khcn__err(KHCN_ELIMIT, "an index of %zu entries is too large", n);
  size_t cap = m->cap ? m->cap : 16;
  while (n * 4 > cap * 3) cap *= 2;
  return cap == m->cap ? KHCN_OK : map_rehash(m, cap);
}

static khcn_status map_insert(khcn__map *m, const char *key, void *val, int replace) {
  if ((m->len + 1) * 4 > m->cap * 3) {
    khcn_status st = map_grow(m);
    if (st) return st;
  }
  size_t j = (size_t)khcn__hash(key) & (m->cap - 1);
  while (m->keys[j]) {
    if (strcmp(m->keys[j], key) == 0) {
      if (!replace) return KHCN_EEXISTS;
      m->vals[j] = val;
      return KHCN_OK;
    }
    j = (j + 1) & (m->cap - 1);
  }
  m->keys[j] = key;
  m->vals[j] = val;
  m->len++;
  return KHCN_OK;
}

khcn_status khcn__map_put(khcn__map *m, const char *key, void *val) { return map_insert(m, key, val, 1); }
khcn_status khcn__map_add(khcn__map *m, const char *key, void *val) { return map_insert(m, key, val, 0); }

void *khcn__map_get(const khcn__map *m, const char *key) {
  if (!m->cap || !key) return NULL;
  size_t j = (size_t)khcn__hash(key) & (m->cap - 1);
  while (m->keys[j]) {
    if (strcmp(m->keys[j], key) == 0) return m->vals[j];
    j = (j + 1) & (m->cap - 1);
  }
  return NULL;
}

void khcn__map_free(khcn__map *m) {
  khcn__free(m->keys);
  khcn__free(m->vals);
  m->keys = NULL;
  m->vals = NULL;
  m->cap = m->len = 0;
}

/* ---------------------------------------------------- string builder */

static int sb_grow(khcn__sb *sb, size_t extra) {
  if (sb->failed) return 0;
  if (sb->len + extra + 1 <= sb->cap) return 1;
  size_t cap = sb->cap ? sb->cap : 256;
  while (cap < sb->len + extra + 1) {
    if (cap > SIZE_MAX / 2) {
      sb->failed = 1;
      return 0;
    }
    cap *= 2;
  }
  char *p = khcn__realloc(sb->ptr, cap);
  if (!p) {
    sb->failed = 1;
    return 0;
  }
  sb->ptr = p;
  sb->cap = cap;
  return 1;
}

void khcn__sb_putn(khcn__sb *sb, const char *s, size_t n) {
  if (!sb_grow(sb, n)) return;
  memcpy(sb->ptr + sb->len, s, n);
  sb->len += n;
  sb->ptr[sb->len] = '\0';
}

void khcn__sb_puts(khcn__sb *sb, const char *s) { khcn__sb_putn(sb, s, strlen(s)); }

void khcn__sb_putc(khcn__sb *sb, char c) {
  if (!sb_grow(sb, 1)) return;
  sb->ptr[sb->len++] = c;
  sb->ptr[sb->len] = '\0';
}

void khcn__sb_printf(khcn__sb *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    sb->failed = 1;
    return;
  }
  if ((size_t)n < sizeof small) {
    khcn__sb_putn(sb, small, (size_t)n);
    return;
  }
  if (!sb_grow(sb, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(sb->ptr + sb->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sb->len += (size_t)n;
}

khcn_status khcn__sb_finish(khcn__sb *sb, khcn_buf *out) {
  if (sb->failed) {
    khcn__sb_free(sb);
    return khcn__nomem("output text");
  }
  if (!sb->ptr && !sb_grow(sb, 0)) return khcn__nomem("output text");
  sb->ptr[sb->len] = '\0';
  out->ptr = (unsigned char *)sb->ptr;
  out->size = sb->len;
  sb->ptr = NULL;
  sb->len = sb->cap = 0;
  return KHCN_OK;
}

void khcn__sb_free(khcn__sb *sb) {
  khcn__free(sb->ptr);
  sb->ptr = NULL;
  sb->len = sb->cap = 0;
  sb->failed = 0;
}

/* ------------------------------------------------------------ checks */

int khcn_utf8_valid(const char *str, size_t len) {
  if (!str) return 0;
  const unsigned char *s = (const unsigned char *)str, *e = s + len;
  while (s < e) {
    unsigned c = *s;
    if (c == 0) return 0;
    if (c < 0x80) {
      s++;
      continue;
    }
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; c &= 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; c &= 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; c &= 0x07; }
    else return 0;
    if ((size_t)(e - s) <= n) return 0;
    for (size_t i = 1; i <= n; i++) {
      if ((s[i] & 0xC0) != 0x80) return 0;
      c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    s += n + 1;
  }
  return 1;
}

int khcn__id_valid_n(const char *s, size_t n) {
  /* 1: may start an id (ASCII letter or digit); 2: may follow ('.', '_', ':', '-' too) */
  static const unsigned char cls[256] = {
      ['-'] = 2, ['.'] = 2, [':'] = 2, ['_'] = 2,
      ['0'] = 3, ['1'] = 3, ['2'] = 3, ['3'] = 3, ['4'] = 3, ['5'] = 3, ['6'] = 3, ['7'] = 3, ['8'] = 3, ['9'] = 3,
      ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3,
      ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3,
      ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3,
      ['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3, ['h'] = 3, ['i'] = 3, ['j'] = 3,
      ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3, ['s'] = 3, ['t'] = 3,
      ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3, ['y'] = 3, ['z'] = 3,
  };
  if (n < 1 || n > 64 || !(cls[(unsigned char)s[0]] & 1)) return 0;
  unsigned all = 2;
  for (size_t i = 1; i < n; i++) all &= cls[(unsigned char)s[i]];
  return all != 0;
}

int khcn_id_valid(const char *s) {
  if (!s) return 0;
  size_t n = strnlen(s, 65);
  return khcn__id_valid_n(s, n);
}

int khcn__year_valid(long y) { return y >= 1900 && y <= 2200; }

int khcn_date_valid(const char *s) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (!s) return 0;
  size_t n = strlen(s);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return 0;
    } else if (s[i] < '0' || s[i] > '9') {
      return 0;
    }
  }
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (y < 1 ) return 0;
  if (n == 4) return 1;
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  if (m < 1 || m > 12) return 0;
  if (n == 7) return 1;
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (d < 1 || d > mdays[m - 1]) return 0;
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
  return 1;
}

khcn_status khcn__check_text(const char *s, const char *what) {
  if (s && !khcn_utf8_valid(s, strlen(s)))
    return khcn__err(KHCN_EINVAL, "%s is not valid UTF-8", what);
  return KHCN_OK;
}

khcn_status khcn__check_id(const char *s, const char *what) {
  if (!s) return khcn__err(KHCN_EINVAL, "%s is missing", what);
  if (!khcn_id_valid(s))
    return khcn__err(KHCN_EINVAL, "%s \"%.80s\" is not a valid id ([A-Za-z0-9][A-Za-z0-9._:-]{0,63})", what, s);
  return KHCN_OK;
}
