//! Numeric routines: histogram of 10^7 f64 into 100 bins, interp of 10^6
//! points on 1000 knots, convolve 10^5 x 100 (full), gradient of 10^7 f64.

use super::{Out, Workload};
use crate::inputs::vec;
use numox::prelude::*;
use numox::{Bins, ConvolveMode};

pub fn workloads() -> Vec<Workload> {
    vec![
        ("histogram_1e7", || {
            let a = vec(31);
            Box::new(move || {
                Out::from(
                    numox::histogram(&a, Bins::Count(100), None)
                        .expect("finite data")
                        .0,
                )
            })
        }),
        ("interp_1e6", || {
            let x = vec(32).slice(s![..1_000_000]).to_owned();
            let xp = numox::linspace(0.0, 1.0, 1000, true).expect("valid count");
            let fp = vec(33).slice(s![..1000]).to_owned();
            Box::new(move || Out::from(numox::interp(&x, &xp, &fp, None, None, None).expect("1-d knots")))
        }),
        ("convolve_1e5x100", || {
            let a = vec(34).slice(s![..100_000]).to_owned();
            let v = vec(35).slice(s![..100]).to_owned();
            Box::new(move || Out::from(numox::convolve(&a, &v, ConvolveMode::Full).expect("non-empty")))
        }),
        ("gradient_1e7", || {
            let a = vec(36);
            Box::new(move || {
                let mut g = numox::gradient(&a, &[], None, 1).expect("long enough");
                Out::from(g.swap_remove(0))
            })
        }),
    ]
}
