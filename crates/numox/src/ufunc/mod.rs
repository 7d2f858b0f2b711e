//! Elementwise operations: arithmetic operators with broadcasting,
//! comparisons and logical functions.
//!
//! | NumPy | numox |
//! |---|---|
//! | `a + b`, `a - b`, `a * b`, `a % b`, `-a` | the same operators on `&Array`/`Array`/views and scalars |
//! | `a / b` (floats) | `&a / &b` |
//! | `a // b` (integers) | `&a / &b` (integer `/` is floor division) or [`floor_divide`] |
//! | `np.add(a, b, out=o)` | [`add_into`]`(&a, &b, &mut o)` |
//! | `a += b` | `a += &b` |
//! | `a < b`, `a == 0.5` | [`less`]`(&a, &b)`, `a.equal_scalar(0.5)` |
//! | `np.isclose`, `np.allclose` | [`isclose`], [`allclose`] |
//! | `np.frompyfunc(f)(a, b)` | [`map2`]`(&a, &b, f)` (threaded) |

pub mod arith;
pub mod close;
pub mod compare;
pub mod kernel;
pub mod logical;
pub mod ops;

pub use arith::*;
pub use close::*;
pub use compare::*;
pub use kernel::{map1, map1_into, map2, map2_into, map3, map3_into};
pub use logical::*;
pub use ops::Bitwise;
