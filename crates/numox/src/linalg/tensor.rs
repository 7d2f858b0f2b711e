//! NumPy's tensor solvers and the array-API spellings of `numpy.linalg`:
//! [`tensorsolve`], [`tensorinv`], [`matrix_transpose`], [`diagonal`] and
//! [`cross`](fn@cross).
//!
//! `tensorsolve` and `tensorinv` reshape the tensor problem into one square
//! matrix problem and hand it to [`solve`] / [`inv`], exactly as NumPy does,
//! so a singular tensor is [`Error::Singular`] and a tensor whose shapes do
//! not make a square matrix is [`Error::InvalidArgument`].

use super::scalar::LinalgScalar;
use super::solve::{inv, solve};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::element::Numeric;
use crate::error::{Error, Result, normalize_axis};

/// NumPy's `np.linalg.tensorsolve(a, b, axes)`: the tensor `x` with
/// `tensordot(a, x, x.ndim) == b`.
///
/// `x` takes the trailing `a.ndim - b.ndim` axes of `a` (after the axes in
/// `axes`, if given, are moved to the end, as NumPy does); the product of
/// those axes must equal the product of the leading ones (`b`'s shape).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::tensorsolve;
/// // a: (2, 3, 6) is the identity on the 6 = 2*3 trailing elements.
/// let a = numox::eye::<f64>(6, None, 0).unwrap().into_shape(&[2, 3, 2, 3], Order::C).unwrap();
/// let b = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let x = tensorsolve(&a, &b, None).unwrap();
/// assert_eq!(x, b);
/// ```
pub fn tensorsolve<T: LinalgScalar, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    axes: Option<&[isize]>,
) -> Result<Array<T>> {
    let an = a.ndim();
    let mut view = a.view();
    if let Some(axes) = axes {
        let mut all: Vec<isize> = (0..an as isize).collect();
        for &k in axes {
            let kk = if k < 0 { k + an as isize } else { k };
            let pos = all.iter().position(|&x| x == kk).ok_or_else(|| {
                Error::invalid(format!(
                    "tensorsolve: axis {k} is out of range for a {an}-dimensional array or given twice"
                ))
            })?;
            all.remove(pos);
            all.push(kk);
        }
        view = view.permuted_axes(&all)?;
    }
    // NumPy: oldshape = a.shape[-(an - b.ndim):], which is the whole shape
    // when the ranks are equal.
    let keep = an.checked_sub(b.ndim()).ok_or_else(|| {
        Error::invalid(format!(
            "tensorsolve: b has {} dimensions, more than a's {an}",
            b.ndim()
        ))
    })?;
    let old: Vec<usize> = if keep == 0 {
        view.shape().to_vec()
    } else {
        view.shape()[an - keep..].to_vec()
    };
    let prod = old.iter().try_fold(1usize, |p, &d| p.checked_mul(d));
    let square_ok = prod.and_then(|p| p.checked_mul(p)) == Some(view.size());
    let prod = match (prod, square_ok) {
        (Some(p), true) => p,
        _ => {
            return Err(Error::invalid(format!(
                "tensorsolve: Input arrays must satisfy the requirement prod(a.shape[b.ndim:]) == \
                 prod(a.shape[:b.ndim]) (a has shape {:?}, b has shape {:?})",
                view.shape(),
                b.shape()
            )));
        }
    };
    let am = view.reshape(&[prod as isize, prod as isize])?;
    let bv = b.reshape(&[-1])?;
    if bv.view().size() != prod {
        return Err(Error::invalid(format!(
            "tensorsolve: b has {} elements but the solution has {prod}",
            bv.view().size()
        )));
    }
    let x = solve(&am.view(), &bv.view())?;
    let shape: Vec<isize> = old.iter().map(|&d| d as isize).collect();
    x.into_shape(&shape, crate::Order::C)
}

/// NumPy's `np.linalg.tensorinv(a, ind)`: the inverse of `a` with respect
/// to `tensordot(·, ·, ind)`; the result has shape
/// `a.shape[ind..] + a.shape[..ind]`. `ind` must be positive and the
/// products of the two groups of axes equal (a square matrix), as in NumPy.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::tensorinv;
/// let a = (numox::eye::<f64>(4, None, 0).unwrap() * 2.0).into_shape(&[4, 2, 2], Order::C).unwrap();
/// let ia = tensorinv(&a, 1).unwrap();
/// assert_eq!(ia.shape(), &[2, 2, 4]);
/// assert_eq!(ia[[1, 1, 3]], 0.5);
/// ```
pub fn tensorinv<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>, ind: usize) -> Result<Array<T>> {
    if ind == 0 {
        return Err(Error::invalid(
            "tensorinv: Invalid ind argument (must be positive).",
        ));
    }
    let shape = a.shape();
    if ind > shape.len() {
        return Err(Error::invalid(format!(
            "tensorinv: ind = {ind} exceeds the {} dimensions of a",
            shape.len()
        )));
    }
    let mut inv_shape: Vec<isize> = shape[ind..].iter().map(|&d| d as isize).collect();
    inv_shape.extend(shape[..ind].iter().map(|&d| d as isize));
    let prod = shape[ind..]
        .iter()
        .try_fold(1usize, |p, &d| p.checked_mul(d))
        .ok_or_else(|| Error::invalid("tensorinv: shape product overflows"))?;
    if prod == 0 || a.size() % prod != 0 {
        return Err(Error::invalid(format!(
            "tensorinv: cannot reshape an array of shape {shape:?} into ({prod}, -1)"
        )));
    }
    let m = a.reshape(&[prod as isize, -1])?;
    let im = inv(&m.view())?;
    im.into_shape(&inv_shape, crate::Order::C)
}

/// The array-API `np.linalg.matrix_transpose(x)` (NumPy's `x.mT`): a view
/// with the last two axes swapped. Fewer than two dimensions is an error.
///
/// ```
/// use numox::prelude::*;
/// let x = numox::arange(0.0, 12.0, 1.0).unwrap().into_shape(&[2, 2, 3], Order::C).unwrap();
/// let t = numox::linalg::matrix_transpose(&x).unwrap();
/// assert_eq!(t.shape(), &[2, 3, 2]);
/// assert_eq!(t[[1, 2, 0]], x[[1, 0, 2]]);
/// ```
pub fn matrix_transpose<A, S: Data<Elem = A>>(x: &ArrayBase<S>) -> Result<ArrayView<'_, A>> {
    if x.ndim() < 2 {
        return Err(Error::invalid(format!(
            "matrix_transpose: input must have at least 2 dimensions, got {}",
            x.ndim()
        )));
    }
    x.swapaxes(-2, -1)
}

/// The array-API `np.linalg.diagonal(x, offset)`: the `offset`-th
/// diagonal of each matrix in the stack (the last two axes), as a view.
/// Fewer than two dimensions is an error.
///
/// ```
/// use numox::prelude::*;
/// let x = array![[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
/// assert_eq!(numox::linalg::diagonal(&x, 0).unwrap(), array![[1, 4], [5, 8]]);
/// assert_eq!(numox::linalg::diagonal(&x, 1).unwrap(), array![[2], [6]]);
/// ```
pub fn diagonal<A, S: Data<Elem = A>>(x: &ArrayBase<S>, offset: isize) -> Result<ArrayView<'_, A>> {
    if x.ndim() < 2 {
        return Err(Error::invalid(format!(
            "diagonal: input must have at least 2 dimensions, got {}",
            x.ndim()
        )));
    }
    x.diagonal(offset, -2, -1)
}

/// NumPy's `np.linalg.cross(x1, x2, axis=-1)` (the array-API spelling):
/// the cross product of 3-vectors along `axis` of both operands, the
/// other axes broadcast. Unlike [`crate::cross`], 2-vectors are refused.
///
/// Errors: `axis` out of range for either operand, a vector length other
/// than 3, shapes that do not broadcast.
///
/// ```
/// use numox::prelude::*;
/// let c = numox::linalg::cross(&array![[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], &array![0.0, 1.0, 0.0], -1).unwrap();
/// assert_eq!(c, array![[0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]);
/// assert!(numox::linalg::cross(&array![1.0, 2.0], &array![3.0, 4.0], -1).is_err());
/// ```
pub fn cross<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    x1: &ArrayBase<S1>,
    x2: &ArrayBase<S2>,
    axis: isize,
) -> Result<Array<A>> {
    let a1 = normalize_axis(axis, x1.ndim())?;
    let a2 = normalize_axis(axis, x2.ndim())?;
    let (d1, d2) = (x1.shape()[a1], x2.shape()[a2]);
    if d1 != 3 || d2 != 3 {
        return Err(Error::invalid(format!(
            "linalg.cross: both input arrays must be (arrays of) 3-dimensional vectors, but they are {d1} and {d2} \
             dimensional instead"
        )));
    }
    crate::cross(x1, x2, axis, axis, axis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::{TensordotAxes, tensordot};

    fn lcg(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (s >> 11) as f64 / (1u64 << 53) as f64 - 0.5
            })
            .collect()
    }

    #[test]
    fn tensorsolve_inverts_tensordot() {
        // NumPy's docstring example shape: a (6, 4, 3, 2, 4) ... here (2,3,3,2).
        let a = Array::from_shape_vec(&[2, 3, 3, 2], lcg(36, 1)).unwrap();
        let b = Array::from_shape_vec(&[2, 3], lcg(6, 2)).unwrap();
        let x = tensorsolve(&a, &b, None).unwrap();
        assert_eq!(x.shape(), &[3, 2]);
        let back = tensordot(&a, &x, TensordotAxes::Count(2)).unwrap();
        for (g, w) in back.iter().zip(b.iter()) {
            // A random 6x6 system: residual a few ulps times the condition number.
            assert!((g - w).abs() < 1e-12, "{g} vs {w}");
        }
    }

    #[test]
    fn tensorsolve_axes_moves_axes_last() {
        let a = Array::from_shape_vec(&[3, 2, 2, 3], lcg(36, 3)).unwrap();
        let b = Array::from_shape_vec(&[2, 3], lcg(6, 4)).unwrap();
        // Moving axis 0 to the end gives shape (2, 2, 3, 3): x has shape (3, 3)?
        // No: after the move a is (2, 2, 3, 3) and x takes the trailing 2 axes (3, 3),
        // whose product 9 differs from b's 6 -> error.
        assert!(tensorsolve(&a, &b, Some(&[0])).is_err());
        // Moving axis 1 to the end: (3, 2, 3, 2); x is (3, 2).
        let x = tensorsolve(&a, &b, Some(&[1])).unwrap();
        assert_eq!(x.shape(), &[3, 2]);
        let moved = a.view().permuted_axes(&[0, 2, 3, 1]).unwrap();
        let back = tensordot(&moved, &x, TensordotAxes::Count(2)).unwrap();
        for (g, w) in back.iter().zip(b.iter()) {
            assert!((g - w).abs() < 1e-12, "{g} vs {w}");
        }
        assert!(tensorsolve(&a, &b, Some(&[7])).is_err());
    }

    #[test]
    fn tensorinv_is_an_inverse() {
        let a = Array::from_shape_vec(&[4, 6, 8, 3], lcg(576, 5)).unwrap();
        let ia = tensorinv(&a, 2).unwrap();
        assert_eq!(ia.shape(), &[8, 3, 4, 6]);
        let prod = tensordot(&a, &ia, TensordotAxes::Count(2)).unwrap();
        assert_eq!(prod.shape(), &[4, 6, 4, 6]);
        for ((i, j, k, l), v) in (0..4)
            .flat_map(|i| {
                (0..6).flat_map(move |j| (0..4).flat_map(move |k| (0..6).map(move |l| (i, j, k, l))))
            })
            .zip(prod.iter())
        {
            let want = if i == k && j == l { 1.0 } else { 0.0 };
            // 24x24 random matrix: cond ~ 1e2, so 1e-11 covers eps * cond * n.
            assert!((v - want).abs() < 1e-11, "{v} vs {want}");
        }
        assert!(tensorinv(&a, 0).is_err());
        assert!(tensorinv(&a, 5).is_err());
        let bad = Array::from_shape_vec(&[2, 3], lcg(6, 6)).unwrap();
        assert!(tensorinv(&bad, 1).is_err());
    }

    #[test]
    fn transpose_and_diagonal_need_two_dims() {
        let v = Array::from_vec(vec![1.0, 2.0]);
        assert!(matrix_transpose(&v).is_err());
        assert!(diagonal(&v, 0).is_err());
        let m = Array::from_shape_vec(&[2, 3], vec![1, 2, 3, 4, 5, 6]).unwrap();
        assert_eq!(matrix_transpose(&m).unwrap().to_owned(), m.t().to_owned());
        assert_eq!(diagonal(&m, -1).unwrap().to_vec(), vec![4]);
        assert_eq!(diagonal(&m, 5).unwrap().size(), 0);
    }
}
