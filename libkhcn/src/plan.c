/* Plans: lifecycle, text fields, period, budget sources, legal bases,
 * agencies, the responsibility matrix, enum names, and deep copies. */
#include <math.h>
#include <stddef.h>
#include <string.h>
#include "internal/model.h"

/* ------------------------------------------------------- enum names */

#define KHCN__NAMES(fn_name, fn_parse, T, COUNT, ...)                              \
  static const char *const fn_name##_tab[] = {__VA_ARGS__};                       \
  const char *fn_name(T v) {                                                      \
    return ((unsigned)v < (unsigned)(COUNT)) ? fn_name##_tab[v] : NULL;            \
  }                                                                               \
  khcn_status fn_parse(T *out, const char *name) {                                \
    if (!out || !name) return khcn__err(KHCN_EINVAL, #fn_parse ": NULL argument"); \
    for (unsigned i = 0; i < (unsigned)(COUNT); i++)                              \
      if (strcmp(fn_name##_tab[i], name) == 0) {                                  \
        *out = (T)i;                                                              \
        return KHCN_OK;                                                           \
      }                                                                           \
    return khcn__err(KHCN_EINVAL, "unknown name \"%.64s\"", name);                 \
  }

KHCN__NAMES(khcn_doc_type_name, khcn_doc_type_parse, khcn_doc_type, KHCN_DOC_TYPE_COUNT_, "other", "law", "decree",
            "decision", "resolution", "circular", "plan", "directive", "conclusion", "programme", "letter")
KHCN__NAMES(khcn_measure_name, khcn_measure_parse, khcn_measure, KHCN_MEASURE_COUNT_, "count", "percent", "ratio",
            "money", "index", "rate", "binary", "qualitative")
KHCN__NAMES(khcn_comparator_name, khcn_comparator_parse, khcn_comparator, KHCN_CMP_COUNT_, "at_least", "at_most",
            "range", "approx", "growth", "multiple", "done")
KHCN__NAMES(khcn_obs_status_name, khcn_obs_status_parse, khcn_obs_status, KHCN_OBS_STATUS_COUNT_, "normal",
            "estimated", "provisional", "forecast", "missing", "break")
KHCN__NAMES(khcn_agency_kind_name, khcn_agency_kind_parse, khcn_agency_kind, KHCN_AGENCY_KIND_COUNT_, "other",
            "peoples_committee", "department", "division", "district", "ministry", "institute", "enterprise",
            "association", "party")
KHCN__NAMES(khcn_role_name, khcn_role_parse, khcn_role, KHCN_ROLE_COUNT_, "lead", "cooperate", "advise", "focal",
            "report")
KHCN__NAMES(khcn_recurrence_name, khcn_recurrence_parse, khcn_recurrence, KHCN_RECURRENCE_COUNT_, "once", "yearly",
            "half_yearly", "quarterly", "monthly")

static const char *const plan_field_names[KHCN_PLAN_FIELD_COUNT_] = {
    "title", "issuer", "number", "date", "province", "signer", "signer_title", "purpose", "requirements", "lang"};

const char *khcn_plan_field_name(khcn_plan_field f) {
  return (unsigned)f < KHCN_PLAN_FIELD_COUNT_ ? plan_field_names[f] : NULL;
}

/* --------------------------------------------------- unknown entries */

void khcn__unknown_free(khcn__unknown *u) {
  while (u) {
    khcn__unknown *n = u->next;
    khcn__free(u);
    u = n;
  }
}

khcn_status khcn__unknown_put(khcn__unknown **list, uint64_t key, const unsigned char *bytes, size_t len) {
  khcn__unknown *u = khcn__malloc(sizeof *u + len);
  if (!u) return khcn__nomem("an unknown field");
  u->key = key;
  u->len = len;
  if (len) memcpy(u->bytes, bytes, len);
  khcn__unknown **p = list;
  while (*p && (*p)->key < key) p = &(*p)->next;
  if (*p && (*p)->key == key) {
    u->next = (*p)->next;
    khcn__free(*p);
  } else {
    u->next = *p;
  }
  *p = u;
  return KHCN_OK;
}

khcn_status khcn__unknown_clone(khcn__unknown **out, const khcn__unknown *u) {
  *out = NULL;
  khcn__unknown **tail = out;
  for (; u; u = u->next) {
    khcn__unknown *c = khcn__malloc(sizeof *c + u->len);
    if (!c) {
      khcn__unknown_free(*out);
      *out = NULL;
      return khcn__nomem("an unknown field");
    }
    memcpy(c, u, sizeof *c + u->len);
    c->next = NULL;
    *tail = c;
    tail = &c->next;
  }
  return KHCN_OK;
}

/* ----------------------------------------------------------- id index */

_Static_assert(offsetof(khcn_indicator, id) == sizeof(void *) && offsetof(khcn_node, id) == sizeof(void *) &&
                   offsetof(khcn_agency, id) == sizeof(void *),
               "entity structs start with plan, id");

uint32_t khcn__idx_hash_n(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
  return (uint32_t)(h ^ (h >> 32)) | 1u;
}

uint32_t khcn__idx_hash(const char *s) { return khcn__idx_hash_n(s, strlen(s)); }

static khcn_status idx_rehash(khcn__idx *m, size_t cap) {
  uint64_t *slot = khcn__calloc(cap, sizeof *slot);
  if (!slot) return khcn__nomem("an index");
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slot[i]) continue;
    size_t j = (uint32_t)m->slot[i] & (cap - 1);
    while (slot[j]) j = (j + 1) & (cap - 1);
    slot[j] = m->slot[i];
  }
  khcn__free(m->slot);
  m->slot = slot;
  m->cap = cap;
  return KHCN_OK;
}

khcn_status khcn__idx_reserve(khcn__idx *m, size_t n) {
  if (n > UINT32_MAX) return khcn__err(KHCN_ELIMIT, "an index of %zu entries is too large", n);
  size_t cap = m->cap ? m->cap : 16;
  while (n * 4 > cap * 3) cap *= 2;
  return cap == m->cap ? KHCN_OK : idx_rehash(m, cap);
}

uint32_t khcn__idx_find(const khcn__idx *m, const char *id) {
  if (!m->cap || !id) return UINT32_MAX;
  uint32_t h = khcn__idx_hash(id);
  for (size_t j = h & (m->cap - 1); m->slot[j]; j = (j + 1) & (m->cap - 1))
    if ((uint32_t)m->slot[j] == h && strcmp(khcn__ent_id(m->ents, (size_t)(m->slot[j] >> 32)), id) == 0)
      return (uint32_t)(m->slot[j] >> 32);
  return UINT32_MAX;
}

void *khcn__idx_get(const khcn__idx *m, const char *id) {
  uint32_t i = khcn__idx_find(m, id);
  return i == UINT32_MAX ? NULL : KHCN__VEC_AT(m->ents, void *, i);
}

khcn_status khcn__idx_add(khcn__idx *m, const char *id, uint32_t index) {
  if ((m->len + 1) * 4 > m->cap * 3) {
    khcn_status st = idx_rehash(m, m->cap ? m->cap * 2 : 16);
    if (st) return st;
  }
  uint32_t h = khcn__idx_hash(id);
  size_t j = h & (m->cap - 1);
  for (; m->slot[j]; j = (j + 1) & (m->cap - 1))
    if ((uint32_t)m->slot[j] == h && strcmp(khcn__ent_id(m->ents, (size_t)(m->slot[j] >> 32)), id) == 0)
      return KHCN_EEXISTS;
  m->slot[j] = ((uint64_t)index << 32) | h;
  m->len++;
  return KHCN_OK;
}

void khcn__idx_free(khcn__idx *m) {
  khcn__free(m->slot);
  m->slot = NULL;
  m->cap = m->len = 0;
}

/* ---------------------------------------------------------- lifecycle */

khcn_status khcn_plan_new(khcn_plan **out, const char *id) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_plan_new: out is NULL");
  *out = NULL;
  khcn_status st = khcn__check_id(id, "plan id");
  if (st) return st;
  khcn_plan *p = khcn__calloc(1, sizeof *p);
  if (!p) return khcn__nomem("a plan");
  p->budget.elem = sizeof(const char *);
  p->legal.elem = sizeof(khcn__legal);
  p->indicators.elem = sizeof(khcn_indicator *);
  p->nodes.elem = sizeof(khcn_node *);
  p->agencies.elem = sizeof(khcn_agency *);
  p->resp.elem = sizeof(khcn__resp);
  p->ind_map.ents = &p->indicators;
  p->node_map.ents = &p->nodes;
  p->agency_map.ents = &p->agencies;
  p->id = khcn__arena_strdup(&p->arena, id);
  if (!p->id) {
    khcn_plan_free(p);
    return KHCN_ENOMEM;
  }
  *out = p;
  return KHCN_OK;
}


void khcn_plan_free(khcn_plan *p) {
  if (!p) return;
  for (size_t i = 0; i < p->indicators.len; i++)
    khcn__indicator_release(KHCN__VEC_AT(&p->indicators, khcn_indicator *, i));
  for (size_t i = 0; i < p->nodes.len; i++) khcn__node_release(KHCN__VEC_AT(&p->nodes, khcn_node *, i));
  for (size_t i = 0; i < p->agencies.len; i++)
    khcn__unknown_free(KHCN__VEC_AT(&p->agencies, khcn_agency *, i)->unknown);
  for (size_t i = 0; i < p->legal.len; i++) khcn__unknown_free(KHCN__VEC_AT(&p->legal, khcn__legal, i).unknown);
  for (size_t i = 0; i < p->resp.len; i++) khcn__unknown_free(KHCN__VEC_AT(&p->resp, khcn__resp, i).unknown);
  khcn__unknown_free(p->unknown);
  khcn__unknown_free(p->doc_unknown);
  khcn__vec_free(&p->budget);
  khcn__vec_free(&p->legal);
  khcn__vec_free(&p->indicators);
  khcn__vec_free(&p->nodes);
  khcn__vec_free(&p->agencies);
  khcn__vec_free(&p->resp);
  khcn__plan_resp_index_drop(p);
  khcn__idx_free(&p->ind_map);
  khcn__idx_free(&p->node_map);
  khcn__idx_free(&p->agency_map);
  khcn__arena_free(&p->arena);
  khcn__free(p);
}

const char *khcn_plan_id(const khcn_plan *p) { return p ? p->id : NULL; }

/* -------------------------------------------------------------- texts */

khcn_status khcn_plan_set_text(khcn_plan *p, khcn_plan_field f, const char *text) {
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_set_text: plan is NULL");
  if ((unsigned)f >= KHCN_PLAN_FIELD_COUNT_) return khcn__err(KHCN_EINVAL, "unknown plan field %d", (int)f);
  khcn_status st = khcn__check_text(text, plan_field_names[f]);
  if (st) return st;
  if (text && f == KHCN_PLAN_DATE && !khcn_date_valid(text))
    return khcn__err(KHCN_EINVAL, "plan date \"%.40s\" is not YYYY, YYYY-MM or YYYY-MM-DD", text);
  if (text && f == KHCN_PLAN_LANG && (strlen(text) < 2 || strlen(text) > 35))
    return khcn__err(KHCN_EINVAL, "plan language \"%.40s\" is not a BCP 47 tag", text);
  const char *c = NULL;
  if (text && !(c = khcn__arena_strdup(&p->arena, text))) return KHCN_ENOMEM;
  p->text[f] = c;
  return KHCN_OK;
}

const char *khcn_plan_text(const khcn_plan *p, khcn_plan_field f) {
  if (!p || (unsigned)f >= KHCN_PLAN_FIELD_COUNT_) return NULL;
  return p->text[f];
}

khcn_status khcn_plan_set_period(khcn_plan *p, int start, int end) {
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_set_period: plan is NULL");
  if (!khcn__year_valid(start) || !khcn__year_valid(end))
    return khcn__err(KHCN_EINVAL, "plan period %d-%d: years must be within 1900..2200", start, end);
  if (start > end) return khcn__err(KHCN_EINVAL, "plan period %d-%d: start is after end", start, end);
  p->start = start;
  p->end = end;
  return KHCN_OK;
}

int khcn_plan_start(const khcn_plan *p) { return p ? p->start : 0; }
int khcn_plan_end(const khcn_plan *p) { return p ? p->end : 0; }

/* ----------------------------------------------------- budget sources */

khcn_status khcn_plan_add_budget_source(khcn_plan *p, const char *text) {
  if (!p || !text || !*text) return khcn__err(KHCN_EINVAL, "a budget source needs a plan and a non-empty text");
  khcn_status st = khcn__check_text(text, "budget source");
  if (st) return st;
  const char *c = khcn__arena_strdup(&p->arena, text);
  if (!c) return KHCN_ENOMEM;
  return khcn__vec_push(&p->budget, &c);
}

size_t khcn_plan_budget_source_count(const khcn_plan *p) { return p ? p->budget.len : 0; }

const char *khcn_plan_budget_source_at(const khcn_plan *p, size_t i) {
  return (p && i < p->budget.len) ? KHCN__VEC_AT(&p->budget, const char *, i) : NULL;
}

/* -------------------------------------------------------- legal bases */

khcn_status khcn_plan_add_legal_basis(khcn_plan *p, const khcn_legal_doc *doc) {
  if (!p || !doc) return khcn__err(KHCN_EINVAL, "khcn_plan_add_legal_basis: NULL argument");
  khcn_status st;
  if ((st = khcn__check_id(doc->id, "legal basis id"))) return st;
  if ((unsigned)doc->type >= KHCN_DOC_TYPE_COUNT_)
    return khcn__err(KHCN_EINVAL, "legal basis %s: unknown document type %d", doc->id, (int)doc->type);
  if ((st = khcn__check_text(doc->number, "legal basis number")) || (st = khcn__check_text(doc->issuer, "legal basis issuer")) ||
      (st = khcn__check_text(doc->title, "legal basis title")))
    return st;
  if (doc->date && !khcn_date_valid(doc->date))
    return khcn__err(KHCN_EINVAL, "legal basis %s: date \"%.40s\" is not YYYY[-MM[-DD]]", doc->id, doc->date);
  for (size_t i = 0; i < p->legal.len; i++)
    if (strcmp(KHCN__VEC_AT(&p->legal, khcn__legal, i).doc.id, doc->id) == 0)
      return khcn__err(KHCN_EEXISTS, "legal basis id \"%s\" already exists", doc->id);
  khcn__legal l;
  memset(&l, 0, sizeof l);
  l.doc.type = doc->type;
  khcn__arena *a = &p->arena;
  if (!(l.doc.id = khcn__arena_strdup(a, doc->id))) return KHCN_ENOMEM;
  if ((doc->number && !(l.doc.number = khcn__arena_strdup(a, doc->number))) ||
      (doc->date && !(l.doc.date = khcn__arena_strdup(a, doc->date))) ||
      (doc->issuer && !(l.doc.issuer = khcn__arena_strdup(a, doc->issuer))) ||
      (doc->title && !(l.doc.title = khcn__arena_strdup(a, doc->title))))
    return KHCN_ENOMEM;
  return khcn__vec_push(&p->legal, &l);
}

size_t khcn_plan_legal_basis_count(const khcn_plan *p) { return p ? p->legal.len : 0; }

khcn_status khcn_plan_legal_basis_at(const khcn_plan *p, size_t i, khcn_legal_doc *out) {
  if (!p || !out) return khcn__err(KHCN_EINVAL, "khcn_plan_legal_basis_at: NULL argument");
  if (i >= p->legal.len) return khcn__err(KHCN_ENOTFOUND, "no legal basis %zu (the plan has %zu)", i, p->legal.len);
  *out = KHCN__VEC_AT(&p->legal, khcn__legal, i).doc;
  return KHCN_OK;
}

/* ----------------------------------------------------------- agencies */

khcn_status khcn_plan_add_agency(khcn_agency **out, khcn_plan *p, const char *id, const char *name,
                                 const char *parent) {
  if (out) *out = NULL;
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_add_agency: plan is NULL");
  khcn_status st;
  if ((st = khcn__check_id(id, "agency id"))) return st;
  if (parent && (st = khcn__check_id(parent, "parent agency id"))) return st;
  if (!name || !*name) return khcn__err(KHCN_EINVAL, "agency %s: a name is required", id);
  if ((st = khcn__check_text(name, "agency name"))) return st;
  khcn_agency *a = khcn__arena_alloc(&p->arena, sizeof *a);
  if (!a) return KHCN_ENOMEM;
  a->plan = p;
  if (!(a->id = khcn__arena_strdup(&p->arena, id)) || !(a->name = khcn__arena_strdup(&p->arena, name)) ||
      (parent && !(a->parent = khcn__arena_strdup(&p->arena, parent))))
    return KHCN_ENOMEM;
  a->index = (uint32_t)p->agencies.len;
  if ((st = khcn__vec_reserve(&p->agencies, p->agencies.len + 1))) return st;
  if ((st = khcn__idx_add(&p->agency_map, a->id, a->index)) == KHCN_EEXISTS)
    return khcn__err(KHCN_EEXISTS, "agency id \"%s\" already exists", id);
  if (st) return st;
  khcn__vec_push(&p->agencies, &a); /* cannot fail after reserve */
  if (out) *out = a;
  return KHCN_OK;
}

size_t khcn_plan_agency_count(const khcn_plan *p) { return p ? p->agencies.len : 0; }
khcn_agency *khcn_plan_agency_at(const khcn_plan *p, size_t i) {
  return (p && i < p->agencies.len) ? KHCN__VEC_AT(&p->agencies, khcn_agency *, i) : NULL;
}
khcn_agency *khcn_plan_agency(const khcn_plan *p, const char *id) {
  return p ? khcn__idx_get(&p->agency_map, id) : NULL;
}
const char *khcn_agency_id(const khcn_agency *a) { return a ? a->id : NULL; }
const char *khcn_agency_name(const khcn_agency *a) { return a ? a->name : NULL; }
const char *khcn_agency_short_name(const khcn_agency *a) { return a ? a->short_name : NULL; }
const char *khcn_agency_parent(const khcn_agency *a) { return a ? a->parent : NULL; }
khcn_agency_kind khcn_agency_kind_of(const khcn_agency *a) { return a ? (khcn_agency_kind)a->kind : KHCN_AGENCY_OTHER; }
size_t khcn_agency_index(const khcn_agency *a) { return a ? a->index : SIZE_MAX; }

khcn_status khcn_agency_set_short_name(khcn_agency *a, const char *name) {
  if (!a) return khcn__err(KHCN_EINVAL, "khcn_agency_set_short_name: agency is NULL");
  khcn_status st = khcn__check_text(name, "agency short name");
  if (st) return st;
  const char *c = NULL;
  if (name && !(c = khcn__arena_strdup(&a->plan->arena, name))) return KHCN_ENOMEM;
  a->short_name = c;
  return KHCN_OK;
}

khcn_status khcn_agency_set_kind(khcn_agency *a, khcn_agency_kind kind) {
  if (!a) return khcn__err(KHCN_EINVAL, "khcn_agency_set_kind: agency is NULL");
  if ((unsigned)kind >= KHCN_AGENCY_KIND_COUNT_) return khcn__err(KHCN_EINVAL, "unknown agency kind %d", (int)kind);
  a->kind = (uint8_t)kind;
  return KHCN_OK;
}

/* ----------------------------------------------- responsibility matrix */

static int streq_null(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

static int resp_same(const khcn_responsibility *o, const khcn_responsibility *r) {
  return o->role == r->role && streq_null(o->task, r->task) && strcmp(o->agency, r->agency) == 0 &&
         streq_null(o->to, r->to);
}

static size_t resp_hash(const khcn_responsibility *r) {
  uint64_t h = khcn__hash(r->agency) * 31u + (uint64_t)r->role;
  if (r->task) h ^= khcn__hash(r->task) * 0x9E3779B97F4A7C15ull;
  if (r->to) h ^= khcn__hash(r->to) * 0xC2B2AE3D27D4EB4Full;
  return (size_t)(h ^ (h >> 29));
}

void khcn__plan_resp_index_drop(khcn_plan *p) {
  khcn__free(p->resp_slots);
  p->resp_slots = NULL;
  p->resp_cap = p->resp_indexed = 0;
}

/* a slot: (index + 1) << 32 | the hash's low 32 bits, forced odd */
static uint64_t resp_slot(size_t idx, size_t h) { return ((uint64_t)(idx + 1) << 32) | ((uint32_t)h | 1u); }

static void resp_index_put(khcn_plan *p, size_t idx) {
  const khcn_responsibility *r = &KHCN__VEC_AT(&p->resp, khcn__resp, idx).r;
  size_t h = resp_hash(r);
  size_t j = h & (p->resp_cap - 1);
  while (p->resp_slots[j]) j = (j + 1) & (p->resp_cap - 1);
  p->resp_slots[j] = resp_slot(idx, h);
}

/* Make the index cover every entry, with room for `extra` more. */
static khcn_status resp_index_room(khcn_plan *p, size_t extra) {
  if (extra >= UINT32_MAX || p->resp.len + extra >= UINT32_MAX)
    return khcn__err(KHCN_ELIMIT, "too many responsibilities");
  size_t need = p->resp.len + extra;
  if (need * 2 > p->resp_cap) {
    size_t cap = 16;
    while (cap < need * 2) cap *= 2;
    uint64_t *slots = khcn__calloc(cap, sizeof *slots);
    if (!slots) return khcn__nomem("the responsibility index");
    khcn__free(p->resp_slots);
    p->resp_slots = slots;
    p->resp_cap = cap;
    p->resp_indexed = 0;
  }
  for (; p->resp_indexed < p->resp.len; p->resp_indexed++) resp_index_put(p, p->resp_indexed);
  return KHCN_OK;
}

/* The free slot for r (hash h), or SIZE_MAX when r is already there. */
static size_t resp_index_probe(const khcn_plan *p, const khcn_responsibility *r, size_t h) {
  uint32_t tag = (uint32_t)h | 1u;
  size_t j = h & (p->resp_cap - 1);
  for (; p->resp_slots[j]; j = (j + 1) & (p->resp_cap - 1))
    if ((uint32_t)p->resp_slots[j] == tag &&
        resp_same(&KHCN__VEC_AT(&p->resp, khcn__resp, (p->resp_slots[j] >> 32) - 1).r, r))
      return SIZE_MAX;
  return j;
}

khcn_status khcn_plan_assign(khcn_plan *p, const khcn_responsibility *r) {
  if (!p || !r) return khcn__err(KHCN_EINVAL, "khcn_plan_assign: NULL argument");
  khcn_status st;
  if (r->task && (st = khcn__check_id(r->task, "responsibility task id"))) return st;
  if ((st = khcn__check_id(r->agency, "responsibility agency id"))) return st;
  if (r->to && (st = khcn__check_id(r->to, "report recipient id"))) return st;
  if ((unsigned)r->role >= KHCN_ROLE_COUNT_) return khcn__err(KHCN_EINVAL, "unknown role %d", (int)r->role);
  if ((unsigned)r->every >= KHCN_RECURRENCE_COUNT_)
    return khcn__err(KHCN_EINVAL, "unknown recurrence %d", (int)r->every);
  if (r->due_year && !khcn__year_valid(r->due_year))
    return khcn__err(KHCN_EINVAL, "deadline year %d outside 1900..2200", r->due_year);
  if (r->due_month < 0 || r->due_month > 12) return khcn__err(KHCN_EINVAL, "deadline month %d outside 1..12", r->due_month);
  if (r->due_day < 0 || r->due_day > 31) return khcn__err(KHCN_EINVAL, "deadline day %d outside 1..31", r->due_day);
  if (r->due_day && !r->due_month) return khcn__err(KHCN_EINVAL, "a deadline day needs a month");
  if ((st = khcn__check_text(r->note, "responsibility note"))) return st;
  st = khcn__plan_assign_checked(p, r, NULL);
  if (st == KHCN_EEXISTS)
    return khcn__err(KHCN_EEXISTS, "agency %s already has role %s on %s", r->agency, khcn_role_name(r->role),
                     r->task ? r->task : "the plan");
  return st;
}

khcn_status khcn__plan_resp_reserve(khcn_plan *p, size_t n) {
  khcn_status st = resp_index_room(p, n);
  return st ? st : khcn__vec_reserve(&p->resp, p->resp.len + n);
}

khcn_status khcn__plan_assign_checked(khcn_plan *p, const khcn_responsibility *r, khcn__unknown *unknown) {
  khcn_status st;
  if ((st = resp_index_room(p, 1))) return st;
  size_t h = resp_hash(r);
  size_t j = resp_index_probe(p, r, h);
  if (j == SIZE_MAX) return KHCN_EEXISTS;
  khcn__resp c;
  memset(&c, 0, sizeof c);
  c.r = *r;
  khcn__arena *a = &p->arena;
  c.r.task = c.r.to = c.r.note = NULL;
  /* ids of existing entities are shared with them (same arena), not copied */
  const khcn_agency *ag = khcn__idx_get(&p->agency_map, r->agency);
  const khcn_agency *to = r->to ? khcn__idx_get(&p->agency_map, r->to) : NULL;
  const khcn_node *tk = r->task ? khcn__idx_get(&p->node_map, r->task) : NULL;
  if (!(c.r.agency = ag ? ag->id : khcn__arena_strdup(a, r->agency)) ||
      (r->task && !(c.r.task = tk ? tk->id : khcn__arena_strdup(a, r->task))) ||
      (r->to && !(c.r.to = to ? to->id : khcn__arena_strdup(a, r->to))) ||
      (r->note && !(c.r.note = khcn__arena_strdup(a, r->note))))
    return KHCN_ENOMEM;
  c.unknown = unknown;
  if ((st = khcn__vec_push(&p->resp, &c))) return st;
  p->resp_slots[j] = resp_slot(p->resp.len - 1, h); /* room ensured by resp_index_room */
  p->resp_indexed = p->resp.len;
  return KHCN_OK;
}

size_t khcn_plan_responsibility_count(const khcn_plan *p) { return p ? p->resp.len : 0; }

khcn_status khcn_plan_responsibility_at(const khcn_plan *p, size_t i, khcn_responsibility *out) {
  if (!p || !out) return khcn__err(KHCN_EINVAL, "khcn_plan_responsibility_at: NULL argument");
  if (i >= p->resp.len) return khcn__err(KHCN_ENOTFOUND, "no responsibility %zu (the plan has %zu)", i, p->resp.len);
  *out = KHCN__VEC_AT(&p->resp, khcn__resp, i).r;
  return KHCN_OK;
}

khcn_status khcn_plan_unassign(khcn_plan *p, size_t i) {
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_unassign: plan is NULL");
  if (i >= p->resp.len) return khcn__err(KHCN_ENOTFOUND, "no responsibility %zu (the plan has %zu)", i, p->resp.len);
  khcn__unknown_free(KHCN__VEC_AT(&p->resp, khcn__resp, i).unknown);
  khcn__vec_remove(&p->resp, i);
  khcn__plan_resp_index_drop(p); /* indices shifted: rebuilt by the next assign */
  return KHCN_OK;
}

/* -------------------------------------------------------------- clone */


static khcn_status clone_into(khcn_plan *c, const khcn_plan *p) {
  khcn_status st;
  for (int f = 0; f < KHCN_PLAN_FIELD_COUNT_; f++)
    if (p->text[f] && (st = khcn_plan_set_text(c, (khcn_plan_field)f, p->text[f]))) return st;
  c->start = p->start;
  c->end = p->end;
  for (size_t i = 0; i < p->budget.len; i++)
    if ((st = khcn_plan_add_budget_source(c, KHCN__VEC_AT(&p->budget, const char *, i)))) return st;
  for (size_t i = 0; i < p->legal.len; i++) {
    const khcn__legal *l = &KHCN__VEC_AT(&p->legal, khcn__legal, i);
    if ((st = khcn_plan_add_legal_basis(c, &l->doc))) return st;
    if ((st = khcn__unknown_clone(&KHCN__VEC_AT(&c->legal, khcn__legal, i).unknown, l->unknown))) return st;
  }
  if ((st = khcn__vec_reserve(&c->indicators, p->indicators.len))) return st;
  for (size_t i = 0; i < p->indicators.len; i++)
    if ((st = khcn__indicator_copy(c, KHCN__VEC_AT(&p->indicators, khcn_indicator *, i)))) return st;
  for (size_t i = 0; i < p->nodes.len; i++)
    if ((st = khcn__node_copy(c, KHCN__VEC_AT(&p->nodes, khcn_node *, i)))) return st;
  for (size_t i = 0; i < p->agencies.len; i++) {
    const khcn_agency *a = KHCN__VEC_AT(&p->agencies, khcn_agency *, i);
    khcn_agency *na;
    if ((st = khcn_plan_add_agency(&na, c, a->id, a->name, a->parent))) return st;
    na->kind = a->kind;
    if (a->short_name && !(na->short_name = khcn__arena_strdup(&c->arena, a->short_name))) return KHCN_ENOMEM;
    if ((st = khcn__unknown_clone(&na->unknown, a->unknown))) return st;
  }
  for (size_t i = 0; i < p->resp.len; i++) {
    const khcn__resp *r = &KHCN__VEC_AT(&p->resp, khcn__resp, i);
    if ((st = khcn_plan_assign(c, &r->r))) return st;
    if ((st = khcn__unknown_clone(&KHCN__VEC_AT(&c->resp, khcn__resp, i).unknown, r->unknown))) return st;
  }
  if ((st = khcn__unknown_clone(&c->unknown, p->unknown))) return st;
  return khcn__unknown_clone(&c->doc_unknown, p->doc_unknown);
}

khcn_status khcn_plan_clone(khcn_plan **out, const khcn_plan *p) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_plan_clone: out is NULL");
  *out = NULL;
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_clone: plan is NULL");
  khcn_plan *c;
  khcn_status st = khcn_plan_new(&c, p->id);
  if (st) return st;
  if ((st = clone_into(c, p))) {
    khcn_plan_free(c);
    return st;
  }
  *out = c;
  return KHCN_OK;
}
