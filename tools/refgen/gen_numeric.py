"""Reference data for numox's numeric routines (crates/numox/tests/conformance_numeric.rs).

histogram / histogram_bin_edges / histogram2d / histogramdd / bincount /
digitize / diff / ediff1d / gradient / interp / unwrap / trapezoid / cross /
vander / convolve / correlate / polyval / polyder / polyint / polyfit /
roots / poly, with NaN, +-inf, values on bin edges, empty input, integer
dtypes, float32 and non-contiguous views, and the error cases.

A non-contiguous input is stored as a C-contiguous base array plus the view
to take, in params: `perm` (a transpose) and `slices` (one [start, stop,
step] per axis, entries may be null), applied in that order (to input 0).
Parameters only the Rust side reads: `bins_kind` ("count", "edges" (edges
are the last input), "est"), `weighted` (weights are input 1).
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261126)
c = Cases("numeric")

META = ("perm", "slices", "bins_kind", "weighted", "spacing_kinds", "prepend_in", "append_in", "x_in")


def view_of(base, params):
    v = base
    if params.get("perm") is not None:
        v = v.transpose(params["perm"])
    if params.get("slices") is not None:
        v = v[tuple(slice(*s) for s in params["slices"])]
    return v


def run(op, fn, inputs, params=None, note="", multi=False):
    """c.run with META params recorded but not passed; input 0 viewed by perm/slices."""
    params = dict(params or {})
    call_params = {k: v for k, v in params.items() if k not in META}
    ins = list(inputs)

    def call(*args):
        args = list(args)
        if args:
            args[0] = view_of(args[0], params)
        return fn(*args)

    n_call = len(ins)
    if isinstance(params.get("spacing"), list):
        # Coordinate arrays go to the inputs (JSON floats do not round-trip
        # exactly through every parser): {"in": k} names input k.
        sp = []
        for e in params["spacing"]:
            if isinstance(e, list):
                ins.append(np.asarray(e, dtype=np.float64))
                sp.append({"in": len(ins) - 1})
            else:
                sp.append(e)
        params["spacing"] = sp
    cid_inputs = ins
    try:
        with np.errstate(all="ignore"):
            out = call(*ins[:n_call])
    except Exception as e:  # noqa: BLE001
        return c.add(op, cid_inputs, params, None, type(e).__name__, note)
    outs = list(out) if multi else [out]
    return c.add(op, cid_inputs, params, outs, None, note)


def floats(n, dtype=np.float64, scale=3.0):
    return (rng.standard_normal(n) * scale).astype(dtype)


# ---------------------------------------------------------------- histogram
def hist_case(a, bins, rng_=None, weights=None, density=False, note=""):
    params = {"range": rng_, "density": density}
    ins = [a]
    if isinstance(bins, str):
        params["bins_kind"] = "est"
        params["bins"] = bins
        b = bins
    elif np.ndim(bins) == 0:
        params["bins_kind"] = "count"
        params["bins"] = int(bins)
        b = int(bins)
    else:
        params["bins_kind"] = "edges"
        b = np.asarray(bins, dtype=np.float64)
    if weights is not None:
        params["weighted"] = True
        ins.append(weights)
    if params["bins_kind"] == "edges":
        ins.append(b)

    def fn(a, *rest):
        w = rest[0] if weights is not None else None
        return np.histogram(a, bins=b, range=rng_, density=density, weights=w)

    run("histogram", fn, ins, params, note, multi=True)


for n in [0, 1, 5, 100, 1000]:
    for bins in [1, 3, 10]:
        hist_case(floats(n), bins, note="random f64")
for bins in [7, 10, 33]:
    hist_case(np.linspace(0, 1, 101), bins, note="values on computed edges")
    hist_case(np.linspace(-3, 7, 1001), bins, rng_=(-2.5, 5.0), note="range cuts")
    hist_case(np.arange(0, 1, 0.1), bins, rng_=(0.0, 0.9), note="last edge inclusive")
hist_case(np.array([0.1 * k for k in range(30)]), 30, note="tenths on edges")
hist_case(np.array([1.0, 2.0, np.nan]), 3, rng_=(0.0, 3.0), note="NaN with range ignored")
hist_case(np.array([1.0, 2.0, np.nan]), 3, note="NaN without range -> error")
hist_case(np.array([1.0, np.inf]), 3, note="inf without range -> error")
hist_case(np.array([1.0, np.inf, -np.inf]), 3, rng_=(0.0, 2.0), note="inf outside range")
hist_case(np.array([5.0, 5.0, 5.0]), 4, note="constant data widens by 0.5")
hist_case(np.array([1.0]), 0, note="zero bins -> error")
hist_case(np.array([1.0]), 3, rng_=(2.0, 1.0), note="bad range -> error")
hist_case(np.array([1.0]), 3, rng_=(0.0, np.inf), note="infinite range -> error")
hist_case(np.array([1.0, 2.0]), 3, rng_=(1.0, 1.0 + 1e-15), note="too many bins -> error")
hist_case(np.array([0.0, 1e-300]), 4, note="tiny range")
for dt in [np.int8, np.int32, np.int64, np.uint8, np.uint16]:
    a = rng.integers(0, 50, 200).astype(dt)
    hist_case(a, 7, note="ints " + np.dtype(dt).name)
    hist_case(a, 10, rng_=(5, 45), note="ints with range " + np.dtype(dt).name)
    hist_case(a, "auto", note="ints auto " + np.dtype(dt).name)
hist_case(np.array([-128, 127], dtype=np.int8), 5, note="int8 extremes")
for edges in [[0.0, 1.0, 2.0, 5.0], [-1.0, 0.0, 0.0, 1.0], [0.5], [-np.inf, 0.0, np.inf], [0.0, 1.0, 1.0]]:
    hist_case(np.array([-2.0, 0.0, 0.5, 1.0, 1.0, 2.0, 4.99, 5.0, 7.0, np.nan, np.inf]), edges, note="explicit edges")
hist_case(np.array([1.0, 2.0]), [2.0, 1.0], note="decreasing edges -> error")
for est in ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]:
    for n in [1, 2, 10, 500]:
        hist_case(floats(n), est, note="estimator " + est)
    hist_case(rng.exponential(2.0, 300), est, rng_=(0.0, 4.0), note="estimator with range " + est)
    hist_case(np.zeros(0), est, note="estimator empty " + est)
    hist_case(np.array([3.0, 3.0, 3.0, 3.0]), est, note="estimator constant " + est)
for n in [0, 10, 300]:
    a = floats(n)
    w = rng.random(n)
    hist_case(a, 6, weights=w, note="weights")
    hist_case(a, 6, density=True, note="density")
    hist_case(a, 6, weights=w, density=True, note="weights+density")
    hist_case(a, [-5.0, -1.0, 0.0, 0.5, 5.0], weights=w, note="weights edges")
    hist_case(a, [-5.0, -1.0, 0.0, 0.5, 5.0], density=True, note="density edges")
hist_case(floats(10), 3, weights=rng.random(9), note="weights shape mismatch -> error")
hist_case(floats(10), "auto", weights=rng.random(10), note="estimator with weights -> error")
# non-contiguous input
base = floats(60).reshape(6, 10)
for p in [{"perm": [1, 0]}, {"slices": [[None, None, 2], [None, None, -3]]}]:
    params = dict(p, bins_kind="count", bins=8, range=None, density=False)
    run("histogram", lambda a, **kw: np.histogram(a, bins=8), [base], params, "non-contiguous", multi=True)
hist_case(floats(24).reshape(2, 3, 4), 5, note="n-d input flattens")
hist_case(floats(50).astype(np.float32).astype(np.float64), 5, note="f32 values in f64")

for bins, r in [(4, None), (3, (0.0, 10.0)), ("sturges", None), ("fd", (-1.0, 1.0)), ([0.0, 1.0, 3.0], None)]:
    a = floats(40)
    params = {"range": r}
    ins = [a]
    if isinstance(bins, str):
        params.update(bins_kind="est", bins=bins)
    elif isinstance(bins, list):
        params.update(bins_kind="edges")
        ins.append(np.asarray(bins))
    else:
        params.update(bins_kind="count", bins=bins)
    b = bins if not isinstance(bins, list) else np.asarray(bins)
    run("histogram_bin_edges", lambda a, *e, b=b, r=r: np.histogram_bin_edges(a, bins=b, range=r), ins, params)
run("histogram_bin_edges", lambda a: np.histogram_bin_edges(a, bins=5), [np.arange(5, dtype=np.int64)],
    {"bins_kind": "count", "bins": 5}, "ints")

# ---------------------------------------------------------------- histogram2d / dd
def hdd(*a, **k):
    h, edges = np.histogramdd(*a, **k)
    return [h] + list(edges)


for n in [0, 1, 50]:
    x, y = floats(n), floats(n)
    for bins in [3, [2, 5]]:
        run("histogram2d", lambda x, y, bins=bins: np.histogram2d(x, y, bins=bins), [x, y], {"bins": bins}, multi=True)
    w = rng.random(n)
    run("histogram2d", lambda x, y, w: np.histogram2d(x, y, bins=4, weights=w, density=False), [x, y, w],
        {"bins": 4, "weighted": True}, multi=True)
    run("histogram2d", lambda x, y: np.histogram2d(x, y, bins=4, range=[[-1, 1], [-2, 2]], density=True), [x, y],
        {"bins": 4, "range": [[-1, 1], [-2, 2]], "density": True}, multi=True)
x = np.array([0.0, 0.5, 1.0, 1.0, np.nan, 2.0])
y = np.array([0.0, 0.5, 1.0, 0.0, 1.0, np.inf])
run("histogram2d", lambda x, y: np.histogram2d(x, y, bins=2, range=[[0, 1], [0, 1]]), [x, y],
    {"bins": 2, "range": [[0, 1], [0, 1]]}, "NaN/inf with range", multi=True)
run("histogram2d", lambda x, y: np.histogram2d(x, y, bins=0), [floats(3), floats(3)], {"bins": 0}, "zero bins -> error", multi=True)
for n, d in [(20, 1), (30, 3), (0, 2)]:
    s = floats(n * d).reshape(n, d)
    run("histogramdd", lambda s: hdd(s, bins=3), [s], {"bins": 3}, multi=True)
    run("histogramdd", lambda s, d=d: hdd(s, bins=[2 + i for i in range(d)], density=True), [s],
        {"bins": [2 + i for i in range(d)], "density": True}, multi=True)
s = floats(30).reshape(10, 3)
run("histogramdd", lambda s: hdd(s, bins=[2, 3]), [s], {"bins": [2, 3]}, "bins length mismatch -> error", multi=True)
s = np.array([[np.nan, 0.0], [1.0, 1.0]])
run("histogramdd", lambda s: hdd(s, bins=2), [s], {"bins": 2}, "NaN no range -> error", multi=True)


# ---------------------------------------------------------------- bincount
for dt in [np.int8, np.int32, np.int64, np.uint8, np.uint64]:
    x = rng.integers(0, 9, 40).astype(dt)
    run("bincount", lambda x: np.bincount(x), [x], {"minlength": 0}, np.dtype(dt).name)
    run("bincount", lambda x: np.bincount(x, minlength=15), [x], {"minlength": 15})
    w = rng.standard_normal(40)
    run("bincount", lambda x, w: np.bincount(x, weights=w, minlength=3), [x, w], {"minlength": 3, "weighted": True})
run("bincount", lambda x: np.bincount(x), [np.zeros(0, dtype=np.int64)], {"minlength": 0}, "empty")
run("bincount", lambda x: np.bincount(x, minlength=4), [np.zeros(0, dtype=np.int64)], {"minlength": 4}, "empty minlength")
run("bincount", lambda x: np.bincount(x), [np.array([1, -1, 2])], {"minlength": 0}, "negative -> error")
run("bincount", lambda x: np.bincount(x), [np.array([1.0, 2.0])], {"minlength": 0}, "float -> error")
run("bincount", lambda x: np.bincount(x), [np.array([[1, 2]])], {"minlength": 0}, "2-d -> error")
run("bincount", lambda x, w: np.bincount(x, weights=w), [np.array([1, 2]), np.array([1.0])],
    {"minlength": 0, "weighted": True}, "weights length mismatch -> error")
run("bincount", lambda x: np.bincount(x), [np.arange(20, dtype=np.int64)[::3]], {"minlength": 0, "slices": None}, "strided")

# ---------------------------------------------------------------- digitize
for right in [False, True]:
    xs = np.array([-1.0, 0.0, 0.5, 1.0, 2.5, 3.0, 10.0, np.nan, np.inf, -np.inf])
    for bins in [[0.0, 1.0, 2.5, 3.0], [3.0, 2.5, 1.0, 0.0], [0.0, 1.0, 1.0, 2.0], [2.0, 1.0, 1.0, 0.0], [1.0], []]:
        run("digitize", lambda x, b, right=right: np.digitize(x, b, right=right), [xs, np.array(bins, dtype=np.float64)],
            {"right": right})
    run("digitize", lambda x, b, right=right: np.digitize(x, b, right=right),
        [rng.integers(-3, 12, (3, 4)), np.array([0, 2, 4, 8])], {"right": right}, "ints 2-d x")
    run("digitize", lambda x, b, right=right: np.digitize(x, b, right=right), [floats(50), np.linspace(-4, 4, 9)],
        {"right": right})
run("digitize", lambda x, b: np.digitize(x, b), [np.array([1.0]), np.array([0.0, 2.0, 1.0])], {"right": False}, "non-monotonic -> error")
run("digitize", lambda x, b: np.digitize(x, b), [np.array([1.0]), np.array([[0.0, 2.0]])], {"right": False}, "2-d bins -> error")

# ---------------------------------------------------------------- diff / ediff1d
for dt in [np.int8, np.int64, np.uint8, np.float32, np.float64, np.complex128]:
    a = (rng.integers(-100, 100, (4, 6))).astype(dt) if np.dtype(dt).kind != "c" else (floats(24) + 1j * floats(24)).reshape(4, 6)
    for n in [0, 1, 2, 7]:
        for axis in [-1, 0]:
            run("diff", lambda a, n=n, axis=axis: np.diff(a, n=n, axis=axis), [a], {"n": n, "axis": axis}, np.dtype(dt).name)
run("diff", lambda a: np.diff(a), [np.array([1.0, np.inf, np.inf, np.nan, 2.0])], {"n": 1, "axis": -1}, "inf/nan")
run("diff", lambda a: np.diff(a), [np.zeros(0)], {"n": 1, "axis": -1}, "empty")
run("diff", lambda a: np.diff(a, axis=0), [np.zeros((0, 3))], {"n": 1, "axis": 0}, "zero-size axis")
run("diff", lambda a: np.diff(a, axis=1), [np.zeros((0, 3))], {"n": 1, "axis": 1}, "zero-size other axis")
run("diff", lambda a: np.diff(a), [np.array(5.0)], {"n": 1, "axis": -1}, "0-d -> error")
run("diff", lambda a: np.diff(a, axis=2), [np.zeros((2, 2))], {"n": 1, "axis": 2}, "bad axis -> error")
base = floats(48).reshape(6, 8)
run("diff", lambda a: np.diff(a, axis=-1), [base], {"n": 1, "axis": -1, "perm": [1, 0]}, "transposed")
run("diff", lambda a: np.diff(a, n=2, axis=0), [base], {"n": 2, "axis": 0, "slices": [[None, None, -2], [1, None, 3]]}, "strided")
a = np.array([[1, 4, 9], [2, 3, 5]], dtype=np.int64)
run("diff", lambda a, p: np.diff(a, axis=1, prepend=p), [a, np.array(0)], {"n": 1, "axis": 1, "prepend_in": 1}, "scalar prepend")
run("diff", lambda a, p: np.diff(a, axis=1, append=p), [a, np.array([[10], [20]])], {"n": 1, "axis": 1, "append_in": 1}, "array append")
run("diff", lambda a, p, q: np.diff(a, n=2, axis=0, prepend=p, append=q), [a, np.array([[0, 0, 0]]), np.array(7)],
    {"n": 2, "axis": 0, "prepend_in": 1, "append_in": 2}, "both")
run("diff", lambda a, p: np.diff(a, axis=1, prepend=p), [a, np.array([[1, 2]])], {"n": 1, "axis": 1, "prepend_in": 1}, "bad prepend -> error")
for a, tb, te in [
    (np.array([1, 2, 4, 7, 0]), None, None),
    (np.array([[1.0, 2.5], [4.0, -1.0]]), [-99.0], [88.0, 77.0]),
    (np.zeros(0), None, [1.0]),
    (np.array([np.nan, 1.0, np.inf]), [0.0], None),
]:
    params = {"to_begin": tb, "to_end": te}
    run("ediff1d", lambda a, tb=tb, te=te: np.ediff1d(a, to_end=te, to_begin=tb), [a], params)

# ---------------------------------------------------------------- gradient
for dt in [np.float32, np.float64]:
    for shape in [(7,), (5, 6), (3, 4, 5)]:
        f = floats(int(np.prod(shape)), dt).reshape(shape)
        for eo in [1, 2]:
            run("gradient", lambda f, eo=eo: np.gradient(f, edge_order=eo), [f], {"edge_order": eo, "spacing": []},
                np.dtype(dt).name, multi=len(shape) > 1)
            run("gradient", lambda f, eo=eo: np.gradient(f, 0.3, edge_order=eo), [f], {"edge_order": eo, "spacing": [0.3]},
                "uniform 0.3", multi=len(shape) > 1)
            coords = [np.cumsum(rng.random(s) + 0.1) for s in shape]
            run("gradient", lambda f, eo=eo, coords=coords: np.gradient(f, *coords, edge_order=eo), [f],
                {"edge_order": eo, "spacing": [list(map(float, x)) for x in coords]}, "coordinates", multi=len(shape) > 1)
        run("gradient", lambda f: np.gradient(f, axis=-1), [f], {"edge_order": 1, "spacing": [], "axis": [-1]}, "axis=-1")
f = floats(30).reshape(5, 6)
run("gradient", lambda f: np.gradient(f, 2.0, np.arange(6.0) ** 2, edge_order=2), [f],
    {"edge_order": 2, "spacing": [2.0, list(np.arange(6.0) ** 2)]}, "mixed spacing", multi=True)
run("gradient", lambda f: np.gradient(f, np.arange(6.0) * 0.5, axis=1), [f],
    {"edge_order": 1, "spacing": [list(np.arange(6.0) * 0.5)], "axis": [1]}, "uniform coords")
run("gradient", lambda f: np.gradient(f, axis=(1, 0)), [f], {"edge_order": 1, "spacing": [], "axis": [1, 0]}, "axes (1, 0)", multi=True)
run("gradient", lambda f: np.gradient(f), [np.array([1.0, np.nan, 3.0, np.inf, 5.0])], {"edge_order": 1, "spacing": []}, "nan/inf")
run("gradient", lambda f: np.gradient(f, edge_order=2), [np.array([1.0, 2.0])], {"edge_order": 2, "spacing": []}, "too short -> error")
run("gradient", lambda f: np.gradient(f, edge_order=3), [np.arange(5.0)], {"edge_order": 3, "spacing": []}, "edge_order 3 -> error")
run("gradient", lambda f: np.gradient(f, np.arange(4.0)), [np.arange(5.0)], {"edge_order": 1, "spacing": [[0.0, 1.0, 2.0, 3.0]]}, "coords length -> error")
base = floats(40).reshape(5, 8)
run("gradient", lambda f: np.gradient(f), [base], {"edge_order": 1, "spacing": [], "perm": [1, 0]}, "transposed", multi=True)

# ---------------------------------------------------------------- interp
xp = np.array([0.0, 1.0, 2.5, 3.0, 7.0])
fp = np.array([1.0, -2.0, 0.5, 0.5, 4.0])
xq = np.concatenate([np.linspace(-2, 9, 40), xp, [np.nan, np.inf, -np.inf]])
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [xq, xp, fp], {})
run("interp", lambda x, xp, fp: np.interp(x, xp, fp, left=-10.0, right=np.nan), [xq, xp, fp], {"left": -10.0, "right": "nan"})
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([2.0]), np.array([5.0])], {}, "single point")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([0.0, 1.0, 1.0, 2.0]), np.array([0.0, 1.0, 3.0, 4.0])], {}, "repeated xp")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([0.0, 1.0, 2.0]), np.array([np.inf, np.inf, 1.0])], {}, "inf fp")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([0.0, 1.0, 2.0]), np.array([-np.inf, np.inf, 1.0])], {}, "-inf/inf fp")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [floats(30).reshape(5, 6), np.sort(floats(20)), floats(20)], {}, "2-d x")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp, period=360), [np.array([-180.0, -170.0, -185.0, 185.0, -10.0, -5.0, 0.0, 365.0, 10.0, 0.0, 5.0, 10.0, 20.0, 1e10]),
    np.array([190.0, -190.0, 350.0, -350.0]), np.array([5.0, 10.0, 3.0, 4.0])], {"period": 360.0}, "period")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp, period=-2.0), [floats(10), floats(6), floats(6)], {"period": -2.0}, "negative period")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp, period=0), [floats(3), xp, fp], {"period": 0.0}, "zero period -> error")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [floats(3), np.zeros(0), np.zeros(0)], {}, "empty xp -> error")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [floats(3), xp, fp[:-1]], {}, "length mismatch -> error")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [np.zeros(0), xp, fp], {}, "empty x")
run("interp", lambda x, xp, fp: np.interp(x, xp, fp), [floats(40).reshape(8, 5), xp, fp], {"perm": [1, 0]}, "transposed x")

# ---------------------------------------------------------------- unwrap
for dt in [np.float32, np.float64]:
    p = np.cumsum(rng.standard_normal(40) * 2.5).astype(dt)
    run("unwrap", lambda p: np.unwrap(p), [np.mod(p, 2 * np.pi).astype(dt)], {"axis": -1}, np.dtype(dt).name)
    run("unwrap", lambda p: np.unwrap(p, discont=4.0), [p], {"axis": -1, "discont": 4.0})
    run("unwrap", lambda p: np.unwrap(p, period=3.0), [p], {"axis": -1, "period": 3.0})
p2 = np.mod(np.cumsum(rng.standard_normal((5, 8)) * 2, axis=0), 2 * np.pi)
run("unwrap", lambda p: np.unwrap(p, axis=0), [p2], {"axis": 0})
run("unwrap", lambda p: np.unwrap(p, axis=1, period=4.0, discont=1.0), [p2], {"axis": 1, "period": 4.0, "discont": 1.0})
run("unwrap", lambda p: np.unwrap(p, period=4.0), [np.array([0.0, 2.0, 4.0, 6.0, -2.0])], {"axis": -1, "period": 4.0}, "boundary ambiguous")
run("unwrap", lambda p: np.unwrap(p), [np.array([0.0, np.nan, 7.0, np.inf, 1.0])], {"axis": -1}, "nan/inf")
run("unwrap", lambda p: np.unwrap(p), [np.zeros(0)], {"axis": -1}, "empty")
run("unwrap", lambda p: np.unwrap(p, axis=1), [p2], {"axis": 1, "perm": [1, 0]}, "transposed")

# ---------------------------------------------------------------- trapezoid
for dt in [np.float32, np.float64]:
    y = floats(30, dt).reshape(5, 6)
    run("trapezoid", lambda y: np.trapezoid(y), [y], {"axis": -1, "dx": 1.0}, np.dtype(dt).name)
    run("trapezoid", lambda y: np.trapezoid(y, dx=0.25, axis=0), [y], {"axis": 0, "dx": 0.25})
    x = np.cumsum(rng.random(6)).astype(dt)
    run("trapezoid", lambda y, x: np.trapezoid(y, x=x), [y, x], {"axis": -1, "dx": 1.0, "x_in": 1}, "x 1-d")
    x2 = np.cumsum(rng.random((5, 6)), axis=0).astype(dt)
    run("trapezoid", lambda y, x: np.trapezoid(y, x=x, axis=0), [y, x2], {"axis": 0, "dx": 1.0, "x_in": 1}, "x n-d")
for n in [0, 1, 2, 200]:
    run("trapezoid", lambda y: np.trapezoid(y), [floats(n)], {"axis": -1, "dx": 1.0}, "1-d length %d" % n)
run("trapezoid", lambda y: np.trapezoid(y), [np.array([1.0, np.inf, 2.0, np.nan])], {"axis": -1, "dx": 1.0}, "nan/inf")
run("trapezoid", lambda y: np.trapezoid(y, axis=0), [np.zeros((0, 3))], {"axis": 0, "dx": 1.0}, "zero-size axis")
run("trapezoid", lambda y, x: np.trapezoid(y, x=x), [floats(5), floats(4)], {"axis": -1, "dx": 1.0, "x_in": 1}, "x length mismatch -> error")
run("trapezoid", lambda y: np.trapezoid(y, axis=0), [floats(48).reshape(6, 8)], {"axis": 0, "dx": 1.0, "slices": [[None, None, 2], [None, None, -1]]}, "strided")

# ---------------------------------------------------------------- cross
for dt in [np.int32, np.int64, np.float64]:
    mk = (lambda s: rng.integers(-9, 10, s).astype(dt)) if np.dtype(dt).kind == "i" else (lambda s: floats(int(np.prod(s))).reshape(s))
    for sa, sb in [((3,), (3,)), ((2,), (2,)), ((2,), (3,)), ((3,), (2,)), ((4, 3), (3,)), ((5, 1, 3), (4, 3)), ((4, 2), (4, 2))]:
        run("cross", lambda a, b: np.cross(a, b), [mk(sa), mk(sb)], {"axisa": -1, "axisb": -1, "axisc": -1}, np.dtype(dt).name)
a, b = floats(12).reshape(3, 4), floats(12).reshape(4, 3)
run("cross", lambda a, b: np.cross(a, b, axisa=0, axisb=1, axisc=0), [a, b], {"axisa": 0, "axisb": 1, "axisc": 0})
run("cross", lambda a, b: np.cross(a, b, axisa=0, axisb=1, axisc=1), [a, b], {"axisa": 0, "axisb": 1, "axisc": 1})
run("cross", lambda a, b: np.cross(a, b), [floats(4), floats(3)], {"axisa": -1, "axisb": -1, "axisc": -1}, "dim 4 -> error")
run("cross", lambda a, b: np.cross(a, b), [floats(6).reshape(2, 3), floats(9).reshape(3, 3)], {"axisa": -1, "axisb": -1, "axisc": -1}, "broadcast -> error")
run("cross", lambda a, b: np.cross(a, b), [np.array([np.inf, 0.0, 1.0]), np.array([0.0, np.nan, 1.0])], {"axisa": -1, "axisb": -1, "axisc": -1}, "inf/nan")
run("cross", lambda a, b: np.cross(a, b), [floats(12).reshape(3, 4), floats(3)], {"axisa": -1, "axisb": -1, "axisc": -1, "perm": [1, 0]}, "transposed")

# ---------------------------------------------------------------- vander
for dt in [np.int64, np.float64, np.complex128]:
    x = np.array([1, 2, 3, 5]).astype(dt) if dt != np.complex128 else np.array([1 + 1j, 2 - 1j, 0.5j])
    for N in [None, 0, 1, 6]:
        for inc in [False, True]:
            run("vander", lambda x, N=N, inc=inc: np.vander(x, N, increasing=inc), [x], {"N": N, "increasing": inc})
run("vander", lambda x: np.vander(x), [np.zeros(0)], {"N": None, "increasing": False}, "empty")
run("vander", lambda x: np.vander(x), [np.array([np.nan, np.inf, -0.5])], {"N": None, "increasing": False}, "nan/inf")
run("vander", lambda x: np.vander(x), [np.zeros((2, 2))], {"N": None, "increasing": False}, "2-d -> error")
run("vander", lambda x: np.vander(x, 4), [np.arange(10.0)], {"N": 4, "increasing": False, "slices": [[None, None, -3]]}, "reversed strided")

# ---------------------------------------------------------------- convolve / correlate
for op, fn in [("convolve", np.convolve), ("correlate", np.correlate)]:
    for n, m in [(1, 1), (5, 3), (3, 5), (6, 6), (10, 4), (4, 10), (7, 2), (2, 7), (300, 17)]:
        for mode in ["full", "same", "valid"]:
            for kind in ["f64", "i64", "c128"]:
                if kind == "f64":
                    a, v = floats(n), floats(m)
                elif kind == "i64":
                    a, v = rng.integers(-9, 10, n), rng.integers(-9, 10, m)
                else:
                    a, v = floats(n) + 1j * floats(n), floats(m) + 1j * floats(m)
                if kind == "c128" and n > 20:
                    continue
                run(op, lambda a, v, mode=mode, fn=fn: fn(a, v, mode=mode), [a, v], {"mode": mode}, kind)
    run(op, lambda a, v: fn(a, v), [np.zeros(0), floats(3)], {"mode": "full" if op == "convolve" else "valid"}, "empty -> error")
    run(op, lambda a, v: fn(a, v, mode="full"), [np.array([1.0, np.nan, 2.0]), np.array([1.0, np.inf])], {"mode": "full"}, "nan/inf")
    run(op, lambda a, v: fn(a, v, mode="full"), [floats(20), floats(3)], {"mode": "full", "slices": [[None, None, -2]]}, "reversed strided")
    run(op, lambda a, v: fn(a, v, mode="full"), [floats(3).astype(np.float32), floats(3).astype(np.float32)], {"mode": "full"}, "f32")

# ---------------------------------------------------------------- polynomials
for dt in [np.int64, np.float64, np.complex128]:
    p = np.array([3, -1, 0, 2]).astype(dt) if dt != np.complex128 else np.array([1 + 2j, -1j, 3.0])
    x = np.array([[0, 1, -2], [3, 5, -1]]).astype(dt)
    run("polyval", lambda p, x: np.polyval(p, x), [p, x], {})
    for m in [0, 1, 2, 5]:
        run("polyder", lambda p, m=m: np.polyder(p, m), [p], {"m": m})
run("polyval", lambda p, x: np.polyval(p, x), [np.array([1.0, 2.0]), np.array([np.inf, -np.inf, np.nan, 0.0])], {}, "inf/nan x")
run("polyval", lambda p, x: np.polyval(p, x), [np.zeros(0), np.array([1.0, 2.0])], {}, "empty p")
run("polyval", lambda p, x: np.polyval(p, x), [floats(10), floats(7)], {"slices": [[None, None, -2]]}, "reversed p")
for m, k in [(1, None), (2, None), (3, [1.0, -2.0, 0.5]), (2, [4.0]), (0, None), (2, [1.0, 2.0, 3.0])]:
    run("polyint", lambda p, m=m, k=k: np.polyint(p, m, k) if k is not None else np.polyint(p, m), [np.array([3.0, -1.0, 0.5, 2.0])], {"m": m, "k": k})
run("polyint", lambda p: np.polyint(p, 3, [1.0, 2.0]), [np.array([1.0, 2.0])], {"m": 3, "k": [1.0, 2.0]}, "k too short -> error")
for n, deg in [(10, 1), (10, 3), (20, 5), (5, 4), (3, 5)]:
    x = np.sort(floats(n))
    y = floats(n)
    run("polyfit", lambda x, y, deg=deg: np.polyfit(x, y, deg, full=True), [x, y], {"deg": deg, "full": True}, multi=True)
    if n > deg + 1:
        # (the covariance of a rank-deficient fit is rounding noise: not compared)
        run("polyfit", lambda x, y, deg=deg: np.polyfit(x, y, deg, cov="unscaled"), [x, y], {"deg": deg, "cov": "unscaled"}, multi=True)
        run("polyfit", lambda x, y, deg=deg: np.polyfit(x, y, deg, cov=True), [x, y], {"deg": deg, "cov": "scaled"}, multi=True)
    w = rng.random(n) + 0.5
    run("polyfit", lambda x, y, w, deg=deg: np.polyfit(x, y, deg, w=w, full=True), [x, y, w], {"deg": deg, "full": True, "weighted": True}, multi=True)
x = np.linspace(0, 1, 12)
Y = np.stack([floats(12), floats(12)], axis=1)
run("polyfit", lambda x, y: np.polyfit(x, y, 2, full=True), [x, Y], {"deg": 2, "full": True}, "2-d y", multi=True)
run("polyfit", lambda x, y: np.polyfit(x, y, 2, cov=True), [x, Y], {"deg": 2, "cov": "scaled"}, "2-d y cov", multi=True)
run("polyfit", lambda x, y: np.polyfit(x, y, 1, rcond=1e-3, full=True), [x, floats(12)], {"deg": 1, "rcond": 1e-3, "full": True}, multi=True)
run("polyfit", lambda x, y: np.polyfit(x, y, 1), [np.zeros(0), np.zeros(0)], {"deg": 1, "full": True}, "empty -> error")
run("polyfit", lambda x, y: np.polyfit(x, y, 1), [floats(4), floats(5)], {"deg": 1, "full": True}, "length -> error")
run("polyfit", lambda x, y: np.polyfit(x, y, 3, cov=True), [floats(4), floats(4)], {"deg": 3, "cov": "scaled"}, "cov scale n<=order -> error")
for p in [[1.0, -3.0, 2.0], [1.0, 0.0, 1.0], [2.0, -4.0, 0.0, 0.0], [0.0, 0.0, 1.0, -1.0], [5.0], [0.0, 0.0], [],
          [1.0, -6.0, 11.0, -6.0], list(floats(8)), [1 + 1j, -2.0, 1j]]:
    run("roots", lambda p: np.sort_complex(np.roots(p).astype(complex)), [np.array(p)], {})
run("roots", lambda p: np.roots(p), [np.array([1.0, np.nan])], {}, "nan -> error")
run("roots", lambda p: np.roots(p), [np.zeros((2, 2))], {}, "2-d -> error")
for z in [[1.0, 2.0], [1j, -1j], [1.0, 1.0, -3.0], [], [2.0 + 1j, 3.0], list(floats(5))]:
    run("poly", lambda z: np.asarray(np.poly(z)).astype(complex), [np.array(z)], {})
run("poly", lambda z: np.asarray(np.poly(z)).astype(complex), [np.array([[1.0, 2.0], [3.0, 4.0]])], {}, "matrix")
run("poly", lambda z: np.asarray(np.poly(z)).astype(complex), [np.array([[0.0, -1.0], [1.0, 0.0]])], {}, "matrix complex eigs")
run("poly", lambda z: np.poly(z), [np.zeros((2, 3))], {}, "non-square -> error")

# ---------------------------------------------------------------- interp with complex fp
# params "left"/"right" are [re, im]; x is float64, fp complex128.
cfp = fp + 1j * np.array([0.5, 3.0, -1.0, 2.0, np.inf])
cfp2 = np.array([1 + 2j, 3 - 1j, -2 + 0.5j, 4 + 4j, 0.25 - 3j])
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [xq, xp, cfp2], {}, "many x (slopes precomputed)")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [xq[::9].copy(), np.sort(floats(20)), floats(20) + 1j * floats(20)], {}, "few x (slopes per point)")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [xq, xp, cfp], {}, "inf imaginary part")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp, left=-1 + 1j, right=np.nan + 2j), [xq, xp, cfp2], {"left": [-1.0, 1.0], "right": ["nan", 2.0]})
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([2.0]), np.array([5.0 - 1j])], {}, "single point")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [xq, np.array([0.0, 1.0, 1.0, 2.0]), np.array([0j, 1 + 1j, 3 - 1j, 4 + 0j])], {}, "repeated xp")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp, period=360), [np.array([-180.0, -170.0, -185.0, 185.0, -10.0, -5.0, 0.0, 365.0, 10.0, 0.0, 5.0, 10.0, 20.0, 1e10, np.nan]),
    np.array([190.0, -190.0, 350.0, -350.0]), np.array([5 + 1j, 10 - 2j, 3 + 0j, 4 + 4j])], {"period": 360.0}, "period")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [floats(30).reshape(5, 6), np.sort(floats(20)), floats(20) - 2j * floats(20)], {"perm": [1, 0]}, "transposed 2-d x")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [np.zeros(0), xp, cfp2], {}, "empty x")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp, period=0), [floats(3), xp, cfp2], {"period": 0.0}, "zero period -> error")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [floats(3), np.zeros(0), np.zeros(0, complex)], {}, "empty xp -> error")
run("interp_complex", lambda x, xp, fp: np.interp(x, xp, fp), [floats(3), xp, cfp2[:-1]], {}, "length mismatch -> error")

# ---------------------------------------------------------------- histogram of float32 input
# NumPy bins float32 input in float32: edges are float32 (linspace in float32
# without range, in float64 then rounded with it) and so is the bin index
# arithmetic. Values on and next to the float32 edges are where a float64
# computation would differ; `f64_differs` counts the cases where it does.
f64_differs = 0


def lin32(first, last, n):
    first, last = np.float32(first), np.float32(last)
    delta = np.float32(last - first)
    step = np.float32(delta / np.float32(n))
    y = np.arange(n + 1, dtype=np.float32) * step + first
    y[-1] = last
    return y.astype(np.float32)


def hist32(a, bins, rng_=None, weights=None, density=False, note=""):
    global f64_differs
    a = np.asarray(a, dtype=np.float32)
    try:
        h32 = np.histogram(a, bins=bins, range=rng_)[0]
        h64 = np.histogram(a.astype(np.float64), bins=bins, range=rng_)[0]
        f64_differs += int(not np.array_equal(h32, h64))
    except Exception:  # noqa: BLE001 - error cases are recorded below
        pass
    hist_case(a, bins, rng_=rng_, weights=weights, density=density, note="f32 " + note)


for k, n in enumerate([3, 7, 10, 26, 33]):
    lo = float(rng.normal() * 10.0 ** (k - 2))
    hi = lo + float(abs(rng.normal())) * 10.0 ** (k - 1)
    a0 = (lo + (hi - lo) * rng.random(20)).astype(np.float32)
    e = lin32(a0.min(), a0.max(), n)
    near = np.concatenate([e, np.nextafter(e, np.float32(-np.inf)), np.nextafter(e, np.float32(np.inf))])
    hist32(np.concatenate([a0, near]), n, note="values on and next to float32 edges")
    e64 = np.linspace(lo, hi, n + 1)
    near64 = np.concatenate([e64, np.nextafter(e64, -np.inf), np.nextafter(e64, np.inf)]).astype(np.float32)
    hist32(np.concatenate([a0, near64]), n, rng_=(lo, hi), note="range: values near the edges")
hist32(np.arange(0, 1, 0.1), 10, note="tenths")
hist32(np.arange(0, 1, 0.1), 10, rng_=(0.0, 1.0), note="tenths with range")
hist32(np.linspace(0, 1, 101), 7, rng_=(0.1, 0.9), note="range cuts (range not float32-exact)")
hist32([5.0, 5.0, 5.0], 4, note="constant data widens by 0.5 in float32")
hist32([0.1, 0.1], 3, rng_=(0.1, 0.1), note="equal range widens in float64")
hist32([], 3, note="empty")
hist32([1.0, np.nan], 3, note="NaN without range -> error")
hist32([1.0, 2.0, np.nan, np.inf], 3, rng_=(0.0, 3.0), note="NaN and inf with range")
hist32([1.0, 1.0 + 2.0 ** -23], 4, note="too many bins for float32 -> error")
hist32(np.arange(0, 1, 0.1), [0.0, 0.1, 0.30000001192092896, 1.0], note="explicit f64 edges compare in f64")
a = (rng.standard_normal(200) * 3).astype(np.float32)
e = lin32(a.min(), a.max(), 9)
a = np.concatenate([a, e, np.nextafter(e, np.float32(np.inf))])
hist32(a, 9, weights=rng.random(a.size), note="weighted")
hist32(a, 9, density=True, note="density: widths are float32 differences")
hist32(a, 9, rng_=(-2.0, 2.5), weights=rng.random(a.size), density=True, note="weighted density with range")
for bins, r in [(9, None), (5, (-1.3, 2.7))]:
    params = {"range": r, "bins_kind": "count", "bins": bins}
    run("histogram_bin_edges", lambda a, b=bins, r=r: np.histogram_bin_edges(a, bins=b, range=r), [a], params, "f32")
print("float32 histogram cases where float64 binning differs:", f64_differs)
# Estimators of float32 data: NumPy computes ptp, std, mean and the IQR's
# neighbour difference in float32, `rice`/`scott`/`stone` widths are float32
# scalars, and `delta / width` is float32 when both are. Random small
# samples are searched for ones where a float64 computation gives another
# number of bins (the bin count of the float64 copy of the data).
est_differs = 0
for est in ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]:
    kept = 0
    for trial in range(3000):
        n = int(rng.choice([5, 8, 16, 27, 33, 64, 125]))
        scale = 10.0 ** rng.integers(-3, 4)
        a = (rng.standard_normal(n) * scale + rng.normal() * scale).astype(np.float32)
        n32 = len(np.histogram_bin_edges(a, bins=est)) - 1
        n64 = len(np.histogram_bin_edges(a.astype(np.float64), bins=est)) - 1
        if n32 != n64:
            est_differs += 1
            kept += 1
            hist_case(a, est, note=f"f32 {est}: float64 arithmetic gives {n64} bins")
            if kept == 2:
                break
    a = (rng.standard_normal(30) * 2).astype(np.float32)
    hist_case(a, est, note=f"f32 {est}")
    hist_case(a, est, rng_=(-0.7, 1.3), note=f"f32 {est} with range (float32 comparisons)")
hist_case(np.float32([0.69999998807907104, 0.7, 0.8, 1.0, 1.2]), "sqrt", rng_=(0.7, 1.1),
          note="f32 range kept in float32: f32(0.7) is kept")
hist_case(np.float32([3.0, 3.0, 3.0]), "fd", note="f32 constant data: zero width, one bin")
print("float32 estimator cases where float64 arithmetic differs:", est_differs)
# Integer data: an estimated width below 1 becomes 1.
for est in ["auto", "fd", "scott", "sqrt", "stone"]:
    hist_case(np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3] * 3, dtype=np.int64), est, note=f"ints {est}: width at least 1")
hist_case(np.array([1, 5, 9, 200, 3, 3, 7], dtype=np.int32), "auto", note="ints auto: wide")
hist_case(np.array([0, 1, 1, 2, 3, 3], dtype=np.uint8), "sturges", rng_=(0.5, 3.0), note="uint8 sturges with range")


# histogram2d / histogramdd of float32: float32 edges (linspace of the
# float32 min/max) without range, float64 edges with it.
dd_differs = 0


def near_edges32(v, nb):
    e = lin32(v.min(), v.max(), nb)
    return np.concatenate([v, e, np.nextafter(e, np.float32(-np.inf)), np.nextafter(e, np.float32(np.inf))])


for nb in [3, 7, 10]:
    x = near_edges32(floats(20, np.float32, 10.0 ** rng.integers(-2, 3)) + np.float32(rng.normal()), nb)
    y = near_edges32(floats(20, np.float32), nb)
    h32 = np.histogram2d(x, y, bins=nb)[0]
    h64 = np.histogram2d(x.astype(np.float64), y.astype(np.float64), bins=nb)[0]
    dd_differs += int(not np.array_equal(h32, h64))
    run("histogram2d", lambda x, y, nb=nb: np.histogram2d(x, y, bins=nb), [x, y], {"bins": nb},
        "f32 values on and next to float32 edges", multi=True)
    run("histogram2d", lambda x, y, nb=nb: np.histogram2d(x, y, bins=nb, density=True), [x, y],
        {"bins": nb, "density": True}, "f32 density: float32 widths", multi=True)
    run("histogram2d", lambda x, y, nb=nb: np.histogram2d(x, y, bins=nb, range=[[-1, 1], [-2, 2]]), [x, y],
        {"bins": nb, "range": [[-1, 1], [-2, 2]]}, "f32 with range: float64 edges", multi=True)
    s3 = np.stack([x, y, near_edges32(floats(20, np.float32), nb)[: x.size]], axis=1)
    run("histogramdd", lambda s, nb=nb: hdd(s, bins=[nb, nb + 1, 2]), [s3], {"bins": [nb, nb + 1, 2]},
        "f32 sample", multi=True)
run("histogram2d", lambda x, y: np.histogram2d(x, y, bins=3), [np.float32([2.0, 2.0]), np.float32([1.0, 5.0])],
    {"bins": 3}, "f32 constant x widens by 0.5 in float32", multi=True)
run("histogram2d", lambda x, y: np.histogram2d(x, y, bins=3), [np.zeros(0, np.float32), np.zeros(0, np.float32)],
    {"bins": 3}, "f32 empty", multi=True)
print("float32 histogram2d cases where float64 binning differs:", dd_differs)


c.save()
