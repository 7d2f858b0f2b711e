"""scipy.integrate: Python callables (math module, the fastest scalar functions
for SciPy's per-point callbacks), SciPy's defaults (bench/rust/src/workloads/integrate.rs)."""

import math

import numpy as np
from scipy.integrate import dblquad, quad, solve_bvp, solve_ivp


def sinc(x):
    return math.sin(x) / x if x != 0.0 else 1.0


def smooth2(y, x):
    return math.cos(x + y) * math.exp(-0.5 * x * y)


def vdp_end(mu, t_end, method, jac):
    def f(t, y):
        return [y[1], mu * (1.0 - y[0] * y[0]) * y[1] - y[0]]

    def j(t, y):
        return [[0.0, 1.0], [-2.0 * mu * y[0] * y[1] - 1.0, mu * (1.0 - y[0] * y[0])]]

    kw = {"jac": j} if jac else {}
    r = solve_ivp(f, (0.0, t_end), [2.0, 0.0], method=method, **kw)
    return round(r.y[0, -1] * 100.0) / 100.0


def shock_fun(x, y):
    eps = 1e-3
    return np.vstack((y[1], -(x * y[1] + eps * np.pi ** 2 * np.cos(np.pi * x) + np.pi * x * np.sin(np.pi * x)) / eps))


def shock_bc(ya, yb):
    return np.array([ya[0] + 2, yb[0]])


def bvp_shock():
    return solve_bvp(shock_fun, shock_bc, np.linspace(-1, 1, 5), np.zeros((2, 5))).y


def register(add, vec, mat):
    add("quad_gauss_inf", lambda: None, lambda s: quad(lambda x: math.exp(-x * x), -math.inf, math.inf)[0])
    add("quad_sinc_0_100", lambda: None, lambda s: quad(sinc, 0.0, 100.0)[0])
    add("ivp_vdp1_rk45", lambda: None, lambda s: vdp_end(1.0, 20.0, "RK45", False))
    add("ivp_vdp1_dop853", lambda: None, lambda s: vdp_end(1.0, 20.0, "DOP853", False))
    add("ivp_vdp1000_radau", lambda: None, lambda s: vdp_end(1000.0, 3000.0, "Radau", True))
    add("ivp_vdp1000_bdf", lambda: None, lambda s: vdp_end(1000.0, 3000.0, "BDF", True))
    add("ivp_vdp_lsoda", lambda: None, lambda s: vdp_end(1000.0, 3000.0, "LSODA", True))
    add("dblquad_smooth", lambda: None, lambda s: dblquad(smooth2, 0.0, 2.0, lambda x: 0.0, lambda x: 1.0 + x)[0])
    add("bvp_shock", lambda: None, lambda s: bvp_shock())
