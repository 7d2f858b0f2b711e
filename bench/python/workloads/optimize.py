"""scipy.optimize: root finding per call and minimize on 2-D Rosenbrock (bench/rust/src/workloads/optimize.rs)."""

import numpy as np
from scipy import optimize as so


def _brentq_x1000(_):
    s = 0.0
    for c in range(1, 1001):
        c = float(c)
        s += so.brentq(lambda x, c=c: x * x * x - 2.0 * x - c, 0.0, 12.0)
    return s


def _decay_data(n):
    t = np.linspace(0.0, 5.0, n)
    y = 2.5 * np.exp(-1.3 * t) + 0.5 + 0.01 * np.sin(7.0 * np.arange(n))
    return t, y


def _decay_model(t, a, b, c):
    return a * np.exp(-b * t) + c


def _broyden(x):
    f = (3.0 - 2.0 * x) * x + 1.0
    f[1:] -= x[:-1]
    f[:-1] -= 2.0 * x[1:]
    return f


def _hs71(with_jac):
    f = lambda x: x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]
    g = lambda x: np.array([x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3], x[0] * x[3], x[0] * x[3] + 1.0, x[0] * (x[0] + x[1] + x[2])])
    ci = {"type": "ineq", "fun": lambda x: x[0] * x[1] * x[2] * x[3] - 25.0}
    ce = {"type": "eq", "fun": lambda x: x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0}
    kw = {}
    if with_jac:
        ci["jac"] = lambda x: np.array([x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]])
        ce["jac"] = lambda x: np.array([2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]])
        kw["jac"] = g
    x0 = np.array([1.0, 5.0, 5.0, 1.0])
    return lambda _: so.minimize(f, x0, method="SLSQP", bounds=[(1.0, 5.0)] * 4, constraints=[ci, ce], **kw).x


def _hs71_trust_constr(_):
    f = lambda x: x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]
    g = lambda x: np.array([x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3], x[0] * x[3], x[0] * x[3] + 1.0, x[0] * (x[0] + x[1] + x[2])])
    ci = {"type": "ineq", "fun": lambda x: x[0] * x[1] * x[2] * x[3] - 25.0,
          "jac": lambda x: np.array([x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]])}
    ce = {"type": "eq", "fun": lambda x: x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0,
          "jac": lambda x: np.array([2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]])}
    x0 = np.array([1.0, 5.0, 5.0, 1.0])
    return so.minimize(f, x0, jac=g, method="trust-constr", bounds=so.Bounds([1.0] * 4, [5.0] * 4),
                       constraints=[ci, ce]).x


def register(add, vec, mat):
    add("minimize_slsqp_hs071", lambda: None, _hs71(True))
    add("minimize_slsqp_fd_hs071", lambda: None, _hs71(False))
    x10 = -1.0 + 2.5 * (np.arange(10) / 9.0)
    add("minimize_trust_exact_rosen10", lambda: x10,
        lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, hess=so.rosen_hess, method="trust-exact").fun)
    add("minimize_trust_ncg_hessp_rosen10", lambda: x10,
        lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, hessp=so.rosen_hess_prod, method="trust-ncg").fun)
    add("minimize_trust_constr_hs071", lambda: None, _hs71_trust_constr)
    add("minimize_trust_constr_rosen10", lambda: x10,
        lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, hess=so.rosen_hess, method="trust-constr").fun)
    for n in (50, 10000):
        add("curve_fit_exp%d" % n, lambda n=n: _decay_data(n),
            lambda s: so.curve_fit(_decay_model, s[0], s[1], p0=[1.0, 1.0, 1.0])[0])
        add("least_squares_lm_exp%d" % n, lambda n=n: _decay_data(n),
            lambda s: so.least_squares(lambda p: p[0] * np.exp(-p[1] * s[0]) + p[2] - s[1], [1.0, 1.0, 1.0],
                                       method="lm").x)
        add("least_squares_trf_bounds_exp%d" % n, lambda n=n: _decay_data(n),
            lambda s: so.least_squares(lambda p: p[0] * np.exp(-p[1] * s[0]) + p[2] - s[1], [1.0, 2.0, 1.0],
                                       bounds=([0.0, 1.5, 0.0], [10.0, 3.0, 10.0])).x)
        add("curve_fit_bounds_exp%d" % n, lambda n=n: _decay_data(n),
            lambda s: so.curve_fit(_decay_model, s[0], s[1], p0=[1.0, 2.0, 1.0],
                                   bounds=([0.0, 1.5, 0.0], [10.0, 3.0, 10.0]))[0])
    add("root_hybr_broyden10", lambda: -np.ones(10), lambda s: so.root(_broyden, s, method="hybr").x)

    add("brentq_cubic_x1000", lambda: None, _brentq_x1000)
    x0 = np.array([-1.2, 1.0])
    for name, meth in (("bfgs", "BFGS"), ("neldermead", "Nelder-Mead"), ("powell", "Powell"), ("cg", "CG")):
        add("minimize_%s_rosen2" % name, lambda: x0, lambda s, meth=meth: so.minimize(so.rosen, s, method=meth).x)
    add("minimize_bfgs_jac_rosen2", lambda: x0, lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, method="BFGS").x)
    x100 = -1.0 + 2.5 * (np.arange(100) / 99.0)
    add("minimize_bfgs_jac_rosen100", lambda: x100, lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, method="BFGS").fun)
    add("minimize_lbfgsb_jac_rosen100", lambda: x100, lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, method="L-BFGS-B").fun)
    add("minimize_lbfgsb_rosen2", lambda: x0, lambda s: so.minimize(so.rosen, s, method="L-BFGS-B").x)
    add(
        "minimize_newtoncg_hessp_rosen10",
        lambda: -1.0 + 2.5 * (np.arange(10) / 9.0),
        lambda s: so.minimize(so.rosen, s, jac=so.rosen_der, hessp=so.rosen_hess_prod, method="Newton-CG").fun,
    )
    add(
        "minimize_scalar_brent",
        lambda: None,
        lambda _: so.minimize_scalar(lambda x: (x - 2.0) * x * (x + 2.0) * (x + 2.0), method="brent").x,
    )
