//! Editing along an axis: NumPy's `insert` and `delete`.

use super::{AsArrayView, IntOrList};
use crate::array::copy::{try_to_vec, try_vec};
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};
use std::borrow::Cow;

/// A C-ordered slice of a view's elements (borrowed when already contiguous).
fn c_data<'a, A: Clone>(v: &ArrayView<'a, A>) -> Result<Cow<'a, [A]>> {
    Ok(match v.to_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(try_to_vec(v)?),
    })
}

/// Builds an array of `shape` whose index `j` along `ax` is index `map[j].1`
/// of source `map[j].0`; source `s` is C-ordered data of `shape` with
/// `lens[s]` along `ax`.
fn assemble<A: Clone>(
    shape: &Shape,
    ax: usize,
    srcs: &[&[A]],
    lens: &[usize],
    map: &[(usize, usize)],
) -> Result<Array<A>> {
    let total = checked_size_bytes::<A>(shape)?;
    let outer: usize = shape[..ax].iter().product();
    let inner: usize = shape[ax + 1..].iter().product();
    let mut out = try_vec(total, shape)?;
    if total > 0 {
        for o in 0..outer {
            for &(s, i) in map {
                let start = (o * lens[s] + i) * inner;
                out.extend_from_slice(&srcs[s][start..start + inner]);
            }
        }
    }
    Array::from_shape_vec(shape, out)
}

/// The array (flattened for `axis = None`) and the normalised axis.
fn prepare<'a, A: Clone, S: Data<Elem = A>>(
    arr: &'a ArrayBase<S>,
    axis: Option<isize>,
    flat: &'a mut Vec<A>,
) -> Result<(ArrayView<'a, A>, usize)> {
    match axis {
        None => {
            *flat = try_to_vec(arr)?;
            Ok((ArrayView::from_shape(&[flat.len()], flat)?, 0))
        }
        Some(axis) => Ok((arr.view(), normalize_axis(axis, arr.ndim())?)),
    }
}

/// Removes the entries at the given indices along `axis` (NumPy's
/// `np.delete(arr, obj, axis)`); `axis = None` works on the flattened
/// array. Indices may be negative (counting from the end) and may repeat;
/// an index out of bounds is an error. A copy.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(numox::delete(&a, 1, Some(1)).unwrap(), array![[1, 3], [4, 6]]);
/// assert_eq!(numox::delete(&a, [0, -1], None).unwrap(), array![2, 3, 4, 5]);
/// assert!(numox::delete(&a, 2, Some(0)).is_err());
/// ```
pub fn delete<A: Clone, S: Data<Elem = A>>(
    arr: &ArrayBase<S>,
    obj: impl Into<IntOrList>,
    axis: Option<isize>,
) -> Result<Array<A>> {
    let mut flat = Vec::new();
    let (v, ax) = prepare(arr, axis, &mut flat)?;
    let n = v.shape()[ax];
    // Gather the source first: it fails cleanly for views larger than memory.
    let data = c_data(&v)?;
    let mut keep = vec![true; n];
    for &i in obj.into().as_slice() {
        let j = if i < 0 { i + n as isize } else { i };
        if j < 0 || j >= n as isize {
            return Err(Error::IndexOutOfBounds {
                index: i,
                axis: ax,
                len: n,
            });
        }
        keep[j as usize] = false;
    }
    let map: Vec<(usize, usize)> = (0..n).filter(|&i| keep[i]).map(|i| (0, i)).collect();
    let mut shape: Shape = Shape::from_slice(v.shape());
    shape[ax] = map.len();
    assemble(&shape, ax, &[&data], &[n], &map)
}

/// Inserts `values` before the given indices along `axis` (NumPy's
/// `np.insert(arr, obj, values, axis)`); `axis = None` works on the
/// flattened array. A copy.
///
/// As in NumPy, a single index (`IntOrList::One`) inserts `values` as a
/// block whose length along `axis` is taken from `values` (after moving its
/// first axis to `axis`), so `insert(&m, 1, &array![7, 8], Some(1))` adds a
/// column; a list of indices inserts one entry per index (indices refer to
/// the original array, so equal indices insert next to each other), with
/// `values` broadcast to that many entries. Indices may be negative; an
/// index outside `-len..=len` is an error, as are values that do not
/// broadcast.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1, 2, 3];
/// assert_eq!(numox::insert(&a, 1, 9, None).unwrap(), array![1, 9, 2, 3]);
/// assert_eq!(numox::insert(&a, [0, 3], &array![7, 8], None).unwrap(), array![7, 1, 2, 3, 8]);
/// let m = array![[1, 2], [3, 4]];
/// assert_eq!(numox::insert(&m, 1, &array![7, 8], Some(1)).unwrap(), array![[1, 7, 2], [3, 8, 4]]);
/// assert_eq!(numox::insert(&m, 2, 0, Some(0)).unwrap(), array![[1, 2], [3, 4], [0, 0]]);
/// assert!(numox::insert(&a, 5, 0, None).is_err());
/// ```
pub fn insert<A: Clone, S: Data<Elem = A>, V: AsArrayView<A>>(
    arr: &ArrayBase<S>,
    obj: impl Into<IntOrList>,
    values: V,
    axis: Option<isize>,
) -> Result<Array<A>> {
    let mut flat = Vec::new();
    let (v, ax) = prepare(arr, axis, &mut flat)?;
    let n = v.shape()[ax];
    let obj = obj.into();
    let idx = obj.as_slice();
    let values = values.as_array_view();
    let old = c_data(&v)?;
    if idx.len() == 1 {
        let i = idx[0];
        if i < -(n as isize) || i > n as isize {
            return Err(Error::IndexOutOfBounds {
                index: i,
                axis: ax,
                len: n,
            });
        }
        let index = if i < 0 { i + n as isize } else { i } as usize;
        // np.array(values, ndmin=arr.ndim), then for a scalar index the first
        // axis moves to `axis`.
        let mut vals = values;
        while vals.ndim() < v.ndim() {
            vals = vals.insert_axis(0)?;
        }
        if matches!(obj, IntOrList::One(_)) && vals.ndim() > 0 {
            // np.moveaxis(values, 0, axis), consuming the view.
            let nd = vals.ndim();
            let target = ax.min(nd - 1);
            let perm: Vec<isize> = (1..=target)
                .chain(std::iter::once(0))
                .chain(target + 1..nd)
                .map(|i| i as isize)
                .collect();
            vals = vals.permuted_axes(&perm)?;
        }
        let numnew = vals.shape()[ax];
        let mut slot: Shape = Shape::from_slice(v.shape());
        slot[ax] = numnew;
        let vshape: Shape = Shape::from_slice(vals.shape());
        let vb = vals
            .into_broadcast(&slot)
            .map_err(|_| Error::shape_mismatch("insert", &vshape, &slot))?;
        let newdata = c_data(&vb)?;
        let mut shape = slot.clone();
        shape[ax] = n + numnew;
        let map: Vec<(usize, usize)> = (0..index)
            .map(|i| (0, i))
            .chain((0..numnew).map(|k| (1, k)))
            .chain((index..n).map(|i| (0, i)))
            .collect();
        return assemble(&shape, ax, &[&old, &newdata], &[n, numnew], &map);
    }
    // Several indices: each gets one new entry.
    let numnew = idx.len();
    let m = n + numnew;
    let mut pos: Vec<isize> = idx
        .iter()
        .map(|&i| if i < 0 { i + n as isize } else { i })
        .collect();
    let mut order: Vec<usize> = (0..numnew).collect();
    order.sort_by_key(|&k| pos[k]); // stable, as NumPy's mergesort
    for (rank, &k) in order.iter().enumerate() {
        pos[k] += rank as isize;
    }
    let mut slot_of: Vec<Option<usize>> = vec![None; m];
    for (k, &p) in pos.iter().enumerate() {
        let q = if p < 0 { p + m as isize } else { p };
        if q < 0 || q >= m as isize {
            return Err(Error::IndexOutOfBounds {
                index: idx[k],
                axis: ax,
                len: n,
            });
        }
        slot_of[q as usize] = Some(k);
    }
    let kept = slot_of.iter().filter(|s| s.is_none()).count();
    if kept != n {
        return Err(Error::invalid(format!(
            "insert: the indices {idx:?} leave {kept} places for the {n} original entries"
        )));
    }
    let mut slot: Shape = Shape::from_slice(v.shape());
    slot[ax] = numnew;
    let vb = values.into_broadcast(&slot).map_err(|e| match e {
        Error::ShapeMismatch { lhs, rhs, .. } => Error::ShapeMismatch {
            op: "insert",
            lhs,
            rhs,
        },
        other => other,
    })?;
    let newdata = c_data(&vb)?;
    let mut next_old = 0usize;
    let map: Vec<(usize, usize)> = slot_of
        .iter()
        .map(|s| match s {
            Some(k) => (1, *k),
            None => {
                next_old += 1;
                (0, next_old - 1)
            }
        })
        .collect();
    let mut shape = slot;
    shape[ax] = m;
    assemble(&shape, ax, &[&old, &newdata], &[n, numnew], &map)
}
