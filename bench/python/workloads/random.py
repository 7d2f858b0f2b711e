"""numpy.random: a fresh default_rng(42) per call, as the Rust side does (bench/rust/src/workloads/random.rs)."""

import numpy as np


def register(add, vec, mat):
    rng = np.random.default_rng
    add("random_1e7", lambda: None, lambda s: rng(42).random(10_000_000))
    add("standard_normal_1e7", lambda: None, lambda s: rng(42).standard_normal(10_000_000))
    add("integers_0_1000_1e7", lambda: None, lambda s: rng(42).integers(0, 1000, 10_000_000))
    add("standard_exponential_1e7", lambda: None, lambda s: rng(42).standard_exponential(10_000_000))
    add("gamma_2_1e6", lambda: None, lambda s: rng(42).gamma(2.0, 1.0, 1_000_000))
