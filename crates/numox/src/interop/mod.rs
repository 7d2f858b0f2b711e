//! Zero-copy conversions to and from other crates' arrays, behind cargo
//! features: `ndarray`, `faer`, `serde`.
