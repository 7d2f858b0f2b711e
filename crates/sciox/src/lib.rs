//! # sciox: SciPy, rebuilt in Rust on numox
//!
//! The SciPy layer, built on numox's public API only. Its modules
//! (`optimize`, `integrate`, `interpolate`, `signal`, `ndimage`, `stats`,
//! `special`, `sparse`, `spatial`, `cluster`, `linalg`, `fft`, `io`) arrive
//! with their issues; today the crate re-exports numox.
//!
//! ```
//! let a = sciox::numox::array![1.0, 2.0];
//! assert_eq!(a.shape(), &[2]);
//! ```

pub use numox;
