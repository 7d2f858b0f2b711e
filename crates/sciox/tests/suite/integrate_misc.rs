//! API-level tests of quad_vec, dblquad/tplquad/nquad, fixed_quad,
//! newton_cotes, romb and the sampled-data rules: closed-form values,
//! exactness degrees, error paths and hostile sizes (the SciPy reference
//! comparisons are in conformance_integrate_misc.rs).

use numox::{Array, array};
use sciox::integrate::*;

const NONE: Option<&Array<f64>> = None;

#[test]
fn quad_vec_closed_forms_on_finite_and_infinite_ranges() {
    let o = QuadVecOptions::default();
    // integral over (0, inf) of exp(-x) (1, x, x^2) = (1, 1, 2)
    let r = quad_vec(
        |x, out: &mut [f64]| {
            let e = (-x).exp();
            out.copy_from_slice(&[e, x * e, x * x * e]);
        },
        0.0,
        f64::INFINITY,
        3,
        &o,
    )
    .unwrap();
    assert!(r.success, "{}", r.message);
    for (g, w) in r.value.iter().zip([1.0, 1.0, 2.0]) {
        // epsrel = 1e-8 on the 2-norm of the vector
        assert!((g - w).abs() < 1e-8 * 6f64.sqrt(), "{g} vs {w}");
    }
    // integral over the whole line of exp(-x^2) cos(kx) = sqrt(pi) exp(-k^2/4)
    let r = quad_vec(
        |x, out: &mut [f64]| {
            for (k, v) in out.iter_mut().enumerate() {
                *v = (-x * x).exp() * (k as f64 * x).cos();
            }
        },
        f64::NEG_INFINITY,
        f64::INFINITY,
        4,
        &o,
    )
    .unwrap();
    for (k, g) in r.value.iter().enumerate() {
        let w = std::f64::consts::PI.sqrt() * (-(k as f64).powi(2) / 4.0).exp();
        assert!((g - w).abs() < 1e-8 * 3.0, "k={k}: {g} vs {w}");
    }
    // reversed limits negate
    let f = |x: f64, out: &mut [f64]| {
        out[0] = x.sin();
        out[1] = x.cos();
    };
    let r1 = quad_vec(f, 0.0, 2.0, 2, &o).unwrap();
    let r2 = quad_vec(f, 2.0, 0.0, 2, &o).unwrap();
    for (a, b) in r1.value.iter().zip(r2.value.iter()) {
        assert!((a + b).abs() < 1e-15);
    }
}

#[test]
fn quad_vec_bad_input_and_non_finite_values() {
    let o = QuadVecOptions::default();
    let f = |x: f64, out: &mut [f64]| out[0] = x;
    assert!(quad_vec(f, f64::NAN, 1.0, 1, &o).is_err());
    assert!(quad_vec(f, 0.0, 1.0, 0, &o).is_err());
    // hostile sizes are errors, not aborts
    assert!(quad_vec(|_x, _o: &mut [f64]| {}, 0.0, 1.0, usize::MAX, &o).is_err());
    assert!(quad_vec(|_x, _o: &mut [f64]| {}, 0.0, 1.0, 1 << 60, &o).is_err());
    let r = quad_vec(|_x, out: &mut [f64]| out[0] = f64::NAN, 0.0, 1.0, 1, &o).unwrap();
    assert_eq!(r.status, 3);
    assert!(!r.success);
    assert_eq!(r.message, "Non-finite values encountered.");
}

#[test]
fn multiple_integrals_closed_forms() {
    // area of the unit disc
    let r = dblquad(
        |_y, _x| 1.0,
        -1.0,
        1.0,
        |x| -(1.0 - x * x).sqrt(),
        |x| (1.0 - x * x).sqrt(),
        1.49e-8,
        1.49e-8,
    )
    .unwrap();
    assert!((r.value - std::f64::consts::PI).abs() < 1e-8, "{}", r.value);
    assert_eq!(r.ier, 0);
    // integral of x y z over the unit cube: 1/8
    let r = tplquad(
        |z, y, x| x * y * z,
        0.0,
        1.0,
        |_| 0.0,
        |_| 1.0,
        |_, _| 0.0,
        |_, _| 1.0,
        1.49e-8,
        1.49e-8,
    )
    .unwrap();
    assert!((r.value - 0.125).abs() < 1e-15);
    // nquad: product of separable 1-d integrals, per-level options
    let ranges = vec![
        NquadRange::Const(0.0, 1.0),
        NquadRange::Const(0.0, std::f64::consts::PI),
    ];
    let opts = [
        QuadOptions::default(),
        QuadOptions {
            epsabs: 1e-12,
            ..Default::default()
        },
    ];
    let r = nquad(|x| x[0].exp() * x[1].sin(), ranges, &opts).unwrap();
    assert!((r.value - 2.0 * (1f64.exp() - 1.0)).abs() < 1e-12);
    // option count must be 1 or n; no ranges is an error
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
    let three = [
        QuadOptions::default(),
        QuadOptions::default(),
        QuadOptions::default(),
    ];
    assert!(nquad(|_| 1.0, ranges, &three).is_err());
    assert!(nquad(|_| 1.0, vec![], &[]).is_err());
    // an invalid option at an inner level surfaces as an error
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
    let bad = [
        QuadOptions {
            limit: 0,
            ..Default::default()
        },
        QuadOptions::default(),
    ];
    assert!(nquad(|_| 1.0, ranges, &bad).is_err());
}

#[test]
fn fixed_rules_exactness_and_hostile_sizes() {
    // n-point Gauss is exact for degree 2n - 1
    for n in 1..12usize {
        let d = 2 * n as i32 - 1;
        let v = fixed_quad(|x: f64| x.powi(d), 0.0, 1.0, n).unwrap();
        assert!((v - 1.0 / (d as f64 + 1.0)).abs() < 1e-14, "n={n}");
        let (x, w) = roots_legendre(n).unwrap();
        assert!((w.iter().sum::<f64>() - 2.0).abs() < 1e-14);
        assert!(x.windows(2).all(|p| p[0] < p[1]));
    }
    assert!(fixed_quad(f64::exp, 0.0, f64::INFINITY, 5).is_err());
    assert!(fixed_quad(f64::exp, 0.0, 1.0, 0).is_err());
    assert!(fixed_quad(f64::exp, 0.0, 1.0, usize::MAX).is_err());
    assert!(roots_legendre(usize::MAX).is_err());
    // Newton–Cotes weights sum to N and integrate x^N exactly for odd N
    for n in [1usize, 3, 5, 7, 15, 21] {
        let (an, _) = newton_cotes_equal(n).unwrap();
        assert!(
            (an.iter().sum::<f64>() - n as f64).abs() < 1e-9 * n as f64,
            "n={n}"
        );
        let s: f64 = an
            .iter()
            .enumerate()
            .map(|(i, a)| a * (i as f64).powi(n as i32))
            .sum();
        let want = (n as f64).powi(n as i32 + 1) / (n as f64 + 1.0);
        assert!((s - want).abs() < 1e-8 * want, "n={n}");
    }
    assert!(newton_cotes_equal(0).is_err());
    assert!(newton_cotes_equal(usize::MAX).is_err());
    assert!(newton_cotes(&[0.0]).is_err());
    assert!(newton_cotes(&[0.5, 1.0, 2.0]).is_err());
    // romb: exact for cubics with 2^k + 1 samples; other counts are errors
    let y = Array::from_vec((0..9).map(|i| (i as f64 / 8.0).powi(3)).collect());
    assert!((romb(&y, 1.0 / 8.0, -1).unwrap()[[]] - 0.25).abs() < 1e-15);
    assert!(romb(&array![1.0, 2.0, 3.0, 4.0], 1.0, -1).is_err());
    assert!(romb(&y, 1.0, 3).is_err());
}

#[test]
fn sampled_rules_closed_forms_and_errors() {
    // trapezoid is exact for linear data, Simpson for quadratics (also with
    // an even number of samples and uneven spacing: Cartwright's correction
    // is exact for quadratics).
    let x = array![0.0, 0.3, 1.0, 1.2, 2.0, 2.9];
    let lin = x.mapv(|t| 2.0 * t + 1.0);
    let quadr = x.mapv(|t| t * t);
    let t = trapezoid(&lin, Some(&x), 1.0, -1).unwrap()[[]];
    assert!((t - (2.9f64 * 2.9 + 2.9)).abs() < 1e-13);
    let s = simpson(&quadr, Some(&x), 1.0, -1).unwrap()[[]];
    assert!((s - 2.9f64.powi(3) / 3.0).abs() < 1e-13, "{s}");
    let c = cumulative_simpson(&quadr, Some(&x), 1.0, -1, Some(0.0)).unwrap();
    for (g, xi) in c.iter().zip(x.iter()) {
        assert!((g - xi.powi(3) / 3.0).abs() < 1e-13, "{g} at {xi}");
    }
    let c = cumulative_trapezoid(&lin, Some(&x), 1.0, -1, None).unwrap();
    assert_eq!(c.shape(), &[5]);
    assert!((c[[4]] - (2.9f64 * 2.9 + 2.9)).abs() < 1e-13);
    // 2-d along either axis
    let y2 = Array::from_shape_fn(&[3, 5], |ix| (ix[0] + ix[1]) as f64).unwrap();
    let r0 = trapezoid(&y2, NONE, 1.0, 0).unwrap();
    assert_eq!(r0, array![2.0, 4.0, 6.0, 8.0, 10.0]);
    let r1 = trapezoid(&y2, NONE, 0.5, -1).unwrap();
    assert_eq!(r1, array![4.0, 6.0, 8.0]);
    // errors: bad axis, x of the wrong length, non-increasing x for
    // cumulative_simpson, a non-zero initial for cumulative_trapezoid
    assert!(trapezoid(&lin, NONE, 1.0, 1).is_err());
    assert!(simpson(&lin, Some(&array![0.0, 1.0]), 1.0, -1).is_err());
    let xd = array![0.0, 0.3, 0.3, 1.2, 2.0, 2.9];
    assert!(cumulative_simpson(&quadr, Some(&xd), 1.0, -1, None).is_err());
    assert!(cumulative_trapezoid(&lin, NONE, 1.0, -1, Some(1.0)).is_err());
}

#[test]
fn sampled_rules_on_tiny_and_empty_axes_as_scipy() {
    // SciPy 1.17.1: trapezoid of no samples is 0; simpson raises; the
    // cumulative rules need one sample; one sample integrates to 0.
    let e = Array::<f64>::zeros(&[0]);
    assert_eq!(trapezoid(&e, NONE, 1.0, -1).unwrap()[[]], 0.0);
    assert!(simpson(&e, NONE, 1.0, -1).is_err());
    assert!(cumulative_trapezoid(&e, NONE, 1.0, -1, None).is_err());
    assert!(cumulative_simpson(&e, NONE, 1.0, -1, Some(0.0)).is_err());
    assert!(romb(&e, 1.0, -1).is_err());
    let one = array![5.0];
    assert_eq!(simpson(&one, NONE, 1.0, -1).unwrap()[[]], 0.0);
    assert_eq!(
        cumulative_simpson(&one, NONE, 1.0, -1, None).unwrap().shape(),
        &[0]
    );
    assert_eq!(
        cumulative_simpson(&one, NONE, 1.0, -1, Some(0.0)).unwrap(),
        array![0.0]
    );
    // an empty non-integration axis gives empty results
    let z = Array::<f64>::zeros(&[0, 3]);
    assert_eq!(trapezoid(&z, NONE, 1.0, 0).unwrap(), array![0.0, 0.0, 0.0]);
    assert_eq!(cumulative_simpson(&z, NONE, 1.0, -1, None).unwrap().size(), 0);
    assert_eq!(romb(&z, 1.0, -1).unwrap().size(), 0);
}

#[test]
fn nquad_with_callable_options() {
    // options depending on the outer variable: the kink of |x0 - x1| as a
    // break point of the inner integral
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 2.0)];
    let opts = vec![
        NquadOpts::Func(Box::new(|o: &[f64]| QuadOptions {
            points: Some(vec![o[0]]),
            ..Default::default()
        })),
        NquadOpts::Const(QuadOptions::default()),
    ];
    // integral over x1 in (0, 2) of integral over x0 in (0, 1) of |x0 - x1|
    // = integral of (x1^2 - x1 + 1/2) on (0, 1) + (x1 - 1/2) on (1, 2) = 1/3 + 1
    let r = nquad_with(|x| (x[0] - x[1]).abs(), ranges, opts).unwrap();
    assert!((r.value - 4.0 / 3.0).abs() < 1e-13, "{}", r.value);
    assert_eq!(r.ier, 0);
    // one callable for several levels is an error (SciPy has no such form)
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
    let one = vec![NquadOpts::Func(Box::new(|_o: &[f64]| QuadOptions::default()))];
    assert!(nquad_with(|_| 1.0, ranges, one).is_err());
    // huge work arrays are errors, fixed or from an options function
    let huge = || QuadOptions {
        limit: usize::MAX,
        ..Default::default()
    };
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
    assert!(nquad(|_| 1.0, ranges, &[huge()]).is_err());
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
    let opts = vec![
        NquadOpts::Func(Box::new(move |_o: &[f64]| huge())),
        NquadOpts::Const(QuadOptions::default()),
    ];
    assert!(nquad_with(|_| 1.0, ranges, opts).is_err());
    // one Const entry is used at every level
    let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 3.0)];
    let r = nquad_with(|_| 1.0, ranges, vec![NquadOpts::Const(QuadOptions::default())]).unwrap();
    assert!((r.value - 3.0).abs() < 1e-14);
}
