//! Conformance of the elementwise math functions against NumPy 2.4.6
//! (data: tools/refgen/gen_umath.py, 640 cases).
//!
//! Tolerances (each comparison names its reason):
//! * **exact** (bit for bit, NaN == NaN, sign of zero counted): every
//!   function whose result is one IEEE operation or a pure bit/integer
//!   computation: rounding, `sqrt`, `reciprocal`, `fabs`, `abs`, `sign`,
//!   `square`, classification, `copysign`, `nextafter`, `spacing`, `ldexp`,
//!   `frexp`, `modf`, `fmod`, `maximum`..`fmin`, `divmod`, `heaviside`,
//!   `round`, `nan_to_num`, the angle conversions, and all integer functions;
//! * **ULPs** for the transcendental functions: numox is within 1 ULP of
//!   the exact value (tests/umath_validation.rs), NumPy within its own table
//!   bound (up to 2 ULP for `f64`, 4 for `f32`; NumPy uses SVML-derived
//!   vector code for many of them), so the two may differ by the sum:
//!   3 ULP for `f64`, 5 for `f32`;
//! * **complex** transcendental functions: `|got - want| <= 64 eps |want|`
//!   (numox uses num-complex's textbook formulas, NumPy C99's `c*`
//!   functions; both are accurate relative to the result's modulus, not
//!   per component). Their inputs are finite: C99's Annex G special values
//!   for infinite/NaN parts are not reproduced (classification, `abs`,
//!   `conj`, `real`, `imag` are checked on them, exactly).

use crate::common;

use common::{
    Case, assert_same, assert_ulps, check_all_cases, expect_with, param_f64, parts, view_of, with_types,
};
use numox::prelude::*;
use numox::{Absolute, Classify, ComplexParts, FloatMath, Fmod, Integer, Power, Signum, Transcendental};

type R = Result<(), String>;

/// How a result is compared with NumPy's (conformance_umath_int.rs uses
/// the same, see the module docs of both).
#[derive(Clone, Copy)]
pub(super) enum Tol {
    /// Bit for bit.
    Exact,
    /// Transcendental: 3 ULP (f64) / 5 ULP (f32), see the module docs.
    Ulp,
    /// Complex: 64 eps relative to |want|.
    CRel,
}

pub(super) fn check<T: Element>(c: &Case, got: &Array<T>, k: usize, tol: Tol) {
    let want = c.output::<T>(k);
    let ctx = format!("{} output {k}", c.ctx());
    match tol {
        Tol::Exact => assert_same(got, &want, ctx),
        Tol::Ulp => {
            let single = matches!(T::DTYPE, DType::Float32 | DType::Complex64);
            assert_ulps(got, &want, if single { 5 } else { 3 }, ctx)
        }
        Tol::CRel => {
            assert_eq!(got.shape(), want.shape(), "{ctx}");
            let single = matches!(T::DTYPE, DType::Complex64 | DType::Float32);
            let eps = if single { f32::EPSILON as f64 } else { f64::EPSILON };
            for (g, w) in got.iter().zip(want.iter()) {
                let (g, w) = (parts(g.to_scalar()), parts(w.to_scalar()));
                let err = (g.0 - w.0).hypot(g.1 - w.1);
                let m = w.0.hypot(w.1);
                assert!(
                    err <= 64.0 * eps * m.max(f64::MIN_POSITIVE),
                    "{ctx}: got {g:?}, want {w:?}"
                );
            }
        }
    }
}

/// Checks a fallible result: NumPy's error, or its output with `tol`.
pub(super) fn expect<T: Element>(c: &Case, got: numox::Result<Array<T>>, tol: Tol) -> R {
    expect_with(c, got, |v| check(c, v, 0, tol))
}

const TRANS: [&str; 21] = [
    "sqrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "arctan",
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "reciprocal",
];

/// The functions of [`Transcendental`], every form (plain, `_into`, `_inplace`).
fn trans<T: Transcendental>(c: &Case, tol: Tol) -> R {
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    macro_rules! go {
        ($($name:ident, $into:ident, $inplace:ident);*) => {
            match c.op.as_str() {
                $(stringify!($name) => {
                    let r = numox::$name(&a);
                    let mut o = Array::<T>::zeros(a.shape());
                    numox::$into(&a, &mut o).map_err(|e| e.to_string())?;
                    let mut ip = a.to_owned();
                    numox::$inplace(&mut ip);
                    (r, o, ip)
                })*
                op => return Err(format!("not transcendental: {op}")),
            }
        };
    }
    let (r, o, ip) = go!(sqrt, sqrt_into, sqrt_inplace; exp, exp_into, exp_inplace; exp2, exp2_into, exp2_inplace;
        expm1, expm1_into, expm1_inplace; log, log_into, log_inplace; log2, log2_into, log2_inplace;
        log10, log10_into, log10_inplace; log1p, log1p_into, log1p_inplace; sin, sin_into, sin_inplace;
        cos, cos_into, cos_inplace; tan, tan_into, tan_inplace; arcsin, arcsin_into, arcsin_inplace;
        arccos, arccos_into, arccos_inplace; arctan, arctan_into, arctan_inplace; sinh, sinh_into, sinh_inplace;
        cosh, cosh_into, cosh_inplace; tanh, tanh_into, tanh_inplace; arcsinh, arcsinh_into, arcsinh_inplace;
        arccosh, arccosh_into, arccosh_inplace; arctanh, arctanh_into, arctanh_inplace;
        reciprocal, reciprocal_into, reciprocal_inplace);
    // sqrt and reciprocal are one correctly rounded IEEE operation.
    let tol = if matches!(c.op.as_str(), "sqrt" | "reciprocal") && !matches!(tol, Tol::CRel) {
        Tol::Exact
    } else {
        tol
    };
    check(c, &r, 0, tol);
    // The three forms run the same kernel on the same values: same bits.
    assert_same(&o, &r, c.ctx());
    assert_same(&ip, &r, c.ctx());
    Ok(())
}

/// The float-only functions of [`FloatMath`].
fn float_fns<
    T: FloatMath + numox::Rounding + Absolute<Output = T> + Signum + Classify + ComplexParts<Real = T>,
>(
    c: &Case,
) -> R {
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    let e = Tol::Exact;
    let r = match c.op.as_str() {
        // NumPy's f32 cbrt is SVML-derived vector code, not libm.
        "cbrt" => (
            numox::cbrt(&a),
            if T::DTYPE == DType::Float32 { Tol::Ulp } else { e },
        ),
        "fabs" => (numox::fabs(&a), e),
        "deg2rad" => (numox::deg2rad(&a), e),
        "rad2deg" => (numox::rad2deg(&a), e),
        "radians" => (numox::radians(&a), e),
        "degrees" => (numox::degrees(&a), e),
        "floor" => (numox::floor(&a), e),
        "ceil" => (numox::ceil(&a), e),
        "trunc" => (numox::trunc(&a), e),
        "rint" => (numox::rint(&a), e),
        "fix" => (numox::fix(&a), e),
        "spacing" => (numox::spacing(&a), e),
        // NumPy's sinc calls its own vector sin.
        "sinc" => (numox::sinc(&a), Tol::Ulp),
        "sign" => (numox::sign(&a), e),
        "square" => (numox::square(&a), e),
        "positive" => (numox::positive(&a), e),
        "abs" => (numox::abs(&a), e),
        "conj" => (numox::conj(&a), e),
        "real" => (numox::real(&a), e),
        "imag" => (numox::imag(&a), e),
        "angle" => (numox::angle(&a), Tol::Ulp),
        "round" => (numox::round(&a, c.i64_param("decimals") as i32), e),
        "nan_to_num" => {
            let p = |k: &str| {
                c.param(k)
                    .filter(|v| !v.is_null())
                    .map(|v| T::from(param_f64(v)).unwrap())
            };
            (
                numox::nan_to_num(&a, p("nan").unwrap(), p("posinf"), p("neginf")),
                e,
            )
        }
        "isnan" | "isinf" | "isfinite" | "isposinf" | "isneginf" | "signbit" => {
            let r = match c.op.as_str() {
                "isnan" => numox::isnan(&a),
                "isinf" => numox::isinf(&a),
                "isfinite" => numox::isfinite(&a),
                "isposinf" => numox::isposinf(&a),
                "isneginf" => numox::isneginf(&a),
                _ => numox::signbit(&a),
            };
            check(c, &r, 0, e);
            return Ok(());
        }
        "frexp" => {
            let (m, x) = numox::frexp(&a);
            check(c, &m, 0, e);
            check(c, &x, 1, e);
            return Ok(());
        }
        "modf" => {
            let (f, i) = numox::modf(&a);
            check(c, &f, 0, e);
            check(c, &i, 1, e);
            return Ok(());
        }
        op => return Err(format!("unknown float op {op}")),
    };
    check(c, &r.0, 0, r.1);
    Ok(())
}

/// Unary functions on complex input other than the transcendental ones.
fn complex_fns<T, F>(c: &Case) -> R
where
    T: Absolute<Output = F> + Signum + Classify + ComplexParts<Real = F> + Numeric,
    F: Element,
{
    let a = c.input::<T>(0);
    match c.op.as_str() {
        // numox: libm's hypot; NumPy's vector loop scales and takes a sqrt
        // (within 1-2 ULP of each other); exact on the special values.
        "abs" => check(c, &numox::abs(&a), 0, Tol::Ulp),
        "sign" => check(c, &numox::sign(&a), 0, Tol::CRel),
        // NumPy's complex square is its complex multiply loop; so is numox's.
        "square" => check(c, &numox::square(&a), 0, Tol::Exact),
        "positive" => check(c, &numox::positive(&a), 0, Tol::Exact),
        "isnan" => check(c, &numox::isnan(&a), 0, Tol::Exact),
        "isinf" => check(c, &numox::isinf(&a), 0, Tol::Exact),
        "isfinite" => check(c, &numox::isfinite(&a), 0, Tol::Exact),
        "conj" => check(c, &numox::conj(&a), 0, Tol::Exact),
        "real" => check(c, &numox::real(&a), 0, Tol::Exact),
        "imag" => check(c, &numox::imag(&a), 0, Tol::Exact),
        "angle" => check(c, &numox::angle(&a), 0, Tol::Ulp),
        op => return Err(format!("unknown complex op {op}")),
    }
    Ok(())
}

/// Unary integer functions.
fn int_unary<T: Integer + Absolute<Output = T> + Signum + Classify + Numeric>(c: &Case) -> R {
    let a = c.input::<T>(0);
    match c.op.as_str() {
        "abs" => check(c, &numox::abs(&a), 0, Tol::Exact),
        "sign" => check(c, &numox::sign(&a), 0, Tol::Exact),
        "square" => check(c, &numox::square(&a), 0, Tol::Exact),
        "positive" => check(c, &numox::positive(&a), 0, Tol::Exact),
        "isnan" => check(c, &numox::isnan(&a), 0, Tol::Exact),
        "isinf" => check(c, &numox::isinf(&a), 0, Tol::Exact),
        "isfinite" => check(c, &numox::isfinite(&a), 0, Tol::Exact),
        "invert" => check(c, &numox::invert(&a), 0, Tol::Exact),
        "bitwise_count" => check(c, &numox::bitwise_count(&a), 0, Tol::Exact),
        op => return Err(format!("unknown integer op {op}")),
    }
    Ok(())
}

/// Binary float functions.
fn float_binary<T: FloatMath + Fmod + Power + numox::ToFloat<Float = T> + Into<f64>>(c: &Case) -> R {
    if c.op == "ldexp" {
        return expect(c, numox::ldexp(&c.input::<T>(0), &c.input::<i32>(1)), Tol::Exact);
    }
    let (a0, b0) = (c.input::<T>(0), c.input::<T>(1));
    let (a, b) = (view_of(&a0, c, 0), view_of(&b0, c, 1));
    let (e, u) = (Tol::Exact, Tol::Ulp);
    match c.op.as_str() {
        // libm in both, but NumPy's AVX-512 arctan2/power/hypot differ from glibc's.
        "arctan2" => expect(c, numox::arctan2(&a, &b), u),
        "hypot" => expect(c, numox::hypot(&a, &b), u),
        "copysign" => expect(c, numox::copysign(&a, &b), e),
        "nextafter" => expect(c, numox::nextafter(&a, &b), e),
        "fmod" => expect(c, numox::fmod(&a, &b), e),
        "logaddexp" => expect(c, numox::logaddexp(&a, &b), u),
        "logaddexp2" => expect(c, numox::logaddexp2(&a, &b), u),
        "heaviside" => expect(c, numox::heaviside(&a, &b), e),
        "float_power" => expect(c, numox::float_power(&a, &b), u),
        "power" => expect(c, numox::power(&a, &b), u),
        "maximum" => expect(c, numox::maximum(&a, &b), e),
        "minimum" => expect(c, numox::minimum(&a, &b), e),
        "fmax" => expect(c, numox::fmax(&a, &b), e),
        "fmin" => expect(c, numox::fmin(&a, &b), e),
        "divmod" => match numox::divmod(&a, &b) {
            Err(_) if c.error.is_some() => Ok(()),
            Ok((q, r)) if c.error.is_none() => {
                check(c, &q, 0, e);
                check(c, &r, 1, e);
                Ok(())
            }
            other => Err(format!(
                "divmod: got {:?}, NumPy error {:?}",
                other.is_ok(),
                c.error
            )),
        },
        op => Err(format!("unknown float binary op {op}")),
    }
}

/// Binary integer functions (all exact).
fn int_binary<T: Integer + Fmod + Power>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let e = Tol::Exact;
    match c.op.as_str() {
        "power" => expect(c, numox::power(&a, &b), e),
        "maximum" => expect(c, numox::maximum(&a, &b), e),
        "minimum" => expect(c, numox::minimum(&a, &b), e),
        "fmax" => expect(c, numox::fmax(&a, &b), e),
        "fmin" => expect(c, numox::fmin(&a, &b), e),
        "fmod" => expect(c, numox::fmod(&a, &b), e),
        "divmod" => {
            let (q, r) = numox::divmod(&a, &b).map_err(|e| e.to_string())?;
            check(c, &q, 0, e);
            check(c, &r, 1, e);
            Ok(())
        }
        "gcd" => expect(c, numox::gcd(&a, &b), e),
        "lcm" => expect(c, numox::lcm(&a, &b), e),
        "left_shift" => expect(c, numox::left_shift(&a, &b), e),
        "right_shift" => expect(c, numox::right_shift(&a, &b), e),
        "bitwise_and" => expect(c, numox::bitwise_and(&a, &b), e),
        "bitwise_or" => expect(c, numox::bitwise_or(&a, &b), e),
        "bitwise_xor" => expect(c, numox::bitwise_xor(&a, &b), e),
        op => Err(format!("unknown integer binary op {op}")),
    }
}

fn bool_ops(c: &Case) -> R {
    let a = c.input::<bool>(0);
    match c.op.as_str() {
        "invert" => check(c, &numox::invert(&a), 0, Tol::Exact),
        op => {
            let b = c.input::<bool>(1);
            let r = match op {
                "bitwise_and" => numox::bitwise_and(&a, &b),
                "bitwise_or" => numox::bitwise_or(&a, &b),
                "bitwise_xor" => numox::bitwise_xor(&a, &b),
                _ => return Err(format!("unknown bool op {op}")),
            };
            return expect(c, r, Tol::Exact);
        }
    }
    Ok(())
}

fn complex_power<T: Power>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    expect(c, numox::power(&a, &b), Tol::CRel)
}

fn run(c: &Case) -> R {
    let op = c.op.as_str();
    let dt = c.inputs[0].dtype();
    let complex = matches!(dt, DType::Complex64 | DType::Complex128);
    let float = matches!(dt, DType::Float32 | DType::Float64);
    if dt == DType::Bool {
        return bool_ops(c);
    }
    if TRANS.contains(&op) && (float || complex) {
        let tol = if complex { Tol::CRel } else { Tol::Ulp };
        return with_types!(c, T => trans::<T>(c, tol), [f32, f64, Complex32, Complex64]);
    }
    if complex && op == "power" {
        return with_types!(c, T => complex_power::<T>(c), [Complex32, Complex64]);
    }
    if complex {
        return with_types!(c, T => complex_fns::<T, <T as ComplexParts>::Real>(c), [Complex32, Complex64]);
    }
    if float {
        if c.inputs.len() == 2 {
            return with_types!(c, T => float_binary::<T>(c), [f32, f64]);
        }
        return with_types!(c, T => float_fns::<T>(c), [f32, f64]);
    }
    if c.inputs.len() == 2 {
        return with_types!(c, T => int_binary::<T>(c), [i8, i16, i32, i64, u8, u16, u32, u64]);
    }
    with_types!(c, T => int_unary::<T>(c), [i8, i16, i32, i64, u8, u16, u32, u64])
}

#[test]
fn umath_matches_numpy() {
    check_all_cases("umath", 640, run);
}
