"""Reference data for numox::fft from numpy.fft (NumPy 2.x).

Writes crates/numox/tests/data/fft.{npz,json}; the Rust side is
crates/numox/tests/conformance_fft.rs.

Parameters of each case are the NumPy keyword arguments (n, axis, norm, s,
axes, d) plus two of our own:
  "view": {"slices": [[start, stop, step], ...], "transpose": bool} -- the
          transform is applied to that view of the stored input (strided,
          reversed, transposed layouts);
  "gen":  {"n": N, "seed": S, "complex": bool, "dtype": ...} -- the input is
          not stored but generated on both sides from a SplitMix64 stream
          (long lengths such as 1,000,003); then "bins" lists the output
          positions stored (a few, to keep the data small).
"""

import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refgen_common import Cases  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix_pm1(seed, n):
    """Uniform [-1, 1): element i is mix(seed + (i + 1) * golden) >> 11, times 2^-53, times 2, minus 1."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(1, n + 1, dtype=np.uint64) * GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0) * 2.0 - 1.0


def generated(g):
    x = splitmix_pm1(g["seed"], g["n"])
    if g["complex"]:
        x = x + 1j * splitmix_pm1(g["seed"] + 1, g["n"])
    return x.astype(g["dtype"])


rng = np.random.default_rng(20240607)


def rnd(shape, dtype):
    dt = np.dtype(dtype)
    if dt.kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)
    if dt.kind == "f":
        return rng.standard_normal(shape).astype(dt)
    if dt.kind == "b":
        return rng.integers(0, 2, shape).astype(bool)
    return rng.integers(-50, 50, shape).astype(dt)


def apply_view(a, view):
    if view is None:
        return a
    v = a[tuple(slice(*s) for s in view["slices"])] if view.get("slices") else a
    return v.T if view.get("transpose") else v


c = Cases("fft")
FN = {name: getattr(np.fft, name) for name in
      ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
       "fftn", "ifftn", "rfftn", "irfftn", "fftfreq", "rfftfreq", "fftshift", "ifftshift"]}


def case(op, a, note="", view=None, **kw):
    """Run np.fft.<op>(view(a), **kw); record the result or the exception class."""
    params = dict(kw)
    if view is not None:
        params["view"] = view
    freq = op in ("fftfreq", "rfftfreq")
    inputs = [] if freq else [a]
    try:
        out = FN[op](**kw) if freq else FN[op](apply_view(a, view), **kw)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        return c.add(op, inputs, params, None, type(e).__name__, note)
    return c.add(op, inputs, params, [out], None, note)


def gen_case(op, g, bins, note="", **kw):
    """A long transform of a generated input; stores only `bins` of the output."""
    out = FN[op](generated(g), **kw)
    params = dict(kw)
    params["gen"] = {k: (np.dtype(v).name if k == "dtype" else v) for k, v in g.items()}
    params["bins"] = [int(b) for b in bins]
    c.add(op, [], params, [out[np.asarray(bins)]], None, note)


NORMS = ["backward", "ortho", "forward"]
LENGTHS = [1, 2, 3, 4, 5, 7, 8, 16, 17, 64, 97, 128, 360, 1000, 1009, 1024, 4096]

# ---- fft / ifft: lengths (powers of two, smooth composites, primes, 1) ----
def bins_every(n, count=40):
    return sorted(set(list(range(0, n, max(1, n // count))) + [n - 1]))


seed_counter = [1000]


def long_case(op, n, dtype, cplx, note, **kw):
    """Lengths from 1000 up: generated input, about 40 output bins stored (keeps the data small)."""
    seed_counter[0] += 2
    nout = n // 2 + 1 if op in ("rfft", "ihfft") else n
    gen_case(op, {"n": n, "seed": seed_counter[0], "complex": cplx, "dtype": dtype}, bins_every(nout), note, **kw)


for op in ("fft", "ifft"):
    for n in LENGTHS:
        if n >= 1000:
            long_case(op, n, "c16", True, "complex128")
        else:
            case(op, rnd(n, "c16"), "complex128")
    for n in (1, 7, 16, 97, 360):
        case(op, rnd(n, "c8"), "complex64 stays complex64")
    for n in (1009, 1024):
        long_case(op, n, "c8", True, "complex64 stays complex64")
    for dt in ("f8", "f4", "i8", "?"):
        for n in (8, 97):
            case(op, rnd(n, dt), "real input is transformed as complex")
    x = rnd(10, "c16")
    for n in (1, 5, 10, 16, 33):
        case(op, x, "crop/pad", n=n)
    case(op, x, "n = 0", n=0)
    for norm in NORMS:
        for n in (17, 97):
            case(op, rnd(n, "c16"), norm=norm)
        case(op, rnd(64, "c8"), "f32", norm=norm)
        case(op, x, "pad + norm", n=13, norm=norm)
    x3 = rnd((4, 5, 6), "c16")
    for axis in (0, 1, 2, -1, -2, -3):
        case(op, x3, "axis", axis=axis)
        case(op, x3, "axis + crop", axis=axis, n=3)
    for axis in (3, -4):
        case(op, x3, "axis out of range", axis=axis)
    case(op, np.array(1.5 + 0j), "0-d")
    case(op, np.zeros((3, 0), "c16"), "empty axis, default n")
    case(op, np.zeros((3, 0), "c16"), "empty axis padded", n=4)
    case(op, np.zeros((0, 3), "c16"), "no lanes")
    base = rnd((8, 12), "c16")
    for view in ({"slices": [[None, None, 2]]}, {"slices": [[None, None, None], [None, None, -1]]},
                 {"transpose": True}, {"slices": [[1, None, 3], [2, 11, 2]]},
                 {"slices": [[None, None, -2], [None, None, 3]], "transpose": True}):
        for axis in (0, -1):
            case(op, base, "strided view", view=view, axis=axis)
    fb = rnd((9, 7), "f4")
    case(op, fb, "f32 view", view={"slices": [[None, None, -1], [1, None, 2]]}, axis=0, norm="ortho")

# long lengths: generated inputs, selected bins
BINS_LONG = lambda n: sorted(set([0, 1, 2, 3, n // 7, n // 3, n // 2, n // 2 + 1, n - 2, n - 1]))  # noqa: E731
gen_case("fft", {"n": 1000003, "seed": 101, "complex": True, "dtype": "c16"}, BINS_LONG(1000003), "prime 1,000,003")
gen_case("ifft", {"n": 1000003, "seed": 102, "complex": True, "dtype": "c16"}, BINS_LONG(1000003), "prime 1,000,003",
         norm="ortho")
gen_case("fft", {"n": 1 << 18, "seed": 103, "complex": True, "dtype": "c16"}, BINS_LONG(1 << 18), "2^18")
gen_case("fft", {"n": 1 << 19, "seed": 107, "complex": True, "dtype": "c16"}, BINS_LONG(1 << 19), "2^19, ortho",
         norm="ortho")
gen_case("fft", {"n": 1 << 18, "seed": 104, "complex": True, "dtype": "c8"}, BINS_LONG(1 << 18), "2^18 complex64")
gen_case("fft", {"n": 3 ** 11, "seed": 105, "complex": False, "dtype": "f8"}, BINS_LONG(3 ** 11), "3^11 real input")
gen_case("ifft", {"n": 2 * 65537, "seed": 106, "complex": True, "dtype": "c16"}, BINS_LONG(2 * 65537),
         "2 * prime (no balanced split)")

# ---- rfft / irfft / hfft / ihfft ----
for n in LENGTHS:
    if n >= 1000:
        long_case("rfft", n, "f8", False, "float64")
    else:
        case("rfft", rnd(n, "f8"), "float64")
for n in (1, 7, 16, 97, 360):
    case("rfft", rnd(n, "f4"), "float32 -> complex64")
    case("ihfft", rnd(n, "f8"))
long_case("rfft", 1009, "f4", False, "float32 -> complex64")
long_case("ihfft", 1009, "f8", False, "")
case("rfft", rnd(12, "i4"), "int input")
xr = rnd(10, "f8")
for n in (1, 5, 10, 11, 16, 33):
    case("rfft", xr, "crop/pad", n=n)
    case("ihfft", xr, "crop/pad", n=n)
case("rfft", xr, "n = 0", n=0)
case("rfft", rnd(5, "c16"), "complex input is rejected")
for m in (2, 3, 5, 9, 49, 181):
    z = rnd(m, "c16")
    case("irfft", z, "default n = 2(m-1); imag of DC/Nyquist ignored")
    case("irfft", z, "odd n", n=2 * m - 1)
    case("hfft", z, "default n")
    case("hfft", z, "odd n", n=2 * m - 1)
for m in (3, 9, 49):
    case("irfft", rnd(m, "c8"), "complex64 -> float32")
    case("hfft", rnd(m, "c8"), "complex64 -> float32")
case("irfft", rnd(6, "f8"), "real input")
z = rnd(9, "c16")
for n in (1, 2, 4, 7, 20, 33):
    case("irfft", z, "crop/pad", n=n)
    case("hfft", z, "crop/pad", n=n)
case("irfft", rnd(1, "c16"), "m = 1: default n = 0")
case("hfft", rnd(1, "c16"), "m = 1: default n = 0")
case("irfft", rnd(1, "c16"), "m = 1 with n", n=1)
case("irfft", z, "n = 0", n=0)
for norm in NORMS:
    for n in (17, 96):
        case("rfft", rnd(n, "f8"), norm=norm)
        case("ihfft", rnd(n, "f8"), norm=norm)
    case("rfft", rnd(64, "f4"), "f32", norm=norm)
    for m in (9, 49):
        case("irfft", rnd(m, "c16"), norm=norm)
        case("hfft", rnd(m, "c16"), norm=norm)
        case("irfft", rnd(m, "c16"), "odd n", norm=norm, n=2 * m - 1)
r3 = rnd((4, 5, 6), "f8")
z3 = rnd((4, 5, 6), "c16")
for axis in (0, 1, 2, -1, -3):
    case("rfft", r3, "axis", axis=axis)
    case("ihfft", r3, "axis", axis=axis, n=7)
    case("irfft", z3, "axis", axis=axis)
    case("hfft", z3, "axis", axis=axis, n=5)
for op, a in (("rfft", r3), ("irfft", z3), ("hfft", z3), ("ihfft", r3)):
    case(op, a, "axis out of range", axis=3)
    case(op, np.array(2.0 if op in ("rfft", "ihfft") else 2.0 + 0j), "0-d")
rb = rnd((10, 14), "f8")
zb = rnd((10, 14), "c16")
for view in ({"slices": [[None, None, 2]]}, {"slices": [[None, None, None], [None, None, -1]]}, {"transpose": True},
             {"slices": [[1, None, 3], [2, 13, 2]], "transpose": True}):
    for axis in (0, -1):
        case("rfft", rb, "strided view", view=view, axis=axis)
        case("irfft", zb, "strided view", view=view, axis=axis)
        case("ihfft", rb, "strided view", view=view, axis=axis, norm="ortho")
        case("hfft", zb, "strided view", view=view, axis=axis, n=9)

gen_case("irfft", {"n": 513, "seed": 208, "complex": True, "dtype": "c16"}, bins_every(1024), "m = 513")
gen_case("irfft", {"n": 501, "seed": 209, "complex": True, "dtype": "c16"}, bins_every(1001), "odd n", n=1001)
gen_case("hfft", {"n": 513, "seed": 210, "complex": True, "dtype": "c16"}, bins_every(1025), "odd n", n=1025)
gen_case("rfft", {"n": 1 << 18, "seed": 201, "complex": False, "dtype": "f8"}, BINS_LONG((1 << 17) + 1), "even long")
gen_case("rfft", {"n": 1 << 18, "seed": 202, "complex": False, "dtype": "f4"}, BINS_LONG((1 << 17) + 1), "even long f32")
gen_case("rfft", {"n": 1 << 20, "seed": 211, "complex": False, "dtype": "f8"}, BINS_LONG((1 << 19) + 1), "2^20")
gen_case("irfft", {"n": (1 << 19) + 1, "seed": 212, "complex": True, "dtype": "c16"}, BINS_LONG(1 << 20), "to 2^20",
         norm="forward")
gen_case("rfft", {"n": 131071, "seed": 203, "complex": False, "dtype": "f8"}, BINS_LONG(65536), "odd prime long")
gen_case("irfft", {"n": (1 << 17) + 1, "seed": 204, "complex": True, "dtype": "c16"}, BINS_LONG(1 << 18),
         "even long output")
gen_case("irfft", {"n": 65537, "seed": 205, "complex": True, "dtype": "c16"}, BINS_LONG(131071), "odd long output",
         n=131071)
gen_case("hfft", {"n": (1 << 16) + 1, "seed": 206, "complex": True, "dtype": "c16"}, BINS_LONG(1 << 17), "long",
         norm="ortho")
gen_case("ihfft", {"n": 1000003, "seed": 207, "complex": False, "dtype": "f8"}, BINS_LONG(500002), "prime long")

# ---- n-D complex ----
for op in ("fftn", "ifftn"):
    for shape in ((4, 6), (3, 5, 7), (2, 3, 4, 5), (7,)):
        case(op, rnd(shape, "c16"), "all axes")
    case(op, rnd((3, 5, 7), "c8"), "complex64")
    case(op, rnd((4, 6), "f8"), "real input")
    case(op, rnd((4, 6), "f4"), "f32 real input")
    x3 = rnd((4, 5, 6), "c16")
    for axes in ((0, 1), (1, 0), (-1, 0), (2, 0, 1), (0, 0), (1,), (-2, -1, -3)):
        case(op, x3, "axes", axes=axes)
    for s, axes in (((3, 8), (0, 2)), ((8, 3), (2, 0)), ((-1, 9), (1, 2)), ((2, 2, 2), (0, 1, 2)), ((6,), (-2,))):
        case(op, x3, "s and axes", s=s, axes=axes)
    case(op, x3, "s without axes: the last len(s) axes", s=(3, 7))
    case(op, x3, "empty axes: nothing transformed", axes=())
    for norm in NORMS:
        case(op, x3, norm=norm)
        case(op, x3, "s + norm", s=(5, 4), axes=(0, 1), norm=norm)
    case(op, x3, "s/axes lengths differ", s=(3, 4), axes=(0,))
    case(op, x3, "axis out of range", axes=(0, 3))
    case(op, x3, "s = 0", s=(0,), axes=(1,))
    case(op, x3, "s = -2", s=(-2,), axes=(1,))
    case(op, x3, "len(s) > ndim", s=(2, 2, 2, 2))
    case(op, rnd((6, 8, 4), "c16"), "strided", view={"slices": [[None, None, 2], [None, None, -1], [1, None, None]]})
    case(op, rnd((6, 8), "c16"), "transposed", view={"transpose": True}, axes=(0,))
for op in ("fft2", "ifft2"):
    case(op, rnd((6, 8), "c16"))
    case(op, rnd((3, 4, 5), "c16"), "last two axes of 3-D")
    case(op, rnd((3, 4, 5), "c16"), "axes", axes=(0, 2))
    case(op, rnd((3, 4, 5), "c16"), "s", s=(6, 2))
    case(op, rnd((6, 8), "c8"), "complex64", norm="ortho")
    case(op, rnd((6, 8), "f8"), "real", norm="forward")
    case(op, rnd(8, "c16"), "1-D input: axis -2 out of range")
    case(op, rnd((6, 8), "c16"), "strided", view={"slices": [[None, None, -1], [None, None, 3]]})

# ---- n-D real ----
for shape in ((6, 8), (5, 7), (3, 4, 6), (2, 3, 4, 5), (9,)):
    a = rnd(shape, "f8")
    case("rfftn", a, "all axes")
    spec = np.fft.rfftn(a)
    case("irfftn", spec, "all axes (default last n = 2(m-1))")
    case("irfftn", spec, "s = original shape", s=shape, axes=tuple(range(len(shape))))
case("rfftn", rnd((3, 4, 6), "f4"), "f32")
case("irfftn", rnd((3, 4, 4), "c8"), "complex64 -> float32")
x3 = rnd((4, 5, 6), "f8")
z3 = rnd((4, 5, 6), "c16")
for axes in ((0, 1), (1, 0), (-1, 0), (2, 0, 1), (0, 0), (1,), (-3, -1, -2)):
    case("rfftn", x3, "axes", axes=axes)
    case("irfftn", z3, "axes", axes=axes)
for s, axes in (((3, 8), (0, 2)), ((8, 3), (2, 0)), ((-1, 9), (1, 2)), ((2, 2, 2), (0, 1, 2)), ((7,), (-2,))):
    case("rfftn", x3, "s and axes", s=s, axes=axes)
    case("irfftn", z3, "s and axes", s=s, axes=axes)
case("irfftn", z3, "s = -1 on the last axis takes the input length", s=(4, -1), axes=(0, 2))
case("rfftn", x3, "s without axes", s=(3, 7))
case("irfftn", z3, "s without axes", s=(3, 7))
for norm in NORMS:
    case("rfftn", x3, norm=norm)
    case("irfftn", z3, norm=norm)
    case("irfftn", z3, "odd last", s=(4, 5, 9), axes=(0, 1, 2), norm=norm)
for op, a in (("rfftn", x3), ("irfftn", z3)):
    case(op, a, "s/axes lengths differ", s=(3, 4), axes=(0,))
    case(op, a, "axis out of range", axes=(0, 3))
    case(op, a, "empty axes", axes=())
    case(op, a, "s = 0", s=(0,), axes=(1,))
case("irfftn", rnd((4, 1), "c16"), "last axis of length 1: default n = 0")
case("rfftn", rnd((6, 8, 4), "f8"), "strided", view={"slices": [[None, None, 2], [None, None, -1], [1, None, None]]})
case("irfftn", rnd((6, 8, 4), "c16"), "strided", view={"slices": [[None, None, 2], [None, None, -1], [1, None, None]]})
case("rfftn", rnd((6, 8), "f8"), "transposed", view={"transpose": True})
for op in ("rfft2", "irfft2"):
    dt = "f8" if op == "rfft2" else "c16"
    case(op, rnd((6, 8), dt))
    case(op, rnd((3, 4, 5), dt), "last two axes of 3-D")
    case(op, rnd((3, 4, 5), dt), "axes", axes=(2, 0))
    case(op, rnd((3, 4, 5), dt), "s", s=(6, 7))
    case(op, rnd((6, 8), "f4" if op == "rfft2" else "c8"), "single precision", norm="ortho")
    case(op, rnd(8, dt), "1-D input")

# ---- frequencies and shifts ----
for n in (1, 2, 5, 8, 11, 100):
    for d in (1.0, 0.1, 2.5, -0.5):
        case("fftfreq", np.zeros(0), n=n, d=d)
        case("rfftfreq", np.zeros(0), n=n, d=d)
for op in ("fftfreq", "rfftfreq"):
    case(op, np.zeros(0), "n = 0", n=0, d=1.0)
    case(op, np.zeros(0), "d = 0", n=4, d=0.0)
for op in ("fftshift", "ifftshift"):
    for a in (np.arange(5), np.arange(8.0), rnd((4, 5), "c16"), rnd((3, 4, 5), "i4"), np.arange(1)):
        case(op, a)
    a3 = rnd((3, 4, 5), "f8")
    for axes in (0, -1, (0, 2), (1, -1), (2, 2), ()):
        case(op, a3, "axes", axes=axes)
    case(op, a3, "axis out of range", axes=3)
    case(op, np.zeros((0, 3)), "empty")
    case(op, rnd((6, 7), "f8"), "strided", view={"slices": [[None, None, -1], [1, None, 2]]}, axes=(0, 1))
    case(op, np.array(3.0), "0-d")

c.save()
