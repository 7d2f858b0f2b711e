"""Reference data for the rest of sciox.integrate (SciPy 1.17.1): dblquad,
tplquad, nquad, quad_vec, quad(complex_func=True), fixed_quad,
newton_cotes, romb, trapezoid, simpson, cumulative_trapezoid,
cumulative_simpson.

Integrands are named (crates/sciox/tests/conformance_integrate_misc.rs
defines them with the same operations); sampled data are stored arrays.
"""

import math
import warnings

import numpy as np
import scipy
from scipy import integrate as si

from refgen_common import Cases

F2 = {  # f(y, x)
    "xy": lambda y, x: x * y,
    "gauss2": lambda y, x: math.exp(-(x * x + y * y)),
    "smooth2": lambda y, x: math.cos(x + y) * math.exp(-0.5 * x * y),
    "sing2": lambda y, x: 1.0 / math.sqrt(x * x + y * y) if x != 0.0 or y != 0.0 else 0.0,
}
F3 = {  # f(z, y, x)
    "one": lambda z, y, x: 1.0,
    "xyz": lambda z, y, x: x * y * z,
    "gauss3": lambda z, y, x: math.exp(-(x * x + y * y + z * z)),
}
G = {  # limit functions of x
    "zero": lambda x: 0.0,
    "one": lambda x: 1.0,
    "x": lambda x: x,
    "1mx": lambda x: 1.0 - x,
    "sqrt1mx2": lambda x: math.sqrt(max(0.0, 1.0 - x * x)),
    "msqrt1mx2": lambda x: -math.sqrt(max(0.0, 1.0 - x * x)),
    "1px": lambda x: 1.0 + x,
}
Q = {  # limit functions of (x, y)
    "zero": lambda x, y: 0.0,
    "1mxmy": lambda x, y: 1.0 - x - y,
    "xy": lambda x, y: x * y,
}
F1 = {
    "exp": lambda x: math.exp(x),
    "poly9": lambda x: x ** 9 + x,
    "cos": lambda x: math.cos(x),
    "inv_1px2": lambda x: 1.0 / (1.0 + x * x),
}
FC = {  # complex integrands
    "expix": lambda x: complex(math.cos(x), math.sin(x)),
    "decay_osc": lambda x: complex(math.exp(-x) * math.cos(3.0 * x), math.exp(-x) * math.sin(3.0 * x)),
}


def vecf(name):
    if name == "powers":
        return lambda x: np.array([1.0, x, x * x, x * x * x])
    if name == "bessel_like":
        return lambda x: np.array([math.cos(k * x) * math.exp(-x * x) for k in range(5)])
    if name == "scalar_gauss":
        return lambda x: math.exp(-x * x)
    if name == "peaks":
        return lambda x: np.array([1.0 / (1e-4 + (x - 0.3) ** 2), math.sqrt(abs(x - 0.7))])
    if name == "cexp3":
        return lambda x: np.array([complex(math.cos(k * x), math.sin(k * x)) for k in (1, 2, 3)])
    if name == "cgauss":
        return lambda x: np.array([complex(math.exp(-x * x) * math.cos(k * x), math.exp(-x * x) * math.sin(k * x))
                                   for k in range(3)])
    if name == "cdecay":
        return lambda x: complex(math.exp(-x) * math.cos(2.0 * x), math.exp(-x) * math.sin(2.0 * x))
    raise KeyError(name)


def add_err(c, op, params, fn, note="", inputs=()):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = fn()
    except Exception as e:  # noqa: BLE001
        c.add(op, list(inputs), params, None, type(e).__name__, note)
        return None
    return out


def main():
    c = Cases("integrate_misc", crate="sciox")
    # dblquad
    for f, a, b, g, h, extra in [
        ("xy", 0.0, 1.0, "zero", "x", {}),
        ("gauss2", -1.0, 1.0, "msqrt1mx2", "sqrt1mx2", {}),
        ("smooth2", 0.0, 2.0, "zero", "1px", {}),
        ("smooth2", 0.0, 2.0, "zero", "1px", {"epsabs": 1e-12, "epsrel": 1e-12}),
        ("sing2", 0.0, 1.0, "zero", "one", {}),
        ("xy", 1.0, 0.0, "zero", "one", {}),
    ]:
        params = {"f": f, "a": a, "b": b, "g": g, "h": h}
        params.update(extra)
        out = add_err(c, "dblquad", params, lambda: si.dblquad(F2[f], a, b, G[g], G[h], **extra))
        if out is not None:
            c.add("dblquad", [], params, [np.array(out)])
    # tplquad
    for f, a, b, g, h, q, r in [
        ("one", 0.0, 1.0, "zero", "1mx", "zero", "1mxmy"),
        ("xyz", 0.0, 1.0, "zero", "one", "zero", "xy"),
        ("gauss3", -1.0, 1.0, "zero", "one", "zero", "1mxmy"),
    ]:
        params = {"f": f, "a": a, "b": b, "g": g, "h": h, "q": q, "r": r}
        out = si.tplquad(F3[f], a, b, G[g], G[h], Q[q], Q[r])
        c.add("tplquad", [], params, [np.array(out)])
    # nquad (constant ranges, per-level options, points, full_output)
    f4 = lambda x0, x1, x2, x3: x0 * x1 * x1 + math.sin(x2) + math.exp(x3)  # noqa: E731
    out = si.nquad(f4, [[0, 1], [-1, 1], [0.13, 0.8], [-0.15, 1]], full_output=True)
    c.add("nquad", [], {"f": "f4", "ranges": [[0, 1], [-1, 1], [0.13, 0.8], [-0.15, 1]]},
          [np.array(out[:2]), np.array([out[2]["neval"]], dtype=np.int64)])
    opts = [{"epsabs": 1e-10}, {"limit": 30}, {"points": [0.5]}]
    f3b = lambda x0, x1, x2: abs(x2 - 0.5) * math.cos(x0 * x1)  # noqa: E731
    out = si.nquad(f3b, [[0, 1], [0, 2], [0, 1]], opts=opts, full_output=True)
    c.add("nquad", [], {"f": "f3b", "ranges": [[0, 1], [0, 2], [0, 1]], "opts": opts},
          [np.array(out[:2]), np.array([out[2]["neval"]], dtype=np.int64)])
    # nquad with callable options (SciPy's documentation example)
    def f4c(x0, x1, x2, x3):
        return x0 ** 2 + x1 * x2 - x3 ** 3 + math.sin(x0) + (1 if (x0 - .2 * x3 - .5 - .25 * x1 > 0) else 0)

    def opts0(*args):
        return {"points": [0.2 * args[2] + 0.5 + 0.25 * args[0]]}

    out = si.nquad(f4c, [[0, 1], [-1, 1], [.13, .8], [-.15, 1]], opts=[opts0, {}, {}, {}], full_output=True)
    c.add("nquad_callable", [], {"f": "f4c", "ranges": [[0, 1], [-1, 1], [.13, .8], [-.15, 1]]},
          [np.array(out[:2]), np.array([out[2]["neval"]], dtype=np.int64)])
    out = si.nquad(lambda x0, x1: abs(x0 - x1), [[0, 1], [0, 1]],
                   opts=[lambda *a: {"points": [a[0]]}, {}], full_output=True)
    c.add("nquad_callable", [], {"f": "absdiff", "ranges": [[0, 1], [0, 1]]},
          [np.array(out[:2]), np.array([out[2]["neval"]], dtype=np.int64)])
    # quad_vec
    for f, a, b, kw in [
        ("powers", 0.0, 2.0, {}),
        ("bessel_like", 0.0, 3.0, {"norm": "max"}),
        ("bessel_like", -math.inf, math.inf, {}),
        ("scalar_gauss", 0.0, math.inf, {}),
        ("scalar_gauss", -math.inf, 1.0, {}),
        ("peaks", 0.0, 1.0, {"epsrel": 1e-10}),
        ("peaks", 0.0, 1.0, {"points": [0.3, 0.7]}),
        ("powers", 0.0, 1.0, {"quadrature": "trapezoid", "epsrel": 1e-6}),
        ("powers", 0.0, 1.0, {"quadrature": "gk15"}),
        ("peaks", 0.0, 1.0, {"limit": 20}),
    ]:
        params = {"f": f, "a": a, "b": b}
        params.update(kw)
        res, err, info = si.quad_vec(vecf(f), a, b, full_output=True, **kw)
        params["message"] = info.message
        c.add("quad_vec", [], params,
              [np.atleast_1d(np.asarray(res, dtype=float)), np.array([err]),
               np.array([info.neval, info.status, int(info.success)], dtype=np.int64),
               np.asarray(info.intervals, dtype=float).reshape(-1, 2), np.asarray(info.errors, dtype=float)])
    # quad_vec of complex functions
    for f, a, b, kw in [
        ("cexp3", 0.0, 2.0, {}),
        ("cgauss", -math.inf, math.inf, {"norm": "max"}),
        ("cdecay", 0.0, math.inf, {}),
        ("cexp3", 0.0, 2.0, {"quadrature": "trapezoid", "epsrel": 1e-5}),
    ]:
        params = {"f": f, "a": a, "b": b}
        params.update(kw)
        res, err, info = si.quad_vec(vecf(f), a, b, full_output=True, **kw)
        params["message"] = info.message
        c.add("quad_vec_complex", [], params,
              [np.atleast_1d(np.asarray(res, dtype=complex)), np.array([err]),
               np.array([info.neval, info.status, int(info.success)], dtype=np.int64),
               np.asarray(info.intervals, dtype=float).reshape(-1, 2)])
    # quad with complex_func
    for f, a, b in [("expix", 0.0, math.pi), ("decay_osc", 0.0, math.inf)]:
        res = si.quad(FC[f], a, b, complex_func=True, full_output=True)
        c.add("quad_complex", [], {"f": f, "a": a, "b": b},
              [np.array([res[0].real, res[0].imag, res[1].real, res[1].imag]),
               np.array([res[2]["real"][0]["neval"], res[2]["imag"][0]["neval"]], dtype=np.int64)])
    # fixed_quad
    for f, a, b, n in [("exp", 0.0, 1.0, 5), ("poly9", 0.0, 2.0, 5), ("cos", -1.0, 3.0, 10),
                       ("inv_1px2", 0.0, 1.0, 1), ("inv_1px2", 0.0, 1.0, 30), ("exp", 2.0, -1.0, 7)]:
        val = si.fixed_quad(np.vectorize(F1[f]), a, b, n=n)[0]
        c.add("fixed_quad", [], {"f": f, "a": a, "b": b, "n": n}, [np.array(val)])
    add_err(c, "fixed_quad", {"f": "exp", "a": 0.0, "b": math.inf, "n": 5},
            lambda: si.fixed_quad(np.exp, 0.0, math.inf))
    # newton_cotes
    for rn in [[0, 1], [0, 1, 2], [0, 1, 2, 3, 4], list(range(15)), list(range(17)), [0, 0.5, 2, 3], [0, 0.7, 2]]:
        an, bn = si.newton_cotes(np.array(rn, dtype=float))
        c.add("newton_cotes", [np.array(rn, dtype=float)], {}, [np.asarray(an), np.array(bn)])
    add_err(c, "newton_cotes", {}, lambda: si.newton_cotes(np.array([0.5, 1, 2])), inputs=[np.array([0.5, 1, 2])])
    # sampled data
    rng = np.random.default_rng(7)
    y1 = np.sin(np.linspace(0, 3, 11))
    y1e = np.cos(np.linspace(0, 2, 10))
    x1 = np.sort(rng.random(11)) * 3
    x1e = np.sort(rng.random(10)) * 2
    y2 = rng.standard_normal((3, 9))
    x2 = np.cumsum(rng.random((3, 9)) + 0.1, axis=1)
    y3 = rng.standard_normal((4, 5, 6))
    ybig = np.exp(-np.linspace(-3, 3, 301) ** 2)
    for name, fn in [("trapezoid", si.trapezoid), ("simpson", si.simpson)]:
        for y, x, kw in [(y1, None, {}), (y1, x1, {}), (y1e, None, {"dx": 0.25}), (y1e, x1e, {}),
                         (y2, None, {"axis": 0}), (y2, x2, {"axis": 1}), (y3, None, {"axis": 1}),
                         (ybig, None, {"dx": 0.02}), (np.array([1.0, 2.0]), None, {}),
                         (y2, x1, {"axis": 0})]:
            inputs = [y] if x is None else [y, x]
            out = add_err(c, name, dict(kw), lambda: fn(y, x, **kw) if name == "trapezoid" else fn(y, x=x, **kw),
                          inputs=inputs)
            if out is not None:
                c.add(name, inputs, dict(kw), [np.asarray(out, dtype=float)])
    for y, x, kw in [(y1, None, {}), (y1, x1, {"initial": 0}), (y2, None, {"axis": 0, "initial": 0}),
                     (y2, x2, {"axis": 1}), (y3, None, {"axis": 2, "dx": 0.5}), (y1, None, {"initial": 1.0})]:
        inputs = [y] if x is None else [y, x]
        out = add_err(c, "cumulative_trapezoid", dict(kw), lambda: si.cumulative_trapezoid(y, x, **kw), inputs=inputs)
        if out is not None:
            c.add("cumulative_trapezoid", inputs, dict(kw), [np.asarray(out)])
    for y, x, kw in [(y1, None, {}), (y1, x1, {}), (y1e, None, {"dx": 0.3, "initial": 0}),
                     (y1e, x1e, {"initial": 2.0}), (y2, None, {"axis": 0}), (y2, x2, {"axis": 1}),
                     (y3, None, {"axis": 1}), (np.array([1.0, 3.0]), None, {"initial": 1.0}),
                     (ybig, None, {"dx": 0.02}), (y1, x1[::-1], {})]:
        inputs = [y] if x is None else [y, x]
        out = add_err(c, "cumulative_simpson", dict(kw), lambda: si.cumulative_simpson(y, x=x, **kw), inputs=inputs)
        if out is not None:
            c.add("cumulative_simpson", inputs, dict(kw), [np.asarray(out)])
    for y, kw in [(np.exp(np.linspace(0, 1, 17)), {"dx": 1 / 16}), (rng.standard_normal((3, 9)), {"axis": 1}),
                  (rng.standard_normal((5, 4)), {"axis": 0, "dx": 0.1}), (np.array([2.0]), {}),
                  (np.arange(6.0), {})]:
        out = add_err(c, "romb", dict(kw), lambda: si.romb(y, **kw), inputs=[y])
        if out is not None:
            c.add("romb", [y], dict(kw), [np.asarray(out)])
    c.save()
    print("scipy", scipy.__version__)


if __name__ == "__main__":
    main()
