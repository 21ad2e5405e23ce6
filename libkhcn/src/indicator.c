/* Indicators: fields, baseline, ratio formula, targets, observations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/model.h"

#define IND_CHECK(ind, fn) \
  if (!(ind)) return khcn__err(KHCN_EINVAL, fn ": indicator is NULL")

/* ---------------------------------------------------------- lifecycle */

khcn_status khcn_plan_add_indicator(khcn_indicator **out, khcn_plan *p, const char *id, const char *name) {
  if (out) *out = NULL;
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_add_indicator: plan is NULL");
  khcn_status st;
  if ((st = khcn__check_id(id, "indicator id"))) return st;
  if (!name || !*name) return khcn__err(KHCN_EINVAL, "indicator %s: a name is required", id);
  if ((st = khcn__check_text(name, "indicator name"))) return st;
  st = khcn__plan_add_indicator_n(out, p, id, strlen(id), name, strlen(name));
  if (st == KHCN_EEXISTS) return khcn__err(KHCN_EEXISTS, "indicator id \"%s\" already exists", id);
  return st;
}

khcn_status khcn__plan_add_indicator_n(khcn_indicator **out, khcn_plan *p, const char *id, size_t idn,
                                       const char *name, size_t namen) {
  if (out) *out = NULL;
  if (p->indicators.len >= UINT32_MAX) return khcn__err(KHCN_ELIMIT, "too many indicators");
  khcn_indicator *ind = khcn__arena_alloc(&p->arena, sizeof *ind);
  if (!ind) return KHCN_ENOMEM;
  ind->plan = p;
  /* bulk data repeats names: share the previous indicator's copy (arena
   * strings are never changed in place; a new name is a new copy) */
  const khcn_indicator *prev = p->indicators.len ? KHCN__VEC_AT(&p->indicators, khcn_indicator *, p->indicators.len - 1) : NULL;
  if (prev && prev->name && strncmp(prev->name, name, namen) == 0 && prev->name[namen] == 0) ind->name = prev->name;
  if (!(ind->id = khcn__arena_strndup(&p->arena, id, idn)) ||
      (!ind->name && !(ind->name = khcn__arena_strndup(&p->arena, name, namen))))
    return KHCN_ENOMEM;
  ind->unit = "";
  ind->limit = NAN;
  ind->base_value = NAN;
  ind->direction = 1;
  ind->index = (uint32_t)p->indicators.len;
  khcn_status st;
  if ((st = khcn__vec_reserve(&p->indicators, p->indicators.len + 1))) return st;
  /* one probe: insert unless present (a duplicate leaves its copy in the arena) */
  if ((st = khcn__idx_add(&p->ind_map, ind->id, ind->index))) return st;
  khcn__vec_push(&p->indicators, &ind);
  if (out) *out = ind;
  return KHCN_OK;
}

void khcn__indicator_release(khcn_indicator *ind) {
  if (!ind) return;
  if (!(ind->mem & KHCN__MEM_OBS_ARENA)) khcn__free(ind->obs_block);
  for (uint32_t i = 0; i < ind->ntargets; i++) khcn__unknown_free(khcn__target_unknown(&ind->targets[i]));
  if (!(ind->mem & KHCN__MEM_TARGETS_ARENA)) khcn__free(ind->targets);
  if (ind->x) {
    for (uint32_t i = 0; i < ind->x->nobsx; i++) khcn__unknown_free(ind->x->obsx[i].unknown);
    khcn__free(ind->x->obsx);
    khcn__unknown_free(ind->x->unknown);
  }
}

khcn__target_x *khcn__target_x_get(khcn_indicator *ind, khcn__target *t) {
  if (!t->x) t->x = khcn__arena_alloc(&ind->plan->arena, sizeof *t->x);
  return t->x;
}

khcn__ind_extra *khcn__ind_extra_get(khcn_indicator *ind) {
  if (!ind->x) {
    ind->x = khcn__arena_alloc(&ind->plan->arena, sizeof *ind->x);
    if (ind->x) ind->x->factor = NAN;
  }
  return ind->x;
}

size_t khcn_plan_indicator_count(const khcn_plan *p) { return p ? p->indicators.len : 0; }
khcn_indicator *khcn_plan_indicator_at(const khcn_plan *p, size_t i) {
  return (p && i < p->indicators.len) ? KHCN__VEC_AT(&p->indicators, khcn_indicator *, i) : NULL;
}
khcn_indicator *khcn_plan_indicator(const khcn_plan *p, const char *id) {
  return p ? khcn__idx_get(&p->ind_map, id) : NULL;
}

/* ------------------------------------------------------------ getters */

const char *khcn_indicator_id(const khcn_indicator *i) { return i ? i->id : NULL; }
size_t khcn_indicator_index(const khcn_indicator *i) { return i ? i->index : SIZE_MAX; }
const char *khcn_indicator_name(const khcn_indicator *i) { return i ? i->name : NULL; }
const char *khcn_indicator_name_en(const khcn_indicator *i) { return i && i->x ? i->x->name_en : NULL; }
const char *khcn_indicator_unit(const khcn_indicator *i) { return i ? i->unit : NULL; }
const char *khcn_indicator_description(const khcn_indicator *i) { return i && i->x ? i->x->description : NULL; }
khcn_measure khcn_indicator_measure(const khcn_indicator *i) { return i ? (khcn_measure)i->measure : KHCN_MEASURE_COUNT; }
int khcn_indicator_direction(const khcn_indicator *i) { return i ? i->direction : 1; }
khcn_kind khcn_indicator_kind(const khcn_indicator *i) { return i ? (khcn_kind)i->kind : KHCN_KIND_STOCK; }
double khcn_indicator_limit(const khcn_indicator *i) { return i ? i->limit : NAN; }
int khcn_indicator_baseline_year(const khcn_indicator *i) { return i ? i->base_year : 0; }
double khcn_indicator_baseline_value(const khcn_indicator *i) { return i ? i->base_value : NAN; }
const char *khcn_indicator_baseline_note(const khcn_indicator *i) { return i && i->x ? i->x->base_note : NULL; }

int khcn_indicator_formula(const khcn_indicator *i, const char **num, const char **den, double *factor) {
  if (!i || !i->x || !i->x->num) return 0;
  if (num) *num = i->x->num;
  if (den) *den = i->x->den;
  if (factor) *factor = i->x->factor;
  return 1;
}

/* ------------------------------------------------------------ setters */

static khcn_status set_str(khcn_indicator *ind, const char **slot, const char *s, const char *what, int required) {
  if (required && (!s || !*s)) return khcn__err(KHCN_EINVAL, "indicator %s: %s must not be empty", ind->id, what);
  khcn_status st = khcn__check_text(s, what);
  if (st) return st;
  const char *c = NULL;
  if (s && !(c = khcn__arena_strdup(&ind->plan->arena, s))) return KHCN_ENOMEM;
  *slot = c;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_name(khcn_indicator *i, const char *name) {
  IND_CHECK(i, "khcn_indicator_set_name");
  return set_str(i, &i->name, name, "name", 1);
}

khcn_status khcn_indicator_set_unit(khcn_indicator *i, const char *unit) {
  IND_CHECK(i, "khcn_indicator_set_unit");
  khcn_status st = set_str(i, &i->unit, unit ? unit : "", "unit", 0);
  return st;
}

khcn_status khcn_indicator_set_name_en(khcn_indicator *i, const char *name) {
  IND_CHECK(i, "khcn_indicator_set_name_en");
  if (!name && !i->x) return KHCN_OK;
  khcn__ind_extra *x = khcn__ind_extra_get(i);
  return x ? set_str(i, &x->name_en, name, "English name", 0) : KHCN_ENOMEM;
}

khcn_status khcn_indicator_set_description(khcn_indicator *i, const char *text) {
  IND_CHECK(i, "khcn_indicator_set_description");
  if (!text && !i->x) return KHCN_OK;
  khcn__ind_extra *x = khcn__ind_extra_get(i);
  return x ? set_str(i, &x->description, text, "description", 0) : KHCN_ENOMEM;
}

khcn_status khcn_indicator_set_measure(khcn_indicator *i, khcn_measure m) {
  IND_CHECK(i, "khcn_indicator_set_measure");
  if ((unsigned)m >= KHCN_MEASURE_COUNT_) return khcn__err(KHCN_EINVAL, "indicator %s: unknown measure %d", i->id, (int)m);
  i->measure = (uint8_t)m;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_direction(khcn_indicator *i, int d) {
  IND_CHECK(i, "khcn_indicator_set_direction");
  if (d != 1 && d != -1) return khcn__err(KHCN_EINVAL, "indicator %s: direction must be +1 or -1, not %d", i->id, d);
  i->direction = (int8_t)d;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_kind(khcn_indicator *i, khcn_kind k) {
  IND_CHECK(i, "khcn_indicator_set_kind");
  if (k != KHCN_KIND_STOCK && k != KHCN_KIND_FLOW)
    return khcn__err(KHCN_EINVAL, "indicator %s: kind must be stock or flow", i->id);
  i->kind = (uint8_t)k;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_limit(khcn_indicator *i, double limit) {
  IND_CHECK(i, "khcn_indicator_set_limit");
  if (isnan(limit)) {
    i->limit = NAN;
    return KHCN_OK;
  }
  if (!isfinite(limit) || limit <= 0)
    return khcn__err(KHCN_EINVAL, "indicator %s: natural limit must be finite and > 0", i->id);
  i->limit = limit;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_baseline(khcn_indicator *i, int year, double value, const char *note) {
  IND_CHECK(i, "khcn_indicator_set_baseline");
  if (year == 0) {
    i->base_year = 0;
    i->base_value = NAN;
    if (i->x) i->x->base_note = NULL;
    return KHCN_OK;
  }
  if (!khcn__year_valid(year)) return khcn__err(KHCN_EINVAL, "indicator %s: baseline year %d outside 1900..2200", i->id, year);
  if (!isfinite(value)) return khcn__err(KHCN_EINVAL, "indicator %s: baseline value is not a finite number", i->id);
  khcn_status st = khcn__check_text(note, "baseline note");
  if (st) return st;
  if (note || i->x) {
    khcn__ind_extra *x = khcn__ind_extra_get(i);
    if (!x) return KHCN_ENOMEM;
    if ((st = set_str(i, &x->base_note, note, "baseline note", 0))) return st;
  }
  i->base_year = (int16_t)year;
  i->base_value = value;
  return KHCN_OK;
}

khcn_status khcn_indicator_set_formula(khcn_indicator *i, const char *num, const char *den, double factor) {
  IND_CHECK(i, "khcn_indicator_set_formula");
  if (!num) {
    if (i->x) i->x->num = i->x->den = NULL;
    return KHCN_OK;
  }
  khcn_status st;
  if ((st = khcn__check_id(num, "formula numerator")) || (st = khcn__check_id(den, "formula denominator"))) return st;
  if (!isfinite(factor) || factor == 0)
    return khcn__err(KHCN_EINVAL, "indicator %s: formula factor must be finite and non-zero", i->id);
  khcn__ind_extra *x = khcn__ind_extra_get(i);
  if (!x) return KHCN_ENOMEM;
  const char *n = khcn__arena_strdup(&i->plan->arena, num), *d = khcn__arena_strdup(&i->plan->arena, den);
  if (!n || !d) return KHCN_ENOMEM;
  x->num = n;
  x->den = d;
  x->factor = factor;
  return KHCN_OK;
}

/* ------------------------------------------------------------ targets */

void khcn_target_init(khcn_target *t) {
  if (!t) return;
  memset(t, 0, sizeof *t);
  t->comparator = KHCN_CMP_AT_LEAST;
  t->hi = NAN;
  t->tol = NAN;
}

khcn_status khcn__target_check(const khcn_target *t, const char *what, const char *who) {
  if ((unsigned)t->comparator >= KHCN_CMP_COUNT_)
    return khcn__err(KHCN_EINVAL, "%s %s: unknown comparator %d", what, who, (int)t->comparator);
  if (t->year != KHCN_EVERY_YEAR && !khcn__year_valid(t->year))
    return khcn__err(KHCN_EINVAL, "%s %s: target year %d outside 1900..2200", what, who, t->year);
  if (!isfinite(t->value)) return khcn__err(KHCN_EINVAL, "%s %s: target value is not a finite number", what, who);
  if (t->comparator == KHCN_CMP_RANGE) {
    if (!isfinite(t->hi)) return khcn__err(KHCN_EINVAL, "%s %s: a range target needs a finite hi", what, who);
  } else if (!isnan(t->hi)) {
    return khcn__err(KHCN_EINVAL, "%s %s: hi is only for range targets", what, who);
  }
  if (!isnan(t->tol) && (!isfinite(t->tol) || t->comparator != KHCN_CMP_APPROX))
    return khcn__err(KHCN_EINVAL, "%s %s: tol must be finite and only on approx targets", what, who);
  if (t->base_year && !khcn__year_valid(t->base_year))
    return khcn__err(KHCN_EINVAL, "%s %s: base year %d outside 1900..2200", what, who, t->base_year);
  if (t->flags & ~(uint32_t)(KHCN_TARGET_NO_OVERSHOOT | KHCN_TARGET_CUMULATIVE))
    return khcn__err(KHCN_EINVAL, "%s %s: unknown target flags 0x%x", what, who, (unsigned)t->flags);
  return KHCN_OK;
}

khcn_status khcn_indicator_add_target(khcn_indicator *i, const khcn_target *t) {
  IND_CHECK(i, "khcn_indicator_add_target");
  if (!t) return khcn__err(KHCN_EINVAL, "khcn_indicator_add_target: target is NULL");
  khcn_status st = khcn__target_check(t, "indicator", i->id);
  if (st) return st;
  if ((st = khcn__check_text(t->note, "target note"))) return st;
  if (i->ntargets == UINT16_MAX) return khcn__err(KHCN_ELIMIT, "indicator %s: too many targets", i->id);
  if (i->ntargets == i->cap_targets) {
    /* the first target goes in the arena, exact size: most indicators have one */
    khcn__target *nt;
    uint16_t cap;
    if (i->cap_targets == 0) {
      cap = 1;
      if (!(nt = khcn__arena_alloc(&i->plan->arena, sizeof *nt))) return KHCN_ENOMEM;
      i->mem |= KHCN__MEM_TARGETS_ARENA;
    } else {
      cap = (uint16_t)(i->cap_targets * 2 > UINT16_MAX ? UINT16_MAX : i->cap_targets * 2);
      if (i->mem & KHCN__MEM_TARGETS_ARENA) {
        if (!(nt = khcn__malloc(cap * sizeof *nt))) return khcn__nomem("a target");
        memcpy(nt, i->targets, i->ntargets * sizeof *nt);
        i->mem &= (uint8_t)~KHCN__MEM_TARGETS_ARENA;
      } else if (!(nt = khcn__realloc(i->targets, cap * sizeof *nt))) {
        return khcn__nomem("a target");
      }
    }
    i->targets = nt;
    i->cap_targets = cap;
  }
  khcn__target r;
  memset(&r, 0, sizeof r);
  if (t->note && (!(r.x = khcn__target_x_get(i, &r)) || !(r.x->note = khcn__arena_strdup(&i->plan->arena, t->note))))
    return KHCN_ENOMEM;
  r.value = t->value;
  r.hi = t->hi;
  r.tol = t->tol;
  r.year = (int16_t)t->year;
  r.base_year = (int16_t)t->base_year;
  r.cmp = (uint8_t)t->comparator;
  r.flags = (uint8_t)t->flags;
  i->targets[i->ntargets++] = r;
  return KHCN_OK;
}

size_t khcn_indicator_target_count(const khcn_indicator *i) { return i ? i->ntargets : 0; }

khcn_status khcn_indicator_target_at(const khcn_indicator *i, size_t k, khcn_target *out) {
  if (!i || !out) return khcn__err(KHCN_EINVAL, "khcn_indicator_target_at: NULL argument");
  if (k >= i->ntargets) return khcn__err(KHCN_ENOTFOUND, "indicator %s has no target %zu", i->id, k);
  const khcn__target *r = &i->targets[k];
  out->year = r->year;
  out->comparator = (khcn_comparator)r->cmp;
  out->value = r->value;
  out->hi = r->hi;
  out->tol = r->tol;
  out->base_year = r->base_year;
  out->flags = r->flags;
  out->note = khcn__target_note(r);
  return KHCN_OK;
}

khcn_status khcn_indicator_remove_target(khcn_indicator *i, size_t k) {
  IND_CHECK(i, "khcn_indicator_remove_target");
  if (k >= i->ntargets) return khcn__err(KHCN_ENOTFOUND, "indicator %s has no target %zu", i->id, k);
  khcn__unknown_free(khcn__target_unknown(&i->targets[k]));
  memmove(&i->targets[k], &i->targets[k + 1], (i->ntargets - k - 1) * sizeof *i->targets);
  i->ntargets--;
  return KHCN_OK;
}

/* ------------------------------------------------------- observations */

/* The shared tables behind implicit years and statuses (model.h). */
#define Y10(y) y, y + 1, y + 2, y + 3, y + 4, y + 5, y + 6, y + 7, y + 8, y + 9
#define Y100(y) Y10(y), Y10(y + 10), Y10(y + 20), Y10(y + 30), Y10(y + 40), Y10(y + 50), Y10(y + 60), Y10(y + 70), \
                Y10(y + 80), Y10(y + 90)
const int16_t khcn__year_run[KHCN__YEAR_MAX - KHCN__YEAR_MIN + 1] = {Y100(1900), Y100(2000), Y100(2100), 2200};
const uint8_t khcn__status_zeros[KHCN__STATUS_ZEROS];

static size_t obs_block_size(size_t cap) { return cap * 11; }

int khcn__obs_years_run(const int16_t *years, size_t n) {
  if (!n) return 0;
  for (size_t k = 1; k < n; k++)
    if (years[k] != years[0] + (int)k) return 0;
  return years[0];
}

int khcn__obs_all_normal(const uint8_t *status, size_t n) {
  if (n > KHCN__STATUS_ZEROS) return 0;
  if (status)
    for (size_t k = 0; k < n; k++)
      if (status[k] != KHCN_OBS_NORMAL) return 0;
  return 1;
}

/* Replace the observation block, freeing the old one unless it is in the
 * arena; the new block is explicit. */
static void set_obs_block(khcn_indicator *i, unsigned char *b, int in_arena) {
  if (!(i->mem & KHCN__MEM_OBS_ARENA)) khcn__free(i->obs_block);
  i->obs_block = b;
  i->mem &= (uint8_t)~KHCN__MEM_OBS_IMPLICIT;
  if (in_arena) i->mem |= KHCN__MEM_OBS_ARENA;
  else i->mem &= (uint8_t)~KHCN__MEM_OBS_ARENA;
}

khcn_status khcn__obs_prepare(khcn_indicator *i, size_t n, int years_run, int normal) {
  if (n > UINT32_MAX / 2) return khcn__err(KHCN_ELIMIT, "indicator %s: too many observations", i->id);
  if (n > KHCN__STATUS_ZEROS) normal = 0;
  unsigned char *b = NULL;
  if (n) {
    size_t sz = n * 8 + (years_run ? 0 : n * 2) + (normal ? 0 : n);
    if (!(b = khcn__arena_alloc(&i->plan->arena, sz))) return KHCN_ENOMEM;
  }
  set_obs_block(i, b, b != NULL);
  if (n && years_run) {
    i->mem |= KHCN__MEM_YEARS_RUN;
    i->year0 = (int16_t)years_run;
  }
  if (n && normal) i->mem |= KHCN__MEM_STATUS_NORMAL;
  i->nobs = i->cap_obs = (uint32_t)n;
  return KHCN_OK;
}

/* Move the observations into an explicit block of capacity cap (>= nobs).
 * An indicator's first block comes from the arena; later ones from malloc. */
static khcn_status obs_realloc(khcn_indicator *i, size_t cap) {
  int first = i->obs_block == NULL;
  unsigned char *b = first ? khcn__arena_alloc(&i->plan->arena, obs_block_size(cap))
                           : khcn__malloc(obs_block_size(cap));
  if (!b) return first ? KHCN_ENOMEM : khcn__nomem("observations");
  size_t n = i->nobs;
  if (n) {
    memcpy(b, khcn__obs_values(i), n * 8);
    memcpy(b + cap * 8, khcn__obs_years(i), n * 2);
    memcpy(b + cap * 10, khcn__obs_status(i), n);
  }
  set_obs_block(i, b, first);
  i->cap_obs = (uint32_t)cap;
  return KHCN_OK;
}

khcn_status khcn__obs_reserve(khcn_indicator *i, size_t n) {
  if (n <= i->cap_obs && !(i->mem & KHCN__MEM_OBS_IMPLICIT)) return KHCN_OK;
  if (n > UINT32_MAX / 2) return khcn__err(KHCN_ELIMIT, "indicator %s: too many observations", i->id);
  return obs_realloc(i, n < i->nobs ? i->nobs : n);
}

/* index of the first observation with year >= y */
static size_t obs_lower(const khcn_indicator *i, int y) {
  const int16_t *ys = i->nobs ? khcn__obs_years(i) : NULL;
  size_t lo = 0, hi = i->nobs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ys[mid] < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const khcn__obs_extra *khcn__obs_extra_find(const khcn_indicator *i, int year) {
  if (!i->x) return NULL;
  size_t lo = 0, hi = i->x->nobsx;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (i->x->obsx[mid].year < year) lo = mid + 1;
    else hi = mid;
  }
  return (lo < i->x->nobsx && i->x->obsx[lo].year == year) ? &i->x->obsx[lo] : NULL;
}

static void obsx_remove(khcn_indicator *i, int year) {
  khcn__obs_extra *e = (khcn__obs_extra *)khcn__obs_extra_find(i, year);
  if (!e) return;
  size_t k = (size_t)(e - i->x->obsx);
  khcn__unknown_free(e->unknown);
  memmove(e, e + 1, (i->x->nobsx - k - 1) * sizeof *e);
  i->x->nobsx--;
}

static khcn_status check_obs(const khcn_indicator *i, const khcn_observation *o) {
  if (!khcn__year_valid(o->year))
    return khcn__err(KHCN_EINVAL, "indicator %s: observation year %d outside 1900..2200", i->id, o->year);
  if ((unsigned)o->status >= KHCN_OBS_STATUS_COUNT_)
    return khcn__err(KHCN_EINVAL, "indicator %s: unknown observation status %d", i->id, (int)o->status);
  if (o->status == KHCN_OBS_MISSING) {
    if (!isnan(o->value))
      return khcn__err(KHCN_EINVAL, "indicator %s, %d: a missing observation has no value (NAN)", i->id, o->year);
  } else if (!isfinite(o->value)) {
    return khcn__err(KHCN_EINVAL, "indicator %s, %d: observation value is not a finite number", i->id, o->year);
  }
  khcn_status st;
  if ((st = khcn__check_text(o->source, "observation source")) || (st = khcn__check_text(o->note, "observation note")))
    return st;
  if (o->reporter && (st = khcn__check_id(o->reporter, "observation reporter"))) return st;
  return KHCN_OK;
}

khcn_status khcn_indicator_add_observation(khcn_indicator *i, const khcn_observation *o) {
  IND_CHECK(i, "khcn_indicator_add_observation");
  if (!o) return khcn__err(KHCN_EINVAL, "khcn_indicator_add_observation: observation is NULL");
  khcn_status st = check_obs(i, o);
  if (st) return st;
  size_t pos = obs_lower(i, o->year);
  if (pos < i->nobs && khcn__obs_years(i)[pos] == o->year)
    return khcn__err(KHCN_EEXISTS, "indicator %s already has an observation for %d", i->id, o->year);
  int has_extra = o->source || o->reporter || o->note;
  khcn__obs_extra ex;
  memset(&ex, 0, sizeof ex);
  if (has_extra) {
    khcn__ind_extra *x = khcn__ind_extra_get(i);
    if (!x) return KHCN_ENOMEM;
    khcn__arena *a = &i->plan->arena;
    ex.year = o->year;
    if ((o->source && !(ex.source = khcn__arena_strdup(a, o->source))) ||
        (o->reporter && !(ex.reporter = khcn__arena_strdup(a, o->reporter))) ||
        (o->note && !(ex.note = khcn__arena_strdup(a, o->note))))
      return KHCN_ENOMEM;
    if (x->nobsx == x->cap_obsx) {
      uint32_t cap = x->cap_obsx ? x->cap_obsx * 2 : 4;
      khcn__obs_extra *ne = khcn__realloc(x->obsx, cap * sizeof *ne);
      if (!ne) return khcn__nomem("observation provenance");
      x->obsx = ne;
      x->cap_obsx = cap;
    }
  }
  if ((st = khcn__obs_reserve(i, i->nobs == i->cap_obs ? (i->cap_obs ? (size_t)i->cap_obs * 2 : 4) : i->cap_obs)))
    return st;
  double *v = khcn__obs_values_w(i);
  int16_t *y = khcn__obs_years_w(i);
  uint8_t *s = khcn__obs_status_w(i);
  size_t tail = i->nobs - pos;
  memmove(v + pos + 1, v + pos, tail * sizeof *v);
  memmove(y + pos + 1, y + pos, tail * sizeof *y);
  memmove(s + pos + 1, s + pos, tail * sizeof *s);
  v[pos] = o->status == KHCN_OBS_MISSING ? NAN : o->value;
  y[pos] = (int16_t)o->year;
  s[pos] = (uint8_t)o->status;
  i->nobs++;
  if (has_extra) {
    khcn__ind_extra *x = i->x;
    size_t k = 0;
    while (k < x->nobsx && x->obsx[k].year < o->year) k++;
    memmove(&x->obsx[k + 1], &x->obsx[k], (x->nobsx - k) * sizeof *x->obsx);
    x->obsx[k] = ex;
    x->nobsx++;
  }
  return KHCN_OK;
}

khcn_status khcn_indicator_set_series(khcn_indicator *i, const int *years, const double *values, size_t n) {
  IND_CHECK(i, "khcn_indicator_set_series");
  if (n && (!years || !values)) return khcn__err(KHCN_EINVAL, "khcn_indicator_set_series: NULL arrays");
  if (n > UINT32_MAX / 2) return khcn__err(KHCN_ELIMIT, "indicator %s: too many observations", i->id);
  for (size_t k = 0; k < n; k++) {
    if (!khcn__year_valid(years[k]))
      return khcn__err(KHCN_EINVAL, "indicator %s: year %d (element %zu) outside 1900..2200", i->id, years[k], k);
    if (k && years[k] <= years[k - 1])
      return khcn__err(KHCN_EINVAL, "indicator %s: years must increase strictly (element %zu)", i->id, k);
    if (!isfinite(values[k]))
      return khcn__err(KHCN_EINVAL, "indicator %s: value %zu is not a finite number", i->id, k);
  }
  int run = n ? years[0] : 0;
  for (size_t k = 1; k < n && run; k++)
    if (years[k] != years[0] + (int)k) run = 0;
  khcn_status st = khcn__obs_prepare(i, n, run, 1);
  if (st) return st;
  if (n) {
    memcpy(khcn__obs_values_w(i), values, n * 8);
    int16_t *y = khcn__obs_years_w(i);
    uint8_t *s = khcn__obs_status_w(i);
    if (y)
      for (size_t k = 0; k < n; k++) y[k] = (int16_t)years[k];
    if (s) memset(s, KHCN_OBS_NORMAL, n);
  }
  if (i->x) {
    for (uint32_t k = 0; k < i->x->nobsx; k++) khcn__unknown_free(i->x->obsx[k].unknown);
    i->x->nobsx = 0;
  }
  return KHCN_OK;
}

size_t khcn_indicator_observation_count(const khcn_indicator *i) { return i ? i->nobs : 0; }

khcn_status khcn_indicator_observation_at(const khcn_indicator *i, size_t k, khcn_observation *out) {
  if (!i || !out) return khcn__err(KHCN_EINVAL, "khcn_indicator_observation_at: NULL argument");
  if (k >= i->nobs) return khcn__err(KHCN_ENOTFOUND, "indicator %s has no observation %zu", i->id, k);
  out->year = khcn__obs_years(i)[k];
  out->value = khcn__obs_values(i)[k];
  out->status = (khcn_obs_status)khcn__obs_status(i)[k];
  const khcn__obs_extra *e = khcn__obs_extra_find(i, out->year);
  out->source = e ? e->source : NULL;
  out->reporter = e ? e->reporter : NULL;
  out->note = e ? e->note : NULL;
  return KHCN_OK;
}

khcn_status khcn_indicator_remove_observation(khcn_indicator *i, int year) {
  IND_CHECK(i, "khcn_indicator_remove_observation");
  size_t pos = obs_lower(i, year);
  if (pos >= i->nobs || khcn__obs_years(i)[pos] != year)
    return khcn__err(KHCN_ENOTFOUND, "indicator %s has no observation for %d", i->id, year);
  khcn_status st = khcn__obs_reserve(i, i->nobs);
  if (st) return st;
  double *v = khcn__obs_values_w(i);
  int16_t *y = khcn__obs_years_w(i);
  uint8_t *s = khcn__obs_status_w(i);
  size_t tail = i->nobs - pos - 1;
  memmove(v + pos, v + pos + 1, tail * sizeof *v);
  memmove(y + pos, y + pos + 1, tail * sizeof *y);
  memmove(s + pos, s + pos + 1, tail * sizeof *s);
  i->nobs--;
  obsx_remove(i, year);
  return KHCN_OK;
}

size_t khcn_indicator_series(const khcn_indicator *i, int *years, double *values, size_t n) {
  if (!i) return 0;
  size_t m = i->nobs < n ? i->nobs : n;
  for (size_t k = 0; k < m; k++) {
    if (years) years[k] = khcn__obs_years(i)[k];
    if (values) values[k] = khcn__obs_values(i)[k];
  }
  return m;
}

/* sort one block's observations by year (stable enough: years unique) */
typedef struct {
  double v;
  int16_t y;
  uint8_t s;
} obs_tmp;

static int cmp_obs_tmp(const void *a, const void *b) {
  const obs_tmp *x = a, *y = b;
  return (x->y > y->y) - (x->y < y->y);
}

static khcn_status sort_block(unsigned char *b, size_t cap, size_t n) {
  double *v = (double *)(void *)b;
  int16_t *y = (int16_t *)(void *)(b + cap * 8);
  uint8_t *s = b + cap * 10;
  int sorted = 1;
  for (size_t k = 1; k < n && sorted; k++) sorted = y[k] > y[k - 1];
  if (sorted) return KHCN_OK;
  obs_tmp *t = khcn__malloc(n * sizeof *t);
  if (!t) return khcn__nomem("sorting observations");
  for (size_t k = 0; k < n; k++) t[k] = (obs_tmp){v[k], y[k], s[k]};
  qsort(t, n, sizeof *t, cmp_obs_tmp);
  for (size_t k = 0; k < n; k++) {
    v[k] = t[k].v;
    y[k] = t[k].y;
    s[k] = t[k].s;
  }
  khcn__free(t);
  return KHCN_OK;
}

khcn_status khcn_plan_add_observations(khcn_plan *p, const uint32_t *index, const int32_t *years,
                                       const double *values, size_t n) {
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_add_observations: plan is NULL");
  if (n == 0) return KHCN_OK;
  if (!index || !years || !values) return khcn__err(KHCN_EINVAL, "khcn_plan_add_observations: NULL arrays");
  size_t nind = p->indicators.len;
  for (size_t k = 0; k < n; k++) {
    if (index[k] >= nind)
      return khcn__err(KHCN_EINVAL, "observation %zu: indicator index %u out of range (the plan has %zu)", k,
                       (unsigned)index[k], nind);
    if (!khcn__year_valid(years[k]))
      return khcn__err(KHCN_EINVAL, "observation %zu: year %d outside 1900..2200", k, (int)years[k]);
    if (!isfinite(values[k])) return khcn__err(KHCN_EINVAL, "observation %zu: value is not a finite number", k);
  }
  /* All or nothing: build every new block first, swap them in at the end. */
  khcn_status st = KHCN_OK;
  uint32_t *add = khcn__calloc(nind, sizeof *add);  /* observations added per indicator */
  uint32_t *fill = khcn__calloc(nind, sizeof *fill); /* next free slot per new block */
  unsigned char **blocks = khcn__calloc(nind, sizeof *blocks);
  if (!add || !fill || !blocks) {
    st = khcn__nomem("bulk observations");
    goto done;
  }
  for (size_t k = 0; k < n; k++) {
    if (add[index[k]] >= UINT32_MAX / 4) {
      st = khcn__err(KHCN_ELIMIT, "too many observations for one indicator");
      goto done;
    }
    add[index[k]]++;
  }
  for (size_t j = 0; j < nind; j++) {
    if (!add[j]) continue;
    khcn_indicator *ind = KHCN__VEC_AT(&p->indicators, khcn_indicator *, j);
    size_t cap = (size_t)ind->nobs + add[j];
    if (cap > UINT32_MAX / 2) {
      st = khcn__err(KHCN_ELIMIT, "indicator %s: too many observations", ind->id);
      goto done;
    }
    /* exact size, in the arena: a failed call wastes it until the plan is freed */
    if (!(blocks[j] = khcn__arena_alloc(&p->arena, obs_block_size(cap)))) {
      st = KHCN_ENOMEM;
      goto done;
    }
    size_t m = ind->nobs;
    if (m) {
      memcpy(blocks[j], khcn__obs_values(ind), m * 8);
      memcpy(blocks[j] + cap * 8, khcn__obs_years(ind), m * 2);
      memcpy(blocks[j] + cap * 10, khcn__obs_status(ind), m);
    }
    fill[j] = (uint32_t)m;
  }
  for (size_t k = 0; k < n; k++) {
    uint32_t j = index[k];
    size_t cap = (size_t)KHCN__VEC_AT(&p->indicators, khcn_indicator *, j)->nobs + add[j];
    unsigned char *b = blocks[j];
    uint32_t pos = fill[j]++;
    ((double *)(void *)b)[pos] = values[k];
    ((int16_t *)(void *)(b + cap * 8))[pos] = (int16_t)years[k];
    b[cap * 10 + pos] = KHCN_OBS_NORMAL;
  }
  for (size_t j = 0; j < nind; j++) {
    if (!blocks[j]) continue;
    khcn_indicator *ind = KHCN__VEC_AT(&p->indicators, khcn_indicator *, j);
    size_t cap = (size_t)ind->nobs + add[j];
    if ((st = sort_block(blocks[j], cap, cap))) goto done;
    const int16_t *y = (const int16_t *)(const void *)(blocks[j] + cap * 8);
    for (size_t k = 1; k < cap; k++)
      if (y[k] == y[k - 1]) {
        st = khcn__err(KHCN_EEXISTS, "indicator %s: two observations for %d", ind->id, y[k]);
        goto done;
      }
  }
  for (size_t j = 0; j < nind; j++) {
    if (!blocks[j]) continue;
    khcn_indicator *ind = KHCN__VEC_AT(&p->indicators, khcn_indicator *, j);
    set_obs_block(ind, blocks[j], 1);
    ind->nobs = ind->cap_obs = ind->nobs + add[j];
  }
done:
  khcn__free(blocks);
  khcn__free(fill);
  khcn__free(add);
  return st;
}

/* ------------------------------------------------------------- copies */

khcn_status khcn__indicator_copy(khcn_plan *dst, const khcn_indicator *s) {
  khcn_indicator *d;
  khcn_status st = khcn_plan_add_indicator(&d, dst, s->id, s->name);
  if (st) return st;
  khcn__arena *a = &dst->arena;
  if (*s->unit && !(d->unit = khcn__arena_strdup(a, s->unit))) return KHCN_ENOMEM;
  d->limit = s->limit;
  d->base_value = s->base_value;
  d->base_year = s->base_year;
  d->direction = s->direction;
  d->measure = s->measure;
  d->kind = s->kind;
  if (s->x) {
    khcn__ind_extra *x = khcn__ind_extra_get(d);
    if (!x) return KHCN_ENOMEM;
    const khcn__ind_extra *sx = s->x;
    if ((sx->name_en && !(x->name_en = khcn__arena_strdup(a, sx->name_en))) ||
        (sx->description && !(x->description = khcn__arena_strdup(a, sx->description))) ||
        (sx->base_note && !(x->base_note = khcn__arena_strdup(a, sx->base_note))) ||
        (sx->num && !(x->num = khcn__arena_strdup(a, sx->num))) ||
        (sx->den && !(x->den = khcn__arena_strdup(a, sx->den))))
      return KHCN_ENOMEM;
    x->factor = sx->factor;
    if ((st = khcn__unknown_clone(&x->unknown, sx->unknown))) return st;
    if (sx->nobsx) {
      x->obsx = khcn__malloc(sx->nobsx * sizeof *x->obsx);
      if (!x->obsx) return khcn__nomem("observation provenance");
      x->cap_obsx = sx->nobsx;
      for (uint32_t k = 0; k < sx->nobsx; k++) {
        khcn__obs_extra e = sx->obsx[k];
        e.unknown = NULL;
        if ((e.source && !(e.source = khcn__arena_strdup(a, e.source))) ||
            (e.reporter && !(e.reporter = khcn__arena_strdup(a, e.reporter))) ||
            (e.note && !(e.note = khcn__arena_strdup(a, e.note))))
          return KHCN_ENOMEM;
        x->obsx[k] = e;
        x->nobsx = k + 1;
        if ((st = khcn__unknown_clone(&x->obsx[k].unknown, sx->obsx[k].unknown))) return st;
      }
    }
  }
  if (s->ntargets) {
    d->targets = khcn__arena_alloc(a, s->ntargets * sizeof *d->targets);
    if (!d->targets) return KHCN_ENOMEM;
    d->mem |= KHCN__MEM_TARGETS_ARENA;
    d->cap_targets = s->ntargets;
    for (uint32_t k = 0; k < s->ntargets; k++) {
      khcn__target t = s->targets[k];
      t.x = NULL;
      d->targets[k] = t;
      d->ntargets = (uint16_t)(k + 1);
      const khcn__target_x *sx = s->targets[k].x;
      if (sx) {
        khcn__target_x *x = khcn__target_x_get(d, &d->targets[k]);
        if (!x || (sx->note && !(x->note = khcn__arena_strdup(a, sx->note)))) return KHCN_ENOMEM;
        if ((st = khcn__unknown_clone(&x->unknown, sx->unknown))) return st;
      }
    }
  }
  if (s->nobs) {
    if ((st = khcn__obs_prepare(d, s->nobs, khcn__obs_years_run(khcn__obs_years(s), s->nobs),
                                khcn__obs_all_normal(khcn__obs_status(s), s->nobs))))
      return st;
    memcpy(khcn__obs_values_w(d), khcn__obs_values(s), s->nobs * 8);
    if (khcn__obs_years_w(d)) memcpy(khcn__obs_years_w(d), khcn__obs_years(s), s->nobs * 2);
    if (khcn__obs_status_w(d)) memcpy(khcn__obs_status_w(d), khcn__obs_status(s), s->nobs);
  }
  return KHCN_OK;
}
