//! Rounding (NumPy's `floor`, `ceil`, `trunc`, `rint`, `fix`, `round`/
//! `around`) for `f32` and `f64` ([`FloatMath`]). All are exact.

use super::traits::FloatMath;
use super::unary_same;
use crate::array::{Array, ArrayBase, Data};
use crate::umath::engine::{kern, unary};

unary_same!(
    /// The largest integer not above `x` (NumPy's `np.floor`).
    floor, floor_into, floor_inplace, FloatMath, kern(|v: A| num_traits::Float::floor(v)), "floor",
    "array![-1.5, 2.5, -0.0]" => "array![-2.0, 2.0, -0.0]"
);
unary_same!(
    /// The smallest integer not below `x` (NumPy's `np.ceil`); `ceil(-0.5)` is `-0.0`.
    ceil, ceil_into, ceil_inplace, FloatMath, kern(|v: A| num_traits::Float::ceil(v)), "ceil",
    "array![-1.5, 2.5]" => "array![-1.0, 3.0]"
);
unary_same!(
    /// `x` rounded toward zero (NumPy's `np.trunc`).
    trunc, trunc_into, trunc_inplace, FloatMath, kern(|v: A| num_traits::Float::trunc(v)), "trunc",
    "array![-1.5, 2.5]" => "array![-1.0, 2.0]"
);
unary_same!(
    /// `x` rounded toward zero (NumPy's `np.fix`, the same values as [`trunc`]).
    fix, fix_into, fix_inplace, FloatMath, kern(|v: A| num_traits::Float::trunc(v)), "fix",
    "array![-2.5, 2.5]" => "array![-2.0, 2.0]"
);
unary_same!(
    /// The nearest integer, ties to even (NumPy's `np.rint`).
    rint, rint_into, rint_inplace, FloatMath, kern(|v: A| v.rint()), "rint",
    "array![0.5, 1.5, -2.5]" => "array![0.0, 2.0, -2.0]"
);

/// The scale factor `10^|decimals|` of [`round`], as NumPy computes it (in
/// `f64`, then converted to the element type).
fn scale<A: FloatMath>(decimals: i32) -> A {
    let f = 10f64.powi(decimals.unsigned_abs().min(400) as i32);
    A::from(f).unwrap_or_else(A::infinity)
}

/// Rounds to `decimals` decimal places, ties to even (NumPy's `np.round` /
/// `np.around`): `rint(x * 10^d) / 10^d` for `d >= 0`, and
/// `rint(x / 10^-d) * 10^-d` for negative `d`, exactly as NumPy computes it
/// (so `round(1.235, 2)` is `1.24`, because `1.235 * 100` rounds up).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::round(&array![2.5, -0.5, 1.235], 2), array![2.5, -0.5, 1.24]);
/// assert_eq!(numox::round(&array![0.5, 1.5, 2.5], 0), array![0.0, 2.0, 2.0]);
/// assert_eq!(numox::round(&array![1250.0, 1350.0], -2), array![1200.0, 1400.0]);
/// ```
pub fn round<A: FloatMath, S: Data<Elem = A>>(a: &ArrayBase<S>, decimals: i32) -> Array<A> {
    let f: A = scale(decimals);
    if decimals >= 0 {
        unary(a, kern(move |v: A| (v * f).rint() / f))
    } else {
        unary(a, kern(move |v: A| (v / f).rint() * f))
    }
}

/// [`round`] under NumPy's other name, `np.around`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::around(&array![0.125f32], 2), array![0.12f32]);
/// ```
pub fn around<A: FloatMath, S: Data<Elem = A>>(a: &ArrayBase<S>, decimals: i32) -> Array<A> {
    round(a, decimals)
}
