//! Conformance of the reductions with NumPy 2.4.6: every case recorded by
//! `tools/refgen/gen_reduce.py` (sum, prod, mean, var, std, max, min, ptp,
//! argmax, argmin, any, all, count_nonzero, cumsum, cumprod over the dtypes,
//! axes, keepdims, NaN/inf, empty arrays, strided/Fortran/reversed views).
//!
//! Every comparison is exact (bit for bit, NaN == NaN, the sign of zero
//! significant), float sums included: numox reproduces NumPy's pairwise
//! summation and its iterator's grouping for every layout. No tolerance is
//! used anywhere in this file.

use crate::common;

use common::{Case, assert_same_dyn, load_cases, param_i64, param_isize_list};
use numox::array::slice::RangeEnd;
use numox::prelude::*;
use numox::{Axes, DynArray, MinMaxElement, SliceElem, SliceInfo, SumElement};
use serde_json::Value;

/// The view a case reduces: `broadcast_to(base, shape).transpose(perm)[slices]`.
fn view_of<'a, T>(base: &'a Array<T>, c: &Case) -> ArrayView<'a, T> {
    let mut v = match c.param("broadcast") {
        Some(b) => {
            let shape: Vec<usize> = param_isize_list(b).iter().map(|&x| x as usize).collect();
            base.broadcast(&shape).unwrap()
        }
        None => base.view(),
    };
    if let Some(p) = c.param("perm") {
        v = v.permuted_axes(&param_isize_list(p)).unwrap();
    }
    if let Some(Value::Array(sl)) = c.param("slices") {
        let elems = sl.iter().map(|s| {
            let s = s.as_array().expect("[start, stop, step]");
            let get = |i: usize| s.get(i).and_then(Value::as_i64).map(|x| x as isize);
            SliceElem::Range {
                start: get(0),
                end: get(1).map_or(RangeEnd::Open, RangeEnd::Exclusive),
                step: get(2).unwrap_or(1),
            }
        });
        v = v.slice_move(SliceInfo::new(elems));
    }
    v
}

fn axes(c: &Case) -> Axes {
    match c.param("axis") {
        None => Axes::All,
        Some(Value::Array(v)) => Axes::Many(v.iter().map(|x| param_i64(x) as isize).collect()),
        Some(x) => Axes::One(param_i64(x) as isize),
    }
}

fn one_axis(c: &Case) -> Option<isize> {
    c.param("axis").map(|x| param_i64(x) as isize)
}

fn keepdims(c: &Case) -> bool {
    c.param("keepdims").and_then(Value::as_bool).unwrap_or(false)
}

fn ddof(c: &Case) -> usize {
    c.param("ddof").map_or(0, |x| param_i64(x) as usize)
}

fn dy<T: Element>(r: numox::Result<Array<T>>) -> numox::Result<DynArray> {
    r.map(DynArray::from)
}

/// Runs the case's op with the free function and, where the case fits a
/// method form (`axis=None` without keepdims, or one axis without
/// keepdims), checks the method agrees with the free function.
fn run<T: SumElement + MinMaxElement>(c: &Case) -> numox::Result<DynArray> {
    let base = c.input::<T>(0);
    let a = view_of(&base, c);
    let (ax, kd, dd) = (axes(c), keepdims(c), ddof(c));
    let scalar = ax == Axes::All && !kd;
    let single = match (&ax, kd) {
        (Axes::One(i), false) => Some(*i),
        _ => None,
    };
    macro_rules! check_methods {
        ($free:expr, $all:expr, $axis:expr) => {{
            let free = $free;
            if let Ok(f) = &free {
                if scalar {
                    let m = Array::from_elem0($all);
                    assert_same_dyn(&DynArray::from(m), &DynArray::from(f.clone()), c.ctx());
                }
                if let Some(i) = single {
                    let m: Array<_> = $axis(i).unwrap();
                    assert_same_dyn(&DynArray::from(m), &DynArray::from(f.clone()), c.ctx());
                }
            }
            dy(free)
        }};
    }
    match c.op.as_str() {
        "sum" => check_methods!(numox::sum(&a, ax, kd), a.sum(), |i| a.sum_axis(i)),
        "prod" => check_methods!(numox::prod(&a, ax, kd), a.prod(), |i| a.prod_axis(i)),
        "mean" => check_methods!(numox::mean(&a, ax, kd), a.mean(), |i| a.mean_axis(i)),
        "var" => check_methods!(numox::var(&a, ax, dd, kd), a.var(dd), |i| a.var_axis(i, dd)),
        "std" => check_methods!(numox::std(&a, ax, dd, kd), a.std(dd), |i| a.std_axis(i, dd)),
        "max" => {
            let scalar_ok = scalar && a.size() > 0;
            let r = numox::max(&a, ax, kd);
            if scalar_ok {
                assert_eq!(a.max().is_ok(), r.is_ok(), "{}", c.ctx());
            }
            if let (Some(i), Ok(f)) = (single, &r) {
                assert_same_dyn(
                    &DynArray::from(a.max_axis(i).unwrap()),
                    &DynArray::from(f.clone()),
                    c.ctx(),
                );
            }
            dy(r)
        }
        "min" => {
            let r = numox::min(&a, ax, kd);
            if let (Some(i), Ok(f)) = (single, &r) {
                assert_same_dyn(
                    &DynArray::from(a.min_axis(i).unwrap()),
                    &DynArray::from(f.clone()),
                    c.ctx(),
                );
            }
            if scalar {
                assert_eq!(a.min().is_ok(), r.is_ok(), "{}", c.ctx());
            }
            dy(r)
        }
        "argmax" | "argmin" => {
            let max = c.op == "argmax";
            let ax1 = one_axis(c);
            let r = if max {
                numox::argmax(&a, ax1, kd)
            } else {
                numox::argmin(&a, ax1, kd)
            };
            if let (None, Ok(f)) = (ax1, &r) {
                let m = if max { a.argmax() } else { a.argmin() }.unwrap();
                assert_eq!(m as i64, f.to_vec()[0], "{}", c.ctx());
            }
            if let (Some(i), false, Ok(f)) = (ax1, kd, &r) {
                let m = if max { a.argmax_axis(i) } else { a.argmin_axis(i) }.unwrap();
                assert_same_dyn(&DynArray::from(m), &DynArray::from(f.clone()), c.ctx());
            }
            dy(r)
        }
        "any" => check_methods!(numox::any(&a, ax, kd), a.any(), |i| a.any_axis(i)),
        "all" => check_methods!(numox::all(&a, ax, kd), a.all(), |i| a.all_axis(i)),
        "count_nonzero" => check_methods!(numox::count_nonzero(&a, ax, kd), a.count_nonzero() as i64, |i| a
            .count_nonzero_axis(i)),
        "cumsum" | "cumprod" => {
            let sum = c.op == "cumsum";
            let ax1 = one_axis(c);
            let r = if sum {
                numox::cumsum(&a, ax1)
            } else {
                numox::cumprod(&a, ax1)
            };
            if let Ok(f) = &r {
                let m = match (ax1, sum) {
                    (None, true) => a.cumsum(),
                    (None, false) => a.cumprod(),
                    (Some(i), true) => a.cumsum_axis(i).unwrap(),
                    (Some(i), false) => a.cumprod_axis(i).unwrap(),
                };
                assert_same_dyn(&DynArray::from(m), &DynArray::from(f.clone()), c.ctx());
            }
            dy(r)
        }
        other => panic!("{}: unknown op {other}", c.ctx()),
    }
}

/// `ptp` needs arithmetic, so it is dispatched over the numeric dtypes only.
fn run_ptp<T: MinMaxElement + Numeric>(c: &Case) -> numox::Result<DynArray> {
    let base = c.input::<T>(0);
    let a = view_of(&base, c);
    let r = numox::ptp(&a, axes(c), keepdims(c));
    if let (Axes::One(i), false, Ok(f)) = (axes(c), keepdims(c), &r) {
        assert_same_dyn(
            &DynArray::from(a.ptp_axis(i).unwrap()),
            &DynArray::from(f.clone()),
            c.ctx(),
        );
    }
    dy(r)
}

fn dispatch(c: &Case) -> numox::Result<DynArray> {
    use numox::DType::*;
    let d = c.inputs[0].dtype();
    if c.op == "ptp" {
        return match d {
            Int8 => run_ptp::<i8>(c),
            Int16 => run_ptp::<i16>(c),
            Int32 => run_ptp::<i32>(c),
            Int64 => run_ptp::<i64>(c),
            UInt8 => run_ptp::<u8>(c),
            UInt16 => run_ptp::<u16>(c),
            UInt32 => run_ptp::<u32>(c),
            UInt64 => run_ptp::<u64>(c),
            Float32 => run_ptp::<f32>(c),
            Float64 => run_ptp::<f64>(c),
            Complex64 => run_ptp::<numox::Complex32>(c),
            Complex128 => run_ptp::<numox::Complex64>(c),
            Bool => panic!("{}: ptp of bool is a compile-time error in numox", c.ctx()),
        };
    }
    match d {
        Bool => run::<bool>(c),
        Int8 => run::<i8>(c),
        Int16 => run::<i16>(c),
        Int32 => run::<i32>(c),
        Int64 => run::<i64>(c),
        UInt8 => run::<u8>(c),
        UInt16 => run::<u16>(c),
        UInt32 => run::<u32>(c),
        UInt64 => run::<u64>(c),
        Float32 => run::<f32>(c),
        Float64 => run::<f64>(c),
        Complex64 => run::<numox::Complex32>(c),
        Complex128 => run::<numox::Complex64>(c),
    }
}

#[test]
fn reductions_match_numpy_exactly() {
    let cases = load_cases("reduce");
    let (mut ok, mut errs) = (0, 0);
    for c in &cases {
        let got = dispatch(c);
        match &c.error {
            Some(e) => {
                assert!(
                    got.is_err(),
                    "{}: NumPy raised {e}, numox returned {:?}",
                    c.ctx(),
                    got.ok()
                );
                errs += 1;
            }
            None => {
                let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", c.ctx()));
                assert_same_dyn(&got, &c.outputs[0], c.ctx());
                ok += 1;
            }
        }
    }
    assert_eq!(
        cases.len(),
        787,
        "case count changed: update the count after regenerating"
    );
    assert_eq!(ok + errs, cases.len());
    assert_eq!(errs, 23);
}
