#!/bin/sh
# Run Debian's Python with the sanitizer runtimes preloaded, so that the
# ASan/UBSan-instrumented libkhcn and its extension module can be loaded
# (builds made with --enable-sanitizers).  CPython itself is not
# instrumented and keeps memory until exit: leak detection is off here;
# the C test programs keep it on.
LD_PRELOAD="${KHCN_SAN_PRELOAD}${LD_PRELOAD:+ $LD_PRELOAD}"
ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LD_PRELOAD ASAN_OPTIONS
exec "${KHCN_PYTHON_REAL:-/usr/bin/python3}" "$@"
