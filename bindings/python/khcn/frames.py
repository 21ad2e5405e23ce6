"""pandas DataFrames of plans, observations and results.

pandas is imported on first use.  Enumerations (measure, status, role...)
are categorical with the library's names as the categories, in the
library's order; missing numbers are NaN (never 0); ids are the index.
"""

import math

import numpy as np

from . import core as _c
from ._util import MEASURES, KINDS, OBS_STATUSES, ROLES, RECURRENCES

__all__ = []


def _pd():
    import pandas as pd
    return pd


def categorical(codes, names):
    """A pandas Categorical from integer codes (-1 = missing) and names."""
    pd = _pd()
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int8 if len(names) < 127 else np.int16),
                                     categories=list(names))


def int_or_na(values, mask):
    """A nullable Int64 array: values where mask, else <NA>."""
    from pandas.arrays import IntegerArray
    v = np.where(mask, values, 0).astype(np.int64)
    return IntegerArray(v, ~np.asarray(mask, dtype=bool))


def cat_from_values(values, names):
    pd = _pd()
    return pd.Categorical(values, categories=list(names))


def indicators_frame(plan):
    pd = _pd()
    h = plan._h
    n = _c.plan_indicator_count(h)
    num = np.empty((n, 8), dtype=np.float64)
    from .model import Reading
    with Reading(plan):
        _c.py_indicator_numbers(h, num.reshape(-1))
    ids = _c.py_indicator_texts(h, 0)
    by = num[:, 4]
    df = pd.DataFrame({
        "name": _c.py_indicator_texts(h, 1),
        "unit": _c.py_indicator_texts(h, 2),
        "measure": categorical(num[:, 0].astype(np.int8), MEASURES),
        "direction": num[:, 1].astype(np.int8),
        "kind": categorical(num[:, 2].astype(np.int8), KINDS),
        "limit": num[:, 3],
        "baseline_year": int_or_na(by, by > 0),
        "baseline_value": num[:, 5],
        "n_targets": num[:, 6].astype(np.int64),
        "n_observations": num[:, 7].astype(np.int64),
    }, index=pd.Index(ids, name="indicator", dtype=object))
    return df


def observations_frame(plan):
    """Every observation of the plan: index (indicator, year)."""
    pd = _pd()
    idx, years, values, status = plan.observation_arrays()
    ids = np.asarray(_c.py_indicator_texts(plan._h, 0), dtype=object)
    ind_cat = pd.Categorical.from_codes(idx.astype(np.int64), categories=pd.Index(ids)) if len(ids) else \
        pd.Categorical([], categories=[])
    mi = pd.MultiIndex.from_arrays([ind_cat, years], names=["indicator", "year"])
    return pd.DataFrame({"value": values, "status": categorical(status.astype(np.int8), OBS_STATUSES)}, index=mi)


def observation_records_frame(records, indicator_id=None):
    pd = _pd()
    df = pd.DataFrame({
        "value": [o.value for o in records],
        "status": cat_from_values([o.status for o in records], OBS_STATUSES),
        "source": [o.source for o in records],
        "reporter": [o.reporter for o in records],
        "note": [o.note for o in records],
    }, index=pd.Index([o.year for o in records], name="year", dtype=np.int64))
    if indicator_id is not None:
        df.attrs["indicator"] = indicator_id
    return df


def targets_frame(targets):
    pd = _pd()
    from ._util import COMPARATORS
    return pd.DataFrame({
        "year": pd.array([t.year for t in targets], dtype="Int64"),
        "comparator": cat_from_values([t.comparator for t in targets], COMPARATORS),
        "value": [t.value for t in targets],
        "hi": [math.nan if t.hi is None else t.hi for t in targets],
        "tol": [math.nan if t.tol is None else t.tol for t in targets],
        "base_year": pd.array([t.base_year for t in targets], dtype="Int64"),
        "overshoot": [t.overshoot for t in targets],
        "cumulative": [t.cumulative for t in targets],
        "note": [t.note for t in targets],
    })


def nodes_frame(nodes):
    pd = _pd()
    rows = list(nodes)
    return pd.DataFrame({
        "type": cat_from_values([n.type for n in rows], ("objective", "task")),
        "parent": [n.parent_id for n in rows],
        "label": [n.label for n in rows],
        "title": [n.title for n in rows],
        "weight": [n.weight for n in rows],
        "indicators": [[i for i, _w in n.links] for n in rows],
    }, index=pd.Index([n.id for n in rows], name="node", dtype=object))


def agencies_frame(agencies):
    pd = _pd()
    from ._util import AGENCY_KINDS
    rows = list(agencies)
    return pd.DataFrame({
        "name": [a.name for a in rows],
        "short_name": [a.short_name for a in rows],
        "parent": [a.parent_id for a in rows],
        "kind": cat_from_values([a.kind for a in rows], AGENCY_KINDS),
    }, index=pd.Index([a.id for a in rows], name="agency", dtype=object))


def responsibilities_frame(resps):
    pd = _pd()
    return pd.DataFrame({
        "task": [r.task for r in resps],
        "agency": [r.agency for r in resps],
        "role": cat_from_values([r.role for r in resps], ROLES),
        "to": [r.to for r in resps],
        "due_year": pd.array([r.due_year for r in resps], dtype="Int64"),
        "due_month": pd.array([r.due_month for r in resps], dtype="Int64"),
        "due_day": pd.array([r.due_day for r in resps], dtype="Int64"),
        "every": cat_from_values([r.every for r in resps], RECURRENCES),
        "note": [r.note for r in resps],
    })


def diagnostics_frame(diags):
    pd = _pd()
    return pd.DataFrame({
        "code": [d.code for d in diags],
        "severity": cat_from_values([d.severity for d in diags], ("info", "warning", "error", "fatal")),
        "path": [d.path for d in diags],
        "entity": [d.entity for d in diags],
        "message": [d.message for d in diags],
    })


# ------------------------------------------------------------- results

def _status_cat(codes):
    from .evaluation import STATUSES
    codes = np.asarray(codes)
    return categorical(np.where((codes >= 0) & (codes < len(STATUSES)), codes, -1).astype(np.int8), STATUSES)


def _year_col(a):
    a = np.asarray(a)
    return int_or_na(a, a > 0)


def _result_columns(arr):
    """DataFrame columns from a dict of float64 arrays in COLUMNS order."""
    target = arr["target"]
    return {
        "value": arr["value"],
        "year": _year_col(arr["year"]),
        "target": int_or_na(target, target >= 0),
        "target_year": _year_col(arr["target_year"]),
        "threshold": arr["threshold"],
        "base_year": _year_col(arr["base_year"]),
        "base_value": arr["base_value"],
        "attainment": arr["attainment"],
        "attainment_raw": arr["attainment_raw"],
        "met": arr["met"] > 0,
        "pace": arr["pace"],
        "score": arr["score"],
        "status": _status_cat(arr["status"].astype(np.int64)),
        "projected": arr["projected"],
        "projected_attainment": arr["projected_attainment"],
        "years_behind": arr["years_behind"],
        "required_value": arr["required_value"],
        "required_growth": arr["required_growth"],
        "flags": arr["flags"].astype(np.uint32),
    }


def results_frame(ev):
    """Headline results, index: indicator id."""
    pd = _pd()
    arr = ev.arrays()
    ids = _c.py_indicator_texts(ev._plan._h, 0)
    return pd.DataFrame(_result_columns(arr), index=pd.Index(ids, name="indicator", dtype=object), copy=False)


def target_results_frame(ev):
    """Every target's result, index (indicator, target)."""
    pd = _pd()
    from .evaluation import COLUMNS
    rows = []
    for ind in ev._plan.indicators:
        rows.extend(ev.targets(ind.id))
    arr = {c: np.array([_num(getattr(r, c)) for r in rows], dtype=np.float64) for c in COLUMNS if c != "status"}
    from .evaluation import STATUSES
    arr["status"] = np.array([STATUSES.index(r.status) for r in rows], dtype=np.float64)
    arr["met"] = np.array([1.0 if r.met else 0.0 for r in rows])
    arr["target"] = np.array([-1 if r.target is None else r.target for r in rows], dtype=np.float64)
    cols = _result_columns(arr)
    del cols["target"]
    mi = pd.MultiIndex.from_arrays([[r.indicator for r in rows], [r.target for r in rows]],
                                   names=["indicator", "target"])
    return pd.DataFrame(cols, index=mi)


def _num(x):
    if x is None:
        return 0.0
    return float(x)


def rollup_frame(rollup):
    pd = _pd()
    from .evaluation import STATUSES
    return pd.DataFrame({
        "type": cat_from_values([r.type for r in rollup], ("objective", "task", "plan")),
        "score": [r.score for r in rollup],
        "coverage": [r.coverage for r in rollup],
        "status": cat_from_values([r.status for r in rollup], STATUSES),
        "children": [r.children for r in rollup],
        "assessed": [r.assessed for r in rollup],
        "achieved": [r.achieved for r in rollup],
    }, index=pd.Index([r.id if r.id is not None else "(plan)" for r in rollup], name="node", dtype=object))


def scorecard_frame(cards):
    pd = _pd()
    from .evaluation import STATUSES
    data = {
        "score": [r.score for r in cards],
        "coverage": [r.coverage for r in cards],
        "weight": [r.weight for r in cards],
        "status": cat_from_values([r.status for r in cards], STATUSES),
        "roles": [r.roles for r in cards],
        "lagging": [r.lagging for r in cards],
    }
    for s in STATUSES:
        data["n_" + s] = [r.counts.get(s, 0) for r in cards]
    data["lagging_indicators"] = [list(r.lagging_indicators) for r in cards]
    return pd.DataFrame(data, index=pd.Index([r.id for r in cards], name="agency", dtype=object))


def diff_frame(diff):
    pd = _pd()
    from .evaluation import STATUSES
    es = list(diff)
    mi = pd.MultiIndex.from_arrays([cat_from_values([e.kind for e in es], ("indicator", "node", "agency")),
                                    [e.id if e.id is not None else "(plan)" for e in es]], names=["kind", "id"])
    return pd.DataFrame({
        "before": [e.before for e in es],
        "after": [e.after for e in es],
        "delta": [e.delta for e in es],
        "attainment_before": [e.attainment_before for e in es],
        "attainment_after": [e.attainment_after for e in es],
        "status_before": cat_from_values([e.status_before for e in es], STATUSES),
        "status_after": cat_from_values([e.status_after for e in es], STATUSES),
        "status_changed": [e.status_before != e.status_after for e in es],
    }, index=mi)


def montecarlo_frame(mc):
    pd = _pd()
    idx, p = mc.arrays()
    ev = mc.evaluation
    ids = np.asarray(_c.py_indicator_texts(ev._plan._h, 0), dtype=object)
    status = ev.column("status")
    return pd.DataFrame({
        "probability": p,
        "status": _status_cat(status[idx.astype(np.int64)]) if len(idx) else _status_cat(np.empty(0, np.int64)),
    }, index=pd.Index(ids[idx.astype(np.int64)] if len(idx) else [], name="indicator", dtype=object))


def montecarlo_nodes_frame(mc):
    pd = _pd()
    rows, ids = [], []
    for n in list(mc.evaluation._plan.nodes) + [None]:
        st = mc.node(None if n is None else n.id)
        if st is not None:
            rows.append(st)
            ids.append("(plan)" if n is None else n.id)
    return pd.DataFrame(rows, index=pd.Index(ids, name="node", dtype=object),
                        columns=["mean", "sd", "min", "max", "p05", "p50", "p95", "p_on_track"])
