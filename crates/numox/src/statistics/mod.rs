//! Statistics: NumPy's NaN-ignoring reductions (`nansum`, `nanmean`,
//! `nanvar`, ..., from `numpy/lib/_nanfunctions_impl.py`), order statistics
//! (`median`, `percentile`, `quantile` and their NaN-ignoring forms, with
//! all thirteen of NumPy's quantile methods), `average`, `cov` and
//! `corrcoef` (`numpy/lib/_function_base_impl.py`).
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.nansum(a, axis, keepdims=k)` | [`nansum(&a, axis, k)`](nansum) (also [`nanprod`], [`nancumsum`], [`nancumprod`]) |
//! | `np.nanmean`, `np.nanvar(ddof=d)`, `np.nanstd` | [`nanmean`], [`nanvar`], [`nanstd`] |
//! | `np.nanmin`, `np.nanmax`, `np.nanargmin`, `np.nanargmax` | [`nanmin`], [`nanmax`], [`nanargmin`], [`nanargmax`] |
//! | `np.median`, `np.nanmedian` | [`median`], [`nanmedian`] |
//! | `np.quantile(a, q, axis, method=m, keepdims=k)` | [`quantile(&a, q, axis, m, k)`](quantile()) (also [`percentile`], [`nanquantile`], [`nanpercentile`]) |
//! | `np.quantile(a, q, axis, method='inverted_cdf', weights=w)` | [`quantile_weighted(&a, q, axis, &w, m, k)`](quantile_weighted) (also [`percentile_weighted`], [`nanquantile_weighted`], [`nanpercentile_weighted`]) |
//! | `np.average(a, axis, weights, returned=True)` | [`average()`], [`average_returned`] |
//! | `np.cov`, `np.corrcoef` | [`cov()`], [`corrcoef`] |
//!
//! The numbers are NumPy's: `nansum`/`nanmean`/`nanvar` add in NumPy's
//! pairwise order over the NaN-replaced copy NumPy makes (without making
//! it), and the quantiles use NumPy's virtual indexes and its two-sided
//! linear interpolation (`_lerp`), with selection instead of sorting.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, f64::NAN, 3.0], [4.0, 5.0, 6.0]];
//! assert_eq!(numox::nansum(&a, numox::Axes::All, false).unwrap().into_scalar(), 19.0);
//! assert_eq!(numox::nanmean(&a, 1, false).unwrap(), array![2.0, 5.0]);
//! let m = numox::median(&array![3.0, 1.0, 2.0, 10.0], numox::Axes::All, false).unwrap();
//! assert_eq!(m.into_scalar(), 2.5);
//! ```

pub mod average;
pub mod cov;
pub mod nanfunctions;
pub mod quantile;

pub use average::{average, average_returned};
pub use cov::{CovOptions, corrcoef, cov};
pub use nanfunctions::{
    nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar,
};
pub use quantile::{
    QArg, QuantileElement, QuantileMethod, median, nanmedian, nanpercentile, nanpercentile_weighted,
    nanquantile, nanquantile_weighted, percentile, percentile_weighted, quantile, quantile_weighted,
};

use crate::array::shape::Shape;
use crate::array::{ArrayBase, Data};
use crate::error::Result;

/// The elements of `a` regrouped as lanes: one row per result element (the
/// kept axes in C order), each row the elements of the reduced axes (in C
/// order). Returns the rows as one C-ordered buffer, the row length, and
/// the kept shape.
pub(crate) fn lanes<A: Copy, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
) -> Result<(Vec<A>, usize, Shape)> {
    let kept: Vec<isize> = (0..a.ndim()).filter(|&i| !red[i]).map(|i| i as isize).collect();
    let rest: Vec<isize> = (0..a.ndim()).filter(|&i| red[i]).map(|i| i as isize).collect();
    let kept_shape: Shape = kept.iter().map(|&i| a.shape()[i as usize]).collect();
    let n: usize = rest.iter().map(|&i| a.shape()[i as usize]).product();
    let perm: Vec<isize> = kept.iter().chain(&rest).copied().collect();
    let v = a.view().permuted_axes(&perm)?;
    Ok((v.to_vec(), n, kept_shape))
}
