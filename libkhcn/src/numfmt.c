/* Shortest round-trip decimal representation of doubles.
 *
 * Fast path: most plan values are short decimals (1.2, 0.05, 1716).  For
 * k = 0..15, m = round(|d| x 10^k); if m < 2^53 and m / 10^k == |d| (one
 * correctly rounded IEEE division, which is what a correct decimal parser
 * returns for "m e-k"), then m x 10^-k is the answer with the fewest
 * fractional digits; it is also the shortest because any shorter digit
 * string would be an m' x 10^-k' with k' < k, already tried.
 * Slow path: printf %.{p}e for p = 0..16, the first that strtod reads back
 * exactly (correct on glibc, which prints exactly-rounded decimals). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal/util.h"

static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                             1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

int khcn__u64_digits(uint64_t m, char *buf) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
  return n;
}

int khcn__shortest_digits(double d, char *buf, int *exp10) {
  double a = fabs(d);
  if (a == 0.0) {
    buf[0] = '0';
    buf[1] = '\0';
    *exp10 = 0;
    return 1;
  }
  if (a < 9007199254740992.0 && a >= 1e-7) {
    for (int k = 0; k < 16; k++) {
      double s = a * p10[k];
      if (s >= 9007199254740992.0) break;
      double m = nearbyint(s);
      if (m / p10[k] == a) {
        uint64_t mi = (uint64_t)m;
        int e = -k;
        while (mi != 0 && mi % 10 == 0) { /* only possible when k == 0 */
          mi /= 10;
          e++;
        }
        *exp10 = e;
        return khcn__u64_digits(mi, buf);
      }
    }
  }
  char tmp[40];
  for (int p = 0; p <= 16; p++) {
    snprintf(tmp, sizeof tmp, "%.*e", p, a);
    if (strtod(tmp, NULL) == a) break;
  }
  /* tmp is "D.DDDDe±XX" */
  int n = 0;
  char *e = strchr(tmp, 'e');
  for (char *q = tmp; q < e; q++)
    if (*q != '.') buf[n++] = *q;
  buf[n] = '\0';
  int x = atoi(e + 1);
  while (n > 1 && buf[n - 1] == '0') {
    buf[--n] = '\0';
  }
  *exp10 = x - (n - 1);
  return n;
}

void khcn__sb_decimal(khcn__sb *sb, int negative, const char *digits, int n, int e) {
  char out[64];
  int o = 0;
  if (negative && !(n == 1 && digits[0] == '0')) out[o++] = '-';
  if (e >= 0 && n + e <= 21) {
    memcpy(out + o, digits, (size_t)n);
    o += n;
    for (int i = 0; i < e; i++) out[o++] = '0';
  } else if (e < 0 && -e < n) {
    int ip = n + e;
    memcpy(out + o, digits, (size_t)ip);
    o += ip;
    out[o++] = '.';
    memcpy(out + o, digits + ip, (size_t)(n - ip));
    o += n - ip;
  } else if (e < 0 && -e - n <= 6) {
    out[o++] = '0';
    out[o++] = '.';
    for (int i = 0; i < -e - n; i++) out[o++] = '0';
    memcpy(out + o, digits, (size_t)n);
    o += n;
  } else {
    out[o++] = digits[0];
    if (n > 1) {
      out[o++] = '.';
      memcpy(out + o, digits + 1, (size_t)(n - 1));
      o += n - 1;
    }
    o += snprintf(out + o, sizeof out - (size_t)o, "e%d", e + n - 1);
  }
  khcn__sb_putn(sb, out, (size_t)o);
}

void khcn__sb_double(khcn__sb *sb, double d) {
  char digits[32];
  int e;
  int n = khcn__shortest_digits(d, digits, &e);
  khcn__sb_decimal(sb, d < 0, digits, n, e);
}
