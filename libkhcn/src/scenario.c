/*
 * What-if: scenarios of edits, their incremental evaluation as an overlay
 * over a full evaluation, applying them to a plan, diffs, goal seek and
 * sensitivity.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/engine.h"

void khcn__ovl_free(khcn__ovl *o);
size_t khcn__agency_roles(const khcn_eval *e, size_t a, const khcn__mrole **list, const uint32_t **idx);

/* ------------------------------------------------------------ scenario */

khcn_status khcn_scenario_new(khcn_scenario **out) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_scenario_new: NULL out");
  *out = khcn__calloc(1, sizeof **out);
  return *out ? KHCN_OK : khcn__nomem("scenario");
}

void khcn_scenario_clear(khcn_scenario *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) {
    khcn__free(s->e[i].a);
    khcn__free(s->e[i].b);
  }
  s->n = 0;
}

void khcn_scenario_free(khcn_scenario *s) {
  if (!s) return;
  khcn_scenario_clear(s);
  khcn__free(s->e);
  khcn__free(s);
}

size_t khcn_scenario_edit_count(const khcn_scenario *s) { return s ? s->n : 0; }

static khcn_status push(khcn_scenario *s, const khcn__edit *ed) {
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 8;
    khcn__edit *ne = khcn__realloc(s->e, nc * sizeof *ne);
    if (!ne) return khcn__nomem("scenario edit");
    s->e = ne;
    s->cap = nc;
  }
  khcn__edit e = *ed;
  e.a = e.b = NULL;
  if (ed->a && !(e.a = khcn__strdup(ed->a))) return khcn__nomem("scenario edit");
  if (ed->b && !(e.b = khcn__strdup(ed->b))) {
    khcn__free(e.a);
    return khcn__nomem("scenario edit");
  }
  e.t.x = NULL;
  s->e[s->n++] = e;
  return KHCN_OK;
}

static khcn_status chk_id(const char *id, const char *what) {
  if (!id || !khcn_id_valid(id)) return khcn__err(KHCN_EINVAL, "scenario: invalid %s id", what);
  return KHCN_OK;
}

static khcn_status edit_ind(khcn_scenario *s, int kind, const char *ind, int year, double value, size_t j) {
  if (!s) return khcn__err(KHCN_EINVAL, "scenario: NULL scenario");
  khcn_status st = chk_id(ind, "indicator");
  if (st) return st;
  khcn__edit e;
  memset(&e, 0, sizeof e);
  e.kind = kind;
  e.a = (char *)ind;
  e.year = year;
  e.value = value;
  e.j = j;
  return push(s, &e);
}

khcn_status khcn_scenario_set_observation(khcn_scenario *s, const char *indicator, int year, double value) {
  if (!khcn__year_valid(year) || !isfinite(value))
    return khcn__err(KHCN_EINVAL, "scenario: bad observation (%d, %g)", year, value);
  return edit_ind(s, KHCN__E_SET_OBS, indicator, year, value, 0);
}

khcn_status khcn_scenario_remove_observation(khcn_scenario *s, const char *indicator, int year) {
  if (!khcn__year_valid(year)) return khcn__err(KHCN_EINVAL, "scenario: bad year %d", year);
  return edit_ind(s, KHCN__E_RM_OBS, indicator, year, NAN, 0);
}

khcn_status khcn_scenario_assume_growth(khcn_scenario *s, const char *indicator, int from_year, double rate) {
  if (!khcn__year_valid(from_year) || isinf(rate) || rate <= -1)
    return khcn__err(KHCN_EINVAL, "scenario: bad assumed growth (%d, %g)", from_year, rate);
  return edit_ind(s, KHCN__E_GROWTH, indicator, from_year, rate, 0);
}

khcn_status khcn_scenario_set_target(khcn_scenario *s, const char *indicator, size_t j, const khcn_target *t) {
  if (!s || !t) return khcn__err(KHCN_EINVAL, "scenario: NULL argument");
  khcn_status st = khcn__target_check(t, "scenario target on", indicator ? indicator : "(null)");
  if (st) return st;
  st = chk_id(indicator, "indicator");
  if (st) return st;
  khcn__edit e;
  memset(&e, 0, sizeof e);
  e.kind = KHCN__E_TARGET;
  e.a = (char *)indicator;
  e.j = j;
  e.t.value = t->value;
  e.t.hi = t->hi;
  e.t.tol = t->tol;
  e.t.flags = t->flags;
  e.t.year = (int16_t)t->year;
  e.t.base_year = (int16_t)t->base_year;
  e.t.cmp = (uint8_t)t->comparator;
  return push(s, &e);
}

khcn_status khcn_scenario_set_target_value(khcn_scenario *s, const char *indicator, size_t j, double value) {
  if (!isfinite(value)) return khcn__err(KHCN_EINVAL, "scenario: target value not finite");
  return edit_ind(s, KHCN__E_TVALUE, indicator, 0, value, j);
}

khcn_status khcn_scenario_set_target_year(khcn_scenario *s, const char *indicator, size_t j, int year) {
  if (year != KHCN_EVERY_YEAR && !khcn__year_valid(year)) return khcn__err(KHCN_EINVAL, "scenario: bad year %d", year);
  return edit_ind(s, KHCN__E_TYEAR, indicator, year, 0, j);
}

khcn_status khcn_scenario_set_target_comparator(khcn_scenario *s, const char *indicator, size_t j,
                                                khcn_comparator c) {
  if ((int)c < 0 || c >= KHCN_CMP_COUNT_) return khcn__err(KHCN_EINVAL, "scenario: bad comparator");
  khcn_status st = edit_ind(s, KHCN__E_TCMP, indicator, 0, 0, j);
  if (!st) s->e[s->n - 1].role = (int)c;
  return st;
}

khcn_status khcn_scenario_set_node_weight(khcn_scenario *s, const char *node, double weight) {
  if (!s) return khcn__err(KHCN_EINVAL, "scenario: NULL scenario");
  if (!isfinite(weight) || weight < 0) return khcn__err(KHCN_EINVAL, "scenario: node weight must be finite, >= 0");
  khcn_status st = chk_id(node, "node");
  if (st) return st;
  khcn__edit e;
  memset(&e, 0, sizeof e);
  e.kind = KHCN__E_NODE_W;
  e.a = (char *)node;
  e.value = weight;
  return push(s, &e);
}

khcn_status khcn_scenario_set_link_weight(khcn_scenario *s, const char *node, const char *indicator, double weight) {
  if (!s) return khcn__err(KHCN_EINVAL, "scenario: NULL scenario");
  if (!isfinite(weight) || weight <= 0) return khcn__err(KHCN_EINVAL, "scenario: link weight must be finite, > 0");
  khcn_status st = chk_id(node, "node");
  if (!st) st = chk_id(indicator, "indicator");
  if (st) return st;
  khcn__edit e;
  memset(&e, 0, sizeof e);
  e.kind = KHCN__E_LINK_W;
  e.a = (char *)node;
  e.b = (char *)indicator;
  e.value = weight;
  return push(s, &e);
}

static khcn_status role_edit(khcn_scenario *s, int kind, const char *task, const char *agency, khcn_role role) {
  if (!s) return khcn__err(KHCN_EINVAL, "scenario: NULL scenario");
  if ((int)role < 0 || role >= KHCN_ROLE_COUNT_) return khcn__err(KHCN_EINVAL, "scenario: bad role");
  khcn_status st = task ? chk_id(task, "task") : KHCN_OK;
  if (!st) st = chk_id(agency, "agency");
  if (st) return st;
  khcn__edit e;
  memset(&e, 0, sizeof e);
  e.kind = kind;
  e.a = (char *)task;
  e.b = (char *)agency;
  e.role = (int)role;
  return push(s, &e);
}

khcn_status khcn_scenario_assign(khcn_scenario *s, const char *task, const char *agency, khcn_role role) {
  return role_edit(s, KHCN__E_ASSIGN, task, agency, role);
}
khcn_status khcn_scenario_unassign(khcn_scenario *s, const char *task, const char *agency, khcn_role role) {
  return role_edit(s, KHCN__E_UNASSIGN, task, agency, role);
}
khcn_status khcn_scenario_move_role(khcn_scenario *s, const char *task, const char *agency, khcn_role role,
                                    const char *new_task, const char *new_agency) {
  if (!s) return khcn__err(KHCN_EINVAL, "scenario: NULL scenario");
  if ((new_task && chk_id(new_task, "task")) || chk_id(new_agency, "agency") || (task && chk_id(task, "task")) ||
      chk_id(agency, "agency"))
    return khcn__err(KHCN_EINVAL, "scenario: invalid id in role move");
  khcn_status st = role_edit(s, KHCN__E_UNASSIGN, task, agency, role);
  if (st) return st;
  st = role_edit(s, KHCN__E_ASSIGN, new_task, new_agency, role);
  if (st) {
    s->n--;
    khcn__free(s->e[s->n].a);
    khcn__free(s->e[s->n].b);
  }
  return st;
}

/* A comparator change keeps hi only for a range (a range made from another
 * comparator gets hi = value) and tol only for approx. */
static void change_cmp(int c, double value, double *hi, double *tol) {
  if (c == KHCN_CMP_RANGE) {
    if (!isfinite(*hi)) *hi = value;
  } else {
    *hi = NAN;
  }
  if (c != KHCN_CMP_APPROX) *tol = NAN;
}

/* ------------------------------------------------------------ apply to a plan */

static khcn_status replace_target(khcn_indicator *ind, size_t j, const khcn_target *t) {
  size_t nt = khcn_indicator_target_count(ind);
  if (j >= nt) return khcn__err(KHCN_ENOTFOUND, "indicator %s has no target %zu", khcn_indicator_id(ind), j);
  /* keep the order: take the tail off, put it back */
  size_t ntail = nt - j - 1;
  khcn_target *tail = khcn__malloc((ntail ? ntail : 1) * sizeof *tail);
  char **notes = khcn__calloc(ntail ? ntail : 1, sizeof *notes);
  khcn_status st = KHCN_OK;
  if (!tail || !notes) {
    khcn__free(tail);
    khcn__free(notes);
    return khcn__nomem("targets");
  }
  for (size_t q = 0; q < ntail; q++) {
    (void)khcn_indicator_target_at(ind, j + 1 + q, &tail[q]);
    if (tail[q].note && !(notes[q] = khcn__strdup(tail[q].note))) st = khcn__nomem("targets");
    tail[q].note = notes[q];
  }
  if (!st) {
    while (khcn_indicator_target_count(ind) > j) (void)khcn_indicator_remove_target(ind, j);
    st = khcn_indicator_add_target(ind, t);
    for (size_t q = 0; q < ntail && !st; q++) st = khcn_indicator_add_target(ind, &tail[q]);
  }
  for (size_t q = 0; q < ntail; q++) khcn__free(notes[q]);
  khcn__free(notes);
  khcn__free(tail);
  return st;
}

static void target_to_public(const khcn__target *in, khcn_target *t) {
  khcn_target_init(t);
  t->year = in->year;
  t->comparator = (khcn_comparator)in->cmp;
  t->value = in->value;
  t->hi = in->hi;
  t->tol = in->tol;
  t->base_year = in->base_year;
  t->flags = in->flags;
}

khcn_status khcn_scenario_apply(khcn_plan *plan, const khcn_scenario *s) {
  if (!plan || !s) return khcn__err(KHCN_EINVAL, "khcn_scenario_apply: NULL argument");
  for (size_t q = 0; q < s->n; q++) {
    const khcn__edit *e = &s->e[q];
    khcn_status st = KHCN_OK;
    khcn_indicator *ind = NULL;
    khcn_node *node = NULL;
    if (e->kind <= KHCN__E_TCMP) {
      ind = khcn_plan_indicator(plan, e->a);
      if (!ind) return khcn__err(KHCN_ENOTFOUND, "scenario: no indicator \"%s\"", e->a);
    }
    switch (e->kind) {
    case KHCN__E_SET_OBS: {
      khcn_observation o = {e->year, e->value, KHCN_OBS_NORMAL, NULL, NULL, NULL};
      st = khcn_indicator_remove_observation(ind, e->year);
      if (st == KHCN_OK || st == KHCN_ENOTFOUND) st = khcn_indicator_add_observation(ind, &o);
      break;
    }
    case KHCN__E_RM_OBS:
      st = khcn_indicator_remove_observation(ind, e->year);
      if (st == KHCN_ENOTFOUND) st = KHCN_OK; /* nothing to remove */
      break;
    case KHCN__E_GROWTH: break;
    case KHCN__E_TARGET: {
      khcn_target t;
      target_to_public(&e->t, &t);
      st = replace_target(ind, e->j, &t);
      break;
    }
    case KHCN__E_TVALUE:
    case KHCN__E_TYEAR:
    case KHCN__E_TCMP: {
      khcn_target t;
      st = khcn_indicator_target_at(ind, e->j, &t);
      if (st) return khcn__err(KHCN_ENOTFOUND, "scenario: indicator %s has no target %zu", e->a, e->j);
      char *note = t.note ? khcn__strdup(t.note) : NULL;
      t.note = note;
      if (e->kind == KHCN__E_TVALUE) t.value = e->value;
      else if (e->kind == KHCN__E_TYEAR) t.year = e->year;
      else {
        t.comparator = (khcn_comparator)e->role;
        change_cmp(e->role, t.value, &t.hi, &t.tol);
      }
      st = replace_target(ind, e->j, &t);
      khcn__free(note);
      break;
    }
    case KHCN__E_NODE_W:
      node = khcn_plan_node(plan, e->a);
      if (!node) return khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", e->a);
      st = khcn_node_set_weight(node, e->value);
      break;
    case KHCN__E_LINK_W: {
      node = khcn_plan_node(plan, e->a);
      if (!node) return khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", e->a);
      int found = 0;
      for (uint32_t l = 0; l < node->nlinks; l++)
        if (strcmp(node->links[l].indicator, e->b) == 0) {
          node->links[l].weight = e->value;
          found = 1;
        }
      if (!found) return khcn__err(KHCN_ENOTFOUND, "scenario: node %s has no link to %s", e->a, e->b);
      break;
    }
    case KHCN__E_ASSIGN: {
      if (e->a && !khcn_plan_node(plan, e->a)) return khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", e->a);
      if (!khcn_plan_agency(plan, e->b)) return khcn__err(KHCN_ENOTFOUND, "scenario: no agency \"%s\"", e->b);
      khcn_responsibility r;
      memset(&r, 0, sizeof r);
      r.task = e->a;
      r.agency = e->b;
      r.role = (khcn_role)e->role;
      st = khcn_plan_assign(plan, &r);
      if (st == KHCN_EEXISTS) st = KHCN_OK;
      break;
    }
    case KHCN__E_UNASSIGN: {
      if (e->a && !khcn_plan_node(plan, e->a)) return khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", e->a);
      if (!khcn_plan_agency(plan, e->b)) return khcn__err(KHCN_ENOTFOUND, "scenario: no agency \"%s\"", e->b);
      for (size_t i = khcn_plan_responsibility_count(plan); i-- > 0;) {
        khcn_responsibility r;
        if (khcn_plan_responsibility_at(plan, i, &r)) continue;
        int same_task = (!r.task && !e->a) || (r.task && e->a && strcmp(r.task, e->a) == 0);
        if (same_task && (int)r.role == e->role && strcmp(r.agency, e->b) == 0) (void)khcn_plan_unassign(plan, i);
      }
      break;
    }
    default: break;
    }
    if (st) return st;
  }
  return KHCN_OK;
}

/* ------------------------------------------------------------ overlay */

void khcn__ovl_free(khcn__ovl *o) {
  if (!o) return;
  khcn_scenario_free(o->scen);
  for (size_t q = 0; q < o->niovl; q++) {
    khcn__free(o->iovl[q].v);
    khcn__free(o->iovl[q].y);
    khcn__free(o->iovl[q].st);
    khcn__free(o->iovl[q].targets);
  }
  khcn__free(o->iovl);
  khcn__imap_free(&o->ind_ovl);
  khcn__imap_free(&o->ires_map);
  khcn__free(o->ires);
  khcn__free(o->ires_idx);
  khcn__imap_free(&o->node_map);
  khcn__free(o->nagg);
  khcn__free(o->nagg_idx);
  khcn__imap_free(&o->nodew);
  khcn__free(o->nodew_v);
  khcn__imap_free(&o->linkw);
  khcn__free(o->linkw_v);
  khcn__imap_free(&o->ag_map);
  khcn__free(o->aagg);
  khcn__free(o->aagg_idx);
  khcn__imap_free(&o->ag_roles);
  for (size_t q = 0; q < o->nagroles; q++) khcn__free(o->ag_mroles[q]);
  khcn__free(o->ag_mroles);
  khcn__free(o->ag_nmroles);
  khcn__free(o);
}

/* grow an array holding n elements to hold n + 1 (capacities 16, 32, 64, ...) */
static int grow(void **p, size_t n, size_t elem) {
  if (n != 0 && (n < 16 || (n & (n - 1)))) return 1; /* still room */
  size_t nc = n ? n * 2 : 16;
  void *np = khcn__realloc(*p, nc * elem);
  if (!np) return 0;
  *p = np;
  return 1;
}
#define GROW(p, n) grow((void **)&(p), (n), sizeof *(p))

static khcn__iovl *iovl_get(khcn_eval *e, uint32_t i) {
  khcn__ovl *o = e->ovl;
  uint32_t q = khcn__imap_get(&o->ind_ovl, i);
  if (q != UINT32_MAX) return &o->iovl[q];
  if (!GROW(o->iovl, o->niovl)) return NULL;
  khcn__iovl *v = &o->iovl[o->niovl];
  memset(v, 0, sizeof *v);
  v->ag_rate = NAN;
  if (khcn__imap_put(&o->ind_ovl, i, (uint32_t)o->niovl)) return NULL;
  o->niovl++;
  return v;
}

static khcn_status iovl_obs(const khcn_eval *e, khcn__iovl *v, uint32_t i) {
  if (v->obs_edited) return KHCN_OK;
  const khcn_indicator *ind = ((khcn_indicator **)e->plan->indicators.data)[i];
  size_t n = ind->nobs, cap = n + 4;
  v->v = khcn__malloc(cap * sizeof *v->v);
  v->y = khcn__malloc(cap * sizeof *v->y);
  v->st = khcn__malloc(cap);
  if (!v->v || !v->y || !v->st) return khcn__nomem("scenario observations");
  if (n && ind->obs_block) {
    memcpy(v->v, khcn__obs_values(ind), n * sizeof *v->v);
    memcpy(v->y, khcn__obs_years(ind), n * sizeof *v->y);
    memcpy(v->st, khcn__obs_status(ind), n);
  }
  v->n = n;
  v->obs_edited = 1;
  return KHCN_OK;
}

static khcn_status iovl_set_obs(khcn__iovl *v, int year, double value, int remove) {
  size_t k = 0;
  while (k < v->n && v->y[k] < year) k++;
  if (k < v->n && v->y[k] == year) {
    if (remove) {
      memmove(v->v + k, v->v + k + 1, (v->n - k - 1) * sizeof *v->v);
      memmove(v->y + k, v->y + k + 1, (v->n - k - 1) * sizeof *v->y);
      memmove(v->st + k, v->st + k + 1, v->n - k - 1);
      v->n--;
    } else {
      v->v[k] = value;
      v->st[k] = KHCN_OBS_NORMAL;
    }
    return KHCN_OK;
  }
  if (remove) return KHCN_OK;
  /* capacity: arrays were allocated with n + 4 and grown by doubling below */
  size_t cap = v->n + 1;
  double *nv = khcn__realloc(v->v, cap * sizeof *nv);
  if (!nv) return khcn__nomem("scenario observations");
  v->v = nv;
  int16_t *ny = khcn__realloc(v->y, cap * sizeof *ny);
  if (!ny) return khcn__nomem("scenario observations");
  v->y = ny;
  uint8_t *ns = khcn__realloc(v->st, cap);
  if (!ns) return khcn__nomem("scenario observations");
  v->st = ns;
  memmove(v->v + k + 1, v->v + k, (v->n - k) * sizeof *v->v);
  memmove(v->y + k + 1, v->y + k, (v->n - k) * sizeof *v->y);
  memmove(v->st + k + 1, v->st + k, v->n - k);
  v->v[k] = value;
  v->y[k] = (int16_t)year;
  v->st[k] = KHCN_OBS_NORMAL;
  v->n++;
  return KHCN_OK;
}

static khcn_status iovl_targets(const khcn_eval *e, khcn__iovl *v, uint32_t i) {
  if (v->targets) return KHCN_OK;
  const khcn_indicator *ind = ((khcn_indicator **)e->plan->indicators.data)[i];
  v->nt = ind->ntargets;
  v->targets = khcn__malloc((v->nt ? v->nt : 1) * sizeof *v->targets);
  if (!v->targets) return khcn__nomem("scenario targets");
  if (v->nt) memcpy(v->targets, ind->targets, v->nt * sizeof *v->targets);
  return KHCN_OK;
}

static uint32_t lookup(const khcn__idx *m, const char *id, int kind) {
  (void)kind;
  return khcn__idx_find(m, id);
}

typedef struct rawr {
  uint32_t node;
  uint8_t role;
} rawr;

typedef struct agraw {
  uint32_t agency;
  rawr *r;
  size_t n;
} agraw;

static int cmp_mrole_node(const void *a, const void *b) {
  const khcn__mrole *x = a, *y = b;
  return x->node < y->node ? -1 : (x->node > y->node);
}

static int nagg_same(const khcn__nagg *a, const khcn__nagg *b) {
  return ((a->score == b->score) || (a->score != a->score && b->score != b->score)) &&
         ((a->coverage == b->coverage) || (a->coverage != a->coverage && b->coverage != b->coverage)) &&
         a->status == b->status && a->nchild == b->nchild && a->nassessed == b->nassessed &&
         a->nachieved == b->nachieved;
}

static khcn_status put_nagg(khcn__ovl *o, uint32_t k, const khcn__nagg *a) {
  uint32_t q = khcn__imap_get(&o->node_map, k);
  if (q != UINT32_MAX) {
    o->nagg[q] = *a;
    return KHCN_OK;
  }
  if (!GROW(o->nagg, o->nnagg) || !GROW(o->nagg_idx, o->nnagg)) return khcn__nomem("scenario nodes");
  o->nagg[o->nnagg] = *a;
  o->nagg_idx[o->nnagg] = k;
  khcn_status st = khcn__imap_put(&o->node_map, k, (uint32_t)o->nnagg);
  if (!st) o->nnagg++;
  return st;
}

static khcn__aagg *aagg_get(khcn_eval *e, uint32_t a) {
  khcn__ovl *o = e->ovl;
  uint32_t q = khcn__imap_get(&o->ag_map, a);
  if (q != UINT32_MAX) return &o->aagg[q];
  if (!GROW(o->aagg, o->naagg) || !GROW(o->aagg_idx, o->naagg)) return NULL;
  o->aagg[o->naagg] = e->base->aagg[a];
  o->aagg_idx[o->naagg] = a;
  if (khcn__imap_put(&o->ag_map, a, (uint32_t)o->naagg)) return NULL;
  return &o->aagg[o->naagg++];
}

static khcn_status deep_copy_edits(khcn_scenario *dst, const khcn_scenario *src) {
  if (!src) return KHCN_OK;
  for (size_t q = 0; q < src->n; q++) {
    khcn_status st = push(dst, &src->e[q]);
    if (st) return st;
  }
  return KHCN_OK;
}

static khcn_status overlay_build(khcn_eval *e, const khcn_scenario *prior, const khcn_scenario *s) {
  khcn__ovl *o = e->ovl;
  const khcn__estruct *S = e->st;
  const khcn_plan *plan = e->plan;
  khcn_status st = khcn_scenario_new(&o->scen);
  if (!st) st = deep_copy_edits(o->scen, prior);
  if (!st) st = deep_copy_edits(o->scen, s);
  if (st) return st;
  agraw *ag = NULL;
  size_t nag = 0;
  uint32_t *dirty = NULL, *dirty_idx = NULL;
  size_t ndirty = 0;
  khcn__imap dmap = {0}, rolemap = {0};
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t bcap = 0;
  uint32_t *changed = NULL; /* indicators whose compact result changed */
  uint8_t *oldst = NULL;
  size_t nchanged = 0;
  uint32_t *ndone = NULL;
  size_t nndone = 0;

  /* 1. edits -> overlay state */
  for (size_t q = 0; q < o->scen->n && !st; q++) {
    const khcn__edit *ed = &o->scen->e[q];
    if (ed->kind <= KHCN__E_TCMP) {
      uint32_t i = lookup(&plan->ind_map, ed->a, 0);
      if (i == UINT32_MAX) {
        st = khcn__err(KHCN_ENOTFOUND, "scenario: no indicator \"%s\"", ed->a);
        break;
      }
      khcn__iovl *v = iovl_get(e, i);
      if (!v) {
        st = khcn__nomem("scenario");
        break;
      }
      switch (ed->kind) {
      case KHCN__E_SET_OBS:
      case KHCN__E_RM_OBS:
        st = iovl_obs(e, v, i);
        if (!st) st = iovl_set_obs(v, ed->year, ed->value, ed->kind == KHCN__E_RM_OBS);
        break;
      case KHCN__E_GROWTH:
        v->ag_rate = ed->value;
        v->ag_from = ed->year;
        break;
      default:
        st = iovl_targets(e, v, i);
        if (st) break;
        if (ed->j >= v->nt) {
          st = khcn__err(KHCN_ENOTFOUND, "scenario: indicator %s has no target %zu", ed->a, ed->j);
          break;
        }
        if (ed->kind == KHCN__E_TARGET) v->targets[ed->j] = ed->t;
        else if (ed->kind == KHCN__E_TVALUE) v->targets[ed->j].value = ed->value;
        else if (ed->kind == KHCN__E_TYEAR) v->targets[ed->j].year = (int16_t)ed->year;
        else {
          v->targets[ed->j].cmp = (uint8_t)ed->role;
          change_cmp(ed->role, v->targets[ed->j].value, &v->targets[ed->j].hi, &v->targets[ed->j].tol);
        }
        v->targets[ed->j].x = NULL;
      }
    } else if (ed->kind == KHCN__E_NODE_W || ed->kind == KHCN__E_LINK_W) {
      uint32_t k = lookup(&plan->node_map, ed->a, 1);
      if (k == UINT32_MAX) {
        st = khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", ed->a);
        break;
      }
      if (ed->kind == KHCN__E_NODE_W) {
        uint32_t w = khcn__imap_get(&o->nodew, k);
        if (w == UINT32_MAX) {
          if (!GROW(o->nodew_v, o->nodew.len)) { st = khcn__nomem("scenario"); break; }
          w = (uint32_t)o->nodew.len;
          st = khcn__imap_put(&o->nodew, k, w);
        }
        if (!st) o->nodew_v[w] = ed->value;
      } else {
        uint32_t i = lookup(&plan->ind_map, ed->b, 0);
        int found = 0;
        for (uint32_t pos = S->link_off[k]; pos < S->link_off[k + 1] && !st; pos++) {
          if (S->link_ind[pos] != i || i == UINT32_MAX) continue;
          found = 1;
          uint32_t w = khcn__imap_get(&o->linkw, pos);
          if (w == UINT32_MAX) {
            if (!GROW(o->linkw_v, o->linkw.len)) { st = khcn__nomem("scenario"); break; }
            w = (uint32_t)o->linkw.len;
            st = khcn__imap_put(&o->linkw, pos, w);
          }
          if (!st) o->linkw_v[w] = ed->value;
        }
        if (!found && !st) st = khcn__err(KHCN_ENOTFOUND, "scenario: node %s has no link to %s", ed->a, ed->b);
      }
    } else {
      uint32_t k = ed->a ? lookup(&plan->node_map, ed->a, 1) : (uint32_t)S->nnode;
      uint32_t a = lookup(&plan->agency_map, ed->b, 2);
      if (k == UINT32_MAX) { st = khcn__err(KHCN_ENOTFOUND, "scenario: no node \"%s\"", ed->a); break; }
      if (a == UINT32_MAX) { st = khcn__err(KHCN_ENOTFOUND, "scenario: no agency \"%s\"", ed->b); break; }
      uint32_t g = khcn__imap_get(&rolemap, a);
      if (g == UINT32_MAX) {
        if (!GROW(ag, nag)) { st = khcn__nomem("scenario"); break; }
        size_t n0 = S->araw_off[a + 1] - S->araw_off[a];
        ag[nag].agency = a;
        ag[nag].n = n0;
        ag[nag].r = khcn__malloc((n0 + 1) * sizeof(rawr));
        if (!ag[nag].r) { st = khcn__nomem("scenario"); break; }
        for (size_t x = 0; x < n0; x++) {
          ag[nag].r[x].node = S->araw_node[S->araw_off[a] + x];
          ag[nag].r[x].role = S->araw_role[S->araw_off[a] + x];
        }
        g = (uint32_t)nag++;
        st = khcn__imap_put(&rolemap, a, g);
        if (st) break;
      }
      agraw *A = &ag[g];
      if (ed->kind == KHCN__E_UNASSIGN) {
        size_t w = 0;
        for (size_t x = 0; x < A->n; x++)
          if (!(A->r[x].node == k && A->r[x].role == ed->role)) A->r[w++] = A->r[x];
        A->n = w;
      } else {
        int exists = 0;
        for (size_t x = 0; x < A->n; x++)
          if (A->r[x].node == k && A->r[x].role == ed->role) exists = 1;
        if (!exists) {
          rawr *nr = khcn__realloc(A->r, (A->n + 1) * sizeof *nr);
          if (!nr) { st = khcn__nomem("scenario"); break; }
          A->r = nr;
          A->r[A->n].node = k;
          A->r[A->n].role = (uint8_t)ed->role;
          A->n++;
        }
      }
    }
  }
  if (st) goto done;

  /* merged role lists of agencies with role edits */
  if (nag) {
    o->ag_mroles = khcn__calloc(nag, sizeof *o->ag_mroles);
    o->ag_nmroles = khcn__calloc(nag, sizeof *o->ag_nmroles);
    if (!o->ag_mroles || !o->ag_nmroles) { st = khcn__nomem("scenario"); goto done; }
    for (size_t g = 0; g < nag; g++) {
      khcn__mrole *m = khcn__malloc((ag[g].n + 1) * sizeof *m);
      if (!m) { st = khcn__nomem("scenario"); goto done; }
      o->ag_mroles[g] = m;
      o->nagroles = g + 1;
      size_t nm = 0;
      for (size_t x = 0; x < ag[g].n; x++) {
        double w = e->cx.o.role_weight[ag[g].r[x].role];
        size_t y;
        for (y = 0; y < nm; y++)
          if (m[y].node == ag[g].r[x].node) break;
        if (y == nm) {
          m[nm].agency = ag[g].agency;
          m[nm].node = ag[g].r[x].node;
          m[nm].w = w;
          m[nm].cls = ag[g].r[x].role;
          m[nm].lead = ag[g].r[x].role == KHCN_ROLE_LEAD;
          nm++;
        } else {
          if (w > m[y].w || (w == m[y].w && ag[g].r[x].role < m[y].cls)) {
            m[y].w = w;
            m[y].cls = ag[g].r[x].role;
          }
          if (ag[g].r[x].role == KHCN_ROLE_LEAD) m[y].lead = 1;
        }
      }
      qsort(m, nm, sizeof *m, cmp_mrole_node);
      o->ag_nmroles[g] = nm;
      st = khcn__imap_put(&o->ag_roles, ag[g].agency, (uint32_t)g);
      if (st) goto done;
    }
  }

  /* 2. affected indicators: edited ones and the ratios that use them */
  {
    uint32_t *aff = NULL;
    size_t naff = 0;
    khcn__imap seen = {0};
    for (size_t c = 0; c < o->ind_ovl.cap && !st; c++) {
      if (!o->ind_ovl.keys[c]) continue;
      uint32_t i = o->ind_ovl.keys[c] - 1;
      if (khcn__imap_get(&seen, i) == UINT32_MAX) {
        if (!GROW(aff, naff)) { st = khcn__nomem("scenario"); break; }
        aff[naff++] = i;
        st = khcn__imap_put(&seen, i, 1);
      }
      size_t d0, nd = khcn__deps_of(S, i, &d0);
      for (size_t d = d0; d < d0 + nd && !st; d++) {
          uint32_t r = S->dep[d];
          if (khcn__imap_get(&seen, r) != UINT32_MAX) continue;
          if (!GROW(aff, naff)) { st = khcn__nomem("scenario"); break; }
          aff[naff++] = r;
          st = khcn__imap_put(&seen, r, 1);
        }
    }
    khcn__imap_free(&seen);
    for (size_t q = 0; q < naff && !st; q++) {
      uint32_t i = aff[q];
      khcn__iview iv;
      khcn_result r;
      st = khcn__view(e, i, &iv, &buf, &ybuf, &bcap);
      if (st) break;
      khcn__eval_headline(&e->cx, &iv, 0, &r);
      khcn__ires c;
      khcn__ires_from(&c, &r);
      const khcn__ires oldv_ = khcn__get_ires(e->base, i), *old = &oldv_;
      if (memcmp(&c, old, sizeof c) == 0) {
        /* the attainment is not stored: an entry when it alone changed (diffs list it) */
        khcn_result rb;
        st = khcn__headline_of(e->base, i, &rb, &buf, &ybuf, &bcap);
        if (st) break;
        if (memcmp(&rb.attainment_raw, &r.attainment_raw, sizeof r.attainment_raw) == 0) continue;
      }
      if (!GROW(o->ires, o->nires) || !GROW(o->ires_idx, o->nires)) { st = khcn__nomem("scenario"); break; }
      o->ires[o->nires] = c;
      o->ires_idx[o->nires] = i;
      st = khcn__imap_put(&o->ires_map, i, (uint32_t)o->nires);
      if (st) break;
      o->nires++;
      if (!GROW(changed, nchanged) || !GROW(oldst, nchanged)) { st = khcn__nomem("scenario"); break; }
      oldst[nchanged] = old->status;
      changed[nchanged++] = i;
    }
    khcn__free(aff);
    if (st) goto done;
  }

  /* 3. dirty nodes */
#define MARK(k)                                                                      \
  do {                                                                               \
    uint32_t kk_ = (k);                                                              \
    if (khcn__imap_get(&dmap, kk_) == UINT32_MAX) {                                  \
      if (!GROW(dirty, ndirty)) { st = khcn__nomem("scenario"); goto done; }         \
      dirty[ndirty++] = kk_;                                                         \
      if ((st = khcn__imap_put(&dmap, kk_, 1))) goto done;                           \
    }                                                                                \
  } while (0)
  for (size_t q = 0; q < nchanged; q++) {
    uint32_t i = changed[q];
    for (uint32_t x = S->ilink_off[i]; x < S->ilink_off[i + 1]; x++) MARK(S->ilink[x]);
  }
  for (size_t c = 0; c < o->nodew.cap; c++)
    if (o->nodew.keys[c]) MARK((uint32_t)S->parent[o->nodew.keys[c] - 1]);
  for (size_t c = 0; c < o->linkw.cap; c++)
    if (o->linkw.keys[c]) MARK(khcn__link_node(S, o->linkw.keys[c] - 1));
  /* process deepest first; parents are marked as we go */
  for (int d = (int)S->maxdepth; d >= 0; d--) {
    for (size_t q = 0; q < ndirty; q++) {
      uint32_t k = dirty[q];
      if (S->depth[k] != d) continue;
      khcn__nagg a;
      memset(&a, 0, sizeof a);
      khcn__node_compute(e, k, &a);
      if (nagg_same(&a, khcn__get_nagg(e, k))) continue;
      st = put_nagg(o, k, &a);
      if (st) goto done;
      if (!GROW(ndone, nndone)) { st = khcn__nomem("scenario"); goto done; }
      ndone[nndone++] = k;
      if (S->parent[k] >= 0) MARK((uint32_t)S->parent[k]);
    }
  }

  /* 4. agencies */
  for (size_t g = 0; g < o->nagroles; g++) {
    uint32_t a = ag[g].agency;
    khcn__aagg *A = aagg_get(e, a);
    if (!A) { st = khcn__nomem("scenario"); goto done; }
    khcn__agency_score(e, NULL, o->ag_mroles[g], o->ag_nmroles[g], A);
    khcn__agency_counts(e, o->ag_mroles[g], o->ag_nmroles[g], A);
  }
  for (size_t q = 0; q < nchanged; q++) {
    uint32_t i = changed[q];
    uint8_t ns = khcn__get_ires(e, i).status, os = oldst[q];
    if (ns == os) continue;
    for (uint32_t x = S->ilink_off[i]; x < S->ilink_off[i + 1]; x++) {
      uint32_t k = S->ilink[x];
      for (uint32_t m = S->nrole_off[k]; m < S->nrole_off[k + 1]; m++) {
        const khcn__mrole *mr = &S->mrole[m];
        if (khcn__imap_get(&o->ag_roles, mr->agency) != UINT32_MAX) continue;
        khcn__aagg *A = aagg_get(e, mr->agency);
        if (!A) { st = khcn__nomem("scenario"); goto done; }
        A->counts[os]--;
        A->counts[ns]++;
        if (mr->lead) A->lagging += (uint32_t)khcn__lagging(ns) - (uint32_t)khcn__lagging(os);
      }
    }
  }
  /* agencies holding roles on changed nodes: update their sums by the
   * difference of the node's contribution, then finish */
  for (size_t q = 0; q < nndone; q++) {
    uint32_t k = ndone[q];
    const khcn__nagg *old = &e->base->nagg[k], *nw = khcn__get_nagg(e, k);
    int oa = old->status != KHCN_PROGRESS_NO_DATA && old->status != KHCN_PROGRESS_INSUFFICIENT_DATA &&
             isfinite(old->score);
    int nwa = nw->status != KHCN_PROGRESS_NO_DATA && nw->status != KHCN_PROGRESS_INSUFFICIENT_DATA &&
              isfinite(nw->score);
    for (uint32_t m = S->nrole_off[k]; m < S->nrole_off[k + 1]; m++) {
      const khcn__mrole *mr = &S->mrole[m];
      if (!(mr->w > 0) || khcn__imap_get(&o->ag_roles, mr->agency) != UINT32_MAX) continue;
      khcn__aagg *A = aagg_get(e, mr->agency);
      if (!A) { st = khcn__nomem("scenario"); goto done; }
      if (oa) {
        A->nass[mr->cls]--;
        A->sws -= mr->w * old->score;
        A->na--;
        if (old->status == KHCN_PROGRESS_ACHIEVED) A->nach--;
      }
      if (nwa) {
        A->nass[mr->cls]++;
        A->sws += mr->w * nw->score;
        A->na++;
        if (nw->status == KHCN_PROGRESS_ACHIEVED) A->nach++;
      }
      khcn__agency_finish(e, A);
    }
  }
#undef MARK
done:
  for (size_t g = 0; g < nag; g++) khcn__free(ag[g].r);
  khcn__free(ag);
  khcn__free(dirty);
  khcn__free(dirty_idx);
  khcn__imap_free(&dmap);
  khcn__imap_free(&rolemap);
  khcn__free(buf);
  khcn__free(ybuf);
  khcn__free(changed);
  khcn__free(oldst);
  khcn__free(ndone);
  return st;
}

khcn_status khcn_scenario_evaluate(khcn_eval **out, const khcn_eval *base, const khcn_scenario *s) {
  if (out) *out = NULL;
  if (!out || !base || !s) return khcn__err(KHCN_EINVAL, "khcn_scenario_evaluate: NULL argument");
  const khcn_eval *root = base->base ? base->base : base;
  khcn_eval *e = khcn__calloc(1, sizeof *e);
  if (!e) return khcn__nomem("scenario evaluation");
  e->plan = root->plan;
  e->base = root;
  e->cx = root->cx;
  e->cx.diags = NULL;
  e->st = root->st;
  e->ovl = khcn__calloc(1, sizeof *e->ovl);
  if (!e->ovl) {
    khcn__free(e);
    return khcn__nomem("scenario evaluation");
  }
  khcn_status st = overlay_build(e, base->ovl ? base->ovl->scen : NULL, s);
  if (st) {
    khcn_eval_free(e);
    return st;
  }
  *out = e;
  return KHCN_OK;
}

khcn_status khcn_eval_whatif(khcn_eval **out, const khcn_eval *base, const khcn_scenario *s) {
  return khcn_scenario_evaluate(out, base, s);
}

/* ------------------------------------------------------------ diff */

struct khcn_diff {
  khcn_diff_entry *e;
  size_t n;
};

static int same_d(double a, double b) { return a == b || (a != a && b != b); }

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : (x > y);
}

/* candidate indices of one kind: union of overlay keys, or all */
static khcn_status candidates(const khcn_eval *a, const khcn_eval *b, int kind, size_t all, uint32_t **out,
                              size_t *n) {
  const khcn_eval *ra = a->base ? a->base : a, *rb = b->base ? b->base : b;
  *out = NULL;
  *n = 0;
  if (ra != rb) {
    *out = khcn__malloc((all ? all : 1) * sizeof **out);
    if (!*out) return khcn__nomem("diff");
    for (size_t i = 0; i < all; i++) (*out)[i] = (uint32_t)i;
    *n = all;
    return KHCN_OK;
  }
  size_t cap = 0, cnt = 0;
  uint32_t *v = NULL;
  const khcn_eval *ev[2] = {a, b};
  for (int q = 0; q < 2; q++) {
    const khcn__ovl *o = ev[q]->ovl;
    if (!o) continue;
    const uint32_t *idx = kind == 0 ? o->ires_idx : (kind == 1 ? o->nagg_idx : o->aagg_idx);
    size_t m = kind == 0 ? o->nires : (kind == 1 ? o->nnagg : o->naagg);
    for (size_t x = 0; x < m; x++) {
      if (cnt == cap) {
        cap = cap ? cap * 2 : 16;
        uint32_t *nv = khcn__realloc(v, cap * sizeof *nv);
        if (!nv) {
          khcn__free(v);
          return khcn__nomem("diff");
        }
        v = nv;
      }
      v[cnt++] = idx[x];
    }
  }
  if (cnt) qsort(v, cnt, sizeof *v, cmp_u32);
  size_t w = 0;
  for (size_t x = 0; x < cnt; x++)
    if (!w || v[w - 1] != v[x]) v[w++] = v[x];
  *out = v;
  *n = w;
  return KHCN_OK;
}

khcn_status khcn_eval_diff(khcn_diff **out, const khcn_eval *before, const khcn_eval *after) {
  if (out) *out = NULL;
  if (!out || !before || !after) return khcn__err(KHCN_EINVAL, "khcn_eval_diff: NULL argument");
  if (before->st->nind != after->st->nind || before->st->nnode != after->st->nnode ||
      before->st->nag != after->st->nag)
    return khcn__err(KHCN_EINVAL, "khcn_eval_diff: evaluations of different plan structures");
  khcn_diff *d = khcn__calloc(1, sizeof *d);
  if (!d) return khcn__nomem("diff");
  size_t cap = 0;
  double *hbuf = NULL; /* scratch for recomputed attainments */
  int16_t *hybuf = NULL;
  size_t hcap = 0;
  size_t alls[3] = {before->st->nind, before->st->nnode + 1, before->st->nag};
  for (int kind = 0; kind < 3; kind++) {
    uint32_t *c;
    size_t nc;
    khcn_status st = candidates(before, after, kind, alls[kind], &c, &nc);
    if (st) {
      khcn__free(hbuf);
      khcn__free(hybuf);
      khcn_diff_free(d);
      return st;
    }
    for (size_t x = 0; x < nc; x++) {
      khcn_diff_entry en;
      memset(&en, 0, sizeof en);
      en.kind = (khcn_diff_kind)kind;
      en.index = c[x];
      en.attainment_before = en.attainment_after = NAN;
      if (kind == 0) {
        const khcn__ires pv_ = khcn__get_ires(before, c[x]), qv_ = khcn__get_ires(after, c[x]), *p = &pv_, *q = &qv_;
        khcn_result rp, rq;
        if ((st = khcn__headline_of(before, c[x], &rp, &hbuf, &hybuf, &hcap)) ||
            (st = khcn__headline_of(after, c[x], &rq, &hbuf, &hybuf, &hcap))) {
          khcn__free(c);
          khcn__free(hbuf);
          khcn__free(hybuf);
          khcn_diff_free(d);
          return st;
        }
        en.before = p->score;
        en.after = q->score;
        en.attainment_before = rp.attainment_raw;
        en.attainment_after = rq.attainment_raw;
        en.status_before = (khcn_progress)p->status;
        en.status_after = (khcn_progress)q->status;
      } else if (kind == 1) {
        const khcn__nagg *p = khcn__get_nagg(before, c[x]), *q = khcn__get_nagg(after, c[x]);
        en.before = p->score;
        en.after = q->score;
        en.status_before = (khcn_progress)p->status;
        en.status_after = (khcn_progress)q->status;
      } else {
        const khcn__aagg *p = khcn__get_aagg(before, c[x]), *q = khcn__get_aagg(after, c[x]);
        en.before = p->score;
        en.after = q->score;
        en.status_before = (khcn_progress)p->status;
        en.status_after = (khcn_progress)q->status;
      }
      en.delta = en.after - en.before;
      if (same_d(en.before, en.after) && same_d(en.attainment_before, en.attainment_after) &&
          en.status_before == en.status_after)
        continue;
      if (d->n == cap) {
        cap = cap ? cap * 2 : 16;
        khcn_diff_entry *ne = khcn__realloc(d->e, cap * sizeof *ne);
        if (!ne) {
          khcn__free(c);
          khcn__free(hbuf);
          khcn__free(hybuf);
          khcn_diff_free(d);
          return khcn__nomem("diff");
        }
        d->e = ne;
      }
      d->e[d->n++] = en;
    }
    khcn__free(c);
  }
  khcn__free(hbuf);
  khcn__free(hybuf);
  *out = d;
  return KHCN_OK;
}

void khcn_diff_free(khcn_diff *d) {
  if (!d) return;
  khcn__free(d->e);
  khcn__free(d);
}

size_t khcn_diff_count(const khcn_diff *d) { return d ? d->n : 0; }

khcn_status khcn_diff_at(const khcn_diff *d, size_t i, khcn_diff_entry *out) {
  if (!d || !out) return khcn__err(KHCN_EINVAL, "khcn_diff_at: NULL argument");
  if (i >= d->n) return khcn__err(KHCN_ENOTFOUND, "no diff entry %zu", i);
  *out = d->e[i];
  return KHCN_OK;
}

/* ------------------------------------------------------------ goal seek */

typedef struct seek {
  const khcn_eval *base;
  khcn_scenario *s; /* prior edits + one set_observation (last) */
  uint32_t ind, node;
  khcn_goal goal;
  double level;
} seek;

static khcn_status seek_pred(seek *g, double x, int *ok) {
  g->s->e[g->s->n - 1].value = x;
  khcn_eval *e = NULL;
  const khcn_eval *root = g->base->base ? g->base->base : g->base;
  khcn_status st = khcn_scenario_evaluate(&e, root, g->s);
  if (st) return st;
  if (g->goal == KHCN_GOAL_NODE_SCORE) {
    const khcn__nagg *a = khcn__get_nagg(e, g->node);
    *ok = isfinite(a->score) && a->score >= g->level;
  } else {
    uint8_t s = khcn__get_ires(e, g->ind).status;
    *ok = s == KHCN_PROGRESS_ACHIEVED || (g->goal == KHCN_GOAL_ON_TRACK && s == KHCN_PROGRESS_ON_TRACK);
  }
  khcn_eval_free(e);
  return KHCN_OK;
}

static khcn_status seek_setup(seek *g, const khcn_eval *eval, const char *indicator, int year, double *x0,
                              int *dir, int *yr) {
  g->base = eval;
  uint32_t i = lookup(&eval->plan->ind_map, indicator, 0);
  if (i == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no indicator \"%s\"", indicator);
  g->ind = i;
  khcn__iview iv;
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  khcn_status st = khcn__view(eval, i, &iv, &buf, &ybuf, &cap);
  if (st) return st;
  *dir = iv.dir;
  size_t gt = khcn__governing(&eval->cx, &iv);
  if (gt != SIZE_MAX) {
    int c = iv.targets[gt].cmp;
    if (c == KHCN_CMP_AT_MOST) *dir = -1;
    else if (c == KHCN_CMP_AT_LEAST || c == KHCN_CMP_RANGE || c == KHCN_CMP_DONE) *dir = 1;
    else if (c == KHCN_CMP_MULTIPLE) *dir = iv.targets[gt].value >= 1 ? 1 : -1;
    else if (c == KHCN_CMP_GROWTH && iv.targets[gt].value < 0) *dir = -1;
  }
  if (!year) year = eval->cx.as_of;
  *yr = year;
  *x0 = NAN;
  for (size_t k = iv.n; k-- > 0;)
    if (iv.y[k] <= year && isfinite(iv.v[k])) {
      *x0 = iv.v[k];
      break;
    }
  khcn__free(buf);
  khcn__free(ybuf);
  st = khcn_scenario_new(&g->s);
  if (!st && eval->ovl) st = deep_copy_edits(g->s, eval->ovl->scen);
  if (!st) st = khcn_scenario_set_observation(g->s, indicator, year, isfinite(*x0) ? *x0 : 0);
  return st;
}

khcn_status khcn_goal_seek(double *out, const khcn_eval *eval, const char *indicator, int year, khcn_goal goal,
                           const char *node, double level) {
  if (!out || !eval || !indicator) return khcn__err(KHCN_EINVAL, "khcn_goal_seek: NULL argument");
  if ((int)goal < 0 || goal > KHCN_GOAL_NODE_SCORE) return khcn__err(KHCN_EINVAL, "khcn_goal_seek: bad goal");
  if (year && !khcn__year_valid(year)) return khcn__err(KHCN_EINVAL, "khcn_goal_seek: bad year %d", year);
  seek g;
  memset(&g, 0, sizeof g);
  g.goal = goal;
  g.level = level;
  g.node = (uint32_t)eval->st->nnode;
  if (goal == KHCN_GOAL_NODE_SCORE) {
    if (!isfinite(level)) return khcn__err(KHCN_EINVAL, "khcn_goal_seek: level not finite");
    if (node) {
      g.node = lookup(&eval->plan->node_map, node, 1);
      if (g.node == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no node \"%s\"", node);
    }
  }
  double x0 = NAN;
  int dir = 1, yr = 0;
  khcn_status st = seek_setup(&g, eval, indicator, year, &x0, &dir, &yr);
  if (st) {
    khcn_scenario_free(g.s);
    return st;
  }
  if (!isfinite(x0)) x0 = 0;
  /* work in u = dir * x so that "better" is "greater u" */
  double step = fabs(x0) > 1 ? fabs(x0) : 1;
  double lo = dir * x0, hi = lo;
  int ok;
  st = seek_pred(&g, dir * lo, &ok);
  if (!st && ok) { /* already reached: search down for the border */
    hi = lo;
    int found = 0;
    for (int it = 0; it < 80 && !st; it++) {
      lo = hi - step;
      st = seek_pred(&g, dir * lo, &ok);
      if (!ok) { found = 1; break; }
      hi = lo;
      step *= 2;
    }
    if (!st && !found) st = khcn__err(KHCN_ENOTFOUND, "goal seek: the goal holds for every value tried");
  } else if (!st) {
    int found = 0;
    for (int it = 0; it < 80 && !st; it++) {
      hi = lo + step;
      st = seek_pred(&g, dir * hi, &ok);
      if (ok) { found = 1; break; }
      lo = hi;
      step *= 2;
    }
    if (!st && !found) st = khcn__err(KHCN_ENOTFOUND, "goal seek: no value reaches the goal");
  }
  for (int it = 0; it < 200 && !st; it++) {
    if (hi - lo <= 1e-12 * (fabs(hi) > 1 ? fabs(hi) : 1)) break;
    double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    st = seek_pred(&g, dir * mid, &ok);
    if (ok) hi = mid;
    else lo = mid;
  }
  khcn_scenario_free(g.s);
  if (st) return st;
  *out = dir * hi;
  return KHCN_OK;
}

/* ------------------------------------------------------------ sensitivity */

static int cmp_sens(const void *a, const void *b) {
  const khcn_sensitivity_item *x = a, *y = b;
  double ax = isfinite(x->delta) ? fabs(x->delta) : -1, ay = isfinite(y->delta) ? fabs(y->delta) : -1;
  if (ax != ay) return ax > ay ? -1 : 1;
  return x->indicator < y->indicator ? -1 : (x->indicator > y->indicator);
}

khcn_status khcn_sensitivity(khcn_sensitivity_item *out, size_t n, size_t *count, const khcn_eval *eval,
                             const char *node, double step) {
  if (!eval || !count || (!out && n)) return khcn__err(KHCN_EINVAL, "khcn_sensitivity: NULL argument");
  if (!isfinite(step)) return khcn__err(KHCN_EINVAL, "khcn_sensitivity: step not finite");
  const khcn__estruct *S = eval->st;
  uint32_t k0 = (uint32_t)S->nnode;
  if (node) {
    k0 = lookup(&eval->plan->node_map, node, 1);
    if (k0 == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no node \"%s\"", node);
  }
  /* indicators of the subtree */
  uint32_t *stack = NULL, *inds = NULL;
  size_t ns = 0, ni = 0;
  khcn__imap seen = {0};
  khcn_status st = KHCN_OK;
  khcn_sensitivity_item *items = NULL;
  khcn_scenario *sc = NULL;
  if (!GROW(stack, ns)) return khcn__nomem("sensitivity");
  stack[ns++] = k0;
  while (ns && !st) {
    uint32_t k = stack[--ns];
    if (k < S->nnode)
      for (uint32_t pos = S->link_off[k]; pos < S->link_off[k + 1]; pos++) {
        uint32_t i = S->link_ind[pos];
        if (i == UINT32_MAX || khcn__imap_get(&seen, i) != UINT32_MAX) continue;
        if ((st = khcn__imap_put(&seen, i, 1))) break;
        if (!GROW(inds, ni)) { st = khcn__nomem("sensitivity"); break; }
        inds[ni++] = i;
      }
    for (uint32_t c = S->child_off[k]; c < S->child_off[k + 1] && !st; c++) {
      if (!GROW(stack, ns)) { st = khcn__nomem("sensitivity"); break; }
      stack[ns++] = S->child[c];
    }
  }
  khcn__imap_free(&seen);
  khcn__free(stack);
  if (!st) {
    qsort(inds, ni, sizeof *inds, cmp_u32);
    items = khcn__malloc((ni ? ni : 1) * sizeof *items);
    if (!items) st = khcn__nomem("sensitivity");
  }
  if (!st) st = khcn_scenario_new(&sc);
  if (!st && eval->ovl) st = deep_copy_edits(sc, eval->ovl->scen);
  const khcn_eval *root = eval->base ? eval->base : eval;
  double before = khcn__get_nagg(eval, k0)->score;
  size_t nr = 0;
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  for (size_t q = 0; q < ni && !st; q++) {
    uint32_t i = inds[q];
    khcn__iview iv;
    st = khcn__view(eval, i, &iv, &buf, &ybuf, &cap);
    if (st) break;
    long k = -1;
    for (size_t x = iv.n; x-- > 0;)
      if (iv.y[x] <= eval->cx.as_of && isfinite(iv.v[x]) &&
          !(iv.st && (iv.st[x] == KHCN_OBS_FORECAST || iv.st[x] == KHCN_OBS_MISSING))) {
        k = (long)x;
        break;
      }
    if (k < 0) continue;
    double x0 = iv.v[k];
    double x1 = x0 != 0 ? x0 + fabs(x0) * step * iv.dir : step * iv.dir;
    int year = iv.y[k];
    const khcn_indicator *ind = iv.ind;
    st = khcn_scenario_set_observation(sc, khcn_indicator_id(ind), year, x1);
    if (st) break;
    khcn_eval *e2 = NULL;
    st = khcn_scenario_evaluate(&e2, root, sc);
    sc->n--;
    khcn__free(sc->e[sc->n].a);
    if (st) break;
    items[nr].indicator = i;
    items[nr].score = khcn__get_nagg(e2, k0)->score;
    items[nr].delta = items[nr].score - before;
    nr++;
    khcn_eval_free(e2);
  }
  khcn__free(buf);
  khcn__free(ybuf);
  khcn_scenario_free(sc);
  khcn__free(inds);
  if (st) {
    khcn__free(items);
    return st;
  }
  qsort(items, nr, sizeof *items, cmp_sens);
  for (size_t q = 0; q < nr && q < n; q++) out[q] = items[q];
  *count = nr;
  khcn__free(items);
  return KHCN_OK;
}
