//! Layout changes that never copy: transposes, axis permutations, inserted
//! and removed axes, reversed axes, sub-views along an axis, and reshapes
//! that NumPy would answer with a view.
//!
//! The `*_move`/`into_*`/`reversed_axes`/`permuted_axes` forms consume the
//! array (owned arrays keep their buffer, views keep their lifetime); the
//! borrowing forms (`t`, `index_axis`, `reshape`) return views.

use super::cow::CowArray;
use super::shape::{self, Order, Shape, Strides};
use super::{ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, RawData};
use crate::error::{Error, Result, normalize_axis};
use std::ptr::NonNull;

impl<S: RawData> ArrayBase<S> {
    /// Reverses the order of the axes (NumPy's `a.T` / `np.transpose(a)`), without copying.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 3], (0..6).collect()).unwrap();
    /// let t = a.reversed_axes();
    /// assert_eq!(t.shape(), &[3, 2]);
    /// assert_eq!(t.to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn reversed_axes(mut self) -> Self {
        self.shape.reverse();
        self.strides.reverse();
        self
    }

    /// Reorders the axes: axis `i` of the result is axis `axes[i]` of `self`
    /// (NumPy's `np.transpose(a, axes)`); negative entries count from the end.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::<f64>::zeros(&[2, 3, 4]);
    /// assert_eq!(a.permuted_axes(&[2, 0, 1]).unwrap().shape(), &[4, 2, 3]);
    /// ```
    pub fn permuted_axes(self, axes: &[isize]) -> Result<Self> {
        let nd = self.ndim();
        if axes.len() != nd {
            return Err(Error::invalid(format!(
                "axes don't match array: got {} axes for an array of dimension {nd}",
                axes.len()
            )));
        }
        let mut seen = vec![false; nd];
        let mut norm = Vec::with_capacity(nd);
        for &a in axes {
            let a = normalize_axis(a, nd)?;
            if seen[a] {
                return Err(Error::invalid("repeated axis in transpose"));
            }
            seen[a] = true;
            norm.push(a);
        }
        let shape: Shape = norm.iter().map(|&a| self.shape[a]).collect();
        let strides: Strides = norm.iter().map(|&a| self.strides[a]).collect();
        let ptr = self.ptr;
        // SAFETY: a permutation of axes maps the same index set onto the same elements.
        Ok(unsafe { self.with_layout(ptr, shape, strides) })
    }

    /// Swaps two axes in place (NumPy's `np.swapaxes`).
    pub fn swap_axes(&mut self, a: isize, b: isize) -> Result<()> {
        let a = normalize_axis(a, self.ndim())?;
        let b = normalize_axis(b, self.ndim())?;
        self.shape.swap(a, b);
        self.strides.swap(a, b);
        Ok(())
    }

    /// Inserts an axis of length 1 at position `axis` (which may equal `ndim`;
    /// negative counts from the end of the result), as `np.expand_dims`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1, 2, 3];
    /// assert_eq!(a.clone().insert_axis(0).unwrap().shape(), &[1, 3]);
    /// assert_eq!(a.insert_axis(-1).unwrap().shape(), &[3, 1]);
    /// ```
    pub fn insert_axis(mut self, axis: isize) -> Result<Self> {
        let ax = normalize_axis(axis, self.ndim() + 1)?;
        // The stride of a length-1 axis is never used to step; give it the
        // value a contiguous layout would have, so contiguity tests stay simple.
        let stride = if ax < self.ndim() {
            self.strides[ax] * self.shape[ax] as isize
        } else {
            1
        };
        self.shape.insert(ax, 1);
        self.strides.insert(ax, stride);
        Ok(self)
    }

    /// Removes an axis of length 1 (`np.squeeze(a, axis)`); errors when the
    /// axis has another length.
    pub fn remove_axis(mut self, axis: isize) -> Result<Self> {
        let ax = normalize_axis(axis, self.ndim())?;
        if self.shape[ax] != 1 {
            return Err(Error::invalid(format!(
                "cannot select an axis to squeeze out which has size not equal to one (axis {ax} has size {})",
                self.shape[ax]
            )));
        }
        self.shape.remove(ax);
        self.strides.remove(ax);
        Ok(self)
    }

    /// Reverses the direction of one axis in place (`np.flip(a, axis)` as a view).
    pub fn invert_axis(&mut self, axis: isize) -> Result<()> {
        let ax = normalize_axis(axis, self.ndim())?;
        let n = self.shape[ax];
        if n > 1 {
            // SAFETY: moves to the last element along `ax`, which is in bounds.
            self.ptr = unsafe {
                NonNull::new_unchecked(self.ptr.as_ptr().offset((n as isize - 1) * self.strides[ax]))
            };
        }
        self.strides[ax] = -self.strides[ax];
        Ok(())
    }

    /// Selects index `index` along `axis`, removing the axis (NumPy's `a[..., i, ...]`).
    pub fn index_axis_move(mut self, axis: isize, index: isize) -> Result<Self> {
        let ax = normalize_axis(axis, self.ndim())?;
        let n = self.shape[ax];
        let i = if index < 0 { index + n as isize } else { index };
        if i < 0 || i >= n as isize {
            return Err(Error::IndexOutOfBounds {
                index,
                axis: ax,
                len: n,
            });
        }
        // SAFETY: `i` is within the axis, so the new first element is in bounds.
        self.ptr = unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(i * self.strides[ax])) };
        self.shape.remove(ax);
        self.strides.remove(ax);
        Ok(self)
    }

    /// Reshapes without copying when the layout allows it (NumPy's rule);
    /// errors with [`Error::BadShape`] on a size mismatch and
    /// [`Error::InvalidArgument`] when a copy would be needed. One entry of
    /// `shape` may be `-1`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 6], (0..12).collect()).unwrap();
    /// let b = a.into_shape(&[3, -1], Order::C).unwrap();
    /// assert_eq!(b.shape(), &[3, 4]);
    /// ```
    pub fn into_shape(self, shape: &[isize], order: Order) -> Result<Self> {
        let new_shape = shape::infer_shape(shape, self.size())?;
        match shape::reshape_strides(&self.shape, &self.strides, &new_shape, order) {
            Some(strides) => {
                let ptr = self.ptr;
                // SAFETY: `reshape_strides` maps the new index set onto the same elements.
                Ok(unsafe { self.with_layout(ptr, new_shape, strides) })
            }
            None => Err(Error::invalid(format!(
                "cannot reshape array of shape {:?} with strides {:?} to {:?} without copying",
                self.shape(),
                self.strides(),
                &new_shape[..]
            ))),
        }
    }

    /// Splits along `axis` before `index`: the first part holds indices
    /// `..index`, the second `index..`. Works on views (the parts borrow
    /// disjoint elements); errors when `index > len`.
    pub fn split_at(self, axis: isize, index: usize) -> Result<(Self, Self)>
    where
        S: Clone + super::storage::SplitStorage,
    {
        let ax = normalize_axis(axis, self.ndim())?;
        let n = self.shape[ax];
        if index > n {
            return Err(Error::IndexOutOfBounds {
                index: index as isize,
                axis: ax,
                len: n,
            });
        }
        let mut s1 = self.shape.clone();
        s1[ax] = index;
        let mut s2 = self.shape.clone();
        s2[ax] = n - index;
        let p2 = if index < n {
            // SAFETY: index < n, so the element at `index` along `ax` is in bounds.
            unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(index as isize * self.strides[ax])) }
        } else {
            self.ptr
        };
        let st = self.strides.clone();
        // SAFETY: the two parts cover disjoint index ranges of `ax`, hence disjoint elements.
        unsafe {
            Ok((
                ArrayBase::from_parts(self.data.clone(), self.ptr, s1, st.clone()),
                ArrayBase::from_parts(self.data, p2, s2, st),
            ))
        }
    }
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// The transpose as a view (NumPy's `a.T`): axes reversed.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.t(), array![[1, 4], [2, 5], [3, 6]]);
    /// ```
    pub fn t(&self) -> ArrayView<'_, A> {
        self.view().reversed_axes()
    }

    /// The sub-view at `index` along `axis` (the axis is removed).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.index_axis(1, -1).unwrap(), array![3, 6]);
    /// ```
    pub fn index_axis(&self, axis: isize, index: isize) -> Result<ArrayView<'_, A>> {
        self.view().index_axis_move(axis, index)
    }

    /// Reshapes (NumPy's `a.reshape(shape, order=...)`): a view when NumPy
    /// would return one, otherwise a copy. One entry may be `-1`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 3], (0..6).collect()).unwrap();
    /// let r = a.reshape(&[3, 2]).unwrap();
    /// assert!(r.is_view());
    /// let t = a.t();
    /// let c = t.reshape(&[6]).unwrap();              // needs a copy
    /// assert!(!c.is_view());
    /// assert_eq!(c.view().to_vec(), vec![0, 3, 1, 4, 2, 5]);
    /// ```
    pub fn reshape(&self, shape: &[isize]) -> Result<CowArray<'_, A>>
    where
        A: Clone,
    {
        self.reshape_order(shape, Order::C)
    }

    /// [`reshape`](Self::reshape) with an explicit index order (`order='F'` reads and
    /// writes the elements in Fortran order).
    pub fn reshape_order(&self, shape: &[isize], order: Order) -> Result<CowArray<'_, A>>
    where
        A: Clone,
    {
        let new_shape = shape::infer_shape(shape, self.size())?;
        if let Some(strides) = shape::reshape_strides(&self.shape, &self.strides, &new_shape, order) {
            // SAFETY: `reshape_strides` maps the new index set onto the same elements.
            let v = unsafe { ArrayView::from_parts(super::ViewRepr::new(), self.ptr, new_shape, strides) };
            return Ok(CowArray::View(v));
        }
        let owned = match order {
            Order::C => super::Array::from_shape_vec(&new_shape, self.to_vec())?,
            Order::F => {
                let data = self.view().reversed_axes().to_vec();
                super::Array::from_shape_vec_order(&new_shape, data, Order::F)?
            }
        };
        Ok(CowArray::Owned(owned))
    }

    /// A 1-d view or copy of all elements in C order (NumPy's `a.ravel()`).
    pub fn ravel(&self) -> CowArray<'_, A>
    where
        A: Clone,
    {
        self.reshape(&[-1]).expect("a flat shape always fits")
    }

    /// A 1-d copy of all elements in C order (NumPy's `a.flatten()`).
    pub fn flatten(&self) -> super::Array<A>
    where
        A: Clone,
    {
        super::Array::from_vec(self.to_vec())
    }
}

impl<A, S: DataMut<Elem = A>> ArrayBase<S> {
    /// The writable sub-view at `index` along `axis` (the axis is removed).
    pub fn index_axis_mut(&mut self, axis: isize, index: isize) -> Result<ArrayViewMut<'_, A>> {
        self.view_mut().index_axis_move(axis, index)
    }
}

impl<'a, A> ArrayView<'a, A> {
    /// The transpose of a view, keeping its lifetime.
    pub fn into_t(self) -> ArrayView<'a, A> {
        self.reversed_axes()
    }
}
