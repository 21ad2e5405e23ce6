/*
 * Internal layout of the plan model.  Never installed.  The engine and the
 * readers/writers use these structs directly for speed; everything else
 * goes through the public API.
 *
 * Memory layout, chosen for national-scale data (10^6 indicators x 10
 * observations in < 40 bytes per observation all told):
 * - plan-owned strings and entity structs live in the plan's arena
 *   (stable addresses, freed with the plan);
 * - observations are three parallel arrays in one block per indicator
 *   (values: double, years: int16, status: uint8) = 11 bytes each;
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

typedef struct khcn__target { /* 48 bytes */
  double value, hi, tol;
  const char *note;          /* arena */
  khcn__unknown *unknown;
  int16_t year;              /* 0 = every year */
  int16_t base_year;         /* 0 = none */
  uint8_t cmp;               /* khcn_comparator */
  uint8_t flags;             /* KHCN_TARGET_* (all fit in 8 bits) */
} khcn__target;

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
  /* observations: one block [values cap*8][years cap*2][status cap*1] */
  unsigned char *obs_block;
  khcn__target *targets;         /* khcn__malloc'd array */
  double limit;                  /* NAN: none */
  double base_value;             /* NAN: none */
  uint32_t nobs, cap_obs;
  uint32_t index;
  uint16_t ntargets, cap_targets;
  int16_t base_year;             /* 0: none */
  int8_t direction;              /* +1 / -1 */
  uint8_t measure, kind;
  uint8_t mem;                   /* KHCN__MEM_*: which arrays live in the arena */
};

/* ind->mem bits: the first, exact-size allocation of the observation block
 * and of the target array come from the plan's arena (no allocator header,
 * no rounding); they move to khcn__malloc'd memory only when they grow. */
#define KHCN__MEM_OBS_ARENA 1u
#define KHCN__MEM_TARGETS_ARENA 2u

/* The three observation arrays; NULL when the indicator has none. */
static inline double *khcn__obs_values(const khcn_indicator *ind) {
  return (double *)(void *)ind->obs_block;
}
static inline int16_t *khcn__obs_years(const khcn_indicator *ind) {
  return ind->obs_block ? (int16_t *)(void *)(ind->obs_block + (size_t)ind->cap_obs * 8) : NULL;
}
static inline uint8_t *khcn__obs_status(const khcn_indicator *ind) {
  return ind->obs_block ? ind->obs_block + (size_t)ind->cap_obs * 10 : NULL;
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
  khcn__map ind_map, node_map, agency_map;
  /* hash index of resp on (task, agency, role, to): slots hold index + 1;
   * it covers resp[0 .. resp_indexed) and catches up lazily, so code that
   * appends to resp directly stays correct; unassign drops it */
  uint32_t *resp_slots;
  size_t resp_cap, resp_indexed;
  khcn__unknown *unknown;      /* unknown keys of the plan map */
  khcn__unknown *doc_unknown;  /* unknown keys of the document envelope */
};

/* Observation provenance of (ind, year), or NULL. */
const khcn__obs_extra *khcn__obs_extra_find(const khcn_indicator *ind, int year);
/* Get-or-create the extra block of an indicator (NULL on ENOMEM, error set). */
khcn__ind_extra *khcn__ind_extra_get(khcn_indicator *ind);
/* Release what an indicator / node owns outside the arena. */
void khcn__indicator_release(khcn_indicator *ind);
void khcn__node_release(khcn_node *node);
/* Append a deep copy of src (from another plan) to dst. */
khcn_status khcn__indicator_copy(khcn_plan *dst, const khcn_indicator *src);
khcn_status khcn__node_copy(khcn_plan *dst, const khcn_node *src);
/* Make room for n observations in total (keeps existing ones). */
khcn_status khcn__obs_reserve(khcn_indicator *ind, size_t n);

#endif
