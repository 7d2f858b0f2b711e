"""Reference draws from numpy.random.Generator (NumPy 2.4.6) for numox.random.

Each case is one Generator method call on a freshly seeded bit generator:
params = {"bitgen", "seed", "method", "size", ...method arguments}; array-valued
arguments are inputs (a parameter value "in0" names input 0). Outputs are
[draws, after], where `after` is uint64 [next raw word, has_uint32, uinteger]
read from the bit generator after the draws, so that the Rust test checks the
stream was consumed exactly as NumPy consumes it. Error cases record NumPy's
exception class; the Rust test also checks that they consumed nothing.

Run: /work/main/tools/refgen/.venv/bin/python tools/refgen/gen_random.py
"""

import numpy as np
from numpy.random import MT19937, PCG64, PCG64DXSM, SFC64, Generator, Philox

from refgen_common import Cases

BG = {"pcg64": PCG64, "mt19937": MT19937, "philox": Philox, "sfc64": SFC64, "pcg64dxsm": PCG64DXSM}
SEEDS = [0, 42, 2**40 + 12345]
N = 1000  # draws per case unless the case says otherwise


def after(bg):
    st = bg.state
    has = int(st.get("has_uint32", 0))
    u = int(st.get("uinteger", 0))
    raw = int(bg.random_raw())
    return np.array([raw, has, u], dtype=np.uint64)


def case(c, method, call, seed, size=N, bitgen="pcg64", inputs=(), note="", **params):
    bg = BG[bitgen](seed)
    g = Generator(bg)
    p = {"bitgen": bitgen, "seed": seed, "method": method, "size": size}
    p.update(params)
    try:
        out = call(g)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        c.add("gen", inputs, p, None, type(e).__name__, note)
        return
    c.add("gen", inputs, p, [np.asarray(out), after(bg)], None, note)


def size_arg(size):
    return tuple(size) if isinstance(size, list) else size


def main():
    c = Cases("random_generator")
    for seed in SEEDS:
        for bitgen in BG:
            # every bit generator's next_double / next_uint32 / next_uint64 path
            case(c, "random", lambda g: g.random(N), seed, bitgen=bitgen)
            case(c, "random_f32", lambda g: g.random(N, dtype=np.float32), seed, bitgen=bitgen)
            case(c, "integers", lambda g: g.integers(0, 2**40, N), seed, bitgen=bitgen, low=0, high=2**40, dtype="int64")
            case(c, "integers", lambda g: g.integers(0, 1000, N), seed, bitgen=bitgen, low=0, high=1000, dtype="int64")
        # random with shapes and no size
        case(c, "random", lambda g: g.random((3, 4)), seed, size=[3, 4])
        case(c, "random", lambda g: g.random(), seed, size=None)
        case(c, "standard_normal", lambda g: g.standard_normal(10000), seed, size=10000)
        case(c, "standard_normal_f32", lambda g: g.standard_normal(4000, dtype=np.float32), seed, size=4000)
        case(c, "standard_exponential", lambda g: g.standard_exponential(10000), seed, size=10000)
        case(c, "standard_exponential_f32", lambda g: g.standard_exponential(4000, dtype=np.float32), seed, size=4000)
        case(c, "standard_exponential_inv", lambda g: g.standard_exponential(N, method="inv"), seed)
        case(
            c,
            "standard_exponential_inv_f32",
            lambda g: g.standard_exponential(N, method="inv", dtype=np.float32),
            seed,
        )
        for k in (0.0, 0.3, 1.0, 2.5, 1e-3, 50.0):
            case(c, "standard_gamma", lambda g: g.standard_gamma(k, N), seed, shape=k)
            case(c, "standard_gamma_f32", lambda g: g.standard_gamma(k, N, dtype=np.float32), seed, shape=k)
        for k, s in ((0.5, 2.0), (2.0, 1.0), (1.0, 3.0), (2.0, 0.0)):
            case(c, "gamma", lambda g: g.gamma(k, s, N), seed, shape=k, scale=s)
        case(c, "gamma", lambda g: g.gamma(-1.0, 1.0, N), seed, shape=-1.0, scale=1.0)
        case(c, "gamma", lambda g: g.gamma(1.0, -0.0, N), seed, shape=1.0, scale=-0.0)
        case(c, "normal", lambda g: g.normal(3.0, 2.5, N), seed, loc=3.0, scale=2.5)
        case(c, "normal", lambda g: g.normal(0.0, -1.0, N), seed, loc=0.0, scale=-1.0)
        locs = np.array([0.0, 10.0, -5.0])
        scales = np.array([[1.0], [0.5]])
        case(c, "normal", lambda g: g.normal(locs, scales), seed, size=None, inputs=[locs, scales], loc="in0", scale="in1")
        case(
            c, "normal", lambda g: g.normal(locs, 1.0, size=(4, 3)), seed, size=[4, 3], inputs=[locs], loc="in0", scale=1.0
        )
        case(c, "normal", lambda g: g.normal(locs, 1.0, size=(4,)), seed, size=[4], inputs=[locs], loc="in0", scale=1.0)
        case(c, "exponential", lambda g: g.exponential(2.0, N), seed, scale=2.0)
        case(c, "exponential", lambda g: g.exponential(-2.0, N), seed, scale=-2.0)
        sc = np.array([1.0, 2.0, -1.0])
        case(c, "exponential", lambda g: g.exponential(sc), seed, size=None, inputs=[sc], scale="in0")
        case(c, "uniform", lambda g: g.uniform(-2.0, 3.0, N), seed, low=-2.0, high=3.0)
        case(c, "uniform", lambda g: g.uniform(3.0, -2.0, N), seed, low=3.0, high=-2.0)
        case(c, "uniform", lambda g: g.uniform(0.0, np.inf, N), seed, low=0.0, high="inf")
        lows = np.array([0.0, 1.0, 5.0])
        case(c, "uniform", lambda g: g.uniform(lows, 10.0, (2, 3)), seed, size=[2, 3], inputs=[lows], low="in0", high=10.0)
        # integers: every dtype, ranges hitting each kernel branch
        for dt, lo, hi, ep in (
            ("int64", 0, 1000, False),
            ("int64", -(2**40), 2**40, False),
            ("int64", -(2**63), 2**63 - 1, True),
            ("int64", 5, 5, True),
            ("int64", 0, 2**32, False),
            ("int64", 0, 2**32 - 1, False),
            ("uint64", 0, 2**64 - 1, True),
            ("uint64", 2**63, 2**64, False),
            ("int32", -1000, 1000, False),
            ("int32", -(2**31), 2**31, False),
            ("uint32", 0, 2**32, False),
            ("uint32", 7, 100, True),
            ("int16", -300, 300, False),
            ("int16", -(2**15), 2**15 - 1, True),
            ("uint16", 0, 65536, False),
            ("uint16", 3, 1000, False),
            ("int8", -100, 100, False),
            ("int8", -128, 127, True),
            ("uint8", 0, 256, False),
            ("uint8", 10, 20, True),
            ("bool", 0, 2, False),
            ("bool", 1, 1, True),
            ("int64", 5, 5, False),
            ("uint8", 0, 257, False),
            ("int8", -129, 0, False),
            ("int64", 3, 1, False),
        ):
            case(
                c,
                "integers",
                lambda g: g.integers(lo, hi, N, dtype=dt, endpoint=ep),
                seed,
                low=lo,
                high=hi,
                dtype=dt,
                endpoint=ep,
            )
        case(c, "integers", lambda g: g.integers(0, 10), seed, size=None, low=0, high=10, dtype="int64")
        case(c, "integers", lambda g: g.integers(0, 10, dtype=np.uint8), seed, size=None, low=0, high=10, dtype="uint8")
        # integers with array bounds (broadcasting path; small dtypes share a buffer across elements)
        lo = np.array([0, 10, -5], dtype=np.int64)
        hi = np.array([[5], [300]], dtype=np.int64)
        for dt in ("int64", "int32", "uint8", "int16", "bool"):
            l_, h_ = (np.array([0, 1, 0]), np.array([[2], [1]])) if dt == "bool" else ((lo + 10, hi + 20) if dt == "uint8" else (lo, hi))
            l_ = l_.astype(np.int64); h_ = h_.astype(np.int64)
            if dt == "uint8":
                h_ = np.minimum(h_, 255)
            case(c, "integers_array", lambda g: g.integers(l_, h_, dtype=dt), seed, size=None, inputs=[l_, h_], dtype=dt,
                 endpoint=False)
            case(c, "integers_array", lambda g: g.integers(l_, h_, size=(4, 2, 3), dtype=dt, endpoint=True), seed,
                 size=[4, 2, 3], inputs=[l_, h_], dtype=dt, endpoint=True)
        case(c, "integers_array", lambda g: g.integers(hi, lo), seed, size=None, inputs=[hi, lo], dtype="int64", endpoint=False)
        # choice from an array along an axis, permutation of an array
        arr = np.arange(60, dtype=np.int64).reshape(3, 4, 5)
        for ax, sz, rep in ((0, 2, False), (1, [2, 3], True), (2, None, True), (-1, 5, False)):
            case(c, "choice_from", lambda g: g.choice(arr, size_arg(sz), replace=rep, axis=ax), seed, size=sz, axis=ax,
                 replace=rep, inputs=[arr])
        case(c, "permutation_of", lambda g: g.permutation(arr, axis=1), seed, size=None, axis=1, inputs=[arr])
        # spawn: the first draws of each child
        case(c, "spawn", lambda g: np.stack([k.random(5) for k in g.spawn(3)]), seed, size=5)
        # bytes
        for n in (0, 1, 7, 8, 33):
            case(c, "bytes", lambda g: np.frombuffer(g.bytes(n), dtype=np.uint8), seed, size=n)
        # choice
        for a, sz, rep, sh in ((10, 5, True, True), (10, 10, False, True), (10, 3, False, False), (20000, 500, False, True),
                               (20000, 5000, False, True), (20000, 1000, False, False), (100, 0, False, True)):
            case(c, "choice", lambda g: g.choice(a, sz, replace=rep, shuffle=sh), seed, size=sz, a=a, replace=rep, shuffle=sh)
        case(c, "choice", lambda g: g.choice(5, 6, replace=False), seed, size=6, a=5, replace=False, shuffle=True)
        case(c, "choice", lambda g: g.choice(0, 1), seed, size=1, a=0, replace=True, shuffle=True)
        case(c, "choice", lambda g: g.choice(0, 0), seed, size=0, a=0, replace=True, shuffle=True)
        p = np.array([0.1, 0.0, 0.3, 0.6])
        case(c, "choice", lambda g: g.choice(4, (10, 3), p=p), seed, size=[10, 3], a=4, replace=True, shuffle=True,
             inputs=[p], p="in0")
        case(c, "choice", lambda g: g.choice(4, 3, replace=False, p=p), seed, size=3, a=4, replace=False, shuffle=True,
             inputs=[p], p="in0")
        pbad = np.array([0.5, 0.5, 0.5, 0.0])
        case(c, "choice", lambda g: g.choice(4, 3, p=pbad), seed, size=3, a=4, replace=True, shuffle=True,
             inputs=[pbad], p="in0")
        pneg = np.array([1.5, -0.5, 0.0, 0.0])
        case(c, "choice", lambda g: g.choice(4, 3, p=pneg), seed, size=3, a=4, replace=True, shuffle=True,
             inputs=[pneg], p="in0")
        case(c, "choice", lambda g: g.choice(4, 4, replace=False, p=p), seed, size=4, a=4, replace=False, shuffle=True,
             inputs=[p], p="in0")
        # shuffle / permutation / permuted
        x1 = np.arange(50, dtype=np.int64)
        case(c, "shuffle", lambda g: (lambda y: (g.shuffle(y), y)[1])(x1.copy()), seed, size=None, inputs=[x1], axis=0)
        x2 = np.arange(24, dtype=np.int64).reshape(6, 4)
        case(c, "shuffle", lambda g: (lambda y: (g.shuffle(y), y)[1])(x2.copy()), seed, size=None, inputs=[x2], axis=0)
        case(c, "shuffle", lambda g: (lambda y: (g.shuffle(y, axis=1), y)[1])(x2.copy()), seed, size=None, inputs=[x2],
             axis=1)
        case(c, "permutation", lambda g: g.permutation(100), seed, size=100)
        case(c, "permuted", lambda g: g.permuted(x2, axis=1), seed, size=None, inputs=[x2], axis=1)
        case(c, "permuted", lambda g: g.permuted(x2, axis=0), seed, size=None, inputs=[x2], axis=0)
        case(c, "permuted", lambda g: g.permuted(x2), seed, size=None, inputs=[x2], axis=None)
        dists(c, seed)
    mvn_cases(c)
    c.save()


def dists(c, seed):
    """The named distributions, each in the regimes that take different code paths."""
    one = {
        "beta": [(0.5, 0.7), (0.3, 1.0), (2.0, 5.0), (0.5, 3.0), (0.0, 1.0)],
        "f": [(3.0, 5.0), (0.5, 0.2), (-1.0, 2.0)],
        "noncentral_chisquare": [(3.0, 2.0), (0.5, 2.0), (3.0, 0.0), (0.5, 0.0), (3.0, -1.0)],
        "laplace": [(1.0, 2.0), (0.0, -1.0)],
        "gumbel": [(1.0, 2.0)],
        "logistic": [(1.0, 2.0)],
        "lognormal": [(0.5, 1.5), (0.0, -1.0)],
        "wald": [(1.0, 2.0), (3.0, 0.5), (0.0, 1.0)],
        "vonmises": [(0.5, 4.0), (0.0, 1e-9), (1.0, 1e-6), (-2.0, 1e7), (3.0, 0.5), (0.0, -1.0)],
        "negative_binomial": [(3.0, 0.5), (0.5, 0.1), (10.0, 0.9), (0.0, 0.5), (3.0, 0.0), (1e20, 1e-10)],
    }
    for m, regimes in one.items():
        for a, b in regimes:
            case(c, m, lambda g: getattr(g, m)(a, b, N), seed, a=a, b=b)
    single = {
        "chisquare": [3.0, 0.5, 0.0],
        "standard_t": [5.0, 0.5, 0.0],
        "pareto": [3.0, 0.5, 0.0],
        "weibull": [1.5, 0.5, 0.0, -1.0],
        "power": [2.0, 0.5, 0.0],
        "rayleigh": [2.0, 0.0, -1.0],
        "poisson": [0.0, 0.5, 3.0, 9.99, 10.0, 50.0, 1e6, -1.0, 1e19],
        "geometric": [0.5, 1.0 / 3.0, 0.2, 1e-3, 1.0, 0.0, 1e-300],
        "zipf": [2.0, 1.5, 1.01, 3.0, 2000.0, 1.0],
        "logseries": [0.6, 0.1, 0.999, 0.0, 1.0],
    }
    for m, regimes in single.items():
        for a in regimes:
            case(c, m, lambda g: getattr(g, m)(a, N), seed, a=a)
    case(c, "noncentral_f", lambda g: g.noncentral_f(3.0, 5.0, 1.5, N), seed, a=3.0, b=5.0, nonc=1.5)
    case(c, "noncentral_f", lambda g: g.noncentral_f(0.5, 5.0, 1.5, N), seed, a=0.5, b=5.0, nonc=1.5)
    case(c, "standard_cauchy", lambda g: g.standard_cauchy(N), seed)
    for l, mo, r in ((0.0, 1.0, 4.0), (0.0, 0.0, 1.0), (0.0, 1.0, 1.0), (2.0, 1.0, 4.0), (1.0, 1.0, 1.0)):
        case(c, "triangular", lambda g: g.triangular(l, mo, r, N), seed, left=l, mode=mo, right=r)
    for n, p_ in ((10, 0.3), (100, 0.2), (1000, 0.5), (1000, 0.97), (50, 0.9), (0, 0.5), (10, 0.0), (10, 1.0),
                  (100000, 0.4), (10, 1.5), (-1, 0.5)):
        case(c, "binomial", lambda g: g.binomial(n, p_, N), seed, n=n, p=p_)
    nn = np.array([5, 50, 5000], dtype=np.int64)
    pp = np.array([[0.1], [0.7]])
    case(c, "binomial_array", lambda g: g.binomial(nn, pp), seed, size=None, inputs=[nn, pp])
    case(c, "binomial_array", lambda g: g.binomial(nn, 0.3, (4, 3)), seed, size=[4, 3], inputs=[nn, np.array(0.3)])
    case(c, "binomial_array", lambda g: g.binomial(nn, 1.3), seed, size=None, inputs=[nn, np.array(1.3)])
    hg = np.array([10, 100, 1000], dtype=np.int64)
    hb = np.array([[20], [5]], dtype=np.int64)
    hs = np.array([5, 30, 15], dtype=np.int64)
    case(c, "hypergeometric_array", lambda g: g.hypergeometric(hg, hb, hs), seed, size=None, inputs=[hg, hb, hs])
    case(c, "hypergeometric_array", lambda g: g.hypergeometric(hg, hb, hs + 1000), seed, size=None,
         inputs=[hg, hb, hs + 1000])
    lam = np.array([[1.0], [20.0]])
    case(c, "poisson", lambda g: g.poisson(lam, (2, 3)), seed, size=[2, 3], inputs=[lam], a="in0")
    for n, pv in ((20, [0.2, 0.3, 0.5]), (1000, [0.1] * 10), (5, [0.0, 1.0]), (20, [0.6, 0.6, 0.0])):
        pv = np.array(pv)
        case(c, "multinomial", lambda g: g.multinomial(n, pv, 100), seed, size=100, n=n, inputs=[pv])
    for g_, b_, n_ in ((10, 5, 6), (100, 200, 50), (1000, 10, 500), (5, 1000, 990), (50, 50, 9), (20, 20, 31), (0, 5, 3),
                       (10, 5, 0), (10, 5, 16), (-1, 5, 2), (2000, 3000, 2500), (10**9, 1, 1)):
        case(c, "hypergeometric", lambda g: g.hypergeometric(g_, b_, n_, N), seed, good=g_, bad=b_, nsample=n_)
    for cols, ns, meth in (([4, 5, 6], 7, "marginals"), ([4, 5, 6], 12, "marginals"), ([100, 200, 300, 50], 321, "marginals"),
                           ([4, 5, 6], 7, "count"), ([4, 5, 6], 12, "count"), ([30, 0, 20], 10, "count"), ([4, 5], 10, "count"),
                           ([4, -1], 2, "marginals")):
        cols_a = np.array(cols, dtype=np.int64)
        case(c, "multivariate_hypergeometric", lambda g: g.multivariate_hypergeometric(cols_a, ns, 50, method=meth), seed,
             size=50, nsample=ns, mh_method=meth, inputs=[cols_a])
    rs = np.random.RandomState(3)
    a4 = rs.standard_normal((4, 4))
    for mean, cov in (([0.0, 10.0], [[2.0, 0.5], [0.5, 1.0]]), ([1.0, 2.0, 3.0, 4.0], a4 @ a4.T + 0.1 * np.eye(4)),
                      ([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]])):
        mean = np.array(mean); cov = np.array(cov)
        case(c, "multivariate_normal", lambda g: g.multivariate_normal(mean, cov, 200, method="cholesky"), seed, size=200,
             inputs=[mean, cov], note="cholesky factor; values compared to 1e-13 relative (LAPACK/BLAS rounding)")
    for al in ([1.0, 2.0, 3.0], [0.05, 0.02, 0.08], [0.05, 0.0, 0.0], [0.5, -1.0]):
        al = np.array(al)
        case(c, "dirichlet", lambda g: g.dirichlet(al, 100), seed, size=100, inputs=[al])


def mvn_cases(c):
    """multivariate_normal(method='eigh'): many covariance matrices, n = 1..10
    (random SPD of varied conditioning, singular PSD, diagonal with ties,
    indefinite with check_valid='ignore'/'raise'). One seed each."""
    rs = np.random.RandomState(11)
    covs = []
    for n in range(1, 11):
        for k in range(4):
            a = rs.standard_normal((n, n + k))
            cov = a @ a.T
            if k == 3:
                cov = cov * 10.0 ** rs.uniform(-3, 3)
            covs.append((cov, "spd", 1e-10))
        if n >= 2:
            a = rs.standard_normal((n, n - 1))
            covs.append((a @ a.T, "singular rank n-1", 1e-6))
        if n >= 3:
            a = rs.standard_normal((n, 1))
            covs.append((a @ a.T, "singular rank 1", 1e-6))
        d = rs.uniform(0.5, 3.0, n)
        covs.append((np.diag(d), "diagonal", 1e-12))
        if n >= 2:
            d[1] = d[0]
            covs.append((np.diag(d), "diagonal with a tie", 1e-12))
    covs.append((np.eye(4), "identity", 1e-12))
    covs.append((np.zeros((3, 3)), "zero", 1e-12))
    covs.append((np.array([[1.0, 2.0], [2.0, 1.0]]), "indefinite", 1e-10))
    covs.append((np.array([[4.0, 1.0, 9.0], [1.0, 3.0, 9.0], [0.5, 0.2, 2.0]]), "not symmetric: lower triangle read", 1e-10))
    for i, (cov, kind, tol) in enumerate(covs):
        n = cov.shape[0]
        mean = rs.uniform(-5, 5, n)
        cv = "ignore" if kind == "indefinite" else "warn"
        case(c, "mvn", lambda g: g.multivariate_normal(mean, cov, 20, check_valid=cv, method="eigh"), i, size=20,
             inputs=[mean, cov], mvn_method="eigh", check_valid=cv, tol=1e-8, atol=tol, note=kind)
    svd_cases(c, covs, rs)
    svd_dc_cases(c)
    ind = np.array([[1.0, 2.0], [2.0, 1.0]])
    m2 = np.zeros(2)
    for meth in ("eigh", "svd"):
        case(c, "mvn", lambda g: g.multivariate_normal(m2, ind, 3, check_valid="raise", method=meth), 0, size=3,
             inputs=[m2, ind], mvn_method=meth, check_valid="raise", tol=1e-8, atol=0.0, note="not PSD: raise")
    case(c, "mvn", lambda g: g.multivariate_normal(m2, ind, 3, check_valid="bad", method="eigh"), 0, size=3,
         inputs=[m2, ind], mvn_method="eigh", check_valid="bad", tol=1e-8, atol=0.0, note="unknown check_valid")
    case(c, "mvn", lambda g: g.multivariate_normal(m2, ind, 3, method="qr"), 0, size=3,
         inputs=[m2, ind], mvn_method="qr", check_valid="warn", tol=1e-8, atol=0.0, note="unknown method")
    eye3 = np.eye(3)
    case(c, "mvn", lambda g: g.multivariate_normal(m2, eye3, 3, method="eigh"), 0, size=3,
         inputs=[m2, eye3], mvn_method="eigh", check_valid="warn", tol=1e-8, atol=0.0, note="shape mismatch")
    m3 = np.array([1.0, 2.0, 3.0])
    case(c, "mvn", lambda g: g.multivariate_normal(m3, 2.0 * eye3, (2, 3), method="eigh"), 0, size=[2, 3],
         inputs=[m3, 2.0 * eye3], mvn_method="eigh", check_valid="warn", tol=1e-8, atol=1e-12, note="2-d size")
    eigh_dc_cases(c)


def svd_cases(c, covs, rs):
    """multivariate_normal(method='svd'), NumPy's default: the same covariance
    matrices as eigh, plus non-symmetric and indefinite ones (the SVD reads the
    whole matrix), check_valid in every mode, size None / int / shape, NaN and
    inf. Singular covariances use atol 1e-6: their zero singular values come
    out as ~1e-16 and enter through sqrt(s) ~ 1e-8 with arbitrary vectors."""
    covs = list(covs)
    for n in range(1, 11):
        a = rs.standard_normal((n, n))
        covs.append((a, "not symmetric", 1e-10))
        covs.append((a + a.T, "symmetric indefinite", 1e-10))
    covs.append((np.array([[4.0, 2.0, 0.0], [2.0, 4.0, 0.0], [0.0, 0.0, 4.0]]), "repeated singular value", 1e-12))
    covs.append((np.array([[-2.0]]), "1x1 negative", 1e-12))
    covs.append((np.array([[1e-200, 3e-201], [3e-201, 2e-200]]), "tiny: dgesdd scales up", 1e-10))
    covs.append((np.array([[1e200, 3e199], [3e199, 2e200]]), "huge: dgesdd scales down", 1e-10))
    for i, (cov, kind, tol) in enumerate(covs):
        n = cov.shape[0]
        mean = rs.uniform(-5, 5, n)
        s = np.linalg.svd(cov, compute_uv=False)
        psd = np.allclose(np.linalg.svd(cov)[2].T * s @ np.linalg.svd(cov)[2], cov, rtol=1e-8, atol=1e-8)
        cv = ("warn", "raise")[i % 2] if psd else ("ignore", "warn")[i % 2]
        # a relative tolerance for the huge case: values ~ 1e100
        case(c, "mvn", lambda g: g.multivariate_normal(mean, cov, 20, check_valid=cv, method="svd"), 1000 + i, size=20,
             inputs=[mean, cov], mvn_method="svd", check_valid=cv, tol=1e-8, atol=tol, note="svd: " + kind)
    cov = np.array([[2.0, 0.3, 0.1], [0.3, 1.0, 0.2], [0.1, 0.2, 0.5]])
    m3 = np.array([1.0, -2.0, 3.0])
    for size in (None, 1, 7, [2, 3], [0], [2, 0, 3]):
        case(c, "mvn", lambda g: g.multivariate_normal(m3, cov, size_arg(size)), 7, size=size,
             inputs=[m3, cov], mvn_method="svd", check_valid="warn", tol=1e-8, atol=1e-12, note="svd: default method, size")
    ind = np.array([[1.0, 2.0], [2.0, 1.0]])
    m2 = np.zeros(2)
    case(c, "mvn", lambda g: g.multivariate_normal(m2, ind, 3, check_valid="bad"), 0, size=3,
         inputs=[m2, ind], mvn_method="svd", check_valid="bad", tol=1e-8, atol=0.0, note="svd: unknown check_valid")
    case(c, "mvn", lambda g: g.multivariate_normal(m2, ind, 3, tol=10.0, check_valid="raise"), 0, size=3,
         inputs=[m2, ind], mvn_method="svd", check_valid="raise", tol=10.0, atol=1e-12, note="svd: tol large enough to pass")
    nanc = np.array([[1.0, 0.0], [0.0, np.nan]])
    case(c, "mvn", lambda g: g.multivariate_normal(m2, nanc, 3, check_valid="ignore"), 0, size=3,
         inputs=[m2, nanc], mvn_method="svd", check_valid="ignore", tol=1e-8, atol=0.0, note="svd: NaN: LinAlgError")
    infc = np.array([[np.inf, 0.0], [0.0, 1.0]])
    case(c, "mvn", lambda g: g.multivariate_normal(m2, infc, 3, check_valid="ignore"), 0, size=3,
         inputs=[m2, infc], mvn_method="svd", check_valid="ignore", tol=1e-8, atol=0.0, note="svd: inf: NaN draws")
    case(c, "mvn", lambda g: g.multivariate_normal(m2, infc, 3, check_valid="raise"), 0, size=3,
         inputs=[m2, infc], mvn_method="svd", check_valid="raise", tol=1e-8, atol=0.0, note="svd: inf: not PSD")
    eye3 = np.eye(3)
    case(c, "mvn", lambda g: g.multivariate_normal(m2, eye3, 3), 0, size=3,
         inputs=[m2, eye3], mvn_method="svd", check_valid="warn", tol=1e-8, atol=0.0, note="svd: shape mismatch")


def svd_dc_cases(c):
    """multivariate_normal(method='svd') for n > 25, where LAPACK's dbdsdc
    divides and conquers (dlasd0 tree, dlasd2 deflation, dlasd4 secular
    equation): random SPD of varied scale, singular PSD of rank n-1 and 1,
    diagonal with ties (deflation of close values), not symmetric and
    indefinite (check_valid='ignore'), and a failing 'raise'. A separate
    RandomState, so the earlier cases are unchanged."""
    rs = np.random.RandomState(13)
    covs = []
    a = rs.standard_normal((26, 28))
    covs.append((a @ a.T, "spd", 1e-10))
    a = rs.standard_normal((33, 33))
    covs.append((a @ a.T * 1e3, "spd, scaled", 1e-10))
    a = rs.standard_normal((60, 61))
    covs.append((a @ a.T, "spd", 1e-10))
    a = rs.standard_normal((41, 40))
    covs.append((a @ a.T, "singular rank n-1", 1e-6))
    a = rs.standard_normal((30, 1))
    covs.append((a @ a.T, "singular rank 1", 1e-6))
    d = rs.uniform(0.5, 3.0, 37)
    d[1], d[5], d[30] = d[0], d[3], d[0]
    covs.append((np.diag(d), "diagonal with ties", 1e-12))
    a = rs.standard_normal((28, 28))
    covs.append((a, "not symmetric", 1e-10))
    a = rs.standard_normal((45, 45))
    covs.append((a + a.T, "symmetric indefinite", 1e-10))
    for i, (cov, kind, tol) in enumerate(covs):
        n = cov.shape[0]
        mean = rs.uniform(-5, 5, n)
        cv = "ignore" if kind in ("not symmetric", "symmetric indefinite") else ("warn", "raise")[i % 2]
        case(c, "mvn", lambda g: g.multivariate_normal(mean, cov, 5, check_valid=cv, method="svd"), 2000 + i, size=5,
             inputs=[mean, cov], mvn_method="svd", check_valid=cv, tol=1e-8, atol=tol,
             note=f"svd, n = {n} (divide and conquer): {kind}")
    a = rs.standard_normal((27, 27))
    ind, m27 = a + a.T, np.zeros(27)
    case(c, "mvn", lambda g: g.multivariate_normal(m27, ind, 3, check_valid="raise", method="svd"), 0, size=3,
         inputs=[m27, ind], mvn_method="svd", check_valid="raise", tol=1e-8, atol=0.0,
         note="svd, n = 27: not PSD: raise")


def eigh_dc_cases(c):
    """multivariate_normal(method='eigh') for n > 25, where LAPACK's dstedc
    divides and conquers (dlaed0 tree, dlaed2 deflation, dlaed4 secular
    equation): random SPD of varied scale, singular PSD of rank n-1 and 1
    (atol 1e-6: their zero eigenvalues come out as +-1e-16 and enter through
    sqrt(|s|) ~ 1e-8 with arbitrary vectors), diagonal with ties, identity,
    and a failing 'raise'. A separate RandomState, so the earlier cases are
    unchanged."""
    rs = np.random.RandomState(17)
    covs = []
    a = rs.standard_normal((26, 27))
    covs.append((a @ a.T, "spd", 1e-10))
    a = rs.standard_normal((33, 33))
    covs.append((a @ a.T * 1e-3, "spd, scaled 1e-3", 1e-10))
    a = rs.standard_normal((40, 45))
    covs.append((a @ a.T, "spd", 1e-10))
    a = rs.standard_normal((64, 64))
    covs.append((a @ a.T * 1e4, "spd, scaled 1e4", 1e-10))
    a = rs.standard_normal((80, 82))
    covs.append((a @ a.T, "spd", 1e-10))
    a = rs.standard_normal((35, 34))
    covs.append((a @ a.T, "singular rank n-1", 1e-6))
    a = rs.standard_normal((30, 1))
    covs.append((a @ a.T, "singular rank 1", 1e-6))
    d = rs.uniform(0.5, 3.0, 37)
    d[1], d[5], d[30] = d[0], d[3], d[0]
    covs.append((np.diag(d), "diagonal with ties", 1e-12))
    covs.append((np.eye(30), "identity", 1e-12))
    for i, (cov, kind, tol) in enumerate(covs):
        n = cov.shape[0]
        mean = rs.uniform(-5, 5, n)
        cv = ("warn", "raise")[i % 2]
        case(c, "mvn", lambda g: g.multivariate_normal(mean, cov, 5, check_valid=cv, method="eigh"), 3000 + i, size=5,
             inputs=[mean, cov], mvn_method="eigh", check_valid=cv, tol=1e-8, atol=tol,
             note=f"eigh, n = {n} (divide and conquer): {kind}")
    a = rs.standard_normal((27, 27))
    ind, m27 = a + a.T, np.zeros(27)
    case(c, "mvn", lambda g: g.multivariate_normal(m27, ind, 3, check_valid="raise", method="eigh"), 0, size=3,
         inputs=[m27, ind], mvn_method="eigh", check_valid="raise", tol=1e-8, atol=0.0,
         note="eigh, n = 27: not PSD: raise")


if __name__ == "__main__":
    main()
