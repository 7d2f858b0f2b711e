"""Reductions over a 4000 x 2500 matrix (bench/rust/src/workloads/reduce.rs)."""

import numpy as np


def register(add, vec, mat):
    for red in ("sum", "mean", "std", "max"):
        for ax, label in ((None, "all"), (0, "axis0"), (1, "axis1")):
            f = getattr(np, red)
            add("%s_%s_4000x2500" % (red, label), lambda: mat(4, 4000, 2500), lambda s, f=f, ax=ax: f(s, axis=ax))
    for ax, label in ((None, "all"), (0, "axis0"), (1, "axis1")):
        add("argmax_%s_4000x2500" % label, lambda: mat(4, 4000, 2500), lambda s, ax=ax: np.argmax(s, axis=ax))
