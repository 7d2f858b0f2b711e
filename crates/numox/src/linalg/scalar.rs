//! The element types of the decompositions and solvers: `f32`, `f64`,
//! `Complex<f32>` and `Complex<f64>` ([`LinalgScalar`]).
//!
//! NumPy's `linalg` computes every decomposition of a single-precision input
//! in double precision and rounds the result back (its "lite LAPACK" casts
//! `float32` to `float64` before calling LAPACK). numox does the same: each
//! type has a [`LinalgScalar::Work`] type (`f64` or `Complex<f64>`) that the
//! factorisations run in, so `f32` results are NumPy's to the last bit that
//! double precision determines.

use crate::element::{Complex32, Complex64, Float, Numeric};
use num_complex::Complex;
use std::ops::{Add, Div, Mul, Neg, Sub};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for super::Complex32 {}
    impl Sealed for super::Complex64 {}
}

/// A real or complex floating-point element type that `numox::linalg`'s
/// decompositions and solvers accept: `f32`, `f64`, `Complex<f32>`,
/// `Complex<f64>` (NumPy's `float32`, `float64`, `complex64`, `complex128`).
///
/// Integer matrices are converted explicitly (`a.astype::<f64>()`), where
/// NumPy converts them silently.
///
/// ```
/// use numox::linalg::LinalgScalar;
/// use numox::Complex;
/// assert_eq!(Complex::new(3.0f64, 4.0).abs(), 5.0);
/// assert_eq!(<f32 as LinalgScalar>::eps(), f32::EPSILON);
/// ```
pub trait LinalgScalar:
    Numeric
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + sealed::Sealed
{
    /// The real type of the same precision (`f32` for `Complex<f32>`).
    type Real: LinalgScalar<Real = Self::Real, Complex = Self::Complex> + Float;
    /// The complex type of the same precision (`Complex<f32>` for `f32`).
    type Complex: LinalgScalar<Real = Self::Real, Complex = Self::Complex>;
    /// The type the factorisations run in: `f64` or `Complex<f64>`.
    type Work: WorkScalar;
    /// `true` for the complex types.
    const IS_COMPLEX: bool;
    /// The real part.
    fn re(self) -> Self::Real;
    /// The imaginary part (0 for real types).
    fn im(self) -> Self::Real;
    /// The complex conjugate (the value itself for real types).
    fn conj(self) -> Self;
    /// The modulus `|x|` (computed without overflow for complex values).
    fn abs(self) -> Self::Real;
    /// `|x|²`.
    fn abs2(self) -> Self::Real;
    /// A value with real part `r` and imaginary part 0.
    fn from_real(r: Self::Real) -> Self;
    /// The value as the complex type of the same precision.
    fn to_complex(self) -> Self::Complex;
    /// The machine epsilon of the precision (NumPy's `finfo(dtype).eps`).
    fn eps() -> Self::Real;
    /// Rounds an `f64` to the real type.
    fn real_from_f64(x: f64) -> Self::Real;
    /// Converts to the working type.
    fn to_work(self) -> Self::Work;
    /// Rounds a working value to this type.
    fn from_work(w: Self::Work) -> Self;
    /// `true` when the value has no NaN or infinite part.
    fn is_finite_value(self) -> bool;
}

/// The two types the factorisations run in (`f64`, `Complex<f64>`): faer's
/// field trait plus the few operations numox's own kernels need.
pub trait WorkScalar:
    faer::traits::ComplexField<Real = f64>
    + Numeric
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + std::ops::AddAssign
    + std::ops::SubAssign
    + std::ops::MulAssign
    + std::ops::DivAssign
    + sealed::Sealed
{
    /// `true` for `Complex<f64>`.
    const IS_CPLX: bool;
    /// The value as `Complex<f64>`.
    fn to_c64(self) -> Complex64;
    /// The real part of a `Complex<f64>` (for `f64`) or the value itself.
    fn from_c64(z: Complex64) -> Self;
    /// The real part.
    fn re_w(self) -> f64;
    /// The complex conjugate.
    fn conj_w(self) -> Self;
    /// `|x|`.
    fn abs_w(self) -> f64;
    /// `|re| + |im|`, LAPACK's pivoting magnitude.
    fn abs1_w(self) -> f64;
    /// A value with real part `r`.
    fn from_f64_w(r: f64) -> Self;
}

impl WorkScalar for f64 {
    const IS_CPLX: bool = false;
    #[inline]
    fn to_c64(self) -> Complex64 {
        Complex::new(self, 0.0)
    }
    #[inline]
    fn from_c64(z: Complex64) -> Self {
        z.re
    }
    #[inline]
    fn re_w(self) -> f64 {
        self
    }
    #[inline]
    fn conj_w(self) -> Self {
        self
    }
    #[inline]
    fn abs_w(self) -> f64 {
        self.abs()
    }
    #[inline]
    fn abs1_w(self) -> f64 {
        self.abs()
    }
    #[inline]
    fn from_f64_w(r: f64) -> Self {
        r
    }
}

impl WorkScalar for Complex64 {
    const IS_CPLX: bool = true;
    #[inline]
    fn to_c64(self) -> Complex64 {
        self
    }
    #[inline]
    fn from_c64(z: Complex64) -> Self {
        z
    }
    #[inline]
    fn re_w(self) -> f64 {
        self.re
    }
    #[inline]
    fn conj_w(self) -> Self {
        self.conj()
    }
    #[inline]
    fn abs_w(self) -> f64 {
        self.norm()
    }
    #[inline]
    fn abs1_w(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    #[inline]
    fn from_f64_w(r: f64) -> Self {
        Complex::new(r, 0.0)
    }
}

macro_rules! impl_real {
    ($t:ty, $c:ty) => {
        impl LinalgScalar for $t {
            type Real = $t;
            type Complex = $c;
            type Work = f64;
            const IS_COMPLEX: bool = false;
            #[inline]
            fn re(self) -> $t {
                self
            }
            #[inline]
            fn im(self) -> $t {
                0.0
            }
            #[inline]
            fn conj(self) -> Self {
                self
            }
            #[inline]
            fn abs(self) -> $t {
                <$t>::abs(self)
            }
            #[inline]
            fn abs2(self) -> $t {
                self * self
            }
            #[inline]
            fn from_real(r: $t) -> Self {
                r
            }
            #[inline]
            fn to_complex(self) -> $c {
                Complex::new(self, 0.0)
            }
            #[inline]
            fn eps() -> $t {
                <$t>::EPSILON
            }
            #[inline]
            fn real_from_f64(x: f64) -> $t {
                x as $t
            }
            #[inline]
            fn to_work(self) -> f64 {
                self as f64
            }
            #[inline]
            fn from_work(w: f64) -> Self {
                w as $t
            }
            #[inline]
            fn is_finite_value(self) -> bool {
                self.is_finite()
            }
        }
    };
}

macro_rules! impl_complex {
    ($t:ty) => {
        impl LinalgScalar for Complex<$t> {
            type Real = $t;
            type Complex = Complex<$t>;
            type Work = Complex64;
            const IS_COMPLEX: bool = true;
            #[inline]
            fn re(self) -> $t {
                self.re
            }
            #[inline]
            fn im(self) -> $t {
                self.im
            }
            #[inline]
            fn conj(self) -> Self {
                Complex::conj(&self)
            }
            #[inline]
            fn abs(self) -> $t {
                self.norm()
            }
            #[inline]
            fn abs2(self) -> $t {
                self.norm_sqr()
            }
            #[inline]
            fn from_real(r: $t) -> Self {
                Complex::new(r, 0.0)
            }
            #[inline]
            fn to_complex(self) -> Self {
                self
            }
            #[inline]
            fn eps() -> $t {
                <$t>::EPSILON
            }
            #[inline]
            fn real_from_f64(x: f64) -> $t {
                x as $t
            }
            #[inline]
            fn to_work(self) -> Complex64 {
                Complex::new(self.re as f64, self.im as f64)
            }
            #[inline]
            fn from_work(w: Complex64) -> Self {
                Complex::new(w.re as $t, w.im as $t)
            }
            #[inline]
            fn is_finite_value(self) -> bool {
                self.re.is_finite() && self.im.is_finite()
            }
        }
    };
}

impl_real!(f32, Complex32);
impl_real!(f64, Complex64);
impl_complex!(f32);
impl_complex!(f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_round_trip() {
        assert_eq!(f32::from_work(1.5f32.to_work()), 1.5);
        let z = Complex32::new(1.0, -2.0);
        assert_eq!(Complex32::from_work(z.to_work()), z);
        assert_eq!(z.conj(), Complex32::new(1.0, 2.0));
        assert_eq!(z.abs2(), 5.0);
        assert_eq!(2.0f64.to_complex(), Complex64::new(2.0, 0.0));
        assert!(!Complex64::new(f64::NAN, 0.0).is_finite_value());
        assert_eq!(Complex64::new(3.0, 4.0).to_work().abs_w(), 5.0);
        assert_eq!(f64::from_c64(Complex64::new(2.0, 1.0)), 2.0);
    }
}
