import gc
import math
import weakref

import numpy as np
import pytest

import khcn
from conftest import make_demo


def test_plan_basics():
    p = khcn.Plan("p1", title="Kế hoạch", start=2021, end=2025)
    assert p.id == "p1"
    assert p.title == "Kế hoạch"
    assert (p.start, p.end, p.period) == (2021, 2025, (2021, 2025))
    p.province = "Bến Tre"
    assert p.province == "Bến Tre"
    p.province = None
    assert p.province is None
    assert "p1" in repr(p) and "2021-2025" in repr(p)
    p.add_budget_source("Ngân sách nhà nước")
    assert p.budget_sources == ["Ngân sách nhà nước"]
    p.add_legal_basis("qd-1", number="569/QĐ-TTg", type="decision", date="2022-05-11", title="Chiến lược")
    lb = p.legal_bases[0]
    assert (lb.id, lb.number, lb.type, lb.date) == ("qd-1", "569/QĐ-TTg", "decision", "2022-05-11")


def test_indicator_fields():
    p = khcn.Plan("p", start=2021, end=2025)
    ind = p.add_indicator("share", name="Tỷ lệ", unit="%", direction=-1, measure="percent", kind="flow",
                          limit=100)
    assert (ind.id, ind.name, ind.unit, ind.direction, ind.measure, ind.kind, ind.limit) == \
        ("share", "Tỷ lệ", "%", -1, "percent", "flow", 100.0)
    assert ind.index == 0
    ind.limit = None
    assert ind.limit is None
    assert ind.baseline is None and ind.baseline_year is None and ind.baseline_value is None
    ind.set_baseline(2020, 12.5, note="báo cáo 2020")
    assert ind.baseline == (2020, 12.5) and ind.baseline_note == "báo cáo 2020"
    ind.set_baseline(None, None)
    assert ind.baseline is None
    ind.name = "Tỷ lệ mới"
    assert ind.name == "Tỷ lệ mới"
    ind.measure = "rate"
    assert ind.measure == "rate"
    q = p.add_indicator("q")
    assert q.name == "q" and q.unit == "" and q.direction == 1 and q.measure == "count" and q.kind == "stock"


def test_targets_as_written():
    p = khcn.Plan("p", start=2021, end=2030)
    ind = p.add_indicator("x", name="X")
    t = ind.add_target(2030, "multiple", 2, base_year=2020, note="tăng hai lần so với năm 2020")
    assert t.comparator == "multiple" and t.value == 2 and t.base_year == 2020 and t.year == 2030
    assert t.note == "tăng hai lần so với năm 2020"
    ind.add_target(None, "growth", 0.075)
    ind.add_target(2025, "range", 1.2, hi=1.5, overshoot=False, cumulative=True)
    ind.add_target(2030, "approx", 45, tol=1)
    ind.add_target("every", "at_least", 50)
    ind.add_target(2021, "done", 1)
    ts = ind.targets
    assert len(ts) == 6
    assert ts[1].year is None and ts[1].every_year and ts[1].comparator == "growth" and ts[1].value == 0.075
    assert ts[2].hi == 1.5 and ts[2].overshoot is False and ts[2].cumulative is True and ts[2].tol is None
    assert ts[3].tol == 1 and ts[3].hi is None
    assert ts[4].year is None
    assert [t.comparator for t in ts] == ["multiple", "growth", "range", "approx", "at_least", "done"]
    ind.remove_target(-1)
    assert len(ind.targets) == 5
    with pytest.raises(IndexError):
        ind.remove_target(9)
    with pytest.raises(ValueError):
        ind.add_target(2025, "more_or_less", 1)


def test_observations():
    p = khcn.Plan("p", start=2021, end=2025)
    ind = p.add_indicator("x")
    ind.add_observation(2022, 5.5, status="estimated", source="http://a", reporter="so-khcn", note="quote")
    ind.add_observation(2021, 4)
    ind.add_observation(2023, None)
    obs = ind.observations
    assert [o.year for o in obs] == [2021, 2022, 2023]
    assert obs[1] == khcn.Observation(2022, 5.5, "estimated", "http://a", "so-khcn", "quote")
    assert obs[2].status == "missing" and math.isnan(obs[2].value)
    with pytest.raises(khcn.AlreadyExistsError):
        ind.add_observation(2021, 1)
    ind.remove_observation(2023)
    y, v = ind.series
    assert y.dtype == np.int32 and list(y) == [2021, 2022] and list(v) == [4.0, 5.5]
    ind.set_series(np.array([2020, 2021, 2022]), [1.0, 2.0, 3.0])
    assert ind.value_in(2021) == 2.0
    assert len(ind.observations) == 3


def test_indicator_list():
    p = make_demo()
    inds = p.indicators
    assert len(inds) == 5 and bool(inds)
    ids = [i.id for i in inds]
    assert ids == inds.ids == ["nhan-hieu", "grdp", "dn", "ton-that", "nv"]
    assert inds["grdp"].name.startswith("Tỷ trọng")
    assert inds[0].id == "nhan-hieu" and inds[-1].id == "nv" and inds[-5].id == "nhan-hieu"
    assert [i.id for i in inds[1:3]] == ["grdp", "dn"]
    assert "dn" in inds and "zz" not in inds and inds.get("zz") is None
    with pytest.raises(IndexError):
        inds[5]
    with pytest.raises(IndexError):
        inds[-6]
    with pytest.raises(KeyError) as ei:
        inds["zz"]
    assert isinstance(ei.value, khcn.NotFoundError) and ei.value.code == khcn.core.KHCN_ENOTFOUND
    with pytest.raises(TypeError):
        inds[1.5]
    assert p.indicator("dn") == inds["dn"]
    assert "5 indicators" in repr(inds)


def test_owner_kept_alive():
    p = make_demo()
    ind = p.indicators["nhan-hieu"]
    node = p.nodes["t1"]
    ag = p.agencies["so-khcn"]
    ref = weakref.ref(p)
    del p
    gc.collect()
    assert ref() is not None          # the children keep the plan alive
    assert ind.name == "Số nhãn hiệu tập thể"
    assert ind.targets[0].comparator == "multiple"
    assert node.title == "Nâng cao tiềm lực" and ag.short_name == "Sở KH&CN"
    ind.add_observation(2024, 60)
    del ind, node, ag
    gc.collect()
    assert ref() is None              # and then it goes


def test_nodes_agencies_matrix():
    p = make_demo()
    assert len(p.nodes) == 3 and len(p.objectives) == 1 and len(p.tasks) == 2
    t = p.tasks["t1"]
    assert t.type == "task" and t.label == "1" and t.parent is None
    assert t.links == [("dn", 2.0), ("ton-that", 1.0)]
    assert [i.id for i in t.indicators] == ["dn", "ton-that"]
    assert [c.id for c in t.children] == ["t1.1"]
    assert p.nodes["t1.1"].parent == t
    with pytest.raises(KeyError):
        p.objectives["t1"]
    t.weight = 2
    assert t.weight == 2.0
    a = p.agencies["so-khcn"]
    assert (a.name, a.short_name, a.kind) == ("Sở Khoa học và Công nghệ", "Sở KH&CN", "department")
    rs = p.responsibilities
    assert len(rs) == 3
    assert rs[0] == khcn.Responsibility("t1", "so-khcn", "lead")
    assert rs[2].note == "chủ trì"
    assert [r.role for r in a.responsibilities] == ["lead"]
    p.assign(None, "so-khcn", "report", to="so-tc", due_month=12, due_day=20, every="yearly")
    r = p.responsibilities[-1]
    assert (r.task, r.role, r.to, r.due_month, r.due_day, r.every) == (None, "report", "so-tc", 12, 20, "yearly")
    p.unassign(-1)
    assert len(p.responsibilities) == 3


def test_validate():
    p = make_demo()
    d = p.validate()
    assert d.valid, list(d)
    p.add_task("t9", "Orphan", parent="nowhere")
    d = p.validate()
    assert not d.valid
    assert any(x.code == 4002 and x.entity == "t9" for x in d)
    with pytest.raises(khcn.InvalidPlanError) as ei:
        p.check()
    assert isinstance(ei.value, ValueError)


def test_equality_and_copy():
    a, b = make_demo(), make_demo()
    assert a == b and not (a != b)
    assert a.indicators["dn"] == b.indicators["dn"]
    c = a.copy()
    assert c == a and c is not a
    c.indicators["dn"].add_observation(2024, 230)
    assert c != a
    assert a.indicators["dn"] != c.indicators["dn"]
    assert a.indicators["dn"] != "dn"
    assert a != 5


def test_unicode_roundtrip():
    s = "Ứng dụng, chuyển giao tiến bộ khoa học và công nghệ; đổi mới sáng tạo — ½ “quoted”"
    p = khcn.Plan("u", title=s)
    assert p.title == s
    ind = p.add_indicator("x", name=s)
    assert ind.name == s


def test_bulk_observations_numpy():
    n_ind, years = 1000, 10
    p = khcn.Plan("bulk", start=2016, end=2025)
    p.add_indicators(["i%d" % k for k in range(n_ind)])
    assert len(p.indicators) == n_ind
    idx = np.repeat(np.arange(n_ind, dtype=np.uint32), years)
    yr = np.tile(np.arange(2016, 2016 + years, dtype=np.int32), n_ind)
    val = np.arange(n_ind * years, dtype=np.float64)
    p.add_observations(idx, yr, val)
    ind = p.indicators[7]
    y, v = ind.series
    assert list(y) == list(range(2016, 2026)) and list(v) == list(range(70, 80))
    a = p.observation_arrays()
    assert len(a[0]) == n_ind * years and (a[2] == val).all()
    # all or nothing
    with pytest.raises(khcn.AlreadyExistsError):
        p.add_observations([0, 1], [2030, 2016], [1.0, 2.0])
    assert p.indicators[0].value_in(2030) is None
    with pytest.raises(ValueError):
        p.add_observations([0], [2030], [float("nan")])
    with pytest.raises(ValueError):
        p.add_observations([n_ind + 5], [2030], [1.0])
    with pytest.raises(ValueError):
        p.add_observations([0, 1], [2030], [1.0])
    with pytest.raises(ValueError):
        p.add_observations([-1], [2030], [1.0])
    # other dtypes, ids
    p.add_observations(np.array([0, 1], dtype=np.int64), np.array([2031, 2031], dtype=np.int64), [1, 2])
    p.add_observations(["i2", "i3"], [2031, 2031], np.array([1, 2], dtype=np.float32))
    assert p.indicators["i3"].value_in(2031) == 2.0
    with pytest.raises(KeyError):
        p.add_observations(["nope"], [2031], [1.0])


def test_from_arrays():
    ids = np.array(["a", "b", "c"])
    p = khcn.Plan.from_arrays("arr", ids, [0, 1, 2, 2], [2020, 2020, 2020, 2021], [1.0, 2.0, 3.0, 4.0],
                              start=2020, end=2025)
    assert p.indicators["c"].series[1].tolist() == [3.0, 4.0]


def test_records_compare_missing_values_as_equal_both_ways():
    # == and != of record tuples agree, and a missing value (NaN) equals a missing value
    a = khcn.Observation(2020, float("nan"), "missing")
    b = khcn.Observation(2020, float("nan"), "missing")
    c = khcn.Observation(2020, 1.0)
    assert a == b and not (a != b)
    assert a != c and not (a == c)
    assert a != (2020,)
    # a roll-up that was not assessed has a NaN score; != must agree with ==
    from khcn.evaluation import NodeResult
    n1 = NodeResult("t1", "task", float("nan"), 0.0, "no_data", 0, 0, 0)
    n2 = NodeResult("t1", "task", float("nan"), 0.0, "no_data", 0, 0, 0)
    assert n1 == n2 and not (n1 != n2)
