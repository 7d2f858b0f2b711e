"""Reference data for the array core: basic slicing (s![]), slice assignment,
astype between every pair of dtypes, reshape views/copies, broadcast_to.

Group "core" -> crates/numox/tests/data/core.{npz,json}, checked by
crates/numox/tests/conformance_core.rs.
"""

import itertools
import warnings

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261125)
c = Cases("core")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]


def spec_to_index(spec):
    out = []
    for e in spec:
        k = e["kind"]
        if k == "range":
            out.append(slice(e.get("start"), e.get("stop"), e.get("step")))
        elif k == "index":
            out.append(e["i"])
        elif k == "newaxis":
            out.append(None)
        elif k == "ellipsis":
            out.append(Ellipsis)
    return tuple(out)


def rand_range(n):
    """A random Python slice over an axis of length n, with None parts, negatives and overshoot."""
    def bound():
        r = rng.random()
        if r < 0.25:
            return None
        return int(rng.integers(-n - 3, n + 4))
    step = [None, 1, 2, 3, -1, -2, -3, 5][rng.integers(0, 8)]
    e = {"kind": "range", "start": bound(), "stop": bound()}
    if step is not None:
        e["step"] = step
    return e


def rand_spec(shape):
    spec = []
    axes = list(shape)
    use_ellipsis = rng.random() < 0.2
    i = 0
    while i < len(axes):
        r = rng.random()
        if use_ellipsis and rng.random() < 0.4:
            spec.append({"kind": "ellipsis"})
            use_ellipsis = False
            break
        if r < 0.15:
            spec.append({"kind": "newaxis"})
            continue
        if r < 0.4 and axes[i] > 0:
            spec.append({"kind": "index", "i": int(rng.integers(-axes[i], axes[i]))})
        else:
            spec.append(rand_range(axes[i]))
        i += 1
        if rng.random() < 0.15:
            break  # fewer entries than axes: the rest are full
    return spec


shapes = [(7,), (4, 6), (3, 4, 5), (2, 0, 3), (1, 5, 1), (2, 3, 2, 3)]
for shape in shapes:
    a = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    for _ in range(14):
        spec = rand_spec(shape)
        c.run("slice", lambda a, spec=None: a[spec_to_index(spec)], [a], {"spec": spec})
        # the NumPy result is computed from the spec; params carry the spec only
        c.cases[-1]["params"] = {"spec": spec}

# Error cases: index out of range, step zero, too many indices, two ellipses.
a = np.arange(12).reshape(3, 4)
for spec in ([{"kind": "index", "i": 3}], [{"kind": "index", "i": -4}],
             [{"kind": "range", "start": None, "stop": None, "step": 0}],
             [{"kind": "index", "i": 0}, {"kind": "index", "i": 0}, {"kind": "index", "i": 0}],
             [{"kind": "ellipsis"}, {"kind": "ellipsis"}]):
    c.run("slice", lambda a, spec=None: a[spec_to_index(spec)], [a], {"spec": spec})

# Slice of a slice.
for shape in [(9,), (6, 7), (4, 5, 6)]:
    a = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    for _ in range(6):
        s1 = [rand_range(n) for n in shape]
        inner = a[spec_to_index(s1)]
        s2 = rand_spec(inner.shape)
        c.run("slice2", lambda a, s1=None, s2=None: a[spec_to_index(s1)][spec_to_index(s2)], [a], {"s1": s1, "s2": s2})

# Slice assignment with broadcasting: a[spec] = v.
for shape in [(6,), (4, 5), (3, 4, 2)]:
    for _ in range(5):
        a = np.zeros(shape, dtype=np.int32)
        spec = [rand_range(n) for n in shape]
        target = a[spec_to_index(spec)].shape
        vshape = target[1:] if len(target) > 1 and rng.random() < 0.5 else target
        v = rng.integers(1, 100, size=vshape).astype(np.int32)
        out = a.copy()
        out[spec_to_index(spec)] = v
        c.add("slice_assign", [a, v], {"spec": spec}, [out])

# astype between every pair of dtypes, on values that exercise rounding,
# truncation, wrapping, NaN, inf and the sign of zero.
src_values = {
    "bool": np.array([True, False, True]),
    "int": [0, 1, -1, 127, -128, 255, 256, 300, -300, 32767, 65535, 2**31 - 1, -2**31, 2**32 - 1],
    "int64": [2**63 - 1, -2**63, 2**53 + 1, -(2**53) - 1],
    "uint64": [2**64 - 1, 2**63, 2**53 + 1],
    "float": [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -1.7, 127.9, 128.0, -129.0, 255.9, 256.0, 65535.5,
              2147483647.0, 2147483648.0, -2147483649.0, 4294967296.0, 1e10, -1e10, 1e19, 1e20,
              9.2e18, -9.2e18, 1.8e19, 3.4e38, 1e300, 1e-310, np.nan, np.inf, -np.inf],
}
for src in DTYPES:
    kind = np.dtype(src).kind
    if kind == "b":
        vals = src_values["bool"]
    elif kind in "iu":
        info = np.iinfo(src)
        base = [v for v in src_values["int"] if info.min <= v <= info.max]
        if src == "int64":
            base += src_values["int64"]
        if src == "uint64":
            base += src_values["uint64"]
        vals = np.array(base, dtype=src)
    elif kind == "f":
        with np.errstate(all="ignore"):
            vals = np.array(src_values["float"], dtype=src)
    else:
        f = np.array(src_values["float"], dtype=np.float64)
        with np.errstate(all="ignore"):
            vals = (f + 1j * f[::-1]).astype(src)
    for dst in DTYPES:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            if kind in "fc" and dst == "uint32":
                # NumPy's SIMD float->uint32 loop gives position-dependent results for
                # out-of-range values (undefined behaviour in C); numox follows the
                # per-element scalar path, so the expectation is built element by element.
                out = np.array([np.array([v]).astype(dst)[0] for v in vals], dtype=dst)
                note = "uint32 from float: per-element NumPy results"
            else:
                out = vals.astype(dst)
                note = ""
        c.add("astype", [vals], {"dtype": dst}, [out], note=note)

def make_view(a, kind):
    """The layouts the reshape cases start from: c (as is), t (transpose),
    s (every other row), f (Fortran copy), r (reversed first axis)."""
    if kind == "t":
        return a.T
    if kind == "s":
        return a[::2]
    if kind == "f":
        return np.asfortranarray(a)
    if kind == "r":
        return a[::-1]
    return a


# reshape: whether NumPy returns a view, and the values, for C and F order.
for shape, new, order, view_kind in [
    ((2, 6), (3, 4), "C", "c"), ((2, 6), (3, -1), "C", "t"), ((2, 6), (12,), "F", "t"),
    ((3, 4), (2, 2, 2), "C", "s"), ((4, 6), (3, 4), "C", "s"), ((2, 3, 4), (6, 4), "F", "f"),
    ((5, 4), (12,), "C", "s"), ((6, 4), (3, 2, 2), "C", "s"), ((6, 4), (2, 6), "C", "s"), ((6,), (2, 3), "C", "r"), ((2, 6), (5, -1), "C", "c"),
]:
    base = np.arange(int(np.prod(shape))).reshape(shape)

    def reshape_view(a, new=None, order=None, view=None):
        src = make_view(a, view)
        r = src.reshape(new, order=order)
        return r, np.array(np.shares_memory(r, src))

    c.run("reshape", reshape_view, [base], {"new": list(new), "order": order, "view": view_kind}, multi=True)

# broadcast_to
for shape, target in [((3,), (2, 3)), ((1, 3), (4, 3)), ((2, 1), (2, 5)), ((), (2, 2)),
                      ((3,), (3, 4)), ((0,), (2, 0)), ((2, 1, 3), (2, 4, 3)), ((4,), (4,))]:
    a = np.arange(int(np.prod(shape))).reshape(shape).astype(np.int16)
    c.run("broadcast_to", lambda a, shape=None: np.broadcast_to(a, shape), [a], {"shape": list(target)})

c.save()
