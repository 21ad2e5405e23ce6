"""Small helpers shared by the khcn modules (enum names, argument checks)."""

import math
import numbers

from . import core as _c
from .errors import ERRORS

EVERY_YEAR = None  #: target year meaning "every year of the plan period"


def _names(fn, count):
    out = []
    for i in range(count):
        s = fn(i)
        if s is None:
            break
        out.append(s)
    return tuple(out)


MEASURES = _names(_c.measure_name, _c.KHCN_MEASURE_COUNT_)
KINDS = ("stock", "flow")
COMPARATORS = _names(_c.comparator_name, _c.KHCN_CMP_COUNT_)
OBS_STATUSES = _names(_c.obs_status_name, _c.KHCN_OBS_STATUS_COUNT_)
ROLES = _names(_c.role_name, _c.KHCN_ROLE_COUNT_)
RECURRENCES = _names(_c.recurrence_name, _c.KHCN_RECURRENCE_COUNT_)
DOC_TYPES = _names(_c.doc_type_name, _c.KHCN_DOC_TYPE_COUNT_)
AGENCY_KINDS = _names(_c.agency_kind_name, _c.KHCN_AGENCY_KIND_COUNT_)
NODE_TYPES = ("objective", "task")


def invalid(message):
    """An InvalidArgumentError (KHCN_EINVAL), raised by argument checks."""
    return ERRORS[_c.KHCN_EINVAL](message, code=_c.KHCN_EINVAL)


def not_found(message):
    return ERRORS[_c.KHCN_ENOTFOUND](message, code=_c.KHCN_ENOTFOUND)


def enum_code(value, names, what):
    """Accept an enum by name (str) or by number; return the number."""
    if isinstance(value, str):
        try:
            return names.index(value)
        except ValueError:
            raise invalid("unknown %s %r (one of: %s)" % (what, value, ", ".join(names))) from None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool) and 0 <= value < len(names):
        return int(value)
    raise invalid("%s must be one of %s, not %r" % (what, ", ".join(names), value))


def year_arg(year, what="year", allow_none=False, none_value=0):
    """A year as a C int: a Python int in 1900..2200 (the library checks
    the range; here only the type and the C int range)."""
    if year is None:
        if allow_none:
            return none_value
        raise invalid("%s is required" % what)
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        if isinstance(year, float) and year.is_integer():
            year = int(year)
        else:
            raise TypeError("%s must be an int, not %s" % (what, type(year).__name__))
    year = int(year)
    if not -(2 ** 31) < year < 2 ** 31:
        raise invalid("%s %d is out of range" % (what, year))
    return year


def float_arg(value, what="value", allow_none=False):
    """A float for C; None -> NaN when allowed."""
    if value is None:
        if allow_none:
            return math.nan
        raise invalid("%s is required" % what)
    if isinstance(value, bool):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError("%s must be a number, not %s" % (what, type(value).__name__)) from None
    except OverflowError:
        raise invalid("%s %r is too large" % (what, value)) from None


def int_arg(value, what, lo=-(2 ** 31) + 1, hi=2 ** 31 - 1):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError("%s must be an int, not %s" % (what, type(value).__name__))
    value = int(value)
    if not lo <= value <= hi:
        raise invalid("%s %d is out of range" % (what, value))
    return value


def none_if_nan(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def text_arg(value, what):
    if value is None or isinstance(value, (str, bytes)):
        return value
    raise TypeError("%s must be str or None, not %s" % (what, type(value).__name__))


# ---------------------------------------------------- value comparison
def _nan_eq(a, b):
    """== where NaN equals NaN (value comparison of records)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_nan_eq(x, y) for x, y in zip(a, b))
    return a == b


def record_eq(self, other):
    """__eq__ of the record tuples: field by field, a missing value (NaN) equals a missing value."""
    if not isinstance(other, tuple):
        return NotImplemented
    return _nan_eq(tuple(self), tuple(other))


def record_ne(self, other):
    """__ne__ consistent with the class's own __eq__ (tuple's __ne__ would not be)."""
    r = self.__eq__(other)
    return r if r is NotImplemented else not r
