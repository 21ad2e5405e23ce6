# Python bindings: the SWIG-generated extension khcn._core (+ khcn/core.py)
# and the hand-written package bindings/python/khcn/*.py on top.
#
# Build:  swig -python -threads  ->  bindings/python/khcn_wrap.c, core.py
#         libtool module _core.la (-module -avoid-version -shrext EXT_SUFFIX)
# Stage:  bindings/python/stage/khcn/ (build tree) = the .py files + core.py
#         + the .so, so that tests, examples and notebooks import the
#         in-tree module with PYTHONPATH=$(abs_builddir)/bindings/python/stage.
# Install: $(PYTHON_SITEDIR)/khcn (the .so through libtool, the .py files
#         through install-data-local).

PY_SRC_FILES = \
  bindings/python/khcn/__init__.py \
  bindings/python/khcn/errors.py \
  bindings/python/khcn/model.py \
  bindings/python/khcn/evaluation.py \
  bindings/python/khcn/frames.py \
  bindings/python/khcn/html.py \
  bindings/python/khcn/plot.py \
  bindings/python/khcn/dask.py \
  bindings/python/khcn/io.py \
  bindings/python/khcn/_util.py

PY_SWIG_FILES = \
  bindings/swig/khcn.i \
  bindings/swig/khcn_typemaps.i \
  bindings/python/khcn_python.i

PY_TEST_FILES = \
  bindings/python/tests/conftest.py \
  bindings/python/tests/test_model.py \
  bindings/python/tests/test_errors.py \
  bindings/python/tests/test_evaluation.py \
  bindings/python/tests/test_numpy_pandas.py \
  bindings/python/tests/test_io.py \
  bindings/python/tests/test_plot_html.py \
  bindings/python/tests/test_dask.py

PY_EXAMPLE_FILES = \
  examples/python/quickstart.py \
  examples/python/whatif.py \
  examples/python/scale_out.py \
  examples/notebooks/khcn-tour.ipynb

EXTRA_DIST += $(PY_SRC_FILES) $(PY_SWIG_FILES) $(PY_TEST_FILES) $(PY_EXAMPLE_FILES) \
  bindings/python/run-pytest.sh bindings/python/run-examples.sh \
  bindings/python/run_notebook.py bindings/python/bench_python.py \
  bindings/python/core.py docs/python.md

khcnpyexecdir = $(PYTHON_SITEDIR)/khcn
khcnpyexec_LTLIBRARIES = bindings/python/_core.la
bindings_python__core_la_SOURCES = bindings/python/khcn_wrap.c
bindings_python__core_la_CPPFLAGS = $(AM_CPPFLAGS) $(PYTHON_CFLAGS) $(NUMPY_CFLAGS)
# SWIG output is not clean under the library's -Wextra -Werror set:
# compile it with its own, quieter flags (still -fvisibility=hidden so only
# PyInit__core is exported).
# Under --enable-sanitizers the wrapper is instrumented too (the sanitizer
# flags, without the library's warning set).
if SANITIZERS
KHCN_PY_SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g
else
KHCN_PY_SANFLAGS =
endif
bindings_python__core_la_CFLAGS = -fvisibility=hidden -fno-strict-aliasing -Wall -Wno-unused-function \
  -Wno-unused-variable -Wno-unused-but-set-variable -Wno-missing-field-initializers $(KHCN_PY_SANFLAGS)
# RUNPATH $(libdir): the installed module finds the installed libkhcn
# even before ldconfig has run (in-tree, LD_LIBRARY_PATH takes precedence).
bindings_python__core_la_LDFLAGS = -module -shared -avoid-version -shrext $(PYTHON_EXT_SUFFIX) -no-undefined \
  -export-symbols-regex '^PyInit__core$$' -Wl,-rpath,$(libdir)
bindings_python__core_la_LIBADD = libkhcn.la
CLEANFILES += bindings/python/khcn_wrap.c bindings/python/core.py bindings/python/stage.stamp
BUILT_SOURCES += bindings/python/khcn_wrap.c

KHCN_PUBLIC_HEADERS_FOR_SWIG = libkhcn/include/khcn.h libkhcn/include/khcn/common.h libkhcn/include/khcn/diag.h \
  libkhcn/include/khcn/plan.h libkhcn/include/khcn/attain.h libkhcn/include/khcn/io.h

bindings/python/khcn_wrap.c: $(PY_SWIG_FILES) $(KHCN_PUBLIC_HEADERS_FOR_SWIG)
	$(AM_V_GEN)$(MKDIR_P) bindings/python && \
	  $(SWIG) -python -threads -doxygen -w560 -I$(top_srcdir)/libkhcn/include -I$(top_builddir)/libkhcn/include \
	    -I$(top_srcdir)/bindings/swig -outdir bindings/python -o $@-t.c $(srcdir)/bindings/python/khcn_python.i && \
	  mv -f $@-t.c $@
bindings/python/core.py: bindings/python/khcn_wrap.c
	@test -f $@ || { rm -f bindings/python/khcn_wrap.c; $(MAKE) $(AM_MAKEFLAGS) bindings/python/khcn_wrap.c; }

# ---- staging package in the build tree ----------------------------------
# (core.py comes from the build tree, or from the source tree of a release
# tarball, which ships it with khcn_wrap.c so that SWIG is not needed)
PY_STAGE = bindings/python/stage/khcn
noinst_DATA += bindings/python/stage.stamp
bindings/python/stage.stamp: bindings/python/_core.la bindings/python/core.py $(PY_SRC_FILES)
	$(AM_V_GEN)$(MKDIR_P) $(PY_STAGE) && \
	  for f in $(PY_SRC_FILES); do cp -f $(srcdir)/$$f $(PY_STAGE)/ || exit 1; done && \
	  cp -f `test -f bindings/python/core.py || echo $(srcdir)/`bindings/python/core.py $(PY_STAGE)/ && \
	  cp -f bindings/python/.libs/_core$(PYTHON_EXT_SUFFIX) $(PY_STAGE)/ && \
	  touch $@

clean-local: clean-local-python
clean-local-python:
	-rm -rf bindings/python/stage bindings/python/__pycache__ bindings/python/.pytest_cache \
	  bindings/python/notebooks-out

# ---- install: the pure-Python files next to the extension ------------------
install-data-local: install-data-local-python
install-data-local-python: bindings/python/core.py
	$(MKDIR_P) '$(DESTDIR)$(khcnpyexecdir)'
	for f in $(PY_SRC_FILES); do $(INSTALL_DATA) $(srcdir)/$$f '$(DESTDIR)$(khcnpyexecdir)' || exit 1; done
	$(INSTALL_DATA) `test -f bindings/python/core.py || echo $(srcdir)/`bindings/python/core.py '$(DESTDIR)$(khcnpyexecdir)'

install-exec-hook: install-exec-hook-python
install-exec-hook-python:
	rm -f '$(DESTDIR)$(khcnpyexecdir)/_core.la'

uninstall-local: uninstall-local-python
uninstall-local-python:
	for f in $(PY_SRC_FILES) core.py; do rm -f '$(DESTDIR)$(khcnpyexecdir)'/`basename $$f`; done
	rm -f '$(DESTDIR)$(khcnpyexecdir)/_core$(PYTHON_EXT_SUFFIX)' '$(DESTDIR)$(khcnpyexecdir)/_core.la'
	rm -rf '$(DESTDIR)$(khcnpyexecdir)/__pycache__'
	-rmdir '$(DESTDIR)$(khcnpyexecdir)' 2>/dev/null

# ---- tests: pytest, and the notebooks through nbclient ---------------------
TESTS += bindings/python/run-pytest.sh bindings/python/run-examples.sh
check_DATA += bindings/python/stage.stamp

.PHONY: clean-local-python install-data-local-python install-exec-hook-python uninstall-local-python \
  bench-python
bench-python: bindings/python/stage.stamp
	LD_LIBRARY_PATH='$(abs_top_builddir)/.libs' PYTHONPATH='$(abs_top_builddir)/bindings/python/stage' \
	  $(PYTHON) $(srcdir)/bindings/python/bench_python.py
