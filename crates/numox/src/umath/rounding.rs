//! Rounding (NumPy's `floor`, `ceil`, `trunc`, `rint`, `fix`, `round`/
//! `around`) for `f32` and `f64`, and for integers as NumPy 2 does it:
//! `floor`, `ceil`, `trunc`, `fix` and `round` keep the integer type
//! ([`Rounding`]), `rint` converts to the float type ([`ToFloat`](super::ToFloat)). All are
//! exact.

use super::traits::FloatMath;
use super::{unary_float, unary_same};
use crate::array::{Array, ArrayBase, Data, DataMut};
use crate::element::{Element, RealNumeric};
use crate::error::{Error, Result};
use crate::umath::engine::{kern, unary};

/// Element types of NumPy's `floor`, `ceil`, `trunc`, `fix` and `round`:
/// floats (rounded) and integers, which NumPy 2 returns unchanged, in their
/// own type (`round` with negative `decimals` rounds integers to tens,
/// hundreds, ... through `f64`, as NumPy does). `bool` is not included
/// (NumPy gives `bool` for `floor` but `float16` for `round`).
pub trait Rounding: RealNumeric {
    /// The largest integer not above `self`.
    ///
    /// ```
    /// use numox::Rounding;
    /// assert_eq!((-1.5f64).floor_elem(), -2.0);
    /// assert_eq!((-7i32).floor_elem(), -7);
    /// ```
    fn floor_elem(self) -> Self;
    /// The smallest integer not below `self`.
    ///
    /// ```
    /// use numox::Rounding;
    /// assert_eq!((-1.5f32).ceil_elem(), -1.0);
    /// assert_eq!(7u8.ceil_elem(), 7);
    /// ```
    fn ceil_elem(self) -> Self;
    /// `self` rounded toward zero.
    ///
    /// ```
    /// use numox::Rounding;
    /// assert_eq!((-1.5f64).trunc_elem(), -1.0);
    /// assert_eq!(i64::MIN.trunc_elem(), i64::MIN);
    /// ```
    fn trunc_elem(self) -> Self;
    /// NumPy's `np.round(a, decimals)` of a whole array, in a new C-ordered
    /// array (see [`round`]).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::Rounding;
    /// assert_eq!(f64::round_array(&array![1.235], 2), array![1.24]);
    /// assert_eq!(i32::round_array(&array![15, 25, 149], -1), array![20, 20, 150]);
    /// ```
    fn round_array<S: Data<Elem = Self>>(a: &ArrayBase<S>, decimals: i32) -> Array<Self>;
}

/// The scale factor `10^|decimals|` of [`round`], as NumPy computes it (in
/// `f64`; for floats then converted to the element type).
fn scale_f64(decimals: i32) -> f64 {
    10f64.powi(decimals.unsigned_abs().min(400) as i32)
}

macro_rules! rounding_float {
    ($($t:ty),*) => {$(
        impl Rounding for $t {
            #[inline(always)]
            fn floor_elem(self) -> $t {
                self.floor()
            }
            #[inline(always)]
            fn ceil_elem(self) -> $t {
                self.ceil()
            }
            #[inline(always)]
            fn trunc_elem(self) -> $t {
                self.trunc()
            }
            fn round_array<S: Data<Elem = $t>>(a: &ArrayBase<S>, decimals: i32) -> Array<$t> {
                let f = scale_f64(decimals) as $t;
                if decimals >= 0 {
                    unary(a, kern(move |v: $t| FloatMath::rint(v * f) / f))
                } else {
                    unary(a, kern(move |v: $t| FloatMath::rint(v / f) * f))
                }
            }
        }
    )*};
}
rounding_float!(f32, f64);

macro_rules! rounding_int {
    ($($t:ty),*) => {$(
        impl Rounding for $t {
            #[inline(always)]
            fn floor_elem(self) -> $t {
                self
            }
            #[inline(always)]
            fn ceil_elem(self) -> $t {
                self
            }
            #[inline(always)]
            fn trunc_elem(self) -> $t {
                self
            }
            fn round_array<S: Data<Elem = $t>>(a: &ArrayBase<S>, decimals: i32) -> Array<$t> {
                if decimals >= 0 {
                    return unary(a, kern(|v: $t| v));
                }
                // NumPy: `rint(a / 10^d) * 10^d` in float64, cast back to the
                // integer type (wrapping / x86-64 conversion rules beyond its range).
                let f = scale_f64(decimals);
                unary(a, kern(move |v: $t| (FloatMath::rint(v as f64 / f) * f).cast::<$t>()))
            }
        }
    )*};
}
rounding_int!(i8, i16, i32, i64, u8, u16, u32, u64);

unary_same!(
    /// The largest integer not above `x` (NumPy's `np.floor`); integers are
    /// returned unchanged, in their own type (NumPy 2).
    floor, floor_into, floor_inplace, Rounding, kern(|v: A| v.floor_elem()), "floor",
    "array![-1.5, 2.5, -0.0]" => "array![-2.0, 2.0, -0.0]"
);
unary_same!(
    /// The smallest integer not below `x` (NumPy's `np.ceil`); `ceil(-0.5)` is
    /// `-0.0`; integers are returned unchanged.
    ceil, ceil_into, ceil_inplace, Rounding, kern(|v: A| v.ceil_elem()), "ceil",
    "array![-1.5, 2.5]" => "array![-1.0, 3.0]"
);
unary_same!(
    /// `x` rounded toward zero (NumPy's `np.trunc`); integers are returned unchanged.
    trunc, trunc_into, trunc_inplace, Rounding, kern(|v: A| v.trunc_elem()), "trunc",
    "array![-1.5, 2.5]" => "array![-1.0, 2.0]"
);
unary_same!(
    /// `x` rounded toward zero (NumPy's `np.fix`, the same values as [`trunc`]);
    /// integers are returned unchanged.
    fix, fix_into, fix_inplace, Rounding, kern(|v: A| v.trunc_elem()), "fix",
    "array![-2.5, 2.5]" => "array![-2.0, 2.0]"
);
unary_float!(
    /// The nearest integer, ties to even (NumPy's `np.rint`).
    rint, rint_into, rint_inplace, FloatMath, kern(|v: A| v.rint()), "rint",
    "array![0.5, 1.5, -2.5]" => "array![0.0, 2.0, -2.0]"
);

/// Rounds to `decimals` decimal places, ties to even (NumPy's `np.round` /
/// `np.around`): `rint(x * 10^d) / 10^d` for `d >= 0`, and
/// `rint(x / 10^-d) * 10^-d` for negative `d`, exactly as NumPy computes it
/// (so `round(1.235, 2)` is `1.24`, because `1.235 * 100` rounds up).
///
/// Integers keep their type, as in NumPy: unchanged for `d >= 0`; for
/// negative `d` the formula runs in `f64` and the result is cast back, so
/// values that round beyond the type's range wrap as NumPy's cast does
/// (`round(255u8, -1) == 4`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::round(&array![2.5, -0.5, 1.235], 2), array![2.5, -0.5, 1.24]);
/// assert_eq!(numox::round(&array![0.5, 1.5, 2.5], 0), array![0.0, 2.0, 2.0]);
/// assert_eq!(numox::round(&array![1250.0, 1350.0], -2), array![1200.0, 1400.0]);
/// assert_eq!(numox::round(&array![1250, 1350, -149], -2), array![1200, 1400, -100]);
/// ```
pub fn round<A: Rounding, S: Data<Elem = A>>(a: &ArrayBase<S>, decimals: i32) -> Array<A> {
    A::round_array(a, decimals)
}

/// [`round`] into an existing array (NumPy's `np.round(a, decimals, out=out)`):
/// `a` is broadcast to `out`'s shape, and a shape mismatch is an error.
///
/// ```
/// use numox::prelude::*;
/// let mut out = array![0.0, 0.0];
/// numox::round_into(&array![1.25, -2.675], 1, &mut out).unwrap();
/// assert_eq!(out, array![1.2, -2.7]);
/// ```
pub fn round_into<A: Rounding, S: Data<Elem = A>, SO: DataMut<Elem = A>>(
    a: &ArrayBase<S>,
    decimals: i32,
    out: &mut ArrayBase<SO>,
) -> Result<()> {
    let av = a
        .broadcast(out.shape())
        .map_err(|_| Error::shape_mismatch("round", a.shape(), out.shape()))?;
    out.assign(&A::round_array(&av, decimals))
}

/// [`round`] under NumPy's other name, `np.around`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::around(&array![0.125f32], 2), array![0.12f32]);
/// ```
pub fn around<A: Rounding, S: Data<Elem = A>>(a: &ArrayBase<S>, decimals: i32) -> Array<A> {
    round(a, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn integer_rounding_keeps_the_type() {
        let a = array![i8::MIN, -1, 0, 7, i8::MAX];
        assert_eq!(floor(&a), a);
        assert_eq!(ceil(&a), a);
        assert_eq!(trunc(&a), a);
        assert_eq!(fix(&a), a);
        assert_eq!(round(&a, 3), a);
        // NumPy: 127 -> 130 -> -126, -128 -> -130 -> 126 (the cast wraps).
        assert_eq!(round(&a, -1), array![126i8, 0, 0, 10, -126]);
        assert_eq!(round(&array![250u8, 255, 5], -1), array![250u8, 4, 0]);
        let r: Array<f64> = rint(&array![3i32, -4]);
        assert_eq!(r, array![3.0, -4.0]);
    }
}
