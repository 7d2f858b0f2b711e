//! Creating arrays: NumPy's `zeros`, `ones`, `full`, `empty` and their
//! `_like` forms, the [`array!`](macro@crate::array) literal, and (in the
//! submodules) ranges, matrices and grids.
//!
//! The associated functions (`Array::zeros(&[2, 3])`) panic when the shape's
//! element count overflows the address space, as `vec![x; n]` does; the
//! `try_` forms return [`Error::TooBig`](crate::Error::TooBig) instead.

mod grids;
mod matrix;
mod ranges;

pub use grids::{Indexing, fromfunction, indices, indices_sparse, meshgrid, meshgrid_views};
pub use matrix::{diag, diagflat, eye, identity, tri, tril, triu};
pub use ranges::{arange, geomspace, linspace, linspace_retstep, logspace};

use crate::array::{Array, ArrayBase, Data};
use crate::element::{Element, Scalar};
use crate::error::Result;

impl<A: Element> Array<A> {
    /// An array of zeros (`np.zeros(shape, dtype)`); `false` for `bool`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let z = Array::<f64>::zeros(&[2, 3]);
    /// assert_eq!(z.shape(), &[2, 3]);
    /// assert!(z.iter().all(|&x| x == 0.0));
    /// ```
    ///
    /// # Panics
    /// When the element count overflows; see [`try_zeros`](Self::try_zeros).
    pub fn zeros(shape: &[usize]) -> Self {
        Self::try_zeros(shape).unwrap_or_else(|e| panic!("zeros: {e}"))
    }

    /// [`zeros`](Self::zeros) returning [`Error::TooBig`](crate::Error::TooBig) on overflow.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(Array::<u8>::try_zeros(&[2]).unwrap(), array![0u8, 0]);
    /// assert!(Array::<f64>::try_zeros(&[1 << 40, 1 << 40]).is_err());
    /// ```
    pub fn try_zeros(shape: &[usize]) -> Result<Self> {
        Self::from_elem(shape, A::default())
    }

    /// An array of ones (`np.ones`); `true` for `bool`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(Array::<i8>::ones(&[3]), array![1i8, 1, 1]);
    /// ```
    ///
    /// # Panics
    /// When the element count overflows; see [`try_ones`](Self::try_ones).
    pub fn ones(shape: &[usize]) -> Self {
        Self::try_ones(shape).unwrap_or_else(|e| panic!("ones: {e}"))
    }

    /// [`ones`](Self::ones) returning an error on overflow.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(Array::<bool>::try_ones(&[2]).unwrap(), array![true, true]);
    /// assert!(Array::<i32>::try_ones(&[usize::MAX, 2]).is_err());
    /// ```
    pub fn try_ones(shape: &[usize]) -> Result<Self> {
        Self::from_elem(shape, A::from_scalar(Scalar::Int(1)))
    }

    /// An array filled with `value` (`np.full`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(Array::full(&[2], 7u8), array![7u8, 7]);
    /// ```
    ///
    /// # Panics
    /// When the element count overflows; see [`Array::from_elem`].
    pub fn full(shape: &[usize], value: A) -> Self {
        Self::from_elem(shape, value).unwrap_or_else(|e| panic!("full: {e}"))
    }

    /// NumPy's `np.empty`: numox never hands out uninitialised memory, so
    /// this is [`zeros`](Self::zeros) (the cost is one memset that the OS
    /// often provides for free with fresh pages).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(Array::<f32>::empty(&[2, 0]).shape(), &[2, 0]);
    /// ```
    pub fn empty(shape: &[usize]) -> Self {
        Self::zeros(shape)
    }
}

/// Zeros with the shape of `a` (`np.zeros_like`).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.5, 2.5]];
/// assert_eq!(numox::zeros_like(&a), array![[0.0, 0.0]]);
/// ```
pub fn zeros_like<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    Array::zeros(a.shape())
}

/// Ones with the shape of `a` (`np.ones_like`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::ones_like(&array![[5, 6]]), array![[1, 1]]);
/// ```
pub fn ones_like<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    Array::ones(a.shape())
}

/// `value` everywhere, with the shape of `a` (`np.full_like`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::full_like(&array![1.0, 2.0], 7.5), array![7.5, 7.5]);
/// ```
pub fn full_like<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, value: A) -> Array<A> {
    Array::full(a.shape(), value)
}

/// `np.empty_like`: zeros with the shape of `a` (see [`Array::empty`]).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::empty_like(&array![[1u16], [2]]), array![[0u16], [0]]);
/// ```
pub fn empty_like<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    Array::zeros(a.shape())
}

/// Builds an array from a nested literal, as `np.array([[1, 2], [3, 4]])`.
/// Up to four levels of nesting; rows must have equal lengths (checked at
/// compile time).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(a.shape(), &[2, 2]);
/// let b = array![[[1, 2]], [[3, 4]]];
/// assert_eq!(b.shape(), &[2, 1, 2]);
/// let c = array![5u8, 6, 7];
/// assert_eq!(c.shape(), &[3]);
/// ```
#[macro_export]
macro_rules! array {
    ($([$([$([$($x:expr),* $(,)?]),+ $(,)?]),+ $(,)?]),+ $(,)?) => {
        $crate::creation::from_nested4([$([$([$([$($x,)*],)+],)+],)+])
    };
    ($([$([$($x:expr),* $(,)?]),+ $(,)?]),+ $(,)?) => {
        $crate::creation::from_nested3([$([$([$($x,)*],)+],)+])
    };
    ($([$($x:expr),* $(,)?]),+ $(,)?) => {
        $crate::creation::from_nested2([$([$($x,)*],)+])
    };
    ($($x:expr),* $(,)?) => {
        $crate::Array::from_vec(vec![$($x,)*])
    };
}

#[doc(hidden)]
pub fn from_nested2<A: Clone, const N1: usize, const N2: usize>(a: [[A; N2]; N1]) -> Array<A> {
    let v: Vec<A> = a.iter().flat_map(|r| r.iter().cloned()).collect();
    Array::from_shape_vec(&[N1, N2], v).expect("literal shape is consistent")
}

#[doc(hidden)]
pub fn from_nested3<A: Clone, const N1: usize, const N2: usize, const N3: usize>(
    a: [[[A; N3]; N2]; N1],
) -> Array<A> {
    let v: Vec<A> = a
        .iter()
        .flat_map(|r| r.iter().flat_map(|s| s.iter().cloned()))
        .collect();
    Array::from_shape_vec(&[N1, N2, N3], v).expect("literal shape is consistent")
}

#[doc(hidden)]
pub fn from_nested4<A: Clone, const N1: usize, const N2: usize, const N3: usize, const N4: usize>(
    a: [[[[A; N4]; N3]; N2]; N1],
) -> Array<A> {
    let v: Vec<A> = a
        .iter()
        .flat_map(|r| r.iter().flat_map(|s| s.iter().flat_map(|t| t.iter().cloned())))
        .collect();
    Array::from_shape_vec(&[N1, N2, N3, N4], v).expect("literal shape is consistent")
}
