//! API-level tests of sciox.integrate.solve_ivp beyond the SciPy reference
//! data: error paths (NaN/inf input, negative tolerances, shapes), solver
//! failure reported as status -1, and the dense-output/event machinery.

use numox::Complex64;
use sciox::integrate::{Event, IvpOptions, Jacobian, Method, OdeintOptions, Tol, odeint, solve_ivp};

fn decay(_t: f64, y: &[f64], d: &mut [f64]) {
    d[0] = -y[0];
}

#[test]
fn bad_input_is_an_error() {
    let o = || IvpOptions::<f64>::default();
    assert!(solve_ivp(decay, (0.0, f64::INFINITY), &[1.0], o()).is_err());
    assert!(solve_ivp(decay, (f64::NAN, 1.0), &[1.0], o()).is_err());
    assert!(solve_ivp(decay, (0.0, 1.0), &[f64::NAN], o()).is_err());
    let neg_rtol = IvpOptions {
        rtol: Tol::Scalar(-1e-3),
        ..o()
    };
    assert!(solve_ivp(decay, (0.0, 1.0), &[1.0], neg_rtol).is_err());
    let bad_atol = IvpOptions {
        atol: vec![1e-6, 1e-6].into(),
        ..o()
    };
    assert!(solve_ivp(decay, (0.0, 1.0), &[1.0], bad_atol).is_err());
    let bad_jac = IvpOptions {
        method: Method::BDF,
        jac: Some(Jacobian::Constant(vec![1.0, 2.0])),
        ..o()
    };
    assert!(solve_ivp(decay, (0.0, 1.0), &[1.0], bad_jac).is_err());
    let radau_complex = IvpOptions::<Complex64> {
        method: Method::Radau,
        ..Default::default()
    };
    let f = |_t: f64, y: &[Complex64], d: &mut [Complex64]| d[0] = -y[0];
    assert!(solve_ivp(f, (0.0, 1.0), &[Complex64::new(1.0, 0.0)], radau_complex).is_err());
}

#[test]
fn blow_up_fails_with_scipys_message() {
    // y' = y^2, y(0) = 1 has the solution 1 / (1 - t), singular at t = 1.
    for method in [Method::RK45, Method::DOP853, Method::Radau, Method::BDF] {
        let opts = IvpOptions {
            method,
            ..Default::default()
        };
        let r = solve_ivp(
            |_t, y: &[f64], d: &mut [f64]| d[0] = y[0] * y[0],
            (0.0, 2.0),
            &[1.0],
            opts,
        )
        .unwrap();
        assert_eq!(r.status, -1, "{method:?}");
        assert!(!r.success);
        assert_eq!(
            r.message,
            "Required step size is less than spacing between numbers."
        );
        let t_last = r.t[[r.t.len() - 1]];
        assert!((t_last - 1.0).abs() < 1e-2, "{method:?}: stopped at {t_last}");
    }
}

#[test]
fn dense_output_is_continuous_across_steps() {
    for method in [
        Method::RK23,
        Method::RK45,
        Method::DOP853,
        Method::Radau,
        Method::BDF,
    ] {
        let opts = IvpOptions {
            method,
            dense_output: true,
            rtol: 1e-8.into(),
            atol: 1e-10.into(),
            ..Default::default()
        };
        let r = solve_ivp(
            |_t, y: &[f64], d: &mut [f64]| {
                d[0] = y[1];
                d[1] = -y[0];
            },
            (0.0, 5.0),
            &[0.0, 1.0],
            opts,
        )
        .unwrap();
        let sol = r.sol.unwrap();
        for k in 0..50 {
            let t = 5.0 * k as f64 / 49.0;
            let y = sol.eval(t);
            assert!((y[0] - t.sin()).abs() < 1e-5, "{method:?} at {t}: {}", y[0]);
        }
        // At each step end point the interpolant reproduces the stored state.
        for (j, &t) in sol.ts().iter().enumerate() {
            let y = sol.eval(t);
            assert!((y[0] - r.y[[0, j]]).abs() < 1e-12, "{method:?}");
        }
    }
}

#[test]
fn terminal_event_counts_and_direction() {
    // cos(t) crosses zero downwards at pi/2, 5pi/2, ... and upwards at 3pi/2, ...
    let ev = Event::new(|_t, y: &[f64]| y[1]).terminal(2).direction(-1.0);
    let up = Event::new(|_t, y: &[f64]| y[1]).direction(1.0);
    let opts = IvpOptions {
        events: vec![ev, up],
        rtol: 1e-10.into(),
        atol: 1e-12.into(),
        ..Default::default()
    };
    let r = solve_ivp(
        |_t, y: &[f64], d: &mut [f64]| {
            d[0] = y[1];
            d[1] = -y[0];
        },
        (0.0, 100.0),
        &[0.0, 1.0],
        opts,
    )
    .unwrap();
    assert_eq!(r.status, 1);
    assert_eq!(r.message, "A termination event occurred.");
    let te = r.t_events.unwrap();
    let pi = std::f64::consts::PI;
    assert_eq!(te[0].to_vec().len(), 2);
    assert!((te[0][[0]] - pi / 2.0).abs() < 1e-8 && (te[0][[1]] - 2.5 * pi).abs() < 1e-8);
    assert_eq!(te[1].to_vec().len(), 1);
    assert!((te[1][[0]] - 1.5 * pi).abs() < 1e-8);
    // The integration stops at the terminal event.
    assert_eq!(r.t[[r.t.len() - 1]], te[0][[1]]);
    assert_eq!(r.y_events.unwrap()[0].shape(), &[2, 2]);
}

#[test]
fn bdf_with_complex_state() {
    let opts = IvpOptions::<Complex64> {
        method: Method::BDF,
        rtol: 1e-8.into(),
        atol: 1e-10.into(),
        ..Default::default()
    };
    let r = solve_ivp(
        |_t, y: &[Complex64], d: &mut [Complex64]| d[0] = Complex64::new(-1.0, 5.0) * y[0],
        (0.0, 1.0),
        &[Complex64::new(1.0, 0.0)],
        opts,
    )
    .unwrap();
    let m = r.t.len();
    let want = Complex64::new(-1.0, 5.0).exp();
    assert!((r.y[[0, m - 1]] - want).norm() < 1e-5);
}

#[test]
fn a_state_too_large_for_dense_jacobians_is_an_error() {
    // 300000 components: a dense n x n Jacobian would need ~7e11 bytes.
    // The implicit methods and odeint report an error; the explicit ones
    // need no matrix and run.
    let n = 300_000;
    let y0 = vec![1.0; n];
    let decay = |_t: f64, y: &[f64], d: &mut [f64]| {
        for (d, y) in d.iter_mut().zip(y) {
            *d = -y;
        }
    };
    for method in [Method::Radau, Method::BDF, Method::LSODA] {
        let opts = IvpOptions {
            method,
            ..Default::default()
        };
        assert!(solve_ivp(decay, (0.0, 1.0), &y0, opts).is_err(), "{method:?}");
    }
    assert!(odeint(decay, &y0, &[0.0, 1.0], OdeintOptions::default()).is_err());
    let opts = IvpOptions {
        method: Method::RK45,
        ..Default::default()
    };
    let r = solve_ivp(decay, (0.0, 0.1), &y0, opts).unwrap();
    assert!(r.success);
}
