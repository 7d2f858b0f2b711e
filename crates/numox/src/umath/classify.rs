//! Classification (NumPy's `isnan`, `isinf`, `isfinite` for every numeric
//! type; `isposinf`, `isneginf`, `signbit` for floats). All exact.

use super::traits::FloatMath;
use super::{unary_map, unary_map_float};
use crate::element::{Complex32, Complex64, Element};

/// Element types that can be classified as NaN, infinite or finite:
/// integers (always finite), floats and complex numbers (either part).
pub trait Classify: Element {
    /// `true` for NaN.
    ///
    /// ```
    /// use numox::Classify;
    /// assert!(f64::NAN.is_nan_elem() && !3i32.is_nan_elem());
    /// ```
    fn is_nan_elem(self) -> bool;
    /// `true` for ±inf.
    ///
    /// ```
    /// use numox::Classify;
    /// assert!(f32::NEG_INFINITY.is_inf_elem());
    /// ```
    fn is_inf_elem(self) -> bool;
    /// `true` when neither NaN nor infinite.
    ///
    /// ```
    /// use numox::Classify;
    /// assert!(1.0f64.is_finite_elem() && !f64::NAN.is_finite_elem());
    /// ```
    fn is_finite_elem(self) -> bool;
}

macro_rules! classify_int {
    ($($t:ty),*) => {$(
        impl Classify for $t {
            #[inline(always)] fn is_nan_elem(self) -> bool { false }
            #[inline(always)] fn is_inf_elem(self) -> bool { false }
            #[inline(always)] fn is_finite_elem(self) -> bool { true }
        }
    )*};
}
classify_int!(bool, i8, i16, i32, i64, u8, u16, u32, u64);
macro_rules! classify_float {
    ($($t:ty),*) => {$(
        impl Classify for $t {
            #[inline(always)] fn is_nan_elem(self) -> bool { self.is_nan() }
            #[inline(always)] fn is_inf_elem(self) -> bool { self.is_infinite() }
            #[inline(always)] fn is_finite_elem(self) -> bool { self.is_finite() }
        }
    )*};
}
classify_float!(f32, f64);
macro_rules! classify_complex {
    ($($t:ty),*) => {$(
        impl Classify for $t {
            #[inline(always)] fn is_nan_elem(self) -> bool { self.re.is_nan() || self.im.is_nan() }
            #[inline(always)] fn is_inf_elem(self) -> bool { self.re.is_infinite() || self.im.is_infinite() }
            #[inline(always)] fn is_finite_elem(self) -> bool { self.re.is_finite() && self.im.is_finite() }
        }
    )*};
}
classify_complex!(Complex32, Complex64);

unary_map!(
    /// `true` where the element is NaN (NumPy's `np.isnan`; a complex number
    /// is NaN when either part is).
    isnan, isnan_into, Classify, bool, |v: A| v.is_nan_elem(), "isnan",
    "array![1.0, f64::NAN]" => "array![false, true]"
);
unary_map!(
    /// `true` where the element is ±inf (NumPy's `np.isinf`).
    isinf, isinf_into, Classify, bool, |v: A| v.is_inf_elem(), "isinf",
    "array![f64::NEG_INFINITY, f64::NAN]" => "array![true, false]"
);
unary_map!(
    /// `true` where the element is neither NaN nor infinite (NumPy's `np.isfinite`).
    isfinite, isfinite_into, Classify, bool, |v: A| v.is_finite_elem(), "isfinite",
    "array![1.0, f64::INFINITY, f64::NAN]" => "array![true, false, false]"
);
unary_map_float!(
    /// `true` where the element is `+inf` (NumPy's `np.isposinf`).
    isposinf, isposinf_into, FloatMath, bool, |v: A| v == A::infinity(), "isposinf",
    "array![f64::INFINITY, f64::NEG_INFINITY]" => "array![true, false]"
);
unary_map_float!(
    /// `true` where the element is `-inf` (NumPy's `np.isneginf`).
    isneginf, isneginf_into, FloatMath, bool, |v: A| v == A::neg_infinity(), "isneginf",
    "array![f64::INFINITY, f64::NEG_INFINITY]" => "array![false, true]"
);
unary_map_float!(
    /// `true` where the sign bit is set, including `-0.0` and negative NaNs
    /// (NumPy's `np.signbit`).
    signbit, signbit_into, FloatMath, bool, |v: A| num_traits::Float::is_sign_negative(v), "signbit",
    "array![-0.0, 0.0, -1.0]" => "array![true, false, true]"
);
