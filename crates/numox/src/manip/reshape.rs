//! Shape changes: NumPy's `reshape`, `ravel`, `squeeze`, `expand_dims`,
//! `atleast_1d/2d/3d`, `ascontiguousarray` and `asfortranarray`.

use super::{AxisSpec, IntOrList, normalize_axes};
use crate::array::shape::Order;
use crate::array::{ArrayBase, ArrayView, CowArray, Data};
use crate::error::{Error, Result};

/// Gives `a` a new shape (NumPy's `np.reshape(a, shape)`): a view when the
/// layout allows it, otherwise a C-ordered copy. One entry may be `-1`.
/// The method form is [`ArrayBase::reshape`]; [`ArrayBase::reshape_order`]
/// takes an order.
///
/// ```
/// use numox::prelude::*;
/// let a = numox::arange(0, 6, 1).unwrap();
/// let r = numox::reshape(&a, &[2, -1]).unwrap();
/// assert!(r.is_view());
/// assert_eq!(r.view(), array![[0, 1, 2], [3, 4, 5]]);
/// assert!(numox::reshape(&a, &[4, -1]).is_err());
/// ```
pub fn reshape<'a, A: Clone, S: Data<Elem = A>>(
    a: &'a ArrayBase<S>,
    shape: &[isize],
) -> Result<CowArray<'a, A>> {
    a.reshape(shape)
}

/// The elements as a 1-d array in C order (NumPy's `np.ravel(a)`): a view
/// when they are C-contiguous, otherwise a copy.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert!(numox::ravel(&a).is_view());
/// assert_eq!(numox::ravel(&a.t()).view(), array![1, 3, 2, 4]);
/// ```
pub fn ravel<'a, A: Clone, S: Data<Elem = A>>(a: &'a ArrayBase<S>) -> CowArray<'a, A> {
    a.ravel()
}

/// Removes axes of length 1 (NumPy's `np.squeeze(a, axis)`): all of them
/// for `None`, or the given ones, which must have length 1. A view.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<f64>::zeros(&[1, 3, 1]);
/// assert_eq!(numox::squeeze(&a, None).unwrap().shape(), &[3]);
/// assert_eq!(numox::squeeze(&a, 0).unwrap().shape(), &[3, 1]);
/// assert_eq!(numox::squeeze(&a, [0, -1]).unwrap().shape(), &[3]);
/// assert!(numox::squeeze(&a, 1).is_err());
/// ```
pub fn squeeze<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<AxisSpec>,
) -> Result<ArrayView<'_, A>> {
    let nd = a.ndim();
    let remove: Vec<usize> = match axis.into() {
        AxisSpec::All => (0..nd).filter(|&i| a.shape()[i] == 1).collect(),
        AxisSpec::Axes(ax) => {
            let ax = normalize_axes(&ax, nd, false)?;
            for &i in &ax {
                if a.shape()[i] != 1 {
                    return Err(Error::invalid(format!(
                        "cannot select an axis to squeeze out which has size not equal to one (axis {i} has size {})",
                        a.shape()[i]
                    )));
                }
            }
            ax.to_vec()
        }
    };
    let mut v = a.view();
    for i in (0..nd).rev() {
        if remove.contains(&i) {
            v = v.remove_axis(i as isize)?;
        }
    }
    Ok(v)
}

/// Inserts axes of length 1 at the given positions of the result (NumPy's
/// `np.expand_dims(a, axis)`; positions are normalised against the result's
/// dimension, so `-1` appends). A view.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1, 2, 3];
/// assert_eq!(numox::expand_dims(&a, 0).unwrap().shape(), &[1, 3]);
/// assert_eq!(numox::expand_dims(&a, [0, -1]).unwrap().shape(), &[1, 3, 1]);
/// assert!(numox::expand_dims(&a, [0, 0]).is_err());
/// ```
pub fn expand_dims<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<IntOrList>,
) -> Result<ArrayView<'_, A>> {
    let axis = axis.into();
    let out_nd = a.ndim() + axis.as_slice().len();
    let ax = normalize_axes(axis.as_slice(), out_nd, false)?;
    let mut v = a.view();
    for i in 0..out_nd {
        if ax.contains(&i) {
            v = v.insert_axis(i as isize)?;
        }
    }
    Ok(v)
}

/// `a` with at least one dimension (NumPy's `np.atleast_1d`): a 0-d array
/// becomes shape `(1,)`. A view.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::atleast_1d(&Array::from_elem0(5)).shape(), &[1]);
/// ```
pub fn atleast_1d<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> ArrayView<'_, A> {
    let v = a.view();
    if v.ndim() == 0 {
        v.insert_axis(0).expect("axis 0 is valid")
    } else {
        v
    }
}

/// `a` with at least two dimensions (NumPy's `np.atleast_2d`): shape `()`
/// becomes `(1, 1)` and `(n,)` becomes `(1, n)`. A view.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::atleast_2d(&array![1, 2]).shape(), &[1, 2]);
/// ```
pub fn atleast_2d<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> ArrayView<'_, A> {
    let mut v = a.view();
    while v.ndim() < 2 {
        v = v.insert_axis(0).expect("axis 0 is valid");
    }
    v
}

/// `a` with at least three dimensions (NumPy's `np.atleast_3d`): `()`
/// becomes `(1, 1, 1)`, `(n,)` becomes `(1, n, 1)` and `(m, n)` becomes
/// `(m, n, 1)`. A view.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::atleast_3d(&array![1, 2]).shape(), &[1, 2, 1]);
/// assert_eq!(numox::atleast_3d(&array![[1, 2]]).shape(), &[1, 2, 1]);
/// ```
pub fn atleast_3d<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> ArrayView<'_, A> {
    let v = a.view();
    let r = match v.ndim() {
        0 => v
            .insert_axis(0)
            .and_then(|v| v.insert_axis(0))
            .and_then(|v| v.insert_axis(0)),
        1 => v.insert_axis(0).and_then(|v| v.insert_axis(2)),
        2 => v.insert_axis(2),
        _ => Ok(v),
    };
    r.expect("the inserted axes are valid")
}

/// `a` as a C-contiguous array with at least one dimension (NumPy's
/// `np.ascontiguousarray`): a view when it already is, else a copy.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert!(numox::ascontiguousarray(&a).is_view());
/// let at = a.t();
/// let t = numox::ascontiguousarray(&at);
/// assert!(!t.is_view());
/// assert_eq!(t.view().as_slice(), Some(&[1, 3, 2, 4][..]));
/// ```
pub fn ascontiguousarray<'a, A: Clone, S: Data<Elem = A>>(a: &'a ArrayBase<S>) -> CowArray<'a, A> {
    let v = atleast_1d(a);
    if v.is_c_contiguous() {
        CowArray::View(v)
    } else {
        CowArray::Owned(v.to_owned())
    }
}

/// `a` as a Fortran-contiguous array with at least one dimension (NumPy's
/// `np.asfortranarray`): a view when it already is, else a copy in
/// Fortran order.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// let f = numox::asfortranarray(&a);
/// assert!(f.view().is_f_contiguous());
/// assert_eq!(f.view(), a);
/// ```
pub fn asfortranarray<'a, A: Clone, S: Data<Elem = A>>(a: &'a ArrayBase<S>) -> CowArray<'a, A> {
    let v = atleast_1d(a);
    if v.is_f_contiguous() {
        CowArray::View(v)
    } else {
        CowArray::Owned(v.to_owned_order(Order::F))
    }
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// The method form of [`squeeze`] (NumPy's `a.squeeze(axis)`). A view.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::<i32>::zeros(&[1, 2, 1]);
    /// assert_eq!(a.squeeze(None).unwrap().shape(), &[2]);
    /// assert_eq!(a.squeeze(-1).unwrap().shape(), &[1, 2]);
    /// ```
    pub fn squeeze(&self, axis: impl Into<AxisSpec>) -> Result<ArrayView<'_, A>> {
        squeeze(self, axis)
    }
}
