"""Reference data for sciox.optimize.root (all methods) from SciPy 1.17.1.

Systems are named; crates/sciox/tests/suite/conformance_optimize_root.rs
defines the same functions with the same floating-point operations (math.*
per element, i.e. glibc's, on both sides; powers written as products; sums
as plain left-to-right loops).

Each case: op "root", input x0, params {problem, method, tol, options},
outputs x, fun, float64 [success, status (-1: none), nfev, nit (-1: none)].
An exception SciPy raises is recorded by class name.
"""

import math
import os
import sys
import warnings

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402


def f_doc(x):
    return np.array([x[0] + 0.5 * ((x[0] - x[1]) * (x[0] - x[1]) * (x[0] - x[1])) - 1.0,
                     0.5 * ((x[1] - x[0]) * (x[1] - x[0]) * (x[1] - x[0])) + x[1]])


def f_circle(x):
    return np.array([x[0] * x[0] + x[1] * x[1] - 4.0, x[0] * x[1] - 1.0])


def f_contract(x):
    return np.array([x[0] - 0.5 * math.cos(x[1]), x[1] - 0.5 * math.sin(x[0])])


def f_expsys(x):
    return np.array([math.exp(x[0]) + x[1] - 3.0, x[0] * x[0] * x[0] + math.exp(-x[1]) - 1.5, x[2] - x[0] * x[1]])


def f_negcontract(x):
    return np.array([0.5 * math.cos(x[1]) - x[0], 0.5 * math.sin(x[0]) - x[1]])


def f_brtri(x):
    n = len(x)
    out = np.empty(n)
    for i in range(n):
        xm = x[i - 1] if i > 0 else 0.0
        xp = x[i + 1] if i < n - 1 else 0.0
        out[i] = (3.0 - 2.0 * x[i]) * x[i] - xm - 2.0 * xp + 1.0
    return out


def f_pde(p):
    """SciPy's root docstring PDE on a 6x6 grid (flattened, C order), source 2 cosh(P).mean()**2."""
    nx = ny = 6
    hx = 1.0 / (nx - 1)
    hy = 1.0 / (ny - 1)
    P = [[p[i * ny + j] for j in range(ny)] for i in range(nx)]
    s = 0.0
    for i in range(nx):
        for j in range(ny):
            s += math.cosh(P[i][j])
    m = s / (nx * ny)
    src = 2.0 * (m * m)
    out = np.empty(nx * ny)
    for i in range(nx):
        for j in range(ny):
            left = P[i - 1][j] if i > 0 else 0.0
            right = P[i + 1][j] if i < nx - 1 else 0.0
            down = P[i][j - 1] if j > 0 else 0.0
            up = P[i][j + 1] if j < ny - 1 else 1.0
            d2x = (right - 2.0 * P[i][j] + left) / hx / hx
            d2y = (up - 2.0 * P[i][j] + down) / hy / hy
            out[i * ny + j] = d2x + d2y + src
    return out


ALL = ["hybr", "lm", "broyden1", "broyden2", "anderson", "diagbroyden", "krylov", "df-sane"]
# problem: (function, [(x0, methods that converge from it)]); runs that hit
# the iteration limit after hundreds of chaotic steps are left out.
PROBLEMS = {
    "doc": (f_doc, [([0.0, 0.0], [m for m in ALL if m != "krylov"]), ([2.0, -1.0], ALL)]),
    "circle": (f_circle, [([2.0, 0.5], ALL)]),
    "contract": (f_contract, [([0.0, 0.0], ALL), ([3.0, -2.0], ALL)]),
    "negcontract": (f_negcontract, [([0.0, 0.0], ["linearmixing", "excitingmixing", "diagbroyden", "broyden1",
                                                  "anderson"]),
                                    ([3.0, -2.0], ["linearmixing", "excitingmixing", "diagbroyden"])]),
    "expsys": (f_expsys, [([0.5, 1.0, 0.0], ["hybr", "lm", "broyden1", "broyden2", "anderson", "krylov",
                                             "df-sane"])]),
    "brtri10": (f_brtri, [([-1.0] * 10, ["hybr", "lm", "broyden2", "anderson", "krylov", "df-sane"])]),
    "brtri50": (f_brtri, [([-1.0] * 50, ["hybr", "lm", "anderson", "krylov", "df-sane"])]),
    "pde": (f_pde, [([0.0] * 36, ["hybr", "lm", "broyden2", "anderson", "krylov", "df-sane"])]),
}

# (problem, x0, method, tol, options) beyond the defaults
EXTRA = [
    ("doc", [0.0, 0.0], "broyden1", 1e-10, {}),
    ("doc", [2.0, -1.0], "krylov", 1e-10, {}),
    ("doc", [0.0, 0.0], "df-sane", 1e-12, {}),
    ("doc", [0.0, 0.0], "broyden2", None, {"line_search": None}),
    ("doc", [0.0, 0.0], "anderson", None, {"jac_options": {"M": 2, "w0": 0.0}}),
    ("doc", [0.0, 0.0], "broyden1", None, {"nit": 4}),
    ("doc", [0.0, 0.0], "broyden1", None, {"maxiter": 3}),
    ("doc", [0.0, 0.0], "broyden1", None, {"fatol": 1e-12, "jac_options": {"alpha": 0.5}}),
    ("doc", [0.0, 0.0], "broyden1", None, {"jac_options": {"max_rank": 3, "reduction_method": "simple"}}),
    ("doc", [0.0, 0.0], "broyden2", None, {"jac_options": {"max_rank": 2}}),
    ("doc", [0.0, 0.0], "df-sane", None, {"line_search": "cheng"}),
    ("doc", [0.0, 0.0], "df-sane", None, {"maxfev": 5}),
    ("doc", [0.0, 0.0], "df-sane", None, {"M": 3, "sigma_0": 0.5}),
    ("negcontract", [0.0, 0.0], "excitingmixing", None, {"jac_options": {"alpha": 0.2, "alphamax": 0.5}}),
    ("negcontract", [0.0, 0.0], "linearmixing", None, {"jac_options": {"alpha": 0.5}, "xtol": 1e-9}),
    ("brtri10", [-1.0] * 10, "krylov", None, {"jac_options": {"outer_k": 3, "inner_inner_m": 5}}),
    ("brtri10", [-1.0] * 10, "df-sane", None, {"line_search": "cheng"}),
    ("brtri50", [-1.0] * 50, "krylov", None, {"xtol": 1e-12, "fatol": 1e-14}),
    ("circle", [2.0, 0.5], "lm", 1e-12, {}),
    ("circle", [2.0, 0.5], "hybr", None, {"maxfev": 5}),
    # SciPy's errors: a line search of the other family (ValueError)
    ("doc", [0.0, 0.0], "broyden1", None, {"line_search": "cruz"}),
    ("doc", [0.0, 0.0], "df-sane", None, {"line_search": "armijo"}),
    # line_search='wolfe' (scalar_search_wolfe1) and reduction_method 'svd'
    ("doc", [0.0, 0.0], "broyden1", None, {"line_search": "wolfe"}),
    ("doc", [0.0, 0.0], "broyden2", None, {"line_search": "wolfe"}),
    ("doc", [0.0, 0.0], "anderson", None, {"line_search": "wolfe"}),
    ("expsys", [0.5, 1.0, 0.0], "broyden2", None, {"line_search": "wolfe"}),
    ("brtri10", [-1.0] * 10, "broyden2", None, {"line_search": "wolfe"}),
    ("doc", [0.0, 0.0], "diagbroyden", None, {"line_search": "wolfe"}),
    ("brtri10", [-1.0] * 10, "anderson", None, {"line_search": "wolfe"}),
    ("doc", [0.0, 0.0], "broyden1", None, {"jac_options": {"max_rank": 3, "reduction_method": "svd"}}),
    ("doc", [0.0, 0.0], "broyden2", None, {"jac_options": {"max_rank": 4, "reduction_method": ("svd", 1)}}),
    ("expsys", [0.5, 1.0, 0.0], "broyden2", None, {"jac_options": {"max_rank": 3, "reduction_method": "svd"}}),
    ("doc", [0.0, 0.0], "broyden1", None, {"jac_options": {"max_rank": 3, "reduction_method": "svd"},
                                            "line_search": "wolfe"}),
]


def run_case(c, name, x0, method, tol, options):
    fun = PROBLEMS[name][0]
    params = {"problem": name, "method": method, "tol": tol, "options": options}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"):
                r = so.root(fun, np.array(x0, dtype=float), method=method, tol=tol, options=dict(options))
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        c.add("root", [np.array(x0)], params, None, type(e).__name__, note=str(e))
        return
    status = r.get("status", -1)
    nit = r.get("nit", -1)
    c.add("root", [np.array(x0)], params,
          [np.asarray(r.x, dtype=float), np.asarray(r.fun, dtype=float),
           np.array([float(bool(r.success)), status, r.nfev, nit], dtype=float)],
          note=str(r.message))


def norm_l2(v):
    s = 0.0
    for a in v:
        s += a * a
    return math.sqrt(s)


def norm_l1(v):
    s = 0.0
    for a in v:
        s += abs(a)
    return s


NORMS = {"l2": norm_l2, "l1": norm_l1}

# op "root_cb" (appended after all older cases): a user `tol_norm` and the
# callback's history (x and f at every call, concatenated)
CB_RUNS = [
    ("doc", [0.0, 0.0], "broyden1", {"tol_norm": "l2"}),
    ("doc", [0.0, 0.0], "broyden2", {"tol_norm": "l1"}),
    ("doc", [0.0, 0.0], "anderson", {}),
    ("doc", [0.0, 0.0], "broyden1", {"tol_norm": "l2", "line_search": "wolfe"}),
    ("doc", [0.0, 0.0], "broyden1", {"nit": 4}),
    ("doc", [0.0, 0.0], "df-sane", {}),
    ("contract", [0.0, 0.0], "diagbroyden", {"tol_norm": "l2"}),
    ("negcontract", [0.0, 0.0], "linearmixing", {"tol_norm": "l1"}),
    ("negcontract", [0.0, 0.0], "excitingmixing", {}),
    ("expsys", [0.5, 1.0, 0.0], "broyden2", {"tol_norm": "l2", "fatol": 1e-10}),
    ("brtri10", [-1.0] * 10, "krylov", {"tol_norm": "l2"}),
    ("circle", [2.0, 0.5], "anderson", {"tol_norm": "l1", "xtol": 1e-6}),
]


def run_cb(c, name, x0, method, options):
    fun = PROBLEMS[name][0]
    params = {"problem": name, "method": method, "tol": None, "options": options}
    opts = dict(options)
    if "tol_norm" in opts:
        opts["tol_norm"] = NORMS[opts["tol_norm"]]
    hist = []

    def cb(x, f):
        hist.extend(list(np.asarray(x, dtype=float)) + list(np.asarray(f, dtype=float)))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = so.root(fun, np.array(x0, dtype=float), method=method, options=opts, callback=cb)
    c.add("root_cb", [np.array(x0)], params,
          [np.asarray(r.x, dtype=float), np.asarray(r.fun, dtype=float),
           np.array([float(bool(r.success)), r.get("status", -1), r.nfev, r.get("nit", -1)], dtype=float),
           np.array(hist, dtype=float)],
          note=str(r.message))


def main():
    c = Cases("optimize_root", crate="sciox")
    for name, (_, runs) in PROBLEMS.items():
        for x0, methods in runs:
            for method in methods:
                run_case(c, name, x0, method, None, {})
    for name, x0, method, tol, options in EXTRA:
        run_case(c, name, x0, method, tol, options)
    for name, x0, method, options in CB_RUNS:
        run_cb(c, name, x0, method, options)
    c.save()


if __name__ == "__main__":
    main()
