//! `median`, `percentile`, `quantile` and their NaN-ignoring forms
//! `nanmedian`, `nanpercentile`, `nanquantile` (NumPy's `_quantile`,
//! `_median` and `_nanquantile_1d`).
//!
//! For each `q` NumPy computes a *virtual index* into the sorted lane (a
//! formula per method, `_QuantileMethods`), the two neighbouring order
//! statistics and a weight `gamma`, and interpolates with `_lerp`:
//! `a + (b - a) * t` when `t < 0.5`, `b - (b - a) * (1 - t)` otherwise.
//! numox does the same arithmetic in the same order, so the results are
//! NumPy's bit for bit; the order statistics come from selection
//! (`select_nth_unstable`, as NumPy's `partition`), never a full sort.
//!
//! Result types: floats keep their type, integers give `f64` (the
//! [mean type](crate::SumElement)). Two documented differences from NumPy:
//! a `float32` input with an *array* `q` gives `float32` here (NumPy
//! promotes that case to `float64`; a scalar `q` stays `float32` in both),
//! and the non-interpolating methods (`lower`, `higher`, `nearest`,
//! `inverted_cdf`, `closest_observation`) on integers return the picked
//! integer as `f64` (NumPy keeps the integer type).

use super::lanes;
use crate::array::{Array, ArrayBase, Data};
use crate::element::RealNumeric;
use crate::error::{Error, Result};
use crate::reduce::axes::{Axes, out_shape};
use crate::reduce::elem::{Accum, SumElement, SumImpl};

type MeanOf<A> = <A as SumImpl>::Mean;

use rayon::prelude::*;
use std::cmp::Ordering;

/// NumPy's `method=` argument of `quantile`/`percentile` (Hyndman and Fan's
/// nine sample quantiles plus NumPy's four discrete ones). `Linear` is the
/// default.
///
/// ```
/// use numox::QuantileMethod;
/// assert_eq!(QuantileMethod::from_name("median_unbiased").unwrap(), QuantileMethod::MedianUnbiased);
/// assert_eq!(QuantileMethod::default().name(), "linear");
/// assert!(QuantileMethod::from_name("cubic").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuantileMethod {
    /// `inverted_cdf` (H&F 1): the smallest order statistic whose CDF reaches `q`.
    InvertedCdf,
    /// `averaged_inverted_cdf` (H&F 2).
    AveragedInvertedCdf,
    /// `closest_observation` (H&F 3).
    ClosestObservation,
    /// `interpolated_inverted_cdf` (H&F 4).
    InterpolatedInvertedCdf,
    /// `hazen` (H&F 5).
    Hazen,
    /// `weibull` (H&F 6).
    Weibull,
    /// `linear` (H&F 7, NumPy's default): index `(n - 1) * q`.
    #[default]
    Linear,
    /// `median_unbiased` (H&F 8).
    MedianUnbiased,
    /// `normal_unbiased` (H&F 9).
    NormalUnbiased,
    /// `lower`: the order statistic at `floor((n - 1) * q)`.
    Lower,
    /// `higher`: the order statistic at `ceil((n - 1) * q)`.
    Higher,
    /// `midpoint`: the mean of `lower` and `higher`.
    Midpoint,
    /// `nearest`: the order statistic at `(n - 1) * q` rounded half to even.
    Nearest,
}

impl QuantileMethod {
    /// Every method, in NumPy's order.
    ///
    /// ```
    /// assert_eq!(numox::QuantileMethod::ALL.len(), 13);
    /// ```
    pub const ALL: [QuantileMethod; 13] = [
        QuantileMethod::InvertedCdf,
        QuantileMethod::AveragedInvertedCdf,
        QuantileMethod::ClosestObservation,
        QuantileMethod::InterpolatedInvertedCdf,
        QuantileMethod::Hazen,
        QuantileMethod::Weibull,
        QuantileMethod::Linear,
        QuantileMethod::MedianUnbiased,
        QuantileMethod::NormalUnbiased,
        QuantileMethod::Lower,
        QuantileMethod::Higher,
        QuantileMethod::Midpoint,
        QuantileMethod::Nearest,
    ];

    /// NumPy's name of the method (`"linear"`, `"hazen"`, ...).
    ///
    /// ```
    /// assert_eq!(numox::QuantileMethod::InvertedCdf.name(), "inverted_cdf");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            QuantileMethod::InvertedCdf => "inverted_cdf",
            QuantileMethod::AveragedInvertedCdf => "averaged_inverted_cdf",
            QuantileMethod::ClosestObservation => "closest_observation",
            QuantileMethod::InterpolatedInvertedCdf => "interpolated_inverted_cdf",
            QuantileMethod::Hazen => "hazen",
            QuantileMethod::Weibull => "weibull",
            QuantileMethod::Linear => "linear",
            QuantileMethod::MedianUnbiased => "median_unbiased",
            QuantileMethod::NormalUnbiased => "normal_unbiased",
            QuantileMethod::Lower => "lower",
            QuantileMethod::Higher => "higher",
            QuantileMethod::Midpoint => "midpoint",
            QuantileMethod::Nearest => "nearest",
        }
    }

    /// The method NumPy calls `name`; an unknown name is an error (NumPy's `ValueError`).
    ///
    /// ```
    /// assert_eq!(numox::QuantileMethod::from_name("nearest").unwrap(), numox::QuantileMethod::Nearest);
    /// ```
    pub fn from_name(name: &str) -> Result<Self> {
        QuantileMethod::ALL
            .iter()
            .copied()
            .find(|m| m.name() == name)
            .ok_or_else(|| Error::invalid(format!("'{name}' is not a valid method")))
    }
}

/// The `q` argument: one probability (the result has no `q` axis) or an
/// array of them (the result's leading axes are `q`'s shape).
///
/// ```
/// use numox::QArg;
/// assert_eq!(QArg::from(0.5), QArg::Scalar(0.5));
/// assert!(matches!(QArg::from(&[0.25, 0.75][..]), QArg::Array(_)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum QArg {
    /// A scalar `q`.
    Scalar(f64),
    /// An array of `q`s.
    Array(Array<f64>),
}

impl From<f64> for QArg {
    fn from(q: f64) -> Self {
        QArg::Scalar(q)
    }
}
impl From<&[f64]> for QArg {
    fn from(q: &[f64]) -> Self {
        QArg::Array(Array::from_vec(q.to_vec()))
    }
}
impl From<Vec<f64>> for QArg {
    fn from(q: Vec<f64>) -> Self {
        QArg::Array(Array::from_vec(q))
    }
}
impl<const N: usize> From<[f64; N]> for QArg {
    fn from(q: [f64; N]) -> Self {
        QArg::Array(Array::from_vec(q.to_vec()))
    }
}
impl From<Array<f64>> for QArg {
    fn from(q: Array<f64>) -> Self {
        QArg::Array(q)
    }
}
impl From<&Array<f64>> for QArg {
    fn from(q: &Array<f64>) -> Self {
        QArg::Array(q.clone())
    }
}

impl QArg {
    fn parts(self) -> (Vec<f64>, Vec<usize>) {
        match self {
            QArg::Scalar(q) => (vec![q], vec![]),
            QArg::Array(a) => (a.to_vec(), a.shape().to_vec()),
        }
    }
}

/// Element types `quantile` and `median` accept (real numbers: integers
/// and floats; NumPy rejects complex input). Sealed.
pub trait QuantileElement: SumElement + RealNumeric {
    /// NumPy's `_lerp(a, b, t)` in NumPy's arithmetic for this type.
    #[doc(hidden)]
    fn lerp(a: Self, b: Self, t: f64) -> <Self as SumImpl>::Mean;
    /// NaN in the result type.
    #[doc(hidden)]
    fn mean_nan() -> <Self as SumImpl>::Mean;
}

impl QuantileElement for f64 {
    #[inline]
    fn lerp(a: f64, b: f64, t: f64) -> f64 {
        let d = b - a;
        if t >= 0.5 { b - d * (1.0 - t) } else { a + d * t }
    }
    fn mean_nan() -> f64 {
        f64::NAN
    }
}

impl QuantileElement for f32 {
    #[inline]
    fn lerp(a: f32, b: f32, t: f64) -> f32 {
        // NumPy 2 (NEP 50): a Python float operand takes float32's type,
        // `1 - t` is computed in Python (double) first.
        let d = b - a;
        if t >= 0.5 {
            b - d * ((1.0 - t) as f32)
        } else {
            a + d * (t as f32)
        }
    }
    fn mean_nan() -> f32 {
        f32::NAN
    }
}

macro_rules! quantile_int {
    ($($t:ty),*) => {$(
        impl QuantileElement for $t {
            #[inline]
            fn lerp(a: $t, b: $t, t: f64) -> f64 {
                // `b - a` in the integer type (wrapping, as NumPy's), then float64.
                let d = b.wrapping_sub(a) as f64;
                if t >= 0.5 { b as f64 - d * (1.0 - t) } else { a as f64 + d * t }
            }
            fn mean_nan() -> f64 {
                f64::NAN
            }
        }
    )*};
}
quantile_int!(i8, i16, i32, i64, u8, u16, u32, u64);

/// How one `q` is read off a sorted lane of length `n`.
#[derive(Clone, Copy, Debug)]
enum Pick {
    /// The order statistic at this index.
    At(usize),
    /// `_lerp(x[prev], x[next], gamma)`.
    Lerp(usize, usize, f64),
}

/// `n * q + (alpha + q * (1 - alpha - beta)) - 1` (`_compute_virtual_index`).
fn virtual_index(n: f64, q: f64, alpha: f64, beta: f64) -> f64 {
    n * q + (alpha + q * (1.0 - alpha - beta)) - 1.0
}

/// `_discrete_interpolation_to_boundaries`: `floor(index)` where `cond`
/// holds, else `floor(index) + 1`, clipped below at 0.
fn discrete(index: f64, n: usize, cond: impl Fn(f64, f64) -> bool) -> Pick {
    let prev = index.floor();
    let r = if cond(index - prev, index) {
        prev
    } else {
        prev + 1.0
    };
    Pick::At(if r < 0.0 { 0 } else { (r as usize).min(n - 1) })
}

/// NumPy's index/weight computation for one `q` on `n >= 1` values.
fn pick(method: QuantileMethod, n: usize, q: f64) -> Pick {
    use QuantileMethod as M;
    let nf = n as f64;
    let top = n - 1;
    let lin = (nf - 1.0) * q;
    let v = match method {
        M::InvertedCdf => return discrete(nf * q - 1.0, n, |g, _| g == 0.0),
        M::ClosestObservation => {
            return discrete(nf * q - 1.0 - 0.5, n, |g, i| {
                g == 0.0 && i.floor().rem_euclid(2.0) == 1.0
            });
        }
        M::Lower => return Pick::At((lin.floor() as usize).min(top)),
        M::Higher => return Pick::At((lin.ceil() as usize).min(top)),
        M::Nearest => return Pick::At((lin.round_ties_even() as usize).min(top)),
        M::AveragedInvertedCdf => nf * q - 1.0,
        M::InterpolatedInvertedCdf => virtual_index(nf, q, 0.0, 1.0),
        M::Hazen => virtual_index(nf, q, 0.5, 0.5),
        M::Weibull => virtual_index(nf, q, 0.0, 0.0),
        M::Linear => lin,
        M::MedianUnbiased => virtual_index(nf, q, 1.0 / 3.0, 1.0 / 3.0),
        M::NormalUnbiased => virtual_index(nf, q, 3.0 / 8.0, 3.0 / 8.0),
        M::Midpoint => 0.5 * (lin.floor() + lin.ceil()),
    };
    // `_get_indexes`: the neighbours of `v`, with NumPy's `-1` (the last
    // element) above the range and `0` below it; `gamma` is taken against
    // those replaced indexes, as NumPy does.
    let (prev_f, i0, i1) = if v < 0.0 {
        (0.0, 0, 0)
    } else if v >= nf - 1.0 {
        (-1.0, top, top)
    } else {
        let f = v.floor();
        (f, f as usize, f as usize + 1)
    };
    let mut gamma = v - prev_f;
    match method {
        M::AveragedInvertedCdf => gamma = if gamma == 0.0 { 0.5 } else { 1.0 },
        M::Midpoint => gamma = if v.rem_euclid(1.0) == 0.0 { 0.0 } else { 0.5 },
        _ => {}
    }
    Pick::Lerp(i0, i1, gamma)
}

#[inline]
fn cmp<A: PartialOrd>(a: &A, b: &A) -> Ordering {
    a.partial_cmp(b).unwrap_or(Ordering::Equal)
}

/// Partially sorts `v` (no NaN) so that each index in `ks` (ascending, no
/// duplicates) holds its order statistic.
fn select_many<A: PartialOrd + Copy>(v: &mut [A], ks: &[usize]) {
    let mut lo = 0;
    for &k in ks {
        if k < lo || k >= v.len() {
            continue;
        }
        v[lo..].select_nth_unstable_by(k - lo, cmp);
        lo = k + 1;
    }
}

/// What is computed per lane.
#[derive(Clone, Copy)]
enum Kind {
    Quantile(QuantileMethod),
    Median,
}

/// The results (one per `q`, or one median) of one lane, NaN-free or not.
fn lane_values<A: QuantileElement>(
    lane: &mut [A],
    qs: &[f64],
    kind: Kind,
    skip_nan: bool,
    out: &mut [MeanOf<A>],
) {
    let m = if skip_nan {
        // `_remove_nan_1d`: keep the non-NaN values.
        let mut w = 0;
        for i in 0..lane.len() {
            if !lane[i].is_nan_value() {
                lane[w] = lane[i];
                w += 1;
            }
        }
        w
    } else if lane.iter().any(|x| x.is_nan_value()) {
        // A NaN sorts last, so NumPy's result for the lane is NaN.
        out.iter_mut().for_each(|o| *o = A::mean_nan());
        return;
    } else {
        lane.len()
    };
    let v = &mut lane[..m];
    if m == 0 {
        out.iter_mut().for_each(|o| *o = A::mean_nan());
        return;
    }
    match kind {
        Kind::Median => {
            // NumPy's `_median`: the mean of the middle one or two values.
            let h = m / 2;
            if m % 2 == 1 {
                select_many(v, &[h]);
                out[0] = A::mean_div(v[h].to_mean_acc(), 1);
            } else {
                select_many(v, &[h - 1, h]);
                out[0] = A::mean_div(v[h - 1].to_mean_acc().add(v[h].to_mean_acc()), 2);
            }
        }
        Kind::Quantile(method) => {
            let picks: Vec<Pick> = qs.iter().map(|&q| pick(method, m, q)).collect();
            let mut ks: Vec<usize> = Vec::with_capacity(2 * picks.len());
            for p in &picks {
                match *p {
                    Pick::At(i) => ks.push(i),
                    Pick::Lerp(i, j, _) => ks.extend([i, j]),
                }
            }
            ks.sort_unstable();
            ks.dedup();
            select_many(v, &ks);
            for (o, p) in out.iter_mut().zip(&picks) {
                *o = match *p {
                    Pick::At(i) => A::mean_div(v[i].to_mean_acc(), 1),
                    Pick::Lerp(i, j, g) => A::lerp(v[i], v[j], g),
                };
            }
        }
    }
}

/// Lanes at least this long are worth a thread each.
const PAR_MIN: usize = 1 << 15;

/// The shared driver: regroup into lanes, compute each lane, lay the
/// results out as `q.shape + kept shape` (reduced axes as 1 with `keepdims`).
fn run<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    q: Option<(Vec<f64>, Vec<usize>)>,
    axis: Axes,
    keepdims: bool,
    kind: Kind,
    skip_nan: bool,
) -> Result<Array<MeanOf<A>>> {
    let red = axis.flags(a.ndim())?;
    let rshape = out_shape(a.shape(), &red, keepdims);
    if skip_nan && a.size() == 0 {
        // NumPy answers `np.nanmean(a, axis, keepdims=keepdims)` here (no `q` axes).
        return Array::from_elem(&rshape, A::mean_nan());
    }
    let (qs, qshape) = q.unwrap_or((vec![0.0], vec![]));
    let (mut data, n, kept) = lanes(a, &red)?;
    let nl: usize = kept.iter().product();
    if n == 0 && nl > 0 && !matches!(kind, Kind::Median) {
        return Err(Error::IndexOutOfBounds {
            index: -1,
            axis: 0,
            len: 0,
        });
    }
    let nq = qs.len();
    let mut per_lane = vec![A::mean_nan(); nl * nq];
    if n > 0 {
        if nl > 1 && n * nl >= PAR_MIN {
            let lanes: Vec<_> = data.chunks_mut(n).zip(per_lane.chunks_mut(nq)).collect();
            crate::parallel::for_each_item(lanes, &|_, (lane, o)| lane_values(lane, &qs, kind, skip_nan, o));
        } else {
            for (lane, o) in data.chunks_mut(n).zip(per_lane.chunks_mut(nq)) {
                lane_values(lane, &qs, kind, skip_nan, o);
            }
        }
    }
    // per_lane is [lane][q]; the result is [q][lane].
    let mut res = Vec::with_capacity(nl * nq);
    for qi in 0..nq {
        res.extend((0..nl).map(|l| per_lane[l * nq + qi]));
    }
    let mut shape = qshape;
    shape.extend_from_slice(&rshape);
    Array::from_shape_vec(&shape, res)
}

fn check_q(q: QArg, percent: bool) -> Result<(Vec<f64>, Vec<usize>)> {
    let (mut qs, shape) = q.parts();
    if percent {
        qs.iter_mut().for_each(|q| *q /= 100.0);
    }
    if qs.iter().all(|q| (0.0..=1.0).contains(q)) {
        Ok((qs, shape))
    } else if percent {
        Err(Error::invalid("Percentiles must be in the range [0, 100]"))
    } else {
        Err(Error::invalid("Quantiles must be in the range [0, 1]"))
    }
}

/// NumPy's `np.quantile(a, q, axis, method=method, keepdims=keepdims)`:
/// the `q`-th quantiles (`0 <= q <= 1`) over `axis`. The result has `q`'s
/// shape followed by the reduced shape. A lane containing NaN gives NaN;
/// an empty lane is an error (NumPy's `IndexError`); a `q` outside `[0, 1]`
/// is an error.
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
/// let q = numox::quantile(&a, 0.5, Axes::All, QuantileMethod::Linear, false).unwrap();
/// assert_eq!(q.into_scalar(), 3.5);
/// let q = numox::quantile(&a, [0.0, 1.0], 1, QuantileMethod::Lower, false).unwrap();
/// assert_eq!(q, array![[4.0, 1.0], [10.0, 3.0]]);
/// assert!(numox::quantile(&a, 1.5, 0, QuantileMethod::Linear, false).is_err());
/// ```
pub fn quantile<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    let q = check_q(q.into(), false)?;
    run(a, Some(q), axis.into(), keepdims, Kind::Quantile(method), false)
}

/// NumPy's `np.percentile`: [`quantile`] with `q` in percent (`q / 100`,
/// divided in `f64` as NumPy does).
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![1.0, 2.0, 3.0, 4.0];
/// let p = numox::percentile(&a, 50.0, Axes::All, QuantileMethod::Linear, false).unwrap();
/// assert_eq!(p.into_scalar(), 2.5);
/// assert!(numox::percentile(&a, 101.0, Axes::All, QuantileMethod::Linear, false).is_err());
/// ```
pub fn percentile<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    let q = check_q(q.into(), true)?;
    run(a, Some(q), axis.into(), keepdims, Kind::Quantile(method), false)
}

/// NumPy's `np.nanquantile`: [`quantile`] of each lane's non-NaN values.
/// An all-NaN lane gives NaN; an empty input gives NaN with the reduced
/// shape (NumPy answers `nanmean` there).
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![[1.0, f64::NAN, 3.0], [f64::NAN, f64::NAN, f64::NAN]];
/// let q = numox::nanquantile(&a, 0.5, 1, QuantileMethod::Linear, false).unwrap();
/// assert_eq!(q.get(&[0]), Some(&2.0));
/// assert!(q.get(&[1]).unwrap().is_nan());
/// ```
pub fn nanquantile<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    let q = check_q(q.into(), false)?;
    run(a, Some(q), axis.into(), keepdims, Kind::Quantile(method), true)
}

/// NumPy's `np.nanpercentile`: [`nanquantile`] with `q` in percent.
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![1.0, f64::NAN, 2.0, 3.0];
/// let p = numox::nanpercentile(&a, [0.0, 50.0], Axes::All, QuantileMethod::Linear, false).unwrap();
/// assert_eq!(p, array![1.0, 2.0]);
/// ```
pub fn nanpercentile<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    let q = check_q(q.into(), true)?;
    run(a, Some(q), axis.into(), keepdims, Kind::Quantile(method), true)
}

/// NumPy's `np.median(a, axis, keepdims=keepdims)`: the middle value, or
/// the mean of the two middle values, of each lane, in the mean type. A
/// lane containing NaN gives NaN; an empty lane gives NaN (NumPy warns).
///
/// ```
/// use numox::prelude::*;
/// use numox::Axes;
/// let a = array![[10, 7, 4], [3, 2, 1]];
/// assert_eq!(numox::median(&a, Axes::All, false).unwrap().into_scalar(), 3.5);
/// assert_eq!(numox::median(&a, 0, false).unwrap(), array![6.5, 4.5, 2.5]);
/// assert!(numox::median(&Array::<f64>::zeros(&[0]), Axes::All, false).unwrap().into_scalar().is_nan());
/// ```
pub fn median<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    run(a, None, axis.into(), keepdims, Kind::Median, false)
}

/// NumPy's `np.nanmedian`: [`median`] of each lane's non-NaN values
/// (all-NaN lane → NaN, as NumPy, which warns).
///
/// ```
/// use numox::prelude::*;
/// use numox::Axes;
/// let a = array![1.0, f64::NAN, 3.0, 4.0];
/// assert_eq!(numox::nanmedian(&a, Axes::All, false).unwrap().into_scalar(), 3.0);
/// ```
pub fn nanmedian<A: QuantileElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    run(a, None, axis.into(), keepdims, Kind::Median, true)
}

/// The weighted quantiles of one lane (`_quantile`'s weighted branch):
/// sort the values (NaN last), accumulate the weights in that order in
/// `f64`, normalise by the total, and pick for each `q` the first value
/// whose cumulative weight reaches `q` (`searchsorted(cdf, q, 'left')`,
/// with leading zero weights never picked).
fn weighted_lane<A: QuantileElement>(
    vals: &[A],
    wts: &[f64],
    qs: &[f64],
    skip_nan: bool,
    out: &mut [MeanOf<A>],
) -> Result<()> {
    let mut idx: Vec<usize> = (0..vals.len())
        .filter(|&i| !(skip_nan && vals[i].is_nan_value()))
        .collect();
    if idx.is_empty() {
        // `_nanquantile_1d` on an all-NaN lane (quantile's empty lanes were refused before).
        out.iter_mut().for_each(|o| *o = A::mean_nan());
        return Ok(());
    }
    idx.sort_by(|&i, &j| {
        let (x, y) = (vals[i], vals[j]);
        x.partial_cmp(&y)
            .unwrap_or_else(|| x.is_nan_value().cmp(&y.is_nan_value()))
    });
    let mut cdf = Vec::with_capacity(idx.len());
    let mut s = 0.0f64;
    for &i in &idx {
        s += wts[i];
        cdf.push(s);
    }
    cdf.iter_mut().for_each(|c| *c /= s);
    let m = idx.len();
    if cdf[m - 1].is_nan() {
        return Err(Error::invalid("Weights included NaN, inf or were all zero."));
    }
    if vals[idx[m - 1]].is_nan_value() {
        // A NaN sorts last; NumPy answers `arr[-1]`, the NaN, for the lane.
        out.iter_mut().for_each(|o| *o = A::mean_nan());
        return Ok(());
    }
    cdf.iter_mut().filter(|c| **c == 0.0).for_each(|c| *c = -1.0);
    for (o, &q) in out.iter_mut().zip(qs) {
        let k = cdf.partition_point(|&c| c < q).min(m - 1);
        *o = A::mean_div(vals[idx[k]].to_mean_acc(), 1);
    }
    Ok(())
}

/// The weights as one value per element of each lane: either a full
/// array of `a`'s shape (laid out as [`lanes`] lays out `a`), or one
/// lane's worth shared by every lane (NumPy's `_weights_are_valid`).
enum LaneWeights {
    Full(Vec<f64>),
    Shared(Vec<f64>),
}

fn lane_weights<A: Copy, S: Data<Elem = A>, SW: Data<Elem = f64>>(
    a: &ArrayBase<S>,
    w: &ArrayBase<SW>,
    axis: &Axes,
    red: &[bool],
) -> Result<LaneWeights> {
    let lw = if w.shape() == a.shape() {
        LaneWeights::Full(lanes(w, red)?.0)
    } else {
        let axes: Vec<usize> = match axis {
            Axes::All => {
                return Err(Error::invalid(
                    "Axis must be specified when shapes of a and weights differ.",
                ));
            }
            Axes::One(ax) => vec![crate::error::normalize_axis(*ax, a.ndim())?],
            Axes::Many(v) => v
                .iter()
                .map(|&ax| crate::error::normalize_axis(ax, a.ndim()))
                .collect::<Result<_>>()?,
        };
        let want: Vec<usize> = axes.iter().map(|&ax| a.shape()[ax]).collect();
        if w.shape() != want.as_slice() {
            return Err(Error::invalid(
                "Shape of weights must be consistent with shape of a along specified axis.",
            ));
        }
        // Weights' axes follow `axis`'s order; a lane runs over the reduced
        // axes in ascending order.
        let mut perm: Vec<isize> = (0..axes.len() as isize).collect();
        perm.sort_by_key(|&i| axes[i as usize]);
        LaneWeights::Shared(w.view().permuted_axes(&perm)?.to_vec())
    };
    let all = match &lw {
        LaneWeights::Full(v) | LaneWeights::Shared(v) => v,
    };
    if all.iter().any(|&x| x < 0.0) {
        return Err(Error::invalid("Weights must be non-negative."));
    }
    Ok(lw)
}

/// The weighted driver behind [`quantile_weighted`] and its relatives.
fn run_weighted<A: QuantileElement, S: Data<Elem = A>, SW: Data<Elem = f64>>(
    a: &ArrayBase<S>,
    (qs, qshape): (Vec<f64>, Vec<usize>),
    axis: Axes,
    weights: &ArrayBase<SW>,
    method: QuantileMethod,
    keepdims: bool,
    skip_nan: bool,
) -> Result<Array<MeanOf<A>>> {
    if method != QuantileMethod::InvertedCdf {
        return Err(Error::invalid(format!(
            "Only method 'inverted_cdf' supports weights. Got: {}.",
            method.name()
        )));
    }
    let red = axis.flags(a.ndim())?;
    let lw = lane_weights(a, weights, &axis, &red)?;
    let rshape = out_shape(a.shape(), &red, keepdims);
    if skip_nan && a.size() == 0 {
        return Array::from_elem(&rshape, A::mean_nan());
    }
    let (data, n, kept) = lanes(a, &red)?;
    let nl: usize = kept.iter().product();
    if n == 0 && nl > 0 {
        return Err(Error::IndexOutOfBounds {
            index: -1,
            axis: 0,
            len: 0,
        });
    }
    let nq = qs.len();
    let mut per_lane = vec![A::mean_nan(); nl * nq];
    if n > 0 {
        let one = |(l, (lane, o)): (usize, (&[A], &mut [MeanOf<A>]))| {
            let w = match &lw {
                LaneWeights::Full(v) => &v[l * n..(l + 1) * n],
                LaneWeights::Shared(v) => &v[..],
            };
            weighted_lane(lane, w, &qs, skip_nan, o)
        };
        if nl > 1 && n * nl >= PAR_MIN {
            data.par_chunks(n)
                .zip(per_lane.par_chunks_mut(nq))
                .enumerate()
                .try_for_each(one)?;
        } else {
            data.chunks(n)
                .zip(per_lane.chunks_mut(nq))
                .enumerate()
                .try_for_each(one)?;
        }
    }
    let mut res = Vec::with_capacity(nl * nq);
    for qi in 0..nq {
        res.extend((0..nl).map(|l| per_lane[l * nq + qi]));
    }
    let mut shape = qshape;
    shape.extend_from_slice(&rshape);
    Array::from_shape_vec(&shape, res)
}

/// NumPy's `np.quantile(a, q, axis, method=method, keepdims=keepdims,
/// weights=weights)`. NumPy supports weights with
/// [`QuantileMethod::InvertedCdf`] only; any other method is an error, as
/// in NumPy. `weights` has `a`'s shape, or the shape of the reduced axes
/// in `axis`'s order (then `axis` must be given) and is shared by every
/// lane. The answer for each `q` is the smallest value whose normalised
/// cumulative weight reaches `q`. Errors: a negative weight; a lane whose
/// weights are all zero or include NaN or inf; mismatched shapes. A lane
/// containing NaN gives NaN.
///
/// The result has the mean type, as [`quantile`]'s (integers give `f64`;
/// NumPy keeps the integer type).
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![[1.0, 2.0, 3.0, 4.0], [8.0, 7.0, 6.0, 5.0]];
/// let w = array![1.0, 1.0, 1.0, 5.0];
/// let q = numox::quantile_weighted(&a, 0.5, 1, &w, QuantileMethod::InvertedCdf, false).unwrap();
/// assert_eq!(q, array![4.0, 5.0]);
/// assert!(numox::quantile_weighted(&a, 0.5, 1, &w, QuantileMethod::Linear, false).is_err());
/// assert!(numox::quantile_weighted(&a, 0.5, Axes::All, &w, QuantileMethod::InvertedCdf, false).is_err());
/// ```
pub fn quantile_weighted<A, S, SW>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    weights: &ArrayBase<SW>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>>
where
    A: QuantileElement,
    S: Data<Elem = A>,
    SW: Data<Elem = f64>,
{
    let q = check_q(q.into(), false)?;
    run_weighted(a, q, axis.into(), weights, method, keepdims, false)
}

/// NumPy's `np.percentile(..., weights=weights)`: [`quantile_weighted`]
/// with `q` in percent.
///
/// ```
/// use numox::prelude::*;
/// use numox::QuantileMethod;
/// let a = array![10.0, 20.0, 30.0];
/// let w = array![3.0, 1.0, 0.0];
/// let p = numox::percentile_weighted(&a, [50.0, 75.0, 100.0], 0, &w, QuantileMethod::InvertedCdf, false).unwrap();
/// assert_eq!(p, array![10.0, 10.0, 20.0]);
/// ```
pub fn percentile_weighted<A, S, SW>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    weights: &ArrayBase<SW>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>>
where
    A: QuantileElement,
    S: Data<Elem = A>,
    SW: Data<Elem = f64>,
{
    let q = check_q(q.into(), true)?;
    run_weighted(a, q, axis.into(), weights, method, keepdims, false)
}

/// NumPy's `np.nanquantile(..., weights=weights)`: [`quantile_weighted`]
/// of each lane's non-NaN values and their weights. An all-NaN lane gives
/// NaN; a lane whose remaining weights are all zero is an error.
///
/// One difference: NumPy 2.4 raises `IndexError` for weights of the
/// reduced axes' shape with `axis` on an input of two or more dimensions
/// (its per-lane loop indexes the broadcast weights); numox shares those
/// weights across the lanes, as [`quantile_weighted`] does.
///
/// ```
/// use numox::prelude::*;
/// use numox::QuantileMethod;
/// let a = array![1.0, f64::NAN, 3.0, 4.0];
/// let w = array![1.0, 9.0, 1.0, 2.0];
/// let q = numox::nanquantile_weighted(&a, [0.5, 0.6], 0, &w, QuantileMethod::InvertedCdf, false).unwrap();
/// assert_eq!(q, array![3.0, 4.0]);
/// ```
pub fn nanquantile_weighted<A, S, SW>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    weights: &ArrayBase<SW>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>>
where
    A: QuantileElement,
    S: Data<Elem = A>,
    SW: Data<Elem = f64>,
{
    let q = check_q(q.into(), false)?;
    run_weighted(a, q, axis.into(), weights, method, keepdims, true)
}

/// NumPy's `np.nanpercentile(..., weights=weights)`:
/// [`nanquantile_weighted`] with `q` in percent.
///
/// ```
/// use numox::prelude::*;
/// use numox::{Axes, QuantileMethod};
/// let a = array![f64::NAN, 2.0, 1.0];
/// let w = array![1.0, 1.0, 3.0];
/// let p = numox::nanpercentile_weighted(&a, 80.0, Axes::All, &w, QuantileMethod::InvertedCdf, false).unwrap();
/// assert_eq!(p.into_scalar(), 2.0);
/// ```
pub fn nanpercentile_weighted<A, S, SW>(
    a: &ArrayBase<S>,
    q: impl Into<QArg>,
    axis: impl Into<Axes>,
    weights: &ArrayBase<SW>,
    method: QuantileMethod,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>>
where
    A: QuantileElement,
    S: Data<Elem = A>,
    SW: Data<Elem = f64>,
{
    let q = check_q(q.into(), true)?;
    run_weighted(a, q, axis.into(), weights, method, keepdims, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn lerp_branches_match_numpy_formula() {
        // t < 0.5 uses a + (b - a) t; t >= 0.5 uses b - (b - a)(1 - t).
        assert_eq!(f64::lerp(1.0, 2.0, 0.25), 1.25);
        assert_eq!(f64::lerp(1.0, 2.0, 0.75), 1.75);
        assert!(f64::lerp(1.0, f64::INFINITY, 0.0).is_nan());
        assert_eq!(i8::lerp(-100, 100, 0.5), 100.0 - (-56.0) * 0.5);
    }

    #[test]
    fn picks_at_the_bounds() {
        assert!(matches!(
            pick(QuantileMethod::Linear, 1, 0.5),
            Pick::Lerp(0, 0, _)
        ));
        assert!(matches!(pick(QuantileMethod::InvertedCdf, 4, 0.0), Pick::At(0)));
        assert!(matches!(pick(QuantileMethod::Nearest, 4, 0.5), Pick::At(2)));
        assert!(matches!(pick(QuantileMethod::Hazen, 3, 0.0), Pick::Lerp(0, 0, g) if g < 0.0));
    }

    #[test]
    fn nan_and_empty() {
        let a = array![1.0, f64::NAN, 2.0];
        assert!(median(&a, Axes::All, false).unwrap().into_scalar().is_nan());
        assert_eq!(nanmedian(&a, Axes::All, false).unwrap().into_scalar(), 1.5);
        let e = Array::<f64>::zeros(&[0]);
        assert!(quantile(&e, 0.5, Axes::All, QuantileMethod::Linear, false).is_err());
        assert!(
            nanquantile(&e, 0.5, Axes::All, QuantileMethod::Linear, false)
                .unwrap()
                .into_scalar()
                .is_nan()
        );
    }

    #[test]
    fn weighted_picks_first_value_reaching_q() {
        let a = array![3.0, 1.0, 2.0];
        let m = QuantileMethod::InvertedCdf;
        // sorted 1, 2, 3 with weights 0, 2, 2: cdf -1 (was 0), 0.5, 1.
        let w = array![2.0, 0.0, 2.0];
        let r = quantile_weighted(&a, [0.0, 0.5, 0.51, 1.0], 0, &w, m, false).unwrap();
        assert_eq!(r, array![2.0, 2.0, 3.0, 3.0]);
        assert!(quantile_weighted(&a, 0.5, 0, &array![1.0, -1.0, 1.0], m, false).is_err());
        assert!(quantile_weighted(&a, 0.5, 0, &array![0.0, 0.0, 0.0], m, false).is_err());
        assert!(quantile_weighted(&a, 0.5, 0, &array![1.0, 1.0], m, false).is_err());
        let n = array![1.0, f64::NAN];
        let w2 = array![1.0, 1.0];
        assert!(
            quantile_weighted(&n, 0.5, 0, &w2, m, false)
                .unwrap()
                .into_scalar()
                .is_nan()
        );
        assert_eq!(
            nanquantile_weighted(&n, 0.5, 0, &w2, m, false)
                .unwrap()
                .into_scalar(),
            1.0
        );
        assert!(nanquantile_weighted(&n, 0.5, 0, &array![0.0, 1.0], m, false).is_err());
    }
}
