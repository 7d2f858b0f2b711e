//! The N-dimensional array: [`Array`] owns its elements, [`ArrayView`] and
//! [`ArrayViewMut`] borrow them. All three are [`ArrayBase`] with a different
//! storage parameter, so every read-only method works on all of them and
//! every mutating method on the two that may write.
//!
//! An array is a pointer to its first element (the one at index
//! `[0, 0, ..]`), a shape and strides in elements. Strides may be negative
//! (reversed views) or zero (broadcast views), exactly as NumPy's, except
//! that NumPy counts them in bytes.
//!
//! ```
//! use numox::prelude::*;
//! let a = Array::from_shape_vec(&[2, 3], vec![1, 2, 3, 4, 5, 6]).unwrap();
//! assert_eq!(a.shape(), &[2, 3]);
//! let t = a.t();                       // a view: no copy
//! assert_eq!(t.strides(), &[1, 3]);
//! assert_eq!(t.to_vec(), vec![1, 4, 2, 5, 3, 6]);
//! let col = a.slice(s![.., 1]);        // a 1-d view of column 1
//! assert_eq!(col.to_vec(), vec![2, 5]);
//! ```

pub mod broadcast;
pub(crate) mod copy;
pub mod cow;
pub mod index;
pub mod iter;
pub(crate) mod sequential_fill;
pub mod shape;
pub mod slice;
mod storage;
pub mod views;
pub(crate) mod walk;

pub use cow::CowArray;
pub use shape::{Order, Shape, Strides};
pub use storage::{Data, DataMut, DataOwned, OwnedRepr, RawData, ViewRepr};

use crate::element::Element;
use crate::error::{Error, Result};
use shape::{checked_size_bytes, strides_for};
use smallvec::SmallVec;
use std::ptr::NonNull;

/// An N-dimensional array with storage `S`; use the aliases [`Array`],
/// [`ArrayView`] and [`ArrayViewMut`].
pub struct ArrayBase<S: RawData> {
    /// Owns (or marks the borrow of) the elements.
    data: S,
    /// Points at the element with index `[0, 0, ..]`. Dangling (but aligned)
    /// when the array is empty.
    ptr: NonNull<S::Elem>,
    shape: Shape,
    strides: Strides,
}

/// An array that owns its elements (NumPy's `ndarray` with `OWNDATA`).
pub type Array<T> = ArrayBase<OwnedRepr<T>>;
/// A read-only view of an array's elements (a NumPy view).
pub type ArrayView<'a, T> = ArrayBase<ViewRepr<&'a T>>;
/// A writable view of an array's elements.
pub type ArrayViewMut<'a, T> = ArrayBase<ViewRepr<&'a mut T>>;

// SAFETY: the array hands out `&A` from `&self` and `&mut A` from `&mut self`
// only, like the storage it wraps; sending or sharing it across threads is as
// safe as sending or sharing the storage (Vec<A>, &A or &mut A).
unsafe impl<S: RawData + Send> Send for ArrayBase<S> where S::Elem: Send {}
// SAFETY: see `Send` above.
unsafe impl<S: RawData + Sync> Sync for ArrayBase<S> where S::Elem: Sync {}

impl<S: RawData> ArrayBase<S> {
    /// Assembles an array from its parts.
    ///
    /// # Safety
    /// Every index within `shape` must map, through `strides` from `ptr`, to
    /// an initialised element that `data` grants access to; for writable
    /// storage distinct indices must map to distinct elements.
    pub(crate) unsafe fn from_parts(data: S, ptr: NonNull<S::Elem>, shape: Shape, strides: Strides) -> Self {
        debug_assert_eq!(shape.len(), strides.len());
        ArrayBase {
            data,
            ptr,
            shape,
            strides,
        }
    }

    /// The length of each axis (NumPy's `a.shape`).
    #[inline]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The number of axes (`a.ndim`); 0 for a 0-d array.
    #[inline]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// The number of elements (`a.size`): the product of the shape, 1 for 0-d.
    #[inline]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// `true` when the array has no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.shape.contains(&0)
    }

    /// The length of the first axis (`len(a)`).
    ///
    /// # Panics
    /// On a 0-d array, as Python's `len()` raises.
    pub fn len(&self) -> usize {
        assert!(!self.shape.is_empty(), "len() of unsized object (0-d array)");
        self.shape[0]
    }

    /// Strides in elements (NumPy's `a.strides` divided by `a.itemsize`).
    #[inline]
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// The length of `axis` (negative counts from the end).
    pub fn len_of(&self, axis: isize) -> Result<usize> {
        Ok(self.shape[crate::error::normalize_axis(axis, self.ndim())?])
    }

    /// A pointer to the element at index `[0, 0, ..]`.
    #[inline]
    pub fn as_ptr(&self) -> *const S::Elem {
        self.ptr.as_ptr()
    }

    /// `true` when the elements are laid out in C order without gaps (NumPy's `flags.c_contiguous`).
    pub fn is_c_contiguous(&self) -> bool {
        shape::is_c_contiguous(&self.shape, &self.strides)
    }

    /// `true` when the elements are laid out in Fortran order without gaps (`flags.f_contiguous`).
    pub fn is_f_contiguous(&self) -> bool {
        shape::is_f_contiguous(&self.shape, &self.strides)
    }

    /// The memory span of the elements when they are contiguous in some order
    /// of the axes (all strides non-negative and the span equals the size).
    fn contiguous_any_order(&self) -> bool {
        if self.is_empty() {
            return true;
        }
        if self
            .strides
            .iter()
            .zip(&self.shape)
            .any(|(&s, &d)| s < 0 && d > 1)
        {
            return false;
        }
        let mut axes: SmallVec<[usize; 4]> = (0..self.ndim()).filter(|&i| self.shape[i] > 1).collect();
        axes.sort_by_key(|&i| self.strides[i]);
        let mut expected = 1isize;
        for &i in &axes {
            if self.strides[i] != expected {
                return false;
            }
            expected *= self.shape[i] as isize;
        }
        true
    }

    /// The offset (in elements) of `index` from the first element, if it is in bounds.
    #[inline]
    fn offset_of(&self, index: &[usize]) -> Option<isize> {
        if index.len() != self.ndim() {
            return None;
        }
        let mut off = 0isize;
        for ((&i, &d), &s) in index.iter().zip(&self.shape).zip(&self.strides) {
            if i >= d {
                return None;
            }
            off += i as isize * s;
        }
        Some(off)
    }

    /// Reinterprets the layout with a new shape and strides over the same data.
    ///
    /// # Safety
    /// As [`ArrayBase::from_parts`] for the new layout.
    pub(crate) unsafe fn with_layout(self, ptr: NonNull<S::Elem>, shape: Shape, strides: Strides) -> Self {
        // SAFETY: forwarded to the caller.
        unsafe { Self::from_parts(self.data, ptr, shape, strides) }
    }
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// A read-only view of the whole array.
    #[inline]
    pub fn view(&self) -> ArrayView<'_, A> {
        // SAFETY: same layout over the same elements, borrowed for `'_` from `self`.
        unsafe {
            ArrayView::from_parts(
                ViewRepr::new(),
                self.ptr,
                self.shape.clone(),
                self.strides.clone(),
            )
        }
    }

    /// The elements as a slice in C order, when the array is C-contiguous.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
    /// assert_eq!(a.as_slice(), Some(&[1, 2, 3, 4][..]));
    /// assert_eq!(a.t().as_slice(), None);
    /// ```
    pub fn as_slice(&self) -> Option<&[A]> {
        if self.is_c_contiguous() {
            // SAFETY: C-contiguous means the `size` elements from `ptr` are exactly the array's.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a slice in memory order, when they are contiguous in
    /// some axis order (C, Fortran or any permutation) with non-negative strides.
    pub fn as_slice_memory_order(&self) -> Option<&[A]> {
        if self.contiguous_any_order() {
            // SAFETY: contiguous in some order with non-negative strides means the
            // elements fill `size` consecutive slots starting at `ptr`.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// A reference to the element at `index`, or `None` when the index has
    /// the wrong length or is out of bounds.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 2], vec![1, 2, 3, 4]).unwrap();
    /// assert_eq!(a.get(&[1, 0]), Some(&3));
    /// assert_eq!(a.get(&[2, 0]), None);
    /// ```
    pub fn get(&self, index: &[usize]) -> Option<&A> {
        let off = self.offset_of(index)?;
        // SAFETY: `offset_of` checked the index against the shape.
        Some(unsafe { &*self.ptr.as_ptr().offset(off) })
    }

    /// The element at `index`, where negative entries count from the end
    /// (NumPy's `a.item(i, j)` / `a[i, j]`); errors name the axis.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 3], (0..6).collect()).unwrap();
    /// assert_eq!(a.item(&[-1, -1]).unwrap(), 5);
    /// assert!(a.item(&[2, 0]).is_err());
    /// ```
    pub fn item(&self, index: &[isize]) -> Result<A>
    where
        A: Copy,
    {
        if index.len() != self.ndim() {
            if self.ndim() == 0 && index.is_empty() {
                // fallthrough handled below
            } else {
                return Err(Error::invalid(format!(
                    "incorrect number of indices for array: array is {}-dimensional, but {} were indexed",
                    self.ndim(),
                    index.len()
                )));
            }
        }
        let mut off = 0isize;
        for (axis, (&i, (&d, &s))) in index.iter().zip(self.shape.iter().zip(&self.strides)).enumerate() {
            let j = if i < 0 { i + d as isize } else { i };
            if j < 0 || j >= d as isize {
                return Err(Error::IndexOutOfBounds {
                    index: i,
                    axis,
                    len: d,
                });
            }
            off += j * s;
        }
        // SAFETY: every index component was checked against its axis length.
        Ok(unsafe { *self.ptr.as_ptr().offset(off) })
    }

    /// The elements in C (row-major) order as a new `Vec` (NumPy's `a.ravel().tolist()`).
    pub fn to_vec(&self) -> Vec<A>
    where
        A: Clone,
    {
        let n = self.size();
        let mut v = copy::vec_with_capacity(n);
        if let Some(s) = self.as_slice() {
            v.extend_from_slice(s);
            return v;
        }
        // SAFETY: the layout is the array's own; `v` has room for `n` elements,
        // which the kernel writes before the length is set.
        unsafe {
            copy::copy_to_c_order(self.ptr.as_ptr(), &self.shape, &self.strides, v.as_mut_ptr());
            v.set_len(n);
        }
        v
    }

    /// A C-ordered copy that owns its elements (NumPy's `a.copy()`).
    pub fn to_owned(&self) -> Array<A>
    where
        A: Clone,
    {
        let v = self.to_vec();
        // SAFETY: `v` has exactly `size` elements in C order.
        unsafe { Array::from_vec_unchecked(self.shape.clone(), v) }
    }

    /// A copy in the requested memory order (NumPy's `a.copy(order=...)`).
    pub fn to_owned_order(&self, order: Order) -> Array<A>
    where
        A: Clone,
    {
        match order {
            Order::C => self.to_owned(),
            Order::F => {
                let t = self.view().reversed_axes().to_owned();
                t.reversed_axes()
            }
        }
    }

    /// Calls `f` on every element in C order.
    pub fn for_each<F: FnMut(&A)>(&self, mut f: F) {
        let base = self.ptr.as_ptr();
        walk::walk1(&self.shape, &self.strides, |off, len, stride| {
            for i in 0..len as isize {
                // SAFETY: `walk1` only yields offsets of in-bounds elements.
                f(unsafe { &*base.offset(off + i * stride) });
            }
        });
    }

    /// A new array of `f` applied to every element (by reference), same shape, C order.
    pub fn map<B, F: FnMut(&A) -> B>(&self, mut f: F) -> Array<B> {
        let mut v = Vec::with_capacity(self.size());
        if let Some(s) = self.as_slice() {
            v.extend(s.iter().map(f));
        } else {
            self.for_each(|x| v.push(f(x)));
        }
        // SAFETY: one output per element, in C order.
        unsafe { Array::from_vec_unchecked(self.shape.clone(), v) }
    }

    /// A new array of `f` applied to every element (by value), same shape, C order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.0, 4.0], [9.0, 16.0]];
    /// assert_eq!(a.mapv(f64::sqrt), array![[1.0, 2.0], [3.0, 4.0]]);
    /// ```
    pub fn mapv<B, F: FnMut(A) -> B>(&self, mut f: F) -> Array<B>
    where
        A: Copy,
    {
        self.map(move |&x| f(x))
    }

    /// A copy converted to element type `B` with NumPy's casting rules (see
    /// [`Element::from_scalar`] for float-to-integer truncation and NaN).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1.7, -1.7, 300.0];
    /// assert_eq!(a.astype::<i32>(), array![1, -1, 300]);
    /// assert_eq!(a.astype::<u8>(), array![1, 255, 44]);
    /// ```
    pub fn astype<B: Element>(&self) -> Array<B>
    where
        A: Element,
    {
        self.mapv(|x| x.cast::<B>())
    }

    /// Combines `self` and `other` element by element after broadcasting them
    /// to a common shape (NumPy's broadcasting rules).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let col = array![[1], [2]];
    /// let row = array![10, 20, 30];
    /// let t = col.zip_with(&row, |a, b| a * b).unwrap();
    /// assert_eq!(t, array![[10, 20, 30], [20, 40, 60]]);
    /// assert!(array![1, 2].zip_with(&row, |a, b| a + b).is_err());
    /// ```
    pub fn zip_with<B, C, S2, F>(&self, other: &ArrayBase<S2>, mut f: F) -> Result<Array<C>>
    where
        S2: Data<Elem = B>,
        A: Copy,
        B: Copy,
        F: FnMut(A, B) -> C,
    {
        let shape = shape::broadcast_pair("zip_with", self.shape(), other.shape())?;
        let a = self.broadcast(&shape)?;
        let b = other.broadcast(&shape)?;
        if let (Some(x), Some(y)) = (a.as_slice(), b.as_slice()) {
            let v: Vec<C> = x.iter().zip(y).map(|(&p, &q)| f(p, q)).collect();
            // SAFETY: one output per element of `shape`, in C order.
            return Ok(unsafe { Array::from_vec_unchecked(shape, v) });
        }
        let n = shape::checked_size(&shape)?;
        let mut v = Vec::with_capacity(n);
        let (pa, pb) = (a.ptr.as_ptr(), b.ptr.as_ptr());
        walk::walk2(&shape, [&a.strides, &b.strides], |[oa, ob], len, [sa, sb]| {
            for i in 0..len as isize {
                // SAFETY: the walk yields in-bounds offsets of both broadcast views.
                unsafe { v.push(f(*pa.offset(oa + i * sa), *pb.offset(ob + i * sb))) };
            }
        });
        // SAFETY: the walk visits every index of `shape` once, in C order.
        Ok(unsafe { Array::from_vec_unchecked(shape, v) })
    }

    /// `true` when both arrays have the same shape and equal elements
    /// (NumPy's `array_equal`; NaN never equals NaN).
    pub fn equals<S2: Data<Elem = A>>(&self, other: &ArrayBase<S2>) -> bool
    where
        A: PartialEq,
    {
        if self.shape != other.shape {
            return false;
        }
        if let (Some(a), Some(b)) = (self.as_slice(), other.as_slice()) {
            return a == b;
        }
        let (pa, pb) = (self.ptr.as_ptr(), other.ptr.as_ptr());
        let mut eq = true;
        walk::walk2(
            &self.shape,
            [&self.strides, &other.strides],
            |[oa, ob], len, [sa, sb]| {
                if eq {
                    for i in 0..len as isize {
                        // SAFETY: in-bounds offsets of both same-shaped arrays.
                        if unsafe { *pa.offset(oa + i * sa) != *pb.offset(ob + i * sb) } {
                            eq = false;
                            break;
                        }
                    }
                }
            },
        );
        eq
    }
}

impl<A, S: DataMut<Elem = A>> ArrayBase<S> {
    /// A writable view of the whole array.
    #[inline]
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, A> {
        // SAFETY: same layout over the same elements, exclusively borrowed from `self`.
        unsafe {
            ArrayViewMut::from_parts(
                ViewRepr::new(),
                self.ptr,
                self.shape.clone(),
                self.strides.clone(),
            )
        }
    }

    /// The elements as a mutable slice in C order, when the array is C-contiguous.
    pub fn as_slice_mut(&mut self) -> Option<&mut [A]> {
        if self.is_c_contiguous() {
            // SAFETY: C-contiguous: exactly the array's elements; `&mut self` is exclusive.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a mutable slice in memory order, when contiguous in some axis order.
    pub fn as_slice_memory_order_mut(&mut self) -> Option<&mut [A]> {
        if self.contiguous_any_order() {
            // SAFETY: as `as_slice_memory_order`, with exclusive access from `&mut self`.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// A mutable reference to the element at `index`, or `None` when out of bounds.
    pub fn get_mut(&mut self, index: &[usize]) -> Option<&mut A> {
        let off = self.offset_of(index)?;
        // SAFETY: in bounds, and `&mut self` gives exclusive access.
        Some(unsafe { &mut *self.ptr.as_ptr().offset(off) })
    }

    /// Calls `f` on every element in C order, mutably.
    pub fn for_each_mut<F: FnMut(&mut A)>(&mut self, mut f: F) {
        if let Some(s) = self.as_slice_memory_order_mut() {
            s.iter_mut().for_each(f);
            return;
        }
        let base = self.ptr.as_ptr();
        walk::walk1(&self.shape, &self.strides, |off, len, stride| {
            for i in 0..len as isize {
                // SAFETY: in-bounds offsets; writable storage never aliases two indices.
                f(unsafe { &mut *base.offset(off + i * stride) });
            }
        });
    }

    /// Replaces every element by `f` of it, in place.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![1, 2, 3];
    /// a.mapv_inplace(|x| x * 10);
    /// assert_eq!(a, array![10, 20, 30]);
    /// ```
    pub fn mapv_inplace<F: FnMut(A) -> A>(&mut self, mut f: F)
    where
        A: Copy,
    {
        self.for_each_mut(|x| *x = f(*x));
    }

    /// Sets every element to `value` (NumPy's `a.fill(value)`).
    pub fn fill(&mut self, value: A)
    where
        A: Clone,
    {
        self.for_each_mut(|x| *x = value.clone());
    }

    /// Copies `src` into `self`, broadcasting `src` to `self`'s shape
    /// (NumPy's `a[...] = src`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = Array::<i32>::zeros(&[2, 3]);
    /// a.assign(&array![1, 2, 3]).unwrap();
    /// assert_eq!(a, array![[1, 2, 3], [1, 2, 3]]);
    /// assert!(a.assign(&array![1, 2]).is_err());
    /// ```
    pub fn assign<S2: Data<Elem = A>>(&mut self, src: &ArrayBase<S2>) -> Result<()>
    where
        A: Clone,
    {
        let shape = self.shape.clone();
        let src = src
            .broadcast(&shape)
            .map_err(|_| Error::shape_mismatch("assign", src.shape(), &shape))?;
        self.zip_mut_with_same_shape(&src, |d, s| *d = s.clone());
        Ok(())
    }

    /// Applies `f(&mut self[i], &other[i])` for every index of two arrays of
    /// the same shape (callers broadcast first).
    pub(crate) fn zip_mut_with_same_shape<B, S2: Data<Elem = B>, F: FnMut(&mut A, &B)>(
        &mut self,
        other: &ArrayBase<S2>,
        mut f: F,
    ) {
        debug_assert_eq!(self.shape, other.shape);
        let (pa, pb) = (self.ptr.as_ptr(), other.ptr.as_ptr());
        walk::walk2(
            &self.shape,
            [&self.strides, &other.strides],
            |[oa, ob], len, [sa, sb]| {
                for i in 0..len as isize {
                    // SAFETY: in-bounds offsets of two same-shaped arrays; `self` is exclusive.
                    unsafe { f(&mut *pa.offset(oa + i * sa), &*pb.offset(ob + i * sb)) };
                }
            },
        );
    }
}

impl<A> Array<A> {
    /// Builds an array from a shape and a `Vec` of its elements in C order.
    ///
    /// # Safety
    /// `v.len()` must equal the product of `shape`.
    pub(crate) unsafe fn from_vec_unchecked(shape: Shape, mut v: Vec<A>) -> Self {
        debug_assert_eq!(v.len(), shape.iter().product::<usize>());
        let strides = strides_for(&shape, Order::C);
        let ptr = NonNull::new(v.as_mut_ptr()).expect("Vec pointer is never null");
        // SAFETY: a C-ordered layout over exactly `v.len()` elements.
        unsafe { Self::from_parts(OwnedRepr::new(v), ptr, shape, strides) }
    }

    /// A 1-d array holding `v` (NumPy's `np.array(list)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_vec(vec![1.0, 2.0]);
    /// assert_eq!(a.shape(), &[2]);
    /// ```
    pub fn from_vec(v: Vec<A>) -> Self {
        let n = v.len();
        // SAFETY: shape `[n]` holds exactly `n` elements.
        unsafe { Self::from_vec_unchecked(SmallVec::from_slice(&[n]), v) }
    }

    /// An array of `shape` holding `v` in C order; errors when the lengths differ.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 3], (0..6).collect()).unwrap();
    /// assert_eq!(a.shape(), &[2, 3]);
    /// assert!(Array::from_shape_vec(&[4, 2], vec![0; 6]).is_err());
    /// ```
    pub fn from_shape_vec(shape: &[usize], v: Vec<A>) -> Result<Self> {
        let n = shape::checked_size(shape)?;
        if n != v.len() {
            return Err(Error::bad_shape("from_shape_vec", v.len(), shape));
        }
        // SAFETY: lengths checked.
        Ok(unsafe { Self::from_vec_unchecked(Shape::from_slice(shape), v) })
    }

    /// An array of `shape` holding `v` in the given memory order (C or Fortran).
    pub fn from_shape_vec_order(shape: &[usize], v: Vec<A>, order: Order) -> Result<Self> {
        match order {
            Order::C => Self::from_shape_vec(shape, v),
            Order::F => {
                let rev: Shape = shape.iter().rev().copied().collect();
                Ok(Self::from_shape_vec(&rev, v)?.reversed_axes())
            }
        }
    }

    /// A 0-d array holding one value (NumPy's `np.array(x)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_elem0(3.5);
    /// assert_eq!((a.ndim(), a.size()), (0, 1));
    /// assert_eq!(a.into_scalar(), 3.5);
    /// ```
    pub fn from_elem0(x: A) -> Self {
        // SAFETY: the empty shape holds exactly one element.
        unsafe { Self::from_vec_unchecked(Shape::new(), vec![x]) }
    }

    /// An array of `shape` filled with clones of `x`; errors when the shape overflows.
    pub fn from_elem(shape: &[usize], x: A) -> Result<Self>
    where
        A: Clone,
    {
        copy::try_from_elem(shape, x)
    }

    /// An array of `shape` where each element is `f(index)` (NumPy's
    /// `np.fromfunction`, called once per index in C order).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_fn(&[2, 3], |ix| (10 * ix[0] + ix[1]) as i32).unwrap();
    /// assert_eq!(a, array![[0, 1, 2], [10, 11, 12]]);
    /// ```
    pub fn from_shape_fn<F: FnMut(&[usize]) -> A>(shape: &[usize], mut f: F) -> Result<Self> {
        let n = checked_size_bytes::<A>(shape)?;
        let mut v = copy::try_vec(n, shape)?;
        let mut ix: Shape = SmallVec::from_elem(0, shape.len());
        for _ in 0..n {
            v.push(f(&ix));
            for ax in (0..shape.len()).rev() {
                ix[ax] += 1;
                if ix[ax] < shape[ax] {
                    break;
                }
                ix[ax] = 0;
            }
        }
        // SAFETY: `n` elements for `shape`.
        Ok(unsafe { Self::from_vec_unchecked(Shape::from_slice(shape), v) })
    }

    /// The single element of a 0-d array (or of any array with one element).
    ///
    /// # Panics
    /// When the array does not have exactly one element, as NumPy's `a.item()` raises.
    pub fn into_scalar(self) -> A {
        assert_eq!(
            self.size(),
            1,
            "can only convert an array of size 1 to a scalar (shape {:?})",
            self.shape()
        );
        let off = self.ptr.as_ptr() as usize - self.data.as_ptr() as usize;
        let idx = off / std::mem::size_of::<A>().max(1);
        self.data.into_vec().swap_remove(idx)
    }

    /// The underlying buffer and the offset of the first element in it.
    /// The buffer is in C order when [`ArrayBase::is_c_contiguous`] was true.
    pub fn into_raw_vec_and_offset(self) -> (Vec<A>, usize) {
        let off = if std::mem::size_of::<A>() == 0 || self.is_empty() {
            0
        } else {
            (self.ptr.as_ptr() as usize - self.data.as_ptr() as usize) / std::mem::size_of::<A>()
        };
        (self.data.into_vec(), off)
    }

    /// The elements in C order as a `Vec`, without copying when the array
    /// already owns exactly them in C order.
    pub fn into_vec(self) -> Vec<A>
    where
        A: Clone,
    {
        if self.is_c_contiguous()
            && self.data.len() == self.size()
            && self.data.as_ptr() == self.ptr.as_ptr().cast_const()
        {
            return self.data.into_vec();
        }
        self.to_vec()
    }
}

impl<A: Clone> Clone for Array<A> {
    fn clone(&self) -> Self {
        let data = self.data.clone_vec();
        let off = if self.is_empty() || std::mem::size_of::<A>() == 0 {
            0
        } else {
            // SAFETY: `ptr` points into the buffer `data` owns.
            unsafe { self.ptr.as_ptr().offset_from(self.data.as_ptr()) }
        };
        let mut data = OwnedRepr::new(data);
        // SAFETY: the clone has the same length, so the same offset is in bounds.
        let ptr = unsafe { NonNull::new_unchecked(data.as_mut_ptr().offset(off)) };
        // SAFETY: identical layout over an identical buffer.
        unsafe { Self::from_parts(data, ptr, self.shape.clone(), self.strides.clone()) }
    }
}

impl<A> Clone for ArrayView<'_, A> {
    fn clone(&self) -> Self {
        // SAFETY: a shared view may be duplicated freely.
        unsafe {
            Self::from_parts(
                ViewRepr::new(),
                self.ptr,
                self.shape.clone(),
                self.strides.clone(),
            )
        }
    }
}

impl<'a, A> ArrayView<'a, A> {
    /// A view of a slice with the given shape and C order; errors when the lengths differ.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let v = [1, 2, 3, 4, 5, 6];
    /// let a = ArrayView::from_shape(&[3, 2], &v).unwrap();
    /// assert_eq!(a.get(&[2, 1]), Some(&6));
    /// ```
    pub fn from_shape(shape: &[usize], data: &'a [A]) -> Result<Self> {
        let n = shape::checked_size(shape)?;
        if n != data.len() {
            return Err(Error::bad_shape("from_shape", data.len(), shape));
        }
        let ptr = NonNull::from(data).cast::<A>();
        // SAFETY: C layout over exactly `data`, borrowed for 'a.
        Ok(unsafe {
            Self::from_parts(
                ViewRepr::new(),
                ptr,
                Shape::from_slice(shape),
                strides_for(shape, Order::C),
            )
        })
    }

    /// The elements as a slice with the view's lifetime, when C-contiguous.
    pub fn to_slice(&self) -> Option<&'a [A]> {
        if self.is_c_contiguous() {
            // SAFETY: as `as_slice`, and the elements are borrowed for 'a.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// A reference with the view's lifetime to the element at `index`.
    pub fn get_ref(&self, index: &[usize]) -> Option<&'a A> {
        let off = self.offset_of(index)?;
        // SAFETY: in bounds; borrowed for 'a.
        Some(unsafe { &*self.ptr.as_ptr().offset(off) })
    }
}

impl<'a, A> ArrayViewMut<'a, A> {
    /// A writable view of a slice with the given shape and C order.
    pub fn from_shape(shape: &[usize], data: &'a mut [A]) -> Result<Self> {
        let n = shape::checked_size(shape)?;
        if n != data.len() {
            return Err(Error::bad_shape("from_shape", data.len(), shape));
        }
        let ptr = NonNull::from(data).cast::<A>();
        // SAFETY: C layout over exactly `data`, exclusively borrowed for 'a.
        Ok(unsafe {
            Self::from_parts(
                ViewRepr::new(),
                ptr,
                Shape::from_slice(shape),
                strides_for(shape, Order::C),
            )
        })
    }

    /// The elements as a mutable slice with the view's lifetime, when C-contiguous.
    pub fn into_slice(self) -> Option<&'a mut [A]> {
        if self.is_c_contiguous() {
            // SAFETY: C-contiguous; the view's exclusive borrow moves into the slice.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// Reborrows as a shorter-lived writable view.
    pub fn reborrow(&mut self) -> ArrayViewMut<'_, A> {
        self.view_mut()
    }
}

impl<A, S, S2> PartialEq<ArrayBase<S2>> for ArrayBase<S>
where
    A: PartialEq,
    S: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    /// Same shape and equal elements (NumPy's `array_equal`).
    fn eq(&self, other: &ArrayBase<S2>) -> bool {
        self.equals(other)
    }
}

impl<A> Default for Array<A> {
    /// An empty 1-d array.
    fn default() -> Self {
        Array::from_vec(Vec::new())
    }
}

impl<A> From<Vec<A>> for Array<A> {
    fn from(v: Vec<A>) -> Self {
        Array::from_vec(v)
    }
}

/// A 1-d array of the items of an iterator (NumPy's `np.fromiter`).
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_iter((0..4).map(|i| i * i));
/// assert_eq!(a, array![0, 1, 4, 9]);
/// ```
impl<A> FromIterator<A> for Array<A> {
    fn from_iter<I: IntoIterator<Item = A>>(iter: I) -> Self {
        Array::from_vec(iter.into_iter().collect())
    }
}

impl<A: Clone, const N: usize> From<[A; N]> for Array<A> {
    fn from(v: [A; N]) -> Self {
        Array::from_vec(v.to_vec())
    }
}
