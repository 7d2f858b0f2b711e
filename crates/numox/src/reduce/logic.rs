//! `any`, `all` and `count_nonzero`. An element counts as true when it is
//! not zero (`False`, `0`, `0.0`, `-0.0`, `0+0j` are false; NaN is true).

use super::axes::{Axes, finish, flags_of, run_kernel};
use super::plan::{Kernel, OutPtr, Src};
use super::sum::elementwise_fold;
use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::Result;
use smallvec::SmallVec;
use std::marker::PhantomData;

/// `logical_or.reduce` (`ANY = true`) or `logical_and.reduce` of truth values.
struct TruthK<A, const ANY: bool>(PhantomData<A>);

impl<A: Element, const ANY: bool> Kernel<A> for TruthK<A, ANY> {
    type Acc = bool;
    fn run(&self, acc: bool, src: Src<'_, A>, o: usize) -> bool {
        if ANY {
            acc || self.value(src, o)
        } else {
            acc && self.value(src, o)
        }
    }
    fn elementwise(&self, out: &mut OutPtr<bool>, o: isize, os: isize, src: Src<'_, A>) {
        elementwise_fold(out, o, os, src, |acc: bool, x: A| {
            if ANY {
                acc | !x.is_zero_value()
            } else {
                acc & !x.is_zero_value()
            }
        });
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, _o: usize) -> bool {
        match src.as_slice() {
            Some(s) if ANY => s.iter().any(|x| !x.is_zero_value()),
            Some(s) => s.iter().all(|x| !x.is_zero_value()),
            None if ANY => (0..src.len()).any(|i| !src.get(i).is_zero_value()),
            None => (0..src.len()).all(|i| !src.get(i).is_zero_value()),
        }
    }
    fn combine(&self, acc: bool, v: bool) -> bool {
        if ANY { acc | v } else { acc & v }
    }
}

/// `count_nonzero`: the number of non-zero elements, as `i64`.
struct CountK<A>(PhantomData<A>);

impl<A: Element> Kernel<A> for CountK<A> {
    type Acc = i64;
    fn run(&self, acc: i64, src: Src<'_, A>, o: usize) -> i64 {
        acc + self.value(src, o)
    }
    fn elementwise(&self, out: &mut OutPtr<i64>, o: isize, os: isize, src: Src<'_, A>) {
        elementwise_fold(out, o, os, src, |acc: i64, x: A| acc + !x.is_zero_value() as i64);
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, _o: usize) -> i64 {
        match src.as_slice() {
            Some(s) => s.iter().map(|x| !x.is_zero_value() as i64).sum(),
            None => (0..src.len()).map(|i| !src.get(i).is_zero_value() as i64).sum(),
        }
    }
    fn combine(&self, acc: i64, v: i64) -> i64 {
        acc + v
    }
}

fn truth<A: Element, S: Data<Elem = A>, const ANY: bool>(
    a: &ArrayBase<S>,
    red: &[bool],
    keepdims: bool,
) -> Result<Array<bool>> {
    let (buf, plan) = run_kernel(a, red, false, !ANY, &TruthK::<A, ANY>(PhantomData))?;
    finish(&buf, &plan, a.shape(), red, keepdims)
}

fn count<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
    keepdims: bool,
) -> Result<Array<i64>> {
    let (buf, plan) = run_kernel(a, red, false, 0, &CountK::<A>(PhantomData))?;
    finish(&buf, &plan, a.shape(), red, keepdims)
}

impl<A: Element, S: Data<Elem = A>> ArrayBase<S> {
    /// `true` when any element is non-zero (NumPy's `a.any()`); `false` for an empty array.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert!(array![0.0, f64::NAN].any());
    /// assert!(!array![0, 0].any());
    /// assert!(!Array::<bool>::zeros(&[0]).any());
    /// ```
    pub fn any(&self) -> bool {
        if let Some(s) = self.as_slice_memory_order() {
            return s.iter().any(|x| !x.is_zero_value());
        }
        self.iter().any(|x| !x.is_zero_value())
    }

    /// `any` along one axis (`a.any(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[0, 1], [0, 0]].any_axis(0).unwrap(), array![false, true]);
    /// ```
    pub fn any_axis(&self, axis: isize) -> Result<Array<bool>> {
        self.any_axes(&[axis], false)
    }

    /// `any` over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[0, 1], [0, 0]].any_axes(&[1], true).unwrap(), array![[true], [false]]);
    /// ```
    pub fn any_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<bool>> {
        let red = flags_of(axes, self.ndim())?;
        truth::<A, S, true>(self, &red, keepdims)
    }

    /// `true` when every element is non-zero (NumPy's `a.all()`); `true` for an empty array.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert!(array![1, 2].all());
    /// assert!(!array![1.0, -0.0].all());
    /// assert!(Array::<i8>::zeros(&[0]).all());
    /// ```
    pub fn all(&self) -> bool {
        if let Some(s) = self.as_slice_memory_order() {
            return s.iter().all(|x| !x.is_zero_value());
        }
        self.iter().all(|x| !x.is_zero_value())
    }

    /// `all` along one axis (`a.all(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 1], [0, 1]].all_axis(0).unwrap(), array![false, true]);
    /// ```
    pub fn all_axis(&self, axis: isize) -> Result<Array<bool>> {
        self.all_axes(&[axis], false)
    }

    /// `all` over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 1], [0, 1]].all_axes(&[0, 1], false).unwrap().into_scalar(), false);
    /// ```
    pub fn all_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<bool>> {
        let red = flags_of(axes, self.ndim())?;
        truth::<A, S, false>(self, &red, keepdims)
    }

    /// The number of non-zero elements (NumPy's `np.count_nonzero(a)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[0, 1], [2, 0]].count_nonzero(), 2);
    /// assert_eq!(array![f64::NAN, 0.0, -0.0].count_nonzero(), 1);
    /// ```
    pub fn count_nonzero(&self) -> usize {
        if let Some(s) = self.as_slice_memory_order() {
            return s.iter().filter(|x| !x.is_zero_value()).count();
        }
        self.iter().filter(|x| !x.is_zero_value()).count()
    }

    /// The non-zero counts along one axis (`np.count_nonzero(a, axis=axis)`), as `i64`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[0, 1], [2, 0]].count_nonzero_axis(0).unwrap(), array![1i64, 1]);
    /// ```
    pub fn count_nonzero_axis(&self, axis: isize) -> Result<Array<i64>> {
        self.count_nonzero_axes(&[axis], false)
    }

    /// The non-zero counts over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[0, 1], [2, 0]].count_nonzero_axes(&[0, 1], true).unwrap(), array![[2i64]]);
    /// ```
    pub fn count_nonzero_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<i64>> {
        let red = flags_of(axes, self.ndim())?;
        count(self, &red, keepdims)
    }
}

fn red_of(ndim: usize, axis: Axes) -> Result<SmallVec<[bool; 4]>> {
    axis.flags(ndim)
}

/// NumPy's `np.any(a, axis, keepdims=keepdims)`. See [`ArrayBase::any`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::any(&array![[0, 1], [0, 0]], 1, false).unwrap(), array![true, false]);
/// ```
pub fn any<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<bool>> {
    truth::<A, S, true>(a, &red_of(a.ndim(), axis.into())?, keepdims)
}

/// NumPy's `np.all(a, axis, keepdims=keepdims)`. See [`ArrayBase::all`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::all(&array![[1, 1], [0, 1]], 1, false).unwrap(), array![true, false]);
/// ```
pub fn all<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<bool>> {
    truth::<A, S, false>(a, &red_of(a.ndim(), axis.into())?, keepdims)
}

/// NumPy's `np.count_nonzero(a, axis, keepdims=keepdims)`, as `i64` counts.
/// See [`ArrayBase::count_nonzero`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::count_nonzero(&array![[0, 1], [2, 3]], 1, false).unwrap(), array![1i64, 2]);
/// ```
pub fn count_nonzero<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<i64>> {
    count(a, &red_of(a.ndim(), axis.into())?, keepdims)
}
