"""What-if on a bundled plan: an ILLUSTRATIVE scenario (the numbers in it
are assumptions for the demonstration, not published values), its diff,
and goal seek.

    PYTHONPATH=<builddir>/bindings/python/stage python3 examples/python/whatif.py
"""
import os
import pathlib

import pandas as pd

import khcn

pd.set_option("display.width", 160)
pd.set_option("display.max_columns", 12)

DATA = pathlib.Path(os.environ.get("KHCN_DATA") or pathlib.Path(__file__).resolve().parent.parent / "data")

plan = khcn.load(DATA / "ben-tre-5611-2022.json")
base = plan.evaluate(as_of=2024)
r = base["dn-phat-trien-moi"]
print("new enterprises (target: 5,000 over 2021-2025, cumulative):")
print("  published: %d by %d -> %s, attainment %.3f" % (r.value, r.year, r.status, r.attainment))

# How many new enterprises would 2024 need for the target to be on track?
need = base.goal_seek("dn-phat-trien-moi", 2024, goal="on_track")
print("  goal seek: %.0f new enterprises in 2024 would put it on track" % need)

# Illustrative scenario: assume 1,500 in 2024 and 12 %/year GRDP growth from 2025.
sc = (khcn.Scenario("illustrative: 1,500 new enterprises in 2024")
      .set_observation("dn-phat-trien-moi", 2024, 1500)
      .assume_growth("tang-truong-grdp", 0.12, from_year=2025))
after = base.whatif(sc)                      # the plan itself is not changed
d = base.diff(after)
print()
print(d)
for e in d:
    print("  %-9s %-22s score %6.2f -> %6.2f  %s -> %s" % (
        e.kind, e.id or "(plan)", e.before, e.after, e.status_before, e.status_after))
print()
print(d.to_dataframe())
