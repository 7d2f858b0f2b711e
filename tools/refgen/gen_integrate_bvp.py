"""Reference data for sciox.integrate.solve_bvp (SciPy 1.17.1).

Problems are named (crates/sciox/tests/conformance_integrate_bvp.rs defines
the same right-hand sides and boundary conditions, most from SciPy's own
test_bvp.py). Inputs: in0 = initial mesh x, in1 = initial guess y (n, m).
Outputs: out0 = final mesh x, out1 = y, out2 = yp, out3 = rms_residuals,
out4 = [niter, status], out5 = p (empty when none), out6 = sol(xt),
out7 = sol(xt, 1) at xt = linspace(a, b, 9).
"""

import math
import warnings

import numpy as np
import scipy
from scipy.integrate import solve_bvp

from refgen_common import Cases


def exp_fun(x, y):
    return np.vstack((y[1], y[0]))


def exp_fun_jac(x, y):
    d = np.empty((2, 2, x.shape[0]))
    d[0, 0], d[0, 1], d[1, 0], d[1, 1] = 0, 1, 1, 0
    return d


def exp_bc(ya, yb):
    return np.hstack((ya[0] - 1, yb[0]))


def exp_bc_jac(ya, yb):
    return np.array([[1.0, 0], [0, 0]]), np.array([[0.0, 0], [1, 0]])


def sl_fun(x, y, p):
    return np.vstack((y[1], -p[0] ** 2 * y[0]))


def sl_bc(ya, yb, p):
    return np.hstack((ya[0], yb[0], ya[1] - p[0]))


def sl_fun_jac(x, y, p):
    n, m = y.shape
    df_dy = np.empty((n, 2, m))
    df_dy[0, 0], df_dy[0, 1], df_dy[1, 0], df_dy[1, 1] = 0, 1, -p[0] ** 2, 0
    df_dp = np.empty((n, 1, m))
    df_dp[0, 0] = 0
    df_dp[1, 0] = -2 * p[0] * y[0]
    return df_dy, df_dp


def sl_bc_jac(ya, yb, p):
    dbc_dya = np.array([[1.0, 0], [0, 0], [0, 1]])
    dbc_dyb = np.array([[0.0, 0], [1, 0], [0, 0]])
    dbc_dp = np.array([[0.0], [0], [-1]])
    return dbc_dya, dbc_dyb, dbc_dp


def emden_fun(x, y):
    return np.vstack((y[1], -y[0] ** 5))


def emden_fun_jac(x, y):
    d = np.empty((2, 2, x.shape[0]))
    d[0, 0], d[0, 1], d[1, 0], d[1, 1] = 0, 1, -5 * y[0] ** 4, 0
    return d


def emden_bc(ya, yb):
    return np.array([ya[1], yb[0] - (3 / 4) ** 0.5])


def undefined_fun(x, y):
    return np.zeros_like(y)


def undefined_bc(ya, yb):
    return np.array([ya[0], yb[0] - 1])


def big_fun(x, y):
    f = np.zeros_like(y)
    f[::2] = y[1::2]
    return f


def big_bc(ya, yb):
    return np.hstack((ya[::2], yb[::2] - 1))


def shock_fun(x, y):
    eps = 1e-3
    return np.vstack((y[1], -(x * y[1] + eps * np.pi ** 2 * np.cos(np.pi * x) + np.pi * x * np.sin(np.pi * x)) / eps))


def shock_bc(ya, yb):
    return np.array([ya[0] + 2, yb[0]])


def nonlin_bc_fun(x, y):
    return np.stack([y[1], np.zeros_like(x)])


def nonlin_bc_bc(ya, yb):
    kappa, ioA, ioC, V, f = 1.64, 0.01, 1.0e-4, 0.5, 38.9
    hA = 0.0 - ya[0] - 0.0
    iA = ioA * (np.exp(f * hA) - np.exp(-f * hA))
    hC = V - yb[0] - 1.0
    iC = ioC * (np.exp(f * hC) - np.exp(-f * hC))
    return np.array([iA + kappa * ya[1], iC - kappa * yb[1]])


def bratu_fun(x, y):
    return np.vstack((y[1], -np.exp(y[0])))


def bratu_fun_jac(x, y):
    d = np.empty((2, 2, x.shape[0]))
    d[0, 0], d[0, 1], d[1, 0], d[1, 1] = 0, 1, -np.exp(y[0]), 0
    return d


def bratu_bc(ya, yb):
    return np.array([ya[0], yb[0]])


def layer_fun(x, y):
    # eps y'' = y, boundary layers at both ends (eps = 1e-3)
    return np.vstack((y[1], y[0] / 1e-3))


def layer_bc(ya, yb):
    return np.array([ya[0] - 1, yb[0] - 1])


def exp_bc_complex(ya, yb):
    return np.array([ya[0] - 1 - 1j, yb[0]])


def cosc_fun(x, y):
    return np.vstack((y[1], (1 + 2j) * y[0]))


def cosc_bc(ya, yb):
    return np.array([ya[0] - 1, yb[0] - 1j])


def cosc_fun_jac(x, y):
    d = np.empty((2, 2, x.shape[0]), dtype=complex)
    d[0, 0], d[0, 1], d[1, 0], d[1, 1] = 0, 1, 1 + 2j, 0
    return d


P = {
    "exp": (exp_fun, exp_bc, exp_fun_jac, exp_bc_jac),
    "sl": (sl_fun, sl_bc, sl_fun_jac, sl_bc_jac),
    "emden": (emden_fun, emden_bc, emden_fun_jac, None),
    "undefined": (undefined_fun, undefined_bc, None, None),
    "big": (big_fun, big_bc, None, None),
    "shock": (shock_fun, shock_bc, None, None),
    "nonlin_bc": (nonlin_bc_fun, nonlin_bc_bc, None, None),
    "bratu": (bratu_fun, bratu_bc, bratu_fun_jac, None),
    "layer": (layer_fun, layer_bc, None, None),
    "exp_complex": (exp_fun, exp_bc_complex, None, None),
    "cosc": (cosc_fun, cosc_bc, cosc_fun_jac, None),
}


def main():
    c = Cases("integrate_bvp", crate="sciox")

    def run(problem, x, y, **kw):
        fun, bc, fj, bj = P[problem]
        params = {"problem": problem}
        call = {}
        for key, v in kw.items():
            if key == "fun_jac":
                call["fun_jac"] = fj
                params["fun_jac"] = True
            elif key == "bc_jac":
                call["bc_jac"] = bj
                params["bc_jac"] = True
            elif key == "S":
                call["S"] = np.array(v, dtype=float)
                params["S"] = [float(t) for t in np.ravel(v)]
            elif key == "p":
                call["p"] = v
                params["p"] = [float(t) for t in v]
            else:
                call[key] = v
                params[key] = v
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=complex if np.iscomplexobj(y) else float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                r = solve_bvp(fun, bc, x, y.copy(), **call)
            except Exception as e:  # noqa: BLE001
                c.add("solve_bvp", [x, y], params, None, type(e).__name__)
                return
        xt = np.linspace(r.x[0], r.x[-1], 9)
        p = np.array([], dtype=r.y.dtype) if r.p is None else np.asarray(r.p, dtype=r.y.dtype)
        c.add("solve_bvp", [x, y], params,
              [r.x, r.y, r.yp, r.rms_residuals, np.array([r.niter, r.status], dtype=np.int64), p,
               r.sol(xt), r.sol(xt, 1)])

    z = lambda n, m: np.zeros((n, m))  # noqa: E731
    x5 = np.linspace(0, 1, 5)
    run("exp", x5, z(2, 5))
    run("exp", x5, z(2, 5), fun_jac=True, bc_jac=True)
    run("exp", x5, z(2, 5), tol=1e-8)
    run("exp", np.linspace(0, 1, 2), z(2, 2), tol=1e-5, max_nodes=5)
    ysl = z(2, 5)
    ysl[0, 1], ysl[0, 3] = 1, -1
    run("sl", x5, ysl, p=[6.0])
    run("sl", x5, ysl, p=[6.0], fun_jac=True, bc_jac=True)
    run("sl", x5, ysl, p=[6.0], tol=1e-6)
    x10 = np.linspace(0, 1, 10)
    ye = np.empty((2, 10))
    ye[0], ye[1] = (3 / 4) ** 0.5, 1e-4
    run("emden", x10, ye, S=[[0, 0], [0, -2]])
    run("emden", x10, ye, S=[[0, 0], [0, -2]], fun_jac=True)
    run("undefined", x5, z(2, 5))
    run("big", x5, z(60, 5))
    run("shock", np.linspace(-1, 1, 5), z(2, 5))
    run("nonlin_bc", np.linspace(0, 0.1, 5), z(2, 5))
    run("nonlin_bc", np.linspace(0, 0.1, 5), z(2, 5), bc_tol=1e-10)
    run("bratu", x5, z(2, 5))
    yb = z(2, 5)
    yb[0] = 3
    run("bratu", x5, yb)
    run("bratu", x5, yb, fun_jac=True, tol=1e-6)
    run("layer", np.linspace(0, 1, 11), z(2, 11))
    run("layer", np.linspace(0, 1, 11), z(2, 11), max_nodes=40)
    run("nonlin_bc", np.linspace(0, 0.1, 5), z(2, 5), bc_tol=1e-18)
    # complex domains
    zc = lambda n, m: np.zeros((n, m), dtype=complex)  # noqa: E731
    run("exp_complex", x5, zc(2, 5))
    run("exp_complex", x5, zc(2, 5), tol=1e-6)
    run("cosc", np.linspace(0, 2, 5), zc(2, 5))
    run("cosc", np.linspace(0, 2, 5), zc(2, 5), fun_jac=True, tol=1e-7)
    # invalid input
    run("exp", np.array([0.0, 0.5, 0.5, 1.0]), z(2, 4))
    run("exp", x5, z(2, 4))
    run("exp", x5, z(2, 5), S=[[0, 0, 0], [0, 0, 0], [0, 0, 0]])
    c.save()
    print("scipy", scipy.__version__)


if __name__ == "__main__":
    main()
