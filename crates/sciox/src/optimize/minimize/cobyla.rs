//! COBYLA (`minimize(method='COBYLA')`): Powell's Constrained Optimization
//! BY Linear Approximations as SciPy 1.17 runs it, i.e. Zaikun Zhang's
//! PRIMA version (`scipy/_lib/pyprima/cobyla`): the same simplex updates,
//! trust-region subproblem (`trstlp`), penalty updates, geometry steps and
//! filter selection of the returned point. Written from the algorithm's
//! description in those sources.
//!
//! Matrices are stored as columns (`sim`, `conmat`, the constraint
//! gradients `A`, `z`) or rows (`simi`), as the algorithm uses them.

// The loops keep PRIMA's index arithmetic (several arrays per index), and
// the negated comparisons are deliberate: they are true for NaN, as PRIMA's.
#![allow(clippy::needless_range_loop, clippy::neg_cmp_op_on_partial_ord)]

use super::constraints::{Constraint, ConstraintType, LinearConstraint};
use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;
use crate::{Error, Result};

const REALMAX: f64 = f64::MAX;
const REALMIN: f64 = f64::MIN_POSITIVE;
const EPS: f64 = f64::EPSILON;
const FUNCMAX: f64 = 1e30;
const CONSTRMAX: f64 = FUNCMAX;
/// Any bound at least this large in magnitude is no bound.
pub(crate) const BOUNDMAX: f64 = REALMAX / 4.0;

/// PRIMA's exit flags (`common/infos.py`).
pub(crate) const INFO_DEFAULT: i32 = 0;
pub(crate) const SMALL_TR_RADIUS: i32 = 0;
pub(crate) const FTARGET_ACHIEVED: i32 = 1;
const MAXFUN_REACHED: i32 = 3;
const MAXTR_REACHED: i32 = 20;
const NAN_INF_X: i32 = -1;
const NAN_INF_F: i32 = -2;
const DAMAGING_ROUNDING: i32 = 7;
pub(crate) const CALLBACK_TERMINATE: i32 = 30;

/// PRIMA's `get_info_string`.
pub(crate) fn info_string(info: i32) -> String {
    let reason = match info {
        FTARGET_ACHIEVED => "the target function value is achieved.",
        MAXFUN_REACHED => "the objective function has been evaluated MAXFUN times.",
        MAXTR_REACHED => "the maximal number of trust region iterations has been reached.",
        SMALL_TR_RADIUS => "the trust region radius reaches its lower bound.",
        2 => "a trust region step has failed to reduce the quadratic model.",
        NAN_INF_X => "NaN or Inf occurs in x.",
        NAN_INF_F => "the objective function returns NaN/+Inf.",
        -3 => "NaN or Inf occurs in the models.",
        DAMAGING_ROUNDING => "rounding errors are becoming damaging.",
        6 => "there is no space between the lower and upper bounds of variable.",
        8 => "one of the linear constraints has a zero gradient",
        CALLBACK_TERMINATE => "the callback function requested termination",
        _ => "UNKNOWN EXIT FLAG",
    };
    format!("Return from COBYLA because {reason}")
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn sumsq(a: &[f64]) -> f64 {
    dot(a, a)
}

fn norm(a: &[f64]) -> f64 {
    sumsq(a).sqrt()
}

/// `np.max(np.append(0, v))`: NaN if any entry is NaN.
fn max0<I: IntoIterator<Item = f64>>(v: I) -> f64 {
    let mut m = 0.0f64;
    for x in v {
        if x.is_nan() {
            return f64::NAN;
        }
        if x > m {
            m = x;
        }
    }
    m
}

/// `np.maximum(a, b)` / `np.minimum(a, b)`: NaN-propagating.
fn npmax(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

fn npmin(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.min(b)
    }
}

/// PRIMA's `isminor`: `x` is negligible compared with `ref`.
fn isminor(x: f64, r: f64) -> bool {
    let sens = 0.1;
    let refa = r.abs() + sens * x.abs();
    let refb = r.abs() + 2.0 * sens * x.abs();
    r.abs() >= refa || refa >= refb
}

fn sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// PRIMA's `planerot`: `(c, s)` of the Givens rotation `[[c, s], [-s, c]]`
/// that maps `x` to `[r, 0]`.
fn planerot(x0: f64, x1: f64) -> (f64, f64) {
    if x0.is_nan() || x1.is_nan() {
        (1.0, 0.0)
    } else if x0.is_infinite() && x1.is_infinite() {
        (sign(x0) / 2f64.sqrt(), sign(x1) / 2f64.sqrt())
    } else if x0.abs() <= 0.0 && x1.abs() <= 0.0 {
        (1.0, 0.0)
    } else if x1.abs() <= EPS * x0.abs() {
        (sign(x0), 0.0)
    } else if x0.abs() <= EPS * x1.abs() {
        (0.0, sign(x1))
    } else {
        let lo = REALMIN.sqrt();
        let hi = (REALMAX / 2.1).sqrt();
        let ok = |v: f64| lo < v.abs() && v.abs() < hi;
        if ok(x0) && ok(x1) {
            let r = (x0 * x0 + x1 * x1).sqrt();
            (x0 / r, x1 / r)
        } else if x0.abs() > x1.abs() {
            let t = x1 / x0;
            let u = 1f64.max(t.abs()).max((1.0 + t * t).sqrt()) * sign(x0);
            (1.0 / u, t / u)
        } else {
            let t = x0 / x1;
            let u = 1f64.max(t.abs()).max((1.0 + t * t).sqrt()) * sign(x1);
            (t / u, 1.0 / u)
        }
    }
}

/// Least-squares solution of `min ||sum_k x_k cols[k] - b||` (NumPy's
/// `lstsq`; minimum norm when the columns are dependent), by Householder
/// QR with column pivoting.
fn lstsq(cols: &[&[f64]], b: &[f64]) -> Vec<f64> {
    let k = cols.len();
    let m = b.len();
    if k == 0 {
        return Vec::new();
    }
    // work on A (m×k) column-major
    let mut a: Vec<Vec<f64>> = cols.iter().map(|c| c.to_vec()).collect();
    let mut rhs = b.to_vec();
    let mut perm: Vec<usize> = (0..k).collect();
    let steps = m.min(k);
    let scale = a
        .iter()
        .flat_map(|c| c.iter())
        .fold(0.0f64, |s, v| s.max(v.abs()));
    let tol = scale * (m.max(k) as f64) * EPS;
    let mut rank = 0;
    for j in 0..steps {
        // pivot: largest remaining column norm
        let mut best = j;
        let mut bn = -1.0;
        for (c, col) in a.iter().enumerate().skip(j) {
            let s = sumsq(&col[j..]);
            if s > bn {
                bn = s;
                best = c;
            }
        }
        a.swap(j, best);
        perm.swap(j, best);
        let alpha = sumsq(&a[j][j..]).sqrt();
        if alpha <= tol {
            break;
        }
        rank += 1;
        let beta = if a[j][j] > 0.0 { -alpha } else { alpha };
        let mut v = a[j][j..].to_vec();
        v[0] -= beta;
        let vv = sumsq(&v);
        if vv > 0.0 {
            for col in a.iter_mut().skip(j) {
                let s = 2.0 * dot(&v, &col[j..]) / vv;
                for (i, vi) in v.iter().enumerate() {
                    col[j + i] -= s * vi;
                }
            }
            let s = 2.0 * dot(&v, &rhs[j..]) / vv;
            for (i, vi) in v.iter().enumerate() {
                rhs[j + i] -= s * vi;
            }
        }
    }
    let mut y = vec![0.0; k];
    if rank == k {
        for i in (0..k).rev() {
            let mut s = rhs[i];
            for c in i + 1..k {
                s -= a[c][i] * y[c];
            }
            y[i] = s / a[i][i];
        }
    } else {
        // rank deficient: minimum-norm solution of R11 y1 + R12 y2 = rhs1
        // via the normal equations of the r×k upper-trapezoidal system
        let r = rank;
        // T = [R11 R12] (r×k); solve min ||y|| s.t. T y = c: y = T^T (T T^T)^{-1} c
        let t = |i: usize, c: usize| if c >= i { a[c][i] } else { 0.0 };
        let mut g = vec![0.0; r * r];
        for i in 0..r {
            for j in 0..r {
                g[i * r + j] = (0..k).map(|c| t(i, c) * t(j, c)).sum();
            }
        }
        let w = solve_dense(&g, &rhs[..r], r).unwrap_or_else(|| vec![0.0; r]);
        for (c, yc) in y.iter_mut().enumerate() {
            *yc = (0..r).map(|i| t(i, c) * w[i]).sum();
        }
    }
    let mut x = vec![0.0; k];
    for (j, &p) in perm.iter().enumerate() {
        x[p] = y[j];
    }
    x
}

/// LU factorisation with partial pivoting of the row-major `n×n` `a` in
/// place (multipliers below the diagonal, whole rows swapped as LAPACK's
/// `getrf` does); returns the row permutation, `None` at a zero pivot.
/// `strict` (`gesv`'s rules, for [`inv_cols`]): a NaN pivot is singular
/// too and every multiplier is applied; otherwise (plain Gaussian
/// elimination, for [`solve_dense`]) zero multipliers are skipped.
fn lu_factor(a: &mut [f64], n: usize, strict: bool) -> Option<Vec<usize>> {
    let mut piv: Vec<usize> = (0..n).collect();
    for j in 0..n {
        let mut p = j;
        for i in j + 1..n {
            if a[i * n + j].abs() > a[p * n + j].abs() {
                p = i;
            }
        }
        if a[p * n + j] == 0.0 || (strict && a[p * n + j].is_nan()) {
            return None;
        }
        if p != j {
            for c in 0..n {
                a.swap(j * n + c, p * n + c);
            }
            piv.swap(j, p);
        }
        for i in j + 1..n {
            let f = a[i * n + j] / a[j * n + j];
            a[i * n + j] = f;
            if strict || f != 0.0 {
                for c in j + 1..n {
                    a[i * n + c] -= f * a[j * n + c];
                }
            }
        }
    }
    Some(piv)
}

/// Solves `L U y = b` (`b` already permuted) in place with the factors of
/// [`lu_factor`] (same `strict`).
fn lu_solve_in_place(a: &[f64], n: usize, y: &mut [f64], strict: bool) {
    for i in 0..n {
        for c in 0..i {
            let f = a[i * n + c];
            if strict || f != 0.0 {
                y[i] -= f * y[c];
            }
        }
    }
    for i in (0..n).rev() {
        for c in i + 1..n {
            y[i] -= a[i * n + c] * y[c];
        }
        y[i] /= a[i * n + i];
    }
}

/// Solves the dense `n×n` row-major system `g w = c` by Gaussian
/// elimination with partial pivoting; `None` if singular.
fn solve_dense(g: &[f64], c: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut a = g.to_vec();
    let piv = lu_factor(&mut a, n, false)?;
    let mut w: Vec<f64> = piv.iter().map(|&p| c[p]).collect();
    lu_solve_in_place(&a, n, &mut w, false);
    Some(w)
}

/// Inverse of the `n×n` matrix given by its columns, as rows of the
/// inverse (LU with partial pivoting, as LAPACK's `gesv`); `None` if
/// singular.
fn inv_cols(cols: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let n = cols.len();
    let mut a = vec![0.0; n * n];
    for (j, c) in cols.iter().enumerate() {
        for i in 0..n {
            a[i * n + j] = c[i];
        }
    }
    let mut out = vec![vec![0.0; n]; n];
    // solve A X = I column by column, reusing one factorisation
    let piv = lu_factor(&mut a, n, true)?;
    for col in 0..n {
        // e_col permuted
        let mut y: Vec<f64> = piv.iter().map(|&p| if p == col { 1.0 } else { 0.0 }).collect();
        lu_solve_in_place(&a, n, &mut y, true);
        for i in 0..n {
            out[i][col] = y[i];
        }
    }
    Some(out)
}

/// `max |simi @ sim[:, :n] - I|` (NaN if any entry is NaN).
fn inv_error(simi: &[Vec<f64>], sim: &[Vec<f64>], n: usize) -> f64 {
    let mut e = 0.0f64;
    for (i, row) in simi.iter().enumerate() {
        for (j, col) in sim.iter().take(n).enumerate() {
            let v = (dot(row, col) - if i == j { 1.0 } else { 0.0 }).abs();
            if v.is_nan() {
                return f64::NAN;
            }
            e = e.max(v);
        }
    }
    e
}

/// Recomputes `simi` from `sim` when the updated inverse has drifted;
/// returns the final error.
fn refresh_inverse(simi: &mut Vec<Vec<f64>>, sim: &[Vec<f64>], n: usize) -> f64 {
    let mut erri = inv_error(simi, sim, n);
    if erri > 0.1 || erri.is_nan() {
        if let Some(t) = inv_cols(&sim[..n]) {
            let et = inv_error(&t, sim, n);
            if et < erri || (erri.is_nan() && !et.is_nan()) {
                *simi = t;
                erri = et;
            }
        }
    }
    erri
}

// ---------------------------------------------------------------------------
// trust-region subproblem (trustregion.py)

/// PRIMA's `qradd_Rdiag`: adds column `c` to the QR factorisation held in
/// `q` (columns) and `rdiag`; `n` is the number of active columns.
fn qradd_rdiag(c: &[f64], q: &mut [Vec<f64>], rdiag: &mut [f64], n: &mut usize) {
    let m = q.len();
    let mut cq: Vec<f64> = q.iter().map(|col| dot(c, col)).collect();
    let cqa: Vec<f64> = q
        .iter()
        .map(|col| col.iter().zip(c).map(|(a, b)| a.abs() * b.abs()).sum())
        .collect();
    for (v, va) in cq.iter_mut().zip(&cqa) {
        if isminor(*v, *va) {
            *v = 0.0;
        }
    }
    if m >= 2 {
        let mut k = m - 2;
        loop {
            if k < *n {
                break;
            }
            if cq[k + 1].abs() > 0.0 {
                let (cs, sn) = planerot(cq[k], cq[k + 1]);
                let (qa, qb) = (q[k].clone(), q[k + 1].clone());
                for i in 0..qa.len() {
                    q[k][i] = cs * qa[i] + sn * qb[i];
                    q[k + 1][i] = -sn * qa[i] + cs * qb[i];
                }
                cq[k] = cq[k].hypot(cq[k + 1]);
            }
            if k == 0 {
                break;
            }
            k -= 1;
        }
    }
    if *n < m && cq[*n].abs() > EPS * EPS && !isminor(cq[*n], cqa[*n]) {
        *n += 1;
    }
    if *n >= 1 && *n - 1 < m {
        rdiag[*n - 1] = cq[*n - 1];
    }
}

/// PRIMA's `qrexc_Rdiag`: moves active column `i` (of the `acols`) to the
/// end of the factorisation.
fn qrexc_rdiag(acols: &[&[f64]], q: &mut [Vec<f64>], rdiag: &mut [f64], i: usize) {
    let n = acols.len();
    if i >= n {
        return;
    }
    for k in i..n - 1 {
        let (cs, sn) = planerot(rdiag[k + 1], dot(&q[k], acols[k + 1]));
        let (qa, qb) = (q[k].clone(), q[k + 1].clone());
        for r in 0..qa.len() {
            q[k][r] = cs * qb[r] + sn * qa[r];
            q[k + 1][r] = -sn * qb[r] + cs * qa[r];
        }
    }
    for k in i..n - 1 {
        rdiag[k] = dot(&q[k], acols[k + 1]);
    }
    rdiag[n - 1] = dot(&q[n - 1], acols[i]);
}

struct TrState {
    iact: Vec<usize>,
    nact: usize,
    d: Vec<f64>,
    vmultc: Vec<f64>,
    z: Vec<Vec<f64>>,
}

/// PRIMA's `trstlp`: the step minimising the linearised constraint
/// violation, then the linearised objective, inside the ball of radius
/// `delta`. `a` holds the constraint gradients as columns, the
/// constraints being `a[c]·d <= b[c]`.
fn trstlp(a: &[Vec<f64>], b: &[f64], delta: f64, g: &[f64]) -> Vec<f64> {
    let m = a.len();
    let n = g.len();
    let mut a_aug: Vec<Vec<f64>> = a.to_vec();
    a_aug.push(g.to_vec());
    let mut b_aug = b.to_vec();
    b_aug.push(0.0);
    for i in 0..=m {
        let maxval = a_aug[i].iter().fold(f64::NEG_INFINITY, |s, v| {
            if s.is_nan() || v.is_nan() {
                f64::NAN
            } else {
                s.max(v.abs())
            }
        });
        if maxval > 1e12 {
            let modscal = (2.0 * REALMIN).max(1.0 / maxval);
            for v in a_aug[i].iter_mut() {
                *v *= modscal;
            }
            b_aug[i] *= modscal;
        }
    }
    let mut st = TrState {
        iact: vec![0; m + 1],
        nact: 0,
        d: vec![0.0; n],
        vmultc: vec![0.0; m + 1],
        z: vec![vec![0.0; n]; n],
    };
    {
        let mut s1 = TrState {
            iact: st.iact[..m].to_vec(),
            nact: st.nact,
            d: st.d.clone(),
            vmultc: st.vmultc[..m].to_vec(),
            z: st.z.clone(),
        };
        trstlp_sub(&mut s1, 1, &a_aug[..m], &b_aug[..m], delta);
        st.iact[..m].copy_from_slice(&s1.iact);
        st.nact = s1.nact;
        st.d = s1.d;
        st.vmultc[..m].copy_from_slice(&s1.vmultc);
        st.z = s1.z;
    }
    trstlp_sub(&mut st, 2, &a_aug, &b_aug, delta);
    st.d
}

fn trstlp_sub(st: &mut TrState, stage: u8, a: &[Vec<f64>], b: &[f64], delta: f64) {
    let mcon = a.len();
    let n = st.d.len();
    let mut zdasav = vec![0.0; n];
    let mut vmultd = vec![0.0; mcon];
    let mut zdota = vec![0.0; n];
    let num_constraints;
    let mut icon: isize;
    let mut cviol;
    let mut sdirn = vec![0.0; n];
    if stage == 1 {
        st.iact = (0..mcon).collect();
        st.nact = 0;
        st.d = vec![0.0; n];
        cviol = max0(b.iter().map(|v| -v));
        st.vmultc = b.iter().map(|v| cviol + v).collect();
        st.z = (0..n)
            .map(|j| (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect())
            .collect();
        if mcon == 0 || cviol <= 0.0 {
            return;
        }
        if b.iter().all(|v| v.is_nan()) {
            return;
        }
        // nanargmax(-b)
        let mut best = 0usize;
        let mut bv = f64::NAN;
        for (i, v) in b.iter().enumerate() {
            let w = -v;
            if !w.is_nan() && (bv.is_nan() || w > bv) {
                bv = w;
                best = i;
            }
        }
        icon = best as isize;
        num_constraints = mcon;
    } else {
        if sumsq(&st.d) >= delta * delta {
            return;
        }
        st.iact[mcon - 1] = mcon - 1;
        st.vmultc[mcon - 1] = 0.0;
        num_constraints = mcon - 1;
        icon = (mcon - 1) as isize;
        cviol = max0((0..num_constraints).map(|c| dot(&st.d, &a[c]) - b[c]));
    }
    for k in 0..st.nact {
        zdota[k] = dot(&st.z[k], &a[st.iact[k]]);
    }
    let mut optold = REALMAX;
    let mut nactold = st.nact;
    let mut nfail = 0;
    let maxiter = 10000usize.min(100 * num_constraints.max(n));
    let tiny = EPS * EPS;
    let bad = |v: f64| v.is_nan() || v.abs() <= tiny;
    for _ in 0..maxiter {
        let optnew = if stage == 1 {
            cviol
        } else {
            dot(&st.d, &a[mcon - 1])
        };
        if optnew < optold || st.nact > nactold {
            nactold = st.nact;
            nfail = 0;
        } else {
            nfail += 1;
        }
        optold = npmin(optold, optnew);
        if nfail == 3 {
            break;
        }
        let nact = st.nact;
        if icon >= nact as isize {
            let ic = icon as usize;
            zdasav[..nact].copy_from_slice(&zdota[..nact]);
            let nactsav = nact;
            let col = a[st.iact[ic]].clone();
            qradd_rdiag(&col, &mut st.z, &mut zdota, &mut st.nact);
            let nact = st.nact;
            if nact == nactsav + 1 {
                if nact != ic + 1 {
                    st.vmultc[ic] = st.vmultc[nact - 1];
                    st.vmultc[nact - 1] = 0.0;
                    st.iact.swap(ic, nact - 1);
                } else {
                    st.vmultc[nact - 1] = 0.0;
                }
            } else {
                let cols: Vec<&[f64]> = st.iact[..nact].iter().map(|&c| a[c].as_slice()).collect();
                let sol = lstsq(&cols, &a[st.iact[ic]]);
                vmultd[..nact].copy_from_slice(&sol);
                if !(0..nact).any(|i| vmultd[i] > 0.0 && st.iact[i] <= num_constraints) {
                    break;
                }
                for v in vmultd[nact..mcon].iter_mut() {
                    *v = -1.0;
                }
                let mut frac = f64::INFINITY;
                for i in 0..nact {
                    let fm = if vmultd[i] > 0.0 && st.iact[i] <= num_constraints {
                        st.vmultc[i] / vmultd[i]
                    } else {
                        REALMAX
                    };
                    // Python's min(): keeps the current value unless a smaller one comes
                    if i == 0 || fm < frac {
                        frac = fm;
                    }
                }
                for i in 0..nact {
                    st.vmultc[i] = npmax(0.0, st.vmultc[i] - frac * vmultd[i]);
                }
                if bad(zdota[nact - 1]) {
                    break;
                }
                st.vmultc[ic] = 0.0;
                st.vmultc[nact - 1] = frac;
                st.iact.swap(ic, nact - 1);
            }
            if stage == 2 && st.iact[nact - 1] != mcon - 1 {
                if nact <= 1 {
                    break;
                }
                let cols: Vec<&[f64]> = st.iact[..nact].iter().map(|&c| a[c].as_slice()).collect();
                qrexc_rdiag(&cols, &mut st.z, &mut zdota[..nact], nact - 2);
                st.iact.swap(nact - 2, nact - 1);
                st.vmultc.swap(nact - 2, nact - 1);
            }
            if bad(zdota[nact - 1]) {
                break;
            }
            let zc = &st.z[nact - 1];
            if stage == 1 {
                let s = (dot(&sdirn, &a[st.iact[nact - 1]]) + 1.0) / zdota[nact - 1];
                for (sd, zv) in sdirn.iter_mut().zip(zc) {
                    *sd -= s * zv;
                }
            } else {
                let s = -1.0 / zdota[nact - 1];
                for (sd, zv) in sdirn.iter_mut().zip(zc) {
                    *sd = s * zv;
                }
            }
        } else {
            let ic = icon as usize;
            {
                let cols: Vec<&[f64]> = st.iact[..nact].iter().map(|&c| a[c].as_slice()).collect();
                qrexc_rdiag(&cols, &mut st.z, &mut zdota[..nact], ic);
            }
            st.iact[ic..nact].rotate_left(1);
            st.vmultc[ic..nact].rotate_left(1);
            st.nact -= 1;
            let nact = st.nact;
            if nact > 0 && bad(zdota[nact - 1]) {
                break;
            }
            if stage == 1 {
                let zc = &st.z[nact];
                let s = dot(&sdirn, zc);
                for (sd, zv) in sdirn.iter_mut().zip(zc) {
                    *sd -= s * zv;
                }
            } else {
                // Python's index -1 when nact == 0
                let k = if nact == 0 { n - 1 } else { nact - 1 };
                let s = -1.0 / zdota[k];
                let zc = &st.z[k];
                for (sd, zv) in sdirn.iter_mut().zip(zc) {
                    *sd = s * zv;
                }
            }
        }
        let nact = st.nact;
        let dd = delta * delta - sumsq(&st.d);
        let ss = sumsq(&sdirn);
        let sd = dot(&sdirn, &st.d);
        if dd <= 0.0 || ss <= EPS * delta * delta || sd.is_nan() {
            break;
        }
        let sqrtd = (ss * dd + sd * sd).sqrt().max(sd.abs()).max((ss * dd).sqrt());
        let mut step = if sd > 0.0 {
            dd / (sqrtd + sd)
        } else {
            (sqrtd - sd) / ss
        };
        if step <= 0.0 || !step.is_finite() {
            break;
        }
        if stage == 1 {
            if isminor(cviol, step) {
                break;
            }
            step = step.min(cviol);
        }
        let dnew: Vec<f64> = st.d.iter().zip(&sdirn).map(|(d, s)| d + step * s).collect();
        if stage == 1 {
            cviol = max0(st.iact[..nact].iter().map(|&c| dot(&dnew, &a[c]) - b[c]));
        }
        {
            let cols: Vec<&[f64]> = st.iact[..nact].iter().map(|&c| a[c].as_slice()).collect();
            let sol = lstsq(&cols, &dnew);
            for i in 0..nact {
                vmultd[i] = -sol[i];
            }
        }
        if stage == 2 {
            let k = if nact == 0 { mcon - 1 } else { nact - 1 };
            vmultd[k] = 0f64.max(vmultd[k]);
        }
        for k in nact..mcon {
            let c = st.iact[k];
            let shift = cviol - (dot(&dnew, &a[c]) - b[c]);
            let sabs: f64 = dnew
                .iter()
                .zip(&a[c])
                .map(|(x, y)| x.abs() * y.abs())
                .sum::<f64>()
                + b[c].abs()
                + cviol;
            vmultd[k] = if isminor(shift, sabs) { 0.0 } else { shift };
        }
        // icon = argmin([1, fracmult]) - 1 (NaN wins as in NumPy); frac = min
        let mut frac = 1.0;
        let mut best: isize = -1;
        let mut nan_at: Option<isize> = None;
        for i in 0..mcon {
            let fm = if vmultd[i] < 0.0 {
                st.vmultc[i] / (st.vmultc[i] - vmultd[i])
            } else {
                REALMAX
            };
            if fm.is_nan() {
                if nan_at.is_none() {
                    nan_at = Some(i as isize);
                }
            } else if fm < frac {
                frac = fm;
                best = i as isize;
            }
        }
        icon = nan_at.unwrap_or(best);
        let dold = st.d.clone();
        for (d, dn) in st.d.iter_mut().zip(&dnew) {
            *d = (1.0 - frac) * *d + frac * dn;
        }
        for i in 0..mcon {
            st.vmultc[i] = npmax(0.0, (1.0 - frac) * st.vmultc[i] + frac * vmultd[i]);
        }
        let sd_abs: f64 = st.d.iter().map(|v| v.abs()).sum();
        let sv_abs: f64 = st.vmultc.iter().map(|v| v.abs()).sum();
        if !(sd_abs.is_finite() && sv_abs.is_finite()) {
            st.d = dold;
            break;
        }
        if stage == 1 {
            cviol = max0((0..mcon).map(|c| dot(&st.d, &a[c]) - b[c]));
        }
        if icon < 0 || icon >= mcon as isize {
            break;
        }
    }
}

/// PRIMA's `trrad`: the new trust-region radius.
fn trrad(delta_in: f64, dnorm: f64, eta1: f64, eta2: f64, gamma1: f64, gamma2: f64, ratio: f64) -> f64 {
    if ratio <= eta1 {
        gamma1 * dnorm
    } else if ratio <= eta2 {
        (gamma1 * delta_in).max(dnorm)
    } else {
        (gamma1 * delta_in).max(gamma2 * dnorm)
    }
}

/// PRIMA's `redrat`: the reduction ratio.
fn redrat(ared: f64, pred: f64, rshrink: f64) -> f64 {
    if ared.is_nan() {
        -REALMAX
    } else if pred.is_nan() || pred <= 0.0 {
        if ared > 0.0 { rshrink / 2.0 } else { -REALMAX }
    } else if pred == f64::INFINITY && ared == f64::INFINITY {
        1.0
    } else if pred == f64::INFINITY && ared == f64::NEG_INFINITY {
        -REALMAX
    } else {
        ared / pred
    }
}

/// PRIMA's `redrho`: the next lower bound of the trust-region radius.
fn redrho(rho_in: f64, rhoend: f64) -> f64 {
    let r = rho_in / rhoend;
    if r > 250.0 {
        0.1 * rho_in
    } else if r <= 16.0 {
        rhoend
    } else {
        r.sqrt() * rhoend
    }
}

// ---------------------------------------------------------------------------
// filter (selectx.py)

fn isbetter(f1: f64, c1: f64, f2: f64, c2: f64, ctol: f64) -> bool {
    let badv = |v: f64| v.is_nan() || v == f64::INFINITY;
    // as pyprima writes it
    let mut b = (badv(f1) || badv(c1)) && !(badv(f2) || badv(c2));
    b = b || (f1 < f2 && c1 <= c2);
    b = b || (f1 <= f2 && c1 < c2);
    let cref = 10.0 * EPS.max(ctol.min(1e-2 * CONSTRMAX));
    b || (f1 < REALMAX && c1 <= ctol && (c2 > ctol.max(cref) || c2.is_nan()))
}

struct Filter {
    cap: usize,
    x: Vec<Vec<f64>>,
    f: Vec<f64>,
    c: Vec<f64>,
    con: Vec<Vec<f64>>,
}

impl Filter {
    fn save(&mut self, cstrv: f64, ctol: f64, cweight: f64, f: f64, x: &[f64], constr: &[f64]) {
        let nf = self.f.len();
        if (0..nf).any(|i| isbetter(self.f[i], self.c[i], f, cstrv, ctol))
            || (0..nf).any(|i| self.f[i] <= f && self.c[i] <= cstrv)
        {
            return;
        }
        let mut keep: Vec<bool> = (0..nf)
            .map(|i| !isbetter(f, cstrv, self.f[i], self.c[i], ctol))
            .collect();
        if keep.iter().filter(|&&k| k).count() == self.cap {
            let cs: Vec<f64> = self.c.iter().map(|c| (c - ctol).max(0.0)).collect();
            let phi: Vec<f64> = if cweight <= 0.0 {
                self.f.clone()
            } else if cweight == f64::INFINITY {
                cs.clone()
            } else {
                self.f
                    .iter()
                    .zip(&cs)
                    .map(|(f, c)| {
                        let p = if f.is_nan() {
                            -REALMAX
                        } else {
                            f.clamp(-REALMAX, REALMAX)
                        };
                        p + cweight * c
                    })
                    .collect()
            };
            let phimax = phi.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let cref = (0..nf)
                .filter(|&i| phi[i] >= phimax)
                .map(|i| cs[i])
                .fold(f64::NEG_INFINITY, f64::max);
            let fref = (0..nf)
                .filter(|&i| cs[i] >= cref)
                .map(|i| self.f[i])
                .fold(f64::NEG_INFINITY, f64::max);
            let mut kworst = 0;
            let mut cm = f64::NEG_INFINITY;
            let mut found = false;
            for i in 0..nf {
                if self.f[i] <= fref && (!found || self.c[i] > cm) {
                    cm = self.c[i];
                    kworst = i;
                    found = true;
                }
            }
            keep[kworst] = false;
        }
        let mut i = 0;
        self.x.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        self.f.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        self.c.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        self.con.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        self.x.push(x.to_vec());
        self.f.push(f);
        self.c.push(cstrv);
        self.con.push(constr.to_vec());
    }
}

/// PRIMA's `selectx`: index of the returned point among the filter.
fn selectx(fh: &[f64], ch: &[f64], cweight: f64, ctol: f64) -> usize {
    let nh = fh.len();
    let any = |fr: f64, cr: f64| (0..nh).any(|i| fh[i] < fr && ch[i] < cr);
    let (fref, cref) = if any(FUNCMAX, CONSTRMAX) {
        (FUNCMAX, CONSTRMAX)
    } else if any(REALMAX, CONSTRMAX) {
        (REALMAX, CONSTRMAX)
    } else if any(FUNCMAX, REALMAX) {
        (FUNCMAX, REALMAX)
    } else {
        (REALMAX, REALMAX)
    };
    if !any(fref, cref) {
        return nh - 1;
    }
    let cs: Vec<f64> = ch.iter().map(|c| (c - ctol).max(0.0)).collect();
    let cmin = (0..nh)
        .filter(|&i| fh[i] < fref)
        .map(|i| cs[i])
        .fold(f64::INFINITY, f64::min);
    let cref = EPS.max(2.0 * cmin);
    let phi: Vec<f64> = if cweight <= 0.0 {
        fh.to_vec()
    } else if cweight == f64::INFINITY {
        cs.clone()
    } else {
        (0..nh).map(|i| fh[i].max(-REALMAX) + cweight * cs[i]).collect()
    };
    let phimin = (0..nh)
        .filter(|&i| fh[i] < fref && cs[i] <= cref)
        .map(|i| phi[i])
        .fold(f64::INFINITY, f64::min);
    let cref = (0..nh)
        .filter(|&i| fh[i] < fref && phi[i] <= phimin)
        .map(|i| cs[i])
        .fold(f64::INFINITY, f64::min);
    let fref = (0..nh)
        .filter(|&i| cs[i] <= cref)
        .map(|i| fh[i])
        .fold(f64::INFINITY, f64::min);
    let mut kopt = 0;
    let mut best = f64::INFINITY;
    let mut found = false;
    for i in 0..nh {
        if fh[i] <= fref && (!found || ch[i] < best) {
            best = ch[i];
            kopt = i;
            found = true;
        }
    }
    kopt
}

fn checkbreak_con(maxfun: usize, nf: usize, cstrv: f64, ctol: f64, f: f64, ftarget: f64, x: &[f64]) -> i32 {
    let mut info = INFO_DEFAULT;
    if x.iter().any(|v| !v.is_finite()) {
        info = NAN_INF_X;
    }
    if f.is_nan() || f == f64::INFINITY || cstrv.is_nan() || cstrv == f64::INFINITY {
        info = NAN_INF_F;
    }
    if cstrv <= ctol && f <= ftarget {
        info = FTARGET_ACHIEVED;
    }
    if nf >= maxfun {
        info = MAXFUN_REACHED;
    }
    info
}

// ---------------------------------------------------------------------------
// the solver

/// COBYLA's settings after PRIMA's `preproc`.
pub(crate) struct Settings {
    pub rhobeg: f64,
    pub rhoend: f64,
    pub ftarget: f64,
    pub ctol: f64,
    pub cweight: f64,
    pub maxfun: usize,
    pub maxfilt: usize,
}

impl Settings {
    /// PRIMA's defaults and corrections for SciPy's options.
    pub(crate) fn new(n: usize, rhobeg: f64, rhoend: f64, maxfun: usize, ctol: f64, ftarget: f64) -> Self {
        let maxfun = maxfun.max(n + 2);
        let ftarget = if ftarget.is_nan() { -REALMAX } else { ftarget };
        let maxfilt = maxfun.min(2000);
        let mut rhobeg = rhobeg;
        let mut rhoend = rhoend;
        if (rhobeg - rhoend).abs() < 1e2 * EPS * rhobeg.abs().max(1.0) {
            rhoend = rhobeg;
        }
        if rhobeg <= 0.0 || !rhobeg.is_finite() {
            rhobeg = if rhoend.is_finite() && rhoend > 0.0 {
                (10.0 * rhoend).max(1.0)
            } else {
                1.0
            };
        }
        if rhoend <= 0.0 || rhobeg < rhoend || !rhoend.is_finite() {
            rhoend = EPS.max((0.1 * rhobeg).min(1e-6));
        }
        let ctol = if ctol.is_nan() || ctol < 0.0 {
            EPS.sqrt()
        } else {
            ctol
        };
        Settings {
            rhobeg,
            rhoend,
            ftarget,
            ctol,
            cweight: 1e8,
            maxfun,
            maxfilt,
        }
    }
}

/// What [`cobyla`] returns.
pub(crate) struct Output {
    pub x: Vec<f64>,
    pub f: f64,
    pub cstrv: f64,
    pub nf: usize,
    pub info: i32,
}

fn moderatef(f: f64) -> f64 {
    if f.is_nan() {
        FUNCMAX
    } else {
        f.clamp(-REALMAX, FUNCMAX)
    }
}

fn moderatec(c: f64) -> f64 {
    if c.is_nan() {
        CONSTRMAX
    } else {
        c.clamp(-CONSTRMAX, CONSTRMAX)
    }
}

struct Problem<'p> {
    calcfc: &'p mut dyn FnMut(&[f64], &mut [f64]) -> f64,
    /// Linear rows (gradients of `amat x <= bvec`).
    amat: Vec<Vec<f64>>,
    bvec: Vec<f64>,
    m_nlcon: usize,
}

impl Problem<'_> {
    fn m_lcon(&self) -> usize {
        self.bvec.len()
    }

    /// PRIMA's `evaluate`: `f` and the constraint values (`<= 0` feasible).
    fn evaluate(&mut self, x: &[f64], constr: &mut [f64]) -> f64 {
        let ml = self.m_lcon();
        for i in 0..ml {
            constr[i] = dot(x, &self.amat[i]) - self.bvec[i];
        }
        if x.iter().any(|v| v.is_nan()) {
            let f: f64 = x.iter().sum();
            for c in constr.iter_mut() {
                *c = f;
            }
            return f;
        }
        let xm: Vec<f64> = x.iter().map(|v| v.clamp(-REALMAX, REALMAX)).collect();
        let f = (self.calcfc)(&xm, &mut constr[ml..]);
        for c in constr[ml..].iter_mut() {
            *c = moderatec(*c);
        }
        moderatef(f)
    }

    /// The constraint gradients: the linear rows, then the nonlinear ones
    /// interpolated on the simplex.
    fn gradients(&self, conmat: &[Vec<f64>], simi: &[Vec<f64>], n: usize) -> Vec<Vec<f64>> {
        let m = self.m_lcon() + self.m_nlcon;
        let ml = self.m_lcon();
        let mut a = Vec::with_capacity(m);
        for row in &self.amat {
            a.push(row.clone());
        }
        for i in ml..m {
            let mut col = vec![0.0; n];
            for k in 0..n {
                let w = conmat[k][i] - conmat[n][i];
                for (c, s) in col.iter_mut().zip(&simi[k]) {
                    *c += w * s;
                }
            }
            a.push(col);
        }
        a
    }
}

/// `g = (fval[:n] - fval[n]) @ simi`.
fn objgrad(fval: &[f64], simi: &[Vec<f64>], n: usize) -> Vec<f64> {
    let mut g = vec![0.0; n];
    for k in 0..n {
        let w = fval[k] - fval[n];
        for (gv, s) in g.iter_mut().zip(&simi[k]) {
            *gv += w * s;
        }
    }
    g
}

struct Simplex {
    /// `n+1` columns: the `n` edges, then the pole.
    sim: Vec<Vec<f64>>,
    /// Rows of the inverse of the edge matrix.
    simi: Vec<Vec<f64>>,
    fval: Vec<f64>,
    cval: Vec<f64>,
    /// `n+1` columns of constraint values.
    conmat: Vec<Vec<f64>>,
}

fn findpole(cpen: f64, cval: &[f64], fval: &[f64]) -> usize {
    let n = fval.len() - 1;
    let phi: Vec<f64> = fval.iter().zip(cval).map(|(f, c)| f + cpen * c).collect();
    // Python's builtin min over the array
    let mut phimin = phi[0];
    for &p in &phi[1..] {
        if p < phimin {
            phimin = p;
        }
    }
    let mut jopt = n;
    if phimin < phi[n] || (0..=n).any(|j| cval[j] < cval[n] && phi[j] <= phi[n]) {
        let mut best = f64::INFINITY;
        let mut found = false;
        for j in 0..=n {
            if !(phi[j] > phimin) && (!found || cval[j] < best) {
                best = cval[j];
                jopt = j;
                found = true;
            }
        }
    }
    jopt
}

impl Simplex {
    fn n(&self) -> usize {
        self.simi.len()
    }

    /// PRIMA's `updatepole`: makes the best vertex the pole.
    fn updatepole(&mut self, cpen: f64) -> i32 {
        let n = self.n();
        let jopt = findpole(cpen, &self.cval, &self.fval);
        let sim_old = self.sim.clone();
        let simi_old = self.simi.clone();
        if jopt < n {
            let sj = self.sim[jopt].clone();
            for (p, v) in self.sim[n].iter_mut().zip(&sj) {
                *p += v;
            }
            self.sim[jopt] = vec![0.0; n];
            for j in 0..n {
                for (s, v) in self.sim[j].iter_mut().zip(&sj) {
                    *s -= v;
                }
            }
            let colsum: Vec<f64> = (0..n).map(|c| self.simi.iter().map(|r| r[c]).sum()).collect();
            self.simi[jopt] = colsum.iter().map(|v| -v).collect();
        }
        let erri = refresh_inverse(&mut self.simi, &self.sim, n);
        if erri <= 1.0 {
            if jopt < n {
                self.fval.swap(jopt, n);
                self.conmat.swap(jopt, n);
                self.cval.swap(jopt, n);
            }
            INFO_DEFAULT
        } else {
            self.sim = sim_old;
            self.simi = simi_old;
            DAMAGING_ROUNDING
        }
    }

    /// PRIMA's `updatexfc`: replaces vertex `jdrop` by the new point.
    fn updatexfc(
        &mut self,
        jdrop: Option<usize>,
        constr: &[f64],
        cpen: f64,
        cstrv: f64,
        d: &[f64],
        f: f64,
    ) -> i32 {
        let n = self.n();
        let Some(jdrop) = jdrop else {
            return INFO_DEFAULT;
        };
        if jdrop < n {
            self.sim[jdrop] = d.to_vec();
            let den = dot(&self.simi[jdrop], d);
            let sj: Vec<f64> = self.simi[jdrop].iter().map(|v| v / den).collect();
            let sd: Vec<f64> = self.simi.iter().map(|r| dot(r, d)).collect();
            for (i, row) in self.simi.iter_mut().enumerate() {
                for (r, s) in row.iter_mut().zip(&sj) {
                    *r -= sd[i] * s;
                }
            }
            self.simi[jdrop] = sj;
        } else {
            for (p, v) in self.sim[n].iter_mut().zip(d) {
                *p += v;
            }
            for j in 0..n {
                for (s, v) in self.sim[j].iter_mut().zip(d) {
                    *s -= v;
                }
            }
            let simid: Vec<f64> = self.simi.iter().map(|r| dot(r, d)).collect();
            let colsum: Vec<f64> = (0..n).map(|c| self.simi.iter().map(|r| r[c]).sum()).collect();
            let den = 1.0 - simid.iter().sum::<f64>();
            for (i, row) in self.simi.iter_mut().enumerate() {
                for (r, s) in row.iter_mut().zip(&colsum) {
                    *r += simid[i] * (s / den);
                }
            }
        }
        let erri = refresh_inverse(&mut self.simi, &self.sim, n);
        if erri <= 1.0 {
            self.fval[jdrop] = f;
            self.conmat[jdrop] = constr.to_vec();
            self.cval[jdrop] = cstrv;
            self.updatepole(cpen)
        } else {
            DAMAGING_ROUNDING
        }
    }

    fn adequate_geo(&self, delta: f64) -> bool {
        let n = self.n();
        self.sim[..n].iter().all(|c| sumsq(c) <= 4.0 * (delta * delta))
    }
}

/// PRIMA's `fcratio`.
fn fcratio(conmat: &[Vec<f64>], fval: &[f64]) -> f64 {
    let m = conmat[0].len();
    let mut fmin = fval[0];
    let mut fmax = fval[0];
    for &f in &fval[1..] {
        if f < fmin {
            fmin = f;
        }
        if f > fmax {
            fmax = f;
        }
    }
    let mut denom = f64::INFINITY;
    let mut any = false;
    for i in 0..m {
        let cmin = conmat.iter().map(|c| -c[i]).fold(f64::INFINITY, f64::min);
        let cmax = conmat.iter().map(|c| -c[i]).fold(f64::NEG_INFINITY, f64::max);
        if cmin < 0.5 * cmax {
            any = true;
            denom = denom.min(cmax.max(0.0) - cmin);
        }
    }
    if any && fmin < fmax {
        (fmax - fmin) / denom
    } else {
        0.0
    }
}

/// PRIMA's `setdrop_tr`: the vertex replaced by a trust-region point.
fn setdrop_tr(
    ximproved: bool,
    d: &[f64],
    delta: f64,
    rho: f64,
    sim: &[Vec<f64>],
    simi: &[Vec<f64>],
) -> Option<usize> {
    let n = simi.len();
    let mut distsq = vec![0.0; n + 1];
    for j in 0..n {
        distsq[j] = if ximproved {
            sim[j].iter().zip(d).map(|(s, v)| (s - v) * (s - v)).sum()
        } else {
            sumsq(&sim[j])
        };
    }
    distsq[n] = if ximproved { sumsq(d) } else { 0.0 };
    let r = rho.max(delta / 10.0);
    let simid: Vec<f64> = simi.iter().map(|row| dot(row, d)).collect();
    let mut score: Vec<f64> = (0..=n)
        .map(|j| {
            let w = 1f64.max(distsq[j] / (r * r));
            let v = if j < n {
                simid[j]
            } else {
                1.0 - simid.iter().sum::<f64>()
            };
            w * v.abs()
        })
        .collect();
    if !ximproved {
        score[n] = -1.0;
    }
    for s in score.iter_mut() {
        if s.is_nan() {
            *s = -1.0;
        }
    }
    let argmax = |v: &[f64]| {
        let mut b = 0;
        for (i, &x) in v.iter().enumerate() {
            if x > v[b] {
                b = i;
            }
        }
        b
    };
    let mut jdrop = if score.iter().any(|&s| s > 0.0) {
        Some(argmax(&score))
    } else {
        None
    };
    if ximproved && jdrop.is_none() {
        jdrop = Some(argmax(&distsq));
    }
    jdrop
}

/// Runs COBYLA on the problem `calcfc` (objective, writing the `m_nlcon`
/// constraint values `<= 0`), with the linear rows `amat x <= bvec`,
/// from `x` where `f0`/`nlconstr0` were evaluated (PRIMA's `cobyla` and
/// `cobylb`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn cobyla(
    calcfc: &mut dyn FnMut(&[f64], &mut [f64]) -> f64,
    m_nlcon: usize,
    x0: &[f64],
    amat: Vec<Vec<f64>>,
    bvec: Vec<f64>,
    f0: f64,
    nlconstr0: &[f64],
    s: &Settings,
    callback: &mut dyn FnMut(&[f64], f64) -> bool,
) -> Output {
    let n = x0.len();
    let mut pb = Problem {
        calcfc,
        amat,
        bvec,
        m_nlcon,
    };
    let ml = pb.m_lcon();
    let m = ml + m_nlcon;
    let mut x = x0.to_vec();
    let mut constr = vec![0.0; m];
    let f = if x.iter().all(|v| v.is_finite()) {
        for i in 0..ml {
            constr[i] = moderatec(dot(&x, &pb.amat[i]) - pb.bvec[i]);
        }
        for (c, v) in constr[ml..].iter_mut().zip(nlconstr0) {
            *c = moderatec(*v);
        }
        moderatef(f0)
    } else {
        for v in x.iter_mut() {
            if v.is_nan() {
                *v = 0.0;
            }
            *v = v.clamp(-REALMAX, REALMAX);
        }
        let mut c = vec![0.0; m];
        let f = pb.evaluate(&x, &mut c);
        for i in 0..ml {
            c[i] = moderatec(c[i]);
        }
        constr = c;
        f
    };
    let (rhobeg, rhoend, eta1, eta2, gamma1, gamma2): (f64, f64, f64, f64, f64, f64) =
        (s.rhobeg, s.rhoend, 0.1, 0.7, 0.5, 2.0);
    let (ctol, cweight, ftarget, maxfun) = (s.ctol, s.cweight, s.ftarget, s.maxfun);

    // initxfc
    let mut sm = Simplex {
        sim: (0..=n)
            .map(|j| {
                if j < n {
                    (0..n).map(|i| if i == j { rhobeg } else { 0.0 }).collect()
                } else {
                    x.clone()
                }
            })
            .collect(),
        simi: (0..n)
            .map(|i| (0..n).map(|j| if i == j { 1.0 / rhobeg } else { 0.0 }).collect())
            .collect(),
        fval: vec![REALMAX; n + 1],
        cval: vec![REALMAX; n + 1],
        conmat: vec![vec![REALMAX; m]; n + 1],
    };
    let mut evaluated = vec![false; n + 1];
    let mut info = INFO_DEFAULT;
    for k in 0..=n {
        let mut xk = sm.sim[n].clone();
        let (j, fk, ck) = if k == 0 {
            (n, f, constr.clone())
        } else {
            let j = k - 1;
            xk[j] += rhobeg;
            let mut c = vec![0.0; m];
            let fk = pb.evaluate(&xk, &mut c);
            (j, fk, c)
        };
        let cstrv = max0(ck.iter().cloned());
        evaluated[j] = true;
        sm.fval[j] = fk;
        sm.conmat[j] = ck;
        sm.cval[j] = cstrv;
        let sub = checkbreak_con(maxfun, k, cstrv, ctol, fk, ftarget, &xk);
        if sub != INFO_DEFAULT {
            info = sub;
            break;
        }
        if j < n && sm.fval[j] < sm.fval[n] {
            sm.fval.swap(j, n);
            sm.cval.swap(j, n);
            sm.conmat.swap(j, n);
            sm.sim[n] = xk;
            for c in 0..=j {
                sm.sim[c][j] = -rhobeg;
            }
        }
    }
    let mut nf = evaluated.iter().filter(|&&e| e).count();
    if evaluated.iter().all(|&e| e)
        && let Some(t) = inv_cols(&sm.sim[..n])
    {
        sm.simi = t;
    }
    let mut filt = Filter {
        cap: s.maxfilt.clamp(1, maxfun.max(1)),
        x: Vec::new(),
        f: Vec::new(),
        c: Vec::new(),
        con: Vec::new(),
    };
    for i in 0..=n {
        if evaluated[i] {
            let xi: Vec<f64> = if i < n {
                sm.sim[i].iter().zip(&sm.sim[n]).map(|(a, b)| a + b).collect()
            } else {
                sm.sim[n].clone()
            };
            filt.save(sm.cval[i], ctol, cweight, sm.fval[i], &xi, &sm.conmat[i]);
        }
    }
    let finish = |filt: &Filter, cw: f64, info: i32, nf: usize| {
        let k = selectx(&filt.f, &filt.c, cw, ctol);
        Output {
            x: filt.x[k].clone(),
            f: filt.f[k],
            cstrv: filt.c[k],
            nf,
            info,
        }
    };
    if info != INFO_DEFAULT {
        return finish(&filt, cweight, info, nf);
    }

    let cpenmin = EPS;
    let mut rho = rhobeg;
    let mut delta = rhobeg;
    let mut cpen = cpenmin.max(1e3f64.min(fcratio(&sm.conmat, &sm.fval)));
    let mut shortd = false;
    let mut ratio = -1.0;
    let mut jdrop_tr: Option<usize> = Some(0);
    let gamma3 = 1f64.max((0.75 * gamma2).min(1.5));
    let maxtr = 10 * maxfun;
    info = MAXTR_REACHED;
    let mut d = vec![0.0; n];
    let mut dnorm;
    let mut distsq = vec![0.0; n + 1];
    let evaluate_at = |pb: &mut Problem<'_>,
                       sm: &Simplex,
                       x: &[f64],
                       filt: &mut Filter,
                       nf: &mut usize,
                       distsq: &mut [f64]|
     -> (f64, Vec<f64>, f64) {
        for j in 0..n {
            distsq[j] = x
                .iter()
                .zip(sm.sim[n].iter().zip(&sm.sim[j]))
                .map(|(xv, (p, s))| {
                    let t = xv - (p + s);
                    t * t
                })
                .sum();
        }
        distsq[n] = x.iter().zip(&sm.sim[n]).map(|(a, b)| (a - b) * (a - b)).sum();
        let mut j = 0;
        for i in 1..=n {
            if distsq[i] < distsq[j] {
                j = i;
            }
        }
        if distsq[j] <= (1e-4 * rhoend) * (1e-4 * rhoend) {
            (sm.fval[j], sm.conmat[j].clone(), sm.cval[j])
        } else {
            let mut c = vec![0.0; m];
            let f = pb.evaluate(x, &mut c);
            let cv = max0(c.iter().cloned());
            *nf += 1;
            filt.save(cv, ctol, cweight, f, x, &c);
            (f, c, cv)
        }
    };
    for _tr in 0..maxtr {
        cpen = getcpen(&pb, &sm, cpen, delta);
        if sm.updatepole(cpen) == DAMAGING_ROUNDING {
            info = DAMAGING_ROUNDING;
            break;
        }
        let adequate_geo = sm.adequate_geo(delta);
        let g = objgrad(&sm.fval, &sm.simi, n);
        let a = pb.gradients(&sm.conmat, &sm.simi, n);
        let b: Vec<f64> = sm.conmat[n].iter().map(|v| -v).collect();
        d = trstlp(&a, &b, delta, &g);
        dnorm = delta.min(norm(&d));
        shortd = dnorm <= 0.1 * rho;
        let preref = -dot(&d, &g);
        let prerec = sm.cval[n] - max0((0..m).map(|c| sm.conmat[n][c] + dot(&d, &a[c])));
        let prerem = preref + cpen * prerec;
        let trfail = !(prerem > 1e-6 * cpen.min(1.0) * rho);
        if shortd || trfail {
            delta *= 0.1;
            if delta <= gamma3 * rho {
                delta = rho;
            }
        } else {
            x = sm.sim[n].iter().zip(&d).map(|(p, v)| p + v).collect();
            let (fcur, constr, cstrv) = evaluate_at(&mut pb, &sm, &x, &mut filt, &mut nf, &mut distsq);
            let actrem = (sm.fval[n] + cpen * sm.cval[n]) - (fcur + cpen * cstrv);
            ratio = redrat(actrem, prerem, eta1);
            delta = trrad(delta, dnorm, eta1, eta2, gamma1, gamma2, ratio);
            if delta <= gamma3 * rho {
                delta = rho;
            }
            let ximproved = actrem > 0.0;
            jdrop_tr = setdrop_tr(ximproved, &d, delta, rho, &sm.sim, &sm.simi);
            if sm.updatexfc(jdrop_tr, &constr, cpen, cstrv, &d, fcur) == DAMAGING_ROUNDING {
                info = DAMAGING_ROUNDING;
                break;
            }
            let sub = checkbreak_con(maxfun, nf, cstrv, ctol, fcur, ftarget, &x);
            if sub != INFO_DEFAULT {
                info = sub;
                break;
            }
        }
        let bad_trstep = shortd || trfail || ratio <= 0.0 || jdrop_tr.is_none();
        let improve_geo = bad_trstep && !adequate_geo;
        let reduce_rho = bad_trstep && adequate_geo && delta.max(dnorm) <= rho;
        if improve_geo && !sm.adequate_geo(delta) {
            let mut jdrop_geo = 0;
            let mut best = f64::NEG_INFINITY;
            for j in 0..n {
                let v = sumsq(&sm.sim[j]);
                if v > best {
                    best = v;
                    jdrop_geo = j;
                }
            }
            let delbar = delta / 2.0;
            d = geostep(jdrop_geo, &pb, &sm, cpen, delbar);
            x = sm.sim[n].iter().zip(&d).map(|(p, v)| p + v).collect();
            let (fcur, constr, cstrv) = evaluate_at(&mut pb, &sm, &x, &mut filt, &mut nf, &mut distsq);
            if sm.updatexfc(Some(jdrop_geo), &constr, cpen, cstrv, &d, fcur) == DAMAGING_ROUNDING {
                info = DAMAGING_ROUNDING;
                break;
            }
            let sub = checkbreak_con(maxfun, nf, cstrv, ctol, fcur, ftarget, &x);
            if sub != INFO_DEFAULT {
                info = sub;
                break;
            }
        }
        if reduce_rho {
            if rho <= rhoend {
                info = SMALL_TR_RADIUS;
                break;
            }
            delta = (0.5 * rho).max(redrho(rho, rhoend));
            rho = redrho(rho, rhoend);
            cpen = cpenmin.max(cpen.min(fcratio(&sm.conmat, &sm.fval)));
            if sm.updatepole(cpen) == DAMAGING_ROUNDING {
                info = DAMAGING_ROUNDING;
                break;
            }
        }
        if callback(&sm.sim[n], sm.fval[n]) {
            info = CALLBACK_TERMINATE;
            break;
        }
    }
    x = sm.sim[n].iter().zip(&d).map(|(p, v)| p + v).collect();
    let step: Vec<f64> = x.iter().zip(&sm.sim[n]).map(|(a, b)| a - b).collect();
    if info == SMALL_TR_RADIUS && shortd && norm(&step) > 1e-3 * rhoend && nf < maxfun {
        let mut c = vec![0.0; m];
        let fl = pb.evaluate(&x, &mut c);
        let cv = max0(c.iter().cloned());
        nf += 1;
        filt.save(cv, ctol, cweight, fl, &x, &c);
    }
    finish(&filt, cpen.max(cweight), info, nf)
}

/// PRIMA's `getcpen`: the penalty parameter, raised until the
/// trust-region step predicts a reduction of the merit function.
fn getcpen(pb: &Problem<'_>, sm0: &Simplex, cpen_in: f64, delta: f64) -> f64 {
    let n = sm0.n();
    let m = pb.m_lcon() + pb.m_nlcon;
    let mut sm = Simplex {
        sim: sm0.sim.clone(),
        simi: sm0.simi.clone(),
        fval: sm0.fval.clone(),
        cval: sm0.cval.clone(),
        conmat: sm0.conmat.clone(),
    };
    let mut cpen = cpen_in;
    for _ in 0..=n {
        if sm.updatepole(cpen) == DAMAGING_ROUNDING {
            break;
        }
        let g = objgrad(&sm.fval, &sm.simi, n);
        let a = pb.gradients(&sm.conmat, &sm.simi, n);
        let b: Vec<f64> = sm.conmat[n].iter().map(|v| -v).collect();
        let d = trstlp(&a, &b, delta, &g);
        let preref = -dot(&d, &g);
        let prerec = sm.cval[n] - max0((0..m).map(|c| sm.conmat[n][c] + dot(&d, &a[c])));
        if !(prerec > 0.0 && preref < 0.0) {
            break;
        }
        cpen = cpen.max((-2.0 * preref / prerec).min(REALMAX));
        if findpole(cpen, &sm.cval, &sm.fval) == n {
            break;
        }
    }
    cpen
}

/// PRIMA's `geostep`: a step of length `delbar` that improves the
/// geometry of the simplex by replacing vertex `jdrop`.
fn geostep(jdrop: usize, pb: &Problem<'_>, sm: &Simplex, cpen: f64, delbar: f64) -> Vec<f64> {
    let n = sm.n();
    let m = pb.m_lcon() + pb.m_nlcon;
    let row = &sm.simi[jdrop];
    let nr = norm(row);
    let mut d: Vec<f64> = row.iter().map(|v| delbar * (v / nr)).collect();
    let g = objgrad(&sm.fval, &sm.simi, n);
    let a = pb.gradients(&sm.conmat, &sm.simi, n);
    let da: Vec<f64> = (0..m).map(|c| dot(&d, &a[c])).collect();
    let cvpd = max0((0..m).map(|c| sm.conmat[n][c] + da[c]));
    let cvnd = max0((0..m).map(|c| sm.conmat[n][c] - da[c]));
    let dg = dot(&d, &g);
    if -dg + cpen * cvnd < dg + cpen * cvpd {
        for v in d.iter_mut() {
            *v = -*v;
        }
    }
    d
}

// ---------------------------------------------------------------------------
// SciPy's `_minimize_cobyla` and pyprima's `minimize`

/// One nonlinear constraint as PRIMA sees it: `lb - v` for finite `lb`,
/// then `v - ub` for finite `ub`.
struct NlSpec {
    idx: usize,
    m: usize,
    lb: Vec<f64>,
    ub: Vec<f64>,
}

impl NlSpec {
    fn rows(&self) -> usize {
        self.lb.iter().filter(|&&l| l > f64::NEG_INFINITY).count()
            + self.ub.iter().filter(|&&u| u < f64::INFINITY).count()
    }
}

/// `minimize(fun, x0, method='COBYLA', bounds=..., constraints=...)`.
pub(crate) fn minimize_cobyla<F: FnMut(&[f64]) -> f64>(
    mut fun: F,
    x0: &[f64],
    constraints: &mut [Constraint<'_>],
    o: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> Result<OptimizeResult> {
    let nfull = x0.len();
    if nfull == 0 {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    let (lb, ub) = match &o.bounds {
        Some(b) => {
            if b.lb.len() != nfull || b.ub.len() != nfull {
                return Err(Error::invalid(
                    "The number of bounds is not compatible with the length of `x0`.",
                ));
            }
            if b.lb.iter().zip(&b.ub).any(|(l, u)| u < l) {
                return Err(Error::invalid(
                    "An upper bound is less than the corresponding lower bound.",
                ));
            }
            (b.lb.clone(), b.ub.clone())
        }
        None => (vec![f64::NEG_INFINITY; nfull], vec![f64::INFINITY; nfull]),
    };
    // split the constraints into linear rows and nonlinear functions
    let (mut la, mut llb, mut lub) = (Vec::<Vec<f64>>::new(), Vec::new(), Vec::new());
    let mut nls: Vec<NlSpec> = Vec::new();
    for (idx, c) in constraints.iter().enumerate() {
        match c {
            Constraint::Linear(l) => {
                let m = l.lb.len();
                if l.ub.len() != m || l.a.len() != m * nfull {
                    return Err(Error::invalid(format!(
                        "Constraint {idx}: `A` must be {m}x{nfull} with `lb` and `ub` of length {m}."
                    )));
                }
                for i in 0..m {
                    la.push(l.a[i * nfull..(i + 1) * nfull].to_vec());
                }
                llb.extend_from_slice(&l.lb);
                lub.extend_from_slice(&l.ub);
            }
            Constraint::Dict { kind, m, .. } => {
                let ub = if *kind == ConstraintType::Eq {
                    0.0
                } else {
                    f64::INFINITY
                };
                nls.push(NlSpec {
                    idx,
                    m: *m,
                    lb: vec![0.0; *m],
                    ub: vec![ub; *m],
                });
            }
            Constraint::Nonlinear(c) => {
                if c.lb.len() != c.ub.len() {
                    return Err(Error::invalid(
                        "The number of elements in the constraint function's output does not match the number of elements in the lower bound.",
                    ));
                }
                nls.push(NlSpec {
                    idx,
                    m: c.lb.len(),
                    lb: c.lb.clone(),
                    ub: c.ub.clone(),
                });
            }
        }
    }
    // variables fixed by the bounds are removed (pyprima's `minimize`)
    let weight = lb
        .iter()
        .chain(&ub)
        .filter(|v| v.is_finite())
        .fold(1.0f64, |s, v| s.max(v.abs()));
    let tol = 10.0 * EPS * (nfull as f64).max(1.0) * weight;
    let fixed: Vec<bool> = (0..nfull)
        .map(|i| lb[i] <= ub[i] && (lb[i] - ub[i]).abs() < tol)
        .collect();
    let xfixed: Vec<f64> = (0..nfull)
        .map(|i| (0.5 * (lb[i] + ub[i])).max(lb[i]).min(ub[i]))
        .collect();
    let free: Vec<usize> = (0..nfull).filter(|&i| !fixed[i]).collect();
    let n = free.len();
    let sel = |v: &[f64]| free.iter().map(|&i| v[i]).collect::<Vec<f64>>();
    let (lbr, ubr) = (sel(&lb), sel(&ub));
    let mut xr = sel(x0);
    // linear rows on the free variables
    let mut lar: Vec<Vec<f64>> = Vec::with_capacity(la.len());
    let (mut llbr, mut lubr) = (llb.clone(), lub.clone());
    for (r, row) in la.iter().enumerate() {
        let shift: f64 = (0..nfull).filter(|&i| fixed[i]).map(|i| row[i] * xfixed[i]).sum();
        llbr[r] -= shift;
        lubr[r] -= shift;
        lar.push(sel(row));
    }
    if nls.is_empty() {
        xr = project(&xr, &lbr, &ubr, &lar, &llbr, &lubr)?;
    }
    // linear rows as PRIMA's amat x <= bvec
    let (mut amat, mut bvec) = (Vec::new(), Vec::new());
    let unit = |i: usize, s: f64| (0..n).map(|j| if j == i { s } else { 0.0 }).collect::<Vec<f64>>();
    let xl: Vec<f64> = lbr
        .iter()
        .map(|&v| if v.is_nan() || v < -BOUNDMAX { -BOUNDMAX } else { v })
        .collect();
    let xu: Vec<f64> = ubr
        .iter()
        .map(|&v| if v.is_nan() || v > BOUNDMAX { BOUNDMAX } else { v })
        .collect();
    for i in 0..n {
        if xl[i] > -BOUNDMAX {
            amat.push(unit(i, -1.0));
            bvec.push(-xl[i]);
        }
    }
    for i in 0..n {
        if xu[i] < BOUNDMAX {
            amat.push(unit(i, 1.0));
            bvec.push(xu[i]);
        }
    }
    let is_eq: Vec<bool> = (0..lar.len()).map(|r| lubr[r] <= llbr[r] + 2.0 * EPS).collect();
    for sgn in [-1.0, 1.0] {
        for r in 0..lar.len() {
            if is_eq[r] {
                amat.push(lar[r].iter().map(|v| sgn * v).collect());
                bvec.push(sgn * (llbr[r] + lubr[r]) / 2.0);
            }
        }
    }
    for r in 0..lar.len() {
        if !is_eq[r] && llbr[r] > f64::NEG_INFINITY {
            amat.push(lar[r].iter().map(|v| -v).collect());
            bvec.push(-llbr[r]);
        }
    }
    for r in 0..lar.len() {
        if !is_eq[r] && lubr[r] < f64::INFINITY {
            amat.push(lar[r].clone());
            bvec.push(lubr[r]);
        }
    }
    let m_nlcon: usize = nls.iter().map(|s| s.rows()).sum();
    let mut full = xfixed.clone();
    let mut buf: Vec<f64> = vec![0.0; nls.iter().map(|s| s.m).max().unwrap_or(0)];
    let mut calcfc = |x: &[f64], out: &mut [f64]| -> f64 {
        for (k, &i) in free.iter().enumerate() {
            full[i] = x[k];
        }
        let f = fun(&full);
        let mut p = 0;
        for s in &nls {
            let v = &mut buf[..s.m];
            constraints[s.idx].eval(&full, v);
            for (l, vi) in s.lb.iter().zip(v.iter()) {
                if *l > f64::NEG_INFINITY {
                    out[p] = l - vi;
                    p += 1;
                }
            }
            for (u, vi) in s.ub.iter().zip(v.iter()) {
                if *u < f64::INFINITY {
                    out[p] = vi - u;
                    p += 1;
                }
            }
        }
        f
    };
    let mut nl0 = vec![0.0; m_nlcon];
    let f0 = calcfc(&xr, &mut nl0);
    let s = Settings::new(
        n,
        o.rhobeg.unwrap_or(1.0),
        o.tol.unwrap_or(1e-4),
        o.maxiter.unwrap_or(1000),
        o.catol.unwrap_or(EPS.sqrt()),
        o.f_target.unwrap_or(f64::NEG_INFINITY),
    );
    let mut xcb = xfixed.clone();
    let mut cb = |x: &[f64], f: f64| -> bool {
        match callback.as_deref_mut() {
            Some(c) => {
                for (k, &i) in free.iter().enumerate() {
                    xcb[i] = x[k];
                }
                c(&xcb, f)
            }
            None => false,
        }
    };
    let out = cobyla(&mut calcfc, m_nlcon, &xr, amat, bvec, f0, &nl0, &s, &mut cb);
    let mut r = OptimizeResult::empty(nfull);
    r.x = xfixed;
    for (k, &i) in free.iter().enumerate() {
        r.x[i] = out.x[k];
    }
    r.fun = out.f;
    r.nfev = out.nf;
    r.status = out.info;
    r.maxcv = out.cstrv;
    if out.cstrv > s.ctol {
        r.success = false;
        r.message = "Did not converge to a solution satisfying the constraints. See `maxcv` for the magnitude of the violation.".into();
    } else {
        r.success = out.info == SMALL_TR_RADIUS || out.info == FTARGET_ACHIEVED;
        r.message = info_string(out.info);
    }
    Ok(r)
}

/// pyprima's `_project`: the starting point moved into the bounds and,
/// when it violates them, onto the linear constraints (by SLSQP on
/// `|x - x0|^2 / 2`, as pyprima does).
fn project(x0: &[f64], lb: &[f64], ub: &[f64], a: &[Vec<f64>], alb: &[f64], aub: &[f64]) -> Result<Vec<f64>> {
    let n = x0.len();
    let clip = |x: &[f64]| -> Vec<f64> { (0..n).map(|i| x[i].max(lb[i]).min(ub[i])).collect() };
    if a.is_empty() {
        return Ok(clip(x0));
    }
    let all_eq = (0..a.len()).all(|r| (aub[r] - alb[r]).abs() <= EPS);
    let lbmax = lb.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let ubmin = ub.iter().cloned().fold(f64::INFINITY, f64::min);
    if all_eq && lbmax <= -1e20 && ubmin >= 1e20 {
        // x0 + lstsq(A, b - A x0), as columns of A^T
        let rhs: Vec<f64> = (0..a.len())
            .map(|r| (alb[r] + aub[r]) / 2.0 - dot(&a[r], x0))
            .collect();
        let cols: Vec<Vec<f64>> = (0..n).map(|j| a.iter().map(|row| row[j]).collect()).collect();
        let refs: Vec<&[f64]> = cols.iter().map(|c| c.as_slice()).collect();
        let xi = lstsq(&refs, &rhs);
        let moved: Vec<f64> = x0.iter().zip(&xi).map(|(x, d)| x + d).collect();
        return Ok(clip(&moved));
    }
    let ax: Vec<f64> = a.iter().map(|row| dot(row, x0)).collect();
    let infeasible = (0..a.len()).any(|r| {
        if alb[r] != aub[r] {
            ax[r] > aub[r] || alb[r] > ax[r]
        } else {
            ax[r] != alb[r]
        }
    }) || (0..n).any(|i| x0[i] > ub[i] || lb[i] > x0[i]);
    if !infeasible {
        return Ok(x0.to_vec());
    }
    let flat: Vec<f64> = a.iter().flat_map(|r| r.iter().cloned()).collect();
    let mut cons = [Constraint::Linear(LinearConstraint::new(
        flat,
        alb.to_vec(),
        aub.to_vec(),
    ))];
    let xs = x0.to_vec();
    let xg = x0.to_vec();
    let mut g = |x: &[f64], out: &mut [f64]| {
        for i in 0..x.len() {
            out[i] = x[i] - xg[i];
        }
    };
    let po = MinimizeOptions {
        bounds: Some(super::Bounds::new(lb.to_vec(), ub.to_vec())),
        ..Default::default()
    };
    let r = super::minimize_constrained(
        |x: &[f64]| {
            let d: Vec<f64> = x.iter().zip(&xs).map(|(a, b)| a - b).collect();
            dot(&d, &d) / 2.0
        },
        Some(&mut g),
        x0,
        super::Method::Slsqp,
        &mut cons,
        &po,
        None,
    )?;
    Ok(r.x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lstsq_square_and_tall() {
        let c0 = [2.0, 0.0, 1.0];
        let c1 = [1.0, 3.0, 0.0];
        let x = lstsq(&[&c0, &c1], &[3.0, 3.0, 1.0]);
        // exact solution (1, 1)
        assert!((x[0] - 1.0).abs() < 1e-14 && (x[1] - 1.0).abs() < 1e-14);
    }

    #[test]
    fn inverse_of_columns() {
        let cols = vec![vec![2.0, 1.0], vec![1.0, 3.0]];
        let inv = inv_cols(&cols).unwrap();
        assert!(inv_error(&inv, &cols, 2) < 1e-15);
    }

    #[test]
    fn planerot_zeroes_second() {
        let (c, s) = planerot(3.0, 4.0);
        assert!((c * 3.0 + s * 4.0 - 5.0).abs() < 1e-15);
        assert!((-s * 3.0 + c * 4.0).abs() < 1e-15);
    }

    #[test]
    fn redrho_steps() {
        assert_eq!(redrho(1.0, 1e-4), 0.1);
        assert_eq!(redrho(1e-3, 1e-4), 1e-4);
    }

    #[test]
    fn unconstrained_quadratic() {
        let mut calc = |x: &[f64], _c: &mut [f64]| (x[0] - 1.0).powi(2) + (x[1] + 2.0).powi(2);
        let s = Settings::new(2, 1.0, 1e-8, 1000, EPS.sqrt(), f64::NEG_INFINITY);
        let f0 = 1.0 + 4.0;
        let out = cobyla(
            &mut calc,
            0,
            &[0.0, 0.0],
            vec![],
            vec![],
            f0,
            &[],
            &s,
            &mut |_, _| false,
        );
        assert_eq!(out.info, SMALL_TR_RADIUS);
        assert!((out.x[0] - 1.0).abs() < 1e-6 && (out.x[1] + 2.0).abs() < 1e-6);
    }
}
