/*
 * Internal layout of the attainment engine.  Never installed.
 *
 * Layout (sized for 10^6 indicators):
 * - khcn__estruct: the plan's structure resolved to indices once per full
 *   evaluation (node parents, depths, children, links both ways, ratio
 *   formulas, the responsibility matrix merged per (agency, node)).
 *   Compact CSR arrays, no per-entity malloc.  Shared read-only by the
 *   scenario evaluations made over it.
 * - per indicator only an 11-byte compact result (score, status, flags; as
 *   three arrays) is stored; attainment, pace and full records are recomputed on demand.
 * - a scenario evaluation ("overlay") stores only what changed, in small
 *   hash maps, and reads everything else through to its base.
 */
#ifndef KHCN_INTERNAL_ENGINE_H
#define KHCN_INTERNAL_ENGINE_H

#include <math.h>
#include <stdatomic.h>
#include "internal/model.h"

/* ---------- small open-addressing map uint32 -> uint32 ---------- */
typedef struct khcn__imap {
  uint32_t *keys; /* key + 1; 0 = empty */
  uint32_t *vals;
  size_t cap, len;
} khcn__imap;
khcn_status khcn__imap_put(khcn__imap *m, uint32_t key, uint32_t val);
/* value or UINT32_MAX */
uint32_t khcn__imap_get(const khcn__imap *m, uint32_t key);
void khcn__imap_free(khcn__imap *m);

/* ---------- compact results ---------- */
typedef struct khcn__ires { /* 16 bytes: what the roll-ups read */
  double score;    /* NAN: not assessed */
  uint16_t flags;
  uint8_t status;  /* khcn_progress */
  uint8_t pad[5];
} khcn__ires;

typedef struct khcn__nagg {
  double score, coverage;
  uint32_t nchild, nassessed, nachieved;
  uint8_t status;
} khcn__nagg;

typedef struct khcn__aagg {
  double score, coverage, weight;
  double sws;                    /* sum w * node score over assessed roles */
  uint32_t nall[KHCN_ROLE_COUNT_], nass[KHCN_ROLE_COUNT_]; /* roles (w > 0) by weight class, all / assessed */
  uint32_t na, nach;             /* assessed, achieved */
  uint32_t counts[KHCN_PROGRESS_COUNT_];
  uint32_t roles, lagging;
  uint8_t status;
} khcn__aagg;

/* merged role: (agency, node) with the max weight of its roles */
typedef struct khcn__mrole {
  uint32_t agency, node;
  double w;
  uint8_t lead;
  uint8_t cls; /* the role whose weight is w (the max) */
} khcn__mrole;

typedef struct khcn__estruct {
  atomic_size_t refs;      /* shared by re-evaluations (khcn_eval_reevaluate) */
  double rolew[KHCN_ROLE_COUNT_]; /* role weights the merged roles were made with */
  size_t nind, nnode, nag; /* node index nnode = the plan (virtual root) */
  /* nodes (nnode + 1 entries) */
  int32_t *parent;         /* -1 for the plan */
  double *node_w;          /* roll-up weight of each node (plan: 1) */
  uint8_t *depth;          /* plan 0, roots 1 */
  uint32_t maxdepth;
  uint32_t *order;         /* nodes+plan, deepest first */
  uint32_t *child_off, *child; /* child nodes */
  uint32_t *link_off;      /* links of node k: [link_off[k], link_off[k+1]) */
  uint32_t *link_ind;      /* indicator index, UINT32_MAX when dangling */
  double *link_w;          /* NULL: every link weighs 1 */
  /* indicators -> the nodes of their links (in link order) */
  uint32_t *ilink_off, *ilink;
  /* ratio formulas */
  uint64_t *rbits;         /* bit i: indicator i has a formula; NULL when none */
  uint32_t *rind;          /* the indicators with a formula, increasing */
  uint32_t *rnum, *rden;   /* UINT32_MAX: dangling */
  double *rfac;
  size_t nratio;
  uint32_t *dep_src, *dep; /* (indicator, ratio indicator using it) pairs by indicator */
  size_t ndep;
  /* merged roles */
  khcn__mrole *mrole;      /* sorted by node */
  size_t nmrole;
  uint32_t *nrole_off;     /* node -> mrole range */
  uint32_t *arole_off, *arole; /* agency -> mrole indices */
  /* raw responsibilities per agency (for scenario role edits) */
  uint32_t *araw_off;
  uint32_t *araw_node;     /* node index (nnode = plan) */
  uint8_t *araw_role;
} khcn__estruct;

void khcn__estruct_free(khcn__estruct *s);
/* index in rnum/rden/rfac of indicator i's formula, or -1 */
long khcn__ratio_of(const khcn__estruct *s, size_t i);
/* the ratio indicators using indicator i: dep[*first .. *first + return) */
size_t khcn__deps_of(const khcn__estruct *s, size_t i, size_t *first);
/* the node of link position pos */
uint32_t khcn__link_node(const khcn__estruct *s, size_t pos);
khcn_status khcn__estruct_build(khcn__estruct **out, const khcn_plan *plan);

/* ---------- an indicator as the evaluator sees it ---------- */
typedef struct khcn__iview {
  const khcn_indicator *ind;
  const double *v;
  const int16_t *y;
  const uint8_t *st; /* may be NULL: all normal */
  size_t n;
  const khcn__target *targets;
  size_t nt;
  double base_value;
  int base_year;
  int measure, kind, dir;
  double limit;
  double ag_rate; /* assumed growth (NAN: none) */
  int ag_from;
  int ratio_bad;  /* ratio with a zero/missing denominator somewhere */
} khcn__iview;

/* Options with defaults filled, plus the context of an evaluation. */
typedef struct khcn__ectx {
  khcn_eval_options o;
  int as_of, ps, pe;
  khcn_diags *diags; /* may be NULL */
} khcn__ectx;

/* Evaluate target tj (SIZE_MAX: the no-target trend) of a view.  full = 0
 * skips projection, time distance and required values. */
void khcn__eval_target(const khcn__ectx *cx, const khcn__iview *iv, size_t tj, int full, khcn_result *r);
/* Governing target index or SIZE_MAX */
size_t khcn__governing(const khcn__ectx *cx, const khcn__iview *iv);
void khcn__eval_headline(const khcn__ectx *cx, const khcn__iview *iv, int full, khcn_result *r);
double khcn__score_R(double R);
void khcn__ires_from(khcn__ires *c, const khcn_result *r);
khcn_progress khcn__node_band(const khcn__ectx *cx, double score);
int khcn__lagging(uint8_t status);

/* ---------- the scenario ---------- */
enum {
  KHCN__E_SET_OBS = 1, KHCN__E_RM_OBS, KHCN__E_GROWTH, KHCN__E_TARGET, KHCN__E_TVALUE, KHCN__E_TYEAR,
  KHCN__E_TCMP, KHCN__E_NODE_W, KHCN__E_LINK_W, KHCN__E_ASSIGN, KHCN__E_UNASSIGN
};
typedef struct khcn__edit {
  int kind;
  char *a, *b;     /* indicator or node; node/agency */
  int year;
  double value;
  size_t j;
  khcn__target t;  /* for KHCN__E_TARGET (note NULL) */
  int role;
} khcn__edit;

struct khcn_scenario {
  khcn__edit *e;
  size_t n, cap;
};

/* per-indicator overlay of a scenario evaluation */
typedef struct khcn__iovl {
  double *v;
  int16_t *y;
  uint8_t *st;
  size_t n;
  int obs_edited;
  khcn__target *targets; /* NULL: the plan's */
  size_t nt;
  double ag_rate;
  int ag_from;
} khcn__iovl;

typedef struct khcn__ovl {
  khcn__edit *edits; /* copy of every edit (deep) */
  size_t nedits;
  khcn_scenario *scen; /* owns the copies */
  khcn__imap ind_ovl;  /* indicator -> index in iovl */
  khcn__iovl *iovl;
  size_t niovl;
  khcn__imap ires_map; /* indicator -> index in ires */
  khcn__ires *ires;
  uint32_t *ires_idx;
  size_t nires;
  khcn__imap node_map; /* node -> index in nagg */
  khcn__nagg *nagg;
  uint32_t *nagg_idx;
  size_t nnagg;
  khcn__imap nodew;    /* node -> index into nodew_v */
  double *nodew_v;
  khcn__imap linkw;    /* link pos -> index into linkw_v */
  double *linkw_v;
  khcn__imap ag_map;   /* agency -> index in aagg */
  khcn__aagg *aagg;
  uint32_t *aagg_idx;
  size_t naagg;
  khcn__imap ag_roles; /* agency -> index in ag_mroles (agencies with role edits) */
  khcn__mrole **ag_mroles;
  size_t *ag_nmroles;
  size_t nagroles;
} khcn__ovl;

struct khcn_eval {
  const khcn_plan *plan;
  const khcn_eval *base;   /* NULL: a full evaluation */
  khcn__ectx cx;
  khcn__estruct *st;       /* owned by full evaluations */
  /* full: per indicator, one block: score double[nind], flags uint16[nind], status uint8[nind] */
  double *iscore;
  uint16_t *iflags;
  uint8_t *istatus;
  khcn__nagg *nagg;        /* full: nnode + 1 */
  khcn__aagg *aagg;        /* full: nag */
  khcn__ovl *ovl;          /* overlay only */
};

/* lookups that read through an overlay */
khcn__ires khcn__get_ires(const khcn_eval *e, size_t i);
/* the headline result of indicator i recomputed through e (full = 0: no
 * projection); buffers as for khcn__view */
khcn_status khcn__headline_of(const khcn_eval *e, size_t i, khcn_result *r, double **buf, int16_t **ybuf, size_t *cap);
const khcn__nagg *khcn__get_nagg(const khcn_eval *e, size_t k);
const khcn__aagg *khcn__get_aagg(const khcn_eval *e, size_t a);
double khcn__node_weight_of(const khcn_eval *e, size_t k);
double khcn__link_weight_of(const khcn_eval *e, size_t pos);
/* fill a view of indicator i (overlay aware); buf is scratch for ratio series
 * (at least 2 * max observations), may be reallocated */
khcn_status khcn__view(const khcn_eval *e, size_t i, khcn__iview *iv, double **buf, int16_t **ybuf, size_t *cap);
/* recompute aggregate of node k from its children, reading through e */
void khcn__node_compute(const khcn_eval *e, size_t k, khcn__nagg *out);
/* recompute agency a's score from a merged role list */
void khcn__agency_score(const khcn_eval *e, const khcn__mrole *const *roles, const khcn__mrole *list, size_t n,
                        khcn__aagg *out);
/* recompute score, coverage and status from the sums */
void khcn__agency_finish(const khcn_eval *e, khcn__aagg *out);
void khcn__agency_counts(const khcn_eval *e, const khcn__mrole *list, size_t n, khcn__aagg *out);
const khcn__iovl *khcn__get_iovl(const khcn_eval *e, size_t i);

#endif
