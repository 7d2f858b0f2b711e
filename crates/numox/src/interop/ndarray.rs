//! Zero-copy views between numox arrays and `ndarray`'s dynamic-rank arrays.
//!
//! Both crates keep strides in elements and allow negative strides, so any
//! numox view converts without copying and any `ndarray` view converts back.
//!
//! ```
//! use numox::prelude::*;
//! let a = Array::from_shape_vec(&[2, 3], (0..6).collect::<Vec<i32>>()).unwrap();
//! let nd: ndarray::ArrayViewD<i32> = a.slice(s![.., ..;-1]).into();
//! assert_eq!(nd[[1, 0]], 5);
//! assert_eq!(numox::interop::ndarray::to_ndarray_view(&a)[[1, 0]], 3);
//! let back = numox::interop::ndarray::from_ndarray_view(nd.view());
//! assert_eq!(back, array![[2, 1, 0], [5, 4, 3]]);
//! ```

use crate::array::shape::{Shape, Strides};
use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, ViewRepr};
use ndarray::{ArrayD, ArrayViewD, ArrayViewMutD, IxDyn, ShapeBuilder};
use std::ptr::NonNull;

/// The pointer to the lowest-addressed element and the axes with negative
/// strides, which are made positive; `ndarray`'s raw constructors take the
/// lowest address and non-negative strides.
fn lowest_address_layout<A>(
    ptr: *const A,
    shape: &[usize],
    strides: &[isize],
) -> (*const A, Vec<usize>, Vec<usize>) {
    let mut p = ptr;
    let mut flipped = Vec::new();
    let mut st = Vec::with_capacity(strides.len());
    let empty = shape.contains(&0);
    for (ax, (&d, &s)) in shape.iter().zip(strides).enumerate() {
        if s < 0 && d > 1 && !empty {
            // SAFETY: moving to the last index of an in-bounds axis stays in bounds.
            p = unsafe { p.offset((d as isize - 1) * s) };
            flipped.push(ax);
            st.push((-s) as usize);
        } else {
            st.push(s.max(0) as usize);
        }
    }
    (p, flipped, st)
}

/// A zero-copy `ndarray` view of a numox array.
pub fn to_ndarray_view<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> ArrayViewD<'_, A> {
    let (p, flipped, st) = lowest_address_layout(a.as_ptr(), a.shape(), a.strides());
    // SAFETY: the layout (with negative axes flipped to start at their lowest
    // element) addresses exactly the elements of `a`, borrowed for its lifetime.
    let mut v = unsafe { ArrayViewD::from_shape_ptr(IxDyn(a.shape()).strides(IxDyn(&st)), p) };
    for ax in flipped {
        v.invert_axis(ndarray::Axis(ax));
    }
    v
}

/// A zero-copy writable `ndarray` view of a numox array.
pub fn to_ndarray_view_mut<A, S: DataMut<Elem = A>>(a: &mut ArrayBase<S>) -> ArrayViewMutD<'_, A> {
    let (p, flipped, st) = lowest_address_layout(a.as_ptr(), a.shape(), a.strides());
    // SAFETY: as `to_ndarray_view`, with the exclusive borrow of `a`; numox's
    // writable layouts never alias two indices.
    let mut v = unsafe { ArrayViewMutD::from_shape_ptr(IxDyn(a.shape()).strides(IxDyn(&st)), p as *mut A) };
    for ax in flipped {
        v.invert_axis(ndarray::Axis(ax));
    }
    v
}

/// A zero-copy numox view of an `ndarray` view.
pub fn from_ndarray_view<A>(v: ArrayViewD<'_, A>) -> ArrayView<'_, A> {
    let shape: Shape = v.shape().iter().copied().collect();
    let strides: Strides = v.strides().iter().copied().collect();
    let ptr = NonNull::new(v.as_ptr() as *mut A).expect("ndarray pointers are non-null");
    // SAFETY: ndarray's view guarantees this layout addresses its elements for its lifetime.
    unsafe { ArrayView::from_parts(ViewRepr::new(), ptr, shape, strides) }
}

/// A zero-copy writable numox view of an `ndarray` writable view.
pub fn from_ndarray_view_mut<A>(mut v: ArrayViewMutD<'_, A>) -> ArrayViewMut<'_, A> {
    let shape: Shape = v.shape().iter().copied().collect();
    let strides: Strides = v.strides().iter().copied().collect();
    let ptr = NonNull::new(v.as_mut_ptr()).expect("ndarray pointers are non-null");
    // SAFETY: ndarray's exclusive view guarantees this non-aliasing layout for its lifetime.
    unsafe { ArrayViewMut::from_parts(ViewRepr::new(), ptr, shape, strides) }
}

impl<'a, A> From<ArrayView<'a, A>> for ArrayViewD<'a, A> {
    fn from(a: ArrayView<'a, A>) -> Self {
        let (p, flipped, st) = lowest_address_layout(a.as_ptr(), a.shape(), a.strides());
        // SAFETY: as `to_ndarray_view`; the elements are borrowed for 'a.
        let mut v = unsafe { ArrayViewD::from_shape_ptr(IxDyn(a.shape()).strides(IxDyn(&st)), p) };
        for ax in flipped {
            v.invert_axis(ndarray::Axis(ax));
        }
        v
    }
}

impl<'a, A> From<ArrayViewD<'a, A>> for ArrayView<'a, A> {
    fn from(v: ArrayViewD<'a, A>) -> Self {
        from_ndarray_view(v)
    }
}

impl<A: Clone> From<Array<A>> for ArrayD<A> {
    /// Moves the elements when the array is C-contiguous and owns exactly them; copies otherwise.
    fn from(a: Array<A>) -> Self {
        let shape = a.shape().to_vec();
        ArrayD::from_shape_vec(IxDyn(&shape), a.into_vec()).expect("C-ordered elements fit their shape")
    }
}

impl<A: Clone> From<ArrayD<A>> for Array<A> {
    /// Moves the elements when the `ndarray` array is in standard layout; copies otherwise.
    fn from(a: ArrayD<A>) -> Self {
        let shape = a.shape().to_vec();
        let v = if a.is_standard_layout() {
            a.into_raw_vec_and_offset().0
        } else {
            a.iter().cloned().collect()
        };
        Array::from_shape_vec(&shape, v).expect("C-ordered elements fit their shape")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn views_round_trip_with_negative_and_zero_strides() {
        let a = Array::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i64>>()).unwrap();
        let v = a.slice(s![..;-1, 1..;2]);
        let nd = to_ndarray_view(&v);
        assert_eq!(nd.shape(), &[3, 2]);
        assert_eq!(nd.iter().copied().collect::<Vec<_>>(), v.to_vec());
        let back = from_ndarray_view(nd);
        assert_eq!(back, v);
        let b = array![1, 2, 3];
        let bc = b.broadcast(&[2, 3]).unwrap();
        assert_eq!(
            to_ndarray_view(&bc).iter().copied().collect::<Vec<_>>(),
            vec![1, 2, 3, 1, 2, 3]
        );
        let empty = Array::<f64>::zeros(&[0, 3]);
        assert_eq!(to_ndarray_view(&empty).shape(), &[0, 3]);
    }

    #[test]
    fn mutable_views_write_through() {
        let mut a = Array::<f64>::zeros(&[2, 2]);
        {
            let mut v = a.slice_mut(s![.., ..;-1]);
            let mut nd = to_ndarray_view_mut(&mut v);
            nd[[0, 0]] = 5.0;
        }
        assert_eq!(a, array![[0.0, 5.0], [0.0, 0.0]]);
        let mut m = ndarray::ArrayD::<f64>::zeros(IxDyn(&[2, 2]));
        from_ndarray_view_mut(m.view_mut()).fill(2.0);
        assert!(m.iter().all(|&x| x == 2.0));
    }

    #[test]
    fn owned_conversions_preserve_order() {
        let a = array![[1, 2], [3, 4]];
        let t: ArrayD<i32> = a.t().to_owned().into();
        assert_eq!(t.iter().copied().collect::<Vec<_>>(), vec![1, 3, 2, 4]);
        let back: Array<i32> = t.reversed_axes().into();
        assert_eq!(back, a);
    }
}
