//! NumPy's `histogram`, `histogram_bin_edges`, `histogram2d`,
//! `histogramdd`, `bincount` and `digitize`.
//!
//! Values are binned in `f64` (integer input is converted, as NumPy
//! converts it to its float bin type). Equal-width bins use NumPy's exact
//! rule: the bin index is computed as `((x - first) / (last - first)) * n`,
//! truncated, then corrected against the actual edges, so values on an edge
//! land where NumPy puts them; the last bin includes its right edge.
//!
//! `float32` input is binned as NumPy bins it, in `float32`: the edges are
//! `float32` values (returned as `f64`, exactly), computed in `float32`
//! from the data's min and max, or in `f64` and rounded when `range` is
//! given; the bin index is computed in `float32` (`(x - first) / (last -
//! first) * n`) without `range`, and as `float32(x - first) / (last -
//! first) * n` in `f64` with it (NumPy's promotion of the `range` floats).
//! Values within rounding of an edge therefore land in the same bin as in
//! NumPy, which an `f64` computation would not guarantee. The bin-width
//! estimators follow NumPy's arithmetic for `float32` data too (`ptp`,
//! `std`, `mean` in `float32`; the `rice`, `scott` and `stone` widths are
//! `float32` scalars, and `delta / width` is a `float32` division when both
//! are), so the number of bins is NumPy's where `delta / width` is within
//! rounding of an integer. Integer data get a width of at least 1, as in
//! NumPy. [`histogram2d`] and [`histogramdd`] of `float32` samples use
//! `float32` edges (NumPy's `linspace` of the `float32` min and max) when
//! no `range` is given.
//!
//! Equal-width counting is vector code on all threads: the bin of each value
//! is estimated, then corrected against the edges recomputed in registers
//! (see `uniform_index`); per-chunk integer counts are added at the end, so
//! the thread count cannot change a result.

use super::{np_sum, to_f64_vec};
use crate::array::{Array, ArrayBase, Data};
use crate::element::Element;
use crate::error::{Error, Result};
use crate::sorting::{SortElement, searchsorted};
use crate::umath::engine::{Isa, isa, simd_map};
use rayon::prelude::*;
use std::any::TypeId;
use std::borrow::Cow;

/// NumPy's block size in `histogram`: weights are summed per block of this
/// many values, and blocks are added in order (we do the same, so weighted
/// counts have NumPy's rounding).
const BLOCK: usize = 65536;

/// A rule choosing the bin width from the data (NumPy's string `bins`).
///
/// ```
/// use numox::prelude::*;
/// use numox::{BinEstimator, Bins};
/// let e = numox::histogram_bin_edges(&array![0.0, 1.0, 2.0, 3.0], &Bins::Estimator(BinEstimator::Sqrt), None).unwrap();
/// assert_eq!(e, array![0.0, 1.5, 3.0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinEstimator {
    /// `"auto"`: the smaller of the `sturges` width and the `fd` width (at least half the `sqrt` width).
    Auto,
    /// `"fd"`: Freedman–Diaconis, `2 IQR n^(-1/3)`.
    Fd,
    /// `"doane"`: Sturges corrected for skewness.
    Doane,
    /// `"scott"`: `(24 sqrt(pi) / n)^(1/3) std`.
    Scott,
    /// `"stone"`: minimises Stone's leave-one-out cross-validation estimate (1 to `max(100, sqrt n)` bins).
    Stone,
    /// `"rice"`: `ptp / (2 n^(1/3))`.
    Rice,
    /// `"sturges"`: `ptp / (log2 n + 1)`.
    Sturges,
    /// `"sqrt"`: `ptp / sqrt n`.
    Sqrt,
}

/// The `bins` argument of [`histogram`]: a number of equal-width bins, the
/// edges themselves (non-decreasing), or an estimator.
///
/// ```
/// use numox::prelude::*;
/// use numox::Bins;
/// let (c, _) = numox::histogram(&array![0.5, 1.5, 2.0], Bins::Edges(vec![0.0, 1.0, 2.0]), None).unwrap();
/// assert_eq!(c, array![1, 2]); // the last bin includes its right edge
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Bins {
    /// `bins=n`: `n` equal-width bins over the range.
    Count(usize),
    /// `bins=[e0, e1, ...]`: explicit edges.
    Edges(Vec<f64>),
    /// `bins="auto"`, `"fd"`, ...
    Estimator(BinEstimator),
}

/// The edges and, for equal-width bins, `(first, last, n)`.
type BinEdges = (Vec<f64>, Option<(f64, f64, usize)>);

/// The values of `a` as `f64`: borrowed when `a` is a C-ordered `f64`
/// array, converted otherwise.
fn f64_input<'a, A: Element, S: Data<Elem = A>>(a: &'a ArrayBase<S>, op: &str) -> Result<Cow<'a, [f64]>> {
    if TypeId::of::<A>() == TypeId::of::<f64>()
        && let Some(s) = a.as_slice()
    {
        // SAFETY: `A` is `f64` (same `TypeId`), so this reinterprets the
        // slice as itself.
        return Ok(Cow::Borrowed(unsafe {
            std::slice::from_raw_parts(s.as_ptr().cast::<f64>(), s.len())
        }));
    }
    Ok(Cow::Owned(to_f64_vec(a, op)?))
}

/// `(min, max)` of `c` and whether it may hold a NaN, in selects that
/// vectorise (eight lanes): `x < lo` is false for NaN, so a NaN never
/// enters `lo`/`hi`; `x * 0` is NaN for NaN and ±inf, so a NaN `probe`
/// says "look for NaN" (exactly, in [`min_max`]).
#[inline(always)]
fn min_max_lanes(c: &[f64]) -> (f64, f64, bool) {
    const L: usize = 8;
    let mut lo = [f64::INFINITY; L];
    let mut hi = [f64::NEG_INFINITY; L];
    let mut probe = [0.0f64; L];
    let mut it = c.chunks_exact(L);
    for ch in &mut it {
        for k in 0..L {
            let x = ch[k];
            lo[k] = if x < lo[k] { x } else { lo[k] };
            hi[k] = if x > hi[k] { x } else { hi[k] };
            probe[k] += x * 0.0;
        }
    }
    let (mut l, mut h, mut p) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
    for &x in it.remainder() {
        l = if x < l { x } else { l };
        h = if x > h { x } else { h };
        p += x * 0.0;
    }
    for k in 0..L {
        l = if lo[k] < l { lo[k] } else { l };
        h = if hi[k] > h { hi[k] } else { h };
        p += probe[k];
    }
    (l, h, p.is_nan())
}

/// [`min_max_lanes`] compiled for AVX-512.
///
/// # Safety
/// The CPU must support AVX-512 F/DQ/VL/BW.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,bmi2")]
unsafe fn min_max_avx512(c: &[f64]) -> (f64, f64, bool) {
    min_max_lanes(c)
}

/// [`min_max_lanes`] compiled for AVX2.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,bmi2")]
unsafe fn min_max_avx2(c: &[f64]) -> (f64, f64, bool) {
    min_max_lanes(c)
}

/// One chunk's `(min, max, has NaN)`.
fn min_max_part(c: &[f64]) -> (f64, f64, bool) {
    let (lo, hi, maybe_nan) = match isa() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX-512 F/DQ/VL/BW, FMA and BMI2.
        Isa::Avx512 => unsafe { min_max_avx512(c) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX2, FMA and BMI2.
        Isa::Avx2 => unsafe { min_max_avx2(c) },
        _ => min_max_lanes(c),
    };
    (lo, hi, maybe_nan && c.iter().any(|x| x.is_nan()))
}

/// NumPy's `(a.min(), a.max())`: NaN for both when `a` holds a NaN; on all
/// threads for large inputs (min and max are exact, so the thread count
/// does not matter).
fn min_max(a: &[f64]) -> (f64, f64) {
    let join = |p: (f64, f64, bool), q: (f64, f64, bool)| (p.0.min(q.0), p.1.max(q.1), p.2 | q.2);
    let (lo, hi, nan) = if a.len() >= 4 * BLOCK {
        a.par_chunks(4 * BLOCK)
            .map(min_max_part)
            .reduce(|| min_max_part(&[]), join)
    } else {
        min_max_part(a)
    };
    if nan { (f64::NAN, f64::NAN) } else { (lo, hi) }
}

fn outer_edges(a: &[f64], range: Option<(f64, f64)>) -> Result<(f64, f64)> {
    let (mut first, mut last) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(Error::invalid("max must be larger than min in range parameter."));
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::invalid(format!(
                    "supplied range of [{lo}, {hi}] is not finite"
                )));
            }
            (lo, hi)
        }
        None if a.is_empty() => (0.0, 1.0),
        None => {
            let (lo, hi) = min_max(a);
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::invalid(format!(
                    "autodetected range of [{lo}, {hi}] is not finite"
                )));
            }
            (lo, hi)
        }
    };
    if first == last {
        first -= 0.5;
        last += 0.5;
    }
    Ok((first, last))
}

/// `np.ptp` in the data's own precision.
fn ptp<F: num_traits::Float>(x: &[F]) -> F {
    let (lo, hi) = x.iter().fold((F::infinity(), F::neg_infinity()), |(lo, hi), &v| {
        (lo.min(v), hi.max(v))
    });
    hi - lo
}

/// `np.mean` in the data's own precision: a pairwise sum over `n` (as `F`).
fn mean<F: num_traits::Float + Default>(x: &[F]) -> F {
    np_sum(x) / F::from(x.len()).expect("a length is representable")
}

/// `np.std` (ddof 0) in the data's own precision, as NumPy's `_var`.
fn std<F: num_traits::Float + Default>(x: &[F]) -> F {
    let m = mean(x);
    let sq: Vec<F> = x
        .iter()
        .map(|&v| {
            let d = v - m;
            d * d
        })
        .collect();
    (np_sum(&sq) / F::from(x.len()).expect("a length is representable")).sqrt()
}

/// NumPy's linear-method percentile of sorted data at `q` in `[0, 1]`.
fn quantile_sorted(s: &[f64], q: f64) -> f64 {
    let vi = q * (s.len() - 1) as f64;
    let lo = vi.floor();
    let t = vi - lo;
    let i = lo as usize;
    let a = s[i];
    let b = s[(i + 1).min(s.len() - 1)];
    let d = b - a;
    if t >= 0.5 { b - d * (1.0 - t) } else { a + d * t }
}

fn width_fd(x: &[f64]) -> f64 {
    let mut s = x.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let iqr = quantile_sorted(&s, 0.75) - quantile_sorted(&s, 0.25);
    2.0 * iqr * (x.len() as f64).powf(-1.0 / 3.0)
}

fn width_sturges(x: &[f64]) -> f64 {
    ptp(x) / ((x.len() as f64).log2() + 1.0)
}

fn width_sqrt(x: &[f64]) -> f64 {
    ptp(x) / (x.len() as f64).sqrt()
}

fn width_stone(x: &[f64], range: (f64, f64)) -> Result<f64> {
    let n = x.len();
    let p = ptp(x);
    if n <= 1 || p == 0.0 {
        return Ok(0.0);
    }
    let upper = 100usize.max((n as f64).sqrt() as usize);
    let mut best = (f64::INFINITY, 1usize);
    for nbins in 1..=upper {
        let hh = p / nbins as f64;
        let (edges, uni) = edges_of(x, &Bins::Count(nbins), Some(range), false)?;
        let counts = count_uniform_or_edges(x, &edges, uni);
        let pk: Vec<f64> = counts.iter().map(|&c| c as f64 / n as f64).collect();
        let dot = dot_numpy(&pk);
        let j = (2.0 - (n as f64 + 1.0) * dot) / hh;
        // `min` keeps the first of equal values; NaN never wins over a number.
        if j < best.0 {
            best = (j, nbins);
        }
    }
    Ok(p / best.1 as f64)
}

/// `p.dot(p)` as NumPy's BLAS computes it for short vectors (sequential sum).
fn dot_numpy(p: &[f64]) -> f64 {
    p.iter().fold(0.0, |s, &v| s + v * v)
}

fn width_doane(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    if x.len() > 2 {
        let sg1 = (6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0))).sqrt();
        let sigma = std(x);
        if sigma > 0.0 {
            let m = mean(x);
            let t: Vec<f64> = x
                .iter()
                .map(|&v| {
                    let z = (v - m) / sigma;
                    z * z * z
                })
                .collect();
            let g1 = mean(&t);
            return ptp(x) / (1.0 + n.log2() + (1.0 + g1.abs() / sg1).log2());
        }
    }
    0.0
}

fn width_of(est: BinEstimator, x: &[f64], range: (f64, f64)) -> Result<f64> {
    let n = x.len() as f64;
    Ok(match est {
        BinEstimator::Sqrt => width_sqrt(x),
        BinEstimator::Sturges => width_sturges(x),
        BinEstimator::Rice => ptp(x) / (2.0 * n.powf(1.0 / 3.0)),
        BinEstimator::Scott => (24.0 * std::f64::consts::PI.sqrt() / n).powf(1.0 / 3.0) * std(x),
        BinEstimator::Stone => width_stone(x, range)?,
        BinEstimator::Doane => width_doane(x),
        BinEstimator::Fd => width_fd(x),
        BinEstimator::Auto => {
            let fd = width_fd(x).max(width_sqrt(x) / 2.0);
            fd.min(width_sturges(x))
        }
    })
}

/// NumPy's `linspace(first, last, n + 1)`, evaluated in the input's float
/// type (`f64`, or `f32` for float32 input as NumPy does).
fn linspace_edges<T: num_traits::Float>(first: T, last: T, n: usize) -> Vec<T> {
    // `usize -> f32/f64` by `NumCast` rounds to nearest, as `as` does.
    let float = |i: usize| T::from(i).unwrap_or_else(|| unreachable!("every usize converts to a float"));
    let div = float(n);
    let delta = last - first;
    let step = delta / div;
    let mut v: Vec<T> = (0..=n)
        .map(|i| {
            if step == T::zero() {
                (float(i) / div) * delta + first
            } else {
                float(i) * step + first
            }
        })
        .collect();
    v[n] = last;
    v
}

/// `int_input`: the data are integers (or booleans, which NumPy converts
/// to `uint8`), where an estimated width below 1 becomes 1.
fn edges_of(a: &[f64], bins: &Bins, range: Option<(f64, f64)>, int_input: bool) -> Result<BinEdges> {
    let n = match bins {
        Bins::Edges(e) => {
            if e.windows(2).any(|w| w[0] > w[1]) {
                return Err(Error::invalid(
                    "`bins` must increase monotonically, when an array",
                ));
            }
            return Ok((e.clone(), None));
        }
        Bins::Count(n) => {
            if *n < 1 {
                return Err(Error::invalid("`bins` must be positive, when an integer"));
            }
            *n
        }
        Bins::Estimator(est) => {
            let (first, last) = outer_edges(a, range)?;
            let kept: Vec<f64>;
            let x = if range.is_some() {
                kept = a.iter().copied().filter(|&v| v >= first && v <= last).collect();
                &kept[..]
            } else {
                a
            };
            if x.is_empty() {
                1
            } else {
                let w = width_of(*est, x, (first, last))?;
                let w = if int_input && w != 0.0 && w < 1.0 { 1.0 } else { w };
                if w != 0.0 {
                    let q = ((last - first) / w).ceil();
                    if !q.is_finite() || q < 0.0 || q > (isize::MAX as f64) {
                        return Err(Error::invalid(format!(
                            "histogram: cannot convert the estimated number of bins {q} to an integer"
                        )));
                    }
                    q as usize
                } else {
                    1
                }
            }
        }
    };
    let (first, last) = outer_edges(a, range)?;
    let edges = crate::array::copy::try_vec::<f64>(n + 1, &[n + 1]).map(|mut v| {
        v.extend(linspace_edges(first, last, n));
        v
    })?;
    if edges.windows(2).any(|w| w[0] >= w[1]) {
        return Err(Error::invalid(format!(
            "Too many bins for data range. Cannot create {n} finite-sized bins."
        )));
    }
    Ok((edges, Some((first, last, n))))
}

/// The bin of `x` among equal-width bins (NumPy's computed-then-corrected index), or `None` outside.
#[inline]
fn uniform_bin(x: f64, first: f64, last: f64, norm: f64, n: usize, edges: &[f64]) -> Option<usize> {
    if !(x >= first && x <= last) {
        return None;
    }
    let f = ((x - first) / norm) * n as f64;
    let mut i = (f as usize).min(n);
    if i == n {
        i -= 1;
    }
    if x < edges[i] {
        i = i.saturating_sub(1);
    }
    if i != n - 1 && x >= edges[i + 1] {
        i += 1;
    }
    Some(i)
}

/// The bin of `x` among arbitrary non-decreasing edges (last bin closed), or `None` outside.
#[inline]
fn edges_bin(x: f64, edges: &[f64]) -> Option<usize> {
    let m = edges.len();
    if m < 2 || !(x >= edges[0] && x <= edges[m - 1]) {
        return None;
    }
    if x == edges[m - 1] {
        return Some(m - 2);
    }
    // Number of edges <= x, minus one.
    let j = edges.partition_point(|&e| e <= x);
    Some(j - 1)
}

fn bin_fn(edges: &[f64], uni: Option<(f64, f64, usize)>) -> impl Fn(f64) -> Option<usize> + Sync + '_ {
    move |x| match uni {
        Some((first, last, n)) => uniform_bin(x, first, last, last - first, n, edges),
        None => edges_bin(x, edges),
    }
}

/// [`uniform_bin`] without branches (so that it vectorises) for equal-width
/// edges `edges[i] = i * step + first` (NumPy's `linspace` with a non-zero
/// step): the bin, or `n` outside `[first, last]` and for NaN. An estimate
/// of the index is corrected against the edges recomputed in registers (the
/// same IEEE operations as [`linspace_edges`], so the same values, and no
/// gathers), as NumPy corrects its own. The estimate is NumPy's
/// `((x - first) / (last - first)) * n`, or with `RECIP` the cheaper
/// `(x - first) * scale` with `scale = n / (last - first)`, which gives the
/// same bin when the bins are wide (see [`recip_is_exact`]). `n < 2^31`.
#[inline(always)]
fn uniform_index<const RECIP: bool>(x: f64, first: f64, last: f64, step: f64, scale: f64, n: u32) -> u32 {
    let inside = x >= first && x <= last;
    let top = f64::from(n - 1);
    let f = if RECIP {
        (x - first) * scale
    } else {
        ((x - first) / (last - first)) * f64::from(n)
    };
    // NumPy's `indices[indices == n] -= 1`, and a clamp that keeps the
    // conversion exact for values outside (masked below) and NaN.
    let f = if f > 0.0 { f } else { 0.0 };
    let f = if f < top { f } else { top };
    // SAFETY: `f` is in `[0, n - 1]` (NaN became 0 above) and `n < 2^31`,
    // so it is finite and fits an `i32` (`as` would not vectorise).
    let i: i32 = unsafe { f.to_int_unchecked() };
    let e0 = f64::from(i) * step + first;
    let e1 = f64::from(i + 1) * step + first;
    // NumPy decrements when `x < edges[i]`, then increments when
    // `x >= edges[i + 1]` (never after a decrement: then `edges[i + 1]` is
    // the old `edges[i] > x`) unless `i` is the last bin.
    let dec = x < e0;
    let inc = !dec & (f < top) & (x >= e1);
    let i = (i - i32::from(dec) + i32::from(inc)) as u32;
    if inside { i } else { n }
}

/// Whether `(x - first) * (n / (last - first))` may replace NumPy's
/// `((x - first) / (last - first)) * n` as the estimate in
/// [`uniform_index`]. With `M = max(|first|, |last|)` and bin width
/// `w = (last - first) / n`, the computed edges are within `5 * 2^-53 * M`
/// of `first + i w`, and either estimate is within `2^-52 (M / w + n)`
/// bins of the exact position of `x`; with `w >= 2^-40 M` and `n < 2^31`
/// all of that is below a thousandth of a bin, so both estimates are within
/// one bin of the bin whose edges hold `x`, and the correction step moves
/// both to that bin: the counts are NumPy's either way.
fn recip_is_exact(first: f64, last: f64, n: u32) -> bool {
    let w = (last - first) / f64::from(n);
    w >= first.abs().max(last.abs()) * 2f64.powi(-40)
}

/// Counts of `chunk`'s values in `n` equal-width bins (see
/// [`uniform_index`]): bin numbers of 512 values at a time in vector code,
/// then two interleaved count tables (so that runs of one bin do not
/// serialise on one counter). Slot `n` collects the values outside.
fn tally_uniform(chunk: &[f64], first: f64, last: f64, step: f64, n: u32) -> Vec<i64> {
    let m = n as usize + 1;
    let mut c = vec![0i64; 2 * m];
    let (c0, c1) = c.split_at_mut(m);
    let mut idx = [std::mem::MaybeUninit::<u32>::uninit(); 512];
    let recip = recip_is_exact(first, last, n);
    let scale = f64::from(n) / (last - first);
    for xs in chunk.chunks(512) {
        let ix = &mut idx[..xs.len()];
        if recip {
            simd_map(xs, ix, |x| uniform_index::<true>(x, first, last, step, scale, n));
        } else {
            simd_map(xs, ix, |x| uniform_index::<false>(x, first, last, step, scale, n));
        }
        // SAFETY: `simd_map` wrote every slot of `ix`.
        let ix: &[u32] =
            unsafe { &*(std::ptr::from_ref::<[std::mem::MaybeUninit<u32>]>(ix) as *const [u32]) };
        let mut pairs = ix.chunks_exact(2);
        for p in &mut pairs {
            c0[p[0] as usize] += 1;
            c1[p[1] as usize] += 1;
        }
        for &i in pairs.remainder() {
            c0[i as usize] += 1;
        }
    }
    for (a, b) in c0.iter_mut().zip(c1.iter()) {
        *a += b;
    }
    c.truncate(n as usize);
    c
}

fn count_uniform_or_edges(a: &[f64], edges: &[f64], uni: Option<(f64, f64, usize)>) -> Vec<i64> {
    let nb = edges.len().saturating_sub(1);
    let bin = bin_fn(edges, uni);
    let tally = |chunk: &[f64]| {
        let mut c = vec![0i64; nb];
        match uni {
            Some((first, last, n)) if n == nb && n < (1 << 31) && (last - first) / n as f64 != 0.0 => {
                // A non-zero step: the edges are `i * step + first` (see
                // `linspace_edges`).
                c = tally_uniform(chunk, first, last, (last - first) / n as f64, n as u32);
            }
            _ => {
                for &x in chunk {
                    if let Some(i) = bin(x) {
                        c[i] += 1;
                    }
                }
            }
        }
        c
    };
    if a.len() < 2 * BLOCK {
        return tally(a);
    }
    let parts: Vec<Vec<i64>> = a.par_chunks(4 * BLOCK).map(tally).collect();
    let mut c = vec![0i64; nb];
    for p in parts {
        for (t, v) in c.iter_mut().zip(p) {
            *t += v;
        }
    }
    c
}

/// Equal-width binning of `float32` input in NumPy's arithmetic: values
/// in `[lo, hi]` (as `float32`) are binned by `(x - lo) / denom * n`.
#[derive(Clone, Copy, Debug)]
struct Uniform32 {
    lo: f32,
    hi: f32,
    /// `last - first`: `float32` without `range`, `f64` with it.
    denom: Denom,
    n: usize,
}

#[derive(Clone, Copy, Debug)]
enum Denom {
    F32(f32),
    F64(f64),
}

/// A bin width as NumPy's estimators return it for `float32` data: a
/// `float32` scalar (where the arithmetic stays in `float32`) or a `float64`
/// one (where a `float64` NumPy scalar enters).
#[derive(Clone, Copy, Debug)]
enum Width {
    F32(f32),
    F64(f64),
}

/// `np.percentile(x, 100 q)` of sorted `float32` data: NumPy's `_lerp` of
/// `float32` neighbours takes their difference in `float32` and the rest
/// in `float64` (the weights are `float64`).
fn quantile_sorted32(s: &[f32], q: f64) -> f64 {
    let vi = q * (s.len() - 1) as f64;
    let lo = vi.floor();
    let t = vi - lo;
    let i = lo as usize;
    let a = s[i];
    let b = s[(i + 1).min(s.len() - 1)];
    let d = f64::from(b - a);
    if t >= 0.5 {
        f64::from(b) - d * (1.0 - t)
    } else {
        f64::from(a) + d * t
    }
}

fn width_fd32(x: &[f32]) -> f64 {
    let mut s = x.to_vec();
    s.sort_by(f32::total_cmp);
    let iqr = quantile_sorted32(&s, 0.75) - quantile_sorted32(&s, 0.25);
    2.0 * iqr * (x.len() as f64).powf(-1.0 / 3.0)
}

/// The `doane` width of `float32` data: `std`, `mean` and the standardised
/// cubes in `float32` (the cube correctly rounded, as `powf`), the rest in
/// `float64`.
fn width_doane32(x: &[f32]) -> f64 {
    let n = x.len() as f64;
    if x.len() > 2 {
        let sg1 = (6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0))).sqrt();
        let sigma = std(x);
        if sigma > 0.0 {
            let m = mean(x);
            let t: Vec<f32> = x
                .iter()
                .map(|&v| {
                    let z = f64::from((v - m) / sigma);
                    (z * z * z) as f32
                })
                .collect();
            let g1 = mean(&t);
            return f64::from(ptp(x)) / (1.0 + n.log2() + (1.0 + f64::from(g1.abs()) / sg1).log2());
        }
    }
    0.0
}

/// The `stone` width of `float32` data: trial histograms binned as NumPy
/// bins them for `float32` (over `range`'s `float32` or Python-float
/// edges), `ptp / nbins` in `float32`.
fn width_stone32(x: &[f32], x64: &[f64], edges: Edges32) -> Result<f32> {
    let n = x.len();
    let p = ptp(x);
    if n <= 1 || p == 0.0 {
        return Ok(0.0);
    }
    let upper = 100usize.max((n as f64).sqrt() as usize);
    let mut best = (f64::INFINITY, 1usize);
    for nbins in 1..=upper {
        let hh = p / nbins as f32;
        // Too many bins for the range: NumPy's trial histogram raises.
        let (e, u) = uniform32(edges, nbins)?;
        let counts = Binning::F32(e, u).count(x64);
        let pk: Vec<f64> = counts.iter().map(|&c| c as f64 / n as f64).collect();
        let j = (2.0 - (n as f64 + 1.0) * dot_numpy(&pk)) / f64::from(hh);
        if j < best.0 {
            best = (j, nbins);
        }
    }
    Ok(p / best.1 as f32)
}

/// NumPy's estimator width for `float32` data (see [`Width`]).
fn width_of32(est: BinEstimator, x: &[f32], x64: &[f64], edges: Edges32) -> Result<Width> {
    let n = x.len() as f64;
    let range = f64::from(ptp(x));
    let sqrt = || range / n.sqrt();
    let sturges = || range / (n.log2() + 1.0);
    Ok(match est {
        BinEstimator::Sqrt => Width::F64(sqrt()),
        BinEstimator::Sturges => Width::F64(sturges()),
        // `ptp / (2.0 * n ** (1 / 3))`: a Python float, so in float32.
        BinEstimator::Rice => Width::F32(ptp(x) / (2.0 * n.powf(1.0 / 3.0)) as f32),
        BinEstimator::Scott => {
            Width::F32(((24.0 * std::f64::consts::PI.sqrt() / n).powf(1.0 / 3.0)) as f32 * std(x))
        }
        BinEstimator::Stone => Width::F32(width_stone32(x, x64, edges)?),
        BinEstimator::Doane => Width::F64(width_doane32(x)),
        BinEstimator::Fd => Width::F64(width_fd32(x)),
        BinEstimator::Auto => Width::F64(width_fd32(x).max(sqrt() / 2.0).min(sturges())),
    })
}

/// The outer edges of `float32` binning: `float32` scalars (the data's
/// `min`/`max`, widened by 0.5 in `float32` when equal) or Python floats
/// (`range`, or `(0, 1)` for empty data).
#[derive(Clone, Copy, Debug)]
enum Edges32 {
    F32(f32, f32),
    F64(f64, f64),
}

/// NumPy's edges and index rule for `n` bins over `float32` outer edges.
fn uniform32(edges: Edges32, n: usize) -> Result<(Vec<f32>, Uniform32)> {
    let (e, u) = match edges {
        Edges32::F32(first, last) => {
            // Everything in float32.
            let e = linspace_edges(first, last, n);
            let u = Uniform32 {
                lo: first,
                hi: last,
                denom: Denom::F32(last - first),
                n,
            };
            (e, u)
        }
        Edges32::F64(first, last) => {
            // Python floats: the edges are computed in f64 and rounded, the
            // index in f64 from a float32 difference.
            let e: Vec<f32> = linspace_edges(first, last, n).iter().map(|&v| v as f32).collect();
            let u = Uniform32 {
                lo: first as f32,
                hi: last as f32,
                denom: Denom::F64(last - first),
                n,
            };
            (e, u)
        }
    };
    if e.windows(2).any(|w| w[0] >= w[1]) {
        return Err(Error::invalid(format!(
            "Too many bins for data range. Cannot create {n} finite-sized bins."
        )));
    }
    Ok((e, u))
}

/// The edges (as `float32`) and the equal-width rule for `float32` input.
/// `bins` is a count or an estimator (explicit edges are compared in f64).
fn edges_of_f32(a: &[f64], bins: &Bins, range: Option<(f64, f64)>) -> Result<(Vec<f32>, Uniform32)> {
    // The argument checks (and their messages) of the f64 path.
    let (first, last) = outer_edges(a, range)?;
    let edges = if range.is_none() && !a.is_empty() {
        // `a.min()`, `a.max()` are float32 scalars.
        let (lo, hi) = min_max(a);
        let (mut first, mut last) = (lo as f32, hi as f32);
        if first == last {
            first -= 0.5;
            last += 0.5;
        }
        Edges32::F32(first, last)
    } else {
        Edges32::F64(first, last)
    };
    let n = match bins {
        Bins::Edges(_) => return Err(Error::invalid("histogram: explicit edges take the f64 path")),
        Bins::Count(n) => {
            if *n < 1 {
                return Err(Error::invalid("`bins` must be positive, when an integer"));
            }
            *n
        }
        Bins::Estimator(est) => {
            // NumPy keeps the values within `range`, comparing float32
            // values with the Python floats cast to float32.
            let x: Vec<f64> = match range {
                Some((lo, hi)) => {
                    let (lo, hi) = (lo as f32, hi as f32);
                    a.iter()
                        .copied()
                        .filter(|&v| v as f32 >= lo && v as f32 <= hi)
                        .collect()
                }
                None => a.to_vec(),
            };
            if x.is_empty() {
                1
            } else {
                let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
                let q = match (width_of32(*est, &x32, &x, edges)?, edges) {
                    // A zero width (either sign) means one bin, as NumPy.
                    (Width::F32(0.0) | Width::F64(0.0), _) => 1.0,
                    // float32 delta over a float32 width: in float32.
                    (Width::F32(w), Edges32::F32(f, l)) => f64::from(((l - f) / w).ceil()),
                    (Width::F32(w), Edges32::F64(f, l)) => ((l - f) / f64::from(w)).ceil(),
                    (Width::F64(w), Edges32::F32(f, l)) => (f64::from(l - f) / w).ceil(),
                    (Width::F64(w), Edges32::F64(f, l)) => ((l - f) / w).ceil(),
                };
                if !q.is_finite() || q < 0.0 || q > (isize::MAX as f64) {
                    return Err(Error::invalid(format!(
                        "histogram: cannot convert the estimated number of bins {q} to an integer"
                    )));
                }
                (q as usize).max(1)
            }
        }
    };
    // Room for `n + 1` edges (an error, not an abort, for absurd counts).
    crate::array::copy::try_vec::<f32>(n + 1, &[n + 1])?;
    uniform32(edges, n)
}

/// The bin of a `float32` value among equal-width bins, or `None` outside.
#[inline]
fn uniform_bin_f32(x: f32, u: &Uniform32, edges: &[f32]) -> Option<usize> {
    if !(x >= u.lo && x <= u.hi) {
        return None;
    }
    let n = u.n;
    let d = x - u.lo;
    let f = match u.denom {
        Denom::F32(dn) => ((d / dn) * n as f32) as f64,
        Denom::F64(dn) => (d as f64 / dn) * n as f64,
    };
    let mut i = (f as usize).min(n);
    if i == n {
        i -= 1;
    }
    if x < edges[i] {
        i = i.saturating_sub(1);
    }
    if i != n - 1 && x >= edges[i + 1] {
        i += 1;
    }
    Some(i)
}

/// How values are binned: [`bin_fn`]'s `f64` rule or the `float32` one.
enum Binning {
    F64(Vec<f64>, Option<(f64, f64, usize)>),
    F32(Vec<f32>, Uniform32),
}

impl Binning {
    fn new<A: Element>(x: &[f64], bins: &Bins, range: Option<(f64, f64)>) -> Result<Self> {
        // Explicit edges are compared with the values in f64 (NumPy's
        // `searchsorted` promotes), so float32 input takes the f64 rule there.
        Ok(
            if TypeId::of::<A>() == TypeId::of::<f32>() && !matches!(bins, Bins::Edges(_)) {
                let (e, u) = edges_of_f32(x, bins, range)?;
                Binning::F32(e, u)
            } else {
                let int_input = matches!(A::DTYPE.kind(), 'i' | 'u' | 'b');
                let (e, u) = edges_of(x, bins, range, int_input)?;
                Binning::F64(e, u)
            },
        )
    }

    /// The edges as `f64` (exact for `float32` ones).
    fn edges(&self) -> Vec<f64> {
        match self {
            Binning::F64(e, _) => e.clone(),
            Binning::F32(e, _) => e.iter().map(|&v| v as f64).collect(),
        }
    }

    /// The bin widths, in the edges' type (NumPy's `np.diff(bin_edges)`).
    fn widths(&self) -> Vec<f64> {
        match self {
            Binning::F64(e, _) => e.windows(2).map(|w| w[1] - w[0]).collect(),
            Binning::F32(e, _) => e.windows(2).map(|w| (w[1] - w[0]) as f64).collect(),
        }
    }

    fn nbins(&self) -> usize {
        match self {
            Binning::F64(e, _) => e.len().saturating_sub(1),
            Binning::F32(e, _) => e.len().saturating_sub(1),
        }
    }

    /// The bin of one value (given as `f64`; exact for `float32` input).
    fn bin(&self, x: f64) -> Option<usize> {
        match self {
            Binning::F64(e, Some((first, last, n))) => uniform_bin(x, *first, *last, last - first, *n, e),
            Binning::F64(e, None) => edges_bin(x, e),
            Binning::F32(e, u) => uniform_bin_f32(x as f32, u, e),
        }
    }

    /// The counts of `a`'s values per bin (in parallel for large inputs).
    fn count(&self, a: &[f64]) -> Vec<i64> {
        if let Binning::F64(e, u) = self {
            return count_uniform_or_edges(a, e, *u);
        }
        let nb = self.nbins();
        let tally = |chunk: &[f64]| {
            let mut c = vec![0i64; nb];
            for &x in chunk {
                if let Some(i) = self.bin(x) {
                    c[i] += 1;
                }
            }
            c
        };
        if a.len() < 2 * BLOCK {
            return tally(a);
        }
        let parts: Vec<Vec<i64>> = a.par_chunks(4 * BLOCK).map(tally).collect();
        let mut c = vec![0i64; nb];
        for p in parts {
            for (t, v) in c.iter_mut().zip(p) {
                *t += v;
            }
        }
        c
    }
}

fn check_weights<S2: Data<Elem = f64>>(a_shape: &[usize], w: &ArrayBase<S2>) -> Result<Vec<f64>> {
    if w.shape() != a_shape {
        return Err(Error::invalid("weights should have the same shape as a."));
    }
    Ok(w.to_vec())
}

/// NumPy's `np.histogram_bin_edges(a, bins, range)`: the bin edges
/// [`histogram`] would use (the input is flattened).
///
/// Errors: `range` with `min > max` or non-finite; no `range` and NaN or
/// ±inf in `a`; `Bins::Count(0)`; decreasing explicit edges; more bins
/// than the range can hold; complex input.
///
/// ```
/// use numox::prelude::*;
/// use numox::Bins;
/// let e = numox::histogram_bin_edges(&array![1, 5], &Bins::Count(4), None).unwrap();
/// assert_eq!(e, array![1.0, 2.0, 3.0, 4.0, 5.0]);
/// assert!(numox::histogram_bin_edges(&array![1.0, f64::NAN], &Bins::Count(2), None).is_err());
/// ```
pub fn histogram_bin_edges<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    bins: &Bins,
    range: Option<(f64, f64)>,
) -> Result<Array<f64>> {
    let x = to_f64_vec(a, "histogram_bin_edges")?;
    Ok(Array::from_vec(Binning::new::<A>(&x, bins, range)?.edges()))
}

/// NumPy's `np.histogram(a, bins, range)`: the number of values in each
/// bin, and the bin edges. The input is flattened; values outside the
/// range (and NaN) are not counted; every bin is half-open `[e_i, e_i+1)`
/// except the last, which includes its right edge. Large inputs are
/// counted on all threads (the counts are exact, so the thread count does
/// not matter).
///
/// Errors as [`histogram_bin_edges`].
///
/// ```
/// use numox::prelude::*;
/// use numox::Bins;
/// let (c, e) = numox::histogram(&array![0.0, 0.5, 1.0, 7.0], Bins::Count(2), Some((0.0, 1.0))).unwrap();
/// assert_eq!(c, array![1, 2]);
/// assert_eq!(e, array![0.0, 0.5, 1.0]);
/// ```
pub fn histogram<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    bins: Bins,
    range: Option<(f64, f64)>,
) -> Result<(Array<i64>, Array<f64>)> {
    let x = f64_input(a, "histogram")?;
    let b = Binning::new::<A>(&x, &bins, range)?;
    Ok((Array::from_vec(b.count(&x)), Array::from_vec(b.edges())))
}

/// NumPy's `np.histogram(a, bins, range, density, weights)`: as
/// [`histogram`] with each value counting its weight (`weights` has `a`'s
/// shape), and with `density` the result divided by the bin widths and the
/// total so that it integrates to 1.
///
/// Errors as [`histogram_bin_edges`]; also `weights` of another shape, and
/// an estimator with weights (NumPy's `TypeError`).
///
/// ```
/// use numox::prelude::*;
/// use numox::Bins;
/// let a = array![0.0, 1.0, 1.0, 3.0];
/// let (d, _) = numox::histogram_with(&a, Bins::Edges(vec![0.0, 2.0, 4.0]), None, None::<&Array<f64>>, true).unwrap();
/// assert_eq!(d, array![0.375, 0.125]);
/// let w = array![1.0, 0.5, 0.5, 2.0];
/// let (h, _) = numox::histogram_with(&a, Bins::Count(2), None, Some(&w), false).unwrap();
/// assert_eq!(h, array![2.0, 2.0]);
/// ```
pub fn histogram_with<A: Element, S: Data<Elem = A>, SW: Data<Elem = f64>>(
    a: &ArrayBase<S>,
    bins: Bins,
    range: Option<(f64, f64)>,
    weights: Option<&ArrayBase<SW>>,
    density: bool,
) -> Result<(Array<f64>, Array<f64>)> {
    let x = to_f64_vec(a, "histogram")?;
    let w = match weights {
        Some(w) => {
            if matches!(bins, Bins::Estimator(_)) {
                return Err(Error::invalid(
                    "Automated estimation of the number of bins is not supported for weighted data",
                ));
            }
            Some(check_weights(a.shape(), w)?)
        }
        None => None,
    };
    let b = Binning::new::<A>(&x, &bins, range)?;
    let nb = b.nbins();
    let mut n: Vec<f64> = match &w {
        None => b.count(&x).into_iter().map(|c| c as f64).collect(),
        Some(w) => {
            // Per-block sums added in block order: NumPy's rounding.
            let parts: Vec<Vec<f64>> = x
                .par_chunks(BLOCK)
                .zip(w.par_chunks(BLOCK))
                .map(|(xs, ws)| {
                    let mut c = vec![0.0; nb];
                    for (&v, &wt) in xs.iter().zip(ws) {
                        if let Some(i) = b.bin(v) {
                            c[i] += wt;
                        }
                    }
                    c
                })
                .collect();
            let mut c = vec![0.0; nb];
            for p in parts {
                for (t, v) in c.iter_mut().zip(p) {
                    *t += v;
                }
            }
            c
        }
    };
    if density {
        let total = np_sum(&n);
        for (v, d) in n.iter_mut().zip(b.widths()) {
            *v = *v / d / total;
        }
    }
    let edges = b.edges();
    Ok((Array::from_vec(n), Array::from_vec(edges)))
}

/// One axis's `bins` in [`histogramdd`] / [`histogram2d`]: a count of
/// equal-width bins or explicit non-decreasing edges.
///
/// ```
/// use numox::prelude::*;
/// use numox::DdBins;
/// let s = array![[0.0, 0.0], [1.0, 1.0]];
/// let (h, _) = numox::histogramdd(&s, &[DdBins::Count(2), DdBins::Edges(vec![0.0, 2.0])], None, None::<&Array<f64>>, false).unwrap();
/// assert_eq!(h, array![[1.0], [1.0]]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum DdBins {
    /// Equal-width bins over the axis's range.
    Count(usize),
    /// Explicit edges.
    Edges(Vec<f64>),
}

/// NumPy's `np.histogramdd(sample, bins, range, density, weights)` for a
/// `(N, D)` sample: the `D`-dimensional histogram (float counts, as NumPy)
/// and the edges along each axis. `bins` holds one entry per axis, or one
/// entry used for every axis; `range` one optional `(min, max)` per axis.
///
/// Errors: `sample` not 2-d; `bins`/`range` of another length than `D`;
/// a zero count; decreasing edges; a bad or non-finite range (as
/// [`histogram`]); `weights` not of length `N`.
///
/// ```
/// use numox::prelude::*;
/// use numox::DdBins;
/// let s = array![[0.0, 1.0], [0.5, 0.0], [1.0, 1.0]];
/// let (h, e) = numox::histogramdd(&s, &[DdBins::Count(2)], None, None::<&Array<f64>>, false).unwrap();
/// assert_eq!(h, array![[0.0, 1.0], [1.0, 1.0]]);
/// assert_eq!(e[0], array![0.0, 0.5, 1.0]);
/// ```
pub fn histogramdd<A: Element, S: Data<Elem = A>, SW: Data<Elem = f64>>(
    sample: &ArrayBase<S>,
    bins: &[DdBins],
    range: Option<&[Option<(f64, f64)>]>,
    weights: Option<&ArrayBase<SW>>,
    density: bool,
) -> Result<(Array<f64>, Vec<Array<f64>>)> {
    if sample.ndim() != 2 {
        return Err(Error::invalid(format!(
            "histogramdd: sample must be 2-d (N, D), got {} dimensions",
            sample.ndim()
        )));
    }
    let (n, d) = (sample.shape()[0], sample.shape()[1]);
    let x = to_f64_vec(sample, "histogramdd")?;
    // float32 samples get float32 edges (NumPy's `linspace` of float32
    // `min`/`max`); comparing the exact f64 values of float32 numbers with
    // them is NumPy's float32 `searchsorted`.
    let f32_input = TypeId::of::<A>() == TypeId::of::<f32>();
    let bins: Vec<DdBins> = if bins.len() == 1 && d != 1 {
        vec![bins[0].clone(); d]
    } else if bins.len() == d {
        bins.to_vec()
    } else {
        return Err(Error::invalid(
            "The dimension of bins must be equal to the dimension of the sample x.",
        ));
    };
    if let Some(r) = range
        && r.len() != d
    {
        return Err(Error::invalid("range argument must have one entry per dimension"));
    }
    let w = match weights {
        Some(w) => {
            if w.shape() != [n] {
                return Err(Error::invalid(format!(
                    "histogramdd: weights must have shape ({n},), got {:?}",
                    w.shape()
                )));
            }
            Some(w.to_vec())
        }
        None => None,
    };
    let mut edges = Vec::with_capacity(d);
    let mut f32_edges = Vec::with_capacity(d);
    for (i, b) in bins.iter().enumerate() {
        f32_edges
            .push(f32_input && matches!(b, DdBins::Count(_)) && range.and_then(|r| r[i]).is_none() && n > 0);
        let e = match b {
            DdBins::Count(k) => {
                if *k < 1 {
                    return Err(Error::invalid(format!(
                        "`bins[{i}]` must be positive, when an integer"
                    )));
                }
                let col: Vec<f64> = (0..n).map(|r| x[r * d + i]).collect();
                let r = range.and_then(|r| r[i]);
                let (lo, hi) = outer_edges(&col, r)?;
                if f32_input && r.is_none() && n > 0 {
                    // float32 `min`/`max` (exact in f64), widened by 0.5 in
                    // float32 when equal, and NumPy's float32 `linspace`.
                    let (lo64, hi64) = min_max(&col);
                    let (mut lo, mut hi) = (lo64 as f32, hi64 as f32);
                    if lo == hi {
                        lo -= 0.5;
                        hi += 0.5;
                    }
                    linspace_edges(lo, hi, *k).into_iter().map(f64::from).collect()
                } else {
                    linspace_edges(lo, hi, *k)
                }
            }
            DdBins::Edges(e) => {
                if e.windows(2).any(|w| w[0] > w[1]) {
                    return Err(Error::invalid(format!(
                        "`bins[{i}]` must be monotonically increasing, when an array"
                    )));
                }
                e.clone()
            }
        };
        edges.push(e);
    }
    // Core bins per axis (NumPy's nbin minus the two outlier bins).
    let core: Vec<usize> = edges.iter().map(|e| e.len().saturating_sub(1)).collect();
    let total = crate::array::shape::checked_size(&core)?;
    let mut hist = crate::array::copy::try_vec::<f64>(total, &core)?;
    hist.resize(total, 0.0);
    'rows: for r in 0..n {
        let mut flat = 0usize;
        for i in 0..d {
            let v = x[r * d + i];
            let e = &edges[i];
            // searchsorted(e, v, 'right'), minus one on the last edge.
            let mut j = if v.is_nan() {
                e.len()
            } else {
                e.partition_point(|&t| t <= v)
            };
            if !e.is_empty() && v == e[e.len() - 1] {
                j -= 1;
            }
            if j == 0 || j >= e.len() {
                continue 'rows;
            }
            flat = flat * core[i] + (j - 1);
        }
        hist[flat] += w.as_ref().map_or(1.0, |w| w[r]);
    }
    if density {
        // NumPy's `np.diff(edges)`: in float32 for float32 edges.
        let widths: Vec<Vec<f64>> = edges
            .iter()
            .zip(&f32_edges)
            .map(|(e, &is32)| {
                e.windows(2)
                    .map(|w| {
                        if is32 {
                            f64::from(w[1] as f32 - w[0] as f32)
                        } else {
                            w[1] - w[0]
                        }
                    })
                    .collect()
            })
            .collect();
        let s: f64 = hist.iter().fold(0.0, |s, &v| s + v);
        let mut strides = vec![1usize; d];
        for i in (0..d.saturating_sub(1)).rev() {
            strides[i] = strides[i + 1] * core[i + 1];
        }
        for (k, h) in hist.iter_mut().enumerate() {
            for i in 0..d {
                let j = (k / strides[i]) % core[i].max(1);
                *h /= widths[i][j];
            }
        }
        for h in hist.iter_mut() {
            *h /= s;
        }
    }
    Ok((
        Array::from_shape_vec(&core, hist)?,
        edges.into_iter().map(Array::from_vec).collect(),
    ))
}

/// NumPy's `np.histogram2d(x, y, bins, range, density, weights)`: the 2-d
/// histogram of the points `(x[i], y[i])` (`H[i, j]` counts `x` in bin `i`,
/// `y` in bin `j`) and the two edge arrays. `bins` is one entry for both
/// axes or one per axis.
///
/// Errors as [`histogramdd`]; also `x` and `y` not 1-d of one length.
///
/// ```
/// use numox::prelude::*;
/// use numox::DdBins;
/// let (h, xe, ye) = numox::histogram2d(&array![0.0, 1.0, 1.0], &array![0.0, 0.0, 1.0], &[DdBins::Count(2)], None, None::<&Array<f64>>, false).unwrap();
/// assert_eq!(h, array![[1.0, 0.0], [1.0, 1.0]]);
/// assert_eq!(xe, array![0.0, 0.5, 1.0]);
/// assert_eq!(ye, xe);
/// ```
pub fn histogram2d<A: Element, S1: Data<Elem = A>, S2: Data<Elem = A>, SW: Data<Elem = f64>>(
    x: &ArrayBase<S1>,
    y: &ArrayBase<S2>,
    bins: &[DdBins],
    range: Option<&[Option<(f64, f64)>]>,
    weights: Option<&ArrayBase<SW>>,
    density: bool,
) -> Result<(Array<f64>, Array<f64>, Array<f64>)> {
    if x.ndim() != 1 || y.ndim() != 1 || x.len() != y.len() {
        return Err(Error::invalid(format!(
            "histogram2d: x and y must be 1-d of the same length, got shapes {:?} and {:?}",
            x.shape(),
            y.shape()
        )));
    }
    let n = x.len();
    let mut v = Vec::with_capacity(2 * n);
    for (a, b) in x.iter().zip(y.iter()) {
        v.push(*a);
        v.push(*b);
    }
    let sample = Array::from_shape_vec(&[n, 2], v)?;
    let (h, mut e) = histogramdd(&sample, bins, range, weights, density)?;
    let ye = e.pop().unwrap_or_else(|| Array::from_vec(vec![]));
    let xe = e.pop().unwrap_or_else(|| Array::from_vec(vec![]));
    Ok((h, xe, ye))
}

fn bincount_index<A: Element>(x: A) -> Result<usize> {
    use crate::element::Scalar;
    match x.to_scalar() {
        Scalar::Bool(b) => Ok(usize::from(b)),
        Scalar::Int(i) if i >= 0 => Ok(i as usize),
        Scalar::Int(_) => Err(Error::invalid("'list' argument must have no negative elements")),
        Scalar::UInt(u) => usize::try_from(u).map_err(|_| Error::invalid("bincount: value too large")),
        _ => Err(Error::invalid(
            "Cannot cast array data from float to int64 according to the rule 'safe'",
        )),
    }
}

fn bincount_len<A: Element, S: Data<Elem = A>>(
    x: &ArrayBase<S>,
    minlength: usize,
) -> Result<(Vec<usize>, usize)> {
    if x.ndim() != 1 {
        return Err(Error::invalid("object too deep for desired array"));
    }
    let idx: Vec<usize> = x.iter().map(|&v| bincount_index(v)).collect::<Result<_>>()?;
    let len = idx.iter().map(|&i| i + 1).max().unwrap_or(0).max(minlength);
    Ok((idx, len))
}

/// NumPy's `np.bincount(x, minlength=minlength)`: how many times each of
/// `0..max(x)+1` occurs in the 1-d non-negative integer array `x` (at
/// least `minlength` entries).
///
/// Errors: `x` not 1-d, a negative value, a float or complex `x`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::bincount(&array![0u8, 1, 1, 3], 0).unwrap(), array![1, 2, 0, 1]);
/// assert_eq!(numox::bincount(&array![1i32], 3).unwrap(), array![0, 1, 0]);
/// assert!(numox::bincount(&array![-1i64], 0).is_err());
/// ```
pub fn bincount<A: Element, S: Data<Elem = A>>(x: &ArrayBase<S>, minlength: usize) -> Result<Array<i64>> {
    let (idx, len) = bincount_len(x, minlength)?;
    let mut out = crate::array::copy::try_vec::<i64>(len, &[len])?;
    out.resize(len, 0);
    for i in idx {
        out[i] += 1;
    }
    Ok(Array::from_vec(out))
}

/// NumPy's `np.bincount(x, weights, minlength)`: the sum of `weights[i]`
/// over the `i` with `x[i] == k`, for each `k`.
///
/// Errors as [`bincount`]; also `weights` of another shape than `x`.
///
/// ```
/// use numox::prelude::*;
/// let w = array![0.5, 1.0, 2.0];
/// assert_eq!(numox::bincount_weighted(&array![2, 0, 2], &w, 0).unwrap(), array![1.0, 0.0, 2.5]);
/// ```
pub fn bincount_weighted<A: Element, S: Data<Elem = A>, SW: Data<Elem = f64>>(
    x: &ArrayBase<S>,
    weights: &ArrayBase<SW>,
    minlength: usize,
) -> Result<Array<f64>> {
    let (idx, len) = bincount_len(x, minlength)?;
    if weights.shape() != x.shape() {
        return Err(Error::invalid("The weights and list don't have the same length."));
    }
    let mut out = crate::array::copy::try_vec::<f64>(len, &[len])?;
    out.resize(len, 0.0);
    for (i, &w) in idx.into_iter().zip(weights.iter()) {
        out[i] += w;
    }
    Ok(Array::from_vec(out))
}

/// NumPy's `np.digitize(x, bins, right)`: for each element of `x`, the
/// index of the bin it falls in. With increasing `bins`, `i` such that
/// `bins[i-1] <= x < bins[i]` (`right=false`) or `bins[i-1] < x <= bins[i]`
/// (`right=true`); with decreasing `bins` the mirrored rule. The result
/// has `x`'s shape; NaN sorts after every number, as in NumPy.
///
/// Errors: `bins` not 1-d, or neither non-decreasing nor non-increasing.
///
/// ```
/// use numox::prelude::*;
/// let bins = array![0.0, 1.0, 2.5];
/// assert_eq!(numox::digitize(&array![-1.0, 1.0, 3.0], &bins, false).unwrap(), array![0, 2, 3]);
/// assert_eq!(numox::digitize(&array![1.0], &bins, true).unwrap(), array![1]);
/// let dec = array![2.5, 1.0, 0.0];
/// assert_eq!(numox::digitize(&array![1.0], &dec, false).unwrap(), array![1]);
/// ```
pub fn digitize<A: SortElement, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    x: &ArrayBase<S1>,
    bins: &ArrayBase<S2>,
    right: bool,
) -> Result<Array<i64>> {
    if bins.ndim() != 1 {
        return Err(Error::invalid("object too deep for desired array"));
    }
    let b = bins.to_vec();
    let inc = b.windows(2).all(|w| w[0].np_cmp(&w[1]).is_le());
    let dec = b.windows(2).all(|w| w[0].np_cmp(&w[1]).is_ge());
    let side = if right {
        crate::Side::Left
    } else {
        crate::Side::Right
    };
    if inc {
        searchsorted(&Array::from_vec(b), x, side, None)
    } else if dec {
        let n = b.len() as i64;
        let rev: Vec<A> = b.into_iter().rev().collect();
        Ok(searchsorted(&Array::from_vec(rev), x, side, None)?.mapv(|i| n - i))
    } else {
        Err(Error::invalid(
            "bins must be monotonically increasing or decreasing",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn counts_sum_to_n_for_values_in_range() {
        // A property over many random-ish sizes and bin counts: every value
        // in range is counted exactly once.
        let mut s = 12345u64;
        for n in [0usize, 1, 7, 1000, 200_000] {
            let v: Vec<f64> = (0..n)
                .map(|_| {
                    s = s
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (s >> 11) as f64 / (1u64 << 53) as f64 * 10.0 - 5.0
                })
                .collect();
            for bins in [1usize, 3, 10, 97] {
                let (c, _) = histogram(&Array::from_vec(v.clone()), Bins::Count(bins), None).unwrap();
                assert_eq!(c.iter().sum::<i64>() as usize, n);
            }
        }
    }

    /// The vector kernel against the scalar rule (NumPy's division, then the
    /// correction against the stored edges), on values at, just below and
    /// just above every edge, outside values, NaN and ±inf; with wide bins
    /// (the reciprocal estimate) and with bins a few ulps wide (the division).
    #[test]
    fn vector_kernel_matches_scalar_rule() {
        let cases = [
            (0.0, 1.0, 100usize),
            (-3.0, 7.0, 3),
            (0.1, 0.7, 1),
            (-1e-300, 1e-300, 10),
            (1e15, 1e15 + 64.0, 60),
            (1.0, 1.0 + 2e-13, 97),
            (-5.5, -5.0, 1000),
        ];
        for (first, last, n) in cases {
            let edges = linspace_edges(first, last, n);
            let mut x = vec![
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                first - 1.0,
                last + 1.0,
            ];
            for &e in &edges {
                x.extend([e, e.next_down(), e.next_up(), e.next_up().next_up()]);
            }
            let mid: Vec<f64> = (0..1000)
                .map(|k| first + (last - first) * (k as f64 / 999.0))
                .collect();
            x.extend(mid);
            let got = tally_uniform(&x, first, last, (last - first) / n as f64, n as u32);
            let mut want = vec![0i64; n];
            for &v in &x {
                if let Some(i) = uniform_bin(v, first, last, last - first, n, &edges) {
                    want[i] += 1;
                }
            }
            assert_eq!(got, want, "first {first} last {last} n {n}");
        }
        assert!(recip_is_exact(0.0, 1.0, 100));
        assert!(!recip_is_exact(1.0, 1.0 + 2e-13, 97));
    }

    #[test]
    fn integer_data_get_width_at_least_one() {
        // NumPy 2.4.6: np.histogram_bin_edges(ints, 'fd') -> [0, 1, 2, 3]
        // (the float copy gets 6 bins, 7 edges).
        let v: Vec<i64> = [0i64, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3].repeat(3);
        let e = histogram_bin_edges(
            &Array::from_vec(v.clone()),
            &Bins::Estimator(BinEstimator::Fd),
            None,
        )
        .unwrap();
        assert_eq!(e.to_vec(), vec![0.0, 1.0, 2.0, 3.0]);
        let f: Vec<f64> = v.iter().map(|&x| x as f64).collect();
        let e = histogram_bin_edges(&Array::from_vec(f), &Bins::Estimator(BinEstimator::Fd), None).unwrap();
        assert_eq!(e.len(), 7);
    }

    #[test]
    fn float32_rice_width_is_float32() {
        // 27 values: NumPy's rice width is float32(ptp / float32(6.000000000000001)).
        let a: Vec<f32> = (0..27).map(|i| (i as f32 * 0.37).sin() * 3.0).collect();
        let e = histogram_bin_edges(&Array::from_vec(a), &Bins::Estimator(BinEstimator::Rice), None).unwrap();
        assert!(e.len() == 7 || e.len() == 8);
        assert!(e.iter().all(|&v| v as f32 as f64 == v));
    }

    #[test]
    fn values_on_edges_follow_numpy() {
        // 0.3 falls exactly on an edge computed differently from the index.
        let a = array![0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        let (c, _) = histogram(&a, Bins::Count(10), None).unwrap();
        assert_eq!(c.iter().sum::<i64>(), 11);
        assert_eq!(*c.get(&[9]).unwrap(), 2);
    }

    #[test]
    fn errors() {
        assert!(histogram(&array![1.0], Bins::Count(0), None).is_err());
        assert!(histogram(&array![1.0], Bins::Edges(vec![1.0, 0.0]), None).is_err());
        assert!(histogram(&array![1.0], Bins::Count(2), Some((1.0, 0.0))).is_err());
        assert!(histogram(&array![f64::INFINITY], Bins::Count(2), None).is_err());
        assert!(digitize(&array![1.0], &array![0.0, 2.0, 1.0], false).is_err());
    }
}
