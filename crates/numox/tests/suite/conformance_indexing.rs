//! Conformance of advanced indexing against NumPy 2.4.6 (data:
//! tools/refgen/gen_indexing.py): take/put and their along-axis forms,
//! boolean masks, compress, `a[:, idx]`, where, nonzero/argwhere/flatnonzero,
//! diagonal, trace and clip, including every error NumPy raises.
//!
//! Every comparison is exact (`assert_same`: NaN equals NaN, the sign of
//! zero counts). Indexing moves values without arithmetic; `trace` sums
//! with NumPy's pairwise order and `clip` compares, so NumPy's results are
//! reproduced bit for bit.

use crate::common;

use common::{Case, assert_same, check_all_cases, expect_with, param_axis, param_f64, view_of, with_types};
use numox::prelude::*;
use numox::{IndexInt, TakeMode};
use serde_json::Value;

type R = Result<(), String>;

fn expect<T: Element>(c: &Case, got: numox::Result<Array<T>>) -> R {
    expect_with(c, got, |v| assert_same(v, &c.output::<T>(0), c.ctx()))
}

fn mode(c: &Case) -> TakeMode {
    match c.str_param("mode") {
        "raise" => TakeMode::Raise,
        "wrap" => TakeMode::Wrap,
        "clip" => TakeMode::Clip,
        m => panic!("unknown mode {m}"),
    }
}

fn take_case<T: Element, I: IndexInt + Element>(c: &Case) -> R {
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    let idx = c.input::<I>(1);
    expect(c, numox::take(&a, &idx, param_axis(c.param("axis")), mode(c)))
}

fn select_case(c: &Case) -> R {
    let idx = c.input::<i64>(1).to_vec();
    let axis = c.i64_param("axis") as isize;
    with_types!(c, T => {
        let a = c.input::<T>(0);
        expect(c, view_of(&a, c, 0).select(axis, &idx))
    }, [f64, i64])
}

fn along(c: &Case) -> R {
    let (a, idx) = (c.input::<f64>(0), c.input::<i64>(1));
    let axis = param_axis(c.param("axis"));
    match c.op.as_str() {
        "take_along_axis" => expect(c, numox::take_along_axis(&a, &idx, axis)),
        _ => {
            let v = c.input::<f64>(2);
            let mut x = a.clone();
            let r = numox::put_along_axis(&mut x, &idx, &v, axis);
            if r.is_err() && x != a {
                return Err("a failed put_along_axis modified the array".into());
            }
            expect(c, r.map(|()| x))
        }
    }
}

fn put_case<T: Element>(c: &Case) -> R {
    let (a, idx, v) = (c.input::<T>(0), c.input::<i64>(1), c.input::<T>(2));
    let mut x = a.clone();
    let r = numox::put(&mut x, &idx, &v, mode(c));
    if r.is_err() && x != a {
        return Err("a failed put modified the array".into());
    }
    expect(c, r.map(|()| x))
}

fn mask_case<T: Element>(c: &Case) -> R {
    let (a0, m0) = (c.input::<T>(0), c.input::<bool>(1));
    expect(c, view_of(&a0, c, 0).boolean_mask(&m0))
}

fn mask_assign_case(c: &Case) -> R {
    match c.op.as_str() {
        "mask_assign" => {
            let (a0, m) = (c.input::<f64>(0), c.input::<bool>(1));
            let mut a = a0.clone();
            let r = {
                let mut v = match c.param("views").and_then(|v| v.get(0)).and_then(Value::as_str) {
                    Some("T") => a.view_mut().reversed_axes(),
                    _ => a.view_mut(),
                };
                v.mask_assign(&m, c.f64_param("value"))
            };
            // NumPy's result is the (transposed) view after assignment.
            let shown = match c.param("views").and_then(|v| v.get(0)).and_then(Value::as_str) {
                Some("T") => a.t().to_owned(),
                _ => a,
            };
            expect(c, r.map(|()| shown))
        }
        _ => {
            let (a0, m, v) = (c.input::<i64>(0), c.input::<bool>(1), c.input::<i64>(2));
            let mut a = a0.clone();
            let r = a.mask_assign_array(&m, &v);
            expect(c, r.map(|()| a))
        }
    }
}

fn where_case(c: &Case) -> R {
    let cond_dt = c.inputs[0].dtype();
    let x_dt = c.inputs[1].dtype();
    with_types!(c, dtype = cond_dt, C => {
        with_types!(c, dtype = x_dt, T => {
            let (c0, x0, y0) = (c.input::<C>(0), c.input::<T>(1), c.input::<T>(2));
            let (cv, xv, yv) = (view_of(&c0, c, 0), view_of(&x0, c, 1), view_of(&y0, c, 2));
            expect(c, numox::where_(&cv, &xv, &yv))
        }, [f64, u8])
    }, [bool, i32, f64])
}

fn nonzero_case<T: Element>(c: &Case) -> R {
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    match c.op.as_str() {
        "nonzero" => match (&c.error, numox::nonzero(&a)) {
            (Some(_), Err(_)) => Ok(()),
            (Some(e), Ok(_)) => Err(format!("NumPy raised {e}, numox did not")),
            (None, Err(e)) => Err(format!("numox failed: {e}")),
            (None, Ok(ix)) => {
                if ix.len() != c.outputs.len() {
                    return Err(format!(
                        "{} index arrays, NumPy has {}",
                        ix.len(),
                        c.outputs.len()
                    ));
                }
                for (k, got) in ix.iter().enumerate() {
                    assert_same(got, &c.output::<i64>(k), c.ctx());
                }
                Ok(())
            }
        },
        "argwhere" => expect(c, Ok(numox::argwhere(&a))),
        _ => expect(c, Ok(numox::flatnonzero(&a))),
    }
}

fn diagonal_case<T: Element>(c: &Case) -> R {
    let a0 = c.input::<T>(0);
    let a = view_of(&a0, c, 0);
    let (off, a1, a2) = (
        c.i64_param("offset") as isize,
        c.i64_param("axis1") as isize,
        c.i64_param("axis2") as isize,
    );
    expect(c, a.diagonal(off, a1, a2).map(|v| v.to_owned()))
}

fn trace_case<T: Numeric>(c: &Case) -> R {
    let a = c.input::<T>(0);
    let (off, a1, a2) = (
        c.i64_param("offset") as isize,
        c.i64_param("axis1") as isize,
        c.i64_param("axis2") as isize,
    );
    expect(c, numox::trace(&a, off, a1, a2))
}

/// An optional scalar bound (`null`, a number, or "nan").
fn bound<T: Element>(c: &Case, name: &str) -> Option<T> {
    c.param(name).map(|v| match v.as_i64() {
        Some(i) => T::from_scalar(numox::Scalar::Int(i)),
        None => T::from_scalar(numox::Scalar::Float(param_f64(v))),
    })
}

fn clip_case<T: RealNumeric>(c: &Case) -> R {
    let a = c.input::<T>(0);
    let (lo, hi) = (bound::<T>(c, "lo"), bound::<T>(c, "hi"));
    let got = numox::clip(&a, lo, hi);
    assert_same(&a.clip(lo, hi), &got, c.ctx());
    expect(c, Ok(got))
}

fn clip_array_case(c: &Case) -> R {
    let a = c.input::<f64>(0);
    let got = match c.op.as_str() {
        "clip_array" => {
            let (lo, hi) = (c.input::<f64>(1), c.input::<f64>(2));
            numox::clip_array(&a, Some(lo.view()), Some(hi.view()))
        }
        "clip_lo_array" => numox::clip_array(&a, Some(c.input::<f64>(1).view()), None),
        _ => numox::clip_array(&a, None, Some(c.input::<f64>(1).view())),
    };
    expect(c, got)
}

fn check_case(c: &Case) -> R {
    let dt = c.inputs.first().map(|d| d.dtype());
    let dt = dt.unwrap_or(DType::Bool);
    match c.op.as_str() {
        "take" => {
            let it = c.inputs[1].dtype();
            with_types!(c, dtype = dt, T => {
                with_types!(c, dtype = it, I => take_case::<T, I>(c), [i64, i32, u8])
            }, [i64, f64, bool, Complex64])
        }
        "select" => select_case(c),
        "take_along_axis" | "put_along_axis" => along(c),
        "put" => with_types!(c, dtype = dt, T => put_case::<T>(c), [f64, i32]),
        "boolean_mask" => with_types!(c, dtype = dt, T => mask_case::<T>(c), [f64, i16, i32, Complex64]),
        "mask_assign" | "mask_assign_array" => mask_assign_case(c),
        "compress" => {
            let (cond, a) = (c.input::<bool>(0), c.input::<f64>(1));
            expect(c, numox::compress(&cond, &a, param_axis(c.param("axis"))))
        }
        "where" => where_case(c),
        "nonzero" | "argwhere" | "flatnonzero" => {
            with_types!(c, dtype = dt, T => nonzero_case::<T>(c), [i8, f64, bool, Complex64, u16, i64])
        }
        "diagonal" => with_types!(c, dtype = dt, T => diagonal_case::<T>(c), [f64, i32, i64]),
        "trace" => with_types!(c, dtype = dt, T => trace_case::<T>(c), [f64, f32, Complex64, i32, u8]),
        "clip" => with_types!(c, dtype = dt, T => clip_case::<T>(c), [f64, f32, i8, u16, i64]),
        "clip_array" | "clip_lo_array" | "clip_hi_array" => clip_array_case(c),
        op => Err(format!("unknown op {op}")),
    }
}

#[test]
fn indexing_matches_numpy() {
    check_all_cases("indexing", 183, check_case);
}
