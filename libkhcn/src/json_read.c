/*
 * JSON reader: a small strict RFC 8259 parser into a bounded tree (depth,
 * size and string limits; UTF-8 checked; duplicate names refused), then a
 * walk of the tree that fills the same entity records as the CBOR reader.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/io.h"

enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jn {
  int type;
  size_t off;
  const char *s; /* string (NUL-terminated, arena) or number text */
  size_t n;
  double d;
  int is_int;
  struct jn *child, *next; /* arrays and objects */
  const char *key;         /* member name */
  size_t keyn, koff;
  size_t count;
} jn;

typedef struct jr {
  khcn__rd rd;
  const unsigned char *p;
  size_t len, pos;
  khcn__arena a;
  khcn__rec_scratch s;
} jr;

#define DIAG(j, code, sev, off, field, ...) khcn__rd_diag(&(j)->rd, (code), (sev), (off), (field), __VA_ARGS__)

static void ws(jr *j) {
  while (j->pos < j->len) {
    unsigned char c = j->p[j->pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') j->pos++;
    else break;
  }
}

static jn *node(jr *j, int type) {
  jn *n = khcn__arena_alloc(&j->a, sizeof *n);
  if (!n) {
    j->rd.fatal = 1;
    j->rd.fatal_status = KHCN_ENOMEM;
    return NULL;
  }
  n->type = type;
  n->off = j->pos;
  return n;
}

static int syntax(jr *j, const char *what) {
  if (j->pos >= j->len)
    DIAG(j, KHCN_DIAG_TRUNCATED, KHCN_SEV_FATAL, j->pos, NULL, "JSON ends early: %s", what);
  else
    DIAG(j, KHCN_DIAG_MALFORMED, KHCN_SEV_FATAL, j->pos, NULL, "JSON syntax error: %s", what);
  return -1;
}

static int hex4(const unsigned char *p, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    unsigned c = p[i], d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  *out = v;
  return 0;
}

/* string at j->pos (after the quote check); decoded into the arena */
static int parse_string(jr *j, const char **out, size_t *outn) {
  size_t start = ++j->pos, n = 0;
  int esc = 0;
  /* pass 1: find the end, validate, measure */
  while (1) {
    if (j->pos >= j->len) return syntax(j, "unterminated string");
    unsigned char c = j->p[j->pos];
    if (c == '"') break;
    if (c < 0x20) return syntax(j, "control character in a string");
    if (c == '\\') {
      esc = 1;
      j->pos++;
      if (j->pos >= j->len) return syntax(j, "unterminated string");
      c = j->p[j->pos];
      if (c == 'u') {
        if (j->len - j->pos < 5) return syntax(j, "bad \\u escape");
        j->pos += 5;
        n += 4;
        continue;
      }
      if (!strchr("\"\\/bfnrt", c)) return syntax(j, "bad escape");
      j->pos++;
      n++;
      continue;
    }
    j->pos++;
    n++;
  }
  size_t end = j->pos;
  j->pos++;
  if (n > j->rd.opt.max_text) {
    DIAG(j, KHCN_DIAG_TEXT_TOO_LONG, KHCN_SEV_FATAL, start - 1, NULL, "string of %zu bytes exceeds the limit of %zu", n,
         j->rd.opt.max_text);
    return -1;
  }
  if (!esc) {
    if (khcn__utf8_check(j->p + start, end - start, 1) != SIZE_MAX) {
      DIAG(j, KHCN_DIAG_UTF8, KHCN_SEV_FATAL, start - 1, NULL, "string is not valid UTF-8");
      return -1;
    }
    char *d = khcn__arena_alloc(&j->a, end - start + 1);
    if (!d) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
    memcpy(d, j->p + start, end - start);
    *out = d;
    *outn = end - start;
    return 0;
  }
  char *d = khcn__arena_alloc(&j->a, n + 1);
  if (!d) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
  size_t o = 0;
  for (size_t i = start; i < end;) {
    unsigned char c = j->p[i];
    if (c != '\\') {
      d[o++] = (char)c;
      i++;
      continue;
    }
    c = j->p[i + 1];
    i += 2;
    switch (c) {
    case 'b': d[o++] = '\b'; break;
    case 'f': d[o++] = '\f'; break;
    case 'n': d[o++] = '\n'; break;
    case 'r': d[o++] = '\r'; break;
    case 't': d[o++] = '\t'; break;
    case 'u': {
      unsigned cp;
      if (hex4(j->p + i, &cp) < 0) {
        j->pos = i;
        return syntax(j, "bad \\u escape");
      }
      i += 4;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        unsigned lo;
        if (end - i < 6 || j->p[i] != '\\' || j->p[i + 1] != 'u' || hex4(j->p + i + 2, &lo) < 0 || lo < 0xdc00 ||
            lo > 0xdfff) {
          j->pos = i;
          return syntax(j, "unpaired surrogate in a \\u escape");
        }
        i += 6;
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
      } else if (cp >= 0xdc00 && cp <= 0xdfff) {
        j->pos = i;
        return syntax(j, "unpaired surrogate in a \\u escape");
      }
      if (cp < 0x80) d[o++] = (char)cp;
      else if (cp < 0x800) {
        d[o++] = (char)(0xc0 | cp >> 6);
        d[o++] = (char)(0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        d[o++] = (char)(0xe0 | cp >> 12);
        d[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        d[o++] = (char)(0x80 | (cp & 0x3f));
      } else {
        d[o++] = (char)(0xf0 | cp >> 18);
        d[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
        d[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        d[o++] = (char)(0x80 | (cp & 0x3f));
      }
      break;
    }
    default: d[o++] = (char)c; break;
    }
  }
  if (khcn__utf8_check((const unsigned char *)d, o, 1) != SIZE_MAX) {
    DIAG(j, KHCN_DIAG_UTF8, KHCN_SEV_FATAL, start - 1, NULL, "string is not valid UTF-8");
    return -1;
  }
  d[o] = 0;
  *out = d;
  *outn = o;
  return 0;
}

static int cmp_keys(const void *a, const void *b) {
  const jn *x = *(const jn *const *)a, *y = *(const jn *const *)b;
  size_t n = x->keyn < y->keyn ? x->keyn : y->keyn;
  int c = memcmp(x->key, y->key, n);
  if (c) return c;
  return x->keyn < y->keyn ? -1 : x->keyn > y->keyn;
}

static jn *parse_value(jr *j, size_t depth);

static jn *parse_container(jr *j, size_t depth, int is_obj) {
  jn *n = node(j, is_obj ? J_OBJ : J_ARR);
  if (!n) return NULL;
  if (depth > j->rd.opt.max_depth) {
    DIAG(j, KHCN_DIAG_DEPTH, KHCN_SEV_FATAL, j->pos, NULL, "JSON nested deeper than %zu", j->rd.opt.max_depth);
    return NULL;
  }
  j->pos++;
  ws(j);
  jn **tail = &n->child;
  if (j->pos < j->len && j->p[j->pos] == (is_obj ? '}' : ']')) {
    j->pos++;
    return n;
  }
  for (;;) {
    const char *k = NULL;
    size_t kn = 0, koff = j->pos;
    if (is_obj) {
      if (j->pos >= j->len || j->p[j->pos] != '"') return syntax(j, "member name expected"), NULL;
      if (parse_string(j, &k, &kn) < 0) return NULL;
      ws(j);
      if (j->pos >= j->len || j->p[j->pos] != ':') return syntax(j, "':' expected"), NULL;
      j->pos++;
    }
    jn *v = parse_value(j, depth + 1);
    if (!v) return NULL;
    v->key = k;
    v->keyn = kn;
    v->koff = koff;
    *tail = v;
    tail = &v->next;
    n->count++;
    ws(j);
    if (j->pos >= j->len) return syntax(j, "unterminated array or object"), NULL;
    unsigned char c = j->p[j->pos];
    if (c == ',') {
      j->pos++;
      ws(j);
      continue;
    }
    if (c == (is_obj ? '}' : ']')) {
      j->pos++;
      break;
    }
    return syntax(j, is_obj ? "',' or '}' expected" : "',' or ']' expected"), NULL;
  }
  if (is_obj && n->count > 1) {
    jn **v = khcn__malloc(n->count * sizeof *v);
    if (!v) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, NULL;
    size_t i = 0;
    for (jn *c = n->child; c; c = c->next) v[i++] = c;
    qsort(v, n->count, sizeof *v, cmp_keys);
    for (i = 1; i < n->count; i++)
      if (cmp_keys(&v[i - 1], &v[i]) == 0) {
        const jn *d = v[i - 1]->koff > v[i]->koff ? v[i - 1] : v[i];
        DIAG(j, KHCN_DIAG_DUPLICATE_KEY, KHCN_SEV_ERROR, d->koff, NULL, "member \"%.*s\" appears twice",
             (int)(d->keyn > 64 ? 64 : d->keyn), d->key);
        break;
      }
    khcn__free(v);
  }
  return n;
}

static jn *parse_value(jr *j, size_t depth) {
  ws(j);
  if (j->rd.fatal) return NULL;
  if (j->pos >= j->len) return syntax(j, "a value expected"), NULL;
  unsigned char c = j->p[j->pos];
  if (c == '{' || c == '[') return parse_container(j, depth, c == '{');
  if (c == '"') {
    jn *n = node(j, J_STR);
    if (!n || parse_string(j, &n->s, &n->n) < 0) return NULL;
    return n;
  }
  static const struct {
    const char *w;
    int t;
  } words[] = {{"null", J_NULL}, {"true", J_TRUE}, {"false", J_FALSE}};
  for (int i = 0; i < 3; i++) {
    size_t l = strlen(words[i].w);
    if (j->len - j->pos >= l && memcmp(j->p + j->pos, words[i].w, l) == 0) {
      jn *n = node(j, words[i].t);
      j->pos += l;
      return n;
    }
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    size_t s = j->pos, i = j->pos;
    int is_int = 1;
    if (j->p[i] == '-') i++;
    if (i < j->len && j->p[i] == '0') i++;
    else if (i < j->len && j->p[i] >= '1' && j->p[i] <= '9')
      while (i < j->len && j->p[i] >= '0' && j->p[i] <= '9') i++;
    else {
      j->pos = i;
      return syntax(j, "bad number"), NULL;
    }
    if (i < j->len && j->p[i] == '.') {
      is_int = 0;
      i++;
      if (!(i < j->len && j->p[i] >= '0' && j->p[i] <= '9')) return j->pos = i, syntax(j, "bad number"), NULL;
      while (i < j->len && j->p[i] >= '0' && j->p[i] <= '9') i++;
    }
    if (i < j->len && (j->p[i] == 'e' || j->p[i] == 'E')) {
      is_int = 0;
      i++;
      if (i < j->len && (j->p[i] == '+' || j->p[i] == '-')) i++;
      if (!(i < j->len && j->p[i] >= '0' && j->p[i] <= '9')) return j->pos = i, syntax(j, "bad number"), NULL;
      while (i < j->len && j->p[i] >= '0' && j->p[i] <= '9') i++;
    }
    jn *n = node(j, J_NUM);
    if (!n) return NULL;
    char buf[512];
    size_t l = i - s;
    if (l >= sizeof buf) {
      DIAG(j, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, s, NULL, "number with more than 500 characters");
      l = 1;
      memcpy(buf, "0", 2);
    } else {
      memcpy(buf, j->p + s, l);
      buf[l] = 0;
    }
    n->d = strtod(buf, NULL);
    n->is_int = is_int || (isfinite(n->d) && n->d == floor(n->d) && fabs(n->d) < 9007199254740992.0);
    j->pos = i;
    return n;
  }
  return syntax(j, "a value expected"), NULL;
}

/* ------------------------------------------------------------ walk */

static const char *tname(int t) {
  static const char *const names[] = {"null", "false", "true", "a number", "a string", "an array", "an object"};
  return names[t];
}

static int bad_type(jr *j, const jn *v, const char *field, const char *expected) {
  DIAG(j, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, v->off, field, "expected %s, found %s", expected, tname(v->type));
  return j->rd.fatal ? -1 : 1;
}

static int j_text(jr *j, const jn *v, khcn__span *out, const char *field) {
  if (v->type == J_NULL) return 0;
  if (v->type != J_STR) return bad_type(j, v, field, "a string");
  if (memchr(v->s, 0, v->n)) {
    DIAG(j, KHCN_DIAG_UTF8, KHCN_SEV_ERROR, v->off, field, "text holds a NUL character");
    return j->rd.fatal ? -1 : 1;
  }
  out->p = v->s;
  out->n = v->n;
  out->off = v->off;
  return 0;
}

static int j_int(jr *j, const jn *v, khcn__fint *out, const char *field) {
  if (v->type == J_NULL) return 0;
  if (v->type != J_NUM || !v->is_int || fabs(v->d) > 9007199254740992.0) return bad_type(j, v, field, "an integer");
  out->has = 1;
  out->v = (int64_t)v->d;
  out->off = v->off;
  return 0;
}

static int j_bool(jr *j, const jn *v, khcn__fint *out, const char *field) {
  if (v->type == J_NULL) return 0;
  if (v->type != J_TRUE && v->type != J_FALSE) return bad_type(j, v, field, "true or false");
  out->has = 1;
  out->v = v->type == J_TRUE;
  out->off = v->off;
  return 0;
}

static int j_num(jr *j, const jn *v, khcn__fnum *out, int allow_null, const char *field) {
  if (v->type == J_NULL) {
    if (allow_null) {
      out->has = 1;
      out->is_null = 1;
      out->v = NAN;
      out->off = v->off;
    }
    return 0;
  }
  if (v->type != J_NUM) return bad_type(j, v, field, "a number");
  if (!isfinite(v->d)) {
    DIAG(j, KHCN_DIAG_NOT_FINITE, KHCN_SEV_ERROR, v->off, field, "number out of the range of a double");
    return j->rd.fatal ? -1 : 1;
  }
  out->has = 1;
  out->v = v->d;
  out->off = v->off;
  return 0;
}

typedef khcn_status (*parse_fn)(void *out, const char *name);

static int j_enum(jr *j, const jn *v, khcn__fint *out, parse_fn fn, const char *field) {
  if (v->type == J_NULL) return 0;
  if (v->type != J_STR) return bad_type(j, v, field, "a name");
  int e = 0;
  if (fn(&e, v->s) != KHCN_OK) {
    DIAG(j, KHCN_DIAG_ENUM, KHCN_SEV_ERROR, v->off, field, "unknown %s \"%.40s\"", field, v->s);
    return j->rd.fatal ? -1 : 1;
  }
  out->has = 1;
  out->v = e;
  out->off = v->off;
  return 0;
}

static khcn_status p_measure(void *o, const char *n) { return khcn_measure_parse((khcn_measure *)o, n); }
static khcn_status p_cmp(void *o, const char *n) { return khcn_comparator_parse((khcn_comparator *)o, n); }
static khcn_status p_status(void *o, const char *n) { return khcn_obs_status_parse((khcn_obs_status *)o, n); }
static khcn_status p_role(void *o, const char *n) { return khcn_role_parse((khcn_role *)o, n); }
static khcn_status p_every(void *o, const char *n) { return khcn_recurrence_parse((khcn_recurrence *)o, n); }
static khcn_status p_doctype(void *o, const char *n) { return khcn_doc_type_parse((khcn_doc_type *)o, n); }
static khcn_status p_agkind(void *o, const char *n) { return khcn_agency_kind_parse((khcn_agency_kind *)o, n); }
static khcn_status p_kind(void *o, const char *n) {
  if (strcmp(n, "stock") == 0) *(int *)o = KHCN_KIND_STOCK;
  else if (strcmp(n, "flow") == 0) *(int *)o = KHCN_KIND_FLOW;
  else return KHCN_EINVAL;
  return KHCN_OK;
}

static int unknown_field(jr *j, const jn *v) {
  DIAG(j, KHCN_DIAG_UNKNOWN_FIELD, KHCN_SEV_ERROR, v->koff, NULL, "unknown field \"%.64s\"", v->key);
  return j->rd.fatal ? -1 : 0;
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* "_unknown": {"17": "hex of the CBOR value"} */
static int j_unknown(jr *j, const jn *v, khcn__unknown **list, unsigned nknown) {
  if (v->type != J_OBJ) return bad_type(j, v, "_unknown", "an object");
  for (const jn *m = v->child; m; m = m->next) {
    char *end;
    unsigned long long key = strtoull(m->key, &end, 10);
    if (!m->keyn || *end || m->key[0] < '0' || m->key[0] > '9' || key < nknown || m->type != J_STR || m->n % 2 ||
        m->n == 0) {
      DIAG(j, KHCN_DIAG_TYPE, KHCN_SEV_ERROR, m->koff, "_unknown",
           "an unknown entry is \"key (not one this version knows)\": \"hex of one CBOR data item\"");
      if (j->rd.fatal) return -1;
      continue;
    }
    unsigned char *b = khcn__arena_alloc(&j->a, m->n / 2);
    if (!b) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
    int ok = 1;
    for (size_t i = 0; i < m->n / 2; i++) {
      int hi = hexval(m->s[2 * i]), lo = hexval(m->s[2 * i + 1]);
      if (hi < 0 || lo < 0) ok = 0;
      else b[i] = (unsigned char)(hi * 16 + lo);
    }
    if (ok && khcn__cbor_item_len(b, m->n / 2) != m->n / 2) ok = 0;
    if (!ok) {
      DIAG(j, KHCN_DIAG_MALFORMED, KHCN_SEV_ERROR, m->off, "_unknown", "not the hex of well-formed CBOR");
      if (j->rd.fatal) return -1;
      continue;
    }
    if (khcn__unknown_put(list, key, b, m->n / 2)) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
  }
  return 0;
}

#define NAME(s) (m->keyn == sizeof(s) - 1 && memcmp(m->key, s, sizeof(s) - 1) == 0)
#define F(expr)                                                                                                  \
  do {                                                                                                           \
    if ((expr) < 0) goto fatal;                                                                                  \
  } while (0)

static int need_obj(jr *j, const jn *v, const char *field) {
  if (v->type == J_OBJ) return 1;
  bad_type(j, v, field, "an object");
  return 0;
}

static int walk_target(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_target *t;
  if (khcn__scratch_target(&j->s, &t)) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
  t->off = v->off;
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("year")) {
      if (m->type == J_STR && strcmp(m->s, "every") == 0) {
        t->year.has = 1;
        t->year.v = 0;
        t->year.off = m->off;
      } else if (m->type == J_STR) {
        F(bad_type(j, m, "year", "a year or \"every\""));
      } else {
        F(j_int(j, m, &t->year, "year"));
      }
    } else if (NAME("comparator")) F(j_enum(j, m, &t->cmp, p_cmp, "comparator"));
    else if (NAME("value")) F(j_num(j, m, &t->value, 0, "value"));
    else if (NAME("hi")) F(j_num(j, m, &t->hi, 0, "hi"));
    else if (NAME("tol")) F(j_num(j, m, &t->tol, 0, "tol"));
    else if (NAME("base_year")) F(j_int(j, m, &t->base_year, "base_year"));
    else if (NAME("overshoot")) F(j_bool(j, m, &t->overshoot, "overshoot"));
    else if (NAME("cumulative")) F(j_bool(j, m, &t->cumulative, "cumulative"));
    else if (NAME("note")) F(j_text(j, m, &t->note, "note"));
    else if (NAME("_unknown")) F(j_unknown(j, m, &t->unknown, KT__N));
    else F(unknown_field(j, m));
  }
  return 0;
fatal:
  return -1;
}

static int walk_obs(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_obs *o;
  if (khcn__scratch_obs(&j->s, &o)) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
  o->off = v->off;
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("year")) F(j_int(j, m, &o->year, "year"));
    else if (NAME("value")) F(j_num(j, m, &o->value, 1, "value"));
    else if (NAME("status")) F(j_enum(j, m, &o->status, p_status, "status"));
    else if (NAME("source")) F(j_text(j, m, &o->source, "source"));
    else if (NAME("reporter")) F(j_text(j, m, &o->reporter, "reporter"));
    else if (NAME("note")) F(j_text(j, m, &o->note, "note"));
    else if (NAME("_unknown")) F(j_unknown(j, m, &o->unknown, KO__N));
    else F(unknown_field(j, m));
  }
  return 0;
fatal:
  return -1;
}

typedef int (*walk_fn)(jr *j, const jn *v);

static int walk_list(jr *j, const jn *v, const char *field, walk_fn fn) {
  if (v->type == J_NULL) return 0;
  if (v->type != J_ARR) return bad_type(j, v, field, "an array") < 0 ? -1 : 0;
  if (v->count > j->rd.opt.max_entities) {
    DIAG(j, KHCN_DIAG_TOO_MANY, KHCN_SEV_FATAL, v->off, field, "%zu %s exceed the limit of %zu", v->count, field,
         j->rd.opt.max_entities);
    return -1;
  }
  khcn__rd_push(&j->rd, field, 0);
  long i = 0;
  int rc = 0;
  for (const jn *e = v->child; e; e = e->next, i++) {
    if (j->rd.depth_path - 1 < KHCN__PATH_MAX) j->rd.path[j->rd.depth_path - 1].index = i;
    if (fn(j, e) < 0) {
      rc = -1;
      break;
    }
  }
  khcn__rd_pop(&j->rd);
  return rc;
}

static int walk_indicator(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_ind rec;
  memset(&rec, 0, sizeof rec);
  rec.off = v->off;
  khcn__scratch_reset(&j->s);
  j->rd.entity = NULL;
  for (const jn *m = v->child; m; m = m->next)
    if (NAME("id") && m->type == J_STR) khcn__rd_set_entity(&j->rd, m->s, m->n);
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("id")) F(j_text(j, m, &rec.id, "id"));
    else if (NAME("name")) F(j_text(j, m, &rec.name, "name"));
    else if (NAME("name_en")) F(j_text(j, m, &rec.name_en, "name_en"));
    else if (NAME("unit")) F(j_text(j, m, &rec.unit, "unit"));
    else if (NAME("description")) F(j_text(j, m, &rec.desc, "description"));
    else if (NAME("measure")) F(j_enum(j, m, &rec.measure, p_measure, "measure"));
    else if (NAME("direction")) F(j_int(j, m, &rec.direction, "direction"));
    else if (NAME("kind")) F(j_enum(j, m, &rec.kind, p_kind, "kind"));
    else if (NAME("limit")) F(j_num(j, m, &rec.limit, 0, "limit"));
    else if (NAME("baseline")) {
      if (m->type == J_NULL) continue;
      if (!need_obj(j, m, "baseline")) {
        if (j->rd.fatal) goto fatal;
        continue;
      }
      for (const jn *b = m->child; b; b = b->next) {
        const jn *mm = m;
        m = b;
        if (NAME("year")) F(j_int(j, b, &rec.base_year, "baseline/year"));
        else if (NAME("value")) F(j_num(j, b, &rec.base_value, 0, "baseline/value"));
        else if (NAME("note")) F(j_text(j, b, &rec.base_note, "baseline/note"));
        else F(unknown_field(j, b));
        m = mm;
      }
    } else if (NAME("formula")) {
      if (m->type == J_NULL) continue;
      if (!need_obj(j, m, "formula")) {
        if (j->rd.fatal) goto fatal;
        continue;
      }
      for (const jn *b = m->child; b; b = b->next) {
        const jn *mm = m;
        m = b;
        if (NAME("numerator")) F(j_text(j, b, &rec.num, "formula/numerator"));
        else if (NAME("denominator")) F(j_text(j, b, &rec.den, "formula/denominator"));
        else if (NAME("factor")) F(j_num(j, b, &rec.factor, 0, "formula/factor"));
        else F(unknown_field(j, b));
        m = mm;
      }
    } else if (NAME("targets")) F(walk_list(j, m, "targets", walk_target));
    else if (NAME("observations")) F(walk_list(j, m, "observations", walk_obs));
    else if (NAME("_unknown")) F(j_unknown(j, m, &rec.unknown, KI__N));
    else F(unknown_field(j, m));
  }
  {
    int rc = khcn__commit_indicator(&j->rd, &rec, &j->s);
    khcn__scratch_reset(&j->s);
    return rc;
  }
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int walk_link(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_link *l;
  if (khcn__scratch_link(&j->s, &l)) return j->rd.fatal = 1, j->rd.fatal_status = KHCN_ENOMEM, -1;
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("id")) F(j_text(j, m, &l->id, "id"));
    else if (NAME("weight")) F(j_num(j, m, &l->weight, 0, "weight"));
    else F(unknown_field(j, m));
  }
  if (!l->id.p) {
    DIAG(j, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, v->off, "id", "required field \"id\" is missing");
    j->s.nl--;
  }
  return j->rd.fatal ? -1 : 0;
fatal:
  return -1;
}

static int walk_node(jr *j, const jn *v, khcn_node_type type) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_node rec;
  memset(&rec, 0, sizeof rec);
  rec.off = v->off;
  khcn__scratch_reset(&j->s);
  j->rd.entity = NULL;
  for (const jn *m = v->child; m; m = m->next)
    if (NAME("id") && m->type == J_STR) khcn__rd_set_entity(&j->rd, m->s, m->n);
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("id")) F(j_text(j, m, &rec.id, "id"));
    else if (NAME("parent")) F(j_text(j, m, &rec.parent, "parent"));
    else if (NAME("label")) F(j_text(j, m, &rec.label, "label"));
    else if (NAME("title")) F(j_text(j, m, &rec.title, "title"));
    else if (NAME("text")) F(j_text(j, m, &rec.text, "text"));
    else if (NAME("weight")) F(j_num(j, m, &rec.weight, 0, "weight"));
    else if (NAME("indicators")) F(walk_list(j, m, "indicators", walk_link));
    else if (NAME("_unknown")) F(j_unknown(j, m, &rec.unknown, KN__N));
    else F(unknown_field(j, m));
  }
  {
    int rc = khcn__commit_node(&j->rd, type, &rec, &j->s);
    khcn__scratch_reset(&j->s);
    return rc;
  }
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}
static int walk_objective(jr *j, const jn *v) { return walk_node(j, v, KHCN_NODE_OBJECTIVE); }
static int walk_task(jr *j, const jn *v) { return walk_node(j, v, KHCN_NODE_TASK); }

static int walk_agency(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_agency rec;
  memset(&rec, 0, sizeof rec);
  rec.off = v->off;
  j->rd.entity = NULL;
  for (const jn *m = v->child; m; m = m->next)
    if (NAME("id") && m->type == J_STR) khcn__rd_set_entity(&j->rd, m->s, m->n);
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("id")) F(j_text(j, m, &rec.id, "id"));
    else if (NAME("name")) F(j_text(j, m, &rec.name, "name"));
    else if (NAME("short_name")) F(j_text(j, m, &rec.short_name, "short_name"));
    else if (NAME("parent")) F(j_text(j, m, &rec.parent, "parent"));
    else if (NAME("kind")) F(j_enum(j, m, &rec.kind, p_agkind, "kind"));
    else if (NAME("_unknown")) F(j_unknown(j, m, &rec.unknown, KA__N));
    else F(unknown_field(j, m));
  }
  return khcn__commit_agency(&j->rd, &rec, &j->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int walk_resp(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_resp rec;
  memset(&rec, 0, sizeof rec);
  rec.off = v->off;
  j->rd.entity = NULL;
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("task")) F(j_text(j, m, &rec.task, "task"));
    else if (NAME("agency")) F(j_text(j, m, &rec.agency, "agency"));
    else if (NAME("role")) F(j_enum(j, m, &rec.role, p_role, "role"));
    else if (NAME("to")) F(j_text(j, m, &rec.to, "to"));
    else if (NAME("due_year")) F(j_int(j, m, &rec.due_year, "due_year"));
    else if (NAME("due_month")) F(j_int(j, m, &rec.due_month, "due_month"));
    else if (NAME("due_day")) F(j_int(j, m, &rec.due_day, "due_day"));
    else if (NAME("every")) F(j_enum(j, m, &rec.every, p_every, "every"));
    else if (NAME("note")) F(j_text(j, m, &rec.note, "note"));
    else if (NAME("_unknown")) F(j_unknown(j, m, &rec.unknown, KR__N));
    else F(unknown_field(j, m));
  }
  if (rec.agency.p) khcn__rd_set_entity(&j->rd, rec.agency.p, rec.agency.n);
  return khcn__commit_resp(&j->rd, &rec, &j->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int walk_legal(jr *j, const jn *v) {
  if (!need_obj(j, v, NULL)) return j->rd.fatal ? -1 : 0;
  khcn__rec_legal rec;
  memset(&rec, 0, sizeof rec);
  rec.off = v->off;
  j->rd.entity = NULL;
  for (const jn *m = v->child; m; m = m->next) {
    if (NAME("id")) F(j_text(j, m, &rec.id, "id"));
    else if (NAME("number")) F(j_text(j, m, &rec.number, "number"));
    else if (NAME("type")) F(j_enum(j, m, &rec.type, p_doctype, "type"));
    else if (NAME("date")) F(j_text(j, m, &rec.date, "date"));
    else if (NAME("issuer")) F(j_text(j, m, &rec.issuer, "issuer"));
    else if (NAME("title")) F(j_text(j, m, &rec.title, "title"));
    else if (NAME("_unknown")) F(j_unknown(j, m, &rec.unknown, KL__N));
    else F(unknown_field(j, m));
  }
  if (rec.id.p) khcn__rd_set_entity(&j->rd, rec.id.p, rec.id.n);
  return khcn__commit_legal(&j->rd, &rec, &j->s);
fatal:
  khcn__unknown_free(rec.unknown);
  return -1;
}

static int walk_budget(jr *j, const jn *v) {
  khcn__span s = {0};
  int rc = j_text(j, v, &s, NULL);
  if (rc) return rc < 0 ? -1 : 0;
  if (!s.p) return 0;
  return khcn__commit_budget(&j->rd, &s, &j->s);
}

static int walk_plan(jr *j, const jn *v) {
  if (!need_obj(j, v, "plan")) return -1;
  khcn__rd_push(&j->rd, "plan", -1);
  khcn__fint start = {0}, end = {0};
  int have_id = 0;
  /* texts and scalars first, then the entity lists in dependency-free order */
  for (const jn *m = v->child; m; m = m->next) {
    j->rd.entity = NULL;
    int f;
    for (f = 0; f < KHCN_PLAN_FIELD_COUNT_; f++) {
      const char *nm = khcn_plan_field_name((khcn_plan_field)f);
      if (m->keyn == strlen(nm) && memcmp(m->key, nm, m->keyn) == 0) break;
    }
    if (NAME("id")) {
      khcn__span s = {0};
      int rc = j_text(j, m, &s, "id");
      F(rc);
      if (!rc && s.p) {
        F(khcn__commit_plan_id(&j->rd, &s, &j->s));
        have_id = 1;
      }
    } else if (f < KHCN_PLAN_FIELD_COUNT_) {
      khcn__span s = {0};
      int rc = j_text(j, m, &s, khcn_plan_field_name((khcn_plan_field)f));
      F(rc);
      if (!rc && s.p) F(khcn__commit_plan_text(&j->rd, (khcn_plan_field)f, &s, &j->s));
    } else if (NAME("start")) F(j_int(j, m, &start, "start"));
    else if (NAME("end")) F(j_int(j, m, &end, "end"));
    else if (NAME("budget_sources")) F(walk_list(j, m, "budget_sources", walk_budget));
    else if (NAME("legal_bases")) F(walk_list(j, m, "legal_bases", walk_legal));
    else if (NAME("objectives")) F(walk_list(j, m, "objectives", walk_objective));
    else if (NAME("tasks")) F(walk_list(j, m, "tasks", walk_task));
    else if (NAME("indicators")) F(walk_list(j, m, "indicators", walk_indicator));
    else if (NAME("agencies")) F(walk_list(j, m, "agencies", walk_agency));
    else if (NAME("responsibilities")) F(walk_list(j, m, "responsibilities", walk_resp));
    else if (NAME("_unknown")) F(j_unknown(j, m, &j->rd.plan->unknown, KP__N));
    else F(unknown_field(j, m));
  }
  j->rd.entity = NULL;
  if (!have_id) DIAG(j, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, v->off, "id", "required field \"id\" is missing");
  if (start.has != end.has) {
    DIAG(j, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, v->off, start.has ? "end" : "start", "a period needs both start and end");
  } else if (start.has) {
    khcn_status st = khcn_plan_set_period(j->rd.plan, (int)start.v, (int)end.v);
    if (st == KHCN_ENOMEM) goto fatal;
    if (st) DIAG(j, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, start.off, "start", "%s", khcn_error_last()->message);
  }
  khcn__rd_pop(&j->rd);
  return j->rd.fatal ? -1 : 0;
fatal:
  khcn__rd_pop(&j->rd);
  return -1;
}

static int walk_doc(jr *j, const jn *root) {
  if (root->type != J_OBJ) {
    DIAG(j, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, root->off, NULL, "the document is %s, not an object", tname(root->type));
    return -1;
  }
  const jn *format = NULL, *version = NULL, *plan = NULL;
  for (const jn *m = root->child; m; m = m->next) {
    if (NAME("format")) format = m;
    else if (NAME("version")) version = m;
    else if (NAME("plan")) plan = m;
    else if (NAME("_unknown")) {
      if (j_unknown(j, m, &j->rd.plan->doc_unknown, KD__N) < 0) return -1;
    } else if (unknown_field(j, m) < 0)
      return -1;
  }
  if (!format || format->type != J_STR || strcmp(format->s, "khcn") != 0) {
    DIAG(j, KHCN_DIAG_NOT_KHCN, KHCN_SEV_FATAL, format ? format->off : root->off, "format",
         "not a khcn document: \"format\": \"khcn\" expected");
    return -1;
  }
  if (!version || version->type != J_ARR || version->count != 2 || version->child->type != J_NUM ||
      !version->child->is_int || version->child->next->type != J_NUM || !version->child->next->is_int ||
      version->child->next->d < 0) {
    DIAG(j, KHCN_DIAG_TYPE, KHCN_SEV_FATAL, version ? version->off : root->off, "version",
         "\"version\": [major, minor] expected");
    return -1;
  }
  double major = version->child->d, minor = version->child->next->d;
  if (major != KHCN_FORMAT_MAJOR) {
    DIAG(j, KHCN_DIAG_VERSION, KHCN_SEV_FATAL, version->off, "version",
         "format version %.0f.%.0f is not supported (this library reads %d.x)", major, minor, KHCN_FORMAT_MAJOR);
    return -1;
  }
  if (minor > KHCN_FORMAT_MINOR)
    DIAG(j, KHCN_DIAG_NEWER_MINOR, KHCN_SEV_INFO, version->off, "version",
         "format version %.0f.%.0f is newer than %d.%d", major, minor, KHCN_FORMAT_MAJOR, KHCN_FORMAT_MINOR);
  if (!plan) {
    DIAG(j, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, root->off, "plan", "required field \"plan\" is missing");
    return 0;
  }
  return walk_plan(j, plan);
}

khcn_status khcn_json_read(khcn_plan **out, const void *data, size_t len, const khcn_read_options *opts,
                           khcn_diags *diags) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_json_read: out is NULL");
  *out = NULL;
  if (!data && len) return khcn__err(KHCN_EINVAL, "khcn_json_read: data is NULL");
  if (opts && opts->version != KHCN_READ_OPTIONS_VERSION)
    return khcn__err(KHCN_EVERSION, "khcn_json_read: unknown options version %u", opts->version);
  jr j;
  memset(&j, 0, sizeof j);
  khcn__rd_init(&j.rd, opts, diags);
  j.p = data;
  j.len = len;
  khcn_status st = khcn_plan_new(&j.rd.plan, "x");
  if (st) return st;
  if (len >= 3 && j.p[0] == 0xef && j.p[1] == 0xbb && j.p[2] == 0xbf) j.pos = 3; /* BOM */
  ws(&j);
  if (j.pos >= len) {
    DIAG(&j, KHCN_DIAG_EMPTY, KHCN_SEV_FATAL, 0, NULL, "the input is empty");
  } else if (len > j.rd.opt.max_size) {
    DIAG(&j, KHCN_DIAG_FILE_TOO_LARGE, KHCN_SEV_FATAL, 0, NULL, "the input has %zu bytes, more than the limit of %zu",
         len, j.rd.opt.max_size);
  } else {
    jn *root = parse_value(&j, 1);
    if (root) {
      ws(&j);
      if (j.pos != len) DIAG(&j, KHCN_DIAG_TRAILING, KHCN_SEV_FATAL, j.pos, NULL, "data after the JSON document");
      else if (!j.rd.fatal) walk_doc(&j, root);
    }
  }
  st = khcn__rd_result(&j.rd);
  if (st == KHCN_OK && (j.rd.opt.flags & KHCN_READ_VALIDATE)) {
    uint32_t vf = (j.rd.opt.flags & KHCN_READ_VALIDATE_STRICT) ? KHCN_VALIDATE_STRICT : 0;
    khcn_status vs = khcn_plan_validate(j.rd.plan, diags, vf);
    if (vs) st = vs;
  }
  khcn__scratch_free(&j.s);
  khcn__arena_free(&j.a);
  if (st) {
    khcn_plan_free(j.rd.plan);
    if (st == KHCN_EINVALID && !j.rd.have_first) return khcn__err(KHCN_EINVALID, "the plan does not validate");
    return khcn__rd_seterr(&j.rd, st);
  }
  khcn__plan_resp_index_drop(j.rd.plan);
  *out = j.rd.plan;
  return KHCN_OK;
}
