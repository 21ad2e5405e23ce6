"""Reading and writing plans: CBOR (the exchange format, docs/format.md)
and its JSON form (docs/json-form.md).

- ``khcn.load(path)``: the format from the extension (.json; .khcn/.cbor),
  else from the content;
- ``khcn.loads(data)``: CBOR bytes, or JSON (str, or bytes starting with
  "{");
- ``plan.save(path)``: written atomically (temporary file + rename);
- ``plan.dumps()``: CBOR bytes in the deterministic profile (the same plan
  gives the same bytes: used for ``==`` and pickling); ``plan.to_json()``.

Read errors raise :class:`khcn.FormatError` (and the other KhcnError
subclasses) with ``.diagnostics``: the reader's findings (code,
severity, path, entity, byte offset, message).
"""

import os

from . import core as _c
from .errors import KhcnError
from .model import Plan, Diagnostic, Diagnostics, Reading
from ._util import invalid

__all__ = ["load", "loads", "dumps", "save", "from_json", "cbor_dump", "HAVE_IO"]

HAVE_IO = bool(_c.py_have("khcn_plan_read") and _c.py_have("khcn_cbor_write"))

_FORMATS = {None: 0, "auto": 0, "cbor": 1, "khcn": 1, "json": 2}
_READ_STRICT, _READ_VALIDATE, _READ_VALIDATE_STRICT = 1, 2, 4


def _fmt(format):
    try:
        return _FORMATS[format]
    except (KeyError, TypeError):
        raise invalid("format must be 'cbor', 'json' or None, not %r" % (format,)) from None


def _diags(items):
    return Diagnostics([Diagnostic(*t[:4], None if t[4] < 0 else t[4], t[5]) for t in items],
                       valid=not any(t[1] in ("error", "fatal") for t in items))


def _flags(strict, validate):
    f = _READ_STRICT if strict else 0
    if validate:
        f |= _READ_VALIDATE | (_READ_VALIDATE_STRICT if validate == "strict" else 0)
    return f


def _finish(call, *args):
    try:
        h, items = call(*args)
    except KhcnError as e:
        d = getattr(e, "_diags", None)
        e.diagnostics = _diags(d) if d is not None else Diagnostics()
        first = [x for x in e.diagnostics if x.severity in ("error", "fatal")]
        if first:
            if not e.path:
                e.path = first[0].path
            if e.offset is None:
                e.offset = first[0].offset
        raise
    plan = Plan._from_handle(h)
    return plan, _diags(items)


def loads(data, format=None, strict=False, validate=False, max_size=0, diagnostics=False):
    """A plan from CBOR bytes or JSON (str or bytes).  ``strict``: report
    deviations from the deterministic profile as errors; ``validate``:
    also check references and business rules (True or "strict").  With
    ``diagnostics=True`` returns (plan, Diagnostics)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
        if format is None:
            format = "json"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("loads() needs bytes or str, not %s" % type(data).__name__)
    plan, d = _finish(_c.py_read, data, _fmt(format), _flags(strict, validate), int(max_size))
    return (plan, d) if diagnostics else plan


def from_json(text, **kw):
    """A plan from its JSON form."""
    return loads(text, "json", **kw)


def load(path, strict=False, validate=False, max_size=0, diagnostics=False):
    """Read a plan file (.khcn/.cbor or .json, else sniffed)."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    plan, d = _finish(_c.py_load, path, _flags(strict, validate), int(max_size))
    return (plan, d) if diagnostics else plan


def dumps(plan, format="cbor"):
    """CBOR bytes (default) or, with format="json", JSON text (str)."""
    if not isinstance(plan, Plan):
        raise TypeError("dumps() needs a khcn.Plan")
    f = _fmt(format)
    with Reading(plan):
        return _c.py_write(plan._h, 2 if f == 2 else 1)


def save(plan, path, format=None):
    """Write a plan to a file atomically; the format follows the extension
    (.json: JSON, otherwise CBOR) unless given."""
    if not isinstance(plan, Plan):
        raise TypeError("save() needs a khcn.Plan")
    path = os.fspath(path)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    f = _fmt(format)
    if f == 0 and not path.lower().endswith(".json"):
        f = 1
    with Reading(plan):
        _c.py_save(plan._h, path, f)


def cbor_dump(data):
    """CBOR bytes in diagnostic notation (RFC 8949 section 8)."""
    return _c.py_cbor_dump(data)


def _plan_dumps(self, format="cbor"):
    """CBOR bytes of the plan (deterministic), or JSON text with format="json"."""
    return dumps(self, format)


def _plan_save(self, path, format=None):
    """Write the plan to ``path`` atomically (.json: JSON, else CBOR)."""
    save(self, path, format)


def _plan_to_json(self):
    """The JSON form of the plan (str)."""
    return dumps(self, "json")


Plan.dumps = _plan_dumps
Plan.save = _plan_save
Plan.to_json = _plan_to_json
