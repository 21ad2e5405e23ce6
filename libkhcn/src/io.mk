# io: the CBOR exchange format and its JSON form (docs/format.md)
libkhcn_internal_la_SOURCES += \
  libkhcn/src/internal/io.h \
  libkhcn/src/cbor_write.c libkhcn/src/cbor_read.c libkhcn/src/cbor_dump.c \
  libkhcn/src/json_write.c libkhcn/src/json_read.c \
  libkhcn/src/io_common.c libkhcn/src/io_file.c
khcninclude_HEADERS += libkhcn/include/khcn/io.h

# unit tests of the readers and writers
check_PROGRAMS += tests/unit/test_io
tests_unit_test_io_SOURCES = tests/unit/main_io.c tests/unit/test_cbor.c tests/unit/test_json.c \
  tests/unit/test_io_bad.c tests/unit/test_io_util.h
tests_unit_test_io_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(CBOR_CFLAGS)
tests_unit_test_io_LDADD = $(KHCN_TEST_LIBS)
TESTS += tests/unit/test_io
EXTRA_DIST += tests/data
