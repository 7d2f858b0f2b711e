"""Sorting, searching and unique (bench/rust/src/workloads/sorting.rs)."""

import numpy as np


def register(add, vec, mat):
    add("sort_1e7", lambda: vec(21), lambda a: np.sort(a))
    add("argsort_1e6", lambda: vec(22)[:1_000_000].copy(), lambda a: np.argsort(a))
    add("unique_int_1e6", lambda: (vec(23)[:1_000_000] * 100_000).astype(np.int64), lambda a: np.unique(a))
    add(
        "searchsorted_1e6_into_1e7",
        lambda: (np.sort(vec(24)), vec(25)[:1_000_000].copy()),
        lambda s: np.searchsorted(s[0], s[1]),
    )
