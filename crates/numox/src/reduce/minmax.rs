//! `min`, `max` and `ptp` (NumPy's `minimum.reduce`, `maximum.reduce`).
//!
//! NaN propagates: a NaN anywhere in a reduced slice is the result. The
//! values are NumPy's; one corner is not pinned down: when the extreme is a
//! zero and both `+0.0` and `-0.0` occur, NumPy's sign depends on its SIMD
//! lane layout, and numox may return the other zero.

use super::axes::{Axes, finish, first_values, flags_of, out_shape};
use super::elem::MinMaxElement;
use super::plan::{Kernel, OutPtr, Plan, ROWS, Src, execute};
use super::sum::{contiguous_rows, elementwise_fold, elementwise_fold_rows};
use crate::array::{Array, ArrayBase, Data};
use crate::element::Numeric;
use crate::error::{Error, Result};
use smallvec::SmallVec;
use std::marker::PhantomData;

/// `maximum.reduce` (`MAX = true`) or `minimum.reduce`.
struct ExtK<A, const MAX: bool>(PhantomData<A>);

impl<A: MinMaxElement, const MAX: bool> ExtK<A, MAX> {
    #[inline(always)]
    fn pick(a: A, b: A) -> A {
        if MAX { A::maximum(a, b) } else { A::minimum(a, b) }
    }
}

impl<A: MinMaxElement, const MAX: bool> Kernel<A> for ExtK<A, MAX> {
    type Acc = A;
    fn run(&self, acc: A, src: Src<'_, A>, o: usize) -> A {
        if src.len() == 0 {
            return acc;
        }
        Self::pick(acc, self.value(src, o))
    }
    fn elementwise(&self, out: &mut OutPtr<A>, o: isize, os: isize, src: Src<'_, A>) {
        if os == 1
            && let Some(s) = src.as_slice()
            && A::fold_extreme(out.slice_mut(o, s.len()), &[s], MAX)
        {
            return;
        }
        elementwise_fold(out, o, os, src, |acc: A, x: A| Self::pick(acc, x));
    }
    fn elementwise_rows(&self, out: &mut OutPtr<A>, o: isize, os: isize, srcs: &[Src<'_, A>; ROWS]) {
        if os == 1
            && let Some(rows) = contiguous_rows(srcs)
            && A::fold_extreme(out.slice_mut(o, srcs[0].len()), &rows, MAX)
        {
            return;
        }
        elementwise_fold_rows(out, o, os, srcs, |acc: A, x: A| Self::pick(acc, x));
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, _o: usize) -> A {
        if MAX { A::max_run(src) } else { A::min_run(src) }
    }
    fn combine(&self, acc: A, v: A) -> A {
        Self::pick(acc, v)
    }
    fn value_par(&self, src: Src<'_, A>, o: usize) -> A {
        if src.len() <= 1 << 16 {
            return self.value(src, o);
        }
        let (a, b) = src.split_at(src.len() / 2);
        let (x, y) = crate::parallel::join(|| self.value_par(a, o), || self.value_par(b, o));
        Self::pick(x, y)
    }
    fn regroupable(&self) -> bool {
        // The extreme with first-wins ties (and the first NaN) is the same
        // however the elements are grouped, and `pick(x, x) == x`.
        true
    }
}

/// Extremes over the flagged axes, in the plan's layout; errors when a reduced axis is empty.
fn ext_buf<A: MinMaxElement, S: Data<Elem = A>, const MAX: bool>(
    a: &ArrayBase<S>,
    red: &[bool],
) -> Result<(Vec<A>, Plan)> {
    if a.shape().iter().zip(red).any(|(&l, &r)| r && l == 0) {
        return Err(Error::EmptyReduction {
            op: if MAX { "maximum" } else { "minimum" },
        });
    }
    let plan = Plan::for_array(a.shape(), a.strides(), red, false);
    let mut buf = first_values(a, red, &plan)?;
    // SAFETY: the plan was made from `a`'s own shape and strides.
    unsafe { execute(&plan, a.as_ptr(), &mut buf, &ExtK::<A, MAX>(PhantomData)) };
    Ok((buf, plan))
}

fn all_axes(ndim: usize) -> SmallVec<[bool; 4]> {
    SmallVec::from_elem(true, ndim)
}

impl<A: MinMaxElement, S: Data<Elem = A>> ArrayBase<S> {
    /// The largest element (NumPy's `a.max()`); NaN if any element is NaN;
    /// [`Error::EmptyReduction`] for an empty array.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].max().unwrap(), 9);
    /// assert!(array![1.0, f64::NAN].max().unwrap().is_nan());
    /// assert!(Array::<f64>::zeros(&[0]).max().is_err());
    /// ```
    pub fn max(&self) -> Result<A> {
        Ok(ext_buf::<A, S, true>(self, &all_axes(self.ndim()))?.0[0])
    }

    /// The maxima along one axis (`a.max(axis=axis)`). Errors when the axis
    /// is out of range or has length 0 (unless the result is empty anyway).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].max_axis(0).unwrap(), array![4, 9]);
    /// ```
    pub fn max_axis(&self, axis: isize) -> Result<Array<A>> {
        self.max_axes(&[axis], false)
    }

    /// The maxima over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[3.0, 9.0], [4.0, 1.0]];
    /// assert_eq!(a.max_axes(&[1], true).unwrap(), array![[9.0], [4.0]]);
    /// ```
    pub fn max_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = ext_buf::<A, S, true>(self, &red)?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }

    /// The smallest element (`a.min()`); NaN if any element is NaN.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].min().unwrap(), 1);
    /// ```
    pub fn min(&self) -> Result<A> {
        Ok(ext_buf::<A, S, false>(self, &all_axes(self.ndim()))?.0[0])
    }

    /// The minima along one axis (`a.min(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].min_axis(1).unwrap(), array![3, 1]);
    /// ```
    pub fn min_axis(&self, axis: isize) -> Result<Array<A>> {
        self.min_axes(&[axis], false)
    }

    /// The minima over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].min_axes(&[0, 1], false).unwrap().into_scalar(), 1);
    /// ```
    pub fn min_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = ext_buf::<A, S, false>(self, &red)?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }
}

fn ptp_axes<A: MinMaxElement + Numeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
    keepdims: bool,
) -> Result<Array<A>> {
    let (hi, plan) = ext_buf::<A, S, true>(a, red)?;
    let (lo, _) = ext_buf::<A, S, false>(a, red)?;
    let d: Vec<A> = hi.iter().zip(&lo).map(|(&h, &l)| h.sub(l)).collect();
    let r = finish(&d, &plan, a.shape(), red, keepdims)?;
    debug_assert_eq!(r.shape(), out_shape(a.shape(), red, keepdims).as_slice());
    Ok(r)
}

impl<A: MinMaxElement + Numeric, S: Data<Elem = A>> ArrayBase<S> {
    /// The range of the elements, `max - min` (NumPy's `np.ptp(a)`), in
    /// the element type (integers wrap, as NumPy's do).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].ptp().unwrap(), 8);
    /// assert_eq!(array![-100i8, 100].ptp().unwrap(), -56); // wraps like NumPy
    /// ```
    pub fn ptp(&self) -> Result<A> {
        Ok(ptp_axes(self, &all_axes(self.ndim()), false)?.into_scalar())
    }

    /// The ranges along one axis (`np.ptp(a, axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3, 9], [4, 1]].ptp_axis(0).unwrap(), array![1, 8]);
    /// ```
    pub fn ptp_axis(&self, axis: isize) -> Result<Array<A>> {
        self.ptp_axes(&[axis], false)
    }

    /// The ranges over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[3.0, 9.0], [4.0, 1.0]].ptp_axes(&[1], true).unwrap(), array![[6.0], [3.0]]);
    /// ```
    pub fn ptp_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A>> {
        let red = flags_of(axes, self.ndim())?;
        ptp_axes(self, &red, keepdims)
    }
}

/// NumPy's `np.max(a, axis, keepdims=keepdims)` (also `np.amax`). See [`ArrayBase::max`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::max(&array![[3, 9], [4, 1]], 1, false).unwrap(), array![9, 4]);
/// ```
pub fn max<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = ext_buf::<A, S, true>(a, &red)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.min(a, axis, keepdims=keepdims)` (also `np.amin`). See [`ArrayBase::min`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::min(&array![[3, 9], [4, 1]], 0, false).unwrap(), array![3, 1]);
/// ```
pub fn min<A: MinMaxElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = ext_buf::<A, S, false>(a, &red)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.ptp(a, axis, keepdims=keepdims)`. See [`ArrayBase::ptp`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::ptp(&array![[3, 9], [4, 1]], numox::Axes::All, false).unwrap().into_scalar(), 8);
/// ```
pub fn ptp<A: MinMaxElement + Numeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A>> {
    let red = axis.into().flags(a.ndim())?;
    ptp_axes(a, &red, keepdims)
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    /// Column maxima/minima of a matrix big enough for the threaded split of
    /// the reduced axis, with NaNs and signed-zero ties, checked against a
    /// serial first-wins scan and against runs on 1, 2 and 3 threads.
    #[test]
    fn split_of_reduced_axis_matches_a_serial_scan() {
        let (rows, cols) = (3001, 97);
        let mut v: Vec<f64> = (0..rows * cols)
            .map(|i| ((i * 7919) % 1009) as f64 - 504.0)
            .collect();
        v[1500 * cols + 3] = f64::NAN; // a NaN in the middle of column 3
        for r in 0..rows {
            v[r * cols + 5] = if r % 2 == 0 { 0.0 } else { -0.0 }; // tie of zeros: the first (+0) wins
            v[r * cols + 6] = if r < 2000 { -0.0 } else { 0.0 }; // first is -0
        }
        let a = Array::from_shape_vec(&[rows, cols], v.clone()).unwrap();
        let serial = |max: bool| -> Vec<f64> {
            (0..cols)
                .map(|c| {
                    let mut m = v[c];
                    for r in 1..rows {
                        let x = v[r * cols + c];
                        let keep = if max { m >= x } else { m <= x };
                        if !(keep || m.is_nan()) {
                            m = x;
                        }
                    }
                    m
                })
                .collect()
        };
        let same = |got: &Array<f64>, want: &[f64]| {
            got.iter()
                .zip(want)
                .all(|(g, w)| g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()))
        };
        for threads in 1..=3 {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let (mx, mn) = pool.install(|| (a.max_axis(0).unwrap(), a.min_axis(0).unwrap()));
            assert!(same(&mx, &serial(true)), "max, {threads} threads");
            assert!(same(&mn, &serial(false)), "min, {threads} threads");
            assert!(mx[[3]].is_nan() && mx[[5]].to_bits() == 0 && mx[[6]].to_bits() == (-0.0f64).to_bits());
        }
    }

    /// `MinMaxImpl::maximum`/`minimum` of floats are written as a `max` plus
    /// a NaN fix-up (one `vmaxpd` and a blend per vector in the row fold);
    /// here they are checked bit for bit against NumPy's formula
    /// (`a >= b || a is NaN ? a : b`) on every pairing of two NaN payloads,
    /// ±0, ±inf, a subnormal and ordinary values, as scalars and through the
    /// row fold of `max`/`min` along axis 0 (every width 0..40: full 512-bit
    /// vectors and tails; the AVX-512 build on a machine that has it).
    fn check_formula<T>(vals: &[T], bits: impl Fn(T) -> u64)
    where
        T: crate::reduce::elem::MinMaxElement + num_traits::Float + std::fmt::Debug,
    {
        let numpy = |a: T, b: T, max: bool| {
            let keep = if max { a >= b } else { a <= b };
            if keep || a.is_nan() { a } else { b }
        };
        for &a in vals {
            for &b in vals {
                assert_eq!(
                    bits(T::maximum(a, b)),
                    bits(numpy(a, b, true)),
                    "maximum({a:?}, {b:?})"
                );
                assert_eq!(
                    bits(T::minimum(a, b)),
                    bits(numpy(a, b, false)),
                    "minimum({a:?}, {b:?})"
                );
            }
        }
        for n in 0..40usize {
            for shift in 0..vals.len() {
                let r0: Vec<T> = (0..n).map(|i| vals[(i * 7 + shift) % vals.len()]).collect();
                let r1: Vec<T> = (0..n)
                    .map(|i| vals[(i * 3 + 2 * shift + 1) % vals.len()])
                    .collect();
                let r2: Vec<T> = (0..n).map(|i| vals[(i * 5 + shift + 2) % vals.len()]).collect();
                let flat: Vec<T> = r0.iter().chain(&r1).chain(&r2).copied().collect();
                let a = Array::from_shape_vec(&[3, n], flat).unwrap();
                for max in [true, false] {
                    let got = if max { a.max_axis(0) } else { a.min_axis(0) }.unwrap();
                    for i in 0..n {
                        let want = numpy(numpy(r0[i], r1[i], max), r2[i], max);
                        assert_eq!(bits(got[[i]]), bits(want), "n={n} i={i} max={max}");
                    }
                }
            }
        }
    }

    #[test]
    fn maximum_is_numpys_formula_bit_for_bit() {
        let n1 = f64::from_bits(0x7ff8_0000_0000_0001);
        let n2 = f64::from_bits(0xfff8_0000_0000_0002);
        let v64 = [
            1.0,
            -2.5,
            n1,
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            n2,
            3.0,
            1.0,
            5e-324,
        ];
        check_formula(&v64, f64::to_bits);
        let v32: Vec<f32> = v64.iter().map(|&x| x as f32).collect();
        check_formula(&v32, |x: f32| x.to_bits() as u64);
    }
}
