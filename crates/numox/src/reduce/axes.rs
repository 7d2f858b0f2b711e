//! The `axis=` / `keepdims=` plumbing shared by every reduction, and the
//! driver that runs a reduction kernel over an array and shapes its result.

use super::plan::{Kernel, Plan, execute, to_c_order};
use crate::array::shape::Shape;
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result, normalize_axis};
use smallvec::SmallVec;

/// The axes a reduction runs over: NumPy's `axis=` argument.
///
/// `Axes::All` is `axis=None`; one axis or several convert from integers,
/// arrays, slices and vectors (negative axes count from the end), so the
/// free functions read like NumPy:
///
/// ```
/// use numox::prelude::*;
/// use numox::Axes;
/// let a = Array::from_shape_vec(&[2, 3, 4], (0..24).collect::<Vec<i64>>()).unwrap();
/// assert_eq!(numox::sum(&a, Axes::All, false).unwrap().into_scalar(), 276);
/// assert_eq!(numox::sum(&a, -1, false).unwrap().shape(), &[2, 3]);
/// assert_eq!(numox::sum(&a, [0, 2], true).unwrap().shape(), &[1, 3, 1]);
/// assert_eq!(numox::sum(&a, None, false).unwrap().ndim(), 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Axes {
    /// Every axis (`axis=None`).
    #[default]
    All,
    /// One axis.
    One(isize),
    /// Several axes (an empty list reduces nothing, as NumPy's `axis=()`).
    Many(Vec<isize>),
}

impl Axes {
    /// One flag per axis of an `ndim`-dimensional array: `true` where the
    /// reduction runs. Errors on an axis out of range or given twice.
    pub(crate) fn flags(&self, ndim: usize) -> Result<SmallVec<[bool; 4]>> {
        let mut f: SmallVec<[bool; 4]> = SmallVec::from_elem(false, ndim);
        match self {
            Axes::All => f.iter_mut().for_each(|x| *x = true),
            Axes::One(a) => f[normalize_axis(*a, ndim)?] = true,
            Axes::Many(v) => {
                for &a in v {
                    let i = normalize_axis(a, ndim)?;
                    if f[i] {
                        return Err(Error::invalid("duplicate value in 'axis'"));
                    }
                    f[i] = true;
                }
            }
        }
        Ok(f)
    }
}

impl From<isize> for Axes {
    fn from(a: isize) -> Self {
        Axes::One(a)
    }
}
impl From<i32> for Axes {
    fn from(a: i32) -> Self {
        Axes::One(a as isize)
    }
}
impl From<usize> for Axes {
    fn from(a: usize) -> Self {
        Axes::One(a.min(isize::MAX as usize) as isize)
    }
}
impl From<Option<isize>> for Axes {
    fn from(a: Option<isize>) -> Self {
        a.map_or(Axes::All, Axes::One)
    }
}
impl From<&[isize]> for Axes {
    fn from(a: &[isize]) -> Self {
        Axes::Many(a.to_vec())
    }
}
impl From<&[i32]> for Axes {
    fn from(a: &[i32]) -> Self {
        Axes::Many(a.iter().map(|&x| x as isize).collect())
    }
}
impl From<Vec<isize>> for Axes {
    fn from(a: Vec<isize>) -> Self {
        Axes::Many(a)
    }
}
impl<const N: usize> From<[isize; N]> for Axes {
    fn from(a: [isize; N]) -> Self {
        Axes::Many(a.to_vec())
    }
}
impl<const N: usize> From<[i32; N]> for Axes {
    fn from(a: [i32; N]) -> Self {
        Axes::Many(a.iter().map(|&x| x as isize).collect())
    }
}

/// Reduce flags for a list of axes (the `_axes` methods).
pub(crate) fn flags_of(axes: &[isize], ndim: usize) -> Result<SmallVec<[bool; 4]>> {
    Axes::Many(axes.to_vec()).flags(ndim)
}

/// The result shape: kept axes, and a 1 for each reduced axis when `keepdims`.
pub(crate) fn out_shape(shape: &[usize], red: &[bool], keepdims: bool) -> Shape {
    shape
        .iter()
        .zip(red)
        .filter_map(|(&l, &r)| match (r, keepdims) {
            (false, _) => Some(l),
            (true, true) => Some(1),
            (true, false) => None,
        })
        .collect()
}

/// Number of elements each result element reduces over.
pub(crate) fn reduced_count(shape: &[usize], red: &[bool]) -> usize {
    shape.iter().zip(red).filter(|r| *r.1).map(|r| *r.0).product()
}

/// A `Vec` of `n` copies of `v`, or [`Error::TooBig`] when it cannot be allocated.
pub(crate) fn filled<T: Copy>(n: usize, v: T, shape: &[usize]) -> Result<Vec<T>> {
    let mut buf = Vec::new();
    if n.checked_mul(std::mem::size_of::<T>())
        .is_none_or(|b| b > isize::MAX as usize)
        || buf.try_reserve_exact(n).is_err()
    {
        return Err(Error::TooBig { shape: shape.into() });
    }
    buf.resize(n, v);
    Ok(buf)
}

/// Runs `k` over `a` reducing the flagged axes, starting every result
/// element at `init`. Returns the result buffer (laid out as the plan says)
/// and the plan.
pub(crate) fn run_kernel<A, S, K>(
    a: &ArrayBase<S>,
    red: &[bool],
    cast: bool,
    init: K::Acc,
    k: &K,
) -> Result<(Vec<K::Acc>, Plan)>
where
    A: Copy + Sync,
    S: Data<Elem = A>,
    K: Kernel<A>,
{
    let plan = Plan::for_array(a.shape(), a.strides(), red, cast);
    let mut buf = filled(plan.out_len, init, &out_shape(a.shape(), red, false))?;
    // SAFETY: the plan was made from `a`'s own shape and strides, and `a`
    // stays borrowed for the call.
    unsafe { execute(&plan, a.as_ptr(), &mut buf, k) };
    Ok((buf, plan))
}

/// Turns a result buffer in the plan's layout into a C-ordered array of the
/// reduction's result shape.
pub(crate) fn finish<T: Copy>(
    buf: &[T],
    plan: &Plan,
    shape: &[usize],
    red: &[bool],
    keepdims: bool,
) -> Result<Array<T>> {
    let kept_shape: Shape = shape.iter().zip(red).filter(|r| !*r.1).map(|r| *r.0).collect();
    let kept_strides: SmallVec<[isize; 4]> = plan
        .out_strides
        .iter()
        .zip(red)
        .filter(|r| !*r.1)
        .map(|r| *r.0)
        .collect();
    let v = to_c_order(buf, &kept_shape, &kept_strides);
    Array::from_shape_vec(&out_shape(shape, red, keepdims), v)
}

/// Copies, for every result element, the input element at index 0 along
/// each reduced axis into a buffer in the plan's layout (NumPy's
/// `PyArray_CopyInitialReduceValues`, how reductions without an identity
/// start). The caller has checked that no reduced axis is empty.
pub(crate) fn first_values<A: Copy, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
    plan: &Plan,
) -> Result<Vec<A>> {
    let kept_shape: Shape = a
        .shape()
        .iter()
        .zip(red)
        .filter(|r| !*r.1)
        .map(|r| *r.0)
        .collect();
    let kept_in: SmallVec<[isize; 4]> = a
        .strides()
        .iter()
        .zip(red)
        .filter(|r| !*r.1)
        .map(|r| *r.0)
        .collect();
    let kept_out: SmallVec<[isize; 4]> = plan
        .out_strides
        .iter()
        .zip(red)
        .filter(|r| !*r.1)
        .map(|r| *r.0)
        .collect();
    let mut buf: Vec<A> = Vec::new();
    if buf.try_reserve_exact(plan.out_len).is_err() {
        return Err(Error::TooBig {
            shape: kept_shape.as_slice().into(),
        });
    }
    if plan.out_len == 0 {
        return Ok(buf);
    }
    // Index 0 along every reduced axis exists (checked by the caller) and
    // the result is not empty, so `a` has elements and every kept index with
    // the reduced indices at 0 addresses one of them.
    let base = a.as_ptr();
    // SAFETY: `base` points to the element at index [0, ..] of the non-empty `a`.
    buf.resize(plan.out_len, unsafe { *base });
    crate::array::walk::walk2(&kept_shape, [&kept_in, &kept_out], |[oi, oo], len, [si, so]| {
        for i in 0..len as isize {
            // SAFETY: kept indices with reduced indices at 0 are inside `a`.
            buf[(oo + i * so) as usize] = unsafe { *base.offset(oi + i * si) };
        }
    });
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_normalise_and_reject_duplicates() {
        assert_eq!(
            Axes::from(-1).flags(3).unwrap().to_vec(),
            vec![false, false, true]
        );
        assert_eq!(Axes::All.flags(2).unwrap().to_vec(), vec![true, true]);
        assert_eq!(
            Axes::from([0, 2]).flags(3).unwrap().to_vec(),
            vec![true, false, true]
        );
        assert!(Axes::from([0, -3]).flags(3).is_err());
        assert!(matches!(
            Axes::from(3).flags(3),
            Err(Error::AxisOutOfBounds { axis: 3, ndim: 3 })
        ));
        assert_eq!(Axes::Many(vec![]).flags(2).unwrap().to_vec(), vec![false, false]);
        assert_eq!(Axes::from(None).flags(1).unwrap().to_vec(), vec![true]);
    }

    #[test]
    fn result_shapes() {
        assert_eq!(
            out_shape(&[2, 3, 4], &[true, false, true], false).to_vec(),
            vec![3]
        );
        assert_eq!(
            out_shape(&[2, 3, 4], &[true, false, true], true).to_vec(),
            vec![1, 3, 1]
        );
        assert_eq!(reduced_count(&[2, 3, 4], &[true, false, true]), 8);
        assert!(filled(usize::MAX / 2, 0u64, &[usize::MAX / 2]).is_err());
    }
}
