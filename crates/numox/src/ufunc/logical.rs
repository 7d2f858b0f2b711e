//! NumPy's logical functions: `logical_and`, `logical_or`, `logical_xor`,
//! `logical_not`. Any element type works through its truthiness (nonzero
//! is true, NaN is true), and the two operands may have different types.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![0.0, 1.5, f64::NAN];
//! let b = array![true, true, false];
//! assert_eq!(numox::logical_and(&a, &b).unwrap(), array![false, true, false]);
//! assert_eq!(numox::logical_not(&a), array![true, false, false]);
//! ```

use super::kernel::{map1_new, map2_op};
use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::Result;

#[inline(always)]
fn truth<A: Element>(x: A) -> bool {
    !x.is_zero_value()
}

macro_rules! logical_binary {
    ($name:ident, $op:tt, $ex:literal) => {
        #[doc = concat!("NumPy's `np.", stringify!($name), "`: the truth values of `a` and `b`")]
        #[doc = concat!("combined with `", stringify!($op), "`, with broadcasting.")]
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let r = numox::", stringify!($name), "(&array![[0], [3]], &array![0.0, -1.0]).unwrap();")]
        #[doc = concat!("assert_eq!(r, ", $ex, ");")]
        /// ```
        pub fn $name<A, B, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<bool>>
        where
            A: Element,
            B: Element,
            S1: Data<Elem = A>,
            S2: Data<Elem = B>,
        {
            map2_op(stringify!($name), a, b, |x: A, y: B| truth(x) $op truth(y))
        }
    };
}

logical_binary!(logical_and, &, "array![[false, false], [false, true]]");
logical_binary!(logical_or, |, "array![[false, true], [true, true]]");
logical_binary!(logical_xor, ^, "array![[false, true], [true, false]]");

/// NumPy's `np.logical_not`: `true` where the element is zero (`0`,
/// `0.0`, `-0.0`, `false`, `0+0j`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::logical_not(&array![0, 2, -1]), array![true, false, false]);
/// ```
pub fn logical_not<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<bool> {
    map1_new(a, |x: A| x.is_zero_value())
}
