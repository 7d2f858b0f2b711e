//! sciox's conformance tests share numox's machinery (`load_cases`,
//! `check_all_cases`, the comparison helpers); `data_dir()` resolves to
//! `crates/sciox/tests/data` because it reads the including crate's
//! `CARGO_MANIFEST_DIR`.

#[path = "../../../numox/tests/common/mod.rs"]
mod shared;

pub use shared::*;

// Objectives that several optimize conformance modules share (the same
// expressions, in the same operation order, as their SciPy generators).

/// The SciPy tutorial's constrained example: `(x0 - 1)^2 + (x1 - 2.5)^2`.
pub fn tut_f(x: &[f64]) -> f64 {
    (x[0] - 1.0) * (x[0] - 1.0) + (x[1] - 2.5) * (x[1] - 2.5)
}

/// Hock-Schittkowski problem 71's objective.
pub fn hs71_f(x: &[f64]) -> f64 {
    x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]
}

/// `sum((x_i - i/2)^2 (i + 1))` over four variables.
pub fn quad4(x: &[f64]) -> f64 {
    // Python's sum(): 0 + term0 + term1 + ...
    (0..4).fold(0.0, |s, i| {
        let t = x[i] - 0.5 * i as f64;
        s + t * t * (i as f64 + 1.0)
    })
}
