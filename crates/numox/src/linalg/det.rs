//! Determinants: NumPy's `linalg.det` and `linalg.slogdet`, from the LU
//! factorisation (LAPACK's `getrf`) as NumPy computes them: the sign and the
//! sum of `log|u_ii|`, and `det = sign * exp(logabsdet)`.

use super::lu::Lu;
use super::scalar::{LinalgScalar, WorkScalar};
use super::small;
use super::solve::small_load;
use super::stack::{Sched, Stack, batch_parallel, inner_par, run1, run2};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use num_traits::One;

/// `(sign, log|det|)` from the diagonal of `U` and the permutation parity,
/// in the working type (`sign` is 0 and `log|det|` is `-inf` for a zero pivot).
fn sign_logdet<W: WorkScalar>(diag: impl Iterator<Item = W>, odd: bool) -> (W, f64) {
    let mut sign = if odd { -W::one() } else { W::one() };
    let mut logdet = 0.0f64;
    for d in diag {
        let a = d.abs_w();
        if a == 0.0 {
            return (W::zero(), f64::NEG_INFINITY);
        }
        sign *= d / W::from_f64_w(a);
        logdet += a.ln();
    }
    (sign, logdet)
}

/// `(sign, log|det|)` of matrix `k` of a square stack.
fn slogdet_one<T: LinalgScalar>(st: &Stack<'_, T>, k: usize, par: faer::Par) -> (T::Work, f64) {
    let n = st.m;
    if n <= small::MAX {
        let f = small::lu(small_load(st, k), n);
        sign_logdet((0..n).map(|i| f.a[i][i]), f.swaps % 2 == 1)
    } else {
        let lu = Lu::of_transpose(st, k, par);
        sign_logdet((0..n).map(|i| lu.f.at(i, i)), lu.transpositions % 2 == 1)
    }
}

fn plan(n: usize, count: usize) -> (Sched, faer::Par) {
    let nf = n as f64;
    let parallel = batch_parallel(count, 2.0 / 3.0 * nf * nf * nf).or_batch(n <= small::MAX && count >= 256);
    (parallel, inner_par(parallel))
}

/// The determinant of a square matrix or of each matrix of a stack (NumPy's
/// `linalg.det`). A singular matrix has determinant 0. Above order 4
/// NumPy's formula `sign * exp(logabsdet)` is used, so results round as
/// NumPy's; tiny matrices multiply their pivots.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::det;
/// let d: f64 = det(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap().into_scalar();
/// assert!((d + 2.0).abs() < 1e-14);
/// let stack = Array::from_shape_vec(&[2, 2, 2], vec![1.0f64, 0.0, 0.0, 1.0, 2.0, 0.0, 0.0, 2.0]).unwrap();
/// let ds = det(&stack).unwrap();
/// assert!((ds[[0]] - 1.0).abs() < 1e-15 && (ds[[1]] - 4.0).abs() < 1e-14);
/// assert_eq!(det(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap().into_scalar(), 0.0);
/// ```
pub fn det<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T>> {
    let st = Stack::new(a, "det")?.square("det")?;
    let (parallel, par) = plan(st.m, st.count());
    let n = st.m;
    let out = run1(st.count(), 1, parallel, |k, s: &mut [T]| {
        if n <= small::MAX {
            // Tiny matrices: the product of the pivots (exact where NumPy's
            // exp(sum log|u_ii|) rounds, within its rounding elsewhere).
            let f = small::lu(small_load(&st, k), n);
            let mut d = if f.swaps % 2 == 1 {
                -T::Work::one()
            } else {
                T::Work::one()
            };
            for i in 0..n {
                d *= f.a[i][i];
            }
            s[0] = T::from_work(d);
            return Ok(());
        }
        let (sign, logdet) = slogdet_one(&st, k, par);
        s[0] = T::from_work(sign * T::Work::from_f64_w(logdet.exp()));
        Ok(())
    })?;
    Array::from_shape_vec(&st.batch, out)
}

/// The sign and natural log of the absolute value of the determinant (NumPy's
/// `SlogdetResult`).
#[derive(Clone, Debug)]
pub struct SlogdetResult<T: LinalgScalar> {
    /// `±1` (real) or a unit-modulus complex number; 0 for a singular matrix.
    pub sign: Array<T>,
    /// `log|det|`; `-inf` for a singular matrix.
    pub logabsdet: Array<T::Real>,
}

/// The sign and log-absolute-value of the determinant of a square matrix or
/// stack (NumPy's `linalg.slogdet`), which does not overflow where `det`
/// would.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::slogdet;
/// let a = numox::identity::<f64>(400).unwrap().mapv(|x| x * 10.0); // det = 1e400 overflows f64
/// let r = slogdet(&a).unwrap();
/// assert_eq!(r.sign.into_scalar(), 1.0);
/// assert!((r.logabsdet.into_scalar() - 400.0 * 10f64.ln()).abs() < 1e-9);
/// ```
pub fn slogdet<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<SlogdetResult<T>> {
    let st = Stack::new(a, "slogdet")?.square("slogdet")?;
    let (parallel, par) = plan(st.m, st.count());
    let (sign, logdet) = run2(st.count(), 1, 1, parallel, |k, s: &mut [T], l: &mut [T::Real]| {
        let (sign, logdet) = slogdet_one(&st, k, par);
        s[0] = T::from_work(sign);
        l[0] = T::real_from_f64(logdet);
        Ok(())
    })?;
    Ok(SlogdetResult {
        sign: Array::from_shape_vec(&st.batch, sign)?,
        logabsdet: Array::from_shape_vec(&st.batch, logdet)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn det_of_permutations_and_complex() {
        // A permutation matrix of order 6 with an odd number of swaps: det = -1.
        let mut p = Array::<f64>::zeros(&[6, 6]);
        for (i, j) in [(0, 1), (1, 0), (2, 2), (3, 4), (4, 5), (5, 3)] {
            p[[i, j]] = 1.0;
        }
        let d = det(&p).unwrap().into_scalar();
        assert!((d + 1.0).abs() < 1e-15);
        let c = array![
            [Complex64::new(0.0, 1.0), Complex64::new(0.0, 0.0)],
            [Complex64::new(0.0, 0.0), Complex64::new(0.0, 1.0)]
        ];
        let dc = det(&c).unwrap().into_scalar();
        assert!((dc - Complex64::new(-1.0, 0.0)).norm() < 1e-15);
        let r = slogdet(&Array::<f32>::zeros(&[7, 7])).unwrap();
        assert_eq!(r.sign.into_scalar(), 0.0);
        assert_eq!(r.logabsdet.into_scalar(), f32::NEG_INFINITY);
        assert_eq!(det(&Array::<f64>::zeros(&[0, 0])).unwrap().into_scalar(), 1.0);
    }
}
