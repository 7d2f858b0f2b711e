"""Reference data for numox's reductions (crates/numox/tests/conformance_reduce.rs).

Every reduction x dtypes (bool, int8 with overflow, uint8, int64, float32,
float64, complex128, plus a few others) x axes (None, 0, 1, -1, tuples) x
keepdims; NaN/inf inputs; empty arrays and zero-length axes (values or
NumPy's exception class); non-contiguous inputs. A non-contiguous input is
stored as a C-contiguous base array plus the view to take, in params:
`broadcast` (a shape for np.broadcast_to, applied first), `perm` (a
transpose) and `slices` (one [start, stop, step] per axis, entries may be
null), applied in that order. A Fortran-ordered array is the transpose of
a C-ordered one, so `perm` covers that layout.

Float data mixes magnitudes (a normal sample scaled by 10**k, k in -6..5) so
that every rounding shows: a different summation order changes the result.
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20260125)
c = Cases("reduce")


def mixed(shape, dtype=np.float64):
    n = int(np.prod(shape))
    x = rng.standard_normal(n) * 10.0 ** rng.integers(-6, 6, n)
    return x.reshape(shape).astype(dtype)


def cmixed(shape):
    return (mixed(shape) + 1j * mixed(shape)).astype(np.complex128)


def ints(shape, dtype, lo, hi):
    if hi >= 2**63:
        return rng.integers(0, 2**64 - 1, size=shape, dtype=np.uint64, endpoint=True).astype(dtype)
    return rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)


def view_of(a, perm=None, slices=None, broadcast=None):
    v = a if broadcast is None else np.broadcast_to(a, broadcast)
    if perm is not None:
        v = v.transpose(perm)
    if slices is not None:
        v = v[tuple(slice(*s) for s in slices)]
    return v


def axis_arg(axis):
    return tuple(axis) if isinstance(axis, list) else axis


NP = {
    "sum": lambda v, axis=None, keepdims=False: np.sum(v, axis=axis_arg(axis), keepdims=keepdims),
    "prod": lambda v, axis=None, keepdims=False: np.prod(v, axis=axis_arg(axis), keepdims=keepdims),
    "mean": lambda v, axis=None, keepdims=False: np.mean(v, axis=axis_arg(axis), keepdims=keepdims),
    "var": lambda v, axis=None, keepdims=False, ddof=0: np.var(v, axis=axis_arg(axis), ddof=ddof, keepdims=keepdims),
    "std": lambda v, axis=None, keepdims=False, ddof=0: np.std(v, axis=axis_arg(axis), ddof=ddof, keepdims=keepdims),
    "max": lambda v, axis=None, keepdims=False: np.max(v, axis=axis_arg(axis), keepdims=keepdims),
    "min": lambda v, axis=None, keepdims=False: np.min(v, axis=axis_arg(axis), keepdims=keepdims),
    "ptp": lambda v, axis=None, keepdims=False: np.ptp(v, axis=axis_arg(axis), keepdims=keepdims),
    "argmax": lambda v, axis=None, keepdims=False: np.argmax(v, axis=axis, keepdims=keepdims),
    "argmin": lambda v, axis=None, keepdims=False: np.argmin(v, axis=axis, keepdims=keepdims),
    "any": lambda v, axis=None, keepdims=False: np.any(v, axis=axis_arg(axis), keepdims=keepdims),
    "all": lambda v, axis=None, keepdims=False: np.all(v, axis=axis_arg(axis), keepdims=keepdims),
    "count_nonzero": lambda v, axis=None, keepdims=False: np.count_nonzero(v, axis=axis_arg(axis), keepdims=keepdims),
    "cumsum": lambda v, axis=None: np.cumsum(v, axis=axis),
    "cumprod": lambda v, axis=None: np.cumprod(v, axis=axis),
}
REDUCE_OPS = ["sum", "prod", "mean", "var", "std", "max", "min", "ptp", "any", "all", "count_nonzero"]


def run(op, base, view=None, note="", **params):
    """Record NumPy's op on view_of(base, **view) with params."""
    base = np.ascontiguousarray(base)
    view = view or {}

    def fn(a, **p):
        for k in ("perm", "slices", "broadcast"):
            p.pop(k, None)
        return NP[op](view_of(a, **view), **p)

    c.run(op, fn, [base], {**params, **view}, note=note)


# 1. Every reduction x dtype x axis x keepdims on a small 2-d array.
small = {
    "bool": rng.random((4, 5)) < 0.5,
    "int8": ints((4, 5), np.int8, -128, 127),
    "uint8": ints((4, 5), np.uint8, 0, 255),
    "int64": ints((4, 5), np.int64, -(2**40), 2**40),
    "float32": mixed((4, 5), np.float32),
    "float64": mixed((4, 5)),
    "complex128": cmixed((4, 5)),
}
for name, a in small.items():
    for op in REDUCE_OPS:
        if op == "ptp" and name == "bool":
            continue  # NumPy raises TypeError; numox rejects it at compile time
        for axis, keepdims in [(None, False), (0, False), (1, True), (-1, False), ([0, 1], True)]:
            if op in ("prod",) and name in ("float32", "float64", "complex128"):
                a2 = (1 + 0.01 * a / np.abs(a).max()).astype(a.dtype)  # keep products finite
            else:
                a2 = a
            params = {"axis": axis, "keepdims": keepdims}
            if op in ("var", "std"):
                params["ddof"] = 1 if axis == 0 else 0
            run(op, a2, note=name, **params)
    for op in ("argmax", "argmin"):
        for axis, keepdims in [(None, False), (0, False), (-1, True)]:
            run(op, a, note=name, axis=axis, keepdims=keepdims)
    for op in ("cumsum", "cumprod"):
        for axis in (None, 0, 1):
            run(op, a, note=name, axis=axis)

# 2. Other dtypes, briefly.
for name, a in {
    "int16": ints((3, 4), np.int16, -30000, 30000),
    "uint32": ints((3, 4), np.uint32, 0, 2**32 - 1),
    "uint64": ints((3, 4), np.uint64, 0, 2**64 - 1),
    "int32": ints((3, 4), np.int32, -(2**31), 2**31 - 1),
    "complex64": cmixed((3, 4)).astype(np.complex64),
}.items():
    for op in ("sum", "mean", "var", "max", "argmin", "cumsum"):
        run(op, a, note=name, axis=1 if op != "argmin" else None)

# 3. Integer overflow wraps like NumPy's int64/uint64 sums and products.
run("sum", np.full(5, 2**62, np.int64), note="int64 sum wraps")
run("prod", np.full(8, 100, np.int64), note="int64 prod wraps")
run("sum", np.full(4, 2**63, np.uint64), note="uint64 sum wraps")
run("cumprod", np.full(10, 127, np.int8), note="int8 cumprod in int64, wraps")
run("ptp", np.array([-100, 100], np.int8), note="int8 ptp wraps")
run("mean", np.array([2**62, 2**62, 2**62], np.int64), note="int64 mean in float64")

# 4. Float sums of contiguous data: pairwise recursion depths, f32 and f64, 1-d to 3-d.
for n in (7, 8, 9, 127, 128, 129, 1000, 2049):
    run("sum", mixed((n,)), note="pairwise length %d" % n)
run("sum", mixed((2500,)), note="deep pairwise tree")
run("sum", mixed((3000,), np.float32), note="float32 pairwise")
run("mean", mixed((3000,), np.float32), note="float32 mean")
run("sum", cmixed((1001,)), note="complex pairwise")
M = mixed((4, 136))  # rows longer than one pairwise block
for axis in (None, 0, 1):
    run("sum", M, axis=axis, note="2-d C")
    run("sum", M, view={"perm": [1, 0]}, axis=axis, note="2-d Fortran order")
    run("mean", M, axis=axis, note="2-d C")
    run("var", M, axis=axis, note="2-d C")
    run("std", M, view={"perm": [1, 0]}, axis=axis, ddof=1, note="2-d Fortran order")
T = mixed((5, 6, 7))
for axis in (None, 0, 1, 2, [0, 1], [1, 2], [0, 2]):
    run("sum", T, axis=axis, note="3-d C")
    run("sum", T, view={"perm": [2, 1, 0]}, axis=axis, note="3-d Fortran order")
    run("mean", T, view={"perm": [1, 0, 2]}, axis=axis, keepdims=True, note="3-d permuted")
    run("var", T, view={"slices": [[None, None, None], [None, None, 2], [1, None, None]]}, axis=axis, note="3-d strided")
    run("prod", (1 + 0.001 * T / np.abs(T).max()), view={"perm": [2, 1, 0]}, axis=axis, note="3-d Fortran order prod")

# 5. Strided and reversed views (NumPy buffers these in chunks of whole cores).
B = mixed((12, 10))
for view in (
    {"slices": [[None, None, 2], [None, None, 3]]},
    {"slices": [[None, None, -1], [None, None, None]]},
    {"slices": [[None, None, None], [None, None, -1]]},
    {"slices": [[2, 11, 1], [3, 10, 2]]},
    {"perm": [1, 0], "slices": [[None, None, 2], [None, None, 1]]},
):
    for axis in (None, 0, 1):
        run("sum", B, view=view, axis=axis, note="strided view")
        run("var", B, view=view, axis=axis, note="strided view")
    run("max", B, view=view, axis=0, note="strided view")
    run("argmin", B, view=view, axis=1, note="strided view")
    run("cumsum", B, view=view, axis=0, note="strided view")
# More than 8192 elements in a non-coalescable view: several buffer chunks.
G = mixed((280, 32), np.float32)
run("sum", G, view={"slices": [[None, None, None], [None, 30, None]]}, note="buffered chunks of 273 cores of 30")
run("mean", G, view={"perm": [1, 0], "slices": [[None, 31, None], [None, None, None]]}, note="buffered chunks")

# Broadcast views (zero strides): NumPy cannot coalesce them and buffers
# whole rows, so the grouping differs from that of a copy.
COL = mixed((40, 1))
ROW = mixed((1, 300))
for base, bview in ((COL, {"broadcast": [40, 300]}), (ROW, {"broadcast": [40, 300]}), (ROW, {"broadcast": [40, 300], "perm": [1, 0]})):
    for axis in (None, 0, 1):
        run("sum", base, view=bview, axis=axis, note="broadcast view")
        run("var", base, view=bview, axis=axis, note="broadcast view")
    run("mean", base, view=bview, note="broadcast view")
    run("std", base, view=bview, ddof=1, note="broadcast view")

# 6. Integer mean/var: NumPy casts to float64 in buffers of 8192 elements.
I = ints((8300,), np.int64, -(2**60), 2**60)
run("mean", I, note="int64 mean, 8192-element cast buffers")
I2 = ints((30, 20), np.int64, -(2**60), 2**60)
run("var", I2, axis=0, note="int64 var")
run("mean", I2, note="int64 mean over all")
run("mean", ints((50, 40), np.uint8, 0, 255), axis=0, note="uint8 mean")
run("std", ints((50, 40), np.int8, -128, 127), axis=[0, 1], ddof=1, note="int8 std")
run("mean", np.array([True, False, True, True]), note="bool mean")
run("var", np.array([True, False, True, True]), note="bool var")

# 7. NaN and inf.
nan = np.array([[1.0, np.nan, 3.0], [np.inf, -2.0, 0.5], [-np.inf, 4.0, np.nan]])
for op in ("sum", "prod", "mean", "var", "max", "min", "ptp", "argmax", "argmin", "cumsum", "any", "count_nonzero"):
    for axis in (None, 0, 1):
        run(op, nan, axis=axis, note="NaN/inf")
run("sum", np.array([1e308, 1e308, -1e308]), note="overflow to inf")
run("mean", np.array([np.inf, -np.inf]), note="inf - inf")
run("max", np.array([np.nan, 1.0]), note="NaN first")
run("argmax", np.array([1.0, 5.0, np.nan, 7.0, np.nan]), note="first NaN wins")
run("argmin", np.array([3.0, 1.0, 1.0]), note="first occurrence")
run("max", np.array([1 + 1j, 1 + 2j, 1 + 2j]), note="complex lexicographic")
run("argmax", np.array([1 + 1j, 1 + 2j, 1 + 2j]), note="complex lexicographic")
run("min", np.array([1 + 1j, complex(np.nan, 0), 0 + 2j]), note="complex NaN propagates")
run("any", np.array([0.0, -0.0, np.nan]), note="NaN is true")
run("all", np.array([1.0, -0.0]), note="-0.0 is false")
run("sum", np.array([-0.0, -0.0]), note="sum of -0.0 is +0.0 (identity 0)")
run("prod", np.array([-0.0]), note="prod keeps -0.0")
run("cumsum", np.array([-0.0, -0.0]), note="cumsum keeps the first -0.0")

# 8. Empty arrays and zero-length axes.
E = np.zeros((0, 3))
E2 = np.zeros((3, 0))
for op in ("sum", "prod", "mean", "var", "max", "min", "ptp", "any", "all", "count_nonzero"):
    for a, axis in ((E, None), (E, 0), (E, 1), (E2, 0), (E2, 1), (E, [0, 1])):
        run(op, a, axis=axis, note="empty")
for op in ("argmax", "argmin"):
    for a, axis in ((E, None), (E, 0), (E, 1), (E2, 1)):
        run(op, a, axis=axis, note="empty")
for op in ("cumsum", "cumprod"):
    run(op, E, axis=0, note="empty")
    run(op, E, axis=None, note="empty")
run("sum", np.zeros((2, 0), np.int8), axis=1, note="empty int8 rows")
run("std", np.zeros(0), note="empty std")
run("mean", np.zeros(0, np.complex128), note="empty complex mean")

# 9. ddof 0, 1, n, and more than n.
D = mixed((5, 4))
for ddof in (0, 1, 4, 5, 9):
    run("var", D, axis=1, ddof=ddof, note="ddof")
    run("std", D, ddof=ddof, note="ddof")

# 10. 0-d arrays, axis=() and bad axes.
Z = np.array(3.5)
for op in ("sum", "mean", "max", "argmax", "cumsum", "any"):
    run(op, Z, note="0-d")
S = small["float64"]
run("sum", S, axis=[], note="axis=() reduces nothing")
run("max", S, axis=[], note="axis=() reduces nothing")
run("sum", S, axis=2, note="axis out of range")
run("mean", S, axis=-3, note="axis out of range")
run("max", S, axis=[0, 0], note="duplicate axis")
run("argmax", S, axis=2, note="axis out of range")
run("cumsum", S, axis=2, note="axis out of range")

c.save()
