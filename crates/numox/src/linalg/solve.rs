//! Linear systems and inverses: NumPy's `linalg.solve`, `linalg.inv`,
//! `linalg.pinv` and `linalg.lstsq`.

use super::faer_bridge::{ColMat, load, store_c};
use super::lu::Lu;
use super::scalar::{LinalgScalar, WorkScalar};
use super::small;
use super::stack::{Stack, batch_parallel, broadcast_batches, inner_par, out_shape, run1};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result};
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::householder;
use faer::linalg::lu::partial_pivoting as pp;
use faer::{Accum, Conj, Par};
use num_traits::{One, Zero};

/// Solves `a x = b` for `x` (NumPy's `linalg.solve`, LAPACK's `gesv`: LU
/// with partial pivoting).
///
/// `a` is a square matrix or a stack `(..., m, m)`. `b` is a vector `(m,)`
/// (only when it is exactly 1-d, as in NumPy 2) or a stack of matrices
/// `(..., m, k)`; leading dimensions broadcast. The result has `b`'s core
/// shape. A singular `a` (an exactly zero pivot) is [`Error::Singular`];
/// NaN or infinite entries are an error too, as in NumPy.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::solve;
/// let a = array![[1.0f64, 2.0], [3.0, 5.0]];
/// let x = solve(&a, &array![1.0, 2.0]).unwrap();
/// assert!((x[[0]] + 1.0).abs() < 1e-15 && (x[[1]] - 1.0).abs() < 1e-15);
/// assert!(matches!(solve(&array![[1.0, 2.0], [2.0, 4.0]], &array![1.0, 1.0]), Err(Error::Singular)));
/// ```
pub fn solve<T: LinalgScalar, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<T>> {
    let sa = Stack::new(a, "solve")?.square("solve")?;
    let vector = b.ndim() == 1;
    let sb = if vector {
        Stack::vectors(b, "solve", true)?
    } else {
        Stack::new(b, "solve")?
    };
    let n = sa.m;
    if sb.m != n {
        return Err(Error::invalid(format!(
            "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \
             (m,m),(m,n)->(m,n) (size {} is different from {n})",
            sb.m
        )));
    }
    check_finite("solve", a)?;
    check_finite("solve", b)?;
    let batch = broadcast_batches("solve", &sa.batch, &sb.batch)?;
    let (sa, sb) = (sa.broadcast(&batch), sb.broadcast(&batch));
    let nrhs = sb.n;
    let count: usize = batch.iter().product();
    let shape = if vector {
        out_shape(&batch, &[n])
    } else {
        out_shape(&batch, &[n, nrhs])
    };
    crate::array::shape::checked_size(&shape)?;
    if n == 0 || nrhs == 0 {
        return Array::from_shape_vec(&shape, vec![T::zero(); count * n * nrhs]);
    }
    if n <= small::MAX {
        let out = run1(count, n * nrhs, count >= 256, |k, slot: &mut [T]| {
            let f = small::lu(small_load(&sa, k), n);
            if f.singular {
                return Err(Error::Singular);
            }
            let mut rhs = [T::Work::zero(); small::MAX];
            let bp = sb.ptr(k);
            for c in 0..nrhs {
                for (i, r) in rhs.iter_mut().enumerate().take(n) {
                    // SAFETY: (i, c) is inside rhs matrix k.
                    *r = unsafe { *bp.offset(i as isize * sb.rs + c as isize * sb.cs) }.to_work();
                }
                let x = f.solve(&rhs);
                for i in 0..n {
                    slot[i * nrhs + c] = T::from_work(x[i]);
                }
            }
            Ok(())
        })?;
        return Array::from_shape_vec(&shape, out);
    }
    let nf = n as f64;
    let parallel = batch_parallel(count, nf * nf * (nf + nrhs as f64));
    let par = inner_par(parallel);
    let out = run1(count, n * nrhs, parallel, |k, slot: &mut [T]| {
        let lu = Lu::of_transpose(&sa, k, par);
        if lu.singular() {
            return Err(Error::Singular);
        }
        // SAFETY: matrix k of the rhs stack is n x nrhs.
        let mut x = unsafe { load::<T>(sb.ptr(k), n, nrhs, sb.rs, sb.cs) };
        let mut buf = MemBuffer::new(pp::solve::solve_transpose_in_place_scratch::<usize, T::Work>(
            n, nrhs, par,
        ));
        pp::solve::solve_transpose_in_place(
            lu.f.as_ref(),
            lu.f.as_ref(),
            lu.perm(),
            x.as_mut(),
            par,
            MemStack::new(&mut buf),
        );
        store_c(x.as_ref(), slot);
        Ok(())
    })?;
    Array::from_shape_vec(&shape, out)
}

/// NumPy raises `LinAlgError` for NaN or infinite entries in `solve` and
/// `inv` (the invalid-operation flag LAPACK raises on them); so does numox.
fn check_finite<T: LinalgScalar, S: Data<Elem = T>>(op: &str, a: &ArrayBase<S>) -> Result<()> {
    let mut ok = true;
    a.for_each(|x| ok &= x.is_finite_value());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "{op}: array must not contain infs or NaNs"
        )))
    }
}

/// Matrix `k` of a tiny square stack in the working type.
#[inline]
pub(crate) fn small_load<T: LinalgScalar>(st: &Stack<'_, T>, k: usize) -> small::Small<T::Work> {
    let mut m = [[T::Work::zero(); small::MAX]; small::MAX];
    let p = st.ptr(k);
    for (i, row) in m.iter_mut().enumerate().take(st.m) {
        for (j, x) in row.iter_mut().enumerate().take(st.n) {
            // SAFETY: (i, j) is inside matrix k of the stack.
            *x = unsafe { *p.offset(i as isize * st.rs + j as isize * st.cs) }.to_work();
        }
    }
    m
}

/// The inverse of a square matrix or of each matrix of a stack (NumPy's
/// `linalg.inv`: LU with partial pivoting). A singular matrix (an exactly
/// zero pivot) is [`Error::Singular`]; a nearly singular one gives large
/// entries, as in NumPy.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::inv;
/// let a = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let ai = inv(&a).unwrap();
/// let want = [-2.0, 1.0, 1.5, -0.5];
/// assert!(ai.iter().zip(want).all(|(x, y)| (x - y).abs() < 1e-15));
/// assert!(matches!(inv(&Array::<f64>::zeros(&[2, 2])), Err(Error::Singular)));
/// ```
pub fn inv<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T>> {
    let st = Stack::new(a, "inv")?.square("inv")?;
    check_finite("inv", a)?;
    let n = st.m;
    let count = st.count();
    let shape = out_shape(&st.batch, &[n, n]);
    if n == 0 {
        return Array::from_shape_vec(&shape, vec![]);
    }
    if n <= small::MAX {
        let out = run1(count, n * n, count >= 256, |k, slot: &mut [T]| {
            let f = small::lu(small_load(&st, k), n);
            if f.singular {
                return Err(Error::Singular);
            }
            let mut e = [T::Work::zero(); small::MAX];
            for c in 0..n {
                e[c] = T::Work::one();
                let x = f.solve(&e);
                e[c] = T::Work::zero();
                for i in 0..n {
                    slot[i * n + c] = T::from_work(x[i]);
                }
            }
            Ok(())
        })?;
        return Array::from_shape_vec(&shape, out);
    }
    let nf = n as f64;
    let parallel = batch_parallel(count, 2.0 * nf * nf * nf);
    let par = inner_par(parallel);
    let out = run1(count, n * n, parallel, |k, slot: &mut [T]| {
        let lu = Lu::of_transpose(&st, k, par);
        if lu.singular() {
            return Err(Error::Singular);
        }
        let mut x = ColMat::<T::Work>::zeros(n, n);
        let mut buf = MemBuffer::new(pp::inverse::inverse_scratch::<usize, T::Work>(n, par));
        pp::inverse::inverse(
            x.as_mut(),
            lu.f.as_ref(),
            lu.f.as_ref(),
            lu.perm(),
            par,
            MemStack::new(&mut buf),
        );
        // x = inv(Aᵀ) in column-major order = inv(A) in row-major order.
        for (d, &s) in slot.iter_mut().zip(&x.data) {
            *d = T::from_work(s);
        }
        Ok(())
    })?;
    Array::from_shape_vec(&shape, out)
}

/// The Moore-Penrose pseudo-inverse of a matrix or stack (NumPy's
/// `linalg.pinv`), from the singular value decomposition: singular values at
/// or below `rcond * max(s)` are treated as zero. `rcond = None` is NumPy's
/// default `1e-15`; `hermitian = true` uses the eigendecomposition of the
/// lower triangle instead (as NumPy, for Hermitian input).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::pinv;
/// let a = array![[1.0f64, 2.0], [2.0, 4.0], [0.0, 0.0]];
/// let p = pinv(&a, None, false).unwrap();
/// assert_eq!(p.shape(), &[2, 3]);
/// assert!((p[[0, 0]] - 0.04).abs() < 1e-15 && (p[[1, 1]] - 0.16).abs() < 1e-15);
/// ```
pub fn pinv<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    rcond: Option<f64>,
    hermitian: bool,
) -> Result<Array<T>> {
    let st = Stack::new(a, "pinv")?;
    let (m, n) = (st.m, st.n);
    let count = st.count();
    let rcond = rcond.unwrap_or(1e-15);
    let shape = out_shape(&st.batch, &[n, m]);
    if m == 0 || n == 0 {
        return Array::from_shape_vec(&shape, vec![T::zero(); count * m * n]);
    }
    if hermitian && m != n {
        return Err(Error::invalid(
            "pinv: Last 2 dimensions of the array must be square (hermitian=True)",
        ));
    }
    let (mf, nf) = (m as f64, n as f64);
    let parallel = batch_parallel(count, 10.0 * mf * nf * mf.min(nf));
    let par = inner_par(parallel);
    let out = run1(count, n * m, parallel, |k, slot: &mut [T]| {
        // SAFETY: matrix k is m x n.
        let w = unsafe { load::<T>(st.ptr(k), m, n, st.rs, st.cs) };
        // p = V diag(1/s) Uᴴ over the kept singular values (or eigenpairs).
        let (u, s, v) = if hermitian {
            let (wv, q) = super::decomp::eigh_work(w, super::decomp::Uplo::L, true, par)?;
            let q = q.expect("vectors requested");
            // A = Q diag(w) Qᴴ, so pinv = Q diag(1/w) Qᴴ: U = Q, s = w, V = Q.
            (q.clone(), wv, q)
        } else {
            let (s, u, v) = super::decomp::svd_work(&w, false, true, par)?;
            let (u, v) = (u.expect("u requested"), v.expect("v requested"));
            (u, s, v)
        };
        let smax = s.iter().fold(0.0f64, |acc, &x| acc.max(x.abs()));
        let cutoff = rcond * smax;
        let mut vs = v.clone();
        for (j, &sj) in s.iter().enumerate() {
            let inv = if sj.abs() > cutoff { 1.0 / sj } else { 0.0 };
            for i in 0..vs.m {
                let x = vs.at(i, j);
                vs.set(i, j, x * T::Work::from_f64_w(inv));
            }
        }
        let mut p = ColMat::<T::Work>::zeros(n, m);
        faer::linalg::matmul::matmul(
            p.as_mut(),
            Accum::Replace,
            vs.as_ref(),
            u.as_ref().adjoint(),
            T::Work::one(),
            par,
        );
        store_c(p.as_ref(), slot);
        Ok(())
    })?;
    Array::from_shape_vec(&shape, out)
}

/// What [`lstsq`] returns (NumPy's 4-tuple).
#[derive(Clone, Debug)]
pub struct LstsqResult<T: LinalgScalar> {
    /// The least-squares solution of minimum norm: `(n,)` or `(n, k)`.
    pub x: Array<T>,
    /// Squared residual norms `|b - a x|²` per column: shape `(k,)` (or
    /// `(1,)` for a 1-d `b`) when `a` has full column rank `n` and more
    /// rows than columns, otherwise empty, as in NumPy.
    pub residuals: Array<T::Real>,
    /// The effective rank of `a`.
    pub rank: usize,
    /// The singular values of `a`, descending.
    pub s: Array<T::Real>,
}

/// The least-squares solution of `a x = b` (NumPy's `linalg.lstsq`, LAPACK's
/// `gelsd`): the `x` of minimum norm among those minimising `|b - a x|`,
/// from the singular value decomposition of `a`. Singular values at or below
/// `rcond * s[0]` count as zero; `rcond = None` is NumPy's default
/// `eps * max(m, n)` (double-precision `eps`, as NumPy computes in double).
///
/// `a` is `(m, n)`, `b` is `(m,)` or `(m, k)` (NumPy does not stack lstsq).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::lstsq;
/// // Fit y = c0 + c1 t through (0, 1), (1, 3), (2, 5), (3, 7.5).
/// let a = array![[1.0f64, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
/// let r = lstsq(&a, &array![1.0, 3.0, 5.0, 7.5], None).unwrap();
/// assert_eq!(r.rank, 2);
/// assert!((r.x[[1]] - 2.15).abs() < 1e-12);
/// assert_eq!(r.residuals.shape(), &[1]);
/// ```
pub fn lstsq<T: LinalgScalar, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    rcond: Option<f64>,
) -> Result<LstsqResult<T>> {
    if a.ndim() != 2 {
        return Err(Error::invalid(format!(
            "lstsq: {}-dimensional array given. Array must be two-dimensional",
            a.ndim()
        )));
    }
    let is_1d = b.ndim() == 1;
    if !is_1d && b.ndim() != 2 {
        return Err(Error::invalid(format!(
            "lstsq: {}-dimensional array given. Array must be two-dimensional",
            b.ndim()
        )));
    }
    let (m, n) = (a.shape()[0], a.shape()[1]);
    let m2 = b.shape()[0];
    let nrhs = if is_1d { 1 } else { b.shape()[1] };
    if m != m2 {
        return Err(Error::invalid("lstsq: Incompatible dimensions"));
    }
    let rcond = match rcond {
        None => f64::EPSILON * m.max(n) as f64,
        Some(r) if r < 0.0 => f64::EPSILON,
        Some(r) => r,
    };
    let (brs, bcs) = if is_1d {
        (b.strides()[0], 0)
    } else {
        (b.strides()[0], b.strides()[1])
    };
    let x_shape: Vec<usize> = if is_1d { vec![n] } else { vec![n, nrhs] };
    let k = m.min(n);
    // SAFETY: a is m x n, b is m x nrhs with the strides above.
    let aw = unsafe { load::<T>(a.as_ptr(), m, n, a.strides()[0], a.strides()[1]) };
    // SAFETY: as above.
    let bw = unsafe { load::<T>(b.as_ptr(), m, nrhs, brs, bcs) };
    if k == 0 {
        return Ok(LstsqResult {
            x: Array::from_shape_vec(&x_shape, vec![T::zero(); n * nrhs])?,
            residuals: empty_or_resid::<T>(m, n, 0, &bw, is_1d),
            rank: 0,
            s: Array::from_shape_vec(&[0], vec![])?,
        });
    }
    // The factorisations below make many small parallel calls: run them
    // from a pool thread when large (see `parallel::on_pool`, `stack::Sched`).
    let large = super::stack::worth_the_pool((m as f64) * (n as f64) * (k as f64));
    crate::parallel::on_pool_if(large, move || -> Result<LstsqResult<T>> {
        let par = Par::rayon(0);
        // A tall `a` (m >= 2n) is first reduced to its n x n triangular factor,
        // `a = Q R`, as LAPACK's `?gelsd` does: the SVD of `R` has `a`'s singular
        // values, and `x = V_r diag(1/s_r) U_rᴴ (Qᴴ b)[..n]` never forms the m x n
        // left singular vectors (about a third of the work at 4000 x 200).
        let (s, u, v, rhs) = if m >= 2 * n {
            let mut qrw = aw.clone();
            let hc = super::decomp::qr_factor(&mut qrw, par);
            let mut qtb = bw.clone();
            let mut mem = MemBuffer::new(
                householder::apply_block_householder_sequence_transpose_on_the_left_in_place_scratch::<T::Work>(
                    m, hc.m, nrhs,
                ),
            );
            householder::apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj(
                qrw.as_ref(),
                hc.as_ref(),
                Conj::Yes,
                qtb.as_mut(),
                par,
                MemStack::new(&mut mem),
            );
            let mut r = ColMat::<T::Work>::zeros(n, n);
            let mut top = ColMat::<T::Work>::zeros(n, nrhs);
            for j in 0..n {
                for i in 0..=j {
                    r.set(i, j, qrw.at(i, j));
                }
            }
            for j in 0..nrhs {
                for i in 0..n {
                    top.set(i, j, qtb.at(i, j));
                }
            }
            let (s, u, v) = super::decomp::svd_work(&r, false, true, par)?;
            (s, u, v, top)
        } else {
            let (s, u, v) = super::decomp::svd_work(&aw, false, true, par)?;
            (s, u, v, bw.clone())
        };
        let (u, v) = (u.expect("u requested"), v.expect("v requested"));
        let cutoff = rcond * s[0];
        let rank = s.iter().filter(|&&x| x > cutoff).count();
        // x = V_r diag(1/s_r) U_rᴴ b
        let mut c = ColMat::<T::Work>::zeros(rank, nrhs);
        let ur = u.as_ref().get(.., ..rank);
        faer::linalg::matmul::matmul(
            c.as_mut(),
            Accum::Replace,
            ur.adjoint(),
            rhs.as_ref(),
            T::Work::one(),
            par,
        );
        for j in 0..nrhs {
            for (i, &si) in s.iter().enumerate().take(rank) {
                let x = c.at(i, j);
                c.set(i, j, x * T::Work::from_f64_w(1.0 / si));
            }
        }
        let mut x = ColMat::<T::Work>::zeros(n, nrhs);
        faer::linalg::matmul::matmul(
            x.as_mut(),
            Accum::Replace,
            v.as_ref().get(.., ..rank),
            c.as_ref(),
            T::Work::one(),
            par,
        );
        let residuals = if rank == n && m > n {
            let mut r = bw.clone();
            faer::linalg::matmul::matmul(
                r.as_mut(),
                Accum::Add,
                aw.as_ref(),
                x.as_ref(),
                -T::Work::one(),
                par,
            );
            let vals: Vec<T::Real> = (0..nrhs)
                .map(|j| T::real_from_f64((0..m).map(|i| r.at(i, j).abs_w().powi(2)).sum::<f64>()))
                .collect();
            Array::from_shape_vec(&[nrhs], vals)?
        } else {
            Array::from_shape_vec(&[0], vec![])?
        };
        let mut xv = vec![T::zero(); n * nrhs];
        store_c(x.as_ref(), &mut xv);
        Ok(LstsqResult {
            x: Array::from_shape_vec(&x_shape, xv)?,
            residuals,
            rank,
            s: Array::from_shape_vec(&[k], s.iter().map(|&v| T::real_from_f64(v)).collect())?,
        })
    })
}

/// Residuals of the degenerate `min(m, n) = 0` problem: `x = 0`, so the
/// residual is `|b|²` when NumPy reports residuals at all (rank `n = 0`, `m > 0`).
fn empty_or_resid<T: LinalgScalar>(
    m: usize,
    n: usize,
    rank: usize,
    b: &ColMat<T::Work>,
    _is_1d: bool,
) -> Array<T::Real> {
    if rank == n && m > n {
        let vals: Vec<T::Real> = (0..b.n)
            .map(|j| T::real_from_f64((0..m).map(|i| b.at(i, j).abs_w().powi(2)).sum::<f64>()))
            .collect();
        Array::from_shape_vec(&[b.n], vals).expect("length matches")
    } else {
        Array::from_shape_vec(&[0], vec![]).expect("empty")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn mat(n: usize, seed: u64) -> Array<f64> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        Array::from_shape_fn(&[n, n], |ix| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 11) as f64 / (1u64 << 53) as f64 + if ix[0] == ix[1] { 0.5 } else { 0.0 }
        })
        .unwrap()
    }

    #[test]
    fn solve_and_inverse_agree_with_products() {
        for n in [1, 3, 4, 5, 17, 70] {
            let a = mat(n, n as u64);
            let b = Array::from_shape_fn(&[n, 2], |ix| (ix[0] + 3 * ix[1]) as f64).unwrap();
            let x = solve(&a, &b).unwrap();
            let r = crate::matmul(&a, &x).unwrap();
            for (g, w) in r.iter().zip(b.iter()) {
                assert!((g - w).abs() < 1e-9 * (1.0 + w.abs()), "n={n}");
            }
            let ai = inv(&a).unwrap();
            let id = crate::matmul(&a, &ai).unwrap();
            for i in 0..n {
                for j in 0..n {
                    let want = if i == j { 1.0 } else { 0.0 };
                    assert!((id[[i, j]] - want).abs() < 1e-9, "n={n}");
                }
            }
            // Transposed (F-ordered) input gives the transposed inverse.
            let at = a.t();
            let ati = inv(&at).unwrap();
            assert!(
                ati.iter()
                    .zip(ai.t().to_owned().iter())
                    .all(|(x, y)| (x - y).abs() < 1e-9)
            );
        }
    }

    #[test]
    fn singular_and_shape_errors() {
        let z = Array::<f64>::zeros(&[6, 6]);
        assert!(matches!(inv(&z), Err(Error::Singular)));
        assert!(matches!(
            solve(&z, &Array::<f64>::ones(&[6])),
            Err(Error::Singular)
        ));
        assert!(inv(&Array::<f64>::zeros(&[2, 3])).is_err());
        assert!(solve(&crate::identity::<f64>(3).unwrap(), &Array::<f64>::ones(&[4])).is_err());
        assert!(inv(&array![1.0, 2.0]).is_err());
        assert_eq!(inv(&Array::<f64>::zeros(&[3, 0, 0])).unwrap().shape(), &[3, 0, 0]);
    }

    #[test]
    fn stacks_of_small_matrices_run_in_parallel() {
        let n = 3;
        let count = 1000;
        let data: Vec<f32> = (0..count * n * n)
            .map(|i| ((i * 7919) % 13) as f32 + if i % 4 == 0 { 9.0 } else { 0.0 })
            .collect();
        let a = Array::from_shape_vec(&[count, n, n], data).unwrap();
        let ai = inv(&a).unwrap();
        let prod = crate::matmul(&a, &ai).unwrap();
        for k in 0..count {
            for i in 0..n {
                let v = prod[[k, i, i]];
                assert!((v - 1.0).abs() < 1e-4);
            }
        }
    }

    #[test]
    fn pinv_and_lstsq_on_rank_deficient_input() {
        let a = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0]];
        let p = pinv(&a, None, false).unwrap();
        // A A⁺ A = A
        let apa = crate::matmul(&crate::matmul(&a, &p).unwrap(), &a).unwrap();
        assert!(apa.iter().zip(a.iter()).all(|(x, y)| (x - y).abs() < 1e-12));
        let r = lstsq(&a, &array![1.0, 2.0, 3.0, 4.0], None).unwrap();
        assert_eq!(r.rank, 2);
        assert_eq!(r.residuals.shape(), &[0]);
        let xp = crate::matmul(&p, &array![1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(r.x.iter().zip(xp.iter()).all(|(x, y)| (x - y).abs() < 1e-12));
        let h = array![[2.0, 1.0], [1.0, 2.0]];
        let ph = pinv(&h, None, true).unwrap();
        let hi = inv(&h).unwrap();
        assert!(ph.iter().zip(hi.iter()).all(|(x, y)| (x - y).abs() < 1e-14));
    }
}
