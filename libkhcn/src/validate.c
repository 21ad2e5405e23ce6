/* Plan validation: referential integrity (4xxx) and business rules (5xxx). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal/model.h"

#define MAX_TREE_DEPTH 32

typedef struct {
  khcn_diags *diags;
  uint32_t flags;
  size_t errors;
  khcn_status st; /* ENOMEM while adding */
} vctx;

static void add(vctx *v, int code, khcn_severity sev, const char *entity, const char *path, const char *msg) {
  if (sev == KHCN_SEV_WARNING && (v->flags & KHCN_VALIDATE_STRICT) && code >= 5000) sev = KHCN_SEV_ERROR;
  if (sev >= KHCN_SEV_ERROR) v->errors++;
  if (v->diags && v->st == KHCN_OK) {
    khcn_status st = khcn__diag_add(v->diags, code, sev, SIZE_MAX, entity, path, "%s", msg);
    if (st) v->st = st;
  }
}

#define ADD(v, code, sev, entity, pathfmt_args, ...)                 \
  do {                                                              \
    char path_[320], msg_[900];                                     \
    snprintf pathfmt_args;                                          \
    snprintf(msg_, sizeof msg_, __VA_ARGS__);                       \
    add((v), (code), (sev), (entity), path_, msg_);                 \
  } while (0)

/* Parent chains of a forest given as parent indices (-1: root).  Reports
 * cycles and excessive depth.  depth[] receives each node's depth (0 for a
 * root) or D_CYCLE for a node on or under a cycle. */
#define D_UNKNOWN (-2)
#define D_ONPATH (-3)
#define D_CYCLE (-4)
static void check_forest(vctx *v, size_t n, const long *parent, int *depth, const char *kind,
                         const char *(*id_of)(const void *, size_t), const void *ctx) {
  long *path = khcn__malloc((n ? n : 1) * sizeof *path);
  if (!path) {
    v->st = KHCN_ENOMEM;
    return;
  }
  for (size_t i = 0; i < n; i++) depth[i] = D_UNKNOWN;
  for (size_t i = 0; i < n; i++) {
    if (depth[i] != D_UNKNOWN) continue;
    size_t len = 0;
    long j = (long)i;
    while (j >= 0 && depth[j] == D_UNKNOWN) {
      depth[j] = D_ONPATH;
      path[len++] = j;
      j = parent[j];
    }
    int d; /* depth of the node above path[len-1] */
    if (j >= 0 && depth[j] == D_ONPATH) {
      long c = j;
      do {
        ADD(v, KHCN_DIAG_CYCLE, KHCN_SEV_ERROR, id_of(ctx, (size_t)c),
            (path_, sizeof path_, "/plan/%s/%s/parent", kind, id_of(ctx, (size_t)c)),
            "%s %s is its own ancestor (the parent chain loops)", kind, id_of(ctx, (size_t)c));
        depth[c] = D_CYCLE;
        c = parent[c];
      } while (c != j);
      d = D_CYCLE;
    } else {
      d = j < 0 ? -1 : depth[j];
    }
    for (size_t k = len; k-- > 0;) {
      long m = path[k];
      if (depth[m] == D_CYCLE) {
        d = D_CYCLE;
        continue;
      }
      depth[m] = d == D_CYCLE ? D_CYCLE : d + 1;
      d = depth[m];
      if (d == MAX_TREE_DEPTH)
        ADD(v, KHCN_DIAG_TOO_DEEP, KHCN_SEV_ERROR, id_of(ctx, (size_t)m),
            (path_, sizeof path_, "/plan/%s/%s", kind, id_of(ctx, (size_t)m)),
            "%s %s is %d levels deep (at most %d allowed)", kind, id_of(ctx, (size_t)m), d + 1, MAX_TREE_DEPTH);
    }
  }
  khcn__free(path);
}

static const char *node_id_of(const void *ctx, size_t i) {
  return KHCN__VEC_AT(&((const khcn_plan *)ctx)->nodes, khcn_node *, i)->id;
}
static const char *agency_id_of(const void *ctx, size_t i) {
  return KHCN__VEC_AT(&((const khcn_plan *)ctx)->agencies, khcn_agency *, i)->id;
}

static const char *node_kind(const khcn_node *n) { return n->type == KHCN_NODE_TASK ? "tasks" : "objectives"; }

static void check_nodes(vctx *v, const khcn_plan *p, long *parent, int *depth) {
  size_t n = p->nodes.len;
  for (size_t i = 0; i < n; i++) {
    const khcn_node *nd = KHCN__VEC_AT(&p->nodes, khcn_node *, i);
    parent[i] = -1;
    if (nd->parent) {
      const khcn_node *pa = khcn__idx_get(&p->node_map, nd->parent);
      if (!pa) {
        parent[i] = -2;
        ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, nd->id,
            (path_, sizeof path_, "/plan/%s/%s/parent", node_kind(nd), nd->id), "%s %s names parent \"%s\", which does not exist",
            khcn_node_type_name((khcn_node_type)nd->type), nd->id, nd->parent);
      } else if (pa->type != nd->type) {
        parent[i] = -2;
        ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, nd->id,
            (path_, sizeof path_, "/plan/%s/%s/parent", node_kind(nd), nd->id), "%s %s has parent %s, which is a%s %s",
            khcn_node_type_name((khcn_node_type)nd->type), nd->id, pa->id, pa->type == KHCN_NODE_OBJECTIVE ? "n" : "",
            khcn_node_type_name((khcn_node_type)pa->type));
      } else {
        parent[i] = (long)pa->index;
      }
    }
    for (uint32_t k = 0; k < nd->nlinks; k++)
      if (!khcn__idx_get(&p->ind_map, nd->links[k].indicator))
        ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, nd->id,
            (path_, sizeof path_, "/plan/%s/%s/indicators/%u", node_kind(nd), nd->id, (unsigned)k),
            "%s %s links indicator \"%s\", which does not exist", khcn_node_type_name((khcn_node_type)nd->type), nd->id,
            nd->links[k].indicator);
  }
  /* parents of -2 (dangling) count as roots for the forest walk */
  for (size_t i = 0; i < n; i++)
    if (parent[i] == -2) parent[i] = -1;
  check_forest(v, n, parent, depth, "nodes", node_id_of, p);
}

static void check_agencies(vctx *v, const khcn_plan *p, long *parent, int *depth) {
  size_t n = p->agencies.len;
  for (size_t i = 0; i < n; i++) {
    const khcn_agency *a = KHCN__VEC_AT(&p->agencies, khcn_agency *, i);
    parent[i] = -1;
    if (!a->parent) continue;
    const khcn_agency *pa = khcn__idx_get(&p->agency_map, a->parent);
    if (!pa)
      ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, a->id, (path_, sizeof path_, "/plan/agencies/%s/parent", a->id),
          "agency %s names parent \"%s\", which does not exist", a->id, a->parent);
    else
      parent[i] = (long)pa->index;
  }
  check_forest(v, n, parent, depth, "agencies", agency_id_of, p);
}

static void check_matrix(vctx *v, const khcn_plan *p, const long *node_parent) {
  size_t nn = p->nodes.len;
  unsigned char *leads = nn ? khcn__calloc(nn, 1) : NULL;
  if (nn && !leads) {
    v->st = KHCN_ENOMEM;
    return;
  }
  int plan_lead = 0;
  for (size_t i = 0; i < p->resp.len; i++) {
    const khcn_responsibility *r = &KHCN__VEC_AT(&p->resp, khcn__resp, i).r;
    const char *ent = r->task ? r->task : p->id;
    const khcn_node *t = NULL;
    if (r->task && !(t = khcn__idx_get(&p->node_map, r->task)))
      ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, ent, (path_, sizeof path_, "/plan/responsibilities/%zu/task", i),
          "responsibility %zu names task \"%s\", which does not exist", i, r->task);
    if (!khcn__idx_get(&p->agency_map, r->agency))
      ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, ent, (path_, sizeof path_, "/plan/responsibilities/%zu/agency", i),
          "responsibility %zu names agency \"%s\", which does not exist", i, r->agency);
    if (r->to && !khcn__idx_get(&p->agency_map, r->to))
      ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, ent, (path_, sizeof path_, "/plan/responsibilities/%zu/to", i),
          "responsibility %zu reports to \"%s\", which does not exist", i, r->to);
    if (r->role == KHCN_ROLE_REPORT && !r->to)
      ADD(v, KHCN_DIAG_REPORT_RECIPIENT, KHCN_SEV_WARNING, ent, (path_, sizeof path_, "/plan/responsibilities/%zu/to", i),
          "agency %s has a reporting duty with no recipient", r->agency);
    if (r->role == KHCN_ROLE_LEAD) {
      if (t) {
        if (leads[t->index] < 255) leads[t->index]++;
      } else if (!r->task) {
        plan_lead = 1;
      }
    }
  }
  for (size_t i = 0; i < nn; i++) {
    const khcn_node *t = KHCN__VEC_AT(&p->nodes, khcn_node *, i);
    if (t->type != KHCN_NODE_TASK) continue;
    if (leads[i] > 1)
      ADD(v, KHCN_DIAG_MANY_LEADS, KHCN_SEV_WARNING, t->id, (path_, sizeof path_, "/plan/tasks/%s", t->id),
          "task %s has %u leads (chủ trì); a task should have exactly one", t->id, (unsigned)leads[i]);
  }
  if (!plan_lead && nn) {
    /* a task is covered when it or an ancestor has a lead; report uncovered leaves */
    unsigned char *has_child = khcn__calloc(nn, 1);
    if (!has_child) {
      khcn__free(leads);
      v->st = KHCN_ENOMEM;
      return;
    }
    for (size_t i = 0; i < nn; i++)
      if (node_parent[i] >= 0) has_child[node_parent[i]] = 1;
    for (size_t i = 0; i < nn; i++) {
      const khcn_node *t = KHCN__VEC_AT(&p->nodes, khcn_node *, i);
      if (t->type != KHCN_NODE_TASK || has_child[i]) continue;
      int covered = 0;
      size_t guard = 0;
      for (long j = (long)i; j >= 0 && guard <= nn; j = node_parent[j], guard++)
        if (leads[j]) {
          covered = 1;
          break;
        }
      if (!covered)
        ADD(v, KHCN_DIAG_NO_LEAD, KHCN_SEV_WARNING, t->id, (path_, sizeof path_, "/plan/tasks/%s", t->id),
            "task %s has no lead (chủ trì), nor has any task above it", t->id);
    }
    khcn__free(has_child);
  }
  khcn__free(leads);
}

/* the value of an indicator in a year: baseline or observation (NAN if none) */
static double value_in(const khcn_indicator *ind, int year) {
  if (ind->base_year == year) return ind->base_value;
  const int16_t *y = ind->nobs ? khcn__obs_years(ind) : NULL;
  for (uint32_t k = 0; k < ind->nobs; k++)
    if (y[k] == year) return khcn__obs_values(ind)[k];
  return NAN;
}

/* base value for growth: baseline, else first actual observation */
static double base_value(const khcn_indicator *ind, int *year) {
  if (ind->base_year) {
    *year = ind->base_year;
    return ind->base_value;
  }
  const uint8_t *s = ind->nobs ? khcn__obs_status(ind) : NULL;
  for (uint32_t k = 0; k < ind->nobs; k++)
    if (s[k] != KHCN_OBS_MISSING && s[k] != KHCN_OBS_FORECAST) {
      *year = khcn__obs_years(ind)[k];
      return khcn__obs_values(ind)[k];
    }
  *year = 0;
  return NAN;
}

static void check_indicator(vctx *v, const khcn_plan *p, const khcn_indicator *ind) {
  const char *id = ind->id;
  if (ind->x && ind->x->num) {
    const khcn__ind_extra *x = ind->x;
    const char *parts[2] = {x->num, x->den};
    const char *names[2] = {"numerator", "denominator"};
    for (int k = 0; k < 2; k++) {
      if (strcmp(parts[k], id) == 0)
        ADD(v, KHCN_DIAG_FORMULA, KHCN_SEV_ERROR, id, (path_, sizeof path_, "/plan/indicators/%s/formula/%s", id, names[k]),
            "indicator %s uses itself as its own %s", id, names[k]);
      else if (!khcn__idx_get(&p->ind_map, parts[k]))
        ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_ERROR, id,
            (path_, sizeof path_, "/plan/indicators/%s/formula/%s", id, names[k]),
            "indicator %s: formula %s \"%s\" does not exist", id, names[k], parts[k]);
    }
    if (ind->measure != KHCN_MEASURE_RATIO)
      ADD(v, KHCN_DIAG_FORMULA, KHCN_SEV_WARNING, id, (path_, sizeof path_, "/plan/indicators/%s/measure", id),
          "indicator %s has a ratio formula but its measure is %s", id, khcn_measure_name((khcn_measure)ind->measure));
  }
  int by;
  double b = base_value(ind, &by);
  for (uint32_t k = 0; k < ind->ntargets; k++) {
    const khcn__target *t = &ind->targets[k];
    const char *cn = khcn_comparator_name((khcn_comparator)t->cmp);
    if (t->cmp == KHCN_CMP_RANGE && t->value > t->hi)
      ADD(v, KHCN_DIAG_RANGE_INVERTED, KHCN_SEV_ERROR, id, (path_, sizeof path_, "/plan/indicators/%s/targets/%u", id, (unsigned)k),
          "indicator %s: range target %g-%g has lo > hi", id, t->value, t->hi);
    if (t->year && p->start && (t->year < p->start || t->year > p->end))
      ADD(v, KHCN_DIAG_TARGET_OUTSIDE_PERIOD, KHCN_SEV_WARNING, id,
          (path_, sizeof path_, "/plan/indicators/%s/targets/%u/year", id, (unsigned)k),
          "indicator %s: %s target for %d lies outside the plan period %d-%d", id, cn, t->year, p->start, p->end);
    if (t->year && ind->base_year && t->year < ind->base_year)
      ADD(v, KHCN_DIAG_TARGET_BEFORE_BASE, KHCN_SEV_ERROR, id,
          (path_, sizeof path_, "/plan/indicators/%s/targets/%u/year", id, (unsigned)k),
          "indicator %s: target year %d is before the base year %d", id, t->year, ind->base_year);
    if (t->cmp == KHCN_CMP_GROWTH && ind->measure != KHCN_MEASURE_RATE) {
      double gb = b;
      int gy = by;
      if (t->base_year) {
        gy = t->base_year;
        gb = value_in(ind, gy);
      }
      if (!isnan(gb) && gb <= 0)
        ADD(v, KHCN_DIAG_GROWTH_BASE, KHCN_SEV_ERROR, id, (path_, sizeof path_, "/plan/indicators/%s/targets/%u", id, (unsigned)k),
            "indicator %s: growth target on a non-positive base (%g in %d)", id, gb, gy);
    }
    if (t->cmp == KHCN_CMP_MULTIPLE) {
      if (t->value <= 0)
        ADD(v, KHCN_DIAG_MULTIPLE_FACTOR, KHCN_SEV_ERROR, id,
            (path_, sizeof path_, "/plan/indicators/%s/targets/%u/value", id, (unsigned)k),
            "indicator %s: multiple target with factor %g (must be > 0)", id, t->value);
      if (!t->base_year)
        ADD(v, KHCN_DIAG_MULTIPLE_BASE, KHCN_SEV_ERROR, id,
            (path_, sizeof path_, "/plan/indicators/%s/targets/%u/base_year", id, (unsigned)k),
            "indicator %s: multiple target without a base year", id);
      else if (isnan(value_in(ind, t->base_year)))
        ADD(v, KHCN_DIAG_MULTIPLE_BASE, KHCN_SEV_WARNING, id,
            (path_, sizeof path_, "/plan/indicators/%s/targets/%u/base_year", id, (unsigned)k),
            "indicator %s: no value for base year %d of the multiple target; it cannot be assessed", id, t->base_year);
    }
    if (t->cmp == KHCN_CMP_APPROX && !isnan(t->tol) && t->tol < 0)
      ADD(v, KHCN_DIAG_TOLERANCE, KHCN_SEV_ERROR, id, (path_, sizeof path_, "/plan/indicators/%s/targets/%u/tol", id, (unsigned)k),
          "indicator %s: approx tolerance %g is negative", id, t->tol);
    if (t->cmp == KHCN_CMP_DONE && ind->measure != KHCN_MEASURE_BINARY)
      ADD(v, KHCN_DIAG_DONE_MEASURE, KHCN_SEV_WARNING, id, (path_, sizeof path_, "/plan/indicators/%s/measure", id),
          "indicator %s: a done target expects a binary measure, not %s", id,
          khcn_measure_name((khcn_measure)ind->measure));
  }
  const double *vals = ind->nobs ? khcn__obs_values(ind) : NULL;
  const int16_t *yrs = ind->nobs ? khcn__obs_years(ind) : NULL;
  for (uint32_t k = 0; k < ind->nobs; k++) {
    double x = vals[k];
    if (isnan(x)) continue;
    if (!isnan(ind->limit) && x > ind->limit)
      ADD(v, KHCN_DIAG_LIMIT_EXCEEDED, KHCN_SEV_WARNING, id,
          (path_, sizeof path_, "/plan/indicators/%s/observations/%d", id, (int)yrs[k]),
          "indicator %s: %d value %g exceeds the natural limit %g", id, (int)yrs[k], x, ind->limit);
    if (ind->measure == KHCN_MEASURE_COUNT && x < 0)
      ADD(v, KHCN_DIAG_NEGATIVE_COUNT, KHCN_SEV_WARNING, id,
          (path_, sizeof path_, "/plan/indicators/%s/observations/%d", id, (int)yrs[k]),
          "indicator %s: %d count is negative (%g)", id, (int)yrs[k], x);
    if (p->start && (yrs[k] < p->start - 10 || yrs[k] > p->end + 10))
      ADD(v, KHCN_DIAG_OBS_OUTSIDE_PERIOD, KHCN_SEV_INFO, id,
          (path_, sizeof path_, "/plan/indicators/%s/observations/%d", id, (int)yrs[k]),
          "indicator %s: observation of %d is far outside the plan period %d-%d", id, (int)yrs[k], p->start, p->end);
  }
  if (ind->x)
    for (uint32_t k = 0; k < ind->x->nobsx; k++) {
      const khcn__obs_extra *e = &ind->x->obsx[k];
      if (e->reporter && !khcn__idx_get(&p->agency_map, e->reporter))
        ADD(v, KHCN_DIAG_DANGLING_REF, KHCN_SEV_WARNING, id,
            (path_, sizeof path_, "/plan/indicators/%s/observations/%d/reporter", id, e->year),
            "indicator %s: observation of %d names reporter \"%s\", which is not an agency of the plan", id, e->year,
            e->reporter);
    }
}

khcn_status khcn_plan_validate(const khcn_plan *p, khcn_diags *diags, uint32_t flags) {
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_validate: plan is NULL");
  if (flags & ~(uint32_t)KHCN_VALIDATE_STRICT) return khcn__err(KHCN_EINVAL, "unknown validation flags 0x%x", (unsigned)flags);
  vctx v = {diags, flags, 0, KHCN_OK};
  size_t nmax = p->nodes.len > p->agencies.len ? p->nodes.len : p->agencies.len;
  long *parent = khcn__malloc((nmax ? nmax : 1) * sizeof *parent);
  long *node_parent = khcn__malloc((p->nodes.len ? p->nodes.len : 1) * sizeof *node_parent);
  int *depth = khcn__malloc((nmax ? nmax : 1) * sizeof *depth);
  if (!parent || !depth || !node_parent) {
    khcn__free(parent);
    khcn__free(depth);
    khcn__free(node_parent);
    return khcn__nomem("validation");
  }
  check_nodes(&v, p, node_parent, depth);
  check_agencies(&v, p, parent, depth);
  check_matrix(&v, p, node_parent);
  for (size_t i = 0; i < p->indicators.len; i++) check_indicator(&v, p, KHCN__VEC_AT(&p->indicators, khcn_indicator *, i));
  khcn__free(parent);
  khcn__free(depth);
  khcn__free(node_parent);
  if (v.st) return khcn__nomem("diagnostics");
  if (v.errors) return khcn__err(KHCN_EINVALID, "plan %s: %zu error%s found by validation", p->id, v.errors, v.errors == 1 ? "" : "s");
  return KHCN_OK;
}
