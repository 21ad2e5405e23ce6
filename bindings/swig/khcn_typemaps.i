/*
 * khcn_typemaps.i: the typemaps every libkhcn binding needs (Python
 * target; the patterns are the ones libSBML, GDAL and gphoto2 use).
 *
 *  - khcn_status     a negative code raises khcn.KhcnError (or a subclass),
 *                    built by khcn_py_raise() from khcn_error_last();
 *  - T **out         owned (plan) or borrowed (indicator, node, agency)
 *                    results appended to the return value;
 *  - khcn_buf *out   returned as bytes, the library buffer disposed;
 *  - const char *    str (encoded UTF-8), bytes (passed as they are, the
 *                    library checks UTF-8) or None (NULL); embedded NULs
 *                    refused;
 *  - entity pointers must not be None (no NULL reaches the library).
 */

%include <stdint.i>

%{
#include <string.h>
#include <stdint.h>
#include <math.h>
#include <time.h>
#include "khcn.h"

/* A Python str from library text (always UTF-8; "replace" only guards). */
static PyObject *khcn_py_str(const char *s) {
  if (!s) { Py_RETURN_NONE; }
  return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* Raise the Python exception for status @code, with the details of the
 * thread-local error record when it belongs to this failure.  The classes
 * live in khcn/errors.py, generated there from KHCN_ERRNO_MAP (see
 * errno_map() below). */
static void khcn_py_raise(int code) {
  const khcn_error *e = khcn_error_last();
  const char *msg = khcn_strerror(code), *path = "";
  Py_ssize_t off = -1;
  PyObject *mod, *pmsg, *ppath, *exc = NULL;
  if (e && e->code == code) {
    if (e->message && e->message[0]) msg = e->message;
    if (e->path) path = e->path;
    if (e->offset != SIZE_MAX) off = (Py_ssize_t)e->offset;
  }
  mod = PyImport_ImportModule("khcn.errors");
  if (!mod) return;
  pmsg = khcn_py_str(msg);
  ppath = khcn_py_str(path);
  if (pmsg && ppath) exc = PyObject_CallMethod(mod, "_from_c", "iOOn", code, pmsg, ppath, off);
  Py_XDECREF(pmsg);
  Py_XDECREF(ppath);
  Py_DECREF(mod);
  if (!exc) return;
  PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  Py_DECREF(exc);
}
%}

/* ---- status codes ------------------------------------------------------ */
%typemap(out) khcn_status {
  if ($1 < 0) {
    if (!PyErr_Occurred()) khcn_py_raise($1);
    SWIG_fail;
  }
  $result = SWIG_Py_Void();
}

/* ---- T **out: owned and borrowed results -------------------------------- */
%typemap(in, numinputs=0) khcn_plan **out (khcn_plan *tmp = NULL) { $1 = &tmp; }
%typemap(argout) khcn_plan **out {
  $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}
%define KHCN_BORROWED_OUT(T)
%typemap(in, numinputs=0) T **out (T *tmp = NULL) { $1 = &tmp; }
%typemap(argout) T **out {
  $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, 0));
}
%enddef
KHCN_BORROWED_OUT(khcn_indicator)
KHCN_BORROWED_OUT(khcn_node)
KHCN_BORROWED_OUT(khcn_agency)

%define KHCN_OWNED_OUT(T)
%typemap(in, numinputs=0) T **out (T *tmp = NULL) { $1 = &tmp; }
%typemap(argout) T **out {
  $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef
KHCN_OWNED_OUT(khcn_eval)
KHCN_OWNED_OUT(khcn_scenario)
KHCN_OWNED_OUT(khcn_diff)
KHCN_OWNED_OUT(khcn_mc)

%typemap(in, numinputs=0) khcn_diags **out (khcn_diags *tmp = NULL) { $1 = &tmp; }
%typemap(argout) khcn_diags **out {
  $result = SWIG_Python_AppendOutput($result, SWIG_NewPointerObj(SWIG_as_voidptr(*$1), $*1_descriptor, SWIG_POINTER_OWN));
}

/* ---- library buffers -> bytes ------------------------------------------- */
%typemap(in, numinputs=0) khcn_buf *out (khcn_buf tmp = KHCN_BUF_INIT) { $1 = &tmp; }
%typemap(argout) khcn_buf *out {
  $result = SWIG_Python_AppendOutput($result, PyBytes_FromStringAndSize((const char *)$1->ptr, (Py_ssize_t)$1->size));
}
%typemap(freearg) khcn_buf *out { khcn_buf_dispose($1); }

/* ---- text in ----------------------------------------------------------- */
%typemap(in) const char * {
  if ($input == Py_None) {
    $1 = NULL;
  } else if (PyUnicode_Check($input)) {
    Py_ssize_t n_ = 0;
    const char *s_ = PyUnicode_AsUTF8AndSize($input, &n_);
    if (!s_) SWIG_fail;
    if ((size_t)n_ != strlen(s_)) {
      PyErr_SetString(PyExc_ValueError, "embedded NUL character in a text argument");
      SWIG_fail;
    }
    $1 = ($1_ltype)s_;
  } else if (PyBytes_Check($input)) {
    const char *s_ = PyBytes_AS_STRING($input);
    if ((size_t)PyBytes_GET_SIZE($input) != strlen(s_)) {
      PyErr_SetString(PyExc_ValueError, "embedded NUL byte in a text argument");
      SWIG_fail;
    }
    $1 = ($1_ltype)s_;
  } else {
    PyErr_Format(PyExc_TypeError, "a text argument must be str, bytes or None, not %.200s",
                 Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
}
%typemap(freearg) const char * "";
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
  $1 = ($input == Py_None || PyUnicode_Check($input) || PyBytes_Check($input)) ? 1 : 0;
}

/* ---- no NULL entity pointers ------------------------------------------- */
%typemap(check) khcn_plan *, const khcn_plan *, khcn_indicator *, const khcn_indicator *,
                khcn_node *, const khcn_node *, khcn_agency *, const khcn_agency *,
                khcn_eval *, const khcn_eval *, khcn_scenario *, const khcn_scenario *,
                khcn_diff *, const khcn_diff *, khcn_mc *, const khcn_mc * {
  if (!$1) { PyErr_SetString(PyExc_ValueError, "$1_name must not be None"); SWIG_fail; }
}

/* ---- raw arrays are not for Python ------------------------------------- */
/* Functions that fill caller arrays are reached through the helpers of the
 * language file (buffers that Python allocated).  Should a header gain one
 * that is not %ignored yet, its raw pointer arguments refuse every Python
 * value instead of letting a NULL or a stray pointer through. */
%typemap(in) double *, const double *, int *, const int *, size_t *, const size_t *, uint32_t *,
             const uint32_t *, int32_t *, const int32_t *, const void *, void * {
  (void)$input;
  PyErr_SetString(PyExc_TypeError, "$symname: raw array arguments are not available from Python");
  SWIG_fail;
}

/* ---- PyObject * passes through ---------------------------------------- */
%typemap(out) PyObject * {
  if (!$1) SWIG_fail;
  $result = $1;
}
