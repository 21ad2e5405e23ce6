/* Diagnostics list. */
#include <stdio.h>
#include <string.h>
#include "internal/util.h"

typedef struct {
  int code;
  khcn_severity severity;
  size_t offset;
  const char *path, *entity, *message; /* in the list's arena */
} khcn__diag_rec;

struct khcn_diags {
  khcn__arena arena;
  khcn__vec recs; /* khcn__diag_rec */
};

khcn_status khcn_diags_new(khcn_diags **out) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_diags_new: out is NULL");
  *out = NULL;
  khcn_diags *d = khcn__calloc(1, sizeof *d);
  if (!d) return khcn__nomem("a diagnostics list");
  d->recs.elem = sizeof(khcn__diag_rec);
  *out = d;
  return KHCN_OK;
}

void khcn_diags_free(khcn_diags *d) {
  if (!d) return;
  khcn__arena_free(&d->arena);
  khcn__vec_free(&d->recs);
  khcn__free(d);
}

size_t khcn_diags_count(const khcn_diags *d) { return d ? d->recs.len : 0; }

size_t khcn_diags_count_at_least(const khcn_diags *d, khcn_severity min) {
  size_t n = 0;
  if (!d) return 0;
  for (size_t i = 0; i < d->recs.len; i++)
    if (KHCN__VEC_AT(&d->recs, khcn__diag_rec, i).severity >= min) n++;
  return n;
}

khcn_status khcn_diags_at(const khcn_diags *d, size_t i, khcn_diag *out) {
  if (!d || !out) return khcn__err(KHCN_EINVAL, "khcn_diags_at: NULL argument");
  if (i >= d->recs.len) return khcn__err(KHCN_ENOTFOUND, "no diagnostic %zu (the list has %zu)", i, d->recs.len);
  const khcn__diag_rec *r = &KHCN__VEC_AT(&d->recs, khcn__diag_rec, i);
  out->code = r->code;
  out->severity = r->severity;
  out->offset = r->offset;
  out->path = r->path;
  out->entity = r->entity;
  out->message = r->message;
  return KHCN_OK;
}

void khcn_diags_clear(khcn_diags *d) {
  if (!d) return;
  khcn__arena_free(&d->arena);
  d->recs.len = 0;
}

const char *khcn_severity_name(khcn_severity sev) {
  switch (sev) {
  case KHCN_SEV_INFO: return "info";
  case KHCN_SEV_WARNING: return "warning";
  case KHCN_SEV_ERROR: return "error";
  case KHCN_SEV_FATAL: return "fatal";
  }
  return "unknown";
}

khcn_status khcn__diag_add(khcn_diags *d, int code, khcn_severity sev, size_t offset, const char *entity,
                           const char *path, const char *fmt, ...) {
  if (!d) return KHCN_OK;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  khcn__diag_rec r;
  r.code = code;
  r.severity = sev;
  r.offset = offset;
  r.path = khcn__arena_strdup(&d->arena, path ? path : "");
  r.entity = khcn__arena_strdup(&d->arena, entity ? entity : "");
  r.message = khcn__arena_strdup(&d->arena, msg);
  if (!r.path || !r.entity || !r.message) return KHCN_ENOMEM;
  return khcn__vec_push(&d->recs, &r);
}

khcn_status khcn_diags_format(khcn_buf *out, const khcn_diags *d, size_t i) {
  khcn_diag g;
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_diags_format: out is NULL");
  out->ptr = NULL;
  out->size = 0;
  khcn_status st = khcn_diags_at(d, i, &g);
  if (st) return st;
  khcn__sb sb = KHCN__SB_INIT;
  khcn__sb_printf(&sb, "%s %d", khcn_severity_name(g.severity), g.code);
  if (g.offset != SIZE_MAX) khcn__sb_printf(&sb, " @%zu", g.offset);
  if (*g.path) khcn__sb_printf(&sb, " %s", g.path);
  if (*g.entity) khcn__sb_printf(&sb, " [%s]", g.entity);
  khcn__sb_printf(&sb, ": %s", g.message);
  return khcn__sb_finish(&sb, out);
}
