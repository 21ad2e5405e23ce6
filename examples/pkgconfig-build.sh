#!/bin/sh
# Build examples/plan_basics.c against the *installed* libkhcn through
# pkg-config, as an application would, and run it.  Skipped (77) when no
# libkhcn of this version is installed (run the Quick start first).
src="${KHCN_SRCDIR:-.}/examples/plan_basics.c"
want=$(sed -n 's/^#define KHCN_VERSION_STRING "\(.*\)"/\1/p' "${KHCN_BUILDDIR:-.}/libkhcn/include/khcn/version.h")
have=$(pkg-config --modversion libkhcn 2>/dev/null)
if [ -z "$have" ] || [ "$have" != "$want" ]; then
  echo "libkhcn $want is not installed (pkg-config says '${have:-nothing}'): skipped"
  exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$src" $(pkg-config --cflags --libs libkhcn) -o "$tmp/plan_basics" || exit 1
"$tmp/plan_basics" || exit 1
echo "pkgconfig-build: built and ran plan_basics against the installed libkhcn $have"
echo "1 passed, 0 failed"
