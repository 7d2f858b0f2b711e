//! API-level tests of sciox.integrate.quad beyond the SciPy reference data:
//! error paths SciPy does not have (NaN limits), the complex front end and
//! properties (reversal, additivity, workspace reuse).

use numox::Complex64;
use sciox::integrate::{QuadOptions, Weight, quad, quad_complex};

#[test]
fn nan_limits_and_points_are_errors() {
    let o = QuadOptions::default();
    assert!(quad(|x| x, f64::NAN, 1.0, &o).is_err());
    assert!(quad(|x| x, 0.0, f64::NAN, &o).is_err());
    let o = QuadOptions {
        points: Some(vec![f64::NAN]),
        ..Default::default()
    };
    assert!(quad(|x| x, 0.0, 1.0, &o).is_err());
}

#[test]
fn reversing_the_limits_negates_the_value() {
    let o = QuadOptions::default();
    let f = |x: f64| (x * 3.0).sin() * (-x).exp();
    let r1 = quad(f, 0.5, 4.0, &o).unwrap();
    let r2 = quad(f, 4.0, 0.5, &o).unwrap();
    assert_eq!(r1.value, -r2.value);
    assert_eq!(r1.neval, r2.neval);
}

#[test]
fn break_points_split_the_integral_additively() {
    let f = |x: f64| (x - 0.3).abs().sqrt() + (x - 0.7).abs().ln().max(-50.0);
    let with_points = QuadOptions {
        points: Some(vec![0.7, 0.3]),
        ..Default::default()
    };
    let whole = quad(f, 0.0, 1.0, &with_points).unwrap();
    let o = QuadOptions::default();
    let parts: f64 = [(0.0, 0.3), (0.3, 0.7), (0.7, 1.0)]
        .iter()
        .map(|&(a, b)| quad(f, a, b, &o).unwrap().value)
        .sum();
    assert!((whole.value - parts).abs() < 1e-8, "{} vs {parts}", whole.value);
    assert_eq!(whole.ier, 0);
}

#[test]
fn complex_integrand_real_and_imaginary_parts() {
    // integral of exp((i - 1) x) over (0, inf) = 1 / (1 - i) = (1 + i) / 2
    let r = quad_complex(
        |x| (Complex64::new(-1.0, 1.0) * x).exp(),
        0.0,
        f64::INFINITY,
        &QuadOptions::default(),
    )
    .unwrap();
    assert!((r.value - Complex64::new(0.5, 0.5)).norm() < 1e-10);
    assert_eq!(r.abserr, Complex64::new(r.real.abserr, r.imag.abserr));
}

#[test]
fn empty_interval_is_zero_without_evaluations() {
    let mut calls = 0;
    let r = quad(
        |x| {
            calls += 1;
            x
        },
        2.0,
        2.0,
        &QuadOptions::default(),
    )
    .unwrap();
    assert_eq!((r.value, r.abserr, r.neval, r.last), (0.0, 0.0, 0, 0));
    assert_eq!(calls, 0);
}

#[test]
fn the_closure_is_called_neval_times() {
    let mut calls = 0;
    let r = quad(
        |x: f64| {
            calls += 1;
            1.0 / x.sqrt()
        },
        0.0,
        1.0,
        &QuadOptions::default(),
    )
    .unwrap();
    assert_eq!(calls, r.neval);
    let mut calls = 0;
    let r = quad(
        |x: f64| {
            calls += 1;
            (-x * x).exp()
        },
        f64::NEG_INFINITY,
        f64::INFINITY,
        &QuadOptions::default(),
    )
    .unwrap();
    assert_eq!(calls, r.neval);
}

#[test]
fn weights_reject_infinite_ranges_they_cannot_handle() {
    let o = QuadOptions {
        weight: Some(Weight::Cauchy(0.5)),
        ..Default::default()
    };
    assert!(quad(|x| x, 0.0, f64::INFINITY, &o).is_err());
    let o = QuadOptions {
        weight: Some(Weight::Sin(1.0)),
        ..Default::default()
    };
    assert!(quad(|x| x, f64::NEG_INFINITY, f64::INFINITY, &o).is_err());
}

#[test]
fn huge_work_array_sizes_are_errors() {
    // SciPy raises MemoryError; sciox returns an error instead of aborting.
    for lim in [usize::MAX, 1usize << 40] {
        let o = QuadOptions {
            limit: lim,
            ..Default::default()
        };
        assert!(quad(|x| x, 0.0, 1.0, &o).is_err());
        assert!(quad_complex(|x| Complex64::new(x, x), 0.0, 1.0, &o).is_err());
        let o = QuadOptions {
            maxp1: lim,
            weight: Some(Weight::Cos(3.0)),
            ..Default::default()
        };
        assert!(quad(|x| x, 0.0, 1.0, &o).is_err());
        let o = QuadOptions {
            limlst: lim,
            weight: Some(Weight::Sin(3.0)),
            ..Default::default()
        };
        assert!(quad(|x| (-x).exp(), 0.0, f64::INFINITY, &o).is_err());
    }
}
