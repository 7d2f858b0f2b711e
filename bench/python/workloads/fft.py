"""numpy.fft: the issue-4 speed targets (bench/rust/src/workloads/fft.rs)."""

import numpy as np

from inputs import splitmix_f64


def cvec(seed, n):
    """n complex values: real parts from stream seed, imaginary from seed + 1."""
    return splitmix_f64(seed, n) + 1j * splitmix_f64(seed + 1, n)


def register(add, vec, mat):
    add("fft_2p20", lambda: cvec(20, 1 << 20), np.fft.fft)
    add("rfft_2p22", lambda: splitmix_f64(22, 1 << 22), np.fft.rfft)
    add("fft2_2048", lambda: cvec(23, 2048 * 2048).reshape(2048, 2048), np.fft.fft2)
    add("rfftn_256cubed", lambda: splitmix_f64(25, 1 << 24).reshape(256, 256, 256), np.fft.rfftn)
    add("fft_prime_1000003", lambda: cvec(26, 1_000_003), np.fft.fft)
