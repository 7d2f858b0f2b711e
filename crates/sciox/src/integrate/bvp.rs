//! `scipy.integrate.solve_bvp`: SciPy's 4th-order collocation solver
//! (Lobatto IIIA, a C1 cubic spline through the mesh nodes) with residual
//! control and mesh refinement (Kierzenka & Shampine), Newton iterations
//! with SciPy's affine-invariant damping and Jacobian reuse, unknown
//! parameters `p` and the singular term `S y / (x - a)`.
//!
//! SciPy factors the sparse collocation Jacobian with SuperLU; sciox
//! eliminates the same matrix with partial pivoting in its banded
//! structure (the boundary rows are moved first, `y(b)` and `p` are dense
//! border columns), so the work per Newton step is linear in the number of
//! mesh nodes. The iterates agree with SciPy's up to rounding.

// Index loops mirror SciPy's array formulas over nodes and components.
#![allow(clippy::needless_range_loop)]

use super::ivp::{OdeScalar, lu_factor};
use crate::{Error, Result};
use numox::Array;
use numox::array::{ArrayBase, Data};

const EPS: f64 = f64::EPSILON;

/// The Jacobian of the right-hand side at one point: `fun_jac(x, y, p,
/// df_dy, df_dp)` writes `df_dy` (`n × n`, row-major, `[i * n + j] = d f_i
/// / d y_j`) and `df_dp` (`n × k`, row-major).
pub type BvpFunJac<'a, T = f64> = Box<dyn FnMut(f64, &[T], &[T], &mut [T], &mut [T]) + 'a>;

/// The Jacobian of the boundary conditions: `bc_jac(ya, yb, p, dbc_dya,
/// dbc_dyb, dbc_dp)` writes the three row-major blocks (`(n + k) × n`,
/// `(n + k) × n`, `(n + k) × k`).
pub type BvpBcJac<'a, T = f64> = Box<dyn FnMut(&[T], &[T], &[T], &mut [T], &mut [T], &mut [T]) + 'a>;

/// Options of [`solve_bvp`] with SciPy's defaults (`T`: `f64`, or
/// `Complex64` for a complex domain).
///
/// ```
/// let o: sciox::integrate::BvpOptions = Default::default();
/// assert_eq!((o.tol, o.max_nodes, o.bc_tol), (1e-3, 1000, None));
/// ```
pub struct BvpOptions<'a, T = f64> {
    /// Initial guess of the unknown parameters (`k` of them; `None`: the
    /// problem has none).
    pub p: Option<Vec<T>>,
    /// The singular term's matrix `S` (`n × n`, row-major, real): the
    /// system is `y' = f(x, y, p) + S y / (x - a)`, and `S y(a) = 0` is
    /// enforced.
    pub s: Option<Vec<f64>>,
    /// The right-hand side's Jacobian; `None`: forward differences as SciPy.
    pub fun_jac: Option<BvpFunJac<'a, T>>,
    /// The boundary conditions' Jacobian; `None`: forward differences.
    pub bc_jac: Option<BvpBcJac<'a, T>>,
    /// Tolerance on the RMS relative residual `(y' - f) / (1 + |f|)` of
    /// each interval (default 1e-3; values below `100 eps` are raised to
    /// `100 eps`, where SciPy warns).
    pub tol: f64,
    /// Maximum number of mesh nodes (default 1000).
    pub max_nodes: usize,
    /// Absolute tolerance of the boundary residuals (default: `tol`).
    pub bc_tol: Option<f64>,
}

impl<T> Default for BvpOptions<'_, T> {
    fn default() -> Self {
        BvpOptions {
            p: None,
            s: None,
            fun_jac: None,
            bc_jac: None,
            tol: 1e-3,
            max_nodes: 1000,
            bc_tol: None,
        }
    }
}

/// The solution of [`solve_bvp`] as a C1 cubic spline (SciPy's `sol`, a
/// `PPoly`), extrapolated beyond the mesh with the end pieces.
#[derive(Clone, Debug)]
pub struct BvpSolution<T = f64> {
    n: usize,
    x: Vec<f64>,
    /// Per interval `i`, per component `c`: the 4 coefficients (highest
    /// power first) at `[(i * n + c) * 4..]`.
    c: Vec<T>,
}

impl<T: OdeScalar> BvpSolution<T> {
    fn new(n: usize, x: &[f64], y: &[T], yp: &[T]) -> Self {
        let m = x.len();
        let mut c = vec![T::default(); (m - 1) * n * 4];
        for i in 0..m - 1 {
            let h = x[i + 1] - x[i];
            for q in 0..n {
                let (y0, y1) = (y[i * n + q], y[(i + 1) * n + q]);
                let (p0, p1) = (yp[i * n + q], yp[(i + 1) * n + q]);
                let slope = (y1 - y0) / h;
                let t = (p0 + p1 - slope * 2.0) / h;
                let o = (i * n + q) * 4;
                c[o] = t / h;
                c[o + 1] = (slope - p0) / h - t;
                c[o + 2] = p0;
                c[o + 3] = y0;
            }
        }
        BvpSolution { n, x: x.to_vec(), c }
    }

    /// The number of components.
    ///
    /// ```
    /// # use sciox::integrate::{solve_bvp, BvpOptions};
    /// # let r = solve_bvp(|_x, y: &[f64], _p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -y[0] },
    /// #     |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| { r[0] = ya[0]; r[1] = yb[0] - 1.0 },
    /// #     &[0.0, 1.0], &numox::Array::<f64>::zeros(&[2, 2]), BvpOptions::default()).unwrap();
    /// assert_eq!(r.sol.ncomponents(), 2);
    /// ```
    pub fn ncomponents(&self) -> usize {
        self.n
    }

    /// The piece containing `x` (PPoly's search: `x[i] <= t < x[i+1]`, the
    /// last piece for `t == x[m-1]`, the end pieces beyond the mesh).
    fn interval(&self, t: f64) -> usize {
        let m = self.x.len();
        if t >= self.x[m - 1] {
            return m - 2;
        }
        let i = self.x.partition_point(|&v| v <= t);
        i.saturating_sub(1).min(m - 2)
    }

    /// Writes `y(t)` (`nu = 0`) or its derivative of order `nu` (1 to 3)
    /// into `out`; NaN for a NaN `t`.
    fn eval_into(&self, t: f64, nu: usize, out: &mut [T]) {
        if t.is_nan() {
            out.iter_mut().for_each(|v| *v = T::from_f64(f64::NAN));
            return;
        }
        let i = self.interval(t);
        let s = t - self.x[i];
        for (q, o) in out.iter_mut().enumerate() {
            let c = &self.c[(i * self.n + q) * 4..(i * self.n + q) * 4 + 4];
            // PPoly's evaluation: sum of c[3 - kp] * s^(kp - nu) * kp!/(kp - nu)!.
            let mut res = T::default();
            let mut z = 1.0;
            for kp in 0..4 {
                if kp < nu {
                    continue;
                }
                let mut pre = 1.0;
                for f in (kp - nu + 1..=kp).rev() {
                    pre *= f as f64;
                }
                res += c[3 - kp] * z * pre;
                if kp < 3 {
                    z *= s;
                }
            }
            *o = res;
        }
    }

    /// The solution at `t` (one value per component).
    ///
    /// ```
    /// use sciox::integrate::{solve_bvp, BvpOptions};
    /// // y'' = -y, y(0) = 0, y(pi/2) = 1: y = sin x
    /// let x: Vec<f64> = (0..5).map(|i| i as f64 * std::f64::consts::FRAC_PI_8).collect();
    /// let r = solve_bvp(|_x, y: &[f64], _p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -y[0] },
    ///     |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| { r[0] = ya[0]; r[1] = yb[0] - 1.0 },
    ///     &x, &numox::Array::<f64>::zeros(&[2, 5]), BvpOptions::default()).unwrap();
    /// assert!((r.sol.eval(0.5)[0] - 0.5f64.sin()).abs() < 1e-4);
    /// ```
    pub fn eval(&self, t: f64) -> Vec<T> {
        let mut out = vec![T::default(); self.n];
        self.eval_into(t, 0, &mut out);
        out
    }

    /// The derivative of order `nu` (0 to 3; higher orders are 0) at `t`
    /// (SciPy's `sol(t, nu)`).
    ///
    /// ```
    /// use sciox::integrate::{solve_bvp, BvpOptions};
    /// let r = solve_bvp(|_x, y: &[f64], _p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = 0.0 },
    ///     |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| { r[0] = ya[0]; r[1] = yb[0] - 2.0 },
    ///     &[0.0, 1.0], &numox::Array::<f64>::zeros(&[2, 2]), BvpOptions::default()).unwrap();
    /// // y = 2x
    /// assert!((r.sol.derivative(0.3, 1)[0] - 2.0).abs() < 1e-12);
    /// ```
    pub fn derivative(&self, t: f64, nu: usize) -> Vec<T> {
        let mut out = vec![T::default(); self.n];
        if nu <= 3 {
            self.eval_into(t, nu, &mut out);
        } else if t.is_nan() {
            out.iter_mut().for_each(|v| *v = T::from_f64(f64::NAN));
        }
        out
    }

    /// The solution at every point of `ts`, shape `(n, ts.len())` as
    /// SciPy's `sol(ts)`.
    ///
    /// ```
    /// use sciox::integrate::{solve_bvp, BvpOptions};
    /// let r = solve_bvp(|_x, y: &[f64], _p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = 0.0 },
    ///     |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| { r[0] = ya[0] - 1.0; r[1] = yb[0] - 3.0 },
    ///     &[0.0, 1.0], &numox::Array::<f64>::zeros(&[2, 2]), BvpOptions::default()).unwrap();
    /// let v = r.sol.eval_many(&[0.0, 0.5, 1.0]);
    /// assert_eq!(v.shape(), &[2, 3]);
    /// assert!((v[[0, 1]] - 2.0).abs() < 1e-12);
    /// ```
    pub fn eval_many(&self, ts: &[f64]) -> Array<T> {
        let (n, len) = (self.n, ts.len());
        let mut out = vec![T::default(); n * len];
        let mut col = vec![T::default(); n];
        for (j, &t) in ts.iter().enumerate() {
            self.eval_into(t, 0, &mut col);
            for q in 0..n {
                out[q * len + j] = col[q];
            }
        }
        Array::from_shape_vec(&[n, len], out).expect("shape matches")
    }
}

/// The result of [`solve_bvp`] (SciPy's fields).
#[derive(Clone, Debug)]
pub struct BvpResult<T: numox::Element = f64> {
    /// The solution as a C1 cubic spline.
    pub sol: BvpSolution<T>,
    /// The found parameters (`None` when the problem has none).
    pub p: Option<Vec<T>>,
    /// The final mesh.
    pub x: Vec<f64>,
    /// The solution at the mesh nodes, shape `(n, m)`.
    pub y: Array<T>,
    /// The derivative at the mesh nodes, shape `(n, m)`.
    pub yp: Array<T>,
    /// RMS relative residual of each interval.
    pub rms_residuals: Vec<f64>,
    /// Completed iterations (mesh refinements + 1).
    pub niter: usize,
    /// 0 converged, 1 too many nodes, 2 singular Jacobian, 3 boundary
    /// conditions not met within 10 iterations.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `status == 0`.
    pub success: bool,
}

/// The collocation Jacobian's LU factorization with partial pivoting in
/// its banded structure. Row order: the `n + k` boundary rows, then the
/// `m - 1` collocation blocks; column order (SciPy's): `y_0 .. y_{m-1}`,
/// `p`. The first `(m - 1) n` columns are eliminated in the band; `y_{m-1}`
/// and `p` are dense border columns whose final `(n + k)` square block is
/// factored densely.
struct CollocLu<T: OdeScalar> {
    n: usize,
    nb: usize,
    rows: usize,
    mcols: usize,
    w: usize,
    off: Vec<usize>,
    main: Vec<T>,
    border: Vec<T>,
    piv: Vec<usize>,
    lmax: usize,
    mult: Vec<T>,
    tail: super::ivp::DenseLu<T>,
}

impl<T: OdeScalar> CollocLu<T> {
    fn rmax(&self, j: usize) -> usize {
        (self.nb + (j / self.n + 1) * self.n - 1).min(self.rows - 1)
    }

    fn get(&self, pos: usize, col: usize) -> T {
        let o = self.off[pos];
        if col >= o && col < o + self.w {
            self.main[pos * self.w + col - o]
        } else {
            T::default()
        }
    }

    /// Factors; `None` when a pivot is exactly zero (SuperLU's "singular").
    #[allow(clippy::too_many_arguments)]
    fn factor(
        n: usize,
        m: usize,
        k: usize,
        d0: &[T],
        d1: &[T],
        dp: &[T],
        bca: &[T],
        bcb: &[T],
        bcp: &[T],
    ) -> Result<Option<Self>> {
        let nb = n + k;
        let rows = n * m + k;
        let mcols = (m - 1) * n;
        let w = 2 * n;
        let mut lu = CollocLu {
            n,
            nb,
            rows,
            mcols,
            w,
            off: vec![0; rows],
            main: try_vec(rows.checked_mul(w))?,
            border: try_vec(rows.checked_mul(nb))?,
            piv: vec![0; mcols],
            lmax: 2 * n + k - 1,
            mult: try_vec(mcols.checked_mul(2 * n + k - 1))?,
            tail: lu_factor(0, Vec::new()),
        };
        // Boundary rows: ya -> main block 0, yb -> border (block m-1), p -> border.
        for r in 0..nb {
            lu.off[r] = 0;
            for c in 0..n {
                lu.main[r * w + c] = bca[r * n + c];
                lu.border[r * nb + c] = bcb[r * n + c];
            }
            for c in 0..k {
                lu.border[r * nb + n + c] = bcp[r * k + c];
            }
        }
        // Collocation block i: y_i (d0), y_{i+1} (d1), p (dp).
        for i in 0..m - 1 {
            for r in 0..n {
                let pos = nb + i * n + r;
                lu.off[pos] = i * n;
                for c in 0..n {
                    let a = d0[(i * n + r) * n + c];
                    let b = d1[(i * n + r) * n + c];
                    lu.main[pos * w + c] = a;
                    if i + 1 < m - 1 {
                        lu.main[pos * w + n + c] = b;
                    } else {
                        lu.border[pos * nb + c] = b;
                    }
                }
                for c in 0..k {
                    lu.border[pos * nb + n + c] = dp[(i * n + r) * k + c];
                }
            }
        }
        for j in 0..mcols {
            let rmax = lu.rmax(j);
            let mut q = j;
            // SuperLU's pivot magnitude (|re| + |im| for complex).
            let mut best = lu.get(j, j).abs1();
            for pos in j + 1..=rmax {
                let v = lu.get(pos, j).abs1();
                if v > best {
                    best = v;
                    q = pos;
                }
            }
            if best == 0.0 || best.is_nan() {
                return Ok(None);
            }
            lu.piv[j] = q;
            if q != j {
                lu.off.swap(j, q);
                for c in 0..w {
                    lu.main.swap(j * w + c, q * w + c);
                }
                for c in 0..nb {
                    lu.border.swap(j * nb + c, q * nb + c);
                }
            }
            let pivot = lu.get(j, j);
            let poff = lu.off[j];
            let pend = (poff + w).min(mcols);
            for t in j + 1..=rmax {
                let v = lu.get(t, j);
                if v == T::default() {
                    lu.mult[j * lu.lmax + t - j - 1] = T::default();
                    continue;
                }
                let l = v / pivot;
                lu.mult[j * lu.lmax + t - j - 1] = l;
                if lu.off[t] + w < pend {
                    // Slide t's window to start at j + 1 (its columns <= j are
                    // eliminated).
                    let old = lu.off[t];
                    let shift = j + 1 - old;
                    let base = t * w;
                    for c in 0..w {
                        lu.main[base + c] = if c + shift < w {
                            lu.main[base + c + shift]
                        } else {
                            T::default()
                        };
                    }
                    lu.off[t] = j + 1;
                }
                let toff = lu.off[t];
                for col in j + 1..pend {
                    let pv = lu.main[j * w + col - poff];
                    if pv != T::default() {
                        lu.main[t * w + col - toff] -= l * pv;
                    }
                }
                if j >= toff {
                    lu.main[t * w + j - toff] = T::default();
                }
                for c in 0..nb {
                    let pv = lu.border[j * nb + c];
                    lu.border[t * nb + c] -= l * pv;
                }
            }
        }
        let tail: Vec<T> = lu.border[mcols * nb..].to_vec();
        let tlu = lu_factor(nb, tail);
        if tlu.is_singular() {
            return Ok(None);
        }
        lu.tail = tlu;
        Ok(Some(lu))
    }

    /// Solves `J s = r` for `r` in SciPy's row order (collocation residuals
    /// node by node, then the boundary residuals); `s` in SciPy's variable
    /// order.
    fn solve(&self, r: &[T]) -> Vec<T> {
        let (nb, mcols, w) = (self.nb, self.mcols, self.w);
        let mut b = vec![T::default(); self.rows];
        b[..nb].copy_from_slice(&r[mcols..]);
        b[nb..].copy_from_slice(&r[..mcols]);
        for j in 0..mcols {
            let q = self.piv[j];
            b.swap(j, q);
            let bj = b[j];
            for t in j + 1..=self.rmax(j) {
                let l = self.mult[j * self.lmax + t - j - 1];
                if l != T::default() {
                    b[t] -= l * bj;
                }
            }
        }
        let mut xb = b[mcols..].to_vec();
        self.tail.solve(&mut xb);
        let mut x = vec![T::default(); self.rows];
        x[mcols..].copy_from_slice(&xb);
        for j in (0..mcols).rev() {
            let o = self.off[j];
            let mut s = b[j];
            for col in j + 1..(o + w).min(mcols) {
                s -= self.main[j * w + col - o] * x[col];
            }
            for c in 0..nb {
                s -= self.border[j * nb + c] * xb[c];
            }
            x[j] = s / self.main[j * w + j - o];
        }
        x
    }
}

/// A zeroed buffer of `len` elements, or an error when the size overflows
/// or cannot be allocated (a collocation system too large for memory).
fn try_vec<T: OdeScalar>(len: Option<usize>) -> Result<Vec<T>> {
    let too_big = || Error::invalid("solve_bvp: the collocation system is too large to allocate.");
    let len = len.ok_or_else(too_big)?;
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| too_big())?;
    v.resize(len, T::default());
    Ok(v)
}

/// The Moore–Penrose pseudo-inverse of a small square matrix (row-major)
/// by one-sided Jacobi SVD, singular values below `1e-15 * max` dropped
/// (NumPy's `pinv` default).
fn pinv(n: usize, a: &[f64]) -> Vec<f64> {
    // Columns of u are orthogonalized: a v = u; singular values = norms.
    let mut u = a.to_vec();
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _sweep in 0..60 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (mut alpha, mut beta, mut gamma) = (0.0, 0.0, 0.0);
                for i in 0..n {
                    let (up, uq) = (u[i * n + p], u[i * n + q]);
                    alpha += up * up;
                    beta += uq * uq;
                    gamma += up * uq;
                }
                if gamma.abs() <= 1e-300 || gamma.abs() <= EPS * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                for i in 0..n {
                    let (up, uq) = (u[i * n + p], u[i * n + q]);
                    u[i * n + p] = c * up - s * uq;
                    u[i * n + q] = s * up + c * uq;
                    let (vp, vq) = (v[i * n + p], v[i * n + q]);
                    v[i * n + p] = c * vp - s * vq;
                    v[i * n + q] = s * vp + c * vq;
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let sig: Vec<f64> = (0..n)
        .map(|j| (0..n).map(|i| u[i * n + j] * u[i * n + j]).sum::<f64>().sqrt())
        .collect();
    let smax = sig.iter().fold(0.0f64, |a, &b| a.max(b));
    let cut = 1e-15 * smax;
    // pinv = sum_j v_j u_j^T / sigma_j^2 (u_j = sigma_j * unit vector).
    let mut out = vec![0.0; n * n];
    for j in 0..n {
        if sig[j] > cut && sig[j] > 0.0 {
            let s2 = sig[j] * sig[j];
            for r in 0..n {
                for c in 0..n {
                    out[r * n + c] += v[r * n + j] * u[c * n + j] / s2;
                }
            }
        }
    }
    out
}

/// `out = a x` for a real matrix `a` (row-major).
fn matvec<T: OdeScalar>(n: usize, a: &[f64], x: &[T], out: &mut [T]) {
    for r in 0..n {
        let mut s = T::default();
        for c in 0..n {
            s += x[c] * a[r * n + c];
        }
        out[r] = s;
    }
}

/// The problem with the singular term folded in (SciPy's `wrap_functions`).
struct Problem<'f, T: OdeScalar, F, B> {
    fun: F,
    bc: B,
    fun_jac: Option<BvpFunJac<'f, T>>,
    bc_jac: Option<BvpBcJac<'f, T>>,
    n: usize,
    k: usize,
    a: f64,
    s: Option<Vec<f64>>,
    d: Option<Vec<f64>>,
    tmp: Vec<T>,
}

impl<T: OdeScalar, F, B> Problem<'_, T, F, B>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
{
    fn f(&mut self, x: f64, y: &[T], p: &[T], out: &mut [T]) {
        (self.fun)(x, y, p, out);
        let n = self.n;
        if let (Some(s), Some(d)) = (&self.s, &self.d) {
            if x == self.a {
                self.tmp.copy_from_slice(out);
                matvec(n, d, &self.tmp, out);
            } else {
                for r in 0..n {
                    let mut sy = T::default();
                    for c in 0..n {
                        sy += y[c] * s[r * n + c];
                    }
                    out[r] += sy / (x - self.a);
                }
            }
        }
    }

    /// df_dy (n × n) and df_dp (n × k) at one point; `f0` is f there.
    #[allow(clippy::too_many_arguments)]
    fn jac(&mut self, x: f64, y: &[T], p: &[T], f0: &[T], dy: &mut [T], dp: &mut [T]) {
        let (n, k) = (self.n, self.k);
        if let Some(fj) = self.fun_jac.as_mut() {
            fj(x, y, p, dy, dp);
            if let (Some(s), Some(d)) = (&self.s, &self.d) {
                if x == self.a {
                    let old = dy.to_vec();
                    for r in 0..n {
                        for c in 0..n {
                            let mut v = T::default();
                            for q in 0..n {
                                v += old[q * n + c] * d[r * n + q];
                            }
                            dy[r * n + c] = v;
                        }
                    }
                } else {
                    for r in 0..n * n {
                        dy[r] += T::from_f64(s[r] / (x - self.a));
                    }
                }
            }
            return;
        }
        let mut yn = y.to_vec();
        let mut fnew = vec![T::default(); n];
        for i in 0..n {
            let h = EPS.sqrt() * (1.0 + y[i].abs());
            yn[i] = y[i] + T::from_f64(h);
            let hi = yn[i] - y[i];
            self.f(x, &yn, p, &mut fnew);
            for r in 0..n {
                dy[r * n + i] = (fnew[r] - f0[r]) / hi;
            }
            yn[i] = y[i];
        }
        let mut pn = p.to_vec();
        for i in 0..k {
            let h = EPS.sqrt() * (1.0 + p[i].abs());
            pn[i] = p[i] + T::from_f64(h);
            let hi = pn[i] - p[i];
            self.f(x, y, &pn, &mut fnew);
            for r in 0..n {
                dp[r * k + i] = (fnew[r] - f0[r]) / hi;
            }
            pn[i] = p[i];
        }
    }

    fn bc_res(&mut self, ya: &[T], yb: &[T], p: &[T], out: &mut [T]) {
        (self.bc)(ya, yb, p, out);
    }

    /// dbc_dya, dbc_dyb ((n+k) × n) and dbc_dp ((n+k) × k).
    #[allow(clippy::too_many_arguments)]
    fn bc_jacobian(
        &mut self,
        ya: &[T],
        yb: &[T],
        p: &[T],
        bc0: &[T],
        da: &mut [T],
        db: &mut [T],
        dp: &mut [T],
    ) {
        let (n, k) = (self.n, self.k);
        if let Some(bj) = self.bc_jac.as_mut() {
            bj(ya, yb, p, da, db, dp);
            return;
        }
        let nb = n + k;
        let mut new = vec![T::default(); nb];
        let mut v = ya.to_vec();
        for i in 0..n {
            let h = EPS.sqrt() * (1.0 + ya[i].abs());
            v[i] = ya[i] + T::from_f64(h);
            let hi = v[i] - ya[i];
            (self.bc)(&v, yb, p, &mut new);
            for r in 0..nb {
                da[r * n + i] = (new[r] - bc0[r]) / hi;
            }
            v[i] = ya[i];
        }
        let mut v = yb.to_vec();
        for i in 0..n {
            let h = EPS.sqrt() * (1.0 + yb[i].abs());
            v[i] = yb[i] + T::from_f64(h);
            let hi = v[i] - yb[i];
            (self.bc)(ya, &v, p, &mut new);
            for r in 0..nb {
                db[r * n + i] = (new[r] - bc0[r]) / hi;
            }
            v[i] = yb[i];
        }
        let mut v = p.to_vec();
        for i in 0..k {
            let h = EPS.sqrt() * (1.0 + p[i].abs());
            v[i] = p[i] + T::from_f64(h);
            let hi = v[i] - p[i];
            (self.bc)(ya, yb, &v, &mut new);
            for r in 0..nb {
                dp[r * k + i] = (new[r] - bc0[r]) / hi;
            }
            v[i] = p[i];
        }
    }
}

/// Collocation residuals and the values they need (SciPy's
/// `collocation_fun`): (col_res, y_middle, f, f_middle), node-major.
struct Colloc<T> {
    res: Vec<T>,
    ym: Vec<T>,
    f: Vec<T>,
    fm: Vec<T>,
}

fn collocation<T: OdeScalar, F, B>(
    pr: &mut Problem<'_, T, F, B>,
    x: &[f64],
    h: &[f64],
    y: &[T],
    p: &[T],
) -> Colloc<T>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
{
    let n = pr.n;
    let m = x.len();
    let mut f = vec![T::default(); n * m];
    for q in 0..m {
        pr.f(x[q], &y[q * n..(q + 1) * n], p, &mut f[q * n..(q + 1) * n]);
    }
    let mut ym = vec![T::default(); n * (m - 1)];
    for i in 0..m - 1 {
        for c in 0..n {
            let (a, b) = (i * n + c, (i + 1) * n + c);
            ym[a] = (y[b] + y[a]) * 0.5 - (f[b] - f[a]) * (0.125 * h[i]);
        }
    }
    let mut fm = vec![T::default(); n * (m - 1)];
    for i in 0..m - 1 {
        pr.f(
            x[i] + 0.5 * h[i],
            &ym[i * n..(i + 1) * n],
            p,
            &mut fm[i * n..(i + 1) * n],
        );
    }
    let mut res = vec![T::default(); n * (m - 1)];
    for i in 0..m - 1 {
        for c in 0..n {
            let (a, b) = (i * n + c, (i + 1) * n + c);
            res[a] = y[b] - y[a] - (f[a] + f[b] + fm[a] * 4.0) * (h[i] / 6.0);
        }
    }
    Colloc { res, ym, f, fm }
}

#[allow(clippy::too_many_arguments)]
fn global_jac<T: OdeScalar, F, B>(
    pr: &mut Problem<'_, T, F, B>,
    x: &[f64],
    h: &[f64],
    y: &[T],
    p: &[T],
    col: &Colloc<T>,
    bc0: &[T],
) -> Result<Option<CollocLu<T>>>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
{
    let (n, k) = (pr.n, pr.k);
    let m = x.len();
    let nn = n * n;
    let mut jy: Vec<T> = try_vec(m.checked_mul(nn))?;
    let mut jp = vec![T::default(); m * n * k];
    for q in 0..m {
        pr.jac(
            x[q],
            &y[q * n..(q + 1) * n],
            p,
            &col.f[q * n..(q + 1) * n],
            &mut jy[q * nn..(q + 1) * nn],
            &mut jp[q * n * k..(q + 1) * n * k],
        );
    }
    let mut jym: Vec<T> = try_vec((m - 1).checked_mul(nn))?;
    let mut jpm = vec![T::default(); (m - 1) * n * k];
    for i in 0..m - 1 {
        pr.jac(
            x[i] + 0.5 * h[i],
            &col.ym[i * n..(i + 1) * n],
            p,
            &col.fm[i * n..(i + 1) * n],
            &mut jym[i * nn..(i + 1) * nn],
            &mut jpm[i * n * k..(i + 1) * n * k],
        );
    }
    let nb = n + k;
    let z = T::default();
    let (mut da, mut db, mut dpb) = (vec![z; nb * n], vec![z; nb * n], vec![z; nb * k]);
    pr.bc_jacobian(&y[..n], &y[(m - 1) * n..], p, bc0, &mut da, &mut db, &mut dpb);
    let mut d0: Vec<T> = try_vec((m - 1).checked_mul(nn))?;
    let mut d1: Vec<T> = try_vec((m - 1).checked_mul(nn))?;
    let mut dph = vec![z; (m - 1) * n * k];
    for i in 0..m - 1 {
        let (j0, j1, jm) = (
            &jy[i * nn..(i + 1) * nn],
            &jy[(i + 1) * nn..(i + 2) * nn],
            &jym[i * nn..(i + 1) * nn],
        );
        let h6 = h[i] / 6.0;
        let h12 = h[i] * h[i] / 12.0;
        for r in 0..n {
            for c in 0..n {
                let id = T::from_f64(if r == c { 1.0 } else { 0.0 });
                let (mut t0, mut t1) = (z, z);
                for q in 0..n {
                    t0 += jm[r * n + q] * j0[q * n + c];
                    t1 += jm[r * n + q] * j1[q * n + c];
                }
                let e = r * n + c;
                d0[i * nn + e] = -id - (j0[e] + jm[e] * 2.0) * h6 - t0 * h12;
                d1[i * nn + e] = id - (j1[e] + jm[e] * 2.0) * h6 + t1 * h12;
            }
        }
        if k > 0 {
            let nk = n * k;
            let (p0, p1) = (&jp[i * nk..(i + 1) * nk], &jp[(i + 1) * nk..(i + 2) * nk]);
            for r in 0..n {
                for c in 0..k {
                    let mut t = z;
                    for q in 0..n {
                        t += jm[r * n + q] * (p0[q * k + c] - p1[q * k + c]);
                    }
                    let pm = jpm[i * nk + r * k + c] + t * (0.125 * h[i]);
                    let e = r * k + c;
                    dph[i * nk + e] = (p0[e] + p1[e] + pm * 4.0) * -h6;
                }
            }
        }
    }
    CollocLu::factor(n, m, k, &d0, &d1, &dph, &da, &db, &dpb)
}

fn stack<T: OdeScalar>(col: &[T], bc: &[T]) -> Vec<T> {
    let mut r = Vec::with_capacity(col.len() + bc.len());
    r.extend_from_slice(col);
    r.extend_from_slice(bc);
    r
}

/// SciPy's `solve_newton`: damped Newton iterations with Jacobian reuse.
/// Returns (y, p, singular).
#[allow(clippy::too_many_arguments)]
fn solve_newton<T: OdeScalar, F, B>(
    pr: &mut Problem<'_, T, F, B>,
    x: &[f64],
    h: &[f64],
    mut y: Vec<T>,
    mut p: Vec<T>,
    bmat: Option<&[f64]>,
    bvp_tol: f64,
    bc_tol: f64,
) -> Result<(Vec<T>, Vec<T>, bool)>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
{
    let (n, k) = (pr.n, pr.k);
    let m = x.len();
    let nb = n + k;
    let tol_r: Vec<f64> = h.iter().map(|&hi| 2.0 / 3.0 * hi * 5e-2 * bvp_tol).collect();
    let (max_njev, max_iter, sigma, tau, n_trial) = (4, 8, 0.2, 0.5, 4);
    let mut col = collocation(pr, x, h, &y, &p);
    let mut bc_res = vec![T::default(); nb];
    pr.bc_res(&y[..n], &y[(m - 1) * n..], &p, &mut bc_res);
    let mut res = stack(&col.res, &bc_res);
    let mut njev = 0;
    let mut singular = false;
    let mut recompute = true;
    let mut lu: Option<CollocLu<T>> = None;
    let mut step = Vec::new();
    let mut cost = T::default();
    // NumPy's dot(step, step): not conjugated for complex steps, whose
    // costs are then ordered as NumPy orders complex numbers
    // (lexicographically).
    let dot = |v: &[T]| v.iter().fold(T::default(), |acc, &a| acc + a * a);
    let lt = |a: T, b: T| a.re() < b.re() || (a.re() == b.re() && a.im() < b.im());
    for _ in 0..max_iter {
        if recompute {
            njev += 1;
            match global_jac(pr, x, h, &y, &p, &col, &bc_res)? {
                Some(f) => lu = Some(f),
                None => {
                    singular = true;
                    break;
                }
            }
            step = lu.as_ref().expect("factored").solve(&res);
            cost = dot(&step);
        }
        let lu_ref = lu.as_ref().expect("factored");
        let mut alpha = 1.0;
        let mut y_new = y.clone();
        let mut p_new = p.clone();
        let mut step_new = Vec::new();
        let mut cost_new = T::default();
        for trial in 0..=n_trial {
            for (i, v) in y_new.iter_mut().enumerate() {
                *v = y[i] - step[i] * alpha;
            }
            if let Some(bm) = bmat {
                let y0 = y_new[..n].to_vec();
                matvec(n, bm, &y0, &mut y_new[..n]);
            }
            for (i, v) in p_new.iter_mut().enumerate() {
                *v = p[i] - step[m * n + i] * alpha;
            }
            col = collocation(pr, x, h, &y_new, &p_new);
            pr.bc_res(&y_new[..n], &y_new[(m - 1) * n..], &p_new, &mut bc_res);
            res = stack(&col.res, &bc_res);
            step_new = lu_ref.solve(&res);
            cost_new = dot(&step_new);
            if lt(cost_new, cost * (1.0 - 2.0 * alpha * sigma)) {
                break;
            }
            if trial < n_trial {
                alpha *= tau;
            }
        }
        y = y_new;
        p = p_new;
        if njev == max_njev {
            break;
        }
        let col_ok = (0..m - 1)
            .all(|i| (0..n).all(|c| col.res[i * n + c].abs() < tol_r[i] * (1.0 + col.fm[i * n + c].abs())));
        if col_ok && bc_res.iter().all(|v| v.abs() < bc_tol) {
            break;
        }
        if alpha == 1.0 {
            step = step_new;
            cost = cost_new;
            recompute = false;
        } else {
            recompute = true;
        }
    }
    Ok((y, p, singular))
}

/// Solves the boundary value problem `y' = f(x, y, p) (+ S y / (x - a))`,
/// `bc(y(a), y(b), p) = 0` on the initial mesh `x` (strictly increasing,
/// at least 2 nodes) from the initial guess `y` (shape `(n, m)`), SciPy's
/// `solve_bvp`: 4th-order collocation with residual control and mesh
/// refinement.
///
/// `fun(x, y, p, dydx)` writes the right-hand side at one point (`y` and
/// `dydx` have `n` entries, `p` has `k`); `bc(ya, yb, p, res)` writes the
/// `n + k` boundary residuals. The failures SciPy reports in `status`
/// (too many nodes, singular Jacobian, boundary tolerance) are results,
/// not errors. `T` is `f64`, or `Complex64` for problems in a complex
/// domain (x stays real; `f` and `bc` must be complex differentiable, as
/// SciPy requires; the damping cost is NumPy's unconjugated `dot(step,
/// step)`, compared as NumPy compares complex numbers).
///
/// ```
/// use numox::Array;
/// use sciox::integrate::{solve_bvp, BvpOptions};
/// // Bratu's problem y'' + exp(y) = 0, y(0) = y(1) = 0 (the lower solution)
/// let x: Vec<f64> = (0..5).map(|i| i as f64 / 4.0).collect();
/// let r = solve_bvp(
///     |_x, y: &[f64], _p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -y[0].exp() },
///     |ya: &[f64], yb: &[f64], _p: &[f64], r: &mut [f64]| { r[0] = ya[0]; r[1] = yb[0] },
///     &x, &Array::<f64>::zeros(&[2, 5]), BvpOptions::default(),
/// ).unwrap();
/// assert!(r.success, "{}", r.message);
/// assert!((r.sol.eval(0.5)[0] - 0.1405).abs() < 1e-3);
///
/// // an eigenvalue problem: y'' + k^2 y = 0, y(0) = y(1) = 0, y'(0) = k; k = 2 pi
/// let mut y0 = Array::<f64>::zeros(&[2, 5]);
/// y0[[0, 1]] = 1.0;
/// y0[[0, 3]] = -1.0;
/// let opts = BvpOptions { p: Some(vec![6.0]), ..Default::default() };
/// let r = solve_bvp(
///     |_x, y: &[f64], p: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -p[0] * p[0] * y[0] },
///     |ya: &[f64], yb: &[f64], p: &[f64], r: &mut [f64]| { r[0] = ya[0]; r[1] = yb[0]; r[2] = ya[1] - p[0] },
///     &x, &y0, opts,
/// ).unwrap();
/// assert!((r.p.unwrap()[0] - 2.0 * std::f64::consts::PI).abs() < 1e-3);
///
/// // a complex domain: y'' = y, y(0) = 1 + i, y(1) = 0
/// use numox::Complex64;
/// let r = solve_bvp(
///     |_x, y: &[Complex64], _p: &[Complex64], d: &mut [Complex64]| { d[0] = y[1]; d[1] = y[0] },
///     |ya: &[Complex64], yb: &[Complex64], _p: &[Complex64], r: &mut [Complex64]| {
///         r[0] = ya[0] - Complex64::new(1.0, 1.0);
///         r[1] = yb[0];
///     },
///     &x, &Array::<Complex64>::zeros(&[2, 5]), BvpOptions::default(),
/// ).unwrap();
/// let exact = ((-0.5f64).exp() - (0.5f64 - 2.0).exp()) / (1.0 - (-2.0f64).exp());
/// assert!((r.sol.eval(0.5)[0] - Complex64::new(exact, exact)).norm() < 1e-3);
/// ```
///
/// # Errors
/// `x` not strictly increasing, non-finite or shorter than 2 nodes; `y`
/// not of shape `(n, m)` (`n >= 1`) or non-finite; non-finite `p`; `S`
/// not `n × n`; a NaN `tol` or `bc_tol` (SciPy's `ValueError`s, plus the
/// non-finite checks SciPy does not make).
pub fn solve_bvp<T: OdeScalar, F, B, S>(
    fun: F,
    bc: B,
    x: &[f64],
    y: &ArrayBase<S>,
    opts: BvpOptions<'_, T>,
) -> Result<BvpResult<T>>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
    S: Data<Elem = T>,
{
    let m0 = x.len();
    if m0 < 2 {
        return Err(Error::invalid("`x` must have at least 2 nodes."));
    }
    if x.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("`x` must be finite."));
    }
    if x.windows(2).any(|w| w[1] - w[0] <= 0.0) {
        return Err(Error::invalid("`x` must be strictly increasing."));
    }
    if y.ndim() != 2 {
        return Err(Error::invalid("`y` must be 2 dimensional."));
    }
    if y.shape()[1] != m0 {
        return Err(Error::invalid(format!(
            "`y` is expected to have {m0} columns, but actually has {}.",
            y.shape()[1]
        )));
    }
    let n = y.shape()[0];
    if n == 0 {
        return Err(Error::invalid("`y` must have at least one row."));
    }
    if y.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("`y` must be finite."));
    }
    let mut p = opts.p.clone().unwrap_or_default();
    if p.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("`p` must be finite."));
    }
    if opts.tol.is_nan() || opts.bc_tol.is_some_and(|t| t.is_nan()) {
        return Err(Error::invalid("`tol` and `bc_tol` must not be NaN."));
    }
    let k = p.len();
    let tol = opts.tol.max(100.0 * EPS);
    let bc_tol = opts.bc_tol.unwrap_or(tol);
    let a = x[0];
    // Node-major y (SciPy's ravel(order='F')).
    let mut yv = vec![T::default(); n * m0];
    for ((i, q), v) in y.indexed_iter().map(|(ix, v)| ((ix[0], ix[1]), *v)) {
        yv[q * n + i] = v;
    }
    let (bmat, smat, dmat) = match &opts.s {
        None => (None, None, None),
        Some(s) => {
            if s.len() != n * n {
                return Err(Error::invalid(format!(
                    "`S` is expected to have shape ({n}, {n}), but actually has {} elements",
                    s.len()
                )));
            }
            let ps = pinv(n, s);
            let mut bm = vec![0.0; n * n];
            for r in 0..n {
                for c in 0..n {
                    let prod: f64 = (0..n).map(|q| ps[r * n + q] * s[q * n + c]).sum();
                    bm[r * n + c] = if r == c { 1.0 } else { 0.0 } - prod;
                }
            }
            let y0 = yv[..n].to_vec();
            matvec(n, &bm, &y0, &mut yv[..n]);
            let ims: Vec<f64> = (0..n * n)
                .map(|e| if e / n == e % n { 1.0 } else { 0.0 } - s[e])
                .collect();
            (Some(bm), Some(s.clone()), Some(pinv(n, &ims)))
        }
    };
    let mut pr = Problem {
        fun,
        bc,
        fun_jac: opts.fun_jac,
        bc_jac: opts.bc_jac,
        n,
        k,
        a,
        s: smat,
        d: dmat,
        tmp: vec![T::default(); n],
    };
    let mut x = x.to_vec();
    let mut h: Vec<f64> = x.windows(2).map(|w| w[1] - w[0]).collect();
    let max_iteration = 10;
    let mut iteration = 0;
    let outcome;
    let nb = n + k;
    let mut bc_res = vec![T::default(); nb];
    loop {
        let m = x.len();
        let (ny, np, singular) = solve_newton(&mut pr, &x, &h, yv, p, bmat.as_deref(), tol, bc_tol)?;
        yv = ny;
        p = np;
        iteration += 1;
        let col = collocation(&mut pr, &x, &h, &yv, &p);
        pr.bc_res(&yv[..n], &yv[(m - 1) * n..], &p, &mut bc_res);
        let max_bc_res = bc_res.iter().fold(0.0f64, |acc, v| {
            let v = v.abs();
            if v > acc || v.is_nan() { v } else { acc }
        });
        let sol = BvpSolution::new(n, &x, &yv, &col.f);
        let rms = rms_residuals(&mut pr, &sol, &x, &h, &p, &col);
        let finish = |status: i32, sol: BvpSolution<T>, x: Vec<f64>, yv: Vec<T>, p: Vec<T>, rms: Vec<f64>| {
            (status, sol, x, yv, col.f.clone(), p, rms)
        };
        if singular {
            outcome = finish(2, sol, x, yv, p, rms);
            break;
        }
        let insert_1: Vec<usize> = (0..m - 1)
            .filter(|&i| rms[i] > tol && rms[i] < 100.0 * tol)
            .collect();
        let insert_2: Vec<usize> = (0..m - 1).filter(|&i| rms[i] >= 100.0 * tol).collect();
        let nodes_added = insert_1.len() + 2 * insert_2.len();
        if m + nodes_added > opts.max_nodes {
            outcome = finish(1, sol, x, yv, p, rms);
            break;
        }
        if nodes_added > 0 {
            let mut xn = x.clone();
            xn.extend(insert_1.iter().map(|&i| 0.5 * (x[i] + x[i + 1])));
            xn.extend(insert_2.iter().map(|&i| (2.0 * x[i] + x[i + 1]) / 3.0));
            xn.extend(insert_2.iter().map(|&i| (x[i] + 2.0 * x[i + 1]) / 3.0));
            xn.sort_by(f64::total_cmp);
            x = xn;
            h = x.windows(2).map(|w| w[1] - w[0]).collect();
            let mut ynew = vec![T::default(); n * x.len()];
            for (q, &xq) in x.iter().enumerate() {
                sol.eval_into(xq, 0, &mut ynew[q * n..(q + 1) * n]);
            }
            yv = ynew;
        } else if max_bc_res <= bc_tol {
            outcome = finish(0, sol, x, yv, p, rms);
            break;
        } else if iteration >= max_iteration {
            outcome = finish(3, sol, x, yv, p, rms);
            break;
        }
    }
    let (status, sol, x, yv, f, p, rms) = outcome;
    let m = x.len();
    let to_arr = |v: &[T]| Array::from_shape_fn(&[n, m], |ix| v[ix[1] * n + ix[0]]).map_err(Error::from);
    let message = match status {
        0 => "The algorithm converged to the desired accuracy.",
        1 => "The maximum number of mesh nodes is exceeded.",
        2 => "A singular Jacobian encountered when solving the collocation system.",
        _ => "The solver was unable to satisfy boundary conditions tolerance on iteration 10.",
    };
    Ok(BvpResult {
        y: to_arr(&yv)?,
        yp: to_arr(&f)?,
        sol,
        p: if k == 0 { None } else { Some(p) },
        x,
        rms_residuals: rms,
        niter: iteration,
        status,
        message: message.to_string(),
        success: status == 0,
    })
}

/// SciPy's `estimate_rms_residuals`: 5-point Lobatto quadrature of the
/// squared relative residual on each interval (zero at the nodes).
fn rms_residuals<T: OdeScalar, F, B>(
    pr: &mut Problem<'_, T, F, B>,
    sol: &BvpSolution<T>,
    x: &[f64],
    h: &[f64],
    p: &[T],
    col: &Colloc<T>,
) -> Vec<f64>
where
    F: FnMut(f64, &[T], &[T], &mut [T]),
    B: FnMut(&[T], &[T], &[T], &mut [T]),
{
    let n = pr.n;
    let m = x.len();
    let mut out = Vec::with_capacity(m - 1);
    let z = T::default();
    let (mut yv, mut yp, mut fv) = (vec![z; n], vec![z; n], vec![z; n]);
    let r37 = (3.0f64 / 7.0).sqrt();
    for i in 0..m - 1 {
        let xm = x[i] + 0.5 * h[i];
        let s = 0.5 * h[i] * r37;
        let mut rsum = [0.0; 2];
        for (j, xx) in [xm + s, xm - s].into_iter().enumerate() {
            sol.eval_into(xx, 0, &mut yv);
            sol.eval_into(xx, 1, &mut yp);
            pr.f(xx, &yv, p, &mut fv);
            rsum[j] = (0..n)
                .map(|c| {
                    // r * conj(r), real
                    ((yp[c] - fv[c]) / (1.0 + fv[c].abs())).norm_sqr()
                })
                .sum();
        }
        let rm: f64 = (0..n)
            .map(|c| (col.res[i * n + c] * 1.5 / h[i] / (1.0 + col.fm[i * n + c].abs())).norm_sqr())
            .sum();
        out.push((0.5 * (32.0 / 45.0 * rm + 49.0 / 90.0 * (rsum[0] + rsum[1]))).sqrt());
    }
    out
}
