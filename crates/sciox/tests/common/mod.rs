//! sciox's conformance tests share numox's machinery (`load_cases`,
//! `check_all_cases`, the comparison helpers); `data_dir()` resolves to
//! `crates/sciox/tests/data` because it reads the including crate's
//! `CARGO_MANIFEST_DIR`.

#[path = "../../../numox/tests/common/mod.rs"]
mod shared;

pub use shared::*;
