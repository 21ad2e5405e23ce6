/* The library's allocator.  Every allocation goes through here so that
 * tests can make the n-th one fail (thread-local: no global state). */
#include <stdlib.h>
#include <string.h>
#include "internal/util.h"

static _Thread_local long tl_fail_after = -1; /* < 0: never fail */
static _Thread_local long tl_count = 0;

long khcn__test_fail_alloc_after(long n) {
  long c = tl_count;
  tl_fail_after = n;
  tl_count = 0;
  return c;
}

static int should_fail(void) {
  if (KHCN__UNLIKELY(tl_fail_after >= 0)) {
    if (tl_count >= tl_fail_after) return 1;
  }
  tl_count++;
  return 0;
}

void *khcn__malloc(size_t n) {
  if (should_fail()) return NULL;
  return malloc(n ? n : 1);
}

void *khcn__calloc(size_t n, size_t size) {
  if (should_fail()) return NULL;
  return calloc(n ? n : 1, size ? size : 1);
}

void *khcn__realloc(void *p, size_t n) {
  if (should_fail()) return NULL;
  return realloc(p, n ? n : 1);
}

void khcn__free(void *p) { free(p); }

char *khcn__strdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = khcn__malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}
