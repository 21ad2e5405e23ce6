"""Reading and writing plans: CBOR (the exchange format) and JSON.

``khcn.load(path)`` / ``plan.save(path)`` pick the format from the file
name (.json -> JSON, anything else CBOR); ``khcn.loads(bytes)`` accepts
CBOR bytes or JSON text; ``plan.dumps()`` gives CBOR bytes (the
canonical form used for ``==`` and pickling).
"""

import os

from . import core as _c
from .model import Plan

__all__ = ["load", "loads", "dumps", "save", "from_json", "HAVE_IO"]

HAVE_IO = hasattr(_c, "plan_read_cbor") or hasattr(_c, "cbor_read") or hasattr(_c, "py_read")


def _need_io():
    if not HAVE_IO:
        raise NotImplementedError("this libkhcn build has no reader/writer (khcn/io.h)")


def loads(data, format=None):
    """A plan from CBOR bytes or JSON text (str, or bytes starting with '{')."""
    _need_io()
    return Plan._from_handle(_c.py_read(data, format))


def from_json(text):
    return loads(text, "json")


def load(path, format=None):
    """Read a plan file (.cbor or .json)."""
    _need_io()
    path = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    if format is None:
        format = "json" if str(path).lower().endswith(".json") else None
    return loads(data, format)


def dumps(plan, format="cbor"):
    """CBOR bytes (default) or JSON text of a plan."""
    _need_io()
    return _c.py_write(plan._h, format)


def save(plan, path, format=None):
    """Write a plan to a file; the format follows the extension."""
    path = os.fspath(path)
    if format is None:
        format = "json" if str(path).lower().endswith(".json") else "cbor"
    data = dumps(plan, format)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


Plan.dumps = lambda self, format="cbor": dumps(self, format)
Plan.save = lambda self, path, format=None: save(self, path, format)
Plan.to_json = lambda self: dumps(self, "json")
