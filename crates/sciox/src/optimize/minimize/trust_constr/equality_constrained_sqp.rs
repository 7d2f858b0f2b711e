//! Byrd-Omojokun trust-region SQP for equality-constrained problems
//! (SciPy's `_trustregion_constr/equality_constrained_sqp.py`).

use super::projections::{FactorizationMethod, Projections};
use super::qp_subproblem::{CgInfo, box_intersections, dot, modified_dogleg, norm, projected_cg};
use crate::Result;

/// What the SQP needs from a problem `min f(z) s.t. b(z) = 0`.
pub(crate) trait SqpProblem {
    /// `(f(z), b(z))`.
    fn fun_and_constr(&mut self, z: &mut [f64]) -> (f64, Vec<f64>);
    /// `(grad f(z), A(z))` with `A` m×N row-major.
    fn grad_and_jac(&mut self, z: &[f64]) -> (Vec<f64>, Vec<f64>);
    /// Makes the Lagrangian Hessian at `(z, v)` current.
    fn lagr_hess(&mut self, z: &[f64], v: &[f64]);
    /// `out = H p` with the current Lagrangian Hessian.
    fn hess_dot(&mut self, p: &[f64], out: &mut [f64]);
    /// The diagonal of the scaling `S(z)`.
    fn scaling(&self, z: &[f64]) -> Vec<f64>;
    /// SciPy's `stop_criteria`.
    #[allow(clippy::too_many_arguments)]
    fn stop(
        &mut self,
        z: &[f64],
        last_iteration_failed: bool,
        optimality: f64,
        constr_violation: f64,
        trust_radius: f64,
        penalty: f64,
        cg: CgInfo,
    ) -> bool;
}

fn inf_norm(v: &[f64]) -> f64 {
    v.iter().fold(0.0f64, |a, b| a.max(b.abs()))
}

fn optimality(c: &[f64], a: &[f64], v: &[f64]) -> f64 {
    let n = c.len();
    let mut g = c.to_vec();
    // c + A^T v
    let mut atv = vec![0.0; n];
    for (i, vi) in v.iter().enumerate() {
        for (o, aij) in atv.iter_mut().zip(&a[i * n..(i + 1) * n]) {
            *o += aij * vi;
        }
    }
    g.iter_mut().zip(&atv).for_each(|(x, y)| *x += y);
    inf_norm(&g)
}

/// Runs the SQP from `z0` (with `f`, gradient, constraints and Jacobian
/// there); returns the final `z` and the last trust radius.
#[allow(clippy::too_many_arguments)]
pub(crate) fn equality_constrained_sqp(
    p: &mut dyn SqpProblem,
    z0: &[f64],
    fun0: f64,
    grad0: Vec<f64>,
    constr0: Vec<f64>,
    jac0: Vec<f64>,
    initial_penalty: f64,
    initial_trust_radius: f64,
    trust_lb: &[f64],
    trust_ub: &[f64],
    fact: FactorizationMethod,
) -> Result<(Vec<f64>, f64)> {
    const PENALTY_FACTOR: f64 = 0.3;
    const LARGE_REDUCTION_RATIO: f64 = 0.9;
    const INTERMEDIARY_REDUCTION_RATIO: f64 = 0.3;
    const SUFFICIENT_REDUCTION_RATIO: f64 = 1e-8;
    const TRUST_ENLARGEMENT_FACTOR_L: f64 = 7.0;
    const TRUST_ENLARGEMENT_FACTOR_S: f64 = 2.0;
    const MAX_TRUST_REDUCTION: f64 = 0.5;
    const MIN_TRUST_REDUCTION: f64 = 0.1;
    const SOC_THRESHOLD: f64 = 0.1;
    const TR_FACTOR: f64 = 0.8;
    const BOX_FACTOR: f64 = 0.5;

    let n = z0.len();
    let mut x = z0.to_vec();
    let mut trust_radius = initial_trust_radius;
    let mut penalty = initial_penalty;
    let mut f = fun0;
    let mut c = grad0;
    let mut b = constr0;
    let mut a = jac0;
    let mut m = b.len();
    let mut s = p.scaling(&x);
    let mut proj = Projections::with_method(&a, m, n, fact)?;
    let mut v: Vec<f64> = proj.least_squares(&c).iter().map(|t| -t).collect();
    p.lagr_hess(&x, &v);
    let mut opt = optimality(&c, &a, &v);
    let mut cv = if m > 0 { inf_norm(&b) } else { 0.0 };
    let mut cg_info = CgInfo::default();
    let mut last_failed = false;
    let box_lb: Vec<f64> = trust_lb.iter().map(|t| BOX_FACTOR * t).collect();
    let box_ub: Vec<f64> = trust_ub.iter().map(|t| BOX_FACTOR * t).collect();
    let mut hd = vec![0.0; n];
    while !p.stop(&x, last_failed, opt, cv, trust_radius, penalty, cg_info) {
        // normal step
        let dn = modified_dogleg(&a, m, &proj, &b, TR_FACTOR * trust_radius, &box_lb, &box_ub);
        // tangential step
        p.hess_dot(&dn, &mut hd);
        let c_t: Vec<f64> = hd.iter().zip(&c).map(|(h, ci)| h + ci).collect();
        let ndn = norm(&dn);
        let trust_radius_t = (trust_radius * trust_radius - ndn * ndn).sqrt();
        let lb_t: Vec<f64> = trust_lb.iter().zip(&dn).map(|(l, d)| l - d).collect();
        let ub_t: Vec<f64> = trust_ub.iter().zip(&dn).map(|(u, d)| u - d).collect();
        let (dt, info) = {
            let mut h = |q: &[f64], o: &mut [f64]| p.hess_dot(q, o);
            projected_cg(&mut h, &c_t, &proj, m, trust_radius_t, &lb_t, &ub_t)
        };
        cg_info = info;
        let d: Vec<f64> = dn.iter().zip(&dt).map(|(a, b)| a + b).collect();
        p.hess_dot(&d, &mut hd);
        let quadratic_model = 0.5 * dot(&hd, &d) + dot(&c, &d);
        let lin: Vec<f64> = (0..m).map(|i| dot(&a[i * n..(i + 1) * n], &d) + b[i]).collect();
        let nb = norm(&b);
        let vpred = (nb - norm(&lin)).max(1e-16);
        let previous_penalty = penalty;
        if quadratic_model > 0.0 {
            let new_penalty = quadratic_model / ((1.0 - PENALTY_FACTOR) * vpred);
            penalty = penalty.max(new_penalty);
        }
        let predicted_reduction = -quadratic_model + penalty * vpred;
        let merit = f + penalty * nb;
        let mut x_next: Vec<f64> = (0..n).map(|i| x[i] + s[i] * d[i]).collect();
        let (mut f_next, mut b_next) = p.fun_and_constr(&mut x_next);
        let merit_next = f_next + penalty * norm(&b_next);
        let actual_reduction = merit - merit_next;
        let mut reduction_ratio = actual_reduction / predicted_reduction;
        if reduction_ratio < SUFFICIENT_REDUCTION_RATIO && ndn <= SOC_THRESHOLD * norm(&dt) {
            let nbn: Vec<f64> = b_next.iter().map(|t| -t).collect();
            let y = proj.row_space(&nbn);
            let (_, t, intersect) = box_intersections(&d, &y, trust_lb, trust_ub, false);
            let mut x_soc: Vec<f64> = (0..n).map(|i| x[i] + s[i] * (d[i] + t * y[i])).collect();
            let (f_soc, b_soc) = p.fun_and_constr(&mut x_soc);
            let merit_soc = f_soc + penalty * norm(&b_soc);
            let ratio_soc = (merit - merit_soc) / predicted_reduction;
            if intersect && ratio_soc >= SUFFICIENT_REDUCTION_RATIO {
                x_next = x_soc;
                f_next = f_soc;
                b_next = b_soc;
                reduction_ratio = ratio_soc;
            }
        }
        let nd = norm(&d);
        if reduction_ratio >= LARGE_REDUCTION_RATIO {
            trust_radius = (TRUST_ENLARGEMENT_FACTOR_L * nd).max(trust_radius);
        } else if reduction_ratio >= INTERMEDIARY_REDUCTION_RATIO {
            trust_radius = (TRUST_ENLARGEMENT_FACTOR_S * nd).max(trust_radius);
        } else if reduction_ratio < SUFFICIENT_REDUCTION_RATIO {
            let trust_reduction = (1.0 - SUFFICIENT_REDUCTION_RATIO) / (1.0 - reduction_ratio);
            let new_trust_radius = trust_reduction * nd;
            if new_trust_radius >= MAX_TRUST_REDUCTION * trust_radius {
                trust_radius *= MAX_TRUST_REDUCTION;
            } else if new_trust_radius >= MIN_TRUST_REDUCTION * trust_radius {
                trust_radius = new_trust_radius;
            } else {
                trust_radius *= MIN_TRUST_REDUCTION;
            }
        }
        if reduction_ratio >= SUFFICIENT_REDUCTION_RATIO {
            x = x_next;
            f = f_next;
            b = b_next;
            let (cc, aa) = p.grad_and_jac(&x);
            c = cc;
            a = aa;
            m = b.len();
            s = p.scaling(&x);
            proj = Projections::with_method(&a, m, n, fact)?;
            v = proj.least_squares(&c).iter().map(|t| -t).collect();
            p.lagr_hess(&x, &v);
            last_failed = false;
            opt = optimality(&c, &a, &v);
            cv = if m > 0 { inf_norm(&b) } else { 0.0 };
        } else {
            penalty = previous_penalty;
            last_failed = true;
        }
    }
    Ok((x, trust_radius))
}
