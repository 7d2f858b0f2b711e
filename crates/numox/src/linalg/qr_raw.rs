//! NumPy's `linalg.qr(a, mode='raw')`: the Householder reflectors and
//! scalars in LAPACK's storage (`?geqrf`).
//!
//! The other QR modes go through faer, whose reflectors follow another
//! convention; the raw mode's whole point is LAPACK's layout, so it runs
//! LAPACK's own unblocked algorithm (`dgeqr2`/`zgeqr2` with `dlarfg`/
//! `zlarfg`): reflector `i` is `H(i) = I - tau(i) v vᴴ` with `v(i) = 1`,
//! `v` below the diagonal of column `i`, and `beta = -sign(Re alpha) ‖·‖`
//! on the diagonal, so `R`'s diagonal carries LAPACK's signs. LAPACK's
//! blocked `dgeqrf` (which NumPy calls) computes the same reflectors with
//! a different rounding order.

use super::faer_bridge::load;
use super::scalar::{LinalgScalar, WorkScalar};
use super::stack::{Stack, batch_parallel, out_shape, run2};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use num_complex::Complex64;

/// The `(h, tau)` pair of [`qr_raw`].
#[derive(Clone, Debug)]
pub struct QrRaw<T: LinalgScalar> {
    /// LAPACK's factored matrix, transposed as NumPy returns it:
    /// `(..., n, m)`, with `R` in `h[j][i]` for `i <= j` and the reflector
    /// vectors below `R`'s diagonal (in `h[j][i]`, `i > j`).
    pub h: Array<T>,
    /// The reflector scalars, `(..., min(m, n))`.
    pub tau: Array<T>,
}

/// The QR decomposition in LAPACK's raw form (NumPy's
/// `np.linalg.qr(a, mode='raw')`): `h` of shape `(..., n, m)` and `tau` of
/// shape `(..., min(m, n))`. Stacks of matrices are factored one by one;
/// `f32` and `Complex<f32>` are computed in double precision and rounded,
/// as NumPy does.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[3.0f64, 1.0], [4.0, 2.0]];
/// let raw = numox::linalg::qr_raw(&a).unwrap();
/// assert_eq!(raw.h.shape(), &[2, 2]);
/// // LAPACK's sign convention: R[0][0] = -sign(a00) * |column 0| = -5.
/// assert!((raw.h[[0, 0]] + 5.0).abs() < 1e-15);
/// assert!((raw.tau[[0]] - 1.6).abs() < 1e-15 && raw.tau[[1]] == 0.0);
/// ```
pub fn qr_raw<T: LinalgScalar, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<QrRaw<T>> {
    let st = Stack::new(a, "qr")?;
    let (m, n) = (st.m, st.n);
    let k = m.min(n);
    let count = st.count();
    let parallel = batch_parallel(count, 2.0 * m as f64 * n as f64 * k as f64);
    let (h, tau) = run2(count, m * n, k, parallel, |kk, hs: &mut [T], ts: &mut [T]| {
        // SAFETY: matrix kk is m x n.
        let w = unsafe { load::<T>(st.ptr(kk), m, n, st.rs, st.cs) };
        let mut c: Vec<Complex64> = w.data.iter().map(|x| x.to_c64()).collect();
        let taus = geqr2(&mut c, m, n, <T::Work as WorkScalar>::IS_CPLX);
        // Column-major (m x n) read as C-order (n x m): NumPy's transpose.
        for (d, s) in hs.iter_mut().zip(&c) {
            *d = T::from_work(<T::Work as WorkScalar>::from_c64(*s));
        }
        for (d, s) in ts.iter_mut().zip(&taus) {
            *d = T::from_work(<T::Work as WorkScalar>::from_c64(*s));
        }
        Ok(())
    })?;
    Ok(QrRaw {
        h: Array::from_shape_vec(&out_shape(&st.batch, &[n, m]), h)?,
        tau: Array::from_shape_vec(&out_shape(&st.batch, &[k]), tau)?,
    })
}

/// LAPACK's `?geqr2` on the column-major `m x n` matrix `a`; returns `tau`.
fn geqr2(a: &mut [Complex64], m: usize, n: usize, complex: bool) -> Vec<Complex64> {
    let k = m.min(n);
    let mut tau = vec![Complex64::new(0.0, 0.0); k];
    for i in 0..k {
        let col = &mut a[i * m + i..(i + 1) * m];
        let t = larfg(col, complex);
        tau[i] = t;
        if i + 1 < n {
            // Apply H(i)ᴴ = I - conj(tau) v vᴴ to a[i.., i+1..] from the left.
            let tc = t.conj();
            if tc == Complex64::new(0.0, 0.0) {
                continue;
            }
            let (left, right) = a.split_at_mut((i + 1) * m);
            let v = &left[i * m + i..(i + 1) * m];
            for j in i + 1..n {
                let cj = &mut right[(j - i - 1) * m + i..(j - i) * m];
                // w = vᴴ c (v[0] = 1 implicitly).
                let mut w = cj[0];
                for (vi, ci) in v[1..].iter().zip(&cj[1..]) {
                    w += vi.conj() * ci;
                }
                let s = tc * w;
                cj[0] -= s;
                for (vi, ci) in v[1..].iter().zip(cj[1..].iter_mut()) {
                    *ci -= vi * s;
                }
            }
        }
    }
    tau
}

/// LAPACK's `dlarfg` (real) / `zlarfg` (complex) on `x = [alpha, x...]`:
/// overwrites `alpha` with `beta`, `x` with `v[1..]`, returns `tau`.
fn larfg(x: &mut [Complex64], complex: bool) -> Complex64 {
    let zero = Complex64::new(0.0, 0.0);
    let n = x.len();
    if n == 0 || (!complex && n == 1) {
        return zero;
    }
    let alpha = x[0];
    let mut xnorm = nrm2(&x[1..]);
    let (mut alphr, mut alphi) = (alpha.re, alpha.im);
    if xnorm == 0.0 && alphi == 0.0 {
        return zero;
    }
    let safmin = f64::MIN_POSITIVE / f64::EPSILON;
    let rsafmn = 1.0 / safmin;
    let mut beta = -(alphr.hypot(alphi).hypot(xnorm)).copysign(alphr);
    let mut knt = 0;
    if beta.abs() < safmin {
        // Tiny column: rescale (at most 20 times) as LAPACK does.
        loop {
            knt += 1;
            for v in &mut x[1..] {
                *v *= rsafmn;
            }
            beta *= rsafmn;
            alphr *= rsafmn;
            alphi *= rsafmn;
            if beta.abs() >= safmin || knt >= 20 {
                break;
            }
        }
        xnorm = nrm2(&x[1..]);
        beta = -(alphr.hypot(alphi).hypot(xnorm)).copysign(alphr);
    }
    let tau = Complex64::new((beta - alphr) / beta, -alphi / beta);
    if complex {
        let scale = Complex64::new(1.0, 0.0) / Complex64::new(alphr - beta, alphi);
        for v in &mut x[1..] {
            *v *= scale;
        }
    } else {
        let scale = 1.0 / (alphr - beta);
        for v in &mut x[1..] {
            v.re *= scale;
        }
    }
    for _ in 0..knt {
        beta *= safmin;
    }
    x[0] = Complex64::new(beta, 0.0);
    tau
}

/// The 2-norm without overflow (scaled sum of squares).
fn nrm2(x: &[Complex64]) -> f64 {
    let mut scale = 0.0f64;
    let mut ssq = 1.0f64;
    for z in x {
        for part in [z.re, z.im] {
            if part != 0.0 {
                let a = part.abs();
                if scale < a {
                    ssq = 1.0 + ssq * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    ssq += (a / scale) * (a / scale);
                }
            }
        }
    }
    scale * ssq.sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    /// Rebuilds Q R from the raw factors (LAPACK's reflector product).
    fn rebuild(h: &[Complex64], tau: &[Complex64], m: usize, n: usize) -> Vec<Complex64> {
        // h is C-order (n x m) == column-major (m x n) factored matrix.
        let k = m.min(n);
        let mut qr = vec![Complex64::new(0.0, 0.0); m * n]; // column-major
        for j in 0..n {
            for i in 0..=j.min(m - 1) {
                qr[j * m + i] = h[j * m + i];
            }
        }
        for i in (0..k).rev() {
            for j in 0..n {
                let mut w = qr[j * m + i];
                for r in i + 1..m {
                    w += h[i * m + r].conj() * qr[j * m + r];
                }
                let s = tau[i] * w;
                qr[j * m + i] -= s;
                for r in i + 1..m {
                    qr[j * m + r] -= h[i * m + r] * s;
                }
            }
        }
        qr
    }

    #[test]
    fn reflectors_rebuild_the_matrix() {
        let a = array![
            [1.0f64, -2.0, 0.5],
            [3.0, 0.0, 1.0],
            [-1.0, 4.0, 2.0],
            [0.0, 1.0, -3.0]
        ];
        let raw = qr_raw(&a).unwrap();
        let h: Vec<Complex64> = raw.h.iter().map(|&x| Complex64::new(x, 0.0)).collect();
        let t: Vec<Complex64> = raw.tau.iter().map(|&x| Complex64::new(x, 0.0)).collect();
        let back = rebuild(&h, &t, 4, 3);
        for i in 0..4 {
            for j in 0..3 {
                assert!((back[j * 4 + i].re - a[[i, j]]).abs() < 1e-14, "{i} {j}");
            }
        }
        // LAPACK: R[0,0] = -sign(a00) * |a[:,0]|.
        assert!((raw.h[[0, 0]] + 11.0f64.sqrt()).abs() < 1e-14);
    }

    #[test]
    fn complex_last_diagonal_is_made_real() {
        use num_complex::Complex;
        let a = array![
            [Complex::new(1.0f64, 1.0), Complex::new(0.0, 2.0)],
            [Complex::new(2.0, 0.0), Complex::new(1.0, -1.0)]
        ];
        let raw = qr_raw(&a).unwrap();
        assert!(raw.h[[1, 1]].im.abs() < 1e-15 && raw.h[[0, 0]].im.abs() < 1e-15);
        assert!(raw.tau[[1]].norm() > 0.0);
        let back = rebuild(raw.h.as_slice().unwrap(), raw.tau.as_slice().unwrap(), 2, 2);
        for i in 0..2 {
            for j in 0..2 {
                assert!((back[j * 2 + i] - a[[i, j]]).norm() < 1e-14);
            }
        }
    }

    #[test]
    fn tiny_columns_are_rescaled() {
        let a = array![[1e-310f64], [2e-310]];
        let raw = qr_raw(&a).unwrap();
        let want = -(5.0f64.sqrt()) * 1e-310;
        assert!((raw.h[[0, 0]] - want).abs() <= 1e-12 * want.abs());
    }
}
