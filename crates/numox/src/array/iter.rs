//! Iterators over elements (`iter`, `iter_mut`, `indexed_iter`), sub-views
//! along an axis (`axis_iter`, `axis_iter_mut`, NumPy's `for row in a`) and
//! 1-d lanes along an axis (`lanes`, what `np.apply_along_axis` visits).
//! All run in C order.

use super::shape::{Shape, Strides, coalesce};
use super::{Array, ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, ViewRepr};
use crate::error::{Result, normalize_axis};
use smallvec::SmallVec;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Walks the offsets of a strided layout in C order.
#[derive(Clone)]
struct OffsetIter {
    shape: Shape,
    strides: Strides,
    index: Shape,
    offset: isize,
    remaining: usize,
}

impl OffsetIter {
    fn new(shape: &[usize], strides: &[isize], merge: bool) -> Self {
        let remaining = shape.iter().product();
        let (shape, strides) = if merge {
            let (s, [st]) = coalesce(shape, [strides]);
            (s, st)
        } else {
            (Shape::from_slice(shape), Strides::from_slice(strides))
        };
        let index = SmallVec::from_elem(0, shape.len());
        OffsetIter {
            shape,
            strides,
            index,
            offset: 0,
            remaining,
        }
    }

    #[inline]
    fn next(&mut self) -> Option<isize> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let off = self.offset;
        self.advance();
        Some(off)
    }

    #[inline]
    fn advance(&mut self) {
        let mut ax = self.shape.len();
        while ax > 0 {
            ax -= 1;
            self.index[ax] += 1;
            self.offset += self.strides[ax];
            if self.index[ax] < self.shape[ax] {
                return;
            }
            self.offset -= self.strides[ax] * self.shape[ax] as isize;
            self.index[ax] = 0;
        }
    }

    /// The next offset together with its (un-merged) index.
    #[inline]
    fn next_indexed(&mut self) -> Option<(isize, Shape)> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let res = (self.offset, self.index.clone());
        self.advance();
        Some(res)
    }
}

enum ElemsInner<'a, A> {
    Slice(std::slice::Iter<'a, A>),
    Strided { base: *const A, offsets: OffsetIter },
}

/// Iterator over `&A` in C order; see [`ArrayBase::iter`].
pub struct Iter<'a, A> {
    inner: ElemsInner<'a, A>,
}

// SAFETY: the iterator hands out `&'a A` only, like `slice::Iter`.
unsafe impl<A: Sync> Send for Iter<'_, A> {}
// SAFETY: as above.
unsafe impl<A: Sync> Sync for Iter<'_, A> {}

impl<'a, A> Iterator for Iter<'a, A> {
    type Item = &'a A;
    #[inline]
    fn next(&mut self) -> Option<&'a A> {
        match &mut self.inner {
            ElemsInner::Slice(it) => it.next(),
            ElemsInner::Strided { base, offsets } => {
                let off = offsets.next()?;
                // SAFETY: offsets of in-bounds elements of a view living for 'a.
                Some(unsafe { &*base.offset(off) })
            }
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.inner {
            ElemsInner::Slice(it) => it.len(),
            ElemsInner::Strided { offsets, .. } => offsets.remaining,
        };
        (n, Some(n))
    }
}
impl<A> ExactSizeIterator for Iter<'_, A> {}

/// Iterator over `&mut A` in C order; see [`ArrayBase::iter_mut`].
pub struct IterMut<'a, A> {
    base: *mut A,
    offsets: OffsetIter,
    _borrow: PhantomData<&'a mut A>,
}

// SAFETY: hands out disjoint `&'a mut A`, like `slice::IterMut`.
unsafe impl<A: Send> Send for IterMut<'_, A> {}

impl<'a, A> Iterator for IterMut<'a, A> {
    type Item = &'a mut A;
    #[inline]
    fn next(&mut self) -> Option<&'a mut A> {
        let off = self.offsets.next()?;
        // SAFETY: each in-bounds offset is yielded once, and writable layouts
        // never map two indices to one element, so the borrows are disjoint.
        Some(unsafe { &mut *self.base.offset(off) })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.offsets.remaining, Some(self.offsets.remaining))
    }
}
impl<A> ExactSizeIterator for IterMut<'_, A> {}

/// Iterator over `(index, &A)` in C order; see [`ArrayBase::indexed_iter`].
pub struct IndexedIter<'a, A> {
    base: *const A,
    offsets: OffsetIter,
    _borrow: PhantomData<&'a A>,
}

impl<'a, A> Iterator for IndexedIter<'a, A> {
    type Item = (Shape, &'a A);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let (off, ix) = self.offsets.next_indexed()?;
        // SAFETY: offsets of in-bounds elements of a view living for 'a.
        Some((ix, unsafe { &*self.base.offset(off) }))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.offsets.remaining, Some(self.offsets.remaining))
    }
}
impl<A> ExactSizeIterator for IndexedIter<'_, A> {}

/// Iterator over the sub-views along one axis; see [`ArrayBase::axis_iter`].
pub struct AxisIter<'a, A> {
    ptr: NonNull<A>,
    shape: Shape,
    strides: Strides,
    stride: isize,
    front: usize,
    back: usize,
    _borrow: PhantomData<&'a A>,
}

impl<'a, A> AxisIter<'a, A> {
    fn view_at(&self, i: usize) -> ArrayView<'a, A> {
        // SAFETY: `i` < axis length; the sub-view is the layout minus the axis.
        unsafe {
            let p = NonNull::new_unchecked(self.ptr.as_ptr().offset(i as isize * self.stride));
            ArrayView::from_parts(ViewRepr::new(), p, self.shape.clone(), self.strides.clone())
        }
    }
}

impl<'a, A> Iterator for AxisIter<'a, A> {
    type Item = ArrayView<'a, A>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        let v = self.view_at(self.front);
        self.front += 1;
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}
impl<A> DoubleEndedIterator for AxisIter<'_, A> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some(self.view_at(self.back))
    }
}
impl<A> ExactSizeIterator for AxisIter<'_, A> {}

/// Iterator over writable sub-views along one axis; see [`ArrayBase::axis_iter_mut`].
pub struct AxisIterMut<'a, A> {
    ptr: NonNull<A>,
    shape: Shape,
    strides: Strides,
    stride: isize,
    front: usize,
    back: usize,
    _borrow: PhantomData<&'a mut A>,
}

impl<'a, A> AxisIterMut<'a, A> {
    fn view_at(&self, i: usize) -> ArrayViewMut<'a, A> {
        // SAFETY: `i` < axis length; sub-views at distinct `i` are disjoint and
        // each `i` is handed out once.
        unsafe {
            let p = NonNull::new_unchecked(self.ptr.as_ptr().offset(i as isize * self.stride));
            ArrayViewMut::from_parts(ViewRepr::new(), p, self.shape.clone(), self.strides.clone())
        }
    }
}

impl<'a, A> Iterator for AxisIterMut<'a, A> {
    type Item = ArrayViewMut<'a, A>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        let v = self.view_at(self.front);
        self.front += 1;
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}
impl<A> DoubleEndedIterator for AxisIterMut<'_, A> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some(self.view_at(self.back))
    }
}
impl<A> ExactSizeIterator for AxisIterMut<'_, A> {}

/// Iterator over the 1-d lanes along one axis; see [`ArrayBase::lanes`].
pub struct Lanes<'a, A> {
    base: *const A,
    offsets: OffsetIter,
    len: usize,
    stride: isize,
    _borrow: PhantomData<&'a A>,
}

impl<'a, A> Iterator for Lanes<'a, A> {
    type Item = ArrayView<'a, A>;
    fn next(&mut self) -> Option<Self::Item> {
        let off = self.offsets.next()?;
        // SAFETY: `off` is the start of an in-bounds lane of `len` elements at `stride`.
        unsafe {
            let p = NonNull::new_unchecked(self.base.offset(off) as *mut A);
            Some(ArrayView::from_parts(
                ViewRepr::new(),
                p,
                SmallVec::from_slice(&[self.len]),
                SmallVec::from_slice(&[self.stride]),
            ))
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.offsets.remaining, Some(self.offsets.remaining))
    }
}
impl<A> ExactSizeIterator for Lanes<'_, A> {}

/// Iterator over writable 1-d lanes along one axis; see [`ArrayBase::lanes_mut`].
pub struct LanesMut<'a, A> {
    base: *mut A,
    offsets: OffsetIter,
    len: usize,
    stride: isize,
    _borrow: PhantomData<&'a mut A>,
}

impl<'a, A> Iterator for LanesMut<'a, A> {
    type Item = ArrayViewMut<'a, A>;
    fn next(&mut self) -> Option<Self::Item> {
        let off = self.offsets.next()?;
        // SAFETY: distinct lanes of a writable layout are disjoint; each is yielded once.
        unsafe {
            let p = NonNull::new_unchecked(self.base.offset(off));
            Some(ArrayViewMut::from_parts(
                ViewRepr::new(),
                p,
                SmallVec::from_slice(&[self.len]),
                SmallVec::from_slice(&[self.stride]),
            ))
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.offsets.remaining, Some(self.offsets.remaining))
    }
}
impl<A> ExactSizeIterator for LanesMut<'_, A> {}

fn without_axis(shape: &[usize], strides: &[isize], ax: usize) -> (Shape, Strides) {
    let mut s = Shape::from_slice(shape);
    let mut st = Strides::from_slice(strides);
    s.remove(ax);
    st.remove(ax);
    (s, st)
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// An iterator over the elements in C order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.t().iter().copied().collect::<Vec<_>>(), vec![1, 3, 2, 4]);
    /// ```
    pub fn iter(&self) -> Iter<'_, A> {
        let inner = match self.as_slice() {
            Some(s) => ElemsInner::Slice(s.iter()),
            None => ElemsInner::Strided {
                base: self.ptr.as_ptr(),
                offsets: OffsetIter::new(&self.shape, &self.strides, true),
            },
        };
        Iter { inner }
    }

    /// An iterator over `(index, &element)` in C order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// let v: Vec<_> = a.indexed_iter().map(|(ix, &x)| (ix.to_vec(), x)).collect();
    /// assert_eq!(v[2], (vec![1, 0], 3));
    /// ```
    pub fn indexed_iter(&self) -> IndexedIter<'_, A> {
        IndexedIter {
            base: self.ptr.as_ptr(),
            offsets: OffsetIter::new(&self.shape, &self.strides, false),
            _borrow: PhantomData,
        }
    }

    /// An iterator over the sub-views at each index of `axis` (for axis 0,
    /// NumPy's `for row in a`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// let sums: Vec<i32> = a.axis_iter(1).unwrap().map(|c| c.iter().sum()).collect();
    /// assert_eq!(sums, vec![4, 6]);
    /// ```
    pub fn axis_iter(&self, axis: isize) -> Result<AxisIter<'_, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(AxisIter {
            ptr: self.ptr,
            shape,
            strides,
            stride: self.strides[ax],
            front: 0,
            back: self.shape[ax],
            _borrow: PhantomData,
        })
    }

    /// An iterator over every 1-d lane along `axis`: for each index of the
    /// other axes (C order), the view of the elements along `axis`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// let lanes: Vec<Vec<i32>> = a.lanes(0).unwrap().map(|l| l.to_vec()).collect();
    /// assert_eq!(lanes, vec![vec![1, 4], vec![2, 5], vec![3, 6]]);
    /// ```
    pub fn lanes(&self, axis: isize) -> Result<Lanes<'_, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(Lanes {
            base: self.ptr.as_ptr(),
            offsets: OffsetIter::new(&shape, &strides, false),
            len: self.shape[ax],
            stride: self.strides[ax],
            _borrow: PhantomData,
        })
    }
}

impl<A, S: DataMut<Elem = A>> ArrayBase<S> {
    /// An iterator over mutable references to the elements in C order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![1, 2, 3];
    /// for x in a.iter_mut() { *x *= 2; }
    /// assert_eq!(a, array![2, 4, 6]);
    /// ```
    pub fn iter_mut(&mut self) -> IterMut<'_, A> {
        IterMut {
            base: self.ptr.as_ptr(),
            offsets: OffsetIter::new(&self.shape, &self.strides, true),
            _borrow: PhantomData,
        }
    }

    /// An iterator over writable sub-views at each index of `axis`.
    pub fn axis_iter_mut(&mut self, axis: isize) -> Result<AxisIterMut<'_, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(AxisIterMut {
            ptr: self.ptr,
            shape,
            strides,
            stride: self.strides[ax],
            front: 0,
            back: self.shape[ax],
            _borrow: PhantomData,
        })
    }

    /// An iterator over writable 1-d lanes along `axis`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![[3, 1, 2], [9, 7, 8]];
    /// for mut lane in a.lanes_mut(1).unwrap() {
    ///     lane.as_slice_mut().unwrap().sort();
    /// }
    /// assert_eq!(a, array![[1, 2, 3], [7, 8, 9]]);
    /// ```
    pub fn lanes_mut(&mut self, axis: isize) -> Result<LanesMut<'_, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(LanesMut {
            base: self.ptr.as_ptr(),
            offsets: OffsetIter::new(&shape, &strides, false),
            len: self.shape[ax],
            stride: self.strides[ax],
            _borrow: PhantomData,
        })
    }
}

impl<'a, A: 'a, S: Data<Elem = A>> IntoIterator for &'a ArrayBase<S> {
    type Item = &'a A;
    type IntoIter = Iter<'a, A>;
    fn into_iter(self) -> Iter<'a, A> {
        self.iter()
    }
}

impl<'a, A: 'a, S: DataMut<Elem = A>> IntoIterator for &'a mut ArrayBase<S> {
    type Item = &'a mut A;
    type IntoIter = IterMut<'a, A>;
    fn into_iter(self) -> IterMut<'a, A> {
        self.iter_mut()
    }
}

impl<'a, A> IntoIterator for ArrayView<'a, A> {
    type Item = &'a A;
    type IntoIter = Iter<'a, A>;
    fn into_iter(self) -> Iter<'a, A> {
        let inner = match self.to_slice() {
            Some(s) => ElemsInner::Slice(s.iter()),
            None => ElemsInner::Strided {
                base: self.ptr.as_ptr(),
                offsets: OffsetIter::new(&self.shape, &self.strides, true),
            },
        };
        Iter { inner }
    }
}

impl<A: Clone> IntoIterator for Array<A> {
    type Item = A;
    type IntoIter = std::vec::IntoIter<A>;
    /// Consumes the array, yielding its elements in C order.
    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl<'a, A> ArrayView<'a, A> {
    /// [`axis_iter`](ArrayBase::axis_iter) yielding views with the lifetime `'a`.
    pub fn into_axis_iter(self, axis: isize) -> Result<AxisIter<'a, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(AxisIter {
            ptr: self.ptr,
            shape,
            strides,
            stride: self.strides[ax],
            front: 0,
            back: self.shape[ax],
            _borrow: PhantomData,
        })
    }
}

impl<'a, A> ArrayViewMut<'a, A> {
    /// [`axis_iter_mut`](ArrayBase::axis_iter_mut) yielding views with the lifetime `'a`.
    pub fn into_axis_iter_mut(self, axis: isize) -> Result<AxisIterMut<'a, A>> {
        let ax = normalize_axis(axis, self.ndim())?;
        let (shape, strides) = without_axis(&self.shape, &self.strides, ax);
        Ok(AxisIterMut {
            ptr: self.ptr,
            shape,
            strides,
            stride: self.strides[ax],
            front: 0,
            back: self.shape[ax],
            _borrow: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn strided_iteration_matches_to_vec() {
        let a = Array::from_shape_vec(&[3, 4], (0..12).collect()).unwrap();
        let v = a.slice(s![..;-1, 1..;2]);
        let it: Vec<i32> = v.iter().copied().collect();
        assert_eq!(it, vec![9, 11, 5, 7, 1, 3]);
        assert_eq!(it, v.to_vec());
        assert_eq!(v.iter().len(), 6);
    }

    #[test]
    fn axis_iter_mut_writes_disjoint_rows() {
        let mut a = Array::<i32>::zeros(&[3, 2]);
        for (i, mut row) in a.axis_iter_mut(0).unwrap().enumerate() {
            row.fill(i as i32);
        }
        assert_eq!(a, array![[0, 0], [1, 1], [2, 2]]);
        let back: Vec<i32> = a.axis_iter(0).unwrap().rev().map(|r| r[[0]]).collect();
        assert_eq!(back, vec![2, 1, 0]);
    }

    #[test]
    fn lanes_of_empty_axis_are_empty_views() {
        let a = Array::<f64>::zeros(&[3, 0]);
        let lanes: Vec<usize> = a.lanes(1).unwrap().map(|l| l.size()).collect();
        assert_eq!(lanes, vec![0, 0, 0]);
        assert_eq!(a.lanes(0).unwrap().count(), 0);
    }
}
