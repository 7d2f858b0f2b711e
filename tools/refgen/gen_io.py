"""Reference data for numox's .npy/.npz I/O (group "io").

1. Cases (io.json + io.npz, through refgen_common.Cases): arrays of every
   dtype and several shapes; the Rust conformance test checks that numox's
   own .npz reader (the one every other conformance test relies on) returns
   them exactly, with NaN payloads and signed zeros intact.
2. Files under crates/numox/tests/data/npy/ written by NumPy itself
   (added below in write_npy_files).
"""

import os

import numpy as np

from refgen_common import ROOT, Cases

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
]
SHAPES = [(), (0,), (5,), (2, 3, 4), (3, 0, 2)]


def sample(dtype, shape, seed=0):
    """Deterministic values that exercise the dtype's range and specials."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape)) if shape else 1
    dt = np.dtype(dtype)
    if dt.kind == "b":
        v = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        specials = np.array([info.min, info.max, 0, 1], dtype=dt)
        v[: min(n, 4)] = specials[: min(n, 4)]
    elif dt.kind == "f":
        v = (rng.standard_normal(n) * 1e3).astype(dt)
        specials = np.array([np.nan, -0.0, np.inf, -np.inf, np.finfo(dt).tiny / 4, np.finfo(dt).max], dtype=dt)
        v[: min(n, 6)] = specials[: min(n, 6)]
    else:
        ft = np.float32 if dt == np.complex64 else np.float64
        re = (rng.standard_normal(n) * 1e3).astype(ft)
        im = (rng.standard_normal(n) * 1e3).astype(ft)
        specials = np.array([np.nan, -0.0, np.inf, 0.0], dtype=ft)
        re[: min(n, 4)] = specials[: min(n, 4)]
        im[: min(n, 4)] = specials[::-1][: min(n, 4)]
        v = np.empty(n, dtype=dt)
        v.real = re
        v.imag = im
        if n:
            v.imag[0] = -0.0
    return v.reshape(shape)


def nan_payload(dtype):
    """A float array whose NaNs carry non-default payloads and signs."""
    if dtype == "float64":
        bits = np.array([0x7FF8000000000001, 0xFFF0000000000002, 0x7FF4000000000000, 0x8000000000000000],
                        dtype=np.uint64)
    else:
        bits = np.array([0x7FC00001, 0xFF800002, 0x7FA00000, 0x80000000], dtype=np.uint32)
    return bits.view(dtype)


def cases():
    c = Cases("io")
    for dt in DTYPES:
        for shape in SHAPES:
            a = sample(dt, shape, seed=len(c.cases))
            c.add("roundtrip", inputs=[a], params={"dtype": dt, "shape": list(shape)}, outputs=[a])
    for dt in ["float32", "float64"]:
        a = nan_payload(dt)
        c.add("roundtrip", inputs=[a], params={"dtype": dt, "shape": [4], "payload": True}, outputs=[a])
    # Parameters as the generators spell them (param_f64 must read these).
    c.add("param_f64", params={"x": float("nan"), "y": float("inf"), "z": float("-inf"), "w": 2.5},
          outputs=[np.array([np.nan, np.inf, -np.inf, 2.5])])
    c.add("error_case", inputs=[np.zeros(3)], error="ValueError", note="a recorded exception")
    # Fortran-ordered input arrays survive the .npz round trip as Fortran arrays.
    f = np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
    c.add("fortran", inputs=[f], params={"shape": [2, 3, 4]}, outputs=[np.ascontiguousarray(f)])
    c.save()


if __name__ == "__main__":
    cases()
