//! `scipy.optimize.fminbound`: Brent's bounded minimiser (a port of
//! SciPy's `_minimize_scalar_bounded`).

use crate::optimize::ScalarOptimizeResult;
use crate::{Error, Result};

/// NumPy's `maximum` (NaN propagates).
fn np_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

fn np_sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else if v == 0.0 {
        0.0
    } else {
        f64::NAN
    }
}

/// Minimises `f` on `[x1, x2]` by Brent's bounded method (SciPy's
/// `fminbound` / `minimize_scalar(method='bounded')`; defaults
/// `xatol = 1e-5`, `maxiter = 500` function evaluations).
///
/// Errors: non-finite bounds ("Optimization bounds must be finite
/// scalars."), `x1 > x2` ("The lower bound exceeds the upper bound.").
/// Running out of evaluations is `status == 1`; a NaN is `status == 2`.
///
/// ```
/// use sciox::optimize::fminbound;
/// let r = fminbound(|x: f64| x.cos(), 3.0, 4.0, 1e-5, 500).unwrap();
/// assert!((r.x - std::f64::consts::PI).abs() < 1e-5);
/// assert_eq!(r.message, "Solution found.");
/// ```
pub fn fminbound<F: FnMut(f64) -> f64>(
    mut f: F,
    x1: f64,
    x2: f64,
    xatol: f64,
    maxiter: usize,
) -> Result<ScalarOptimizeResult> {
    if !(x1.is_finite() && x2.is_finite()) {
        return Err(Error::invalid("Optimization bounds must be finite scalars."));
    }
    if x1 > x2 {
        return Err(Error::invalid("The lower bound exceeds the upper bound."));
    }
    let maxfun = maxiter;
    let mut flag = 0;
    let sqrt_eps = 2.2e-16f64.sqrt();
    let golden_mean = 0.5 * (3.0 - 5.0f64.sqrt());
    let (mut a, mut b) = (x1, x2);
    let mut fulc = a + golden_mean * (b - a);
    let (mut nfc, mut xf) = (fulc, fulc);
    let mut rat = 0.0f64;
    let mut e = 0.0f64;
    let mut x = xf;
    let mut fx = f(x);
    let mut num = 1;
    let mut fu = f64::INFINITY;
    let mut ffulc = fx;
    let mut fnfc = fx;
    let mut xm = 0.5 * (a + b);
    let mut tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
    let mut tol2 = 2.0 * tol1;
    while (xf - xm).abs() > tol2 - 0.5 * (b - a) {
        let mut golden = true;
        if e.abs() > tol1 {
            golden = false;
            let mut r = (xf - nfc) * (fx - ffulc);
            let mut q = (xf - fulc) * (fx - fnfc);
            let mut p = (xf - fulc) * q - (xf - nfc) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            r = e;
            e = rat;
            if p.abs() < (0.5 * q * r).abs() && p > q * (a - xf) && p < q * (b - xf) {
                rat = (p + 0.0) / q;
                x = xf + rat;
                if x - a < tol2 || b - x < tol2 {
                    let si = np_sign(xm - xf) + if xm - xf == 0.0 { 1.0 } else { 0.0 };
                    rat = tol1 * si;
                }
            } else {
                golden = true;
            }
        }
        if golden {
            e = if xf >= xm { a - xf } else { b - xf };
            rat = golden_mean * e;
        }
        let si = np_sign(rat) + if rat == 0.0 { 1.0 } else { 0.0 };
        x = xf + si * np_max(rat.abs(), tol1);
        fu = f(x);
        num += 1;
        if fu <= fx {
            if x >= xf {
                a = xf;
            } else {
                b = xf;
            }
            fulc = nfc;
            ffulc = fnfc;
            nfc = xf;
            fnfc = fx;
            xf = x;
            fx = fu;
        } else {
            if x < xf {
                a = x;
            } else {
                b = x;
            }
            if fu <= fnfc || nfc == xf {
                fulc = nfc;
                ffulc = fnfc;
                nfc = x;
                fnfc = fu;
            } else if fu <= ffulc || fulc == xf || fulc == nfc {
                fulc = x;
                ffulc = fu;
            }
        }
        xm = 0.5 * (a + b);
        tol1 = sqrt_eps * xf.abs() + xatol / 3.0;
        tol2 = 2.0 * tol1;
        if num >= maxfun {
            flag = 1;
            break;
        }
    }
    if xf.is_nan() || fx.is_nan() || fu.is_nan() {
        flag = 2;
    }
    let message = match flag {
        0 => "Solution found.",
        1 => "Maximum number of function calls reached.",
        _ => "NaN result encountered.",
    };
    Ok(ScalarOptimizeResult {
        x: xf,
        fun: fx,
        nit: num,
        nfev: num,
        status: flag,
        success: flag == 0,
        message: message.to_string(),
    })
}
