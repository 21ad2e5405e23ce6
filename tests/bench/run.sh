#!/bin/sh
# Run the engine benchmark: tests/bench/run.sh [path/to/bench] [options]
# Prints one JSON object per line.  One core: pinned with taskset when present.
BIN=${1:-tests/bench/bench}
[ $# -gt 0 ] && shift
if command -v taskset >/dev/null 2>&1; then
  exec taskset -c 0 "$BIN" "$@"
fi
exec "$BIN" "$@"
