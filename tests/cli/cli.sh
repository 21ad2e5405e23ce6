#!/bin/bash
# Tests of the khcn command-line tool: commands, exit statuses, bad input
# (each case: exit 1, or 3 for I/O, a clear message, < 1 s, bounded memory).
set -u
B=${KHCN_BUILDDIR:-.}
S=${KHCN_SRCDIR:-.}
PY=${PYTHON:-/usr/bin/python3}
KHCN="$B/khcn"
T=$(mktemp -d /tmp/khcn-cli-XXXXXX)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# Memory cap for the bad-input runs (not under AddressSanitizer, which
# reserves terabytes of address space).
MEMCAP=""
if (ulimit -v 120000 && "$KHCN" --version) >/dev/null 2>&1; then MEMCAP="ulimit -v 120000;"; fi

# expect STATUS DESCRIPTION CMD...: exit status, and a message for errors
expect() {
  local want=$1 what=$2
  shift 2
  local t0 t1 rc
  t0=$(date +%s%N)
  (eval "$MEMCAP" "$@") >"$T/out" 2>"$T/err"
  rc=$?
  t1=$(date +%s%N)
  local ms=$(((t1 - t0) / 1000000))
  if [ "$rc" != "$want" ]; then
    bad "$what: exit $rc, expected $want"
    sed 's/^/    /' "$T/err" | head -5
    return
  fi
  if [ "$want" != 0 ] && [ "$want" != 2 ] && ! [ -s "$T/err" ] && ! grep -q -e INVALID -e error -e fatal "$T/out"; then
    bad "$what: no diagnostic"
    return
  fi
  if [ "$ms" -gt 1000 ] && [ "${KHCN_SLOW_OK:-}" = "" ]; then
    bad "$what: took $ms ms"
    return
  fi
  ok
}

hex() { "$PY" -c 'import sys; open(sys.argv[1], "wb").write(bytes.fromhex(sys.argv[2]))' "$1" "$2"; }
MAGIC=d9d9f7da4b48434e
doc() { hex "$1" "${MAGIC}a20082010001$2"; }

# ---------------------------------------------------------------- usage
expect 2 "no command" "$KHCN"
expect 2 "unknown command" "$KHCN" frobnicate
expect 0 "--help" "$KHCN" --help
expect 0 "--version" "$KHCN" --version
for c in validate convert dump report whatif; do
  expect 0 "$c --help" "$KHCN" $c --help
  grep -q "Usage: khcn $c" "$T/out" || bad "$c --help prints its usage"
done
expect 2 "validate without file" "$KHCN" validate
expect 2 "validate bad option" "$KHCN" validate --frob x.khcn
expect 2 "convert one file" "$KHCN" convert a.json
expect 2 "convert unknown output format" "$KHCN" convert "$S/tests/data/full.json" "$T/x.txt"
expect 2 "report bad year" "$KHCN" report "$S/tests/data/full.khcn" --as-of 99
expect 2 "report bad format" "$KHCN" report "$S/tests/data/full.khcn" --format xml
expect 2 "whatif without edit" "$KHCN" whatif "$S/tests/data/full.khcn"
expect 2 "whatif bad edit" "$KHCN" whatif "$S/tests/data/full.khcn" "frob:x"

# ---------------------------------------------------------------- good files
expect 0 "validate json" "$KHCN" validate "$S/tests/data/full.json"
expect 0 "validate cbor" "$KHCN" validate "$S/tests/data/full.khcn"
expect 0 "validate --strict" "$KHCN" validate --strict "$S/tests/data/full.khcn"
expect 0 "validate several" "$KHCN" validate --quiet "$S/tests/data/full.khcn" "$S/tests/data/full.json"
expect 0 "convert json->cbor" "$KHCN" convert "$S/tests/data/full.json" "$T/a.khcn"
cmp -s "$T/a.khcn" "$S/tests/data/full.khcn" && ok || bad "json->cbor is the golden file"
expect 0 "convert cbor->json" "$KHCN" convert "$S/tests/data/full.khcn" "$T/a.json"
cmp -s "$T/a.json" "$S/tests/data/full.json" && ok || bad "cbor->json is the golden file"
expect 0 "convert to stdout" "$KHCN" convert "$S/tests/data/full.khcn" -
cmp -s "$T/out" "$S/tests/data/full.json" && ok || bad "convert to stdout"
expect 0 "convert --to cbor" "$KHCN" convert --to cbor "$S/tests/data/full.json" "$T/plan.bin"
cmp -s "$T/plan.bin" "$S/tests/data/full.khcn" && ok || bad "--to cbor"
expect 0 "dump" "$KHCN" dump "$S/tests/data/full.khcn"
grep -q '^55799(1263027022({' "$T/out" && ok || bad "dump shows the magic tags"
cmp -s "$T/out" "$S/tests/data/full.diag" && ok || bad "dump is tests/data/full.diag"

# ---------------------------------------------------------------- bad input
: >"$T/empty.khcn"
expect 1 "empty file" "$KHCN" validate "$T/empty.khcn"
grep -q 1003 "$T/out" && ok || bad "empty: code 1003"
head -c 200 "$S/tests/data/full.khcn" >"$T/trunc.khcn"
expect 1 "truncated file" "$KHCN" validate "$T/trunc.khcn"
grep -q -e 1004 -e 1008 "$T/out" && ok || bad "truncated: code 1004 or 1008"
hex "$T/huge.khcn" 9a10000000
expect 1 "2^28 elements, no magic" "$KHCN" validate "$T/huge.khcn"
doc "$T/huge2.khcn" a1119a1000000000
expect 1 "2^28 indicators" "$KHCN" validate "$T/huge2.khcn"
grep -q 1008 "$T/out" && ok || bad "2^28: code 1008"
"$PY" -c 'import sys; open(sys.argv[1], "wb").write(bytes.fromhex("d9d9f7da4b48434ea20082010001a2006170186" "3") + b"\x81" * 100000 + b"\x00")' "$T/deep.khcn"
expect 1 "nesting 100000 deep" "$KHCN" validate "$T/deep.khcn"
grep -q 1007 "$T/out" && ok || bad "deep: code 1007"
doc "$T/utf8.khcn" a10162c328
expect 1 "invalid UTF-8" "$KHCN" validate "$T/utf8.khcn"
grep -q 3004 "$T/out" && ok || bad "utf8: code 3004"
doc "$T/dup.khcn" a200617000617100
expect 1 "duplicate keys" "$KHCN" validate "$T/dup.khcn"
grep -q 3005 "$T/out" && ok || bad "dup: code 3005"
doc "$T/nan.khcn" a20061701181a300616901616e08f97e00
expect 1 "NaN" "$KHCN" validate "$T/nan.khcn"
grep -q 3008 "$T/out" && ok || bad "NaN: code 3008"
doc "$T/inf.khcn" a20061701181a300616901616e08fb7ff0000000000000
expect 1 "infinity" "$KHCN" validate "$T/inf.khcn"
grep -q 3008 "$T/out" && ok || bad "inf: code 3008"
doc "$T/type.khcn" a10001
expect 1 "wrong type" "$KHCN" validate "$T/type.khcn"
grep -q 3002 "$T/out" && ok || bad "type: code 3002"
doc "$T/gib.khcn" a1017a4000000061
expect 1 "1 GiB length claim" "$KHCN" validate "$T/gib.khcn"
grep -q 1008 "$T/out" && ok || bad "gib: code 1008"
doc "$T/dangling.khcn" a20061701081a3006174016178036154
expect 1 "dangling reference" "$KHCN" validate "$T/dangling.khcn"
grep -q 4002 "$T/out" && ok || bad "dangling: code 4002"
hex "$T/v2.khcn" ${MAGIC}a20082020001a1006170
expect 1 "unknown major version" "$KHCN" validate "$T/v2.khcn"
grep -q 1012 "$T/out" && ok || bad "v2: code 1012"
hex "$T/trail.khcn" ${MAGIC}a20082010001a100617000
expect 1 "trailing bytes" "$KHCN" validate "$T/trail.khcn"
grep -q 1006 "$T/out" && ok || bad "trailing: code 1006"
printf '{"format": "khcn", "version": [1, 0], "plan": {"id": "p", "id": "q"}}' >"$T/dup.json"
expect 1 "JSON duplicate name" "$KHCN" validate "$T/dup.json"
grep -q "3005 / at 1:59" "$T/out" && ok || bad "JSON diagnostics give line:column"
expect 3 "directory" "$KHCN" validate "$T"
expect 3 "missing file" "$KHCN" validate "$T/nope.khcn"
if [ "$(id -u)" != 0 ]; then
  cp "$S/tests/data/full.khcn" "$T/locked.khcn" && chmod 000 "$T/locked.khcn"
  expect 3 "unreadable file" "$KHCN" validate "$T/locked.khcn"
fi
expect 1 "dump of malformed bytes" "$KHCN" dump "$T/trunc.khcn"
expect 3 "dump of a directory" "$KHCN" dump "$T"
expect 1 "convert invalid input" "$KHCN" convert "$T/utf8.khcn" "$T/out.json"
[ -e "$T/out.json" ] && bad "no output after a failed convert" || ok

# ---------------------------------------------------------------- atomic writes
cp "$S/tests/data/full.khcn" "$T/keep.khcn"
expect 3 "convert into a missing directory" "$KHCN" convert "$S/tests/data/full.json" "$T/missing/x.khcn"
expect 1 "convert invalid over a good file" "$KHCN" convert "$T/dup.khcn" "$T/keep.khcn"
cmp -s "$T/keep.khcn" "$S/tests/data/full.khcn" && ok || bad "old file untouched"
if [ "$(id -u)" != 0 ]; then
  mkdir "$T/ro" && cp "$S/tests/data/full.khcn" "$T/ro/x.khcn" && chmod 555 "$T/ro"
  expect 3 "convert into a read-only directory" "$KHCN" convert "$S/tests/data/full.json" "$T/ro/x.khcn"
  chmod 755 "$T/ro"
fi
ls "$T" | grep -q '\.tmp\.' && bad "temporary files left behind" || ok

# ---------------------------------------------------------------- report, whatif
expect 0 "report" "$KHCN" report "$S/tests/data/full.khcn" --as-of 2022
grep -q '^indicators' "$T/out" && grep -q 'nhan-hieu-tap-the' "$T/out" && ok || bad "report text"
expect 0 "report json" "$KHCN" report "$S/tests/data/full.json" --format json
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["indicators"]) == 3, d' "$T/out" && ok || bad "report json parses"
expect 0 "report csv" "$KHCN" report "$S/tests/data/full.khcn" --format csv --what indicators
"$PY" -c '
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if r and not r[0].startswith("#")]
assert rows[0][0] == "id" and len(rows) == 4, rows' "$T/out" && ok || bad "report csv parses"
expect 1 "report of a bad file" "$KHCN" report "$T/utf8.khcn"
expect 0 "whatif" "$KHCN" whatif "$S/tests/data/full.khcn" --as-of 2022 obs:nhan-hieu-tap-the:2022=90 weight:mt.1=1
grep -q 'changed' "$T/out" && ok || bad "whatif prints the diff"
expect 0 "whatif --save" "$KHCN" whatif "$S/tests/data/full.khcn" obs:ty-le:2022=3 --save "$T/edited.khcn"
"$KHCN" validate "$T/edited.khcn" >/dev/null 2>&1 && ok || bad "saved what-if plan validates"
expect 1 "whatif unknown indicator" "$KHCN" whatif "$S/tests/data/full.khcn" obs:nope:2022=1

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
