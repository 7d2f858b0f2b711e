//! Conformance of the array core against NumPy 2.4.6 (data: tools/refgen/gen_core.py):
//! basic slicing with random specs (incl. error cases), slices of slices,
//! slice assignment with broadcasting, `astype` between every pair of the 13
//! dtypes, reshape (values and whether NumPy returns a view), broadcast_to.
//!
//! Every comparison is exact: these operations move or convert values
//! without arithmetic, so NumPy's result is reproduced bit for bit (NaN
//! compares equal to NaN, and the sign of zero is checked).

use crate::common;

use common::{Case, check_all_cases};
use numox::prelude::*;
use numox::{DynArray, SliceElem, SliceInfo, array::slice::RangeEnd};
use serde_json::Value;

/// Bitwise equality of scalars, treating every NaN as equal to every NaN.
fn same_scalar(a: numox::Scalar, b: numox::Scalar) -> bool {
    use numox::Scalar::*;
    let f = |x: f64, y: f64| (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits();
    match (a, b) {
        (Float(x), Float(y)) => f(x, y),
        (Complex(x), Complex(y)) => f(x.re, y.re) && f(x.im, y.im),
        (x, y) => x == y,
    }
}

fn same<T: Element>(got: &ArrayView<T>, want: &ArrayView<T>) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!("shape {:?} != {:?}", got.shape(), want.shape()));
    }
    for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        if !same_scalar(g.to_scalar(), w.to_scalar()) {
            return Err(format!("element {i}: got {g:?}, want {w:?}"));
        }
    }
    Ok(())
}

fn spec(v: &Value) -> SliceInfo {
    let elems = v.as_array().expect("spec is a list").iter().map(|e| {
        let int = |k: &str| e.get(k).and_then(Value::as_i64).map(|x| x as isize);
        match e["kind"].as_str().expect("kind") {
            "range" => SliceElem::Range {
                start: int("start"),
                end: int("stop").map_or(RangeEnd::Open, RangeEnd::Exclusive),
                step: int("step").unwrap_or(1),
            },
            "index" => SliceElem::Index(int("i").expect("index")),
            "newaxis" => SliceElem::NewAxis,
            "ellipsis" => SliceElem::Ellipsis,
            k => panic!("unknown slice kind {k}"),
        }
    });
    SliceInfo::new(elems)
}

fn typed<T: Element>(d: &DynArray) -> Array<T> {
    d.as_typed::<T>().expect("dtype as generated").to_owned()
}

/// Runs `$body` with `$T` bound to the element type of `dtype` (a NumPy name).
macro_rules! with_dtype {
    ($dtype:expr, $T:ident => $body:expr) => {
        match $dtype {
            "bool" => {
                type $T = bool;
                $body
            }
            "int8" => {
                type $T = i8;
                $body
            }
            "int16" => {
                type $T = i16;
                $body
            }
            "int32" => {
                type $T = i32;
                $body
            }
            "int64" => {
                type $T = i64;
                $body
            }
            "uint8" => {
                type $T = u8;
                $body
            }
            "uint16" => {
                type $T = u16;
                $body
            }
            "uint32" => {
                type $T = u32;
                $body
            }
            "uint64" => {
                type $T = u64;
                $body
            }
            "float32" => {
                type $T = f32;
                $body
            }
            "float64" => {
                type $T = f64;
                $body
            }
            "complex64" => {
                type $T = Complex32;
                $body
            }
            "complex128" => {
                type $T = Complex64;
                $body
            }
            other => panic!("unknown dtype {other}"),
        }
    };
}

fn check_case(c: &Case) -> Result<(), String> {
    match c.op.as_str() {
        "slice" => {
            let a: Array<i64> = typed(&c.inputs[0]);
            let got = a.try_slice(spec(&c.params["spec"]));
            match (&c.error, got) {
                (Some(_), Err(_)) => Ok(()),
                (Some(e), Ok(v)) => Err(format!("NumPy raised {e}, numox gave shape {:?}", v.shape())),
                (None, Err(e)) => Err(format!("numox failed: {e}")),
                (None, Ok(v)) => same(&v, &typed::<i64>(&c.outputs[0]).view()),
            }
        }
        "slice2" => {
            let a: Array<f64> = typed(&c.inputs[0]);
            let inner = a.try_slice(spec(&c.params["s1"])).map_err(|e| e.to_string())?;
            let got = inner.try_slice(spec(&c.params["s2"]));
            match (&c.error, got) {
                (Some(_), Err(_)) => Ok(()),
                (Some(e), Ok(_)) => Err(format!("NumPy raised {e}")),
                (None, Err(e)) => Err(format!("numox failed: {e}")),
                (None, Ok(v)) => same(&v, &typed::<f64>(&c.outputs[0]).view()),
            }
        }
        "slice_assign" => {
            let mut a: Array<i32> = typed(&c.inputs[0]);
            let v: Array<i32> = typed(&c.inputs[1]);
            a.try_slice_mut(spec(&c.params["spec"]))
                .map_err(|e| e.to_string())?
                .assign(&v)
                .map_err(|e| e.to_string())?;
            same(&a.view(), &typed::<i32>(&c.outputs[0]).view())
        }
        "astype" => {
            let src = c.inputs[0].dtype().name();
            let dst = c.params["dtype"].as_str().expect("dtype");
            with_dtype!(src, S => {
                let a: Array<S> = typed(&c.inputs[0]);
                with_dtype!(dst, D => {
                    let got: Array<D> = a.astype::<D>();
                    same(&got.view(), &typed::<D>(&c.outputs[0]).view())
                })
            })
        }
        "reshape" => {
            let base: Array<i64> = typed(&c.inputs[0]);
            let view_kind = c.params["view"].as_str().expect("view");
            let src: Array<i64>;
            let v = match view_kind {
                "t" => base.t(),
                "s" => base.slice(s![..;2]),
                "f" => {
                    src = base.to_owned_order(Order::F);
                    src.view()
                }
                "r" => base.slice(s![..;-1]),
                _ => base.view(),
            };
            let new: Vec<isize> = c.params["new"]
                .as_array()
                .expect("new")
                .iter()
                .map(|x| x.as_i64().expect("int") as isize)
                .collect();
            let order = if c.params["order"] == "F" {
                Order::F
            } else {
                Order::C
            };
            match (&c.error, v.reshape_order(&new, order)) {
                (Some(_), Err(_)) => Ok(()),
                (Some(e), Ok(_)) => Err(format!("NumPy raised {e}")),
                (None, Err(e)) => Err(format!("numox failed: {e}")),
                (None, Ok(r)) => {
                    same(&r.view(), &typed::<i64>(&c.outputs[0]).view())?;
                    let numpy_view = typed::<bool>(&c.outputs[1]).into_scalar();
                    if r.is_view() != numpy_view {
                        return Err(format!("NumPy view={numpy_view}, numox view={}", r.is_view()));
                    }
                    Ok(())
                }
            }
        }
        "broadcast_to" => {
            let a: Array<i16> = typed(&c.inputs[0]);
            let shape: Vec<usize> = c.params["shape"]
                .as_array()
                .expect("shape")
                .iter()
                .map(|x| x.as_u64().expect("int") as usize)
                .collect();
            match (&c.error, a.broadcast(&shape)) {
                (Some(_), Err(_)) => Ok(()),
                (Some(e), Ok(_)) => Err(format!("NumPy raised {e}")),
                (None, Err(e)) => Err(format!("numox failed: {e}")),
                (None, Ok(v)) => same(&v, &typed::<i16>(&c.outputs[0]).view()),
            }
        }
        op => Err(format!("no dispatcher for op {op}")),
    }
}

#[test]
fn core_matches_numpy() {
    check_all_cases("core", 310, check_case);
}
