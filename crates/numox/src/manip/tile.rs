//! Repetition: NumPy's `tile` and `repeat`.

use super::IntOrList;
use crate::array::copy::{try_to_vec, try_vec};
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};
use std::borrow::Cow;

/// Non-negative counts from an `IntOrList`, or an error naming `what`.
fn counts(spec: &IntOrList, what: &str) -> Result<Vec<usize>> {
    spec.as_slice()
        .iter()
        .map(|&r| {
            usize::try_from(r)
                .map_err(|_| Error::invalid(format!("{what} may not contain negative values (got {r})")))
        })
        .collect()
}

/// Repeats the whole array `reps` times along each axis (NumPy's
/// `np.tile(A, reps)`). With more repetitions than dimensions the array
/// gets leading axes of length 1 first; with fewer, the repetitions apply
/// to the last axes.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1, 2];
/// assert_eq!(numox::tile(&a, 2).unwrap(), array![1, 2, 1, 2]);
/// assert_eq!(numox::tile(&a, [2, 2]).unwrap(), array![[1, 2, 1, 2], [1, 2, 1, 2]]);
/// let m = array![[1, 2], [3, 4]];
/// assert_eq!(numox::tile(&m, [2, 1]).unwrap(), array![[1, 2], [3, 4], [1, 2], [3, 4]]);
/// ```
pub fn tile<A: Clone, S: Data<Elem = A>>(a: &ArrayBase<S>, reps: impl Into<IntOrList>) -> Result<Array<A>> {
    let reps = counts(&reps.into(), "tile: reps")?;
    let mut v = a.view();
    while v.ndim() < reps.len() {
        v = v.insert_axis(0)?;
    }
    let nd = v.ndim();
    let mut tup = vec![1usize; nd - reps.len()];
    tup.extend_from_slice(&reps);
    // View the array as (1, s0, 1, s1, ...), broadcast it to (t0, s0, t1, s1, ...)
    // and copy: the copy is the tiled array in C order.
    let mut out_shape: Shape = Shape::with_capacity(nd);
    let mut inter: Shape = Shape::with_capacity(2 * nd);
    for (&s, &t) in v.shape().iter().zip(&tup) {
        out_shape.push(s.checked_mul(t).ok_or_else(|| Error::TooBig {
            shape: v.shape().into(),
        })?);
        inter.push(t);
        inter.push(s);
    }
    checked_size_bytes::<A>(&out_shape)?;
    let mut e = v;
    for k in (0..nd).rev() {
        e = e.insert_axis(k as isize)?;
    }
    let b = e.into_broadcast(&inter)?;
    Array::from_shape_vec(&out_shape, try_to_vec(&b)?)
}

/// Repeats each element (NumPy's `np.repeat(a, repeats, axis)`): `repeats`
/// is one count for all elements or one count per element along the axis;
/// `axis = None` works on the flattened array. Negative counts and a count
/// list of the wrong length are errors.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::repeat(&a, 2, None).unwrap(), array![1, 1, 2, 2, 3, 3, 4, 4]);
/// assert_eq!(numox::repeat(&a, [1, 2], Some(0)).unwrap(), array![[1, 2], [3, 4], [3, 4]]);
/// assert_eq!(numox::repeat(&a, [0, 3], Some(1)).unwrap(), array![[2, 2, 2], [4, 4, 4]]);
/// assert!(numox::repeat(&a, -1, None).is_err());
/// ```
pub fn repeat<A: Clone, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    repeats: impl Into<IntOrList>,
    axis: Option<isize>,
) -> Result<Array<A>> {
    let reps = counts(&repeats.into(), "repeat: repeats")?;
    let flat;
    let (v, ax): (ArrayView<'_, A>, usize) = match axis {
        None => {
            flat = try_to_vec(a)?;
            (ArrayView::from_shape(&[flat.len()], &flat)?, 0)
        }
        Some(axis) => (a.view(), normalize_axis(axis, a.ndim())?),
    };
    let n = v.shape()[ax];
    if reps.len() != 1 && reps.len() != n {
        return Err(Error::shape_mismatch("repeat", &[reps.len()], &[n]));
    }
    let count = |i: usize| if reps.len() == 1 { reps[0] } else { reps[i] };
    let too_big = || Error::TooBig {
        shape: v.shape().into(),
    };
    let total = if reps.len() == 1 {
        reps[0].checked_mul(n).ok_or_else(too_big)?
    } else {
        reps.iter()
            .try_fold(0usize, |t, &c| t.checked_add(c))
            .ok_or_else(too_big)?
    };
    let mut out_shape: Shape = Shape::from_slice(v.shape());
    out_shape[ax] = total;
    let size = checked_size_bytes::<A>(&out_shape)?;
    let src: Cow<'_, [A]> = match v.to_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(try_to_vec(&v)?),
    };
    let outer: usize = v.shape()[..ax].iter().product();
    let inner: usize = v.shape()[ax + 1..].iter().product();
    let mut out: Vec<A> = try_vec(size, &out_shape)?;
    if size > 0 {
        for o in 0..outer {
            for i in 0..n {
                let c = count(i);
                let start = (o * n + i) * inner;
                let chunk = &src[start..start + inner];
                if inner == 1 {
                    out.extend(std::iter::repeat_n(chunk[0].clone(), c));
                } else {
                    for _ in 0..c {
                        out.extend_from_slice(chunk);
                    }
                }
            }
        }
    }
    Array::from_shape_vec(&out_shape, out)
}

impl<A: Clone, S: Data<Elem = A>> ArrayBase<S> {
    /// The method form of [`repeat`] (NumPy's `a.repeat(repeats, axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.repeat(2, Some(1)).unwrap(), array![[1, 1, 2, 2], [3, 3, 4, 4]]);
    /// ```
    pub fn repeat(&self, repeats: impl Into<IntOrList>, axis: Option<isize>) -> Result<Array<A>> {
        repeat(self, repeats, axis)
    }
}
