/*
 * libFuzzer target for the readers: CBOR (default and strict), JSON, and
 * the diagnostic dump.  Whatever is read is written back and read again:
 * the second write must give the same bytes as the first (the writer is
 * deterministic and the reader keeps everything), in both formats.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "khcn.h"
#include "internal/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void roundtrip(const khcn_plan *p) {
  khcn_buf a = KHCN_BUF_INIT, b = KHCN_BUF_INIT, j = KHCN_BUF_INIT, j2 = KHCN_BUF_INIT;
  khcn_plan *q = NULL, *r = NULL;
  if (khcn_cbor_write(&a, p) != KHCN_OK) abort();
  /* what we wrote reads back (unknown values are forwarded as read, so the
   * profile is only checked by the strict pass on the input itself) */
  if (khcn_cbor_read(&q, a.ptr, a.size, NULL, NULL) != KHCN_OK) {
    fprintf(stderr, "re-read failed: %s\n", khcn_error_last()->message);
    abort();
  }
  if (khcn_cbor_write(&b, q) != KHCN_OK) abort();
  if (a.size != b.size || memcmp(a.ptr, b.ptr, a.size) != 0) abort();
  if (khcn_json_write(&j, q) != KHCN_OK) abort();
  if (khcn_json_read(&r, j.ptr, j.size, NULL, NULL) != KHCN_OK) {
    fprintf(stderr, "JSON re-read failed: %s\n", khcn_error_last()->message);
    abort();
  }
  if (khcn_json_write(&j2, r) != KHCN_OK) abort();
  if (j.size != j2.size || memcmp(j.ptr, j2.ptr, j.size) != 0) abort();
  khcn_buf_dispose(&b);
  if (khcn_cbor_write(&b, r) != KHCN_OK) abort();
  if (a.size != b.size || memcmp(a.ptr, b.ptr, a.size) != 0) abort();
  khcn_plan_free(q);
  khcn_plan_free(r);
  khcn_buf_dispose(&a);
  khcn_buf_dispose(&b);
  khcn_buf_dispose(&j);
  khcn_buf_dispose(&j2);
}

/* the same diagnostics: code, severity, offset, path, entity and message */
static int same_diags(const khcn_diags *a, const khcn_diags *b) {
  if (khcn_diags_count(a) != khcn_diags_count(b)) return 0;
  for (size_t i = 0; i < khcn_diags_count(a); i++) {
    khcn_diag x, y;
    if (khcn_diags_at(a, i, &x) != KHCN_OK || khcn_diags_at(b, i, &y) != KHCN_OK) return 0;
    if (x.code != y.code || x.severity != y.severity || x.offset != y.offset || strcmp(x.path, y.path) != 0 ||
        strcmp(x.entity, y.entity) != 0 || strcmp(x.message, y.message) != 0) {
      fprintf(stderr, "diagnostic %zu: %d at %zu %s [%s] %s\n  vs %d at %zu %s [%s] %s\n", i, x.code, x.offset, x.path,
              x.entity, x.message, y.code, y.offset, y.path, y.entity, y.message);
      return 0;
    }
  }
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  khcn_diags *d = NULL, *d2 = NULL;
  if (khcn_diags_new(&d) != KHCN_OK) return 0;
  if (khcn_diags_new(&d2) != KHCN_OK) {
    khcn_diags_free(d);
    return 0;
  }
  khcn_plan *p = NULL, *q = NULL;
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  khcn_status st = khcn_cbor_read(&p, data, size, &o, d);
  /* the inline decoders (heads, observations, targets) and libcbor's
   * decoder agree on everything, diagnostics included */
  o.flags = KHCN__READ_LIBCBOR_ONLY;
  khcn_status st2 = khcn_cbor_read(&q, data, size, &o, d2);
  if (st != st2 || !same_diags(d, d2)) {
    fprintf(stderr, "fast path %d (%zu diags) vs libcbor %d (%zu diags)\n", st, khcn_diags_count(d), st2,
            khcn_diags_count(d2));
    abort();
  }
  khcn_diags_free(d2);
  khcn_diags_clear(d);
  if (st == KHCN_OK) {
    khcn_buf a = KHCN_BUF_INIT, b = KHCN_BUF_INIT;
    if (khcn_cbor_write(&a, p) != KHCN_OK || khcn_cbor_write(&b, q) != KHCN_OK) abort();
    if (a.size != b.size || memcmp(a.ptr, b.ptr, a.size) != 0) abort();
    khcn_buf_dispose(&a);
    khcn_buf_dispose(&b);
    roundtrip(p);
  }
  khcn_plan_free(p);
  khcn_plan_free(q);
  o.flags = 0;
  khcn_diags_clear(d);
  o.flags = KHCN_READ_STRICT;
  if (khcn_cbor_read(&p, data, size, &o, d) == KHCN_OK) {
    /* input in the deterministic profile: writing it back gives the same bytes */
    int newer = 0;
    for (size_t i = 0; i < khcn_diags_count(d); i++) {
      khcn_diag g;
      if (khcn_diags_at(d, i, &g) == KHCN_OK && g.code == KHCN_DIAG_NEWER_MINOR) newer = 1;
    }
    khcn_buf a = KHCN_BUF_INIT;
    if (khcn_cbor_write(&a, p) != KHCN_OK) abort();
    if (!newer && (a.size != size || memcmp(a.ptr, data, size) != 0)) {
      fprintf(stderr, "strictly valid input not written back identically\n");
      abort();
    }
    khcn_buf_dispose(&a);
    khcn_plan_free(p);
  }
  khcn_diags_clear(d);
  o.flags = KHCN_READ_VALIDATE;
  if (khcn_cbor_read(&p, data, size, &o, d) == KHCN_OK) khcn_plan_free(p);
  khcn_diags_clear(d);
  o.flags = 0;
  if (khcn_json_read(&p, data, size, &o, d) == KHCN_OK) {
    roundtrip(p);
    khcn_plan_free(p);
  }
  khcn_buf b = KHCN_BUF_INIT;
  if (khcn_cbor_dump(&b, data, size) != KHCN_OK) {
    /* malformed input: the text so far is still in b */
  }
  khcn_buf_dispose(&b);
  khcn_diags_free(d);
  return 0;
}
