//! `minimize(method='trust-constr')`: a port of SciPy 1.17's
//! `_trustregion_constr` (Byrd-Omojokun trust-region SQP for equality
//! constraints, a barrier interior point with slack variables for
//! inequalities and bounds), with SciPy's quasi-Newton Hessians
//! (`BFGS`/`SR1`), its evaluation caching and its counters.

#![allow(clippy::needless_range_loop)] // index loops mirror SciPy's array code

mod equality_constrained_sqp;
mod functions;
mod hessian_update;
mod projections;
mod qp_subproblem;
mod tr_interior_point;

use super::constraints::{Constraint, ConstraintType, LinearConstraint, NonlinearConstraint};
use super::finite_diff::FiniteDiff;
use super::function::{ComplexFn, GradFn, GradSource};
use super::newton_cg::{HessFn, HessProdFn};
use super::{Bounds, Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;
use crate::{Error, Result};
use equality_constrained_sqp::{SqpProblem, equality_constrained_sqp};
use functions::{LinFn, ObjHess, Objective, VecFn, objective_fd};
use hessian_update::{QuasiNewton, UpdateRule};
use qp_subproblem::CgInfo;

pub use projections::FactorizationMethod;

/// The objective's Hessian for [`minimize_trust_constr`] (SciPy's `hess` /
/// `hessp` of trust-constr).
///
/// ```
/// use sciox::optimize::TrustConstrHess;
/// assert!(matches!(TrustConstrHess::default(), TrustConstrHess::Bfgs));
/// ```
#[derive(Default)]
pub enum TrustConstrHess<'a> {
    /// `hess=BFGS()` (SciPy's default): skip-update BFGS with the 'auto'
    /// initial scale.
    #[default]
    Bfgs,
    /// `hess=SR1()`.
    Sr1,
    /// `hess(x, out)` writes the n×n Hessian (row-major).
    Full(HessFn<'a>),
    /// `hessp(x, p, out)` writes the Hessian-vector product.
    Prod(HessProdFn<'a>),
    /// `hess='2-point'`: forward differences of the gradient closure along
    /// each product's direction (SciPy's finite-difference
    /// `LinearOperator`, relative step `finite_diff_rel_step` or
    /// `sqrt(eps)`; each product costs one gradient, counted in `njev`).
    /// Needs a gradient closure.
    TwoPoint,
    /// `hess='3-point'`: central differences of the gradient (step
    /// `eps^(1/3)`, two gradients per product). Needs a gradient closure.
    ThreePoint,
}

/// Options of [`minimize_trust_constr`], with SciPy's defaults.
///
/// ```
/// use sciox::optimize::TrustConstrOptions;
/// let o = TrustConstrOptions::default();
/// assert_eq!((o.gtol, o.xtol, o.maxiter), (1e-8, 1e-8, 1000));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TrustConstrOptions {
    /// Stop when the Lagrangian gradient (max-abs) and the constraint
    /// violation are both below `gtol` (1e-8).
    pub gtol: f64,
    /// Stop when the trust radius is below `xtol` (1e-8; with
    /// inequalities also the barrier parameter below `barrier_tol`).
    pub xtol: f64,
    /// Barrier-parameter threshold (1e-8).
    pub barrier_tol: f64,
    /// Maximum number of iterations (1000).
    pub maxiter: usize,
    /// Initial trust radius (1.0).
    pub initial_tr_radius: f64,
    /// Initial penalty of the merit function (1.0).
    pub initial_constr_penalty: f64,
    /// Initial barrier parameter (0.1).
    pub initial_barrier_parameter: f64,
    /// Initial tolerance of the barrier subproblems (0.1).
    pub initial_barrier_tolerance: f64,
    /// Box bounds (SciPy's `bounds`), turned into inequality constraints
    /// placed after the others.
    pub bounds: Option<Bounds>,
    /// Gradient differences when no gradient is given: '2-point'
    /// (default) or '3-point'.
    pub finite_diff: FiniteDiff,
    /// Relative step of the finite differences (objective and
    /// constraints); `None` for SciPy's default.
    pub finite_diff_rel_step: Option<f64>,
    /// How the constraint Jacobian is factorised for the projections
    /// (QR by default, as SciPy's dense default).
    pub factorization_method: FactorizationMethod,
}

impl Default for TrustConstrOptions {
    fn default() -> Self {
        TrustConstrOptions {
            gtol: 1e-8,
            xtol: 1e-8,
            barrier_tol: 1e-8,
            maxiter: 1000,
            initial_tr_radius: 1.0,
            initial_constr_penalty: 1.0,
            initial_barrier_parameter: 0.1,
            initial_barrier_tolerance: 0.1,
            bounds: None,
            finite_diff: FiniteDiff::TwoPoint,
            finite_diff_rel_step: None,
            factorization_method: FactorizationMethod::QRFactorization,
        }
    }
}

impl TrustConstrOptions {
    /// The trust-constr options from [`MinimizeOptions`]: `tol` sets
    /// `xtol`, `gtol` and `barrier_tol`; `gtol`, `xtol`, `maxiter`,
    /// `initial_trust_radius`, `bounds`, `finite_diff` and
    /// `finite_diff_rel_step` carry over.
    ///
    /// ```
    /// use sciox::optimize::{MinimizeOptions, TrustConstrOptions};
    /// let o = TrustConstrOptions::from_minimize(&MinimizeOptions { tol: Some(1e-6), ..Default::default() });
    /// assert_eq!((o.gtol, o.xtol, o.barrier_tol), (1e-6, 1e-6, 1e-6));
    /// ```
    pub fn from_minimize(o: &MinimizeOptions) -> Self {
        let d = TrustConstrOptions::default();
        let t = o.tol;
        TrustConstrOptions {
            gtol: o.gtol.or(t).unwrap_or(d.gtol),
            xtol: o.xtol.or(t).unwrap_or(d.xtol),
            barrier_tol: t.unwrap_or(d.barrier_tol),
            maxiter: o.maxiter.unwrap_or(d.maxiter),
            initial_tr_radius: o.initial_trust_radius.unwrap_or(d.initial_tr_radius),
            bounds: o.bounds.clone(),
            finite_diff: o.finite_diff,
            finite_diff_rel_step: o.finite_diff_rel_step,
            ..d
        }
    }
}

/// The outcome of [`minimize_trust_constr`] (SciPy's `OptimizeResult` of
/// trust-constr). Values of the constraints are listed in the order the
/// constraints were given, the bounds last.
#[derive(Clone, Debug, PartialEq)]
pub struct TrustConstrResult {
    /// The solution.
    pub x: Vec<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The gradient of the objective at `x`.
    pub grad: Vec<f64>,
    /// The gradient of the Lagrangian at `x`.
    pub lagrangian_grad: Vec<f64>,
    /// Constraint values at `x`, one vector per constraint (bounds last).
    pub constr: Vec<Vec<f64>>,
    /// Constraint Jacobians at `x`, m×n row-major, one per constraint.
    pub jac: Vec<Vec<f64>>,
    /// Lagrange multipliers, one vector per constraint (positive: upper
    /// bound active, negative: lower bound active).
    pub v: Vec<Vec<f64>>,
    /// Iterations.
    pub nit: usize,
    /// Objective evaluations (finite differences included).
    pub nfev: usize,
    /// Objective gradient evaluations.
    pub njev: usize,
    /// Objective Hessian evaluations.
    pub nhev: usize,
    /// Evaluations of each constraint (finite differences included; 0 for
    /// linear constraints and bounds).
    pub constr_nfev: Vec<usize>,
    /// Jacobian evaluations of each constraint.
    pub constr_njev: Vec<usize>,
    /// Total projected-CG iterations.
    pub cg_niter: usize,
    /// Why the last CG subproblem stopped (0 not run, 1 iteration limit,
    /// 2 trust-region boundary, 3 negative curvature, 4 tolerance).
    pub cg_stop_cond: i32,
    /// Largest constraint violation at `x`.
    pub constr_violation: f64,
    /// Max-abs norm of the Lagrangian gradient at `x`.
    pub optimality: f64,
    /// Trust radius at the last iteration.
    pub tr_radius: f64,
    /// Penalty of the merit function at the last iteration.
    pub constr_penalty: f64,
    /// Barrier parameter at the last iteration (interior point only, else NaN).
    pub barrier_parameter: f64,
    /// Barrier tolerance at the last iteration (interior point only, else NaN).
    pub barrier_tolerance: f64,
    /// `"equality_constrained_sqp"` or `"tr_interior_point"`.
    pub method: &'static str,
    /// 0 `maxiter`, 1 `gtol`, 2 `xtol`, 3 callback, 4 constraint
    /// violation above `gtol`.
    pub status: i32,
    /// `status` is 1 or 2.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}

impl TrustConstrResult {
    /// The common [`OptimizeResult`]: `jac` is the objective's gradient,
    /// `multipliers` the concatenated `v`, `maxcv` the constraint violation.
    ///
    /// ```
    /// use sciox::optimize::{minimize_trust_constr, TrustConstrHess, TrustConstrOptions};
    /// let f = |x: &[f64]| (x[0] - 2.0).powi(2);
    /// let r = minimize_trust_constr(f, None, TrustConstrHess::Bfgs, &[0.0], &mut [],
    ///                               &TrustConstrOptions::default(), None).unwrap();
    /// let o = r.to_optimize_result();
    /// assert!(o.success && (o.x[0] - 2.0).abs() < 1e-6);
    /// ```
    pub fn to_optimize_result(&self) -> OptimizeResult {
        let mut r = OptimizeResult::empty(self.x.len());
        r.x = self.x.clone();
        r.fun = self.fun;
        r.jac = self.grad.clone();
        r.nfev = self.nfev;
        r.njev = self.njev;
        r.nhev = self.nhev;
        r.nit = self.nit;
        r.status = self.status;
        r.success = self.success;
        r.message = self.message.clone();
        r.multipliers = self.v.concat();
        r.maxcv = self.constr_violation;
        r
    }
}

const MESSAGES: [&str; 5] = [
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` raised `StopIteration`.",
    "Constraint violation exceeds 'gtol'",
];

/// One inequality row of a canonical constraint.
#[derive(Clone, Copy, Debug)]
enum IneqRow {
    /// `f[i] - ub`
    Less(usize, f64),
    /// `lb - f[i]`
    Greater(usize, f64),
    /// `f[i] - ub` of an interval
    IntervalUp(usize, f64),
    /// `lb - f[i]` of an interval
    IntervalLo(usize, f64),
}

enum PFun {
    Vector(Box<VecFn>),
    Linear(LinFn),
}

/// SciPy's `PreparedConstraint` with its canonical rows.
struct Prepared {
    fun: PFun,
    /// Index of the source constraint, `None` for the bounds.
    src: Option<usize>,
    m: usize,
    lb: Vec<f64>,
    ub: Vec<f64>,
    eq: Vec<(usize, f64)>,
    ineq: Vec<IneqRow>,
}

impl Prepared {
    fn canonical_rows(lb: &[f64], ub: &[f64]) -> (Vec<(usize, f64)>, Vec<IneqRow>) {
        let m = lb.len();
        if lb.iter().all(|&l| l == f64::NEG_INFINITY) && ub.iter().all(|&u| u == f64::INFINITY) {
            return (Vec::new(), Vec::new());
        }
        if (0..m).all(|i| lb[i] == ub[i]) {
            return ((0..m).map(|i| (i, lb[i])).collect(), Vec::new());
        }
        let mut eq = Vec::new();
        let (mut less, mut greater, mut interval) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..m {
            let (li, ui) = (lb[i] == f64::NEG_INFINITY, ub[i] == f64::INFINITY);
            if lb[i] == ub[i] {
                eq.push((i, lb[i]));
            } else if li && !ui {
                less.push(IneqRow::Less(i, ub[i]));
            } else if ui && !li {
                greater.push(IneqRow::Greater(i, lb[i]));
            } else if !li && !ui {
                interval.push(i);
            }
        }
        let mut ineq = less;
        ineq.extend(greater);
        ineq.extend(interval.iter().map(|&i| IneqRow::IntervalUp(i, ub[i])));
        ineq.extend(interval.iter().map(|&i| IneqRow::IntervalLo(i, lb[i])));
        (eq, ineq)
    }

    fn f(&self) -> &[f64] {
        match &self.fun {
            PFun::Vector(v) => &v.f,
            PFun::Linear(l) => &l.f,
        }
    }

    fn v(&self) -> &[f64] {
        match &self.fun {
            PFun::Vector(v) => &v.v,
            PFun::Linear(l) => &l.v,
        }
    }

    fn jac_matrix(&self) -> Vec<f64> {
        match &self.fun {
            PFun::Vector(v) => v.j.clone(),
            PFun::Linear(l) => l.jac(),
        }
    }
}

/// The whole problem: objective, prepared constraints and the running
/// state (SciPy's `state`).
pub(crate) struct Problem<'p, 'a> {
    obj: Objective<'p>,
    src: &'p mut [Constraint<'a>],
    cons: Vec<Prepared>,
    n: usize,
    n_eq: usize,
    n_ineq: usize,
    st: TrustConstrResult,
    gtol: f64,
    xtol: f64,
    barrier_tol: f64,
    maxiter: usize,
    callback: Callback<'p>,
    ip: bool,
    /// Multipliers of the last Lagrangian Hessian (one per prepared).
    scratch: Vec<f64>,
    /// Per inequality row: kept feasible (bounds with `keep_feasible`).
    enforce: Vec<bool>,
    /// The bounds kept feasible (SciPy's `finite_diff_bounds`), if any.
    strict: Option<(Vec<f64>, Vec<f64>)>,
}

impl<'p, 'a> Problem<'p, 'a> {
    /// `(c_eq, c_ineq)` at `x` (SciPy's `canonical.fun`).
    fn constr(&mut self, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let mut ce = Vec::with_capacity(self.n_eq);
        let mut ci = Vec::with_capacity(self.n_ineq);
        for k in 0..self.cons.len() {
            self.eval_con(k, x);
            let c = &self.cons[k];
            let f = c.f();
            for &(i, val) in &c.eq {
                ce.push(f[i] - val);
            }
            for r in &c.ineq {
                ci.push(match *r {
                    IneqRow::Less(i, u) | IneqRow::IntervalUp(i, u) => f[i] - u,
                    IneqRow::Greater(i, l) | IneqRow::IntervalLo(i, l) => l - f[i],
                });
            }
        }
        (ce, ci)
    }

    fn eval_con(&mut self, k: usize, x: &[f64]) {
        let c = &mut self.cons[k];
        if c.eq.is_empty() && c.ineq.is_empty() {
            return;
        }
        match (&mut c.fun, c.src) {
            (PFun::Vector(vf), Some(s)) => vf.fun(&mut self.src[s], x),
            (PFun::Linear(l), _) => l.fun(x),
            _ => {}
        }
    }

    /// `(J_eq, J_ineq)` at `x`, row-major (SciPy's `canonical.jac`).
    fn jac(&mut self, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let n = self.n;
        let mut je = Vec::with_capacity(self.n_eq * n);
        let mut ji = Vec::with_capacity(self.n_ineq * n);
        for k in 0..self.cons.len() {
            let c = &mut self.cons[k];
            if c.eq.is_empty() && c.ineq.is_empty() {
                continue;
            }
            if let (PFun::Vector(vf), Some(s)) = (&mut c.fun, c.src) {
                vf.jac(&mut self.src[s], x);
            }
            let j = c.jac_matrix();
            Self::rows(c, &j, n, &mut je, &mut ji);
        }
        (je, ji)
    }

    fn rows(c: &Prepared, j: &[f64], n: usize, je: &mut Vec<f64>, ji: &mut Vec<f64>) {
        for &(i, _) in &c.eq {
            je.extend_from_slice(&j[i * n..(i + 1) * n]);
        }
        for r in &c.ineq {
            match *r {
                IneqRow::Less(i, _) | IneqRow::IntervalUp(i, _) => {
                    ji.extend_from_slice(&j[i * n..(i + 1) * n])
                }
                IneqRow::Greater(i, _) | IneqRow::IntervalLo(i, _) => {
                    ji.extend(j[i * n..(i + 1) * n].iter().map(|t| -t))
                }
            }
        }
    }

    /// SciPy's `LagrangianHessian(x, v_eq, v_ineq)`: makes the Hessians current.
    fn lagr_hess(&mut self, x: &[f64], v_eq: &[f64], v_ineq: &[f64]) {
        self.obj.hess(x);
        let (mut ie, mut ii) = (0, 0);
        for k in 0..self.cons.len() {
            let c = &mut self.cons[k];
            if c.eq.is_empty() && c.ineq.is_empty() {
                continue;
            }
            let mut v = vec![0.0; c.m];
            for &(i, _) in &c.eq {
                v[i] = v_eq[ie];
                ie += 1;
            }
            for r in &c.ineq {
                let vk = v_ineq[ii];
                ii += 1;
                match *r {
                    IneqRow::Less(i, _) | IneqRow::IntervalUp(i, _) => v[i] = vk,
                    IneqRow::Greater(i, _) => v[i] = -vk,
                    IneqRow::IntervalLo(i, _) => v[i] -= vk,
                }
            }
            match (&mut c.fun, c.src) {
                (PFun::Vector(vf), Some(s)) => vf.hess(&mut self.src[s], x, &v),
                (PFun::Linear(l), _) => {
                    l.fun(x);
                    l.v = v;
                }
                _ => {}
            }
        }
    }

    /// `out = H p` of the Lagrangian Hessian.
    fn lagr_hess_dot(&mut self, p: &[f64], out: &mut [f64]) {
        self.obj.hess_dot(p, out);
        if self.cons.iter().any(|c| matches!(c.fun, PFun::Vector(_))) {
            let acc = &mut self.scratch;
            acc.iter_mut().for_each(|t| *t = 0.0);
            for c in &self.cons {
                if c.eq.is_empty() && c.ineq.is_empty() {
                    continue;
                }
                if let PFun::Vector(vf) = &c.fun {
                    vf.hess_dot_add(p, acc);
                }
            }
            out.iter_mut().zip(acc.iter()).for_each(|(o, a)| *o += a);
        }
    }

    /// SciPy's `update_state_sqp` / `update_state_ip` and the global stop
    /// test; `true` to stop.
    fn global_stop(
        &mut self,
        x: &[f64],
        last_failed: bool,
        tr: f64,
        penalty: f64,
        cg: CgInfo,
        barrier: Option<(f64, f64)>,
    ) -> bool {
        let n = self.n;
        let st = &mut self.st;
        st.nit += 1;
        st.nfev = self.obj.nfev;
        st.njev = self.obj.ngev;
        st.nhev = self.obj.nhev;
        st.constr_nfev = self
            .cons
            .iter()
            .map(|c| if let PFun::Vector(v) = &c.fun { v.nfev } else { 0 })
            .collect();
        st.constr_njev = self
            .cons
            .iter()
            .map(|c| if let PFun::Vector(v) = &c.fun { v.njev } else { 0 })
            .collect();
        if !last_failed {
            st.x = x.to_vec();
            st.fun = self.obj.f;
            st.grad = self.obj.g.clone();
            st.v = self.cons.iter().map(|c| c.v().to_vec()).collect();
            st.constr = self.cons.iter().map(|c| c.f().to_vec()).collect();
            st.jac = self.cons.iter().map(|c| c.jac_matrix()).collect();
            let mut lg = st.grad.clone();
            for (c, j) in self.cons.iter().zip(&st.jac) {
                let v = c.v();
                let mut add = vec![0.0; n];
                for (r, vr) in v.iter().enumerate() {
                    for (o, a) in add.iter_mut().zip(&j[r * n..(r + 1) * n]) {
                        *o += a * vr;
                    }
                }
                lg.iter_mut().zip(&add).for_each(|(a, b)| *a += b);
            }
            st.optimality = lg.iter().fold(0.0f64, |a, b| a.max(b.abs()));
            st.lagrangian_grad = lg;
            let mut cv = 0.0f64;
            for c in &self.cons {
                let f = c.f();
                for i in 0..c.m {
                    cv = cv.max(c.lb[i] - f[i]).max(f[i] - c.ub[i]);
                }
            }
            st.constr_violation = cv;
        }
        st.tr_radius = tr;
        st.constr_penalty = penalty;
        st.cg_niter += cg.niter;
        st.cg_stop_cond = cg.stop_cond;
        if let Some((bp, bt)) = barrier {
            st.barrier_parameter = bp;
            st.barrier_tolerance = bt;
        }
        st.status = -1;
        if let Some(cb) = self.callback.as_deref_mut()
            && cb(&st.x, st.fun)
        {
            st.status = 3;
            return true;
        }
        if st.optimality < self.gtol && st.constr_violation < self.gtol {
            st.status = 1;
        } else if st.tr_radius < self.xtol && barrier.is_none_or(|(bp, _)| bp < self.barrier_tol) {
            st.status = 2;
        } else if st.nit >= self.maxiter {
            st.status = 0;
        }
        st.status >= 0
    }
}

/// The equality-constrained problem as the SQP sees it.
struct EqProblem<'q, 'p, 'a>(&'q mut Problem<'p, 'a>);

impl SqpProblem for EqProblem<'_, '_, '_> {
    fn fun_and_constr(&mut self, z: &mut [f64]) -> (f64, Vec<f64>) {
        let f = self.0.obj.fun(z);
        let (ce, _) = self.0.constr(z);
        (f, ce)
    }
    fn grad_and_jac(&mut self, z: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let g = self.0.obj.grad(z);
        let (je, _) = self.0.jac(z);
        (g, je)
    }
    fn lagr_hess(&mut self, z: &[f64], v: &[f64]) {
        self.0.lagr_hess(z, v, &[]);
    }
    fn hess_dot(&mut self, p: &[f64], out: &mut [f64]) {
        self.0.lagr_hess_dot(p, out);
    }
    fn scaling(&self, z: &[f64]) -> Vec<f64> {
        vec![1.0; z.len()]
    }
    fn stop(&mut self, z: &[f64], failed: bool, _o: f64, _c: f64, tr: f64, pen: f64, cg: CgInfo) -> bool {
        self.0.global_stop(z, failed, tr, pen, cg, None)
    }
}

/// `np.nextafter(x, +-inf)` of a finite `x`.
fn next_toward(x: f64, up: bool) -> f64 {
    if x == 0.0 {
        let t = f64::from_bits(1);
        return if up { t } else { -t };
    }
    let b = x.to_bits();
    let away = (x > 0.0) == up;
    f64::from_bits(if away { b + 1 } else { b - 1 })
}

fn check_x0(x0: &[f64]) -> Result<()> {
    if x0.is_empty() {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    if x0.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("'x0' must only contain finite values."));
    }
    Ok(())
}

/// `minimize(fun, x0, method='trust-constr', jac=grad, hess=...,
/// bounds=opts.bounds, constraints=constraints)`: SciPy 1.17's
/// trust-region constrained algorithm. Without inequality constraints and
/// bounds it runs the Byrd-Omojokun trust-region SQP
/// (`method == "equality_constrained_sqp"`), otherwise the barrier
/// interior point (`"tr_interior_point"`) whose subproblems the SQP solves.
///
/// `grad = None` is SciPy's default `'2-point'` gradient (counted in
/// `nfev`); nonlinear constraints without Jacobian use '2-point'
/// differences too, and a nonlinear constraint without
/// [`NonlinearConstraint::with_hess`] has SciPy's default `hess=BFGS()`
/// (old-style dictionaries always). Old-style `{'type': 'eq'|'ineq'}` constraints become
/// `NonlinearConstraint(fun, 0, 0)` / `NonlinearConstraint(fun, 0, inf)`
/// as in SciPy. Bounds are relaxed by one ulp outward and appended as a
/// constraint after the others (`keep_feasible` is not supported).
///
/// Projections use a pivoted Householder QR of the Jacobian by default
/// (SciPy's 'QRFactorization', its default for dense Jacobians; for bounds
/// alone SciPy's Jacobian is sparse and it factorises the augmented
/// system instead: the same projections up to rounding), or
/// `opts.factorization_method`; a rank-deficient Jacobian switches to the
/// SVD, as SciPy does.
///
/// Errors: an empty or non-finite `x0`, bounds or constraints of the wrong
/// shape or with `lb > ub`, more equality constraints than variables, a
/// singular constraint Jacobian (SciPy then switches to an SVD; not
/// supported).
///
/// ```
/// use sciox::optimize::{minimize_trust_constr, rosen, rosen_der, Constraint, LinearConstraint,
///                       TrustConstrHess, TrustConstrOptions};
/// // x0 + x1 = 1 on the Rosenbrock function
/// let mut g = rosen_der;
/// let mut cons = [Constraint::Linear(LinearConstraint::new(vec![1.0, 1.0], vec![1.0], vec![1.0]))];
/// let r = minimize_trust_constr(rosen, Some(&mut g), TrustConstrHess::Bfgs, &[0.0, 0.0], &mut cons,
///                               &TrustConstrOptions::default(), None).unwrap();
/// assert!(r.success);
/// assert!((r.x[0] + r.x[1] - 1.0).abs() < 1e-8);
/// assert_eq!(r.method, "equality_constrained_sqp");
/// ```
pub fn minimize_trust_constr<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: Option<GradFn<'_>>,
    hess: TrustConstrHess<'_>,
    x0: &[f64],
    constraints: &mut [Constraint<'_>],
    opts: &TrustConstrOptions,
    callback: Callback<'_>,
) -> Result<TrustConstrResult> {
    trust_constr_impl(fun, grad, None, hess, x0, constraints, opts, callback)
}

/// [`minimize_trust_constr`] with the gradient from a closure, from
/// complex steps of `cs` (SciPy's `jac='cs'`, when `grad` is `None`), or
/// from finite differences.
#[allow(clippy::too_many_arguments)]
fn trust_constr_impl<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: Option<GradFn<'_>>,
    cs: Option<ComplexFn<'_>>,
    hess: TrustConstrHess<'_>,
    x0: &[f64],
    constraints: &mut [Constraint<'_>],
    opts: &TrustConstrOptions,
    callback: Callback<'_>,
) -> Result<TrustConstrResult> {
    check_x0(x0)?;
    let n = x0.len();
    if grad.is_none() && matches!(hess, TrustConstrHess::TwoPoint | TrustConstrHess::ThreePoint) {
        return Err(Error::invalid(
            "Whenever the gradient is estimated via finite-differences, we require the Hessian to be \
             estimated using one of the quasi-Newton strategies.",
        ));
    }
    // keep_feasible per variable (SciPy broadcasts it)
    let mut keep = vec![false; n];
    if let Some(b) = &opts.bounds {
        let k = b.keep_feasible.len();
        if k > 1 && k != n {
            return Err(Error::invalid("`keep_feasible` has a wrong shape."));
        }
        for (i, kf) in keep.iter_mut().enumerate() {
            *kf = b.keeps_feasible(i);
        }
    }
    let bounds = match &opts.bounds {
        Some(b) => {
            if b.lb.len() != n || b.ub.len() != n {
                return Err(Error::invalid(format!(
                    "The number of bounds is not compatible with the length of `x0`: got {} and {}, expected {n}.",
                    b.lb.len(),
                    b.ub.len()
                )));
            }
            if b.lb
                .iter()
                .zip(&b.ub)
                .any(|(l, u)| l > u || l.is_nan() || u.is_nan())
            {
                return Err(Error::invalid(
                    "An upper bound is less than the corresponding lower bound.",
                ));
            }
            let lb: Vec<f64> =
                b.lb.iter()
                    .map(|&l| if l.is_finite() { next_toward(l, false) } else { l })
                    .collect();
            let ub: Vec<f64> =
                b.ub.iter()
                    .map(|&u| if u.is_finite() { next_toward(u, true) } else { u })
                    .collect();
            if grad.is_none() && (0..n).any(|i| keep[i] && (x0[i] < lb[i] || x0[i] > ub[i])) {
                // SciPy's finite-difference gradient checks first
                return Err(Error::invalid("`x0` violates bound constraints."));
            }
            if (0..n).any(|i| keep[i] && lb[i] != ub[i] && (x0[i] < lb[i] || x0[i] > ub[i])) {
                return Err(Error::invalid(
                    "`x0` is infeasible with respect to some inequality constraint with `keep_feasible` \
                     set to True.",
                ));
            }
            Some((lb, ub))
        }
        None => None,
    };
    // SciPy's `strict_bounds`: the finite-difference bounds (and the box the
    // barrier keeps its iterates in) are the bounds kept feasible
    let fd_bounds = match &bounds {
        Some((lb, ub)) if keep.iter().any(|&k| k) => Some((
            (0..n)
                .map(|i| if keep[i] { lb[i] } else { f64::NEG_INFINITY })
                .collect::<Vec<_>>(),
            (0..n)
                .map(|i| if keep[i] { ub[i] } else { f64::INFINITY })
                .collect::<Vec<_>>(),
        )),
        _ => None,
    };
    let fd_h = |three: bool| {
        opts.finite_diff_rel_step.unwrap_or(if three {
            f64::EPSILON.powf(1.0 / 3.0)
        } else {
            f64::EPSILON.sqrt()
        })
    };
    let ohess: ObjHess<'_> = match hess {
        TrustConstrHess::TwoPoint | TrustConstrHess::ThreePoint => {
            let three = matches!(hess, TrustConstrHess::ThreePoint);
            ObjHess::Fd {
                three,
                h: fd_h(three),
                x0: vec![0.0; n],
                g0: vec![0.0; n],
                xt: vec![0.0; n],
                gt: vec![0.0; n],
            }
        }
        TrustConstrHess::Bfgs => ObjHess::Qn(QuasiNewton::new(UpdateRule::Bfgs, n)),
        TrustConstrHess::Sr1 => ObjHess::Qn(QuasiNewton::new(UpdateRule::Sr1, n)),
        TrustConstrHess::Full(f) => ObjHess::Full {
            f,
            h: vec![0.0; n * n],
        },
        TrustConstrHess::Prod(f) => ObjHess::Prod { f, xh: vec![0.0; n] },
    };
    // re-borrowed with the shorter lifetime of this call (a coercion, not
    // a no-op)
    #[allow(clippy::needless_match)]
    let grad: Option<GradFn<'_>> = match grad {
        Some(g) => Some(g),
        None => None,
    };
    #[allow(clippy::needless_match)]
    let cs: Option<ComplexFn<'_>> = match cs {
        Some(c) => Some(c),
        None => None,
    };
    #[allow(clippy::needless_match)]
    let callback: Callback<'_> = match callback {
        Some(c) => Some(c),
        None => None,
    };
    let mut fun = fun;
    let fref: &mut dyn FnMut(&[f64]) -> f64 = &mut fun;
    // validate constraints before evaluating anything
    let mut specs = Vec::with_capacity(constraints.len());
    for (k, c) in constraints.iter().enumerate() {
        let (lb, ub) = match c {
            Constraint::Dict { kind, m, .. } => {
                let ub = if *kind == ConstraintType::Eq {
                    0.0
                } else {
                    f64::INFINITY
                };
                (vec![0.0; *m], vec![ub; *m])
            }
            Constraint::Linear(LinearConstraint { a, lb, ub }) => {
                if a.len() != lb.len() * n {
                    return Err(Error::invalid(format!(
                        "Constraint {k}: `A` has {} entries, expected {}x{n}.",
                        a.len(),
                        lb.len()
                    )));
                }
                (lb.clone(), ub.clone())
            }
            Constraint::Nonlinear(NonlinearConstraint { lb, ub, .. }) => (lb.clone(), ub.clone()),
        };
        if lb.len() != ub.len() {
            return Err(Error::invalid(format!(
                "Constraint {k}: `lb` and `ub` have different lengths ({} and {}).",
                lb.len(),
                ub.len()
            )));
        }
        if lb.iter().zip(&ub).any(|(l, u)| l > u || l.is_nan() || u.is_nan()) {
            return Err(Error::invalid(format!(
                "Constraint {k}: an upper bound is less than the corresponding lower bound."
            )));
        }
        specs.push((lb, ub));
    }
    let obj = Objective::new(
        fref,
        grad,
        cs,
        ohess,
        objective_fd(opts.finite_diff, opts.finite_diff_rel_step),
        fd_bounds.clone(),
        x0,
    );
    let mut cons = Vec::with_capacity(specs.len() + 1);
    for (k, (lb, ub)) in specs.into_iter().enumerate() {
        let m = lb.len();
        let fun = match &mut constraints[k] {
            Constraint::Linear(l) => PFun::Linear(LinFn::new(l.a.clone(), m, false, x0)),
            c => {
                // SciPy's VectorFunction takes the constraint's own
                // finite_diff_rel_step (a dictionary has none)
                let rel_step = match c {
                    Constraint::Nonlinear(nl) => nl.finite_diff_rel_step,
                    _ => None,
                };
                PFun::Vector(Box::new(VecFn::new(c, x0, m, rel_step, fd_bounds.clone())))
            }
        };
        let (eq, ineq) = Prepared::canonical_rows(&lb, &ub);
        cons.push(Prepared {
            fun,
            src: Some(k),
            m,
            lb,
            ub,
            eq,
            ineq,
        });
    }
    if let Some((lb, ub)) = bounds {
        let (eq, ineq) = Prepared::canonical_rows(&lb, &ub);
        cons.push(Prepared {
            fun: PFun::Linear(LinFn::new(Vec::new(), n, true, x0)),
            src: None,
            m: n,
            lb,
            ub,
            eq,
            ineq,
        });
    }
    let n_eq = cons.iter().map(|c| c.eq.len()).sum();
    let n_ineq: usize = cons.iter().map(|c| c.ineq.len()).sum();
    // SciPy's `canonical.keep_feasible` (the barrier's
    // `enforce_feasibility`): only rows of the bounds can carry it here
    let enforce: Vec<bool> = cons
        .iter()
        .flat_map(|c| {
            c.ineq.iter().map(|r| {
                let i = match *r {
                    IneqRow::Less(i, _)
                    | IneqRow::IntervalUp(i, _)
                    | IneqRow::Greater(i, _)
                    | IneqRow::IntervalLo(i, _) => i,
                };
                c.src.is_none() && keep[i]
            })
        })
        .collect();
    let ip = n_ineq > 0;
    let st = TrustConstrResult {
        x: x0.to_vec(),
        fun: obj.f,
        grad: obj.g.clone(),
        lagrangian_grad: obj.g.clone(),
        constr: cons.iter().map(|c| c.f().to_vec()).collect(),
        jac: cons.iter().map(|c| c.jac_matrix()).collect(),
        v: cons.iter().map(|c| c.v().to_vec()).collect(),
        nit: 0,
        nfev: 0,
        njev: 0,
        nhev: 0,
        constr_nfev: vec![0; cons.len()],
        constr_njev: vec![0; cons.len()],
        cg_niter: 0,
        cg_stop_cond: 0,
        constr_violation: f64::NAN,
        optimality: f64::NAN,
        tr_radius: opts.initial_tr_radius,
        constr_penalty: opts.initial_constr_penalty,
        barrier_parameter: f64::NAN,
        barrier_tolerance: f64::NAN,
        method: if ip {
            "tr_interior_point"
        } else {
            "equality_constrained_sqp"
        },
        status: -1,
        success: false,
        message: String::new(),
    };
    let mut p = Problem {
        obj,
        src: constraints,
        cons,
        n,
        n_eq,
        n_ineq,
        st,
        gtol: opts.gtol,
        xtol: opts.xtol,
        barrier_tol: opts.barrier_tol,
        maxiter: opts.maxiter,
        callback,
        ip,
        scratch: vec![0.0; n],
        enforce,
        strict: fd_bounds,
    };
    // initial canonical values from the prepared constraints
    let (c_eq0, c_ineq0, j_eq0, j_ineq0) = {
        let (mut ce, mut ci, mut je, mut ji) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for c in &p.cons {
            let f = c.f();
            for &(i, val) in &c.eq {
                ce.push(f[i] - val);
            }
            for r in &c.ineq {
                ci.push(match *r {
                    IneqRow::Less(i, u) | IneqRow::IntervalUp(i, u) => f[i] - u,
                    IneqRow::Greater(i, l) | IneqRow::IntervalLo(i, l) => l - f[i],
                });
            }
            let j = c.jac_matrix();
            Problem::rows(c, &j, n, &mut je, &mut ji);
        }
        (ce, ci, je, ji)
    };
    let f0 = p.obj.f;
    let g0 = p.obj.g.clone();
    if !p.ip {
        let ninf = vec![f64::NEG_INFINITY; n];
        let pinf = vec![f64::INFINITY; n];
        let mut eqp = EqProblem(&mut p);
        equality_constrained_sqp(
            &mut eqp,
            x0,
            f0,
            g0,
            c_eq0,
            j_eq0,
            opts.initial_constr_penalty,
            opts.initial_tr_radius,
            &ninf,
            &pinf,
            opts.factorization_method,
        )?;
    } else {
        tr_interior_point::tr_interior_point(&mut p, x0, f0, g0, (c_ineq0, j_ineq0, c_eq0, j_eq0), opts)?;
    }
    let mut r = p.st;
    if (r.status == 1 || r.status == 2) && r.constr_violation > opts.gtol {
        r.status = 4;
    }
    r.success = r.status == 1 || r.status == 2;
    r.message = MESSAGES[r.status as usize].to_string();
    Ok(r)
}

/// `minimize` with [`Method::TrustConstr`](super::Method::TrustConstr):
/// the BFGS Hessian and the options mapped by
/// [`TrustConstrOptions::from_minimize`].
pub(crate) fn run_from_minimize<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: GradSource<'_>,
    x0: &[f64],
    constraints: &mut [Constraint<'_>],
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult> {
    let o = TrustConstrOptions::from_minimize(opts);
    let (grad, cs) = match grad {
        GradSource::FiniteDiff => (None, None),
        GradSource::Closure(g) => (Some(g), None),
        GradSource::ComplexStep(c) => (None, Some(c)),
    };
    let r = trust_constr_impl(
        fun,
        grad,
        cs,
        TrustConstrHess::Bfgs,
        x0,
        constraints,
        &o,
        callback,
    )?;
    Ok(r.to_optimize_result())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::{Method, minimize, minimize_constrained, rosen, rosen_der};

    fn sq(x: &[f64]) -> f64 {
        x.iter().map(|v| v * v).sum()
    }

    #[test]
    fn errors() {
        let o = TrustConstrOptions::default();
        let run = |x0: &[f64], cons: &mut [Constraint<'_>], o: &TrustConstrOptions| {
            minimize_trust_constr(sq, None, TrustConstrHess::Bfgs, x0, cons, o, None)
        };
        assert!(run(&[], &mut [], &o).is_err());
        assert!(run(&[f64::NAN, 1.0], &mut [], &o).is_err());
        assert!(run(&[f64::INFINITY, 1.0], &mut [], &o).is_err());
        let bad = TrustConstrOptions {
            bounds: Some(Bounds::new(vec![1.0, 0.0], vec![0.0, 1.0])),
            ..Default::default()
        };
        let e = run(&[0.5, 0.5], &mut [], &bad).unwrap_err();
        assert!(e.to_string().contains("upper bound is less"), "{e}");
        let short = TrustConstrOptions {
            bounds: Some(Bounds::new(vec![0.0], vec![1.0])),
            ..Default::default()
        };
        assert!(run(&[0.5, 0.5], &mut [], &short).is_err());
        let mut c = [Constraint::Linear(LinearConstraint::new(
            vec![1.0; 3],
            vec![0.0],
            vec![1.0],
        ))];
        assert!(run(&[0.5, 0.5], &mut c, &o).is_err());
        let mut c = [Constraint::Linear(LinearConstraint::new(
            vec![1.0; 2],
            vec![0.0],
            vec![1.0, 2.0],
        ))];
        assert!(run(&[0.5, 0.5], &mut c, &o).is_err());
        let mut c = [Constraint::Linear(LinearConstraint::new(
            vec![1.0; 2],
            vec![2.0],
            vec![1.0],
        ))];
        assert!(run(&[0.5, 0.5], &mut c, &o).is_err());
        // three independent equalities in two variables: SciPy's ValueError
        let mut c = [Constraint::Linear(LinearConstraint::new(
            vec![1.0, 1.0, 1.0, -1.0, 2.0, 1.0],
            vec![1.0, 0.0, 1.5],
            vec![1.0, 0.0, 1.5],
        ))];
        let e = run(&[0.5, 0.5], &mut c, &o).unwrap_err();
        assert!(e.to_string().contains("expected square matrix"), "{e}");
    }

    #[test]
    fn callback_stops_with_status_3() {
        let mut seen = 0;
        let mut cb = |_x: &[f64], _f: f64| {
            seen += 1;
            seen == 4
        };
        let r = minimize_trust_constr(
            rosen,
            None,
            TrustConstrHess::Bfgs,
            &[-1.2, 1.0],
            &mut [],
            &TrustConstrOptions::default(),
            Some(&mut cb),
        )
        .unwrap();
        assert_eq!((r.status, r.nit, r.success), (3, 4, false));
        assert_eq!(r.message, "`callback` raised `StopIteration`.");
    }

    #[test]
    fn through_minimize() {
        // the unconstrained path with '2-point' gradients (SciPy: nit 68,
        // nfev 189, status 2; our rounding gives nfev 198)
        let r = minimize(
            rosen,
            &[-1.2, 1.0],
            Method::TrustConstr,
            &MinimizeOptions::default(),
        )
        .unwrap();
        assert!(r.success && r.status == 2, "{r:?}");
        assert!(r.fun < 1e-9);
        // bounds and a dict inequality through minimize_constrained (SLSQP
        // tutorial: the minimiser is (1.4, 1.7))
        let f = |x: &[f64]| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
        let mut g = |x: &[f64], o: &mut [f64]| {
            o[0] = 2.0 * (x[0] - 1.0);
            o[1] = 2.0 * (x[1] - 2.5);
        };
        let mut cons = [
            Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| {
                o[0] = x[0] - 2.0 * x[1] + 2.0
            }),
            Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| {
                o[0] = -x[0] - 2.0 * x[1] + 6.0
            }),
            Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| {
                o[0] = -x[0] + 2.0 * x[1] + 2.0
            }),
        ];
        let o = MinimizeOptions {
            bounds: Some(Bounds::new(vec![0.0, 0.0], vec![f64::INFINITY; 2])),
            ..Default::default()
        };
        let r = minimize_constrained(
            f,
            Some(&mut g),
            &[2.0, 0.0],
            Method::TrustConstr,
            &mut cons,
            &o,
            None,
        )
        .unwrap();
        // SciPy: fun 0.8000000102400013, nit 31, nfev 21
        assert!(r.success && (r.fun - 0.8).abs() < 1e-7, "{r:?}");
        assert_eq!((r.nit, r.nfev), (31, 21));
        assert_eq!(r.multipliers.len(), 5);
    }

    #[test]
    fn rank_deficient_equalities_use_the_svd() {
        // x0 + x1 = 1 given twice: SciPy switches to its SVD projections
        let mut c = [Constraint::Linear(LinearConstraint::new(
            vec![1.0, 1.0, 1.0, 1.0],
            vec![1.0, 1.0],
            vec![1.0, 1.0],
        ))];
        let mut g = |x: &[f64], o: &mut [f64]| {
            o[0] = 2.0 * x[0];
            o[1] = 2.0 * x[1];
        };
        let r = minimize_trust_constr(
            sq,
            Some(&mut g),
            TrustConstrHess::Bfgs,
            &[0.0, 0.0],
            &mut c,
            &TrustConstrOptions::default(),
            None,
        )
        .unwrap();
        assert!(r.success, "{r:?}");
        assert!((r.x[0] - 0.5).abs() < 1e-8 && (r.x[1] - 0.5).abs() < 1e-8);
        assert_eq!((r.nit, r.nfev), (2, 2)); // as SciPy
    }

    #[test]
    fn factorization_methods_agree() {
        // SciPy's tutorial problem (bounds + linear + nonlinear): SciPy
        // 1.17.1 gives fun 0.34271757564223054 with nit 12, nfev 8
        let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&crate::optimize::rosen_hess(x));
        for fm in [
            FactorizationMethod::QRFactorization,
            FactorizationMethod::SVDFactorization,
            FactorizationMethod::AugmentedSystem,
        ] {
            let mut g = rosen_der;
            let mut cons = [
                Constraint::Linear(LinearConstraint::new(
                    vec![1.0, 2.0, 2.0, 1.0],
                    vec![f64::NEG_INFINITY, 1.0],
                    vec![1.0, 1.0],
                )),
                Constraint::Nonlinear(
                    NonlinearConstraint::new(
                        |x: &[f64], o: &mut [f64]| {
                            o[0] = x[0] * x[0] + x[1];
                            o[1] = x[0] * x[0] - x[1];
                        },
                        vec![f64::NEG_INFINITY; 2],
                        vec![1.0; 2],
                    )
                    .with_jac(|x: &[f64], j: &mut [f64]| {
                        j.copy_from_slice(&[2.0 * x[0], 1.0, 2.0 * x[0], -1.0])
                    }),
                ),
            ];
            let o = TrustConstrOptions {
                bounds: Some(Bounds::new(vec![0.0, -0.5], vec![1.0, 2.0])),
                factorization_method: fm,
                ..Default::default()
            };
            let r = minimize_trust_constr(
                rosen,
                Some(&mut g),
                TrustConstrHess::Full(&mut h),
                &[0.5, 0.0],
                &mut cons,
                &o,
                None,
            )
            .unwrap();
            // rounding-level differences of the projections only
            assert!((r.fun - 0.34271757564223054).abs() < 1e-12, "{fm:?}: {r:?}");
            assert_eq!((r.nit, r.nfev, r.status), (12, 8, 1), "{fm:?}");
            assert_eq!(r.method, "tr_interior_point");
            assert_eq!(r.v.len(), 3);
        }
    }

    #[test]
    fn maxiter_and_sr1() {
        let mut g = rosen_der;
        let o = TrustConstrOptions {
            maxiter: 5,
            ..Default::default()
        };
        let r = minimize_trust_constr(
            rosen,
            Some(&mut g),
            TrustConstrHess::Sr1,
            &[-1.2, 1.0],
            &mut [],
            &o,
            None,
        )
        .unwrap();
        assert_eq!((r.status, r.nit, r.success), (0, 5, false));
        assert_eq!(
            r.message,
            "The maximum number of function evaluations is exceeded."
        );
        assert!(r.barrier_parameter.is_nan());
    }
}
