//! QUADPACK (Piessens, de Doncker-Kapenga, Überhuber, Kahaner, 1983), the
//! adaptive integrators behind `scipy.integrate.quad`, ported from SciPy's
//! C translation so that on the same integrand and tolerances the same
//! intervals are bisected and the same numbers come out.
//!
//! | routine | integral |
//! |---|---|
//! | [`qagse`] | `f` over a finite `(a, b)`, bisection + Wynn epsilon extrapolation |
//! | [`qagie`] | `f` over `(bound, inf)`, `(-inf, bound)`, `(-inf, inf)` |
//! | [`qagpe`] | `f` over `(a, b)` with user break points |
//! | [`qawoe`] | `f(x) cos(wx)` / `f(x) sin(wx)` over `(a, b)` (Clenshaw–Curtis) |
//! | [`qawfe`] | the Fourier integrals over `(a, inf)`, cycle by cycle |
//! | [`qawse`] | `f(x) (x-a)^alpha (b-x)^beta [log]` over `(a, b)` |
//! | [`qawce`] | the Cauchy principal value of `f(x) / (x - c)` |
//!
//! All routines use 0-based interval indices (`iord`), as SciPy's
//! translation does.

// The port keeps QUADPACK's index arithmetic, loop shapes and negated
// comparisons (`!(a > b)` is not `a <= b` when NaN is involved), so that it
// can be read side by side with the original and reproduces it exactly.
#![allow(
    clippy::needless_range_loop,
    clippy::int_plus_one,
    clippy::mut_range_bound,
    clippy::neg_cmp_op_on_partial_ord,
    clippy::explicit_counter_loop,
    clippy::too_many_arguments,
    clippy::approx_constant,
    clippy::excessive_precision,
    clippy::unreadable_literal
)]

mod cheb;
mod gk;
mod qagie;
mod qagpe;
mod qagse;
mod qawce;
mod qawo;
mod qawse;
mod qelg;

pub(crate) use qagie::qagie;
pub(crate) use qagpe::qagpe;
pub(crate) use qagse::qagse;
pub(crate) use qawce::qawce;
pub(crate) use qawo::{Moments, qawfe, qawoe};
pub(crate) use qawse::qawse;

/// Largest relative spacing (`np.finfo(float).eps`).
pub(crate) const EPMACH: f64 = f64::EPSILON;
/// Smallest positive normal number (`np.finfo(float).tiny`).
pub(crate) const UFLOW: f64 = f64::MIN_POSITIVE;
/// Largest finite number.
pub(crate) const OFLOW: f64 = f64::MAX;

/// The QUADPACK tolerance check shared by all routines: `epsabs <= 0`
/// requires `epsrel >= max(50 eps, 0.5e-28)`.
pub(crate) fn tolerances_invalid(epsabs: f64, epsrel: f64) -> bool {
    epsabs <= 0.0 && epsrel < (50.0 * EPMACH).max(0.5e-28)
}

/// The work arrays of one adaptive integration: the subintervals
/// `(alist[i], blist[i])`, their integrals `rlist[i]` and error estimates
/// `elist[i]`, and `iord`, the indices in order of decreasing error.
/// `level` holds qagpe's subdivision levels (qawoe's `nnlog`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Workspace {
    pub alist: Vec<f64>,
    pub blist: Vec<f64>,
    pub rlist: Vec<f64>,
    pub elist: Vec<f64>,
    pub iord: Vec<usize>,
    pub level: Vec<usize>,
}

impl Workspace {
    /// Sizes the arrays for `limit` subintervals (reusing the allocation)
    /// and zeroes them.
    pub(crate) fn reset(&mut self, limit: usize) {
        for v in [&mut self.alist, &mut self.blist, &mut self.rlist, &mut self.elist] {
            v.clear();
            v.resize(limit, 0.0);
        }
        self.iord.clear();
        self.iord.resize(limit, 0);
        self.level.clear();
        self.level.resize(limit, 0);
    }
}

/// What a QUADPACK routine reports besides its work arrays.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Outcome {
    pub result: f64,
    pub abserr: f64,
    pub neval: usize,
    pub ier: i32,
    pub last: usize,
}

/// Appends the two halves of the bisected interval `maxerr` to the lists:
/// the half with the larger error takes slot `maxerr`, the other slot `l`.
#[inline]
#[allow(clippy::too_many_arguments)]
pub(crate) fn append_halves(
    ws: &mut Workspace,
    maxerr: usize,
    l: usize,
    a1: f64,
    b1: f64,
    a2: f64,
    b2: f64,
    area1: f64,
    area2: f64,
    error1: f64,
    error2: f64,
) {
    if !(error2 > error1) {
        ws.alist[l] = a2;
        ws.blist[maxerr] = b1;
        ws.blist[l] = b2;
        ws.elist[maxerr] = error1;
        ws.elist[l] = error2;
    } else {
        ws.alist[maxerr] = a2;
        ws.alist[l] = a1;
        ws.blist[l] = b1;
        ws.rlist[maxerr] = area2;
        ws.rlist[l] = area1;
        ws.elist[maxerr] = error2;
        ws.elist[l] = error1;
    }
}
