//! `minimize(method='SLSQP')`: Kraft's sequential least-squares quadratic
//! programming (ACM TOMS 733) as SciPy 1.16+ runs it (its C translation of
//! the Fortran): the QP subproblem is solved as LSQ -> LSEI -> LSI -> LDP
//! -> NNLS with Householder reflections written out here in LAPACK's
//! arithmetic, the quasi-Newton matrix is a BFGS-updated LDL' factor, the
//! step length comes from an L1 merit function.
//!
//! Matrices in this file are column-major (as the Fortran/LAPACK code
//! indexes them); index loops follow that code's loops.
#![allow(clippy::needless_range_loop)]

use super::constraints::OldConstraints;
use super::function::ScalarFunction;
use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;

const EPSMACH: f64 = 2.220446049250313e-16;

// ---------------------------------------------------------------- BLAS-like

fn nrm2(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum::<f64>().sqrt()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `y = alpha * A x + beta * y`, `A` m×n with leading dimension `lda`.
#[allow(clippy::too_many_arguments)]
fn gemv_n(m: usize, n: usize, alpha: f64, a: &[f64], lda: usize, x: &[f64], beta: f64, y: &mut [f64]) {
    if beta != 1.0 {
        for v in y[..m].iter_mut() {
            *v = if beta == 0.0 { 0.0 } else { beta * *v };
        }
    }
    for j in 0..n {
        let t = alpha * x[j];
        let col = &a[j * lda..j * lda + m];
        for i in 0..m {
            y[i] += t * col[i];
        }
    }
}

/// `y = alpha * A^T x + beta * y`, `A` m×n with leading dimension `lda`.
#[allow(clippy::too_many_arguments)]
fn gemv_t(m: usize, n: usize, alpha: f64, a: &[f64], lda: usize, x: &[f64], beta: f64, y: &mut [f64]) {
    if beta != 1.0 {
        for v in y[..n].iter_mut() {
            *v = if beta == 0.0 { 0.0 } else { beta * *v };
        }
    }
    for j in 0..n {
        let t = dot(&a[j * lda..j * lda + m], &x[..m]);
        y[j] += alpha * t;
    }
}

/// Solves `U x = b` (upper, non-unit; `U` at `a` with leading dimension `lda`).
fn trsv_un(n: usize, a: &[f64], lda: usize, x: &mut [f64]) {
    for j in (0..n).rev() {
        if x[j] != 0.0 {
            x[j] /= a[j + j * lda];
            let t = x[j];
            for i in (0..j).rev() {
                x[i] -= t * a[i + j * lda];
            }
        }
    }
}

/// Solves `U^T x = b`.
fn trsv_ut(n: usize, a: &[f64], lda: usize, x: &mut [f64]) {
    for j in 0..n {
        let mut t = x[j];
        for i in 0..j {
            t -= a[i + j * lda] * x[i];
        }
        x[j] = t / a[j + j * lda];
    }
}

/// `dlapy2`: `sqrt(x^2 + y^2)` without overflow.
fn lapy2(x: f64, y: f64) -> f64 {
    let (xa, ya) = (x.abs(), y.abs());
    let w = xa.max(ya);
    let z = xa.min(ya);
    if z == 0.0 || w > f64::MAX {
        w
    } else {
        w * (1.0 + (z / w) * (z / w)).sqrt()
    }
}

/// `dlarfg`: the reflector `H` with `H [alpha; x] = [beta; 0]`; `alpha` at
/// `v[ia]`, `x` at `v[ix + k*inc]` for `k < nx`. Returns `tau`.
fn larfg(v: &mut [f64], ia: usize, ix: usize, inc: usize, nx: usize) -> f64 {
    let xn = (0..nx)
        .map(|k| v[ix + k * inc] * v[ix + k * inc])
        .sum::<f64>()
        .sqrt();
    if xn == 0.0 {
        return 0.0;
    }
    let alpha = v[ia];
    let beta = -lapy2(alpha, xn).copysign(alpha);
    let tau = (beta - alpha) / beta;
    let s = 1.0 / (alpha - beta);
    for k in 0..nx {
        v[ix + k * inc] *= s;
    }
    v[ia] = beta;
    tau
}

/// `dlarfgp`: as [`larfg`] with `beta >= 0` (contiguous `x`).
fn larfgp(alpha: &mut f64, x: &mut [f64]) -> f64 {
    let xn = nrm2(x);
    if xn == 0.0 {
        if *alpha >= 0.0 {
            return 0.0;
        }
        for v in x.iter_mut() {
            *v = 0.0;
        }
        *alpha = -*alpha;
        return 2.0;
    }
    let mut beta = lapy2(*alpha, xn).copysign(*alpha);
    let mut a = *alpha + beta;
    let tau;
    if beta < 0.0 {
        beta = -beta;
        tau = -a / beta;
    } else {
        a = xn * (xn / a);
        tau = a / beta;
        a = -a;
    }
    let s = 1.0 / a;
    for v in x.iter_mut() {
        *v *= s;
    }
    *alpha = beta;
    tau
}

/// `dgeqr2`: QR of the m×n `a` (leading dimension `m`); returns `tau`.
fn geqr2(m: usize, n: usize, a: &mut [f64]) -> Vec<f64> {
    let k = m.min(n);
    let mut tau = vec![0.0; k];
    for i in 0..k {
        let t = larfg(a, i + i * m, (i + 1).min(m - 1) + i * m, 1, m - i - 1);
        tau[i] = t;
        if i + 1 < n && t != 0.0 {
            let aii = a[i + i * m];
            a[i + i * m] = 1.0;
            for j in i + 1..n {
                let mut w = 0.0;
                for r in i..m {
                    w += a[r + j * m] * a[r + i * m];
                }
                let tmp = -t * w;
                for r in i..m {
                    a[r + j * m] += a[r + i * m] * tmp;
                }
            }
            a[i + i * m] = aii;
        }
    }
    tau
}

/// `dorm2r('L', 'T')` on a vector: `b = Q^T b`.
fn orm2r_lt(m: usize, k: usize, a: &mut [f64], tau: &[f64], b: &mut [f64]) {
    for i in 0..k {
        if tau[i] == 0.0 {
            continue;
        }
        let aii = a[i + i * m];
        a[i + i * m] = 1.0;
        let mut w = 0.0;
        for r in i..m {
            w += a[r + i * m] * b[r];
        }
        let tmp = -tau[i] * w;
        for r in i..m {
            b[r] += a[r + i * m] * tmp;
        }
        a[i + i * m] = aii;
    }
}

/// `dgerq2`: RQ of the me×n `e` (me <= n, leading dimension `me`).
fn gerq2(me: usize, n: usize, e: &mut [f64]) -> Vec<f64> {
    let k = me;
    let mut tau = vec![0.0; k];
    for i in (0..k).rev() {
        let row = me - k + i;
        let col = n - k + i;
        let t = larfg(e, row + col * me, row, me, col);
        tau[i] = t;
        if row > 0 && t != 0.0 {
            let aii = e[row + col * me];
            e[row + col * me] = 1.0;
            // apply H from the right to e[0..row, 0..=col]
            for r in 0..row {
                let mut w = 0.0;
                for c in 0..=col {
                    w += e[r + c * me] * e[row + c * me];
                }
                for c in 0..=col {
                    let tmp = -t * e[row + c * me];
                    e[r + c * me] += w * tmp;
                }
            }
            e[row + col * me] = aii;
        }
    }
    tau
}

/// `dormr2('R', 'T')`: `C = C Q^T` for the m×n `c` (leading dimension `ldc`).
fn ormr2_rt(mc: usize, n: usize, me: usize, e: &mut [f64], tau: &[f64], c: &mut [f64], ldc: usize) {
    for i in (0..me).rev() {
        if tau[i] == 0.0 {
            continue;
        }
        let ni = n - me + i + 1;
        let aii = e[i + (ni - 1) * me];
        e[i + (ni - 1) * me] = 1.0;
        for r in 0..mc {
            let mut w = 0.0;
            for col in 0..ni {
                w += c[r + col * ldc] * e[i + col * me];
            }
            for col in 0..ni {
                let tmp = -tau[i] * e[i + col * me];
                c[r + col * ldc] += w * tmp;
            }
        }
        e[i + (ni - 1) * me] = aii;
    }
}

/// `dormr2('L', 'T')` on a vector: `x = Q^T x`.
fn ormr2_lt(n: usize, me: usize, e: &mut [f64], tau: &[f64], x: &mut [f64]) {
    for i in 0..me {
        if tau[i] == 0.0 {
            continue;
        }
        let mi = n - me + i + 1;
        let aii = e[i + (mi - 1) * me];
        e[i + (mi - 1) * me] = 1.0;
        let mut w = 0.0;
        for r in 0..mi {
            w += e[i + r * me] * x[r];
        }
        let tmp = -tau[i] * w;
        for r in 0..mi {
            x[r] += e[i + r * me] * tmp;
        }
        e[i + (mi - 1) * me] = aii;
    }
}

// ---------------------------------------------------------------- NNLS

/// Lawson-Hanson NNLS `min |A x - b|, x >= 0` on the m×n `a` (destroyed);
/// returns `(x, rnorm, info)` with info 1 (solved) or 3 (iterations).
fn nnls(m: usize, n: usize, a: &mut [f64], b: &mut [f64], maxiter: usize) -> (Vec<f64>, f64, i64) {
    let mut x = vec![0.0; n];
    if m == 0 || n == 0 {
        return (x, 0.0, 2);
    }
    let mut w = vec![0.0; n];
    let mut zz = vec![0.0; m];
    let mut idx: Vec<usize> = (0..n).collect();
    let mut info = 1;
    let mut indz = 0usize;
    let mut iteration = 0usize;
    let mut jj = 0usize;
    'outer: while indz < m.min(n) {
        for i in indz..n {
            let j = idx[i];
            w[j] = dot(&a[indz + j * m..(j + 1) * m], &b[indz..m]);
        }
        let (mut iz, mut tau, mut pivot, mut tauvtb);
        loop {
            let mut wmax = 0.0;
            let mut izmax = 0;
            for (k, &j) in idx.iter().enumerate().skip(indz) {
                if w[j] > wmax {
                    wmax = w[j];
                    izmax = k;
                }
            }
            if wmax <= 0.0 {
                break 'outer;
            }
            iz = izmax;
            let j = idx[iz];
            let unorm = if indz > 0 {
                nrm2(&a[j * m..j * m + indz])
            } else {
                0.0
            };
            let spacing = if unorm > 0.0 { next_up(unorm) - unorm } else { 0.0 };
            if nrm2(&a[indz + j * m..(j + 1) * m]) > 100.0 * spacing {
                zz[indz..m].copy_from_slice(&a[indz + j * m..(j + 1) * m]);
                let (head, tail) = zz[indz..m].split_at_mut(1);
                tau = larfgp(&mut head[0], tail);
                pivot = zz[indz];
                zz[indz] = 1.0;
                tauvtb = tau * (b[indz] + dot(&zz[indz + 1..m], &b[indz + 1..m]));
                let ztest = (b[indz] - tauvtb) / pivot;
                if ztest > 0.0 {
                    break;
                }
            }
            w[j] = 0.0;
        }
        let j = idx[iz];
        a[indz + j * m..(j + 1) * m].copy_from_slice(&zz[indz..m]);
        b[indz] -= tauvtb;
        for i in indz + 1..m {
            b[i] += -tauvtb * zz[i];
        }
        idx[iz] = idx[indz];
        idx[indz] = j;
        indz += 1;
        if indz < n && tau != 0.0 {
            let r0 = indz - 1;
            for k in indz..n {
                let c = idx[k];
                let mut s = 0.0;
                for r in r0..m {
                    s += a[r + j * m] * a[r + c * m];
                }
                let tmp = -tau * s;
                for r in r0..m {
                    a[r + c * m] += a[r + j * m] * tmp;
                }
            }
        }
        a[indz - 1 + j * m] = pivot;
        for i in indz..m {
            a[j * m + i] = 0.0;
        }
        w[j] = 0.0;
        solve_perm(indz, a, m, &idx, b, &mut zz, &mut jj);
        loop {
            iteration += 1;
            if iteration >= maxiter {
                info = 3;
                break 'outer;
            }
            let mut alpha = 2.0;
            for ip in 0..indz {
                let k = idx[ip];
                if zz[ip] <= 0.0 {
                    let t = -x[k] / (zz[ip] - x[k]);
                    if alpha > t {
                        alpha = t;
                        jj = ip;
                    }
                }
            }
            if alpha == 2.0 {
                break;
            }
            for ip in 0..indz {
                let k = idx[ip];
                x[k] += alpha * (zz[ip] - x[k]);
            }
            let mut i = idx[jj];
            loop {
                x[i] = 0.0;
                if jj + 1 != indz {
                    jj += 1;
                    for jr in jj..indz {
                        let ii = idx[jr];
                        idx[jr - 1] = ii;
                        let (cc, ss, r) = lartgp(a[jr - 1 + ii * m], a[jr + ii * m]);
                        a[jr - 1 + ii * m] = r;
                        a[jr + ii * m] = 0.0;
                        for k in 0..n {
                            if k != ii {
                                let t = a[jr - 1 + k * m];
                                a[jr - 1 + k * m] = cc * t + ss * a[jr + k * m];
                                a[jr + k * m] = -ss * t + cc * a[jr + k * m];
                            }
                        }
                        let t = b[jr - 1];
                        b[jr - 1] = cc * t + ss * b[jr];
                        b[jr] = -ss * t + cc * b[jr];
                    }
                }
                indz -= 1;
                idx[indz] = i;
                let mut all_pos = true;
                for q in 0..indz {
                    i = idx[q];
                    if x[i] <= 0.0 {
                        jj = q;
                        all_pos = false;
                        break;
                    }
                }
                if all_pos {
                    break;
                }
            }
            solve_perm(indz, a, m, &idx, b, &mut zz, &mut jj);
        }
        for k in 0..indz {
            x[idx[k]] = zz[k];
        }
    }
    let rnorm = if indz < m { nrm2(&b[indz..m]) } else { 0.0 };
    (x, rnorm, info)
}

/// The permuted triangular solve of NNLS into `zz[0..indz]`.
fn solve_perm(indz: usize, a: &[f64], m: usize, idx: &[usize], b: &[f64], zz: &mut [f64], jj: &mut usize) {
    zz[..indz].copy_from_slice(&b[..indz]);
    for k in 0..indz {
        let ip = indz - 1 - k;
        if k != 0 {
            for i in 0..=ip {
                zz[i] -= a[i + *jj * m] * zz[ip + 1];
            }
        }
        *jj = idx[ip];
        zz[ip] /= a[ip + *jj * m];
    }
}

fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// `dlartgp`: the rotation with `r >= 0`.
fn lartgp(f: f64, g: f64) -> (f64, f64, f64) {
    if g == 0.0 {
        (1.0f64.copysign(f), 0.0, f.abs())
    } else if f == 0.0 {
        (0.0, 1.0f64.copysign(g), g.abs())
    } else {
        let r = (f * f + g * g).sqrt();
        (f / r, g / r, r)
    }
}

// ---------------------------------------------------------------- QP

/// LDP: `min |x|` subject to `G x >= h` (G m×n). Returns `(mode, xnorm,
/// multipliers)`.
fn ldp(m: usize, n: usize, g: &[f64], h: &[f64], x: &mut [f64]) -> (i64, f64, Vec<f64>) {
    if n == 0 {
        return (2, 0.0, Vec::new());
    }
    for v in x[..n].iter_mut() {
        *v = 0.0;
    }
    if m == 0 {
        return (1, 0.0, Vec::new());
    }
    let n1 = n + 1;
    let mut a = vec![0.0; n1 * m];
    for j in 0..m {
        for i in 0..n {
            a[i + j * n1] = g[j + i * m];
        }
        a[n + j * n1] = h[j];
    }
    let mut b = vec![0.0; n1];
    b[n] = 1.0;
    let (y, rnorm, mode) = nnls(n1, m, &mut a, &mut b, 3 * m);
    if mode != 1 {
        return (mode, 0.0, Vec::new());
    }
    if rnorm <= 0.0 {
        return (4, 0.0, Vec::new());
    }
    let fac = 1.0 - dot(h, &y);
    if (1.0 + fac) - 1.0 <= 0.0 || fac.is_nan() {
        return (4, 0.0, Vec::new());
    }
    let fac = 1.0 / fac;
    gemv_t(m, n, fac, g, m, &y, 0.0, x);
    let xnorm = nrm2(&x[..n]);
    (1, xnorm, y.iter().map(|v| fac * v).collect())
}

/// LSI: `min |A x - b|` subject to `G x >= h` (A ma×n, G mg×n).
#[allow(clippy::too_many_arguments)]
fn lsi(
    ma: usize,
    mg: usize,
    n: usize,
    a: &mut [f64],
    b: &mut [f64],
    g: &mut [f64],
    h: &mut [f64],
    x: &mut [f64],
) -> (i64, f64, Vec<f64>) {
    let k = ma.min(n);
    let tau = geqr2(ma, n, a);
    orm2r_lt(ma, k, a, &tau, b);
    for i in 0..k {
        if a[i + i * ma].is_nan() || a[i + i * ma].abs() < EPSMACH {
            return (5, 0.0, Vec::new());
        }
    }
    // G := G R^{-1}
    for j in 0..n {
        for kk in 0..j {
            let akj = a[kk + j * ma];
            if akj != 0.0 {
                for i in 0..mg {
                    g[i + j * mg] -= akj * g[i + kk * mg];
                }
            }
        }
        let t = 1.0 / a[j + j * ma];
        for i in 0..mg {
            g[i + j * mg] *= t;
        }
    }
    gemv_n(mg, n, -1.0, g, mg, b, 1.0, h);
    let (mode, mut xnorm, mults) = ldp(mg, n, g, h, x);
    if mode != 1 {
        return (mode, xnorm, mults);
    }
    for i in 0..n {
        x[i] += b[i];
    }
    trsv_un(n, a, ma, x);
    if ma > n {
        xnorm = xnorm.hypot(nrm2(&b[n..ma]));
    }
    (1, xnorm, mults)
}

/// LSEI: `min |A x - b|` subject to `E x = f`, `G x >= h`. Returns `(mode,
/// multipliers of G, multipliers of E)`.
#[allow(clippy::too_many_arguments)]
fn lsei(
    ma: usize,
    me: usize,
    mg: usize,
    n: usize,
    a: &mut [f64],
    b: &mut [f64],
    e: &mut [f64],
    f: &mut [f64],
    g: &mut [f64],
    h: &mut [f64],
    x: &mut [f64],
) -> (i64, Vec<f64>, Vec<f64>) {
    for v in x[..n].iter_mut() {
        *v = 0.0;
    }
    if me > n {
        return (2, Vec::new(), Vec::new());
    }
    let nvars = n - me;
    let tau = gerq2(me, n, e);
    ormr2_rt(ma, n, me, e, &tau, a, ma);
    ormr2_rt(mg, n, me, e, &tau, g, mg.max(1));
    for i in 0..me {
        if e[i + (nvars + i) * me].is_nan() || e[i + (nvars + i) * me].abs() < EPSMACH {
            return (6, Vec::new(), Vec::new());
        }
    }
    x[nvars..n].copy_from_slice(&f[..me]);
    if me > 0 {
        trsv_un(me, &e[nvars * me..], me, &mut x[nvars..n]);
    }
    let mut gmults = vec![0.0; mg];
    if me != n {
        let mut wb = b[..ma].to_vec();
        gemv_n(ma, me, -1.0, &a[ma * nvars..], ma, &x[nvars..n], 1.0, &mut wb);
        let mut a2 = a[..ma * nvars].to_vec();
        if mg == 0 {
            // dgelsy: least squares of the full-rank A2 (QR; SciPy's column
            // pivoting only permutes the same triangular solve)
            let tau2 = geqr2(ma, nvars, &mut a2);
            let k = ma.min(nvars);
            orm2r_lt(ma, k, &mut a2, &tau2, &mut wb);
            let rmax = (0..k).map(|i| a2[i + i * ma].abs()).fold(0.0, f64::max);
            let krank = (0..k)
                .filter(|&i| a2[i + i * ma].abs() > EPSMACH.sqrt() * rmax)
                .count();
            if krank < nvars {
                return (7, gmults, Vec::new());
            }
            x[..nvars].copy_from_slice(&wb[..nvars]);
            trsv_un(nvars, &a2, ma, &mut x[..nvars]);
        } else {
            let mut g2 = g[..mg * nvars].to_vec();
            gemv_n(mg, me, -1.0, &g[mg * nvars..], mg, &x[nvars..n], 1.0, h);
            let (mode, _xnorm, mults) = lsi(ma, mg, nvars, &mut a2, &mut wb, &mut g2, h, &mut x[..nvars]);
            if mode == 1 {
                gmults.copy_from_slice(&mults);
            }
            if me == 0 || mode != 1 {
                return (mode, gmults, Vec::new());
            }
        }
    }
    // back to the original basis and the equality multipliers
    gemv_n(ma, n, 1.0, a, ma, x, -1.0, b);
    gemv_t(ma, me, 1.0, &a[nvars * ma..], ma, b, 0.0, f);
    if mg > 0 {
        gemv_t(mg, me, -1.0, &g[nvars * mg..], mg, &gmults, 1.0, f);
    }
    ormr2_lt(n, me, e, &tau, x);
    let mut em = f[..me].to_vec();
    trsv_ut(me, &e[(n - me) * me..], me, &mut em);
    (1, gmults, em)
}

/// Forward substitution with the unit lower packed `L`.
fn tpsv_lnu(n: usize, l: &[f64], x: &mut [f64]) {
    let mut k = 0;
    for j in 0..n {
        let t = x[j];
        k += 1;
        for i in j + 1..n {
            x[i] -= t * l[k];
            k += 1;
        }
    }
}

/// The QP subproblem: `min |A s - b|` (A, b from the LDL' factor and the
/// gradient) with the linearised constraints and `xl <= s <= xu` (NaN: no
/// bound). Writes `s` and the multipliers `y`; returns the mode.
#[allow(clippy::too_many_arguments)]
fn lsq(
    m: usize,
    meq: usize,
    n: usize,
    augment: bool,
    aug_weight: f64,
    lf: &[f64],
    gradx: &[f64],
    c: &[f64],
    d: &[f64],
    xl: &mut [f64],
    xu: &mut [f64],
    x: &mut [f64],
    y: &mut [f64],
) -> i64 {
    let lda = m.max(1);
    let orign = n;
    let mineq = m - meq;
    let ld = if augment { n + 1 } else { n };
    if augment {
        x[n] = 1.0;
        xl[n] = 0.0;
        xu[n] = 1.0;
    }
    let mut wa = vec![0.0; ld * ld];
    let mut wb = vec![0.0; ld];
    let mut cur = 0;
    for j in 0..n {
        let diag = lf[cur].sqrt();
        cur += 1;
        wa[j + j * ld] = diag;
        for i in j + 1..n {
            wa[j + i * ld] = lf[cur] * diag;
            cur += 1;
        }
    }
    wb[..n].copy_from_slice(&gradx[..n]);
    tpsv_lnu(n, lf, &mut wb);
    cur = 0;
    for i in 0..n {
        wb[i] /= -lf[cur].sqrt();
        cur += n - i;
    }
    if augment {
        wa[ld * ld - 1] = aug_weight;
    }
    let nn = ld;
    let mut we = vec![0.0; nn * meq];
    let mut wf = vec![0.0; meq];
    if meq > 0 {
        for j in 0..orign {
            for i in 0..meq {
                we[i + j * meq] = c[i + j * lda];
            }
        }
        if augment {
            for i in 0..meq {
                we[i + (nn - 1) * meq] = -d[i];
            }
        }
        for i in 0..meq {
            wf[i] = -d[i];
        }
    }
    let mut wh: Vec<f64> = (0..mineq).map(|i| -d[meq + i]).collect();
    wh.extend(xl[..nn].iter().filter(|v| !v.is_nan()).copied());
    wh.extend(xu[..nn].iter().filter(|v| !v.is_nan()).map(|v| -v));
    let ng = wh.len();
    let mut wg = vec![0.0; ng * nn];
    for j in 0..orign {
        for i in 0..mineq {
            wg[i + j * ng] = c[meq + i + j * lda];
        }
    }
    if augment {
        for i in 0..mineq {
            wg[i + orign * ng] = (-d[meq + i]).max(0.0);
        }
    }
    let mut row = mineq;
    for i in 0..nn {
        if !xl[i].is_nan() {
            wg[row + i * ng] = 1.0;
            row += 1;
        }
    }
    for i in 0..nn {
        if !xu[i].is_nan() {
            wg[row + i * ng] = -1.0;
            row += 1;
        }
    }
    let (mode, gm, em) = lsei(
        ld, meq, ng, nn, &mut wa, &mut wb, &mut we, &mut wf, &mut wg, &mut wh, x,
    );
    if mode == 1 {
        y[..meq].copy_from_slice(&em[..meq]);
        y[meq..m].copy_from_slice(&gm[..mineq]);
        for v in y[m..m + 2 * nn].iter_mut() {
            *v = f64::NAN;
        }
    }
    for i in 0..nn {
        if !xl[i].is_nan() && x[i] < xl[i] {
            x[i] = xl[i];
        } else if !xu[i].is_nan() && x[i] > xu[i] {
            x[i] = xu[i];
        }
    }
    mode
}

/// `a := a + sigma z z^T` on the packed LDL' factor (Fletcher-Powell
/// composite-t); `z` and `w` are scratch.
fn ldl_update(n: usize, a: &mut [f64], z: &mut [f64], sigma: f64, w: &mut [f64]) {
    if sigma == 0.0 {
        return;
    }
    let mut ij = 0usize;
    let mut t = 1.0 / sigma;
    if sigma <= 0.0 {
        w[..n].copy_from_slice(&z[..n]);
        for i in 0..n {
            let v = w[i];
            t += v * v / a[ij];
            for j in i + 1..n {
                ij += 1;
                w[j] -= v * a[ij];
            }
            ij += 1;
        }
        if t >= 0.0 {
            t = EPSMACH / sigma;
        }
        for i in 0..n {
            let j = n - i - 1;
            ij -= i + 1;
            let u = w[j];
            w[j] = t;
            t -= u * u / a[ij];
        }
    }
    for i in 0..n {
        let v = z[i];
        let delta = v / a[ij];
        let tp = if sigma < 0.0 { w[i] } else { t + delta * v };
        let alpha = tp / t;
        a[ij] *= alpha;
        if i == n - 1 {
            return;
        }
        let beta = delta / tp;
        if alpha <= 4.0 {
            for j in i + 1..n {
                ij += 1;
                z[j] -= v * a[ij];
                a[ij] += beta * z[j];
            }
        } else {
            let gamma = t / tp;
            for j in i + 1..n {
                ij += 1;
                let u = a[ij];
                a[ij] = gamma * u + beta * z[j];
                z[j] -= v * u;
            }
        }
        ij += 1;
        t = tp;
    }
}

/// SciPy's messages by exit mode.
pub(crate) fn exit_message(mode: i64) -> &'static str {
    match mode {
        -1 => "Gradient evaluation required (g & a)",
        0 => "Optimization terminated successfully",
        1 => "Function evaluation required (f & c)",
        2 => "More equality constraints than independent variables",
        3 => "More than 3*n iterations in LSQ subproblem",
        4 => "Inequality constraints incompatible",
        5 => "Singular matrix E in LSQ subproblem",
        6 => "Singular matrix C in LSQ subproblem",
        7 => "Rank-deficient equality constraint subproblem HFTI",
        8 => "Positive directional derivative for linesearch",
        _ => "Iteration limit reached",
    }
}

/// The SLSQP iteration (SciPy's `_minimize_slsqp` around `__slsqp_body`).
/// `xl`, `xu` are the bounds with NaN for none; `sf` was built at the
/// clipped `x0`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn slsqp<F: FnMut(&[f64]) -> f64>(
    sf: &mut ScalarFunction<'_, F>,
    cons: &mut OldConstraints<'_, '_>,
    x0: &[f64],
    xl: &[f64],
    xu: &[f64],
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let (m, meq) = (cons.m, cons.meq);
    let lda = m.max(1);
    let acc = opts.ftol.unwrap_or(1e-6).abs();
    let tol = 10.0 * acc;
    let itermax = opts.maxiter.unwrap_or(100);
    let n1 = n + 1;
    let n2 = n1 * n / 2;

    // evaluation at x clipped to the bounds (SciPy's _clip_x_for_func)
    let mut xc = vec![0.0; n];
    let clip = |x: &[f64], xc: &mut [f64]| {
        for i in 0..n {
            let mut v = x[i];
            if !xl[i].is_nan() && v < xl[i] {
                v = xl[i];
            }
            if !xu[i].is_nan() && v > xu[i] {
                v = xu[i];
            }
            xc[i] = v;
        }
    };
    let mut sol = x0.to_vec();
    clip(&sol, &mut xc);
    let mut funx = sf.fun(&xc);
    let mut gradx = sf.grad(&xc).to_vec();
    let mut c = vec![0.0; lda * n];
    let mut d = vec![0.0; m.max(1)];
    cons.normals(&xc, &mut c);
    cons.values(&xc, &mut d);

    let mut mult = vec![0.0; m + 2 * n + 2];
    let mut bfgs = vec![0.0; n2];
    let mut x0v = vec![0.0; n];
    let mut mu = vec![0.0; m];
    let mut s = vec![0.0; n1];
    let mut u = vec![0.0; n1];
    let mut v = vec![0.0; n1];
    let mut iter = 0usize;
    let mut reset = 0usize;
    let mut iter_prev = 0usize;
    let mut stopped = false;
    let (mut h1, mut h2, mut h3, mut h4);
    let mut f0 = 0.0;

    // calls the callback where SciPy's driver would (once per new iteration)
    macro_rules! cb {
        () => {
            if iter > iter_prev {
                iter_prev = iter;
                if let Some(cbf) = callback.as_deref_mut()
                    && cbf(&sol, funx)
                {
                    stopped = true;
                }
            }
        };
    }
    let eqd = |d: &[f64], j: usize| if j < meq { d[j] } else { 0.0 };

    let mode: i64 = 'run: loop {
        // RESET_BFGS
        reset += 1;
        if reset > 5 {
            let mut h3 = 0.0;
            for j in 0..m {
                h3 += (-d[j]).max(eqd(&d, j));
            }
            let small = (funx - f0).abs() < tol || nrm2(&s[..n]) < tol;
            break 'run if small && h3 < tol && !funx.is_nan() { 0 } else { 8 };
        }
        bfgs.iter_mut().for_each(|b| *b = 0.0);
        let mut j = 0;
        for i in 0..n {
            bfgs[j] = 1.0;
            j += n - i;
        }
        loop {
            // ITER_START
            if iter >= itermax {
                break 'run 9;
            }
            iter += 1;
            for i in 0..n {
                u[i] = -sol[i] + xl[i];
                v[i] = -sol[i] + xu[i];
            }
            h4 = 1.0;
            let mut mode = lsq(
                m, meq, n, false, 0.0, &bfgs, &gradx, &c, &d, &mut u, &mut v, &mut s, &mut mult,
            );
            let mut badlin = false;
            if mode == 6 && n == meq {
                mode = 4;
            }
            if mode == 4 {
                badlin = true;
                s[..n].iter_mut().for_each(|x| *x = 0.0);
                let mut rho = 100.0;
                let mut inconsistent = 0;
                loop {
                    mode = lsq(
                        m, meq, n, true, rho, &bfgs, &gradx, &c, &d, &mut u, &mut v, &mut s, &mut mult,
                    );
                    h4 = 1.0 - s[n];
                    if mode == 4 {
                        rho *= 10.0;
                        inconsistent += 1;
                        if inconsistent > 5 {
                            break 'run 4;
                        }
                        continue;
                    } else if mode != 1 {
                        break 'run mode;
                    }
                    break;
                }
            } else if mode != 1 {
                break 'run mode;
            }
            // multipliers for the L1 test
            v[..n].copy_from_slice(&gradx);
            gemv_t(m, n, -1.0, &c, lda, &mult, 1.0, &mut v);
            f0 = funx;
            x0v.copy_from_slice(&sol);
            let gs = dot(&gradx, &s[..n]);
            h1 = gs.abs();
            h2 = 0.0;
            for j in 0..m {
                h2 += (-d[j]).max(eqd(&d, j));
                let am = mult[j].abs();
                mu[j] = am.max((mu[j] + am) / 2.0);
                h1 += am * d[j].abs();
            }
            if h1 < acc && h2 < acc && !badlin && !funx.is_nan() {
                break 'run 0;
            }
            h1 = 0.0;
            for j in 0..m {
                h1 += mu[j] * (-d[j]).max(eqd(&d, j));
            }
            let t0 = funx + h1;
            h3 = gs - h1 * h4;
            if h3 >= 0.0 {
                continue 'run;
            }
            // line search with the L1 merit function
            let mut line = 0;
            let mut alpha = 1.0;
            loop {
                line += 1;
                h3 *= alpha;
                for i in 0..n {
                    s[i] *= alpha;
                    sol[i] = x0v[i] + s[i];
                }
                clip(&sol, &mut xc);
                funx = sf.fun(&xc);
                cons.values(&xc, &mut d);
                cb!();
                if stopped {
                    break 'run 1;
                }
                let mut t = funx;
                for j in 0..m {
                    t += mu[j] * (-d[j]).max(eqd(&d, j));
                }
                h1 = t - t0;
                if !(h1 <= h3 / 10.0 || line > 10) {
                    alpha = (h3 / (2.0 * (h3 - h1))).max(0.1);
                    continue;
                }
                break;
            }
            h3 = 0.0;
            for j in 0..m {
                h3 += (-d[j]).max(eqd(&d, j));
            }
            if ((funx - f0).abs() < acc || nrm2(&s[..n]) < acc) && h3 < acc && !badlin && !funx.is_nan() {
                break 'run 0;
            }
            // gradient at the new point (mode -1)
            gradx.copy_from_slice(sf.grad(&xc));
            cons.normals(&xc, &mut c);
            // BFGS update of the LDL' factor
            u[..n].copy_from_slice(&gradx);
            gemv_t(m, n, -1.0, &c, lda, &mult, 1.0, &mut u);
            for i in 0..n {
                u[i] -= v[i];
            }
            v[..n].copy_from_slice(&s[..n]);
            // v = L^T v
            {
                let mut k = 0;
                for j in 0..n {
                    let mut t = v[j];
                    k += 1;
                    for i in j + 1..n {
                        t += bfgs[k] * v[i];
                        k += 1;
                    }
                    v[j] = t;
                }
            }
            let mut jd = 0;
            for i in 0..n {
                v[i] *= bfgs[jd];
                jd += n - i;
            }
            // v = L v
            {
                for j in (0..n).rev() {
                    let start = col_start(n, j);
                    let t = v[j];
                    for i in (j + 1..n).rev() {
                        v[i] += t * bfgs[start + (i - j)];
                    }
                }
            }
            h1 = dot(&s[..n], &u[..n]);
            h2 = dot(&s[..n], &v[..n]);
            h3 = 0.2 * h2;
            if h1 < h3 {
                h4 = (h2 - h3) / (h2 - h1);
                h1 = h3;
                let om = 1.0 - h4;
                for i in 0..n {
                    u[i] *= h4;
                    u[i] += om * v[i];
                }
            }
            if h1 == 0.0 || h2 == 0.0 {
                continue 'run;
            }
            ldl_update(n, &mut bfgs, &mut u, 1.0 / h1, &mut v);
            ldl_update(n, &mut bfgs, &mut v, -1.0 / h2, &mut u);
        }
    };
    // SciPy's driver calls the callback after the final return too
    if !stopped
        && iter > iter_prev
        && let Some(cbf) = callback.as_deref_mut()
    {
        stopped = cbf(&sol, funx);
    }
    let mut r = OptimizeResult::empty(n);
    r.x = sol;
    r.fun = funx;
    r.jac = gradx;
    r.nit = iter;
    r.nfev = sf.nfev;
    r.njev = sf.ngev;
    r.status = mode as i32;
    r.success = mode == 0;
    r.message = exit_message(mode).to_string();
    r.multipliers = mult[..m].to_vec();
    if stopped {
        super::stopped(&mut r);
    }
    r
}

/// Start of column `j` in the packed lower triangle of order `n`.
fn col_start(n: usize, j: usize) -> usize {
    j * n - (j * j.saturating_sub(1)) / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_columns() {
        // n = 3: columns start at 0, 3, 5
        assert_eq!([col_start(3, 0), col_start(3, 1), col_start(3, 2)], [0, 3, 5]);
    }

    #[test]
    fn nnls_small() {
        // min |A x - b|, x >= 0 with A = I: x = max(b, 0)
        let mut a = vec![1.0, 0.0, 0.0, 1.0];
        let mut b = vec![2.0, -1.0];
        let (x, rnorm, info) = nnls(2, 2, &mut a, &mut b, 6);
        assert_eq!(info, 1);
        assert!((x[0] - 2.0).abs() < 1e-15 && x[1] == 0.0);
        assert!((rnorm - 1.0).abs() < 1e-15);
    }

    #[test]
    fn ldp_small() {
        // min |x| s.t. x0 + x1 >= 2: x = (1, 1)
        let g = vec![1.0, 1.0];
        let h = vec![2.0];
        let mut x = vec![0.0; 2];
        let (mode, xnorm, _) = ldp(1, 2, &g, &h, &mut x);
        assert_eq!(mode, 1);
        assert!((x[0] - 1.0).abs() < 1e-14 && (x[1] - 1.0).abs() < 1e-14);
        assert!((xnorm - 2f64.sqrt()).abs() < 1e-14);
    }
}
