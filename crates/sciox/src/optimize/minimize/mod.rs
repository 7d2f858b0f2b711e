//! `scipy.optimize.minimize` (Nelder-Mead, Powell, CG, BFGS, L-BFGS-B,
//! Newton-CG, SLSQP, COBYLA, the trust-region methods and trust-constr)
//! with SciPy's
//! defaults, line searches, finite-difference rules and messages.

mod bfgs;
mod cg;
mod cobyla;
mod constraints;
pub(crate) mod finite_diff;
mod function;
mod lbfgsb;
mod line_search;
mod nelder_mead;
mod newton_cg;
mod powell;
mod slsqp;
mod testfuncs;
mod trust;
mod trust_constr;

pub use constraints::{
    ConCsFn, ConFn, ConHessFn, ConJacFn, Constraint, ConstraintType, LinearConstraint, NonlinearConstraint,
};
pub use finite_diff::{
    EPSILON, FiniteDiff, approx_derivative, approx_derivative_cs, approx_derivative_vec, approx_fprime,
    check_grad,
};
pub use function::{ComplexFn, GradFn};
pub use newton_cg::{Hess, HessFn, HessProdFn};
pub use testfuncs::{rosen, rosen_der, rosen_hess, rosen_hess_prod};
pub use trust_constr::{
    FactorizationMethod, TrustConstrHess, TrustConstrOptions, TrustConstrResult, minimize_trust_constr,
};

use crate::optimize::OptimizeResult;
use crate::{Error, Result};
use constraints::OldConstraints;
use finite_diff::FdSpec;
use function::{GradSource, ScalarFunction};
pub(crate) use line_search::{PhiDerphi, scalar_search_wolfe1};
use numox::Complex64;

/// A method of [`minimize`] (SciPy's `method=` strings).
///
/// SciPy's default is BFGS (L-BFGS-B with bounds, SLSQP with
/// constraints); [`Method::default`] is BFGS.
///
/// ```
/// use sciox::optimize::Method;
/// assert_eq!(Method::default(), Method::Bfgs);
/// assert_eq!(Method::NelderMead.name(), "Nelder-Mead");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// Downhill simplex (`'Nelder-Mead'`), optionally adaptive, with bounds.
    NelderMead,
    /// Powell's direction-set method (`'Powell'`), with bounds.
    Powell,
    /// Polak-Ribiere nonlinear conjugate gradients (`'CG'`).
    Cg,
    /// Quasi-Newton BFGS (`'BFGS'`).
    #[default]
    Bfgs,
    /// Limited-memory BFGS with bounds (`'L-BFGS-B'`, version 3.0).
    LBfgsB,
    /// Truncated Newton (`'Newton-CG'`): needs a gradient; Hessian
    /// products by finite differences unless given to [`minimize_newton_cg`].
    NewtonCg,
    /// Sequential least-squares programming (`'SLSQP'`): bounds, equality
    /// and inequality constraints ([`minimize_constrained`]).
    Slsqp,
    /// Trust-region Newton with Steihaug's truncated CG (`'trust-ncg'`;
    /// [`minimize_trust`] with `hess` or `hessp`).
    TrustNcg,
    /// Dogleg trust region (`'dogleg'`; [`minimize_trust`] with `hess`).
    Dogleg,
    /// Nearly exact trust-region subproblems (`'trust-exact'`;
    /// [`minimize_trust`] with `hess`).
    TrustExact,
    /// Constrained Optimization BY Linear Approximations (`'COBYLA'`,
    /// PRIMA's version as in SciPy 1.17): derivative-free, with bounds and
    /// constraints ([`minimize_constrained`]).
    Cobyla,
    /// Trust-region constrained algorithm (`'trust-constr'`): bounds,
    /// equality and inequality constraints ([`minimize_constrained`], or
    /// [`minimize_trust_constr`] for `hess`/`hessp` and all its results).
    TrustConstr,
}

impl Method {
    /// SciPy's default choice (`method=None`) for a problem without
    /// constraints: L-BFGS-B when there are bounds, BFGS otherwise.
    ///
    /// ```
    /// use sciox::optimize::Method;
    /// assert_eq!(Method::scipy_default(true), Method::LBfgsB);
    /// assert_eq!(Method::scipy_default(false), Method::Bfgs);
    /// ```
    pub fn scipy_default(has_bounds: bool) -> Method {
        if has_bounds { Method::LBfgsB } else { Method::Bfgs }
    }

    /// SciPy's default choice (`method=None`): SLSQP when there are
    /// constraints, else L-BFGS-B with bounds, else BFGS.
    ///
    /// ```
    /// use sciox::optimize::Method;
    /// assert_eq!(Method::scipy_default_constrained(false, true), Method::Slsqp);
    /// assert_eq!(Method::scipy_default_constrained(true, false), Method::LBfgsB);
    /// assert_eq!(Method::scipy_default_constrained(false, false), Method::Bfgs);
    /// ```
    pub fn scipy_default_constrained(has_bounds: bool, has_constraints: bool) -> Method {
        if has_constraints {
            Method::Slsqp
        } else {
            Method::scipy_default(has_bounds)
        }
    }

    /// SciPy's name of the method.
    ///
    /// ```
    /// use sciox::optimize::Method;
    /// assert_eq!(Method::Bfgs.name(), "BFGS");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Method::NelderMead => "Nelder-Mead",
            Method::Powell => "Powell",
            Method::Cg => "CG",
            Method::Bfgs => "BFGS",
            Method::NewtonCg => "Newton-CG",
            Method::LBfgsB => "L-BFGS-B",
            Method::Slsqp => "SLSQP",
            Method::TrustNcg => "trust-ncg",
            Method::Dogleg => "dogleg",
            Method::TrustExact => "trust-exact",
            Method::Cobyla => "COBYLA",
            Method::TrustConstr => "trust-constr",
        }
    }
}

/// Box bounds `lb <= x <= ub` (SciPy's `Bounds`); infinite entries mean
/// no bound. Used by Nelder-Mead, Powell, L-BFGS-B, SLSQP, COBYLA,
/// trust-constr and the global optimizers.
///
/// ```
/// use sciox::optimize::Bounds;
/// let b = Bounds::new(vec![0.0, f64::NEG_INFINITY], vec![1.0, 2.0]);
/// assert_eq!(b.lb.len(), 2);
/// assert!(!b.keeps_feasible(0));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Bounds {
    /// Lower bounds.
    pub lb: Vec<f64>,
    /// Upper bounds.
    pub ub: Vec<f64>,
    /// SciPy's `keep_feasible`, broadcast like SciPy's: empty means `false`
    /// for every variable, one entry applies to all, otherwise one per
    /// variable. Only trust-constr honours it (its iterates then stay
    /// strictly inside those bounds); the other methods ignore it, as
    /// SciPy's do.
    pub keep_feasible: Vec<bool>,
}

impl Bounds {
    /// Bounds from lower and upper vectors.
    ///
    /// ```
    /// use sciox::optimize::Bounds;
    /// assert_eq!(Bounds::new(vec![0.0], vec![1.0]).ub, vec![1.0]);
    /// ```
    pub fn new(lb: Vec<f64>, ub: Vec<f64>) -> Self {
        Bounds {
            lb,
            ub,
            keep_feasible: Vec::new(),
        }
    }

    /// Sets `keep_feasible` for every variable (SciPy's
    /// `Bounds(lb, ub, keep_feasible=flag)`).
    ///
    /// ```
    /// use sciox::optimize::Bounds;
    /// let b = Bounds::new(vec![0.0; 2], vec![1.0; 2]).with_keep_feasible(true);
    /// assert!(b.keeps_feasible(0) && b.keeps_feasible(1));
    /// ```
    pub fn with_keep_feasible(mut self, flag: bool) -> Self {
        self.keep_feasible = vec![flag];
        self
    }

    /// Sets `keep_feasible` per variable (one flag each, or one for all).
    ///
    /// ```
    /// use sciox::optimize::Bounds;
    /// let b = Bounds::new(vec![0.0; 2], vec![1.0; 2]).with_keep_feasible_each(vec![true, false]);
    /// assert!(b.keeps_feasible(0) && !b.keeps_feasible(1));
    /// ```
    pub fn with_keep_feasible_each(mut self, flags: Vec<bool>) -> Self {
        self.keep_feasible = flags;
        self
    }

    /// `keep_feasible` of variable `i` after broadcasting (`false` when
    /// unset).
    ///
    /// ```
    /// use sciox::optimize::Bounds;
    /// assert!(Bounds::new(vec![0.0], vec![1.0]).with_keep_feasible(true).keeps_feasible(0));
    /// ```
    pub fn keeps_feasible(&self, i: usize) -> bool {
        match self.keep_feasible.len() {
            0 => false,
            1 => self.keep_feasible[0],
            _ => self.keep_feasible.get(i).copied().unwrap_or(false),
        }
    }
}

/// Options of [`minimize`]: SciPy's `tol`, `bounds`, `jac` (as a
/// finite-difference choice) and the per-method `options` dict. `None`
/// takes the method's SciPy default.
///
/// | option | methods | SciPy default |
/// |---|---|---|
/// | `maxiter` | all | 200·n (NM, BFGS, CG), 1000·n (Powell) |
/// | `maxfev` | NM, Powell | 200·n, 1000·n |
/// | `gtol`, `norm` | BFGS, CG | 1e-5, ∞ |
/// | `c1`, `c2` | BFGS, CG | 1e-4, 0.9 (BFGS) / 0.4 (CG) |
/// | `xrtol` | BFGS | 0 |
/// | `eps`, `finite_diff`, `finite_diff_rel_step` | BFGS, CG | `sqrt(eps)` absolute step |
/// | `xatol`, `fatol`, `adaptive`, `initial_simplex` | NM | 1e-4, 1e-4, false |
/// | `xtol`, `ftol`, `direc` | Powell | 1e-4, 1e-4, identity |
/// | `xtol`, `eps`, `c1`, `c2` | Newton-CG | 1e-5, `sqrt(eps)`, 1e-4, 0.9 |
/// | `ftol`, `gtol`, `maxiter`, `maxfev`, `maxcor`, `maxls`, `eps` | L-BFGS-B | 2.22e-9, 1e-5, 15000, 15000, 10, 20, 1e-8 |
/// | `ftol`, `maxiter`, `eps` | SLSQP | 1e-6, 100, `sqrt(eps)` |
/// | `gtol`, `maxiter`, `initial_trust_radius`, `max_trust_radius`, `eta`, `subproblem_maxiter` | trust-ncg, dogleg, trust-exact | 1e-4, 200·n, 1, 1000, 0.15, 25 |
/// | `rhobeg`, `tol` (`rhoend`), `maxiter` (max. evaluations), `catol`, `f_target` | COBYLA | 1, 1e-4, 1000, `sqrt(eps)`, -inf |
///
/// ```
/// use sciox::optimize::MinimizeOptions;
/// let o = MinimizeOptions { gtol: Some(1e-8), ..Default::default() };
/// assert_eq!(o.norm, f64::INFINITY);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MinimizeOptions {
    /// SciPy's `tol`: sets the method's tolerances that are not set.
    pub tol: Option<f64>,
    /// Box bounds (Nelder-Mead, Powell, L-BFGS-B).
    pub bounds: Option<Bounds>,
    /// Maximum number of iterations.
    pub maxiter: Option<usize>,
    /// Maximum number of function evaluations (Nelder-Mead, Powell; `maxfun` of L-BFGS-B).
    pub maxfev: Option<usize>,
    /// Gradient-norm tolerance (BFGS, CG; projected gradient of L-BFGS-B).
    pub gtol: Option<f64>,
    /// Order of the gradient norm (`f64::INFINITY`: max-abs).
    pub norm: f64,
    /// Armijo parameter of the line search.
    pub c1: Option<f64>,
    /// Curvature parameter of the line search.
    pub c2: Option<f64>,
    /// Relative step tolerance of BFGS.
    pub xrtol: f64,
    /// Absolute finite-difference step when no gradient is given
    /// (`sqrt(eps)`, L-BFGS-B 1e-8).
    pub eps: Option<f64>,
    /// How to estimate the gradient when none is given.
    pub finite_diff: FiniteDiff,
    /// Relative step of `'2-point'`/`'3-point'`.
    pub finite_diff_rel_step: Option<f64>,
    /// Absolute x tolerance of Nelder-Mead.
    pub xatol: Option<f64>,
    /// Absolute f tolerance of Nelder-Mead.
    pub fatol: Option<f64>,
    /// Nelder-Mead with dimension-dependent parameters (Gao and Han).
    pub adaptive: bool,
    /// Starting simplex of Nelder-Mead, (n+1)×n row-major.
    pub initial_simplex: Option<Vec<f64>>,
    /// Line-search x tolerance of Powell.
    pub xtol: Option<f64>,
    /// Relative f tolerance of Powell and L-BFGS-B.
    pub ftol: Option<f64>,
    /// Starting direction set of Powell, n×n row-major.
    pub direc: Option<Vec<f64>>,
    /// Number of correction pairs kept by L-BFGS-B (SciPy's `maxcor`).
    pub maxcor: usize,
    /// Maximum line-search steps per iteration of L-BFGS-B.
    pub maxls: usize,
    /// Initial trust radius of the trust-region methods (1.0).
    pub initial_trust_radius: Option<f64>,
    /// Largest trust radius (1000.0).
    pub max_trust_radius: Option<f64>,
    /// Acceptance threshold of a trust-region step (0.15; `0 <= eta < 0.25`).
    pub eta: Option<f64>,
    /// Iterations per trust-exact subproblem (25).
    pub subproblem_maxiter: Option<usize>,
    /// Initial trust-region radius of COBYLA (1.0).
    pub rhobeg: Option<f64>,
    /// Absolute tolerance on the constraint violation of COBYLA
    /// (`sqrt(eps)`): a result violating the constraints by more is not a
    /// success.
    pub catol: Option<f64>,
    /// COBYLA stops when a feasible point with `f <= f_target` is found
    /// (-inf).
    pub f_target: Option<f64>,
}

impl Default for MinimizeOptions {
    fn default() -> Self {
        MinimizeOptions {
            tol: None,
            bounds: None,
            maxiter: None,
            maxfev: None,
            gtol: None,
            norm: f64::INFINITY,
            c1: None,
            c2: None,
            xrtol: 0.0,
            eps: None,
            finite_diff: FiniteDiff::Default,
            finite_diff_rel_step: None,
            xatol: None,
            fatol: None,
            adaptive: false,
            initial_simplex: None,
            xtol: None,
            ftol: None,
            direc: None,
            maxcor: 10,
            maxls: 20,
            initial_trust_radius: None,
            max_trust_radius: None,
            eta: None,
            subproblem_maxiter: None,
            rhobeg: None,
            catol: None,
            f_target: None,
        }
    }
}

/// A callback of [`minimize_full`]: called after each iteration with the
/// current `x` and `f(x)`; returning `true` stops the run (SciPy's
/// `StopIteration`), which then ends with `status == 99`.
pub type Callback<'a> = Option<&'a mut dyn FnMut(&[f64], f64) -> bool>;

/// SciPy's `vecnorm`: max-abs for `ord = inf`, else the `ord`-norm.
pub(crate) fn vecnorm(x: &[f64], ord: f64) -> f64 {
    if ord == f64::INFINITY {
        let mut m = f64::NEG_INFINITY;
        for v in x {
            let a = v.abs();
            if a.is_nan() {
                return f64::NAN;
            }
            if a > m {
                m = a;
            }
        }
        m
    } else if ord == f64::NEG_INFINITY {
        let mut m = f64::INFINITY;
        for v in x {
            let a = v.abs();
            if a.is_nan() {
                return f64::NAN;
            }
            if a < m {
                m = a;
            }
        }
        m
    } else if ord == 2.0 {
        x.iter().map(|v| v * v).sum::<f64>().sqrt()
    } else {
        x.iter().map(|v| v.abs().powf(ord)).sum::<f64>().powf(1.0 / ord)
    }
}

/// SciPy's ending of BFGS and CG: `(status, message)`.
pub(crate) fn finish_message(warnflag: i32, maxiter_hit: bool, nan: bool) -> (i32, &'static str) {
    if warnflag == 2 {
        (2, "Desired error not necessarily achieved due to precision loss.")
    } else if maxiter_hit {
        (1, "Maximum number of iterations has been exceeded.")
    } else if nan {
        (3, "NaN result encountered.")
    } else {
        (0, "Optimization terminated successfully.")
    }
}

/// What `minimize` does after a callback stopped the run.
pub(crate) fn stopped(r: &mut OptimizeResult) {
    r.success = false;
    r.status = 99;
    r.message = "`callback` raised `StopIteration`.".to_string();
}

/// Minimises `fun` from `x0` with `method` (SciPy's `minimize(fun, x0,
/// method=..., tol=..., bounds=..., options=...)` with `jac=None`: the
/// gradient methods use finite differences, counted in `nfev` as SciPy
/// counts them).
///
/// Errors: an empty `x0`, NaN in `x0`, bounds of the wrong length or with
/// `lb > ub` ("An upper bound is less than the corresponding lower
/// bound."), bounds with a method that cannot use them, a malformed
/// `initial_simplex` or `direc`. Not converging is `success == false`
/// with SciPy's status and message.
///
/// ```
/// use sciox::optimize::{minimize, rosen, Method, MinimizeOptions};
/// let few = MinimizeOptions { maxfev: Some(50), ..Default::default() };
/// let r = minimize(rosen, &[1.3, 0.7, 0.8, 1.9, 1.2], Method::NelderMead, &few).unwrap();
/// assert_eq!((r.success, r.status, r.nfev), (false, 1, 50));
/// assert_eq!(r.message, "Maximum number of function evaluations has been exceeded.");
/// let r = minimize(rosen, &[1.3, 0.7], Method::Bfgs, &MinimizeOptions::default()).unwrap();
/// assert!(r.success && r.fun < 1e-10);
/// ```
pub fn minimize<F: FnMut(&[f64]) -> f64>(
    fun: F,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
) -> Result<OptimizeResult> {
    minimize_full(fun, None, x0, method, opts, None)
}

/// [`minimize`] with the gradient `grad(x, out)` (SciPy's `jac=callable`).
///
/// ```
/// use sciox::optimize::{minimize_with_grad, rosen, rosen_der, Method, MinimizeOptions};
/// let r = minimize_with_grad(rosen, rosen_der, &[1.3, 0.7, 0.8, 1.9, 1.2], Method::Bfgs, &MinimizeOptions::default()).unwrap();
/// assert!(r.success);
/// assert!(r.x.iter().all(|v| (v - 1.0).abs() < 1e-4));
/// ```
pub fn minimize_with_grad<F, G>(
    fun: F,
    mut grad: G,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    G: FnMut(&[f64], &mut [f64]),
{
    minimize_full(fun, Some(&mut grad), x0, method, opts, None)
}

/// [`minimize`] with everything: an optional gradient and an optional
/// callback that can stop the run (SciPy's `callback` raising
/// `StopIteration`; the result then has `status == 99`).
///
/// ```
/// use sciox::optimize::{minimize_full, rosen, Method, MinimizeOptions};
/// let mut seen = 0;
/// let mut cb = |_x: &[f64], _f: f64| { seen += 1; seen == 3 };
/// let r = minimize_full(rosen, None, &[1.3, 0.7], Method::Bfgs, &MinimizeOptions::default(), Some(&mut cb)).unwrap();
/// assert_eq!((r.nit, r.status), (3, 99));
/// assert_eq!(r.message, "`callback` raised `StopIteration`.");
/// ```
pub fn minimize_full<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: Option<GradFn<'_>>,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult> {
    minimize_impl(fun, grad.into(), x0, method, opts, callback)
}

/// [`minimize`] with complex-step derivatives (SciPy's `jac='cs'`):
/// `fun` gives the objective's values and `fun_complex`, the same
/// function evaluated in complex arithmetic, its gradient,
/// `g_i = Im f(x + i h e_i) / h` with `h = sqrt(eps) max(1, |x_i|)`
/// (`finite_diff_rel_step` as in SciPy). Exact to rounding for analytic
/// objectives. `nfev` counts both kinds of evaluation, as SciPy's.
/// Methods BFGS, CG, L-BFGS-B, SLSQP (bounds; variables fixed by equal
/// bounds are removed as SciPy does) and trust-constr (bounds, BFGS
/// Hessian): the ones SciPy's `minimize` estimates `jac='cs'` for;
/// Nelder-Mead, Powell and COBYLA need no gradient; Newton-CG gives SciPy's
/// "Jacobian is required for Newton-CG method" (SciPy drops `'cs'` for it)
/// and the trust-region methods need a Hessian ([`minimize_trust`]).
///
/// ```
/// use sciox::optimize::{minimize_cs, Method, MinimizeOptions};
/// use numox::Complex64;
/// // Rosenbrock, written once for both number types
/// fn rosen<T: Copy + std::ops::Sub<Output = T> + std::ops::Mul<Output = T> + std::ops::Add<Output = T> + From<f64>>(x: &[T]) -> T {
///     let (a, b) = (T::from(1.0) - x[0], x[1] - x[0] * x[0]);
///     a * a + T::from(100.0) * b * b
/// }
/// let r = minimize_cs(rosen::<f64>, |x: &[Complex64]| rosen(x), &[-1.2, 1.0], Method::Bfgs,
///                     &MinimizeOptions::default(), None).unwrap();
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-5);
/// ```
pub fn minimize_cs<F, C>(
    fun: F,
    mut fun_complex: C,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    C: FnMut(&[Complex64]) -> Complex64,
{
    minimize_impl(
        fun,
        GradSource::ComplexStep(&mut fun_complex),
        x0,
        method,
        opts,
        callback,
    )
}

fn minimize_impl<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: GradSource<'_>,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
    mut callback: Callback<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    // COBYLA (PRIMA) takes NaN in x0, as SciPy's does
    if method != Method::Cobyla && x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("'x0' contains NaN."));
    }
    let mut o = opts.clone();
    if let Some(t) = opts.tol {
        match method {
            Method::NelderMead => {
                o.xatol.get_or_insert(t);
                o.fatol.get_or_insert(t);
            }
            Method::Powell => {
                o.xtol.get_or_insert(t);
                o.ftol.get_or_insert(t);
            }
            Method::Bfgs | Method::Cg => {
                o.gtol.get_or_insert(t);
            }
            Method::NewtonCg => {
                o.xtol.get_or_insert(t);
            }
            Method::LBfgsB => {
                o.ftol.get_or_insert(t);
                o.gtol.get_or_insert(t);
            }
            Method::Slsqp => {
                o.ftol.get_or_insert(t);
            }
            Method::TrustNcg | Method::Dogleg | Method::TrustExact => {
                o.gtol.get_or_insert(t);
            }
            // COBYLA reads `tol` itself (its `rhoend`), trust-constr in
            // `TrustConstrOptions::from_minimize`
            Method::Cobyla | Method::TrustConstr => {}
        }
    }
    if let Some(b) = &opts.bounds {
        if b.lb.len() != b.ub.len() {
            return Err(Error::invalid(
                "The number of bounds is not compatible with the length of `x0`.",
            ));
        }
        if b.lb.iter().zip(&b.ub).any(|(l, u)| u < l) {
            return Err(Error::invalid(
                "An upper bound is less than the corresponding lower bound.",
            ));
        }
        if b.lb.len() != n {
            return Err(Error::invalid(
                "The number of bounds is not compatible with the length of `x0`.",
            ));
        }
        if matches!(
            method,
            Method::Bfgs
                | Method::Cg
                | Method::NewtonCg
                | Method::TrustNcg
                | Method::Dogleg
                | Method::TrustExact
        ) {
            return Err(Error::invalid(format!(
                "Method {} cannot handle bounds.",
                method.name()
            )));
        }
    }
    if let Some(s) = &opts.initial_simplex
        && s.len() != (n + 1) * n
    {
        return Err(Error::invalid(
            "`initial_simplex` should be an array of shape (N+1,N)",
        ));
    }
    if let Some(d) = &opts.direc
        && d.len() != n * n
    {
        return Err(Error::invalid("`direc` should be an array of shape (N,N)"));
    }
    // SciPy's `minimize` answers at once for L-BFGS-B when every variable is
    // fixed by equal bounds, and removes the fixed ones when it
    // differentiates numerically (a finite difference cannot step a fixed
    // variable); with a gradient closure L-BFGS-B keeps them.
    if method == Method::LBfgsB
        && let Some(b) = &opts.bounds
    {
        let fixed: Vec<bool> = b.lb.iter().zip(&b.ub).map(|(l, u)| l == u).collect();
        if fixed.iter().all(|&f| f) {
            return Ok(all_fixed_by_bounds(fun, &b.lb));
        }
        if grad.is_estimated() && fixed.iter().any(|&f| f) {
            return lbfgsb_without_fixed(fun, grad, x0, b, &fixed, &o, callback);
        }
    }
    let bounds = opts.bounds.as_ref().map(|b| (b.lb.as_slice(), b.ub.as_slice()));
    Ok(match method {
        Method::NelderMead => nelder_mead::nelder_mead(fun, x0, bounds, &o, &mut callback),
        Method::Powell => powell::powell(fun, x0, bounds, &o, &mut callback),
        Method::Bfgs | Method::Cg => {
            let fd = FdSpec {
                mode: o.finite_diff,
                abs_step: o.eps.unwrap_or(EPSILON),
                rel_step: o.finite_diff_rel_step,
                abs_explicit: None,
            };
            let mut sf = ScalarFunction::new(fun, grad, fd, None, x0);
            if method == Method::Bfgs {
                bfgs::bfgs(&mut sf, x0, &o, &mut callback)
            } else {
                cg::cg(&mut sf, x0, &o, &mut callback)
            }
        }
        Method::LBfgsB => {
            if o.maxls == 0 {
                return Err(Error::invalid("maxls must be positive."));
            }
            if o.maxcor == 0 {
                return Err(Error::invalid("maxcor must be positive."));
            }
            let fd = FdSpec {
                mode: o.finite_diff,
                abs_step: o.eps.unwrap_or(1e-8),
                rel_step: o.finite_diff_rel_step,
                abs_explicit: None,
            };
            let mut xc = x0.to_vec();
            if let Some((lb, ub)) = bounds {
                for i in 0..n {
                    xc[i] = xc[i].max(lb[i]).min(ub[i]);
                }
            }
            let owned = bounds.map(|(l, u)| (l.to_vec(), u.to_vec()));
            let mut sf = ScalarFunction::new(fun, grad, fd, owned, &xc);
            lbfgsb::lbfgsb(&mut sf, &xc, bounds, &o, &mut callback)
        }
        Method::Slsqp => slsqp_run(fun, grad, x0, &mut [], &o, &mut callback)?,
        Method::Cobyla => cobyla::minimize_cobyla(fun, x0, &mut [], &o, &mut callback)?,
        Method::TrustConstr => trust_constr::run_from_minimize(fun, grad, x0, &mut [], opts, callback)?,
        Method::TrustNcg | Method::Dogleg | Method::TrustExact => {
            return Err(Error::invalid(format!(
                "Method {} needs the gradient and the Hessian: use `minimize_trust`.",
                method.name()
            )));
        }
        Method::NewtonCg => {
            // SciPy's `minimize` passes only a callable `jac` on to Newton-CG
            // ('cs' becomes None there), so complex steps give its error too
            if grad.is_estimated() {
                return Err(Error::invalid("Jacobian is required for Newton-CG method"));
            }
            let fd = FdSpec {
                mode: o.finite_diff,
                abs_step: o.eps.unwrap_or(EPSILON),
                rel_step: o.finite_diff_rel_step,
                abs_explicit: None,
            };
            let mut sf = ScalarFunction::new(fun, grad, fd, None, x0);
            newton_cg::newton_cg(&mut sf, Hess::FiniteDiff, x0, &o, &mut callback)
        }
    })
}

/// SciPy's `_optimize_result_for_equal_bounds` (no constraints): `x = lb`,
/// one evaluation, success.
fn all_fixed_by_bounds<F: FnMut(&[f64]) -> f64>(mut fun: F, lb: &[f64]) -> OptimizeResult {
    let mut r = OptimizeResult::empty(lb.len());
    r.x = lb.to_vec();
    r.fun = fun(lb);
    r.nfev = 1;
    r.success = true;
    r.message = "All independent variables were fixed by bounds.".into();
    r
}

/// L-BFGS-B on the variables not fixed by `fixed` (SciPy's
/// `_remove_from_func`): the objective and the callback see the full point,
/// and the result's `jac` is NaN at the fixed variables, as SciPy's.
fn lbfgsb_without_fixed<F: FnMut(&[f64]) -> f64>(
    mut fun: F,
    grad: GradSource<'_>,
    x0: &[f64],
    bounds: &Bounds,
    fixed: &[bool],
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let free: Vec<usize> = (0..n).filter(|&j| !fixed[j]).collect();
    let sub = |v: &[f64]| free.iter().map(|&j| v[j]).collect::<Vec<f64>>();
    let expand = |xf: &[f64], full: &mut [f64]| {
        for (&j, &v) in free.iter().zip(xf) {
            full[j] = v;
        }
    };
    let o = MinimizeOptions {
        bounds: Some(Bounds::new(sub(&bounds.lb), sub(&bounds.ub))),
        ..opts.clone()
    };
    let mut full_f = bounds.lb.clone();
    let mut f_free = |xf: &[f64]| {
        expand(xf, &mut full_f);
        fun(&full_f)
    };
    // a trait object, so that this call does not instantiate
    // `minimize_full` for a new closure type on every level
    let f_free: &mut dyn FnMut(&[f64]) -> f64 = &mut f_free;
    let mut full_c = bounds.lb.clone();
    let mut wrapped;
    let cb: Callback<'_> = match callback {
        Some(c) => {
            wrapped = |xf: &[f64], f: f64| {
                expand(xf, &mut full_c);
                c(&full_c, f)
            };
            Some(&mut wrapped)
        }
        None => None,
    };
    let mut full_z: Vec<Complex64> = bounds.lb.iter().map(|&v| Complex64::new(v, 0.0)).collect();
    let mut c_free;
    let free_c = free.clone();
    let grad_free = match grad {
        GradSource::ComplexStep(cf) => {
            c_free = move |xf: &[Complex64]| {
                for (&j, &v) in free_c.iter().zip(xf) {
                    full_z[j] = v;
                }
                cf(&full_z)
            };
            GradSource::ComplexStep(&mut c_free)
        }
        _ => GradSource::FiniteDiff,
    };
    let mut r = minimize_impl(f_free, grad_free, &sub(x0), Method::LBfgsB, &o, cb)?;
    let mut x = bounds.lb.clone();
    expand(&r.x, &mut x);
    let mut jac = vec![f64::NAN; n];
    expand(&r.jac, &mut jac);
    r.x = x;
    r.jac = jac;
    Ok(r)
}

/// Newton-CG with the Hessian or Hessian-vector products (SciPy's
/// `minimize(fun, x0, method='Newton-CG', jac=grad, hess=..., hessp=...)`;
/// options `xtol` (default 1e-5), `maxiter` (200·n), `eps`, `c1`, `c2`).
///
/// `nhev` counts Hessian (or product) evaluations as SciPy does.
///
/// ```
/// use sciox::optimize::{minimize_newton_cg, rosen, rosen_der, rosen_hess_prod, Hess, MinimizeOptions};
/// let mut hp = |x: &[f64], p: &[f64], out: &mut [f64]| rosen_hess_prod(x, p, out);
/// let r = minimize_newton_cg(rosen, rosen_der, Hess::Prod(&mut hp), &[1.3, 0.7, 0.8, 1.9, 1.2], &MinimizeOptions::default(), None).unwrap();
/// assert!(r.success && r.fun < 1e-7); // SciPy: 1.8596654719811034e-08
/// assert_eq!(r.nhev, 51); // as SciPy
/// ```
pub fn minimize_newton_cg<F, G>(
    fun: F,
    mut grad: G,
    hess: Hess<'_>,
    x0: &[f64],
    opts: &MinimizeOptions,
    mut callback: Callback<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    G: FnMut(&[f64], &mut [f64]),
{
    if x0.is_empty() {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("'x0' contains NaN."));
    }
    if opts.bounds.is_some() {
        return Err(Error::invalid("Method Newton-CG cannot handle bounds."));
    }
    let mut o = opts.clone();
    if let Some(t) = opts.tol {
        o.xtol.get_or_insert(t);
    }
    let fd = FdSpec {
        mode: o.finite_diff,
        abs_step: o.eps.unwrap_or(EPSILON),
        rel_step: o.finite_diff_rel_step,
        abs_explicit: None,
    };
    let mut sf = ScalarFunction::new(fun, GradSource::Closure(&mut grad), fd, None, x0);
    Ok(newton_cg::newton_cg(&mut sf, hess, x0, &o, &mut callback))
}

/// Minimises `fun` subject to `constraints` (and `opts.bounds`), SciPy's
/// `minimize(fun, x0, jac=grad, method=method, bounds=..., constraints=...)`.
/// SLSQP (SciPy's default method when there are constraints, see
/// [`Method::scipy_default_constrained`]), COBYLA and trust-constr (with
/// SciPy's BFGS Hessian and [`TrustConstrOptions::from_minimize`]; its
/// full results and `hess`/`hessp` through [`minimize_trust_constr`]) take
/// constraints; other methods run unconstrained as in [`minimize_full`]
/// and are an error if `constraints` is not empty.
///
/// SLSQP options: `ftol` (1e-6; `tol` sets it), `maxiter` (100), `eps`
/// (`sqrt(eps)`, the absolute forward-difference step for the gradient and
/// for constraint Jacobians not given), `finite_diff` (`TwoPoint` for
/// relative steps; `ThreePoint` only for the objective), `finite_diff_rel_step`.
/// The result has SciPy's `status` (exit mode 0..9) and `message`, and the
/// QP multipliers in `multipliers`. Variables fixed by equal bounds are
/// removed first when finite differences are needed, as SciPy does (`jac`
/// is NaN there); when all are fixed the result is `x = lb` with SciPy's
/// message, `success` telling whether the constraints hold (`status` 0,
/// or 4 when they do not).
///
/// Errors: as [`minimize_full`], and constraints with `lb`/`ub` of
/// different lengths or `lb > ub`, a `LinearConstraint` whose `A` is not
/// `m×n`, '3-point' differences of a constraint without Jacobian.
///
/// ```
/// use sciox::optimize::{minimize_constrained, Bounds, Constraint, ConstraintType, Method, MinimizeOptions};
/// // SciPy tutorial: min (x0-1)^2 + (x1-2.5)^2 with three linear inequalities
/// let f = |x: &[f64]| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
/// let mut cons = [
///     Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| o[0] = x[0] - 2.0 * x[1] + 2.0),
///     Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| o[0] = -x[0] - 2.0 * x[1] + 6.0),
///     Constraint::dict(ConstraintType::Ineq, 1, |x: &[f64], o: &mut [f64]| o[0] = -x[0] + 2.0 * x[1] + 2.0),
/// ];
/// let o = MinimizeOptions { bounds: Some(Bounds::new(vec![0.0, 0.0], vec![f64::INFINITY; 2])), ..Default::default() };
/// let r = minimize_constrained(f, None, &[2.0, 0.0], Method::Slsqp, &mut cons, &o, None).unwrap();
/// assert!(r.success);
/// assert!((r.x[0] - 1.4).abs() < 1e-6 && (r.x[1] - 1.7).abs() < 1e-6);
/// ```
pub fn minimize_constrained<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: Option<GradFn<'_>>,
    x0: &[f64],
    method: Method,
    constraints: &mut [Constraint<'_>],
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult> {
    constrained_impl(fun, grad.into(), x0, method, constraints, opts, callback)
}

/// [`minimize_constrained`] with complex-step derivatives (SciPy's
/// `minimize(fun, x0, jac='cs', method=..., bounds=..., constraints=...)`):
/// the objective's gradient from its complex form `fun_complex` as in
/// [`minimize_cs`], and the constraints differentiated as SciPy does then:
///
/// - SLSQP: a constraint without a Jacobian closure (a dictionary, or a
///   [`NonlinearConstraint`] without `jac`) by complex steps of its complex
///   form ([`Constraint::dict_cs`], [`NonlinearConstraint::with_cs`]), with
///   the objective's step (`finite_diff_rel_step`), bounds not consulted;
///   variables fixed by equal bounds are removed from the constraints too.
///   (SciPy 1.17 drops the imaginary parts of the inequality rows of a
///   new-style constraint, a ComplexWarning and zero Jacobian rows; sciox
///   takes the rows of the same constraint written as a dictionary.)
/// - trust-constr: a [`NonlinearConstraint`] by complex steps when it has a
///   complex form (its own `jac='cs'`, the objective's gradient does not
///   matter), else '2-point' differences; a dictionary by '2-point'
///   differences, as SciPy turns it into a `NonlinearConstraint` with
///   `jac='2-point'`.
/// - COBYLA uses no derivatives; other methods take no constraints.
///
/// Errors: as [`minimize_constrained`] and [`minimize_cs`], and with SLSQP a
/// constraint with neither a Jacobian nor a complex form.
///
/// ```
/// use sciox::optimize::{minimize_cs_constrained, Constraint, ConstraintType, Method, MinimizeOptions};
/// use numox::Complex64;
/// // min (x0 - 2)^2 + (x1 - 1)^2 on the unit disc: x = (2, 1) / sqrt(5)
/// let f = |x: &[f64]| (x[0] - 2.0).powi(2) + (x[1] - 1.0).powi(2);
/// let fc = |x: &[Complex64]| (x[0] - 2.0) * (x[0] - 2.0) + (x[1] - 1.0) * (x[1] - 1.0);
/// let mut cons = [Constraint::dict_cs(ConstraintType::Ineq, 1,
///     |x: &[f64], o: &mut [f64]| o[0] = 1.0 - x[0] * x[0] - x[1] * x[1],
///     |x: &[Complex64], o: &mut [Complex64]| o[0] = 1.0 - x[0] * x[0] - x[1] * x[1])];
/// let r = minimize_cs_constrained(f, fc, &[0.0, 0.0], Method::Slsqp, &mut cons,
///                                 &MinimizeOptions::default(), None).unwrap();
/// assert!(r.success);
/// assert!((r.x[0] - 2.0 / 5f64.sqrt()).abs() < 1e-6 && (r.x[1] - 1.0 / 5f64.sqrt()).abs() < 1e-6);
/// ```
pub fn minimize_cs_constrained<F, C>(
    fun: F,
    mut fun_complex: C,
    x0: &[f64],
    method: Method,
    constraints: &mut [Constraint<'_>],
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    C: FnMut(&[Complex64]) -> Complex64,
{
    constrained_impl(
        fun,
        GradSource::ComplexStep(&mut fun_complex),
        x0,
        method,
        constraints,
        opts,
        callback,
    )
}

fn constrained_impl<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: GradSource<'_>,
    x0: &[f64],
    method: Method,
    constraints: &mut [Constraint<'_>],
    opts: &MinimizeOptions,
    callback: Callback<'_>,
) -> Result<OptimizeResult> {
    if method == Method::TrustConstr {
        return trust_constr::run_from_minimize(fun, grad, x0, constraints, opts, callback);
    }
    if method == Method::Cobyla {
        let mut callback = callback;
        return cobyla::minimize_cobyla(fun, x0, constraints, opts, &mut callback);
    }
    if method != Method::Slsqp {
        if !constraints.is_empty() {
            return Err(Error::invalid(format!(
                "Method {} cannot handle constraints.",
                method.name()
            )));
        }
        return minimize_impl(fun, grad, x0, method, opts, callback);
    }
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("'x0' contains NaN."));
    }
    let mut o = opts.clone();
    if let Some(t) = opts.tol {
        o.ftol.get_or_insert(t);
    }
    let mut callback = callback;
    slsqp_run(fun, grad, x0, constraints, &o, &mut callback)
}

fn slsqp_run<F: FnMut(&[f64]) -> f64>(
    fun: F,
    grad: GradSource<'_>,
    x0: &[f64],
    constraints: &mut [Constraint<'_>],
    o: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> Result<OptimizeResult> {
    let n = x0.len();
    let (lb, ub) = match &o.bounds {
        Some(b) => {
            if b.lb.len() != n || b.ub.len() != n {
                return Err(Error::invalid(
                    "SLSQP Error: the length of bounds is not compatible with that of x0.",
                ));
            }
            if b.lb.iter().zip(&b.ub).any(|(l, u)| l > u) {
                return Err(Error::invalid("SLSQP Error: lb > ub in bounds."));
            }
            (b.lb.clone(), b.ub.clone())
        }
        None => (vec![f64::NEG_INFINITY; n], vec![f64::INFINITY; n]),
    };
    let nanify = |v: &f64| if v.is_finite() { *v } else { f64::NAN };
    let xl: Vec<f64> = lb.iter().map(nanify).collect();
    let xu: Vec<f64> = ub.iter().map(nanify).collect();
    let x: Vec<f64> = x0
        .iter()
        .zip(lb.iter().zip(&ub))
        .map(|(v, (l, u))| v.max(*l).min(*u))
        .collect();
    let eps = o.eps.unwrap_or(EPSILON);
    let mut cons = OldConstraints::new(
        constraints,
        n,
        o.finite_diff,
        eps,
        o.finite_diff_rel_step,
        lb.clone(),
        ub.clone(),
    )?;
    if matches!(grad, GradSource::ComplexStep(_)) {
        // SciPy's SLSQP differentiates constraints without `jac` with the
        // objective's method, 'cs' included
        cons.use_complex_step()?;
    } else if o.finite_diff == FiniteDiff::ThreePoint && cons.needs_fd() {
        return Err(Error::invalid(
            "'3-point' finite differences of constraints are not supported; give the constraint Jacobian.",
        ));
    }
    let fd = FdSpec {
        mode: o.finite_diff,
        abs_step: eps,
        rel_step: o.finite_diff_rel_step,
        abs_explicit: None,
    };
    let fixed: Vec<bool> = (0..n).map(|i| lb[i] == ub[i]).collect();
    if fixed.iter().all(|&b| b) {
        // SciPy's _optimize_result_for_equal_bounds
        let mut fun = fun;
        let mut r = OptimizeResult::empty(n);
        r.fun = fun(&lb);
        r.nfev = 1;
        let maxcv = cons.max_violation(&lb);
        r.x = lb;
        r.success = maxcv == 0.0;
        r.status = if r.success { 0 } else { 4 };
        r.message = if !r.success {
            format!(
                "All independent variables were fixed by bounds, but the independent variables do not \
                 satisfy the constraints exactly. (Maximum violation: {}).",
                crate::optimize::py_float(maxcv)
            )
        } else if cons.m > 0 {
            "All independent variables were fixed by bounds at values that satisfy the constraints.".into()
        } else {
            "All independent variables were fixed by bounds.".into()
        };
        return Ok(r);
    }
    if fixed.iter().any(|&b| b) && (grad.is_estimated() || cons.needs_fd()) {
        // SciPy removes the fixed variables when finite differences are
        // needed (they could not step inside equal bounds)
        let free: Vec<usize> = (0..n).filter(|&i| !fixed[i]).collect();
        cons.remove_fixed(free.clone(), x.clone());
        let sel = |v: &[f64]| free.iter().map(|&i| v[i]).collect::<Vec<f64>>();
        let (lbr, ubr, xlr, xur, xr) = (sel(&lb), sel(&ub), sel(&xl), sel(&xu), sel(&x));
        let expand = |full: &mut [f64], xr: &[f64]| {
            for (k, &i) in free.iter().enumerate() {
                full[i] = xr[k];
            }
        };
        let mut fun = fun;
        let mut full_f = x.clone();
        let funr = |xr: &[f64]| {
            expand(&mut full_f, xr);
            fun(&full_f)
        };
        let (mut full_g, mut gfull) = (x.clone(), vec![0.0; n]);
        let mut full_z: Vec<Complex64> = x.iter().map(|&v| Complex64::new(v, 0.0)).collect();
        let (mut gwrap, mut cwrap);
        let gr: GradSource<'_> = match grad {
            GradSource::Closure(g) => {
                gwrap = |xr: &[f64], gr: &mut [f64]| {
                    expand(&mut full_g, xr);
                    g(&full_g, &mut gfull);
                    for (k, &i) in free.iter().enumerate() {
                        gr[k] = gfull[i];
                    }
                };
                GradSource::Closure(&mut gwrap)
            }
            GradSource::ComplexStep(cf) => {
                cwrap = |xr: &[Complex64]| {
                    for (k, &i) in free.iter().enumerate() {
                        full_z[i] = xr[k];
                    }
                    cf(&full_z)
                };
                GradSource::ComplexStep(&mut cwrap)
            }
            GradSource::FiniteDiff => GradSource::FiniteDiff,
        };
        let has_cb = callback.is_some();
        let mut full_c = x.clone();
        let mut cbwrap = |xr: &[f64], f: f64| -> bool {
            match callback.as_deref_mut() {
                Some(cb) => {
                    expand(&mut full_c, xr);
                    cb(&full_c, f)
                }
                None => false,
            }
        };
        let mut cbr: Callback<'_> = if has_cb { Some(&mut cbwrap) } else { None };
        let mut sf = ScalarFunction::new(funr, gr, fd, Some((lbr, ubr)), &xr);
        let mut r = slsqp::slsqp(&mut sf, &mut cons, &xr, &xlr, &xur, o, &mut cbr);
        let mut xf = x.clone();
        let mut jf = vec![f64::NAN; n];
        for (k, &i) in free.iter().enumerate() {
            xf[i] = r.x[k];
            jf[i] = r.jac[k];
        }
        r.x = xf;
        r.jac = jf;
        return Ok(r);
    }
    let mut sf = ScalarFunction::new(fun, grad, fd, Some((lb, ub)), &x);
    Ok(slsqp::slsqp(&mut sf, &mut cons, &x, &xl, &xu, o, callback))
}

/// The trust-region methods (SciPy's `minimize(fun, x0, method=...,
/// jac=grad, hess=..., hessp=...)` with `method` one of `'trust-ncg'`,
/// `'dogleg'`, `'trust-exact'`). `trust-ncg` takes [`Hess::Full`] or
/// [`Hess::Prod`], or [`Hess::FiniteDiff`] for SciPy's `hess='2-point'`
/// (`'3-point'` with `opts.finite_diff = FiniteDiff::ThreePoint`; the
/// differenced gradients count in `njev`, and each Hessian is computed
/// once per iterate, so `njev` is not SciPy's there);
/// `dogleg` and `trust-exact` need [`Hess::Full`].
///
/// Options: `gtol` (1e-4, the 2-norm of the gradient; `tol` sets it),
/// `maxiter` (200·n), `initial_trust_radius` (1), `max_trust_radius`
/// (1000), `eta` (0.15), `subproblem_maxiter` (trust-exact, 25). Status
/// 0 success, 1 `maxiter`, 2 "A bad approximation caused failure to
/// predict improvement.", 3 "A linalg error occurred, such as a non-psd
/// Hessian." (dogleg), 99 stopped by the callback. `nhev` counts Hessian
/// and Hessian-vector product evaluations as SciPy does.
///
/// Errors: an empty `x0` or NaN in it, bounds, a method that is not a
/// trust-region method, a missing Hessian ("Hessian is required for
/// dogleg minimization"), `eta` outside `[0, 0.25)`, a non-positive
/// radius or an initial radius not below the maximum.
///
/// ```
/// use sciox::optimize::{minimize_trust, rosen, rosen_der, rosen_hess, Hess, Method, MinimizeOptions};
/// let mut h = |x: &[f64], out: &mut [f64]| out.copy_from_slice(&rosen_hess(x));
/// let r = minimize_trust(rosen, rosen_der, Hess::Full(&mut h), &[-1.2, 1.0], Method::TrustExact,
///                        &MinimizeOptions::default(), None).unwrap();
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-6);
/// ```
pub fn minimize_trust<F, G>(
    fun: F,
    grad: G,
    hess: Hess<'_>,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
    mut callback: Callback<'_>,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    G: FnMut(&[f64], &mut [f64]),
{
    if !matches!(method, Method::TrustNcg | Method::Dogleg | Method::TrustExact) {
        return Err(Error::invalid(format!(
            "Method {} is not a trust-region method.",
            method.name()
        )));
    }
    if x0.is_empty() {
        return Err(Error::invalid("'x0' must not be empty."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("'x0' contains NaN."));
    }
    if opts.bounds.is_some() {
        return Err(Error::invalid(format!(
            "Method {} cannot handle bounds.",
            method.name()
        )));
    }
    match (&hess, method) {
        (Hess::FiniteDiff | Hess::Prod(_), Method::Dogleg) => {
            return Err(Error::invalid("Hessian is required for dogleg minimization"));
        }
        (Hess::FiniteDiff | Hess::Prod(_), Method::TrustExact) => {
            return Err(Error::invalid(
                "Hessian matrix is required for trust region exact minimization.",
            ));
        }
        _ => {}
    }
    let eta = opts.eta.unwrap_or(0.15);
    if !(0.0..0.25).contains(&eta) {
        return Err(Error::invalid("invalid acceptance stringency"));
    }
    let maxr = opts.max_trust_radius.unwrap_or(1000.0);
    if maxr.is_nan() || maxr <= 0.0 {
        return Err(Error::invalid("the max trust radius must be positive"));
    }
    let r0 = opts.initial_trust_radius.unwrap_or(1.0);
    if r0.is_nan() || r0 <= 0.0 {
        return Err(Error::invalid("the initial trust radius must be positive"));
    }
    if r0 >= maxr {
        return Err(Error::invalid(
            "the initial trust radius must be less than the max trust radius",
        ));
    }
    let mut o = opts.clone();
    if let Some(t) = opts.tol {
        o.gtol.get_or_insert(t);
    }
    Ok(trust::trust_region(
        fun,
        grad,
        hess,
        x0,
        method,
        &o,
        &mut callback,
    ))
}
