//! sciox.optimize against scipy.optimize: root finding per call, and
//! `minimize` on the 2-D Rosenbrock function (SciPy's objective is a Python
//! function; here a Rust closure).

use super::{Out, Workload};
use sciox::optimize::{
    Bounds, CurveFitOptions, HybrOptions, LeastSquaresOptions, LsqMethod, curve_fit, least_squares, root_hybr,
};
use sciox::optimize::{
    Hess, Method, MinimizeOptions, RootOptions, ScalarMethod, ScalarOptions, brentq, minimize,
    minimize_newton_cg, minimize_scalar, minimize_with_grad, rosen, rosen_der, rosen_hess_prod,
};

/// Hock-Schittkowski 71 with SLSQP (gradients given or by differences).
fn slsqp_hs071(with_jac: bool) -> Vec<f64> {
    use sciox::optimize::{Bounds, Constraint, ConstraintType, minimize_constrained};
    let f = |x: &[f64]| x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2];
    let mut g = |x: &[f64], g: &mut [f64]| {
        g[0] = x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3];
        g[1] = x[0] * x[3];
        g[2] = x[0] * x[3] + 1.0;
        g[3] = x[0] * (x[0] + x[1] + x[2]);
    };
    let fi = |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[1] * x[2] * x[3] - 25.0;
    let fe = |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0;
    let mut cons = if with_jac {
        vec![
            Constraint::dict_with_jac(ConstraintType::Ineq, 1, fi, |x: &[f64], j: &mut [f64]| {
                j.copy_from_slice(&[
                    x[1] * x[2] * x[3],
                    x[0] * x[2] * x[3],
                    x[0] * x[1] * x[3],
                    x[0] * x[1] * x[2],
                ])
            }),
            Constraint::dict_with_jac(ConstraintType::Eq, 1, fe, |x: &[f64], j: &mut [f64]| {
                j.copy_from_slice(&[2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]])
            }),
        ]
    } else {
        vec![
            Constraint::dict(ConstraintType::Ineq, 1, fi),
            Constraint::dict(ConstraintType::Eq, 1, fe),
        ]
    };
    let o = MinimizeOptions {
        bounds: Some(Bounds::new(vec![1.0; 4], vec![5.0; 4])),
        ..Default::default()
    };
    let grad: Option<sciox::optimize::GradFn<'_>> = if with_jac { Some(&mut g) } else { None };
    minimize_constrained(f, grad, &[1.0, 5.0, 5.0, 1.0], Method::Slsqp, &mut cons, &o, None)
        .expect("valid problem")
        .x
}

/// Hock-Schittkowski 71 with trust-constr (gradients given; BFGS Hessians
/// of the objective and the constraints, SciPy's defaults).
fn trust_constr_hs071() -> Vec<f64> {
    use sciox::optimize::{
        Constraint, ConstraintType, TrustConstrHess, TrustConstrOptions, minimize_trust_constr,
    };
    let f = |x: &[f64]| x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2];
    let mut g = |x: &[f64], g: &mut [f64]| {
        g[0] = x[3] * (x[0] + x[1] + x[2]) + x[0] * x[3];
        g[1] = x[0] * x[3];
        g[2] = x[0] * x[3] + 1.0;
        g[3] = x[0] * (x[0] + x[1] + x[2]);
    };
    let mut cons = vec![
        Constraint::dict_with_jac(
            ConstraintType::Ineq,
            1,
            |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[1] * x[2] * x[3] - 25.0,
            |x: &[f64], j: &mut [f64]| {
                j.copy_from_slice(&[
                    x[1] * x[2] * x[3],
                    x[0] * x[2] * x[3],
                    x[0] * x[1] * x[3],
                    x[0] * x[1] * x[2],
                ])
            },
        ),
        Constraint::dict_with_jac(
            ConstraintType::Eq,
            1,
            |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40.0,
            |x: &[f64], j: &mut [f64]| j.copy_from_slice(&[2.0 * x[0], 2.0 * x[1], 2.0 * x[2], 2.0 * x[3]]),
        ),
    ];
    let o = TrustConstrOptions {
        bounds: Some(Bounds::new(vec![1.0; 4], vec![5.0; 4])),
        ..Default::default()
    };
    minimize_trust_constr(
        f,
        Some(&mut g),
        TrustConstrHess::Bfgs,
        &[1.0, 5.0, 5.0, 1.0],
        &mut cons,
        &o,
        None,
    )
    .expect("valid problem")
    .x
}

/// 10-D Rosenbrock with trust-constr and the exact Hessian (no constraints).
fn trust_constr_rosen10() -> Box<dyn FnMut() -> Out> {
    use sciox::optimize::{TrustConstrHess, TrustConstrOptions, minimize_trust_constr};
    let x0: Vec<f64> = (0..10).map(|i| -1.0 + 2.5 * (i as f64 / 9.0)).collect();
    Box::new(move || {
        let mut g = rosen_der;
        let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&sciox::optimize::rosen_hess(x));
        let o = TrustConstrOptions::default();
        let r = minimize_trust_constr(
            rosen,
            Some(&mut g),
            TrustConstrHess::Full(&mut h),
            &x0,
            &mut [],
            &o,
            None,
        )
        .expect("valid problem");
        Out::from(r.fun)
    })
}

fn trust_rosen10(method: Method) -> Box<dyn FnMut() -> Out> {
    let x0: Vec<f64> = (0..10).map(|i| -1.0 + 2.5 * (i as f64 / 9.0)).collect();
    Box::new(move || {
        let o = MinimizeOptions::default();
        let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&sciox::optimize::rosen_hess(x));
        let mut hp = |x: &[f64], p: &[f64], out: &mut [f64]| rosen_hess_prod(x, p, out);
        let hess = if method == Method::TrustNcg {
            Hess::Prod(&mut hp)
        } else {
            Hess::Full(&mut h)
        };
        let r = sciox::optimize::minimize_trust(rosen, rosen_der, hess, &x0, method, &o, None)
            .expect("valid problem");
        Out::from(r.fun)
    })
}

fn min2(method: Method) -> Box<dyn FnMut() -> Out> {
    Box::new(move || {
        let r = minimize(rosen, &[-1.2, 1.0], method, &MinimizeOptions::default()).expect("valid problem");
        Out::from(r.x)
    })
}

/// `t = linspace(0, 5, n)`, `y = 2.5 exp(-1.3 t) + 0.5 + 0.01 sin(7 i)`.
fn decay_data(n: usize) -> (Vec<f64>, Vec<f64>) {
    let t: Vec<f64> = (0..n).map(|i| 5.0 * i as f64 / (n - 1) as f64).collect();
    let y = t
        .iter()
        .enumerate()
        .map(|(i, &t)| 2.5 * (-1.3 * t).exp() + 0.5 + 0.01 * (7.0 * i as f64).sin())
        .collect();
    (t, y)
}

fn curve_fit_exp(n: usize) -> Box<dyn FnMut() -> Out> {
    let (t, y) = decay_data(n);
    Box::new(move || {
        let model = |t: f64, p: &[f64]| p[0] * (-p[1] * t).exp() + p[2];
        let r =
            curve_fit(model, &t, &y, &[1.0, 1.0, 1.0], &CurveFitOptions::default()).expect("valid problem");
        Out::from(r.popt)
    })
}

fn least_squares_exp(n: usize) -> Box<dyn FnMut() -> Out> {
    let (t, y) = decay_data(n);
    Box::new(move || {
        let res = |p: &[f64], out: &mut [f64]| {
            for ((o, &ti), &yi) in out.iter_mut().zip(&t).zip(&y) {
                *o = p[0] * (-p[1] * ti).exp() + p[2] - yi;
            }
        };
        let o = LeastSquaresOptions {
            method: LsqMethod::Lm,
            ..Default::default()
        };
        let r = least_squares(res, &[1.0, 1.0, 1.0], n, &o).expect("valid problem");
        Out::from(r.x)
    })
}

/// Bounds of the trf workloads: `0 <= a <= 10`, `1.5 <= b <= 3` (active:
/// the data decay at 1.3), `0 <= c <= 10`.
fn decay_bounds() -> Bounds {
    Bounds::new(vec![0.0, 1.5, 0.0], vec![10.0, 3.0, 10.0])
}

fn least_squares_trf_bounds(n: usize) -> Box<dyn FnMut() -> Out> {
    let (t, y) = decay_data(n);
    Box::new(move || {
        let res = |p: &[f64], out: &mut [f64]| {
            for ((o, &ti), &yi) in out.iter_mut().zip(&t).zip(&y) {
                *o = p[0] * (-p[1] * ti).exp() + p[2] - yi;
            }
        };
        let o = LeastSquaresOptions {
            bounds: Some(decay_bounds()),
            ..Default::default()
        };
        let r = least_squares(res, &[1.0, 2.0, 1.0], n, &o).expect("valid problem");
        Out::from(r.x)
    })
}

fn curve_fit_bounds(n: usize) -> Box<dyn FnMut() -> Out> {
    let (t, y) = decay_data(n);
    Box::new(move || {
        let model = |t: f64, p: &[f64]| p[0] * (-p[1] * t).exp() + p[2];
        let o = CurveFitOptions {
            bounds: Some(decay_bounds()),
            ..Default::default()
        };
        let r = curve_fit(model, &t, &y, &[1.0, 2.0, 1.0], &o).expect("valid problem");
        Out::from(r.popt)
    })
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("curve_fit_exp50", || curve_fit_exp(50)),
        ("curve_fit_exp10000", || curve_fit_exp(10000)),
        ("least_squares_lm_exp50", || least_squares_exp(50)),
        ("least_squares_lm_exp10000", || least_squares_exp(10000)),
        ("least_squares_trf_bounds_exp50", || least_squares_trf_bounds(50)),
        ("least_squares_trf_bounds_exp10000", || {
            least_squares_trf_bounds(10000)
        }),
        ("curve_fit_bounds_exp50", || curve_fit_bounds(50)),
        ("curve_fit_bounds_exp10000", || curve_fit_bounds(10000)),
        ("root_hybr_broyden10", || {
            Box::new(|| {
                let f = |x: &[f64], out: &mut [f64]| {
                    let n = x.len();
                    for i in 0..n {
                        let left = if i > 0 { x[i - 1] } else { 0.0 };
                        let right = if i + 1 < n { x[i + 1] } else { 0.0 };
                        out[i] = (3.0 - 2.0 * x[i]) * x[i] + 1.0 - left - 2.0 * right;
                    }
                };
                let r = root_hybr(f, &[-1.0; 10], &HybrOptions::default()).expect("valid problem");
                Out::from(r.x)
            })
        }),
        ("brentq_cubic_x1000", || {
            // 1000 calls: roots of x^3 - 2x - c on [0, 12] for c = 1..1000
            Box::new(|| {
                let o = RootOptions::default();
                let mut s = 0.0;
                for c in 1..=1000 {
                    let c = c as f64;
                    s += brentq(|x| x * x * x - 2.0 * x - c, 0.0, 12.0, &o)
                        .expect("bracketed")
                        .root;
                }
                Out::from(s)
            })
        }),
        ("minimize_bfgs_rosen2", || min2(Method::Bfgs)),
        ("minimize_bfgs_jac_rosen2", || {
            Box::new(|| {
                let o = MinimizeOptions::default();
                let r = minimize_with_grad(rosen, rosen_der, &[-1.2, 1.0], Method::Bfgs, &o)
                    .expect("valid problem");
                Out::from(r.x)
            })
        }),
        ("minimize_neldermead_rosen2", || min2(Method::NelderMead)),
        ("minimize_powell_rosen2", || min2(Method::Powell)),
        ("minimize_cg_rosen2", || min2(Method::Cg)),
        ("minimize_bfgs_jac_rosen100", || {
            let x0: Vec<f64> = (0..100).map(|i| -1.0 + 2.5 * (i as f64 / 99.0)).collect();
            Box::new(move || {
                let o = MinimizeOptions::default();
                let r = minimize_with_grad(rosen, rosen_der, &x0, Method::Bfgs, &o).expect("valid problem");
                Out::from(r.fun)
            })
        }),
        ("minimize_lbfgsb_jac_rosen100", || {
            let x0: Vec<f64> = (0..100).map(|i| -1.0 + 2.5 * (i as f64 / 99.0)).collect();
            Box::new(move || {
                let o = MinimizeOptions::default();
                let r = minimize_with_grad(rosen, rosen_der, &x0, Method::LBfgsB, &o).expect("valid problem");
                Out::from(r.fun)
            })
        }),
        ("minimize_lbfgsb_rosen2", || min2(Method::LBfgsB)),
        ("minimize_newtoncg_hessp_rosen10", || {
            let x0: Vec<f64> = (0..10).map(|i| -1.0 + 2.5 * (i as f64 / 9.0)).collect();
            Box::new(move || {
                let o = MinimizeOptions::default();
                let mut hp = |x: &[f64], p: &[f64], out: &mut [f64]| rosen_hess_prod(x, p, out);
                let r = minimize_newton_cg(rosen, rosen_der, Hess::Prod(&mut hp), &x0, &o, None)
                    .expect("valid problem");
                Out::from(r.fun)
            })
        }),
        ("minimize_slsqp_hs071", || {
            Box::new(|| Out::from(slsqp_hs071(true)))
        }),
        ("minimize_slsqp_fd_hs071", || {
            Box::new(|| Out::from(slsqp_hs071(false)))
        }),
        ("minimize_trust_exact_rosen10", || {
            trust_rosen10(Method::TrustExact)
        }),
        ("minimize_trust_ncg_hessp_rosen10", || {
            trust_rosen10(Method::TrustNcg)
        }),
        ("minimize_trust_constr_hs071", || {
            Box::new(|| Out::from(trust_constr_hs071()))
        }),
        ("minimize_trust_constr_rosen10", trust_constr_rosen10),
        ("minimize_scalar_brent", || {
            Box::new(|| {
                let f = |x: f64| (x - 2.0) * x * (x + 2.0) * (x + 2.0);
                let r = minimize_scalar(f, ScalarMethod::Brent, &ScalarOptions::default())
                    .expect("valid problem");
                Out::from(r.x)
            })
        }),
    ]
}
