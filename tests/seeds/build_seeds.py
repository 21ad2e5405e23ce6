#!/usr/bin/python3
"""Build examples/data/*.json (the five seed plans) from the seed texts.

Usage: /usr/bin/python3 tests/seeds/build_seeds.py [--check]

The JSON files under examples/data/ are the reviewable source of the bundled
plans; this script is how they were produced and can re-produce them.  Text
is cut from the seed files by line number (never retyped), every quoted note
is asserted to occur in the seed text, and observations are taken from
../shared/data/observations.jsonl by (source, year, value).
With --check it only verifies that the files on disk equal what it builds.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seedlib import (DATA, PLAN_FILES, first_sentence, load_observations,  # noqa: E402
                     nfc, norm_ws, seed_lines, seed_text_norm, split_label)

OBS = load_observations()


class Builder:
    def __init__(self, pid):
        self.pid = pid
        self.fname = PLAN_FILES[pid]
        self.lines = seed_lines(self.fname)
        self.norm = seed_text_norm(self.fname)
        self.plan = {"id": pid, "lang": "vi"}
        self.objectives = []
        self.tasks = []
        self.indicators = []
        self.ind_by_id = {}
        self.agencies = []
        self.resp = []
        self.resp_keys = set()
        self.node_ids = set()

    # ---- text
    def line(self, n):
        return self.lines[n - 1].strip()

    def join(self, ns):
        if isinstance(ns, int):
            ns = [ns]
        return " ".join(self.line(n) for n in ns)

    def q(self, s):
        """A quote: must occur in the seed text (whitespace-normalised)."""
        s = nfc(s)
        assert norm_ws(s) in self.norm, "%s: quote not in seed: %r" % (self.pid, s)
        return s

    # ---- nodes
    def _add(self, kind, node, ln):
        assert node["id"] not in self.node_ids, node["id"]
        node["_ln"] = ln if isinstance(ln, int) else ln[0]
        self.node_ids.add(node["id"])
        (self.objectives if kind == "o" else self.tasks).append(node)
        return node

    def H(self, kind, nid, parent, ln, text=None):
        """A heading line ('1. Mục tiêu cụ thể'), optional text lines."""
        label, rest = split_label(self.line(ln))
        node = {"id": nid, "parent": parent, "label": label, "title": rest,
                "text": self.join(text) if text else None, "weight": 1, "indicators": []}
        return self._add(kind, node, ln)

    def P(self, kind, nid, parent, ln):
        """A paragraph (one line or several joined over page breaks)."""
        lbl, rest = split_label(self.join(ln))
        node = {"id": nid, "parent": parent, "label": lbl, "title": first_sentence(rest),
                "text": rest, "weight": 1, "indicators": []}
        return self._add(kind, node, ln)

    def node(self, nid):
        for n in self.objectives + self.tasks:
            if n["id"] == nid:
                return n
        raise KeyError(nid)

    # ---- agencies
    def A(self, aid, name, kind, parent=None, short=None):
        self.agencies.append({"id": aid, "name": name, "short_name": short, "parent": parent, "kind": kind})

    # ---- indicators
    def I(self, iid, name, name_en, unit, measure, kind="stock", direction=1, limit=None,
          description=None, links=(), targets=(), baseline=None):
        ind = {"id": iid, "name": name, "name_en": name_en, "unit": unit, "description": description,
               "measure": measure, "direction": direction, "kind": kind, "limit": limit}
        if baseline:
            ind["baseline"] = baseline
        ind["targets"] = []
        for t in targets:
            t = dict(t)
            t["note"] = self.q(t["note"])
            ind["targets"].append(t)
        ind["observations"] = []
        self.indicators.append(ind)
        self.ind_by_id[iid] = ind
        for nid in links:
            self.node(nid)["indicators"].append({"id": iid, "weight": 1})
        return ind

    def O(self, iid, year, value, source, reporter=None, scale=1.0, extra=None):
        """Attach the observations.jsonl row (source, year, value) to indicator iid.
        scale: 0.01 when a percent-per-year row is stored as a fraction (measure rate)."""
        rows = [r for r in OBS if r["source"] == source and r["year"] == year and r["value"] == value]
        assert len(rows) >= 1, (iid, year, value, source)
        if len(rows) > 1:
            rows = [r for r in rows if extra and extra in r["indicator"]] or rows
        r = rows[0]
        v = round(r["value"] * scale, 10) if scale != 1.0 else r["value"]
        note = r["quote"].strip()
        if r.get("note"):
            note += " — " + r["note"].strip()
        if scale != 1.0:
            note += " — Giá trị công bố %s %s, lưu dưới dạng tỷ lệ/năm %s (measure rate)." % (
                r["value"], r["unit"], v)
        obs = {"year": year, "value": v, "status": "estimated" if r["ambiguous"] else "normal",
               "source": r["source"], "reporter": reporter, "note": None}
        if r["ambiguous"]:
            note += " — ambiguous: status estimated (see the caveat above)."
        obs["note"] = note
        ind = self.ind_by_id[iid]
        assert all(o["year"] != year for o in ind["observations"]), (iid, year)
        ind["observations"].append(obs)
        ind["observations"].sort(key=lambda o: o["year"])

    # ---- responsibilities
    def R(self, task, agency, role, note, to=None, every=None, due_month=None, due_day=None, due_year=None):
        key = (task, agency, role, to)
        assert key not in self.resp_keys, (self.pid, key)
        self.resp_keys.add(key)
        r = {"task": task, "agency": agency, "role": role}
        if to:
            r["to"] = to
        if due_year:
            r["due_year"] = due_year
        if due_month:
            r["due_month"] = due_month
        if due_day:
            r["due_day"] = due_day
        if every:
            r["every"] = every
        r["note"] = self.q(note)
        self.resp.append(r)

    def RR(self, task, agencies, role, note, **kw):
        for a in agencies:
            self.R(task, a, role, note, **kw)

    # ---- output
    def doc(self):
        p = dict(self.plan)
        for lst in (self.objectives, self.tasks):
            lst.sort(key=lambda n: n["_ln"])
        strip = lambda lst: [{k: v for k, v in n.items() if k != "_ln"} for n in lst]
        p["objectives"] = strip(self.objectives)
        p["tasks"] = strip(self.tasks)
        p["indicators"] = self.indicators
        p["agencies"] = self.agencies
        p["responsibilities"] = self.resp
        order = ["id", "title", "issuer", "number", "date", "province", "signer", "signer_title", "lang",
                 "purpose", "requirements", "start", "end", "budget_sources", "legal_bases", "objectives",
                 "tasks", "indicators", "agencies", "responsibilities"]
        out = {k: p[k] for k in order if k in p}
        return {"format": "khcn", "version": [1, 0], "plan": clean(out)}


def clean(x):
    """Drop None-valued optional keys (keep parent/task null: they carry meaning)."""
    keep_null = {"parent", "task"}
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items() if v is not None or k in keep_null}
    if isinstance(x, list):
        return [clean(v) for v in x]
    return x


def T(year, comparator, value, note, **kw):
    t = {"year": year, "comparator": comparator, "value": value}
    t.update(kw)
    t["note"] = note
    return t


def LB(lid, number, typ, date, issuer, title):
    return {"id": lid, "number": number, "type": typ, "date": date, "issuer": issuer, "title": title}


PII_SCORE = ("pii-diem", "Chỉ số đổi mới sáng tạo cấp địa phương (PII) - điểm",
             "Provincial Innovation Index (PII) score", "điểm", "index")
PII_RANK = ("pii-xep-hang", "Chỉ số đổi mới sáng tạo cấp địa phương (PII) - thứ hạng",
            "Provincial Innovation Index (PII) rank", "hạng", "index")
TRACKED = "Không có chỉ tiêu trong kế hoạch; theo dõi xu hướng (observations.jsonl)."

def build_all():
    import plans_data  # the per-plan encodings (imports this module's helpers)
    docs = {}
    for pid, fn in plans_data.PLANS.items():
        b = Builder(pid)
        fn(b)
        docs[pid] = b.doc()
    return docs


def main():
    check = "--check" in sys.argv
    docs = build_all()
    bad = 0
    for pid, d in docs.items():
        path = os.path.join(DATA, pid + ".json")
        text = json.dumps(d, ensure_ascii=False, indent=2) + "\n"
        if check:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    print("differs:", path)
                    bad += 1
        else:
            os.makedirs(DATA, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            p = d["plan"]
            print("%-22s targets %3d indicators %3d tasks %3d objectives %3d agencies %3d resp %3d obs %3d" % (
                pid, sum(len(i["targets"]) for i in p["indicators"]), len(p["indicators"]), len(p["tasks"]),
                len(p["objectives"]), len(p["agencies"]), len(p["responsibilities"]),
                sum(len(i["observations"]) for i in p["indicators"])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
