//! Result types: [`RootResults`] (SciPy's `RootResults`, from the scalar
//! root finders) and [`OptimizeResult`] / [`ScalarOptimizeResult`] (SciPy's
//! `OptimizeResult`, from `minimize` and `minimize_scalar`).

use std::fmt;

/// How a scalar root finder ended (SciPy's `RootResults.flag`).
///
/// ```
/// use sciox::optimize::RootFlag;
/// assert_eq!(RootFlag::Converged.to_string(), "converged");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RootFlag {
    /// The tolerance was met (SciPy: `'converged'`).
    Converged,
    /// `maxiter` iterations ran out, or a step could not be taken
    /// (SciPy: `'convergence error'`).
    ConvergenceError,
}

impl RootFlag {
    /// SciPy's spelling of the flag.
    ///
    /// ```
    /// use sciox::optimize::RootFlag;
    /// assert_eq!(RootFlag::ConvergenceError.as_str(), "convergence error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RootFlag::Converged => "converged",
            RootFlag::ConvergenceError => "convergence error",
        }
    }
}

impl fmt::Display for RootFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of a scalar root finder (SciPy's `RootResults`, what
/// `full_output=True` returns).
///
/// Not converging is reported here (`converged == false`), not as an error
/// (SciPy raises `RuntimeError` only with `disp=True`).
///
/// ```
/// use sciox::optimize::{brentq, RootOptions};
/// let r = brentq(|x| x * x - 2.0, 0.0, 2.0, &RootOptions::default()).unwrap();
/// assert!(r.converged);
/// assert!((r.root - 2f64.sqrt()).abs() < 1e-12);
/// assert_eq!(r.method, "brentq");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RootResults {
    /// The estimated root.
    pub root: f64,
    /// Iterations taken.
    pub iterations: usize,
    /// Calls of the function (and its derivatives, for Newton and Halley).
    pub function_calls: usize,
    /// Whether the tolerance was met.
    pub converged: bool,
    /// How the run ended.
    pub flag: RootFlag,
    /// The method that ran (`"brentq"`, `"secant"`, ...).
    pub method: &'static str,
}

impl RootResults {
    pub(crate) fn new(
        root: f64,
        iterations: usize,
        function_calls: usize,
        flag: RootFlag,
        method: &'static str,
    ) -> Self {
        RootResults {
            root,
            iterations,
            function_calls,
            converged: flag == RootFlag::Converged,
            flag,
            method,
        }
    }
}

/// The outcome of [`minimize`](crate::optimize::minimize) (SciPy's `OptimizeResult`).
///
/// Not converging is `success == false` with SciPy's `status` and
/// `message`, not an error.
///
/// ```
/// use sciox::optimize::{minimize, rosen, Method, MinimizeOptions};
/// let r = minimize(rosen, &[1.3, 0.7], Method::NelderMead, &MinimizeOptions::default()).unwrap();
/// assert!(r.success);
/// assert!(r.fun < 1e-8);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct OptimizeResult {
    /// The solution.
    pub x: Vec<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The gradient at `x` (gradient methods; empty otherwise).
    pub jac: Vec<f64>,
    /// The inverse-Hessian approximation, n×n row-major (BFGS; empty otherwise).
    pub hess_inv: Vec<f64>,
    /// Objective evaluations (finite-difference evaluations included, as SciPy counts them).
    pub nfev: usize,
    /// Gradient evaluations (0 for derivative-free methods).
    pub njev: usize,
    /// Hessian evaluations (Newton-CG with `hess`/`hessp`; 0 otherwise).
    pub nhev: usize,
    /// Iterations.
    pub nit: usize,
    /// SciPy's status code for the method (0 = success).
    pub status: i32,
    /// Whether the method reports success.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// Final simplex of Nelder-Mead, (n+1)×n row-major (empty otherwise).
    pub final_simplex: Vec<f64>,
    /// Final direction set of Powell, n×n row-major (empty otherwise).
    pub direc: Vec<f64>,
    /// KKT multipliers of the last QP subproblem (SLSQP: equality rows,
    /// then inequality rows; empty otherwise).
    pub multipliers: Vec<f64>,
    /// Largest constraint violation at `x` (COBYLA; 0 otherwise).
    pub maxcv: f64,
}

impl OptimizeResult {
    pub(crate) fn empty(n: usize) -> Self {
        OptimizeResult {
            x: vec![0.0; n],
            fun: f64::NAN,
            jac: Vec::new(),
            hess_inv: Vec::new(),
            nfev: 0,
            njev: 0,
            nhev: 0,
            nit: 0,
            status: 0,
            success: false,
            message: String::new(),
            final_simplex: Vec::new(),
            direc: Vec::new(),
            multipliers: Vec::new(),
            maxcv: 0.0,
        }
    }
}

/// The outcome of [`minimize_scalar`](crate::optimize::minimize_scalar)
/// (SciPy's `OptimizeResult` with a scalar `x`).
///
/// ```
/// use sciox::optimize::{minimize_scalar, ScalarMethod, ScalarOptions};
/// let r = minimize_scalar(|x| (x - 2.0) * (x - 2.0), ScalarMethod::Brent, &ScalarOptions::default()).unwrap();
/// assert!((r.x - 2.0).abs() < 1e-7);
/// assert!(r.success);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ScalarOptimizeResult {
    /// The minimiser.
    pub x: f64,
    /// The objective at `x`.
    pub fun: f64,
    /// Iterations.
    pub nit: usize,
    /// Objective evaluations.
    pub nfev: usize,
    /// SciPy's status code (0 = success).
    pub status: i32,
    /// Whether the method reports success.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
}
