//! `minimize(method='Powell')`: Powell's conjugate-direction method with
//! Brent line searches (bounded ones inside `bounds`; a port of SciPy's
//! `_minimize_powell` and `_linesearch_powell`).

use super::nelder_mead::limits;
use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;
use crate::optimize::scalar::{Bracket, brent, fminbound};

/// The objective with SciPy's `maxfev` guard: past the limit, calls
/// return NaN without evaluating and `hit` is set, and the caller throws
/// away what the aborted line search computed (SciPy raises
/// `_MaxFuncCallError` there).
struct Limited<F> {
    f: F,
    ncalls: usize,
    maxfun: usize,
    hit: bool,
}

impl<F: FnMut(&[f64]) -> f64> Limited<F> {
    fn call(&mut self, x: &[f64]) -> f64 {
        if self.ncalls >= self.maxfun {
            self.hit = true;
            return f64::NAN;
        }
        self.ncalls += 1;
        (self.f)(x)
    }
}

/// SciPy's `_line_for_search`: the range of `alpha` keeping
/// `x0 + alpha d` inside the bounds.
fn line_for_search(x0: &[f64], d: &[f64], lb: &[f64], ub: &[f64]) -> (f64, f64) {
    let mut lmin = f64::NEG_INFINITY;
    let mut lmax = f64::INFINITY;
    let mut any = false;
    for i in 0..x0.len() {
        if d[i] == 0.0 {
            continue;
        }
        any = true;
        let low = (lb[i] - x0[i]) / d[i];
        let high = (ub[i] - x0[i]) / d[i];
        let (lo, hi) = if d[i] > 0.0 {
            (low + 0.0, high + 0.0)
        } else {
            (0.0 + high, 0.0 + low)
        };
        lmin = if lo.is_nan() || lmin.is_nan() {
            f64::NAN
        } else {
            lmin.max(lo)
        };
        lmax = if hi.is_nan() || lmax.is_nan() {
            f64::NAN
        } else {
            lmax.min(hi)
        };
    }
    if !any {
        // np.max of an empty array raises in SciPy; no direction, no move
        return (0.0, 0.0);
    }
    if lmax >= lmin { (lmin, lmax) } else { (0.0, 0.0) }
}

/// SciPy's `_linesearch_powell`: minimises along `xi` from `p`; returns
/// the new value and writes the new point into `p` and the step into `xi`.
fn linesearch<F: FnMut(&[f64]) -> f64>(
    func: &mut Limited<F>,
    p: &mut [f64],
    xi: &mut [f64],
    tol: f64,
    bounds: Option<(&[f64], &[f64])>,
    fval: f64,
    xt: &mut [f64],
) -> f64 {
    let n = p.len();
    if xi.iter().all(|&v| v == 0.0) {
        return fval;
    }
    let mut eval = |alpha: f64, func: &mut Limited<F>| {
        for i in 0..n {
            xt[i] = p[i] + alpha * xi[i];
        }
        func.call(xt)
    };
    let (fret, alpha) = match bounds {
        None => {
            let r = brent(|a| eval(a, func), Bracket::default(), tol, 500)
                .expect("two-point bracket never errors");
            (r.fun, r.x)
        }
        Some((lb, ub)) => {
            let (lo, hi) = line_for_search(p, xi, lb, ub);
            if lo == f64::NEG_INFINITY && hi == f64::INFINITY {
                let r = brent(|a| eval(a, func), Bracket::default(), tol, 500)
                    .expect("two-point bracket never errors");
                (r.fun, r.x)
            } else if lo != f64::NEG_INFINITY && hi != f64::INFINITY {
                match fminbound(|a| eval(a, func), lo, hi, tol / 100.0, 500) {
                    Ok(r) => (r.fun, r.x),
                    Err(_) => (f64::NAN, f64::NAN),
                }
            } else {
                match fminbound(|a| eval(a.tan(), func), lo.atan(), hi.atan(), tol / 100.0, 500) {
                    Ok(r) => (r.fun, r.x.tan()),
                    Err(_) => (f64::NAN, f64::NAN),
                }
            }
        }
    };
    for i in 0..n {
        xi[i] *= alpha;
        p[i] += xi[i];
    }
    fret
}

pub(crate) fn powell<F: FnMut(&[f64]) -> f64>(
    func: F,
    x0: &[f64],
    bounds: Option<(&[f64], &[f64])>,
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let xtol = opts.xtol.unwrap_or(1e-4);
    let ftol = opts.ftol.unwrap_or(1e-4);
    let (maxiter, maxfun) = limits(opts.maxiter, opts.maxfev, 1000 * n);
    let mut func = Limited {
        f: func,
        ncalls: 0,
        maxfun,
        hit: false,
    };
    let mut direc = match &opts.direc {
        Some(d) => d.clone(),
        None => {
            let mut d = vec![0.0; n * n];
            for i in 0..n {
                d[i * n + i] = 1.0;
            }
            d
        }
    };
    let mut x = x0.to_vec();
    let mut fval = func.call(&x);
    let mut x1 = x.clone();
    let mut xt = vec![0.0; n];
    let mut xs = vec![0.0; n];
    let mut d1 = vec![0.0; n];
    let mut x2 = vec![0.0; n];
    let mut iter = 0usize;
    let mut stopped = false;
    let tol = xtol * 100.0;
    'outer: loop {
        let fx = fval;
        let mut bigind = 0;
        let mut delta = 0.0;
        for i in 0..n {
            d1.copy_from_slice(&direc[i * n..(i + 1) * n]);
            let fx2 = fval;
            xs.copy_from_slice(&x);
            let fnew = linesearch(&mut func, &mut xs, &mut d1, tol, bounds, fval, &mut xt);
            if func.hit {
                break 'outer;
            }
            fval = fnew;
            x.copy_from_slice(&xs);
            if fx2 - fval > delta {
                delta = fx2 - fval;
                bigind = i;
            }
        }
        iter += 1;
        if let Some(cb) = callback.as_deref_mut()
            && cb(&x, fval)
        {
            stopped = true;
            break;
        }
        let bnd = ftol * (fx.abs() + fval.abs()) + 1e-20;
        if 2.0 * (fx - fval) <= bnd
            || func.ncalls >= maxfun
            || iter >= maxiter
            || (fx.is_nan() && fval.is_nan())
        {
            break;
        }
        for i in 0..n {
            d1[i] = x[i] - x1[i];
        }
        x1.copy_from_slice(&x);
        let lmax = match bounds {
            None => 1.0,
            Some((lb, ub)) => line_for_search(&x, &d1, lb, ub).1,
        };
        let step = if lmax < 1.0 { lmax } else { 1.0 };
        for i in 0..n {
            x2[i] = x[i] + step * d1[i];
        }
        let fx2 = func.call(&x2);
        if func.hit {
            break;
        }
        if fx > fx2 {
            let mut t = 2.0 * (fx + fx2 - 2.0 * fval);
            let mut temp = fx - fval - delta;
            t *= temp * temp;
            temp = fx - fx2;
            t -= delta * temp * temp;
            if t < 0.0 {
                xs.copy_from_slice(&x);
                let fnew = linesearch(&mut func, &mut xs, &mut d1, tol, bounds, fval, &mut xt);
                if func.hit {
                    break;
                }
                fval = fnew;
                x.copy_from_slice(&xs);
                if d1.iter().any(|&v| v != 0.0) {
                    let last = (n - 1) * n;
                    let lastrow = direc[last..].to_vec();
                    direc[bigind * n..(bigind + 1) * n].copy_from_slice(&lastrow);
                    direc[last..].copy_from_slice(&d1);
                }
            }
        }
    }
    let out_of_bounds =
        bounds.is_some_and(|(lb, ub)| x.iter().zip(lb).zip(ub).any(|((v, l), u)| l > v || v > u));
    let (status, msg) = if out_of_bounds {
        (4, "The result is outside of the provided bounds.")
    } else if func.ncalls >= maxfun {
        (1, "Maximum number of function evaluations has been exceeded.")
    } else if iter >= maxiter {
        (2, "Maximum number of iterations has been exceeded.")
    } else if fval.is_nan() || x.iter().any(|v| v.is_nan()) {
        (3, "NaN result encountered.")
    } else {
        (0, "Optimization terminated successfully.")
    };
    let mut r = OptimizeResult::empty(n);
    r.x = x;
    r.fun = fval;
    r.nit = iter;
    r.nfev = func.ncalls;
    r.status = status;
    r.success = status == 0;
    r.message = msg.to_string();
    r.direc = direc;
    if stopped {
        super::stopped(&mut r);
    }
    r
}
