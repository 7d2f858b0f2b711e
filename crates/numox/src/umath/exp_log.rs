//! Square root, exponentials and logarithms (NumPy's `sqrt`, `exp`, `exp2`,
//! `expm1`, `log`, `log2`, `log10`, `log1p`, `reciprocal`), for `f32`, `f64`
//! and complex numbers ([`Transcendental`]).
//!
//! Real results are within 1 ULP of the exact value (NumPy's accuracy
//! tables); complex ones use `num_complex`'s formulas (C99's branch cuts)
//! and agree with NumPy to a few ULP of the result's magnitude.

use super::traits::Transcendental;
use super::unary_same;

unary_same!(
    /// The non-negative square root, elementwise (NumPy's `np.sqrt`);
    /// NaN for negative reals, the principal root for complex numbers.
    sqrt, sqrt_into, sqrt_inplace, Transcendental, A::k_sqrt, "sqrt",
    "array![4.0, 9.0, 0.25]" => "array![2.0, 3.0, 0.5]"
);
unary_same!(
    /// `e^x`, elementwise (NumPy's `np.exp`). Vector kernel for `f32`/`f64`
    /// (< 0.52 ULP).
    exp, exp_into, exp_inplace, Transcendental, A::k_exp, "exp",
    "array![0.0f32, 1.0]" => "array![1.0f32, std::f32::consts::E]"
);
unary_same!(
    /// `2^x`, elementwise (NumPy's `np.exp2`).
    exp2, exp2_into, exp2_inplace, Transcendental, A::k_exp2, "exp2",
    "array![3.0, -1.0]" => "array![8.0, 0.5]"
);
unary_same!(
    /// `e^x - 1`, accurate for small `x` (NumPy's `np.expm1`).
    expm1, expm1_into, expm1_inplace, Transcendental, A::k_expm1, "expm1",
    "array![0.0, 1e-20]" => "array![0.0, 1e-20]"
);
unary_same!(
    /// The natural logarithm (NumPy's `np.log`): `-inf` at 0, NaN for
    /// negative reals, the principal branch for complex numbers. Vector
    /// kernel for `f32`/`f64` (< 1 ULP).
    log, log_into, log_inplace, Transcendental, A::k_log, "log",
    "array![1.0, 0.0]" => "array![0.0, f64::NEG_INFINITY]"
);
unary_same!(
    /// The base-2 logarithm (NumPy's `np.log2`).
    log2, log2_into, log2_inplace, Transcendental, A::k_log2, "log2",
    "array![8.0, 0.5]" => "array![3.0, -1.0]"
);
unary_same!(
    /// The base-10 logarithm (NumPy's `np.log10`).
    log10, log10_into, log10_inplace, Transcendental, A::k_log10, "log10",
    "array![1000.0, 0.01]" => "array![3.0, -2.0]"
);
unary_same!(
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
