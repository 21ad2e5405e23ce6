#!/usr/bin/python3
"""Time cbor2 decoding a file written by tests/cli/bench_io (best of 3).

    /usr/bin/python3 tests/cli/bench_cbor2.py bench_io.khcn
"""
import sys
import time

import cbor2

path = sys.argv[1] if len(sys.argv) > 1 else "bench_io.khcn"
data = open(path, "rb").read()
best = None
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 3):
    t0 = time.perf_counter()
    doc = cbor2.loads(data)
    t = time.perf_counter() - t0
    best = t if best is None or t < best else best
    del doc
print("cbor2 %s: %.1f MB decoded in %.3f s = %.1f MB/s" % (cbor2.__name__, len(data) / 1e6, best, len(data) / 1e6 / best))
