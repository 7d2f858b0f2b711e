//! `scipy.optimize.curve_fit` (method `lm`: through [`leastsq`](super::leastsq)).

use super::{LeastSquaresOptions, LeastsqOptions, LsqMethod, VecFn, least_squares_impl, leastsq_impl};
use crate::optimize::Bounds;
use crate::{Error, Result};

/// Uncertainty of `ydata` (SciPy's `sigma`).
#[derive(Clone, Debug, PartialEq)]
pub enum Sigma {
    /// 1-D: standard deviations; residuals are `(f - y) / sigma`.
    Std(Vec<f64>),
    /// 2-D: the m×m covariance matrix, row-major; residuals are
    /// `L^{-1} (f - y)` with `C = L L^T` (Cholesky).
    Cov(Vec<f64>),
}

/// Options of [`curve_fit`] (SciPy's keyword arguments and defaults).
///
/// ```
/// use sciox::optimize::CurveFitOptions;
/// let o = CurveFitOptions::default();
/// assert!(o.sigma.is_none() && !o.absolute_sigma);
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CurveFitOptions {
    /// Uncertainty of `ydata` (`None`: all ones).
    pub sigma: Option<Sigma>,
    /// Whether `sigma` is absolute (`pcov` not rescaled by the residual variance).
    pub absolute_sigma: bool,
    /// Options passed to [`leastsq`](super::leastsq) for method `lm`
    /// (`maxfev`, tolerances); `maxfev` is also `max_nfev` of the other
    /// methods unless `least_squares.max_nfev` is set.
    pub leastsq: LeastsqOptions,
    /// Bounds on the parameters (`None`: unbounded).
    pub bounds: Option<Bounds>,
    /// The method (`None`: SciPy's choice, `lm` without bounds and `trf`
    /// with them).
    pub method: Option<LsqMethod>,
    /// Options passed to [`least_squares`](super::least_squares) for
    /// methods `trf` and `dogbox` (tolerances, `loss`, `x_scale`, ...;
    /// its `bounds` and `method` are ignored in favour of the fields above).
    pub least_squares: LeastSquaresOptions,
}

/// The outcome of [`curve_fit`] (`popt`, `pcov` and SciPy's `full_output`).
///
/// ```
/// use sciox::optimize::{curve_fit, CurveFitOptions};
/// let x = [0.0, 1.0, 2.0, 3.0];
/// let y = [1.0, 3.0, 5.0, 7.0];
/// let r = curve_fit(|t, p| p[0] + p[1] * t, &x, &y, &[0.0, 1.0], &CurveFitOptions::default()).unwrap();
/// assert!((r.popt[1] - 2.0).abs() < 1e-8);
/// assert_eq!(r.pcov.len(), 4);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CurveFitResult {
    /// Optimal parameters.
    pub popt: Vec<f64>,
    /// Estimated covariance of `popt`, n×n row-major (all `inf` when it
    /// cannot be estimated, as SciPy).
    pub pcov: Vec<f64>,
    /// Weighted residuals at `popt`.
    pub fvec: Vec<f64>,
    /// Function calls.
    pub nfev: usize,
    /// MINPACK's `info` (SciPy's `ier`, 1-4).
    pub ier: i32,
    /// SciPy's message (`errmsg`).
    pub mesg: String,
}

/// `scipy.optimize.curve_fit` with method `lm`: fit `f(x, params)` to
/// `(xdata, ydata)` starting from `p0`.
///
/// The model is evaluated point by point (`f(x_i, p)`). Same `popt` and
/// `nfev` as SciPy; `pcov` is SciPy's `inv(R^T R)` from the final QR,
/// scaled by `sum(r^2) / (m - n)` unless `absolute_sigma`.
/// Errors: empty or non-finite data, length mismatches, more parameters
/// than points, a `sigma` that is not positive (definite), and (SciPy's
/// RuntimeError) "Optimal parameters not found: ..." when MINPACK stops
/// without converging (e.g. `maxfev` reached).
///
/// With `bounds` (or `method` `trf`/`dogbox`) the fit runs on
/// [`least_squares`](super::least_squares) and `pcov` is SciPy's
/// Moore-Penrose inverse of `J^T J` from the SVD of the final Jacobian
/// (singular values below `eps * max(m, n) * s_max` dropped); `ier` is then
/// `least_squares`' `status`. Errors as SciPy: `lm` with bounds, and
/// "Optimal parameters not found: ..." when the solver does not succeed.
///
/// ```
/// use sciox::optimize::{curve_fit, Bounds, CurveFitOptions};
/// let x: Vec<f64> = (0..20).map(|i| i as f64 * 0.25).collect();
/// let y: Vec<f64> = x.iter().map(|t| 2.5 * (-1.3 * t).exp() + 0.5).collect();
/// let model = |t: f64, p: &[f64]| p[0] * (-p[1] * t).exp() + p[2];
/// let r = curve_fit(model, &x, &y, &[1.0, 1.0, 1.0], &CurveFitOptions::default()).unwrap();
/// assert!((r.popt[0] - 2.5).abs() < 1e-7 && (r.popt[1] - 1.3).abs() < 1e-7);
/// // bounds: method 'trf'; the decay rate is held at its lower bound 1.5
/// let o = CurveFitOptions {
///     bounds: Some(Bounds::new(vec![0.0, 1.5, 0.0], vec![10.0, 3.0, 10.0])),
///     ..Default::default()
/// };
/// let b = curve_fit(model, &x, &y, &[1.0, 2.0, 1.0], &o).unwrap();
/// assert!((b.popt[1] - 1.5).abs() < 1e-6 && b.ier > 0);
/// ```
pub fn curve_fit<F: FnMut(f64, &[f64]) -> f64>(
    mut f: F,
    xdata: &[f64],
    ydata: &[f64],
    p0: &[f64],
    opts: &CurveFitOptions,
) -> Result<CurveFitResult> {
    curve_fit_impl(&mut f, None, xdata, ydata, p0, opts)
}

/// [`curve_fit`] with the model's Jacobian: `jac(x, p, out)` writes the `n`
/// partial derivatives of the model at the point `x` (SciPy's callable
/// `jac`, row by row). MINPACK `lmder` then replaces the finite differences.
///
/// ```
/// use sciox::optimize::{curve_fit_with_jac, CurveFitOptions};
/// let x: Vec<f64> = (0..20).map(|i| i as f64 * 0.25).collect();
/// let y: Vec<f64> = x.iter().map(|t| 2.5 * (-1.3 * t).exp()).collect();
/// let model = |t: f64, p: &[f64]| p[0] * (-p[1] * t).exp();
/// let jac = |t: f64, p: &[f64], d: &mut [f64]| {
///     d[0] = (-p[1] * t).exp();
///     d[1] = -p[0] * t * (-p[1] * t).exp();
/// };
/// let r = curve_fit_with_jac(model, jac, &x, &y, &[1.0, 1.0], &CurveFitOptions::default()).unwrap();
/// assert!((r.popt[1] - 1.3).abs() < 1e-8);
/// ```
pub fn curve_fit_with_jac<F, J>(
    mut f: F,
    mut jac: J,
    xdata: &[f64],
    ydata: &[f64],
    p0: &[f64],
    opts: &CurveFitOptions,
) -> Result<CurveFitResult>
where
    F: FnMut(f64, &[f64]) -> f64,
    J: FnMut(f64, &[f64], &mut [f64]),
{
    curve_fit_impl(&mut f, Some(&mut jac), xdata, ydata, p0, opts)
}

type ModelJac<'a> = dyn FnMut(f64, &[f64], &mut [f64]) + 'a;

fn curve_fit_impl(
    f: &mut dyn FnMut(f64, &[f64]) -> f64,
    jac: Option<&mut ModelJac<'_>>,
    xdata: &[f64],
    ydata: &[f64],
    p0: &[f64],
    opts: &CurveFitOptions,
) -> Result<CurveFitResult> {
    let m = ydata.len();
    let n = p0.len();
    if m == 0 {
        return Err(Error::invalid("`ydata` must not be empty!"));
    }
    if xdata.len() != m {
        return Err(Error::invalid(format!(
            "`xdata` has {} points but `ydata` has {m}.",
            xdata.len()
        )));
    }
    if xdata.iter().chain(ydata).any(|v| !v.is_finite()) {
        return Err(Error::invalid("array must not contain infs or NaNs"));
    }
    if m != 1 && n > m {
        return Err(Error::invalid(format!(
            "The number of func parameters={n} must not exceed the number of data points={m}"
        )));
    }
    let mut chol = Vec::new();
    let mut inv_sigma = Vec::new();
    match &opts.sigma {
        None => {}
        Some(Sigma::Std(s)) => {
            if s.len() != m {
                return Err(Error::invalid("`sigma` has incorrect shape."));
            }
            inv_sigma = s.iter().map(|v| 1.0 / v).collect();
        }
        Some(Sigma::Cov(c)) => {
            if c.len() != m * m {
                return Err(Error::invalid("`sigma` has incorrect shape."));
            }
            chol =
                cholesky_lower(c, m).ok_or_else(|| Error::invalid("`sigma` must be positive definite."))?;
        }
    }
    let mut tmp = vec![0.0; if chol.is_empty() { 0 } else { m }];
    let mut func = |p: &[f64], out: &mut [f64]| {
        for ((o, &x), &y) in out.iter_mut().zip(xdata).zip(ydata) {
            *o = f(x, p) - y;
        }
        if !inv_sigma.is_empty() {
            for (o, s) in out.iter_mut().zip(&inv_sigma) {
                *o *= s;
            }
        } else if !chol.is_empty() {
            // forward substitution L z = r, column oriented as LAPACK's
            tmp.copy_from_slice(out);
            for j in 0..m {
                let z = tmp[j] / chol[j * m + j];
                tmp[j] = z;
                for i in j + 1..m {
                    tmp[i] -= z * chol[i * m + j];
                }
            }
            out.copy_from_slice(&tmp);
        }
    };
    let bounded = opts.bounds.as_ref().is_some_and(|b| {
        b.lb.iter().any(|v| *v > f64::NEG_INFINITY) || b.ub.iter().any(|v| *v < f64::INFINITY)
    });
    let method = opts
        .method
        .unwrap_or(if bounded { LsqMethod::Trf } else { LsqMethod::Lm });
    if method == LsqMethod::Lm && bounded {
        return Err(Error::invalid(
            "Method 'lm' only works for unconstrained problems. Use 'trf' or 'dogbox' instead.",
        ));
    }
    let mut col = vec![0.0; if chol.is_empty() { 0 } else { m }];
    let (inv_sigma, chol) = (&inv_sigma, &chol);
    let mut dfun = jac.map(|jf| {
        move |p: &[f64], out: &mut [f64]| {
            for (i, row) in out.chunks_exact_mut(n).enumerate() {
                jf(xdata[i], p, row);
            }
            if !inv_sigma.is_empty() {
                for (row, s) in out.chunks_exact_mut(n).zip(inv_sigma) {
                    for v in row {
                        *v *= s;
                    }
                }
            } else if !chol.is_empty() {
                for k in 0..n {
                    for i in 0..m {
                        col[i] = out[i * n + k];
                    }
                    for j in 0..m {
                        let z = col[j] / chol[j * m + j];
                        col[j] = z;
                        for i in j + 1..m {
                            col[i] -= z * chol[i * m + j];
                        }
                    }
                    for i in 0..m {
                        out[i * n + k] = col[i];
                    }
                }
            }
        }
    });
    let dfun_dyn: Option<&mut VecFn<'_>> = match dfun.as_mut() {
        Some(d) => Some(d),
        None => None,
    };
    if method == LsqMethod::Lm {
        let r = leastsq_impl(&mut func, dfun_dyn, p0, m, &opts.leastsq)?;
        if !(1..=4).contains(&r.ier) {
            return Err(Error::invalid(format!(
                "Optimal parameters not found: {}",
                r.mesg
            )));
        }
        let cost = numox::Array::from_vec(r.fvec.iter().map(|v| v * v).collect::<Vec<f64>>()).sum();
        let pcov = scale_pcov(r.cov_x, cost, m, n, opts.absolute_sigma);
        return Ok(CurveFitResult {
            popt: r.x,
            pcov,
            fvec: r.fvec,
            nfev: r.nfev,
            ier: r.ier,
            mesg: r.mesg,
        });
    }
    let lso = LeastSquaresOptions {
        method,
        bounds: opts.bounds.clone(),
        max_nfev: opts.least_squares.max_nfev.or(opts.leastsq.maxfev),
        ..opts.least_squares.clone()
    };
    let r = least_squares_impl(&mut func, dfun_dyn, p0, m, &lso)?;
    if !r.success {
        return Err(Error::invalid(format!(
            "Optimal parameters not found: {}",
            r.message
        )));
    }
    let cost = 2.0 * r.cost;
    let zeros = vec![0.0; m];
    let pcov = super::common::thin_svd_uf(&r.jac, m, n, &zeros).map(|(svd, _)| {
        // Moore-Penrose inverse of J^T J, dropping singular values below
        // SciPy's threshold eps * max(m, n) * s_max.
        let k = svd.k;
        let threshold = f64::EPSILON * m.max(n) as f64 * svd.s.first().copied().unwrap_or(0.0);
        let mut c = vec![0.0; n * n];
        for l in 0..k {
            let sl = svd.s[l];
            if sl <= threshold {
                continue;
            }
            let w = 1.0 / (sl * sl);
            for a in 0..n {
                for b in 0..n {
                    c[a * n + b] += svd.v[a * k + l] * w * svd.v[b * k + l];
                }
            }
        }
        c
    });
    let pcov = scale_pcov(pcov, cost, m, n, opts.absolute_sigma);
    Ok(CurveFitResult {
        popt: r.x,
        pcov,
        fvec: r.fun,
        nfev: r.nfev,
        ier: r.status,
        mesg: r.message,
    })
}

/// SciPy's treatment of the covariance: all `inf` if missing or NaN, else
/// scaled by `cost / (m - n)` unless `absolute_sigma` (all `inf` if
/// `m <= n`).
fn scale_pcov(c: Option<Vec<f64>>, cost: f64, m: usize, n: usize, absolute_sigma: bool) -> Vec<f64> {
    match c {
        Some(c) if !c.iter().any(|v| v.is_nan()) => {
            if absolute_sigma {
                c
            } else if m > n {
                let s_sq = cost / (m - n) as f64;
                c.into_iter().map(|v| v * s_sq).collect()
            } else {
                vec![f64::INFINITY; n * n]
            }
        }
        _ => vec![f64::INFINITY; n * n],
    }
}

/// Lower Cholesky factor of the row-major m×m `c`; `None` if not positive
/// definite.
fn cholesky_lower(c: &[f64], m: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; m * m];
    for j in 0..m {
        let mut d = c[j * m + j];
        for k in 0..j {
            d -= l[j * m + k] * l[j * m + k];
        }
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        let d = d.sqrt();
        l[j * m + j] = d;
        for i in j + 1..m {
            let mut s = c[i * m + j];
            for k in 0..j {
                s -= l[i * m + k] * l[j * m + k];
            }
            l[i * m + j] = s / d;
        }
    }
    Some(l)
}
