//! # sciox: SciPy, rebuilt in Rust on numox
//!
//! The SciPy layer, built on numox's public API only.
//!
//! | module | SciPy | contents |
//! |---|---|---|
//! | [`integrate`] | `scipy.integrate` | `quad` and friends, `solve_ivp`, `odeint`, `solve_bvp` |
//! | [`optimize`] | `scipy.optimize` | scalar and n-d root finding (`root`, all methods), `minimize_scalar`, `minimize` (11 methods, bounds and constraints), `least_squares`, `curve_fit`, `linprog`, `milp`, `linear_sum_assignment`, global optimizers |
//! | [`sparse`] | `scipy.sparse` (a start) | [`sparse::CsrMatrix`], [`sparse::LinearOperator`], [`sparse::FnOperator`] |
//! | [`error`] | `ValueError`, ... | [`Error`] |
//!
//! Its other modules (`interpolate`, `signal`, `ndimage`,
//! `stats`, `special`, the rest of `sparse`, `spatial`, `cluster`, `linalg`, `fft`,
//! `io`) arrive with their issues.
//!
//! ```
//! let a = sciox::numox::array![1.0, 2.0];
//! assert_eq!(a.shape(), &[2]);
//! ```

pub mod error;
pub mod integrate;
pub mod optimize;
pub mod sparse;

pub use error::{Error, Result};
pub use numox;
