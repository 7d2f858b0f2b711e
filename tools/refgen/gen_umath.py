"""Reference data for numox's elementwise math functions (umath).

Group "umath" -> crates/numox/tests/data/umath.{npz,json}, checked by
crates/numox/tests/conformance_umath.rs.

Conventions the Rust side relies on:
* the op is the NumPy function name; inputs [a] or [a, b]; outputs as NumPy
  returns them (two for frexp, modf, divmod);
* params["views"] (optional) lists, per input, a view applied to the stored
  array before the call: "T" (transpose), "rev" (a[::-1]), "step2"
  (a[..., ::2]); the stored array is the untransformed one;
* round: params["decimals"]; nan_to_num: params "nan", "posinf", "neginf"
  (null = NumPy's default); heaviside's second input is h0.
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261125)
c = Cases("umath")

FLOATS = ["float32", "float64"]
COMPLEX = ["complex64", "complex128"]
SINTS = ["int8", "int16", "int32", "int64"]
UINTS = ["uint8", "uint16", "uint32", "uint64"]
INTS = SINTS + UINTS


# NumPy on the views named by params["views"] (recorded, not passed on).
rec = c.run_views


def float_edges(dt):
    f = np.finfo(dt)
    v = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, f.max, -f.max, f.smallest_subnormal, -f.smallest_subnormal,
         f.tiny, 0.5, -0.5, 1.0, -1.0, 1.5, 2.5, -2.5, 3.7, -7.25, 1e-10, 1e10, 100.0, 0.1, 0.9999, 1.0001,
         np.pi / 2, np.pi, 20.0, -20.0, 88.0, -88.0, 700.0, -740.0, 1e5, 1e22, 3e30]
    with np.errstate(all="ignore"):
        return np.array(v, dtype=dt)


def float_random(dt, lo, hi, shape=(6, 7), log=False):
    if log:
        a = np.exp(rng.uniform(np.log(lo), np.log(hi), size=shape)) * rng.choice([-1, 1], size=shape)
    else:
        a = rng.uniform(lo, hi, size=shape)
    return a.astype(dt)


def int_edges(dt):
    i = np.iinfo(dt)
    if i.min < 0:
        v = [i.min, i.min + 1, -100, -7, -2, -1, 0, 1, 2, 3, 7, 12, 100, i.max - 1, i.max]
    else:
        v = [0, 1, 2, 3, 7, 12, 100, i.max // 2, i.max - 1, i.max]
    return np.array([x for x in v if i.min <= x <= i.max], dtype=dt)


def complex_random(dt, scale=3.0, n=24):
    a = rng.uniform(-scale, scale, n) + 1j * rng.uniform(-scale, scale, n)
    return a.astype(dt)


VIEWS = ["T", "rev", "step2"]

# ---- unary real functions (f32, f64) with their natural random domains ----
UNARY_REAL = {
    "sqrt": (1e-300, 1e300, True), "exp": (-700, 700, False), "exp2": (-1000, 1000, False), "expm1": (-50, 50, False),
    "log": (1e-300, 1e300, True), "log2": (1e-300, 1e300, True), "log10": (1e-300, 1e300, True),
    "log1p": (-0.999, 1e10, False), "sin": (-1e3, 1e3, False), "cos": (-1e3, 1e3, False),
    "tan": (-10, 10, False), "arcsin": (-1, 1, False), "arccos": (-1, 1, False), "arctan": (-100, 100, False),
    "sinh": (-50, 50, False), "cosh": (-50, 50, False), "tanh": (-20, 20, False), "arcsinh": (-1e5, 1e5, False),
    "arccosh": (1, 1e5, False), "arctanh": (-1, 1, False), "reciprocal": (1e-5, 1e5, True),
    "cbrt": (1e-100, 1e100, True), "fabs": (-1e5, 1e5, False), "deg2rad": (-720, 720, False),
    "rad2deg": (-7, 7, False), "radians": (-720, 720, False), "degrees": (-7, 7, False),
    "floor": (-1e3, 1e3, False), "ceil": (-1e3, 1e3, False), "trunc": (-1e3, 1e3, False),
    "rint": (-10, 10, False), "fix": (-10, 10, False), "spacing": (1e-300, 1e300, True),
    "sinc": (-10, 10, False), "sign": (-5, 5, False), "square": (-1e3, 1e3, False), "positive": (-5, 5, False),
    "abs": (-5, 5, False), "isnan": (-1, 1, False), "isinf": (-1, 1, False), "isfinite": (-1, 1, False),
    "isposinf": (-1, 1, False), "isneginf": (-1, 1, False), "signbit": (-1, 1, False),
    "conj": (-5, 5, False), "real": (-5, 5, False), "imag": (-5, 5, False), "angle": (-5, 5, False),
    "frexp": (1e-300, 1e300, True), "modf": (-1e3, 1e3, False),
}
MULTI = {"frexp", "modf", "divmod"}

for name, (lo, hi, log) in UNARY_REAL.items():
    fn = getattr(np, name)
    multi = name in MULTI
    for dt in FLOATS:
        rec(name, fn, [float_edges(dt)], multi=multi)
        if dt == "float32" and log:
            lo32, hi32 = max(lo, 1e-37), min(hi, 1e37)
        else:
            lo32, hi32 = lo, hi
        r = float_random(dt, lo32, hi32, log=log) if log else float_random(dt, lo32, hi32)
        if name in ("sqrt", "log", "log2", "log10", "cbrt", "spacing", "frexp", "reciprocal") and log:
            r = np.abs(r) if name in ("sqrt", "log", "log2", "log10") else r
        rec(name, fn, [r], {"views": [VIEWS[len(c.cases) % 3]]}, multi=multi)
    rec(name, fn, [np.zeros((0, 3), dtype="float64")], multi=multi, note="empty")

# Huge and awkward sin/cos arguments (Payne-Hanek range, near multiples of pi/2).
for name in ("sin", "cos", "tan"):
    for dt in FLOATS:
        big = np.array([1e6, -3e7, 1e15, 1e22, 1e300 if dt == "float64" else 3e38, 2.0**20, 2.0**20 - 0.5,
                        1048575.9, 104857.6, 355.0, 103993.0, 245850922.0, 6381956970095103.0 * 2**797
                        if dt == "float64" else 1e30], dtype=dt)
        near = (np.arange(1, 200) * np.pi / 2).astype(dt)
        if name == "tan":
            # NumPy's tan is ~8 ULP off glibc's (correctly rounded) value at
            # the reduction hard case 6381956970095103 * 2^797; leave it out.
            big = big[:-1]
        rec(name, getattr(np, name), [np.concatenate([big, near])])

# ---- complex unary functions (finite values; see the Rust side for why) ----
COMPLEX_UNARY = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin",
                 "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "reciprocal",
                 "square", "positive", "abs", "sign", "isnan", "isinf", "isfinite", "conj", "real", "imag", "angle"]
for name in COMPLEX_UNARY:
    for dt in COMPLEX:
        rec(name, getattr(np, name), [complex_random(dt)])
# Complex classification and abs/sign/conj with special parts (exact in NumPy and numox).
sp = [0.0, -0.0, 1.0, -2.5, np.inf, -np.inf, np.nan]
cz = np.array([complex(a, b) for a in sp for b in sp], dtype="complex128")
for name in ["isnan", "isinf", "isfinite", "abs", "conj", "real", "imag", "positive"]:
    for dt in COMPLEX:
        rec(name, getattr(np, name), [cz.astype(dt)])

# ---- integer unary ----
for name in ["abs", "sign", "square", "positive", "isnan", "isinf", "isfinite", "invert", "bitwise_count"]:
    for dt in INTS:
        rec(name, getattr(np, name), [int_edges(dt)])
rec("invert", np.invert, [np.array([True, False])])

# ---- rounding with decimals, nan_to_num ----
for dt in FLOATS:
    r = np.concatenate([float_edges(dt), float_random(dt, -1e4, 1e4, shape=(40,)),
                        np.array([1.235, 2.675, -0.125, 0.5, 1.5, 1250.0, 1350.0, 0.285], dtype=dt)])
    for d in [0, 1, 2, 3, -1, -2, 5]:
        rec("round", np.round, [r], {"decimals": d})
    e = np.array([np.nan, np.inf, -np.inf, 1.5, -0.0], dtype=dt)
    rec("nan_to_num", np.nan_to_num, [e], {"nan": 0.0, "posinf": None, "neginf": None})
    rec("nan_to_num", np.nan_to_num, [e], {"nan": -1.0, "posinf": 9.0, "neginf": -9.0})

# ---- binary real functions ----
BINARY_REAL = ["arctan2", "hypot", "copysign", "nextafter", "fmod", "logaddexp", "logaddexp2", "heaviside",
               "float_power", "power", "maximum", "minimum", "fmax", "fmin", "divmod"]
for name in BINARY_REAL:
    fn = getattr(np, name)
    for dt in FLOATS:
        e = float_edges(dt)[::3]
        rec(name, fn, [e[:, None], e[None, :]], multi=name in MULTI)
        a = float_random(dt, -50, 50, shape=(5, 8))
        b = float_random(dt, -3, 3 if name != "power" else 3, shape=(8, 5))
        if name in ("power", "float_power"):
            a = np.abs(a)
        rec(name, fn, [a, b], {"views": [None, "T"]}, multi=name in MULTI)
        rec(name, fn, [a[:2], b[:3]], multi=name in MULTI, note="shape mismatch")
# power/maximum/minimum/fmod/divmod on integers, with wrapping; power's negative exponent error.
for name in ["power", "maximum", "minimum", "fmax", "fmin", "fmod", "divmod", "gcd", "lcm", "left_shift",
             "right_shift", "bitwise_and", "bitwise_or", "bitwise_xor"]:
    fn = getattr(np, name)
    for dt in INTS:
        e = int_edges(dt)
        if name == "power":
            b = np.array([0, 1, 2, 3, 7, 13, 63] if dt not in ("int8", "uint8") else [0, 1, 2, 3, 7], dtype=dt)
            rec(name, fn, [e[:, None], b[None, :]])
            if dt in SINTS:
                rec(name, fn, [e, np.array([-1], dtype=dt)], note="negative exponent")
            continue
        if name in ("left_shift", "right_shift"):
            bits = np.dtype(dt).itemsize * 8
            sh = [0, 1, 3, bits - 1, bits, bits + 5] + ([-1] if dt in SINTS else [])
            rec(name, fn, [e[:, None], np.array(sh, dtype=dt)[None, :]])
            continue
        rec(name, fn, [e[:, None], e[None, :]], multi=name in MULTI)
for name in ["bitwise_and", "bitwise_or", "bitwise_xor"]:
    rec(name, getattr(np, name), [np.array([[True], [False]]), np.array([True, False])])
# complex power (integer and fractional exponents)
for dt in COMPLEX:
    z = complex_random(dt, 2.0, 8)
    rec("power", np.power, [z[:, None], np.array([2, 3, -1, 0.5 + 0.5j], dtype=dt)[None, :]])
# ldexp with int32 exponents
for dt in FLOATS:
    x = float_edges(dt)[::2]
    ex = np.array([0, 1, -1, 10, -10, 200, -200, 1100, -1100, -1075, 2000], dtype=np.int32)
    rec("ldexp", np.ldexp, [x[:, None], ex[None, :]])

c.save()
print(len(c.cases), "cases")
