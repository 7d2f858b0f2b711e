//! Axis rearrangements (all views): NumPy's `transpose`, `permute_dims`,
//! `swapaxes` and `moveaxis`.

use super::{AxisSpec, IntOrList, normalize_axes};
use crate::array::{ArrayBase, ArrayView, Data};
use crate::error::{Error, Result};

/// Permutes the axes (NumPy's `np.transpose(a, axes)`): `None` reverses
/// them, otherwise axis `i` of the result is axis `axes[i]` of `a`. A view;
/// `a.t()` is the method form of the reversal.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<i32>::zeros(&[2, 3, 4]);
/// assert_eq!(numox::transpose(&a, None).unwrap().shape(), &[4, 3, 2]);
/// assert_eq!(numox::transpose(&a, [1, 0, 2]).unwrap().shape(), &[3, 2, 4]);
/// assert!(numox::transpose(&a, [0, 1]).is_err());
/// ```
pub fn transpose<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axes: impl Into<AxisSpec>,
) -> Result<ArrayView<'_, A>> {
    match axes.into() {
        AxisSpec::All => Ok(a.t()),
        AxisSpec::Axes(ax) => a.view().permuted_axes(&ax),
    }
}

/// Permutes the axes (NumPy 2's `np.permute_dims(a, axes)`, the Array API
/// name of `transpose` with explicit axes). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<u8>::zeros(&[2, 3]);
/// assert_eq!(numox::permute_dims(&a, &[1, 0]).unwrap().shape(), &[3, 2]);
/// ```
pub fn permute_dims<'a, A, S: Data<Elem = A>>(
    a: &'a ArrayBase<S>,
    axes: &[isize],
) -> Result<ArrayView<'a, A>> {
    a.view().permuted_axes(axes)
}

/// Interchanges two axes (NumPy's `np.swapaxes(a, axis1, axis2)`). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2, 3]];
/// assert_eq!(numox::swapaxes(&a, 0, 1).unwrap(), array![[1], [2], [3]]);
/// ```
pub fn swapaxes<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis1: isize,
    axis2: isize,
) -> Result<ArrayView<'_, A>> {
    let mut v = a.view();
    v.swap_axes(axis1, axis2)?;
    Ok(v)
}

/// Moves axes to new positions, keeping the order of the others (NumPy's
/// `np.moveaxis(a, source, destination)`; both may be one axis or lists of
/// equal length). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<f64>::zeros(&[3, 4, 5]);
/// assert_eq!(numox::moveaxis(&a, 0, -1).unwrap().shape(), &[4, 5, 3]);
/// assert_eq!(numox::moveaxis(&a, [0, 1], [-1, -2]).unwrap().shape(), &[5, 4, 3]);
/// assert!(numox::moveaxis(&a, [0, 1], [0]).is_err());
/// ```
pub fn moveaxis<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    source: impl Into<IntOrList>,
    destination: impl Into<IntOrList>,
) -> Result<ArrayView<'_, A>> {
    let nd = a.ndim();
    let (source, destination) = (source.into(), destination.into());
    let src = normalize_axes(source.as_slice(), nd, false)?;
    let dst = normalize_axes(destination.as_slice(), nd, false)?;
    if src.len() != dst.len() {
        return Err(Error::invalid(
            "`source` and `destination` arguments must have the same number of elements",
        ));
    }
    let mut order: Vec<usize> = (0..nd).filter(|i| !src.contains(i)).collect();
    let mut pairs: Vec<(usize, usize)> = dst.iter().copied().zip(src.iter().copied()).collect();
    pairs.sort_unstable();
    for (d, s) in pairs {
        order.insert(d, s);
    }
    let order: Vec<isize> = order.into_iter().map(|i| i as isize).collect();
    a.view().permuted_axes(&order)
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// The method form of [`transpose`] (NumPy's `a.transpose(axes)`): `None`
    /// reverses the axes. A view.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::<u8>::zeros(&[2, 3, 4]);
    /// assert_eq!(a.transpose(None).unwrap().shape(), &[4, 3, 2]);
    /// assert_eq!(a.transpose([0, 2, 1]).unwrap().shape(), &[2, 4, 3]);
    /// ```
    pub fn transpose(&self, axes: impl Into<AxisSpec>) -> Result<ArrayView<'_, A>> {
        transpose(self, axes)
    }

    /// The method form of [`swapaxes`] (NumPy's `a.swapaxes(axis1, axis2)`). A view.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3]];
    /// assert_eq!(a.swapaxes(0, -1).unwrap(), array![[1], [2], [3]]);
    /// ```
    pub fn swapaxes(&self, axis1: isize, axis2: isize) -> Result<ArrayView<'_, A>> {
        swapaxes(self, axis1, axis2)
    }
}
