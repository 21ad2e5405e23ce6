# core: errors, allocation, utilities, the plan model, validation
libkhcn_internal_la_SOURCES += \
  libkhcn/src/internal/util.h libkhcn/src/internal/model.h \
  libkhcn/src/errors.c libkhcn/src/alloc.c libkhcn/src/util.c libkhcn/src/numfmt.c \
  libkhcn/src/diag.c libkhcn/src/plan.c libkhcn/src/indicator.c libkhcn/src/nodes.c \
  libkhcn/src/validate.c
khcninclude_HEADERS += libkhcn/include/khcn/common.h libkhcn/include/khcn/diag.h libkhcn/include/khcn/plan.h
