/*
 * Shared by the CBOR and JSON readers: diagnostics with paths, UTF-8
 * checks, scratch records, and the commit of entity records into the model.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal/io.h"

/* --------------------------------------------------------- options */

khcn_status khcn_read_options_init(khcn_read_options *opts, unsigned int version) {
  if (!opts) return khcn__err(KHCN_EINVAL, "khcn_read_options_init: opts is NULL");
  if (version != KHCN_READ_OPTIONS_VERSION)
    return khcn__err(KHCN_EVERSION, "khcn_read_options_init: unknown options version %u", version);
  memset(opts, 0, sizeof *opts);
  opts->version = version;
  return KHCN_OK;
}

void khcn__rd_init(khcn__rd *r, const khcn_read_options *opts, khcn_diags *diags) {
  memset(r, 0, sizeof *r);
  if (opts) r->opt = *opts;
  else r->opt.version = KHCN_READ_OPTIONS_VERSION;
  if (!r->opt.max_size) r->opt.max_size = (size_t)256 << 20;
  if (!r->opt.max_depth) r->opt.max_depth = 16;
  if (r->opt.max_depth > 1000) r->opt.max_depth = 1000; /* C stack */
  if (!r->opt.max_text) r->opt.max_text = 65536;
  if (!r->opt.max_entities) r->opt.max_entities = 4000000;
  if (!r->opt.max_diags) r->opt.max_diags = 100;
  r->strict = (r->opt.flags & KHCN_READ_STRICT) != 0;
  r->diags = diags;
}

void khcn__rd_push(khcn__rd *r, const char *name, long index) {
  if (r->depth_path < KHCN__PATH_MAX) {
    r->path[r->depth_path].name = name;
    r->path[r->depth_path].index = index;
  }
  r->depth_path++;
}

void khcn__rd_pop(khcn__rd *r) {
  if (r->depth_path) r->depth_path--;
}

/* The current entity id as a short printable string, for a message. */
static const char *rd_entity_text(khcn__rd *r) {
  if (!r->entity) return "";
  size_t n = r->entity_n < sizeof r->entity_buf ? r->entity_n : sizeof r->entity_buf - 1;
  memcpy(r->entity_buf, r->entity, n);
  r->entity_buf[n] = 0;
  /* ids are ASCII; make sure no control bytes end up in a message */
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)r->entity_buf[i] < 0x20 || (unsigned char)r->entity_buf[i] >= 0x7f) r->entity_buf[i] = '?';
  return r->entity_buf;
}

void khcn__rd_diag(khcn__rd *r, int code, khcn_severity sev, size_t offset, const char *field, const char *fmt,
                   ...) {
  if (r->quiet) {
    if (sev == KHCN_SEV_FATAL) r->fatal = 1;
    return;
  }
  if (sev >= KHCN_SEV_ERROR) {
    r->nerrors++;
    if (code >= 2000 && code < 3000) r->nprofile++;
  }
  if (sev == KHCN_SEV_FATAL) {
    r->fatal = 1;
    if (!r->fatal_status) {
      if (code == KHCN_DIAG_VERSION) r->fatal_status = KHCN_EVERSION;
      else if (code == KHCN_DIAG_FILE_TOO_LARGE || code == KHCN_DIAG_DEPTH || code == KHCN_DIAG_LENGTH ||
               code == KHCN_DIAG_TEXT_TOO_LONG || code == KHCN_DIAG_TOO_MANY)
        r->fatal_status = KHCN_ELIMIT;
      else if (code == KHCN_DIAG_IO)
        r->fatal_status = KHCN_EIO;
    }
  }
  if (r->ndiags >= r->opt.max_diags) {
    if (sev >= KHCN_SEV_ERROR && !r->fatal) {
      r->fatal = 1; /* enough: stop reading */
      khcn__diag_add(r->diags, KHCN_DIAG_TOO_MANY, KHCN_SEV_FATAL, offset, "", "",
                     "too many diagnostics (%zu); reading stopped", r->ndiags);
    }
    return;
  }
  r->ndiags++;
  char path[512];
  size_t o = 0;
  path[0] = 0;
  size_t nseg = r->depth_path < KHCN__PATH_MAX ? r->depth_path : KHCN__PATH_MAX;
  for (size_t i = 0; i < nseg && o < sizeof path - 40; i++) {
    if (r->path[i].name) o += (size_t)snprintf(path + o, sizeof path - o, "/%s", r->path[i].name);
    if (o < sizeof path - 24 && r->path[i].index >= 0)
      o += (size_t)snprintf(path + o, sizeof path - o, "/%ld", r->path[i].index);
  }
  if (field && o < sizeof path - 1) snprintf(path + o, sizeof path - o, "/%s", field);
  char msg[768];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (sev >= KHCN_SEV_ERROR && !r->have_first) {
    r->have_first = 1;
    r->first_off = offset;
    snprintf(r->first_msg, sizeof r->first_msg, "%d %.200s", code, msg);
    snprintf(r->first_path, sizeof r->first_path, "%.180s", path);
  }
  if (khcn__diag_add(r->diags, code, sev, offset, rd_entity_text(r), path, "%s", msg) == KHCN_ENOMEM) {
    r->fatal = 1;
    r->fatal_status = KHCN_ENOMEM;
  }
}

khcn_status khcn__rd_result(khcn__rd *r) {
  if (r->fatal_status) return r->fatal_status;
  if (!r->nerrors) return KHCN_OK;
  if (r->nerrors == r->nprofile) return KHCN_EINVALID;
  return KHCN_EFORMAT;
}

khcn_status khcn__rd_seterr(khcn__rd *r, khcn_status st) {
  if (st == KHCN_OK) return st;
  if (st == KHCN_ENOMEM) return khcn__nomem("reading a plan");
  if (r->have_first)
    return khcn__err_at(st, r->first_off, r->first_path, "%s", r->first_msg);
  return khcn__err(st, "the input was refused");
}

size_t khcn__utf8_check(const unsigned char *s, size_t n, int allow_nul) {
  size_t i = 0;
  while (i < n) {
    /* ASCII fast path, 8 bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      /* NUL bytes: (w - 0x01..) & ~w & 0x80.. */
      if (!allow_nul && ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned c = s[i];
    if (c < 0x80) {
      if (c == 0 && !allow_nul) return i;
      i++;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (n - i < len) return i;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xc0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
      return i;
    i += len;
  }
  return SIZE_MAX;
}

/* --------------------------------------------------------- scratch */

#define SCRATCH_PUSH(vec, n, cap, T, out)                                                                        \
  do {                                                                                                           \
    if ((n) == (cap)) {                                                                                          \
      size_t nc = (cap) ? (cap) * 2 : 16;                                                                        \
      T *nv = khcn__realloc((vec), nc * sizeof(T));                                                              \
      if (!nv) return khcn__nomem("reader scratch");                                                            \
      (vec) = nv;                                                                                                \
      (cap) = nc;                                                                                                \
    }                                                                                                            \
    memset(&(vec)[(n)], 0, sizeof(T));                                                                           \
    *(out) = &(vec)[(n)++];                                                                                      \
  } while (0)

khcn_status khcn__scratch_target(khcn__rec_scratch *s, khcn__rec_target **out) {
  SCRATCH_PUSH(s->t, s->nt, s->capt, khcn__rec_target, out);
  return KHCN_OK;
}
khcn_status khcn__scratch_obs(khcn__rec_scratch *s, khcn__rec_obs **out) {
  SCRATCH_PUSH(s->o, s->no, s->capo, khcn__rec_obs, out);
  return KHCN_OK;
}
khcn_status khcn__scratch_obs_grow(khcn__rec_scratch *s) {
  khcn__rec_obs *o;
  SCRATCH_PUSH(s->o, s->no, s->capo, khcn__rec_obs, &o);
  s->no--;
  return KHCN_OK;
}
khcn_status khcn__scratch_target_grow(khcn__rec_scratch *s) {
  khcn__rec_target *t;
  SCRATCH_PUSH(s->t, s->nt, s->capt, khcn__rec_target, &t);
  s->nt--;
  return KHCN_OK;
}
khcn_status khcn__scratch_link(khcn__rec_scratch *s, khcn__rec_link **out) {
  SCRATCH_PUSH(s->l, s->nl, s->capl, khcn__rec_link, out);
  return KHCN_OK;
}

void khcn__scratch_reset(khcn__rec_scratch *s) {
  for (size_t i = 0; i < s->nt; i++)
    if (s->t[i].unknown) khcn__unknown_free(s->t[i].unknown);
  for (size_t i = 0; i < s->no; i++)
    if (s->o[i].unknown) khcn__unknown_free(s->o[i].unknown);
  s->nt = s->no = s->nl = 0;
  s->nseries = 0;
  s->has_series = 0;
}

void khcn__scratch_free(khcn__rec_scratch *s) {
  khcn__scratch_reset(s);
  khcn__free(s->t);
  khcn__free(s->o);
  khcn__free(s->l);
  khcn__free(s->series);
  for (int i = 0; i < 8; i++) khcn__free(s->cs[i]);
  memset(s, 0, sizeof *s);
}

const char *khcn__cs(khcn__rd *r, khcn__rec_scratch *s, int k, const khcn__span *v) {
  if (!v->p) return NULL;
  if (s->cscap[k] < v->n + 1) {
    size_t nc = v->n + 64;
    char *p = khcn__realloc(s->cs[k], nc);
    if (!p) {
      r->fatal = 1;
      r->fatal_status = KHCN_ENOMEM;
      return NULL;
    }
    s->cs[k] = p;
    s->cscap[k] = nc;
  }
  memcpy(s->cs[k], v->p, v->n);
  s->cs[k][v->n] = 0;
  return s->cs[k];
}

/* --------------------------------------------------------- commits */

/* Turn a failed model call into a diagnostic; returns -1 when fatal. */
static int model_fail(khcn__rd *r, khcn_status st, size_t off, const char *field) {
  const khcn_error *e = khcn_error_last();
  if (st == KHCN_ENOMEM) {
    r->fatal = 1;
    r->fatal_status = KHCN_ENOMEM;
    return -1;
  }
  int code = st == KHCN_EEXISTS ? KHCN_DIAG_DUPLICATE_ID : KHCN_DIAG_INVALID;
  khcn__rd_diag(r, code, KHCN_SEV_ERROR, off, field, "%s", e->message);
  return r->fatal ? -1 : 0;
}

static int need(khcn__rd *r, const void *present, size_t off, const char *field) {
  if (present) return 1;
  khcn__rd_diag(r, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, off, field, "required field \"%s\" is missing", field);
  return 0;
}

static int id_ok(khcn__rd *r, const khcn__span *v, const char *field) {
  if (!v->p) return 1;
  int ok = khcn__id_valid_n(v->p, v->n);
  if (!ok)
    khcn__rd_diag(r, KHCN_DIAG_BAD_ID, KHCN_SEV_ERROR, v->off, field,
                  "\"%.*s\" is not a valid id ([A-Za-z0-9][A-Za-z0-9._:-]{0,63})", (int)(v->n > 80 ? 80 : v->n),
                  v->p);
  return ok;
}

static int enum_ok(khcn__rd *r, const khcn__fint *v, int64_t count, const char *field) {
  if (!v->has) return 1;
  if (v->v >= 0 && v->v < count) return 1;
  khcn__rd_diag(r, KHCN_DIAG_ENUM, KHCN_SEV_ERROR, v->off, field, "unknown %s value %lld", field, (long long)v->v);
  return 0;
}

static int year_ok(khcn__rd *r, const khcn__fint *v, int allow0, const char *field) {
  if (!v->has) return 1;
  if ((allow0 && v->v == 0) || (v->v >= 1900 && v->v <= 2200)) return 1;
  khcn__rd_diag(r, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, v->off, field, "year %lld outside 1900..2200", (long long)v->v);
  return 0;
}

int khcn__commit_plan_id(khcn__rd *r, const khcn__span *v, khcn__rec_scratch *s) {
  (void)s;
  if (!id_ok(r, v, "id")) return r->fatal ? -1 : 0;
  const char *c = khcn__arena_strndup(&r->plan->arena, v->p, v->n);
  if (!c) return model_fail(r, KHCN_ENOMEM, v->off, "id");
  r->plan->id = c;
  return 0;
}

int khcn__commit_plan_text(khcn__rd *r, khcn_plan_field f, const khcn__span *v, khcn__rec_scratch *s) {
  const char *c = khcn__cs(r, s, 0, v);
  if (!c) return -1;
  if (f == KHCN_PLAN_DATE && !khcn_date_valid(c)) {
    khcn__rd_diag(r, KHCN_DIAG_BAD_DATE, KHCN_SEV_ERROR, v->off, "date", "\"%.40s\" is not YYYY, YYYY-MM or YYYY-MM-DD",
                  c);
    return r->fatal ? -1 : 0;
  }
  khcn_status st = khcn_plan_set_text(r->plan, f, c);
  if (st) return model_fail(r, st, v->off, khcn_plan_field_name(f));
  return 0;
}

int khcn__commit_budget(khcn__rd *r, const khcn__span *v, khcn__rec_scratch *s) {
  const char *c = khcn__cs(r, s, 0, v);
  if (!c) return -1;
  khcn_status st = khcn_plan_add_budget_source(r->plan, c);
  if (st) return model_fail(r, st, v->off, NULL);
  return 0;
}

static int cmp_obs(const void *a, const void *b) {
  const khcn__rec_obs *x = a, *y = b;
  if (x->year.v != y->year.v) return x->year.v < y->year.v ? -1 : 1;
  return x->off < y->off ? -1 : (x->off > y->off);
}

static int commit_observations(khcn__rd *r, khcn_indicator *ind, khcn__rec_scratch *s) {
  if (s->has_series) {
    /* checked as it was read: a gapless run of years in 1900..2200, finite values */
    if (khcn__obs_prepare(ind, s->nseries, s->series_year0, 1)) return model_fail(r, KHCN_ENOMEM, 0, NULL);
    memcpy(khcn__obs_values_w(ind), s->series, s->nseries * sizeof *s->series);
    return 0;
  }
  size_t n = s->no;
  if (!n) return 0;
  int sorted = 1, bad = 0;
  size_t nextra = 0;
  khcn__rd_push(r, "observations", -1);
  for (size_t i = 0; i < n; i++) {
    khcn__rec_obs *o = &s->o[i];
    if (r->depth_path - 1 < KHCN__PATH_MAX) r->path[r->depth_path - 1].index = (long)i;
    if (!need(r, o->year.has ? o : NULL, o->off, "year") || !year_ok(r, &o->year, 0, "year")) {
      bad = 1;
      continue;
    }
    if (!enum_ok(r, &o->status, KHCN_OBS_STATUS_COUNT_, "status")) bad = 1;
    int missing = o->status.has && o->status.v == KHCN_OBS_MISSING;
    if (missing) {
      if (!o->value.has) {
        khcn__rd_diag(r, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, o->off, "value",
                      "required field \"value\" is missing (null for a missing observation)");
        bad = 1;
      } else if (!o->value.is_null) {
        khcn__rd_diag(r, KHCN_DIAG_INVALID, KHCN_SEV_ERROR, o->value.off, "value",
                      "a missing observation has no value (null)");
        bad = 1;
      }
    } else if (!o->value.has || o->value.is_null) {
      khcn__rd_diag(r, o->value.has ? KHCN_DIAG_INVALID : KHCN_DIAG_MISSING, KHCN_SEV_ERROR,
                    o->value.has ? o->value.off : o->off, "value",
                    o->value.has ? "value is null but status is not \"missing\"" : "required field \"value\" is missing");
      bad = 1;
    }
    if (!id_ok(r, &o->reporter, "reporter")) bad = 1;
    if (o->source.p || o->reporter.p || o->note.p || o->unknown) nextra++;
    if (i && o->year.v <= s->o[i - 1].year.v) sorted = 0;
    if (r->fatal) break;
  }
  if (!bad && !sorted) {
    if (r->strict)
      khcn__rd_diag(r, KHCN_DIAG_ORDER, KHCN_SEV_ERROR, s->o[0].off, NULL, "observations are not in year order");
    qsort(s->o, n, sizeof *s->o, cmp_obs);
    for (size_t i = 1; i < n; i++)
      if (s->o[i].year.v == s->o[i - 1].year.v) {
        khcn__rd_diag(r, KHCN_DIAG_INVALID, KHCN_SEV_ERROR, s->o[i].off, NULL, "two observations for %lld",
                      (long long)s->o[i].year.v);
        bad = 1;
        break;
      }
  }
  khcn__rd_pop(r);
  if (bad || r->fatal) return r->fatal ? -1 : 0;
  /* yearly series without gaps and all-normal statuses leave those out */
  int run = (int)s->o[0].year.v, normal = 1;
  for (size_t i = 0; i < n; i++) {
    if (s->o[i].year.v != s->o[0].year.v + (long long)i) run = 0;
    if (s->o[i].status.has && s->o[i].status.v != KHCN_OBS_NORMAL) normal = 0;
  }
  khcn_status st = khcn__obs_prepare(ind, n, run, normal);
  if (st) return model_fail(r, st, s->o[0].off, "observations");
  double *v = khcn__obs_values_w(ind);
  int16_t *y = khcn__obs_years_w(ind);
  uint8_t *stt = khcn__obs_status_w(ind);
  for (size_t i = 0; i < n; i++) {
    const khcn__rec_obs *o = &s->o[i];
    int missing = o->status.has && o->status.v == KHCN_OBS_MISSING;
    v[i] = missing ? NAN : o->value.v;
    if (y) y[i] = (int16_t)o->year.v;
    if (stt) stt[i] = (uint8_t)(o->status.has ? o->status.v : 0);
  }
  if (nextra) {
    khcn__ind_extra *x = khcn__ind_extra_get(ind);
    if (!x) return model_fail(r, KHCN_ENOMEM, 0, NULL);
    khcn__obs_extra *ex = khcn__calloc(nextra, sizeof *ex);
    if (!ex) return model_fail(r, KHCN_ENOMEM, 0, NULL);
    khcn__free(x->obsx);
    x->obsx = ex;
    x->cap_obsx = (uint32_t)nextra;
    x->nobsx = 0;
    khcn__arena *a = &r->plan->arena;
    for (size_t i = 0; i < n; i++) {
      khcn__rec_obs *o = &s->o[i];
      if (!(o->source.p || o->reporter.p || o->note.p || o->unknown)) continue;
      khcn__obs_extra *e = &ex[x->nobsx++];
      e->year = (int)o->year.v;
      if ((o->source.p && !(e->source = khcn__arena_strndup(a, o->source.p, o->source.n))) ||
          (o->reporter.p && !(e->reporter = khcn__arena_strndup(a, o->reporter.p, o->reporter.n))) ||
          (o->note.p && !(e->note = khcn__arena_strndup(a, o->note.p, o->note.n))))
        return model_fail(r, KHCN_ENOMEM, 0, NULL);
      e->unknown = o->unknown;
      o->unknown = NULL;
    }
  }
  return 0;
}

static int commit_targets(khcn__rd *r, khcn_indicator *ind, khcn__rec_scratch *s) {
  for (size_t i = 0; i < s->nt && !r->fatal; i++) {
    khcn__rec_target *t = &s->t[i];
    khcn__rd_push(r, "targets", (long)i);
    int ok = need(r, t->year.has ? t : NULL, t->off, "year") & need(r, t->cmp.has ? t : NULL, t->off, "comparator") &
             need(r, t->value.has ? t : NULL, t->off, "value");
    ok &= year_ok(r, &t->year, 1, "year") & year_ok(r, &t->base_year, 0, "base_year") &
          enum_ok(r, &t->cmp, KHCN_CMP_COUNT_, "comparator");
    if (ok) {
      khcn_target kt;
      khcn_target_init(&kt);
      kt.year = (int)t->year.v;
      kt.comparator = (khcn_comparator)t->cmp.v;
      kt.value = t->value.v;
      if (t->hi.has) kt.hi = t->hi.v;
      if (t->tol.has) kt.tol = t->tol.v;
      if (t->base_year.has) kt.base_year = (int)t->base_year.v;
      if (t->overshoot.has && !t->overshoot.v) kt.flags |= KHCN_TARGET_NO_OVERSHOOT;
      if (t->cumulative.has && t->cumulative.v) kt.flags |= KHCN_TARGET_CUMULATIVE;
      kt.note = khcn__cs(r, s, 0, &t->note);
      if (t->note.p && !kt.note) {
        khcn__rd_pop(r);
        return -1;
      }
      khcn_status st = khcn_indicator_add_target(ind, &kt);
      if (st) {
        if (model_fail(r, st, t->off, NULL) < 0) {
          khcn__rd_pop(r);
          return -1;
        }
      } else if (t->unknown) {
        khcn__target_x *x = khcn__target_x_get(ind, &ind->targets[ind->ntargets - 1]);
        if (!x) {
          khcn__rd_pop(r);
          return model_fail(r, KHCN_ENOMEM, t->off, NULL);
        }
        x->unknown = t->unknown;
        t->unknown = NULL;
      }
    }
    khcn__rd_pop(r);
  }
  return r->fatal ? -1 : 0;
}

#define CALL(expr, off, field)                                                                                   \
  do {                                                                                                           \
    khcn_status st_ = (expr);                                                                                    \
    if (st_ && model_fail(r, st_, (off), (field)) < 0) goto fatal;                                               \
  } while (0)

int khcn__commit_indicator(khcn__rd *r, khcn__rec_ind *rec, khcn__rec_scratch *s) {
  int ok = need(r, rec->id.p, rec->off, "id") & need(r, rec->name.p, rec->off, "name");
  ok = ok && id_ok(r, &rec->id, "id");
  ok &= enum_ok(r, &rec->measure, KHCN_MEASURE_COUNT_, "measure") & enum_ok(r, &rec->kind, 2, "kind");
  if (rec->direction.has && rec->direction.v != 1 && rec->direction.v != -1) {
    khcn__rd_diag(r, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, rec->direction.off, "direction", "direction must be 1 or -1");
    ok = 0;
  }
  if (rec->base_year.has != rec->base_value.has || (rec->base_note.p && !rec->base_year.has)) {
    khcn__rd_diag(r, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, rec->off, "baseline",
                  "a baseline needs both year and value");
    ok = 0;
  }
  ok &= year_ok(r, &rec->base_year, 0, "baseline/year");
  if ((rec->num.p != NULL) != (rec->den.p != NULL) || (rec->factor.has && !rec->num.p)) {
    khcn__rd_diag(r, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, rec->off, "formula",
                  "a formula needs both numerator and denominator");
    ok = 0;
  }
  if (!ok) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  khcn_indicator *ind = NULL;
  khcn_status st;
  /* the id was checked above and the name by the reader (UTF-8, no NUL) */
  if (rec->name.n == 0) {
    khcn__rd_diag(r, KHCN_DIAG_INVALID, KHCN_SEV_ERROR, rec->name.off, "name", "indicator %.*s: a name is required",
                  (int)rec->id.n, rec->id.p);
    st = KHCN_EINVAL;
  } else if ((st = khcn__plan_add_indicator_n(&ind, r->plan, rec->id.p, rec->id.n, rec->name.p, rec->name.n)) ==
             KHCN_EEXISTS) {
    khcn__rd_diag(r, KHCN_DIAG_DUPLICATE_ID, KHCN_SEV_ERROR, rec->id.off, "id", "indicator id \"%.*s\" already exists",
                  (int)rec->id.n, rec->id.p);
  } else if (st) {
    model_fail(r, st, rec->id.off, "id");
  }
  if (st) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  if (rec->name_en.p) CALL(khcn_indicator_set_name_en(ind, khcn__cs(r, s, 0, &rec->name_en)), rec->name_en.off, "name_en");
  if (rec->unit.p) CALL(khcn_indicator_set_unit(ind, khcn__cs(r, s, 0, &rec->unit)), rec->unit.off, "unit");
  if (rec->desc.p) CALL(khcn_indicator_set_description(ind, khcn__cs(r, s, 0, &rec->desc)), rec->desc.off, "description");
  if (rec->measure.has) CALL(khcn_indicator_set_measure(ind, (khcn_measure)rec->measure.v), rec->measure.off, "measure");
  if (rec->direction.has) CALL(khcn_indicator_set_direction(ind, (int)rec->direction.v), rec->direction.off, "direction");
  if (rec->kind.has) CALL(khcn_indicator_set_kind(ind, (khcn_kind)rec->kind.v), rec->kind.off, "kind");
  if (rec->limit.has) CALL(khcn_indicator_set_limit(ind, rec->limit.v), rec->limit.off, "limit");
  if (rec->base_year.has)
    CALL(khcn_indicator_set_baseline(ind, (int)rec->base_year.v, rec->base_value.v, khcn__cs(r, s, 0, &rec->base_note)),
         rec->base_year.off, "baseline");
  if (rec->num.p)
    CALL(khcn_indicator_set_formula(ind, khcn__cs(r, s, 0, &rec->num), khcn__cs(r, s, 1, &rec->den),
                                    rec->factor.has ? rec->factor.v : 1.0),
         rec->num.off, "formula");
  if (commit_targets(r, ind, s) < 0) goto fatal;
  if (commit_observations(r, ind, s) < 0) goto fatal;
  if (rec->unknown) {
    khcn__ind_extra *x = khcn__ind_extra_get(ind);
    if (!x) {
      model_fail(r, KHCN_ENOMEM, 0, NULL);
      goto fatal;
    }
    x->unknown = rec->unknown;
    rec->unknown = NULL;
  }
  return 0;
fatal:
  khcn__unknown_free(rec->unknown);
  rec->unknown = NULL;
  return -1;
}

int khcn__commit_node(khcn__rd *r, khcn_node_type type, khcn__rec_node *rec, khcn__rec_scratch *s) {
  int ok = need(r, rec->id.p, rec->off, "id") & need(r, rec->title.p, rec->off, "title");
  ok = ok && id_ok(r, &rec->id, "id") && id_ok(r, &rec->parent, "parent");
  if (!ok) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  khcn_node *n = NULL;
  khcn_status st = khcn_plan_add_node(&n, r->plan, type, khcn__cs(r, s, 0, &rec->id), khcn__cs(r, s, 1, &rec->parent),
                                      khcn__cs(r, s, 2, &rec->label), khcn__cs(r, s, 3, &rec->title));
  if (st) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return model_fail(r, st, rec->id.off, "id");
  }
  n->unknown = rec->unknown;
  rec->unknown = NULL;
  if (rec->text.p) CALL(khcn_node_set_text(n, khcn__cs(r, s, 0, &rec->text)), rec->text.off, "text");
  if (rec->weight.has) CALL(khcn_node_set_weight(n, rec->weight.v), rec->weight.off, "weight");
  if (s->nl && khcn__node_reserve_links(n, s->nl)) khcn_error_clear(); /* exact size; else it grows */
  for (size_t i = 0; i < s->nl; i++) {
    khcn__rec_link *l = &s->l[i];
    khcn__rd_push(r, "indicators", (long)i);
    if (id_ok(r, &l->id, "id")) {
      khcn_status lst = khcn_node_link(n, khcn__cs(r, s, 0, &l->id), l->weight.has ? l->weight.v : 1.0);
      if (lst && model_fail(r, lst, l->id.off, NULL) < 0) {
        khcn__rd_pop(r);
        goto fatal;
      }
    }
    khcn__rd_pop(r);
  }
  return r->fatal ? -1 : 0;
fatal:
  return -1;
}

int khcn__commit_agency(khcn__rd *r, khcn__rec_agency *rec, khcn__rec_scratch *s) {
  int ok = need(r, rec->id.p, rec->off, "id") & need(r, rec->name.p, rec->off, "name");
  ok = ok && id_ok(r, &rec->id, "id") && id_ok(r, &rec->parent, "parent");
  ok = ok && enum_ok(r, &rec->kind, KHCN_AGENCY_KIND_COUNT_, "kind");
  if (!ok) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  khcn_agency *a = NULL;
  khcn_status st = khcn_plan_add_agency(&a, r->plan, khcn__cs(r, s, 0, &rec->id), khcn__cs(r, s, 1, &rec->name),
                                        khcn__cs(r, s, 2, &rec->parent));
  if (st) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return model_fail(r, st, rec->id.off, "id");
  }
  a->unknown = rec->unknown;
  rec->unknown = NULL;
  if (rec->short_name.p)
    CALL(khcn_agency_set_short_name(a, khcn__cs(r, s, 0, &rec->short_name)), rec->short_name.off, "short_name");
  if (rec->kind.has) CALL(khcn_agency_set_kind(a, (khcn_agency_kind)rec->kind.v), rec->kind.off, "kind");
  return r->fatal ? -1 : 0;
fatal:
  return -1;
}

int khcn__commit_resp(khcn__rd *r, khcn__rec_resp *rec, khcn__rec_scratch *s) {
  int ok = need(r, rec->agency.p, rec->off, "agency") & need(r, rec->role.has ? rec : NULL, rec->off, "role");
  ok = ok && id_ok(r, &rec->task, "task") && id_ok(r, &rec->agency, "agency") && id_ok(r, &rec->to, "to");
  ok = ok && enum_ok(r, &rec->role, KHCN_ROLE_COUNT_, "role") && enum_ok(r, &rec->every, KHCN_RECURRENCE_COUNT_, "every");
  ok = ok && year_ok(r, &rec->due_year, 0, "due_year");
  if (ok && rec->due_month.has && (rec->due_month.v < 1 || rec->due_month.v > 12)) {
    khcn__rd_diag(r, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, rec->due_month.off, "due_month", "month outside 1..12");
    ok = 0;
  }
  if (ok && rec->due_day.has && (rec->due_day.v < 1 || rec->due_day.v > 31)) {
    khcn__rd_diag(r, KHCN_DIAG_RANGE, KHCN_SEV_ERROR, rec->due_day.off, "due_day", "day outside 1..31");
    ok = 0;
  }
  if (!ok) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  if (rec->due_day.has && !rec->due_month.has) {
    khcn__rd_diag(r, KHCN_DIAG_MISSING, KHCN_SEV_ERROR, rec->due_day.off, "due_month", "a deadline day needs a month");
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  khcn_responsibility c;
  memset(&c, 0, sizeof c);
  c.role = (khcn_role)rec->role.v;
  c.due_year = rec->due_year.has ? (int)rec->due_year.v : 0;
  c.due_month = rec->due_month.has ? (int)rec->due_month.v : 0;
  c.due_day = rec->due_day.has ? (int)rec->due_day.v : 0;
  c.every = rec->every.has ? (khcn_recurrence)rec->every.v : KHCN_ONCE;
  c.agency = khcn__cs(r, s, 0, &rec->agency);
  c.task = khcn__cs(r, s, 1, &rec->task);
  c.to = khcn__cs(r, s, 2, &rec->to);
  c.note = khcn__cs(r, s, 3, &rec->note);
  int copied = !(rec->task.p && !c.task) && !(rec->to.p && !c.to) && !(rec->note.p && !c.note) && c.agency;
  khcn_status st = copied ? khcn__plan_assign_checked(r->plan, &c, rec->unknown) : KHCN_ENOMEM;
  if (st == KHCN_OK) {
    rec->unknown = NULL; /* the plan's now */
    return 0;
  }
  khcn__unknown_free(rec->unknown);
  rec->unknown = NULL;
  if (st == KHCN_EEXISTS) {
    khcn__rd_diag(r, KHCN_DIAG_DUPLICATE_ID, KHCN_SEV_ERROR, rec->off, NULL, "agency %s already has role %s on %s",
                  c.agency, khcn_role_name(c.role), c.task ? c.task : "the plan");
    return r->fatal ? -1 : 0;
  }
  return model_fail(r, st, rec->off, NULL);
}

int khcn__commit_legal(khcn__rd *r, khcn__rec_legal *rec, khcn__rec_scratch *s) {
  int ok = need(r, rec->id.p, rec->off, "id");
  ok = ok && id_ok(r, &rec->id, "id") && enum_ok(r, &rec->type, KHCN_DOC_TYPE_COUNT_, "type");
  if (ok && rec->date.p) {
    const char *d = khcn__cs(r, s, 0, &rec->date);
    if (d && !khcn_date_valid(d)) {
      khcn__rd_diag(r, KHCN_DIAG_BAD_DATE, KHCN_SEV_ERROR, rec->date.off, "date",
                    "\"%.40s\" is not YYYY, YYYY-MM or YYYY-MM-DD", d);
      ok = 0;
    }
  }
  if (!ok) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return r->fatal ? -1 : 0;
  }
  khcn_legal_doc d;
  d.id = khcn__cs(r, s, 0, &rec->id);
  d.number = khcn__cs(r, s, 1, &rec->number);
  d.type = rec->type.has ? (khcn_doc_type)rec->type.v : KHCN_DOC_OTHER;
  d.date = khcn__cs(r, s, 2, &rec->date);
  d.issuer = khcn__cs(r, s, 3, &rec->issuer);
  d.title = khcn__cs(r, s, 4, &rec->title);
  khcn_status st = khcn_plan_add_legal_basis(r->plan, &d);
  if (st) {
    khcn__unknown_free(rec->unknown);
    rec->unknown = NULL;
    return model_fail(r, st, rec->off, NULL);
  }
  KHCN__VEC_AT(&r->plan->legal, khcn__legal, r->plan->legal.len - 1).unknown = rec->unknown;
  rec->unknown = NULL;
  return 0;
}

/* --------------------------------------------------------- JSON text */

void khcn__json_string(khcn__sb *sb, const char *s, size_t n) {
  khcn__sb_putc(sb, '"');
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) continue;
    khcn__sb_putn(sb, s + run, i - run);
    run = i + 1;
    switch (c) {
    case '"': khcn__sb_puts(sb, "\\\""); break;
    case '\\': khcn__sb_puts(sb, "\\\\"); break;
    case '\n': khcn__sb_puts(sb, "\\n"); break;
    case '\t': khcn__sb_puts(sb, "\\t"); break;
    case '\r': khcn__sb_puts(sb, "\\r"); break;
    case '\b': khcn__sb_puts(sb, "\\b"); break;
    case '\f': khcn__sb_puts(sb, "\\f"); break;
    default: khcn__sb_printf(sb, "\\u%04x", c); break;
    }
  }
  khcn__sb_putn(sb, s + run, n - run);
  khcn__sb_putc(sb, '"');
}
