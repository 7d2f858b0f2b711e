//! The MINPACK-based solvers: nonlinear least squares ([`least_squares`]
//! method `lm`, [`leastsq`], [`curve_fit`]) on a port of MINPACK's
//! Levenberg-Marquardt (`lmdif`/`lmder`), and systems of equations
//! ([`root_hybr`], [`fsolve`]) on Powell's hybrid method (`hybrd`/`hybrj`),
//! both as SciPy's C translation.

mod bvls;
mod common;
mod curve_fit;
mod hybr;
mod lsmr;
mod lsq_linear;
mod minpack;
mod nnls;
mod trf;

pub use common::Loss;
pub(crate) use common::thin_svd;
pub use curve_fit::{CurveFitOptions, CurveFitResult, Sigma, curve_fit, curve_fit_with_jac};
pub(crate) use hybr::hybrj as root_hybr_impl;
pub use hybr::{HybrOptions, RootResult, fsolve, root_hybr, root_hybr_with_jac};
pub use lsq_linear::{
    LsmrTol, LsqLinearMethod, LsqLinearOptions, LsqLinearResult, LsqSolver, lsq_linear, lsq_linear_operator,
};
pub use nnls::nnls;

use crate::optimize::Bounds;
use crate::{Error, Result};
use minpack::{LmJac, LmOut, LmParams, approx_jac_colmajor, lmder};
use numox::Complex64;

/// A vector function or Jacobian writing into its output slice.
pub(crate) type VecFn<'a> = dyn FnMut(&[f64], &mut [f64]) + 'a;

/// A vector function in complex arithmetic (for complex-step Jacobians).
pub(crate) type CVecFn<'a> = dyn FnMut(&[Complex64], &mut [Complex64]) + 'a;

/// The algorithm of [`least_squares`].
///
/// `'trf'` is the default, as in SciPy.
///
/// ```
/// use sciox::optimize::LsqMethod;
/// assert_eq!(LsqMethod::default(), LsqMethod::Trf);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LsqMethod {
    /// `'trf'`: Trust Region Reflective (bounds through Coleman-Li
    /// scaling and reflections; trust-region solver `'exact'`, one SVD per
    /// iteration, or `'lsmr'`, see [`TrSolver`]).
    #[default]
    Trf,
    /// `'dogbox'`: dogleg in a rectangular trust region intersected with
    /// the bounds.
    Dogbox,
    /// `'lm'`: MINPACK `lmder` with SciPy's driver (no bounds, linear loss,
    /// at least as many residuals as variables).
    Lm,
}

/// Variable scaling of [`least_squares`] (SciPy's `x_scale`).
///
/// ```
/// use sciox::optimize::XScale;
/// assert_eq!(XScale::default(), XScale::Auto);
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub enum XScale {
    /// SciPy's `x_scale=None`: `'jac'` for `lm`, all ones for `trf` and
    /// `dogbox`.
    #[default]
    Auto,
    /// `'jac'`: inverse column norms of the Jacobian, updated as the run
    /// goes (never decreasing; MINPACK `mode=1` for `lm`).
    Jac,
    /// Fixed positive scales, one per variable (MINPACK `diag = 1/x_scale`).
    Values(Vec<f64>),
}

/// The trust-region subproblem solver of `trf` and `dogbox` (SciPy's
/// `tr_solver`).
///
/// ```
/// use sciox::optimize::TrSolver;
/// assert_eq!(TrSolver::default(), TrSolver::Auto);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TrSolver {
    /// SciPy's `None`: `'lsmr'` when `jac_sparsity` is given (SciPy's
    /// Jacobian is then sparse), `'exact'` otherwise.
    #[default]
    Auto,
    /// `'exact'`: one dense SVD (`trf`) or least-squares solve (`dogbox`)
    /// per iteration.
    Exact,
    /// `'lsmr'`: the Gauss-Newton step by LSMR, using the Jacobian only
    /// through products; `trf` then solves the trust-region problem in the
    /// 2-D subspace of that step and the gradient.
    Lsmr,
}

/// SciPy's `tr_options` for `tr_solver='lsmr'` (ignored by `'exact'`):
/// LSMR's keyword arguments, and `trf`'s `regularize`.
///
/// ```
/// use sciox::optimize::TrOptions;
/// let o = TrOptions::default();
/// assert!(o.regularize && o.damp == 0.0 && o.atol == 1e-6 && o.maxiter.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrOptions {
    /// `trf` only: add the regularisation term of Byrd et al. (eq. 3.4) to
    /// the normal equations (default `true`; SciPy warns and drops it for
    /// `dogbox`, here it is ignored there).
    pub regularize: bool,
    /// LSMR's `damp` (default 0; for unbounded `trf` combined with the
    /// regularisation term as SciPy does).
    pub damp: f64,
    /// LSMR's `atol` (default `1e-6`).
    pub atol: f64,
    /// LSMR's `btol` (default `1e-6`).
    pub btol: f64,
    /// LSMR's `conlim` (default `1e8`).
    pub conlim: f64,
    /// LSMR's `maxiter` (`None`: the smaller dimension of its operator).
    pub maxiter: Option<usize>,
}

impl Default for TrOptions {
    fn default() -> Self {
        TrOptions {
            regularize: true,
            damp: 0.0,
            atol: 1e-6,
            btol: 1e-6,
            conlim: 1e8,
            maxiter: None,
        }
    }
}

/// What [`least_squares_with_callback`]'s callback sees after each
/// iteration (SciPy's `intermediate_result`).
///
/// ```
/// use sciox::optimize::LsqIteration;
/// let it = LsqIteration { x: &[1.0], fun: &[0.5, 0.0], nit: 1, nfev: 2, cost: 0.125 };
/// assert_eq!(it.nit, 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LsqIteration<'a> {
    /// The current point.
    pub x: &'a [f64],
    /// The residuals there (`dogbox`: scaled by a robust loss, as SciPy).
    pub fun: &'a [f64],
    /// Iterations so far.
    pub nit: usize,
    /// Residual evaluations so far (finite differences excluded).
    pub nfev: usize,
    /// The cost (`dogbox`: that of the last trial point, as SciPy).
    pub cost: f64,
}

/// An analytic Jacobian for [`least_squares_with_callback`]: `jac(x, out)`
/// writes the m×n matrix row-major.
pub type LsqJacFn<'a> = dyn FnMut(&[f64], &mut [f64]) + 'a;

/// A callback of [`least_squares_with_callback`]: `true` stops the run.
pub type LsqStop<'a> = dyn FnMut(&LsqIteration<'_>) -> bool + 'a;

/// Options of [`least_squares`] (SciPy's keyword arguments and defaults).
///
/// ```
/// use sciox::optimize::LeastSquaresOptions;
/// let o = LeastSquaresOptions::default();
/// assert_eq!(o.ftol, 1e-8);
/// assert!(o.max_nfev.is_none());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LeastSquaresOptions {
    /// The algorithm.
    pub method: LsqMethod,
    /// Relative tolerance on the cost reduction (default `1e-8`).
    pub ftol: f64,
    /// Relative tolerance on the step (default `1e-8`).
    pub xtol: f64,
    /// Tolerance on the scaled gradient (default `1e-8`).
    pub gtol: f64,
    /// Variable scaling (default: SciPy's `None`).
    pub x_scale: XScale,
    /// Maximum residual evaluations (default `100 * n`).
    pub max_nfev: Option<usize>,
    /// Bounds on the variables (`None`: unbounded; not with `lm`).
    pub bounds: Option<Bounds>,
    /// Robust loss (not with `lm`).
    pub loss: Loss,
    /// Soft margin between inlier and outlier residuals (default 1).
    pub f_scale: f64,
    /// Finite differences when no Jacobian closure is given: `false` =
    /// `'2-point'` (default), `true` = `'3-point'` (central).
    pub three_point: bool,
    /// Relative finite-difference step (SciPy's `diff_step`; `None`:
    /// `sqrt(eps)` for 2-point, `eps^(1/3)` for 3-point, times `max(1, |x|)`).
    pub diff_step: Option<f64>,
    /// The trust-region solver of `trf` and `dogbox` (ignored by `lm`).
    pub tr_solver: TrSolver,
    /// Options of the `'lsmr'` trust-region solver.
    pub tr_options: TrOptions,
    /// SciPy's `jac_sparsity`: the m×n row-major pattern of the entries of
    /// the Jacobian that may be non-zero (`false`: identically zero). The
    /// finite differences then perturb groups of columns with no row in
    /// common together (SciPy's `group_columns`, same groups), and the
    /// trust-region solver is `'lsmr'` (SciPy's Jacobian is then sparse;
    /// here it stays dense). Ignored with an analytic Jacobian.
    pub jac_sparsity: Option<Vec<bool>>,
}

impl Default for LeastSquaresOptions {
    fn default() -> Self {
        LeastSquaresOptions {
            method: LsqMethod::Trf,
            ftol: 1e-8,
            xtol: 1e-8,
            gtol: 1e-8,
            x_scale: XScale::Auto,
            max_nfev: None,
            bounds: None,
            loss: Loss::Linear,
            f_scale: 1.0,
            three_point: false,
            diff_step: None,
            tr_solver: TrSolver::Auto,
            tr_options: TrOptions::default(),
            jac_sparsity: None,
        }
    }
}

/// The outcome of [`least_squares`] (SciPy's `OptimizeResult` fields).
///
/// ```
/// use sciox::optimize::{least_squares, LeastSquaresOptions};
/// let r = least_squares(|x: &[f64], f: &mut [f64]| { f[0] = x[0] - 1.0; f[1] = 2.0 * x[0] }, &[3.0], 2,
///     &LeastSquaresOptions::default()).unwrap();
/// assert!((r.x[0] - 0.2).abs() < 1e-8);
/// assert_eq!(r.active_mask, vec![0]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LeastSquaresResult {
    /// The solution.
    pub x: Vec<f64>,
    /// `0.5 * sum(fun**2)`.
    pub cost: f64,
    /// Residuals at `x`.
    pub fun: Vec<f64>,
    /// Jacobian at `x`, m×n row-major.
    pub jac: Vec<f64>,
    /// Gradient of the cost, `jac^T fun`.
    pub grad: Vec<f64>,
    /// First-order optimality (`max |grad|` for unbounded problems).
    pub optimality: f64,
    /// 0 for free variables, -1/1 at a lower/upper bound (all 0 for `lm`).
    pub active_mask: Vec<i32>,
    /// Residual evaluations (those made for finite differences excluded,
    /// as SciPy counts them).
    pub nfev: usize,
    /// Jacobian evaluations when `jac` is a closure (`None` otherwise).
    pub njev: Option<usize>,
    /// SciPy's status: -2 stopped by the callback, -1 improper input, 0
    /// `max_nfev` reached, 1 gtol, 2 ftol, 3 xtol, 4 ftol and xtol.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// `status > 0`.
    pub success: bool,
}

fn lsq_message(status: i32) -> &'static str {
    match status {
        -2 => "Stopped because `callback` function raised `StopIteration` or returned `True`",
        -1 => "Improper input parameters status returned from `leastsq`",
        0 => "The maximum number of function evaluations is exceeded.",
        1 => "`gtol` termination condition is satisfied.",
        2 => "`ftol` termination condition is satisfied.",
        3 => "`xtol` termination condition is satisfied.",
        _ => "Both `ftol` and `xtol` termination conditions are satisfied.",
    }
}

fn check_size(m: usize, n: usize) -> Result<()> {
    match m.checked_mul(n) {
        Some(v) if v <= isize::MAX as usize / 8 => Ok(()),
        _ => Err(Error::invalid(format!(
            "{m} residuals x {n} variables is too large a Jacobian."
        ))),
    }
}

/// `scipy.optimize.least_squares`: minimise `0.5 * sum(rho(f_i(x)^2))` over
/// `x` for `m` residuals `f(x, out)`, with a finite-difference Jacobian
/// (SciPy's `jac='2-point'`, or `'3-point'` and `diff_step` from the
/// options; steps respect the bounds as SciPy's `approx_derivative`).
///
/// Methods (see [`LsqMethod`]): `trf` (default; bounds, robust [`Loss`]es,
/// `x_scale` values or `'jac'`, dense `'exact'` trust-region solver through
/// faer's SVD: the same iterates as SciPy up to rounding, and in the
/// reference runs the same `nfev`/`njev` in 67 of 70), `dogbox`, and `lm`
/// (MINPACK: the same iterates, `nfev` and status as SciPy). `trf` and
/// `dogbox` also take the `'lsmr'` trust-region solver ([`TrSolver`],
/// [`TrOptions`]), a sparsity pattern for grouped finite differences
/// (`jac_sparsity`, which selects `'lsmr'`) and a custom loss
/// ([`Loss::Custom`]); SciPy's `callback` is [`least_squares_with_callback`],
/// `jac='cs'` is [`least_squares_cs`].
///
/// Errors: empty or non-finite `x0`, non-finite residuals at `x0`, bounds
/// of the wrong length, `lb >= ub`, `x0` outside the bounds, invalid
/// `x_scale`, `f_scale` or tolerances, `max_nfev = 0`, a `jac_sparsity` of
/// the wrong length, `jac_sparsity` with `tr_solver` `Exact`, and for `lm`:
/// bounds, a non-linear loss, `m < n`, `jac_sparsity`.
///
/// ```
/// use sciox::optimize::{least_squares, Bounds, LeastSquaresOptions};
/// // Rosenbrock as least squares: f = (10 (x1 - x0^2), 1 - x0)
/// let rosen = |x: &[f64], f: &mut [f64]| { f[0] = 10.0 * (x[1] - x[0] * x[0]); f[1] = 1.0 - x[0] };
/// let r = least_squares(rosen, &[2.0, 2.0], 2, &LeastSquaresOptions::default()).unwrap();
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-8 && r.cost < 1e-20);
/// // SciPy's documentation example: x1 >= 1.5 is active at the solution
/// let o = LeastSquaresOptions {
///     bounds: Some(Bounds::new(vec![f64::NEG_INFINITY, 1.5], vec![f64::INFINITY; 2])),
///     ..Default::default()
/// };
/// let r = least_squares(rosen, &[2.0, 2.0], 2, &o).unwrap();
/// assert!((r.x[0] - 1.22437075).abs() < 1e-7 && (r.x[1] - 1.5).abs() < 1e-9);
/// assert_eq!(r.active_mask, vec![0, -1]);
/// ```
///
/// SciPy's sparse example, the Broyden tridiagonal system, with its
/// Jacobian pattern (3 groups of columns: 4 residual evaluations per
/// finite-difference Jacobian instead of n + 1):
///
/// ```
/// use sciox::optimize::{least_squares, LeastSquaresOptions};
/// let n = 50;
/// let broyden = |x: &[f64], f: &mut [f64]| {
///     for i in 0..x.len() {
///         f[i] = (3.0 - x[i]) * x[i] + 1.0;
///         if i > 0 { f[i] -= x[i - 1]; }
///         if i + 1 < x.len() { f[i] -= 2.0 * x[i + 1]; }
///     }
/// };
/// let mut pattern = vec![false; n * n];
/// for i in 0..n {
///     for j in i.saturating_sub(1)..(i + 2).min(n) { pattern[i * n + j] = true; }
/// }
/// let o = LeastSquaresOptions { jac_sparsity: Some(pattern), ..Default::default() };
/// let r = least_squares(broyden, &vec![-1.0; n], n, &o).unwrap();
/// assert!(r.success && r.cost < 1e-12);
/// ```
pub fn least_squares<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
) -> Result<LeastSquaresResult> {
    least_squares_impl(&mut fun, None, x0, m, opts)
}

/// [`least_squares`] with an analytic Jacobian `jac(x, out)` writing the
/// m×n matrix row-major (SciPy's callable `jac`).
///
/// ```
/// use sciox::optimize::{least_squares_with_jac, LeastSquaresOptions};
/// let f = |x: &[f64], f: &mut [f64]| { f[0] = 10.0 * (x[1] - x[0] * x[0]); f[1] = 1.0 - x[0] };
/// let j = |x: &[f64], j: &mut [f64]| { j[0] = -20.0 * x[0]; j[1] = 10.0; j[2] = -1.0; j[3] = 0.0 };
/// let r = least_squares_with_jac(f, j, &[2.0, 2.0], 2, &LeastSquaresOptions::default()).unwrap();
/// assert!(r.success && (r.x[1] - 1.0).abs() < 1e-8);
/// assert!(r.njev.unwrap() >= 1);
/// ```
pub fn least_squares_with_jac<F, J>(
    mut fun: F,
    mut jac: J,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
) -> Result<LeastSquaresResult>
where
    F: FnMut(&[f64], &mut [f64]),
    J: FnMut(&[f64], &mut [f64]),
{
    least_squares_impl(&mut fun, Some(&mut jac), x0, m, opts)
}

/// [`least_squares`] with complex-step Jacobians (SciPy's `jac='cs'`):
/// `fun` gives the residuals and `fun_complex`, the same function evaluated
/// in complex arithmetic, the Jacobian, column `i` being
/// `Im f(x + i h_i e_i) / h_i` with `h_i = sqrt(eps) sign(x_i) max(1, |x_i|)`
/// (or `diff_step` as SciPy's relative step). Exact to rounding for
/// analytic residuals. As in SciPy the complex steps ignore the bounds
/// (they do not move the real part) and are not counted in `nfev`; with
/// `jac_sparsity` the columns of a group are stepped together. All three
/// methods (SciPy 1.17 accepts 'cs' with `lm` too); `three_point` is
/// ignored. Errors as [`least_squares`].
///
/// ```
/// use sciox::optimize::{least_squares_cs, LeastSquaresOptions, LsqMethod};
/// use numox::Complex64;
/// // exponential decay y = 2 exp(-0.5 t), written once for both number types
/// fn res<T>(p: &[T], out: &mut [T], exp: fn(T) -> T)
/// where
///     T: Copy + std::ops::Mul<f64, Output = T> + std::ops::Mul<Output = T> + std::ops::Sub<f64, Output = T>,
/// {
///     for (i, o) in out.iter_mut().enumerate() {
///         let t = 0.5 * i as f64;
///         *o = p[0] * exp(p[1] * -t) - 2.0 * (-0.5 * t).exp();
///     }
/// }
/// let f = |p: &[f64], out: &mut [f64]| res(p, out, f64::exp);
/// let fc = |p: &[Complex64], out: &mut [Complex64]| res(p, out, Complex64::exp);
/// for method in [LsqMethod::Trf, LsqMethod::Dogbox, LsqMethod::Lm] {
///     let o = LeastSquaresOptions { method, ..Default::default() };
///     let r = least_squares_cs(f, fc, &[1.0, 1.0], 8, &o).unwrap();
///     assert!(r.success && (r.x[0] - 2.0).abs() < 1e-8 && (r.x[1] - 0.5).abs() < 1e-8);
/// }
/// ```
pub fn least_squares_cs<F, C>(
    mut fun: F,
    mut fun_complex: C,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
) -> Result<LeastSquaresResult>
where
    F: FnMut(&[f64], &mut [f64]),
    C: FnMut(&[Complex64], &mut [Complex64]),
{
    least_squares_cb(&mut fun, None, Some(&mut fun_complex), x0, m, opts, None)
}

/// [`least_squares_cs`] with SciPy's `callback`, as
/// [`least_squares_with_callback`] (`true` stops the run with status -2;
/// `lm` does not call it).
///
/// ```
/// use sciox::optimize::{least_squares_cs_with_callback, LeastSquaresOptions, LsqIteration};
/// use numox::Complex64;
/// let f = |x: &[f64], f: &mut [f64]| { f[0] = 10.0 * (x[1] - x[0] * x[0]); f[1] = 1.0 - x[0] };
/// let fc = |x: &[Complex64], f: &mut [Complex64]| { f[0] = 10.0 * (x[1] - x[0] * x[0]); f[1] = 1.0 - x[0] };
/// let mut nits = Vec::new();
/// let mut cb = |it: &LsqIteration| { nits.push(it.nit); false };
/// let r = least_squares_cs_with_callback(f, fc, &[-1.2, 1.0], 2, &LeastSquaresOptions::default(), &mut cb)
///     .unwrap();
/// assert!(r.success && (r.x[0] - 1.0).abs() < 1e-8);
/// assert_eq!(nits[0], 1);
/// ```
pub fn least_squares_cs_with_callback<F, C>(
    mut fun: F,
    mut fun_complex: C,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
    callback: &mut LsqStop<'_>,
) -> Result<LeastSquaresResult>
where
    F: FnMut(&[f64], &mut [f64]),
    C: FnMut(&[Complex64], &mut [Complex64]),
{
    least_squares_cb(
        &mut fun,
        None,
        Some(&mut fun_complex),
        x0,
        m,
        opts,
        Some(callback),
    )
}

/// [`least_squares`] with SciPy's `callback` (and an optional analytic
/// Jacobian as in [`least_squares_with_jac`]): `callback` is called after
/// every `trf`/`dogbox` iteration with an [`LsqIteration`]; returning
/// `true` stops the run with status -2 (SciPy's callback raising
/// `StopIteration`). `lm` does not call it (SciPy warns and ignores it).
///
/// ```
/// use sciox::optimize::{least_squares_with_callback, LeastSquaresOptions, LsqIteration};
/// let rosen = |x: &[f64], f: &mut [f64]| { f[0] = 10.0 * (x[1] - x[0] * x[0]); f[1] = 1.0 - x[0] };
/// let mut costs = Vec::new();
/// let mut cb = |it: &LsqIteration| {
///     costs.push(it.cost);
///     it.nit == 3
/// };
/// let r = least_squares_with_callback(rosen, None, &[-1.2, 1.0], 2, &LeastSquaresOptions::default(), &mut cb)
///     .unwrap();
/// assert_eq!((r.status, r.success), (-2, false));
/// assert_eq!(costs.len(), 3);
/// ```
pub fn least_squares_with_callback<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    jac: Option<&mut LsqJacFn<'_>>,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
    callback: &mut LsqStop<'_>,
) -> Result<LeastSquaresResult> {
    least_squares_cb(&mut fun, jac, None, x0, m, opts, Some(callback))
}

pub(crate) fn least_squares_impl(
    fun: &mut dyn FnMut(&[f64], &mut [f64]),
    jac: Option<&mut VecFn<'_>>,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
) -> Result<LeastSquaresResult> {
    least_squares_cb(fun, jac, None, x0, m, opts, None)
}

fn least_squares_cb(
    fun: &mut dyn FnMut(&[f64], &mut [f64]),
    mut jac: Option<&mut VecFn<'_>>,
    cs: Option<&mut CVecFn<'_>>,
    x0: &[f64],
    m: usize,
    opts: &LeastSquaresOptions,
    callback: Option<&mut LsqStop<'_>>,
) -> Result<LeastSquaresResult> {
    check_size(m, x0.len())?;
    if x0.is_empty() {
        return Err(Error::invalid("`x0` must have at least one element."));
    }
    if x0.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("`x0` must be finite."));
    }
    let n = x0.len();
    let lm = opts.method == LsqMethod::Lm;
    if lm && opts.loss != Loss::Linear {
        return Err(Error::invalid(
            "method='lm' supports only 'linear' loss function.",
        ));
    }
    if opts.max_nfev == Some(0) {
        return Err(Error::invalid("`max_nfev` must be None or positive integer."));
    }
    if !(opts.f_scale.is_finite() && opts.f_scale > 0.0) && opts.loss != Loss::Linear {
        return Err(Error::invalid("`f_scale` must be positive."));
    }
    let (lb, ub) = match &opts.bounds {
        None => (vec![f64::NEG_INFINITY; n], vec![f64::INFINITY; n]),
        Some(b) => {
            let widen = |v: &[f64]| -> Result<Vec<f64>> {
                match v.len() {
                    1 => Ok(vec![v[0]; n]),
                    l if l == n => Ok(v.to_vec()),
                    _ => Err(Error::invalid("Inconsistent shapes between bounds and `x0`.")),
                }
            };
            (widen(&b.lb)?, widen(&b.ub)?)
        }
    };
    let unbounded = lb.iter().all(|v| *v == f64::NEG_INFINITY) && ub.iter().all(|v| *v == f64::INFINITY);
    if lm && !unbounded {
        return Err(Error::invalid("Method 'lm' doesn't support bounds."));
    }
    if (0..n).any(|i| lb[i] >= ub[i] || lb[i].is_nan() || ub[i].is_nan()) {
        return Err(Error::invalid(
            "Each lower bound must be strictly less than each upper bound.",
        ));
    }
    if !common::in_bounds(x0, &lb, &ub) {
        return Err(Error::invalid("Initial guess is outside of provided bounds"));
    }
    if let XScale::Values(v) = &opts.x_scale {
        if v.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
            return Err(Error::invalid(
                "`x_scale` must be 'jac' or array_like with positive numbers.",
            ));
        }
        if v.len() != n && v.len() != 1 {
            return Err(Error::invalid("Inconsistent shapes between `x_scale` and `x0`."));
        }
    }
    if lm {
        if m < n {
            return Err(Error::invalid(
                "Method 'lm' doesn't work when the number of residuals is less than the number of variables.",
            ));
        }
        for (name, t) in [("ftol", opts.ftol), ("xtol", opts.xtol), ("gtol", opts.gtol)] {
            if t.is_nan() || t < f64::EPSILON {
                return Err(Error::invalid(format!(
                    "`{name}` must be at least machine epsilon for method 'lm'."
                )));
            }
        }
    } else {
        let below = |t: f64| t.is_nan() || t < f64::EPSILON;
        if below(opts.ftol) && below(opts.xtol) && below(opts.gtol) {
            return Err(Error::invalid(
                "At least one of the tolerances must be higher than machine epsilon (2.22e-16).",
            ));
        }
        return least_squares_trf(fun, jac, cs, x0, m, &lb, &ub, opts, callback);
    }
    let diag = match &opts.x_scale {
        XScale::Jac | XScale::Auto => None,
        XScale::Values(v) => {
            if v.len() != n && v.len() != 1 {
                return Err(Error::invalid("Inconsistent shapes between `x_scale` and `x0`."));
            }
            if v.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
                return Err(Error::invalid(
                    "`x_scale` must be 'jac' or array_like with positive numbers.",
                ));
            }
            Some((0..n).map(|i| 1.0 / v[i % v.len()]).collect::<Vec<f64>>())
        }
    };
    let mut f0 = vec![0.0; m];
    fun(x0, &mut f0);
    if f0.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("Residuals are not finite in the initial point."));
    }
    if jac.is_none() && opts.jac_sparsity.is_some() {
        return Err(Error::invalid("method='lm' does not support `jac_sparsity`."));
    }
    let params = LmParams {
        ftol: opts.ftol,
        xtol: opts.xtol,
        gtol: opts.gtol,
        maxfev: opts.max_nfev.unwrap_or(100 * n),
        factor: 100.0,
        diag: diag.as_deref(),
    };
    let has_jac = jac.is_some();
    let mut cs = cs;
    let lm_jac = match (jac.as_deref_mut(), cs.as_deref_mut()) {
        (Some(j), _) => LmJac::User(j),
        (None, Some(cf)) => LmJac::Complex {
            f: cf,
            rel_step: opts.diff_step,
        },
        (None, None) => LmJac::Approx {
            three_point: opts.three_point,
            rel_step: opts.diff_step,
        },
    };
    let LmOut {
        x,
        fvec,
        info,
        nfev,
        njev,
        ..
    } = lmder(m, x0, fun, lm_jac, &params);
    // The Jacobian at the solution, as SciPy recomputes it.
    let mut j = vec![0.0; m * n];
    match (jac, cs) {
        (Some(jf), _) => jf(&x, &mut j),
        (None, Some(cf)) => common::approx_jac_cs(cf, &x, m, opts.diff_step, &mut j),
        (None, None) => {
            let mut colmajor = vec![0.0; m * n];
            let mut wa = vec![0.0; 2 * m];
            let mut xs = x.clone();
            approx_jac_colmajor(
                fun,
                &mut xs,
                &fvec,
                &mut colmajor,
                &mut wa,
                opts.three_point,
                opts.diff_step,
            );
            for i in 0..m {
                for k in 0..n {
                    j[i * n + k] = colmajor[i + m * k];
                }
            }
        }
    }
    let cost = 0.5 * dot(&fvec, &fvec);
    let mut grad = vec![0.0; n];
    for (i, fi) in fvec.iter().enumerate() {
        for (k, g) in grad.iter_mut().enumerate() {
            *g += j[i * n + k] * fi;
        }
    }
    let optimality = grad.iter().fold(0.0f64, |a, g| a.max(g.abs()));
    let status = match info {
        0 => -1,
        1 => 2,
        2 => 3,
        3 => 4,
        4 => 1,
        _ => 0,
    };
    Ok(LeastSquaresResult {
        x,
        cost,
        fun: fvec,
        jac: j,
        grad,
        optimality,
        active_mask: vec![0; n],
        nfev,
        njev: has_jac.then_some(njev),
        status,
        message: lsq_message(status).to_string(),
        success: status > 0,
    })
}

#[allow(clippy::too_many_arguments)]
fn least_squares_trf(
    fun: &mut dyn FnMut(&[f64], &mut [f64]),
    jac: Option<&mut VecFn<'_>>,
    cs: Option<&mut CVecFn<'_>>,
    x0: &[f64],
    m: usize,
    lb: &[f64],
    ub: &[f64],
    opts: &LeastSquaresOptions,
    callback: Option<&mut LsqStop<'_>>,
) -> Result<LeastSquaresResult> {
    let n = x0.len();
    let mut x = x0.to_vec();
    if opts.method == LsqMethod::Trf {
        common::make_strictly_feasible(&mut x, lb, ub, 1e-10);
    }
    let mut f0 = vec![0.0; m];
    fun(&x, &mut f0);
    if f0.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid("Residuals are not finite in the initial point."));
    }
    // `jac_sparsity` applies to finite differences only (SciPy checks it,
    // and its clash with 'exact', only when `jac` is not a callable)
    let sparsity = match (&opts.jac_sparsity, jac.is_some()) {
        (Some(pat), false) => {
            if pat.len() != m * n {
                return Err(Error::invalid("`jac_sparsity` has wrong shape."));
            }
            if opts.tr_solver == TrSolver::Exact {
                return Err(Error::invalid(
                    "tr_solver='exact' is incompatible with `jac_sparsity`.",
                ));
            }
            Some((
                &pat[..],
                common::group_columns(pat, m, n),
                common::RowPattern::new(pat, m, n),
            ))
        }
        _ => None,
    };
    let use_lsmr = match opts.tr_solver {
        TrSolver::Lsmr => true,
        TrSolver::Exact => false,
        TrSolver::Auto => sparsity.is_some(),
    };
    let lsmr = use_lsmr.then_some(opts.tr_options);
    let x_scale = match &opts.x_scale {
        XScale::Jac => None,
        XScale::Auto => Some(vec![1.0; n]),
        XScale::Values(v) => Some((0..n).map(|i| v[i % v.len()]).collect()),
    };
    let settings = trf::TrfSettings {
        ftol: opts.ftol.max(0.0),
        xtol: opts.xtol.max(0.0),
        gtol: opts.gtol.max(0.0),
        max_nfev: opts.max_nfev.unwrap_or(100 * n),
        x_scale,
        loss: opts.loss,
        f_scale: opts.f_scale,
        lsmr,
    };
    // both re-borrowed with one (shorter) trait-object lifetime (a
    // coercion, not a no-op)
    #[allow(clippy::needless_match)]
    let jac: Option<&mut VecFn<'_>> = match jac {
        Some(j) => Some(j),
        None => None,
    };
    #[allow(clippy::needless_match)]
    let cs: Option<&mut CVecFn<'_>> = match cs {
        Some(c) => Some(c),
        None => None,
    };
    let mut problem = trf::Problem {
        fun,
        jac,
        cs,
        m,
        n,
        lb,
        ub,
        three_point: opts.three_point,
        diff_step: opts.diff_step,
        xt: vec![0.0; n],
        w: vec![0.0; 2 * m],
        sparsity,
        callback,
    };
    let mut j0 = vec![0.0; m * n];
    problem.jacobian(&x, &f0, &mut j0);
    let out = if opts.method == LsqMethod::Trf {
        trf::trf(&mut problem, &x, f0, j0, &settings)
    } else {
        trf::dogbox(&mut problem, &x, f0, j0, &settings)
    };
    Ok(LeastSquaresResult {
        x: out.x,
        cost: out.cost,
        fun: out.fun,
        jac: out.jac,
        grad: out.grad,
        optimality: out.optimality,
        active_mask: out.active_mask,
        nfev: out.nfev,
        njev: Some(out.njev),
        status: out.status,
        message: lsq_message(out.status).to_string(),
        success: out.status > 0,
    })
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Options of [`leastsq`] (SciPy's keyword arguments and defaults).
///
/// ```
/// use sciox::optimize::LeastsqOptions;
/// assert_eq!(LeastsqOptions::default().ftol, 1.49012e-8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LeastsqOptions {
    /// Relative error desired in the sum of squares (default `1.49012e-8`).
    pub ftol: f64,
    /// Relative error desired in the solution (default `1.49012e-8`).
    pub xtol: f64,
    /// Orthogonality desired between `f` and the Jacobian columns (default 0).
    pub gtol: f64,
    /// Maximum calls (`None`: `200 * (n + 1)`, or `100 * (n + 1)` with a Jacobian).
    pub maxfev: Option<usize>,
    /// Step-length parameter of the forward differences (`None`: machine epsilon).
    pub epsfcn: Option<f64>,
    /// Initial step bound factor (default 100).
    pub factor: f64,
    /// Variable scale factors (`None`: automatic, MINPACK `mode=1`).
    pub diag: Option<Vec<f64>>,
}

impl Default for LeastsqOptions {
    fn default() -> Self {
        LeastsqOptions {
            ftol: 1.49012e-8,
            xtol: 1.49012e-8,
            gtol: 0.0,
            maxfev: None,
            epsfcn: None,
            factor: 100.0,
            diag: None,
        }
    }
}

/// The outcome of [`leastsq`] (SciPy's `full_output=True` tuple).
///
/// ```
/// use sciox::optimize::{leastsq, LeastsqOptions};
/// let r = leastsq(|p: &[f64], f: &mut [f64]| { f[0] = p[0] - 1.0; f[1] = p[0] + 1.0 }, &[5.0], 2,
///     &LeastsqOptions::default()).unwrap();
/// assert!(r.x[0].abs() < 1e-8);
/// assert!((r.cov_x.unwrap()[0] - 0.5).abs() < 1e-8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LeastsqResult {
    /// The solution.
    pub x: Vec<f64>,
    /// `inv(J^T J)` from the final QR factorisation, n×n row-major (`None`
    /// if singular or not converged, as SciPy).
    pub cov_x: Option<Vec<f64>>,
    /// Residuals at `x`.
    pub fvec: Vec<f64>,
    /// Function calls (finite-difference calls included).
    pub nfev: usize,
    /// Jacobian calls (with [`leastsq_with_jac`]; 0 otherwise).
    pub njev: usize,
    /// MINPACK's `info` (1-4 success).
    pub ier: i32,
    /// SciPy's message for `ier`.
    pub mesg: String,
}

/// `scipy.optimize.leastsq`: MINPACK `lmdif` on `m` residuals `f(x, out)`.
///
/// Same iterates, `nfev` and `ier` as SciPy. Errors: empty or non-finite
/// `x0`, `m < n` (SciPy's "Improper input").
///
/// ```
/// use sciox::optimize::{leastsq, LeastsqOptions};
/// let t = [0.0, 1.0, 2.0, 3.0];
/// let y = [1.0, 3.1, 4.9, 7.2];
/// let r = leastsq(|p: &[f64], f: &mut [f64]| for i in 0..4 { f[i] = p[0] + p[1] * t[i] - y[i] },
///     &[0.0, 0.0], 4, &LeastsqOptions::default()).unwrap();
/// assert!((r.x[1] - 2.04).abs() < 1e-6 && (1..=4).contains(&r.ier));
/// ```
pub fn leastsq<F: FnMut(&[f64], &mut [f64])>(
    mut func: F,
    x0: &[f64],
    m: usize,
    opts: &LeastsqOptions,
) -> Result<LeastsqResult> {
    leastsq_impl(&mut func, None, x0, m, opts)
}

/// [`leastsq`] with an analytic Jacobian `dfun(x, out)` writing the m×n
/// matrix row-major (SciPy's `Dfun`, `col_deriv=False`): MINPACK `lmder`.
///
/// ```
/// use sciox::optimize::{leastsq_with_jac, LeastsqOptions};
/// let f = |p: &[f64], f: &mut [f64]| { f[0] = p[0] * p[0] - 4.0; f[1] = p[0] - 2.0 };
/// let j = |p: &[f64], j: &mut [f64]| { j[0] = 2.0 * p[0]; j[1] = 1.0 };
/// let r = leastsq_with_jac(f, j, &[1.0], 2, &LeastsqOptions::default()).unwrap();
/// assert!((r.x[0] - 2.0).abs() < 1e-8 && r.njev > 0);
/// ```
pub fn leastsq_with_jac<F, J>(
    mut func: F,
    mut dfun: J,
    x0: &[f64],
    m: usize,
    opts: &LeastsqOptions,
) -> Result<LeastsqResult>
where
    F: FnMut(&[f64], &mut [f64]),
    J: FnMut(&[f64], &mut [f64]),
{
    leastsq_impl(&mut func, Some(&mut dfun), x0, m, opts)
}

pub(crate) fn leastsq_impl(
    func: &mut dyn FnMut(&[f64], &mut [f64]),
    dfun: Option<&mut VecFn<'_>>,
    x0: &[f64],
    m: usize,
    opts: &LeastsqOptions,
) -> Result<LeastsqResult> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("`x0` must have at least one element."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("`x0` contains NaN."));
    }
    check_size(m, n)?;
    if m < n {
        return Err(Error::invalid(format!(
            "Improper input: func (m={m}) must be >= the number of variables (n={n})."
        )));
    }
    if let Some(d) = &opts.diag
        && d.len() != n
    {
        return Err(Error::invalid("`diag` must have one entry per variable."));
    }
    let has_jac = dfun.is_some();
    let maxfev = match opts.maxfev {
        Some(v) if v > 0 => v,
        _ if has_jac => 100 * (n + 1),
        _ => 200 * (n + 1),
    };
    let params = LmParams {
        ftol: opts.ftol,
        xtol: opts.xtol,
        gtol: opts.gtol,
        maxfev,
        factor: opts.factor,
        diag: opts.diag.as_deref(),
    };
    let jac = match dfun {
        Some(j) => LmJac::User(j),
        None => LmJac::Fdjac2 {
            epsfcn: opts.epsfcn.unwrap_or(f64::EPSILON),
        },
    };
    let out = lmder(m, x0, func, jac, &params);
    let cov_x = if (1..=4).contains(&out.info) {
        cov_from_r(m, n, &out.fjac, &out.ipvt)
    } else {
        None
    };
    let (ftol, xtol, gtol) = (opts.ftol, opts.xtol, opts.gtol);
    let mesg = match out.info {
        0 => "Improper input parameters.".to_string(),
        1 => format!(
            "Both actual and predicted relative reductions in the sum of squares\n  are at most {ftol:.6}"
        ),
        2 => format!("The relative error between two consecutive iterates is at most {xtol:.6}"),
        3 => format!(
            "Both actual and predicted relative reductions in the sum of squares\n  are at most {ftol:.6} and the relative error between two consecutive iterates is at \n  most {xtol:.6}"
        ),
        4 => format!(
            "The cosine of the angle between func(x) and any column of the\n  Jacobian is at most {gtol:.6} in absolute value"
        ),
        5 => format!("Number of calls to function has reached maxfev = {maxfev}."),
        6 => {
            format!("ftol={ftol:.6} is too small, no further reduction in the sum of squares\n  is possible.")
        }
        7 => format!(
            "xtol={xtol:.6} is too small, no further improvement in the approximate\n  solution is possible."
        ),
        _ => format!(
            "gtol={gtol:.6} is too small, func(x) is orthogonal to the columns of\n  the Jacobian to machine precision."
        ),
    };
    Ok(LeastsqResult {
        x: out.x,
        cov_x,
        fvec: out.fvec,
        nfev: out.nfev,
        njev: out.njev,
        ier: out.info,
        mesg,
    })
}

/// SciPy's `cov_x`: with R the n×n upper triangle of the pivoted QR and
/// P the pivoting, `inv(R)` with rows permuted back, times its transpose.
/// `None` when R has a zero on its diagonal (LAPACK `trtri` fails).
fn cov_from_r(m: usize, n: usize, fjac: &[f64], ipvt: &[usize]) -> Option<Vec<f64>> {
    let r = |i: usize, j: usize| fjac[i + m * j];
    if (0..n).any(|j| r(j, j) == 0.0) {
        return None;
    }
    // inverse of the upper triangular R, column by column (back substitution)
    let mut inv = vec![0.0; n * n]; // row-major
    for j in 0..n {
        inv[j * n + j] = 1.0 / r(j, j);
        for i in (0..j).rev() {
            let mut s = 0.0;
            for k in i + 1..=j {
                s += r(i, k) * inv[k * n + j];
            }
            inv[i * n + j] = -s / r(i, i);
        }
    }
    // invR[perm] = invR: row k moves to row ipvt[k]
    let mut p = vec![0.0; n * n];
    for k in 0..n {
        p[ipvt[k] * n..ipvt[k] * n + n].copy_from_slice(&inv[k * n..k * n + n]);
    }
    let mut cov = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            cov[a * n + b] = (0..n).map(|k| p[a * n + k] * p[b * n + k]).sum();
        }
    }
    Some(cov)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_inputs_are_errors_or_terminate() {
        // a Jacobian too large to allocate
        let r = least_squares(
            |_: &[f64], _: &mut [f64]| {},
            &[1.0, 2.0],
            usize::MAX / 2,
            &LeastSquaresOptions::default(),
        );
        assert!(r.is_err());
        let r = leastsq(
            |_: &[f64], _: &mut [f64]| {},
            &[1.0, 2.0],
            usize::MAX / 2,
            &LeastsqOptions::default(),
        );
        assert!(r.is_err());
        // fewer residuals than variables: an error for 'lm' only
        let lm = LeastSquaresOptions {
            method: LsqMethod::Lm,
            ..Default::default()
        };
        assert!(least_squares(|_: &[f64], o: &mut [f64]| o[0] = 1.0, &[1.0, 2.0], 1, &lm).is_err());
        let r = least_squares(
            |x: &[f64], o: &mut [f64]| o[0] = x[0] + x[1] - 1.0,
            &[1.0, 2.0],
            1,
            &Default::default(),
        )
        .unwrap();
        assert!(r.cost < 1e-12 && r.success, "{r:?}");
        // bounds, loss and method checks
        let bad =
            |o: LeastSquaresOptions| least_squares(|x: &[f64], f: &mut [f64]| f[0] = x[0], &[0.5], 1, &o);
        let b = |l: f64, u: f64| Some(Bounds::new(vec![l], vec![u]));
        assert!(
            bad(LeastSquaresOptions {
                bounds: b(1.0, 2.0),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                bounds: b(1.0, 1.0),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                bounds: b(f64::NAN, 1.0),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                bounds: b(0.0, 1.0),
                method: LsqMethod::Lm,
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                loss: Loss::Huber,
                method: LsqMethod::Lm,
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                max_nfev: Some(0),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                loss: Loss::Cauchy,
                f_scale: 0.0,
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            bad(LeastSquaresOptions {
                ftol: 0.0,
                xtol: 0.0,
                gtol: 0.0,
                ..Default::default()
            })
            .is_err()
        );
        let ok = bad(LeastSquaresOptions {
            bounds: b(0.25, 1.0),
            method: LsqMethod::Dogbox,
            ..Default::default()
        })
        .unwrap();
        assert_eq!((ok.x[0], ok.active_mask[0]), (0.25, -1));
        // jac_sparsity: wrong length, with 'lm', with 'exact'; ignored with a
        // Jacobian closure
        let sq = |x: &[f64], f: &mut [f64]| {
            f[0] = x[0] - 1.0;
            f[1] = x[1] + x[0];
            f[2] = x[1] * x[1];
        };
        let sp = |v: Vec<bool>, method, tr_solver| LeastSquaresOptions {
            jac_sparsity: Some(v),
            method,
            tr_solver,
            ..Default::default()
        };
        let pat = vec![true, false, true, true, false, true];
        let e = least_squares(
            sq,
            &[0.5, 0.5],
            3,
            &sp(vec![true; 5], LsqMethod::Trf, TrSolver::Auto),
        );
        assert_eq!(e.unwrap_err().to_string(), "`jac_sparsity` has wrong shape.");
        let e = least_squares(
            sq,
            &[0.5, 0.5],
            3,
            &sp(pat.clone(), LsqMethod::Lm, TrSolver::Auto),
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "method='lm' does not support `jac_sparsity`."
        );
        let e = least_squares(
            sq,
            &[0.5, 0.5],
            3,
            &sp(pat.clone(), LsqMethod::Trf, TrSolver::Exact),
        );
        assert!(e.is_err());
        let jq = |x: &[f64], j: &mut [f64]| j.copy_from_slice(&[1.0, 0.0, 1.0, 1.0, 0.0, 2.0 * x[1]]);
        let r = least_squares_with_jac(
            sq,
            jq,
            &[0.5, 0.5],
            3,
            &sp(vec![true; 5], LsqMethod::Trf, TrSolver::Exact),
        )
        .unwrap();
        assert!(r.success);
        for method in [LsqMethod::Trf, LsqMethod::Dogbox] {
            let r = least_squares(sq, &[0.5, 0.5], 3, &sp(pat.clone(), method, TrSolver::Auto)).unwrap();
            assert!(r.success && r.jac[1] == 0.0 && r.jac[4] == 0.0, "{r:?}");
        }
        // 'lsmr' with one variable (SciPy's 2-D subproblem does not apply)
        for bounds in [None, Some(Bounds::new(vec![0.0], vec![0.5]))] {
            let o = LeastSquaresOptions {
                tr_solver: TrSolver::Lsmr,
                bounds,
                ..Default::default()
            };
            let r = least_squares(
                |x: &[f64], f: &mut [f64]| {
                    f[0] = x[0] - 2.0;
                    f[1] = x[0] * x[0] - 4.0
                },
                &[0.25],
                2,
                &o,
            )
            .unwrap();
            assert!(r.x[0].is_finite() && r.x[0] > 0.25, "{r:?}");
        }
        // a callback with 'lm' is not called (SciPy ignores it)
        let mut calls = 0;
        let mut cb = |_: &LsqIteration| {
            calls += 1;
            true
        };
        let lm_o = LeastSquaresOptions {
            method: LsqMethod::Lm,
            ..Default::default()
        };
        let r = least_squares_with_callback(sq, None, &[0.5, 0.5], 3, &lm_o, &mut cb).unwrap();
        assert!(r.status > 0 && calls == 0);
        // residuals that turn NaN after the start: bounded by max_nfev, no panic
        let mut calls = 0;
        let r = least_squares(
            |x: &[f64], o: &mut [f64]| {
                calls += 1;
                o[0] = if calls > 1 { f64::NAN } else { x[0] - 1.0 };
                o[1] = x[0];
            },
            &[3.0],
            2,
            &LeastSquaresOptions::default(),
        )
        .unwrap();
        assert!(r.nfev <= 100);
        let r = root_hybr(
            |_: &[f64], o: &mut [f64]| o[0] = f64::NAN,
            &[1.0],
            &HybrOptions::default(),
        )
        .unwrap();
        assert!(!r.success && r.nfev <= 400);
    }
}
