//! The Trust Region Reflective (`trf`) and `dogbox` methods of
//! `least_squares`, after SciPy's `scipy/optimize/_lsq/trf.py` and
//! `dogbox.py` with the dense `'exact'` trust-region solver (one SVD per
//! iteration, More's algorithm for the Levenberg-Marquardt parameter) or
//! the `'lsmr'` one (LSMR Gauss-Newton step and a 2-D subspace problem).

use super::common::*;
use super::lsmr::{LsmrSettings, lsmr};
use super::{LsqIteration, LsqStop, TrOptions};

/// The residuals and Jacobian of one run, counting evaluations as SciPy.
pub(crate) struct Problem<'a, 'b, 'c> {
    pub fun: &'a mut dyn FnMut(&[f64], &mut [f64]),
    pub jac: Option<&'a mut super::VecFn<'b>>,
    /// The residuals in complex arithmetic for complex-step Jacobians
    /// (SciPy's `jac='cs'`; used when `jac` is `None`).
    pub cs: Option<&'a mut super::CVecFn<'b>>,
    pub m: usize,
    pub n: usize,
    pub lb: &'a [f64],
    pub ub: &'a [f64],
    pub three_point: bool,
    pub diff_step: Option<f64>,
    pub xt: Vec<f64>,
    pub w: Vec<f64>,
    /// `jac_sparsity` (m×n row-major), its column groups and its rows.
    pub sparsity: Option<(&'a [bool], Vec<usize>, RowPattern)>,
    /// SciPy's `callback`: `true` stops the run with status -2.
    pub callback: Option<&'a mut LsqStop<'c>>,
}

impl Problem<'_, '_, '_> {
    /// The Jacobian at `x` where the residuals are `f` (finite differences
    /// respecting the bounds, complex steps, or the user's closure),
    /// row-major.
    pub fn jacobian(&mut self, x: &[f64], f: &[f64], j: &mut [f64]) {
        if self.jac.is_none()
            && let Some(cf) = self.cs.as_deref_mut()
        {
            match &self.sparsity {
                Some((_, groups, pattern)) => {
                    approx_jac_cs_sparse(cf, x, self.m, self.diff_step, pattern, groups, j)
                }
                None => approx_jac_cs(cf, x, self.m, self.diff_step, j),
            }
            return;
        }
        match self.jac.as_deref_mut() {
            Some(jf) => jf(x, j),
            None if self.sparsity.is_some() => {
                let (_, groups, pattern) = self.sparsity.as_ref().expect("checked");
                approx_jac_sparse(
                    self.fun,
                    x,
                    f,
                    self.three_point,
                    self.diff_step,
                    self.lb,
                    self.ub,
                    pattern,
                    groups,
                    j,
                    &mut self.xt,
                    &mut self.w,
                )
            }
            None => approx_jac_bounded(
                self.fun,
                x,
                f,
                self.three_point,
                self.diff_step,
                self.lb,
                self.ub,
                j,
                &mut self.xt,
                &mut self.w,
            ),
        }
    }
}

/// Settings of one `trf`/`dogbox` run.
pub(crate) struct TrfSettings {
    pub ftol: f64,
    pub xtol: f64,
    pub gtol: f64,
    pub max_nfev: usize,
    /// `None` = `x_scale='jac'`.
    pub x_scale: Option<Vec<f64>>,
    pub loss: Loss,
    pub f_scale: f64,
    /// `tr_solver='lsmr'` with its options (`None`: `'exact'`).
    pub lsmr: Option<TrOptions>,
}

/// SciPy's `tr_options` as LSMR's settings, with the `damp` of the call.
impl TrOptions {
    fn settings(&self, damp: f64) -> LsmrSettings {
        LsmrSettings {
            damp,
            atol: self.atol,
            btol: self.btol,
            conlim: self.conlim,
            maxiter: self.maxiter,
        }
    }
}

/// `J diag(d) v` for the row-major m×n `j` (SciPy's
/// `right_multiplied_operator(J, d).matvec`: `v * d` first).
fn jd_dot(j: &[f64], n: usize, pat: Option<&RowPattern>, d: &[f64], v: &[f64]) -> Vec<f64> {
    let t: Vec<f64> = v.iter().zip(d).map(|(a, b)| a * b).collect();
    jmul(j, n, pat, &t)
}

/// `diag(d) J^T y` (the `rmatvec` of the same operator).
fn jd_rdot(j: &[f64], n: usize, pat: Option<&RowPattern>, d: &[f64], y: &[f64], out: &mut [f64]) {
    jtmul(j, n, pat, y, out);
    for (o, di) in out.iter_mut().zip(d) {
        *o *= di;
    }
}

/// The 2-D subspace of SciPy's `'lsmr'` trust-region solver: orthonormal
/// columns `S` spanning `g_h` and the LSMR Gauss-Newton step `gn_h`,
/// `B_S = (J_h S)^T (J_h S) + S^T diag(diag_h) S` and `g_S = S^T g_h`.
struct Subspace {
    s: Vec<Vec<f64>>,
    b: [[f64; 2]; 2],
    g: [f64; 2],
}

impl Subspace {
    fn new(jv: &dyn Fn(&[f64]) -> Vec<f64>, g_h: &[f64], gn_h: &[f64], diag_h: Option<&[f64]>) -> Subspace {
        let s = qr_q_n2(g_h, gn_h);
        let js: Vec<Vec<f64>> = s.iter().map(|c| jv(c)).collect();
        let k = s.len();
        let mut b = [[0.0; 2]; 2];
        let mut g = [0.0; 2];
        for a in 0..k {
            g[a] = dot(&s[a], g_h);
            for c in 0..k {
                b[a][c] = dot(&js[a], &js[c]);
                if let Some(dh) = diag_h {
                    b[a][c] += (0..g_h.len()).map(|i| s[a][i] * dh[i] * s[c][i]).sum::<f64>();
                }
            }
        }
        Subspace { s, b, g }
    }

    /// The trust-region step `S p_S` for radius `delta`.
    fn step(&self, delta: f64) -> Vec<f64> {
        let n = self.s[0].len();
        if self.s.len() == 1 {
            // one variable: SciPy's 2-D solver does not apply; the 1-D
            // trust-region minimiser of 0.5 b p^2 + g p on [-delta, delta]
            let (b, g) = (self.b[0][0], self.g[0]);
            let p = if b > 0.0 && (g / b).abs() <= delta {
                -g / b
            } else if g > 0.0 {
                -delta
            } else {
                delta
            };
            return vec![self.s[0][0] * p];
        }
        let p = solve_trust_region_2d(self.b, self.g, delta);
        (0..n)
            .map(|i| self.s[0][i] * p[0] + self.s[1][i] * p[1])
            .collect()
    }
}

/// The raw outcome of `trf`/`dogbox`.
pub(crate) struct TrfOut {
    pub x: Vec<f64>,
    pub cost: f64,
    pub fun: Vec<f64>,
    pub jac: Vec<f64>,
    pub grad: Vec<f64>,
    pub optimality: f64,
    pub active_mask: Vec<i32>,
    pub nfev: usize,
    pub njev: usize,
    pub status: i32,
}

struct Loop {
    rho: [Vec<f64>; 3],
}

impl Loop {
    /// Cost and (loss-scaled) `J`, `f` at a new point; `f` keeps the true
    /// residuals on entry.
    fn scale(&mut self, s: &TrfSettings, j: &mut [f64], n: usize, f: &mut [f64]) -> f64 {
        if s.loss == Loss::Linear {
            return 0.5 * dot(f, f);
        }
        loss_rho(s.loss, f, s.f_scale, &mut self.rho);
        let cost = 0.5 * self.rho[0].iter().sum::<f64>();
        scale_for_robust_loss(j, n, f, &self.rho);
        cost
    }
}

fn grad(j: &[f64], n: usize, pat: Option<&RowPattern>, f: &[f64]) -> Vec<f64> {
    let mut g = vec![0.0; n];
    jtmul(j, n, pat, f, &mut g);
    g
}

fn initial_scale(s: &TrfSettings, j: &[f64], n: usize) -> (Vec<f64>, Vec<f64>) {
    match &s.x_scale {
        None => compute_jac_scale(j, n, None),
        Some(v) => (v.clone(), v.iter().map(|x| 1.0 / x).collect()),
    }
}

/// SciPy's `select_step`: the best of the constrained trust-region step,
/// its reflection and the constrained Cauchy step.
#[allow(clippy::too_many_arguments)]
fn select_step(
    x: &[f64],
    jv: &dyn Fn(&[f64]) -> Vec<f64>,
    diag_h: &[f64],
    g_h: &[f64],
    mut p: Vec<f64>,
    mut p_h: Vec<f64>,
    d: &[f64],
    delta: f64,
    lb: &[f64],
    ub: &[f64],
    theta: f64,
) -> (Vec<f64>, Vec<f64>, f64) {
    let xp: Vec<f64> = x.iter().zip(&p).map(|(a, b)| a + b).collect();
    if in_bounds(&xp, lb, ub) {
        let v = evaluate_quadratic_op(jv, g_h, &p_h, Some(diag_h));
        return (p, p_h, -v);
    }
    let (p_stride, hits) = step_size_to_bound(x, &p, lb, ub);
    let mut r_h = p_h.clone();
    for (r, h) in r_h.iter_mut().zip(&hits) {
        if *h != 0 {
            *r = -*r;
        }
    }
    let r: Vec<f64> = d.iter().zip(&r_h).map(|(a, b)| a * b).collect();
    for v in p.iter_mut() {
        *v *= p_stride;
    }
    for v in p_h.iter_mut() {
        *v *= p_stride;
    }
    let x_on_bound: Vec<f64> = x.iter().zip(&p).map(|(a, b)| a + b).collect();
    let (_, to_tr) = intersect_trust_region(&p_h, &r_h, delta);
    let (to_bound, _) = step_size_to_bound(&x_on_bound, &r, lb, ub);
    let r_stride = to_bound.min(to_tr);
    let (r_stride_l, r_stride_u) = if r_stride > 0.0 {
        let lo = (1.0 - theta) * p_stride / r_stride;
        let up = if r_stride == to_bound {
            theta * to_bound
        } else {
            to_tr
        };
        (lo, up)
    } else {
        (0.0, -1.0)
    };
    let (mut r_h, r, r_value) = if r_stride_l <= r_stride_u {
        let (a, b, c) = build_quadratic_1d_op(jv, g_h, &r_h, Some(diag_h), Some(&p_h));
        let (rs, rv) = minimize_quadratic_1d(a, b, r_stride_l, r_stride_u, c);
        for (rh, ph) in r_h.iter_mut().zip(&p_h) {
            *rh = *rh * rs + ph;
        }
        let r: Vec<f64> = r_h.iter().zip(d).map(|(a, b)| a * b).collect();
        (r_h, r, rv)
    } else {
        (r_h, r, f64::INFINITY)
    };
    for v in p.iter_mut() {
        *v *= theta;
    }
    for v in p_h.iter_mut() {
        *v *= theta;
    }
    let p_value = evaluate_quadratic_op(jv, g_h, &p_h, Some(diag_h));
    let mut ag_h: Vec<f64> = g_h.iter().map(|v| -v).collect();
    let mut ag: Vec<f64> = d.iter().zip(&ag_h).map(|(a, b)| a * b).collect();
    let to_tr = delta / norm(&ag_h);
    let (to_bound, _) = step_size_to_bound(x, &ag, lb, ub);
    let ag_stride = if to_bound < to_tr { theta * to_bound } else { to_tr };
    let (a, b, _) = build_quadratic_1d_op(jv, g_h, &ag_h, Some(diag_h), None);
    let (ag_stride, ag_value) = minimize_quadratic_1d(a, b, 0.0, ag_stride, 0.0);
    for v in ag_h.iter_mut() {
        *v *= ag_stride;
    }
    for v in ag.iter_mut() {
        *v *= ag_stride;
    }
    if p_value < r_value && p_value < ag_value {
        (p, p_h, -p_value)
    } else if r_value < p_value && r_value < ag_value {
        let _ = &mut r_h;
        (r, r_h, -r_value)
    } else {
        (ag, ag_h, -ag_value)
    }
}

/// SciPy's `trf` (bounded and unbounded variants, `tr_solver` `'exact'`
/// or `'lsmr'`).
/// `x0` must be strictly feasible, `f0`, `j0` its residuals and Jacobian.
pub(crate) fn trf(
    p: &mut Problem<'_, '_, '_>,
    x0: &[f64],
    f0: Vec<f64>,
    j0: Vec<f64>,
    s: &TrfSettings,
) -> TrfOut {
    let (m, n) = (p.m, p.n);
    let (lb, ub) = (p.lb, p.ub);
    let pat_rows = p.sparsity.as_ref().map(|s| s.2.clone());
    let pat = pat_rows.as_ref();
    let bounded = !(lb.iter().all(|v| *v == f64::NEG_INFINITY) && ub.iter().all(|v| *v == f64::INFINITY));
    let mut x = x0.to_vec();
    let mut f = f0;
    let mut f_true = f.clone();
    let mut nfev = 1;
    let mut j = j0;
    let mut njev = 1;
    let mut lp = Loop {
        rho: [vec![0.0; m], vec![0.0; m], vec![0.0; m]],
    };
    let mut cost = lp.scale(s, &mut j, n, &mut f);
    let mut g = grad(&j, n, pat, &f);
    let jac_scale = s.x_scale.is_none();
    let (mut scale, mut scale_inv) = initial_scale(s, &j, n);
    let mut delta = if bounded {
        let (mut v, dv) = cl_scaling_vector(&x, &g, lb, ub);
        for i in 0..n {
            if dv[i] != 0.0 {
                v[i] *= scale_inv[i];
            }
        }
        norm(
            &(0..n)
                .map(|i| x0[i] * scale_inv[i] / v[i].sqrt())
                .collect::<Vec<_>>(),
        )
    } else {
        norm(&(0..n).map(|i| x0[i] * scale_inv[i]).collect::<Vec<_>>())
    };
    if delta == 0.0 {
        delta = 1.0;
    }
    let max_nfev = s.max_nfev;
    let mut alpha = 0.0;
    let mut status: Option<i32> = None;
    let mut g_norm;
    let exact = s.lsmr.is_none();
    let rows = if bounded { m + n } else { m };
    let mut j_aug = if exact { vec![0.0; rows * n] } else { Vec::new() };
    let mut f_aug = vec![0.0; rows];
    let mut fx_new = vec![0.0; m];
    let mut reg_term = 0.0;
    let mut iteration = 0;
    loop {
        let (mut v, dv) = cl_scaling_vector(&x, &g, lb, ub);
        if bounded {
            g_norm = norm_inf(&(0..n).map(|i| g[i] * v[i]).collect::<Vec<_>>());
        } else {
            g_norm = norm_inf(&g);
        }
        if g_norm < s.gtol {
            status = Some(1);
        }
        if status.is_some() || nfev == max_nfev {
            break;
        }
        let (d, diag_h) = if bounded {
            for i in 0..n {
                if dv[i] != 0.0 {
                    v[i] *= scale_inv[i];
                }
            }
            let d: Vec<f64> = (0..n).map(|i| v[i].sqrt() * scale[i]).collect();
            let diag_h: Vec<f64> = (0..n).map(|i| g[i] * dv[i] * scale[i]).collect();
            (d, diag_h)
        } else {
            (scale.clone(), vec![0.0; n])
        };
        let g_h: Vec<f64> = (0..n).map(|i| d[i] * g[i]).collect();
        f_aug[..m].copy_from_slice(&f);
        let mut actual_reduction = -1.0;
        let mut x_new = x.clone();
        let mut cost_new = cost;
        {
            // the trust-region model: SVD of [J_h; diag_h^0.5] ('exact') or
            // the 2-D subspace of the LSMR step ('lsmr')
            let mut exact_sub = None;
            let mut subspace = None;
            let jv_lsmr = |v: &[f64]| jd_dot(&j, n, pat, &d, v);
            if let Some(lo) = &s.lsmr {
                let mg: Vec<f64> = g_h.iter().map(|v| -v).collect();
                let diag_opt = if bounded { Some(&diag_h[..]) } else { None };
                if lo.regularize {
                    let (a, b, _) = build_quadratic_1d_op(&jv_lsmr, &g_h, &mg, diag_opt, None);
                    let to_tr = delta / norm(&g_h);
                    let ag_value = minimize_quadratic_1d(a, b, 0.0, to_tr, 0.0).1;
                    reg_term = -ag_value / (delta * delta);
                }
                let gn_h = if bounded {
                    let dr: Vec<f64> = diag_h.iter().map(|v| (v + reg_term).sqrt()).collect();
                    let mut tmp = vec![0.0; n];
                    lsmr(
                        m + n,
                        n,
                        |v, out| {
                            let jv = jd_dot(&j, n, pat, &d, v);
                            out[..m].copy_from_slice(&jv);
                            for i in 0..n {
                                out[m + i] = dr[i] * v[i];
                            }
                        },
                        |y, out| {
                            jd_rdot(&j, n, pat, &d, &y[..m], &mut tmp);
                            for i in 0..n {
                                out[i] = tmp[i] + dr[i] * y[m + i];
                            }
                        },
                        &f_aug,
                        &lo.settings(lo.damp),
                    )
                    .x
                } else {
                    let damp_full = (lo.damp * lo.damp + reg_term).sqrt();
                    lsmr(
                        m,
                        n,
                        |v, out| out.copy_from_slice(&jd_dot(&j, n, pat, &d, v)),
                        |y, out| jd_rdot(&j, n, pat, &d, y, out),
                        &f,
                        &lo.settings(damp_full),
                    )
                    .x
                };
                subspace = Some(Subspace::new(&jv_lsmr, &g_h, &gn_h, diag_opt));
            } else {
                for r in 0..m {
                    for c in 0..n {
                        j_aug[r * n + c] = j[r * n + c] * d[c];
                    }
                }
                if bounded {
                    j_aug[m * n..].fill(0.0);
                    for c in 0..n {
                        j_aug[(m + c) * n + c] = diag_h[c].sqrt();
                    }
                }
                match thin_svd_uf(&j_aug, rows, n, &f_aug) {
                    Some(v) => exact_sub = Some(v),
                    None => break,
                }
            }
            let j_h = if exact { &j_aug[..m * n] } else { &j_aug[..0] };
            let jv_exact = |v: &[f64]| jdot(j_h, n, v);
            let jv: &dyn Fn(&[f64]) -> Vec<f64> = if exact { &jv_exact } else { &jv_lsmr };
            let theta = 0.995f64.max(1.0 - g_norm);
            while actual_reduction <= 0.0 && nfev < max_nfev {
                let p_h = match (&exact_sub, &subspace) {
                    (Some((svd, uf)), _) => {
                        let (p_h, a) = solve_lsq_trust_region(n, m, uf, svd, delta, alpha);
                        alpha = a;
                        p_h
                    }
                    (None, Some(sub)) => sub.step(delta),
                    (None, None) => unreachable!("one of the two solvers ran"),
                };
                let pstep: Vec<f64> = (0..n).map(|i| d[i] * p_h[i]).collect();
                let (step, step_h, predicted) = if bounded {
                    select_step(&x, jv, &diag_h, &g_h, pstep, p_h, &d, delta, lb, ub, theta)
                } else {
                    let pr = -evaluate_quadratic_op(jv, &g_h, &p_h, None);
                    (pstep, p_h, pr)
                };
                for i in 0..n {
                    x_new[i] = x[i] + step[i];
                }
                if bounded {
                    make_strictly_feasible(&mut x_new, lb, ub, 0.0);
                }
                (p.fun)(&x_new, &mut fx_new);
                nfev += 1;
                let step_h_norm = norm(&step_h);
                if fx_new.iter().any(|v| !v.is_finite()) {
                    delta = 0.25 * step_h_norm;
                    continue;
                }
                cost_new = loss_cost(s.loss, &fx_new, s.f_scale);
                actual_reduction = cost - cost_new;
                let (delta_new, ratio) = update_tr_radius(
                    delta,
                    actual_reduction,
                    predicted,
                    step_h_norm,
                    step_h_norm > 0.95 * delta,
                );
                let step_norm = norm(&step);
                status =
                    check_termination(actual_reduction, cost, step_norm, norm(&x), ratio, s.ftol, s.xtol);
                if status.is_some() {
                    break;
                }
                alpha *= delta / delta_new;
                delta = delta_new;
            }
        }
        if actual_reduction > 0.0 {
            x.copy_from_slice(&x_new);
            f.copy_from_slice(&fx_new);
            f_true.copy_from_slice(&fx_new);
            cost = cost_new;
            p.jacobian(&x, &f_true, &mut j);
            njev += 1;
            lp.scale(s, &mut j, n, &mut f);
            g = grad(&j, n, pat, &f);
            if jac_scale {
                (scale, scale_inv) = compute_jac_scale(&j, n, Some(&scale_inv));
            }
        }
        iteration += 1;
        if let Some(cb) = p.callback.as_deref_mut() {
            let it = LsqIteration {
                x: &x,
                fun: &f_true,
                nit: iteration,
                nfev,
                cost,
            };
            if cb(&it) {
                status = Some(-2);
                break;
            }
        }
    }
    let active_mask = if bounded {
        find_active_constraints(&x, lb, ub, s.xtol)
    } else {
        vec![0; n]
    };
    TrfOut {
        x,
        cost,
        fun: f_true,
        jac: j,
        grad: g,
        optimality: g_norm,
        active_mask,
        nfev,
        njev,
        status: status.unwrap_or(0),
    }
}

/// SciPy's `find_intersection` + `dogleg_step` in a rectangular region:
/// `(step, bound_hits, tr_hit)`.
#[allow(clippy::too_many_arguments)]
fn dogleg_step(
    x: &[f64],
    newton: &[f64],
    g: &[f64],
    a: f64,
    b: f64,
    tr_bounds: &[f64],
    lb: &[f64],
    ub: &[f64],
) -> (Vec<f64>, Vec<i32>, bool) {
    let k = x.len();
    let mut lt = vec![0.0; k];
    let mut ut = vec![0.0; k];
    let mut orig_l = vec![false; k];
    let mut orig_u = vec![false; k];
    let mut tr_l = vec![false; k];
    let mut tr_u = vec![false; k];
    for i in 0..k {
        let lc = lb[i] - x[i];
        let uc = ub[i] - x[i];
        lt[i] = lc.max(-tr_bounds[i]);
        ut[i] = uc.min(tr_bounds[i]);
        orig_l[i] = lt[i] == lc;
        orig_u[i] = ut[i] == uc;
        tr_l[i] = lt[i] == -tr_bounds[i];
        tr_u[i] = ut[i] == tr_bounds[i];
    }
    let mut hits_out = vec![0; k];
    if in_bounds(newton, &lt, &ut) {
        return (newton.to_vec(), hits_out, false);
    }
    let zeros = vec![0.0; k];
    let mg: Vec<f64> = g.iter().map(|v| -v).collect();
    let (to_bounds, _) = step_size_to_bound(&zeros, &mg, &lt, &ut);
    let t = minimize_quadratic_1d(a, b, 0.0, to_bounds, 0.0).0;
    let cauchy: Vec<f64> = g.iter().map(|v| -t * v).collect();
    let diff: Vec<f64> = newton.iter().zip(&cauchy).map(|(a, b)| a - b).collect();
    let (step_size, hits) = step_size_to_bound(&cauchy, &diff, &lt, &ut);
    let mut tr_hit = false;
    for i in 0..k {
        if hits[i] < 0 && orig_l[i] {
            hits_out[i] = -1;
        }
        if hits[i] > 0 && orig_u[i] {
            hits_out[i] = 1;
        }
        if (hits[i] < 0 && tr_l[i]) || (hits[i] > 0 && tr_u[i]) {
            tr_hit = true;
        }
    }
    let step = (0..k).map(|i| cauchy[i] + step_size * diff[i]).collect();
    (step, hits_out, tr_hit)
}

/// Minimum-norm least-squares solution of the row-major m×k `a` (NumPy's
/// `lstsq(a, b, rcond=-1)`: singular values up to `eps * s_max` dropped).
pub(crate) fn lstsq_min_norm(a: &[f64], m: usize, k: usize, b: &[f64]) -> Vec<f64> {
    lstsq_rcond(a, m, k, b, EPS)
}

/// `numpy.linalg.lstsq(a, b, rcond)[0]`: singular values at or below
/// `rcond * s_max` count as zero.
pub(crate) fn lstsq_rcond(a: &[f64], m: usize, k: usize, b: &[f64], rcond: f64) -> Vec<f64> {
    let Some((svd, ub)) = thin_svd_uf(a, m, k, b) else {
        return vec![f64::NAN; k];
    };
    let smax = svd.s.first().copied().unwrap_or(0.0);
    let w: Vec<f64> = ub
        .iter()
        .zip(&svd.s)
        .map(|(u, s)| if *s > rcond * smax { u / s } else { 0.0 })
        .collect();
    v_dot(&svd, &w, k)
}

/// SciPy's `dogbox` (`tr_solver` `'exact'` or `'lsmr'`).
pub(crate) fn dogbox(
    p: &mut Problem<'_, '_, '_>,
    x0: &[f64],
    f0: Vec<f64>,
    j0: Vec<f64>,
    s: &TrfSettings,
) -> TrfOut {
    let (m, n) = (p.m, p.n);
    let (lb, ub) = (p.lb, p.ub);
    let pat_rows = p.sparsity.as_ref().map(|s| s.2.clone());
    let pat = pat_rows.as_ref();
    let mut f = f0;
    let mut f_true = f.clone();
    let mut nfev = 1;
    let mut j = j0;
    let mut njev = 1;
    let mut lp = Loop {
        rho: [vec![0.0; m], vec![0.0; m], vec![0.0; m]],
    };
    let mut cost = lp.scale(s, &mut j, n, &mut f);
    let mut g = grad(&j, n, pat, &f);
    let jac_scale = s.x_scale.is_none();
    let (mut scale, mut scale_inv) = initial_scale(s, &j, n);
    let mut delta = norm_inf(&(0..n).map(|i| x0[i] * scale_inv[i]).collect::<Vec<_>>());
    if delta == 0.0 {
        delta = 1.0;
    }
    let mut on_bound: Vec<i32> = (0..n)
        .map(|i| {
            if x0[i] == ub[i] {
                1
            } else if x0[i] == lb[i] {
                -1
            } else {
                0
            }
        })
        .collect();
    let mut x = x0.to_vec();
    let mut status: Option<i32> = None;
    let mut g_norm;
    let mut g_full;
    let mut fx_new = vec![0.0; m];
    let mut iteration = 0;
    let mut cost_new = cost;
    loop {
        let active: Vec<bool> = (0..n).map(|i| (on_bound[i] as f64) * g[i] < 0.0).collect();
        let free: Vec<usize> = (0..n).filter(|&i| !active[i]).collect();
        let nf = free.len();
        let g_free: Vec<f64> = free.iter().map(|&i| g[i]).collect();
        g_full = g.clone();
        for i in 0..n {
            if active[i] {
                g[i] = 0.0;
            }
        }
        g_norm = norm_inf(&g);
        if g_norm < s.gtol {
            status = Some(1);
        }
        if status.is_some() || nfev == s.max_nfev {
            break;
        }
        let x_free: Vec<f64> = free.iter().map(|&i| x[i]).collect();
        let lb_free: Vec<f64> = free.iter().map(|&i| lb[i]).collect();
        let ub_free: Vec<f64> = free.iter().map(|&i| ub[i]).collect();
        let scale_free: Vec<f64> = free.iter().map(|&i| scale[i]).collect();
        let mut j_free = Vec::new();
        let (newton, a, b) = if let Some(lo) = &s.lsmr {
            // SciPy's `lsmr_operator(J, scale, active_set)`: its `matvec`
            // multiplies the whole `x * scale` (the `x_free` it builds is
            // unused), its `rmatvec` zeroes the active components.
            let sol = lsmr(
                m,
                n,
                |v, out| out.copy_from_slice(&jd_dot(&j, n, pat, &scale, v)),
                |y, out| {
                    jd_rdot(&j, n, pat, &scale, y, out);
                    for i in 0..n {
                        if active[i] {
                            out[i] = 0.0;
                        }
                    }
                },
                &f,
                &lo.settings(lo.damp),
            )
            .x;
            let newton: Vec<f64> = free.iter().map(|&i| -sol[i] * scale[i]).collect();
            let mg: Vec<f64> = g.iter().map(|v| -v).collect();
            let (a, b, _) = build_quadratic_1d_op(&|v| jmul(&j, n, pat, v), &g, &mg, None, None);
            (newton, a, b)
        } else {
            j_free = vec![0.0; m * nf];
            for r in 0..m {
                for (c, &i) in free.iter().enumerate() {
                    j_free[r * nf + c] = j[r * n + i];
                }
            }
            let mf: Vec<f64> = f.iter().map(|v| -v).collect();
            let newton = lstsq_min_norm(&j_free, m, nf, &mf);
            let mg: Vec<f64> = g_free.iter().map(|v| -v).collect();
            let (a, b, _) = build_quadratic_1d(&j_free, nf, &g_free, &mg, None, None);
            (newton, a, b)
        };
        let mut actual_reduction = -1.0;
        let mut x_new = x.clone();
        let mut on_bound_free = vec![0; nf];
        while actual_reduction <= 0.0 && nfev < s.max_nfev {
            let tr_bounds: Vec<f64> = scale_free.iter().map(|v| delta * v).collect();
            let (step_free, obf, tr_hit) =
                dogleg_step(&x_free, &newton, &g_free, a, b, &tr_bounds, &lb_free, &ub_free);
            on_bound_free = obf;
            let mut step = vec![0.0; n];
            for (c, &i) in free.iter().enumerate() {
                step[i] = step_free[c];
            }
            let predicted = if s.lsmr.is_some() {
                -evaluate_quadratic_op(&|v| jmul(&j, n, pat, v), &g, &step, None)
            } else {
                -evaluate_quadratic(&j_free, nf, &g_free, &step_free, None)
            };
            for i in 0..n {
                x_new[i] = (x[i] + step[i]).max(lb[i]).min(ub[i]);
            }
            (p.fun)(&x_new, &mut fx_new);
            nfev += 1;
            let step_h_norm = norm_inf(&(0..n).map(|i| step[i] * scale_inv[i]).collect::<Vec<_>>());
            if fx_new.iter().any(|v| !v.is_finite()) {
                delta = 0.25 * step_h_norm;
                continue;
            }
            cost_new = loss_cost(s.loss, &fx_new, s.f_scale);
            actual_reduction = cost - cost_new;
            let (dn, ratio) = update_tr_radius(delta, actual_reduction, predicted, step_h_norm, tr_hit);
            delta = dn;
            let step_norm = norm(&step);
            status = check_termination(actual_reduction, cost, step_norm, norm(&x), ratio, s.ftol, s.xtol);
            if status.is_some() {
                break;
            }
        }
        if actual_reduction > 0.0 {
            for (c, &i) in free.iter().enumerate() {
                on_bound[i] = on_bound_free[c];
            }
            x.copy_from_slice(&x_new);
            for i in 0..n {
                if on_bound[i] == -1 {
                    x[i] = lb[i];
                } else if on_bound[i] == 1 {
                    x[i] = ub[i];
                }
            }
            f.copy_from_slice(&fx_new);
            f_true.copy_from_slice(&fx_new);
            cost = cost_new;
            if x != x_new && p.jac.is_none() {
                // SciPy's VectorFunction re-evaluates the residuals at the
                // point moved onto the bounds before differencing there.
                (p.fun)(&x, &mut fx_new);
                p.jacobian(&x, &fx_new, &mut j);
            } else {
                p.jacobian(&x, &f_true, &mut j);
            }
            njev += 1;
            lp.scale(s, &mut j, n, &mut f);
            g = grad(&j, n, pat, &f);
            if jac_scale {
                (scale, scale_inv) = compute_jac_scale(&j, n, Some(&scale_inv));
            }
        }
        iteration += 1;
        if let Some(cb) = p.callback.as_deref_mut() {
            // SciPy's dogbox passes the (loss-scaled) `f` and the last
            // trial cost `cost_new`
            let it = LsqIteration {
                x: &x,
                fun: &f,
                nit: iteration,
                nfev,
                cost: cost_new,
            };
            if cb(&it) {
                status = Some(-2);
                break;
            }
        }
    }
    TrfOut {
        x,
        cost,
        fun: f_true,
        jac: j,
        grad: g_full,
        optimality: g_norm,
        active_mask: on_bound,
        nfev,
        njev,
        status: status.unwrap_or(0),
    }
}
