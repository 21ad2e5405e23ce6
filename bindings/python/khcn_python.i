/*
 * khcn_python.i: the Python module khcn.core (+ the extension khcn._core).
 *
 * The language-neutral interface (bindings/swig/khcn.i) wraps the scalar
 * API; this file adds the helpers that move records and bulk data between
 * the library and Python without a Python call per element:
 *  - records (targets, observations, ...) come back as tuples;
 *  - bulk inputs and outputs are objects with the buffer protocol (numpy
 *    arrays made contiguous with the right dtype by the Python layer), so
 *    no allocator crosses the boundary and no numpy C API is needed;
 *  - long loops release the GIL.
 * The Pythonic classes are in bindings/python/khcn/*.py.
 */
%include "../swig/khcn.i"

%{
/* ---- buffers ------------------------------------------------------------ */
/* A contiguous 1-d buffer of @itemsize-byte items of one of @kinds
 * (struct format letters), writable when asked.  Returns 0 or -1 with a
 * Python exception set. */
static int khcn_py_buffer(PyObject *o, Py_buffer *view, Py_ssize_t itemsize, const char *kinds,
                          int writable, const char *what) {
  const char *f;
  int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
  if (PyObject_GetBuffer(o, view, flags) < 0) return -1;
  f = view->format ? view->format : "B";
  while (*f == '@' || *f == '=' || *f == '<' || *f == '!') f++;
  if (view->ndim > 1 || view->itemsize != itemsize || f[0] == 0 || f[1] != 0 || !strchr(kinds, f[0])) {
    PyErr_Format(PyExc_TypeError, "%s: expected a contiguous 1-d array of %zd-byte items ('%s'), got format '%s'",
                 what, itemsize, kinds, view->format ? view->format : "B");
    PyBuffer_Release(view);
    return -1;
  }
  return 0;
}

static int khcn_py_setitem_str(PyObject *list, Py_ssize_t i, const char *s) {
  PyObject *o = khcn_py_str(s);
  if (!o) return -1;
  PyList_SET_ITEM(list, i, o);
  return 0;
}

static PyObject *khcn_py_double_or_none(double v) {
  if (isnan(v)) Py_RETURN_NONE;
  return PyFloat_FromDouble(v);
}
%}

%inline %{
/* (name, code, description) for every entry of KHCN_ERRNO_MAP. */
PyObject *errno_map(void) {
  PyObject *list = PyList_New(0), *t;
  if (!list) return NULL;
#define KHCN_PY_ERRNO(name, val, msg)                                          \
  t = Py_BuildValue("(sis)", #name, (int)(val), msg);                          \
  if (!t || PyList_Append(list, t) < 0) { Py_XDECREF(t); Py_DECREF(list); return NULL; } \
  Py_DECREF(t);
  KHCN_ERRNO_MAP(KHCN_PY_ERRNO)
#undef KHCN_PY_ERRNO
  return list;
}

/* The thread's last error as (code, message, path, offset or -1). */
PyObject *error_last(void) {
  const khcn_error *e = khcn_error_last();
  return Py_BuildValue("(iNNn)", e->code, khcn_py_str(e->message), khcn_py_str(e->path ? e->path : ""),
                       e->offset == SIZE_MAX ? (Py_ssize_t)-1 : (Py_ssize_t)e->offset);
}

/* ---- legal bases ------------------------------------------------------- */
khcn_status py_add_legal_basis(khcn_plan *plan, const char *id, const char *number, int type, const char *date,
                               const char *issuer, const char *title) {
  khcn_legal_doc d;
  memset(&d, 0, sizeof d);
  d.id = id; d.number = number; d.type = (khcn_doc_type)type; d.date = date; d.issuer = issuer; d.title = title;
  return khcn_plan_add_legal_basis(plan, &d);
}
PyObject *py_legal_bases(const khcn_plan *plan) {
  size_t i, n = khcn_plan_legal_basis_count(plan);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_legal_doc d;
    PyObject *t;
    if (khcn_plan_legal_basis_at(plan, i, &d) < 0) { Py_DECREF(list); khcn_py_raise(khcn_error_last()->code); return NULL; }
    t = Py_BuildValue("(NNNNNN)", khcn_py_str(d.id), khcn_py_str(d.number), khcn_py_str(khcn_doc_type_name(d.type)),
                      khcn_py_str(d.date), khcn_py_str(d.issuer), khcn_py_str(d.title));
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}

/* ---- targets ------------------------------------------------------------- */
khcn_status py_add_target(khcn_indicator *ind, int year, int comparator, double value, double hi, double tol,
                          int base_year, unsigned int flags, const char *note) {
  khcn_target t;
  khcn_target_init(&t);
  t.year = year; t.comparator = (khcn_comparator)comparator; t.value = value; t.hi = hi; t.tol = tol;
  t.base_year = base_year; t.flags = flags; t.note = note;
  return khcn_indicator_add_target(ind, &t);
}
/* [(year, comparator, value, hi, tol, base_year, flags, note)] */
PyObject *py_targets(const khcn_indicator *ind) {
  size_t i, n = khcn_indicator_target_count(ind);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_target t;
    PyObject *o;
    khcn_status st = khcn_indicator_target_at(ind, i, &t);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    o = Py_BuildValue("(iNdNNiIN)", t.year, khcn_py_str(khcn_comparator_name(t.comparator)), t.value,
                      khcn_py_double_or_none(t.hi), khcn_py_double_or_none(t.tol), t.base_year,
                      (unsigned int)t.flags, khcn_py_str(t.note));
    if (!o) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, o);
  }
  return list;
}

/* ---- observations ------------------------------------------------------- */
khcn_status py_add_observation(khcn_indicator *ind, int year, double value, int status, const char *source,
                               const char *reporter, const char *note) {
  khcn_observation o;
  memset(&o, 0, sizeof o);
  o.year = year; o.value = value; o.status = (khcn_obs_status)status;
  o.source = source; o.reporter = reporter; o.note = note;
  return khcn_indicator_add_observation(ind, &o);
}
/* [(year, value, status, source, reporter, note)] */
PyObject *py_observations(const khcn_indicator *ind) {
  size_t i, n = khcn_indicator_observation_count(ind);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_observation ob;
    PyObject *o;
    khcn_status st = khcn_indicator_observation_at(ind, i, &ob);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    o = Py_BuildValue("(idNNNN)", ob.year, ob.value, khcn_py_str(khcn_obs_status_name(ob.status)),
                      khcn_py_str(ob.source), khcn_py_str(ob.reporter), khcn_py_str(ob.note));
    if (!o) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, o);
  }
  return list;
}
/* Replace the series: years int32, values float64, same length. */
khcn_status py_set_series(khcn_indicator *ind, PyObject *years, PyObject *values) {
  Py_buffer by, bv;
  khcn_status st;
  size_t n;
  if (khcn_py_buffer(years, &by, 4, "i", 0, "years") < 0) return KHCN_ERROR;
  if (khcn_py_buffer(values, &bv, 8, "d", 0, "values") < 0) { PyBuffer_Release(&by); return KHCN_ERROR; }
  n = (size_t)(by.len / 4);
  if ((size_t)(bv.len / 8) != n) {
    PyBuffer_Release(&by); PyBuffer_Release(&bv);
    PyErr_SetString(PyExc_ValueError, "years and values differ in length");
    return KHCN_ERROR;
  }
  st = khcn_indicator_set_series(ind, (const int *)by.buf, (const double *)bv.buf, n);
  PyBuffer_Release(&by); PyBuffer_Release(&bv);
  return st;
}
/* Fill years (int32) and values (float64) of length count; returns count. */
PyObject *py_series(const khcn_indicator *ind, PyObject *years, PyObject *values) {
  Py_buffer by, bv;
  size_t n, got;
  if (khcn_py_buffer(years, &by, 4, "i", 1, "years") < 0) return NULL;
  if (khcn_py_buffer(values, &bv, 8, "d", 1, "values") < 0) { PyBuffer_Release(&by); return NULL; }
  n = (size_t)(by.len / 4);
  if ((size_t)(bv.len / 8) < n) n = (size_t)(bv.len / 8);
  got = khcn_indicator_series(ind, (int *)by.buf, (double *)bv.buf, n);
  PyBuffer_Release(&by); PyBuffer_Release(&bv);
  return PyLong_FromSize_t(got);
}
/* Bulk load: index uint32, years int32, values float64 (GIL released). */
khcn_status py_add_observations(khcn_plan *plan, PyObject *index, PyObject *years, PyObject *values) {
  Py_buffer bi, by, bv;
  khcn_status st;
  size_t n;
  if (khcn_py_buffer(index, &bi, 4, "IL", 0, "index") < 0) return KHCN_ERROR;
  if (khcn_py_buffer(years, &by, 4, "il", 0, "years") < 0) { PyBuffer_Release(&bi); return KHCN_ERROR; }
  if (khcn_py_buffer(values, &bv, 8, "d", 0, "values") < 0) {
    PyBuffer_Release(&bi); PyBuffer_Release(&by); return KHCN_ERROR;
  }
  n = (size_t)(bi.len / 4);
  if ((size_t)(by.len / 4) != n || (size_t)(bv.len / 8) != n) {
    PyBuffer_Release(&bi); PyBuffer_Release(&by); PyBuffer_Release(&bv);
    PyErr_SetString(PyExc_ValueError, "index, years and values differ in length");
    return KHCN_ERROR;
  }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_plan_add_observations(plan, (const uint32_t *)bi.buf, (const int32_t *)by.buf,
                                  (const double *)bv.buf, n);
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&bi); PyBuffer_Release(&by); PyBuffer_Release(&bv);
  return st;
}
/* Total number of observations in the plan. */
size_t py_observation_total(const khcn_plan *plan) {
  size_t i, n = khcn_plan_indicator_count(plan), total = 0;
  for (i = 0; i < n; i++) total += khcn_indicator_observation_count(khcn_plan_indicator_at(plan, i));
  return total;
}
/* Every observation of the plan, long form: indicator position (uint32),
 * year (int32), value (float64), status (uint8).  Arrays of
 * py_observation_total() items. */
khcn_status py_observation_arrays(const khcn_plan *plan, PyObject *index, PyObject *years, PyObject *values,
                                  PyObject *status) {
  Py_buffer b[4];
  size_t i, n = khcn_plan_indicator_count(plan), k = 0, cap;
  khcn_status st = KHCN_OK;
  if (khcn_py_buffer(index, &b[0], 4, "IL", 1, "index") < 0) return KHCN_ERROR;
  if (khcn_py_buffer(years, &b[1], 4, "il", 1, "years") < 0) { PyBuffer_Release(&b[0]); return KHCN_ERROR; }
  if (khcn_py_buffer(values, &b[2], 8, "d", 1, "values") < 0) {
    PyBuffer_Release(&b[0]); PyBuffer_Release(&b[1]); return KHCN_ERROR;
  }
  if (khcn_py_buffer(status, &b[3], 1, "Bb", 1, "status") < 0) {
    PyBuffer_Release(&b[0]); PyBuffer_Release(&b[1]); PyBuffer_Release(&b[2]); return KHCN_ERROR;
  }
  cap = (size_t)(b[0].len / 4);
  if ((size_t)(b[1].len / 4) != cap || (size_t)(b[2].len / 8) != cap || (size_t)b[3].len != cap) {
    PyErr_SetString(PyExc_ValueError, "arrays differ in length");
    st = KHCN_ERROR;
  } else {
    Py_BEGIN_ALLOW_THREADS
    for (i = 0; i < n && st == KHCN_OK; i++) {
      const khcn_indicator *ind = khcn_plan_indicator_at(plan, i);
      size_t j, m = khcn_indicator_observation_count(ind);
      if (k + m > cap) { st = KHCN_ELIMIT; break; }
      for (j = 0; j < m; j++, k++) {
        khcn_observation ob;
        if (khcn_indicator_observation_at(ind, j, &ob) < 0) { st = KHCN_ERROR; break; }
        ((uint32_t *)b[0].buf)[k] = (uint32_t)i;
        ((int32_t *)b[1].buf)[k] = ob.year;
        ((double *)b[2].buf)[k] = ob.value;
        ((uint8_t *)b[3].buf)[k] = (uint8_t)ob.status;
      }
    }
    Py_END_ALLOW_THREADS
    if (st < 0) PyErr_SetString(PyExc_RuntimeError, "the plan changed while its observations were read");
  }
  for (i = 0; i < 4; i++) PyBuffer_Release(&b[i]);
  return st;
}

/* ---- indicators in bulk ------------------------------------------------- */
/* Add one indicator per id (a sequence of str), named by names (a sequence
 * of the same length) or by the id when names is None. */
khcn_status py_add_indicators(khcn_plan *plan, PyObject *ids, PyObject *names) {
  PyObject *fi = NULL, *fn = NULL;
  Py_ssize_t i, n;
  khcn_status st = KHCN_OK;
  fi = PySequence_Fast(ids, "ids must be a sequence of str");
  if (!fi) return KHCN_ERROR;
  n = PySequence_Fast_GET_SIZE(fi);
  if (names != Py_None) {
    fn = PySequence_Fast(names, "names must be a sequence of str");
    if (!fn) { Py_DECREF(fi); return KHCN_ERROR; }
    if (PySequence_Fast_GET_SIZE(fn) != n) {
      PyErr_SetString(PyExc_ValueError, "ids and names differ in length");
      Py_DECREF(fi); Py_DECREF(fn); return KHCN_ERROR;
    }
  }
  for (i = 0; i < n; i++) {
    PyObject *oi = PySequence_Fast_GET_ITEM(fi, i);
    PyObject *on = fn ? PySequence_Fast_GET_ITEM(fn, i) : oi;
    const char *si, *sn;
    Py_ssize_t li, ln;
    if (!PyUnicode_Check(oi) || !PyUnicode_Check(on)) {
      PyErr_Format(PyExc_TypeError, "item %zd: ids and names must be str", i);
      st = KHCN_ERROR; break;
    }
    si = PyUnicode_AsUTF8AndSize(oi, &li);
    sn = si ? PyUnicode_AsUTF8AndSize(on, &ln) : NULL;
    if (!si || !sn) { st = KHCN_ERROR; break; }
    if ((size_t)li != strlen(si) || (size_t)ln != strlen(sn)) {
      PyErr_Format(PyExc_ValueError, "item %zd: embedded NUL character", i);
      st = KHCN_ERROR; break;
    }
    st = khcn_plan_add_indicator(NULL, plan, si, sn);
    if (st < 0) break;
  }
  Py_DECREF(fi);
  Py_XDECREF(fn);
  return st;
}
/* One text column of every indicator: 0 id, 1 name, 2 unit, 3 name_en,
 * 4 description, 5 baseline note. */
PyObject *py_indicator_texts(const khcn_plan *plan, int which) {
  size_t i, n = khcn_plan_indicator_count(plan);
  PyObject *list;
  if (which < 0 || which > 5) { PyErr_SetString(PyExc_ValueError, "bad column"); return NULL; }
  list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    const khcn_indicator *ind = khcn_plan_indicator_at(plan, i);
    const char *s = NULL;
    switch (which) {
    case 0: s = khcn_indicator_id(ind); break;
    case 1: s = khcn_indicator_name(ind); break;
    case 2: s = khcn_indicator_unit(ind); break;
    case 3: s = khcn_indicator_name_en(ind); break;
    case 4: s = khcn_indicator_description(ind); break;
    default: s = khcn_indicator_baseline_note(ind); break;
    }
    if (khcn_py_setitem_str(list, (Py_ssize_t)i, s) < 0) { Py_DECREF(list); return NULL; }
  }
  return list;
}
/* Numeric columns of every indicator into a float64 array of n x 8, row
 * major: measure, direction, kind, limit, baseline year (0 = none),
 * baseline value, number of targets, number of observations. */
khcn_status py_indicator_numbers(const khcn_plan *plan, PyObject *out) {
  Py_buffer b;
  size_t i, n = khcn_plan_indicator_count(plan);
  double *d;
  if (khcn_py_buffer(out, &b, 8, "d", 1, "out") < 0) return KHCN_ERROR;
  if ((size_t)(b.len / 8) != n * 8) {
    PyBuffer_Release(&b);
    PyErr_SetString(PyExc_ValueError, "out must hold 8 x the number of indicators");
    return KHCN_ERROR;
  }
  d = (double *)b.buf;
  Py_BEGIN_ALLOW_THREADS
  for (i = 0; i < n; i++, d += 8) {
    const khcn_indicator *ind = khcn_plan_indicator_at(plan, i);
    d[0] = (double)khcn_indicator_measure(ind);
    d[1] = (double)khcn_indicator_direction(ind);
    d[2] = (double)khcn_indicator_kind(ind);
    d[3] = khcn_indicator_limit(ind);
    d[4] = (double)khcn_indicator_baseline_year(ind);
    d[5] = khcn_indicator_baseline_value(ind);
    d[6] = (double)khcn_indicator_target_count(ind);
    d[7] = (double)khcn_indicator_observation_count(ind);
  }
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&b);
  return KHCN_OK;
}
/* (numerator, denominator, factor) or None. */
PyObject *py_formula(const khcn_indicator *ind) {
  const char *num = NULL, *den = NULL;
  double factor = 0;
  if (!khcn_indicator_formula(ind, &num, &den, &factor)) Py_RETURN_NONE;
  return Py_BuildValue("(NNd)", khcn_py_str(num), khcn_py_str(den), factor);
}

/* ---- nodes, agencies, responsibilities ---------------------------------- */
/* [(indicator id, weight)] */
PyObject *py_node_links(const khcn_node *node) {
  size_t i, n = khcn_node_link_count(node);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    const char *id = NULL;
    double w = 0;
    PyObject *t;
    khcn_status st = khcn_node_link_at(node, i, &id, &w);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    t = Py_BuildValue("(Nd)", khcn_py_str(id), w);
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}
khcn_status py_assign(khcn_plan *plan, const char *task, const char *agency, int role, const char *to, int due_year,
                      int due_month, int due_day, int every, const char *note) {
  khcn_responsibility r;
  memset(&r, 0, sizeof r);
  r.task = task; r.agency = agency; r.role = (khcn_role)role; r.to = to; r.due_year = due_year;
  r.due_month = due_month; r.due_day = due_day; r.every = (khcn_recurrence)every; r.note = note;
  return khcn_plan_assign(plan, &r);
}
/* [(task, agency, role, to, due_year, due_month, due_day, every, note)] */
PyObject *py_responsibilities(const khcn_plan *plan) {
  size_t i, n = khcn_plan_responsibility_count(plan);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_responsibility r;
    PyObject *t;
    khcn_status st = khcn_plan_responsibility_at(plan, i, &r);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    t = Py_BuildValue("(NNNNiiiNN)", khcn_py_str(r.task), khcn_py_str(r.agency), khcn_py_str(khcn_role_name(r.role)),
                      khcn_py_str(r.to), r.due_year, r.due_month, r.due_day,
                      khcn_py_str(khcn_recurrence_name(r.every)), khcn_py_str(r.note));
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}

/* ---- diagnostics --------------------------------------------------------- */
/* [(code, severity, path, entity, offset or -1, message)] */
PyObject *py_diags(const khcn_diags *diags) {
  size_t i, n = khcn_diags_count(diags);
  PyObject *list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_diag d;
    PyObject *t;
    khcn_status st = khcn_diags_at(diags, i, &d);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    t = Py_BuildValue("(iNNNnN)", d.code, khcn_py_str(khcn_severity_name(d.severity)), khcn_py_str(d.path),
                      khcn_py_str(d.entity), d.offset == SIZE_MAX ? (Py_ssize_t)-1 : (Py_ssize_t)d.offset,
                      khcn_py_str(d.message));
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}
/* Validate: returns (status code, [diagnostics]) without raising for
 * KHCN_EINVALID (the verdict); other failures raise. */
PyObject *py_validate(const khcn_plan *plan, unsigned int flags) {
  khcn_diags *d = NULL;
  khcn_status st = khcn_diags_new(&d);
  PyObject *list, *res;
  if (st < 0) { khcn_py_raise(st); return NULL; }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_plan_validate(plan, d, flags);
  Py_END_ALLOW_THREADS
  if (st < 0 && st != KHCN_EINVALID) { khcn_diags_free(d); khcn_py_raise(st); return NULL; }
  list = py_diags(d);
  khcn_diags_free(d);
  if (!list) return NULL;
  res = Py_BuildValue("(iN)", (int)st, list);
  return res;
}
%}

/* ===================================================================== */
/* Engine (attain.h) and I/O (io.h).                                      */
/* core.py_have(name) says whether the engine/io function @name is in the */
/* library this module was built against (the table below); code that    */
/* runs against other builds can probe with it.                           */
%{

typedef struct { const char *name; void (*fn)(void); } khcn_py_sym;
static const khcn_py_sym khcn_py_syms[] = {
  { "khcn_cbor_dump", (void (*)(void))khcn_cbor_dump },
  { "khcn_cbor_read", (void (*)(void))khcn_cbor_read },
  { "khcn_cbor_write", (void (*)(void))khcn_cbor_write },
  { "khcn_column_name", (void (*)(void))khcn_column_name },
  { "khcn_diff_at", (void (*)(void))khcn_diff_at },
  { "khcn_diff_count", (void (*)(void))khcn_diff_count },
  { "khcn_diff_free", (void (*)(void))khcn_diff_free },
  { "khcn_eval_agency", (void (*)(void))khcn_eval_agency },
  { "khcn_eval_agency_by_id", (void (*)(void))khcn_eval_agency_by_id },
  { "khcn_eval_agency_count", (void (*)(void))khcn_eval_agency_count },
  { "khcn_eval_agency_lagging", (void (*)(void))khcn_eval_agency_lagging },
  { "khcn_eval_as_of", (void (*)(void))khcn_eval_as_of },
  { "khcn_eval_column", (void (*)(void))khcn_eval_column },
  { "khcn_eval_column_int", (void (*)(void))khcn_eval_column_int },
  { "khcn_eval_diff", (void (*)(void))khcn_eval_diff },
  { "khcn_eval_free", (void (*)(void))khcn_eval_free },
  { "khcn_eval_governing_target", (void (*)(void))khcn_eval_governing_target },
  { "khcn_eval_indicator", (void (*)(void))khcn_eval_indicator },
  { "khcn_eval_indicator_by_id", (void (*)(void))khcn_eval_indicator_by_id },
  { "khcn_eval_indicator_count", (void (*)(void))khcn_eval_indicator_count },
  { "khcn_eval_node", (void (*)(void))khcn_eval_node },
  { "khcn_eval_node_by_id", (void (*)(void))khcn_eval_node_by_id },
  { "khcn_eval_node_columns", (void (*)(void))khcn_eval_node_columns },
  { "khcn_eval_node_count", (void (*)(void))khcn_eval_node_count },
  { "khcn_eval_options_init", (void (*)(void))khcn_eval_options_init },
  { "khcn_eval_options_used", (void (*)(void))khcn_eval_options_used },
  { "khcn_eval_plan", (void (*)(void))khcn_eval_plan },
  { "khcn_eval_plan_result", (void (*)(void))khcn_eval_plan_result },
  { "khcn_eval_target", (void (*)(void))khcn_eval_target },
  { "khcn_eval_target_count", (void (*)(void))khcn_eval_target_count },
  { "khcn_eval_whatif", (void (*)(void))khcn_eval_whatif },
  { "khcn_evaluate", (void (*)(void))khcn_evaluate },
  { "khcn_eval_reevaluate", (void (*)(void))khcn_eval_reevaluate },
  { "khcn_file_write_atomic", (void (*)(void))khcn_file_write_atomic },
  { "khcn_format_from_path", (void (*)(void))khcn_format_from_path },
  { "khcn_format_sniff", (void (*)(void))khcn_format_sniff },
  { "khcn_goal_seek", (void (*)(void))khcn_goal_seek },
  { "khcn_json_read", (void (*)(void))khcn_json_read },
  { "khcn_json_write", (void (*)(void))khcn_json_write },
  { "khcn_mc_draws", (void (*)(void))khcn_mc_draws },
  { "khcn_mc_free", (void (*)(void))khcn_mc_free },
  { "khcn_mc_indicator", (void (*)(void))khcn_mc_indicator },
  { "khcn_mc_indicator_count", (void (*)(void))khcn_mc_indicator_count },
  { "khcn_mc_node_stats", (void (*)(void))khcn_mc_node_stats },
  { "khcn_mc_options_init", (void (*)(void))khcn_mc_options_init },
  { "khcn_mc_probabilities", (void (*)(void))khcn_mc_probabilities },
  { "khcn_mc_probability", (void (*)(void))khcn_mc_probability },
  { "khcn_montecarlo", (void (*)(void))khcn_montecarlo },
  { "khcn_plan_load", (void (*)(void))khcn_plan_load },
  { "khcn_plan_read", (void (*)(void))khcn_plan_read },
  { "khcn_plan_save", (void (*)(void))khcn_plan_save },
  { "khcn_plan_save_as", (void (*)(void))khcn_plan_save_as },
  { "khcn_progress_name", (void (*)(void))khcn_progress_name },
  { "khcn_progress_parse", (void (*)(void))khcn_progress_parse },
  { "khcn_read_options_init", (void (*)(void))khcn_read_options_init },
  { "khcn_rng_next", (void (*)(void))khcn_rng_next },
  { "khcn_rng_normal", (void (*)(void))khcn_rng_normal },
  { "khcn_rng_seed", (void (*)(void))khcn_rng_seed },
  { "khcn_rng_uniform", (void (*)(void))khcn_rng_uniform },
  { "khcn_scenario_apply", (void (*)(void))khcn_scenario_apply },
  { "khcn_scenario_assign", (void (*)(void))khcn_scenario_assign },
  { "khcn_scenario_assume_growth", (void (*)(void))khcn_scenario_assume_growth },
  { "khcn_scenario_clear", (void (*)(void))khcn_scenario_clear },
  { "khcn_scenario_edit_count", (void (*)(void))khcn_scenario_edit_count },
  { "khcn_scenario_evaluate", (void (*)(void))khcn_scenario_evaluate },
  { "khcn_scenario_free", (void (*)(void))khcn_scenario_free },
  { "khcn_scenario_move_role", (void (*)(void))khcn_scenario_move_role },
  { "khcn_scenario_new", (void (*)(void))khcn_scenario_new },
  { "khcn_scenario_remove_observation", (void (*)(void))khcn_scenario_remove_observation },
  { "khcn_scenario_set_link_weight", (void (*)(void))khcn_scenario_set_link_weight },
  { "khcn_scenario_set_node_weight", (void (*)(void))khcn_scenario_set_node_weight },
  { "khcn_scenario_set_observation", (void (*)(void))khcn_scenario_set_observation },
  { "khcn_scenario_set_target", (void (*)(void))khcn_scenario_set_target },
  { "khcn_scenario_set_target_comparator", (void (*)(void))khcn_scenario_set_target_comparator },
  { "khcn_scenario_set_target_value", (void (*)(void))khcn_scenario_set_target_value },
  { "khcn_scenario_set_target_year", (void (*)(void))khcn_scenario_set_target_year },
  { "khcn_scenario_unassign", (void (*)(void))khcn_scenario_unassign },
  { "khcn_sensitivity", (void (*)(void))khcn_sensitivity },
  { "khcn_synth_generate", (void (*)(void))khcn_synth_generate },
  { NULL, NULL }
};


static PyObject *khcn_py_result(const khcn_result *r) {
  return Py_BuildValue("(nniiiddddiddiddddddI)",
                       (Py_ssize_t)r->indicator, r->target == SIZE_MAX ? (Py_ssize_t)-1 : (Py_ssize_t)r->target,
                       r->year, r->target_year, r->base_year, r->base_value, r->value, r->attainment,
                       r->attainment_raw, r->met, r->pace, r->score, (int)r->status, r->projected,
                       r->projected_attainment, r->years_behind, r->required_value, r->required_growth,
                       r->threshold, (unsigned int)r->flags);
}

/* Attach the reader's diagnostics to the exception being raised. */
static void khcn_py_attach_diags(PyObject *list) {
  PyObject *type, *value, *tb;
  if (!list) return;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  if (value) PyObject_SetAttrString(value, "_diags", list);
  PyErr_Restore(type, value, tb);
}
%}

%inline %{
/* 1 when libkhcn has the function @name (see above). */
int py_have(const char *name) {
  const khcn_py_sym *s;
  if (!name) return 0;
  for (s = khcn_py_syms; s->name; s++)
    if (strcmp(s->name, name) == 0) return s->fn != NULL;
  return 1;
}
%}

%{
/* ---- evaluation ----------------------------------------------------------- */
/* Fill evaluation options from as_of, flags and the params sequence (see
 * py_evaluate).  0, or -1 with a Python exception. */
static int khcn_py_eval_options(khcn_eval_options *o, int as_of, unsigned int flags, PyObject *params) {
  double *fields[11];
  Py_ssize_t k, np_;
  fields[0] = &o->on_track; fields[1] = &o->needs_acceleration; fields[2] = &o->limited_progress;
  fields[3] = &o->v_on_track; fields[4] = &o->v_needs_acceleration; fields[5] = &o->limit_exponent;
  fields[6] = &o->approx_tolerance; fields[7] = &o->min_coverage; fields[8] = &o->node_on_track;
  fields[9] = &o->node_needs_acceleration; fields[10] = &o->node_limited_progress;
  o->as_of = as_of;
  o->flags = flags;
  if (params != Py_None) {
    PyObject *f = PySequence_Fast(params, "params must be a sequence of floats");
    if (!f) return -1;
    np_ = PySequence_Fast_GET_SIZE(f);
    if (np_ != 11 + KHCN_ROLE_COUNT_) { Py_DECREF(f); PyErr_SetString(PyExc_ValueError, "bad params length"); return -1; }
    for (k = 0; k < np_; k++) {
      double v = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(f, k));
      if (v == -1.0 && PyErr_Occurred()) { Py_DECREF(f); return -1; }
      if (isnan(v)) continue;
      if (k < 11) *fields[k] = v;
      else o->role_weight[k - 11] = v;
    }
    Py_DECREF(f);
  }
  return 0;
}

/* khcn_evaluate (prev NULL) or khcn_eval_reevaluate (prev given), GIL
 * released; returns (EvalHandle, [diagnostics] or None). */
static PyObject *khcn_py_evaluate(const khcn_plan *plan, const khcn_eval *prev, int as_of, unsigned int flags,
                                  PyObject *params, int want_diags) {
  khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
  khcn_eval *ev = NULL;
  khcn_diags *d = NULL;
  khcn_status st;
  PyObject *list, *h;
  if (khcn_py_eval_options(&o, as_of, flags, params) < 0) return NULL;
  if (want_diags) {
    st = khcn_diags_new(&d);
    if (st < 0) { khcn_py_raise(st); return NULL; }
  }
  Py_BEGIN_ALLOW_THREADS
  st = prev ? khcn_eval_reevaluate(&ev, prev, &o, d) : khcn_evaluate(&ev, plan, &o, d);
  Py_END_ALLOW_THREADS
  if (st < 0) { khcn_diags_free(d); khcn_py_raise(st); return NULL; }
  if (d) {
    list = py_diags(d);
    khcn_diags_free(d);
    if (!list) { khcn_eval_free(ev); return NULL; }
  } else {
    list = Py_None;
    Py_INCREF(list);
  }
  h = SWIG_NewPointerObj(SWIG_as_voidptr(ev), SWIGTYPE_p_khcn_eval, SWIG_POINTER_OWN);
  return Py_BuildValue("(NN)", h, list);
}
%}

%inline %{
/* params: NaN or a value for on_track, needs_acceleration, limited_progress,
 * v_on_track, v_needs_acceleration, limit_exponent, approx_tolerance,
 * min_coverage, node_on_track, node_needs_acceleration,
 * node_limited_progress, then KHCN_ROLE_COUNT_ role weights.
 * Returns (EvalHandle, [diagnostics] or None): the engine's findings are
 * only collected when asked (want_diags), so that the common path costs
 * exactly what khcn_evaluate() costs. */
PyObject *py_evaluate(const khcn_plan *plan, int as_of, unsigned int flags, PyObject *params, int want_diags) {
  return khcn_py_evaluate(plan, NULL, as_of, flags, params, want_diags);
}
/* The same plan, unchanged, evaluated again (khcn_eval_reevaluate). */
PyObject *py_reevaluate(const khcn_eval *prev, int as_of, unsigned int flags, PyObject *params, int want_diags) {
  return khcn_py_evaluate(NULL, prev, as_of, flags, params, want_diags);
}

/* C-only timing of khcn_evaluate + khcn_eval_free, best of @reps runs, seconds. */
double py_bench_evaluate(const khcn_plan *plan, int as_of, int reps) {
  double best = -1;
  int r;
  Py_BEGIN_ALLOW_THREADS
  for (r = 0; r < (reps < 1 ? 1 : reps); r++) {
    khcn_eval_options o = KHCN_EVAL_OPTIONS_INIT;
    khcn_eval *ev = NULL;
    struct timespec a, b;
    double t;
    o.as_of = as_of;
    clock_gettime(CLOCK_MONOTONIC, &a);
    if (khcn_evaluate(&ev, plan, &o, NULL) < 0) { best = -1; break; }
    clock_gettime(CLOCK_MONOTONIC, &b);
    khcn_eval_free(ev);
    t = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    if (best < 0 || t < best) best = t;
  }
  Py_END_ALLOW_THREADS
  return best;
}

/* Headline result of indicator i, as a tuple (see khcn_py_result). */
PyObject *py_eval_indicator(const khcn_eval *ev, size_t i) {
  khcn_result r;
  khcn_status st;
  st = khcn_eval_indicator(ev, i, &r);
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return khcn_py_result(&r);
}
PyObject *py_eval_target(const khcn_eval *ev, size_t i, size_t j) {
  khcn_result r;
  khcn_status st;
  st = khcn_eval_target(ev, i, j, &r);
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return khcn_py_result(&r);
}
/* Every headline result into a float64 array of KHCN_COL_COUNT_ x n
 * (column-major: column c of indicator i at [c * n + i], khcn_column
 * order), one pass over the plan (khcn_eval_columns); GIL released. */
khcn_status py_eval_table(const khcn_eval *ev, PyObject *out) {
  Py_buffer b;
  size_t n;
  khcn_status st;
  khcn_column cols[KHCN_COL_COUNT_];
  int c;
  for (c = 0; c < KHCN_COL_COUNT_; c++) cols[c] = (khcn_column)c;
  n = khcn_eval_indicator_count(ev);
  if (khcn_py_buffer(out, &b, 8, "d", 1, "out") < 0) return KHCN_ERROR;
  if ((size_t)(b.len / 8) != n * KHCN_COL_COUNT_) {
    PyBuffer_Release(&b);
    PyErr_SetString(PyExc_ValueError, "out must hold KHCN_COL_COUNT_ x the number of indicators");
    return KHCN_ERROR;
  }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_eval_columns(ev, cols, KHCN_COL_COUNT_, (double *)b.buf, n * KHCN_COL_COUNT_);
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&b);
  return st;
}
/* One column (khcn_eval_column) into a float64 array of n. */
khcn_status py_eval_column(const khcn_eval *ev, int col, PyObject *out) {
  Py_buffer b;
  khcn_status st;
  if (khcn_py_buffer(out, &b, 8, "d", 1, "out") < 0) return KHCN_ERROR;
  Py_BEGIN_ALLOW_THREADS
  st = khcn_eval_column(ev, (khcn_column)col, (double *)b.buf, (size_t)(b.len / 8));
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&b);
  return st;
}
/* Status codes of every headline result into an int32 array. */
khcn_status py_eval_status(const khcn_eval *ev, PyObject *out) {
  Py_buffer b;
  khcn_status st;
  if (khcn_py_buffer(out, &b, 4, "i", 1, "out") < 0) return KHCN_ERROR;
  Py_BEGIN_ALLOW_THREADS
  st = khcn_eval_column_int(ev, KHCN_COL_STATUS, (int *)b.buf, (size_t)(b.len / 4));
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&b);
  return st;
}

/* [(node index, score, coverage, status, children, assessed, achieved)] for
 * every node and, last, the plan. */
PyObject *py_eval_nodes(const khcn_eval *ev) {
  size_t i, n;
  PyObject *list;
  n = khcn_eval_node_count(ev);
  list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_node_result r;
    PyObject *t;
    khcn_status st = khcn_eval_node(ev, i, &r);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    t = Py_BuildValue("(nddinnn)", (Py_ssize_t)r.node, r.score, r.coverage, (int)r.status, (Py_ssize_t)r.children,
                      (Py_ssize_t)r.assessed, (Py_ssize_t)r.achieved);
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}
/* [(agency index, score, coverage, weight, status, roles, lagging,
 *   (counts by status), [lagging indicator indices])] */
PyObject *py_eval_agencies(const khcn_eval *ev) {
  size_t i, n;
  PyObject *list;
  n = khcn_eval_agency_count(ev);
  list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_agency_result r;
    PyObject *t, *counts, *lag;
    size_t k, nl;
    size_t *buf;
    khcn_status st = khcn_eval_agency(ev, i, &r);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    counts = PyTuple_New(KHCN_PROGRESS_COUNT_);
    if (!counts) { Py_DECREF(list); return NULL; }
    for (k = 0; k < KHCN_PROGRESS_COUNT_; k++) PyTuple_SET_ITEM(counts, (Py_ssize_t)k, PyLong_FromSize_t(r.counts[k]));
    nl = khcn_eval_agency_lagging(ev, i, NULL, 0);
    buf = (size_t *)PyMem_Malloc((nl ? nl : 1) * sizeof *buf);
    if (!buf) { Py_DECREF(counts); Py_DECREF(list); PyErr_NoMemory(); return NULL; }
    nl = khcn_eval_agency_lagging(ev, i, buf, nl);
    lag = PyList_New((Py_ssize_t)nl);
    if (!lag) { PyMem_Free(buf); Py_DECREF(counts); Py_DECREF(list); return NULL; }
    for (k = 0; k < nl; k++) PyList_SET_ITEM(lag, (Py_ssize_t)k, PyLong_FromSize_t(buf[k]));
    PyMem_Free(buf);
    t = Py_BuildValue("(ndddinnNN)", (Py_ssize_t)r.agency, r.score, r.coverage, r.weight, (int)r.status,
                      (Py_ssize_t)r.roles, (Py_ssize_t)r.lagging, counts, lag);
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}

/* ---- scenarios, diffs, goal seek, sensitivity ------------------------------ */
khcn_status py_scenario_set_target(khcn_scenario *s, const char *indicator, size_t j, int year, int comparator,
                                   double value, double hi, double tol, int base_year, unsigned int flags,
                                   const char *note) {
  khcn_target t;
  khcn_target_init(&t);
  t.year = year; t.comparator = (khcn_comparator)comparator; t.value = value; t.hi = hi; t.tol = tol;
  t.base_year = base_year; t.flags = flags; t.note = note;
  return khcn_scenario_set_target(s, indicator, j, &t);
}
/* [(kind, index, before, after, delta, attainment_before, attainment_after,
 *   status_before, status_after)] */
PyObject *py_diff_entries(const khcn_diff *d) {
  size_t i, n;
  PyObject *list;
  n = khcn_diff_count(d);
  list = PyList_New((Py_ssize_t)n);
  if (!list) return NULL;
  for (i = 0; i < n; i++) {
    khcn_diff_entry e;
    PyObject *t;
    khcn_status st = khcn_diff_at(d, i, &e);
    if (st < 0) { Py_DECREF(list); khcn_py_raise(st); return NULL; }
    t = Py_BuildValue("(indddddii)", (int)e.kind, (Py_ssize_t)e.index, e.before, e.after, e.delta,
                      e.attainment_before, e.attainment_after, (int)e.status_before, (int)e.status_after);
    if (!t) { Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}
PyObject *py_goal_seek(const khcn_eval *ev, const char *indicator, int year, int goal, const char *node,
                       double level) {
  double v = NAN;
  khcn_status st;
  Py_BEGIN_ALLOW_THREADS
  st = khcn_goal_seek(&v, ev, indicator, year, (khcn_goal)goal, node, level);
  Py_END_ALLOW_THREADS
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return PyFloat_FromDouble(v);
}
/* ([(indicator index, delta, score)], total ranked) */
PyObject *py_sensitivity(const khcn_eval *ev, const char *node, double step, size_t n) {
  khcn_sensitivity_item *items;
  size_t count = 0, i, m;
  khcn_status st;
  PyObject *list;
  if (n > khcn_eval_indicator_count(ev)) n = khcn_eval_indicator_count(ev);
  items = (khcn_sensitivity_item *)PyMem_Malloc((n ? n : 1) * sizeof *items);
  if (!items) return PyErr_NoMemory();
  Py_BEGIN_ALLOW_THREADS
  st = khcn_sensitivity(items, n, &count, ev, node, step);
  Py_END_ALLOW_THREADS
  if (st < 0) { PyMem_Free(items); khcn_py_raise(st); return NULL; }
  m = count < n ? count : n;
  list = PyList_New((Py_ssize_t)m);
  if (!list) { PyMem_Free(items); return NULL; }
  for (i = 0; i < m; i++) {
    PyObject *t = Py_BuildValue("(ndd)", (Py_ssize_t)items[i].indicator, items[i].delta, items[i].score);
    if (!t) { PyMem_Free(items); Py_DECREF(list); return NULL; }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  PyMem_Free(items);
  return Py_BuildValue("(Nn)", list, (Py_ssize_t)count);
}

/* ---- Monte Carlo ------------------------------------------------------------ */
/* indicators: None or uint64 positions; mean, sd: None or float64 arrays of
 * the same length (NaN = observed).  GIL released while drawing. */
PyObject *py_montecarlo(const khcn_eval *ev, size_t draws, unsigned long long seed, PyObject *indicators,
                        PyObject *mean, PyObject *sd, size_t max_node_samples) {
  khcn_mc_options o = KHCN_MC_OPTIONS_INIT;
  Py_buffer bi, bm, bs;
  int hi = 0, hm = 0, hs = 0;
  khcn_mc *mc = NULL;
  khcn_status st;
  size_t n = 0;
  o.draws = draws;
  o.seed = (uint64_t)seed;
  o.max_node_samples = max_node_samples;
  if (indicators != Py_None) {
    if (khcn_py_buffer(indicators, &bi, 8, "QLKk", 0, "indicators") < 0) return NULL;
    hi = 1;
    n = (size_t)(bi.len / 8);
    o.indicators = (const size_t *)bi.buf;
    o.n_indicators = n;
  }
  if (mean != Py_None) {
    if (khcn_py_buffer(mean, &bm, 8, "d", 0, "mean") < 0) goto fail;
    hm = 1;
    o.mean = (const double *)bm.buf;
  }
  if (sd != Py_None) {
    if (khcn_py_buffer(sd, &bs, 8, "d", 0, "sd") < 0) goto fail;
    hs = 1;
    o.sd = (const double *)bs.buf;
  }
  if ((hm && (size_t)(bm.len / 8) != (hi ? n : khcn_eval_indicator_count(ev))) ||
      (hs && (size_t)(bs.len / 8) != (hi ? n : khcn_eval_indicator_count(ev)))) {
    PyErr_SetString(PyExc_ValueError, "mean and sd need one value per simulated indicator");
    goto fail;
  }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_montecarlo(&mc, ev, &o);
  Py_END_ALLOW_THREADS
  if (hi) PyBuffer_Release(&bi);
  if (hm) PyBuffer_Release(&bm);
  if (hs) PyBuffer_Release(&bs);
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return SWIG_NewPointerObj(SWIG_as_voidptr(mc), SWIGTYPE_p_khcn_mc, SWIG_POINTER_OWN);
fail:
  if (hi) PyBuffer_Release(&bi);
  if (hm) PyBuffer_Release(&bm);
  if (hs) PyBuffer_Release(&bs);
  return NULL;
}
/* Plan indices of the simulated indicators (uint64 array) and the
 * probability that each one's governing target is met (float64 array). */
khcn_status py_mc_arrays(const khcn_mc *mc, PyObject *indices, PyObject *probs) {
  Py_buffer bi, bp;
  size_t k, n = khcn_mc_indicator_count(mc);
  khcn_status st;
  if (khcn_py_buffer(indices, &bi, 8, "QLKk", 1, "indices") < 0) return KHCN_ERROR;
  if (khcn_py_buffer(probs, &bp, 8, "d", 1, "probs") < 0) { PyBuffer_Release(&bi); return KHCN_ERROR; }
  if ((size_t)(bi.len / 8) != n || (size_t)(bp.len / 8) != n) {
    PyBuffer_Release(&bi); PyBuffer_Release(&bp);
    PyErr_SetString(PyExc_ValueError, "arrays must hold one item per simulated indicator");
    return KHCN_ERROR;
  }
  for (k = 0; k < n; k++) ((uint64_t *)bi.buf)[k] = (uint64_t)khcn_mc_indicator(mc, k);
  st = khcn_mc_probabilities(mc, (double *)bp.buf, n);
  PyBuffer_Release(&bi); PyBuffer_Release(&bp);
  return st;
}
/* (mean, sd, min, max, p05, p50, p95, p_on_track) or None. */
PyObject *py_mc_node(const khcn_mc *mc, size_t i) {
  khcn_mc_node r;
  khcn_status st = khcn_mc_node_stats(mc, i, &r);
  if (st == KHCN_ENOTFOUND) Py_RETURN_NONE;
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return Py_BuildValue("(dddddddd)", r.mean, r.sd, r.min, r.max, r.p05, r.p50, r.p95, r.p_on_track);
}

/* ---- synthetic dataset ------------------------------------------------------- */
PyObject *py_synth(size_t provinces, size_t indicators, size_t years, size_t agencies_per_province, size_t depth,
                   unsigned long long seed, int first_year) {
  khcn_synth_options o = KHCN_SYNTH_OPTIONS_INIT;
  khcn_plan *p = NULL;
  khcn_status st;
  o.provinces = provinces; o.indicators = indicators; o.years = years;
  o.agencies_per_province = agencies_per_province; o.depth = depth; o.seed = (uint64_t)seed;
  o.first_year = first_year;
  Py_BEGIN_ALLOW_THREADS
  st = khcn_synth_generate(&p, &o);
  Py_END_ALLOW_THREADS
  if (st < 0) { khcn_py_raise(st); return NULL; }
  return SWIG_NewPointerObj(SWIG_as_voidptr(p), SWIGTYPE_p_khcn_plan, SWIG_POINTER_OWN);
}

/* ---- reading and writing ------------------------------------------------------ */
/* data: any bytes-like object; format 0 auto, 1 CBOR, 2 JSON; flags
 * KHCN_READ_*; max_size 0 = default.  Returns (PlanHandle, [diagnostics]);
 * on failure the exception carries the diagnostics. */
PyObject *py_read(PyObject *data, int format, unsigned int flags, size_t max_size) {
  Py_buffer b;
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  khcn_diags *d = NULL;
  khcn_plan *p = NULL;
  khcn_status st;
  PyObject *list, *h;
  if (PyUnicode_Check(data)) {
    PyErr_SetString(PyExc_TypeError, "data must be bytes (encode JSON text first)");
    return NULL;
  }
  if (PyObject_GetBuffer(data, &b, PyBUF_C_CONTIGUOUS) < 0) return NULL;
  o.flags = flags;
  o.max_size = max_size;
  st = khcn_diags_new(&d);
  if (st < 0) { PyBuffer_Release(&b); khcn_py_raise(st); return NULL; }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_plan_read(&p, b.buf, (size_t)b.len, (khcn_format)format, &o, d);
  Py_END_ALLOW_THREADS
  PyBuffer_Release(&b);
  list = py_diags(d);
  khcn_diags_free(d);
  if (st < 0) {
    khcn_py_raise(st);
    khcn_py_attach_diags(list);
    Py_XDECREF(list);
    return NULL;
  }
  if (!list) { khcn_plan_free(p); return NULL; }
  h = SWIG_NewPointerObj(SWIG_as_voidptr(p), SWIGTYPE_p_khcn_plan, SWIG_POINTER_OWN);
  return Py_BuildValue("(NN)", h, list);
}
/* Load a file (format from the extension or the content). */
PyObject *py_load(const char *path, unsigned int flags, size_t max_size) {
  khcn_read_options o = KHCN_READ_OPTIONS_INIT;
  khcn_diags *d = NULL;
  khcn_plan *p = NULL;
  khcn_status st;
  PyObject *list, *h;
  if (!path) { PyErr_SetString(PyExc_ValueError, "path must not be None"); return NULL; }
  o.flags = flags;
  o.max_size = max_size;
  st = khcn_diags_new(&d);
  if (st < 0) { khcn_py_raise(st); return NULL; }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_plan_load(&p, path, &o, d);
  Py_END_ALLOW_THREADS
  list = py_diags(d);
  khcn_diags_free(d);
  if (st < 0) {
    khcn_py_raise(st);
    khcn_py_attach_diags(list);
    Py_XDECREF(list);
    return NULL;
  }
  if (!list) { khcn_plan_free(p); return NULL; }
  h = SWIG_NewPointerObj(SWIG_as_voidptr(p), SWIGTYPE_p_khcn_plan, SWIG_POINTER_OWN);
  return Py_BuildValue("(NN)", h, list);
}
/* CBOR bytes (format 1) or JSON text as str (format 2). */
PyObject *py_write(const khcn_plan *plan, int format) {
  khcn_buf b = KHCN_BUF_INIT;
  khcn_status st;
  PyObject *res;
  if (format == 2) {
    Py_BEGIN_ALLOW_THREADS
    st = khcn_json_write(&b, plan);
    Py_END_ALLOW_THREADS
  } else {
    Py_BEGIN_ALLOW_THREADS
    st = khcn_cbor_write(&b, plan);
    Py_END_ALLOW_THREADS
  }
  if (st < 0) { khcn_buf_dispose(&b); khcn_py_raise(st); return NULL; }
  if (format == 2) res = PyUnicode_DecodeUTF8((const char *)b.ptr, (Py_ssize_t)b.size, "strict");
  else res = PyBytes_FromStringAndSize((const char *)b.ptr, (Py_ssize_t)b.size);
  khcn_buf_dispose(&b);
  return res;
}
khcn_status py_save(const khcn_plan *plan, const char *path, int format) {
  khcn_status st;
  if (!path) { PyErr_SetString(PyExc_ValueError, "path must not be None"); return KHCN_ERROR; }
  Py_BEGIN_ALLOW_THREADS
  st = khcn_plan_save_as(plan, path, (khcn_format)format);
  Py_END_ALLOW_THREADS
  return st;
}
/* CBOR diagnostic notation of some bytes. */
PyObject *py_cbor_dump(PyObject *data) {
  Py_buffer b;
  khcn_buf out = KHCN_BUF_INIT;
  khcn_status st;
  PyObject *res;
  if (PyObject_GetBuffer(data, &b, PyBUF_C_CONTIGUOUS) < 0) return NULL;
  st = khcn_cbor_dump(&out, b.buf, (size_t)b.len);
  PyBuffer_Release(&b);
  if (st < 0 && st != KHCN_EFORMAT) { khcn_buf_dispose(&out); khcn_py_raise(st); return NULL; }
  res = PyUnicode_DecodeUTF8(out.ptr ? (const char *)out.ptr : "", (Py_ssize_t)out.size, "replace");
  khcn_buf_dispose(&out);
  return res;
}
%}
