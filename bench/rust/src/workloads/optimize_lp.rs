//! sciox.optimize assignment and linear programming against SciPy's
//! (C++ `linear_sum_assignment`, HiGHS `linprog`), inputs from the shared
//! SplitMix64 streams (seeds 61-64).

use super::{Out, Workload};
use crate::inputs::mat;
use sciox::optimize::{
    Bounds, LinprogOptions, LpBounds, MilpConstraint, MilpOptions, linear_sum_assignment, linprog, milp,
};

/// `max sum(w x)` over `A x <= 0.25 * rowsum(A)`, `x >= 0`: `A` is 200 x 400
/// in [0, 1) (stream 62), `w` in [0, 1) (stream 63); bounded and feasible.
fn lp_200x400() -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let a = mat(62, 200, 400).to_vec();
    let b = a
        .chunks_exact(400)
        .map(|r| 0.25 * r.iter().sum::<f64>())
        .collect();
    let c = mat(63, 1, 400).to_vec().iter().map(|w| -w).collect();
    (c, a, b)
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("linear_sum_assignment_1000", || {
            let cost = mat(61, 1000, 1000);
            Box::new(move || {
                let (r, c) = linear_sum_assignment(&cost, false).expect("finite costs");
                Out::from((r, c))
            })
        }),
        ("milp_knapsack30", || {
            // weights 10 + 90 u, values weight * (1 + u'), capacity half the total
            let u = mat(64, 2, 30).to_vec();
            let w: Vec<f64> = u[..30].iter().map(|x| 10.0 + 90.0 * x).collect();
            let c: Vec<f64> = w.iter().zip(&u[30..]).map(|(w, x)| -w * (1.0 + x)).collect();
            let cap = 0.5 * w.iter().sum::<f64>();
            let k = MilpConstraint::new(w, vec![f64::NEG_INFINITY], vec![cap]);
            let b = Bounds::new(vec![0.0], vec![1.0]);
            Box::new(move || {
                let r = milp(
                    &c,
                    &[1],
                    Some(&b),
                    std::slice::from_ref(&k),
                    &MilpOptions::default(),
                )
                .expect("valid problem");
                Out::from(vec![r.fun])
            })
        }),
        ("linprog_200x400", || {
            let (c, a, b) = lp_200x400();
            Box::new(move || {
                let r = linprog(
                    &c,
                    &a,
                    &b,
                    &[],
                    &[],
                    &LpBounds::NonNegative,
                    &LinprogOptions::default(),
                )
                .expect("valid problem");
                Out::from(vec![r.fun])
            })
        }),
    ]
}
