//! Joining arrays: NumPy's `concatenate`, `stack`, `hstack`, `vstack`,
//! `dstack`, `column_stack` and `append`.
//!
//! The result is built in C order by copying, for each index of the axes
//! before the joining axis, one contiguous block of every input in turn;
//! C-contiguous inputs are copied with `memcpy`-speed slice copies, others
//! are first gathered into C order by the strided copy kernel.

use super::reshape::{atleast_1d, atleast_2d, atleast_3d};
use super::{AsArrayView, views_of};
use crate::array::copy::{try_to_vec, try_vec};
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};
use std::borrow::Cow;

/// Joins views of equal rank along axis `ax` (shapes already checked).
fn concat_views<A: Clone>(views: &[ArrayView<'_, A>], ax: usize) -> Result<Array<A>> {
    let mut shape: Shape = Shape::from_slice(views[0].shape());
    let mut len: usize = 0;
    for v in views {
        len = len.checked_add(v.shape()[ax]).ok_or_else(|| Error::TooBig {
            shape: v.shape().into(),
        })?;
    }
    shape[ax] = len;
    let total = checked_size_bytes::<A>(&shape)?;
    let outer: usize = shape[..ax].iter().product();
    let srcs: Vec<(Cow<'_, [A]>, usize)> = views
        .iter()
        .map(|v| {
            let chunk: usize = v.shape()[ax..].iter().product();
            let data = match v.to_slice() {
                Some(s) => Cow::Borrowed(s),
                None => Cow::Owned(try_to_vec(v)?),
            };
            Ok((data, chunk))
        })
        .collect::<Result<_>>()?;
    let mut out: Vec<A> = try_vec(total, &shape)?;
    if total > 0 {
        for o in 0..outer {
            for (data, chunk) in &srcs {
                out.extend_from_slice(&data[o * chunk..(o + 1) * chunk]);
            }
        }
    }
    Array::from_shape_vec(&shape, out)
}

/// Checks that all views have the rank and, off `ax`, the shape of the first.
fn check_concat(views: &[ArrayView<'_, impl Sized>], ax: usize, op: &'static str) -> Result<()> {
    let first = views[0].shape();
    for (k, v) in views.iter().enumerate().skip(1) {
        if v.ndim() != first.len() {
            return Err(Error::invalid(format!(
                "{op}: all the input arrays must have the same number of dimensions, but the array at \
                 index 0 has {} dimension(s) and the array at index {k} has {} dimension(s)",
                first.len(),
                v.ndim()
            )));
        }
        if (0..first.len()).any(|i| i != ax && first[i] != v.shape()[i]) {
            return Err(Error::shape_mismatch(op, first, v.shape()));
        }
    }
    Ok(())
}

/// Joins arrays along an existing axis (NumPy's `np.concatenate(arrays,
/// axis)`); `axis = None` flattens every input first. The inputs must have
/// the same number of dimensions and the same shape except along `axis`.
///
/// ```
/// use numox::prelude::*;
/// let (a, b) = (array![[1, 2], [3, 4]], array![[5, 6]]);
/// assert_eq!(numox::concatenate(&[&a, &b], Some(0)).unwrap(), array![[1, 2], [3, 4], [5, 6]]);
/// assert_eq!(numox::concatenate(&[&a, &b], None).unwrap(), array![1, 2, 3, 4, 5, 6]);
/// assert!(numox::concatenate(&[&a, &b], Some(1)).is_err());
/// ```
pub fn concatenate<A: Clone, V: AsArrayView<A>>(arrays: &[V], axis: Option<isize>) -> Result<Array<A>> {
    let views = views_of(arrays, "concatenate")?;
    match axis {
        None => {
            let mut total: usize = 0;
            for v in &views {
                total = total.checked_add(v.size()).ok_or_else(|| Error::TooBig {
                    shape: v.shape().into(),
                })?;
            }
            checked_size_bytes::<A>(&[total])?;
            let mut out: Vec<A> = try_vec(total, &[total])?;
            for v in &views {
                match v.to_slice() {
                    Some(s) => out.extend_from_slice(s),
                    None => out.extend_from_slice(&try_to_vec(v)?),
                }
            }
            Ok(Array::from_vec(out))
        }
        Some(axis) => {
            if views[0].ndim() == 0 {
                return Err(Error::invalid("zero-dimensional arrays cannot be concatenated"));
            }
            let ax = normalize_axis(axis, views[0].ndim())?;
            check_concat(&views, ax, "concatenate")?;
            concat_views(&views, ax)
        }
    }
}

/// Joins arrays of the same shape along a new axis (NumPy's `np.stack`);
/// `axis` counts in the result, so `-1` stacks along a new last axis.
///
/// ```
/// use numox::prelude::*;
/// let (a, b) = (array![1, 2, 3], array![4, 5, 6]);
/// assert_eq!(numox::stack(&[&a, &b], 0).unwrap(), array![[1, 2, 3], [4, 5, 6]]);
/// assert_eq!(numox::stack(&[&a, &b], -1).unwrap(), array![[1, 4], [2, 5], [3, 6]]);
/// assert!(numox::stack(&[&a, &array![1, 2]], 0).is_err());
/// ```
pub fn stack<A: Clone, V: AsArrayView<A>>(arrays: &[V], axis: isize) -> Result<Array<A>> {
    let views = views_of(arrays, "stack")?;
    let first = views[0].shape();
    for v in &views[1..] {
        if v.shape() != first {
            return Err(Error::invalid(format!(
                "stack: all input arrays must have the same shape, got {:?} and {:?}",
                first,
                v.shape()
            )));
        }
    }
    let ax = normalize_axis(axis, first.len() + 1)?;
    let expanded: Vec<ArrayView<'_, A>> = views
        .into_iter()
        .map(|v| v.insert_axis(ax as isize))
        .collect::<Result<_>>()?;
    concat_views(&expanded, ax)
}

/// Stacks arrays horizontally (NumPy's `np.hstack`): along axis 1, or along
/// axis 0 when the inputs are 1-d; 0-d inputs count as 1-d.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::hstack(&[array![1, 2], array![3]]).unwrap(), array![1, 2, 3]);
/// let (a, b) = (array![[1], [2]], array![[3], [4]]);
/// assert_eq!(numox::hstack(&[&a, &b]).unwrap(), array![[1, 3], [2, 4]]);
/// ```
pub fn hstack<A: Clone, V: AsArrayView<A>>(arrays: &[V]) -> Result<Array<A>> {
    let views = views_of(arrays, "hstack")?;
    let v1: Vec<ArrayView<'_, A>> = views.iter().map(atleast_1d).collect();
    let axis = if v1[0].ndim() == 1 { 0 } else { 1 };
    concatenate(&v1, Some(axis))
}

/// Stacks arrays vertically (NumPy's `np.vstack`): along axis 0 after
/// making 1-d inputs rows (`(n,)` becomes `(1, n)`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::vstack(&[array![1, 2], array![3, 4]]).unwrap(), array![[1, 2], [3, 4]]);
/// ```
pub fn vstack<A: Clone, V: AsArrayView<A>>(arrays: &[V]) -> Result<Array<A>> {
    let views = views_of(arrays, "vstack")?;
    let v2: Vec<ArrayView<'_, A>> = views.iter().map(atleast_2d).collect();
    concatenate(&v2, Some(0))
}

/// Stacks arrays along the third axis (NumPy's `np.dstack`) after
/// [`atleast_3d`].
///
/// ```
/// use numox::prelude::*;
/// let d = numox::dstack(&[array![1, 2], array![3, 4]]).unwrap();
/// assert_eq!(d.shape(), &[1, 2, 2]);
/// assert_eq!(d.to_vec(), vec![1, 3, 2, 4]);
/// ```
pub fn dstack<A: Clone, V: AsArrayView<A>>(arrays: &[V]) -> Result<Array<A>> {
    let views = views_of(arrays, "dstack")?;
    let v3: Vec<ArrayView<'_, A>> = views.iter().map(atleast_3d).collect();
    concatenate(&v3, Some(2))
}

/// Stacks 1-d arrays as the columns of a 2-d array (NumPy's
/// `np.column_stack`); 2-d inputs are joined along axis 1 as they are.
///
/// ```
/// use numox::prelude::*;
/// let c = numox::column_stack(&[array![1, 2], array![3, 4]]).unwrap();
/// assert_eq!(c, array![[1, 3], [2, 4]]);
/// ```
pub fn column_stack<A: Clone, V: AsArrayView<A>>(arrays: &[V]) -> Result<Array<A>> {
    let views = views_of(arrays, "column_stack")?;
    let cols: Vec<ArrayView<'_, A>> = views
        .into_iter()
        .map(|v| {
            if v.ndim() < 2 {
                // np.array(v, ndmin=2).T
                let mut c = v;
                while c.ndim() < 2 {
                    c = c.insert_axis(0).expect("axis 0 is valid");
                }
                c.reversed_axes()
            } else {
                v
            }
        })
        .collect();
    concatenate(&cols, Some(1))
}

/// Appends `values` to `arr` (NumPy's `np.append(arr, values, axis)`): with
/// `axis = None` both are flattened and joined; otherwise they are
/// concatenated along `axis` and must agree in shape elsewhere. `values`
/// may be an array, a view, or a single element.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::append(&a, 5, None).unwrap(), array![1, 2, 3, 4, 5]);
/// assert_eq!(numox::append(&a, &array![[5, 6]], Some(0)).unwrap(), array![[1, 2], [3, 4], [5, 6]]);
/// assert!(numox::append(&a, &array![5, 6], Some(0)).is_err());
/// ```
pub fn append<A: Clone, S: Data<Elem = A>, V: AsArrayView<A>>(
    arr: &ArrayBase<S>,
    values: V,
    axis: Option<isize>,
) -> Result<Array<A>> {
    let pair = [arr.view(), values.as_array_view()];
    concatenate(&pair, axis)
}
