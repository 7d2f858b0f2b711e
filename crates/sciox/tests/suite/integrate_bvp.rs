//! API-level tests of solve_bvp: closed-form solutions, the spline's
//! consistency with the mesh values, a large mesh, and invalid input (the
//! SciPy comparisons are in conformance_integrate_bvp.rs).

use numox::Array;
use sciox::integrate::{BvpOptions, solve_bvp};

fn linspace(a: f64, b: f64, m: usize) -> Vec<f64> {
    (0..m).map(|i| a + (b - a) * i as f64 / (m - 1) as f64).collect()
}

#[test]
fn closed_form_solutions() {
    // y'' = y, y(0) = 1, y(1) = 0: (e^-x - e^(x-2)) / (1 - e^-2)
    let x = linspace(0.0, 1.0, 5);
    let r = solve_bvp(
        |_x, y: &[f64], _p: &[f64], d: &mut [f64]| {
            d[0] = y[1];
            d[1] = y[0];
        },
        |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
            r[0] = ya[0] - 1.0;
            r[1] = yb[0];
        },
        &x,
        &Array::<f64>::zeros(&[2, 5]),
        BvpOptions {
            tol: 1e-8,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.success, "{}", r.message);
    for t in linspace(0.0, 1.0, 21) {
        let exact = ((-t).exp() - (t - 2.0).exp()) / (1.0 - (-2.0f64).exp());
        assert!((r.sol.eval(t)[0] - exact).abs() < 1e-8, "t={t}");
    }
    assert!(r.rms_residuals.iter().all(|&v| v < 1e-8));
    // the spline reproduces the mesh values and derivatives
    for (q, &xq) in r.x.iter().enumerate() {
        let v = r.sol.eval(xq);
        let d = r.sol.derivative(xq, 1);
        for c in 0..2 {
            assert!((v[c] - r.y[[c, q]]).abs() <= 1e-12 * (1.0 + v[c].abs()));
            assert!((d[c] - r.yp[[c, q]]).abs() <= 1e-10 * (1.0 + d[c].abs()));
        }
    }

    // Emden: y'' + 2/x y' + y^5 = 0, y'(0) = 0, y(1) = sqrt(3/4):
    // (1 + x^2/3)^(-1/2), through the singular term S = [[0, 0], [0, -2]].
    let x = linspace(0.0, 1.0, 10);
    let mut y0 = Array::<f64>::zeros(&[2, 10]);
    for q in 0..10 {
        y0[[0, q]] = 0.75f64.sqrt();
        y0[[1, q]] = 1e-4;
    }
    let r = solve_bvp(
        |_x, y: &[f64], _p: &[f64], d: &mut [f64]| {
            d[0] = y[1];
            d[1] = -y[0].powi(5);
        },
        |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
            r[0] = ya[1];
            r[1] = yb[0] - 0.75f64.sqrt();
        },
        &x,
        &y0,
        BvpOptions {
            s: Some(vec![0.0, 0.0, 0.0, -2.0]),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.success);
    // S y(a) = 0 is enforced: y'(0) = 0 exactly
    assert_eq!(r.y[[1, 0]], 0.0);
    for t in linspace(0.05, 1.0, 20) {
        let exact = (1.0 + t * t / 3.0).powf(-0.5);
        assert!((r.sol.eval(t)[0] - exact).abs() < 1e-5, "t={t}");
    }
}

#[test]
fn boundary_layer_needs_a_fine_mesh() {
    // 1e-5 y'' = y, y(0) = y(1) = 1: layers of width ~3e-3 at both ends;
    // y(1/2) = 2 exp(-1/(2 sqrt(eps))) / (1 + exp(-1/sqrt(eps))) ~ 0.
    let eps = 1e-5;
    let x = linspace(0.0, 1.0, 11);
    let r = solve_bvp(
        move |_x, y: &[f64], _p: &[f64], d: &mut [f64]| {
            d[0] = y[1];
            d[1] = y[0] / eps;
        },
        |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
            r[0] = ya[0] - 1.0;
            r[1] = yb[0] - 1.0;
        },
        &x,
        &Array::<f64>::zeros(&[2, 11]),
        BvpOptions {
            max_nodes: 100_000,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.success, "{}", r.message);
    assert!(r.x.len() > 100);
    let k = 1.0 / eps.sqrt();
    for t in [0.001, 0.01, 0.5, 0.99] {
        let exact = ((-k * t).exp() + (-k * (1.0 - t)).exp()) / (1.0 + (-k).exp());
        assert!(
            (r.sol.eval(t)[0] - exact).abs() < 1e-3,
            "t={t}: {}",
            r.sol.eval(t)[0]
        );
    }
}

#[test]
fn invalid_input_is_an_error() {
    let f = |_x: f64, y: &[f64], _p: &[f64], d: &mut [f64]| {
        d[0] = y[1];
        d[1] = y[0];
    };
    let bc = |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
        r[0] = ya[0];
        r[1] = yb[0] - 1.0;
    };
    let y = Array::<f64>::zeros(&[2, 3]);
    let o = BvpOptions::default;
    assert!(solve_bvp(f, bc, &[0.0, 1.0, 0.5], &y, o()).is_err());
    assert!(solve_bvp(f, bc, &[0.0, f64::NAN, 1.0], &y, o()).is_err());
    assert!(solve_bvp(f, bc, &[0.0, 0.5, f64::INFINITY], &y, o()).is_err());
    assert!(solve_bvp(f, bc, &[0.0, 1.0], &y, o()).is_err());
    assert!(solve_bvp(f, bc, &[0.0], &Array::<f64>::zeros(&[2, 1]), o()).is_err());
    assert!(solve_bvp(f, bc, &[0.0, 0.5, 1.0], &Array::<f64>::zeros(&[3]), o()).is_err());
    let mut yn = y.clone();
    yn[[0, 1]] = f64::NAN;
    assert!(solve_bvp(f, bc, &[0.0, 0.5, 1.0], &yn, o()).is_err());
    let bad_s = BvpOptions {
        s: Some(vec![0.0; 3]),
        ..Default::default()
    };
    assert!(solve_bvp(f, bc, &[0.0, 0.5, 1.0], &y, bad_s).is_err());
    let bad_p = BvpOptions {
        p: Some(vec![f64::NAN]),
        ..Default::default()
    };
    assert!(solve_bvp(f, bc, &[0.0, 0.5, 1.0], &y, bad_p).is_err());
    // a tolerance below 100 eps is raised to it, as SciPy does (after a warning)
    let tiny = BvpOptions {
        tol: 0.0,
        max_nodes: 50,
        ..Default::default()
    };
    let r = solve_bvp(f, bc, &[0.0, 0.5, 1.0], &y, tiny).unwrap();
    assert!(r.status == 0 || r.status == 1);
}

#[test]
fn a_collocation_system_too_large_for_memory_is_an_error() {
    // 200000 components: the Jacobian blocks would need n^2 m ~ 8e10
    // numbers; the solver reports an error instead of aborting.
    let n = 200_000;
    let r = solve_bvp(
        |_x, y: &[f64], _p: &[f64], d: &mut [f64]| d.copy_from_slice(y),
        |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| {
            r[..ya.len() / 2].copy_from_slice(&ya[..ya.len() / 2]);
            r[ya.len() / 2..].copy_from_slice(&yb[ya.len() / 2..]);
        },
        &[0.0, 1.0],
        &Array::<f64>::zeros(&[n, 2]),
        BvpOptions::default(),
    );
    assert!(r.is_err());
}
