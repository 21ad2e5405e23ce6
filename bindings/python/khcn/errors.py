"""Exceptions raised by khcn.

Every failing libkhcn call raises :class:`KhcnError` or one of its
subclasses.  The classes are generated from the C library's error table
(``KHCN_ERRNO_MAP`` in ``khcn/common.h``, exported by ``core.errno_map()``),
so a code added there gets a class here without editing this file.  Where
a Python built-in fits, the class also derives from it, so that ordinary
``except KeyError`` / ``except ValueError`` code works:

============  =========================  ==========================
C code        class                      also a
============  =========================  ==========================
ENOTFOUND     NotFoundError              KeyError, LookupError
EINVAL        InvalidArgumentError       ValueError
EEXISTS       AlreadyExistsError         ValueError
EFORMAT       FormatError                ValueError
EVERSION      VersionError               ValueError
EINVALID      InvalidPlanError           ValueError
ELIMIT        LimitError                 ValueError
EIO           KhcnIOError                OSError
ENOMEM        KhcnMemoryError            MemoryError
ERROR         KhcnError                  (Exception)
============  =========================  ==========================
"""

from . import core as _core

__all__ = ["KhcnError", "ERRORS", "error_class"]


class KhcnError(Exception):
    """A libkhcn failure.

    Attributes: ``code`` (negative int, e.g. -4), ``name`` ("KHCN_ENOTFOUND"),
    ``message`` (the library's sentence), ``path`` (where in the document,
    "" when none) and ``offset`` (byte offset in the input, ``None`` when none).
    """

    code = -1
    name = "KHCN_ERROR"

    def __init__(self, message=None, code=None, path="", offset=None):
        if code is not None:
            self.code = code
            self.name = _NAMES.get(code, "KHCN_ERROR")
        if message is None:
            message = _DESCRIPTIONS.get(self.code, "libkhcn error")
        self.message = message
        self.path = path or ""
        self.offset = offset
        super().__init__(message)

    def __str__(self):
        s = self.message
        if self.path and self.path not in s:
            s += " (at %s)" % self.path
        if self.offset is not None and "offset" not in s:
            s += " (byte offset %d)" % self.offset
        return s

    def __repr__(self):
        return "%s(%r, code=%d, path=%r, offset=%r)" % (
            type(self).__name__, self.message, self.code, self.path, self.offset)

    def __reduce__(self):
        return (_rebuild, (self.code, self.message, self.path, self.offset))

    # KeyError.__str__ quotes its argument; keep the plain message.


# C name -> (Python class name, extra built-in bases)
_PYTHONIC = {
    "ENOTFOUND": ("NotFoundError", (KeyError,)),
    "EINVAL": ("InvalidArgumentError", (ValueError,)),
    "EEXISTS": ("AlreadyExistsError", (ValueError,)),
    "EFORMAT": ("FormatError", (ValueError,)),
    "EVERSION": ("VersionError", (ValueError,)),
    "EINVALID": ("InvalidPlanError", (ValueError,)),
    "ELIMIT": ("LimitError", (ValueError,)),
    "EIO": ("KhcnIOError", (OSError,)),
    "ENOMEM": ("KhcnMemoryError", (MemoryError,)),
}

ERRORS = {}          #: code -> class
_NAMES = {}          #: code -> "KHCN_E..."
_DESCRIPTIONS = {}   #: code -> static description


def _make_classes():
    for cname, code, desc in _core.errno_map():
        _NAMES[code] = "KHCN_" + cname
        _DESCRIPTIONS[code] = desc
        if cname == "ERROR":
            ERRORS[code] = KhcnError
            continue
        pyname, bases = _PYTHONIC.get(cname, ("Khcn" + cname[1:].capitalize() + "Error", ()))
        cls = type(pyname, (KhcnError,) + bases, {
            "code": code, "name": "KHCN_" + cname,
            "__doc__": "libkhcn KHCN_%s (%d): %s." % (cname, code, desc),
            "__module__": __name__,
            "__str__": KhcnError.__str__,
        })
        ERRORS[code] = cls
        globals()[pyname] = cls
        __all__.append(pyname)


_make_classes()


def error_class(code):
    """The exception class for a libkhcn status code."""
    return ERRORS.get(code, KhcnError)


def _rebuild(code, message, path, offset):
    return error_class(code)(message, code=code, path=path, offset=offset)


def _from_c(code, message, path, offset):
    """Called by the extension to build the exception of a failed call."""
    return error_class(code)(message, code=code, path=path, offset=None if offset < 0 else offset)


def _raise(code, message=None, path="", offset=None):
    raise error_class(code)(message, code=code, path=path, offset=offset)
