//! sciox.integrate: the integrands and right-hand sides of
//! `bench/python/workloads/integrate.py` as Rust closures, SciPy's defaults.

use super::{Out, Workload};
use numox::Array;
use sciox::integrate::{
    BvpOptions, IvpOptions, Jacobian, Method, QuadOptions, dblquad, quad, solve_bvp, solve_ivp,
};

fn quad_gauss_inf() -> f64 {
    quad(
        |x: f64| (-x * x).exp(),
        f64::NEG_INFINITY,
        f64::INFINITY,
        &QuadOptions::default(),
    )
    .expect("valid")
    .value
}

fn quad_sinc_0_100() -> f64 {
    let sinc = |x: f64| if x != 0.0 { x.sin() / x } else { 1.0 };
    quad(sinc, 0.0, 100.0, &QuadOptions::default())
        .expect("valid")
        .value
}

fn dblquad_smooth() -> f64 {
    let f = |y: f64, x: f64| (x + y).cos() * (-0.5 * x * y).exp();
    dblquad(f, 0.0, 2.0, |_x| 0.0, |x| 1.0 + x, 1.49e-8, 1.49e-8)
        .expect("valid")
        .value
}

fn vdp(mu: f64) -> impl FnMut(f64, &[f64], &mut [f64]) {
    move |_t, y, d| {
        d[0] = y[1];
        d[1] = mu * (1.0 - y[0] * y[0]) * y[1] - y[0];
    }
}

/// `y[0]` at the end of the integration, rounded to 2 decimals: the two
/// sides agree on it (they take the same steps up to rounding).
fn vdp_end(mu: f64, t_end: f64, method: Method, jac: bool) -> f64 {
    let mut opts = IvpOptions {
        method,
        ..Default::default()
    };
    if jac {
        opts.jac = Some(Jacobian::Function(Box::new(
            move |_t, y: &[f64], j: &mut [f64]| {
                j[0] = 0.0;
                j[1] = 1.0;
                j[2] = -2.0 * mu * y[0] * y[1] - 1.0;
                j[3] = mu * (1.0 - y[0] * y[0]);
            },
        )));
    }
    let r = solve_ivp(vdp(mu), (0.0, t_end), &[2.0, 0.0], opts).expect("valid");
    let m = r.t.len();
    (r.y[[0, m - 1]] * 100.0).round() / 100.0
}

/// SciPy's shock-layer test problem (eps = 1e-3) from a zero guess on 5
/// nodes: 8 refinements to 108 nodes. The result is y at the final nodes.
fn bvp_shock() -> Array<f64> {
    let x: Vec<f64> = (0..5).map(|i| -1.0 + 0.5 * i as f64).collect();
    let pi = std::f64::consts::PI;
    let r = solve_bvp(
        |x, y: &[f64], _p: &[f64], d: &mut [f64]| {
            let eps = 1e-3;
            d[0] = y[1];
            d[1] = -(x * y[1] + eps * pi * pi * (pi * x).cos() + pi * x * (pi * x).sin()) / eps;
        },
        |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
            r[0] = ya[0] + 2.0;
            r[1] = yb[0];
        },
        &x,
        &Array::<f64>::zeros(&[2, 5]),
        BvpOptions::default(),
    )
    .expect("valid");
    r.y
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("quad_gauss_inf", || Box::new(|| Out::from(quad_gauss_inf()))),
        ("quad_sinc_0_100", || Box::new(|| Out::from(quad_sinc_0_100()))),
        ("ivp_vdp1_rk45", || {
            Box::new(|| Out::from(vdp_end(1.0, 20.0, Method::RK45, false)))
        }),
        ("ivp_vdp1_dop853", || {
            Box::new(|| Out::from(vdp_end(1.0, 20.0, Method::DOP853, false)))
        }),
        ("ivp_vdp1000_radau", || {
            Box::new(|| Out::from(vdp_end(1000.0, 3000.0, Method::Radau, true)))
        }),
        ("ivp_vdp1000_bdf", || {
            Box::new(|| Out::from(vdp_end(1000.0, 3000.0, Method::BDF, true)))
        }),
        ("ivp_vdp_lsoda", || {
            Box::new(|| Out::from(vdp_end(1000.0, 3000.0, Method::LSODA, true)))
        }),
        ("dblquad_smooth", || Box::new(|| Out::from(dblquad_smooth()))),
        ("bvp_shock", || Box::new(|| Out::from(bvp_shock()))),
    ]
}
