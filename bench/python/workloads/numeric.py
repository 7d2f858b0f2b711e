"""Numeric routines (bench/rust/src/workloads/numeric.rs)."""

import numpy as np


def register(add, vec, mat):
    add("histogram_1e7", lambda: vec(31), lambda a: np.histogram(a, 100)[0])
    add(
        "interp_1e6",
        lambda: (vec(32)[:1_000_000].copy(), np.linspace(0.0, 1.0, 1000), vec(33)[:1000].copy()),
        lambda s: np.interp(s[0], s[1], s[2]),
    )
    add(
        "convolve_1e5x100",
        lambda: (vec(34)[:100_000].copy(), vec(35)[:100].copy()),
        lambda s: np.convolve(s[0], s[1]),
    )
    add("gradient_1e7", lambda: vec(36), lambda a: np.gradient(a))
