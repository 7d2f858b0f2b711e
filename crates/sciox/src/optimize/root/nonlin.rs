//! SciPy's `scipy.optimize._nonlin`: `nonlin_solve` (inexact Newton with
//! an Armijo line search and Eisenstat-Walker forcing terms) with its
//! Jacobian approximations: Broyden's first and second methods (low-rank
//! inverse updates), Anderson mixing, diagonal Broyden, linear and
//! exciting mixing, and the matrix-free Newton-Krylov Jacobian whose
//! inner solver is LGMRES (`scipy.sparse.linalg.lgmres` with the outer
//! vectors kept across Newton steps, as SciPy's `KrylovJacobian` does).

// Index loops mirror SciPy's array expressions element by element.
#![allow(clippy::needless_range_loop)]

use crate::optimize::lsq::thin_svd;
use crate::{Error, Result};

/// The user's function with a call counter.
pub(crate) struct Eval<'a> {
    fun: &'a mut dyn FnMut(&[f64], &mut [f64]),
    pub(crate) nfev: usize,
}

impl<'a> Eval<'a> {
    pub(crate) fn new(fun: &'a mut dyn FnMut(&[f64], &mut [f64])) -> Self {
        Eval { fun, nfev: 0 }
    }

    pub(crate) fn call(&mut self, x: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        (self.fun)(x, &mut out);
        self.nfev += 1;
        out
    }
}

/// Euclidean norm (SciPy's `scipy.linalg.norm` of a vector).
pub(crate) fn norm(v: &[f64]) -> f64 {
    v.iter().map(|a| a * a).sum::<f64>().sqrt()
}

pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `np.absolute(x).max()` (NaN propagates).
fn maxnorm(v: &[f64]) -> f64 {
    let mut m = f64::NEG_INFINITY;
    for &a in v {
        let a = a.abs();
        if a.is_nan() {
            return f64::NAN;
        }
        if a > m {
            m = a;
        }
    }
    m
}

/// Python's `min(a, b)`.
fn pymin(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// Python's `max(a, b)`.
fn pymax(a: f64, b: f64) -> f64 {
    if b > a { b } else { a }
}

/// Solves the `k`×`k` row-major system `a y = b` by LU with partial
/// pivoting (LAPACK `gesv`'s algorithm); `None` when a pivot is exactly 0
/// (SciPy's `LinAlgError`).
fn lu_solve(k: usize, mut a: Vec<f64>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    for c in 0..k {
        let mut p = c;
        for r in c + 1..k {
            if a[r * k + c].abs() > a[p * k + c].abs() {
                p = r;
            }
        }
        if a[p * k + c] == 0.0 {
            return None;
        }
        if p != c {
            for j in 0..k {
                a.swap(p * k + j, c * k + j);
            }
            b.swap(p, c);
        }
        let piv = a[c * k + c];
        for r in c + 1..k {
            let l = a[r * k + c] / piv;
            a[r * k + c] = l;
            for j in c + 1..k {
                a[r * k + j] -= l * a[c * k + j];
            }
            b[r] -= l * b[c];
        }
    }
    for c in (0..k).rev() {
        let mut s = b[c];
        for j in c + 1..k {
            s -= a[c * k + j] * b[j];
        }
        b[c] = s / a[c * k + c];
    }
    Some(b)
}

/// How Broyden's methods keep the rank of their update bounded (SciPy's
/// `reduction_method`).
///
/// ```
/// use sciox::optimize::BroydenReduction;
/// assert_eq!(BroydenReduction::default(), BroydenReduction::Restart);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BroydenReduction {
    /// `'restart'`: drop all updates (default).
    #[default]
    Restart,
    /// `'simple'`: drop the oldest updates.
    Simple,
    /// `'svd'` (or SciPy's `('svd', to_retain)`): keep the `to_retain`
    /// (default `max_rank - 3`) leading SVD components of the update
    /// (van der Rotten's Broyden Rank Reduction).
    Svd {
        /// Components kept when the rank is reduced (`None`: SciPy's
        /// default).
        to_retain: Option<usize>,
    },
}

/// SciPy's `jac_options` of the `nonlin` methods of `root`; each method
/// reads the fields it has (the others are ignored).
///
/// ```
/// use sciox::optimize::NonlinJacOptions;
/// let o = NonlinJacOptions::default();
/// assert_eq!((o.m, o.w0, o.alphamax, o.outer_k, o.inner_m), (5, 0.01, 1.0, 10, 30));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NonlinJacOptions {
    /// Initial Jacobian guess `-1/alpha` (`None`: `0.5 max(|x0|, 1) / |F(x0)|`).
    /// Broyden, Anderson, diagonal Broyden, linear and exciting mixing.
    pub alpha: Option<f64>,
    /// Broyden's `reduction_method`.
    pub reduction_method: BroydenReduction,
    /// Broyden's `max_rank` (`None`: infinite).
    pub max_rank: Option<usize>,
    /// Anderson's regularisation weight `w0` (default 0.01).
    pub w0: f64,
    /// Anderson's number of previous vectors `M` (default 5).
    pub m: usize,
    /// Exciting mixing's `alphamax` (default 1.0).
    pub alphamax: f64,
    /// Krylov's relative finite-difference step (`None`: `sqrt(eps)`).
    pub rdiff: Option<f64>,
    /// Krylov's `outer_k`: LGMRES outer vectors kept across Newton steps (default 10).
    pub outer_k: usize,
    /// Krylov's `inner_inner_m`: LGMRES inner iterations (default 30).
    pub inner_m: usize,
}

impl Default for NonlinJacOptions {
    fn default() -> Self {
        NonlinJacOptions {
            alpha: None,
            reduction_method: BroydenReduction::Restart,
            max_rank: None,
            w0: 0.01,
            m: 5,
            alphamax: 1.0,
            rdiff: None,
            outer_k: 10,
            inner_m: 30,
        }
    }
}

/// The Jacobian approximation of `nonlin_solve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JacKind {
    Broyden1,
    Broyden2,
    Anderson,
    LinearMixing,
    DiagBroyden,
    ExcitingMixing,
    Krylov,
}

/// SciPy's `LowRankMatrix`: `alpha I + sum c d^T`, dense once the rank
/// passes `n`.
struct LowRank {
    alpha: f64,
    cs: Vec<Vec<f64>>,
    ds: Vec<Vec<f64>>,
    n: usize,
    collapsed: Option<Vec<f64>>,
}

impl LowRank {
    fn new(alpha: f64, n: usize) -> Self {
        LowRank {
            alpha,
            cs: Vec::new(),
            ds: Vec::new(),
            n,
            collapsed: None,
        }
    }

    fn lr_matvec(v: &[f64], alpha: f64, cs: &[Vec<f64>], ds: &[Vec<f64>]) -> Vec<f64> {
        let mut w: Vec<f64> = v.iter().map(|a| alpha * a).collect();
        for (c, d) in cs.iter().zip(ds) {
            let a = dot(d, v);
            for i in 0..w.len() {
                w[i] += a * c[i];
            }
        }
        w
    }

    fn matvec(&self, v: &[f64]) -> Vec<f64> {
        let n = self.n;
        match &self.collapsed {
            Some(g) => (0..n).map(|i| dot(&g[i * n..(i + 1) * n], v)).collect(),
            None => Self::lr_matvec(v, self.alpha, &self.cs, &self.ds),
        }
    }

    fn rmatvec(&self, v: &[f64]) -> Vec<f64> {
        let n = self.n;
        match &self.collapsed {
            Some(g) => (0..n)
                .map(|j| (0..n).map(|i| g[i * n + j] * v[i]).sum())
                .collect(),
            None => Self::lr_matvec(v, self.alpha, &self.ds, &self.cs),
        }
    }

    fn append(&mut self, c: Vec<f64>, d: Vec<f64>) {
        let n = self.n;
        if let Some(g) = &mut self.collapsed {
            for i in 0..n {
                for j in 0..n {
                    g[i * n + j] += c[i] * d[j];
                }
            }
            return;
        }
        self.cs.push(c);
        self.ds.push(d);
        if self.cs.len() > n {
            let mut g = vec![0.0; n * n];
            for i in 0..n {
                g[i * n + i] = self.alpha;
            }
            for (c, d) in self.cs.iter().zip(&self.ds) {
                for i in 0..n {
                    for j in 0..n {
                        g[i * n + j] += c[i] * d[j];
                    }
                }
            }
            self.collapsed = Some(g);
            self.cs.clear();
            self.ds.clear();
        }
    }

    fn restart_reduce(&mut self, rank: usize) {
        if self.collapsed.is_none() && self.cs.len() > rank {
            self.cs.clear();
            self.ds.clear();
        }
    }

    /// SciPy's `svd_reduce(max_rank, to_retain)`.
    fn svd_reduce(&mut self, max_rank: usize, to_retain: Option<usize>) {
        if self.collapsed.is_some() {
            return;
        }
        let mut p = max_rank;
        let q0 = to_retain.map_or(p as i64 - 2, |t| t as i64);
        if !self.cs.is_empty() {
            p = p.min(self.cs[0].len());
        }
        let q = q0.min(p as i64 - 1).max(0) as usize;
        let m = self.cs.len();
        if m < p {
            return;
        }
        let n = self.n;
        // D = Q R (thin, Householder); C <- C R^T
        let (qm, r) = thin_qr(&self.ds, n);
        let k = r.len() / m.max(1);
        // C R^T: n×k, row-major
        let mut c = vec![0.0; n * k];
        for i in 0..n {
            for j in 0..k {
                c[i * k + j] = (0..m).map(|l| self.cs[l][i] * r[j * m + l]).sum();
            }
        }
        // C = U S V^T: C <- C V (= C inv(V^T)), D <- Q V
        let Some(svd) = thin_svd(&c, n, k) else {
            return;
        };
        let kk = svd.k;
        let mut cs = Vec::with_capacity(q);
        let mut ds = Vec::with_capacity(q);
        for col in 0..q.min(kk) {
            let cv: Vec<f64> = (0..n)
                .map(|i| (0..k).map(|j| c[i * k + j] * svd.v[j * kk + col]).sum())
                .collect();
            let dv: Vec<f64> = (0..n)
                .map(|i| (0..k).map(|j| qm[j][i] * svd.v[j * kk + col]).sum())
                .collect();
            cs.push(cv);
            ds.push(dv);
        }
        self.cs = cs;
        self.ds = ds;
    }

    fn simple_reduce(&mut self, rank: usize) {
        if self.collapsed.is_some() {
            return;
        }
        while self.cs.len() > rank {
            self.cs.remove(0);
            self.ds.remove(0);
        }
    }
}

/// Thin QR of the n×m matrix whose columns are `cols`: `(Q columns, R)`
/// with `R` k×m row-major, `k = min(n, m)` (Householder reflections).
fn thin_qr(cols: &[Vec<f64>], n: usize) -> (Vec<Vec<f64>>, Vec<f64>) {
    let m = cols.len();
    let k = n.min(m);
    let mut a: Vec<Vec<f64>> = cols.to_vec();
    let mut vs: Vec<Vec<f64>> = Vec::with_capacity(k);
    for j in 0..k {
        let alpha = norm(&a[j][j..]);
        let mut v = a[j][j..].to_vec();
        let beta = if a[j][j] > 0.0 { -alpha } else { alpha };
        v[0] -= beta;
        let vtv = dot(&v, &v);
        if vtv > 0.0 {
            for col in a.iter_mut().skip(j) {
                let t = 2.0 * dot(&v, &col[j..]) / vtv;
                for (x, vi) in col[j..].iter_mut().zip(&v) {
                    *x -= t * vi;
                }
            }
        }
        vs.push(v);
    }
    let mut r = vec![0.0; k * m];
    for (l, col) in a.iter().enumerate() {
        for i in 0..k.min(l + 1) {
            r[i * m + l] = col[i];
        }
    }
    // Q = H_0 ... H_{k-1} applied to the first k unit vectors
    let mut q: Vec<Vec<f64>> = (0..k)
        .map(|j| {
            let mut e = vec![0.0; n];
            e[j] = 1.0;
            e
        })
        .collect();
    for col in q.iter_mut() {
        for j in (0..k).rev() {
            let v = &vs[j];
            let vtv = dot(v, v);
            if vtv > 0.0 {
                let t = 2.0 * dot(v, &col[j..]) / vtv;
                for (x, vi) in col[j..].iter_mut().zip(v) {
                    *x -= t * vi;
                }
            }
        }
    }
    (q, r)
}

/// The state of one Jacobian approximation.
enum State {
    Broyden {
        second: bool,
        gm: LowRank,
    },
    Anderson {
        dx: Vec<Vec<f64>>,
        df: Vec<Vec<f64>>,
        a: Vec<f64>,
    },
    LinearMixing,
    DiagBroyden {
        d: Vec<f64>,
    },
    ExcitingMixing {
        beta: Vec<f64>,
    },
    Krylov(Box<Krylov>),
}

struct Krylov {
    x0: Vec<f64>,
    f0: Vec<f64>,
    rdiff: f64,
    omega: f64,
    outer_v: Vec<Vec<f64>>,
    outer_k: usize,
    inner_m: usize,
}

impl Krylov {
    fn update_diff_step(&mut self) {
        let mx = maxnorm(&self.x0);
        let mf = maxnorm(&self.f0);
        self.omega = self.rdiff * pymax(1.0, mx) / pymax(1.0, mf);
    }

    /// Forward-difference `J v`.
    fn matvec(&self, v: &[f64], ev: &mut Eval<'_>) -> Result<Vec<f64>> {
        let nv = norm(v);
        if nv == 0.0 {
            return Ok(vec![0.0; v.len()]);
        }
        let sc = self.omega / nv;
        let xt: Vec<f64> = self.x0.iter().zip(v).map(|(a, b)| a + sc * b).collect();
        let f = ev.call(&xt);
        let r: Vec<f64> = f.iter().zip(&self.f0).map(|(a, b)| (a - b) / sc).collect();
        if !r.iter().all(|a| a.is_finite()) && v.iter().all(|a| a.is_finite()) {
            return Err(Error::invalid("Function returned non-finite results"));
        }
        Ok(r)
    }

    /// `scipy.sparse.linalg.lgmres(J, b, rtol=tol, atol=0, maxiter=1,
    /// inner_m, outer_k, outer_v=kept, prepend_outer_v=True,
    /// store_outer_Av=False)`.
    fn lgmres(&mut self, b: &[f64], rtol: f64, ev: &mut Eval<'_>) -> Result<Vec<f64>> {
        let n = b.len();
        if !b.iter().all(|a| a.is_finite()) {
            return Err(Error::invalid("RHS must contain only finite numbers"));
        }
        let b_norm = norm(b);
        let atol = pymax(0.0, rtol * b_norm);
        if b_norm == 0.0 {
            return Ok(b.to_vec());
        }
        // one outer iteration from x = 0: r = A 0 - b = -b
        let r_norm = b_norm;
        if r_norm <= pymax(atol, rtol * b_norm) {
            return Ok(vec![0.0; n]);
        }
        let inner_res_0 = norm(b);
        let inv = 1.0 / inner_res_0;
        let v0: Vec<f64> = b.iter().map(|a| inv * a).collect();
        let ptol = pymin(1.0, pymax(atol, rtol * b_norm) / r_norm);
        let Some((zs, mut y)) = self.fgmres(v0, ptol, ev)? else {
            return Ok(vec![0.0; n]);
        };
        for v in y.iter_mut() {
            *v *= inner_res_0;
        }
        if !y.iter().all(|a| a.is_finite()) {
            return Ok(vec![0.0; n]);
        }
        let mut dx: Vec<f64> = zs[0].iter().map(|a| a * y[0]).collect();
        for (w, &yc) in zs[1..].iter().zip(&y[1..]) {
            for i in 0..n {
                dx[i] += yc * w[i];
            }
        }
        let nx = norm(&dx);
        if nx > 0.0 {
            self.outer_v.push(dx.iter().map(|a| a / nx).collect());
        }
        while self.outer_v.len() > self.outer_k {
            self.outer_v.remove(0);
        }
        Ok(dx)
    }

    /// SciPy's `_fgmres` with the outer vectors prepended; `None` on its
    /// `LinAlgError` (non-finite R).
    #[allow(clippy::type_complexity)]
    fn fgmres(
        &self,
        v0: Vec<f64>,
        atol: f64,
        ev: &mut Eval<'_>,
    ) -> Result<Option<(Vec<Vec<f64>>, Vec<f64>)>> {
        let m = self.inner_m + self.outer_v.len();
        let nouter = self.outer_v.len();
        let mut vs: Vec<Vec<f64>> = vec![v0];
        let mut zs: Vec<Vec<f64>> = Vec::new();
        // R by columns (column j has j+1 entries), Givens rotations, and
        // g = first row of Q.
        let mut rcols: Vec<Vec<f64>> = Vec::new();
        let mut rots: Vec<(f64, f64)> = Vec::new();
        let mut g = vec![1.0];
        let mut jlast = 0;
        for j in 0..m {
            jlast = j;
            let z = if j < nouter {
                self.outer_v[j].clone()
            } else if j == nouter {
                vs[0].clone()
            } else {
                vs[vs.len() - 1].clone()
            };
            let mut w = self.matvec(&z, ev)?;
            let w_norm = norm(&w);
            let mut hcur = vec![0.0; j + 2];
            for (i, v) in vs.iter().enumerate() {
                let alpha = dot(v, &w);
                hcur[i] = alpha;
                for k in 0..w.len() {
                    w[k] += -alpha * v[k];
                }
            }
            hcur[j + 1] = norm(&w);
            let alpha = 1.0 / hcur[j + 1];
            if alpha.is_finite() {
                for a in w.iter_mut() {
                    *a *= alpha;
                }
            }
            // SciPy: `not (h > eps |w|)`, true for NaN too
            let breakdown =
                hcur[j + 1].partial_cmp(&(f64::EPSILON * w_norm)) != Some(std::cmp::Ordering::Greater);
            vs.push(w);
            zs.push(z);
            for (i, &(c, s)) in rots.iter().enumerate() {
                let (a, b) = (hcur[i], hcur[i + 1]);
                hcur[i] = c * a + s * b;
                hcur[i + 1] = -s * a + c * b;
            }
            let (a, b) = (hcur[j], hcur[j + 1]);
            let r = a.hypot(b);
            let (c, s) = if r == 0.0 { (1.0, 0.0) } else { (a / r, b / r) };
            hcur[j] = r;
            rots.push((c, s));
            let gj = g[j];
            g[j] = c * gj;
            g.push(-s * gj);
            hcur.truncate(j + 1);
            rcols.push(hcur);
            let res = g[j + 1].abs();
            if res < atol || breakdown {
                break;
            }
        }
        let j = jlast;
        if !rcols[j][j].is_finite() {
            return Ok(None);
        }
        // SciPy: `lstsq` (LAPACK gelsd, rcond = eps) on the triangle, which
        // may be singular after a breakdown: the minimum-norm solution
        // through the SVD, singular values <= eps * s_max dropped.
        let k = j + 1;
        let mut rm = vec![0.0; k * k];
        for (c, col) in rcols.iter().enumerate() {
            for (r, &v) in col.iter().enumerate() {
                rm[r * k + c] = v;
            }
        }
        let Some(svd) = thin_svd(&rm, k, k) else {
            return Ok(None);
        };
        let smax = svd.s.iter().fold(0.0f64, |a, &b| a.max(b));
        let mut y = vec![0.0; k];
        for l in 0..k {
            if svd.s[l] <= f64::EPSILON * smax || svd.s[l] == 0.0 {
                continue;
            }
            let mut ug = 0.0;
            for r in 0..k {
                ug += svd.u[r * k + l] * g[r];
            }
            let coef = ug / svd.s[l];
            for c in 0..k {
                y[c] += svd.v[c * k + l] * coef;
            }
        }
        Ok(Some((zs, y)))
    }
}

/// A Jacobian approximation with SciPy's `setup`/`solve`/`update`.
pub(crate) struct Jacobian {
    kind: JacKind,
    opts: NonlinJacOptions,
    alpha: f64,
    last_x: Vec<f64>,
    last_f: Vec<f64>,
    state: State,
}

impl Jacobian {
    pub(crate) fn new(kind: JacKind, opts: &NonlinJacOptions) -> Result<Self> {
        if let Some(r) = opts.max_rank
            && r < 2
            && matches!(kind, JacKind::Broyden1 | JacKind::Broyden2)
        {
            return Err(Error::invalid("`max_rank` must be at least 2."));
        }
        if kind == JacKind::Krylov && opts.inner_m == 0 {
            return Err(Error::invalid("`inner_m` must be positive."));
        }
        Ok(Jacobian {
            kind,
            opts: opts.clone(),
            alpha: 0.0,
            last_x: Vec::new(),
            last_f: Vec::new(),
            state: State::LinearMixing,
        })
    }

    fn broyden_state(&self, second: bool) -> State {
        State::Broyden {
            second,
            gm: LowRank::new(-self.alpha, self.last_f.len()),
        }
    }

    pub(crate) fn setup(&mut self, x: &[f64], f: &[f64]) {
        self.last_x = x.to_vec();
        self.last_f = f.to_vec();
        let n = x.len();
        if self.kind != JacKind::Krylov {
            self.alpha = match self.opts.alpha {
                Some(a) => a,
                None => {
                    let nf = norm(f);
                    if nf != 0.0 {
                        0.5 * pymax(norm(x), 1.0) / nf
                    } else {
                        1.0
                    }
                }
            };
        }
        self.state = match self.kind {
            JacKind::Broyden1 => self.broyden_state(false),
            JacKind::Broyden2 => self.broyden_state(true),
            JacKind::Anderson => State::Anderson {
                dx: Vec::new(),
                df: Vec::new(),
                a: Vec::new(),
            },
            JacKind::LinearMixing => State::LinearMixing,
            JacKind::DiagBroyden => State::DiagBroyden {
                d: vec![1.0 / self.alpha; n],
            },
            JacKind::ExcitingMixing => State::ExcitingMixing {
                beta: vec![self.alpha; n],
            },
            JacKind::Krylov => {
                let mut k = Krylov {
                    x0: x.to_vec(),
                    f0: f.to_vec(),
                    rdiff: self.opts.rdiff.unwrap_or_else(|| f64::EPSILON.powf(0.5)),
                    omega: 0.0,
                    outer_v: Vec::new(),
                    outer_k: self.opts.outer_k,
                    inner_m: self.opts.inner_m,
                };
                k.update_diff_step();
                State::Krylov(Box::new(k))
            }
        };
    }

    /// An approximate solution of `J dx = f` (the Newton step is `-dx`).
    pub(crate) fn solve(&mut self, f: &[f64], tol: f64, ev: &mut Eval<'_>) -> Result<Vec<f64>> {
        let alpha = self.alpha;
        match &mut self.state {
            State::Broyden { gm, .. } => {
                let r = gm.matvec(f);
                if r.iter().all(|a| a.is_finite()) {
                    return Ok(r);
                }
                // SciPy re-runs `setup`: back to the initial `-alpha I`
                *gm = LowRank::new(-alpha, f.len());
                Ok(gm.matvec(f))
            }
            State::Anderson { dx: dxs, df: dfs, a } => {
                let mut dx: Vec<f64> = f.iter().map(|v| -alpha * v).collect();
                let k = dxs.len();
                if k == 0 {
                    return Ok(dx);
                }
                let df_f: Vec<f64> = dfs.iter().map(|d| dot(d, f)).collect();
                if !a.iter().chain(&df_f).all(|v| v.is_finite()) {
                    return Err(Error::invalid("array must not contain infs or NaNs"));
                }
                let Some(gamma) = lu_solve(k, a.clone(), df_f) else {
                    dxs.clear();
                    dfs.clear();
                    return Ok(dx);
                };
                for m in 0..k {
                    for i in 0..dx.len() {
                        dx[i] += gamma[m] * (dxs[m][i] + alpha * dfs[m][i]);
                    }
                }
                Ok(dx)
            }
            State::LinearMixing => Ok(f.iter().map(|v| -v * alpha).collect()),
            State::DiagBroyden { d } => Ok(f.iter().zip(d.iter()).map(|(v, d)| -v / d).collect()),
            State::ExcitingMixing { beta } => Ok(f.iter().zip(beta.iter()).map(|(v, b)| -v * b).collect()),
            State::Krylov(k) => k.lgmres(f, tol, ev),
        }
    }

    pub(crate) fn update(&mut self, x: &[f64], f: &[f64]) {
        let alpha = self.alpha;
        if let State::Krylov(k) = &mut self.state {
            k.x0 = x.to_vec();
            k.f0 = f.to_vec();
            k.update_diff_step();
            return;
        }
        let n = x.len();
        let df: Vec<f64> = f.iter().zip(&self.last_f).map(|(a, b)| a - b).collect();
        let dx: Vec<f64> = x.iter().zip(&self.last_x).map(|(a, b)| a - b).collect();
        let dx_norm = norm(&dx);
        let df_norm = norm(&df);
        match &mut self.state {
            State::Broyden { second, gm } => {
                if let Some(r) = self.opts.max_rank {
                    match self.opts.reduction_method {
                        BroydenReduction::Restart => gm.restart_reduce(r - 1),
                        BroydenReduction::Simple => gm.simple_reduce(r - 1),
                        BroydenReduction::Svd { to_retain } => gm.svd_reduce(r - 1, to_retain),
                    }
                }
                let gdf = gm.matvec(&df);
                let c: Vec<f64> = dx.iter().zip(&gdf).map(|(a, b)| a - b).collect();
                let d: Vec<f64> = if *second {
                    let s = df_norm * df_norm;
                    df.iter().map(|v| v / s).collect()
                } else {
                    let v = gm.rmatvec(&dx);
                    let s = dot(&df, &v);
                    v.iter().map(|a| a / s).collect()
                };
                gm.append(c, d);
            }
            State::Anderson { dx: dxs, df: dfs, a } => {
                let m = self.opts.m;
                if m > 0 {
                    dxs.push(dx);
                    dfs.push(df);
                    while dxs.len() > m {
                        dxs.remove(0);
                        dfs.remove(0);
                    }
                    let k = dxs.len();
                    let w0sq = self.opts.w0 * self.opts.w0;
                    let mut mat = vec![0.0; k * k];
                    for i in 0..k {
                        for j in i..k {
                            let wd = if i == j { w0sq } else { 0.0 };
                            mat[i * k + j] = (1.0 + wd) * dot(&dfs[i], &dfs[j]);
                        }
                    }
                    for i in 0..k {
                        for j in 0..i {
                            mat[i * k + j] += mat[j * k + i];
                        }
                    }
                    *a = mat;
                }
            }
            State::LinearMixing | State::Krylov(_) => {}
            State::DiagBroyden { d } => {
                let s = dx_norm * dx_norm;
                for i in 0..n {
                    d[i] -= (df[i] + d[i] * dx[i]) * dx[i] / s;
                }
            }
            State::ExcitingMixing { beta } => {
                for i in 0..n {
                    if f[i] * self.last_f[i] > 0.0 {
                        beta[i] += alpha;
                    } else {
                        beta[i] = alpha;
                    }
                    // np.clip(beta, 0, alphamax)
                    beta[i] = beta[i].max(0.0).min(self.opts.alphamax);
                }
            }
        }
        self.last_f = f.to_vec();
        self.last_x = x.to_vec();
    }
}

/// The line search of `nonlin_solve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NonlinSearch {
    Armijo,
    Wolfe,
    Off,
}

/// Tolerances and limits of `nonlin_solve` (already resolved).
pub(crate) struct NonlinParams {
    pub(crate) f_tol: f64,
    pub(crate) f_rtol: f64,
    pub(crate) x_tol: f64,
    pub(crate) x_rtol: f64,
    pub(crate) iter: Option<usize>,
    pub(crate) maxiter: Option<usize>,
    pub(crate) line_search: NonlinSearch,
    /// SciPy's `tol_norm` (`None`: the max-abs norm).
    pub(crate) tol_norm: Option<fn(&[f64]) -> f64>,
}

pub(crate) struct NonlinOut {
    pub(crate) x: Vec<f64>,
    pub(crate) fun: Vec<f64>,
    pub(crate) nit: usize,
    pub(crate) status: i32,
}

/// SciPy's `scalar_search_armijo(phi, phi0, -phi0, amin=1e-2)` on
/// `phi(s) = |F(x + s dx)|^2`, caching the last evaluation as SciPy's
/// `_nonlin_line_search` does. Returns `(s, x, Fx)`.
fn armijo_search(ev: &mut Eval<'_>, x: &[f64], fx: &[f64], dx: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let nfx = norm(fx);
    let mut tmp_s = 0.0;
    let mut tmp_phi = nfx * nfx;
    let mut tmp_fx = fx.to_vec();
    let mut phi = |s: f64, tmp_s: &mut f64, tmp_phi: &mut f64, tmp_fx: &mut Vec<f64>| -> f64 {
        if s == *tmp_s {
            return *tmp_phi;
        }
        let xt: Vec<f64> = x.iter().zip(dx).map(|(a, b)| a + s * b).collect();
        let v = ev.call(&xt);
        let nv = if v.iter().all(|a| a.is_finite()) {
            norm(&v)
        } else {
            f64::INFINITY
        };
        let p = nv * nv;
        *tmp_s = s;
        *tmp_phi = p;
        *tmp_fx = v;
        p
    };
    let phi0 = tmp_phi;
    let derphi0 = -tmp_phi;
    let (c1, amin) = (1e-4, 1e-2);
    let s: Option<f64> = 'search: {
        let mut alpha0 = 1.0f64;
        let mut phi_a0 = phi(alpha0, &mut tmp_s, &mut tmp_phi, &mut tmp_fx);
        if phi_a0 <= phi0 + c1 * alpha0 * derphi0 {
            break 'search Some(alpha0);
        }
        let mut alpha1 = -derphi0 * (alpha0 * alpha0) / 2.0 / (phi_a0 - phi0 - derphi0 * alpha0);
        let mut phi_a1 = phi(alpha1, &mut tmp_s, &mut tmp_phi, &mut tmp_fx);
        if phi_a1 <= phi0 + c1 * alpha1 * derphi0 {
            break 'search Some(alpha1);
        }
        while alpha1 > amin {
            let factor = alpha0 * alpha0 * (alpha1 * alpha1) * (alpha1 - alpha0);
            let mut a = alpha0 * alpha0 * (phi_a1 - phi0 - derphi0 * alpha1)
                - alpha1 * alpha1 * (phi_a0 - phi0 - derphi0 * alpha0);
            a /= factor;
            let mut b = -alpha0.powf(3.0) * (phi_a1 - phi0 - derphi0 * alpha1)
                + alpha1.powf(3.0) * (phi_a0 - phi0 - derphi0 * alpha0);
            b /= factor;
            let mut alpha2 = (-b + (b * b - 3.0 * a * derphi0).abs().sqrt()) / (3.0 * a);
            let phi_a2 = phi(alpha2, &mut tmp_s, &mut tmp_phi, &mut tmp_fx);
            if phi_a2 <= phi0 + c1 * alpha2 * derphi0 {
                break 'search Some(alpha2);
            }
            if (alpha1 - alpha2) > alpha1 / 2.0 || (1.0 - alpha2 / alpha1) < 0.96 {
                alpha2 = alpha1 / 2.0;
            }
            alpha0 = alpha1;
            alpha1 = alpha2;
            phi_a0 = phi_a1;
            phi_a1 = phi_a2;
        }
        None
    };
    let s = s.unwrap_or(1.0);
    let xn: Vec<f64> = x.iter().zip(dx).map(|(a, b)| a + s * b).collect();
    let fxn = if s == tmp_s { tmp_fx } else { ev.call(&xn) };
    (xn, fxn)
}

/// `phi(s) = |F(x + s dx)|^2` of `_nonlin_line_search` with its one-point
/// cache, and the forward-difference `derphi` SciPy pairs it with.
struct NonlinPhi<'e, 'a, 'v> {
    ev: &'e mut Eval<'a>,
    x: &'v [f64],
    dx: &'v [f64],
    s_norm: f64,
    tmp_s: f64,
    tmp_phi: f64,
    tmp_fx: Vec<f64>,
}

impl NonlinPhi<'_, '_, '_> {
    fn phi_store(&mut self, s: f64, store: bool) -> f64 {
        if s == self.tmp_s {
            return self.tmp_phi;
        }
        let xt: Vec<f64> = self.x.iter().zip(self.dx).map(|(a, b)| a + s * b).collect();
        let v = self.ev.call(&xt);
        let nv = if v.iter().all(|a| a.is_finite()) {
            norm(&v)
        } else {
            f64::INFINITY
        };
        let p = nv * nv;
        if store {
            self.tmp_s = s;
            self.tmp_phi = p;
            self.tmp_fx = v;
        }
        p
    }
}

impl crate::optimize::minimize::PhiDerphi for NonlinPhi<'_, '_, '_> {
    fn phi(&mut self, s: f64) -> f64 {
        self.phi_store(s, true)
    }
    fn derphi(&mut self, s: f64) -> f64 {
        // rdiff = 1e-8
        let ds = (s.abs() + self.s_norm + 1.0) * 1e-8;
        (self.phi_store(s + ds, false) - self.phi_store(s, true)) / ds
    }
}

/// `_nonlin_line_search(.., search_type='wolfe')`: SciPy's
/// `scalar_search_wolfe1(phi, derphi, phi0, xtol=1e-2, amin=1e-2)` (c1
/// 1e-4, c2 0.9, amax 50), the full step when it fails. Returns `(x, Fx)`.
fn wolfe_search(ev: &mut Eval<'_>, x: &[f64], fx: &[f64], dx: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let nfx = norm(fx);
    let mut ph = NonlinPhi {
        ev,
        x,
        dx,
        s_norm: norm(x) / norm(dx),
        tmp_s: 0.0,
        tmp_phi: nfx * nfx,
        tmp_fx: fx.to_vec(),
    };
    let phi0 = ph.tmp_phi;
    // DCSRCH computes derphi(0) itself when it is not given
    let derphi0 = crate::optimize::minimize::PhiDerphi::derphi(&mut ph, 0.0);
    let (s, _, _) = crate::optimize::minimize::scalar_search_wolfe1(
        &mut ph, phi0, None, derphi0, 1e-4, 0.9, 50.0, 1e-2, 1e-2,
    );
    let s = s.unwrap_or(1.0);
    let xn: Vec<f64> = x.iter().zip(dx).map(|(a, b)| a + s * b).collect();
    let fxn = if s == ph.tmp_s { ph.tmp_fx } else { ph.ev.call(&xn) };
    (xn, fxn)
}

/// SciPy's `nonlin_solve(..., full_output=True, raise_exception=False)`.
pub(crate) fn nonlin_solve(
    ev: &mut Eval<'_>,
    x0: &[f64],
    jac: &mut Jacobian,
    p: &NonlinParams,
    mut callback: Option<&mut super::RootCallback<'_>>,
) -> Result<NonlinOut> {
    let tol_norm = |v: &[f64]| match p.tol_norm {
        Some(f) => f(v),
        None => maxnorm(v),
    };
    let n = x0.len();
    let mut x = x0.to_vec();
    let mut dx = vec![f64::INFINITY; n];
    let mut fx = ev.call(&x);
    let mut fx_norm = norm(&fx);
    jac.setup(&x, &fx);
    let maxiter = match (p.maxiter, p.iter) {
        (Some(m), _) => m,
        (None, Some(it)) => it + 1,
        (None, None) => 100 * (n + 1),
    };
    let (gamma, eta_max, eta_treshold) = (0.9, 0.9999, 0.1);
    let mut eta: f64 = 1e-3;
    let mut iteration = 0usize;
    let mut f0_norm: Option<f64> = None;
    let mut status = 2;
    for _ in 0..maxiter {
        // TerminationCondition.check
        iteration += 1;
        let f_norm = tol_norm(&fx);
        let x_norm = tol_norm(&x);
        let dx_norm = tol_norm(&dx);
        let f0 = *f0_norm.get_or_insert(f_norm);
        let st = if f_norm == 0.0 {
            1
        } else if let Some(it) = p.iter {
            if iteration > it { 2 } else { 0 }
        } else {
            i32::from(
                (f_norm <= p.f_tol && f_norm / p.f_rtol <= f0)
                    && (dx_norm <= p.x_tol && dx_norm / p.x_rtol <= x_norm),
            )
        };
        if st != 0 {
            status = st;
            break;
        }
        let tol = pymin(eta, eta * fx_norm);
        dx = jac.solve(&fx, tol, ev)?;
        for v in dx.iter_mut() {
            *v = -*v;
        }
        if norm(&dx) == 0.0 {
            return Err(Error::invalid(
                "Jacobian inversion yielded zero vector. This indicates a bug in the Jacobian approximation.",
            ));
        }
        let (xn, fxn) = match p.line_search {
            NonlinSearch::Armijo => armijo_search(ev, &x, &fx, &dx),
            NonlinSearch::Wolfe => wolfe_search(ev, &x, &fx, &dx),
            NonlinSearch::Off => {
                let xn: Vec<f64> = x.iter().zip(&dx).map(|(a, b)| a + b).collect();
                let f = ev.call(&xn);
                (xn, f)
            }
        };
        x = xn;
        fx = fxn;
        let fx_norm_new = norm(&fx);
        jac.update(&x, &fx);
        if let Some(cb) = callback.as_deref_mut() {
            cb(&x, &fx);
        }
        let eta_a = gamma * (fx_norm_new * fx_norm_new) / (fx_norm * fx_norm);
        if gamma * (eta * eta) < eta_treshold {
            eta = pymin(eta_max, eta_a);
        } else {
            eta = pymin(eta_max, pymax(eta_a, gamma * (eta * eta)));
        }
        fx_norm = fx_norm_new;
    }
    Ok(NonlinOut {
        x,
        fun: fx,
        nit: iteration,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lu_solve_pivots_and_detects_singular() {
        let y = lu_solve(2, vec![0.0, 1.0, 2.0, 0.0], vec![3.0, 4.0]).unwrap();
        assert_eq!(y, vec![2.0, 3.0]);
        assert!(lu_solve(2, vec![1.0, 2.0, 2.0, 4.0], vec![1.0, 1.0]).is_none());
    }

    #[test]
    fn maxnorm_propagates_nan() {
        assert!(maxnorm(&[1.0, f64::NAN, 3.0]).is_nan());
        assert_eq!(maxnorm(&[-4.0, 3.0]), 4.0);
    }

    #[test]
    fn low_rank_collapses_past_n() {
        let mut g = LowRank::new(2.0, 1);
        g.append(vec![1.0], vec![1.0]);
        assert!(g.collapsed.is_none());
        g.append(vec![1.0], vec![2.0]);
        // 2 + 1 + 2 = 5
        assert_eq!(g.matvec(&[1.0]), vec![5.0]);
        assert_eq!(g.rmatvec(&[2.0]), vec![10.0]);
    }

    #[test]
    fn thin_qr_reconstructs() {
        let d = vec![vec![1.0, 2.0, 0.0, 1.0], vec![0.5, -1.0, 3.0, 2.0]];
        let (q, r) = thin_qr(&d, 4);
        for (l, col) in d.iter().enumerate() {
            for i in 0..4 {
                let v: f64 = (0..2).map(|j| q[j][i] * r[j * 2 + l]).sum();
                // Householder QR is backward stable: a few ulps
                assert!((v - col[i]).abs() < 1e-14, "{v} vs {}", col[i]);
            }
        }
        assert!((dot(&q[0], &q[1])).abs() < 1e-15 && (norm(&q[1]) - 1.0).abs() < 1e-15);
        assert_eq!(r[2], 0.0); // below the diagonal
    }

    #[test]
    fn svd_reduce_keeps_a_rank_two_update() {
        // three pairs whose sum c d^T has rank 2: reducing to 2 SVD
        // components changes nothing but rounding
        let (c1, c2) = (vec![1.0, 0.0, 2.0, -1.0], vec![0.0, 1.0, 1.0, 0.5]);
        let (d1, d2) = (vec![0.5, 1.0, 0.0, 0.0], vec![0.0, -1.0, 2.0, 1.0]);
        let mut g = LowRank::new(-0.5, 4);
        g.append(c1.clone(), d1);
        g.append(c2, d2.clone());
        g.append(c1, d2);
        let v = [0.3, -1.2, 0.7, 2.0];
        let before = g.matvec(&v);
        g.svd_reduce(3, None); // SciPy's max_rank 4: p = 3, q = 1 -> clamp
        assert_eq!(g.cs.len(), 1);
        let mut h = LowRank::new(-0.5, 4);
        h.cs = vec![vec![1.0, 0.0, 2.0, -1.0], vec![0.0, 1.0, 1.0, 0.5]];
        h.ds = vec![vec![0.5, 0.0, 2.0, 1.0], vec![0.0, -1.0, 2.0, 1.0]];
        h.cs.push(vec![0.0; 4]);
        h.ds.push(vec![0.0; 4]);
        h.svd_reduce(3, Some(2));
        assert_eq!(h.cs.len(), 2);
        let after = h.matvec(&v);
        for (a, b) in after.iter().zip(&before) {
            // rank-2 update kept exactly up to rounding of the QR and SVD
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
    }
}
