"""The inputs both halves of the bench share (see bench/rust/src/inputs.rs):
a counter-based SplitMix64 stream mapped to [0, 1) doubles."""

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
