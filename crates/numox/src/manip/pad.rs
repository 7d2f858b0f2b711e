//! Padding: NumPy's `np.pad` with all its modes.
//!
//! The algorithm is NumPy's: the result is allocated with the original in
//! the middle, then the axes are padded one after another, each over the
//! region that is already filled (the full extent of earlier axes, the
//! original extent of later ones). Along one axis every 1-d lane is padded
//! on its own. Pads wider than the array (`reflect`, `symmetric`, `wrap`)
//! are filled in rounds, each round copying from what the previous rounds
//! produced, exactly as NumPy iterates, so the results agree with NumPy's
//! for any width.

use crate::array::copy::try_from_elem;
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::slice::{RangeEnd, SliceElem, SliceInfo};
use crate::array::{Array, ArrayBase, ArrayViewMut, Data};
use crate::element::{Complex64, DType, Element, Scalar};
use crate::error::{Error, Result};
use std::cmp::Ordering;

/// How `reflect` and `symmetric` padding mirror values (NumPy's `reflect_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReflectType {
    /// `'even'` (the default): the pad is the mirror image of the edge values.
    #[default]
    Even,
    /// `'odd'`: the pad is `2 * edge - mirror image`, continuing the trend.
    Odd,
}

/// The padding mode of [`pad`] (NumPy's `mode` with its keyword argument).
///
/// Per-axis arguments are lists of `(before, after)` pairs: one pair
/// applies to every axis, otherwise there must be one pair per axis (NumPy's
/// broadcasting of `constant_values`, `end_values` and `stat_length`).
#[derive(Clone, Debug, PartialEq)]
pub enum PadMode<A> {
    /// `'constant'` with `constant_values` (NumPy's default mode, with 0).
    Constant(Vec<(A, A)>),
    /// `'edge'`: repeat the edge values.
    Edge,
    /// `'reflect'`: mirror without repeating the edge value.
    Reflect(ReflectType),
    /// `'symmetric'`: mirror including the edge value.
    Symmetric(ReflectType),
    /// `'wrap'`: continue periodically from the other end.
    Wrap,
    /// `'linear_ramp'` with `end_values`: a linear ramp from the end value
    /// to the edge value, computed in double precision as NumPy does for
    /// scalar or single-pair `end_values` (rounded down for integer types).
    /// (For `float32` input with one pair *per axis*, NumPy computes in
    /// single precision instead; numox always uses double.)
    LinearRamp(Vec<(A, A)>),
    /// `'maximum'` of the `stat_length` values nearest each edge (`None`: the whole axis).
    Maximum(Option<Vec<(usize, usize)>>),
    /// `'minimum'`, as `Maximum`.
    Minimum(Option<Vec<(usize, usize)>>),
    /// `'mean'`, as `Maximum` (rounded half to even for integer types).
    Mean(Option<Vec<(usize, usize)>>),
    /// `'median'`, as `Maximum` (rounded half to even for integer types).
    Median(Option<Vec<(usize, usize)>>),
    /// `'empty'`: NumPy leaves the pad uninitialised; numox, which never
    /// hands out uninitialised memory, fills it with zeros.
    Empty,
}

impl<A: Clone> PadMode<A> {
    /// `'constant'` padding with one value on every side.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::PadMode;
    /// let p = numox::pad(&array![1, 2], &[(1, 2)], &PadMode::constant(9)).unwrap();
    /// assert_eq!(p, array![9, 1, 2, 9, 9]);
    /// ```
    pub fn constant(value: A) -> Self {
        PadMode::Constant(vec![(value.clone(), value)])
    }
}

/// Pads an array (NumPy's `np.pad(array, pad_width, mode, ...)`).
///
/// `pad_width` holds `(before, after)` counts: one pair for every axis, or
/// one pair per axis. The result has shape `before + len + after` on each
/// axis. See [`PadMode`] for the modes; the numbers are NumPy's, including
/// pads wider than the array (filled in rounds, as NumPy does).
///
/// Errors: a `pad_width` or per-axis argument list of the wrong length, an
/// empty axis padded with a mode other than `Constant`/`Empty` (nothing to
/// copy from), a `stat_length` of 0 for `Maximum`/`Minimum`, and sizes that
/// overflow.
///
/// ```
/// use numox::prelude::*;
/// use numox::{PadMode, ReflectType};
/// let a = array![1, 2, 3];
/// assert_eq!(numox::pad(&a, &[(2, 1)], &PadMode::Edge).unwrap(), array![1, 1, 1, 2, 3, 3]);
/// assert_eq!(numox::pad(&a, &[(2, 2)], &PadMode::Reflect(ReflectType::Even)).unwrap(), array![3, 2, 1, 2, 3, 2, 1]);
/// assert_eq!(numox::pad(&a, &[(2, 2)], &PadMode::Symmetric(ReflectType::Even)).unwrap(), array![2, 1, 1, 2, 3, 3, 2]);
/// assert_eq!(numox::pad(&a, &[(2, 2)], &PadMode::Wrap).unwrap(), array![2, 3, 1, 2, 3, 1, 2]);
/// assert_eq!(numox::pad(&a, &[(1, 1)], &PadMode::Mean(None)).unwrap(), array![2, 1, 2, 3, 2]);
/// let m = array![[1.0, 2.0], [3.0, 4.0]];
/// let p = numox::pad(&m, &[(1, 0), (0, 1)], &PadMode::constant(0.0)).unwrap();
/// assert_eq!(p, array![[0.0, 0.0, 0.0], [1.0, 2.0, 0.0], [3.0, 4.0, 0.0]]);
/// ```
pub fn pad<A: Element, S: Data<Elem = A>>(
    array: &ArrayBase<S>,
    pad_width: &[(usize, usize)],
    mode: &PadMode<A>,
) -> Result<Array<A>> {
    let nd = array.ndim();
    let widths = as_pairs(pad_width, nd, "pad_width")?;
    let mut shape: Shape = Shape::with_capacity(nd);
    for (k, &(l, r)) in widths.iter().enumerate() {
        let n = array.shape()[k]
            .checked_add(l)
            .and_then(|n| n.checked_add(r))
            .ok_or_else(|| Error::TooBig {
                shape: array.shape().into(),
            })?;
        shape.push(n);
    }
    checked_size_bytes::<A>(&shape)?;
    let mut padded = try_from_elem(&shape, A::default())?;
    let original = SliceInfo::new((0..nd).map(|k| range(widths[k].0, widths[k].0 + array.shape()[k])));
    padded.try_slice_mut(original)?.assign(array)?;
    // The region already filled when axis `axis` is padded.
    let roi = |axis: usize| {
        SliceInfo::new((0..nd).map(|k| {
            if k <= axis {
                SliceElem::from(..)
            } else {
                range(widths[k].0, widths[k].0 + array.shape()[k])
            }
        }))
    };
    match mode {
        PadMode::Empty => return Ok(padded),
        PadMode::Constant(values) => {
            let values = as_pairs(values, nd, "constant_values")?;
            for (axis, &(l, r)) in widths.iter().enumerate() {
                let (vb, va) = values[axis];
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    let n = b.len();
                    b[..l].fill(vb);
                    b[n - r..].fill(va);
                    Ok(())
                })?;
            }
            return Ok(padded);
        }
        _ => {}
    }
    if array.is_empty() {
        for (axis, &(l, r)) in widths.iter().enumerate() {
            if array.shape()[axis] == 0 && (l > 0 || r > 0) {
                return Err(Error::invalid(format!(
                    "pad: can't extend empty axis {axis} using modes other than 'constant' or 'empty'"
                )));
            }
        }
        return Ok(padded);
    }
    match mode {
        PadMode::Edge => {
            for (axis, &(l, r)) in widths.iter().enumerate() {
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    let n = b.len();
                    let (first, last) = (b[l], b[n - r - 1]);
                    b[..l].fill(first);
                    b[n - r..].fill(last);
                    Ok(())
                })?;
            }
        }
        PadMode::LinearRamp(ends) => {
            let ends = as_pairs(ends, nd, "end_values")?;
            for (axis, &(l, r)) in widths.iter().enumerate() {
                let (eb, ea) = ends[axis];
                // NumPy's linspace takes its denormal-step branch for a whole
                // side of an axis when any lane's step is zero.
                let (mut zero_l, mut zero_r) = (false, false);
                {
                    let view = padded.try_slice(roi(axis))?;
                    for lane in view.lanes(axis as isize)? {
                        let n = lane.size();
                        let first = *lane.get(&[l]).expect("the edge lies in the lane");
                        let last = *lane.get(&[n - r - 1]).expect("the edge lies in the lane");
                        zero_l |= ramp_step_is_zero(eb, first, l);
                        zero_r |= ramp_step_is_zero(ea, last, r);
                    }
                }
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    let n = b.len();
                    let (first, last) = (b[l], b[n - r - 1]);
                    for (i, y) in ramp(eb, first, l, zero_l).into_iter().enumerate() {
                        b[i] = y;
                    }
                    for (i, y) in ramp(ea, last, r, zero_r).into_iter().enumerate() {
                        b[n - 1 - i] = y;
                    }
                    Ok(())
                })?;
            }
        }
        PadMode::Maximum(len) | PadMode::Minimum(len) | PadMode::Mean(len) | PadMode::Median(len) => {
            let stat = match mode {
                PadMode::Maximum(_) => Stat::Max,
                PadMode::Minimum(_) => Stat::Min,
                PadMode::Mean(_) => Stat::Mean,
                _ => Stat::Median,
            };
            let lens: Vec<(Option<usize>, Option<usize>)> = match len {
                None => vec![(None, None); nd],
                Some(v) => as_pairs(v, nd, "stat_length")?
                    .into_iter()
                    .map(|(a, b)| (Some(a), Some(b)))
                    .collect(),
            };
            for (axis, &(l, r)) in widths.iter().enumerate() {
                let m = array.shape()[axis];
                let ll = lens[axis].0.map_or(m, |x| x.min(m));
                let rl = lens[axis].1.map_or(m, |x| x.min(m));
                if (ll == 0 || rl == 0) && matches!(stat, Stat::Max | Stat::Min) {
                    return Err(Error::invalid(
                        "pad: stat_length of 0 yields no value for padding",
                    ));
                }
                // NumPy's sum is pairwise when the reduced axis is the innermost
                // non-trivial one, sequential otherwise.
                let pairwise = array.shape()[axis + 1..].iter().all(|&d| d == 1);
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    let n = b.len();
                    let left = stat_of(stat, &b[l..l + ll], pairwise);
                    let right = stat_of(stat, &b[l + m - rl..l + m], pairwise);
                    b[..l].fill(left);
                    b[n - r..].fill(right);
                    Ok(())
                })?;
            }
        }
        PadMode::Reflect(kind) | PadMode::Symmetric(kind) => {
            let include_edge = matches!(mode, PadMode::Symmetric(_));
            let odd = *kind == ReflectType::Odd;
            for (axis, &(l, r)) in widths.iter().enumerate() {
                let m = array.shape()[axis];
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    if m == 1 {
                        let n = b.len();
                        let v = b[l];
                        b[..l].fill(v);
                        b[n - r..].fill(v);
                        return Ok(());
                    }
                    let (mut lp, mut rp) = (l, r);
                    while lp > 0 || rp > 0 {
                        (lp, rp) = reflect_round(b, lp, rp, m, include_edge, odd);
                    }
                    Ok(())
                })?;
            }
        }
        PadMode::Wrap => {
            for (axis, &(l, r)) in widths.iter().enumerate() {
                let m = array.shape()[axis];
                for_each_lane(&mut padded, roi(axis), axis, |b| {
                    let (mut lp, mut rp) = (l, r);
                    while lp > 0 || rp > 0 {
                        (lp, rp) = wrap_round(b, lp, rp, m);
                    }
                    Ok(())
                })?;
            }
        }
        PadMode::Constant(_) | PadMode::Empty => unreachable!("handled above"),
    }
    Ok(padded)
}

/// A range entry `start..end` of a slice.
fn range(start: usize, end: usize) -> SliceElem {
    SliceElem::Range {
        start: Some(start as isize),
        end: RangeEnd::Exclusive(end as isize),
        step: 1,
    }
}

/// NumPy's `_as_pairs`: one pair for all axes, or one per axis.
fn as_pairs<T: Copy>(p: &[(T, T)], nd: usize, what: &str) -> Result<Vec<(T, T)>> {
    if p.len() == nd {
        Ok(p.to_vec())
    } else if p.len() == 1 {
        Ok(vec![p[0]; nd])
    } else {
        Err(Error::invalid(format!(
            "pad: {what} must have one (before, after) pair or one per axis ({nd}), got {}",
            p.len()
        )))
    }
}

/// Runs `f` on a copy of every lane along `axis` of the region `info` of
/// `padded`, writing the lane back afterwards.
fn for_each_lane<A: Element>(
    padded: &mut Array<A>,
    info: SliceInfo,
    axis: usize,
    mut f: impl FnMut(&mut [A]) -> Result<()>,
) -> Result<()> {
    let mut roi: ArrayViewMut<'_, A> = padded.try_slice_mut(info)?;
    let mut buf: Vec<A> = Vec::new();
    for mut lane in roi.lanes_mut(axis as isize)? {
        buf.clear();
        buf.extend(lane.iter().copied());
        f(&mut buf)?;
        for (d, s) in lane.iter_mut().zip(&buf) {
            *d = *s;
        }
    }
    Ok(())
}

/// One round of NumPy's `_set_reflect_both` on a lane: fills up to one
/// period next to each edge and returns the pad widths still to fill.
fn reflect_round<A: Element>(
    b: &mut [A],
    left_pad: usize,
    right_pad: usize,
    period: usize,
    include_edge: bool,
    odd: bool,
) -> (usize, usize) {
    let n = b.len();
    let valid = n - right_pad - left_pad;
    let (old_length, edge_offset) = if include_edge {
        (valid / period * period, 1)
    } else {
        ((valid - 1) / (period - 1) * (period - 1), 0)
    };
    let (mut lp, mut rp) = (left_pad, right_pad);
    if lp > 0 {
        let chunk = old_length.min(lp);
        // Source: indices stop+chunk down to stop+1, with stop = lp - edge_offset.
        let stop = lp - edge_offset;
        let edge = b[lp];
        for t in 0..chunk {
            let x = b[stop + chunk - t];
            b[lp - chunk + t] = if odd { odd_reflect(edge, x) } else { x };
        }
        lp -= chunk;
    }
    if rp > 0 {
        let chunk = old_length.min(rp);
        // Source: indices n-rp+edge_offset-2 downwards, `chunk` of them.
        let src0 = n - rp + edge_offset - 2;
        let edge = b[n - rp - 1];
        let dst0 = n - rp;
        for t in 0..chunk {
            let x = b[src0 - t];
            b[dst0 + t] = if odd { odd_reflect(edge, x) } else { x };
        }
        rp -= chunk;
    }
    (lp, rp)
}

/// One round of NumPy's `_set_wrap_both` on a lane.
fn wrap_round<A: Element>(b: &mut [A], left_pad: usize, right_pad: usize, original: usize) -> (usize, usize) {
    let n = b.len();
    let period = (n - right_pad - left_pad) / original * original;
    let (mut new_l, mut new_r) = (0, 0);
    if left_pad > 0 {
        let end = left_pad + period;
        let start = end - period.min(left_pad);
        let dst = if left_pad > period {
            new_l = left_pad - period;
            left_pad - period
        } else {
            0
        };
        for t in 0..end - start {
            b[dst + t] = b[start + t];
        }
    }
    if right_pad > 0 {
        let start = n - right_pad - period;
        let len = period.min(right_pad);
        if right_pad > period {
            new_r = right_pad - period;
        }
        let dst = n - right_pad;
        for t in 0..len {
            b[dst + t] = b[start + t];
        }
    }
    (new_l, new_r)
}

/// `2 * edge - x` in the element type (NumPy's odd reflection): integers
/// wrap, floats round once in their own precision, `bool` gives `edge | x`
/// (what NumPy's detour through `int64` amounts to).
fn odd_reflect<A: Element>(edge: A, x: A) -> A {
    match (edge.to_scalar(), x.to_scalar()) {
        (Scalar::Int(e), Scalar::Int(v)) => A::from_scalar(Scalar::Int(e.wrapping_mul(2).wrapping_sub(v))),
        (Scalar::UInt(e), Scalar::UInt(v)) => A::from_scalar(Scalar::UInt(e.wrapping_mul(2).wrapping_sub(v))),
        (Scalar::Bool(e), Scalar::Bool(v)) => A::from_scalar(Scalar::Bool(e || v)),
        (Scalar::Float(e), Scalar::Float(v)) => {
            A::from_scalar(Scalar::Float(rnd::<A>(rnd::<A>(2.0 * e) - v)))
        }
        (Scalar::Complex(e), Scalar::Complex(v)) => A::from_scalar(Scalar::Complex(Complex64::new(
            rnd::<A>(rnd::<A>(2.0 * e.re) - v.re),
            rnd::<A>(rnd::<A>(2.0 * e.im) - v.im),
        ))),
        _ => unreachable!("both values have the same element type"),
    }
}

/// `true` for `f32` and `Complex<f32>`, whose arithmetic rounds to single precision.
fn is_single<A: Element>() -> bool {
    matches!(A::DTYPE, DType::Float32 | DType::Complex64)
}

/// Rounds an `f64` result to the precision of `A`'s arithmetic. An `f32`
/// operation done in `f64` and rounded once is correctly rounded (the
/// double rounding is innocuous for + - * / since 53 >= 2 * 24 + 2).
fn rnd<A: Element>(x: f64) -> f64 {
    if is_single::<A>() { x as f32 as f64 } else { x }
}

/// The real and imaginary parts of a value as `f64`.
fn parts<A: Element>(x: A) -> (f64, f64) {
    match x.to_scalar() {
        Scalar::Bool(b) => (b as u8 as f64, 0.0),
        Scalar::Int(i) => (i as f64, 0.0),
        Scalar::UInt(u) => (u as f64, 0.0),
        Scalar::Float(f) => (f, 0.0),
        Scalar::Complex(c) => (c.re, c.im),
    }
}

/// A value of `A` from `f64` parts (NumPy's cast: float to int truncates).
fn from_parts<A: Element>(re: f64, im: f64) -> A {
    if A::DTYPE.kind() == 'c' {
        A::from_scalar(Scalar::Complex(Complex64::new(re, im)))
    } else {
        A::from_scalar(Scalar::Float(re))
    }
}

/// `true` when NumPy's `linspace(end, edge, width, endpoint=False)` has a
/// zero step.
fn ramp_step_is_zero<A: Element>(end: A, edge: A, width: usize) -> bool {
    if width == 0 {
        return false;
    }
    let (s, e) = (parts(end), parts(edge));
    let div = width as f64;
    let re = (e.0 - s.0) / div;
    let im = (e.1 - s.1) / div;
    re == 0.0 && im == 0.0
}

/// NumPy's `linspace(end, edge, width, endpoint=False, dtype=A)` as `pad`
/// calls it: NumPy turns the end values into `int64`/`float64` NumPy scalars
/// (through `np.array`), which makes the computation `float64` (complex128
/// for complex types) whatever the element type; integer results are
/// floored, then everything is cast to `A`.
fn ramp<A: Element>(end: A, edge: A, width: usize, zero_step: bool) -> Vec<A> {
    if width == 0 {
        return Vec::new();
    }
    let (s, e) = (parts(end), parts(edge));
    let div = width as f64;
    let complex = A::DTYPE.kind() == 'c';
    let integer = matches!(A::DTYPE.kind(), 'i' | 'u');
    let delta = (e.0 - s.0, e.1 - s.1);
    // Complex division by `div + 0j` (NumPy's Smith algorithm) multiplies by 1/div.
    let scale = |x: f64| if complex { x * (1.0 / div) } else { x / div };
    let step = (scale(delta.0), scale(delta.1));
    (0..width)
        .map(|i| {
            let fi = i as f64;
            let (re, im) = if zero_step {
                let q = scale(fi);
                (q * delta.0, q * delta.1)
            } else {
                (fi * step.0, fi * step.1)
            };
            let (mut re, im) = (re + s.0, im + s.1);
            if integer {
                re = re.floor();
            }
            from_parts(re, im)
        })
        .collect()
}

/// The statistics of the `maximum`, `minimum`, `mean` and `median` modes.
#[derive(Clone, Copy)]
enum Stat {
    Max,
    Min,
    Mean,
    Median,
}

/// Total order for the statistics: NaN (in either part) compares as `None`.
fn cmp_values<A: Element>(a: A, b: A) -> Option<Ordering> {
    match (a.to_scalar(), b.to_scalar()) {
        (Scalar::Int(x), Scalar::Int(y)) => Some(x.cmp(&y)),
        (Scalar::UInt(x), Scalar::UInt(y)) => Some(x.cmp(&y)),
        (Scalar::Bool(x), Scalar::Bool(y)) => Some(x.cmp(&y)),
        (Scalar::Float(x), Scalar::Float(y)) => x.partial_cmp(&y),
        (Scalar::Complex(x), Scalar::Complex(y)) => {
            if x.re.is_nan() || x.im.is_nan() || y.re.is_nan() || y.im.is_nan() {
                None
            } else {
                Some(x.re.total_cmp(&y.re).then(x.im.total_cmp(&y.im)))
            }
        }
        _ => unreachable!("both values have the same element type"),
    }
}

/// `true` when the value has a NaN part.
fn has_nan<A: Element>(x: A) -> bool {
    let (re, im) = parts(x);
    re.is_nan() || im.is_nan()
}

/// NumPy's pairwise summation of `f64` values (with per-operation rounding
/// to `A`'s precision), as its `add.reduce` does along a contiguous axis.
fn pairwise<A: Element>(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 8 {
        let mut r = -0.0;
        for &v in x {
            r = rnd::<A>(r + v);
        }
        r
    } else if n <= 128 {
        let mut r = [0.0; 8];
        r.copy_from_slice(&x[..8]);
        let mut i = 8;
        while i < n - n % 8 {
            for k in 0..8 {
                r[k] = rnd::<A>(r[k] + x[i + k]);
            }
            i += 8;
        }
        let s = |a: f64, b: f64| rnd::<A>(a + b);
        let mut res = s(s(s(r[0], r[1]), s(r[2], r[3])), s(s(r[4], r[5]), s(r[6], r[7])));
        while i < n {
            res = rnd::<A>(res + x[i]);
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        rnd::<A>(pairwise::<A>(&x[..n2]) + pairwise::<A>(&x[n2..]))
    }
}

/// The sum NumPy's `mean` computes: `0 + pairwise(x)` or `0 + x0 + x1 + ...`.
fn sum_parts<A: Element>(x: &[f64], pw: bool) -> f64 {
    if pw {
        rnd::<A>(0.0 + pairwise::<A>(x))
    } else {
        x.iter().fold(0.0, |s, &v| rnd::<A>(s + v))
    }
}

/// A mean in `A`'s arithmetic (`f64` for integers and `bool`), converted
/// back to `A` with NumPy's rounding for integer types.
fn mean_to_elem<A: Element>(re: &[f64], im: &[f64], pw: bool) -> A {
    let n = re.len() as f64;
    let complex = A::DTYPE.kind() == 'c';
    let (sr, si) = (sum_parts::<A>(re, pw), sum_parts::<A>(im, pw));
    let (mr, mi) = if complex {
        let scl = rnd::<A>(1.0 / n);
        (rnd::<A>(sr * scl), rnd::<A>(si * scl))
    } else {
        (rnd::<A>(sr / n), 0.0)
    };
    round_back(mr, mi)
}

/// Converts a float statistic to `A`; integer types round half to even
/// first (NumPy's `_round_if_needed`).
fn round_back<A: Element>(re: f64, im: f64) -> A {
    if matches!(A::DTYPE.kind(), 'i' | 'u') {
        from_parts(re.round_ties_even(), im)
    } else {
        from_parts(re, im)
    }
}

/// One statistic of a chunk of a lane.
fn stat_of<A: Element>(stat: Stat, chunk: &[A], pw: bool) -> A {
    match stat {
        Stat::Max | Stat::Min => {
            let want = if matches!(stat, Stat::Max) {
                Ordering::Greater
            } else {
                Ordering::Less
            };
            let mut best = chunk[0];
            for &x in &chunk[1..] {
                if has_nan(best) {
                    break;
                }
                match cmp_values(x, best) {
                    None => best = x,
                    Some(o) if o == want => best = x,
                    _ => {}
                }
            }
            best
        }
        Stat::Mean => {
            let (re, im): (Vec<f64>, Vec<f64>) = chunk.iter().map(|&x| parts(x)).unzip();
            mean_to_elem::<A>(&re, &im, pw)
        }
        Stat::Median => {
            let n = chunk.len();
            if n == 0 {
                return round_back(f64::NAN, 0.0);
            }
            if let Some(&x) = chunk.iter().find(|&&x| has_nan(x)) {
                return x;
            }
            let mut v = chunk.to_vec();
            v.sort_by(|&a, &b| cmp_values(a, b).expect("no NaN left"));
            if n % 2 == 1 {
                return v[n / 2];
            }
            let (a, b) = (parts(v[n / 2 - 1]), parts(v[n / 2]));
            mean_to_elem::<A>(&[a.0, b.0], &[a.1, b.1], true)
        }
    }
}
