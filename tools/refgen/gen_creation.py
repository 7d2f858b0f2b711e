"""Reference data for numox's creation routines (crates/numox/tests/conformance_creation.rs).

arange, linspace (with retstep), logspace, geomspace, eye, identity, diag,
diagflat, tri, tril, triu, meshgrid, indices (dense and sparse), fromfunction.

Conventions the Rust side relies on:
* "dtype" names the element type of parameter-only functions.
* float32 ranges are called with np.float32 scalars (and dtype=float32), the
  exact NumPy analogue of numox's typed arguments; geomspace gets
  dtype=float32, which makes NumPy compute in float32 too.
"""

import numpy as np

from refgen_common import Cases

c = Cases("creation")
f32 = np.float32


def run(op, fn, inputs=(), params=None, multi=False, note=""):
    """Record fn(*inputs) (params are recorded for the Rust side, not passed)."""
    try:
        with np.errstate(all="ignore"):
            out = fn(*inputs)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        return c.add(op, inputs, params, None, type(e).__name__, note)
    return c.add(op, inputs, params, list(out) if multi else [out], None, note)


# ---------------------------------------------------------------- arange
int_ranges = [
    (0, 10, 1), (0, 10, 3), (10, 0, -3), (-7, 8, 2), (5, 5, 1), (10, 0, 1),
    (-100, 100, 37), (3, -3, -1), (0, 1, 5),
]
for dt in ["int8", "int16", "int32", "int64"]:
    for (a, b, s) in int_ranges:
        run("arange", lambda a=a, b=b, s=s, dt=dt: np.arange(a, b, s, dtype=dt),
              params={"start": a, "stop": b, "step": s, "dtype": dt})
for dt in ["uint8", "uint16", "uint32", "uint64"]:
    for (a, b, s) in [(0, 10, 1), (3, 250, 7), (200, 255, 2), (9, 2, 1)]:
        run("arange", lambda a=a, b=b, s=s, dt=dt: np.arange(a, b, s, dtype=dt),
              params={"start": a, "stop": b, "step": s, "dtype": dt})
float_ranges = [
    (0.0, 1.0, 0.1), (1.0, 1.3, 0.1), (0.1, 5.3, 0.7), (-2.5, 2.5, 0.25),
    (10.0, -10.0, -1.7), (0.0, 1.0, 0.3), (1e-3, 2e-3, 1e-4), (5.0, 5.0, 1.0),
    (0.0, 100.0, 0.1), (-1.0, 1.0, 1 / 3), (3.0, 1.0, 0.5),
]
for (a, b, s) in float_ranges:
    run("arange", lambda a=a, b=b, s=s: np.arange(a, b, s, dtype="float64"),
          params={"start": a, "stop": b, "step": s, "dtype": "float64"})
    fa, fb, fs = f32(a), f32(b), f32(s)
    run("arange", lambda fa=fa, fb=fb, fs=fs: np.arange(fa, fb, fs, dtype=f32),
          params={"start": float(fa), "stop": float(fb), "step": float(fs), "dtype": "float32"},
          note="np.float32 scalar arguments")
# errors
run("arange", lambda: np.arange(0, 5, 0, dtype="int64"),
      params={"start": 0, "stop": 5, "step": 0, "dtype": "int64"})
run("arange", lambda: np.arange(0.0, 5.0, 0.0, dtype="float64"),
      params={"start": 0.0, "stop": 5.0, "step": 0.0, "dtype": "float64"})
run("arange", lambda: np.arange(0.0, np.inf, 1.0, dtype="float64"),
      params={"start": 0.0, "stop": np.inf, "step": 1.0, "dtype": "float64"})
run("arange", lambda: np.arange(0.0, np.nan, 1.0, dtype="float64"),
      params={"start": 0.0, "stop": np.nan, "step": 1.0, "dtype": "float64"})

# ---------------------------------------------------------------- linspace
lin = [
    (0.0, 1.0, 5, True), (0.0, 1.0, 5, False), (2.0, 3.0, 1, True), (2.0, 3.0, 1, False),
    (2.0, 3.0, 0, True), (-1.0, 7.3, 17, True), (1e10, 1e10 + 1, 7, True), (5.0, -5.0, 11, False),
    (0.0, 5e-324, 5, True), (0.1, 0.7, 50, True), (3.0, 3.0, 4, True), (-np.inf, 0.0, 3, True),
    (0.0, np.nan, 3, True), (1.0, 1e300, 4, False),
]
for (a, b, n, ep) in lin:
    run("linspace", lambda a=a, b=b, n=n, ep=ep: np.linspace(a, b, n, endpoint=ep, retstep=True),
          params={"start": a, "stop": b, "num": n, "endpoint": ep, "dtype": "float64"}, multi=True)
for (a, b, n, ep) in lin[:10]:
    fa, fb = f32(a), f32(b)
    run("linspace", lambda fa=fa, fb=fb, n=n, ep=ep: np.linspace(fa, fb, n, endpoint=ep, retstep=True),
          params={"start": float(fa), "stop": float(fb), "num": n, "endpoint": ep, "dtype": "float32"},
          multi=True, note="np.float32 scalar arguments")

# ---------------------------------------------------------------- logspace
for (a, b, n, ep, base) in [(0.0, 3.0, 4, True, 10.0), (0.0, 3.0, 7, False, 2.0), (-2.0, 2.0, 9, True, 10.0),
                            (1.0, 0.0, 5, True, np.e), (0.5, 4.5, 10, True, 3.0), (0.0, 1.0, 0, True, 10.0),
                            (-3.0, 5.0, 33, True, 10.0)]:
    run("logspace", lambda a=a, b=b, n=n, ep=ep, base=base: np.logspace(a, b, n, endpoint=ep, base=base),
          params={"start": a, "stop": b, "num": n, "endpoint": ep, "base": base, "dtype": "float64"})
    fa, fb, fbase = f32(a), f32(b), f32(base)
    run("logspace", lambda fa=fa, fb=fb, n=n, ep=ep, fbase=fbase: np.logspace(fa, fb, n, endpoint=ep, base=fbase),
          params={"start": float(fa), "stop": float(fb), "num": n, "endpoint": ep, "base": float(fbase),
                  "dtype": "float32"}, note="np.float32 scalar arguments")

# ---------------------------------------------------------------- geomspace
for (a, b, n, ep) in [(1.0, 1000.0, 4, True), (1.0, 1000.0, 3, False), (-1.0, -16.0, 5, True),
                      (3.0, 7.0, 11, True), (1e-3, 1e3, 13, True), (1000.0, 1.0, 4, True),
                      (2.0, 2.0, 3, True), (5.0, 50.0, 1, True), (5.0, 50.0, 0, True), (-2.0, -0.5, 6, False),
                      (0.0, 10.0, 3, True), (1.0, 0.0, 3, True), (1.0, -10.0, 3, True)]:
    run("geomspace", lambda a=a, b=b, n=n, ep=ep: np.geomspace(a, b, n, endpoint=ep),
          params={"start": a, "stop": b, "num": n, "endpoint": ep, "dtype": "float64"})
for (a, b, n, ep) in [(1.0, 1000.0, 4, True), (-1.0, -16.0, 5, True), (0.3, 7.7, 9, False)]:
    run("geomspace", lambda a=a, b=b, n=n, ep=ep: np.geomspace(f32(a), f32(b), n, endpoint=ep, dtype=f32),
          params={"start": float(f32(a)), "stop": float(f32(b)), "num": n, "endpoint": ep, "dtype": "float32"})

# ---------------------------------------------------------------- eye / identity / tri
dtypes = ["bool", "int8", "uint8", "int32", "int64", "float32", "float64", "complex64", "complex128"]
for i, dt in enumerate(dtypes):
    for (n, m, k) in [(3, None, 0), (2, 4, 1), (4, 2, -1), (3, 3, 5), (3, 3, -5), (0, 3, 0)][: 3 + (i % 4)]:
        run("eye", lambda n=n, m=m, k=k, dt=dt: np.eye(n, m, k, dtype=dt),
              params={"n": n, "m": m, "k": k, "dtype": dt})
    run("identity", lambda dt=dt: np.identity(3, dtype=dt), params={"n": 3, "dtype": dt})
    for (n, m, k) in [(3, None, 0), (3, 5, 2), (4, 3, -1), (2, 2, -3), (0, 0, 0)][: 2 + (i % 4)]:
        run("tri", lambda n=n, m=m, k=k, dt=dt: np.tri(n, m, k, dtype=dt),
              params={"n": n, "m": m, "k": k, "dtype": dt})

# ---------------------------------------------------------------- diag / diagflat / tril / triu
rng = np.random.default_rng(7)


def arr(shape, dt):
    x = rng.integers(-9, 10, size=shape)
    if dt == "bool":
        return x > 0
    if dt.startswith("complex"):
        return (x + 1j * rng.integers(-9, 10, size=shape)).astype(dt)
    if dt.startswith("uint"):
        return np.abs(x).astype(dt)
    return x.astype(dt)


for i, dt in enumerate(dtypes):
    v = arr((4,), dt)
    for k in [0, 1, -2]:
        run("diag", lambda x, k=k: np.diag(x, k), [v], {"k": k})
    m = arr((3, 5), dt)
    for k in [0, 2, -1, 7]:
        run("diag", lambda x, k=k: np.diag(x, k), [m], {"k": k})
    run("diagflat", lambda x, k=[0, 1, -1][i % 3]: np.diagflat(x, k), [arr((2, 2), dt)], {"k": [0, 1, -1][i % 3]})
    for k in [0, -1, 2]:
        run("tril", lambda x, k=k: np.tril(x, k), [arr((4, 3), dt)], {"k": k})
        run("triu", lambda x, k=k: np.triu(x, k), [arr((3, 4), dt)], {"k": k})
run("diag", lambda x: np.diag(x, 0), [arr((2, 2, 2), "int64")], {"k": 0})
run("diag", lambda x: np.diag(x, 1), [np.zeros((0,))], {"k": 1})
run("tril", lambda x: np.tril(x, 0), [arr((2, 3, 3), "float64")], {"k": 0}, note="stack of matrices")
run("triu", lambda x: np.triu(x, -1), [arr((2, 2, 3, 2), "int32")], {"k": -1}, note="stack of matrices")
run("tril", lambda x: np.tril(x, 0), [arr((4,), "int64")], {"k": 0}, note="1-d input broadcasts to 2-d")
run("triu", lambda x: np.triu(x, 0), [arr((0, 3), "float64")], {"k": 0})

# ---------------------------------------------------------------- meshgrid / indices / fromfunction
for dt in ["int64", "float64", "complex128", "bool", "uint8"]:
    x, y, z = arr((3,), dt), arr((2,), dt), arr((4,), dt)
    for idx in ["xy", "ij"]:
        for sparse in [False, True]:
            run("meshgrid", lambda *xs, idx=idx, sparse=sparse: np.meshgrid(*xs, indexing=idx, sparse=sparse),
                  [x, y], {"indexing": idx, "sparse": sparse}, multi=True)
    run("meshgrid", lambda *xs: np.meshgrid(*xs, indexing="xy"), [x, y, z], {"indexing": "xy", "sparse": False},
          multi=True)
    run("meshgrid", lambda *xs: np.meshgrid(*xs, indexing="ij", sparse=True), [x, y, z],
          {"indexing": "ij", "sparse": True}, multi=True)
run("meshgrid", lambda *xs: np.meshgrid(*xs, indexing="xy"), [arr((5,), "float64")],
      {"indexing": "xy", "sparse": False}, multi=True, note="single input")
run("meshgrid", lambda *xs: np.meshgrid(*xs, indexing="xy"), [arr((2, 2), "float64"), arr((0,), "float64")],
      {"indexing": "xy", "sparse": False}, multi=True, note="2-d input is flattened; empty input")
for dims in [(2, 3), (4,), (2, 1, 3), (0, 2), ()]:
    run("indices", lambda dims=dims: np.indices(dims), params={"dims": list(dims)})
    run("indices_sparse", lambda dims=dims: np.indices(dims, sparse=True), params={"dims": list(dims)}, multi=True)
run("fromfunction", lambda: np.fromfunction(lambda i, j: i * 10 + j, (3, 4)),
      params={"shape": [3, 4], "fn": "i*10+j"})
run("fromfunction", lambda: np.fromfunction(lambda i, j, k: (i - j) * k, (2, 3, 2)),
      params={"shape": [2, 3, 2], "fn": "(i-j)*k"})
run("fromfunction", lambda: np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int),
      params={"shape": [3, 3], "fn": "i==j"})

c.save()
