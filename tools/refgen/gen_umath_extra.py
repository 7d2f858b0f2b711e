"""Reference data for the rest of numox's elementwise functions: complex
maximum/minimum/fmax/fmin, nan_to_num on complex/integer/bool input, sinc on
integers and bool, and the `out=` forms of the multi-output and keyword
functions (frexp, modf, divmod, ldexp, float_power, round, nan_to_num).

Group "umath_extra" -> crates/numox/tests/data/umath_extra.{npz,json}, checked
by crates/numox/tests/suite/conformance_umath_extra.rs.

Conventions the Rust side relies on:
* the op is the NumPy function name; inputs [a] or [a, b];
* params["out"] = true: NumPy was called with freshly made `out=` arrays of
  shape params["out_shape"] (the inputs broadcast to it), and the outputs
  stored are those arrays after the call; numox's `_into` form is called
  the same way;
* NumPy's `round` takes no broadcasting `out=` (numox's `round_into` does), so
  its out cases have the input's shape; `nan_to_num` has no `out=` (numox's
  `nan_to_num_into`/`_inplace` are checked against `nan_to_num`);
* round: params["decimals"]; nan_to_num: params "nan", "posinf", "neginf"
  (null = NumPy's default).
"""

import numpy as np

from refgen_common import Cases

rng = np.random.default_rng(20261127)
c = Cases("umath_extra")

COMPLEX = ["complex64", "complex128"]
FLOATS = ["float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
nan, inf = np.nan, np.inf


def rec(op, fn, inputs, params=None, multi=False, note=""):
    """c.run; with params["out"], NumPy writes into fresh arrays of shape
    params["out_shape"] (`out=`), which are recorded (neither key is passed on)."""
    params = dict(params or {})
    kw = {k: v for k, v in params.items() if k not in ("out", "out_shape")}

    def call():
        if not params.get("out"):
            return fn(*inputs, **kw)
        probe = fn(*inputs, **kw)
        outs = [np.zeros(tuple(params["out_shape"]), dtype=p.dtype) for p in (list(probe) if multi else [probe])]
        fn(*inputs, out=tuple(outs) if multi else outs[0], **kw)
        return outs if multi else outs[0]

    return c.record(op, call, inputs, params, note, multi)


# ---- complex maximum/minimum/fmax/fmin: lexicographic order, NaN parts ----
parts = [0.0, -0.0, 1.0, -1.0, 2.5, inf, -inf, nan]
for dt in COMPLEX:
    z = np.array([complex(r, i) for r in parts for i in parts], dtype=dt)
    sub = z[::5]
    for name in ["maximum", "minimum", "fmax", "fmin"]:
        fn = getattr(np, name)
        rec(name, fn, [sub[:, None], sub[None, :]])
        rnd = (rng.integers(-2, 3, 30) + 1j * rng.integers(-2, 3, 30)).astype(dt)
        rec(name, fn, [rnd, rnd[::-1].copy()], note="ties")
        rec(name, fn, [rnd[:6], rnd[6:12]], {"out": True, "out_shape": [6]}, note="out")

# ---- nan_to_num on complex (each part), integers and bool (unchanged) ----
for dt in COMPLEX:
    z = np.array([complex(r, i) for r in parts for i in parts], dtype=dt)
    rec("nan_to_num", np.nan_to_num, [z], {"nan": 0.0, "posinf": None, "neginf": None})
    rec("nan_to_num", np.nan_to_num, [z], {"nan": -1.5, "posinf": 7.0, "neginf": -7.0})
for dt in INTS:
    i = np.iinfo(dt)
    a = np.array([i.min, 0, 1, i.max], dtype=dt)
    rec("nan_to_num", np.nan_to_num, [a], {"nan": 0.0, "posinf": None, "neginf": None})
rec("nan_to_num", np.nan_to_num, [np.array([True, False])], {"nan": 0.0, "posinf": None, "neginf": None})

# ---- sinc on integers and bool: float64 (NumPy multiplies by the float pi) ----
for dt in INTS:
    i = np.iinfo(dt)
    a = np.array(sorted({v for v in [i.min, -100, -3, -1, 0, 1, 2, 7, 1000, i.max] if i.min <= v <= i.max}),
                 dtype=dt)
    rec("sinc", np.sinc, [a])
rec("sinc", np.sinc, [np.array([True, False])])

# ---- out= forms: inputs broadcast to the output's shape ----
for dt in FLOATS:
    x = np.array([0.0, -0.0, 1.0, -2.5, 8.0, 1e-310, inf, -inf, nan, 3.75e10], dtype=dt)
    rec("frexp", np.frexp, [x], {"out": True, "out_shape": [3, 10]}, multi=True)
    rec("modf", np.modf, [x], {"out": True, "out_shape": [2, 10]}, multi=True)
    y = np.array([2.0, -3.0, 0.5, inf], dtype=dt)
    rec("divmod", np.divmod, [x[:, None], y[None, :]], {"out": True, "out_shape": [10, 4]}, multi=True)
    e = np.array([0, 1, -1, 20, -1080], dtype=np.int32)
    rec("ldexp", np.ldexp, [x[:, None], e[None, :]], {"out": True, "out_shape": [10, 5]})
    rec("float_power", np.float_power, [np.abs(x[:, None]), y[None, :]], {"out": True, "out_shape": [10, 4]})
    for d in [0, 1, 2, -1]:
        rec("round", np.round, [x * 1.2345], {"decimals": d, "out": True, "out_shape": [10]})
for dt in ["int32", "uint8", "int64"]:
    a = np.array([-7, 7, 0, 100, 5] if dt != "uint8" else [7, 0, 100, 255, 5], dtype=dt)
    b = np.array([2, 3, 0], dtype=dt)
    rec("divmod", np.divmod, [a[:, None], b[None, :]], {"out": True, "out_shape": [5, 3]}, multi=True)
# an output whose shape the inputs do not broadcast to is an error
x = np.array([1.0, 2.0, 3.0])
rec("frexp", np.frexp, [x], {"out": True, "out_shape": [2]}, multi=True, note="bad out shape")
rec("divmod", np.divmod, [x, x], {"out": True, "out_shape": [4]}, multi=True, note="bad out shape")

c.save()
print(len(c.cases), "cases")
