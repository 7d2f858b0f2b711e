//! Zero-copy conversions to and from other crates' arrays, behind cargo
//! features:
//!
//! | feature | module | what |
//! |---|---|---|
//! | `ndarray` | `interop::ndarray` | views both ways with `ndarray::ArrayViewD`/`ArrayViewMutD`, owned arrays both ways |
//! | `faer` | `interop::faer` | 2-d views both ways with `faer::MatRef`/`MatMut` |
//! | `serde` | `serde` | `Serialize`/`Deserialize` for arrays as `{shape, data}` |
//!
//! With no feature enabled the module is empty.

#[cfg(feature = "faer")]
pub mod faer;
#[cfg(feature = "ndarray")]
pub mod ndarray;
#[cfg(feature = "serde")]
mod serde;
