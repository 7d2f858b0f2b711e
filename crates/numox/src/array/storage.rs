//! The storage parameter of [`ArrayBase`](super::ArrayBase): an owned
//! buffer, or a marker for a shared or exclusive borrow.

use std::marker::PhantomData;

mod sealed {
    pub trait Sealed {}
}

/// Storage of array elements (sealed; implemented by [`OwnedRepr`] and [`ViewRepr`]).
///
/// # Safety
/// Implementations promise that the array's pointer and layout stay valid for
/// as long as the storage value lives.
pub unsafe trait RawData: sealed::Sealed {
    /// The element type.
    type Elem;
}

/// Storage whose elements can be read.
///
/// # Safety
/// Implementations give shared read access to every element of the layout.
pub unsafe trait Data: RawData {}

/// Storage whose elements can be written.
///
/// # Safety
/// Implementations give exclusive access to every element of the layout.
pub unsafe trait DataMut: Data {}

/// Storage that owns its elements (used by constructors).
///
/// # Safety
/// The storage owns the buffer the array points into.
pub unsafe trait DataOwned: DataMut {}

/// An owned buffer of elements.
pub struct OwnedRepr<A>(Vec<A>);

impl<A> OwnedRepr<A> {
    pub(crate) fn new(v: Vec<A>) -> Self {
        OwnedRepr(v)
    }
    pub(crate) fn as_ptr(&self) -> *const A {
        self.0.as_ptr()
    }
    pub(crate) fn as_mut_ptr(&mut self) -> *mut A {
        self.0.as_mut_ptr()
    }
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
    pub(crate) fn into_vec(self) -> Vec<A> {
        self.0
    }
    pub(crate) fn clone_vec(&self) -> Vec<A>
    where
        A: Clone,
    {
        self.0.clone()
    }
}

/// A borrow of elements: `ViewRepr<&'a A>` reads, `ViewRepr<&'a mut A>` writes.
pub struct ViewRepr<R> {
    _borrow: PhantomData<R>,
}

impl<R> ViewRepr<R> {
    pub(crate) fn new() -> Self {
        ViewRepr { _borrow: PhantomData }
    }
}

impl<A> sealed::Sealed for OwnedRepr<A> {}
impl<A> sealed::Sealed for ViewRepr<&A> {}
impl<A> sealed::Sealed for ViewRepr<&mut A> {}

// SAFETY: the Vec lives as long as the array and is never reallocated while borrowed.
unsafe impl<A> RawData for OwnedRepr<A> {
    type Elem = A;
}
// SAFETY: the owner hands out `&self`/`&mut self` borrows only.
unsafe impl<A> Data for OwnedRepr<A> {}
// SAFETY: owned arrays never alias two indices to one element.
unsafe impl<A> DataMut for OwnedRepr<A> {}
// SAFETY: the array owns the buffer.
unsafe impl<A> DataOwned for OwnedRepr<A> {}

// SAFETY: the lifetime 'a ties the view to the borrowed elements.
unsafe impl<A> RawData for ViewRepr<&A> {
    type Elem = A;
}
// SAFETY: shared borrow for 'a.
unsafe impl<A> Data for ViewRepr<&A> {}

// SAFETY: the lifetime 'a ties the view to the exclusively borrowed elements.
unsafe impl<A> RawData for ViewRepr<&mut A> {
    type Elem = A;
}
// SAFETY: an exclusive borrow can be read.
unsafe impl<A> Data for ViewRepr<&mut A> {}
// SAFETY: exclusive borrow for 'a, and mutable views never alias two indices.
unsafe impl<A> DataMut for ViewRepr<&mut A> {}

impl<R> Clone for ViewRepr<R> {
    fn clone(&self) -> Self {
        ViewRepr::new()
    }
}

/// Storage that can be split into parts over disjoint elements (views only;
/// an owned buffer has one owner).
pub trait SplitStorage: sealed::Sealed {}
impl<A> SplitStorage for ViewRepr<&A> {}
impl<A> SplitStorage for ViewRepr<&mut A> {}
