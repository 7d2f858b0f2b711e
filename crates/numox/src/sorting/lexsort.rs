//! NumPy's `np.lexsort`.

use super::element::SortElement;
use super::radix::argsort_slice;
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result, normalize_axis};

/// NumPy's `np.lexsort(keys, axis)`: the indices that sort by several keys,
/// the **last** key primary (as in NumPy), the one before it breaking its
/// ties, and so on; equal rows keep their order. The keys are arrays of
/// one shape; the result has that shape, sorted along `axis` (NumPy's
/// default `-1`). All keys have one element type here (NumPy also mixes
/// dtypes: cast with `astype` first).
///
/// Errors: no keys; keys of different shapes; a bad axis.
///
/// ```
/// use numox::prelude::*;
/// let first = array![1, 5, 1, 4, 3, 4, 4]; // secondary key
/// let last = array![9, 4, 0, 4, 0, 2, 1]; // primary key
/// let idx = numox::lexsort(&[first.view(), last.view()], -1).unwrap();
/// assert_eq!(idx, array![2, 4, 6, 5, 3, 1, 0]);
/// ```
pub fn lexsort<A, S>(keys: &[ArrayBase<S>], axis: isize) -> Result<Array<i64>>
where
    A: SortElement,
    S: Data<Elem = A>,
{
    let Some(k0) = keys.first() else {
        return Err(Error::invalid("need sequence of keys with len > 0 in lexsort"));
    };
    for k in keys {
        if k.shape() != k0.shape() {
            return Err(Error::shape_mismatch(
                "lexsort: all keys need to be the same shape",
                k0.shape(),
                k.shape(),
            ));
        }
    }
    if k0.ndim() == 0 {
        return Ok(Array::from_elem0(0));
    }
    let ax = normalize_axis(axis, k0.ndim())?;
    let mut out = crate::array::copy::try_from_elem(k0.shape(), 0i64)?;
    let n = k0.shape()[ax];
    // One lane at a time: gather each key's lane, then stable argsorts from
    // the least significant key to the most significant one.
    let lanes: Vec<Vec<Vec<A>>> = keys
        .iter()
        .map(|k| {
            k.lanes(ax as isize)
                .expect("axis was normalised")
                .map(|l| l.to_vec())
                .collect()
        })
        .collect();
    let mut perm = vec![0i64; n];
    let mut buf: Vec<A> = Vec::with_capacity(n);
    for (li, mut o) in out
        .lanes_mut(ax as isize)
        .expect("axis was normalised")
        .enumerate()
    {
        let mut idx: Vec<i64> = (0..n as i64).collect();
        for key_lanes in &lanes {
            let lane = &key_lanes[li];
            buf.clear();
            buf.extend(idx.iter().map(|&i| lane[i as usize]));
            argsort_slice(&buf, &mut perm);
            idx = perm.iter().map(|&p| idx[p as usize]).collect();
        }
        for (d, i) in o.iter_mut().zip(idx) {
            *d = i;
        }
    }
    Ok(out)
}
