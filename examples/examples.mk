# examples/: built and run by `make check`, so they cannot rot.
check_PROGRAMS += examples/plan_basics
examples_plan_basics_SOURCES = examples/plan_basics.c
examples_plan_basics_LDADD = libkhcn.la
TESTS += examples/plan_basics examples/pkgconfig-build.sh
EXTRA_DIST += examples/pkgconfig-build.sh

# Until the bundled dataset and the `khcn report` command exist, the main job
# builds and runs an example plan against the installed library.
MAIN_JOB = $(SHELL) $(top_srcdir)/examples/pkgconfig-build.sh
