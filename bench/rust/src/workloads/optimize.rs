//! sciox.optimize against scipy.optimize: root finding per call, and
//! `minimize` on the 2-D Rosenbrock function (SciPy's objective is a Python
//! function; here a Rust closure).

use super::{Out, Workload};
use sciox::optimize::{
    Hess, Method, MinimizeOptions, RootOptions, ScalarMethod, ScalarOptions, brentq, minimize,
    minimize_newton_cg, minimize_scalar, minimize_with_grad, rosen, rosen_der, rosen_hess_prod,
};

fn min2(method: Method) -> Box<dyn FnMut() -> Out> {
    Box::new(move || {
        let r = minimize(rosen, &[-1.2, 1.0], method, &MinimizeOptions::default()).expect("valid problem");
        Out::from(r.x)
    })
}

pub fn workloads() -> Vec<Workload> {
    vec![
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
