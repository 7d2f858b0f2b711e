//! NumPy's `np.where`: [`where_`] picks from two arrays by a condition
//! (all three broadcast together); [`where_cond`] is the one-argument form
//! (the indices of the true entries, as [`nonzero`](fn@super::nonzero)).

use super::nonzero::nonzero;
use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::Result;
use crate::ufunc::kernel::map3_op;

/// NumPy's `np.where(cond, x, y)`: `x` where `cond` is true (nonzero), `y`
/// elsewhere, with `cond`, `x` and `y` broadcast together. One pass,
/// threaded for large outputs. A scalar operand is a 0-d array
/// ([`Array::from_elem0`]).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0.2, 0.7], [0.9, 0.1]];
/// let r = numox::where_(&a.greater_scalar(0.5), &a, &Array::from_elem0(0.0)).unwrap();
/// assert_eq!(r, array![[0.0, 0.7], [0.9, 0.0]]);
/// // Any element type works as the condition (nonzero is true).
/// let r = numox::where_(&array![[1], [0]], &array![1, 2], &array![-1, -2]).unwrap();
/// assert_eq!(r, array![[1, 2], [-1, -2]]);
/// assert!(numox::where_(&array![true, false], &array![1, 2, 3], &array![0]).is_err());
/// ```
pub fn where_<C, A, SC, SX, SY>(
    cond: &ArrayBase<SC>,
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
) -> Result<Array<A>>
where
    C: Element,
    A: Copy + Send + Sync,
    SC: Data<Elem = C>,
    SX: Data<Elem = A>,
    SY: Data<Elem = A>,
{
    map3_op(
        "where",
        cond,
        x,
        y,
        |c: C, a: A, b: A| if c.is_zero_value() { b } else { a },
    )
}

/// NumPy's one-argument `np.where(cond)`: the same as [`nonzero`], one
/// `i64` index array per axis.
///
/// ```
/// use numox::prelude::*;
/// let idx = numox::where_cond(&array![[0, 3], [4, 0]]).unwrap();
/// assert_eq!(idx, vec![array![0i64, 1], array![1i64, 0]]);
/// ```
pub fn where_cond<A: Element, S: Data<Elem = A>>(cond: &ArrayBase<S>) -> Result<Vec<Array<i64>>> {
    nonzero(cond)
}
