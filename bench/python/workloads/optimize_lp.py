"""scipy.optimize assignment and linear programming (bench/rust/src/workloads/optimize_lp.rs)."""

import numpy as np
from scipy import optimize as so


def _lp(mat):
    a = mat(62, 200, 400)
    return -mat(63, 1, 400).ravel(), a, 0.25 * a.sum(axis=1)


def _knap(mat):
    u = mat(64, 2, 30)
    w = 10.0 + 90.0 * u[0]
    return -w * (1.0 + u[1]), so.LinearConstraint(w[None, :], -np.inf, 0.5 * w.sum())


def register(add, vec, mat):
    add("linear_sum_assignment_1000", lambda: mat(61, 1000, 1000),
        lambda s: so.linear_sum_assignment(s))
    add("linprog_200x400", lambda: _lp(mat), lambda s: [so.linprog(s[0], A_ub=s[1], b_ub=s[2]).fun])
    add("milp_knapsack30", lambda: _knap(mat),
        lambda s: [so.milp(s[0], integrality=np.ones(30), bounds=so.Bounds(0, 1), constraints=s[1]).fun])
