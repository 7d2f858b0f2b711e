//! The rest of sciox.integrate against SciPy 1.17.1
//! (`tools/refgen/gen_integrate_misc.py`): dblquad, tplquad, nquad,
//! quad_vec (real and complex), complex quad, fixed_quad, newton_cotes, romb, trapezoid,
//! simpson, cumulative_trapezoid, cumulative_simpson.
//!
//! Tolerances: the iterated QUADPACK integrals, complex quad, romb and the
//! sampled-data rules perform SciPy's operations in SciPy's order (sums in
//! NumPy's pairwise order), so they are compared to 1e-14 relative;
//! quad_vec to 1e-13 (its 2-norm is a BLAS dot in NumPy); fixed_quad to
//! 1e-14 (the Gauss–Legendre nodes are computed by Newton's method, SciPy
//! refines LAPACK eigenvalues: both within an ulp or two of the exact
//! nodes); newton_cotes tables exactly, the general case to 1e-10 (a
//! refined matrix inverse in both).

use crate::common;

use common::{Case, param_f64};
use numox::{Array, Complex64};
use sciox::integrate::*;

fn close(got: f64, want: f64, rtol: f64, ctx: &str) {
    let ok =
        (got - want).abs() <= rtol * want.abs().max(1e-300) || got == want || (got.is_nan() && want.is_nan());
    assert!(ok, "{ctx}: got {got:e}, want {want:e}");
}

fn close_arr(got: &Array<f64>, want: &Array<f64>, rtol: f64, atol: f64, ctx: &str) {
    assert_eq!(got.shape(), want.shape(), "{ctx}: shape");
    for (g, w) in got.iter().zip(want.iter()) {
        assert!(
            (g - w).abs() <= rtol * w.abs() + atol || g == w,
            "{ctx}: got {g:e}, want {w:e}"
        );
    }
}

fn f2(name: &str) -> fn(f64, f64) -> f64 {
    match name {
        "xy" => |y, x| x * y,
        "gauss2" => |y, x| (-(x * x + y * y)).exp(),
        "smooth2" => |y, x| (x + y).cos() * (-0.5 * x * y).exp(),
        "sing2" => |y, x| {
            if x != 0.0 || y != 0.0 {
                1.0 / (x * x + y * y).sqrt()
            } else {
                0.0
            }
        },
        other => panic!("{other}"),
    }
}

fn g(name: &str) -> fn(f64) -> f64 {
    match name {
        "zero" => |_| 0.0,
        "one" => |_| 1.0,
        "x" => |x| x,
        "1mx" => |x| 1.0 - x,
        "sqrt1mx2" => |x| (1.0 - x * x).max(0.0).sqrt(),
        "msqrt1mx2" => |x| -(1.0 - x * x).max(0.0).sqrt(),
        "1px" => |x| 1.0 + x,
        other => panic!("{other}"),
    }
}

fn q(name: &str) -> fn(f64, f64) -> f64 {
    match name {
        "zero" => |_, _| 0.0,
        "1mxmy" => |x, y| 1.0 - x - y,
        "xy" => |x, y| x * y,
        other => panic!("{other}"),
    }
}

fn f3(name: &str) -> fn(f64, f64, f64) -> f64 {
    match name {
        "one" => |_, _, _| 1.0,
        "xyz" => |z, y, x| x * y * z,
        "gauss3" => |z, y, x| (-(x * x + y * y + z * z)).exp(),
        other => panic!("{other}"),
    }
}

fn f1(name: &str) -> fn(f64) -> f64 {
    match name {
        "exp" => f64::exp,
        "poly9" => |x| x.powf(9.0) + x,
        "cos" => f64::cos,
        "inv_1px2" => |x| 1.0 / (1.0 + x * x),
        other => panic!("{other}"),
    }
}

fn vecf(name: &str) -> (usize, fn(f64, &mut [f64])) {
    match name {
        "powers" => (4, |x, o| {
            o.copy_from_slice(&[1.0, x, x * x, x * x * x]);
        }),
        "bessel_like" => (5, |x, o| {
            for (k, v) in o.iter_mut().enumerate() {
                *v = (k as f64 * x).cos() * (-x * x).exp();
            }
        }),
        "scalar_gauss" => (1, |x, o| o[0] = (-x * x).exp()),
        "peaks" => (2, |x, o| {
            o[0] = 1.0 / (1e-4 + (x - 0.3).powf(2.0));
            o[1] = (x - 0.7).abs().sqrt();
        }),
        other => panic!("{other}"),
    }
}

fn cvecf(name: &str) -> (usize, fn(f64, &mut [Complex64])) {
    match name {
        "cexp3" => (3, |x, o| {
            for (k, v) in o.iter_mut().enumerate() {
                let kx = (k + 1) as f64 * x;
                *v = Complex64::new(kx.cos(), kx.sin());
            }
        }),
        "cgauss" => (3, |x, o| {
            for (k, v) in o.iter_mut().enumerate() {
                let kx = k as f64 * x;
                *v = Complex64::new((-x * x).exp() * kx.cos(), (-x * x).exp() * kx.sin());
            }
        }),
        "cdecay" => (1, |x, o| {
            o[0] = Complex64::new((-x).exp() * (2.0 * x).cos(), (-x).exp() * (2.0 * x).sin())
        }),
        other => panic!("{other}"),
    }
}

fn quad_vec_opts(case: &Case) -> QuadVecOptions {
    let mut o = QuadVecOptions::default();
    if let Some(v) = case.param("epsrel") {
        o.epsrel = param_f64(v);
    }
    if let Some(v) = case.param("limit") {
        o.limit = v.as_u64().unwrap() as usize;
    }
    if let Some(v) = case.param("points") {
        o.points = Some(v.as_array().unwrap().iter().map(param_f64).collect());
    }
    if let Some(v) = case.param("norm") {
        o.norm = if v.as_str() == Some("max") {
            QuadVecNorm::Max
        } else {
            QuadVecNorm::Two
        };
    }
    if let Some(v) = case.param("quadrature") {
        o.quadrature = Some(match v.as_str().unwrap() {
            "gk21" => QuadVecRule::Gk21,
            "gk15" => QuadVecRule::Gk15,
            _ => QuadVecRule::Trapezoid,
        });
    }
    o
}

fn opt_f(case: &Case, name: &str, default: f64) -> f64 {
    case.param(name).map(param_f64).unwrap_or(default)
}

fn axis(case: &Case) -> isize {
    case.param("axis")
        .map(|v| v.as_i64().unwrap() as isize)
        .unwrap_or(-1)
}

fn run(case: &Case) {
    let ctx = case.ctx();
    match case.op.as_str() {
        "dblquad" => {
            let (fa, fb) = (case.f64_param("a"), case.f64_param("b"));
            let r = dblquad(
                f2(case.str_param("f")),
                fa,
                fb,
                g(case.str_param("g")),
                g(case.str_param("h")),
                opt_f(case, "epsabs", 1.49e-8),
                opt_f(case, "epsrel", 1.49e-8),
            )
            .unwrap();
            let want = case.output::<f64>(0).to_vec();
            close(r.value, want[0], 1e-14, &ctx);
            close(r.abserr, want[1], 1e-12, &ctx);
        }
        "tplquad" => {
            let r = tplquad(
                f3(case.str_param("f")),
                case.f64_param("a"),
                case.f64_param("b"),
                g(case.str_param("g")),
                g(case.str_param("h")),
                q(case.str_param("q")),
                q(case.str_param("r")),
                1.49e-8,
                1.49e-8,
            )
            .unwrap();
            let want = case.output::<f64>(0).to_vec();
            close(r.value, want[0], 1e-14, &ctx);
            close(r.abserr, want[1], 1e-12, &ctx);
        }
        "nquad" => {
            let ranges: Vec<NquadRange> = case
                .param("ranges")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let r = r.as_array().unwrap();
                    NquadRange::Const(param_f64(&r[0]), param_f64(&r[1]))
                })
                .collect();
            let mut opts = vec![QuadOptions::default()];
            if let Some(o) = case.param("opts") {
                opts = o
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| {
                        let mut q = QuadOptions::default();
                        if let Some(v) = d.get("epsabs") {
                            q.epsabs = param_f64(v);
                        }
                        if let Some(v) = d.get("limit") {
                            q.limit = v.as_u64().unwrap() as usize;
                        }
                        if let Some(v) = d.get("points") {
                            q.points = Some(v.as_array().unwrap().iter().map(param_f64).collect());
                        }
                        q
                    })
                    .collect();
            }
            let r = match case.str_param("f") {
                "f4" => nquad(|x| x[0] * x[1] * x[1] + x[2].sin() + x[3].exp(), ranges, &opts),
                "f3b" => nquad(|x| (x[2] - 0.5).abs() * (x[0] * x[1]).cos(), ranges, &opts),
                other => panic!("{other}"),
            }
            .unwrap();
            let want = case.output::<f64>(0).to_vec();
            close(r.value, want[0], 1e-14, &ctx);
            close(r.abserr, want[1], 1e-12, &ctx);
            assert_eq!(r.neval as i64, case.output::<i64>(1).to_vec()[0], "{ctx}: neval");
        }
        "nquad_callable" => {
            let ranges: Vec<NquadRange> = case
                .param("ranges")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let r = r.as_array().unwrap();
                    NquadRange::Const(param_f64(&r[0]), param_f64(&r[1]))
                })
                .collect();
            let r = match case.str_param("f") {
                "f4c" => {
                    let opts = vec![
                        NquadOpts::Func(Box::new(|a: &[f64]| QuadOptions {
                            points: Some(vec![0.2 * a[2] + 0.5 + 0.25 * a[0]]),
                            ..Default::default()
                        })),
                        NquadOpts::Const(QuadOptions::default()),
                        NquadOpts::Const(QuadOptions::default()),
                        NquadOpts::Const(QuadOptions::default()),
                    ];
                    let f = |x: &[f64]| {
                        let step = if x[0] - 0.2 * x[3] - 0.5 - 0.25 * x[1] > 0.0 {
                            1.0
                        } else {
                            0.0
                        };
                        x[0].powf(2.0) + x[1] * x[2] - x[3].powf(3.0) + x[0].sin() + step
                    };
                    nquad_with(f, ranges, opts)
                }
                "absdiff" => {
                    let opts = vec![
                        NquadOpts::Func(Box::new(|a: &[f64]| QuadOptions {
                            points: Some(vec![a[0]]),
                            ..Default::default()
                        })),
                        NquadOpts::Const(QuadOptions::default()),
                    ];
                    nquad_with(|x: &[f64]| (x[0] - x[1]).abs(), ranges, opts)
                }
                other => panic!("{other}"),
            }
            .unwrap();
            let want = case.output::<f64>(0).to_vec();
            close(r.value, want[0], 1e-14, &ctx);
            close(r.abserr, want[1], 1e-12, &ctx);
            assert_eq!(r.neval as i64, case.output::<i64>(1).to_vec()[0], "{ctx}: neval");
        }
        "quad_vec" => {
            let (m, f) = vecf(case.str_param("f"));
            let o = quad_vec_opts(case);
            let r = quad_vec(f, case.f64_param("a"), case.f64_param("b"), m, &o).unwrap();
            let ints = case.output::<i64>(2).to_vec();
            assert_eq!(r.neval as i64, ints[0], "{ctx}: neval");
            assert_eq!(r.status as i64, ints[1], "{ctx}: status");
            assert_eq!(r.success as i64, ints[2], "{ctx}: success");
            assert_eq!(r.message, case.str_param("message"), "{ctx}: message");
            close_arr(&r.value, &case.output::<f64>(0), 1e-13, 1e-300, &ctx);
            // The error estimates are norms of small differences (2-norms are BLAS
            // dot products in NumPy): 1e-6 relative.
            close(r.abserr, case.output::<f64>(1).to_vec()[0], 1e-6, &ctx);
            let iv = case.output::<f64>(3);
            assert_eq!(iv.shape()[0], r.intervals.len(), "{ctx}: number of intervals");
            for (k, (a, b)) in r.intervals.iter().enumerate() {
                close(*a, iv[[k, 0]], 1e-15, &ctx);
                close(*b, iv[[k, 1]], 1e-15, &ctx);
            }
        }
        "quad_vec_complex" => {
            let (m, f) = cvecf(case.str_param("f"));
            let r = quad_vec(
                f,
                case.f64_param("a"),
                case.f64_param("b"),
                m,
                &quad_vec_opts(case),
            )
            .unwrap();
            let ints = case.output::<i64>(2).to_vec();
            assert_eq!(r.neval as i64, ints[0], "{ctx}: neval");
            assert_eq!(r.status as i64, ints[1], "{ctx}: status");
            assert_eq!(r.success as i64, ints[2], "{ctx}: success");
            assert_eq!(r.message, case.str_param("message"), "{ctx}: message");
            let want = case.output::<Complex64>(0);
            assert_eq!(want.shape(), r.value.shape(), "{ctx}: shape");
            for (g, w) in r.value.iter().zip(want.iter()) {
                // NumPy divides complex arrays by a real t through a
                // reciprocal (infinite ranges): 1e-13 relative to the value.
                assert!(
                    (g - w).norm() <= 1e-13 * w.norm().max(1e-300),
                    "{ctx}: got {g}, want {w}"
                );
            }
            close(r.abserr, case.output::<f64>(1).to_vec()[0], 1e-6, &ctx);
            let iv = case.output::<f64>(3);
            assert_eq!(iv.shape()[0], r.intervals.len(), "{ctx}: number of intervals");
            for (k, (a, b)) in r.intervals.iter().enumerate() {
                close(*a, iv[[k, 0]], 1e-15, &ctx);
                close(*b, iv[[k, 1]], 1e-15, &ctx);
            }
        }
        "quad_complex" => {
            let f: fn(f64) -> Complex64 = match case.str_param("f") {
                "expix" => |x| Complex64::new(x.cos(), x.sin()),
                "decay_osc" => |x| Complex64::new((-x).exp() * (3.0 * x).cos(), (-x).exp() * (3.0 * x).sin()),
                other => panic!("{other}"),
            };
            let r = quad_complex(
                f,
                case.f64_param("a"),
                case.f64_param("b"),
                &QuadOptions::default(),
            )
            .unwrap();
            let want = case.output::<f64>(0).to_vec();
            close(r.value.re, want[0], 1e-15, &ctx);
            close(r.value.im, want[1], 1e-15, &ctx);
            close(r.abserr.re, want[2], 1e-15, &ctx);
            close(r.abserr.im, want[3], 1e-15, &ctx);
            let ne = case.output::<i64>(1).to_vec();
            assert_eq!(
                [r.real.neval as i64, r.imag.neval as i64],
                [ne[0], ne[1]],
                "{ctx}: neval"
            );
        }
        "fixed_quad" => {
            let got = fixed_quad(
                f1(case.str_param("f")),
                case.f64_param("a"),
                case.f64_param("b"),
                case.i64_param("n") as usize,
            );
            if case.error.is_some() {
                common::assert_err(&got, case);
                return;
            }
            close(got.unwrap(), case.output::<f64>(0)[[]], 1e-14, &ctx);
        }
        "newton_cotes" => {
            let rn = case.input::<f64>(0).to_vec();
            let got = newton_cotes(&rn);
            if case.error.is_some() {
                common::assert_err(&got, case);
                return;
            }
            let (an, b) = got.unwrap();
            let builtin = rn.len() <= 15 && rn.windows(2).all(|w| w[1] - w[0] == 1.0);
            // The general case inverts a Vandermonde matrix (condition ~1e6 at
            // N = 16): 1e-10 relative.
            let tol = if builtin { 0.0 } else { 1e-10 };
            close_arr(&Array::from_vec(an), &case.output::<f64>(0), tol, 1e-15, &ctx);
            // B is a difference of two nearly equal sums scaled by N^(N+2)/(N+2)!
            // (7e5 at N = 16): for the general case SciPy's own value has
            // only a few correct digits; 1e-4 relative.
            let btol = if builtin { 1e-15 } else { 1e-4 };
            close(b, case.output::<f64>(1)[[]], btol, &ctx);
        }
        "trapezoid" | "simpson" | "cumulative_trapezoid" | "cumulative_simpson" | "romb" => {
            let y = case.input::<f64>(0);
            let x = (case.inputs.len() > 1).then(|| case.input::<f64>(1));
            let dx = opt_f(case, "dx", 1.0);
            let ax = axis(case);
            let initial = case.param("initial").map(param_f64);
            let got = match case.op.as_str() {
                "trapezoid" => trapezoid(&y, x.as_ref(), dx, ax),
                "simpson" => simpson(&y, x.as_ref(), dx, ax),
                "cumulative_trapezoid" => cumulative_trapezoid(&y, x.as_ref(), dx, ax, initial),
                "cumulative_simpson" => cumulative_simpson(&y, x.as_ref(), dx, ax, initial),
                _ => romb(&y, dx, ax),
            };
            if case.error.is_some() {
                common::assert_err(&got, case);
                return;
            }
            close_arr(&got.unwrap(), &case.output::<f64>(0), 1e-14, 1e-15, &ctx);
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn misc_integrate_matches_scipy() {
    let cases = common::load_cases("integrate_misc");
    for case in &cases {
        run(case);
    }
    assert_eq!(cases.len(), 85);
}
