//! Statistics: percentile/median and the NaN-ignoring sums over 10^7 f64.

use super::{Out, Workload};
use crate::inputs::vec;
use numox::prelude::*;
use numox::{Axes, QuantileMethod};

/// `vec(seed)` with every 10th element NaN (as `x[::10] = nan`).
fn with_nans(seed: u64) -> Array<f64> {
    let mut a = vec(seed);
    a.as_slice_mut()
        .expect("a new vector is contiguous")
        .iter_mut()
        .step_by(10)
        .for_each(|x| *x = f64::NAN);
    a
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("percentile_1e7", || {
            let a = vec(31);
            Box::new(move || {
                Out::from(
                    numox::percentile(&a, 50.0, Axes::All, QuantileMethod::Linear, false).expect("valid q"),
                )
            })
        }),
        ("median_1e7", || {
            let a = vec(32);
            Box::new(move || Out::from(numox::median(&a, Axes::All, false).expect("valid axis")))
        }),
        ("nansum_1e7", || {
            let a = with_nans(33);
            Box::new(move || Out::from(numox::nansum(&a, Axes::All, false).expect("valid axis")))
        }),
        ("nanmean_1e7", || {
            let a = with_nans(34);
            Box::new(move || Out::from(numox::nanmean(&a, Axes::All, false).expect("valid axis")))
        }),
    ]
}
