"""The array core and elementwise arithmetic (bench/rust/src/workloads/core.rs)."""

import os
import tempfile

import numpy as np


def register(add, vec, mat):
    add("add_1e7", lambda: (vec(1), vec(2)), lambda s: s[0] + s[1])
    add("add_into_1e7", lambda: (vec(1), vec(2), np.empty(10_000_000)), lambda s: np.add(s[0], s[1], out=s[2])[0])
    add("mul_add_1e7", lambda: (vec(1), vec(2), vec(3)), lambda s: s[0] * s[1] + s[2])
    add("outer_add_4000x2500", lambda: (mat(6, 4000, 1), mat(7, 1, 2500)), lambda s: s[0] + s[1])
    add("transpose_copy_4000x4000", lambda: mat(5, 4000, 4000), lambda s: s.T.copy())
    add("strided_copy_4000x4000", lambda: mat(5, 4000, 4000), lambda s: s[::2, ::3].copy())

    def npy_setup():
        p = os.path.join(tempfile.mkdtemp(), "x.npy")
        a = vec(8)
        np.save(p, a)
        return (a, p)

    add("npy_write_1e7", npy_setup, lambda s: (np.save(s[1], s[0]), s[0][0])[1])
    add("npy_read_1e7", npy_setup, lambda s: np.load(s[1]))
    add("cumsum_1e7", lambda: vec(5), np.cumsum)
    # the condition and the mask are made in the setup, as on the Rust side
    add("where_1e7", lambda: (vec(5) < 0.5, vec(5), vec(6)), lambda s: np.where(s[0], s[1], s[2]))
    add("mask_select_1e7", lambda: (vec(5), vec(5) < 0.5), lambda s: s[0][s[1]])
