/*
 * Internal utilities: the allocator (with its failure-injection hook), the
 * thread-local error, an arena, a growable vector, a string map, a string
 * builder, UTF-8 and id checks, shortest round-trip number formatting.
 */
#ifndef KHCN_INTERNAL_UTIL_H
#define KHCN_INTERNAL_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "khcn/common.h"
#include "khcn/diag.h"

#if defined(__GNUC__) || defined(__clang__)
# define KHCN__PRINTF(a, b) __attribute__((format(printf, a, b)))
# define KHCN__UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
# define KHCN__PRINTF(a, b)
# define KHCN__UNLIKELY(x) (x)
#endif

/* ---- allocation: every allocation of the library goes through these ---- */
void *khcn__malloc(size_t n);
void *khcn__calloc(size_t n, size_t size);
void *khcn__realloc(void *p, size_t n);
void khcn__free(void *p);
char *khcn__strdup(const char *s); /* khcn__malloc'd */
/* Failure injection for tests (thread-local, so tests may run in threads):
 * after n more successful allocations, every allocation fails until reset
 * with n < 0.  Returns the number of allocations made since the last call. */
KHCN_EXTERN long khcn__test_fail_alloc_after(long n);

/* ---- errors ---- */
/* Set this thread's error and return code (for `return khcn__err(...)`). */
khcn_status khcn__err(int code, const char *fmt, ...) KHCN__PRINTF(2, 3);
khcn_status khcn__err_at(int code, size_t offset, const char *path, const char *fmt, ...) KHCN__PRINTF(4, 5);
/* ENOMEM with a message naming what was being allocated. */
khcn_status khcn__nomem(const char *what);

/* ---- arena: bump allocator, stable addresses, freed at once ---- */
typedef struct khcn__arena_chunk khcn__arena_chunk;
typedef struct khcn__arena {
  khcn__arena_chunk *head;
  size_t used, cap;
} khcn__arena;
void *khcn__arena_alloc(khcn__arena *a, size_t n);          /* 8-aligned, zeroed; NULL + error on ENOMEM */
const char *khcn__arena_strdup(khcn__arena *a, const char *s); /* NULL in -> NULL out (no error) */
const char *khcn__arena_strndup(khcn__arena *a, const char *s, size_t n);
void khcn__arena_free(khcn__arena *a);

/* ---- vector of fixed-size elements ---- */
typedef struct khcn__vec {
  void *data;
  size_t len, cap, elem;
} khcn__vec;
#define KHCN__VEC_INIT(T) { NULL, 0, 0, sizeof(T) }
khcn_status khcn__vec_reserve(khcn__vec *v, size_t n);
khcn_status khcn__vec_push(khcn__vec *v, const void *elem);
void khcn__vec_remove(khcn__vec *v, size_t i);
void khcn__vec_shrink(khcn__vec *v); /* capacity = length (best effort) */
void khcn__vec_free(khcn__vec *v);
#define KHCN__VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* ---- map from NUL-terminated string keys (not copied) to pointers ---- */
typedef struct khcn__map {
  const char **keys;
  void **vals;
  size_t cap, len;
} khcn__map;
khcn_status khcn__map_put(khcn__map *m, const char *key, void *val); /* replaces */
/* Insert key unless present, in one probe: KHCN_EEXISTS (no error message
 * set) when it is, KHCN_OK when inserted, or ENOMEM. */
khcn_status khcn__map_add(khcn__map *m, const char *key, void *val);
/* Make room for n entries in all without growing (ENOMEM leaves m as it was). */
khcn_status khcn__map_reserve(khcn__map *m, size_t n);
void *khcn__map_get(const khcn__map *m, const char *key);
void khcn__map_free(khcn__map *m);
uint64_t khcn__hash(const char *s);

/* ---- string builder (khcn__malloc'd, always NUL-terminated) ---- */
typedef struct khcn__sb {
  char *ptr;
  size_t len, cap;
  int failed; /* sticky ENOMEM */
} khcn__sb;
#define KHCN__SB_INIT { NULL, 0, 0, 0 }
void khcn__sb_putn(khcn__sb *sb, const char *s, size_t n);
void khcn__sb_puts(khcn__sb *sb, const char *s);
void khcn__sb_putc(khcn__sb *sb, char c);
void khcn__sb_printf(khcn__sb *sb, const char *fmt, ...) KHCN__PRINTF(2, 3);
/* Append the shortest decimal that reads back as exactly d ("1.5", "1e+21",
 * "0.1"); d must be finite. */
void khcn__sb_double(khcn__sb *sb, double d);
/* Decimal digits of m into buf[>= 21] (NUL-terminated); returns their count. */
int khcn__u64_digits(uint64_t m, char *buf);
/* Append the decimal DIGITS (n of them, no leading zeros) x 10^e, with a
 * minus sign if negative, in the layout of khcn__sb_double. */
void khcn__sb_decimal(khcn__sb *sb, int negative, const char *digits, int n, int e);
/* Move the contents into a khcn_buf (ENOMEM if a put failed). */
khcn_status khcn__sb_finish(khcn__sb *sb, khcn_buf *out);
void khcn__sb_free(khcn__sb *sb);

/* Shortest round-trip decimal of a finite double: writes digits (no sign,
 * no leading zeros) into buf[>= 18] and returns their count; *exp10 is set
 * so that |d| = 0.DIGITS x 10^exp10... no: |d| = DIGITS x 10^exp10. */
int khcn__shortest_digits(double d, char *buf, int *exp10);

/* ---- diagnostics list (internal add) ---- */
khcn_status khcn__diag_add(khcn_diags *d, int code, khcn_severity sev, size_t offset, const char *entity,
                           const char *path, const char *fmt, ...) KHCN__PRINTF(7, 8);

/* ---- checks ---- */
int khcn__year_valid(long y); /* 1900..2200 */
/* khcn_id_valid() of n bytes (no NUL needed): [A-Za-z0-9][A-Za-z0-9._:-]{0,63} */
int khcn__id_valid_n(const char *s, size_t n);
/* EINVAL with a message naming `what` unless s is NULL-or-valid UTF-8 text */
khcn_status khcn__check_text(const char *s, const char *what);
khcn_status khcn__check_id(const char *s, const char *what);

#endif
