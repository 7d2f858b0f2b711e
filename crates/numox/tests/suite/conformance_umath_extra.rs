//! Conformance of the remaining elementwise functions against NumPy 2.4.6
//! (data: tools/refgen/gen_umath_extra.py, 69 cases): complex `maximum`,
//! `minimum`, `fmax`, `fmin` (NumPy's lexicographic order and NaN rules);
//! `nan_to_num` of complex numbers (each part), integers and `bool`
//! (unchanged); `sinc` of integers and `bool` (`f64`, as NumPy); and the
//! `out=` forms `frexp_into`, `modf_into`, `divmod_into`, `ldexp_into`,
//! `float_power_into`, `round_into` against NumPy called with `out=`.
//!
//! Tolerances: everything is compared bit for bit (selections, part
//! replacement, exact IEEE operations, NumPy's rounding formula) except
//! * `sinc` and `float_power`: 3 ULP, as for the float inputs in
//!   conformance_umath.rs: numox's `sin`/`pow` are glibc's (< 1 ULP), NumPy's
//!   its own vector code (within 2 ULP by its accuracy tables).

use crate::common;

use common::{Case, assert_same, assert_ulps, check_all_cases, param_f64, with_types};
use numox::prelude::*;
use numox::{Extremum, FloatMath, NanToNum, RealNumeric, Rounding, Sinc};

type R = Result<(), String>;

/// The output shape of an `out=` case.
fn out_shape(c: &Case) -> Vec<usize> {
    c.param("out_shape")
        .and_then(|v| v.as_array())
        .map(|v| v.iter().map(|x| x.as_u64().unwrap() as usize).collect())
        .unwrap_or_else(|| panic!("{}: out_shape missing", c.ctx()))
}

fn is_out(c: &Case) -> bool {
    c.param("out").and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Ok when numox failed exactly where NumPy raised.
fn errors_agree<T>(c: &Case, got: &numox::Result<T>) -> Option<R> {
    match (&c.error, got) {
        (Some(_), Err(_)) => Some(Ok(())),
        (Some(e), Ok(_)) => Some(Err(format!("NumPy raised {e}, numox succeeded"))),
        (None, Err(e)) => Some(Err(format!("numox failed: {e}"))),
        (None, Ok(_)) => None,
    }
}

fn extremum<T: Extremum>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let r = match c.op.as_str() {
        "maximum" => numox::maximum(&a, &b),
        "minimum" => numox::minimum(&a, &b),
        "fmax" => numox::fmax(&a, &b),
        "fmin" => numox::fmin(&a, &b),
        op => return Err(format!("unknown op {op}")),
    }
    .map_err(|e| e.to_string())?;
    assert_same(&r, &c.output::<T>(0), c.ctx());
    if is_out(c) {
        let mut o = Array::<T>::zeros(&out_shape(c)[..]);
        match c.op.as_str() {
            "maximum" => numox::maximum_into(&a, &b, &mut o),
            "minimum" => numox::minimum_into(&a, &b, &mut o),
            "fmax" => numox::fmax_into(&a, &b, &mut o),
            _ => numox::fmin_into(&a, &b, &mut o),
        }
        .map_err(|e| e.to_string())?;
        assert_same(&o, &c.output::<T>(0), c.ctx());
    }
    Ok(())
}

/// `nan_to_num` against NumPy; `_into` and `_inplace` against the allocating form.
fn nan_to_num<T: NanToNum>(c: &Case, part: impl Fn(f64) -> T::Part) -> R {
    let a = c.input::<T>(0);
    let p = |k: &str| c.param(k).filter(|v| !v.is_null()).map(|v| part(param_f64(v)));
    let (nan, pos, neg) = (p("nan").ok_or("nan missing")?, p("posinf"), p("neginf"));
    let r = numox::nan_to_num(&a, nan, pos, neg);
    assert_same(&r, &c.output::<T>(0), c.ctx());
    let mut o = a.clone();
    numox::nan_to_num_into(&a, nan, pos, neg, &mut o).map_err(|e| e.to_string())?;
    assert_same(&o, &r, format!("{} into", c.ctx()));
    let mut inplace = a.clone();
    numox::nan_to_num_inplace(&mut inplace, nan, pos, neg);
    assert_same(&inplace, &r, format!("{} inplace", c.ctx()));
    Ok(())
}

fn sinc<T: Sinc<Output = f64>>(c: &Case) -> R {
    let a = c.input::<T>(0);
    let r = numox::sinc(&a);
    assert_ulps(&r, &c.output::<f64>(0), 3, c.ctx());
    let mut o = Array::<f64>::zeros(a.shape());
    numox::sinc_into(&a, &mut o).map_err(|e| e.to_string())?;
    assert_same(&o, &r, c.ctx());
    Ok(())
}

/// The `out=` forms of the float functions.
fn float_out<T: FloatMath + RealNumeric + Rounding + numox::ToFloat<Float = T> + Into<f64>>(c: &Case) -> R {
    let shape = out_shape(c);
    let a = c.input::<T>(0);
    let zeros = || Array::<T>::zeros(&shape[..]);
    match c.op.as_str() {
        "frexp" => {
            let (mut m, mut e) = (zeros(), Array::<i32>::zeros(&shape[..]));
            let got = numox::frexp_into(&a, &mut m, &mut e);
            if let Some(r) = errors_agree(c, &got) {
                return r;
            }
            assert_same(&m, &c.output::<T>(0), c.ctx());
            assert_same(&e, &c.output::<i32>(1), c.ctx());
        }
        "modf" => {
            let (mut f, mut i) = (zeros(), zeros());
            numox::modf_into(&a, &mut f, &mut i).map_err(|e| e.to_string())?;
            assert_same(&f, &c.output::<T>(0), c.ctx());
            assert_same(&i, &c.output::<T>(1), c.ctx());
        }
        "divmod" => {
            let b = c.input::<T>(1);
            let (mut q, mut r) = (zeros(), zeros());
            let got = numox::divmod_into(&a, &b, &mut q, &mut r);
            if let Some(r) = errors_agree(c, &got) {
                return r;
            }
            assert_same(&q, &c.output::<T>(0), c.ctx());
            assert_same(&r, &c.output::<T>(1), c.ctx());
        }
        "ldexp" => {
            let mut o = zeros();
            numox::ldexp_into(&a, &c.input::<i32>(1), &mut o).map_err(|e| e.to_string())?;
            assert_same(&o, &c.output::<T>(0), c.ctx());
        }
        "float_power" => {
            let mut o = Array::<f64>::zeros(&shape[..]);
            numox::float_power_into(&a, &c.input::<T>(1), &mut o).map_err(|e| e.to_string())?;
            assert_ulps(&o, &c.output::<f64>(0), 3, c.ctx());
        }
        "round" => {
            let mut o = zeros();
            numox::round_into(&a, c.i64_param("decimals") as i32, &mut o).map_err(|e| e.to_string())?;
            assert_same(&o, &c.output::<T>(0), c.ctx());
        }
        op => return Err(format!("unknown out op {op}")),
    }
    Ok(())
}

/// `divmod_into` on integers (NumPy: 0 for a zero divisor, as `divmod`).
fn int_divmod<T: RealNumeric>(c: &Case) -> R {
    let shape = out_shape(c);
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let (mut q, mut r) = (Array::<T>::zeros(&shape[..]), Array::<T>::zeros(&shape[..]));
    numox::divmod_into(&a, &b, &mut q, &mut r).map_err(|e| e.to_string())?;
    assert_same(&q, &c.output::<T>(0), c.ctx());
    assert_same(&r, &c.output::<T>(1), c.ctx());
    Ok(())
}

fn run(c: &Case) -> R {
    let dt = c.inputs[0].dtype();
    match c.op.as_str() {
        "maximum" | "minimum" | "fmax" | "fmin" => {
            with_types!(c, T => extremum::<T>(c), [Complex32, Complex64])
        }
        "nan_to_num" => match dt {
            DType::Complex64 => nan_to_num::<Complex32>(c, |v| v as f32),
            DType::Complex128 => nan_to_num::<Complex64>(c, |v| v),
            DType::Bool => nan_to_num::<bool>(c, |v| v != 0.0),
            _ => with_types!(c, T => nan_to_num::<T>(c, |v| v as T), [i8, i16, i32, i64, u8, u16, u32, u64]),
        },
        "sinc" => with_types!(c, T => sinc::<T>(c), [bool, i8, i16, i32, i64, u8, u16, u32, u64]),
        "divmod" if !matches!(dt, DType::Float32 | DType::Float64) => {
            with_types!(c, T => int_divmod::<T>(c), [i32, i64, u8])
        }
        _ => with_types!(c, T => float_out::<T>(c), [f32, f64]),
    }
}

#[test]
fn umath_extra_matches_numpy() {
    check_all_cases("umath_extra", 69, run);
}

#[test]
fn two_output_forms_reject_outputs_of_different_shapes() {
    let a = array![1.0, 2.0];
    let (mut m, mut e) = (Array::<f64>::zeros(&[2][..]), Array::<i32>::zeros(&[3][..]));
    let err = numox::frexp_into(&a, &mut m, &mut e).unwrap_err().to_string();
    assert!(err.contains("frexp"), "{err}");
    let (mut f, mut i) = (Array::<f64>::zeros(&[2][..]), Array::<f64>::zeros(&[1, 2][..]));
    assert!(numox::modf_into(&a, &mut f, &mut i).is_err());
    let (mut q, mut r) = (Array::<f64>::zeros(&[2][..]), Array::<f64>::zeros(&[2, 1][..]));
    assert!(numox::divmod_into(&a, &a, &mut q, &mut r).is_err());
    let mut o = Array::<f64>::zeros(&[3][..]);
    assert!(numox::round_into(&a, 1, &mut o).is_err());
    assert!(numox::ldexp_into(&a, &array![1, 2, 3], &mut o).is_err());
    assert!(numox::float_power_into(&a, &a, &mut o).is_err());
    assert!(numox::nan_to_num_into(&a, 0.0, None, None, &mut o).is_err());
}
