//! Basic indexing with NumPy's semantics: the [`s!`](crate::s) macro builds a
//! [`SliceInfo`] from ranges (with steps, negative too), single indices,
//! [`NewAxis`] and an ellipsis, and `slice`/`slice_mut`/`slice_move` apply
//! it without copying.
//!
//! | NumPy | numox |
//! |---|---|
//! | `a[1:5]` | `a.slice(s![1..5])` |
//! | `a[::-1]` | `a.slice(s![..;-1])` |
//! | `a[5:1:-2]` | `a.slice(s![5..1;-2])` |
//! | `a[-3:]` | `a.slice(s![-3..])` |
//! | `a[:, 2]` | `a.slice(s![.., 2])` |
//! | `a[..., 0]` | `a.slice(s![..., 0])` |
//! | `a[:, None]` | `a.slice(s![.., NewAxis])` |
//!
//! Ranges follow Python's slice rules exactly: negative bounds count from the
//! end, out-of-range bounds are clipped, and with a negative step the range
//! runs from `start` down to (not including) `end`. An inclusive range
//! `a..=b` includes `b` in the direction of the step.

use super::shape::{Shape, Strides};
use super::{ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, RawData};
use crate::error::{Error, Result};
use smallvec::SmallVec;
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};
use std::ptr::NonNull;

/// The end of a range in a [`SliceElem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeEnd {
    /// No end given: run to the end of the axis in the step's direction.
    Open,
    /// `start..end`: stop before `end`.
    Exclusive(isize),
    /// `start..=end`: stop after `end`.
    Inclusive(isize),
}

/// One entry of a slice: a range with a step, a single index, a new axis or an ellipsis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceElem {
    /// A range of indices (keeps the axis).
    Range {
        /// First index; `None` means the start in the step's direction.
        start: Option<isize>,
        /// Where the range stops.
        end: RangeEnd,
        /// Step between indices; never 0.
        step: isize,
    },
    /// A single index (removes the axis); negative counts from the end.
    Index(isize),
    /// Inserts a new axis of length 1 (`None`/`np.newaxis`).
    NewAxis,
    /// Stands for as many full ranges as needed (`...`).
    Ellipsis,
}

/// Marker for a new axis in [`s!`](crate::s), NumPy's `np.newaxis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewAxis;

/// Marker for an ellipsis in [`s!`](crate::s) (the `...` token works too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ellipsis;

impl SliceElem {
    /// Attaches a step to a range entry (used by `s![a..b; step]`).
    ///
    /// # Panics
    /// When applied to an index, a new axis or an ellipsis.
    pub fn step_by(self, step: isize) -> SliceElem {
        match self {
            SliceElem::Range { start, end, .. } => SliceElem::Range { start, end, step },
            other => panic!("a step can only follow a range in s![], not {other:?}"),
        }
    }
}

macro_rules! impl_slice_elem_from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for SliceElem {
            #[inline]
            fn from(i: $t) -> Self { SliceElem::Index(i as isize) }
        }
        impl From<Range<$t>> for SliceElem {
            #[inline]
            fn from(r: Range<$t>) -> Self {
                SliceElem::Range { start: Some(r.start as isize), end: RangeEnd::Exclusive(r.end as isize), step: 1 }
            }
        }
        impl From<RangeInclusive<$t>> for SliceElem {
            #[inline]
            fn from(r: RangeInclusive<$t>) -> Self {
                SliceElem::Range { start: Some(*r.start() as isize), end: RangeEnd::Inclusive(*r.end() as isize), step: 1 }
            }
        }
        impl From<RangeFrom<$t>> for SliceElem {
            #[inline]
            fn from(r: RangeFrom<$t>) -> Self {
                SliceElem::Range { start: Some(r.start as isize), end: RangeEnd::Open, step: 1 }
            }
        }
        impl From<RangeTo<$t>> for SliceElem {
            #[inline]
            fn from(r: RangeTo<$t>) -> Self {
                SliceElem::Range { start: None, end: RangeEnd::Exclusive(r.end as isize), step: 1 }
            }
        }
        impl From<RangeToInclusive<$t>> for SliceElem {
            #[inline]
            fn from(r: RangeToInclusive<$t>) -> Self {
                SliceElem::Range { start: None, end: RangeEnd::Inclusive(r.end as isize), step: 1 }
            }
        }
    )*};
}
impl_slice_elem_from_int!(i32, isize, usize, i64);

impl From<RangeFull> for SliceElem {
    #[inline]
    fn from(_: RangeFull) -> Self {
        SliceElem::Range {
            start: None,
            end: RangeEnd::Open,
            step: 1,
        }
    }
}
impl From<NewAxis> for SliceElem {
    #[inline]
    fn from(_: NewAxis) -> Self {
        SliceElem::NewAxis
    }
}
impl From<Ellipsis> for SliceElem {
    #[inline]
    fn from(_: Ellipsis) -> Self {
        SliceElem::Ellipsis
    }
}

/// A full basic index: what [`s!`](crate::s) builds.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SliceInfo {
    /// The entries, in order.
    pub elems: SmallVec<[SliceElem; 4]>,
}

impl SliceInfo {
    /// A slice from its entries.
    pub fn new<I: IntoIterator<Item = SliceElem>>(elems: I) -> Self {
        SliceInfo {
            elems: elems.into_iter().collect(),
        }
    }
}

/// Resolves one range against an axis of length `len` by Python's rules:
/// returns `(first index, count)`.
pub fn resolve_range(start: Option<isize>, end: RangeEnd, step: isize, len: usize) -> Result<(isize, usize)> {
    if step == 0 {
        return Err(Error::invalid("slice step cannot be zero"));
    }
    let n = len as isize;
    let norm = |i: isize| if i < 0 { i + n } else { i };
    if step > 0 {
        let s = start.map_or(0, |s| norm(s).clamp(0, n));
        let e = match end {
            RangeEnd::Open => n,
            RangeEnd::Exclusive(e) => norm(e).clamp(0, n),
            RangeEnd::Inclusive(e) => (norm(e) + 1).clamp(0, n),
        };
        let count = if e > s { (e - s + step - 1) / step } else { 0 };
        Ok((s, count as usize))
    } else {
        let s = start.map_or(n - 1, |s| norm(s).clamp(-1, n - 1));
        let e = match end {
            RangeEnd::Open => -1,
            RangeEnd::Exclusive(e) => norm(e).clamp(-1, n - 1),
            RangeEnd::Inclusive(e) => (norm(e) - 1).clamp(-2, n - 1).max(-1),
        };
        let count = if s > e { (s - e + (-step) - 1) / (-step) } else { 0 };
        Ok((s, count as usize))
    }
}

impl<S: RawData> ArrayBase<S> {
    /// Applies a basic index, consuming the array (an owned array keeps its
    /// buffer; a view keeps its lifetime). Errors name the bad index.
    pub fn try_slice_move(self, info: &SliceInfo) -> Result<Self> {
        let nd = self.ndim();
        let n_ellipsis = info.elems.iter().filter(|e| **e == SliceElem::Ellipsis).count();
        if n_ellipsis > 1 {
            return Err(Error::invalid("an index can only have a single ellipsis ('...')"));
        }
        let consuming = info
            .elems
            .iter()
            .filter(|e| matches!(e, SliceElem::Range { .. } | SliceElem::Index(_)))
            .count();
        if consuming > nd {
            return Err(Error::invalid(format!(
                "too many indices for array: array is {nd}-dimensional, but {consuming} were indexed"
            )));
        }
        let fill = nd - consuming;
        let mut shape = Shape::new();
        let mut strides = Strides::new();
        let mut offset = 0isize;
        let mut ax = 0usize;
        let full = SliceElem::from(..);
        let mut apply = |e: SliceElem, ax: &mut usize| -> Result<()> {
            match e {
                SliceElem::Range { start, end, step } => {
                    let (first, count) = resolve_range(start, end, step, self.shape[*ax])?;
                    if count > 0 {
                        offset += first * self.strides[*ax];
                    }
                    shape.push(count);
                    strides.push(self.strides[*ax] * step);
                    *ax += 1;
                }
                SliceElem::Index(i) => {
                    let len = self.shape[*ax];
                    let j = if i < 0 { i + len as isize } else { i };
                    if j < 0 || j >= len as isize {
                        return Err(Error::IndexOutOfBounds {
                            index: i,
                            axis: *ax,
                            len,
                        });
                    }
                    offset += j * self.strides[*ax];
                    *ax += 1;
                }
                SliceElem::NewAxis => {
                    shape.push(1);
                    strides.push(0);
                }
                SliceElem::Ellipsis => unreachable!("expanded by the caller"),
            }
            Ok(())
        };
        let mut saw_ellipsis = false;
        for &e in &info.elems {
            if e == SliceElem::Ellipsis {
                saw_ellipsis = true;
                for _ in 0..fill {
                    apply(full, &mut ax)?;
                }
            } else {
                apply(e, &mut ax)?;
            }
        }
        if !saw_ellipsis {
            while ax < nd {
                apply(full, &mut ax)?;
            }
        }
        // A new axis's stride is never stepped over; give it a contiguous-looking value.
        for i in 0..shape.len() {
            if strides[i] == 0 && shape[i] == 1 {
                strides[i] = if i + 1 < shape.len() {
                    strides[i + 1] * shape[i + 1] as isize
                } else {
                    1
                };
            }
        }
        let ptr = if shape.contains(&0) {
            self.ptr
        } else {
            // SAFETY: every selected index is in bounds, so the new first element is too.
            unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(offset)) }
        };
        // SAFETY: the new layout selects a subset of the old elements, each once
        // (steps are non-zero and new axes have length 1).
        Ok(unsafe { self.with_layout(ptr, shape, strides) })
    }

    /// Applies a basic index, consuming the array.
    ///
    /// # Panics
    /// When an index is out of bounds, a step is zero, or there are more
    /// indices than axes (NumPy's `IndexError`); [`try_slice_move`](Self::try_slice_move)
    /// returns these as errors.
    pub fn slice_move(self, info: SliceInfo) -> Self {
        match self.try_slice_move(&info) {
            Ok(a) => a,
            Err(e) => panic!("slice {:?}: {e}", info.elems),
        }
    }
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// A view of the elements a basic index selects (NumPy's `a[...]` with
    /// slices, integers, `None` and `...`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[3, 4], (0..12).collect()).unwrap();
    /// assert_eq!(a.slice(s![1.., ..;2]), array![[4, 6], [8, 10]]);
    /// assert_eq!(a.slice(s![-1, ..;-1]), array![11, 10, 9, 8]);
    /// assert_eq!(a.slice(s![.., NewAxis, 0]).shape(), &[3, 1]);
    /// assert_eq!(a.slice(s![..., 1]), array![1, 5, 9]);
    /// ```
    ///
    /// # Panics
    /// As [`slice_move`](Self::slice_move); use [`try_slice`](Self::try_slice) for a `Result`.
    pub fn slice(&self, info: SliceInfo) -> ArrayView<'_, A> {
        self.view().slice_move(info)
    }

    /// [`slice`](Self::slice) returning errors instead of panicking.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1, 2, 3];
    /// assert!(a.try_slice(s![3]).is_err());
    /// assert!(a.try_slice(s![..;0]).is_err());
    /// ```
    pub fn try_slice(&self, info: SliceInfo) -> Result<ArrayView<'_, A>> {
        self.view().try_slice_move(&info)
    }
}

impl<A, S: DataMut<Elem = A>> ArrayBase<S> {
    /// A writable view of the elements a basic index selects.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = Array::<i32>::zeros(&[3, 3]);
    /// a.slice_mut(s![.., 1]).fill(7);
    /// assert_eq!(a, array![[0, 7, 0], [0, 7, 0], [0, 7, 0]]);
    /// ```
    ///
    /// # Panics
    /// As [`slice_move`](Self::slice_move).
    pub fn slice_mut(&mut self, info: SliceInfo) -> ArrayViewMut<'_, A> {
        self.view_mut().slice_move(info)
    }

    /// [`slice_mut`](Self::slice_mut) returning errors instead of panicking.
    pub fn try_slice_mut(&mut self, info: SliceInfo) -> Result<ArrayViewMut<'_, A>> {
        self.view_mut().try_slice_move(&info)
    }
}

/// Builds a [`SliceInfo`] for basic indexing with NumPy's semantics.
///
/// Entries are separated by commas: a range (`a..b`, `a..`, `..b`, `..`,
/// `a..=b`) optionally followed by `;step`, a single index, [`NewAxis`], or
/// an ellipsis (`...` or [`Ellipsis`]).
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_shape_vec(&[4, 5], (0..20).collect()).unwrap();
/// assert_eq!(a.slice(s![..;2, 1..;3]), array![[1, 4], [11, 14]]);
/// assert_eq!(a.slice(s![..;-1, -1]), array![19, 14, 9, 4]);
/// assert_eq!(a.slice(s![3..0;-2, 0]), array![15, 5]);
/// ```
#[macro_export]
macro_rules! s {
    ($($t:tt)*) => { $crate::__s_parse!([] $($t)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __s_parse {
    ([$($acc:expr,)*]) => {
        $crate::array::slice::SliceInfo::new([$($acc,)*])
    };
    ([$($acc:expr,)*] ... , $($rest:tt)*) => {
        $crate::__s_parse!([$($acc,)* $crate::array::slice::SliceElem::Ellipsis,] $($rest)*)
    };
    ([$($acc:expr,)*] ...) => {
        $crate::__s_parse!([$($acc,)* $crate::array::slice::SliceElem::Ellipsis,])
    };
    ([$($acc:expr,)*] $r:expr ; $step:expr , $($rest:tt)*) => {
        $crate::__s_parse!([$($acc,)* {
            // `5..0` with a negative step is Python's `5:0:-1`, not an empty range.
            #[allow(clippy::reversed_empty_ranges)]
            let range = $r;
            $crate::array::slice::SliceElem::from(range).step_by(($step) as isize)
        },] $($rest)*)
    };
    ([$($acc:expr,)*] $r:expr ; $step:expr) => {
        $crate::__s_parse!([$($acc,)* {
            // `5..0` with a negative step is Python's `5:0:-1`, not an empty range.
            #[allow(clippy::reversed_empty_ranges)]
            let range = $r;
            $crate::array::slice::SliceElem::from(range).step_by(($step) as isize)
        },])
    };
    ([$($acc:expr,)*] $r:expr , $($rest:tt)*) => {
        $crate::__s_parse!([$($acc,)* $crate::array::slice::SliceElem::from($r),] $($rest)*)
    };
    ([$($acc:expr,)*] $r:expr) => {
        $crate::__s_parse!([$($acc,)* $crate::array::slice::SliceElem::from($r),])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py(start: Option<isize>, end: RangeEnd, step: isize, len: usize) -> Vec<isize> {
        let (f, c) = resolve_range(start, end, step, len).unwrap();
        (0..c as isize).map(|i| f + i * step).collect()
    }

    #[test]
    fn ranges_follow_python() {
        use RangeEnd::*;
        // list(range(10))[5:1:-1] == [5, 4, 3, 2]
        assert_eq!(py(Some(5), Exclusive(1), -1, 10), vec![5, 4, 3, 2]);
        // [::-1]
        assert_eq!(py(None, Open, -1, 4), vec![3, 2, 1, 0]);
        // [-3:]
        assert_eq!(py(Some(-3), Open, 1, 5), vec![2, 3, 4]);
        // [100:] and [-100:2]
        assert_eq!(py(Some(100), Open, 1, 5), Vec::<isize>::new());
        assert_eq!(py(Some(-100), Exclusive(2), 1, 5), vec![0, 1]);
        // [:-100:-1]
        assert_eq!(py(None, Exclusive(-100), -1, 3), vec![2, 1, 0]);
        // inclusive: 1..=3 -> [1, 2, 3]; 3..=0;-1 -> [3, 2, 1, 0]; ..=-1 -> all
        assert_eq!(py(Some(1), Inclusive(3), 1, 5), vec![1, 2, 3]);
        assert_eq!(py(Some(3), Inclusive(0), -1, 5), vec![3, 2, 1, 0]);
        assert_eq!(py(None, Inclusive(-1), 1, 3), vec![0, 1, 2]);
        // [1:7:3] of 10 -> [1, 4]
        assert_eq!(py(Some(1), Exclusive(7), 3, 10), vec![1, 4]);
        assert!(resolve_range(None, Open, 0, 3).is_err());
    }

    #[test]
    fn macro_builds_entries() {
        let s = s![.., 1..;2, -1, NewAxis, ...];
        assert_eq!(s.elems.len(), 5);
        assert_eq!(s.elems[2], SliceElem::Index(-1));
        assert_eq!(s.elems[3], SliceElem::NewAxis);
        assert_eq!(s.elems[4], SliceElem::Ellipsis);
        assert_eq!(
            s.elems[1],
            SliceElem::Range {
                start: Some(1),
                end: RangeEnd::Open,
                step: 2
            }
        );
        let e = s![];
        assert!(e.elems.is_empty());
    }
}
