"""Statistics: percentile/median and the NaN-ignoring sums (bench/rust/src/workloads/statistics.rs)."""

import numpy as np


def with_nans(vec, seed):
    a = vec(seed)
    a[::10] = np.nan
    return a


def register(add, vec, mat):
    add("percentile_1e7", lambda: vec(31), lambda a: np.percentile(a, 50))
    add("median_1e7", lambda: vec(32), lambda a: np.median(a))
    add("nansum_1e7", lambda: with_nans(vec, 33), lambda a: np.nansum(a))
    add("nanmean_1e7", lambda: with_nans(vec, 34), lambda a: np.nanmean(a))
