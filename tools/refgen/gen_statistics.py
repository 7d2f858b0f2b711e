"""Reference data for numox's statistics module
(crates/numox/tests/conformance_statistics.rs).

nansum / nanprod / nanmean / nanvar / nanstd / nanmin / nanmax /
nanargmin / nanargmax / nancumsum / nancumprod, median / nanmedian,
quantile / percentile / nanquantile / nanpercentile (every method, several
q and n), average, cov, corrcoef; over float64, float32 and integer input,
NaN, inf, ties, empty arrays and zero-size axes, and non-contiguous views.

A non-contiguous input is stored as a C-contiguous base array plus the view
to take, in params: `perm` (a transpose) and `slices` (one [start, stop,
step] per axis, entries may be null), applied in that order.
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261126)
c = Cases("statistics")

METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
           "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher",
           "midpoint", "nearest"]


def run(op, fn, inputs, params=None, view=None, multi=False, note=""):
    """Record fn applied to (view of input 0, other inputs) with params; view params are stored too."""
    return c.run_view0(op, fn, inputs, params, view, note=note, multi=multi)


def data(shape, dt, kind="normal"):
    n = int(np.prod(shape))
    dt = np.dtype(dt)
    if dt.kind in "iu":
        lo = 0 if dt.kind == "u" else -20
        return rng.integers(lo, lo + 40, n).astype(dt).reshape(shape)
    if kind == "ties":
        x = rng.integers(-3, 4, n).astype(dt) * dt.type(0.5)
    else:
        x = (rng.standard_normal(n) * 10.0 ** rng.integers(-2, 3, n)).astype(dt)
    if kind == "nan":
        x[rng.random(n) < 0.3] = np.nan
    if kind == "special":
        pool = np.array([np.nan, np.inf, -np.inf, 1.5, -2.0, 0.0], dtype=dt)
        x = pool[rng.integers(0, len(pool), n)]
    return x.reshape(shape)


# ------------------------------------------------------------------ nan reductions
NANRED = {
    "nansum": np.nansum, "nanprod": np.nanprod, "nanmean": np.nanmean, "nanmin": np.nanmin,
    "nanmax": np.nanmax,
}
for dt in [np.float64, np.float32, np.int64, np.uint8]:
    kinds = ["nan", "special"] if np.dtype(dt).kind == "f" else ["normal"]
    for kind in kinds:
        for shape, axes in [((37,), [None]), ((4, 5), [None, 0, -1, (0, 1)]), ((3, 4, 5), [1, (0, 2)])]:
            a = data(shape, dt, kind)
            for axis in axes:
                for op, fn in NANRED.items():
                    run(op, lambda v, axis, keepdims, fn=fn: fn(v, axis=axis, keepdims=keepdims), [a],
                        {"axis": axis, "keepdims": axis == 1})
                for op, fn in [("nanvar", np.nanvar), ("nanstd", np.nanstd)]:
                    for ddof in ([0, 1] if op == "nanvar" else [1]):
                        run(op, lambda v, axis, ddof, fn=fn: fn(v, axis=axis, ddof=ddof), [a],
                            {"axis": axis, "ddof": ddof})
            for axis in ([None] + [x for x in axes if isinstance(x, int)]):
                for op, fn in [("nanargmin", np.nanargmin), ("nanargmax", np.nanargmax),
                               ("nancumsum", np.nancumsum), ("nancumprod", np.nancumprod)]:
                    if op == "nancumprod" and np.dtype(dt).kind in "iu":
                        continue  # integer products overflow (wrap) — covered by reduce
                    run(op, lambda v, axis, fn=fn: fn(v, axis=axis), [a], {"axis": axis})
# long float64 sums: pairwise order, threads
for n in [9, 129, 5000, 140001]:
    # few distinct values (k / 10, not exact in binary): small compressed data, rounding still order-dependent
    if n > 10000:
        # a patterned long array (compresses to nothing); 0.1 is inexact, so the order of additions shows
        a = np.zeros(n)
        a[::7] = 0.1
        a[3::11] = -0.3
        a[::13] = np.nan
    else:
        a = rng.integers(-3, 4, n) * 0.1
        a[rng.random(n) < 0.1] = np.nan
    run("nansum", lambda v, axis, keepdims: np.nansum(v, axis=axis, keepdims=keepdims), [a],
        {"axis": None, "keepdims": False})
    if n < 10000:
        run("nanmean", lambda v, axis, keepdims: np.nanmean(v, axis=axis, keepdims=keepdims), [a],
            {"axis": None, "keepdims": False})
# non-contiguous views
base = data((6, 8, 5), np.float64, "nan")
for view in [{"perm": [2, 0, 1]}, {"slices": [[None, None, 2], [1, None, 3], [None, None, -1]]},
             {"perm": [1, 0, 2], "slices": [[None, None, -1], [None, None, None], [0, 4]]}]:
    for axis in [None, 0, 2, (0, 1)]:
        for op, fn in NANRED.items():
            run(op, lambda v, axis, keepdims, fn=fn: fn(v, axis=axis, keepdims=keepdims), [base],
                {"axis": axis, "keepdims": False}, view=view)
        run("nanvar", lambda v, axis, ddof: np.nanvar(v, axis=axis, ddof=ddof), [base],
            {"axis": axis, "ddof": 1}, view=view)
        run("nanmedian", lambda v, axis, keepdims: np.nanmedian(v, axis=axis, keepdims=keepdims), [base],
            {"axis": axis, "keepdims": False}, view=view)
        run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
            keepdims=keepdims), [base], {"q": [0.2, 0.5], "axis": axis, "method": "linear", "keepdims": False},
            view=view)
    run("nanargmax", lambda v, axis: np.nanargmax(v, axis=axis), [base], {"axis": None}, view=view)
    run("nancumsum", lambda v, axis: np.nancumsum(v, axis=axis), [base], {"axis": 1}, view=view)
# all-NaN, empty, zero-size axes
allnan = np.full((3, 4), np.nan)
allnan[1, 2] = 2.0
for op, fn in list(NANRED.items()) + [("nanvar", np.nanvar), ("nanstd", np.nanstd)]:
    for axis in [None, 0, 1]:
        p = {"axis": axis, "keepdims": False} if op in NANRED else {"axis": axis, "ddof": 0}
        run(op, lambda v, fn=fn, **p: fn(v, **p), [allnan], p)
    for shape, axis in [((0,), None), ((0, 3), 0), ((0, 3), 1), ((2, 0), 1)]:
        p = {"axis": axis, "keepdims": False} if op in NANRED else {"axis": axis, "ddof": 0}
        run(op, lambda v, fn=fn, **p: fn(v, **p), [np.zeros(shape)], p)
for op, fn in [("nanargmin", np.nanargmin), ("nanargmax", np.nanargmax)]:
    for axis in [None, 0, 1]:
        run(op, lambda v, axis, fn=fn: fn(v, axis=axis), [allnan], {"axis": axis})
    run(op, lambda v, axis, fn=fn: fn(v, axis=axis), [np.zeros(0)], {"axis": None})
    run(op, lambda v, axis, fn=fn: fn(v, axis=axis), [np.array([np.nan, np.inf, 1.0, -np.inf])], {"axis": None})
for ddof in [2, 3, 5]:
    run("nanvar", lambda v, axis, ddof: np.nanvar(v, axis=axis, ddof=ddof), [allnan.T.copy()],
        {"axis": 0, "ddof": ddof})
run("nansum", lambda v, axis, keepdims: np.nansum(v, axis=axis, keepdims=keepdims), [np.float64(np.nan)],
    {"axis": None, "keepdims": False})
run("nansum", lambda v, axis, keepdims: np.nansum(v, axis=axis, keepdims=keepdims), [np.zeros((2, 3))],
    {"axis": 2, "keepdims": False}, note="axis out of range")

# ------------------------------------------------------------------ quantiles
QS = [0.0, 0.1, 0.25, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0]
for n in [1, 2, 3, 7, 100]:
    a = data((n,), np.float64)
    t = data((n,), np.float64, "ties")
    for m in METHODS:
        run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
            keepdims=keepdims), [a], {"q": QS, "axis": None, "method": m, "keepdims": False})
        run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
            keepdims=keepdims), [t], {"q": 0.37, "axis": None, "method": m, "keepdims": False})
        if n in (3, 100):
            run("percentile", lambda v, q, axis, method, keepdims: np.percentile(v, q, axis=axis, method=method,
                keepdims=keepdims), [a], {"q": [0.0, 12.5, 33.0, 50.0, 99.0, 100.0], "axis": None, "method": m,
                "keepdims": False})
    run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [a],
        {"axis": None, "keepdims": False})
    run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [t],
        {"axis": None, "keepdims": False})
# float32 (scalar q keeps float32), integers (interpolation in float64)
for dt in [np.float32, np.int64, np.uint8, np.int8]:
    for n in [4, 7]:
        a = data((n,), dt)
        for m in METHODS:
            run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
                keepdims=keepdims), [a], {"q": 0.4, "axis": None, "method": m, "keepdims": False})
        run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [a],
            {"axis": None, "keepdims": False})
        run("percentile", lambda v, q, axis, method, keepdims: np.percentile(v, q, axis=axis, method=method,
            keepdims=keepdims), [a], {"q": 50.0, "axis": None, "method": "linear", "keepdims": False})
# int8 extremes: b - a wraps in int8, as NumPy computes it
run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
    keepdims=keepdims), [np.array([-100, 100], dtype=np.int8)], {"q": 0.3, "axis": None, "method": "linear",
    "keepdims": False})
# axes, keepdims, NaN lanes, inf
for kind in ["normal", "nan", "special"]:
    a = data((3, 4, 5), np.float64, kind)
    for axis in [None, 0, 1, -1, (0, 2)]:
        for keepdims in [False] if axis in (0, 1) else [False, True]:
            for m in ["linear", "lower", "hazen"]:
                run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
                    keepdims=keepdims), [a], {"q": [0.1, 0.5, 0.95], "axis": axis, "method": m,
                    "keepdims": keepdims})
                run("nanquantile", lambda v, q, axis, method, keepdims: np.nanquantile(v, q, axis=axis,
                    method=method, keepdims=keepdims), [a], {"q": [0.1, 0.5, 0.95], "axis": axis, "method": m,
                    "keepdims": keepdims})
            run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [a],
                {"axis": axis, "keepdims": keepdims})
            run("nanmedian", lambda v, axis, keepdims: np.nanmedian(v, axis=axis, keepdims=keepdims), [a],
                {"axis": axis, "keepdims": keepdims})
        run("nanpercentile", lambda v, q, axis, method, keepdims: np.nanpercentile(v, q, axis=axis,
            method=method, keepdims=keepdims), [a], {"q": 30.0, "axis": axis, "method": "weibull",
            "keepdims": False})
for m in METHODS:
    a = data((5, 9), np.float64, "nan")
    a[2] = np.nan
    run("nanquantile", lambda v, q, axis, method, keepdims: np.nanquantile(v, q, axis=axis, method=method,
        keepdims=keepdims), [a], {"q": [0.0, 0.33, 0.5, 1.0], "axis": 1, "method": m, "keepdims": False})
run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
    keepdims=keepdims), [np.array([1.0, np.inf])], {"q": [0.0, 0.5, 1.0], "axis": None, "method": "linear",
    "keepdims": False})
run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
    keepdims=keepdims), [np.array([[1.0, 2.0], [3.0, 4.0]])], {"q": [[0.1, 0.2], [0.5, 0.9]], "axis": 0,
    "method": "linear", "keepdims": False}, note="2-d q")
for dt in [np.float32, np.int64]:
    a = data((5, 6), dt)
    for axis in [0, 1]:
        run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [a],
            {"axis": axis, "keepdims": False})
        run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
            keepdims=keepdims), [a], {"q": 0.65, "axis": axis, "method": "median_unbiased", "keepdims": False})
# empty input and errors
for shape, axis in [((0,), None), ((0, 3), 0), ((3, 0), 1), ((0, 3), 1)]:
    z = np.zeros(shape)
    for op, fn in [("median", np.median), ("nanmedian", np.nanmedian)]:
        run(op, lambda v, axis, keepdims, fn=fn: fn(v, axis=axis, keepdims=keepdims), [z],
            {"axis": axis, "keepdims": False})
    for op, fn in [("quantile", np.quantile), ("nanquantile", np.nanquantile)]:
        run(op, lambda v, q, axis, method, keepdims, fn=fn: fn(v, q, axis=axis, method=method, keepdims=keepdims),
            [z], {"q": 0.5, "axis": axis, "method": "linear", "keepdims": False})
for q in [-0.1, 1.5]:
    run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
        keepdims=keepdims), [np.arange(4.0)], {"q": q, "axis": None, "method": "linear", "keepdims": False})
run("percentile", lambda v, q, axis, method, keepdims: np.percentile(v, q, axis=axis, method=method,
    keepdims=keepdims), [np.arange(4.0)], {"q": 101.0, "axis": None, "method": "linear", "keepdims": False})
run("quantile", lambda v, q, axis, method, keepdims: np.quantile(v, q, axis=axis, method=method,
    keepdims=keepdims), [np.arange(4.0)], {"q": 0.5, "axis": None, "method": "cubic", "keepdims": False})
run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [np.arange(4.0)],
    {"axis": 1, "keepdims": False})
# larger lanes (threaded path)
a = rng.integers(-3, 4, (40, 900)) * 0.1
a[rng.random(a.shape) < 0.1] = np.nan
run("median", lambda v, axis, keepdims: np.median(v, axis=axis, keepdims=keepdims), [a], {"axis": 1, "keepdims": False})
run("nanpercentile", lambda v, q, axis, method, keepdims: np.nanpercentile(v, q, axis=axis, method=method,
    keepdims=keepdims), [a], {"q": [5.0, 95.0], "axis": 1, "method": "linear", "keepdims": False})

# ------------------------------------------------------------------ average
for dt in [np.float64, np.float32, np.int64]:
    a = data((4, 5), dt)
    for axis in [None, 0, 1]:
        run("average", lambda v, axis: np.average(v, axis=axis), [a], {"axis": axis})
w_full = rng.random((4, 5))
a = data((4, 5), np.float64)
for axis in [None, 0, 1]:
    run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, w_full], {"axis": axis})
    run("average_returned", lambda v, w, axis: np.average(v, axis=axis, weights=w, returned=True), [a, w_full],
        {"axis": axis}, multi=True)
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, rng.random(5)], {"axis": 1})
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, rng.random(4)], {"axis": 0})
run("average_returned", lambda v, w, axis: np.average(v, axis=axis, weights=w, returned=True), [a, rng.random(4)],
    {"axis": 0}, multi=True)
a3 = data((3, 4, 5), np.float64)
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a3, rng.random((5, 3))],
    {"axis": [2, 0]})
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, rng.random(5)], {"axis": None})
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, rng.random(4)], {"axis": 1})
run("average", lambda v, w, axis: np.average(v, axis=axis, weights=w), [a, np.array([1.0, -1.0, 0.0, 0.0, 0.0])],
    {"axis": 1}, note="zero weight sum")
run("average_returned", lambda v, axis: np.average(v, axis=axis, returned=True), [a], {"axis": 0}, multi=True)
run("average", lambda v, axis: np.average(v, axis=axis), [np.array([1.0, np.nan, 3.0])], {"axis": None})

# ------------------------------------------------------------------ cov / corrcoef
for shape in [(3, 10), (2, 5), (1, 6), (10,), (4, 2)]:
    x = data(shape, np.float64)
    for rowvar in [True, False]:
        for bias in [False, True]:
            run("cov", lambda v, rowvar, bias: np.cov(v, rowvar=rowvar, bias=bias), [x],
                {"rowvar": rowvar, "bias": bias})
        run("corrcoef", lambda v, rowvar: np.corrcoef(v, rowvar=rowvar), [x], {"rowvar": rowvar})
    for ddof in [0, 2]:
        run("cov", lambda v, ddof: np.cov(v, ddof=ddof), [x], {"ddof": ddof})
x = data((3, 8), np.float64)
y = data((2, 8), np.float64)
run("cov", lambda v, y: np.cov(v, y), [x, y], {})
run("corrcoef", lambda v, y: np.corrcoef(v, y), [x, y], {})
run("cov", lambda v, y: np.cov(v, y), [x[0], y[1]], {})
run("cov", lambda v, y, rowvar: np.cov(v, y, rowvar=rowvar), [x.T, y.T], {"rowvar": False})
fw = [float(v) for v in rng.integers(0, 4, 8)]
aw = [float(v) for v in rng.random(8)]
for p in [{"fweights": fw}, {"aweights": aw}, {"fweights": fw, "aweights": aw},
          {"fweights": fw, "aweights": aw, "ddof": 0}, {"aweights": aw, "bias": True}]:
    run("cov", lambda v, **p: np.cov(v, **p), [x], p)
run("cov", lambda v, **p: np.cov(v, **p), [x], {"fweights": fw[:5]}, note="wrong length")
run("cov", lambda v, **p: np.cov(v, **p), [x], {"fweights": [v + 0.5 for v in fw]}, note="non-integer")
run("cov", lambda v, **p: np.cov(v, **p), [x], {"aweights": [-v for v in aw]}, note="negative")
run("cov", lambda v: np.cov(v), [np.zeros((2, 2, 2))], {})
run("cov", lambda v: np.cov(v), [np.array([1.0, np.nan, 2.0])], {})
run("cov", lambda v: np.cov(v), [np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])], {}, note="exact")
run("corrcoef", lambda v: np.corrcoef(v), [np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])], {}, note="constant row")
run("corrcoef", lambda v: np.corrcoef(v), [np.array([1.0, 2.0, 4.0])], {}, note="scalar")
run("cov", lambda v: np.cov(v), [np.array([1, 5, 2, 8], dtype=np.int64)], {})

# ------------------------------------------------------------------ weighted quantiles (inverted_cdf only)
# params "weights" is not used: the weights are input 1 (float64).
WQ = {"quantile": np.quantile, "percentile": np.percentile, "nanquantile": np.nanquantile,
      "nanpercentile": np.nanpercentile}


def wrun(op, a, w, q, axis, method="inverted_cdf", keepdims=False, view=None, note=""):
    fn = WQ[op]
    run("w" + op, lambda v, w, q, axis, method, keepdims: fn(v, q, axis=axis, method=method, keepdims=keepdims,
        weights=w), [a, w], {"q": q, "axis": axis, "method": method, "keepdims": keepdims}, view=view, note=note)


WQS = [0.0, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0]
for n in [1, 2, 5, 13]:
    a = data((n,), np.float64)
    t = data((n,), np.float64, "ties")
    w = rng.random(n)
    wi = rng.integers(0, 4, n).astype(np.float64)
    wi[0] = 1.0
    wrun("quantile", a, w, WQS, None)
    wrun("quantile", t, wi, WQS, 0)
    wrun("percentile", a, wi, [0.0, 12.5, 50.0, 80.0, 100.0], None)
    wrun("quantile", a, np.ones(n), 0.37, None, note="unit weights = unweighted inverted_cdf")
# leading / trailing / inner zero weights, exact cdf boundaries
wrun("quantile", np.array([4.0, 1.0, 3.0, 2.0]), np.array([0.0, 0.0, 1.0, 1.0]), WQS, None)
wrun("quantile", np.array([4.0, 1.0, 3.0, 2.0]), np.array([1.0, 1.0, 0.0, 1.0]), [0.0, 1 / 3, 2 / 3, 1.0], None)
wrun("quantile", np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([1.0, 1.0, 1.0, 1.0, 1.0]),
     [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], None)
# float32 and integer input (numox gives the mean type; NumPy keeps the dtype)
for dt in [np.float32, np.int64, np.int32, np.uint8, np.int8]:
    a = data((4, 6), dt)
    wrun("quantile", a, rng.random(6), [0.2, 0.5, 0.9], 1)
    wrun("quantile", a, rng.random((4, 6)), 0.5, None)
# axes: full-shape weights, weights along one axis, along several (in axis order), keepdims
for kind in ["normal", "nan", "special"]:
    a = data((3, 4, 5), np.float64, kind)
    wf = rng.random((3, 4, 5))
    for axis in [None, 0, 1, -1, (0, 2), (2, 0)]:
        for op in ["quantile", "nanquantile"]:
            wrun(op, a, wf, [0.1, 0.5, 0.95], axis, keepdims=axis in (None, (0, 2)))
    for axis in [0, -1, (0, 2), (2, 0), (1, 2)]:
        ax = axis if isinstance(axis, tuple) else (axis,)
        ws = rng.random(tuple(a.shape[i] for i in ax))
        wrun("quantile", a, ws, [0.1, 0.5, 0.95], axis)
        wrun("percentile", a, ws, 42.0, axis, keepdims=True)
# nan variants on 1-d input (1-d weights) and with full weights
x = np.array([np.nan, 3.0, 1.0, np.nan, 2.0, 5.0])
for op in ["nanquantile", "nanpercentile"]:
    q = [0.0, 0.3, 0.5, 1.0] if op == "nanquantile" else [0.0, 30.0, 50.0, 100.0]
    wrun(op, x, np.array([5.0, 1.0, 2.0, 0.0, 1.0, 1.0]), q, None)
    wrun(op, x, np.array([5.0, 1.0, 2.0, 0.0, 1.0, 1.0]), q, 0)
a = data((5, 7), np.float64, "nan")
a[1] = np.nan
wrun("nanquantile", a, rng.random((5, 7)), [0.25, 0.5], 1)
wrun("nanpercentile", a, rng.random((5, 7)), [25.0, 50.0], 0)
# non-contiguous input (weights are given in the view's shape)
base = data((6, 8), np.float64)
wrun("quantile", base, rng.random((4, 3)), [0.3, 0.7], 1, view={"perm": [1, 0], "slices": [[0, 8, 2], [None, None, 2]]})
wrun("quantile", base, rng.random(3), 0.5, 0, view={"slices": [[None, None, -2], [1, 5]]})
# empty and zero-size axes
wrun("quantile", np.zeros((0, 3)), np.ones(3), 0.5, 1)
wrun("quantile", np.zeros((3, 0)), np.ones(0), 0.5, 1)
wrun("nanquantile", np.zeros((3, 0)), np.ones(0), 0.5, 1)
wrun("nanquantile", np.zeros(0), np.ones(0), 0.5, None)
# errors: method, negative / zero / NaN / inf weights, shapes, axis needed, q range
a = np.arange(12.0).reshape(3, 4)
wrun("quantile", a, np.ones(4), 0.5, 1, method="linear")
wrun("percentile", a, np.ones(4), 50.0, 1, method="lower")
wrun("quantile", a, np.array([1.0, -1.0, 1.0, 1.0]), 0.5, 1)
wrun("quantile", a, np.zeros(4), 0.5, 1)
wrun("quantile", a, np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]), 0.5, 1)
wrun("quantile", a, np.array([1.0, np.nan, 1.0, 1.0]), 0.5, 1)
wrun("quantile", a, np.array([1.0, np.inf, 1.0, 1.0]), 0.5, 1)
wrun("quantile", a, np.array([1e308, 1e308, 1.0, 1.0]), 0.5, 1, note="sum overflows")
wrun("quantile", a, np.ones(3), 0.5, 1)
wrun("quantile", a, np.ones(4), 0.5, None)
wrun("quantile", a, np.ones((4, 3)), 0.5, (0, 1))
wrun("quantile", a, np.ones(4), 1.5, 1)
wrun("percentile", a, np.ones(4), -1.0, 1)
wrun("nanquantile", np.array([1.0, np.nan]), np.array([0.0, 1.0]), 0.5, None)
wrun("nanquantile", np.array([np.nan, np.nan]), np.array([0.0, 1.0]), 0.5, None)
wrun("nanquantile", np.array([np.nan, 2.0]), np.array([-1.0, 1.0]), 0.5, None)

c.save()
