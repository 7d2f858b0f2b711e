//! `scipy.optimize.fixed_point`: fixed points of a vector function by
//! iteration, optionally with Steffensen's (Aitken's del²) acceleration.

use crate::{Error, Result};

/// The iteration of [`fixed_point`] (SciPy's `method=`).
///
/// ```
/// use sciox::optimize::FixedPointMethod;
/// assert_eq!(FixedPointMethod::default(), FixedPointMethod::Del2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FixedPointMethod {
    /// Steffensen's method with Aitken's del² acceleration (`'del2'`).
    #[default]
    Del2,
    /// Plain iteration `x <- func(x)` (`'iteration'`).
    Iteration,
}

/// Finds `x` with `func(x) = x`, elementwise (SciPy's `fixed_point`;
/// defaults `xtol = 1e-8`, `maxiter = 500`). `func(x, out)` writes
/// `func(x)` into `out`. Every element must reach a relative change below
/// `xtol` (absolute where the previous value is 0).
///
/// Errors: an empty `x0`; no convergence after `maxiter` iterations
/// (SciPy's `RuntimeError` "Failed to converge after ... iterations").
///
/// ```
/// use sciox::optimize::{fixed_point, FixedPointMethod};
/// // SciPy's example: sqrt(c1 / (x + c2)) with c1 = [10, 12], c2 = [3, 5]
/// let f = |x: &[f64], out: &mut [f64]| {
///     out[0] = (10.0 / (x[0] + 3.0)).sqrt();
///     out[1] = (12.0 / (x[1] + 5.0)).sqrt();
/// };
/// let x = fixed_point(f, &[1.2, 1.3], 1e-8, 500, FixedPointMethod::Del2).unwrap();
/// assert!((x[0] - 1.4920333).abs() < 1e-7 && (x[1] - 1.37228132).abs() < 1e-7);
/// ```
pub fn fixed_point<F: FnMut(&[f64], &mut [f64])>(
    mut func: F,
    x0: &[f64],
    xtol: f64,
    maxiter: usize,
    method: FixedPointMethod,
) -> Result<Vec<f64>> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("x0 must not be empty"));
    }
    let mut p0 = x0.to_vec();
    let mut p1 = vec![0.0; n];
    let mut p2 = vec![0.0; n];
    let mut p = vec![0.0; n];
    for _ in 0..maxiter {
        func(&p0, &mut p1);
        if method == FixedPointMethod::Del2 {
            func(&p1, &mut p2);
            for i in 0..n {
                let d = p2[i] - 2.0 * p1[i] + p0[i];
                p[i] = if d != 0.0 {
                    let t = p1[i] - p0[i];
                    p0[i] - t * t / d
                } else {
                    p2[i]
                };
            }
        } else {
            p.copy_from_slice(&p1);
        }
        let done = (0..n).all(|i| {
            let relerr = if p0[i] != 0.0 {
                (p[i] - p0[i]) / p0[i]
            } else {
                p[i]
            };
            relerr.abs() < xtol
        });
        if done {
            return Ok(p);
        }
        p0.copy_from_slice(&p);
    }
    Err(Error::invalid(format!(
        "Failed to converge after {maxiter} iterations, value is {p:?}"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iteration_and_failure() {
        let f = |x: &[f64], out: &mut [f64]| out[0] = x[0].cos();
        let x = fixed_point(f, &[1.0], 1e-10, 500, FixedPointMethod::Iteration).unwrap();
        assert!((x[0] - 0.7390851332151607).abs() < 1e-9);
        let g = |x: &[f64], out: &mut [f64]| out[0] = x[0] + 1.0;
        assert!(fixed_point(g, &[1.0], 1e-8, 20, FixedPointMethod::Iteration).is_err());
        assert!(fixed_point(g, &[], 1e-8, 20, FixedPointMethod::Del2).is_err());
    }
}
