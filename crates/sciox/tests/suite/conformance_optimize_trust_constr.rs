//! `minimize(method='trust-constr')` against SciPy 1.17.1
//! (`tools/refgen/gen_optimize_trust_constr.py`).
//!
//! What is compared, and how tightly:
//! - status, success and message: always SciPy's.
//! - fun: |f - f_scipy| <= 1e-8 (1 + |f|) (the bar).
//! - x: within `XTOL` (1e-6) × (1 + |x|): runs stop at `gtol` = 1e-8 on the
//!   Lagrangian gradient, which pins x to about 1e-8 on well-conditioned
//!   problems; Rosenbrock's valley and the barrier's last step leave
//!   rounding-level differences in the iterates magnified up to ~1e-7.
//!   Runs that stop on `xtol` ('2-point' Rosenbrock) are only accurate to
//!   about sqrt(f) ≈ 1e-5, so there x is compared within 1e-4.
//! - nfev: at most 1.2 × SciPy's (the bound); runs listed in
//!   `EXACT_COUNTS` make SciPy's decisions step for step and are asserted
//!   to have SciPy's exact nit, nfev, njev and nhev. Elsewhere our
//!   iterates differ from SciPy's in the last bits (Householder QR and
//!   plain loops instead of LAPACK `geqp3` / OpenBLAS), which changes a
//!   few accept/reject decisions; the counts there are listed in the
//!   comments of `NOT_EXACT`.
//! - constr_violation within 1e-8, optimality below gtol when SciPy's is.
//! - Errors: SciPy's ValueError cases return `Err` (from c0033 on with
//!   SciPy's message).
//! - c0033..c0050: `hess='2-point'`/`'3-point'` and `Bounds(keep_feasible)`,
//!   appended so the earlier ids stay stable.

use crate::common;

use common::Case;
use common::{hs71_f, quad4, tut_f};
use sciox::optimize::*;

fn out_vec(case: &Case, k: usize) -> Vec<f64> {
    case.output::<f64>(k).iter().copied().collect()
}

fn sq2(x: &[f64]) -> f64 {
    x[0] * x[0] + x[1] * x[1]
}

fn objective(name: &str) -> fn(&[f64]) -> f64 {
    match name {
        "rosen2" | "rosen10" | "rosen_circle_eq" | "rosen_box" | "rosen_box_active" | "tutorial"
        | "tutorial_consH" | "tutorial_fdcons" | "tutorial_sr1" => rosen,
        "sq2_lin_eq" | "sq2_rankdef" | "too_many_eq" => sq2,
        "lin2_circle" => |x| x[0] + x[1],
        "quad4_box" => quad4,
        "tut_dicts" => tut_f,
        "hs71" | "hs71_fd" => hs71_f,
        other => panic!("unknown problem {other}"),
    }
}

fn gradient(name: &str) -> fn(&[f64], &mut [f64]) {
    match name {
        "sq2_lin_eq" | "sq2_rankdef" => |x, g| {
            g[0] = 2.0 * x[0];
            g[1] = 2.0 * x[1];
        },
        "lin2_circle" => |_x, g| g.copy_from_slice(&[1.0, 1.0]),
        "tut_dicts" => |x, g| {
            g[0] = 2.0 * (x[0] - 1.0);
            g[1] = 2.0 * (x[1] - 2.5);
        },
        "hs71" => |x, g| {
            g[0] = x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3];
            g[1] = x[0] * x[3];
            g[2] = x[0] * x[3] + 1.0;
            g[3] = x[0] * (x[0] + x[1] + x[2]);
        },
        _ => rosen_der,
    }
}

fn hessian(name: &str) -> fn(&[f64], &mut [f64]) {
    match name {
        "sq2_lin_eq" => |_x, h| h.copy_from_slice(&[2.0, 0.0, 0.0, 2.0]),
        _ => |x, h| h.copy_from_slice(&rosen_hess(x)),
    }
}

fn cons_f(x: &[f64], o: &mut [f64]) {
    o[0] = x[0] * x[0] + x[1];
    o[1] = x[0] * x[0] - x[1];
}

fn cons_j(x: &[f64], j: &mut [f64]) {
    j.copy_from_slice(&[2.0 * x[0], 1.0, 2.0 * x[0], -1.0]);
}

fn hs71_c(x: &[f64], o: &mut [f64]) {
    o[0] = x[0] * x[1] * x[2] * x[3];
    o[1] = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3];
}

fn ineq<'a>(f: fn(&[f64]) -> f64) -> Constraint<'a> {
    Constraint::dict(ConstraintType::Ineq, 1, move |x: &[f64], o: &mut [f64]| {
        o[0] = f(x)
    })
}

fn cons_for(name: &str) -> Vec<Constraint<'static>> {
    let inf = f64::INFINITY;
    let tut_lin = || {
        Constraint::Linear(LinearConstraint::new(
            vec![1.0, 2.0, 2.0, 1.0],
            vec![f64::NEG_INFINITY, 1.0],
            vec![1.0, 1.0],
        ))
    };
    match name {
        "sq2_lin_eq" => vec![Constraint::Linear(LinearConstraint::new(
            vec![1.0, 1.0],
            vec![1.0],
            vec![1.0],
        ))],
        "sq2_rankdef" => vec![Constraint::Linear(LinearConstraint::new(
            vec![1.0; 4],
            vec![1.0, 1.0],
            vec![1.0, 1.0],
        ))],
        "lin2_circle" => vec![Constraint::Nonlinear(
            NonlinearConstraint::new(
                |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0] + x[1] * x[1],
                vec![2.0],
                vec![2.0],
            )
            .with_jac(|x: &[f64], j: &mut [f64]| j.copy_from_slice(&[2.0 * x[0], 2.0 * x[1]])),
        )],
        "rosen_circle_eq" => vec![Constraint::dict_with_jac(
            ConstraintType::Eq,
            1,
            |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0] + x[1] * x[1] - 1.0,
            |x: &[f64], j: &mut [f64]| j.copy_from_slice(&[2.0 * x[0], 2.0 * x[1]]),
        )],
        "tutorial" => vec![
            tut_lin(),
            Constraint::Nonlinear(
                NonlinearConstraint::new(cons_f, vec![f64::NEG_INFINITY; 2], vec![1.0; 2]).with_jac(cons_j),
            ),
        ],
        "tutorial_consH" => vec![
            tut_lin(),
            Constraint::Nonlinear(
                NonlinearConstraint::new(cons_f, vec![f64::NEG_INFINITY; 2], vec![1.0; 2])
                    .with_jac(cons_j)
                    .with_hess(|_x: &[f64], v: &[f64], h: &mut [f64]| {
                        // v0 [[2, 0], [0, 0]] + v1 [[2, 0], [0, 0]] as NumPy rounds it
                        h.copy_from_slice(&[
                            v[0] * 2.0 + v[1] * 2.0,
                            v[0] * 0.0 + v[1] * 0.0,
                            v[0] * 0.0 + v[1] * 0.0,
                            v[0] * 0.0 + v[1] * 0.0,
                        ])
                    }),
            ),
        ],
        "tutorial_fdcons" | "tutorial_sr1" => vec![
            tut_lin(),
            Constraint::Nonlinear(NonlinearConstraint::new(
                cons_f,
                vec![f64::NEG_INFINITY; 2],
                vec![1.0; 2],
            )),
        ],
        "tut_dicts" => vec![
            ineq(|x| x[0] - 2.0 * x[1] + 2.0),
            ineq(|x| -x[0] - 2.0 * x[1] + 6.0),
            ineq(|x| -x[0] + 2.0 * x[1] + 2.0),
        ],
        "hs71" => vec![Constraint::Nonlinear(
            NonlinearConstraint::new(hs71_c, vec![25.0, 40.0], vec![inf, 40.0]).with_jac(
                |x: &[f64], j: &mut [f64]| {
                    j.copy_from_slice(&[
                        x[1] * x[2] * x[3],
                        x[0] * x[2] * x[3],
                        x[0] * x[1] * x[3],
                        x[0] * x[1] * x[2],
                        2.0 * x[0],
                        2.0 * x[1],
                        2.0 * x[2],
                        2.0 * x[3],
                    ])
                },
            ),
        )],
        "hs71_fd" => vec![Constraint::Nonlinear(NonlinearConstraint::new(
            hs71_c,
            vec![25.0, 40.0],
            vec![inf, 40.0],
        ))],
        "too_many_eq" => vec![Constraint::Linear(LinearConstraint::new(
            vec![1.0, 1.0, 1.0, -1.0, 2.0, 1.0],
            vec![1.0, 0.0, 1.5],
            vec![1.0, 0.0, 1.5],
        ))],
        _ => vec![],
    }
}

/// Runs where our iterates make SciPy's decisions: nit, nfev, njev and
/// nhev are SciPy's exactly.
/// The other runs: c0003 ('2-point' Rosenbrock: nfev 198 vs 189, both
/// stop on `xtol`), c0028 (HS071 with BFGS: nit 195 vs 198, nfev 198 vs
/// 203), c0030 (HS071 with '2-point' gradient and Jacobian: nit 137 vs 136,
/// nfev 655 vs 645), c0036 (bounded Rosenbrock with `hess='2-point'`:
/// njev 135 vs 137, one projected-CG iteration fewer at the noise level),
/// c0045 (HS071, all '2-point', `keep_feasible`: SciPy wanders for 941
/// iterations, we stop after 148 at the same optimum).
const EXACT_COUNTS: &[&str] = &[
    "c0001", "c0002", "c0004", "c0005", "c0006", "c0007", "c0008", "c0009", "c0010", "c0011", "c0012",
    "c0013", "c0014", "c0015", "c0016", "c0017", "c0018", "c0019", "c0020", "c0021", "c0022", "c0023",
    "c0024", "c0025", "c0026", "c0027", "c0029", "c0033", "c0034", "c0035", "c0037", "c0038", "c0039",
    "c0040", "c0041", "c0042", "c0043", "c0044", "c0046",
];

/// Runs with '2-point' derivatives of both the objective and a nonlinear
/// constraint: the forward differences (errors ~1e-8 relative) make the
/// `gtol` test pass where the true Lagrangian gradient is still ~1e-6, so
/// SciPy's own `fun` is 3.4e-8 (relative) above the true optimum
/// (17.0140172891563) and ours 1.5e-7: `fun` is compared within 1e-6
/// relative there, x within 1e-4. c0045 is the same problem with the
/// bounds kept feasible (SciPy's fun 1.6e-7 relative above ours).
const FD_LIMITED: &[&str] = &["c0030", "c0045"];

fn check(case: &Case) -> Result<(), String> {
    let name = case.str_param("prob");
    let x0: Vec<f64> = case.input::<f64>(0).iter().copied().collect();
    let d = TrustConstrOptions::default();
    let tol = case.param("tol").map(common::param_f64);
    let mut o = TrustConstrOptions {
        maxiter: case
            .param("maxiter")
            .map(common::param_usize)
            .unwrap_or(d.maxiter),
        initial_tr_radius: case
            .param("initial_tr_radius")
            .map(common::param_f64)
            .unwrap_or(1.0),
        gtol: tol.unwrap_or(d.gtol),
        xtol: tol.unwrap_or(d.xtol),
        barrier_tol: tol.unwrap_or(d.barrier_tol),
        finite_diff_rel_step: case.param("finite_diff_rel_step").map(common::param_f64),
        ..d
    };
    if case.param("bounds").is_some() {
        let lb = case.input::<f64>(1).iter().copied().collect();
        let ub = case.input::<f64>(2).iter().copied().collect();
        let kf: Vec<bool> = match case.param("keep_feasible") {
            None => vec![],
            Some(v) => match v.as_array() {
                Some(a) => a.iter().map(|b| b.as_bool() == Some(true)).collect(),
                None => vec![v.as_bool() == Some(true)],
            },
        };
        o.bounds = Some(Bounds::new(lb, ub).with_keep_feasible_each(kf));
    }
    let mut cons = cons_for(name);
    let mut g = gradient(name);
    let mut h = hessian(name);
    let mut hp = rosen_hess_prod;
    let hess = match case.str_param("hess") {
        "exact" => TrustConstrHess::Full(&mut h),
        "hessp" => TrustConstrHess::Prod(&mut hp),
        "sr1" => TrustConstrHess::Sr1,
        "2-point" => TrustConstrHess::TwoPoint,
        "3-point" => TrustConstrHess::ThreePoint,
        _ => TrustConstrHess::Bfgs,
    };
    let grad: Option<GradFn<'_>> = if case.bool_param("grad") {
        Some(&mut g)
    } else {
        None
    };
    let r = minimize_trust_constr(objective(name), grad, hess, &x0, &mut cons, &o, None);
    if case.error.is_some() {
        return match r {
            Err(e) if case.id.as_str() < "c0033" || e.to_string() == case.note => Ok(()),
            Err(e) => Err(format!("error message {e} vs {}", case.note)),
            Ok(r) => Err(format!("expected an error, got {r:?}")),
        };
    }
    let r = r.map_err(|e| e.to_string())?;
    let wx = out_vec(case, 0);
    let w = out_vec(case, 1);
    let (wf, wnit, wnfev, wnjev, wnhev, wstatus) = (
        w[0],
        w[1] as usize,
        w[2] as usize,
        w[3] as usize,
        w[4] as usize,
        w[5] as i32,
    );
    let (wcv, wopt, wsuccess) = (w[7], w[8], w[9] != 0.0);
    let ctx = format!(
        "got x={:?} fun={:e} nit={} nfev={} njev={} nhev={} status={} cv={:e} opt={:e} | scipy x={wx:?} fun={wf:e} \
         nit={wnit} nfev={wnfev} njev={wnjev} nhev={wnhev} status={wstatus} cv={wcv:e} opt={wopt:e}",
        r.x, r.fun, r.nit, r.nfev, r.njev, r.nhev, r.status, r.constr_violation, r.optimality
    );
    if std::env::var("TC_REPORT").is_ok() {
        eprintln!("{} {}: {ctx}", case.id, case.params);
    }
    if r.status != wstatus || r.success != wsuccess || r.message != case.note {
        return Err(format!("status/success/message differ ({}): {ctx}", r.message));
    }
    if EXACT_COUNTS.contains(&case.id.as_str())
        && (r.nit, r.nfev, r.njev, r.nhev) != (wnit, wnfev, wnjev, wnhev)
    {
        return Err(format!("counts differ: {ctx}"));
    }
    if r.nfev as f64 > 1.2 * wnfev as f64 {
        return Err(format!("nfev above 1.2x SciPy's: {ctx}"));
    }
    if wstatus == 0 {
        // stopped by maxiter mid-way: same iterations, and the same point
        // up to the rounding differences of the iterates
        let close =
            r.x.iter()
                .zip(&wx)
                .all(|(a, b)| (a - b).abs() <= 1e-8 * (1.0 + b.abs()));
        if r.nit != wnit || !close {
            return Err(format!("maxiter run differs: {ctx}"));
        }
        return Ok(());
    }
    let ftol = if FD_LIMITED.contains(&case.id.as_str()) {
        1e-6
    } else {
        1e-8
    };
    if (r.fun - wf).abs() > ftol * (1.0 + wf.abs()) {
        return Err(format!("fun differs: {ctx}"));
    }
    let xtol = if wstatus == 2 || FD_LIMITED.contains(&case.id.as_str()) {
        1e-4
    } else {
        1e-6
    };
    for (a, b) in r.x.iter().zip(&wx) {
        if (a - b).abs() > xtol * (1.0 + b.abs()) {
            return Err(format!("x differs: {ctx}"));
        }
    }
    if (r.constr_violation - wcv).abs() > 1e-8 {
        return Err(format!("constr_violation differs: {ctx}"));
    }
    if wstatus == 1 && r.optimality >= o.gtol {
        return Err(format!("optimality not below gtol: {ctx}"));
    }
    Ok(())
}

#[test]
fn conformance_optimize_trust_constr() {
    common::check_all_cases("optimize_trust_constr", 49, |case| match case.op.as_str() {
        "trust_constr" => check(case),
        other => Err(format!("unknown op {other}")),
    });
}
