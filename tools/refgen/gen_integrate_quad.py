"""Reference data for sciox.integrate.quad (scipy.integrate.quad, SciPy 1.17.1).

Integrands are named; crates/sciox/tests/conformance_integrate_quad.rs
defines the same functions under the same names. They use the `math`
module (the C library's exp/sin/log), which Rust's f64 methods call too,
so both sides evaluate the same doubles.

Each case records quad(..., full_output=1): out0 = [value, abserr],
out1 = [neval, ier, last], out2..out6 = alist, blist, rlist, elist, iord
(the first `last` entries), then the routine's extras (qagpe: pts, level,
ndin; qawoe: nnlog, momcom; qawfe: lst, rslst, erlst, ierlst). The exact
value (closed form, or NaN when unknown) is the `exact` parameter.
"""

import math
import warnings

import numpy as np
import scipy
from scipy.integrate import quad, IntegrationWarning

from refgen_common import Cases

PI = math.pi


def sinc(x):
    return math.sin(x) / x if x != 0.0 else 1.0


F = {
    "one": lambda x: 1.0,
    "x": lambda x: x,
    "poly3": lambda x: x ** 3 - 2.0 * x + 1.0,
    "exp": lambda x: math.exp(x),
    "exp_neg_x2": lambda x: math.exp(-x * x),
    "exp_negx": lambda x: math.exp(-x),
    "x_exp_negx": lambda x: x * math.exp(-x),
    "inv_1px2": lambda x: 1.0 / (1.0 + x * x),
    "sinc": sinc,
    "inv_sqrt": lambda x: 1.0 / math.sqrt(x),
    "log": lambda x: math.log(x),
    "log_abs_03": lambda x: math.log(abs(x - 0.3)) if x != 0.3 else -1e300,
    "sqrt_abs_05": lambda x: math.sqrt(abs(x - 0.5)),
    "abs_third": lambda x: abs(x - 1.0 / 3.0),
    "step_05": lambda x: 1.0 if x < 0.5 else 2.0,
    "cos100": lambda x: math.cos(100.0 * x),
    "x_sin_inv": lambda x: x * math.sin(1.0 / x) if x != 0.0 else 0.0,
    "inv_x": lambda x: 1.0 / x,
    "inv_x2": lambda x: 1.0 / (x * x),
    "log_1px": lambda x: math.log(1.0 + x),
    "inv_sqrt_x_1px": lambda x: 1.0 / (math.sqrt(x) * (1.0 + x)),
    "exp_neg_abs": lambda x: math.exp(-abs(x)),
    "inv_1px": lambda x: 1.0 / (1.0 + x),
    "gauss_shift": lambda x: math.exp(-(x - 3.0) ** 2),
    "sin_x": lambda x: math.sin(x),
    "x2": lambda x: x * x,
    "sqrt": lambda x: math.sqrt(x),
    "exp_neg_x": lambda x: math.exp(-x),
    "inv_x_exp": lambda x: math.exp(-x) / x,
    "cos_sqrt": lambda x: math.cos(math.sqrt(x)),
    "osc_sin50": lambda x: math.sin(50.0 * x) * math.exp(-x),
    "bump": lambda x: math.exp(-1.0 / (1.0 - x * x)) if abs(x) < 1.0 else 0.0,
}

NAN = float("nan")


def run_case(c, name, a, b, exact=NAN, note="", **kw):
    f = F[name]
    params = {"f": name, "a": a, "b": b, "exact": exact}
    params.update(kw)
    qkw = dict(kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IntegrationWarning)
        try:
            r = quad(f, a, b, full_output=1, **qkw)
        except Exception as e:  # noqa: BLE001 - the class name is the datum
            c.add("quad", [], params, None, type(e).__name__, note)
            return
    value, abserr, info = r[0], r[1], r[2]
    ier = 0
    if len(r) > 3:
        msg = r[3]
        # recover ier from the message (full_output hides it)
        ier = -1
        for k, start in [(1, "The maximum number of"), (2, "The occurrence of roundoff"),
                         (3, "Extremely bad integrand"), (4, "The algorithm does not converge"),
                         (4, "The extrapolation table"), (5, "The integral is probably divergent"),
                         (7, "Abnormal termination"), (7, "Bad integrand behavior")]:
            if msg.startswith(start):
                ier = k
                break
        params["message"] = msg
    fourier = kw.get("weight") in ("cos", "sin") and (math.isinf(a) or math.isinf(b))
    if fourier:
        lst = int(info["lst"])
        outs = [np.array([value, abserr]), np.array([info["neval"], ier, 0], dtype=np.int64),
                np.array([lst], dtype=np.int64), np.asarray(info["rslst"][:lst]),
                np.asarray(info["erlst"][:lst]), np.asarray(info["ierlst"][:lst], dtype=np.int64)]
    else:
        last = int(info["last"])
        outs = [np.array([value, abserr]), np.array([info["neval"], ier, last], dtype=np.int64)]
        for k in ("alist", "blist", "rlist", "elist"):
            outs.append(np.asarray(info[k][:last], dtype=np.float64))
        outs.append(np.asarray(info["iord"][:last], dtype=np.int64))
        if "points" in kw and kw.get("weight") is None and not (math.isinf(a) or math.isinf(b)):
            outs.append(np.asarray(info["pts"], dtype=np.float64))
            outs.append(np.asarray(info["level"][:last], dtype=np.int64))
            outs.append(np.asarray(info["ndin"], dtype=np.int64))
        if kw.get("weight") in ("cos", "sin") and not fourier:
            outs.append(np.asarray(info["nnlog"][:last], dtype=np.int64))
            outs.append(np.array([info["momcom"]], dtype=np.int64))
    c.add("quad", [], params, outs, None, note)


def main():
    c = Cases("integrate_quad", crate="sciox")
    inf = math.inf
    # qagse: smooth, oscillatory, endpoint singularities, reversed limits.
    run_case(c, "one", 0.0, 1.0, 1.0)
    run_case(c, "x", -2.0, 3.0, 2.5)
    run_case(c, "poly3", 0.0, 2.0, 2.0)
    run_case(c, "poly3", 2.0, 0.0, -2.0, note="reversed limits")
    run_case(c, "exp", 0.0, 1.0, math.e - 1.0)
    run_case(c, "exp", -5.0, 5.0, math.exp(5) - math.exp(-5))
    run_case(c, "exp_neg_x2", -3.0, 3.0, math.sqrt(PI) * math.erf(3.0))
    run_case(c, "inv_1px2", 0.0, 1.0, PI / 4)
    run_case(c, "sinc", 0.0, 100.0, NAN, note="bench quad_sinc_0_100")
    run_case(c, "sinc", 0.0, 1000.0, NAN, limit=200)
    run_case(c, "inv_sqrt", 0.0, 1.0, 2.0)
    run_case(c, "log", 0.0, 1.0, -1.0)
    run_case(c, "sqrt", 0.0, 1.0, 2.0 / 3.0)
    run_case(c, "abs_third", 0.0, 1.0, (1.0 / 9 + 4.0 / 9) / 2)
    run_case(c, "step_05", 0.0, 1.0, 1.5)
    run_case(c, "cos100", 0.0, PI, 0.0)
    run_case(c, "cos100", 0.0, 1.0, math.sin(100.0) / 100.0)
    run_case(c, "x_sin_inv", 0.0, 1.0, NAN)
    run_case(c, "log_1px", 0.0, 1.0, 2 * math.log(2) - 1)
    run_case(c, "inv_sqrt_x_1px", 0.0, 1.0, PI / 2)
    run_case(c, "cos_sqrt", 0.0, 10.0, NAN)
    run_case(c, "osc_sin50", 0.0, 10.0, NAN)
    run_case(c, "bump", -1.0, 1.0, NAN)
    run_case(c, "sqrt_abs_05", 0.0, 1.0, 2 * (2.0 / 3.0) * 0.5 ** 1.5)
    run_case(c, "log_abs_03", 0.0, 1.0, 0.3 * math.log(0.3) + 0.7 * math.log(0.7) - 1.0)
    # tolerances and limits
    run_case(c, "sinc", 0.0, 100.0, NAN, epsabs=1e-12, epsrel=1e-12)
    run_case(c, "exp", 0.0, 1.0, math.e - 1.0, epsabs=0.0, epsrel=1e-14)
    run_case(c, "cos100", 0.0, 20.0, math.sin(2000.0) / 100.0, limit=5, note="limit reached (ier=1)")
    run_case(c, "x_sin_inv", 0.0, 1.0, NAN, limit=3)
    run_case(c, "inv_sqrt", 0.0, 1.0, 2.0, limit=1)
    run_case(c, "inv_x", 0.0, 1.0, NAN, note="divergent")
    run_case(c, "inv_x2", 0.0, 1.0, NAN, note="divergent")
    run_case(c, "log_abs_03", 0.0, 1.0, NAN, epsabs=1e-14, epsrel=1e-14, note="roundoff")
    run_case(c, "one", 0.0, 0.0, 0.0, note="empty interval")
    run_case(c, "exp", 0.0, 1.0, NAN, epsabs=0.0, epsrel=1e-20, note="invalid tolerances")
    run_case(c, "exp", 0.0, 1.0, NAN, limit=0, note="invalid limit")
    # qagie: infinite ranges
    run_case(c, "exp_neg_x2", -inf, inf, math.sqrt(PI), note="bench quad_gauss_inf")
    run_case(c, "exp_neg_x2", 0.0, inf, math.sqrt(PI) / 2)
    run_case(c, "exp_neg_x2", -inf, 0.0, math.sqrt(PI) / 2)
    run_case(c, "exp_negx", 0.0, inf, 1.0)
    run_case(c, "x_exp_negx", 0.0, inf, 1.0)
    run_case(c, "inv_1px2", -inf, inf, PI)
    run_case(c, "inv_1px2", 1.0, inf, PI / 4)
    run_case(c, "inv_1px2", -inf, -1.0, PI / 4)
    run_case(c, "inv_sqrt_x_1px", 0.0, inf, PI)
    run_case(c, "gauss_shift", -inf, inf, math.sqrt(PI))
    run_case(c, "exp_neg_abs", -inf, inf, 2.0)
    run_case(c, "inv_1px", 0.0, inf, NAN, note="divergent")
    run_case(c, "inv_x2", 1.0, inf, 1.0)
    run_case(c, "inv_x_exp", 1.0, inf, 0.21938393439552029)
    run_case(c, "exp_negx", inf, 0.0, -1.0, note="reversed infinite limits")
    run_case(c, "sinc", 0.0, inf, NAN, note="qagie on a slowly decaying oscillation")
    run_case(c, "exp_neg_x2", -inf, inf, math.sqrt(PI), epsabs=1e-13, epsrel=1e-13)
    run_case(c, "exp_neg_x2", -inf, inf, NAN, limit=0, note="invalid limit")
    # qagpe: break points
    run_case(c, "log_abs_03", 0.0, 1.0, 0.3 * math.log(0.3) + 0.7 * math.log(0.7) - 1.0, points=[0.3])
    run_case(c, "step_05", 0.0, 1.0, 1.5, points=[0.5])
    run_case(c, "sqrt_abs_05", 0.0, 1.0, 2 * (2.0 / 3.0) * 0.5 ** 1.5, points=[0.5])
    run_case(c, "abs_third", 0.0, 1.0, (1.0 / 9 + 4.0 / 9) / 2, points=[1.0 / 3.0])
    run_case(c, "abs_third", 1.0, 0.0, -(1.0 / 9 + 4.0 / 9) / 2, points=[1.0 / 3.0], note="reversed")
    run_case(c, "exp", 0.0, 1.0, math.e - 1.0, points=[0.2, 0.9, 0.5])
    run_case(c, "exp", 0.0, 1.0, math.e - 1.0, points=[0.5, 0.5, 2.0, -1.0], note="duplicates and outside points dropped")
    run_case(c, "cos100", 0.0, 3.0, math.sin(300.0) / 100.0, points=[1.0, 2.0])
    run_case(c, "x_sin_inv", 0.0, 1.0, NAN, points=[0.1, 0.01])
    run_case(c, "log_abs_03", 0.0, 1.0, NAN, points=[0.3], limit=2)
    run_case(c, "exp", 0.0, 1.0, NAN, points=[0.25, 0.5, 0.75], limit=3, note="too many points for limit")
    run_case(c, "exp_neg_x2", 0.0, inf, NAN, points=[1.0], note="points with infinite bound")
    # qawoe: cos / sin weights on finite ranges
    run_case(c, "one", 0.0, PI / 6, 1.0 / 3.0, weight="cos", wvar=3.0)
    run_case(c, "exp_negx", 0.0, 10.0, NAN, weight="sin", wvar=20.0)
    run_case(c, "exp_negx", 0.0, 10.0, NAN, weight="cos", wvar=20.0)
    run_case(c, "log_1px", 0.0, 1.0, NAN, weight="cos", wvar=10.0)
    run_case(c, "sqrt", 0.0, 1.0, NAN, weight="sin", wvar=50.0)
    run_case(c, "x2", -2.0, 3.0, NAN, weight="sin", wvar=-7.5)
    run_case(c, "x2", -2.0, 3.0, NAN, weight="cos", wvar=200.0)
    run_case(c, "x", 0.0, 1.0, NAN, weight="cos", wvar=1000.0, limit=100)
    run_case(c, "exp", 1.0, 0.0, NAN, weight="sin", wvar=30.0, note="reversed")
    run_case(c, "exp", 0.0, 1.0, NAN, weight="sin", wvar=30.0, maxp1=0, note="invalid maxp1")
    # qawfe: Fourier integrals over infinite ranges
    run_case(c, "exp_negx", 0.0, inf, 0.5, weight="cos", wvar=1.0)
    run_case(c, "exp_negx", 0.0, inf, 0.5, weight="sin", wvar=1.0)
    run_case(c, "inv_1px2", 0.0, inf, PI / 2 * math.exp(-2.0), weight="cos", wvar=2.0)
    run_case(c, "inv_sqrt", 1.0, inf, NAN, weight="cos", wvar=1.0)
    run_case(c, "inv_x", 1.0, inf, NAN, weight="sin", wvar=3.0)
    run_case(c, "exp_negx", 0.0, inf, NAN, weight="cos", wvar=0.5, epsabs=1e-12)
    run_case(c, "inv_1px2", -inf, 0.0, PI / 2 * math.exp(-2.0), weight="cos", wvar=2.0)
    run_case(c, "exp_negx", -inf, 0.0, NAN, weight="sin", wvar=2.0, note="(-inf, b) substitution")
    run_case(c, "inv_x2", 1.0, inf, NAN, weight="cos", wvar=0.0, note="omega = 0: QUADPACK integrates over (0, inf)")
    run_case(c, "exp_negx", 0.0, inf, NAN, weight="cos", wvar=1.0, limlst=2, note="invalid limlst")
    run_case(c, "exp_negx", 0.0, inf, NAN, weight="cos", wvar=1.0, epsabs=0.0, note="invalid epsabs")
    run_case(c, "exp_negx", -inf, inf, NAN, weight="cos", wvar=1.0, note="cos over the real line")
    # qawse: algebraico-logarithmic end-point weights
    run_case(c, "one", 0.0, 1.0, 2.0 / 3.0 * 0 + 0.5, weight="alg", wvar=(0.0, 0.0) if False else (1.0, 0.0))
    run_case(c, "one", 0.0, 1.0, math.gamma(0.5) ** 2 / math.gamma(1.0), weight="alg", wvar=(-0.5, -0.5))
    run_case(c, "exp", -1.0, 1.0, NAN, weight="alg", wvar=(-0.5, 0.3))
    run_case(c, "one", 0.0, 1.0, -1.0, weight="alg-loga", wvar=(0.0, 0.0))
    run_case(c, "one", 0.0, 1.0, -1.0, weight="alg-logb", wvar=(0.0, 0.0))
    run_case(c, "one", 0.0, 1.0, 2.0 - PI ** 2 / 6, weight="alg-log", wvar=(0.0, 0.0))
    run_case(c, "sin_x", 0.0, 2.0, NAN, weight="alg-loga", wvar=(-0.7, 1.5))
    run_case(c, "x2", 0.0, 3.0, NAN, weight="alg-logb", wvar=(0.5, -0.5))
    run_case(c, "exp", 0.0, 2.0, NAN, weight="alg-log", wvar=(-0.3, -0.2))
    run_case(c, "one", 0.0, 1.0, NAN, weight="alg", wvar=(-1.5, 0.0), note="alpha <= -1")
    run_case(c, "one", 0.0, inf, NAN, weight="alg", wvar=(0.0, 0.0), note="infinite range")
    run_case(c, "exp", 2.0, 0.0, NAN, weight="alg", wvar=(0.5, 0.5), note="reversed")
    # qawce: Cauchy principal values
    run_case(c, "one", -1.0, 1.0, 0.0, weight="cauchy", wvar=0.0)
    run_case(c, "one", 0.0, 2.0, math.log(3.0), weight="cauchy", wvar=0.5)
    run_case(c, "exp", -1.0, 1.0, NAN, weight="cauchy", wvar=0.2)
    run_case(c, "x2", 0.0, 5.0, NAN, weight="cauchy", wvar=4.9)
    run_case(c, "inv_1px2", -3.0, 3.0, NAN, weight="cauchy", wvar=7.0, note="c outside (Gauss-Kronrod)")
    run_case(c, "one", 2.0, 0.0, -math.log(3.0), weight="cauchy", wvar=0.5, note="reversed")
    run_case(c, "one", 0.0, 2.0, NAN, weight="cauchy", wvar=2.0, note="c at an end point")
    c.save()
    print("scipy", scipy.__version__)


if __name__ == "__main__":
    main()
