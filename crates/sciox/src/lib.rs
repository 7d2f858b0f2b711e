//! # sciox: SciPy, rebuilt in Rust on numox
//!
//! The SciPy layer, built on numox's public API only.
//!
//! | module | SciPy | contents |
//! |---|---|---|
//! | [`optimize`] | `scipy.optimize` | root finders, `minimize_scalar`, `minimize` |
//! | [`error`] | `ValueError`, ... | [`Error`] |
//!
//! Its other modules (`integrate`, `interpolate`, `signal`, `ndimage`,
//! `stats`, `special`, `sparse`, `spatial`, `cluster`, `linalg`, `fft`,
//! `io`) arrive with their issues.
//!
//! ```
//! let a = sciox::numox::array![1.0, 2.0];
//! assert_eq!(a.shape(), &[2]);
//! ```

pub mod error;
pub mod optimize;

pub use error::{Error, Result};
pub use numox;
