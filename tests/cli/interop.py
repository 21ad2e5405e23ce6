#!/usr/bin/python3
"""Interoperability of the libkhcn CBOR format with cbor2, an independent
implementation (python3-cbor2).  Run by `make check`; plain asserts.

1. Files libkhcn writes decode with cbor2 to the documented structure.
2. cbor2's canonical encoding of a libkhcn file is byte-identical.
3. Every decimal libkhcn writes is the shortest round-trip form of its double.
4. Files cbor2 writes (any key order, indefinite lengths, floats, decimals)
   are read by libkhcn, and come out as the same canonical bytes.
"""
import decimal
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

try:
    import cbor2
    from cbor2 import CBORTag
except ImportError:  # pragma: no cover
    print("cbor2 not installed (Debian: python3-cbor2): skipped")
    sys.exit(77)

SRC = os.environ.get("KHCN_SRCDIR", ".")
BUILD = os.environ.get("KHCN_BUILDDIR", ".")
KHCN = os.path.join(BUILD, "khcn")
D = decimal.Decimal
TAG_KHCN = 1263027022
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        raise AssertionError(what)


def khcn(*args):
    return subprocess.run([KHCN] + list(args), capture_output=True)


def wrap(doc):
    return CBORTag(55799, CBORTag(TAG_KHCN, doc))


def walk_decimals(x, out):
    if isinstance(x, D):
        out.append(x)
    elif isinstance(x, dict):
        for k, v in x.items():
            walk_decimals(k, out)
            walk_decimals(v, out)
    elif isinstance(x, (list, tuple)):
        for v in x:
            walk_decimals(v, out)
    elif isinstance(x, CBORTag):
        walk_decimals(x.value, out)


def walk_text(x, out):
    if isinstance(x, str):
        out.append(x)
    elif isinstance(x, dict):
        for v in x.values():
            walk_text(v, out)
    elif isinstance(x, (list, tuple)):
        for v in x:
            walk_text(v, out)


# ------------------------------------------------------------- 1 structure
raw = open(os.path.join(SRC, "tests/data/full.khcn"), "rb").read()
check(raw[:8] == bytes.fromhex("d9d9f7da4b48434e"), "magic")
top = cbor2.loads(raw)  # cbor2 removes 55799 itself
check(isinstance(top, CBORTag) and top.tag == TAG_KHCN, "KHCN tag")
doc = top.value
check(doc[0] == [1, 0], "format version [1, 0]")
plan = doc[1]
check(all(isinstance(k, int) and k >= 0 for k in plan), "uint keys")
check(plan[0] == "bac-giang-kh-khcn-2021", "plan id is key 0")
check(plan[11] == 2021 and plan[12] == 2025, "period is keys 11, 12")
check(plan[10] == "vi", "lang is key 10")
inds = plan[17]
check([i[0] for i in inds] == ["nhan-hieu-tap-the", "ty-le", "chi-dau-tu-khcn"], "indicators are key 17, in order")
a = inds[0]
check(a[1] == "Số nhãn hiệu tập thể" and a[3] == "nhãn hiệu", "name, unit")
check(a[9] == 2020 and a[10] == 40, "baseline year/value keys 9, 10")
tg = a[15]
check(tg[0] == {0: 2025, 1: 0, 2: 80, 8: "Phấn đấu đến năm 2025"}, "target at_least")
check(tg[1] == {0: 0, 1: 4, 2: D("0.05")}, "every-year growth target: year 0, comparator 4, decimal 0.05")
check(tg[6][6] is False and tg[6][7] is True, "overshoot false / cumulative true")
obs = a[16]
check(obs[0] == {0: 2021, 1: 63, 2: 1, 3: "http://example.vn/bc-2021", 4: "so-khcn", 5: "ước tính"}, "observation with provenance")
check(obs[2] == {0: 2023, 1: None, 2: 4}, "missing observation: value null, status 4")
check(obs[3][1] == D("1E-7"), "decimal 1e-7")
check(inds[1][5] == 1 and inds[1][6] == -1 and inds[1][7] == 1, "measure/direction/kind as uints")
check(inds[1][12] == "nhan-hieu-tap-the" and inds[1][14] == 10000, "formula keys 12..14")
check(inds[2][15][0][2] == D("1E+21"), "1e21 as 4([21, 1])")
nodes = plan[15] + plan[16]
check(nodes[1][6] == [["ty-le", D("0.5")], ["chi-dau-tu-khcn", 3]], "links [id, weight]")
check(plan[19][3] == {1: "phong-khtc", 2: 4, 3: "so-khcn", 5: 12, 6: 20, 7: 1, 8: "báo cáo hằng năm"}, "report duty")
texts = []
walk_text(doc, texts)
check(all(unicodedata.is_normalized("NFC", t) for t in texts), "all text NFC")

# ------------------------------------------------------------- 2 canonical bytes
again = cbor2.dumps(CBORTag(55799, top), canonical=True)
check(again == raw, "cbor2 canonical re-encoding is byte-identical")

# ------------------------------------------------------------- 3 shortest decimals
decs = []
walk_decimals(doc, decs)
check(len(decs) >= 5, "some decimals")
for d in decs:
    f = float(d)
    shortest = D(repr(f))
    check(d == shortest and len(d.as_tuple().digits) == len(shortest.normalize().as_tuple().digits),
          "decimal %s is the shortest form of %r" % (d, f))
    sign, digits, exp = d.as_tuple()
    check(exp != 0, "a decimal fraction is never integral with exponent 0: %s" % d)
    check(digits[-1] != 0, "no trailing zero in the mantissa: %s" % d)

# ------------------------------------------------------------- 4 cbor2-written files
tmp = tempfile.mkdtemp(prefix="khcn-interop-")


def enc_indef_map(items):
    """Indefinite-length map from (key, value) pairs, values encoded by cbor2."""
    return b"\xbf" + b"".join(cbor2.dumps(k) + (v if isinstance(v, bytes) else cbor2.dumps(v)) for k, v in items) + b"\xff"


def enc_indef_array(items):
    return b"\x9f" + b"".join(i if isinstance(i, bytes) else cbor2.dumps(i) for i in items) + b"\xff"


# the same plan, written two ways
canon_plan = {0: "interop", 1: "Kế hoạch", 11: 2021, 12: 2025,
              17: [{0: "x", 1: "Chỉ tiêu", 2: "Indicator", 5: 1, 8: 100, 9: 2020, 10: D("12.5"),
                    15: [{0: 2025, 1: 2, 2: D("1.2"), 3: D("1.5")}],
                    16: [{0: 2021, 1: D("0.1")}, {0: 2022, 1: 7, 2: 2}, {0: 2023, 1: D("-2.75")}]}],
              18: [{0: "ag", 1: "Cơ quan"}]}
want = cbor2.dumps(wrap({0: [1, 0], 1: canon_plan}), canonical=True)
open(os.path.join(tmp, "canon.khcn"), "wb").write(want)
r = khcn("validate", "--strict", os.path.join(tmp, "canon.khcn"))
check(r.returncode == 0, "cbor2 canonical file is strictly valid: %s" % r.stdout.decode())
r = khcn("convert", os.path.join(tmp, "canon.khcn"), os.path.join(tmp, "canon2.khcn"))
check(r.returncode == 0 and open(os.path.join(tmp, "canon2.khcn"), "rb").read() == want,
      "libkhcn rewrites a cbor2 canonical file byte for byte")

# messy: reversed key order, floats, non-normalised decimals, indefinite
# lengths, no tag 55799, version last
obs = enc_indef_array([{1: 0.1, 0: 2021}, {2: 2, 1: 7.0, 0: 2022}, {1: D("-2.750"), 0: 2023}])
ind = enc_indef_map([(16, obs), (15, [{3: 1.5, 2: D("1.20"), 1: 2, 0: 2025}]), (10, 12.5), (9, 2020), (8, D("1E+2")),
                     (5, 1), (2, "Indicator"), (1, "Chỉ tiêu"), (0, "x")])
plan_bytes = enc_indef_map([(18, [{1: "Cơ quan", 0: "ag"}]), (17, enc_indef_array([ind])), (12, 2025), (11, 2021),
                            (1, "Kế hoạch"), (0, "interop")])
messy = bytes.fromhex("da4b48434e") + enc_indef_map([(1, plan_bytes), (0, [1, 0])])
open(os.path.join(tmp, "messy.khcn"), "wb").write(messy)
r = khcn("validate", os.path.join(tmp, "messy.khcn"))
check(r.returncode == 0, "messy cbor2 file is valid by default: %s" % r.stdout.decode())
r = khcn("validate", "--strict", os.path.join(tmp, "messy.khcn"))
out = r.stdout.decode()
check(r.returncode == 1, "messy file fails --strict")
for code in ("2002", "2003", "2004", "2005", "2007"):
    check(code in out, "strict reports %s" % code)
r = khcn("convert", os.path.join(tmp, "messy.khcn"), os.path.join(tmp, "messy2.khcn"))
check(r.returncode == 0 and open(os.path.join(tmp, "messy2.khcn"), "rb").read() == want,
      "a messy cbor2 file converts to the canonical bytes")

# float16/32/64 all read; JSON form agrees with cbor2's view
r = khcn("convert", os.path.join(tmp, "messy.khcn"), os.path.join(tmp, "messy.json"))
j = json.load(open(os.path.join(tmp, "messy.json")))
check(j["plan"]["indicators"][0]["observations"][2]["value"] == -2.75, "JSON form value")
check(j["plan"]["indicators"][0]["limit"] == 100, "1E+2 read as 100")

# unknown keys from a newer minor version survive a libkhcn round trip
future = {0: [1, 4], 1: {**canon_plan, 20: {"new": [1, 2]}, 300: "x"}, 9: "doc extension"}
future[1][17] = [{**canon_plan[17][0], 40: D("1.5")}]
fb = cbor2.dumps(wrap(future), canonical=True)
open(os.path.join(tmp, "future.khcn"), "wb").write(fb)
r = khcn("convert", os.path.join(tmp, "future.khcn"), os.path.join(tmp, "future2.khcn"))
check(r.returncode == 0, "newer minor version is read")
back = cbor2.loads(open(os.path.join(tmp, "future2.khcn"), "rb").read()).value
check(back[1][20] == {"new": [1, 2]} and back[1][300] == "x" and back[9] == "doc extension", "unknown keys kept")
check(back[1][17][0][40] == D("1.5"), "unknown indicator key kept")
check(back[0] == [1, 0], "written as the version this library writes")
fb_as_written = cbor2.dumps(wrap({**future, 0: [1, 0]}), canonical=True)
check(open(os.path.join(tmp, "future2.khcn"), "rb").read() == fb_as_written, "unknown keys at their sorted place")

# a major version from the future is refused
open(os.path.join(tmp, "v2.khcn"), "wb").write(cbor2.dumps(wrap({0: [2, 0], 1: {0: "p"}})))
r = khcn("validate", os.path.join(tmp, "v2.khcn"))
check(r.returncode == 1 and b"1012" in r.stdout, "major version 2 refused")

# the seed plans (examples/data/*.json): JSON -> CBOR -> JSON -> CBOR is stable,
# strictly valid, and cbor2's canonical encoding of it is byte-identical
seed_dir = os.path.join(SRC, "examples/data")
seeds = sorted(f for f in os.listdir(seed_dir) if f.endswith(".json")) if os.path.isdir(seed_dir) else []
for name in seeds:
    base = os.path.join(tmp, name[:-5])
    r1 = khcn("convert", os.path.join(seed_dir, name), base + ".khcn")
    r2 = khcn("convert", base + ".khcn", base + ".json")
    r3 = khcn("convert", base + ".json", base + ".2.khcn")
    check(r1.returncode == 0 and r2.returncode == 0 and r3.returncode == 0, "seed %s converts" % name)
    one = open(base + ".khcn", "rb").read()
    check(one == open(base + ".2.khcn", "rb").read(), "seed %s: stable through JSON" % name)
    check(khcn("validate", "--strict", "--quiet", base + ".khcn").returncode == 0, "seed %s strictly valid" % name)
    check(cbor2.dumps(CBORTag(55799, cbor2.loads(one)), canonical=True) == one, "seed %s: cbor2 canonical" % name)

for f in os.listdir(tmp):
    os.unlink(os.path.join(tmp, f))
os.rmdir(tmp)
print("interop: %d checks passed" % checks)
