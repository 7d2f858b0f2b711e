//! numox's integration and conformance tests, one module per area, in ONE test binary:
//! a binary per file made CI compile and link the crate's generics 30-odd times
//! (most of CI's 30-minute budget). Add a new area as a module here.

#[path = "../common/mod.rs"]
mod common;

mod arith;
mod conformance_arith;
mod conformance_core;
mod conformance_creation;
mod conformance_fft;
mod conformance_indexing;
mod conformance_io;
mod conformance_linalg;
mod conformance_linalg_extra;
mod conformance_manip;
mod conformance_numeric;
mod conformance_printing;
mod conformance_random;
mod conformance_random_legacy;
mod conformance_reduce;
mod conformance_sorting;
mod conformance_statistics;
mod conformance_textio;
mod conformance_umath;
mod conformance_umath_extra;
mod conformance_umath_int;
mod conformance_umath_mixed;
mod creation;
mod fft_properties;
mod indexing;
mod io_common_helpers;
mod io_npy;
mod io_robustness;
mod linalg;
mod manip;
mod numpy_users_guide;
mod printing;
mod properties_shape;
mod properties_sorting;
mod random_api;
mod random_bitgen;
mod reduce;
mod umath_validation;
