//! Scalar root finders (SciPy's `_zeros_py.py` and `Zeros/*.c`) and
//! scalar minimisers (`brent`, `fminbound`, `golden`).

mod bisect;
mod bounded;
mod brent;
mod brenth;
mod brentq;
mod golden;
mod minimize_scalar;
mod newton;
mod ridder;
mod root_scalar;
mod toms748;

pub use bisect::bisect;
pub use bounded::fminbound;
pub use brent::{Bracket, BracketResult, bracket, brent};
pub use brenth::brenth;
pub use brentq::brentq;
pub use golden::golden;
pub use minimize_scalar::{ScalarMethod, ScalarOptions, minimize_scalar};
pub use newton::{NewtonOptions, halley, newton, secant};
pub use ridder::ridder;
pub use root_scalar::{RootScalarMethod, RootScalarOptions, root_scalar};
pub use toms748::toms748;

use crate::{Error, Result};

/// SciPy's default `xtol` of the bracketing root finders.
pub const XTOL: f64 = 2e-12;
/// SciPy's default (and smallest allowed) `rtol`: `4 * eps`.
pub const RTOL: f64 = 4.0 * f64::EPSILON;
/// SciPy's default `maxiter` of the bracketing root finders.
pub const MAXITER: usize = 100;

/// Tolerances of the bracketing root finders (`xtol`, `rtol`, `maxiter`
/// keyword arguments of SciPy's `brentq`, `brenth`, `ridder`, `bisect`,
/// `toms748`). The root `x0` returned satisfies
/// `|x - x0| <= xtol + rtol * |x0|` for the exact root `x`.
///
/// ```
/// use sciox::optimize::RootOptions;
/// let o = RootOptions::default();
/// assert_eq!((o.xtol, o.rtol, o.maxiter), (2e-12, 4.0 * f64::EPSILON, 100));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RootOptions {
    /// Absolute tolerance (must be positive).
    pub xtol: f64,
    /// Relative tolerance (at least `4 * eps`; `toms748` accepts `eps`).
    pub rtol: f64,
    /// Maximum number of iterations.
    pub maxiter: usize,
}

impl Default for RootOptions {
    fn default() -> Self {
        RootOptions {
            xtol: XTOL,
            rtol: RTOL,
            maxiter: MAXITER,
        }
    }
}

impl RootOptions {
    pub(crate) fn check(&self, rtol_min: f64) -> Result<()> {
        if self.xtol.is_nan() || self.xtol <= 0.0 {
            return Err(Error::invalid(format!(
                "xtol too small ({} <= 0)",
                fmt_g(self.xtol)
            )));
        }
        if self.rtol.is_nan() || self.rtol < rtol_min {
            return Err(Error::invalid(format!(
                "rtol too small ({} < {})",
                fmt_g(self.rtol),
                fmt_g(rtol_min)
            )));
        }
        Ok(())
    }
}

/// `%g`-like formatting for messages.
pub(crate) fn fmt_g(v: f64) -> String {
    if v != 0.0 && v.is_finite() && (v.abs() < 1e-4 || v.abs() >= 1e16) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// The function of a root finder with SciPy's NaN check
/// (`_wrap_nan_raise`: a NaN value stops the solver with an error).
pub(crate) struct Fun<F> {
    pub f: F,
    pub calls: usize,
}

impl<F: FnMut(f64) -> f64> Fun<F> {
    pub(crate) fn new(f: F) -> Self {
        Fun { f, calls: 0 }
    }

    #[inline]
    pub(crate) fn call(&mut self, x: f64) -> Result<f64> {
        let v = (self.f)(x);
        self.calls += 1;
        if v.is_nan() {
            return Err(Error::invalid(format!(
                "The function value at x={x:?} is NaN; solver cannot continue."
            )));
        }
        Ok(v)
    }
}

pub(crate) fn sign_error() -> Error {
    Error::invalid("f(a) and f(b) must have different signs")
}
