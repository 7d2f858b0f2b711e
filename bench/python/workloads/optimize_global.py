"""scipy.optimize global optimizers with fixed seeds, and DIRECT (bench/rust/src/workloads/optimize_global.rs)."""

import math

import numpy as np
from scipy import optimize as so

TWO_PI = 2.0 * math.pi


def _rastrigin(x):
    s = 10.0 * len(x)
    for v in x:
        s += v * v - 10.0 * math.cos(TWO_PI * v)
    return s


def register(add, vec, mat):
    add("de_rosen5", lambda: None,
        lambda s: (lambda r: np.append(r.x, r.nfev))(so.differential_evolution(so.rosen, [(0.0, 2.0)] * 5, rng=7)))
    add("de_rastrigin10", lambda: None,
        lambda s: (lambda r: np.array([r.fun, r.nfev]))(
            so.differential_evolution(_rastrigin, [(-5.12, 5.12)] * 10, rng=1, maxiter=100, polish=False)))
    # DIRECT_L to its default budget (10000 evaluations; vol_tol=0 since the
    # volume test would stop a 10-D run after ~550): deterministic, same work
    add("direct_rastrigin10", lambda: None,
        lambda s: (lambda r: np.array([r.fun, r.nfev]))(
            so.direct(_rastrigin, [(-4.0, 5.12)] * 10, vol_tol=0.0)))
    add("dual_annealing_rastrigin", lambda: None,
        lambda s: (lambda r: np.array([round(r.fun), r.nfev]))(
            so.dual_annealing(_rastrigin, [(-5.12, 5.12)] * 2, rng=42)))
