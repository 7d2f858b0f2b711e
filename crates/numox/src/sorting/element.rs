//! [`SortElement`]: NumPy's sort order for every element type, and the
//! order-preserving unsigned keys the radix sorts work on.

use crate::element::Element;
use num_complex::Complex;
use std::cmp::Ordering;

/// An element type numox can sort, search and deduplicate: every NumPy dtype
/// numox supports (`bool`, all integers, `f32`, `f64`, `Complex<f32>`,
/// `Complex<f64>`).
///
/// The order is NumPy's: integers and bools by value; floats by value with
/// `-0.0 == 0.0` and every NaN after `+inf` (NaNs equal to each other in
/// the sort); complex numbers lexicographically by (real, imaginary) among
/// the values without NaN, followed by those whose imaginary part alone is
/// NaN (by real part), then those whose real part is NaN (by imaginary
/// part), then `nan+nanj` (NumPy's "R + Rj, R + nanj, nan + Rj, nan + nanj").
///
/// ```
/// use numox::SortElement;
/// use std::cmp::Ordering;
/// assert_eq!(f64::NAN.np_cmp(&f64::INFINITY), Ordering::Greater);
/// assert_eq!((-0.0f64).np_cmp(&0.0), Ordering::Equal);
/// assert!(!f64::NAN.np_eq(&f64::NAN));
/// ```
pub trait SortElement: Element {
    /// Bytes of the radix key (0: no radix key, compare with [`SortElement::np_cmp`]).
    #[doc(hidden)]
    const KEY_BYTES: usize;
    /// An unsigned key whose order is NumPy's sort order (only the low
    /// `KEY_BYTES` bytes are used; unused for complex numbers).
    #[doc(hidden)]
    fn sort_key(self) -> u64;
    /// A bijective order-preserving key (floats: `-0.0` below `0.0`, NaNs
    /// by sign and payload) and its inverse; it equals [`sort_key`](Self::sort_key)'s
    /// order on every value but `-0.0` and NaNs other than the positive quiet one.
    #[doc(hidden)]
    fn raw_key(self) -> u64;
    /// The inverse of [`raw_key`](Self::raw_key).
    #[doc(hidden)]
    fn from_raw_key(k: u64) -> Self;
    /// `true` when [`raw_key`](Self::raw_key) would order `self` differently
    /// from NumPy (`-0.0`, a NaN other than `f64::NAN`'s bits).
    #[doc(hidden)]
    fn raw_key_special(self) -> bool;
    /// NumPy's sort order as a total order (NaN last, `-0.0 == 0.0`).
    fn np_cmp(&self, other: &Self) -> Ordering;
    /// NumPy's `==`: NaN equals nothing, `-0.0 == 0.0`.
    fn np_eq(&self, other: &Self) -> bool;
    /// `true` for NaN (complex: either part NaN); `false` for integers and bools.
    fn np_isnan(&self) -> bool;
}

impl SortElement for bool {
    const KEY_BYTES: usize = 1;
    #[inline]
    fn sort_key(self) -> u64 {
        self as u64
    }
    #[inline]
    fn raw_key(self) -> u64 {
        self as u64
    }
    #[inline]
    fn from_raw_key(k: u64) -> Self {
        k != 0
    }
    #[inline]
    fn raw_key_special(self) -> bool {
        false
    }
    #[inline]
    fn np_cmp(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }
    #[inline]
    fn np_eq(&self, other: &Self) -> bool {
        self == other
    }
    #[inline]
    fn np_isnan(&self) -> bool {
        false
    }
}

macro_rules! sort_uint {
    ($($t:ty),*) => {$(
        impl SortElement for $t {
            const KEY_BYTES: usize = std::mem::size_of::<$t>();
            #[inline]
            fn sort_key(self) -> u64 {
                self as u64
            }
            #[inline]
            fn raw_key(self) -> u64 {
                self as u64
            }
            #[inline]
            fn from_raw_key(k: u64) -> Self {
                k as $t
            }
            #[inline]
            fn raw_key_special(self) -> bool {
                false
            }
            #[inline]
            fn np_cmp(&self, other: &Self) -> Ordering {
                self.cmp(other)
            }
            #[inline]
            fn np_eq(&self, other: &Self) -> bool {
                self == other
            }
            #[inline]
            fn np_isnan(&self) -> bool {
                false
            }
        }
    )*};
}
sort_uint!(u8, u16, u32, u64);

macro_rules! sort_int {
    ($($t:ty => $u:ty),*) => {$(
        impl SortElement for $t {
            const KEY_BYTES: usize = std::mem::size_of::<$t>();
            #[inline]
            fn sort_key(self) -> u64 {
                // Flipping the sign bit maps two's complement order onto unsigned order.
                ((self as $u) ^ (1 << (<$u>::BITS - 1))) as u64
            }
            #[inline]
            fn raw_key(self) -> u64 {
                self.sort_key()
            }
            #[inline]
            fn from_raw_key(k: u64) -> Self {
                ((k as $u) ^ (1 << (<$u>::BITS - 1))) as $t
            }
            #[inline]
            fn raw_key_special(self) -> bool {
                false
            }
            #[inline]
            fn np_cmp(&self, other: &Self) -> Ordering {
                self.cmp(other)
            }
            #[inline]
            fn np_eq(&self, other: &Self) -> bool {
                self == other
            }
            #[inline]
            fn np_isnan(&self) -> bool {
                false
            }
        }
    )*};
}
sort_int!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);

macro_rules! sort_float {
    ($($t:ty => $u:ty),*) => {$(
        impl SortElement for $t {
            const KEY_BYTES: usize = std::mem::size_of::<$t>();
            #[inline]
            fn sort_key(self) -> u64 {
                const SIGN: $u = 1 << (<$u>::BITS - 1);
                if self.is_nan() {
                    // Every NaN (any sign or payload) after +inf, equal to each other.
                    return <$u>::MAX as u64;
                }
                // `+ 0.0` turns -0.0 into +0.0, so the two zeros share a key.
                let b = (self + 0.0).to_bits();
                (if b & SIGN != 0 { !b } else { b | SIGN }) as u64
            }
            #[inline]
            fn raw_key(self) -> u64 {
                const SIGN: $u = 1 << (<$u>::BITS - 1);
                let b = self.to_bits();
                (if b & SIGN != 0 { !b } else { b | SIGN }) as u64
            }
            #[inline]
            fn from_raw_key(k: u64) -> Self {
                const SIGN: $u = 1 << (<$u>::BITS - 1);
                let k = k as $u;
                <$t>::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k })
            }
            #[inline]
            fn raw_key_special(self) -> bool {
                const SIGN: $u = 1 << (<$u>::BITS - 1);
                let b = self.to_bits();
                (self == 0.0 && b & SIGN != 0) || (self.is_nan() && b != <$t>::NAN.to_bits())
            }
            #[inline]
            fn np_cmp(&self, other: &Self) -> Ordering {
                self.sort_key().cmp(&other.sort_key())
            }
            #[inline]
            fn np_eq(&self, other: &Self) -> bool {
                self == other
            }
            #[inline]
            fn np_isnan(&self) -> bool {
                self.is_nan()
            }
        }
    )*};
}
sort_float!(f32 => u32, f64 => u64);

macro_rules! sort_complex {
    ($($t:ty),*) => {$(
        impl SortElement for Complex<$t> {
            const KEY_BYTES: usize = 0;
            #[inline]
            fn sort_key(self) -> u64 {
                0
            }
            #[inline]
            fn raw_key(self) -> u64 {
                0
            }
            #[inline]
            fn from_raw_key(_: u64) -> Self {
                Self::default()
            }
            #[inline]
            fn raw_key_special(self) -> bool {
                true
            }
            fn np_cmp(&self, other: &Self) -> Ordering {
                // Class first: (re is NaN, im is NaN) as (false,false) <
                // (false,true) < (true,false) < (true,true); then the real
                // parts, then the imaginary parts (NaN keys are all equal).
                let class = |z: &Complex<$t>| ((z.re.is_nan() as u8) << 1) | z.im.is_nan() as u8;
                class(self)
                    .cmp(&class(other))
                    .then_with(|| self.re.np_cmp(&other.re))
                    .then_with(|| self.im.np_cmp(&other.im))
            }
            #[inline]
            fn np_eq(&self, other: &Self) -> bool {
                self == other
            }
            #[inline]
            fn np_isnan(&self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
    )*};
}
sort_complex!(f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_follow_numpy_order() {
        let v = [
            f64::NEG_INFINITY,
            -1.5,
            -0.0,
            0.0,
            1e-300,
            2.0,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        for w in v.windows(2) {
            assert!(w[0].sort_key() <= w[1].sort_key(), "{w:?}");
        }
        assert_eq!((-0.0f64).sort_key(), 0.0f64.sort_key());
        assert_eq!(f64::NAN.sort_key(), (-f64::NAN).sort_key());
        assert_eq!((-0.0f32).sort_key(), 0.0f32.sort_key());
        assert!(f32::NAN.sort_key() > f32::INFINITY.sort_key());
        assert!(f32::MIN.sort_key() < (-1.0f32).sort_key());
        for x in [-2.5f64, -0.0, 0.0, 1e-310, f64::INFINITY, f64::NAN, -f64::NAN] {
            assert_eq!(f64::from_raw_key(x.raw_key()).to_bits(), x.to_bits());
        }
        assert!((-0.0f64).raw_key_special() && (-f64::NAN).raw_key_special());
        assert!(!f64::NAN.raw_key_special() && !0.0f32.raw_key_special());
        for x in [i8::MIN, -1, 0, 7, i8::MAX] {
            assert_eq!(i8::from_raw_key(x.raw_key()), x);
        }
        assert_eq!(u16::from_raw_key(65535u16.raw_key()), 65535);
    }

    #[test]
    fn int_keys_follow_value_order() {
        assert!(i8::MIN.sort_key() < (-1i8).sort_key());
        assert!((-1i64).sort_key() < 0i64.sort_key());
        assert!(0i32.sort_key() < i32::MAX.sort_key());
        assert!(i16::MAX.sort_key() < 1 << 16);
    }

    #[test]
    fn complex_order_puts_nan_classes_last() {
        let nan = f64::NAN;
        let z = |re, im| Complex::new(re, im);
        let v = [
            z(1.0, 5.0),
            z(2.0, 0.0),
            z(0.0, nan),
            z(3.0, nan),
            z(nan, -1.0),
            z(nan, 2.0),
            z(nan, nan),
        ];
        for w in v.windows(2) {
            assert_eq!(w[0].np_cmp(&w[1]), Ordering::Less, "{w:?}");
        }
        assert!(!z(nan, 1.0).np_eq(&z(nan, 1.0)));
        assert!(z(nan, 0.0).np_isnan() && z(0.0, nan).np_isnan());
    }
}
