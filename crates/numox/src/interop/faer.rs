//! Zero-copy 2-d views between numox arrays and `faer` matrices, for
//! handing work to faer's dense linear algebra.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let m = numox::interop::faer::to_mat_ref(&a).unwrap();
//! assert_eq!(m[(1, 0)], 3.0);
//! let back = numox::interop::faer::from_mat_ref(m.transpose());
//! assert_eq!(back, array![[1.0, 3.0], [2.0, 4.0]]);
//! ```

use crate::array::shape::Shape;
use crate::array::{ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, ViewRepr};
use crate::error::{Error, Result};
use faer::{MatMut, MatRef};
use smallvec::smallvec;
use std::ptr::NonNull;

fn require_2d(shape: &[usize]) -> Result<()> {
    if shape.len() != 2 {
        return Err(Error::invalid(format!(
            "faer matrices are 2-d, got an array of dimension {}",
            shape.len()
        )));
    }
    Ok(())
}

/// A zero-copy `faer::MatRef` of a 2-d array; errors for other ranks.
pub fn to_mat_ref<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<MatRef<'_, A>> {
    require_2d(a.shape())?;
    let (r, c) = (a.shape()[0], a.shape()[1]);
    // SAFETY: the strides address exactly the elements of `a`, borrowed for its lifetime.
    Ok(unsafe { MatRef::from_raw_parts(a.as_ptr(), r, c, a.strides()[0], a.strides()[1]) })
}

/// A zero-copy `faer::MatMut` of a 2-d array; errors for other ranks.
pub fn to_mat_mut<A, S: DataMut<Elem = A>>(a: &mut ArrayBase<S>) -> Result<MatMut<'_, A>> {
    require_2d(a.shape())?;
    let (r, c) = (a.shape()[0], a.shape()[1]);
    let (rs, cs) = (a.strides()[0], a.strides()[1]);
    let p = a.view_mut().as_ptr() as *mut A;
    // SAFETY: exclusive borrow of `a`; writable numox layouts never alias two indices.
    Ok(unsafe { MatMut::from_raw_parts_mut(p, r, c, rs, cs) })
}

/// A zero-copy numox view of a `faer::MatRef`.
pub fn from_mat_ref<A>(m: MatRef<'_, A>) -> ArrayView<'_, A> {
    let shape: Shape = smallvec![m.nrows(), m.ncols()];
    let strides = smallvec![m.row_stride(), m.col_stride()];
    let ptr = NonNull::new(m.as_ptr() as *mut A).expect("faer pointers are non-null");
    // SAFETY: faer guarantees the layout addresses the matrix's elements for its lifetime.
    unsafe { ArrayView::from_parts(ViewRepr::new(), ptr, shape, strides) }
}

/// A zero-copy writable numox view of a `faer::MatMut`.
pub fn from_mat_mut<A>(m: MatMut<'_, A>) -> ArrayViewMut<'_, A> {
    let shape: Shape = smallvec![m.nrows(), m.ncols()];
    let strides = smallvec![m.row_stride(), m.col_stride()];
    let ptr = NonNull::new(m.as_ptr_mut()).expect("faer pointers are non-null");
    // SAFETY: faer's exclusive matrix view guarantees a non-aliasing layout for its lifetime.
    unsafe { ArrayViewMut::from_parts(ViewRepr::new(), ptr, shape, strides) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn strided_views_convert_both_ways() {
        let a = Array::from_shape_vec(&[3, 4], (0..12).map(|x| x as f64).collect()).unwrap();
        let v = a.slice(s![..;-1, 1..;2]);
        let m = to_mat_ref(&v).unwrap();
        assert_eq!((m.nrows(), m.ncols()), (3, 2));
        assert_eq!(m[(0, 0)], 9.0);
        assert_eq!(from_mat_ref(m), v);
        assert!(to_mat_ref(&array![1.0, 2.0]).is_err());
    }

    #[test]
    fn faer_writes_through_a_mutable_view() {
        let mut a = Array::<f64>::zeros(&[2, 3]);
        {
            let mut m = to_mat_mut(&mut a).unwrap();
            m[(1, 2)] = 7.0;
        }
        assert_eq!(a[[1, 2]], 7.0);
        let mut f = faer::Mat::<f64>::zeros(2, 2);
        from_mat_mut(f.as_mut()).fill(3.0);
        assert_eq!(f[(1, 1)], 3.0);
    }
}
