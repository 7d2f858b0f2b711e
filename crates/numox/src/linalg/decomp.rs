//! Factorisations: NumPy's `linalg.cholesky`, `linalg.qr`, `linalg.svd`,
//! `linalg.svdvals`, `linalg.eig`, `linalg.eigvals`, `linalg.eigh` and
//! `linalg.eigvalsh`, each over stacks of matrices, through faer.
//!
//! Decompositions whose factors are not unique (the signs of QR and SVD
//! factors, the phases of eigenvectors) give factors satisfying the same
//! identities as NumPy's, not necessarily with the same signs.

use super::faer_bridge::{ColMat, load, load_into, mat_mut, store_c};
use super::scalar::{LinalgScalar, WorkScalar};
use super::small;
use super::stack::{Stack, batch_parallel, inner_par, out_shape, run1, run2, run3};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result};
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::{evd, householder, qr::no_pivoting::factor as qrf, svd as fsvd};
use faer::{Conj, Par};
use num_traits::Zero;

/// Which triangle of a Hermitian matrix to read (NumPy's `UPLO`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Uplo {
    /// The lower triangle (NumPy's default `'L'`).
    #[default]
    L,
    /// The upper triangle (`'U'`).
    U,
}

fn not_converged(what: &str) -> Error {
    let _ = what;
    Error::NotConverged {
        iterations: 0,
        residual: f64::NAN,
    }
}

/// Loads matrix `k` of a square stack as a column-major working matrix whose
/// lower triangle is the Hermitian matrix NumPy reads for `uplo`.
fn load_hermitian_lower<T: LinalgScalar>(st: &Stack<'_, T>, k: usize, uplo: Uplo) -> ColMat<T::Work> {
    let n = st.m;
    let mut w = ColMat::<T::Work>::zeros(n, n);
    // SAFETY: matrix k is n x n.
    unsafe {
        match uplo {
            Uplo::L => load_into(st.ptr(k), n, n, st.rs, st.cs, &mut w.data, |x: T| x.to_work()),
            // W[i, j] = conj(A[j, i]): the upper triangle mirrored.
            Uplo::U => load_into(st.ptr(k), n, n, st.cs, st.rs, &mut w.data, |x: T| {
                x.conj().to_work()
            }),
        }
    }
    // LAPACK (and NumPy) take the diagonal of a Hermitian matrix as real;
    // the strict upper triangle is made the mirror of the lower one, since
    // faer's reduction reads both for complex input.
    for j in 0..n {
        let d = w.at(j, j);
        w.set(j, j, T::Work::from_f64_w(d.re_w()));
        for i in j + 1..n {
            let x = w.at(i, j);
            w.set(j, i, x.conj_w());
        }
    }
    w
}

/// The Cholesky factor of a Hermitian positive-definite matrix or stack
/// (NumPy's `linalg.cholesky`): the lower-triangular `L` with `a = L Lᴴ`
/// read from the lower triangle, or with `upper = true` the
/// upper-triangular `U = Lᴴ` (`a = Uᴴ U`) read from the upper triangle.
/// A matrix that is not positive definite is [`Error::NotPositiveDefinite`].
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::cholesky;
/// let a = array![[4.0, 2.0], [2.0, 5.0]];
/// assert_eq!(cholesky(&a, false).unwrap(), array![[2.0, 0.0], [1.0, 2.0]]);
/// assert_eq!(cholesky(&a, true).unwrap(), array![[2.0, 1.0], [0.0, 2.0]]);
/// assert!(matches!(cholesky(&array![[1.0, 2.0], [2.0, 1.0]], false), Err(Error::NotPositiveDefinite)));
/// ```
pub fn cholesky<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>, upper: bool) -> Result<Array<T>> {
    let st = Stack::new(a, "cholesky")?.square("cholesky")?;
    let n = st.m;
    let count = st.count();
    let nf = n as f64;
    let parallel = batch_parallel(count, nf * nf * nf / 3.0);
    let par = inner_par(parallel);
    let out = run1(count, n * n, parallel, |k, slot: &mut [T]| {
        // Work in row-major order: buf[i*n + j] = H[i, j] where H is the
        // Hermitian matrix whose lower triangle faer factors in place.
        let mut buf = vec![T::Work::zero(); n * n];
        // SAFETY: matrix k is n x n; load_into writes buf[j'*n + i'] = src(i', j').
        unsafe {
            if upper {
                load_into(st.ptr(k), n, n, st.rs, st.cs, &mut buf, |x: T| x.conj().to_work());
            } else {
                load_into(st.ptr(k), n, n, st.cs, st.rs, &mut buf, |x: T| x.to_work());
            }
        }
        {
            // SAFETY: buf is an n x n row-major matrix, exclusively borrowed.
            let view = unsafe { mat_mut(buf.as_mut_ptr(), n, n, n as isize, 1) };
            let mut mem = MemBuffer::new(faer::linalg::cholesky::llt::factor::cholesky_in_place_scratch::<
                T::Work,
            >(n, par, Default::default()));
            faer::linalg::cholesky::llt::factor::cholesky_in_place(
                view,
                Default::default(),
                par,
                MemStack::new(&mut mem),
                Default::default(),
            )
            .map_err(|_| Error::NotPositiveDefinite)?;
        }
        for i in 0..n {
            for j in 0..n {
                slot[i * n + j] = if upper {
                    if j >= i {
                        T::from_work(buf[j * n + i].conj_w())
                    } else {
                        T::zero()
                    }
                } else if j <= i {
                    T::from_work(buf[i * n + j])
                } else {
                    T::zero()
                };
            }
        }
        Ok(())
    })?;
    Array::from_shape_vec(a.shape(), out)
}

/// The factors of [`qr`] (NumPy's `QRResult`).
#[derive(Clone, Debug)]
pub struct QrResult<T: LinalgScalar> {
    /// The factor with orthonormal columns, `(..., m, k)`.
    pub q: Array<T>,
    /// The upper-triangular (trapezoidal) factor, `(..., k, n)`.
    pub r: Array<T>,
}

/// Which factors [`qr`] returns (NumPy's `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QrMode {
    /// `k = min(m, n)`: `Q` is `m x k`, `R` is `k x n` (NumPy's default).
    #[default]
    Reduced,
    /// `Q` is `m x m`, `R` is `m x n`.
    Complete,
}

/// Householder QR of column-major `w` in place; returns the block factor.
pub(crate) fn qr_factor<W: WorkScalar>(w: &mut ColMat<W>, par: Par) -> ColMat<W> {
    let (m, n) = (w.m, w.n);
    let bs = qrf::recommended_block_size::<W>(m, n).max(1);
    let mut hc = ColMat::<W>::zeros(bs, m.min(n));
    let mut mem = MemBuffer::new(qrf::qr_in_place_scratch::<W>(m, n, bs, par, Default::default()));
    qrf::qr_in_place(
        w.as_mut(),
        hc.as_mut(),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    );
    hc
}

/// The QR decomposition `a = Q R` of a matrix or stack (NumPy's
/// `linalg.qr`, Householder reflections). The signs of `R`'s diagonal (and
/// of `Q`'s columns) may differ from LAPACK's; `Q R` and `Qᴴ Q = I` hold.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{qr, QrMode};
/// let a = array![[3.0f64, 1.0], [4.0, 2.0], [0.0, 2.0]];
/// let f = qr(&a, QrMode::Reduced).unwrap();
/// assert_eq!((f.q.shape(), f.r.shape()), (&[3, 2][..], &[2, 2][..]));
/// assert!((f.r[[0, 0]].abs() - 5.0).abs() < 1e-14 && f.r[[1, 0]] == 0.0);
/// let back = numox::matmul(&f.q, &f.r).unwrap();
/// assert!(back.iter().zip(a.iter()).all(|(x, y)| (x - y).abs() < 1e-14));
/// assert_eq!(qr(&a, QrMode::Complete).unwrap().q.shape(), &[3, 3]);
/// ```
pub fn qr<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>, mode: QrMode) -> Result<QrResult<T>> {
    let st = Stack::new(a, "qr")?;
    let (m, n) = (st.m, st.n);
    let k = m.min(n);
    let mc = if mode == QrMode::Complete && m > n { m } else { k };
    let count = st.count();
    let (mf, nf) = (m as f64, n as f64);
    let parallel = batch_parallel(count, 4.0 * mf * nf * mf.min(nf));
    let par = inner_par(parallel);
    let (q, r) = run2(
        count,
        m * mc,
        mc * n,
        parallel,
        |kk, qs: &mut [T], rs: &mut [T]| {
            // SAFETY: matrix kk is m x n.
            let mut w = unsafe { load::<T>(st.ptr(kk), m, n, st.rs, st.cs) };
            let mut qm = ColMat::<T::Work>::eye(m, mc);
            if k > 0 {
                let hc = qr_factor(&mut w, par);
                let mut mem = MemBuffer::new(
                    householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<T::Work>(
                        m, hc.m, mc,
                    ),
                );
                householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
                    w.as_ref(),
                    hc.as_ref(),
                    Conj::No,
                    qm.as_mut(),
                    par,
                    MemStack::new(&mut mem),
                );
            }
            store_c(qm.as_ref(), qs);
            for i in 0..mc.min(m) {
                for j in i..n {
                    rs[i * n + j] = T::from_work(w.at(i, j));
                }
            }
            Ok(())
        },
    )?;
    Ok(QrResult {
        q: Array::from_shape_vec(&out_shape(&st.batch, &[m, mc]), q)?,
        r: Array::from_shape_vec(&out_shape(&st.batch, &[mc, n]), r)?,
    })
}

/// Only the `R` factor of the QR decomposition, `(..., min(m, n), n)`
/// (NumPy's `linalg.qr(a, mode='r')`).
///
/// ```
/// use numox::prelude::*;
/// let r = numox::linalg::qr_r(&array![[0.0, 1.0], [2.0, 0.0]]).unwrap();
/// assert_eq!(r.mapv(f64::abs), array![[2.0, 0.0], [0.0, 1.0]]);
/// ```
pub fn qr_r<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T>> {
    let st = Stack::new(a, "qr")?;
    let (m, n) = (st.m, st.n);
    let k = m.min(n);
    let count = st.count();
    let (mf, nf) = (m as f64, n as f64);
    let parallel = batch_parallel(count, 2.0 * mf * nf * mf.min(nf));
    let par = inner_par(parallel);
    let r = run1(count, k * n, parallel, |kk, rs: &mut [T]| {
        // SAFETY: matrix kk is m x n.
        let mut w = unsafe { load::<T>(st.ptr(kk), m, n, st.rs, st.cs) };
        if k > 0 {
            qr_factor(&mut w, par);
        }
        for i in 0..k {
            for j in i..n {
                rs[i * n + j] = T::from_work(w.at(i, j));
            }
        }
        Ok(())
    })?;
    Array::from_shape_vec(&out_shape(&st.batch, &[k, n]), r)
}

/// `(s, U, V)` of [`svd_work`].
pub(crate) type SvdParts<W> = (Vec<f64>, Option<ColMat<W>>, Option<ColMat<W>>);

/// Singular values (descending) and optionally the singular vectors of a
/// column-major working matrix: `(s, U, V)` with `a = U diag(s) Vᴴ`.
pub(crate) fn svd_work<W: WorkScalar>(
    w: &ColMat<W>,
    full: bool,
    want_uv: bool,
    par: Par,
) -> Result<SvdParts<W>> {
    let (m, n) = (w.m, w.n);
    let k = m.min(n);
    let (mu, nv) = if full { (m, n) } else { (k, k) };
    if k == 0 {
        let u = want_uv.then(|| ColMat::eye(m, mu));
        let v = want_uv.then(|| ColMat::eye(n, nv));
        return Ok((vec![], u, v));
    }
    if w.data
        .iter()
        .any(|x| !faer::traits::ComplexField::is_finite_impl(x))
    {
        return Err(not_converged("svd"));
    }
    let mut s = ColMat::<W>::zeros(k, 1);
    let mut u = want_uv.then(|| ColMat::<W>::zeros(m, mu));
    let mut v = want_uv.then(|| ColMat::<W>::zeros(n, nv));
    let cu = match (want_uv, full) {
        (false, _) => fsvd::ComputeSvdVectors::No,
        (true, true) => fsvd::ComputeSvdVectors::Full,
        (true, false) => fsvd::ComputeSvdVectors::Thin,
    };
    let mut mem = MemBuffer::new(fsvd::svd_scratch::<W>(m, n, cu, cu, par, Default::default()));
    fsvd::svd(
        w.as_ref(),
        s.as_mut().col_mut(0).as_diagonal_mut(),
        u.as_mut().map(|u| u.as_mut()),
        v.as_mut().map(|v| v.as_mut()),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|_| not_converged("svd"))?;
    Ok((s.data.iter().map(|x| x.re_w()).collect(), u, v))
}

/// The factors of [`svd`] (NumPy's `SVDResult`).
#[derive(Clone, Debug)]
pub struct SvdResult<T: LinalgScalar> {
    /// Left singular vectors as columns, `(..., m, m)` or `(..., m, k)`.
    pub u: Array<T>,
    /// Singular values, descending, `(..., k)` with `k = min(m, n)`.
    pub s: Array<T::Real>,
    /// Right singular vectors as rows (`Vᴴ`), `(..., n, n)` or `(..., k, n)`.
    pub vh: Array<T>,
}

/// The singular value decomposition `a = U diag(s) Vh` of a matrix or stack
/// (NumPy's `linalg.svd` with `compute_uv=True`; [`svdvals`] is
/// `compute_uv=False`). `full_matrices` selects square `U` and `Vh` (NumPy's
/// default) or the reduced ones. `hermitian = true` computes it from the
/// eigendecomposition of the lower triangle, as NumPy does.
///
/// Singular vectors are unique only up to a phase per pair (and within
/// repeated singular values); NumPy's may differ in sign.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::svd;
/// let a = array![[3.0f64, 0.0], [4.0, 5.0]];
/// let f = svd(&a, true, false).unwrap();
/// assert!((f.s[[0]] - 45f64.sqrt()).abs() < 1e-14 && (f.s[[1]] - 5f64.sqrt()).abs() < 1e-14);
/// // U diag(s) Vh = A
/// let us = Array::from_shape_fn(&[2, 2], |ix| f.u[[ix[0], ix[1]]] * f.s[[ix[1]]]).unwrap();
/// let back = numox::matmul(&us, &f.vh).unwrap();
/// assert!(back.iter().zip(a.iter()).all(|(x, y)| (x - y).abs() < 1e-14));
/// ```
pub fn svd<T: LinalgScalar, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    full_matrices: bool,
    hermitian: bool,
) -> Result<SvdResult<T>> {
    let st = Stack::new(a, "svd")?;
    let (m, n) = (st.m, st.n);
    let k = m.min(n);
    let (mu, nv) = if full_matrices { (m, n) } else { (k, k) };
    let count = st.count();
    if hermitian {
        return svd_hermitian(&st);
    }
    let (mf, nf) = (m as f64, n as f64);
    let parallel = batch_parallel(count, 20.0 * mf * nf * mf.min(nf));
    let par = inner_par(parallel);
    let (u, s, vh) = run3(
        count,
        [m * mu, k, nv * n],
        parallel,
        |kk, us: &mut [T], ss: &mut [T::Real], vs: &mut [T]| {
            // SAFETY: matrix kk is m x n.
            let w = unsafe { load::<T>(st.ptr(kk), m, n, st.rs, st.cs) };
            let (s, u, v) = svd_work(&w, full_matrices, true, par)?;
            store_c(u.expect("requested").as_ref(), us);
            // Vh[i, j] = conj(V[j, i]).
            let v = v.expect("requested");
            for i in 0..nv {
                for j in 0..n {
                    vs[i * n + j] = T::from_work(v.at(j, i).conj_w());
                }
            }
            for (d, &x) in ss.iter_mut().zip(&s) {
                *d = T::real_from_f64(x);
            }
            Ok(())
        },
    )?;
    Ok(SvdResult {
        u: Array::from_shape_vec(&out_shape(&st.batch, &[m, mu]), u)?,
        s: Array::from_shape_vec(&out_shape(&st.batch, &[k]), s)?,
        vh: Array::from_shape_vec(&out_shape(&st.batch, &[nv, n]), vh)?,
    })
}

/// NumPy's `svd(a, hermitian=True)`: from `eigh`, singular values `|w|`
/// sorted descending, `U` the eigenvectors in that order, `Vh = (U sign(w))ᴴ`.
fn svd_hermitian<T: LinalgScalar>(st: &Stack<'_, T>) -> Result<SvdResult<T>> {
    let n = st.m;
    let st = st.clone().square("svd")?;
    let count = st.count();
    let nf = n as f64;
    let parallel = batch_parallel(count, 9.0 * nf * nf * nf);
    let par = inner_par(parallel);
    let (u, s, vh) = run3(
        count,
        [n * n, n, n * n],
        parallel,
        |kk, us: &mut [T], ss: &mut [T::Real], vs: &mut [T]| {
            let w = load_hermitian_lower(&st, kk, Uplo::L);
            let (wv, q) = eigh_work(w, Uplo::L, true, par)?;
            let q = q.expect("requested");
            let mut idx: Vec<usize> = (0..n).collect();
            // argsort(|w|) reversed (NumPy sorts ascending with a stable sort, then reverses).
            idx.sort_by(|&x, &y| wv[x].abs().total_cmp(&wv[y].abs()));
            idx.reverse();
            for (c, &j) in idx.iter().enumerate() {
                ss[c] = T::real_from_f64(wv[j].abs());
                let sgn = if wv[j].is_sign_negative() { -1.0 } else { 1.0 };
                for i in 0..n {
                    let x = q.at(i, j);
                    us[i * n + c] = T::from_work(x);
                    // Vh[c, i] = conj(U[i, c] * sgn)
                    vs[c * n + i] = T::from_work((x * T::Work::from_f64_w(sgn)).conj_w());
                }
            }
            Ok(())
        },
    )?;
    Ok(SvdResult {
        u: Array::from_shape_vec(&out_shape(&st.batch, &[n, n]), u)?,
        s: Array::from_shape_vec(&out_shape(&st.batch, &[n]), s)?,
        vh: Array::from_shape_vec(&out_shape(&st.batch, &[n, n]), vh)?,
    })
}

/// The singular values of a matrix or stack, descending (NumPy's
/// `linalg.svdvals`, i.e. `svd(a, compute_uv=False)`).
///
/// ```
/// use numox::prelude::*;
/// let s = numox::linalg::svdvals(&array![[0.0, 2.0], [3.0, 0.0]]).unwrap();
/// assert_eq!(s, array![3.0, 2.0]);
/// ```
pub fn svdvals<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::Real>> {
    let st = Stack::new(a, "svdvals")?;
    let (m, n) = (st.m, st.n);
    let k = m.min(n);
    let count = st.count();
    let (mf, nf) = (m as f64, n as f64);
    let parallel = batch_parallel(count, 8.0 * mf * nf * mf.min(nf));
    let par = inner_par(parallel);
    let s = run1(count, k, parallel, |kk, ss: &mut [T::Real]| {
        // SAFETY: matrix kk is m x n.
        let w = unsafe { load::<T>(st.ptr(kk), m, n, st.rs, st.cs) };
        let (s, _, _) = svd_work(&w, false, false, par)?;
        for (d, &x) in ss.iter_mut().zip(&s) {
            *d = T::real_from_f64(x);
        }
        Ok(())
    })?;
    Array::from_shape_vec(&out_shape(&st.batch, &[k]), s)
}

/// Eigenvalues (ascending) and optionally eigenvectors of the Hermitian
/// matrix in `w`'s lower triangle.
pub(crate) fn eigh_work<W: WorkScalar>(
    w: ColMat<W>,
    _uplo: Uplo,
    want_v: bool,
    par: Par,
) -> Result<(Vec<f64>, Option<ColMat<W>>)> {
    let n = w.m;
    if n == 0 {
        return Ok((vec![], want_v.then(|| ColMat::zeros(0, 0))));
    }
    if !W::IS_CPLX && n <= small::MAX {
        let mut a = [[0.0f64; small::MAX]; small::MAX];
        for i in 0..n {
            for j in 0..=i {
                a[i][j] = w.at(i, j).re_w();
                a[j][i] = a[i][j];
            }
        }
        if a.iter().flatten().any(|x| !x.is_finite()) {
            return Err(not_converged("eigh"));
        }
        let (vals, vecs) = small::jacobi_eigh(a, n, want_v);
        let v = want_v.then(|| {
            let mut v = ColMat::<W>::zeros(n, n);
            for i in 0..n {
                for j in 0..n {
                    v.set(i, j, W::from_f64_w(vecs[i][j]));
                }
            }
            v
        });
        return Ok((vals[..n].to_vec(), v));
    }
    let mut s = ColMat::<W>::zeros(n, 1);
    let mut u = want_v.then(|| ColMat::<W>::zeros(n, n));
    let cv = if want_v {
        evd::ComputeEigenvectors::Yes
    } else {
        evd::ComputeEigenvectors::No
    };
    let mut mem = MemBuffer::new(evd::self_adjoint_evd_scratch::<W>(n, cv, par, Default::default()));
    evd::self_adjoint_evd(
        w.as_ref(),
        s.as_mut().col_mut(0).as_diagonal_mut(),
        u.as_mut().map(|u| u.as_mut()),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|_| not_converged("eigh"))?;
    Ok((s.data.iter().map(|x| x.re_w()).collect(), u))
}

/// Jacobi eigenvalues (and vectors) of the real symmetric tiny matrix `k`
/// of a stack, reading the triangle `uplo`; no allocation.
#[allow(clippy::type_complexity)]
fn small_real_eigh<T: LinalgScalar>(
    st: &Stack<'_, T>,
    k: usize,
    uplo: Uplo,
    want_v: bool,
) -> Result<([f64; small::MAX], [[f64; small::MAX]; small::MAX])> {
    let n = st.m;
    let p = st.ptr(k);
    let mut a = [[0.0f64; small::MAX]; small::MAX];
    for i in 0..n {
        for j in 0..=i {
            let (r, c) = if uplo == Uplo::L { (i, j) } else { (j, i) };
            // SAFETY: (r, c) is inside matrix k.
            let x = unsafe { *p.offset(r as isize * st.rs + c as isize * st.cs) }
                .to_work()
                .re_w();
            if !x.is_finite() {
                return Err(not_converged("eigh"));
            }
            a[i][j] = x;
            a[j][i] = x;
        }
    }
    Ok(small::jacobi_eigh(a, n, want_v))
}

/// The eigendecomposition of [`eigh`] (NumPy's `EighResult`).
#[derive(Clone, Debug)]
pub struct EighResult<T: LinalgScalar> {
    /// Eigenvalues in ascending order, `(..., n)`.
    pub eigenvalues: Array<T::Real>,
    /// Orthonormal eigenvectors as columns, `(..., n, n)`.
    pub eigenvectors: Array<T>,
}

/// Eigenvalues (ascending) and eigenvectors of a Hermitian (real symmetric)
/// matrix or stack, reading only the triangle `uplo` (NumPy's
/// `linalg.eigh`). Each eigenvector is unique up to sign (phase) for a
/// simple eigenvalue.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{eigh, Uplo};
/// let a = array![[2.0f64, 1.0], [1.0, 2.0]];
/// let e = eigh(&a, Uplo::L).unwrap();
/// assert!((e.eigenvalues[[0]] - 1.0).abs() < 1e-15 && (e.eigenvalues[[1]] - 3.0).abs() < 1e-15);
/// let v = e.eigenvectors.slice(s![.., 1]);
/// assert!((v[[0]].abs() - 0.5f64.sqrt()).abs() < 1e-15);
/// ```
pub fn eigh<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>, uplo: Uplo) -> Result<EighResult<T>> {
    let st = Stack::new(a, "eigh")?.square("eigh")?;
    let n = st.m;
    let count = st.count();
    if !T::IS_COMPLEX && (1..=small::MAX).contains(&n) {
        let (w, v) = run2(
            count,
            n,
            n * n,
            count >= 256,
            |k, ws: &mut [T::Real], vs: &mut [T]| {
                let (vals, vecs) = small_real_eigh(&st, k, uplo, true)?;
                for i in 0..n {
                    ws[i] = T::real_from_f64(vals[i]);
                    for j in 0..n {
                        vs[i * n + j] = T::from_work(T::Work::from_f64_w(vecs[i][j]));
                    }
                }
                Ok(())
            },
        )?;
        return Ok(EighResult {
            eigenvalues: Array::from_shape_vec(&out_shape(&st.batch, &[n]), w)?,
            eigenvectors: Array::from_shape_vec(a.shape(), v)?,
        });
    }
    let nf = n as f64;
    let parallel = batch_parallel(count, 9.0 * nf * nf * nf).or_batch(n <= small::MAX && count >= 256);
    let par = inner_par(parallel);
    let (w, v) = run2(
        count,
        n,
        n * n,
        parallel,
        |k, ws: &mut [T::Real], vs: &mut [T]| {
            let wm = load_hermitian_lower(&st, k, uplo);
            let (vals, vecs) = eigh_work(wm, uplo, true, par)?;
            for (d, &x) in ws.iter_mut().zip(&vals) {
                *d = T::real_from_f64(x);
            }
            store_c(vecs.expect("requested").as_ref(), vs);
            Ok(())
        },
    )?;
    Ok(EighResult {
        eigenvalues: Array::from_shape_vec(&out_shape(&st.batch, &[n]), w)?,
        eigenvectors: Array::from_shape_vec(a.shape(), v)?,
    })
}

/// The eigenvalues (ascending) of a Hermitian matrix or stack, reading only
/// the triangle `uplo` (NumPy's `linalg.eigvalsh`).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::{eigvalsh, Uplo};
/// let w = eigvalsh(&array![[1.0, 5.0], [0.0, 1.0]], Uplo::L).unwrap();
/// assert_eq!(w, array![1.0, 1.0]); // the upper triangle is never read
/// ```
pub fn eigvalsh<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>, uplo: Uplo) -> Result<Array<T::Real>> {
    let st = Stack::new(a, "eigvalsh")?.square("eigvalsh")?;
    let n = st.m;
    let count = st.count();
    if !T::IS_COMPLEX && (1..=small::MAX).contains(&n) {
        let w = run1(count, n, count >= 256, |k, ws: &mut [T::Real]| {
            let (vals, _) = small_real_eigh(&st, k, uplo, false)?;
            for i in 0..n {
                ws[i] = T::real_from_f64(vals[i]);
            }
            Ok(())
        })?;
        return Array::from_shape_vec(&out_shape(&st.batch, &[n]), w);
    }
    let nf = n as f64;
    let parallel = batch_parallel(count, 4.0 * nf * nf * nf).or_batch(n <= small::MAX && count >= 256);
    let par = inner_par(parallel);
    let w = run1(count, n, parallel, |k, ws: &mut [T::Real]| {
        let wm = load_hermitian_lower(&st, k, uplo);
        let (vals, _) = eigh_work(wm, uplo, false, par)?;
        for (d, &x) in ws.iter_mut().zip(&vals) {
            *d = T::real_from_f64(x);
        }
        Ok(())
    })?;
    Array::from_shape_vec(&out_shape(&st.batch, &[n]), w)
}

/// The eigendecomposition of [`eig`] (NumPy's `EigResult`).
#[derive(Clone, Debug)]
pub struct EigResult<T: LinalgScalar> {
    /// Eigenvalues, `(..., n)`, complex.
    pub eigenvalues: Array<T::Complex>,
    /// Unit-norm eigenvectors as columns, `(..., n, n)`, complex.
    pub eigenvectors: Array<T::Complex>,
}

/// Eigenvalues and right eigenvectors of a general square matrix or stack
/// (NumPy's `linalg.eig`, LAPACK's `geev`: Hessenberg reduction and the
/// shifted QR algorithm, through faer).
///
/// The results are always complex: NumPy returns real arrays for a real
/// input whose eigenvalues all happen to be real, which a typed result
/// cannot mirror; the values are the same. Eigenvectors have unit 2-norm;
/// complex ones are scaled so their largest component is real and positive
/// (LAPACK's normalisation), real ones keep the sign the algorithm gave.
/// The order of the eigenvalues is the algorithm's, which may differ from
/// NumPy's. Input with NaN or infinity is an error, as in NumPy.
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::eig;
/// let rot = array![[0.0f64, -1.0], [1.0, 0.0]];
/// let e = eig(&rot).unwrap();
/// let mut im: Vec<f64> = e.eigenvalues.iter().map(|z| z.im).collect();
/// im.sort_by(f64::total_cmp);
/// assert!((im[0] + 1.0).abs() < 1e-15 && (im[1] - 1.0).abs() < 1e-15);
/// ```
pub fn eig<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<EigResult<T>> {
    let st = Stack::new(a, "eig")?.square("eig")?;
    check_finite(a)?;
    let n = st.m;
    let count = st.count();
    let nf = n as f64;
    let parallel = batch_parallel(count, 25.0 * nf * nf * nf);
    let (w, v) = run2(
        count,
        n,
        n * n,
        parallel,
        |k, ws: &mut [T::Complex], vs: &mut [T::Complex]| {
            // SAFETY: matrix k is n x n.
            let wm = unsafe { load::<T>(st.ptr(k), n, n, st.rs, st.cs) };
            if n == 0 {
                return Ok(());
            }
            let e = wm.as_ref().eigen().map_err(|_| not_converged("eig"))?;
            let (u, s) = (e.U(), e.S());
            for j in 0..n {
                let lam = s.column_vector()[j];
                ws[j] = cplx::<T>(lam);
                let mut col: Vec<crate::Complex64> = (0..n).map(|i| u[(i, j)]).collect();
                normalize_eigenvector(&mut col, T::IS_COMPLEX || lam.im != 0.0);
                for i in 0..n {
                    vs[i * n + j] = cplx::<T>(col[i]);
                }
            }
            Ok(())
        },
    )?;
    Ok(EigResult {
        eigenvalues: Array::from_shape_vec(&out_shape(&st.batch, &[n]), w)?,
        eigenvectors: Array::from_shape_vec(a.shape(), v)?,
    })
}

/// The eigenvalues of a general square matrix or stack (NumPy's
/// `linalg.eigvals`), always complex; see [`eig`].
///
/// ```
/// use numox::prelude::*;
/// let w = numox::linalg::eigvals(&array![[2.0, 0.0], [0.0, 3.0]]).unwrap();
/// assert_eq!(w, array![Complex::new(2.0, 0.0), Complex::new(3.0, 0.0)]);
/// ```
pub fn eigvals<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::Complex>> {
    let st = Stack::new(a, "eigvals")?.square("eigvals")?;
    check_finite(a)?;
    let n = st.m;
    let count = st.count();
    let nf = n as f64;
    let parallel = batch_parallel(count, 10.0 * nf * nf * nf);
    let w = run1(count, n, parallel, |k, ws: &mut [T::Complex]| {
        // SAFETY: matrix k is n x n.
        let wm = unsafe { load::<T>(st.ptr(k), n, n, st.rs, st.cs) };
        if n == 0 {
            return Ok(());
        }
        let vals = wm.as_ref().eigenvalues().map_err(|_| not_converged("eigvals"))?;
        for (d, &z) in ws.iter_mut().zip(&vals) {
            *d = cplx::<T>(z);
        }
        Ok(())
    })?;
    Array::from_shape_vec(&out_shape(&st.batch, &[n]), w)
}

#[inline]
fn cplx<T: LinalgScalar>(z: crate::Complex64) -> T::Complex {
    <T::Complex as LinalgScalar>::from_work(<<T::Complex as LinalgScalar>::Work as WorkScalar>::from_c64(z))
}

/// NumPy's `_assert_finite` (`LinAlgError: Array must not contain infs or NaNs`).
fn check_finite<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<()> {
    let mut ok = true;
    a.for_each(|x| ok &= x.is_finite_value());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid("Array must not contain infs or NaNs"))
    }
}

/// Scales an eigenvector to unit 2-norm; with `rotate`, also by the phase
/// that makes its largest-modulus component real and positive (LAPACK).
fn normalize_eigenvector(v: &mut [crate::Complex64], rotate: bool) {
    let nrm = v.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt();
    if nrm == 0.0 {
        return;
    }
    let mut scale = crate::Complex64::new(1.0 / nrm, 0.0);
    if rotate {
        let (mut best, mut kbest) = (-1.0, 0);
        for (i, z) in v.iter().enumerate() {
            if z.norm_sqr() > best {
                best = z.norm_sqr();
                kbest = i;
            }
        }
        let zk = v[kbest];
        scale = scale * zk.conj() / zk.norm();
        for z in v.iter_mut() {
            *z *= scale;
        }
        v[kbest].im = 0.0;
        return;
    }
    for z in v.iter_mut() {
        *z *= scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn max_abs_diff(a: &Array<f64>, b: &Array<f64>) -> f64 {
        a.iter().zip(b.iter()).fold(0.0, |m, (x, y)| m.max((x - y).abs()))
    }

    #[test]
    fn cholesky_reconstructs_both_triangles() {
        let n = 40;
        let g = Array::from_shape_fn(&[n, n], |ix| ((ix[0] * 31 + ix[1] * 17) % 11) as f64 / 11.0).unwrap();
        let mut s = crate::matmul(&g, &g.t()).unwrap();
        for i in 0..n {
            s[[i, i]] += n as f64;
        }
        let l = cholesky(&s, false).unwrap();
        assert!(max_abs_diff(&crate::matmul(&l, &l.t()).unwrap(), &s) < 1e-10);
        assert_eq!(l[[0, 1]], 0.0);
        let u = cholesky(&s, true).unwrap();
        assert!(max_abs_diff(&u, &l.t().to_owned()) < 1e-12);
        let c = array![
            [Complex64::new(2.0, 0.0), Complex64::new(0.0, -1.0)],
            [Complex64::new(0.0, 1.0), Complex64::new(2.0, 0.0)]
        ];
        let lc = cholesky(&c, false).unwrap();
        let lh = lc.t().mapv(|z| z.conj());
        let back = crate::matmul(&lc, &lh).unwrap();
        assert!(back.iter().zip(c.iter()).all(|(x, y)| (x - y).norm() < 1e-14));
    }

    #[test]
    fn qr_svd_eig_invariants() {
        let a = Array::from_shape_fn(&[7, 5], |ix| ((ix[0] * 13 + ix[1] * 7) % 9) as f64 - 4.0).unwrap();
        for mode in [QrMode::Reduced, QrMode::Complete] {
            let f = qr(&a, mode).unwrap();
            assert!(max_abs_diff(&crate::matmul(&f.q, &f.r).unwrap(), &a) < 1e-12);
            let qtq = crate::matmul(&f.q.t(), &f.q).unwrap();
            assert!(max_abs_diff(&qtq, &crate::identity::<f64>(qtq.shape()[0]).unwrap()) < 1e-12);
        }
        for full in [true, false] {
            let f = svd(&a, full, false).unwrap();
            let k = 5;
            let us = Array::from_shape_fn(&[7, k], |ix| f.u[[ix[0], ix[1]]] * f.s[[ix[1]]]).unwrap();
            let vh = f.vh.slice(s![..k, ..]).to_owned();
            assert!(max_abs_diff(&crate::matmul(&us, &vh).unwrap(), &a) < 1e-12);
            assert_eq!(svdvals(&a).unwrap(), f.s);
        }
        let sq = a.slice(s![..5, ..]).to_owned();
        let e = eig(&sq).unwrap();
        let ac = sq.mapv(|x| Complex64::new(x, 0.0));
        let av = crate::matmul(&ac, &e.eigenvectors).unwrap();
        for j in 0..5 {
            for i in 0..5 {
                let d = av[[i, j]] - e.eigenvectors[[i, j]] * e.eigenvalues[[j]];
                assert!(d.norm() < 1e-11);
            }
        }
        let sym = crate::matmul(&sq, &sq.t()).unwrap();
        let h = eigh(&sym, Uplo::U).unwrap();
        let sv = svdvals(&sym).unwrap();
        let mut hs: Vec<f64> = h.eigenvalues.to_vec();
        hs.reverse();
        assert!(hs.iter().zip(sv.iter()).all(|(x, y)| (x - y).abs() < 1e-10));
        let hs2 = svd(&sym, true, true).unwrap();
        assert!(max_abs_diff(&hs2.s, &sv) < 1e-10);
    }

    #[test]
    fn nonfinite_input_is_an_error() {
        let a = array![[f64::NAN, 1.0], [1.0, 1.0]];
        assert!(eig(&a).is_err());
        assert!(svdvals(&a).is_err());
        assert!(eigvalsh(&a, Uplo::L).is_err());
    }
}
