//! `minimize(method='BFGS')`: quasi-Newton with the BFGS inverse-Hessian
//! update and SciPy's Wolfe line search (a port of `_minimize_bfgs`).

use super::function::ScalarFunction;
use super::line_search::{Line, dot, line_search_wolfe12};
use super::{Callback, MinimizeOptions, finish_message, vecnorm};
use crate::optimize::OptimizeResult;

pub(crate) fn bfgs<F: FnMut(&[f64]) -> f64>(
    sf: &mut ScalarFunction<'_, F>,
    x0: &[f64],
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = opts.maxiter.unwrap_or(200 * n);
    let gtol = opts.gtol.unwrap_or(1e-5);
    let norm = opts.norm;
    let (c1, c2) = (opts.c1.unwrap_or(1e-4), opts.c2.unwrap_or(0.9));
    let xrtol = opts.xrtol;
    let mut old_fval = sf.fun(x0);
    let mut gfk = sf.grad(x0).to_vec();
    let mut hk = vec![0.0f64; n * n];
    for i in 0..n {
        hk[i * n + i] = 1.0;
    }
    let mut old_old_fval = old_fval + dot(&gfk, &gfk).sqrt() / 2.0;
    let mut xk = x0.to_vec();
    let mut pk = vec![0.0; n];
    let mut sk = vec![0.0; n];
    let mut yk = vec![0.0; n];
    let mut hy = vec![0.0; n];
    let mut gfkp1 = vec![0.0; n];
    let small = if n < 16 { n * n } else { 0 };
    let (mut a1, mut a2, mut t) = (vec![0.0; small], vec![0.0; small], vec![0.0; small]);
    let mut k = 0;
    let mut warnflag = 0;
    let mut stopped = false;
    let mut gnorm = vecnorm(&gfk, norm);
    while gnorm > gtol && k < maxiter {
        if n == 2 {
            // np.dot(Hk, gfk) of a 2x2 matrix as OpenBLAS's dgemv rounds it
            for i in 0..2 {
                pk[i] = -hk[2 * i].mul_add(gfk[0], hk[2 * i + 1] * gfk[1]);
            }
        } else {
            for i in 0..n {
                let row = &hk[i * n..(i + 1) * n];
                pk[i] = -dot(row, &gfk);
            }
        }
        let ls = {
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
                None,
            );
            if let Some(r) = &r
                && r.have_grad
            {
                gfkp1.copy_from_slice(&line.gval);
            }
            r
        };
        let Some(ls) = ls else {
            warnflag = 2;
            break;
        };
        old_fval = ls.fval;
        old_old_fval = ls.old_fval;
        let alpha_k = ls.alpha;
        for i in 0..n {
            sk[i] = alpha_k * pk[i];
            xk[i] += sk[i];
        }
        if !ls.have_grad {
            gfkp1.copy_from_slice(sf.grad(&xk));
        }
        for i in 0..n {
            yk[i] = gfkp1[i] - gfk[i];
        }
        gfk.copy_from_slice(&gfkp1);
        k += 1;
        if let Some(cb) = callback.as_deref_mut()
            && cb(&xk, old_fval)
        {
            stopped = true;
            break;
        }
        gnorm = vecnorm(&gfk, norm);
        if gnorm <= gtol {
            break;
        }
        if alpha_k * vecnorm(&pk, 2.0) <= xrtol * (xrtol + vecnorm(&xk, 2.0)) {
            break;
        }
        if !old_fval.is_finite() {
            warnflag = 2;
            break;
        }
        let rhok_inv = dot(&yk, &sk);
        let rhok = if rhok_inv == 0.0 { 1000.0 } else { 1.0 / rhok_inv };
        if n < 16 {
            // SciPy's products in SciPy's order (OpenBLAS accumulates these
            // short inner products with fused multiply-adds)
            update_small(&mut hk, &sk, &yk, rhok, &mut a1, &mut a2, &mut t);
        } else {
            // the same update expanded to O(n^2) (H symmetric):
            // H - rho (s (H y)^T + (H y) s^T) + (rho^2 y^T H y + rho) s s^T
            for i in 0..n {
                hy[i] = dot(&hk[i * n..(i + 1) * n], &yk);
            }
            let yhy = dot(&yk, &hy);
            let coef = rhok * rhok * yhy + rhok;
            for i in 0..n {
                let row = &mut hk[i * n..(i + 1) * n];
                for j in 0..n {
                    row[j] += -rhok * (sk[i] * hy[j] + hy[i] * sk[j]) + coef * sk[i] * sk[j];
                }
            }
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
    r.hess_inv = hk;
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

/// `Hk = A1 (Hk A2) + rho s s^T` with `A1 = I - rho s y^T`,
/// `A2 = I - rho y s^T`, as SciPy writes it.
fn update_small(
    hk: &mut [f64],
    sk: &[f64],
    yk: &[f64],
    rhok: f64,
    a1: &mut [f64],
    a2: &mut [f64],
    t: &mut [f64],
) {
    let n = sk.len();
    for i in 0..n {
        for j in 0..n {
            let id = if i == j { 1.0 } else { 0.0 };
            a1[i * n + j] = id - sk[i] * yk[j] * rhok;
            a2[i * n + j] = id - yk[i] * sk[j] * rhok;
        }
    }
    for i in 0..n {
        for j in 0..n {
            let mut acc = 0.0f64;
            for k in 0..n {
                acc = hk[i * n + k].mul_add(a2[k * n + j], acc);
            }
            t[i * n + j] = acc;
        }
    }
    for i in 0..n {
        for j in 0..n {
            let mut acc = 0.0f64;
            for k in 0..n {
                acc = a1[i * n + k].mul_add(t[k * n + j], acc);
            }
            hk[i * n + j] = acc + rhok * sk[i] * sk[j];
        }
    }
}
