"""Reference data for sciox.optimize.direct from SciPy 1.17.1.

DIRECT is deterministic, so every case pins SciPy's exact run:

op "direct": outputs
  0: x
  1: float64 [fun, nfev, nit, status, success]
  2: the points SciPy evaluated, in order (the first EVALS_KEPT, flattened)
  3: the arguments SciPy passed to the callback, flattened (empty without one)
  note = SciPy's message.
op "direct_stop": the callback raises StopIteration at its `stop`-th call
  (SciPy's only way to stop a run; sciox's callback returns true instead).
  outputs 0: callback arguments so far, flattened; 1: [objective calls made, stop].
Errors: SciPy's ValueError (note = its message), or SystemError where the C
code's int array sizes overflow.

Objective functions are named; crates/sciox/tests/suite/conformance_optimize_direct.rs
defines the same functions with the same floating-point operations (math.* /
Python float ** per element, i.e. glibc's pow, on both sides; sums left to right;
`rosen` is SciPy's on a NumPy array, NumPy's summation order).
"""

import math
import os
import sys

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

TWO_PI = 2.0 * math.pi
EVALS_KEPT = 600


def styblinski_tang(p):
    x, y = p
    return 0.5 * (x**4 - 16 * x**2 + 5 * x + y**4 - 16 * y**2 + 5 * y)


def rastrigin(x):
    s = 10.0 * len(x)
    for v in x:
        s += v * v - 10.0 * math.cos(TWO_PI * v)
    return s


def ackley(x):
    a1 = -0.2 * math.sqrt(0.5 * (x[0] * x[0] + x[1] * x[1]))
    a2 = 0.5 * (math.cos(TWO_PI * x[0]) + math.cos(TWO_PI * x[1]))
    return -20.0 * math.exp(a1) - math.exp(a2) + 20.0 + math.e


def eggholder(x):
    a = x[1] + 47.0
    return -a * math.sin(math.sqrt(abs(x[0] / 2.0 + a))) - x[0] * math.sin(math.sqrt(abs(x[0] - a)))


def rosen(x):
    return float(so.rosen(np.asarray(x, dtype=np.float64)))


def nanregion(p):
    # NaN for x > 1, +inf for y > 2, a bowl elsewhere
    x, y = p
    if x > 1.0:
        return float("nan")
    if y > 2.0:
        return float("inf")
    return (x - 0.3) * (x - 0.3) + (y + 0.1) * (y + 0.1)


def nancenter(p):
    # NaN at (and near) the centre of the box: DIRECT's first value
    x, y = p
    if abs(x) < 0.1 and abs(y) < 0.1:
        return float("nan")
    return (x - 0.7) * (x - 0.7) + (y - 0.2) * (y - 0.2)


def steps(p):
    # plateaus: ties everywhere (the original DIRECT divides all equal ones)
    return float(math.floor(3.0 * p[0]) + math.floor(3.0 * p[1]))


def const(p):
    return 1.0


def sphere(x):
    s = 0.0
    for v in x:
        s += v * v
    return s


FUNCS = {
    "styblinski_tang": styblinski_tang,
    "rastrigin": rastrigin,
    "ackley": ackley,
    "eggholder": eggholder,
    "rosen": rosen,
    "nanregion": nanregion,
    "nancenter": nancenter,
    "steps": steps,
    "const": const,
    "sphere": sphere,
}


def run(c, f, bounds, **kw):
    params = {"f": f, "bounds": [list(b) for b in bounds]}
    params.update(kw)
    evals = []
    cbargs = []

    def fun(x):
        evals.append(np.array(x, dtype=np.float64))
        return FUNCS[f](x)

    kw2 = dict(kw)
    if kw2.pop("callback", False):
        kw2["callback"] = lambda x: cbargs.append(np.array(x, dtype=np.float64))
    try:
        r = so.direct(fun, bounds, **kw2)
    except Exception as e:  # noqa: BLE001
        c.add("direct", [], params, None, type(e).__name__, note=str(e))
        return
    assert len(evals) == r.nfev, (f, kw, len(evals), r.nfev)
    ev = np.concatenate(evals[:EVALS_KEPT])
    cb = np.concatenate(cbargs) if cbargs else np.zeros(0)
    c.add("direct", [], params,
          [np.asarray(r.x, dtype=np.float64),
           np.array([r.fun, r.nfev, r.nit, r.status, float(r.success)]), ev, cb],
          note=r.message)


def run_stop(c, f, bounds, stop, **kw):
    params = {"f": f, "bounds": [list(b) for b in bounds], "stop": stop}
    params.update(kw)
    calls = [0]
    cbargs = []

    def fun(x):
        calls[0] += 1
        return FUNCS[f](x)

    def cb(x):
        cbargs.append(np.array(x, dtype=np.float64))
        if len(cbargs) == stop:
            raise StopIteration

    try:
        so.direct(fun, bounds, callback=cb, **kw)
    except StopIteration:
        pass
    else:
        raise AssertionError("the callback did not stop the run")
    c.add("direct_stop", [], params,
          [np.concatenate(cbargs), np.array([calls[0], stop], dtype=np.float64)])


def main():
    c = Cases("optimize_direct", crate="sciox")
    st = [(-4.0, 4.0), (-4.0, 4.0)]
    # SciPy's doc example and its variants
    run(c, "styblinski_tang", st)
    run(c, "styblinski_tang", st, len_tol=1e-3)
    run(c, "styblinski_tang", st, locally_biased=False)
    run(c, "styblinski_tang", st, locally_biased=False, len_tol=1e-3)
    run(c, "styblinski_tang", st, f_min=-78.33233140754282, f_min_rtol=1e-4)
    run(c, "styblinski_tang", st, f_min=-78.33233140754282, f_min_rtol=1e-8, locally_biased=False)
    run(c, "styblinski_tang", st, vol_tol=1e-6)
    run(c, "styblinski_tang", st, vol_tol=0.0, len_tol=0.0, maxfun=3000)
    run(c, "styblinski_tang", st, eps=1e-2)
    run(c, "styblinski_tang", st, eps=0.0, len_tol=1e-4)
    run(c, "styblinski_tang", st, eps=-1e-3, len_tol=1e-4)
    run(c, "styblinski_tang", st, eps=-1e-3, locally_biased=False, len_tol=1e-4)
    # NaN settings pass SciPy's checks (`x < 0 or x > 1` is False) and every
    # comparison with them is False in the C code; f_min = +inf is never reached
    nan = float("nan")
    run(c, "styblinski_tang", st, eps=nan)
    run(c, "styblinski_tang", st, vol_tol=nan, len_tol=nan, maxfun=500)
    run(c, "styblinski_tang", st, f_min=nan, maxfun=500)
    run(c, "styblinski_tang", st, f_min=-78.3, f_min_rtol=nan, maxfun=500)
    run(c, "styblinski_tang", st, f_min=float("inf"), maxfun=500)
    # Rosenbrock 2-D and 5-D; f_min = 0 (SciPy divides by 1 then)
    run(c, "rosen", [(-2.0, 2.0), (-1.0, 3.0)])
    run(c, "rosen", [(-2.0, 2.0), (-1.0, 3.0)], locally_biased=False)
    run(c, "rosen", [(-2.0, 2.0), (-1.0, 3.0)], f_min=0.0, f_min_rtol=1e-3)
    run(c, "rosen", [(-2.0, 2.0)] * 5)
    run(c, "rosen", [(-2.0, 2.0)] * 5, locally_biased=False)
    # Rastrigin 2-D, 4-D, 10-D (the bench workload)
    run(c, "rastrigin", [(-5.12, 5.12)] * 2)
    run(c, "rastrigin", [(-5.12, 4.0)] * 2, locally_biased=False)
    run(c, "rastrigin", [(-4.0, 5.12)] * 4)
    run(c, "rastrigin", [(-5.12, 5.12)] * 10)
    # the bench workload; the original DIRECT runs out of array positions
    # there (status -4, x is then SciPy's last evaluated point)
    run(c, "rastrigin", [(-4.0, 5.12)] * 10, vol_tol=0.0)
    run(c, "rastrigin", [(-4.0, 5.12)] * 10, vol_tol=0.0, locally_biased=False)
    # Ackley (asymmetric box: the centre is not the optimum), Eggholder
    run(c, "ackley", [(-5.0, 4.0), (-3.0, 5.0)])
    run(c, "ackley", [(-5.0, 4.0), (-3.0, 5.0)], locally_biased=False)
    run(c, "eggholder", [(-512.0, 512.0)] * 2)
    run(c, "eggholder", [(-512.0, 512.0)] * 2, locally_biased=False)
    run(c, "eggholder", [(-512.0, 512.0)] * 2, maxfun=20000, len_tol=1e-8)
    # NaN / inf regions; NaN at the centre (the first value)
    run(c, "nanregion", st)
    run(c, "nanregion", st, locally_biased=False)
    run(c, "nancenter", [(-1.0, 1.0), (-1.0, 1.0)])
    run(c, "nancenter", [(-1.0, 1.0), (-1.0, 1.0)], locally_biased=False, maxfun=500)
    # plateaus and ties
    run(c, "steps", [(0.0, 1.0), (0.0, 1.0)], maxfun=300)
    run(c, "steps", [(0.0, 1.0), (0.0, 1.0)], maxfun=300, locally_biased=False)
    run(c, "const", [(0.0, 1.0)] * 3, maxfun=400, locally_biased=False)
    run(c, "const", [(0.0, 1.0)] * 3, maxfun=400)
    # more than 5000 ties on one level: DIRDoubleInsert's list is full (status -6)
    run(c, "const", [(0.0, 1.0)] * 2, maxfun=30000, locally_biased=False, len_tol=0.0, vol_tol=0.0)
    # the budgets: maxfun (C's rounding of 2 (MAXFUNC - 1000) / 3), maxiter, 0 = C's defaults
    run(c, "sphere", [(-1.0, 2.0)] * 2, maxfun=100)
    run(c, "sphere", [(-1.0, 2.0)] * 2, maxfun=2001, len_tol=0.0, vol_tol=0.0)
    run(c, "sphere", [(-1.0, 2.0)] * 2, maxfun=1)
    run(c, "styblinski_tang", st, maxfun=0, maxiter=300)
    run(c, "styblinski_tang", st, maxiter=0)
    for mi in (1, 2, 3, 5):
        run(c, "styblinski_tang", st, maxiter=mi)
    run(c, "rosen", [(-2.0, 2.0)] * 3, maxiter=7, locally_biased=False)
    run(c, "sphere", [(-1.0, 2.0)], len_tol=1e-10)
    # huge budgets: C int arithmetic (the 1 GiB cap test overflows and is
    # skipped; past that the array sizes overflow and SciPy raises SystemError)
    run(c, "styblinski_tang", st, maxfun=10**8, maxiter=20)
    run(c, "styblinski_tang", st, maxfun=1431655000, maxiter=20)
    run(c, "styblinski_tang", st, maxfun=100, maxiter=2**31 - 1)
    run(c, "styblinski_tang", st, maxfun=100, maxiter=2**31 - 1001)
    # callbacks: the argument is the last evaluated point
    run(c, "styblinski_tang", st, maxiter=6, callback=True)
    run(c, "rosen", [(-2.0, 2.0)] * 3, maxiter=8, locally_biased=False, callback=True)
    run_stop(c, "styblinski_tang", st, 3)
    run_stop(c, "rosen", [(-2.0, 2.0)] * 3, 5, locally_biased=False)
    # errors (SciPy raises ValueError)
    for bounds in ([(1.0, 0.0)], [(1.0, 1.0)], [(float("nan"), 1.0)], [(0.0, float("nan"))],
                   [(-float("inf"), 1.0)], [(0.0, float("inf"))]):
        run(c, "sphere", bounds)
    run(c, "sphere", [(0.0, 1.0)], vol_tol=2.0)
    run(c, "sphere", [(0.0, 1.0)], vol_tol=-0.5)
    run(c, "sphere", [(0.0, 1.0)], len_tol=1.5)
    run(c, "sphere", [(0.0, 1.0)], len_tol=-1e-3)
    run(c, "sphere", [(0.0, 1.0)], f_min_rtol=2.0)
    run(c, "sphere", [(0.0, 1.0)], f_min_rtol=-1.0)
    c.save()


if __name__ == "__main__":
    main()
