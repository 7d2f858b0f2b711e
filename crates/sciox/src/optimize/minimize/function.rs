//! The objective with its gradient, cached at the last point and counted
//! as SciPy's `ScalarFunction` counts (`nfev` includes finite-difference
//! evaluations, `ngev` counts gradients however they are obtained).

use super::finite_diff::{FdSpec, cs_gradient, fd_gradient};
use numox::Complex64;

/// A user gradient closure: writes the gradient at `x` into the slice.
pub type GradFn<'a> = &'a mut dyn FnMut(&[f64], &mut [f64]);

/// The objective extended to complex arguments, for complex-step
/// derivatives (SciPy's `jac='cs'`).
pub type ComplexFn<'a> = &'a mut dyn FnMut(&[Complex64]) -> Complex64;

/// Where a gradient comes from.
pub(crate) enum GradSource<'a> {
    /// Finite differences of the objective (the method's `FdSpec`).
    FiniteDiff,
    /// The user's gradient closure (SciPy's callable `jac`).
    Closure(GradFn<'a>),
    /// Complex steps of the objective's complex form (`jac='cs'`).
    ComplexStep(ComplexFn<'a>),
}

impl<'a> From<Option<GradFn<'a>>> for GradSource<'a> {
    fn from(g: Option<GradFn<'a>>) -> Self {
        g.map_or(GradSource::FiniteDiff, GradSource::Closure)
    }
}

impl GradSource<'_> {
    /// SciPy's `fd_needed`: the gradient is not a user closure.
    pub(crate) fn is_estimated(&self) -> bool {
        !matches!(self, GradSource::Closure(_))
    }
}

pub(crate) struct ScalarFunction<'a, F> {
    fun: F,
    grad: GradSource<'a>,
    fd: FdSpec,
    bounds: Option<(Vec<f64>, Vec<f64>)>,
    pub x: Vec<f64>,
    pub f: f64,
    pub g: Vec<f64>,
    f_ok: bool,
    g_ok: bool,
    pub nfev: usize,
    pub ngev: usize,
    scratch: Vec<f64>,
}

impl<'a, F: FnMut(&[f64]) -> f64> ScalarFunction<'a, F> {
    /// Evaluates `f` and the gradient at `x0`, as SciPy's constructor does.
    pub fn new(
        fun: F,
        grad: impl Into<GradSource<'a>>,
        fd: FdSpec,
        bounds: Option<(Vec<f64>, Vec<f64>)>,
        x0: &[f64],
    ) -> Self {
        let n = x0.len();
        let mut sf = ScalarFunction {
            fun,
            grad: grad.into(),
            fd,
            bounds,
            x: x0.to_vec(),
            f: f64::NAN,
            g: vec![0.0; n],
            f_ok: false,
            g_ok: false,
            nfev: 0,
            ngev: 0,
            scratch: vec![0.0; n],
        };
        sf.update_fun();
        sf.update_grad();
        sf
    }

    #[inline]
    fn set_x(&mut self, x: &[f64]) {
        if x != self.x.as_slice() {
            self.x.copy_from_slice(x);
            self.f_ok = false;
            self.g_ok = false;
        }
    }

    fn update_fun(&mut self) {
        if !self.f_ok {
            self.f = (self.fun)(&self.x);
            self.nfev += 1;
            self.f_ok = true;
        }
    }

    fn update_grad(&mut self) {
        if !self.g_ok {
            match &mut self.grad {
                GradSource::Closure(gf) => gf(&self.x, &mut self.g),
                GradSource::ComplexStep(cf) => {
                    // SciPy's `update_grad` evaluates f first for every
                    // finite-difference method, 'cs' included
                    if !self.f_ok {
                        self.f = (self.fun)(&self.x);
                        self.nfev += 1;
                        self.f_ok = true;
                    }
                    self.nfev += cs_gradient(&mut **cf, &self.x, &self.fd, &mut self.g);
                }
                GradSource::FiniteDiff => {
                    self.update_fun();
                    let b = self.bounds.as_ref().map(|(l, u)| (l.as_slice(), u.as_slice()));
                    let n = fd_gradient(
                        &mut self.fun,
                        &self.x,
                        self.f,
                        &self.fd,
                        b,
                        &mut self.g,
                        &mut self.scratch,
                    );
                    self.nfev += n;
                }
            }
            self.ngev += 1;
            self.g_ok = true;
        }
    }

    /// The objective at `x` (cached).
    pub fn fun(&mut self, x: &[f64]) -> f64 {
        self.set_x(x);
        self.update_fun();
        self.f
    }

    /// The gradient at `x` (cached), in `self.g`.
    pub fn grad(&mut self, x: &[f64]) -> &[f64] {
        self.set_x(x);
        self.update_grad();
        &self.g
    }
}
