//! Powell's hybrid method as MINPACK's `hybrd`/`hybrj` (SciPy's C
//! translation): dogleg steps on a QR factorisation kept current by
//! Broyden rank-one updates (`r1updt`, `r1mpyq`), with a fresh
//! forward-difference (or user) Jacobian when progress stalls.
//! `fjac` is column-major n×n, `r` the upper triangle packed by rows.

// Packed-triangle indices advance alongside the loop variable, as in MINPACK.
#![allow(clippy::explicit_counter_loop)]

use super::VecFn;
use super::minpack::{enorm, qrfac};
use crate::{Error, Result};

const EPSMCH: f64 = f64::EPSILON;

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
    // Gauss-Newton direction
    let mut jj = n * (n + 1) / 2 + 1;
    for k in 1..=n {
        let j = n - k + 1;
        jj -= k;
        let mut l = jj + 1;
        let mut sum = 0.0;
        for i in j + 1..=n {
            sum += r[l - 1] * x[i - 1];
            l += 1;
        }
        let mut temp = r[jj - 1];
        if temp == 0.0 {
            let mut l = j;
            for i in 1..=j {
                temp = temp.max(r[l - 1].abs());
                l = l + n - i;
            }
            temp *= EPSMCH;
            if temp == 0.0 {
                temp = EPSMCH;
            }
        }
        x[j - 1] = (qtb[j - 1] - sum) / temp;
    }
    for j in 0..n {
        wa1[j] = 0.0;
        wa2[j] = diag[j] * x[j];
    }
    let qnorm = enorm(&wa2[..n]);
    if qnorm <= delta {
        return;
    }
    // scaled gradient direction
    let mut l = 0;
    for j in 0..n {
        let temp = qtb[j];
        for w in wa1[j..n].iter_mut() {
            *w += r[l] * temp;
            l += 1;
        }
        wa1[j] /= diag[j];
    }
    let gnorm = enorm(&wa1[..n]);
    let mut sgnorm = 0.0;
    let mut alpha = delta / qnorm;
    if gnorm != 0.0 {
        for j in 0..n {
            wa1[j] = (wa1[j] / gnorm) / diag[j];
        }
        let mut l = 0;
        for j in 0..n {
            let mut sum = 0.0;
            for &w in &wa1[j..n] {
                sum += r[l] * w;
                l += 1;
            }
            wa2[j] = sum;
        }
        let temp = enorm(&wa2[..n]);
        sgnorm = (gnorm / temp) / temp;
        alpha = 0.0;
        if sgnorm < delta {
            // the dogleg point
            let bnorm = enorm(&qtb[..n]);
            let dq = delta / qnorm;
            let sd = sgnorm / delta;
            let mut temp = (bnorm / gnorm) * (bnorm / qnorm) * sd;
            temp = temp - dq * (sd * sd)
                + ((temp - dq) * (temp - dq) + (1.0 - dq * dq) * (1.0 - sd * sd)).sqrt();
            alpha = (dq * (1.0 - sd * sd)) / temp;
        }
    }
    let temp = (1.0 - alpha) * sgnorm.min(delta);
    for j in 0..n {
        x[j] = temp * wa1[j] + alpha * x[j];
    }
}

/// Q of the (unpivoted) QR stored in `q` (n×n column-major).
fn qform(n: usize, q: &mut [f64], wa: &mut [f64]) {
    for j in 1..n {
        for i in 0..j {
            q[i + n * j] = 0.0;
        }
    }
    for l in 0..n {
        let k = n - 1 - l;
        for i in k..n {
            wa[i] = q[i + n * k];
            q[i + n * k] = 0.0;
        }
        q[k + n * k] = 1.0;
        if wa[k] == 0.0 {
            continue;
        }
        for j in k..n {
            let mut sum = 0.0;
            for i in k..n {
                sum += q[i + n * j] * wa[i];
            }
            let temp = sum / wa[k];
            for i in k..n {
                q[i + n * j] -= temp * wa[i];
            }
        }
    }
}

/// Updates the packed upper triangle `s` to that of `s + u v^T` times an
/// orthogonal matrix; `v` and `w` receive the Givens rotations. Returns
/// whether the result is singular.
fn r1updt(n: usize, s: &mut [f64], u: &[f64], v: &mut [f64], w: &mut [f64]) -> bool {
    let giant = f64::MAX;
    // 1-based indices as MINPACK, m = n
    let mut jj = n * (n + 1) / 2;
    w[n - 1] = s[jj - 1];
    for nmj in 1..n {
        let j = n - nmj;
        jj -= n - j + 1;
        w[j - 1] = 0.0;
        if v[j - 1] != 0.0 {
            let (sin, cos, tau);
            if v[n - 1].abs() < v[j - 1].abs() {
                let cotan = v[n - 1] / v[j - 1];
                sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
                cos = sin * cotan;
                tau = if cos.abs() * giant > 1.0 { 1.0 / cos } else { 1.0 };
            } else {
                let tan = v[j - 1] / v[n - 1];
                cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
                sin = cos * tan;
                tau = sin;
            }
            v[n - 1] = sin * v[j - 1] + cos * v[n - 1];
            v[j - 1] = tau;
            let mut l = jj;
            for i in j..=n {
                let temp = cos * s[l - 1] - sin * w[i - 1];
                w[i - 1] = sin * s[l - 1] + cos * w[i - 1];
                s[l - 1] = temp;
                l += 1;
            }
        }
    }
    for i in 0..n {
        w[i] += v[n - 1] * u[i];
    }
    let mut sing = false;
    for j in 1..n {
        if w[j - 1] != 0.0 {
            let (sin, cos, tau);
            if s[jj - 1].abs() < w[j - 1].abs() {
                let cotan = s[jj - 1] / w[j - 1];
                sin = 0.5 / (0.25 + 0.25 * cotan * cotan).sqrt();
                cos = sin * cotan;
                tau = if cos.abs() * giant > 1.0 { 1.0 / cos } else { 1.0 };
            } else {
                let tan = w[j - 1] / s[jj - 1];
                cos = 0.5 / (0.25 + 0.25 * tan * tan).sqrt();
                sin = cos * tan;
                tau = sin;
            }
            let mut l = jj;
            for i in j..=n {
                let temp = cos * s[l - 1] + sin * w[i - 1];
                w[i - 1] = -sin * s[l - 1] + cos * w[i - 1];
                s[l - 1] = temp;
                l += 1;
            }
            w[j - 1] = tau;
        }
        if s[jj - 1] == 0.0 {
            sing = true;
        }
        jj += n - j + 1;
    }
    s[jj - 1] = w[n - 1];
    if s[jj - 1] == 0.0 {
        sing = true;
    }
    sing
}

/// Applies the rotations of `r1updt` (`v`, `w`) to the m×n column-major `a`.
fn r1mpyq(m: usize, n: usize, a: &mut [f64], lda: usize, v: &[f64], w: &[f64]) {
    if n < 2 {
        return;
    }
    let rot = |t: f64| {
        if t.abs() > 1.0 {
            (1.0 / t, (1.0 - (1.0 / t) * (1.0 / t)).sqrt())
        } else {
            ((1.0 - t * t).sqrt(), t)
        }
    };
    let (head, last) = a.split_at_mut(lda * (n - 1));
    let last = &mut last[..m];
    for nmj in 1..n {
        let j = n - 1 - nmj;
        let (cos, sin) = rot(v[j]);
        for (aj, an) in head[lda * j..lda * j + m].iter_mut().zip(last.iter_mut()) {
            let temp = cos * *aj - sin * *an;
            *an = sin * *aj + cos * *an;
            *aj = temp;
        }
    }
    for j in 0..n - 1 {
        let (cos, sin) = rot(w[j]);
        for (aj, an) in head[lda * j..lda * j + m].iter_mut().zip(last.iter_mut()) {
            let temp = cos * *aj + sin * *an;
            *an = -sin * *aj + cos * *an;
            *aj = temp;
        }
    }
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
    let mut fjac = vec![0.0; n * n];
    let mut r = vec![0.0; n * (n + 1) / 2];
    let mut qtf = vec![0.0; n];
    let (mut wa1, mut wa2, mut wa3, mut wa4) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let mut diag = vec![0.0; n];
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
                    for j in 0..n {
                        let temp = x[j];
                        let mut h = eps * temp.abs();
                        if h == 0.0 {
                            h = eps;
                        }
                        x[j] = temp + h;
                        fcn(&x, &mut wa1);
                        x[j] = temp;
                        for i in 0..n {
                            fjac[i + n * j] = (wa1[i] - fvec[i]) / h;
                        }
                    }
                    nfev += n;
                }
                Some(jf) => {
                    jf(&x, &mut rowmajor);
                    for i in 0..n {
                        for j in 0..n {
                            fjac[i + n * j] = rowmajor[i * n + j];
                        }
                    }
                    njev += 1;
                }
            }
            qrfac(n, n, &mut fjac, false, &mut ipvt, &mut wa1, &mut wa2, &mut wa3);
            if iter == 1 {
                if !mode2 {
                    for j in 0..n {
                        diag[j] = if wa2[j] == 0.0 { 1.0 } else { wa2[j] };
                    }
                }
                for j in 0..n {
                    wa3[j] = diag[j] * x[j];
                }
                xnorm = enorm(&wa3);
                delta = factor * xnorm;
                if delta == 0.0 {
                    delta = factor;
                }
            }
            qtf.copy_from_slice(&fvec);
            for j in 0..n {
                let ajj = fjac[j + n * j];
                if ajj != 0.0 {
                    let mut sum = 0.0;
                    for i in j..n {
                        sum += fjac[i + n * j] * qtf[i];
                    }
                    let temp = -sum / ajj;
                    for i in j..n {
                        qtf[i] += fjac[i + n * j] * temp;
                    }
                }
            }
            // copy R (packed by rows)
            for j in 0..n {
                let mut l = j;
                for i in 0..j {
                    r[l] = fjac[i + n * j];
                    l += n - i - 1;
                }
                r[l] = wa1[j];
            }
            qform(n, &mut fjac, &mut wa1);
            if !mode2 {
                for j in 0..n {
                    diag[j] = diag[j].max(wa2[j]);
                }
            }
            loop {
                dogleg(n, &r, &diag, &qtf, delta, &mut wa1, &mut wa2, &mut wa3);
                for j in 0..n {
                    wa1[j] = -wa1[j];
                    wa2[j] = x[j] + wa1[j];
                    wa3[j] = diag[j] * wa1[j];
                }
                let pnorm = enorm(&wa3);
                if iter == 1 {
                    delta = delta.min(pnorm);
                }
                fcn(&wa2, &mut wa4);
                nfev += 1;
                let fnorm1 = enorm(&wa4);
                let mut actred = -1.0;
                if fnorm1 < fnorm {
                    let t = fnorm1 / fnorm;
                    actred = 1.0 - t * t;
                }
                let mut l = 0;
                for i in 0..n {
                    let mut sum = 0.0;
                    for &w in &wa1[i..n] {
                        sum += r[l] * w;
                        l += 1;
                    }
                    wa3[i] = qtf[i] + sum;
                }
                let temp = enorm(&wa3);
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
                    for j in 0..n {
                        x[j] = wa2[j];
                        wa2[j] = diag[j] * x[j];
                        fvec[j] = wa4[j];
                    }
                    xnorm = enorm(&wa2);
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
                for j in 0..n {
                    let mut sum = 0.0;
                    for i in 0..n {
                        sum += fjac[i + n * j] * wa4[i];
                    }
                    wa2[j] = (sum - wa3[j]) / pnorm;
                    wa1[j] = diag[j] * ((diag[j] * wa1[j]) / pnorm);
                    if ratio >= 1e-4 {
                        qtf[j] = sum;
                    }
                }
                r1updt(n, &mut r, &wa1, &mut wa2, &mut wa3);
                r1mpyq(n, n, &mut fjac, n, &wa2, &wa3);
                r1mpyq(1, n, &mut qtf, 1, &wa2, &wa3);
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
