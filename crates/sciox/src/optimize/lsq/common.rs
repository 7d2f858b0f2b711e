//! Helpers shared by the `trf`, `dogbox` and `lsq_linear` solvers, after
//! SciPy's `scipy/optimize/_lsq/common.py`: trust-region subproblems,
//! step sizes to the bounds, Coleman-Li scaling, robust losses and the
//! finite-difference Jacobian with bounds (`approx_derivative`).

use crate::optimize::minimize::finite_diff::{
    adjust_scheme_to_bounds, compute_absolute_step, eps_for_method,
};
use faer::Mat;

pub(crate) const EPS: f64 = f64::EPSILON;

pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub(crate) fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

pub(crate) fn norm_inf(a: &[f64]) -> f64 {
    a.iter()
        .fold(0.0f64, |m, v| if v.abs() > m || v.is_nan() { v.abs() } else { m })
}

/// `J @ s` for the row-major m×n `j`.
pub(crate) fn matvec(j: &[f64], n: usize, s: &[f64], out: &mut [f64]) {
    for (o, row) in out.iter_mut().zip(j.chunks_exact(n.max(1))) {
        *o = dot(row, s);
    }
}

/// `J^T f` for the row-major m×n `j`.
pub(crate) fn rmatvec(j: &[f64], n: usize, f: &[f64], out: &mut [f64]) {
    out.fill(0.0);
    if n == 0 {
        return;
    }
    for (row, fi) in j.chunks_exact(n).zip(f) {
        for (o, r) in out.iter_mut().zip(row) {
            *o += r * fi;
        }
    }
}

/// The thin SVD of the row-major r×c `a`: `(U r×k row-major, s, V c×k
/// row-major)` with `k = min(r, c)`; `None` if it does not converge
/// (non-finite entries).
pub(crate) struct Svd {
    pub u: Vec<f64>,
    pub s: Vec<f64>,
    pub v: Vec<f64>,
    pub k: usize,
}

pub(crate) fn thin_svd(a: &[f64], r: usize, c: usize) -> Option<Svd> {
    let k = r.min(c);
    if k == 0 {
        return Some(Svd {
            u: vec![],
            s: vec![],
            v: vec![],
            k: 0,
        });
    }
    if a.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let m = Mat::<f64>::from_fn(r, c, |i, j| a[i * c + j]);
    let svd = m.thin_svd().ok()?;
    let (uu, ss, vv) = (svd.U(), svd.S().column_vector(), svd.V());
    let mut u = vec![0.0; r * k];
    let mut v = vec![0.0; c * k];
    for i in 0..r {
        for l in 0..k {
            u[i * k + l] = uu[(i, l)];
        }
    }
    for i in 0..c {
        for l in 0..k {
            v[i * k + l] = vv[(i, l)];
        }
    }
    let s = (0..k).map(|l| ss[l]).collect();
    Some(Svd { u, s, v, k })
}

/// The singular values and right vectors of the row-major r×c `a`, and
/// `U^T f`: for tall matrices (r > 2c) through a Householder QR first (the
/// SVD of the c×c `R` then gives the same `s`, `V` and `U^T f` in
/// O(r c^2) without forming `U`). `None` if the SVD fails (non-finite
/// entries).
pub(crate) fn thin_svd_uf(a: &[f64], r: usize, c: usize, f: &[f64]) -> Option<(Svd, Vec<f64>)> {
    if r <= 2 * c || c == 0 {
        let svd = thin_svd(a, r, c)?;
        let uf = ut_dot(&svd, f);
        return Some((svd, uf));
    }
    if a.iter().chain(f).any(|v| !v.is_finite()) {
        return None;
    }
    // column-major copy
    let mut q = vec![0.0; r * c];
    for i in 0..r {
        for j in 0..c {
            q[j * r + i] = a[i * c + j];
        }
    }
    let mut qf = f.to_vec();
    for j in 0..c {
        let (head, tail) = q.split_at_mut((j + 1) * r);
        let col = &mut head[j * r..];
        let alpha = norm(&col[j..]);
        if alpha == 0.0 {
            continue;
        }
        let beta = if col[j] > 0.0 { -alpha } else { alpha };
        col[j] -= beta;
        let v = &col[j..];
        let vtv = dot(v, v);
        for k in 0..c - j - 1 {
            let other = &mut tail[k * r + j..(k + 1) * r];
            let t = 2.0 * dot(v, other) / vtv;
            for (o, vi) in other.iter_mut().zip(v) {
                *o -= t * vi;
            }
        }
        let t = 2.0 * dot(v, &qf[j..]) / vtv;
        for (o, vi) in qf[j..].iter_mut().zip(v) {
            *o -= t * vi;
        }
        col[j] = beta;
    }
    let mut rm = vec![0.0; c * c];
    for i in 0..c {
        for k in i..c {
            rm[i * c + k] = q[k * r + i];
        }
    }
    let svd = thin_svd(&rm, c, c)?;
    let uf = ut_dot(&svd, &qf[..c]);
    Some((svd, uf))
}

/// `U^T f` for the row-major r×k `u`.
pub(crate) fn ut_dot(svd: &Svd, f: &[f64]) -> Vec<f64> {
    let k = svd.k;
    let mut out = vec![0.0; k];
    if k == 0 {
        return out;
    }
    for (row, fi) in svd.u.chunks_exact(k).zip(f) {
        for (o, r) in out.iter_mut().zip(row) {
            *o += r * fi;
        }
    }
    out
}

/// `V @ w` for the row-major c×k `v`.
pub(crate) fn v_dot(svd: &Svd, w: &[f64], c: usize) -> Vec<f64> {
    let k = svd.k;
    (0..c).map(|i| dot(&svd.v[i * k..i * k + k], w)).collect()
}

/// Roots `t_neg <= t_pos` of `||x + s t|| = Delta` (SciPy's
/// `intersect_trust_region`; `(0, 0)` for a zero `s`).
pub(crate) fn intersect_trust_region(x: &[f64], s: &[f64], delta: f64) -> (f64, f64) {
    let a = dot(s, s);
    if a == 0.0 {
        return (0.0, 0.0);
    }
    let b = dot(x, s);
    let c = dot(x, x) - delta * delta;
    let d = (b * b - a * c).sqrt();
    let q = -(b + d.copysign(b));
    let (t1, t2) = (q / a, c / q);
    if t1 < t2 { (t1, t2) } else { (t2, t1) }
}

/// More's trust-region solver on one SVD (SciPy's `solve_lsq_trust_region`):
/// returns `(p, alpha)`.
pub(crate) fn solve_lsq_trust_region(
    n: usize,
    m: usize,
    uf: &[f64],
    svd: &Svd,
    delta: f64,
    initial_alpha: f64,
) -> (Vec<f64>, f64) {
    let s = &svd.s;
    let k = svd.k;
    let suf: Vec<f64> = s.iter().zip(uf).map(|(a, b)| a * b).collect();
    let phi_and_derivative = |alpha: f64| {
        let mut pn = 0.0;
        let mut d3 = 0.0;
        for i in 0..k {
            let denom = s[i] * s[i] + alpha;
            let q = suf[i] / denom;
            pn += q * q;
            d3 += suf[i] * suf[i] / (denom * denom * denom);
        }
        let p_norm = pn.sqrt();
        (p_norm - delta, -d3 / p_norm)
    };
    let full_rank = m >= n && k > 0 && s[k - 1] > EPS * m as f64 * s[0];
    if full_rank {
        let w: Vec<f64> = uf.iter().zip(s).map(|(a, b)| a / b).collect();
        let p: Vec<f64> = v_dot(svd, &w, n).into_iter().map(|v| -v).collect();
        if norm(&p) <= delta {
            return (p, 0.0);
        }
    }
    let mut alpha_upper = norm(&suf) / delta;
    let mut alpha_lower = if full_rank {
        let (phi, phi_prime) = phi_and_derivative(0.0);
        -phi / phi_prime
    } else {
        0.0
    };
    let reset = |lo: f64, up: f64| (0.001 * up).max((lo * up).powf(0.5));
    let mut alpha = if !full_rank && initial_alpha == 0.0 {
        reset(alpha_lower, alpha_upper)
    } else {
        initial_alpha
    };
    for _ in 0..10 {
        if alpha < alpha_lower || alpha > alpha_upper {
            alpha = reset(alpha_lower, alpha_upper);
        }
        let (phi, phi_prime) = phi_and_derivative(alpha);
        if phi < 0.0 {
            alpha_upper = alpha;
        }
        let ratio = phi / phi_prime;
        alpha_lower = alpha_lower.max(alpha - ratio);
        alpha -= (phi + delta) * ratio / delta;
        if phi.abs() < 0.01 * delta {
            break;
        }
    }
    let w: Vec<f64> = suf.iter().zip(s).map(|(a, b)| a / (b * b + alpha)).collect();
    let mut p: Vec<f64> = v_dot(svd, &w, n).into_iter().map(|v| -v).collect();
    let scale = delta / norm(&p);
    for v in &mut p {
        *v *= scale;
    }
    (p, alpha)
}

/// SciPy's `update_tr_radius`: `(Delta, ratio)`.
pub(crate) fn update_tr_radius(
    delta: f64,
    actual: f64,
    predicted: f64,
    step_norm: f64,
    bound_hit: bool,
) -> (f64, f64) {
    let ratio = if predicted > 0.0 {
        actual / predicted
    } else if predicted == actual && actual == 0.0 {
        1.0
    } else {
        0.0
    };
    let delta = if ratio < 0.25 {
        0.25 * step_norm
    } else if ratio > 0.75 && bound_hit {
        delta * 2.0
    } else {
        delta
    };
    (delta, ratio)
}

/// `J s` with the row-major m×n `j`, as a fresh vector.
pub(crate) fn jdot(j: &[f64], n: usize, s: &[f64]) -> Vec<f64> {
    let m = j.len().checked_div(n).unwrap_or(0);
    let mut v = vec![0.0; m];
    matvec(j, n, s, &mut v);
    v
}

/// The column indices of a sparsity pattern, row by row (CSR without the
/// values): products with a Jacobian stored dense then visit only the
/// pattern's entries, in the order of SciPy's CSR products.
#[derive(Clone)]
pub(crate) struct RowPattern {
    ptr: Vec<usize>,
    idx: Vec<usize>,
}

impl RowPattern {
    pub(crate) fn new(pattern: &[bool], m: usize, n: usize) -> RowPattern {
        let mut ptr = Vec::with_capacity(m + 1);
        let mut idx = Vec::new();
        ptr.push(0);
        for r in 0..m {
            idx.extend((0..n).filter(|&c| pattern[r * n + c]));
            ptr.push(idx.len());
        }
        RowPattern { ptr, idx }
    }
}

/// `J v` for the row-major m×n `j`, over the pattern's entries if given.
pub(crate) fn jmul(j: &[f64], n: usize, pat: Option<&RowPattern>, v: &[f64]) -> Vec<f64> {
    match pat {
        None => jdot(j, n, v),
        Some(p) => (0..p.ptr.len() - 1)
            .map(|r| {
                p.idx[p.ptr[r]..p.ptr[r + 1]]
                    .iter()
                    .map(|&c| j[r * n + c] * v[c])
                    .sum()
            })
            .collect(),
    }
}

/// `J^T y` into `out`, over the pattern's entries if given.
pub(crate) fn jtmul(j: &[f64], n: usize, pat: Option<&RowPattern>, y: &[f64], out: &mut [f64]) {
    match pat {
        None => rmatvec(j, n, y, out),
        Some(p) => {
            out.fill(0.0);
            for (r, yr) in y.iter().enumerate().take(p.ptr.len() - 1) {
                for &c in &p.idx[p.ptr[r]..p.ptr[r + 1]] {
                    out[c] += j[r * n + c] * yr;
                }
            }
        }
    }
}

/// SciPy's `build_quadratic_1d` with `s0`: `(a, b, c)` of
/// `f(t) = 0.5 (s0 + s t)^T (J^T J + diag) (s0 + s t) + g^T (s0 + s t)`.
pub(crate) fn build_quadratic_1d(
    j: &[f64],
    n: usize,
    g: &[f64],
    s: &[f64],
    diag: Option<&[f64]>,
    s0: Option<&[f64]>,
) -> (f64, f64, f64) {
    build_quadratic_1d_op(&|v| jdot(j, n, v), g, s, diag, s0)
}

/// [`build_quadratic_1d`] with `J` given by its product `jv(s) = J s`
/// (SciPy's `LinearOperator` case).
pub(crate) fn build_quadratic_1d_op(
    jv: &dyn Fn(&[f64]) -> Vec<f64>,
    g: &[f64],
    s: &[f64],
    diag: Option<&[f64]>,
    s0: Option<&[f64]>,
) -> (f64, f64, f64) {
    let n = s.len();
    let v = jv(s);
    let mut a = dot(&v, &v);
    if let Some(d) = diag {
        a += (0..n).map(|i| s[i] * d[i] * s[i]).sum::<f64>();
    }
    a *= 0.5;
    let mut b = dot(g, s);
    let mut c = 0.0;
    if let Some(s0) = s0 {
        let u = jv(s0);
        b += dot(&u, &v);
        c = 0.5 * dot(&u, &u) + dot(g, s0);
        if let Some(d) = diag {
            b += (0..n).map(|i| s0[i] * d[i] * s[i]).sum::<f64>();
            c += 0.5 * (0..n).map(|i| s0[i] * d[i] * s0[i]).sum::<f64>();
        }
    }
    (a, b, c)
}

/// SciPy's `minimize_quadratic_1d`: `(t, y)` minimising `a t^2 + b t + c`
/// on `[lb, ub]`.
pub(crate) fn minimize_quadratic_1d(a: f64, b: f64, lb: f64, ub: f64, c: f64) -> (f64, f64) {
    let mut best = (lb, lb * (a * lb + b) + c);
    let mut consider = |t: f64| {
        let y = t * (a * t + b) + c;
        if y < best.1 {
            best = (t, y);
        }
    };
    consider(ub);
    if a != 0.0 {
        let e = -0.5 * b / a;
        if lb < e && e < ub {
            consider(e);
        }
    }
    best
}

/// SciPy's `evaluate_quadratic`: `0.5 s^T (J^T J + diag) s + g^T s`.
pub(crate) fn evaluate_quadratic(j: &[f64], n: usize, g: &[f64], s: &[f64], diag: Option<&[f64]>) -> f64 {
    evaluate_quadratic_op(&|v| jdot(j, n, v), g, s, diag)
}

/// [`evaluate_quadratic`] with `J` given by its product `jv(s) = J s`.
pub(crate) fn evaluate_quadratic_op(
    jv: &dyn Fn(&[f64]) -> Vec<f64>,
    g: &[f64],
    s: &[f64],
    diag: Option<&[f64]>,
) -> f64 {
    let js = jv(s);
    let mut q = dot(&js, &js);
    if let Some(d) = diag {
        q += (0..s.len()).map(|i| s[i] * d[i] * s[i]).sum::<f64>();
    }
    0.5 * q + dot(s, g)
}

pub(crate) fn in_bounds(x: &[f64], lb: &[f64], ub: &[f64]) -> bool {
    x.iter().zip(lb).zip(ub).all(|((x, l), u)| x >= l && x <= u)
}

/// SciPy's `step_size_to_bound`: the smallest `t >= 0` putting `x + s t`
/// on a bound, and which variables hit (-1 lower, 1 upper, 0 none).
pub(crate) fn step_size_to_bound(x: &[f64], s: &[f64], lb: &[f64], ub: &[f64]) -> (f64, Vec<i32>) {
    let steps: Vec<f64> = (0..x.len())
        .map(|i| {
            if s[i] != 0.0 {
                ((lb[i] - x[i]) / s[i]).max((ub[i] - x[i]) / s[i])
            } else {
                f64::INFINITY
            }
        })
        .collect();
    let min = steps
        .iter()
        .fold(f64::INFINITY, |m, &v| if v < m || v.is_nan() { v } else { m });
    let hits = (0..x.len())
        .map(|i| {
            if steps[i] == min {
                if s[i] > 0.0 {
                    1
                } else if s[i] < 0.0 {
                    -1
                } else {
                    0
                }
            } else {
                0
            }
        })
        .collect();
    (min, hits)
}

/// SciPy's `find_active_constraints`.
pub(crate) fn find_active_constraints(x: &[f64], lb: &[f64], ub: &[f64], rtol: f64) -> Vec<i32> {
    (0..x.len())
        .map(|i| {
            if rtol == 0.0 {
                return if x[i] >= ub[i] {
                    1
                } else if x[i] <= lb[i] {
                    -1
                } else {
                    0
                };
            }
            let lower_dist = x[i] - lb[i];
            let upper_dist = ub[i] - x[i];
            let lt = rtol * lb[i].abs().max(1.0);
            let ut = rtol * ub[i].abs().max(1.0);
            let mut a = 0;
            if lb[i].is_finite() && lower_dist <= upper_dist.min(lt) {
                a = -1;
            }
            if ub[i].is_finite() && upper_dist <= lower_dist.min(ut) {
                a = 1;
            }
            a
        })
        .collect()
}

fn next_after(a: f64, toward: f64) -> f64 {
    if a.is_nan() || toward.is_nan() {
        return f64::NAN;
    }
    if a == toward {
        return toward;
    }
    if a == 0.0 {
        return if toward > 0.0 {
            f64::from_bits(1)
        } else {
            -f64::from_bits(1)
        };
    }
    let bits = a.to_bits();
    let up = (toward > a) == (a > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

/// SciPy's `make_strictly_feasible` (`rstep = 0` uses `nextafter`).
pub(crate) fn make_strictly_feasible(x: &mut [f64], lb: &[f64], ub: &[f64], rstep: f64) {
    let active = find_active_constraints(x, lb, ub, rstep);
    for i in 0..x.len() {
        match active[i] {
            -1 => {
                x[i] = if rstep == 0.0 {
                    next_after(lb[i], ub[i])
                } else {
                    lb[i] + rstep * lb[i].abs().max(1.0)
                }
            }
            1 => {
                x[i] = if rstep == 0.0 {
                    next_after(ub[i], lb[i])
                } else {
                    ub[i] - rstep * ub[i].abs().max(1.0)
                }
            }
            _ => {}
        }
        if x[i] < lb[i] || x[i] > ub[i] {
            x[i] = 0.5 * (lb[i] + ub[i]);
        }
    }
}

/// SciPy's `CL_scaling_vector`: `(v, dv)`.
pub(crate) fn cl_scaling_vector(x: &[f64], g: &[f64], lb: &[f64], ub: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let n = x.len();
    let mut v = vec![1.0; n];
    let mut dv = vec![0.0; n];
    for i in 0..n {
        if g[i] < 0.0 && ub[i].is_finite() {
            v[i] = ub[i] - x[i];
            dv[i] = -1.0;
        }
        if g[i] > 0.0 && lb[i].is_finite() {
            v[i] = x[i] - lb[i];
            dv[i] = 1.0;
        }
    }
    (v, dv)
}

/// SciPy's `compute_jac_scale`: `(scale, scale_inv)` from the column norms
/// of the row-major m×n `j` (never decreasing once `old` is given).
pub(crate) fn compute_jac_scale(j: &[f64], n: usize, old: Option<&[f64]>) -> (Vec<f64>, Vec<f64>) {
    let mut si = vec![0.0; n];
    if n > 0 {
        for row in j.chunks_exact(n) {
            for (s, r) in si.iter_mut().zip(row) {
                *s += r * r;
            }
        }
    }
    for (i, s) in si.iter_mut().enumerate() {
        *s = s.sqrt();
        match old {
            None => {
                if *s == 0.0 {
                    *s = 1.0
                }
            }
            Some(o) => *s = s.max(o[i]),
        }
    }
    (si.iter().map(|s| 1.0 / s).collect(), si)
}

/// SciPy's `check_termination`.
pub(crate) fn check_termination(
    df: f64,
    f: f64,
    dx_norm: f64,
    x_norm: f64,
    ratio: f64,
    ftol: f64,
    xtol: f64,
) -> Option<i32> {
    let ftol_ok = df < ftol * f && ratio > 0.25;
    let xtol_ok = dx_norm < xtol * (xtol + x_norm);
    match (ftol_ok, xtol_ok) {
        (true, true) => Some(4),
        (true, false) => Some(2),
        (false, true) => Some(3),
        _ => None,
    }
}

/// A robust loss of [`least_squares`](super::least_squares) (SciPy's
/// `loss`): `rho(z)` of the squared residual `z = (f / f_scale)^2`.
///
/// ```
/// use sciox::optimize::Loss;
/// assert_eq!(Loss::default(), Loss::Linear);
/// // a custom loss: rho(z) = z / (1 + z) with its two derivatives
/// fn tame(z: f64) -> (f64, f64, f64) {
///     let t = 1.0 + z;
///     (z / t, 1.0 / (t * t), -2.0 / (t * t * t))
/// }
/// let custom = Loss::Custom(tame);
/// assert_ne!(custom, Loss::Huber);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub enum Loss {
    /// `rho(z) = z` (ordinary least squares).
    #[default]
    Linear,
    /// `rho(z) = 2 ((1 + z)^0.5 - 1)`.
    SoftL1,
    /// `rho(z) = z` if `z <= 1`, else `2 z^0.5 - 1`.
    Huber,
    /// `rho(z) = ln(1 + z)`.
    Cauchy,
    /// `rho(z) = arctan(z)`.
    Arctan,
    /// SciPy's callable `loss`: `z -> (rho(z), rho'(z), rho''(z))`. SciPy
    /// calls it on the whole vector `z`; here it is applied to each element
    /// (the built-in losses are elementwise too). `f_scale` applies as for
    /// the built-in losses.
    Custom(fn(f64) -> (f64, f64, f64)),
}

/// Built-in losses compare by kind; two `Custom` losses are equal when
/// they hold the same function address (`std::ptr::fn_addr_eq`, which
/// Rust does not guarantee to be unique or stable across codegen units).
impl PartialEq for Loss {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Loss::Custom(a), Loss::Custom(b)) => std::ptr::fn_addr_eq(*a, *b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

impl Eq for Loss {}

/// `rho` and its first two derivatives at the residuals `f`, scaled as
/// SciPy's `construct_loss_function` (rows 0, 1, 2 in `rho`).
pub(crate) fn loss_rho(loss: Loss, f: &[f64], f_scale: f64, rho: &mut [Vec<f64>; 3]) {
    let fs2 = f_scale * f_scale;
    for (i, &fi) in f.iter().enumerate() {
        let q = fi / f_scale;
        let z = q * q;
        let (r0, r1, r2) = rho_of(loss, z);
        rho[0][i] = r0 * fs2;
        rho[1][i] = r1;
        rho[2][i] = r2 / fs2;
    }
}

fn rho_of(loss: Loss, z: f64) -> (f64, f64, f64) {
    match loss {
        Loss::Linear => (z, 1.0, 0.0),
        Loss::Huber => {
            if z <= 1.0 {
                (z, 1.0, 0.0)
            } else {
                (2.0 * z.sqrt() - 1.0, z.powf(-0.5), -0.5 * z.powf(-1.5))
            }
        }
        Loss::SoftL1 => {
            let t = 1.0 + z;
            (2.0 * (t.sqrt() - 1.0), t.powf(-0.5), -0.5 * t.powf(-1.5))
        }
        Loss::Cauchy => {
            let t = 1.0 + z;
            (z.ln_1p(), 1.0 / t, -1.0 / (t * t))
        }
        Loss::Arctan => {
            let t = 1.0 + z * z;
            (z.atan(), 1.0 / t, -2.0 * z / (t * t))
        }
        Loss::Custom(f) => f(z),
    }
}

/// The cost `0.5 sum rho(f)` (SciPy's `loss_function(f, cost_only=True)`).
pub(crate) fn loss_cost(loss: Loss, f: &[f64], f_scale: f64) -> f64 {
    if loss == Loss::Linear {
        return 0.5 * dot(f, f);
    }
    let s: f64 = f
        .iter()
        .map(|&fi| {
            let q = fi / f_scale;
            rho_of(loss, q * q).0
        })
        .sum();
    0.5 * f_scale * f_scale * s
}

/// SciPy's `scale_for_robust_loss_function`: scales the rows of `j` and
/// the residuals `f` in place.
pub(crate) fn scale_for_robust_loss(j: &mut [f64], n: usize, f: &mut [f64], rho: &[Vec<f64>; 3]) {
    for (i, fi) in f.iter_mut().enumerate() {
        let mut js = rho[1][i] + 2.0 * rho[2][i] * (*fi * *fi);
        if js < EPS {
            js = EPS;
        }
        let js = js.sqrt();
        *fi *= rho[1][i] / js;
        for v in &mut j[i * n..i * n + n] {
            *v *= js;
        }
    }
}

/// The finite-difference steps of SciPy's `approx_derivative` at `x`
/// (`_compute_absolute_step` then `_adjust_scheme_to_bounds`): `(h,
/// one_sided)` per variable.
pub(crate) fn fd_steps(
    x: &[f64],
    three_point: bool,
    rel_step: Option<f64>,
    lb: &[f64],
    ub: &[f64],
) -> (Vec<f64>, Vec<bool>) {
    let n = x.len();
    let rstep = eps_for_method(three_point);
    let mut hs = vec![0.0; n];
    let mut ones = vec![!three_point; n];
    for i in 0..n {
        let h = compute_absolute_step(rel_step, rstep, x[i]);
        (hs[i], ones[i]) = adjust_scheme_to_bounds(h, x[i], lb[i], ub[i], three_point);
    }
    (hs, ones)
}

/// SciPy's `approx_derivative(fun, x, method, rel_step, f0=f0,
/// bounds=(lb, ub))` for a vector function, into the row-major m×n `jac`.
/// `xt` and `w` are scratch (n and 2m).
#[allow(clippy::too_many_arguments)]
pub(crate) fn approx_jac_bounded(
    fun: &mut dyn FnMut(&[f64], &mut [f64]),
    x: &[f64],
    f0: &[f64],
    three_point: bool,
    rel_step: Option<f64>,
    lb: &[f64],
    ub: &[f64],
    jac: &mut [f64],
    xt: &mut [f64],
    w: &mut [f64],
) {
    let m = f0.len();
    let n = x.len();
    xt.copy_from_slice(x);
    let (hs, ones) = fd_steps(x, three_point, rel_step, lb, ub);
    for i in 0..n {
        let x0 = x[i];
        let h = hs[i];
        let (w1, w2) = w[..2 * m].split_at_mut(m);
        if !three_point {
            xt[i] = x0 + h;
            fun(xt, w1);
            let dx = xt[i] - x0;
            for r in 0..m {
                jac[r * n + i] = (w1[r] - f0[r]) / dx;
            }
        } else if ones[i] {
            xt[i] = x0 + h;
            fun(xt, w1);
            let up = x0 + 2.0 * h;
            xt[i] = up;
            fun(xt, w2);
            let dx = up - x0;
            for r in 0..m {
                jac[r * n + i] = (-3.0 * f0[r] + 4.0 * w1[r] - w2[r]) / dx;
            }
        } else {
            let lo = x0 - h;
            xt[i] = lo;
            fun(xt, w1);
            let up = x0 + h;
            xt[i] = up;
            fun(xt, w2);
            let dx = up - lo;
            for r in 0..m {
                jac[r * n + i] = (w2[r] - w1[r]) / dx;
            }
        }
        xt[i] = x0;
    }
}

/// SciPy's `group_columns(A, order=0)`: columns of the m×n row-major
/// boolean pattern, visited in the order of `RandomState(0).permutation(n)`,
/// greedily gathered into groups of columns with no row in common
/// (Curtis, Powell and Reid). Returns the group of each column.
pub(crate) fn group_columns(pattern: &[bool], m: usize, n: usize) -> Vec<usize> {
    let order: Vec<usize> = numox::random::RandomState::new(0)
        .permutation(n)
        .iter()
        .map(|&v| v as usize)
        .collect();
    // the permuted columns as row lists (SciPy's `A[:, order]`, dense path)
    let mut by_col: Vec<Vec<usize>> = vec![Vec::new(); n];
    for r in 0..m {
        for (c, col) in by_col.iter_mut().enumerate() {
            if pattern[r * n + c] {
                col.push(r);
            }
        }
    }
    let cols: Vec<Vec<usize>> = order.iter().map(|&c| std::mem::take(&mut by_col[c])).collect();
    let mut groups = vec![usize::MAX; n];
    let mut union = vec![false; m];
    let mut current = 0;
    for i in 0..n {
        if groups[i] != usize::MAX {
            continue;
        }
        groups[i] = current;
        union.fill(false);
        for &r in &cols[i] {
            union[r] = true;
        }
        let mut all_grouped = true;
        for j in 0..n {
            if groups[j] != usize::MAX {
                continue;
            }
            all_grouped = false;
            if !cols[j].iter().any(|&r| union[r]) {
                for &r in &cols[j] {
                    union[r] = true;
                }
                groups[j] = current;
            }
        }
        if all_grouped {
            break;
        }
        current += 1;
    }
    // back to the original column order (`groups[order] = groups.copy()`)
    let mut out = vec![0; n];
    for (k, &c) in order.iter().enumerate() {
        out[c] = groups[k];
    }
    out
}

/// SciPy's `approx_derivative` with `sparsity=pattern` (`_sparse_difference`):
/// the columns of each group of [`group_columns`] are perturbed together;
/// entries outside the pattern are 0. `jac` is the row-major m×n output,
/// `xt` and `w` scratch (n and 2m).
#[allow(clippy::too_many_arguments)]
pub(crate) fn approx_jac_sparse(
    fun: &mut dyn FnMut(&[f64], &mut [f64]),
    x: &[f64],
    f0: &[f64],
    three_point: bool,
    rel_step: Option<f64>,
    lb: &[f64],
    ub: &[f64],
    pattern: &RowPattern,
    groups: &[usize],
    jac: &mut [f64],
    xt: &mut [f64],
    w: &mut [f64],
) {
    let m = f0.len();
    let n = x.len();
    let (hs, ones) = fd_steps(x, three_point, rel_step, lb, ub);
    // the pattern's entries of each row that belong to a given group
    let in_group = |r: usize, group: usize| {
        pattern.idx[pattern.ptr[r]..pattern.ptr[r + 1]]
            .iter()
            .copied()
            .filter(move |&c| groups[c] == group)
    };
    jac.fill(0.0);
    let n_groups = groups.iter().map(|g| g + 1).max().unwrap_or(0);
    let mut dx = vec![0.0; n];
    let mut x2 = vec![0.0; n];
    for group in 0..n_groups {
        let cols: Vec<usize> = (0..n).filter(|&c| groups[c] == group).collect();
        let (w1, w2) = w[..2 * m].split_at_mut(m);
        xt.copy_from_slice(x);
        if !three_point {
            for &c in &cols {
                xt[c] = x[c] + hs[c];
                dx[c] = xt[c] - x[c];
            }
            fun(xt, w1);
            for r in 0..m {
                for c in in_group(r, group) {
                    jac[r * n + c] = (w1[r] - f0[r]) / dx[c];
                }
            }
        } else {
            x2.copy_from_slice(x);
            for &c in &cols {
                if ones[c] {
                    xt[c] += hs[c];
                    x2[c] += 2.0 * hs[c];
                    dx[c] = x2[c] - x[c];
                } else {
                    xt[c] -= hs[c];
                    x2[c] += hs[c];
                    dx[c] = x2[c] - xt[c];
                }
            }
            fun(xt, w1);
            fun(&x2, w2);
            for r in 0..m {
                for c in in_group(r, group) {
                    let df = if ones[c] {
                        -3.0 * f0[r] + 4.0 * w1[r] - w2[r]
                    } else {
                        w2[r] - w1[r]
                    };
                    jac[r * n + c] = df / dx[c];
                }
            }
        }
    }
    xt.copy_from_slice(x);
}

/// SciPy's `approx_derivative(cfun, x, method='cs', rel_step)` for a vector
/// function given in complex arithmetic (`_dense_difference`): column `i`
/// of the row-major m×n `jac` is `Im f(x + i h_i e_i) / h_i`. One
/// evaluation per variable.
pub(crate) fn approx_jac_cs(
    cfun: &mut super::CVecFn<'_>,
    x: &[f64],
    m: usize,
    rel_step: Option<f64>,
    jac: &mut [f64],
) {
    let n = x.len();
    let mut xc: Vec<numox::Complex64> = x.iter().map(|&v| numox::Complex64::new(v, 0.0)).collect();
    let mut fc = vec![numox::Complex64::new(0.0, 0.0); m];
    for i in 0..n {
        // the complex step: '2-point''s relative step, bounds not consulted
        let h = compute_absolute_step(rel_step, eps_for_method(false), x[i]);
        xc[i].im = h;
        cfun(&xc, &mut fc);
        xc[i].im = 0.0;
        for r in 0..m {
            jac[r * n + i] = fc[r].im / h;
        }
    }
}

/// [`approx_jac_cs`] with SciPy's `sparsity` (`_sparse_difference`, method
/// `'cs'`): the columns of each group of [`group_columns`] are stepped
/// together; entries outside the pattern are 0. One evaluation per group.
pub(crate) fn approx_jac_cs_sparse(
    cfun: &mut super::CVecFn<'_>,
    x: &[f64],
    m: usize,
    rel_step: Option<f64>,
    pattern: &RowPattern,
    groups: &[usize],
    jac: &mut [f64],
) {
    let n = x.len();
    let hs: Vec<f64> = x
        .iter()
        .map(|&v| compute_absolute_step(rel_step, eps_for_method(false), v))
        .collect();
    let mut xc: Vec<numox::Complex64> = x.iter().map(|&v| numox::Complex64::new(v, 0.0)).collect();
    let mut fc = vec![numox::Complex64::new(0.0, 0.0); m];
    jac.fill(0.0);
    let n_groups = groups.iter().map(|g| g + 1).max().unwrap_or(0);
    for group in 0..n_groups {
        for c in 0..n {
            xc[c].im = if groups[c] == group { hs[c] } else { 0.0 };
        }
        cfun(&xc, &mut fc);
        for r in 0..m {
            for &c in &pattern.idx[pattern.ptr[r]..pattern.ptr[r + 1]] {
                if groups[c] == group {
                    jac[r * n + c] = fc[r].im / hs[c];
                }
            }
        }
    }
}

/// SciPy's `solve_trust_region_2d`: the minimiser of `0.5 p^T B p + g^T p`
/// over `||p|| <= Delta` for a symmetric 2×2 `B` (the Newton step if `B`
/// is positive definite (Cholesky) and the step fits, else the best of the
/// real roots of SciPy's quartic in `t = tan(angle / 2)`).
pub(crate) fn solve_trust_region_2d(b: [[f64; 2]; 2], g: [f64; 2], delta: f64) -> [f64; 2] {
    // LAPACK potrf (upper) and potrs on the 2×2 matrix
    let a00 = b[0][0];
    if a00 > 0.0 {
        let r00 = a00.sqrt();
        let r01 = b[0][1] * (1.0 / r00);
        let a11 = b[1][1] - r01 * r01;
        if a11 > 0.0 {
            let r11 = a11.sqrt();
            let y0 = g[0] / r00;
            let y1 = (g[1] - r01 * y0) / r11;
            let p1 = y1 / r11;
            let p0 = (y0 - r01 * p1) / r00;
            let p = [-p0, -p1];
            if p[0] * p[0] + p[1] * p[1] <= delta * delta {
                return p;
            }
        }
    }
    let a = b[0][0] * delta * delta;
    let bb = b[0][1] * delta * delta;
    let c = b[1][1] * delta * delta;
    let d = g[0] * delta;
    let f = g[1] * delta;
    let coeffs = numox::Array::from_vec(vec![
        -bb + d,
        2.0 * (a - c + f),
        6.0 * bb,
        2.0 * (-a + c + f),
        -bb - d,
    ]);
    let ts: Vec<f64> = match numox::roots(&coeffs) {
        Ok(r) => r.iter().filter(|z| z.im == 0.0).map(|z| z.re).collect(),
        Err(_) => Vec::new(),
    };
    let mut best = [f64::NAN; 2];
    let mut best_value = f64::INFINITY;
    for t in ts {
        let den = 1.0 + t * t;
        let p = [delta * (2.0 * t / den), delta * ((1.0 - t * t) / den)];
        let bp = [b[0][0] * p[0] + b[0][1] * p[1], b[1][0] * p[0] + b[1][1] * p[1]];
        let value = 0.5 * (p[0] * bp[0] + p[1] * bp[1]) + (g[0] * p[0] + g[1] * p[1]);
        if value < best_value {
            best_value = value;
            best = p;
        }
    }
    best
}

/// The orthonormal factor of the economic QR of the n×2 matrix with
/// columns `a0`, `a1` (LAPACK `geqrf` + `orgqr`: Householder reflections
/// with LAPACK's sign convention), as two columns; for `n == 1` one.
pub(crate) fn qr_q_n2(a0: &[f64], a1: &[f64]) -> Vec<Vec<f64>> {
    let n = a0.len();
    let k = n.min(2);
    let mut cols = [a0.to_vec(), a1.to_vec()];
    // Householder vectors v (v[j] = 1) and tau, LAPACK dlarfg
    let mut vs: Vec<(Vec<f64>, f64)> = Vec::new();
    for j in 0..k {
        let alpha = cols[j][j];
        let xnorm = norm(&cols[j][j + 1..]);
        let mut v = vec![0.0; n];
        v[j] = 1.0;
        let tau = if xnorm == 0.0 {
            0.0
        } else {
            let beta = -(alpha.hypot(xnorm)).copysign(alpha);
            let tau = (beta - alpha) / beta;
            let scal = 1.0 / (alpha - beta);
            for i in j + 1..n {
                v[i] = cols[j][i] * scal;
            }
            tau
        };
        // apply H = I - tau v v^T to the remaining column
        if j == 0 && k == 2 {
            let other = &mut cols[1];
            let s: f64 = (j..n).map(|i| v[i] * other[i]).sum();
            for i in j..n {
                other[i] -= tau * s * v[i];
            }
        }
        vs.push((v, tau));
    }
    // Q = H_0 H_1 ... applied to the first k columns of the identity
    let mut q = Vec::with_capacity(k);
    for c in 0..k {
        let mut e = vec![0.0; n];
        e[c] = 1.0;
        for (j, (v, tau)) in vs.iter().enumerate().rev() {
            let s: f64 = (j..n).map(|i| v[i] * e[i]).sum();
            for i in j..n {
                e[i] -= tau * s * v[i];
            }
        }
        q.push(e);
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_to_bound_and_hits() {
        let (t, hits) = step_size_to_bound(&[0.0, 0.0], &[1.0, -2.0], &[-1.0, -1.0], &[2.0, 2.0]);
        assert_eq!(t, 0.5);
        assert_eq!(hits, vec![0, -1]);
    }

    #[test]
    fn quadratic_1d_minimum() {
        // t^2 - 2t on [0, 5]: minimum at t = 1, value -1
        assert_eq!(minimize_quadratic_1d(1.0, -2.0, 0.0, 5.0, 0.0), (1.0, -1.0));
        // on [2, 5] the lower end
        assert_eq!(minimize_quadratic_1d(1.0, -2.0, 2.0, 5.0, 0.0), (2.0, 0.0));
    }

    #[test]
    fn trust_region_newton_step_inside() {
        // J = diag(2, 1), f = (2, 1): Gauss-Newton step (-1, -1), norm sqrt(2)
        let svd = thin_svd(&[2.0, 0.0, 0.0, 1.0], 2, 2).unwrap();
        let uf = ut_dot(&svd, &[2.0, 1.0]);
        let (p, alpha) = solve_lsq_trust_region(2, 2, &uf, &svd, 10.0, 0.0);
        assert_eq!(alpha, 0.0);
        assert!((p[0] + 1.0).abs() < 1e-14 && (p[1] + 1.0).abs() < 1e-14);
        let (p, alpha) = solve_lsq_trust_region(2, 2, &uf, &svd, 0.5, 0.0);
        assert!(alpha > 0.0 && (norm(&p) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn qr_first_svd_matches_direct() {
        // a tall 7x2 matrix: the QR route gives the same s and U^T f
        let a: Vec<f64> = (0..14).map(|i| ((i * 7 + 3) % 11) as f64 - 5.0).collect();
        let f: Vec<f64> = (0..7).map(|i| i as f64 * 0.5 - 1.0).collect();
        let direct = thin_svd(&a, 7, 2).unwrap();
        let uf_direct = ut_dot(&direct, &f);
        let (qr, uf) = thin_svd_uf(&a, 7, 2, &f).unwrap();
        for l in 0..2 {
            assert!((qr.s[l] - direct.s[l]).abs() < 1e-12 * direct.s[0]);
            // singular vectors are defined up to sign: compare |u^T f| and
            // the sign-invariant products v * (u^T f)
            assert!((uf[l].abs() - uf_direct[l].abs()).abs() < 1e-12);
            for i in 0..2 {
                let p = qr.v[i * 2 + l] * uf[l];
                let q = direct.v[i * 2 + l] * uf_direct[l];
                assert!((p - q).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn strictly_feasible_and_active() {
        let mut x = vec![0.0, 1.0, 0.5];
        let (lb, ub) = (vec![0.0; 3], vec![1.0; 3]);
        assert_eq!(find_active_constraints(&x, &lb, &ub, 1e-10), vec![-1, 1, 0]);
        make_strictly_feasible(&mut x, &lb, &ub, 0.0);
        assert!(x[0] > 0.0 && x[1] < 1.0 && x[2] == 0.5);
    }

    #[test]
    fn group_columns_as_scipy() {
        // SciPy: group_columns(tridiagonal 10x10) = [2 1 0 2 1 0 2 3 0 1]
        // (columns visited in RandomState(0).permutation(10) order)
        let n: usize = 10;
        let band: Vec<bool> = (0..n * n).map(|k| (k / n).abs_diff(k % n) <= 1).collect();
        assert_eq!(group_columns(&band, n, n), vec![2, 1, 0, 2, 1, 0, 2, 3, 0, 1]);
        // a full pattern: one column per group; an empty one: a single group
        let g = group_columns(&[true; 6], 2, 3);
        let mut sorted = g.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2]);
        assert_eq!(group_columns(&[false; 6], 2, 3), vec![0, 0, 0]);
    }

    #[test]
    fn sparse_differences_match_dense() {
        // f = (x0^2 + x1, x1 x2, x2 + x0): pattern [[1,1,0],[0,1,1],[1,0,1]]
        let mut fun = |x: &[f64], f: &mut [f64]| {
            f[0] = x[0] * x[0] + x[1];
            f[1] = x[1] * x[2];
            f[2] = x[2] + x[0];
        };
        let pattern = [true, true, false, false, true, true, true, false, true];
        let groups = group_columns(&pattern, 3, 3);
        let x = [0.5, -1.0, 2.0];
        let mut f0 = [0.0; 3];
        fun(&x, &mut f0);
        let (lb, ub) = ([f64::NEG_INFINITY; 3], [f64::INFINITY; 3]);
        for three in [false, true] {
            let (mut jd, mut js) = ([0.0; 9], [0.0; 9]);
            let (mut xt, mut w) = ([0.0; 3], [0.0; 6]);
            approx_jac_bounded(&mut fun, &x, &f0, three, None, &lb, &ub, &mut jd, &mut xt, &mut w);
            let rows = RowPattern::new(&pattern, 3, 3);
            approx_jac_sparse(
                &mut fun, &x, &f0, three, None, &lb, &ub, &rows, &groups, &mut js, &mut xt, &mut w,
            );
            // every column is alone in its group here (each pair shares a
            // row), so the two agree bit for bit
            assert_eq!(jd, js);
            assert_eq!(js[2], 0.0);
        }
    }

    #[test]
    fn trust_region_2d_and_qr() {
        // B = I, g = (1, 0): Newton step (-1, 0) inside radius 2, on the
        // boundary (-0.5, 0) for radius 0.5
        let b = [[1.0, 0.0], [0.0, 1.0]];
        assert_eq!(solve_trust_region_2d(b, [1.0, 0.0], 2.0), [-1.0, 0.0]);
        let p = solve_trust_region_2d(b, [1.0, 0.0], 0.5);
        assert!((p[0] + 0.5).abs() < 1e-12 && p[1].abs() < 1e-12, "{p:?}");
        // indefinite B: the boundary minimiser along the negative curvature
        let p = solve_trust_region_2d([[1.0, 0.0], [0.0, -1.0]], [0.0, 0.5], 1.0);
        assert!((p[1] + 1.0).abs() < 1e-12 || (p[1] - 1.0).abs() < 1e-12, "{p:?}");
        // Q of a 3x2 matrix: orthonormal, spanning the columns
        let q = qr_q_n2(&[1.0, 2.0, 2.0], &[0.0, 1.0, 1.0]);
        assert!((dot(&q[0], &q[0]) - 1.0).abs() < 1e-15 && dot(&q[0], &q[1]).abs() < 1e-15);
        assert!((q[0][0] + 1.0 / 3.0).abs() < 1e-15, "LAPACK's sign: R[0,0] = -3");
    }

    #[test]
    fn losses_match_definitions() {
        let mut rho = [vec![0.0; 2], vec![0.0; 2], vec![0.0; 2]];
        loss_rho(Loss::Huber, &[0.5, 4.0], 2.0, &mut rho);
        // z = 1/16 (quadratic part), z = 4 (linear part): rho0 = 4 (2*2 - 1)
        assert_eq!(rho[0], vec![0.25, 12.0]);
        assert_eq!(loss_cost(Loss::Huber, &[0.5, 4.0], 2.0), 0.5 * 12.25);
    }
}
