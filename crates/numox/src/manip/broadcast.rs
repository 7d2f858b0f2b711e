//! Broadcasting as free functions: NumPy's `broadcast_to` and
//! `broadcast_arrays` (`broadcast_shapes` lives in
//! [`array::shape`](crate::array::shape)).

use crate::array::shape::broadcast_shapes;
use crate::array::{ArrayBase, ArrayView, Data};
use crate::error::{Error, Result};

/// A read-only view of `a` broadcast to `shape` (NumPy's
/// `np.broadcast_to`); errors when the shapes are incompatible.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1, 2];
/// let b = numox::broadcast_to(&a, &[3, 2]).unwrap();
/// assert_eq!(b, array![[1, 2], [1, 2], [1, 2]]);
/// assert!(numox::broadcast_to(&a, &[3]).is_err());
/// ```
pub fn broadcast_to<'a, A, S: Data<Elem = A>>(
    a: &'a ArrayBase<S>,
    shape: &[usize],
) -> Result<ArrayView<'a, A>> {
    a.broadcast(shape)
}

/// Views of all inputs broadcast to their common shape (NumPy's
/// `np.broadcast_arrays`). It takes views so that the results borrow the
/// original arrays (not the list); an empty list gives an empty `Vec`.
///
/// ```
/// use numox::prelude::*;
/// let (a, b) = (array![[1], [2]], array![10, 20, 30]);
/// let v = numox::broadcast_arrays(&[a.view(), b.view()]).unwrap();
/// assert_eq!(v[0], array![[1, 1, 1], [2, 2, 2]]);
/// assert_eq!(v[1].shape(), &[2, 3]);
/// assert!(numox::broadcast_arrays(&[b.view(), array![1, 2].view()]).is_err());
/// ```
pub fn broadcast_arrays<'a, A>(arrays: &[ArrayView<'a, A>]) -> Result<Vec<ArrayView<'a, A>>> {
    let shapes: Vec<&[usize]> = arrays.iter().map(|v| v.shape()).collect();
    let shape = broadcast_shapes(&shapes).map_err(|e| match e {
        Error::ShapeMismatch { lhs, rhs, .. } => Error::ShapeMismatch {
            op: "broadcast_arrays",
            lhs,
            rhs,
        },
        other => other,
    })?;
    arrays.iter().map(|a| a.clone().into_broadcast(&shape)).collect()
}

impl<'a, A> ArrayView<'a, A> {
    /// [`broadcast`](ArrayBase::broadcast) that keeps the view's lifetime
    /// (consumes the view instead of borrowing it).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1, 2];
    /// let b = a.view().into_broadcast(&[2, 2]).unwrap();
    /// assert_eq!(b.strides(), &[0, 1]);
    /// ```
    pub fn into_broadcast(self, shape: &[usize]) -> Result<ArrayView<'a, A>> {
        crate::array::shape::checked_size(shape)?;
        match crate::array::shape::broadcast_strides(self.shape(), self.strides(), shape) {
            Some(strides) => {
                let ptr =
                    std::ptr::NonNull::new(self.as_ptr() as *mut A).expect("view pointers are non-null");
                // SAFETY: every index of `shape` maps onto an element of `self`
                // (stride 0 on stretched axes); the result is read-only and
                // borrows the same elements for 'a.
                Ok(unsafe {
                    ArrayView::from_parts(
                        crate::array::ViewRepr::new(),
                        ptr,
                        crate::array::Shape::from_slice(shape),
                        strides,
                    )
                })
            }
            None => Err(Error::shape_mismatch("broadcast_to", self.shape(), shape)),
        }
    }
}
