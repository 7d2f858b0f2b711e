//! numox's shape and joining routines against NumPy 2.4.6
//! (`tools/refgen/gen_manip.py`).
//!
//! All comparisons are exact (values, shapes, NaN positions, sign of zero):
//! these functions only move elements, except `pad`'s `linear_ramp`, `mean`
//! and `median` modes, which numox computes with NumPy's own operation order
//! (see `manip/pad.rs`), so they are exact too.

use crate::common;

use common::{Case, assert_err, assert_same, param_f64, param_i64, param_usize};
use numox::prelude::*;
use numox::{AxisSpec, IntOrList, PadMode, ReflectType, Scalar};
use serde_json::Value;

/// Runs `$body` with `$T` bound to the Rust type of a dtype.
macro_rules! with_type {
    ($dt:expr, $T:ident => $body:expr) => {
        match $dt {
            DType::Bool => {
                type $T = bool;
                $body
            }
            DType::Int8 => {
                type $T = i8;
                $body
            }
            DType::Int16 => {
                type $T = i16;
                $body
            }
            DType::Int32 => {
                type $T = i32;
                $body
            }
            DType::Int64 => {
                type $T = i64;
                $body
            }
            DType::UInt8 => {
                type $T = u8;
                $body
            }
            DType::UInt16 => {
                type $T = u16;
                $body
            }
            DType::UInt32 => {
                type $T = u32;
                $body
            }
            DType::UInt64 => {
                type $T = u64;
                $body
            }
            DType::Float32 => {
                type $T = f32;
                $body
            }
            DType::Float64 => {
                type $T = f64;
                $body
            }
            DType::Complex64 => {
                type $T = numox::Complex32;
                $body
            }
            DType::Complex128 => {
                type $T = numox::Complex64;
                $body
            }
        }
    };
}

/// A JSON int or list as numox's `IntOrList`.
fn int_or_list(v: &Value) -> IntOrList {
    match v {
        Value::Array(xs) => IntOrList::List(xs.iter().map(|x| param_i64(x) as isize).collect()),
        x => IntOrList::One(param_i64(x) as isize),
    }
}

/// A JSON null, int or list as numox's `AxisSpec`.
fn axis_spec(v: Option<&Value>) -> AxisSpec {
    match v {
        None | Some(Value::Null) => AxisSpec::All,
        Some(Value::Array(xs)) => xs
            .iter()
            .map(|x| param_i64(x) as isize)
            .collect::<Vec<_>>()
            .into(),
        Some(x) => AxisSpec::from(param_i64(x) as isize),
    }
}

/// A JSON null or int as an optional axis.
fn opt_axis(case: &Case, name: &str) -> Option<isize> {
    case.param(name).map(|v| param_i64(v) as isize)
}

fn isize_list(v: &Value) -> Vec<isize> {
    common::param_isize_list(v)
}

/// A JSON number as an element: integers exactly, floats with NumPy's cast.
fn elem<T: Element>(v: &Value) -> T {
    match v.as_i64() {
        Some(i) => T::from_scalar(Scalar::Int(i)),
        None => T::from_scalar(Scalar::Float(param_f64(v))),
    }
}

/// A JSON list of `[before, after]` pairs.
fn pairs<T>(v: &Value, f: impl Fn(&Value) -> T) -> Vec<(T, T)> {
    v.as_array()
        .expect("a list of pairs")
        .iter()
        .map(|p| {
            let p = p.as_array().expect("a pair");
            (f(&p[0]), f(&p[1]))
        })
        .collect()
}

/// The input after the generator's "pre" transformation (a non-contiguous view).
fn pre<'a, T>(case: &Case, a: &'a Array<T>) -> ArrayView<'a, T> {
    match case.param("pre").and_then(Value::as_str) {
        None => a.view(),
        Some("T") => a.t(),
        Some("rev") => a.slice(s![..;-1, ...]),
        Some("step") => a.slice(s![..., ..;2]),
        Some(other) => panic!("unknown pre {other}"),
    }
}

/// Compares one result with NumPy's output 0, or checks the error.
fn check<T: Element, S: numox::array::Data<Elem = T>>(case: &Case, got: numox::Result<ArrayBase<S>>) {
    if case.error.is_some() {
        assert_err(&got.map(|a| a.shape().to_vec()), case);
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", case.ctx()));
    assert_same(&got, &case.output::<T>(0), case.ctx());
}

/// Compares a list of results with NumPy's outputs, or checks the error.
fn check_all<T: Element, S: numox::array::Data<Elem = T>>(
    case: &Case,
    got: numox::Result<Vec<ArrayBase<S>>>,
) {
    if case.error.is_some() {
        assert_err(&got.map(|v| v.len()), case);
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", case.ctx()));
    assert_eq!(got.len(), case.outputs.len(), "{}: number of outputs", case.ctx());
    for (k, g) in got.iter().enumerate() {
        assert_same(g, &case.output::<T>(k), format!("{} output {k}", case.ctx()));
    }
}

fn pad_mode<T: Element>(case: &Case) -> PadMode<T> {
    let values = |name: &str| match case.param(name) {
        None => vec![(T::default(), T::default())],
        Some(v) => pairs(v, elem::<T>),
    };
    let stat = || case.param("stat_length").map(|v| pairs(v, param_usize));
    let reflect = || match case.param("reflect_type").and_then(Value::as_str) {
        Some("odd") => ReflectType::Odd,
        _ => ReflectType::Even,
    };
    match case.str_param("mode") {
        "constant" => PadMode::Constant(values("constant_values")),
        "edge" => PadMode::Edge,
        "reflect" => PadMode::Reflect(reflect()),
        "symmetric" => PadMode::Symmetric(reflect()),
        "wrap" => PadMode::Wrap,
        "linear_ramp" => PadMode::LinearRamp(values("end_values")),
        "maximum" => PadMode::Maximum(stat()),
        "minimum" => PadMode::Minimum(stat()),
        "mean" => PadMode::Mean(stat()),
        "median" => PadMode::Median(stat()),
        other => panic!("unknown pad mode {other}"),
    }
}

fn run_typed<T: Element>(case: &Case) {
    let p = |n: &str| {
        case.param(n)
            .unwrap_or_else(|| panic!("{}: no param {n}", case.ctx()))
    };
    let inputs: Vec<Array<T>> = (0..case.inputs.len()).map(|k| case.input::<T>(k)).collect();
    let views: Vec<ArrayView<'_, T>> = if case.param("pre_all").is_some() {
        inputs.iter().map(|a| pre(case, a)).collect()
    } else {
        inputs.iter().map(|a| a.view()).collect()
    };
    let a = || pre(case, &inputs[0]);
    match case.op.as_str() {
        "reshape" => {
            let order = if case.str_param("order") == "F" {
                Order::F
            } else {
                Order::C
            };
            let x = a();
            check::<T, _>(
                case,
                x.reshape_order(&isize_list(p("shape")), order)
                    .map(|c| c.into_owned()),
            );
        }
        "ravel" => check::<T, _>(case, Ok(numox::ravel(&a()).into_owned())),
        "transpose" => check(
            case,
            numox::transpose(&a(), axis_spec(case.param("axes"))).map(|v| v.to_owned()),
        ),
        "swapaxes" => check(
            case,
            numox::swapaxes(&a(), param_i64(p("a1")) as isize, param_i64(p("a2")) as isize)
                .map(|v| v.to_owned()),
        ),
        "moveaxis" => check(
            case,
            numox::moveaxis(&a(), int_or_list(p("src")), int_or_list(p("dst"))).map(|v| v.to_owned()),
        ),
        "expand_dims" => check(
            case,
            numox::expand_dims(&a(), int_or_list(p("axis"))).map(|v| v.to_owned()),
        ),
        "squeeze" => check(
            case,
            numox::squeeze(&a(), axis_spec(case.param("axis"))).map(|v| v.to_owned()),
        ),
        "broadcast_to" => {
            let shape: Vec<usize> = isize_list(p("shape")).iter().map(|&d| d as usize).collect();
            check(case, numox::broadcast_to(&a(), &shape).map(|v| v.to_owned()))
        }
        "broadcast_arrays" => check_all(case, numox::broadcast_arrays(&views)),
        "concatenate" => check(case, numox::concatenate(&views, opt_axis(case, "axis"))),
        "stack" => check(case, numox::stack(&views, param_i64(p("axis")) as isize)),
        "hstack" => check(case, numox::hstack(&views)),
        "vstack" => check(case, numox::vstack(&views)),
        "dstack" => check(case, numox::dstack(&views)),
        "column_stack" => check(case, numox::column_stack(&views)),
        "append" => check(case, numox::append(&views[0], &views[1], opt_axis(case, "axis"))),
        "split" | "array_split" | "hsplit" | "vsplit" | "dsplit" => {
            let x = a();
            let ios = int_or_list(p("ios"));
            let got = match case.op.as_str() {
                "split" => numox::split(&x, ios, param_i64(p("axis")) as isize),
                "array_split" => numox::array_split(&x, ios, param_i64(p("axis")) as isize),
                "hsplit" => numox::hsplit(&x, ios),
                "vsplit" => numox::vsplit(&x, ios),
                _ => numox::dsplit(&x, ios),
            };
            check_all(case, got)
        }
        "tile" => check(case, numox::tile(&a(), int_or_list(p("reps")))),
        "repeat" => check(
            case,
            numox::repeat(&a(), int_or_list(p("repeats")), opt_axis(case, "axis")),
        ),
        "flip" => check(
            case,
            numox::flip(&a(), axis_spec(case.param("axis"))).map(|v| v.to_owned()),
        ),
        "fliplr" => check(case, numox::fliplr(&a()).map(|v| v.to_owned())),
        "flipud" => check(case, numox::flipud(&a()).map(|v| v.to_owned())),
        "roll" => check(
            case,
            numox::roll(&a(), int_or_list(p("shift")), axis_spec(case.param("axis"))),
        ),
        "rot90" => {
            let axes = isize_list(p("axes"));
            check(
                case,
                numox::rot90(&a(), param_i64(p("k")) as isize, (axes[0], axes[1])).map(|v| v.to_owned()),
            )
        }
        "atleast_1d" => check::<T, _>(case, Ok(numox::atleast_1d(&a()).to_owned())),
        "atleast_2d" => check::<T, _>(case, Ok(numox::atleast_2d(&a()).to_owned())),
        "atleast_3d" => check::<T, _>(case, Ok(numox::atleast_3d(&a()).to_owned())),
        "ascontiguousarray" => {
            let x = a();
            let r = numox::ascontiguousarray(&x);
            assert!(r.view().is_c_contiguous(), "{}: not C-contiguous", case.ctx());
            check::<T, _>(case, Ok(r.view().to_owned()))
        }
        "asfortranarray" => {
            let x = a();
            let r = numox::asfortranarray(&x);
            assert!(r.view().is_f_contiguous(), "{}: not F-contiguous", case.ctx());
            check::<T, _>(case, Ok(r.view().to_owned()))
        }
        "insert" => check(
            case,
            numox::insert(&a(), int_or_list(p("obj")), &inputs[1], opt_axis(case, "axis")),
        ),
        "delete" => check(
            case,
            numox::delete(&a(), int_or_list(p("obj")), opt_axis(case, "axis")),
        ),
        "pad" => {
            let widths = pairs(p("pad_width"), param_usize);
            check(case, numox::pad(&a(), &widths, &pad_mode::<T>(case)))
        }
        other => panic!("{}: unknown op {other}", case.id),
    }
}

#[test]
fn manip_matches_numpy() {
    let cases = common::load_cases("manip");
    for case in &cases {
        let dt = match case.inputs.first() {
            Some(x) => x.dtype(),
            None => DType::from_name(case.str_param("dtype")).expect("a known dtype"),
        };
        with_type!(dt, T => run_typed::<T>(case));
    }
    // Every recorded case was dispatched (an unknown op panics above).
    assert_eq!(cases.len(), 391);
}
