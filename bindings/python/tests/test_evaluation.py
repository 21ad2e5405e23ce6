"""Evaluation from Python: the design's hand-computed checks, what-if,
diff, roll-ups, scorecards, goal seek, sensitivity, Monte Carlo."""
import math
import pickle
import threading

import numpy as np
import pytest

import khcn
from conftest import make_demo

approx = pytest.approx


@pytest.fixture
def ev(demo):
    return demo.evaluate(as_of=2023)


def test_multiple_target(ev):
    r = ev.indicator("nhan-hieu")
    assert r == ev["nhan-hieu"] == ev[0]
    assert r.indicator == "nhan-hieu" and r.target == 0
    assert r.value == 56 and r.year == 2023 and r.target_year == 2025
    assert r.threshold == approx(80)
    assert r.attainment == approx(0.4)
    assert r.pace == approx(0.7981859791506324)
    assert r.projected == approx(70.082, abs=1e-3)
    assert r.projected_attainment == approx(0.75205, abs=1e-5)
    assert r.years_behind == approx(1.0)
    assert r.met is False
    assert r.status == "needs_acceleration"
    assert -5 <= r.score <= 5
    assert r.score == approx(7.1429 * r.pace - 4.2857, abs=1e-3)
    assert isinstance(r.required_value, float) and isinstance(r.required_growth, float)


def test_other_hand_checks(ev):
    r = ev["grdp"]
    assert r.attainment == approx(0.5) and r.pace == approx(0.9141201128033848) and r.status == "needs_acceleration"
    r = ev["dn"]
    assert r.attainment == approx(0.8008382, abs=1e-6) and r.status == "needs_acceleration"
    r = ev["ton-that"]
    assert r.attainment == approx(0.25) and r.pace == approx(0.7194377830414165)
    r = ev["nv"]
    assert r.attainment == approx(0.84) and r.met is False


def test_evaluation_protocol(ev, demo):
    assert len(ev) == 5
    assert [r.indicator for r in ev] == demo.indicators.ids
    assert ev.as_of == 2023 and ev.plan is demo
    assert ev[-1].indicator == "nv"
    assert "nhan-hieu" in ev and "zz" not in ev
    with pytest.raises(KeyError):
        ev["zz"]
    with pytest.raises(IndexError):
        ev[99]
    with pytest.raises(TypeError):
        ev[None]
    assert "Evaluation" in repr(ev) and "2023" in repr(ev)
    c = ev.status_counts()
    assert set(c) == set(khcn.STATUSES) and sum(c.values()) == 5
    ts = ev.targets("nhan-hieu")
    assert len(ts) == 1 and ts[0] == ev["nhan-hieu"]
    assert ev["nhan-hieu"] == demo.evaluate(as_of=2023)["nhan-hieu"]


def test_arrays_match_results(ev):
    a = ev.arrays()
    assert set(a) == set(khcn.COLUMNS)
    for k, r in enumerate(ev):
        assert a["score"][k] == approx(r.score, nan_ok=True)
        assert khcn.STATUSES[int(a["status"][k])] == r.status
    assert np.allclose(ev.column("attainment"), a["attainment"], equal_nan=True)
    assert list(ev.column("status")) == [khcn.STATUSES.index(r.status) for r in ev]
    with pytest.raises(ValueError):
        ev.column("nope")


def test_stale_evaluation_refuses(demo):
    ev = demo.evaluate(as_of=2023)
    demo.indicators["dn"].add_observation(2024, 240)
    with pytest.raises(RuntimeError):
        ev["dn"]
    assert demo.evaluate(as_of=2024)["dn"].value == 240


def test_evaluation_keeps_plan_alive():
    ev = make_demo().evaluate(as_of=2023)
    import gc
    gc.collect()
    assert ev["nhan-hieu"].attainment == approx(0.4)


def test_whatif_and_diff(demo):
    base = demo.evaluate(as_of=2024)
    sc = khcn.Scenario("more marks").set_observation("nhan-hieu", 2024, 70)
    assert len(sc) == 1 and sc.edits[0][0] == "set_observation"
    after = demo.evaluate(as_of=2024, scenario=sc)
    assert after["nhan-hieu"].value == 70 and after["nhan-hieu"].status == "on_track"
    assert base["nhan-hieu"].value == 56
    assert after.base is not None and after.scenario is sc
    # the plan did not change
    assert demo.indicators["nhan-hieu"].value_in(2024) is None
    w = base.whatif(sc)
    assert w["nhan-hieu"] == after["nhan-hieu"]
    d = after.base.diff(after)
    assert len(d) >= 1
    e = d["nhan-hieu"]
    assert e.kind == "indicator" and e.delta == approx(e.after - e.before)
    assert e.status_before == "needs_acceleration" and e.status_after == "on_track" and e.status_changed
    assert e in d.status_changes
    assert "Diff" in repr(d)
    # same result as making the edit for real
    real = sc.apply(demo)
    assert real.indicators["nhan-hieu"].value_in(2024) == 70
    assert real.evaluate(as_of=2024)["nhan-hieu"] == after["nhan-hieu"]


def test_scenario_edits_and_pickle(demo):
    sc = (khcn.Scenario("mix")
          .set_observation("dn", 2024, 260)
          .remove_observation("nv", 2023)
          .assume_growth("ton-that", -0.05, from_year=2023)
          .set_target_value("nhan-hieu", 2.5)
          .set_target_year("grdp", 2030)
          .set_target_comparator("nv", "at_most")
          .set_node_weight("t1", 2)
          .assign("t1.1", "so-khcn", "cooperate"))
    assert len(sc) == 8
    s2 = pickle.loads(pickle.dumps(sc))
    assert s2 == sc and s2 is not sc
    ev = demo.evaluate(as_of=2024, scenario=s2)
    assert ev["nhan-hieu"].threshold == approx(100)  # multiple: 2.5 x 40
    assert ev["dn"].value == 260
    with pytest.raises(ValueError):
        khcn.Scenario().set_observation("dn", 2024, float("nan"))
    with pytest.raises(TypeError):
        khcn.Scenario().set_observation(None, 2024, 1)
    with pytest.raises(KeyError):
        demo.evaluate(as_of=2024, scenario=khcn.Scenario().set_observation("zz", 2024, 1.0))


def test_rollup_and_scorecard(ev):
    ru = ev.rollup
    ids = [r.id for r in ru]
    assert ids == ["mt", "t1", "t1.1", None]
    assert ru[-1].type == "plan" and ev.plan_result == ru[-1]
    assert ev.node("t1") == ru["t1"]
    assert all(r.status in khcn.STATUSES for r in ru)
    sc = ev.scorecard
    assert [a.id for a in sc] == ["so-khcn", "so-tc"]
    a = ev.agency("so-khcn")
    assert set(a.counts) == set(khcn.STATUSES)
    assert a.roles >= 1


def test_goal_seek_and_sensitivity(ev):
    v = ev.goal_seek("nhan-hieu", 2023, goal="met")
    assert v == approx(80, rel=1e-9)
    s = ev.sensitivity(step=0.1)
    assert s.index.name == "indicator" and list(s.columns) == ["delta", "score"]
    assert (s["delta"].abs().diff().dropna() <= 1e-12).all()   # largest |delta| first
    with pytest.raises(ValueError):
        ev.goal_seek("nhan-hieu", goal="bogus")
    with pytest.raises(KeyError):
        ev.goal_seek("zz")


def test_options(demo):
    ev = demo.evaluate(as_of=2023, on_track=0.5, needs_acceleration=0.2)
    assert ev["nhan-hieu"].status == "on_track"
    ev = demo.evaluate(as_of=2023, role_weights={"cooperate": 0})
    assert ev.agency("so-tc") is not None
    with pytest.raises(TypeError):
        demo.evaluate(as_of=2023, bogus=1)


def test_pickle_evaluation(ev):
    ev2 = pickle.loads(pickle.dumps(ev))
    assert ev2["nhan-hieu"] == ev["nhan-hieu"]
    assert ev2.as_of == ev.as_of


def test_threads_release_gil():
    """Several evaluations of one plan from threads at once (reads only)."""
    p = khcn.synth(20000, seed=3) if khcn.core.py_have("khcn_synth_generate") else make_demo()
    ref = p.evaluate().column("score")
    out = [None] * 4

    def work(k):
        out[k] = p.evaluate().column("score")

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for o in out:
        assert np.array_equal(o, ref, equal_nan=True)


@pytest.mark.skipif(not khcn.core.py_have("khcn_montecarlo"), reason="no Monte Carlo in this libkhcn")
def test_montecarlo(demo):
    ev = demo.evaluate(as_of=2023)
    mc = ev.montecarlo(draws=500, seed=42)
    mc2 = ev.montecarlo(draws=500, seed=42)
    idx, p = mc.arrays()
    assert np.array_equal(p, mc2.arrays()[1], equal_nan=True)
    assert ((p[~np.isnan(p)] >= 0) & (p[~np.isnan(p)] <= 1)).all()
    df = mc.to_dataframe()
    assert df.index.name == "indicator" and str(df["status"].dtype) == "category"
    assert mc.draws == 500 and "MonteCarlo" in repr(mc)
    pr = mc.probability("nhan-hieu")
    assert math.isnan(pr) or 0 <= pr <= 1
    mc.nodes_dataframe()


@pytest.mark.skipif(not khcn.core.py_have("khcn_synth_generate"), reason="no synthetic generator")
def test_synth():
    p = khcn.synth(2000, seed=1)
    q = khcn.synth(2000, seed=1)
    assert len(p.indicators) == 2000 and p == q
    ev = p.evaluate()
    df = ev.to_dataframe()
    assert len(df) == 2000


def test_bundled_plans_evaluate(bundled):
    for f in bundled:
        p = khcn.load(f)
        ev = p.evaluate()
        assert len(ev) == len(p.indicators)
        for r in ev:
            assert r.status in khcn.STATUSES
            if r.status in ("on_track", "needs_acceleration", "limited_progress", "deteriorating"):
                assert not math.isnan(r.score)


def test_engine_diagnostics():
    p = khcn.Plan("d", start=2021, end=2025)
    g = p.add_indicator("g", name="growth on a zero base")
    g.set_baseline(2020, 0)
    g.add_target(2025, "growth", 0.05)
    g.add_observation(2023, 5)
    ev = p.evaluate(as_of=2023)
    d = ev.diagnostics
    assert isinstance(d, khcn.Diagnostics)
    assert all(isinstance(x, khcn.Diagnostic) for x in d)
    assert any(x.entity == "g" for x in d), list(d)
    assert ev["g"].status in khcn.STATUSES


def test_no_modification_during_long_reads(demo):
    """While a GIL-free library call reads the plan, changes are refused."""
    from khcn.model import Reading
    ind = demo.indicators["dn"]
    with Reading(demo):
        with pytest.raises(RuntimeError):
            ind.add_observation(2024, 1.0)
        with pytest.raises(RuntimeError):
            demo.add_indicator("new")
        demo.evaluate(as_of=2023)             # reads may overlap
    ind.add_observation(2024, 1.0)
    assert demo._busy == 0


def test_threads_read_while_writer_waits():
    p = khcn.synth(50000, seed=5)
    errors = []
    done = threading.Event()

    def reader():
        try:
            for _ in range(5):
                try:
                    p.evaluate().column("score")
                except RuntimeError:
                    pass        # refused: the writer got in between (stale evaluation or busy plan)
        except Exception as e:  # noqa: BLE001
            errors.append(e)
        finally:
            done.set()

    t = threading.Thread(target=reader)
    t.start()
    refused = 0
    ind = p.indicators[0]
    while not done.is_set():
        try:
            ind.name = "renamed"
        except RuntimeError:
            refused += 1
    t.join()
    assert not errors
    ind.name = "renamed"
    assert ind.name == "renamed" and refused >= 0


def test_reevaluate_and_timeline(demo):
    ev = demo.evaluate(as_of=2023)
    ev2 = ev.reevaluate(as_of=2024)
    fresh = demo.evaluate(as_of=2024)
    assert ev2.as_of == 2024
    for a, b in zip(ev2, fresh):
        assert a == b
    sc = khcn.Scenario().set_observation("nhan-hieu", 2024, 70)
    w = ev.whatif(sc).reevaluate(as_of=2024)
    assert w.scenario is sc and w["nhan-hieu"].value == 70
    tl = ev.timeline([2022, 2023, 2024])
    assert list(tl.columns) == [2022, 2023, 2024] and tl.index.name == "indicator"
    assert tl.loc["nhan-hieu", 2023] == "needs_acceleration" and str(tl[2023].dtype) == "category"
    sc_tl = ev.timeline([2023, 2024], column="score")
    assert sc_tl.loc["nhan-hieu", 2023] == pytest.approx(ev["nhan-hieu"].score)
