/*
 * Internal interface of the readers and writers (CBOR and JSON).  Never
 * installed.  docs/format.md is the normative description of the keys.
 */
#ifndef KHCN_INTERNAL_IO_H
#define KHCN_INTERNAL_IO_H

#include <stddef.h>
#include <stdint.h>
#include "khcn.h"
#include "internal/model.h"
#include "internal/util.h"

/* internal reader flag (tests, fuzzing): decode every head with libcbor */
#define KHCN__READ_LIBCBOR_ONLY (1u << 31)

/* ---- magic ---- */
#define KHCN__TAG_SELF_DESCRIBE 55799u
#define KHCN__TAG_KHCN 1263027022u /* 0x4B48434E "KHCN" */
#define KHCN__TAG_DECIMAL 4u

/* ---- keys (docs/format.md section 4) ---- */
enum { KD_VERSION = 0, KD_PLAN = 1, KD__N };
enum {
  KP_ID = 0, KP_TEXT0 = 1, /* 1..10: khcn_plan_field + 1 */
  KP_START = 11, KP_END = 12, KP_BUDGET = 13, KP_LEGAL = 14, KP_OBJECTIVES = 15, KP_TASKS = 16,
  KP_INDICATORS = 17, KP_AGENCIES = 18, KP_RESP = 19, KP__N
};
enum { KL_ID = 0, KL_NUMBER, KL_TYPE, KL_DATE, KL_ISSUER, KL_TITLE, KL__N };
enum { KN_ID = 0, KN_PARENT, KN_LABEL, KN_TITLE, KN_TEXT, KN_WEIGHT, KN_LINKS, KN__N };
enum {
  KI_ID = 0, KI_NAME, KI_NAME_EN, KI_UNIT, KI_DESC, KI_MEASURE, KI_DIRECTION, KI_KIND, KI_LIMIT,
  KI_BASE_YEAR, KI_BASE_VALUE, KI_BASE_NOTE, KI_NUM, KI_DEN, KI_FACTOR, KI_TARGETS, KI_OBS, KI__N
};
enum { KT_YEAR = 0, KT_CMP, KT_VALUE, KT_HI, KT_TOL, KT_BASE_YEAR, KT_OVERSHOOT, KT_CUMULATIVE, KT_NOTE, KT__N };
enum { KO_YEAR = 0, KO_VALUE, KO_STATUS, KO_SOURCE, KO_REPORTER, KO_NOTE, KO__N };
enum { KA_ID = 0, KA_NAME, KA_SHORT, KA_PARENT, KA_KIND, KA__N };
enum { KR_TASK = 0, KR_AGENCY, KR_ROLE, KR_TO, KR_DUE_YEAR, KR_DUE_MONTH, KR_DUE_DAY, KR_EVERY, KR_NOTE, KR__N };

/* ---- byte buffer with sticky failure ---- */
typedef struct khcn__bb {
  unsigned char *p;
  size_t len, cap;
  int failed;
} khcn__bb;
int khcn__bb_grow(khcn__bb *b, size_t extra);
static inline int khcn__bb_room(khcn__bb *b, size_t n) {
  return (b->cap - b->len >= n) ? 1 : khcn__bb_grow(b, n);
}
void khcn__bb_put(khcn__bb *b, const void *p, size_t n);
/* CBOR head of major type `major` (0..7) with argument v, shortest form */
void khcn__cbor_head(khcn__bb *b, unsigned major, uint64_t v);
void khcn__cbor_int(khcn__bb *b, int64_t v);
void khcn__cbor_text(khcn__bb *b, const char *s, size_t n);
/* canonical number: integer if the shortest decimal is an integer below
 * 10^18 in magnitude, else 4([e, m]) with m not divisible by 10 */
void khcn__cbor_number(khcn__bb *b, double d);
khcn_status khcn__bb_finish(khcn__bb *b, khcn_buf *out);
/* JSON text of a finite double: the shortest round-trip decimal, laid out as khcn__sb_double() */
void khcn__json_number(khcn__sb *sb, double d);

/* ---- numbers ---- */
/* value of m x 10^e, correctly rounded (may be inf/0 on overflow) */
double khcn__decimal_to_double(int64_t m, int64_t e);

/* ---- shared reader state: diagnostics and paths ---- */
typedef struct khcn__pathseg {
  const char *name; /* field or list name */
  long index;       /* array index, or -1 */
} khcn__pathseg;

#define KHCN__PATH_MAX 24
typedef struct khcn__rd {
  khcn_plan *plan;
  khcn_diags *diags;
  khcn_read_options opt;
  int strict;
  size_t nerrors;   /* diagnostics of severity >= ERROR */
  size_t ndiags;    /* diagnostics added */
  size_t nprofile;  /* errors of the 2xxx band (strict) */
  int quiet;        /* add no diagnostics (pre-scan) */
  int have_first;   /* first error, for khcn_error_last() */
  size_t first_off;
  char first_msg[256], first_path[192];
  int fatal;        /* stop now */
  khcn_status fatal_status;
  khcn__pathseg path[KHCN__PATH_MAX];
  size_t depth_path;
  const char *entity; /* id of the current entity (entity_n bytes, in the input or the
                       * reader's arena, valid until the read ends) or NULL */
  size_t entity_n;
  char entity_buf[72]; /* its printable copy, made for a diagnostic */
} khcn__rd;

void khcn__rd_init(khcn__rd *r, const khcn_read_options *opts, khcn_diags *diags);
/* add a diagnostic; sev >= ERROR counts as an error; FATAL sets r->fatal */
void khcn__rd_diag(khcn__rd *r, int code, khcn_severity sev, size_t offset, const char *field, const char *fmt, ...)
    KHCN__PRINTF(6, 7);
void khcn__rd_push(khcn__rd *r, const char *name, long index);
void khcn__rd_pop(khcn__rd *r);
/* The current entity's id, kept by reference (a message is only built for a
 * diagnostic): p must stay valid until the read ends (input bytes or a reader
 * arena).  Inline: the list loops set it for every element. */
static inline void khcn__rd_set_entity(khcn__rd *r, const char *p, size_t n) {
  r->entity = p;
  r->entity_n = p ? n : 0;
}
/* status to return from a reader, from the diags seen */
khcn_status khcn__rd_result(khcn__rd *r);
/* UTF-8 validity; returns index of the first bad byte or SIZE_MAX */
size_t khcn__utf8_check(const unsigned char *s, size_t n, int allow_nul);
/* set khcn_error_last() from the first error and return st */
khcn_status khcn__rd_seterr(khcn__rd *r, khcn_status st);

/* ---- entity records shared by both readers ---- */
typedef struct khcn__span {
  const char *p; /* NULL: absent */
  size_t n;
  size_t off;
} khcn__span;

typedef struct khcn__fnum {
  int has;
  int is_null;
  double v;
  size_t off;
} khcn__fnum;

typedef struct khcn__fint {
  int has;
  int64_t v;
  size_t off;
} khcn__fint;

typedef struct khcn__rec_target {
  khcn__fint year, cmp, base_year, overshoot, cumulative;
  khcn__fnum value, hi, tol;
  khcn__span note;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_target;

typedef struct khcn__rec_obs {
  khcn__fint year, status;
  khcn__fnum value;
  khcn__span source, reporter, note;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_obs;

typedef struct khcn__rec_link {
  khcn__span id;
  khcn__fnum weight;
} khcn__rec_link;

/* Scratch vectors reused across entities */
typedef struct khcn__rec_scratch {
  khcn__rec_target *t;
  size_t nt, capt;
  khcn__rec_obs *o;
  size_t no, capo;
  khcn__rec_link *l;
  size_t nl, capl;
  char *cs[8];      /* NUL-terminated copies */
  size_t cscap[8];
  /* a series read straight from the bytes (CBOR fast path): nseries values
   * for the years series_year0, series_year0 + 1, ..., all normal, none
   * with provenance; used instead of o[] when has_series */
  double *series;
  size_t nseries, capseries;
  int series_year0, has_series;
} khcn__rec_scratch;

typedef struct khcn__rec_ind {
  khcn__span id, name, name_en, unit, desc, base_note, num, den;
  khcn__fint measure, direction, kind, base_year;
  khcn__fnum limit, base_value, factor;
  khcn__unknown *unknown;
  size_t off;
  /* targets and observations are in the scratch */
} khcn__rec_ind;

typedef struct khcn__rec_node {
  khcn__span id, parent, label, title, text;
  khcn__fnum weight;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_node;

typedef struct khcn__rec_agency {
  khcn__span id, name, short_name, parent;
  khcn__fint kind;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_agency;

typedef struct khcn__rec_resp {
  khcn__span task, agency, to, note;
  khcn__fint role, due_year, due_month, due_day, every;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_resp;

typedef struct khcn__rec_legal {
  khcn__span id, number, date, issuer, title;
  khcn__fint type;
  khcn__unknown *unknown;
  size_t off;
} khcn__rec_legal;

khcn_status khcn__scratch_target(khcn__rec_scratch *s, khcn__rec_target **out);
khcn_status khcn__scratch_obs(khcn__rec_scratch *s, khcn__rec_obs **out);
khcn_status khcn__scratch_link(khcn__rec_scratch *s, khcn__rec_link **out);
/* room for one more observation (target), s->o[s->no] (s->t[s->nt]) left
 * for the caller to fill in full */
khcn_status khcn__scratch_obs_grow(khcn__rec_scratch *s);
khcn_status khcn__scratch_target_grow(khcn__rec_scratch *s);
static inline khcn_status khcn__scratch_obs_room(khcn__rec_scratch *s) {
  return s->no < s->capo ? KHCN_OK : khcn__scratch_obs_grow(s);
}
static inline khcn_status khcn__scratch_target_room(khcn__rec_scratch *s) {
  return s->nt < s->capt ? KHCN_OK : khcn__scratch_target_grow(s);
}
void khcn__scratch_reset(khcn__rec_scratch *s); /* frees the unknown lists still held */
void khcn__scratch_free(khcn__rec_scratch *s);

/* Commit records into r->plan.  Each takes ownership of the unknown lists
 * in the record (and in the scratch).  Return 0, or -1 when fatal. */
int khcn__commit_indicator(khcn__rd *r, khcn__rec_ind *rec, khcn__rec_scratch *s);
int khcn__commit_node(khcn__rd *r, khcn_node_type type, khcn__rec_node *rec, khcn__rec_scratch *s);
int khcn__commit_agency(khcn__rd *r, khcn__rec_agency *rec, khcn__rec_scratch *s);
int khcn__commit_resp(khcn__rd *r, khcn__rec_resp *rec, khcn__rec_scratch *s);
int khcn__commit_legal(khcn__rd *r, khcn__rec_legal *rec, khcn__rec_scratch *s);
/* plan-level scalar fields */
int khcn__commit_plan_text(khcn__rd *r, khcn_plan_field f, const khcn__span *v, khcn__rec_scratch *s);
int khcn__commit_plan_id(khcn__rd *r, const khcn__span *v, khcn__rec_scratch *s);
int khcn__commit_budget(khcn__rd *r, const khcn__span *v, khcn__rec_scratch *s);
/* NUL-terminated copy of a span in scratch slot k (0..7) */
const char *khcn__cs(khcn__rd *r, khcn__rec_scratch *s, int k, const khcn__span *v);

/* length of the first well-formed CBOR item (depth <= 64), 0 if malformed */
size_t khcn__cbor_item_len(const unsigned char *p, size_t n);

/* ---- JSON writer helpers ---- */
void khcn__json_string(khcn__sb *sb, const char *s, size_t n);

#endif
