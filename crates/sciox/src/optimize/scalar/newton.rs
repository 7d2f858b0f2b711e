//! `scipy.optimize.newton`: Newton-Raphson, secant and Halley iterations
//! for a scalar root (a port of the scalar branch of SciPy's `newton`).

use super::fmt_g;
use crate::optimize::{RootFlag, RootResults};
use crate::{Error, Result};

/// Tolerances of [`newton`], [`secant`] and [`halley`] (SciPy's `tol`,
/// `rtol`, `maxiter` keywords of `newton`): the iteration stops when a
/// step changes the estimate by at most `tol + rtol * |x|`.
///
/// ```
/// use sciox::optimize::NewtonOptions;
/// let o = NewtonOptions::default();
/// assert_eq!((o.tol, o.rtol, o.maxiter), (1.48e-8, 0.0, 50));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NewtonOptions {
    /// Absolute step tolerance (must be positive).
    pub tol: f64,
    /// Relative step tolerance.
    pub rtol: f64,
    /// Maximum number of iterations (at least 1).
    pub maxiter: usize,
}

impl Default for NewtonOptions {
    fn default() -> Self {
        NewtonOptions {
            tol: 1.48e-8,
            rtol: 0.0,
            maxiter: 50,
        }
    }
}

impl NewtonOptions {
    fn check(&self) -> Result<()> {
        if self.tol.is_nan() || self.tol <= 0.0 {
            return Err(Error::invalid(format!(
                "tol too small ({} <= 0)",
                fmt_g(self.tol)
            )));
        }
        if self.maxiter < 1 {
            return Err(Error::invalid("maxiter must be greater than 0"));
        }
        Ok(())
    }
}

#[inline]
fn isclose(a: f64, b: f64, rtol: f64, atol: f64) -> bool {
    a == b || (a - b).abs() <= atol + rtol * b.abs()
}

/// Newton-Raphson (with `fprime2`: Halley) iteration shared by
/// [`newton`] and [`halley`].
pub(super) fn newton_core(
    f: &mut dyn FnMut(f64) -> f64,
    fprime: &mut dyn FnMut(f64) -> f64,
    mut fprime2: Option<&mut dyn FnMut(f64) -> f64>,
    x0: f64,
    opts: &NewtonOptions,
) -> Result<RootResults> {
    opts.check()?;
    let method = if fprime2.is_some() { "halley" } else { "newton" };
    let mut p0 = x0;
    let mut calls = 0;
    let mut p = p0;
    for itr in 0..opts.maxiter {
        let fval = f(p0);
        calls += 1;
        if fval == 0.0 {
            return Ok(RootResults::new(p0, itr, calls, RootFlag::Converged, method));
        }
        let fder = fprime(p0);
        calls += 1;
        if fder == 0.0 {
            // SciPy: "Derivative was zero." (a RuntimeWarning with disp=False)
            return Ok(RootResults::new(
                p0,
                itr + 1,
                calls,
                RootFlag::ConvergenceError,
                method,
            ));
        }
        let mut step = fval / fder;
        if let Some(f2) = fprime2.as_deref_mut() {
            let fder2 = f2(p0);
            calls += 1;
            let adj = step * fder2 / fder / 2.0;
            if adj.abs() < 1.0 {
                step /= 1.0 - adj;
            }
        }
        p = p0 - step;
        if isclose(p, p0, opts.rtol, opts.tol) {
            return Ok(RootResults::new(p, itr + 1, calls, RootFlag::Converged, method));
        }
        p0 = p;
    }
    Ok(RootResults::new(
        p,
        opts.maxiter,
        calls,
        RootFlag::ConvergenceError,
        method,
    ))
}

/// Finds a root of `f` near `x0` by Newton-Raphson with the derivative
/// `fprime` (SciPy's `newton(f, x0, fprime=fprime, full_output=True,
/// disp=False)`).
///
/// `function_calls` counts calls of `f` and of `fprime`, as SciPy does.
/// A zero derivative or running out of `maxiter` gives
/// `converged == false` (SciPy raises `RuntimeError` only with `disp=True`).
///
/// ```
/// use sciox::optimize::{newton, NewtonOptions};
/// let r = newton(|x| x.powi(3) - 1.0, |x| 3.0 * x * x, 1.5, &NewtonOptions::default()).unwrap();
/// assert_eq!(r.root, 1.0);
/// assert_eq!(r.method, "newton");
/// ```
pub fn newton<F, D>(mut f: F, mut fprime: D, x0: f64, opts: &NewtonOptions) -> Result<RootResults>
where
    F: FnMut(f64) -> f64,
    D: FnMut(f64) -> f64,
{
    newton_core(&mut f, &mut fprime, None, x0, opts)
}

/// Finds a root of `f` near `x0` by Halley's method, with first and
/// second derivatives (SciPy's `newton(f, x0, fprime, fprime2=fprime2)`).
///
/// ```
/// use sciox::optimize::{halley, NewtonOptions};
/// let r = halley(|x| x.powi(3) - 1.0, |x| 3.0 * x * x, |x| 6.0 * x, 1.5, &NewtonOptions::default()).unwrap();
/// assert_eq!(r.root, 1.0);
/// assert_eq!(r.method, "halley");
/// ```
pub fn halley<F, D, D2>(
    mut f: F,
    mut fprime: D,
    mut fprime2: D2,
    x0: f64,
    opts: &NewtonOptions,
) -> Result<RootResults>
where
    F: FnMut(f64) -> f64,
    D: FnMut(f64) -> f64,
    D2: FnMut(f64) -> f64,
{
    newton_core(&mut f, &mut fprime, Some(&mut fprime2), x0, opts)
}

/// Finds a root of `f` near `x0` by the secant method (SciPy's `newton`
/// without `fprime`). The second starting point is `x1`, or SciPy's
/// `x0 * (1 + 1e-4) ± 1e-4` when `None`.
///
/// Errors: `x1 == x0`, bad tolerances. Equal function values at the two
/// current points stop the run with `converged == false` and the
/// midpoint as the root (SciPy's "Tolerance of ... reached").
///
/// ```
/// use sciox::optimize::{secant, NewtonOptions};
/// let r = secant(|x| x.powi(3) - 1.0, 1.5, None, &NewtonOptions::default()).unwrap();
/// assert!((r.root - 1.0).abs() < 1e-14);
/// assert!(r.converged);
/// ```
pub fn secant<F: FnMut(f64) -> f64>(
    mut f: F,
    x0: f64,
    x1: Option<f64>,
    opts: &NewtonOptions,
) -> Result<RootResults> {
    opts.check()?;
    let method = "secant";
    let mut p0 = x0;
    let mut p1 = match x1 {
        Some(v) => {
            if v == x0 {
                return Err(Error::invalid("x1 and x0 must be different"));
            }
            v
        }
        None => {
            let eps = 1e-4;
            let p = x0 * (1.0 + eps);
            p + if p >= 0.0 { eps } else { -eps }
        }
    };
    let mut q0 = f(p0);
    let mut q1 = f(p1);
    let mut calls = 2;
    if q1.abs() < q0.abs() {
        std::mem::swap(&mut p0, &mut p1);
        std::mem::swap(&mut q0, &mut q1);
    }
    let mut p = p1;
    for itr in 0..opts.maxiter {
        if q1 == q0 {
            p = (p1 + p0) / 2.0;
            return Ok(RootResults::new(
                p,
                itr + 1,
                calls,
                RootFlag::ConvergenceError,
                method,
            ));
        } else if q1.abs() > q0.abs() {
            p = (-q0 / q1 * p1 + p0) / (1.0 - q0 / q1);
        } else {
            p = (-q1 / q0 * p0 + p1) / (1.0 - q1 / q0);
        }
        if isclose(p, p1, opts.rtol, opts.tol) {
            return Ok(RootResults::new(p, itr + 1, calls, RootFlag::Converged, method));
        }
        p0 = p1;
        q0 = q1;
        p1 = p;
        q1 = f(p1);
        calls += 1;
    }
    Ok(RootResults::new(
        p,
        opts.maxiter,
        calls,
        RootFlag::ConvergenceError,
        method,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_derivative_and_bad_input() {
        let r = newton(|x| x * x + 1.0, |x| 2.0 * x, 0.0, &NewtonOptions::default()).unwrap();
        assert!(!r.converged);
        assert_eq!((r.iterations, r.function_calls), (1, 2));
        assert!(secant(|x| x, 1.0, Some(1.0), &NewtonOptions::default()).is_err());
        let o = NewtonOptions {
            tol: 0.0,
            ..Default::default()
        };
        assert!(newton(|x| x, |_| 1.0, 1.0, &o).is_err());
        let o = NewtonOptions {
            maxiter: 0,
            ..Default::default()
        };
        assert!(secant(|x| x, 1.0, None, &o).is_err());
    }

    #[test]
    fn secant_flat_and_maxiter() {
        let r = secant(|_| 3.0, 1.0, Some(2.0), &NewtonOptions::default()).unwrap();
        assert!(!r.converged);
        assert_eq!(r.root, 1.5);
        let o = NewtonOptions {
            maxiter: 3,
            ..Default::default()
        };
        let r = secant(|x: f64| x.atan(), 1.4, None, &o).unwrap();
        assert!(!r.converged);
        assert_eq!(r.iterations, 3);
    }
}
