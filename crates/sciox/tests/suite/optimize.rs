//! sciox.optimize: bad input, callbacks, limits and known optima (no SciPy
//! data needed; conformance_optimize.rs compares with SciPy).

use sciox::optimize::*;

#[test]
fn minimize_rejects_bad_input() {
    let o = MinimizeOptions::default();
    let e = minimize(rosen, &[f64::NAN, 1.0], Method::Bfgs, &o).unwrap_err();
    assert!(e.to_string().contains("NaN"), "{e}");
    assert!(minimize(rosen, &[], Method::NelderMead, &o).is_err());
    let lb_gt_ub = MinimizeOptions {
        bounds: Some(Bounds::new(vec![1.0, 0.0], vec![0.0, 1.0])),
        ..Default::default()
    };
    let e = minimize(rosen, &[0.5, 0.5], Method::NelderMead, &lb_gt_ub).unwrap_err();
    assert_eq!(
        e.to_string(),
        "An upper bound is less than the corresponding lower bound."
    );
    let short = MinimizeOptions {
        bounds: Some(Bounds::new(vec![0.0], vec![1.0])),
        ..Default::default()
    };
    let e = minimize(rosen, &[0.5, 0.5], Method::Powell, &short).unwrap_err();
    assert!(e.to_string().contains("number of bounds"), "{e}");
    let unbounded_method = MinimizeOptions {
        bounds: Some(Bounds::new(vec![0.0; 2], vec![1.0; 2])),
        ..Default::default()
    };
    assert!(minimize(rosen, &[0.5, 0.5], Method::Bfgs, &unbounded_method).is_err());
    let bad_simplex = MinimizeOptions {
        initial_simplex: Some(vec![0.0; 5]),
        ..Default::default()
    };
    assert!(minimize(rosen, &[0.5, 0.5], Method::NelderMead, &bad_simplex).is_err());
    let bad_direc = MinimizeOptions {
        direc: Some(vec![1.0; 3]),
        ..Default::default()
    };
    assert!(minimize(rosen, &[0.5, 0.5], Method::Powell, &bad_direc).is_err());
}

#[test]
fn callbacks_stop_every_method() {
    for m in [
        Method::NelderMead,
        Method::Powell,
        Method::Cg,
        Method::Bfgs,
        Method::LBfgsB,
    ] {
        let mut calls = 0;
        let mut cb = |_x: &[f64], _f: f64| {
            calls += 1;
            calls == 2
        };
        let r = minimize_full(
            rosen,
            None,
            &[-1.2, 1.0],
            m,
            &MinimizeOptions::default(),
            Some(&mut cb),
        )
        .unwrap();
        assert_eq!((r.status, r.success), (99, false), "{m:?}");
        assert_eq!(r.message, "`callback` raised `StopIteration`.");
        assert_eq!(calls, 2);
    }
}

#[test]
fn every_method_finds_the_rosenbrock_minimum() {
    for m in [Method::NelderMead, Method::Powell, Method::Cg, Method::Bfgs] {
        let r = minimize(rosen, &[-1.2, 1.0], m, &MinimizeOptions::default()).unwrap();
        assert!(r.fun < 1e-8, "{m:?}: {r:?}");
        assert!(r.x.iter().all(|v| (v - 1.0).abs() < 1e-3), "{m:?}: {:?}", r.x);
    }
    // adaptive Nelder-Mead in 10-D, Powell with a tol
    let x0 = vec![0.5; 10];
    let o = MinimizeOptions {
        adaptive: true,
        maxfev: Some(100_000),
        maxiter: Some(100_000),
        ..Default::default()
    };
    let r = minimize(rosen, &x0, Method::NelderMead, &o).unwrap();
    assert!(r.success && r.fun < 1e-6, "{r:?}");
    let o = MinimizeOptions {
        tol: Some(1e-10),
        ..Default::default()
    };
    let r = minimize(rosen, &[-1.2, 1.0], Method::Powell, &o).unwrap();
    assert!(r.fun < 1e-18, "{r:?}");
}

#[test]
fn bounds_are_respected() {
    // minimum of the sphere on [0.5, 2] x [-inf, inf] is (0.5, 0)
    let sphere = |x: &[f64]| x[0] * x[0] + x[1] * x[1];
    let o = MinimizeOptions {
        bounds: Some(Bounds::new(
            vec![0.5, f64::NEG_INFINITY],
            vec![2.0, f64::INFINITY],
        )),
        ..Default::default()
    };
    for m in [Method::NelderMead, Method::Powell, Method::LBfgsB] {
        let r = minimize(sphere, &[1.5, 1.0], m, &o).unwrap();
        assert!(r.success, "{m:?}: {r:?}");
        assert!(
            (r.x[0] - 0.5).abs() < 1e-4 && r.x[1].abs() < 1e-3,
            "{m:?}: {:?}",
            r.x
        );
    }
}

#[test]
fn analytic_and_finite_difference_gradients_agree() {
    let x = [0.3, -0.7, 1.1, 2.0];
    let mut g = [0.0; 4];
    rosen_der(&x, &mut g);
    let fd = approx_fprime(&x, rosen, EPSILON);
    for (a, b) in g.iter().zip(&fd) {
        assert!((a - b).abs() <= 1e-5 * a.abs().max(1.0), "{a} {b}");
    }
    assert!(check_grad(rosen, rosen_der, &x, EPSILON).unwrap() < 1e-3);
    assert!(check_grad(rosen, rosen_der, &[], EPSILON).is_err());
    // 3-point differences are more accurate
    let o = MinimizeOptions {
        finite_diff: FiniteDiff::ThreePoint,
        ..Default::default()
    };
    let r = minimize(rosen, &[-1.2, 1.0], Method::Bfgs, &o).unwrap();
    assert!(r.success && r.fun < 1e-10, "{r:?}");
}

#[test]
fn nan_objective_ends_without_panicking() {
    let f = |x: &[f64]| {
        if x[0] > 0.5 {
            f64::NAN
        } else {
            (x[0] - 1.0).powi(2)
        }
    };
    for m in [Method::NelderMead, Method::Powell, Method::Cg, Method::Bfgs] {
        let r = minimize(f, &[0.0], m, &MinimizeOptions::default()).unwrap();
        assert!(r.nfev > 0, "{m:?}");
    }
}

#[test]
fn root_finders_reject_bad_input() {
    let o = RootOptions::default();
    for r in [
        brentq(|x| x * x + 1.0, -1.0, 1.0, &o),
        brenth(|x| x * x + 1.0, -1.0, 1.0, &o),
        ridder(|x| x * x + 1.0, -1.0, 1.0, &o),
        bisect(|x| x * x + 1.0, -1.0, 1.0, &o),
    ] {
        assert_eq!(
            r.unwrap_err().to_string(),
            "f(a) and f(b) must have different signs"
        );
    }
    let e = root_scalar(|x| x, None, None, &RootScalarOptions::default()).unwrap_err();
    assert!(e.to_string().contains("Unable to select a solver"));
    let o = RootScalarOptions {
        method: Some(RootScalarMethod::Brentq),
        x0: Some(1.0),
        ..Default::default()
    };
    assert!(root_scalar(|x| x, None, None, &o).is_err());
    let o = RootScalarOptions {
        method: Some(RootScalarMethod::Halley),
        x0: Some(1.0),
        ..Default::default()
    };
    assert!(root_scalar(|x| x, None, None, &o).is_err());
    let o = RootScalarOptions {
        method: Some(RootScalarMethod::Secant),
        ..Default::default()
    };
    assert!(root_scalar(|x| x, None, None, &o).is_err());
    // the default choice with a bracket is brentq, with x0 and x1 secant
    let o = RootScalarOptions {
        x0: Some(1.0),
        x1: Some(2.0),
        ..Default::default()
    };
    assert_eq!(
        root_scalar(|x| x * x - 2.0, None, None, &o).unwrap().method,
        "secant"
    );
    let o = RootScalarOptions {
        x0: Some(1.0),
        ..Default::default()
    };
    assert_eq!(
        root_scalar(|x| x * x - 2.0, None, None, &o).unwrap().method,
        "newton"
    );
}

#[test]
fn scalar_minimisers_reject_bad_input() {
    let o = ScalarOptions {
        bounds: Some([0.0, 1.0]),
        ..Default::default()
    };
    assert!(minimize_scalar(|x| x * x, ScalarMethod::Brent, &o).is_err());
    assert!(minimize_scalar(|x| x * x, ScalarMethod::Golden, &o).is_err());
    assert!(minimize_scalar(|x| x * x, ScalarMethod::Bounded, &ScalarOptions::default()).is_err());
    assert!(fminbound(|x| x * x, 1.0, 0.0, 1e-5, 500).is_err());
    assert!(fminbound(|x| x * x, 0.0, f64::INFINITY, 1e-5, 500).is_err());
    assert!(brent(|x| x * x, Bracket::default(), -1.0, 500).is_err());
    // an unbounded objective: no bracket, an error as in SciPy (RuntimeError)
    assert!(minimize_scalar(|x| x, ScalarMethod::Brent, &ScalarOptions::default()).is_err());
    // a NaN objective ends with SciPy's NaN message
    let r = fminbound(|_| f64::NAN, 0.0, 1.0, 1e-5, 500).unwrap();
    assert_eq!((r.status, r.message.as_str()), (2, "NaN result encountered."));
}

#[test]
fn newton_cg_needs_a_gradient_and_takes_a_hessian() {
    let e = minimize(rosen, &[-1.2, 1.0], Method::NewtonCg, &MinimizeOptions::default()).unwrap_err();
    assert_eq!(e.to_string(), "Jacobian is required for Newton-CG method");
    let r = minimize_with_grad(
        rosen,
        rosen_der,
        &[-1.2, 1.0],
        Method::NewtonCg,
        &MinimizeOptions::default(),
    )
    .unwrap();
    assert!(r.success && r.fun < 1e-8, "{r:?}");
    let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&rosen_hess(x));
    let r = minimize_newton_cg(
        rosen,
        rosen_der,
        Hess::Full(&mut h),
        &[-1.2, 1.0],
        &MinimizeOptions::default(),
        None,
    )
    .unwrap();
    assert!(r.success && r.fun < 1e-8 && r.nhev > 0, "{r:?}");
    let nan = minimize_newton_cg(
        rosen,
        rosen_der,
        Hess::FiniteDiff,
        &[f64::NAN],
        &MinimizeOptions::default(),
        None,
    );
    assert!(nan.is_err());
}

#[test]
fn lbfgsb_limits_and_messages() {
    let r = minimize(rosen, &[-1.2, 1.0], Method::LBfgsB, &MinimizeOptions::default()).unwrap();
    assert!(r.success && r.fun < 1e-8, "{r:?}");
    assert!(r.message.starts_with("CONVERGENCE: "), "{}", r.message);
    let o = MinimizeOptions {
        maxiter: Some(3),
        ..Default::default()
    };
    let r = minimize(rosen, &[-1.2, 1.0], Method::LBfgsB, &o).unwrap();
    assert_eq!((r.status, r.nit), (1, 3));
    assert_eq!(r.message, "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT");
    // x0 outside the bounds is projected; a variable fixed by equal bounds stays
    let o = MinimizeOptions {
        bounds: Some(Bounds::new(vec![2.0, 0.5], vec![3.0, 0.5])),
        ..Default::default()
    };
    let r = minimize_with_grad(rosen, rosen_der, &[-1.0, 4.0], Method::LBfgsB, &o).unwrap();
    assert!(r.success, "{r:?}");
    assert_eq!(r.x[1], 0.5);
    assert!((r.x[0] - 2.0).abs() < 1e-12, "{:?}", r.x);
    let o = MinimizeOptions {
        maxls: 0,
        ..Default::default()
    };
    assert!(minimize(rosen, &[0.0, 0.0], Method::LBfgsB, &o).is_err());
}

#[test]
fn constrained_and_trust_region_bad_input_and_callbacks() {
    let o = MinimizeOptions::default();
    let f = |x: &[f64]| x[0] * x[0] + x[1] * x[1];
    let con = || {
        Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], out: &mut [f64]| {
            out[0] = x[0] + x[1] - 1.0
        })
    };
    // NaN / empty x0
    assert!(minimize_constrained(f, None, &[f64::NAN, 0.0], Method::Slsqp, &mut [con()], &o, None).is_err());
    assert!(minimize_constrained(f, None, &[], Method::Slsqp, &mut [], &o, None).is_err());
    // constraints with a method that cannot take them
    let e = minimize_constrained(f, None, &[1.0, 1.0], Method::Bfgs, &mut [con()], &o, None).unwrap_err();
    assert_eq!(e.to_string(), "Method BFGS cannot handle constraints.");
    // malformed new-style constraints
    let bad_a = Constraint::Linear(LinearConstraint::new(vec![1.0; 3], vec![0.0], vec![1.0]));
    assert!(minimize_constrained(f, None, &[1.0, 1.0], Method::Slsqp, &mut [bad_a], &o, None).is_err());
    let lb_gt_ub = Constraint::Linear(LinearConstraint::new(vec![1.0; 2], vec![2.0], vec![1.0]));
    assert!(minimize_constrained(f, None, &[1.0, 1.0], Method::Slsqp, &mut [lb_gt_ub], &o, None).is_err());
    let mismatched = Constraint::Linear(LinearConstraint::new(vec![1.0; 2], vec![0.0], vec![1.0, 2.0]));
    assert!(minimize_constrained(f, None, &[1.0, 1.0], Method::Slsqp, &mut [mismatched], &o, None).is_err());
    // '3-point' differences of a constraint without Jacobian
    let three = MinimizeOptions {
        finite_diff: FiniteDiff::ThreePoint,
        ..Default::default()
    };
    assert!(minimize_constrained(f, None, &[1.0, 1.0], Method::Slsqp, &mut [con()], &three, None).is_err());
    // SLSQP with constraints: x0 + x1 >= 1 -> (0.5, 0.5)
    let r = minimize_constrained(f, None, &[2.0, 0.0], Method::Slsqp, &mut [con()], &o, None).unwrap();
    assert!(
        r.success && (r.x[0] - 0.5).abs() < 1e-6 && (r.x[1] - 0.5).abs() < 1e-6,
        "{r:?}"
    );
    assert_eq!(r.multipliers.len(), 1);
    assert!((r.multipliers[0] - 1.0).abs() < 1e-5, "{:?}", r.multipliers);
    // a callback stops SLSQP after its first iteration
    let mut calls = 0;
    let mut cb = |_x: &[f64], _f: f64| {
        calls += 1;
        true
    };
    let r = minimize_constrained(
        f,
        None,
        &[2.0, 0.0],
        Method::Slsqp,
        &mut [con()],
        &o,
        Some(&mut cb),
    )
    .unwrap();
    assert_eq!((r.status, r.success, r.nit), (99, false, 1));
    assert_eq!(calls, 1);
    // SLSQP through minimize (no constraints) and SciPy's default choice
    let r = minimize(rosen, &[-1.2, 1.0], Method::Slsqp, &o).unwrap();
    assert!(r.success && (r.x[0] - 1.0).abs() < 1e-3, "{r:?}");
    assert_eq!(Method::scipy_default_constrained(true, true), Method::Slsqp);
    // trust-region methods need the Hessian, reject bounds and bad radii
    let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&rosen_hess(x));
    let e = minimize_trust(
        rosen,
        rosen_der,
        Hess::FiniteDiff,
        &[-1.2, 1.0],
        Method::Dogleg,
        &o,
        None,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "Hessian is required for dogleg minimization");
    assert!(minimize(rosen, &[-1.2, 1.0], Method::TrustExact, &o).is_err());
    let bad_eta = MinimizeOptions {
        eta: Some(0.3),
        ..Default::default()
    };
    assert!(
        minimize_trust(
            rosen,
            rosen_der,
            Hess::Full(&mut h),
            &[-1.2, 1.0],
            Method::TrustNcg,
            &bad_eta,
            None
        )
        .is_err()
    );
    let bad_radius = MinimizeOptions {
        initial_trust_radius: Some(2000.0),
        ..Default::default()
    };
    assert!(
        minimize_trust(
            rosen,
            rosen_der,
            Hess::Full(&mut h),
            &[-1.2, 1.0],
            Method::TrustNcg,
            &bad_radius,
            None
        )
        .is_err()
    );
    assert!(
        minimize_trust(
            rosen,
            rosen_der,
            Hess::Full(&mut h),
            &[-1.2, 1.0],
            Method::Bfgs,
            &o,
            None
        )
        .is_err()
    );
    assert!(
        minimize_trust(
            rosen,
            rosen_der,
            Hess::Full(&mut h),
            &[f64::NAN, 1.0],
            Method::TrustExact,
            &o,
            None
        )
        .is_err()
    );
    let mut stop = |_x: &[f64], _f: f64| true;
    let r = minimize_trust(
        rosen,
        rosen_der,
        Hess::Full(&mut h),
        &[-1.2, 1.0],
        Method::TrustExact,
        &o,
        Some(&mut stop),
    )
    .unwrap();
    assert_eq!((r.status, r.nit), (99, 1));
}

#[test]
fn minimize_cs_constrained_needs_complex_forms() {
    // SLSQP with jac='cs' differentiates a constraint without Jacobian by
    // complex steps: without its complex form that is an error, with a
    // Jacobian closure or as a linear constraint it is not needed
    use numox::Complex64;
    let f = |x: &[f64]| (x[0] - 2.0).powi(2) + (x[1] - 1.0).powi(2);
    let fc = |x: &[Complex64]| (x[0] - 2.0) * (x[0] - 2.0) + (x[1] - 1.0) * (x[1] - 1.0);
    let disc = |x: &[f64], o: &mut [f64]| o[0] = 1.0 - x[0] * x[0] - x[1] * x[1];
    let o = MinimizeOptions::default();
    let mut cons = [Constraint::dict(ConstraintType::Ineq, 1, disc)];
    let e = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Slsqp, &mut cons, &o, None).unwrap_err();
    assert!(e.to_string().contains("complex form"), "{e}");
    let mut cons = [Constraint::Nonlinear(NonlinearConstraint::new(
        |x: &[f64], o: &mut [f64]| o[0] = x[0] * x[0] + x[1] * x[1],
        vec![f64::NEG_INFINITY],
        vec![1.0],
    ))];
    assert!(minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Slsqp, &mut cons, &o, None).is_err());
    // trust-constr: a NonlinearConstraint without complex form is '2-point'
    let r = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::TrustConstr, &mut cons, &o, None).unwrap();
    let want = [2.0 / 5f64.sqrt(), 1.0 / 5f64.sqrt()];
    // (trust-constr stops at its gtol=1e-8 with x ~1e-5 from the optimum)
    assert!(
        (r.x[0] - want[0]).abs() < 1e-4 && (r.x[1] - want[1]).abs() < 1e-4,
        "{r:?}"
    );
    let mut cons = [
        Constraint::dict_with_jac(ConstraintType::Ineq, 1, disc, |x: &[f64], j: &mut [f64]| {
            j[0] = -2.0 * x[0];
            j[1] = -2.0 * x[1];
        }),
        Constraint::Linear(LinearConstraint::new(vec![1.0, -1.0], vec![-5.0], vec![5.0])),
    ];
    let r = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Slsqp, &mut cons, &o, None).unwrap();
    assert!(r.success && (r.x[0] - want[0]).abs() < 1e-6 && (r.x[1] - want[1]).abs() < 1e-6);
    // COBYLA takes no derivatives; other methods take no constraints
    let mut cons = [Constraint::dict(ConstraintType::Ineq, 1, disc)];
    let r = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Cobyla, &mut cons, &o, None).unwrap();
    assert!((r.x[0] - want[0]).abs() < 1e-3, "{r:?}");
    let e = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Bfgs, &mut cons, &o, None).unwrap_err();
    assert!(e.to_string().contains("cannot handle constraints"), "{e}");
    let r = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Bfgs, &mut [], &o, None).unwrap();
    assert!(r.success && (r.x[0] - 2.0).abs() < 1e-6);
}

#[test]
fn minimize_cs_rejects_bad_input() {
    // the trust-region methods need a Hessian; SLSQP and trust-constr take
    // complex-step gradients; the usual input checks give errors
    use numox::Complex64;
    let f = |x: &[f64]| x[0] * x[0];
    let fc = |x: &[Complex64]| x[0] * x[0];
    let o = MinimizeOptions::default();
    for m in [Method::TrustNcg, Method::Dogleg, Method::TrustExact] {
        assert!(minimize_cs(f, fc, &[1.0], m, &o, None).is_err());
    }
    // SciPy's minimize turns jac='cs' into None for Newton-CG
    let e = minimize_cs(f, fc, &[1.0], Method::NewtonCg, &o, None).unwrap_err();
    assert_eq!(e.to_string(), "Jacobian is required for Newton-CG method");
    for m in [Method::Slsqp, Method::TrustConstr] {
        let r = minimize_cs(f, fc, &[1.0], m, &o, None).unwrap();
        assert!(r.success && r.x[0].abs() < 1e-4, "{m:?}: {r:?}");
    }
    assert!(minimize_cs(f, fc, &[f64::NAN], Method::Bfgs, &o, None).is_err());
    assert!(minimize_cs(f, fc, &[], Method::Bfgs, &o, None).is_err());
    let bad_bounds = MinimizeOptions {
        bounds: Some(Bounds::new(vec![1.0], vec![0.0])),
        ..Default::default()
    };
    assert!(minimize_cs(f, fc, &[0.5], Method::LBfgsB, &bad_bounds, None).is_err());
    // a valid call stops where BFGS's test |g| = |2x| < gtol (1e-5) holds
    let r = minimize_cs(f, fc, &[1.0], Method::Bfgs, &o, None).unwrap();
    assert!(r.success && r.x[0].abs() < 5e-6, "{r:?}");
}
