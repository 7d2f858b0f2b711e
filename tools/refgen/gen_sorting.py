"""Reference data for numox's sorting, searching and set routines
(crates/numox/tests/conformance_sorting.rs).

sort / argsort / lexsort / partition / argpartition / searchsorted / unique
(+ the Array API unique_* functions) / union1d / intersect1d / setdiff1d /
setxor1d / isin, over every dtype numox has, with ties, NaN, +-inf, +-0,
empty arrays, 0-d arrays and non-contiguous views.

A non-contiguous input is stored as a C-contiguous base array plus the view
to take, in params: `perm` (a transpose) and `slices` (one [start, stop,
step] per axis, entries may be null), applied in that order.

Where NumPy leaves the answer unspecified, the case records what the Rust
side can check exactly:
- argsort with ties uses kind="stable" (NumPy's quicksort order of equal
  elements is unspecified); kind="quicksort" only on tie-free data.
- partition/argpartition record NumPy's output plus np.sort(a, axis) (out1):
  the test checks the partition invariant against the sorted values.
- unique_values/unique_counts/unique_inverse/unique_all record the sorted
  answer (np.unique with equal_nan=False); the generator checks NumPy's own
  functions return the same multiset (NumPy 2.3+ may not sort them).
- Values equal under == but not identical (-0.0 vs 0.0) may be placed in
  either order by NumPy's unstable sorts; the test compares those ops with
  -0.0 == 0.0 (param "zero_sign_free").
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261125)
c = Cases("sorting")

INTS = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOATS = [np.float32, np.float64]
CPLX = [np.complex64, np.complex128]
ALL = [np.bool_] + INTS + FLOATS + CPLX


def data(shape, dtype, kind="ties"):
    """Random data of `dtype`; kind: ties (small range), wide (full range), special (NaN/inf/0 mixed)."""
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        x = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        if kind == "wide":
            x = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        else:
            lo = max(info.min, -5)
            x = rng.integers(lo, lo + 10, n).astype(dt)
    elif dt.kind == "f":
        if kind == "ties":
            x = rng.integers(-4, 5, n).astype(dt) * dt.type(0.5)
        elif kind == "wide":
            x = (rng.standard_normal(n) * 10.0 ** rng.integers(-5, 6, n)).astype(dt)
        else:
            pool = np.array([np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 1.5, -2.0, 1e-30, 3.0], dtype=dt)
            x = pool[rng.integers(0, len(pool), n)]
    else:
        ft = np.float32 if dt == np.complex64 else np.float64
        if kind == "special":
            pool = np.array([np.nan, 0.0, 1.0, -1.0, np.inf], dtype=ft)
            re = pool[rng.integers(0, len(pool), n)]
            im = pool[rng.integers(0, len(pool), n)]
        else:
            re = rng.integers(-2, 3, n).astype(ft)
            im = rng.integers(-2, 3, n).astype(ft)
        x = np.empty(n, dtype=dt)
        x.real = re
        x.imag = im
    return x.reshape(shape)


META = ("zero_sign_free", "hay_step", "q_reverse_last")


def crun(op, fn, inputs, params=None, note="", multi=False):
    """c.run with the test-only parameters (META) recorded but not passed to NumPy."""
    params = dict(params or {})

    def call(*ins, **p):
        for k in META:
            p.pop(k, None)
        return fn(*ins, **p)

    return c.run(op, call, inputs, params, note=note, multi=multi)


def run(op, fn, inputs, params=None, view=None, multi=False, note=""):
    """Record fn applied to (view of input 0, other inputs) with params; view params are stored too."""
    return c.run_view0(op, fn, inputs, params, view, note=note, multi=multi, hidden=META)


def np_kind(k):
    return k


# ---------------------------------------------------------------- sort / argsort
SHAPES = [(0,), (1,), (7,), (40,), (3, 5), (4, 0), (2, 3, 4)]
for dt in ALL:
    kinds = ["ties", "special"] if np.dtype(dt).kind in "fc" else ["ties", "wide"]
    for kind in kinds:
        for shape, axes in [((40,), [-1]), ((3, 5), [-1, 0, None]), ((2, 3, 4), [1])]:
            a = data(shape, dt, kind)
            for axis in axes:
                for sk in ["stable", "quicksort"]:
                    run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [a],
                        {"axis": axis, "kind": sk, "zero_sign_free": sk != "stable"})
                run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [a],
                    {"axis": axis, "kind": "stable"})
for dt in [np.int64, np.float64, np.uint8]:
    for shape in [(0,), (1,), (4, 0)]:
        a = data(shape, dt)
        run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [a], {"axis": -1, "kind": "stable"})
        run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [a], {"axis": -1, "kind": "stable"})
# tie-free data: NumPy's quicksort argsort is then fully determined
for dt in [np.int32, np.float64, np.uint64]:
    a = rng.permutation(60).astype(dt).reshape(6, 10)
    for axis in [-1, 0, None]:
        run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [a], {"axis": axis, "kind": "quicksort"})
# large enough for the most-significant-digit radix path (low-entropy data keeps the file small)
big_f = (rng.integers(-300, 300, 34000) / 4.0).astype(np.float64)
big_f[rng.integers(0, 34000, 300)] = np.nan
big_f[rng.integers(0, 34000, 300)] = -0.0
big_f[rng.integers(0, 34000, 100)] = -np.inf
big_i = rng.integers(0, 5000, 34000).astype(np.int64) * 2**33 - 2**44
for a in [big_f, big_i]:
    # one input, two outputs (sort and stable argsort) to keep the file small
    run("sort_argsort", lambda v, axis, kind: (np.sort(v, axis=axis, kind=kind), np.argsort(v, axis=axis, kind=kind)),
        [a], {"axis": -1, "kind": "stable"}, multi=True)
# uniform [0,1) floats, the benchmark's distribution, with a few tiny values
u = rng.random(4000)
u[:20] *= 1e-10
run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [u], {"axis": -1, "kind": "quicksort"})
run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [u], {"axis": -1, "kind": "quicksort"},
    note="distinct values")
# non-contiguous views
for dt in [np.float64, np.int32, np.complex128, np.bool_]:
    base = data((6, 8), dt, "special" if np.dtype(dt).kind in "fc" else "ties")
    for view in [{"perm": [1, 0]}, {"slices": [[None, None, 2], [None, None, -1]]}, {"perm": [1, 0], "slices": [[1, 7, 3], [None, None, None]]}]:
        for axis in [-1, 0, None]:
            run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [base], {"axis": axis, "kind": "stable"}, view)
            run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [base], {"axis": axis, "kind": "stable"}, view)
# 0-d and errors
z = np.array(2.5)
run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [z], {"axis": None, "kind": "stable"})
run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [z], {"axis": -1, "kind": "stable"})
run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [z], {"axis": -1, "kind": "stable"})
for axis in [2, -3]:
    run("sort", lambda v, axis, kind: np.sort(v, axis=axis, kind=kind), [data((3, 4), np.float64)], {"axis": axis, "kind": "stable"})
    run("argsort", lambda v, axis, kind: np.argsort(v, axis=axis, kind=kind), [data((3, 4), np.int64)], {"axis": axis, "kind": "stable"})

# ---------------------------------------------------------------- lexsort
for dt in [np.int64, np.float64, np.uint8, np.int16, np.bool_, np.complex128]:
    for nk in [1, 2, 3]:
        keys = [data((25,), dt, "special" if np.dtype(dt).kind in "fc" else "ties") for _ in range(nk)]
        crun("lexsort", lambda *ks, axis: np.lexsort(ks, axis=axis), keys, {"axis": -1})
    keys = [data((3, 6), dt) for _ in range(2)]
    for axis in [-1, 0]:
        crun("lexsort", lambda *ks, axis: np.lexsort(ks, axis=axis), keys, {"axis": axis})
crun("lexsort", lambda *ks, axis: np.lexsort(ks, axis=axis), [np.array([1, 2, 1]), np.array([3, 3])], {"axis": -1})
crun("lexsort", lambda *ks, axis: np.lexsort(ks, axis=axis), [data((3, 4), np.int64)], {"axis": 2})

# ---------------------------------------------------------------- partition / argpartition
for dt in [np.int64, np.float64, np.float32, np.uint8, np.int8, np.bool_, np.complex128, np.uint64]:
    kinds = ["ties", "special"] if np.dtype(dt).kind in "fc" else ["ties", "wide"]
    for kind in kinds:
        a = data((30,), dt, kind)
        for kth in [[0], [-1], [3, 17], [-2, 0, 10]] if kind == "ties" else [[29], [5, 6]]:
            for op, f in [("partition", np.partition), ("argpartition", np.argpartition)]:
                run(op, lambda v, kth, axis, f=f: (f(v, kth, axis=axis), np.sort(v, axis=axis)), [a],
                    {"kth": kth, "axis": -1}, multi=True)
        b = data((4, 6), dt, kind)
        for axis, kth in [(0, [1]), (1, [2, 4]), (None, [10])]:
            for op, f in [("partition", np.partition), ("argpartition", np.argpartition)]:
                run(op, lambda v, kth, axis, f=f: (f(v, kth, axis=axis), np.sort(v, axis=axis)), [b],
                    {"kth": kth, "axis": axis}, multi=True)
base = data((6, 8), np.float64, "special")
for op, f in [("partition", np.partition), ("argpartition", np.argpartition)]:
    run(op, lambda v, kth, axis, f=f: (f(v, kth, axis=axis), np.sort(v, axis=axis)), [base], {"kth": [2], "axis": 0},
        {"perm": [1, 0], "slices": [[None, None, -2], [None, None, None]]}, multi=True)
    for kth, axis in [([30], -1), ([-31], -1), ([5], 1), ([0], 2)]:
        run(op, lambda v, kth, axis, f=f: (f(v, kth, axis=axis), np.sort(v, axis=axis)), [data((30,), np.int64)],
            {"kth": kth, "axis": axis}, multi=True)
    run(op, lambda v, kth, axis, f=f: (f(v, kth, axis=axis), np.sort(v, axis=axis)), [data((0,), np.int64)],
        {"kth": [0], "axis": -1}, multi=True)

# ---------------------------------------------------------------- searchsorted
def ss(a, v, *sorter, side):
    return np.searchsorted(a, v, side=side, sorter=sorter[0] if sorter else None)


for dt in [np.bool_] + INTS + FLOATS + CPLX:
    for kind in (["ties", "special"] if np.dtype(dt).kind in "fc" else ["ties", "wide"]):
        hay = np.sort(data((50,), dt, kind))
        q = data((4, 5), dt, kind)
        for side in ["left", "right"]:
            crun("searchsorted", ss, [hay, q], {"side": side})
            unsorted = data((50,), dt, kind)
            crun("searchsorted", ss, [unsorted, q, np.argsort(unsorted, kind="stable")], {"side": side})
# many queries into a long haystack: the sorted-query batching path
hay = np.sort(rng.integers(-4000, 4000, 20000) / 1000.0)
hay[-5:] = np.nan
q = rng.integers(-4500, 4500, 1000) / 1000.0
q[::7] = np.nan
picks = hay[::250]
q[: 11 * len(picks) : 11] = picks
crun("searchsorted", lambda a, v, side: (np.searchsorted(a, v, side="left"), np.searchsorted(a, v, side="right")),
     [hay, q], {"side": "both"}, multi=True)
crun("searchsorted", ss, [np.sort(data((30,), np.float64, "special")), np.sort(data((12,), np.float64, "special"))],
     {"side": "left"}, note="sorted queries")
hi = np.sort(rng.integers(0, 1000, 20000))
crun("searchsorted", ss, [hi, rng.integers(-10, 1010, 600)], {"side": "right"})
for side in ["left", "right"]:
    crun("searchsorted", ss, [np.array([], dtype=np.float64), np.array([1.0, np.nan])], {"side": side})
    crun("searchsorted", ss, [np.array([1.0, 2.0]), np.array(1.5)], {"side": side}, note="0-d query")
    crun("searchsorted", ss, [np.array([-0.0, 0.0, 0.0, 1.0]), np.array([0.0, -0.0])], {"side": side})
# non-contiguous haystack / queries
big = np.sort(data((40,), np.int32, "wide"))
crun("searchsorted", lambda a, v, side: np.searchsorted(a[::2], v[:, ::-1], side=side), [big, data((3, 4), np.int32, "wide")],
      {"side": "left", "hay_step": 2, "q_reverse_last": True})
# errors
crun("searchsorted", ss, [np.ones((2, 2)), np.array([1.0])], {"side": "left"})
crun("searchsorted", ss, [np.arange(3.0), np.array([1.0]), np.array([0, 1])], {"side": "left"})

# ---------------------------------------------------------------- unique
UFLAGS = [
    {},
    {"return_index": True},
    {"return_inverse": True},
    {"return_counts": True},
    {"return_index": True, "return_inverse": True, "return_counts": True},
]
for dt in ALL:
    for kind in (["ties", "special"] if np.dtype(dt).kind in "fc" else ["ties", "wide"]):
        for shape in [(30,) if kind == "ties" else (4, 5)]:
            a = data(shape, dt, kind)
            for flags in UFLAGS:
                for equal_nan in ([True, False] if np.dtype(dt).kind in "fc" else [True]):
                    p = dict(flags, equal_nan=equal_nan, zero_sign_free=not flags.get("return_index", False))
                    run("unique", lambda v, **k: np.unique(v, **{x: y for x, y in k.items() if x != "zero_sign_free"}),
                        [a], p, multi=bool(flags))
for dt in [np.int64, np.float64, np.uint8, np.complex64]:
    a = data((5, 4), dt, "ties")
    a[3] = a[1]
    a[:, 2] = a[:, 0]
    for axis in [0, 1, -1]:
        for flags in [{}, {"return_index": True, "return_inverse": True, "return_counts": True}]:
            run("unique", lambda v, **k: np.unique(v, **k), [a], dict(flags, axis=axis), multi=bool(flags))
fa = np.array([[np.nan, 1], [np.nan, 1], [0.0, 2], [-0.0, 2], [np.nan, 0]])
for equal_nan in [True, False]:
    run("unique", lambda v, **k: np.unique(v, **k), [fa],
        {"axis": 0, "return_index": True, "return_inverse": True, "return_counts": True, "equal_nan": equal_nan}, multi=True)
for shape, axis in [((3, 0), 0), ((0, 3), 0), ((0, 3), 1), ((0,), None), ((0,), 0)]:
    run("unique", lambda v, **k: np.unique(v, **k), [np.zeros(shape)],
        {"axis": axis, "return_index": True, "return_inverse": True, "return_counts": True}, multi=True)
run("unique", lambda v, **k: np.unique(v, **k), [np.array(5.0)], {"return_inverse": True}, multi=True)
run("unique", lambda v, **k: np.unique(v, **k), [np.array(5.0)], {"axis": 0})
run("unique", lambda v, **k: np.unique(v, **k), [data((3, 4), np.int64)], {"axis": 2})
base = data((6, 8), np.int16, "ties")
for view in [{"perm": [1, 0]}, {"slices": [[None, None, 2], [None, None, -3]]}]:
    run("unique", lambda v, **k: np.unique(v, **k), [base], {"return_inverse": True, "return_index": True}, view, multi=True)
    run("unique", lambda v, **k: np.unique(v, **k), [base], {"axis": 1, "return_inverse": True}, view, multi=True)


def sorted_unique(fn, flags):
    """np.unique with equal_nan=False and `flags` (the sorted answer), after checking `fn` agrees as a multiset."""

    def f(v):
        ref = np.unique(v, equal_nan=False, **flags)
        got = fn(v)
        r0 = ref[0] if flags else ref
        g0 = got[0] if flags else got
        assert sorted(map(repr, np.asarray(g0).ravel().tolist())) == sorted(map(repr, np.asarray(r0).ravel().tolist()))
        return ref

    return f


for dt in [np.int64, np.float64, np.uint8, np.float32, np.complex128, np.bool_]:
    for shape in [(30,), (3, 4)]:
        a = data(shape, dt, "special" if np.dtype(dt).kind in "fc" else "ties")
        crun("unique_values", sorted_unique(np.unique_values, {}), [a], note="sorted")
        crun("unique_counts", sorted_unique(np.unique_counts, {"return_counts": True}), [a], multi=True)
        crun("unique_inverse", sorted_unique(np.unique_inverse, {"return_inverse": True}), [a], multi=True)
        crun("unique_all", sorted_unique(np.unique_all,
              {"return_index": True, "return_inverse": True, "return_counts": True}), [a], multi=True)

# ---------------------------------------------------------------- sets
for dt in [np.int64, np.float64, np.uint8, np.int8, np.float32, np.complex128, np.bool_, np.uint32]:
    for kind in (["ties", "special"] if np.dtype(dt).kind in "fc" else ["ties", "wide"]):
        a = data((20,), dt, kind)
        b = data((4, 4), dt, kind)
        zf = {"zero_sign_free": True}
        crun("union1d", np.union1d, [a, b], zf)
        crun("setxor1d", lambda x, y, assume_unique: np.setxor1d(x, y, assume_unique=assume_unique), [a, b],
              dict(zf, assume_unique=False))
        crun("setdiff1d", lambda x, y, assume_unique: np.setdiff1d(x, y, assume_unique=assume_unique), [a, b],
              dict(zf, assume_unique=False))
        crun("intersect1d", lambda x, y, assume_unique: np.intersect1d(x, y, assume_unique=assume_unique), [a, b],
              dict(zf, assume_unique=False))
        crun("intersect1d", lambda x, y, assume_unique, return_indices: np.intersect1d(
            x, y, assume_unique=assume_unique, return_indices=return_indices), [a, b],
              {"assume_unique": False, "return_indices": True}, multi=True)
        for invert in [False, True]:
            crun("isin", lambda x, y, assume_unique, invert: np.isin(x, y, assume_unique=assume_unique, invert=invert),
                  [b, a], {"assume_unique": False, "invert": invert})
        ua, ub = np.unique(a), np.unique(b)
        ua, ub = rng.permutation(ua), rng.permutation(ub)
        if np.dtype(dt).kind in "fc":
            # assume_unique means no duplicates; NaN (which NumPy's == never matches) is fine once
            ua = ua[~np.isnan(ua)]
            ub = ub[~np.isnan(ub)]
        crun("setxor1d", lambda x, y, assume_unique: np.setxor1d(x, y, assume_unique=assume_unique), [ua, ub],
              dict(zf, assume_unique=True))
        crun("setdiff1d", lambda x, y, assume_unique: np.setdiff1d(x, y, assume_unique=assume_unique), [ua, ub],
              dict(zf, assume_unique=True))
        crun("intersect1d", lambda x, y, assume_unique, return_indices: np.intersect1d(
            x, y, assume_unique=assume_unique, return_indices=return_indices), [ua, ub],
              {"assume_unique": True, "return_indices": True}, multi=True)
        crun("isin", lambda x, y, assume_unique, invert: np.isin(x, y, assume_unique=assume_unique, invert=invert),
              [ua, ub], {"assume_unique": True, "invert": False})
e = np.array([], dtype=np.float64)
for op, f in [("union1d", np.union1d), ("setxor1d", lambda x, y: np.setxor1d(x, y)),
              ("setdiff1d", lambda x, y: np.setdiff1d(x, y)), ("intersect1d", lambda x, y: np.intersect1d(x, y))]:
    extra = {} if op == "union1d" else {"assume_unique": False}
    crun(op, lambda x, y, **k: f(x, y), [e, np.array([1.0, np.nan])], extra)
    crun(op, lambda x, y, **k: f(x, y), [np.array([np.nan, 2.0, -0.0]), e], extra)
crun("isin", lambda x, y, assume_unique, invert: np.isin(x, y, assume_unique=assume_unique, invert=invert),
      [np.array(3), np.array([1, 3])], {"assume_unique": False, "invert": False}, note="0-d element")

c.save()
