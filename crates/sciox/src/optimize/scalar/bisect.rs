//! `scipy.optimize.bisect`: bisection (a port of SciPy's `Zeros/bisect.c`).

use super::{Fun, RootOptions, sign_error};
use crate::Result;
use crate::optimize::{RootFlag, RootResults};

/// Finds a root of `f` in the sign-changing interval `[a, b]` by
/// bisection (SciPy's `bisect`, with `full_output=True`). Errors as
/// [`brentq`](super::brentq).
///
/// ```
/// use sciox::optimize::{bisect, RootOptions};
/// let r = bisect(|x| x * x - 1.0, 0.0, 2.0, &RootOptions::default()).unwrap();
/// assert_eq!(r.root, 1.0);
/// let r = bisect(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, &RootOptions::default()).unwrap();
/// assert_eq!((r.iterations, r.function_calls), (39, 41));
/// ```
pub fn bisect<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, opts: &RootOptions) -> Result<RootResults> {
    opts.check(super::RTOL)?;
    let mut f = Fun::new(f);
    let mut xa = a;
    let fa = f.call(xa)?;
    let fb = f.call(b)?;
    if fa == 0.0 {
        return Ok(RootResults::new(xa, 0, 2, RootFlag::Converged, "bisect"));
    }
    if fb == 0.0 {
        return Ok(RootResults::new(b, 0, 2, RootFlag::Converged, "bisect"));
    }
    if fa.is_sign_negative() == fb.is_sign_negative() {
        return Err(sign_error());
    }
    let mut dm = b - xa;
    let mut iterations = 0;
    for _ in 0..opts.maxiter {
        iterations += 1;
        dm *= 0.5;
        let xm = xa + dm;
        let fm = f.call(xm)?;
        if fm.is_sign_negative() == fa.is_sign_negative() {
            xa = xm;
        }
        if fm == 0.0 || dm.abs() < opts.xtol + opts.rtol * xm.abs() {
            return Ok(RootResults::new(
                xm,
                iterations,
                f.calls,
                RootFlag::Converged,
                "bisect",
            ));
        }
    }
    Ok(RootResults::new(
        xa,
        iterations,
        f.calls,
        RootFlag::ConvergenceError,
        "bisect",
    ))
}
