//! `scipy.integrate`: quadrature of functions and samples, and solvers
//! for ordinary differential equations.
//!
//! | SciPy | sciox | notes |
//! |---|---|---|
//! | `quad` | [`quad`], [`quad_complex`] | QUADPACK (qagse, qagie, qagpe, qawoe, qawfe, qawse, qawce) |
//! | `solve_ivp`, `OdeSolution` | [`solve_ivp`], [`OdeSolution`] | RK23, RK45, DOP853, Radau, BDF, LSODA |
//! | `odeint` | [`odeint`] | LSODA (ODEPACK) |
//!
//! Integrands and right-hand sides are Rust closures; results carry what
//! SciPy's `full_output` reports, and SciPy's warnings are reported in
//! the result (`ier`, `status`, `message`) instead of being printed.

mod ivp;
mod odeint;
mod quad;
pub(crate) mod quadpack;

pub use ivp::{
    DenseOutput, Event, EventFn, IvpOptions, JacFn, Jacobian, Method, OdeResult, OdeScalar, OdeSolution, Tol,
    solve_ivp,
};
pub use odeint::{OdeintInfo, OdeintOptions, OdeintResult, odeint};
pub use quad::{ComplexQuadResult, QuadExtra, QuadOptions, QuadResult, Weight, quad, quad_complex};
