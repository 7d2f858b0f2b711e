//! `argmin` and `argmax`: the index of the first occurrence of the extreme;
//! a NaN counts as the extreme (the first NaN wins), as in NumPy.

use super::elem::MinMaxElement;
use super::plan::Src;
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};

/// Index of the first extreme of a lane of `n` elements given by `get`
/// (NumPy's `@TYPE@_argmax` loop: replace on "better or NaN", stop at a NaN).
#[inline]
fn arg_lane<A: MinMaxElement>(n: usize, get: impl Fn(usize) -> A, max: bool) -> usize {
    let mut best = get(0);
    if best.isnan() {
        return 0;
    }
    let mut at = 0;
    for i in 1..n {
        let x = get(i);
        let better = if max {
            A::gt_or_nan(x, best)
        } else {
            A::lt_or_nan(x, best)
        };
        if better {
            best = x;
            at = i;
            if best.isnan() {
                break;
            }
        }
    }
    at
}

/// [`arg_lane`] of a contiguous slice, vectorised: the extreme of each block
/// (256 to 2048 elements) by the SIMD `max_run`/`min_run`, the first block whose
/// extreme beats every earlier one (strictly; a NaN beats everything and ends
/// the search) picked by a scan over the block extremes, then `arg_lane` on
/// that block alone. The same index as `arg_lane`: the block holding the
/// first occurrence of the extreme (or the first NaN) is the first block
/// whose extreme is the extreme. Long slices split into parts searched on
/// threads, combined in order the same way, so the answer does not depend on
/// the thread count.
fn arg_slice<A: MinMaxElement>(s: &[A], max: bool) -> usize {
    // Blocks of 256 to 2048 elements, about a sixteenth of the slice: long
    // enough that the per-block call (the SIMD dispatch, the lane reduction)
    // is a few percent of the block's scan, short enough that the one block
    // scanned again element by element at the end stays cheap.
    const BLOCK: usize = 256;
    const PART: usize = 1 << 18;
    let better = |x: A, m: A| {
        if max {
            A::gt_or_nan(x, m)
        } else {
            A::lt_or_nan(x, m)
        }
    };
    if s.len() > 2 * PART {
        let parts: Vec<(usize, A)> = crate::parallel::map_collect(s.len().div_ceil(PART), &|k| {
            let c = &s[k * PART..((k + 1) * PART).min(s.len())];
            let i = arg_slice(c, max);
            (k * PART + i, c[i])
        });
        let (mut at, mut best) = parts[0];
        for &(i, x) in &parts[1..] {
            if best.isnan() {
                break;
            }
            if better(x, best) {
                (at, best) = (i, x);
            }
        }
        return at;
    }
    // One vectorised pass when the type has one and there is no NaN.
    if let Some(i) = A::arg_extreme(s, max) {
        return i;
    }
    if s.len() <= 2 * BLOCK {
        return arg_lane(s.len(), |i| s[i], max);
    }
    let extreme = |c: &[A]| {
        let src = Src::from_slice(c);
        if max { A::max_run(src) } else { A::min_run(src) }
    };
    let block = (s.len() / 16).clamp(BLOCK, 8 * BLOCK) & !7;
    let (mut best, mut at) = (extreme(&s[..block]), 0);
    if !best.isnan() {
        for (k, c) in s.chunks(block).enumerate().skip(1) {
            let e = extreme(c);
            if better(e, best) {
                (best, at) = (e, k);
                if e.isnan() {
                    break;
                }
            }
        }
    }
    let c = &s[at * block..((at + 1) * block).min(s.len())];
    at * block + arg_lane(c.len(), |i| c[i], max)
}

fn empty_err(max: bool) -> Error {
    Error::EmptyReduction {
        op: if max { "argmax" } else { "argmin" },
    }
}

fn arg_all<A: MinMaxElement, S: Data<Elem = A>>(a: &ArrayBase<S>, max: bool) -> Result<usize> {
    if a.is_empty() {
        return Err(empty_err(max));
    }
    if let Some(s) = a.as_slice() {
        return Ok(arg_slice(s, max));
    }
    // NumPy flattens in C order first.
    let v = a.to_vec();
    Ok(arg_slice(&v, max))
}

fn arg_axis<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: isize,
    keepdims: bool,
    max: bool,
) -> Result<Array<i64>> {
    let ax = normalize_axis(axis, a.ndim().max(1))?;
    if a.ndim() == 0 {
        // NumPy treats a 0-d array as one element along axis 0 / -1.
        return Ok(Array::from_elem0(0));
    }
    let n = a.shape()[ax];
    if n == 0 {
        return Err(empty_err(max));
    }
    let mut shape: Vec<usize> = a.shape().to_vec();
    if keepdims {
        shape[ax] = 1;
    } else {
        shape.remove(ax);
    }
    if a.strides()[ax].unsigned_abs() != 1 && a.size() >= 4096 {
        // Lanes along a non-contiguous axis: sweep the array slice by slice
        // (contiguous reads) keeping every lane's best so far; each lane
        // still sees its elements in order, so the answer is the lane scan's.
        let out = arg_by_slices(a, ax, max)?;
        return Array::from_shape_vec(&shape, out);
    }
    if ax == a.ndim() - 1
        && let Some(s) = a.as_slice()
    {
        // C-contiguous lanes along the last axis: one vectorised search per
        // lane, lanes on threads when there is enough work.
        let out: Vec<i64> = if s.len() >= 1 << 16 {
            crate::parallel::map_collect(s.len() / n, &|l| arg_slice(&s[l * n..(l + 1) * n], max) as i64)
        } else {
            s.chunks(n).map(|l| arg_slice(l, max) as i64).collect()
        };
        return Array::from_shape_vec(&shape, out);
    }
    let out: Vec<i64> = a
        .lanes(ax as isize)?
        .map(|lane: ArrayView<'_, A>| match lane.as_slice() {
            Some(s) => arg_lane(n, |i| s[i], max) as i64,
            None => {
                let st = lane.strides()[0];
                let p = lane.as_ptr();
                // SAFETY: `i < n` indexes the lane's elements (stride `st` from its first).
                arg_lane(n, |i| unsafe { *p.offset(i as isize * st) }, max) as i64
            }
        })
        .collect();
    Array::from_shape_vec(&shape, out)
}

/// `arg_lane` for every lane along `ax` at once, reading `a` one slice
/// `a[.., i, ..]` at a time.
fn arg_by_slices<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    ax: usize,
    max: bool,
) -> Result<Vec<i64>> {
    let first = a.index_axis(ax as isize, 0)?;
    let mut best: Vec<A> = first.to_vec();
    let mut idx: Vec<i64> = vec![0; best.len()];
    let mut done: Vec<bool> = best.iter().map(|x| x.isnan()).collect();
    let mut update = |k: usize, x: A, i: usize| {
        if !done[k]
            && (if max {
                A::gt_or_nan(x, best[k])
            } else {
                A::lt_or_nan(x, best[k])
            })
        {
            best[k] = x;
            idx[k] = i as i64;
            done[k] = x.isnan();
        }
    };
    for i in 1..a.shape()[ax] {
        let s = a.index_axis(ax as isize, i as isize)?;
        match s.as_slice() {
            Some(v) => v.iter().enumerate().for_each(|(k, &x)| update(k, x, i)),
            None => s.iter().enumerate().for_each(|(k, &x)| update(k, x, i)),
        }
    }
    Ok(idx)
}

impl<A: MinMaxElement, S: Data<Elem = A>> ArrayBase<S> {
    /// The C-order flat index of the first largest element (NumPy's
    /// `a.argmax()`); a NaN counts as largest (the first NaN is reported).
    /// [`Error::EmptyReduction`] for an empty array.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 7], [7, 2]].argmax().unwrap(), 1);
    /// assert_eq!(array![1.0, f64::NAN, 9.0].argmax().unwrap(), 1);
    /// assert!(Array::<i32>::zeros(&[0]).argmax().is_err());
    /// ```
    pub fn argmax(&self) -> Result<usize> {
        arg_all(self, true)
    }

    /// The index of the first largest element of every lane along `axis`
    /// (`a.argmax(axis=axis)`), as `i64` (NumPy's `intp`). Errors when the
    /// axis is out of range or has length 0.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 5], [7, 2]].argmax_axis(0).unwrap(), array![1i64, 0]);
    /// ```
    pub fn argmax_axis(&self, axis: isize) -> Result<Array<i64>> {
        arg_axis(self, axis, false, true)
    }

    /// The C-order flat index of the first smallest element (`a.argmin()`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 1], [1, 2]].argmin().unwrap(), 1);
    /// ```
    pub fn argmin(&self) -> Result<usize> {
        arg_all(self, false)
    }

    /// The index of the first smallest element of every lane along `axis`
    /// (`a.argmin(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 5], [7, 2]].argmin_axis(1).unwrap(), array![0i64, 1]);
    /// ```
    pub fn argmin_axis(&self, axis: isize) -> Result<Array<i64>> {
        arg_axis(self, axis, false, false)
    }
}

/// NumPy's `np.argmax(a, axis, keepdims=keepdims)`: `None` gives the flat
/// index as a 0-d array (all-ones shape with `keepdims`). See [`ArrayBase::argmax`].
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 5], [7, 2]];
/// assert_eq!(numox::argmax(&a, Some(1), true).unwrap(), array![[1i64], [0]]);
/// assert_eq!(numox::argmax(&a, None, false).unwrap().into_scalar(), 2);
/// ```
pub fn argmax<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
) -> Result<Array<i64>> {
    arg_free(a, axis, keepdims, true)
}

/// NumPy's `np.argmin(a, axis, keepdims=keepdims)`. See [`ArrayBase::argmin`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::argmin(&array![[1, 5], [7, 2]], Some(0), false).unwrap(), array![0i64, 1]);
/// ```
pub fn argmin<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
) -> Result<Array<i64>> {
    arg_free(a, axis, keepdims, false)
}

fn arg_free<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
    max: bool,
) -> Result<Array<i64>> {
    match axis {
        Some(ax) => arg_axis(a, ax, keepdims, max),
        None => {
            let i = arg_all(a, max)? as i64;
            let shape: Vec<usize> = if keepdims { vec![1; a.ndim()] } else { vec![] };
            Array::from_shape_vec(&shape, vec![i])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{arg_lane, arg_slice};
    use crate::prelude::*;

    /// The blocked, threaded search gives the plain scan's index: lengths
    /// around the block and part sizes, the extreme (with ties) in every
    /// position class, NaNs early, late and never, for f64, f32 and i32.
    #[test]
    fn blocked_search_matches_the_plain_scan() {
        let lens = [
            1usize, 2, 255, 256, 257, 511, 512, 513, 1000, 4096, 40_001, 70_000, 600_000,
        ];
        for &n in &lens {
            let base: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1013) as f64 - 500.0).collect();
            let mut cases = vec![base.clone()];
            for &pos in &[0, n / 2, n - 1, n.saturating_sub(257)] {
                let mut v = base.clone();
                v[pos] = 1e9; // a unique maximum
                cases.push(v.clone());
                v[n - 1 - pos.min(n - 1)] = 1e9; // a tie, maybe earlier
                cases.push(v.clone());
                let mut w = base.clone();
                w[pos] = f64::NAN; // a NaN wins wherever it is
                w[n - 1] = 2e9;
                cases.push(w);
                let mut m = base.clone();
                m[pos] = -1e9; // the minimum
                cases.push(m);
                // Zeros of both signs as the extreme: the first of either
                // wins (`-0.0 == 0.0` to NumPy's scan).
                let mut z: Vec<f64> = base.iter().map(|&x| -x.abs() - 1.0).collect();
                z[pos] = -0.0;
                z[n - 1 - pos.min(n - 1)] = 0.0;
                cases.push(z.clone());
                cases.push(z.iter().map(|&x| -x).collect());
            }
            for v in &cases {
                for max in [true, false] {
                    let want = arg_lane(v.len(), |i| v[i], max);
                    assert_eq!(arg_slice(v, max), want, "f64 n={n} max={max}");
                    let f: Vec<f32> = v.iter().map(|&x| x as f32).collect();
                    assert_eq!(arg_slice(&f, max), arg_lane(f.len(), |i| f[i], max), "f32 n={n}");
                    let k: Vec<i32> = v.iter().map(|&x| if x.is_nan() { 7 } else { x as i32 }).collect();
                    assert_eq!(arg_slice(&k, max), arg_lane(k.len(), |i| k[i], max), "i32 n={n}");
                }
            }
        }
        // last-axis lanes through the public API, on threads
        let a = Array::from_shape_vec(
            &[300, 700],
            (0..210_000).map(|i| ((i * 31) % 977) as f64).collect(),
        )
        .unwrap();
        let got = a.argmax_axis(1).unwrap();
        for r in 0..300 {
            let lane: Vec<f64> = (0..700).map(|c| a[[r, c]]).collect();
            assert_eq!(got[[r]] as usize, arg_lane(700, |i| lane[i], true), "row {r}");
        }
    }
}
