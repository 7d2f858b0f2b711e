//! `scipy.optimize.lsq_linear` with methods `'trf'` and `'bvls'`, after
//! SciPy's `scipy/optimize/_lsq/trf_linear.py`, `bvls.py` and
//! `lsq_linear.py`.

use super::bvls::bvls;
use super::common::*;
use super::lsmr::{LsmrSettings, lsmr};
use super::trf::lstsq_min_norm;
use crate::optimize::Bounds;
use crate::sparse::LinearOperator;
use crate::{Error, Result};

/// The algorithm of [`lsq_linear`] (SciPy's `method`).
///
/// ```
/// use sciox::optimize::LsqLinearMethod;
/// assert_eq!(LsqLinearMethod::default(), LsqLinearMethod::Trf);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LsqLinearMethod {
    /// `'trf'`: trust-region reflective for linear problems (the default).
    #[default]
    Trf,
    /// `'bvls'`: Stark & Parker's bounded-variable least squares (active
    /// set; few variables, dense `A`).
    Bvls,
}

/// How [`lsq_linear`] solves its unbounded least-squares problems (SciPy's
/// `lsq_solver`).
///
/// ```
/// use sciox::optimize::LsqSolver;
/// assert_ne!(LsqSolver::Exact, LsqSolver::Lsmr);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LsqSolver {
    /// `'exact'`: dense least squares (an SVD here; SciPy uses LAPACK's
    /// `gelsd` and a pivoted QR).
    Exact,
    /// `'lsmr'`: the iterative LSMR solver, with `A` used only through
    /// products (`'trf'` only).
    Lsmr,
}

/// The tolerance of the LSMR solves (SciPy's `lsmr_tol`).
///
/// ```
/// use sciox::optimize::LsmrTol;
/// assert_eq!(LsmrTol::default(), LsmrTol::Default);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum LsmrTol {
    /// `None`: `1e-2 * tol`.
    #[default]
    Default,
    /// `'auto'`: adapted to the current optimality in each `'trf'`
    /// iteration (`1e-2 * tol` for the first, unbounded solve).
    Auto,
    /// A fixed positive tolerance.
    Value(f64),
}

/// Options of [`lsq_linear`] (SciPy's keyword arguments and defaults).
///
/// ```
/// use sciox::optimize::{LsqLinearMethod, LsqLinearOptions};
/// let o = LsqLinearOptions::default();
/// assert_eq!((o.tol, o.method, o.lsq_solver), (1e-10, LsqLinearMethod::Trf, None));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LsqLinearOptions {
    /// Bounds on `x` (`None`: unbounded). `keep_feasible` is ignored, as
    /// SciPy's `lsq_linear` ignores it.
    pub bounds: Option<Bounds>,
    /// `'trf'` (default) or `'bvls'`.
    pub method: LsqLinearMethod,
    /// Tolerance of the optimality and cost-change tests (default `1e-10`).
    pub tol: f64,
    /// `None`: `'exact'` (`A` is dense). `Lsmr` is an error with `'bvls'`.
    pub lsq_solver: Option<LsqSolver>,
    /// Tolerance of the LSMR solves (`lsq_solver = Lsmr` only).
    pub lsmr_tol: LsmrTol,
    /// Maximum iterations (`None`: 100 for `'trf'`, `n` for `'bvls'`
    /// after its initialisation loop).
    pub max_iter: Option<usize>,
    /// Maximum LSMR iterations per solve (`None`: `min(rows, columns)` of
    /// the system LSMR solves).
    pub lsmr_maxiter: Option<usize>,
}

impl Default for LsqLinearOptions {
    fn default() -> Self {
        LsqLinearOptions {
            bounds: None,
            method: LsqLinearMethod::Trf,
            tol: 1e-10,
            lsq_solver: None,
            lsmr_tol: LsmrTol::Default,
            max_iter: None,
            lsmr_maxiter: None,
        }
    }
}

/// The outcome of [`lsq_linear`] (SciPy's `OptimizeResult` fields).
///
/// ```
/// use sciox::optimize::{lsq_linear, LsqLinearOptions};
/// let r = lsq_linear(&[1.0, 0.0, 0.0, 1.0], 2, 2, &[1.0, 2.0], &LsqLinearOptions::default()).unwrap();
/// assert_eq!((r.status, r.nit), (3, 0));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LsqLinearResult {
    /// The solution.
    pub x: Vec<f64>,
    /// Residuals `A x - b`.
    pub fun: Vec<f64>,
    /// `0.5 * ||A x - b||^2`.
    pub cost: f64,
    /// First-order optimality (Coleman-Li scaled gradient, max norm).
    pub optimality: f64,
    /// -1/1 at a lower/upper bound, 0 free.
    pub active_mask: Vec<i32>,
    /// Iterations (0 when the unbounded solution is feasible).
    pub nit: usize,
    /// SciPy's status: -1 no progress, 0 `max_iter`, 1 optimality < `tol`,
    /// 2 relative cost change < `tol`, 3 unconstrained solution optimal.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `status > 0`.
    pub success: bool,
}

impl LsqLinearResult {
    /// A result with SciPy's `message` and `success` for `status`.
    pub(crate) fn with_status(
        x: Vec<f64>,
        fun: Vec<f64>,
        cost: f64,
        optimality: f64,
        active_mask: Vec<i32>,
        nit: usize,
        status: i32,
    ) -> Self {
        LsqLinearResult {
            x,
            fun,
            cost,
            optimality,
            active_mask,
            nit,
            status,
            message: message(status).into(),
            success: status > 0,
        }
    }
}

fn message(status: i32) -> &'static str {
    match status {
        -1 => "The algorithm was not able to make progress on the last iteration.",
        0 => "The maximum number of iterations is exceeded.",
        1 => "The first-order optimality measure is less than `tol`.",
        2 => "The relative change of the cost function is less than `tol`.",
        _ => "The unconstrained solution is optimal.",
    }
}

/// SciPy's `reflective_transformation` (the point only).
fn reflective(y: &[f64], lb: &[f64], ub: &[f64]) -> Vec<f64> {
    if in_bounds(y, lb, ub) {
        return y.to_vec();
    }
    (0..y.len())
        .map(|i| {
            let (l, u, v) = (lb[i], ub[i], y[i]);
            match (l.is_finite(), u.is_finite()) {
                (true, false) => v.max(2.0 * l - v),
                (false, true) => v.min(2.0 * u - v),
                (true, true) => {
                    let d = u - l;
                    // Python's float modulo (result has the divisor's sign)
                    let t = (v - l).rem_euclid(2.0 * d);
                    l + t.min(2.0 * d - t)
                }
                (false, false) => v,
            }
        })
        .collect()
}

fn residual(a: &[f64], n: usize, x: &[f64], b: &[f64]) -> Vec<f64> {
    let mut r = vec![0.0; b.len()];
    matvec(a, n, x, &mut r);
    for (ri, bi) in r.iter_mut().zip(b) {
        *ri -= bi;
    }
    r
}

/// SciPy's `select_step` of `trf_linear`.
#[allow(clippy::too_many_arguments)]
fn select_step(
    x: &[f64],
    a_h: &dyn Fn(&[f64]) -> Vec<f64>,
    g_h: &[f64],
    c_h: &[f64],
    mut p: Vec<f64>,
    mut p_h: Vec<f64>,
    d: &[f64],
    lb: &[f64],
    ub: &[f64],
    theta: f64,
) -> Vec<f64> {
    let n = x.len();
    let xp: Vec<f64> = x.iter().zip(&p).map(|(a, b)| a + b).collect();
    if in_bounds(&xp, lb, ub) {
        return p;
    }
    let (p_stride, hits) = step_size_to_bound(x, &p, lb, ub);
    let mut r_h = p_h.clone();
    for (r, h) in r_h.iter_mut().zip(&hits) {
        if *h != 0 {
            *r = -*r;
        }
    }
    let mut r: Vec<f64> = d.iter().zip(&r_h).map(|(a, b)| a * b).collect();
    for v in p.iter_mut() {
        *v *= p_stride;
    }
    for v in p_h.iter_mut() {
        *v *= p_stride;
    }
    let x_on_bound: Vec<f64> = x.iter().zip(&p).map(|(a, b)| a + b).collect();
    let (mut r_stride_u, _) = step_size_to_bound(&x_on_bound, &r, lb, ub);
    let r_stride_l = (1.0 - theta) * r_stride_u;
    r_stride_u *= theta;
    let r_value = if r_stride_u > 0.0 {
        let (qa, qb, qc) = build_quadratic_1d_op(a_h, g_h, &r_h, Some(c_h), Some(&p_h));
        let (rs, rv) = minimize_quadratic_1d(qa, qb, r_stride_l, r_stride_u, qc);
        for i in 0..n {
            r_h[i] = p_h[i] + r_h[i] * rs;
            r[i] = d[i] * r_h[i];
        }
        rv
    } else {
        f64::INFINITY
    };
    for v in p_h.iter_mut() {
        *v *= theta;
    }
    for v in p.iter_mut() {
        *v *= theta;
    }
    let p_value = evaluate_quadratic_op(a_h, g_h, &p_h, Some(c_h));
    let ag_h: Vec<f64> = g_h.iter().map(|v| -v).collect();
    let mut ag: Vec<f64> = d.iter().zip(&ag_h).map(|(a, b)| a * b).collect();
    let (ag_u, _) = step_size_to_bound(x, &ag, lb, ub);
    let (qa, qb, _) = build_quadratic_1d_op(a_h, g_h, &ag_h, Some(c_h), None);
    let (ag_stride, ag_value) = minimize_quadratic_1d(qa, qb, 0.0, ag_u * theta, 0.0);
    for v in ag.iter_mut() {
        *v *= ag_stride;
    }
    if p_value < r_value && p_value < ag_value {
        p
    } else if r_value < p_value && r_value < ag_value {
        r
    } else {
        ag
    }
}

/// The bounds widened to length `n`, after SciPy's checks of the bounds,
/// `lsmr_maxiter` and `lsmr_tol`.
fn checked_bounds(opts: &LsqLinearOptions, n: usize) -> Result<(Vec<f64>, Vec<f64>)> {
    let (lb, ub) = match &opts.bounds {
        None => (vec![f64::NEG_INFINITY; n], vec![f64::INFINITY; n]),
        Some(bd) => {
            let widen = |v: &[f64]| -> Result<Vec<f64>> {
                match v.len() {
                    1 => Ok(vec![v[0]; n]),
                    l if l == n => Ok(v.to_vec()),
                    _ => Err(Error::invalid("Bounds have wrong shape.")),
                }
            };
            (widen(&bd.lb)?, widen(&bd.ub)?)
        }
    };
    if (0..n).any(|i| lb[i] >= ub[i] || lb[i].is_nan() || ub[i].is_nan()) {
        return Err(Error::invalid(
            "Each lower bound must be strictly less than each upper bound.",
        ));
    }
    if opts.lsmr_maxiter == Some(0) {
        return Err(Error::invalid("`lsmr_maxiter` must be None or positive integer."));
    }
    if let LsmrTol::Value(t) = opts.lsmr_tol
        && (t.is_nan() || t <= 0.0)
    {
        return Err(Error::invalid(
            "`lsmr_tol` must be None, 'auto', or positive float.",
        ));
    }
    Ok((lb, ub))
}

/// `scipy.optimize.lsq_linear(A, b, bounds, method, tol, lsq_solver,
/// lsmr_tol, max_iter, lsmr_maxiter)`: minimise `0.5 ||A x - b||^2` over
/// `lb <= x <= ub` for the row-major m×n `a`.
///
/// The unbounded least-squares solution (minimum norm by SVD, or LSMR) is
/// returned with status 3 when it is feasible; otherwise SciPy's
/// trust-region reflective iteration for linear problems (`'trf'`) or
/// Stark & Parker's BVLS active-set method (`'bvls'`) runs from it. With
/// `'trf'` and the exact solver, the regularised Gauss-Newton step is
/// solved with an SVD of the augmented matrix where SciPy uses a pivoted
/// QR and Givens rotations: the same iterates up to rounding; with
/// `lsq_solver = Lsmr` it is SciPy's LSMR solve of the same system, with
/// `lsmr_tol` as SciPy sets it. For a sparse `A` or one given by its
/// products, see [`lsq_linear_operator`].
///
/// Errors: `a.len() != m * n`, `b.len() != m`, bounds of the wrong length,
/// `lb >= ub`, non-finite entries, `max_iter = 0`, `lsmr_maxiter = 0`,
/// `lsmr_tol <= 0`, `'bvls'` with `Lsmr`.
///
/// ```
/// use sciox::optimize::{lsq_linear, Bounds, LsqLinearOptions};
/// // A = I, b = (2, -1) with 0 <= x <= 1: x = (1, 0)
/// let o = LsqLinearOptions { bounds: Some(Bounds::new(vec![0.0; 2], vec![1.0; 2])), ..Default::default() };
/// let r = lsq_linear(&[1.0, 0.0, 0.0, 1.0], 2, 2, &[2.0, -1.0], &o).unwrap();
/// assert!((r.x[0] - 1.0).abs() < 1e-8 && r.x[1].abs() < 1e-8);
/// assert_eq!(r.active_mask, vec![1, -1]);
/// assert!(r.success);
///
/// // the same with BVLS, and with trf on LSMR solves
/// use sciox::optimize::{LsqLinearMethod, LsqSolver};
/// let bv = LsqLinearOptions { method: LsqLinearMethod::Bvls, ..o.clone() };
/// let r = lsq_linear(&[1.0, 0.0, 0.0, 1.0], 2, 2, &[2.0, -1.0], &bv).unwrap();
/// assert_eq!((r.x, r.active_mask), (vec![1.0, 0.0], vec![1, -1]));
/// let ls = LsqLinearOptions { lsq_solver: Some(LsqSolver::Lsmr), ..o };
/// let r = lsq_linear(&[1.0, 0.0, 0.0, 1.0], 2, 2, &[2.0, -1.0], &ls).unwrap();
/// assert!((r.x[0] - 1.0).abs() < 1e-8 && r.x[1].abs() < 1e-8);
/// ```
pub fn lsq_linear(
    a: &[f64],
    m: usize,
    n: usize,
    b: &[f64],
    opts: &LsqLinearOptions,
) -> Result<LsqLinearResult> {
    if m.checked_mul(n) != Some(a.len()) {
        return Err(Error::invalid(format!(
            "`A` has {} entries, not m x n = {m} x {n}.",
            a.len()
        )));
    }
    if b.len() != m {
        return Err(Error::invalid("Inconsistent shapes between `A` and `b`."));
    }
    if a.iter().chain(b).any(|v| !v.is_finite()) {
        return Err(Error::invalid("array must not contain infs or NaNs"));
    }
    let lsq_solver = opts.lsq_solver.unwrap_or(LsqSolver::Exact);
    if opts.method == LsqLinearMethod::Bvls && lsq_solver == LsqSolver::Lsmr {
        return Err(Error::invalid(
            "method='bvls' can't be used with lsq_solver='lsmr'",
        ));
    }
    if opts.max_iter == Some(0) {
        return Err(Error::invalid("`max_iter` must be None or positive integer."));
    }
    let (lb, ub) = checked_bounds(opts, n)?;
    let tol = opts.tol;
    let x_lsq = match lsq_solver {
        LsqSolver::Exact => lstsq_min_norm(a, m, n, b),
        LsqSolver::Lsmr => {
            let s = lsmr_settings(opts, None);
            lsmr(m, n, |x, o| matvec(a, n, x, o), |y, o| rmatvec(a, n, y, o), b, &s).x
        }
    };
    if opts.method == LsqLinearMethod::Bvls && !in_bounds(&x_lsq, &lb, &ub) {
        return Ok(bvls(a, m, n, b, &x_lsq, &lb, &ub, tol, opts.max_iter));
    }
    let mut ops = DenseTrf {
        a,
        n,
        b,
        solver: lsq_solver,
        a_h: vec![0.0; m * n],
        aug: if lsq_solver == LsqSolver::Exact {
            vec![0.0; (m + n) * n]
        } else {
            Vec::new()
        },
        rhs: vec![0.0; m + n],
    };
    Ok(trf_linear(&mut ops, x_lsq, &lb, &ub, opts))
}

/// `scipy.optimize.lsq_linear(A, b, ...)` with `A` a sparse matrix or a
/// `LinearOperator`: `A` is used only through its products
/// ([`LinearOperator::matvec`], [`LinearOperator::rmatvec`]), e.g. a
/// [`CsrMatrix`](crate::sparse::CsrMatrix) or an
/// [`FnOperator`](crate::sparse::FnOperator).
///
/// As SciPy does for such an `A`: `lsq_solver` defaults to LSMR (the
/// unbounded solution is LSMR's, with `atol = btol = lsmr_tol`, or
/// `1e-2 * tol` for `None`/`'auto'`), and method `'trf'` then solves each
/// regularised Gauss-Newton step with LSMR on the operator
/// `[A diag(d); diag(sqrt(diag_h))]`, with `lsmr_tol` fixed or, for
/// [`LsmrTol::Auto`], adapted to the current optimality, step for step as
/// SciPy's `trf_linear`. A [`CsrMatrix`](crate::sparse::CsrMatrix)'s
/// products sum in SciPy's order, so such runs follow SciPy's to
/// rounding (SciPy's vector dot products go through OpenBLAS).
///
/// Errors (SciPy's `ValueError`s, checked in SciPy's order):
/// `'bvls'` with `Lsmr`, `'bvls'` at all (it needs a dense `A`),
/// `lsq_solver = Exact`, `max_iter = 0`, `b.len() != m`, bounds of the
/// wrong length, `lb >= ub`, `lsmr_maxiter = 0`, `lsmr_tol <= 0`; and,
/// where SciPy would run on and return NaNs, a non-finite `b`.
///
/// ```
/// use sciox::optimize::{lsq_linear_operator, Bounds, LsqLinearOptions};
/// use sciox::sparse::CsrMatrix;
/// // A = diag(1, 2, 4) (sparse), b = (1, 1, 1), 0 <= x <= 0.3
/// let a = CsrMatrix::from_triplets(3, 3, &[0, 1, 2], &[0, 1, 2], &[1.0, 2.0, 4.0]).unwrap();
/// let o = LsqLinearOptions { bounds: Some(Bounds::new(vec![0.0], vec![0.3])), ..Default::default() };
/// let r = lsq_linear_operator(&a, &[1.0, 1.0, 1.0], &o).unwrap();
/// let want = [0.3, 0.3, 0.25];
/// assert!(r.x.iter().zip(&want).all(|(x, w)| (x - w).abs() < 1e-8), "{:?}", r.x);
/// assert_eq!(r.active_mask, vec![1, 1, 0]);
///
/// // the same A as a closure pair; 'exact' needs a dense A
/// use sciox::optimize::LsqSolver;
/// use sciox::sparse::FnOperator;
/// let d = [1.0, 2.0, 4.0];
/// let op = FnOperator::new(
///     3,
///     3,
///     |x: &[f64], y: &mut [f64]| (0..3).for_each(|i| y[i] = d[i] * x[i]),
///     |x: &[f64], y: &mut [f64]| (0..3).for_each(|i| y[i] = d[i] * x[i]),
/// );
/// let r2 = lsq_linear_operator(&op, &[1.0, 1.0, 1.0], &o).unwrap();
/// assert_eq!((r2.x, r2.nit), (r.x, r.nit));
/// let ex = LsqLinearOptions { lsq_solver: Some(LsqSolver::Exact), ..o };
/// assert!(lsq_linear_operator(&op, &[1.0, 1.0, 1.0], &ex).is_err());
/// ```
pub fn lsq_linear_operator(
    a: &dyn LinearOperator,
    b: &[f64],
    opts: &LsqLinearOptions,
) -> Result<LsqLinearResult> {
    if opts.method == LsqLinearMethod::Bvls {
        if opts.lsq_solver == Some(LsqSolver::Lsmr) {
            return Err(Error::invalid(
                "method='bvls' can't be used with lsq_solver='lsmr'",
            ));
        }
        return Err(Error::invalid(
            "method='bvls' can't be used with `A` being sparse or LinearOperator.",
        ));
    }
    if opts.lsq_solver == Some(LsqSolver::Exact) {
        return Err(Error::invalid(
            "`exact` solver can't be used when `A` is sparse or LinearOperator.",
        ));
    }
    if opts.max_iter == Some(0) {
        return Err(Error::invalid("`max_iter` must be None or positive integer."));
    }
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(Error::invalid("Inconsistent shapes between `A` and `b`."));
    }
    let (lb, ub) = checked_bounds(opts, n)?;
    if b.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("`b` must not contain infs or NaNs."));
    }
    let s = lsmr_settings(opts, None);
    let x_lsq = lsmr(m, n, |x, o| a.matvec(x, o), |y, o| a.rmatvec(y, o), b, &s).x;
    let mut ops = OperatorTrf {
        a,
        b,
        d: vec![0.0; n],
        r_aug: vec![0.0; m + n],
        t: vec![0.0; n],
        dx: vec![0.0; n],
    };
    Ok(trf_linear(&mut ops, x_lsq, &lb, &ub, opts))
}

/// LSMR's settings in `lsq_linear`: `atol = btol = lsmr_tol`, SciPy's
/// tolerance: the fixed value, `1e-2 * tol` for `None`, and for `'auto'`
/// `1e-2 * tol` in the first (unbounded) solve (`g_norm = None`) and then
/// `max(EPS, min(0.1, eta * g_norm))` with `eta = 1e-2 * min(0.5, g_norm)`.
fn lsmr_settings(opts: &LsqLinearOptions, g_norm: Option<f64>) -> LsmrSettings {
    let t = match (opts.lsmr_tol, g_norm) {
        (LsmrTol::Value(t), _) => t,
        (LsmrTol::Auto, Some(g_norm)) => {
            let eta = 1e-2 * g_norm.min(0.5);
            EPS.max((eta * g_norm).min(0.1))
        }
        _ => 1e-2 * opts.tol,
    };
    LsmrSettings {
        atol: t,
        btol: t,
        maxiter: opts.lsmr_maxiter,
        ..Default::default()
    }
}

/// The products SciPy's `trf_linear` takes of `A`, for [`trf_linear`]: a
/// dense `A` ([`DenseTrf`]) or a [`LinearOperator`] ([`OperatorTrf`]).
/// Each keeps its own order of operations (and so its own rounding).
trait TrfLinearOps {
    /// `A x - b`.
    fn residual(&self, x: &[f64]) -> Vec<f64>;
    /// `g = A^T r`.
    fn grad(&self, r: &[f64], g: &mut [f64]);
    /// `A s`.
    fn av(&self, s: &[f64]) -> Vec<f64>;
    /// Takes this iteration's scaling `d`: `A_h = A diag(d)`.
    fn scale(&mut self, d: &[f64]);
    /// `A_h s`.
    fn ah(&self, s: &[f64]) -> Vec<f64>;
    /// The regularised Gauss-Newton step `p_h`, the least-squares solution
    /// of `[A_h; diag(sqrt(diag_h))] p_h = -[r; 0]` (LSMR with settings `s`,
    /// or the dense 'exact' solver).
    fn gn_step(&mut self, r: &[f64], diag_h: &[f64], s: &LsmrSettings) -> Vec<f64>;
}

/// A dense row-major m×n `A` (`m = b.len()`), with buffers reused over
/// the iterations.
struct DenseTrf<'a> {
    a: &'a [f64],
    n: usize,
    b: &'a [f64],
    solver: LsqSolver,
    /// `A diag(d)`, m×n.
    a_h: Vec<f64>,
    /// `[A_h; diag(sqrt(diag_h))]`, (m+n)×n ('exact' only).
    aug: Vec<f64>,
    rhs: Vec<f64>,
}

impl TrfLinearOps for DenseTrf<'_> {
    fn residual(&self, x: &[f64]) -> Vec<f64> {
        residual(self.a, self.n, x, self.b)
    }

    fn grad(&self, r: &[f64], g: &mut [f64]) {
        rmatvec(self.a, self.n, r, g);
    }

    fn av(&self, s: &[f64]) -> Vec<f64> {
        jdot(self.a, self.n, s)
    }

    fn scale(&mut self, d: &[f64]) {
        let n = self.n;
        for (row_h, row) in self
            .a_h
            .chunks_exact_mut(n.max(1))
            .zip(self.a.chunks_exact(n.max(1)))
        {
            for c in 0..n {
                row_h[c] = row[c] * d[c];
            }
        }
    }

    fn ah(&self, s: &[f64]) -> Vec<f64> {
        jdot(&self.a_h, self.n, s)
    }

    fn gn_step(&mut self, r: &[f64], diag_h: &[f64], s: &LsmrSettings) -> Vec<f64> {
        let (m, n) = (r.len(), self.n);
        let (a_h, rhs) = (&self.a_h, &mut self.rhs);
        match self.solver {
            LsqSolver::Exact => {
                let aug = &mut self.aug;
                aug[..m * n].copy_from_slice(a_h);
                aug[m * n..].fill(0.0);
                for c in 0..n {
                    aug[(m + c) * n + c] = diag_h[c].sqrt();
                }
                for (o, ri) in rhs.iter_mut().zip(r) {
                    *o = -ri;
                }
                rhs[m..].fill(0.0);
                lstsq_min_norm(aug, m + n, n, rhs)
            }
            LsqSolver::Lsmr => {
                let diag_root: Vec<f64> = diag_h.iter().map(|v| v.sqrt()).collect();
                rhs[..m].copy_from_slice(r);
                rhs[m..].fill(0.0);
                let mut p_h = lsmr(
                    m + n,
                    n,
                    |x, o| {
                        matvec(a_h, n, x, &mut o[..m]);
                        for i in 0..n {
                            o[m + i] = diag_root[i] * x[i];
                        }
                    },
                    |y, o| {
                        rmatvec(a_h, n, &y[..m], o);
                        for i in 0..n {
                            o[i] += diag_root[i] * y[m + i];
                        }
                    },
                    rhs,
                    s,
                )
                .x;
                p_h.iter_mut().for_each(|v| *v = -*v);
                p_h
            }
        }
    }
}

/// A [`LinearOperator`] `A` (m×n, `m = b.len()`), as SciPy's
/// `right_multiplied_operator` / `regularized_lsq_operator` use it.
struct OperatorTrf<'a> {
    a: &'a dyn LinearOperator,
    b: &'a [f64],
    /// This iteration's scaling (length n).
    d: Vec<f64>,
    /// `[r; 0]` (length m + n).
    r_aug: Vec<f64>,
    /// LSMR's scratch: `A^T y` and `x * d` (length n).
    t: Vec<f64>,
    dx: Vec<f64>,
}

impl TrfLinearOps for OperatorTrf<'_> {
    fn residual(&self, x: &[f64]) -> Vec<f64> {
        let mut r = self.av(x);
        r.iter_mut().zip(self.b).for_each(|(ri, bi)| *ri -= bi);
        r
    }

    fn grad(&self, r: &[f64], g: &mut [f64]) {
        g.fill(0.0);
        self.a.rmatvec(r, g);
    }

    fn av(&self, s: &[f64]) -> Vec<f64> {
        let mut y = vec![0.0; self.b.len()];
        self.a.matvec(s, &mut y);
        y
    }

    fn scale(&mut self, d: &[f64]) {
        self.d.copy_from_slice(d);
    }

    // SciPy's right_multiplied_operator(A, d): x -> A (x * d)
    fn ah(&self, s: &[f64]) -> Vec<f64> {
        self.av(&s.iter().zip(&self.d).map(|(x, d)| x * d).collect::<Vec<_>>())
    }

    fn gn_step(&mut self, r: &[f64], diag_h: &[f64], s: &LsmrSettings) -> Vec<f64> {
        let OperatorTrf {
            a, d, r_aug, t, dx, ..
        } = self;
        let (m, n) = (r.len(), d.len());
        let diag_root: Vec<f64> = diag_h.iter().map(|v| v.sqrt()).collect();
        r_aug[..m].copy_from_slice(r);
        // SciPy's regularized_lsq_operator(A_h, diag_root): [A_h; diag(diag_root)]
        let mut p_h = lsmr(
            m + n,
            n,
            |x, o| {
                for i in 0..n {
                    dx[i] = x[i] * d[i];
                }
                a.matvec(dx, &mut o[..m]);
                for i in 0..n {
                    o[m + i] = diag_root[i] * x[i];
                }
            },
            |y, o| {
                a.rmatvec(&y[..m], t);
                for i in 0..n {
                    o[i] = d[i] * t[i] + diag_root[i] * y[m + i];
                }
            },
            r_aug,
            s,
        )
        .x;
        p_h.iter_mut().for_each(|v| *v = -*v);
        p_h
    }
}

/// SciPy's `trf_linear` from the unbounded solution `x_lsq` (returned
/// with status 3 if it is feasible), for [`lsq_linear`] and
/// [`lsq_linear_operator`].
fn trf_linear(
    ops: &mut impl TrfLinearOps,
    x_lsq: Vec<f64>,
    lb: &[f64],
    ub: &[f64],
    opts: &LsqLinearOptions,
) -> LsqLinearResult {
    let n = x_lsq.len();
    let tol = opts.tol;
    let mut g = vec![0.0; n];
    if in_bounds(&x_lsq, lb, ub) {
        let r = ops.residual(&x_lsq);
        ops.grad(&r, &mut g);
        let (cost, optimality) = (0.5 * dot(&r, &r), norm_inf(&g));
        return LsqLinearResult::with_status(x_lsq, r, cost, optimality, vec![0; n], 0, 3);
    }
    let mut x = reflective(&x_lsq, lb, ub);
    make_strictly_feasible(&mut x, lb, ub, 0.1);
    let mut r = ops.residual(&x);
    ops.grad(&r, &mut g);
    let mut cost = 0.5 * dot(&r, &r);
    let mut status = None;
    let max_iter = opts.max_iter.unwrap_or(100);
    let mut g_norm = 0.0;
    let mut nit = 0;
    for iteration in 0..max_iter {
        nit = iteration + 1;
        let (v, dv) = cl_scaling_vector(&x, &g, lb, ub);
        g_norm = norm_inf(&(0..n).map(|i| g[i] * v[i]).collect::<Vec<_>>());
        if g_norm < tol {
            status = Some(1);
        }
        if status.is_some() {
            break;
        }
        let diag_h: Vec<f64> = (0..n).map(|i| g[i] * dv[i]).collect();
        let d: Vec<f64> = v.iter().map(|v| v.sqrt()).collect();
        let g_h: Vec<f64> = (0..n).map(|i| d[i] * g[i]).collect();
        ops.scale(&d);
        let s = lsmr_settings(opts, Some(g_norm));
        let p_h = ops.gn_step(&r, &diag_h, &s);
        let p: Vec<f64> = (0..n).map(|i| d[i] * p_h[i]).collect();
        let p_dot_g = dot(&p, &g);
        if p_dot_g > 0.0 {
            status = Some(-1);
        }
        let theta = 1.0 - g_norm.min(0.005);
        let step = select_step(
            &x,
            &|v| ops.ah(v),
            &g_h,
            &diag_h,
            p.clone(),
            p_h,
            &d,
            lb,
            ub,
            theta,
        );
        let av = |v: &[f64]| ops.av(v);
        let mut cost_change = -evaluate_quadratic_op(&av, &g, &step, None);
        if cost_change < 0.0 {
            // SciPy's backtracking along p with reflections (it returns the old x)
            let mut alpha = 1.0;
            let mut x_new;
            loop {
                let y: Vec<f64> = (0..n).map(|i| x[i] + alpha * p[i]).collect();
                x_new = reflective(&y, lb, ub);
                let st: Vec<f64> = (0..n).map(|i| x_new[i] - x[i]).collect();
                cost_change = -evaluate_quadratic_op(&av, &g, &st, None);
                if cost_change > -0.1 * alpha * p_dot_g || alpha == 0.0 {
                    break;
                }
                alpha *= 0.5;
            }
            if find_active_constraints(&x_new, lb, ub, 1e-10)
                .iter()
                .any(|v| *v != 0)
            {
                let y: Vec<f64> = (0..n).map(|i| x[i] + theta * alpha * p[i]).collect();
                x_new = reflective(&y, lb, ub);
                make_strictly_feasible(&mut x_new, lb, ub, 0.0);
                let st: Vec<f64> = (0..n).map(|i| x_new[i] - x[i]).collect();
                cost_change = -evaluate_quadratic_op(&av, &g, &st, None);
            }
        } else {
            for i in 0..n {
                x[i] += step[i];
            }
            make_strictly_feasible(&mut x, lb, ub, 0.0);
        }
        r = ops.residual(&x);
        ops.grad(&r, &mut g);
        if cost_change < tol * cost {
            status = Some(2);
        }
        cost = 0.5 * dot(&r, &r);
    }
    let status = status.unwrap_or(0);
    let active_mask = find_active_constraints(&x, lb, ub, tol);
    LsqLinearResult::with_status(x, r, cost, g_norm, active_mask, nit, status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sparse::{CsrMatrix, FnOperator};

    fn tridiag(m: usize, n: usize) -> CsrMatrix {
        let (mut r, mut c, mut v) = (vec![], vec![], vec![]);
        for i in 0..m {
            for j in i.saturating_sub(1)..(i + 2).min(n) {
                r.push(i);
                c.push(j);
                v.push(if i == j { 3.0 } else { -1.0 + 0.1 * i as f64 });
            }
        }
        CsrMatrix::from_triplets(m, n, &r, &c, &v).unwrap()
    }

    #[test]
    fn operator_matches_dense_lsmr_path() {
        // the same bounded problem through the CSR operator and the dense
        // entry point with lsq_solver = Lsmr: the same optimum (the dense
        // path scales A's entries, the operator its argument: rounding only)
        let (m, n) = (12, 8);
        let a = tridiag(m, n);
        let b: Vec<f64> = (0..m).map(|i| (i as f64 * 0.7).sin() * 2.0).collect();
        let o = LsqLinearOptions {
            bounds: Some(Bounds::new(vec![-0.2], vec![0.3])),
            ..Default::default()
        };
        let r = lsq_linear_operator(&a, &b, &o).unwrap();
        let dense = LsqLinearOptions {
            lsq_solver: Some(LsqSolver::Lsmr),
            ..o.clone()
        };
        let rd = lsq_linear(&a.to_dense(), m, n, &b, &dense).unwrap();
        assert!(r.success && rd.success);
        for (x, y) in r.x.iter().zip(&rd.x) {
            assert!((x - y).abs() < 1e-9, "{:?} vs {:?}", r.x, rd.x);
        }
        assert_eq!(r.active_mask, rd.active_mask);
        // an FnOperator over the same products gives the same bits
        let op = FnOperator::new(
            m,
            n,
            |x: &[f64], y: &mut [f64]| a.matvec(x, y),
            |x: &[f64], y: &mut [f64]| a.rmatvec(x, y),
        );
        assert_eq!(lsq_linear_operator(&op, &b, &o).unwrap(), r);
    }

    #[test]
    fn operator_errors_and_empty_shapes() {
        let a = tridiag(4, 3);
        let o = LsqLinearOptions::default();
        let e = lsq_linear_operator(&a, &[1.0, f64::NAN, 0.0, 0.0], &o).unwrap_err();
        assert_eq!(e.to_string(), "`b` must not contain infs or NaNs.");
        let bad = LsqLinearOptions {
            bounds: Some(Bounds::new(vec![0.0; 2], vec![1.0; 2])),
            ..Default::default()
        };
        assert!(lsq_linear_operator(&a, &[0.0; 4], &bad).is_err());
        let bad = LsqLinearOptions {
            lsmr_tol: LsmrTol::Value(0.0),
            ..Default::default()
        };
        assert!(lsq_linear_operator(&a, &[0.0; 4], &bad).is_err());
        // no variables / no residuals: nothing to do, no panic
        let r = lsq_linear_operator(
            &CsrMatrix::from_triplets(3, 0, &[], &[], &[]).unwrap(),
            &[1.0; 3],
            &o,
        )
        .unwrap();
        assert_eq!((r.x.len(), r.status, r.cost), (0, 3, 1.5));
        let bd = LsqLinearOptions {
            bounds: Some(Bounds::new(vec![1.0], vec![2.0])),
            ..Default::default()
        };
        let r =
            lsq_linear_operator(&CsrMatrix::from_triplets(0, 2, &[], &[], &[]).unwrap(), &[], &bd).unwrap();
        assert_eq!((r.x.len(), r.fun.len()), (2, 0));
        assert!(r.x.iter().all(|v| (1.0..=2.0).contains(v)));
    }
}
