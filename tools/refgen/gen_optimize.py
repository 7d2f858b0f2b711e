"""Reference data for sciox.optimize from SciPy 1.17.1.

Functions are named; crates/sciox/tests/conformance_optimize.rs defines the
same functions with the same floating-point operations (math.* calls are
glibc's on both sides, powers are written as products).

Outputs per op:
  root finders:     one float64 array [root, iterations, function_calls, converged]
  minimize_scalar:  one float64 array [x, fun, nit, nfev, success]
  minimize:         x, and a float64 array [fun, nfev, njev, nit, status]
  slsqp:            x, [fun, nfev, njev, nit, status], jac (message in the note)
  trust:            x, [fun, nfev, njev, nhev, nit, status] (message in the note)
"""

import math
import warnings
import os
import sys

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

# ---- scalar functions (name -> (f, f', f'')) ------------------------------
F1 = {
    "cubic": (lambda x: x * x * x - 2.0 * x - 5.0, lambda x: 3.0 * x * x - 2.0, lambda x: 6.0 * x),
    "cos_x": (lambda x: math.cos(x) - x, lambda x: -math.sin(x) - 1.0, lambda x: -math.cos(x)),
    "exp_m2": (lambda x: math.exp(x) - 2.0, lambda x: math.exp(x), lambda x: math.exp(x)),
    "lambert": (lambda x: x * math.exp(x) - 1.0, lambda x: (1.0 + x) * math.exp(x), lambda x: (2.0 + x) * math.exp(x)),
    "tanh": (lambda x: math.tanh(x - 0.3), lambda x: 1.0 - math.tanh(x - 0.3) ** 2, None),
    "x9": (lambda x: x * x * x * x * x * x * x * x * x, None, None),
    "sin_half": (lambda x: math.sin(x) - 0.5, lambda x: math.cos(x), lambda x: -math.sin(x)),
    "atan": (lambda x: math.atan(x - 1e-3), lambda x: 1.0 / (1.0 + (x - 1e-3) * (x - 1e-3)), None),
    "poly5": (lambda x: (x - 1.0) * (x - 2.0) * (x - 3.0) * (x - 4.0) * (x - 5.0), None, None),
    "flat": (lambda x: 3.0, lambda x: 0.0, None),
}

BRACKETS = {
    "cubic": [(2.0, 3.0), (-10.0, 10.0)],
    "cos_x": [(0.0, 1.0), (-3.0, 5.0)],
    "exp_m2": [(0.0, 2.0), (-20.0, 3.0)],
    "lambert": [(0.0, 1.0), (-1.0, 4.0)],
    "tanh": [(-5.0, 10.0)],
    "x9": [(-1.0, 2.0), (-0.5, 0.7)],
    "sin_half": [(0.0, 1.5)],
    "atan": [(-1.0, 4.0), (-100.0, 1e3)],
    "poly5": [(0.5, 1.5), (2.2, 3.7), (0.0, 10.0)],
}

# ---- scalar minimisation ---------------------------------------------------
M1 = {
    "quartic": lambda x: (x - 2.0) * x * (x + 2.0) * (x + 2.0),
    "cosx": lambda x: math.cos(x),
    "sq": lambda x: (x - 1.5) * (x - 1.5) + 0.3,
    "exp_lin": lambda x: math.exp(x) - 3.0 * x,
    "abs1": lambda x: abs(x - 0.7),
    "lin": lambda x: x,
}


# ---- multivariate functions -----------------------------------------------
def beale(x):
    a = 1.5 - x[0] + x[0] * x[1]
    b = 2.25 - x[0] + x[0] * x[1] * x[1]
    c = 2.625 - x[0] + x[0] * x[1] * x[1] * x[1]
    return a * a + b * b + c * c


def booth(x):
    a = x[0] + 2.0 * x[1] - 7.0
    b = 2.0 * x[0] + x[1] - 5.0
    return a * a + b * b


def himmelblau(x):
    a = x[0] * x[0] + x[1] - 11.0
    b = x[0] + x[1] * x[1] - 7.0
    return a * a + b * b


def sphere(x):
    s = 0.0
    for v in x:
        s += v * v
    return s


def ill_quad(x):
    s = 0.0
    for i, v in enumerate(x):
        s += (10.0 ** i) * (v - 1.0) * (v - 1.0)
    return s


def wood(x):
    a = x[1] - x[0] * x[0]
    b = 1.0 - x[0]
    c = x[3] - x[2] * x[2]
    d = 1.0 - x[2]
    e = x[1] + x[3] - 2.0
    f = x[1] - x[3]
    return 100.0 * a * a + b * b + 90.0 * c * c + d * d + 10.0 * e * e + 0.1 * f * f


FN = {
    "rosen": so.rosen,
    "beale": beale,
    "booth": booth,
    "himmelblau": himmelblau,
    "sphere": sphere,
    "ill_quad": ill_quad,
    "wood": wood,
}

GRAD = {"rosen": so.rosen_der}


def pyf(fn):
    def g(x):
        return float(fn(x))

    return g


# ---- constrained problems (SLSQP); the Rust test writes the same operations
INF = np.inf


def _tut_f(x):
    return (x[0] - 1.0) * (x[0] - 1.0) + (x[1] - 2.5) * (x[1] - 2.5)


def _tut_g(x):
    return np.array([2.0 * (x[0] - 1.0), 2.0 * (x[1] - 2.5)])


def _hs71_f(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


def _hs71_g(x):
    return np.array([x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3], x[0] * x[3], x[0] * x[3] + 1.0, x[0] * (x[0] + x[1] + x[2])])


def _hs35_f(x):
    return 9.0 - 8.0 * x[0] - 6.0 * x[1] - 4.0 * x[2] + 2.0 * x[0] * x[0] + 2.0 * x[1] * x[1] + x[2] * x[2] + 2.0 * x[0] * x[1] + 2.0 * x[0] * x[2]


def _sq2(x):
    return x[0] * x[0] + x[1] * x[1]


CPROB = {
    # name: (f, grad, x0, bounds or None, constraints builder(kind, use_jac))
    "tutorial": (_tut_f, _tut_g, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "hs06": (lambda x: (1.0 - x[0]) * (1.0 - x[0]), lambda x: np.array([-2.0 * (1.0 - x[0]), 0.0]), [-1.2, 1.0], None),
    "hs07": (lambda x: math.log(1.0 + x[0] * x[0]) - x[1], lambda x: np.array([2.0 * x[0] / (1.0 + x[0] * x[0]), -1.0]), [2.0, 2.0], None),
    "hs21": (lambda x: 0.01 * x[0] * x[0] + x[1] * x[1] - 100.0, lambda x: np.array([0.02 * x[0], 2.0 * x[1]]), [-1.0, -1.0], ([2.0, -50.0], [50.0, 50.0])),
    "hs35": (_hs35_f, None, [0.5, 0.5, 0.5], ([0.0, 0.0, 0.0], [INF, INF, INF])),
    "hs71": (_hs71_f, _hs71_g, [1.0, 5.0, 5.0, 1.0], ([1.0] * 4, [5.0] * 4)),
    "rosen_disc": (so.rosen, so.rosen_der, [-1.2, 1.0], None),
    "infeasible": (_sq2, None, [0.5, 0.5], ([0.0, 0.0], [1.0, 1.0])),
    "infeasible2": (_sq2, None, [0.5, 0.5], None),
    # objective NaN / inf left of x0 = 1.5 (SciPy's merit-function line search steps back)
    "tutorial_nan": (lambda x: _tut_f(x) if x[0] > 1.5 else float("nan"), None, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "tutorial_inf": (lambda x: _tut_f(x) if x[0] > 1.5 else float("inf"), None, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "hs35_fixed": (_hs35_f, None, [0.5, 0.5, 0.5], ([0.0, 0.0, 0.5], [INF, INF, 0.5])),
    "hs35_allfixed": (_hs35_f, None, [0.5, 0.5, 0.5], ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])),
    "hs35_allfixed_bad": (_hs35_f, None, [0.5, 0.5, 0.5], ([2.0, 0.3, 0.5], [2.0, 0.3, 0.5])),
    "rosen_box_fixed": (so.rosen, so.rosen_der, [-1.2, 1.0, 0.5], ([-2.0, 0.7, -2.0], [2.0, 0.7, 2.0])),
    "rosen_free": (so.rosen, so.rosen_der, [-1.2, 1.0], None),
    "rosen_box": (so.rosen, so.rosen_der, [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0])),
}


def cons_for(name, style, use_jac):
    """style: 'dict' or 'new'."""
    J = (lambda j: {"jac": j}) if use_jac else (lambda j: {})
    if name.startswith("tutorial"):
        if style == "dict":
            return [
                {"type": "ineq", "fun": lambda x: x[0] - 2.0 * x[1] + 2.0, **J(lambda x: np.array([1.0, -2.0]))},
                {"type": "ineq", "fun": lambda x: -x[0] - 2.0 * x[1] + 6.0, **J(lambda x: np.array([-1.0, -2.0]))},
                {"type": "ineq", "fun": lambda x: -x[0] + 2.0 * x[1] + 2.0, **J(lambda x: np.array([-1.0, 2.0]))},
            ]
        return [so.LinearConstraint([[1.0, -2.0], [-1.0, -2.0], [-1.0, 2.0]], [-2.0, -6.0, -2.0], [INF, INF, INF])]
    if name == "hs06":
        return [{"type": "eq", "fun": lambda x: np.array([10.0 * (x[1] - x[0] * x[0])]), **J(lambda x: np.array([[-20.0 * x[0], 10.0]]))}]
    if name == "hs07":
        f = lambda x: np.array([(1.0 + x[0] * x[0]) * (1.0 + x[0] * x[0]) + x[1] * x[1] - 4.0])
        j = lambda x: np.array([[4.0 * x[0] * (1.0 + x[0] * x[0]), 2.0 * x[1]]])
        if style == "dict":
            return [{"type": "eq", "fun": f, **J(j)}]
        nl = so.NonlinearConstraint(lambda x: f(x) + 4.0, 4.0, 4.0, **({"jac": j} if use_jac else {}))
        return [nl]
    if name == "hs21":
        return [{"type": "ineq", "fun": lambda x: np.array([10.0 * x[0] - x[1] - 10.0]), **J(lambda x: np.array([[10.0, -1.0]]))}]
    if name.startswith("hs35"):
        return [{"type": "ineq", "fun": lambda x: np.array([3.0 - x[0] - x[1] - 2.0 * x[2]]), **J(lambda x: np.array([[-1.0, -1.0, -2.0]]))}]
    if name == "hs71":
        fi = lambda x: np.array([x[0] * x[1] * x[2] * x[3] - 25.0])
        ji = lambda x: np.array([[x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]]])
        fe = lambda x: np.array([x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0])
        je = lambda x: np.array([[2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]]])
        if style == "dict":
            return [{"type": "ineq", "fun": fi, **J(ji)}, {"type": "eq", "fun": fe, **J(je)}]
        # one NonlinearConstraint with an inequality and an equality row
        fn = lambda x: np.array([fi(x)[0] + 25.0, fe(x)[0] + 40.0])
        jn = lambda x: np.vstack([ji(x), je(x)])
        return [so.NonlinearConstraint(fn, [25.0, 40.0], [INF, 40.0], **({"jac": jn} if use_jac else {}))]
    if name == "rosen_disc":
        f = lambda x: np.array([x[0] * x[0] + x[1] * x[1]])
        j = lambda x: np.array([[2.0 * x[0], 2.0 * x[1]]])
        if style == "dict":
            return [{"type": "ineq", "fun": lambda x: 1.0 - f(x), **J(lambda x: -j(x))}]
        return [so.NonlinearConstraint(f, -INF, 1.0, **({"jac": j} if use_jac else {}))]
    if name == "infeasible":
        return [{"type": "ineq", "fun": lambda x: np.array([x[0] + x[1] - 3.0]), **J(lambda x: np.array([[1.0, 1.0]]))}]
    if name == "infeasible2":
        return [
            {"type": "ineq", "fun": lambda x: np.array([x[0] + x[1] - 3.0]), **J(lambda x: np.array([[1.0, 1.0]]))},
            {"type": "ineq", "fun": lambda x: np.array([1.0 - x[0] - x[1]]), **J(lambda x: np.array([[-1.0, -1.0]]))},
        ]
    return []


def gen_slsqp(c):
    for name, (f, g, x0, bnds) in CPROB.items():
        styles = ["dict", "new"] if name in ("tutorial", "hs07", "hs71", "rosen_disc") else ["dict"]
        for style in styles:
            for use_jac in [False, True]:
                if use_jac and g is None:
                    continue
                for opts in [{}] + ([{"maxiter": 3}, {"ftol": 1e-10}] if name in ("tutorial", "hs71") and style == "dict" and not use_jac else []):
                    kw = {}
                    if use_jac:
                        kw["jac"] = g
                    inputs = [np.array(x0, dtype=float)]
                    params = {"prob": name, "style": style, "grad": use_jac, **opts}
                    if bnds is not None:
                        kw["bounds"] = so.Bounds(bnds[0], bnds[1])
                        inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
                        params["bounds"] = True
                    r = so.minimize(pyf(f), np.array(x0, dtype=float), method="SLSQP", constraints=cons_for(name, style, use_jac), options=opts, **kw)
                    # all variables fixed: SciPy's result has no nit/status/jac (sciox: 0, and status 4 when the constraints fail)
                    st = r.get("status", 0 if r.success else 4)
                    c.add("slsqp", inputs, params, [r.x, np.array([float(r.fun), r.nfev, r.njev, r.get("nit", 0), st], dtype=float), np.asarray(r.get("jac", []), dtype=float)], note=r.message)
    # jac='2-point' (relative steps for the objective and the constraints)
    for name in ["tutorial", "hs71", "rosen_disc"]:
        f, g, x0, bnds = CPROB[name]
        kw = {"jac": "2-point"}
        inputs = [np.array(x0, dtype=float)]
        params = {"prob": name, "style": "dict", "grad": False, "jac": "2-point"}
        if bnds is not None:
            kw["bounds"] = so.Bounds(bnds[0], bnds[1])
            inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
            params["bounds"] = True
        r = so.minimize(pyf(f), np.array(x0, dtype=float), method="SLSQP", constraints=cons_for(name, "dict", False), **kw)
        c.add("slsqp", inputs, params, [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status], dtype=float), np.asarray(r.jac, dtype=float)], note=r.message)
    # errors: lb > ub, bounds of the wrong length
    c.add("slsqp", [np.array([0.5, 0.5]), np.array([1.0, 0.0]), np.array([0.0, 1.0])], {"prob": "infeasible", "style": "dict", "grad": False, "bounds": True}, None, "ValueError", note="SLSQP Error: lb > ub in bounds")
    c.add("slsqp", [np.array([0.5, 0.5]), np.array([0.0]), np.array([1.0])], {"prob": "infeasible", "style": "dict", "grad": False, "bounds": True}, None, "IndexError", note="bounds length")


def gen_trust(c):
    """trust-ncg (hess and hessp), dogleg, trust-exact on Rosenbrock n = 2, 5, 10."""
    for n in [2, 5, 10]:
        x0 = np.array([-1.2, 1.0] * (n // 2) + ([0.5] if n % 2 else []), dtype=float)
        for meth, hk in [("trust-ncg", "hess"), ("trust-ncg", "hessp"), ("trust-ncg", "2-point"), ("trust-ncg", "3-point"), ("dogleg", "hess"), ("trust-exact", "hess")]:
            for opts in [{}] + ([{"maxiter": 4}, {"gtol": 1e-8}] if n == 2 and hk in ("hess", "hessp") else []):
                kw = {"hess": so.rosen_hess} if hk == "hess" else {"hessp": so.rosen_hess_prod} if hk == "hessp" else {"hess": hk}
                r = so.minimize(so.rosen, x0, method=meth, jac=so.rosen_der, options=opts, **kw)
                c.add("trust", [x0], {"method": meth, "hess": hk, **opts},
                      [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nhev, r.nit, r.status], dtype=float)], note=r.message)
    # dogleg on an indefinite Hessian: LinAlgError -> status 3
    x0 = np.array([0.0, 1.5])
    r = so.minimize(so.rosen, x0, method="dogleg", jac=so.rosen_der, hess=so.rosen_hess)
    c.add("trust", [x0], {"method": "dogleg", "hess": "hess"},
          [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nhev, r.nit, r.status], dtype=float)], note=r.message)
    # errors: no Hessian for dogleg / trust-exact
    for meth in ["dogleg", "trust-exact"]:
        try:
            so.minimize(so.rosen, np.array([-1.2, 1.0]), method=meth, jac=so.rosen_der)
        except ValueError as e:
            c.add("trust", [np.array([-1.2, 1.0])], {"method": meth, "hess": "none"}, None, "ValueError", note=str(e))


def main():
    warnings.simplefilter("ignore")
    c = Cases("optimize", crate="sciox")

    # root finders
    for name, brs in BRACKETS.items():
        f = F1[name][0]
        for a, b in brs:
            for meth in ["brentq", "brenth", "ridder", "bisect", "toms748"]:
                for opts in [{}, {"xtol": 1e-6}, {"maxiter": 4}, {"xtol": 1e-300}]:
                    params = {"f": name, "a": a, "b": b, **opts}
                    try:
                        r = so.root_scalar(f, method=meth, bracket=[a, b], **opts)
                    except ValueError as e:
                        c.add(meth, [], params, None, "ValueError", note=str(e))
                        continue
                    c.add(meth, [], params, [np.array([r.root, r.iterations, r.function_calls, float(r.converged)])])
    # sign errors
    for meth in ["brentq", "brenth", "ridder", "bisect", "toms748"]:
        params = {"f": "cubic", "a": 3.0, "b": 4.0}
        try:
            getattr(so, meth)(F1["cubic"][0], 3.0, 4.0)
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add(meth, [], params, None, "ValueError", note=str(e))
    # Newton family
    for name, x0s in [
        ("cubic", [2.0, 3.0, -1.0]),
        ("cos_x", [0.0, 1.0, 3.0]),
        ("exp_m2", [0.0, 5.0]),
        ("lambert", [0.0, 2.0]),
        ("sin_half", [0.1, 1.0]),
        ("atan", [0.5, 1.3, 2.0]),
        ("tanh", [0.0, 1.0]),
        ("flat", [1.0]),
    ]:
        f, fp, fpp = F1[name]
        for x0 in x0s:
            for meth in ["newton", "secant", "halley", "newton_fd"]:
                for opts in [{}, {"xtol": 1e-12}, {"maxiter": 3}]:
                    params = {"f": name, "x0": x0, **opts}
                    kw = dict(opts)
                    if meth == "newton":
                        if fp is None:
                            continue
                        r = so.root_scalar(f, method="newton", x0=x0, fprime=fp, **kw)
                    elif meth == "halley":
                        if fp is None or fpp is None:
                            continue
                        r = so.root_scalar(f, method="halley", x0=x0, fprime=fp, fprime2=fpp, **kw)
                    elif meth == "newton_fd":
                        r = so.root_scalar(f, method="newton", x0=x0, **kw)
                    else:
                        r = so.root_scalar(f, method="secant", x0=x0, **kw)
                    c.add(meth, [], params, [np.array([r.root, r.iterations, r.function_calls, float(r.converged)])])
        if name in ("cubic", "cos_x"):
            r = so.root_scalar(f, method="secant", x0=x0s[0], x1=x0s[1])
            c.add("secant", [], {"f": name, "x0": x0s[0], "x1": x0s[1]}, [np.array([r.root, r.iterations, r.function_calls, float(r.converged)])])

    # minimize_scalar
    for name, f in M1.items():
        for meth, extra in [
            ("brent", {}),
            ("golden", {}),
            ("brent", {"bracket": [-1.0, 0.5]}),
            ("golden", {"bracket": [-1.0, 0.5]}),
            ("brent", {"xtol": 1e-4}),
            ("golden", {"xtol": 1e-4}),
            ("brent", {"maxiter": 3}),
            ("bounded", {"bounds": [-3.0, -1.0]}),
            ("bounded", {"bounds": [0.0, 4.0]}),
            ("bounded", {"bounds": [0.0, 4.0], "xtol": 1e-8}),
            ("bounded", {"bounds": [0.0, 4.0], "maxiter": 5}),
        ]:
            params = {"f": name, "method": meth, **extra}
            kw = {}
            options = {}
            if "bracket" in extra:
                kw["bracket"] = extra["bracket"]
            if "bounds" in extra:
                kw["bounds"] = extra["bounds"]
            if "xtol" in extra:
                options["xatol" if meth == "bounded" else "xtol"] = extra["xtol"]
            if "maxiter" in extra:
                options["maxiter"] = extra["maxiter"]
            try:
                with np.errstate(all="ignore"):
                    r = so.minimize_scalar(f, method=meth, options=options, **kw)
            except (ValueError, RuntimeError) as e:
                c.add("minimize_scalar", [], params, None, type(e).__name__, note=str(e))
                continue
            c.add("minimize_scalar", [], params, [np.array([float(r.x), float(r.fun), r.nit, r.nfev, float(r.success)])])
    # three-point brackets
    for name, br in [("quartic", [0.0, 1.0, 2.0]), ("sq", [-3.0, 1.0, 7.0]), ("cosx", [2.0, 3.0, 5.0])]:
        for meth in ["brent", "golden"]:
            r = so.minimize_scalar(M1[name], method=meth, bracket=br)
            c.add("minimize_scalar", [], {"f": name, "method": meth, "bracket": br}, [np.array([float(r.x), float(r.fun), r.nit, r.nfev, float(r.success)])])
    for meth in ["brent", "golden"]:
        try:
            so.minimize_scalar(M1["sq"], method=meth, bracket=[0.0, 5.0, 6.0])
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add("minimize_scalar", [], {"f": "sq", "method": meth, "bracket": [0.0, 5.0, 6.0]}, None, "ValueError", note=str(e))

    # minimize
    starts = {
        "rosen": [[-1.2, 1.0], [1.3, 0.7], [1.3, 0.7, 0.8, 1.9, 1.2], list(np.linspace(-1.0, 1.5, 10)), list(np.linspace(-1.0, 1.5, 100))],
        "beale": [[1.0, 1.0], [-2.0, 2.0]],
        "booth": [[0.0, 0.0]],
        "himmelblau": [[0.0, 0.0], [-1.0, -1.0]],
        "sphere": [[1.0, -2.0, 3.0]],
        "ill_quad": [[0.0, 0.0, 0.0, 0.0]],
        "wood": [[-3.0, -1.0, -3.0, -1.0]],
    }
    for name, x0s in starts.items():
        f = pyf(FN[name])
        for x0 in x0s:
            x0 = np.array(x0, dtype=float)
            n = len(x0)
            for meth, opts, use_grad in [
                ("Nelder-Mead", {}, False),
                ("Nelder-Mead", {"adaptive": True}, False),
                ("Powell", {}, False),
                ("CG", {}, False),
                ("BFGS", {}, False),
                ("BFGS", {}, True),
                ("CG", {}, True),
                ("BFGS", {"jac": "3-point"}, False),
                ("BFGS", {"gtol": 1e-8}, True),
            ]:
                if n == 100 and meth in ("Nelder-Mead", "Powell"):
                    continue
                if use_grad and name not in GRAD:
                    continue
                kw = {}
                options = {k: v for k, v in opts.items() if k != "jac"}
                if use_grad:
                    kw["jac"] = GRAD[name]
                if "jac" in opts:
                    kw["jac"] = opts["jac"]
                r = so.minimize(f, x0, method=meth, options=options, **kw)
                params = {"f": name, "method": meth, "grad": use_grad, **opts}
                njev = int(getattr(r, "njev", 0))
                c.add("minimize", [x0], params, [r.x, np.array([float(r.fun), r.nfev, njev, r.nit, r.status], dtype=float)])
    # bounds (Nelder-Mead, Powell)
    for name, x0, lb, ub in [
        ("rosen", [-1.2, 1.0], [-2.0, -2.0], [0.5, 2.0]),
        ("himmelblau", [0.0, 0.0], [-5.0, -5.0], [0.0, 0.0]),
        ("sphere", [1.0, -2.0, 3.0], [0.5, -np.inf, 1.0], [np.inf, np.inf, 4.0]),
    ]:
        f = pyf(FN[name])
        for meth in ["Nelder-Mead", "Powell"]:
            r = so.minimize(f, np.array(x0), method=meth, bounds=so.Bounds(lb, ub))
            c.add("minimize", [np.array(x0), np.array(lb, dtype=float), np.array(ub, dtype=float)], {"f": name, "method": meth, "grad": False, "bounds": True},
                  [r.x, np.array([float(r.fun), r.nfev, 0, r.nit, r.status], dtype=float)])
    # maxiter / maxfev limits
    for meth, opts in [("Nelder-Mead", {"maxfev": 50}), ("Nelder-Mead", {"maxiter": 10}), ("Powell", {"maxfev": 60}), ("BFGS", {"maxiter": 5}), ("CG", {"maxiter": 5})]:
        r = so.minimize(so.rosen, np.array([-1.2, 1.0]), method=meth, options=opts)
        c.add("minimize", [np.array([-1.2, 1.0])], {"f": "rosen", "method": meth, "grad": False, **opts}, [r.x, np.array([float(r.fun), r.nfev, int(getattr(r, "njev", 0)), r.nit, r.status], dtype=float)])
    # L-BFGS-B: unbounded and bounded problems, with and without jac
    lb_problems = [
        ("rosen", x0, None) for x0 in starts["rosen"]
    ] + [
        ("rosen", [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0])),
        ("rosen", [-1.2, 1.0], ([-np.inf, 1.5], [np.inf, 3.0])),
        ("rosen", list(np.linspace(-1.0, 1.5, 10)), ([-0.5] * 10, [0.8] * 10)),
        ("rosen", list(np.linspace(-1.0, 1.5, 100)), ([-np.inf] * 50 + [0.0] * 50, [np.inf] * 50 + [0.9] * 50)),
        ("himmelblau", [0.0, 0.0], ([-5.0, -5.0], [0.0, 0.0])),
        ("himmelblau", [1.0, 1.0], None),
        ("beale", [1.0, 1.0], ([-4.5, -4.5], [4.5, 4.5])),
        ("sphere", [1.0, -2.0, 3.0], ([0.5, -np.inf, 1.0], [np.inf, np.inf, 4.0])),
        ("wood", [-3.0, -1.0, -3.0, -1.0], None),
        ("ill_quad", [0.0, 0.0, 0.0, 0.0], ([-1.0, -1.0, -1.0, 2.0], [0.5, 3.0, 3.0, 3.0])),
        # variables fixed by equal bounds: SciPy removes them when it differentiates
        # numerically, keeps them with a jac, and answers at once when all are fixed
        ("rosen", [-1.2, 1.0, 0.5, 0.8], ([-2.0, 1.0, -2.0, -2.0], [2.0, 1.0, 2.0, 2.0])),
        ("rosen", [0.3] * 5, ([0.5, -1.0, -1.0, 0.7, -1.0], [0.5, 2.0, 2.0, 0.7, 2.0])),
        ("sphere", [1.0, -2.0, 3.0], ([0.5, -1.0, 2.0], [0.5, 1.0, 2.0])),
        ("himmelblau", [0.0, 0.0], ([1.0, 2.0], [1.0, 2.0])),
        ("rosen", [0.0, 0.0, 0.0], ([1.5, -1.0, 2.0], [1.5, -1.0, 2.0])),
    ]
    for name, x0, bnds in lb_problems:
        x0 = np.array(x0, dtype=float)
        for use_grad in [False, True]:
            if use_grad and name not in GRAD:
                continue
            kw = {"jac": GRAD[name]} if use_grad else {}
            inputs = [x0]
            params = {"f": name, "method": "L-BFGS-B", "grad": use_grad}
            if bnds is not None:
                kw["bounds"] = so.Bounds(bnds[0], bnds[1])
                inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
                params["bounds"] = True
            r = so.minimize(pyf(FN[name]), x0, method="L-BFGS-B", **kw)
            # all variables fixed: SciPy's result has no nit and no status
            nit, status = getattr(r, "nit", 0), getattr(r, "status", 0)
            c.add("minimize", inputs, params, [r.x, np.array([float(r.fun), r.nfev, r.njev, nit, status], dtype=float)], note=r.message)
    for opts in [{"maxiter": 5}, {"maxfev": 20}]:
        o = {"maxfun" if k == "maxfev" else k: v for k, v in opts.items()}
        r = so.minimize(so.rosen, np.array([-1.2, 1.0]), method="L-BFGS-B", options=o)
        c.add("minimize", [np.array([-1.2, 1.0])], {"f": "rosen", "method": "L-BFGS-B", "grad": False, **opts},
              [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status], dtype=float)], note=r.message)
    # jac='cs' (complex step) on Rosenbrock: BFGS, CG, L-BFGS-B (bounds, a fixed variable)
    cs_runs = [
        ("BFGS", [-1.2, 1.0], None),
        ("BFGS", [1.3, 0.7, 0.8, 1.9, 1.2], None),
        ("CG", [-1.2, 1.0], None),
        ("CG", [1.3, 0.7, 0.8, 1.9, 1.2], None),
        ("L-BFGS-B", [-1.2, 1.0], None),
        ("L-BFGS-B", [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0])),
        ("L-BFGS-B", [-1.2, 1.0, 0.5, 0.8], ([-2.0, 1.0, -2.0, -2.0], [2.0, 1.0, 2.0, 2.0])),
    ]
    for meth, x0, bnds in cs_runs:
        x0 = np.array(x0, dtype=float)
        kw, inputs = {}, [x0]
        params = {"f": "rosen", "method": meth, "grad": False, "jac": "cs"}
        if bnds is not None:
            kw["bounds"] = so.Bounds(bnds[0], bnds[1])
            inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
            params["bounds"] = True
        r = so.minimize(so.rosen, x0, method=meth, jac="cs", **kw)
        c.add("minimize", inputs, params, [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status], dtype=float)], note=r.message)
    # Newton-CG (jac required): finite-difference Hessian products, hessp, hess
    for x0 in starts["rosen"] + [[-1.2, 1.0, -1.2, 1.0]]:
        x0 = np.array(x0, dtype=float)
        for hk in ["fd", "hessp", "hess"]:
            for opts in [{}, {"xtol": 1e-8}]:
                kw = {"jac": so.rosen_der}
                if hk == "hessp":
                    kw["hessp"] = so.rosen_hess_prod
                elif hk == "hess":
                    kw["hess"] = so.rosen_hess
                r = so.minimize(so.rosen, x0, method="Newton-CG", options=opts, **kw)
                c.add("newton_cg", [x0], {"f": "rosen", "hess": hk, **opts},
                      [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status, r.nhev], dtype=float)])
    # fixed_point (vector function, elementwise)
    fp_funcs = {
        "sqrt_ratio": lambda x: np.sqrt(np.array([10.0, 12.0]) / (x + np.array([3.0, 5.0]))),
        "cos": lambda x: np.cos(x),
    }
    for name, x0 in [("sqrt_ratio", [1.2, 1.3]), ("cos", [1.0, 0.2, -3.0])]:
        for method in ["del2", "iteration"]:
            for xtol in [1e-8, 1e-12]:
                params = {"f": name, "method": method, "xtol": xtol}
                try:
                    x = so.fixed_point(fp_funcs[name], np.array(x0), xtol=xtol, method=method)
                except RuntimeError as e:
                    c.add("fixed_point", [np.array(x0)], params, None, "RuntimeError", note=str(e))
                    continue
                c.add("fixed_point", [np.array(x0)], params, [x])
    try:
        so.fixed_point(lambda x: x + 1.0, np.array([1.0]), maxiter=20, method="iteration")
    except RuntimeError as e:
        c.add("fixed_point", [np.array([1.0])], {"f": "plus1", "method": "iteration", "xtol": 1e-8, "maxiter": 20}, None, "RuntimeError", note=str(e))
    # approx_derivative of scalar functions (SciPy's step rules and bounds)
    for name, x0, bnds in [
        ("rosen", [-1.2, 1.0, 0.3], None),
        ("rosen", [0.0, -0.5, 2.0], ([0.0, -1.0, 1.0], [1.0, -0.5, 2.0])),
        ("beale", [1.0, 1.0], ([-4.5, 1.0], [1.0, 4.5])),
        ("himmelblau", [1e-9, -3e5], None),
    ]:
        for method in ["2-point", "3-point"]:
            for steps in [{}, {"rel_step": 1e-6}, {"abs_step": 1e-4}]:
                kw = dict(steps)
                inputs = [np.array(x0, dtype=float)]
                params = {"f": name, "method": method, **steps}
                if bnds is not None:
                    kw["bounds"] = (np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float))
                    inputs += list(kw["bounds"])
                    params["bounds"] = True
                g = so._numdiff.approx_derivative(FN[name], np.array(x0, dtype=float), method=method, **kw)
                c.add("approx_derivative", inputs, params, [g])
    # rosen helpers
    rng = np.random.default_rng(6)
    for n in [2, 3, 10, 17, 300]:
        x = rng.uniform(-2, 2, n)
        p = rng.uniform(-1, 1, n)
        outs = [so.rosen(x), so.rosen_der(x), so.rosen_hess_prod(x, p)]
        if n <= 17:
            outs.append(so.rosen_hess(x))
        c.add("rosen", [x, p], {}, outs)
    gen_slsqp(c)
    gen_trust(c)
    gen_cs_constrained(c)
    gen_cs_with_constraints(c)
    c.save()


def gen_cs_constrained(c):
    """jac='cs' with SLSQP and trust-constr on Rosenbrock (op "minimize_cs",
    appended after all older cases): bounds, a variable fixed by equal
    bounds (SLSQP removes it), finite_diff_rel_step."""
    runs = [
        ("SLSQP", [-1.2, 1.0], None, {}),
        ("SLSQP", [1.3, 0.7, 0.8, 1.9, 1.2], None, {}),
        ("SLSQP", [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0]), {}),
        ("SLSQP", [-1.2, 1.0, 0.5, 0.8], ([-2.0, 1.0, -2.0, -2.0], [2.0, 1.0, 2.0, 2.0]), {}),
        ("SLSQP", [-1.2, 1.0], None, {"finite_diff_rel_step": 1e-6}),
        ("SLSQP", [-1.2, 1.0], None, {"maxiter": 5}),
        ("trust-constr", [-1.2, 1.0], None, {}),
        ("trust-constr", [1.3, 0.7, 0.8, 1.9, 1.2], None, {}),
        ("trust-constr", [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0]), {}),
        ("trust-constr", [-1.2, 1.0], None, {"finite_diff_rel_step": 1e-6}),
        ("trust-constr", [-1.2, 1.0], None, {"maxiter": 20}),
    ]
    for meth, x0, bnds, opts in runs:
        x0 = np.array(x0, dtype=float)
        kw, inputs = {}, [x0]
        params = {"f": "rosen", "method": meth, **opts}
        if bnds is not None:
            kw["bounds"] = so.Bounds(bnds[0], bnds[1])
            inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
            params["bounds"] = True
        r = so.minimize(so.rosen, x0, method=meth, jac="cs", options=opts, **kw)
        c.add("minimize_cs", inputs, params,
              [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status], dtype=float)], note=r.message)


# constraints of gen_cs_with_constraints, written with products only (the
# same bits in complex arithmetic as sciox's Complex64)
def _disc(x):  # x0^2 + x1^2
    return x[0] * x[0] + x[1] * x[1]


def _cs_cons(name, meth):
    """The constraints `name` as SciPy's minimize takes them (trust-constr's
    NonlinearConstraint with jac='cs')."""
    nlc = {"jac": "cs"} if meth == "trust-constr" else {}
    if name == "disc_dict":
        return [{"type": "ineq", "fun": lambda x: 1.0 - _disc(x)}]
    if name == "eq_dict":
        return [{"type": "eq", "fun": lambda x: x[0] + x[1] * x[1] - 1.5}]
    if name == "disc_nlc_eq":
        return [so.NonlinearConstraint(_disc, 1.0, 1.0, **nlc)]
    if name == "disc_nlc":
        if meth == "SLSQP":
            # SciPy 1.17's SLSQP drops the imaginary part of a new-style
            # inequality (zero Jacobian rows): the reference is the same
            # constraint as a dictionary, -(v - 1) with v = x0^2 + x1^2
            return [{"type": "ineq", "fun": lambda x: -(_disc(x) - 1.0)}]
        return [so.NonlinearConstraint(_disc, -np.inf, 1.0, **nlc)]
    if name == "disc_nlc_rel":
        return [so.NonlinearConstraint(_disc, -np.inf, 1.0, finite_diff_rel_step=1e-6, **nlc)]
    if name == "mixed":
        # a linear inequality, a dict equality, a nonlinear equality
        return [so.LinearConstraint([[1.0, 1.0, 1.0]], -np.inf, 2.5),
                {"type": "eq", "fun": lambda x: x[0] * x[1] - x[2] + 0.25},
                so.NonlinearConstraint(lambda x: x[0] * x[0] + x[2] * x[2], 1.5, 1.5, **nlc)]
    if name == "ball3":
        return [{"type": "ineq", "fun": lambda x: 1.5 - (x[0] * x[0] + x[2] * x[2])}]
    raise ValueError(name)


def gen_cs_with_constraints(c):
    """jac='cs' with constraints (op "minimize_cs_cons", appended after all
    older cases): SLSQP differentiates constraints without jac by complex
    steps; trust-constr takes NonlinearConstraint(jac='cs') (and a dict
    without jac as '2-point')."""
    runs = [
        ("SLSQP", "disc_dict", [0.5, 0.2], None, {}),
        ("SLSQP", "disc_dict", [-1.2, 1.0], None, {}),
        ("SLSQP", "eq_dict", [-1.2, 1.0], None, {}),
        ("SLSQP", "disc_nlc_eq", [0.5, 0.2], None, {}),
        ("SLSQP", "disc_nlc", [0.5, 0.2], None, {}),
        ("SLSQP", "disc_dict", [0.5, 0.2], None, {"finite_diff_rel_step": 1e-6}),
        ("SLSQP", "mixed", [0.5, 0.5, 0.5], None, {}),
        ("SLSQP", "ball3", [0.5, 1.0, 0.5], ([-2.0, 1.0, -2.0], [2.0, 1.0, 2.0]), {}),
        ("SLSQP", "disc_dict", [0.5, 0.2], ([0.0, 0.0], [0.7, 2.0]), {}),
        ("trust-constr", "disc_nlc", [0.5, 0.2], None, {}),
        ("trust-constr", "disc_nlc_eq", [0.5, 0.2], None, {}),
        ("trust-constr", "disc_nlc", [0.5, 0.2], ([0.0, 0.0], [0.7, 2.0]), {}),
        ("trust-constr", "disc_nlc_rel", [0.5, 0.2], None, {}),
        ("trust-constr", "disc_dict", [0.5, 0.2], None, {}),
        ("trust-constr", "mixed", [0.5, 0.5, 0.5], None, {}),
    ]
    for meth, cname, x0, bnds, opts in runs:
        x0 = np.array(x0, dtype=float)
        kw, inputs = {}, [x0]
        params = {"f": "rosen", "method": meth, "cons": cname, **opts}
        if bnds is not None:
            kw["bounds"] = so.Bounds(bnds[0], bnds[1])
            inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
            params["bounds"] = True
        r = so.minimize(so.rosen, x0, method=meth, jac="cs", options=opts,
                        constraints=_cs_cons(cname, meth), **kw)
        extra = []
        if meth == "trust-constr":
            extra = [sum(r.constr_nfev), sum(r.constr_njev)]
        c.add("minimize_cs_cons", inputs, params,
              [r.x, np.array([float(r.fun), r.nfev, r.njev, r.nit, r.status] + extra, dtype=float)],
              note=r.message)


if __name__ == "__main__":
    main()
