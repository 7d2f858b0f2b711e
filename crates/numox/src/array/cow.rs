//! [`CowArray`]: the answer of operations that return a view when they can
//! and a copy when they must (`reshape`, `ravel`), as NumPy's do.

use super::{Array, ArrayView};

/// Either a view of existing elements or a new owned array.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
/// let r = a.reshape(&[4]).unwrap();
/// assert!(r.is_view());
/// assert_eq!(r.into_owned(), array![1, 2, 3, 4]);
/// ```
pub enum CowArray<'a, A> {
    /// A view of the original elements.
    View(ArrayView<'a, A>),
    /// A copy.
    Owned(Array<A>),
}

impl<'a, A> CowArray<'a, A> {
    /// `true` for a view.
    pub fn is_view(&self) -> bool {
        matches!(self, CowArray::View(_))
    }

    /// A view of the elements, whichever variant this is.
    pub fn view(&self) -> ArrayView<'_, A> {
        match self {
            CowArray::View(v) => v.view(),
            CowArray::Owned(a) => a.view(),
        }
    }

    /// An owned array: the copy, or a copy of the view.
    pub fn into_owned(self) -> Array<A>
    where
        A: Clone,
    {
        match self {
            CowArray::View(v) => v.to_owned(),
            CowArray::Owned(a) => a,
        }
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        match self {
            CowArray::View(v) => v.shape(),
            CowArray::Owned(a) => a.shape(),
        }
    }
}

impl<A: PartialEq> PartialEq for CowArray<'_, A> {
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}

impl<A: std::fmt::Debug + crate::Element> std::fmt::Debug for CowArray<'_, A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.view(), f)
    }
}
