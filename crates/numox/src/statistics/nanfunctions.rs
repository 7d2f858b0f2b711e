//! NumPy's NaN-ignoring reductions (`numpy/lib/_nanfunctions_impl.py`):
//! `nansum`, `nanprod`, `nanmean`, `nanvar`, `nanstd`, `nanmin`, `nanmax`,
//! `nanargmin`, `nanargmax`, `nancumsum`, `nancumprod`.
//!
//! NumPy copies a float input with NaN replaced (by 0 for sums, 1 for
//! products, ±inf for `nanargmin`/`nanargmax`) and runs the plain reduction
//! on the copy. numox reads the input and substitutes on the fly, adding in
//! the order NumPy's iterator adds the copy's elements (the copy is laid out
//! in the input's memory order), so sums are bit-identical without the copy.
//! Integer input has no NaN: each function then behaves like the plain
//! reduction (`nanmean` of integers is `mean`, in `f64`). Complex input is
//! not supported.
//!
//! Empty and all-NaN slices follow NumPy: `nansum` → 0, `nanprod` → 1,
//! `nanmean`/`nanvar`/`nanstd` → NaN (also when `count - ddof <= 0`),
//! `nanmin`/`nanmax` of an all-NaN slice → NaN but of an empty one → error,
//! `nanargmin`/`nanargmax` of an all-NaN or empty slice → error.

use crate::array::{Array, ArrayBase, Data};
use crate::element::{DType, RealNumeric};
use crate::error::{Error, Result};
use crate::reduce::axes::{Axes, filled, finish, out_shape, reduced_count};
use crate::reduce::elem::{Accum, MinMaxElement, SumElement, SumImpl, VarFloat};

type SumOf<A> = <A as SumImpl>::Sum;
type MeanOf<A> = <A as SumImpl>::Mean;
type VarOf<A> = <A as SumImpl>::Var;

use crate::reduce::plan::{Kernel, OutPtr, Plan, Src, execute, k_order_strides};
use std::marker::PhantomData;

fn is_float<A: crate::Element>() -> bool {
    matches!(A::DTYPE, DType::Float32 | DType::Float64)
}

/// `add.reduce` of `f(x, o)` (`o` the result element's index in the plan's layout).
struct MapSumK<A, T, F> {
    f: F,
    _p: PhantomData<fn(A) -> T>,
}

impl<A, T, F> MapSumK<A, T, F> {
    fn new(f: F) -> Self {
        MapSumK { f, _p: PhantomData }
    }
}

impl<A: Copy + Sync, T: Accum, F: Fn(A, usize) -> T + Sync> Kernel<A> for MapSumK<A, T, F> {
    type Acc = T;
    #[inline]
    fn run(&self, acc: T, src: Src<'_, A>, o: usize) -> T {
        acc.add(self.value(src, o))
    }
    fn elementwise(&self, out: &mut OutPtr<T>, o: isize, os: isize, src: Src<'_, A>) {
        let n = src.len();
        if os == 1 {
            if let Some(s) = src.as_slice() {
                let d = out.slice_mut(o, n);
                for (i, (d, &x)) in d.iter_mut().zip(s).enumerate() {
                    *d = d.add((self.f)(x, o as usize + i));
                }
                return;
            }
        }
        for i in 0..n {
            let oi = o + i as isize * os;
            out.set(oi, out.get(oi).add((self.f)(*src.get(i), oi as usize)));
        }
    }
    fn separable(&self) -> bool {
        true
    }
    fn value(&self, src: Src<'_, A>, o: usize) -> T {
        T::sum_run(src, &|x| (self.f)(x, o))
    }
    fn combine(&self, acc: T, v: T) -> T {
        acc.add(v)
    }
    fn value_par(&self, src: Src<'_, A>, o: usize) -> T {
        T::sum_run_par(src, &|x| (self.f)(x, o))
    }
}

/// `multiply.reduce` of `f(x)`, sequential in iteration order.
struct MapProdK<A, T, F> {
    f: F,
    _p: PhantomData<fn(A) -> T>,
}

impl<A: Copy + Sync, T: Accum, F: Fn(A) -> T + Sync> Kernel<A> for MapProdK<A, T, F> {
    type Acc = T;
    fn run(&self, mut acc: T, src: Src<'_, A>, _o: usize) -> T {
        for i in 0..src.len() {
            acc = acc.mul((self.f)(*src.get(i)));
        }
        acc
    }
    fn elementwise(&self, out: &mut OutPtr<T>, o: isize, os: isize, src: Src<'_, A>) {
        for i in 0..src.len() {
            let oi = o + i as isize * os;
            out.set(oi, out.get(oi).mul_elementwise((self.f)(*src.get(i))));
        }
    }
}

/// `fmin.reduce` / `fmax.reduce`: NaN never wins over a number.
struct FMinMaxK<A> {
    max: bool,
    _p: PhantomData<A>,
}

impl<A: RealNumeric + Sync> FMinMaxK<A> {
    #[inline]
    fn pick(&self, acc: A, x: A) -> A {
        let better = if self.max { x > acc } else { x < acc };
        if better || acc.is_nan_value() { x } else { acc }
    }
}

impl<A: RealNumeric + Sync> Kernel<A> for FMinMaxK<A> {
    type Acc = A;
    fn run(&self, mut acc: A, src: Src<'_, A>, _o: usize) -> A {
        match src.as_slice() {
            Some(s) => s.iter().for_each(|&x| acc = self.pick(acc, x)),
            None => (0..src.len()).for_each(|i| acc = self.pick(acc, *src.get(i))),
        }
        acc
    }
    fn elementwise(&self, out: &mut OutPtr<A>, o: isize, os: isize, src: Src<'_, A>) {
        for i in 0..src.len() {
            let oi = o + i as isize * os;
            out.set(oi, self.pick(out.get(oi), *src.get(i)));
        }
    }
}

/// The plan for reducing NumPy's NaN-replaced copy of `a` (allocated in
/// `a`'s memory order) while reading `a` itself.
fn copy_plan<A, S: Data<Elem = A>>(a: &ArrayBase<S>, red: &[bool]) -> Plan {
    let xs = k_order_strides(a.shape(), a.strides());
    Plan::new(a.shape(), &xs, a.strides(), red, false)
}

/// Runs `k` with `plan` (made from `a`'s shape and strides) into a new buffer.
fn exec<A: Copy + Sync, S: Data<Elem = A>, K: Kernel<A>>(
    a: &ArrayBase<S>,
    plan: &Plan,
    red: &[bool],
    init: K::Acc,
    k: &K,
) -> Result<Vec<K::Acc>> {
    let mut buf = filled(plan.out_len, init, &out_shape(a.shape(), red, false))?;
    // SAFETY: every plan passed here reads `a` through `a`'s own strides.
    unsafe { execute(plan, a.as_ptr(), &mut buf, k) };
    Ok(buf)
}

/// Non-NaN counts in `plan`'s layout (`np.sum(~isnan(a), axis)`).
fn counts<A: RealNumeric + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    plan: &Plan,
    red: &[bool],
) -> Result<Vec<i64>> {
    exec(
        a,
        plan,
        red,
        0i64,
        &MapSumK::new(|x: A, _| i64::from(!x.is_nan_value())),
    )
}

/// NumPy's `np.nansum(a, axis, keepdims=keepdims)`: the sum treating NaN as
/// zero, in the [sum type](SumElement). An all-NaN or empty slice sums to 0.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, f64::NAN], [f64::NAN, f64::NAN]];
/// assert_eq!(numox::nansum(&a, 1, false).unwrap(), array![1.0, 0.0]);
/// assert_eq!(numox::nansum(&array![1, 2], numox::Axes::All, false).unwrap().into_scalar(), 3i64);
/// ```
pub fn nansum<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<SumOf<A>>> {
    if !is_float::<A>() {
        return crate::sum(a, axis, keepdims);
    }
    let red = axis.into().flags(a.ndim())?;
    let plan = copy_plan(a, &red);
    let k = MapSumK::new(|x: A, _| {
        if x.is_nan_value() {
            <SumOf<A>>::zero()
        } else {
            x.to_sum_acc()
        }
    });
    let buf = exec(a, &plan, &red, <SumOf<A>>::zero(), &k)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.nanprod(a, axis, keepdims=keepdims)`: the product treating
/// NaN as one, multiplied in NumPy's order.
///
/// ```
/// use numox::prelude::*;
/// let a = array![2.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanprod(&a, numox::Axes::All, false).unwrap().into_scalar(), 6.0);
/// ```
pub fn nanprod<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<SumOf<A>>> {
    if !is_float::<A>() {
        return crate::prod(a, axis, keepdims);
    }
    let red = axis.into().flags(a.ndim())?;
    let plan = copy_plan(a, &red);
    let k = MapProdK {
        f: |x: A| {
            if x.is_nan_value() {
                <SumOf<A>>::one()
            } else {
                x.to_sum_acc()
            }
        },
        _p: PhantomData,
    };
    let buf = exec(a, &plan, &red, <SumOf<A>>::one(), &k)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// Means of the non-NaN elements in `plan`'s layout, and their counts.
fn nan_mean_buf<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    plan: &Plan,
    red: &[bool],
) -> Result<(Vec<MeanOf<A>>, Vec<i64>)> {
    let cnt = counts(a, plan, red)?;
    let k = MapSumK::new(|x: A, _| {
        if x.is_nan_value() {
            <MeanOf<A>>::zero()
        } else {
            x.to_mean_acc()
        }
    });
    let mut tot = exec(a, plan, red, <MeanOf<A>>::zero(), &k)?;
    for (t, &c) in tot.iter_mut().zip(&cnt) {
        *t = A::mean_div(*t, c as usize);
    }
    Ok((tot, cnt))
}

/// NumPy's `np.nanmean(a, axis, keepdims=keepdims)`: the mean of the
/// non-NaN elements (`nansum / count`), NaN for an all-NaN or empty slice.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, f64::NAN], [f64::NAN, f64::NAN]];
/// let m = numox::nanmean(&a, 1, false).unwrap();
/// assert_eq!(m.get(&[0]), Some(&1.0));
/// assert!(m.get(&[1]).unwrap().is_nan());
/// ```
pub fn nanmean<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<MeanOf<A>>> {
    if !is_float::<A>() {
        return crate::mean(a, axis, keepdims);
    }
    let red = axis.into().flags(a.ndim())?;
    let plan = copy_plan(a, &red);
    let (buf, _) = nan_mean_buf(a, &plan, &red)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

fn nan_var_buf<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    red: &[bool],
    ddof: usize,
) -> Result<(Vec<VarOf<A>>, Plan)> {
    let plan = copy_plan(a, red);
    let (avg, cnt) = nan_mean_buf(a, &plan, red)?;
    let k = MapSumK::new(|x: A, o: usize| {
        if x.is_nan_value() {
            <VarOf<A>>::zero()
        } else {
            A::var_term(x.to_mean_acc(), avg[o])
        }
    });
    let mut buf = exec(a, &plan, red, <VarOf<A>>::zero(), &k)?;
    for (v, &c) in buf.iter_mut().zip(&cnt) {
        let dof = c - ddof.min(i64::MAX as usize) as i64;
        *v = if dof <= 0 {
            <VarOf<A>>::from_f64(f64::NAN)
        } else {
            <VarOf<A>>::from_f64(v.to_f64() / dof as f64)
        };
    }
    Ok((buf, plan))
}

/// NumPy's `np.nanvar(a, axis, ddof=ddof, keepdims=keepdims)`: the variance
/// of the non-NaN elements, `sum(|x - mean|²) / (count - ddof)`, NaN where
/// `count - ddof <= 0` (NumPy warns).
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanvar(&a, numox::Axes::All, 0, false).unwrap().into_scalar(), 1.0);
/// assert!(numox::nanvar(&array![1.0, f64::NAN], numox::Axes::All, 1, false).unwrap().into_scalar().is_nan());
/// ```
pub fn nanvar<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<Array<VarOf<A>>> {
    if !is_float::<A>() {
        return crate::var(a, axis, ddof, keepdims);
    }
    let red = axis.into().flags(a.ndim())?;
    let (buf, plan) = nan_var_buf(a, &red, ddof)?;
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

/// NumPy's `np.nanstd`: the square root of [`nanvar`].
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanstd(&a, numox::Axes::All, 0, false).unwrap().into_scalar(), 1.0);
/// ```
pub fn nanstd<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    ddof: usize,
    keepdims: bool,
) -> Result<Array<VarOf<A>>> {
    if !is_float::<A>() {
        return crate::std(a, axis, ddof, keepdims);
    }
    let red = axis.into().flags(a.ndim())?;
    let (mut buf, plan) = nan_var_buf(a, &red, ddof)?;
    buf.iter_mut().for_each(|v| *v = v.sqrt());
    finish(&buf, &plan, a.shape(), &red, keepdims)
}

fn nan_extremum<A: RealNumeric + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Axes,
    keepdims: bool,
    max: bool,
) -> Result<Array<A>> {
    let red = axis.flags(a.ndim())?;
    let outs: usize = out_shape(a.shape(), &red, false).iter().product();
    if reduced_count(a.shape(), &red) == 0 && outs > 0 {
        return Err(Error::EmptyReduction {
            op: if max { "fmax" } else { "fmin" },
        });
    }
    // NaN (floats) or the far end of the range (integers) is the identity
    // of the NaN-ignoring extremum.
    let init = if is_float::<A>() {
        A::from_scalar(crate::Scalar::Float(f64::NAN))
    } else if max {
        A::min_value()
    } else {
        A::max_value()
    };
    let plan = Plan::for_array(a.shape(), a.strides(), &red, false);
    let buf = exec(a, &plan, &red, init, &FMinMaxK { max, _p: PhantomData })?;
    let out = finish(&buf, &plan, a.shape(), &red, keepdims)?;
    // NumPy checks the result: a NaN there can only come from an all-NaN slice
    if out.iter().any(|v| v.to_f64().is_nan()) {
        crate::warnings::warn(crate::warnings::Category::Runtime, "All-NaN slice encountered");
    }
    Ok(out)
}

/// NumPy's `np.nanmin(a, axis, keepdims=keepdims)` (`fmin.reduce`): the
/// smallest non-NaN element; an all-NaN slice gives NaN with NumPy's
/// RuntimeWarning "All-NaN slice encountered" (see [`crate::warnings`]), an
/// empty one is an error.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[3.0, f64::NAN], [f64::NAN, f64::NAN]];
/// let (m, seen) = numox::warnings::record(|| numox::nanmin(&a, 1, false).unwrap());
/// assert_eq!(m.get(&[0]), Some(&3.0));
/// assert!(m.get(&[1]).unwrap().is_nan());
/// assert_eq!(seen[0].to_string(), "RuntimeWarning: All-NaN slice encountered");
/// assert!(numox::nanmin(&Array::<f64>::zeros(&[0]), numox::Axes::All, false).is_err());
/// ```
pub fn nanmin<A: RealNumeric + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A>> {
    nan_extremum(a, axis.into(), keepdims, false)
}

/// NumPy's `np.nanmax(a, axis, keepdims=keepdims)` (`fmax.reduce`). See [`nanmin`].
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanmax(&a, numox::Axes::All, false).unwrap().into_scalar(), 3.0);
/// ```
pub fn nanmax<A: RealNumeric + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    keepdims: bool,
) -> Result<Array<A>> {
    nan_extremum(a, axis.into(), keepdims, true)
}

fn nan_arg<A: RealNumeric + MinMaxElement + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
    max: bool,
) -> Result<Array<i64>> {
    if !is_float::<A>() {
        return if max {
            crate::argmax(a, axis, keepdims)
        } else {
            crate::argmin(a, axis, keepdims)
        };
    }
    let red = Axes::from(axis).flags(a.ndim())?;
    let plan = Plan::for_array(a.shape(), a.strides(), &red, false);
    if reduced_count(a.shape(), &red) > 0 && counts(a, &plan, &red)?.contains(&0) {
        return Err(Error::invalid("All-NaN slice encountered"));
    }
    let fill = A::from_scalar(crate::Scalar::Float(if max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    }));
    let b = a.mapv(|x| if x.is_nan_value() { fill } else { x });
    if max {
        crate::argmax(&b, axis, keepdims)
    } else {
        crate::argmin(&b, axis, keepdims)
    }
}

/// NumPy's `np.nanargmin(a, axis, keepdims=keepdims)`: the index of the
/// first smallest non-NaN element (NaN read as `+inf`; `axis = None` gives
/// the flat C-order index as a 0-d array). An all-NaN or empty slice is an
/// error (NumPy's `ValueError`).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[f64::NAN, 4.0], [2.0, 3.0]];
/// assert_eq!(numox::nanargmin(&a, None, false).unwrap().into_scalar(), 2);
/// assert_eq!(numox::nanargmin(&a, Some(1), false).unwrap(), array![1i64, 0]);
/// assert!(numox::nanargmin(&array![f64::NAN], None, false).is_err());
/// ```
pub fn nanargmin<A: RealNumeric + MinMaxElement + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
) -> Result<Array<i64>> {
    nan_arg(a, axis, keepdims, false)
}

/// NumPy's `np.nanargmax` (NaN read as `-inf`). See [`nanargmin`].
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert_eq!(numox::nanargmax(&a, None, false).unwrap().into_scalar(), 2);
/// ```
pub fn nanargmax<A: RealNumeric + MinMaxElement + Sync, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    keepdims: bool,
) -> Result<Array<i64>> {
    nan_arg(a, axis, keepdims, true)
}

/// NumPy's `np.nancumsum(a, axis)`: running sums treating NaN as zero
/// (`axis = None` flattens in C order).
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 2.0];
/// assert_eq!(numox::nancumsum(&a, None).unwrap(), array![1.0, 1.0, 3.0]);
/// ```
pub fn nancumsum<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<SumOf<A>>> {
    let zero = A::from_scalar(crate::Scalar::Int(0));
    crate::cumsum(&a.mapv(|x| if x.is_nan_value() { zero } else { x }), axis)
}

/// NumPy's `np.nancumprod(a, axis)`: running products treating NaN as one.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[2.0, f64::NAN], [3.0, 4.0]];
/// assert_eq!(numox::nancumprod(&a, Some(1)).unwrap(), array![[2.0, 2.0], [3.0, 12.0]]);
/// ```
pub fn nancumprod<A: SumElement + RealNumeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<SumOf<A>>> {
    let one = A::from_scalar(crate::Scalar::Int(1));
    crate::cumprod(&a.mapv(|x| if x.is_nan_value() { one } else { x }), axis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn all_nan_slices() {
        let a = array![[f64::NAN, f64::NAN], [1.0, 2.0]];
        assert_eq!(nansum(&a, 1, false).unwrap(), array![0.0, 3.0]);
        assert!(nanmax(&a, 1, false).unwrap().get(&[0]).unwrap().is_nan());
        assert!(nanargmax(&a, Some(1), false).is_err());
        assert_eq!(nanargmax(&a, Some(0), false).unwrap(), array![1i64, 1]);
    }

    #[test]
    fn strided_input_reads_the_right_elements() {
        let a = array![[1.0, f64::NAN, 3.0], [4.0, 5.0, f64::NAN]];
        let t = a.t();
        assert_eq!(nansum(&t, 1, false).unwrap(), array![5.0, 5.0, 3.0]);
        assert_eq!(nanmean(&t, 0, false).unwrap(), array![2.0, 4.5]);
    }
}
