/*
 * Full evaluation of a plan: the resolved structure, the per-indicator
 * compact results, roll-ups over nodes and the plan, agency scorecards, and
 * the accessors (which read through scenario overlays).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/engine.h"

/* ------------------------------------------------------------ imap */

/* keys and values share one block: keys[cap] then vals[cap] */
static khcn_status imap_grow(khcn__imap *m) {
  size_t ncap = m->cap ? m->cap * 2 : 32;
  uint32_t *k = khcn__calloc(2 * ncap, sizeof *k);
  if (!k) return khcn__nomem("engine map");
  uint32_t *v = k + ncap;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = (m->keys[i] * 2654435761u) & (ncap - 1);
    while (k[j]) j = (j + 1) & (ncap - 1);
    k[j] = m->keys[i];
    v[j] = m->vals[i];
  }
  khcn__free(m->keys);
  m->keys = k;
  m->vals = v;
  m->cap = ncap;
  return KHCN_OK;
}

khcn_status khcn__imap_put(khcn__imap *m, uint32_t key, uint32_t val) {
  if ((m->len + 1) * 2 > m->cap) {
    khcn_status st = imap_grow(m);
    if (st) return st;
  }
  uint32_t kk = key + 1;
  size_t j = (kk * 2654435761u) & (m->cap - 1);
  while (m->keys[j]) {
    if (m->keys[j] == kk) {
      m->vals[j] = val;
      return KHCN_OK;
    }
    j = (j + 1) & (m->cap - 1);
  }
  m->keys[j] = kk;
  m->vals[j] = val;
  m->len++;
  return KHCN_OK;
}

uint32_t khcn__imap_get(const khcn__imap *m, uint32_t key) {
  if (!m->cap) return UINT32_MAX;
  uint32_t kk = key + 1;
  size_t j = (kk * 2654435761u) & (m->cap - 1);
  while (m->keys[j]) {
    if (m->keys[j] == kk) return m->vals[j];
    j = (j + 1) & (m->cap - 1);
  }
  return UINT32_MAX;
}

void khcn__imap_free(khcn__imap *m) {
  khcn__free(m->keys); /* vals live in the same block */
  memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------ options */

static const double default_role_w[KHCN_ROLE_COUNT_] = {1.0, 0.5, 0.25, 0.5, 0.0};

khcn_status khcn_eval_options_init(khcn_eval_options *opts, unsigned int version) {
  if (!opts) return khcn__err(KHCN_EINVAL, "khcn_eval_options_init: NULL options");
  if (version != KHCN_EVAL_OPTIONS_VERSION)
    return khcn__err(KHCN_EVERSION, "khcn_eval_options version %u is not supported", version);
  memset(opts, 0, sizeof *opts);
  opts->version = version;
  return KHCN_OK;
}

static double dflt(double v, double d) { return v == 0 ? d : v; }

static khcn_status fill_options(khcn_eval_options *o, const khcn_eval_options *in) {
  if (in) {
    if (in->version != KHCN_EVAL_OPTIONS_VERSION)
      return khcn__err(KHCN_EVERSION, "khcn_eval_options version %u is not supported", in->version);
    *o = *in;
  } else {
    memset(o, 0, sizeof *o);
    o->version = KHCN_EVAL_OPTIONS_VERSION;
  }
  o->on_track = dflt(o->on_track, 0.95);
  o->needs_acceleration = dflt(o->needs_acceleration, 0.60);
  o->v_on_track = dflt(o->v_on_track, 0.015);
  o->v_needs_acceleration = dflt(o->v_needs_acceleration, 0.005);
  o->limit_exponent = dflt(o->limit_exponent, 4.44);
  o->approx_tolerance = dflt(o->approx_tolerance, 0.05);
  o->min_coverage = dflt(o->min_coverage, 0.8);
  o->node_on_track = dflt(o->node_on_track, 2.5);
  o->node_limited_progress = dflt(o->node_limited_progress, -2.5);
  for (int r = 0; r < KHCN_ROLE_COUNT_; r++) {
    double w = o->role_weight[r];
    o->role_weight[r] = w == 0 ? default_role_w[r] : (w < 0 ? 0 : w);
    if (!isfinite(o->role_weight[r])) return khcn__err(KHCN_EINVAL, "role weight %d is not finite", r);
  }
  double chk[] = {o->on_track, o->needs_acceleration, o->limited_progress, o->v_on_track, o->v_needs_acceleration,
                  o->limit_exponent, o->approx_tolerance, o->min_coverage, o->node_on_track,
                  o->node_needs_acceleration, o->node_limited_progress};
  for (size_t i = 0; i < sizeof chk / sizeof chk[0]; i++)
    if (!isfinite(chk[i])) return khcn__err(KHCN_EINVAL, "evaluation option %zu is not finite", i);
  if (o->min_coverage < 0 || o->min_coverage > 1)
    return khcn__err(KHCN_EINVAL, "min_coverage must be in [0, 1]");
  if (o->as_of && !khcn__year_valid(o->as_of)) return khcn__err(KHCN_EINVAL, "as_of %d is not a valid year", o->as_of);
  return KHCN_OK;
}

/* ------------------------------------------------------------ structure */

void khcn__estruct_free(khcn__estruct *s) {
  if (!s) return;
  if (atomic_fetch_sub(&s->refs, 1) != 1) return;
  void *ptrs[] = {s->parent, s->node_w, s->depth, s->order, s->child_off, s->child, s->link_off, s->link_ind, s->link_w,
                  s->ilink_off, s->ilink, s->rbits, s->rind, s->rnum, s->rden, s->rfac, s->dep_src, s->dep,
                  s->mrole, s->nrole_off, s->arole_off, s->arole, s->araw_off, s->araw_node, s->araw_role};
  for (size_t i = 0; i < sizeof ptrs / sizeof ptrs[0]; i++) khcn__free(ptrs[i]);
  khcn__free(s);
}

long khcn__ratio_of(const khcn__estruct *s, size_t i) {
  if (!s->rbits || !(s->rbits[i >> 6] >> (i & 63) & 1)) return -1;
  size_t lo = 0, hi = s->nratio;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->rind[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return (long)lo;
}

size_t khcn__deps_of(const khcn__estruct *s, size_t i, size_t *first) {
  size_t lo = 0, hi = s->ndep;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->dep_src[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  *first = lo;
  size_t e = lo;
  while (e < s->ndep && s->dep_src[e] == i) e++;
  return e - lo;
}

uint32_t khcn__link_node(const khcn__estruct *s, size_t pos) {
  /* the last k with link_off[k] <= pos */
  size_t lo = 0, hi = s->nnode;
  while (lo < hi) {
    size_t mid = (lo + hi + 1) / 2;
    if (s->link_off[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  while (lo < s->nnode && s->link_off[lo + 1] <= pos) lo++; /* skip nodes without links */
  return (uint32_t)lo;
}

/* The plan's id indexes (model.h: 8 bytes a slot, (index << 32) | 32-bit
 * hash) probed directly: one strcmp per hit instead of one per probe. */
#if defined(__GNUC__) || defined(__clang__)
# define PREFETCH(p) __builtin_prefetch(p)
#else
# define PREFETCH(p) ((void)(p))
#endif
#define IDB 32

typedef struct idtab {
  const uint64_t *slot; /* the plan's; NULL when empty */
  size_t mask;
  void *const *ents;    /* entity pointers by index */
  int kind;             /* 0 indicator, 1 node, 2 agency */
  uint32_t *rlist;      /* indicators: the ones with a ratio formula */
  size_t nr, rcap;
} idtab;

#define fnv khcn__idx_hash

static const char *const *ent_idp(const idtab *t, size_t i) {
  return &((const char *const *)t->ents[i])[1];
}

static int idtab_init(idtab *t, const khcn__idx *x, int kind) {
  t->kind = kind;
  t->ents = (void *const *)x->ents->data;
  t->slot = x->cap ? x->slot : NULL;
  t->mask = x->cap ? x->cap - 1 : 0;
  if (kind == 0) {
    size_t n = x->ents->len;
    for (size_t i = 0; i < n; i++) {
      const khcn_indicator *ind = ((khcn_indicator *const *)t->ents)[i];
      if (ind->x && ind->x->num) {
        if (t->nr == t->rcap) {
          size_t nc = t->rcap ? t->rcap * 2 : 64;
          uint32_t *nl = khcn__realloc(t->rlist, nc * sizeof *nl);
          if (!nl) return 0;
          t->rlist = nl;
          t->rcap = nc;
        }
        t->rlist[t->nr++] = (uint32_t)i;
      }
    }
  }
  return 1;
}

static uint32_t idtab_get(const idtab *t, const char *id) {
  if (!id || !t->slot) return UINT32_MAX;
  uint32_t h = fnv(id);
  size_t j = h & t->mask;
  while (t->slot[j]) {
    if ((uint32_t)t->slot[j] == h && strcmp(*ent_idp(t, (size_t)(t->slot[j] >> 32)), id) == 0)
      return (uint32_t)(t->slot[j] >> 32);
    j = (j + 1) & t->mask;
  }
  return UINT32_MAX;
}


/* Resolve up to IDB ids at once, overlapping the cache misses of the
 * table, the entity and its id string (software pipelining). */
static void idtab_get_batch(const idtab *t, const char *const *ids, size_t m, uint32_t *out) {
  if (!t->slot) {
    for (size_t k = 0; k < m; k++) out[k] = UINT32_MAX;
    return;
  }
  uint32_t h[IDB];
  size_t j[IDB];
  uint32_t cand[IDB];
  for (size_t k = 0; k < m; k++) {
    h[k] = ids[k] ? fnv(ids[k]) : 0;
    j[k] = h[k] & t->mask;
    PREFETCH(&t->slot[j[k]]);
  }
  for (size_t k = 0; k < m; k++) {
    cand[k] = UINT32_MAX;
    if (!ids[k]) continue;
    size_t q = j[k];
    while (t->slot[q]) {
      if ((uint32_t)t->slot[q] == h[k]) {
        cand[k] = (uint32_t)(t->slot[q] >> 32);
        break;
      }
      q = (q + 1) & t->mask;
    }
    if (cand[k] != UINT32_MAX) PREFETCH(&t->ents[cand[k]]);
  }
  for (size_t k = 0; k < m; k++)
    if (cand[k] != UINT32_MAX) PREFETCH(t->ents[cand[k]]);
  for (size_t k = 0; k < m; k++)
    if (cand[k] != UINT32_MAX) PREFETCH(*ent_idp(t, cand[k]));
  for (size_t k = 0; k < m; k++) {
    if (cand[k] != UINT32_MAX && strcmp(*ent_idp(t, cand[k]), ids[k]) == 0) out[k] = cand[k];
    else out[k] = idtab_get(t, ids[k]); /* a hash collision or absent */
  }
}

static void idtab_free(idtab *t) {
  khcn__free(t->rlist);
}

static uint32_t ind_index_of(const khcn_plan *p, const char *id) {
  khcn_indicator *ind = khcn__idx_get(&p->ind_map, id);
  return ind ? ind->index : UINT32_MAX;
}
static uint32_t node_index_of(const khcn_plan *p, const char *id) {
  khcn_node *n = khcn__idx_get(&p->node_map, id);
  return n ? n->index : UINT32_MAX;
}
static uint32_t agency_index_of(const khcn_plan *p, const char *id) {
  khcn_agency *a = khcn__idx_get(&p->agency_map, id);
  return a ? a->index : UINT32_MAX;
}

typedef struct rawrole {
  uint32_t node, agency;
  uint8_t role;
} rawrole;

static int cmp_raw(const void *a, const void *b) {
  const rawrole *x = a, *y = b;
  if (x->node != y->node) return x->node < y->node ? -1 : 1;
  if (x->agency != y->agency) return x->agency < y->agency ? -1 : 1;
  return (int)x->role - (int)y->role;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : (x > y);
}

#define ALLOC(p, n) do { if (!((p) = khcn__calloc((n) ? (n) : 1, sizeof *(p)))) goto nomem; } while (0)

static khcn_status build(khcn__estruct **out, const khcn_plan *plan, const double *rolew) {
  khcn__estruct *s = khcn__calloc(1, sizeof *s);
  rawrole *raw = NULL;
  if (s) {
    atomic_init(&s->refs, 1);
    memcpy(s->rolew, rolew, sizeof s->rolew);
  }
  uint32_t *cnt = NULL;
  idtab it = {0}, nt = {0}, at = {0};
  if (!s) return khcn__nomem("engine structure");
  if (!idtab_init(&it, &plan->ind_map, 0) || !idtab_init(&nt, &plan->node_map, 1) ||
      !idtab_init(&at, &plan->agency_map, 2))
    goto nomem;
  size_t nind = s->nind = plan->indicators.len, nn = s->nnode = plan->nodes.len, na = s->nag = plan->agencies.len;
  khcn_node **nodes = (khcn_node **)plan->nodes.data;
  khcn_indicator **inds = (khcn_indicator **)plan->indicators.data;
  ALLOC(s->parent, nn + 1);
  ALLOC(s->node_w, nn + 1);
  for (size_t k = 0; k < nn; k++) s->node_w[k] = nodes[k]->weight;
  s->node_w[nn] = 1;
  ALLOC(s->depth, nn + 1);
  ALLOC(s->order, nn + 1);
  for (size_t k = 0; k < nn; k++) {
    uint32_t p = nodes[k]->parent ? idtab_get(&nt, nodes[k]->parent) : UINT32_MAX;
    s->parent[k] = (p == UINT32_MAX || p == k) ? (int32_t)nn : (int32_t)p;
  }
  s->parent[nn] = -1;
  /* depths; a cycle or a chain deeper than 200 is cut at the plan */
  for (size_t k = 0; k < nn; k++) {
    int d = 1;
    int32_t q = s->parent[k];
    while (q != (int32_t)nn && d < 200) {
      q = s->parent[q];
      d++;
    }
    if (q != (int32_t)nn) {
      s->parent[k] = (int32_t)nn;
    }
  }
  for (size_t k = 0; k < nn; k++) {
    int d = 1;
    int32_t q = s->parent[k];
    while (q != (int32_t)nn && d < 250) {
      q = s->parent[q];
      d++;
    }
    s->depth[k] = (uint8_t)d;
    if ((uint32_t)d > s->maxdepth) s->maxdepth = (uint32_t)d;
  }
  s->depth[nn] = 0;
  /* order: deepest first (counting sort) */
  {
    ALLOC(cnt, s->maxdepth + 2);
    for (size_t k = 0; k <= nn; k++) cnt[s->maxdepth - s->depth[k]]++;
    uint32_t acc = 0;
    for (size_t d = 0; d <= s->maxdepth; d++) {
      uint32_t c = cnt[d];
      cnt[d] = acc;
      acc += c;
    }
    for (size_t k = 0; k <= nn; k++) s->order[cnt[s->maxdepth - s->depth[k]]++] = (uint32_t)k;
    khcn__free(cnt);
    cnt = NULL;
  }
  /* children */
  ALLOC(s->child_off, nn + 2);
  for (size_t k = 0; k < nn; k++) s->child_off[s->parent[k] + 1]++;
  for (size_t k = 0; k <= nn; k++) s->child_off[k + 1] += s->child_off[k];
  ALLOC(s->child, nn);
  ALLOC(cnt, nn + 1);
  for (size_t k = 0; k < nn; k++) {
    uint32_t p = (uint32_t)s->parent[k];
    s->child[s->child_off[p] + cnt[p]++] = (uint32_t)k;
  }
  khcn__free(cnt);
  cnt = NULL;
  /* links */
  ALLOC(s->link_off, nn + 2);
  for (size_t k = 0; k < nn; k++) s->link_off[k + 1] = s->link_off[k] + nodes[k]->nlinks;
  s->link_off[nn + 1] = s->link_off[nn];
  size_t nl = s->link_off[nn];
  ALLOC(s->link_ind, nl);
  int unit_w = 1;
  for (size_t k = 0; k < nn && unit_w; k++)
    for (uint32_t l = 0; l < nodes[k]->nlinks; l++)
      if (nodes[k]->links[l].weight != 1.0) {
        unit_w = 0;
        break;
      }
  if (!unit_w) ALLOC(s->link_w, nl);
  ALLOC(s->ilink_off, nind + 1);
  {
    const char *bid[IDB];
    uint32_t bres[IDB];
    size_t bpos[IDB], nb = 0;
    for (size_t k = 0; k <= nn; k++) {
      if (nb == IDB || (k == nn && nb)) {
        idtab_get_batch(&it, bid, nb, bres);
        for (size_t q = 0; q < nb; q++) {
          s->link_ind[bpos[q]] = bres[q];
          if (bres[q] != UINT32_MAX) s->ilink_off[bres[q] + 1]++;
        }
        nb = 0;
      }
      if (k == nn) break;
      for (uint32_t l = 0; l < nodes[k]->nlinks; l++) {
        size_t pos = s->link_off[k] + l;
        if (s->link_w) s->link_w[pos] = nodes[k]->links[l].weight;
        bid[nb] = nodes[k]->links[l].indicator;
        bpos[nb++] = pos;
        if (nb == IDB) {
          idtab_get_batch(&it, bid, nb, bres);
          for (size_t q = 0; q < nb; q++) {
            s->link_ind[bpos[q]] = bres[q];
            if (bres[q] != UINT32_MAX) s->ilink_off[bres[q] + 1]++;
          }
          nb = 0;
        }
      }
    }
  }
  for (size_t i = 0; i < nind; i++) s->ilink_off[i + 1] += s->ilink_off[i];
  ALLOC(s->ilink, s->ilink_off[nind]);
  ALLOC(cnt, nind + 1);
  for (size_t k = 0; k < nn; k++)
    for (uint32_t pos = s->link_off[k]; pos < s->link_off[k + 1]; pos++) {
      uint32_t i = s->link_ind[pos];
      if (i != UINT32_MAX) s->ilink[s->ilink_off[i] + cnt[i]++] = (uint32_t)k;
    }
  khcn__free(cnt);
  cnt = NULL;
  /* ratios */
  s->nratio = it.nr;
  if (s->nratio) {
    ALLOC(s->rbits, (nind + 63) / 64);
    ALLOC(s->rind, s->nratio);
    ALLOC(s->rnum, s->nratio);
    ALLOC(s->rden, s->nratio);
    ALLOC(s->rfac, s->nratio);
    size_t nd = 0;
    for (size_t r = 0; r < it.nr; r++) {
      size_t i = it.rlist[r]; /* increasing */
      s->rind[r] = (uint32_t)i;
      s->rbits[i >> 6] |= (uint64_t)1 << (i & 63);
      s->rnum[r] = idtab_get(&it, inds[i]->x->num);
      s->rden[r] = idtab_get(&it, inds[i]->x->den);
      s->rfac[r] = inds[i]->x->factor;
      if (s->rnum[r] != UINT32_MAX) nd++;
      if (s->rden[r] != UINT32_MAX && s->rden[r] != s->rnum[r]) nd++;
    }
    ALLOC(s->dep_src, nd);
    ALLOC(s->dep, nd);
    for (size_t r = 0; r < it.nr; r++) {
      uint32_t a = s->rnum[r], b = s->rden[r];
      if (a != UINT32_MAX) {
        s->dep_src[s->ndep] = a;
        s->dep[s->ndep++] = it.rlist[r];
      }
      if (b != UINT32_MAX && b != a) {
        s->dep_src[s->ndep] = b;
        s->dep[s->ndep++] = it.rlist[r];
      }
    }
    /* by source, then dependent */
    uint64_t *pairs;
    ALLOC(pairs, s->ndep);
    for (size_t q = 0; q < s->ndep; q++) pairs[q] = (uint64_t)s->dep_src[q] << 32 | s->dep[q];
    qsort(pairs, s->ndep, sizeof *pairs, cmp_u64);
    for (size_t q = 0; q < s->ndep; q++) {
      s->dep_src[q] = (uint32_t)(pairs[q] >> 32);
      s->dep[q] = (uint32_t)pairs[q];
    }
    khcn__free(pairs);
  }
  /* responsibilities */
  size_t nr = plan->resp.len, nraw = 0;
  ALLOC(raw, nr);
  for (size_t q = 0; q < nr; q++) {
    const khcn__resp *rp = &KHCN__VEC_AT(&plan->resp, khcn__resp, q);
    uint32_t node = rp->r.task ? idtab_get(&nt, rp->r.task) : (uint32_t)nn;
    uint32_t ag = idtab_get(&at, rp->r.agency);
    if (node == UINT32_MAX || ag == UINT32_MAX) continue;
    raw[nraw].node = node;
    raw[nraw].agency = ag;
    raw[nraw].role = (uint8_t)rp->r.role;
    nraw++;
  }
  ALLOC(s->araw_off, na + 1);
  ALLOC(s->araw_node, nraw);
  ALLOC(s->araw_role, nraw);
  for (size_t q = 0; q < nraw; q++) s->araw_off[raw[q].agency + 1]++;
  for (size_t a = 0; a < na; a++) s->araw_off[a + 1] += s->araw_off[a];
  ALLOC(cnt, na + 1);
  for (size_t q = 0; q < nraw; q++) {
    uint32_t a = raw[q].agency, pos = s->araw_off[a] + cnt[a]++;
    s->araw_node[pos] = raw[q].node;
    s->araw_role[pos] = raw[q].role;
  }
  khcn__free(cnt);
  cnt = NULL;
  /* sort by (node, agency, role): counting sort on the node, insertion sort
   * inside a node's (small) group */
  {
    rawrole *sorted = NULL;
    ALLOC(cnt, nn + 2);
    ALLOC(sorted, nraw);
    for (size_t q = 0; q < nraw; q++) cnt[raw[q].node + 1]++;
    for (size_t k = 0; k <= nn; k++) cnt[k + 1] += cnt[k];
    for (size_t q = 0; q < nraw; q++) sorted[cnt[raw[q].node]++] = raw[q];
    khcn__free(cnt);
    cnt = NULL;
    khcn__free(raw);
    raw = sorted;
    for (size_t q = 1; q < nraw; q++) {
      rawrole x = raw[q];
      size_t w = q;
      while (w > 0 && raw[w - 1].node == x.node && cmp_raw(&raw[w - 1], &x) > 0) {
        raw[w] = raw[w - 1];
        w--;
      }
      raw[w] = x;
    }
  }
  ALLOC(s->mrole, nraw);
  for (size_t q = 0; q < nraw; q++) {
    double w = rolew[raw[q].role];
    if (s->nmrole && s->mrole[s->nmrole - 1].node == raw[q].node && s->mrole[s->nmrole - 1].agency == raw[q].agency) {
      khcn__mrole *m = &s->mrole[s->nmrole - 1];
      if (w > m->w) {
        m->w = w;
        m->cls = raw[q].role;
      }
      if (raw[q].role == KHCN_ROLE_LEAD) m->lead = 1;
      continue;
    }
    khcn__mrole *m = &s->mrole[s->nmrole++];
    m->node = raw[q].node;
    m->agency = raw[q].agency;
    m->w = w;
    m->cls = raw[q].role;
    m->lead = raw[q].role == KHCN_ROLE_LEAD;
  }
  ALLOC(s->nrole_off, nn + 2);
  for (size_t q = 0; q < s->nmrole; q++) s->nrole_off[s->mrole[q].node + 1]++;
  for (size_t k = 0; k <= nn; k++) s->nrole_off[k + 1] += s->nrole_off[k];
  ALLOC(s->arole_off, na + 1);
  for (size_t q = 0; q < s->nmrole; q++) s->arole_off[s->mrole[q].agency + 1]++;
  for (size_t a = 0; a < na; a++) s->arole_off[a + 1] += s->arole_off[a];
  ALLOC(s->arole, s->nmrole);
  ALLOC(cnt, na + 1);
  for (size_t q = 0; q < s->nmrole; q++) {
    uint32_t a = s->mrole[q].agency;
    s->arole[s->arole_off[a] + cnt[a]++] = (uint32_t)q;
  }
  khcn__free(cnt);
  khcn__free(raw);
  idtab_free(&it);
  idtab_free(&nt);
  idtab_free(&at);
  *out = s;
  return KHCN_OK;
nomem:
  khcn__free(cnt);
  khcn__free(raw);
  idtab_free(&it);
  idtab_free(&nt);
  idtab_free(&at);
  khcn__estruct_free(s);
  return khcn__nomem("engine structure");
}

/* ------------------------------------------------------------ lookups */

khcn_status khcn__headline_of(const khcn_eval *e, size_t i, khcn_result *r, double **buf, int16_t **ybuf, size_t *cap) {
  khcn__iview iv;
  khcn_status st = khcn__view(e, i, &iv, buf, ybuf, cap);
  if (st) return st;
  khcn__eval_headline(&e->cx, &iv, 0, r);
  return KHCN_OK;
}

const khcn__iovl *khcn__get_iovl(const khcn_eval *e, size_t i) {
  if (!e->ovl) return NULL;
  uint32_t q = khcn__imap_get(&e->ovl->ind_ovl, (uint32_t)i);
  return q == UINT32_MAX ? NULL : &e->ovl->iovl[q];
}

static khcn__ires ires_at(const khcn_eval *e, size_t i) {
  khcn__ires c;
  memset(&c, 0, sizeof c);
  c.score = e->iscore[i];
  c.flags = e->iflags[i];
  c.status = e->istatus[i];
  return c;
}

khcn__ires khcn__get_ires(const khcn_eval *e, size_t i) {
  if (e->ovl) {
    uint32_t q = khcn__imap_get(&e->ovl->ires_map, (uint32_t)i);
    if (q != UINT32_MAX) return e->ovl->ires[q];
    return ires_at(e->base, i);
  }
  return ires_at(e, i);
}

const khcn__nagg *khcn__get_nagg(const khcn_eval *e, size_t k) {
  if (e->ovl) {
    uint32_t q = khcn__imap_get(&e->ovl->node_map, (uint32_t)k);
    if (q != UINT32_MAX) return &e->ovl->nagg[q];
    return &e->base->nagg[k];
  }
  return &e->nagg[k];
}

const khcn__aagg *khcn__get_aagg(const khcn_eval *e, size_t a) {
  if (e->ovl) {
    uint32_t q = khcn__imap_get(&e->ovl->ag_map, (uint32_t)a);
    if (q != UINT32_MAX) return &e->ovl->aagg[q];
    return &e->base->aagg[a];
  }
  return &e->aagg[a];
}

double khcn__node_weight_of(const khcn_eval *e, size_t k) {
  if (e->ovl && e->ovl->nodew.len) {
    uint32_t q = khcn__imap_get(&e->ovl->nodew, (uint32_t)k);
    if (q != UINT32_MAX) return e->ovl->nodew_v[q];
  }
  return e->st->node_w[k];
}

double khcn__link_weight_of(const khcn_eval *e, size_t pos) {
  if (e->ovl && e->ovl->linkw.len) {
    uint32_t q = khcn__imap_get(&e->ovl->linkw, (uint32_t)pos);
    if (q != UINT32_MAX) return e->ovl->linkw_v[q];
  }
  return e->st->link_w ? e->st->link_w[pos] : 1.0;
}

static int assessed(uint8_t s) {
  return s != KHCN_PROGRESS_NO_DATA && s != KHCN_PROGRESS_INSUFFICIENT_DATA;
}

/* plain view of indicator i, overlay aware, without ratio computation */
static void raw_view(const khcn_eval *e, size_t i, khcn__iview *iv) {
  const khcn_indicator *ind = ((khcn_indicator **)e->plan->indicators.data)[i];
  iv->ind = ind;
  if (ind->obs_block) { /* (the helpers offset the block pointer: not on NULL) */
    iv->v = khcn__obs_values(ind);
    iv->y = khcn__obs_years(ind);
    iv->st = khcn__obs_status(ind);
    iv->n = ind->nobs;
  } else {
    iv->v = NULL;
    iv->y = NULL;
    iv->st = NULL;
    iv->n = 0;
  }
  iv->targets = ind->targets;
  iv->nt = ind->ntargets;
  iv->base_value = ind->base_value;
  iv->base_year = ind->base_year;
  iv->measure = ind->measure;
  iv->kind = ind->kind;
  iv->dir = ind->direction ? ind->direction : 1;
  iv->limit = ind->limit;
  iv->ag_rate = NAN;
  iv->ag_from = 0;
  iv->ratio_bad = 0;
  const khcn__iovl *o = khcn__get_iovl(e, i);
  if (o) {
    if (o->obs_edited) {
      iv->v = o->v;
      iv->y = o->y;
      iv->st = o->st;
      iv->n = o->n;
    }
    if (o->targets) {
      iv->targets = o->targets;
      iv->nt = o->nt;
    }
    iv->ag_rate = o->ag_rate;
    iv->ag_from = o->ag_from;
  }
}

static int usable_k(const khcn__iview *iv, size_t k) {
  if (!isfinite(iv->v[k])) return 0;
  if (iv->st && (iv->st[k] == KHCN_OBS_FORECAST || iv->st[k] == KHCN_OBS_MISSING)) return 0;
  return 1;
}

khcn_status khcn__view(const khcn_eval *e, size_t i, khcn__iview *iv, double **buf, int16_t **ybuf, size_t *cap) {
  raw_view(e, i, iv);
  const khcn__estruct *s = e->st;
  long r = khcn__ratio_of(s, i);
  if (r < 0) return KHCN_OK;
  iv->n = 0;
  iv->st = NULL;
  iv->v = *buf;
  iv->y = *ybuf;
  if (s->rnum[r] == UINT32_MAX || s->rden[r] == UINT32_MAX) {
    iv->ratio_bad = 1;
    return KHCN_OK;
  }
  khcn__iview a, b;
  raw_view(e, s->rnum[r], &a);
  raw_view(e, s->rden[r], &b);
  if (a.n > *cap) {
    double *nb = khcn__realloc(*buf, a.n * sizeof **buf);
    if (!nb) return khcn__nomem("ratio series");
    *buf = nb;
    int16_t *ny = khcn__realloc(*ybuf, a.n * sizeof **ybuf);
    if (!ny) return khcn__nomem("ratio series");
    *ybuf = ny;
    *cap = a.n;
  }
  size_t q = 0, n = 0;
  for (size_t k = 0; k < a.n; k++) {
    if (!usable_k(&a, k)) continue;
    while (q < b.n && b.y[q] < a.y[k]) q++;
    if (q >= b.n || b.y[q] != a.y[k] || !usable_k(&b, q)) {
      iv->ratio_bad = 1;
      continue;
    }
    if (b.v[q] == 0) {
      iv->ratio_bad = 1;
      continue;
    }
    (*buf)[n] = a.v[k] * s->rfac[r] / b.v[q];
    (*ybuf)[n] = a.y[k];
    n++;
  }
  iv->v = *buf;
  iv->y = *ybuf;
  iv->n = n;
  return KHCN_OK;
}

void khcn__node_compute(const khcn_eval *e, size_t k, khcn__nagg *out) {
  const khcn__estruct *s = e->st;
  double sws = 0, swa = 0, sw = 0;
  uint32_t nc = 0, na = 0, nach = 0;
  for (uint32_t q = s->child_off[k]; q < s->child_off[k + 1]; q++) {
    uint32_t c = s->child[q];
    double w = khcn__node_weight_of(e, c);
    const khcn__nagg *a = khcn__get_nagg(e, c);
    nc++;
    sw += w;
    if (assessed(a->status) && isfinite(a->score)) {
      swa += w;
      sws += w * a->score;
      na++;
      if (a->status == KHCN_PROGRESS_ACHIEVED) nach++;
    }
  }
  if (k < s->nnode)
    for (uint32_t pos = s->link_off[k]; pos < s->link_off[k + 1]; pos++) {
      double w = khcn__link_weight_of(e, pos);
      nc++;
      sw += w;
      uint32_t i = s->link_ind[pos];
      if (i == UINT32_MAX) continue;
      const khcn__ires rv_ = khcn__get_ires(e, i), *r = &rv_;
      if (assessed(r->status) && isfinite(r->score)) {
        swa += w;
        sws += w * r->score;
        na++;
        if (r->status == KHCN_PROGRESS_ACHIEVED) nach++;
      }
    }
  out->nchild = nc;
  out->nassessed = na;
  out->nachieved = nach;
  out->score = swa > 0 ? sws / swa : NAN;
  out->coverage = sw > 0 ? swa / sw : (nc ? 0 : NAN);
  if (nc == 0 || !(sw > 0)) out->status = KHCN_PROGRESS_NO_DATA;
  else if (na == 0 || !(swa > 0) || out->coverage < e->cx.o.min_coverage)
    out->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
  else if (nach == na) out->status = KHCN_PROGRESS_ACHIEVED;
  else out->status = (uint8_t)khcn__node_band(&e->cx, out->score);
}

/* score of an agency over a merged role list (pointers or a plain list) */
void khcn__agency_finish(const khcn_eval *e, khcn__aagg *out) {
  double sw = 0, swa = 0;
  for (int c = 0; c < KHCN_ROLE_COUNT_; c++) {
    sw += out->nall[c] * e->cx.o.role_weight[c];
    swa += out->nass[c] * e->cx.o.role_weight[c];
  }
  if (out->na == 0) {
    swa = 0;
    out->sws = 0;
  }
  out->weight = sw;
  out->score = swa > 0 ? out->sws / swa : NAN;
  out->coverage = sw > 0 ? swa / sw : NAN;
  if (!(sw > 0)) out->status = KHCN_PROGRESS_NO_DATA;
  else if (!(swa > 0) || out->coverage < e->cx.o.min_coverage) out->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
  else if (out->nach == out->na) out->status = KHCN_PROGRESS_ACHIEVED;
  else out->status = (uint8_t)khcn__node_band(&e->cx, out->score);
}

/* score of an agency over a merged role list (pointers or a plain list);
 * weights are summed by class (count x role weight) so that incremental
 * updates give the same coverage bit for bit */
void khcn__agency_score(const khcn_eval *e, const khcn__mrole *const *roles, const khcn__mrole *list, size_t n,
                        khcn__aagg *out) {
  memset(out->nall, 0, sizeof out->nall);
  memset(out->nass, 0, sizeof out->nass);
  out->sws = 0;
  out->na = out->nach = 0;
  for (size_t q = 0; q < n; q++) {
    const khcn__mrole *m = roles ? roles[q] : &list[q];
    if (!(m->w > 0)) continue;
    out->nall[m->cls]++;
    const khcn__nagg *a = khcn__get_nagg(e, m->node);
    if (assessed(a->status) && isfinite(a->score)) {
      out->nass[m->cls]++;
      out->sws += m->w * a->score;
      out->na++;
      if (a->status == KHCN_PROGRESS_ACHIEVED) out->nach++;
    }
  }
  out->roles = (uint32_t)n;
  khcn__agency_finish(e, out);
}

void khcn__agency_counts(const khcn_eval *e, const khcn__mrole *list, size_t n, khcn__aagg *out) {
  const khcn__estruct *s = e->st;
  memset(out->counts, 0, sizeof out->counts);
  out->lagging = 0;
  for (size_t q = 0; q < n; q++) {
    uint32_t k = list[q].node;
    if (k >= s->nnode) continue;
    for (uint32_t pos = s->link_off[k]; pos < s->link_off[k + 1]; pos++) {
      uint32_t i = s->link_ind[pos];
      if (i == UINT32_MAX) continue;
      uint8_t st = khcn__get_ires(e, i).status;
      out->counts[st]++;
      if (list[q].lead && khcn__lagging(st)) out->lagging++;
    }
  }
}

/* ------------------------------------------------------------ evaluate */

static int latest_year(const khcn_plan *plan) {
  int y = 0;
  khcn_indicator **inds = (khcn_indicator **)plan->indicators.data;
  for (size_t i = 0; i < plan->indicators.len; i++) {
    const khcn_indicator *ind = inds[i];
    if (ind->nobs && ind->obs_block) {
      int16_t yy = khcn__obs_years(ind)[ind->nobs - 1];
      if (yy > y) y = yy;
    }
  }
  if (!y) y = plan->end ? plan->end : 2025;
  return y;
}

static khcn_status evaluate(khcn_eval **out, const khcn_plan *plan, const khcn_eval_options *opts, khcn_diags *diags,
                            khcn__estruct *shared) {
  khcn_eval *e = khcn__calloc(1, sizeof *e);
  if (!e) return khcn__nomem("evaluation");
  khcn_status st = fill_options(&e->cx.o, opts);
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  if (st) goto fail;
  e->plan = plan;
  e->cx.ps = plan->start;
  e->cx.pe = plan->end;
  e->cx.as_of = e->cx.o.as_of ? e->cx.o.as_of : latest_year(plan);
  e->cx.o.as_of = e->cx.as_of;
  if (shared && memcmp(shared->rolew, e->cx.o.role_weight, sizeof shared->rolew) == 0) {
    atomic_fetch_add(&shared->refs, 1);
    e->st = shared;
  } else {
    st = build(&e->st, plan, e->cx.o.role_weight);
    if (st) goto fail;
  }
  const khcn__estruct *s = e->st;
  {
    size_t ni = s->nind ? s->nind : 1;
    unsigned char *blk = khcn__malloc(ni * 11);
    e->iscore = (double *)(void *)blk;
    e->iflags = blk ? (uint16_t *)(void *)(blk + ni * 8) : NULL;
    e->istatus = blk ? blk + ni * 10 : NULL;
  }
  e->nagg = khcn__calloc(s->nnode + 1, sizeof *e->nagg);
  e->aagg = khcn__calloc(s->nag ? s->nag : 1, sizeof *e->aagg);
  if (!e->iscore || !e->nagg || !e->aagg) {
    st = khcn__nomem("evaluation results");
    goto fail;
  }
  e->cx.diags = diags;
  for (size_t i = 0; i < s->nind; i++) {
    khcn__iview iv;
    khcn_result r;
    st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
    if (st) goto fail;
    if (iv.ratio_bad && diags) {
      const char *id = khcn_indicator_id(iv.ind);
      (void)khcn__diag_add(diags, KHCN_DIAG_FORMULA, KHCN_SEV_WARNING, SIZE_MAX, id, "",
                           "indicator %s: ratio with a zero, missing or dangling denominator in some year (left missing)",
                           id);
    }
    khcn__eval_headline(&e->cx, &iv, 0, &r);
    e->iscore[i] = r.score;
    e->iflags[i] = (uint16_t)r.flags;
    e->istatus[i] = (uint8_t)r.status;
  }
  if (diags) /* other targets' degenerate inputs */
    for (size_t i = 0; i < s->nind; i++) {
      khcn__iview iv;
      khcn_result r;
      st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
      if (st) goto fail;
      size_t g = khcn__governing(&e->cx, &iv);
      for (size_t j = 0; j < iv.nt; j++)
        if (j != g) khcn__eval_target(&e->cx, &iv, j, 0, &r);
    }
  e->cx.diags = NULL;
  for (size_t q = 0; q <= s->nnode; q++) khcn__node_compute(e, s->order[q], &e->nagg[s->order[q]]);
  /* agencies: status counts of the direct links of their (agency, node) pairs */
  for (size_t a = 0; a < s->nag; a++) {
    size_t n = s->arole_off[a + 1] - s->arole_off[a];
    const khcn__mrole *ptrs_stack[64];
    const khcn__mrole **ptrs = n <= 64 ? ptrs_stack : khcn__malloc(n * sizeof *ptrs);
    if (!ptrs) {
      st = khcn__nomem("agency roles");
      goto fail;
    }
    for (size_t q = 0; q < n; q++) ptrs[q] = &s->mrole[s->arole[s->arole_off[a] + q]];
    khcn__agency_score(e, ptrs, NULL, n, &e->aagg[a]);
    memset(e->aagg[a].counts, 0, sizeof e->aagg[a].counts);
    e->aagg[a].lagging = 0;
    for (size_t q = 0; q < n; q++) {
      uint32_t k = ptrs[q]->node;
      for (uint32_t pos = s->link_off[k]; pos < s->link_off[k + 1]; pos++) {
        uint32_t i = s->link_ind[pos];
        if (i == UINT32_MAX) continue;
        uint8_t stt = e->istatus[i];
        e->aagg[a].counts[stt]++;
        if (ptrs[q]->lead && khcn__lagging(stt)) e->aagg[a].lagging++;
      }
    }
    if (ptrs != ptrs_stack) khcn__free(ptrs);
  }
  khcn__free(buf);
  khcn__free(ybuf);
  *out = e;
  return KHCN_OK;
fail:
  khcn__free(buf);
  khcn__free(ybuf);
  khcn_eval_free(e);
  return st;
}

khcn_status khcn_evaluate(khcn_eval **out, const khcn_plan *plan, const khcn_eval_options *opts, khcn_diags *diags) {
  if (out) *out = NULL;
  if (!out || !plan) return khcn__err(KHCN_EINVAL, "khcn_evaluate: NULL argument");
  return evaluate(out, plan, opts, diags, NULL);
}

khcn_status khcn_eval_reevaluate(khcn_eval **out, const khcn_eval *prev, const khcn_eval_options *opts,
                                 khcn_diags *diags) {
  if (out) *out = NULL;
  if (!out || !prev) return khcn__err(KHCN_EINVAL, "khcn_eval_reevaluate: NULL argument");
  const khcn_eval *root = prev->base ? prev->base : prev;
  return evaluate(out, root->plan, opts, diags, root->st);
}

void khcn__ovl_free(khcn__ovl *o);

void khcn_eval_free(khcn_eval *e) {
  if (!e) return;
  if (e->ovl) {
    khcn__ovl_free(e->ovl);
  } else {
    khcn__estruct_free(e->st);
    khcn__free(e->iscore);
    khcn__free(e->nagg);
    khcn__free(e->aagg);
  }
  khcn__free(e);
}

int khcn_eval_as_of(const khcn_eval *e) { return e ? e->cx.as_of : 0; }
const khcn_plan *khcn_eval_plan(const khcn_eval *e) { return e ? e->plan : NULL; }

khcn_status khcn_eval_options_used(const khcn_eval *e, khcn_eval_options *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_options_used: NULL argument");
  *out = e->cx.o;
  return KHCN_OK;
}

size_t khcn_eval_indicator_count(const khcn_eval *e) { return e ? e->st->nind : 0; }

static khcn_status one(const khcn_eval *e, size_t i, size_t j, int headline, khcn_result *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "NULL argument");
  if (i >= e->st->nind) return khcn__err(KHCN_ENOTFOUND, "no indicator %zu", i);
  khcn__iview iv;
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  khcn_status st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
  if (!st) {
    if (headline) khcn__eval_headline(&e->cx, &iv, 1, out);
    else if (j >= iv.nt) st = khcn__err(KHCN_ENOTFOUND, "indicator %zu has no target %zu", i, j);
    else khcn__eval_target(&e->cx, &iv, j, 1, out);
  }
  khcn__free(buf);
  khcn__free(ybuf);
  return st;
}

khcn_status khcn_eval_indicator(const khcn_eval *e, size_t i, khcn_result *out) { return one(e, i, 0, 1, out); }

khcn_status khcn_eval_indicator_by_id(const khcn_eval *e, const char *id, khcn_result *out) {
  if (!e || !id || !out) return khcn__err(KHCN_EINVAL, "NULL argument");
  uint32_t i = ind_index_of(e->plan, id);
  if (i == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no indicator \"%s\"", id);
  return one(e, i, 0, 1, out);
}

size_t khcn_eval_target_count(const khcn_eval *e, size_t i) {
  if (!e || i >= e->st->nind) return 0;
  khcn__iview iv;
  raw_view(e, i, &iv);
  return iv.nt;
}

khcn_status khcn_eval_target(const khcn_eval *e, size_t i, size_t j, khcn_result *out) {
  return one(e, i, j, 0, out);
}

khcn_status khcn_eval_required_value(double *out, const khcn_eval *e, size_t i, size_t j, int year) {
  if (!out || !e) return khcn__err(KHCN_EINVAL, "khcn_eval_required_value: NULL argument");
  if (!khcn__year_valid(year)) return khcn__err(KHCN_EINVAL, "khcn_eval_required_value: bad year %d", year);
  *out = NAN;
  if (i >= e->st->nind) return khcn__err(KHCN_ENOTFOUND, "no indicator %zu", i);
  khcn_result r;
  khcn_status st;
  if (j == SIZE_MAX) {
    st = one(e, i, 0, 1, &r);
    if (!st && r.target == SIZE_MAX) return khcn__err(KHCN_ENOTFOUND, "indicator %zu has no target", i);
  } else {
    st = one(e, i, j, 0, &r);
  }
  if (st) return st;
  double y0 = r.base_value, yT = r.threshold;
  int t0 = r.base_year, T = r.target_year;
  if (!r.base_year || !isfinite(y0) || !isfinite(yT) || !T || (r.flags & KHCN_RESULT_BAD_INPUT)) return KHCN_OK;
  const khcn_indicator *ind = ((khcn_indicator **)e->plan->indicators.data)[i];
  size_t tj = r.target;
  khcn__iview iv;
  raw_view(e, i, &iv);
  if (tj < iv.nt && (iv.targets[tj].cmp == KHCN_CMP_DONE ||
                     (iv.targets[tj].cmp == KHCN_CMP_GROWTH && ind->measure == KHCN_MEASURE_RATE)))
    return KHCN_OK;
  if (year >= T || T == t0) *out = yT;
  else if (year <= t0) *out = y0;
  else {
    double f = (double)(year - t0) / (double)(T - t0);
    *out = ((y0 > 0 && yT > 0) || (y0 < 0 && yT < 0)) ? y0 * pow(yT / y0, f) : y0 + (yT - y0) * f;
  }
  return KHCN_OK;
}

size_t khcn_eval_governing_target(const khcn_eval *e, size_t i) {
  if (!e || i >= e->st->nind) return SIZE_MAX;
  khcn__iview iv;
  raw_view(e, i, &iv);
  return khcn__governing(&e->cx, &iv);
}

static const char *const col_names[KHCN_COL_COUNT_] = {
  "value", "year", "attainment", "attainment_raw", "met", "pace", "score", "status", "projected",
  "projected_attainment", "years_behind", "required_value", "required_growth", "flags", "target", "target_year",
  "base_year", "base_value", "threshold"};

const char *khcn_column_name(khcn_column c) {
  if ((int)c < 0 || c >= KHCN_COL_COUNT_) return NULL;
  return col_names[c];
}

static double col_of(const khcn_result *r, khcn_column c) {
  switch (c) {
  case KHCN_COL_VALUE: return r->value;
  case KHCN_COL_YEAR: return r->year;
  case KHCN_COL_ATTAINMENT: return r->attainment;
  case KHCN_COL_ATTAINMENT_RAW: return r->attainment_raw;
  case KHCN_COL_MET: return r->met;
  case KHCN_COL_PACE: return r->pace;
  case KHCN_COL_SCORE: return r->score;
  case KHCN_COL_STATUS: return r->status;
  case KHCN_COL_PROJECTED: return r->projected;
  case KHCN_COL_PROJECTED_ATTAINMENT: return r->projected_attainment;
  case KHCN_COL_YEARS_BEHIND: return r->years_behind;
  case KHCN_COL_REQUIRED_VALUE: return r->required_value;
  case KHCN_COL_REQUIRED_GROWTH: return r->required_growth;
  case KHCN_COL_FLAGS: return r->flags;
  case KHCN_COL_TARGET: return r->target == SIZE_MAX ? -1.0 : (double)r->target;
  case KHCN_COL_TARGET_YEAR: return r->target_year;
  case KHCN_COL_BASE_YEAR: return r->base_year;
  case KHCN_COL_BASE_VALUE: return r->base_value;
  case KHCN_COL_THRESHOLD: return r->threshold;
  default: return NAN;
  }
}

khcn_status khcn_eval_column(const khcn_eval *e, khcn_column col, double *out, size_t n) {
  if (!e || (!out && n)) return khcn__err(KHCN_EINVAL, "khcn_eval_column: NULL argument");
  if ((int)col < 0 || col >= KHCN_COL_COUNT_) return khcn__err(KHCN_EINVAL, "unknown column %d", (int)col);
  if (n != e->st->nind) return khcn__err(KHCN_EINVAL, "column length %zu, expected %zu", n, e->st->nind);
  if (col == KHCN_COL_SCORE || col == KHCN_COL_STATUS || col == KHCN_COL_FLAGS) {
    for (size_t i = 0; i < n; i++) {
      const khcn__ires cv_ = khcn__get_ires(e, i), *c = &cv_;
      switch (col) {
      case KHCN_COL_SCORE: out[i] = c->score; break;
      case KHCN_COL_STATUS: out[i] = c->status; break;
      default: out[i] = c->flags; break;
      }
    }
    if (col != KHCN_COL_FLAGS) return KHCN_OK;
  }
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  khcn_status st = KHCN_OK;
  for (size_t i = 0; i < n; i++) {
    khcn__iview iv;
    khcn_result r;
    st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
    if (st) break;
    khcn__eval_headline(&e->cx, &iv, 1, &r);
    out[i] = col_of(&r, col);
  }
  khcn__free(buf);
  khcn__free(ybuf);
  return st;
}

khcn_status khcn_eval_columns(const khcn_eval *e, const khcn_column *cols, size_t ncols, double *out, size_t n) {
  if (!e || (!cols && ncols) || (!out && n)) return khcn__err(KHCN_EINVAL, "khcn_eval_columns: NULL argument");
  size_t cnt = e->st->nind;
  if (ncols && n / ncols != cnt) return khcn__err(KHCN_EINVAL, "columns length %zu, expected %zu x %zu", n, ncols, cnt);
  if (!ncols && n) return khcn__err(KHCN_EINVAL, "columns length %zu with no column", n);
  for (size_t c = 0; c < ncols; c++)
    if ((int)cols[c] < 0 || cols[c] >= KHCN_COL_COUNT_) return khcn__err(KHCN_EINVAL, "unknown column %d", (int)cols[c]);
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  khcn_status st = KHCN_OK;
  for (size_t i = 0; i < cnt && ncols; i++) {
    khcn__iview iv;
    khcn_result r;
    st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
    if (st) break;
    khcn__eval_headline(&e->cx, &iv, 1, &r);
    for (size_t c = 0; c < ncols; c++) out[c * cnt + i] = col_of(&r, cols[c]);
  }
  khcn__free(buf);
  khcn__free(ybuf);
  return st;
}

khcn_status khcn_eval_column_int(const khcn_eval *e, khcn_column col, int *out, size_t n) {
  if (!e || (!out && n)) return khcn__err(KHCN_EINVAL, "khcn_eval_column_int: NULL argument");
  if ((int)col < 0 || col >= KHCN_COL_COUNT_) return khcn__err(KHCN_EINVAL, "unknown column %d", (int)col);
  if (n != e->st->nind) return khcn__err(KHCN_EINVAL, "column length %zu, expected %zu", n, e->st->nind);
  if (col == KHCN_COL_STATUS) {
    for (size_t i = 0; i < n; i++) out[i] = khcn__get_ires(e, i).status;
    return KHCN_OK;
  }
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t cap = 0;
  khcn_status st = KHCN_OK;
  for (size_t i = 0; i < n; i++) {
    khcn__iview iv;
    khcn_result r;
    st = khcn__view(e, i, &iv, &buf, &ybuf, &cap);
    if (st) break;
    khcn__eval_headline(&e->cx, &iv, 1, &r);
    double d = col_of(&r, col);
    out[i] = isfinite(d) ? (int)d : -1;
  }
  khcn__free(buf);
  khcn__free(ybuf);
  return st;
}

/* ------------------------------------------------------------ nodes */

size_t khcn_eval_node_count(const khcn_eval *e) { return e ? e->st->nnode + 1 : 0; }

khcn_status khcn_eval_node(const khcn_eval *e, size_t i, khcn_node_result *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_node: NULL argument");
  if (i > e->st->nnode) return khcn__err(KHCN_ENOTFOUND, "no node %zu", i);
  const khcn__nagg *a = khcn__get_nagg(e, i);
  out->node = i;
  out->score = a->score;
  out->coverage = a->coverage;
  out->status = (khcn_progress)a->status;
  out->children = a->nchild;
  out->assessed = a->nassessed;
  out->achieved = a->nachieved;
  return KHCN_OK;
}

khcn_status khcn_eval_node_by_id(const khcn_eval *e, const char *id, khcn_node_result *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_node_by_id: NULL argument");
  if (!id) return khcn_eval_node(e, e->st->nnode, out);
  uint32_t k = node_index_of(e->plan, id);
  if (k == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no node \"%s\"", id);
  return khcn_eval_node(e, k, out);
}

khcn_status khcn_eval_plan_result(const khcn_eval *e, khcn_node_result *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_plan_result: NULL argument");
  return khcn_eval_node(e, e->st->nnode, out);
}

khcn_status khcn_eval_node_columns(const khcn_eval *e, double *score, double *coverage, double *status, size_t n) {
  if (!e) return khcn__err(KHCN_EINVAL, "khcn_eval_node_columns: NULL argument");
  if (n != e->st->nnode + 1) return khcn__err(KHCN_EINVAL, "node column length %zu, expected %zu", n, e->st->nnode + 1);
  for (size_t k = 0; k < n; k++) {
    const khcn__nagg *a = khcn__get_nagg(e, k);
    if (score) score[k] = a->score;
    if (coverage) coverage[k] = a->coverage;
    if (status) status[k] = a->status;
  }
  return KHCN_OK;
}

/* ------------------------------------------------------------ agencies */

size_t khcn_eval_agency_count(const khcn_eval *e) { return e ? e->st->nag : 0; }

khcn_status khcn_eval_agency(const khcn_eval *e, size_t i, khcn_agency_result *out) {
  if (!e || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_agency: NULL argument");
  if (i >= e->st->nag) return khcn__err(KHCN_ENOTFOUND, "no agency %zu", i);
  const khcn__aagg *a = khcn__get_aagg(e, i);
  out->agency = i;
  out->score = a->score;
  out->coverage = a->coverage;
  out->weight = a->weight;
  out->status = (khcn_progress)a->status;
  out->roles = a->roles;
  out->lagging = a->lagging;
  for (int c = 0; c < KHCN_PROGRESS_COUNT_; c++) out->counts[c] = a->counts[c];
  return KHCN_OK;
}

khcn_status khcn_eval_agency_by_id(const khcn_eval *e, const char *id, khcn_agency_result *out) {
  if (!e || !id || !out) return khcn__err(KHCN_EINVAL, "khcn_eval_agency_by_id: NULL argument");
  uint32_t a = agency_index_of(e->plan, id);
  if (a == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "no agency \"%s\"", id);
  return khcn_eval_agency(e, a, out);
}

khcn_status khcn_eval_agency_columns(const khcn_eval *e, double *score, double *coverage, double *status, size_t n) {
  if (!e) return khcn__err(KHCN_EINVAL, "khcn_eval_agency_columns: NULL argument");
  if (n != e->st->nag) return khcn__err(KHCN_EINVAL, "agency column length %zu, expected %zu", n, e->st->nag);
  for (size_t a = 0; a < n; a++) {
    const khcn__aagg *g = khcn__get_aagg(e, a);
    if (score) score[a] = g->score;
    if (coverage) coverage[a] = g->coverage;
    if (status) status[a] = g->status;
  }
  return KHCN_OK;
}

/* merged role list of agency a (overlay aware): returns count, sets *list or *ptr-range */
size_t khcn__agency_roles(const khcn_eval *e, size_t a, const khcn__mrole **list, const uint32_t **idx);
size_t khcn__agency_roles(const khcn_eval *e, size_t a, const khcn__mrole **list, const uint32_t **idx) {
  if (e->ovl) {
    uint32_t q = khcn__imap_get(&e->ovl->ag_roles, (uint32_t)a);
    if (q != UINT32_MAX) {
      *list = e->ovl->ag_mroles[q];
      *idx = NULL;
      return e->ovl->ag_nmroles[q];
    }
  }
  *list = e->st->mrole;
  *idx = e->st->arole + e->st->arole_off[a];
  return e->st->arole_off[a + 1] - e->st->arole_off[a];
}

typedef struct lagitem {
  size_t ind;
  double score;
} lagitem;

static int cmp_lag(const void *a, const void *b) {
  const lagitem *x = a, *y = b;
  double sx = isfinite(x->score) ? x->score : 99, sy = isfinite(y->score) ? y->score : 99;
  if (sx != sy) return sx < sy ? -1 : 1;
  return x->ind < y->ind ? -1 : (x->ind > y->ind);
}

size_t khcn_eval_agency_lagging(const khcn_eval *e, size_t a, size_t *out, size_t n) {
  if (!e || a >= e->st->nag) return 0;
  const khcn__estruct *s = e->st;
  const khcn__mrole *list;
  const uint32_t *idx;
  size_t nr = khcn__agency_roles(e, a, &list, &idx);
  size_t total = 0, cap = 0;
  lagitem *items = NULL;
  for (size_t q = 0; q < nr; q++) {
    const khcn__mrole *m = idx ? &list[idx[q]] : &list[q];
    if (!m->lead || m->node >= s->nnode) continue;
    for (uint32_t pos = s->link_off[m->node]; pos < s->link_off[m->node + 1]; pos++) {
      uint32_t i = s->link_ind[pos];
      if (i == UINT32_MAX) continue;
      const khcn__ires rv_ = khcn__get_ires(e, i), *r = &rv_;
      if (!khcn__lagging(r->status)) continue;
      if (total == cap) {
        size_t nc = cap ? cap * 2 : 16;
        lagitem *ni = khcn__realloc(items, nc * sizeof *ni);
        if (!ni) break;
        items = ni;
        cap = nc;
      }
      items[total].ind = i;
      items[total].score = r->score;
      total++;
    }
  }
  if (items) qsort(items, total, sizeof *items, cmp_lag);
  for (size_t q = 0; q < total && q < n; q++) out[q] = items[q].ind;
  khcn__free(items);
  return total;
}
