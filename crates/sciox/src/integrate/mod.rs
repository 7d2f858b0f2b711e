//! `scipy.integrate`: quadrature of functions and samples, and solvers
//! for ordinary differential equations.
//!
//! | SciPy | sciox | notes |
//! |---|---|---|
//! | `quad` | [`quad`], [`quad_complex`] | QUADPACK (qagse, qagie, qagpe, qawoe, qawfe, qawse, qawce) |
//! | `solve_ivp`, `OdeSolution` | [`solve_ivp`], [`OdeSolution`] | RK23, RK45, DOP853, Radau, BDF, LSODA |
//! | `odeint` | [`odeint`] | LSODA (ODEPACK) |
//! | `quad_vec` | [`quad_vec`] | real or complex vector-valued, SciPy's adaptive algorithm |
//! | `trapezoid`, `simpson`, `cumulative_trapezoid`, `cumulative_simpson` | [`trapezoid`], [`simpson`], [`cumulative_trapezoid`], [`cumulative_simpson`] | sampled data along an axis |
//! | `fixed_quad`, `newton_cotes`, `romb` | [`fixed_quad`], [`newton_cotes`], [`newton_cotes_equal`], [`romb`] | fixed-order rules |
//! | `dblquad`, `tplquad`, `nquad` | [`dblquad`], [`tplquad`], [`nquad`], [`nquad_with`] | iterated QUADPACK |
//! | `solve_bvp` | [`solve_bvp`], [`BvpSolution`] | 4th-order collocation, residual control; real or complex |
//!
//! Integrands and right-hand sides are Rust closures; results carry what
//! SciPy's `full_output` reports, and SciPy's warnings are reported in
//! the result (`ier`, `status`, `message`) instead of being printed.
//! Not yet: `qmc_quad` (it needs `scipy.stats.qmc`).

mod bvp;
mod fixed;
mod ivp;
mod multi;
mod odeint;
mod quad;
mod quad_vec;
pub(crate) mod quadpack;
mod sampled;

pub use bvp::{BvpBcJac, BvpFunJac, BvpOptions, BvpResult, BvpSolution, solve_bvp};
pub use fixed::{fixed_quad, newton_cotes, newton_cotes_equal, romb, roots_legendre};
pub use ivp::{
    DenseOutput, Event, EventFn, IvpOptions, JacFn, Jacobian, Method, OdeResult, OdeScalar, OdeSolution, Tol,
    solve_ivp,
};
pub use multi::{NquadOpts, NquadRange, NquadResult, OptsFn, RangeFn, dblquad, nquad, nquad_with, tplquad};
pub use odeint::{OdeintInfo, OdeintOptions, OdeintResult, odeint};
pub use quad::{ComplexQuadResult, QuadExtra, QuadOptions, QuadResult, Weight, quad, quad_complex};
pub use quad_vec::{QuadVecNorm, QuadVecOptions, QuadVecResult, QuadVecRule, quad_vec};
pub use sampled::{cumulative_simpson, cumulative_trapezoid, simpson, trapezoid};
