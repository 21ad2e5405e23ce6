# bench: engine benchmark (issue 3).  Not a test: `make bench` builds and runs
# it on the national synthetic dataset and prints JSON lines; pass options
# with BENCH_ARGS, e.g. `make bench BENCH_ARGS="--indicators 100000 --runs 3"`.
noinst_PROGRAMS += tests/bench/bench
tests_bench_bench_SOURCES = tests/bench/bench.c
tests_bench_bench_LDADD = libkhcn.la -lm
EXTRA_DIST += tests/bench/run.sh tests/bench/README.md

.PHONY: bench
bench: tests/bench/bench$(EXEEXT)
	$(AM_V_at)$(SHELL) $(top_srcdir)/tests/bench/run.sh $(abs_top_builddir)/tests/bench/bench $(BENCH_ARGS)
