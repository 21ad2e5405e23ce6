/*
 * Synthetic national-scale dataset: provinces, task trees, indicators with
 * every comparator and measure, yearly observations, agencies and roles.
 * Deterministic for a seed (the engine's own PRNG).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal/engine.h"

/* The generator makes unique entries by construction, so it appends
 * directly (same representation as plan.c; the plan's responsibility index
 * catches up with direct appends lazily). */
static khcn_status synth_assign(khcn_plan *p, const char *task, const char *agency, khcn_role role) {
  khcn__resp c;
  memset(&c, 0, sizeof c);
  c.r.role = role;
  /* the ids of the agency and the task (both exist) are shared with them, as khcn_plan_assign does */
  const khcn_agency *ag = khcn__idx_get(&p->agency_map, agency);
  const khcn_node *tk = task ? khcn__idx_get(&p->node_map, task) : NULL;
  if (!(c.r.agency = ag ? ag->id : khcn__arena_strdup(&p->arena, agency))) return khcn__nomem("responsibility");
  if (task && !(c.r.task = tk ? tk->id : khcn__arena_strdup(&p->arena, task))) return khcn__nomem("responsibility");
  return khcn__vec_push(&p->resp, &c);
}

#define CK(x) do { if ((st = (x)) != KHCN_OK) goto fail; } while (0)

khcn_status khcn_synth_generate(khcn_plan **out, const khcn_synth_options *opts) {
  if (out) *out = NULL;
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_synth_generate: NULL out");
  khcn_synth_options o;
  memset(&o, 0, sizeof o);
  o.version = KHCN_SYNTH_OPTIONS_VERSION;
  if (opts) {
    if (opts->version != KHCN_SYNTH_OPTIONS_VERSION)
      return khcn__err(KHCN_EVERSION, "khcn_synth_options version %u", opts->version);
    o = *opts;
  }
  if (!o.provinces) o.provinces = 63;
  if (!o.indicators) o.indicators = 1000000;
  if (!o.years) o.years = 10;
  if (!o.agencies_per_province) o.agencies_per_province = 30;
  if (!o.depth) o.depth = 5;
  if (!o.first_year) o.first_year = 2016;
  if (o.years > 100 || o.depth > 12 || o.provinces > 100000 || !khcn__year_valid(o.first_year) || !khcn__year_valid(o.first_year + (int)o.years))
    return khcn__err(KHCN_EINVAL, "khcn_synth_generate: options out of range");
  khcn_plan *p = NULL;
  khcn_status st = khcn_plan_new(&p, "synthetic-national");
  if (st) return st;
  int y_first = o.first_year, y_last = o.first_year + (int)o.years - 1;
  int ps = y_last - 4, pe = y_last + 5; /* e.g. 2021..2030 with data to 2025 */
  if (ps < y_first + 1) ps = y_first + 1;
  CK(khcn_plan_set_period(p, ps, pe));
  CK(khcn_plan_set_text(p, KHCN_PLAN_TITLE, "Kế hoạch KH&CN tổng hợp (dữ liệu tổng hợp để đo hiệu năng)"));
  khcn_rng rng;
  khcn_rng_seed(&rng, o.seed);
  /* leaves per province from the fan-out f: f^(depth-1) leaves */
  size_t per_prov = (o.indicators + o.provinces - 1) / o.provinces;
  size_t f = 2;
  while (f < 16) {
    size_t leaves = 1;
    for (size_t d = 1; d < o.depth; d++) leaves *= f;
    if (per_prov / (leaves ? leaves : 1) <= 16) break;
    f++;
  }
  size_t leaves = 1;
  for (size_t d = 1; d < o.depth; d++) leaves *= f;
  int years[128];
  double vals[128];
  char id[96], pid[96], nid[96], aid[96], num[96], den[96];
  size_t made = 0;
  for (size_t pr = 0; pr < o.provinces; pr++) {
    size_t nprov = o.indicators / o.provinces + (pr < o.indicators % o.provinces ? 1 : 0);
    /* agencies */
    for (size_t a = 0; a < o.agencies_per_province; a++) {
      snprintf(aid, sizeof aid, "p%zu.a%zu", pr, a);
      khcn_agency *ag;
      CK(khcn_plan_add_agency(&ag, p, aid, a == 0 ? "UBND tỉnh" : (a == 1 ? "Sở KH&CN" : "Sở, ngành"), NULL));
      CK(khcn_agency_set_kind(ag, a == 0 ? KHCN_AGENCY_PEOPLES_COMMITTEE : KHCN_AGENCY_DEPARTMENT));
    }
    /* task tree: breadth first, ids p<pr>.t<k>; node k's parent is (k-1)/f */
    size_t nnodes = 0, lvl = 1, first_leaf = 0;
    for (size_t d = 0; d < o.depth; d++) {
      if (d == o.depth - 1) first_leaf = nnodes;
      nnodes += lvl;
      lvl *= f;
    }
    for (size_t k = 0; k < nnodes; k++) {
      snprintf(nid, sizeof nid, "p%zu.t%zu", pr, k);
      if (k) snprintf(pid, sizeof pid, "p%zu.t%zu", pr, (k - 1) / f);
      khcn_node *nd;
      CK(khcn_plan_add_node(&nd, p, KHCN_NODE_TASK, nid, k ? pid : NULL, NULL, "nhiệm vụ"));
      if (k >= first_leaf) { /* the indicators are dealt round robin over the leaves: exact link arrays */
        size_t lk = k - first_leaf, nl = nprov / leaves + (lk < nprov % leaves ? 1 : 0);
        if (nl) CK(khcn__node_reserve_links(nd, nl));
      }
      uint64_t r = khcn_rng_next(&rng);
      size_t lead = (k == 0 || o.agencies_per_province < 2) ? 0 : 1 + (size_t)(r % (o.agencies_per_province - 1));
      snprintf(aid, sizeof aid, "p%zu.a%zu", pr, lead);
      CK(synth_assign(p, nid, aid, KHCN_ROLE_LEAD));
      size_t c = (size_t)((r >> 20) % o.agencies_per_province);
      snprintf(pid, sizeof pid, "p%zu.a%zu", pr, c);
      if (strcmp(pid, aid) != 0) CK(synth_assign(p, nid, pid, KHCN_ROLE_COOPERATE));
      if ((r >> 40) % 3 == 0) {
        size_t c2 = (size_t)((r >> 44) % o.agencies_per_province);
        snprintf(num, sizeof num, "p%zu.a%zu", pr, c2);
        if (strcmp(num, aid) != 0 && strcmp(num, pid) != 0) CK(synth_assign(p, nid, num, KHCN_ROLE_ADVISE));
      }
    }
    /* indicators, round robin over the leaves */
    for (size_t q = 0; q < nprov; q++, made++) {
      snprintf(id, sizeof id, "p%zu.i%zu", pr, q);
      khcn_indicator *ind;
      CK(khcn_plan_add_indicator(&ind, p, id, "chỉ tiêu"));
      size_t kind = q % 20;
      int is_ratio = kind == 19 && q >= 2;
      /* series: level with growth and noise */
      double v = 20 + 480 * khcn_rng_uniform(&rng);
      double g = -0.04 + 0.14 * khcn_rng_uniform(&rng);
      for (size_t y = 0; y < o.years; y++) {
        years[y] = y_first + (int)y;
        vals[y] = v;
        v *= 1 + g + 0.03 * (khcn_rng_uniform(&rng) - 0.5);
      }
      khcn_target t;
      khcn_target_init(&t);
      t.year = (kind & 1) ? pe : pe - 5;
      double last = vals[o.years - 1];
      int with_base = 1;
      switch (kind % 10) {
      case 0: t.comparator = KHCN_CMP_AT_LEAST; t.value = floor(last * 1.3); break;
      case 1:
        CK(khcn_indicator_set_direction(ind, -1));
        t.comparator = KHCN_CMP_AT_MOST; t.value = floor(last * 0.8); break;
      case 2:
        CK(khcn_indicator_set_measure(ind, KHCN_MEASURE_PERCENT));
        for (size_t y = 0; y < o.years; y++) vals[y] = fmod(vals[y], 90) + 5;
        CK(khcn_indicator_set_limit(ind, 100));
        t.comparator = KHCN_CMP_RANGE; t.value = 60; t.hi = 80; break;
      case 3: t.comparator = KHCN_CMP_APPROX; t.value = floor(last * 1.1); break;
      case 4: t.comparator = KHCN_CMP_GROWTH; t.value = 0.05; break;
      case 5:
        CK(khcn_indicator_set_measure(ind, KHCN_MEASURE_RATE));
        for (size_t y = 0; y < o.years; y++) vals[y] = 0.03 + 0.08 * khcn_rng_uniform(&rng);
        t.comparator = KHCN_CMP_GROWTH; t.value = 0.07; with_base = 0; break;
      case 6: t.comparator = KHCN_CMP_MULTIPLE; t.value = 2; t.base_year = ps - 1; break;
      case 7:
        CK(khcn_indicator_set_measure(ind, KHCN_MEASURE_BINARY));
        for (size_t y = 0; y < o.years; y++) vals[y] = (y + 2 >= o.years && (khcn_rng_next(&rng) & 1)) ? 1 : 0;
        t.comparator = KHCN_CMP_DONE; t.value = 1; with_base = 0; break;
      case 8:
        CK(khcn_indicator_set_kind(ind, KHCN_KIND_FLOW));
        t.comparator = KHCN_CMP_AT_LEAST; t.year = KHCN_EVERY_YEAR; t.value = floor(last * 1.05); with_base = 0; break;
      default: t.comparator = KHCN_CMP_COUNT_; break; /* no target: trend only */
      }
      if (is_ratio) {
        snprintf(num, sizeof num, "p%zu.i%zu", pr, q - 1);
        snprintf(den, sizeof den, "p%zu.i%zu", pr, q - 2);
        CK(khcn_indicator_set_measure(ind, KHCN_MEASURE_RATIO));
        CK(khcn_indicator_set_formula(ind, num, den, 100));
        t.comparator = KHCN_CMP_AT_LEAST;
        t.value = 110;
        with_base = 0;
      } else {
        CK(khcn_indicator_set_series(ind, years, vals, o.years));
      }
      if (with_base && ps - 1 >= y_first) CK(khcn_indicator_set_baseline(ind, ps - 1, vals[ps - 1 - y_first], NULL));
      if (t.comparator != KHCN_CMP_COUNT_) CK(khcn_indicator_add_target(ind, &t));
      if (kind == 0) { /* a second milestone */
        t.year = pe;
        t.value = floor(last * 1.6);
        CK(khcn_indicator_add_target(ind, &t));
      }
      size_t leaf = first_leaf + q % leaves;
      snprintf(nid, sizeof nid, "p%zu.t%zu", pr, leaf);
      khcn_node *nd = khcn_plan_node(p, nid);
      CK(khcn_node_link(nd, id, 1));
    }
  }
  (void)made;
  /* the lists were grown by doubling: give back the slack */
  khcn__vec_shrink(&p->indicators);
  khcn__vec_shrink(&p->nodes);
  khcn__vec_shrink(&p->resp);
  *out = p;
  return KHCN_OK;
fail:
  khcn_plan_free(p);
  return st;
}
