"""Reference data for sciox.optimize linear programming and assignment
(linear_sum_assignment, linprog method 'highs', milp) from SciPy 1.17.1.

Outputs per op:
  linear_sum_assignment: inputs [cost] (float64 or int64), params maximize,
      transpose (the test passes a transposed *view* of the stored matrix:
      non-contiguous input), unique; outputs row_ind, col_ind, [total cost]
  linprog: inputs c, A_ub (m_ub x n), b_ub, A_eq (m_eq x n), b_eq, lb, ub;
      params bounds ("default" | "all" | "each"), unique (the optimal x is
      unique: each x_j has the same min and max over the optimal face),
      marg (the dual is unique too: the primal is unique and non-degenerate);
      outputs x, [fun, status], slack, con, ineqlin, eqlin, lower, upper
      marginals (x etc. empty when SciPy returns None); note = message
  milp: inputs c, integrality, lb, ub, A, clb, cub; params unique, options;
      outputs x, [fun, status]; note = message
"""

import os
import sys
import warnings

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, linprog, milp

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

E = np.zeros(0)


def lsa(c, cost, maximize=False, transpose=False, unique=True, note=""):
    cost = np.asarray(cost)
    stored = np.ascontiguousarray(cost.T) if transpose else cost
    params = {"maximize": maximize, "transpose": transpose, "unique": unique}
    try:
        r, k = linear_sum_assignment(cost, maximize=maximize)
    except ValueError as e:
        c.add("linear_sum_assignment", [stored], params, None, "ValueError", note=str(e))
        return
    tot = float(cost[r, k].astype(float).sum()) if len(r) else 0.0
    c.add("linear_sum_assignment", [stored], params, [r.astype(np.int64), k.astype(np.int64), np.array([tot])],
          note=note)


def mat(a, n):
    a = np.asarray(a, dtype=float)
    if a.ndim == 2:
        return a
    return a.reshape(-1, n) if a.size else np.zeros((0, n))


def unique_x(c, A_ub, b_ub, A_eq, b_eq, bnds, fun, n):
    """The optimal x is unique: every x_j has one value on the optimal face."""
    cc = np.asarray(c, float)
    Au = np.vstack([A_ub, cc[None, :]]) if A_ub.size else cc[None, :]
    bu = np.concatenate([b_ub, [fun + 1e-9 * (1 + abs(fun))]])
    for j in range(n):
        e = np.zeros(n)
        e[j] = 1.0
        lo = linprog(e, A_ub=Au, b_ub=bu, A_eq=A_eq if A_eq.size else None, b_eq=b_eq if A_eq.size else None,
                     bounds=bnds)
        hi = linprog(-e, A_ub=Au, b_ub=bu, A_eq=A_eq if A_eq.size else None, b_eq=b_eq if A_eq.size else None,
                     bounds=bnds)
        if lo.status != 0 or hi.status != 0 or (-hi.fun - lo.fun) > 1e-5 * (1 + abs(lo.fun)):
            return False
    return True


def lp(c, c_, A_ub=None, b_ub=None, A_eq=None, b_eq=None, bounds="default", lbub=None, note="", check=True,
       maxiter=None):
    n = len(c_)
    A_ub = mat(A_ub if A_ub is not None else [], n)
    A_eq = mat(A_eq if A_eq is not None else [], n)
    b_ub = np.asarray(b_ub if b_ub is not None else [], float)
    b_eq = np.asarray(b_eq if b_eq is not None else [], float)
    if bounds == "default":
        bnds = (0, None)
        lb, ub = np.zeros(n), np.full(n, np.inf)
    elif bounds == "all":
        bnds = lbub
        lb = np.full(n, -np.inf if lbub[0] is None else lbub[0], dtype=float)
        ub = np.full(n, np.inf if lbub[1] is None else lbub[1], dtype=float)
    else:
        bnds = lbub
        lb = np.array([-np.inf if p[0] is None else p[0] for p in lbub], float)
        ub = np.array([np.inf if p[1] is None else p[1] for p in lbub], float)
    ins = [np.asarray(c_, float), A_ub, b_ub, A_eq, b_eq, lb, ub]
    try:
        r = linprog(c_, A_ub=A_ub if A_ub.size or b_ub.size else None, b_ub=b_ub if b_ub.size else None,
                    A_eq=A_eq if A_eq.size or b_eq.size else None, b_eq=b_eq if b_eq.size else None, bounds=bnds,
                    options={"maxiter": maxiter} if maxiter else None)
    except ValueError as e:
        c.add("linprog", ins, {"bounds": bounds, "name": note}, None, "ValueError", note=str(e))
        return
    if r.x is None:
        c.add("linprog", ins, {"bounds": bounds, "unique": False, "marg": False, "name": note, "maxiter": maxiter or 0},
              [E, np.array([np.nan, r.status]), E, E, E, E, E, E], note=r.message)
        return
    uniq = check and r.status == 0 and unique_x(c_, A_ub, b_ub, A_eq, b_eq, bnds, r.fun, n)
    # Non-degenerate: exactly n active constraints/bounds at the unique vertex.
    active = int(np.sum(np.abs(r.ineqlin.residual) < 1e-9)) + len(b_eq) \
        + int(np.sum(np.abs(r.x - lb) < 1e-9)) + int(np.sum(np.abs(ub - r.x) < 1e-9))
    marg = bool(uniq and active == n)
    c.add("linprog", ins, {"bounds": bounds, "unique": bool(uniq), "marg": marg, "name": note},
          [r.x, np.array([r.fun, r.status]), r.slack if r.slack is not None else E,
           r.con if r.con is not None else E, r.ineqlin.marginals, r.eqlin.marginals, r.lower.marginals,
           r.upper.marginals], note=r.message)


def mip(c, c_, integrality, lb, ub, A=None, clb=None, cub=None, options=None, unique=True, note=""):
    n = len(c_)
    A = mat(A if A is not None else [], n)
    clb = np.asarray(clb if clb is not None else [], float)
    cub = np.asarray(cub if cub is not None else [], float)
    lb = np.asarray(lb, float)
    ub = np.asarray(ub, float)
    ins = [np.asarray(c_, float), np.asarray(integrality, np.int64), lb, ub, A, clb, cub]
    params = {"unique": unique, "options": options or {}, "name": note}
    try:
        r = milp(c_, integrality=integrality, bounds=Bounds(lb, ub),
                 constraints=LinearConstraint(A, clb, cub) if A.size else None, options=options)
    except ValueError as e:
        c.add("milp", ins, params, None, "ValueError", note=str(e))
        return
    c.add("milp", ins, params,
          [r.x if r.x is not None else E, np.array([np.nan if r.fun is None else r.fun, r.status])],
          note=r.message)


def main():
    warnings.simplefilter("ignore")
    c = Cases("optimize_lp", crate="sciox")
    rng = np.random.default_rng(20261126)

    # ---- linear_sum_assignment
    for nr, nc in [(1, 1), (2, 2), (3, 3), (5, 5), (10, 10), (30, 30), (3, 5), (5, 3), (20, 40), (40, 20),
                   (1, 7), (7, 1)]:
        cost = rng.random((nr, nc)) * 10.0
        for maximize in (False, True):
            lsa(c, cost, maximize)
    lsa(c, rng.standard_normal((8, 8)), transpose=True)
    lsa(c, rng.standard_normal((4, 9)), transpose=True, maximize=True)
    lsa(c, rng.standard_normal((9, 4)), transpose=True)
    # integer costs with ties: several optima, compare the total cost
    lsa(c, rng.integers(0, 4, (6, 6)).astype(np.int64), unique=False)
    lsa(c, rng.integers(-5, 5, (4, 7)).astype(np.int64), maximize=True, unique=False)
    lsa(c, np.ones((5, 5)), unique=False)
    lsa(c, np.zeros((3, 4)), unique=False)
    inf = np.inf
    lsa(c, [[inf, 1.0, 2.0], [3.0, inf, 1.0], [1.0, 2.0, inf]])  # +inf = forbidden pair
    lsa(c, [[1.0, inf], [inf, 2.0], [0.5, inf]])
    lsa(c, [[inf, inf], [inf, 1.0]])  # infeasible
    lsa(c, [[1.0, np.nan], [2.0, 3.0]])
    lsa(c, [[1.0, -inf], [2.0, 3.0]])
    lsa(c, [[1.0, inf], [2.0, 3.0]], maximize=True)
    lsa(c, [[1.0, -inf], [2.0, 3.0]], maximize=True)
    lsa(c, np.zeros((0, 3)))
    lsa(c, np.zeros((3, 0)))
    lsa(c, np.zeros((0, 0)))
    lsa(c, np.array([1.0, 2.0]))
    lsa(c, np.zeros((2, 2, 2)))
    lsa(c, [[-1e300, 1e300], [1e300, -1e300]])

    # ---- linprog
    lp(c, [-1, -2], [[1, 1], [1, -1]], [4, 1], note="textbook")
    lp(c, [-1, 4], [[-3, 1], [1, 2]], [6, 4], bounds="each", lbub=[(None, None), (-3, None)], note="scipy doc")
    lp(c, [-1, 4], [[-3, 1], [1, 2]], [6, 4], bounds="all", lbub=(-3, 3))
    lp(c, [1, 2, 3], A_eq=[[1, 1, 1]], b_eq=[6], note="eq only")
    lp(c, [2, 3, 1], [[-1, -1, 0], [0, -1, -1]], [-4, -3], A_eq=[[1, 0, 1]], b_eq=[2.5])
    # transportation 2 x 3 (supplies 20, 30; demands 10, 25, 15)
    cost = [8, 6, 10, 9, 12, 13]
    lp(c, cost, [[1, 1, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1]], [20, 30],
       [[1, 0, 0, 1, 0, 0], [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]], [10, 25, 15], note="transport")
    # bounds of every kind: free, upper only, fixed, boxed, negative
    lp(c, [0, -1, 2, -3, 0.5], [[1, 1, 1, 1, 1], [-1, 2, 0, 1, -1]], [10, 4], [[1, 0, 0, 0, 1]], [1.5],
       bounds="each", lbub=[(None, None), (None, 3), (2, 2), (-1, 4), (-5, None)], note="bound kinds")
    lp(c, [1, -1, 2, -3, 0.5], [[1, 1, 1, 1, 1], [-1, 2, 0, 1, -1]], [10, 4], [[1, 0, 0, 0, 1]], [1.5],
       bounds="each", lbub=[(None, None), (None, 3), (2, 2), (-1, 4), (-5, None)], note="bound kinds unbounded")
    lp(c, [1, 1], bounds="each", lbub=[(-2, 5), (1, 3)], note="bounds only")
    lp(c, [-1, 1], bounds="each", lbub=[(-2, 5), (1, 3)])
    lp(c, [0, 0], [[1, 1]], [1], note="zero objective", check=False)
    # degenerate: Klee-Minty 3-D and Beale's cycling example
    lp(c, [-100, -10, -1], [[1, 0, 0], [20, 1, 0], [200, 20, 1]], [1, 100, 10000], note="klee-minty")
    lp(c, [-0.75, 150, -0.02, 6], [[0.25, -60, -0.04, 9], [0.5, -90, -0.02, 3], [0, 0, 1, 0]], [0, 0, 1],
       note="beale")
    # redundant equality rows
    lp(c, [1, 2, 0], A_eq=[[1, 1, 1], [2, 2, 2], [1, -1, 0]], b_eq=[3, 6, 0.5], note="redundant eq")
    # infeasible and unbounded
    lp(c, [1, 1], [[1, 1]], [-1], note="infeasible")
    lp(c, [1, 1], A_eq=[[1, 1], [1, 1]], b_eq=[1, 2], note="infeasible eq")
    lp(c, [1, 1], [[-1, -1]], [-5], bounds="each", lbub=[(0, 1), (0, 1)], note="infeasible bounds")
    lp(c, [1, 1], A_eq=[[1, 1]], b_eq=[1], bounds="each", lbub=[(2, 1), (0, None)], note="lb > ub")
    lp(c, [-1, 0], [[0, 1]], [1], note="unbounded")
    lp(c, [-1, -1], [[1, -1], [-1, 1]], [1, 1], note="unbounded ray")
    lp(c, [1, 0], bounds="each", lbub=[(None, None), (0, 1)], note="unbounded free")
    # random feasible LPs: A x0 + s = b with x0 > 0, positive costs into ub rows
    for (m, n, meq) in [(5, 8, 0), (10, 6, 2), (20, 30, 5), (40, 60, 10), (15, 15, 3)]:
        A = rng.standard_normal((m, n))
        x0 = rng.random(n)
        b = A @ x0 + rng.random(m)
        Ae = rng.standard_normal((meq, n))
        be = Ae @ x0
        cc = rng.standard_normal(n)
        lp(c, cc, A, b, Ae if meq else None, be if meq else None, bounds="all", lbub=(0, 2),
           note="random %dx%d" % (m, n))
        lp(c, rng.random(n), -np.abs(A), -np.abs(A) @ x0 - rng.random(m), note="random covering %dx%d" % (m, n))
    # larger: equalities and mixed bounds
    A = rng.standard_normal((50, 90))
    x0 = rng.random(90) * 2 - 0.5
    Ae = rng.standard_normal((20, 90))
    bnd = [(-1, 2)] * 30 + [(None, 3)] * 20 + [(None, None)] * 10 + [(-0.5, None)] * 30
    lp(c, rng.standard_normal(90), A, A @ x0 + rng.random(50), Ae, Ae @ x0, bounds="each", lbub=bnd,
       note="random 50x90 eq, mixed bounds")
    lp(c, [1, 2], [[1, 1]], [-1], bounds="all", lbub=(None, None), note="free unbounded")
    # assignment LP 8 x 8: highly degenerate, integral unique vertex
    cost = rng.random((8, 8))
    Ar = np.kron(np.eye(8), np.ones(8))
    Ac = np.kron(np.ones(8), np.eye(8))
    lp(c, cost.ravel(), A_eq=np.vstack([Ar, Ac]), b_eq=np.ones(16), note="assignment LP 8x8")
    # badly scaled rows and columns (1e-3 .. 1e3)
    A = rng.random((15, 20)) * 10.0 ** rng.integers(-3, 4, (15, 1)) * 10.0 ** rng.integers(-3, 4, (1, 20))
    x0 = rng.random(20)
    lp(c, -rng.random(20) * 10.0 ** rng.integers(-2, 3, 20), A, A @ x0 + 0.1 * A.sum(axis=1), note="scaled")
    # more random shapes: equalities, boxes, free variables, >= rows
    for k, (m, n, meq) in enumerate([(3, 12, 2), (12, 4, 0), (25, 25, 10), (30, 40, 0), (8, 20, 8)]):
        A = rng.standard_normal((m, n))
        x0 = rng.standard_normal(n)
        Ae = rng.standard_normal((meq, n))
        lo = np.where(rng.random(n) < 0.3, -np.inf, x0 - rng.random(n))
        hi = np.where(rng.random(n) < 0.5, np.inf, x0 + rng.random(n))
        bnd = [(None if np.isinf(a) else a, None if np.isinf(b) else b) for a, b in zip(lo, hi)]
        lp(c, rng.standard_normal(n), A, A @ x0 + rng.random(m), Ae if meq else None, Ae @ x0 if meq else None,
           bounds="each", lbub=bnd, note="random mixed %d" % k)
    A = rng.random((40, 60))
    lp(c, -rng.random(60), A, 0.25 * A.sum(axis=1), maxiter=1, note="iteration limit")
    # errors (ValueError)
    lp(c, [], note="empty c")
    lp(c, [1, np.nan], [[1, 1]], [1])
    lp(c, [1, 1], [[1, np.inf]], [1])
    lp(c, [1, 1], [[1, 1, 1]], [1])
    lp(c, [1, 1], [[1, 1]], [1, 2])
    lp(c, [1, 1], A_eq=[[1, 1]], b_eq=[np.inf])
    lp(c, [1, 1], A_ub=[[1, 1]], b_ub=[np.nan])
    lp(c, [1, 1], bounds="each", lbub=[(0, 1)])
    lp(c, [1, 1], bounds="each", lbub=[(np.inf, None), (0, 1)])
    lp(c, [1, 1], bounds="each", lbub=[(0, -np.inf), (0, 1)])

    # ---- milp
    for n in (8, 15, 24):
        w = rng.integers(5, 40, n).astype(float)
        v = w * (1 + rng.random(n))
        mip(c, -v, np.ones(n), np.zeros(n), np.ones(n), w[None, :], [-np.inf], [w.sum() / 2], note="knapsack %d" % n)
    # 4 x 4 assignment as a 0/1 program
    cost = rng.random((4, 4)) * 10
    Ar = np.kron(np.eye(4), np.ones(4))
    Ac = np.kron(np.ones(4), np.eye(4))
    mip(c, cost.ravel(), np.ones(16), np.zeros(16), np.ones(16), np.vstack([Ar, Ac]), np.ones(8), np.ones(8),
        note="assignment 4x4")
    mip(c, [-1, -1], [1, 1], [0, 0], [np.inf, np.inf], [[2, 1], [1, 2]], [-np.inf, -np.inf], [4, 4],
        unique=False, note="ties")
    mip(c, [-5, -4, -3], [1, 1, 0], [0, 0, 0], [np.inf] * 3, [[2, 3, 1], [4, 1, 2], [3, 4, 2]],
        [-np.inf] * 3, [5, 11, 8], note="mixed")
    mip(c, [-1, -2], [1, 1], [0, 0], [10, 10], [[-4, 6], [1, 1], [3.0, -2.0]], [-np.inf, -np.inf, -np.inf],
        [9.5, 7.5, 6.5], note="classic")
    mip(c, [1], [1], [0.2], [0.8], note="infeasible bounds")
    mip(c, [1, 1], [1, 1], [0, 0], [5, 5], [[2, 2]], [3], [3], note="infeasible integer")
    mip(c, [1, 1], [0, 0], [0, 0], [5, 5], [[2, 2]], [3], [3], unique=False, note="continuous only")
    mip(c, [-1, 0], [1, 0], [0, 0], [np.inf, 1], note="unbounded")
    mip(c, [-3, -2, -4], [1, 1, 1], [0, 0, 0], [4, 4, 4], [[1, 1, 2], [2, 0, 3], [1, 3, 0]],
        [-np.inf, -np.inf, -np.inf], [4, 5, 7], options={"mip_rel_gap": 0.0}, note="gap0")
    mip(c, [1, np.nan], [1, 1], [0, 0], [1, 1])
    mip(c, [1, 1], [1, 1, 1], [0, 0], [1, 1])
    mip(c, [1, 1], [1, 1], [0, 0], [1, 1], [[1, 1, 1]], [0], [1])
    c.save()


if __name__ == "__main__":
    main()
