//! The positions of nonzero elements: NumPy's `nonzero`, `argwhere`,
//! `flatnonzero`. Indices are `i64` (NumPy's `intp`), in C order.

use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::{Error, Result};

/// Calls `f(flat_index, multi_index)` for every nonzero element in C order.
fn for_nonzero<A: Element, S: Data<Elem = A>, F: FnMut(usize, &[usize])>(a: &ArrayBase<S>, mut f: F) {
    let shape = a.shape();
    let nd = shape.len();
    let mut ix = vec![0usize; nd];
    for (flat, x) in a.iter().enumerate() {
        if !x.is_zero_value() {
            f(flat, &ix);
        }
        for ax in (0..nd).rev() {
            ix[ax] += 1;
            if ix[ax] < shape[ax] {
                break;
            }
            ix[ax] = 0;
        }
    }
}

/// The number of nonzero elements.
fn count_nonzero_elems<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> usize {
    match a.as_slice() {
        Some(s) => s.iter().filter(|x| !x.is_zero_value()).count(),
        None => a.iter().filter(|x| !x.is_zero_value()).count(),
    }
}

/// NumPy's `np.nonzero(a)`: for each axis, the indices of the nonzero
/// elements along it (NaN counts as nonzero). An error for a 0-d array, as
/// in NumPy 2.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0, 5, 0], [7, 0, 9]];
/// let ix = numox::nonzero(&a).unwrap();
/// assert_eq!(ix, vec![array![0i64, 1, 1], array![1i64, 0, 2]]);
/// assert!(numox::nonzero(&Array::from_elem0(1)).is_err());
/// ```
pub fn nonzero<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Vec<Array<i64>>> {
    if a.ndim() == 0 {
        return Err(Error::invalid(
            "Calling nonzero on 0d arrays is not allowed. Use atleast_1d(scalar).nonzero() instead.",
        ));
    }
    let count = count_nonzero_elems(a);
    let mut out: Vec<Vec<i64>> = (0..a.ndim()).map(|_| Vec::with_capacity(count)).collect();
    for_nonzero(a, |_, ix| {
        for (v, &i) in out.iter_mut().zip(ix) {
            v.push(i as i64);
        }
    });
    Ok(out.into_iter().map(Array::from_vec).collect())
}

/// NumPy's `np.argwhere(a)`: the indices of the nonzero elements as rows
/// of an `(N, a.ndim())` array. A 0-d array gives shape `(1, 0)` or `(0, 0)`.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0, 5], [7, 0]];
/// assert_eq!(numox::argwhere(&a), array![[0i64, 1], [1, 0]]);
/// assert_eq!(numox::argwhere(&Array::from_elem0(3)).shape(), &[1, 0]);
/// ```
pub fn argwhere<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<i64> {
    let count = count_nonzero_elems(a);
    let mut v = Vec::with_capacity(count * a.ndim());
    for_nonzero(a, |_, ix| v.extend(ix.iter().map(|&i| i as i64)));
    Array::from_shape_vec(&[count, a.ndim()], v).expect("count * ndim indices")
}

/// NumPy's `np.flatnonzero(a)`: the C-order flat indices of the nonzero elements.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0.0, f64::NAN], [-0.0, 2.0]];
/// assert_eq!(numox::flatnonzero(&a), array![1i64, 3]);
/// ```
pub fn flatnonzero<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<i64> {
    let mut v = Vec::with_capacity(count_nonzero_elems(a));
    match a.as_slice() {
        Some(s) => v.extend(
            s.iter()
                .enumerate()
                .filter(|(_, x)| !x.is_zero_value())
                .map(|(i, _)| i as i64),
        ),
        None => for_nonzero(a, |flat, _| v.push(flat as i64)),
    }
    Array::from_vec(v)
}
