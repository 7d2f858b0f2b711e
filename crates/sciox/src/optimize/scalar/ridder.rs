//! `scipy.optimize.ridder`: Ridders' method (a port of SciPy's
//! `Zeros/ridder.c`).

use super::{Fun, RootOptions, sign_error};
use crate::Result;
use crate::optimize::{RootFlag, RootResults};

/// Finds a root of `f` in the sign-changing interval `[a, b]` by Ridders'
/// method (SciPy's `ridder`, with `full_output=True`). Errors as
/// [`brentq`](super::brentq).
///
/// ```
/// use sciox::optimize::{ridder, RootOptions};
/// let r = ridder(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, &RootOptions::default()).unwrap();
/// assert!((r.root - 2.0945514815423265).abs() < 1e-11);
/// assert_eq!((r.iterations, r.function_calls), (6, 14));
/// ```
pub fn ridder<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, opts: &RootOptions) -> Result<RootResults> {
    opts.check(super::RTOL)?;
    let mut f = Fun::new(f);
    let (mut xa, mut xb) = (a, b);
    let mut tol = opts.xtol + opts.rtol * xa.abs().min(xb.abs());
    let mut fa = f.call(xa)?;
    let mut fb = f.call(xb)?;
    if fa == 0.0 {
        return Ok(RootResults::new(xa, 0, 2, RootFlag::Converged, "ridder"));
    }
    if fb == 0.0 {
        return Ok(RootResults::new(xb, 0, 2, RootFlag::Converged, "ridder"));
    }
    // sign tests by sign bit, as SciPy's C code (robust to underflowing products)
    let neg = |v: f64| v.is_sign_negative();
    if neg(fa) == neg(fb) {
        return Err(sign_error());
    }
    let sign = |v: f64| if v > 0.0 { 1.0 } else { -1.0 };
    let mut xn = 0.0;
    let mut iterations = 0;
    for _ in 0..opts.maxiter {
        iterations += 1;
        let dm = 0.5 * (xb - xa);
        let xm = xa + dm;
        let fm = f.call(xm)?;
        let dn = sign(fb - fa) * dm * fm / (fm * fm - fa * fb).sqrt();
        xn = xm - sign(dn) * dn.abs().min(dm.abs() - 0.5 * tol);
        let fnv = f.call(xn)?;
        if neg(fnv) != neg(fm) {
            xa = xn;
            fa = fnv;
            xb = xm;
            fb = fm;
        } else if neg(fnv) != neg(fa) {
            xb = xn;
            fb = fnv;
        } else {
            xa = xn;
            fa = fnv;
        }
        // SciPy's C code uses xn here, not |xn|
        tol = opts.xtol + opts.rtol * xn;
        if fnv == 0.0 || (xb - xa).abs() < tol {
            return Ok(RootResults::new(
                xn,
                iterations,
                f.calls,
                RootFlag::Converged,
                "ridder",
            ));
        }
    }
    Ok(RootResults::new(
        xn,
        iterations,
        f.calls,
        RootFlag::ConvergenceError,
        "ridder",
    ))
}
