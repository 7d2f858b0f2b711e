//! Reordering elements: NumPy's `flip`, `fliplr`, `flipud` and `rot90`
//! (views) and `roll` (a copy).

use super::{AxisSpec, IntOrList, normalize_axes};
use crate::array::copy::{try_from_elem, try_to_vec};
use crate::array::shape::Shape;
use crate::array::slice::{RangeEnd, SliceElem, SliceInfo};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};

/// Reverses the order of elements along the given axes, or along all axes
/// for `None` (NumPy's `np.flip(m, axis)`). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::flip(&a, None).unwrap(), array![[4, 3], [2, 1]]);
/// assert_eq!(numox::flip(&a, 1).unwrap(), array![[2, 1], [4, 3]]);
/// assert_eq!(numox::flip(&a, [0, 1]).unwrap(), array![[4, 3], [2, 1]]);
/// ```
pub fn flip<A, S: Data<Elem = A>>(m: &ArrayBase<S>, axis: impl Into<AxisSpec>) -> Result<ArrayView<'_, A>> {
    let mut v = m.view();
    match axis.into() {
        AxisSpec::All => {
            for i in 0..v.ndim() {
                v.invert_axis(i as isize)?;
            }
        }
        AxisSpec::Axes(ax) => {
            for i in normalize_axes(&ax, v.ndim(), false)? {
                v.invert_axis(i as isize)?;
            }
        }
    }
    Ok(v)
}

/// Reverses the columns, axis 1 (NumPy's `np.fliplr`); the input must be at
/// least 2-d. A view.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::fliplr(&array![[1, 2, 3]]).unwrap(), array![[3, 2, 1]]);
/// assert!(numox::fliplr(&array![1, 2]).is_err());
/// ```
pub fn fliplr<A, S: Data<Elem = A>>(m: &ArrayBase<S>) -> Result<ArrayView<'_, A>> {
    if m.ndim() < 2 {
        return Err(Error::invalid("fliplr: input must be >= 2-d"));
    }
    flip(m, 1)
}

/// Reverses the rows, axis 0 (NumPy's `np.flipud`); the input must be at
/// least 1-d. A view.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::flipud(&array![1, 2, 3]).unwrap(), array![3, 2, 1]);
/// ```
pub fn flipud<A, S: Data<Elem = A>>(m: &ArrayBase<S>) -> Result<ArrayView<'_, A>> {
    if m.ndim() < 1 {
        return Err(Error::invalid("flipud: input must be >= 1-d"));
    }
    flip(m, 0)
}

/// Rotates by 90 degrees `k` times in the plane of `axes`, from the first
/// axis towards the second (NumPy's `np.rot90(m, k, axes)`; NumPy's default
/// `axes` is `(0, 1)`). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::rot90(&a, 1, (0, 1)).unwrap(), array![[2, 4], [1, 3]]);
/// assert_eq!(numox::rot90(&a, -1, (0, 1)).unwrap(), array![[3, 1], [4, 2]]);
/// assert_eq!(numox::rot90(&a, 2, (0, 1)).unwrap(), array![[4, 3], [2, 1]]);
/// assert!(numox::rot90(&a, 1, (0, 0)).is_err());
/// ```
pub fn rot90<A, S: Data<Elem = A>>(
    m: &ArrayBase<S>,
    k: isize,
    axes: (isize, isize),
) -> Result<ArrayView<'_, A>> {
    let nd = m.ndim() as isize;
    let (a0, a1) = axes;
    if a0 == a1 || (a0 - a1).abs() == nd {
        return Err(Error::invalid("rot90: axes must be different"));
    }
    let n0 = normalize_axis(a0, m.ndim())?;
    let n1 = normalize_axis(a1, m.ndim())?;
    let mut perm: Vec<isize> = (0..nd).collect();
    perm.swap(n0, n1);
    match k.rem_euclid(4) {
        0 => Ok(m.view()),
        2 => {
            let mut v = m.view();
            v.invert_axis(a0)?;
            v.invert_axis(a1)?;
            Ok(v)
        }
        1 => {
            let mut v = m.view();
            v.invert_axis(a1)?;
            v.permuted_axes(&perm)
        }
        _ => {
            let mut v = m.view().permuted_axes(&perm)?;
            v.invert_axis(a1)?;
            Ok(v)
        }
    }
}

/// Shifts elements cyclically along axes (NumPy's `np.roll(a, shift,
/// axis)`): elements pushed off the end come back at the start. With
/// `axis = None` the array is rolled as if flattened. `shift` and `axis`
/// may be lists (of equal length, or one of them of length 1); shifts of
/// the same axis add up. A copy.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0, 1, 2], [3, 4, 5]];
/// assert_eq!(numox::roll(&a, 1, None).unwrap(), array![[5, 0, 1], [2, 3, 4]]);
/// assert_eq!(numox::roll(&a, -1, 1).unwrap(), array![[1, 2, 0], [4, 5, 3]]);
/// assert_eq!(numox::roll(&a, [1, 1], [0, 1]).unwrap(), array![[5, 3, 4], [2, 0, 1]]);
/// ```
pub fn roll<A: Clone, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    shift: impl Into<IntOrList>,
    axis: impl Into<AxisSpec>,
) -> Result<Array<A>> {
    let shift = shift.into();
    let shifts = shift.as_slice();
    match axis.into() {
        AxisSpec::All => {
            let flat = Array::from_vec(try_to_vec(a)?);
            let total = shifts.iter().fold(0isize, |s, &x| s.wrapping_add(x));
            let r = roll_axes(&flat.view(), &[total])?;
            Ok(Array::from_shape_vec(a.shape(), r.into_vec())?)
        }
        AxisSpec::Axes(axes) => {
            let axes = normalize_axes(&axes, a.ndim(), true)?;
            let n = shifts.len().max(axes.len());
            if (shifts.len() != n && shifts.len() != 1) || (axes.len() != n && axes.len() != 1) {
                return Err(Error::shape_mismatch("roll", &[shifts.len()], &[axes.len()]));
            }
            let mut per = vec![0isize; a.ndim()];
            for i in 0..n {
                let s = shifts[if shifts.len() == 1 { 0 } else { i }];
                let ax = axes[if axes.len() == 1 { 0 } else { i }];
                per[ax] = per[ax].wrapping_add(s);
            }
            roll_axes(&a.view(), &per)
        }
    }
}

/// Rolls `a` by `per[k]` along each axis `k`.
fn roll_axes<A: Clone>(a: &ArrayView<'_, A>, per: &[isize]) -> Result<Array<A>> {
    let Some(first) = a.iter().next() else {
        return Ok(a.to_owned());
    };
    let nd = a.ndim();
    let full = SliceElem::from(..);
    let range = |s: usize, e: usize| SliceElem::Range {
        start: Some(s as isize),
        end: RangeEnd::Exclusive(e as isize),
        step: 1,
    };
    // For each axis, the (source, destination) ranges: one pair when the
    // shift is 0, two otherwise.
    let mut pieces: Vec<Vec<(SliceElem, SliceElem)>> = Vec::with_capacity(nd);
    for (k, &n) in a.shape().iter().enumerate() {
        let off = per[k].rem_euclid(n as isize) as usize;
        if off == 0 {
            pieces.push(vec![(full, full)]);
        } else {
            pieces.push(vec![
                (range(0, n - off), range(off, n)),
                (range(n - off, n), range(0, off)),
            ]);
        }
    }
    let shape: Shape = Shape::from_slice(a.shape());
    let mut out = try_from_elem(&shape, first.clone())?;
    let mut choice = vec![0usize; nd];
    loop {
        let src = SliceInfo::new((0..nd).map(|k| pieces[k][choice[k]].0));
        let dst = SliceInfo::new((0..nd).map(|k| pieces[k][choice[k]].1));
        out.try_slice_mut(dst)?.assign(&a.try_slice(src)?)?;
        // Next combination (odometer over the per-axis choices).
        let mut k = nd;
        loop {
            if k == 0 {
                return Ok(out);
            }
            k -= 1;
            choice[k] += 1;
            if choice[k] < pieces[k].len() {
                break;
            }
            choice[k] = 0;
        }
    }
}
