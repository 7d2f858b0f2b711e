//! Sorting, searching and unique: 10^7 / 10^6 f64 from the shared inputs.

use super::{Out, Workload};
use crate::inputs::vec;
use numox::prelude::*;
use numox::{Side, SortKind};

pub fn workloads() -> Vec<Workload> {
    vec![
        ("sort_1e7", || {
            let a = vec(21);
            Box::new(move || Out::from(numox::sort(&a, Some(-1), SortKind::Quicksort).expect("valid axis")))
        }),
        ("argsort_1e6", || {
            let a = vec(22).slice(s![..1_000_000]).to_owned();
            Box::new(move || {
                Out::from(numox::argsort(&a, Some(-1), SortKind::Quicksort).expect("valid axis"))
            })
        }),
        ("unique_int_1e6", || {
            let a = vec(23)
                .slice(s![..1_000_000])
                .mapv(|x| x * 100_000.0)
                .astype::<i64>();
            Box::new(move || Out::from(numox::unique(&a)))
        }),
        ("searchsorted_1e6_into_1e7", || {
            let hay = numox::sort(&vec(24), Some(-1), SortKind::Quicksort).expect("valid axis");
            let q = vec(25).slice(s![..1_000_000]).to_owned();
            Box::new(move || {
                Out::from(numox::searchsorted(&hay, &q, Side::Left, None).expect("1-d haystack"))
            })
        }),
    ]
}
