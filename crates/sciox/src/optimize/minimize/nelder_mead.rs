//! `minimize(method='Nelder-Mead')`: the downhill simplex method, with
//! Gao and Han's adaptive parameters and optional bounds (a port of
//! SciPy's `_minimize_neldermead`).

use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;

/// NumPy's order for sorting: NaN last.
pub(crate) fn nan_last(a: f64, b: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a.is_nan(), b.is_nan()) {
        (true, true) => Equal,
        (true, false) => Greater,
        (false, true) => Less,
        _ => a.partial_cmp(&b).unwrap_or(Equal),
    }
}

/// `np.max` (NaN propagates).
fn np_max(it: impl Iterator<Item = f64>) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for v in it {
        if v.is_nan() {
            return f64::NAN;
        }
        if v > m {
            m = v;
        }
    }
    m
}

fn clip_to(v: &mut [f64], bounds: Option<(&[f64], &[f64])>) {
    if let Some((lb, ub)) = bounds {
        for ((x, l), u) in v.iter_mut().zip(lb).zip(ub) {
            // np.clip(x, lb, ub) = min(max(x, lb), ub)
            if !x.is_nan() {
                *x = x.max(*l).min(*u);
            }
        }
    }
}

pub(crate) fn nelder_mead<F: FnMut(&[f64]) -> f64>(
    mut func: F,
    x0: &[f64],
    bounds: Option<(&[f64], &[f64])>,
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let (rho, chi, psi, sigma) = if opts.adaptive {
        let dim = n as f64;
        (1.0, 1.0 + 2.0 / dim, 0.75 - 1.0 / (2.0 * dim), 1.0 - 1.0 / dim)
    } else {
        (1.0, 2.0, 0.5, 0.5)
    };
    let xatol = opts.xatol.unwrap_or(1e-4);
    let fatol = opts.fatol.unwrap_or(1e-4);
    let mut x0v = x0.to_vec();
    clip_to(&mut x0v, bounds);
    // simplex, (n+1) x n row-major
    let mut sim = match &opts.initial_simplex {
        Some(s) => s.clone(),
        None => {
            let mut s = vec![0.0; (n + 1) * n];
            s[..n].copy_from_slice(&x0v);
            for k in 0..n {
                let row = &mut s[(k + 1) * n..(k + 2) * n];
                row.copy_from_slice(&x0v);
                row[k] = if row[k] != 0.0 {
                    (1.0 + 0.05) * row[k]
                } else {
                    0.00025
                };
            }
            s
        }
    };
    let (maxiter, maxfun) = limits(opts.maxiter, opts.maxfev, 200 * n);
    if let Some((lb, ub)) = bounds {
        for r in 0..=n {
            let row = &mut sim[r * n..(r + 1) * n];
            for j in 0..n {
                if row[j] > ub[j] {
                    row[j] = 2.0 * ub[j] - row[j];
                }
            }
            clip_to(row, bounds);
            let _ = lb;
        }
    }
    let mut fsim = vec![f64::INFINITY; n + 1];
    let mut fcalls = 0usize;
    let mut call = |x: &[f64], fcalls: &mut usize| -> Option<f64> {
        if *fcalls >= maxfun {
            return None;
        }
        *fcalls += 1;
        Some(func(x))
    };
    for k in 0..=n {
        match call(&sim[k * n..(k + 1) * n], &mut fcalls) {
            Some(v) => fsim[k] = v,
            None => break,
        }
    }
    let mut order: Vec<usize> = (0..=n).collect();
    let mut sim_tmp = sim.clone();
    let mut fsim_tmp = fsim.clone();
    let mut sort = |sim: &mut Vec<f64>, fsim: &mut Vec<f64>| {
        for (i, o) in order.iter_mut().enumerate() {
            *o = i;
        }
        order.sort_by(|&a, &b| nan_last(fsim[a], fsim[b]));
        for (dst, &src) in order.iter().enumerate() {
            sim_tmp[dst * n..(dst + 1) * n].copy_from_slice(&sim[src * n..(src + 1) * n]);
            fsim_tmp[dst] = fsim[src];
        }
        std::mem::swap(sim, &mut sim_tmp);
        std::mem::swap(fsim, &mut fsim_tmp);
    };
    sort(&mut sim, &mut fsim);
    let mut iterations = 1usize;
    let mut xbar = vec![0.0; n];
    let mut xr = vec![0.0; n];
    let mut xe = vec![0.0; n];
    let mut xc = vec![0.0; n];
    let mut stopped = false;
    'outer: while fcalls < maxfun && iterations < maxiter {
        'body: {
            let best = &sim[..n];
            let xspread = np_max(
                (1..=n)
                    .flat_map(|r| (0..n).map(move |j| (r, j)))
                    .map(|(r, j)| (sim[r * n + j] - best[j]).abs()),
            );
            let fspread = np_max((1..=n).map(|r| (fsim[0] - fsim[r]).abs()));
            if xspread <= xatol && fspread <= fatol {
                break 'outer;
            }
            xbar.copy_from_slice(&sim[..n]);
            for r in 1..n {
                for j in 0..n {
                    xbar[j] += sim[r * n + j];
                }
            }
            for v in xbar.iter_mut() {
                *v /= n as f64;
            }
            let last = n * n;
            for j in 0..n {
                xr[j] = (1.0 + rho) * xbar[j] - rho * sim[last + j];
            }
            clip_to(&mut xr, bounds);
            let Some(fxr) = call(&xr, &mut fcalls) else {
                break 'body;
            };
            let mut doshrink = false;
            if fxr < fsim[0] {
                for j in 0..n {
                    xe[j] = (1.0 + rho * chi) * xbar[j] - rho * chi * sim[last + j];
                }
                clip_to(&mut xe, bounds);
                let Some(fxe) = call(&xe, &mut fcalls) else {
                    break 'body;
                };
                if fxe < fxr {
                    sim[last..].copy_from_slice(&xe);
                    fsim[n] = fxe;
                } else {
                    sim[last..].copy_from_slice(&xr);
                    fsim[n] = fxr;
                }
            } else if fxr < fsim[n - 1] {
                sim[last..].copy_from_slice(&xr);
                fsim[n] = fxr;
            } else {
                if fxr < fsim[n] {
                    for j in 0..n {
                        xc[j] = (1.0 + psi * rho) * xbar[j] - psi * rho * sim[last + j];
                    }
                    clip_to(&mut xc, bounds);
                    let Some(fxc) = call(&xc, &mut fcalls) else {
                        break 'body;
                    };
                    if fxc <= fxr {
                        sim[last..].copy_from_slice(&xc);
                        fsim[n] = fxc;
                    } else {
                        doshrink = true;
                    }
                } else {
                    for j in 0..n {
                        xc[j] = (1.0 - psi) * xbar[j] + psi * sim[last + j];
                    }
                    clip_to(&mut xc, bounds);
                    let Some(fxcc) = call(&xc, &mut fcalls) else {
                        break 'body;
                    };
                    if fxcc < fsim[n] {
                        sim[last..].copy_from_slice(&xc);
                        fsim[n] = fxcc;
                    } else {
                        doshrink = true;
                    }
                }
                if doshrink {
                    for r in 1..=n {
                        for j in 0..n {
                            sim[r * n + j] = sim[j] + sigma * (sim[r * n + j] - sim[j]);
                        }
                        clip_to(&mut sim[r * n..(r + 1) * n], bounds);
                        let Some(v) = call(&sim[r * n..(r + 1) * n], &mut fcalls) else {
                            break 'body;
                        };
                        fsim[r] = v;
                    }
                }
            }
            iterations += 1;
        }
        sort(&mut sim, &mut fsim);
        if let Some(cb) = callback.as_deref_mut()
            && cb(&sim[..n], fsim[0])
        {
            stopped = true;
            break;
        }
    }
    let x = sim[..n].to_vec();
    let fval = if fsim.iter().any(|v| v.is_nan()) {
        f64::NAN
    } else {
        fsim.iter().cloned().fold(f64::INFINITY, f64::min)
    };
    let (status, msg) = if fcalls >= maxfun {
        (1, "Maximum number of function evaluations has been exceeded.")
    } else if iterations >= maxiter {
        (2, "Maximum number of iterations has been exceeded.")
    } else {
        (0, "Optimization terminated successfully.")
    };
    let mut r = OptimizeResult::empty(n);
    r.x = x;
    r.fun = fval;
    r.nit = iterations;
    r.nfev = fcalls;
    r.status = status;
    r.success = status == 0;
    r.message = msg.to_string();
    r.final_simplex = sim;
    if stopped {
        super::stopped(&mut r);
    }
    r
}

/// SciPy's defaults of `maxiter`/`maxfev` (`usize::MAX` is infinity).
pub(crate) fn limits(maxiter: Option<usize>, maxfev: Option<usize>, default: usize) -> (usize, usize) {
    match (maxiter, maxfev) {
        (None, None) => (default, default),
        (None, Some(f)) => (if f == usize::MAX { default } else { usize::MAX }, f),
        (Some(i), None) => (i, if i == usize::MAX { default } else { usize::MAX }),
        (Some(i), Some(f)) => (i, f),
    }
}
