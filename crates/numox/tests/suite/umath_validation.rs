//! NumPy's accuracy tables for the transcendental functions
//! (`tests/data/umath-validation/`, copied from NumPy's
//! `numpy/_core/tests/data`; format in the README there): every `float32`
//! and `float64` row must be within the row's ULP tolerance of the
//! correctly rounded value, as NumPy's own `test_umath_accuracy.py` checks
//! (`assert_array_max_ulp`). NaN must give NaN.
//!
//! The rows also run through strided and in-place paths, which must give
//! the same bits as the contiguous one.

use crate::common;

use common::{data_dir, ulp_distance};
use numox::prelude::*;

/// One table row: input bits, expected bits, ULP tolerance.
struct Row {
    x: u64,
    want: u64,
    tol: u64,
}

fn load(name: &str) -> (Vec<Row>, Vec<Row>) {
    let path = data_dir()
        .join("umath-validation")
        .join(format!("umath-validation-set-{name}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut f32s, mut f64s) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with("dtype") {
            continue;
        }
        let cols: Vec<&str> = line.split(',').collect();
        assert_eq!(cols.len(), 4, "{name}: bad row {line}");
        let hex = |s: &str| u64::from_str_radix(s.trim().trim_start_matches("0x"), 16).unwrap();
        let row = Row {
            x: hex(cols[1]),
            want: hex(cols[2]),
            tol: cols[3].trim().parse().unwrap(),
        };
        match cols[0].trim() {
            "np.float32" => f32s.push(row),
            "np.float64" => f64s.push(row),
            other => panic!("{name}: unexpected dtype {other}"),
        }
    }
    (f32s, f64s)
}

/// The numox function for a table name, for one float type.
macro_rules! funcs {
    ($T:ty) => {
        |name: &str| -> fn(&Array<$T>) -> Array<$T> {
            match name {
                "arccos" => |a| numox::arccos(a),
                "arccosh" => |a| numox::arccosh(a),
                "arcsin" => |a| numox::arcsin(a),
                "arcsinh" => |a| numox::arcsinh(a),
                "arctan" => |a| numox::arctan(a),
                "arctanh" => |a| numox::arctanh(a),
                "cbrt" => |a| numox::cbrt(a),
                "cos" => |a| numox::cos(a),
                "cosh" => |a| numox::cosh(a),
                "exp" => |a| numox::exp(a),
                "exp2" => |a| numox::exp2(a),
                "expm1" => |a| numox::expm1(a),
                "log" => |a| numox::log(a),
                "log10" => |a| numox::log10(a),
                "log1p" => |a| numox::log1p(a),
                "log2" => |a| numox::log2(a),
                "sin" => |a| numox::sin(a),
                "sinh" => |a| numox::sinh(a),
                "tan" => |a| numox::tan(a),
                "tanh" => |a| numox::tanh(a),
                other => panic!("no numox function for table {other}"),
            }
        }
    };
}

const TABLES: [&str; 20] = [
    "arccos", "arccosh", "arcsin", "arcsinh", "arctan", "arctanh", "cbrt", "cos", "cosh", "exp", "exp2",
    "expm1", "log", "log10", "log1p", "log2", "sin", "sinh", "tan", "tanh",
];

/// Checks `got` against the rows; returns the worst ULP error seen.
fn check(name: &str, dtype: &str, rows: &[Row], got: &[f64], want: &[f64], single: bool) -> u64 {
    let mut worst = 0;
    for ((r, &g), &w) in rows.iter().zip(got).zip(want) {
        if w.is_nan() {
            assert!(g.is_nan(), "{name} {dtype} {:#x}: got {g:e}, want NaN", r.x);
            continue;
        }
        assert!(!g.is_nan(), "{name} {dtype} {:#x}: got NaN, want {w:e}", r.x);
        let d = ulp_distance(g, w, single);
        assert!(
            d <= r.tol,
            "{name} {dtype} input {:#x}: got {g:e}, want {w:e}: {d} ULPs > {}",
            r.x,
            r.tol
        );
        worst = worst.max(d);
    }
    worst
}

#[test]
fn every_table_row_is_within_its_ulp_bound() {
    let mut rows_checked = 0;
    let mut report = Vec::new();
    for name in TABLES {
        let (r32, r64) = load(name);
        assert!(!r32.is_empty() && !r64.is_empty(), "{name}: empty table");
        // f64
        let x: Array<f64> = r64.iter().map(|r| f64::from_bits(r.x)).collect();
        let got = funcs!(f64)(name)(&x);
        let want: Vec<f64> = r64.iter().map(|r| f64::from_bits(r.want)).collect();
        let w64 = check(name, "float64", &r64, &got.to_vec(), &want, false);
        // The same rows reversed (a negative-stride view) give the same bits.
        let rev = funcs!(f64)(name)(&x.slice(s![..;-1]).to_owned());
        assert!(
            rev.slice(s![..;-1])
                .iter()
                .zip(got.iter())
                .all(|(a, b)| a.to_bits() == b.to_bits()),
            "{name}"
        );
        // f32
        let x: Array<f32> = r32.iter().map(|r| f32::from_bits(r.x as u32)).collect();
        let got: Vec<f64> = funcs!(f32)(name)(&x).iter().map(|&v| v as f64).collect();
        let want: Vec<f64> = r32.iter().map(|r| f32::from_bits(r.want as u32) as f64).collect();
        let w32 = check(name, "float32", &r32, &got, &want, true);
        rows_checked += r32.len() + r64.len();
        report.push(format!("{name}: f32 {w32} ULP, f64 {w64} ULP"));
    }
    eprintln!("worst errors: {}", report.join("; "));
    // 20 tables of NumPy 2.4.6; every row of both float types was checked.
    assert_eq!(rows_checked, 26_610);
}

#[test]
fn inplace_and_into_forms_match() {
    for name in ["exp", "log", "sin", "cos"] {
        let (_, r64) = load(name);
        let x: Array<f64> = r64.iter().map(|r| f64::from_bits(r.x)).collect();
        let want = funcs!(f64)(name)(&x);
        let mut y = x.clone();
        let mut out = Array::<f64>::zeros(x.shape());
        match name {
            "exp" => {
                numox::exp_inplace(&mut y);
                numox::exp_into(&x, &mut out).unwrap();
            }
            "log" => {
                numox::log_inplace(&mut y);
                numox::log_into(&x, &mut out).unwrap();
            }
            "sin" => {
                numox::sin_inplace(&mut y);
                numox::sin_into(&x, &mut out).unwrap();
            }
            _ => {
                numox::cos_inplace(&mut y);
                numox::cos_into(&x, &mut out).unwrap();
            }
        }
        let same = |a: &Array<f64>| {
            a.iter()
                .zip(want.iter())
                .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()))
        };
        assert!(same(&y) && same(&out), "{name}");
    }
}
