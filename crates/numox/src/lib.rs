//! # numox: NumPy, rebuilt in Rust
//!
//! The N-dimensional array with NumPy's semantics (views, strides,
//! broadcasting, slicing), NumPy's creation, manipulation and reduction
//! routines, `.npy`/`.npz` files and NumPy's printing.
//!
//! | module | NumPy | contents |
//! |---|---|---|
//! | [`array`](mod@array) | `ndarray` | [`Array`], [`ArrayView`], [`ArrayViewMut`], shapes, strides, slicing ([`s!`]), iteration, broadcasting |
//! | [`element`] | dtypes | [`Element`] and the numeric traits, [`DType`], casting |
//! | [`creation`] | `zeros`, `arange`, `linspace`, `eye`, ... | building arrays |
//! | [`manip`] | `concatenate`, `stack`, `pad`, ... | shape and joining |
//! | [`indexing`] | fancy indexing, `take`, `where`, `nonzero` | advanced indexing |
//! | [`ufunc`] | `+ - * /`, comparisons | elementwise arithmetic |
//! | [`reduce`] | `sum`, `mean`, `std`, ... | reductions |
//! | [`statistics`] | `nanmean`, `median`, `percentile`, `average`, `cov`, ... | NaN-ignoring reductions, order statistics, averages, covariance |
//! | [`linalg`] | `numpy.linalg`, `dot`, `matmul`, `einsum`, ... | products, solvers, decompositions, norms |
//! | [`io`] | `np.save`, `np.load` | `.npy`/`.npz` |
//! | [`fmt`] | `str(a)`, `repr(a)` | printing |
//! | [`random`] | `np.random` | `default_rng`, `Generator`, bit generators, `RandomState` |
//! | [`error`] | `ValueError`, `IndexError`, ... | [`Error`] |
//! | [`warnings`] | `warnings.warn(..., RuntimeWarning)` | warnings that NumPy raises and goes on: printed once, or [`warnings::record`]ed |
//!
//! ```
//! use numox::prelude::*;
//! let a = Array::from_shape_vec(&[2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
//! let b = a.slice(s![.., 1..]);
//! assert_eq!(b, array![[2.0, 3.0], [5.0, 6.0]]);
//! ```

pub mod array;
pub mod creation;
pub mod element;
pub mod error;
pub mod fft;
pub mod fmt;
pub mod indexing;
pub mod interop;
pub mod io;
pub mod linalg;
pub mod manip;
pub mod numeric;
mod parallel;
pub mod random;
pub mod reduce;
pub mod sorting;
pub mod statistics;
pub mod ufunc;
pub mod umath;
pub mod warnings;

pub use array::broadcast::broadcast_pair_views;
pub use array::shape::broadcast_shapes;
pub use array::slice::{Ellipsis, NewAxis, SliceElem, SliceInfo};
pub use array::{Array, ArrayBase, ArrayView, ArrayViewMut, CowArray, Order};
// NumPy's flat namespace: each function module decides what its `mod.rs`
// exports, and all of it is reachable as `numox::name`, like `np.name`.
// (Each module adds its `pub use module::*;` here when it has content.)
pub use creation::*;
pub use element::{Complex32, Complex64, DType, Element, Float, Numeric, RealNumeric, Scalar};
pub use error::{Error, Result};
pub use fmt::*;
pub use indexing::*;
pub use io::*;
pub use linalg::{dot, einsum, inner, kron, matmul, matvec, outer, tensordot, vdot, vecdot, vecmat};
pub use manip::*;
#[allow(unused_imports)] // filled as the modules land
pub use num_complex::Complex;
pub use numeric::*;
pub use reduce::*;
pub use sorting::*;
pub use statistics::*;
pub use ufunc::*;
pub use umath::*;

/// The names most programs need: `use numox::prelude::*;`.
pub mod prelude {
    pub use crate::array::slice::{Ellipsis, NewAxis};
    pub use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, CowArray, Order};
    pub use crate::element::{Complex32, Complex64, DType, Element, Float, Numeric, RealNumeric};
    pub use crate::error::{Error, Result};
    pub use crate::io::{DynArray, NpyWritable};
    pub use crate::reduce::{Axes, MinMaxElement, SumElement};
    pub use crate::sorting::{Side, SortElement, SortKind, UniqueOptions};
    pub use crate::statistics::{QuantileElement, QuantileMethod};
    pub use crate::ufunc::Bitwise;
    pub use crate::umath::{FloatMath, FloatPair, ToFloat, Transcendental};
    pub use crate::{array, s};
    // Traits whose methods users call on arrays belong here as the modules add them.
    pub use num_complex::Complex;
}
