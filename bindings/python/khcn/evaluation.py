"""Evaluation of plans: attainment, pace, score, status, projection,
roll-ups over the task/objective trees, agency scorecards, what-if
scenarios, diffs, goal seek, sensitivity and Monte Carlo.

The method is the engine's (docs/methodology.md).  Growth rates are
fractions per year (0.075 = 7.5 %/year).  Numbers that do not apply are
NaN, never 0; statuses are the engine's names, as strings.
"""

import math
import numbers
from typing import NamedTuple, Optional

import numpy as np

from . import core as _c
from ._util import (COMPARATORS, ROLES, invalid, not_found, enum_code, year_arg, float_arg, text_arg)
from .model import Plan, Indicator, Node, Agency, Reading
from ._util import _nan_eq, record_eq, record_ne

__all__ = ["Evaluation", "Result", "NodeResult", "AgencyResult", "Scenario", "Diff", "DiffEntry", "MonteCarlo",
           "STATUSES", "COLUMNS", "synth", "evaluate"]

#: the engine's status names, in the engine's order (codes 0..7)
STATUSES = ("no_data", "insufficient_data", "achieved", "missed", "on_track", "needs_acceleration",
            "limited_progress", "deteriorating")
#: the columns of a headline result (khcn_column order)
COLUMNS = ("value", "year", "attainment", "attainment_raw", "met", "pace", "score", "status", "projected",
           "projected_attainment", "years_behind", "required_value", "required_growth", "flags", "target",
           "target_year", "base_year", "base_value", "threshold")
_COL = {n: i for i, n in enumerate(COLUMNS)}
_FLAGS = ("linear_fallback", "base_from_observation", "no_base_ratio", "overshoot", "projection_clamped",
          "estimated", "assumed_growth", "no_target", "every_year", "cumulative", "bad_input")
_GOALS = ("met", "on_track", "node_score")
#: status colours used by the HTML tables and the plots
STATUS_COLORS = {
    "achieved": "#1a9850", "on_track": "#66bd63", "needs_acceleration": "#fdae61",
    "limited_progress": "#f46d43", "deteriorating": "#d73027", "missed": "#a50026",
    "insufficient_data": "#bdbdbd", "no_data": "#e0e0e0",
}

_OPTION_NAMES = ("on_track", "needs_acceleration", "limited_progress", "v_on_track", "v_needs_acceleration",
                 "limit_exponent", "approx_tolerance", "min_coverage", "node_on_track", "node_needs_acceleration",
                 "node_limited_progress")


def _need(name):
    if not _c.py_have(name):
        raise NotImplementedError("this libkhcn build has no %s()" % name)


def _year_or_none(y):
    return int(y) if y else None


class Result(NamedTuple):
    """The evaluation of one target of an indicator (the headline result
    is the indicator's governing target, or its trend when it has none)."""
    indicator: str
    target: Optional[int]
    year: Optional[int]
    target_year: Optional[int]
    base_year: Optional[int]
    base_value: float
    value: float
    attainment: float
    attainment_raw: float
    met: bool
    pace: float
    score: float
    status: str
    projected: float
    projected_attainment: float
    years_behind: float
    required_value: float
    required_growth: float
    threshold: float
    flags: int = 0

    @property
    def flag_names(self):
        """The result flags as names (linear_fallback, base_from_observation, ...)."""
        return tuple(n for i, n in enumerate(_FLAGS) if self.flags & (1 << i))

    __eq__ = record_eq
    __ne__ = record_ne
    __hash__ = tuple.__hash__


def _result(ids_or_plan, t):
    (ind, tgt, year, tyear, byear, bval, value, att, att_raw, met, pace, score, status, proj, proj_att, behind,
     req_v, req_g, thr, flags) = t
    if isinstance(ids_or_plan, str):
        iid = ids_or_plan
    else:
        iid = _c.indicator_id(_c.plan_indicator_at(ids_or_plan._h, ind))
    return Result(iid, None if tgt < 0 else tgt, _year_or_none(year), _year_or_none(tyear), _year_or_none(byear),
                  bval, value, att, att_raw, bool(met), pace, score, STATUSES[status], proj, proj_att, behind,
                  req_v, req_g, thr, flags)


class NodeResult(NamedTuple):
    """Roll-up of an objective, a task, or the whole plan (id None)."""
    id: Optional[str]
    type: str
    score: float
    coverage: float
    status: str
    children: int
    assessed: int
    achieved: int

    __eq__ = record_eq
    __ne__ = record_ne
    __hash__ = tuple.__hash__


class AgencyResult(NamedTuple):
    """An agency's scorecard: role-weighted score over the nodes it holds
    roles on, counts of its indicators by status, what it leads that lags."""
    id: str
    score: float
    coverage: float
    weight: float
    status: str
    roles: int
    lagging: int
    counts: dict
    lagging_indicators: tuple

    def __eq__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented
        return _nan_eq(tuple(self[:8]) + (tuple(self.counts.items()), self.lagging_indicators),
                       tuple(other[:8]) + (tuple(other[7].items()), other[8]))

    __ne__ = record_ne

    __hash__ = None


class _Records(list):
    def __init__(self, items, frame):
        super().__init__(items)
        self._frame = frame

    def to_dataframe(self):
        return self._frame(self)

    def __getitem__(self, key):
        if isinstance(key, str):
            for r in self:
                if r.id == key:
                    return r
            raise not_found("no result for %r" % key)
        return list.__getitem__(self, key)


# ------------------------------------------------------------------ scenario

class Scenario:
    """A what-if: an ordered list of edits over a plan, applied without
    changing it.  Edits name entities by id.  Chainable::

        sc = (khcn.Scenario("faster")
              .set_observation("nhan-hieu", 2024, 70)
              .assume_growth("chi-dau-tu", 0.12, from_year=2024))
        ev2 = plan.evaluate(as_of=2024, scenario=sc)

    A scenario pickles as its list of edits (so it travels to Dask workers).
    """
    __slots__ = ("name", "_edits", "_handle")

    def __init__(self, name=None):
        self.name = name
        self._edits = []
        self._handle = None

    def _add(self, *edit):
        h = self._handle
        self._edits.append(edit)
        if h is not None:
            try:
                self._apply_edit(h, edit)
            except BaseException:
                self._edits.pop()
                self._handle = None
                raise
        else:
            # check the arguments now: build the C scenario at once
            try:
                self._build()
            except BaseException:
                self._edits.pop()
                self._handle = None
                raise
        return self

    @staticmethod
    def _apply_edit(h, e):
        op, args = e[0], e[1:]
        if op == "set_observation":
            _c.scenario_set_observation(h, *args)
        elif op == "remove_observation":
            _c.scenario_remove_observation(h, *args)
        elif op == "assume_growth":
            ind, rate, from_year = args
            _c.scenario_assume_growth(h, ind, from_year, rate)
        elif op == "set_target":
            _c.py_scenario_set_target(h, *args)
        elif op == "set_target_value":
            _c.scenario_set_target_value(h, *args)
        elif op == "set_target_year":
            _c.scenario_set_target_year(h, *args)
        elif op == "set_target_comparator":
            _c.scenario_set_target_comparator(h, *args)
        elif op == "set_node_weight":
            _c.scenario_set_node_weight(h, *args)
        elif op == "set_link_weight":
            _c.scenario_set_link_weight(h, *args)
        elif op == "assign":
            _c.scenario_assign(h, *args)
        elif op == "unassign":
            _c.scenario_unassign(h, *args)
        elif op == "move_role":
            _c.scenario_move_role(h, *args)
        else:  # pragma: no cover
            raise invalid("unknown edit %r" % op)

    def _build(self):
        _need("khcn_scenario_new")
        h = _c.scenario_new()
        for e in self._edits:
            self._apply_edit(h, e)
        self._handle = h
        return h

    def _h(self):
        return self._handle if self._handle is not None else self._build()

    # -- edits
    def set_observation(self, indicator, year, value):
        """Set (add or replace) the observation of a year."""
        return self._add("set_observation", _id(indicator), year_arg(year), float_arg(value))

    def set_observations(self, indicators, years, values):
        """Set many observations: three sequences (or a DataFrame's
        columns) of indicator ids, years and values."""
        for i, y, v in zip(indicators, years, values):
            self.set_observation(i, int(y), v)
        return self

    @classmethod
    def from_frame(cls, df, name=None, indicator="indicator", year="year", value="value"):
        """A scenario setting the observations of a DataFrame (columns
        indicator, year, value; or a (indicator, year) index and a value
        column)."""
        if indicator not in df.columns and indicator in (df.index.names or []):
            df = df.reset_index()
        return cls(name).set_observations(df[indicator].tolist(), df[year].tolist(), df[value].tolist())

    def remove_observation(self, indicator, year):
        return self._add("remove_observation", _id(indicator), year_arg(year))

    def assume_growth(self, indicator, rate, from_year=None):
        """Project the indicator with an assumed growth rate (fraction per
        year) from ``from_year`` on (None: from its latest observation)."""
        return self._add("assume_growth", _id(indicator), float_arg(rate, "rate", allow_none=True),
                         year_arg(from_year, "from_year", allow_none=True))

    def set_target(self, indicator, j=0, year=None, comparator="at_least", value=None, hi=None, tol=None,
                   base_year=None, note=None, overshoot=True, cumulative=False):
        """Replace target ``j`` of the indicator."""
        if isinstance(year, str) and year == "every":
            year = None
        flags = (0 if overshoot else 1) | (2 if cumulative else 0)
        return self._add("set_target", _id(indicator), _index(j), year_arg(year, allow_none=True),
                         enum_code(comparator, COMPARATORS, "comparator"), float_arg(value),
                         float_arg(hi, "hi", True), float_arg(tol, "tol", True),
                         year_arg(base_year, "base_year", allow_none=True), flags, text_arg(note, "note"))

    def set_target_value(self, indicator, value, j=0):
        return self._add("set_target_value", _id(indicator), _index(j), float_arg(value))

    def set_target_year(self, indicator, year, j=0):
        return self._add("set_target_year", _id(indicator), _index(j), year_arg(year))

    def set_target_comparator(self, indicator, comparator, j=0):
        return self._add("set_target_comparator", _id(indicator), _index(j),
                         enum_code(comparator, COMPARATORS, "comparator"))

    def set_node_weight(self, node, weight):
        return self._add("set_node_weight", _id(node), float_arg(weight, "weight"))

    def set_link_weight(self, node, indicator, weight):
        return self._add("set_link_weight", _id(node), _id(indicator), float_arg(weight, "weight"))

    def assign(self, task, agency, role="lead"):
        return self._add("assign", _id(task, True), _id(agency), enum_code(role, ROLES, "role"))

    def unassign(self, task, agency, role="lead"):
        return self._add("unassign", _id(task, True), _id(agency), enum_code(role, ROLES, "role"))

    def move_role(self, task, agency, role, new_task, new_agency):
        return self._add("move_role", _id(task, True), _id(agency), enum_code(role, ROLES, "role"),
                         _id(new_task, True), _id(new_agency))

    # -- use
    @property
    def edits(self):
        """The edits, as (operation, arguments...) tuples."""
        return list(self._edits)

    def apply(self, plan):
        """A copy of ``plan`` with the edits made for real (assumed growth
        has no plan equivalent and is skipped)."""
        out = plan.copy()
        _c.scenario_apply(out._h, self._h())
        return out

    def __len__(self):
        return len(self._edits)

    def __iter__(self):
        return iter(self._edits)

    def __eq__(self, other):
        if not isinstance(other, Scenario):
            return NotImplemented
        return self.name == other.name and _nan_eq(tuple(self._edits), tuple(other._edits))

    __hash__ = None

    def __reduce__(self):
        return (_scenario_from_edits, (self.name, tuple(self._edits)))

    def __copy__(self):
        return _scenario_from_edits(self.name, self._edits)

    def __repr__(self):
        return "<khcn.Scenario %s%d edits>" % ("%r, " % self.name if self.name else "", len(self._edits))


def _scenario_from_edits(name, edits):
    s = Scenario(name)
    s._edits = list(edits)
    return s


def _id(x, allow_none=False):
    if x is None and allow_none:
        return None
    if isinstance(x, (Indicator, Node, Agency)):
        return x.id
    if isinstance(x, str):
        return x
    raise TypeError("expected an id (str), not %s" % type(x).__name__)


def _index(j):
    if isinstance(j, bool) or not isinstance(j, numbers.Integral) or j < 0 or j >= 2 ** 63:
        raise invalid("target index must be a non-negative int, not %r" % (j,))
    return int(j)


# ---------------------------------------------------------------- evaluation

def _params(options):
    if not options:
        return None, 0
    flags = 0
    vals = [math.nan] * (len(_OPTION_NAMES) + len(ROLES))
    for k, v in options.items():
        if k == "time_weighted":
            flags |= 1 if v else 0
        elif k == "linear_projection":
            flags |= 2 if v else 0
        elif k == "role_weights":
            for role, w in dict(v).items():
                vals[len(_OPTION_NAMES) + enum_code(role, ROLES, "role")] = -1.0 if w == 0 else float_arg(w)
        elif k in _OPTION_NAMES:
            vals[_OPTION_NAMES.index(k)] = float_arg(v, k)
        else:
            raise TypeError("unknown evaluation option %r" % k)
    return vals, flags


def evaluate(plan, as_of=None, scenario=None, **options):
    """Evaluate ``plan`` at year ``as_of`` (None: the latest observation
    year), optionally under a :class:`Scenario`.  Options: the method's
    thresholds (on_track=0.95, needs_acceleration=0.60, ...,
    min_coverage=0.8), role_weights={"lead": 1, ...}, time_weighted,
    linear_projection."""
    if not isinstance(plan, Plan):
        raise TypeError("evaluate() needs a khcn.Plan")
    base = Evaluation._run(plan, as_of, options)
    if scenario is None:
        return base
    return base.whatif(scenario)


class Evaluation:
    """The evaluation of a plan at a year.  ``ev["id"]`` / ``ev.indicator(id)``
    give an indicator's headline :class:`Result`; ``len``, iteration,
    ``to_dataframe()``, ``rollup``, ``scorecard``, ``diff()``, ``whatif()``."""
    __slots__ = ("_h", "_plan", "_gen", "_base", "_scenario", "_as_of_arg", "_options", "_diags",
                 "__weakref__")

    @classmethod
    def _run(cls, plan, as_of, options, want_diags=False):
        vals, flags = _params(options)
        as_of = year_arg(as_of, "as_of", allow_none=True)
        with Reading(plan):
            h, diags = _c.py_evaluate(plan._h, as_of, flags, vals, 1 if want_diags else 0)
        self = cls.__new__(cls)
        self._h = h
        self._plan = plan
        self._gen = plan._gen
        self._base = None
        self._scenario = None
        self._as_of_arg = as_of or None
        self._options = dict(options)
        self._diags = None if diags is None else _to_diags(diags)
        return self

    @property
    def diagnostics(self):
        """The engine's findings on degenerate inputs (design section 8:
        a growth target on a non-positive base, a zero denominator, ...),
        as :class:`khcn.Diagnostics` naming the indicators."""
        if self._diags is None:
            base = self._base if self._base is not None else self
            self._check()
            base._diags = Evaluation._run(self._plan, self._as_of_arg, self._options, True)._diags
            self._diags = base._diags
        return self._diags

    def reevaluate(self, as_of=None, **options):
        """The same plan evaluated again at another year (or with other
        options), reusing this evaluation's resolved structure (faster than
        a fresh evaluate(); same results).  A what-if is re-run over the
        new base.  Options not given keep this evaluation's values."""
        base = self._base if self._base is not None else self
        opts = dict(base._options)
        opts.update(options)
        vals, flags = _params(opts)
        as_of_c = year_arg(as_of, "as_of", allow_none=True)
        with Reading(self._plan):
            h, _d = _c.py_reevaluate(base._check(), as_of_c, flags, vals, 0)
        ev = Evaluation.__new__(Evaluation)
        ev._h = h
        ev._plan = self._plan
        ev._gen = self._gen
        ev._base = None
        ev._scenario = None
        ev._as_of_arg = as_of_c or None
        ev._options = opts
        ev._diags = None
        if self._scenario is not None:
            return ev.whatif(self._scenario)
        return ev

    def timeline(self, years, column="status"):
        """One column of the headline results over several evaluation
        years: a DataFrame indexed by indicator id, one column per year
        (statuses categorical)."""
        import pandas as pd
        from .frames import categorical
        if column not in _COL:
            raise invalid("unknown column %r" % (column,))
        data = {}
        for y in years:
            ev = self.reevaluate(as_of=y)
            c = ev.column(column)
            data[int(y)] = categorical(c, STATUSES) if column == "status" else c
        ids = _c.py_indicator_texts(self._plan._h, 0)
        df = pd.DataFrame(data, index=pd.Index(ids, name="indicator", dtype=object))
        df.columns.name = "as_of"
        return df

    def _check(self):
        if self._plan._gen != self._gen:
            raise RuntimeError("the plan was modified after this evaluation; evaluate it again")
        return self._h

    # -- basic facts
    @property
    def plan(self):
        return self._plan

    @property
    def as_of(self):
        return _c.eval_as_of(self._check())

    @property
    def scenario(self):
        return self._scenario

    @property
    def base(self):
        """For a what-if evaluation: the evaluation it was made over."""
        return self._base

    def __len__(self):
        return _c.eval_indicator_count(self._check())

    def _pos(self, key):
        h = self._check()
        if isinstance(key, Indicator):
            key = key.id
        if isinstance(key, str):
            p = _c.plan_indicator(self._plan._h, key)
            if p is None:
                raise not_found("no indicator with id %r" % key)
            return _c.indicator_index(p)
        if isinstance(key, bool) or not isinstance(key, numbers.Integral):
            raise TypeError("key must be an indicator id or position, not %s" % type(key).__name__)
        n = _c.eval_indicator_count(h)
        i = int(key) + (n if key < 0 else 0)
        if not 0 <= i < n:
            raise IndexError("indicator position %d out of range (%d)" % (int(key), n))
        return i

    def indicator(self, key):
        """Headline result of an indicator (by id or position)."""
        i = self._pos(key)
        return _result(self._plan, _c.py_eval_indicator(self._h, i))

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self.indicator(i) for i in range(*key.indices(len(self)))]
        return self.indicator(key)

    def __contains__(self, key):
        return isinstance(key, str) and _c.plan_indicator(self._plan._h, key) is not None

    def __iter__(self):
        h = self._check()
        plan = self._plan
        for i in range(_c.eval_indicator_count(h)):
            yield _result(plan, _c.py_eval_indicator(h, i))

    def targets(self, key):
        """Results of every target of an indicator."""
        i = self._pos(key)
        iid = _c.indicator_id(_c.plan_indicator_at(self._plan._h, i))
        return [_result(iid, _c.py_eval_target(self._h, i, j)) for j in range(_c.eval_target_count(self._h, i))]

    # -- bulk
    def arrays(self):
        """Every headline result as numpy arrays, one per column (dict)."""
        h = self._check()
        n = _c.eval_indicator_count(h)
        table = np.empty((len(COLUMNS), n), dtype=np.float64)   # one contiguous row per column
        with Reading(self._plan):
            _c.py_eval_table(h, table.reshape(-1))
        return {name: table[k] for k, name in enumerate(COLUMNS)}

    def column(self, name):
        """One column of the headline results as a numpy array ("score",
        "status" (int codes), "attainment", ...)."""
        h = self._check()
        if name not in _COL:
            raise invalid("unknown column %r (one of %s)" % (name, ", ".join(COLUMNS)))
        n = _c.eval_indicator_count(h)
        with Reading(self._plan):
            if name == "status":
                out = np.empty(n, dtype=np.int32)
                _c.py_eval_status(h, out)
                return out
            out = np.empty(n, dtype=np.float64)
            _c.py_eval_column(h, _COL[name], out)
        return out

    @property
    def statuses(self):
        """Headline statuses as a pandas Categorical."""
        from .frames import categorical
        return categorical(self.column("status"), STATUSES)

    def status_counts(self):
        """Number of indicators by status (dict, every status present)."""
        codes = self.column("status")
        counts = np.bincount(codes[codes >= 0], minlength=len(STATUSES))
        return {s: int(counts[k]) for k, s in enumerate(STATUSES)}

    def to_dataframe(self, targets=False, names=False):
        """Headline results, one row per indicator (index: indicator id),
        status categorical; with targets=True one row per target (index:
        indicator, target); names=True adds the indicators' name and unit."""
        from .frames import results_frame, target_results_frame
        df = target_results_frame(self) if targets else results_frame(self)
        if names:
            ph = self._plan._h
            name = dict(zip(_c.py_indicator_texts(ph, 0), zip(_c.py_indicator_texts(ph, 1),
                                                               _c.py_indicator_texts(ph, 2))))
            ids = df.index.get_level_values("indicator")
            df.insert(0, "unit", [name[i][1] for i in ids])
            df.insert(0, "name", [name[i][0] for i in ids])
        return df

    # -- roll-ups and scorecards
    @property
    def rollup(self):
        """Roll-ups of every objective and task, then the plan (id None)."""
        from .frames import rollup_frame
        h = self._check()
        ph = self._plan._h
        nn = _c.plan_node_count(ph)
        out = []
        for (i, score, cov, status, children, assessed, achieved) in _c.py_eval_nodes(h):
            if i < nn:
                p = _c.plan_node_at(ph, i)
                nid, typ = _c.node_id(p), ("objective", "task")[_c.node_type_of(p)]
            else:
                nid, typ = None, "plan"
            out.append(NodeResult(nid, typ, score, cov, STATUSES[status], children, assessed, achieved))
        return _Records(out, rollup_frame)

    nodes = property(lambda self: self.rollup, doc="Alias of :attr:`rollup`.")
    agencies = property(lambda self: self.scorecard, doc="Alias of :attr:`scorecard`.")

    def node(self, id=None):
        """Roll-up of a node by id (None: the plan)."""
        for r in self.rollup:
            if r.id == id:
                return r
        raise not_found("no node with id %r" % (id,))

    @property
    def plan_result(self):
        return self.rollup[-1]

    @property
    def scorecard(self):
        """Agency scorecards."""
        from .frames import scorecard_frame
        h = self._check()
        ph = self._plan._h
        out = []
        for (i, score, cov, weight, status, roles, lagging, counts, lag) in _c.py_eval_agencies(h):
            aid = _c.agency_id(_c.plan_agency_at(ph, i))
            lag_ids = tuple(_c.indicator_id(_c.plan_indicator_at(ph, k)) for k in lag)
            out.append(AgencyResult(aid, score, cov, weight, STATUSES[status], roles, lagging,
                                    dict(zip(STATUSES, counts)), lag_ids))
        return _Records(out, scorecard_frame)

    def agency(self, id):
        return self.scorecard[id]

    def rollup_dataframe(self):
        return self.rollup.to_dataframe()

    def scorecard_dataframe(self):
        return self.scorecard.to_dataframe()

    # -- what-if and friends
    def whatif(self, scenario):
        """Evaluate a :class:`Scenario` over this evaluation (incremental:
        the plan is not changed)."""
        if not isinstance(scenario, Scenario):
            raise TypeError("whatif() needs a khcn.Scenario")
        sh = scenario._h()
        with Reading(self._plan):
            h = _c.scenario_evaluate(self._check(), sh)
        ev = Evaluation.__new__(Evaluation)
        ev._h = h
        ev._plan = self._plan
        ev._gen = self._gen
        ev._base = self          # the scenario evaluation reads through to its base
        ev._scenario = scenario
        ev._as_of_arg = self._as_of_arg
        ev._options = self._options
        ev._diags = None
        return ev

    def diff(self, other):
        """What changed from this evaluation to ``other`` (a :class:`Diff`)."""
        if not isinstance(other, Evaluation):
            raise TypeError("diff() needs another Evaluation")
        if other._plan._h != self._plan._h and (_c.plan_indicator_count(other._plan._h)
                                                != _c.plan_indicator_count(self._plan._h)):
            raise invalid("the evaluations are of plans with different structures")
        with Reading(self._plan), Reading(other._plan):
            h = _c.eval_diff(self._check(), other._check())
        return Diff(h, self, other)

    def goal_seek(self, indicator, year=None, goal="met", node=None, level=None):
        """The least (lower-is-better: greatest) value of ``indicator`` in
        ``year`` (None: the evaluation year) that makes its target met
        (goal "met"), on track ("on_track"), or lifts a node's score to
        ``level`` ("node_score", node None = the plan)."""
        g = enum_code(goal, _GOALS, "goal")
        if g == 2 and level is None:
            raise invalid("goal node_score needs a level")
        args = (_id(indicator), year_arg(year, allow_none=True), g, _id(node, True),
                float_arg(level, "level", allow_none=True) if g == 2 else 0.0)
        with Reading(self._plan):
            return _c.py_goal_seek(self._check(), *args)

    def sensitivity(self, node=None, step=0.1, top=20):
        """Indicators under ``node`` (None: the plan) ranked by how much the
        node's score moves when the indicator's latest value improves by
        ``step`` (relative).  A DataFrame: indicator, delta, score."""
        import pandas as pd
        top = int(top) if top is not None else len(self)
        if top < 0:
            raise invalid("top must be >= 0")
        node, step = _id(node, True), float_arg(step, "step")
        with Reading(self._plan):
            items, total = _c.py_sensitivity(self._check(), node, step, top)
        ph = self._plan._h
        df = pd.DataFrame({
            "delta": [d for _i, d, _s in items],
            "score": [s for _i, _d, s in items],
        }, index=pd.Index([_c.indicator_id(_c.plan_indicator_at(ph, i)) for i, _d, _s in items],
                          name="indicator", dtype=object))
        df.attrs["ranked"] = total
        return df

    def montecarlo(self, draws=1000, seed=0, indicators=None, mean=None, sd=None, max_node_samples=0):
        """Simulate future annual growth (default: normal around each
        indicator's observed mean log-growth and spread) and estimate the
        probability that each target is met and node score distributions.
        Seeded and reproducible.  Returns :class:`MonteCarlo`."""
        h = self._check()
        idx = None
        if indicators is not None:
            if isinstance(indicators, (str, Indicator)):
                indicators = [indicators]
            idx = np.ascontiguousarray([self._pos(k) for k in indicators], dtype=np.uint64)
        m = None if mean is None else np.ascontiguousarray(mean, dtype=np.float64)
        s = None if sd is None else np.ascontiguousarray(sd, dtype=np.float64)
        draws = int(draws)
        if draws < 0:
            raise invalid("draws must be >= 0")
        seed = int(seed)
        if not 0 <= seed < 2 ** 64:
            raise invalid("seed must be in 0..2**64-1")
        with Reading(self._plan):
            mc = _c.py_montecarlo(h, draws, seed, idx, m, s, int(max_node_samples))
        return MonteCarlo(mc, self, seed)

    # -- Python protocol
    def __reduce__(self):
        return (_reevaluate, (self._plan, self._as_of_arg, self._scenario, self._options))

    def __repr__(self):
        try:
            c = self.status_counts()
        except Exception:  # noqa: BLE001 (repr must not fail)
            return "<khcn.Evaluation (stale)>"
        parts = ", ".join("%s %d" % (k, v) for k, v in c.items() if v)
        sc = " scenario %r" % (self._scenario.name or len(self._scenario)) if self._scenario is not None else ""
        return "<khcn.Evaluation of %r as of %d%s: %d indicators (%s)>" % (
            self._plan.id, self.as_of, sc, len(self), parts)

    def _repr_html_(self):
        from .html import evaluation_html
        return evaluation_html(self)

    def plot_status(self, ax=None, by=None, **kw):
        """Status overview (matplotlib): indicators by status, or per node /
        agency with by="node" / by="agency"."""
        from .plot import status_overview
        return status_overview(self, ax=ax, by=by, **kw)


def _rediff(before, after):
    return before.diff(after)


def _to_diags(items):
    from .model import Diagnostic, Diagnostics
    return Diagnostics([Diagnostic(*t[:4], None if t[4] < 0 else t[4], t[5]) for t in items],
                       valid=not any(t[1] in ("error", "fatal") for t in items))


def _reevaluate(plan, as_of, scenario, options):
    return evaluate(plan, as_of, scenario, **(options or {}))


def _plan_evaluate(self, as_of=None, scenario=None, **options):
    return evaluate(self, as_of, scenario, **options)


_plan_evaluate.__doc__ = evaluate.__doc__
Plan.evaluate = _plan_evaluate


# ----------------------------------------------------------------------- diff

class DiffEntry(NamedTuple):
    """One changed item of a diff: kind indicator / node / agency (a node
    with id None is the plan)."""
    kind: str
    id: Optional[str]
    before: float
    after: float
    delta: float
    attainment_before: float
    attainment_after: float
    status_before: str
    status_after: str

    @property
    def status_changed(self):
        return self.status_before != self.status_after

    __eq__ = record_eq
    __ne__ = record_ne
    __hash__ = tuple.__hash__


class Diff:
    """What changed between two evaluations (scores, attainment, statuses)
    per indicator, node and agency."""
    __slots__ = ("_h", "before", "after", "_entries")

    def __init__(self, h, before, after):
        self._h = h
        self.before = before
        self.after = after
        ph = before._plan._h
        nn = _c.plan_node_count(ph)
        out = []
        for (kind, i, b, a, d, ab, aa, sb, sa) in _c.py_diff_entries(h):
            if kind == 0:
                k, iid = "indicator", _c.indicator_id(_c.plan_indicator_at(ph, i))
            elif kind == 1:
                k, iid = "node", (_c.node_id(_c.plan_node_at(ph, i)) if i < nn else None)
            else:
                k, iid = "agency", _c.agency_id(_c.plan_agency_at(ph, i))
            out.append(DiffEntry(k, iid, b, a, d, ab, aa, STATUSES[sb], STATUSES[sa]))
        self._entries = out

    def __len__(self):
        return len(self._entries)

    def __iter__(self):
        return iter(self._entries)

    def __getitem__(self, key):
        if isinstance(key, str):
            for e in self._entries:
                if e.id == key:
                    return e
            raise not_found("%r did not change" % key)
        return self._entries[key]

    def __bool__(self):
        return bool(self._entries)

    @property
    def indicators(self):
        return [e for e in self._entries if e.kind == "indicator"]

    @property
    def nodes(self):
        return [e for e in self._entries if e.kind == "node"]

    @property
    def agencies(self):
        return [e for e in self._entries if e.kind == "agency"]

    @property
    def status_changes(self):
        return [e for e in self._entries if e.status_changed]

    def to_dataframe(self):
        """One row per changed item, index (kind, id)."""
        from .frames import diff_frame
        return diff_frame(self)

    def __eq__(self, other):
        if not isinstance(other, Diff):
            return NotImplemented
        return _nan_eq(tuple(self._entries), tuple(other._entries))

    __hash__ = None

    def __reduce__(self):
        return (_rediff, (self.before, self.after))

    def __repr__(self):
        return "<khcn.Diff: %d changed (%d indicators, %d nodes, %d agencies; %d status changes)>" % (
            len(self), len(self.indicators), len(self.nodes), len(self.agencies), len(self.status_changes))

    def _repr_html_(self):
        from .html import diff_html
        return diff_html(self)


# ----------------------------------------------------------------- monte carlo

class MonteCarlo:
    """Monte Carlo results: probability that each simulated indicator's
    governing target is met, per-target probabilities and node score
    distributions."""
    __slots__ = ("_h", "evaluation", "seed")

    def __init__(self, h, evaluation, seed):
        self._h = h
        self.evaluation = evaluation
        self.seed = seed

    @property
    def draws(self):
        return _c.mc_draws(self._h)

    def __len__(self):
        return _c.mc_indicator_count(self._h)

    def arrays(self):
        """(indicator positions uint64, probability float64)."""
        n = _c.mc_indicator_count(self._h)
        idx = np.empty(n, dtype=np.uint64)
        p = np.empty(n, dtype=np.float64)
        _c.py_mc_arrays(self._h, idx, p)
        return idx, p

    def probability(self, indicator, target=None):
        """P(target met by its year); target None = the governing target."""
        ev = self.evaluation
        i = ev._pos(indicator)
        if target is None:
            j = _c.eval_governing_target(ev._h, i)
            if j >= 2 ** 63:
                return math.nan
        else:
            j = _index(target)
        return _c.mc_probability(self._h, i, j)

    def node(self, id=None):
        """Score distribution of a node (None: the plan) as a dict, or None
        when the simulation does not touch it."""
        ph = self.evaluation._plan._h
        if id is None:
            i = _c.plan_node_count(ph)
        else:
            p = _c.plan_node(ph, _id(id))
            if p is None:
                raise not_found("no node with id %r" % id)
            i = _c.node_index(p)
        t = _c.py_mc_node(self._h, i)
        if t is None:
            return None
        return dict(zip(("mean", "sd", "min", "max", "p05", "p50", "p95", "p_on_track"), t))

    def to_dataframe(self):
        """One row per simulated indicator: probability of its governing
        target being met, with the deterministic status next to it."""
        from .frames import montecarlo_frame
        return montecarlo_frame(self)

    def nodes_dataframe(self):
        from .frames import montecarlo_nodes_frame
        return montecarlo_nodes_frame(self)

    def __repr__(self):
        return "<khcn.MonteCarlo %d draws, %d indicators, seed %d>" % (self.draws, len(self), self.seed)


# ---------------------------------------------------------------------- synth

def synth(indicators=1000, provinces=None, years=None, agencies_per_province=None, depth=None, seed=0,
          first_year=None):
    """The engine's deterministic synthetic national plan (provinces as
    root tasks, task trees, every comparator and measure, yearly
    observations, agencies with roles).  ``synth(1_000_000)`` is the
    1,000,000-indicator benchmark dataset."""
    def n(x):
        return 0 if x is None else int(x)
    if int(indicators) <= 0:
        raise invalid("indicators must be > 0")
    h = _c.py_synth(n(provinces), int(indicators), n(years), n(agencies_per_province), n(depth), int(seed),
                    n(first_year))
    return Plan._from_handle(h)
