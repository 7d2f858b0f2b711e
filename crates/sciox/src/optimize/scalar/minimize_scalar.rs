//! `scipy.optimize.minimize_scalar`: one entry point for the scalar
//! minimisers.

use super::{Bracket, brent, fminbound, golden};
use crate::optimize::ScalarOptimizeResult;
use crate::{Error, Result};

/// A method of [`minimize_scalar`] (SciPy's `method=` strings; SciPy's
/// default is `Brent`, or `Bounded` when `bounds` are given).
///
/// ```
/// use sciox::optimize::ScalarMethod;
/// assert_eq!(ScalarMethod::default(), ScalarMethod::Brent);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ScalarMethod {
    /// [`brent`](super::brent)
    #[default]
    Brent,
    /// [`fminbound`](super::fminbound): needs `bounds`.
    Bounded,
    /// [`golden`](super::golden)
    Golden,
}

/// Options of [`minimize_scalar`] (SciPy's `bracket`, `bounds`, `tol`
/// and `options`: `xtol`/`xatol`, `maxiter`).
///
/// ```
/// use sciox::optimize::ScalarOptions;
/// let o = ScalarOptions { bounds: Some([0.0, 1.0]), ..Default::default() };
/// assert!(o.bracket.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScalarOptions {
    /// Starting bracket (Brent, golden); SciPy's default `(0, 1)`.
    pub bracket: Option<Bracket>,
    /// Bounds (bounded only).
    pub bounds: Option<[f64; 2]>,
    /// Tolerance: `xtol` (Brent 1.48e-8, golden `sqrt(eps)`), `xatol` (bounded, 1e-5).
    pub xtol: Option<f64>,
    /// Maximum iterations (Brent 500, golden 5000, bounded 500 evaluations).
    pub maxiter: Option<usize>,
}

/// Minimises a scalar function (SciPy's `minimize_scalar`).
///
/// Errors: `bounds` with Brent or golden ("Use of `bounds` is
/// incompatible with 'method=...'."), no `bounds` with `Bounded`, and the
/// errors of the method.
///
/// ```
/// use sciox::optimize::{minimize_scalar, ScalarMethod, ScalarOptions};
/// let f = |x: f64| (x - 2.0) * x * (x + 2.0).powi(2);
/// let r = minimize_scalar(f, ScalarMethod::Brent, &ScalarOptions::default()).unwrap();
/// assert!((r.x - 1.28077640).abs() < 1e-7);
/// let o = ScalarOptions { bounds: Some([-3.0, -1.0]), ..Default::default() };
/// let r = minimize_scalar(f, ScalarMethod::Bounded, &o).unwrap();
/// assert!((r.x + 2.0).abs() < 1e-5);
/// ```
pub fn minimize_scalar<F: FnMut(f64) -> f64>(
    f: F,
    method: ScalarMethod,
    opts: &ScalarOptions,
) -> Result<ScalarOptimizeResult> {
    match method {
        ScalarMethod::Brent | ScalarMethod::Golden => {
            if opts.bounds.is_some() {
                let name = if method == ScalarMethod::Brent {
                    "brent"
                } else {
                    "golden"
                };
                return Err(Error::invalid(format!(
                    "Use of `bounds` is incompatible with 'method={name}'."
                )));
            }
            let brack = opts.bracket.unwrap_or_default();
            if method == ScalarMethod::Brent {
                brent(
                    f,
                    brack,
                    opts.xtol.unwrap_or(1.48e-8),
                    opts.maxiter.unwrap_or(500),
                )
            } else {
                golden(
                    f,
                    brack,
                    opts.xtol.unwrap_or(1.4901161193847656e-08),
                    opts.maxiter.unwrap_or(5000),
                )
            }
        }
        ScalarMethod::Bounded => {
            let Some([a, b]) = opts.bounds else {
                return Err(Error::invalid(
                    "The `bounds` parameter is mandatory for method `bounded`.",
                ));
            };
            fminbound(f, a, b, opts.xtol.unwrap_or(1e-5), opts.maxiter.unwrap_or(500))
        }
    }
}
