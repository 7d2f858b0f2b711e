"""Elementwise math functions (bench/rust/src/workloads/umath.rs), inputs in [0, 1)."""

import numpy as np


def register(add, vec, mat):
    add("sqrt_1e7", lambda: vec(1), np.sqrt)
    add("exp_1e7", lambda: vec(1), np.exp)
    add("log_1e7", lambda: vec(1), np.log)
    add("sin_1e7", lambda: vec(1), np.sin)
    add("cos_1e7", lambda: vec(1), np.cos)
    add("tanh_1e7", lambda: vec(1), np.tanh)
    add("exp_f32_1e7", lambda: vec(1).astype(np.float32), np.exp)
    add("sin_f32_1e7", lambda: vec(1).astype(np.float32), np.sin)
    add("sqrt_i64_1e7", lambda: (vec(1) * 1e6).astype(np.int64), np.sqrt)
    add("sin_i32_1e7", lambda: (vec(1) * 1e6).astype(np.int32), np.sin)
    add("floor_1e7", lambda: vec(1), lambda a: np.floor(a * 100.0))
    add("maximum_1e7", lambda: (vec(1), vec(2)), lambda s: np.maximum(s[0], s[1]))
    add("arctan2_1e7", lambda: (vec(1), vec(2)), lambda s: np.arctan2(s[0], s[1]))
    add("exp_into_1e7", lambda: (vec(1), np.empty(10_000_000)), lambda s: np.exp(s[0], out=s[1])[0])
