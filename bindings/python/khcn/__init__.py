"""khcn: Vietnamese provincial science & technology plans, from Python.

The C library libkhcn through a SWIG-generated extension (``khcn.core``),
with a Pythonic layer: properties, ``len``, iteration, indexing by id,
``repr`` and ``==``; numpy arrays in and out; pandas DataFrames; Jupyter
HTML; matplotlib plots; pickling; Dask scale-out (``khcn.dask``).

    >>> import khcn
    >>> plan = khcn.load("examples/data/ben-tre.cbor")
    >>> ev = plan.evaluate(as_of=2024)
    >>> ev.to_dataframe()

Growth rates are fractions per year everywhere (7.5 %/year is 0.075);
percentages as indicator values are in percent (45 means 45 %).
"""

from . import core
from .errors import *  # noqa: F401,F403  (KhcnError and the generated subclasses)
from .errors import KhcnError, ERRORS, error_class
from ._util import (MEASURES, KINDS, COMPARATORS, OBS_STATUSES, ROLES, RECURRENCES, DOC_TYPES, AGENCY_KINDS,
                    EVERY_YEAR)
from .model import (Plan, Indicator, Target, Observation, Node, Agency, Responsibility, LegalDoc, Diagnostic,
                    Diagnostics)
from .evaluation import *  # noqa: F401,F403
from . import evaluation as _evaluation
from .io import load, loads, dumps, save, from_json, cbor_dump, HAVE_IO  # noqa: F401
from .evaluation import synth, evaluate  # noqa: F401

__version__ = core.version_string()
version_info = tuple(int(x) for x in __version__.split(".")[:3])

__all__ = list(dict.fromkeys(
    ["Plan", "Indicator", "Target", "Observation", "Node", "Agency", "Responsibility", "LegalDoc",
     "Diagnostic", "Diagnostics", "KhcnError", "ERRORS", "error_class", "load", "loads", "dumps", "save",
     "from_json", "cbor_dump", "synth", "evaluate", "MEASURES", "KINDS", "COMPARATORS", "OBS_STATUSES", "ROLES",
     "RECURRENCES", "DOC_TYPES", "AGENCY_KINDS", "EVERY_YEAR", "__version__"]
    + list(_evaluation.__all__)
    + [n for n in errors.__all__ if n not in ("KhcnError", "ERRORS", "error_class")]))  # noqa: F405
