//! `scipy.optimize.brenth`: Brent's method with hyperbolic extrapolation
//! (Bus & Dekker's Algorithm M; a port of SciPy's `Zeros/brenth.c`).

use super::{Fun, RootOptions};
use crate::Result;
use crate::optimize::RootResults;

/// Finds a root of `f` in the sign-changing interval `[a, b]` by Brent's
/// method with hyperbolic extrapolation (SciPy's `brenth`, with
/// `full_output=True`). Errors and counts as [`brentq`](super::brentq).
///
/// ```
/// use sciox::optimize::{brenth, RootOptions};
/// let r = brenth(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, &RootOptions::default()).unwrap();
/// assert!((r.root - 2.0945514815423265).abs() < 1e-11);
/// assert_eq!((r.iterations, r.function_calls), (7, 8));
/// ```
pub fn brenth<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, opts: &RootOptions) -> Result<RootResults> {
    opts.check(super::RTOL)?;
    super::brentq::brent_core(Fun::new(f), a, b, opts, true)
}
