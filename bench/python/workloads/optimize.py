"""scipy.optimize: root finding per call and minimize on 2-D Rosenbrock (bench/rust/src/workloads/optimize.rs)."""

import numpy as np
from scipy import optimize as so


def _brentq_x1000(_):
    s = 0.0
    for c in range(1, 1001):
        c = float(c)
        s += so.brentq(lambda x, c=c: x * x * x - 2.0 * x - c, 0.0, 12.0)
    return s


def register(add, vec, mat):
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
