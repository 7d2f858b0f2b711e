"""Reference data for binary float functions whose two operands have
different real element types (numox's `FloatPair` promotion).

Group "umath_mixed" -> crates/numox/tests/data/umath_mixed.{npz,json},
checked by crates/numox/tests/suite/conformance_umath_mixed.rs.

* op "promote": inputs [a, b] of two different real dtypes; outputs
  [a.astype(F), b.astype(F)] where F is the dtype of `np.arctan2(a, b)`
  (NumPy's ufunc loop choice), with float16 read as float32 (numox has no
  float16 and computes those pairs in float32). One case per ordered pair.
  params["numpy_dtype"] records NumPy's own result dtype.
* ops "arctan2", "hypot", "copysign", "nextafter", "logaddexp",
  "logaddexp2", "heaviside", "float_power": NumPy's result on mixed inputs
  (pairs whose NumPy result is float32 or float64, so values are comparable).
"""

import numpy as np

from refgen_common import Cases

c = Cases("umath_mixed")
TYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32",
         "float64"]


def values(dt):
    if dt == "bool":
        return np.array([True, False, True, True, False], dtype=dt)
    if dt.startswith("float"):
        return np.array([0.0, -0.0, 1.5, -2.25, 3.0e7 + 0.5], dtype=dt)
    i = np.iinfo(dt)
    # the extremes: 64-bit ones round when converted to a float
    return np.array([i.min, 0, 1, i.max, i.max - 1 if i.max > 2**53 else 3], dtype=dt)


for a in TYPES:
    for b in TYPES:
        if a == b:
            continue
        x, y = values(a), values(b)
        r = np.arctan2(x, y)
        f = np.float32 if r.dtype == np.float16 else r.dtype
        c.add("promote", [x, y], {"numpy_dtype": str(r.dtype)}, [x.astype(f), y.astype(f)])

def operand(dt):
    if dt.startswith("float"):
        return np.array([0.0, -0.0, 0.5, -1.5, 2.0, np.inf, np.nan], dtype=dt)
    if dt in ("uint64", "bool"):
        return values(dt)
    return np.array([-3, -1, 0, 1, 2, 5, 7] if dt.startswith("int") else [0, 1, 2, 3, 5, 7, 9], dtype=dt)


PAIRS = [("int32", "float64"), ("float64", "int64"), ("int16", "float32"), ("float32", "uint16"),
         ("uint64", "float32"), ("bool", "float64")]
with np.errstate(all="ignore"):
    for a, b in PAIRS:
        x, y = operand(a), operand(b)
        for op in ["arctan2", "hypot", "copysign", "nextafter", "logaddexp", "logaddexp2", "heaviside"]:
            r = getattr(np, op)(x[:, None], y[None, :])
            c.add(op, [x[:, None], y[None, :]], {}, [r])
    for a, b in [("int32", "float32"), ("uint8", "float64"), ("bool", "int16")]:
        x = values(a) if a == "bool" else np.array([0, 1, 2, 3, 10], dtype=a)
        y = np.array([0, 1, 2, -1, 3], dtype=b) if b == "int16" else np.array([0.5, -1.0, 2.0, 0.0, 3.0], dtype=b)
        c.add("float_power", [x, y], {}, [np.float_power(x, y)])

c.save()
