//! Complex parts (NumPy's `conj`/`conjugate`, `real`, `imag`, `angle`),
//! for complex numbers and, as NumPy allows, for real floats too.

use super::unary_map;
use crate::element::{Complex32, Complex64, Element, Float};

/// Floats and complex numbers, seen as complex: real part, imaginary part,
/// conjugate.
pub trait ComplexParts: Element {
    /// The real type (`f64` for `Complex64` and `f64`).
    type Real: Float;
    /// The real part.
    ///
    /// ```
    /// use numox::{ComplexParts, Complex64};
    /// assert_eq!(Complex64::new(1.0, 2.0).re_part(), 1.0);
    /// ```
    fn re_part(self) -> Self::Real;
    /// The imaginary part (0 for reals).
    ///
    /// ```
    /// use numox::ComplexParts;
    /// assert_eq!(3.0f32.im_part(), 0.0);
    /// ```
    fn im_part(self) -> Self::Real;
    /// The complex conjugate (the value itself for reals).
    ///
    /// ```
    /// use numox::{ComplexParts, Complex64};
    /// assert_eq!(Complex64::new(1.0, 2.0).conj_elem(), Complex64::new(1.0, -2.0));
    /// ```
    fn conj_elem(self) -> Self;
}
macro_rules! parts_real {
    ($($t:ty),*) => {$( impl ComplexParts for $t {
        type Real = $t;
        #[inline(always)] fn re_part(self) -> $t { self }
        #[inline(always)] fn im_part(self) -> $t { 0.0 }
        #[inline(always)] fn conj_elem(self) -> $t { self }
    } )*};
}
parts_real!(f32, f64);
macro_rules! parts_complex {
    ($($c:ty, $t:ty);*) => {$( impl ComplexParts for $c {
        type Real = $t;
        #[inline(always)] fn re_part(self) -> $t { self.re }
        #[inline(always)] fn im_part(self) -> $t { self.im }
        #[inline(always)] fn conj_elem(self) -> $c { <$c>::new(self.re, -self.im) }
    } )*};
}
parts_complex!(Complex32, f32; Complex64, f64);

unary_map!(
    /// The complex conjugate (NumPy's `np.conj`; reals are returned as they are).
    conj, conj_into, ComplexParts, A, |v: A| v.conj_elem(), "conj",
    "array![Complex64::new(1.0, 2.0)]" => "array![Complex64::new(1.0, -2.0)]"
);
unary_map!(
    /// NumPy's `np.conjugate`: the same as [`conj`].
    conjugate, conjugate_into, ComplexParts, A, |v: A| v.conj_elem(), "conjugate",
    "array![Complex64::new(0.0, -1.0)]" => "array![Complex64::new(0.0, 1.0)]"
);
unary_map!(
    /// The real part (NumPy's `np.real`), as a new real array.
    real, real_into, ComplexParts, A::Real, |v: A| v.re_part(), "real",
    "array![Complex64::new(1.0, 2.0)]" => "array![1.0]"
);
unary_map!(
    /// The imaginary part (NumPy's `np.imag`); zeros for real input.
    imag, imag_into, ComplexParts, A::Real, |v: A| v.im_part(), "imag",
    "array![Complex64::new(1.0, 2.0)]" => "array![2.0]"
);
unary_map!(
    /// The argument `atan2(im, re)` in radians (NumPy's `np.angle`; `pi` for
    /// negative reals and `-0.0`). Multiply by `180/pi` (or use
    /// [`rad2deg`](crate::rad2deg)) for NumPy's `deg=True`.
    angle, angle_into, ComplexParts, A::Real,
    |v: A| num_traits::Float::atan2(v.im_part(), v.re_part()), "angle",
    "array![Complex64::new(0.0, 1.0), Complex64::new(-1.0, 0.0)]" => "array![std::f64::consts::FRAC_PI_2, std::f64::consts::PI]"
);
