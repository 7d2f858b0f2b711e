//! Batching over leading dimensions: NumPy's `linalg` functions are
//! generalized ufuncs whose core is the last one or two axes; every other
//! axis is a stack (broadcast between operands where NumPy broadcasts).
//!
//! [`Stack`] addresses matrix `k` of a stack (C order over the batch axes)
//! without copying; [`run1`], [`run2`] and [`run3`] compute one output slot
//! per matrix, in parallel over the stack when there are many matrices.

use crate::array::shape::Shape;
use crate::array::{ArrayBase, Data};
use crate::error::{Error, Result};
use faer::{MatRef, Par};
use rayon::prelude::*;
use smallvec::SmallVec;
use std::marker::PhantomData;

/// A read-only stack of `m x n` matrices: batch axes `batch` with strides
/// `bstrides`, matrix strides `rs` (rows) and `cs` (columns).
pub(crate) struct Stack<'a, T> {
    ptr: *const T,
    pub(crate) batch: Shape,
    bstrides: SmallVec<[isize; 4]>,
    pub(crate) m: usize,
    pub(crate) n: usize,
    pub(crate) rs: isize,
    pub(crate) cs: isize,
    _p: PhantomData<&'a T>,
}

impl<T> Clone for Stack<'_, T> {
    fn clone(&self) -> Self {
        Stack {
            ptr: self.ptr,
            batch: self.batch.clone(),
            bstrides: self.bstrides.clone(),
            m: self.m,
            n: self.n,
            rs: self.rs,
            cs: self.cs,
            _p: PhantomData,
        }
    }
}

// SAFETY: a `Stack` only reads through its pointer, like `&[T]`.
unsafe impl<T: Sync> Send for Stack<'_, T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for Stack<'_, T> {}

/// NumPy's `LinAlgError: %d-dimensional array given. Array must be at least two-dimensional`.
pub(crate) fn need_2d(op: &str, ndim: usize) -> Error {
    Error::invalid(format!(
        "{op}: {ndim}-dimensional array given. Array must be at least two-dimensional"
    ))
}

impl<'a, T> Stack<'a, T> {
    /// The stack view of `a` (`ndim >= 2`).
    pub(crate) fn new<S: Data<Elem = T>>(a: &'a ArrayBase<S>, op: &str) -> Result<Self> {
        let nd = a.ndim();
        if nd < 2 {
            return Err(need_2d(op, nd));
        }
        Ok(Stack {
            ptr: a.as_ptr(),
            batch: a.shape()[..nd - 2].iter().copied().collect(),
            bstrides: a.strides()[..nd - 2].iter().copied().collect(),
            m: a.shape()[nd - 2],
            n: a.shape()[nd - 1],
            rs: a.strides()[nd - 2],
            cs: a.strides()[nd - 1],
            _p: PhantomData,
        })
    }

    /// A stack of `1 x n` row vectors (`vector = true`: `a`'s last axis is
    /// the vector) or of column vectors, for gufunc signatures with a `(n)`
    /// core.
    pub(crate) fn vectors<S: Data<Elem = T>>(a: &'a ArrayBase<S>, op: &str, as_column: bool) -> Result<Self> {
        let nd = a.ndim();
        if nd < 1 {
            return Err(Error::invalid(format!(
                "{op}: 0-dimensional array given. Array must be at least one-dimensional"
            )));
        }
        let (n, s) = (a.shape()[nd - 1], a.strides()[nd - 1]);
        Ok(Stack {
            ptr: a.as_ptr(),
            batch: a.shape()[..nd - 1].iter().copied().collect(),
            bstrides: a.strides()[..nd - 1].iter().copied().collect(),
            m: if as_column { n } else { 1 },
            n: if as_column { 1 } else { n },
            rs: if as_column { s } else { 0 },
            cs: if as_column { 0 } else { s },
            _p: PhantomData,
        })
    }

    /// Errors unless the matrices are square (NumPy's
    /// `LinAlgError: Last 2 dimensions of the array must be square`).
    pub(crate) fn square(self, op: &str) -> Result<Self> {
        if self.m != self.n {
            return Err(Error::invalid(format!(
                "{op}: Last 2 dimensions of the array must be square (got {} x {})",
                self.m, self.n
            )));
        }
        Ok(self)
    }

    /// The strides of the batch axes.
    pub(crate) fn batch_strides(&self) -> &[isize] {
        &self.bstrides
    }

    /// The number of matrices.
    #[inline]
    pub(crate) fn count(&self) -> usize {
        self.batch.iter().product()
    }

    /// The same matrices with the batch broadcast to `batch` (which must be
    /// a broadcast of this stack's batch).
    pub(crate) fn broadcast(&self, batch: &[usize]) -> Self {
        let off = batch.len() - self.batch.len();
        let bstrides = (0..batch.len())
            .map(|i| {
                if i < off || self.batch[i - off] == 1 {
                    0
                } else {
                    self.bstrides[i - off]
                }
            })
            .collect();
        Stack {
            ptr: self.ptr,
            batch: batch.iter().copied().collect(),
            bstrides,
            m: self.m,
            n: self.n,
            rs: self.rs,
            cs: self.cs,
            _p: PhantomData,
        }
    }

    /// The element offset of matrix `k` (C order over the batch).
    #[inline]
    pub(crate) fn offset(&self, k: usize) -> isize {
        let mut rem = k;
        let mut off = 0isize;
        for i in (0..self.batch.len()).rev() {
            let d = self.batch[i];
            off += (rem % d) as isize * self.bstrides[i];
            rem /= d;
        }
        off
    }

    /// A pointer to element `(0, 0)` of matrix `k`.
    #[inline]
    pub(crate) fn ptr(&self, k: usize) -> *const T {
        // SAFETY: `offset` stays within the array the stack was built from
        // (k < count); for empty stacks no matrix is addressed.
        unsafe { self.ptr.offset(self.offset(k)) }
    }

    /// Matrix `k` as a faer view.
    #[inline]
    #[allow(dead_code)] // for callers that hand a matrix straight to faer
    pub(crate) fn mat(&self, k: usize) -> MatRef<'a, T> {
        // SAFETY: matrix k of the stack lies inside the borrowed array.
        unsafe { super::faer_bridge::mat_ref(self.ptr(k), self.m, self.n, self.rs, self.cs) }
    }

    /// Element `(i, j)` of matrix `k`.
    #[inline]
    pub(crate) fn get(&self, k: usize, i: usize, j: usize) -> T
    where
        T: Copy,
    {
        // SAFETY: i < m, j < n inside matrix k.
        unsafe { *self.ptr(k).offset(i as isize * self.rs + j as isize * self.cs) }
    }
}

/// Broadcasts the batch shapes of two stacks (NumPy's rule), naming `op`.
pub(crate) fn broadcast_batches(op: &'static str, a: &[usize], b: &[usize]) -> Result<Shape> {
    crate::array::shape::broadcast_pair(op, a, b)
}

/// How a stack of problems runs: spread over threads one problem per task
/// (`batch`), or one problem at a time on a pool thread (`pool`, see
/// [`crate::parallel::on_pool`]), or plainly on the caller's thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sched {
    pub(crate) batch: bool,
    pool: bool,
}

impl Sched {
    /// `self`, or batch-parallel when `batch` (a stack of tiny problems).
    pub(crate) fn or_batch(self, batch: bool) -> Sched {
        if batch { Sched { batch, pool: false } } else { self }
    }
}

impl From<bool> for Sched {
    fn from(batch: bool) -> Sched {
        Sched { batch, pool: false }
    }
}

/// Flops of one problem from which it runs on a pool thread. The hop to the
/// pool costs tens of microseconds: a lone 3 x 3 `inv` took 30 us with it
/// and 0.34 us without. Above this size faer already splits its steps over
/// threads, and the hop pays: a 60 x 60 `inv` (4e5 flops) took 91 us with it
/// and 218 us without (release build, AMD EPYC, 2026-11-27).
const POOL_MIN_WORK: f64 = 1.0e5;

/// Whether a stack of `count` problems of `work` flops each is worth
/// spreading over threads (one problem per task), rather than letting faer
/// parallelise inside each problem; and, if not, whether one problem is
/// large enough to run on a pool thread.
pub(crate) fn batch_parallel(count: usize, work: f64) -> Sched {
    let threads = rayon::current_num_threads() > 1;
    let batch = count > 1 && count as f64 * work > 2.0e4 && threads;
    Sched {
        batch,
        pool: !batch && worth_the_pool(work),
    }
}

/// Whether one problem of `work` flops is large enough to run on a pool
/// thread ([`POOL_MIN_WORK`]), with more than one thread to use.
pub(crate) fn worth_the_pool(work: f64) -> bool {
    work >= POOL_MIN_WORK && rayon::current_num_threads() > 1
}

/// The parallelism to hand faer inside one problem: sequential when the
/// batch is already spread over threads.
pub(crate) fn inner_par(sched: Sched) -> Par {
    if sched.batch { Par::Seq } else { Par::rayon(0) }
}

/// One output slot of `len` elements per problem: `f(k, slot)` fills slot
/// `k`. Runs over the problems in parallel when `sched.batch` (else in
/// order, on a pool thread when `sched.pool`); the first error
/// (in problem order when sequential, any when parallel) is returned.
pub(crate) fn run1<O, F>(count: usize, len: usize, sched: impl Into<Sched>, f: F) -> Result<Vec<O>>
where
    O: Copy + Default + Send + Sync,
    F: Fn(usize, &mut [O]) -> Result<()> + Sync + Send,
{
    let total = count
        .checked_mul(len)
        .ok_or_else(|| Error::invalid("output too large"))?;
    let mut out = fresh::<O>(total)?;
    if len == 0 {
        for k in 0..count {
            f(k, &mut [])?;
        }
        return Ok(out);
    }
    let sched = sched.into();
    if sched.batch {
        crate::parallel::try_for_each_chunk_mut(&mut out, len, min_len(len), &f)?;
    } else {
        // On a pool thread when large: faer's parallel steps inside one
        // problem are then cheap joins (see `parallel::on_pool`).
        crate::parallel::on_pool_if(sched.pool, || {
            out.chunks_mut(len).enumerate().try_for_each(|(k, s)| f(k, s))
        })?;
    }
    Ok(out)
}

/// [`run1`] with two output slots per problem.
pub(crate) fn run2<O1, O2, F>(
    count: usize,
    len1: usize,
    len2: usize,
    sched: impl Into<Sched>,
    f: F,
) -> Result<(Vec<O1>, Vec<O2>)>
where
    O1: Copy + Default + Send + Sync,
    O2: Copy + Default + Send + Sync,
    F: Fn(usize, &mut [O1], &mut [O2]) -> Result<()> + Sync + Send,
{
    let t1 = count
        .checked_mul(len1)
        .ok_or_else(|| Error::invalid("output too large"))?;
    let t2 = count
        .checked_mul(len2)
        .ok_or_else(|| Error::invalid("output too large"))?;
    let mut o1 = fresh::<O1>(t1)?;
    let mut o2 = fresh::<O2>(t2)?;
    // Chunk iterators need non-zero lengths: empty outputs run sequentially.
    if len1 == 0 || len2 == 0 {
        for k in 0..count {
            let s1 = &mut o1[k * len1..(k + 1) * len1];
            let s2 = &mut o2[k * len2..(k + 1) * len2];
            f(k, s1, s2)?;
        }
        return Ok((o1, o2));
    }
    let sched = sched.into();
    if sched.batch {
        o1.par_chunks_mut(len1)
            .zip(o2.par_chunks_mut(len2))
            .enumerate()
            .with_min_len(min_len(len1 + len2))
            .try_for_each(|(k, (s1, s2))| f(k, s1, s2))?;
    } else {
        crate::parallel::on_pool_if(sched.pool, || {
            o1.chunks_mut(len1)
                .zip(o2.chunks_mut(len2))
                .enumerate()
                .try_for_each(|(k, (s1, s2))| f(k, s1, s2))
        })?;
    }
    Ok((o1, o2))
}

/// [`run1`] with three output slots per problem (sequential when any slot is empty).
pub(crate) fn run3<O1, O2, O3, F>(
    count: usize,
    lens: [usize; 3],
    sched: impl Into<Sched>,
    f: F,
) -> Result<(Vec<O1>, Vec<O2>, Vec<O3>)>
where
    O1: Copy + Default + Send + Sync,
    O2: Copy + Default + Send + Sync,
    O3: Copy + Default + Send + Sync,
    F: Fn(usize, &mut [O1], &mut [O2], &mut [O3]) -> Result<()> + Sync + Send,
{
    let mut tot = [0usize; 3];
    for i in 0..3 {
        tot[i] = count
            .checked_mul(lens[i])
            .ok_or_else(|| Error::invalid("output too large"))?;
    }
    let mut o1 = fresh::<O1>(tot[0])?;
    let mut o2 = fresh::<O2>(tot[1])?;
    let mut o3 = fresh::<O3>(tot[2])?;
    let sched = sched.into();
    if lens.contains(&0) || !sched.batch {
        crate::parallel::on_pool_if(sched.pool, || {
            (0..count).try_for_each(|k| {
                let s1 = &mut o1[k * lens[0]..(k + 1) * lens[0]];
                let s2 = &mut o2[k * lens[1]..(k + 1) * lens[1]];
                let s3 = &mut o3[k * lens[2]..(k + 1) * lens[2]];
                f(k, s1, s2, s3)
            })
        })?;
        return Ok((o1, o2, o3));
    }
    o1.par_chunks_mut(lens[0])
        .zip(o2.par_chunks_mut(lens[1]))
        .zip(o3.par_chunks_mut(lens[2]))
        .enumerate()
        .with_min_len(min_len(lens[0] + lens[1] + lens[2]))
        .try_for_each(|(k, ((s1, s2), s3))| f(k, s1, s2, s3))?;
    Ok((o1, o2, o3))
}

/// A zero-filled output buffer of `n` elements: allocated fallibly (a
/// hostile size gives `Error::TooBig`, not an abort) with the huge-page hint,
/// so filling a large result (a 4000 x 4000 product) takes few page faults.
pub(crate) fn fresh<O: Copy + Default>(n: usize) -> Result<Vec<O>> {
    let mut v = crate::array::copy::try_vec(n, &[n])?;
    v.resize(n, O::default());
    Ok(v)
}

/// The fewest problems a parallel task takes: tiny problems (a 3x3
/// determinant) are grouped so the scheduling cost stays below the work.
fn min_len(out_len: usize) -> usize {
    (1024 / out_len.max(1)).max(1)
}

/// `batch` followed by `tail`: the shape of a stacked output.
pub(crate) fn out_shape(batch: &[usize], tail: &[usize]) -> Shape {
    batch.iter().chain(tail).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn stack_addresses_broadcast_batches() {
        let a = Array::from_shape_vec(&[2, 1, 2, 2], (0..8).map(|x| x as f64).collect()).unwrap();
        let s = Stack::new(&a, "t").unwrap();
        assert_eq!((s.count(), s.m, s.n), (2, 2, 2));
        let b = s.broadcast(&[4, 2, 3]);
        assert_eq!(b.count(), 24);
        // matrix k = (i, j, l) of the broadcast stack is a[j, 0].
        assert_eq!(b.get(5, 1, 0), 6.0);
        assert_eq!(b.get(2, 0, 1), 1.0);
        assert!(Stack::new(&array![1.0, 2.0], "t").is_err());
        assert!(
            Stack::new(&a.slice(s![.., .., .., ..1]), "t")
                .unwrap()
                .square("t")
                .is_err()
        );
        let v = Stack::vectors(&a, "t", true).unwrap();
        assert_eq!((v.m, v.n, v.count()), (2, 1, 4));
        assert_eq!(v.get(3, 1, 0), 7.0);
    }

    #[test]
    fn runners_fill_slots_in_order() {
        for par in [false, true] {
            let v: Vec<f64> = run1(100, 3, par, |k, s| {
                s.fill(k as f64);
                Ok(())
            })
            .unwrap();
            assert_eq!(v[3 * 57 + 2], 57.0);
            let (a, b): (Vec<i64>, Vec<i64>) = run2(10, 2, 0, par, |k, s1, s2| {
                assert!(s2.is_empty());
                s1[1] = k as i64;
                Ok(())
            })
            .unwrap();
            assert_eq!((a[19], b.len()), (9, 0));
            let r: Result<(Vec<f64>, Vec<f64>, Vec<f64>)> = run3(10, [1, 1, 1], par, |k, _, _, _| {
                if k == 7 { Err(Error::Singular) } else { Ok(()) }
            });
            assert!(matches!(r, Err(Error::Singular)));
        }
    }
}
