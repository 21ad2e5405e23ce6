#!/bin/sh
# The bundled seed plans against their source texts (pytest), and through
# the khcn tool of this build.
src="${KHCN_SRCDIR:-.}"
: "${KHCN_SHARED:=$src/../shared}"
if [ ! -d "$KHCN_SHARED/seeds" ]; then
  echo "seed texts not found at $KHCN_SHARED/seeds (set KHCN_SHARED): skipped"
  exit 77
fi
export KHCN_SHARED
KHCN_TOOL="${KHCN_BUILDDIR:-.}/khcn"
export KHCN_TOOL
exec "${PYTHON:-/usr/bin/python3}" -m pytest -p no:cacheprovider -q "$src/tests/seeds"
