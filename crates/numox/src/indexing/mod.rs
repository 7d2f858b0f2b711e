//! Advanced indexing: integer-array and boolean-mask selection and
//! assignment, `take`/`put`, `where_`, `nonzero`, `diagonal`, `clip`.
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.take(a, idx, axis, mode=...)` | [`take`](fn@take)`(&a, &idx, Some(axis), TakeMode::Raise)` |
//! | `a[:, [0, 2]]` | `a.select(1, &[0, 2])` |
//! | `np.take_along_axis(a, idx, axis)` | [`take_along_axis`] |
//! | `np.put(a, idx, v)` / `np.put_along_axis` | [`put`] / [`put_along_axis`] |
//! | `a[mask]` | `a.boolean_mask(&mask)` |
//! | `a[mask] = 0` / `a[mask] = v` | `a.mask_assign(&mask, 0)` / `a.mask_assign_array(&mask, &v)` |
//! | `np.compress(cond, a, axis)` | [`compress`] |
//! | `np.where(c, x, y)` / `np.where(c)` | [`where_`](fn@where_) / [`where_cond`] |
//! | `np.nonzero`, `np.argwhere`, `np.flatnonzero` | [`nonzero`](fn@nonzero), [`argwhere`], [`flatnonzero`] |
//! | `a.diagonal(k, a1, a2)`, `np.trace` | `a.diagonal(k, a1, a2)` (a view), [`trace`] |
//! | `np.clip(a, lo, hi)` | [`clip`](fn@clip), [`clip_array`] |
//!
//! Index arrays may hold any integer type (`i64` is NumPy's `intp`;
//! `usize` and `isize` work too); negative indices count from the end.
//! Index arrays that NumPy returns (`nonzero`, `argwhere`) are `i64`.

pub mod clip;
pub mod diagonal;
pub mod mask;
pub mod nonzero;
pub mod take;
pub mod where_;

pub use clip::*;
pub use diagonal::*;
pub use nonzero::*;
pub use take::*;
pub use where_::*;

use crate::array::{ArrayBase, Data};
use crate::error::{Error, Result};
use std::borrow::Cow;

mod sealed {
    pub trait Sealed {}
}

/// Integer types usable as indices: `i8..i64`, `u8..u64`, `isize`, `usize`.
pub trait IndexInt: Copy + Send + Sync + 'static + sealed::Sealed {
    /// The index as `i64`, or `None` when it does not fit (a `u64` above `i64::MAX`).
    fn to_i64(self) -> Option<i64>;
    /// The index modulo `n` (`n > 0`), in `0..n`.
    fn wrap_index(self, n: usize) -> usize;
}

macro_rules! impl_index_int {
    ($wide:ty: $($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl IndexInt for $t {
            #[inline(always)]
            #[allow(clippy::unnecessary_fallible_conversions)]
            fn to_i64(self) -> Option<i64> {
                i64::try_from(self).ok()
            }
            #[inline(always)]
            fn wrap_index(self, n: usize) -> usize {
                (self as $wide).rem_euclid(n as $wide) as usize
            }
        }
    )*};
}
impl_index_int!(i64: i8, i16, i32, i64, isize);
impl_index_int!(u64: u8, u16, u32, u64, usize);

/// How [`take`](fn@take) and [`put`] treat indices outside `-n..n` (NumPy's `mode=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TakeMode {
    /// An error ([`Error::IndexOutOfBounds`]); negative indices count from the end. NumPy's default.
    #[default]
    Raise,
    /// Wrap around modulo the length (`-1` is the last element, `n` the first).
    Wrap,
    /// Clamp to `0..n` (negative indices become 0, as NumPy's `clip` mode).
    Clip,
}

/// Resolves one index against an axis of length `n` with `mode`.
#[inline]
pub(crate) fn resolve_index<I: IndexInt>(i: I, n: usize, mode: TakeMode, axis: usize) -> Result<usize> {
    let oob = |i: I| Error::IndexOutOfBounds {
        index: i.to_i64().map_or(isize::MAX, |v| v as isize),
        axis,
        len: n,
    };
    let Some(v) = i.to_i64() else {
        return match mode {
            TakeMode::Clip if n > 0 => Ok(n - 1),
            TakeMode::Wrap if n > 0 => Ok(i.wrap_index(n)),
            _ => Err(oob(i)),
        };
    };
    let n_i = n as i64;
    match mode {
        TakeMode::Raise => {
            if v >= -n_i && v < n_i {
                Ok(if v < 0 { (v + n_i) as usize } else { v as usize })
            } else {
                Err(oob(i))
            }
        }
        _ if n == 0 => Err(oob(i)),
        TakeMode::Wrap => Ok(v.rem_euclid(n_i) as usize),
        TakeMode::Clip => Ok(v.clamp(0, n_i - 1) as usize),
    }
}

/// The elements of `a` in C order as a slice: borrowed when `a` is
/// C-contiguous, copied otherwise.
pub(crate) fn c_order<A: Clone, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Cow<'_, [A]> {
    match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.to_vec()),
    }
}
