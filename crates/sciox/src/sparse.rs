//! Sparse matrices and linear operators: the small part of `scipy.sparse`
//! and `scipy.sparse.linalg` that solvers taking an `A` "by its products"
//! need.
//!
//! [`LinearOperator`] is SciPy's `scipy.sparse.linalg.LinearOperator`
//! reduced to what the solvers call (`shape`, `matvec`, `rmatvec`);
//! [`CsrMatrix`] is a compressed-sparse-row matrix as SciPy's `csr_array`
//! (built from triplets as SciPy's `coo -> csr` conversion does), and
//! [`FnOperator`] wraps two closures, as `LinearOperator(shape, matvec,
//! rmatvec)` does. They live in their own `sparse` module (not inside
//! `optimize`) because that is where a SciPy user looks for them and
//! because they are not specific to least squares; today their user is
//! [`lsq_linear_operator`](crate::optimize::lsq_linear_operator).
//!
//! ```
//! use sciox::sparse::{CsrMatrix, LinearOperator};
//! // [[1, 0, 2], [0, 3, 0]]
//! let a = CsrMatrix::from_triplets(2, 3, &[0, 0, 1], &[0, 2, 1], &[1.0, 2.0, 3.0]).unwrap();
//! let mut y = [0.0; 2];
//! a.matvec(&[1.0, 1.0, 1.0], &mut y);
//! assert_eq!(y, [3.0, 3.0]);
//! ```

use crate::{Error, Result};

/// A real m×n linear map given by its products `A x` and `A^T y`
/// (SciPy's `scipy.sparse.linalg.LinearOperator`, real case).
///
/// `matvec` and `rmatvec` overwrite their output. Callers pass slices of
/// the lengths `shape()` implies (`x`: n, `y`: m for `matvec`; the other
/// way round for `rmatvec`); implementations may panic otherwise.
///
/// ```
/// use sciox::sparse::LinearOperator;
/// // the 2×2 operator x -> (2 x0, 3 x1)
/// struct Diag;
/// impl LinearOperator for Diag {
///     fn shape(&self) -> (usize, usize) {
///         (2, 2)
///     }
///     fn matvec(&self, x: &[f64], y: &mut [f64]) {
///         y[0] = 2.0 * x[0];
///         y[1] = 3.0 * x[1];
///     }
///     fn rmatvec(&self, x: &[f64], y: &mut [f64]) {
///         self.matvec(x, y)
///     }
/// }
/// let mut y = [0.0; 2];
/// Diag.rmatvec(&[1.0, 1.0], &mut y);
/// assert_eq!((Diag.shape(), y), ((2, 2), [2.0, 3.0]));
/// ```
pub trait LinearOperator {
    /// `(m, n)`: `A` maps length-n vectors to length-m vectors.
    ///
    /// ```
    /// use sciox::sparse::{CsrMatrix, LinearOperator};
    /// let a = CsrMatrix::from_triplets(4, 3, &[], &[], &[]).unwrap();
    /// assert_eq!(a.shape(), (4, 3));
    /// ```
    fn shape(&self) -> (usize, usize);

    /// `y = A x` (`x`: length n, `y`: length m).
    ///
    /// ```
    /// use sciox::sparse::{CsrMatrix, LinearOperator};
    /// let a = CsrMatrix::from_triplets(1, 2, &[0, 0], &[0, 1], &[1.0, -1.0]).unwrap();
    /// let mut y = [0.0];
    /// a.matvec(&[5.0, 2.0], &mut y);
    /// assert_eq!(y, [3.0]);
    /// ```
    fn matvec(&self, x: &[f64], y: &mut [f64]);

    /// `y = A^T x` (`x`: length m, `y`: length n).
    ///
    /// ```
    /// use sciox::sparse::{CsrMatrix, LinearOperator};
    /// let a = CsrMatrix::from_triplets(1, 2, &[0, 0], &[0, 1], &[1.0, -1.0]).unwrap();
    /// let mut y = [0.0; 2];
    /// a.rmatvec(&[2.0], &mut y);
    /// assert_eq!(y, [2.0, -2.0]);
    /// ```
    fn rmatvec(&self, x: &[f64], y: &mut [f64]);
}

/// A compressed-sparse-row matrix (SciPy's `csr_array` in canonical form:
/// column indices sorted within each row, no duplicates).
///
/// Products run over the stored entries in SciPy's order (`csr_matvec`
/// row by row; `A^T y` as SciPy's `csc_matvec` of the transpose, a
/// scatter row by row), so they round as SciPy's do.
///
/// ```
/// use sciox::sparse::CsrMatrix;
/// let a = CsrMatrix::from_triplets(2, 2, &[1, 0, 1], &[1, 0, 1], &[1.0, 4.0, 2.0]).unwrap();
/// assert_eq!(a.nnz(), 2); // the two (1, 1) entries were summed
/// assert_eq!(a.to_dense(), vec![4.0, 0.0, 0.0, 3.0]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CsrMatrix {
    nrows: usize,
    ncols: usize,
    indptr: Vec<usize>,
    indices: Vec<usize>,
    data: Vec<f64>,
}

impl CsrMatrix {
    /// The m×n matrix with `vals[k]` at `(rows[k], cols[k])`; entries at
    /// the same position are summed, as SciPy's
    /// `csr_array((vals, (rows, cols)), shape=(m, n))` does (explicit
    /// zeros are kept, as there).
    ///
    /// Errors: the three slices of different lengths, a row index `>= m`
    /// or a column index `>= n` (SciPy's messages).
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(2, 3, &[0, 1, 0], &[2, 0, 2], &[1.0, 5.0, 0.5]).unwrap();
    /// assert_eq!(a.to_dense(), vec![0.0, 0.0, 1.5, 5.0, 0.0, 0.0]);
    /// assert!(CsrMatrix::from_triplets(2, 3, &[2], &[0], &[1.0]).is_err());
    /// assert!(CsrMatrix::from_triplets(2, 3, &[0], &[0], &[]).is_err());
    /// ```
    pub fn from_triplets(m: usize, n: usize, rows: &[usize], cols: &[usize], vals: &[f64]) -> Result<Self> {
        if rows.len() != cols.len() || rows.len() != vals.len() {
            return Err(Error::invalid(
                "row, column, and data array must all be the same length",
            ));
        }
        if rows.iter().any(|&r| r >= m) {
            return Err(Error::invalid("row index exceeds matrix dimensions"));
        }
        if cols.iter().any(|&c| c >= n) {
            return Err(Error::invalid("column index exceeds matrix dimensions"));
        }
        // bucket by row (input order kept), then sort each row by column
        // (stably) and sum runs of equal columns
        let mut count = vec![0usize; m + 1];
        for &r in rows {
            count[r + 1] += 1;
        }
        for i in 0..m {
            count[i + 1] += count[i];
        }
        let mut next = count.clone();
        let mut order = vec![0usize; rows.len()];
        for (k, &r) in rows.iter().enumerate() {
            order[next[r]] = k;
            next[r] += 1;
        }
        let mut indptr = Vec::with_capacity(m + 1);
        let mut indices = Vec::with_capacity(rows.len());
        let mut data = Vec::with_capacity(rows.len());
        indptr.push(0);
        for i in 0..m {
            let row = &mut order[count[i]..count[i + 1]];
            row.sort_by_key(|&k| cols[k]);
            for &k in row.iter() {
                if indices.len() > indptr[i] && indices.last() == Some(&cols[k]) {
                    *data.last_mut().expect("an entry was pushed") += vals[k];
                } else {
                    indices.push(cols[k]);
                    data.push(vals[k]);
                }
            }
            indptr.push(indices.len());
        }
        Ok(CsrMatrix {
            nrows: m,
            ncols: n,
            indptr,
            indices,
            data,
        })
    }

    /// The nonzero entries of the row-major m×n `a` (SciPy's
    /// `csr_array(a)`: exact zeros are not stored).
    ///
    /// Errors: `a.len() != m * n`.
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_dense(2, 2, &[0.0, 1.0, 2.0, 0.0]).unwrap();
    /// assert_eq!((a.nnz(), a.to_dense()), (2, vec![0.0, 1.0, 2.0, 0.0]));
    /// assert!(CsrMatrix::from_dense(2, 2, &[1.0]).is_err());
    /// ```
    pub fn from_dense(m: usize, n: usize, a: &[f64]) -> Result<Self> {
        if m.checked_mul(n) != Some(a.len()) {
            return Err(Error::invalid(format!(
                "`a` has {} entries, not m x n = {m} x {n}.",
                a.len()
            )));
        }
        let mut indptr = Vec::with_capacity(m + 1);
        let (mut indices, mut data) = (Vec::new(), Vec::new());
        indptr.push(0);
        for i in 0..m {
            for j in 0..n {
                let v = a[i * n + j];
                if v != 0.0 {
                    indices.push(j);
                    data.push(v);
                }
            }
            indptr.push(indices.len());
        }
        Ok(CsrMatrix {
            nrows: m,
            ncols: n,
            indptr,
            indices,
            data,
        })
    }

    /// The number of stored entries (SciPy's `nnz`).
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(3, 3, &[0, 2], &[1, 1], &[1.0, 0.0]).unwrap();
    /// assert_eq!(a.nnz(), 2); // an explicit zero counts
    /// ```
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// Row pointers (length m + 1): row `i`'s entries are
    /// `indptr[i]..indptr[i + 1]` of [`indices`](Self::indices) and
    /// [`data`](Self::data).
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(2, 2, &[1, 1], &[1, 0], &[1.0, 2.0]).unwrap();
    /// assert_eq!((a.indptr(), a.indices(), a.data()), (&[0, 0, 2][..], &[0, 1][..], &[2.0, 1.0][..]));
    /// ```
    pub fn indptr(&self) -> &[usize] {
        &self.indptr
    }

    /// Column indices of the stored entries, sorted within each row.
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(1, 3, &[0, 0], &[2, 0], &[1.0, 2.0]).unwrap();
    /// assert_eq!(a.indices(), &[0, 2]);
    /// ```
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    /// Values of the stored entries.
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(1, 3, &[0, 0], &[2, 0], &[1.0, 2.0]).unwrap();
    /// assert_eq!(a.data(), &[2.0, 1.0]);
    /// ```
    pub fn data(&self) -> &[f64] {
        &self.data
    }

    /// The row-major dense m×n matrix.
    ///
    /// ```
    /// use sciox::sparse::CsrMatrix;
    /// let a = CsrMatrix::from_triplets(2, 1, &[1], &[0], &[7.0]).unwrap();
    /// assert_eq!(a.to_dense(), vec![0.0, 7.0]);
    /// ```
    pub fn to_dense(&self) -> Vec<f64> {
        let mut out = vec![0.0; self.nrows * self.ncols];
        for i in 0..self.nrows {
            for jj in self.indptr[i]..self.indptr[i + 1] {
                out[i * self.ncols + self.indices[jj]] += self.data[jj];
            }
        }
        out
    }
}

impl LinearOperator for CsrMatrix {
    fn shape(&self) -> (usize, usize) {
        (self.nrows, self.ncols)
    }

    fn matvec(&self, x: &[f64], y: &mut [f64]) {
        assert!(
            x.len() == self.ncols && y.len() == self.nrows,
            "matvec: lengths {}, {} for a {}x{} matrix",
            x.len(),
            y.len(),
            self.nrows,
            self.ncols
        );
        // SciPy's csr_matvec: one running sum per row, from 0
        for (i, yi) in y.iter_mut().enumerate() {
            let mut s = 0.0;
            for jj in self.indptr[i]..self.indptr[i + 1] {
                s += self.data[jj] * x[self.indices[jj]];
            }
            *yi = s;
        }
    }

    fn rmatvec(&self, x: &[f64], y: &mut [f64]) {
        assert!(
            x.len() == self.nrows && y.len() == self.ncols,
            "rmatvec: lengths {}, {} for a {}x{} matrix",
            x.len(),
            y.len(),
            self.nrows,
            self.ncols
        );
        // SciPy's `A.T @ x`: csc_matvec of the transpose, a scatter row by row
        y.fill(0.0);
        for (i, xi) in x.iter().enumerate() {
            for jj in self.indptr[i]..self.indptr[i + 1] {
                y[self.indices[jj]] += self.data[jj] * xi;
            }
        }
    }
}

/// A [`LinearOperator`] from two closures, as SciPy's
/// `LinearOperator((m, n), matvec=..., rmatvec=...)`.
///
/// ```
/// use sciox::sparse::{FnOperator, LinearOperator};
/// // the 1×2 operator x -> x0 + x1
/// let op = FnOperator::new(
///     1,
///     2,
///     |x: &[f64], y: &mut [f64]| y[0] = x[0] + x[1],
///     |x: &[f64], y: &mut [f64]| y.fill(x[0]),
/// );
/// let mut y = [0.0; 2];
/// op.rmatvec(&[3.0], &mut y);
/// assert_eq!((op.shape(), y), ((1, 2), [3.0, 3.0]));
/// ```
pub struct FnOperator<F, G> {
    m: usize,
    n: usize,
    matvec: F,
    rmatvec: G,
}

impl<F, G> FnOperator<F, G>
where
    F: Fn(&[f64], &mut [f64]),
    G: Fn(&[f64], &mut [f64]),
{
    /// The m×n operator with `matvec(x, y)`: `y = A x` and
    /// `rmatvec(x, y)`: `y = A^T x` (each overwriting `y`).
    ///
    /// ```
    /// use sciox::sparse::{FnOperator, LinearOperator};
    /// let twice = FnOperator::new(
    ///     2,
    ///     2,
    ///     |x: &[f64], y: &mut [f64]| y.iter_mut().zip(x).for_each(|(o, v)| *o = 2.0 * v),
    ///     |x: &[f64], y: &mut [f64]| y.iter_mut().zip(x).for_each(|(o, v)| *o = 2.0 * v),
    /// );
    /// let mut y = [0.0; 2];
    /// twice.matvec(&[1.0, -1.0], &mut y);
    /// assert_eq!(y, [2.0, -2.0]);
    /// ```
    pub fn new(m: usize, n: usize, matvec: F, rmatvec: G) -> Self {
        FnOperator {
            m,
            n,
            matvec,
            rmatvec,
        }
    }
}

impl<F, G> LinearOperator for FnOperator<F, G>
where
    F: Fn(&[f64], &mut [f64]),
    G: Fn(&[f64], &mut [f64]),
{
    fn shape(&self) -> (usize, usize) {
        (self.m, self.n)
    }

    fn matvec(&self, x: &[f64], y: &mut [f64]) {
        (self.matvec)(x, y)
    }

    fn rmatvec(&self, x: &[f64], y: &mut [f64]) {
        (self.rmatvec)(x, y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dense_mv(a: &[f64], m: usize, n: usize, x: &[f64]) -> Vec<f64> {
        (0..m)
            .map(|i| (0..n).map(|j| a[i * n + j] * x[j]).sum())
            .collect()
    }

    fn dense_rmv(a: &[f64], m: usize, n: usize, x: &[f64]) -> Vec<f64> {
        (0..n)
            .map(|j| (0..m).map(|i| a[i * n + j] * x[i]).sum())
            .collect()
    }

    #[test]
    fn duplicates_are_summed_and_rows_sorted() {
        let a = CsrMatrix::from_triplets(
            3,
            4,
            &[2, 0, 2, 0, 2, 1],
            &[3, 1, 0, 1, 3, 2],
            &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        )
        .unwrap();
        assert_eq!(a.indptr(), &[0, 1, 2, 4]);
        assert_eq!(a.indices(), &[1, 2, 0, 3]);
        assert_eq!(a.data(), &[6.0, 6.0, 3.0, 6.0]);
        assert_eq!(
            a.to_dense(),
            vec![0.0, 6.0, 0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 3.0, 0.0, 0.0, 6.0]
        );
        // duplicates cancelling to zero stay stored, as in SciPy
        let z = CsrMatrix::from_triplets(1, 1, &[0, 0], &[0, 0], &[1.0, -1.0]).unwrap();
        assert_eq!((z.nnz(), z.data()), (1, &[0.0][..]));
    }

    #[test]
    fn products_match_dense() {
        // a 7×5 matrix with about half the entries set, exact small integers
        // in the entries and x so both orders of summation are exact
        let (m, n) = (7, 5);
        let dense: Vec<f64> = (0..m * n)
            .map(|k| {
                if (k * 7 + 3) % 5 < 3 {
                    ((k % 9) as f64) - 4.0
                } else {
                    0.0
                }
            })
            .collect();
        let a = CsrMatrix::from_dense(m, n, &dense).unwrap();
        assert_eq!(a.to_dense(), dense);
        let (rows, cols, vals): (Vec<usize>, Vec<usize>, Vec<f64>) = (0..m * n)
            .rev()
            .filter(|&k| dense[k] != 0.0)
            .map(|k| (k / n, k % n, dense[k]))
            .fold((vec![], vec![], vec![]), |(mut r, mut c, mut v), (i, j, x)| {
                r.push(i);
                c.push(j);
                v.push(x);
                (r, c, v)
            });
        let b = CsrMatrix::from_triplets(m, n, &rows, &cols, &vals).unwrap();
        assert_eq!(a, b);
        let x: Vec<f64> = (0..n).map(|j| j as f64 - 1.5).collect();
        let y: Vec<f64> = (0..m).map(|i| 0.5 * i as f64 - 2.0).collect();
        let mut out = vec![f64::NAN; m];
        a.matvec(&x, &mut out);
        assert_eq!(out, dense_mv(&dense, m, n, &x));
        let mut out = vec![f64::NAN; n];
        a.rmatvec(&y, &mut out);
        assert_eq!(out, dense_rmv(&dense, m, n, &y));
    }

    #[test]
    fn errors() {
        let e = CsrMatrix::from_triplets(2, 2, &[0, 1], &[0], &[1.0, 2.0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "row, column, and data array must all be the same length"
        );
        let e = CsrMatrix::from_triplets(2, 2, &[0, 2], &[0, 0], &[1.0, 2.0]).unwrap_err();
        assert_eq!(e.to_string(), "row index exceeds matrix dimensions");
        let e = CsrMatrix::from_triplets(2, 2, &[0, 1], &[0, 5], &[1.0, 2.0]).unwrap_err();
        assert_eq!(e.to_string(), "column index exceeds matrix dimensions");
        assert!(CsrMatrix::from_dense(2, 3, &[0.0; 5]).is_err());
        // empty shapes are fine
        let a = CsrMatrix::from_triplets(0, 3, &[], &[], &[]).unwrap();
        let mut y = [1.0; 3];
        a.rmatvec(&[], &mut y);
        assert_eq!(y, [0.0; 3]);
    }

    #[test]
    fn fn_operator_forwards() {
        let op = FnOperator::new(
            2,
            1,
            |x: &[f64], y: &mut [f64]| {
                y[0] = x[0];
                y[1] = -x[0];
            },
            |x: &[f64], y: &mut [f64]| y[0] = x[0] - x[1],
        );
        let mut y = [0.0; 2];
        op.matvec(&[2.0], &mut y);
        assert_eq!((op.shape(), y), ((2, 1), [2.0, -2.0]));
        let mut z = [0.0];
        op.rmatvec(&[1.0, 3.0], &mut z);
        assert_eq!(z, [-2.0]);
    }
}
