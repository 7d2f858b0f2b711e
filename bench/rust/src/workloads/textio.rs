//! Text I/O: `loadtxt` of a 10^6 x 4 CSV (written once in setup, with
//! `%.17g`, the same bytes NumPy's side writes) and `savetxt` of 10^5 x 4
//! with the default `%.18e` into memory.

use super::{Out, Workload};
use crate::inputs::vec;
use numox::prelude::*;
use numox::{LoadTxtOptions, SaveTxtOptions};

pub fn workloads() -> Vec<Workload> {
    vec![
        ("loadtxt_1e6x4", || {
            let a = vec(26)
                .slice(s![..4_000_000])
                .to_owned()
                .into_shape(&[1_000_000, 4], Order::C)
                .expect("4e6 elements");
            let path = std::env::temp_dir().join("numox_bench_loadtxt_1e6x4.csv");
            numox::savetxt(&path, &a, &SaveTxtOptions::new().fmt("%.17g").delimiter(","))
                .expect("temp file writable");
            let o = LoadTxtOptions::new().delimiter(',');
            Box::new(move || Out::from(numox::loadtxt::<f64>(&path, &o).expect("valid CSV")))
        }),
        ("savetxt_1e5x4", || {
            let a = vec(27)
                .slice(s![..400_000])
                .to_owned()
                .into_shape(&[100_000, 4], Order::C)
                .expect("4e5 elements");
            Box::new(move || {
                let mut out = Vec::with_capacity(10_500_000);
                numox::savetxt_to(&mut out, &a, &SaveTxtOptions::new()).expect("2-d array");
                Out::from(out.len())
            })
        }),
    ]
}
