//! `sum` and `prod`.

use super::axes::{Axes, finish, flags_of, run_kernel};
use super::elem::{Accum, SumElement};
use super::plan::{Kernel, OutPtr, ROWS, Src};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use std::marker::PhantomData;

/// `out[o + i*os] = f(out[o + i*os], src[i])` for a run, with a slice fast path.
#[inline(always)]
pub(crate) fn elementwise_fold<A: Copy, T: Copy>(
    out: &mut OutPtr<T>,
    o: isize,
    os: isize,
    src: Src<'_, A>,
    f: impl Fn(T, A) -> T,
) {
    let n = src.len();
    if os == 1 {
        if let Some(s) = src.as_slice() {
            let d = out.slice_mut(o, n);
            #[cfg(target_arch = "x86_64")]
            if has_avx512() {
                // SAFETY: the CPU supports AVX-512F/DQ/VL, and so AVX2
                // (checked at run time just above).
                unsafe { zip_fold_avx512(d, s, &f) };
                return;
            }
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2 (checked at run time just above).
                unsafe { zip_fold_avx2(d, s, &f) };
                return;
            }
            zip_fold(d, s, &f);
            return;
        }
    }
    for i in 0..n {
        let oi = o + i as isize * os;
        out.set(oi, f(out.get(oi), *src.get(i)));
    }
}

/// [`elementwise_fold`] of [`ROWS`] runs of the same length in turn:
/// `out[o + i*os] = f(..f(f(out[o + i*os], s0[i]), s1[i]).., s7[i])`, the
/// same operations in the same order as eight separate folds, with each
/// result element read and written once.
#[inline(always)]
pub(crate) fn elementwise_fold_rows<A: Copy, T: Copy>(
    out: &mut OutPtr<T>,
    o: isize,
    os: isize,
    srcs: &[Src<'_, A>; ROWS],
    f: impl Fn(T, A) -> T,
) {
    if os == 1
        && let Some(rows) = contiguous_rows(srcs)
    {
        let d = out.slice_mut(o, srcs[0].len());
        #[cfg(target_arch = "x86_64")]
        if has_avx512() {
            // SAFETY: the CPU supports AVX-512F/DQ/VL, and so AVX2
            // (checked at run time just above).
            unsafe { zip_fold_rows_avx512(d, &rows, &f) };
            return;
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked at run time just above).
            unsafe { zip_fold_rows_avx2(d, &rows, &f) };
            return;
        }
        zip_fold_rows(d, &rows, &f);
        return;
    }
    for &src in srcs {
        elementwise_fold(out, o, os, src, &f);
    }
}

/// The runs as slices, when every one is contiguous.
#[inline]
pub(crate) fn contiguous_rows<'a, A>(srcs: &[Src<'a, A>; ROWS]) -> Option<[&'a [A]; ROWS]> {
    let mut rows: [&[A]; ROWS] = [&[]; ROWS];
    for (r, s) in rows.iter_mut().zip(srcs) {
        *r = s.as_slice()?;
    }
    Some(rows)
}

#[inline(always)]
fn zip_fold_rows<A: Copy, T: Copy>(d: &mut [T], rows: &[&[A]; ROWS], f: &impl Fn(T, A) -> T) {
    let n = d.len();
    // Re-sliced to `n`, so the indexing below needs no bounds checks.
    let rows: [&[A]; ROWS] = rows.map(|r| &r[..n]);
    for (i, d) in d.iter_mut().enumerate() {
        let mut acc = *d;
        for r in &rows {
            acc = f(acc, r[i]);
        }
        *d = acc;
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2")]
fn zip_fold_rows_avx512<A: Copy, T: Copy>(d: &mut [T], rows: &[&[A]; ROWS], f: &impl Fn(T, A) -> T) {
    zip_fold_rows(d, rows, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn zip_fold_rows_avx2<A: Copy, T: Copy>(d: &mut [T], rows: &[&[A]; ROWS], f: &impl Fn(T, A) -> T) {
    zip_fold_rows(d, rows, f)
}

#[inline(always)]
fn zip_fold<A: Copy, T: Copy>(d: &mut [T], s: &[A], f: &impl Fn(T, A) -> T) {
    for (d, &x) in d.iter_mut().zip(s) {
        *d = f(*d, x);
    }
}

/// AVX-512 F, DQ and VL: the set the AVX-512 build of the folds is compiled for.
#[cfg(target_arch = "x86_64")]
#[inline]
fn has_avx512() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vl")
}

/// The fold on 512-bit vectors (8 `f64` or 16 `f32` lanes). With
/// `maximum`/`minimum` written as a `max` plus a NaN fix-up (see
/// `MinMaxImpl`), the row fold of `max` along a non-last axis becomes one
/// `vmaxpd` and a masked blend per vector.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2")]
fn zip_fold_avx512<A: Copy, T: Copy>(d: &mut [T], s: &[A], f: &impl Fn(T, A) -> T) {
    zip_fold(d, s, f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn zip_fold_avx2<A: Copy, T: Copy>(d: &mut [T], s: &[A], f: &impl Fn(T, A) -> T) {
    zip_fold(d, s, f)
}

/// `d[i] = f(d[i], s[i], m[i])`, compiled for AVX2 when the CPU has it.
#[inline]
pub(crate) fn zip3_fold<A: Copy, M: Copy, T: Copy>(d: &mut [T], s: &[A], m: &[M], f: &impl Fn(T, A, M) -> T) {
    #[inline(always)]
    fn go<A: Copy, M: Copy, T: Copy>(d: &mut [T], s: &[A], m: &[M], f: &impl Fn(T, A, M) -> T) {
        for ((d, &x), &y) in d.iter_mut().zip(s).zip(m) {
            *d = f(*d, x, y);
        }
    }
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn go_avx2<A: Copy, M: Copy, T: Copy>(d: &mut [T], s: &[A], m: &[M], f: &impl Fn(T, A, M) -> T) {
        go(d, s, m, f)
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2 (checked at run time just above).
        unsafe { go_avx2(d, s, m, f) };
        return;
    }
    go(d, s, m, f)
}

/// NumPy's `add.reduce` with the sum type as accumulator.
pub(crate) struct SumK<A>(pub PhantomData<A>);

impl<A: SumElement> Kernel<A> for SumK<A> {
    type Acc = A::Sum;
    #[inline]
    fn run(&self, acc: A::Sum, src: Src<'_, A>, _o: usize) -> A::Sum {
        acc.add(A::Sum::sum_run(src, &A::to_sum_acc))
    }
    fn elementwise(&self, out: &mut OutPtr<A::Sum>, o: isize, os: isize, src: Src<'_, A>) {
        elementwise_fold(out, o, os, src, |acc: A::Sum, x: A| acc.add(x.to_sum_acc()));
    }
    fn elementwise_rows(&self, out: &mut OutPtr<A::Sum>, o: isize, os: isize, srcs: &[Src<'_, A>; ROWS]) {
        elementwise_fold_rows(out, o, os, srcs, |acc: A::Sum, x: A| acc.add(x.to_sum_acc()));
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, _o: usize) -> A::Sum {
        A::Sum::sum_run(src, &A::to_sum_acc)
    }
    fn combine(&self, acc: A::Sum, v: A::Sum) -> A::Sum {
        acc.add(v)
    }
    fn value_par(&self, src: Src<'_, A>, _o: usize) -> A::Sum {
        A::Sum::sum_run_par(src, &A::to_sum_acc)
    }
}

/// NumPy's `multiply.reduce`: a sequential product in iteration order.
pub(crate) struct ProdK<A>(pub PhantomData<A>);

impl<A: SumElement> Kernel<A> for ProdK<A> {
    type Acc = A::Sum;
    #[inline]
    fn run(&self, mut acc: A::Sum, src: Src<'_, A>, _o: usize) -> A::Sum {
        match src.as_slice() {
            Some(s) => {
                for &x in s {
                    acc = acc.mul(x.to_sum_acc());
                }
            }
            None => {
                for i in 0..src.len() {
                    acc = acc.mul(src.get(i).to_sum_acc());
                }
            }
        }
        acc
    }
    fn elementwise(&self, out: &mut OutPtr<A::Sum>, o: isize, os: isize, src: Src<'_, A>) {
        elementwise_fold(out, o, os, src, |acc: A::Sum, x: A| {
            acc.mul_elementwise(x.to_sum_acc())
        });
    }
}

impl<A: SumElement, S: Data<Elem = A>> ArrayBase<S> {
    /// The sum of all elements (NumPy's `a.sum()`), in the [sum
    /// type](SumElement): `i64` for signed integers and `bool`, `u64` for
    /// unsigned integers (both wrap on overflow, as NumPy's do), the element
    /// type for floats and complex numbers. Float sums use NumPy's pairwise
    /// summation in NumPy's order, so they equal NumPy's bit for bit. An
    /// empty array sums to 0.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.5, 2.0], [3.0, 4.0]];
    /// assert_eq!(a.sum(), 10.5);
    /// assert_eq!(Array::<f64>::zeros(&[0]).sum(), 0.0);
    /// assert_eq!(array![200u8, 100].sum(), 300u64);
    /// ```
    pub fn sum(&self) -> A::Sum {
        let red = smallvec::SmallVec::<[bool; 4]>::from_elem(true, self.ndim());
        match run_kernel(self, &red, false, A::Sum::zero(), &SumK(PhantomData)) {
            Ok((buf, _)) => buf[0],
            Err(_) => unreachable!("a full reduction has one result element"),
        }
    }

    /// The sums along one axis (`a.sum(axis=axis)`); errors when the axis is out of range.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.sum_axis(0).unwrap(), array![5i64, 7, 9]);
    /// assert_eq!(a.sum_axis(-1).unwrap(), array![6i64, 15]);
    /// assert!(a.sum_axis(2).is_err());
    /// ```
    pub fn sum_axis(&self, axis: isize) -> Result<Array<A::Sum>> {
        self.sum_axes(&[axis], false)
    }

    /// The sums over several axes (`a.sum(axis=(..), keepdims=..)`); with
    /// `keepdims` the reduced axes stay as length 1. An empty list of axes
    /// reduces nothing (NumPy's `axis=()`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 3, 4], (0..24).map(|x| x as f64).collect()).unwrap();
    /// let s = a.sum_axes(&[0, 2], true).unwrap();
    /// assert_eq!(s.shape(), &[1, 3, 1]);
    /// assert_eq!(s.to_vec(), vec![60.0, 92.0, 124.0]);
    /// assert!(a.sum_axes(&[1, 1], false).is_err()); // duplicate axis
    /// ```
    pub fn sum_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A::Sum>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = run_kernel(self, &red, false, A::Sum::zero(), &SumK(PhantomData))?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }

    /// The product of all elements (`a.prod()`), in the sum type (integers
    /// wrap); multiplied in NumPy's order. An empty array gives 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].prod(), 24i64);
    /// assert_eq!(Array::<f32>::zeros(&[0]).prod(), 1.0);
    /// ```
    pub fn prod(&self) -> A::Sum {
        let red = smallvec::SmallVec::<[bool; 4]>::from_elem(true, self.ndim());
        match run_kernel(self, &red, false, A::Sum::one(), &ProdK(PhantomData)) {
            Ok((buf, _)) => buf[0],
            Err(_) => unreachable!("a full reduction has one result element"),
        }
    }

    /// The products along one axis (`a.prod(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].prod_axis(0).unwrap(), array![3i64, 8]);
    /// ```
    pub fn prod_axis(&self, axis: isize) -> Result<Array<A::Sum>> {
        self.prod_axes(&[axis], false)
    }

    /// The products over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.0, 2.0], [3.0, 4.0]];
    /// assert_eq!(a.prod_axes(&[1], true).unwrap(), array![[2.0], [12.0]]);
    /// ```
    pub fn prod_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A::Sum>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = run_kernel(self, &red, false, A::Sum::one(), &ProdK(PhantomData))?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }
}

/// NumPy's `np.sum(a, axis, keepdims=keepdims)`: the result is always an
/// array (0-d for `Axes::All` without `keepdims`). See [`ArrayBase::sum`].
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(numox::sum(&a, 0, false).unwrap(), array![4.0, 6.0]);
/// assert_eq!(numox::sum(&a, numox::Axes::All, true).unwrap(), array![[10.0]]);
/// ```
pub fn sum<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A::Sum>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = run_kernel(a, &red, false, A::Sum::zero(), &SumK(PhantomData))?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.prod(a, axis, keepdims=keepdims)`. See [`ArrayBase::prod`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::prod(&array![[1, 2], [3, 4]], 1, false).unwrap(), array![2i64, 12]);
/// ```
pub fn prod<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A::Sum>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = run_kernel(a, &red, false, A::Sum::one(), &ProdK(PhantomData))?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}
