"""Reference data for sciox.optimize minimize(method='trust-constr') from
SciPy 1.17.1 (`_trustregion_constr`: equality-constrained SQP and the
barrier interior point).

Problems are named; crates/sciox/tests/suite/conformance_optimize_trust_constr.rs
defines the same functions with the same floating-point operations.

Outputs of op "trust_constr": x, float64 [fun, nit, nfev, njev, nhev,
status, cg_niter, constr_violation, optimality, success]; the message is
in the note. Params: prob, hess ('exact', 'bfgs', 'sr1', 'hessp'), grad
(bool: objective gradient given), options.
"""

import os
import sys
import warnings

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

INF = np.inf


def sq2(x):
    return x[0] * x[0] + x[1] * x[1]


def sq2_der(x):
    return np.array([2.0 * x[0], 2.0 * x[1]])


def sq2_hess(x):
    return np.array([[2.0, 0.0], [0.0, 2.0]])


def lin2(x):
    return x[0] + x[1]


def lin2_der(x):
    return np.array([1.0, 1.0])


def tut_f(x):
    return (x[0] - 1.0) * (x[0] - 1.0) + (x[1] - 2.5) * (x[1] - 2.5)


def tut_der(x):
    return np.array([2.0 * (x[0] - 1.0), 2.0 * (x[1] - 2.5)])


def hs71_f(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


def hs71_der(x):
    return np.array([
        x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3],
        x[0] * x[3],
        x[0] * x[3] + 1.0,
        x[0] * (x[0] + x[1] + x[2]),
    ])


def quad4(x):
    return sum((x[i] - 0.5 * i) * (x[i] - 0.5 * i) * (i + 1.0) for i in range(4))


ROSEN10 = [1.3, 0.7, 0.8, 1.9, 1.2, 1.1, 0.9, 1.0, 1.05, 0.95]

PROB = {
    # name: (f, grad, hess, hessp, x0, bounds or None)
    "rosen2": (so.rosen, so.rosen_der, so.rosen_hess, so.rosen_hess_prod, [-1.2, 1.0], None),
    "rosen10": (so.rosen, so.rosen_der, so.rosen_hess, so.rosen_hess_prod, ROSEN10, None),
    "sq2_lin_eq": (sq2, sq2_der, sq2_hess, None, [0.0, 0.0], None),
    # the same equality twice: a rank-deficient Jacobian (SciPy's SVD projections)
    "sq2_rankdef": (sq2, sq2_der, sq2_hess, None, [0.0, 0.0], None),
    "lin2_circle": (lin2, lin2_der, None, None, [0.5, -1.5], None),
    "rosen_circle_eq": (so.rosen, so.rosen_der, so.rosen_hess, None, [0.0, 0.5], None),
    "rosen_box": (so.rosen, so.rosen_der, so.rosen_hess, None, [0.5, 0.5], ([0.0, -0.5], [1.0, 2.0])),
    "rosen_box_active": (so.rosen, so.rosen_der, so.rosen_hess, so.rosen_hess_prod, [0.2, 0.2], ([0.0, -0.5], [0.7, 2.0])),
    "quad4_box": (quad4, None, None, None, [3.0, 3.0, 3.0, 3.0], ([-1.0, 0.8, -INF, 1.2], [INF, 2.0, 1.0, 1.3])),
    # SciPy's tutorial (bounds + linear + nonlinear constraints)
    "tutorial": (so.rosen, so.rosen_der, so.rosen_hess, None, [0.5, 0.0], ([0.0, -0.5], [1.0, 2.0])),
    "tutorial_consH": (so.rosen, so.rosen_der, so.rosen_hess, None, [0.5, 0.0], ([0.0, -0.5], [1.0, 2.0])),
    "tutorial_fdcons": (so.rosen, so.rosen_der, so.rosen_hess, None, [0.5, 0.0], ([0.0, -0.5], [1.0, 2.0])),
    "tutorial_sr1": (so.rosen, None, None, None, [0.5, 0.0], ([0.0, -0.5], [1.0, 2.0])),
    # SLSQP/COBYLA tutorial with old-style inequality dicts
    "tut_dicts": (tut_f, tut_der, None, None, [2.0, 0.0], ([0.0, 0.0], [INF, INF])),
    "hs71": (hs71_f, hs71_der, None, None, [1.0, 5.0, 5.0, 1.0], ([1.0] * 4, [5.0] * 4)),
    "hs71_fd": (hs71_f, None, None, None, [1.0, 5.0, 5.0, 1.0], ([1.0] * 4, [5.0] * 4)),
}


def cons_f(x):
    return [x[0] * x[0] + x[1], x[0] * x[0] - x[1]]


def cons_J(x):
    return [[2.0 * x[0], 1.0], [2.0 * x[0], -1.0]]


def cons_H(x, v):
    return v[0] * np.array([[2.0, 0.0], [0.0, 0.0]]) + v[1] * np.array([[2.0, 0.0], [0.0, 0.0]])


def cons_for(name):
    if name == "sq2_lin_eq":
        return [so.LinearConstraint([[1.0, 1.0]], [1.0], [1.0])]
    if name == "sq2_rankdef":
        return [so.LinearConstraint([[1.0, 1.0], [1.0, 1.0]], [1.0, 1.0], [1.0, 1.0])]
    if name == "lin2_circle":
        return [so.NonlinearConstraint(lambda x: np.array([x[0] * x[0] + x[1] * x[1]]), 2.0, 2.0,
                                       jac=lambda x: np.array([[2.0 * x[0], 2.0 * x[1]]]))]
    if name == "rosen_circle_eq":
        return [{"type": "eq", "fun": lambda x: np.array([x[0] * x[0] + x[1] * x[1] - 1.0]),
                 "jac": lambda x: np.array([[2.0 * x[0], 2.0 * x[1]]])}]
    if name == "tutorial":
        return [so.LinearConstraint([[1.0, 2.0], [2.0, 1.0]], [-INF, 1.0], [1.0, 1.0]),
                so.NonlinearConstraint(cons_f, -INF, 1.0, jac=cons_J, hess=so.BFGS())]
    if name == "tutorial_consH":
        return [so.LinearConstraint([[1.0, 2.0], [2.0, 1.0]], [-INF, 1.0], [1.0, 1.0]),
                so.NonlinearConstraint(cons_f, -INF, 1.0, jac=cons_J, hess=cons_H)]
    if name in ("tutorial_fdcons", "tutorial_sr1"):
        return [so.LinearConstraint([[1.0, 2.0], [2.0, 1.0]], [-INF, 1.0], [1.0, 1.0]),
                so.NonlinearConstraint(cons_f, -INF, 1.0, jac="2-point", hess=so.BFGS())]
    if name == "tut_dicts":
        return [
            {"type": "ineq", "fun": lambda x: x[0] - 2.0 * x[1] + 2.0},
            {"type": "ineq", "fun": lambda x: -x[0] - 2.0 * x[1] + 6.0},
            {"type": "ineq", "fun": lambda x: -x[0] + 2.0 * x[1] + 2.0},
        ]
    if name == "hs71":
        return [so.NonlinearConstraint(
            lambda x: np.array([x[0] * x[1] * x[2] * x[3], x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]]),
            [25.0, 40.0], [INF, 40.0],
            jac=lambda x: np.array([[x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]],
                                    [2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]]]))]
    if name == "hs71_fd":
        return [so.NonlinearConstraint(
            lambda x: np.array([x[0] * x[1] * x[2] * x[3], x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3]]),
            [25.0, 40.0], [INF, 40.0])]
    return []


RUNS = {
    "rosen2": [("exact", True, {}), ("bfgs", True, {}), ("bfgs", False, {}), ("sr1", True, {}),
               ("hessp", True, {}), ("exact", True, {"maxiter": 10}), ("bfgs", True, {"tol": 1e-4}),
               ("exact", True, {"initial_tr_radius": 0.1})],
    "rosen10": [("exact", True, {}), ("bfgs", True, {}), ("hessp", True, {})],
    "sq2_lin_eq": [("bfgs", False, {}), ("exact", True, {})],
    "sq2_rankdef": [("bfgs", True, {})],
    "lin2_circle": [("bfgs", True, {})],
    "rosen_circle_eq": [("exact", True, {}), ("bfgs", True, {})],
    "rosen_box": [("exact", True, {}), ("bfgs", True, {})],
    "rosen_box_active": [("exact", True, {}), ("hessp", True, {})],
    "quad4_box": [("bfgs", False, {})],
    "tutorial": [("exact", True, {})],
    "tutorial_consH": [("exact", True, {})],
    "tutorial_fdcons": [("exact", True, {})],
    "tutorial_sr1": [("sr1", False, {})],
    "tut_dicts": [("bfgs", True, {})],
    "hs71": [("bfgs", True, {}), ("bfgs", True, {"maxiter": 20})],
    "hs71_fd": [("bfgs", False, {})],
}


def run(c, name, hk, give_grad, opts):
    f, g, h, hp, x0, bnds = PROB[name]
    kw = {}
    inputs = [np.array(x0, dtype=float)]
    params = {"prob": name, "hess": hk, "grad": give_grad, **opts}
    kf = opts.pop("keep_feasible", False)
    if kf is not False:
        params["keep_feasible"] = kf
    if bnds is not None:
        kw["bounds"] = so.Bounds(bnds[0], bnds[1], keep_feasible=kf)
        inputs += [np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float)]
        params["bounds"] = True
    if give_grad:
        kw["jac"] = g
    if hk == "exact":
        kw["hess"] = h
    elif hk == "sr1":
        kw["hess"] = so.SR1()
    elif hk == "hessp":
        kw["hessp"] = hp
    elif hk in ("2-point", "3-point"):
        kw["hess"] = hk
    tol = opts.get("tol")
    o = {k: v for k, v in opts.items() if k != "tol"}
    r = so.minimize(lambda x: float(f(x)), np.array(x0, dtype=float), method="trust-constr",
                    constraints=cons_for(name), tol=tol, options=o, **kw)
    c.add("trust_constr", inputs, params,
          [r.x, np.array([float(r.fun), r.nit, r.nfev, r.njev, r.nhev, r.status, r.cg_niter,
                          float(r.constr_violation), float(r.optimality), float(r.success)], dtype=float)],
          note=r.message)


def main():
    warnings.simplefilter("ignore")
    c = Cases("optimize_trust_constr", crate="sciox")
    for name, runs in RUNS.items():
        for hk, give_grad, opts in runs:
            run(c, name, hk, give_grad, opts)
    # errors: lb > ub; more equality constraints than variables
    try:
        so.minimize(so.rosen, [0.5, 0.5], method="trust-constr", bounds=so.Bounds([1.0, 0.0], [0.0, 1.0]))
    except ValueError as e:
        c.add("trust_constr", [np.array([0.5, 0.5]), np.array([1.0, 0.0]), np.array([0.0, 1.0])],
              {"prob": "rosen2", "hess": "bfgs", "grad": False, "bounds": True}, None, "ValueError", note=str(e))
    try:
        so.minimize(sq2, [0.5, 0.5], method="trust-constr",
                    constraints=[so.LinearConstraint([[1.0, 1.0], [1.0, -1.0], [2.0, 1.0]], [1.0, 0.0, 1.5], [1.0, 0.0, 1.5])])
    except ValueError as e:
        c.add("trust_constr", [np.array([0.5, 0.5])], {"prob": "too_many_eq", "hess": "bfgs", "grad": False},
              None, "ValueError", note=str(e))
    # (appended after the original cases so their ids stay stable)
    # hess='2-point'/'3-point' (finite differences of the gradient)
    for name, hk, opts in (("rosen2", "2-point", {}), ("rosen2", "3-point", {}), ("rosen10", "2-point", {}),
                           ("rosen_box", "2-point", {}), ("tutorial", "3-point", {}), ("hs71", "2-point", {}),
                           ("rosen2", "2-point", {"finite_diff_rel_step": 1e-6})):
        run(c, name, hk, True, dict(opts))
    # Bounds(keep_feasible=...): the barrier keeps those bounds' slacks exact
    for name, hk, gg, opts in (("rosen_box", "exact", True, {"keep_feasible": True}),
                               ("rosen_box", "bfgs", True, {"keep_feasible": True}),
                               ("rosen_box_active", "exact", True, {"keep_feasible": True}),
                               ("rosen_box_active", "exact", True, {"keep_feasible": [True, False]}),
                               ("quad4_box", "bfgs", False, {"keep_feasible": [True, False, False, False]}),
                               ("hs71_fd", "bfgs", False, {"keep_feasible": True}),
                               ("tutorial_fdcons", "exact", True, {"keep_feasible": True})):
        run(c, name, hk, gg, dict(opts))
    # errors: FD gradient with FD Hessian; x0 outside a bound kept feasible
    try:
        so.minimize(so.rosen, [0.5, 0.5], method="trust-constr", hess="2-point")
    except ValueError as e:
        c.add("trust_constr", [np.array([0.5, 0.5])], {"prob": "rosen2", "hess": "2-point", "grad": False},
              None, "ValueError", note=str(e))
    try:
        so.minimize(so.rosen, [1.5, 0.5], method="trust-constr", jac=so.rosen_der,
                    bounds=so.Bounds([0.0, -0.5], [1.0, 2.0], keep_feasible=True))
    except ValueError as e:
        c.add("trust_constr", [np.array([1.5, 0.5]), np.array([0.0, -0.5]), np.array([1.0, 2.0])],
              {"prob": "rosen2", "hess": "bfgs", "grad": True, "bounds": True, "keep_feasible": True},
              None, "ValueError", note=str(e))
    try:
        so.minimize(quad4, [3.0, 3.0, 3.0, 3.0], method="trust-constr",
                    bounds=so.Bounds([-1.0, 0.8, -INF, 1.2], [INF, 2.0, 1.0, 1.3], keep_feasible=True))
    except ValueError as e:
        c.add("trust_constr", [np.array([3.0] * 4), np.array([-1.0, 0.8, -INF, 1.2]), np.array([INF, 2.0, 1.0, 1.3])],
              {"prob": "quad4_box", "hess": "bfgs", "grad": False, "bounds": True, "keep_feasible": True},
              None, "ValueError", note=str(e))
    c.save()


if __name__ == "__main__":
    main()
