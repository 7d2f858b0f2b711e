//! Conformance of the float functions on integer and `bool` input against
//! NumPy 2.4.6 (data: tools/refgen/gen_umath_int.py, 522 cases).
//!
//! NumPy promotes integers in its float ufuncs: `int16`/`uint16` to
//! `float32`, 32- and 64-bit integers to `float64`, and `bool`/`int8`/`uint8`
//! to `float16`, which numox does not have: numox computes those in `f32`
//! ([`ToFloat`]), and their reference values are NumPy's on the input cast to
//! `float32`. The output dtype is checked too (reading NumPy's output as
//! `T::Float` fails on any other dtype).
//!
//! Tolerances are those of the float tests (conformance_umath.rs) for the same
//! function, because after the conversion (exact below 2^24 / 2^53, and for
//! larger 64-bit values the same round-to-nearest as NumPy's cast) numox runs
//! the very kernels the float tests check on the same float values:
//! * **exact** (bit for bit): `sqrt` (one IEEE operation), `fabs`, `rint`,
//!   `spacing`, the angle conversions (one multiplication by the same
//!   constant), classification, `frexp`, `modf`, `ldexp`, `copysign`,
//!   `nextafter`, `heaviside`, `cbrt` of `f64`, and `floor`/`ceil`/`trunc`/
//!   `fix`/`round`, which keep the integer type;
//! * **3 ULP (f64) / 5 ULP (f32)** for the transcendental functions,
//!   `arctan2`, `hypot`, `logaddexp(2)`, `float_power` and `f32` `cbrt`:
//!   numox within 1 ULP of the exact value, NumPy within its own table bound
//!   (2 ULP `f64`, 4 ULP `f32`; SVML-derived vector code).

use crate::common;

use super::conformance_umath::{Tol, check, expect};
use common::{Case, assert_same, check_all_cases, view_of, with_types};
use numox::prelude::*;
use numox::{FloatMath, RealNumeric, Rounding, ToFloat, Transcendental};

type R = Result<(), String>;

/// The unary float functions: the allocating form against NumPy, the
/// `_into` form against the allocating one (same kernel: same bits).
fn unary<T, F>(c: &Case) -> R
where
    T: ToFloat<Float = F>,
    F: FloatMath + Transcendental,
{
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    let (e, u) = (Tol::Exact, Tol::Ulp);
    macro_rules! go {
        ($name:ident, $into:ident, $tol:expr) => {{
            let r = numox::$name(&a);
            let mut o = Array::<F>::zeros(a.shape());
            numox::$into(&a, &mut o).map_err(|e| e.to_string())?;
            assert_same(&o, &r, c.ctx());
            check(c, &r, 0, $tol);
        }};
    }
    macro_rules! classify {
        ($name:ident, $into:ident) => {{
            let r = numox::$name(&a);
            let mut o = Array::<bool>::zeros(a.shape());
            numox::$into(&a, &mut o).map_err(|e| e.to_string())?;
            assert_same(&o, &r, c.ctx());
            check(c, &r, 0, e);
        }};
    }
    let cbrt_tol = if F::DTYPE == DType::Float32 { u } else { e };
    match c.op.as_str() {
        "sqrt" => go!(sqrt, sqrt_into, e),
        "cbrt" => go!(cbrt, cbrt_into, cbrt_tol),
        "exp" => go!(exp, exp_into, u),
        "exp2" => go!(exp2, exp2_into, u),
        "expm1" => go!(expm1, expm1_into, u),
        "log" => go!(log, log_into, u),
        "log2" => go!(log2, log2_into, u),
        "log10" => go!(log10, log10_into, u),
        "log1p" => go!(log1p, log1p_into, u),
        "sin" => go!(sin, sin_into, u),
        "cos" => go!(cos, cos_into, u),
        "tan" => go!(tan, tan_into, u),
        "arcsin" => go!(arcsin, arcsin_into, u),
        "arccos" => go!(arccos, arccos_into, u),
        "arctan" => go!(arctan, arctan_into, u),
        "sinh" => go!(sinh, sinh_into, u),
        "cosh" => go!(cosh, cosh_into, u),
        "tanh" => go!(tanh, tanh_into, u),
        "arcsinh" => go!(arcsinh, arcsinh_into, u),
        "arccosh" => go!(arccosh, arccosh_into, u),
        "arctanh" => go!(arctanh, arctanh_into, u),
        "deg2rad" => go!(deg2rad, deg2rad_into, e),
        "rad2deg" => go!(rad2deg, rad2deg_into, e),
        "radians" => go!(radians, radians_into, e),
        "degrees" => go!(degrees, degrees_into, e),
        "rint" => go!(rint, rint_into, e),
        "fabs" => go!(fabs, fabs_into, e),
        "spacing" => go!(spacing, spacing_into, e),
        "signbit" => classify!(signbit, signbit_into),
        "isposinf" => classify!(isposinf, isposinf_into),
        "isneginf" => classify!(isneginf, isneginf_into),
        "frexp" => {
            let (m, x) = numox::frexp(&a);
            check(c, &m, 0, e);
            check(c, &x, 1, e);
        }
        "modf" => {
            let (f, i) = numox::modf(&a);
            check(c, &f, 0, e);
            check(c, &i, 1, e);
        }
        op => return Err(format!("unknown unary op {op}")),
    }
    Ok(())
}

/// `floor`, `ceil`, `trunc`, `fix`, `round`: integers keep their type.
fn rounding<T: Rounding>(c: &Case) -> R {
    let a = c.input::<T>(0);
    let e = Tol::Exact;
    match c.op.as_str() {
        "floor" => {
            let mut o = Array::<T>::zeros(a.shape());
            numox::floor_into(&a, &mut o).map_err(|e| e.to_string())?;
            let mut ip = a.clone();
            numox::floor_inplace(&mut ip);
            assert_same(&o, &ip, c.ctx());
            check(c, &numox::floor(&a), 0, e)
        }
        "ceil" => check(c, &numox::ceil(&a), 0, e),
        "trunc" => check(c, &numox::trunc(&a), 0, e),
        "fix" => check(c, &numox::fix(&a), 0, e),
        "round" => check(c, &numox::round(&a, c.i64_param("decimals") as i32), 0, e),
        op => return Err(format!("unknown rounding op {op}")),
    }
    Ok(())
}

/// The binary float functions, both operands of one integer type.
fn binary<T, F>(c: &Case) -> R
where
    T: ToFloat<Float = F>,
    F: FloatMath,
{
    let e = Tol::Exact;
    if c.op == "ldexp" {
        // the exponents are int32 whatever the mantissas' type
        return expect(c, numox::ldexp(&c.input::<T>(0), &c.input::<i32>(1)), e);
    }
    let (a0, b0) = (c.input::<T>(0), c.input::<T>(1));
    let (a, b) = (view_of(&a0, c, 0), view_of(&b0, c, 1));
    let u = Tol::Ulp;
    macro_rules! go {
        ($name:ident, $into:ident, $tol:expr) => {{
            let r = numox::$name(&a, &b);
            if let Ok(r) = &r {
                let mut o = Array::<F>::zeros(r.shape());
                numox::$into(&a, &b, &mut o).map_err(|e| e.to_string())?;
                assert_same(&o, r, c.ctx());
            }
            expect(c, r, $tol)
        }};
    }
    match c.op.as_str() {
        "arctan2" => go!(arctan2, arctan2_into, u),
        "hypot" => go!(hypot, hypot_into, u),
        "logaddexp" => go!(logaddexp, logaddexp_into, u),
        "logaddexp2" => go!(logaddexp2, logaddexp2_into, u),
        "copysign" => go!(copysign, copysign_into, e),
        "nextafter" => go!(nextafter, nextafter_into, e),
        "heaviside" => go!(heaviside, heaviside_into, e),
        op => Err(format!("unknown binary op {op}")),
    }
}

/// `float_power`: always `f64` (numox takes integers and floats, not `bool`).
fn float_power<T: RealNumeric + ToFloat<Float: Into<f64>>>(c: &Case) -> R {
    let (a0, b0) = (c.input::<T>(0), c.input::<T>(1));
    let (a, b) = (view_of(&a0, c, 0), view_of(&b0, c, 1));
    expect(c, numox::float_power(&a, &b), Tol::Ulp)
}

fn run(c: &Case) -> R {
    match c.op.as_str() {
        "floor" | "ceil" | "trunc" | "fix" | "round" => {
            with_types!(c, T => rounding::<T>(c), [i8, i16, i32, i64, u8, u16, u32, u64])
        }
        "float_power" => with_types!(c, T => float_power::<T>(c), [i8, i16, i32, i64, u8, u16, u32, u64]),
        _ if c.op == "ldexp" || c.inputs.len() == 2 => with_types!(
            c, T => binary::<T, <T as ToFloat>::Float>(c), [bool, i8, i16, i32, i64, u8, u16, u32, u64]
        ),
        _ => with_types!(
            c, T => unary::<T, <T as ToFloat>::Float>(c), [bool, i8, i16, i32, i64, u8, u16, u32, u64]
        ),
    }
}

#[test]
fn float_functions_on_integers_match_numpy() {
    check_all_cases("umath_int", 522, run);
}

/// Large inputs take the parallel chunked path and the 256-element
/// conversion blocks: same bits as converting first, on every layout.
#[test]
fn integer_input_equals_converted_input_at_every_size() {
    for n in [0usize, 1, 255, 256, 257, 70_001, 300_007] {
        let a = Array::from_shape_vec(&[n], (0..n as i64).map(|i| i * 7919 - 1_000_000).collect()).unwrap();
        let f: Array<f64> = a.astype();
        assert_same(&numox::sqrt(&a), &numox::sqrt(&f), format!("sqrt n={n}"));
        assert_same(&numox::sin(&a), &numox::sin(&f), format!("sin n={n}"));
        assert_same(&numox::signbit(&a), &numox::signbit(&f), format!("signbit n={n}"));
        let rev = a.slice(s![..;-1]);
        assert_same(
            &numox::exp(&rev),
            &numox::exp(&f.slice(s![..;-1])),
            format!("exp rev n={n}"),
        );
        let small: Array<i16> = a.astype();
        let small_f: Array<f32> = small.astype();
        assert_same(
            &numox::log1p(&small),
            &numox::log1p(&small_f),
            format!("log1p i16 n={n}"),
        );
    }
}

/// The `_into` form checks `out`'s shape as for floats.
#[test]
fn integer_into_shape_mismatch_is_an_error() {
    let a = array![1i32, 2, 3];
    let mut out = Array::<f64>::zeros(&[2]);
    assert!(numox::sqrt_into(&a, &mut out).is_err());
    assert!(numox::arctan2_into(&a, &a, &mut out).is_err());
    assert!(numox::arctan2(&a, &array![1i32, 2]).is_err());
}
