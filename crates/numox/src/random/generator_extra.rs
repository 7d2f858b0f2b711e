//! Generator methods on arrays: `choice` from an array along an axis,
//! `integers` with array bounds, and the parallel fill built on `spawn`.

use super::generator::{Generator, RandomInt};
use super::params::Size;
use super::{BitGenerator, Pcg64, SeedSequence};
use crate::array::shape::{broadcast_shapes, checked_size};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result};

/// Take `idx` (any shape) from `a` along `axis`, as `a.take(idx, axis)`.
pub(crate) fn take_along<A: Clone, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    idx: &Array<i64>,
    axis: usize,
) -> Result<Array<A>> {
    let shape = a.shape();
    let pre: usize = shape[..axis].iter().product();
    let n_ax = shape[axis];
    let post: usize = shape[axis + 1..].iter().product();
    let data = a.to_vec();
    let mut out_shape = shape[..axis].to_vec();
    out_shape.extend_from_slice(idx.shape());
    out_shape.extend_from_slice(&shape[axis + 1..]);
    let n = checked_size(&out_shape)?;
    let mut out = Vec::with_capacity(n);
    let idx = idx.to_vec();
    for p in 0..pre {
        for &i in &idx {
            let start = (p * n_ax + i as usize) * post;
            out.extend_from_slice(&data[start..start + post]);
        }
    }
    Array::from_shape_vec(&out_shape, out)
}

/// Bounds broadcast against each other and `size`, checked as NumPy's
/// `_rand_*_broadcast` checks them; returns (lows, rngs, shape).
pub(crate) fn broadcast_bounds<T: RandomInt, S1: Data<Elem = i64>, S2: Data<Elem = i64>>(
    low: &ArrayBase<S1>,
    high: &ArrayBase<S2>,
    size: &Size,
    endpoint: bool,
) -> Result<(Vec<i128>, Vec<u64>, Vec<usize>)> {
    let b = broadcast_shapes(&[low.shape(), high.shape()])?;
    let shape = match size.shape() {
        Some(s) => {
            let bb = broadcast_shapes(&[s, &b])?;
            if bb.as_slice() != s {
                return Err(Error::shape_mismatch("integers", s, &b));
            }
            s.to_vec()
        }
        None => b.to_vec(),
    };
    let lo: Vec<i128> = low.broadcast(&shape)?.iter().map(|&v| v as i128).collect();
    let hi: Vec<i128> = high.broadcast(&shape)?.iter().map(|&v| v as i128).collect();
    let name = T::DTYPE.name();
    if lo.iter().any(|&l| l < T::LOW) {
        return Err(Error::invalid(format!("low is out of bounds for {name}")));
    }
    let his: Vec<i128> = hi.iter().map(|&h| if endpoint { h } else { h - 1 }).collect();
    if his.iter().any(|&h| h > T::HIGH) {
        return Err(Error::invalid(format!("high is out of bounds for {name}")));
    }
    if lo.iter().zip(&his).any(|(l, h)| l > h) {
        return Err(Error::invalid(if endpoint {
            "low > high"
        } else {
            "low >= high"
        }));
    }
    let rngs = lo.iter().zip(&his).map(|(l, h)| (h - l) as u64).collect();
    Ok((lo, rngs, shape))
}

impl<B: BitGenerator> Generator<B> {
    /// `integers(low, high, size, dtype, endpoint)` with array bounds,
    /// broadcast together (and against `size` when given), one draw per
    /// element in C order, as NumPy's broadcasting path.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let x = default_rng(1).integers_array::<i64, _, _>(&array![0, 10, 100], &array![5, 20, 200], (), false).unwrap();
    /// assert!(x[[1]] >= 10 && x[[1]] < 20);
    /// ```
    pub fn integers_array<T: RandomInt, S1: Data<Elem = i64>, S2: Data<Elem = i64>>(
        &mut self,
        low: &ArrayBase<S1>,
        high: &ArrayBase<S2>,
        size: impl Into<Size>,
        endpoint: bool,
    ) -> Result<Array<T>> {
        let size = size.into();
        if let Some(s) = size.shape() {
            if checked_size(s)? == 0 {
                return Array::from_shape_vec(s, Vec::new());
            }
        }
        let (lows, rngs, shape) = broadcast_bounds::<T, _, _>(low, high, &size, endpoint)?;
        let mut out = vec![T::from_scalar(crate::element::Scalar::Bool(false)); lows.len()];
        T::fill_bounded_each(self.bit_generator_mut(), &lows, &rngs, false, &mut out);
        Array::from_shape_vec(&shape, out)
    }

    /// `choice(a, size, replace, p, axis, shuffle)` with an array `a`:
    /// indices are drawn as by [`choice`](Generator::choice) on `a.shape[axis]`
    /// items and taken along `axis`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let a = array![[1, 2], [3, 4], [5, 6]];
    /// let rows = default_rng(2).choice_from(&a, 2, false, None, 0, true).unwrap();
    /// assert_eq!(rows.shape(), &[2, 2]);
    /// ```
    pub fn choice_from<A: Clone, S: Data<Elem = A>>(
        &mut self,
        a: &ArrayBase<S>,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
        axis: isize,
        shuffle: bool,
    ) -> Result<Array<A>> {
        if a.ndim() == 0 {
            return Err(Error::invalid(
                "a must be a sequence or an integer, not a 0-d array",
            ));
        }
        let ax = crate::error::normalize_axis(axis, a.ndim())?;
        let size = size.into();
        let pop = a.shape()[ax];
        let n = checked_size(size.out_shape())?;
        if pop == 0 && n != 0 {
            return Err(Error::invalid("a cannot be empty unless no samples are taken"));
        }
        let idx = self.choice(pop.max(1), size, replace, p, shuffle)?;
        take_along(a, &idx, ax)
    }
}

/// Fill `n` values in parallel from independent streams: the output is cut
/// into chunks of `chunk` values, chunk `k` is drawn by a generator seeded
/// from the `k`-th child of `ss` (`ss.spawn`), and `f(rng, out)` fills it.
///
/// The values depend on `ss` and `chunk` only, never on the number of threads
/// (NumPy's recommended pattern for parallel streams; a single stream is
/// serial by nature, so its values are never split across threads).
///
/// ```
/// use numox::random::{SeedSequence, par_fill};
/// let mut ss = SeedSequence::new(7);
/// let x = par_fill(&mut ss, 10_000, 4096, |rng, out| {
///     out.copy_from_slice(rng.standard_normal(out.len()).as_slice().unwrap())
/// });
/// assert_eq!(x.len(), 10_000);
/// // the same chunking on a fresh sequence gives the same numbers
/// let y = par_fill(&mut SeedSequence::new(7), 10_000, 4096, |rng, out| {
///     out.copy_from_slice(rng.standard_normal(out.len()).as_slice().unwrap())
/// });
/// assert_eq!(x, y);
/// ```
pub fn par_fill<T, F>(ss: &mut SeedSequence, n: usize, chunk: usize, f: F) -> Array<T>
where
    T: Send + Sync + Clone + Default,
    F: Fn(&mut Generator<Pcg64>, &mut [T]) + Sync,
{
    use rayon::prelude::*;
    let chunk = chunk.max(1);
    let n_chunks = n.div_ceil(chunk);
    let kids = ss.spawn(n_chunks);
    let mut out = vec![T::default(); n];
    out.par_chunks_mut(chunk).zip(kids.par_iter()).for_each(|(o, k)| {
        let mut rng: Generator<Pcg64> = Generator::from_seed_sequence(k);
        f(&mut rng, o);
    });
    Array::from_vec(out)
}
