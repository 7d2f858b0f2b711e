//! Integer functions: `gcd`, `lcm`, shifts and the named bitwise
//! functions (NumPy's `bitwise_and`, `bitwise_or`, `bitwise_xor`,
//! `invert`/`bitwise_not`, `left_shift`, `right_shift`, `bitwise_count`).
//! All exact, with NumPy's wrapping and out-of-range shift rules.

use super::{binary, unary_map, unary_same};
use crate::element::Element;
use crate::ufunc::Bitwise;
use crate::umath::engine::kern;

/// Integer element types (sealed through [`Element`]): `gcd`, `lcm`,
/// shifts and bit counts with NumPy's semantics.
pub trait Integer: Bitwise + Element {
    /// Greatest common divisor, non-negative except that NumPy's wrapping
    /// `abs` keeps `MIN` (`gcd(i8::MIN, 0) == i8::MIN`).
    ///
    /// ```
    /// use numox::Integer;
    /// assert_eq!(12i32.gcd_elem(-18), 6);
    /// ```
    fn gcd_elem(self, b: Self) -> Self;
    /// Least common multiple, `|a| / gcd(a, b) * |b|` with wrapping (as NumPy).
    ///
    /// ```
    /// use numox::Integer;
    /// assert_eq!(4i32.lcm_elem(6), 12);
    /// ```
    fn lcm_elem(self, b: Self) -> Self;
    /// `self << b`; 0 when `b` is negative or at least the bit width.
    ///
    /// ```
    /// use numox::Integer;
    /// assert_eq!(1i8.shl_elem(8), 0);
    /// ```
    fn shl_elem(self, b: Self) -> Self;
    /// `self >> b` (arithmetic for signed types); for `b` out of range, the
    /// sign fill (0 or -1).
    ///
    /// ```
    /// use numox::Integer;
    /// assert_eq!((-128i8).shr_elem(100), -1);
    /// ```
    fn shr_elem(self, b: Self) -> Self;
    /// The number of one bits of `|self|` (NumPy's `bitwise_count`).
    ///
    /// ```
    /// use numox::Integer;
    /// assert_eq!((-1i8).count_ones_elem(), 1);
    /// ```
    fn count_ones_elem(self) -> u8;
}

macro_rules! unsigned_impl {
    ($($t:ty, $bits:expr);*) => {$(
        impl Integer for $t {
            #[inline]
            fn gcd_elem(self, b: $t) -> $t {
                let (mut a, mut b) = (self, b);
                while b != 0 {
                    let t = a % b;
                    a = b;
                    b = t;
                }
                a
            }
            #[inline]
            fn lcm_elem(self, b: $t) -> $t {
                let g = self.gcd_elem(b);
                if g == 0 { 0 } else { (self / g).wrapping_mul(b) }
            }
            #[inline]
            fn shl_elem(self, b: $t) -> $t {
                if b as u64 >= $bits { 0 } else { self << (b as u32) }
            }
            #[inline]
            fn shr_elem(self, b: $t) -> $t {
                if b as u64 >= $bits { 0 } else { self >> (b as u32) }
            }
            #[inline]
            fn count_ones_elem(self) -> u8 {
                self.count_ones() as u8
            }
        }
    )*};
}

/// Signed types: gcd through the unsigned absolute values, wrapping results.
macro_rules! signed_gcd {
    ($($t:ty, $bits:expr);*) => {$(
        impl Integer for $t {
            #[inline]
            fn gcd_elem(self, b: $t) -> $t {
                let (mut a, mut b) = (self.unsigned_abs(), b.unsigned_abs());
                while b != 0 {
                    let t = a % b;
                    a = b;
                    b = t;
                }
                a as $t
            }
            #[inline]
            fn lcm_elem(self, b: $t) -> $t {
                let g = self.gcd_elem(b);
                if g == 0 {
                    return 0;
                }
                (self.wrapping_abs() / g).wrapping_mul(b.wrapping_abs())
            }
            #[inline]
            fn shl_elem(self, b: $t) -> $t {
                if b < 0 || b as i64 >= $bits { 0 } else { self << (b as u32) }
            }
            #[inline]
            fn shr_elem(self, b: $t) -> $t {
                if b < 0 || b as i64 >= $bits { if self < 0 { -1 } else { 0 } } else { self >> (b as u32) }
            }
            #[inline]
            fn count_ones_elem(self) -> u8 {
                self.unsigned_abs().count_ones() as u8
            }
        }
    )*};
}
signed_gcd!(i8, 8; i16, 16; i32, 32; i64, 64);
unsigned_impl!(u8, 8; u16, 16; u32, 32; u64, 64);

binary!(
    /// The greatest common divisor (NumPy's `np.gcd`).
    gcd, gcd_into, Integer, A, |a: A, b: A| a.gcd_elem(b), "gcd",
    "array![12i8, -128, 0]", "array![-18i8, 0, 0]" => "array![6i8, -128, 0]"
);
binary!(
    /// The least common multiple (NumPy's `np.lcm`).
    lcm, lcm_into, Integer, A, |a: A, b: A| a.lcm_elem(b), "lcm",
    "array![4, 0]", "array![6, 5]" => "array![12, 0]"
);
binary!(
    /// `a << b` (NumPy's `np.left_shift`); 0 for shifts outside `0..bits`.
    left_shift, left_shift_into, Integer, A, |a: A, b: A| a.shl_elem(b), "left_shift",
    "array![1i8, 1, 3]", "array![7i8, 8, 1]" => "array![-128i8, 0, 6]"
);
binary!(
    /// `a >> b` (NumPy's `np.right_shift`), arithmetic for signed types.
    right_shift, right_shift_into, Integer, A, |a: A, b: A| a.shr_elem(b), "right_shift",
    "array![-128i8, -1, 64]", "array![8i8, 100, 2]" => "array![-1i8, -1, 16]"
);
binary!(
    /// `a & b` (NumPy's `np.bitwise_and`; also the `&` operator).
    bitwise_and, bitwise_and_into, Bitwise, A, |a: A, b: A| a.bit_and(b), "bitwise_and",
    "array![12, 10]", "array![10]" => "array![8, 10]"
);
binary!(
    /// `a | b` (NumPy's `np.bitwise_or`; also the `|` operator).
    bitwise_or, bitwise_or_into, Bitwise, A, |a: A, b: A| a.bit_or(b), "bitwise_or",
    "array![12, 1]", "array![10]" => "array![14, 11]"
);
binary!(
    /// `a ^ b` (NumPy's `np.bitwise_xor`; also the `^` operator).
    bitwise_xor, bitwise_xor_into, Bitwise, A, |a: A, b: A| a.bit_xor(b), "bitwise_xor",
    "array![true, false]", "array![true]" => "array![false, true]"
);
unary_same!(
    /// `!x`, bitwise (NumPy's `np.invert`; logical not for `bool`).
    invert, invert_into, invert_inplace, Bitwise, kern(|v: A| v.bit_not()), "invert",
    "array![0u8, 255]" => "array![255u8, 0]"
);
unary_same!(
    /// NumPy's `np.bitwise_not`: the same as [`invert`].
    bitwise_not, bitwise_not_into, bitwise_not_inplace, Bitwise, kern(|v: A| v.bit_not()), "bitwise_not",
    "array![0i8, -1]" => "array![-1i8, 0]"
);
unary_map!(
    /// The number of one bits of `|x|`, as `u8` (NumPy's `np.bitwise_count`).
    bitwise_count, bitwise_count_into, Integer, u8, |v: A| v.count_ones_elem(), "bitwise_count",
    "array![-1i32, 7, 0]" => "array![1u8, 3, 0]"
);
