//! `mean`, `var` and `std`, computed as NumPy's `_methods.py` computes them,
//! fused so that no temporary array is made.
//!
//! * `mean` = `sum / n`: the sum runs in the [mean type](SumElement)
//!   (integers and `bool` are converted to `float64` in NumPy's buffers of
//!   8192 elements, `float32` stays `float32`), and the division is NumPy's
//!   `true_divide` by an `intp` count (for `float32` it runs in `float64`
//!   and rounds back; complex numbers use NumPy's complex division).
//! * `var` = `sum(|x - mean|²) / max(n - ddof, 0)`: NumPy computes
//!   `x = a - mean` into a new array laid out in `a`'s memory order, squares
//!   it (`re² + im²` for complex input) and sums that array. numox computes
//!   the same terms on the fly and adds them in the order NumPy's iterator
//!   adds the temporary's elements, so the result is bit-identical without
//!   the two temporaries. `std` is the square root of `var`.

use super::axes::{Axes, filled, finish, flags_of, reduced_count, run_kernel};
use super::elem::{Accum, SumElement, VarFloat};
use super::plan::{Kernel, OutPtr, Plan, ROWS, Src, execute, k_order_strides};
use super::sum::{elementwise_fold, elementwise_fold_rows, zip3_fold};
use crate::array::shape::Shape;
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use smallvec::SmallVec;
use std::marker::PhantomData;

/// `add.reduce(a, dtype=<mean type>)`.
struct MeanK<A>(PhantomData<A>);

impl<A: SumElement> Kernel<A> for MeanK<A> {
    type Acc = A::Mean;
    #[inline]
    fn run(&self, acc: A::Mean, src: Src<'_, A>, _o: usize) -> A::Mean {
        acc.add(A::Mean::sum_run(src, &A::to_mean_acc))
    }
    fn elementwise(&self, out: &mut OutPtr<A::Mean>, o: isize, os: isize, src: Src<'_, A>) {
        elementwise_fold(out, o, os, src, |acc: A::Mean, x: A| acc.add(x.to_mean_acc()));
    }
    fn elementwise_rows(&self, out: &mut OutPtr<A::Mean>, o: isize, os: isize, srcs: &[Src<'_, A>; ROWS]) {
        elementwise_fold_rows(out, o, os, srcs, |acc: A::Mean, x: A| acc.add(x.to_mean_acc()));
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, _o: usize) -> A::Mean {
        A::Mean::sum_run(src, &A::to_mean_acc)
    }
    fn combine(&self, acc: A::Mean, v: A::Mean) -> A::Mean {
        acc.add(v)
    }
    fn value_par(&self, src: Src<'_, A>, _o: usize) -> A::Mean {
        A::Mean::sum_run_par(src, &A::to_mean_acc)
    }
}

/// `add.reduce(|a - mean|²)`, with `mean` laid out like the result.
struct VarK<'m, A: SumElement> {
    mean: &'m [A::Mean],
}

impl<A: SumElement> Kernel<A> for VarK<'_, A> {
    type Acc = A::Var;
    #[inline]
    fn run(&self, acc: A::Var, src: Src<'_, A>, o: usize) -> A::Var {
        acc.add(self.value(src, o))
    }
    fn elementwise(&self, out: &mut OutPtr<A::Var>, o: isize, os: isize, src: Src<'_, A>) {
        let n = src.len();
        if os == 1 {
            if let Some(s) = src.as_slice() {
                let m = &self.mean[o as usize..o as usize + n];
                zip3_fold(out.slice_mut(o, n), s, m, &|d: A::Var, x: A, mi: A::Mean| {
                    d.add(A::var_term(x.to_mean_acc(), mi))
                });
                return;
            }
        }
        for i in 0..n {
            let oi = o + i as isize * os;
            let t = A::var_term(src.get(i).to_mean_acc(), self.mean[oi as usize]);
            out.set(oi, out.get(oi).add(t));
        }
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, o: usize) -> A::Var {
        let m = self.mean[o];
        A::Var::sum_run(src, &|x: A| A::var_term(x.to_mean_acc(), m))
    }
    fn combine(&self, acc: A::Var, v: A::Var) -> A::Var {
        acc.add(v)
    }
    fn value_par(&self, src: Src<'_, A>, o: usize) -> A::Var {
        let m = self.mean[o];
        A::Var::sum_run_par(src, &|x: A| A::var_term(x.to_mean_acc(), m))
    }
}

/// Both of NumPy's `var` passes over one run: its mean (`sum / n`), then
/// the sum of `|x - mean|²` over the same run. Used when every result
/// element is exactly one run in both passes.
struct FusedVarK<A>(usize, PhantomData<A>);

impl<A: SumElement> Kernel<A> for FusedVarK<A> {
    type Acc = A::Var;
    #[inline]
    fn run(&self, acc: A::Var, src: Src<'_, A>, _o: usize) -> A::Var {
        let s = A::Mean::zero().add(A::Mean::sum_run(src, &A::to_mean_acc));
        let m = A::mean_div(s, self.0);
        acc.add(A::Var::sum_run(src, &|x: A| A::var_term(x.to_mean_acc(), m)))
    }
    fn elementwise(&self, _: &mut OutPtr<A::Var>, _: isize, _: isize, _: Src<'_, A>) {
        unreachable!("the fused variance runs only on plans whose inner calls are reduce runs")
    }
}

/// Means over the flagged axes, in the plan's result layout.
fn mean_buf<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
) -> Result<(Vec<A::Mean>, Plan)> {
    let (mut buf, plan) = run_kernel(a, red, A::CAST_MEAN, A::Mean::zero(), &MeanK(PhantomData))?;
    let n = reduced_count(a.shape(), red);
    for v in &mut buf {
        *v = A::mean_div(*v, n);
    }
    Ok((buf, plan))
}

/// Variances over the flagged axes, in the returned plan's result layout.
fn var_buf<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
    ddof: usize,
) -> Result<(Vec<A::Var>, Plan)> {
    let n = reduced_count(a.shape(), red);
    let d = n.saturating_sub(ddof) as f64;
    // NumPy reduces the temporary `a - mean`, allocated in `a`'s memory order.
    let xs = k_order_strides(a.shape(), a.strides());
    let plan2 = Plan::new(a.shape(), &xs, a.strides(), red, false);
    let plan1 = Plan::for_array(a.shape(), a.strides(), red, A::CAST_MEAN);
    if plan1.one_run_per_output() && plan1.same_runs(&plan2) {
        // Each result element is one run in both of NumPy's passes: do both
        // passes run by run while the run is in cache.
        let mut buf = filled(plan1.out_len, A::Var::zero(), a.shape())?;
        // SAFETY: `plan1` was made from `a`'s own shape and strides.
        unsafe { execute(&plan1, a.as_ptr(), &mut buf, &FusedVarK::<A>(n, PhantomData)) };
        for v in &mut buf {
            *v = A::Var::from_f64(v.to_f64() / d);
        }
        return Ok((buf, plan1));
    }
    let (mean, plan1) = mean_buf(a, red)?;
    let mean = if plan2.out_strides == plan1.out_strides {
        mean
    } else {
        let kept: Shape = a
            .shape()
            .iter()
            .zip(red)
            .filter(|r| !*r.1)
            .map(|r| *r.0)
            .collect();
        let s1: SmallVec<[isize; 4]> = plan1
            .out_strides
            .iter()
            .zip(red)
            .filter(|r| !*r.1)
            .map(|r| *r.0)
            .collect();
        let s2: SmallVec<[isize; 4]> = plan2
            .out_strides
            .iter()
            .zip(red)
            .filter(|r| !*r.1)
            .map(|r| *r.0)
            .collect();
        let mut m2 = mean.clone();
        crate::array::walk::walk2(&kept, [&s1, &s2], |[o1, o2], len, [t1, t2]| {
            for i in 0..len as isize {
                m2[(o2 + i * t2) as usize] = mean[(o1 + i * t1) as usize];
            }
        });
        m2
    };
    let mut buf = filled(plan2.out_len, A::Var::zero(), a.shape())?;
    // SAFETY: `plan2` reads `a` through `a`'s own strides (its `read` argument).
    unsafe { execute(&plan2, a.as_ptr(), &mut buf, &VarK::<A> { mean: &mean }) };
    for v in &mut buf {
        *v = A::Var::from_f64(v.to_f64() / d);
    }
    Ok((buf, plan2))
}

fn all_axes(ndim: usize) -> SmallVec<[bool; 4]> {
    SmallVec::from_elem(true, ndim)
}

fn one<T: Copy>(r: Result<(Vec<T>, Plan)>) -> T {
    match r {
        Ok((buf, _)) => buf[0],
        Err(_) => unreachable!("a full reduction has one result element"),
    }
}

impl<A: SumElement, S: Data<Elem = A>> ArrayBase<S> {
    /// The mean of all elements (NumPy's `a.mean()`), in the [mean
    /// type](SumElement) (`f64` for integers and `bool`). An empty array
    /// gives NaN, as NumPy does (NumPy also warns).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].mean(), 2.5);
    /// assert_eq!(array![1.0f32, 2.0].mean(), 1.5f32);
    /// assert!(Array::<f64>::zeros(&[0]).mean().is_nan());
    /// ```
    pub fn mean(&self) -> A::Mean {
        one(mean_buf(self, &all_axes(self.ndim())))
    }

    /// The means along one axis (`a.mean(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].mean_axis(1).unwrap(), array![1.5, 3.5]);
    /// ```
    pub fn mean_axis(&self, axis: isize) -> Result<Array<A::Mean>> {
        self.mean_axes(&[axis], false)
    }

    /// The means over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.0, 2.0], [3.0, 5.0]];
    /// assert_eq!(a.mean_axes(&[0, 1], true).unwrap(), array![[2.75]]);
    /// ```
    pub fn mean_axes(&self, axes: &[isize], keepdims: bool) -> Result<Array<A::Mean>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = mean_buf(self, &red)?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }

    /// The variance of all elements with `ddof` delta degrees of freedom
    /// (`a.var(ddof=ddof)`): `sum(|x - mean|²) / max(n - ddof, 0)`, real
    /// even for complex input. `n <= ddof` gives inf or NaN, as in NumPy.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![1.0, 2.0, 3.0, 4.0];
    /// assert_eq!(a.var(0), 1.25);
    /// assert_eq!(a.var(1), 5.0 / 3.0);
    /// assert_eq!(array![numox::Complex64::new(1.0, 2.0), numox::Complex64::new(3.0, 5.0)].var(0), 3.25);
    /// ```
    pub fn var(&self, ddof: usize) -> A::Var {
        one(var_buf(self, &all_axes(self.ndim()), ddof))
    }

    /// The variances along one axis (`a.var(axis=axis, ddof=ddof)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 3], [5, 5]].var_axis(1, 0).unwrap(), array![1.0, 0.0]);
    /// ```
    pub fn var_axis(&self, axis: isize, ddof: usize) -> Result<Array<A::Var>> {
        self.var_axes(&[axis], ddof, false)
    }

    /// The variances over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.0, 2.0], [3.0, 5.0]];
    /// assert_eq!(a.var_axes(&[0, 1], 1, false).unwrap().into_scalar(), 35.0 / 12.0);
    /// ```
    pub fn var_axes(&self, axes: &[isize], ddof: usize, keepdims: bool) -> Result<Array<A::Var>> {
        let red = flags_of(axes, self.ndim())?;
        let (buf, plan) = var_buf(self, &red, ddof)?;
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }

    /// The standard deviation of all elements (`a.std(ddof=ddof)`), the
    /// square root of [`var`](ArrayBase::var).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![1.0, 3.0].std(0), 1.0);
    /// ```
    pub fn std(&self, ddof: usize) -> A::Var {
        self.var(ddof).sqrt()
    }

    /// The standard deviations along one axis (`a.std(axis=axis, ddof=ddof)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1.0, 3.0], [2.0, 2.0]].std_axis(1, 0).unwrap(), array![1.0, 0.0]);
    /// ```
    pub fn std_axis(&self, axis: isize, ddof: usize) -> Result<Array<A::Var>> {
        self.std_axes(&[axis], ddof, false)
    }

    /// The standard deviations over several axes, optionally keeping them as length 1.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1.0, 3.0], [1.0, 3.0]];
    /// assert_eq!(a.std_axes(&[0, 1], 0, true).unwrap(), array![[1.0]]);
    /// ```
    pub fn std_axes(&self, axes: &[isize], ddof: usize, keepdims: bool) -> Result<Array<A::Var>> {
        let red = flags_of(axes, self.ndim())?;
        let (mut buf, plan) = var_buf(self, &red, ddof)?;
        buf.iter_mut().for_each(|v| *v = v.sqrt());
        finish(&buf, &plan, self.shape(), &red, keepdims)
    }
}

/// NumPy's `np.mean(a, axis, keepdims=keepdims)`. See [`ArrayBase::mean`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::mean(&array![[1, 2], [3, 4]], 0, false).unwrap(), array![2.0, 3.0]);
/// ```
pub fn mean<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A::Mean>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = mean_buf(a, &red)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.var(a, axis, ddof=ddof, keepdims=keepdims)`. See [`ArrayBase::var`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::var(&array![[1.0, 3.0], [1.0, 1.0]], 1, 0, false).unwrap(), array![1.0, 0.0]);
/// ```
pub fn var<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<Array<A::Var>> {
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = var_buf(a, &red, ddof)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.std(a, axis, ddof=ddof, keepdims=keepdims)`. See [`ArrayBase::std`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::std(&array![1.0, 3.0], numox::Axes::All, 0, false).unwrap().into_scalar(), 1.0);
/// ```
pub fn std<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<Array<A::Var>> {
    let red = axis.into().flags(a.ndim())?;
    let (mut buf, plan) = var_buf(a, &red, ddof)?;
    buf.iter_mut().for_each(|v| *v = v.sqrt());
    finish(&buf, &plan, a.shape(), &red, keepdims)
}
