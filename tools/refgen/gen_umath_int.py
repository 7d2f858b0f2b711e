"""Reference data for integer and bool input to numox's float functions
(NumPy's promotion of integers in its float ufuncs: `np.sqrt(int_array)`).

Group "umath_int" -> crates/numox/tests/data/umath_int.{npz,json}, checked
by crates/numox/tests/suite/conformance_umath_int.rs.

Conventions the Rust side relies on:
* the op is the NumPy function name; inputs [a] or [a, b] of ONE integer or
  bool dtype (ldexp: [a, int32 exponents]); outputs as NumPy returns them;
* NumPy computes bool/int8/uint8 in float16, which numox does not have:
  numox uses float32 for them, so for those dtypes the outputs stored are
  NumPy's results on the input cast to float32 (note "f32 in"), and for the
  other dtypes NumPy's results on the integer input itself (NumPy's own
  promotion: int16/uint16 -> float32, 32/64-bit -> float64);
* params["views"] (optional): per input, "T", "rev" or "step2", applied to
  the stored array before the call (non-contiguous input);
* round: params["decimals"].
"""

import numpy as np

from refgen_common import Cases

c = Cases("umath_int")

SINTS = ["int8", "int16", "int32", "int64"]
UINTS = ["uint8", "uint16", "uint32", "uint64"]
INTS = SINTS + UINTS
ALL = ["bool"] + INTS
HALF = {"bool", "int8", "uint8"}  # NumPy: float16; numox: float32

UNARY = ["sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin",
         "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "deg2rad", "rad2deg",
         "radians", "degrees", "rint", "fabs", "spacing", "signbit", "isposinf", "isneginf", "frexp", "modf"]
MULTI = {"frexp", "modf"}
BINARY = ["arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "heaviside", "float_power"]


def edges(dt):
    """Extremes, negatives, zero and small values of an integer dtype (or bool)."""
    if dt == "bool":
        return np.array([False, True, True, False])
    i = np.iinfo(dt)
    v = [i.min, i.min + 1, -1000, -100, -7, -2, -1, 0, 1, 2, 3, 7, 10, 12, 100, 1000, 2**24 + 1, 2**53 + 1,
         i.max // 3, i.max - 1, i.max]
    return np.array(sorted({x for x in v if i.min <= x <= i.max}), dtype=dt)


def rec(op, fn, inputs, dt, params=None, multi=False, note="", keep=False):
    """Record NumPy's result; for float16 dtypes (unless `keep`) on the float32-cast inputs."""
    if dt not in HALF or keep:
        return c.run_views(op, fn, inputs, params, note=note, multi=multi)

    def to_f32(args):
        return [a.astype(np.float32) if a.dtype == np.dtype(dt) else a for a in args]

    return c.run_views(op, fn, inputs, params, note=(note + " f32 in").strip(), multi=multi, prepare=to_f32)


VIEWS = ["T", "rev", "step2"]

# ---- unary float functions on every integer dtype and bool ----
for name in UNARY:
    fn = getattr(np, name)
    multi = name in MULTI
    for dt in ALL:
        e = edges(dt)
        rec(name, fn, [e], dt, multi=multi)
    # non-contiguous 2-D input (one view per function, cycling) and an empty array
    dt = INTS[len(c.cases) % len(INTS)]
    e = edges(dt)
    m = np.resize(e, (4, 6))
    rec(name, fn, [m], dt, {"views": [VIEWS[len(c.cases) % 3]]}, multi=multi, note="view")
    rec(name, fn, [np.zeros((0, 3), dtype="int32")], "int32", multi=multi, note="empty")

# ---- floor, ceil, trunc, fix, round keep the integer type (NumPy 2) ----
for name in ["floor", "ceil", "trunc", "fix"]:
    for dt in INTS:
        rec(name, getattr(np, name), [edges(dt)], dt, keep=True)
for dt in INTS:
    i = np.iinfo(dt)
    ties = [v for v in [15, 25, 35, 45, 125, 126, 149, 150, 151, 250, 255, 1250, 1350] if v <= i.max]
    e = np.concatenate([edges(dt), np.array(ties, dtype=dt)])
    for d in [0, 2, -1, -2, -3]:
        x = e
        if dt == "uint32" and d < 0:
            # NumPy casts the float64 result back with its SIMD loop, whose
            # value for results beyond uint32's range is undefined and depends
            # on the element's position (0 here, 4 for a short array); numox
            # gives the scalar path's wrapped value. Leave those elements out.
            with np.errstate(all="ignore"):
                r = np.rint(e.astype(np.float64) / 10.0**-d) * 10.0**-d
            x = e[r <= np.iinfo(dt).max]
        rec("round", np.round, [x], dt, {"decimals": d}, keep=True)

# ---- binary float functions, both operands of one integer dtype ----
for name in BINARY:
    fn = getattr(np, name)
    for dt in ALL:
        if name == "float_power" and dt == "bool":
            continue  # numox's float_power takes numbers (NumPy: float64 as for ints)
        e = edges(dt)
        sub = e[:: max(1, len(e) // 9)]
        # float_power is always float64 in NumPy, whatever the integer dtype
        rec(name, fn, [sub[:, None], sub[None, :]], dt, keep=(name == "float_power"))
    m = np.resize(edges("int32"), (3, 5))
    rec(name, fn, [m, m.T.copy()], "int32", {"views": [None, "T"]}, note="view")

# ---- ldexp: integer mantissas with int32 exponents ----
for dt in INTS:
    x = edges(dt)[::3]
    ex = np.array([0, 1, -1, 10, -10, 200, -1100, 1100], dtype=np.int32)
    rec("ldexp", np.ldexp, [x[:, None], ex[None, :]], dt)

c.save()
print(len(c.cases), "cases")
