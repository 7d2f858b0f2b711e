//! NumPy's arithmetic functions by name: the checked twins of the
//! operators (returning [`Result`] instead of panicking on a shape
//! mismatch), their `_into` forms writing into an existing array (NumPy's
//! `out=`), and [`true_divide`], NumPy's `/` for integers.
//!
//! The element semantics are the operators' (see [`ops`](super::ops)):
//! integer arithmetic wraps, [`divide`] is floor division for integers,
//! [`remainder`] has the sign of the divisor.

use super::kernel::{map_into_op, map1_new, map2_into_op, map2_op};
use crate::array::{Array, ArrayBase, Data, DataMut};
use crate::element::{Complex32, Complex64, Element, Numeric, RealNumeric};
use crate::error::Result;

macro_rules! checked_binary {
    ($(#[$doc:meta])* $name:ident, $into:ident, $Bound:ident, $f:path, $op:literal) => {
        $(#[$doc])*
        pub fn $name<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<A>>
        where
            A: $Bound,
            S1: Data<Elem = A>,
            S2: Data<Elem = A>,
        {
            map2_op($op, a, b, $f)
        }

        #[doc = concat!("[`", stringify!($name), "`] writing into `out` (NumPy's `np.", $op, "(a, b, out=out)`):")]
        /// `a` and `b` must broadcast to `out`'s shape (`out` itself is never
        /// broadcast). Nothing is allocated.
        ///
        /// ```
        /// use numox::prelude::*;
        /// let mut out = Array::<i64>::zeros(&[2, 2]);
        #[doc = concat!("numox::", stringify!($into), "(&array![[9, 8], [7, 6]], &array![3, 2], &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, numox::", stringify!($name), "(&array![[9, 8], [7, 6]], &array![3, 2]).unwrap());")]
        /// let mut wrong = Array::<i64>::zeros(&[3]);
        #[doc = concat!("assert!(numox::", stringify!($into), "(&array![1, 2], &array![1, 2], &mut wrong).is_err());")]
        /// ```
        pub fn $into<A, S1, S2, SO>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, out: &mut ArrayBase<SO>) -> Result<()>
        where
            A: $Bound,
            S1: Data<Elem = A>,
            S2: Data<Elem = A>,
            SO: DataMut<Elem = A>,
        {
            map2_into_op($op, a, b, out, $f)
        }
    };
}

checked_binary!(
    /// `a + b` with broadcasting (NumPy's `np.add`), an error instead of a
    /// panic when the shapes do not broadcast. Integers wrap on overflow.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::add(&array![[1], [2]], &array![10, 20]).unwrap(), array![[11, 21], [12, 22]]);
    /// assert_eq!(numox::add(&array![127i8], &array![1i8]).unwrap(), array![-128i8]);
    /// assert!(numox::add(&array![1, 2], &array![1, 2, 3]).is_err());
    /// ```
    add, add_into, Numeric, Numeric::add, "add"
);
checked_binary!(
    /// `a - b` with broadcasting (NumPy's `np.subtract`); integers wrap.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::subtract(&array![0u8, 5], &array![1u8, 2]).unwrap(), array![255u8, 3]);
    /// ```
    subtract, subtract_into, Numeric, Numeric::sub, "subtract"
);
checked_binary!(
    /// `a * b` with broadcasting (NumPy's `np.multiply`); integers wrap.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::multiply(&array![1.5, 2.0], &array![2.0]).unwrap(), array![3.0, 4.0]);
    /// ```
    ///
    /// Complex products are computed as NumPy's array loops compute them on
    /// an FMA machine (`re = fma(ar, br, -ai*bi)`, `im = fma(ar, bi, ai*br)`),
    /// which can differ in the last bit from the textbook formula:
    ///
    /// ```
    /// use numox::prelude::*;
    /// let p = numox::multiply(&array![Complex64::new(-2.5, -1.5)], &array![Complex64::new(1e30, -1e30)]).unwrap();
    /// assert_eq!(p[[0]], Complex64::new(-4e30, 9.999999999999999e29)); // NumPy's value
    /// ```
    multiply, multiply_into, Numeric, super::ops::numpy_mul, "multiply"
);
checked_binary!(
    /// `a / b` with broadcasting: true division for floats and complex
    /// numbers (NumPy's `np.divide`), but **floor division** for integers
    /// (NumPy's `np.floor_divide`, since the result keeps the element type;
    /// use [`true_divide`] for NumPy's float result). An integer divided by
    /// 0 gives 0, as in NumPy.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::divide(&array![1.0, -1.0], &array![4.0, 0.0]).unwrap(), array![0.25, f64::NEG_INFINITY]);
    /// assert_eq!(numox::divide(&array![7, -7, 7], &array![2, 2, 0]).unwrap(), array![3, -4, 0]);
    /// ```
    divide, divide_into, Numeric, Numeric::div, "divide"
);
checked_binary!(
    /// NumPy's `np.floor_divide` (`a // b`): the floor of the quotient, for
    /// integers and floats (`-7.0 // 2.0 == -4.0`; a float divided by 0
    /// gives ±inf or NaN, an integer 0).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::floor_divide(&array![-7.0, 7.5], &array![2.0, -2.0]).unwrap(), array![-4.0, -4.0]);
    /// ```
    floor_divide, floor_divide_into, RealNumeric, RealNumeric::floor_div, "floor_divide"
);
checked_binary!(
    /// NumPy's `np.remainder` (`a % b`): the result has the sign of the
    /// divisor; 0 for an integer zero divisor, NaN for a float one.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(numox::remainder(&array![-7, 7], &array![3, -3]).unwrap(), array![2, -2]);
    /// ```
    remainder, remainder_into, RealNumeric, RealNumeric::rem, "remainder"
);

/// `-a` (NumPy's `np.negative`); unsigned integers wrap (`-1u8 == 255`).
/// It cannot fail, so it returns the array directly.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::negative(&array![1u8, 0]), array![255u8, 0]);
/// assert!(numox::negative(&array![0.0f64])[[0]].is_sign_negative());
/// ```
pub fn negative<A: Numeric, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    map1_new(a, Numeric::neg)
}

/// [`negative`] writing into `out` (`a` must broadcast to `out`'s shape).
///
/// ```
/// use numox::prelude::*;
/// let mut out = Array::<f64>::zeros(&[2]);
/// numox::negative_into(&array![1.0, -2.0], &mut out).unwrap();
/// assert_eq!(out, array![-1.0, 2.0]);
/// ```
pub fn negative_into<A, S, SO>(a: &ArrayBase<S>, out: &mut ArrayBase<SO>) -> Result<()>
where
    A: Numeric,
    S: Data<Elem = A>,
    SO: DataMut<Elem = A>,
{
    map_into_op("negative", a, out, Numeric::neg)
}

mod sealed {
    pub trait Sealed {}
}

/// Element types with NumPy's true division `/`: integers and `bool` give
/// `f64`, floats and complex numbers keep their type.
pub trait TrueDivide: Element + sealed::Sealed {
    /// The result type (`f64` for integers and `bool`).
    type Output: Element;
    /// `self / rhs` in the result type.
    fn true_div(self, rhs: Self) -> Self::Output;
}

macro_rules! true_div_via_f64 {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl TrueDivide for $t {
            type Output = f64;
            #[inline(always)]
            fn true_div(self, rhs: Self) -> f64 {
                self.cast::<f64>() / rhs.cast::<f64>()
            }
        }
    )*};
}
true_div_via_f64!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! true_div_same {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl TrueDivide for $t {
            type Output = $t;
            #[inline(always)]
            fn true_div(self, rhs: Self) -> $t {
                Numeric::div(self, rhs)
            }
        }
    )*};
}
true_div_same!(f32, f64, Complex32, Complex64);

/// NumPy's `np.true_divide` (`a / b` in Python): integers are divided as
/// `f64` (`7 / 2 == 3.5`, `1 / 0 == inf`), floats and complex numbers keep
/// their type.
///
/// ```
/// use numox::prelude::*;
/// let q = numox::true_divide(&array![7i32, -1, 0], &array![2, 0, 0]).unwrap();
/// assert_eq!(q.to_vec()[..2], [3.5, f64::NEG_INFINITY]);
/// assert!(q[[2]].is_nan());
/// ```
pub fn true_divide<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<A::Output>>
where
    A: TrueDivide,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    map2_op("true_divide", a, b, A::true_div)
}

/// [`true_divide`] writing into `out`.
///
/// ```
/// use numox::prelude::*;
/// let mut out = Array::<f64>::zeros(&[2]);
/// numox::true_divide_into(&array![1, 3], &array![2], &mut out).unwrap();
/// assert_eq!(out, array![0.5, 1.5]);
/// ```
pub fn true_divide_into<A, S1, S2, SO>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    out: &mut ArrayBase<SO>,
) -> Result<()>
where
    A: TrueDivide,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    SO: DataMut<Elem = A::Output>,
{
    map2_into_op("true_divide", a, b, out, A::true_div)
}
