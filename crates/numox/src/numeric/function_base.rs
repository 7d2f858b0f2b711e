//! NumPy's `diff`, `ediff1d`, `gradient`, `interp`, `unwrap`,
//! `trapezoid`, `cross` and `vander` (from `numpy/lib/_function_base_impl.py`
//! and friends), with NumPy's formulas so results agree to the last bit
//! where NumPy's own evaluation order is known.

use super::{NumOps, from_lanes, np_sum, to_lanes};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::element::{Element, Float, Numeric, Scalar};
use crate::error::{Error, Result, normalize_axis};
use num_complex::Complex64;
use rayon::prelude::*;

fn need_1d_or_more(ndim: usize, op: &str) -> Result<()> {
    if ndim == 0 {
        return Err(Error::invalid(format!(
            "{op}: requires input that is at least one dimensional"
        )));
    }
    Ok(())
}

/// NumPy's `np.diff(a, n, axis)`: the `n`-th discrete difference along
/// `axis` (`out[i] = a[i+1] - a[i]`, applied `n` times; integers wrap as
/// NumPy's do). The axis shrinks by `n` (to 0 when `n` exceeds it).
///
/// Errors: a 0-d array; `axis` out of range.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::diff(&array![1, 4, 9, 16], 1, -1).unwrap(), array![3, 5, 7]);
/// assert_eq!(numox::diff(&array![1, 4, 9, 16], 2, -1).unwrap(), array![2, 2]);
/// assert_eq!(numox::diff(&array![[1.0, 2.0], [4.0, 8.0]], 1, 0).unwrap(), array![[3.0, 6.0]]);
/// ```
pub fn diff<A: Numeric, S: Data<Elem = A>>(a: &ArrayBase<S>, n: usize, axis: isize) -> Result<Array<A>> {
    diff_with(a, n, axis, None, None)
}

/// NumPy's `np.diff(a, n, axis, prepend, append)`: as [`diff`] after
/// joining `prepend` before and `append` after `a` along `axis`; a 0-d
/// `prepend`/`append` is broadcast to one slice. With `n == 0`, `a` is
/// returned unchanged (NumPy ignores `prepend`/`append` then).
///
/// Errors as [`diff`]; also `prepend`/`append` whose other axes differ from `a`'s.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1, 3, 6];
/// let z = Array::from_elem0(0);
/// let d = numox::diff_with(&a, 1, 0, Some(z.view()), None).unwrap();
/// assert_eq!(d, array![1, 2, 3]);
/// ```
pub fn diff_with<A: Numeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: usize,
    axis: isize,
    prepend: Option<ArrayView<'_, A>>,
    append: Option<ArrayView<'_, A>>,
) -> Result<Array<A>> {
    need_1d_or_more(a.ndim(), "diff")?;
    let ax = normalize_axis(axis, a.ndim())?;
    if n == 0 {
        return Ok(a.to_owned());
    }
    let joined;
    let src: ArrayView<'_, A> = if prepend.is_some() || append.is_some() {
        let mut one = a.shape().to_vec();
        one[ax] = 1;
        let fit = |p: ArrayView<'_, A>| -> Result<Array<A>> {
            if p.ndim() == 0 {
                Ok(p.broadcast(&one)?.to_owned())
            } else {
                Ok(p.to_owned())
            }
        };
        let mut parts: Vec<Array<A>> = Vec::new();
        if let Some(p) = prepend {
            parts.push(fit(p)?);
        }
        parts.push(a.to_owned());
        if let Some(p) = append {
            parts.push(fit(p)?);
        }
        let views: Vec<ArrayView<'_, A>> = parts.iter().map(|p| p.view()).collect();
        joined = crate::concatenate(&views, Some(ax as isize))?;
        joined.view()
    } else {
        a.view()
    };
    let (data, outer, len) = to_lanes(&src, ax)?;
    let m = len.saturating_sub(n);
    let mut out = Vec::with_capacity(outer.iter().product::<usize>() * m);
    let mut lane = Vec::with_capacity(len);
    if len > 0 {
        for chunk in data.chunks(len) {
            lane.clear();
            lane.extend_from_slice(chunk);
            for k in 0..n.min(len) {
                for i in 0..lane.len() - 1 - k {
                    lane[i] = lane[i + 1].sub(lane[i]);
                }
            }
            out.extend_from_slice(&lane[..m]);
        }
    }
    from_lanes(out, &outer, m, ax)
}

/// NumPy's `np.ediff1d(ary, to_end, to_begin)`: the differences between
/// consecutive elements of the flattened array, with `to_begin` before and
/// `to_end` after them.
///
/// ```
/// use numox::prelude::*;
/// let d = numox::ediff1d(&array![[1, 2], [4, 7]], Some(&[100][..]), Some(&[-1, 0][..]));
/// assert_eq!(d, array![-1, 0, 1, 2, 3, 100]);
/// ```
pub fn ediff1d<A: Numeric, S: Data<Elem = A>>(
    ary: &ArrayBase<S>,
    to_end: Option<&[A]>,
    to_begin: Option<&[A]>,
) -> Array<A> {
    let v = ary.to_vec();
    let mut out: Vec<A> = to_begin.map(<[A]>::to_vec).unwrap_or_default();
    out.extend(v.windows(2).map(|w| w[1].sub(w[0])));
    if let Some(e) = to_end {
        out.extend_from_slice(e);
    }
    Array::from_vec(out)
}

/// The sample spacing along one axis in [`gradient`]: a uniform step or
/// the coordinates of the samples (NumPy's scalar or array `varargs`).
///
/// ```
/// use numox::prelude::*;
/// use numox::Spacing;
/// let g = numox::gradient(&array![0.0, 1.0, 4.0], &[Spacing::Coords(vec![0.0, 1.0, 3.0])], None, 1).unwrap();
/// let v: Vec<f64> = g[0].to_vec();
/// assert_eq!((v[0], v[2]), (1.0, 1.5));
/// assert!((v[1] - 7.0 / 6.0).abs() < 1e-15);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Spacing {
    /// A constant step between samples.
    Uniform(f64),
    /// The coordinate of each sample along the axis (length of the axis).
    Coords(Vec<f64>),
}

/// NumPy's `np.gradient(f, *varargs, axis, edge_order)`: second-order
/// central differences inside, first- or second-order one-sided differences
/// at the ends (`edge_order` 1 or 2), along each axis in `axis` (`None`: all
/// axes, in order). `spacing` is empty (step 1 everywhere), one entry (used
/// for every axis; must be uniform when there are several axes) or one
/// entry per axis. The result holds one array per axis, each of `f`'s shape.
///
/// Errors: `edge_order` not 1 or 2; an axis shorter than `edge_order + 1`;
/// a wrong number of spacings; coordinates of another length than the axis;
/// a repeated or out-of-range axis.
///
/// ```
/// use numox::prelude::*;
/// let f = array![1.0, 2.0, 4.0, 7.0, 11.0];
/// let g = numox::gradient(&f, &[], None, 1).unwrap();
/// assert_eq!(g[0], array![1.0, 1.5, 2.5, 3.5, 4.0]);
/// let g2 = numox::gradient(&f, &[numox::Spacing::Uniform(2.0)], None, 2).unwrap();
/// assert_eq!(g2[0], array![0.25, 0.75, 1.25, 1.75, 2.25]);
/// ```
pub fn gradient<F: Float, S: Data<Elem = F>>(
    f: &ArrayBase<S>,
    spacing: &[Spacing],
    axis: Option<&[isize]>,
    edge_order: usize,
) -> Result<Vec<Array<F>>> {
    let nd = f.ndim();
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(ax) => ax.iter().map(|&a| normalize_axis(a, nd)).collect::<Result<_>>()?,
    };
    for (i, a) in axes.iter().enumerate() {
        if axes[..i].contains(a) {
            return Err(Error::invalid("gradient: repeated axis"));
        }
    }
    if edge_order != 1 && edge_order != 2 {
        return Err(Error::invalid("'edge_order' greater than 2 not supported"));
    }
    let spacings: Vec<Spacing> = match spacing.len() {
        0 => vec![Spacing::Uniform(1.0); axes.len()],
        1 if matches!(spacing[0], Spacing::Uniform(_)) => vec![spacing[0].clone(); axes.len()],
        k if k == axes.len() => spacing.to_vec(),
        _ => return Err(Error::invalid("invalid number of arguments")),
    };
    let c = |v: f64| -> F { num_traits::cast(v).unwrap_or_else(F::nan) };
    let mut outs = Vec::with_capacity(axes.len());
    for (&ax, sp) in axes.iter().zip(&spacings) {
        // The last axis of a C-ordered array is already in lanes: no copy.
        let owned;
        let (data, outer, n): (&[F], Vec<usize>, usize) = match f.as_slice() {
            Some(s) if ax + 1 == nd => (s, f.shape()[..ax].to_vec(), f.shape()[ax]),
            _ => {
                let (d, o, n) = to_lanes(f, ax)?;
                owned = d;
                (&owned[..], o, n)
            }
        };
        if n < edge_order + 1 {
            return Err(Error::invalid(format!(
                "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required (axis {ax} has {n})."
            )));
        }
        // Fallible and hinted to use huge pages: a zeroed `vec!` of 10^7
        // doubles took ~40% of `gradient`'s time in page faults taken by
        // both threads at once (perf, AMD EPYC, 2026-11-27).
        let mut out = crate::array::copy::try_vec(data.len(), f.shape())?;
        out.resize(data.len(), F::zero());
        match sp {
            Spacing::Uniform(h) => {
                for (lane, o) in data.chunks(n).zip(out.chunks_mut(n)) {
                    grad_lane(lane, Some(c(*h)), &[], edge_order, o);
                }
            }
            Spacing::Coords(x) => {
                if x.len() != n {
                    return Err(Error::invalid(
                        "when 1d, distances must match the length of the corresponding dimension",
                    ));
                }
                // NumPy computes with the f64 coordinate differences (an
                // f64 array, or an f64 scalar when they are all equal), so
                // the arithmetic is f64 for every input type, rounded once.
                let d: Vec<f64> = x.windows(2).map(|w| w[1] - w[0]).collect();
                let uniform = d.iter().all(|&v| v == d[0]).then(|| d[0]);
                let mut l64 = vec![0.0f64; n];
                let mut o64 = vec![0.0f64; n];
                for (lane, o) in data.chunks(n).zip(out.chunks_mut(n)) {
                    for (t, &v) in l64.iter_mut().zip(lane) {
                        *t = num_traits::cast(v).unwrap_or(f64::NAN);
                    }
                    grad_lane(&l64, uniform, &d, edge_order, &mut o64);
                    for (t, &v) in o.iter_mut().zip(&o64) {
                        *t = c(v);
                    }
                }
            }
        }
        outs.push(from_lanes(out, &outer, n, ax)?);
    }
    Ok(outs)
}

/// `o[i] = (hi[i] - lo[i]) / d` (NumPy's `(f[2:] - f[:-2]) / (2 * dx)`),
/// vectorised, on all threads for long lanes (each value is computed alone,
/// so the thread count does not matter).
fn central_diff<F: Float>(o: &mut [F], hi: &[F], lo: &[F], d: F) {
    use crate::ufunc::kernel::{CHUNK, PAR_THRESHOLD};
    let run = |o: &mut [F], hi: &[F], lo: &[F]| {
        for ((o, &a), &b) in o.iter_mut().zip(hi).zip(lo) {
            *o = (a - b) / d;
        }
    };
    if o.len() >= PAR_THRESHOLD {
        crate::parallel::for_each_chunk_mut(o, CHUNK, &|c, o| {
            let r = c * CHUNK..c * CHUNK + o.len();
            run(o, &hi[r.clone()], &lo[r])
        });
    } else {
        run(o, hi, lo);
    }
}

/// One lane of [`gradient`]: uniform step `h`, or the steps `dxs`.
fn grad_lane<F: Float>(lane: &[F], h: Option<F>, dxs: &[F], edge_order: usize, o: &mut [F]) {
    let n = lane.len();
    let c = |v: f64| -> F { num_traits::cast(v).unwrap_or_else(F::nan) };
    let two = c(2.0);
    match h {
        Some(h) => {
            central_diff(&mut o[1..n - 1], &lane[2..], &lane[..n - 2], two * h);
            if edge_order == 1 {
                o[0] = (lane[1] - lane[0]) / h;
                o[n - 1] = (lane[n - 1] - lane[n - 2]) / h;
            } else {
                let (a, b, cc) = (c(-1.5) / h, two / h, c(-0.5) / h);
                o[0] = a * lane[0] + b * lane[1] + cc * lane[2];
                let (a, b, cc) = (c(0.5) / h, c(-2.0) / h, c(1.5) / h);
                o[n - 1] = a * lane[n - 3] + b * lane[n - 2] + cc * lane[n - 1];
            }
        }
        None => {
            for i in 1..n - 1 {
                let (dx1, dx2) = (dxs[i - 1], dxs[i]);
                let a = -dx2 / (dx1 * (dx1 + dx2));
                let b = (dx2 - dx1) / (dx1 * dx2);
                let cc = dx1 / (dx2 * (dx1 + dx2));
                o[i] = a * lane[i - 1] + b * lane[i] + cc * lane[i + 1];
            }
            if edge_order == 1 {
                o[0] = (lane[1] - lane[0]) / dxs[0];
                o[n - 1] = (lane[n - 1] - lane[n - 2]) / dxs[n - 2];
            } else {
                let (dx1, dx2) = (dxs[0], dxs[1]);
                let a = -(two * dx1 + dx2) / (dx1 * (dx1 + dx2));
                let b = (dx1 + dx2) / (dx1 * dx2);
                let cc = -dx1 / (dx2 * (dx1 + dx2));
                o[0] = a * lane[0] + b * lane[1] + cc * lane[2];
                let (dx1, dx2) = (dxs[n - 3], dxs[n - 2]);
                let a = dx2 / (dx1 * (dx1 + dx2));
                let b = -(dx2 + dx1) / (dx1 * dx2);
                let cc = (two * dx2 + dx1) / (dx2 * (dx1 + dx2));
                o[n - 1] = a * lane[n - 3] + b * lane[n - 2] + cc * lane[n - 1];
            }
        }
    }
}

/// The rightmost `j` with `xp[j] <= x` (`-1` below `xp[0]`, `len` above the last).
#[inline]
fn interp_index(xp: &[f64], x: f64) -> isize {
    let n = xp.len();
    if x < xp[0] {
        return -1;
    }
    if x > xp[n - 1] {
        return n as isize;
    }
    xp.partition_point(|&e| e <= x) as isize - 1
}

#[inline]
fn interp_one(x: f64, xp: &[f64], fp: &[f64], left: f64, right: f64) -> f64 {
    let n = xp.len();
    if n == 1 {
        return if x < xp[0] {
            left
        } else if x > xp[0] {
            right
        } else {
            fp[0]
        };
    }
    if x.is_nan() {
        return x;
    }
    let j = interp_index(xp, x);
    if j < 0 {
        return left;
    }
    let j = j as usize;
    if j >= n {
        right
    } else if j == n - 1 || xp[j] == x {
        fp[j]
    } else {
        let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        let mut r = slope * (x - xp[j]) + fp[j];
        if r.is_nan() {
            r = slope * (x - xp[j + 1]) + fp[j + 1];
            if r.is_nan() && fp[j] == fp[j + 1] {
                r = fp[j];
            }
        }
        r
    }
}

/// Python's `x % p` for floats (NumPy's `remainder`): the sign of `p`.
fn py_mod(x: f64, p: f64) -> f64 {
    let r = x % p;
    if r != 0.0 {
        if (r < 0.0) != (p < 0.0) { r + p } else { r }
    } else {
        0.0f64.copysign(p)
    }
}

/// NumPy's `np.interp(x, xp, fp, left, right, period)`: the piecewise
/// linear interpolant through `(xp, fp)` (`xp` increasing) at `x`, with
/// NumPy's exact arithmetic: `slope * (x - xp[j]) + fp[j]`, retried from the
/// right end of the interval when that is NaN (infinite `fp`). Below
/// `xp[0]` it is `left` (default `fp[0]`), above `xp[-1]` `right` (default
/// `fp[-1]`); NaN in `x` gives NaN. With `period`, `xp` and `x` are taken
/// modulo `period` (and `left`/`right` ignored). The result has `x`'s shape.
///
/// Errors: `xp`/`fp` not 1-d, of different lengths, or empty; `period == 0`.
///
/// ```
/// use numox::prelude::*;
/// let (xp, fp) = (array![1.0, 2.0, 3.0], array![3.0, 2.0, 0.0]);
/// let y = numox::interp(&array![0.0, 1.5, 2.5, 9.0], &xp, &fp, None, Some(-1.0), None).unwrap();
/// assert_eq!(y, array![3.0, 2.5, 1.0, -1.0]);
/// let p = numox::interp(&array![370.0], &array![0.0, 90.0], &array![0.0, 9.0], None, None, Some(360.0)).unwrap();
/// assert_eq!(p, array![1.0]); // 370 is 10 modulo 360
/// ```
pub fn interp<S: Data<Elem = f64>, S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    x: &ArrayBase<S>,
    xp: &ArrayBase<S1>,
    fp: &ArrayBase<S2>,
    left: Option<f64>,
    right: Option<f64>,
    period: Option<f64>,
) -> Result<Array<f64>> {
    let mut xs = crate::array::copy::try_to_vec(x)?;
    let (xpv, fpv, left, right) =
        interp_setup(xp, fp.view().to_vec(), fp.ndim(), left, right, period, &mut xs)?;
    let mut out = vec![0.0; xs.len()];
    out.par_chunks_mut(1 << 14)
        .zip(xs.par_chunks(1 << 14))
        .for_each(|(o, xc)| {
            for (r, &v) in o.iter_mut().zip(xc) {
                *r = interp_one(v, &xpv, &fpv, left, right);
            }
        });
    Array::from_shape_vec(x.shape(), out)
}

/// The checks and the `period` unwrapping shared by [`interp`] and
/// [`interp_complex`]: returns the sample points, their values and the
/// `left`/`right` fill values to use; `xs` is reduced modulo `period`.
fn interp_setup<T: Copy, S1: Data<Elem = f64>>(
    xp: &ArrayBase<S1>,
    fp: Vec<T>,
    fp_ndim: usize,
    left: Option<T>,
    right: Option<T>,
    period: Option<f64>,
    xs: &mut [f64],
) -> Result<(Vec<f64>, Vec<T>, T, T)> {
    if xp.ndim() != 1 || fp_ndim != 1 {
        return Err(Error::invalid("Data points must be 1-D sequences"));
    }
    if xp.len() != fp.len() {
        return Err(Error::invalid("fp and xp are not of the same length."));
    }
    if xp.is_empty() {
        return Err(Error::invalid("array of sample points is empty"));
    }
    Ok(match period {
        Some(p) => {
            if p == 0.0 {
                return Err(Error::invalid("period must be a non-zero value"));
            }
            let p = p.abs();
            xs.iter_mut().for_each(|v| *v = py_mod(*v, p));
            let xm: Vec<f64> = xp.iter().map(|&v| py_mod(v, p)).collect();
            let mut order: Vec<usize> = (0..xm.len()).collect();
            order.sort_by(|&a, &b| xm[a].total_cmp(&xm[b]));
            let n = xm.len();
            let mut xv = Vec::with_capacity(n + 2);
            let mut fv = Vec::with_capacity(n + 2);
            xv.push(xm[order[n - 1]] - p);
            fv.push(fp[order[n - 1]]);
            for &i in &order {
                xv.push(xm[i]);
                fv.push(fp[i]);
            }
            xv.push(xm[order[0]] + p);
            fv.push(fp[order[0]]);
            let (l, r) = (fv[0], fv[n + 1]);
            (xv, fv, l, r)
        }
        None => {
            let l = left.unwrap_or(fp[0]);
            let r = right.unwrap_or(fp[fp.len() - 1]);
            (xp.to_vec(), fp, l, r)
        }
    })
}

/// One complex value of NumPy's `arr_interp_complex`: the slope of each
/// part is the difference times `1 / (xp[j+1] - xp[j])` (NumPy multiplies
/// by the inverse here, where the real version divides); each part is
/// retried from the right end when it is NaN; NaN `x` gives `NaN + 0j`.
#[inline]
fn interp_one_c(x: f64, xp: &[f64], fp: &[Complex64], left: Complex64, right: Complex64) -> Complex64 {
    let n = xp.len();
    if n == 1 {
        return if x < xp[0] {
            left
        } else if x > xp[0] {
            right
        } else {
            fp[0]
        };
    }
    if x.is_nan() {
        return Complex64::new(x, 0.0);
    }
    let j = interp_index(xp, x);
    if j < 0 {
        return left;
    }
    let j = j as usize;
    if j >= n {
        return right;
    }
    if j == n - 1 || xp[j] == x {
        return fp[j];
    }
    let inv_dx = 1.0 / (xp[j + 1] - xp[j]);
    let part = |a: f64, b: f64| {
        let slope = (b - a) * inv_dx;
        let mut r = slope * (x - xp[j]) + a;
        if r.is_nan() {
            r = slope * (x - xp[j + 1]) + b;
            if r.is_nan() && a == b {
                r = a;
            }
        }
        r
    };
    Complex64::new(part(fp[j].re, fp[j + 1].re), part(fp[j].im, fp[j + 1].im))
}

/// NumPy's `np.interp(x, xp, fp, left, right, period)` with complex `fp`
/// (NumPy's `interp_complex`): the real and imaginary parts are
/// interpolated separately, with NumPy's arithmetic (the slope is the
/// difference times the inverse of the interval). `left`/`right` default
/// to `fp[0]`/`fp[-1]`; NaN in `x` gives `NaN + 0j`. Same errors as
/// [`interp`].
///
/// ```
/// use numox::prelude::*;
/// use numox::Complex64 as C;
/// let xp = array![0.0, 1.0, 2.0];
/// let fp = Array::from_vec(vec![C::new(0.0, 4.0), C::new(2.0, 0.0), C::new(4.0, 2.0)]);
/// let y = numox::interp_complex(&array![0.5, 1.5, 3.0], &xp, &fp, None, Some(C::new(0.0, -1.0)), None).unwrap();
/// assert_eq!(y.to_vec(), vec![C::new(1.0, 2.0), C::new(3.0, 1.0), C::new(0.0, -1.0)]);
/// assert!(numox::interp_complex(&array![0.5], &xp, &fp, None, None, Some(0.0)).is_err());
/// ```
pub fn interp_complex<S: Data<Elem = f64>, S1: Data<Elem = f64>, S2: Data<Elem = Complex64>>(
    x: &ArrayBase<S>,
    xp: &ArrayBase<S1>,
    fp: &ArrayBase<S2>,
    left: Option<Complex64>,
    right: Option<Complex64>,
    period: Option<f64>,
) -> Result<Array<Complex64>> {
    let mut xs = crate::array::copy::try_to_vec(x)?;
    let (xpv, fpv, left, right) =
        interp_setup(xp, fp.view().to_vec(), fp.ndim(), left, right, period, &mut xs)?;
    let mut out = vec![Complex64::new(0.0, 0.0); xs.len()];
    out.par_chunks_mut(1 << 14)
        .zip(xs.par_chunks(1 << 14))
        .for_each(|(o, xc)| {
            for (r, &v) in o.iter_mut().zip(xc) {
                *r = interp_one_c(v, &xpv, &fpv, left, right);
            }
        });
    Array::from_shape_vec(x.shape(), out)
}

/// NumPy's `np.unwrap(p, discont, axis, period)`: replaces each jump
/// between neighbours along `axis` larger than `max(discont, period/2)`
/// by its equivalent modulo `period` (`discont` defaults to `period / 2`).
///
/// Errors: a 0-d array; `axis` out of range.
///
/// ```
/// use numox::prelude::*;
/// let pi = std::f64::consts::PI;
/// let u = numox::unwrap(&array![0.0, 1.5 * pi, 0.5 * pi], None, -1, 2.0 * pi).unwrap();
/// assert!((u.to_vec()[1] + 0.5 * pi).abs() < 1e-15);
/// let d = numox::unwrap(&array![0.0, 3.0, 7.0, 10.0], None, -1, 4.0).unwrap();
/// assert_eq!(d, array![0.0, -1.0, -1.0, -2.0]);
/// ```
pub fn unwrap<F: Float, S: Data<Elem = F>>(
    p: &ArrayBase<S>,
    discont: Option<F>,
    axis: isize,
    period: F,
) -> Result<Array<F>> {
    need_1d_or_more(p.ndim(), "unwrap")?;
    let ax = normalize_axis(axis, p.ndim())?;
    let two = F::one() + F::one();
    let discont = discont.unwrap_or(period / two);
    let high = period / two;
    let low = -high;
    let fmod = |x: F, m: F| -> F {
        let r = x % m;
        if r != F::zero() {
            if (r < F::zero()) != (m < F::zero()) {
                r + m
            } else {
                r
            }
        } else {
            F::zero().copysign(m)
        }
    };
    let (mut data, outer, n) = to_lanes(p, ax)?;
    if n > 0 {
        for lane in data.chunks_mut(n) {
            let mut acc = F::zero();
            let mut prev = lane[0];
            for v in lane.iter_mut().skip(1) {
                let cur = *v;
                let dd = cur - prev;
                let mut ddmod = fmod(dd - low, period) + low;
                if ddmod == low && dd > F::zero() {
                    ddmod = high;
                }
                let mut corr = ddmod - dd;
                if dd.abs() < discont {
                    corr = F::zero();
                }
                acc = acc + corr;
                *v = cur + acc;
                prev = cur;
            }
        }
    }
    from_lanes(data, &outer, n, ax)
}

/// NumPy's `np.trapezoid(y, x, dx, axis)`: the integral of `y` along `axis`
/// by the trapezoidal rule, with sample points `x` (1-d of the axis's
/// length, or of `y`'s shape) or a constant spacing `dx`. The result drops
/// `axis` (a 0-d array for 1-d `y`); an axis of length 0 or 1 gives 0.
///
/// Errors: a 0-d `y`; `axis` out of range; `x` of a shape that does not fit.
///
/// ```
/// use numox::prelude::*;
/// let y = array![1.0, 2.0, 3.0];
/// assert_eq!(numox::trapezoid(&y, None::<&Array<f64>>, 1.0, -1).unwrap().into_scalar(), 4.0);
/// let x = array![0.0, 1.0, 3.0];
/// assert_eq!(numox::trapezoid(&y, Some(&x), 1.0, -1).unwrap().into_scalar(), 6.5);
/// ```
pub fn trapezoid<F: Float, S: Data<Elem = F>, SX: Data<Elem = F>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<SX>>,
    dx: F,
    axis: isize,
) -> Result<Array<F>> {
    need_1d_or_more(y.ndim(), "trapezoid")?;
    let ax = normalize_axis(axis, y.ndim())?;
    let (data, outer, n) = to_lanes(y, ax)?;
    let m = n.saturating_sub(1);
    // d per lane: None (dx), one shared vector, or one per lane.
    let (dshared, dlanes): (Option<Vec<F>>, Option<Vec<F>>) = match x {
        None => (None, None),
        Some(x) if x.ndim() == 1 => {
            let xv = x.to_vec();
            let d: Vec<F> = xv.windows(2).map(|w| w[1] - w[0]).collect();
            if d.len() != m && d.len() != 1 {
                return Err(Error::shape_mismatch("trapezoid", x.shape(), y.shape()));
            }
            let d = if d.len() == 1 && m != 1 { vec![d[0]; m] } else { d };
            (Some(d), None)
        }
        Some(x) => {
            if x.shape() != y.shape() {
                return Err(Error::shape_mismatch("trapezoid", x.shape(), y.shape()));
            }
            let (xd, _, _) = to_lanes(x, ax)?;
            let mut d = Vec::with_capacity(outer.iter().product::<usize>() * m);
            if n > 0 {
                for lane in xd.chunks(n) {
                    d.extend(lane.windows(2).map(|w| w[1] - w[0]));
                }
            }
            (None, Some(d))
        }
    };
    let two = F::one() + F::one();
    let lanes = outer.iter().product::<usize>();
    let mut terms = vec![F::zero(); lanes * m];
    for l in 0..lanes {
        for i in 0..m {
            let d = match (&dshared, &dlanes) {
                (Some(d), _) => d[i],
                (_, Some(d)) => d[l * m + i],
                _ => dx,
            };
            terms[l * m + i] = d * (data[l * n + i + 1] + data[l * n + i]) / two;
        }
    }
    // NumPy reduces a contiguous last axis pairwise, other axes in order.
    let sums: Vec<F> = if ax + 1 == y.ndim() {
        (0..lanes).map(|l| np_sum(&terms[l * m..(l + 1) * m])).collect()
    } else {
        (0..lanes)
            .map(|l| {
                (0..m)
                    .fold(None, |acc: Option<F>, i| {
                        Some(acc.map_or(terms[l * m + i], |s| s + terms[l * m + i]))
                    })
                    .unwrap_or(F::zero())
            })
            .collect()
    };
    Array::from_shape_vec(&outer, sums)
}

/// NumPy's `np.cross(a, b, axisa, axisb, axisc)`: the cross product of the
/// 2- or 3-vectors along `axisa` of `a` and `axisb` of `b` (the other axes
/// broadcast). Two 2-vectors give the z component only (a scalar per
/// pair); otherwise the result has 3 components along `axisc` (a 2-vector
/// is taken with z = 0).
///
/// Errors: a vector axis of length other than 2 or 3; axes out of range;
/// shapes that do not broadcast.
///
/// ```
/// use numox::prelude::*;
/// let c = numox::cross(&array![1.0, 0.0, 0.0], &array![0.0, 1.0, 0.0], -1, -1, -1).unwrap();
/// assert_eq!(c, array![0.0, 0.0, 1.0]);
/// assert_eq!(numox::cross(&array![1, 2], &array![3, 4], -1, -1, -1).unwrap().into_scalar(), -2);
/// ```
pub fn cross<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    axisa: isize,
    axisb: isize,
    axisc: isize,
) -> Result<Array<A>> {
    need_1d_or_more(a.ndim(), "cross")?;
    need_1d_or_more(b.ndim(), "cross")?;
    let aa = normalize_axis(axisa, a.ndim())?;
    let ab = normalize_axis(axisb, b.ndim())?;
    let am = crate::moveaxis(a, aa as isize, -1)?;
    let bm = crate::moveaxis(b, ab as isize, -1)?;
    let (da, db) = (a.shape()[aa], b.shape()[ab]);
    if !(da == 2 || da == 3) || !(db == 2 || db == 3) {
        return Err(Error::invalid(
            "incompatible dimensions for cross product\n(dimension must be 2 or 3)",
        ));
    }
    let sa = &am.shape()[..am.ndim() - 1];
    let sb = &bm.shape()[..bm.ndim() - 1];
    let shape = crate::broadcast_shapes(&[sa, sb])?;
    let mut sha = shape.to_vec();
    sha.push(da);
    let mut shb = shape.to_vec();
    shb.push(db);
    let av = am.broadcast(&sha)?.to_vec();
    let bv = bm.broadcast(&shb)?.to_vec();
    let count: usize = shape.iter().product();
    if da == 2 && db == 2 {
        let out: Vec<A> = (0..count)
            .map(|k| {
                let (x, y) = (&av[k * 2..k * 2 + 2], &bv[k * 2..k * 2 + 2]);
                x[0].nmul(y[1]).sub(x[1].nmul(y[0]))
            })
            .collect();
        return Array::from_shape_vec(&shape, out);
    }
    let nd_out = shape.len() + 1;
    let ac = normalize_axis(axisc, nd_out)?;
    let mut out = Vec::with_capacity(count * 3);
    for k in 0..count {
        let x = &av[k * da..(k + 1) * da];
        let y = &bv[k * db..(k + 1) * db];
        let (c0, c1) = match (da, db) {
            (3, 3) => (
                x[1].nmul(y[2]).sub(x[2].nmul(y[1])),
                x[2].nmul(y[0]).sub(x[0].nmul(y[2])),
            ),
            (2, 3) => (x[1].nmul(y[2]), x[0].nmul(y[2]).neg()),
            _ => (x[2].nmul(y[1]).neg(), x[2].nmul(y[0])),
        };
        let c2 = x[0].nmul(y[1]).sub(x[1].nmul(y[0]));
        out.extend_from_slice(&[c0, c1, c2]);
    }
    from_lanes(out, &shape, 3, ac)
}

/// NumPy's `np.vander(x, N, increasing)`: the Vandermonde matrix of the
/// 1-d `x` with `N` columns (default `len(x)`): column `j` is
/// `x^(N-1-j)`, or `x^j` with `increasing`. Powers are built by repeated
/// multiplication, as NumPy does (integers wrap).
///
/// Errors: `x` not 1-d.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::vander(&array![2, 3], None, false).unwrap(), array![[2, 1], [3, 1]]);
/// assert_eq!(numox::vander(&array![2.0], Some(3), true).unwrap(), array![[1.0, 2.0, 4.0]]);
/// ```
pub fn vander<A: Numeric, S: Data<Elem = A>>(
    x: &ArrayBase<S>,
    n: Option<usize>,
    increasing: bool,
) -> Result<Array<A>> {
    if x.ndim() != 1 {
        return Err(Error::invalid("x must be a one-dimensional array or sequence."));
    }
    let xs = x.to_vec();
    let n = n.unwrap_or(xs.len());
    let total = xs.len().checked_mul(n).ok_or_else(|| Error::TooBig {
        shape: [xs.len(), n][..].into(),
    })?;
    let mut out = crate::array::copy::try_vec::<A>(total, &[xs.len(), n])?;
    for &v in &xs {
        let mut row = Vec::with_capacity(n);
        let mut p = A::one();
        for j in 0..n {
            if j > 0 {
                p = p.nmul(v);
            }
            row.push(p);
        }
        if !increasing {
            row.reverse();
        }
        out.extend(row);
    }
    Array::from_shape_vec(&[xs.len(), n], out)
}

/// The complex conjugate of `x` (itself for real types).
pub(crate) fn conj<A: Element>(x: A) -> A {
    match x.to_scalar() {
        Scalar::Complex(z) => A::from_scalar(Scalar::Complex(z.conj())),
        _ => x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn diff_of_ints_wraps_and_keeps_dtype() {
        let d = diff(&array![0u8, 255, 1], 1, 0).unwrap();
        assert_eq!(d, array![255u8, 2]);
    }

    #[test]
    fn interp_infinite_fp_uses_right_end() {
        let y = interp(
            &array![0.5],
            &array![0.0, 1.0],
            &array![f64::INFINITY, f64::INFINITY],
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(y, array![f64::INFINITY]);
    }

    #[test]
    fn gradient_too_short_is_error() {
        assert!(gradient(&array![1.0], &[], None, 1).is_err());
        assert!(gradient(&array![1.0, 2.0], &[], None, 2).is_err());
    }

    #[test]
    fn conj_of_real_is_identity() {
        assert_eq!(conj(2.0f64), 2.0);
    }
}
