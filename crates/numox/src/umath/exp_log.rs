//! Square root, exponentials and logarithms (NumPy's `sqrt`, `exp`, `exp2`,
//! `expm1`, `log`, `log2`, `log10`, `log1p`, `reciprocal`), for `f32`, `f64`
//! and complex numbers ([`Transcendental`]).
//!
//! Real results are within 1 ULP of the exact value (NumPy's accuracy
//! tables); complex ones use `num_complex`'s formulas (C99's branch cuts)
//! and agree with NumPy to a few ULP of the result's magnitude.

use super::traits::Transcendental;
use super::{unary_float, unary_same};

unary_float!(
    /// The non-negative square root, elementwise (NumPy's `np.sqrt`);
    /// NaN for negative reals, the principal root for complex numbers.
    ///
    /// Integers are promoted as NumPy promotes them (`i64` → `f64`, `i16` →
    /// `f32`; `i8`/`u8`/`bool` → `f32` where NumPy uses `float16`):
    ///
    /// ```
    /// use numox::prelude::*;
    /// let r: Array<f64> = numox::sqrt(&array![16i64, 2, -4]);
    /// assert_eq!(r[[0]], 4.0);
    /// assert_eq!(r[[1]], std::f64::consts::SQRT_2);
    /// assert!(r[[2]].is_nan());
    /// let mut out = Array::<f32>::zeros(&[2]);
    /// numox::sqrt_into(&array![9u16, 0], &mut out).unwrap();
    /// assert_eq!(out, array![3.0f32, 0.0]);
    /// ```
    sqrt, sqrt_into, sqrt_inplace, Transcendental, A::k_sqrt, "sqrt",
    "array![4.0, 9.0, 0.25]" => "array![2.0, 3.0, 0.5]"
);
unary_float!(
    /// `e^x`, elementwise (NumPy's `np.exp`). Vector kernel for `f32`/`f64`
    /// (< 0.52 ULP).
    exp, exp_into, exp_inplace, Transcendental, A::k_exp, "exp",
    "array![0.0f32, 1.0]" => "array![1.0f32, std::f32::consts::E]"
);
unary_float!(
    /// `2^x`, elementwise (NumPy's `np.exp2`).
    exp2, exp2_into, exp2_inplace, Transcendental, A::k_exp2, "exp2",
    "array![3.0, -1.0]" => "array![8.0, 0.5]"
);
unary_float!(
    /// `e^x - 1`, accurate for small `x` (NumPy's `np.expm1`).
    expm1, expm1_into, expm1_inplace, Transcendental, A::k_expm1, "expm1",
    "array![0.0, 1e-20]" => "array![0.0, 1e-20]"
);
unary_float!(
    /// The natural logarithm (NumPy's `np.log`): `-inf` at 0, NaN for
    /// negative reals, the principal branch for complex numbers. Vector
    /// kernel for `f32`/`f64` (< 1 ULP).
    log, log_into, log_inplace, Transcendental, A::k_log, "log",
    "array![1.0, 0.0]" => "array![0.0, f64::NEG_INFINITY]"
);
unary_float!(
    /// The base-2 logarithm (NumPy's `np.log2`).
    log2, log2_into, log2_inplace, Transcendental, A::k_log2, "log2",
    "array![8.0, 0.5]" => "array![3.0, -1.0]"
);
unary_float!(
    /// The base-10 logarithm (NumPy's `np.log10`).
    log10, log10_into, log10_inplace, Transcendental, A::k_log10, "log10",
    "array![1000.0, 0.01]" => "array![3.0, -2.0]"
);
unary_float!(
    /// `log(1 + x)`, accurate for small `x` (NumPy's `np.log1p`).
    log1p, log1p_into, log1p_inplace, Transcendental, A::k_log1p, "log1p",
    "array![0.0, 1e-20, -1.0]" => "array![0.0, 1e-20, f64::NEG_INFINITY]"
);
unary_same!(
    /// `1 / x`, elementwise (NumPy's `np.reciprocal` for floats and complex
    /// numbers; for integers NumPy's result is C's `1 / x`, use `astype`).
    reciprocal, reciprocal_into, reciprocal_inplace, Transcendental, A::k_reciprocal, "reciprocal",
    "array![2.0, -0.0]" => "array![0.5, f64::NEG_INFINITY]"
);
