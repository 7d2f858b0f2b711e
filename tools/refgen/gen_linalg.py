"""Reference data for numox.linalg (crates/numox/tests/conformance_linalg.rs).

Conventions the Rust side relies on:
* Decompositions and solvers record "cond" (NumPy's 2-norm condition number
  of the input matrix, the largest over a stack) so the Rust tolerances can
  scale with n * eps * cond; "n" is the matrix order used in the bound.
* Functions NumPy answers with a tuple record one output per element
  (slogdet: sign, logabsdet; lstsq: x, residuals, rank, s), except where a
  factor is not unique and the Rust side checks it by invariants: only the
  unique part is stored (eig: w; eigh: w; svd: s; qr: |diag(R)| and R's
  shape as "r_shape"; numox's own factors are checked against the input).
* "ord" / "p" values are JSON numbers, "inf"/"-inf" strings, or "fro"/"nuc";
  "axis" is null, an int, or a list.
* Error cases record the exception class name only.
"""

import numpy as np

from refgen_common import Cases

c = Cases("linalg")
rng = np.random.default_rng(4242)
FLOATS = ["float32", "float64", "complex64", "complex128"]
FULL = ("int64", "float64", "complex128")  # every case; the single-precision types get a subset


def sub(dt, xs, k=3):
    """All of xs for the double types, the first k for the others (keeps the data small)."""
    return xs if dt in FULL else xs[:k]


def rand(shape, dt):
    x = rng.standard_normal(shape)
    if dt.startswith("complex"):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


def ints(shape, dt="int64"):
    return rng.integers(-9, 10, size=shape).astype(dt)


def hpd(n, dt, batch=()):
    """A Hermitian positive-definite matrix (stack) of order n."""
    g = rand(batch + (n, n), dt)
    a = g @ np.conj(np.swapaxes(g, -1, -2)) + n * np.eye(n)
    return a.astype(dt)


def herm(n, dt, batch=()):
    g = rand(batch + (n, n), dt)
    return ((g + np.conj(np.swapaxes(g, -1, -2))) / 2).astype(dt)


def hilbert(n):
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


def cond_of(a):
    a = np.asarray(a, dtype=np.complex128 if np.iscomplexobj(a) else np.float64)
    if a.size == 0:
        return 1.0
    with np.errstate(all="ignore"):
        s = np.linalg.svd(a, compute_uv=False)
    smin = s[..., -1]
    r = np.where(smin > 0, s[..., 0] / np.where(smin > 0, smin, 1), np.inf)
    return float(np.max(r))


def unique_part(op, out, params):
    """The non-unique factors are checked by invariants; keep what is unique."""
    if op == "eig":
        return [out[0]]
    if op == "eigh":
        return [out[0]]
    if op == "svd":
        return [out[1]]
    if op == "qr":
        r = out[1] if isinstance(out, tuple) else out
        params["r_shape"] = list(r.shape)
        return [np.abs(np.diagonal(r, axis1=-2, axis2=-1))]
    return None


def run(op, fn, inputs, params=None, multi=False, note="", cond=None):
    params = dict(params or {})
    if cond is not None:
        params["cond"] = cond
    kwargs = {k: v for k, v in params.items() if k not in ("cond", "order")}
    if isinstance(kwargs.get("axis"), list):
        kwargs["axis"] = tuple(kwargs["axis"])
    try:
        with np.errstate(all="ignore"):
            out = fn(*inputs, **kwargs)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        return c.add(op, inputs, params, None, type(e).__name__, note)
    outs = unique_part(op, out, params)
    if outs is None:
        outs = list(out) if multi else [out]
    return c.add(op, inputs, params, [np.asarray(o) for o in outs], None, note)


# ---------------------------------------------------------------- products
for dt in ["int64", "int32", "float32", "float64", "complex64", "complex128"]:
    mk = (lambda s: ints(s, dt)) if dt.startswith("int") else (lambda s: rand(s, dt))
    for sa, sb in sub(dt, [((3, 4), (4, 5)), ((2, 1, 3, 4), (5, 4, 2)), ((17, 9), (9, 20)), ((4,), (4, 3)),
                           ((3, 4), (4,)), ((5,), (5,)), ((2, 3, 4), (4, 2)), ((1, 33), (33, 20)), ((0, 3), (3, 2)),
                           ((2, 3), (3, 0)), ((3, 0), (0, 2))]):
        run("matmul", np.matmul, [mk(sa), mk(sb)])
    if dt not in FULL:
        continue
    for sa, sb in [((3, 4), (4, 5)), ((4,), (4,)), ((2, 3, 4), (5, 4, 2)), ((3, 4), (4,)), ((), (3, 2))]:
        run("dot", np.dot, [mk(sa), mk(sb)])
    run("vdot", np.vdot, [mk((2, 3)), mk((3, 2))])
    run("inner", np.inner, [mk((2, 3)), mk((4, 3))])
    run("inner", np.inner, [mk((2, 2, 3)), mk((3,))])
    run("outer", np.outer, [mk((3,)), mk((2, 2))])
    run("kron", np.kron, [mk((2, 3)), mk((3, 2))])
    run("kron", np.kron, [mk((2,)), mk((2, 2, 2))])
    run("tensordot", np.tensordot, [mk((3, 4, 5)), mk((4, 3, 2))], {"axes": [[1, 0], [0, 1]]})
    run("tensordot", np.tensordot, [mk((2, 3, 4)), mk((3, 4, 5))], {"axes": 2})
    run("tensordot", np.tensordot, [mk((2, 3)), mk((4, 5))], {"axes": 0})
    run("vecdot", np.vecdot, [mk((4, 3)), mk((3,))], {"axis": -1})
    run("vecdot", np.vecdot, [mk((3, 4)), mk((2, 4, 1))], {"axis": 1})
    run("matvec", np.matvec, [mk((2, 3, 4)), mk((4,))])
    run("matvec", np.matvec, [mk((3, 4)), mk((2, 4))])
    run("vecmat", np.vecmat, [mk((3,)), mk((2, 3, 4))])
    run("vecmat", np.vecmat, [mk((2, 3)), mk((3, 4))])
    run("multi_dot", lambda *a: np.linalg.multi_dot(a), [mk((3, 10)), mk((10, 2)), mk((2, 7)), mk((7, 4))])
    run("multi_dot", lambda *a: np.linalg.multi_dot(a), [mk((5,)), mk((5, 3)), mk((3,))])
    run("trace", np.linalg.trace, [mk((2, 3, 4))], {"offset": 1})
    run("trace", np.linalg.trace, [mk((4, 4))], {"offset": -2})
    run("matrix_power", lambda a, power: np.linalg.matrix_power(a, power), [mk((2, 3, 3))], {"power": 5})
    run("matrix_power", lambda a, power: np.linalg.matrix_power(a, power), [mk((3, 3))], {"power": 0})
run("matrix_power", lambda a, power: np.linalg.matrix_power(a, power), [rand((3, 3), "float64") + 3 * np.eye(3)], {"power": -3})
run("matmul", np.matmul, [rand((3, 4), "float64"), rand((3, 4), "float64")], note="core mismatch")
run("matmul", np.matmul, [rand((2, 3, 4), "float64"), rand((3, 4, 2), "float64")], note="batch mismatch")
run("dot", np.dot, [rand((3, 4), "float64"), rand((3,), "float64")], note="mismatch")
run("vdot", np.vdot, [rand((3,), "float64"), rand((4,), "float64")])
run("multi_dot", lambda *a: np.linalg.multi_dot(a), [rand((3, 4), "float64"), rand((5, 2), "float64"), rand((2, 2), "float64")])
run("matrix_power", lambda a, power: np.linalg.matrix_power(a, power), [rand((2, 3), "float64")], {"power": 2})

# ---------------------------------------------------------------- einsum
EIN = [
    ("ij,jk->ik", [(3, 4), (4, 5)]), ("ij,jk", [(3, 4), (4, 5)]), ("ii", [(4, 4)]), ("ii->i", [(4, 4)]),
    ("ij->ji", [(3, 4)]), ("ij->", [(3, 4)]), ("ij->j", [(3, 4)]), ("i,i", [(5,), (5,)]), ("i,j->ij", [(3,), (4,)]),
    ("...ij,...jk->...ik", [(2, 3, 4), (2, 4, 5)]), ("bij,bjk->bik", [(2, 3, 4), (2, 4, 5)]),
    ("ij,jk,kl->il", [(3, 4), (4, 5), (5, 2)]), ("abc,cd,db->a", [(2, 3, 4), (4, 5), (5, 3)]),
    ("ijk,jil->kl", [(3, 4, 5), (4, 3, 2)]), ("i...->...", [(3, 2, 4)]), ("...i,...i", [(2, 3), (3,)]),
    ("ij,ij->ij", [(2, 1), (2, 4)]), ("iij->ij", [(3, 3, 2)]), ("ji", [(3, 4)]), ("ba,cb,dc->ad", [(3, 2), (4, 3), (2, 4)]),
    ("i,i,i->", [(4,), (4,), (4,)]), ("ab,ab,ab->ab", [(2, 3), (2, 3), (2, 3)]), ("ijk->kji", [(2, 3, 4)]),
    ("ik,kj->", [(3, 4), (4, 2)]), ("a,b,c->abc", [(2,), (3,), (2,)]),
]
for dt in ["float64", "int64", "complex128", "float32"]:
    mk = (lambda s: ints(s, dt)) if dt.startswith("int") else (lambda s: rand(s, dt))
    for sbs, shapes in (EIN if dt in ("float64", "int64") else EIN[::4]):
        run("einsum", lambda *a, subscripts: np.einsum(subscripts, *a), [mk(s) for s in shapes], {"subscripts": sbs})
run("einsum", lambda *a, subscripts: np.einsum(subscripts, *a), [rand((3, 4), "float64"), rand((5, 6), "float64")],
    {"subscripts": "ij,jk->ik"}, note="size mismatch")
run("einsum", lambda *a, subscripts: np.einsum(subscripts, *a), [rand((3, 4), "float64")],
    {"subscripts": "ijk->i"}, note="too many labels")

# ---------------------------------------------------------------- solve / inv / det
for dt in FLOATS:
    for n, batch in sub(dt, [(3, ()), (12, ()), (6, (2, 3)), (1, ()), (2, ()), (4, ()), (5, ()), (20, ()), (3, (4,)),
                             (2, (7,))]):
        a = rand(batch + (n, n), dt) + 2 * np.eye(n, dtype=dt)
        k = cond_of(a)
        run("solve", np.linalg.solve, [a, rand(batch + (n, 3), dt)], cond=k, params={"order": n})
        run("solve", np.linalg.solve, [a, rand((n,), dt)], cond=k, params={"order": n})
        run("inv", np.linalg.inv, [a], cond=k, params={"order": n})
        run("det", np.linalg.det, [a], cond=k, params={"order": n})
        run("slogdet", np.linalg.slogdet, [a], multi=True, cond=k, params={"order": n})
    a = rand((2, 1, 4, 4), dt) + 2 * np.eye(4, dtype=dt)
    run("solve", np.linalg.solve, [a, rand((3, 4, 2), dt)], cond=cond_of(a), params={"order": 4}, note="broadcast")
for n in range(4, 13):
    h = hilbert(n)
    k = cond_of(h)
    run("solve", np.linalg.solve, [h, np.ones(n)], cond=k, params={"order": n}, note="hilbert")
    run("inv", np.linalg.inv, [h], cond=k, params={"order": n}, note="hilbert")
    run("det", np.linalg.det, [h], cond=k, params={"order": n}, note="hilbert")
    run("slogdet", np.linalg.slogdet, [h], multi=True, cond=k, params={"order": n}, note="hilbert")
sing = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
big_sing = np.zeros((8, 8))
big_sing[:, :7] = rand((8, 7), "float64")
for a in [sing, big_sing, np.zeros((2, 2)), np.zeros((6, 6))]:
    run("solve", np.linalg.solve, [a, np.ones(a.shape[0])], note="singular")
    run("inv", np.linalg.inv, [a], note="singular")
    run("det", np.linalg.det, [a], note="singular", params={"order": a.shape[0]}, cond=0.0)
    run("slogdet", np.linalg.slogdet, [a], multi=True, note="singular", params={"order": a.shape[0]}, cond=0.0)
run("inv", np.linalg.inv, [np.stack([np.eye(3), sing])], note="one singular in a stack")
run("inv", np.linalg.inv, [rand((3, 4), "float64")], note="not square")
run("solve", np.linalg.solve, [rand((3, 3), "float64"), rand((4,), "float64")], note="mismatch")
run("det", np.linalg.det, [rand((3,), "float64")], note="1-d")
run("inv", np.linalg.inv, [np.array([[np.nan, 1.0], [1.0, 1.0]])], note="nan")
run("det", np.linalg.det, [np.zeros((0, 0))], params={"order": 0}, cond=1.0, note="empty")
run("inv", np.linalg.inv, [np.zeros((2, 0, 0))], params={"order": 0}, cond=1.0, note="empty")

# ---------------------------------------------------------------- cholesky
for dt in FLOATS:
    for n, batch in sub(dt, [(3, ()), (9, ()), (5, (2, 2)), (1, ()), (4, ()), (16, ()), (3, (5,))]):
        a = hpd(n, dt, batch)
        for upper in [False, True]:
            run("cholesky", np.linalg.cholesky, [a], {"upper": upper, "order": n}, cond=cond_of(a))
run("cholesky", np.linalg.cholesky, [np.array([[1.0, 2.0], [2.0, 1.0]])], {"upper": False}, note="indefinite")
run("cholesky", np.linalg.cholesky, [np.array([[1.0, 0.0], [0.0, -1e-300]])], {"upper": False}, note="indefinite")
run("cholesky", np.linalg.cholesky, [rand((2, 3), "float64")], {"upper": False}, note="not square")
for n in (4, 8):
    h = hilbert(n)
    run("cholesky", np.linalg.cholesky, [h], {"upper": False, "order": n}, cond=cond_of(h), note="hilbert")

# ---------------------------------------------------------------- qr
for dt in FLOATS:
    for shape in sub(dt, [(6, 4), (4, 6), (2, 5, 3), (3, 3), (1, 5), (5, 1), (20, 12), (3, 2, 4)]):
        a = rand(shape, dt)
        for mode in ["reduced", "complete", "r"]:
            run("qr", np.linalg.qr, [a], {"mode": mode, "order": max(shape[-2:])}, multi=(mode != "r"), cond=cond_of(a))
run("qr", np.linalg.qr, [rand((4,), "float64")], {"mode": "reduced"}, note="1-d")
run("qr", np.linalg.qr, [np.zeros((3, 0))], {"mode": "reduced", "order": 3}, multi=True, cond=1.0, note="empty")

# ---------------------------------------------------------------- svd
for dt in FLOATS:
    for shape in sub(dt, [(6, 4), (4, 6), (2, 4, 3), (3, 3), (1, 4), (4, 1), (16, 10), (3, 3, 5)]):
        a = rand(shape, dt)
        k = cond_of(a)
        for full in [True, False]:
            run("svd", np.linalg.svd, [a], {"full_matrices": full, "hermitian": False, "order": max(shape[-2:])}, multi=True, cond=k)
        run("svdvals", np.linalg.svdvals, [a], {"order": max(shape[-2:])}, cond=k)
    h = herm(5, dt)
    run("svd", np.linalg.svd, [h], {"full_matrices": True, "hermitian": True, "order": 5}, multi=True, cond=cond_of(h))
rd = rand((6, 3), "float64") @ rand((3, 5), "float64")
run("svd", np.linalg.svd, [rd], {"full_matrices": True, "hermitian": False, "order": 6}, multi=True, cond=np.inf, note="rank 3")
run("svdvals", np.linalg.svdvals, [rd], {"order": 6}, cond=np.inf, note="rank 3")
for n in (4, 8, 12):
    h = hilbert(n)
    run("svdvals", np.linalg.svdvals, [h], {"order": n}, cond=cond_of(h), note="hilbert")
run("svd", np.linalg.svd, [np.array([[np.nan, 1.0], [1.0, 1.0]])], {"full_matrices": True, "hermitian": False}, multi=True, note="nan")
run("svdvals", np.linalg.svdvals, [rand((3,), "float64")], note="1-d")

# ---------------------------------------------------------------- eig / eigh
for dt in FLOATS:
    for n, batch in sub(dt, [(3, ()), (12, ()), (4, (2, 2)), (1, ()), (2, ()), (5, ()), (16, ()), (3, (4,))]):
        a = rand(batch + (n, n), dt)
        k = cond_of(a)
        run("eig", np.linalg.eig, [a], {"order": n}, multi=True, cond=k)
        run("eigvals", np.linalg.eigvals, [a], {"order": n}, cond=k)
        h = herm(n, dt, batch)
        for uplo in ["L", "U"]:
            run("eigh", np.linalg.eigh, [h], {"UPLO": uplo, "order": n}, multi=True, cond=cond_of(h))
            run("eigvalsh", np.linalg.eigvalsh, [h], {"UPLO": uplo, "order": n}, cond=cond_of(h))
    # only the named triangle is read
    g = rand((4, 4), dt)
    run("eigvalsh", np.linalg.eigvalsh, [g], {"UPLO": "L", "order": 4}, cond=1.0, note="non-hermitian input")
    run("eigh", np.linalg.eigh, [g], {"UPLO": "U", "order": 4}, multi=True, cond=1.0, note="non-hermitian input")
defective = np.array([[2.0, 1.0, 0.0], [0.0, 2.0, 1.0], [0.0, 0.0, 2.0]])
run("eigvals", np.linalg.eigvals, [defective], {"order": 3}, cond=1.0, note="defective")
run("eig", np.linalg.eig, [np.diag([3.0, 1.0, 2.0])], {"order": 3}, multi=True, cond=1.0, note="diagonal")
run("eig", np.linalg.eig, [np.array([[np.inf, 1.0], [1.0, 1.0]])], multi=True, note="inf")
run("eigvals", np.linalg.eigvals, [rand((2, 3), "float64")], note="not square")
run("eigh", np.linalg.eigh, [rand((3,), "float64")], multi=True, note="1-d")
for n in (4, 8, 12):
    h = hilbert(n)
    run("eigvalsh", np.linalg.eigvalsh, [h], {"UPLO": "L", "order": n}, cond=cond_of(h), note="hilbert")

# ---------------------------------------------------------------- lstsq / pinv
for dt in FLOATS:
    for (m, n, nrhs) in [(6, 3, None), (6, 3, 2), (3, 6, None), (4, 4, 1), (20, 7, 3), (1, 3, None), (5, 1, None)]:
        a = rand((m, n), dt)
        b = rand((m,), dt) if nrhs is None else rand((m, nrhs), dt)
        run("lstsq", np.linalg.lstsq, [a, b], {"rcond": None, "order": max(m, n)}, multi=True, cond=cond_of(a))
    # rank deficient: rank 2 in a 7 x 4 matrix
    rd = (rand((7, 2), dt) @ rand((2, 4), dt)).astype(dt)
    run("lstsq", np.linalg.lstsq, [rd, rand((7,), dt)], {"rcond": None, "order": 7}, multi=True, cond=cond_of(rd[:, :2]),
        note="rank deficient")
    run("lstsq", np.linalg.lstsq, [rd, rand((7, 2), dt)], {"rcond": 1e-3, "order": 7}, multi=True, cond=cond_of(rd[:, :2]),
        note="rank deficient, rcond")
    for shape in [(3, 3), (5, 3), (3, 5), (2, 4, 3)]:
        a = rand(shape, dt)
        run("pinv", np.linalg.pinv, [a], {"hermitian": False, "order": max(shape[-2:])}, cond=cond_of(a))
    a = (rand((6, 2), dt) @ rand((2, 5), dt)).astype(dt)
    run("pinv", np.linalg.pinv, [a], {"hermitian": False, "rcond": 1e-10, "order": 6}, cond=cond_of(np.linalg.svd(a, compute_uv=False)[:2].reshape(1, 2) * np.eye(2)),
        note="rank 2")
    h = hpd(4, dt)
    run("pinv", np.linalg.pinv, [h], {"hermitian": True, "order": 4}, cond=cond_of(h))
for n in (6, 10):
    h = hilbert(n)[:, : n - 2]
    run("lstsq", np.linalg.lstsq, [h, np.ones(n)], {"rcond": None, "order": n}, multi=True, cond=cond_of(h), note="hilbert")
run("lstsq", np.linalg.lstsq, [rand((4, 3), "float64"), rand((5,), "float64")], {"rcond": None}, multi=True, note="mismatch")
run("lstsq", np.linalg.lstsq, [rand((2, 4, 3), "float64"), rand((2, 4), "float64")], {"rcond": None}, multi=True, note="3-d")

# ---------------------------------------------------------------- norms
for dt in FLOATS:
    v = rand((7,), dt)
    for ordv in [None, 0, 1, -1, 2, -2, 3, 0.5, np.inf, -np.inf]:
        run("norm", np.linalg.norm, [v], {"ord": ordv, "axis": None, "keepdims": False})
    m = rand((4, 5), dt)
    for ordv in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
        run("norm", np.linalg.norm, [m], {"ord": ordv, "axis": None, "keepdims": False})
    t = rand((3, 4, 5), dt)
    if dt not in FULL:
        continue
    run("norm", np.linalg.norm, [t], {"ord": None, "axis": None, "keepdims": True})
    for ordv, axis in [(None, 1), (1, 0), (np.inf, -1), (0, 2), (4, 1), ("fro", [0, 2]), ("nuc", [2, 1]), (1, [1, 2]),
                       (-np.inf, [0, 1]), (2, [2, 0]), (-2, [0, 1])]:
        for keep in [False, True]:
            run("norm", np.linalg.norm, [t], {"ord": ordv, "axis": axis, "keepdims": keep})
    run("vector_norm", np.linalg.vector_norm, [t], {"ord": 2, "axis": None, "keepdims": False})
    run("vector_norm", np.linalg.vector_norm, [t], {"ord": 1, "axis": [0, 2], "keepdims": True})
    run("vector_norm", np.linalg.vector_norm, [t], {"ord": np.inf, "axis": 1, "keepdims": False})
    for ordv in ["fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
        run("matrix_norm", np.linalg.matrix_norm, [t], {"ord": ordv, "keepdims": ordv == 2})
run("norm", np.linalg.norm, [rand((4,), "float64")], {"ord": "fro", "axis": None, "keepdims": False}, note="fro of a vector")
run("norm", np.linalg.norm, [rand((4, 4), "float64")], {"ord": 3, "axis": None, "keepdims": False}, note="bad matrix ord")
run("norm", np.linalg.norm, [rand((2, 2, 2), "float64")], {"ord": 1, "axis": None, "keepdims": False}, note="3-d with ord")
run("norm", np.linalg.norm, [rand((3, 3), "float64")], {"ord": None, "axis": [1, 1], "keepdims": False}, note="duplicate axes")
run("norm", np.linalg.norm, [np.zeros((0,))], {"ord": None, "axis": None, "keepdims": False}, note="empty")

# ---------------------------------------------------------------- cond / matrix_rank
for dt in FLOATS:
    a = rand((4, 4), dt)
    for p in [None, 2, -2, 1, -1, np.inf, -np.inf, "fro", "nuc"]:
        run("cond", np.linalg.cond, [a], {"p": p, "order": 4}, cond=cond_of(a))
    s = rand((3, 5, 5), dt)
    run("cond", np.linalg.cond, [s], {"p": None, "order": 5}, cond=cond_of(s))
    run("cond", np.linalg.cond, [s], {"p": "fro", "order": 5}, cond=cond_of(s))
    run("cond", np.linalg.cond, [rand((3, 5), dt)], {"p": None, "order": 5}, cond=1.0, note="rectangular")
    r2 = (rand((5, 2), dt) @ rand((2, 6), dt)).astype(dt)
    run("matrix_rank", np.linalg.matrix_rank, [r2], {"tol": None, "hermitian": False, "rtol": None})
    run("matrix_rank", np.linalg.matrix_rank, [rand((3, 4, 4), dt)], {"tol": None, "hermitian": False, "rtol": None})
    run("matrix_rank", np.linalg.matrix_rank, [hpd(4, dt)], {"tol": None, "hermitian": True, "rtol": None})
    run("matrix_rank", np.linalg.matrix_rank, [rand((4, 4), dt)], {"tol": 1.0, "hermitian": False, "rtol": None})
    run("matrix_rank", np.linalg.matrix_rank, [rand((4, 4), dt)], {"tol": None, "hermitian": False, "rtol": 0.3})
for n in range(4, 13, 2):
    h = hilbert(n)
    run("cond", np.linalg.cond, [h], {"p": None, "order": n}, cond=cond_of(h), note="hilbert")
    run("cond", np.linalg.cond, [h], {"p": 1, "order": n}, cond=cond_of(h), note="hilbert")
    run("matrix_rank", np.linalg.matrix_rank, [h], {"tol": None, "hermitian": False, "rtol": None}, note="hilbert")
run("cond", np.linalg.cond, [sing], {"p": 1, "order": 3}, cond=np.inf, note="singular")
run("cond", np.linalg.cond, [np.zeros((3, 3))], {"p": None, "order": 3}, cond=np.inf, note="zero")
run("matrix_rank", np.linalg.matrix_rank, [np.array([0.0, 1.0])], {"tol": None, "hermitian": False, "rtol": None})
run("matrix_rank", np.linalg.matrix_rank, [np.zeros((3, 3))], {"tol": None, "hermitian": False, "rtol": None})

c.save()
