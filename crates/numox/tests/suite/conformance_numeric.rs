//! Conformance of numox's numeric routines (histograms, function_base,
//! convolve, polynomials) with NumPy 2.4.6: every case recorded by
//! `tools/refgen/gen_numeric.py`, including NaN/inf, values on bin edges,
//! empty and zero-size inputs, integer dtypes, f32, non-contiguous views and
//! the error cases (NumPy raised → numox returns `Err`).
//!
//! Tolerances (each with its reason where it is used): counts, integer
//! results, edges and the closed-form formulas (diff, gradient, interp,
//! unwrap, cross, vander, polyval/polyder) are exact or within a couple of
//! ULPs; sums whose order NumPy delegates to BLAS or a cumulative sum
//! (convolve/correlate, weighted histograms) are compared with a relative
//! bound; eigenvalue and least-squares results (roots, poly, polyfit) with
//! a bound that covers two different LAPACK-class solvers.

use crate::common;

use common::{Case, assert_close, assert_err, assert_same, check_all_cases, param_f64, param_isize_list};
use numox::array::slice::RangeEnd;
use numox::prelude::*;
use numox::{BinEstimator, Bins, ConvolveMode, DdBins, PolyfitCov, SliceElem, SliceInfo, Spacing};
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

fn flag(c: &Case, name: &str) -> bool {
    c.param(name).and_then(Value::as_bool).unwrap_or(false)
}

fn opt_f64(c: &Case, name: &str) -> Option<f64> {
    c.param(name).map(param_f64)
}

fn pair(v: &Value) -> (f64, f64) {
    let a = v.as_array().expect("[lo, hi]");
    (param_f64(&a[0]), param_f64(&a[1]))
}

fn f64_list(v: &Value) -> Vec<f64> {
    v.as_array().expect("list").iter().map(param_f64).collect()
}

/// Runs `$body` with `$T` bound to the element type of `$dt`.
macro_rules! by_dtype {
    ($dt:expr, $T:ident => $body:expr, [$($ty:ty),*]) => {{
        let dt = $dt;
        $(if dt == <$ty as Element>::DTYPE {
            type $T = $ty;
            return $body;
        })*
        panic!("unexpected dtype {dt:?}");
    }};
}

fn bins_of(c: &Case) -> Bins {
    match c.str_param("bins_kind") {
        "count" => Bins::Count(c.i64_param("bins") as usize),
        "edges" => Bins::Edges(c.input::<f64>(c.inputs.len() - 1).to_vec()),
        _ => Bins::Estimator(match c.str_param("bins") {
            "auto" => BinEstimator::Auto,
            "fd" => BinEstimator::Fd,
            "doane" => BinEstimator::Doane,
            "scott" => BinEstimator::Scott,
            "stone" => BinEstimator::Stone,
            "rice" => BinEstimator::Rice,
            "sturges" => BinEstimator::Sturges,
            "sqrt" => BinEstimator::Sqrt,
            other => panic!("estimator {other}"),
        }),
    }
}

/// NumPy's edges as `f64` (float32 input gives float32 edges in NumPy;
/// numox returns those float32 values as `f64`, which is exact).
fn edges_out(c: &Case, k: usize) -> Array<f64> {
    let o = &c.outputs[k];
    if o.dtype() == DType::Float32 {
        o.astype::<f64>()
    } else {
        c.output::<f64>(k)
    }
}

fn check_histogram(c: &Case) {
    fn go<T: Element>(c: &Case) {
        let base = c.input::<T>(0);
        let a = view_of(&base, c);
        let range = c.param("range").map(pair);
        let weighted = flag(c, "weighted");
        let density = flag(c, "density");
        let bins = bins_of(c);
        if c.op == "histogram_bin_edges" {
            let got = numox::histogram_bin_edges(&a, &bins, range);
            if c.error.is_some() {
                return assert_err(&got, c);
            }
            // Edges are NumPy's linspace formula: exact.
            return assert_same(&got.unwrap(), &edges_out(c, 0), c.ctx());
        }
        if !weighted && !density {
            let got = numox::histogram(&a, bins, range);
            if c.error.is_some() {
                return assert_err(&got, c);
            }
            let (h, e) = got.unwrap();
            assert_same(&h, &c.output::<i64>(0), c.ctx());
            assert_same(&e, &edges_out(c, 1), c.ctx());
        } else {
            let w = weighted.then(|| c.input::<f64>(1));
            let got = numox::histogram_with(&a, bins, range, w.as_ref(), density);
            if c.error.is_some() {
                return assert_err(&got, c);
            }
            let (h, e) = got.unwrap();
            // Weighted counts with explicit edges: NumPy sums the weights
            // through a cumulative sum of the sorted weights (differences of
            // partial sums), we add them per bin: rounding differs by a few
            // ULPs of the largest partial sum.
            assert_close(&h, &c.output::<f64>(0), 1e-12, 1e-12, c.ctx());
            assert_same(&e, &edges_out(c, 1), c.ctx());
        }
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [f64, f32, i8, i32, i64, u8, u16])
}

fn dd_bins(v: Option<&Value>) -> Vec<DdBins> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .map(|b| DdBins::Count(b.as_u64().unwrap() as usize))
            .collect(),
        Some(b) => vec![DdBins::Count(b.as_u64().unwrap() as usize)],
        None => vec![DdBins::Count(10)],
    }
}

fn check_histogram2d(c: &Case) {
    if c.inputs[0].dtype() == DType::Float32 {
        return check_histogram2d_of(c, &c.input::<f32>(0), &c.input::<f32>(1));
    }
    check_histogram2d_of(c, &c.input::<f64>(0), &c.input::<f64>(1));
}

fn check_histogram2d_of<T: Element>(c: &Case, x: &Array<T>, y: &Array<T>) {
    let w = flag(c, "weighted").then(|| c.input::<f64>(2));
    let range: Option<Vec<Option<(f64, f64)>>> = c
        .param("range")
        .map(|r| r.as_array().unwrap().iter().map(|p| Some(pair(p))).collect());
    let got = numox::histogram2d(
        x,
        y,
        &dd_bins(c.param("bins")),
        range.as_deref(),
        w.as_ref(),
        flag(c, "density"),
    );
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    let (h, xe, ye) = got.unwrap();
    // Density divides by widths and the total in another order than NumPy: a few ULPs.
    assert_close(&h, &c.output::<f64>(0), 1e-13, 0.0, c.ctx());
    // Edges (float32 ones for float32 data without range): exact.
    assert_same(&xe, &edges_out(c, 1), c.ctx());
    assert_same(&ye, &edges_out(c, 2), c.ctx());
}

fn check_histogramdd(c: &Case) {
    if c.inputs[0].dtype() == DType::Float32 {
        return check_histogramdd_of(c, &c.input::<f32>(0));
    }
    check_histogramdd_of(c, &c.input::<f64>(0));
}

fn check_histogramdd_of<T: Element>(c: &Case, s: &Array<T>) {
    let got = numox::histogramdd(
        s,
        &dd_bins(c.param("bins")),
        None,
        None::<&Array<f64>>,
        flag(c, "density"),
    );
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    let (h, edges) = got.unwrap();
    // As histogram2d: density's divisions in another order, a few ULPs.
    assert_close(&h, &c.output::<f64>(0), 1e-13, 0.0, c.ctx());
    assert_eq!(edges.len(), c.outputs.len() - 1, "{}", c.ctx());
    for (k, e) in edges.iter().enumerate() {
        // Edges are NumPy's linspace: exact.
        assert_same(e, &edges_out(c, k + 1), c.ctx());
    }
}

fn check_bincount(c: &Case) {
    fn go<T: Element>(c: &Case) {
        let base = c.input::<T>(0);
        let x = view_of(&base, c);
        let minlength = c.i64_param("minlength") as usize;
        if flag(c, "weighted") {
            let w = c.input::<f64>(1);
            let got = numox::bincount_weighted(&x, &w, minlength);
            if c.error.is_some() {
                return assert_err(&got, c);
            }
            // Sequential sums in input order, as NumPy: exact.
            assert_same(&got.unwrap(), &c.output::<f64>(0), c.ctx());
        } else {
            let got = numox::bincount(&x, minlength);
            if c.error.is_some() {
                return assert_err(&got, c);
            }
            assert_same(&got.unwrap(), &c.output::<i64>(0), c.ctx());
        }
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i8, i32, i64, u8, u64, f64])
}

fn check_digitize(c: &Case) {
    fn go<T: numox::SortElement>(c: &Case) {
        let x = c.input::<T>(0);
        let b = c.input::<T>(1);
        let got = numox::digitize(&x, &b, c.bool_param("right"));
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        assert_same(&got.unwrap(), &c.output::<i64>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [f64, i64])
}

fn check_diff(c: &Case) {
    fn go<T: Numeric>(c: &Case) {
        let base = c.input::<T>(0);
        let a = view_of(&base, c);
        let pre = c
            .param("prepend_in")
            .map(|k| c.input::<T>(k.as_u64().unwrap() as usize));
        let app = c
            .param("append_in")
            .map(|k| c.input::<T>(k.as_u64().unwrap() as usize));
        let got = numox::diff_with(
            &a,
            c.i64_param("n") as usize,
            c.i64_param("axis") as isize,
            pre.as_ref().map(|p| p.view()),
            app.as_ref().map(|p| p.view()),
        );
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // One subtraction per element and pass, as NumPy: exact.
        assert_same(&got.unwrap(), &c.output::<T>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i8, i64, u8, f32, f64, Complex64])
}

fn check_ediff1d(c: &Case) {
    fn go<T: Numeric>(c: &Case) {
        let a = c.input::<T>(0);
        let conv = |v: &Value| -> Vec<T> {
            f64_list(v)
                .into_iter()
                .map(|x| T::from_scalar(numox::Scalar::Float(x)))
                .collect()
        };
        let tb = c.param("to_begin").map(conv);
        let te = c.param("to_end").map(conv);
        let got = numox::ediff1d(&a, te.as_deref(), tb.as_deref());
        // Exact: one subtraction per element.
        assert_same(&got, &c.output::<T>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i64, f64])
}

fn check_gradient(c: &Case) {
    fn go<T: numox::Float>(c: &Case, rtol: f64) {
        let base = c.input::<T>(0);
        let f = view_of(&base, c);
        let spacing: Vec<Spacing> = c
            .param("spacing")
            .and_then(Value::as_array)
            .map(|s| {
                s.iter()
                    .map(|v| match v {
                        Value::Object(o) => {
                            Spacing::Coords(c.input::<f64>(o["in"].as_u64().unwrap() as usize).to_vec())
                        }
                        x => Spacing::Uniform(param_f64(x)),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let axes = c.param("axis").map(param_isize_list);
        let got = numox::gradient(&f, &spacing, axes.as_deref(), c.i64_param("edge_order") as usize);
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        let got = got.unwrap();
        assert_eq!(got.len(), c.outputs.len(), "{}", c.ctx());
        for (k, g) in got.iter().enumerate() {
            assert_close(g, &c.output::<T>(k), rtol, 0.0, c.ctx());
        }
    }
    match c.inputs[0].dtype() {
        // NumPy's formulas, evaluated in the same order: f64 to rounding.
        // (Coordinate spacing: NumPy builds the coefficients in f64 for any
        // f, we in f's type; for f32 that is f32 rounding of each step.)
        DType::Float64 => go::<f64>(c, 4e-15),
        _ => go::<f32>(c, 2e-6),
    }
}

fn check_interp(c: &Case) {
    let base = c.input::<f64>(0);
    let x = view_of(&base, c);
    let got = numox::interp(
        &x,
        &c.input::<f64>(1),
        &c.input::<f64>(2),
        opt_f64(c, "left"),
        opt_f64(c, "right"),
        opt_f64(c, "period"),
    );
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    // NumPy's exact formula (slope * (x - xp[j]) + fp[j]): exact.
    assert_same(&got.unwrap(), &c.output::<f64>(0), c.ctx());
}

fn opt_c64(c: &Case, name: &str) -> Option<Complex64> {
    c.param(name).map(|v| {
        let p = v.as_array().expect("[re, im]");
        Complex64::new(param_f64(&p[0]), param_f64(&p[1]))
    })
}

fn check_interp_complex(c: &Case) {
    let base = c.input::<f64>(0);
    let x = view_of(&base, c);
    let got = numox::interp_complex(
        &x,
        &c.input::<f64>(1),
        &c.input::<Complex64>(2),
        opt_c64(c, "left"),
        opt_c64(c, "right"),
        opt_f64(c, "period"),
    );
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    // NumPy's exact per-part formula (slope = diff * (1 / dx)): exact.
    assert_same(&got.unwrap(), &c.output::<Complex64>(0), c.ctx());
}

fn check_unwrap(c: &Case) {
    fn go<T: numox::Float>(c: &Case, rtol: f64) {
        let base = c.input::<T>(0);
        let p = view_of(&base, c);
        let cast = |v: f64| -> T { T::from_scalar(numox::Scalar::Float(v)) };
        let period = opt_f64(c, "period").unwrap_or(2.0 * std::f64::consts::PI);
        let got = numox::unwrap(
            &p,
            opt_f64(c, "discont").map(cast),
            c.i64_param("axis") as isize,
            cast(period),
        );
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // The running sum of corrections is sequential, as NumPy's cumsum;
        // one rounding per step at most.
        assert_close(&got.unwrap(), &c.output::<T>(0), rtol, rtol, c.ctx());
    }
    match c.inputs[0].dtype() {
        DType::Float64 => go::<f64>(c, 1e-14),
        _ => go::<f32>(c, 1e-5),
    }
}

fn check_trapezoid(c: &Case) {
    fn go<T: numox::Float>(c: &Case, rtol: f64) {
        let base = c.input::<T>(0);
        let y = view_of(&base, c);
        let x = c
            .param("x_in")
            .map(|k| c.input::<T>(k.as_u64().unwrap() as usize));
        let dx = T::from_scalar(numox::Scalar::Float(c.f64_param("dx")));
        let got = numox::trapezoid(&y, x.as_ref(), dx, c.i64_param("axis") as isize);
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // Pairwise (last axis) or sequential (other axes) sums as NumPy's
        // add.reduce: a few ULPs at most.
        assert_close(&got.unwrap(), &c.output::<T>(0), rtol, 0.0, c.ctx());
    }
    match c.inputs[0].dtype() {
        DType::Float64 => go::<f64>(c, 1e-14),
        // f32 sums of a few terms with cancellation: NumPy's f32 reduce
        // may round intermediate sums differently; 1e-5 of the value.
        _ => go::<f32>(c, 1e-5),
    }
}

fn check_cross(c: &Case) {
    fn go<T: Numeric>(c: &Case) {
        let base = c.input::<T>(0);
        let a = view_of(&base, c);
        let b = c.input::<T>(1);
        let ax = |n: &str| c.i64_param(n) as isize;
        let got = numox::cross(&a, &b, ax("axisa"), ax("axisb"), ax("axisc"));
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // Two products and a subtraction per component, as NumPy: exact.
        assert_same(&got.unwrap(), &c.output::<T>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i32, i64, f64])
}

fn check_vander(c: &Case) {
    fn go<T: Numeric>(c: &Case) {
        let base = c.input::<T>(0);
        let x = view_of(&base, c);
        let n = c.param("N").map(|v| v.as_u64().unwrap() as usize);
        let got = numox::vander(&x, n, c.bool_param("increasing"));
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // Repeated multiplication as NumPy's multiply.accumulate: exact.
        assert_same(&got.unwrap(), &c.output::<T>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i64, f64, Complex64])
}

fn check_convolve(c: &Case) {
    fn go<T: Numeric>(c: &Case, rtol: f64) {
        let base = c.input::<T>(0);
        let a = view_of(&base, c);
        let v = c.input::<T>(1);
        let mode = match c.str_param("mode") {
            "full" => ConvolveMode::Full,
            "same" => ConvolveMode::Same,
            _ => ConvolveMode::Valid,
        };
        let got = if c.op == "convolve" {
            numox::convolve(&a, &v, mode)
        } else {
            numox::correlate(&a, &v, mode)
        };
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // NumPy sums each output with BLAS dot (blocked, unrolled order):
        // differs from our sequential sum by a few ULPs of the terms; the
        // absolute bound covers outputs that cancel to near zero.
        assert_close(&got.unwrap(), &c.output::<T>(0), rtol, rtol * 10.0, c.ctx());
    }
    match c.inputs[0].dtype() {
        DType::Float64 => go::<f64>(c, 1e-13),
        DType::Float32 => go::<f32>(c, 1e-6),
        DType::Complex128 => go::<Complex64>(c, 1e-13),
        _ => go::<i64>(c, 0.0),
    }
}

fn check_poly_simple(c: &Case) {
    fn go<T: Numeric>(c: &Case) {
        let base = c.input::<T>(0);
        let p = view_of(&base, c);
        let got = match c.op.as_str() {
            "polyval" => numox::polyval(&p, &c.input::<T>(1)),
            _ => numox::polyder(&p, c.i64_param("m") as usize),
        };
        if c.error.is_some() {
            return assert_err(&got, c);
        }
        // Horner's rule / one product per coefficient, as NumPy: exact.
        assert_same(&got.unwrap(), &c.output::<T>(0), c.ctx());
    }
    by_dtype!(c.inputs[0].dtype(), T => go::<T>(c), [i64, f64, Complex64])
}

fn check_polyint(c: &Case) {
    let p = c.input::<f64>(0);
    let k = c.param("k").map(f64_list);
    let got = numox::polyint(&p, c.i64_param("m") as usize, k.as_deref());
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    // One division per coefficient and pass, as NumPy: exact.
    assert_same(&got.unwrap(), &c.output::<f64>(0), c.ctx());
}

fn check_polyfit(c: &Case) {
    let x = c.input::<f64>(0);
    let y = c.input::<f64>(1);
    let w = flag(c, "weighted").then(|| c.input::<f64>(2));
    let cov = match c.param("cov").and_then(Value::as_str) {
        Some("unscaled") => PolyfitCov::Unscaled,
        Some(_) => PolyfitCov::Scaled,
        None => PolyfitCov::No,
    };
    let got = numox::polyfit(
        &x,
        &y,
        c.i64_param("deg") as usize,
        opt_f64(c, "rcond"),
        w.as_ref(),
        cov,
    );
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    let r = got.unwrap();
    // faer's SVD-based lstsq vs LAPACK's gelsd on the column-scaled
    // Vandermonde matrix (condition up to ~1e4 here): agreement to ~1e-9.
    let (rtol, atol) = (1e-9, 1e-10);
    assert_close(&r.coef, &c.output::<f64>(0), rtol, atol, c.ctx());
    if flag(c, "full") {
        assert_close(&r.residuals, &c.output::<f64>(1), 1e-8, 1e-10, c.ctx());
        // NumPy's lstsq returns the rank as int32.
        let rank = c.outputs[2].clone().into_typed::<i32>().unwrap().into_scalar() as i64;
        assert_eq!(r.rank as i64, rank, "{}", c.ctx());
        assert_close(&r.singular_values, &c.output::<f64>(3), 1e-12, 1e-14, c.ctx());
        let rc = c.outputs[4].clone().into_typed::<f64>().unwrap().into_scalar();
        assert_eq!(r.rcond, rc, "{}", c.ctx());
    } else {
        // The covariance goes through inv(AᵀA): condition squared, so looser.
        assert_close(r.cov.as_ref().unwrap(), &c.output::<f64>(1), 1e-7, 1e-10, c.ctx());
    }
}

/// Compares root sets: each of NumPy's roots matched to the nearest unused
/// one of ours (eigenvalue order and last-bit values differ between solvers).
fn check_roots(c: &Case) {
    if c.op == "roots" {
        by_dtype!(c.inputs[0].dtype(), T => check_root_set(c, numox::roots(&c.input::<T>(0))), [f64, Complex64])
    } else {
        by_dtype!(c.inputs[0].dtype(), T => check_root_set(c, numox::poly(&c.input::<T>(0))), [f64, Complex64])
    }
}

fn check_root_set(c: &Case, got: numox::Result<Array<Complex64>>) {
    if c.error.is_some() {
        return assert_err(&got, c);
    }
    let got = got.unwrap();
    let want = c.output::<Complex64>(0);
    if c.op == "poly" {
        // Coefficients from eigenvalues of a different solver: ~1e-12 relative.
        return assert_close(&got, &want, 1e-10, 1e-12, c.ctx());
    }
    let mut g = got.to_vec();
    assert_eq!(g.len(), want.len(), "{}", c.ctx());
    for w in want.iter() {
        let (i, d) = g
            .iter()
            .enumerate()
            .map(|(i, z)| (i, (z - w).norm()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        // Companion-matrix eigenvalues from two solvers: 1e-9 relative.
        assert!(
            d <= 1e-9 * (1.0 + w.norm()),
            "{}: root {w} missing (nearest {})",
            c.ctx(),
            g[i]
        );
        g.remove(i);
    }
}

#[test]
fn numeric_matches_numpy() {
    check_all_cases("numeric", 727, |c| {
        match c.op.as_str() {
            "histogram" | "histogram_bin_edges" => check_histogram(c),
            "histogram2d" => check_histogram2d(c),
            "histogramdd" => check_histogramdd(c),
            "bincount" => check_bincount(c),
            "digitize" => check_digitize(c),
            "diff" => check_diff(c),
            "ediff1d" => check_ediff1d(c),
            "gradient" => check_gradient(c),
            "interp" => check_interp(c),
            "interp_complex" => check_interp_complex(c),
            "unwrap" => check_unwrap(c),
            "trapezoid" => check_trapezoid(c),
            "cross" => check_cross(c),
            "vander" => check_vander(c),
            "convolve" | "correlate" => check_convolve(c),
            "polyval" | "polyder" => check_poly_simple(c),
            "polyint" => check_polyint(c),
            "polyfit" => check_polyfit(c),
            "roots" | "poly" => check_roots(c),
            other => return Err(format!("unknown op {other}")),
        }
        Ok(())
    });
}

#[test]
fn histogram_counts_sum_to_n_in_range() {
    // Property: with an explicit range covering all values, every value is
    // counted once, for uniform bins and for explicit edges.
    let mut s = 7u64;
    for n in [1usize, 10, 1000, 300_000] {
        let v: Vec<f64> = (0..n)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect();
        let a = Array::from_vec(v);
        for bins in [1usize, 2, 17, 100] {
            let (h, _) = numox::histogram(&a, Bins::Count(bins), Some((-1.0, 1.0))).unwrap();
            assert_eq!(h.iter().sum::<i64>() as usize, n);
        }
        let (h, _) = numox::histogram(&a, Bins::Edges(vec![-1.0, -0.5, 0.0, 0.25, 1.0]), None).unwrap();
        assert_eq!(h.iter().sum::<i64>() as usize, n);
    }
}
