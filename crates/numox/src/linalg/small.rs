//! Fast paths for stacks of tiny matrices (`n <= 4`), where a call into a
//! blocked LAPACK-style routine costs far more than the arithmetic: an
//! unrolled LU with LAPACK's partial pivoting (same pivot choice, same
//! exact-zero-pivot singularity test) for `solve`, `inv`, `det` and
//! `slogdet`, and cyclic Jacobi rotations for the symmetric eigenproblem.

use super::scalar::WorkScalar;

/// Largest order handled here.
pub(crate) const MAX: usize = 4;

/// A tiny square matrix, row-major, in the working type.
pub(crate) type Small<W> = [[W; MAX]; MAX];

/// An LU factorisation `P A = L U` of a tiny matrix, in place: `a` holds the
/// unit-lower `L` below the diagonal and `U` on and above it; `perm[i]` is
/// the original row now at row `i`.
pub(crate) struct SmallLu<W> {
    pub(crate) a: Small<W>,
    pub(crate) perm: [usize; MAX],
    pub(crate) swaps: usize,
    pub(crate) n: usize,
    /// A pivot was exactly zero (LAPACK's `info > 0`).
    pub(crate) singular: bool,
}

/// Factors the tiny matrix `a` (order `n`) with partial pivoting: the pivot
/// of column `j` is the first row with the largest `|re| + |im|` (LAPACK's
/// `i?amax`).
#[inline]
pub(crate) fn lu<W: WorkScalar>(mut a: Small<W>, n: usize) -> SmallLu<W> {
    let mut perm = [0, 1, 2, 3];
    let mut swaps = 0;
    let mut singular = false;
    for j in 0..n {
        let mut p = j;
        let mut best = a[j][j].abs1_w();
        for i in j + 1..n {
            let v = a[i][j].abs1_w();
            if v > best {
                best = v;
                p = i;
            }
        }
        if p != j {
            a.swap(p, j);
            perm.swap(p, j);
            swaps += 1;
        }
        let piv = a[j][j];
        if piv == W::zero() {
            singular = true;
            continue;
        }
        let r = W::one() / piv;
        for i in j + 1..n {
            let l = a[i][j] * r;
            a[i][j] = l;
            for c in j + 1..n {
                let u = a[j][c];
                a[i][c] -= l * u;
            }
        }
    }
    SmallLu {
        a,
        perm,
        swaps,
        n,
        singular,
    }
}

impl<W: WorkScalar> SmallLu<W> {
    /// Solves `A x = b` for one right-hand side (requires `!singular`).
    #[inline]
    pub(crate) fn solve(&self, b: &[W; MAX]) -> [W; MAX] {
        let n = self.n;
        let mut x = [W::zero(); MAX];
        for i in 0..n {
            let mut s = b[self.perm[i]];
            for (c, &xc) in x.iter().enumerate().take(i) {
                s -= self.a[i][c] * xc;
            }
            x[i] = s;
        }
        for i in (0..n).rev() {
            let mut s = x[i];
            for c in i + 1..n {
                s -= self.a[i][c] * x[c];
            }
            x[i] = s / self.a[i][i];
        }
        x
    }
}

/// The eigenvalues (ascending) and eigenvectors (columns of `v`) of the
/// real symmetric tiny matrix `a`, by cyclic Jacobi rotations (which reach
/// full relative accuracy for each eigenvalue).
pub(crate) fn jacobi_eigh(a: [[f64; MAX]; MAX], n: usize, want_v: bool) -> ([f64; MAX], [[f64; MAX]; MAX]) {
    // The order as a constant, so the rotation loops unroll.
    match n {
        1 => jacobi_n::<1>(a, want_v),
        2 => jacobi_n::<2>(a, want_v),
        3 => jacobi_n::<3>(a, want_v),
        _ => jacobi_n::<4>(a, want_v),
    }
}

#[inline(always)]
fn jacobi_n<const N: usize>(mut a: [[f64; MAX]; MAX], want_v: bool) -> ([f64; MAX], [[f64; MAX]; MAX]) {
    let n = N;
    let mut v = [[0.0; MAX]; MAX];
    for (i, row) in v.iter_mut().enumerate().take(n) {
        row[i] = 1.0;
    }
    for _sweep in 0..60 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p][q];
                let (app, aqq) = (a[p][p], a[q][q]);
                // Negligible relative to the diagonal (the criterion that
                // keeps Jacobi's high relative accuracy): annihilate.
                if apq.abs() <= f64::EPSILON * (app * aqq).abs().sqrt() {
                    a[p][q] = 0.0;
                    a[q][p] = 0.0;
                    continue;
                }
                rotated = true;
                let h = aqq - app;
                let t = if h.abs() + 100.0 * apq.abs() == h.abs() {
                    apq / h
                } else {
                    let theta = 0.5 * h / apq;
                    let t = 1.0 / (theta.abs() + (1.0 + theta * theta).sqrt());
                    if theta < 0.0 { -t } else { t }
                };
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = t * c;
                let tau = s / (1.0 + c);
                a[p][p] = app - t * apq;
                a[q][q] = aqq + t * apq;
                a[p][q] = 0.0;
                a[q][p] = 0.0;
                for r in 0..n {
                    if r != p && r != q {
                        let (arp, arq) = (a[r][p], a[r][q]);
                        let np = arp - s * (arq + tau * arp);
                        let nq = arq + s * (arp - tau * arq);
                        a[r][p] = np;
                        a[p][r] = np;
                        a[r][q] = nq;
                        a[q][r] = nq;
                    }
                }
                if want_v {
                    for row in v.iter_mut().take(n) {
                        let (vp, vq) = (row[p], row[q]);
                        row[p] = vp - s * (vq + tau * vp);
                        row[q] = vq + s * (vp - tau * vq);
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    // Sort ascending (stable selection keeps the order of equal values).
    let mut w = [0.0; MAX];
    for (i, wi) in w.iter_mut().enumerate().take(n) {
        *wi = a[i][i];
    }
    for i in 0..n {
        let mut k = i;
        for j in i + 1..n {
            if w[j] < w[k] {
                k = j;
            }
        }
        if k != i {
            w.swap(i, k);
            for row in v.iter_mut().take(n) {
                row.swap(i, k);
            }
        }
    }
    (w, v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::element::Complex64;

    #[test]
    fn lu_solves_and_detects_singularity() {
        let mut a = [[0.0; MAX]; MAX];
        let rows = [[2.0, 1.0, 1.0], [4.0, -6.0, 0.0], [-2.0, 7.0, 2.0]];
        for i in 0..3 {
            a[i][..3].copy_from_slice(&rows[i]);
        }
        let f = lu(a, 3);
        assert!(!f.singular);
        let x = f.solve(&[5.0, -2.0, 9.0, 0.0]);
        for (got, want) in x.iter().zip([1.0, 1.0, 2.0]) {
            assert!((got - want).abs() < 1e-14);
        }
        assert_eq!(f.perm[0], 1); // largest |a[i][0]| is row 1
        let mut s = [[0.0; MAX]; MAX];
        s[0][0] = 1.0;
        s[0][1] = 2.0;
        s[1][0] = 2.0;
        s[1][1] = 4.0;
        assert!(lu(s, 2).singular);
        let mut c = [[Complex64::new(0.0, 0.0); MAX]; MAX];
        c[0][0] = Complex64::new(0.0, 1.0);
        c[1][1] = Complex64::new(2.0, 0.0);
        let fc = lu(c, 2);
        let xc = fc.solve(&[
            Complex64::new(1.0, 0.0),
            Complex64::new(4.0, 0.0),
            Complex64::new(0.0, 0.0),
            Complex64::new(0.0, 0.0),
        ]);
        assert_eq!(xc[0], Complex64::new(0.0, -1.0));
        assert_eq!(xc[1], Complex64::new(2.0, 0.0));
    }

    #[test]
    fn jacobi_diagonalises() {
        let mut a = [[0.0; MAX]; MAX];
        let rows = [[4.0, 1.0, 2.0], [1.0, 3.0, 0.5], [2.0, 0.5, 1.0]];
        for i in 0..3 {
            a[i][..3].copy_from_slice(&rows[i]);
        }
        let (w, v) = jacobi_eigh(a, 3, true);
        assert!(w[0] <= w[1] && w[1] <= w[2]);
        // A v_k = w_k v_k
        for k in 0..3 {
            for i in 0..3 {
                let av: f64 = (0..3).map(|j| rows[i][j] * v[j][k]).sum();
                assert!((av - w[k] * v[i][k]).abs() < 1e-13);
            }
        }
        let trace: f64 = w[..3].iter().sum();
        assert!((trace - 8.0).abs() < 1e-13);
    }
}
