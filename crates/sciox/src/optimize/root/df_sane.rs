//! SciPy's `scipy.optimize._spectral._root_df_sane`: the derivative-free
//! spectral residual method DF-SANE (La Cruz, Martínez, Raydan 2006) with
//! the non-monotone line searches of La Cruz et al. (`'cruz'`) and Cheng &
//! Li (`'cheng'`).

use super::nonlin::{Eval, dot};

/// The non-monotone line search of `root(method='df-sane')`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DfSaneSearch {
    Cruz,
    Cheng,
}

pub(crate) struct DfSaneParams {
    pub(crate) ftol: f64,
    pub(crate) fatol: f64,
    pub(crate) maxfev: usize,
    pub(crate) m: usize,
    pub(crate) sigma_eps: f64,
    pub(crate) sigma_0: f64,
    pub(crate) line_search: DfSaneSearch,
}

pub(crate) struct DfSaneOut {
    pub(crate) x: Vec<f64>,
    pub(crate) fun: Vec<f64>,
    pub(crate) nit: usize,
    pub(crate) success: bool,
    pub(crate) message: &'static str,
}

/// `np.linalg.norm(F) ** 2`.
fn fmerit(f: &[f64]) -> f64 {
    let n = dot(f, f).sqrt();
    n * n
}

/// SciPy's `np.clip(a, lo, hi)` on scalars (NaN propagates).
fn clip(a: f64, lo: f64, hi: f64) -> f64 {
    if a.is_nan() { a } else { a.max(lo).min(hi) }
}

/// Evaluates `(merit, F)` at `x`, or `None` once `maxfev` calls were made
/// (SciPy's `_NoConvergence`).
fn feval(ev: &mut Eval<'_>, x: &[f64], maxfev: usize) -> Option<(f64, Vec<f64>)> {
    if ev.nfev >= maxfev {
        return None;
    }
    let f = ev.call(x);
    Some((fmerit(&f), f))
}

pub(crate) fn df_sane(
    ev: &mut Eval<'_>,
    x0: &[f64],
    p: &DfSaneParams,
    mut callback: Option<&mut super::RootCallback<'_>>,
) -> DfSaneOut {
    let (gamma, tau_min, tau_max, nu) = (1e-4, 0.1, 0.5, 0.85);
    let mut x_k = x0.to_vec();
    let mut big_f = ev.call(&x_k);
    let mut f_k = fmerit(&big_f);
    let f_0 = f_k;
    let mut k = 0usize;
    let mut sigma_k = p.sigma_0;
    let f0_norm = f_k.powf(0.5);
    let mut prev_fs: std::collections::VecDeque<f64> = std::collections::VecDeque::from([f_k]);
    let (mut q, mut c) = (1.0f64, f_0);
    let mut converged = false;
    let mut message = "too many function evaluations required";
    loop {
        let fk_norm = f_k.powf(0.5);
        if let Some(cb) = callback.as_deref_mut() {
            cb(&x_k, &big_f);
        }
        if fk_norm < p.ftol * f0_norm + p.fatol {
            message = "successful convergence";
            converged = true;
            break;
        }
        if sigma_k.abs() > 1.0 / p.sigma_eps {
            sigma_k = 1.0 / p.sigma_eps * sigma_k.signum();
        } else if sigma_k.abs() < p.sigma_eps {
            sigma_k = p.sigma_eps;
        }
        let d: Vec<f64> = big_f.iter().map(|v| -sigma_k * v).collect();
        let kp1 = (1 + k) as f64;
        let eta = f_0 / (kp1 * kp1);
        // the non-monotone line search: +alpha d, then -alpha d
        let (f_ref, f_last) = match p.line_search {
            DfSaneSearch::Cruz => {
                let mut m = prev_fs[0];
                for &v in prev_fs.iter().skip(1) {
                    if v > m {
                        m = v;
                    }
                }
                (m, prev_fs[prev_fs.len() - 1])
            }
            DfSaneSearch::Cheng => (c, f_k),
        };
        let (mut alpha_p, mut alpha_m) = (1.0f64, 1.0f64);
        let step = 'ls: loop {
            let xp: Vec<f64> = x_k.iter().zip(&d).map(|(a, b)| a + alpha_p * b).collect();
            let Some((fp, fvp)) = feval(ev, &xp, p.maxfev) else {
                break 'ls None;
            };
            if fp <= f_ref + eta - gamma * (alpha_p * alpha_p) * f_last {
                break 'ls Some((xp, fp, fvp));
            }
            let alpha_tp = alpha_p * alpha_p * f_last / (fp + (2.0 * alpha_p - 1.0) * f_last);
            let xm: Vec<f64> = x_k.iter().zip(&d).map(|(a, b)| a - alpha_m * b).collect();
            let Some((fm, fvm)) = feval(ev, &xm, p.maxfev) else {
                break 'ls None;
            };
            if fm <= f_ref + eta - gamma * (alpha_m * alpha_m) * f_last {
                break 'ls Some((xm, fm, fvm));
            }
            let alpha_tm = alpha_m * alpha_m * f_last / (fm + (2.0 * alpha_m - 1.0) * f_last);
            alpha_p = clip(alpha_tp, tau_min * alpha_p, tau_max * alpha_p);
            alpha_m = clip(alpha_tm, tau_min * alpha_m, tau_max * alpha_m);
        };
        let Some((xp, fp, fvp)) = step else { break };
        if p.line_search == DfSaneSearch::Cheng {
            let q_next = nu * q + 1.0;
            c = (nu * q * (c + eta) + fp) / q_next;
            q = q_next;
        }
        let s_k: Vec<f64> = xp.iter().zip(&x_k).map(|(a, b)| a - b).collect();
        let y_k: Vec<f64> = fvp.iter().zip(&big_f).map(|(a, b)| a - b).collect();
        sigma_k = dot(&s_k, &s_k) / dot(&s_k, &y_k);
        x_k = xp;
        big_f = fvp;
        f_k = fp;
        if p.line_search == DfSaneSearch::Cruz {
            if prev_fs.len() == p.m {
                prev_fs.pop_front();
            }
            prev_fs.push_back(fp);
        }
        k += 1;
    }
    DfSaneOut {
        x: x_k,
        fun: big_f,
        nit: k,
        success: converged,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_keeps_nan_and_bounds() {
        assert!(clip(f64::NAN, 0.1, 0.5).is_nan());
        assert_eq!(clip(2.0, 0.1, 0.5), 0.5);
        assert_eq!(clip(0.0, 0.1, 0.5), 0.1);
    }

    #[test]
    fn merit_is_squared_norm() {
        assert_eq!(fmerit(&[3.0, 4.0]), 25.0);
    }
}
