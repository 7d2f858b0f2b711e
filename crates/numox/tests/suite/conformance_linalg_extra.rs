//! numox.linalg's `cross`, `einsum_path` and `qr_raw` against NumPy 2.4.6
//! (`tools/refgen/gen_linalg_extra.py`).
//!
//! * `cross`: three products per component, the same formula as NumPy's, so
//!   floats agree to within one rounding of each product and the difference
//!   (`4 eps max|x1| max|x2|`); integers exactly.
//! * `einsum_path`: paths and the printed report exactly (both are integer
//!   computations and NumPy's formatting), except the report of subscripts
//!   with `...`, whose letters NumPy picks in Python's hash order.
//! * `qr_raw`: numox runs LAPACK's unblocked `?geqr2`, NumPy's LAPACK the
//!   blocked `?geqrf`: the same reflectors computed in a different order, so
//!   `h` and `tau` differ by the forward error of a backward-stable QR,
//!   `(2 eps_out + 16 n eps cond) max|a|` for `h` (and relative for `tau`).
//!   The rank-deficient case checks only `R`'s first row and `tau[0]` (the
//!   rest is rounding noise in both), the error cases by rejection.

use crate::common;

use common::{Case, assert_err, assert_same};
use numox::linalg::{self, EinsumOptimize};
use numox::prelude::*;
use serde_json::Value;

type C64 = numox::Complex64;
type C32 = numox::Complex32;

fn check_cross(case: &Case) -> Result<(), String> {
    let axis = case.i64_param("axis") as isize;
    macro_rules! run {
        ($T:ty, $tol:expr) => {{
            let (x1, x2) = (case.input::<$T>(0), case.input::<$T>(1));
            let got = linalg::cross(&x1, &x2, axis);
            if case.error.is_some() {
                assert_err(&got, case);
                return Ok(());
            }
            let got = got.map_err(|e| e.to_string())?;
            let want = case.output::<$T>(0);
            if got.shape() != want.shape() {
                return Err(format!("shape {:?} != {:?}", got.shape(), want.shape()));
            }
            let scale = x1.iter().map(|v| v.abs_f64()).fold(0.0, f64::max)
                * x2.iter().map(|v| v.abs_f64()).fold(0.0, f64::max);
            for (g, w) in got.iter().zip(want.iter()) {
                let d = g.diff_f64(*w);
                if d > $tol * scale {
                    return Err(format!("{g:?} vs {w:?}"));
                }
            }
        }};
    }
    match case.inputs[0].dtype() {
        DType::Int64 => run!(i64, 0.0),
        DType::Float64 => run!(f64, 4.0 * f64::EPSILON),
        DType::Float32 => run!(f32, 4.0 * f32::EPSILON as f64),
        DType::Complex128 => run!(C64, 8.0 * f64::EPSILON),
        other => return Err(format!("dtype {other}")),
    }
    Ok(())
}

/// Magnitudes and differences in f64 for the types under test.
trait Mag: Copy {
    fn abs_f64(self) -> f64;
    fn diff_f64(self, o: Self) -> f64;
}
impl Mag for i64 {
    fn abs_f64(self) -> f64 {
        self.unsigned_abs() as f64
    }
    fn diff_f64(self, o: Self) -> f64 {
        (self - o).unsigned_abs() as f64
    }
}
impl Mag for f64 {
    fn abs_f64(self) -> f64 {
        self.abs()
    }
    fn diff_f64(self, o: Self) -> f64 {
        if self == o { 0.0 } else { (self - o).abs() }
    }
}
impl Mag for f32 {
    fn abs_f64(self) -> f64 {
        self.abs() as f64
    }
    fn diff_f64(self, o: Self) -> f64 {
        (self as f64 - o as f64).abs()
    }
}
impl Mag for C64 {
    fn abs_f64(self) -> f64 {
        self.norm()
    }
    fn diff_f64(self, o: Self) -> f64 {
        (self - o).norm()
    }
}
impl Mag for C32 {
    fn abs_f64(self) -> f64 {
        self.norm() as f64
    }
    fn diff_f64(self, o: Self) -> f64 {
        (self - o).norm() as f64
    }
}

fn optimize_of(v: &Value) -> EinsumOptimize {
    match v {
        Value::Bool(false) => EinsumOptimize::NoOptimize,
        Value::String(s) if s == "greedy" => EinsumOptimize::Greedy,
        Value::String(s) if s == "optimal" => EinsumOptimize::Optimal,
        Value::Array(a) if a[0] == "einsum_path" => EinsumOptimize::Explicit(
            a[1..]
                .iter()
                .map(|p| {
                    p.as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap() as usize)
                        .collect()
                })
                .collect(),
        ),
        Value::Array(a) if a[0] == "greedy" => EinsumOptimize::GreedyLimited(a[1].as_u64().unwrap() as u128),
        Value::Array(a) if a[0] == "optimal" => {
            EinsumOptimize::OptimalLimited(a[1].as_u64().unwrap() as u128)
        }
        other => panic!("optimize {other}"),
    }
}

fn check_einsum_path(case: &Case) -> Result<(), String> {
    let sub = case.str_param("subscripts");
    let shapes: Vec<Vec<usize>> = case.params["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect()
        })
        .collect();
    let refs: Vec<&[usize]> = shapes.iter().map(|s| s.as_slice()).collect();
    let got = linalg::einsum_path_shapes(sub, &refs, &optimize_of(&case.params["optimize"]));
    if case.error.is_some() {
        assert_err(&got, case);
        return Ok(());
    }
    let got = got.map_err(|e| e.to_string())?;
    let want_path: Vec<Vec<usize>> = case.params["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect()
        })
        .collect();
    if got.path != want_path {
        return Err(format!("path {:?} != NumPy's {want_path:?}", got.path));
    }
    let want_report = case.str_param("report");
    if !case.bool_param("has_ellipsis") && got.report != want_report {
        return Err(format!(
            "report differs:\n{}\n--- NumPy:\n{want_report}",
            got.report
        ));
    }
    // With ellipses, compare every line's numbers (the letters differ).
    if case.bool_param("has_ellipsis") {
        let head = |r: &str| r.lines().skip(1).take(6).map(str::to_string).collect::<Vec<_>>();
        if head(&got.report) != head(want_report) {
            return Err(format!(
                "report figures differ:\n{}\n--- NumPy:\n{want_report}",
                got.report
            ));
        }
    }
    Ok(())
}

fn check_qr_raw(case: &Case) -> Result<(), String> {
    macro_rules! run {
        ($T:ty, $eps_out:expr) => {{
            let a = case.input::<$T>(0);
            let got = linalg::qr_raw(&a);
            if case.error.is_some() {
                assert_err(&got, case);
                return Ok(());
            }
            let got = got.map_err(|e| e.to_string())?;
            let (wh, wt) = (case.output::<$T>(0), case.output::<$T>(1));
            if got.h.shape() != wh.shape() || got.tau.shape() != wt.shape() {
                return Err(format!(
                    "shapes {:?} {:?} != {:?} {:?}",
                    got.h.shape(),
                    got.tau.shape(),
                    wh.shape(),
                    wt.shape()
                ));
            }
            let n = a.shape()[a.ndim() - 2].max(a.shape()[a.ndim() - 1]) as f64;
            let cond = case.f64_param("cond");
            let amax = a.iter().map(|v| v.abs_f64()).fold(0.0, f64::max);
            let tol = 2.0 * $eps_out + 16.0 * n * f64::EPSILON * cond;
            if case.note == "rank deficient" {
                // Only R's first row and tau[0] are determined.
                for j in 0..wh.shape()[0] {
                    let (g, w) = (got.h[[j, 0]], wh[[j, 0]]);
                    if g.diff_f64(w) > 64.0 * f64::EPSILON * amax {
                        return Err(format!("h[{j},0] {g:?} vs {w:?}"));
                    }
                }
                let (g, w) = (got.tau[[0]], wt[[0]]);
                if g.diff_f64(w) > 64.0 * f64::EPSILON {
                    return Err(format!("tau[0] {g:?} vs {w:?}"));
                }
                return Ok(());
            }
            for (g, w) in got.h.iter().zip(wh.iter()) {
                if g.diff_f64(*w) > tol * amax.max(f64::MIN_POSITIVE) {
                    return Err(format!("h: {g:?} vs {w:?} (tol {tol:e} * {amax})"));
                }
            }
            for (g, w) in got.tau.iter().zip(wt.iter()) {
                // tau is in [0, 2] (real) or |tau - 1| <= 1 (complex).
                if g.diff_f64(*w) > tol {
                    return Err(format!("tau: {g:?} vs {w:?} (tol {tol:e})"));
                }
            }
        }};
    }
    match case.inputs[0].dtype() {
        DType::Float64 => run!(f64, f64::EPSILON),
        DType::Float32 => run!(f32, f32::EPSILON as f64),
        DType::Complex128 => run!(C64, f64::EPSILON),
        DType::Complex64 => run!(C32, f32::EPSILON as f64),
        other => return Err(format!("dtype {other}")),
    }
    Ok(())
}

#[test]
fn linalg_extra_matches_numpy() {
    common::check_all_cases("linalg_extra", 144, |case| match case.op.as_str() {
        "cross" => check_cross(case),
        "einsum_path" => check_einsum_path(case),
        "qr_raw" => check_qr_raw(case),
        other => Err(format!("unknown op {other}")),
    });
}

#[test]
fn einsum_path_matches_einsum_result() {
    // The path is only advice: einsum's result does not depend on it, but
    // the report's intermediate shapes must be those einsum forms.
    let a = Array::<f64>::ones(&[3, 4]);
    let b = Array::<f64>::ones(&[4, 5]);
    let c = Array::<f64>::ones(&[5, 2]);
    let p = linalg::einsum_path("ij,jk,kl->il", &[&a, &b, &c], &EinsumOptimize::Greedy).unwrap();
    assert_eq!(p.contractions.len(), 2);
    assert_eq!(p.contractions.last().unwrap().remaining, vec!["il".to_string()]);
    let e = linalg::einsum("ij,jk,kl->il", &[&a, &b, &c]).unwrap();
    assert_same(&e, &Array::full(&[3, 2], 20.0), "ones chain");
}
