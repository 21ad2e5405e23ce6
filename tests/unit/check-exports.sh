#!/bin/sh
# Only khcn_-prefixed symbols are exported by the shared library.
lib="${KHCN_BUILDDIR:-.}/.libs/libkhcn.so"
[ -f "$lib" ] || { echo "no $lib"; exit 1; }
total=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^_' | wc -l)
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v -E '^(khcn_[^_]|_init$|_fini$|_edata$|_end$|__bss_start$)' || true)
if [ -n "$bad" ]; then echo "symbols exported without the khcn_ prefix:"; echo "$bad"; exit 1; fi
echo "check-exports: $total exported symbols, all khcn_-prefixed"
echo "1 passed, 0 failed"
