//! NumPy's `np.clip`: limit values to an interval.
//!
//! NaN behaves as in NumPy: a NaN element stays NaN, and a NaN bound makes
//! the result NaN. With both bounds, an element equal to a bound is kept
//! (so `-0.0` clipped to `[0.0, 1.0]` stays `-0.0`, as NumPy's `clip`
//! ufunc gives); with one bound NumPy calls `maximum`/`minimum`, which
//! return the bound on ties, and so does numox. When `min > max` every
//! element becomes `max`.

use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::element::RealNumeric;
use crate::error::Result;
use crate::ufunc::kernel::{map1_new, map2_op, map3_op};

#[inline(always)]
#[allow(clippy::eq_op)]
fn nan<T: PartialEq>(x: T) -> bool {
    x != x
}

#[inline(always)]
fn clip_both<T: RealNumeric>(x: T, lo: T, hi: T) -> T {
    if nan(x) {
        x
    } else if nan(lo) {
        lo
    } else if nan(hi) {
        hi
    } else {
        let t = if x < lo { lo } else { x };
        if t > hi { hi } else { t }
    }
}

/// NumPy's `maximum(x, lo)`: NaN propagates, ties return `lo`.
#[inline(always)]
fn clip_lo<T: RealNumeric>(x: T, lo: T) -> T {
    if nan(x) || (!nan(lo) && x > lo) { x } else { lo }
}

/// NumPy's `minimum(x, hi)`: NaN propagates, ties return `hi`.
#[inline(always)]
fn clip_hi<T: RealNumeric>(x: T, hi: T) -> T {
    if nan(x) || (!nan(hi) && x < hi) { x } else { hi }
}

/// NumPy's `np.clip(a, min, max)` with scalar bounds; `None` leaves that
/// side open (both `None` gives a copy).
///
/// ```
/// use numox::prelude::*;
/// let a = array![-2.0, 0.5, 3.0, f64::NAN];
/// let c = numox::clip(&a, Some(0.0), Some(1.0));
/// assert_eq!(c.to_vec()[..3], [0.0, 0.5, 1.0]);
/// assert!(c[[3]].is_nan());
/// assert_eq!(numox::clip(&array![1, 5, 9], None, Some(6)), array![1, 5, 6]);
/// ```
pub fn clip<A: RealNumeric, S: Data<Elem = A>>(a: &ArrayBase<S>, min: Option<A>, max: Option<A>) -> Array<A> {
    match (min, max) {
        (Some(lo), Some(hi)) => map1_new(a, move |x| clip_both(x, lo, hi)),
        (Some(lo), None) => map1_new(a, move |x| clip_lo(x, lo)),
        (None, Some(hi)) => map1_new(a, move |x| clip_hi(x, hi)),
        (None, None) => map1_new(a, |x| x),
    }
}

/// NumPy's `np.clip(a, min, max)` with array bounds, broadcast together
/// with `a` (the result has the broadcast shape); `None` leaves a side open.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 5, 9], [2, 6, 10]];
/// let lo = array![[3], [0]];
/// let hi = array![4, 8, 8];
/// let c = numox::clip_array(&a, Some(lo.view()), Some(hi.view())).unwrap();
/// assert_eq!(c, array![[3, 5, 8], [2, 6, 8]]);
/// assert!(numox::clip_array(&a, Some(array![1, 2].view()), None).is_err());
/// ```
pub fn clip_array<A: RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    min: Option<ArrayView<'_, A>>,
    max: Option<ArrayView<'_, A>>,
) -> Result<Array<A>> {
    match (min, max) {
        (Some(lo), Some(hi)) => map3_op("clip", a, &lo, &hi, clip_both),
        (Some(lo), None) => map2_op("clip", a, &lo, clip_lo),
        (None, Some(hi)) => map2_op("clip", a, &hi, clip_hi),
        (None, None) => Ok(map1_new(a, |x| x)),
    }
}

impl<A: RealNumeric, S: Data<Elem = A>> ArrayBase<S> {
    /// The method form of [`clip`](fn@clip) (NumPy's `a.clip(min, max)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![-1, 4, 8].clip(Some(0), Some(5)), array![0, 4, 5]);
    /// ```
    pub fn clip(&self, min: Option<A>, max: Option<A>) -> Array<A> {
        clip(self, min, max)
    }
}
