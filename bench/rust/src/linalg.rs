//! The `numox.linalg` workloads of the bench (issue 4's speed targets), on
//! the inputs `bench/python/bench_numpy.py` builds for NumPy: uniform
//! [0, 1) matrices from the shared SplitMix64 streams (seeds 11-24),
//! symmetric ones as `A + Aᵀ`, positive-definite ones as `G Gᵀ + n I`, and
//! stacks of 10^5 3x3 matrices with `3 I` added.
//!
//! Checksums are of the unique parts of each result (singular values, the
//! moduli of `R`'s diagonal, eigenvalues), so both sides agree although
//! eigenvector and QR signs may differ.

use crate::Workload;
use crate::inputs::mat;
use numox::linalg::{self, QrMode, Uplo};
use numox::prelude::*;
use std::hint::black_box;

fn sum<S: numox::array::Data<Elem = f64>>(a: &ArrayBase<S>) -> f64 {
    a.iter().sum()
}

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

fn run(name: &str) -> Option<Box<dyn FnMut() -> f64>> {
    Some(match name {
        "linalg_matmul_1000" | "linalg_matmul_4000" => {
            let n = if name.ends_with("1000") { 1000 } else { 4000 };
            let (a, b) = (mat(11, n, n), mat(12, n, n));
            Box::new(move || black_box(numox::matmul(&a, &b).expect("square")[[0, 0]]))
        }
        "linalg_solve_2000" => {
            let (a, b) = (
                mat(13, 2000, 2000),
                mat(14, 2000, 1).into_shape(&[2000], Order::C).expect("size"),
            );
            Box::new(move || black_box(linalg::solve(&a, &b).expect("nonsingular")[[0]]))
        }
        "linalg_inv_1000" => {
            let a = mat(13, 1000, 1000);
            Box::new(move || black_box(linalg::inv(&a).expect("nonsingular")[[0, 0]]))
        }
        "linalg_cholesky_2000" => {
            let s = spd(2000);
            Box::new(move || black_box(linalg::cholesky(&s, false).expect("spd")[[0, 0]]))
        }
        "linalg_qr_2000x1000" => {
            let a = mat(16, 2000, 1000);
            Box::new(move || black_box(linalg::qr(&a, QrMode::Reduced).expect("2-d").r[[0, 0]]))
        }
        "linalg_svd_1000" => {
            let a = mat(16, 1000, 1000);
            Box::new(move || black_box(linalg::svd(&a, true, false).expect("2-d").s[[0]]))
        }
        "linalg_svdvals_1000" => {
            let a = mat(16, 1000, 1000);
            Box::new(move || black_box(linalg::svdvals(&a).expect("2-d")[[0]]))
        }
        "linalg_eigh_1000" => {
            let s = sym(1000);
            Box::new(move || black_box(linalg::eigh(&s, Uplo::L).expect("square").eigenvalues[[0]]))
        }
        "linalg_eig_500" => {
            let a = mat(18, 500, 500);
            Box::new(move || black_box(linalg::eig(&a).expect("square").eigenvalues[[0]].re))
        }
        "linalg_lstsq_4000x200" => {
            let (a, y) = (
                mat(19, 4000, 200),
                mat(20, 4000, 1).into_shape(&[4000], Order::C).expect("size"),
            );
            Box::new(move || black_box(linalg::lstsq(&a, &y, None).expect("2-d").x[[0]]))
        }
        "linalg_det_1000" => {
            let a = det_input();
            Box::new(move || black_box(linalg::det(&a).expect("square").into_scalar()))
        }
        "linalg_inv_1e5x3x3" => {
            let m = stack3(21);
            Box::new(move || black_box(linalg::inv(&m).expect("nonsingular")[[0, 0, 0]]))
        }
        "linalg_solve_1e5x3x3" => {
            let (m, b) = (stack3(21), rhs3());
            Box::new(move || black_box(linalg::solve(&m, &b).expect("nonsingular")[[0, 0, 0]]))
        }
        "linalg_det_1e5x3x3" => {
            let m = stack3(21);
            Box::new(move || black_box(linalg::det(&m).expect("square")[[0]]))
        }
        "linalg_eigh_1e5x3x3" => {
            let s = sym3();
            Box::new(move || black_box(linalg::eigh(&s, Uplo::L).expect("square").eigenvalues[[0, 0]]))
        }
        _ => return None,
    })
}

/// The linalg workloads, in the order of the Python side.
pub fn workloads() -> Vec<Workload> {
    macro_rules! w {
        ($($name:literal),* $(,)?) => {
            vec![$(($name, (|| run($name).expect("known workload")) as fn() -> Box<dyn FnMut() -> f64>)),*]
        };
    }
    w![
        "linalg_matmul_1000",
        "linalg_matmul_4000",
        "linalg_solve_2000",
        "linalg_inv_1000",
        "linalg_cholesky_2000",
        "linalg_qr_2000x1000",
        "linalg_svd_1000",
        "linalg_svdvals_1000",
        "linalg_eigh_1000",
        "linalg_eig_500",
        "linalg_lstsq_4000x200",
        "linalg_det_1000",
        "linalg_inv_1e5x3x3",
        "linalg_solve_1e5x3x3",
        "linalg_det_1e5x3x3",
        "linalg_eigh_1e5x3x3",
    ]
}

/// The checksum of a linalg workload's result (its unique part).
pub fn check(name: &str) -> Option<f64> {
    Some(match name {
        "linalg_matmul_1000" => sum(&numox::matmul(&mat(11, 1000, 1000), &mat(12, 1000, 1000)).ok()?),
        "linalg_matmul_4000" => sum(&numox::matmul(&mat(11, 4000, 4000), &mat(12, 4000, 4000)).ok()?),
        "linalg_solve_2000" => {
            let b = mat(14, 2000, 1).into_shape(&[2000], Order::C).ok()?;
            sum(&linalg::solve(&mat(13, 2000, 2000), &b).ok()?)
        }
        "linalg_inv_1000" => sum(&linalg::inv(&mat(13, 1000, 1000)).ok()?),
        "linalg_cholesky_2000" => sum(&linalg::cholesky(&spd(2000), false).ok()?),
        "linalg_qr_2000x1000" => {
            let r = linalg::qr(&mat(16, 2000, 1000), QrMode::Reduced).ok()?.r;
            (0..1000).map(|i| r[[i, i]].abs()).sum()
        }
        "linalg_svd_1000" | "linalg_svdvals_1000" => sum(&linalg::svdvals(&mat(16, 1000, 1000)).ok()?),
        "linalg_eigh_1000" => sum(&linalg::eigvalsh(&sym(1000), Uplo::L).ok()?),
        "linalg_eig_500" => linalg::eigvals(&mat(18, 500, 500))
            .ok()?
            .iter()
            .map(|z| z.norm())
            .sum(),
        "linalg_lstsq_4000x200" => {
            let y = mat(20, 4000, 1).into_shape(&[4000], Order::C).ok()?;
            sum(&linalg::lstsq(&mat(19, 4000, 200), &y, None).ok()?.x)
        }
        "linalg_det_1000" => linalg::det(&det_input()).ok()?.into_scalar(),
        "linalg_inv_1e5x3x3" => sum(&linalg::inv(&stack3(21)).ok()?),
        "linalg_solve_1e5x3x3" => sum(&linalg::solve(&stack3(21), &rhs3()).ok()?),
        "linalg_det_1e5x3x3" => sum(&linalg::det(&stack3(21)).ok()?),
        "linalg_eigh_1e5x3x3" => sum(&linalg::eigvalsh(&sym3(), Uplo::L).ok()?),
        _ => return None,
    })
}
