//! sciox.optimize.direct against SciPy 1.17.1
//! (`tools/refgen/gen_optimize_direct.py`).
//!
//! DIRECT draws no random numbers, and the port makes the C code's
//! floating-point operations in its order; the objectives below make the
//! generator's operations (glibc `pow`/`sin`/`cos`/`exp`/`sqrt` on both
//! sides, `rosen` in NumPy's summation order). So everything is compared
//! exactly: `nfev`, `nit`, `status`, `success`, the message, every point
//! SciPy evaluated (the first 600, in order), the callback's arguments, and
//! `x` and `fun` bit for bit (NaN equals NaN: a NaN at the centre stays
//! SciPy's best value).
//!
//! The callback-stop cases: SciPy's callback can only stop a run by raising
//! (the result is lost); sciox's returns `true` and gets status -102
//! ("Forced stop"). The generator counts SciPy's objective calls up to the
//! raise; sciox must report that `nfev`, `nit = stop + 1` (the callback runs
//! at the end of iterations 2, 3, ...) and the same callback arguments.
//!
//! Errors: SciPy's ValueErrors (same messages), and the budgets whose C
//! array sizes overflow an `int` (SciPy's SystemError) are `Err` too.

use crate::common;

use common::Case;
use sciox::optimize::*;
use std::hint::black_box;

const TWO_PI: f64 = 2.0 * std::f64::consts::PI;

/// Python's `float ** k`: glibc's `pow` at run time (`black_box` keeps the
/// compiler from turning `pow(x, 2)` into `x * x`).
fn pw(x: f64, k: f64) -> f64 {
    x.powf(black_box(k))
}

fn objective(name: &str) -> fn(&[f64]) -> f64 {
    match name {
        "styblinski_tang" => |p| {
            let (x, y) = (p[0], p[1]);
            0.5 * (pw(x, 4.0) - 16.0 * pw(x, 2.0) + 5.0 * x + pw(y, 4.0) - 16.0 * pw(y, 2.0) + 5.0 * y)
        },
        "rastrigin" => |x| {
            let mut s = 10.0 * x.len() as f64;
            for &v in x {
                s += v * v - 10.0 * (TWO_PI * v).cos();
            }
            s
        },
        "ackley" => |x| {
            let a1 = -0.2 * (0.5 * (x[0] * x[0] + x[1] * x[1])).sqrt();
            let a2 = 0.5 * ((TWO_PI * x[0]).cos() + (TWO_PI * x[1]).cos());
            -20.0 * a1.exp() - a2.exp() + 20.0 + std::f64::consts::E
        },
        "eggholder" => |x| {
            let a = x[1] + 47.0;
            -a * (x[0] / 2.0 + a).abs().sqrt().sin() - x[0] * (x[0] - a).abs().sqrt().sin()
        },
        "rosen" => rosen,
        "nanregion" => |p| {
            let (x, y) = (p[0], p[1]);
            if x > 1.0 {
                f64::NAN
            } else if y > 2.0 {
                f64::INFINITY
            } else {
                (x - 0.3) * (x - 0.3) + (y + 0.1) * (y + 0.1)
            }
        },
        "nancenter" => |p| {
            let (x, y) = (p[0], p[1]);
            if x.abs() < 0.1 && y.abs() < 0.1 {
                f64::NAN
            } else {
                (x - 0.7) * (x - 0.7) + (y - 0.2) * (y - 0.2)
            }
        },
        "steps" => |p| (3.0 * p[0]).floor() + (3.0 * p[1]).floor(),
        "const" => |_| 1.0,
        "sphere" => |x| {
            let mut s = 0.0;
            for &v in x {
                s += v * v;
            }
            s
        },
        other => panic!("unknown objective {other}"),
    }
}

fn bounds_of(case: &Case) -> Vec<(f64, f64)> {
    case.param("bounds")
        .and_then(|b| b.as_array())
        .expect("bounds")
        .iter()
        .map(|p| {
            let p = p.as_array().expect("a pair");
            (common::param_f64(&p[0]), common::param_f64(&p[1]))
        })
        .collect()
}

fn options(case: &Case) -> DirectOptions {
    let mut o = DirectOptions::default();
    if let Some(v) = case.param("eps") {
        o.eps = common::param_f64(v);
    }
    if let Some(v) = case.param("maxfun") {
        o.maxfun = Some(common::param_usize(v));
    }
    if let Some(v) = case.param("maxiter") {
        o.maxiter = common::param_usize(v);
    }
    if let Some(v) = case.param("locally_biased") {
        o.locally_biased = v.as_bool().expect("a bool");
    }
    if let Some(v) = case.param("f_min") {
        o.f_min = common::param_f64(v);
    }
    if let Some(v) = case.param("f_min_rtol") {
        o.f_min_rtol = common::param_f64(v);
    }
    if let Some(v) = case.param("vol_tol") {
        o.vol_tol = common::param_f64(v);
    }
    if let Some(v) = case.param("len_tol") {
        o.len_tol = common::param_f64(v);
    }
    o
}

/// Bitwise equality (NaN equals NaN).
fn same(what: &str, got: &[f64], want: &[f64]) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{what}: length {} vs SciPy {}", got.len(), want.len()));
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g.to_bits() != w.to_bits() && !(g.is_nan() && w.is_nan()) {
            return Err(format!("{what}[{i}]: {g:e} vs SciPy {w:e}"));
        }
    }
    Ok(())
}

fn check_direct(case: &Case) -> Result<(), String> {
    let f = objective(case.str_param("f"));
    let bounds = bounds_of(case);
    let opts = options(case);
    let mut evals: Vec<f64> = Vec::new();
    let mut cbargs: Vec<f64> = Vec::new();
    let recorded = |x: &[f64], evals: &mut Vec<f64>| {
        evals.extend_from_slice(x);
        f(x)
    };
    let got = if case.param("callback").is_some() {
        let mut cb = |x: &[f64]| {
            cbargs.extend_from_slice(x);
            false
        };
        direct_with_callback(|x| recorded(x, &mut evals), bounds, &opts, &mut cb)
    } else {
        direct(|x| recorded(x, &mut evals), bounds, &opts)
    };
    if case.error.is_some() {
        common::assert_err(&got, case);
        let msg = got.err().map(|e| e.to_string()).unwrap_or_default();
        // SciPy's SystemError (overflowing C array sizes) has no message of
        // its own; the ValueErrors must match word for word
        if case.error.as_deref() == Some("ValueError") && msg != case.note {
            return Err(format!("error {msg:?} vs SciPy {:?}", case.note));
        }
        return Ok(());
    }
    let r = got.map_err(|e| format!("unexpected error {e}"))?;
    let stats = case.output::<f64>(1).to_vec();
    let want = (
        stats[1] as usize,
        stats[2] as usize,
        stats[3] as i32,
        stats[4] != 0.0,
    );
    if (r.nfev, r.nit, r.status, r.success) != want {
        return Err(format!(
            "nfev/nit/status/success {:?} vs SciPy {want:?}",
            (r.nfev, r.nit, r.status, r.success)
        ));
    }
    if r.message != case.note {
        return Err(format!("message {:?} vs SciPy {:?}", r.message, case.note));
    }
    let n = r.x.len();
    if evals.len() != r.nfev * n {
        return Err(format!("{} evaluations made, nfev {}", evals.len() / n, r.nfev));
    }
    let want_evals = case.output::<f64>(2).to_vec();
    same("evaluated points", &evals[..want_evals.len()], &want_evals)?;
    same("callback arguments", &cbargs, &case.output::<f64>(3).to_vec())?;
    same("fun", &[r.fun], &stats[..1])?;
    same("x", &r.x, &case.output::<f64>(0).to_vec())
}

fn check_stop(case: &Case) -> Result<(), String> {
    let f = objective(case.str_param("f"));
    let opts = options(case);
    let stop = common::param_usize(case.param("stop").expect("stop"));
    let mut cbargs: Vec<f64> = Vec::new();
    let mut calls = 0;
    let mut cb = |x: &[f64]| {
        cbargs.extend_from_slice(x);
        cbargs.len() / x.len() == stop
    };
    let r = direct_with_callback(
        |x| {
            calls += 1;
            f(x)
        },
        bounds_of(case),
        &opts,
        &mut cb,
    )
    .map_err(|e| format!("unexpected error {e}"))?;
    let want = case.output::<f64>(1).to_vec();
    let want_calls = want[0] as usize;
    if (r.nfev, calls, r.nit, r.status, r.success, r.message.as_str())
        != (want_calls, want_calls, stop + 1, -102, false, "Forced stop")
    {
        return Err(format!(
            "nfev {} calls {calls} nit {} status {} {:?} vs SciPy's {want_calls} calls at the stop",
            r.nfev, r.nit, r.status, r.message
        ));
    }
    same("callback arguments", &cbargs, &case.output::<f64>(0).to_vec())
}

#[test]
fn conformance_optimize_direct() {
    common::check_all_cases("optimize_direct", 73, |case| match case.op.as_str() {
        "direct" => check_direct(case),
        "direct_stop" => check_stop(case),
        other => Err(format!("unknown op {other}")),
    });
}

#[test]
fn direct_rust_only_errors() {
    let f = |x: &[f64]| x[0];
    let o = DirectOptions::default();
    // different lengths, empty bounds (SciPy's C code aborts the process)
    assert!(direct(f, Bounds::new(vec![0.0, 0.0], vec![1.0]), &o).is_err());
    assert!(direct(f, Vec::<(f64, f64)>::new(), &o).is_err());
    // beyond a C int
    let big = DirectOptions {
        maxfun: Some(1 << 40),
        ..Default::default()
    };
    assert!(direct(f, vec![(0.0, 1.0)], &big).is_err());
}
