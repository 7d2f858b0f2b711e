//! `scipy.optimize`: scalar root finding, scalar minimisation, local
//! minimisation of functions of several variables, least squares, linear
//! programming (`linprog`, `milp`) and assignment.
//!
//! | SciPy | sciox | notes |
//! |---|---|---|
//! | `brentq`, `brenth`, `ridder`, `bisect` | [`brentq`], [`brenth`], [`ridder`], [`bisect`] | ports of SciPy's C code: same iterations and calls |
//! | `toms748` | [`toms748`] | Alefeld-Potra-Shi, SciPy's port |
//! | `newton` | [`newton`], [`secant`], [`halley`] | scalar `x0` |
//! | `root_scalar` | [`root_scalar`] | SciPy's method choice |
//! | `RootResults` | [`RootResults`] | `full_output=True` of the direct forms |
//! | `minimize_scalar` | [`minimize_scalar`] | brent, bounded, golden |
//! | `brent`, `fminbound`, `golden`, `bracket` | [`brent`], [`fminbound`], [`golden`], [`bracket`] | |
//! | `minimize` | [`minimize`], [`minimize_with_grad`], [`minimize_full`], [`minimize_cs`] (`jac='cs'`) | Nelder-Mead (adaptive, bounds), Powell (bounds), CG, BFGS, L-BFGS-B (bounds; version 3.0 as SciPy's C), Newton-CG ([`minimize_newton_cg`] with `hess`/`hessp`) |
//! | `minimize` SLSQP with constraints | [`minimize_constrained`], [`minimize_cs_constrained`] (`jac='cs'`), [`Constraint`], [`LinearConstraint`], [`NonlinearConstraint`] | SciPy's C SLSQP algorithm; bounds, `eq`/`ineq` dicts, new-style constraints |
//! | `minimize` trust-ncg, dogleg, trust-exact | [`minimize_trust`] | `hess` or `hessp` ([`Hess`]) |
//! | `minimize` COBYLA | [`minimize_constrained`] / [`minimize`] with [`Method::Cobyla`] | PRIMA's COBYLA as SciPy 1.17 runs it; bounds, `eq`/`ineq` dicts, new-style constraints, `maxcv` |
//! | `minimize` trust-constr | [`minimize_trust_constr`] ([`TrustConstrHess`], [`TrustConstrOptions`], [`TrustConstrResult`]), or [`Method::TrustConstr`] in [`minimize_constrained`] | SciPy 1.17's equality-constrained SQP and barrier interior point: bounds, linear, nonlinear and dict constraints; `hess`, `hessp`, BFGS, SR1 |
//! | `fixed_point` | [`fixed_point`] | del2 (Steffensen) and plain iteration |
//! | `OptimizeResult` | [`OptimizeResult`], [`ScalarOptimizeResult`] | |
//! | `Bounds` | [`Bounds`] | |
//! | `approx_fprime`, `check_grad`, `approx_derivative` | [`approx_fprime`], [`check_grad`], [`approx_derivative`] (scalar functions), [`approx_derivative_vec`] (vector functions), [`approx_derivative_cs`] (`method='cs'`) | dense Jacobians; no `sparsity`, `as_linear_operator`, `workers` |
//! | `least_squares` | [`least_squares`], [`least_squares_with_jac`], [`least_squares_with_callback`], [`least_squares_cs`], [`least_squares_cs_with_callback`] (`jac='cs'`) | methods `trf` (default; bounds, [`Loss`]es and a custom loss, `x_scale` 'jac'), `dogbox`, `lm` (MINPACK `lmder` as SciPy's C translation, same `nfev`); '2-point'/'3-point' within the bounds, `diff_step`; `tr_solver` 'exact'/'lsmr' with `tr_options`, `jac_sparsity` (dense boolean pattern, SciPy's column groups), `callback` |
//! | `leastsq` | [`leastsq`], [`leastsq_with_jac`] | MINPACK `lmdif`/`lmder`, `cov_x` |
//! | `curve_fit` | [`curve_fit`], [`curve_fit_with_jac`] | methods `lm`, `trf` (with bounds), `dogbox`; `sigma` 1-D or covariance, `absolute_sigma` |
//! | `nnls`, `lsq_linear`, `isotonic_regression` | [`nnls`], [`lsq_linear`] (dense `A`), [`lsq_linear_operator`] (sparse / `LinearOperator` `A`, see [`crate::sparse`]), [`isotonic_regression`] | Lawson-Hanson; `trf` (`exact` or `lsmr`) and `bvls`; PAVA |
//! | `root` (`hybr`), `fsolve` | [`root_hybr`], [`root_hybr_with_jac`], [`fsolve`] | MINPACK `hybrd`/`hybrj`, same `nfev`; `root(method='lm')` is [`leastsq`] |
//! | `root` (all methods) | [`root`], [`root_with_jac`] ([`RootMethod`], [`RootNdOptions`], [`RootNdResult`]) | hybr, lm (MINPACK, delegated), broyden1/2, anderson, linearmixing, diagbroyden, excitingmixing, krylov (matrix-free LGMRES), df-sane (cruz/cheng): SciPy's `nonlin_solve` and `_root_df_sane` step for step |
//! | `linear_sum_assignment` | [`linear_sum_assignment`] | Crouse's shortest augmenting path, as SciPy's C++ |
//! | `linprog` | [`linprog`] | dense two-phase primal simplex (vertex solutions like HiGHS), marginals |
//! | `milp` | [`milp`] ([`MilpConstraint`] for `LinearConstraint`) | branch and bound (best bound) over the simplex; `time_limit`, `node_limit`, `mip_rel_gap` |
//! | `differential_evolution` | [`differential_evolution`] | all 12 strategies, latinhypercube/random/array init, integrality, immediate/deferred, dithering, x0, L-BFGS-B polish, constraints ([`differential_evolution_constrained`]: Lampinen's rules, trust-constr polish); same draws as SciPy for a seed; `workers` ([`differential_evolution_parallel`]) and `vectorized` ([`differential_evolution_vectorized`]), also with constraints ([`differential_evolution_parallel_constrained`], [`differential_evolution_vectorized_constrained`]) |
//! | `dual_annealing` | [`dual_annealing`] | SciPy's draws for a seed, L-BFGS-B local search, `no_local_search`, x0, callback (no `minimizer_kwargs`) |
//! | `basinhopping` | [`basinhopping`] | SciPy's draws for a seed; RandomDisplacement + AdaptiveStepsize, Metropolis, `minimizer_kwargs` as method + [`MinimizeOptions`], `niter_success`, callback (no user `take_step`/`accept_test`) |
//! | `direct` | [`direct`], [`direct_with_callback`] | DIRECT and the locally biased DIRECT_L as SciPy's C (same points in the same order, nfev, nit, status and message); `eps`, `maxfun`, `maxiter`, `f_min`/`f_min_rtol`, `vol_tol`, `len_tol`, a callback that stops; chosen over `shgo` because it is deterministic and self-contained |
//! | `rosen`, `rosen_der`, `rosen_hess`, `rosen_hess_prod` | [`rosen`], [`rosen_der`], [`rosen_hess`], [`rosen_hess_prod`] | NumPy's summation order |
//!
//! Objectives are Rust closures (`FnMut(f64) -> f64` for scalar problems,
//! `FnMut(&[f64]) -> f64` for `minimize`, gradients `FnMut(&[f64], &mut
//! [f64])`); nothing is allocated per evaluation. Bad input is an
//! [`Error`](crate::Error); not converging is reported in the result
//! (`converged`, `success`, `status`, `message` as SciPy's), never as an
//! error. SciPy's `disp` printing and warnings are not reproduced.
//!
//! ```
//! use sciox::optimize::{brentq, minimize, rosen, Bounds, Method, MinimizeOptions, RootOptions};
//! let r = brentq(|x: f64| x.cos() - x, 0.0, 1.0, &RootOptions::default()).unwrap();
//! assert!((r.root - 0.7390851332151607).abs() < 1e-12);
//! let m = minimize(rosen, &[-1.2, 1.0], Method::Bfgs, &MinimizeOptions::default()).unwrap();
//! assert!(m.success && (m.x[0] - 1.0).abs() < 1e-4);
//! // bounds: L-BFGS-B (SciPy's default method when bounds are given)
//! let o = MinimizeOptions { bounds: Some(Bounds::new(vec![-2.0, -2.0], vec![0.5, 2.0])), ..Default::default() };
//! let b = minimize(rosen, &[-1.2, 1.0], Method::LBfgsB, &o).unwrap();
//! assert!(b.success && (b.x[0] - 0.5).abs() < 1e-6 && (b.x[1] - 0.25).abs() < 1e-4);
//! ```

mod basinhopping;
mod differential_evolution;
mod direct;
mod dual_annealing;
mod fixed_point;
mod isotonic;
mod linear_sum_assignment;
mod linprog;
mod linprog_simplex;
mod lsq;
mod milp;
mod minimize;
mod result;
mod root;
mod scalar;

pub use basinhopping::{BasinhoppingCallback, BasinhoppingOptions, BasinhoppingResult, basinhopping};
pub use differential_evolution::{
    DeInit, DifferentialEvolutionOptions, DifferentialEvolutionResult, Mutation, Strategy, Updating,
    differential_evolution, differential_evolution_constrained, differential_evolution_parallel,
    differential_evolution_parallel_constrained, differential_evolution_vectorized,
    differential_evolution_vectorized_constrained,
};
pub use direct::{DirectOptions, direct, direct_with_callback};
pub use dual_annealing::{AnnealingCallback, DualAnnealingOptions, dual_annealing};
pub use fixed_point::{FixedPointMethod, fixed_point};
pub use isotonic::{IsotonicResult, isotonic_regression};
pub use linear_sum_assignment::linear_sum_assignment;
pub use linprog::{LinprogOptions, LinprogResult, LpBounds, linprog};
pub use lsq::{
    CurveFitOptions, CurveFitResult, HybrOptions, LeastSquaresOptions, LeastSquaresResult, LeastsqOptions,
    LeastsqResult, Loss, LsmrTol, LsqIteration, LsqJacFn, LsqLinearMethod, LsqLinearOptions, LsqLinearResult,
    LsqMethod, LsqSolver, LsqStop, RootResult, Sigma, TrOptions, TrSolver, XScale, curve_fit,
    curve_fit_with_jac, fsolve, least_squares, least_squares_cs, least_squares_cs_with_callback,
    least_squares_with_callback, least_squares_with_jac, leastsq, leastsq_with_jac, lsq_linear,
    lsq_linear_operator, nnls, root_hybr, root_hybr_with_jac,
};
pub use milp::{MilpConstraint, MilpOptions, MilpResult, milp};
pub use minimize::{
    Bounds, Callback, ComplexFn, ConCsFn, ConFn, ConHessFn, ConJacFn, Constraint, ConstraintType, EPSILON,
    FactorizationMethod, FiniteDiff, GradFn, Hess, HessFn, HessProdFn, LinearConstraint, Method,
    MinimizeOptions, NonlinearConstraint, TrustConstrHess, TrustConstrOptions, TrustConstrResult,
    approx_derivative, approx_derivative_cs, approx_derivative_vec, approx_fprime, check_grad, minimize,
    minimize_constrained, minimize_cs, minimize_cs_constrained, minimize_full, minimize_newton_cg,
    minimize_trust, minimize_trust_constr, minimize_with_grad, rosen, rosen_der, rosen_hess, rosen_hess_prod,
};
pub use result::{OptimizeResult, RootFlag, RootResults, ScalarOptimizeResult};
pub use root::{
    BroydenReduction, NonlinJacOptions, RootCallback, RootJacFn, RootLineSearch, RootMethod, RootNdOptions,
    RootNdResult, TolNorm, root, root_with_callback, root_with_jac,
};
pub use scalar::{
    Bracket, BracketResult, NewtonOptions, RootOptions, RootScalarMethod, RootScalarOptions, ScalarMethod,
    ScalarOptions, bisect, bracket, brent, brenth, brentq, fminbound, golden, halley, minimize_scalar,
    newton, ridder, root_scalar, secant, toms748,
};

/// Python's `repr` of a float (shortest round-trip digits, scientific
/// notation below 1e-4 and from 1e16), for SciPy's messages.
pub(crate) fn py_float(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "nan".into()
        } else if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = format!("{v:e}");
    let (mant, exp) = e.split_once('e').expect("{:e} has an exponent");
    let exp: i32 = exp.parse().expect("integer exponent");
    if (-4..16).contains(&exp) {
        let s = format!("{v}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::py_float;

    #[test]
    fn python_float_repr() {
        assert_eq!(py_float(1.48e-8), "1.48e-08");
        assert_eq!(py_float(1.4901161193847656e-08), "1.4901161193847656e-08");
        assert_eq!(py_float(0.5), "0.5");
        assert_eq!(py_float(2.0), "2.0");
        assert_eq!(py_float(1e16), "1e+16");
        assert_eq!(py_float(1e-4), "0.0001");
    }
}
