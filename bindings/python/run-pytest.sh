#!/bin/sh
# make check: the Python binding tests, with pytest, against the in-tree
# module (the staging package <builddir>/bindings/python/stage/khcn).
# The harness exports KHCN_SRCDIR, KHCN_BUILDDIR and PYTHON.
: "${KHCN_SRCDIR:?run from make check}" "${KHCN_BUILDDIR:?run from make check}"
PYTHON=${PYTHON:-/usr/bin/python3}
PYTHONPATH="$KHCN_BUILDDIR/bindings/python/stage${PYTHONPATH:+:$PYTHONPATH}"
LD_LIBRARY_PATH="$KHCN_BUILDDIR/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
MPLBACKEND=Agg
PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH LD_LIBRARY_PATH MPLBACKEND PYTHONDONTWRITEBYTECODE
cd "$KHCN_BUILDDIR/bindings/python/stage" || exit 99   # not next to the source package khcn/
"$PYTHON" -c "import pytest" 2>/dev/null || { echo "SKIP: pytest not installed (Debian: python3-pytest)"; exit 77; }
exec "$PYTHON" -m pytest -q -rs -p no:cacheprovider "$KHCN_SRCDIR/bindings/python/tests"
