//! Element types: the thirteen NumPy dtypes numox supports, and the traits
//! that sort them into families.
//!
//! | trait | types | what it adds |
//! |---|---|---|
//! | [`Element`] | `bool`, `i8..i64`, `u8..u64`, `f32`, `f64`, `Complex<f32>`, `Complex<f64>` | a [`DType`], NumPy's casts ([`Element::cast`]) |
//! | [`Numeric`] | all but `bool` | `+ - * /` with NumPy's integer semantics (wrapping, floor division) |
//! | [`RealNumeric`] | integers and floats | ordering, `%`, `min`/`max` with NaN propagation |
//! | [`Float`] | `f32`, `f64` | [`num_traits::Float`] |
//!
//! Integer arithmetic wraps on overflow, as NumPy's does; integer `/` is
//! NumPy's floor division `//` and `%` is NumPy's `remainder` (the sign of
//! the divisor), and both give 0 for a zero divisor as NumPy does (NumPy
//! also emits a `RuntimeWarning`, which numox has no equivalent for).

use num_complex::Complex;
use std::fmt::Debug;

/// Single-precision complex number (NumPy's `complex64`).
pub type Complex32 = Complex<f32>;
/// Double-precision complex number (NumPy's `complex128`).
pub type Complex64 = Complex<f64>;

/// A NumPy dtype that numox supports.
///
/// ```
/// use numox::DType;
/// assert_eq!(DType::Float64.name(), "float64");
/// assert_eq!(DType::Complex64.itemsize(), 8);
/// assert_eq!(<i16 as numox::Element>::DTYPE, DType::Int16);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DType {
    /// `bool`
    Bool,
    /// `int8`
    Int8,
    /// `int16`
    Int16,
    /// `int32`
    Int32,
    /// `int64`
    Int64,
    /// `uint8`
    UInt8,
    /// `uint16`
    UInt16,
    /// `uint32`
    UInt32,
    /// `uint64`
    UInt64,
    /// `float32`
    Float32,
    /// `float64`
    Float64,
    /// `complex64` (two `f32`)
    Complex64,
    /// `complex128` (two `f64`)
    Complex128,
}

impl DType {
    /// Every supported dtype, in NumPy's order.
    pub const ALL: [DType; 13] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];

    /// NumPy's name for the dtype (`"float64"`).
    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex64 => "complex64",
            DType::Complex128 => "complex128",
        }
    }

    /// Looks a dtype up by NumPy's name (`"float64"`, `"int8"`, `"bool"`).
    ///
    /// ```
    /// assert_eq!(numox::DType::from_name("uint16"), Some(numox::DType::UInt16));
    /// assert_eq!(numox::DType::from_name("object"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<DType> {
        DType::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Size of one element in bytes.
    pub fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// NumPy's kind character: `b`, `i`, `u`, `f` or `c`.
    pub fn kind(self) -> char {
        match self {
            DType::Bool => 'b',
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => 'i',
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => 'u',
            DType::Float32 | DType::Float64 => 'f',
            DType::Complex64 | DType::Complex128 => 'c',
        }
    }
}

impl std::fmt::Display for DType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One value of any element type, widened without loss: the hub through
/// which [`Element::cast`] converts between dtypes.
///
/// ```
/// use numox::{Element, Scalar};
/// assert_eq!(7i8.to_scalar(), Scalar::Int(7));
/// assert_eq!(f32::from_scalar(Scalar::Int(3)), 3.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    /// A `bool`.
    Bool(bool),
    /// A signed integer of any width.
    Int(i64),
    /// An unsigned integer of any width.
    UInt(u64),
    /// An `f32` or `f64` (an `f32` widens exactly).
    Float(f64),
    /// A `Complex<f32>` or `Complex<f64>`.
    Complex(Complex64),
}

mod sealed {
    pub trait Sealed {}
}

/// An element type of numox arrays: one of NumPy's dtypes.
///
/// The trait is sealed: the thirteen implementations are listed in the
/// [module docs](self).
pub trait Element: Copy + Send + Sync + Default + PartialEq + Debug + 'static + sealed::Sealed {
    /// The NumPy dtype of this type.
    const DTYPE: DType;

    /// Widens the value to a [`Scalar`] without loss.
    fn to_scalar(self) -> Scalar;

    /// Converts a [`Scalar`] with NumPy's casting rules (`astype`):
    ///
    /// * integer to narrower integer wraps (two's complement);
    /// * float to integer truncates toward zero; NaN, infinities and values
    ///   out of range give what NumPy 2.4 gives on x86-64 for a single value
    ///   (for `int32`/`int64` the minimum value; narrower types go through
    ///   `int32`, `uint32` through `int64`; `uint64` shifts values at or above
    ///   2^63 into signed range first). NumPy itself calls these results
    ///   undefined and warns; its SIMD loop for float-to-`uint32` even gives
    ///   other values for out-of-range elements depending on their position in
    ///   the array, so numox follows NumPy's per-element (scalar) path;
    /// * `f64` to `f32` rounds to nearest, overflow gives ±inf;
    /// * complex to real keeps the real part (NumPy warns, numox does not);
    /// * anything to `bool` is `value != 0`; `bool` to numbers is 0 or 1.
    fn from_scalar(s: Scalar) -> Self;

    /// Casts one value to another element type with NumPy's rules
    /// (see [`Element::from_scalar`]).
    ///
    /// ```
    /// use numox::Element;
    /// assert_eq!((-1.7f64).cast::<i32>(), -1);
    /// assert_eq!(300i32.cast::<u8>(), 44);
    /// assert_eq!(f64::NAN.cast::<i64>(), i64::MIN);
    /// assert_eq!(2.5f64.cast::<bool>(), true);
    /// ```
    #[inline]
    fn cast<U: Element>(self) -> U {
        U::from_scalar(self.to_scalar())
    }

    /// `true` when the value is zero (`False`, `0`, `0.0`, `-0.0`, `0+0j`);
    /// NaN is not zero.
    fn is_zero_value(&self) -> bool;
}

/// x86-64's `cvttsd2si` with a 32-bit destination: what C's `(int)double` does there.
#[inline]
fn f64_to_i32_x86(x: f64) -> i32 {
    if x.is_nan() || x >= 2147483648.0 || x <= -2147483649.0 {
        i32::MIN
    } else {
        x as i32
    }
}

/// 2^63 as an `f64` (exact).
const TWO_POW_63: f64 = (1u64 << 63) as f64;

/// x86-64's `cvttsd2si` with a 64-bit destination: what C's `(long)double` does there.
#[inline]
fn f64_to_i64_x86(x: f64) -> i64 {
    if x.is_nan() || !(-TWO_POW_63..TWO_POW_63).contains(&x) {
        i64::MIN
    } else {
        x as i64
    }
}

/// C's `(unsigned long)double` as compiled for x86-64 (values at or above
/// 2^63 are shifted into signed range first; NaN takes the signed path).
#[inline]
fn f64_to_u64_x86(x: f64) -> u64 {
    if x >= TWO_POW_63 {
        (f64_to_i64_x86(x - TWO_POW_63) as u64) ^ (1u64 << 63)
    } else {
        f64_to_i64_x86(x) as u64
    }
}

macro_rules! impl_int_element {
    ($t:ty, $dtype:ident, $variant:ident, $wide:ty, $from_float:expr) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$dtype;
            #[inline]
            fn to_scalar(self) -> Scalar {
                Scalar::$variant(self as $wide)
            }
            #[inline]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => b as $t,
                    Scalar::Int(i) => i as $t,
                    Scalar::UInt(u) => u as $t,
                    Scalar::Float(f) => $from_float(f),
                    Scalar::Complex(c) => $from_float(c.re),
                }
            }
            #[inline]
            fn is_zero_value(&self) -> bool {
                *self == 0
            }
        }
    };
}

impl_int_element!(i8, Int8, Int, i64, |f| f64_to_i32_x86(f) as i8);
impl_int_element!(i16, Int16, Int, i64, |f| f64_to_i32_x86(f) as i16);
impl_int_element!(i32, Int32, Int, i64, f64_to_i32_x86);
impl_int_element!(i64, Int64, Int, i64, f64_to_i64_x86);
impl_int_element!(u8, UInt8, UInt, u64, |f| f64_to_i32_x86(f) as u8);
impl_int_element!(u16, UInt16, UInt, u64, |f| f64_to_i32_x86(f) as u16);
impl_int_element!(u32, UInt32, UInt, u64, |f| f64_to_i64_x86(f) as u32);
impl_int_element!(u64, UInt64, UInt, u64, f64_to_u64_x86);

impl sealed::Sealed for bool {}
impl Element for bool {
    const DTYPE: DType = DType::Bool;
    #[inline]
    fn to_scalar(self) -> Scalar {
        Scalar::Bool(self)
    }
    #[inline]
    fn from_scalar(s: Scalar) -> Self {
        match s {
            Scalar::Bool(b) => b,
            Scalar::Int(i) => i != 0,
            Scalar::UInt(u) => u != 0,
            Scalar::Float(f) => f != 0.0,
            Scalar::Complex(c) => c.re != 0.0 || c.im != 0.0,
        }
    }
    #[inline]
    fn is_zero_value(&self) -> bool {
        !*self
    }
}

macro_rules! impl_float_element {
    ($t:ty, $dtype:ident) => {
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$dtype;
            #[inline]
            fn to_scalar(self) -> Scalar {
                Scalar::Float(self as f64)
            }
            #[inline]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => b as u8 as $t,
                    Scalar::Int(i) => i as $t,
                    Scalar::UInt(u) => u as $t,
                    Scalar::Float(f) => f as $t,
                    Scalar::Complex(c) => c.re as $t,
                }
            }
            #[inline]
            fn is_zero_value(&self) -> bool {
                *self == 0.0
            }
        }
    };
}
impl_float_element!(f32, Float32);
impl_float_element!(f64, Float64);

macro_rules! impl_complex_element {
    ($t:ty, $dtype:ident) => {
        impl sealed::Sealed for Complex<$t> {}
        impl Element for Complex<$t> {
            const DTYPE: DType = DType::$dtype;
            #[inline]
            fn to_scalar(self) -> Scalar {
                Scalar::Complex(Complex64::new(self.re as f64, self.im as f64))
            }
            #[inline]
            fn from_scalar(s: Scalar) -> Self {
                match s {
                    Scalar::Bool(b) => Complex::new(b as u8 as $t, 0.0),
                    Scalar::Int(i) => Complex::new(i as $t, 0.0),
                    Scalar::UInt(u) => Complex::new(u as $t, 0.0),
                    Scalar::Float(f) => Complex::new(f as $t, 0.0),
                    Scalar::Complex(c) => Complex::new(c.re as $t, c.im as $t),
                }
            }
            #[inline]
            fn is_zero_value(&self) -> bool {
                self.re == 0.0 && self.im == 0.0
            }
        }
    };
}
impl_complex_element!(f32, Complex64);
impl_complex_element!(f64, Complex128);

/// Element types with arithmetic: every [`Element`] but `bool`.
///
/// The operations follow NumPy: integer `+ - *` wrap on overflow, integer
/// [`Numeric::div`] is floor division with `x / 0 == 0`, float division is
/// IEEE division.
pub trait Numeric: Element + num_traits::Zero + num_traits::One {
    /// The type `sum` and `prod` accumulate in and return: `i64` for signed
    /// integers, `u64` for unsigned ones, the type itself for floats and
    /// complex numbers (NumPy's rule on 64-bit Linux).
    type Sum: Numeric;
    /// The type `mean`, `var` and `std` return: `f64` for integers, the type
    /// itself for floats and complex numbers.
    type Mean: Numeric;
    /// Addition (wrapping for integers).
    fn add(self, rhs: Self) -> Self;
    /// Subtraction (wrapping for integers).
    fn sub(self, rhs: Self) -> Self;
    /// Multiplication (wrapping for integers).
    fn mul(self, rhs: Self) -> Self;
    /// Division: NumPy's `//` for integers (0 for a zero divisor), true division otherwise.
    fn div(self, rhs: Self) -> Self;
    /// Negation (wrapping for integers; unsigned wraps as NumPy's `-x` does).
    fn neg(self) -> Self;
    /// Converts to the accumulation type.
    fn to_sum(self) -> Self::Sum;
    /// Converts to the mean type.
    fn to_mean(self) -> Self::Mean;
    /// Converts an element count (for means) to the mean type.
    fn count_to_mean(n: usize) -> Self::Mean;
    /// `|x|²` as the real part of the mean type (for `var`); equals `x*x` for real types.
    fn abs_sqr_mean(x: Self::Mean) -> Self::Mean;
    /// `true` for NaN (always `false` for integers; either part NaN for complex).
    fn is_nan_value(self) -> bool;
}

/// Real element types (integers and floats): ordered, with `%` and floor division.
pub trait RealNumeric: Numeric + PartialOrd {
    /// NumPy's `remainder` (Python's `%`): the result has the sign of the
    /// divisor; 0 for an integer zero divisor, NaN for a float one.
    fn rem(self, rhs: Self) -> Self;
    /// NumPy's `floor_divide` (`//`).
    fn floor_div(self, rhs: Self) -> Self;
    /// The smallest value of the type (`-inf` for floats).
    fn min_value() -> Self;
    /// The largest value of the type (`+inf` for floats).
    fn max_value() -> Self;
    /// Converts to `f64` (rounding for 64-bit integers beyond 2^53).
    fn to_f64(self) -> f64;
}

/// `f32` and `f64`.
pub trait Float: RealNumeric + num_traits::Float + num_traits::FloatConst {}
impl Float for f32 {}
impl Float for f64 {}

macro_rules! impl_int_numeric {
    ($t:ty, $sum:ty) => {
        impl Numeric for $t {
            type Sum = $sum;
            type Mean = f64;
            #[inline]
            fn add(self, rhs: Self) -> Self {
                self.wrapping_add(rhs)
            }
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                self.wrapping_sub(rhs)
            }
            #[inline]
            fn mul(self, rhs: Self) -> Self {
                self.wrapping_mul(rhs)
            }
            #[inline]
            fn div(self, rhs: Self) -> Self {
                RealNumeric::floor_div(self, rhs)
            }
            #[inline]
            fn neg(self) -> Self {
                (0 as $t).wrapping_sub(self)
            }
            #[inline]
            fn to_sum(self) -> $sum {
                self as $sum
            }
            #[inline]
            fn to_mean(self) -> f64 {
                self as f64
            }
            #[inline]
            fn count_to_mean(n: usize) -> f64 {
                n as f64
            }
            #[inline]
            fn abs_sqr_mean(x: f64) -> f64 {
                x * x
            }
            #[inline]
            fn is_nan_value(self) -> bool {
                false
            }
        }
        impl RealNumeric for $t {
            #[inline]
            #[allow(unused_comparisons)]
            fn rem(self, rhs: Self) -> Self {
                if rhs == 0 {
                    return 0;
                }
                // wrapping_rem: MIN % -1 is 0 rather than a trap.
                let r = self.wrapping_rem(rhs);
                if r != 0 && ((r < 0) != (rhs < 0)) {
                    r.wrapping_add(rhs)
                } else {
                    r
                }
            }
            #[inline]
            #[allow(unused_comparisons)]
            fn floor_div(self, rhs: Self) -> Self {
                if rhs == 0 {
                    return 0;
                }
                // wrapping_div: MIN / -1 wraps to MIN, as NumPy's does.
                let q = self.wrapping_div(rhs);
                if (self.wrapping_rem(rhs) != 0) && ((self < 0) != (rhs < 0)) {
                    q.wrapping_sub(1)
                } else {
                    q
                }
            }
            #[inline]
            fn min_value() -> Self {
                <$t>::MIN
            }
            #[inline]
            fn max_value() -> Self {
                <$t>::MAX
            }
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    };
}
impl_int_numeric!(i8, i64);
impl_int_numeric!(i16, i64);
impl_int_numeric!(i32, i64);
impl_int_numeric!(i64, i64);
impl_int_numeric!(u8, u64);
impl_int_numeric!(u16, u64);
impl_int_numeric!(u32, u64);
impl_int_numeric!(u64, u64);

macro_rules! impl_float_numeric {
    ($t:ty) => {
        impl Numeric for $t {
            type Sum = $t;
            type Mean = $t;
            #[inline]
            fn add(self, rhs: Self) -> Self {
                self + rhs
            }
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                self - rhs
            }
            #[inline]
            fn mul(self, rhs: Self) -> Self {
                self * rhs
            }
            #[inline]
            fn div(self, rhs: Self) -> Self {
                self / rhs
            }
            #[inline]
            fn neg(self) -> Self {
                -self
            }
            #[inline]
            fn to_sum(self) -> $t {
                self
            }
            #[inline]
            fn to_mean(self) -> $t {
                self
            }
            #[inline]
            fn count_to_mean(n: usize) -> $t {
                n as $t
            }
            #[inline]
            fn abs_sqr_mean(x: $t) -> $t {
                x * x
            }
            #[inline]
            fn is_nan_value(self) -> bool {
                self.is_nan()
            }
        }
        impl RealNumeric for $t {
            #[inline]
            fn rem(self, rhs: Self) -> Self {
                float_divmod(self, rhs).1
            }
            #[inline]
            fn floor_div(self, rhs: Self) -> Self {
                float_divmod(self, rhs).0
            }
            #[inline]
            fn min_value() -> Self {
                <$t>::NEG_INFINITY
            }
            #[inline]
            fn max_value() -> Self {
                <$t>::INFINITY
            }
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    };
}
impl_float_numeric!(f32);
impl_float_numeric!(f64);

/// NumPy's `npy_divmod` for floats: `(floor(a / b), a mod b)` computed the way
/// CPython and NumPy do, so that `a == q * b + r` as closely as rounding allows
/// and `r` has the sign of `b`.
#[inline]
pub(crate) fn float_divmod<T: num_traits::Float>(a: T, b: T) -> (T, T) {
    let zero = T::zero();
    if b == zero {
        // NumPy: floor_divide(a, 0) = a / 0 (inf or nan), remainder = nan.
        return (a / b, T::nan());
    }
    let m = a % b; // C fmod
    let mut div = (a - m) / b;
    let mut m = m;
    if m != zero {
        if (b < zero) != (m < zero) {
            m = m + b;
            div = div - T::one();
        }
    } else {
        m = zero.copysign(b);
    }
    let floordiv = if div != zero {
        let f = div.floor();
        if div - f > T::from(0.5).unwrap() {
            f + T::one()
        } else {
            f
        }
    } else {
        zero.copysign(a / b)
    };
    (floordiv, m)
}

macro_rules! impl_complex_numeric {
    ($t:ty) => {
        impl Numeric for Complex<$t> {
            type Sum = Complex<$t>;
            type Mean = Complex<$t>;
            #[inline]
            fn add(self, rhs: Self) -> Self {
                self + rhs
            }
            #[inline]
            fn sub(self, rhs: Self) -> Self {
                self - rhs
            }
            #[inline]
            fn mul(self, rhs: Self) -> Self {
                self * rhs
            }
            #[inline]
            fn div(self, rhs: Self) -> Self {
                complex_div(self, rhs)
            }
            #[inline]
            fn neg(self) -> Self {
                -self
            }
            #[inline]
            fn to_sum(self) -> Self {
                self
            }
            #[inline]
            fn to_mean(self) -> Self {
                self
            }
            #[inline]
            fn count_to_mean(n: usize) -> Self {
                Complex::new(n as $t, 0.0)
            }
            #[inline]
            fn abs_sqr_mean(x: Self) -> Self {
                Complex::new(x.norm_sqr(), 0.0)
            }
            #[inline]
            fn is_nan_value(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
    };
}
impl_complex_numeric!(f32);
impl_complex_numeric!(f64);

/// Complex division with Smith's algorithm, as NumPy uses (it avoids the
/// overflow of the textbook formula for large operands).
#[inline]
fn complex_div<T: num_traits::Float>(a: Complex<T>, b: Complex<T>) -> Complex<T> {
    let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == T::zero() && abs_bi == T::zero() {
            // Divide by zero: NumPy gives inf/nan componentwise.
            return Complex::new(ar / abs_br, ai / abs_bi);
        }
        let rat = bi / br;
        let scl = T::one() / (br + bi * rat);
        Complex::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
    } else {
        let rat = br / bi;
        let scl = T::one() / (bi + br * rat);
        Complex::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_floor_division_and_remainder_follow_numpy_signs() {
        // np.array([7, -7, 7, -7]) // np.array([2, 2, -2, -2]) == [3, -4, -4, 3]
        assert_eq!(
            [7i32.div(2), (-7i32).div(2), 7i32.div(-2), (-7i32).div(-2)],
            [3, -4, -4, 3]
        );
        // np.array([7, -7, 7, -7]) % np.array([2, 2, -2, -2]) == [1, 1, -1, -1]
        assert_eq!(
            [7i32.rem(2), (-7i32).rem(2), 7i32.rem(-2), (-7i32).rem(-2)],
            [1, 1, -1, -1]
        );
        assert_eq!(5i64.div(0), 0);
        assert_eq!(5i64.rem(0), 0);
        assert_eq!(i8::MIN.div(-1), i8::MIN);
        assert_eq!(i8::MIN.rem(-1), 0);
        assert_eq!(250u8.add(10), 4);
    }

    #[test]
    fn float_divmod_matches_python() {
        // Python: divmod(7.5, -2) == (-4.0, -0.5); divmod(-0.0, 3) == (-0.0, 0.0)
        assert_eq!(float_divmod(7.5f64, -2.0), (-4.0, -0.5));
        let (q, r) = float_divmod(-0.0f64, 3.0);
        assert!(q == 0.0 && q.is_sign_negative() && r == 0.0 && r.is_sign_positive());
        assert!(float_divmod(1.0f64, 0.0).1.is_nan());
        assert_eq!(float_divmod(1.0f64, 0.0).0, f64::INFINITY);
    }

    #[test]
    fn float_to_int_casts_follow_numpy_on_x86_64() {
        assert_eq!(f64::NAN.cast::<i32>(), i32::MIN);
        assert_eq!(1e20f64.cast::<i64>(), i64::MIN);
        assert_eq!((-1.0f64).cast::<u8>(), 255);
        assert_eq!((-1.0f64).cast::<u64>(), u64::MAX);
        // Values printed by NumPy 2.4.6 on this machine:
        // np.array([2.**64, nan, inf, -inf]).astype(np.uint64) == [0, 2**63, 0, 2**63]
        assert_eq!(1.8446744073709552e19f64.cast::<u64>(), 0);
        assert_eq!(f64::NAN.cast::<u64>(), 1u64 << 63);
        assert_eq!(f64::INFINITY.cast::<u64>(), 0);
        assert_eq!(f64::NEG_INFINITY.cast::<u64>(), 1u64 << 63);
        // Element by element (NumPy's scalar path), np.array([x]).astype(np.uint32) for
        // x in [nan, inf, 1e10, -1e10, -1.5] gives [0, 0, 1410065408, 2884901888, 4294967295].
        assert_eq!(f64::NAN.cast::<u32>(), 0);
        assert_eq!(f64::INFINITY.cast::<u32>(), 0);
        assert_eq!(1e10f64.cast::<u32>(), 1410065408);
        assert_eq!((-1e10f64).cast::<u32>(), 2884901888);
        assert_eq!((-1.5f64).cast::<u32>(), u32::MAX);
        // np.array([300.7, -300.7, 1e10]).astype(np.uint8) == [44, 212, 0]
        assert_eq!(
            [
                300.7f64.cast::<u8>(),
                (-300.7f64).cast::<u8>(),
                1e10f64.cast::<u8>()
            ],
            [44, 212, 0]
        );
        assert_eq!(1e19f64.cast::<u64>(), 10_000_000_000_000_000_000);
        assert_eq!(3.99f32.cast::<i16>(), 3);
        assert_eq!(Complex64::new(2.5, 1.0).cast::<f32>(), 2.5);
        assert!(Complex64::new(0.0, 1.0).cast::<bool>());
        assert_eq!(u64::MAX.cast::<i64>(), -1);
        assert_eq!(u64::MAX.cast::<f32>(), 1.8446744e19);
    }

    #[test]
    fn complex_division_is_smith() {
        let q = complex_div(Complex64::new(1.0, 2.0), Complex64::new(3.0, -4.0));
        assert!((q.re - (-0.2)).abs() < 1e-16 && (q.im - 0.4).abs() < 1e-16);
        let big = complex_div(Complex64::new(1e300, 1e300), Complex64::new(1e300, 1e300));
        assert_eq!(big, Complex64::new(1.0, 0.0));
    }
}
