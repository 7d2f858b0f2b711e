"""Reference data for sciox.optimize minimize(method='COBYLA') from SciPy 1.17.1
(PRIMA's COBYLA, pure Python).

Problems are named; crates/sciox/tests/suite/conformance_optimize_cobyla.rs
defines the same functions with the same floating-point operations.

Outputs of op "cobyla": x, float64 [fun, nfev, status, maxcv, success];
the message is in the note.
"""

import os
import sys
import warnings

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

INF = np.inf
NAN = np.nan


def tut_f(x):
    return (x[0] - 1.0) * (x[0] - 1.0) + (x[1] - 2.5) * (x[1] - 2.5)


def hs35_f(x):
    return 9.0 - 8.0 * x[0] - 6.0 * x[1] - 4.0 * x[2] + 2.0 * x[0] * x[0] + 2.0 * x[1] * x[1] + x[2] * x[2] + 2.0 * x[0] * x[1] + 2.0 * x[0] * x[2]


def hs71_f(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


def sq2(x):
    return x[0] * x[0] + x[1] * x[1]


def xy(x):
    return x[0] * x[1]


def quad4(x):
    return sum((x[i] - 0.5 * i) * (x[i] - 0.5 * i) * (i + 1.0) for i in range(4))


PROB = {
    # name: (f, x0, bounds or None)
    "rosen2": (so.rosen, [-1.2, 1.0], None),
    "rosen2b": (so.rosen, [1.3, 0.7], None),
    "rosen10": (so.rosen, [1.3, 0.7, 0.8, 1.9, 1.2, 1.1, 0.9, 1.0, 1.05, 0.95], None),
    "rosen_box": (so.rosen, [-1.2, 1.0], ([-2.0, -2.0], [0.5, 2.0])),
    "quad4_box": (quad4, [3.0, 3.0, 3.0, 3.0], ([-1.0, 0.8, -INF, 1.2], [INF, 2.0, 1.0, 1.3])),
    "tutorial": (tut_f, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "tutorial_lin": (tut_f, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "tutorial_lin_bad": (tut_f, [5.0, 5.0], ([0.0, 0.0], [INF, INF])),
    "fmin_doc": (xy, [0.0, 0.1], None),
    "hs06": (lambda x: (1.0 - x[0]) * (1.0 - x[0]), [-1.2, 1.0], None),
    "hs35": (hs35_f, [0.5, 0.5, 0.5], ([0.0, 0.0, 0.0], [INF, INF, INF])),
    # pyprima passes the reduced x to constraint functions when variables are fixed: no constraints here
    "quad4_fixed": (quad4, [3.0, 3.0, 3.0, 3.0], ([-1.0, 0.7, -INF, 1.2], [INF, 0.7, 1.0, 1.3])),
    "hs71": (hs71_f, [1.0, 5.0, 5.0, 1.0], ([1.0] * 4, [5.0] * 4)),
    "hs71_new": (hs71_f, [1.0, 5.0, 5.0, 1.0], ([1.0] * 4, [5.0] * 4)),
    "disc_new": (so.rosen, [-1.2, 1.0], None),
    "infeasible2": (sq2, [0.5, 0.5], None),
}

# NaN in x0 (appended after the error cases): SciPy 1.17's pyprima projects x0 onto the bounds
# with nanmax/nanmin, so a NaN becomes the lower bound (-inf, then -REALMAX, without one)
PROB_NAN = {
    "rosen2_nan": (so.rosen, [NAN, 1.0], None),
    "quad4_nan_box": (quad4, [NAN, 3.0, NAN, 3.0], ([-1.0, 0.8, -INF, 1.2], [INF, 2.0, 1.0, 1.3])),
}


def cons_for(name):
    if name == "tutorial":
        return [
            {"type": "ineq", "fun": lambda x: x[0] - 2.0 * x[1] + 2.0},
            {"type": "ineq", "fun": lambda x: -x[0] - 2.0 * x[1] + 6.0},
            {"type": "ineq", "fun": lambda x: -x[0] + 2.0 * x[1] + 2.0},
        ]
    if name.startswith("tutorial_lin"):
        return [so.LinearConstraint([[1.0, -2.0], [-1.0, -2.0], [-1.0, 2.0]], [-2.0, -6.0, -2.0], [INF, INF, INF])]
    if name == "fmin_doc":
        return [
            {"type": "ineq", "fun": lambda x: 1.0 - (x[0] * x[0] + x[1] * x[1])},
            {"type": "ineq", "fun": lambda x: x[1]},
        ]
    if name == "hs06":
        return [{"type": "eq", "fun": lambda x: np.array([10.0 * (x[1] - x[0] * x[0])])}]
    if name.startswith("hs35"):
        return [{"type": "ineq", "fun": lambda x: np.array([3.0 - x[0] - x[1] - 2.0 * x[2]])}]
    if name == "hs71":
        return [
            {"type": "ineq", "fun": lambda x: np.array([x[0] * x[1] * x[2] * x[3] - 25.0])},
            {"type": "eq", "fun": lambda x: np.array([x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0])},
        ]
    if name == "hs71_new":
        fn = lambda x: np.array([x[0] * x[1] * x[2] * x[3], x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]])
        return [so.NonlinearConstraint(fn, [25.0, 40.0], [INF, 40.0])]
    if name == "disc_new":
        return [so.NonlinearConstraint(lambda x: np.array([x[0] * x[0] + x[1] * x[1]]), -INF, 1.0)]
    if name == "infeasible2":
        return [
            {"type": "ineq", "fun": lambda x: np.array([x[0] + x[1] - 3.0])},
            {"type": "ineq", "fun": lambda x: np.array([1.0 - x[0] - x[1]])},
        ]
    return []


OPTS = {
    "rosen2": [{}, {"tol": 1e-8}, {"maxiter": 50}, {"rhobeg": 0.5, "tol": 1e-6}, {"maxiter": 2}],
    "rosen2b": [{}, {"tol": 1e-10, "maxiter": 5000}],
    "rosen10": [{}, {"maxiter": 3000}],
    "tutorial": [{}, {"tol": 1e-8}, {"f_target": 0.9}, {"maxiter": 10}],
    "fmin_doc": [{"tol": 1e-7}, {}],
}


def run(c, name, opts):
    f, x0, bnds = PROB[name] if name in PROB else PROB_NAN[name]
    kw = {}
    inputs = [np.array(x0, dtype=float)]
    params = {"prob": name, **opts}
    if bnds is not None:
        kw["bounds"] = so.Bounds(bnds[0], bnds[1])
        inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
        params["bounds"] = True
    tol = opts.get("tol")
    o = {k: v for k, v in opts.items() if k != "tol"}
    r = so.minimize(lambda x: float(f(x)), np.array(x0, dtype=float), method="COBYLA", constraints=cons_for(name), tol=tol, options=o, **kw)
    c.add("cobyla", inputs, params,
          [r.x, np.array([float(r.fun), r.nfev, r.status, float(r.maxcv), float(r.success)], dtype=float)],
          note=r.message)


def main():
    warnings.simplefilter("ignore")
    c = Cases("optimize_cobyla", crate="sciox")
    for name in PROB:
        for opts in OPTS.get(name, [{}]):
            run(c, name, opts)
    # errors: lb > ub; constraint bounds of different lengths
    try:
        so.minimize(so.rosen, [0.5, 0.5], method="COBYLA", bounds=so.Bounds([1.0, 0.0], [0.0, 1.0]))
    except ValueError as e:
        c.add("cobyla", [np.array([0.5, 0.5]), np.array([1.0, 0.0]), np.array([0.0, 1.0])], {"prob": "rosen2", "bounds": True}, None, "ValueError", note=str(e))
    try:
        so.minimize(so.rosen, [0.5, 0.5], method="COBYLA", constraints=[so.NonlinearConstraint(lambda x: np.array([x[0], x[1]]), [0.0], [1.0, 2.0])])
    except ValueError as e:
        c.add("cobyla", [np.array([0.5, 0.5])], {"prob": "bad_shape"}, None, "ValueError", note=str(e))
    for name in PROB_NAN:
        run(c, name, {})
    c.save()


if __name__ == "__main__":
    main()
