"""The plan model: Plan, Indicator, targets, observations, the task and
objective trees, agencies and the responsibility matrix.

Objects handed out by a plan (indicators, nodes, agencies) hold a
reference to their plan, so the plan stays alive as long as any of them
is used.  Records (targets, observations, responsibilities, ...) are
value snapshots (named tuples): they compare with ``==`` and print as
written.
"""

import math
import numbers
from typing import NamedTuple, Optional

from . import core as _c
from ._util import (MEASURES, KINDS, COMPARATORS, OBS_STATUSES, ROLES, RECURRENCES, DOC_TYPES, AGENCY_KINDS,
                    NODE_TYPES, _nan_eq, record_eq, record_ne, invalid, not_found, enum_code, year_arg, float_arg, int_arg, none_if_nan,
                    text_arg)

__all__ = ["Plan", "Indicator", "Target", "Observation", "Node", "Agency", "Responsibility", "LegalDoc",
           "Diagnostic", "Diagnostics", "IndicatorList", "NodeList", "AgencyList", "Reading"]

_TARGET_NO_OVERSHOOT = 1
_TARGET_CUMULATIVE = 2

_PLAN_FIELDS = ("title", "issuer", "number", "date", "province", "signer", "signer_title", "purpose",
                "requirements", "lang")


# --------------------------------------------------------------- records

class Target(NamedTuple):
    """A target as written in the plan.  ``year`` None means every year of
    the plan period; ``hi``, ``tol``, ``base_year`` are None when they do
    not apply.  A "multiple" target stays comparator "multiple"."""
    year: Optional[int]
    comparator: str
    value: float
    hi: Optional[float] = None
    tol: Optional[float] = None
    base_year: Optional[int] = None
    note: Optional[str] = None
    overshoot: bool = True
    cumulative: bool = False

    @property
    def every_year(self):
        return self.year is None


class Observation(NamedTuple):
    """An observed value.  ``status``: normal, estimated, provisional,
    forecast, missing or break."""
    year: int
    value: float
    status: str = "normal"
    source: Optional[str] = None
    reporter: Optional[str] = None
    note: Optional[str] = None

    __eq__ = record_eq   # a missing value (NaN) equals a missing value
    __ne__ = record_ne
    __hash__ = tuple.__hash__


class Responsibility(NamedTuple):
    """One entry of the responsibility matrix (task None = the whole plan)."""
    task: Optional[str]
    agency: str
    role: str
    to: Optional[str] = None
    due_year: Optional[int] = None
    due_month: Optional[int] = None
    due_day: Optional[int] = None
    every: str = "once"
    note: Optional[str] = None


class LegalDoc(NamedTuple):
    """A legal document the plan cites (căn cứ)."""
    id: str
    number: Optional[str] = None
    type: str = "other"
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None


class Diagnostic(NamedTuple):
    """A validation finding."""
    code: int
    severity: str
    path: str
    entity: str
    offset: Optional[int]
    message: str

    def __str__(self):
        ent = " [%s]" % self.entity if self.entity else ""
        return "%s %d %s%s: %s" % (self.severity, self.code, self.path, ent, self.message)


class Diagnostics(list):
    """The findings of :meth:`Plan.validate`; ``valid`` is the verdict."""

    def __init__(self, items=(), valid=True):
        super().__init__(items)
        self.valid = valid

    @property
    def errors(self):
        return [d for d in self if d.severity in ("error", "fatal")]

    @property
    def warnings(self):
        return [d for d in self if d.severity == "warning"]

    def to_dataframe(self):
        from .frames import diagnostics_frame
        return diagnostics_frame(self)

    def __repr__(self):
        return "<khcn.Diagnostics valid=%s, %d errors, %d warnings>" % (
            self.valid, len(self.errors), len(self.warnings))


def _target_from_tuple(t):
    year, cmp_, value, hi, tol, base_year, flags, note = t
    return Target(year or None, cmp_, value, hi, tol, base_year or None, note,
                  not (flags & _TARGET_NO_OVERSHOOT), bool(flags & _TARGET_CUMULATIVE))


def _obs_from_tuple(t):
    return Observation(*t)


# ----------------------------------------------------------- collections

class _EntityList:
    """A live, read-only view of a plan's entities: len, iteration,
    indexing by position (negative too, and slices) and by id."""
    __slots__ = ("_plan",)
    _count = _at = _by_id = None
    _kind = "entity"

    def __init__(self, plan):
        self._plan = plan

    def _wrap(self, ptr):
        raise NotImplementedError

    def __len__(self):
        return type(self)._count(self._plan._h)

    def __bool__(self):
        return len(self) > 0

    def __iter__(self):
        h = self._plan._h
        at = type(self)._at
        for i in range(type(self)._count(h)):
            p = at(h, i)
            if p is not None:
                yield self._wrap(p)

    def __getitem__(self, key):
        h = self._plan._h
        if isinstance(key, str):
            p = type(self)._by_id(h, key)
            if p is None:
                raise not_found("no %s with id %r" % (self._kind, key))
            return self._wrap(p)
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        if isinstance(key, bool) or not isinstance(key, numbers.Integral):
            raise TypeError("%s index must be an int, a slice or an id, not %s" % (self._kind, type(key).__name__))
        n = len(self)
        i = int(key)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("%s index %d out of range (%d)" % (self._kind, int(key), n))
        return self._wrap(type(self)._at(h, i))

    def get(self, id, default=None):
        if not isinstance(id, str):
            return default
        p = type(self)._by_id(self._plan._h, id)
        return default if p is None else self._wrap(p)

    def __contains__(self, item):
        if isinstance(item, str):
            return type(self)._by_id(self._plan._h, item) is not None
        return any(x == item for x in self)

    @property
    def ids(self):
        return [x.id for x in self]

    def __repr__(self):
        n = len(self)
        ids = [x.id for x in self[:5]]
        more = ", ..." if n > 5 else ""
        return "<%d %ss: %s%s>" % (n, self._kind, ", ".join(ids), more)


class IndicatorList(_EntityList):
    """``plan.indicators``."""
    __slots__ = ()
    _count = staticmethod(_c.plan_indicator_count)
    _at = staticmethod(_c.plan_indicator_at)
    _by_id = staticmethod(_c.plan_indicator)
    _kind = "indicator"

    def _wrap(self, ptr):
        return Indicator(self._plan, ptr)

    @property
    def ids(self):
        return _c.py_indicator_texts(self._plan._h, 0)

    def to_dataframe(self):
        """One row per indicator, indexed by id."""
        from .frames import indicators_frame
        return indicators_frame(self._plan)

    def observations_dataframe(self):
        from .frames import observations_frame
        return observations_frame(self._plan)


class NodeList(_EntityList):
    """``plan.nodes`` (or ``plan.tasks`` / ``plan.objectives``, filtered)."""
    __slots__ = ("_type",)
    _count = staticmethod(_c.plan_node_count)
    _at = staticmethod(_c.plan_node_at)
    _by_id = staticmethod(_c.plan_node)
    _kind = "node"

    def __init__(self, plan, type_=None):
        self._plan = plan
        self._type = type_

    def _wrap(self, ptr):
        return Node(self._plan, ptr)

    def _all(self):
        h = self._plan._h
        out = []
        for i in range(_c.plan_node_count(h)):
            p = _c.plan_node_at(h, i)
            if self._type is None or _c.node_type_of(p) == self._type:
                out.append(p)
        return out

    def __len__(self):
        if self._type is None:
            return _c.plan_node_count(self._plan._h)
        return len(self._all())

    def __iter__(self):
        for p in self._all():
            yield Node(self._plan, p)

    def __getitem__(self, key):
        if isinstance(key, str):
            p = _c.plan_node(self._plan._h, key)
            if p is None or (self._type is not None and _c.node_type_of(p) != self._type):
                raise not_found("no %s with id %r" % (NODE_TYPES[self._type] if self._type is not None else "node",
                                                      key))
            return Node(self._plan, p)
        if isinstance(key, slice):
            return [Node(self._plan, p) for p in self._all()[key]]
        if isinstance(key, bool) or not isinstance(key, numbers.Integral):
            raise TypeError("node index must be an int, a slice or an id")
        allp = self._all()
        try:
            return Node(self._plan, allp[int(key)])
        except IndexError:
            raise IndexError("node index %d out of range (%d)" % (int(key), len(allp))) from None

    def get(self, id, default=None):
        try:
            return self[id]
        except (KeyError, TypeError):
            return default

    def __contains__(self, item):
        if isinstance(item, str):
            return self.get(item) is not None
        return any(x == item for x in self)

    def to_dataframe(self):
        from .frames import nodes_frame
        return nodes_frame(self)


class AgencyList(_EntityList):
    """``plan.agencies``."""
    __slots__ = ()
    _count = staticmethod(_c.plan_agency_count)
    _at = staticmethod(_c.plan_agency_at)
    _by_id = staticmethod(_c.plan_agency)
    _kind = "agency"

    def _wrap(self, ptr):
        return Agency(self._plan, ptr)

    def __repr__(self):
        n = len(self)
        return "<%d agencies: %s%s>" % (n, ", ".join(a.id for a in self[:5]), ", ..." if n > 5 else "")

    def to_dataframe(self):
        from .frames import agencies_frame
        return agencies_frame(self)


class PlanObservations:
    """``plan.observations``: every observation of a plan."""
    __slots__ = ("_plan",)

    def __init__(self, plan):
        self._plan = plan

    def __len__(self):
        return _c.py_observation_total(self._plan._h)

    def __iter__(self):
        for ind in self._plan.indicators:
            iid = ind.id
            for o in ind.observations:
                yield iid, o

    def arrays(self):
        """(indicator position uint32, year int32, value float64, status uint8)."""
        return self._plan.observation_arrays()

    def to_dataframe(self):
        from .frames import observations_frame
        return observations_frame(self._plan)

    def __repr__(self):
        return "<%d observations of %r>" % (len(self), self._plan.id)


class _RecordList(list):
    """A list of records with ``to_dataframe()``."""

    def __init__(self, items, frame):
        super().__init__(items)
        self._frame = frame

    def to_dataframe(self):
        return self._frame(self)


# -------------------------------------------------------------- entities

class _Entity:
    __slots__ = ("_plan", "_p")

    def __init__(self, plan, ptr):
        self._plan = plan   # keeps the plan (and so the C object) alive
        self._p = ptr

    @property
    def plan(self):
        """The plan this object belongs to."""
        return self._plan

    def __hash__(self):
        return hash((type(self).__name__, self.id))

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __reduce__(self):
        # pickles as (its plan, its id): the plan travels as CBOR, once per pickle
        return (_entity_of, (self._plan, type(self).__name__, self.id))


def _entity_of(plan, kind, id):
    coll = {"Indicator": plan.indicators, "Node": plan.nodes, "Agency": plan.agencies}[kind]
    return coll[id]


class Indicator(_Entity):
    """An indicator (chỉ tiêu) of a plan."""
    __slots__ = ()

    # -- identity and descriptive fields
    @property
    def id(self):
        return _c.indicator_id(self._p)

    @property
    def index(self):
        """Position in the plan (0-based)."""
        return _c.indicator_index(self._p)

    @property
    def name(self):
        return _c.indicator_name(self._p)

    @name.setter
    def name(self, value):
        _c.indicator_set_name(self._p, text_arg(value, "name"))

    @property
    def name_en(self):
        return _c.indicator_name_en(self._p)

    @name_en.setter
    def name_en(self, value):
        _c.indicator_set_name_en(self._p, text_arg(value, "name_en"))

    @property
    def unit(self):
        return _c.indicator_unit(self._p)

    @unit.setter
    def unit(self, value):
        _c.indicator_set_unit(self._p, text_arg(value, "unit"))

    @property
    def description(self):
        return _c.indicator_description(self._p)

    @description.setter
    def description(self, value):
        _c.indicator_set_description(self._p, text_arg(value, "description"))

    @property
    def measure(self):
        """count, percent, ratio, money, index, rate, binary or qualitative."""
        return MEASURES[_c.indicator_measure(self._p)]

    @measure.setter
    def measure(self, value):
        _c.indicator_set_measure(self._p, enum_code(value, MEASURES, "measure"))

    @property
    def direction(self):
        """+1 higher is better, -1 lower is better."""
        return _c.indicator_direction(self._p)

    @direction.setter
    def direction(self, value):
        if isinstance(value, str):
            value = {"up": 1, "+": 1, "higher": 1, "down": -1, "-": -1, "lower": -1}.get(value, 0)
        _c.indicator_set_direction(self._p, int_arg(value, "direction"))

    @property
    def kind(self):
        """stock (a level) or flow (a quantity per year)."""
        return KINDS[_c.indicator_kind(self._p)]

    @kind.setter
    def kind(self, value):
        _c.indicator_set_kind(self._p, enum_code(value, KINDS, "kind"))

    @property
    def limit(self):
        """Natural limit (100 for a share), or None."""
        return none_if_nan(_c.indicator_limit(self._p))

    @limit.setter
    def limit(self, value):
        _c.indicator_set_limit(self._p, float_arg(value, "limit", allow_none=True))

    # -- baseline
    @property
    def baseline(self):
        """(year, value) of the baseline, or None."""
        y = _c.indicator_baseline_year(self._p)
        if not y:
            return None
        return (y, _c.indicator_baseline_value(self._p))

    @property
    def baseline_year(self):
        return _c.indicator_baseline_year(self._p) or None

    @property
    def baseline_value(self):
        return none_if_nan(_c.indicator_baseline_value(self._p))

    @property
    def baseline_note(self):
        return _c.indicator_baseline_note(self._p)

    def set_baseline(self, year, value, note=None):
        """Set the baseline; ``year`` None clears it."""
        if year is None:
            _c.indicator_set_baseline(self._p, 0, 0.0, None)
            return self
        _c.indicator_set_baseline(self._p, year_arg(year), float_arg(value), text_arg(note, "note"))
        return self

    def clear_baseline(self):
        return self.set_baseline(None, None)

    # -- ratio formula
    @property
    def formula(self):
        """(numerator id, denominator id, factor) or None."""
        return _c.py_formula(self._p)

    def set_formula(self, numerator, denominator=None, factor=1.0):
        """Make this a ratio indicator: numerator x factor / denominator
        (ids of two indicators of the plan); numerator None clears it."""
        _c.indicator_set_formula(self._p, text_arg(numerator, "numerator"), text_arg(denominator, "denominator"),
                                 float_arg(factor, "factor"))
        return self

    # -- targets
    @property
    def targets(self):
        """The targets, as written (a list of :class:`Target`)."""
        from .frames import targets_frame
        return _RecordList([_target_from_tuple(t) for t in _c.py_targets(self._p)], targets_frame)

    def add_target(self, year, comparator, value, hi=None, tol=None, base_year=None, note=None,
                   overshoot=True, cumulative=False):
        """Add a target.  ``year`` None (or "every") means every year of the
        plan period; ``comparator`` is one of at_least, at_most, range,
        approx, growth, multiple, done.  Growth values are fractions per
        year (0.075 for 7.5 %/year).  Returns the :class:`Target`."""
        if isinstance(year, str) and year == "every":
            year = None
        y = year_arg(year, "year", allow_none=True)
        cmp_ = enum_code(comparator, COMPARATORS, "comparator")
        if value is None and COMPARATORS[cmp_] == "done":
            value = 1
        flags = (0 if overshoot else _TARGET_NO_OVERSHOOT) | (_TARGET_CUMULATIVE if cumulative else 0)
        by = year_arg(base_year, "base_year", allow_none=True)
        _c.py_add_target(self._p, y, cmp_, float_arg(value), float_arg(hi, "hi", True),
                         float_arg(tol, "tol", True), by, flags, text_arg(note, "note"))
        n = _c.indicator_target_count(self._p)
        return self.targets[n - 1]

    def remove_target(self, i):
        n = _c.indicator_target_count(self._p)
        i = int_arg(i, "target index", -(2 ** 62), 2 ** 62)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("target index out of range")
        _c.indicator_remove_target(self._p, i)

    # -- observations
    @property
    def observations(self):
        """The observations, by year (a list of :class:`Observation`)."""
        from .frames import observation_records_frame
        return _RecordList([_obs_from_tuple(t) for t in _c.py_observations(self._p)],
                           lambda recs: observation_records_frame(recs, self.id))

    def add_observation(self, year, value, status=None, source=None, reporter=None, note=None):
        """Add an observation (one per year).  ``value`` None means missing
        (status "missing")."""
        if value is None:
            value = math.nan
            if status is None:
                status = "missing"
        st = enum_code(status if status is not None else "normal", OBS_STATUSES, "observation status")
        _c.py_add_observation(self._p, year_arg(year), float_arg(value), st, text_arg(source, "source"),
                              text_arg(reporter, "reporter"), text_arg(note, "note"))
        return self

    def remove_observation(self, year):
        _c.indicator_remove_observation(self._p, year_arg(year))

    def set_series(self, years, values):
        """Replace all observations by a plain series (numpy arrays or
        sequences; years strictly increasing)."""
        y = _int32_array(years, "years")
        v = _float_array(values, "values")
        _c.py_set_series(self._p, y, v)
        return self

    @property
    def series(self):
        """(years, values) as numpy arrays (int32, float64)."""
        import numpy as np
        n = _c.indicator_observation_count(self._p)
        y = np.empty(n, dtype=np.int32)
        v = np.empty(n, dtype=np.float64)
        _c.py_series(self._p, y, v)
        return y, v

    def value_in(self, year):
        """The observed value of a year, or None."""
        for o in _c.py_observations(self._p):
            if o[0] == year:
                return o[1]
        return None

    # -- Python protocol
    def _state(self):
        return (self.id, self.name, self.name_en, self.unit, self.description, self.measure, self.direction,
                self.kind, self.limit, self.baseline, self.baseline_note, self.formula,
                tuple(self.targets), tuple(self.observations))

    def __eq__(self, other):
        if not isinstance(other, Indicator):
            return NotImplemented
        if self._p == other._p:
            return True
        return _nan_eq(self._state(), other._state())

    __hash__ = None

    def __repr__(self):
        unit = " [%s]" % self.unit if self.unit else ""
        return "<khcn.Indicator %r: %s%s, %s, %d targets, %d observations>" % (
            self.id, _short(self.name), unit, self.measure, _c.indicator_target_count(self._p),
            _c.indicator_observation_count(self._p))

    def plot(self, ax=None, evaluation=None, **kw):
        """Trajectory plot (matplotlib): baseline, target path, milestones,
        observations and projection.  See :func:`khcn.plot.trajectory`."""
        from .plot import trajectory
        return trajectory(self, ax=ax, evaluation=evaluation, **kw)


class Node(_Entity):
    """An objective (mục tiêu) or a task (nhiệm vụ) of a plan."""
    __slots__ = ()

    @property
    def id(self):
        return _c.node_id(self._p)

    @property
    def type(self):
        """"objective" or "task"."""
        return NODE_TYPES[_c.node_type_of(self._p)]

    @property
    def parent_id(self):
        return _c.node_parent(self._p)

    @property
    def parent(self):
        pid = _c.node_parent(self._p)
        if pid is None:
            return None
        p = _c.plan_node(self._plan._h, pid)
        return None if p is None else Node(self._plan, p)

    @property
    def children(self):
        me = self.id
        return [n for n in self._plan.nodes if n.parent_id == me]

    @property
    def label(self):
        return _c.node_label(self._p)

    @property
    def title(self):
        return _c.node_title(self._p)

    @property
    def text(self):
        return _c.node_text(self._p)

    @text.setter
    def text(self, value):
        _c.node_set_text(self._p, text_arg(value, "text"))

    @property
    def weight(self):
        return _c.node_weight(self._p)

    @weight.setter
    def weight(self, value):
        _c.node_set_weight(self._p, float_arg(value, "weight"))

    @property
    def index(self):
        return _c.node_index(self._p)

    @property
    def links(self):
        """[(indicator id, weight)]."""
        return _c.py_node_links(self._p)

    @property
    def indicators(self):
        """The linked indicators that exist in the plan."""
        out = []
        for iid, _w in _c.py_node_links(self._p):
            p = _c.plan_indicator(self._plan._h, iid)
            if p is not None:
                out.append(Indicator(self._plan, p))
        return out

    def link(self, indicator, weight=1.0):
        """Link an indicator (an Indicator or its id) with a weight."""
        iid = indicator.id if isinstance(indicator, Indicator) else indicator
        _c.node_link(self._p, text_arg(iid, "indicator"), float_arg(weight, "weight"))
        return self

    def _state(self):
        return (self.id, self.type, self.parent_id, self.label, self.title, self.text, self.weight,
                tuple(self.links))

    def __eq__(self, other):
        if not isinstance(other, Node):
            return NotImplemented
        return self._p == other._p or _nan_eq(self._state(), other._state())

    __hash__ = None

    def __repr__(self):
        return "<khcn.Node %s %r: %s>" % (self.type, self.id, _short(self.title))


class Agency(_Entity):
    """An agency (cơ quan, đơn vị)."""
    __slots__ = ()

    @property
    def id(self):
        return _c.agency_id(self._p)

    @property
    def name(self):
        return _c.agency_name(self._p)

    @property
    def short_name(self):
        return _c.agency_short_name(self._p)

    @short_name.setter
    def short_name(self, value):
        _c.agency_set_short_name(self._p, text_arg(value, "short_name"))

    @property
    def parent_id(self):
        return _c.agency_parent(self._p)

    @property
    def kind(self):
        return AGENCY_KINDS[_c.agency_kind_of(self._p)]

    @kind.setter
    def kind(self, value):
        _c.agency_set_kind(self._p, enum_code(value, AGENCY_KINDS, "agency kind"))

    @property
    def index(self):
        return _c.agency_index(self._p)

    @property
    def responsibilities(self):
        me = self.id
        return [r for r in self._plan.responsibilities if r.agency == me]

    def _state(self):
        return (self.id, self.name, self.short_name, self.parent_id, self.kind)

    def __eq__(self, other):
        if not isinstance(other, Agency):
            return NotImplemented
        return self._p == other._p or self._state() == other._state()

    __hash__ = None

    def __repr__(self):
        return "<khcn.Agency %r: %s>" % (self.id, _short(self.name))


# ------------------------------------------------------------------ plan

class Plan:
    """A plan (kế hoạch).

    >>> plan = khcn.Plan("demo", title="Kế hoạch KH&CN", start=2021, end=2025)
    >>> ind = plan.add_indicator("nv", name="Số nhiệm vụ", unit="nhiệm vụ")
    >>> ind.set_baseline(2020, 40).add_target(2025, "at_least", 80)
    """
    __slots__ = ("_h", "_gen", "_busy", "_writing", "__weakref__")

    def __init__(self, id, title=None, start=None, end=None, **fields):
        h = _c.plan_new(text_arg(id, "id"))
        self._h = h
        self._gen = 0
        self._busy = 0
        self._writing = False
        if title is not None:
            self.title = title
        if start is not None or end is not None:
            if start is None or end is None:
                raise invalid("give both start and end")
            self.set_period(start, end)
        for k, v in fields.items():
            if k not in _PLAN_FIELDS:
                raise TypeError("Plan() got an unexpected keyword argument %r" % k)
            setattr(self, k, v)

    @classmethod
    def _from_handle(cls, h):
        self = cls.__new__(cls)
        self._h = h
        self._gen = 0
        self._busy = 0
        self._writing = False
        return self

    # -- fields
    @property
    def id(self):
        return _c.plan_id(self._h)

    def _text(self, f):
        return _c.plan_text(self._h, f)

    def _set_text(self, f, v):
        _c.plan_set_text(self._h, f, text_arg(v, _PLAN_FIELDS[f]))

    title = property(lambda s: s._text(0), lambda s, v: s._set_text(0, v), doc="The title (trích yếu).")
    issuer = property(lambda s: s._text(1), lambda s, v: s._set_text(1, v), doc="Issuing body.")
    number = property(lambda s: s._text(2), lambda s, v: s._set_text(2, v), doc="Document number.")
    date = property(lambda s: s._text(3), lambda s, v: s._set_text(3, v), doc="Issue date, YYYY[-MM[-DD]].")
    province = property(lambda s: s._text(4), lambda s, v: s._set_text(4, v), doc="Province.")
    signer = property(lambda s: s._text(5), lambda s, v: s._set_text(5, v), doc="Who signed.")
    signer_title = property(lambda s: s._text(6), lambda s, v: s._set_text(6, v), doc="The signer's title.")
    purpose = property(lambda s: s._text(7), lambda s, v: s._set_text(7, v), doc="Mục đích.")
    requirements = property(lambda s: s._text(8), lambda s, v: s._set_text(8, v), doc="Yêu cầu.")
    lang = property(lambda s: s._text(9), lambda s, v: s._set_text(9, v), doc="BCP 47 language, default vi.")

    @property
    def start(self):
        return _c.plan_start(self._h) or None

    @start.setter
    def start(self, year):
        self.set_period(year, self.end if self.end else year)

    @property
    def end(self):
        return _c.plan_end(self._h) or None

    @end.setter
    def end(self, year):
        self.set_period(self.start if self.start else year, year)

    @property
    def period(self):
        """(start, end) or None."""
        s, e = _c.plan_start(self._h), _c.plan_end(self._h)
        return (s, e) if s else None

    def set_period(self, start, end):
        _c.plan_set_period(self._h, year_arg(start, "start"), year_arg(end, "end"))
        return self

    @property
    def budget_sources(self):
        h = self._h
        return [_c.plan_budget_source_at(h, i) for i in range(_c.plan_budget_source_count(h))]

    def add_budget_source(self, text):
        _c.plan_add_budget_source(self._h, text_arg(text, "text"))

    @property
    def legal_bases(self):
        return [LegalDoc(*t) for t in _c.py_legal_bases(self._h)]

    def add_legal_basis(self, id, number=None, type="other", date=None, issuer=None, title=None):
        _c.py_add_legal_basis(self._h, text_arg(id, "id"), text_arg(number, "number"),
                              enum_code(type, DOC_TYPES, "document type"), text_arg(date, "date"),
                              text_arg(issuer, "issuer"), text_arg(title, "title"))

    # -- indicators
    @property
    def indicators(self):
        """The indicators: ``len``, iteration, ``plan.indicators["id"]``,
        ``plan.indicators[0]``, ``to_dataframe()``."""
        return IndicatorList(self)

    def indicator(self, id):
        return self.indicators[id]

    def add_indicator(self, id, name=None, unit=None, direction=1, measure="count", kind="stock", limit=None,
                      name_en=None, description=None, baseline=None):
        """Add an indicator and return it.  ``direction`` +1 (higher is
        better) or -1; ``measure`` count, percent, ratio, money, index,
        rate, binary or qualitative; ``kind`` stock or flow; ``limit`` the
        natural limit or None; ``baseline`` an optional (year, value)."""
        ptr = _c.plan_add_indicator(self._h, text_arg(id, "id"), text_arg(name if name is not None else id, "name"))
        ind = Indicator(self, ptr)
        # a bad field raises below; the indicator itself stays in the plan
        if unit is not None:
            ind.unit = unit
        if direction != 1:
            ind.direction = direction
        if measure != "count":
            ind.measure = measure
        if kind != "stock":
            ind.kind = kind
        if limit is not None:
            ind.limit = limit
        if name_en is not None:
            ind.name_en = name_en
        if description is not None:
            ind.description = description
        if baseline is not None:
            ind.set_baseline(*baseline)
        return ind

    def add_indicators(self, ids, names=None):
        """Add many indicators at once (C loop): ``ids`` a sequence of str,
        ``names`` None (the ids) or a sequence of str."""
        if isinstance(ids, str):
            raise TypeError("ids must be a sequence of str, not a str")
        if hasattr(ids, "tolist"):
            ids = ids.tolist()
        if names is not None and hasattr(names, "tolist"):
            names = names.tolist()
        _c.py_add_indicators(self._h, ids, names)

    def add_observations(self, indicator, years, values):
        """Bulk load observations from arrays: ``indicator`` positions
        (ints, or ids), ``years``, ``values`` of one length.  All or nothing.
        Accepts numpy arrays (converted without copy when already uint32,
        int32, float64 and contiguous) or sequences."""
        import numpy as np
        idx = np.asarray(indicator)
        if idx.dtype.kind in "US" or idx.dtype == object:
            pos = {k: i for i, k in enumerate(_c.py_indicator_texts(self._h, 0))}
            try:
                idx = np.fromiter((pos[k] for k in idx.tolist()), dtype=np.uint32, count=idx.size)
            except KeyError as e:
                raise not_found("no indicator with id %r" % (e.args[0],)) from None
        elif idx.dtype.kind not in "iu":
            raise TypeError("indicator must be integer positions or ids")
        elif idx.dtype != np.uint32:
            if idx.size and (idx.min() < 0 or idx.max() >= 2 ** 32):
                raise invalid("indicator position out of range")
            idx = idx.astype(np.uint32)
        idx = np.ascontiguousarray(idx, dtype=np.uint32)
        y = _int32_array(years, "years")
        v = _float_array(values, "values")
        if idx.ndim != 1:
            raise invalid("indicator must be 1-d")
        if self._busy or self._writing:      # checked again: the conversions above may let others in
            raise RuntimeError(_BUSY)
        self._writing = True        # the GIL is released while the library writes
        try:
            _c.py_add_observations(self._h, idx, y, v)
        finally:
            self._writing = False

    @classmethod
    def from_arrays(cls, id, ids, indicator, years, values, title=None, start=None, end=None, names=None):
        """Build a plan from arrays: one indicator per id in ``ids``, then
        the observations (indicator positions, years, values)."""
        plan = cls(id, title=title, start=start, end=end)
        plan.add_indicators(ids, names)
        plan.add_observations(indicator, years, values)
        return plan

    @property
    def observations(self):
        """Every observation of the plan (a view): ``len``, iteration as
        (indicator id, :class:`Observation`), ``to_dataframe()`` (index
        (indicator, year)), ``arrays()``."""
        return PlanObservations(self)

    def observations_dataframe(self):
        """Every observation, long form (indicator, year) -> value, status."""
        from .frames import observations_frame
        return observations_frame(self)

    def observation_arrays(self):
        """Every observation as numpy arrays (index uint32, year int32,
        value float64, status uint8)."""
        import numpy as np
        n = _c.py_observation_total(self._h)
        a = (np.empty(n, np.uint32), np.empty(n, np.int32), np.empty(n, np.float64), np.empty(n, np.uint8))
        with Reading(self):
            _c.py_observation_arrays(self._h, *a)
        return a

    # -- nodes
    @property
    def nodes(self):
        """Objectives and tasks, in insertion order."""
        return NodeList(self)

    @property
    def objectives(self):
        return NodeList(self, 0)

    @property
    def tasks(self):
        return NodeList(self, 1)

    def _add_node(self, type_, id, title, parent, label, weight, text, indicators):
        ptr = _c.plan_add_node(self._h, type_, text_arg(id, "id"), text_arg(parent, "parent"),
                               text_arg(label, "label"), text_arg(title, "title"))
        node = Node(self, ptr)
        if weight is not None:
            node.weight = weight
        if text is not None:
            node.text = text
        for item in indicators or ():
            if isinstance(item, tuple):
                node.link(*item)
            else:
                node.link(item)
        return node

    def add_objective(self, id, title, parent=None, label=None, weight=None, text=None, indicators=()):
        return self._add_node(0, id, title, parent, label, weight, text, indicators)

    def add_task(self, id, title, parent=None, label=None, weight=None, text=None, indicators=()):
        return self._add_node(1, id, title, parent, label, weight, text, indicators)

    # -- agencies and responsibilities
    @property
    def agencies(self):
        return AgencyList(self)

    def add_agency(self, id, name, parent=None, short_name=None, kind=None):
        ptr = _c.plan_add_agency(self._h, text_arg(id, "id"), text_arg(name, "name"), text_arg(parent, "parent"))
        a = Agency(self, ptr)
        if short_name is not None:
            a.short_name = short_name
        if kind is not None:
            a.kind = kind
        return a

    @property
    def responsibilities(self):
        from .frames import responsibilities_frame
        out = []
        for t in _c.py_responsibilities(self._h):
            task, agency, role, to, dy, dm, dd, every, note = t
            out.append(Responsibility(task, agency, role, to, dy or None, dm or None, dd or None, every, note))
        return _RecordList(out, responsibilities_frame)

    def assign(self, task, agency, role="lead", to=None, due_year=None, due_month=None, due_day=None,
               every="once", note=None):
        """Add an entry to the responsibility matrix (task None = the whole plan)."""
        if isinstance(task, Node):
            task = task.id
        if isinstance(agency, Agency):
            agency = agency.id
        _c.py_assign(self._h, text_arg(task, "task"), text_arg(agency, "agency"), enum_code(role, ROLES, "role"),
                     text_arg(to, "to"), year_arg(due_year, "due_year", allow_none=True),
                     int_arg(due_month or 0, "due_month"), int_arg(due_day or 0, "due_day"),
                     enum_code(every, RECURRENCES, "recurrence"), text_arg(note, "note"))

    def unassign(self, i):
        n = _c.plan_responsibility_count(self._h)
        i = int_arg(i, "index")
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("responsibility index out of range")
        _c.plan_unassign(self._h, i)

    # -- validation
    def validate(self, strict=False):
        """Check the whole plan; returns :class:`Diagnostics` (``.valid``)."""
        with Reading(self):
            st, items = _c.py_validate(self._h, 1 if strict else 0)
        return Diagnostics([Diagnostic(*t[:4], None if t[4] < 0 else t[4], t[5]) for t in items], valid=(st == 0))

    def check(self, strict=False):
        """Like validate(), but raise InvalidPlanError when the plan has errors."""
        d = self.validate(strict)
        if not d.valid:
            from .errors import ERRORS
            msgs = "; ".join(str(x) for x in d.errors[:5])
            raise ERRORS[_c.KHCN_EINVALID]("the plan does not validate: " + msgs, code=_c.KHCN_EINVALID)
        return d

    # -- copies, equality, pickling
    def copy(self):
        """A deep copy."""
        with Reading(self):
            return Plan._from_handle(_c.plan_clone(self._h))

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def _state(self):
        return (self.id, tuple(self._text(i) for i in range(len(_PLAN_FIELDS))), self.period,
                tuple(self.budget_sources), tuple(self.legal_bases),
                tuple(i._state() for i in self.indicators), tuple(n._state() for n in self.nodes),
                tuple(a._state() for a in self.agencies), tuple(self.responsibilities))

    def __eq__(self, other):
        if not isinstance(other, Plan):
            return NotImplemented
        if self._h == other._h:
            return True
        try:
            return self.dumps() == other.dumps()
        except (AttributeError, NotImplementedError):
            return _nan_eq(self._state(), other._state())

    __hash__ = None

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __reduce__(self):
        from . import loads
        return (loads, (self.dumps(),))

    def __repr__(self):
        per = "%d-%d" % self.period if self.period else "no period"
        return "<khcn.Plan %r %s: %d indicators, %d nodes, %d agencies>" % (
            self.id, per, _c.plan_indicator_count(self._h), _c.plan_node_count(self._h),
            _c.plan_agency_count(self._h))

    def _repr_html_(self):
        from .html import plan_html
        return plan_html(self)


def _int32_array(a, what):
    """A contiguous 1-d int32 array (no copy when it already is one)."""
    import numpy as np
    if isinstance(a, np.ndarray) and a.dtype == np.int32 and a.ndim == 1 and a.flags.c_contiguous:
        return a
    try:
        y = np.asarray(a)
    except (TypeError, ValueError, OverflowError):
        raise invalid("%s must be an array of integers" % what) from None
    if y.ndim != 1:
        raise invalid("%s must be 1-d" % what)
    if y.dtype != np.int32:
        if y.dtype.kind not in "iuf" or (y.size and not (np.isfinite(y).all() and y.min() >= -2 ** 31
                                                         and y.max() < 2 ** 31 and (y == np.floor(y)).all())):
            raise invalid("%s must be integers in the int32 range" % what)
        y = y.astype(np.int32)
    return np.ascontiguousarray(y)


def _float_array(a, what):
    import numpy as np
    try:
        v = np.ascontiguousarray(a, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise invalid("%s must be an array of numbers" % what) from None
    if v.ndim != 1:
        raise invalid("%s must be 1-d" % what)
    return v


def _short(s, n=60):
    if s is None:
        return ""
    return s if len(s) <= n else s[: n - 1] + "…"


# ------------------------------------------------- modification tracking
# Every call that changes a plan bumps its generation, so that evaluations
# (which borrow the plan) can refuse to read a plan changed under them.
# Long library calls release the GIL; while one reads a plan (Reading), a
# change from another thread is refused instead of racing with it, and
# while a bulk load writes, reads are refused.

_BUSY = ("the plan is in use by a long call in another thread (evaluation, I/O, ...); "
         "a plan must not be modified while it is read")


class Reading:
    """Context manager around a library call that reads ``plan`` without
    the GIL."""
    __slots__ = ("_p",)

    def __init__(self, plan):
        self._p = plan

    def __enter__(self):
        p = self._p
        if p._writing:
            raise RuntimeError("the plan is being modified by another thread")
        p._busy += 1
        return p

    def __exit__(self, *exc):
        self._p._busy -= 1
        return False


def _bumping(fn):
    import functools

    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        plan = self if isinstance(self, Plan) else self._plan
        if plan._busy or plan._writing:
            raise RuntimeError(_BUSY)
        plan._gen += 1
        return fn(self, *args, **kwargs)
    return wrapper


_MUTATORS = {
    Plan: ("set_period", "add_budget_source", "add_legal_basis", "add_indicator", "add_indicators",
           "add_observations", "_add_node", "add_agency", "assign", "unassign",
           "title", "issuer", "number", "date", "province", "signer", "signer_title", "purpose", "requirements",
           "lang", "start", "end"),
    Indicator: ("name", "name_en", "unit", "description", "measure", "direction", "kind", "limit", "set_baseline",
                "set_formula", "add_target", "remove_target", "add_observation", "remove_observation",
                "set_series"),
    Node: ("text", "weight", "link"),
    Agency: ("short_name", "kind"),
}
for _cls, _names in _MUTATORS.items():
    for _n in _names:
        _a = _cls.__dict__[_n]
        if isinstance(_a, property):
            setattr(_cls, _n, property(_a.fget, _bumping(_a.fset), None, _a.__doc__))
        else:
            setattr(_cls, _n, _bumping(_a))
del _cls, _names, _n, _a
