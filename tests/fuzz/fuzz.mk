# fuzz: a libFuzzer target for the readers (tests/fuzz/fuzz_read.c) and a
# standalone replay driver that `make check` runs over tests/fuzz/corpus.
#
# Fuzzing (clang, out of the autotools build):
#   make fuzz-read            # builds tests/fuzz/fuzz_read with -fsanitize=fuzzer,address,undefined
#   tests/fuzz/fuzz_read -max_total_time=600 -max_len=4096 $(srcdir)/tests/fuzz/corpus
check_PROGRAMS += tests/fuzz/replay
tests_fuzz_replay_SOURCES = tests/fuzz/fuzz_read.c tests/fuzz/replay.c
tests_fuzz_replay_CFLAGS = $(AM_CFLAGS) $(CBOR_CFLAGS)
tests_fuzz_replay_LDADD = libkhcn_internal.la -lm -lpthread
TESTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/replay.sh tests/fuzz/corpus tests/fuzz/README.md

FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
fuzz-read: $(top_srcdir)/tests/fuzz/fuzz_read.c $(libkhcn_internal_la_SOURCES)
	$(FUZZ_CC) $(FUZZ_FLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L $(AM_CPPFLAGS) -I$(top_builddir) \
	  -o tests/fuzz/fuzz_read $(top_srcdir)/tests/fuzz/fuzz_read.c \
	  $(filter %.c,$(addprefix $(top_srcdir)/,$(libkhcn_internal_la_SOURCES))) $(CBOR_LIBS) -lm -lpthread
.PHONY: fuzz-read
CLEANFILES += tests/fuzz/fuzz_read
