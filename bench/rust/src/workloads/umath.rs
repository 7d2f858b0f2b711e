//! Elementwise math functions (numox::umath) on 10^7 elements, inputs in [0, 1).

use super::{Out, Workload};
use crate::inputs::vec;
use numox::prelude::*;

pub fn workloads() -> Vec<Workload> {
    vec![
        ("sqrt_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::sqrt(&a)))
        }),
        ("exp_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::exp(&a)))
        }),
        ("log_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::log(&a)))
        }),
        ("sin_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::sin(&a)))
        }),
        ("cos_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::cos(&a)))
        }),
        ("tanh_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::tanh(&a)))
        }),
        ("exp_f32_1e7", || {
            let a = vec(1).astype::<f32>();
            Box::new(move || Out::from(numox::exp(&a)))
        }),
        ("sin_f32_1e7", || {
            let a = vec(1).astype::<f32>();
            Box::new(move || Out::from(numox::sin(&a)))
        }),
        ("sqrt_i64_1e7", || {
            let a: Array<i64> = numox::map1(&vec(1), |v| v * 1e6).astype();
            Box::new(move || Out::from(numox::sqrt(&a)))
        }),
        ("sin_i32_1e7", || {
            let a: Array<i32> = numox::map1(&vec(1), |v| v * 1e6).astype();
            Box::new(move || Out::from(numox::sin(&a)))
        }),
        ("floor_1e7", || {
            let a = vec(1);
            Box::new(move || Out::from(numox::floor(&numox::map1(&a, |v| v * 100.0))))
        }),
        ("maximum_1e7", || {
            let (a, b) = (vec(1), vec(2));
            Box::new(move || Out::from(numox::maximum(&a, &b).expect("same shapes")))
        }),
        ("arctan2_1e7", || {
            let (a, b) = (vec(1), vec(2));
            Box::new(move || Out::from(numox::arctan2(&a, &b).expect("same shapes")))
        }),
        ("exp_into_1e7", || {
            let a = vec(1);
            let mut out = Array::<f64>::zeros(&[10_000_000]);
            Box::new(move || {
                numox::exp_into(&a, &mut out).expect("same shapes");
                Out::from(out[[0]])
            })
        }),
    ]
}
