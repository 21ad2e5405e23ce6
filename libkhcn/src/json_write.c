/*
 * JSON writer: the JSON form of docs/json-form.md, pretty-printed with two
 * spaces, fields in a fixed order, numbers as shortest round-trip decimals,
 * UTF-8 written as is (only '"', '\\' and control characters escaped).
 * Targets, observations and links are written one per line.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "internal/io.h"

typedef struct jw {
  khcn__sb *sb;
  int depth;
  int first[32];
  int inl[32]; /* inline container: no newlines */
} jw;

static void nl(jw *w) {
  khcn__sb_putc(w->sb, '\n');
  for (int i = 0; i < w->depth; i++) khcn__sb_puts(w->sb, "  ");
}

static void sep(jw *w) {
  int first = w->first[w->depth];
  w->first[w->depth] = 0;
  if (!first) khcn__sb_putc(w->sb, ',');
  if (w->inl[w->depth]) {
    if (!first) khcn__sb_putc(w->sb, ' ');
  } else {
    nl(w);
  }
}

static void open_(jw *w, char c, int inl) {
  khcn__sb_putc(w->sb, c);
  if (w->depth < 31) w->depth++;
  w->first[w->depth] = 1;
  w->inl[w->depth] = inl || w->inl[w->depth - 1];
}

static void close_(jw *w, char c) {
  int empty = w->first[w->depth], inl = w->inl[w->depth];
  w->depth--;
  if (!empty && !inl) nl(w);
  khcn__sb_putc(w->sb, c);
}

static void key(jw *w, const char *k) {
  sep(w);
  khcn__json_string(w->sb, k, strlen(k));
  khcn__sb_puts(w->sb, ": ");
}

static void str(jw *w, const char *s) { khcn__json_string(w->sb, s, strlen(s)); }
static void num(jw *w, double d) { khcn__json_number(w->sb, d); }

static void k_str(jw *w, const char *k, const char *s) {
  if (!s) return;
  key(w, k);
  str(w, s);
}
static void k_int(jw *w, const char *k, long v) {
  key(w, k);
  khcn__sb_printf(w->sb, "%ld", v);
}
static void k_num(jw *w, const char *k, double v) {
  key(w, k);
  num(w, v);
}

static void unknown(jw *w, const khcn__unknown *u) {
  if (!u) return;
  key(w, "_unknown");
  open_(w, '{', 1);
  for (; u; u = u->next) {
    char k[24];
    snprintf(k, sizeof k, "%llu", (unsigned long long)u->key);
    key(w, k);
    khcn__sb_putc(w->sb, '"');
    for (size_t i = 0; i < u->len; i++) khcn__sb_printf(w->sb, "%02x", u->bytes[i]);
    khcn__sb_putc(w->sb, '"');
  }
  close_(w, '}');
}

static void write_indicator(jw *w, const khcn_indicator *ind) {
  const khcn__ind_extra *x = ind->x;
  sep(w);
  open_(w, '{', 0);
  k_str(w, "id", ind->id);
  k_str(w, "name", ind->name);
  if (x) k_str(w, "name_en", x->name_en);
  if (ind->unit && ind->unit[0]) k_str(w, "unit", ind->unit);
  if (x) k_str(w, "description", x->description);
  if (ind->measure != KHCN_MEASURE_COUNT) k_str(w, "measure", khcn_measure_name((khcn_measure)ind->measure));
  if (ind->direction != 1) k_int(w, "direction", ind->direction);
  if (ind->kind != KHCN_KIND_STOCK) k_str(w, "kind", ind->kind == KHCN_KIND_FLOW ? "flow" : "stock");
  if (!isnan(ind->limit)) k_num(w, "limit", ind->limit);
  if (ind->base_year) {
    key(w, "baseline");
    open_(w, '{', 1);
    k_int(w, "year", ind->base_year);
    k_num(w, "value", ind->base_value);
    if (x) k_str(w, "note", x->base_note);
    close_(w, '}');
  }
  if (x && x->num) {
    key(w, "formula");
    open_(w, '{', 1);
    k_str(w, "numerator", x->num);
    k_str(w, "denominator", x->den);
    if (x->factor != 1.0) k_num(w, "factor", x->factor);
    close_(w, '}');
  }
  if (ind->ntargets) {
    key(w, "targets");
    open_(w, '[', 0);
    for (uint32_t i = 0; i < ind->ntargets; i++) {
      const khcn__target *t = &ind->targets[i];
      sep(w);
      open_(w, '{', 1);
      if (t->year == KHCN_EVERY_YEAR) k_str(w, "year", "every");
      else k_int(w, "year", t->year);
      k_str(w, "comparator", khcn_comparator_name((khcn_comparator)t->cmp));
      k_num(w, "value", t->value);
      if (!isnan(t->hi)) k_num(w, "hi", t->hi);
      if (!isnan(t->tol)) k_num(w, "tol", t->tol);
      if (t->base_year) k_int(w, "base_year", t->base_year);
      if (t->flags & KHCN_TARGET_NO_OVERSHOOT) {
        key(w, "overshoot");
        khcn__sb_puts(w->sb, "false");
      }
      if (t->flags & KHCN_TARGET_CUMULATIVE) {
        key(w, "cumulative");
        khcn__sb_puts(w->sb, "true");
      }
      k_str(w, "note", khcn__target_note(t));
      unknown(w, khcn__target_unknown(t));
      close_(w, '}');
    }
    close_(w, ']');
  }
  if (ind->nobs) {
    key(w, "observations");
    open_(w, '[', 0);
    const double *v = khcn__obs_values(ind);
    const int16_t *y = khcn__obs_years(ind);
    const uint8_t *s = khcn__obs_status(ind);
    for (uint32_t i = 0; i < ind->nobs; i++) {
      const khcn__obs_extra *e = khcn__obs_extra_find(ind, y[i]);
      sep(w);
      open_(w, '{', 1);
      k_int(w, "year", y[i]);
      key(w, "value");
      if (isnan(v[i])) khcn__sb_puts(w->sb, "null");
      else num(w, v[i]);
      if (s[i] != KHCN_OBS_NORMAL) k_str(w, "status", khcn_obs_status_name((khcn_obs_status)s[i]));
      if (e) {
        k_str(w, "source", e->source);
        k_str(w, "reporter", e->reporter);
        k_str(w, "note", e->note);
        unknown(w, e->unknown);
      }
      close_(w, '}');
    }
    close_(w, ']');
  }
  if (x) unknown(w, x->unknown);
  close_(w, '}');
}

static void write_node(jw *w, const khcn_node *n) {
  sep(w);
  open_(w, '{', 0);
  k_str(w, "id", n->id);
  k_str(w, "parent", n->parent);
  k_str(w, "label", n->label);
  k_str(w, "title", n->title);
  k_str(w, "text", n->text);
  if (n->weight != 1.0) k_num(w, "weight", n->weight);
  if (n->nlinks) {
    key(w, "indicators");
    open_(w, '[', 0);
    for (uint32_t i = 0; i < n->nlinks; i++) {
      sep(w);
      open_(w, '{', 1);
      k_str(w, "id", n->links[i].indicator);
      k_num(w, "weight", n->links[i].weight);
      close_(w, '}');
    }
    close_(w, ']');
  }
  unknown(w, n->unknown);
  close_(w, '}');
}

static void write_nodes(jw *w, const khcn_plan *p, khcn_node_type type, const char *name) {
  size_t n = 0;
  for (size_t i = 0; i < p->nodes.len; i++)
    if (KHCN__VEC_AT(&p->nodes, khcn_node *, i)->type == type) n++;
  if (!n) return;
  key(w, name);
  open_(w, '[', 0);
  for (size_t i = 0; i < p->nodes.len; i++) {
    const khcn_node *nd = KHCN__VEC_AT(&p->nodes, khcn_node *, i);
    if (nd->type == type) write_node(w, nd);
  }
  close_(w, ']');
}

khcn_status khcn_json_write(khcn_buf *out, const khcn_plan *p) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_json_write: out is NULL");
  out->ptr = NULL;
  out->size = 0;
  if (!p) return khcn__err(KHCN_EINVAL, "khcn_json_write: plan is NULL");
  khcn__sb sb = KHCN__SB_INIT;
  jw w;
  memset(&w, 0, sizeof w);
  w.sb = &sb;
  w.first[0] = 1;
  open_(&w, '{', 0);
  k_str(&w, "format", "khcn");
  key(&w, "version");
  khcn__sb_printf(&sb, "[%d, %d]", KHCN_FORMAT_MAJOR, KHCN_FORMAT_MINOR);
  key(&w, "plan");
  open_(&w, '{', 0);
  k_str(&w, "id", p->id);
  for (int f = 0; f < KHCN_PLAN_FIELD_COUNT_; f++) k_str(&w, khcn_plan_field_name((khcn_plan_field)f), p->text[f]);
  if (p->start) k_int(&w, "start", p->start);
  if (p->end) k_int(&w, "end", p->end);
  if (p->budget.len) {
    key(&w, "budget_sources");
    open_(&w, '[', 0);
    for (size_t i = 0; i < p->budget.len; i++) {
      sep(&w);
      str(&w, KHCN__VEC_AT(&p->budget, const char *, i));
    }
    close_(&w, ']');
  }
  if (p->legal.len) {
    key(&w, "legal_bases");
    open_(&w, '[', 0);
    for (size_t i = 0; i < p->legal.len; i++) {
      const khcn__legal *l = &KHCN__VEC_AT(&p->legal, khcn__legal, i);
      sep(&w);
      open_(&w, '{', 1);
      k_str(&w, "id", l->doc.id);
      k_str(&w, "number", l->doc.number);
      if (l->doc.type != KHCN_DOC_OTHER) k_str(&w, "type", khcn_doc_type_name(l->doc.type));
      k_str(&w, "date", l->doc.date);
      k_str(&w, "issuer", l->doc.issuer);
      k_str(&w, "title", l->doc.title);
      unknown(&w, l->unknown);
      close_(&w, '}');
    }
    close_(&w, ']');
  }
  write_nodes(&w, p, KHCN_NODE_OBJECTIVE, "objectives");
  write_nodes(&w, p, KHCN_NODE_TASK, "tasks");
  if (p->indicators.len) {
    key(&w, "indicators");
    open_(&w, '[', 0);
    for (size_t i = 0; i < p->indicators.len; i++) write_indicator(&w, KHCN__VEC_AT(&p->indicators, khcn_indicator *, i));
    close_(&w, ']');
  }
  if (p->agencies.len) {
    key(&w, "agencies");
    open_(&w, '[', 0);
    for (size_t i = 0; i < p->agencies.len; i++) {
      const khcn_agency *a = KHCN__VEC_AT(&p->agencies, khcn_agency *, i);
      sep(&w);
      open_(&w, '{', 1);
      k_str(&w, "id", a->id);
      k_str(&w, "name", a->name);
      k_str(&w, "short_name", a->short_name);
      k_str(&w, "parent", a->parent);
      if (a->kind != KHCN_AGENCY_OTHER) k_str(&w, "kind", khcn_agency_kind_name((khcn_agency_kind)a->kind));
      unknown(&w, a->unknown);
      close_(&w, '}');
    }
    close_(&w, ']');
  }
  if (p->resp.len) {
    key(&w, "responsibilities");
    open_(&w, '[', 0);
    for (size_t i = 0; i < p->resp.len; i++) {
      const khcn__resp *rr = &KHCN__VEC_AT(&p->resp, khcn__resp, i);
      const khcn_responsibility *r = &rr->r;
      sep(&w);
      open_(&w, '{', 1);
      k_str(&w, "task", r->task);
      k_str(&w, "agency", r->agency);
      k_str(&w, "role", khcn_role_name(r->role));
      k_str(&w, "to", r->to);
      if (r->due_year) k_int(&w, "due_year", r->due_year);
      if (r->due_month) k_int(&w, "due_month", r->due_month);
      if (r->due_day) k_int(&w, "due_day", r->due_day);
      if (r->every != KHCN_ONCE) k_str(&w, "every", khcn_recurrence_name(r->every));
      k_str(&w, "note", r->note);
      unknown(&w, rr->unknown);
      close_(&w, '}');
    }
    close_(&w, ']');
  }
  unknown(&w, p->unknown);
  close_(&w, '}');
  unknown(&w, p->doc_unknown);
  close_(&w, '}');
  khcn__sb_putc(&sb, '\n');
  return khcn__sb_finish(&sb, out);
}
