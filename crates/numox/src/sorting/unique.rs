//! NumPy's `np.unique` and the Array API's `unique_values`,
//! `unique_counts`, `unique_inverse` and `unique_all`.

use super::element::SortElement;
use super::radix::{argsort_slice, sort_slice};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Result, normalize_axis};

/// The optional outputs and arguments of [`unique_with`] (NumPy's
/// `return_index`, `return_inverse`, `return_counts`, `axis`, `equal_nan`).
/// [`UniqueOptions::new`] (also `default()`) asks for the values only, of
/// the flattened array, with NaNs collapsed (`equal_nan=True`), as NumPy's
/// defaults.
///
/// ```
/// use numox::UniqueOptions;
/// let o = UniqueOptions::new().index().inverse().counts().axis(0).equal_nan(false);
/// assert!(o.return_index && o.return_inverse && o.return_counts && !o.equal_nan);
/// assert_eq!(o.axis, Some(0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UniqueOptions {
    /// Also return the index of each unique value's first occurrence.
    pub return_index: bool,
    /// Also return the indices that rebuild the input from the values.
    pub return_inverse: bool,
    /// Also return how often each unique value occurs.
    pub return_counts: bool,
    /// Unique sub-arrays along this axis; `None` flattens.
    pub axis: Option<isize>,
    /// Treat every NaN as one value (flattened case only, as in NumPy).
    pub equal_nan: bool,
}

impl Default for UniqueOptions {
    fn default() -> Self {
        UniqueOptions {
            return_index: false,
            return_inverse: false,
            return_counts: false,
            axis: None,
            equal_nan: true,
        }
    }
}

impl UniqueOptions {
    /// NumPy's defaults: values only, flattened, `equal_nan=True`.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `return_index`.
    pub fn index(mut self) -> Self {
        self.return_index = true;
        self
    }
    /// Sets `return_inverse`.
    pub fn inverse(mut self) -> Self {
        self.return_inverse = true;
        self
    }
    /// Sets `return_counts`.
    pub fn counts(mut self) -> Self {
        self.return_counts = true;
        self
    }
    /// Sets `axis`.
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = Some(axis);
        self
    }
    /// Sets `equal_nan`.
    pub fn equal_nan(mut self, equal_nan: bool) -> Self {
        self.equal_nan = equal_nan;
        self
    }
}

/// What [`unique_with`] returns: the sorted unique values and the outputs
/// [`UniqueOptions`] asked for (`None` otherwise).
#[derive(Clone, Debug)]
pub struct Unique<A: crate::element::Element> {
    /// The sorted unique values (or sub-arrays along the axis).
    pub values: Array<A>,
    /// The index of each value's first occurrence (`return_index`).
    pub indices: Option<Array<i64>>,
    /// Indices into `values` that rebuild the input (`return_inverse`):
    /// shaped like the input when flattening, 1-d along the axis otherwise
    /// (NumPy 2's shapes).
    pub inverse: Option<Array<i64>>,
    /// How often each value occurs (`return_counts`).
    pub counts: Option<Array<i64>>,
}

/// What [`unique_all`] returns (NumPy's `UniqueAllResult`).
#[derive(Clone, Debug)]
pub struct UniqueAll<A: crate::element::Element> {
    /// The sorted unique values.
    pub values: Array<A>,
    /// The index of each value's first occurrence in the flattened input.
    pub indices: Array<i64>,
    /// Indices into `values` that rebuild the input (the input's shape).
    pub inverse_indices: Array<i64>,
    /// How often each value occurs.
    pub counts: Array<i64>,
}

/// Marks the first of each run of equal values in the sorted `aux` (NaNs,
/// which sort last, are one run with `equal_nan`, each their own without).
fn first_of_runs<A: SortElement>(aux: &[A], equal_nan: bool) -> Vec<bool> {
    let n = aux.len();
    let mut mask = vec![false; n];
    if n == 0 {
        return mask;
    }
    let nan_start = aux.partition_point(|x| !x.np_isnan());
    mask[0] = true;
    for j in 1..nan_start {
        mask[j] = !aux[j].np_eq(&aux[j - 1]);
    }
    if nan_start < n {
        if equal_nan {
            mask[nan_start] = true;
        } else {
            mask[nan_start..].fill(true);
        }
    }
    mask
}

/// Optional index, inverse and count vectors.
type Outputs = (Option<Vec<i64>>, Option<Vec<i64>>, Option<Vec<i64>>);

/// The outputs of a unique computation from a sorting permutation `perm`
/// of `n` items and the run starts `mask` of the sorted order.
fn outputs(perm: &[i64], mask: &[bool], o: &UniqueOptions) -> Outputs {
    let n = perm.len();
    let idx = o.return_index.then(|| {
        perm.iter()
            .zip(mask)
            .filter(|(_, m)| **m)
            .map(|(&p, _)| p)
            .collect()
    });
    let inv = o.return_inverse.then(|| {
        let mut inv = vec![0i64; n];
        let mut u = -1i64;
        for (&p, &m) in perm.iter().zip(mask) {
            u += m as i64;
            inv[p as usize] = u;
        }
        inv
    });
    let cnt = o.return_counts.then(|| {
        let starts: Vec<usize> = mask
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(j, _)| j)
            .collect();
        starts
            .iter()
            .enumerate()
            .map(|(k, &s)| (starts.get(k + 1).copied().unwrap_or(n) - s) as i64)
            .collect()
    });
    (idx, inv, cnt)
}

/// NumPy's `np.unique(a)`: the sorted unique elements of the flattened
/// array (every NaN counted as one value, `-0.0` equal to `0.0`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::unique(&array![[3, 1], [3, 2]]), array![1, 2, 3]);
/// let u = numox::unique(&array![f64::NAN, 1.0, f64::NAN]);
/// assert_eq!(u.len(), 2);
/// assert!(u.item(&[1]).unwrap().is_nan());
/// ```
pub fn unique<A: SortElement, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    let mut v = a.to_vec();
    sort_slice(&mut v);
    let mask = first_of_runs(&v, true);
    let mut k = 0;
    for j in 0..v.len() {
        if mask[j] {
            v[k] = v[j];
            k += 1;
        }
    }
    v.truncate(k);
    if let Some(last) = v.last_mut() {
        if last.np_isnan() {
            // NumPy's hash-based unique keeps the first NaN met in the input
            // (for complex numbers that choice is visible: `inf+nanj` vs `0+nanj`).
            if let Some(first) = a.iter().find(|x| x.np_isnan()) {
                *last = *first;
            }
        }
    }
    Array::from_vec(v)
}

/// NumPy's `np.unique(a, return_index, return_inverse, return_counts,
/// axis, equal_nan)`, with the choices in [`UniqueOptions`].
///
/// With an axis, the unique sub-arrays along it, sorted lexicographically
/// (NaN last in each position); rows holding NaN are never equal to each
/// other there (NumPy ignores `equal_nan` with an axis too).
///
/// Errors: a bad axis (a 0-d array has none).
///
/// ```
/// use numox::prelude::*;
/// use numox::UniqueOptions;
/// let a = array![2, 1, 2, 5];
/// let u = numox::unique_with(&a, &UniqueOptions::new().index().inverse().counts()).unwrap();
/// assert_eq!(u.values, array![1, 2, 5]);
/// assert_eq!(u.indices.unwrap(), array![1, 0, 3]);
/// assert_eq!(u.inverse.unwrap(), array![1, 0, 1, 2]);
/// assert_eq!(u.counts.unwrap(), array![1, 2, 1]);
/// let m = array![[1, 0], [0, 5], [1, 0]];
/// let rows = numox::unique_with(&m, &UniqueOptions::new().axis(0).inverse()).unwrap();
/// assert_eq!(rows.values, array![[0, 5], [1, 0]]);
/// assert_eq!(rows.inverse.unwrap(), array![1, 0, 1]);
/// ```
pub fn unique_with<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    opts: &UniqueOptions,
) -> Result<Unique<A>> {
    let wants = opts.return_index || opts.return_inverse || opts.return_counts;
    match opts.axis {
        None if !wants => {
            let values = if opts.equal_nan {
                unique(a)
            } else {
                let mut v = a.to_vec();
                sort_slice(&mut v);
                let mask = first_of_runs(&v, false);
                Array::from_vec(
                    v.into_iter()
                        .zip(mask)
                        .filter(|(_, m)| *m)
                        .map(|(x, _)| x)
                        .collect(),
                )
            };
            Ok(Unique {
                values,
                indices: None,
                inverse: None,
                counts: None,
            })
        }
        None => {
            let v = crate::array::copy::try_to_vec(a)?;
            let mut perm = vec![0i64; v.len()];
            argsort_slice(&v, &mut perm);
            let aux: Vec<A> = perm.iter().map(|&p| v[p as usize]).collect();
            let mask = first_of_runs(&aux, opts.equal_nan);
            let values: Vec<A> = aux
                .iter()
                .zip(&mask)
                .filter(|(_, m)| **m)
                .map(|(&x, _)| x)
                .collect();
            let (idx, inv, cnt) = outputs(&perm, &mask, opts);
            Ok(Unique {
                values: Array::from_vec(values),
                indices: idx.map(Array::from_vec),
                inverse: match inv {
                    Some(i) => Some(Array::from_shape_vec(a.shape(), i)?),
                    None => None,
                },
                counts: cnt.map(Array::from_vec),
            })
        }
        Some(axis) => unique_axis(a, normalize_axis(axis, a.ndim())?, opts),
    }
}

/// [`unique_with`] along an axis: unique rows of the array seen as
/// `(len along axis, rest)`.
fn unique_axis<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    ax: usize,
    opts: &UniqueOptions,
) -> Result<Unique<A>> {
    let nd = a.ndim();
    let mut order: Vec<isize> = vec![ax as isize];
    order.extend((0..nd).filter(|&i| i != ax).map(|i| i as isize));
    let moved = a.view().permuted_axes(&order)?;
    let n = moved.shape()[0];
    let rest: Vec<usize> = moved.shape()[1..].to_vec();
    let m: usize = rest.iter().product();
    let data = crate::array::copy::try_to_vec(&moved)?;
    let row = |i: usize| &data[i * m..(i + 1) * m];
    let mut perm: Vec<i64> = (0..n as i64).collect();
    perm.sort_by(|&i, &j| {
        let (x, y) = (row(i as usize), row(j as usize));
        x.iter()
            .zip(y)
            .map(|(p, q)| p.np_cmp(q))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut mask = vec![false; n];
    for j in 0..n {
        mask[j] = j == 0 || {
            let (x, y) = (row(perm[j] as usize), row(perm[j - 1] as usize));
            !x.iter().zip(y).all(|(p, q)| p.np_eq(q))
        };
    }
    let mut vals = Vec::new();
    for (&p, _) in perm.iter().zip(&mask).filter(|(_, m)| **m) {
        vals.extend_from_slice(row(p as usize));
    }
    let k = mask.iter().filter(|m| **m).count();
    let mut shape = vec![k];
    shape.extend_from_slice(&rest);
    // Move the unique axis back where it was.
    let mut back = vec![0isize; nd];
    for (pos, &o) in order.iter().enumerate() {
        back[o as usize] = pos as isize;
    }
    let values = Array::from_shape_vec(&shape, vals)?
        .permuted_axes(&back)?
        .view()
        .to_owned();
    let (idx, inv, cnt) = outputs(&perm, &mask, opts);
    Ok(Unique {
        values,
        indices: idx.map(Array::from_vec),
        inverse: inv.map(Array::from_vec),
        counts: cnt.map(Array::from_vec),
    })
}

/// The Array API's `unique_values(x)` (NumPy 2): the unique elements of the
/// flattened array, NaNs each their own value (`equal_nan=False`). numox
/// returns them sorted (NumPy's order is unspecified).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::unique_values(&array![3, 1, 3]), array![1, 3]);
/// assert_eq!(numox::unique_values(&array![f64::NAN, f64::NAN]).len(), 2);
/// ```
pub fn unique_values<A: SortElement, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Array<A> {
    unique_with(a, &UniqueOptions::new().equal_nan(false))
        .expect("flattening cannot fail")
        .values
}

/// The Array API's `unique_counts(x)`: the sorted unique values of the
/// flattened array and how often each occurs (`equal_nan=False`).
///
/// ```
/// use numox::prelude::*;
/// let (v, c) = numox::unique_counts(&array![5, 3, 5, 5]);
/// assert_eq!((v, c), (array![3, 5], array![1, 3]));
/// ```
pub fn unique_counts<A: SortElement, S: Data<Elem = A>>(a: &ArrayBase<S>) -> (Array<A>, Array<i64>) {
    let u = unique_with(a, &UniqueOptions::new().counts().equal_nan(false)).expect("flattening cannot fail");
    (u.values, u.counts.expect("asked for"))
}

/// The Array API's `unique_inverse(x)`: the sorted unique values and the
/// indices (shaped like `x`) that rebuild `x` from them (`equal_nan=False`).
///
/// ```
/// use numox::prelude::*;
/// let (v, inv) = numox::unique_inverse(&array![[5, 3], [3, 7]]);
/// assert_eq!(v, array![3, 5, 7]);
/// assert_eq!(inv, array![[1, 0], [0, 2]]);
/// ```
pub fn unique_inverse<A: SortElement, S: Data<Elem = A>>(a: &ArrayBase<S>) -> (Array<A>, Array<i64>) {
    let u = unique_with(a, &UniqueOptions::new().inverse().equal_nan(false)).expect("flattening cannot fail");
    (u.values, u.inverse.expect("asked for"))
}

/// The Array API's `unique_all(x)`: values, first-occurrence indices,
/// inverse indices (shaped like `x`) and counts (`equal_nan=False`).
///
/// ```
/// use numox::prelude::*;
/// let u = numox::unique_all(&array![1, 1, 2]);
/// assert_eq!(u.values, array![1, 2]);
/// assert_eq!(u.indices, array![0, 2]);
/// assert_eq!(u.inverse_indices, array![0, 0, 1]);
/// assert_eq!(u.counts, array![2, 1]);
/// ```
pub fn unique_all<A: SortElement, S: Data<Elem = A>>(a: &ArrayBase<S>) -> UniqueAll<A> {
    let u = unique_with(
        a,
        &UniqueOptions::new().index().inverse().counts().equal_nan(false),
    )
    .expect("flattening cannot fail");
    UniqueAll {
        values: u.values,
        indices: u.indices.expect("asked for"),
        inverse_indices: u.inverse.expect("asked for"),
        counts: u.counts.expect("asked for"),
    }
}
