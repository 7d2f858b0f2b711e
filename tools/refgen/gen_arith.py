"""Reference data for elementwise arithmetic, comparison and logical functions.

Group "arith" -> crates/numox/tests/data/arith.{npz,json}, checked by
crates/numox/tests/conformance_arith.rs.

Conventions the Rust side relies on:
* binary ops take inputs [a, b] and produce one output; most cases use
  a[:, None] and b[None, :] over a set of edge values, so every pair of
  values meets (and broadcasting is exercised);
* params["views"] (optional) lists, per input, a transformation applied to
  the stored array before the call: "T" (transpose), "rev" (a[::-1]),
  "step2" (a[..., ::2]); the stored array is the un-transformed one;
* op "div" is numox's `/` operator: NumPy's `//` for integers (numox keeps
  the element type) and `/` for floats and complex numbers.
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261126)
c = Cases("arith")

INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float32", "float64"]
COMPLEX = ["complex64", "complex128"]
NUMERIC = INTS + FLOATS + COMPLEX
ALL = ["bool"] + NUMERIC


def edge_values(dt):
    """Values that exercise wrapping, signs, zero divisors, NaN, inf and -0.0."""
    dt = np.dtype(dt)
    if dt.kind == "b":
        return np.array([False, True])
    if dt.kind == "i":
        info = np.iinfo(dt)
        return np.array([info.min, info.min + 1, -7, -2, -1, 0, 1, 2, 3, 7, info.max - 1, info.max], dtype=dt)
    if dt.kind == "u":
        info = np.iinfo(dt)
        return np.array([0, 1, 2, 3, 7, info.max // 2, info.max // 2 + 1, info.max - 1, info.max], dtype=dt)
    if dt.kind == "f":
        big = np.finfo(dt).max
        tiny = np.finfo(dt).smallest_subnormal
        return np.array([np.nan, -np.inf, -big, -7.5, -2.0, -1.0, -0.0, 0.0, tiny, 0.1, 0.5, 1.0, 3.0, 7.25,
                         big, np.inf], dtype=dt)
    re = [np.nan, -np.inf, -2.5, -0.0, 0.0, 1.0, 3.0, np.inf]
    im = [-1.5, 0.0, 2.0]
    vals = [complex(r, i) for r in re for i in im] + [complex(0.5, np.nan), complex(1e30, -1e30)]
    return np.array(vals, dtype=dt)


def pairs(dt):
    v = edge_values(dt)
    return v[:, None], v[None, :]


def numpy_div(a, b):
    if a.dtype.kind in "iub":
        return np.floor_divide(a, b)
    return np.divide(a, b)


BINARY = {
    "add": np.add,
    "subtract": np.subtract,
    "multiply": np.multiply,
    "div": numpy_div,
    "remainder": np.remainder,
    "floor_divide": np.floor_divide,
    "true_divide": np.true_divide,
    "equal": np.equal,
    "not_equal": np.not_equal,
    "less": np.less,
    "less_equal": np.less_equal,
    "greater": np.greater,
    "greater_equal": np.greater_equal,
    "logical_and": np.logical_and,
    "logical_or": np.logical_or,
    "logical_xor": np.logical_xor,
    "bitwise_and": np.bitwise_and,
    "bitwise_or": np.bitwise_or,
    "bitwise_xor": np.bitwise_xor,
}
UNARY = {"negative": np.negative, "logical_not": np.logical_not, "invert": np.invert}


def binary(op, a, b, views=None, note=""):
    params = {} if views is None else {"views": views}
    return c.run_views(op, BINARY[op], [a, b], params, note=note)


# 1. Every operator across dtypes, every pair of edge values.
for dt in NUMERIC:
    a, b = pairs(dt)
    for op in ["add", "subtract", "multiply", "div"]:
        binary(op, a, b, note=dt)
    if dt not in COMPLEX:
        for op in ["remainder", "floor_divide"]:
            binary(op, a, b, note=dt)
    c.add("negative", [edge_values(dt)], {}, [np.negative(edge_values(dt))], None, dt)
for dt in ["int8", "uint16", "int64", "bool", "float32"]:
    a, b = pairs(dt)
    binary("true_divide", a, b, note=dt)

# 2. Comparisons across every dtype (NaN, complex lexicographic order).
for dt in ALL:
    a, b = pairs(dt)
    for op in ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]:
        binary(op, a, b, note=dt)

# 3. Logical functions (truthiness of any dtype, mixed dtypes).
for dt in ["bool", "int8", "float64", "complex128", "uint32"]:
    a, b = pairs(dt)
    for op in ["logical_and", "logical_or", "logical_xor"]:
        binary(op, a, b, note=dt)
    c.add("logical_not", [edge_values(dt)], {}, [np.logical_not(edge_values(dt))], None, dt)
x = np.array([0.0, -0.0, np.nan, 2.0])[:, None]
y = np.array([0, 1, -3], dtype=np.int16)[None, :]
c.add("logical_and_mixed", [x, y], {}, [np.logical_and(x, y)], None, "float64 with int16")
c.add("logical_xor_mixed", [x, y], {}, [np.logical_xor(x, y)], None, "float64 with int16")

# 4. Bitwise operators on bool and integers.
for dt in ["bool", "int8", "uint8", "int32", "uint64"]:
    a, b = pairs(dt)
    for op in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
        binary(op, a, b, note=dt)
    c.add("invert", [edge_values(dt)], {}, [np.invert(edge_values(dt))], None, dt)

# 5. Broadcasting shapes, incl. 0-d, empty and zero-size axes, and errors.
shape_pairs = [((3, 4), (4,)), ((3, 1), (1, 4)), ((2, 1, 3), (4, 1)), ((), (3,)), ((2, 3), ()), ((), ()),
               ((0, 3), (3,)), ((0,), (1,)), ((2, 0), (2, 1)), ((1, 0, 3), (4, 1, 1)), ((5, 1, 1, 2), (3, 1, 2)),
               ((3,), (4,)), ((2, 3), (3, 2)), ((0,), (2,)), ((2, 3, 4), (3, 1, 5))]
for sa, sb in shape_pairs:
    a = rng.standard_normal(sa)
    b = rng.standard_normal(sb)
    binary("add", a, b, note="shapes %s %s" % (sa, sb))
    binary("multiply", a.astype(np.int32) if a.ndim else np.array(int(a * 10), dtype=np.int32),
           b.astype(np.int32) if b.ndim else np.array(int(b * 10), dtype=np.int32),
           note="int32 shapes %s %s" % (sa, sb))
    binary("less", a, b, note="shapes %s %s" % (sa, sb))

# 6. Non-contiguous operands (transposed, reversed, strided).
a = rng.standard_normal((4, 6))
b = rng.standard_normal((6, 4))
binary("add", a, b, ["T", None], "transposed lhs")
binary("subtract", a, a, ["rev", None], "reversed rows")
binary("multiply", a, rng.standard_normal((4, 3)), ["step2", None], "every other column")
binary("div", a, b, [None, "T"], "transposed rhs")
binary("greater", a, b[:, :1], ["T", None], "transposed vs column")
ai = rng.integers(-50, 50, (5, 8)).astype(np.int16)
bi = rng.integers(-9, 9, (8, 5)).astype(np.int16)
binary("remainder", ai, bi, [None, "T"], "int16 transposed divisor")
binary("div", ai, bi, ["rev", "T"], "int16 floor division, reversed and transposed")
big = ((np.arange(300 * 301) * 7) % 101).astype(np.int16).reshape(300, 301)
binary("add", big, big[:1, :].T.copy(), ["T", None], "threaded path: 301x300 transposed + column")

# 7. Scalars on either side (the scalar has the array's dtype).
scalar_cases = [("add", "float64", 2.5), ("subtract", "float64", np.nan), ("multiply", "float32", -0.0),
                ("div", "float64", 0.0), ("remainder", "float64", -2.0), ("add", "int8", 100),
                ("subtract", "uint8", 3), ("multiply", "int32", -3), ("div", "int16", -3),
                ("remainder", "int64", 5), ("div", "uint32", 0), ("add", "complex128", 1.5),
                ("floor_divide", "float32", 0.5)]
for op, dt, s in scalar_cases:
    v = edge_values(dt)
    st = np.dtype(dt).type(s)
    for side in ["right", "left"]:
        with np.errstate(all="ignore"):
            out = BINARY[op](v, st) if side == "right" else BINARY[op](st, v)
        c.add(op + "_scalar", [v], {"s": s, "side": side}, [out], None, dt)
for op in ["less", "greater_equal", "equal", "not_equal"]:
    v = edge_values("float64")
    c.add(op + "_scalar", [v], {"s": 0.5, "side": "right"}, [BINARY[op](v, 0.5)], None, "float64")

# 8. Compound assignment (right side broadcast) and out= forms.
for op, np_op in [("iadd", np.add), ("isub", np.subtract), ("imul", np.multiply), ("idiv", numpy_div),
                  ("irem", np.remainder)]:
    for dt, sa, sb in [("float64", (3, 4), (4,)), ("int8", (2, 5), (2, 1)), ("uint16", (4,), ())]:
        a = (rng.standard_normal(sa) * 50).astype(dt)
        b = (rng.standard_normal(sb) * 5).astype(dt)
        if dt != "float64":
            b = np.where(b == 0, np.ones_like(b), b)
        out = a.copy()
        with np.errstate(all="ignore"):
            out[...] = np_op(out, b)
        c.add(op, [a, b], {}, [out], None, dt)
    c.add(op, [np.zeros(3), np.zeros((2, 3))], {}, None, "ValueError", "the left side cannot grow")
for op in ["add", "subtract", "multiply", "div", "remainder", "floor_divide"]:
    a = rng.standard_normal((3, 1)) * 10
    b = rng.standard_normal((4,)) * 3
    out_shape = [2, 3, 4]
    out = np.zeros(out_shape)
    with np.errstate(all="ignore"):
        BINARY[op](a, b, out=out) if op != "div" else np.divide(a, b, out=out)
    c.add(op + "_into", [a, b], {"out_shape": out_shape}, [out], None, "output larger than the broadcast shape")
    c.add(op + "_into", [a, b], {"out_shape": [4]}, None, "ValueError", "output too small")

# 9. isclose / allclose / array_equal / array_equiv.
xa = np.array([1.0, 1.0 + 1e-9, 1e10, 1e-9, 0.0, np.inf, -np.inf, np.inf, np.nan, np.nan, 1.0, -0.0, 100.0])
xb = np.array([1.0, 1.0, 1.00001e10, 0.0, 1e-9, np.inf, np.inf, 1.0, np.nan, 1.0, 1.1, 0.0, 100.001])
for rtol, atol, en in [(1e-5, 1e-8, False), (1e-5, 1e-8, True), (0.0, 0.0, False), (1e-3, 0.0, False),
                       (0.0, 1e-8, True), (0.2, 0.0, False)]:
    p = {"rtol": rtol, "atol": atol, "equal_nan": en}
    c.add("isclose", [xa, xb], p, [np.isclose(xa, xb, **p)], None, "float64")
    c.add("allclose", [xa[:5], xb[:5]], p, [np.array(np.allclose(xa[:5], xb[:5], **p))], None, "float64")
p = {"rtol": 1e-5, "atol": 1e-8, "equal_nan": False}
x32, y32 = xa.astype(np.float32), (xb * (1 + 3e-8)).astype(np.float32)
c.add("isclose", [x32, y32], p, [np.isclose(x32, y32, **p)], None, "float32 in single precision")
xi = np.array([0, 1, 100000, -5, 2**40], dtype=np.int64)
yi = np.array([0, 2, 100001, -5, 2**40 + 1], dtype=np.int64)
c.add("isclose", [xi, yi], p, [np.isclose(xi, yi, **p)], None, "int64 compared as float64")
xc = np.array([1 + 1j, 1e10 + 1j, np.nan + 0j, complex(np.inf, 0), 1j])
yc = np.array([1 + 1.000001j, 1e10 + 2j, np.nan + 0j, complex(np.inf, 0), 1.0001j])
for en in [False, True]:
    p = {"rtol": 1e-5, "atol": 1e-8, "equal_nan": en}
    c.add("isclose", [xc, yc], p, [np.isclose(xc, yc, **p)], None, "complex128")
xb2 = rng.standard_normal((3, 1))
c.add("isclose", [xb2, xb2[:, 0] + 1e-9], {"rtol": 1e-5, "atol": 1e-8, "equal_nan": False},
      [np.isclose(xb2, xb2[:, 0] + 1e-9)], None, "broadcast (3,1) vs (3,)")
c.add("isclose", [np.ones(3), np.ones(4)], {"rtol": 1e-5, "atol": 1e-8, "equal_nan": False}, None, "ValueError")
c.add("allclose", [np.ones(3), np.ones(4)], {"rtol": 1e-5, "atol": 1e-8, "equal_nan": False}, None, "ValueError")
eq_cases = [
    (np.array([1.0, np.nan]), np.array([1.0, np.nan])),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0])),
    (np.array([1.0, 2.0]), np.array([[1.0, 2.0]])),
    (np.array([[1, 2], [1, 2]]), np.array([1, 2])),
    (np.array([1, 2]), np.array([1, 2, 3])),
    (np.array([complex(1, np.nan)]), np.array([complex(2, np.nan)])),
    (np.zeros((0, 3)), np.zeros((0, 3))),
    (np.array([-0.0]), np.array([0.0])),
]
for x, y in eq_cases:
    for en in [False, True]:
        c.add("array_equal", [x, y], {"equal_nan": en}, [np.array(np.array_equal(x, y, equal_nan=en))], None)
    c.add("array_equiv", [x, y], {}, [np.array(np.array_equiv(x, y))], None)

c.save()
