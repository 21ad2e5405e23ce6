/*
 * Monte Carlo over future annual growth, and the engine's PRNG.
 *
 * PRNG: xoshiro256** (Blackman & Vigna) seeded through splitmix64; normal
 * draws by Marsaglia's polar method with a logarithm computed here from
 * +, *, / and frexp only, so that a seed gives the same bits on every
 * IEEE-754 platform (FLT_EVAL_METHOD 0; no libm transcendental involved).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "internal/engine.h"

/* ------------------------------------------------------------ PRNG */

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void khcn_rng_seed(khcn_rng *rng, uint64_t seed) {
  if (!rng) return;
  uint64_t x = seed;
  for (int i = 0; i < 4; i++) rng->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t khcn_rng_next(khcn_rng *rng) {
  uint64_t *s = rng->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

double khcn_rng_uniform(khcn_rng *rng) { return (double)(khcn_rng_next(rng) >> 11) * 0x1.0p-53; }

/* natural logarithm of x > 0 from basic arithmetic: x = m 2^e, m in
 * [sqrt(1/2), sqrt(2)), ln m = 2 atanh((m-1)/(m+1)) by its series. */
static double own_log(double x) {
  int e;
  double m = frexp(x, &e);
  if (m < 0.70710678118654752440) {
    m *= 2;
    e--;
  }
  double f = (m - 1) / (m + 1), f2 = f * f, term = f, sum = 0;
  for (int k = 1; k <= 23; k += 2) {
    sum += term / k;
    term *= f2;
  }
  return e * 0.69314718055994530942 + 2 * sum;
}

double khcn_rng_normal(khcn_rng *rng) {
  for (;;) {
    double u = 2 * khcn_rng_uniform(rng) - 1, v = 2 * khcn_rng_uniform(rng) - 1;
    double s = u * u + v * v;
    if (s >= 1 || s == 0) continue;
    return u * sqrt(-2 * own_log(s) / s);
  }
}

/* ------------------------------------------------------------ Monte Carlo */

khcn_status khcn_mc_options_init(khcn_mc_options *opts, unsigned int version) {
  if (!opts) return khcn__err(KHCN_EINVAL, "khcn_mc_options_init: NULL options");
  if (version != KHCN_MC_OPTIONS_VERSION) return khcn__err(KHCN_EVERSION, "khcn_mc_options version %u", version);
  memset(opts, 0, sizeof *opts);
  opts->version = version;
  return KHCN_OK;
}

enum { MODE_LOG = 0, MODE_ADD = 1, MODE_IID = 2 };

/* one simulated target */
typedef struct simt {
  uint32_t j;        /* target index */
  int T;             /* year simulated */
  int cmp;           /* resolved comparator (AT_LEAST, AT_MOST, RANGE, APPROX, GROWTH) */
  double yT, hi, tol, g;
  double ry;         /* the value pace is measured toward (hi for a range entered from above) */
  int overshoot_ok, dir;
  int cumulative, growth_rate;
  double y0;         /* base for growth / R */
  int t0;
  double s, cr_abs;  /* for R: sign and |CAGR_r| (0: linear) */
  int linear;
  uint64_t hits;
} simt;

typedef struct simi {
  uint32_t ind;
  int mode, t;       /* t: latest observation year */
  double x, mu, sd;
  double cum0;       /* cumulative sum of flows so far */
  double rsum;       /* rate growth: sum of window rates so far */
  int rcnt;
  size_t t_off, nt;  /* range in the simt array */
  long gov;          /* index (in simt) of the governing target, -1: not simulated */
  double fixed_p[1];
} simi;

struct khcn_mc {
  size_t draws, nsim, nnode;
  uint32_t *sim;       /* plan indices */
  khcn__imap simmap;   /* plan index -> slot */
  size_t *toff;        /* per slot: offset into prob */
  size_t *tcnt;
  double *prob;        /* per (slot, target j) */
  double *gprob;       /* per slot: governing target */
  khcn__imap nodemap;  /* node -> closure slot */
  khcn_mc_node *nstats;
};

void khcn_mc_free(khcn_mc *mc) {
  if (!mc) return;
  khcn__free(mc->sim);
  khcn__imap_free(&mc->simmap);
  khcn__free(mc->toff);
  khcn__free(mc->tcnt);
  khcn__free(mc->prob);
  khcn__free(mc->gprob);
  khcn__imap_free(&mc->nodemap);
  khcn__free(mc->nstats);
  khcn__free(mc);
}

size_t khcn_mc_draws(const khcn_mc *mc) { return mc ? mc->draws : 0; }
size_t khcn_mc_indicator_count(const khcn_mc *mc) { return mc ? mc->nsim : 0; }
size_t khcn_mc_indicator(const khcn_mc *mc, size_t k) { return (mc && k < mc->nsim) ? mc->sim[k] : SIZE_MAX; }

double khcn_mc_probability(const khcn_mc *mc, size_t i, size_t j) {
  if (!mc || i > UINT32_MAX) return NAN;
  uint32_t k = khcn__imap_get(&mc->simmap, (uint32_t)i);
  if (k == UINT32_MAX || j >= mc->tcnt[k]) return NAN;
  return mc->prob[mc->toff[k] + j];
}

khcn_status khcn_mc_probabilities(const khcn_mc *mc, double *out, size_t n) {
  if (!mc || (!out && n)) return khcn__err(KHCN_EINVAL, "khcn_mc_probabilities: NULL argument");
  if (n != mc->nsim) return khcn__err(KHCN_EINVAL, "length %zu, expected %zu", n, mc->nsim);
  memcpy(out, mc->gprob, n * sizeof *out);
  return KHCN_OK;
}

khcn_status khcn_mc_node_stats(const khcn_mc *mc, size_t i, khcn_mc_node *out) {
  if (!mc || !out) return khcn__err(KHCN_EINVAL, "khcn_mc_node_stats: NULL argument");
  uint32_t q = i <= mc->nnode ? khcn__imap_get(&mc->nodemap, (uint32_t)i) : UINT32_MAX;
  if (q == UINT32_MAX) return khcn__err(KHCN_ENOTFOUND, "node %zu is not affected by the simulation", i);
  *out = mc->nstats[q];
  return KHCN_OK;
}

static int sim_met(const simt *s, double v) {
  switch (s->cmp) {
  case KHCN_CMP_AT_LEAST: return v >= s->yT;
  case KHCN_CMP_AT_MOST: return v <= s->yT;
  case KHCN_CMP_RANGE: return v >= s->yT && (v <= s->hi || s->overshoot_ok);
  case KHCN_CMP_APPROX: return fabs(v - s->yT) <= s->tol;
  default: return 0;
  }
}

/* score of a simulated outcome at T: achieved 5, else missed min(score(R), 0) */
static double sim_score(const simt *s, double v, int met) {
  if (met) return 5;
  double R;
  if (s->cmp == KHCN_CMP_GROWTH) {
    R = s->g != 0 ? s->dir * v / fabs(s->g) : -1; /* v is the growth here */
  } else if (!s->linear && s->cr_abs > 0 && ((s->y0 > 0 && v > 0) || (s->y0 < 0 && v < 0))) {
    R = s->s * s->dir * (pow(v / s->y0, 1.0 / (s->T - s->t0)) - 1) / s->cr_abs;
  } else {
    R = s->ry != s->y0 ? (v - s->y0) / (s->ry - s->y0) : -1;
  }
  double sc = khcn__score_R(R);
  return sc > 0 ? 0 : sc;
}

typedef struct cnode {
  uint32_t node;
  double sws, swa, sw; /* constant part */
  uint32_t nc, na, nach;
  uint32_t v_off, v_cnt; /* variable children in vch */
  double score;
  uint8_t status;
} cnode;

typedef struct vchild {
  uint8_t is_node;
  uint32_t idx; /* closure slot or sim slot */
  double w;
} vchild;

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : (x > y);
}

khcn_status khcn_montecarlo(khcn_mc **out, const khcn_eval *e, const khcn_mc_options *opts) {
  if (out) *out = NULL;
  if (!out || !e) return khcn__err(KHCN_EINVAL, "khcn_montecarlo: NULL argument");
  khcn_mc_options o;
  if (opts) {
    if (opts->version != KHCN_MC_OPTIONS_VERSION)
      return khcn__err(KHCN_EVERSION, "khcn_mc_options version %u", opts->version);
    o = *opts;
  } else {
    (void)khcn_mc_options_init(&o, KHCN_MC_OPTIONS_VERSION);
  }
  if (!o.draws) o.draws = 1000;
  if (!o.max_node_samples) o.max_node_samples = (size_t)1 << 22;
  const khcn__estruct *S = e->st;
  size_t nsim = o.indicators ? o.n_indicators : S->nind;
  if (o.indicators)
    for (size_t k = 0; k < nsim; k++)
      if (o.indicators[k] >= S->nind) return khcn__err(KHCN_EINVAL, "khcn_montecarlo: no indicator %zu", o.indicators[k]);
  khcn_mc *mc = khcn__calloc(1, sizeof *mc);
  if (!mc) return khcn__nomem("Monte Carlo");
  khcn_status st = KHCN_OK;
  simi *si = NULL;
  simt *stg = NULL;
  size_t nstg = 0, capstg = 0;
  double *dscore = NULL;
  uint8_t *dstat = NULL;
  cnode *cn = NULL;
  vchild *vch = NULL;
  size_t ncn = 0, nvch = 0;
  double *samples = NULL, *sum = NULL, *sum2 = NULL;
  size_t *ok = NULL, *fin = NULL;
  double *buf = NULL;
  int16_t *ybuf = NULL;
  size_t bcap = 0;
  uint32_t *tmp = NULL;
  mc->draws = o.draws;
  mc->nsim = nsim;
  mc->nnode = S->nnode;
  mc->sim = khcn__malloc((nsim ? nsim : 1) * sizeof *mc->sim);
  mc->toff = khcn__calloc(nsim + 1, sizeof *mc->toff);
  mc->tcnt = khcn__calloc(nsim + 1, sizeof *mc->tcnt);
  mc->gprob = khcn__malloc((nsim ? nsim : 1) * sizeof *mc->gprob);
  si = khcn__calloc(nsim + 1, sizeof *si);
  dscore = khcn__malloc((nsim ? nsim : 1) * sizeof *dscore);
  dstat = khcn__malloc(nsim ? nsim : 1);
  if (!mc->sim || !mc->toff || !mc->tcnt || !mc->gprob || !si || !dscore || !dstat) {
    st = khcn__nomem("Monte Carlo");
    goto done;
  }
  size_t ntot = 0;
  for (size_t k = 0; k < nsim; k++) {
    uint32_t i = (uint32_t)(o.indicators ? o.indicators[k] : k);
    mc->sim[k] = i;
    if ((st = khcn__imap_put(&mc->simmap, i, (uint32_t)k))) goto done;
    mc->toff[k] = ntot;
    mc->tcnt[k] = khcn_eval_target_count(e, i);
    ntot += mc->tcnt[k];
  }
  mc->prob = khcn__malloc((ntot ? ntot : 1) * sizeof *mc->prob);
  if (!mc->prob) { st = khcn__nomem("Monte Carlo"); goto done; }

  /* 1. per indicator: growth model and simulated targets */
  for (size_t k = 0; k < nsim; k++) {
    uint32_t i = mc->sim[k];
    simi *m = &si[k];
    khcn__iview iv;
    if ((st = khcn__view(e, i, &iv, &buf, &ybuf, &bcap))) goto done;
    m->ind = i;
    m->gov = -1;
    m->t_off = nstg;
    size_t gt = khcn__governing(&e->cx, &iv);
    const khcn__ires bv_ = khcn__get_ires(e, i), *base = &bv_;
    dscore[k] = base->score;
    dstat[k] = base->status;
    mc->gprob[k] = NAN;
    /* observed increments */
    long last = -1;
    int positive = 1, nobs = 0;
    for (size_t q = 0; q < iv.n; q++) {
      if (!isfinite(iv.v[q]) || iv.y[q] > e->cx.as_of) continue;
      if (iv.st && (iv.st[q] == KHCN_OBS_FORECAST || iv.st[q] == KHCN_OBS_MISSING)) continue;
      if (!(iv.v[q] > 0)) positive = 0;
      nobs++;
      last = (long)q;
    }
    m->mode = iv.measure == KHCN_MEASURE_RATE ? MODE_IID : (positive ? MODE_LOG : MODE_ADD);
    double s1 = 0, s2 = 0;
    int ninc = 0;
    long prev = -1;
    for (size_t q = 0; q <= (size_t)(last < 0 ? 0 : last) && last >= 0; q++) {
      if (!isfinite(iv.v[q]) || (iv.st && (iv.st[q] == KHCN_OBS_FORECAST || iv.st[q] == KHCN_OBS_MISSING))) continue;
      double r;
      if (m->mode == MODE_IID) {
        r = iv.v[q];
      } else {
        if (prev < 0) { prev = (long)q; continue; }
        double dt = iv.y[q] - iv.y[prev];
        r = m->mode == MODE_LOG ? log(iv.v[q] / iv.v[prev]) / dt : (iv.v[q] - iv.v[prev]) / dt;
        prev = (long)q;
      }
      s1 += r;
      s2 += r * r;
      ninc++;
    }
    for (size_t j = 0; j < mc->tcnt[k]; j++) mc->prob[mc->toff[k] + j] = NAN;
    if (last < 0 || ninc < 1) continue; /* cannot simulate */
    m->t = iv.y[last];
    m->x = iv.v[last];
    m->mu = s1 / ninc;
    m->sd = ninc > 1 ? sqrt(fmax(0, (s2 - s1 * s1 / ninc) / (ninc - 1))) : 0;
    if (o.mean && isfinite(o.mean[k])) m->mu = o.mean[k];
    if (o.sd && isfinite(o.sd[k]) && o.sd[k] >= 0) m->sd = o.sd[k];
    for (size_t j = 0; j < iv.nt; j++) {
      khcn_result r;
      khcn__eval_target(&e->cx, &iv, j, 0, &r);
      const khcn__target *tg = &iv.targets[j];
      int T = tg->year == KHCN_EVERY_YEAR ? (e->cx.pe ? e->cx.pe : r.target_year) : tg->year;
      double *pp = &mc->prob[mc->toff[k] + j];
      if (r.status == KHCN_PROGRESS_ACHIEVED && (tg->year != KHCN_EVERY_YEAR || T <= m->t)) { *pp = 1; continue; }
      if (T <= m->t || T <= e->cx.as_of) { *pp = (r.status == KHCN_PROGRESS_ACHIEVED) ? 1 : 0; continue; }
      if (tg->cmp == KHCN_CMP_DONE || (r.flags & KHCN_RESULT_BAD_INPUT) || !isfinite(r.threshold)) continue;
      if (nstg == capstg) {
        capstg = capstg ? capstg * 2 : 64;
        simt *ns = khcn__realloc(stg, capstg * sizeof *ns);
        if (!ns) { st = khcn__nomem("Monte Carlo"); goto done; }
        stg = ns;
      }
      simt *s = &stg[nstg];
      memset(s, 0, sizeof *s);
      s->j = (uint32_t)j;
      s->T = T;
      s->cmp = tg->cmp == KHCN_CMP_MULTIPLE ? (tg->value >= 1 ? KHCN_CMP_AT_LEAST : KHCN_CMP_AT_MOST) : tg->cmp;
      s->yT = tg->cmp == KHCN_CMP_RANGE ? tg->value : r.threshold;
      s->hi = tg->hi;
      s->tol = isfinite(tg->tol) ? tg->tol : e->cx.o.approx_tolerance * fabs(tg->value);
      s->overshoot_ok = !(tg->flags & KHCN_TARGET_NO_OVERSHOOT);
      s->cumulative = (tg->flags & KHCN_TARGET_CUMULATIVE) && iv.kind == KHCN_KIND_FLOW;
      if (s->cumulative && tg->year == KHCN_EVERY_YEAR && e->cx.ps) s->yT = tg->value * (T - e->cx.ps + 1);
      s->y0 = isfinite(r.base_value) ? r.base_value : m->x;
      s->t0 = r.base_year ? r.base_year : m->t;
      s->dir = s->cmp == KHCN_CMP_AT_MOST ? -1 : 1;
      if (s->cmp == KHCN_CMP_GROWTH) {
        s->g = tg->value;
        s->dir = s->g > 0 ? 1 : (s->g < 0 ? -1 : iv.dir);
        s->growth_rate = iv.measure == KHCN_MEASURE_RATE;
        if (!s->growth_rate && !(s->y0 > 0)) continue;
        if (s->growth_rate && !m->rcnt && m->rsum == 0) {
          /* window sums as in the evaluation */
          int wstart = (iv.base_year && isfinite(iv.base_value)) ? iv.base_year + 1 : (e->cx.ps ? e->cx.ps : -99999);
          for (size_t q = 0; q < iv.n; q++)
            if (isfinite(iv.v[q]) && iv.y[q] >= wstart && iv.y[q] <= m->t) { m->rsum += iv.v[q]; m->rcnt++; }
        }
      } else {
        s->s = s->y0 < 0 ? -1 : 1;
        s->ry = s->yT;
        if (s->cmp == KHCN_CMP_RANGE && s->y0 > s->hi) {
          s->dir = -1;
          s->ry = s->hi;
        }
        if (s->cmp == KHCN_CMP_APPROX) s->dir = s->ry > s->y0 ? 1 : (s->ry < s->y0 ? -1 : iv.dir);
        if (((s->y0 > 0 && s->ry > 0) || (s->y0 < 0 && s->ry < 0)) && s->T > s->t0)
          s->cr_abs = fabs(pow(s->ry / s->y0, 1.0 / (s->T - s->t0)) - 1);
        else s->linear = 1;
      }
      if (s->cumulative && m->cum0 == 0) {
        for (size_t q = 0; q < iv.n; q++)
          if (isfinite(iv.v[q]) && (!e->cx.ps || iv.y[q] >= e->cx.ps) && iv.y[q] <= m->t) m->cum0 += iv.v[q];
      }
      if (j == gt) m->gov = (long)(nstg - m->t_off);
      nstg++;
    }
    m->nt = nstg - m->t_off;
  }

  /* 2. closure of affected nodes, with constant and variable parts */
  {
    khcn__imap *nm = &mc->nodemap;
    /* collect: every ancestor of a node linking a simulated indicator */
    for (size_t k = 0; k < nsim; k++) {
      if (si[k].gov < 0) continue;
      uint32_t i = si[k].ind;
      for (uint32_t x = S->ilink_off[i]; x < S->ilink_off[i + 1]; x++) {
        int32_t q = (int32_t)S->ilink[x];
        while (q >= 0 && khcn__imap_get(nm, (uint32_t)q) == UINT32_MAX) {
          if ((st = khcn__imap_put(nm, (uint32_t)q, 0))) goto done;
          q = S->parent[q];
        }
      }
    }
    /* order the closure deepest first */
    tmp = khcn__malloc((nm->len ? nm->len : 1) * sizeof *tmp);
    cn = khcn__calloc(nm->len ? nm->len : 1, sizeof *cn);
    if (!tmp || !cn) { st = khcn__nomem("Monte Carlo"); goto done; }
    for (size_t q = 0; q <= S->nnode; q++) {
      uint32_t k = S->order[q];
      if (khcn__imap_get(nm, k) != UINT32_MAX) {
        cn[ncn].node = k;
        if ((st = khcn__imap_put(nm, k, (uint32_t)ncn))) goto done;
        ncn++;
      }
    }
    size_t capv = 0;
    for (size_t c = 0; c < ncn; c++) {
      cnode *z = &cn[c];
      uint32_t k = z->node;
      z->v_off = (uint32_t)nvch;
#define ADDV(isn, id, ww)                                                          \
  do {                                                                             \
    if (nvch == capv) {                                                            \
      capv = capv ? capv * 2 : 64;                                                 \
      vchild *nv_ = khcn__realloc(vch, capv * sizeof *nv_);                        \
      if (!nv_) { st = khcn__nomem("Monte Carlo"); goto done; }                    \
      vch = nv_;                                                                   \
    }                                                                              \
    vch[nvch].is_node = (isn);                                                     \
    vch[nvch].idx = (id);                                                          \
    vch[nvch].w = (ww);                                                            \
    nvch++;                                                                        \
  } while (0)
      for (uint32_t q = S->child_off[k]; q < S->child_off[k + 1]; q++) {
        uint32_t ch = S->child[q];
        double w = khcn__node_weight_of(e, ch);
        uint32_t slot = khcn__imap_get(nm, ch);
        if (slot != UINT32_MAX) {
          ADDV(1, slot, w);
          continue;
        }
        const khcn__nagg *a = khcn__get_nagg(e, ch);
        z->nc++;
        z->sw += w;
        if (a->status != KHCN_PROGRESS_NO_DATA && a->status != KHCN_PROGRESS_INSUFFICIENT_DATA && isfinite(a->score)) {
          z->swa += w;
          z->sws += w * a->score;
          z->na++;
          if (a->status == KHCN_PROGRESS_ACHIEVED) z->nach++;
        }
      }
      if (k < S->nnode)
        for (uint32_t pos = S->link_off[k]; pos < S->link_off[k + 1]; pos++) {
          double w = khcn__link_weight_of(e, pos);
          uint32_t i = S->link_ind[pos];
          uint32_t slot = i == UINT32_MAX ? UINT32_MAX : khcn__imap_get(&mc->simmap, i);
          if (slot != UINT32_MAX && si[slot].gov >= 0) {
            ADDV(0, slot, w);
            continue;
          }
          z->nc++;
          z->sw += w;
          if (i == UINT32_MAX) continue;
          const khcn__ires rv_ = khcn__get_ires(e, i), *r = &rv_;
          if (r->status != KHCN_PROGRESS_NO_DATA && r->status != KHCN_PROGRESS_INSUFFICIENT_DATA &&
              isfinite(r->score)) {
            z->swa += w;
            z->sws += w * r->score;
            z->na++;
            if (r->status == KHCN_PROGRESS_ACHIEVED) z->nach++;
          }
        }
      z->v_cnt = (uint32_t)nvch - z->v_off;
#undef ADDV
    }
  }
  sum = khcn__calloc(ncn + 1, sizeof *sum);
  sum2 = khcn__calloc(ncn + 1, sizeof *sum2);
  ok = khcn__calloc(ncn + 1, sizeof *ok);
  fin = khcn__calloc(ncn + 1, sizeof *fin);
  mc->nstats = khcn__calloc(ncn + 1, sizeof *mc->nstats);
  if (!sum || !sum2 || !ok || !fin || !mc->nstats) { st = khcn__nomem("Monte Carlo"); goto done; }
  for (size_t c = 0; c < ncn; c++) {
    mc->nstats[c].min = INFINITY;
    mc->nstats[c].max = -INFINITY;
  }
  if (ncn && o.draws <= o.max_node_samples / ncn) {
    samples = khcn__malloc(ncn * o.draws * sizeof *samples);
    if (!samples) { st = khcn__nomem("Monte Carlo samples"); goto done; }
  }

  /* 3. draws */
  khcn_rng rng;
  khcn_rng_seed(&rng, o.seed);
  for (size_t d = 0; d < o.draws; d++) {
    for (size_t k = 0; k < nsim; k++) {
      simi *m = &si[k];
      if (!m->nt) continue;
      simt *ts = &stg[m->t_off];
      /* targets are visited in year order; simulate segment by segment */
      double lv = m->mode == MODE_LOG ? log(m->x) : m->x;
      int cur = m->t;
      double cum = m->cum0, rs = m->rsum;
      int rc = m->rcnt;
      /* simple insertion-order walk over distinct years ascending */
      int done_years = 0;
      for (;;) {
        int T = INT32_MAX;
        for (size_t q = 0; q < m->nt; q++)
          if (ts[q].T > cur && ts[q].T < T) T = ts[q].T;
        if (T == INT32_MAX) break;
        int need_yearly = 0;
        for (size_t q = 0; q < m->nt; q++)
          if (ts[q].T == T && (ts[q].cumulative || ts[q].growth_rate)) need_yearly = 1;
        double val;
        if (m->mode == MODE_IID || need_yearly) {
          for (int yy = cur + 1; yy <= T; yy++) {
            double z = khcn_rng_normal(&rng);
            if (m->mode == MODE_IID) {
              lv = m->mu + m->sd * z;
              rs += lv;
              rc++;
            } else {
              lv += m->mu + m->sd * z;
            }
            cum += m->mode == MODE_LOG ? exp(lv) : lv;
          }
        } else {
          double dt = T - cur;
          lv += dt * m->mu + sqrt(dt) * m->sd * khcn_rng_normal(&rng);
        }
        val = m->mode == MODE_LOG ? exp(lv) : lv;
        for (size_t q = 0; q < m->nt; q++) {
          simt *s = &ts[q];
          if (s->T != T) continue;
          double x = s->cumulative ? cum : val;
          int met;
          double score_in;
          if (s->cmp == KHCN_CMP_GROWTH) {
            double g = s->growth_rate ? (rc ? rs / rc : NAN)
                                      : (x > 0 ? pow(x / s->y0, 1.0 / (s->T - s->t0)) - 1 : -1);
            met = s->dir * (g - s->g) >= 0;
            score_in = g;
          } else {
            met = sim_met(s, x);
            score_in = x;
          }
          if (met) s->hits++;
          if ((long)q == m->gov) {
            dscore[k] = sim_score(s, score_in, met);
            dstat[k] = met ? KHCN_PROGRESS_ACHIEVED : KHCN_PROGRESS_MISSED;
          }
        }
        cur = T;
        done_years++;
      }
    }
    /* roll the closure up */
    for (size_t c = 0; c < ncn; c++) {
      cnode *z = &cn[c];
      double sws = z->sws, swa = z->swa, sw = z->sw;
      uint32_t nc = z->nc, na = z->na, nach = z->nach;
      for (uint32_t q = z->v_off; q < z->v_off + z->v_cnt; q++) {
        const vchild *v = &vch[q];
        double sc;
        uint8_t s2;
        if (v->is_node) {
          sc = cn[v->idx].score;
          s2 = cn[v->idx].status;
        } else {
          sc = dscore[v->idx];
          s2 = dstat[v->idx];
        }
        nc++;
        sw += v->w;
        if (s2 != KHCN_PROGRESS_NO_DATA && s2 != KHCN_PROGRESS_INSUFFICIENT_DATA && isfinite(sc)) {
          swa += v->w;
          sws += v->w * sc;
          na++;
          if (s2 == KHCN_PROGRESS_ACHIEVED) nach++;
        }
      }
      double score = swa > 0 ? sws / swa : NAN, cov = sw > 0 ? swa / sw : 0;
      uint8_t stt;
      if (nc == 0 || !(sw > 0)) stt = KHCN_PROGRESS_NO_DATA;
      else if (na == 0 || !(swa > 0) || cov < e->cx.o.min_coverage) stt = KHCN_PROGRESS_INSUFFICIENT_DATA;
      else if (nach == na) stt = KHCN_PROGRESS_ACHIEVED;
      else stt = (uint8_t)khcn__node_band(&e->cx, score);
      z->score = score;
      z->status = stt;
      if (isfinite(score)) {
        sum[c] += score;
        sum2[c] += score * score;
        fin[c]++;
        if (score < mc->nstats[c].min) mc->nstats[c].min = score;
        if (score > mc->nstats[c].max) mc->nstats[c].max = score;
      }
      if (stt == KHCN_PROGRESS_ACHIEVED || stt == KHCN_PROGRESS_ON_TRACK) ok[c]++;
      if (samples) samples[c * o.draws + d] = score;
    }
  }
  /* 4. results */
  for (size_t k = 0; k < nsim; k++) {
    simi *m = &si[k];
    for (size_t q = 0; q < m->nt; q++) {
      simt *s = &stg[m->t_off + q];
      mc->prob[mc->toff[k] + s->j] = (double)s->hits / (double)o.draws;
    }
    size_t g = khcn_eval_governing_target(e, m->ind);
    mc->gprob[k] = g == SIZE_MAX ? NAN : mc->prob[mc->toff[k] + g];
  }
  for (size_t c = 0; c < ncn; c++) {
    khcn_mc_node *ns = &mc->nstats[c];
    double n = (double)fin[c];
    ns->mean = n > 0 ? sum[c] / n : NAN;
    ns->sd = n > 1 ? sqrt(fmax(0, (sum2[c] - sum[c] * sum[c] / n) / (n - 1))) : NAN;
    if (!(n > 0)) ns->min = ns->max = NAN;
    ns->p_on_track = (double)ok[c] / (double)o.draws;
    ns->p05 = ns->p50 = ns->p95 = NAN;
    if (samples && fin[c]) {
      double *v = samples + c * o.draws;
      size_t w = 0;
      for (size_t d = 0; d < o.draws; d++)
        if (isfinite(v[d])) v[w++] = v[d];
      /* sort (insertion for small, qsort otherwise) */
      qsort(v, w, sizeof *v, cmp_double);
      ns->p05 = v[(size_t)(0.05 * (double)(w - 1) + 0.5)];
      ns->p50 = v[(size_t)(0.50 * (double)(w - 1) + 0.5)];
      ns->p95 = v[(size_t)(0.95 * (double)(w - 1) + 0.5)];
    }
  }
done:
  khcn__free(si);
  khcn__free(stg);
  khcn__free(dscore);
  khcn__free(dstat);
  khcn__free(cn);
  khcn__free(vch);
  khcn__free(samples);
  khcn__free(sum);
  khcn__free(sum2);
  khcn__free(ok);
  khcn__free(fin);
  khcn__free(buf);
  khcn__free(ybuf);
  khcn__free(tmp);
  if (st) {
    khcn_mc_free(mc);
    return st;
  }
  *out = mc;
  return KHCN_OK;
}

