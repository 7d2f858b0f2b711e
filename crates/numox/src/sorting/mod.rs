//! Sorting, searching and set routines: NumPy's `sort`, `argsort`,
//! `lexsort`, `partition`, `searchsorted`, `unique` and the `*1d` set
//! functions.
//!
//! | NumPy | numox |
//! |---|---|
//! | `np.sort(a, axis, kind)` | [`sort`]`(&a, Some(axis), kind)` (`None` flattens); [`ArrayBase::sorted`](crate::ArrayBase::sorted) |
//! | `a.sort(axis)` | [`ArrayBase::sort_inplace`](crate::ArrayBase::sort_inplace) |
//! | `np.argsort(a, axis, kind)` | [`argsort`]; [`ArrayBase::argsort`](crate::ArrayBase::argsort) |
//! | `np.lexsort(keys, axis)` | [`lexsort`] (keys of one dtype) |
//! | `np.partition(a, kth, axis)` / `np.argpartition` | [`partition`] / [`argpartition`] |
//! | `np.searchsorted(a, v, side, sorter)` | [`searchsorted`] with [`Side`] |
//! | `np.unique(a)` | [`unique`] |
//! | `np.unique(a, return_index=.., return_inverse=.., return_counts=.., axis=.., equal_nan=..)` | [`unique_with`] with [`UniqueOptions`] → [`Unique`] |
//! | `np.unique_values` / `unique_counts` / `unique_inverse` / `unique_all` | [`unique_values`] / [`unique_counts`] / [`unique_inverse`] / [`unique_all`] |
//! | `np.union1d`, `np.setdiff1d`, `np.setxor1d` | [`union1d`], [`setdiff1d`], [`setxor1d`] |
//! | `np.intersect1d(a, b, assume_unique, return_indices)` | [`intersect1d`], [`intersect1d_indices`] |
//! | `np.isin(element, test_elements, assume_unique, invert)` | [`isin`] |
//!
//! The order is NumPy's everywhere (see [`SortElement`]): NaN after every
//! number, `-0.0 == 0.0`, complex numbers lexicographic with NumPy's NaN
//! classes. Every sort is stable (see [`SortKind`]): a radix sort on
//! order-preserving integer keys, parallel over buckets for large arrays.
//!
//! ```
//! use numox::prelude::*;
//! use numox::{Side, SortKind};
//! let a = array![3.0, f64::NAN, -1.0, 3.0];
//! let s = numox::sort(&a, Some(-1), SortKind::Stable).unwrap();
//! assert_eq!(s.slice(s![..3]).to_vec(), vec![-1.0, 3.0, 3.0]);
//! let i = numox::searchsorted(&s, &array![3.0], Side::Right, None).unwrap();
//! assert_eq!(i, array![3]);
//! assert_eq!(numox::unique(&array![2, 1, 2]), array![1, 2]);
//! ```

mod element;
mod lexsort;
mod partition;
mod radix;
mod searchsorted;
mod sets;
mod sort;
mod unique;

pub use element::SortElement;
pub use lexsort::lexsort;
pub use partition::{argpartition, partition};
pub use searchsorted::{Side, searchsorted};
pub use sets::{intersect1d, intersect1d_indices, isin, setdiff1d, setxor1d, union1d};
pub use sort::{SortKind, argsort, sort};
pub use unique::{
    Unique, UniqueAll, UniqueOptions, unique, unique_all, unique_counts, unique_inverse, unique_values,
    unique_with,
};
