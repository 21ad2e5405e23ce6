"""Tests of the five bundled seed plans (examples/data/*.json) against their source texts.

Run: /usr/bin/python3 -m pytest -q tests/seeds
The seed texts are read from $KHCN_SHARED/seeds (default: ../../../shared/seeds from this directory),
the observations from $KHCN_SHARED/data/observations.jsonl.
"""
import copy
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seedlib import DATA, PLAN_FILES, load_observations, norm_ws, seed_text_norm  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
JSON_FORM = os.path.normpath(os.path.join(HERE, "..", "..", "docs", "json-form.md"))

# Numeric targets per plan, as counted in docs/data.md.
TARGET_COUNTS = {
    "ben-tre-5611-2022": 24,
    "hung-yen-2023": 5,
    "bac-giang-2021": 11,
    "bac-ninh-149-2023": 10,
    "ca-mau-kl50": 0,
}
# Observations per plan (rows of observations.jsonl with a year; the 3 undated rows are kept out).
OBS_COUNTS = {
    "ben-tre-5611-2022": 10,
    "hung-yen-2023": 2,
    "bac-giang-2021": 15,
    "bac-ninh-149-2023": 9,
    "ca-mau-kl50": 4,
}
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def enums_from_doc():
    """The enum names listed in docs/json-form.md ('- measure: count, percent, ...; kind: stock, flow')."""
    with open(JSON_FORM, encoding="utf-8") as f:
        text = f.read()
    start = text.index("Names of enums")
    block = text[start:text.index("- Ids:", start)]
    # join continuation lines
    block = re.sub(r",\n\s+", ", ", block)
    enums = {}
    for m in re.finditer(r"(?:^|;|-)\s*([a-z ]+?):\s*([a-z_]+(?:\s*(?:\([^)]*\))?,\s*[a-z_]+)*(?:\s*\([^)]*\))?)", block, re.M):
        key = m.group(1).strip()
        names = [re.sub(r"\s*\(.*?\)", "", n).strip() for n in m.group(2).split(",")]
        enums[key] = set(n for n in names if n)
    return enums


ENUMS = enums_from_doc()


def load(pid):
    with open(os.path.join(DATA, pid + ".json"), encoding="utf-8") as f:
        return json.load(f)


DOCS = {pid: load(pid) for pid in PLAN_FILES}
SEED = {pid: seed_text_norm(fn) for pid, fn in PLAN_FILES.items()}
OBS = load_observations()


def walk_strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from walk_strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from walk_strings(v)


def ind(doc, iid):
    for i in doc["plan"]["indicators"]:
        if i["id"] == iid:
            return i
    raise KeyError(iid)


def targets_at(doc, iid, year):
    return [t for t in ind(doc, iid)["targets"] if t["year"] == year]


# ------------------------------------------------------------------ checks (return lists of problems)

def check_structure(doc):
    errs = []
    if doc.get("format") != "khcn" or doc.get("version") != [1, 0]:
        errs.append("format/version")
    p = doc["plan"]
    for k in ("id", "title", "start", "end", "lang"):
        if not p.get(k):
            errs.append("missing " + k)
    if not (1900 <= p["start"] <= p["end"] <= 2200):
        errs.append("period")
    if p.get("date") is not None and not DATE_RE.match(p["date"]):
        errs.append("date " + p["date"])
    for lb in p.get("legal_bases", []):
        if lb.get("date") is not None and not DATE_RE.match(lb["date"]):
            errs.append("legal basis date " + lb["date"])
    return errs


def check_ids(doc):
    errs = []
    p = doc["plan"]
    nodes = p["objectives"] + p["tasks"]
    node_ids = [n["id"] for n in nodes]
    ind_ids = [i["id"] for i in p["indicators"]]
    ag_ids = [a["id"] for a in p["agencies"]]
    lb_ids = [lb["id"] for lb in p.get("legal_bases", [])]
    for name, ids in (("node", node_ids), ("indicator", ind_ids), ("agency", ag_ids), ("legal basis", lb_ids)):
        if len(set(ids)) != len(ids):
            errs.append("duplicate %s ids" % name)
        errs += ["bad %s id %r" % (name, i) for i in ids if not ID_RE.match(i)]
    obj_ids = {n["id"] for n in p["objectives"]}
    task_ids = {n["id"] for n in p["tasks"]}
    for n in p["objectives"]:
        if n["parent"] is not None and n["parent"] not in obj_ids:
            errs.append("objective %s: parent %s" % (n["id"], n["parent"]))
    for n in p["tasks"]:
        if n["parent"] is not None and n["parent"] not in task_ids:
            errs.append("task %s: parent %s" % (n["id"], n["parent"]))
    for n in nodes:
        for link in n.get("indicators", []):
            if link["id"] not in ind_ids:
                errs.append("node %s: indicator %s" % (n["id"], link["id"]))
            if not link.get("weight", 1) > 0:
                errs.append("node %s: weight" % n["id"])
    for a in p["agencies"]:
        if a.get("parent") is not None and a["parent"] not in ag_ids:
            errs.append("agency %s: parent %s" % (a["id"], a["parent"]))
    for r in p["responsibilities"]:
        if r.get("task") is not None and r["task"] not in node_ids:
            errs.append("responsibility: task %s" % r["task"])
        if r["agency"] not in ag_ids:
            errs.append("responsibility: agency %s" % r["agency"])
        if r.get("to") is not None and r["to"] not in ag_ids:
            errs.append("responsibility: to %s" % r["to"])
        if (r["role"] == "report") != ("to" in r):
            errs.append("responsibility: 'to' iff report (%s %s)" % (r.get("task"), r["agency"]))
    for i in p["indicators"]:
        for o in i["observations"]:
            if o.get("reporter") is not None and o["reporter"] not in ag_ids:
                errs.append("observation reporter %s" % o["reporter"])
        f = i.get("formula")
        if f and (f["numerator"] not in ind_ids or f["denominator"] not in ind_ids):
            errs.append("formula of %s" % i["id"])
    # parent cycles
    for lst in (p["objectives"], p["tasks"], p["agencies"]):
        par = {n["id"]: n.get("parent") for n in lst}
        for start in par:
            seen, cur = set(), start
            while cur is not None:
                if cur in seen:
                    errs.append("cycle at " + start)
                    break
                seen.add(cur)
                cur = par.get(cur)
    return errs


def check_enums(doc):
    errs = []
    p = doc["plan"]
    want = {
        "measure": [i["measure"] for i in p["indicators"]],
        "kind": [i["kind"] for i in p["indicators"]],
        "comparator": [t["comparator"] for i in p["indicators"] for t in i["targets"]],
        "observation status": [o.get("status", "normal") for i in p["indicators"] for o in i["observations"]],
        "role": [r["role"] for r in p["responsibilities"]],
        "every": [r["every"] for r in p["responsibilities"] if "every" in r],
        "legal doc type": [lb["type"] for lb in p.get("legal_bases", [])],
        "agency kind": [a["kind"] for a in p["agencies"]],
    }
    for key, vals in want.items():
        allowed = ENUMS[key]
        errs += ["%s: %r not in docs/json-form.md" % (key, v) for v in vals if v not in allowed]
    return errs


def check_targets(doc):
    errs = []
    p = doc["plan"]
    for i in p["indicators"]:
        if i["direction"] not in (1, -1):
            errs.append("%s: direction" % i["id"])
        if i["measure"] == "percent" and i.get("limit") != 100:
            errs.append("%s: percent without limit 100" % i["id"])
        for t in i["targets"]:
            y = t["year"]
            if not (y == "every" or (isinstance(y, int) and 1900 <= y <= 2200)):
                errs.append("%s: year %r" % (i["id"], y))
            if not isinstance(t["value"], (int, float)) or not math.isfinite(t["value"]):
                errs.append("%s: value" % i["id"])
            c = t["comparator"]
            if ("hi" in t) != (c == "range") or (c == "range" and not t["hi"] >= t["value"]):
                errs.append("%s: hi" % i["id"])
            if "tol" in t and c != "approx":
                errs.append("%s: tol" % i["id"])
            if c == "multiple" and not t.get("base_year"):
                errs.append("%s: multiple without base_year" % i["id"])
            if c == "done" and t["value"] != 1:
                errs.append("%s: done value" % i["id"])
            if c == "growth" and not (0 < t["value"] < 1):
                errs.append("%s: growth must be a fraction per year" % i["id"])
            if i["measure"] == "rate" and not (0 < t["value"] < 1):
                errs.append("%s: rate targets are fractions" % i["id"])
            if t.get("cumulative") and i["kind"] != "flow":
                errs.append("%s: cumulative target on a stock" % i["id"])
            if not t.get("note"):
                errs.append("%s: target without note" % i["id"])
    return errs


def check_quotes(doc, seed):
    """Every target note, responsibility note and node title/text occurs in the seed text."""
    errs = []
    p = doc["plan"]
    for i in p["indicators"]:
        for t in i["targets"]:
            if norm_ws(t["note"]) not in seed:
                errs.append("target note of %s not in seed: %r" % (i["id"], t["note"][:60]))
    for r in p["responsibilities"]:
        if norm_ws(r["note"]) not in seed:
            errs.append("responsibility note not in seed: %r" % r["note"][:60])
    for n in p["objectives"] + p["tasks"]:
        for k in ("title", "text"):
            if n.get(k) and norm_ws(n[k]) not in seed:
                errs.append("node %s %s not in seed" % (n["id"], k))
    for k in ("title", "purpose", "requirements"):
        for part in (p.get(k) or "").split("\n"):  # bullets of mục đích / yêu cầu, one per line
            if part and norm_ws(part) not in seed:
                errs.append("plan %s not in seed: %r" % (k, part[:60]))
    for s in p.get("budget_sources", []):
        if norm_ws(s) not in seed:
            errs.append("budget source not in seed: %r" % s)
    return errs


def check_leads(doc):
    leads = {}
    for r in doc["plan"]["responsibilities"]:
        if r["role"] == "lead":
            leads.setdefault(r.get("task"), []).append(r["agency"])
    return ["task %s has %d leads" % (t, len(a)) for t, a in leads.items() if len(a) > 1]


def check_unique_resp(doc):
    keys = [(r.get("task"), r["agency"], r["role"], r.get("to")) for r in doc["plan"]["responsibilities"]]
    return ["duplicate responsibility %r" % (k,) for k in set(keys) if keys.count(k) > 1]


def check_nfc(doc):
    return ["not NFC: %r" % s[:40] for s in walk_strings(doc) if not unicodedata.is_normalized("NFC", s)]


def obs_row(o, ind_measure):
    """The observations.jsonl row an observation comes from (same source, year and value;
    rate indicators store percent-per-year rows as fractions)."""
    for r in OBS:
        if r["source"] != o["source"] or r["year"] != o["year"]:
            continue
        if r["value"] == o["value"] or (ind_measure == "rate" and abs(r["value"] / 100.0 - o["value"]) < 1e-9):
            return r
    return None


def check_observations(doc):
    errs = []
    for i in doc["plan"]["indicators"]:
        years = [o["year"] for o in i["observations"]]
        if len(set(years)) != len(years):
            errs.append("%s: two observations in one year" % i["id"])
        for o in i["observations"]:
            if not o.get("source", "").startswith("http"):
                errs.append("%s %s: no source" % (i["id"], o["year"]))
                continue
            r = obs_row(o, i["measure"])
            if r is None:
                errs.append("%s %s: value %r not in observations.jsonl" % (i["id"], o["year"], o["value"]))
                continue
            want = "estimated" if r["ambiguous"] else "normal"
            if o.get("status", "normal") != want:
                errs.append("%s %s: status %s, want %s" % (i["id"], o["year"], o.get("status"), want))
            if r["quote"].strip() not in o.get("note", ""):
                errs.append("%s %s: note lacks the quote" % (i["id"], o["year"]))
    return errs


CHECKS = [check_structure, check_ids, check_enums, check_targets, check_leads, check_unique_resp, check_nfc,
          check_observations]


# ------------------------------------------------------------------ tests per plan

@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_plan_checks(pid, check):
    assert check(DOCS[pid]) == []


@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
def test_quotes_verbatim(pid):
    assert check_quotes(DOCS[pid], SEED[pid]) == []


@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
def test_target_count(pid):
    n = sum(len(i["targets"]) for i in DOCS[pid]["plan"]["indicators"])
    assert n == TARGET_COUNTS[pid]


@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
def test_observation_count(pid):
    n = sum(len(i["observations"]) for i in DOCS[pid]["plan"]["indicators"])
    assert n == OBS_COUNTS[pid]


@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
def test_indicator_links(pid):
    """Every indicator with targets is linked to the node where its target is stated."""
    p = DOCS[pid]["plan"]
    linked = {l["id"] for n in p["objectives"] + p["tasks"] for l in n.get("indicators", [])}
    assert [i["id"] for i in p["indicators"] if i["targets"] and i["id"] not in linked] == []


def test_every_dated_observation_used_once():
    used = []
    for pid, d in DOCS.items():
        for i in d["plan"]["indicators"]:
            for o in i["observations"]:
                used.append(id(obs_row(o, i["measure"])))
    dated = [r for r in OBS if r["year"] is not None]
    assert sorted(used) == sorted(id(r) for r in dated)
    assert len(OBS) - len(dated) == 3  # the undated rows, kept out (docs/data.md)


def test_counts_table_in_docs():
    """docs/data.md states the counts per plan; they must be those of the files."""
    with open(os.path.join(HERE, "..", "..", "docs", "data.md"), encoding="utf-8") as f:
        doc = f.read()
    for pid, d in DOCS.items():
        p = d["plan"]
        m = re.search(r"^\| %s \| \*\*(\d+)\*\* \| (\d+) .*?\| (\d+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$"
                      % re.escape(pid), doc, re.M)
        assert m, pid
        got = tuple(int(x) for x in m.groups())
        want = (sum(len(i["targets"]) for i in p["indicators"]), len(p["indicators"]), len(p["objectives"]),
                len(p["tasks"]), len(p["agencies"]), len(p["responsibilities"]),
                sum(len(i["observations"]) for i in p["indicators"]))
        assert got == want, pid
        assert got[0] == TARGET_COUNTS[pid] and got[6] == OBS_COUNTS[pid]


def test_plan_metadata():
    bt = DOCS["ben-tre-5611-2022"]["plan"]
    assert (bt["number"], bt["date"], bt["signer"], bt["start"], bt["end"]) == (
        "5611/KH-UBND", "2022-09-07", "Trần Ngọc Tam", 2022, 2030)
    hy = DOCS["hung-yen-2023"]["plan"]
    assert (hy["number"], hy["date"], hy["signer"]) == ("/KH-UBND", "2023-06", "Nguyễn Duy Hưng")
    bg = DOCS["bac-giang-2021"]["plan"]
    assert (bg["number"], bg["date"], bg["signer"], bg["signer_title"]) == (
        "/KH-KHCN", "2021-01", "Nguyễn Thanh Bình", "GIÁM ĐỐC")
    assert bg["legal_bases"][0]["number"] == "01/CT-UBND" and bg["legal_bases"][0]["date"] == "2021-01-21"
    bn = DOCS["bac-ninh-149-2023"]["plan"]
    assert (bn["number"], bn["date"], bn["start"], bn["end"]) == ("149/KH-UBND", "2023-05-08", 2023, 2030)
    assert "1158/QĐ-TTg" in [lb.get("number") for lb in bn["legal_bases"]]
    cm = DOCS["ca-mau-kl50"]["plan"]
    assert "date" not in cm and "50-KL/TW" in [lb.get("number") for lb in cm["legal_bases"]]


# ------------------------------------------------------------------ specific targets

def test_ben_tre_targets():
    d = DOCS["ben-tre-5611-2022"]
    (t,) = targets_at(d, "nguoi-lam-khcn-van-dan", 2030)
    assert (t["comparator"], t["value"]) == ("at_least", 15)
    (t,) = targets_at(d, "nhiem-vu-khcn-nam", "every")
    assert (t["comparator"], t["value"]) == ("at_least", 50)
    (t,) = targets_at(d, "tfp-dong-gop", 2030)
    assert (t["comparator"], t["value"]) == ("approx", 45)
    (t,) = targets_at(d, "tang-nang-suat-lao-dong", 2030)
    assert (t["comparator"], t["value"]) == ("growth", 0.075)
    (t,) = targets_at(d, "gia-tri-sp-dv-khcn", 2030)
    assert (t["comparator"], t["value"]) == ("growth", 0.22)
    (t,) = targets_at(d, "dn-khcn-dmst", 2030)
    assert (t["comparator"], t["value"], t["base_year"]) == ("multiple", 2, 2020)
    (t,) = targets_at(d, "luot-dn-hoi-cho-khcn", 2030)
    assert (t["comparator"], t["value"], t["hi"]) == ("range", 20, 30)
    (t,) = targets_at(d, "doi-ngu-tri-thuc", 2030)
    assert (t["comparator"], t["value"]) == ("at_least", 39000)
    (t,) = targets_at(d, "ky-thuat-vien-dao-tao", "every")
    assert (t["comparator"], t["value"]) == ("approx", 200)


def test_hung_yen_targets():
    d = DOCS["hung-yen-2023"]
    (t,) = targets_at(d, "dau-tu-khcn-grdp", 2025)
    assert (t["comparator"], t["value"], t["hi"]) == ("range", 1.2, 1.5)
    (t,) = targets_at(d, "dong-gop-xa-hoi-nckh", 2025)
    assert (t["comparator"], t["value"], t["hi"]) == ("range", 60, 65)
    (t,) = targets_at(d, "nhan-luc-nc-van-dan", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 10)
    (t,) = targets_at(d, "nhiem-vu-khcn-du-lich", 2025)
    assert (t["comparator"], t["value"], t["hi"], t["cumulative"]) == ("range", 2, 3, True)


def test_bac_giang_targets():
    d = DOCS["bac-giang-2021"]
    (t,) = targets_at(d, "nhan-hieu-tap-the", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 80)
    (t,) = targets_at(d, "don-dang-ky-shcn", "every")
    assert (t["comparator"], t["value"]) == ("growth", 0.05)
    (t,) = targets_at(d, "chi-dan-dia-ly", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 4)
    (t,) = targets_at(d, "nhan-hieu-chung-nhan", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 8)
    (t,) = targets_at(d, "chi-dau-tu-khcn", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 1.5)
    (t,) = targets_at(d, "dn-khcn", 2025)
    assert (t["comparator"], t["value"]) == ("at_least", 30)
    (t,) = targets_at(d, "sang-kien-nhan-rong-huyen", "every")
    assert (t["comparator"], t["value"], t["hi"]) == ("range", 2, 3)
    (t,) = targets_at(d, "kh-qd-1285", 2021)
    assert (t["comparator"], t["value"]) == ("done", 1)
    obs = {o["year"]: o["value"] for o in ind(d, "nhan-hieu-tap-the")["observations"]}
    assert obs == {2019: 41, 2020: 60, 2021: 67}


def test_bac_ninh_milestones():
    d = DOCS["bac-ninh-149-2023"]
    want = {
        "tang-gia-tri-giao-dich-khcn": {2025: ("approx", 0.25), 2030: ("approx", 0.30)},
        "ty-trong-giao-dich-tstt": {2025: ("at_least", 15), 2030: ("at_least", 20)},
        "ty-trong-giao-dich-cn-nhap-khau": {2025: ("at_least", 30), 2030: ("at_least", 35)},
        "ty-trong-giao-dich-vien-truong": {2025: ("at_least", 35), 2030: ("at_least", 40)},
        "to-chuc-trung-gian": {2025: ("at_least", 1)},
        "san-giao-dich-cn-tb": {2030: ("done", 1)},
    }
    for iid, by_year in want.items():
        got = {t["year"]: (t["comparator"], t["value"]) for t in ind(d, iid)["targets"]}
        assert got == by_year, iid
    p = d["plan"]
    linked = {n["id"]: [l["id"] for l in n["indicators"]] for n in p["objectives"]}
    assert "ty-trong-giao-dich-tstt" in linked["mt-2025-1"] and "ty-trong-giao-dich-tstt" in linked["mt-2030-1"]


def test_ca_mau_has_no_numeric_targets():
    p = DOCS["ca-mau-kl50"]["plan"]
    assert all(not i["targets"] for i in p["indicators"])
    assert len([a for a in p["agencies"] if a["id"] not in ("ubnd-tinh", "co-quan-lien-quan")]) >= 10


# ------------------------------------------------------------------ responsibilities

def lead_of(doc, task):
    leads = [r["agency"] for r in doc["plan"]["responsibilities"] if r["role"] == "lead" and r.get("task") == task]
    assert len(leads) == 1, (task, leads)
    return leads[0]


def roles(doc, task, agency):
    return {r["role"] for r in doc["plan"]["responsibilities"] if r.get("task") == task and r["agency"] == agency}


def test_bac_giang_leads():
    d = DOCS["bac-giang-2021"]
    assert lead_of(d, "nv-1") == "phong-khtc"
    assert lead_of(d, "nv-1-2") == "van-phong-so"
    assert lead_of(d, "nv-2") == "chi-cuc-tdc"
    assert lead_of(d, "nv-2-5") == "thanh-tra-so"
    assert lead_of(d, "nv-3") == "phong-qlcn"
    assert lead_of(d, "nv-4") == "chi-cuc-tdc"
    assert lead_of(d, "nv-5") == "phong-qlcn-tt"
    assert lead_of(d, "nv-6") == "phong-qlkh"
    assert lead_of(d, "nv-7") == "tt-ung-dung"
    assert lead_of(d, "nv-8") == "phong-qlkh-cs"
    assert "cooperate" in roles(d, "nv-2-1", "so-khdt")
    ag = {a["id"]: a for a in d["plan"]["agencies"]}
    for div in ("phong-khtc", "van-phong-so", "chi-cuc-tdc", "thanh-tra-so", "phong-qlcn", "phong-qlcn-tt",
                "tt-ung-dung", "phong-qlkh", "phong-qlkh-cs"):
        assert ag[div]["parent"] == "so-khcn" and ag[div]["kind"] == "division"


def test_bac_giang_yearly_report():
    d = DOCS["bac-giang-2021"]
    (r,) = [r for r in d["plan"]["responsibilities"] if r["role"] == "report" and r["agency"] == "phong-don-vi"]
    assert (r["task"], r["to"], r["due_month"], r["due_day"], r["every"]) == (None, "phong-khtc", 12, 20, "yearly")


def test_other_leads_and_reports():
    bt = DOCS["ben-tre-5611-2022"]
    assert lead_of(bt, None) == "so-khcn"
    assert lead_of(bt, "tc-2") == "so-khdt"
    assert "focal" in roles(bt, "gp-2-2", "so-khcn")
    hy = DOCS["hung-yen-2023"]
    assert lead_of(hy, "tc-4") == "so-nv"
    assert lead_of(hy, "tc-2") == "so-khdt"
    rs = [r for r in hy["plan"]["responsibilities"] if r["role"] == "report" and r.get("task") is None]
    assert {(r["agency"], r["to"], r.get("every")) for r in rs} == {
        ("so-ban-nganh", "so-khcn", "yearly"), ("ubnd-huyen", "so-khcn", "yearly"), ("so-khcn", "ubnd-tinh", "yearly")}
    bn = DOCS["bac-ninh-149-2023"]
    assert "focal" in roles(bn, None, "so-khcn")
    assert lead_of(bn, "tc-3") == "so-tc"
    assert lead_of(bn, None) == "so-khcn"
    assert {"report", "lead", "focal", "advise"} <= roles(bn, None, "so-khcn")
    cm = DOCS["ca-mau-kl50"]
    assert lead_of(cm, None) == "so-khcn"
    assert lead_of(cm, "tc-2-1") == "so-khdt"


# ------------------------------------------------------------------ the checks can fail

def test_checks_detect_errors():
    d = copy.deepcopy(DOCS["bac-giang-2021"])
    p = d["plan"]
    ind(d, "nhan-hieu-tap-the")["targets"][0]["note"] = "Phấn đấu đến năm 2025 có 90 nhãn hiệu tập thể"
    ind(d, "nhan-hieu-tap-the")["observations"][0]["value"] = 42
    ind(d, "nhan-hieu-tap-the")["targets"][0]["comparator"] = "at-least"
    p["responsibilities"].append({"task": "nv-1", "agency": "van-phong-so", "role": "lead", "note": "x"})
    p["responsibilities"].append({"task": "nv-99", "agency": "nobody", "role": "cooperate", "note": "x"})
    p["tasks"][0]["title"] = unicodedata.normalize("NFD", p["tasks"][0]["title"])
    assert check_quotes(d, SEED["bac-giang-2021"])
    assert check_observations(d)
    assert check_enums(d)
    assert check_leads(d)
    assert check_ids(d)
    assert check_nfc(d)
    p["indicators"][0]["targets"].append({"year": 2025, "comparator": "growth", "value": 5, "note": "x"})
    assert check_targets(d)


def test_enum_names_parsed_from_json_form():
    assert {"at_least", "at_most", "range", "approx", "growth", "multiple", "done"} == ENUMS["comparator"]
    assert {"lead", "cooperate", "advise", "focal", "report"} == ENUMS["role"]
    assert "peoples_committee" in ENUMS["agency kind"] and "conclusion" in ENUMS["legal doc type"]


def test_builder_reproduces_files():
    """examples/data/*.json are what tests/seeds/build_seeds.py builds from the seed texts."""
    r = subprocess.run([sys.executable, os.path.join(HERE, "build_seeds.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


KHCN = os.environ.get("KHCN_TOOL")


@pytest.mark.skipif(not KHCN or not os.path.exists(KHCN), reason="set KHCN_TOOL to the khcn binary")
@pytest.mark.parametrize("pid", sorted(PLAN_FILES))
def test_khcn_validate(pid):
    r = subprocess.run([KHCN, "validate", os.path.join(DATA, pid + ".json")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
