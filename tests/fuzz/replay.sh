#!/bin/sh
# Replay the fuzz corpus (and the golden vectors) through the fuzz target.
set -e
exec "${KHCN_BUILDDIR:-.}/tests/fuzz/replay" "${KHCN_SRCDIR:-.}/tests/fuzz/corpus" "${KHCN_SRCDIR:-.}/tests/data"
