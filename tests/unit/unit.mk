# CUnit runners: one program per area, one suite per module.
noinst_LTLIBRARIES += tests/unit/libkhcntest.la
tests_unit_libkhcntest_la_SOURCES = tests/unit/runner.c tests/unit/runner.h
tests_unit_libkhcntest_la_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
KHCN_TEST_LIBS = tests/unit/libkhcntest.la libkhcn_internal.la $(CUNIT_LIBS) -lm -lpthread

check_PROGRAMS += tests/unit/test_model
tests_unit_test_model_SOURCES = tests/unit/main_model.c tests/unit/test_errors.c tests/unit/test_util.c \
  tests/unit/test_plan.c tests/unit/test_validate.c tests/unit/test_seedplans.c tests/unit/test_oom.c \
  tests/unit/test_threads.c tests/unit/suites_model.h
tests_unit_test_model_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_model_LDADD = $(KHCN_TEST_LIBS)
TESTS += tests/unit/test_model

# headers compile alone, as C99 -pedantic and as C++
check_PROGRAMS += tests/unit/headertest tests/unit/headertest_cxx
tests_unit_headertest_SOURCES = tests/unit/headertest.c
tests_unit_headertest_CFLAGS = -std=c99 -Wall -Wextra -pedantic -Werror
tests_unit_headertest_LDADD = libkhcn.la
tests_unit_headertest_cxx_SOURCES = tests/unit/headertest_cxx.cc
tests_unit_headertest_cxx_CXXFLAGS = -Wall -Wextra -pedantic -Werror
tests_unit_headertest_cxx_LDADD =
TESTS += tests/unit/headertest tests/unit/headertest_cxx tests/unit/check-exports.sh
EXTRA_DIST += tests/unit/check-exports.sh
