# cli: shell tests of the khcn tool, Python interop tests with cbor2, and
# the reader/writer benchmark (built, not run, by `make check`; `make
# bench-io` runs it, with BENCH_IO_ARGS="INDICATORS RUNS" to change the size).
TESTS += tests/cli/cli.sh tests/cli/interop.py
EXTRA_DIST += tests/cli/cli.sh tests/cli/interop.py tests/cli/bench_cbor2.py tests/cli/bench_io.sh

noinst_PROGRAMS += tests/cli/bench_io
tests_cli_bench_io_SOURCES = tests/cli/bench_io.c
tests_cli_bench_io_LDADD = libkhcn_internal.la -lm -lpthread

.PHONY: bench-io
bench-io: tests/cli/bench_io$(EXEEXT)
	$(AM_V_at)PYTHON=$(PYTHON) $(SHELL) $(top_srcdir)/tests/cli/bench_io.sh $(abs_top_builddir)/tests/cli/bench_io $(BENCH_IO_ARGS)
