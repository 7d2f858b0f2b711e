//! Matrices: NumPy's `eye`, `identity`, `diag`, `diagflat`, `tri`, `tril`
//! and `triu`.

use crate::array::copy::{try_from_elem, try_to_owned, try_to_vec};
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::{Array, ArrayBase, Data};
use crate::element::{Element, Scalar};
use crate::error::{Error, Result};

/// The value 1 of any element type (`true` for `bool`).
fn one<A: Element>() -> A {
    A::from_scalar(Scalar::Int(1))
}

/// The flat positions `(row, col)` of the `k`-th diagonal of an `n x m`
/// matrix: `k > 0` above the main diagonal, `k < 0` below. Returns the first
/// row, first column and the length.
fn diag_span(n: usize, m: usize, k: isize) -> (usize, usize, usize) {
    if k >= 0 {
        let k = k as usize;
        if k >= m {
            return (0, 0, 0);
        }
        (0, k, n.min(m - k))
    } else {
        let k = k.unsigned_abs();
        if k >= n {
            return (0, 0, 0);
        }
        (k, 0, (n - k).min(m))
    }
}

/// An `n x m` matrix with ones on the `k`-th diagonal and zeros elsewhere
/// (NumPy's `np.eye(N, M, k)`; `m = None` means square). `k > 0` is above
/// the main diagonal.
///
/// ```
/// use numox::prelude::*;
/// let e = numox::eye::<f64>(2, Some(3), 1).unwrap();
/// assert_eq!(e, array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);
/// assert_eq!(numox::eye::<bool>(2, None, 0).unwrap(), array![[true, false], [false, true]]);
/// ```
pub fn eye<A: Element>(n: usize, m: Option<usize>, k: isize) -> Result<Array<A>> {
    let m = m.unwrap_or(n);
    let mut a = try_from_elem::<A>(&[n, m], A::default())?;
    let (r0, c0, len) = diag_span(n, m, k);
    if let Some(s) = a.as_slice_mut() {
        for i in 0..len {
            s[(r0 + i) * m + c0 + i] = one();
        }
    }
    Ok(a)
}

/// The `n x n` identity matrix (NumPy's `np.identity`).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::identity::<i32>(2).unwrap(), array![[1, 0], [0, 1]]);
/// ```
pub fn identity<A: Element>(n: usize) -> Result<Array<A>> {
    eye(n, None, 0)
}

/// Extracts a diagonal or builds a diagonal matrix (NumPy's `np.diag(v, k)`):
/// a 1-d `v` gives the square matrix with `v` on the `k`-th diagonal; a 2-d
/// `v` gives a copy of its `k`-th diagonal (empty when `k` is outside the
/// matrix). Other dimensions are an error.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::diag(&array![1, 2], 0).unwrap(), array![[1, 0], [0, 2]]);
/// assert_eq!(numox::diag(&array![1, 2], -1).unwrap(), array![[0, 0, 0], [1, 0, 0], [0, 2, 0]]);
/// let m = array![[1, 2, 3], [4, 5, 6]];
/// assert_eq!(numox::diag(&m, 1).unwrap(), array![2, 6]);
/// assert_eq!(numox::diag(&m, -1).unwrap(), array![4]);
/// ```
pub fn diag<A: Element, S: Data<Elem = A>>(v: &ArrayBase<S>, k: isize) -> Result<Array<A>> {
    match v.ndim() {
        1 => {
            let vals = try_to_vec(v)?;
            let n = vals.len() + k.unsigned_abs();
            let mut out = try_from_elem::<A>(&[n, n], A::default())?;
            let (r0, c0, _) = diag_span(n, n, k);
            let s = out.as_slice_mut().expect("a new array is contiguous");
            for (i, x) in vals.into_iter().enumerate() {
                s[(r0 + i) * n + c0 + i] = x;
            }
            Ok(out)
        }
        2 => {
            let (n, m) = (v.shape()[0], v.shape()[1]);
            let (r0, c0, len) = diag_span(n, m, k);
            let out: Vec<A> = (0..len)
                .map(|i| *v.get(&[r0 + i, c0 + i]).expect("diagonal index is in bounds"))
                .collect();
            Ok(Array::from_vec(out))
        }
        d => Err(Error::invalid(format!(
            "diag: input must be 1- or 2-d, got {d}-d"
        ))),
    }
}

/// A 2-d array with the flattened input on the `k`-th diagonal (NumPy's
/// `np.diagflat`).
///
/// ```
/// use numox::prelude::*;
/// let d = numox::diagflat(&array![[1, 2], [3, 4]], 0).unwrap();
/// assert_eq!(d.shape(), &[4, 4]);
/// assert_eq!(d[[2, 2]], 3);
/// ```
pub fn diagflat<A: Element, S: Data<Elem = A>>(v: &ArrayBase<S>, k: isize) -> Result<Array<A>> {
    diag(&Array::from_vec(try_to_vec(v)?), k)
}

/// An `n x m` array with ones at and below the `k`-th diagonal and zeros
/// above it (NumPy's `np.tri(N, M, k)`; `m = None` means square).
///
/// ```
/// use numox::prelude::*;
/// let t = numox::tri::<i32>(3, Some(4), 0).unwrap();
/// assert_eq!(t, array![[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0]]);
/// ```
pub fn tri<A: Element>(n: usize, m: Option<usize>, k: isize) -> Result<Array<A>> {
    let m = m.unwrap_or(n);
    let mut a = try_from_elem::<A>(&[n, m], A::default())?;
    let s = a.as_slice_mut().expect("a new array is contiguous");
    for i in 0..n {
        // Row i has ones in columns 0..=i+k (clipped to 0..m).
        let end = (i as i128 + k as i128 + 1).clamp(0, m as i128) as usize;
        for x in &mut s[i * m..i * m + end] {
            *x = one();
        }
    }
    Ok(a)
}

/// Shared body of `tril` and `triu`: keeps element `[.., i, j]` when
/// `keep(j - i)`, zeroes it otherwise.
fn tri_mask<A: Element, S: Data<Elem = A>>(
    m: &ArrayBase<S>,
    op: &str,
    keep: impl Fn(i128) -> bool,
) -> Result<Array<A>> {
    let nd = m.ndim();
    if nd == 0 {
        return Err(Error::invalid(format!("{op}: input must be at least 1-d")));
    }
    // NumPy applies a mask of shape m.shape[-2:]; a 1-d input broadcasts
    // against an (n, n) mask and the result is 2-d.
    let (shape, src): (Shape, _) = if nd == 1 {
        let n = m.shape()[0];
        let s: Shape = Shape::from_slice(&[n, n]);
        let b = m.broadcast(&s)?;
        (s, b)
    } else {
        (Shape::from_slice(m.shape()), m.view())
    };
    checked_size_bytes::<A>(&shape)?;
    let mut out = try_to_owned(&src)?;
    let nd = shape.len();
    let (rows, cols) = (shape[nd - 2], shape[nd - 1]);
    if let Some(s) = out.as_slice_mut()
        && rows * cols > 0
    {
        for plane in s.chunks_exact_mut(rows * cols) {
            for i in 0..rows {
                for j in 0..cols {
                    if !keep(j as i128 - i as i128) {
                        plane[i * cols + j] = A::default();
                    }
                }
            }
        }
    }
    Ok(out)
}

/// The lower triangle: a copy with the elements above the `k`-th diagonal
/// set to zero (NumPy's `np.tril(m, k)`), applied to the last two axes of a
/// stack of matrices. As in NumPy, a 1-d input of length `n` is treated as
/// the rows of an `n x n` matrix.
///
/// ```
/// use numox::prelude::*;
/// let m = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
/// assert_eq!(numox::tril(&m, 0).unwrap(), array![[1, 0, 0], [4, 5, 0], [7, 8, 9]]);
/// assert_eq!(numox::tril(&m, -1).unwrap(), array![[0, 0, 0], [4, 0, 0], [7, 8, 0]]);
/// ```
pub fn tril<A: Element, S: Data<Elem = A>>(m: &ArrayBase<S>, k: isize) -> Result<Array<A>> {
    tri_mask(m, "tril", |d| d <= k as i128)
}

/// The upper triangle: a copy with the elements below the `k`-th diagonal
/// set to zero (NumPy's `np.triu(m, k)`); see [`tril`].
///
/// ```
/// use numox::prelude::*;
/// let m = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
/// assert_eq!(numox::triu(&m, 1).unwrap(), array![[0, 2, 3], [0, 0, 6], [0, 0, 0]]);
/// ```
pub fn triu<A: Element, S: Data<Elem = A>>(m: &ArrayBase<S>, k: isize) -> Result<Array<A>> {
    tri_mask(m, "triu", |d| d >= k as i128)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn diagonals_out_of_range_are_empty() {
        assert_eq!(eye::<i32>(2, Some(3), 5).unwrap(), Array::zeros(&[2, 3]));
        assert_eq!(eye::<i32>(2, Some(3), -5).unwrap(), Array::zeros(&[2, 3]));
        assert_eq!(diag(&array![[1, 2], [3, 4]], 3).unwrap().size(), 0);
        assert_eq!(tri::<u8>(2, Some(2), -3).unwrap(), Array::zeros(&[2, 2]));
        assert_eq!(tri::<u8>(2, Some(2), 9).unwrap(), Array::ones(&[2, 2]));
    }

    #[test]
    fn tril_of_stacks_and_1d() {
        let a = Array::from_shape_vec(&[2, 2, 2], (1..=8).collect()).unwrap();
        let t = triu(&a, 0).unwrap();
        assert_eq!(t.to_vec(), vec![1, 2, 0, 4, 5, 6, 0, 8]);
        let v = tril(&array![1, 2, 3], 0).unwrap();
        assert_eq!(v, array![[1, 0, 0], [1, 2, 0], [1, 2, 3]]);
        assert!(tril(&Array::from_elem0(1), 0).is_err());
    }
}
