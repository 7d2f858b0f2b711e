//! `scipy.optimize.golden`: golden-section search (a port of SciPy's
//! `_minimize_scalar_golden`).

use super::brent::{BracketResult, Start, bracket_failure, finish, start};
use crate::Result;
use crate::optimize::{Bracket, ScalarOptimizeResult};

/// Minimises `f` by golden-section search (SciPy's
/// `minimize_scalar(method='golden')`; defaults `tol = sqrt(eps)`,
/// `maxiter = 5000`), starting from `brack` as [`brent`](super::brent).
///
/// ```
/// use sciox::optimize::{golden, Bracket};
/// let r = golden(|x| (x - 1.0) * (x - 1.0), Bracket::default(), 1.4901161193847656e-8, 5000).unwrap();
/// assert!((r.x - 1.0).abs() < 1e-7);
/// assert!(r.success);
/// ```
pub fn golden<F: FnMut(f64) -> f64>(
    mut f: F,
    brack: Bracket,
    tol: f64,
    maxiter: usize,
) -> Result<ScalarOptimizeResult> {
    let b = match start(&mut f, brack)? {
        Start::Ok(b) => b,
        Start::Fail(e) => return Ok(bracket_failure(e)),
    };
    const GR: f64 = 0.61803399;
    const GC: f64 = 1.0 - GR;
    let BracketResult {
        xa,
        xb,
        xc,
        mut funcalls,
        ..
    } = b;
    let mut x3 = xc;
    let mut x0 = xa;
    let (mut x1, mut x2);
    if (xc - xb).abs() > (xb - xa).abs() {
        x1 = xb;
        x2 = xb + GC * (xc - xb);
    } else {
        x2 = xb;
        x1 = xb - GC * (xb - xa);
    }
    let mut f1 = f(x1);
    let mut f2 = f(x2);
    funcalls += 2;
    let mut nit = 0;
    for _ in 0..maxiter {
        if (x3 - x0).abs() <= tol * (x1.abs() + x2.abs()) {
            break;
        }
        if f2 < f1 {
            x0 = x1;
            x1 = x2;
            x2 = GR * x1 + GC * x3;
            f1 = f2;
            f2 = f(x2);
        } else {
            x3 = x2;
            x2 = x1;
            x1 = GR * x2 + GC * x0;
            f2 = f1;
            f1 = f(x1);
        }
        funcalls += 1;
        nit += 1;
    }
    let (xmin, fval) = if f1 < f2 { (x1, f1) } else { (x2, f2) };
    Ok(finish(xmin, fval, nit, funcalls, maxiter, tol))
}
