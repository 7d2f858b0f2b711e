//! `minimize(method='CG')`: nonlinear conjugate gradients of Polak and
//! Ribiere with Powell's restart (a port of SciPy's `_minimize_cg`).

use super::function::ScalarFunction;
use super::line_search::{Line, dot, line_search_wolfe12};
use super::{Callback, MinimizeOptions, finish_message, vecnorm};
use crate::optimize::OptimizeResult;

/// SciPy's `polak_ribiere_powell_step`: the new point, direction,
/// gradient and gradient norm for a step `alpha`.
struct Step {
    alpha: f64,
    x: Vec<f64>,
    p: Vec<f64>,
    g: Vec<f64>,
    y: Vec<f64>,
    gnorm: f64,
}

#[allow(clippy::too_many_arguments)]
fn pr_step(
    alpha: f64,
    xk: &[f64],
    pk: &[f64],
    gfk: &[f64],
    gfkp1: &[f64],
    deltak: f64,
    norm: f64,
    out: &mut Step,
) {
    let n = xk.len();
    for i in 0..n {
        out.x[i] = xk[i] + alpha * pk[i];
    }
    for i in 0..n {
        out.y[i] = gfkp1[i] - gfk[i];
    }
    let yg = dot(&out.y, gfkp1);
    // Python's max(0, v): v when 0 < v
    let r = yg / deltak;
    let beta = if 0.0 < r { r } else { 0.0 };
    for i in 0..n {
        out.p[i] = -gfkp1[i] + beta * pk[i];
    }
    out.g.copy_from_slice(gfkp1);
    out.gnorm = vecnorm(gfkp1, norm);
    out.alpha = alpha;
}

pub(crate) fn cg<F: FnMut(&[f64]) -> f64>(
    sf: &mut ScalarFunction<'_, F>,
    x0: &[f64],
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = opts.maxiter.unwrap_or(200 * n);
    let gtol = opts.gtol.unwrap_or(1e-5);
    let norm = opts.norm;
    let (c1, c2) = (opts.c1.unwrap_or(1e-4), opts.c2.unwrap_or(0.4));
    let mut old_fval = sf.fun(x0);
    let mut gfk = sf.grad(x0).to_vec();
    let mut xk = x0.to_vec();
    let mut old_old_fval = old_fval + dot(&gfk, &gfk).sqrt() / 2.0;
    let mut pk: Vec<f64> = gfk.iter().map(|v| -v).collect();
    let mut gnorm = vecnorm(&gfk, norm);
    let sigma_3 = 0.01;
    let mut k = 0;
    let mut warnflag = 0;
    let mut stopped = false;
    let mut cached = Step {
        alpha: f64::NAN,
        x: vec![0.0; n],
        p: vec![0.0; n],
        g: vec![0.0; n],
        y: vec![0.0; n],
        gnorm: 0.0,
    };
    let mut fresh = Step {
        alpha: f64::NAN,
        x: vec![0.0; n],
        p: vec![0.0; n],
        g: vec![0.0; n],
        y: vec![0.0; n],
        gnorm: 0.0,
    };
    let mut gnew = vec![0.0; n];
    while gnorm > gtol && k < maxiter {
        let deltak = dot(&gfk, &gfk);
        cached.alpha = f64::NAN;
        let ls = {
            let mut descent = |alpha: f64, gfkp1: &[f64]| -> bool {
                pr_step(alpha, &xk, &pk, &gfk, gfkp1, deltak, norm, &mut cached);
                if cached.gnorm <= gtol {
                    return true;
                }
                dot(&cached.p, &cached.g) <= -sigma_3 * dot(&cached.g, &cached.g)
            };
            let mut line = Line::new(sf, &xk, &pk, &gfk);
            let r = line_search_wolfe12(
                &mut line,
                &gfk,
                old_fval,
                Some(old_old_fval),
                c1,
                c2,
                1e-100,
                1e100,
                Some(1e100),
                Some(&mut descent),
            );
            if let Some(r) = &r
                && r.have_grad
            {
                gnew.copy_from_slice(&line.gval);
            }
            r
        };
        let Some(ls) = ls else {
            warnflag = 2;
            break;
        };
        old_fval = ls.fval;
        old_old_fval = ls.old_fval;
        if ls.alpha == cached.alpha {
            std::mem::swap(&mut fresh, &mut cached);
        } else {
            if !ls.have_grad {
                let mut xt = vec![0.0; n];
                for i in 0..n {
                    xt[i] = xk[i] + ls.alpha * pk[i];
                }
                gnew.copy_from_slice(sf.grad(&xt));
            }
            pr_step(ls.alpha, &xk, &pk, &gfk, &gnew, deltak, norm, &mut fresh);
        }
        xk.copy_from_slice(&fresh.x);
        pk.copy_from_slice(&fresh.p);
        gfk.copy_from_slice(&fresh.g);
        gnorm = fresh.gnorm;
        k += 1;
        if let Some(cb) = callback.as_deref_mut()
            && cb(&xk, old_fval)
        {
            stopped = true;
            break;
        }
    }
    let fval = old_fval;
    let (status, msg) = finish_message(
        warnflag,
        k >= maxiter,
        gnorm.is_nan() || fval.is_nan() || xk.iter().any(|v| v.is_nan()),
    );
    let mut r = OptimizeResult::empty(n);
    r.x = xk;
    r.fun = fval;
    r.jac = gfk;
    r.nfev = sf.nfev;
    r.njev = sf.ngev;
    r.nit = k;
    r.status = status;
    r.success = status == 0;
    r.message = msg.to_string();
    if stopped {
        super::stopped(&mut r);
    }
    r
}
