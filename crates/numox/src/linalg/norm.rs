//! Norms and the quantities built on them: NumPy's `linalg.norm`,
//! `linalg.vector_norm`, `linalg.matrix_norm`, `linalg.cond` and
//! `linalg.matrix_rank`.
//!
//! Sums of squares and of absolute values accumulate in double precision
//! with pairwise summation (so `f32` norms are correctly rounded more often
//! than NumPy's, which accumulate in `f32`).

use super::scalar::LinalgScalar;
use crate::array::{Array, ArrayBase, Data};
use crate::element::RealNumeric;
use crate::error::{Error, Result, normalize_axis};
use num_traits::Float as _;

/// The order of a norm (NumPy's `ord`): a number, `±inf`, or one of the
/// matrix norms `'fro'` and `'nuc'`.
///
/// ```
/// use numox::linalg::NormOrd;
/// assert_eq!(NormOrd::from(f64::INFINITY), NormOrd::Inf);
/// assert_eq!(NormOrd::from(1), NormOrd::P(1.0));
/// assert_eq!("nuc".parse::<NormOrd>().unwrap(), NormOrd::Nuc);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// The Frobenius norm (`'fro'`), matrices only.
    Fro,
    /// The nuclear norm (`'nuc'`, the sum of singular values), matrices only.
    Nuc,
    /// `inf`.
    Inf,
    /// `-inf`.
    NegInf,
    /// Any other number (`0`, `1`, `-1`, `2`, `-2`, `0.5`, ...).
    P(f64),
}

impl From<f64> for NormOrd {
    fn from(p: f64) -> Self {
        if p == f64::INFINITY {
            NormOrd::Inf
        } else if p == f64::NEG_INFINITY {
            NormOrd::NegInf
        } else {
            NormOrd::P(p)
        }
    }
}

impl From<i32> for NormOrd {
    fn from(p: i32) -> Self {
        NormOrd::P(p as f64)
    }
}

impl std::str::FromStr for NormOrd {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "fro" | "f" => Ok(NormOrd::Fro),
            "nuc" => Ok(NormOrd::Nuc),
            "inf" => Ok(NormOrd::Inf),
            "-inf" => Ok(NormOrd::NegInf),
            _ => s
                .parse::<f64>()
                .map(NormOrd::from)
                .map_err(|_| Error::invalid(format!("Invalid norm order '{s}'"))),
        }
    }
}

/// Pairwise sum (blocks of 128 summed sequentially), NumPy's scheme.
fn pairwise(v: &[f64]) -> f64 {
    if v.len() <= 128 {
        return v.iter().sum();
    }
    let h = v.len() / 2;
    pairwise(&v[..h]) + pairwise(&v[h..])
}

/// `x` with the axes `axes` moved to the end, as a C-ordered copy, and the
/// shape of the remaining axes.
fn gather<T: LinalgScalar, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    axes: &[usize],
) -> Result<(Vec<T>, Vec<usize>, usize)> {
    let nd = x.ndim();
    let rest: Vec<usize> = (0..nd).filter(|i| !axes.contains(i)).collect();
    let perm: Vec<isize> = rest.iter().chain(axes).map(|&i| i as isize).collect();
    let v = x.view().permuted_axes(&perm)?;
    let inner: usize = axes.iter().map(|&i| x.shape()[i]).product();
    Ok((v.to_vec(), rest.iter().map(|&i| x.shape()[i]).collect(), inner))
}

/// The vector norm of `ord` of each `len`-long chunk.
fn vector_norms<T: LinalgScalar>(
    data: &[T],
    len: usize,
    outer: usize,
    ord: Option<NormOrd>,
) -> Result<Vec<T::Real>> {
    let mut out = Vec::with_capacity(outer);
    let mut buf = vec![0.0f64; len];
    for c in 0..outer {
        let chunk = &data[c * len..(c + 1) * len];
        for (b, &x) in buf.iter_mut().zip(chunk) {
            *b = x.abs().to_f64();
        }
        let v = match ord {
            None | Some(NormOrd::P(2.0)) => {
                for (b, &x) in buf.iter_mut().zip(chunk) {
                    *b = x.abs2().to_f64();
                }
                pairwise(&buf).sqrt()
            }
            Some(NormOrd::Inf) => buf.iter().fold(0.0, |m: f64, &x| {
                if x.is_nan() || m.is_nan() {
                    f64::NAN
                } else {
                    m.max(x)
                }
            }),
            Some(NormOrd::NegInf) => {
                if len == 0 {
                    return Err(Error::EmptyReduction { op: "minimum" });
                }
                buf.iter().fold(f64::INFINITY, |m: f64, &x| {
                    if x.is_nan() || m.is_nan() {
                        f64::NAN
                    } else {
                        m.min(x)
                    }
                })
            }
            Some(NormOrd::P(0.0)) => chunk.iter().filter(|x| !x.is_zero_value()).count() as f64,
            Some(NormOrd::P(1.0)) => pairwise(&buf),
            Some(NormOrd::P(p)) => {
                for b in buf.iter_mut() {
                    *b = b.powf(p);
                }
                pairwise(&buf).powf(1.0 / p)
            }
            Some(o @ (NormOrd::Fro | NormOrd::Nuc)) => {
                return Err(Error::invalid(format!("Invalid norm order '{o:?}' for vectors")));
            }
        };
        out.push(T::real_from_f64(v));
    }
    Ok(out)
}

/// The matrix norm of `ord` of each `r x c` chunk (C order).
fn matrix_norms<T: LinalgScalar>(
    data: &[T],
    r: usize,
    c: usize,
    outer: usize,
    ord: Option<NormOrd>,
) -> Result<Vec<T::Real>> {
    let len = r * c;
    match ord {
        Some(NormOrd::P(p)) if p == 2.0 || p == -2.0 => {
            let a = Array::from_shape_vec(&[outer, r, c], data.to_vec())?;
            if p == -2.0 && r.min(c) == 0 {
                return Err(Error::EmptyReduction { op: "minimum" });
            }
            let s = super::decomp::svdvals(&a)?;
            let k = r.min(c);
            let sv = s.to_vec();
            Ok((0..outer)
                .map(|o| {
                    let row = &sv[o * k..(o + 1) * k];
                    if p == 2.0 {
                        row.iter()
                            .copied()
                            .fold(T::real_from_f64(0.0), |m, x| if x > m { x } else { m })
                    } else {
                        row.iter()
                            .copied()
                            .fold(T::real_from_f64(f64::INFINITY), |m, x| if x < m { x } else { m })
                    }
                })
                .collect())
        }
        Some(NormOrd::Nuc) => {
            let a = Array::from_shape_vec(&[outer, r, c], data.to_vec())?;
            let s = super::decomp::svdvals(&a)?;
            let k = r.min(c);
            let sv = s.to_vec();
            Ok((0..outer)
                .map(|o| {
                    T::real_from_f64(pairwise(
                        &sv[o * k..(o + 1) * k]
                            .iter()
                            .map(|x| x.to_f64())
                            .collect::<Vec<_>>(),
                    ))
                })
                .collect())
        }
        None | Some(NormOrd::Fro) => vector_norms(data, len, outer, None),
        Some(o @ (NormOrd::P(_) | NormOrd::Inf | NormOrd::NegInf)) => {
            // 1 / -1: max / min over columns of the column sums of |x|;
            // inf / -inf: max / min over rows of the row sums.
            let (by_col, take_max) = match o {
                NormOrd::P(1.0) => (true, true),
                NormOrd::P(-1.0) => (true, false),
                NormOrd::Inf => (false, true),
                NormOrd::NegInf => (false, false),
                _ => return Err(Error::invalid("Invalid norm order for matrices.")),
            };
            let mut out = Vec::with_capacity(outer);
            for ch in 0..outer {
                let m = &data[ch * len..(ch + 1) * len];
                let sums: Vec<f64> = if by_col {
                    (0..c)
                        .map(|j| pairwise(&(0..r).map(|i| m[i * c + j].abs().to_f64()).collect::<Vec<_>>()))
                        .collect()
                } else {
                    (0..r)
                        .map(|i| {
                            pairwise(
                                &m[i * c..(i + 1) * c]
                                    .iter()
                                    .map(|x| x.abs().to_f64())
                                    .collect::<Vec<_>>(),
                            )
                        })
                        .collect()
                };
                let v = if take_max {
                    sums.iter().fold(0.0, |a: f64, &b| {
                        if a.is_nan() || b.is_nan() {
                            f64::NAN
                        } else {
                            a.max(b)
                        }
                    })
                } else {
                    if sums.is_empty() {
                        return Err(Error::EmptyReduction { op: "minimum" });
                    }
                    sums.iter().fold(f64::INFINITY, |a: f64, &b| {
                        if a.is_nan() || b.is_nan() {
                            f64::NAN
                        } else {
                            a.min(b)
                        }
                    })
                };
                out.push(T::real_from_f64(v));
            }
            Ok(out)
        }
    }
}

/// A matrix or vector norm (NumPy's `linalg.norm`).
///
/// * `axis = None`: with `ord = None` the 2-norm of the flattened array
///   (any rank); otherwise the vector norm of a 1-d array or the matrix norm
///   of a 2-d array (other ranks are an error).
/// * `axis = Some(&[k])`: vector norms along axis `k`: `ord` any number
///   (`0` counts nonzeros), `±inf`; `None` is 2.
/// * `axis = Some(&[r, c])`: matrix norms over the `(r, c)` planes: `Fro`
///   (default), `Nuc`, `±1` (column sums), `±inf` (row sums), `±2`
///   (largest / smallest singular value).
///
/// `keepdims` keeps the reduced axes with length 1. The result is real.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{norm, NormOrd};
/// let a = array![[1.0, -2.0], [3.0, 4.0]];
/// assert_eq!(norm(&a, None, None, false).unwrap().into_scalar(), 30f64.sqrt());
/// assert_eq!(norm(&a, Some(NormOrd::Inf), None, false).unwrap().into_scalar(), 7.0);
/// assert_eq!(norm(&a, Some(1.into()), Some(&[1]), false).unwrap(), array![3.0, 7.0]);
/// assert_eq!(norm(&a, Some(NormOrd::Fro), Some(&[0, 1]), true).unwrap().shape(), &[1, 1]);
/// ```
pub fn norm<T: LinalgScalar, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: Option<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<T::Real>> {
    let nd = x.ndim();
    let axes: Vec<usize> = match axis {
        None => {
            let flat = ord.is_none()
                || (ord == Some(NormOrd::Fro) && nd == 2)
                || (ord == Some(NormOrd::P(2.0)) && nd == 1);
            if flat {
                let data = x.to_vec();
                let v = vector_norms(&data, data.len(), 1, None)?;
                let shape = if keepdims { vec![1; nd] } else { vec![] };
                return Array::from_shape_vec(&shape, v);
            }
            (0..nd).collect()
        }
        Some(ax) => ax
            .iter()
            .map(|&a| normalize_axis(a, nd))
            .collect::<Result<Vec<_>>>()?,
    };
    let (data, rest, inner) = gather(x, &axes)?;
    let outer: usize = rest.iter().product();
    let vals = match axes.len() {
        1 => vector_norms(&data, inner, outer, ord)?,
        2 => {
            if axes[0] == axes[1] {
                return Err(Error::invalid("Duplicate axes given."));
            }
            let (r, c) = (x.shape()[axes[0]], x.shape()[axes[1]]);
            matrix_norms(&data, r, c, outer, ord)?
        }
        _ => return Err(Error::invalid("Improper number of dimensions to norm.")),
    };
    let shape: Vec<usize> = if keepdims {
        (0..nd)
            .map(|i| if axes.contains(&i) { 1 } else { x.shape()[i] })
            .collect()
    } else {
        rest
    };
    Array::from_shape_vec(&shape, vals)
}

/// NumPy 2's `linalg.vector_norm`: the vector norm of `ord` over `axis`
/// (`None`: all elements; several axes are flattened together), any rank.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{vector_norm, NormOrd};
/// let a = Array::from_shape_vec(&[2, 2, 2], vec![1.0; 8]).unwrap();
/// assert_eq!(vector_norm(&a, NormOrd::P(2.0), None, false).unwrap().into_scalar(), 8f64.sqrt());
/// assert_eq!(vector_norm(&a, NormOrd::P(1.0), Some(&[0, 2]), false).unwrap(), array![4.0, 4.0]);
/// ```
pub fn vector_norm<T: LinalgScalar, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: NormOrd,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<T::Real>> {
    let nd = x.ndim();
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(ax) => ax
            .iter()
            .map(|&a| normalize_axis(a, nd))
            .collect::<Result<Vec<_>>>()?,
    };
    if ord == NormOrd::Fro || ord == NormOrd::Nuc {
        return Err(Error::invalid(format!(
            "Invalid norm order '{ord:?}' for vectors"
        )));
    }
    let (data, rest, inner) = gather(x, &axes)?;
    let outer: usize = rest.iter().product();
    let vals = vector_norms(&data, inner, outer, Some(ord))?;
    let shape: Vec<usize> = if keepdims {
        (0..nd)
            .map(|i| if axes.contains(&i) { 1 } else { x.shape()[i] })
            .collect()
    } else {
        rest
    };
    Array::from_shape_vec(&shape, vals)
}

/// NumPy 2's `linalg.matrix_norm`: the matrix norm of `ord` over the last
/// two axes of a matrix or stack (`norm(x, ord, axis=(-2, -1))`).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{matrix_norm, NormOrd};
/// let a = array![[3.0, 0.0], [0.0, 4.0]];
/// assert_eq!(matrix_norm(&a, NormOrd::Nuc, false).unwrap().into_scalar(), 7.0);
/// assert_eq!(matrix_norm(&a, NormOrd::P(-2.0), false).unwrap().into_scalar(), 3.0);
/// ```
pub fn matrix_norm<T: LinalgScalar, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: NormOrd,
    keepdims: bool,
) -> Result<Array<T::Real>> {
    if x.ndim() < 2 {
        return Err(super::stack::need_2d("matrix_norm", x.ndim()));
    }
    norm(x, Some(ord), Some(&[-2, -1]), keepdims)
}

/// The condition number of a matrix or stack in the norm `p` (NumPy's
/// `linalg.cond`): `None` or `2` is `s_max / s_min`, `-2` is
/// `s_min / s_max` (singular values), and every other matrix norm is
/// `norm(a, p) * norm(inv(a), p)` (square matrices). A singular matrix has
/// condition number `inf` (unless its entries are NaN).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{cond, NormOrd};
/// let a = array![[1.0f64, 0.0], [0.0, 100.0]];
/// assert!((cond(&a, None).unwrap().into_scalar() - 100.0).abs() < 1e-12);
/// assert!((cond(&a, Some(NormOrd::Fro)).unwrap().into_scalar() - 100.01).abs() < 1e-9);
/// assert_eq!(cond(&array![[1.0, 1.0], [1.0, 1.0]], Some(NormOrd::P(1.0))).unwrap().into_scalar(), f64::INFINITY);
/// ```
pub fn cond<T: LinalgScalar, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    p: Option<NormOrd>,
) -> Result<Array<T::Real>> {
    let nd = x.ndim();
    if nd < 2 {
        return Err(super::stack::need_2d("cond", nd));
    }
    if x.size() == 0 && x.shape()[nd - 2] * x.shape()[nd - 1] == 0 {
        return Err(Error::invalid("cond is not defined on empty arrays"));
    }
    let batch: Vec<usize> = x.shape()[..nd - 2].to_vec();
    let count: usize = batch.iter().product();
    let r: Vec<T::Real> = match p {
        None | Some(NormOrd::P(2.0)) | Some(NormOrd::P(-2.0)) => {
            let s = super::decomp::svdvals(x)?;
            let k = s.shape()[s.ndim() - 1];
            let sv = s.to_vec();
            (0..count)
                .map(|o| {
                    let (s0, sl) = (sv[o * k], sv[o * k + k - 1]);
                    if p == Some(NormOrd::P(-2.0)) {
                        sl / s0
                    } else {
                        s0 / sl
                    }
                })
                .collect()
        }
        Some(p) => {
            let st = super::stack::Stack::new(x, "cond")?.square("cond")?;
            let n = st.m;
            // inv with errors ignored: a singular matrix's inverse is all NaN.
            let invx = match super::solve::inv(x) {
                Ok(v) => v,
                Err(Error::Singular) => {
                    let mut all = Vec::with_capacity(count * n * n);
                    let xc = x
                        .to_owned()
                        .into_shape(&[count as isize, n as isize, n as isize], crate::Order::C)?;
                    for k in 0..count {
                        let m = xc.index_axis(0, k as isize)?;
                        match super::solve::inv(&m) {
                            Ok(v) => all.extend(v.into_vec()),
                            Err(_) => all.extend(std::iter::repeat_n(nan::<T>(), n * n)),
                        }
                    }
                    Array::from_shape_vec(x.shape(), all)?
                }
                Err(e) => return Err(e),
            };
            let a = norm(x, Some(p), Some(&[-2, -1]), false)?;
            let b = norm(&invx, Some(p), Some(&[-2, -1]), false)?;
            a.to_vec()
                .into_iter()
                .zip(b.to_vec())
                .map(|(u, v)| u * v)
                .collect()
        }
    };
    // NaN from a singular matrix becomes inf unless the matrix holds NaN.
    let xd = x.to_owned();
    let per = x.shape()[nd - 2] * x.shape()[nd - 1];
    let xs = xd.as_slice().expect("C order");
    let r: Vec<T::Real> = r
        .into_iter()
        .enumerate()
        .map(|(o, v)| {
            if v.is_nan()
                && !xs[o * per..(o + 1) * per]
                    .iter()
                    .any(|z| z.re().is_nan() || z.im().is_nan())
            {
                T::real_from_f64(f64::INFINITY)
            } else {
                v
            }
        })
        .collect();
    Array::from_shape_vec(&batch, r)
}

fn nan<T: LinalgScalar>() -> T {
    T::from_real(T::real_from_f64(f64::NAN))
}

/// The rank of a matrix or stack (NumPy's `linalg.matrix_rank`): the number
/// of singular values above `tol`. With `tol = None` the threshold is
/// `rtol * s_max`, `rtol` defaulting to `max(m, n) * eps` (of the result's
/// real type, as NumPy). `hermitian = true` takes the singular values from
/// `|eigvalsh|`. Arrays of fewer than 2 dimensions have rank 1 unless all
/// zero. Setting both `tol` and `rtol` is an error.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::matrix_rank;
/// let a = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 0.0]];
/// assert_eq!(matrix_rank(&a, None, false, None).unwrap().into_scalar(), 2);
/// assert_eq!(matrix_rank(&numox::identity::<f64>(4).unwrap(), None, false, None).unwrap().into_scalar(), 4);
/// ```
pub fn matrix_rank<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    tol: Option<f64>,
    hermitian: bool,
    rtol: Option<f64>,
) -> Result<Array<i64>> {
    if tol.is_some() && rtol.is_some() {
        return Err(Error::invalid("`tol` and `rtol` can't be both set."));
    }
    let nd = a.ndim();
    if nd < 2 {
        let mut any = false;
        a.for_each(|x| any |= !x.is_zero_value());
        return Ok(Array::from_elem0(any as i64));
    }
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let batch: Vec<usize> = a.shape()[..nd - 2].to_vec();
    let count: usize = batch.iter().product();
    let s: Vec<f64> = if hermitian {
        super::decomp::eigvalsh(a, super::decomp::Uplo::L)?
            .to_vec()
            .into_iter()
            .map(|x| x.to_f64().abs())
            .collect()
    } else {
        super::decomp::svdvals(a)?
            .to_vec()
            .into_iter()
            .map(|x| x.to_f64())
            .collect()
    };
    let k = if hermitian { m } else { m.min(n) };
    let out: Vec<i64> = (0..count)
        .map(|o| {
            let row = &s[o * k..(o + 1) * k];
            let thr = match tol {
                Some(t) => t,
                None => {
                    let rt = rtol.unwrap_or(m.max(n) as f64 * T::eps().to_f64());
                    row.iter().fold(0.0f64, |a, &b| a.max(b)) * rt
                }
            };
            row.iter().filter(|&&v| v > thr).count() as i64
        })
        .collect();
    Array::from_shape_vec(&batch, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn vector_orders() {
        let v = array![3.0, -4.0, 0.0];
        let n = |o: NormOrd| -> f64 { norm(&v, Some(o), None, false).unwrap().into_scalar() };
        assert_eq!(n(NormOrd::P(2.0)), 5.0);
        assert_eq!(n(NormOrd::P(1.0)), 7.0);
        assert_eq!(n(NormOrd::P(0.0)), 2.0);
        assert_eq!(n(NormOrd::Inf), 4.0);
        assert_eq!(n(NormOrd::NegInf), 0.0);
        assert!((n(NormOrd::P(3.0)) - 91f64.cbrt()).abs() < 1e-14);
        assert!(norm(&v, Some(NormOrd::Fro), None, false).is_err());
        assert!(
            norm(
                &Array::<f64>::zeros(&[2, 2, 2]),
                Some(NormOrd::P(1.0)),
                None,
                false
            )
            .is_err()
        );
        let c = array![Complex32::new(3.0, 4.0)];
        assert_eq!(norm(&c, None, None, false).unwrap().into_scalar(), 5.0f32);
    }

    #[test]
    fn matrix_orders_and_rank() {
        let a = array![[1.0f64, -2.0], [3.0, 4.0]];
        let n = |o: NormOrd| -> f64 { norm(&a, Some(o), None, false).unwrap().into_scalar() };
        assert_eq!(n(NormOrd::P(1.0)), 6.0);
        assert_eq!(n(NormOrd::P(-1.0)), 4.0);
        assert_eq!(n(NormOrd::Inf), 7.0);
        assert_eq!(n(NormOrd::NegInf), 3.0);
        let s = super::super::decomp::svdvals(&a).unwrap();
        assert_eq!(n(NormOrd::P(2.0)), s[[0]]);
        assert_eq!(n(NormOrd::P(-2.0)), s[[1]]);
        assert!((n(NormOrd::Nuc) - (s[[0]] + s[[1]])).abs() < 1e-14);
        assert!(norm(&a, Some(NormOrd::P(3.0)), None, false).is_err());
        assert!(norm(&a, None, Some(&[0, 0]), false).is_err());
        assert_eq!(
            matrix_rank(&array![0.0, 0.0], None, false, None)
                .unwrap()
                .into_scalar(),
            0
        );
        assert!(matrix_rank(&a, Some(1.0), false, Some(1.0)).is_err());
        let h = matrix_rank(&array![[1.0, 1.0], [1.0, 1.0]], None, true, None).unwrap();
        assert_eq!(h.into_scalar(), 1);
        assert!(cond(&Array::<f64>::zeros(&[0, 0]), None).is_err());
    }
}
