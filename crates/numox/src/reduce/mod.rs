//! Reductions: `sum`, `prod`, `mean`, `var`, `std`, `min`, `max`, `argmin`,
//! `argmax`, `ptp`, `any`, `all`, `count_nonzero`, `cumsum`, `cumprod`.
//!
//! # The API
//!
//! Every reduction comes in three method forms on any array or view, and a
//! free function with NumPy's name and arguments:
//!
//! | NumPy | all elements | one axis | several axes, `keepdims` | free function |
//! |---|---|---|---|---|
//! | `a.sum()` | [`a.sum()`](crate::ArrayBase::sum) `-> A::Sum` | [`a.sum_axis(ax)`](crate::ArrayBase::sum_axis) | [`a.sum_axes(&[0, 2], true)`](crate::ArrayBase::sum_axes) | [`sum(&a, axis, keepdims)`] |
//! | `a.prod()` | `a.prod()` | `prod_axis` | `prod_axes` | [`prod`] |
//! | `a.mean()` | `a.mean()` `-> A::Mean` | `mean_axis` | `mean_axes` | [`mean`] |
//! | `a.var(ddof=d)` | `a.var(d)` `-> A::Var` | `var_axis(ax, d)` | `var_axes(&axes, d, keepdims)` | [`var`] |
//! | `a.std(ddof=d)` | `a.std(d)` | `std_axis` | `std_axes` | [`std()`] |
//! | `a.max()` | `a.max()` `-> Result<A>` | `max_axis` | `max_axes` | [`max`] |
//! | `a.min()` | `a.min()` `-> Result<A>` | `min_axis` | `min_axes` | [`min`] |
//! | `np.ptp(a)` | `a.ptp()` `-> Result<A>` | `ptp_axis` | `ptp_axes` | [`ptp`] |
//! | `a.argmax()` | `a.argmax()` `-> Result<usize>` | `argmax_axis` `-> Array<i64>` | | [`argmax(&a, axis, keepdims)`](argmax) |
//! | `a.argmin()` | `a.argmin()` | `argmin_axis` | | [`argmin`] |
//! | `a.any()` | `a.any()` `-> bool` | `any_axis` | `any_axes` | [`any`] |
//! | `a.all()` | `a.all()` `-> bool` | `all_axis` | `all_axes` | [`all`] |
//! | `np.count_nonzero(a)` | `a.count_nonzero()` `-> usize` | `count_nonzero_axis` `-> Array<i64>` | `count_nonzero_axes` | [`count_nonzero`] |
//! | `a.cumsum()` | `a.cumsum()` (flattened) | `cumsum_axis` | | [`cumsum(&a, axis)`](cumsum) |
//! | `a.cumprod()` | `a.cumprod()` | `cumprod_axis` | | [`cumprod`] |
//!
//! * Axis arguments are `isize`; negative axes count from the end. The free
//!   functions take anything that converts into [`Axes`] (`Axes::All` is
//!   NumPy's `axis=None`, `1`, `-1`, `[0, 2]`, `&axes[..]`, `None`/`Some(1)`)
//!   and always return an array (0-d for a full reduction).
//! * Result types are NumPy's on 64-bit Linux, through the associated types
//!   of [`SumElement`]: sums and products of integers are `i64` (`u64` for
//!   unsigned) and wrap like NumPy's; `bool` sums count as `i64`; `mean`,
//!   `var` and `std` of integers are `f64`; `var` of complex numbers is real.
//!   `min`, `max` and `ptp` keep the element type; indices are `i64` in
//!   arrays (NumPy's `intp`) and `usize` as scalars.
//! * Empty input: `sum` gives 0, `prod` 1, `mean`/`var` NaN, `any` false,
//!   `all` true, `count_nonzero` 0; `min`, `max`, `ptp`, `argmin`, `argmax`
//!   return [`Error::EmptyReduction`](crate::Error::EmptyReduction). The same
//!   holds per result element when a reduced axis has length 0 (a result with
//!   no elements is returned empty, as NumPy does).
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
//! assert_eq!(a.sum(), 21.0);
//! assert_eq!(a.mean_axis(0).unwrap(), array![2.5, 3.5, 4.5]);
//! assert_eq!(a.max_axes(&[1], true).unwrap(), array![[3.0], [6.0]]);
//! assert_eq!(a.argmax().unwrap(), 5);
//! assert_eq!(numox::var(&a, [0, 1], 0, false).unwrap().into_scalar(), 35.0 / 12.0);
//! ```
//!
//! # Same numbers as NumPy
//!
//! Float sums (and so `mean`, `var`, `std`) are bit-identical to NumPy's for
//! every memory layout: contiguous, Fortran-ordered, strided, reversed and
//! permuted views, over any axes. NumPy's result depends on two things that
//! numox reproduces: its pairwise summation (`loops_utils.h.src`) and the way its
//! buffered reduction iterator groups elements into inner-loop runs (sorted
//! axes, coalescing, 8192-element buffers when it must copy or cast; the
//! source file `reduce/plan.rs` explains the model). `prod` multiplies in NumPy's iteration order. `min`/`max` give
//! NumPy's values; the only unpinned corner is the sign of a zero result
//! when `+0.0` and `-0.0` tie (see [`minmax`](mod@minmax)). `cumsum`/`cumprod` are
//! sequential along the axis, as NumPy's.
//!
//! # Speed
//!
//! The pairwise leaf keeps NumPy's eight independent accumulators, which the
//! compiler maps onto SIMD lanes (AVX2 is selected at run time). Large
//! reductions run on several threads: along a kept axis the result elements
//! are split between threads, and a single long sum splits the top of the
//! pairwise tree with `rayon::join`; neither changes a single rounding, so
//! the answer never depends on the number of threads.

pub mod arg;
pub mod axes;
pub mod cumulative;
pub(crate) mod elem;
mod float_fold;
pub mod logic;
pub mod mean_var;
pub mod minmax;
mod pairwise;
pub(crate) mod plan;
pub mod sum;

pub use arg::{argmax, argmin};
pub use axes::Axes;
pub use cumulative::{cumprod, cumsum};
pub use elem::{MinMaxElement, SumElement};
pub use logic::{all, any, count_nonzero};
pub use mean_var::{mean, std, var};
pub use minmax::{max, min, ptp};
pub use sum::{prod, sum};
