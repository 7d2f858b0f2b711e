"""NumPy half of bench/run: the same workloads as bench/rust, on the same inputs.

Inputs come from a counter-based SplitMix64 stream that both sides implement
(see `splitmix_f64`), so no data files are exchanged. Each call prints one JSON
line: {"name", "ms" (best sample), "check" (a checksum of the result, which
report.py compares with the Rust side's to prove both did the same work)}.
"""

import argparse
import json
import os
import re
import sys
import tempfile
import time

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix_f64(seed, n):
    """Uniform [0, 1) doubles: element i is mix(seed + (i + 1) * golden) >> 11 scaled by 2^-53."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(1, n + 1, dtype=np.uint64) * GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0)


def vec(seed, n=10_000_000):
    return splitmix_f64(seed, n)


def mat(seed, r, c):
    return splitmix_f64(seed, r * c).reshape(r, c)


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
    return float(np.sum(np.asarray(x, dtype=np.float64)))


def workloads():
    """name -> (setup() -> state, run(state) -> result). Kept in the order of bench/rust."""
    w = {}

    def add(name, setup, run):
        w[name] = (setup, run)

    add("add_1e7", lambda: (vec(1), vec(2)), lambda s: s[0] + s[1])

    def add_into_setup():
        return (vec(1), vec(2), np.empty(10_000_000))

    add("add_into_1e7", add_into_setup, lambda s: np.add(s[0], s[1], out=s[2]))
    add("mul_add_1e7", lambda: (vec(1), vec(2), vec(3)), lambda s: s[0] * s[1] + s[2])
    for red in ("sum", "mean", "std", "max"):
        for ax, label in ((None, "all"), (0, "axis0"), (1, "axis1")):
            f = getattr(np, red)
            add("%s_%s_4000x2500" % (red, label), lambda: mat(4, 4000, 2500), lambda s, f=f, ax=ax: f(s, axis=ax))
    add("outer_add_4000x2500", lambda: (mat(6, 4000, 1), mat(7, 1, 2500)), lambda s: s[0] + s[1])
    add("transpose_copy_4000x4000", lambda: mat(5, 4000, 4000), lambda s: s.T.copy())
    add("strided_copy_4000x4000", lambda: mat(5, 4000, 4000), lambda s: s[::2, ::3].copy())

    def npy_setup():
        d = tempfile.mkdtemp()
        p = os.path.join(d, "x.npy")
        a = vec(8)
        np.save(p, a)
        return (a, p)

    add("npy_write_1e7", npy_setup, lambda s: (np.save(s[1], s[0]), s[0])[1])
    add("npy_read_1e7", npy_setup, lambda s: np.load(s[1]))
    # numpy.random: a fresh default_rng(42) per call, as the Rust side does.
    rng = np.random.default_rng
    add("random_1e7", lambda: None, lambda s: rng(42).random(10_000_000))
    add("standard_normal_1e7", lambda: None, lambda s: rng(42).standard_normal(10_000_000))
    add("integers_0_1000_1e7", lambda: None, lambda s: rng(42).integers(0, 1000, 10_000_000))
    add("standard_exponential_1e7", lambda: None, lambda s: rng(42).standard_exponential(10_000_000))
    add("gamma_2_1e6", lambda: None, lambda s: rng(42).gamma(2.0, 1.0, 1_000_000))
    linalg_workloads(add)
    return w


def linalg_workloads(add):
    """numpy.linalg, as bench/rust/src/linalg.rs (results reduced to their unique parts)."""
    la = np.linalg

    def spd(n):
        g = mat(15, n, n)
        return g @ g.T + n * np.eye(n)

    def sym(n):
        a = mat(17, n, n)
        return a + a.T

    def stack3(seed):
        return mat(seed, 300_000, 3).reshape(100_000, 3, 3) + 3 * np.eye(3)

    def sym3():
        m = stack3(23)
        return m + np.swapaxes(m, -1, -2)

    add("linalg_matmul_1000", lambda: (mat(11, 1000, 1000), mat(12, 1000, 1000)), lambda s: s[0] @ s[1])
    add("linalg_matmul_4000", lambda: (mat(11, 4000, 4000), mat(12, 4000, 4000)), lambda s: s[0] @ s[1])
    add("linalg_solve_2000", lambda: (mat(13, 2000, 2000), mat(14, 2000, 1).ravel()), lambda s: la.solve(s[0], s[1]))
    add("linalg_inv_1000", lambda: mat(13, 1000, 1000), la.inv)
    add("linalg_cholesky_2000", lambda: spd(2000), la.cholesky)
    add("linalg_qr_2000x1000", lambda: mat(16, 2000, 1000), lambda s: np.abs(np.diagonal(la.qr(s)[1])))
    add("linalg_svd_1000", lambda: mat(16, 1000, 1000), lambda s: la.svd(s)[1])
    add("linalg_svdvals_1000", lambda: mat(16, 1000, 1000), lambda s: la.svd(s, compute_uv=False))
    add("linalg_eigh_1000", lambda: sym(1000), lambda s: la.eigh(s)[0])
    add("linalg_eig_500", lambda: mat(18, 500, 500), lambda s: np.abs(la.eig(s)[0]))
    add("linalg_lstsq_4000x200", lambda: (mat(19, 4000, 200), mat(20, 4000, 1).ravel()),
        lambda s: la.lstsq(s[0], s[1], rcond=None)[0])
    add("linalg_det_1000", lambda: (mat(13, 1000, 1000) - 0.5) * 0.18, la.det)
    add("linalg_inv_1e5x3x3", lambda: stack3(21), la.inv)
    add("linalg_solve_1e5x3x3", lambda: (stack3(21), mat(22, 300_000, 1).reshape(100_000, 3, 1)),
        lambda s: la.solve(s[0], s[1]))
    add("linalg_det_1e5x3x3", lambda: stack3(21), la.det)
    add("linalg_eigh_1e5x3x3", lambda: sym3(), lambda s: la.eigh(s)[0])


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
