/* Thread-local error record, status code names, library-owned buffers. */
#include <stdio.h>
#include <string.h>
#include "internal/util.h"
#include "khcn/version.h"

#define KHCN__MSG_MAX 1024
#define KHCN__PATH_MAX 512

typedef struct {
  khcn_error pub;
  char message[KHCN__MSG_MAX];
  char path[KHCN__PATH_MAX];
} khcn__errstate;

static _Thread_local khcn__errstate tl_err = {{0, "", SIZE_MAX, ""}, "", ""};

const khcn_error *khcn_error_last(void) {
  if (!tl_err.pub.message) tl_err.pub.message = "";
  return &tl_err.pub;
}

void khcn_error_clear(void) {
  tl_err.pub.code = KHCN_OK;
  tl_err.message[0] = '\0';
  tl_err.path[0] = '\0';
  tl_err.pub.message = tl_err.message;
  tl_err.pub.path = tl_err.path;
  tl_err.pub.offset = SIZE_MAX;
}

KHCN__PRINTF(4, 0)
static void set_err(int code, size_t offset, const char *path, const char *fmt, va_list ap) {
  tl_err.pub.code = code;
  tl_err.pub.offset = offset;
  vsnprintf(tl_err.message, sizeof tl_err.message, fmt, ap);
  snprintf(tl_err.path, sizeof tl_err.path, "%s", path ? path : "");
  tl_err.pub.message = tl_err.message;
  tl_err.pub.path = tl_err.path;
}

khcn_status khcn__err(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  set_err(code, SIZE_MAX, NULL, fmt, ap);
  va_end(ap);
  return code;
}

khcn_status khcn__err_at(int code, size_t offset, const char *path, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  set_err(code, offset, path, fmt, ap);
  va_end(ap);
  return code;
}

khcn_status khcn__nomem(const char *what) {
  return khcn__err(KHCN_ENOMEM, "out of memory while allocating %s", what ? what : "memory");
}

const char *khcn_strerror(int code) {
  switch (code) {
  case KHCN_OK: return "success";
#define XX(name, val, msg) case KHCN_##name: return msg;
    KHCN_ERRNO_MAP(XX)
#undef XX
  default: return "unknown error code";
  }
}

const char *khcn_err_name(int code) {
  switch (code) {
  case KHCN_OK: return "KHCN_OK";
#define XX(name, val, msg) case KHCN_##name: return "KHCN_" #name;
    KHCN_ERRNO_MAP(XX)
#undef XX
  default: return "KHCN_UNKNOWN";
  }
}

void khcn_buf_dispose(khcn_buf *buf) {
  if (!buf) return;
  khcn__free(buf->ptr);
  buf->ptr = NULL;
  buf->size = 0;
}

void khcn_free(void *ptr) { khcn__free(ptr); }

unsigned khcn_version(void) { return KHCN_VERSION_HEX; }
const char *khcn_version_string(void) { return KHCN_VERSION_STRING; }
