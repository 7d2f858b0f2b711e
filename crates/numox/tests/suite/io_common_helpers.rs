//! Tests of the comparison helpers in `tests/common/mod.rs` that every
//! conformance test relies on: they must accept what they promise to accept
//! and reject everything else.

use crate::common;

use common::{assert_close, assert_same, assert_ulps, param_f64, ulp_distance};
use numox::prelude::*;
use serde_json::json;

#[test]
fn same_treats_nan_as_equal_and_signed_zeros_as_different() {
    assert_same(&array![1.0, f64::NAN, -0.0], &array![1.0, f64::NAN, -0.0], "ok");
    assert_same(&array![1i32, 2], &array![1i32, 2], "ints");
    assert_same(
        &array![Complex::new(f32::NAN, -0.0f32)],
        &array![Complex::new(f32::NAN, -0.0f32)],
        "complex",
    );
    // A NaN with a different payload is still NaN.
    assert_same(
        &array![f64::from_bits(0x7FF8_0000_0000_0001)],
        &array![f64::NAN],
        "payload",
    );
}

#[test]
#[should_panic(expected = "differs")]
fn same_rejects_sign_of_zero() {
    assert_same(&array![0.0], &array![-0.0], "zero");
}

#[test]
#[should_panic(expected = "shape differs")]
fn same_rejects_shape() {
    assert_same(&array![[1, 2]], &array![1, 2], "shape");
}

#[test]
#[should_panic(expected = "differs")]
fn same_rejects_nan_vs_number() {
    assert_same(&array![f64::NAN], &array![1.0], "nan");
}

#[test]
fn close_uses_numpy_allclose_rule() {
    assert_close(
        &array![1.0 + 1e-10, f64::NAN, f64::INFINITY],
        &array![1.0, f64::NAN, f64::INFINITY],
        1e-9,
        0.0,
        "ok",
    );
    assert_close(&array![1e-12], &array![0.0], 0.0, 1e-11, "atol");
    assert_close(
        &array![Complex::new(1.0, 1e-12)],
        &array![Complex::new(1.0, 0.0)],
        1e-11,
        0.0,
        "complex",
    );
}

#[test]
#[should_panic(expected = "rtol")]
fn close_rejects_beyond_tolerance() {
    assert_close(&array![1.0 + 1e-8], &array![1.0], 1e-9, 0.0, "far");
}

#[test]
#[should_panic(expected = "rtol")]
fn close_rejects_nan_position() {
    assert_close(&array![1.0, f64::NAN], &array![1.0, 2.0], 1.0, 1.0, "nan");
}

#[test]
#[should_panic(expected = "rtol")]
fn close_rejects_wrong_infinity() {
    assert_close(
        &array![f64::NEG_INFINITY],
        &array![f64::INFINITY],
        1.0,
        1.0,
        "inf",
    );
}

#[test]
fn ulps_counts_in_the_right_precision() {
    assert_eq!(ulp_distance(1.0, 1.0 + f64::EPSILON, false), 1);
    assert_eq!(ulp_distance(0.0, -0.0, false), 0);
    assert_eq!(ulp_distance(-f64::from_bits(1), f64::from_bits(1), false), 2);
    assert_eq!(ulp_distance(1.0, (1.0f32 + f32::EPSILON) as f64, true), 1);
    let x = 1.0f32;
    let y = f32::from_bits(x.to_bits() + 3);
    assert_ulps(&array![y, f32::NAN], &array![x, f32::NAN], 3, "3 ulps");
}

#[test]
#[should_panic(expected = "ULPs")]
fn ulps_rejects_too_far() {
    let y = f64::from_bits(1.0f64.to_bits() + 5);
    assert_ulps(&array![y], &array![1.0], 4, "5 ulps");
}

#[test]
fn params_spell_non_finite_values() {
    assert!(param_f64(&json!("nan")).is_nan());
    assert_eq!(param_f64(&json!("inf")), f64::INFINITY);
    assert_eq!(param_f64(&json!("-inf")), f64::NEG_INFINITY);
    assert_eq!(param_f64(&json!(2)), 2.0);
    assert_eq!(param_f64(&json!(-0.5)), -0.5);
    assert_eq!(common::param_isize_list(&json!([1, -2])), vec![1, -2]);
    assert_eq!(common::param_axis(Some(&json!(null))), None);
    assert_eq!(common::param_axis(Some(&json!(-1))), Some(-1));
}
