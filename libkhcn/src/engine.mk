# engine: attainment, roll-ups, what-if, Monte Carlo, synthetic data (issue 3)
libkhcn_internal_la_SOURCES += \
  libkhcn/src/internal/engine.h \
  libkhcn/src/attain.c libkhcn/src/attain_eval.c libkhcn/src/scenario.c libkhcn/src/montecarlo.c \
  libkhcn/src/synth.c
khcninclude_HEADERS += libkhcn/include/khcn/attain.h

check_PROGRAMS += tests/unit/test_engine
tests_unit_test_engine_SOURCES = tests/unit/main_engine.c tests/unit/test_attain.c tests/unit/test_attain_rollup.c \
  tests/unit/test_scenario.c tests/unit/test_engine_props.c tests/unit/test_engine.h
tests_unit_test_engine_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_engine_LDADD = $(KHCN_TEST_LIBS)
TESTS += tests/unit/test_engine

# examples/whatif.c: built and run by make check
check_PROGRAMS += examples/whatif
examples_whatif_SOURCES = examples/whatif.c
examples_whatif_LDADD = libkhcn.la -lm
TESTS += examples/whatif
