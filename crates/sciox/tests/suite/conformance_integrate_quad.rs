//! sciox.integrate.quad against scipy.integrate.quad (SciPy 1.17.1):
//! `tools/refgen/gen_integrate_quad.py` records `quad(f, a, b,
//! full_output=1, ...)` on named integrands with closed forms (smooth,
//! oscillatory, endpoint singularities, infinite ranges, break points, the
//! cos/sin, algebraic-logarithmic and Cauchy weights) and its ValueError
//! cases.
//!
//! QUADPACK is ported from SciPy's C translation with the same order of
//! floating-point operations, and the integrands below call the C
//! library's exp/sin/log as Python's `math` module does, so the number of
//! evaluations, the flags, the subdivision and the interval lists must be
//! identical; values and error estimates are compared to 1e-15 relative
//! (in practice they are bit-identical; see `bit_exact` below).

use crate::common;

use common::{Case, param_f64};
use numox::Array;
use sciox::integrate::{QuadExtra, QuadOptions, Weight, quad};

fn integrand(name: &str) -> fn(f64) -> f64 {
    fn sinc(x: f64) -> f64 {
        if x != 0.0 { x.sin() / x } else { 1.0 }
    }
    match name {
        "one" => |_| 1.0,
        "x" => |x| x,
        "poly3" => |x| x.powf(3.0) - 2.0 * x + 1.0,
        "exp" => f64::exp,
        "exp_neg_x2" => |x| (-x * x).exp(),
        "exp_negx" | "exp_neg_x" => |x| (-x).exp(),
        "x_exp_negx" => |x| x * (-x).exp(),
        "inv_1px2" => |x| 1.0 / (1.0 + x * x),
        "sinc" => sinc,
        "inv_sqrt" => |x| 1.0 / x.sqrt(),
        "log" => f64::ln,
        "log_abs_03" => |x| if x != 0.3 { (x - 0.3).abs().ln() } else { -1e300 },
        "sqrt_abs_05" => |x| (x - 0.5).abs().sqrt(),
        "abs_third" => |x| (x - 1.0 / 3.0).abs(),
        "step_05" => |x| if x < 0.5 { 1.0 } else { 2.0 },
        "cos100" => |x| (100.0 * x).cos(),
        "x_sin_inv" => |x| if x != 0.0 { x * (1.0 / x).sin() } else { 0.0 },
        "inv_x" => |x| 1.0 / x,
        "inv_x2" => |x| 1.0 / (x * x),
        "log_1px" => |x| (1.0 + x).ln(),
        "inv_sqrt_x_1px" => |x| 1.0 / (x.sqrt() * (1.0 + x)),
        "exp_neg_abs" => |x| (-x.abs()).exp(),
        "inv_1px" => |x| 1.0 / (1.0 + x),
        "gauss_shift" => |x| (-(x - 3.0).powf(2.0)).exp(),
        "sin_x" => f64::sin,
        "x2" => |x| x * x,
        "sqrt" => f64::sqrt,
        "inv_x_exp" => |x| (-x).exp() / x,
        "cos_sqrt" => |x| x.sqrt().cos(),
        "osc_sin50" => |x| (50.0 * x).sin() * (-x).exp(),
        "bump" => |x| {
            if x.abs() < 1.0 {
                (-1.0 / (1.0 - x * x)).exp()
            } else {
                0.0
            }
        },
        other => panic!("unknown integrand {other}"),
    }
}

fn options(case: &Case) -> QuadOptions {
    let mut o = QuadOptions::default();
    if let Some(v) = case.param("epsabs") {
        o.epsabs = param_f64(v);
    }
    if let Some(v) = case.param("epsrel") {
        o.epsrel = param_f64(v);
    }
    if let Some(v) = case.param("limit") {
        o.limit = v.as_u64().unwrap() as usize;
    }
    if let Some(v) = case.param("maxp1") {
        o.maxp1 = v.as_u64().unwrap() as usize;
    }
    if let Some(v) = case.param("limlst") {
        o.limlst = v.as_u64().unwrap() as usize;
    }
    if let Some(v) = case.param("points") {
        o.points = Some(v.as_array().unwrap().iter().map(param_f64).collect());
    }
    if let Some(w) = case.param("weight") {
        let wvar = case.param("wvar").unwrap();
        let pair = || {
            let p = wvar.as_array().unwrap();
            (param_f64(&p[0]), param_f64(&p[1]))
        };
        o.weight = Some(match w.as_str().unwrap() {
            "cos" => Weight::Cos(param_f64(wvar)),
            "sin" => Weight::Sin(param_f64(wvar)),
            "alg" => Weight::Alg(pair().0, pair().1),
            "alg-loga" => Weight::AlgLoga(pair().0, pair().1),
            "alg-logb" => Weight::AlgLogb(pair().0, pair().1),
            "alg-log" => Weight::AlgLog(pair().0, pair().1),
            "cauchy" => Weight::Cauchy(param_f64(wvar)),
            other => panic!("unknown weight {other}"),
        });
    }
    o
}

fn close(got: f64, want: f64, ctx: &str, what: &str) -> bool {
    // 1e-15 relative: the port performs SciPy's floating-point operations
    // in SciPy's order; any difference would come from the C library.
    let ok = got == want || (got - want).abs() <= 1e-15 * want.abs() || (got.is_nan() && want.is_nan());
    assert!(ok, "{ctx}: {what} got {got:e}, want {want:e}");
    got == want || (got.is_nan() && want.is_nan())
}

fn check_list(got: &[f64], want: &Array<f64>, ctx: &str, what: &str) -> bool {
    let want = want.to_vec();
    assert_eq!(got.len(), want.len(), "{ctx}: length of {what}");
    let mut exact = true;
    for (g, w) in got.iter().zip(&want) {
        exact &= close(*g, *w, ctx, what);
    }
    exact
}

#[test]
fn quad_matches_scipy() {
    let cases = common::load_cases("integrate_quad");
    let mut checked = 0;
    let mut bit_exact = 0;
    let mut closed_form = 0;
    for case in &cases {
        assert_eq!(case.op, "quad");
        let ctx = case.ctx();
        let f = integrand(case.str_param("f"));
        let a = case.f64_param("a");
        let b = case.f64_param("b");
        let opts = options(case);
        let got = quad(f, a, b, &opts);
        if case.error.is_some() {
            common::assert_err(&got, case);
            checked += 1;
            continue;
        }
        let r = got.unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let vals = case.output::<f64>(0).to_vec();
        let ints = case.output::<i64>(1).to_vec();
        assert_eq!(r.neval as i64, ints[0], "{ctx}: neval");
        assert_eq!(r.ier as i64, ints[1], "{ctx}: ier");
        let mut exact = close(r.value, vals[0], &ctx, "value");
        exact &= close(r.abserr, vals[1], &ctx, "abserr");
        if let Some(m) = case.param("message") {
            assert_eq!(r.message.as_deref(), m.as_str(), "{ctx}: message");
        } else {
            assert!(r.message.is_none(), "{ctx}: unexpected message {:?}", r.message);
        }
        match &r.extra {
            QuadExtra::Fourier {
                lst,
                rslst,
                erlst,
                ierlst,
            } => {
                assert_eq!(*lst as i64, case.output::<i64>(2).to_vec()[0], "{ctx}: lst");
                exact &= check_list(rslst, &case.output::<f64>(3), &ctx, "rslst");
                exact &= check_list(erlst, &case.output::<f64>(4), &ctx, "erlst");
                let want: Vec<i32> = case.output::<i64>(5).to_vec().iter().map(|&v| v as i32).collect();
                assert_eq!(ierlst, &want, "{ctx}: ierlst");
            }
            extra => {
                assert_eq!(r.last as i64, ints[2], "{ctx}: last");
                exact &= check_list(&r.alist, &case.output::<f64>(2), &ctx, "alist");
                exact &= check_list(&r.blist, &case.output::<f64>(3), &ctx, "blist");
                exact &= check_list(&r.rlist, &case.output::<f64>(4), &ctx, "rlist");
                exact &= check_list(&r.elist, &case.output::<f64>(5), &ctx, "elist");
                // iord is ordered for the first k entries only (k = last, or
                // limit + 1 - last late in the subdivision); compare those.
                let k = if r.last <= opts.limit / 2 + 2 {
                    r.last
                } else {
                    opts.limit + 1 - r.last
                };
                let want_iord = case.output::<i64>(6).to_vec();
                let got_iord: Vec<i64> = r.iord.iter().map(|&i| i as i64).collect();
                assert_eq!(
                    &got_iord[..k.min(got_iord.len())],
                    &want_iord[..k.min(want_iord.len())],
                    "{ctx}: iord"
                );
                match extra {
                    QuadExtra::Points { pts, level, ndin } => {
                        exact &= check_list(pts, &case.output::<f64>(7), &ctx, "pts");
                        let lv: Vec<i64> = level.iter().map(|&v| v as i64).collect();
                        assert_eq!(lv, case.output::<i64>(8).to_vec(), "{ctx}: level");
                        let nd: Vec<i64> = ndin.iter().map(|&v| v as i64).collect();
                        let want_nd = case.output::<i64>(9).to_vec();
                        // SciPy's ndin has npts2 entries, of which the first nint are set.
                        let nint = pts.len() - 1;
                        assert_eq!(&nd[..nint], &want_nd[..nint], "{ctx}: ndin");
                    }
                    QuadExtra::Oscillatory { nnlog, momcom, .. } => {
                        let nl: Vec<i64> = nnlog.iter().map(|&v| v as i64).collect();
                        assert_eq!(nl, case.output::<i64>(7).to_vec(), "{ctx}: nnlog");
                        assert_eq!(*momcom as i64, case.output::<i64>(8).to_vec()[0], "{ctx}: momcom");
                    }
                    _ => {}
                }
            }
        }
        let want_exact = case.f64_param("exact");
        if want_exact.is_finite() && r.ier == 0 {
            // The value is within its error estimate of the closed form
            // (plus a few ulps for closed forms evaluated in floating point).
            let tol = r.abserr.max(8.0 * f64::EPSILON * want_exact.abs()).max(1e-300);
            assert!(
                (r.value - want_exact).abs() <= tol,
                "{ctx}: value {} vs closed form {want_exact} (abserr {})",
                r.value,
                r.abserr
            );
            closed_form += 1;
        }
        if exact {
            bit_exact += 1;
        }
        checked += 1;
    }
    assert_eq!(checked, cases.len());
    assert_eq!(cases.len(), 107);
    eprintln!("quad: {checked} cases, {bit_exact} bit-identical, {closed_form} checked against closed forms");
}
