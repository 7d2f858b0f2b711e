//! Splitting into views: NumPy's `split`, `array_split`, `hsplit`,
//! `vsplit` and `dsplit`.

use super::IntOrList;
use crate::array::slice::{RangeEnd, SliceElem, SliceInfo};
use crate::array::{ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};

/// The view of `v` restricted to `start..end` (Python slice bounds) along `ax`.
pub(crate) fn slice_axis<A>(
    v: ArrayView<'_, A>,
    ax: usize,
    start: isize,
    end: RangeEnd,
) -> Result<ArrayView<'_, A>> {
    let mut elems: Vec<SliceElem> = vec![SliceElem::from(..); ax];
    elems.push(SliceElem::Range {
        start: Some(start),
        end,
        step: 1,
    });
    v.try_slice_move(&SliceInfo::new(elems))
}

/// Splits into views along `axis` (NumPy's `np.array_split(a,
/// indices_or_sections, axis)`).
///
/// An integer `n` makes `n` parts whose lengths differ by at most one (the
/// first `len % n` parts are one longer); a list of indices splits before
/// each index, with Python's slice rules (negative indices count from the
/// end, indices past the end give empty parts).
///
/// ```
/// use numox::prelude::*;
/// let a = numox::arange(0, 7, 1).unwrap();
/// let p = numox::array_split(&a, 3, 0).unwrap();
/// assert_eq!(p.iter().map(|v| v.to_vec()).collect::<Vec<_>>(), vec![vec![0, 1, 2], vec![3, 4], vec![5, 6]]);
/// let q = numox::array_split(&a, [2, -2], 0).unwrap();
/// assert_eq!(q[1].to_vec(), vec![2, 3, 4]);
/// assert!(numox::array_split(&a, 0, 0).is_err());
/// ```
pub fn array_split<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    indices_or_sections: impl Into<IntOrList>,
    axis: isize,
) -> Result<Vec<ArrayView<'_, A>>> {
    let ax = normalize_axis(axis, a.ndim())?;
    let n = a.shape()[ax];
    let mut bounds: Vec<(isize, RangeEnd)> = Vec::new();
    match indices_or_sections.into() {
        IntOrList::One(sections) => {
            if sections <= 0 {
                return Err(Error::invalid("number sections must be larger than 0"));
            }
            let sections = sections as usize;
            bounds
                .try_reserve_exact(sections)
                .map_err(|_| Error::invalid(format!("array_split: too many sections ({sections})")))?;
            let (each, extras) = (n / sections, n % sections);
            let mut start = 0usize;
            for i in 0..sections {
                let len = each + usize::from(i < extras);
                bounds.push((start as isize, RangeEnd::Exclusive((start + len) as isize)));
                start += len;
            }
        }
        IntOrList::List(idx) => {
            let mut start = 0isize;
            for &i in &idx {
                bounds.push((start, RangeEnd::Exclusive(i)));
                start = i;
            }
            bounds.push((start, RangeEnd::Open));
        }
    }
    bounds
        .into_iter()
        .map(|(s, e)| slice_axis(a.view(), ax, s, e))
        .collect()
}

/// Splits into views along `axis` (NumPy's `np.split`): as [`array_split`],
/// except that a section count must divide the axis length exactly.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2, 3, 4], [5, 6, 7, 8]];
/// let p = numox::split(&a, 2, 1).unwrap();
/// assert_eq!(p[1], array![[3, 4], [7, 8]]);
/// assert!(numox::split(&a, 3, 1).is_err());
/// ```
pub fn split<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    indices_or_sections: impl Into<IntOrList>,
    axis: isize,
) -> Result<Vec<ArrayView<'_, A>>> {
    let spec = indices_or_sections.into();
    if let IntOrList::One(sections) = spec {
        let n = a.len_of(axis)?;
        if sections <= 0 || n % sections as usize != 0 {
            return Err(Error::invalid(format!(
                "array split does not result in an equal division ({n} into {sections})"
            )));
        }
    }
    array_split(a, spec, axis)
}

/// Splits horizontally (NumPy's `np.hsplit`): along axis 1, or axis 0 for
/// 1-d arrays; 0-d arrays are an error.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// let p = numox::hsplit(&a, 2).unwrap();
/// assert_eq!(p[0], array![[1], [3]]);
/// ```
pub fn hsplit<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    indices_or_sections: impl Into<IntOrList>,
) -> Result<Vec<ArrayView<'_, A>>> {
    match a.ndim() {
        0 => Err(Error::invalid(
            "hsplit only works on arrays of 1 or more dimensions",
        )),
        1 => split(a, indices_or_sections, 0),
        _ => split(a, indices_or_sections, 1),
    }
}

/// Splits vertically, along axis 0 (NumPy's `np.vsplit`); the array must
/// be at least 2-d.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// let p = numox::vsplit(&a, [1]).unwrap();
/// assert_eq!(p[1], array![[3, 4]]);
/// assert!(numox::vsplit(&array![1, 2], 2).is_err());
/// ```
pub fn vsplit<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    indices_or_sections: impl Into<IntOrList>,
) -> Result<Vec<ArrayView<'_, A>>> {
    if a.ndim() < 2 {
        return Err(Error::invalid(
            "vsplit only works on arrays of 2 or more dimensions",
        ));
    }
    split(a, indices_or_sections, 0)
}

/// Splits along the third axis (NumPy's `np.dsplit`); the array must be at
/// least 3-d.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<u8>::zeros(&[2, 2, 4]);
/// assert_eq!(numox::dsplit(&a, 2).unwrap()[0].shape(), &[2, 2, 2]);
/// ```
pub fn dsplit<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    indices_or_sections: impl Into<IntOrList>,
) -> Result<Vec<ArrayView<'_, A>>> {
    if a.ndim() < 3 {
        return Err(Error::invalid(
            "dsplit only works on arrays of 3 or more dimensions",
        ));
    }
    split(a, indices_or_sections, 2)
}
