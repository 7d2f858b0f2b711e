//! numox.random: a fresh `default_rng(42)` per call, so both sides draw the
//! very same numbers (the checksums agree to the rounding of the sum).

use super::{Out, Workload};
use numox::random::default_rng;

pub fn workloads() -> Vec<Workload> {
    vec![
        ("random_1e7", || {
            Box::new(|| Out::from(default_rng(42).random(10_000_000)))
        }),
        ("standard_normal_1e7", || {
            Box::new(|| Out::from(default_rng(42).standard_normal(10_000_000)))
        }),
        ("integers_0_1000_1e7", || {
            Box::new(|| {
                Out::from(
                    default_rng(42)
                        .integers::<i64>(0, 1000, 10_000_000, false)
                        .expect("valid bounds"),
                )
            })
        }),
        ("standard_exponential_1e7", || {
            Box::new(|| Out::from(default_rng(42).standard_exponential(10_000_000)))
        }),
        ("gamma_2_1e6", || {
            Box::new(|| Out::from(default_rng(42).gamma(2.0, 1.0, 1_000_000).expect("valid")))
        }),
    ]
}
