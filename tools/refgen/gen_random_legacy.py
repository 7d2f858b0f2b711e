"""Reference draws from the legacy numpy.random.RandomState (NumPy 2.4.6).

Each case is one RandomState method on RandomState(seed) (3 seeds):
params = {"seed", "method", "size", ...arguments}; array arguments are inputs
("in0" names input 0). Outputs are [draws, after_u, after_f]: after_u is
uint64 [MT position, has_gauss, next raw word] and after_f the cached
Gaussian, read after the draws, so the Rust test checks the stream and the
Gaussian cache were left exactly as NumPy leaves them. Error cases record the
exception class; the Rust test checks they consumed nothing.

Run: /work/main/tools/refgen/.venv/bin/python tools/refgen/gen_random_legacy.py
"""

import numpy as np

from refgen_common import Cases

SEEDS = [0, 42, 2**32 - 1]
N = 1000


def after(rs):
    st = rs.get_state(legacy=False)
    pos = int(st["state"]["pos"])
    has = int(st["has_gauss"])
    g = float(st["gauss"])
    raw = int(rs._bit_generator.random_raw())
    return np.array([pos, has, raw], dtype=np.uint64), np.array([g])


def case(c, method, call, seed, size=N, inputs=(), note="", **params):
    rs = np.random.RandomState(seed)
    p = {"seed": seed, "method": method, "size": size}
    p.update(params)
    try:
        out = call(rs)
    except Exception as e:  # noqa: BLE001
        c.add("legacy", inputs, p, None, type(e).__name__, note)
        return
    u, f = after(rs)
    c.add("legacy", inputs, p, [np.asarray(out), u, f], None, note)


def main():
    c = Cases("random_legacy")
    for seed in SEEDS:
        case(c, "random_sample", lambda r: r.random_sample(N), seed)
        case(c, "random_sample", lambda r: r.random_sample((2, 3)), seed, size=[2, 3])
        case(c, "random_sample", lambda r: r.random_sample(), seed, size=None)
        case(c, "randn", lambda r: r.randn(N), seed)
        case(c, "randn", lambda r: r.randn(3), seed, size=3, note="odd count leaves a cached Gaussian")
        case(c, "standard_normal", lambda r: r.standard_normal((3, 5)), seed, size=[3, 5])
        for dt, lo, hi in (("int64", 0, 100), ("int64", -(2**40), 2**40), ("int64", 0, 2**32), ("int64", -(2**63), 2**63 - 1),
                           ("int32", -5, 5), ("uint32", 0, 2**32), ("int16", 0, 1000), ("uint8", 0, 256), ("uint8", 3, 7),
                           ("int8", -128, 128), ("bool", 0, 2), ("int64", 5, 5), ("int64", 0, 2**63)):
            case(c, "randint", lambda r: r.randint(lo, hi, N, dtype=dt), seed, low=lo, high=hi, dtype=dt)
        lo = np.array([0, 10, -5], dtype=np.int64)
        hi = np.array([[5], [300]], dtype=np.int64)
        case(c, "randint_array", lambda r: r.randint(lo, hi), seed, size=None, inputs=[lo, hi], dtype="int64")
        case(c, "randint_array", lambda r: r.randint(lo + 10, np.minimum(hi, 200), size=(3, 2, 3), dtype=np.uint8), seed,
             size=[3, 2, 3], inputs=[lo + 10, np.minimum(hi, 200)], dtype="uint8")
        case(c, "random_integers", lambda r: r.random_integers(1, 6, N), seed, low=1, high=6)
        for a, sz, rep in ((10, 5, True), (10, 10, False), (1000, 7, False), (0, 1, True)):
            case(c, "choice", lambda r: r.choice(a, sz, replace=rep), seed, size=sz, a=a, replace=rep)
        p = np.array([0.1, 0.0, 0.3, 0.6])
        case(c, "choice", lambda r: r.choice(4, (10, 3), p=p), seed, size=[10, 3], a=4, replace=True, inputs=[p], p="in0")
        case(c, "choice", lambda r: r.choice(4, 3, replace=False, p=p), seed, size=3, a=4, replace=False, inputs=[p],
             p="in0")
        arr = np.arange(24, dtype=np.int64).reshape(6, 4)
        case(c, "choice_from", lambda r: r.choice(arr[:, 0], (2, 3)), seed, size=[2, 3], replace=True, inputs=[arr[:, 0].copy()])
        case(c, "choice_from", lambda r: r.choice(arr[:, 1], 4, replace=False), seed, size=4, replace=False,
             inputs=[arr[:, 1].copy()])
        x1 = np.arange(40, dtype=np.int64)
        case(c, "shuffle", lambda r: (lambda y: (r.shuffle(y), y)[1])(x1.copy()), seed, size=None, inputs=[x1])
        x2 = np.arange(24, dtype=np.int64).reshape(6, 4)
        case(c, "shuffle", lambda r: (lambda y: (r.shuffle(y), y)[1])(x2.copy()), seed, size=None, inputs=[x2])
        case(c, "permutation", lambda r: r.permutation(50), seed, size=50)
        case(c, "uniform", lambda r: r.uniform(-1.0, 2.0, N), seed, low=-1.0, high=2.0)
        case(c, "uniform", lambda r: r.uniform(2.0, -1.0, N), seed, low=2.0, high=-1.0)
        case(c, "uniform", lambda r: r.uniform(0.0, np.inf, N), seed, low=0.0, high="inf")
        lows = np.array([0.0, 5.0])
        case(c, "uniform", lambda r: r.uniform(lows, 10.0, (3, 2)), seed, size=[3, 2], inputs=[lows], low="in0", high=10.0)
        case(c, "normal", lambda r: r.normal(1.0, 3.0, N), seed, loc=1.0, scale=3.0)
        case(c, "normal", lambda r: r.normal(1.0, -3.0, N), seed, loc=1.0, scale=-3.0)
        case(c, "standard_exponential", lambda r: r.standard_exponential(N), seed)
        case(c, "exponential", lambda r: r.exponential(2.0, N), seed, scale=2.0)
        for k in (0.0, 0.4, 1.0, 3.0):
            case(c, "standard_gamma", lambda r: r.standard_gamma(k, N), seed, shape=k)
        case(c, "gamma", lambda r: r.gamma(2.0, 3.0, N), seed, shape=2.0, scale=3.0)
        case(c, "gamma", lambda r: r.gamma(-2.0, 3.0, N), seed, shape=-2.0, scale=3.0)
        for a, b in ((0.5, 0.7), (2.0, 5.0), (0.5, 3.0), (1.0, 1.0)):
            case(c, "beta", lambda r: r.beta(a, b, N), seed, a=a, b=b)
        case(c, "beta", lambda r: r.beta(0.0, 1.0, N), seed, a=0.0, b=1.0)
        for lam in (0.0, 0.5, 3.0, 9.99, 10.0, 50.0, 1e6):
            case(c, "poisson", lambda r: r.poisson(lam, N), seed, lam=lam)
        case(c, "poisson", lambda r: r.poisson(-1.0, N), seed, lam=-1.0)
        case(c, "poisson", lambda r: r.poisson(1e19, N), seed, lam=1e19)
        for n, p_ in ((10, 0.3), (100, 0.2), (1000, 0.5), (1000, 0.97), (50, 0.9), (0, 0.5), (10, 0.0), (10, 1.0),
                      (100000, 0.4)):
            case(c, "binomial", lambda r: r.binomial(n, p_, N), seed, n=n, p=p_)
        case(c, "binomial", lambda r: r.binomial(10, 1.5, N), seed, n=10, p=1.5)
        case(c, "binomial", lambda r: r.binomial(-1, 0.5, N), seed, n=-1, p=0.5)
        # binomial with array n (and array p): NumPy's legacy broadcasting loop
        na = np.array([5, 0, 40, 1000, 100000], dtype=np.int64)
        case(c, "binomial_array", lambda r: r.binomial(na, 0.3), seed, size=None, inputs=[na], p=0.3)
        n2 = np.array([[10], [2000]], dtype=np.int64)
        p3 = np.array([0.1, 0.5, 0.95])
        case(c, "binomial_array", lambda r: r.binomial(n2, p3), seed, size=None, inputs=[n2, p3], p="in1")
        case(c, "binomial_array", lambda r: r.binomial(n2, p3, (4, 2, 3)), seed, size=[4, 2, 3], inputs=[n2, p3],
             p="in1")
        case(c, "binomial_array", lambda r: r.binomial(n2, p3, (3,)), seed, size=[3], inputs=[n2, p3], p="in1")
        ne = np.zeros(0, dtype=np.int64)
        case(c, "binomial_array", lambda r: r.binomial(ne, 0.5), seed, size=None, inputs=[ne], p=0.5)
        nn = np.array([3, -1], dtype=np.int64)
        case(c, "binomial_array", lambda r: r.binomial(nn, 0.5), seed, size=None, inputs=[nn], p=0.5)
        pb = np.array([0.5, 1.5])
        case(c, "binomial_array", lambda r: r.binomial(na[:2], pb), seed, size=None, inputs=[na[:2].copy(), pb], p="in1")
        pn = np.array([0.5, np.nan])
        case(c, "binomial_array", lambda r: r.binomial(na[:2], pn), seed, size=None, inputs=[na[:2].copy(), pn], p="in1")
        dists(c, seed)
    mvn_cases(c)
    c.save()


def mvn_cases(c):
    """multivariate_normal (legacy: svd, x @ (sqrt(s)[:, None] * v)): n = 1..10
    (random SPD of varied scale, singular PSD, diagonal with ties, identity,
    non-symmetric, indefinite with check_valid='ignore'), size None / int /
    shape, and the errors. Values compared with atol 1e-10 (1e-6 singular:
    zero singular values ~1e-16 enter through sqrt(s) with arbitrary vectors;
    1e-12 diagonal, computed exactly); the state after is compared exactly."""
    rs = np.random.RandomState(12)
    covs = []
    for n in range(1, 11):
        a = rs.standard_normal((n, n + 1))
        covs.append((a @ a.T * 10.0 ** rs.uniform(-3, 3), "spd", 1e-10))
        if n >= 2:
            a = rs.standard_normal((n, n - 1))
            covs.append((a @ a.T, "singular rank n-1", 1e-6))
        d = rs.uniform(0.5, 3.0, n)
        if n >= 2:
            d[-1] = d[0]
        covs.append((np.diag(d), "diagonal (with a tie)", 1e-12))
        a = rs.standard_normal((n, n))
        covs.append((a, "not symmetric", 1e-10))
        covs.append((a + a.T, "symmetric indefinite", 1e-10))
    covs.append((np.eye(4), "identity", 1e-12))
    covs.append((np.zeros((2, 2)), "zero", 1e-12))
    # n > 25: LAPACK's divide and conquer (dbdsdc -> dlasd0); a separate
    # RandomState so the draws of the cases above are unchanged
    rs2 = np.random.RandomState(14)
    a = rs2.standard_normal((35, 36))
    covs.append((a @ a.T * 1e-2, "spd", 1e-10))
    a = rs2.standard_normal((50, 49))
    covs.append((a @ a.T, "singular rank n-1", 1e-6))
    d = rs2.uniform(0.5, 3.0, 26)
    d[-1], d[7] = d[0], d[3]
    covs.append((np.diag(d), "diagonal (with a tie)", 1e-12))
    for i, (cov, kind, tol) in enumerate(covs):
        n = cov.shape[0]
        mean = rs.uniform(-5, 5, n)
        cv = "warn" if kind in ("spd", "diagonal (with a tie)", "identity", "zero") else "ignore"
        size = (None, 5, [2, 3])[i % 3]
        case(c, "mvn", lambda r: r.multivariate_normal(mean, cov, size, check_valid=cv), i, size=size,
             inputs=[mean, cov], check_valid=cv, tol=1e-8, atol=tol, note=kind)
    ind = np.array([[1.0, 2.0], [2.0, 1.0]])
    m2 = np.zeros(2)
    case(c, "mvn", lambda r: r.multivariate_normal(m2, ind, 3, check_valid="raise"), 0, size=3,
         inputs=[m2, ind], check_valid="raise", tol=1e-8, atol=0.0, note="not PSD: raise")
    case(c, "mvn", lambda r: r.multivariate_normal(m2, ind, 3, check_valid="bad"), 0, size=3,
         inputs=[m2, ind], check_valid="bad", tol=1e-8, atol=0.0, note="unknown check_valid")
    case(c, "mvn", lambda r: r.multivariate_normal(m2, np.eye(3), 3), 0, size=3,
         inputs=[m2, np.eye(3)], check_valid="warn", tol=1e-8, atol=0.0, note="shape mismatch")
    nanc = np.array([[1.0, 0.0], [0.0, np.nan]])
    case(c, "mvn", lambda r: r.multivariate_normal(m2, nanc, 3, check_valid="ignore"), 0, size=3,
         inputs=[m2, nanc], check_valid="ignore", tol=1e-8, atol=0.0, note="NaN: LinAlgError")


def dists(c, seed):
    two = {
        "noncentral_chisquare": [(3.0, 2.0), (0.5, 2.0), (3.0, 0.0), (0.5, "nan"), (3.0, -1.0)],
        "f": [(3.0, 5.0), (0.5, 0.2), (-1.0, 2.0)],
        "laplace": [(1.0, 2.0)],
        "gumbel": [(1.0, 2.0)],
        "logistic": [(1.0, 2.0)],
        "lognormal": [(0.5, 1.5), (0.0, -1.0)],
        "wald": [(1.0, 2.0), (3.0, 0.5), (0.0, 1.0)],
        "vonmises": [(0.5, 4.0), (0.0, 1e-9), (1.0, 1e-6), (-2.0, 1e7), (0.0, -1.0)],
        "negative_binomial": [(3.0, 0.5), (0.5, 0.1), (10.0, 0.9), (0.0, 0.5)],
    }
    for m, regimes in two.items():
        for a, b in regimes:
            bb = float(b) if not isinstance(b, str) else np.nan
            case(c, m, lambda r: getattr(r, m)(a, bb, N), seed, a=a, b=b)
    one = {
        "chisquare": [3.0, 0.5, 0.0],
        "standard_t": [5.0, 0.5, 0.0],
        "pareto": [3.0, 0.5, 0.0],
        "weibull": [1.5, 0.5, 0.0, -1.0],
        "power": [2.0, 0.5, 0.0],
        "rayleigh": [2.0, 0.0, -1.0],
        "geometric": [0.5, 0.2, 1e-3, 1.0, 0.0],
        "zipf": [2.0, 1.5, 3.0, 1.0],
        "logseries": [0.6, 0.1, 0.999, 0.0, 1.0],
    }
    for m, regimes in one.items():
        for a in regimes:
            case(c, m, lambda r: getattr(r, m)(a, N), seed, a=a)
    case(c, "noncentral_f", lambda r: r.noncentral_f(3.0, 5.0, 1.5, N), seed, a=3.0, b=5.0, nonc=1.5)
    case(c, "standard_cauchy", lambda r: r.standard_cauchy(N), seed)
    for l, mo, rr in ((0.0, 1.0, 4.0), (0.0, 0.0, 1.0), (2.0, 1.0, 4.0)):
        case(c, "triangular", lambda r: r.triangular(l, mo, rr, N), seed, left=l, mode=mo, right=rr)
    for n, pv in ((20, [0.2, 0.3, 0.5]), (1000, [0.1] * 10), (5, [0.0, 1.0])):
        pv = np.array(pv)
        case(c, "multinomial", lambda r: r.multinomial(n, pv, 100), seed, size=100, n=n, inputs=[pv])
    for al in ([1.0, 2.0, 3.0], [0.05, 0.02, 0.08], [0.5, 0.0]):
        al = np.array(al)
        case(c, "dirichlet", lambda r: r.dirichlet(al, 100), seed, size=100, inputs=[al])
    for g_, b_, n_ in ((10, 5, 6), (100, 200, 50), (1000, 10, 500), (5, 1000, 990), (50, 50, 10), (50, 50, 11),
                       (10, 5, 16), (10, 5, 0), (-1, 5, 2)):
        case(c, "hypergeometric", lambda r: r.hypergeometric(g_, b_, n_, N), seed, good=g_, bad=b_, nsample=n_)
    for n in (0, 5, 13):
        case(c, "bytes", lambda r: np.frombuffer(r.bytes(n), dtype=np.uint8), seed, size=n)
    case(c, "tomaxint", lambda r: r.tomaxint(N), seed)


if __name__ == "__main__":
    main()
