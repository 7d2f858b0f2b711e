//! Projections onto the null space and the row space of a constraint
//! Jacobian `A` (m×n), SciPy's `_trustregion_constr/projections.py` with
//! the dense 'QRFactorization' method (`A^T P = Q R` by Householder QR
//! with column pivoting) and, when `A` is rank deficient, SciPy's fallback
//! 'SVDFactorization' (singular values above 1e-15 kept).

#![allow(clippy::needless_range_loop)] // index loops mirror SciPy's array code

use crate::{Error, Result};

/// The factorisation behind `Z` (null space), `LS` (least-squares
/// multipliers) and `Y` (row space).
pub(crate) struct Projections {
    m: usize,
    n: usize,
    /// `A`, m×n row-major.
    a: Vec<f64>,
    /// Householder vectors of `A^T` (n×k column-major in `qr`) and taus.
    qr: Vec<f64>,
    tau: Vec<f64>,
    /// `R`, k×m upper triangular, row-major.
    r: Vec<f64>,
    /// Column permutation `P` of `A^T`.
    perm: Vec<usize>,
    /// The SVD fallback: `U` (m×k row-major), `s`, `Vt` (k×n row-major).
    svd: Option<(Vec<f64>, Vec<f64>, Vec<f64>)>,
    /// 'AugmentedSystem': the LU factors (row-major, unit lower) and row
    /// pivots of `K = [[I, A^T], [A, 0]]`.
    aug: Option<(Vec<f64>, Vec<usize>)>,
}

/// How the projections are computed (SciPy's `factorization_method`).
///
/// ```
/// use sciox::optimize::FactorizationMethod;
/// assert_eq!(FactorizationMethod::default(), FactorizationMethod::QRFactorization);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FactorizationMethod {
    /// Householder QR with column pivoting of `A^T` (SciPy's default for
    /// dense Jacobians); the SVD when `A` is rank deficient.
    #[default]
    QRFactorization,
    /// Thin SVD of `A`, singular values above 1e-15 kept (copes with
    /// rank-deficient Jacobians).
    SVDFactorization,
    /// LU factorisation of the augmented system `[[I, A^T], [A, 0]]`
    /// (SciPy's default for sparse Jacobians; dense here), with iterative
    /// refinement; the SVD when the system is singular.
    AugmentedSystem,
}

const ORTH_TOL: f64 = 1e-12;
const MAX_REFIN: usize = 3;
const TOL: f64 = 1e-15;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

impl Projections {
    /// Factorises `A` (m×n row-major). Errors as SciPy: more rows than
    /// columns ("expected square matrix") and a singular `A` (SciPy falls
    /// back to an SVD there).
    pub fn with_method(a: &[f64], m: usize, n: usize, method: FactorizationMethod) -> Result<Self> {
        match method {
            FactorizationMethod::QRFactorization => Self::new(a, m, n),
            FactorizationMethod::SVDFactorization if m > 0 => Self::new_svd(a, m, n),
            FactorizationMethod::AugmentedSystem if m > 0 => Self::new_aug(a, m, n),
            _ => Self::new(a, m, n),
        }
    }

    fn new_aug(a: &[f64], m: usize, n: usize) -> Result<Self> {
        let nn = n + m;
        let mut k = vec![0.0; nn * nn];
        for i in 0..n {
            k[i * nn + i] = 1.0;
        }
        for r in 0..m {
            for j in 0..n {
                k[j * nn + n + r] = a[r * n + j];
                k[(n + r) * nn + j] = a[r * n + j];
            }
        }
        let mut piv: Vec<usize> = (0..nn).collect();
        for c in 0..nn {
            let mut best = c;
            for r in c + 1..nn {
                if k[r * nn + c].abs() > k[best * nn + c].abs() {
                    best = r;
                }
            }
            if k[best * nn + c] == 0.0 || k[best * nn + c].is_nan() {
                // SciPy: "Singular Jacobian matrix. Using dense SVD
                // decomposition to perform the factorizations."
                return Self::new_svd(a, m, n);
            }
            if best != c {
                for j in 0..nn {
                    k.swap(c * nn + j, best * nn + j);
                }
                piv.swap(c, best);
            }
            let d = k[c * nn + c];
            for r in c + 1..nn {
                let l = k[r * nn + c] / d;
                k[r * nn + c] = l;
                if l != 0.0 {
                    for j in c + 1..nn {
                        k[r * nn + j] -= l * k[c * nn + j];
                    }
                }
            }
        }
        Ok(Projections {
            m,
            n,
            a: a.to_vec(),
            qr: Vec::new(),
            tau: Vec::new(),
            r: Vec::new(),
            perm: Vec::new(),
            svd: None,
            aug: Some((k, piv)),
        })
    }

    /// Solves `K u = b` with the LU factors of the augmented system.
    fn aug_solve(&self, b: &[f64]) -> Vec<f64> {
        let (lu, piv) = self.aug.as_ref().expect("aug");
        let nn = b.len();
        let mut u: Vec<f64> = piv.iter().map(|&p| b[p]).collect();
        for i in 0..nn {
            let mut s = u[i];
            for j in 0..i {
                s -= lu[i * nn + j] * u[j];
            }
            u[i] = s;
        }
        for i in (0..nn).rev() {
            let mut s = u[i];
            for j in i + 1..nn {
                s -= lu[i * nn + j] * u[j];
            }
            u[i] = s / lu[i * nn + i];
        }
        u
    }

    /// `K u` of the augmented system.
    fn aug_dot(&self, u: &[f64]) -> Vec<f64> {
        let (n, m) = (self.n, self.m);
        let mut out = u[..n].to_vec();
        for r in 0..m {
            let row = &self.a[r * n..(r + 1) * n];
            for j in 0..n {
                out[j] += row[j] * u[n + r];
            }
        }
        for r in 0..m {
            out.push(dot(&self.a[r * n..(r + 1) * n], &u[..n]));
        }
        out
    }

    pub fn new(a: &[f64], m: usize, n: usize) -> Result<Self> {
        if m == 0 {
            return Ok(Projections {
                m,
                n,
                a: Vec::new(),
                qr: Vec::new(),
                tau: Vec::new(),
                r: Vec::new(),
                perm: Vec::new(),
                svd: None,
                aug: None,
            });
        }
        // M = A^T (n×m), stored column-major: column j of M is row j of A.
        let mut qr = a.to_vec();
        let k = m.min(n);
        let mut perm: Vec<usize> = (0..m).collect();
        let mut tau = vec![0.0; k];
        for step in 0..k {
            // pivot: the remaining column of largest norm (first on ties)
            let mut best = step;
            let mut bn = -1.0;
            for j in step..m {
                let c = &qr[j * n + step..(j + 1) * n];
                let v = dot(c, c);
                if v > bn {
                    bn = v;
                    best = j;
                }
            }
            if best != step {
                for i in 0..n {
                    qr.swap(step * n + i, best * n + i);
                }
                perm.swap(step, best);
            }
            // Householder on column `step`, rows step..n
            let col = &mut qr[step * n..(step + 1) * n];
            let alpha = col[step];
            let xnorm = norm(&col[step + 1..]);
            if xnorm == 0.0 {
                tau[step] = 0.0;
                continue;
            }
            let beta = -alpha.signum() * (alpha * alpha + xnorm * xnorm).sqrt();
            let beta = if alpha == 0.0 { -beta.abs() } else { beta };
            tau[step] = (beta - alpha) / beta;
            let scale = 1.0 / (alpha - beta);
            for v in col[step + 1..].iter_mut() {
                *v *= scale;
            }
            col[step] = beta;
            // apply H = I - tau v v^T to the remaining columns
            let (head, tail) = qr.split_at_mut((step + 1) * n);
            let v = &head[step * n..(step + 1) * n];
            for j in 0..(m - step - 1) {
                let c = &mut tail[j * n..(j + 1) * n];
                let mut s = c[step];
                for i in step + 1..n {
                    s += v[i] * c[i];
                }
                s *= tau[step];
                c[step] -= s;
                for i in step + 1..n {
                    c[i] -= s * v[i];
                }
            }
        }
        let mut r = vec![0.0; k * m];
        for j in 0..m {
            for i in 0..=j.min(k - 1) {
                r[i * m + j] = qr[j * n + i];
            }
        }
        let last = &r[(k - 1) * m..k * m];
        if last.iter().fold(0.0f64, |acc, v| acc.max(v.abs())) < TOL || last.iter().any(|v| v.is_nan()) {
            // SciPy: "Singular Jacobian matrix. Using SVD decomposition to
            // perform the factorizations."
            return Self::new_svd(a, m, n);
        }
        if m > n {
            return Err(Error::invalid(
                "The 'expected square matrix' error can occur if there are more equality \
                 constraints than independent variables. Consider how your constraints are set up.",
            ));
        }
        Ok(Projections {
            m,
            n,
            a: a.to_vec(),
            qr,
            tau,
            r,
            perm,
            svd: None,
            aug: None,
        })
    }

    fn new_svd(a: &[f64], m: usize, n: usize) -> Result<Self> {
        if a.iter().any(|v| !v.is_finite()) {
            return Err(Error::invalid("The constraint Jacobian contains NaN or inf."));
        }
        let k = m.min(n);
        let mat = faer::Mat::<f64>::from_fn(m, n, |i, j| a[i * n + j]);
        let svd = mat
            .thin_svd()
            .map_err(|_| Error::invalid("SVD of the constraint Jacobian did not converge."))?;
        let (uu, ss, vv) = (svd.U(), svd.S().column_vector(), svd.V());
        let keep: Vec<usize> = (0..k).filter(|&l| ss[l] > TOL).collect();
        let kk = keep.len();
        let mut u = vec![0.0; m * kk];
        let mut vt = vec![0.0; kk * n];
        for (c, &l) in keep.iter().enumerate() {
            for i in 0..m {
                u[i * kk + c] = uu[(i, l)];
            }
            for j in 0..n {
                vt[c * n + j] = vv[(j, l)];
            }
        }
        let s = keep.iter().map(|&l| ss[l]).collect();
        Ok(Projections {
            m,
            n,
            a: a.to_vec(),
            qr: Vec::new(),
            tau: Vec::new(),
            r: Vec::new(),
            perm: Vec::new(),
            svd: Some((u, s, vt)),
            aug: None,
        })
    }

    /// `U (Vt x / s)` of the SVD fallback.
    fn svd_ls(&self, x: &[f64]) -> Vec<f64> {
        let (u, s, vt) = self.svd.as_ref().expect("svd");
        let (m, n, k) = (self.m, self.n, s.len());
        let aux: Vec<f64> = (0..k).map(|c| dot(&vt[c * n..(c + 1) * n], x) / s[c]).collect();
        (0..m).map(|i| dot(&u[i * k..(i + 1) * k], &aux)).collect()
    }

    /// `Q^T x` (first k entries).
    fn qt(&self, x: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut y = x.to_vec();
        for step in 0..self.m {
            let v = &self.qr[step * n..(step + 1) * n];
            let mut s = y[step];
            for i in step + 1..n {
                s += v[i] * y[i];
            }
            s *= self.tau[step];
            y[step] -= s;
            for i in step + 1..n {
                y[i] -= s * v[i];
            }
        }
        y.truncate(self.m);
        y
    }

    /// `Q y` for `y` of length k.
    fn q(&self, y: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut x = vec![0.0; n];
        x[..self.m].copy_from_slice(y);
        for step in (0..self.m).rev() {
            let v = &self.qr[step * n..(step + 1) * n];
            let mut s = x[step];
            for i in step + 1..n {
                s += v[i] * x[i];
            }
            s *= self.tau[step];
            x[step] -= s;
            for i in step + 1..n {
                x[i] -= s * v[i];
            }
        }
        x
    }

    /// Solves `R u = b`.
    fn solve_r(&self, b: &[f64]) -> Vec<f64> {
        let m = self.m;
        let mut u = b.to_vec();
        for i in (0..m).rev() {
            let mut s = u[i];
            for j in i + 1..m {
                s -= self.r[i * m + j] * u[j];
            }
            u[i] = s / self.r[i * m + i];
        }
        u
    }

    /// Solves `R^T u = b`.
    fn solve_rt(&self, b: &[f64]) -> Vec<f64> {
        let m = self.m;
        let mut u = b.to_vec();
        for i in 0..m {
            let mut s = u[i];
            for j in 0..i {
                s -= self.r[j * m + i] * u[j];
            }
            u[i] = s / self.r[i * m + i];
        }
        u
    }

    fn at_dot(&self, v: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut z = vec![0.0; n];
        for (i, vi) in v.iter().enumerate() {
            for (zj, aij) in z.iter_mut().zip(&self.a[i * n..(i + 1) * n]) {
                *zj += aij * vi;
            }
        }
        z
    }

    fn orthogonality(&self, g: &[f64]) -> f64 {
        let ng = norm(g);
        let na = norm(&self.a);
        if ng == 0.0 || na == 0.0 {
            return 0.0;
        }
        let n = self.n;
        let ag: Vec<f64> = (0..self.m).map(|i| dot(&self.a[i * n..(i + 1) * n], g)).collect();
        norm(&ag) / (na * ng)
    }

    fn ls_v(&self, x: &[f64]) -> Vec<f64> {
        if self.svd.is_some() {
            return self.svd_ls(x);
        }
        let aux = self.solve_r(&self.qt(x));
        let mut v = vec![0.0; self.m];
        for (k, &p) in self.perm.iter().enumerate() {
            v[p] = aux[k];
        }
        v
    }

    /// `Z x`: the projection of `x` onto the null space of `A`, with
    /// SciPy's iterative refinement.
    pub fn null_space(&self, x: &[f64]) -> Vec<f64> {
        if self.m == 0 {
            return x.to_vec();
        }
        if self.aug.is_some() {
            let mut v = x.to_vec();
            v.extend(std::iter::repeat_n(0.0, self.m));
            let mut sol = self.aug_solve(&v);
            let mut k = 0;
            while self.orthogonality(&sol[..self.n]) > ORTH_TOL {
                if k >= MAX_REFIN {
                    break;
                }
                let ks = self.aug_dot(&sol);
                let new_v: Vec<f64> = v.iter().zip(&ks).map(|(a, b)| a - b).collect();
                let upd = self.aug_solve(&new_v);
                sol.iter_mut().zip(&upd).for_each(|(a, b)| *a += b);
                k += 1;
            }
            sol.truncate(self.n);
            return sol;
        }
        let v = self.ls_v(x);
        let atv = self.at_dot(&v);
        let mut z: Vec<f64> = x.iter().zip(&atv).map(|(a, b)| a - b).collect();
        let mut k = 0;
        while self.orthogonality(&z) > ORTH_TOL {
            if k >= MAX_REFIN {
                break;
            }
            let v = self.ls_v(&z);
            let atv = self.at_dot(&v);
            z.iter_mut().zip(&atv).for_each(|(a, b)| *a -= b);
            k += 1;
        }
        z
    }

    /// `LS x`: least-squares multipliers, `argmin ||A^T v - x||`.
    pub fn least_squares(&self, x: &[f64]) -> Vec<f64> {
        if self.m == 0 {
            return Vec::new();
        }
        if self.aug.is_some() {
            let mut v = x.to_vec();
            v.extend(std::iter::repeat_n(0.0, self.m));
            return self.aug_solve(&v)[self.n..].to_vec();
        }
        self.ls_v(x)
    }

    /// `Y x`: the minimum-norm solution of `A z = x`.
    pub fn row_space(&self, x: &[f64]) -> Vec<f64> {
        if self.m == 0 {
            return vec![0.0; self.n];
        }
        if self.aug.is_some() {
            let mut v = vec![0.0; self.n];
            v.extend_from_slice(x);
            let mut sol = self.aug_solve(&v);
            sol.truncate(self.n);
            return sol;
        }
        if let Some((u, s, vt)) = &self.svd {
            let (m, n, k) = (self.m, self.n, s.len());
            let mut aux = vec![0.0; k];
            for i in 0..m {
                for c in 0..k {
                    aux[c] += u[i * k + c] * x[i];
                }
            }
            let mut z = vec![0.0; n];
            for c in 0..k {
                let t = aux[c] / s[c];
                for j in 0..n {
                    z[j] += vt[c * n + j] * t;
                }
            }
            return z;
        }
        let aux: Vec<f64> = self.perm.iter().map(|&p| x[p]).collect();
        let u = self.solve_rt(&aux);
        self.q(&u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projections_of_one_row() {
        // A = [1 1 0; 0 1 1]
        let a = [1.0, 1.0, 0.0, 0.0, 1.0, 1.0];
        let p = Projections::new(&a, 2, 3).unwrap();
        let z = p.null_space(&[1.0, 2.0, 3.0]);
        // null space of A is span (1,-1,1): projection of (1,2,3) is 2/3 (1,-1,1)
        for (zi, e) in z.iter().zip([2.0 / 3.0, -2.0 / 3.0, 2.0 / 3.0]) {
            assert!((zi - e).abs() < 1e-14, "{z:?}");
        }
        let y = p.row_space(&[1.0, 2.0]);
        // A y = b (rounding only)
        assert!((y[0] + y[1] - 1.0).abs() < 1e-14 && (y[1] + y[2] - 2.0).abs() < 1e-14);
        // least squares: A^T v = x exactly solvable for x in the row space
        let v = p.least_squares(&[1.0, 2.0, 1.0]);
        assert!((v[0] - 1.0).abs() < 1e-14 && (v[1] - 1.0).abs() < 1e-14, "{v:?}");
        // rank-deficient: the SVD fallback projects onto the null space of (1, 1)
        let p = Projections::new(&[1.0, 1.0, 2.0, 2.0], 2, 2).unwrap();
        let z = p.null_space(&[1.0, 0.0]);
        assert!((z[0] - 0.5).abs() < 1e-14 && (z[1] + 0.5).abs() < 1e-14, "{z:?}");
        let y = p.row_space(&[1.0, 2.0]);
        // consistent right-hand side: A y = b with minimum norm (0.5, 0.5)
        assert!((y[0] - 0.5).abs() < 1e-14 && (y[1] - 0.5).abs() < 1e-14, "{y:?}");
        // the three methods give the same projections
        let a = [1.0, 2.0, 0.5, 0.0, 1.0, -1.0];
        let x = [0.3, -1.2, 2.0];
        let b = [1.0, -2.0];
        let q = Projections::new(&a, 2, 3).unwrap();
        for meth in [
            FactorizationMethod::SVDFactorization,
            FactorizationMethod::AugmentedSystem,
        ] {
            let o = Projections::with_method(&a, 2, 3, meth).unwrap();
            let pairs = [
                (q.null_space(&x), o.null_space(&x)),
                (q.least_squares(&x), o.least_squares(&x)),
                (q.row_space(&b), o.row_space(&b)),
            ];
            for (u, v) in pairs {
                // different factorisations: rounding-level agreement
                assert!(
                    u.iter().zip(&v).all(|(s, t)| (s - t).abs() < 1e-14),
                    "{meth:?}: {u:?} {v:?}"
                );
            }
        }
        // more rows than columns, full column rank: SciPy's error
        assert!(Projections::new(&[1.0, 0.0, 0.0, 1.0, 1.0, 1.0], 3, 2).is_err());
    }
}
