# cli: shell tests of the khcn tool, Python interop tests with cbor2, and
# the reader/writer benchmark (built, not run, by `make check`; run it with
# tests/cli/bench_io [INDICATORS [OBSERVATIONS]]).
TESTS += tests/cli/cli.sh tests/cli/interop.py
EXTRA_DIST += tests/cli/cli.sh tests/cli/interop.py tests/cli/bench_cbor2.py

noinst_PROGRAMS += tests/cli/bench_io
tests_cli_bench_io_SOURCES = tests/cli/bench_io.c
tests_cli_bench_io_LDADD = libkhcn_internal.la -lm -lpthread
