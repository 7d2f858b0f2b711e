"""NumPy half of bench/run: the same workloads as bench/rust, on the same inputs.

Inputs come from a counter-based SplitMix64 stream that both sides implement
(see `splitmix_f64`), so no data files are exchanged. Each call prints one JSON
line: {"name", "ms" (best sample), "check" (a checksum of the result, which
report.py compares with the Rust side's to prove both did the same work)}.
"""

import argparse
import importlib
import json
import os
import re
import sys
import time

import numpy as np

from inputs import mat, vec


def best_ms(fn):
    fn()
    t0 = time.perf_counter()
    fn()
    t = time.perf_counter() - t0
    number = max(1, int(0.02 / t)) if t < 0.02 else 1
    samples = []
    start = time.perf_counter()
    while len(samples) < 5 or (len(samples) < 15 and time.perf_counter() - start < 2.0):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - t0) / number)
    return min(samples) * 1e3


def check(x):
    """float64 sum of the result (complex: real parts plus imaginary parts), as the Rust side's Checksum."""
    if isinstance(x, tuple):
        return sum(check(p) for p in x)
    x = np.asarray(x)
    if np.iscomplexobj(x):
        return float(np.sum(x.real, dtype=np.float64) + np.sum(x.imag, dtype=np.float64))
    return float(np.sum(x, dtype=np.float64))


def workloads():
    """name -> (setup() -> state, run(state) -> result), gathered from workloads/<area>.py."""
    w = {}

    def add(name, setup, run):
        w[name] = (setup, run)

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    for f in sorted(os.listdir(os.path.join(here, "workloads"))):
        if f.endswith(".py") and not f.startswith("_"):
            importlib.import_module("workloads." + f[:-3]).register(add, vec, mat)
    return w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exact")
    ap.add_argument("--filter", default="")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    w = workloads()
    names = [a.exact] if a.exact else [n for n in w if re.search(a.filter, n)]
    if a.list:
        print("\n".join(names))
        return
    for name in names:
        if name not in w:
            print("unknown workload %s" % name, file=sys.stderr)
            continue
        setup, run = w[name]
        state = setup()
        ms = best_ms(lambda: run(state))
        print(json.dumps({"name": name, "ms": ms, "check": check(run(state))}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
