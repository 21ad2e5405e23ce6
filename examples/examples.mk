# examples/: built and run by `make check`, so they cannot rot.
check_PROGRAMS += examples/plan_basics
examples_plan_basics_SOURCES = examples/plan_basics.c
examples_plan_basics_LDADD = libkhcn.la
TESTS += examples/plan_basics examples/pkgconfig-build.sh
EXTRA_DIST += examples/pkgconfig-build.sh

# ---- the bundled dataset: the five seed plans (docs/data.md) ---------------
# Authored in the JSON form, built into CBOR by the khcn tool, installed with
# both forms under $(pkgdatadir)/data.
SEED_JSON = \
  examples/data/ben-tre-5611-2022.json \
  examples/data/hung-yen-2023.json \
  examples/data/bac-giang-2021.json \
  examples/data/bac-ninh-149-2023.json \
  examples/data/ca-mau-kl50.json
SEED_KHCN = $(SEED_JSON:.json=.khcn)
seeddatadir = $(pkgdatadir)/data
dist_seeddata_DATA = $(SEED_JSON)
seeddata_DATA = $(SEED_KHCN)
CLEANFILES += $(SEED_KHCN)
SUFFIXES = .json .khcn
.json.khcn:
	$(AM_V_GEN)$(MKDIR_P) examples/data && ./khcn$(EXEEXT) convert $< $@
$(SEED_KHCN): khcn$(EXEEXT)

TESTS += tests/seeds/run.sh
check_DATA += $(SEED_KHCN)
EXTRA_DIST += tests/seeds

# The main job of the Quick start: the report on the bundled plans, from the
# installed tool and data, then one illustrative what-if.
MAIN_JOB = $(SHELL) $(top_srcdir)/examples/main-job.sh '$(bindir)/khcn' '$(seeddatadir)'
EXTRA_DIST += examples/main-job.sh
