"""Reference data for sciox.optimize least squares (least_squares method
'lm', leastsq, curve_fit) from SciPy 1.17.1.

Residual functions are named; crates/sciox/tests/conformance_optimize_lsq.rs
defines the same functions with the same floating-point operations (math.*
per element, i.e. glibc's, on both sides; powers written as products).

Outputs per op:
  least_squares: x, fun, float64 [cost, nfev, njev (-1 = None), status, optimality]
  leastsq:       x, float64 [nfev, ier], cov_x (n*n, or empty if None)
  curve_fit:     popt, pcov (flattened), float64 [nfev, ier]
"""

import cmath
import math
import os
import sys
import warnings

import numpy as np
from scipy import optimize as so

sys.path.insert(0, os.path.dirname(__file__))
from refgen_common import Cases  # noqa: E402

T50 = [0.1 * i for i in range(50)]
Y50 = [2.5 * math.exp(-1.3 * t) + 0.05 * math.sin(3.0 * i) for i, t in enumerate(T50)]
BOX_T = [0.1 * (i + 1) for i in range(10)]
LIN_A = [[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [2.0, 0.1, -0.7], [1.5, 1.5, 1.5], [-0.4, 0.9, 0.2]]
LIN_B = [1.0, -2.0, 0.5, 3.0, 0.25]


def res_expdecay(p):
    return np.array([p[0] * math.exp(-p[1] * t) - y for t, y in zip(T50, Y50)])


def jac_expdecay(p):
    return np.array([[math.exp(-p[1] * t), -p[0] * t * math.exp(-p[1] * t)] for t in T50])


def res_rosen(x):
    return np.array([10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]])


def jac_rosen(x):
    return np.array([[-20.0 * x[0], 10.0], [-1.0, 0.0]])


def res_powell(x):
    a = x[1] - 2.0 * x[2]
    b = x[0] - x[3]
    return np.array([x[0] + 10.0 * x[1], math.sqrt(5.0) * (x[2] - x[3]), a * a, math.sqrt(10.0) * (b * b)])


def res_freud(x):
    return np.array([
        -13.0 + x[0] + ((5.0 - x[1]) * x[1] - 2.0) * x[1],
        -29.0 + x[0] + ((x[1] + 1.0) * x[1] - 14.0) * x[1],
    ])


def res_box3d(x):
    return np.array([
        math.exp(-t * x[0]) - math.exp(-t * x[1]) - x[2] * (math.exp(-t) - math.exp(-10.0 * t)) for t in BOX_T
    ])


def res_linear(x):
    return np.array([r[0] * x[0] + r[1] * x[1] + r[2] * x[2] - b for r, b in zip(LIN_A, LIN_B)])


def res_helical(x):
    th = math.atan(x[1] / x[0]) / (2.0 * math.pi)
    if x[0] < 0.0:
        th += 0.5
    return np.array([10.0 * (x[2] - 10.0 * th), 10.0 * (math.sqrt(x[0] * x[0] + x[1] * x[1]) - 1.0), x[2]])


RES = {
    "expdecay": (res_expdecay, jac_expdecay, [[1.0, 1.0], [5.0, 0.1]]),
    "rosen": (res_rosen, jac_rosen, [[-1.2, 1.0], [2.0, 2.0], [10.0, -5.0]]),
    "powell": (res_powell, None, [[3.0, -1.0, 0.0, 1.0]]),
    "freud": (res_freud, None, [[0.5, -2.0], [6.0, 3.0]]),
    "box3d": (res_box3d, None, [[0.0, 10.0, 20.0]]),
    "linear": (res_linear, None, [[0.0, 0.0, 0.0], [5.0, -3.0, 100.0]]),
    "helical": (res_helical, None, [[-1.0, 0.0, 0.0]]),
}

# curve_fit models: name -> (f(x, *p), data x, data y, p0 list)
XC = [0.2 * i for i in range(30)]


def m_exp(x, a, b, c):
    return np.array([a * math.exp(-b * t) + c for t in x])


def m_gauss(x, a, mu, s):
    return np.array([a * math.exp(-((t - mu) * (t - mu)) / (2.0 * s * s)) for t in x])


def m_poly(x, a, b):
    return np.array([a * t + b * t * t for t in x])


def j_exp(x, a, b, c):
    return np.array([[math.exp(-b * t), -a * t * math.exp(-b * t), 1.0] for t in x])


def j_poly(x, a, b):
    return np.array([[t, t * t] for t in x])


MODEL_JAC = {"exp": j_exp, "poly": j_poly}

YC_EXP = [3.0 * math.exp(-0.7 * t) + 0.4 + 0.02 * math.cos(5.0 * i) for i, t in enumerate(XC)]
YC_GAUSS = [1.7 * math.exp(-((t - 2.9) * (t - 2.9)) / (2.0 * 0.8 * 0.8)) + 0.01 * math.sin(7.0 * i) for i, t in enumerate(XC)]
YC_POLY = [0.5 * t - 0.1 * t * t + 0.03 * math.sin(2.0 * i) for i, t in enumerate(XC)]
SIG = [0.05 + 0.01 * (i % 4) for i in range(30)]
MODELS = {
    "exp": (m_exp, YC_EXP, [[1.0, 1.0, 1.0], [5.0, 0.2, 0.0]]),
    "gauss": (m_gauss, YC_GAUSS, [[1.0, 2.0, 1.0]]),
    "poly": (m_poly, YC_POLY, [[1.0, 1.0]]),
}


def cov_matrix(m):
    c = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            c[i, j] = 0.5 ** abs(i - j) * SIG[i] * SIG[j]
    return c


def res_pbs(x):
    return np.array([1e4 * x[0] * x[1] - 1.0, math.exp(-x[0]) + math.exp(-x[1]) - 1.0001])


def res_broyden(x):
    n = len(x)
    out = []
    for i in range(n):
        left = x[i - 1] if i > 0 else 0.0
        right = x[i + 1] if i + 1 < n else 0.0
        out.append((3.0 - 2.0 * x[i]) * x[i] - left - 2.0 * right + 1.0)
    return np.array(out)


def jac_broyden(x):
    n = len(x)
    j = np.zeros((n, n))
    for i in range(n):
        j[i, i] = 3.0 - 4.0 * x[i]
        if i > 0:
            j[i, i - 1] = -1.0
        if i + 1 < n:
            j[i, i + 1] = -2.0
    return j


# square systems for root(method='hybr')
SYS = {
    "rosen": (res_rosen, jac_rosen, [[-1.2, 1.0], [10.0, -5.0]]),
    "pbs": (res_pbs, None, [[0.0, 1.0]]),
    "broyden": (res_broyden, jac_broyden, [[-1.0] * 10, [0.5] * 5]),
    "helical": (res_helical, None, [[-1.0, 0.0, 0.0]]),
    "freud": (res_freud, None, [[0.5, -2.0], [6.0, 3.0]]),
    "powell": (res_powell, None, [[3.0, -1.0, 0.0, 1.0]]),
}


Y50_OUT = [y + (2.0 if i % 9 == 4 else 0.0) for i, y in enumerate(Y50)]


def res_expout(p):
    return np.array([p[0] * math.exp(-p[1] * t) - y for t, y in zip(T50, Y50_OUT)])


RES_TRF = {
    "expdecay": (res_expdecay, jac_expdecay),
    "expout": (res_expout, None),
    "rosen": (res_rosen, jac_rosen),
    "freud": (res_freud, None),
    "box3d": (res_box3d, None),
    "linear": (res_linear, None),
    "powell": (res_powell, None),
}
INF = float("inf")
# (problem, x0, lb, ub, extra options)
TRF_CASES = [
    ("rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {}),
    ("rosen", [-1.2, 1.0], [-INF, -INF], [INF, INF], {}),
    ("rosen", [-1.2, 1.0], [-2.0, -2.0], [0.5, 2.0], {}),
    ("rosen", [0.5, 2.0], [-2.0, -2.0], [0.5, 2.0], {}),
    ("rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {"x_scale": "jac"}),
    ("rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {"jac": True}),
    ("rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {"three_point": True}),
    ("rosen", [-1.2, 1.0], [-INF, -INF], [INF, INF], {"max_nfev": 4}),
    ("expdecay", [1.0, 1.0], [0.0, 0.0], [10.0, 10.0], {}),
    ("expdecay", [1.0, 2.0], [0.0, 1.5], [10.0, 3.0], {}),
    ("expdecay", [1.0, 2.0], [0.0, 1.5], [10.0, 3.0], {"jac": True}),
    ("expdecay", [5.0, 0.1], [-INF, -INF], [INF, INF], {"x_scale": "jac"}),
    ("expdecay", [5.0, 0.1], [-INF, -INF], [INF, INF], {"diff_step": 1e-4}),
    ("expdecay", [1.0, 1.0], [0.0, 0.0], [10.0, 10.0], {"x_scale": [2.0, 0.5]}),
    ("box3d", [0.0, 10.0, 20.0], [-INF, -INF, -INF], [INF, INF, INF], {}),
    ("box3d", [1.0, 10.0, 1.0], [0.0, 5.0, 0.0], [2.0, 20.0, 2.0], {}),
    ("box3d", [0.0, 10.0, 20.0], [-INF, -INF, -INF], [INF, INF, INF], {"x_scale": "jac"}),
    ("linear", [0.0, 0.0, 0.0], [-INF, -INF, -INF], [INF, INF, INF], {}),
    ("linear", [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0], {}),
    ("linear", [5.0, -3.0, 100.0], [-10.0, -10.0, -1.0], [10.0, 10.0, 200.0], {"ftol": 1e-12, "xtol": 1e-12, "gtol": 1e-12}),
    ("freud", [0.5, -2.0], [-INF, -INF], [INF, INF], {}),
    ("freud", [0.5, 4.0], [0.0, 3.0], [20.0, 10.0], {}),
    ("powell", [3.0, -1.0, 0.0, 1.0], [-INF] * 4, [INF] * 4, {}),
]
LOSSES = ["soft_l1", "huber", "cauchy", "arctan"]


def add_trf(c, name, x0, lb, ub, opts, method):
    f, jac = RES_TRF[name]
    kw = dict(opts)
    use_jac = kw.pop("jac", False)
    fd = "3-point" if kw.pop("three_point", False) else "2-point"
    params = {"f": name, "method": method, **opts}
    ins = [np.array(x0), np.array(lb), np.array(ub)]
    try:
        r = so.least_squares(f, np.array(x0), jac=jac if use_jac else fd, method=method, bounds=(lb, ub), **kw)
    except ValueError as e:
        c.add("least_squares_trf", ins, params, None, "ValueError", note=str(e))
        return
    c.add("least_squares_trf", ins, params,
          [r.x, r.fun, np.array([r.cost, r.nfev, r.njev, r.status, r.optimality], dtype=float),
           r.active_mask.astype(float), r.grad], note=r.message)


# least_squares with tr_solver='lsmr', jac_sparsity, a custom loss and a
# callback (op "least_squares_sparse", appended after all older cases)
def res_broyden_doc(x):
    # SciPy's docstring example (the Broyden tridiagonal system)
    f = (3 - x) * x + 1
    f[1:] -= x[:-1]
    f[:-1] -= 2 * x[1:]
    return f


def band_pattern(n):
    s = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(max(0, i - 1), min(n, i + 2)):
            s[i, j] = True
    return s


POWELL_PATTERN = np.array([[1, 1, 0, 0], [0, 0, 1, 1], [0, 1, 1, 0], [1, 0, 0, 1]], dtype=bool)


def tame_loss(z):
    # a custom loss rho(z) = z / (1 + z) with its derivatives
    t = 1 + z
    return np.array([z / t, 1 / (t * t), -2 / (t * t * t)])


def add_sparse(c, name, x0, lb, ub, opts):
    """opts: method, tr_solver, tr_options, sparsity ('band', 'full',
    'powell', 'bad'), loss (incl. 'tame'), callback_stop (stop at that nit),
    x_scale, three_point, max_nfev, f_scale, jac."""
    kw = dict(opts)
    f = res_broyden_doc if name == "broyden_doc" else RES_TRF[name][0]
    m = len(f(np.array(x0, dtype=float)))
    n = len(x0)
    sp = kw.pop("sparsity", None)
    if sp == "band":
        kw["jac_sparsity"] = band_pattern(n)
    elif sp == "full":
        kw["jac_sparsity"] = np.ones((m, n), dtype=bool)
    elif sp == "powell":
        kw["jac_sparsity"] = POWELL_PATTERN
    elif sp == "bad":
        kw["jac_sparsity"] = np.ones((m, n + 1), dtype=bool)
    if kw.get("loss") == "tame":
        kw["loss"] = tame_loss
    jac = "3-point" if kw.pop("three_point", False) else "2-point"
    if kw.pop("jac", False):
        jac = RES_TRF[name][1]
    stop = kw.pop("callback_stop", None)
    history = []
    if stop is not None:
        def cb(intermediate_result):
            r = intermediate_result
            history.extend([r.nit, r.nfev, r.cost])
            if r.nit == stop:
                raise StopIteration
        kw["callback"] = cb
    params = {"f": name, **opts}
    ins = [np.array(x0, dtype=float), np.array(lb, dtype=float), np.array(ub, dtype=float)]
    try:
        r = so.least_squares(f, np.array(x0, dtype=float), jac=jac, bounds=(lb, ub), **kw)
    except (ValueError, IndexError) as e:
        # a `jac_sparsity` of the wrong shape fails in SciPy's differencing
        # (numpy broadcasting) before its own shape check
        c.add("least_squares_sparse", ins, params, None, type(e).__name__, note=str(e))
        return
    j = r.jac.toarray() if hasattr(r.jac, "toarray") else np.asarray(r.jac)
    c.add("least_squares_sparse", ins, params,
          [r.x, r.fun, np.array([r.cost, r.nfev, -1 if r.njev is None else r.njev, r.status, r.optimality],
                                dtype=float),
           np.asarray(r.active_mask, dtype=float), r.grad, np.array(history, dtype=float),
           j.ravel() if m * n <= 10000 else np.zeros(0)],
          note=r.message)


def sparse_cases(c):
    bd = "broyden_doc"
    for n in (100, 1000):
        add_sparse(c, bd, [-1.0] * n, [-INF] * n, [INF] * n, {"sparsity": "band"})
    n = 100
    x0, lo, hi = [-1.0] * n, [-INF] * n, [INF] * n
    blo, bhi = [-2.0] * n, [-0.9] * n
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "method": "dogbox"})
    add_sparse(c, bd, x0, lo, hi, {"tr_solver": "lsmr"})
    add_sparse(c, bd, x0, lo, hi, {"tr_solver": "lsmr", "method": "dogbox"})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "three_point": True})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "x_scale": "jac"})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "tr_options": {"regularize": False}})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "tr_options": {"damp": 0.1}})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "tr_options": {"atol": 1e-10, "btol": 1e-10}})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "tr_options": {"maxiter": 3}})
    add_sparse(c, bd, x0, blo, bhi, {"sparsity": "band"})
    add_sparse(c, bd, x0, blo, bhi, {"sparsity": "band", "method": "dogbox"})
    add_sparse(c, bd, x0, blo, bhi, {"sparsity": "band", "tr_options": {"regularize": False}})
    add_sparse(c, bd, x0, blo, bhi, {"sparsity": "band", "three_point": True, "x_scale": "jac"})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "loss": "soft_l1"})
    add_sparse(c, bd, x0, lo, hi, {"sparsity": "band", "loss": "cauchy", "method": "dogbox"})
    # tr_solver='lsmr' on the small problems (dense Jacobians)
    for method in ("trf", "dogbox"):
        for name, x0s, lbs, ubs, o in TRF_CASES:
            if o.get("max_nfev") or name in ("linear",):
                continue
            add_sparse(c, name, x0s, lbs, ubs, {**o, "method": method, "tr_solver": "lsmr"})
        for loss in ("soft_l1", "huber", "tame"):
            add_sparse(c, "expout", [1.0, 1.0], [-INF, -INF], [INF, INF],
                       {"loss": loss, "f_scale": 0.1, "method": method, "tr_solver": "lsmr"})
            add_sparse(c, "expout", [1.0, 2.0], [0.0, 1.4], [10.0, 5.0],
                       {"loss": loss, "method": method, "tr_solver": "lsmr"})
        # the custom loss with the dense solver
        add_sparse(c, "expout", [1.0, 1.0], [-INF, -INF], [INF, INF], {"loss": "tame", "method": method})
        add_sparse(c, "expout", [1.0, 2.0], [0.0, 1.4], [10.0, 5.0], {"loss": "tame", "method": method})
        # patterns on the small problems
        add_sparse(c, "box3d", [0.0, 10.0, 20.0], [-INF] * 3, [INF] * 3, {"sparsity": "full", "method": method})
        add_sparse(c, "powell", [3.0, -1.0, 0.0, 1.0], [-INF] * 4, [INF] * 4,
                   {"sparsity": "powell", "method": method})
        add_sparse(c, "powell", [3.0, -1.0, 0.0, 1.0], [-INF] * 4, [INF] * 4,
                   {"sparsity": "powell", "method": method, "three_point": True})
        # callbacks: one that stops the run, one that does not
        add_sparse(c, "rosen", [-1.2, 1.0], [-INF, -INF], [INF, INF], {"method": method, "callback_stop": 3})
        add_sparse(c, "rosen", [-1.2, 1.0], [-2.0, -2.0], [0.5, 2.0], {"method": method, "callback_stop": 2})
        add_sparse(c, "rosen", [-1.2, 1.0], [-INF, -INF], [INF, INF], {"method": method, "callback_stop": 1000})
        add_sparse(c, bd, x0, blo, bhi, {"sparsity": "band", "method": method, "callback_stop": 2})
    # method 'lm': tr_solver is ignored; jac_sparsity is an error
    add_sparse(c, "rosen", [-1.2, 1.0], [-INF, -INF], [INF, INF], {"method": "lm", "tr_solver": "lsmr"})
    # errors
    add_sparse(c, "box3d", [0.0, 10.0, 20.0], [-INF] * 3, [INF] * 3, {"sparsity": "full", "method": "lm"})
    add_sparse(c, "box3d", [0.0, 10.0, 20.0], [-INF] * 3, [INF] * 3, {"sparsity": "full", "tr_solver": "exact"})
    add_sparse(c, "box3d", [0.0, 10.0, 20.0], [-INF] * 3, [INF] * 3, {"sparsity": "bad"})
    add_sparse(c, "powell", [3.0, -1.0, 0.0, 1.0], [-INF] * 4, [INF] * 4, {"sparsity": "bad"})
    # an analytic Jacobian: jac_sparsity is ignored (and no clash with 'exact')
    add_sparse(c, "expdecay", [1.0, 1.0], [0.0, 0.0], [10.0, 10.0],
               {"jac": True, "sparsity": "full", "tr_solver": "exact"})


# least_squares(jac='cs') (op "least_squares_cs", appended after all older
# cases). The residuals are evaluated element by element in Python floats
# (real x, the same operations as the functions above) or Python complex
# numbers with cmath.exp (complex x), which the Rust side mirrors with
# num-complex's operations (the same products and glibc's exp/sin/cos).
def _cexp(z):
    return cmath.exp(z) if isinstance(z, complex) else math.exp(z)


def _cs_body(name, x):
    if name in ("expdecay", "expout"):
        ys = Y50 if name == "expdecay" else Y50_OUT
        return [x[0] * _cexp(-x[1] * t) - y for t, y in zip(T50, ys)]
    if name == "rosen":
        return [10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]]
    if name == "powell":
        a = x[1] - 2.0 * x[2]
        b = x[0] - x[3]
        return [x[0] + 10.0 * x[1], math.sqrt(5.0) * (x[2] - x[3]), a * a, math.sqrt(10.0) * (b * b)]
    if name == "freud":
        return [-13.0 + x[0] + ((5.0 - x[1]) * x[1] - 2.0) * x[1],
                -29.0 + x[0] + ((x[1] + 1.0) * x[1] - 14.0) * x[1]]
    if name == "box3d":
        return [_cexp(-t * x[0]) - _cexp(-t * x[1]) - x[2] * (math.exp(-t) - math.exp(-10.0 * t)) for t in BOX_T]
    if name == "linear":
        return [r[0] * x[0] + r[1] * x[1] + r[2] * x[2] - b for r, b in zip(LIN_A, LIN_B)]
    if name == "broyden":
        n = len(x)
        out = []
        for i in range(n):
            left = x[i - 1] if i > 0 else 0.0
            right = x[i + 1] if i + 1 < n else 0.0
            out.append((3.0 - 2.0 * x[i]) * x[i] - left - 2.0 * right + 1.0)
        return out
    raise KeyError(name)


def cs_fun(name):
    def f(x):
        if np.iscomplexobj(x):
            return np.array(_cs_body(name, [complex(v) for v in x]))
        return np.array(_cs_body(name, [float(v) for v in x]))
    return f


def add_cs(c, name, x0, lb, ub, opts):
    """opts: method, loss, f_scale, x_scale, diff_step, max_nfev, ftol/xtol/gtol,
    sparsity ('band'), callback_stop."""
    kw = dict(opts)
    f = cs_fun(name)
    x0 = np.array(x0, dtype=float)
    m = len(f(x0))
    n = len(x0)
    if kw.pop("sparsity", None) == "band":
        kw["jac_sparsity"] = band_pattern(n)
    stop = kw.pop("callback_stop", None)
    history = []
    if stop is not None:
        def cb(intermediate_result):
            r = intermediate_result
            history.extend([r.nit, r.nfev, r.cost])
            if r.nit == stop:
                raise StopIteration
        kw["callback"] = cb
    params = {"f": name, **opts}
    ins = [x0, np.array(lb, dtype=float), np.array(ub, dtype=float)]
    try:
        r = so.least_squares(f, x0, jac="cs", bounds=(lb, ub), **kw)
    except ValueError as e:
        c.add("least_squares_cs", ins, params, None, "ValueError", note=str(e))
        return
    j = r.jac.toarray() if hasattr(r.jac, "toarray") else np.asarray(r.jac)
    c.add("least_squares_cs", ins, params,
          [r.x, r.fun, np.array([r.cost, r.nfev, -1 if r.njev is None else r.njev, r.status, r.optimality],
                                dtype=float),
           np.asarray(r.active_mask, dtype=float), r.grad, np.array(history, dtype=float), j.ravel()],
          note=r.message)


def cs_cases(c):
    free2, free3, free4 = ([-INF] * 2, [INF] * 2), ([-INF] * 3, [INF] * 3), ([-INF] * 4, [INF] * 4)
    for method in ("trf", "dogbox", "lm"):
        mo = {"method": method}
        add_cs(c, "rosen", [-1.2, 1.0], *free2, mo)
        add_cs(c, "rosen", [10.0, -5.0], *free2, {**mo, "x_scale": "jac"})
        add_cs(c, "rosen", [-1.2, 1.0], *free2, {**mo, "max_nfev": 4})
        add_cs(c, "expdecay", [5.0, 0.1], *free2, mo)
        add_cs(c, "expdecay", [5.0, 0.1], *free2, {**mo, "diff_step": 1e-3})
        add_cs(c, "box3d", [0.0, 10.0, 20.0], *free3, mo)
        add_cs(c, "freud", [0.5, -2.0], *free2, mo)
        add_cs(c, "powell", [3.0, -1.0, 0.0, 1.0], *free4, mo)
        add_cs(c, "linear", [5.0, -3.0, 100.0], *free3, {**mo, "ftol": 1e-12, "xtol": 1e-12, "gtol": 1e-12})
        if method == "lm":
            continue
        add_cs(c, "rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], mo)
        add_cs(c, "rosen", [-1.2, 1.0], [-2.0, -2.0], [0.5, 2.0], mo)
        add_cs(c, "expdecay", [1.0, 2.0], [0.0, 1.5], [10.0, 3.0], mo)
        add_cs(c, "box3d", [1.0, 10.0, 1.0], [0.0, 5.0, 0.0], [2.0, 20.0, 2.0], mo)
        add_cs(c, "linear", [0.0, 0.0, 0.0], [0.0] * 3, [1.0] * 3, mo)
        add_cs(c, "freud", [0.5, 4.0], [0.0, 3.0], [20.0, 10.0], mo)
        add_cs(c, "expout", [1.0, 1.0], *free2, {**mo, "loss": "soft_l1", "f_scale": 0.1})
        add_cs(c, "expout", [1.0, 2.0], [0.0, 1.4], [10.0, 5.0], {**mo, "loss": "cauchy"})
        add_cs(c, "broyden", [-1.0] * 30, [-INF] * 30, [INF] * 30, {**mo, "sparsity": "band"})
        add_cs(c, "broyden", [-1.0] * 30, [-2.0] * 30, [-0.9] * 30, {**mo, "sparsity": "band"})
        add_cs(c, "rosen", [-1.2, 1.0], *free2, {**mo, "callback_stop": 3})
    # errors: 'lm' with bounds, 'lm' with jac_sparsity, x0 outside the bounds
    add_cs(c, "rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {"method": "lm"})
    add_cs(c, "broyden", [-1.0] * 30, [-INF] * 30, [INF] * 30, {"method": "lm", "sparsity": "band"})
    add_cs(c, "rosen", [2.0, 2.0], [-INF, 2.5], [INF, INF], {})


def approx_derivative_cases(c):
    """approx_derivative of the vector residuals (op "approx_derivative_vec"):
    methods '2-point', '3-point' (the real functions above) and 'cs'
    (cs_fun), rel_step, abs_step, bounds."""
    ad = so._numdiff.approx_derivative
    probs = [
        ("rosen", [-1.2, 1.0], None),
        ("expdecay", [5.0, 0.1], ([0.0, 0.0], [5.0, 10.0])),
        ("box3d", [0.0, 10.0, 20.0], None),
        ("freud", [0.5, -2.0], ([0.5, -2.0 - 1e-9], [0.5 + 1e-9, 3.0])),
        ("powell", [3.0, -1.0, 0.0, 1.0], ([-INF, -1.0, -INF, 0.0], [INF, INF, 1e-7, INF])),
        ("linear", [1e-9, -3e5, 2.0], None),
    ]
    for name, x0, bnds in probs:
        for method in ("2-point", "3-point", "cs"):
            for steps in ({}, {"rel_step": 1e-6}, {"abs_step": 1e-4}, {"abs_step": 1e-20}):
                kw = dict(steps)
                x = np.array(x0, dtype=float)
                inputs = [x]
                params = {"f": name, "method": method, **steps}
                if bnds is not None:
                    kw["bounds"] = (np.array(bnds[0], dtype=float), np.array(bnds[1], dtype=float))
                    inputs += list(kw["bounds"])
                    params["bounds"] = True
                f = cs_fun(name) if method == "cs" else RES_ALL[name]
                j = ad(f, x, method=method, **kw)
                c.add("approx_derivative_vec", inputs, params, [np.atleast_2d(j).ravel()])
    # x0 outside the bounds
    x = np.array([2.0, 2.0])
    for method in ("2-point", "cs"):
        try:
            ad(res_rosen, x, method=method, bounds=([-INF, 2.5], [INF, INF]))
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add("approx_derivative_vec", [x, np.array([-INF, 2.5]), np.array([INF, INF])],
                  {"f": "rosen", "method": method, "bounds": True}, None, "ValueError", note=str(e))


RES_ALL = {"rosen": res_rosen, "expdecay": res_expdecay, "box3d": res_box3d, "freud": res_freud,
           "powell": res_powell, "linear": res_linear}


def main():
    warnings.simplefilter("ignore")
    c = Cases("optimize_lsq", crate="sciox")


    for name, (f, jac, x0s) in RES.items():
        for x0 in x0s:
            variants = [({}, False), ({"x_scale": 1.0}, False), ({"ftol": 1e-12, "xtol": 1e-12, "gtol": 1e-12}, False),
                        ({"max_nfev": 5}, False), ({"three_point": True}, False), ({"diff_step": 1e-4}, False),
                        ({"three_point": True, "diff_step": 1e-3}, False)]
            if jac is not None:
                variants.append(({}, True))
            for opts, use_jac in variants:
                params = {"f": name, "jac": use_jac, **opts}
                kw = dict(opts)
                fd = "3-point" if kw.pop("three_point", False) else "2-point"
                try:
                    r = so.least_squares(f, np.array(x0), jac=jac if use_jac else fd, method="lm", **kw)
                except ValueError as e:
                    c.add("least_squares", [np.array(x0)], params, None, "ValueError", note=str(e))
                    continue
                njev = -1 if r.njev is None else r.njev
                c.add("least_squares", [np.array(x0)], params,
                      [r.x, r.fun, np.array([r.cost, r.nfev, njev, r.status, r.optimality], dtype=float)], note=r.message)
            for opts, use_jac in [({}, False), ({"epsfcn": 1e-10}, False), ({"maxfev": 7}, False), ({}, True)]:
                if use_jac and jac is None:
                    continue
                params = {"f": name, "jac": use_jac, **opts}
                x, cov, info, mesg, ier = so.leastsq(f, np.array(x0), Dfun=jac if use_jac else None, full_output=1, **opts)
                cov = np.zeros(0) if cov is None else cov.ravel()
                c.add("leastsq", [np.array(x0)], params, [x, np.array([info["nfev"], ier], dtype=float), cov], note=mesg)

    # x_scale per variable and bad inputs
    r = so.least_squares(res_box3d, np.array([0.0, 10.0, 20.0]), method="lm", x_scale=[1.0, 10.0, 10.0])
    c.add("least_squares", [np.array([0.0, 10.0, 20.0])], {"f": "box3d", "jac": False, "x_scale": [1.0, 10.0, 10.0]},
          [r.x, r.fun, np.array([r.cost, r.nfev, -1, r.status, r.optimality], dtype=float)], note=r.message)
    for x0, note in [([1.0, 2.0, 3.0], "m < n"), ([float("nan"), 1.0], "nan x0")]:
        try:
            so.least_squares(res_rosen if len(x0) == 2 else res_freud, np.array(x0), method="lm")
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add("least_squares", [np.array(x0)], {"f": "rosen" if len(x0) == 2 else "freud", "jac": False}, None,
                  "ValueError", note=f"{note}: {e}")

    for name, (f, jac, x0s) in SYS.items():
        for x0 in x0s:
            for opts, use_jac in [({}, False), ({"maxfev": 9}, False), ({"xtol": 1e-12}, False), ({}, True)]:
                if use_jac and jac is None:
                    continue
                params = {"f": name, "jac": use_jac, **opts}
                r = so.root(f, np.array(x0), jac=jac if use_jac else None, method="hybr", options=opts)
                njev = r.get("njev", 0)
                c.add("root_hybr", [np.array(x0)], params,
                      [r.x, r.fun, np.array([r.nfev, njev, r.status], dtype=float)], note=r.message)

    xc = np.array(XC)
    for name, (f, y, p0s) in MODELS.items():
        y = np.array(y)
        for p0 in p0s:
            variants = [(None, False, False), ("std", False, False), ("std", True, False), ("cov", False, False),
                        ("cov", True, False)]
            if name in MODEL_JAC:
                variants += [(None, False, True), ("std", False, True), ("cov", False, True)]
            for sig, absol, use_jac in variants:
                sigma = None if sig is None else (np.array(SIG) if sig == "std" else cov_matrix(len(XC)))
                params = {"model": name, "sigma": sig or "none", "absolute_sigma": absol, "jac": use_jac}
                sig_in = np.zeros(0) if sigma is None else sigma.ravel()
                try:
                    popt, pcov, info, mesg, ier = so.curve_fit(f, xc, y, p0=p0, sigma=sigma, absolute_sigma=absol,
                                                               jac=MODEL_JAC[name] if use_jac else None,
                                                               full_output=True)
                except RuntimeError as e:
                    c.add("curve_fit", [np.array(p0), xc, y, sig_in], params, None, "RuntimeError", note=str(e))
                    continue
                c.add("curve_fit", [np.array(p0), xc, y, sig_in], params, [popt, pcov.ravel(), np.array([info["nfev"], ier], dtype=float)], note=mesg)
    # MINPACK gives up (maxfev): RuntimeError
    for mf in (5, 12):
        params = {"model": "gauss", "sigma": "none", "absolute_sigma": False, "maxfev": mf}
        try:
            popt, pcov, info, mesg, ier = so.curve_fit(m_gauss, xc, np.array(YC_GAUSS), p0=[1.0, 2.0, 1.0], maxfev=mf,
                                                       full_output=True)
            c.add("curve_fit", [np.array([1.0, 2.0, 1.0]), xc, np.array(YC_GAUSS), np.zeros(0)], params,
                  [popt, pcov.ravel(), np.array([info["nfev"], ier], dtype=float)], note=mesg)
        except RuntimeError as e:
            c.add("curve_fit", [np.array([1.0, 2.0, 1.0]), xc, np.array(YC_GAUSS), np.zeros(0)], params, None,
                  "RuntimeError", note=str(e))
    # not positive definite covariance
    bad = -np.eye(len(XC))
    try:
        so.curve_fit(m_poly, xc, np.array(YC_POLY), p0=[1.0, 1.0], sigma=bad)
        raise SystemExit("expected an error")
    except ValueError as e:
        c.add("curve_fit", [np.array([1.0, 1.0]), xc, np.array(YC_POLY), bad.ravel()], {"model": "poly", "sigma": "neg", "absolute_sigma": False}, None,
              "ValueError", note=str(e))

    # least_squares methods 'trf' and 'dogbox' (after the older cases, so
    # that those are generated exactly as before)
    for method in ("trf", "dogbox"):
        for name, x0, lb, ub, opts in TRF_CASES:
            add_trf(c, name, x0, lb, ub, opts, method)
        for loss in LOSSES:
            for fs in (1.0, 0.1):
                add_trf(c, "expout", [1.0, 1.0], [-INF, -INF], [INF, INF], {"loss": loss, "f_scale": fs}, method)
            add_trf(c, "expout", [1.0, 2.0], [0.0, 1.4], [10.0, 5.0], {"loss": loss}, method)
        # errors: x0 outside the bounds, lb >= ub
        add_trf(c, "rosen", [2.0, 2.0], [-INF, 2.5], [INF, INF], {}, method)
        add_trf(c, "rosen", [2.0, 2.0], [1.0, 1.0], [1.0, 3.0], {}, method)
    add_trf(c, "rosen", [2.0, 2.0], [-INF, 1.5], [INF, INF], {}, "lm")
    add_trf(c, "expout", [1.0, 1.0], [-INF, -INF], [INF, INF], {"loss": "huber"}, "lm")

    # curve_fit with bounds / methods 'trf' and 'dogbox'
    cf_cases = [
        ("exp", [1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [10.0, 10.0, 10.0], None),
        ("exp", [1.0, 1.0, 1.0], [0.0, 0.8, 0.0], [10.0, 2.0, 10.0], None),
        ("exp", [1.0, 1.0, 1.0], [-INF, -INF, -INF], [INF, INF, INF], "trf"),
        ("exp", [1.0, 1.0, 1.0], [0.0, 0.8, 0.0], [10.0, 2.0, 10.0], "dogbox"),
        ("gauss", [1.0, 2.0, 1.0], [0.0, 0.0, 0.1], [5.0, 5.0, 5.0], None),
        ("gauss", [1.0, 2.0, 1.0], [0.0, 0.0, 0.1], [1.5, 5.0, 5.0], "dogbox"),
        ("poly", [1.0, 1.0], [-INF, -INF], [INF, INF], "trf"),
        ("poly", [1.0, 1.0], [0.0, 0.0], [1.0, 1.0], None),
    ]
    for name, p0, lb, ub, method in cf_cases:
        f, y, _ = MODELS[name]
        y = np.array(y)
        variants = [(None, False, False), ("std", False, False), ("std", True, False), ("cov", False, False)]
        if name in MODEL_JAC:
            variants += [(None, False, True), ("std", False, True)]
        for sig, absol, use_jac in variants:
            sigma = None if sig is None else (np.array(SIG) if sig == "std" else cov_matrix(len(XC)))
            params = {"model": name, "sigma": sig or "none", "absolute_sigma": absol, "jac": use_jac,
                      "method": method or "default"}
            sig_in = np.zeros(0) if sigma is None else sigma.ravel()
            ins = [np.array(p0), xc, y, sig_in, np.array(lb), np.array(ub)]
            try:
                popt, pcov, info, mesg, ier = so.curve_fit(f, xc, y, p0=p0, sigma=sigma, absolute_sigma=absol,
                                                           bounds=(lb, ub), method=method,
                                                           jac=MODEL_JAC[name] if use_jac else None,
                                                           full_output=True)
            except (RuntimeError, ValueError) as e:
                c.add("curve_fit_trf", ins, params, None, type(e).__name__, note=str(e))
                continue
            c.add("curve_fit_trf", ins, params, [popt, pcov.ravel(), np.array([info["nfev"], ier], dtype=float)],
                  note=mesg)
    # errors: 'lm' with bounds; max_nfev reached
    for method, mf in (("lm", None), ("trf", 3)):
        params = {"model": "exp", "sigma": "none", "absolute_sigma": False, "jac": False, "method": method}
        if mf:
            params["maxfev"] = mf
        ins = [np.array([1.0, 1.0, 1.0]), xc, np.array(YC_EXP), np.zeros(0), np.zeros(3), np.full(3, 10.0)]
        try:
            so.curve_fit(m_exp, xc, np.array(YC_EXP), p0=[1.0, 1.0, 1.0], bounds=(0.0, 10.0), method=method,
                         **({"maxfev": mf} if mf else {}))
            raise SystemExit("expected an error")
        except (RuntimeError, ValueError) as e:
            c.add("curve_fit_trf", ins, params, None, type(e).__name__, note=str(e))

    # nnls: random, degenerate (rank-deficient, all-zero answer), maxiter
    rng = np.random.default_rng(1234)
    nn = [(rng.standard_normal((20, 8)), rng.standard_normal(20), None),
          (rng.standard_normal((6, 10)), rng.standard_normal(6), None),
          (rng.random((15, 5)), rng.random(15), None),
          (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([1.0, 0.0, -1.0]), None),
          (np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), np.array([2.0, 1.0, -1.0]), None),
          (np.zeros((4, 3)), np.ones(4), None)]
    rng0 = np.random.default_rng(0)
    a0 = rng0.standard_normal((20, 8))
    b0 = rng0.standard_normal(20)
    for mi in (3, 5, 6, 24):
        nn.append((a0, b0, mi))
    for a, b, mi in nn:
        params = {"m": a.shape[0], "n": a.shape[1]}
        if mi is not None:
            params["maxiter"] = mi
        try:
            x, rn = so.nnls(a, b, maxiter=mi)
        except RuntimeError as e:
            c.add("nnls", [a, b], params, None, "RuntimeError", note=str(e))
            continue
        c.add("nnls", [a, b], params, [x, np.array([rn])])

    # isotonic_regression: ties, weights, decreasing, empty, one element
    iso = [([1.0, 3.0, 2.0, 4.0, 3.5, 5.0], None),
           ([3.0, 2.0, 2.0, 1.0, 1.0, 5.0, 5.0, 4.0], None),
           ([2.0, 2.0, 2.0], None),
           ([5.0, 1.0, 4.0, 2.0, 3.0], [1.0, 2.0, 0.5, 3.0, 1.0]),
           (list(np.random.default_rng(7).standard_normal(40).round(1)), None),
           ([], None), ([4.2], None)]
    for y, wts in iso:
        for inc in (True, False):
            ins = [np.array(y, dtype=float), np.array(wts if wts is not None else [], dtype=float)]
            r = so.isotonic_regression(y, weights=wts, increasing=inc)
            c.add("isotonic", ins, {"increasing": inc, "weights": wts is not None},
                  [r.x, r.weights, r.blocks.astype(float)])
    for y, wts in (([1.0, 2.0], [1.0, 0.0]), ([1.0, 2.0], [1.0])):
        try:
            so.isotonic_regression(y, weights=wts)
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add("isotonic", [np.array(y), np.array(wts)], {"increasing": True, "weights": True}, None,
                  "ValueError", note=str(e))

    # lsq_linear (method 'trf')
    rng = np.random.default_rng(42)
    ll = []
    a = rng.standard_normal((20, 5))
    b = rng.standard_normal(20)
    ll += [(a, b, [-INF] * 5, [INF] * 5, {}), (a, b, [-0.1] * 5, [0.1] * 5, {}), (a, b, [0.0] * 5, [INF] * 5, {}),
           (a, b, [-1.0, 0.0, -INF, 0.05, -0.2], [1.0, 0.3, 0.0, INF, 0.2], {}),
           (a, b, [-0.1] * 5, [0.1] * 5, {"tol": 1e-4}), (a, b, [-0.1] * 5, [0.1] * 5, {"max_iter": 2})]
    a2 = rng.random((8, 12))
    b2 = rng.random(8)
    ll += [(a2, b2, [0.0] * 12, [0.5] * 12, {})]
    a3 = rng.standard_normal((10, 4))
    a3[:, 3] = a3[:, 0] + a3[:, 1]  # rank deficient
    b3 = rng.standard_normal(10)
    ll += [(a3, b3, [-0.3] * 4, [0.3] * 4, {})]
    # SciPy's docstring example (a dense version)
    a4 = rng.random((30, 6))
    b4 = rng.standard_normal(30)
    ll += [(a4, b4, [-1.0, -0.5, 0.0, 0.0, 0.2, -INF], [1.0, 0.5, 0.2, INF, 0.3, 0.0], {})]
    # method 'bvls' on the same problems (and a start with every variable
    # at a bound), then lsq_solver='lsmr' with each lsmr_tol setting
    bv = [(a, b, lb, ub, {**o, "method": "bvls"}) for a, b, lb, ub, o in ll]
    a5 = rng.standard_normal((15, 6))
    b5 = 10.0 * rng.standard_normal(15)
    bv += [(a5, b5, [-0.01] * 6, [0.01] * 6, {"method": "bvls"}),
           (a5, b5, [-0.5] * 6, [0.5] * 6, {"method": "bvls", "max_iter": 1})]
    lm = [(a, b, lb, ub, {**o, "lsq_solver": "lsmr"}) for a, b, lb, ub, o in ll if "max_iter" not in o]
    lm += [(a, b, lb, ub, {**o, "lsq_solver": "lsmr", "lsmr_tol": "auto"}) for a, b, lb, ub, o in ll
           if "max_iter" not in o]
    lm += [(a, b, [-0.1] * 5, [0.1] * 5, {"lsq_solver": "lsmr", "lsmr_tol": 1e-6}),
           (a, b, [-0.1] * 5, [0.1] * 5, {"lsq_solver": "lsmr", "lsmr_maxiter": 2}),
           (a, b, [-0.1] * 5, [0.1] * 5, {"lsq_solver": "lsmr", "max_iter": 3})]
    for a, b, lb, ub, opts in ll + bv + lm:
        params = {"m": a.shape[0], "n": a.shape[1], **opts}
        r = so.lsq_linear(a, b, bounds=(lb, ub), **opts)
        c.add("lsq_linear", [a, b, np.array(lb), np.array(ub)], params,
              [r.x, np.array([r.cost, r.optimality, r.nit, r.status]), r.active_mask.astype(float)], note=r.message)
    # errors of the new options
    for opts in ({"method": "bvls", "lsq_solver": "lsmr"}, {"lsq_solver": "lsmr", "lsmr_maxiter": 0},
                 {"lsq_solver": "lsmr", "lsmr_tol": -1.0}):
        params = {"m": a.shape[0], "n": a.shape[1], **opts}
        try:
            so.lsq_linear(a, b, bounds=([-0.1] * 5, [0.1] * 5), **opts)
            raise SystemExit("expected an error")
        except ValueError as e:
            c.add("lsq_linear", [a, b, np.array([-0.1] * 5), np.array([0.1] * 5)], params, None, "ValueError",
                  note=str(e))
    sparse_cases(c)
    cs_cases(c)
    approx_derivative_cases(c)
    c.save()
    lsq_linear_sparse_cases()


# lsq_linear with a sparse A (scipy.sparse.csr_array) and a LinearOperator A
# built from the same matrix. A separate group (optimize_lsq_linear_sparse)
# so the ids and counts of optimize_lsq stay as they are. Each matrix is
# stored once, as an op "matrix" case (COO triplets as given to SciPy, some
# duplicated) with SciPy's canonical CSR arrays as its outputs; the
# lsq_linear_sparse cases name it in param "matrix".
def lsq_linear_sparse_cases():
    import scipy.sparse as sp
    from scipy.sparse.linalg import LinearOperator

    c = Cases("optimize_lsq_linear_sparse", crate="sciox")
    rng = np.random.default_rng(20261127)
    mats = {}

    def add_matrix(name, m, n, density, dups):
        s = sp.random(m, n, density=density, random_state=rng, data_rvs=rng.standard_normal, format="coo")
        rows, cols, vals = s.row.astype(np.int64), s.col.astype(np.int64), s.data.copy()
        if dups:
            # split some entries into two parts at the same position
            k = rng.choice(len(vals), size=dups, replace=False)
            part = rng.standard_normal(dups)
            rows, cols = np.concatenate([rows, rows[k]]), np.concatenate([cols, cols[k]])
            vals = np.concatenate([vals, part])
            vals[k] -= part
        perm = rng.permutation(len(vals))
        rows, cols, vals = rows[perm], cols[perm], vals[perm]
        a = sp.csr_array((vals, (rows, cols)), shape=(m, n))
        mats[name] = a
        c.add("matrix", [rows, cols, vals], {"name": name, "m": m, "n": n},
              [a.indptr.astype(np.int64), a.indices.astype(np.int64), a.data])
        return a

    def operator(a):
        return LinearOperator(a.shape, matvec=lambda v: a @ v, rmatvec=lambda v: a.T @ v, dtype=float)

    runs = []
    # small tall, with duplicates summed by coo -> csr
    a = add_matrix("small", 40, 12, 0.3, 10)
    b = rng.standard_normal(40)
    runs += [("small", b, [-INF] * 12, [INF] * 12, {}), ("small", b, [-0.1] * 12, [0.1] * 12, {}),
             ("small", b, [0.0] * 12, [INF] * 12, {}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"lsmr_tol": "auto"}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"lsmr_tol": 1e-6}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"tol": 1e-4}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"lsmr_maxiter": 3}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"max_iter": 3}),
             ("small", b, [-0.1] * 12, [0.1] * 12, {"lsq_solver": "lsmr"})]
    # wide (underdetermined)
    add_matrix("wide", 15, 30, 0.25, 0)
    b = rng.standard_normal(15)
    runs += [("wide", b, [-INF] * 30, [INF] * 30, {}), ("wide", b, [-0.2] * 30, [0.2] * 30, {}),
             ("wide", b, [-0.2] * 30, [0.2] * 30, {"lsmr_tol": "auto"})]
    # tall 2000 x 500, density 1%
    a = add_matrix("tall", 2000, 500, 0.01, 0)
    x_true = rng.standard_normal(500)
    b = a @ x_true + 0.1 * rng.standard_normal(2000)
    runs += [("tall", b, [-INF] * 500, [INF] * 500, {}), ("tall", b, [-1.0] * 500, [1.0] * 500, {}),
             ("tall", b, [0.0] * 500, [INF] * 500, {"lsmr_tol": "auto"})]
    for name, b, lb, ub, opts in runs:
        a = mats[name]
        for op in (False, True):
            params = {"matrix": name, "operator": op, **opts}
            r = so.lsq_linear(operator(a) if op else a, b, bounds=(lb, ub), **opts)
            c.add("lsq_linear_sparse", [b, np.array(lb), np.array(ub)], params,
                  [r.x, np.array([r.cost, r.optimality, r.nit, r.status]), r.active_mask.astype(float)],
                  note=r.message)
    # SciPy's errors for a non-dense A
    b = rng.standard_normal(40)
    for op in (False, True):
        a = operator(mats["small"]) if op else mats["small"]
        for opts, bb in (({"method": "bvls"}, b), ({"method": "bvls", "lsq_solver": "lsmr"}, b),
                         ({"method": "bvls", "lsq_solver": "exact"}, b), ({"lsq_solver": "exact"}, b),
                         ({}, b[:39]), ({"max_iter": 0}, b)):
            params = {"matrix": "small", "operator": op, **opts}
            try:
                so.lsq_linear(a, bb, **opts)
                raise SystemExit("expected an error")
            except ValueError as e:
                c.add("lsq_linear_sparse", [bb, np.array([-INF]), np.array([INF])], params, None, "ValueError",
                      note=str(e))
    c.save()


if __name__ == "__main__":
    main()
