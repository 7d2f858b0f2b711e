"""Text I/O (bench/rust/src/workloads/textio.rs)."""

import io
import os
import tempfile

import numpy as np


def _csv(vec):
    a = vec(26)[:4_000_000].reshape(1_000_000, 4)
    path = os.path.join(tempfile.gettempdir(), "numpy_bench_loadtxt_1e6x4.csv")
    np.savetxt(path, a, fmt="%.17g", delimiter=",")
    return path


def _save(a):
    bio = io.BytesIO()
    np.savetxt(bio, a)
    return len(bio.getvalue())


def register(add, vec, mat):
    add("loadtxt_1e6x4", lambda: _csv(vec), lambda p: np.loadtxt(p, delimiter=","))
    add("savetxt_1e5x4", lambda: vec(27)[:400_000].reshape(100_000, 4).copy(), _save)
