"""Reference data for sciox.integrate.solve_ivp (SciPy 1.17.1).

Problems are named; crates/sciox/tests/conformance_integrate_ivp.rs
defines the same right-hand sides with the same floating-point
operations (plain Python float arithmetic and `math`, which call the C
library as Rust does).

Each case records solve_ivp(...): out0 = t (the first 40 stored times
without t_eval, all with it; `n_t` is their number), out1 = y
at the last stored time, out2 = [nfev, njev, nlu, status], out3 = a
reference solution at the last time (closed form or a tight DOP853 run,
NaN when none), and with t_eval/dense output/events: out4 = y at t_eval
(n x m), out5 = sol(ts_dense) (n x k), then t_events / y_events.
"""

import math

import numpy as np
import scipy
from scipy.integrate import odeint, solve_ivp

from refgen_common import Cases


def decay(t, y):
    return [-0.5 * v for v in y]


def harmonic(t, y):
    return [y[1], -y[0]]


def lotka(t, y):
    a, b, c, d = 1.5, 1.0, 3.0, 1.0
    return [a * y[0] - b * y[0] * y[1], -c * y[1] + d * y[0] * y[1]]


def lorenz(t, y):
    s, r, b = 10.0, 28.0, 8.0 / 3.0
    return [s * (y[1] - y[0]), y[0] * (r - y[2]) - y[1], y[0] * y[1] - b * y[2]]


MU = 0.012277471
MUP = 1.0 - MU


def arenstorf(t, y):
    x, yy, vx, vy = y
    d1 = ((x + MU) ** 2 + yy ** 2) ** 1.5
    d2 = ((x - MUP) ** 2 + yy ** 2) ** 1.5
    return [vx, vy,
            x + 2.0 * vy - MUP * (x + MU) / d1 - MU * (x - MUP) / d2,
            yy - 2.0 * vx - MUP * yy / d1 - MU * yy / d2]


def vdp1(t, y):
    return [y[1], 1.0 * (1.0 - y[0] * y[0]) * y[1] - y[0]]


def ball(t, y):
    return [y[1], -9.81]


def exp_complex(t, y):
    return [1j * y[0], (-0.5 + 2j) * y[1]]


def tdep(t, y):
    return [math.cos(t) * y[0]]


def vdp1000(t, y):
    return [y[1], 1000.0 * (1.0 - y[0] * y[0]) * y[1] - y[0]]


def vdp1000_jac(t, y):
    return [[0.0, 1.0], [-2000.0 * y[0] * y[1] - 1.0, 1000.0 * (1.0 - y[0] * y[0])]]


def robertson(t, y):
    return [-0.04 * y[0] + 1e4 * y[1] * y[2],
            0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1],
            3e7 * y[1] * y[1]]


def robertson_jac(t, y):
    return [[-0.04, 1e4 * y[2], 1e4 * y[1]],
            [0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]],
            [0.0, 6e7 * y[1], 0.0]]


def hires(t, y):
    y1, y2, y3, y4, y5, y6, y7, y8 = y
    return [-1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007,
            1.71 * y1 - 8.75 * y2,
            -10.03 * y3 + 0.43 * y4 + 0.035 * y5,
            8.32 * y2 + 1.71 * y3 - 1.12 * y4,
            -1.745 * y5 + 0.43 * y6 + 0.43 * y7,
            -280.0 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7,
            280.0 * y6 * y8 - 1.81 * y7,
            -280.0 * y6 * y8 + 1.81 * y7]


HEAT_N = 12


def heat(t, y):
    n = HEAT_N
    out = []
    for i in range(n):
        left = y[i - 1] if i > 0 else 0.0
        right = y[i + 1] if i < n - 1 else 0.0
        out.append(50.0 * (left - 2.0 * y[i] + right) - y[i] * y[i] * y[i])
    return out


def heat_sparsity():
    n = HEAT_N
    a = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(max(0, i - 1), min(n, i + 2)):
            a[i, j] = True
    return a


def stiff_decay_jac(t, y):
    return [[-1000.0]]


def stiff_decay(t, y):
    return [-1000.0 * (y[0] - math.cos(t))]


JACS = {"vdp1000": vdp1000_jac, "robertson": robertson_jac, "stiff_decay": stiff_decay_jac}
STIFF = {"vdp1000", "robertson", "hires", "heat", "stiff_decay"}

ARENSTORF_T = 17.0652165601579625588917206249
PROBLEMS = {
    "decay": (decay, [2.0, 4.0, 8.0], (0.0, 10.0), lambda t: np.array([2.0, 4.0, 8.0]) * math.exp(-0.5 * t)),
    "harmonic": (harmonic, [0.0, 1.0], (0.0, 10.0), lambda t: np.array([math.sin(t), math.cos(t)])),
    "lotka": (lotka, [10.0, 5.0], (0.0, 15.0), None),
    "lorenz": (lorenz, [1.0, 1.0, 1.0], (0.0, 3.0), None),
    "arenstorf": (arenstorf, [0.994, 0.0, 0.0, -2.00158510637908252240537862224], (0.0, ARENSTORF_T),
                  lambda t: np.array([0.994, 0.0, 0.0, -2.00158510637908252240537862224])),
    "vdp1": (vdp1, [2.0, 0.0], (0.0, 20.0), None),
    "ball": (ball, [0.0, 10.0], (0.0, 10.0), lambda t: np.array([10.0 * t - 4.905 * t * t, 10.0 - 9.81 * t])),
    "tdep": (tdep, [1.0], (0.0, 10.0), lambda t: np.array([math.exp(math.sin(t))])),
    "vdp1000": (vdp1000, [2.0, 0.0], (0.0, 3000.0), None),
    "robertson": (robertson, [1.0, 0.0, 0.0], (0.0, 1e5), None),
    "hires": (hires, [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0057], (0.0, 321.8122), None),
    "heat": (heat, [math.sin(math.pi * (i + 1) / (HEAT_N + 1)) for i in range(HEAT_N)], (0.0, 2.0), None),
    "stiff_decay": (stiff_decay, [0.0], (0.0, 2.0), None),
    "exp_complex": (exp_complex, [1.0 + 0j, 1.0 + 1j], (0.0, 5.0),
                    lambda t: np.array([np.exp(1j * t), (1.0 + 1j) * np.exp((-0.5 + 2j) * t)])),
}

# Event functions by name (problem-specific), with terminal/direction.
EVENTS = {
    "y0_zero": lambda t, y: y[0],
    "y0_minus_1": lambda t, y: y[0] - 1.0,
    "t_minus_3": lambda t, y: t - 3.0,
    "y1_zero": lambda t, y: y[1],
}


def reference(name, t_end):
    fun, y0, span, exact = PROBLEMS[name]
    if exact is not None:
        return exact(t_end)
    if name in STIFF:
        r = solve_ivp(fun, (span[0], t_end), y0, method="Radau", rtol=1e-11, atol=1e-13, jac=JACS.get(name))
        return r.y[:, -1]
    r = solve_ivp(fun, (span[0], t_end), y0, method="DOP853", rtol=1e-13, atol=1e-13)
    return r.y[:, -1]


def run_odeint(c, problem, t, note="", jac=False, **opts):
    fun, y0, _, _ = PROBLEMS[problem]
    params = {"problem": problem, "t": list(t), "jac": jac}
    for k, v in opts.items():
        params[k] = list(v) if isinstance(v, (list, tuple, np.ndarray)) else v
    kw = dict(opts)
    if jac:
        kw["Dfun"] = JACS[problem]
    try:
        y, info = odeint(fun, y0, t, full_output=True, tfirst=True, **kw)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        c.add("odeint", [], params, None, type(e).__name__, note)
        return
    params["message"] = info["message"]
    params["imxer"] = int(info["imxer"])
    params["lenrw"] = int(info["lenrw"])
    params["leniw"] = int(info["leniw"])
    # After a failure SciPy leaves the rows (and statistics) of the times not
    # reached uninitialized: keep the valid ones (the failing time's row holds
    # the state where LSODA stopped).
    t = np.asarray(t, dtype=float)
    n_valid = len(t) - 1
    if info["message"] != "Integration successful.":
        direc = 1.0 if t[-1] >= t[0] else -1.0
        for k in range(1, len(t)):
            if (info["tcur"][k - 1] - t[k]) * direc < 0 or not np.isfinite(info["tcur"][k - 1]):
                n_valid = k
                break
    params["n_valid"] = n_valid
    y = np.array(y)
    y[n_valid + 1:] = np.nan
    outs = [y,
            np.stack([info["nst"], info["nfe"], info["nje"], info["nqu"], info["mused"]])[:, :n_valid].astype(np.int64),
            np.stack([info["hu"], info["tcur"], info["tsw"]])[:, :n_valid]]
    c.add("odeint", [], params, outs, None, note)


def run(c, problem, method, note="", span=None, events=(), t_eval=None, dense=False, jac=False,
        sparsity=False, **opts):
    fun, y0, span0, _ = PROBLEMS[problem]
    span = span or span0
    params = {"problem": problem, "method": method, "t0": span[0], "tf": span[1], "jac": jac, "sparsity": sparsity}
    if jac:
        opts["jac"] = JACS[problem]
    if sparsity:
        opts["jac_sparsity"] = heat_sparsity()
    for k, v in opts.items():
        if k in ("jac", "jac_sparsity"):
            continue
        params[k] = list(v) if isinstance(v, (list, tuple, np.ndarray)) else v
    evs = []
    for (ename, term, direc) in events:
        f = EVENTS[ename]

        def ev(t, y, f=f):
            return f(t, y)

        ev.terminal = term
        ev.direction = direc
        evs.append(ev)
    if events:
        params["events"] = [[e[0], e[1], e[2]] for e in events]
    if t_eval is not None:
        params["t_eval"] = list(t_eval)
    params["dense_output"] = dense
    try:
        r = solve_ivp(fun, span, y0, method=method, t_eval=t_eval, dense_output=dense,
                      events=evs or None, **opts)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        c.add("solve_ivp", [], params, None, type(e).__name__, note)
        return
    ref = reference(problem, r.t[-1]) if r.status >= 0 and r.t.size else np.full(len(y0), np.nan)
    cplx = np.iscomplexobj(r.y)
    yl = r.y[:, -1] if r.t.size else np.full(len(y0), np.nan)
    params["n_t"] = int(r.t.size)
    outs = [r.t[:40] if t_eval is None else r.t, yl, np.array([r.nfev, r.njev, r.nlu, r.status], dtype=np.int64),
            np.asarray(ref, dtype=complex if cplx else float)]
    params["message"] = r.message
    if t_eval is not None:
        outs.append(r.y)
    else:
        outs.append(np.zeros((len(y0), 0), dtype=r.y.dtype))
    if dense:
        tq = np.linspace(min(span), max(span), 7)
        outs.append(r.sol(tq))
        params["t_dense"] = list(tq)
    else:
        outs.append(np.zeros((len(y0), 0), dtype=r.y.dtype))
    if events:
        for te, ye in zip(r.t_events, r.y_events):
            outs.append(np.asarray(te, dtype=float))
            outs.append(np.asarray(ye, dtype=r.y.dtype).reshape(len(te), len(y0)))
    c.add("solve_ivp", [], params, outs, None, note)


def main():
    c = Cases("integrate_ivp", crate="sciox")
    explicit = ["RK23", "RK45", "DOP853"]
    for m in explicit:
        for p in ["decay", "harmonic", "lotka", "lorenz", "arenstorf", "vdp1", "tdep"]:
            run(c, p, m)
            run(c, p, m, rtol=1e-6, atol=1e-9)
        run(c, "arenstorf", m, rtol=1e-9, atol=1e-12)
        run(c, "decay", m, rtol=1e-8, atol=[1e-10, 1e-9, 1e-8], note="per-component atol")
        run(c, "harmonic", m, span=(10.0, 0.0), note="backwards")
        run(c, "vdp1", m, max_step=0.5)
        run(c, "vdp1", m, first_step=1e-3)
        run(c, "lotka", m, t_eval=list(np.linspace(0, 15, 31)))
        run(c, "lotka", m, span=(15.0, 0.0), t_eval=list(np.linspace(15, 0, 16)), note="backwards t_eval")
        run(c, "harmonic", m, dense=True, rtol=1e-7, atol=1e-9)
        run(c, "harmonic", m, dense=True, t_eval=[0.5, 2.0, 7.5])
        run(c, "harmonic", m, events=[("y0_zero", 0, 0.0), ("y1_zero", 0, 1.0)], note="non-terminal events")
        run(c, "harmonic", m, events=[("y0_zero", 2, -1.0)], note="terminal after 2 decreasing zeros")
        run(c, "ball", m, events=[("y0_zero", 1, -1.0)], note="ball hits the ground")
        run(c, "decay", m, events=[("y0_minus_1", 1, 0.0), ("t_minus_3", 0, 0.0)], dense=True)
        run(c, "exp_complex", m, rtol=1e-8, atol=1e-10, note="complex state")
        run(c, "decay", m, span=(0.0, 0.0), note="empty span")
        run(c, "lorenz", m, rtol=1e-10, atol=1e-12)
    for m in ["Radau", "BDF"]:
        for p in ["decay", "harmonic", "lotka", "vdp1", "tdep"]:
            run(c, p, m)
            run(c, p, m, rtol=1e-6, atol=1e-9)
        run(c, "vdp1000", m, jac=True, note="bench ivp_vdp1000_*")
        run(c, "vdp1000", m)
        run(c, "vdp1000", m, jac=True, rtol=1e-6, atol=1e-9)
        run(c, "robertson", m, jac=True, rtol=1e-4, atol=[1e-8, 1e-14, 1e-6])
        run(c, "robertson", m, rtol=1e-4, atol=[1e-8, 1e-14, 1e-6])
        run(c, "hires", m)
        run(c, "hires", m, rtol=1e-7, atol=1e-9)
        run(c, "heat", m)
        run(c, "heat", m, sparsity=True, note="jac_sparsity")
        run(c, "stiff_decay", m, jac=True)
        run(c, "vdp1000", m, jac=True, max_step=50.0, span=(0.0, 500.0))
        run(c, "vdp1", m, first_step=1e-3)
        run(c, "harmonic", m, span=(10.0, 0.0), note="backwards")
        run(c, "lotka", m, t_eval=list(np.linspace(0, 15, 31)))
        run(c, "harmonic", m, dense=True, rtol=1e-7, atol=1e-9)
        run(c, "harmonic", m, events=[("y0_zero", 0, 0.0), ("y1_zero", 0, 1.0)], note="non-terminal events")
        run(c, "ball", m, events=[("y0_zero", 1, -1.0)], note="ball hits the ground")
        run(c, "decay", m, span=(0.0, 0.0), note="empty span")
    for p in ["decay", "harmonic", "lotka", "vdp1", "tdep", "arenstorf", "lorenz"]:
        run(c, p, "LSODA")
        run(c, p, "LSODA", rtol=1e-8, atol=1e-10)
    run(c, "vdp1000", "LSODA", jac=True, note="bench ivp_vdp_lsoda")
    run(c, "vdp1000", "LSODA")
    run(c, "robertson", "LSODA", jac=True, rtol=1e-4, atol=[1e-8, 1e-14, 1e-6])
    run(c, "robertson", "LSODA", rtol=1e-4, atol=[1e-8, 1e-14, 1e-6])
    run(c, "hires", "LSODA")
    run(c, "hires", "LSODA", rtol=1e-7, atol=1e-9)
    run(c, "heat", "LSODA")
    run(c, "heat", "LSODA", lband=1, uband=1, note="banded finite differences")
    run(c, "stiff_decay", "LSODA", jac=True)
    run(c, "vdp1000", "LSODA", max_step=20.0, span=(0.0, 300.0))
    run(c, "vdp1000", "LSODA", min_step=1e-3, span=(0.0, 300.0), note="min_step")
    run(c, "vdp1", "LSODA", first_step=1e-3)
    run(c, "harmonic", "LSODA", span=(10.0, 0.0), note="backwards")
    run(c, "lotka", "LSODA", t_eval=list(np.linspace(0, 15, 31)))
    run(c, "harmonic", "LSODA", dense=True, rtol=1e-7, atol=1e-9)
    run(c, "harmonic", "LSODA", events=[("y0_zero", 0, 0.0), ("y1_zero", 0, 1.0)], note="non-terminal events")
    run(c, "ball", "LSODA", events=[("y0_zero", 1, -1.0)], note="ball hits the ground")
    run(c, "decay", "LSODA", span=(0.0, 0.0), note="empty span")
    run(c, "decay", "LSODA", min_step=-1.0, note="negative min_step")
    # odeint
    run_odeint(c, "decay", list(np.linspace(0, 10, 11)))
    run_odeint(c, "harmonic", list(np.linspace(0, 10, 21)), rtol=1e-10, atol=1e-12)
    run_odeint(c, "lotka", list(np.linspace(0, 15, 16)))
    run_odeint(c, "vdp1000", list(np.linspace(0, 3000, 31)), jac=True)
    run_odeint(c, "vdp1000", list(np.linspace(0, 3000, 7)))
    run_odeint(c, "robertson", [0.0, 0.4, 4.0, 40.0, 400.0, 4e3, 4e4, 4e5], rtol=1e-6, atol=[1e-8, 1e-14, 1e-6])
    run_odeint(c, "hires", list(np.linspace(0, 321.8122, 5)))
    run_odeint(c, "heat", list(np.linspace(0, 2, 5)), ml=1, mu=1)
    run_odeint(c, "harmonic", list(np.linspace(10, 0, 11)), note="backwards")
    run_odeint(c, "harmonic", [0.0, 0.0, 1.0, 1.0, 2.0], note="repeated times")
    run_odeint(c, "tdep", list(np.linspace(0, 10, 6)), tcrit=[3.0, 7.0])
    run_odeint(c, "vdp1", list(np.linspace(0, 20, 5)), hmax=0.1, h0=1e-4)
    run_odeint(c, "vdp1000", [0.0, 3000.0], mxstep=50, note="excess work")
    run_odeint(c, "decay", [0.0, 2.0, 1.0], note="non-monotonic t")
    run(c, "exp_complex", "BDF", rtol=1e-8, atol=1e-10, note="complex state")
    run(c, "exp_complex", "Radau", note="complex state unsupported")
    run(c, "decay", "Radau", rtol=[1e-3, 1e-3, 1e-3], note="per-component rtol")
    # SciPy's ValueErrors
    run(c, "decay", "RK45", t_eval=[0.0, 11.0], note="t_eval outside t_span")
    run(c, "decay", "RK45", t_eval=[1.0, 0.5], note="t_eval not sorted")
    run(c, "decay", "RK45", max_step=0.0, note="max_step not positive")
    run(c, "decay", "RK45", first_step=-1.0, note="first_step negative")
    run(c, "decay", "RK45", first_step=20.0, note="first_step exceeds bounds")
    run(c, "decay", "RK45", atol=-1.0, note="negative atol")
    run(c, "decay", "RK45", atol=[1e-6, 1e-6], note="atol of the wrong shape")
    c.save()
    print("scipy", scipy.__version__)


if __name__ == "__main__":
    main()
