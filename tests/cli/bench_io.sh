#!/bin/sh
# The reader/writer benchmark (`make bench-io`):
#   tests/cli/bench_io.sh path/to/bench_io [INDICATORS [RUNS]]   (default 1000000 5)
# 1. in one process: CBOR and JSON write and read, median and best of RUNS;
# 2. RUNS fresh processes that each read the CBOR file once: their median;
# 3. cbor2 (python3-cbor2) decoding the same file, and the ratio to step 2.
# One core: pinned with taskset when present.  Prints numbers, asserts none.
set -e
BIN=${1:?usage: bench_io.sh path/to/bench_io [INDICATORS [RUNS]]}
N=${2:-1000000}
RUNS=${3:-5}
PY=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp "${TMPDIR:-/tmp}/khcn-bench-io.XXXXXX")
trap 'rm -f "$OUT"' EXIT INT TERM
PIN=
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 1"

$PIN "$BIN" "$N" 10 "$OUT" "$RUNS"

rates=
i=0
while [ $i -lt "$RUNS" ]; do
  line=$($PIN "$BIN" --read "$OUT")
  rates="$rates $(echo "$line" | sed -n 's/.* = \([0-9]*\) MB\/s$/\1/p')"
  i=$((i + 1))
done
cold=$(printf '%s\n' $rates | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "CBOR read, one per fresh process, $RUNS processes: median $cold MB/s (each:$rates)"

if "$PY" -c 'import cbor2' 2>/dev/null; then
  c2=$($PIN "$PY" "$HERE/bench_cbor2.py" "$OUT" 1)
  echo "$c2"
  rate=$(echo "$c2" | sed -n 's/.* = \([0-9.]*\) MB\/s$/\1/p')
  awk -v a="$cold" -v b="$rate" 'BEGIN {printf "libkhcn reads %.1f times faster than cbor2 (fresh-process median / cbor2)\n", a / b}'
else
  echo "cbor2 is not installed (python3-cbor2): no comparison"
fi
