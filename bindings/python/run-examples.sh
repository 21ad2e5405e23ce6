#!/bin/sh
# make check: run the Python examples and execute the notebooks (through
# nbclient, kernel python3 = this $PYTHON) against the in-tree module; a
# failing cell fails the test.  Executed notebooks go to
# <builddir>/bindings/python/notebooks-out.
: "${KHCN_SRCDIR:?run from make check}" "${KHCN_BUILDDIR:?run from make check}"
PYTHON=${PYTHON:-/usr/bin/python3}
PYTHONPATH="$KHCN_BUILDDIR/bindings/python/stage${PYTHONPATH:+:$PYTHONPATH}"
LD_LIBRARY_PATH="$KHCN_BUILDDIR/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
MPLBACKEND=Agg
PYTHONDONTWRITEBYTECODE=1
KHCN_DATA="$KHCN_SRCDIR/examples/data"
export PYTHONPATH LD_LIBRARY_PATH MPLBACKEND PYTHONDONTWRITEBYTECODE KHCN_DATA
out="$KHCN_BUILDDIR/bindings/python/notebooks-out"
mkdir -p "$out" || exit 99
cd "$out" || exit 99
status=0
for f in "$KHCN_SRCDIR"/examples/python/*.py; do
  [ -f "$f" ] || continue
  echo "== $f"
  if "$PYTHON" "$f" > "$out/$(basename "$f" .py).out" 2>&1; then
    echo "ok: $(basename "$f")"
  else
    cat "$out/$(basename "$f" .py).out"
    echo "FAIL: $(basename "$f")"
    status=1
  fi
done
for nb in "$KHCN_SRCDIR"/examples/notebooks/*.ipynb; do
  [ -f "$nb" ] || continue
  echo "== $nb"
  if "$PYTHON" "$KHCN_SRCDIR/bindings/python/run_notebook.py" "$nb" "$out/$(basename "$nb")"; then
    echo "ok: $(basename "$nb")"
  else
    echo "FAIL: $(basename "$nb")"
    status=1
  fi
done
exit $status
