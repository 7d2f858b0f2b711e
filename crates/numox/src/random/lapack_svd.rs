//! The singular value decomposition behind `multivariate_normal(method=
//! 'svd')` (NumPy's default) and the legacy `RandomState.multivariate_normal`,
//! following the steps LAPACK's `dgesdd` (as NumPy calls it: `JOBZ='A'`)
//! takes for a square matrix: scaling (`dlange`/`dlascl`), Householder
//! bidiagonalisation (`dgebd2`, which `dgebrd` uses up to its crossover
//! `NX = 128`; above it LAPACK's blocked `dlabrd` gives the same reflectors
//! up to rounding), the bidiagonal SVD (`dbdsdc`: for `n <= 25` `dlasdq` →
//! `dbdsqr`, implicit zero-shift and shifted QR with `dlasv2`/`dlas2`/
//! `dlartg` rotations, then the sorts of all three routines; above, divide
//! and conquer in [`super::lapack_svd_dc`]) and the back-transformations
//! (`dormbr` → `dorm2r` / `dorml2`; LAPACK's blocked `dormqr`/`dormlq` for
//! `n > 32` apply the same reflectors up to rounding).
//!
//! Singular vectors are only defined up to sign (and, for equal singular
//! values, up to a rotation); taking LAPACK's steps gives LAPACK's choice,
//! so the draws agree with NumPy's to rounding. Only the order of the BLAS
//! sums (OpenBLAS kernels) may differ, which moves values by a few ulps.
//!
//! Matrices are column-major (`a[i + j * n]`), as in LAPACK.

// index-for-index port of LAPACK's loops: the indices are the algorithm
#![allow(clippy::needless_range_loop)]

use super::lapack_eigh::{dlarfg, dlartg, sign};

const EPS: f64 = f64::EPSILON * 0.5; // dlamch('E'): relative machine epsilon
const SAFMIN: f64 = f64::MIN_POSITIVE; // dlamch('S')

/// `dlarf('Left')` with `v = [1, v1..]`: `C = (I - tau v v^T) C` on the
/// block of `a` (leading dimension `n`) at rows `r0..r0+len(v)`, columns
/// `c0..c1`.
fn dlarf_left(a: &mut [f64], n: usize, v: &[f64], tau: f64, r0: usize, c0: usize, c1: usize) {
    if tau == 0.0 {
        return;
    }
    for j in c0..c1 {
        // w = C^T v (dgemv), then C -= tau v w^T (dger)
        let col = &mut a[r0 + j * n..r0 + j * n + v.len()];
        let w: f64 = col.iter().zip(v).fold(0.0, |s, (c, v)| s + c * v);
        let t = -tau * w;
        for (c, vi) in col.iter_mut().zip(v) {
            *c += vi * t;
        }
    }
}

/// `dlarf('Right')` with `v = [1, v1..]`: `C = C (I - tau v v^T)` on the
/// block of `a` at rows `r0..r1`, columns `c0..c0+len(v)`.
fn dlarf_right(a: &mut [f64], n: usize, v: &[f64], tau: f64, r0: usize, r1: usize, c0: usize) {
    if tau == 0.0 {
        return;
    }
    // w = C v (dgemv)
    let mut w = vec![0.0; r1 - r0];
    for (k, vk) in v.iter().enumerate() {
        let col = &a[(c0 + k) * n..];
        for (wi, i) in w.iter_mut().zip(r0..r1) {
            *wi += col[i] * vk;
        }
    }
    // C -= tau w v^T (dger)
    for (k, vk) in v.iter().enumerate() {
        let t = -tau * vk;
        let col = &mut a[(c0 + k) * n..];
        for (wi, i) in w.iter().zip(r0..r1) {
            col[i] += wi * t;
        }
    }
}

/// Householder bidiagonalisation of the square column-major `a`
/// (`dgebd2`, `M >= N`: upper bidiagonal). Returns `(d, e, tauq, taup)`;
/// the reflectors are left in `a` as LAPACK leaves them.
fn dgebd2(a: &mut [f64], n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n.saturating_sub(1)];
    let mut tauq = vec![0.0; n];
    let mut taup = vec![0.0; n];
    for i in 0..n {
        // H(i) annihilates A(i+1.., i)
        let (beta, tq) = dlarfg(a[i + i * n], &mut a[i + 1 + i * n..(i + 1) * n]);
        d[i] = beta;
        tauq[i] = tq;
        if i + 1 < n {
            let mut v = vec![1.0; n - i];
            v[1..].copy_from_slice(&a[i + 1 + i * n..(i + 1) * n]);
            dlarf_left(a, n, &v, tq, i, i + 1, n);
            // G(i) annihilates A(i, i+2..)
            let mut row: Vec<f64> = (i + 2..n).map(|j| a[i + j * n]).collect();
            let (beta, tp) = dlarfg(a[i + (i + 1) * n], &mut row);
            for (k, j) in (i + 2..n).enumerate() {
                a[i + j * n] = row[k];
            }
            e[i] = beta;
            taup[i] = tp;
            let mut v = vec![1.0; n - i - 1];
            v[1..].copy_from_slice(&row);
            dlarf_right(a, n, &v, tp, i + 1, n, i + 1);
        } else {
            taup[i] = 0.0;
        }
        a[i + i * n] = d[i];
        if i + 1 < n {
            a[i + (i + 1) * n] = e[i];
        }
    }
    (d, e, tauq, taup)
}

/// `dlas2`: the singular values `(ssmin, ssmax)` of `[[f, g], [0, h]]`.
fn dlas2(f: f64, g: f64, h: f64) -> (f64, f64) {
    let (fa, ga, ha) = (f.abs(), g.abs(), h.abs());
    let fhmn = fa.min(ha);
    let fhmx = fa.max(ha);
    if fhmn == 0.0 {
        let ssmax = if fhmx == 0.0 {
            ga
        } else {
            let (mx, mn) = (fhmx.max(ga), fhmx.min(ga));
            mx * (1.0 + (mn / mx) * (mn / mx)).sqrt()
        };
        (0.0, ssmax)
    } else if ga < fhmx {
        let as_ = 1.0 + fhmn / fhmx;
        let at = (fhmx - fhmn) / fhmx;
        let au = (ga / fhmx) * (ga / fhmx);
        let c = 2.0 / ((as_ * as_ + au).sqrt() + (at * at + au).sqrt());
        (fhmn * c, fhmx / c)
    } else {
        let au = fhmx / ga;
        if au == 0.0 {
            ((fhmn * fhmx) / ga, ga)
        } else {
            let as_ = 1.0 + fhmn / fhmx;
            let at = (fhmx - fhmn) / fhmx;
            let c = 1.0 / ((1.0 + (as_ * au) * (as_ * au)).sqrt() + (1.0 + (at * au) * (at * au)).sqrt());
            let ssmin = (fhmn * c) * au;
            (ssmin + ssmin, ga / (c + c))
        }
    }
}

/// `dlasv2`: the SVD of `[[f, g], [0, h]]`:
/// `(ssmin, ssmax, snr, csr, snl, csl)`.
fn dlasv2(f: f64, g: f64, h: f64) -> (f64, f64, f64, f64, f64, f64) {
    let (mut ft, mut fa, mut ht, mut ha) = (f, f.abs(), h, h.abs());
    let mut pmax = 1;
    let swap = ha > fa;
    if swap {
        pmax = 3;
        std::mem::swap(&mut ft, &mut ht);
        std::mem::swap(&mut fa, &mut ha);
    }
    let gt = g;
    let ga = gt.abs();
    let (mut ssmin, mut ssmax, mut clt, mut crt, mut slt, mut srt);
    if ga == 0.0 {
        ssmin = ha;
        ssmax = fa;
        clt = 1.0;
        crt = 1.0;
        slt = 0.0;
        srt = 0.0;
    } else {
        let mut gasmal = true;
        (ssmin, ssmax, clt, crt, slt, srt) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        if ga > fa {
            pmax = 2;
            if fa / ga < EPS {
                gasmal = false;
                ssmax = ga;
                ssmin = if ha > 1.0 { fa / (ga / ha) } else { (fa / ga) * ha };
                clt = 1.0;
                slt = ht / gt;
                srt = 1.0;
                crt = ft / gt;
            }
        }
        if gasmal {
            let d = fa - ha;
            let mut l = if d == fa { 1.0 } else { d / fa };
            let m = gt / ft;
            let mut t = 2.0 - l;
            let mm = m * m;
            let tt = t * t;
            let s = (tt + mm).sqrt();
            let r = if l == 0.0 { m.abs() } else { (l * l + mm).sqrt() };
            let a = 0.5 * (s + r);
            ssmin = ha / a;
            ssmax = fa * a;
            if mm == 0.0 {
                t = if l == 0.0 {
                    sign(2.0, ft) * sign(1.0, gt)
                } else {
                    gt / sign(d, ft) + m / t
                };
            } else {
                t = (m / (s + t) + m / (r + l)) * (1.0 + a);
            }
            l = (t * t + 4.0).sqrt();
            crt = 2.0 / l;
            srt = t / l;
            clt = (crt + srt * m) / a;
            slt = (ht / ft) * srt / a;
        }
    }
    let (csl, snl, csr, snr) = if swap {
        (srt, crt, slt, clt)
    } else {
        (clt, slt, crt, srt)
    };
    let tsign = match pmax {
        1 => sign(1.0, csr) * sign(1.0, csl) * sign(1.0, f),
        2 => sign(1.0, snr) * sign(1.0, csl) * sign(1.0, g),
        _ => sign(1.0, snr) * sign(1.0, snl) * sign(1.0, h),
    };
    ssmax = sign(ssmax, tsign);
    ssmin = sign(ssmin, tsign * sign(1.0, f) * sign(1.0, h));
    (ssmin, ssmax, snr, csr, snl, csl)
}

/// `dlasr('L', 'V', dir)`: plane rotations `j` (between rows `r0+j` and
/// `r0+j+1`, `j < cnt-1`) applied from the left to the first `ncols`
/// columns of `a` (leading dimension `ld`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn dlasr_rows(
    a: &mut [f64],
    ld: usize,
    ncols: usize,
    r0: usize,
    cnt: usize,
    c: &[f64],
    s: &[f64],
    forward: bool,
) {
    let mut apply = |j: usize| {
        let (ct, st) = (c[j], s[j]);
        if ct != 1.0 || st != 0.0 {
            for col in 0..ncols {
                let (p, q) = (r0 + j + col * ld, r0 + j + 1 + col * ld);
                let temp = a[q];
                a[q] = ct * temp - st * a[p];
                a[p] = st * temp + ct * a[p];
            }
        }
    };
    if forward {
        (0..cnt - 1).for_each(&mut apply);
    } else {
        (0..cnt - 1).rev().for_each(&mut apply);
    }
}

/// `dlasr('R', 'V', dir)`: plane rotations `j` (between columns `c0+j` and
/// `c0+j+1`) applied from the right to the first `nrows` rows of `a`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn dlasr_cols(
    a: &mut [f64],
    ld: usize,
    nrows: usize,
    c0: usize,
    cnt: usize,
    c: &[f64],
    s: &[f64],
    forward: bool,
) {
    let mut apply = |j: usize| {
        let (ct, st) = (c[j], s[j]);
        if ct != 1.0 || st != 0.0 {
            let (p, q) = ((c0 + j) * ld, (c0 + j + 1) * ld);
            for i in 0..nrows {
                let temp = a[q + i];
                a[q + i] = ct * temp - st * a[p + i];
                a[p + i] = st * temp + ct * a[p + i];
            }
        }
    };
    if forward {
        (0..cnt - 1).for_each(&mut apply);
    } else {
        (0..cnt - 1).rev().for_each(&mut apply);
    }
}

/// `drot` on rows `r1`, `r2` (first `ncols` columns) of the column-major `a`.
fn drot_rows(a: &mut [f64], ld: usize, ncols: usize, r1: usize, r2: usize, c: f64, s: f64) {
    for col in 0..ncols {
        let (x, y) = (a[r1 + col * ld], a[r2 + col * ld]);
        a[r1 + col * ld] = c * x + s * y;
        a[r2 + col * ld] = c * y - s * x;
    }
}

/// `drot` on columns `c1`, `c2` (first `nrows` rows) of the column-major `a`.
fn drot_cols(a: &mut [f64], ld: usize, nrows: usize, c1: usize, c2: usize, c: f64, s: f64) {
    for i in 0..nrows {
        let (x, y) = (a[i + c1 * ld], a[i + c2 * ld]);
        a[i + c1 * ld] = c * x + s * y;
        a[i + c2 * ld] = c * y - s * x;
    }
}

/// `dswap` of rows `r1`, `r2` (first `ncols` columns).
/// `dbdsdc`'s final selection sort of the singular values `d` to
/// decreasing order, swapping the columns of `u` and the rows of `vt`
/// (both `n x n`, column-major) alongside; LAPACK's exact swap sequence,
/// which the vector order (and so the draws) depends on for ties.
pub(crate) fn sort_decreasing(d: &mut [f64], u: &mut [f64], vt: &mut [f64], n: usize) {
    for i in 0..n - 1 {
        let mut kk = i;
        let mut p = d[i];
        for j in i + 1..n {
            if d[j] > p {
                kk = j;
                p = d[j];
            }
        }
        if kk != i {
            d[kk] = d[i];
            d[i] = p;
            swap_cols(u, n, n, i, kk);
            swap_rows(vt, n, n, i, kk);
        }
    }
}

pub(crate) fn swap_rows(a: &mut [f64], ld: usize, ncols: usize, r1: usize, r2: usize) {
    for col in 0..ncols {
        a.swap(r1 + col * ld, r2 + col * ld);
    }
}

/// `dswap` of columns `c1`, `c2` (first `nrows` rows).
pub(crate) fn swap_cols(a: &mut [f64], ld: usize, nrows: usize, c1: usize, c2: usize) {
    for i in 0..nrows {
        a.swap(i + c1 * ld, i + c2 * ld);
    }
}

/// `dbdsqr('U', n, ncvt=n, nru=n, ncc=0)` for `n >= 2`: the SVD of the upper
/// bidiagonal `(d, e)` by implicit (zero-shift or shifted) QR, the
/// rotations accumulated into `vt` (from the left) and `u` (from the right);
/// singular values made positive and sorted decreasing. `Err` if it did
/// not converge (LAPACK's INFO > 0).
#[allow(clippy::too_many_arguments)]
pub(crate) fn dbdsqr(
    d: &mut [f64],
    e: &mut [f64],
    n: usize,
    vt: &mut [f64],
    ldvt: usize,
    ncvt: usize,
    u: &mut [f64],
    ldu: usize,
    nru: usize,
) -> Result<(), ()> {
    const MAXITR: usize = 6;
    // 1-based indices below, as in the reference, via these accessors.
    macro_rules! dd {
        ($i:expr) => {
            d[$i - 1]
        };
    }
    macro_rules! ee {
        ($i:expr) => {
            e[$i - 1]
        };
    }
    let nm1 = n - 1;
    let (mut w1c, mut w1s) = (vec![0.0; nm1], vec![0.0; nm1]);
    let (mut w2c, mut w2s) = (vec![0.0; nm1], vec![0.0; nm1]);
    let tolmul = 10f64.max(100f64.min(EPS.powf(-0.125)));
    let tol = tolmul * EPS;
    let mut smax = 0.0f64;
    for i in 1..=n {
        smax = smax.max(dd!(i).abs());
    }
    for i in 1..n {
        smax = smax.max(ee!(i).abs());
    }
    // relative accuracy (tol >= 0)
    let mut sminoa = dd!(1).abs();
    if sminoa != 0.0 {
        let mut mu = sminoa;
        for i in 2..=n {
            mu = dd!(i).abs() * (mu / (mu + ee!(i - 1).abs()));
            sminoa = sminoa.min(mu);
            if sminoa == 0.0 {
                break;
            }
        }
    }
    sminoa /= (n as f64).sqrt();
    let unfl = SAFMIN;
    let thresh = (tol * sminoa).max(MAXITR as f64 * (n as f64 * (n as f64 * unfl)));
    let maxitdivn = MAXITR * n;
    let mut iterdivn = 0;
    let mut iter: isize = -1;
    let mut oldll: isize = -1;
    let mut oldm: isize = -1;
    let mut idir = 0;
    let mut m = n;
    let mut smin = 0.0f64;
    'main: loop {
        if m <= 1 {
            break;
        }
        if iter >= n as isize {
            iter -= n as isize;
            iterdivn += 1;
            if iterdivn >= maxitdivn {
                return Err(());
            }
        }
        // find the diagonal block to work on
        smax = dd!(m).abs();
        let mut ll = 0usize;
        let mut split = false;
        for lll in 1..m {
            ll = m - lll;
            let abss = dd!(ll).abs();
            let abse = ee!(ll).abs();
            if abse <= thresh || abse == 0.0 {
                split = true;
                break;
            }
            smax = smax.max(abss).max(abse);
        }
        if split {
            ee!(ll) = 0.0;
            if ll == m - 1 {
                // bottom singular value converged
                m -= 1;
                continue 'main;
            }
        } else {
            ll = 0;
        }
        ll += 1;
        // E(ll)..E(m-1) nonzero, E(ll-1) zero
        if ll == m - 1 {
            // 2 x 2 block
            let (sigmn, sigmx, sinr, cosr, sinl, cosl) = dlasv2(dd!(m - 1), ee!(m - 1), dd!(m));
            dd!(m - 1) = sigmx;
            ee!(m - 1) = 0.0;
            dd!(m) = sigmn;
            drot_rows(vt, ldvt, ncvt, m - 2, m - 1, cosr, sinr);
            drot_cols(u, ldu, nru, m - 2, m - 1, cosl, sinl);
            m -= 2;
            continue 'main;
        }
        // new submatrix: choose the shift direction
        if ll as isize > oldm || (m as isize) < oldll {
            idir = if dd!(ll).abs() >= dd!(m).abs() { 1 } else { 2 };
        }
        // convergence tests
        if idir == 1 {
            if ee!(m - 1).abs() <= tol.abs() * dd!(m).abs() {
                ee!(m - 1) = 0.0;
                continue 'main;
            }
            let mut mu = dd!(ll).abs();
            smin = mu;
            for lll in ll..m {
                if ee!(lll).abs() <= tol * mu {
                    ee!(lll) = 0.0;
                    continue 'main;
                }
                mu = dd!(lll + 1).abs() * (mu / (mu + ee!(lll).abs()));
                smin = smin.min(mu);
            }
        } else {
            if ee!(ll).abs() <= tol.abs() * dd!(ll).abs() {
                ee!(ll) = 0.0;
                continue 'main;
            }
            let mut mu = dd!(m).abs();
            smin = mu;
            for lll in (ll..m).rev() {
                if ee!(lll).abs() <= tol * mu {
                    ee!(lll) = 0.0;
                    continue 'main;
                }
                mu = dd!(lll).abs() * (mu / (mu + ee!(lll).abs()));
                smin = smin.min(mu);
            }
        }
        oldll = ll as isize;
        oldm = m as isize;
        // shift: zero if shifting would ruin relative accuracy
        let mut shift;
        if n as f64 * tol * (smin / smax) <= EPS.max(0.01 * tol) {
            shift = 0.0;
        } else {
            let sll;
            if idir == 1 {
                sll = dd!(ll).abs();
                shift = dlas2(dd!(m - 1), ee!(m - 1), dd!(m)).0;
            } else {
                sll = dd!(m).abs();
                shift = dlas2(dd!(ll), ee!(ll), dd!(ll + 1)).0;
            }
            if sll > 0.0 && (shift / sll) * (shift / sll) < EPS {
                shift = 0.0;
            }
        }
        iter += (m - ll) as isize;
        let cnt = m - ll + 1;
        if shift == 0.0 {
            if idir == 1 {
                // zero-shift QR, chasing the bulge top to bottom
                let (mut cs, mut oldcs) = (1.0, 1.0);
                let mut oldsn = 0.0;
                let (mut sn, mut r);
                for i in ll..m {
                    (cs, sn, r) = dlartg(dd!(i) * cs, ee!(i));
                    if i > ll {
                        ee!(i - 1) = oldsn * r;
                    }
                    let (c2, s2, r2) = dlartg(oldcs * r, dd!(i + 1) * sn);
                    (oldcs, oldsn, dd!(i)) = (c2, s2, r2);
                    w1c[i - ll] = cs;
                    w1s[i - ll] = sn;
                    w2c[i - ll] = oldcs;
                    w2s[i - ll] = oldsn;
                }
                let h = dd!(m) * cs;
                dd!(m) = h * oldcs;
                ee!(m - 1) = h * oldsn;
                dlasr_rows(vt, ldvt, ncvt, ll - 1, cnt, &w1c, &w1s, true);
                dlasr_cols(u, ldu, nru, ll - 1, cnt, &w2c, &w2s, true);
                if ee!(m - 1).abs() <= thresh {
                    ee!(m - 1) = 0.0;
                }
            } else {
                // zero-shift QR, bottom to top
                let (mut cs, mut oldcs) = (1.0, 1.0);
                let mut oldsn = 0.0;
                let (mut sn, mut r);
                for i in (ll + 1..=m).rev() {
                    (cs, sn, r) = dlartg(dd!(i) * cs, ee!(i - 1));
                    if i < m {
                        ee!(i) = oldsn * r;
                    }
                    let (c2, s2, r2) = dlartg(oldcs * r, dd!(i - 1) * sn);
                    (oldcs, oldsn, dd!(i)) = (c2, s2, r2);
                    w1c[i - ll - 1] = cs;
                    w1s[i - ll - 1] = -sn;
                    w2c[i - ll - 1] = oldcs;
                    w2s[i - ll - 1] = -oldsn;
                }
                let h = dd!(ll) * cs;
                dd!(ll) = h * oldcs;
                ee!(ll) = h * oldsn;
                dlasr_rows(vt, ldvt, ncvt, ll - 1, cnt, &w2c, &w2s, false);
                dlasr_cols(u, ldu, nru, ll - 1, cnt, &w1c, &w1s, false);
                if ee!(ll).abs() <= thresh {
                    ee!(ll) = 0.0;
                }
            }
        } else if idir == 1 {
            // shifted QR, top to bottom
            let mut f = (dd!(ll).abs() - shift) * (sign(1.0, dd!(ll)) + shift / dd!(ll));
            let mut g = ee!(ll);
            for i in ll..m {
                let (cosr, sinr, r) = dlartg(f, g);
                if i > ll {
                    ee!(i - 1) = r;
                }
                f = cosr * dd!(i) + sinr * ee!(i);
                ee!(i) = cosr * ee!(i) - sinr * dd!(i);
                g = sinr * dd!(i + 1);
                dd!(i + 1) *= cosr;
                let (cosl, sinl, r) = dlartg(f, g);
                dd!(i) = r;
                f = cosl * ee!(i) + sinl * dd!(i + 1);
                dd!(i + 1) = cosl * dd!(i + 1) - sinl * ee!(i);
                if i < m - 1 {
                    g = sinl * ee!(i + 1);
                    ee!(i + 1) *= cosl;
                }
                w1c[i - ll] = cosr;
                w1s[i - ll] = sinr;
                w2c[i - ll] = cosl;
                w2s[i - ll] = sinl;
            }
            ee!(m - 1) = f;
            dlasr_rows(vt, ldvt, ncvt, ll - 1, cnt, &w1c, &w1s, true);
            dlasr_cols(u, ldu, nru, ll - 1, cnt, &w2c, &w2s, true);
            if ee!(m - 1).abs() <= thresh {
                ee!(m - 1) = 0.0;
            }
        } else {
            // shifted QR, bottom to top
            let mut f = (dd!(m).abs() - shift) * (sign(1.0, dd!(m)) + shift / dd!(m));
            let mut g = ee!(m - 1);
            for i in (ll + 1..=m).rev() {
                let (cosr, sinr, r) = dlartg(f, g);
                if i < m {
                    ee!(i) = r;
                }
                f = cosr * dd!(i) + sinr * ee!(i - 1);
                ee!(i - 1) = cosr * ee!(i - 1) - sinr * dd!(i);
                g = sinr * dd!(i - 1);
                dd!(i - 1) *= cosr;
                let (cosl, sinl, r) = dlartg(f, g);
                dd!(i) = r;
                f = cosl * ee!(i - 1) + sinl * dd!(i - 1);
                dd!(i - 1) = cosl * dd!(i - 1) - sinl * ee!(i - 1);
                if i > ll + 1 {
                    g = sinl * ee!(i - 2);
                    ee!(i - 2) *= cosl;
                }
                w1c[i - ll - 1] = cosr;
                w1s[i - ll - 1] = -sinr;
                w2c[i - ll - 1] = cosl;
                w2s[i - ll - 1] = -sinl;
            }
            ee!(ll) = f;
            if ee!(ll).abs() <= thresh {
                ee!(ll) = 0.0;
            }
            dlasr_rows(vt, ldvt, ncvt, ll - 1, cnt, &w2c, &w2s, false);
            dlasr_cols(u, ldu, nru, ll - 1, cnt, &w1c, &w1s, false);
        }
    }
    // make the singular values positive (flipping rows of VT)
    for i in 0..n {
        if d[i] == 0.0 {
            d[i] = 0.0;
        }
        if d[i] < 0.0 {
            d[i] = -d[i];
            for col in 0..ncvt {
                vt[i + col * ldvt] = -vt[i + col * ldvt];
            }
        }
    }
    // sort decreasing: move the (last) smallest of d[..n-i] to the end
    for i in 1..n {
        let top = n - i; // 0-based end position
        let mut isub = 0;
        let mut smin = d[0];
        for j in 1..=top {
            if d[j] <= smin {
                isub = j;
                smin = d[j];
            }
        }
        if isub != top {
            d[isub] = d[top];
            d[top] = smin;
            swap_rows(vt, ldvt, ncvt, isub, top);
            swap_cols(u, ldu, nru, isub, top);
        }
    }
    let _ = smin;
    Ok(())
}

/// `dbdsdc('U', 'I')` for `n <= SMLSIZ`: `U = VT = I`, `dlasdq`
/// (`dbdsqr` then an ascending selection sort), then `dbdsdc`'s own
/// descending selection sort. Returns `(u, vt)` column-major.
fn dbdsdc(d: &mut [f64], e: &mut [f64], n: usize) -> Result<(Vec<f64>, Vec<f64>), ()> {
    let mut u = vec![0.0; n * n];
    let mut vt = vec![0.0; n * n];
    if n == 1 {
        u[0] = sign(1.0, d[0]);
        vt[0] = 1.0;
        d[0] = d[0].abs();
        return Ok((u, vt));
    }
    for i in 0..n {
        u[i + i * n] = 1.0;
        vt[i + i * n] = 1.0;
    }
    dbdsqr(d, e, n, &mut vt, n, n, &mut u, n, n)?;
    // dlasdq: ascending order, one transposition per position
    for i in 0..n {
        let mut isub = i;
        let mut smin = d[i];
        for j in i + 1..n {
            if d[j] < smin {
                isub = j;
                smin = d[j];
            }
        }
        if isub != i {
            d[isub] = d[i];
            d[i] = smin;
            swap_rows(&mut vt, n, n, isub, i);
            swap_cols(&mut u, n, n, isub, i);
        }
    }
    sort_decreasing(d, &mut u, &mut vt, n);
    Ok((u, vt))
}

/// The full SVD `a = U diag(s) VT` of the square column-major `a`
/// by `dgesdd('A')`'s steps: `(s, u, vt)`, `s`
/// decreasing, `u` and `vt` column-major. A matrix with an infinity gives
/// NaN singular values (as LAPACK's scaling does); `None` if `a` holds a
/// NaN or the iteration did not converge (NumPy raises LinAlgError "SVD
/// did not converge").
pub(crate) fn dgesdd_square(a: &[f64], n: usize) -> Option<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    if n == 0 {
        return Some((Vec::new(), Vec::new(), Vec::new()));
    }
    let mut a = a.to_vec();
    // dlange('M')
    let mut anrm = 0.0f64;
    for &v in &a {
        if v.is_nan() {
            return None;
        }
        anrm = anrm.max(v.abs());
    }
    if anrm.is_infinite() {
        // dlascl by 0 * inf: the whole computation runs on NaNs
        let mut eye = vec![0.0; n * n];
        for i in 0..n {
            eye[i + i * n] = 1.0;
        }
        return Some((vec![f64::NAN; n], eye.clone(), eye));
    }
    // scale to [smlnum, bignum] (dlascl 'G')
    let smlnum = SAFMIN.sqrt() / f64::EPSILON; // dlamch('P') = eps * base
    let bignum = 1.0 / smlnum;
    let mut target = 0.0;
    if anrm > 0.0 && anrm < smlnum {
        target = smlnum;
    } else if anrm > bignum {
        target = bignum;
    }
    if target != 0.0 {
        let mul = target / anrm;
        a.iter_mut().for_each(|v| *v *= mul);
    }
    // path 5 (M >= N, not M >> N; also right for n = 1): dgebrd → dgebd2
    let (mut d, mut e, tauq, taup) = dgebd2(&mut a, n);
    let (mut u, mut vt) = if n <= super::lapack_svd_dc::SMLSIZ {
        dbdsdc(&mut d, &mut e, n).ok()?
    } else {
        super::lapack_svd_dc::dbdsdc_dc(&mut d, &mut e, n).ok()?
    };
    // dormbr('Q', 'L', 'N') → dorm2r: U = H(0) H(1) ... H(n-1) U
    for i in (0..n).rev() {
        let mut v = vec![1.0; n - i];
        v[1..].copy_from_slice(&a[i + 1 + i * n..(i + 1) * n]);
        dlarf_left(&mut u, n, &v, tauq[i], i, 0, n);
    }
    // dormbr('P', 'R', 'T') → dorml2('R', 'N') on VT(:, 1..): VT = VT G(n-2) ... G(0)
    for i in (0..n.saturating_sub(1)).rev() {
        let mut v = vec![1.0; n - i - 1];
        for (k, j) in (i + 2..n).enumerate() {
            v[k + 1] = a[i + j * n];
        }
        dlarf_right(&mut vt, n, &v, taup[i], 0, n, i + 1);
    }
    if target != 0.0 {
        let mul = anrm / target;
        d.iter_mut().for_each(|v| *v *= mul);
    }
    Some((d, u, vt))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reconstructs(c: &[f64], n: usize) {
        let (s, u, vt) = dgesdd_square(c, n).unwrap();
        for w in s.windows(2) {
            assert!(w[0] >= w[1]);
        }
        let scale = c.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-300);
        for i in 0..n {
            for j in 0..n {
                let r: f64 = (0..n).map(|k| u[i + k * n] * s[k] * vt[k + j * n]).sum();
                // 1e-13: a few ulps of rounding per step on entries of size `scale`
                assert!((r - c[i + j * n]).abs() <= 1e-13 * scale, "{i} {j} {r}");
            }
        }
    }

    #[test]
    fn svd_reconstructs() {
        reconstructs(&[4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 2.0], 3);
        reconstructs(&[1.0, 2.0, 2.0, 1.0], 2); // indefinite
        reconstructs(&[1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 2.0], 3); // tie
        reconstructs(&[0.0; 9], 3);
        reconstructs(&[1e-200, 3e-201, 3e-201, 2e-200], 2); // scaled up
        reconstructs(&[1e200, 3e199, 3e199, 2e200], 2); // scaled down
        let c: Vec<f64> = (0..25 * 25)
            .map(|k| ((k * 7919) % 101) as f64 / 50.0 - 1.0)
            .collect();
        reconstructs(&c, 25);
        // divide and conquer (n > 25): one and two levels of the tree, a
        // split bidiagonal, deflation by ties and by small z
        for n in [26, 37, 51, 60, 90] {
            let c: Vec<f64> = (0..n * n)
                .map(|k| ((k * 7919 + n) % 211) as f64 / 100.0 - 1.0)
                .collect();
            reconstructs(&c, n);
            let mut sym = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    sym[i + j * n] = c[i + j * n] + c[j + i * n];
                }
            }
            reconstructs(&sym, n);
        }
        let mut diag = vec![0.0; 40 * 40];
        for i in 0..40 {
            diag[i + i * 40] = [1.0, 2.0, 2.0, 3.0][i % 4];
        }
        reconstructs(&diag, 40); // ties: deflation by close singular values
        let mut rank1 = vec![0.0; 30 * 30];
        for i in 0..30 {
            for j in 0..30 {
                rank1[i + j * 30] = (i as f64 + 1.0) * (j as f64 - 7.5);
            }
        }
        reconstructs(&rank1, 30); // deflation by small z
        let mut block = vec![0.0; 52 * 52]; // two independent blocks: split
        for i in 0..52 {
            for j in 0..52 {
                if (i < 26) == (j < 26) {
                    block[i + j * 52] = 1.0 / (1.0 + (i as f64 - j as f64).abs());
                }
            }
        }
        reconstructs(&block, 52);
    }

    #[test]
    fn multivariate_normal_svd_limits() {
        use crate::array::Array;
        use crate::random::{RandomState, default_rng};
        // a transposed (non-contiguous) cov is read by value
        let c = Array::from_shape_vec(&[2, 2], vec![2.0, 0.5, 0.5, 1.0]).unwrap();
        let a = default_rng(3)
            .multivariate_normal(&[0.0, 0.0], &c.t(), 4, "svd")
            .unwrap();
        let b = default_rng(3)
            .multivariate_normal(&[0.0, 0.0], &c, 4, "svd")
            .unwrap();
        assert_eq!(a, b);
        let a = RandomState::new(3)
            .multivariate_normal(&[0.0, 0.0], &c.t(), 4, "warn", 1e-8)
            .unwrap();
        let b = RandomState::new(3)
            .multivariate_normal(&[0.0, 0.0], &c, 4, "warn", 1e-8)
            .unwrap();
        assert_eq!(a, b);
        // n > 25 (divide and conquer): both samplers draw, and agree on the
        // factor (same standard normals are not shared, so only shapes here)
        let mut big = Array::<f64>::zeros(&[26, 26]);
        for i in 0..26 {
            big[[i, i]] = 1.0 + i as f64;
        }
        let x = RandomState::new(3)
            .multivariate_normal(&[0.0; 26], &big, 2, "raise", 1e-8)
            .unwrap();
        assert_eq!(x.shape(), &[2, 26]);
        let x = default_rng(3)
            .multivariate_normal(&[0.0; 26], &big, 2, "svd")
            .unwrap();
        assert_eq!(x.shape(), &[2, 26]);
        // NaN: NumPy's LinAlgError; empty mean: NumPy's reshape error
        let nan = Array::from_shape_vec(&[2, 2], vec![1.0, 0.0, 0.0, f64::NAN]).unwrap();
        assert!(
            RandomState::new(3)
                .multivariate_normal(&[0.0, 0.0], &nan, 2, "ignore", 1e-8)
                .is_err()
        );
        let e0 = Array::<f64>::zeros(&[0, 0]);
        assert!(
            RandomState::new(3)
                .multivariate_normal(&[], &e0, 2, "warn", 1e-8)
                .is_err()
        );
        // zero-size output draws nothing
        let mut rs = RandomState::new(3);
        let x = rs
            .multivariate_normal(&[0.0, 0.0], &c, [0], "warn", 1e-8)
            .unwrap();
        assert_eq!(x.shape(), &[0, 2]);
        assert_eq!(rs, RandomState::new(3));
    }

    #[test]
    fn small_and_degenerate() {
        assert_eq!(
            dgesdd_square(&[-2.0], 1),
            Some((vec![2.0], vec![-1.0], vec![1.0]))
        );
        assert_eq!(dgesdd_square(&[], 0), Some((vec![], vec![], vec![])));
        assert!(dgesdd_square(&[f64::NAN, 0.0, 0.0, 1.0], 2).is_none());
        assert!(dgesdd_square(&[f64::INFINITY, 0.0, 0.0, 1.0], 2).unwrap().0[0].is_nan());
        assert_eq!(dlas2(3.0, 0.0, 4.0), (3.0, 4.0));
        // above SMLSIZ LAPACK divides and conquers: a zero matrix gives
        // zero singular values and identity vectors
        let (s, u, _) = super::super::generator_dists::mvn_svd(&[0.0; 26 * 26], 26).unwrap();
        assert!(s.iter().all(|&v| v == 0.0));
        assert_eq!(u[0], 1.0);
        let (smin, smax, ..) = dlasv2(3.0, 0.0, -4.0);
        assert_eq!((smin.abs(), smax.abs()), (3.0, 4.0));
    }
}
