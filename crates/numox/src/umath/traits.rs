//! The element traits of the math functions: [`FloatMath`] (`f32`, `f64`:
//! the IEEE helpers NumPy's float-only functions need),
//! [`Transcendental`] (`f32`, `f64`, `Complex32`, `Complex64`: the functions
//! NumPy defines for real and complex numbers, as slice kernels so that the
//! real types can run the vector code of [`simd`]) and [`ToFloat`] (every
//! element type, with the float type the float functions compute in, so
//! that `sqrt` of an integer array works as in NumPy).

use super::engine::kern;
use super::simd;
use crate::element::{Complex32, Complex64, Element, Float};
use num_complex::{Complex, ComplexFloat};
use std::mem::MaybeUninit;

pub(crate) mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for super::Complex32 {}
    impl Sealed for super::Complex64 {}
    macro_rules! sealed_ints {
        ($($t:ty),*) => {$( impl Sealed for $t {} )*};
    }
    sealed_ints!(bool, i8, i16, i32, i64, u8, u16, u32, u64);
}

/// Element types that NumPy's float functions (`sqrt`, `exp`, `sin`,
/// `arctan2`, `rint`, `signbit`, ...) accept, with the type they compute in
/// (sealed).
///
/// Floats and complex numbers compute in their own type (no conversion, no
/// copy). Integers and `bool` are converted first, as NumPy promotes them:
///
/// | input | `Float` | NumPy |
/// |---|---|---|
/// | `f32`, `f64`, `Complex32`, `Complex64` | the same type | the same |
/// | `i32`, `u32`, `i64`, `u64` | `f64` | `float64` |
/// | `i16`, `u16` | `f32` | `float32` |
/// | `bool`, `i8`, `u8` | `f32` | **`float16`** |
///
/// numox has no `float16`, so `bool`, `i8` and `u8` compute in `f32`, the
/// nearest type it has: the values are those of NumPy on the input cast to
/// `float32` (`np.sqrt(a.astype(np.float32))`), more precise than NumPy's
/// `float16` results. `i64`/`u64` beyond 2^53 round to the nearest `f64`
/// first, as in NumPy.
///
/// A function needing the real IEEE helpers requires `A::Float: FloatMath`
/// (so complex input is refused at compile time), a function defined for
/// complex numbers too requires `A::Float: Transcendental`.
///
/// ```
/// use numox::prelude::*;
/// use numox::ToFloat;
/// assert_eq!(3i16.to_float(), 3.0f32);
/// assert_eq!(u64::MAX.to_float(), 18446744073709551616.0f64);
/// let r: Array<f64> = numox::sqrt(&array![4i64, 9, -1]);
/// assert_eq!(r[[1]], 3.0);
/// assert!(r[[2]].is_nan());
/// let s: Array<f32> = numox::sin(&array![0u8, 1]);
/// assert_eq!(s, array![0.0f32, 1.0f32.sin()]);
/// ```
pub trait ToFloat: Element + sealed::Sealed {
    /// The type the float functions compute in and return.
    type Float: Element;
    /// The value converted to [`ToFloat::Float`] (rounded to nearest when
    /// the integer has more bits than the mantissa; `bool` gives 0 or 1).
    ///
    /// ```
    /// use numox::ToFloat;
    /// assert_eq!(true.to_float(), 1.0f32);
    /// assert_eq!((i64::MAX).to_float(), 9223372036854775808.0f64);
    /// assert_eq!(2.5f64.to_float(), 2.5);
    /// ```
    fn to_float(self) -> Self::Float;
    /// `Some(x)` seen as a slice of the float type when `Self` already is
    /// that type (floats and complex numbers: no conversion needed), `None`
    /// for integers and `bool`.
    ///
    /// ```
    /// use numox::ToFloat;
    /// assert_eq!(f64::as_float_slice(&[1.0, 2.0]), Some(&[1.0, 2.0][..]));
    /// assert_eq!(i32::as_float_slice(&[1, 2]), None);
    /// ```
    fn as_float_slice(x: &[Self]) -> Option<&[Self::Float]>;
}

macro_rules! to_float_same {
    ($($t:ty),*) => {$(
        impl ToFloat for $t {
            type Float = $t;
            #[inline(always)]
            fn to_float(self) -> $t {
                self
            }
            #[inline(always)]
            fn as_float_slice(x: &[$t]) -> Option<&[$t]> {
                Some(x)
            }
        }
    )*};
}
to_float_same!(f32, f64, Complex32, Complex64);

macro_rules! to_float_int {
    ($($t:ty => $f:ty),*) => {$(
        impl ToFloat for $t {
            type Float = $f;
            #[inline(always)]
            fn to_float(self) -> $f {
                self as $f
            }
            #[inline(always)]
            fn as_float_slice(_: &[$t]) -> Option<&[$f]> {
                None
            }
        }
    )*};
}
to_float_int!(i8 => f32, u8 => f32, i16 => f32, u16 => f32, i32 => f64, u32 => f64, i64 => f64, u64 => f64);

impl ToFloat for bool {
    type Float = f32;
    #[inline(always)]
    fn to_float(self) -> f32 {
        self as u8 as f32
    }
    #[inline(always)]
    fn as_float_slice(_: &[bool]) -> Option<&[f32]> {
        None
    }
}

/// Two element types that a binary float function (`arctan2`, `hypot`,
/// `copysign`, `nextafter`, `logaddexp`, `logaddexp2`, `heaviside`) accepts
/// together, with the float type it computes in (sealed).
///
/// The same type twice computes in its [`ToFloat::Float`]. Two different
/// real types (`bool`, integers, `f32`, `f64`) compute in the type NumPy's
/// ufunc loop search picks: `f32` when both convert to `f32` exactly (`bool`,
/// `i8`, `u8`, `i16`, `u16`, `f32`; NumPy picks `float16` for two of `bool`,
/// `i8`, `u8`, as with one), `f64` otherwise. So `i16` with `f32` gives `f32`,
/// `i32` with `f32` gives `f64`, as NumPy.
///
/// ```
/// use numox::prelude::*;
/// let r: Array<f64> = numox::arctan2(&array![1i32, -1], &array![1.0, 1.0]).unwrap();
/// assert_eq!(r, array![1.0f64.atan2(1.0), (-1.0f64).atan2(1.0)]);
/// let h: Array<f32> = numox::hypot(&array![3i16], &array![4.0f32]).unwrap();
/// assert_eq!(h, array![5.0f32]);
/// ```
pub trait FloatPair<B>: Element + sealed::Sealed {
    /// The type the function computes in and returns.
    type Float: Element;
    /// Both operands converted to [`FloatPair::Float`] (rounded to nearest
    /// for `i64`/`u64` beyond 2^53, as NumPy's casts).
    ///
    /// ```
    /// use numox::FloatPair;
    /// assert_eq!(<i16 as FloatPair<f32>>::float_pair(3, 0.5), (3.0f32, 0.5f32));
    /// assert_eq!(<u8 as FloatPair<u32>>::float_pair(1, 2), (1.0f64, 2.0f64));
    /// ```
    fn float_pair(a: Self, b: B) -> (Self::Float, Self::Float);
}

impl<T: ToFloat> FloatPair<T> for T {
    type Float = T::Float;
    #[inline(always)]
    fn float_pair(a: T, b: T) -> (T::Float, T::Float) {
        (a.to_float(), b.to_float())
    }
}

/// `as` casts of the real element types to `f32`/`f64` (`bool` through `u8`).
trait CastFloat<F> {
    fn cast_float(self) -> F;
}

macro_rules! cast_float {
    ($($t:ty),*) => {$(
        impl CastFloat<f32> for $t {
            #[inline(always)]
            fn cast_float(self) -> f32 {
                self as f32
            }
        }
        impl CastFloat<f64> for $t {
            #[inline(always)]
            fn cast_float(self) -> f64 {
                self as f64
            }
        }
    )*};
}
cast_float!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl<F> CastFloat<F> for bool
where
    u8: CastFloat<F>,
{
    #[inline(always)]
    fn cast_float(self) -> F {
        u8::from(self).cast_float()
    }
}

macro_rules! float_pair_mixed {
    ($f:ty; $(($a:ty, $b:ty)),* $(,)?) => {$(
        impl FloatPair<$b> for $a {
            type Float = $f;
            #[inline(always)]
            fn float_pair(a: $a, b: $b) -> ($f, $f) {
                (a.cast_float(), b.cast_float())
            }
        }
    )*};
}
// The pairs and their float types as NumPy 2.4's `np.arctan2`/`np.hypot`
// resolve them (float16 read as f32).
float_pair_mixed!(f32;
    (bool, i8), (bool, i16), (bool, u8), (bool, u16), (bool, f32), (i8, bool), (i8, i16), (i8, u8),
    (i8, u16), (i8, f32), (i16, bool), (i16, i8), (i16, u8), (i16, u16), (i16, f32), (u8, bool),
    (u8, i8), (u8, i16), (u8, u16), (u8, f32), (u16, bool), (u16, i8), (u16, i16), (u16, u8),
    (u16, f32), (f32, bool), (f32, i8), (f32, i16), (f32, u8), (f32, u16)
);
float_pair_mixed!(f64;
    (bool, i32), (bool, i64), (bool, u32), (bool, u64), (bool, f64), (i8, i32), (i8, i64), (i8, u32),
    (i8, u64), (i8, f64), (i16, i32), (i16, i64), (i16, u32), (i16, u64), (i16, f64), (i32, bool),
    (i32, i8), (i32, i16), (i32, i64), (i32, u8), (i32, u16), (i32, u32), (i32, u64), (i32, f32),
    (i32, f64), (i64, bool), (i64, i8), (i64, i16), (i64, i32), (i64, u8), (i64, u16), (i64, u32),
    (i64, u64), (i64, f32), (i64, f64), (u8, i32), (u8, i64), (u8, u32), (u8, u64), (u8, f64),
    (u16, i32), (u16, i64), (u16, u32), (u16, u64), (u16, f64), (u32, bool), (u32, i8), (u32, i16),
    (u32, i32), (u32, i64), (u32, u8), (u32, u16), (u32, u64), (u32, f32), (u32, f64), (u64, bool),
    (u64, i8), (u64, i16), (u64, i32), (u64, i64), (u64, u8), (u64, u16), (u64, u32), (u64, f32),
    (u64, f64), (f32, i32), (f32, i64), (f32, u32), (f32, u64), (f32, f64), (f64, bool), (f64, i8),
    (f64, i16), (f64, i32), (f64, i64), (f64, u8), (f64, u16), (f64, u32), (f64, u64), (f64, f32)
);

/// `f32` and `f64`: the IEEE operations behind NumPy's float-only functions
/// (`rint`, `nextafter`, `spacing`, `frexp`, `ldexp`) that the standard
/// library does not provide generically. The trait is sealed.
pub trait FloatMath: Float + sealed::Sealed + ToFloat<Float = Self> {
    /// Number of mantissa bits (52 for `f64`, 23 for `f32`).
    const MANT_BITS: u32;
    /// Rounds to the nearest integer, ties to even (C's `rint`).
    ///
    /// ```
    /// use numox::FloatMath;
    /// assert_eq!(2.5f64.rint(), 2.0);
    /// assert_eq!((-0.5f32).rint().to_bits(), (-0.0f32).to_bits());
    /// ```
    fn rint(self) -> Self;
    /// The next representable value after `self` towards `to` (C's `nextafter`).
    ///
    /// ```
    /// use numox::FloatMath;
    /// assert_eq!(1.0f64.next_toward(2.0), 1.0 + f64::EPSILON);
    /// ```
    fn next_toward(self, to: Self) -> Self;
    /// `(m, e)` with `self == m * 2^e` and `0.5 <= |m| < 1` (C's `frexp`);
    /// `(x, 0)` for 0, inf and NaN.
    ///
    /// ```
    /// use numox::FloatMath;
    /// assert_eq!(8.0f64.frexp_parts(), (0.5, 4));
    /// ```
    fn frexp_parts(self) -> (Self, i32);
    /// `self * 2^e` with one rounding (C's `ldexp`).
    ///
    /// ```
    /// use numox::FloatMath;
    /// assert_eq!(0.75f64.ldexp_by(3), 6.0);
    /// ```
    fn ldexp_by(self, e: i32) -> Self;
}

macro_rules! impl_float_math {
    ($t:ty, $bits:ty, $mant:expr, $expmask:expr) => {
        impl FloatMath for $t {
            const MANT_BITS: u32 = $mant;
            #[inline(always)]
            fn rint(self) -> Self {
                self.round_ties_even()
            }
            #[inline]
            fn next_toward(self, to: Self) -> Self {
                if self.is_nan() || to.is_nan() {
                    return self + to;
                }
                if self == to {
                    return to;
                }
                if self == 0.0 {
                    return <$t>::from_bits(1).copysign(to);
                }
                let b = self.to_bits();
                let up = (to > self) == (self > 0.0);
                <$t>::from_bits(if up { b + 1 } else { b - 1 })
            }
            #[inline]
            fn frexp_parts(self) -> (Self, i32) {
                if self == 0.0 || !self.is_finite() {
                    return (self, 0);
                }
                let (x, adj) = if self.abs() < <$t>::MIN_POSITIVE {
                    (
                        self * (2.0 as $t).powi($mant as i32 + 2),
                        -($mant as i32 + 2),
                    )
                } else {
                    (self, 0)
                };
                let b = x.to_bits();
                let e = ((b >> $mant) & $expmask) as i32;
                let bias = ($expmask >> 1) as i32;
                let m =
                    <$t>::from_bits((b & !(($expmask as $bits) << $mant)) | (((bias - 1) as $bits) << $mant));
                (m, e - bias + 1 + adj)
            }
            #[inline]
            fn ldexp_by(self, e: i32) -> Self {
                // musl's scalbn: scale in exact steps, keeping intermediate
                // results normal, so the final multiplication rounds once.
                let bias = ($expmask >> 1) as i32;
                let p = |k: i32| <$t>::from_bits(((k + bias) as $bits) << $mant);
                let (mut y, mut n) = (self, e);
                if n > bias {
                    y *= p(bias);
                    n -= bias;
                    if n > bias {
                        y *= p(bias);
                        n -= bias;
                        n = n.min(bias);
                    }
                } else if n < 1 - bias {
                    let down = 1 - bias + $mant as i32 + 1;
                    y *= p(down);
                    n -= down;
                    if n < 1 - bias {
                        y *= p(down);
                        n -= down;
                        n = n.max(1 - bias);
                    }
                }
                y * p(n)
            }
        }
    };
}
impl_float_math!(f64, u64, 52, 0x7ff);
impl_float_math!(f32, u32, 23, 0xff);

/// The C library's inverse hyperbolic functions (Rust's `f64::asinh` etc.
/// use their own formulas, up to several ULP off; glibc's are < 1 ULP).
mod c {
    // SAFETY: these C99 functions take and return plain floats, have no
    // preconditions and only read their argument; the C math library is
    // linked by std on every supported target.
    unsafe extern "C" {
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn asinhf(x: f32) -> f32;
        pub safe fn acoshf(x: f32) -> f32;
        pub safe fn atanhf(x: f32) -> f32;
    }
}

/// The out slice of a kernel.
pub(crate) type Out<'a, T> = &'a mut [MaybeUninit<T>];

/// Element types with NumPy's transcendental functions: `f32`, `f64`,
/// `Complex32`, `Complex64` (sealed). Each method is the slice kernel of the
/// function of the same name (`k_exp` fills `out[i] = exp(x[i])`); call the
/// array functions ([`exp`](crate::exp), ...) rather than these.
#[allow(missing_docs)]
pub trait Transcendental: Element + sealed::Sealed + ToFloat<Float = Self> {
    fn k_sqrt(x: &[Self], o: Out<Self>);
    fn k_exp(x: &[Self], o: Out<Self>);
    fn k_exp2(x: &[Self], o: Out<Self>);
    fn k_expm1(x: &[Self], o: Out<Self>);
    fn k_log(x: &[Self], o: Out<Self>);
    fn k_log2(x: &[Self], o: Out<Self>);
    fn k_log10(x: &[Self], o: Out<Self>);
    fn k_log1p(x: &[Self], o: Out<Self>);
    fn k_sin(x: &[Self], o: Out<Self>);
    fn k_cos(x: &[Self], o: Out<Self>);
    fn k_tan(x: &[Self], o: Out<Self>);
    fn k_arcsin(x: &[Self], o: Out<Self>);
    fn k_arccos(x: &[Self], o: Out<Self>);
    fn k_arctan(x: &[Self], o: Out<Self>);
    fn k_sinh(x: &[Self], o: Out<Self>);
    fn k_cosh(x: &[Self], o: Out<Self>);
    fn k_tanh(x: &[Self], o: Out<Self>);
    fn k_arcsinh(x: &[Self], o: Out<Self>);
    fn k_arccosh(x: &[Self], o: Out<Self>);
    fn k_arctanh(x: &[Self], o: Out<Self>);
    fn k_reciprocal(x: &[Self], o: Out<Self>);
}

macro_rules! libm_kernels {
    ($t:ty; $($k:ident => $f:expr),* $(,)?) => {
        $(
            #[inline]
            fn $k(x: &[$t], o: Out<$t>) {
                kern($f)(x, o)
            }
        )*
    };
}

impl Transcendental for f64 {
    fn k_sqrt(x: &[f64], o: Out<f64>) {
        kern(f64::sqrt)(x, o)
    }
    fn k_exp(x: &[f64], o: Out<f64>) {
        simd::exp_f64(x, o)
    }
    fn k_log(x: &[f64], o: Out<f64>) {
        simd::log_f64(x, o)
    }
    fn k_sin(x: &[f64], o: Out<f64>) {
        simd::sin_f64(x, o)
    }
    fn k_cos(x: &[f64], o: Out<f64>) {
        simd::cos_f64(x, o)
    }
    fn k_tanh(x: &[f64], o: Out<f64>) {
        simd::tanh_f64(x, o)
    }
    libm_kernels!(f64;
        k_exp2 => f64::exp2, k_expm1 => f64::exp_m1, k_log2 => f64::log2,
        k_log10 => f64::log10, k_log1p => f64::ln_1p, k_tan => f64::tan, k_arcsin => f64::asin,
        k_arccos => f64::acos, k_arctan => f64::atan, k_sinh => f64::sinh, k_cosh => f64::cosh,
        k_arcsinh => |v| c::asinh(v), k_arccosh => |v| c::acosh(v), k_arctanh => |v| c::atanh(v),
        k_reciprocal => |v: f64| 1.0 / v,
    );
}

impl Transcendental for f32 {
    fn k_sqrt(x: &[f32], o: Out<f32>) {
        kern(f32::sqrt)(x, o)
    }
    fn k_exp(x: &[f32], o: Out<f32>) {
        simd::exp_f32(x, o)
    }
    fn k_log(x: &[f32], o: Out<f32>) {
        simd::log_f32(x, o)
    }
    fn k_sin(x: &[f32], o: Out<f32>) {
        simd::sin_f32(x, o)
    }
    fn k_cos(x: &[f32], o: Out<f32>) {
        simd::cos_f32(x, o)
    }
    fn k_tanh(x: &[f32], o: Out<f32>) {
        simd::tanh_f32(x, o)
    }
    libm_kernels!(f32;
        k_exp2 => f32::exp2, k_expm1 => f32::exp_m1, k_log2 => f32::log2,
        k_log10 => f32::log10, k_log1p => f32::ln_1p, k_tan => f32::tan, k_arcsin => f32::asin,
        k_arccos => f32::acos, k_arctan => f32::atan, k_sinh => f32::sinh, k_cosh => f32::cosh,
        k_arcsinh => |v| c::asinhf(v), k_arccosh => |v| c::acoshf(v), k_arctanh => |v| c::atanhf(v),
        k_reciprocal => |v: f32| 1.0 / v,
    );
}

/// `log(1 + z)` for complex `z` (NumPy's `log1p`), accurate for small `z`.
fn clog1p<T: Float>(z: Complex<T>) -> Complex<T> {
    let one = T::one();
    let re = z.re;
    let im = z.im;
    if !re.is_finite() || !im.is_finite() || re.abs() > T::from(0.5).unwrap_or(one) || im.abs() > one {
        return (z + one).ln();
    }
    // |1+z|^2 = 1 + 2re + re^2 + im^2, so log|1+z| = log1p(2re + re^2 + im^2)/2.
    let t = re * (re + T::from(2.0).unwrap_or(one + one)) + im * im;
    Complex::new(t.ln_1p() / (one + one), im.atan2(one + re))
}

macro_rules! impl_complex_transcendental {
    ($c:ty, $t:ty) => {
        impl Transcendental for $c {
            libm_kernels!($c;
                k_sqrt => |z: $c| z.sqrt(), k_exp => |z: $c| z.exp(), k_exp2 => |z: $c| z.exp2(),
                k_expm1 => |z: $c| {
                    // expm1(a+ib) = expm1(a)cos(b) - 2 sin^2(b/2) + i e^a sin(b)
                    if z.re.is_finite() && z.im.is_finite() && z.re.abs() < 1.0 && z.im.abs() < 1.0 {
                        let s = (z.im / 2.0).sin();
                        Complex::new(z.re.exp_m1() * z.im.cos() - 2.0 * s * s, z.re.exp() * z.im.sin())
                    } else {
                        z.exp() - 1.0
                    }
                },
                k_log => |z: $c| z.ln(), k_log2 => |z: $c| ComplexFloat::log2(z),
                k_log10 => |z: $c| ComplexFloat::log10(z), k_log1p => clog1p::<$t>,
                k_sin => |z: $c| z.sin(), k_cos => |z: $c| z.cos(), k_tan => |z: $c| z.tan(),
                k_arcsin => |z: $c| z.asin(), k_arccos => |z: $c| z.acos(), k_arctan => |z: $c| z.atan(),
                k_sinh => |z: $c| z.sinh(), k_cosh => |z: $c| z.cosh(), k_tanh => |z: $c| z.tanh(),
                k_arcsinh => |z: $c| z.asinh(), k_arccosh => |z: $c| z.acosh(), k_arctanh => |z: $c| z.atanh(),
                k_reciprocal => |z: $c| z.inv(),
            );
        }
    };
}
impl_complex_transcendental!(Complex64, f64);
impl_complex_transcendental!(Complex32, f32);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_ldexp_nextafter_match_c() {
        assert_eq!(5e-324f64.frexp_parts(), (0.5, -1073));
        assert_eq!((-0.0f64).frexp_parts().0.to_bits(), (-0.0f64).to_bits());
        assert_eq!(f64::INFINITY.frexp_parts(), (f64::INFINITY, 0));
        assert_eq!(1e-45f32.frexp_parts(), (0.5, -148));
        assert_eq!(1.0f64.ldexp_by(1024), f64::INFINITY);
        assert_eq!(5e-324f64.ldexp_by(1074), 1.0);
        assert_eq!(1.0f64.ldexp_by(-1075), 0.0);
        assert_eq!(1.0f64.ldexp_by(-1074), 5e-324);
        assert_eq!(1.5f64.ldexp_by(-1074), 1e-323); // ties to even: 1.5 -> 2 ulps
        assert_eq!(3.0f32.ldexp_by(-150), f32::from_bits(2)); // 1.5 ulps, ties to even
        assert_eq!(f64::MAX.ldexp_by(-2098), 5e-324);
        assert_eq!(f64::MAX.ldexp_by(-2100), 0.0);
        assert_eq!(0.0f64.next_toward(-1.0), -5e-324);
        assert_eq!((-5e-324f64).next_toward(1.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(f64::MAX.next_toward(f64::INFINITY), f64::INFINITY);
        assert!(f64::NAN.next_toward(1.0).is_nan());
        for i in -2000..2000 {
            let x = 1.2345f64;
            let want = if i > 1023 { f64::INFINITY } else { x * 2f64.powi(i) };
            if (-1022..=1023).contains(&i) {
                assert_eq!(x.ldexp_by(i), want, "{i}");
            }
        }
    }
}
