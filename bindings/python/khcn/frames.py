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
    pd = _pd()
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
