//! Reductions over a 4000 x 2500 matrix: all elements and each axis.
//! (`cumsum`, `where` and boolean-mask selection on 10^7 elements: core.rs.)

use super::{Out, Workload};
use crate::inputs::mat;

macro_rules! reductions {
    ($($name:literal => |$m:ident| $body:expr),* $(,)?) => {
        vec![$(($name, || {
            let $m = mat(4, 4000, 2500);
            Box::new(move || Out::from($body))
        }),)*]
    };
}

pub fn workloads() -> Vec<Workload> {
    reductions![
        "sum_all_4000x2500" => |m| m.sum(),
        "sum_axis0_4000x2500" => |m| m.sum_axis(0).expect("valid axis"),
        "sum_axis1_4000x2500" => |m| m.sum_axis(1).expect("valid axis"),
        "mean_all_4000x2500" => |m| m.mean(),
        "mean_axis0_4000x2500" => |m| m.mean_axis(0).expect("valid axis"),
        "mean_axis1_4000x2500" => |m| m.mean_axis(1).expect("valid axis"),
        "std_all_4000x2500" => |m| m.std(0),
        "std_axis0_4000x2500" => |m| m.std_axis(0, 0).expect("valid axis"),
        "std_axis1_4000x2500" => |m| m.std_axis(1, 0).expect("valid axis"),
        "max_all_4000x2500" => |m| m.max().expect("non-empty"),
        "max_axis0_4000x2500" => |m| m.max_axis(0).expect("valid axis"),
        "max_axis1_4000x2500" => |m| m.max_axis(1).expect("valid axis"),
        "argmax_all_4000x2500" => |m| m.argmax().expect("non-empty"),
        "argmax_axis0_4000x2500" => |m| m.argmax_axis(0).expect("valid axis"),
        "argmax_axis1_4000x2500" => |m| m.argmax_axis(1).expect("valid axis"),
    ]
}
