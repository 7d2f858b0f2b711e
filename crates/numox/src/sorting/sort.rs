//! NumPy's `np.sort`, `ndarray.sort` and `np.argsort`.

use super::element::SortElement;
use super::radix::{argsort_slice, argsort_slice_into, sort_slice, sort_slice_into};
use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Data, DataMut};
use crate::error::{Result, normalize_axis};

/// NumPy's `kind=` argument of the sorts.
///
/// numox sorts every kind with the same stable algorithm (a radix sort on
/// order-preserving keys; a merge sort for complex numbers), so
/// `Quicksort` and `Heapsort` results equal NumPy's `kind="stable"` ones.
/// NumPy leaves the order of equal elements unspecified for those kinds,
/// so any order is a correct answer; numox's is the stable one.
///
/// ```
/// use numox::prelude::*;
/// use numox::SortKind;
/// let a = array![3, 1, 2];
/// assert_eq!(numox::sort(&a, Some(-1), SortKind::default()).unwrap(), array![1, 2, 3]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKind {
    /// `kind="quicksort"` (NumPy's default; not stable in NumPy).
    #[default]
    Quicksort,
    /// `kind="mergesort"` (stable).
    Mergesort,
    /// `kind="heapsort"`.
    Heapsort,
    /// `kind="stable"`.
    Stable,
}

/// Element count from which independent lanes are sorted on rayon's threads.
const PAR_LANES_MIN: usize = 1 << 15;

/// Calls `f` on every 1-d lane of `a` along `axis` as a mutable slice
/// (strided lanes go through a buffer), in parallel when the array is large.
pub(crate) fn for_each_lane_mut<A, F>(mut a: ArrayViewMut<'_, A>, axis: usize, f: F)
where
    A: Copy + Send + Sync,
    F: Fn(&mut [A]) + Sync,
{
    if a.is_empty() {
        return;
    }
    let run = |mut lane: ArrayViewMut<'_, A>| {
        if lane.is_c_contiguous() {
            if let Some(s) = lane.as_slice_mut() {
                f(s);
                return;
            }
        }
        let mut buf = lane.to_vec();
        f(&mut buf);
        for (d, s) in lane.iter_mut().zip(buf) {
            *d = s;
        }
    };
    let size = a.size();
    let lanes: Vec<ArrayViewMut<'_, A>> = a.lanes_mut(axis as isize).expect("axis was normalised").collect();
    if lanes.len() > 1 && size >= PAR_LANES_MIN {
        crate::parallel::for_each_item(lanes, &|_, l| run(l));
    } else {
        lanes.into_iter().for_each(run);
    }
}

/// Calls `f(input_lane, output_lane)` on the matching 1-d lanes of `a` and
/// `out` (same shape) along `axis`, in parallel when the array is large.
pub(crate) fn for_each_lane_pair<A, B, F>(
    a: &ArrayView<'_, A>,
    mut out: ArrayViewMut<'_, B>,
    axis: usize,
    f: F,
) where
    A: Copy + Send + Sync,
    B: Copy + Send + Sync,
    F: Fn(&[A], &mut [B]) + Sync,
{
    if a.is_empty() {
        return;
    }
    let run = |(lane, mut o): (ArrayView<'_, A>, ArrayViewMut<'_, B>)| {
        let owned;
        let src: &[A] = match lane.to_slice() {
            Some(s) => s,
            None => {
                owned = lane.to_vec();
                &owned
            }
        };
        if o.is_c_contiguous() {
            if let Some(s) = o.as_slice_mut() {
                f(src, s);
                return;
            }
        }
        let mut buf = o.to_vec();
        f(src, &mut buf);
        for (d, s) in o.iter_mut().zip(buf) {
            *d = s;
        }
    };
    let ax = axis as isize;
    let pairs: Vec<_> = a
        .lanes(ax)
        .expect("axis was normalised")
        .zip(out.lanes_mut(ax).expect("axis was normalised"))
        .collect();
    if pairs.len() > 1 && a.size() >= PAR_LANES_MIN {
        crate::parallel::for_each_item(pairs, &|_, l| run(l));
    } else {
        pairs.into_iter().for_each(run);
    }
}

/// NumPy's `np.sort(a, axis, kind)`: a sorted copy of `a`. `axis: None`
/// sorts the flattened array; `Some(-1)` (NumPy's default) sorts along the
/// last axis. Floats sort with every NaN last and `-0.0` equal to `0.0`;
/// equal elements keep their order (see [`SortKind`]).
///
/// Errors: [`Error::AxisOutOfBounds`](crate::Error::AxisOutOfBounds) for a
/// bad axis (a 0-d array has no axis; use `None`).
///
/// ```
/// use numox::prelude::*;
/// use numox::SortKind;
/// let a = array![[3.0, f64::NAN, 1.0], [-0.0, -1.0, 0.5]];
/// let s = numox::sort(&a, Some(-1), SortKind::Quicksort).unwrap();
/// assert_eq!(s.slice(s![1, ..]).to_vec(), vec![-1.0, -0.0, 0.5]);
/// assert_eq!(s.item(&[0, 1]).unwrap(), 3.0);
/// assert!(s.item(&[0, 2]).unwrap().is_nan());
/// let cols = numox::sort(&a, Some(0), SortKind::Stable).unwrap();
/// assert_eq!(cols.slice(s![0, ..]).to_vec(), vec![-0.0, -1.0, 0.5]);
/// assert_eq!(numox::sort(&array![[2, 1], [0, 3]], None, SortKind::Stable).unwrap(), array![0, 1, 2, 3]);
/// ```
pub fn sort<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    kind: SortKind,
) -> Result<Array<A>> {
    let _ = kind;
    // A contiguous 1-D input (or any contiguous input flattened) is
    // distributed straight into the result, without an intermediate copy.
    if let (Some(src), true) = (a.as_slice(), axis.is_none() || a.ndim() == 1) {
        if let Some(ax) = axis {
            normalize_axis(ax, 1)?;
        }
        let mut v = crate::array::copy::try_vec(src.len(), a.shape())?;
        sort_slice_into(src, &mut v);
        return Ok(Array::from_vec(v));
    }
    match axis {
        None => {
            let mut v = crate::array::copy::try_to_vec(a)?;
            sort_slice(&mut v);
            Ok(Array::from_vec(v))
        }
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim())?;
            let mut out = crate::array::copy::try_to_owned(a)?;
            for_each_lane_mut(out.view_mut(), ax, sort_slice);
            Ok(out)
        }
    }
}

/// NumPy's `np.argsort(a, axis, kind)`: the indices that sort `a` along
/// `axis` (`None`: of the flattened array). The sort is stable for every
/// `kind`, so equal elements keep their order (NumPy guarantees that only
/// for `kind="stable"`). NaN sorts last.
///
/// Errors: a bad axis. A 0-d array with `Some(_)` gives `[0]`, as NumPy's.
///
/// ```
/// use numox::prelude::*;
/// use numox::SortKind;
/// let a = array![3.0, 1.0, f64::NAN, 1.0];
/// assert_eq!(numox::argsort(&a, Some(-1), SortKind::Stable).unwrap(), array![1, 3, 0, 2]);
/// let m = array![[3, 1], [2, 4]];
/// assert_eq!(numox::argsort(&m, Some(0), SortKind::Stable).unwrap(), array![[1, 0], [0, 1]]);
/// assert_eq!(numox::argsort(&m, None, SortKind::Stable).unwrap(), array![1, 2, 0, 3]);
/// ```
pub fn argsort<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    kind: SortKind,
) -> Result<Array<i64>> {
    let _ = kind;
    // A contiguous 1-D input (or any contiguous input flattened) is sorted
    // straight into a fresh result, which is never filled with zeros first.
    if let (Some(src), true) = (a.as_slice(), axis.is_none() || a.ndim() == 1) {
        if let Some(ax) = axis {
            normalize_axis(ax, 1)?;
        }
        let mut out = crate::array::copy::try_vec::<i64>(src.len(), a.shape())?;
        argsort_slice_into(src, &mut out);
        return Ok(Array::from_vec(out));
    }
    match axis {
        Some(_) if a.ndim() == 0 => Ok(Array::from_vec(vec![0])),
        None => {
            let v = crate::array::copy::try_to_vec(a)?;
            let mut out = crate::array::copy::try_vec::<i64>(v.len(), &[v.len()])?;
            argsort_slice_into(&v, &mut out);
            Ok(Array::from_vec(out))
        }
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim())?;
            let mut out = crate::array::copy::try_from_elem(a.shape(), 0i64)?;
            for_each_lane_pair(&a.view(), out.view_mut(), ax, argsort_slice);
            Ok(out)
        }
    }
}

impl<A: SortElement, S: DataMut<Elem = A>> ArrayBase<S> {
    /// Sorts the array in place along `axis` (NumPy's `a.sort(axis)`);
    /// stable, NaN last.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![[5, 2, 9], [1, 8, 0]];
    /// a.sort_inplace(-1).unwrap();
    /// assert_eq!(a, array![[2, 5, 9], [0, 1, 8]]);
    /// a.sort_inplace(0).unwrap();
    /// assert_eq!(a, array![[0, 1, 8], [2, 5, 9]]);
    /// assert!(a.sort_inplace(2).is_err());
    /// ```
    pub fn sort_inplace(&mut self, axis: isize) -> Result<()> {
        let ax = normalize_axis(axis, self.ndim())?;
        for_each_lane_mut(self.view_mut(), ax, sort_slice);
        Ok(())
    }
}

impl<A: SortElement, S: Data<Elem = A>> ArrayBase<S> {
    /// A sorted copy along `axis` (`None`: flattened): method form of [`sort`].
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![2.0, -1.0, f64::INFINITY].sorted(Some(0)).unwrap(), array![-1.0, 2.0, f64::INFINITY]);
    /// ```
    pub fn sorted(&self, axis: Option<isize>) -> Result<Array<A>> {
        sort(self, axis, SortKind::Stable)
    }

    /// The indices that sort the array stably along `axis` (`None`:
    /// flattened): method form of [`argsort`] (NumPy's `a.argsort(axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![30, 10, 20].argsort(Some(-1)).unwrap(), array![1, 2, 0]);
    /// ```
    pub fn argsort(&self, axis: Option<isize>) -> Result<Array<i64>> {
        argsort(self, axis, SortKind::Stable)
    }
}
