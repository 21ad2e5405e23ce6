/*
 * khcn: command-line tool for libkhcn plan files (docs/cli.md, khcn.1).
 *
 *   khcn validate [--strict] [--strict-rules] [--quiet] FILE...
 *   khcn convert [--strict] IN OUT
 *   khcn dump FILE
 *   khcn report FILE [--as-of YEAR] [--format text|json|csv] [--what indicators|nodes|agencies|all]
 *   khcn whatif FILE [--as-of YEAR] [--format text|json|csv] [--save OUT] EDIT...
 *
 * Exit status: 0 success, 1 invalid input, 2 usage error, 3 input/output error.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "khcn.h"

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static const char *prog = "khcn";

static const char usage_main[] =
    "Usage: khcn COMMAND [OPTIONS] ARGS...\n"
    "Work with libkhcn plan files (.khcn/.cbor: CBOR; .json: the JSON form).\n"
    "\n"
    "Commands:\n"
    "  validate [--strict] FILE...   check files: format, schema, references, rules\n"
    "  convert IN OUT                convert between CBOR and JSON (by extension)\n"
    "  dump FILE                     print a CBOR file in diagnostic notation\n"
    "  report FILE [--as-of YEAR] [--format text|json|csv]\n"
    "                                evaluate the plan and print its attainment\n"
    "  whatif FILE [--as-of YEAR] EDIT...\n"
    "                                evaluate edits without changing the file; print the diff\n"
    "\n"
    "Options: -h, --help (also after a command), --version\n"
    "Exit status: 0 ok, 1 invalid input, 2 usage error, 3 input/output error.\n"
    "See khcn(1) and docs/cli.md.\n";

static const char usage_validate[] =
    "Usage: khcn validate [--strict] [--strict-rules] [--quiet] FILE...\n"
    "Read each file and check it: well-formedness, limits, schema, references (4xxx)\n"
    "and business rules (5xxx, warnings).  Every finding is printed as\n"
    "  FILE: SEVERITY CODE PATH [ENTITY] at OFFSET: MESSAGE\n"
    "  --strict        also report every deviation from the deterministic profile (2xxx)\n"
    "  --strict-rules  business-rule warnings become errors\n"
    "  --quiet         print errors only, and no summary line\n"
    "Exit status: 0 all valid, 1 a file is invalid, 3 a file cannot be read.\n";

static const char usage_convert[] =
    "Usage: khcn convert [--strict] [--from cbor|json] [--to cbor|json] IN OUT\n"
    "Read IN and write OUT atomically; the formats come from the extensions\n"
    "(.json: JSON form; .khcn, .cbor: CBOR) or the options.  OUT '-' is stdout.\n"
    "Exit status: 0 ok, 1 IN is invalid, 3 input/output error.\n";

static const char usage_dump[] =
    "Usage: khcn dump FILE\n"
    "Print a CBOR file in diagnostic notation (RFC 8949 section 8).  FILE '-' is stdin.\n"
    "Exit status: 0 ok, 1 not well-formed (printed up to the fault), 3 input/output error.\n";

static const char usage_report[] =
    "Usage: khcn report FILE [--as-of YEAR] [--format text|json|csv] [--what indicators|nodes|agencies|all]\n"
    "Evaluate the plan at YEAR (default: the latest observation year) and print,\n"
    "for each indicator, the value used, the governing target, the attainment and\n"
    "the status; then the objective and task roll-ups and the agency scorecards.\n"
    "Exit status: 0 ok, 1 invalid input, 3 input/output error.\n";

static const char usage_whatif[] =
    "Usage: khcn whatif FILE [--as-of YEAR] [--format text|json|csv] [--save OUT] EDIT...\n"
    "Evaluate the plan with the edits (the file is not changed) and print what changed.\n"
    "Edits:\n"
    "  obs:IND:YEAR=VALUE           set an observation\n"
    "  noobs:IND:YEAR               remove an observation\n"
    "  target:IND:J=VALUE           set the value of target J (0-based) of IND\n"
    "  target-year:IND:J=YEAR       set the year of target J\n"
    "  growth:IND:FROM=RATE         assume growth RATE (fraction a year) from year FROM\n"
    "  weight:NODE=W                set a node's roll-up weight\n"
    "  link:NODE:IND=W              set the weight of a node-indicator link\n"
    "  assign:TASK:AGENCY=ROLE      add a role (TASK '-' is the whole plan)\n"
    "  unassign:TASK:AGENCY=ROLE    remove a role\n"
    "  --save OUT writes the edited plan to OUT (assumed growth is not saved).\n"
    "Exit status: 0 ok, 1 invalid input or edit, 2 usage error, 3 input/output error.\n";

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 2, 3)))
#endif
static int usage_error(const char *usage, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s: ", prog);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\n%s", usage);
  return EXIT_USAGE;
}

static int is_help(const char *a) { return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0; }

/* ------------------------------------------------------------ reading */

/* Exit status for a failed read. */
static int status_exit(khcn_status st) {
  if (st == KHCN_EIO) return EXIT_IO;
  if (st == KHCN_ENOMEM) return EXIT_IO;
  return EXIT_INVALID;
}

/* line:column of a byte offset in a text file (for JSON diagnostics) */
static void line_col(const unsigned char *data, size_t len, size_t off, size_t *line, size_t *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < off && i < len; i++) {
    if (data[i] == '\n') {
      (*line)++;
      *col = 1;
    } else if ((data[i] & 0xc0) != 0x80) {
      (*col)++;
    }
  }
}

static int read_all(const char *path, unsigned char **out, size_t *len, size_t max) {
  *out = NULL;
  *len = 0;
  int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
  if (fd < 0) {
    fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
    return EXIT_IO;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    fprintf(stderr, "%s: %s: is a directory\n", prog, path);
    if (fd) close(fd);
    return EXIT_IO;
  }
  size_t cap = 65536, n = 0;
  unsigned char *b = malloc(cap);
  if (!b) {
    if (fd) close(fd);
    fprintf(stderr, "%s: out of memory\n", prog);
    return EXIT_IO;
  }
  for (;;) {
    if (n == cap) {
      if (cap > max) {
        fprintf(stderr, "%s: %s: larger than %zu bytes\n", prog, path, max);
        free(b);
        if (fd) close(fd);
        return EXIT_INVALID;
      }
      unsigned char *nb = realloc(b, cap * 2);
      if (!nb) {
        free(b);
        if (fd) close(fd);
        fprintf(stderr, "%s: out of memory\n", prog);
        return EXIT_IO;
      }
      b = nb;
      cap *= 2;
    }
    ssize_t r = read(fd, b + n, cap - n);
    if (r < 0) {
      if (errno == EINTR) continue;
      fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
      free(b);
      if (fd) close(fd);
      return EXIT_IO;
    }
    if (r == 0) break;
    n += (size_t)r;
  }
  if (fd) close(fd);
  *out = b;
  *len = n;
  return EXIT_OK;
}

static void print_diags(FILE *f, const char *file, const khcn_diags *d, const unsigned char *data, size_t len,
                        int is_json, khcn_severity min) {
  size_t n = khcn_diags_count(d);
  for (size_t i = 0; i < n; i++) {
    khcn_diag g;
    if (khcn_diags_at(d, i, &g) != KHCN_OK || g.severity < min) continue;
    fprintf(f, "%s: %s %d %s", file, khcn_severity_name(g.severity), g.code, g.path[0] ? g.path : "/");
    if (g.entity[0]) fprintf(f, " [%s]", g.entity);
    if (g.offset != SIZE_MAX) {
      if (is_json && data) {
        size_t line, col;
        line_col(data, len, g.offset, &line, &col);
        fprintf(f, " at %zu:%zu", line, col);
      } else {
        fprintf(f, " at byte %zu", g.offset);
      }
    }
    fprintf(f, ": %s\n", g.message);
  }
}

/* Load a plan (any format) and print diagnostics at >= min.  Returns an exit code. */
static int load(const char *path, khcn_plan **out, uint32_t flags, khcn_format fmt, khcn_diags *d, int quiet,
                FILE *msgs) {
  *out = NULL;
  unsigned char *data;
  size_t len;
  int rc = read_all(path, &data, &len, (size_t)1 << 30);
  if (rc) {
    khcn_diags_clear(d);
    return rc;
  }
  if (fmt == KHCN_FORMAT_AUTO) fmt = khcn_format_from_path(path);
  if (fmt == KHCN_FORMAT_AUTO) fmt = khcn_format_sniff(data, len);
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  o.flags = flags;
  o.max_size = (size_t)1 << 30;
  khcn_status st = khcn_plan_read(out, data, len, fmt, &o, d);
  print_diags(msgs, path, d, data, len, fmt == KHCN_FORMAT_JSON, quiet ? KHCN_SEV_ERROR : KHCN_SEV_INFO);
  free(data);
  if (st) {
    if (khcn_diags_count_at_least(d, KHCN_SEV_ERROR) == 0)
      fprintf(msgs, "%s: %s: %s\n", prog, path, khcn_error_last()->message);
    return status_exit(st);
  }
  return EXIT_OK;
}

/* ------------------------------------------------------------ validate */

static int cmd_validate(int argc, char **argv) {
  uint32_t flags = KHCN_READ_VALIDATE;
  int quiet = 0, nfiles = 0, worst = EXIT_OK;
  for (int i = 1; i < argc; i++) {
    if (is_help(argv[i])) {
      fputs(usage_validate, stdout);
      return EXIT_OK;
    }
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--strict") == 0) flags |= KHCN_READ_STRICT;
    else if (strcmp(a, "--strict-rules") == 0) flags |= KHCN_READ_VALIDATE_STRICT;
    else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) quiet = 1;
    else if (a[0] == '-' && a[1]) return usage_error(usage_validate, "unknown option %s", a);
    else nfiles++;
  }
  if (!nfiles) return usage_error(usage_validate, "%s", "no FILE given");
  khcn_diags *d;
  if (khcn_diags_new(&d)) return EXIT_IO;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] == '-' && a[1]) continue;
    khcn_diags_clear(d);
    khcn_plan *p = NULL;
    int rc = load(a, &p, flags, KHCN_FORMAT_AUTO, d, quiet, stdout);
    if (rc == EXIT_OK && !quiet) {
      size_t w = khcn_diags_count_at_least(d, KHCN_SEV_WARNING);
      printf("%s: valid (%zu indicators, %zu objectives and tasks, %zu agencies; %zu warning%s)\n", a,
             khcn_plan_indicator_count(p), khcn_plan_node_count(p), khcn_plan_agency_count(p), w, w == 1 ? "" : "s");
    } else if (rc != EXIT_OK && !quiet) {
      printf("%s: %s\n", a, rc == EXIT_IO ? "cannot be read" : "INVALID");
    }
    khcn_plan_free(p);
    if (rc == EXIT_IO || (rc == EXIT_INVALID && worst != EXIT_IO)) worst = rc;
  }
  khcn_diags_free(d);
  return worst;
}

/* ------------------------------------------------------------ convert */

static int parse_format(const char *s, khcn_format *out) {
  if (strcmp(s, "cbor") == 0 || strcmp(s, "khcn") == 0) *out = KHCN_FORMAT_CBOR;
  else if (strcmp(s, "json") == 0) *out = KHCN_FORMAT_JSON;
  else return -1;
  return 0;
}

static int write_stdout(const khcn_buf *b) {
  if (fwrite(b->ptr, 1, b->size, stdout) != b->size || fflush(stdout) != 0) {
    fprintf(stderr, "%s: cannot write to standard output: %s\n", prog, strerror(errno));
    return EXIT_IO;
  }
  return EXIT_OK;
}

static int cmd_convert(int argc, char **argv) {
  const char *files[2] = {NULL, NULL};
  int nf = 0;
  uint32_t flags = 0;
  khcn_format from = KHCN_FORMAT_AUTO, to = KHCN_FORMAT_AUTO;
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) {
      fputs(usage_convert, stdout);
      return EXIT_OK;
    }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--strict") == 0) flags |= KHCN_READ_STRICT;
    else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
      if (i + 1 >= argc) return usage_error(usage_convert, "%s needs a value", a);
      if (parse_format(argv[i + 1], a[2] == 'f' ? &from : &to) < 0)
        return usage_error(usage_convert, "unknown format %s (cbor or json)", argv[i + 1]);
      i++;
    } else if (a[0] == '-' && a[1]) return usage_error(usage_convert, "unknown option %s", a);
    else if (nf < 2) files[nf++] = a;
    else return usage_error(usage_convert, "unexpected argument %s", a);
  }
  if (nf != 2) return usage_error(usage_convert, "%s", "IN and OUT are required");
  if (to == KHCN_FORMAT_AUTO) to = khcn_format_from_path(files[1]);
  if (to == KHCN_FORMAT_AUTO) {
    if (strcmp(files[1], "-") == 0) to = KHCN_FORMAT_JSON;
    else return usage_error(usage_convert, "cannot tell the format of %s: use .khcn, .cbor or .json, or --to", files[1]);
  }
  khcn_diags *d;
  if (khcn_diags_new(&d)) return EXIT_IO;
  khcn_plan *p = NULL;
  int rc = load(files[0], &p, flags, from, d, 0, stderr);
  khcn_diags_free(d);
  if (rc) return rc;
  khcn_status st;
  if (strcmp(files[1], "-") == 0) {
    khcn_buf b = KHCN_BUF_INIT;
    st = to == KHCN_FORMAT_JSON ? khcn_json_write(&b, p) : khcn_cbor_write(&b, p);
    if (st == KHCN_OK) rc = write_stdout(&b);
    khcn_buf_dispose(&b);
  } else {
    st = khcn_plan_save_as(p, files[1], to);
  }
  if (st) {
    fprintf(stderr, "%s: %s\n", prog, khcn_error_last()->message);
    rc = st == KHCN_EIO || st == KHCN_ENOMEM ? EXIT_IO : EXIT_INVALID;
  }
  khcn_plan_free(p);
  return rc;
}

/* ------------------------------------------------------------ dump */

static int cmd_dump(int argc, char **argv) {
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    if (is_help(argv[i])) {
      fputs(usage_dump, stdout);
      return EXIT_OK;
    }
  }
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-' && argv[i][1]) return usage_error(usage_dump, "unknown option %s", argv[i]);
    if (file) return usage_error(usage_dump, "unexpected argument %s", argv[i]);
    file = argv[i];
  }
  if (!file) return usage_error(usage_dump, "%s", "no FILE given");
  unsigned char *data;
  size_t len;
  int rc = read_all(file, &data, &len, (size_t)1 << 30);
  if (rc) return rc;
  khcn_buf b = KHCN_BUF_INIT;
  khcn_status st = khcn_cbor_dump(&b, data, len);
  free(data);
  if (b.ptr) rc = write_stdout(&b);
  khcn_buf_dispose(&b);
  if (st) {
    fprintf(stderr, "%s: %s: %s\n", prog, file, khcn_error_last()->message);
    return st == KHCN_ENOMEM ? EXIT_IO : EXIT_INVALID;
  }
  return rc;
}

/* ------------------------------------------------------------ tables */

/* display width of UTF-8 text: code points, combining marks excluded */
static size_t width(const char *s) {
  size_t w = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned c = *p;
    size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    uint32_t cp = c;
    if (n == 2) cp = ((c & 0x1f) << 6) | (p[1] & 0x3f);
    else if (n == 3) cp = ((c & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    if (!(cp >= 0x300 && cp <= 0x36f)) w++;
    for (size_t k = 0; k < n && *p; k++) p++;
  }
  return w;
}

/* copy at most `max` display columns of s into out (with "…" when cut) */
static void clip(char *out, size_t outsz, const char *s, size_t max) {
  size_t w = 0, o = 0;
  const unsigned char *p = (const unsigned char *)s;
  if (width(s) <= max) {
    snprintf(out, outsz, "%s", s);
    return;
  }
  while (*p && o + 8 < outsz) {
    unsigned c = *p;
    size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    uint32_t cp = c;
    if (n == 2) cp = ((c & 0x1f) << 6) | (p[1] & 0x3f);
    int comb = n == 2 && cp >= 0x300 && cp <= 0x36f;
    if (!comb && w + 1 >= max) break;
    for (size_t k = 0; k < n && *p; k++) out[o++] = (char)*p++;
    if (!comb) w++;
  }
  memcpy(out + o, "\xe2\x80\xa6", 4); /* … */
}

typedef struct table {
  size_t ncol, nrow, cap;
  const char **head;
  int *right;
  char **cells; /* nrow * ncol, malloc'd */
} table;

static void t_init(table *t, size_t ncol, const char **head, int *right) {
  memset(t, 0, sizeof *t);
  t->ncol = ncol;
  t->head = head;
  t->right = right;
}

static void t_row(table *t, char **vals) {
  if (t->nrow == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 64;
    char **n = realloc(t->cells, nc * t->ncol * sizeof *n);
    if (!n) {
      fprintf(stderr, "%s: out of memory\n", prog);
      exit(EXIT_IO);
    }
    t->cells = n;
    t->cap = nc;
  }
  for (size_t c = 0; c < t->ncol; c++) {
    char *s = strdup(vals[c] ? vals[c] : "");
    if (!s) {
      fprintf(stderr, "%s: out of memory\n", prog);
      exit(EXIT_IO);
    }
    t->cells[t->nrow * t->ncol + c] = s;
  }
  t->nrow++;
}

static void csv_cell(FILE *f, const char *s) {
  if (strpbrk(s, ",\"\n\r")) {
    fputc('"', f);
    for (; *s; s++) {
      if (*s == '"') fputc('"', f);
      fputc(*s, f);
    }
    fputc('"', f);
  } else {
    fputs(s, f);
  }
}

static void json_str(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c < 0x20) fprintf(f, "\\u%04x", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

enum { FMT_TEXT, FMT_JSON, FMT_CSV };

/* json: numeric-looking cells (per column flag) are written as numbers */
static void t_print(table *t, const char *title, int fmt, int *first_table) {
  if (fmt == FMT_TEXT) {
    size_t *w = calloc(t->ncol, sizeof *w);
    if (!w) exit(EXIT_IO);
    for (size_t c = 0; c < t->ncol; c++) {
      w[c] = width(t->head[c]);
      for (size_t r = 0; r < t->nrow; r++) {
        size_t cw = width(t->cells[r * t->ncol + c]);
        if (cw > w[c]) w[c] = cw;
      }
    }
    printf("%s%s\n", *first_table ? "" : "\n", title);
    for (int pass = 0; pass < 2; pass++) {
      for (size_t c = 0; c < t->ncol; c++) {
        const char *s = t->head[c];
        size_t pad = w[c] - width(s);
        if (pass == 1) {
          for (size_t k = 0; k < w[c]; k++) fputc('-', stdout);
        } else if (t->right[c]) {
          printf("%*s%s", (int)pad, "", s);
        } else {
          printf("%s%*s", s, c + 1 < t->ncol ? (int)pad : 0, "");
        }
        if (c + 1 < t->ncol) fputs("  ", stdout);
      }
      fputc('\n', stdout);
    }
    for (size_t r = 0; r < t->nrow; r++) {
      for (size_t c = 0; c < t->ncol; c++) {
        const char *s = t->cells[r * t->ncol + c];
        size_t pad = w[c] - width(s);
        if (t->right[c]) printf("%*s%s", (int)pad, "", s);
        else printf("%s%*s", s, c + 1 < t->ncol ? (int)pad : 0, "");
        if (c + 1 < t->ncol) fputs("  ", stdout);
      }
      fputc('\n', stdout);
    }
    free(w);
  } else if (fmt == FMT_CSV) {
    if (!*first_table) fputc('\n', stdout);
    printf("# %s\n", title);
    for (size_t c = 0; c < t->ncol; c++) {
      if (c) fputc(',', stdout);
      csv_cell(stdout, t->head[c]);
    }
    fputc('\n', stdout);
    for (size_t r = 0; r < t->nrow; r++) {
      for (size_t c = 0; c < t->ncol; c++) {
        if (c) fputc(',', stdout);
        csv_cell(stdout, t->cells[r * t->ncol + c]);
      }
      fputc('\n', stdout);
    }
  } else {
    printf("%s  ", *first_table ? "" : ",\n");
    json_str(stdout, title);
    printf(": [");
    for (size_t r = 0; r < t->nrow; r++) {
      printf("%s\n    {", r ? "," : "");
      for (size_t c = 0; c < t->ncol; c++) {
        const char *s = t->cells[r * t->ncol + c];
        if (c) fputs(", ", stdout);
        json_str(stdout, t->head[c]);
        fputs(": ", stdout);
        if (!*s) fputs("null", stdout);
        else if (t->right[c]) {
          char *end;
          double v = strtod(s, &end);
          if (*end == 0 && isfinite(v)) fputs(s, stdout);
          else json_str(stdout, s);
        } else json_str(stdout, s);
      }
      fputc('}', stdout);
    }
    printf("%s]", t->nrow ? "\n  " : "");
  }
  *first_table = 0;
  for (size_t i = 0; i < t->nrow * t->ncol; i++) free(t->cells[i]);
  free(t->cells);
  t->cells = NULL;
  t->nrow = t->cap = 0;
}

static void fmt_num(char *out, size_t n, double v, int fmt) {
  if (isnan(v)) {
    out[0] = 0;
    return;
  }
  if (fmt == FMT_TEXT) {
    double a = fabs(v);
    if (a != 0 && (a >= 1e9 || a < 1e-3)) snprintf(out, n, "%.3g", v);
    else if (v == floor(v)) snprintf(out, n, "%.0f", v);
    else snprintf(out, n, "%.4g", v);
  } else {
    snprintf(out, n, "%.17g", v);
    /* shortest representation that round-trips */
    for (int p = 1; p <= 17; p++) {
      char tmp[40];
      snprintf(tmp, sizeof tmp, "%.*g", p, v);
      if (strtod(tmp, NULL) == v) {
        snprintf(out, n, "%s", tmp);
        break;
      }
    }
  }
}

static void fmt_pct(char *out, size_t n, double v, int fmt) {
  if (isnan(v)) {
    out[0] = 0;
    return;
  }
  if (fmt == FMT_TEXT) snprintf(out, n, "%.1f%%", v * 100);
  else fmt_num(out, n, v, fmt);
}

static const char *target_text(char *buf, size_t n, const khcn_indicator *ind, size_t j, int fmt) {
  khcn_target t;
  if (j == SIZE_MAX || khcn_indicator_target_at(ind, j, &t) != KHCN_OK) return "";
  char v[40], hi[40];
  fmt_num(v, sizeof v, t.value, fmt);
  fmt_num(hi, sizeof hi, t.hi, fmt);
  const char *c = khcn_comparator_name(t.comparator);
  char yr[16];
  if (t.year) snprintf(yr, sizeof yr, "by %d", t.year);
  else snprintf(yr, sizeof yr, "every year");
  switch (t.comparator) {
  case KHCN_CMP_AT_LEAST: snprintf(buf, n, ">= %s %s", v, yr); break;
  case KHCN_CMP_AT_MOST: snprintf(buf, n, "<= %s %s", v, yr); break;
  case KHCN_CMP_RANGE: snprintf(buf, n, "%s..%s %s", v, hi, yr); break;
  case KHCN_CMP_APPROX: snprintf(buf, n, "~%s %s", v, yr); break;
  case KHCN_CMP_GROWTH: snprintf(buf, n, "+%s/yr %s", v, yr); break;
  case KHCN_CMP_MULTIPLE: snprintf(buf, n, "x%s of %d %s", v, t.base_year, yr); break;
  default: snprintf(buf, n, "%s %s %s", c ? c : "?", v, yr); break;
  }
  return buf;
}

static int parse_year(const char *s, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == 0 || *end || v < 1900 || v > 2200) return -1;
  *out = (int)v;
  return 0;
}

static int parse_fmt(const char *s, int *out) {
  if (strcmp(s, "text") == 0) *out = FMT_TEXT;
  else if (strcmp(s, "json") == 0) *out = FMT_JSON;
  else if (strcmp(s, "csv") == 0) *out = FMT_CSV;
  else return -1;
  return 0;
}

static const char *node_label(const khcn_node *n, char *buf, size_t sz) {
  const char *l = khcn_node_label(n);
  char t[160];
  clip(t, sizeof t, khcn_node_title(n), 48);
  if (l) snprintf(buf, sz, "%s %s", l, t);
  else snprintf(buf, sz, "%s", t);
  return buf;
}

static void report_tables(const khcn_eval *ev, int fmt, int what, int *first) {
  const khcn_plan *p = khcn_eval_plan(ev);
  char b[16][256];
  char *row[16];
  for (int i = 0; i < 16; i++) row[i] = b[i];
  int clipw = fmt == FMT_TEXT ? 40 : 100000;
  if (what & 1) {
    static const char *head[] = {"id", "indicator", "unit", "year", "value", "target", "attainment", "status", "projected"};
    static int right[] = {0, 0, 0, 1, 1, 0, 1, 0, 1};
    table t;
    t_init(&t, 9, head, right);
    size_t n = khcn_eval_indicator_count(ev);
    for (size_t i = 0; i < n; i++) {
      khcn_result r;
      if (khcn_eval_indicator(ev, i, &r) != KHCN_OK) continue;
      const khcn_indicator *ind = khcn_plan_indicator_at(p, i);
      snprintf(b[0], 256, "%s", khcn_indicator_id(ind));
      clip(b[1], 256, khcn_indicator_name(ind), (size_t)clipw);
      clip(b[2], 256, khcn_indicator_unit(ind), fmt == FMT_TEXT ? 12 : 100000);
      if (r.year) snprintf(b[3], 256, "%d", r.year);
      else b[3][0] = 0;
      fmt_num(b[4], 256, r.value, fmt);
      target_text(b[5], 256, ind, r.target, fmt);
      if (r.target == SIZE_MAX) b[5][0] = 0;
      fmt_pct(b[6], 256, r.attainment, fmt);
      snprintf(b[7], 256, "%s", khcn_progress_name(r.status) ? khcn_progress_name(r.status) : "");
      fmt_num(b[8], 256, r.projected, fmt);
      t_row(&t, row);
    }
    t_print(&t, "indicators", fmt, first);
  }
  if (what & 2) {
    static const char *head[] = {"id", "type", "node", "score", "coverage", "assessed", "achieved", "status"};
    static int right[] = {0, 0, 0, 1, 1, 1, 1, 0};
    table t;
    t_init(&t, 8, head, right);
    size_t n = khcn_eval_node_count(ev);
    for (size_t i = 0; i < n; i++) {
      khcn_node_result r;
      if (khcn_eval_node(ev, i, &r) != KHCN_OK) continue;
      const khcn_node *nd = i < khcn_plan_node_count(p) ? khcn_plan_node_at(p, i) : NULL;
      snprintf(b[0], 256, "%s", nd ? khcn_node_id(nd) : khcn_plan_id(p));
      snprintf(b[1], 256, "%s", nd ? khcn_node_type_name(khcn_node_type_of(nd)) : "plan");
      if (nd) node_label(nd, b[2], 256);
      else clip(b[2], 256, khcn_plan_text(p, KHCN_PLAN_TITLE) ? khcn_plan_text(p, KHCN_PLAN_TITLE) : "(plan)", 48);
      fmt_num(b[3], 256, r.score, fmt);
      fmt_pct(b[4], 256, r.coverage, fmt);
      snprintf(b[5], 256, "%zu/%zu", r.assessed, r.children);
      snprintf(b[6], 256, "%zu", r.achieved);
      snprintf(b[7], 256, "%s", khcn_progress_name(r.status) ? khcn_progress_name(r.status) : "");
      if (fmt != FMT_TEXT) snprintf(b[5], 256, "%zu", r.assessed);
      t_row(&t, row);
    }
    t_print(&t, "nodes", fmt, first);
  }
  if (what & 4) {
    static const char *head[] = {"id", "agency", "score", "coverage", "roles", "lagging", "status"};
    static int right[] = {0, 0, 1, 1, 1, 1, 0};
    table t;
    t_init(&t, 7, head, right);
    size_t n = khcn_eval_agency_count(ev);
    for (size_t i = 0; i < n; i++) {
      khcn_agency_result r;
      if (khcn_eval_agency(ev, i, &r) != KHCN_OK) continue;
      const khcn_agency *a = khcn_plan_agency_at(p, i);
      snprintf(b[0], 256, "%s", khcn_agency_id(a));
      clip(b[1], 256, khcn_agency_short_name(a) ? khcn_agency_short_name(a) : khcn_agency_name(a), (size_t)clipw);
      fmt_num(b[2], 256, r.score, fmt);
      fmt_pct(b[3], 256, r.coverage, fmt);
      snprintf(b[4], 256, "%zu", r.roles);
      snprintf(b[5], 256, "%zu", r.lagging);
      snprintf(b[6], 256, "%s", khcn_progress_name(r.status) ? khcn_progress_name(r.status) : "");
      t_row(&t, row);
    }
    t_print(&t, "agencies", fmt, first);
  }
}

static int cmd_report(int argc, char **argv) {
  const char *file = NULL;
  int as_of = 0, fmt = FMT_TEXT, what = 7;
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) {
      fputs(usage_report, stdout);
      return EXIT_OK;
    }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--as-of") == 0 || strcmp(a, "--format") == 0 || strcmp(a, "--what") == 0) {
      if (i + 1 >= argc) return usage_error(usage_report, "%s needs a value", a);
      const char *v = argv[++i];
      if (a[2] == 'a' && parse_year(v, &as_of) < 0) return usage_error(usage_report, "bad year %s", v);
      if (a[2] == 'f' && parse_fmt(v, &fmt) < 0) return usage_error(usage_report, "unknown format %s", v);
      if (a[2] == 'w') {
        if (strcmp(v, "indicators") == 0) what = 1;
        else if (strcmp(v, "nodes") == 0) what = 2;
        else if (strcmp(v, "agencies") == 0) what = 4;
        else if (strcmp(v, "all") == 0) what = 7;
        else return usage_error(usage_report, "unknown --what %s", v);
      }
    } else if (a[0] == '-' && a[1]) return usage_error(usage_report, "unknown option %s", a);
    else if (file) return usage_error(usage_report, "unexpected argument %s", a);
    else file = a;
  }
  if (!file) return usage_error(usage_report, "%s", "no FILE given");
  khcn_diags *d;
  if (khcn_diags_new(&d)) return EXIT_IO;
  khcn_plan *p = NULL;
  int rc = load(file, &p, 0, KHCN_FORMAT_AUTO, d, 1, stderr);
  if (rc) {
    khcn_diags_free(d);
    return rc;
  }
  khcn_eval_options o;
  if (khcn_eval_options_init(&o, KHCN_EVAL_OPTIONS_VERSION) != KHCN_OK) {
    khcn_plan_free(p);
    khcn_diags_free(d);
    return EXIT_INVALID;
  }
  o.as_of = as_of;
  khcn_eval *ev = NULL;
  khcn_diags_clear(d);
  khcn_status st = khcn_evaluate(&ev, p, &o, d);
  if (st) {
    fprintf(stderr, "%s: %s: %s\n", prog, file, khcn_error_last()->message);
    khcn_plan_free(p);
    khcn_diags_free(d);
    return EXIT_INVALID;
  }
  int first = 1;
  if (fmt == FMT_TEXT) {
    const char *title = khcn_plan_text(p, KHCN_PLAN_TITLE);
    printf("Plan %s%s%s, evaluated as of %d\n", khcn_plan_id(p), title ? ": " : "", title ? title : "",
           khcn_eval_as_of(ev));
    khcn_node_result pr;
    if (khcn_eval_plan_result(ev, &pr) == KHCN_OK) {
      char s[40];
      fmt_num(s, sizeof s, pr.score, FMT_TEXT);
      printf("Overall: score %s, status %s, %zu of %zu items assessed, %zu achieved\n", s[0] ? s : "n/a",
             khcn_progress_name(pr.status) ? khcn_progress_name(pr.status) : "?", pr.assessed, pr.children,
             pr.achieved);
    }
    first = 0;
    printf("\n");
    first = 1;
  } else if (fmt == FMT_JSON) {
    printf("{\n  \"plan\": ");
    json_str(stdout, khcn_plan_id(p));
    printf(",\n  \"as_of\": %d", khcn_eval_as_of(ev));
    first = 0;
  }
  report_tables(ev, fmt, what, &first);
  if (fmt == FMT_JSON) printf("\n}\n");
  print_diags(stderr, file, d, NULL, 0, 0, KHCN_SEV_WARNING);
  khcn_eval_free(ev);
  khcn_plan_free(p);
  khcn_diags_free(d);
  if (fflush(stdout) != 0) return EXIT_IO;
  return EXIT_OK;
}

/* ------------------------------------------------------------ whatif */

/* split "kind:a:b=v" into parts; returns the number of ':'-parts before '=' */
static int split_edit(char *s, char **parts, int max, char **value) {
  *value = NULL;
  char *eq = strchr(s, '=');
  if (eq) {
    *eq = 0;
    *value = eq + 1;
  }
  int n = 0;
  char *p = s;
  while (n < max) {
    parts[n++] = p;
    char *c = strchr(p, ':');
    if (!c) break;
    *c = 0;
    p = c + 1;
  }
  return n;
}

static int num_arg(const char *s, double *out) {
  char *end;
  if (!s || !*s) return -1;
  *out = strtod(s, &end);
  return (*end || !isfinite(*out)) ? -1 : 0;
}

static int add_edit(khcn_scenario *sc, const char *arg) {
  char buf[512];
  snprintf(buf, sizeof buf, "%s", arg);
  char *parts[5], *val;
  int n = split_edit(buf, parts, 5, &val);
  const char *k = parts[0];
  double v = 0;
  int y = 0;
  khcn_status st = KHCN_EINVAL;
  if (strcmp(k, "obs") == 0 && n == 3 && parse_year(parts[2], &y) == 0 && num_arg(val, &v) == 0)
    st = khcn_scenario_set_observation(sc, parts[1], y, v);
  else if (strcmp(k, "noobs") == 0 && n == 3 && !val && parse_year(parts[2], &y) == 0)
    st = khcn_scenario_remove_observation(sc, parts[1], y);
  else if (strcmp(k, "target") == 0 && n == 3 && num_arg(val, &v) == 0)
    st = khcn_scenario_set_target_value(sc, parts[1], (size_t)strtoul(parts[2], NULL, 10), v);
  else if (strcmp(k, "target-year") == 0 && n == 3 && val && parse_year(val, &y) == 0)
    st = khcn_scenario_set_target_year(sc, parts[1], (size_t)strtoul(parts[2], NULL, 10), y);
  else if (strcmp(k, "growth") == 0 && n == 3 && parse_year(parts[2], &y) == 0 && num_arg(val, &v) == 0)
    st = khcn_scenario_assume_growth(sc, parts[1], y, v);
  else if (strcmp(k, "weight") == 0 && n == 2 && num_arg(val, &v) == 0)
    st = khcn_scenario_set_node_weight(sc, parts[1], v);
  else if (strcmp(k, "link") == 0 && n == 3 && num_arg(val, &v) == 0)
    st = khcn_scenario_set_link_weight(sc, parts[1], parts[2], v);
  else if ((strcmp(k, "assign") == 0 || strcmp(k, "unassign") == 0) && n == 3 && val) {
    khcn_role role;
    if (khcn_role_parse(&role, val) != KHCN_OK) {
      fprintf(stderr, "%s: %s: unknown role %s\n", prog, arg, val);
      return EXIT_USAGE;
    }
    const char *task = strcmp(parts[1], "-") == 0 ? NULL : parts[1];
    st = k[0] == 'a' ? khcn_scenario_assign(sc, task, parts[2], role)
                     : khcn_scenario_unassign(sc, task, parts[2], role);
  } else {
    fprintf(stderr, "%s: cannot parse the edit \"%s\"\n%s", prog, arg, usage_whatif);
    return EXIT_USAGE;
  }
  if (st) {
    fprintf(stderr, "%s: edit \"%s\": %s\n", prog, arg, khcn_error_last()->message);
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

static int cmd_whatif(int argc, char **argv) {
  const char *file = NULL, *save = NULL;
  int as_of = 0, fmt = FMT_TEXT;
  for (int i = 1; i < argc; i++)
    if (is_help(argv[i])) {
      fputs(usage_whatif, stdout);
      return EXIT_OK;
    }
  khcn_scenario *sc = NULL;
  if (khcn_scenario_new(&sc)) return EXIT_IO;
  int rc = EXIT_OK;
  for (int i = 1; i < argc && rc == EXIT_OK; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--as-of") == 0 || strcmp(a, "--format") == 0 || strcmp(a, "--save") == 0) {
      if (i + 1 >= argc) {
        rc = usage_error(usage_whatif, "%s needs a value", a);
        break;
      }
      const char *v = argv[++i];
      if (a[2] == 'a' && parse_year(v, &as_of) < 0) rc = usage_error(usage_whatif, "bad year %s", v);
      if (a[2] == 'f' && parse_fmt(v, &fmt) < 0) rc = usage_error(usage_whatif, "unknown format %s", v);
      if (a[2] == 's') save = v;
    } else if (a[0] == '-' && a[1]) {
      rc = usage_error(usage_whatif, "unknown option %s", a);
    } else if (!file) {
      file = a;
    } else {
      rc = add_edit(sc, a);
    }
  }
  if (rc == EXIT_OK && !file) rc = usage_error(usage_whatif, "%s", "no FILE given");
  if (rc == EXIT_OK && khcn_scenario_edit_count(sc) == 0) rc = usage_error(usage_whatif, "%s", "no EDIT given");
  if (rc) {
    khcn_scenario_free(sc);
    return rc;
  }
  khcn_diags *d;
  if (khcn_diags_new(&d)) {
    khcn_scenario_free(sc);
    return EXIT_IO;
  }
  khcn_plan *p = NULL;
  rc = load(file, &p, 0, KHCN_FORMAT_AUTO, d, 1, stderr);
  khcn_eval *base = NULL, *after = NULL;
  khcn_diff *df = NULL;
  if (rc == EXIT_OK) {
    khcn_eval_options o;
    khcn_status st = khcn_eval_options_init(&o, KHCN_EVAL_OPTIONS_VERSION);
    o.as_of = as_of;
    if (!st) st = khcn_evaluate(&base, p, &o, NULL);
    if (!st) st = khcn_scenario_evaluate(&after, base, sc);
    if (!st) st = khcn_eval_diff(&df, base, after);
    if (st) {
      fprintf(stderr, "%s: %s\n", prog, khcn_error_last()->message);
      rc = st == KHCN_ENOMEM ? EXIT_IO : EXIT_INVALID;
    }
  }
  if (rc == EXIT_OK) {
    static const char *head[] = {"kind", "id", "before", "after", "delta", "status before", "status after"};
    static int right[] = {0, 0, 1, 1, 1, 0, 0};
    table t;
    t_init(&t, 7, head, right);
    char b[7][256];
    char *row[7];
    for (int i = 0; i < 7; i++) row[i] = b[i];
    size_t n = khcn_diff_count(df);
    for (size_t i = 0; i < n; i++) {
      khcn_diff_entry e;
      if (khcn_diff_at(df, i, &e) != KHCN_OK) continue;
      const char *id = "?";
      const char *kind = "?";
      if (e.kind == KHCN_DIFF_INDICATOR) {
        kind = "indicator";
        id = khcn_indicator_id(khcn_plan_indicator_at(p, e.index));
      } else if (e.kind == KHCN_DIFF_NODE) {
        if (e.index < khcn_plan_node_count(p)) {
          const khcn_node *nd = khcn_plan_node_at(p, e.index);
          kind = khcn_node_type_name(khcn_node_type_of(nd));
          id = khcn_node_id(nd);
        } else {
          kind = "plan";
          id = khcn_plan_id(p);
        }
      } else {
        kind = "agency";
        id = khcn_agency_id(khcn_plan_agency_at(p, e.index));
      }
      snprintf(b[0], 256, "%s", kind);
      snprintf(b[1], 256, "%s", id ? id : "?");
      fmt_num(b[2], 256, e.before, fmt);
      fmt_num(b[3], 256, e.after, fmt);
      fmt_num(b[4], 256, e.delta, fmt);
      if (fmt == FMT_TEXT && e.delta > 0) {
        memmove(b[4] + 1, b[4], strlen(b[4]) + 1 < 255 ? strlen(b[4]) + 1 : 254);
        b[4][0] = '+';
        b[4][255] = 0;
      }
      snprintf(b[5], 256, "%s", khcn_progress_name(e.status_before) ? khcn_progress_name(e.status_before) : "");
      snprintf(b[6], 256, "%s", khcn_progress_name(e.status_after) ? khcn_progress_name(e.status_after) : "");
      t_row(&t, row);
    }
    int first = 1;
    if (fmt == FMT_TEXT)
      printf("What-if on %s as of %d: %zu edit%s, %zu item%s changed\n\n", file, khcn_eval_as_of(base),
             khcn_scenario_edit_count(sc), khcn_scenario_edit_count(sc) == 1 ? "" : "s", n, n == 1 ? "" : "s");
    else if (fmt == FMT_JSON) {
      printf("{\n  \"as_of\": %d", khcn_eval_as_of(base));
      first = 0;
    }
    t_print(&t, "changes", fmt, &first);
    if (fmt == FMT_JSON) printf("\n}\n");
    if (save) {
      khcn_status st = khcn_scenario_apply(p, sc);
      if (!st) st = khcn_plan_save(p, save);
      if (st) {
        fprintf(stderr, "%s: %s: %s\n", prog, save, khcn_error_last()->message);
        rc = st == KHCN_EIO ? EXIT_IO : EXIT_INVALID;
      }
    }
  }
  khcn_diff_free(df);
  khcn_eval_free(after);
  khcn_eval_free(base);
  khcn_plan_free(p);
  khcn_scenario_free(sc);
  khcn_diags_free(d);
  if (fflush(stdout) != 0) return EXIT_IO;
  return rc;
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_main, stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (is_help(cmd) || strcmp(cmd, "help") == 0) {
    fputs(usage_main, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("khcn (libkhcn) %s, format %d.%d\n", khcn_version_string(), KHCN_FORMAT_MAJOR, KHCN_FORMAT_MINOR);
    return EXIT_OK;
  }
  if (strcmp(cmd, "validate") == 0) return cmd_validate(argc - 1, argv + 1);
  if (strcmp(cmd, "convert") == 0) return cmd_convert(argc - 1, argv + 1);
  if (strcmp(cmd, "dump") == 0) return cmd_dump(argc - 1, argv + 1);
  if (strcmp(cmd, "report") == 0) return cmd_report(argc - 1, argv + 1);
  if (strcmp(cmd, "whatif") == 0) return cmd_whatif(argc - 1, argv + 1);
  fprintf(stderr, "%s: unknown command \"%s\"\n%s", prog, cmd, usage_main);
  return EXIT_USAGE;
}
