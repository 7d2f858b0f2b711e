//! Conformance of elementwise arithmetic, comparisons, logical and bitwise
//! functions, and closeness tests against NumPy 2.4.6 (data:
//! tools/refgen/gen_arith.py).
//!
//! Every comparison is exact (`assert_same`: NaN equals NaN, the sign of
//! zero counts): each result element is one IEEE operation (or NumPy's
//! divmod recipe, or an integer operation), so NumPy's values are
//! reproduced bit for bit. The single exception is stated where it is made.

use crate::common;

use common::{Case, assert_same, check_all_cases, expect_with, param_f64, view_of, with_types};
use numox::prelude::*;
use numox::{Bitwise, Compare, IsClose, Scalar, TrueDivide};
use std::ops::{Add, Div, Mul, Rem, Sub};
use std::panic::{AssertUnwindSafe, catch_unwind};

type R = Result<(), String>;

/// Checks a fallible result against the case: NumPy's error, or its output 0.
fn expect<T: Element>(c: &Case, got: numox::Result<Array<T>>) -> R {
    expect_with(c, got, |v| assert_same(v, &c.output::<T>(0), c.ctx()))
}

/// The scalar parameter `s` as the element type (JSON integers exactly).
fn scalar_param<T: Element>(c: &Case) -> T {
    let v = c.param("s").expect("scalar param");
    match v.as_i64() {
        Some(i) => T::from_scalar(Scalar::Int(i)),
        None => T::from_scalar(Scalar::Float(param_f64(v))),
    }
}

macro_rules! numeric {
    ($c:expr, $T:ident => $body:expr) => {
        with_types!($c, $T => $body, [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex32, Complex64])
    };
}
macro_rules! real {
    ($c:expr, $T:ident => $body:expr) => {
        with_types!($c, $T => $body, [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64])
    };
}
macro_rules! all13 {
    ($c:expr, $T:ident => $body:expr) => {
        with_types!($c, $T => $body, [bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex32, Complex64])
    };
}
macro_rules! bitwise {
    ($c:expr, $T:ident => $body:expr) => {
        with_types!($c, $T => $body, [bool, i8, i16, i32, i64, u8, u16, u32, u64])
    };
}

/// `+ - * /` and `negative`: operator form and checked twin must both agree with NumPy.
fn arith<T: Numeric>(c: &Case) -> R {
    let (a0, b0) = (c.input::<T>(0), c.inputs.get(1).map(|_| c.input::<T>(1)));
    let a = view_of(&a0, c, 0);
    if c.op == "negative" {
        assert_same(&-&a, &c.output::<T>(0), c.ctx());
        return expect(c, Ok(numox::negative(&a)));
    }
    let b0 = b0.expect("binary op");
    let b = view_of(&b0, c, 1);
    let checked = match c.op.as_str() {
        "add" => numox::add(&a, &b),
        "subtract" => numox::subtract(&a, &b),
        "multiply" => numox::multiply(&a, &b),
        "div" => numox::divide(&a, &b),
        op => return Err(format!("unknown arith op {op}")),
    };
    if c.error.is_none() {
        let op = match c.op.as_str() {
            "add" => &a + &b,
            "subtract" => &a - &b,
            "multiply" => &a * &b,
            _ => &a / &b,
        };
        assert_same(&op, &c.output::<T>(0), c.ctx());
        // The owned-operand forms reuse buffers; they must give the same values.
        let owned = match c.op.as_str() {
            "add" => a.to_owned() + b.to_owned(),
            "subtract" => a.to_owned() - b.to_owned(),
            "multiply" => a.to_owned() * b.to_owned(),
            _ => a.to_owned() / b.to_owned(),
        };
        assert_same(&owned, &c.output::<T>(0), c.ctx());
    }
    expect(c, checked)
}

fn real_ops<T: RealNumeric>(c: &Case) -> R {
    let (a0, b0) = (c.input::<T>(0), c.input::<T>(1));
    let (a, b) = (view_of(&a0, c, 0), view_of(&b0, c, 1));
    match c.op.as_str() {
        "remainder" => {
            if c.error.is_none() {
                assert_same(&(&a % &b), &c.output::<T>(0), c.ctx());
            }
            expect(c, numox::remainder(&a, &b))
        }
        "floor_divide" => expect(c, numox::floor_divide(&a, &b)),
        op => Err(format!("unknown op {op}")),
    }
}

fn true_div<T: TrueDivide>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    expect(c, numox::true_divide(&a, &b))
}

fn compare<T: Compare>(c: &Case) -> R {
    let (a0, b0) = (c.input::<T>(0), c.input::<T>(1));
    let (a, b) = (view_of(&a0, c, 0), view_of(&b0, c, 1));
    let got = match c.op.as_str() {
        "equal" => numox::equal(&a, &b),
        "not_equal" => numox::not_equal(&a, &b),
        "less" => numox::less(&a, &b),
        "less_equal" => numox::less_equal(&a, &b),
        "greater" => numox::greater(&a, &b),
        "greater_equal" => a.greater_equal(&b),
        op => return Err(format!("unknown comparison {op}")),
    };
    expect(c, got)
}

fn logical<T: Element>(c: &Case) -> R {
    let a = c.input::<T>(0);
    if c.op == "logical_not" {
        return expect(c, Ok(numox::logical_not(&a)));
    }
    let b = c.input::<T>(1);
    let got = match c.op.as_str() {
        "logical_and" => numox::logical_and(&a, &b),
        "logical_or" => numox::logical_or(&a, &b),
        "logical_xor" => numox::logical_xor(&a, &b),
        op => return Err(format!("unknown logical op {op}")),
    };
    expect(c, got)
}

fn bitwise<T: Bitwise>(c: &Case) -> R {
    let a = c.input::<T>(0);
    if c.op == "invert" {
        return expect(c, Ok(!&a));
    }
    let b = c.input::<T>(1);
    let got = match c.op.as_str() {
        "bitwise_and" => &a & &b,
        "bitwise_or" => &a | &b,
        "bitwise_xor" => &a ^ &b,
        op => return Err(format!("unknown bitwise op {op}")),
    };
    expect(c, Ok(got))
}

/// `a op s` and `s op a` with a scalar of the element type.
fn scalar_numeric<T>(c: &Case) -> R
where
    T: Numeric,
    for<'x> T: Add<&'x Array<T>, Output = Array<T>>
        + Sub<&'x Array<T>, Output = Array<T>>
        + Mul<&'x Array<T>, Output = Array<T>>
        + Div<&'x Array<T>, Output = Array<T>>
        + Mul<Array<T>, Output = Array<T>>,
{
    let a = c.input::<T>(0);
    let s: T = scalar_param(c);
    let right = c.str_param("side") == "right";
    let got = match (c.op.as_str(), right) {
        ("add_scalar", true) => &a + s,
        ("add_scalar", false) => s + &a,
        ("subtract_scalar", true) => &a - s,
        ("subtract_scalar", false) => s - &a,
        ("multiply_scalar", true) => a.clone() * s,
        ("multiply_scalar", false) => s * a.clone(),
        ("div_scalar", true) => a.view() / s,
        ("div_scalar", false) => s / &a,
        (op, _) => return Err(format!("unknown scalar op {op}")),
    };
    expect(c, Ok(got))
}

fn scalar_real<T>(c: &Case) -> R
where
    T: RealNumeric,
    for<'x> T: Rem<&'x Array<T>, Output = Array<T>>,
{
    let a = c.input::<T>(0);
    let s: T = scalar_param(c);
    let right = c.str_param("side") == "right";
    let got = match (c.op.as_str(), right) {
        ("remainder_scalar", true) => &a % s,
        ("remainder_scalar", false) => s % &a,
        ("floor_divide_scalar", true) => numox::floor_divide(&a, &Array::from_elem0(s)).unwrap(),
        ("floor_divide_scalar", false) => numox::floor_divide(&Array::from_elem0(s), &a).unwrap(),
        (op, _) => return Err(format!("unknown scalar op {op}")),
    };
    expect(c, Ok(got))
}

fn scalar_compare(c: &Case) -> R {
    let a = c.input::<f64>(0);
    let s = c.f64_param("s");
    let got = match c.op.as_str() {
        "less_scalar" => a.less_scalar(s),
        "greater_equal_scalar" => a.greater_equal_scalar(s),
        "equal_scalar" => a.equal_scalar(s),
        "not_equal_scalar" => a.not_equal_scalar(s),
        op => return Err(format!("unknown scalar comparison {op}")),
    };
    expect(c, Ok(got))
}

/// Compound assignment; a case NumPy rejects must panic (the operators'
/// documented failure mode).
fn compound<T>(c: &Case) -> R
where
    T: RealNumeric,
{
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let mut x = a.clone();
    let res = catch_unwind(AssertUnwindSafe(|| match c.op.as_str() {
        "iadd" => x += &b,
        "isub" => x -= &b,
        "imul" => x *= &b,
        "idiv" => x /= &b,
        "irem" => x %= b.view(),
        op => panic!("unknown compound op {op}"),
    }));
    match (&c.error, res) {
        (Some(_), Err(_)) => Ok(()),
        (Some(e), Ok(())) => Err(format!("NumPy raised {e}, numox did not panic")),
        (None, Err(_)) => Err("numox panicked".into()),
        (None, Ok(())) => expect(c, Ok(x)),
    }
}

fn into(c: &Case) -> R {
    let (a, b) = (c.input::<f64>(0), c.input::<f64>(1));
    let shape: Vec<usize> = c.params["out_shape"]
        .as_array()
        .expect("out_shape")
        .iter()
        .map(|v| v.as_u64().expect("dim") as usize)
        .collect();
    let mut out = Array::<f64>::zeros(&shape);
    let r = match c.op.as_str() {
        "add_into" => numox::add_into(&a, &b, &mut out),
        "subtract_into" => numox::subtract_into(&a, &b, &mut out),
        "multiply_into" => numox::multiply_into(&a, &b, &mut out),
        "div_into" => numox::divide_into(&a, &b, &mut out),
        "remainder_into" => numox::remainder_into(&a, &b, &mut out),
        "floor_divide_into" => numox::floor_divide_into(&a, &b, &mut out),
        op => return Err(format!("unknown into op {op}")),
    };
    expect(c, r.map(|()| out))
}

fn close<T: IsClose>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let (rtol, atol, en) = (
        c.f64_param("rtol"),
        c.f64_param("atol"),
        c.bool_param("equal_nan"),
    );
    match c.op.as_str() {
        "isclose" => expect(c, numox::isclose(&a, &b, rtol, atol, en)),
        _ => expect(c, numox::allclose(&a, &b, rtol, atol, en).map(Array::from_elem0)),
    }
}

fn equal_arrays<T: Compare>(c: &Case) -> R {
    let (a, b) = (c.input::<T>(0), c.input::<T>(1));
    let got = match c.op.as_str() {
        "array_equal" => numox::array_equal(&a, &b, c.bool_param("equal_nan")),
        _ => numox::array_equiv(&a, &b),
    };
    expect(c, Ok(Array::from_elem0(got)))
}

fn check_case(c: &Case) -> R {
    match c.op.as_str() {
        "add" | "subtract" | "multiply" | "div" | "negative" => numeric!(c, T => arith::<T>(c)),
        "remainder" | "floor_divide" => real!(c, T => real_ops::<T>(c)),
        "true_divide" => all13!(c, T => true_div::<T>(c)),
        "equal" | "not_equal" | "less" | "less_equal" | "greater" | "greater_equal" => {
            all13!(c, T => compare::<T>(c))
        }
        "logical_and" | "logical_or" | "logical_xor" | "logical_not" => all13!(c, T => logical::<T>(c)),
        "logical_and_mixed" | "logical_xor_mixed" => {
            let (a, b) = (c.input::<f64>(0), c.input::<i16>(1));
            let got = if c.op == "logical_and_mixed" {
                numox::logical_and(&a, &b)
            } else {
                numox::logical_xor(&a, &b)
            };
            expect(c, got)
        }
        "bitwise_and" | "bitwise_or" | "bitwise_xor" | "invert" => bitwise!(c, T => bitwise::<T>(c)),
        "add_scalar" | "subtract_scalar" | "multiply_scalar" | "div_scalar" => {
            numeric!(c, T => scalar_numeric::<T>(c))
        }
        "remainder_scalar" | "floor_divide_scalar" => real!(c, T => scalar_real::<T>(c)),
        "less_scalar" | "greater_equal_scalar" | "equal_scalar" | "not_equal_scalar" => scalar_compare(c),
        "iadd" | "isub" | "imul" | "idiv" | "irem" => real!(c, T => compound::<T>(c)),
        op if op.ends_with("_into") => into(c),
        "isclose" | "allclose" => all13!(c, T => close::<T>(c)),
        "array_equal" | "array_equiv" => all13!(c, T => equal_arrays::<T>(c)),
        op => Err(format!("unknown op {op}")),
    }
}

#[test]
fn arith_matches_numpy() {
    check_all_cases("arith", 363, check_case);
}
