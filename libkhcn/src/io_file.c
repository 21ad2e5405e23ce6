/*
 * Files: format by extension or content, bounded whole-file reads, and
 * atomic writes (temporary file in the same directory, fsync, rename,
 * fsync of the directory).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal/io.h"

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  if (n < m) return 0;
  for (size_t i = 0; i < m; i++) {
    char a = s[n - m + i], b = suf[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return 0;
  }
  return 1;
}

khcn_format khcn_format_from_path(const char *path) {
  if (!path) return KHCN_FORMAT_AUTO;
  if (ends_with(path, ".json")) return KHCN_FORMAT_JSON;
  if (ends_with(path, ".khcn") || ends_with(path, ".cbor")) return KHCN_FORMAT_CBOR;
  return KHCN_FORMAT_AUTO;
}

khcn_format khcn_format_sniff(const void *data, size_t len) {
  const unsigned char *p = data;
  if (!p || !len) return KHCN_FORMAT_AUTO;
  if (len >= 3 && p[0] == 0xd9 && p[1] == 0xd9 && p[2] == 0xf7) return KHCN_FORMAT_CBOR;
  if (len >= 5 && p[0] == 0xda && p[1] == 0x4b && p[2] == 0x48 && p[3] == 0x43 && p[4] == 0x4e) return KHCN_FORMAT_CBOR;
  size_t i = 0;
  if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) i = 3;
  while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
  if (i < len && p[i] == '{') return KHCN_FORMAT_JSON;
  return KHCN_FORMAT_AUTO;
}

khcn_status khcn_plan_read(khcn_plan **out, const void *data, size_t len, khcn_format format,
                           const khcn_read_options *opts, khcn_diags *diags) {
  if (format == KHCN_FORMAT_AUTO) format = khcn_format_sniff(data, len);
  if (format == KHCN_FORMAT_JSON) return khcn_json_read(out, data, len, opts, diags);
  return khcn_cbor_read(out, data, len, opts, diags);
}

static khcn_status io_diag(khcn_diags *diags, const char *path, int code, const char *what, int err) {
  khcn__diag_add(diags, code, KHCN_SEV_FATAL, SIZE_MAX, "", "", "%s: %s%s%s", path, what, err ? ": " : "",
                 err ? strerror(err) : "");
  return code == KHCN_DIAG_IO
             ? khcn__err(KHCN_EIO, "%s: %s%s%s", path, what, err ? ": " : "", err ? strerror(err) : "")
             : khcn__err(KHCN_ELIMIT, "%s: %s", path, what);
}

/* Read a whole regular file, refusing more than max bytes. */
static khcn_status read_file(const char *path, size_t max, unsigned char **data, size_t *len, khcn_diags *diags) {
  *data = NULL;
  *len = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_diag(diags, path, KHCN_DIAG_IO, "cannot open", errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return io_diag(diags, path, KHCN_DIAG_IO, "cannot stat", e);
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return io_diag(diags, path, KHCN_DIAG_IO, "is a directory", 0);
  }
  if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
    close(fd);
    char msg[96];
    snprintf(msg, sizeof msg, "the file has %lld bytes, more than the limit of %zu", (long long)st.st_size, max);
    return io_diag(diags, path, KHCN_DIAG_FILE_TOO_LARGE, msg, 0);
  }
  size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
  unsigned char *buf = khcn__malloc(cap ? cap : 1);
  if (!buf) {
    close(fd);
    return khcn__nomem("the file contents");
  }
  for (;;) {
    if (n == cap) {
      if (cap > max) {
        khcn__free(buf);
        close(fd);
        return io_diag(diags, path, KHCN_DIAG_FILE_TOO_LARGE, "the input is larger than the size limit", 0);
      }
      size_t nc = cap * 2;
      unsigned char *nb = khcn__realloc(buf, nc);
      if (!nb) {
        khcn__free(buf);
        close(fd);
        return khcn__nomem("the file contents");
      }
      buf = nb;
      cap = nc;
    }
    ssize_t r = read(fd, buf + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      khcn__free(buf);
      close(fd);
      return io_diag(diags, path, KHCN_DIAG_IO, "cannot read", e);
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  close(fd);
  if (n > max) {
    khcn__free(buf);
    return io_diag(diags, path, KHCN_DIAG_FILE_TOO_LARGE, "the input is larger than the size limit", 0);
  }
  *data = buf;
  *len = n;
  return KHCN_OK;
}

khcn_status khcn_plan_load(khcn_plan **out, const char *path, const khcn_read_options *opts, khcn_diags *diags) {
  if (!out) return khcn__err(KHCN_EINVAL, "khcn_plan_load: out is NULL");
  *out = NULL;
  if (!path) return khcn__err(KHCN_EINVAL, "khcn_plan_load: path is NULL");
  if (opts && opts->version != KHCN_READ_OPTIONS_VERSION)
    return khcn__err(KHCN_EVERSION, "khcn_plan_load: unknown options version %u", opts->version);
  size_t max = opts && opts->max_size ? opts->max_size : (size_t)256 << 20;
  unsigned char *data;
  size_t len;
  khcn_status st = read_file(path, max, &data, &len, diags);
  if (st) return st;
  khcn_format f = khcn_format_from_path(path);
  if (f == KHCN_FORMAT_AUTO) f = khcn_format_sniff(data, len);
  st = khcn_plan_read(out, data, len, f, opts, diags);
  khcn__free(data);
  return st;
}

khcn_status khcn_file_write_atomic(const char *path, const void *data, size_t len) {
  if (!path || (!data && len)) return khcn__err(KHCN_EINVAL, "khcn_file_write_atomic: NULL argument");
  size_t pl = strlen(path);
  char *tmp = khcn__malloc(pl + 32);
  if (!tmp) return khcn__nomem("a file name");
  snprintf(tmp, pl + 32, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int e = errno;
    khcn__free(tmp);
    return khcn__err(KHCN_EIO, "%s: cannot create a temporary file: %s", path, strerror(e));
  }
  /* keep the permissions of the file being replaced, else 0644 */
  struct stat st;
  mode_t mode = 0644;
  if (stat(path, &st) == 0) mode = st.st_mode & 07777;
  (void)fchmod(fd, mode);
  const unsigned char *p = data;
  size_t left = len;
  int e = 0;
  while (left) {
    ssize_t w = write(fd, p, left);
    if (w < 0) {
      if (errno == EINTR) continue;
      e = errno;
      break;
    }
    p += w;
    left -= (size_t)w;
  }
  if (!e && fsync(fd) != 0) e = errno;
  if (close(fd) != 0 && !e) e = errno;
  if (!e && rename(tmp, path) != 0) e = errno;
  if (e) {
    unlink(tmp);
    khcn__free(tmp);
    return khcn__err(KHCN_EIO, "%s: cannot write: %s", path, strerror(e));
  }
  khcn__free(tmp);
  /* make the rename durable */
  char *dir = khcn__strdup(path);
  if (dir) {
    char *slash = strrchr(dir, '/');
    const char *d = ".";
    if (slash == dir) d = "/";
    else if (slash) {
      *slash = 0;
      d = dir;
    }
    int dfd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      (void)fsync(dfd);
      close(dfd);
    }
    khcn__free(dir);
  }
  return KHCN_OK;
}

khcn_status khcn_plan_save_as(const khcn_plan *plan, const char *path, khcn_format format) {
  if (!plan || !path) return khcn__err(KHCN_EINVAL, "khcn_plan_save: NULL argument");
  if (format == KHCN_FORMAT_AUTO) format = khcn_format_from_path(path);
  khcn_buf b = KHCN_BUF_INIT;
  khcn_status st = format == KHCN_FORMAT_JSON ? khcn_json_write(&b, plan) : khcn_cbor_write(&b, plan);
  if (st) return st;
  st = khcn_file_write_atomic(path, b.ptr, b.size);
  khcn_buf_dispose(&b);
  return st;
}

khcn_status khcn_plan_save(const khcn_plan *plan, const char *path) {
  return khcn_plan_save_as(plan, path, KHCN_FORMAT_AUTO);
}
