//! NumPy's `np.searchsorted`.

use super::element::SortElement;
use super::radix::argsort_slice;
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result};

/// Which end of a run of equal elements [`searchsorted`] returns
/// (NumPy's `side="left"` / `side="right"`).
///
/// ```
/// use numox::prelude::*;
/// use numox::Side;
/// let a = array![1, 2, 2, 3];
/// let q = array![2];
/// assert_eq!(numox::searchsorted(&a, &q, Side::Left, None).unwrap(), array![1]);
/// assert_eq!(numox::searchsorted(&a, &q, Side::Right, None).unwrap(), array![3]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// The first index where the value could be inserted (`a[i-1] < v <= a[i]`).
    #[default]
    Left,
    /// The last such index (`a[i-1] <= v < a[i]`).
    Right,
}

/// Queries from which a batch is answered in sorted order (each search
/// starting from the previous answer) instead of one binary search each.
const SORTED_QUERIES_MIN: usize = 512;
/// Haystack length from which sorting the queries pays off.
const SORTED_HAY_MIN: usize = 1 << 14;
/// Queries per rayon task.
const CHUNK: usize = 1 << 14;

/// The first index in `lo..n` whose element does not satisfy `before`
/// (the elements before it all do): a binary search.
#[inline]
fn bsearch<F: Fn(usize) -> bool>(mut lo: usize, n: usize, before: F) -> usize {
    let mut len = n - lo;
    while len > 0 {
        let half = len / 2;
        if before(lo + half) {
            lo += half + 1;
            len -= half + 1;
        } else {
            len = half;
        }
    }
    lo
}

/// As [`bsearch`] for an answer known to be `>= lo`, probing
/// exponentially from `lo` first (cheap when the answer is near).
#[inline]
fn gallop<F: Fn(usize) -> bool>(lo: usize, n: usize, before: F) -> usize {
    let mut lo = lo;
    let mut step = 1;
    let mut probe = lo;
    while probe < n && before(probe) {
        lo = probe + 1;
        probe += step;
        step *= 2;
    }
    bsearch(lo, probe.min(n), before)
}

/// Answers every query in `q` against the sorted sequence `get(0..n)`.
fn search_all<A, G>(n: usize, get: G, q: &[A], side: Side, out: &mut [i64])
where
    A: SortElement,
    G: Fn(usize) -> A + Sync,
{
    let before = |i: usize, v: &A| -> bool {
        match side {
            Side::Left => get(i).np_cmp(v).is_lt(),
            Side::Right => get(i).np_cmp(v).is_le(),
        }
    };
    let m = q.len();
    let sorted_q = q.windows(2).all(|w| w[0].np_cmp(&w[1]).is_le());
    if m >= SORTED_QUERIES_MIN && n >= SORTED_HAY_MIN && !sorted_q {
        // Answer the queries in sorted order: each search starts where the
        // previous one ended, so the haystack is read nearly sequentially
        // instead of with one cache miss per level of a binary search.
        let mut order = vec![0i64; m];
        argsort_slice(q, &mut order);
        let mut ans = vec![0i64; m];
        crate::parallel::for_each_chunk_mut(&mut ans, CHUNK, &|c, a| {
            let o = &order[c * CHUNK..c * CHUNK + a.len()];
            let mut lo = 0;
            for (r, &qi) in a.iter_mut().zip(o) {
                let v = &q[qi as usize];
                lo = gallop(lo, n, |i| before(i, v));
                *r = lo as i64;
            }
        });
        for (&qi, r) in order.iter().zip(ans) {
            out[qi as usize] = r;
        }
    } else if sorted_q {
        crate::parallel::for_each_chunk_mut(out, CHUNK, &|c, o| {
            let qc = &q[c * CHUNK..c * CHUNK + o.len()];
            let mut lo = 0;
            for (r, v) in o.iter_mut().zip(qc) {
                lo = gallop(lo, n, |i| before(i, v));
                *r = lo as i64;
            }
        });
    } else {
        crate::parallel::for_each_chunk_mut(out, CHUNK, &|c, o| {
            let qc = &q[c * CHUNK..c * CHUNK + o.len()];
            for (r, v) in o.iter_mut().zip(qc) {
                *r = bsearch(0, n, |i| before(i, v)) as i64;
            }
        });
    }
}

/// NumPy's `np.searchsorted(a, v, side, sorter)`: for each element of `v`,
/// the index at which inserting it into the sorted 1-d `a` keeps `a`
/// sorted. With `sorter` (NumPy's argument: indices that sort `a`, e.g.
/// from [`argsort`](crate::argsort)), `a` need not be sorted itself. The
/// result has `v`'s shape. The order is NumPy's sort order: NaN after
/// every number, `-0.0 == 0.0`.
///
/// Errors: `a` not 1-d; `sorter` not of `a`'s length or holding an index
/// outside `0..len` (NumPy does not check the latter and reads garbage).
///
/// ```
/// use numox::prelude::*;
/// use numox::Side;
/// let a = array![1.0, 2.0, 3.0, f64::NAN];
/// let v = array![[2.5, f64::NAN], [0.0, 3.0]];
/// assert_eq!(numox::searchsorted(&a, &v, Side::Left, None).unwrap(), array![[2, 3], [0, 2]]);
/// let u = array![3.0, 1.0, 2.0];
/// let sorter = array![1i64, 2, 0];
/// assert_eq!(numox::searchsorted(&u, &array![2.0], Side::Right, Some(sorter.view())).unwrap(), array![2]);
/// ```
pub fn searchsorted<A, S, SV>(
    a: &ArrayBase<S>,
    v: &ArrayBase<SV>,
    side: Side,
    sorter: Option<ArrayView<'_, i64>>,
) -> Result<Array<i64>>
where
    A: SortElement,
    S: Data<Elem = A>,
    SV: Data<Elem = A>,
{
    if a.ndim() != 1 {
        return Err(Error::invalid(format!(
            "searchsorted: `a` must be 1-dimensional, got {} dimensions",
            a.ndim()
        )));
    }
    let n = a.len();
    let hay_owned;
    let hay: &[A] = match a.as_slice() {
        Some(s) => s,
        None => {
            hay_owned = a.to_vec();
            &hay_owned
        }
    };
    let q_owned;
    let q: &[A] = match v.as_slice() {
        Some(s) => s,
        None => {
            q_owned = crate::array::copy::try_to_vec(v)?;
            &q_owned
        }
    };
    let mut out = crate::array::copy::try_vec::<i64>(q.len(), v.shape())?;
    out.resize(q.len(), 0);
    match sorter {
        None => search_all(n, |i| hay[i], q, side, &mut out),
        Some(s) => {
            if s.ndim() != 1 || s.len() != n {
                return Err(Error::invalid(format!(
                    "sorter.size must equal a.size (sorter has {} elements, a has {n})",
                    s.size()
                )));
            }
            let idx: Vec<usize> = s
                .iter()
                .map(|&i| {
                    if i < 0 || i as usize >= n {
                        Err(Error::invalid(format!(
                            "Sorter index out of range: {i} for a of length {n}"
                        )))
                    } else {
                        Ok(i as usize)
                    }
                })
                .collect::<Result<_>>()?;
            search_all(n, |i| hay[idx[i]], q, side, &mut out);
        }
    }
    Array::from_shape_vec(v.shape(), out)
}
