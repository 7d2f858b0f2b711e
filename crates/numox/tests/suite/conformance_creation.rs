//! numox's creation routines against NumPy 2.4.6 (`tools/refgen/gen_creation.py`).
//!
//! Every case is compared exactly (values, shapes, NaN positions and the
//! sign of zero), except the powers in `logspace` and `geomspace`: NumPy
//! evaluates `pow`/`log10` with its own SIMD kernels on AVX-512 machines
//! (SVML-derived, within 1 ULP of the true value), numox with the
//! platform's libm, so those values may differ by a few ULPs (the bound is
//! stated at each comparison).

use crate::common;

use common::{Case, assert_err, assert_same, assert_ulps, param_f64, param_i64, param_usize};
use numox::{Array, DType, Element, Indexing, Scalar};

/// Runs `$body` with `$T` bound to the Rust type of a dtype name, for the
/// dtypes in the given family.
macro_rules! with_type {
    (all, $name:expr, $T:ident => $body:expr) => {
        match DType::from_name($name).expect("a known dtype") {
            DType::Bool => { type $T = bool; $body }
            DType::Complex64 => { type $T = numox::Complex32; $body }
            DType::Complex128 => { type $T = numox::Complex64; $body }
            other => with_type!(real_dt, other, $T => $body),
        }
    };
    (real, $name:expr, $T:ident => $body:expr) => {
        with_type!(real_dt, DType::from_name($name).expect("a known dtype"), $T => $body)
    };
    (real_dt, $dt:expr, $T:ident => $body:expr) => {
        match $dt {
            DType::Int8 => { type $T = i8; $body }
            DType::Int16 => { type $T = i16; $body }
            DType::Int32 => { type $T = i32; $body }
            DType::Int64 => { type $T = i64; $body }
            DType::UInt8 => { type $T = u8; $body }
            DType::UInt16 => { type $T = u16; $body }
            DType::UInt32 => { type $T = u32; $body }
            DType::UInt64 => { type $T = u64; $body }
            DType::Float32 => { type $T = f32; $body }
            DType::Float64 => { type $T = f64; $body }
            other => panic!("not a real dtype: {other}"),
        }
    };
    (float, $name:expr, $T:ident => $body:expr) => {
        match $name {
            "float32" => { type $T = f32; $body }
            "float64" => { type $T = f64; $body }
            other => panic!("not a float dtype: {other}"),
        }
    };
}

/// A JSON number as an element: integers exactly, floats with NumPy's cast.
fn elem<T: Element>(v: &serde_json::Value) -> T {
    match v.as_i64() {
        Some(i) => T::from_scalar(Scalar::Int(i)),
        None => T::from_scalar(Scalar::Float(param_f64(v))),
    }
}

/// Compares a result with NumPy's output `k` exactly, or checks the error.
fn check<T: Element>(case: &Case, got: numox::Result<Array<T>>, k: usize) {
    if case.error.is_some() {
        assert_err(&got, case);
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", case.ctx()));
    assert_same(&got, &case.output::<T>(k), case.ctx());
}

/// Compares several results with NumPy's outputs exactly.
fn check_all<T: Element>(case: &Case, got: numox::Result<Vec<Array<T>>>) {
    let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", case.ctx()));
    assert_eq!(got.len(), case.outputs.len(), "{}: number of outputs", case.ctx());
    for (k, g) in got.iter().enumerate() {
        assert_same(g, &case.output::<T>(k), format!("{} output {k}", case.ctx()));
    }
}

fn dtype_of(case: &Case) -> &str {
    case.str_param("dtype")
}

fn opt_usize(case: &Case, name: &str) -> Option<usize> {
    case.param(name).map(param_usize)
}

fn run_case(case: &Case) {
    let p = |n: &str| {
        case.param(n)
            .unwrap_or_else(|| panic!("{}: no param {n}", case.ctx()))
    };
    match case.op.as_str() {
        "arange" => with_type!(real, dtype_of(case), T => {
            let got = numox::arange::<T>(elem(p("start")), elem(p("stop")), elem(p("step")));
            check(case, got, 0)
        }),
        "linspace" => with_type!(float, dtype_of(case), T => {
            let got = numox::linspace_retstep::<T>(
                elem(p("start")), elem(p("stop")), param_usize(p("num")), case.bool_param("endpoint"),
            );
            let (y, step) = got.unwrap_or_else(|e| panic!("{}: {e}", case.ctx()));
            assert_same(&y, &case.output::<T>(0), case.ctx());
            // NumPy's step is a float of the computation type, or the Python
            // float NaN when undefined: compare as f64.
            let want = case.outputs[1].astype::<f64>().into_scalar();
            let got = numox::RealNumeric::to_f64(step);
            assert!(
                (got.is_nan() && want.is_nan()) || got.to_bits() == want.to_bits(),
                "{}: step {got} != {want}", case.ctx()
            );
        }),
        "logspace" => with_type!(float, dtype_of(case), T => {
            let got = numox::logspace::<T>(
                elem(p("start")), elem(p("stop")), param_usize(p("num")), case.bool_param("endpoint"),
                elem(p("base")),
            ).unwrap_or_else(|e| panic!("{}: {e}", case.ctx()));
            // The exponents are bit-identical; pow differs between libm and
            // NumPy's SIMD kernel by at most 1 ULP (measured on these cases).
            assert_ulps(&got, &case.output::<T>(0), 1, case.ctx());
        }),
        "geomspace" => with_type!(float, dtype_of(case), T => {
            let got = numox::geomspace::<T>(
                elem(p("start")), elem(p("stop")), param_usize(p("num")), case.bool_param("endpoint"),
            );
            if case.error.is_some() {
                assert_err(&got, case);
            } else {
                let got = got.unwrap_or_else(|e| panic!("{}: {e}", case.ctx()));
                // log10 and pow may each differ by 1 ULP from NumPy's SIMD
                // kernels (NumPy's float32 log10(1000) is 3.0000002); pow
                // amplifies an exponent error by |y ln 10| (up to ~7 here), so
                // 8 ULPs. Endpoints are exact by construction.
                assert_ulps(&got, &case.output::<T>(0), 8, case.ctx());
                let want = case.output::<T>(0);
                if want.size() > 0 {
                    assert_eq!(got[[0]], want[[0]], "{}: first value is exact", case.ctx());
                }
            }
        }),
        "eye" => with_type!(all, dtype_of(case), T => {
            let got = numox::eye::<T>(param_usize(p("n")), opt_usize(case, "m"), param_i64(p("k")) as isize);
            check(case, got, 0)
        }),
        "identity" => with_type!(all, dtype_of(case), T => {
            check(case, numox::identity::<T>(param_usize(p("n"))), 0)
        }),
        "tri" => with_type!(all, dtype_of(case), T => {
            let got = numox::tri::<T>(param_usize(p("n")), opt_usize(case, "m"), param_i64(p("k")) as isize);
            check(case, got, 0)
        }),
        "diag" | "diagflat" | "tril" | "triu" => with_type!(all, case.inputs[0].dtype().name(), T => {
            let x = case.input::<T>(0);
            let k = param_i64(p("k")) as isize;
            let got = match case.op.as_str() {
                "diag" => numox::diag(&x, k),
                "diagflat" => numox::diagflat(&x, k),
                "tril" => numox::tril(&x, k),
                _ => numox::triu(&x, k),
            };
            check(case, got, 0)
        }),
        "meshgrid" => with_type!(all, case.inputs[0].dtype().name(), T => {
            let xs: Vec<Array<T>> = (0..case.inputs.len()).map(|k| case.input::<T>(k)).collect();
            let indexing = match case.str_param("indexing") {
                "xy" => Indexing::Xy,
                _ => Indexing::Ij,
            };
            let sparse = case.bool_param("sparse");
            check_all(case, numox::meshgrid(&xs, indexing, sparse));
            // The copy-free form gives the same values for 1-d inputs.
            if xs.iter().all(|x| x.ndim() == 1) {
                let views: Vec<_> = xs.iter().map(|x| x.view()).collect();
                let v = numox::meshgrid_views(&views, indexing, sparse).unwrap();
                for (k, g) in v.iter().enumerate() {
                    assert_same(g, &case.output::<T>(k), format!("{} (views) output {k}", case.ctx()));
                }
            }
        }),
        "indices" => {
            let dims: Vec<usize> = common::param_isize_list(p("dims"))
                .iter()
                .map(|&d| d as usize)
                .collect();
            check(case, numox::indices(&dims), 0)
        }
        "indices_sparse" => {
            let dims: Vec<usize> = common::param_isize_list(p("dims"))
                .iter()
                .map(|&d| d as usize)
                .collect();
            check_all(case, numox::indices_sparse(&dims))
        }
        "fromfunction" => {
            let shape: Vec<usize> = common::param_isize_list(p("shape"))
                .iter()
                .map(|&d| d as usize)
                .collect();
            match case.str_param("fn") {
                "i*10+j" => check(
                    case,
                    numox::fromfunction(&shape, |ix| ix[0] as f64 * 10.0 + ix[1] as f64),
                    0,
                ),
                "(i-j)*k" => check(
                    case,
                    numox::fromfunction(&shape, |ix| (ix[0] as f64 - ix[1] as f64) * ix[2] as f64),
                    0,
                ),
                "i==j" => check(case, numox::fromfunction(&shape, |ix| ix[0] == ix[1]), 0),
                other => panic!("unknown function {other}"),
            }
        }
        other => panic!("{}: unknown op {other}", case.id),
    }
}

#[test]
fn creation_matches_numpy() {
    let cases = common::load_cases("creation");
    for case in &cases {
        run_case(case);
    }
    // Every recorded case was dispatched (an unknown op panics above).
    assert_eq!(cases.len(), 387);
}
