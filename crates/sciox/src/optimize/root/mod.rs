//! `scipy.optimize.root`: a zero of `n` functions of `n` variables, with
//! SciPy's methods: MINPACK's `hybr` and `lm` (delegated to [`root_hybr`]
//! and [`leastsq`]), the `nonlin` family (`broyden1`, `broyden2`,
//! `anderson`, `linearmixing`, `diagbroyden`, `excitingmixing`, `krylov`)
//! and the spectral `df-sane`.
//!
//! [`root_hybr`]: crate::optimize::root_hybr
//! [`leastsq`]: crate::optimize::leastsq

mod df_sane;
mod nonlin;

pub use nonlin::{BroydenReduction, NonlinJacOptions};

use crate::optimize::lsq::{HybrOptions, LeastsqOptions, leastsq_impl, root_hybr_impl};
use crate::{Error, Result};
use df_sane::{DfSaneParams, DfSaneSearch, df_sane};
use nonlin::{Eval, JacKind, Jacobian, NonlinParams, NonlinSearch, nonlin_solve};

/// The algorithm of [`root`] (SciPy's `method=`; `'hybr'` is the default).
///
/// ```
/// use sciox::optimize::RootMethod;
/// assert_eq!(RootMethod::default(), RootMethod::Hybr);
/// assert_eq!(RootMethod::DfSane.name(), "df-sane");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RootMethod {
    /// `'hybr'`: MINPACK's Powell hybrid method ([`root_hybr`](crate::optimize::root_hybr)).
    #[default]
    Hybr,
    /// `'lm'`: MINPACK's Levenberg-Marquardt on the `n` residuals ([`leastsq`](crate::optimize::leastsq)).
    Lm,
    /// `'broyden1'`: Broyden's first (good) method.
    Broyden1,
    /// `'broyden2'`: Broyden's second (bad) method.
    Broyden2,
    /// `'anderson'`: extended Anderson mixing.
    Anderson,
    /// `'linearmixing'`: a scalar Jacobian `-1/alpha`.
    LinearMixing,
    /// `'diagbroyden'`: a diagonal Broyden Jacobian.
    DiagBroyden,
    /// `'excitingmixing'`: a tuned diagonal Jacobian.
    ExcitingMixing,
    /// `'krylov'`: Newton-Krylov with a matrix-free LGMRES inner solver.
    Krylov,
    /// `'df-sane'`: derivative-free spectral residual method.
    DfSane,
}

impl RootMethod {
    /// SciPy's name of the method.
    ///
    /// ```
    /// assert_eq!(sciox::optimize::RootMethod::Broyden1.name(), "broyden1");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            RootMethod::Hybr => "hybr",
            RootMethod::Lm => "lm",
            RootMethod::Broyden1 => "broyden1",
            RootMethod::Broyden2 => "broyden2",
            RootMethod::Anderson => "anderson",
            RootMethod::LinearMixing => "linearmixing",
            RootMethod::DiagBroyden => "diagbroyden",
            RootMethod::ExcitingMixing => "excitingmixing",
            RootMethod::Krylov => "krylov",
            RootMethod::DfSane => "df-sane",
        }
    }

    /// The method named `name` as SciPy spells it (case-insensitive);
    /// `Err` for an unknown name (SciPy's "Unknown solver").
    ///
    /// ```
    /// use sciox::optimize::RootMethod;
    /// assert_eq!(RootMethod::from_name("Krylov").unwrap(), RootMethod::Krylov);
    /// assert!(RootMethod::from_name("newton").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<Self> {
        let all = [
            RootMethod::Hybr,
            RootMethod::Lm,
            RootMethod::Broyden1,
            RootMethod::Broyden2,
            RootMethod::Anderson,
            RootMethod::LinearMixing,
            RootMethod::DiagBroyden,
            RootMethod::ExcitingMixing,
            RootMethod::Krylov,
            RootMethod::DfSane,
        ];
        let lower = name.to_ascii_lowercase();
        all.into_iter()
            .find(|m| m.name() == lower)
            .ok_or_else(|| Error::invalid(format!("Unknown solver {name}")))
    }

    fn jac_kind(self) -> Option<JacKind> {
        Some(match self {
            RootMethod::Broyden1 => JacKind::Broyden1,
            RootMethod::Broyden2 => JacKind::Broyden2,
            RootMethod::Anderson => JacKind::Anderson,
            RootMethod::LinearMixing => JacKind::LinearMixing,
            RootMethod::DiagBroyden => JacKind::DiagBroyden,
            RootMethod::ExcitingMixing => JacKind::ExcitingMixing,
            RootMethod::Krylov => JacKind::Krylov,
            _ => return None,
        })
    }
}

/// The line search of [`root`] (SciPy's `line_search` option).
///
/// ```
/// use sciox::optimize::RootLineSearch;
/// assert_eq!(RootLineSearch::Armijo, RootLineSearch::Armijo);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RootLineSearch {
    /// `'armijo'`: backtracking on `|F|^2` (the `nonlin` methods' default).
    Armijo,
    /// `'wolfe'`: MINPACK-2's `dcsrch` on `|F|^2` with a forward-difference
    /// derivative (`nonlin` methods; SciPy's `scalar_search_wolfe1`).
    Wolfe,
    /// `None`: full steps (`nonlin` methods).
    Off,
    /// `'cruz'`: La Cruz et al.'s non-monotone search (df-sane's default).
    Cruz,
    /// `'cheng'`: Cheng & Li's non-monotone search (df-sane).
    Cheng,
}

/// SciPy's `tol` and `options` of [`root`]. A field is read by the
/// methods that have the SciPy option of that name; `None` means SciPy's
/// default for the method.
///
/// ```
/// use sciox::optimize::RootNdOptions;
/// let o = RootNdOptions { tol: Some(1e-10), ..Default::default() };
/// assert_eq!(o.gtol, 0.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RootNdOptions {
    /// `root(tol=)`: `xtol` of hybr/lm; `ftol` of df-sane; for the
    /// `nonlin` methods `xtol = tol` with `xatol`, `ftol`, `fatol`
    /// infinite (each only where not given).
    pub tol: Option<f64>,
    /// hybr/lm: relative error in `x` (1.49012e-8); nonlin: relative
    /// step tolerance (infinite).
    pub xtol: Option<f64>,
    /// lm: relative reduction of the sum of squares (1.49012e-8); nonlin:
    /// relative residual tolerance (infinite); df-sane: relative
    /// residual norm tolerance (1e-8).
    pub ftol: Option<f64>,
    /// nonlin: absolute residual (max-norm) tolerance (`eps^(1/3)`);
    /// df-sane: absolute residual norm tolerance (1e-300).
    pub fatol: Option<f64>,
    /// nonlin: absolute step tolerance (infinite).
    pub xatol: Option<f64>,
    /// lm: orthogonality tolerance (0).
    pub gtol: f64,
    /// hybr: maximum calls (`200 (n + 1)`); df-sane: maximum calls (1000).
    pub maxfev: Option<usize>,
    /// lm: maximum calls (`200 (n + 1)`); nonlin: maximum iterations
    /// (`100 (n + 1)`).
    pub maxiter: Option<usize>,
    /// nonlin: a fixed number of iterations, ignoring the tolerances
    /// (SciPy's `nit`).
    pub nit: Option<usize>,
    /// hybr/lm: forward-difference step (`epsfcn`; machine epsilon).
    pub eps: Option<f64>,
    /// hybr/lm: initial step bound factor (100).
    pub factor: f64,
    /// hybr/lm: variable scales (automatic).
    pub diag: Option<Vec<f64>>,
    /// The line search (`None`: `Armijo` for nonlin, `Cruz` for df-sane).
    pub line_search: Option<RootLineSearch>,
    /// nonlin: the Jacobian approximation's options (`jac_options`).
    pub jac_options: NonlinJacOptions,
    /// df-sane: number of previous merit values of the non-monotone
    /// search (`M`, 10).
    pub m: usize,
    /// df-sane: spectral coefficient bound (`sigma_eps`, 1e-10).
    pub sigma_eps: f64,
    /// df-sane: initial spectral coefficient (`sigma_0`, 1.0).
    pub sigma_0: f64,
    /// nonlin: the norm of the stopping test (`tol_norm`; `None`: SciPy's
    /// max-abs norm), applied to `F`, `x` and the step.
    pub tol_norm: Option<TolNorm>,
}

/// A user norm for the stopping test of the `nonlin` methods of [`root`]
/// (SciPy's `tol_norm`). Two are equal when they are the same function.
///
/// ```
/// use sciox::optimize::{root, RootMethod, RootNdOptions, TolNorm};
/// fn l2(v: &[f64]) -> f64 { v.iter().map(|a| a * a).sum::<f64>().sqrt() }
/// let o = RootNdOptions { tol_norm: Some(TolNorm(l2)), fatol: Some(1e-10), ..Default::default() };
/// let r = root(|x: &[f64], f: &mut [f64]| { f[0] = x[0] * x[0] - 4.0; f[1] = x[1] - x[0] }, &[1.0, 1.0],
///     RootMethod::Broyden1, &o).unwrap();
/// assert!(r.success && l2(&r.fun) <= 1e-10);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct TolNorm(pub fn(&[f64]) -> f64);

impl PartialEq for TolNorm {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.0, other.0)
    }
}

impl Default for RootNdOptions {
    fn default() -> Self {
        RootNdOptions {
            tol: None,
            xtol: None,
            ftol: None,
            fatol: None,
            xatol: None,
            gtol: 0.0,
            maxfev: None,
            maxiter: None,
            nit: None,
            eps: None,
            factor: 100.0,
            diag: None,
            line_search: None,
            jac_options: NonlinJacOptions::default(),
            m: 10,
            sigma_eps: 1e-10,
            sigma_0: 1.0,
            tol_norm: None,
        }
    }
}

/// The outcome of [`root`] (SciPy's `OptimizeResult` for `root`).
///
/// ```
/// use sciox::optimize::{root, RootMethod, RootNdOptions};
/// let r = root(|x: &[f64], f: &mut [f64]| f[0] = x[0] * x[0] - 4.0, &[1.0],
///     RootMethod::Broyden1, &RootNdOptions::default()).unwrap();
/// assert!(r.success && r.status == 1 && r.nit.is_some());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RootNdResult {
    /// The solution.
    pub x: Vec<f64>,
    /// The functions at `x`.
    pub fun: Vec<f64>,
    /// Whether the method reports convergence.
    pub success: bool,
    /// hybr: MINPACK `info`; lm: `ier` (1-4 success); nonlin: 1
    /// converged, 2 iteration limit; df-sane (SciPy sets none): 1
    /// converged, 2 call limit.
    pub status: i32,
    /// SciPy's message.
    pub message: String,
    /// Calls of `fun` (for hybr and lm MINPACK's count: SciPy's `root`
    /// adds the call its wrapper makes to check the output shape).
    pub nfev: usize,
    /// Jacobian calls (hybr/lm with [`root_with_jac`]).
    pub njev: Option<usize>,
    /// Iterations (nonlin and df-sane; SciPy reports none for hybr/lm).
    pub nit: Option<usize>,
    /// The method used.
    pub method: RootMethod,
}

/// `scipy.optimize.root(fun, x0, method=..., tol=..., options=...)`: a
/// zero of `fun(x, out)`, `n` functions of `n` variables.
///
/// `hybr` and `lm` run MINPACK exactly as [`root_hybr`] and
/// [`leastsq`] (SciPy's `root(method='lm')` is `leastsq`); the `nonlin`
/// methods follow SciPy's `nonlin_solve` (same Jacobian updates, Armijo
/// line search, forcing terms and stopping test, so the same iterates up
/// to rounding); `krylov` uses LGMRES with SciPy's defaults
/// (`inner_m = 30`, `outer_k = 10`, outer vectors kept across Newton
/// steps); `df-sane` follows `_root_df_sane`.
///
/// Errors: empty `x0` or `x0` with NaN, an option that does not fit the
/// method (a `line_search` of another family, `M = 0`, `max_rank < 2`),
/// and the ValueErrors SciPy raises during the solve (a Jacobian solve
/// giving a zero step, non-finite values in the Krylov method). Not
/// converging is reported in `success`/`status`/`message`.
///
/// [`root_hybr`]: crate::optimize::root_hybr
/// [`leastsq`]: crate::optimize::leastsq
///
/// ```
/// use sciox::optimize::{root, RootMethod, RootNdOptions};
/// // SciPy's docstring example
/// let fun = |x: &[f64], f: &mut [f64]| {
///     f[0] = x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0;
///     f[1] = 0.5 * (x[1] - x[0]).powi(3) + x[1];
/// };
/// // (not `lm`: from (0, 0) it stops at a local minimum of |F|^2, as in SciPy)
/// for m in [RootMethod::Hybr, RootMethod::Broyden1, RootMethod::Anderson, RootMethod::DfSane] {
///     let r = root(fun, &[0.0, 0.0], m, &RootNdOptions::default()).unwrap();
///     assert!(r.success, "{m:?}");
///     // the nonlin methods stop at max|F| <= eps^(1/3) ~ 6e-6
///     assert!((r.x[0] - 0.8411639).abs() < 1e-4 && (r.x[1] - 0.1588361).abs() < 1e-4);
/// }
/// ```
pub fn root<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    x0: &[f64],
    method: RootMethod,
    opts: &RootNdOptions,
) -> Result<RootNdResult> {
    root_impl(&mut fun, None, x0, method, opts, None)
}

/// [`root`] with an analytic Jacobian `jac(x, out)` (n×n row-major), used
/// by `hybr` and `lm` (MINPACK `hybrj`/`lmder`); the other methods ignore
/// it, as SciPy does (with a warning there).
///
/// ```
/// use sciox::optimize::{root_with_jac, RootMethod, RootNdOptions};
/// let f = |x: &[f64], f: &mut [f64]| f[0] = x[0] * x[0] - 2.0;
/// let j = |x: &[f64], j: &mut [f64]| j[0] = 2.0 * x[0];
/// let r = root_with_jac(f, j, &[1.0], RootMethod::Lm, &RootNdOptions::default()).unwrap();
/// assert!(r.success && r.njev.unwrap() > 0 && (r.x[0] - 2f64.sqrt()).abs() < 1e-10);
/// ```
pub fn root_with_jac<F, J>(
    mut fun: F,
    mut jac: J,
    x0: &[f64],
    method: RootMethod,
    opts: &RootNdOptions,
) -> Result<RootNdResult>
where
    F: FnMut(&[f64], &mut [f64]),
    J: FnMut(&[f64], &mut [f64]),
{
    root_impl(&mut fun, Some(&mut jac), x0, method, opts, None)
}

/// SciPy's `callback` of [`root_with_callback`]: `callback(x, f)`.
pub type RootCallback<'a> = dyn FnMut(&[f64], &[f64]) + 'a;

/// A Jacobian closure of [`root_with_callback`] (n×n row-major).
pub type RootJacFn<'a> = dyn FnMut(&[f64], &mut [f64]) + 'a;

/// [`root`] (or [`root_with_jac`]) with SciPy's `callback(x, f)`: the
/// `nonlin` methods call it after every iteration with the new point and
/// its residuals (after the Jacobian update, as SciPy's `nonlin_solve`),
/// df-sane at the start of every iteration (the starting point first, as
/// SciPy's `_root_df_sane`). It cannot stop the run: SciPy ignores its
/// return value there (an exception it raises just propagates). `hybr`
/// and `lm` do not call it (SciPy warns that they do not accept one).
///
/// ```
/// use sciox::optimize::{root_with_callback, RootMethod, RootNdOptions};
/// let f = |x: &[f64], f: &mut [f64]| f[0] = x[0] * x[0] - 4.0;
/// let mut seen = Vec::new();
/// let mut cb = |x: &[f64], fx: &[f64]| seen.push((x[0], fx[0]));
/// let r = root_with_callback(f, None, &[1.0], RootMethod::Broyden1, &RootNdOptions::default(), &mut cb)
///     .unwrap();
/// assert_eq!(seen.len(), r.nit.unwrap() - 1);
/// assert_eq!(seen.last().unwrap().0, r.x[0]);
/// ```
pub fn root_with_callback<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    jac: Option<&mut RootJacFn<'_>>,
    x0: &[f64],
    method: RootMethod,
    opts: &RootNdOptions,
    callback: &mut RootCallback<'_>,
) -> Result<RootNdResult> {
    root_impl(&mut fun, jac, x0, method, opts, Some(callback))
}

type DynFn<'a> = dyn FnMut(&[f64], &mut [f64]) + 'a;

fn root_impl(
    fun: &mut DynFn<'_>,
    jac: Option<&mut DynFn<'_>>,
    x0: &[f64],
    method: RootMethod,
    opts: &RootNdOptions,
    callback: Option<&mut RootCallback<'_>>,
) -> Result<RootNdResult> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("`x0` must have at least one element."));
    }
    if x0.iter().any(|v| v.is_nan()) {
        return Err(Error::invalid("`x0` contains NaN."));
    }
    let nonlin_search = matches!(
        opts.line_search,
        None | Some(RootLineSearch::Armijo | RootLineSearch::Wolfe | RootLineSearch::Off)
    );
    match method {
        RootMethod::Hybr => {
            let h = HybrOptions {
                xtol: opts.xtol.or(opts.tol).unwrap_or(1.49012e-8),
                maxfev: opts.maxfev,
                epsfcn: opts.eps,
                factor: opts.factor,
                diag: opts.diag.clone(),
            };
            let r = root_hybr_impl(fun, jac, x0, &h)?;
            let has_jac = r.njev > 0;
            Ok(RootNdResult {
                x: r.x,
                fun: r.fun,
                success: r.success,
                status: r.status,
                message: r.message,
                nfev: r.nfev,
                njev: has_jac.then_some(r.njev),
                nit: None,
                method,
            })
        }
        RootMethod::Lm => {
            let l = LeastsqOptions {
                ftol: opts.ftol.unwrap_or(1.49012e-8),
                xtol: opts.xtol.or(opts.tol).unwrap_or(1.49012e-8),
                gtol: opts.gtol,
                maxfev: opts.maxiter,
                epsfcn: opts.eps,
                factor: opts.factor,
                diag: opts.diag.clone(),
            };
            let has_jac = jac.is_some();
            let r = leastsq_impl(fun, jac, x0, n, &l)?;
            // SciPy evaluates the residuals at the solution for `fun`.
            Ok(RootNdResult {
                x: r.x,
                fun: r.fvec,
                success: (1..=4).contains(&r.ier),
                status: r.ier,
                message: r.mesg,
                nfev: r.nfev,
                njev: has_jac.then_some(r.njev),
                nit: None,
                method,
            })
        }
        RootMethod::DfSane => {
            let line_search = match opts.line_search {
                None | Some(RootLineSearch::Cruz) => DfSaneSearch::Cruz,
                Some(RootLineSearch::Cheng) => DfSaneSearch::Cheng,
                Some(other) => {
                    return Err(Error::invalid(format!(
                        "Invalid value {other:?} for 'line_search'"
                    )));
                }
            };
            if opts.m == 0 {
                return Err(Error::invalid("`M` must be at least 1."));
            }
            let p = DfSaneParams {
                ftol: opts.ftol.or(opts.tol).unwrap_or(1e-8),
                fatol: opts.fatol.unwrap_or(1e-300),
                maxfev: opts.maxfev.unwrap_or(1000),
                m: opts.m,
                sigma_eps: opts.sigma_eps,
                sigma_0: opts.sigma_0,
                line_search,
            };
            let mut ev = Eval::new(fun);
            let out = df_sane(&mut ev, x0, &p, callback);
            Ok(RootNdResult {
                x: out.x,
                fun: out.fun,
                success: out.success,
                status: if out.success { 1 } else { 2 },
                message: out.message.to_string(),
                nfev: ev.nfev,
                njev: None,
                nit: Some(out.nit),
                method,
            })
        }
        _ => {
            let kind = method
                .jac_kind()
                .ok_or_else(|| Error::invalid("Unknown solver"))?;
            if !nonlin_search {
                return Err(Error::invalid("Invalid line search"));
            }
            let inf = f64::INFINITY;
            let (xtol, xatol, ftol, fatol) = match opts.tol {
                Some(t) => (
                    opts.xtol.unwrap_or(t),
                    opts.xatol.unwrap_or(inf),
                    opts.ftol.unwrap_or(inf),
                    opts.fatol.unwrap_or(inf),
                ),
                None => (
                    opts.xtol.unwrap_or(inf),
                    opts.xatol.unwrap_or(inf),
                    opts.ftol.unwrap_or(inf),
                    { opts.fatol.unwrap_or_else(|| f64::EPSILON.powf(1.0 / 3.0)) },
                ),
            };
            let p = NonlinParams {
                f_tol: fatol,
                f_rtol: ftol,
                x_tol: xatol,
                x_rtol: xtol,
                iter: opts.nit,
                maxiter: opts.maxiter,
                line_search: match opts.line_search {
                    Some(RootLineSearch::Off) => NonlinSearch::Off,
                    Some(RootLineSearch::Wolfe) => NonlinSearch::Wolfe,
                    _ => NonlinSearch::Armijo,
                },
                tol_norm: opts.tol_norm.map(|t| t.0),
            };
            let mut j = Jacobian::new(kind, &opts.jac_options)?;
            let mut ev = Eval::new(fun);
            let out = nonlin_solve(&mut ev, x0, &mut j, &p, callback)?;
            let message = if out.status == 1 {
                "A solution was found at the specified tolerance."
            } else {
                "The maximum number of iterations allowed has been reached."
            };
            Ok(RootNdResult {
                x: out.x,
                fun: out.fun,
                success: out.status == 1,
                status: out.status,
                message: message.to_string(),
                nfev: ev.nfev,
                njev: None,
                nit: Some(out.nit),
                method,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sys(x: &[f64], f: &mut [f64]) {
        f[0] = x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0;
        f[1] = 0.5 * (x[1] - x[0]).powi(3) + x[1];
    }

    #[test]
    fn every_method_solves_the_docstring_system() {
        for m in [
            RootMethod::Hybr,
            RootMethod::Lm,
            RootMethod::Broyden1,
            RootMethod::Broyden2,
            RootMethod::Anderson,
            RootMethod::DiagBroyden,
            RootMethod::Krylov,
            RootMethod::DfSane,
        ] {
            // from (2, -1): SciPy's krylov does not converge from (0, 0)
            let r = root(sys, &[2.0, -1.0], m, &RootNdOptions::default()).unwrap();
            assert!(r.success, "{m:?}: {}", r.message);
            // nonlin stops at max|F| <= eps^(1/3) ~ 6e-6, so x to ~1e-5
            assert!((r.x[0] - 0.8411639019140096).abs() < 1e-4, "{m:?} {:?}", r.x);
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        let o = RootNdOptions::default();
        assert!(root(sys, &[f64::NAN, 0.0], RootMethod::Broyden1, &o).is_err());
        assert!(root(sys, &[], RootMethod::DfSane, &o).is_err());
        let bad = RootNdOptions {
            line_search: Some(RootLineSearch::Cruz),
            ..Default::default()
        };
        assert!(root(sys, &[0.0, 0.0], RootMethod::Krylov, &bad).is_err());
        let bad = RootNdOptions {
            line_search: Some(RootLineSearch::Armijo),
            ..Default::default()
        };
        assert!(root(sys, &[0.0, 0.0], RootMethod::DfSane, &bad).is_err());
    }
}
