"""Reference data for numox's printing (crates/numox/tests/conformance_printing.rs).

Ops:
  print           input: one array; params: options (non-default print options),
                  view (how to view the stored array first), str / repr (NumPy's
                  str(a) and repr(a) under those options).
  array2string    input: one array; params: options, separator, prefix, suffix,
                  expected (np.array2string(a, separator=, prefix=, suffix=)).
  scalar_str      input: a 1-d array; params: expected = [str(x) for x in a],
                  i.e. the str of each element as a 0-d array.
  format_float    input: a 1-d float array; params: fn (positional/scientific),
                  kwargs, expected = [np.format_float_<fn>(x, **kwargs) ...],
                  or error (the exception NumPy raises).

Run from the worktree root:
  /work/main/tools/refgen/.venv/bin/python tools/refgen/gen_printing.py
"""

import numpy as np

from refgen_common import Cases

C = Cases("printing")
rng = np.random.default_rng(20240611)

VIEWS = {
    None: lambda a: a,
    "T": lambda a: a.T,
    "rev0": lambda a: a[::-1],
    "step_last": lambda a: a[..., ::2],
    "rev_step0": lambda a: a[::-2, ...],
    "broadcast": lambda a: np.broadcast_to(a, (2,) + a.shape),
}


def pr(a, note="", view=None, **options):
    """A print case: str and repr of VIEWS[view](a) under `options`."""
    a = np.asarray(a)
    v = VIEWS[view](a)
    with np.printoptions(**options):
        s, r = str(v), repr(v)
    params = {"options": options, "view": view, "str": s, "repr": r}
    C.add("print", [a.copy(order="C")], params, [], None, note)


def a2s(a, note="", separator=" ", prefix="", suffix="", **options):
    a = np.asarray(a)
    with np.printoptions(**options):
        e = np.array2string(a, separator=separator, prefix=prefix, suffix=suffix)
    params = {"options": options, "separator": separator, "prefix": prefix, "suffix": suffix, "expected": e}
    C.add("array2string", [a], params, [], None, note)


def scalar_strs(a, note=""):
    a = np.asarray(a)
    C.add("scalar_str", [a], {"expected": [str(x) for x in a]}, [], None, note)


def ffmt(values, fn, note="", **kwargs):
    a = np.asarray(values)
    f = np.format_float_positional if fn == "positional" else np.format_float_scientific
    params = {"fn": fn, "kwargs": kwargs}
    try:
        params["expected"] = [f(x, **kwargs) for x in a]
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        C.add("format_float", [a], params, None, type(e).__name__, note)
        return
    C.add("format_float", [a], params, [], None, note)


def random_bits_floats(n, dtype):
    """Finite floats with random bit patterns (all magnitudes, subnormals included)."""
    if dtype == np.float64:
        bits = rng.integers(0, 2**64, size=4 * n, dtype=np.uint64).view(np.float64)
    else:
        bits = rng.integers(0, 2**32, size=4 * n, dtype=np.uint64).astype(np.uint32).view(np.float32)
    return bits[np.isfinite(bits)][:n]


def log_uniform(n, lo, hi, dtype=np.float64):
    x = 10.0 ** rng.uniform(lo, hi, size=n) * rng.choice([-1.0, 1.0], size=n)
    return x.astype(dtype)


# ---------------------------------------------------------------------------
# Every dtype, 1-d, default options.
# ---------------------------------------------------------------------------
pr(np.array([True, False, True]), "bool")
pr(np.array([-128, 0, 127], np.int8), "int8 extremes")
pr(np.array([-32768, 5, 32767], np.int16), "int16 extremes")
pr(np.array([-(2**31), 7, 2**31 - 1], np.int32), "int32 extremes")
pr(np.array([np.iinfo(np.int64).min, 0, np.iinfo(np.int64).max], np.int64), "int64 extremes")
pr(np.array([0, 200, 255], np.uint8), "uint8")
pr(np.array([0, 65535], np.uint16), "uint16")
pr(np.array([0, 2**32 - 1], np.uint32), "uint32 max")
pr(np.array([0, 2**64 - 1, 12345], np.uint64), "uint64 max")
pr(np.array([0.1, 1.5, -2.25], np.float32), "float32")
pr(np.array([0.1, 0.1 + 0.2, 1 / 3]), "float64 maxprec")
pr(np.array([1 + 2j, -0.0 - 1j, 1.5 - 0.25j], np.complex64), "complex64")
pr(np.array([1 + 2j, -0.0 - 1j, 1.5 - 0.25j, 1e-3 + 1e3j]), "complex128")
pr(np.array([-1, 10, -100, 1000]), "negative int alignment")
pr(np.array([-1.5, 10.25, -100.0, 1000.125]), "negative float alignment")
pr(np.array([1.0, 2.0, 3.0]), "integral floats")
pr(np.array([0.0, 0.0]), "zeros")
pr(np.array([1e8 - 1, 1.0]), "just below 1e8")
pr(np.array([123456789.0]), "1e8 switch")
pr(np.array([0.1, 0.2, 0.3], np.float32) * np.float32(3), "float32 shortest digits")
pr(np.array([16777217.0, 0.5], np.float32), "float32 large")

# ---------------------------------------------------------------------------
# 0-d arrays: str is the scalar's str, repr goes through the array formatter.
# ---------------------------------------------------------------------------
for v, dt in [
    (True, np.bool_), (False, np.bool_), (3, np.int8), (-5, np.int64), (2**64 - 1, np.uint64),
    (1.5, np.float64), (1e20, np.float64), (1e-5, np.float64), (1e16, np.float64),
    (9.999e15, np.float64), (1e-4, np.float64), (123456789.123, np.float64),
    (np.nan, np.float64), (-np.inf, np.float64), (-0.0, np.float64), (0.1, np.float32),
    (1e7, np.float32), (1e-4, np.float32), (999999.94, np.float32), (3.4e38, np.float32),
    (1 + 2j, np.complex128), (-1j, np.complex128), (complex(np.nan, np.inf), np.complex128),
    (complex(0, -0.0), np.complex128), (complex(-0.0, 1), np.complex128),
    (complex(1.5, 0.1), np.complex64), (complex(1e20, -1e-20), np.complex128),
    (complex(0, np.nan), np.complex128), (complex(-np.inf, -np.inf), np.complex64),
    (5e-324, np.float64), (1.7976931348623157e308, np.float64),
]:
    pr(np.array(v, dtype=dt), "0-d")

# ---------------------------------------------------------------------------
# Empty and zero-size axes.
# ---------------------------------------------------------------------------
pr(np.zeros(0), "empty float64")
pr(np.zeros(0, np.int8), "empty int8")
pr(np.zeros(0, np.bool_), "empty bool")
pr(np.zeros(0, np.int64), "empty int64")
pr(np.zeros((0, 3)), "(0, 3)")
pr(np.zeros((3, 0), np.int8), "(3, 0)")
pr(np.zeros((2, 0, 4), np.complex64), "(2, 0, 4)")
pr(np.zeros((1, 0), np.uint64), "(1, 0)")

# ---------------------------------------------------------------------------
# 1-d .. 4-d.
# ---------------------------------------------------------------------------
pr(np.arange(24).reshape(2, 3, 4), "3-d int")
pr((np.arange(24).reshape(2, 2, 2, 3) / 7), "4-d float")
pr(np.arange(12).reshape(3, 4) % 3 == 0, "2-d bool")
pr(np.arange(6, dtype=np.float32).reshape(1, 2, 3, 1) - 2.5, "4-d float32 with unit axes")
pr((np.arange(8) - 4).reshape(2, 2, 2).astype(np.int16), "3-d int16")
pr(np.arange(6).reshape(2, 3) * (1 + 1j), "2-d complex")

# ---------------------------------------------------------------------------
# Summarisation.
# ---------------------------------------------------------------------------
pr(np.arange(1001), "1001 ints")
pr(np.arange(1000), "exactly 1000: no summary")
pr(np.arange(2000.0) / 3, "2000 floats")
pr(np.arange(2000).reshape(40, 50) * 1.5, "(40, 50)")
pr(np.arange(1331).reshape(11, 11, 11), "(11, 11, 11)")
pr(np.arange(1200).reshape(3, 400), "(3, 400): only axis 1 summarised")
pr(np.arange(1001) % 2 == 0, "1001 bools")
pr(np.arange(2000).reshape(10, 10, 10, 2).astype(np.uint8), "4-d uint8 summarised")
pr(np.concatenate([np.full(500, 1e-6), np.full(501, 1e6)]), "summary format uses only shown items")
pr(np.concatenate([[1e10], np.ones(1000), [2.0]]), "hidden middle does not widen")
pr(np.arange(1100, dtype=np.complex64) * (1 - 2j), "complex summarised")

# ---------------------------------------------------------------------------
# Wrapping.
# ---------------------------------------------------------------------------
pr(np.arange(30.0) * 1.1, "wrapped floats")
pr(rng.standard_normal((5, 12)), "wrapped 2-d random")
pr(rng.integers(-(10**12), 10**12, size=(3, 20)), "wrapped big ints")
pr(rng.standard_normal(10) + 1j * rng.standard_normal(10), "wrapped complex")
pr(rng.standard_normal((2, 3, 15)).astype(np.float32), "wrapped 3-d float32")
pr(np.arange(40), "wrapped ints")
pr(np.array([True, False] * 20), "wrapped bools")

# ---------------------------------------------------------------------------
# Scientific switch and magnitudes.
# ---------------------------------------------------------------------------
pr(np.array([1e-5, 1.0, 1e5]), "mixed magnitudes")
pr(np.array([1e8, 1.0]), "max >= 1e8")
pr(np.array([1e7, 1.0]), "ratio > 1e3")
pr(np.array([0.0001, 0.001]), "min == 1e-4: positional")
pr(np.array([0.99e-4, 0.5e-4]), "min < 1e-4")
pr(np.array([1.0, 1000.0]), "ratio == 1e3: positional")
pr(np.array([1.0, 1000.5]), "ratio > 1e3")
pr(np.array([1e300, -1e-300]), "huge range, 3-digit exponents")
pr(np.array([1e-320, 5e-324]), "subnormals")
pr(np.array([1e6], np.float32), "float32 1e6 cut-off")
pr(np.array([999999.94], np.float32), "float32 below 1e6")
pr(np.array([1e-4], np.float32), "float32 1e-4 compared in float32")
pr(np.array([np.float32(1.0000001), np.float32(1000.0001)], np.float32), "float32 ratio rounds to 1000")
pr(np.array([1e-10, 1.0, 2.0]), "tiny with ones")
pr(np.array([1.23456789e-7, 9.87654321e12]), "long mantissas in sci")
pr(np.array([1e16, 1.0]), "1e16")
pr(np.array([5e-9, 1.0]), "below precision")
pr(np.array([0.5, 0.25, 0.125, 0.0625]), "exact binary fractions")
pr(np.array([2.0 / 3, 1 / 7, 0.999999999]), "rounding at precision")
pr(np.array([9.9999999999, 1.0]), "rounding carries into integer part")
pr(log_uniform(8, -12, 12), "random magnitudes")
pr(log_uniform(6, -3, 3, np.float32), "random float32 magnitudes")

# ---------------------------------------------------------------------------
# NaN, inf, -0.0.
# ---------------------------------------------------------------------------
pr(np.array([np.nan, 1.0, -np.inf]), "nan and -inf")
pr(np.array([np.nan, np.nan]), "all nan")
pr(np.array([np.inf]), "inf only")
pr(np.array([-np.inf, np.nan]), "-inf and nan only")
pr(np.array([-0.0, 0.0]), "negative zero")
pr(np.array([-0.0]), "negative zero alone")
pr(np.array([np.nan, 1e10]), "nan with sci")
pr(np.array([np.nan, 1.5, 100.25]), "nan with padding")
pr(np.array([np.inf, -np.inf, np.nan], np.float32), "float32 specials")
pr(np.array([complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, -np.nan)]), "complex specials")
pr(np.array([complex(0, -0.0), complex(-0.0, 0)], np.complex64), "complex signed zeros")
pr(np.array([complex(np.nan, np.nan)]), "complex nan only")

# ---------------------------------------------------------------------------
# Views: same text as the copy.
# ---------------------------------------------------------------------------
base2 = np.arange(12).reshape(3, 4) * 1.25
pr(base2, "transposed", view="T")
pr(base2, "reversed rows", view="rev0")
pr(base2, "stepped columns", view="step_last")
pr(np.arange(60).reshape(5, 3, 4), "reversed stepped 3-d", view="rev_step0")
pr(np.arange(60, dtype=np.int16).reshape(3, 4, 5), "3-d transposed", view="T")
pr(np.array([1.5, -2.0, 3.0], np.float32), "broadcast view", view="broadcast")
pr(np.arange(2400).reshape(60, 40), "summarised transposed", view="T")
pr(np.arange(20) + 1j, "stepped complex", view="step_last")

# ---------------------------------------------------------------------------
# Options.
# ---------------------------------------------------------------------------
r5 = rng.standard_normal(5) * 10
pr(r5, "precision 3", precision=3)
pr(r5, "precision 0", precision=0)
pr(r5, "precision 12", precision=12)
pr(np.array([1e-10, 1.0, 2.0]), "suppress", suppress=True)
pr(np.array([1e10, 1.0]), "suppress does not stop max >= 1e8", suppress=True)
pr(np.array([1e-6, 4e-7, 2.0, 3.0]), "suppress precision 6", suppress=True, precision=6)
pr(np.arange(25).reshape(5, 5), "threshold 10 edgeitems 2", threshold=10, edgeitems=2)
pr(np.array(1.5), "0-d over threshold", threshold=0)
pr(np.array([1.5]), "1 element over threshold", threshold=0)
pr(np.arange(10), "edgeitems 0", threshold=5, edgeitems=0)
pr(np.arange(40).reshape(8, 5), "edgeitems 0 2-d", threshold=5, edgeitems=0)
pr(np.arange(100), "edgeitems 1", threshold=5, edgeitems=1)
pr(np.arange(20) * 1.5, "linewidth 20", linewidth=20)
pr(np.arange(12).reshape(3, 4) * 100, "linewidth 10", linewidth=10)
pr(np.arange(6) + 1j, "linewidth 30 complex", linewidth=30)
pr(np.arange(50, dtype=np.int8), "narrow int8 repr wraps dtype", linewidth=40)
pr(np.arange(2000, dtype=np.float32), "summary with dtype at line end", linewidth=60)
pr(np.arange(5), "linewidth 1", linewidth=1)
mixed = np.array([0.5, 1.25, 3.0, 1 / 3])
for fm in ["fixed", "unique", "maxprec", "maxprec_equal"]:
    pr(mixed, "floatmode " + fm, floatmode=fm)
    pr(np.array([1e-5, 1.0, 123.456]), "floatmode %s sci" % fm, floatmode=fm)
    pr(np.array([1.5, 2.0], np.float32), "floatmode %s float32" % fm, floatmode=fm, precision=4)
    pr(np.array([1 + 0.5j, 0.25 - 3j]), "floatmode %s complex" % fm, floatmode=fm)
pr(np.array([1.0, -2.5, 3.0]), "sign +", sign="+")
pr(np.array([1.0, 2.5, 3.0]), "sign space", sign=" ")
pr(np.array([1.0, -2.5]), "sign space with negative", sign=" ")
pr(np.array([1, 20, 300]), "int sign +", sign="+")
pr(np.array([1, 20, 300]), "int sign space", sign=" ")
pr(np.array([-1, 20]), "int sign space with negative", sign=" ")
pr(np.array([np.nan, np.inf, 1.0]), "sign + with specials", sign="+")
pr(np.array([np.nan]), "sign space nan only", sign=" ")
pr(np.array([1e-5, 2.0]), "sign + sci", sign="+")
pr(np.array([1 + 1j, -2 - 2j]), "complex sign +", sign="+")
pr(np.array([1 + 1j, 2 - 2j]), "complex sign space", sign=" ")
pr(np.array([complex(np.nan, 1), 2 - 2j]), "complex sign space with nan", sign=" ")
pr(np.array([np.nan, 0.5, 1 / 3]), "fixed with nan", floatmode="fixed", precision=4)
pr(np.array([1e-7, 1 / 3, 12345.678]), "unique sci", floatmode="unique")
pr(np.array([1e-7, 1 / 3, 12345.678], np.float32), "unique sci float32", floatmode="unique")
pr(np.array([-np.inf, 1e-9]), "sci with -inf", sign=" ")
pr(np.array([np.nan, -np.inf, 1.0]), "nanstr infstr", nanstr="NaN", infstr="Infinity")
pr(np.array([np.nan, 1.0]), "long nanstr", nanstr="not-a-number")
pr(np.array([0.1, 0.2], np.float32), "float32 precision 3 unique", floatmode="unique", precision=3)
pr(np.array([0.1, 1 / 3]), "fixed beyond the unique digits", floatmode="fixed", precision=20)
pr(np.array([0.1, 1 / 3], np.float32), "float32 fixed beyond the unique digits", floatmode="fixed", precision=12)
pr(np.array([0.1, 2.0]), "maxprec 20 stops at unique digits", precision=20)
pr(np.array([1e-30, 1.0]), "fixed sci", floatmode="fixed", precision=3)
pr(rng.standard_normal((4, 30)), "linewidth 200", linewidth=200)
pr(np.arange(30), "huge edgeitems", threshold=5, edgeitems=1000)

# ---------------------------------------------------------------------------
# array2string with separators, prefixes and suffixes.
# ---------------------------------------------------------------------------
a2s(np.array([[1, 2], [3, 4]]), "separator ,", separator=",")
a2s(np.arange(10), "prefix", separator=", ", prefix="x = ", linewidth=20)
a2s(np.arange(30) * 0.5, "suffix", suffix=")))", linewidth=30)
a2s(np.array(1e20), "0-d goes through the array formatter")
a2s(np.zeros(0), "empty")
a2s(np.arange(8).reshape(2, 2, 2), "3-d separator ;", separator="; ")

# ---------------------------------------------------------------------------
# Scalar str of many values.
# ---------------------------------------------------------------------------
scalar_strs(random_bits_floats(300, np.float64), "random float64 bits")
scalar_strs(random_bits_floats(300, np.float32), "random float32 bits")
scalar_strs(log_uniform(200, -6, 18), "float64 around the positional bounds")
scalar_strs(log_uniform(200, -6, 8, np.float32), "float32 around the positional bounds")
scalar_strs(np.array([1e-4, 9.9999e-5, 1e16, 9.99999e15, 0.0, -0.0, np.nan, np.inf, -np.inf]), "float64 bounds")
scalar_strs(np.array([1e-4, 9.9999e-5, 1e6, 999999.9, 0.0, -0.0, np.nan, np.inf], np.float32), "float32 bounds")
cz = rng.standard_normal(40) * 10.0 ** rng.integers(-8, 20, 40) + 1j * rng.standard_normal(40)
scalar_strs(np.concatenate([cz, [0j, -0j, complex(0, -0.0), 1j, complex(np.nan, 0), complex(0, np.inf)]]), "complex128")
scalar_strs(cz.astype(np.complex64), "complex64")
scalar_strs(rng.integers(-(2**63), 2**63 - 1, 20), "int64")
scalar_strs(np.array([0, 1, 2**64 - 1], np.uint64), "uint64")
scalar_strs(np.array([True, False]), "bool")

# ---------------------------------------------------------------------------
# format_float_positional / format_float_scientific.
# ---------------------------------------------------------------------------
v64 = np.concatenate([random_bits_floats(60, np.float64), log_uniform(60, -10, 20), [0.5, 1.5, 2.5, 0.125, 1e16, 0.0, -0.0, np.nan, -np.inf]])
v32 = np.concatenate([random_bits_floats(60, np.float32), log_uniform(60, -10, 20, np.float32), np.array([0.5, 1.5, 2.5, 0.1, np.inf], np.float32)])
for vals, tag in [(v64, "float64"), (v32, "float32")]:
    ffmt(vals, "positional", tag + " unique")
    ffmt(vals, "scientific", tag + " unique")
    ffmt(vals, "positional", tag + " precision 3", precision=3)
    ffmt(vals, "positional", tag + " exact 5", precision=5, unique=False)
    ffmt(vals, "positional", tag + " 4 significant", precision=4, fractional=False)
    ffmt(vals, "positional", tag + " min_digits", precision=10, min_digits=6, trim="-")
    ffmt(vals, "positional", tag + " padded", pad_left=6, pad_right=4, trim=".")
    ffmt(vals, "positional", tag + " trim 0 sign", trim="0", sign=True)
    ffmt(vals, "scientific", tag + " precision 2", precision=2)
    ffmt(vals, "scientific", tag + " exact 12 trim -", precision=12, unique=False, trim="-")
    ffmt(vals, "scientific", tag + " exp_digits 4 pad", exp_digits=4, pad_left=3, sign=True)
    ffmt(vals, "scientific", tag + " min_digits", min_digits=5, trim="0")
extremes = np.array([np.finfo(np.float64).max, 5e-324, np.finfo(np.float64).tiny, 1e300, 1e-300])
ffmt(extremes, "positional", "exact expansion of extremes", precision=1100, unique=False)
ffmt(extremes, "positional", "many min_digits", precision=400, min_digits=350)
ffmt(extremes, "scientific", "many min_digits scientific", min_digits=60)
ffmt(np.array([np.finfo(np.float32).max, np.float32(1e-45), np.finfo(np.float32).tiny], np.float32), "positional", "float32 exact extremes", precision=160, unique=False)
ffmt(np.array([1.0]), "positional", "unique=False needs precision", unique=False)
ffmt(np.array([1.0]), "scientific", "min_digits > precision", precision=2, min_digits=3)
ffmt(np.array([1.0]), "positional", "fractional=False with precision 0", precision=0, fractional=False)

C.save()
