/* Objectives and tasks: the plan's two trees, and their indicator links. */
#include <math.h>
#include <string.h>
#include "internal/model.h"

const char *khcn_node_type_name(khcn_node_type t) {
  switch (t) {
  case KHCN_NODE_OBJECTIVE: return "objective";
  case KHCN_NODE_TASK: return "task";
  }
  return NULL;
}

khcn_status khcn_plan_add_node(khcn_node **out, khcn_plan *p, khcn_node_type type, const char *id,
                               const char *parent, const char *label, const char *title) {
  if (out) *out = NULL;
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_plan_add_node: plan is NULL");
  if (type != KHCN_NODE_OBJECTIVE && type != KHCN_NODE_TASK)
    return khcn__err(KHCN_EINVAL, "unknown node type %d", (int)type);
  khcn_status st;
  if ((st = khcn__check_id(id, "node id"))) return st;
  if (parent && (st = khcn__check_id(parent, "parent node id"))) return st;
  if (parent && strcmp(parent, id) == 0) return khcn__err(KHCN_EINVAL, "node %s cannot be its own parent", id);
  if (!title || !*title) return khcn__err(KHCN_EINVAL, "node %s: a title is required", id);
  if ((st = khcn__check_text(title, "node title")) || (st = khcn__check_text(label, "node label"))) return st;
  if (p->nodes.len >= UINT32_MAX) return khcn__err(KHCN_ELIMIT, "too many nodes");
  khcn_node *n = khcn__arena_alloc(&p->arena, sizeof *n);
  if (!n) return KHCN_ENOMEM;
  khcn__arena *a = &p->arena;
  n->plan = p;
  n->type = (uint8_t)type;
  n->weight = 1.0;
  /* share the previous node's title when it repeats, and an existing
   * parent's id (arena strings are never changed in place) */
  const khcn_node *prev = p->nodes.len ? KHCN__VEC_AT(&p->nodes, khcn_node *, p->nodes.len - 1) : NULL;
  if (prev && prev->title && strcmp(prev->title, title) == 0) n->title = prev->title;
  const khcn_node *pa = parent ? khcn__idx_get(&p->node_map, parent) : NULL;
  if (pa) n->parent = pa->id;
  if (!(n->id = khcn__arena_strdup(a, id)) || (!n->title && !(n->title = khcn__arena_strdup(a, title))) ||
      (parent && !n->parent && !(n->parent = khcn__arena_strdup(a, parent))) ||
      (label && !(n->label = khcn__arena_strdup(a, label))))
    return KHCN_ENOMEM;
  n->index = (uint32_t)p->nodes.len;
  if ((st = khcn__vec_reserve(&p->nodes, p->nodes.len + 1))) return st;
  if ((st = khcn__idx_add(&p->node_map, n->id, n->index)) == KHCN_EEXISTS)
    return khcn__err(KHCN_EEXISTS, "node id \"%s\" already exists", id);
  if (st) return st;
  khcn__vec_push(&p->nodes, &n);
  if (out) *out = n;
  return KHCN_OK;
}

khcn_status khcn__node_reserve_links(khcn_node *n, size_t cap) {
  if (cap <= n->cap_links) return KHCN_OK;
  if (cap >= UINT32_MAX / 2) return khcn__err(KHCN_ELIMIT, "node %s: too many links", n->id);
  khcn__link *l = khcn__realloc(n->links, cap * sizeof *l);
  if (!l) return khcn__nomem("an indicator link");
  n->links = l;
  n->cap_links = (uint32_t)cap;
  return KHCN_OK;
}

void khcn__node_release(khcn_node *n) {
  if (!n) return;
  khcn__free(n->links);
  khcn__unknown_free(n->unknown);
}

size_t khcn_plan_node_count(const khcn_plan *p) { return p ? p->nodes.len : 0; }
khcn_node *khcn_plan_node_at(const khcn_plan *p, size_t i) {
  return (p && i < p->nodes.len) ? KHCN__VEC_AT(&p->nodes, khcn_node *, i) : NULL;
}
khcn_node *khcn_plan_node(const khcn_plan *p, const char *id) { return p ? khcn__idx_get(&p->node_map, id) : NULL; }

const char *khcn_node_id(const khcn_node *n) { return n ? n->id : NULL; }
khcn_node_type khcn_node_type_of(const khcn_node *n) { return n ? (khcn_node_type)n->type : KHCN_NODE_TASK; }
const char *khcn_node_parent(const khcn_node *n) { return n ? n->parent : NULL; }
const char *khcn_node_label(const khcn_node *n) { return n ? n->label : NULL; }
const char *khcn_node_title(const khcn_node *n) { return n ? n->title : NULL; }
const char *khcn_node_text(const khcn_node *n) { return n ? n->text : NULL; }
double khcn_node_weight(const khcn_node *n) { return n ? n->weight : NAN; }
size_t khcn_node_index(const khcn_node *n) { return n ? n->index : SIZE_MAX; }

khcn_status khcn_node_set_text(khcn_node *n, const char *text) {
  if (!n) return khcn__err(KHCN_EINVAL, "khcn_node_set_text: node is NULL");
  khcn_status st = khcn__check_text(text, "node text");
  if (st) return st;
  const char *c = NULL;
  if (text && !(c = khcn__arena_strdup(&n->plan->arena, text))) return KHCN_ENOMEM;
  n->text = c;
  return KHCN_OK;
}

khcn_status khcn_node_set_weight(khcn_node *n, double w) {
  if (!n) return khcn__err(KHCN_EINVAL, "khcn_node_set_weight: node is NULL");
  if (!isfinite(w) || w < 0) return khcn__err(KHCN_EINVAL, "node %s: weight must be finite and >= 0", n->id);
  n->weight = w;
  return KHCN_OK;
}

khcn_status khcn_node_link(khcn_node *n, const char *indicator, double weight) {
  if (!n) return khcn__err(KHCN_EINVAL, "khcn_node_link: node is NULL");
  khcn_status st = khcn__check_id(indicator, "linked indicator id");
  if (st) return st;
  if (!isfinite(weight) || weight <= 0)
    return khcn__err(KHCN_EINVAL, "node %s: link weight to %s must be finite and > 0", n->id, indicator);
  for (uint32_t i = 0; i < n->nlinks; i++)
    if (strcmp(n->links[i].indicator, indicator) == 0)
      return khcn__err(KHCN_EEXISTS, "node %s is already linked to indicator %s", n->id, indicator);
  if (n->nlinks == n->cap_links) {
    if (n->cap_links >= UINT32_MAX / 2) return khcn__err(KHCN_ELIMIT, "node %s: too many links", n->id);
    uint32_t cap = n->cap_links ? n->cap_links * 2 : 2;
    khcn__link *l = khcn__realloc(n->links, cap * sizeof *l);
    if (!l) return khcn__nomem("an indicator link");
    n->links = l;
    n->cap_links = cap;
  }
  /* share the indicator's own id string when it exists (same arena) */
  const khcn_indicator *ind = khcn__idx_get(&n->plan->ind_map, indicator);
  const char *c = ind ? ind->id : khcn__arena_strdup(&n->plan->arena, indicator);
  if (!c) return KHCN_ENOMEM;
  n->links[n->nlinks].indicator = c;
  n->links[n->nlinks].weight = weight;
  n->nlinks++;
  return KHCN_OK;
}

khcn_status khcn_node_set_link_weight(khcn_node *n, const char *indicator, double weight) {
  if (!n || !indicator) return khcn__err(KHCN_EINVAL, "khcn_node_set_link_weight: NULL argument");
  if (!isfinite(weight) || weight <= 0)
    return khcn__err(KHCN_EINVAL, "node %s: link weight to %s must be finite and > 0", n->id, indicator);
  for (uint32_t i = 0; i < n->nlinks; i++)
    if (strcmp(n->links[i].indicator, indicator) == 0) {
      n->links[i].weight = weight;
      return KHCN_OK;
    }
  return khcn__err(KHCN_ENOTFOUND, "node %s is not linked to indicator %s", n->id, indicator);
}

size_t khcn_node_link_count(const khcn_node *n) { return n ? n->nlinks : 0; }

khcn_status khcn_node_link_at(const khcn_node *n, size_t i, const char **indicator, double *weight) {
  if (!n) return khcn__err(KHCN_EINVAL, "khcn_node_link_at: node is NULL");
  if (i >= n->nlinks) return khcn__err(KHCN_ENOTFOUND, "node %s has no link %zu", n->id, i);
  if (indicator) *indicator = n->links[i].indicator;
  if (weight) *weight = n->links[i].weight;
  return KHCN_OK;
}

khcn_status khcn__node_copy(khcn_plan *dst, const khcn_node *s) {
  khcn_node *d;
  khcn_status st = khcn_plan_add_node(&d, dst, (khcn_node_type)s->type, s->id, s->parent, s->label, s->title);
  if (st) return st;
  if ((st = khcn_node_set_text(d, s->text))) return st;
  d->weight = s->weight;
  for (uint32_t i = 0; i < s->nlinks; i++)
    if ((st = khcn_node_link(d, s->links[i].indicator, s->links[i].weight))) return st;
  return khcn__unknown_clone(&d->unknown, s->unknown);
}
