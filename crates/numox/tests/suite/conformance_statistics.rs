//! Conformance of the statistics module with NumPy 2.4.6: every case
//! recorded by `tools/refgen/gen_statistics.py` (the nan-reductions,
//! median/quantile/percentile and their NaN-ignoring forms over every
//! method, their `weights=` forms (inverted_cdf), average, cov, corrcoef) over float64, float32 and integer
//! input, NaN, ±inf, ties, empty arrays, zero-size axes, strided and
//! transposed views, and the error cases.
//!
//! Every comparison is exact (bit for bit, NaN == NaN, the sign of zero
//! significant) except `cov`/`corrcoef`, whose matrix product adds in
//! faer's order instead of NumPy's BLAS order (tolerance below). Where
//! numox's result type is wider than NumPy's (the discrete quantile methods
//! on integers give `f64`; `average` is always `f64`), NumPy's answer is
//! converted to numox's type, which is exact for these values.

use crate::common;

use common::{
    Case, assert_close, assert_err, assert_same, load_cases, param_f64, param_i64, param_isize_list,
};
use numox::array::slice::RangeEnd;
use numox::prelude::*;
use numox::{Axes, CovOptions, MinMaxElement, QArg, QuantileElement, QuantileMethod, SliceElem, SliceInfo};
use serde_json::Value;

/// The view a case works on: `base.transpose(perm)[slices]`.
fn view_of<'a, T>(base: &'a Array<T>, c: &Case) -> ArrayView<'a, T> {
    let mut v = base.view();
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

fn flag(c: &Case, name: &str) -> bool {
    c.param(name).and_then(Value::as_bool).unwrap_or(false)
}

fn ddof(c: &Case) -> usize {
    c.param("ddof").map_or(0, |v| param_i64(v) as usize)
}

/// `q` as given: a number, or a (nested) list giving an array.
fn q_arg(c: &Case) -> QArg {
    fn flat(v: &Value, out: &mut Vec<f64>, shape: &mut Vec<usize>, depth: usize) {
        match v {
            Value::Array(xs) => {
                if shape.len() == depth {
                    shape.push(xs.len());
                }
                xs.iter().for_each(|x| flat(x, out, shape, depth + 1));
            }
            x => out.push(param_f64(x)),
        }
    }
    let v = c.param("q").expect("q");
    if let Value::Array(_) = v {
        let (mut out, mut shape) = (vec![], vec![]);
        flat(v, &mut out, &mut shape, 0);
        QArg::Array(Array::from_shape_vec(&shape, out).unwrap())
    } else {
        QArg::Scalar(param_f64(v))
    }
}

fn method(c: &Case) -> numox::Result<QuantileMethod> {
    QuantileMethod::from_name(c.param("method").and_then(Value::as_str).unwrap_or("linear"))
}

fn weights(c: &Case, name: &str) -> Option<Vec<f64>> {
    c.param(name)
        .map(|v| v.as_array().expect("list").iter().map(param_f64).collect())
}

/// `got` against NumPy's output `k`, converted to `got`'s type when NumPy's differs.
fn same<U: Element>(got: &Array<U>, c: &Case, k: usize) {
    let want = &c.outputs[k];
    let w: Array<U> = if want.dtype() == U::DTYPE {
        want.as_typed::<U>().unwrap().to_owned()
    } else {
        want.astype::<U>()
    };
    assert_same(got, &w, c.ctx());
}

/// Checks `r` against the case: NumPy's error, or its output 0.
fn expect<U: Element>(r: numox::Result<Array<U>>, c: &Case) -> Result<(), String> {
    if c.error.is_some() {
        assert_err(&r, c);
        return Ok(());
    }
    let got = r.map_err(|e| format!("numox failed: {e}"))?;
    same(&got, c, 0);
    Ok(())
}

fn cov_opts(c: &Case) -> CovOptions {
    CovOptions {
        rowvar: c.param("rowvar").and_then(Value::as_bool).unwrap_or(true),
        bias: flag(c, "bias"),
        ddof: c.param("ddof").map(param_i64),
        fweights: weights(c, "fweights"),
        aweights: weights(c, "aweights"),
    }
}

fn cov_close(r: numox::Result<Array<f64>>, c: &Case) -> Result<(), String> {
    if c.error.is_some() {
        assert_err(&r, c);
        return Ok(());
    }
    let got = r.map_err(|e| format!("numox failed: {e}"))?;
    let want = c.output::<f64>(0);
    let scale = want
        .iter()
        .filter(|x| x.is_finite())
        .fold(0.0f64, |m, x| m.max(x.abs()));
    // The product X @ X.T is summed in faer's order, NumPy's in BLAS's:
    // each entry is a dot product of <= 20 centred terms, so the results
    // differ by a few ulps of the largest entry.
    assert_close(&got, &want, 1e-13, 1e-14 * scale, c.ctx());
    Ok(())
}

fn go<T>(c: &Case) -> Result<(), String>
where
    T: QuantileElement + MinMaxElement,
{
    let base = c.input::<T>(0);
    let a = view_of(&base, c);
    let kd = flag(c, "keepdims");
    match c.op.as_str() {
        "nansum" => expect(numox::nansum(&a, axes(c), kd), c),
        "nanprod" => expect(numox::nanprod(&a, axes(c), kd), c),
        "nanmean" => expect(numox::nanmean(&a, axes(c), kd), c),
        "nanvar" => expect(numox::nanvar(&a, axes(c), ddof(c), kd), c),
        "nanstd" => expect(numox::nanstd(&a, axes(c), ddof(c), kd), c),
        "nanmin" => expect(numox::nanmin(&a, axes(c), kd), c),
        "nanmax" => expect(numox::nanmax(&a, axes(c), kd), c),
        "nanargmin" => expect(numox::nanargmin(&a, one_axis(c), kd), c),
        "nanargmax" => expect(numox::nanargmax(&a, one_axis(c), kd), c),
        "nancumsum" => expect(numox::nancumsum(&a, one_axis(c)), c),
        "nancumprod" => expect(numox::nancumprod(&a, one_axis(c)), c),
        "median" => expect(numox::median(&a, axes(c), kd), c),
        "nanmedian" => expect(numox::nanmedian(&a, axes(c), kd), c),
        "quantile" | "percentile" | "nanquantile" | "nanpercentile" => {
            let m = match method(c) {
                Ok(m) => m,
                Err(e) => return expect::<f64>(Err(e), c),
            };
            let (q, ax) = (q_arg(c), axes(c));
            match c.op.as_str() {
                "quantile" => expect(numox::quantile(&a, q, ax, m, kd), c),
                "percentile" => expect(numox::percentile(&a, q, ax, m, kd), c),
                "nanquantile" => expect(numox::nanquantile(&a, q, ax, m, kd), c),
                _ => expect(numox::nanpercentile(&a, q, ax, m, kd), c),
            }
        }
        "wquantile" | "wpercentile" | "wnanquantile" | "wnanpercentile" => {
            // Weighted (`weights=` is input 1, float64; NumPy keeps the
            // input's dtype, numox gives the mean type: exact here).
            let w = c.input::<f64>(1);
            let m = method(c).map_err(|e| format!("bad method: {e}"))?;
            let (q, ax) = (q_arg(c), axes(c));
            match c.op.as_str() {
                "wquantile" => expect(numox::quantile_weighted(&a, q, ax, &w, m, kd), c),
                "wpercentile" => expect(numox::percentile_weighted(&a, q, ax, &w, m, kd), c),
                "wnanquantile" => expect(numox::nanquantile_weighted(&a, q, ax, &w, m, kd), c),
                _ => expect(numox::nanpercentile_weighted(&a, q, ax, &w, m, kd), c),
            }
        }
        "average" | "average_returned" => {
            let w = c.inputs.get(1).map(|_| c.input::<f64>(1));
            let r = numox::average_returned(&a, axes(c), w.as_ref(), false);
            if c.error.is_some() {
                assert_err(&r, c);
                return Ok(());
            }
            let (avg, scl) = r.map_err(|e| format!("numox failed: {e}"))?;
            same(&avg, c, 0);
            if c.op == "average_returned" {
                same(&scl, c, 1);
            }
            Ok(())
        }
        "cov" => {
            let y = c.inputs.get(1).map(|_| c.input::<T>(1));
            cov_close(numox::cov(&a, y.as_ref(), &cov_opts(c)), c)
        }
        "corrcoef" => {
            let y = c.inputs.get(1).map(|_| c.input::<T>(1));
            let rowvar = c.param("rowvar").and_then(Value::as_bool).unwrap_or(true);
            cov_close(numox::corrcoef(&a, y.as_ref(), rowvar), c)
        }
        op => Err(format!("unknown op {op}")),
    }
}

fn check(c: &Case) -> Result<(), String> {
    match c.inputs[0].dtype() {
        DType::Float64 => go::<f64>(c),
        DType::Float32 => go::<f32>(c),
        DType::Int64 => go::<i64>(c),
        DType::Int32 => go::<i32>(c),
        DType::UInt8 => go::<u8>(c),
        DType::Int8 => go::<i8>(c),
        d => Err(format!("no dispatch for {d}")),
    }
}

#[test]
fn statistics_matches_numpy() {
    common::check_all_cases("statistics", 1386, check);
}

#[test]
fn case_set_covers_every_method_and_op() {
    let cases = load_cases("statistics");
    for m in QuantileMethod::ALL {
        assert!(
            cases
                .iter()
                .any(|c| c.param("method").and_then(Value::as_str) == Some(m.name())),
            "no case for method {}",
            m.name()
        );
    }
    assert!(cases.iter().filter(|c| c.error.is_some()).count() >= 10);
    for op in ["wquantile", "wpercentile", "wnanquantile", "wnanpercentile"] {
        assert!(cases.iter().any(|c| c.op == op), "no case for {op}");
    }
}
