#!/bin/bash
# Test wrapper: runs "$@" and copies its output both to the harness log
# (stdout) and to fd 9 (the terminal of `make check`, see
# AM_TESTS_FD_REDIRECT), so CUnit and pytest summaries are visible.
set -o pipefail
if { true >&9; } 2>/dev/null; then
  # -a: append, so that a log file behind fd 9 is not truncated
  "$@" 2>&1 | tee -a /dev/fd/9
else
  "$@"
fi
