//! Numerical routines of NumPy's `lib` package: histograms and binning,
//! finite differences, interpolation and integration on samples,
//! convolution, and the classic `poly*` polynomial functions.
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.histogram(a, bins, range)` | [`histogram`] (integer counts), [`histogram_with`] (`weights`, `density`) with [`Bins`] / [`BinEstimator`] |
//! | `np.histogram_bin_edges` | [`histogram_bin_edges`] |
//! | `np.histogram2d`, `np.histogramdd` | [`histogram2d`], [`histogramdd`] with [`DdBins`] |
//! | `np.bincount(x, weights, minlength)` | [`bincount`], [`bincount_weighted`] |
//! | `np.digitize(x, bins, right)` | [`digitize`] |
//! | `np.diff(a, n, axis, prepend, append)` | [`diff`], [`diff_with`] |
//! | `np.ediff1d(a, to_end, to_begin)` | [`ediff1d`] |
//! | `np.gradient(f, *varargs, axis, edge_order)` | [`gradient`] with [`Spacing`] |
//! | `np.interp(x, xp, fp, left, right, period)` | [`interp`] ([`interp_complex`] for complex `fp`) |
//! | `np.unwrap(p, discont, axis, period)` | [`unwrap`] |
//! | `np.trapezoid(y, x, dx, axis)` | [`trapezoid`] |
//! | `np.cross(a, b, axisa, axisb, axisc)` | [`cross`] |
//! | `np.vander(x, N, increasing)` | [`vander`] |
//! | `np.convolve`, `np.correlate` | [`convolve`], [`correlate`] with [`ConvolveMode`] |
//! | `np.polyfit`, `np.polyval`, `np.polyder`, `np.polyint`, `np.roots`, `np.poly` | [`polyfit`], [`polyval`], [`polyder`], [`polyint`], [`roots`], [`poly`] |
//!
//! ```
//! use numox::prelude::*;
//! let (counts, edges) = numox::histogram(&array![1.0, 2.0, 2.0, 4.0], numox::Bins::Count(3), None).unwrap();
//! assert_eq!(counts, array![1, 2, 1]);
//! assert_eq!(edges, array![1.0, 2.0, 3.0, 4.0]);
//! ```

mod convolve;
mod function_base;
mod histograms;
mod polynomial;

pub use convolve::{ConvolveMode, convolve, correlate};
pub use function_base::{
    Spacing, cross, diff, diff_with, ediff1d, gradient, interp, interp_complex, trapezoid, unwrap, vander,
};
pub use histograms::{
    BinEstimator, Bins, DdBins, bincount, bincount_weighted, digitize, histogram, histogram_bin_edges,
    histogram_with, histogram2d, histogramdd,
};
pub use polynomial::{PolyfitCov, PolyfitResult, poly, polyder, polyfit, polyint, polyval, roots};

use crate::array::{ArrayBase, Data};
use crate::element::{Element, Scalar};
use crate::error::{Error, Result};

/// The elements of `a` (C order) as `f64`; complex input is an error naming `op`.
pub(crate) fn to_f64_vec<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, op: &str) -> Result<Vec<f64>> {
    let mut out = Vec::new();
    out.try_reserve_exact(a.size()).map_err(|_| Error::TooBig {
        shape: a.shape().into(),
    })?;
    let conv = |x: &A| -> Result<f64> {
        match x.to_scalar() {
            Scalar::Bool(b) => Ok(f64::from(u8::from(b))),
            Scalar::Int(i) => Ok(i as f64),
            Scalar::UInt(u) => Ok(u as f64),
            Scalar::Float(f) => Ok(f),
            Scalar::Complex(_) => Err(Error::invalid(format!("{op}: complex input is not supported"))),
        }
    };
    if let Some(s) = a.as_slice() {
        for x in s {
            out.push(conv(x)?);
        }
    } else {
        for x in a.iter() {
            out.push(conv(x)?);
        }
    }
    Ok(out)
}

/// NumPy's pairwise sum of a contiguous run (blocks of up to 128 summed
/// with 8 accumulators, halves split on a multiple of 8): sums of a lane
/// match NumPy's `add.reduce` over a contiguous axis to the bit.
pub(crate) fn pairwise_sum<T: Copy + std::ops::Add<Output = T> + Default>(x: &[T]) -> T {
    let n = x.len();
    if n < 8 {
        // NumPy starts from -0.0 only for floats it sums with a zero identity; `0 + x` keeps x.
        let mut it = x.iter();
        match it.next() {
            None => T::default(),
            Some(&first) => it.fold(first, |s, &v| s + v),
        }
    } else if n <= 128 {
        let mut r = [x[0]; 8];
        r.copy_from_slice(&x[..8]);
        let mut i = 8;
        while i + 8 <= n {
            for k in 0..8 {
                r[k] = r[k] + x[i + k];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &v in &x[i..] {
            res = res + v;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(&x[..n2]) + pairwise_sum(&x[n2..])
    }
}

/// `a` with `axis` moved last, as C-order data, with the shape of the
/// other axes and the length of `axis`.
pub(crate) fn to_lanes<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: usize,
) -> Result<(Vec<A>, Vec<usize>, usize)> {
    let v = crate::moveaxis(a, axis as isize, -1)?;
    let n = a.shape()[axis];
    let mut outer = a.shape().to_vec();
    outer.remove(axis);
    Ok((crate::array::copy::try_to_vec(&v)?, outer, n))
}

/// The inverse of [`to_lanes`]: lanes of length `m` (C order over `outer`)
/// put back as axis `axis`.
pub(crate) fn from_lanes<A: Element>(
    data: Vec<A>,
    outer: &[usize],
    m: usize,
    axis: usize,
) -> Result<crate::Array<A>> {
    let mut shape = outer.to_vec();
    shape.push(m);
    let arr = crate::Array::from_shape_vec(&shape, data)?;
    if axis == outer.len() {
        return Ok(arr);
    }
    Ok(crate::moveaxis(&arr, -1, axis as isize)?.to_owned())
}

/// NumPy's `add.reduce` of a contiguous lane: the first element, plus the
/// pairwise sum of the rest (NumPy copies the first element into the
/// output, then runs its pairwise loop over the others).
pub(crate) fn np_sum<T: Copy + std::ops::Add<Output = T> + Default>(x: &[T]) -> T {
    match x.split_first() {
        None => T::default(),
        Some((&first, [])) => first,
        Some((&first, rest)) => first + pairwise_sum(rest),
    }
}

/// `Numeric`'s wrapping `add`/`mul` under names that do not clash with
/// `std::ops` (which `Numeric` also implies through `Zero`/`One`).
pub(crate) trait NumOps: crate::element::Numeric {
    /// Wrapping addition.
    fn nadd(self, o: Self) -> Self {
        crate::element::Numeric::add(self, o)
    }
    /// Wrapping multiplication.
    fn nmul(self, o: Self) -> Self {
        crate::element::Numeric::mul(self, o)
    }
}
impl<T: crate::element::Numeric> NumOps for T {}
