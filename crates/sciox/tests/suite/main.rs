//! sciox's integration and conformance tests, one module per area, in ONE test binary:
//! a binary per file made CI compile and link the crate's generics 30-odd times
//! (most of CI's 30-minute budget). Add a new area as a module here.

#[path = "../common/mod.rs"]
mod common;

mod conformance_integrate_bvp;
mod conformance_integrate_ivp;
mod conformance_integrate_misc;
mod conformance_integrate_quad;
mod conformance_optimize;
mod conformance_optimize_cobyla;
mod conformance_optimize_direct;
mod conformance_optimize_global;
mod conformance_optimize_lp;
mod conformance_optimize_lsq;
mod conformance_optimize_lsq_linear_sparse;
mod conformance_optimize_root;
mod conformance_optimize_trust_constr;
mod integrate_bvp;
mod integrate_ivp;
mod integrate_misc;
mod integrate_quad;
mod optimize;
