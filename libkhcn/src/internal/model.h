/*
 * Internal layout of the plan model.  Never installed.  The engine and the
 * readers/writers use these structs directly for speed; everything else
 * goes through the public API.
 *
 * Memory layout, chosen for national-scale data (10^6 indicators x 10
 * observations in < 40 bytes per observation all told):
 * - plan-owned strings and entity structs live in the plan's arena
 *   (stable addresses, freed with the plan);
 * - observations are up to three parallel arrays in one block per indicator
 *   (values: double, years: int16, status: uint8) = 11 bytes each, 8 for a
 *   gapless yearly series with normal statuses (see KHCN__MEM_YEARS_RUN);
 * - provenance strings of observations (source, reporter, note) are rare
 *   in bulk data and live in a per-indicator side list (khcn__ind_extra).
 */
#ifndef KHCN_INTERNAL_MODEL_H
#define KHCN_INTERNAL_MODEL_H

#include "khcn.h"
#include "internal/util.h"

/* Unknown CBOR map entries kept verbatim for forward compatibility
 * (format.md: unknown keys are written back unchanged).  A singly linked
 * list in key order; owned by the entity, allocated with khcn__malloc. */
typedef struct khcn__unknown {
  struct khcn__unknown *next;
  uint64_t key;
  size_t len;
  unsigned char bytes[]; /* the encoded value item, exactly as read */
} khcn__unknown;

void khcn__unknown_free(khcn__unknown *u);
/* deep copy; 0 or KHCN_ENOMEM */
khcn_status khcn__unknown_clone(khcn__unknown **out, const khcn__unknown *u);
/* insert keeping key order; replaces an existing key */
khcn_status khcn__unknown_put(khcn__unknown **list, uint64_t key, const unsigned char *bytes, size_t len);

typedef struct khcn__obs_extra {
  int year;
  const char *source, *reporter, *note; /* arena strings, may be NULL */
  khcn__unknown *unknown;
} khcn__obs_extra;

/* the rare part of a target (arena): its note and unknown keys */
typedef struct khcn__target_x {
  const char *note;          /* arena */
  khcn__unknown *unknown;
} khcn__target_x;

typedef struct khcn__target { /* 40 bytes */
  double value, hi, tol;
  khcn__target_x *x;         /* NULL: no note, no unknown keys */
  int16_t year;              /* 0 = every year */
  int16_t base_year;         /* 0 = none */
  uint8_t cmp;               /* khcn_comparator */
  uint8_t flags;             /* KHCN_TARGET_* (all fit in 8 bits) */
} khcn__target;

static inline const char *khcn__target_note(const khcn__target *t) { return t->x ? t->x->note : NULL; }
static inline khcn__unknown *khcn__target_unknown(const khcn__target *t) { return t->x ? t->x->unknown : NULL; }

typedef struct khcn__ind_extra {
  const char *name_en, *description, *base_note; /* arena, may be NULL */
  const char *num, *den;     /* ratio formula (ids), NULL when none */
  double factor;
  khcn__obs_extra *obsx;     /* sorted by year, khcn__malloc'd */
  uint32_t nobsx, cap_obsx;
  khcn__unknown *unknown;    /* unknown keys of the indicator map */
} khcn__ind_extra;

struct khcn_indicator {
  khcn_plan *plan;
  const char *id, *name, *unit;  /* arena; unit "" when none */
  khcn__ind_extra *x;            /* NULL until a rare field is set */
  /* observations: one block [values cap*8][years cap*2][status cap*1], the
   * last two left out when implicit (KHCN__MEM_YEARS_RUN, _STATUS_NORMAL) */
  unsigned char *obs_block;
  khcn__target *targets;         /* khcn__malloc'd array */
  double limit;                  /* NAN: none */
  double base_value;             /* NAN: none */
  uint32_t nobs, cap_obs;
  uint32_t index;
  uint16_t ntargets, cap_targets;
  int16_t base_year;             /* 0: none */
  int16_t year0;                 /* KHCN__MEM_YEARS_RUN: the first year */
  int8_t direction;              /* +1 / -1 */
  uint8_t measure, kind;
  uint8_t mem;                   /* KHCN__MEM_*: which arrays live in the arena */
};

/* ind->mem bits: the first, exact-size allocation of the observation block
 * and of the target array come from the plan's arena (no allocator header,
 * no rounding); they move to khcn__malloc'd memory only when they grow.
 *
 * Yearly series without gaps and with every status normal are the norm in
 * bulk data, so an exact-size block may leave out its years and statuses:
 * KHCN__MEM_YEARS_RUN: the years are year0, year0 + 1, ... (not stored);
 * KHCN__MEM_STATUS_NORMAL: every status is normal (not stored; at most
 * KHCN__STATUS_ZEROS observations).  The read helpers then return pointers
 * into shared read-only tables.  Such a block has cap_obs == nobs; code that
 * changes observations in place makes the block explicit first
 * (khcn__obs_reserve always leaves an explicit block). */
#define KHCN__MEM_OBS_ARENA 1u
#define KHCN__MEM_TARGETS_ARENA 2u
#define KHCN__MEM_YEARS_RUN 4u
#define KHCN__MEM_STATUS_NORMAL 8u
#define KHCN__MEM_OBS_IMPLICIT (KHCN__MEM_YEARS_RUN | KHCN__MEM_STATUS_NORMAL)
#define KHCN__YEAR_MIN 1900
#define KHCN__YEAR_MAX 2200
#define KHCN__STATUS_ZEROS 512
extern const int16_t khcn__year_run[KHCN__YEAR_MAX - KHCN__YEAR_MIN + 1]; /* 1900 .. 2200 */
extern const uint8_t khcn__status_zeros[KHCN__STATUS_ZEROS];

/* The three observation arrays (read-only); NULL when the indicator has none. */
static inline const double *khcn__obs_values(const khcn_indicator *ind) {
  return (const double *)(const void *)ind->obs_block;
}
static inline const int16_t *khcn__obs_years(const khcn_indicator *ind) {
  if (!ind->obs_block) return NULL;
  if (ind->mem & KHCN__MEM_YEARS_RUN) return khcn__year_run + (ind->year0 - KHCN__YEAR_MIN);
  return (const int16_t *)(const void *)(ind->obs_block + (size_t)ind->cap_obs * 8);
}
static inline const uint8_t *khcn__obs_status(const khcn_indicator *ind) {
  if (!ind->obs_block) return NULL;
  if (ind->mem & KHCN__MEM_STATUS_NORMAL) return khcn__status_zeros;
  return ind->obs_block + (size_t)ind->cap_obs * ((ind->mem & KHCN__MEM_YEARS_RUN) ? 8 : 10);
}
/* Writable arrays: NULL when the block has none or leaves them out. */
static inline double *khcn__obs_values_w(khcn_indicator *ind) { return (double *)(void *)ind->obs_block; }
static inline int16_t *khcn__obs_years_w(khcn_indicator *ind) {
  return ind->obs_block && !(ind->mem & KHCN__MEM_YEARS_RUN)
             ? (int16_t *)(void *)(ind->obs_block + (size_t)ind->cap_obs * 8)
             : NULL;
}
static inline uint8_t *khcn__obs_status_w(khcn_indicator *ind) {
  return ind->obs_block && !(ind->mem & KHCN__MEM_STATUS_NORMAL)
             ? ind->obs_block + (size_t)ind->cap_obs * ((ind->mem & KHCN__MEM_YEARS_RUN) ? 8 : 10)
             : NULL;
}

typedef struct khcn__link {
  const char *indicator; /* arena id */
  double weight;
} khcn__link;

struct khcn_node {
  khcn_plan *plan;
  const char *id, *parent, *label, *title, *text; /* arena */
  khcn__link *links;                             /* khcn__malloc'd */
  khcn__unknown *unknown;
  double weight;
  uint32_t nlinks, cap_links;
  uint32_t index;
  uint8_t type;                                  /* khcn_node_type */
};

struct khcn_agency {
  khcn_plan *plan;
  const char *id, *name, *short_name, *parent;   /* arena */
  khcn__unknown *unknown;
  uint32_t index;
  uint8_t kind;
};

typedef struct khcn__legal {
  khcn_legal_doc doc;     /* strings in the arena */
  khcn__unknown *unknown;
} khcn__legal;

typedef struct khcn__resp {
  khcn_responsibility r;  /* strings in the arena */
  khcn__unknown *unknown;
} khcn__resp;

/* Id index of one kind of entity (indicators, nodes, agencies): open
 * addressing, one 8-byte slot an entity, (index << 32) | 32-bit hash (odd,
 * so 0 is empty); the key is the entity's own id (every entity struct starts
 * with khcn_plan *plan; const char *id).  The engine probes it directly. */
typedef struct khcn__idx {
  uint64_t *slot;
  size_t cap, len;
  const khcn__vec *ents;   /* the plan's vector of entity pointers */
} khcn__idx;
/* 32-bit FNV-1a, forced odd (0 marks an empty slot); the first bucket is
 * h & (cap - 1), so only odd buckets start a probe: in effect buckets of two
 * slots.  A multiplicative mix over all buckets was measured (1M indicators):
 * reading unchanged, evaluation 6 % slower (lost locality), so it was not kept. */
uint32_t khcn__idx_hash(const char *id);
/* the same hash of n bytes (no NUL needed) */
uint32_t khcn__idx_hash_n(const char *id, size_t n);
/* Start loading the bucket of hash h: a reader calls it when it meets an
 * id, so the cache miss of the insertion that follows is already paid. */
static inline void khcn__idx_prefetch(const khcn__idx *m, uint32_t h) {
#if defined(__GNUC__)
  if (m->cap) __builtin_prefetch(&m->slot[h & (m->cap - 1)], 1);
#else
  (void)m, (void)h;
#endif
}
static inline const char *khcn__ent_id(const khcn__vec *ents, size_t i) {
  return ((const char *const *)KHCN__VEC_AT(ents, void *, i))[1];
}
/* entity index of id or UINT32_MAX */
uint32_t khcn__idx_find(const khcn__idx *m, const char *id);
/* entity pointer of id or NULL */
void *khcn__idx_get(const khcn__idx *m, const char *id);
/* insert id (of the entity that will be at index) unless present: KHCN_EEXISTS (no
 * error message set), KHCN_OK or ENOMEM */
khcn_status khcn__idx_add(khcn__idx *m, const char *id, uint32_t index);
/* make room for n entries in all (ENOMEM leaves m as it was) */
khcn_status khcn__idx_reserve(khcn__idx *m, size_t n);
void khcn__idx_free(khcn__idx *m);

/* khcn_plan_add_indicator() for callers that have checked the arguments
 * (a valid id, a non-empty UTF-8 name, neither holding NUL; lengths in bytes):
 * KHCN_EEXISTS without a message when the id is taken */
khcn_status khcn__plan_add_indicator_n(khcn_indicator **out, khcn_plan *p, const char *id, size_t idn,
                                       const char *name, size_t namen);

/* khcn_plan_assign() for callers that have checked every field: takes
 * `unknown` on success; KHCN_EEXISTS without a message for a duplicate */
khcn_status khcn__plan_assign_checked(khcn_plan *p, const khcn_responsibility *r, khcn__unknown *unknown);
/* room for n more responsibilities (vector and index), for bulk readers */
khcn_status khcn__plan_resp_reserve(khcn_plan *p, size_t n);
/* free the responsibility index (the next assignment rebuilds it): readers
 * drop it when they are done, so that a plan read holds no index it may
 * never use (4 MB for the 223,000 entries of the national benchmark) */
void khcn__plan_resp_index_drop(khcn_plan *p);

struct khcn_plan {
  khcn__arena arena;
  const char *id;
  const char *text[KHCN_PLAN_FIELD_COUNT_];
  int start, end;
  khcn__vec budget;        /* const char * */
  khcn__vec legal;         /* khcn__legal (by value) */
  khcn__vec indicators;    /* khcn_indicator * */
  khcn__vec nodes;         /* khcn_node * */
  khcn__vec agencies;      /* khcn_agency * */
  khcn__vec resp;          /* khcn__resp (by value) */
  khcn__idx ind_map, node_map, agency_map;
  /* hash index of resp on (task, agency, role, to): slots hold index + 1 and hash bits;
   * it covers resp[0 .. resp_indexed) and catches up lazily, so code that
   * appends to resp directly stays correct; unassign drops it */
  uint64_t *resp_slots; /* (index + 1) << 32 | hash bits (odd); 0 = empty */
  size_t resp_cap, resp_indexed;
  khcn__unknown *unknown;      /* unknown keys of the plan map */
  khcn__unknown *doc_unknown;  /* unknown keys of the document envelope */
};

/* Observation provenance of (ind, year), or NULL. */
const khcn__obs_extra *khcn__obs_extra_find(const khcn_indicator *ind, int year);
/* Get-or-create the extra block of an indicator (NULL on ENOMEM, error set). */
khcn__ind_extra *khcn__ind_extra_get(khcn_indicator *ind);
/* The rare part of target t of ind, made on demand (NULL on ENOMEM). */
khcn__target_x *khcn__target_x_get(khcn_indicator *ind, khcn__target *t);
/* The structural checks of a target record (comparator, years, finite
 * values, hi only and always for range, tol only for approx, known flags);
 * EINVAL with a message naming "<what> <who>". */
khcn_status khcn__target_check(const khcn_target *t, const char *what, const char *who);
/* Release what an indicator / node owns outside the arena. */
void khcn__indicator_release(khcn_indicator *ind);
void khcn__node_release(khcn_node *node);
/* Room for n links in all, exact size (0 or ENOMEM). */
khcn_status khcn__node_reserve_links(khcn_node *node, size_t n);
/* Append a deep copy of src (from another plan) to dst. */
khcn_status khcn__indicator_copy(khcn_plan *dst, const khcn_indicator *src);
khcn_status khcn__node_copy(khcn_plan *dst, const khcn_node *src);
/* Make room for n observations in total (keeps existing ones); the block
 * is explicit afterwards (every array stored). */
khcn_status khcn__obs_reserve(khcn_indicator *ind, size_t n);
/* Replace the observations of ind with an exact-size block for n of them
 * (nobs set to n, contents to fill in): years_run != 0 leaves the years out
 * (they are years_run, years_run + 1, ...), normal != 0 the statuses (all
 * normal; n <= KHCN__STATUS_ZEROS).  Write the stored arrays through the _w
 * helpers.  0 or ENOMEM (ind unchanged). */
khcn_status khcn__obs_prepare(khcn_indicator *ind, size_t n, int years_run, int normal);
/* Whether n observations with these years (increasing) and statuses (NULL:
 * all normal) may leave out their years (returns the first year) / statuses. */
int khcn__obs_years_run(const int16_t *years, size_t n);
int khcn__obs_all_normal(const uint8_t *status, size_t n);

#endif
