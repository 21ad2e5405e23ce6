/*
 * The method of docs/methodology.md for one indicator: attainment, pace,
 * score, status, projection, time distance, required values.  Pure
 * functions of a view of the indicator and the evaluation context.
 */
#include <math.h>
#include <string.h>
#include "internal/engine.h"

static const char *const progress_names[KHCN_PROGRESS_COUNT_] = {
  "no_data", "insufficient_data", "achieved", "missed", "on_track", "needs_acceleration",
  "limited_progress", "deteriorating"};

const char *khcn_progress_name(khcn_progress p) {
  if ((int)p < 0 || p >= KHCN_PROGRESS_COUNT_) return NULL;
  return progress_names[p];
}

khcn_status khcn_progress_parse(khcn_progress *out, const char *name) {
  if (!out || !name) return khcn__err(KHCN_EINVAL, "khcn_progress_parse: NULL argument");
  for (int i = 0; i < KHCN_PROGRESS_COUNT_; i++)
    if (strcmp(name, progress_names[i]) == 0) {
      *out = (khcn_progress)i;
      return KHCN_OK;
    }
  return khcn__err(KHCN_EINVAL, "unknown progress status \"%s\"", name);
}

static int usable(const khcn__iview *iv, size_t k) {
  if (!isfinite(iv->v[k])) return 0;
  if (iv->st) {
    uint8_t s = iv->st[k];
    if (s == KHCN_OBS_FORECAST || s == KHCN_OBS_MISSING) return 0;
  }
  return 1;
}

/* index of the latest usable observation with year <= y, or -1 */
static long latest_le(const khcn__iview *iv, int y) {
  for (size_t k = iv->n; k-- > 0;)
    if (iv->y[k] <= y && usable(iv, k)) return (long)k;
  return -1;
}

static long obs_at(const khcn__iview *iv, int y) {
  for (size_t k = 0; k < iv->n; k++)
    if (iv->y[k] == y) return usable(iv, k) ? (long)k : -1;
  return -1;
}

double khcn__score_R(double R) {
  if (R >= 0.6) {
    double s = 7.1429 * R - 4.2857;
    return s > 5 ? 5 : s;
  }
  double s = 4.1667 * R - 2.5;
  return s < -5 ? -5 : s;
}

static double score_v(double v, double C) {
  if (v < 0) {
    double s = 125 * v - 2.5;
    return s < -5 ? -5 : s;
  }
  if (C <= 0) return 5;
  if (v >= 0.015 * C) {
    double s = 500 * v / C - 5;
    return s > 5 ? 5 : s;
  }
  if (v >= 0.005 * C) return 250 * v / C - 1.25;
  return 500 * v / C - 2.5;
}

static khcn_progress band_R(const khcn__ectx *cx, double R) {
  if (R >= cx->o.on_track) return KHCN_PROGRESS_ON_TRACK;
  if (R >= cx->o.needs_acceleration) return KHCN_PROGRESS_NEEDS_ACCELERATION;
  if (R >= cx->o.limited_progress) return KHCN_PROGRESS_LIMITED_PROGRESS;
  return KHCN_PROGRESS_DETERIORATING;
}

khcn_progress khcn__node_band(const khcn__ectx *cx, double score) {
  if (score >= cx->o.node_on_track) return KHCN_PROGRESS_ON_TRACK;
  if (score >= cx->o.node_needs_acceleration) return KHCN_PROGRESS_NEEDS_ACCELERATION;
  if (score >= cx->o.node_limited_progress) return KHCN_PROGRESS_LIMITED_PROGRESS;
  return KHCN_PROGRESS_DETERIORATING;
}

int khcn__lagging(uint8_t s) {
  return s == KHCN_PROGRESS_MISSED || s == KHCN_PROGRESS_NEEDS_ACCELERATION || s == KHCN_PROGRESS_LIMITED_PROGRESS ||
         s == KHCN_PROGRESS_DETERIORATING;
}

void khcn__ires_from(khcn__ires *c, const khcn_result *r) {
  memset(c, 0, sizeof *c);
  c->score = r->score;
  c->flags = (uint16_t)r->flags;
  c->status = (uint8_t)r->status;
}

static void diag(const khcn__ectx *cx, const khcn__iview *iv, size_t tj, int code, const char *msg) {
  if (!cx->diags || !iv->ind) return;
  const char *id = khcn_indicator_id(iv->ind);
  if (tj == SIZE_MAX)
    (void)khcn__diag_add(cx->diags, code, KHCN_SEV_WARNING, SIZE_MAX, id, "", "indicator %s: %s", id, msg);
  else
    (void)khcn__diag_add(cx->diags, code, KHCN_SEV_WARNING, SIZE_MAX, id, "", "indicator %s, target %zu: %s", id,
                         tj, msg);
}

static void result_init(khcn_result *r, const khcn__iview *iv, size_t tj) {
  r->indicator = iv->ind ? khcn_indicator_index(iv->ind) : 0;
  r->target = tj;
  r->year = 0;
  r->target_year = 0;
  r->base_year = 0;
  r->base_value = NAN;
  r->value = NAN;
  r->attainment = NAN;
  r->attainment_raw = NAN;
  r->met = 0;
  r->pace = NAN;
  r->score = NAN;
  r->status = KHCN_PROGRESS_NO_DATA;
  r->projected = NAN;
  r->projected_attainment = NAN;
  r->years_behind = NAN;
  r->required_value = NAN;
  r->required_growth = NAN;
  r->threshold = NAN;
  r->flags = 0;
}

static int nonneg_measure(int m) {
  return m == KHCN_MEASURE_COUNT || m == KHCN_MEASURE_PERCENT || m == KHCN_MEASURE_MONEY || m == KHCN_MEASURE_BINARY;
}

/* The effective year a target applies to at as_of. */
static int target_eff_year(const khcn__ectx *cx, const khcn__target *t) {
  if (t->year != KHCN_EVERY_YEAR) return t->year;
  int y = cx->as_of;
  if (cx->pe && y > cx->pe) y = cx->pe;
  if (cx->ps && y < cx->ps) y = cx->ps;
  return y;
}

size_t khcn__governing(const khcn__ectx *cx, const khcn__iview *iv) {
  size_t best = SIZE_MAX, last = SIZE_MAX;
  int besty = 0, lasty = 0;
  for (size_t j = 0; j < iv->nt; j++) {
    int y = target_eff_year(cx, &iv->targets[j]);
    if (y >= cx->as_of && (best == SIZE_MAX || y < besty)) {
      best = j;
      besty = y;
    }
    if (last == SIZE_MAX || y > lasty) {
      last = j;
      lasty = y;
    }
  }
  return best != SIZE_MAX ? best : last;
}

/* Base (t0, y0): baseline, else the first usable observation on or after the
 * plan start and not after `upto`.  Returns 0 when none. */
static int find_base(const khcn__ectx *cx, const khcn__iview *iv, int upto, int *t0, double *y0, int *from_obs) {
  *from_obs = 0;
  if (iv->base_year && isfinite(iv->base_value) && iv->base_year <= upto) {
    *t0 = iv->base_year;
    *y0 = iv->base_value;
    return 1;
  }
  for (size_t k = 0; k < iv->n; k++) {
    if (!usable(iv, k)) continue;
    if (cx->ps && iv->y[k] < cx->ps) continue;
    if (iv->y[k] > upto) break;
    *t0 = iv->y[k];
    *y0 = iv->v[k];
    *from_obs = 1;
    return 1;
  }
  return 0;
}

static int same_sign_nonzero(double a, double b, double c) {
  return (a > 0 && b > 0 && c > 0) || (a < 0 && b < 0 && c < 0);
}

/* value of the straight / geometric path from (t0,y0) to (T,yT) at year */
static double path_at(double y0, int t0, double yT, int T, int year) {
  if (year >= T) return yT;
  if (T == t0) return yT;
  double f = (double)(year - t0) / (double)(T - t0);
  if (same_sign_nonzero(y0, yT, y0)) return y0 * pow(yT / y0, f);
  return y0 + (yT - y0) * f;
}

/* ordinary least squares line through the usable observations in [t0, t]
 * (and the base point when it is a baseline), evaluated at year T */
static double ols_at(const khcn__iview *iv, int t0, double y0, int base_is_obs, int t, int T) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
  if (!base_is_obs) {
    sx += t0; sy += y0; sxx += (double)t0 * t0; sxy += (double)t0 * y0; n += 1;
  }
  for (size_t k = 0; k < iv->n; k++) {
    if (!usable(iv, k) || iv->y[k] < t0 || iv->y[k] > t) continue;
    double x = iv->y[k], y = iv->v[k];
    sx += x; sy += y; sxx += x * x; sxy += x * y; n += 1;
  }
  if (n < 2) return NAN;
  double den = n * sxx - sx * sx;
  if (den == 0) return NAN;
  double b = (n * sxy - sx * sy) / den;
  double a = (sy - b * sx) / n;
  return a + b * T;
}

/* ESCAP time-weighted mean annual log growth to T over observations in [t0, t] */
static double tw_growth(const khcn__iview *iv, int t0, int t, int T) {
  double sw = 0, sg = 0;
  long prev = -1;
  int tmin = t0;
  for (size_t k = 0; k < iv->n; k++) {
    if (!usable(iv, k) || iv->y[k] < t0 || iv->y[k] > t) continue;
    if (prev >= 0 && iv->v[prev] > 0 && iv->v[k] > 0 && T > iv->y[k]) {
      double g = log(iv->v[k] / iv->v[prev]) / (iv->y[k] - iv->y[prev]);
      double w = (double)(T - tmin) / (double)(T - iv->y[k]);
      sw += w;
      sg += w * g;
    }
    prev = (long)k;
  }
  return sw > 0 ? sg / sw : NAN;
}

/* Attainment of x against (cmp, yT, hi) from base y0 (has_base) */
typedef struct tctx {
  int cmp;           /* resolved: AT_LEAST, AT_MOST, RANGE, APPROX */
  double yT, hi, tol;
  int overshoot_ok;
  int has_base;
  double y0;
} tctx;

static int met_of(const tctx *c, double x) {
  switch (c->cmp) {
  case KHCN_CMP_AT_LEAST: return x >= c->yT;
  case KHCN_CMP_AT_MOST: return x <= c->yT;
  case KHCN_CMP_RANGE: return x >= c->yT && (x <= c->hi || c->overshoot_ok);
  case KHCN_CMP_APPROX: return fabs(x - c->yT) <= c->tol;
  default: return 0;
  }
}

static double attain_of(const tctx *c, double x, uint32_t *flags) {
  int met = met_of(c, x);
  switch (c->cmp) {
  case KHCN_CMP_AT_LEAST:
  case KHCN_CMP_RANGE:
    if (c->cmp == KHCN_CMP_RANGE && x > c->hi) {
      if (flags) *flags |= KHCN_RESULT_OVERSHOOT;
      if (!c->overshoot_ok) {
        double ref = c->has_base ? fabs(c->hi - c->y0) : fabs(c->hi);
        return ref > 0 ? 1 - (x - c->hi) / ref : 0;
      }
    }
    if (c->has_base) {
      if (c->yT == c->y0) return met ? 1 : 0;
      return (x - c->y0) / (c->yT - c->y0);
    }
    if (flags) *flags |= KHCN_RESULT_NO_BASE_RATIO;
    if (c->yT == 0) return met ? 1 : 0;
    return x / c->yT;
  case KHCN_CMP_AT_MOST:
    if (c->has_base) {
      if (c->yT == c->y0) return met ? 1 : 0;
      return (c->y0 - x) / (c->y0 - c->yT);
    }
    if (flags) *flags |= KHCN_RESULT_NO_BASE_RATIO;
    if (x == 0) return met ? 1 : 0;
    return c->yT / x;
  case KHCN_CMP_APPROX:
    if (c->has_base) {
      if (c->yT == c->y0) return met ? 1 : 0;
      return 1 - fabs(x - c->yT) / fabs(c->yT - c->y0);
    }
    if (flags) *flags |= KHCN_RESULT_NO_BASE_RATIO;
    if (c->yT == 0) return met ? 1 : 0;
    return 1 - fabs(x - c->yT) / fabs(c->yT);
  default: return NAN;
  }
}

static double clamp01(double a) {
  if (!(a == a)) return a;
  return a < 0 ? 0 : (a > 1 ? 1 : a);
}

/* projection of the series to year T from (t, x) */
static double project(const khcn__ectx *cx, const khcn__iview *iv, int t0, double y0, int base_obs, int t, double x,
                      int T, uint32_t *flags) {
  double p;
  if (T <= t) return x;
  if (isfinite(iv->ag_rate)) {
    *flags |= KHCN_RESULT_ASSUMED_GROWTH;
    int F = iv->ag_from;
    double c = NAN;
    if (F > t) {
      if (t > t0 && y0 > 0 && x > 0) c = pow(x / y0, 1.0 / (t - t0)) - 1;
      else c = 0;
      int F2 = F < T ? F : T;
      p = x * pow(1 + c, F2 - t) * pow(1 + iv->ag_rate, T - F2);
    } else {
      p = x * pow(1 + iv->ag_rate, T - t);
    }
  } else if (t <= t0) {
    return NAN;
  } else if (!(cx->o.flags & KHCN_EVAL_LINEAR_PROJECTION) && y0 > 0 && x > 0) {
    if (cx->o.flags & KHCN_EVAL_TIME_WEIGHTED) {
      double g = tw_growth(iv, t0, t, T);
      p = isfinite(g) ? x * exp(g * (T - t)) : x * pow(x / y0, (double)(T - t) / (t - t0));
    } else {
      double c = pow(x / y0, 1.0 / (t - t0)) - 1;
      p = x * pow(1 + c, T - t);
    }
  } else {
    p = ols_at(iv, t0, y0, base_obs, t, T);
    if (!isfinite(p)) p = x + (x - y0) * (double)(T - t) / (double)(t - t0);
  }
  if (isfinite(iv->limit) && p > iv->limit) {
    p = iv->limit;
    *flags |= KHCN_RESULT_PROJECTION_CLAMPED;
  }
  if (nonneg_measure(iv->measure) && p < 0) {
    p = 0;
    *flags |= KHCN_RESULT_PROJECTION_CLAMPED;
  }
  return p;
}

static void eval_notarget(const khcn__ectx *cx, const khcn__iview *iv, int full, khcn_result *r) {
  r->flags |= KHCN_RESULT_NO_TARGET;
  long k = latest_le(iv, cx->as_of);
  if (k < 0) return; /* no_data */
  int t = iv->y[k];
  double x = iv->v[k];
  r->year = t;
  r->value = x;
  if (iv->st && iv->st[k] != KHCN_OBS_NORMAL) r->flags |= KHCN_RESULT_ESTIMATED;
  int t0, bobs;
  double y0;
  if (!find_base(cx, iv, t, &t0, &y0, &bobs) || t0 >= t) {
    r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
    return;
  }
  r->base_year = t0;
  r->base_value = y0;
  if (bobs) r->flags |= KHCN_RESULT_BASE_FROM_OBSERVATION;
  double s = y0 < 0 ? -1 : 1;
  double v;
  if (same_sign_nonzero(y0, x, x)) {
    v = s * iv->dir * (pow(x / y0, 1.0 / (t - t0)) - 1);
  } else if (y0 != 0) {
    r->flags |= KHCN_RESULT_LINEAR_FALLBACK;
    v = iv->dir * ((x - y0) / (t - t0)) / fabs(y0);
  } else {
    r->flags |= KHCN_RESULT_LINEAR_FALLBACK | KHCN_RESULT_BAD_INPUT;
    r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
    diag(cx, iv, SIZE_MAX, KHCN_DIAG_GROWTH_BASE, "trend from a zero base value cannot be assessed");
    return;
  }
  double C = 1;
  if (isfinite(iv->limit) && iv->limit > 0) {
    double L = iv->limit, a = fabs(y0), e = cx->o.limit_exponent;
    if (a <= L) C = 1 - pow(a / L, e);
    else if (a < 2 * L) C = 1 - pow((2 * L - a) / L, e);
    else C = 1;
  }
  r->pace = v;
  if (C <= 0 && v >= 0) {
    r->status = KHCN_PROGRESS_ON_TRACK;
    r->score = 5;
  } else {
    if (v >= cx->o.v_on_track * C) r->status = KHCN_PROGRESS_ON_TRACK;
    else if (v >= cx->o.v_needs_acceleration * C) r->status = KHCN_PROGRESS_NEEDS_ACCELERATION;
    else if (v >= 0) r->status = KHCN_PROGRESS_LIMITED_PROGRESS;
    else r->status = KHCN_PROGRESS_DETERIORATING;
    r->score = score_v(v, C);
  }
  if (full && cx->pe > t) {
    r->target_year = cx->pe;
    r->projected = project(cx, iv, t0, y0, bobs, t, x, cx->pe, &r->flags);
  }
}

void khcn__eval_target(const khcn__ectx *cx, const khcn__iview *iv, size_t tj, int full, khcn_result *r) {
  result_init(r, iv, tj);
  if (tj == SIZE_MAX || tj >= iv->nt) {
    r->target = SIZE_MAX;
    eval_notarget(cx, iv, full, r);
    return;
  }
  const khcn__target *tg = &iv->targets[tj];
  int every = tg->year == KHCN_EVERY_YEAR;
  int cumulative = (tg->flags & KHCN_TARGET_CUMULATIVE) && iv->kind == KHCN_KIND_FLOW;
  int bad = 0;
  if (every) r->flags |= KHCN_RESULT_EVERY_YEAR;
  if (cumulative) r->flags |= KHCN_RESULT_CUMULATIVE;

  /* 1. target year and the judged observation */
  int T, J;
  long k;
  if (every) {
    int lim = cx->as_of;
    if (cx->pe && lim > cx->pe) lim = cx->pe;
    k = latest_le(iv, lim);
    if (k >= 0 && cx->ps && iv->y[k] < cx->ps) k = -1;
    T = k >= 0 ? iv->y[k] : target_eff_year(cx, tg);
    J = T;
  } else {
    T = tg->year;
    J = cx->as_of < T ? cx->as_of : T;
    k = latest_le(iv, J);
  }
  r->target_year = T;
  if (!every && tg->cmp != KHCN_CMP_DONE && iv->base_year && isfinite(iv->base_value) && T < iv->base_year) {
    diag(cx, iv, tj, KHCN_DIAG_TARGET_BEFORE_BASE, "target year before the base year");
    r->flags |= KHCN_RESULT_BAD_INPUT;
    r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
    return;
  }
  if (k < 0) {
    if (tg->cmp == KHCN_CMP_RANGE && tg->value > tg->hi) {
      r->flags |= KHCN_RESULT_BAD_INPUT;
      r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
      diag(cx, iv, tj, KHCN_DIAG_RANGE_INVERTED, "range target with lo > hi");
    }
    return; /* no_data */
  }
  int t = iv->y[k];
  double x = iv->v[k];
  if (iv->st && iv->st[k] != KHCN_OBS_NORMAL) r->flags |= KHCN_RESULT_ESTIMATED;
  if (cumulative) {
    double sum = 0;
    for (size_t q = 0; q < iv->n; q++)
      if (usable(iv, q) && (!cx->ps || iv->y[q] >= cx->ps) && iv->y[q] <= t) sum += iv->v[q];
    x = sum;
  }
  r->year = t;
  r->value = x;

  /* 2. base */
  int t0 = 0, bobs = 0, has_base;
  double y0 = NAN;
  if (cumulative) {
    t0 = (cx->ps ? cx->ps : t) - 1;
    y0 = 0;
    has_base = t0 < t;
  } else if (every && iv->kind == KHCN_KIND_FLOW) {
    has_base = 0;
  } else {
    has_base = find_base(cx, iv, t, &t0, &y0, &bobs);
  }
  if (has_base) {
    r->base_year = t0;
    r->base_value = y0;
    if (bobs) r->flags |= KHCN_RESULT_BASE_FROM_OBSERVATION;
  }
  if (has_base && t0 >= t) has_base = 0; /* a single point is no base */

  /* 3. resolve the comparator */
  tctx c;
  memset(&c, 0, sizeof c);
  c.overshoot_ok = !(tg->flags & KHCN_TARGET_NO_OVERSHOOT);
  c.has_base = has_base;
  c.y0 = y0;
  c.hi = tg->hi;
  int cmp = tg->cmp;
  double g = NAN, cagr = NAN;
  int d = iv->dir;
  int is_rate = iv->measure == KHCN_MEASURE_RATE;
  double rsum = 0;
  int rcnt = 0;
  if (cmp == KHCN_CMP_MULTIPLE) {
    double kf = tg->value, yb = NAN;
    int b = tg->base_year;
    if (!b) {
      if (iv->base_year && isfinite(iv->base_value)) { b = iv->base_year; yb = iv->base_value; }
      else if (has_base) { b = t0; yb = y0; }
    } else if (iv->base_year == b && isfinite(iv->base_value)) {
      yb = iv->base_value;
    } else {
      long q = obs_at(iv, b);
      if (q >= 0) yb = iv->v[q];
    }
    if (!(kf > 0)) {
      diag(cx, iv, tj, KHCN_DIAG_MULTIPLE_FACTOR, "multiple target with a factor <= 0");
      bad = 1;
    } else if (!isfinite(yb)) {
      diag(cx, iv, tj, KHCN_DIAG_MULTIPLE_BASE, "multiple target without a value for its base year");
      bad = 1;
    } else {
      c.yT = kf * yb;
      cmp = kf >= 1 ? KHCN_CMP_AT_LEAST : KHCN_CMP_AT_MOST;
    }
  } else if (cmp == KHCN_CMP_RANGE) {
    if (tg->value > tg->hi || !isfinite(tg->hi)) {
      diag(cx, iv, tj, KHCN_DIAG_RANGE_INVERTED, "range target with lo > hi");
      bad = 1;
    }
    c.yT = tg->value;
  } else if (cmp == KHCN_CMP_APPROX) {
    c.yT = tg->value;
    c.tol = isfinite(tg->tol) ? tg->tol : cx->o.approx_tolerance * fabs(tg->value);
    if (c.tol < 0) {
      diag(cx, iv, tj, KHCN_DIAG_TOLERANCE, "approx target with a negative tolerance");
      bad = 1;
    }
  } else if (cmp == KHCN_CMP_GROWTH) {
    g = tg->value;
    if (is_rate) {
      int wstart = (iv->base_year && isfinite(iv->base_value)) ? iv->base_year + 1 : (cx->ps ? cx->ps : -99999);
      for (size_t q = 0; q < iv->n; q++)
        if (usable(iv, q) && iv->y[q] >= wstart && iv->y[q] <= t) { rsum += iv->v[q]; rcnt++; }
      if (rcnt) cagr = rsum / rcnt;
    } else if (has_base) {
      if (!(y0 > 0)) {
        diag(cx, iv, tj, KHCN_DIAG_GROWTH_BASE, "growth target on a series with a non-positive base");
        bad = 1;
      } else if (x > 0) {
        cagr = pow(x / y0, 1.0 / (t - t0)) - 1;
      } else {
        cagr = -1; /* fell to zero or below */
      }
    } else if (isfinite(y0) && !(y0 > 0)) {
      diag(cx, iv, tj, KHCN_DIAG_GROWTH_BASE, "growth target on a series with a non-positive base");
      bad = 1;
    }
    if (g == 0) d = iv->dir;
    else d = g > 0 ? 1 : -1;
  } else if (cmp == KHCN_CMP_AT_LEAST || cmp == KHCN_CMP_AT_MOST) {
    c.yT = tg->value;
  }
  if (cumulative && every && cx->ps) c.yT = c.yT * (T - cx->ps + 1);
  c.cmp = cmp;
  if (bad) {
    r->flags |= KHCN_RESULT_BAD_INPUT;
    r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
    return;
  }

  /* 4. attainment, met */
  double A;
  int met;
  if (cmp == KHCN_CMP_DONE) {
    met = 0;
    for (size_t q = 0; q < iv->n; q++)
      if (usable(iv, q) && iv->y[q] <= J && iv->v[q] != 0) met = 1;
    A = met;
    r->threshold = 1;
  } else if (cmp == KHCN_CMP_GROWTH) {
    if (!isfinite(cagr)) {
      r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
      return;
    }
    met = d * (cagr - g) >= 0;
    A = g != 0 ? cagr / g : (met ? 1 : 0);
    r->threshold = (!is_rate && has_base) ? y0 * pow(1 + g, T - t0) : g;
  } else {
    A = attain_of(&c, x, &r->flags);
    met = met_of(&c, x);
    r->threshold = c.yT;
    if (cmp == KHCN_CMP_AT_LEAST) d = 1;
    else if (cmp == KHCN_CMP_AT_MOST) d = -1;
    else if (cmp == KHCN_CMP_RANGE) d = (has_base && y0 > c.hi) ? -1 : 1;
    else if (cmp == KHCN_CMP_APPROX) {
      double ref = has_base ? y0 : x;
      d = c.yT > ref ? 1 : (c.yT < ref ? -1 : iv->dir);
    }
  }
  if (cmp == KHCN_CMP_RANGE && d < 0) r->threshold = c.hi;
  r->attainment_raw = A;
  r->attainment = clamp01(A);
  r->met = met;

  /* 5. pace R */
  double R = NAN;
  double yT = r->threshold;
  if (cmp == KHCN_CMP_DONE) {
    R = met ? 1 : 0;
  } else if (cmp == KHCN_CMP_GROWTH) {
    R = g != 0 ? d * cagr / fabs(g) : (met ? 1 : -1);
  } else if (every && iv->kind == KHCN_KIND_FLOW && !cumulative) {
    R = A;
  } else if (has_base && T > t0) {
    double s = y0 < 0 ? -1 : 1;
    if (same_sign_nonzero(y0, x, yT)) {
      double co = pow(x / y0, 1.0 / (t - t0)) - 1;
      double cr = pow(yT / y0, 1.0 / (T - t0)) - 1;
      R = cr != 0 ? s * d * co / fabs(cr) : -1;
    } else {
      r->flags |= KHCN_RESULT_LINEAR_FALLBACK;
      double req = (yT - y0) / (T - t0);
      R = req != 0 ? ((x - y0) / (t - t0)) / req : -1;
    }
  }
  r->pace = R;

  /* 6. status and score */
  if (met) {
    r->status = KHCN_PROGRESS_ACHIEVED;
    r->score = 5;
  } else if (cx->as_of > T) {
    r->status = KHCN_PROGRESS_MISSED;
    double s = isfinite(R) ? khcn__score_R(R) : -5;
    r->score = s > 0 ? 0 : s;
  } else if (!isfinite(R)) {
    r->status = KHCN_PROGRESS_INSUFFICIENT_DATA;
  } else {
    r->status = band_R(cx, R);
    r->score = khcn__score_R(R);
  }
  if (!full || cmp == KHCN_CMP_DONE) return;

  /* 7. projection, time distance, required */
  if (cmp == KHCN_CMP_GROWTH) {
    if (is_rate) {
      r->projected = cagr;
      r->projected_attainment = A;
      int remaining = T - t;
      if (remaining > 0) r->required_growth = (g * (rcnt + remaining) - rsum) / remaining;
      r->required_value = g;
      return;
    }
    if (!has_base) return;
    uint32_t pf = 0;
    double p = project(cx, iv, t0, y0, bobs, t, x, T, &pf);
    r->flags |= pf;
    r->projected = p;
    if (isfinite(p) && p > 0 && T > t0 && g != 0) r->projected_attainment = (pow(p / y0, 1.0 / (T - t0)) - 1) / g;
    if (yT != y0) r->years_behind = cx->as_of - (t0 + (x - y0) * (T - t0) / (yT - y0));
    r->required_value = path_at(y0, t0, yT, T, cx->as_of);
    if (T > t && x > 0 && yT > 0) r->required_growth = pow(yT / x, 1.0 / (T - t)) - 1;
    return;
  }
  uint32_t pf = 0;
  double p = T > t ? project(cx, iv, has_base ? t0 : t, has_base ? y0 : x, bobs, t, x, T, &pf) : x;
  r->flags |= pf;
  r->projected = p;
  if (isfinite(p)) r->projected_attainment = attain_of(&c, p, NULL);
  if (has_base && yT != y0 && T != t0) r->years_behind = cx->as_of - (t0 + (x - y0) * (T - t0) / (yT - y0));
  if (has_base) r->required_value = path_at(y0, t0, yT, T, cx->as_of);
  else if (every) r->required_value = yT;
  if (T > t && x > 0 && yT > 0) r->required_growth = pow(yT / x, 1.0 / (T - t)) - 1;
}

void khcn__eval_headline(const khcn__ectx *cx, const khcn__iview *iv, int full, khcn_result *r) {
  size_t g = khcn__governing(cx, iv);
  khcn__eval_target(cx, iv, g, full, r);
}
