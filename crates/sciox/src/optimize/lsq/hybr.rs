//! Powell's hybrid method as MINPACK's `hybrd`/`hybrj` (SciPy's C
//! translation): dogleg steps on a QR factorisation kept current by
//! Broyden rank-one updates (`r1updt`, `r1mpyq`, fused here), with a fresh
//! forward-difference (or user) Jacobian when progress stalls.
//! `fjac` is column-major n×n, `r` the upper triangle packed by rows.

use super::VecFn;
use super::minpack::{enorm, qrfac};
use crate::{Error, Result};

const EPSMCH: f64 = f64::EPSILON;

/// `a[0] b[0] + a[1] b[1] + ...` summed left to right from 0.0 (MINPACK's
/// `sum += a(i) * b(i)` loops; the order is kept so iterates stay bit for bit).
#[inline(always)]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (x, y) in a.iter().zip(b) {
        sum += x * y;
    }
    sum
}

/// The rows of the packed upper triangle of order `n` (row `j` holds
/// columns `j..n`), first to last.
#[inline(always)]
fn packed_rows(r: &[f64], n: usize) -> impl Iterator<Item = &[f64]> {
    let mut rest = r;
    (0..n).map(move |j| {
        let (row, tail) = rest.split_at(n - j);
        rest = tail;
        row
    })
}

/// MINPACK's `dogleg`: the convex combination of the Gauss-Newton step and
/// the scaled gradient step that minimises the model within `delta`,
/// written to `x`.
#[allow(clippy::too_many_arguments)]
fn dogleg(
    n: usize,
    r: &[f64],
    diag: &[f64],
    qtb: &[f64],
    delta: f64,
    x: &mut [f64],
    wa1: &mut [f64],
    wa2: &mut [f64],
) {
    let (diag, qtb, x, wa1, wa2) = (&diag[..n], &qtb[..n], &mut x[..n], &mut wa1[..n], &mut wa2[..n]);
    // Gauss-Newton direction: back substitution, last row first
    let mut rest = &r[..n * (n + 1) / 2];
    for j in (0..n).rev() {
        let (head, row) = rest.split_at(rest.len() - (n - j));
        rest = head;
        let sum = dot(&row[1..], &x[j + 1..]);
        let mut temp = row[0];
        if temp == 0.0 {
            // largest entry of column j of R
            let mut l = j;
            for i in 0..=j {
                temp = temp.max(r[l].abs());
                l += n - i - 1;
            }
            temp *= EPSMCH;
            if temp == 0.0 {
                temp = EPSMCH;
            }
        }
        x[j] = (qtb[j] - sum) / temp;
    }
    for (w, (&d, &xj)) in wa2.iter_mut().zip(diag.iter().zip(x.iter())) {
        *w = d * xj;
    }
    let qnorm = enorm(wa2);
    if qnorm <= delta {
        return;
    }
    // scaled gradient direction
    wa1.fill(0.0);
    for (j, row) in packed_rows(r, n).enumerate() {
        let temp = qtb[j];
        let w = &mut wa1[j..];
        for (wi, &rv) in w.iter_mut().zip(row) {
            *wi += rv * temp;
        }
        w[0] /= diag[j];
    }
    let gnorm = enorm(wa1);
    let mut sgnorm = 0.0;
    let mut alpha = delta / qnorm;
    if gnorm != 0.0 {
        // the length of the Cauchy step along it
        for (w, &d) in wa1.iter_mut().zip(diag) {
            *w = (*w / gnorm) / d;
        }
        for (j, row) in packed_rows(r, n).enumerate() {
            wa2[j] = dot(row, &wa1[j..]);
        }
        let temp = enorm(wa2);
        sgnorm = (gnorm / temp) / temp;
        alpha = 0.0;
        if sgnorm < delta {
            // the dogleg point
            let bnorm = enorm(qtb);
            let dq = delta / qnorm;
            let sd = sgnorm / delta;
            let mut temp = (bnorm / gnorm) * (bnorm / qnorm) * sd;
            temp = temp - dq * (sd * sd)
                + ((temp - dq) * (temp - dq) + (1.0 - dq * dq) * (1.0 - sd * sd)).sqrt();
            alpha = (dq * (1.0 - sd * sd)) / temp;
        }
    }
    let temp = (1.0 - alpha) * sgnorm.min(delta);
    for (xj, &w) in x.iter_mut().zip(wa1.iter()) {
        *xj = temp * w + alpha * *xj;
    }
}

/// Q of the (unpivoted) QR stored in `q` (n×n column-major).
fn qform(n: usize, q: &mut [f64], wa: &mut [f64]) {
    let q = &mut q[..n * n];
    let wa = &mut wa[..n];
    for (j, col) in q.chunks_exact_mut(n).enumerate() {
        col[..j].fill(0.0);
    }
    for k in (0..n).rev() {
        let (_, tail) = q.split_at_mut(n * k);
        let colk = &mut tail[k..n];
        wa[k..].copy_from_slice(colk);
        colk.fill(0.0);
        colk[0] = 1.0;
        let w = &wa[k..];
        let wk = w[0];
        if wk == 0.0 {
            continue;
        }
        for col in tail.chunks_exact_mut(n) {
            let c = &mut col[k..];
            let temp = dot(c, w) / wk;
            for (ci, &wi) in c.iter_mut().zip(w) {
                *ci -= temp * wi;
            }
        }
    }
}

/// The plane rotation `(a, b) <- (c a - s b, s a + c b)`, elementwise (two
/// at a time, which the compiler turns into vector instructions; each
/// element gets exactly these operations).
#[inline(always)]
fn rotate(a: &mut [f64], b: &mut [f64], c: f64, s: f64) {
    let len = a.len().min(b.len());
    let mut ac = a[..len].chunks_exact_mut(2);
    let mut bc = b[..len].chunks_exact_mut(2);
    for (a2, b2) in (&mut ac).zip(&mut bc) {
        let (a0, a1, b0, b1) = (a2[0], a2[1], b2[0], b2[1]);
        a2[0] = c * a0 - s * b0;
        a2[1] = c * a1 - s * b1;
        b2[0] = s * a0 + c * b0;
        b2[1] = s * a1 + c * b1;
    }
    for (ai, bi) in ac.into_remainder().iter_mut().zip(bc.into_remainder()) {
        let temp = c * *ai - s * *bi;
        *bi = s * *ai + c * *bi;
        *ai = temp;
    }
}

/// MINPACK's `r1mpyq` rotation of a Givens factor `t` (`v[j]` or `w[j]`
/// as `r1updt` left it): `(cos, sin)`.
#[inline(always)]
fn rot_of(t: f64) -> (f64, f64) {
    if t.abs() > 1.0 {
        (1.0 / t, (1.0 - (1.0 / t) * (1.0 / t)).sqrt())
    } else {
        ((1.0 - t * t).sqrt(), t)
    }
}

/// MINPACK's `r1updt` (m = n) followed by its two `r1mpyq` calls, on `q`
/// (n×n column-major) and on the row `qtf`: updates the packed upper
/// triangle `s` to that of `s + u v^T` times an orthogonal matrix (`v` and
/// `w` receive the Givens rotations) and applies the same rotations to `q`
/// and `qtf`. Each rotation is applied to `q` and `qtf` as soon as `r1updt`
/// has made it, so that this work overlaps the latency of the next
/// rotation's divisions and square root; every element sees the same
/// operations in the same order as in MINPACK. Returns whether the
/// updated triangle is singular.
fn r1updt_mpyq(
    n: usize,
    s: &mut [f64],
    u: &[f64],
    v: &mut [f64],
    w: &mut [f64],
    q: &mut [f64],
    qtf: &mut [f64],
) -> bool {
    let giant = f64::MAX;
    let len = n * (n + 1) / 2;
    let (s, u, v, w, qtf) = (&mut s[..len], &u[..n], &mut v[..n], &mut w[..n], &mut qtf[..n]);
    // columns 0..n-1 of q, and its last column
    let (qhead, qlast) = q[..n * n].split_at_mut(n * (n - 1));
    // `jj` is the start of row j of the packed s
    let mut jj = len - 1;
    w[n - 1] = s[jj];
    // the rotations that make v a multiple of e_n, applied to s (rows n-2 .. 0)
    for j in (0..n - 1).rev() {
        jj -= n - j;
        w[j] = 0.0;
        if v[j] != 0.0 {
            let (sin, cos, tau);
            if v[n - 1].abs() < v[j].abs() {
                let cotan = v[n - 1] / v[j];
                sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
                cos = sin * cotan;
                tau = if cos.abs() * giant > 1.0 { 1.0 / cos } else { 1.0 };
            } else {
                let tan = v[j] / v[n - 1];
                cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
                sin = cos * tan;
                tau = sin;
            }
            v[n - 1] = sin * v[j] + cos * v[n - 1];
            v[j] = tau;
            rotate(&mut s[jj..jj + n - j], &mut w[j..], cos, sin);
        }
        // r1mpyq's first sweep, rotation j (from the stored factor, as MINPACK)
        let (cos, sin) = rot_of(v[j]);
        rotate(&mut qhead[n * j..n * j + n], qlast, cos, sin);
        let temp = cos * qtf[j] - sin * qtf[n - 1];
        qtf[n - 1] = sin * qtf[j] + cos * qtf[n - 1];
        qtf[j] = temp;
    }
    let vn = v[n - 1];
    for (wi, &ui) in w.iter_mut().zip(u) {
        *wi += vn * ui;
    }
    // the rotations that remove the spike in w (rows 0 .. n-2)
    let mut sing = false;
    for j in 0..n - 1 {
        if w[j] != 0.0 {
            let (sin, cos, tau);
            if s[jj].abs() < w[j].abs() {
                let cotan = s[jj] / w[j];
                sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
                cos = sin * cotan;
                tau = if cos.abs() * giant > 1.0 { 1.0 / cos } else { 1.0 };
            } else {
                let tan = w[j] / s[jj];
                cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
                sin = cos * tan;
                tau = sin;
            }
            // (c s + sin w, -sin s + c w): the same products and sums
            rotate(&mut s[jj..jj + n - j], &mut w[j..], cos, -sin);
            w[j] = tau;
        }
        if s[jj] == 0.0 {
            sing = true;
        }
        jj += n - j;
        // r1mpyq's second sweep, rotation j
        let (cos, sin) = rot_of(w[j]);
        rotate(&mut qhead[n * j..n * j + n], qlast, cos, -sin);
        let temp = cos * qtf[j] + sin * qtf[n - 1];
        qtf[n - 1] = -sin * qtf[j] + cos * qtf[n - 1];
        qtf[j] = temp;
    }
    s[jj] = w[n - 1];
    if s[jj] == 0.0 {
        sing = true;
    }
    sing
}

/// Options of [`root_hybr`] and [`fsolve`] (SciPy's `hybr` options and defaults).
///
/// ```
/// use sciox::optimize::HybrOptions;
/// assert_eq!(HybrOptions::default().xtol, 1.49012e-8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct HybrOptions {
    /// Relative error desired between two iterates (default `1.49012e-8`).
    pub xtol: f64,
    /// Maximum calls (`None`: `200 * (n + 1)`, or `100 * (n + 1)` with a Jacobian).
    pub maxfev: Option<usize>,
    /// Step-length parameter of the forward differences (`None`: machine epsilon).
    pub epsfcn: Option<f64>,
    /// Initial step bound factor (default 100).
    pub factor: f64,
    /// Variable scale factors (`None`: automatic).
    pub diag: Option<Vec<f64>>,
}

impl Default for HybrOptions {
    fn default() -> Self {
        HybrOptions {
            xtol: 1.49012e-8,
            maxfev: None,
            epsfcn: None,
            factor: 100.0,
            diag: None,
        }
    }
}

/// The outcome of [`root_hybr`] (SciPy's `root(method='hybr')` result).
///
/// ```
/// use sciox::optimize::{root_hybr, HybrOptions};
/// let r = root_hybr(|x: &[f64], f: &mut [f64]| f[0] = x[0] * x[0] - 2.0, &[1.0], &HybrOptions::default()).unwrap();
/// assert!(r.success && (r.x[0] - 2f64.sqrt()).abs() < 1e-10);
/// assert_eq!(r.message, "The solution converged.");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RootResult {
    /// The solution.
    pub x: Vec<f64>,
    /// The functions at `x`.
    pub fun: Vec<f64>,
    /// Function calls (finite-difference calls included): MINPACK's count.
    /// SciPy reports 2 more, the calls its Python wrapper makes to check
    /// the function's output (which sciox does not need).
    pub nfev: usize,
    /// Jacobian calls (0 without an analytic Jacobian).
    pub njev: usize,
    /// MINPACK's `info`: 1 converged, 2 `maxfev` reached, 3 `xtol` too
    /// small, 4/5 not making progress.
    pub status: i32,
    /// `status == 1`.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

/// `scipy.optimize.root(fun, x0, method='hybr')`: a zero of `n` functions
/// of `n` variables, `fun(x, out)`, by MINPACK's `hybrd` (forward-difference
/// Jacobian). Same iterates as SciPy, bit for bit; `nfev` is SciPy's minus
/// the 2 calls of its Python wrapper (see [`RootResult::nfev`]).
///
/// Errors: empty or NaN `x0`, `diag` of the wrong length. Not converging
/// is reported in `status`/`success`/`message`.
///
/// ```
/// use sciox::optimize::{root_hybr, HybrOptions};
/// // x0 + x1 = 3, x0 x1 = 2 from (0, 5)
/// let f = |x: &[f64], f: &mut [f64]| { f[0] = x[0] + x[1] - 3.0; f[1] = x[0] * x[1] - 2.0 };
/// let r = root_hybr(f, &[0.0, 5.0], &HybrOptions::default()).unwrap();
/// assert!(r.success && r.fun.iter().all(|v| v.abs() < 1e-10));
/// ```
pub fn root_hybr<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    x0: &[f64],
    opts: &HybrOptions,
) -> Result<RootResult> {
    hybrj(&mut fun, None, x0, opts)
}

/// [`root_hybr`] with an analytic Jacobian `jac(x, out)` writing the n×n
/// matrix row-major (MINPACK `hybrj`).
///
/// ```
/// use sciox::optimize::{root_hybr_with_jac, HybrOptions};
/// let f = |x: &[f64], f: &mut [f64]| f[0] = x[0] * x[0] - 2.0;
/// let j = |x: &[f64], j: &mut [f64]| j[0] = 2.0 * x[0];
/// let r = root_hybr_with_jac(f, j, &[1.0], &HybrOptions::default()).unwrap();
/// assert!(r.success && r.njev >= 1);
/// ```
pub fn root_hybr_with_jac<F, J>(mut fun: F, mut jac: J, x0: &[f64], opts: &HybrOptions) -> Result<RootResult>
where
    F: FnMut(&[f64], &mut [f64]),
    J: FnMut(&[f64], &mut [f64]),
{
    hybrj(&mut fun, Some(&mut jac), x0, opts)
}

/// `scipy.optimize.fsolve`: the `x` of [`root_hybr`] (SciPy warns when it
/// does not converge; here check [`root_hybr`]'s `success` if that matters).
///
/// ```
/// use sciox::optimize::{fsolve, HybrOptions};
/// let x = fsolve(|x: &[f64], f: &mut [f64]| f[0] = x[0].cos() - x[0], &[1.0], &HybrOptions::default()).unwrap();
/// assert!((x[0] - 0.7390851332151607).abs() < 1e-10);
/// ```
pub fn fsolve<F: FnMut(&[f64], &mut [f64])>(fun: F, x0: &[f64], opts: &HybrOptions) -> Result<Vec<f64>> {
    root_hybr(fun, x0, opts).map(|r| r.x)
}

pub(crate) fn hybrj(
    fcn: &mut VecFn<'_>,
    mut jac: Option<&mut VecFn<'_>>,
    x0: &[f64],
    opts: &HybrOptions,
) -> Result<RootResult> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("`x0` must have at least one element."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("`x0` contains NaN."));
    }
    if let Some(d) = &opts.diag
        && d.len() != n
    {
        return Err(Error::invalid("`diag` must have one entry per variable."));
    }
    let has_jac = jac.is_some();
    let maxfev = match opts.maxfev {
        Some(v) if v > 0 => v,
        _ if has_jac => 100 * (n + 1),
        _ => 200 * (n + 1),
    };
    let xtol = opts.xtol;
    let factor = opts.factor;
    let epsfcn = opts.epsfcn.unwrap_or(EPSMCH);
    let mut x = x0.to_vec();
    let mut fvec = vec![0.0; n];
    // the work arrays in two allocations (each small enough for the
    // allocator's per-thread cache at n = 10)
    let nr = n * (n + 1) / 2;
    let mut fjac = vec![0.0; n * n];
    let fjac = &mut fjac[..];
    let mut work = vec![0.0; nr + 6 * n];
    let (r, rest) = work.split_at_mut(nr);
    let (qtf, rest) = rest.split_at_mut(n);
    let (wa1, rest) = rest.split_at_mut(n);
    let (wa2, rest) = rest.split_at_mut(n);
    let (wa3, rest) = rest.split_at_mut(n);
    let (wa4, diag) = rest.split_at_mut(n);
    let mut ipvt = vec![0usize; n];
    let mode2 = opts.diag.is_some();
    let (mut nfev, mut njev, mut info) = (0usize, 0usize, 0i32);
    let bad_input =
        xtol < 0.0 || factor <= 0.0 || opts.diag.as_ref().is_some_and(|d| d.iter().any(|&v| v <= 0.0));
    if !bad_input {
        if let Some(d) = &opts.diag {
            diag.copy_from_slice(d);
        }
        fcn(&x, &mut fvec);
        nfev = 1;
        let mut fnorm = enorm(&fvec);
        let mut iter = 1;
        let (mut ncsuc, mut ncfail, mut nslow1, mut nslow2) = (0, 0, 0, 0);
        let (mut xnorm, mut delta) = (0.0, 0.0);
        let mut rowmajor = if has_jac { vec![0.0; n * n] } else { Vec::new() };
        'outer: loop {
            let mut jeval = true;
            match jac.as_deref_mut() {
                None => {
                    let eps = epsfcn.max(EPSMCH).sqrt();
                    for (j, col) in fjac.chunks_exact_mut(n).enumerate() {
                        let temp = x[j];
                        let mut h = eps * temp.abs();
                        if h == 0.0 {
                            h = eps;
                        }
                        x[j] = temp + h;
                        fcn(&x, wa1);
                        x[j] = temp;
                        for (c, (&w, &f)) in col.iter_mut().zip(wa1.iter().zip(&fvec)) {
                            *c = (w - f) / h;
                        }
                    }
                    nfev += n;
                }
                Some(jf) => {
                    jf(&x, &mut rowmajor);
                    for (j, col) in fjac.chunks_exact_mut(n).enumerate() {
                        for (c, &v) in col.iter_mut().zip(rowmajor[j..].iter().step_by(n)) {
                            *c = v;
                        }
                    }
                    njev += 1;
                }
            }
            qrfac(n, n, fjac, false, &mut ipvt, wa1, wa2, wa3);
            if iter == 1 {
                if !mode2 {
                    for (d, &w) in diag.iter_mut().zip(wa2.iter()) {
                        *d = if w == 0.0 { 1.0 } else { w };
                    }
                }
                for (w, (&d, &xj)) in wa3.iter_mut().zip(diag.iter().zip(&x)) {
                    *w = d * xj;
                }
                xnorm = enorm(wa3);
                delta = factor * xnorm;
                if delta == 0.0 {
                    delta = factor;
                }
            }
            // Q^T fvec from the Householder vectors
            qtf.copy_from_slice(&fvec);
            for (j, col) in fjac.chunks_exact(n).enumerate() {
                let ajj = col[j];
                if ajj != 0.0 {
                    let (c, q) = (&col[j..], &mut qtf[j..]);
                    let temp = -dot(c, q) / ajj;
                    for (qi, &ci) in q.iter_mut().zip(c) {
                        *qi += ci * temp;
                    }
                }
            }
            // copy R (packed by rows): rdiag then the strict upper part of row i
            let mut rest = &mut r[..];
            for (i, &rdiag) in wa1.iter().enumerate() {
                let (row, tail) = rest.split_at_mut(n - i);
                rest = tail;
                row[0] = rdiag;
                // row i of fjac from column i + 1 on (empty for the last row)
                let from = (i + n * (i + 1)).min(n * n);
                for (rv, &a) in row[1..].iter_mut().zip(fjac[from..].iter().step_by(n)) {
                    *rv = a;
                }
            }
            qform(n, fjac, wa1);
            if !mode2 {
                for (d, &w) in diag.iter_mut().zip(wa2.iter()) {
                    *d = d.max(w);
                }
            }
            loop {
                dogleg(n, r, diag, qtf, delta, wa1, wa2, wa3);
                for (((w1, w2), w3), (&xj, &d)) in wa1
                    .iter_mut()
                    .zip(wa2.iter_mut())
                    .zip(wa3.iter_mut())
                    .zip(x.iter().zip(diag.iter()))
                {
                    *w1 = -*w1;
                    *w2 = xj + *w1;
                    *w3 = d * *w1;
                }
                let pnorm = enorm(wa3);
                if iter == 1 {
                    delta = delta.min(pnorm);
                }
                fcn(wa2, wa4);
                nfev += 1;
                let fnorm1 = enorm(wa4);
                let mut actred = -1.0;
                if fnorm1 < fnorm {
                    let t = fnorm1 / fnorm;
                    actred = 1.0 - t * t;
                }
                // the predicted reduction: |qtf + R wa1|
                for (i, row) in packed_rows(r, n).enumerate() {
                    wa3[i] = qtf[i] + dot(row, &wa1[i..]);
                }
                let temp = enorm(wa3);
                let mut prered = 0.0;
                if temp < fnorm {
                    let t = temp / fnorm;
                    prered = 1.0 - t * t;
                }
                let ratio = if prered > 0.0 { actred / prered } else { 0.0 };
                if ratio < 0.1 {
                    ncsuc = 0;
                    ncfail += 1;
                    delta *= 0.5;
                } else {
                    ncfail = 0;
                    ncsuc += 1;
                    if ratio >= 0.5 || ncsuc > 1 {
                        delta = delta.max(pnorm / 0.5);
                    }
                    if (ratio - 1.0).abs() <= 0.1 {
                        delta = pnorm / 0.5;
                    }
                }
                if ratio >= 1e-4 {
                    for (((xj, w2), fj), (&d, &w4)) in x
                        .iter_mut()
                        .zip(wa2.iter_mut())
                        .zip(fvec.iter_mut())
                        .zip(diag.iter().zip(wa4.iter()))
                    {
                        *xj = *w2;
                        *w2 = d * *xj;
                        *fj = w4;
                    }
                    xnorm = enorm(wa2);
                    fnorm = fnorm1;
                    iter += 1;
                }
                nslow1 += 1;
                if actred >= 0.001 {
                    nslow1 = 0;
                }
                if jeval {
                    nslow2 += 1;
                }
                if actred >= 0.1 {
                    nslow2 = 0;
                }
                if delta <= xtol * xnorm || fnorm == 0.0 {
                    info = 1;
                    break 'outer;
                }
                if nfev >= maxfev {
                    info = 2;
                }
                if 0.1 * (0.1 * delta).max(pnorm) <= EPSMCH * xnorm {
                    info = 3;
                }
                if nslow2 == 5 {
                    info = 4;
                }
                if nslow1 == 10 {
                    info = 5;
                }
                if info != 0 {
                    break 'outer;
                }
                if ncfail == 2 {
                    continue 'outer;
                }
                // Broyden rank-one update of the factorisation
                let accepted = ratio >= 1e-4;
                for (j, col) in fjac.chunks_exact(n).enumerate() {
                    let sum = dot(col, wa4);
                    wa2[j] = (sum - wa3[j]) / pnorm;
                    wa1[j] = diag[j] * ((diag[j] * wa1[j]) / pnorm);
                    if accepted {
                        qtf[j] = sum;
                    }
                }
                r1updt_mpyq(n, r, wa1, wa2, wa3, fjac, qtf);
                jeval = false;
            }
        }
    }
    let message = match info {
        0 => "Improper input parameters were entered.".to_string(),
        1 => "The solution converged.".to_string(),
        2 => format!("The number of calls to function has reached maxfev = {maxfev}."),
        3 => format!("xtol={xtol:.6} is too small, no further improvement in the approximate\n solution is possible."),
        4 => "The iteration is not making good progress, as measured by the \n improvement from the last five Jacobian evaluations.".to_string(),
        _ => "The iteration is not making good progress, as measured by the \n improvement from the last ten iterations.".to_string(),
    };
    Ok(RootResult {
        x,
        fun: fvec,
        nfev,
        njev,
        status: info,
        success: info == 1,
        message,
    })
}
