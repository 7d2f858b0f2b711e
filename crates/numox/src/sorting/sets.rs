//! NumPy's set routines on 1-d (flattened) arrays: `union1d`,
//! `intersect1d`, `setdiff1d`, `setxor1d` and `isin`. Membership is
//! NumPy's `==`: `-0.0` equals `0.0`, NaN equals nothing.

use super::element::SortElement;
use super::radix::{argsort_slice, sort_slice};
use super::unique::{UniqueOptions, unique, unique_with};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;

/// The flattened elements of `a` and `b` one after the other.
fn concat<A: Copy, S1: Data<Elem = A>, S2: Data<Elem = A>>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Vec<A> {
    let mut v = a.to_vec();
    v.extend(b.iter().copied());
    v
}

/// NumPy's `np.union1d(a, b)`: the sorted unique elements of both arrays
/// (flattened; NaNs collapse to one, as in `np.unique`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::union1d(&array![-1, 0, 1], &array![[-2], [0], [2]]), array![-2, -1, 0, 1, 2]);
/// ```
pub fn union1d<A: SortElement, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Array<A> {
    unique(&Array::from_vec(concat(a, b)))
}

/// The unique values of `a` (flattened) and their first indices, or `a`
/// itself and `0..n` when the caller vouches that it is unique.
fn unique_or_raw<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    assume_unique: bool,
) -> Result<(Vec<A>, Vec<i64>)> {
    if assume_unique {
        let v = a.to_vec();
        let idx = (0..v.len() as i64).collect();
        Ok((v, idx))
    } else {
        let u = unique_with(a, &UniqueOptions::new().index())?;
        Ok((u.values.into_vec(), u.indices.expect("asked for").into_vec()))
    }
}

/// The common values and, for each, its index in `a` and in `b`.
fn intersect_impl<A, S1, S2>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    assume_unique: bool,
) -> Result<(Vec<A>, Vec<i64>, Vec<i64>)>
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let (u1, i1) = unique_or_raw(a, assume_unique)?;
    let (u2, i2) = unique_or_raw(b, assume_unique)?;
    let n1 = u1.len();
    let mut aux = u1;
    aux.extend_from_slice(&u2);
    let mut perm = vec![0i64; aux.len()];
    argsort_slice(&aux, &mut perm);
    let (mut vals, mut x1, mut x2) = (Vec::new(), Vec::new(), Vec::new());
    for w in perm.windows(2) {
        let (p, q) = (w[0] as usize, w[1] as usize);
        if aux[p].np_eq(&aux[q]) {
            vals.push(aux[p]);
            x1.push(i1[p]);
            x2.push(i2[q - n1]);
        }
    }
    Ok((vals, x1, x2))
}

/// NumPy's `np.intersect1d(a, b, assume_unique)`: the sorted values in both
/// arrays (flattened). With `assume_unique` the inputs are taken as
/// already unique (faster; wrong answers if they are not, as in NumPy).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::intersect1d(&array![1, 3, 4, 3], &array![3, 1, 2, 1], false), array![1, 3]);
/// ```
pub fn intersect1d<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, assume_unique: bool) -> Array<A>
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let (v, _, _) = intersect_impl(a, b, assume_unique).expect("flattening cannot fail");
    Array::from_vec(v)
}

/// NumPy's `np.intersect1d(a, b, assume_unique, return_indices=True)`: the
/// common values and the index of each in the flattened `a` and `b` (the
/// first occurrence unless `assume_unique`).
///
/// ```
/// use numox::prelude::*;
/// let (v, ia, ib) = numox::intersect1d_indices(&array![1, 1, 2, 3, 4], &array![2, 1, 4, 6], false);
/// assert_eq!((v, ia, ib), (array![1, 2, 4], array![0, 2, 4], array![1, 0, 2]));
/// ```
pub fn intersect1d_indices<A, S1, S2>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    assume_unique: bool,
) -> (Array<A>, Array<i64>, Array<i64>)
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let (v, x1, x2) = intersect_impl(a, b, assume_unique).expect("flattening cannot fail");
    (Array::from_vec(v), Array::from_vec(x1), Array::from_vec(x2))
}

/// `true` for each of `x` found (by NumPy's `==`) in the sorted `t`.
fn member<A: SortElement>(t: &[A], x: &A) -> bool {
    let i = t.partition_point(|y| y.np_cmp(x).is_lt());
    i < t.len() && t[i].np_eq(x)
}

/// NumPy's `np.isin(element, test_elements, assume_unique, invert)`: for
/// each element, whether it equals (`==`) one of `test_elements`; shaped
/// like `element`. `invert` negates the answer (faster than `!` after).
/// `assume_unique` is accepted for NumPy compatibility; the answer does not
/// depend on it here.
///
/// ```
/// use numox::prelude::*;
/// let e = array![[0.0, 2.0], [f64::NAN, -0.0]];
/// let t = array![4.0, 0.0, f64::NAN];
/// assert_eq!(numox::isin(&e, &t, false, false), array![[true, false], [false, true]]);
/// assert_eq!(numox::isin(&e, &t, false, true), array![[false, true], [true, false]]);
/// ```
pub fn isin<A, S1, S2>(
    element: &ArrayBase<S1>,
    test_elements: &ArrayBase<S2>,
    assume_unique: bool,
    invert: bool,
) -> Array<bool>
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let _ = assume_unique;
    let mut t = test_elements.to_vec();
    sort_slice(&mut t);
    element.map(|x| member(&t, x) != invert)
}

/// NumPy's `np.setdiff1d(a, b, assume_unique)`: the unique values of `a`
/// not in `b` (sorted; with `assume_unique`, `a`'s elements in `a`'s order).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::setdiff1d(&array![1, 2, 3, 2, 4, 1], &array![3, 4, 5, 6], false), array![1, 2]);
/// ```
pub fn setdiff1d<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, assume_unique: bool) -> Array<A>
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let a1 = if assume_unique {
        a.to_vec()
    } else {
        unique(a).into_vec()
    };
    let mut t = b.to_vec();
    sort_slice(&mut t);
    Array::from_vec(a1.into_iter().filter(|x| !member(&t, x)).collect())
}

/// NumPy's `np.setxor1d(a, b, assume_unique)`: the sorted values in exactly
/// one of the arrays. NaN never equals NaN here, so a NaN from each side
/// both appear (as in NumPy).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::setxor1d(&array![1, 2, 3, 2, 4], &array![2, 3, 5, 7, 5], false), array![1, 4, 5, 7]);
/// ```
pub fn setxor1d<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, assume_unique: bool) -> Array<A>
where
    A: SortElement,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let mut aux = if assume_unique {
        concat(a, b)
    } else {
        let mut v = unique(a).into_vec();
        v.extend(unique(b).into_vec());
        v
    };
    sort_slice(&mut aux);
    let n = aux.len();
    let differs = |j: usize| j == 0 || j == n || !aux[j].np_eq(&aux[j - 1]);
    let out: Vec<A> = (0..n)
        .filter(|&j| differs(j) && differs(j + 1))
        .map(|j| aux[j])
        .collect();
    Array::from_vec(out)
}
