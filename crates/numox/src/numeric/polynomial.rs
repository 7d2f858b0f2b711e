//! NumPy's classic polynomial functions (`numpy/lib/_polynomial_impl.py`):
//! `polyfit`, `polyval`, `polyder`, `polyint`, `roots` and `poly`.
//! Coefficients are ordered from the highest power down, as in NumPy.

use super::NumOps;
use super::function_base::vander;
use crate::array::{Array, ArrayBase, Data};
use crate::element::{Complex64, Element, Numeric, Scalar};
use crate::error::{Error, Result};

/// NumPy's `np.polyval(p, x)`: the polynomial with coefficients `p`
/// (highest power first) at every element of `x`, by Horner's rule
/// starting from zero (`y = y * x + p[i]`), as NumPy evaluates it.
///
/// Errors: `p` not 1-d.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::polyval(&array![3.0, 0.0, 1.0], &array![5.0, 1.0]).unwrap(), array![76.0, 4.0]);
/// assert_eq!(numox::polyval(&array![1, 2], &array![[2, 3]]).unwrap(), array![[4, 5]]);
/// ```
pub fn polyval<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    p: &ArrayBase<S1>,
    x: &ArrayBase<S2>,
) -> Result<Array<A>> {
    if p.ndim() != 1 {
        return Err(Error::invalid("polyval: p must be 1-d"));
    }
    let pv = p.to_vec();
    Ok(x.mapv(|xv| pv.iter().fold(A::zero(), |y, &c| y.nmul(xv).nadd(c))))
}

fn from_count<A: Element>(k: usize) -> A {
    A::from_scalar(Scalar::Int(k as i64))
}

/// NumPy's `np.polyder(p, m)`: the `m`-th derivative of the polynomial
/// with coefficients `p`. Each pass drops the constant term (a constant
/// gives an empty array).
///
/// Errors: `p` not 1-d.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::polyder(&array![1, 1, 1, 1], 1).unwrap(), array![3, 2, 1]);
/// assert_eq!(numox::polyder(&array![1.0, 1.0, 1.0, 1.0], 2).unwrap(), array![6.0, 2.0]);
/// ```
pub fn polyder<A: Numeric, S: Data<Elem = A>>(p: &ArrayBase<S>, m: usize) -> Result<Array<A>> {
    if p.ndim() != 1 {
        return Err(Error::invalid("polyder: p must be 1-d"));
    }
    let mut v = p.to_vec();
    for _ in 0..m {
        let n = v.len().saturating_sub(1);
        v = v[..n]
            .iter()
            .enumerate()
            .map(|(i, &c)| c.nmul(from_count(n - i)))
            .collect();
    }
    Ok(Array::from_vec(v))
}

/// NumPy's `np.polyint(p, m, k)`: the `m`-th antiderivative of the
/// polynomial `p`, with integration constants `k` (one per pass, the first
/// used first; a single constant is used for every pass; `None` is zeros).
///
/// Errors: `p` not 1-d; `k` of a length other than 1 or at least `m`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::polyint(&array![3.0, 2.0, 1.0], 1, None).unwrap(), array![1.0, 1.0, 1.0, 0.0]);
/// assert_eq!(numox::polyint(&array![2.0], 2, Some(&[1.0, 5.0])).unwrap(), array![1.0, 1.0, 5.0]);
/// ```
pub fn polyint<S: Data<Elem = f64>>(p: &ArrayBase<S>, m: usize, k: Option<&[f64]>) -> Result<Array<f64>> {
    if p.ndim() != 1 {
        return Err(Error::invalid("polyint: p must be 1-d"));
    }
    let ks: Vec<f64> = match k {
        None => vec![0.0; m],
        Some(k) if k.len() == 1 && m > 1 => vec![k[0]; m],
        Some(k) if k.len() >= m => k.to_vec(),
        Some(_) => {
            return Err(Error::invalid(
                "k must be a scalar or a rank-1 array of length 1 or >m.",
            ));
        }
    };
    let mut v = p.to_vec();
    for kc in ks.iter().take(m) {
        let n = v.len();
        let mut w: Vec<f64> = v.iter().enumerate().map(|(i, &c)| c / (n - i) as f64).collect();
        w.push(*kc);
        v = w;
    }
    Ok(Array::from_vec(v))
}

/// Whether [`polyfit`] returns a covariance matrix, and how it is scaled
/// (NumPy's `cov=False`, `cov=True`, `cov="unscaled"`).
///
/// ```
/// use numox::prelude::*;
/// use numox::PolyfitCov;
/// let r = numox::polyfit(&array![0.0, 1.0, 2.0], &array![1.0, 3.0, 5.0], 1, None, None, PolyfitCov::Unscaled).unwrap();
/// assert_eq!(r.cov.unwrap().shape(), &[2, 2]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PolyfitCov {
    /// No covariance (`cov=False`).
    #[default]
    No,
    /// Scaled by `residuals / (n - deg - 1)` (`cov=True`).
    Scaled,
    /// Unscaled (`cov="unscaled"`).
    Unscaled,
}

/// The result of [`polyfit`]: NumPy's `full=True` outputs plus the
/// covariance matrix when asked for.
///
/// ```
/// use numox::prelude::*;
/// let r = numox::polyfit(&array![0.0, 1.0, 2.0], &array![0.0, 1.0, 4.0], 2, None, None, numox::PolyfitCov::No).unwrap();
/// assert_eq!(r.rank, 3);
/// assert!(r.cov.is_none());
/// ```
#[derive(Clone, Debug)]
pub struct PolyfitResult {
    /// The coefficients, highest power first: `(deg+1,)`, or `(deg+1, k)` for a 2-d `y`.
    pub coef: Array<f64>,
    /// Sum of squared residuals per column of `y` (empty when the fit is rank-deficient or exact).
    pub residuals: Array<f64>,
    /// The rank of the scaled Vandermonde matrix.
    pub rank: usize,
    /// Its singular values.
    pub singular_values: Array<f64>,
    /// The `rcond` used.
    pub rcond: f64,
    /// The covariance matrix: `(deg+1, deg+1)`, or `(deg+1, deg+1, k)` for a 2-d `y`.
    pub cov: Option<Array<f64>>,
}

/// NumPy's `np.polyfit(x, y, deg, rcond, full, w, cov)`: the least-squares
/// polynomial of degree `deg` through `(x, y)` (`y` 1-d or one column per
/// data set), with optional weights `w` (applied to the residuals, as
/// NumPy's `w`), through [`lstsq`](crate::linalg::lstsq) on the column-scaled
/// Vandermonde matrix. `rcond` defaults to `len(x) * eps`.
///
/// Errors: `x` not 1-d or empty; `y` not 1-d/2-d or of another length;
/// `w` not 1-d of that length; `PolyfitCov::Scaled` with `len(x) <= deg + 1`.
///
/// ```
/// use numox::prelude::*;
/// let x = array![0.0, 1.0, 2.0, 3.0];
/// let y = array![1.0, 3.0, 5.0, 7.0];
/// let r = numox::polyfit(&x, &y, 1, None, None, numox::PolyfitCov::No).unwrap();
/// let c = r.coef.to_vec();
/// assert!((c[0] - 2.0).abs() < 1e-12 && (c[1] - 1.0).abs() < 1e-12);
/// ```
pub fn polyfit<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    x: &ArrayBase<S1>,
    y: &ArrayBase<S2>,
    deg: usize,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
    cov: PolyfitCov,
) -> Result<PolyfitResult> {
    let order = deg + 1;
    if x.ndim() != 1 {
        return Err(Error::invalid("expected 1D vector for x"));
    }
    if x.is_empty() {
        return Err(Error::invalid("expected non-empty vector for x"));
    }
    if y.ndim() < 1 || y.ndim() > 2 {
        return Err(Error::invalid("expected 1D or 2D array for y"));
    }
    let n = x.len();
    if y.shape()[0] != n {
        return Err(Error::invalid("expected x and y to have same length"));
    }
    let k = if y.ndim() == 2 { y.shape()[1] } else { 1 };
    let rcond = rcond.unwrap_or(n as f64 * f64::EPSILON);
    let mut lhs = vander(x, Some(order), false)?.into_vec();
    let mut rhs = y.to_vec();
    if let Some(w) = w {
        if w.ndim() != 1 {
            return Err(Error::invalid("expected a 1-d array for weights"));
        }
        if w.len() != n {
            return Err(Error::invalid("expected w and y to have the same length"));
        }
        let wv = w.to_vec();
        for i in 0..n {
            for j in 0..order {
                lhs[i * order + j] *= wv[i];
            }
            for j in 0..k {
                rhs[i * k + j] *= wv[i];
            }
        }
    }
    // Column norms, summed down the rows in order (NumPy's sum over axis 0).
    let mut scale = vec![0.0; order];
    for i in 0..n {
        for j in 0..order {
            let v = lhs[i * order + j];
            if i == 0 {
                scale[j] = v * v;
            } else {
                scale[j] += v * v;
            }
        }
    }
    scale.iter_mut().for_each(|s| *s = s.sqrt());
    for i in 0..n {
        for j in 0..order {
            lhs[i * order + j] /= scale[j];
        }
    }
    let lhs_a = Array::from_shape_vec(&[n, order], lhs)?;
    let rhs_a = Array::from_shape_vec(y.shape(), rhs)?;
    let ls = crate::linalg::lstsq(&lhs_a, &rhs_a, Some(rcond))?;
    let mut coef = ls.x;
    let cols = if y.ndim() == 2 { k } else { 1 };
    {
        let c = coef
            .as_slice_mut()
            .ok_or_else(|| Error::invalid("polyfit: internal layout"))?;
        for (i, v) in c.iter_mut().enumerate() {
            *v /= scale[i / cols];
        }
    }
    let covm = match cov {
        PolyfitCov::No => None,
        _ => {
            let lt = lhs_a.t();
            let g = crate::linalg::matmul(&lt, &lhs_a)?;
            let mut vb = crate::linalg::inv(&g)?;
            for i in 0..order {
                for j in 0..order {
                    if let Some(v) = vb.get_mut(&[i, j]) {
                        *v /= scale[i] * scale[j];
                    }
                }
            }
            let fac: Vec<f64> = if cov == PolyfitCov::Unscaled {
                vec![1.0; k]
            } else {
                if n <= order {
                    return Err(Error::invalid(
                        "the number of data points must exceed order to scale the covariance matrix",
                    ));
                }
                let r = ls.residuals.to_vec();
                if r.len() != k {
                    return Err(Error::invalid(format!(
                        "polyfit: residuals of shape ({},) do not broadcast with the covariance (rank-deficient fit)",
                        r.len()
                    )));
                }
                r.iter().map(|v| v / (n - order) as f64).collect()
            };
            let vbv = vb.into_vec();
            if y.ndim() == 1 {
                Some(Array::from_shape_vec(
                    &[order, order],
                    vbv.iter().map(|v| v * fac[0]).collect(),
                )?)
            } else {
                let mut out = Vec::with_capacity(order * order * k);
                for v in &vbv {
                    for f in &fac {
                        out.push(v * f);
                    }
                }
                Some(Array::from_shape_vec(&[order, order, k], out)?)
            }
        }
    };
    Ok(PolyfitResult {
        coef,
        residuals: ls.residuals,
        rank: ls.rank,
        singular_values: ls.s,
        rcond,
        cov: covm,
    })
}

fn to_c64<A: Element>(x: A) -> Result<Complex64> {
    Ok(match x.to_scalar() {
        Scalar::Bool(b) => Complex64::new(f64::from(u8::from(b)), 0.0),
        Scalar::Int(i) => Complex64::new(i as f64, 0.0),
        Scalar::UInt(u) => Complex64::new(u as f64, 0.0),
        Scalar::Float(f) => Complex64::new(f, 0.0),
        Scalar::Complex(z) => z,
    })
}

/// NumPy's `np.roots(p)`: the roots of the polynomial with coefficients
/// `p` (highest power first), as the eigenvalues of its companion matrix
/// (leading and trailing zeros handled as NumPy does: trailing zeros give
/// roots at 0). The order is that of the eigenvalue solver (NumPy's is
/// LAPACK's); compare sorted. All-zero or constant `p` gives no roots.
///
/// Errors: `p` not 1-d; NaN or inf among the coefficients (the eigenvalue
/// solver rejects them, as NumPy's `LinAlgError`).
///
/// ```
/// use numox::prelude::*;
/// let r = numox::roots(&array![1.0, -3.0, 2.0]).unwrap();
/// let mut re: Vec<f64> = r.iter().map(|z| z.re).collect();
/// re.sort_by(f64::total_cmp);
/// assert!((re[0] - 1.0).abs() < 1e-12 && (re[1] - 2.0).abs() < 1e-12);
/// assert_eq!(numox::roots(&array![0.0, 1.0, 0.0]).unwrap(), array![Complex64::new(0.0, 0.0)]);
/// ```
pub fn roots<A: Element, S: Data<Elem = A>>(p: &ArrayBase<S>) -> Result<Array<Complex64>> {
    if p.ndim() > 1 {
        return Err(Error::invalid("Input must be a rank-1 array."));
    }
    let pv: Vec<Complex64> = p.iter().map(|&v| to_c64(v)).collect::<Result<_>>()?;
    let nz: Vec<usize> = (0..pv.len())
        .filter(|&i| pv[i] != Complex64::new(0.0, 0.0))
        .collect();
    let (Some(&first), Some(&last)) = (nz.first(), nz.last()) else {
        return Ok(Array::from_vec(vec![]));
    };
    let trailing = pv.len() - last - 1;
    let q = &pv[first..=last];
    let n = q.len();
    let is_real = pv.iter().all(|z| z.im == 0.0);
    if q.iter().any(|z| !(z.re.is_finite() && z.im.is_finite())) {
        return Err(Error::invalid("Array must not contain infs or NaNs"));
    }
    let mut out: Vec<Complex64> = if n > 1 {
        let m = n - 1;
        if is_real {
            let mut a = vec![0.0; m * m];
            for j in 0..m {
                a[j] = -q[j + 1].re / q[0].re;
            }
            for i in 1..m {
                a[i * m + i - 1] = 1.0;
            }
            crate::linalg::eigvals(&Array::from_shape_vec(&[m, m], a)?)?.into_vec()
        } else {
            let mut a = vec![Complex64::new(0.0, 0.0); m * m];
            for j in 0..m {
                a[j] = -q[j + 1] / q[0];
            }
            for i in 1..m {
                a[i * m + i - 1] = Complex64::new(1.0, 0.0);
            }
            crate::linalg::eigvals(&Array::from_shape_vec(&[m, m], a)?)?.into_vec()
        }
    } else {
        Vec::new()
    };
    out.extend(std::iter::repeat_n(Complex64::new(0.0, 0.0), trailing));
    Ok(Array::from_vec(out))
}

/// NumPy's `np.poly(seq_of_zeros)`: the coefficients (highest power
/// first, leading 1) of the monic polynomial with the given roots (1-d),
/// or of the characteristic polynomial of a square matrix (2-d, through
/// its eigenvalues). When the roots come in conjugate pairs NumPy returns
/// the real part; here the imaginary parts are then set to exactly 0.
///
/// Errors: a 2-d input that is not square; more than 2 dimensions; a
/// matrix the eigenvalue solver rejects.
///
/// ```
/// use numox::prelude::*;
/// let c = numox::poly(&array![1.0, 2.0]).unwrap();
/// assert_eq!(c.iter().map(|z| z.re).collect::<Vec<_>>(), vec![1.0, -3.0, 2.0]);
/// let m = numox::poly(&array![[1.0, 0.0], [0.0, 2.0]]).unwrap();
/// assert_eq!(m.iter().map(|z| z.re).collect::<Vec<_>>(), vec![1.0, -3.0, 2.0]);
/// ```
pub fn poly<A: Element, S: Data<Elem = A>>(seq_of_zeros: &ArrayBase<S>) -> Result<Array<Complex64>> {
    let zs: Vec<Complex64> = match seq_of_zeros.ndim() {
        0 | 1 => seq_of_zeros.iter().map(|&v| to_c64(v)).collect::<Result<_>>()?,
        2 => {
            let s = seq_of_zeros.shape();
            if s[0] != s[1] {
                return Err(Error::invalid("input must be 1d or non-empty square 2d array."));
            }
            if s[0] == 0 {
                return Ok(Array::from_vec(vec![Complex64::new(1.0, 0.0)]));
            }
            let m: Vec<Complex64> = seq_of_zeros.iter().map(|&v| to_c64(v)).collect::<Result<_>>()?;
            if m.iter().all(|z| z.im == 0.0) {
                let re: Vec<f64> = m.iter().map(|z| z.re).collect();
                crate::linalg::eigvals(&Array::from_shape_vec(s, re)?)?.into_vec()
            } else {
                crate::linalg::eigvals(&Array::from_shape_vec(s, m)?)?.into_vec()
            }
        }
        _ => return Err(Error::invalid("input must be 1d or non-empty square 2d array.")),
    };
    if zs.is_empty() && seq_of_zeros.ndim() < 2 {
        // NumPy returns the scalar 1.0 for no roots.
        return Ok(Array::from_elem0(Complex64::new(1.0, 0.0)));
    }
    let mut a = vec![Complex64::new(1.0, 0.0)];
    for z in &zs {
        // a = convolve(a, [1, -z]): the new coefficient i is a[i] - z a[i-1].
        let mut b = Vec::with_capacity(a.len() + 1);
        for i in 0..=a.len() {
            let hi = if i < a.len() {
                a[i]
            } else {
                Complex64::new(0.0, 0.0)
            };
            let lo = if i > 0 {
                a[i - 1] * (-z)
            } else {
                Complex64::new(0.0, 0.0)
            };
            b.push(if i == 0 {
                hi
            } else if i == a.len() {
                lo
            } else {
                lo + hi
            });
        }
        a = b;
    }
    let mut sorted = zs.clone();
    let key = |z: &Complex64, w: &Complex64| z.re.total_cmp(&w.re).then(z.im.total_cmp(&w.im));
    sorted.sort_by(key);
    let mut conj: Vec<Complex64> = zs.iter().map(|z| z.conj()).collect();
    conj.sort_by(key);
    if sorted == conj {
        a.iter_mut().for_each(|z| z.im = 0.0);
    }
    Ok(Array::from_vec(a))
}
