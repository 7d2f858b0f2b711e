//! `scipy.optimize.root_scalar`: one entry point for the scalar root
//! finders, choosing the method as SciPy does.

use super::{NewtonOptions, RootOptions};
use crate::optimize::RootResults;
use crate::optimize::minimize::finite_diff::{EPSILON, compute_absolute_step};
use crate::{Error, Result};

/// A method of [`root_scalar`] (SciPy's `method=` strings).
///
/// ```
/// use sciox::optimize::RootScalarMethod;
/// assert_eq!(RootScalarMethod::Brentq.name(), "brentq");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RootScalarMethod {
    /// [`bisect`](super::bisect)
    Bisect,
    /// [`brentq`](super::brentq)
    Brentq,
    /// [`brenth`](super::brenth)
    Brenth,
    /// [`ridder`](super::ridder)
    Ridder,
    /// [`toms748`](super::toms748)
    Toms748,
    /// [`newton`](super::newton) (a 2-point finite-difference derivative without `fprime`)
    Newton,
    /// [`secant`](super::secant)
    Secant,
    /// [`halley`](super::halley)
    Halley,
}

impl RootScalarMethod {
    /// SciPy's name of the method.
    ///
    /// ```
    /// use sciox::optimize::RootScalarMethod;
    /// assert_eq!(RootScalarMethod::Toms748.name(), "toms748");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            RootScalarMethod::Bisect => "bisect",
            RootScalarMethod::Brentq => "brentq",
            RootScalarMethod::Brenth => "brenth",
            RootScalarMethod::Ridder => "ridder",
            RootScalarMethod::Toms748 => "toms748",
            RootScalarMethod::Newton => "newton",
            RootScalarMethod::Secant => "secant",
            RootScalarMethod::Halley => "halley",
        }
    }
}

/// The keyword arguments of SciPy's `root_scalar`. Unset tolerances take
/// the chosen method's defaults (`xtol` is `newton`'s `tol` for the
/// Newton family).
///
/// ```
/// use sciox::optimize::RootScalarOptions;
/// let o = RootScalarOptions { bracket: Some([0.0, 2.0]), ..Default::default() };
/// assert!(o.method.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RootScalarOptions {
    /// The method; `None` chooses as SciPy: `brentq` with a bracket, else
    /// `halley`/`newton` with derivatives, `secant` with `x1`, else `newton`.
    pub method: Option<RootScalarMethod>,
    /// A sign-changing interval (bracketing methods).
    pub bracket: Option<[f64; 2]>,
    /// Starting point (Newton family).
    pub x0: Option<f64>,
    /// Second starting point (secant).
    pub x1: Option<f64>,
    /// Absolute tolerance.
    pub xtol: Option<f64>,
    /// Relative tolerance.
    pub rtol: Option<f64>,
    /// Maximum number of iterations.
    pub maxiter: Option<usize>,
}

/// A derivative argument of [`root_scalar`].
pub type Deriv<'a> = Option<&'a mut dyn FnMut(f64) -> f64>;

/// Finds a root of a scalar function (SciPy's `root_scalar`), with the
/// derivatives `fprime`, `fprime2` when given.
///
/// Errors: no bracket and no `x0` ("Unable to select a solver ..."), a
/// bracketing method without a bracket, Newton-family methods without
/// `x0`, Halley without both derivatives, and the errors of the chosen
/// method. (SciPy turns a NaN function value in a bracketing method into
/// a result with a message; here it is the method's error.)
///
/// ```
/// use sciox::optimize::{root_scalar, RootScalarOptions};
/// let o = RootScalarOptions { bracket: Some([0.0, 2.0]), ..Default::default() };
/// let r = root_scalar(|x| x * x - 2.0, None, None, &o).unwrap();
/// assert_eq!(r.method, "brentq");
/// assert!((r.root - 2f64.sqrt()).abs() < 1e-12);
///
/// let o = RootScalarOptions { x0: Some(1.0), ..Default::default() };
/// let r = root_scalar(|x| x * x - 2.0, Some(&mut |x| 2.0 * x), None, &o).unwrap();
/// assert_eq!(r.method, "newton");
/// ```
pub fn root_scalar<F: FnMut(f64) -> f64>(
    mut f: F,
    fprime: Deriv<'_>,
    fprime2: Deriv<'_>,
    opts: &RootScalarOptions,
) -> Result<RootResults> {
    let method = match opts.method {
        Some(m) => m,
        None => {
            if opts.bracket.is_some() {
                RootScalarMethod::Brentq
            } else if opts.x0.is_some() {
                if fprime.is_some() {
                    if fprime2.is_some() {
                        RootScalarMethod::Halley
                    } else {
                        RootScalarMethod::Newton
                    }
                } else if opts.x1.is_some() {
                    RootScalarMethod::Secant
                } else {
                    RootScalarMethod::Newton
                }
            } else {
                return Err(Error::invalid(
                    "Unable to select a solver as neither bracket nor starting point provided.",
                ));
            }
        }
    };
    use RootScalarMethod as M;
    match method {
        M::Bisect | M::Brentq | M::Brenth | M::Ridder | M::Toms748 => {
            let Some([a, b]) = opts.bracket else {
                return Err(Error::invalid(format!("Bracket needed for {}", method.name())));
            };
            let d = RootOptions::default();
            let ro = RootOptions {
                xtol: opts.xtol.unwrap_or(d.xtol),
                rtol: opts.rtol.unwrap_or(d.rtol),
                maxiter: opts.maxiter.unwrap_or(d.maxiter),
            };
            match method {
                M::Bisect => super::bisect(f, a, b, &ro),
                M::Brentq => super::brentq(f, a, b, &ro),
                M::Brenth => super::brenth(f, a, b, &ro),
                M::Ridder => super::ridder(f, a, b, &ro),
                _ => super::toms748(f, a, b, 1, &ro),
            }
        }
        M::Newton | M::Secant | M::Halley => {
            let Some(x0) = opts.x0 else {
                return Err(Error::invalid(format!(
                    "x0 must not be None for {}",
                    method.name()
                )));
            };
            let d = NewtonOptions::default();
            let no = NewtonOptions {
                tol: opts.xtol.unwrap_or(d.tol),
                rtol: opts.rtol.unwrap_or(d.rtol),
                maxiter: opts.maxiter.unwrap_or(d.maxiter),
            };
            match method {
                M::Secant => super::secant(f, x0, opts.x1, &no),
                M::Newton => match fprime {
                    Some(fp) => super::newton::newton_core(&mut f, fp, None, x0, &no),
                    None => {
                        // SciPy: fprime = approx_derivative(f, x, method='2-point'),
                        // which evaluates f at x and x + h (h by SciPy's step rule).
                        let fc = std::cell::RefCell::new(f);
                        let mut fv = |x: f64| (fc.borrow_mut())(x);
                        let mut fd = |x: f64| {
                            let h = compute_absolute_step(None, EPSILON, x);
                            let f0 = (fc.borrow_mut())(x);
                            let xh = x + h;
                            let f1 = (fc.borrow_mut())(xh);
                            (f1 - f0) / (xh - x)
                        };
                        super::newton::newton_core(&mut fv, &mut fd, None, x0, &no)
                    }
                },
                _ => {
                    let Some(fp) = fprime else {
                        return Err(Error::invalid("fprime must be specified for halley"));
                    };
                    let Some(fp2) = fprime2 else {
                        return Err(Error::invalid("fprime2 must be specified for halley"));
                    };
                    super::newton::newton_core(&mut f, fp, Some(fp2), x0, &no)
                }
            }
        }
    }
}
