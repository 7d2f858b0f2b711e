"""Reference data for sciox.optimize global optimizers from SciPy 1.17.1:
differential_evolution, dual_annealing, basinhopping (rng=int seed ->
np.random.default_rng(seed)).

Outputs per dual_annealing case: x, float64 [fun, nfev, nit, njev, success].
Outputs per basinhopping case: x, float64 [fun, nfev, njev, nit, success, failures].
note = SciPy's message (the first entry of its list).

Objective functions are named; crates/sciox/tests/conformance_optimize_global.rs
defines the same functions with the same floating-point operations (math.*
per element, i.e. glibc's, on both sides; sums left to right).

Outputs per differential_evolution case:
  x, population_energies, population (flattened S*N), float64 [fun, nfev, nit, success]
  (with `constraints`: float64 [fun, nfev, nit, success, maxcv])
  note = SciPy's message.

`mode` (optional): "workers" runs SciPy with `workers=map` (a map-like callable:
the parallel code path, evaluated in order) and "vectorized" with
`vectorized=True` (the objective gets an (N, S) array and is applied column by
column with the same scalar function); `warns` lists the messages of the
UserWarnings SciPy raised (the override of updating='immediate').

`constraints` is a list of {"type": "nonlinear", "fun": name, "lb": [...], "ub": [...]},
{"type": "linear", "A": [[...]], "lb": [...], "ub": [...]}, {"type": "bounds", "lb": [...], "ub": [...]}
(a `Bounds` object) or {"type": "dict", "fun": name}
(an old-style dictionary, which SciPy's differential_evolution rejects).
"""

import math
import os
import sys
import warnings

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

TWO_PI = 2.0 * math.pi


def ackley(x):
    a1 = -0.2 * math.sqrt(0.5 * (x[0] * x[0] + x[1] * x[1]))
    a2 = 0.5 * (math.cos(TWO_PI * x[0]) + math.cos(TWO_PI * x[1]))
    return -20.0 * math.exp(a1) - math.exp(a2) + 20.0 + math.e


def rastrigin(x):
    s = 10.0 * len(x)
    for v in x:
        s += v * v - 10.0 * math.cos(TWO_PI * v)
    return s


def eggholder(x):
    a = x[1] + 47.0
    return -a * math.sin(math.sqrt(abs(x[0] / 2.0 + a))) - x[0] * math.sin(math.sqrt(abs(x[0] - a)))


def wave1d(x):
    return math.sin(x[0]) + math.sin(10.0 * x[0] / 3.0)


def sphere(x):
    s = 0.0
    for v in x:
        s += v * v
    return s


def bh1(x):
    return math.cos(14.5 * x[0] - 0.3) + (x[0] + 0.2) * x[0]


def bh2(x):
    return math.cos(14.5 * x[0] - 0.3) + (x[1] + 0.2) * x[1] + (x[0] + 0.2) * x[0]


def ellipse(x):
    return x[0] * x[0] + x[1] * x[1] * 2.0


def nanfunc(x):
    return math.nan if x[0] > 0.5 else sphere(x)


def inffunc(x):
    return math.inf if x[0] > 0.5 else sphere(x)


FUNCS = {"ellipse": ellipse, "nanfunc": nanfunc, "inffunc": inffunc, "bh1": bh1, "bh2": bh2, "rosen": lambda x: float(so.rosen(x)), "ackley": ackley, "rastrigin": rastrigin,
         "eggholder": eggholder, "wave1d": wave1d, "sphere": sphere}

def circle(x):
    return [x[0] * x[0] + x[1] * x[1]]


def two(x):
    return [x[0] * x[1], x[0] - x[1] * x[1]]


CON_FUNCS = {"circle": circle, "two": two}


def make_constraints(specs):
    out = []
    for sp in specs:
        if sp["type"] == "nonlinear":
            out.append(so.NonlinearConstraint(CON_FUNCS[sp["fun"]], sp["lb"], sp["ub"]))
        elif sp["type"] == "linear":
            out.append(so.LinearConstraint(np.array(sp["A"]), sp["lb"], sp["ub"]))
        elif sp["type"] == "bounds":
            out.append(so.Bounds(sp["lb"], sp["ub"]))
        else:
            out.append({"type": "ineq", "fun": CON_FUNCS[sp["fun"]]})
    return out


STRATEGIES = ["best1bin", "best1exp", "rand1bin", "rand1exp", "rand2bin", "rand2exp",
              "randtobest1bin", "randtobest1exp", "currenttobest1bin", "currenttobest1exp",
              "best2bin", "best2exp"]


def de(c, f, bounds, **kw):
    params = {"f": f, "bounds": [list(b) for b in bounds]}
    params.update({k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()})
    kw2 = dict(kw)
    if "init" in kw2 and isinstance(kw2["init"], list):
        kw2["init"] = np.array(kw2["init"])
    if "constraints" in kw2:
        kw2["constraints"] = make_constraints(kw2["constraints"])
    func = FUNCS[f]
    mode = kw2.pop("mode", None)
    if mode == "workers":
        kw2["workers"] = map
    elif mode == "vectorized":
        kw2["vectorized"] = True
        scalar = FUNCS[f]

        def func(x):
            return np.array([scalar(x[:, j]) for j in range(x.shape[1])])
    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            r = so.differential_evolution(func, bounds, **kw2)
        if mode is not None:
            params["warns"] = [str(w.message) for w in seen if w.category is UserWarning]
    except Exception as e:  # noqa: BLE001
        c.add("differential_evolution", [], params, None, type(e).__name__, note=str(e))
        return
    stats = [r.fun, r.nfev, r.nit, float(r.success)]
    if "constraints" in kw:
        stats.append(r.maxcv)
    c.add("differential_evolution", [], params,
          [r.x, r.population_energies, r.population.ravel(), np.array(stats)], note=r.message)


def da(c, f, bounds, **kw):
    params = {"f": f, "bounds": [list(b) for b in bounds]}
    params.update(kw)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = so.dual_annealing(FUNCS[f], bounds, **kw)
    except Exception as e:  # noqa: BLE001
        c.add("dual_annealing", [], params, None, type(e).__name__, note=str(e))
        return
    c.add("dual_annealing", [], params,
          [r.x, np.array([r.fun, r.nfev, r.nit, r.njev, float(r.success)])], note=r.message[0])


def bh(c, f, x0, **kw):
    params = {"f": f, "x0": x0}
    params.update(kw)
    kw2 = dict(kw)
    if "bounds" in kw2:
        kw2["minimizer_kwargs"] = {"method": kw2.pop("method", None), "bounds": kw2.pop("bounds")}
    elif "method" in kw2:
        kw2["minimizer_kwargs"] = {"method": kw2.pop("method")}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = so.basinhopping(FUNCS[f], x0, **kw2)
    except Exception as e:  # noqa: BLE001
        c.add("basinhopping", [], params, None, type(e).__name__, note=str(e))
        return
    c.add("basinhopping", [], params,
          [r.x, np.array([r.fun, r.nfev, r.get("njev", 0), r.nit, float(r.success), r.minimization_failures])],
          note=r.message[0])


def main():
    c = Cases("optimize_global", crate="sciox")
    r2 = [(-2.0, 2.0)] * 2
    for k, s in enumerate(STRATEGIES):
        de(c, "rosen", r2, strategy=s, rng=k + 1)
    for s in ["best1bin", "rand1exp", "randtobest1exp", "currenttobest1bin", "best2exp", "rand2bin"]:
        de(c, "rosen", r2, strategy=s, rng=11, updating="deferred")
    de(c, "rosen", [(0.0, 2.0)] * 5, rng=7)
    de(c, "rosen", [(-5.0, 5.0)] * 5, rng=8, polish=False, maxiter=50)
    de(c, "ackley", [(-5.0, 5.0)] * 2, rng=1)
    de(c, "rastrigin", [(-5.12, 5.12)] * 3, rng=2)
    de(c, "rastrigin", [(-5.12, 5.12)] * 3, rng=2, updating="deferred", polish=False)
    de(c, "eggholder", [(-512.0, 512.0)] * 2, rng=3)
    de(c, "wave1d", [(-2.7, 7.5)], rng=4)
    de(c, "sphere", [(-1.0, 1.0)] * 4, rng=5, init="random", mutation=0.8, recombination=0.9)
    de(c, "sphere", [(-1.0, 1.0)] * 3, rng=6, tol=1e-12, maxiter=15)
    de(c, "sphere", [(-1.0, 1.0)] * 3, rng=6, maxiter=0)
    de(c, "sphere", [(-1.0, 1.0)] * 3, rng=9, x0=[0.5, -0.5, 0.25], popsize=5, atol=1e-3, polish=False)
    de(c, "sphere", [(-1.0, 1.0), (0.5, 0.5), (-2.0, 3.0)], rng=10, polish=False)
    de(c, "sphere", [(-1.0, 1.0), (0.5, 0.5), (-2.0, 3.0)], rng=10)
    de(c, "sphere", [(0.3, 0.3), (0.5, 0.5)], rng=10, maxiter=3)
    de(c, "rastrigin", [(-5.12, 5.12), (-2.7, 3.3), (-1.0, 1.0)], rng=18, integrality=[True, False, True])
    de(c, "sphere", [(-3.5, 2.2), (-1.0, 4.0)], rng=19, integrality=[True, True])
    de(c, "sphere", [(0.2, 0.8), (-1.0, 1.0)], rng=1, integrality=[True, False])
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=12, mutation=(1.0, 0.3), strategy="rand1bin")
    init = [[0.1 * i - 0.3, 0.05 * i] for i in range(7)]
    de(c, "ackley", [(-1.0, 1.0)] * 2, rng=13, init=init)
    # errors (SciPy raises)
    de(c, "sphere", [(-1.0, math.inf)], rng=1)
    de(c, "sphere", [(-1.0, 1.0)], rng=1, mutation=2.0)
    de(c, "sphere", [(-1.0, 1.0)], rng=1, x0=[2.0])
    de(c, "sphere", [(-1.0, 1.0)], rng=1, strategy="best3bin")
    de(c, "sphere", [(-1.0, 1.0)], rng=1, init=[[0.0]] * 4)
    # constraints (Lampinen's rules; trust-constr polish)
    inf = math.inf
    circ = [{"type": "nonlinear", "fun": "circle", "lb": [-inf], "ub": [1.9]}]
    lin = [{"type": "linear", "A": [[1.0, 1.0]], "lb": [-inf], "ub": [1.9]}]
    for seed in (1, 2, 3):
        de(c, "rosen", [(0.0, 2.0)] * 2, rng=seed, constraints=circ, polish=False)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=1, constraints=circ)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=2, constraints=circ, updating="deferred", polish=False)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=2, constraints=circ, updating="deferred")
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=1, constraints=lin)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=3, constraints=lin, polish=False)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=4, constraints=lin, polish=False, updating="deferred")
    lin2 = [{"type": "linear", "A": [[1.0, 1.0], [1.0, -1.0]], "lb": [0.5, -0.5], "ub": [1.5, 0.5]}]
    de(c, "sphere", [(-2.0, 2.0)] * 2, rng=5, constraints=lin2, polish=False)
    de(c, "sphere", [(-2.0, 2.0)] * 2, rng=5, constraints=lin2)
    mixed = [{"type": "nonlinear", "fun": "two", "lb": [-inf, 0.1], "ub": [0.5, inf]},
             {"type": "linear", "A": [[1.0, -1.0]], "lb": [0.2], "ub": [inf]}]
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=6, constraints=mixed, polish=False)
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=7, constraints=mixed, polish=False, updating="deferred",
       strategy="rand1exp")
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=6, constraints=mixed)
    # infeasible: x0^2 + x1^2 >= 10 cannot hold in [-1, 1]^2
    bad = [{"type": "nonlinear", "fun": "circle", "lb": [10.0], "ub": [inf]}]
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=8, constraints=bad, polish=False, maxiter=30)
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=9, constraints=bad, polish=False, maxiter=30,
       updating="deferred")
    # an equality DE never meets exactly (no member feasible, maxiter stop); the
    # trust-constr polish reaches it (success stays False, as SciPy's)
    eq = [{"type": "nonlinear", "fun": "circle", "lb": [1.0], "ub": [1.0]}]
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=12, constraints=eq, maxiter=20)
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=13, constraints=eq, maxiter=20)
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=10, constraints=eq, maxiter=20, polish=False)
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=10, constraints=eq, maxiter=20, updating="deferred")
    # old-style dictionaries are rejected by SciPy's differential_evolution
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=1, constraints=[{"type": "dict", "fun": "circle"}])
    da(c, "rastrigin", [(-5.12, 5.12)] * 2, rng=42)
    da(c, "rastrigin", [(-5.12, 5.12)] * 4, rng=1, maxiter=200)
    da(c, "rosen", [(-2.0, 2.0)] * 2, rng=2, maxiter=100)
    da(c, "ackley", [(-5.0, 5.0)] * 2, rng=3, maxiter=100)
    da(c, "eggholder", [(-512.0, 512.0)] * 2, rng=4, maxiter=100)
    da(c, "wave1d", [(-2.7, 7.5)], rng=5, maxiter=100)
    da(c, "rastrigin", [(-5.12, 5.12)] * 3, rng=6, no_local_search=True, maxiter=300)
    da(c, "sphere", [(-1.0, 1.0)] * 2, rng=7, x0=[0.5, 0.5], maxiter=50)
    da(c, "sphere", [(-1.0, 1.0)] * 2, rng=8, maxiter=200, restart_temp_ratio=0.01, no_local_search=True)
    da(c, "sphere", [(-1.0, 1.0)] * 2, rng=9, maxiter=30, visit=2.9, accept=-20.0, initial_temp=100.0)
    da(c, "sphere", [(-1.0, 1.0)] * 2, rng=9, maxiter=100, maxfun=150)
    da(c, "sphere", [(1.0, 1.0)], rng=1)
    da(c, "sphere", [(-1.0, 1.0)], rng=1, restart_temp_ratio=1.0)
    da(c, "sphere", [(-1.0, 1.0)], rng=1, x0=[0.0, 0.0])
    # non-finite objective values (SciPy's np.argmin picks the first NaN)
    de(c, "nanfunc", [(-1.0, 1.0)] * 2, rng=14, maxiter=20, polish=False)
    de(c, "inffunc", [(-1.0, 1.0)] * 2, rng=15, maxiter=20, polish=False)
    de(c, "inffunc", [(-1.0, 1.0)] * 2, rng=16, maxiter=20, updating="deferred", polish=False)
    da(c, "inffunc", [(-1.0, 1.0)] * 2, rng=17, maxiter=20, x0=[0.9, 0.0])
    bh(c, "bh1", [1.0], niter=200, rng=1)
    bh(c, "bh2", [1.0, 1.0], niter=60, rng=2)
    bh(c, "rosen", [-1.2, 1.0], niter=20, rng=3)
    bh(c, "bh2", [1.0, 1.0], niter=30, rng=4, method="L-BFGS-B", bounds=[[-1.0, 1.0], [-0.5, 2.0]])
    bh(c, "bh1", [0.5], niter=40, rng=5, T=0.0)
    bh(c, "bh1", [0.5], niter=100, rng=6, niter_success=5)
    bh(c, "bh2", [1.0, 1.0], niter=40, rng=7, stepsize=1.0, interval=10, method="Nelder-Mead")
    bh(c, "bh1", [0.5], niter=60, rng=8, interval=5, target_accept_rate=0.2, stepwise_factor=0.5)
    bh(c, "bh1", [0.5], niter=0, rng=9)
    bh(c, "bh1", [0.5], rng=1, target_accept_rate=1.0)
    bh(c, "bh1", [0.5], rng=1, stepwise_factor=0.0)
    # SciPy's `workers` and `vectorized` (deferred updating, forced with a warning)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=11, mode="workers", updating="deferred")
    de(c, "rastrigin", [(-5.12, 5.12)] * 3, rng=2, mode="workers", polish=False)
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=5, mode="workers")
    de(c, "rosen", [(-2.0, 2.0)] * 3, rng=9, mode="workers", strategy="rand1exp", mutation=(0.4, 0.9),
       updating="deferred", maxiter=40, polish=False)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=3, mode="vectorized", updating="deferred")
    de(c, "rastrigin", [(-5.12, 5.12)] * 3, rng=2, mode="vectorized", polish=False)
    de(c, "sphere", [(-3.0, 3.0)] * 4, rng=8, mode="vectorized", maxiter=30, updating="deferred")
    de(c, "sphere", [(-3.0, 3.0)] * 3, rng=12, mode="vectorized", integrality=[True, False, False])
    # `workers` / `vectorized` together with `constraints`: the violations of the whole
    # population first, then the objective of the feasible members only (a vectorized
    # objective is called even with none feasible: an (N, 0) array, one evaluation)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=1, mode="workers", constraints=circ, polish=False)
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=2, mode="workers", constraints=circ, updating="deferred")
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=4, mode="workers", constraints=lin, updating="deferred",
       polish=False)
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=7, mode="workers", constraints=mixed, polish=False,
       strategy="rand1exp")
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=9, mode="workers", constraints=bad, polish=False, maxiter=30,
       updating="deferred")
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=10, mode="workers", constraints=eq, maxiter=20,
       updating="deferred")
    de(c, "rosen", [(0.0, 2.0)] * 2, rng=2, mode="vectorized", constraints=circ, updating="deferred")
    de(c, "sphere", [(-2.0, 2.0)] * 2, rng=5, mode="vectorized", constraints=lin2, polish=False)
    de(c, "ackley", [(-3.0, 3.0)] * 2, rng=6, mode="vectorized", constraints=mixed, polish=False,
       updating="deferred")
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=8, mode="vectorized", constraints=bad, polish=False, maxiter=30)
    de(c, "ellipse", [(-2.0, 2.0)] * 2, rng=10, mode="vectorized", constraints=eq, maxiter=20,
       updating="deferred")
    # a `Bounds` object as a constraint (fun(x) = x in SciPy's _ConstraintWrapper); SciPy 1.17's
    # trust-constr polish rejects it (TypeError), so these runs are without polish
    box = [{"type": "bounds", "lb": [0.2, -inf], "ub": [inf, 0.8]}]
    de(c, "rosen", [(-2.0, 2.0)] * 2, rng=3, constraints=box, polish=False)
    de(c, "rosen", [(-2.0, 2.0)] * 2, rng=4, constraints=box + circ, polish=False, updating="deferred")
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=5, mode="workers", constraints=box, polish=False)
    de(c, "sphere", [(-1.0, 1.0)] * 2, rng=6, mode="vectorized", constraints=box, polish=False,
       updating="deferred")
    c.save()


if __name__ == "__main__":
    main()
