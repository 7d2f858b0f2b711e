//! Integer-array indexing: NumPy's `take`, `take_along_axis`, `put`,
//! `put_along_axis`, `compress`, and `a[:, [i, j]]` as
//! [`select`](ArrayBase::select).

use super::{IndexInt, TakeMode, c_order, resolve_index};
use crate::array::shape::{Shape, Strides, checked_size_bytes};
use crate::array::walk::walk;
use crate::array::{Array, ArrayBase, ArrayView, Data, DataMut};
use crate::error::{Error, Result, normalize_axis};
use crate::ufunc::kernel::mut_ptr;

/// The offset (in elements) of C-order flat index `flat` in a strided layout.
#[inline]
pub(crate) fn unravel_offset(shape: &[usize], strides: &[isize], mut flat: usize) -> isize {
    let mut off = 0isize;
    for ax in (0..shape.len()).rev() {
        let d = shape[ax];
        off += (flat % d) as isize * strides[ax];
        flat /= d;
    }
    off
}

/// Builds an array of `shape` from `v` (its length must match).
fn finish<A>(shape: Shape, v: Vec<A>) -> Array<A> {
    debug_assert_eq!(v.len(), shape.iter().product::<usize>());
    Array::from_shape_vec(&shape, v).expect("the element count matches the shape")
}

/// NumPy's `np.take(a, indices, axis, mode=...)`: the elements (or, with
/// an axis, the sub-arrays along it) at `indices`. With `axis: None` the
/// array is treated as flat and the result has the indices' shape; with an
/// axis the result's shape is `a.shape[..axis] + indices.shape +
/// a.shape[axis + 1..]`. Out-of-range indices are an error under
/// [`TakeMode::Raise`], wrapped or clipped under the other modes.
///
/// ```
/// use numox::prelude::*;
/// use numox::TakeMode;
/// let a = array![[1, 2, 3], [4, 5, 6]];
/// let idx = array![2, 0];
/// assert_eq!(numox::take(&a, &idx, None, TakeMode::Raise).unwrap(), array![3, 1]);
/// assert_eq!(numox::take(&a, &idx, Some(1), TakeMode::Raise).unwrap(), array![[3, 1], [6, 4]]);
/// assert_eq!(numox::take(&a, &array![-1, 7], Some(1), TakeMode::Clip).unwrap(), array![[1, 3], [4, 6]]);
/// assert!(numox::take(&a, &array![6], None, TakeMode::Raise).is_err());
/// ```
pub fn take<A, S, I, SI>(
    a: &ArrayBase<S>,
    indices: &ArrayBase<SI>,
    axis: Option<isize>,
    mode: TakeMode,
) -> Result<Array<A>>
where
    A: Copy,
    S: Data<Elem = A>,
    I: IndexInt,
    SI: Data<Elem = I>,
{
    let (k, outer_shape, n, inner_shape): (usize, &[usize], usize, &[usize]) = match axis {
        None => (0, &[], a.size(), &[]),
        Some(ax) => {
            let k = normalize_axis(ax, a.ndim())?;
            (k, &a.shape()[..k], a.shape()[k], &a.shape()[k + 1..])
        }
    };
    let idx: Vec<usize> = indices
        .iter()
        .map(|&i| resolve_index(i, n, mode, k))
        .collect::<Result<_>>()?;
    let mut shape = Shape::from_slice(outer_shape);
    shape.extend_from_slice(indices.shape());
    shape.extend_from_slice(inner_shape);
    let total = checked_size_bytes::<A>(&shape)?;
    let outer: usize = outer_shape.iter().product();
    let inner: usize = inner_shape.iter().product();
    let data = c_order(a);
    let mut v = Vec::with_capacity(total);
    if total > 0 {
        for o in 0..outer {
            let base = o * n * inner;
            if inner == 1 {
                v.extend(idx.iter().map(|&j| data[base + j]));
            } else {
                for &j in &idx {
                    v.extend_from_slice(&data[base + j * inner..base + (j + 1) * inner]);
                }
            }
        }
    }
    Ok(finish(shape, v))
}

impl<A: Copy, S: Data<Elem = A>> ArrayBase<S> {
    /// The sub-arrays at `indices` along `axis` (NumPy's `a[:, [0, 2]]`,
    /// i.e. `np.take(a, indices, axis)`); negative indices count from the
    /// end, out-of-range ones are an error.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.select(1, &[0, 2]).unwrap(), array![[1, 3], [4, 6]]);
    /// assert_eq!(a.select(0, &[-1i64]).unwrap(), array![[4, 5, 6]]);
    /// assert!(a.select(0, &[2]).is_err());
    /// ```
    pub fn select<I: IndexInt>(&self, axis: isize, indices: &[I]) -> Result<Array<A>> {
        let idx = ArrayView::from_shape(&[indices.len()], indices)?;
        take(self, &idx, Some(axis), TakeMode::Raise)
    }
}

/// The shape `take_along_axis`/`put_along_axis` index: `a`'s other axes
/// broadcast against the indices', and the indices' length along `k`.
fn along_axis_shape(op: &'static str, a: &[usize], idx: &[usize], k: usize) -> Result<Shape> {
    if a.len() != idx.len() {
        return Err(Error::invalid(format!(
            "{op}: `indices` and `arr` must have the same number of dimensions (got {} and {})",
            idx.len(),
            a.len()
        )));
    }
    let mut target = Shape::with_capacity(a.len());
    for d in 0..a.len() {
        if d == k {
            target.push(idx[d]);
        } else if a[d] == idx[d] || idx[d] == 1 {
            target.push(a[d]);
        } else if a[d] == 1 {
            target.push(idx[d]);
        } else {
            return Err(Error::shape_mismatch(op, a, idx));
        }
    }
    Ok(target)
}

/// Strides of `a` broadcast to `target` except along `k`, where `a` keeps
/// its own length; the stride along `k` is returned separately and zeroed.
fn strides_except(a_shape: &[usize], a_strides: &[isize], target: &[usize], k: usize) -> (Strides, isize) {
    let st: Strides = (0..target.len())
        .map(|d| {
            if d == k || (a_shape[d] == 1 && target[d] != 1) {
                0
            } else {
                a_strides[d]
            }
        })
        .collect();
    (st, a_strides[k])
}

/// NumPy's `np.take_along_axis(a, indices, axis)`: picks, for every lane
/// along `axis`, the elements at the matching lane of `indices` (as
/// `argsort` results are used). `indices` has `a`'s number of dimensions;
/// the other axes broadcast. With `axis: None`, `a` is flattened and
/// `indices` must be 1-d.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[10, 30, 20], [60, 40, 50]];
/// let order = array![[0, 2, 1], [1, 2, 0]];
/// assert_eq!(numox::take_along_axis(&a, &order, Some(1)).unwrap(), array![[10, 20, 30], [40, 50, 60]]);
/// assert_eq!(numox::take_along_axis(&a, &array![[1], [0]], Some(1)).unwrap(), array![[30], [60]]);
/// assert!(numox::take_along_axis(&a, &array![3], Some(0)).is_err());
/// ```
pub fn take_along_axis<A, S, I, SI>(
    a: &ArrayBase<S>,
    indices: &ArrayBase<SI>,
    axis: Option<isize>,
) -> Result<Array<A>>
where
    A: Copy,
    S: Data<Elem = A>,
    I: IndexInt,
    SI: Data<Elem = I>,
{
    let Some(ax) = axis else {
        if indices.ndim() != 1 {
            return Err(Error::invalid(
                "take_along_axis: when axis=None, `indices` must have a single dimension",
            ));
        }
        return take(a, indices, None, TakeMode::Raise);
    };
    let k = normalize_axis(ax, a.ndim())?;
    let target = along_axis_shape("take_along_axis", a.shape(), indices.shape(), k)?;
    let total = checked_size_bytes::<A>(&target)?;
    let iv = indices.broadcast(&target)?;
    let (ast, sk) = strides_except(a.shape(), a.strides(), &target, k);
    let n = a.shape()[k];
    let (pa, pi) = (a.as_ptr(), iv.as_ptr());
    let mut v = Vec::with_capacity(total);
    let mut err = None;
    walk(&target, [&ast, iv.strides()], |[oa, oi], len, [sa, si]| {
        if err.is_some() {
            return;
        }
        for i in 0..len as isize {
            // SAFETY: `oi + i * si` is an in-bounds offset of the broadcast indices.
            let j = unsafe { *pi.offset(oi + i * si) };
            match resolve_index(j, n, TakeMode::Raise, k) {
                // SAFETY: the offset along the other axes is in bounds of `a`
                // (broadcast strides), and `j < n` along axis `k`.
                Ok(j) => v.push(unsafe { *pa.offset(oa + i * sa + j as isize * sk) }),
                Err(e) => {
                    err = Some(e);
                    return;
                }
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(finish(target, v)),
    }
}

/// NumPy's `np.put(a, indices, values, mode)`: sets the elements at the
/// flat (C-order) `indices` to `values`, which repeat cyclically when
/// shorter. Under [`TakeMode::Raise`] every index is checked before anything
/// is written, so an error leaves `a` unchanged. Empty `values` write nothing.
///
/// ```
/// use numox::prelude::*;
/// use numox::TakeMode;
/// let mut a = array![[0, 0, 0], [0, 0, 0]];
/// numox::put(&mut a, &array![0, -1, 4], &array![7, 8], TakeMode::Raise).unwrap();
/// assert_eq!(a, array![[7, 0, 0], [0, 7, 8]]);
/// assert!(numox::put(&mut a, &array![6], &array![1], TakeMode::Raise).is_err());
/// numox::put(&mut a, &array![6], &array![1], TakeMode::Wrap).unwrap();
/// assert_eq!(a[[0, 0]], 1);
/// ```
pub fn put<A, S, I, SI, SV>(
    a: &mut ArrayBase<S>,
    indices: &ArrayBase<SI>,
    values: &ArrayBase<SV>,
    mode: TakeMode,
) -> Result<()>
where
    A: Copy,
    S: DataMut<Elem = A>,
    I: IndexInt,
    SI: Data<Elem = I>,
    SV: Data<Elem = A>,
{
    if values.is_empty() || indices.is_empty() {
        return Ok(());
    }
    let n = a.size();
    let idx: Vec<usize> = indices
        .iter()
        .map(|&i| resolve_index(i, n, mode, 0))
        .collect::<Result<_>>()?;
    let vals = c_order(values);
    let (shape, strides) = (Shape::from_slice(a.shape()), Strides::from_slice(a.strides()));
    let contiguous = a.is_c_contiguous();
    let p = mut_ptr(a);
    for (j, &flat) in idx.iter().enumerate() {
        let off = if contiguous {
            flat as isize
        } else {
            unravel_offset(&shape, &strides, flat)
        };
        // SAFETY: `flat < size`, so its offset is an element of `a`, which is writable.
        unsafe { *p.offset(off) = vals[j % vals.len()] };
    }
    Ok(())
}

/// NumPy's `np.put_along_axis(a, indices, values, axis)`: the assignment
/// twin of [`take_along_axis`]; `values` broadcast to the indexed shape.
/// All indices are checked before anything is written.
///
/// ```
/// use numox::prelude::*;
/// let mut a = array![[10, 30, 20], [60, 40, 50]];
/// numox::put_along_axis(&mut a, &array![[1], [0]], &array![0], Some(1)).unwrap();
/// assert_eq!(a, array![[10, 0, 20], [0, 40, 50]]);
/// ```
pub fn put_along_axis<A, S, I, SI, SV>(
    a: &mut ArrayBase<S>,
    indices: &ArrayBase<SI>,
    values: &ArrayBase<SV>,
    axis: Option<isize>,
) -> Result<()>
where
    A: Copy,
    S: DataMut<Elem = A>,
    I: IndexInt,
    SI: Data<Elem = I>,
    SV: Data<Elem = A>,
{
    let (target, k, n) = match axis {
        None => {
            if indices.ndim() != 1 {
                return Err(Error::invalid(
                    "put_along_axis: when axis=None, `indices` must have a single dimension",
                ));
            }
            (Shape::from_slice(indices.shape()), 0, a.size())
        }
        Some(ax) => {
            let k = normalize_axis(ax, a.ndim())?;
            let t = along_axis_shape("put_along_axis", a.shape(), indices.shape(), k)?;
            (t, k, a.shape()[k])
        }
    };
    let iv = indices.broadcast(&target)?;
    let vv = values
        .broadcast(&target)
        .map_err(|_| Error::shape_mismatch("put_along_axis", values.shape(), &target))?;
    // Check every index first so an error writes nothing.
    for &i in iv.iter() {
        resolve_index(i, n, TakeMode::Raise, k)?;
    }
    let (pi, pv) = (iv.as_ptr(), vv.as_ptr());
    if axis.is_none() {
        let (shape, strides) = (Shape::from_slice(a.shape()), Strides::from_slice(a.strides()));
        let p = mut_ptr(a);
        walk(
            &target,
            [iv.strides(), vv.strides()],
            |[oi, ov], len, [si, sv]| {
                for i in 0..len as isize {
                    // SAFETY: offsets of the broadcast index and value views are in bounds;
                    // the index was checked above, so its offset is an element of `a`.
                    unsafe {
                        let j = resolve_index(*pi.offset(oi + i * si), n, TakeMode::Raise, 0).unwrap_or(0);
                        *p.offset(unravel_offset(&shape, &strides, j)) = *pv.offset(ov + i * sv);
                    }
                }
            },
        );
        return Ok(());
    }
    let (ast, sk) = strides_except(a.shape(), a.strides(), &target, k);
    let p = mut_ptr(a);
    walk(
        &target,
        [&ast, iv.strides(), vv.strides()],
        |[oa, oi, ov], len, [sa, si, sv]| {
            for i in 0..len as isize {
                // SAFETY: as above; along the other axes `a`'s offsets are in
                // bounds (broadcast strides), along `k` the index was checked.
                unsafe {
                    let j = resolve_index(*pi.offset(oi + i * si), n, TakeMode::Raise, k).unwrap_or(0);
                    *p.offset(oa + i * sa + j as isize * sk) = *pv.offset(ov + i * sv);
                }
            }
        },
    );
    Ok(())
}

/// NumPy's `np.compress(condition, a, axis)`: the sub-arrays along `axis`
/// (or the elements of the flattened array, with `None`) where the 1-d
/// `condition` is true. A condition shorter than the axis counts as false
/// beyond its end; a longer one is an error only if it is true past the end.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4], [5, 6]];
/// assert_eq!(numox::compress(&array![false, true, true], &a, Some(0)).unwrap(), array![[3, 4], [5, 6]]);
/// assert_eq!(numox::compress(&array![false, true], &a, None).unwrap(), array![2]);
/// assert!(numox::compress(&array![false, false, false, true], &a, Some(0)).is_err());
/// ```
pub fn compress<A, S, SC>(
    condition: &ArrayBase<SC>,
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<A>>
where
    A: Copy,
    S: Data<Elem = A>,
    SC: Data<Elem = bool>,
{
    if condition.ndim() != 1 {
        return Err(Error::invalid("compress: condition must be a 1-d array"));
    }
    let idx: Vec<usize> = condition
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| c.then_some(i))
        .collect();
    let idx = Array::from_vec(idx);
    take(a, &idx, axis, TakeMode::Raise)
}
