"""scipy.optimize assignment and linear programming (bench/rust/src/workloads/optimize_lp.rs)."""

from scipy import optimize as so


def _lp(mat):
    a = mat(62, 200, 400)
    return -mat(63, 1, 400).ravel(), a, 0.25 * a.sum(axis=1)


def register(add, vec, mat):
    add("linear_sum_assignment_1000", lambda: mat(61, 1000, 1000),
        lambda s: so.linear_sum_assignment(s))
    add("linprog_200x400", lambda: _lp(mat), lambda s: [so.linprog(s[0], A_ub=s[1], b_ub=s[2]).fun])
