//! Linear algebra: NumPy's `numpy.linalg` and the products NumPy keeps at its
//! top level, on faer (pure Rust, cache-blocked, SIMD, threaded).
//!
//! | family | functions |
//! |---|---|
//! | products | [`matmul`], [`dot`], [`vdot`], [`inner`], [`outer`], [`tensordot`], [`kron`], [`vecdot`], [`matvec`], [`vecmat`], [`einsum`](fn@einsum), [`multi_dot`], [`matrix_power`], [`trace`] |
//! | solving | [`solve`], [`inv`], [`pinv`], [`lstsq`], [`tensorsolve`], [`tensorinv`] |
//! | array API | [`matrix_transpose`], [`diagonal`](fn@diagonal), [`cross`](fn@cross) |
//! | contraction order | [`einsum_path`], [`einsum_path_shapes`] |
//! | determinants | [`det`], [`slogdet`] |
//! | factorisations | [`cholesky`], [`qr`], [`qr_r`], [`qr_raw`], [`svd`], [`svdvals`], [`eig`], [`eigvals`], [`eigh`], [`eigvalsh`] |
//! | norms | [`norm`], [`vector_norm`], [`matrix_norm`], [`cond`], [`matrix_rank`] |
//!
//! As in NumPy 2, every function takes stacks of matrices: the last two
//! axes are the matrix and leading axes are a batch, broadcast between
//! operands where NumPy broadcasts (`solve`, `matmul`, ...). Stacks of many
//! small matrices run in parallel, with closed-form/unrolled kernels for
//! orders up to 4.
//!
//! The decompositions take `f32`, `f64`, `Complex<f32>` and `Complex<f64>`
//! ([`LinalgScalar`]) and, like NumPy, compute single-precision input in
//! double precision. NumPy's `LinAlgError`s are [`Error`](crate::Error)s:
//! [`Error::Singular`](crate::Error::Singular) (`solve`, `inv`),
//! [`Error::NotPositiveDefinite`](crate::Error::NotPositiveDefinite)
//! (`cholesky`), [`Error::NotConverged`](crate::Error::NotConverged) (SVD
//! or eigenvalues of NaN input) and
//! [`Error::InvalidArgument`](crate::Error::InvalidArgument) for wrong ranks
//! and non-square matrices.
//!
//! ```
//! use numox::prelude::*;
//! use numox::linalg;
//! let a = array![[4.0f64, 1.0], [1.0, 3.0]];
//! let x = linalg::solve(&a, &array![1.0, 2.0]).unwrap();
//! let ax = numox::matmul(&a, &x).unwrap();
//! assert!((ax[[0]] - 1.0).abs() < 1e-15 && (ax[[1]] - 2.0).abs() < 1e-15);
//! let e = linalg::eigh(&a, linalg::Uplo::L).unwrap();
//! assert!(e.eigenvalues[[0]] < e.eigenvalues[[1]]);
//! ```

// Index loops mirror the textbook algorithms (LU, Jacobi, tiled copies);
// the iterator forms clippy suggests would obscure them.
#![allow(clippy::needless_range_loop)]

mod decomp;
mod det;
mod einsum;
mod einsum_path;
pub(crate) mod faer_bridge;
mod lu;
mod norm;
mod products;
mod qr_raw;
mod scalar;
mod small;
mod solve;
pub(crate) mod stack;
mod tensor;

pub use decomp::*;
pub use det::*;
pub use einsum::*;
pub use einsum_path::*;
pub use norm::*;
pub use products::{
    TensordotAxes, dot, inner, kron, matmul, matrix_power, matvec, multi_dot, outer, tensordot, trace, vdot,
    vecdot, vecmat,
};
pub use qr_raw::{QrRaw, qr_raw};
pub use scalar::{LinalgScalar, WorkScalar};
pub use solve::*;
pub use tensor::*;
