//! `numox.linalg` (issue 4's speed targets), on the inputs
//! `bench/python/workloads/linalg.py` builds for NumPy: uniform [0, 1)
//! matrices from the shared SplitMix64 streams (seeds 11-24), symmetric ones
//! as `A + Aᵀ`, positive-definite ones as `G Gᵀ + n I`, and stacks of 10^5
//! 3x3 matrices with `3 I` added.
//!
//! Each timed closure returns the unique part of its result (singular
//! values, the moduli of `R`'s diagonal, eigenvalues or their moduli), so
//! the checksums agree although eigenvector and QR signs may differ.

use super::{Out, Workload};
use crate::inputs::mat;
use numox::linalg::{self, QrMode, Uplo};
use numox::prelude::*;

fn spd(n: usize) -> Array<f64> {
    let g = mat(15, n, n);
    let mut s = numox::matmul(&g, &g.t()).expect("square");
    for i in 0..n {
        s[[i, i]] += n as f64;
    }
    s
}

/// `(A - 0.5) * 0.18`: centred and scaled so that the determinant of the
/// 1000 x 1000 matrix stays within double range.
fn det_input() -> Array<f64> {
    mat(13, 1000, 1000).mapv(|x| (x - 0.5) * 0.18)
}

fn sym(n: usize) -> Array<f64> {
    let a = mat(17, n, n);
    a.zip_with(&a.t(), |x, y| x + y).expect("same shape")
}

/// 10^5 3x3 matrices (with 3 I added) from stream `seed`.
fn stack3(seed: u64) -> Array<f64> {
    let mut m = mat(seed, 300_000, 3)
        .into_shape(&[100_000, 3, 3], Order::C)
        .expect("size");
    for k in 0..100_000 {
        for i in 0..3 {
            m[[k, i, i]] += 3.0;
        }
    }
    m
}

fn sym3() -> Array<f64> {
    let m = stack3(23);
    let mt = m.view().permuted_axes(&[0, 2, 1]).expect("3-d");
    m.zip_with(&mt, |x, y| x + y).expect("same shape")
}

fn rhs3() -> Array<f64> {
    mat(22, 300_000, 1)
        .into_shape(&[100_000, 3, 1], Order::C)
        .expect("size")
}

fn col(seed: u64, n: usize) -> Array<f64> {
    mat(seed, n, 1).into_shape(&[n as isize], Order::C).expect("size")
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("linalg_matmul_1000", || {
            let (a, b) = (mat(11, 1000, 1000), mat(12, 1000, 1000));
            Box::new(move || Out::from(numox::matmul(&a, &b).expect("square")))
        }),
        ("linalg_matmul_4000", || {
            let (a, b) = (mat(11, 4000, 4000), mat(12, 4000, 4000));
            Box::new(move || Out::from(numox::matmul(&a, &b).expect("square")))
        }),
        ("linalg_solve_2000", || {
            let (a, b) = (mat(13, 2000, 2000), col(14, 2000));
            Box::new(move || Out::from(linalg::solve(&a, &b).expect("nonsingular")))
        }),
        ("linalg_inv_1000", || {
            let a = mat(13, 1000, 1000);
            Box::new(move || Out::from(linalg::inv(&a).expect("nonsingular")))
        }),
        ("linalg_cholesky_2000", || {
            let s = spd(2000);
            Box::new(move || Out::from(linalg::cholesky(&s, false).expect("spd")))
        }),
        ("linalg_qr_2000x1000", || {
            let a = mat(16, 2000, 1000);
            Box::new(move || {
                let r = linalg::qr(&a, QrMode::Reduced).expect("2-d").r;
                Out::from((0..1000).map(|i| r[[i, i]].abs()).collect::<Vec<f64>>())
            })
        }),
        ("linalg_svd_1000", || {
            let a = mat(16, 1000, 1000);
            Box::new(move || Out::from(linalg::svd(&a, true, false).expect("2-d").s))
        }),
        ("linalg_svdvals_1000", || {
            let a = mat(16, 1000, 1000);
            Box::new(move || Out::from(linalg::svdvals(&a).expect("2-d")))
        }),
        ("linalg_eigh_1000", || {
            let s = sym(1000);
            Box::new(move || Out::from(linalg::eigh(&s, Uplo::L).expect("square").eigenvalues))
        }),
        ("linalg_eig_500", || {
            let a = mat(18, 500, 500);
            Box::new(move || {
                let w = linalg::eig(&a).expect("square").eigenvalues;
                Out::from(w.iter().map(|z| z.norm()).collect::<Vec<f64>>())
            })
        }),
        ("linalg_lstsq_4000x200", || {
            let (a, y) = (mat(19, 4000, 200), col(20, 4000));
            Box::new(move || Out::from(linalg::lstsq(&a, &y, None).expect("2-d").x))
        }),
        ("linalg_det_1000", || {
            let a = det_input();
            Box::new(move || Out::from(linalg::det(&a).expect("square")))
        }),
        ("linalg_inv_1e5x3x3", || {
            let m = stack3(21);
            Box::new(move || Out::from(linalg::inv(&m).expect("nonsingular")))
        }),
        ("linalg_solve_1e5x3x3", || {
            let (m, b) = (stack3(21), rhs3());
            Box::new(move || Out::from(linalg::solve(&m, &b).expect("nonsingular")))
        }),
        ("linalg_det_1e5x3x3", || {
            let m = stack3(21);
            Box::new(move || Out::from(linalg::det(&m).expect("square")))
        }),
        ("linalg_eigh_1e5x3x3", || {
            let s = sym3();
            Box::new(move || Out::from(linalg::eigh(&s, Uplo::L).expect("square").eigenvalues))
        }),
    ]
}
