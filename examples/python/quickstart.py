"""Quick start: load the bundled plans, evaluate them, look at the results.

    PYTHONPATH=<builddir>/bindings/python/stage python3 examples/python/quickstart.py

The plans in examples/data are five provincial S&T plans with the values
public pages state for their indicators (with source and quote); nothing
here is invented.
"""
import os
import pathlib

import pandas as pd

import khcn

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 12)

DATA = pathlib.Path(os.environ.get("KHCN_DATA") or pathlib.Path(__file__).resolve().parent.parent / "data")

# 1. every bundled plan: how many indicators in each status
for path in sorted(DATA.glob("*.json")):
    plan = khcn.load(path)
    ev = plan.evaluate()                     # as of the latest observation year
    counts = {s: n for s, n in ev.status_counts().items() if n}
    print("%-22s %-12s %d-%d  %2d indicators  as of %d: %s" % (
        plan.id, plan.province or "", plan.start, plan.end, len(plan.indicators), ev.as_of, counts))

# 2. one plan in detail
plan = khcn.load(DATA / "ben-tre-5611-2022.json")
print()
print(plan)
print(plan.title)
ev = plan.evaluate(as_of=2024)
for r in ev:
    if r.status == "no_data":
        continue
    ind = plan.indicators[r.indicator]
    print("  %-24s %-18s value %s (%s)  attainment %s  score %s" % (
        r.indicator, r.status, r.value, r.year,
        "-" if r.attainment != r.attainment else "%.2f" % r.attainment,
        "-" if r.score != r.score else "%.2f" % r.score))

# 3. a target as written, and where a value comes from
ind = plan.indicators["dn-khcn-dmst"]
t = ind.targets[0]
print()
print(ind.name, "->", t.comparator, t.value, "x the value of", t.base_year, "by", t.year)
o = plan.indicators["dn-phat-trien-moi"].observations[0]
print("observed", o.value, "in", o.year, "source:", o.source)

# 4. pandas
df = ev.to_dataframe()
print()
print(df.loc[df.status != "no_data", ["value", "year", "threshold", "attainment", "score", "status"]])
print(df["status"].value_counts())
