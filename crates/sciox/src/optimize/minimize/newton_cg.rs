//! `minimize(method='Newton-CG')`: truncated Newton with conjugate
//! gradients for the Newton system (a port of SciPy's `_minimize_newtoncg`).

use super::function::ScalarFunction;
use super::line_search::{Line, dot, line_search_wolfe12};
use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;

/// A Hessian closure: writes the n×n Hessian at `x` (row-major) into the slice.
pub type HessFn<'a> = &'a mut dyn FnMut(&[f64], &mut [f64]);
/// A Hessian-vector product closure: writes `H(x) p` into the slice.
pub type HessProdFn<'a> = &'a mut dyn FnMut(&[f64], &[f64], &mut [f64]);

/// The Hessian information of Newton-CG (SciPy's `hess` / `hessp`).
pub enum Hess<'a> {
    /// None given: products by forward differences of the gradient with
    /// the step `eps` (SciPy's `approx_fhess_p`).
    FiniteDiff,
    /// `hess(x, out)` writes the n×n Hessian (row-major) into `out`.
    Full(HessFn<'a>),
    /// `hessp(x, p, out)` writes the Hessian-vector product into `out`.
    Prod(HessProdFn<'a>),
}

/// NumPy's pairwise sum of `|v|` (what `np.add.reduce(np.abs(v))` and
/// `np.linalg.norm(v, 1)` compute).
fn l1(v: &[f64]) -> f64 {
    fn pw(v: &[f64]) -> f64 {
        let n = v.len();
        if n < 8 {
            let mut r = -0.0;
            for x in v {
                r += x.abs();
            }
            r
        } else if n <= 128 {
            let mut r = [0.0f64; 8];
            for (j, rj) in r.iter_mut().enumerate() {
                *rj = v[j].abs();
            }
            let m = n - n % 8;
            let mut i = 8;
            while i < m {
                for (j, rj) in r.iter_mut().enumerate() {
                    *rj += v[i + j].abs();
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for x in &v[m..] {
                res += x.abs();
            }
            res
        } else {
            let mut n2 = n / 2;
            n2 -= n2 % 8;
            pw(&v[..n2]) + pw(&v[n2..])
        }
    }
    pw(v)
}

pub(crate) fn newton_cg<F: FnMut(&[f64]) -> f64>(
    sf: &mut ScalarFunction<'_, F>,
    mut hess: Hess<'_>,
    x0: &[f64],
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = opts.maxiter.unwrap_or(200 * n);
    let cg_maxiter = 20 * n;
    let xtol = n as f64 * opts.xtol.unwrap_or(1e-5);
    let (c1, c2) = (opts.c1.unwrap_or(1e-4), opts.c2.unwrap_or(0.9));
    let eps = opts.eps.unwrap_or(super::EPSILON);
    let mut update_l1norm = f64::MAX;
    let mut xk = x0.to_vec();
    let mut k = 0;
    let mut hcalls = 0;
    let mut old_fval = sf.fun(x0);
    let mut old_old_fval: Option<f64> = None;
    let mut gfk = vec![0.0; n];
    let mut b = vec![0.0; n];
    let mut xsupi = vec![0.0; n];
    let mut ri = vec![0.0; n];
    let mut psupi = vec![0.0; n];
    let mut ap = vec![0.0; n];
    let mut a = match hess {
        Hess::Full(_) => vec![0.0; n * n],
        _ => Vec::new(),
    };
    let mut xt = vec![0.0; n];
    let mut g1 = vec![0.0; n];
    let finish = |status: i32,
                  msg: &str,
                  xk: Vec<f64>,
                  fun: f64,
                  jac: Vec<f64>,
                  k: usize,
                  hcalls: usize,
                  nfev: usize,
                  njev: usize| {
        let mut r = OptimizeResult::empty(n);
        r.x = xk;
        r.fun = fun;
        r.jac = jac;
        r.nit = k;
        r.nfev = nfev;
        r.njev = njev;
        r.nhev = hcalls;
        r.status = status;
        r.success = status == 0;
        r.message = msg.to_string();
        r
    };
    while update_l1norm > xtol {
        if k >= maxiter {
            return finish(
                1,
                "Warning: Maximum number of iterations has been exceeded.",
                xk,
                old_fval,
                gfk,
                k,
                hcalls,
                sf.nfev,
                sf.ngev,
            );
        }
        let g = sf.grad(&xk);
        for i in 0..n {
            b[i] = -g[i];
        }
        let maggrad = l1(&b);
        let eta = 0.5f64.min(maggrad.sqrt());
        let termcond = eta * maggrad;
        xsupi.iter_mut().for_each(|v| *v = 0.0);
        for i in 0..n {
            ri[i] = -b[i];
            psupi[i] = -ri[i];
        }
        let mut dri0 = dot(&ri, &ri);
        if let Hess::Full(h) = &mut hess {
            h(&xk, &mut a);
            hcalls += 1;
        }
        let mut converged = false;
        // SciPy's `i` (successful inner iterations) is the loop index
        for i in 0..cg_maxiter {
            if l1(&ri) <= termcond {
                converged = true;
                break;
            }
            match &mut hess {
                Hess::FiniteDiff => {
                    // SciPy's approx_fhess_p: (grad(x + eps p) - grad(x)) / eps
                    g1.copy_from_slice(sf.grad(&xk));
                    for j in 0..n {
                        xt[j] = xk[j] + eps * psupi[j];
                    }
                    let g2 = sf.grad(&xt);
                    for j in 0..n {
                        ap[j] = (g2[j] - g1[j]) / eps;
                    }
                }
                Hess::Prod(hp) => {
                    hp(&xk, &psupi, &mut ap);
                    hcalls += 1;
                }
                Hess::Full(_) => {
                    for r in 0..n {
                        ap[r] = dot(&a[r * n..(r + 1) * n], &psupi);
                    }
                }
            }
            let curv = dot(&psupi, &ap);
            if (0.0..=3.0 * f64::EPSILON).contains(&curv) {
                converged = true;
                break;
            } else if curv < 0.0 {
                if i == 0 {
                    let s = dri0 / -curv;
                    for j in 0..n {
                        xsupi[j] = s * b[j];
                    }
                }
                converged = true;
                break;
            }
            let alphai = dri0 / curv;
            for j in 0..n {
                xsupi[j] += alphai * psupi[j];
                ri[j] += alphai * ap[j];
            }
            let dri1 = dot(&ri, &ri);
            let betai = dri1 / dri0;
            for j in 0..n {
                psupi[j] = -ri[j] + betai * psupi[j];
            }
            dri0 = dri1;
        }
        if !converged {
            let msg = "Warning: CG iterations didn't converge. The Hessian is not positive definite.";
            return finish(3, msg, xk, old_fval, gfk, k, hcalls, sf.nfev, sf.ngev);
        }
        for j in 0..n {
            gfk[j] = -b[j];
        }
        let ls = {
            let mut line = Line::new(sf, &xk, &xsupi, &gfk);
            line_search_wolfe12(
                &mut line,
                &gfk,
                old_fval,
                old_old_fval,
                c1,
                c2,
                1e-8,
                50.0,
                None,
                None,
            )
        };
        let Some(ls) = ls else {
            return finish(
                2,
                "Warning: Desired error not necessarily achieved due to precision loss.",
                xk,
                old_fval,
                gfk,
                k,
                hcalls,
                sf.nfev,
                sf.ngev,
            );
        };
        old_fval = ls.fval;
        old_old_fval = Some(ls.old_fval);
        for j in 0..n {
            xt[j] = ls.alpha * xsupi[j];
            xk[j] += xt[j];
        }
        k += 1;
        if let Some(cb) = callback.as_deref_mut()
            && cb(&xk, old_fval)
        {
            let mut r = finish(5, "", xk, old_fval, gfk, k, hcalls, sf.nfev, sf.ngev);
            super::stopped(&mut r);
            return r;
        }
        update_l1norm = l1(&xt);
    }
    if old_fval.is_nan() || update_l1norm.is_nan() {
        return finish(
            3,
            "NaN result encountered.",
            xk,
            old_fval,
            gfk,
            k,
            hcalls,
            sf.nfev,
            sf.ngev,
        );
    }
    finish(
        0,
        "Optimization terminated successfully.",
        xk,
        old_fval,
        gfk,
        k,
        hcalls,
        sf.nfev,
        sf.ngev,
    )
}
