//! Broadcasting views: an array seen with a larger shape through zero
//! strides, as NumPy's `broadcast_to` returns.

use super::shape::{self, Shape};
use super::{ArrayBase, ArrayView, Data, ViewRepr};
use crate::error::{Error, Result};

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// A read-only view of `self` with shape `shape`, by NumPy's broadcasting
    /// rules (`np.broadcast_to`); errors when the shapes are incompatible.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1, 2, 3];
    /// let b = a.broadcast(&[2, 3]).unwrap();
    /// assert_eq!(b.strides(), &[0, 1]);
    /// assert_eq!(b.to_vec(), vec![1, 2, 3, 1, 2, 3]);
    /// assert!(a.broadcast(&[4]).is_err());
    /// ```
    pub fn broadcast(&self, shape: &[usize]) -> Result<ArrayView<'_, A>> {
        shape::checked_size(shape)?;
        match shape::broadcast_strides(&self.shape, &self.strides, shape) {
            // SAFETY: every index of `shape` maps to an index of `self` (stretched
            // axes have stride 0), and the view is read-only, so aliasing is fine.
            Some(strides) => Ok(unsafe {
                ArrayView::from_parts(ViewRepr::new(), self.ptr, Shape::from_slice(shape), strides)
            }),
            None => Err(Error::shape_mismatch("broadcast_to", self.shape(), shape)),
        }
    }
}

/// Broadcasts two arrays against each other (`np.broadcast_arrays` for two).
///
/// ```
/// use numox::prelude::*;
/// let (col, row) = (array![[1], [2]], array![10, 20, 30]);
/// let (a, b) = numox::broadcast_pair_views(&col, &row).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// assert_eq!(b.to_vec(), vec![10, 20, 30, 10, 20, 30]);
/// ```
pub fn broadcast_pair_views<'a, 'b, A, B, S1, S2>(
    a: &'a ArrayBase<S1>,
    b: &'b ArrayBase<S2>,
) -> Result<(ArrayView<'a, A>, ArrayView<'b, B>)>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
{
    let shape = shape::broadcast_pair("broadcast", a.shape(), b.shape())?;
    Ok((a.broadcast(&shape)?, b.broadcast(&shape)?))
}
