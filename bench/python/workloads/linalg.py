"""numpy.linalg (bench/rust/src/workloads/linalg.rs); results reduced to their unique parts."""

import numpy as np


def register(add, vec, mat):
    la = np.linalg

    def spd(n):
        g = mat(15, n, n)
        return g @ g.T + n * np.eye(n)

    def sym(n):
        a = mat(17, n, n)
        return a + a.T

    def stack3(seed):
        return mat(seed, 300_000, 3).reshape(100_000, 3, 3) + 3 * np.eye(3)

    def sym3():
        m = stack3(23)
        return m + np.swapaxes(m, -1, -2)

    add("linalg_matmul_1000", lambda: (mat(11, 1000, 1000), mat(12, 1000, 1000)), lambda s: s[0] @ s[1])
    add("linalg_matmul_4000", lambda: (mat(11, 4000, 4000), mat(12, 4000, 4000)), lambda s: s[0] @ s[1])
    add("linalg_solve_2000", lambda: (mat(13, 2000, 2000), mat(14, 2000, 1).ravel()), lambda s: la.solve(s[0], s[1]))
    add("linalg_inv_1000", lambda: mat(13, 1000, 1000), la.inv)
    add("linalg_cholesky_2000", lambda: spd(2000), la.cholesky)
    add("linalg_qr_2000x1000", lambda: mat(16, 2000, 1000), lambda s: np.abs(np.diagonal(la.qr(s)[1])))
    add("linalg_svd_1000", lambda: mat(16, 1000, 1000), lambda s: la.svd(s)[1])
    add("linalg_svdvals_1000", lambda: mat(16, 1000, 1000), lambda s: la.svd(s, compute_uv=False))
    add("linalg_eigh_1000", lambda: sym(1000), lambda s: la.eigh(s)[0])
    add("linalg_eig_500", lambda: mat(18, 500, 500), lambda s: np.abs(la.eig(s)[0]))
    add("linalg_lstsq_4000x200", lambda: (mat(19, 4000, 200), mat(20, 4000, 1).ravel()),
        lambda s: la.lstsq(s[0], s[1], rcond=None)[0])
    add("linalg_det_1000", lambda: (mat(13, 1000, 1000) - 0.5) * 0.18, la.det)
    add("linalg_inv_1e5x3x3", lambda: stack3(21), la.inv)
    add("linalg_solve_1e5x3x3", lambda: (stack3(21), mat(22, 300_000, 1).reshape(100_000, 3, 1)),
        lambda s: la.solve(s[0], s[1]))
    add("linalg_det_1e5x3x3", lambda: stack3(21), la.det)
    add("linalg_eigh_1e5x3x3", lambda: sym3(), lambda s: la.eigh(s)[0])
