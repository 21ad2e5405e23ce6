"""Errors: the exception hierarchy, and no crash from any bad argument."""
import gc
import pickle

import numpy as np
import pytest

import khcn
from khcn import core
from conftest import make_demo


def test_hierarchy_from_errno_map():
    table = core.errno_map()
    names = [n for n, _c, _d in table]
    assert names[:4] == ["ERROR", "ENOMEM", "EINVAL", "ENOTFOUND"]
    for name, code, desc in table:
        cls = khcn.error_class(code)
        assert issubclass(cls, khcn.KhcnError)
        assert cls.code == code
        assert cls.name == "KHCN_" + name
        assert khcn.ERRORS[code] is cls
    assert issubclass(khcn.NotFoundError, KeyError)
    for c in (khcn.InvalidArgumentError, khcn.FormatError, khcn.InvalidPlanError, khcn.AlreadyExistsError,
              khcn.VersionError, khcn.LimitError):
        assert issubclass(c, ValueError)
    assert issubclass(khcn.KhcnIOError, OSError)
    assert issubclass(khcn.KhcnMemoryError, MemoryError)
    assert khcn.error_class(-999) is khcn.KhcnError


def test_error_attributes():
    p = khcn.Plan("p")
    with pytest.raises(khcn.InvalidArgumentError) as ei:
        p.add_indicator("bad id!")
    e = ei.value
    assert e.code == core.KHCN_EINVAL and e.name == "KHCN_EINVAL"
    assert "bad id!" in e.message and e.path == "" and e.offset is None
    assert isinstance(e, ValueError)
    e2 = pickle.loads(pickle.dumps(e))
    assert type(e2) is type(e) and e2.code == e.code and e2.message == e.message


def test_not_found_is_key_error():
    p = khcn.Plan("p")
    with pytest.raises(KeyError):
        p.indicators["x"]
    try:
        p.indicators["x"]
    except khcn.KhcnError as e:
        assert e.code == -4


BAD_VALUES = [None, "", "x" * 100, "bad id", b"\xff\xfe", "\udcff", "a\x00b", b"a\x00b", -1, 0, 2 ** 31,
              2 ** 64, -2 ** 70, 10 ** 400, float("nan"), float("inf"), -float("inf"), 1e308, 1.5, True, [], {},
              object(), np.float64("nan"), np.int64(-1), (1, 2), slice(None)]


def _call_all(obj, names, value):
    for name in names:
        fn = getattr(obj, name)
        for args in ((value,), (value, value), (2025, value), (value, 1.0), (2025, "at_least", value),
                     (value, "at_least", 1.0), (value, value, value)):
            try:
                fn(*args)
            except Exception:  # noqa: BLE001 - any Python exception is fine, a crash is not
                pass


def test_no_crash_on_bad_arguments():
    p = make_demo()
    ind = p.indicators["nhan-hieu"]
    node = p.nodes["t1"]
    for v in BAD_VALUES:
        _call_all(p, ["add_indicator", "set_period", "add_budget_source", "add_legal_basis", "add_objective",
                      "add_task", "add_agency", "assign", "unassign", "add_observations", "add_indicators",
                      "indicator", "evaluate", "validate"], v)
        _call_all(ind, ["set_baseline", "add_target", "add_observation", "remove_observation", "remove_target",
                        "set_formula", "set_series", "value_in"], v)
        _call_all(node, ["link"], v)
        for attr in ("name", "unit", "measure", "direction", "kind", "limit", "description", "name_en"):
            try:
                setattr(ind, attr, v)
            except Exception:  # noqa: BLE001
                pass
        for attr in ("title", "issuer", "date", "start", "end", "lang"):
            try:
                setattr(p, attr, v)
            except Exception:  # noqa: BLE001
                pass
        for key in (v,):
            for coll in (p.indicators, p.nodes, p.agencies, p.tasks):
                try:
                    coll[key]
                except Exception:  # noqa: BLE001
                    pass
        try:
            khcn.Plan(v)
        except Exception:  # noqa: BLE001
            pass
        try:
            khcn.loads(v)
        except Exception:  # noqa: BLE001
            pass
    gc.collect()
    # the plan is still sound
    assert p.indicators["nhan-hieu"].name
    assert p.validate() is not None


def test_raw_core_rejects_null():
    with pytest.raises(ValueError):
        core.plan_indicator_count(None)
    with pytest.raises(ValueError):
        core.indicator_id(None)
    with pytest.raises(TypeError):
        core.plan_indicator_count("not a plan")
    with pytest.raises(TypeError):
        core.plan_new(5)


def test_specific_bad_inputs():
    p = khcn.Plan("p", start=2021, end=2025)
    ind = p.add_indicator("x")
    with pytest.raises(ValueError):
        ind.add_observation(2021, float("nan"))
    with pytest.raises(ValueError):
        ind.add_observation(1800, 1.0)
    with pytest.raises(ValueError):
        ind.add_observation(2 ** 40, 1.0)
    with pytest.raises(TypeError):
        ind.add_observation("2021", 1.0)
    with pytest.raises(ValueError):
        ind.set_baseline(2020, float("inf"))
    with pytest.raises(ValueError):
        p.add_indicator("y", name=b"\xff\xfe")          # bad UTF-8
    with pytest.raises(ValueError):
        p.add_indicator("y", name="\udcff")             # lone surrogate
    with pytest.raises(ValueError):
        p.add_indicator("y", name="a\x00b")             # embedded NUL
    with pytest.raises(ValueError):
        ind.direction = 0
    with pytest.raises(ValueError):
        ind.measure = "furlongs"
    with pytest.raises(ValueError):
        p.set_period(2025, 2021)
    with pytest.raises(ValueError):
        p.date = "2021-13-45"
    assert "y" not in p.indicators or p.indicators["y"].name == "y"


def test_no_crash_engine_calls():
    p = make_demo()
    ev = p.evaluate(as_of=2023)
    for v in BAD_VALUES:
        _call_all(ev, ["indicator", "targets", "column", "goal_seek", "sensitivity", "node", "agency", "diff",
                       "whatif", "__getitem__"], v)
        for kw in ({"draws": v}, {"seed": v}, {"indicators": v}, {"mean": v}, {"sd": v}):
            if isinstance(v, int) and "draws" in kw and 10 ** 6 < v < 2 ** 63:
                continue    # a valid (if long) run
            try:
                ev.montecarlo(**({"draws": 10} | kw))
            except Exception:  # noqa: BLE001
                pass
        sc = khcn.Scenario()
        _call_all(sc, ["set_observation", "remove_observation", "assume_growth", "set_target", "set_target_value",
                       "set_target_year", "set_target_comparator", "set_node_weight", "set_link_weight", "assign",
                       "unassign"], v)
        try:
            p.evaluate(as_of=2023, scenario=sc)
        except Exception:  # noqa: BLE001
            pass
        for kw in ({"as_of": v}, {"on_track": v}, {"role_weights": v}, {"min_coverage": v}):
            try:
                p.evaluate(**kw)
            except Exception:  # noqa: BLE001
                pass
    assert ev["nhan-hieu"].attainment == pytest.approx(0.4)
