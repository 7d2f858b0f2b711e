//! Trigonometric and hyperbolic functions and their inverses (NumPy's
//! `sin`, `cos`, `tan`, `arcsin`, `arccos`, `arctan`, `sinh`, `cosh`,
//! `tanh`, `arcsinh`, `arccosh`, `arctanh`), for `f32`, `f64` and complex
//! numbers ([`Transcendental`]). `sin` and `cos` of reals run vector
//! kernels (< 1 ULP, libm's Payne-Hanek reduction beyond `|x| = 2^20`).

use super::traits::Transcendental;
use super::unary_float;

unary_float!(
    /// The sine, elementwise (NumPy's `np.sin`), in radians.
    sin, sin_into, sin_inplace, Transcendental, A::k_sin, "sin",
    "array![0.0, -0.0]" => "array![0.0, -0.0]"
);
unary_float!(
    /// The cosine, elementwise (NumPy's `np.cos`), in radians.
    cos, cos_into, cos_inplace, Transcendental, A::k_cos, "cos",
    "array![0.0, std::f64::consts::PI]" => "array![1.0, -1.0]"
);
unary_float!(
    /// The tangent, elementwise (NumPy's `np.tan`).
    tan, tan_into, tan_inplace, Transcendental, A::k_tan, "tan",
    "array![0.0, std::f64::consts::FRAC_PI_4]" => "array![0.0, 0.9999999999999999]"
);
unary_float!(
    /// The inverse sine in `[-pi/2, pi/2]` (NumPy's `np.arcsin`); NaN
    /// outside `[-1, 1]` for reals.
    arcsin, arcsin_into, arcsin_inplace, Transcendental, A::k_arcsin, "arcsin",
    "array![0.0, 1.0]" => "array![0.0, std::f64::consts::FRAC_PI_2]"
);
unary_float!(
    /// The inverse cosine in `[0, pi]` (NumPy's `np.arccos`).
    arccos, arccos_into, arccos_inplace, Transcendental, A::k_arccos, "arccos",
    "array![1.0, -1.0]" => "array![0.0, std::f64::consts::PI]"
);
unary_float!(
    /// The inverse tangent in `(-pi/2, pi/2)` (NumPy's `np.arctan`).
    arctan, arctan_into, arctan_inplace, Transcendental, A::k_arctan, "arctan",
    "array![0.0, f64::INFINITY]" => "array![0.0, std::f64::consts::FRAC_PI_2]"
);
unary_float!(
    /// The hyperbolic sine (NumPy's `np.sinh`).
    sinh, sinh_into, sinh_inplace, Transcendental, A::k_sinh, "sinh",
    "array![0.0, f64::NEG_INFINITY]" => "array![0.0, f64::NEG_INFINITY]"
);
unary_float!(
    /// The hyperbolic cosine (NumPy's `np.cosh`).
    cosh, cosh_into, cosh_inplace, Transcendental, A::k_cosh, "cosh",
    "array![0.0, f64::NEG_INFINITY]" => "array![1.0, f64::INFINITY]"
);
unary_float!(
    /// The hyperbolic tangent (NumPy's `np.tanh`).
    tanh, tanh_into, tanh_inplace, Transcendental, A::k_tanh, "tanh",
    "array![0.0, 30.0, -f64::INFINITY]" => "array![0.0, 1.0, -1.0]"
);
unary_float!(
    /// The inverse hyperbolic sine (NumPy's `np.arcsinh`).
    arcsinh, arcsinh_into, arcsinh_inplace, Transcendental, A::k_arcsinh, "arcsinh",
    "array![0.0, -0.0]" => "array![0.0, -0.0]"
);
unary_float!(
    /// The inverse hyperbolic cosine (NumPy's `np.arccosh`); NaN below 1
    /// for reals.
    arccosh, arccosh_into, arccosh_inplace, Transcendental, A::k_arccosh, "arccosh",
    "array![1.0, f64::INFINITY]" => "array![0.0, f64::INFINITY]"
);
unary_float!(
    /// The inverse hyperbolic tangent (NumPy's `np.arctanh`); `±inf` at `±1`.
    arctanh, arctanh_into, arctanh_inplace, Transcendental, A::k_arctanh, "arctanh",
    "array![0.0, 1.0]" => "array![0.0, f64::INFINITY]"
);
