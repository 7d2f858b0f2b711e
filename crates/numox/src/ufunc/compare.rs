//! Comparisons returning `Array<bool>`: NumPy's `equal`, `not_equal`,
//! `less`, `less_equal`, `greater`, `greater_equal`, with broadcasting.
//!
//! Free functions and methods take two arrays and return a [`Result`]
//! (shape mismatch); the `_scalar` methods compare with one value and
//! cannot fail. NaN compares false with everything (and `not_equal` is
//! true); complex numbers order lexicographically (real part first) as
//! NumPy's do, and `false < true`.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![1.0, f64::NAN, 3.0];
//! assert_eq!(numox::less(&a, &array![2.0]).unwrap(), array![true, false, false]);
//! assert_eq!(a.not_equal_scalar(3.0), array![true, true, false]);
//! assert_eq!(a.greater_scalar(0.5), array![true, false, true]);
//! ```

use super::kernel::{map1_new, map2_op};
use crate::array::{Array, ArrayBase, Data};
use crate::element::{Complex32, Complex64, Element};
use crate::error::Result;

mod sealed {
    pub trait Sealed {}
}

/// Element types with NumPy's comparison semantics (all thirteen dtypes).
pub trait Compare: Element + sealed::Sealed {
    /// `self == other` (false when either is NaN).
    fn np_eq(self, other: Self) -> bool;
    /// `self < other` (false when either is NaN; lexicographic for complex).
    fn np_lt(self, other: Self) -> bool;
    /// `self <= other` (false when either is NaN; lexicographic for complex).
    fn np_le(self, other: Self) -> bool;
    /// `true` for NaN (either part NaN for complex; never for integers and `bool`).
    fn np_isnan(self) -> bool;
}

macro_rules! impl_compare_real {
    ($($t:ty: $nan:expr),*) => {$(
        impl sealed::Sealed for $t {}
        impl Compare for $t {
            #[inline(always)]
            fn np_eq(self, other: Self) -> bool { self == other }
            #[inline(always)]
            #[allow(clippy::bool_comparison)]
            fn np_lt(self, other: Self) -> bool { self < other }
            #[inline(always)]
            #[allow(clippy::bool_comparison)]
            fn np_le(self, other: Self) -> bool { self <= other }
            #[inline(always)]
            fn np_isnan(self) -> bool { let f: fn($t) -> bool = $nan; f(self) }
        }
    )*};
}
impl_compare_real!(
    bool: |_| false, i8: |_| false, i16: |_| false, i32: |_| false, i64: |_| false,
    u8: |_| false, u16: |_| false, u32: |_| false, u64: |_| false,
    f32: f32::is_nan, f64: f64::is_nan
);

macro_rules! impl_compare_complex {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Compare for $t {
            #[inline(always)]
            fn np_eq(self, o: Self) -> bool {
                self.re == o.re && self.im == o.im
            }
            // NumPy's CLT/CLE: lexicographic, and a NaN imaginary part makes
            // "real parts decide" comparisons false.
            #[inline(always)]
            fn np_lt(self, o: Self) -> bool {
                (self.re < o.re && !self.im.is_nan() && !o.im.is_nan()) || (self.re == o.re && self.im < o.im)
            }
            #[inline(always)]
            fn np_le(self, o: Self) -> bool {
                (self.re < o.re && !self.im.is_nan() && !o.im.is_nan()) || (self.re == o.re && self.im <= o.im)
            }
            #[inline(always)]
            fn np_isnan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
        }
    )*};
}
impl_compare_complex!(Complex32, Complex64);

#[inline(always)]
fn eq<A: Compare>(x: A, y: A) -> bool {
    x.np_eq(y)
}
#[inline(always)]
fn ne<A: Compare>(x: A, y: A) -> bool {
    !x.np_eq(y)
}
#[inline(always)]
fn lt<A: Compare>(x: A, y: A) -> bool {
    x.np_lt(y)
}
#[inline(always)]
fn le<A: Compare>(x: A, y: A) -> bool {
    x.np_le(y)
}
#[inline(always)]
fn gt<A: Compare>(x: A, y: A) -> bool {
    y.np_lt(x)
}
#[inline(always)]
fn ge<A: Compare>(x: A, y: A) -> bool {
    y.np_le(x)
}

macro_rules! comparison {
    ($name:ident, $scalar:ident, $f:ident, $sym:literal, $ex_a:expr, $ex_b:expr, $ex_out:expr) => {
        #[doc = concat!("`a ", $sym, " b` elementwise with broadcasting (NumPy's `np.", stringify!($name), "`).")]
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let r = numox::", stringify!($name), "(&", $ex_a, ", &", $ex_b, ").unwrap();")]
        #[doc = concat!("assert_eq!(r, ", $ex_out, ");")]
        /// assert!(numox::less(&array![1, 2], &array![1, 2, 3]).is_err());
        /// ```
        pub fn $name<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<bool>>
        where
            A: Compare,
            S1: Data<Elem = A>,
            S2: Data<Elem = A>,
        {
            map2_op(stringify!($name), a, b, $f::<A>)
        }

        impl<A: Compare, S: Data<Elem = A>> ArrayBase<S> {
            #[doc = concat!("`self ", $sym, " other` elementwise with broadcasting; see [`", stringify!($name), "`](fn@", stringify!($name), ").")]
            ///
            /// ```
            /// use numox::prelude::*;
            #[doc = concat!("assert_eq!(", $ex_a, ".", stringify!($name), "(&", $ex_b, ").unwrap(), ", $ex_out, ");")]
            /// ```
            pub fn $name<S2: Data<Elem = A>>(&self, other: &ArrayBase<S2>) -> Result<Array<bool>> {
                $name(self, other)
            }

            #[doc = concat!("`self ", $sym, " x` for every element (NumPy's `a ", $sym, " x` with a scalar).")]
            ///
            /// ```
            /// use numox::prelude::*;
            /// let a = array![1.0, 2.0, 3.0, f64::NAN];
            #[doc = concat!("assert_eq!(a.", stringify!($scalar), "(2.0), numox::", stringify!($name), "(&a, &array![2.0]).unwrap());")]
            /// ```
            pub fn $scalar(&self, x: A) -> Array<bool> {
                map1_new(self, move |v| $f(v, x))
            }
        }
    };
}

comparison!(
    equal,
    equal_scalar,
    eq,
    "==",
    "array![1.0, f64::NAN, 3.0]",
    "array![1.0, f64::NAN, 2.0]",
    "array![true, false, false]"
);
comparison!(
    not_equal,
    not_equal_scalar,
    ne,
    "!=",
    "array![1.0, f64::NAN, 3.0]",
    "array![1.0, f64::NAN, 2.0]",
    "array![false, true, true]"
);
comparison!(
    less,
    less_scalar,
    lt,
    "<",
    "array![[1, 5]]",
    "array![[2], [5]]",
    "array![[true, false], [true, false]]"
);
comparison!(
    less_equal,
    less_equal_scalar,
    le,
    "<=",
    "array![[1, 5]]",
    "array![[2], [5]]",
    "array![[true, false], [true, true]]"
);
comparison!(
    greater,
    greater_scalar,
    gt,
    ">",
    "array![[1, 5]]",
    "array![[2], [5]]",
    "array![[false, true], [false, false]]"
);
comparison!(
    greater_equal,
    greater_equal_scalar,
    ge,
    ">=",
    "array![[1, 5]]",
    "array![[2], [5]]",
    "array![[false, true], [false, true]]"
);

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn complex_order_is_numpy_lexicographic() {
        let c = array![
            Complex64::new(1.0, 2.0),
            Complex64::new(1.0, f64::NAN),
            Complex64::new(f64::NAN, 0.0),
            Complex64::new(2.0, 0.0)
        ];
        let lt = crate::less(
            &c.view().insert_axis(1).unwrap(),
            &c.view().insert_axis(0).unwrap(),
        )
        .unwrap();
        // Only (1+2j) < (2+0j) holds: every other pair involves a NaN or is equal.
        assert_eq!(lt.iter().filter(|&&b| b).count(), 1);
        assert!(lt[[0, 3]]);
        let eq = crate::equal(&c, &c).unwrap();
        assert_eq!(eq, array![true, false, false, true]);
        assert_eq!(array![false, true].less_scalar(true), array![true, false]);
    }
}
