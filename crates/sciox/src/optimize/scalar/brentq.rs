//! `scipy.optimize.brentq`: Brent's method with inverse quadratic
//! extrapolation (a port of SciPy's `Zeros/brentq.c`).

use super::{Fun, RootOptions, sign_error};
use crate::Result;
use crate::optimize::{RootFlag, RootResults};

/// Finds a root of `f` in the sign-changing interval `[a, b]` by Brent's
/// method (SciPy's `brentq`, with `full_output=True`).
///
/// Same steps, iteration and call counts as SciPy's C code. Errors: `a`
/// and `b` with same-signed `f` ("f(a) and f(b) must have different
/// signs"), a NaN function value, bad tolerances. Running out of
/// `maxiter` is `converged == false`.
///
/// ```
/// use sciox::optimize::{brentq, RootOptions};
/// let r = brentq(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, &RootOptions::default()).unwrap();
/// assert!((r.root - 2.0945514815423265).abs() < 1e-11);
/// assert_eq!((r.iterations, r.function_calls), (7, 8));
/// assert!(brentq(|x| x * x + 1.0, -1.0, 1.0, &RootOptions::default()).is_err());
/// ```
pub fn brentq<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, opts: &RootOptions) -> Result<RootResults> {
    opts.check(super::RTOL)?;
    brent_core(Fun::new(f), a, b, opts, false)
}

/// The shared loop of `brentq` (`hyperbolic == false`) and `brenth`.
pub(super) fn brent_core<F: FnMut(f64) -> f64>(
    mut f: Fun<F>,
    xa: f64,
    xb: f64,
    opts: &RootOptions,
    hyperbolic: bool,
) -> Result<RootResults> {
    let method = if hyperbolic { "brenth" } else { "brentq" };
    let (xtol, rtol) = (opts.xtol, opts.rtol);
    let (mut xpre, mut xcur) = (xa, xb);
    let (mut xblk, mut fblk, mut spre, mut scur) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let mut fpre = f.call(xpre)?;
    let mut fcur = f.call(xcur)?;
    if fpre * fcur > 0.0 {
        return Err(sign_error());
    }
    if fpre == 0.0 {
        return Ok(RootResults::new(xpre, 0, 2, RootFlag::Converged, method));
    }
    if fcur == 0.0 {
        return Ok(RootResults::new(xcur, 0, 2, RootFlag::Converged, method));
    }
    let mut iterations = 0;
    for _ in 0..opts.maxiter {
        iterations += 1;
        if fpre * fcur < 0.0 {
            xblk = xpre;
            fblk = fpre;
            spre = xcur - xpre;
            scur = spre;
        }
        if fblk.abs() < fcur.abs() {
            xpre = xcur;
            xcur = xblk;
            xblk = xpre;
            fpre = fcur;
            fcur = fblk;
            fblk = fpre;
        }
        let delta = (xtol + rtol * xcur.abs()) / 2.0;
        let sbis = (xblk - xcur) / 2.0;
        if fcur == 0.0 || sbis.abs() < delta {
            return Ok(RootResults::new(
                xcur,
                iterations,
                f.calls,
                RootFlag::Converged,
                method,
            ));
        }
        if spre.abs() > delta && fcur.abs() < fpre.abs() {
            let stry = if xpre == xblk {
                // interpolate
                -fcur * (xcur - xpre) / (fcur - fpre)
            } else {
                // extrapolate
                let dpre = (fpre - fcur) / (xpre - xcur);
                let dblk = (fblk - fcur) / (xblk - xcur);
                if hyperbolic {
                    -fcur * (fblk - fpre) / (fblk * dpre - fpre * dblk)
                } else {
                    -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
                }
            };
            if 2.0 * stry.abs() < spre.abs().min(3.0 * sbis.abs() - delta) {
                // good short step
                spre = scur;
                scur = stry;
            } else {
                spre = sbis;
                scur = sbis;
            }
        } else {
            spre = sbis;
            scur = sbis;
        }
        xpre = xcur;
        fpre = fcur;
        if scur.abs() > delta {
            xcur += scur;
        } else {
            xcur += if sbis > 0.0 { delta } else { -delta };
        }
        fcur = f.call(xcur)?;
    }
    Ok(RootResults::new(
        xcur,
        iterations,
        f.calls,
        RootFlag::ConvergenceError,
        method,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_root_and_maxiter() {
        let r = brentq(|x| x - 1.0, 1.0, 3.0, &RootOptions::default()).unwrap();
        assert_eq!((r.root, r.iterations, r.function_calls), (1.0, 0, 2));
        let o = RootOptions {
            maxiter: 2,
            ..Default::default()
        };
        let r = brentq(|x: f64| x.exp() - 5.0, 0.0, 10.0, &o).unwrap();
        assert!(!r.converged);
        assert_eq!(r.flag, RootFlag::ConvergenceError);
        assert_eq!(r.iterations, 2);
    }

    #[test]
    fn nan_and_bad_tolerances() {
        let e = brentq(|_| f64::NAN, 0.0, 1.0, &RootOptions::default()).unwrap_err();
        assert!(e.to_string().contains("is NaN"), "{e}");
        let o = RootOptions {
            xtol: 0.0,
            ..Default::default()
        };
        assert!(
            brentq(|x| x, -1.0, 1.0, &o)
                .unwrap_err()
                .to_string()
                .contains("xtol too small")
        );
        let o = RootOptions {
            rtol: 1e-17,
            ..Default::default()
        };
        assert!(
            brentq(|x| x, -1.0, 1.0, &o)
                .unwrap_err()
                .to_string()
                .contains("rtol too small")
        );
        let e = brentq(|x| x * x + 1.0, -1.0, 1.0, &RootOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), "f(a) and f(b) must have different signs");
    }
}
