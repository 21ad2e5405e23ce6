"""pandas DataFrames with sensible indexes and dtypes."""
import numpy as np
import pandas as pd
import pytest

import khcn


def test_indicators_frame(demo):
    df = demo.indicators.to_dataframe()
    assert df.index.name == "indicator" and list(df.index) == demo.indicators.ids
    assert str(df["measure"].dtype) == "category" and list(df["measure"].cat.categories) == list(khcn.MEASURES)
    assert str(df["kind"].dtype) == "category"
    assert df.loc["nhan-hieu", "baseline_year"] == 2020
    assert pd.isna(df.loc["nv", "baseline_year"]) and str(df["baseline_year"].dtype) == "Int64"
    assert df.loc["ton-that", "direction"] == -1
    assert df.loc["dn", "n_observations"] == 1 and df.loc["grdp", "limit"] == 100


def test_observations_frames(demo):
    df = demo.observations_dataframe()
    assert df.index.names == ["indicator", "year"]
    assert len(df) == sum(len(i.observations) for i in demo.indicators)
    assert df.loc[("dn", 2023), "value"] == 225
    assert str(df["status"].dtype) == "category" and df.loc[("nv", 2023), "status"] == "estimated"
    one = demo.indicators["nv"].observations.to_dataframe()
    assert one.index.name == "year" and one.loc[2023, "source"] == "http://example.invalid/a"
    t = demo.indicators["nhan-hieu"].targets.to_dataframe()
    assert t.loc[0, "comparator"] == "multiple" and t.loc[0, "base_year"] == 2020


def test_results_frame(demo):
    ev = demo.evaluate(as_of=2023)
    df = ev.to_dataframe()
    assert df.index.name == "indicator" and list(df.index) == demo.indicators.ids
    assert str(df["status"].dtype) == "category"
    assert list(df["status"].cat.categories) == list(khcn.STATUSES)
    assert df["met"].dtype == bool and str(df["year"].dtype) == "Int64"
    assert df.loc["nhan-hieu", "attainment"] == pytest.approx(0.4)
    assert df.loc["nhan-hieu", "status"] == "needs_acceleration"
    for r in ev:
        assert df.loc[r.indicator, "status"] == r.status
        assert df.loc[r.indicator, "score"] == pytest.approx(r.score, nan_ok=True)
    full = ev.to_dataframe(targets=True)
    assert full.index.names == ["indicator", "target"]
    assert str(ev.statuses.dtype) == "category"


def test_rollup_scorecard_diff_frames(demo):
    ev = demo.evaluate(as_of=2024)
    ru = ev.rollup.to_dataframe()
    assert ru.index.name == "node" and list(ru.index) == ["mt", "t1", "t1.1", "(plan)"]
    assert str(ru["status"].dtype) == "category" and str(ru["type"].dtype) == "category"
    sc = ev.scorecard.to_dataframe()
    assert sc.index.name == "agency" and "n_on_track" in sc.columns and str(sc["status"].dtype) == "category"
    ev2 = ev.whatif(khcn.Scenario().set_observation("nhan-hieu", 2024, 70))
    d = ev.diff(ev2).to_dataframe()
    assert d.index.names == ["kind", "id"]
    assert d.loc[("indicator", "nhan-hieu"), "status_after"] == "on_track"
    assert str(d["status_before"].dtype) == "category"


def test_nodes_agencies_responsibilities_frames(demo):
    n = demo.nodes.to_dataframe()
    assert n.index.name == "node" and n.loc["t1", "indicators"] == ["dn", "ton-that"]
    a = demo.agencies.to_dataframe()
    assert a.loc["so-khcn", "short_name"] == "Sở KH&CN"
    r = demo.responsibilities.to_dataframe()
    assert str(r["role"].dtype) == "category" and len(r) == 3
    d = demo.validate().to_dataframe()
    assert list(d.columns) == ["code", "severity", "path", "entity", "message"]


def test_numpy_roundtrip_through_frames():
    n = 500
    p = khcn.Plan.from_arrays("np", ["x%d" % k for k in range(n)], np.arange(n), np.full(n, 2021),
                              np.linspace(0, 1, n), start=2021, end=2025)
    df = p.observations_dataframe()
    assert np.allclose(df["value"].to_numpy(), np.linspace(0, 1, n))


def test_plan_observations_view(demo):
    obs = demo.observations
    assert len(obs) == 5 and "5 observations" in repr(obs)
    assert ("dn", khcn.Observation(2023, 225.0)) in list(obs)
    df = obs.to_dataframe()
    assert df.index.names == ["indicator", "year"] and len(df) == 5
    idx, years, values, status = obs.arrays()
    assert len(idx) == 5 and years.dtype == np.int32
    ev = demo.evaluate(as_of=2023)
    assert ev.nodes == ev.rollup and ev.agencies == ev.scorecard


def test_results_frame_with_names(demo):
    ev = demo.evaluate(as_of=2023)
    df = ev.to_dataframe(names=True)
    assert list(df.columns[:2]) == ["name", "unit"] and df.loc["nv", "unit"] == "nhiệm vụ"
    t = ev.to_dataframe(targets=True, names=True)
    assert t.loc[("nhan-hieu", 0), "name"] == "Số nhãn hiệu tập thể"
