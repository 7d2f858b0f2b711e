//! The objective and constraint wrappers of trust-constr with SciPy's
//! caching (`ScalarFunction`, `VectorFunction`, `LinearVectorFunction`,
//! `IdentityVectorFunction` of `_differentiable_functions.py`): what is
//! evaluated when, and therefore `nfev`, `njev`, `nhev`, follow SciPy.

#![allow(clippy::needless_range_loop)] // index loops mirror SciPy's array code

use super::hessian_update::{QuasiNewton, UpdateRule};
use super::qp_subproblem::dot;
use crate::optimize::minimize::constraints::Constraint;
use crate::optimize::minimize::finite_diff::{
    EPSILON, FdSpec, FiniteDiff, adjust_scheme_to_bounds, compute_absolute_step, cs_gradient, fd_gradient,
};
use crate::optimize::minimize::function::{ComplexFn, GradFn};
use crate::optimize::minimize::newton_cg::{HessFn, HessProdFn};
use numox::Complex64;

/// The Hessian of the objective.
pub(crate) enum ObjHess<'a> {
    Qn(QuasiNewton),
    Full {
        f: HessFn<'a>,
        h: Vec<f64>,
    },
    Prod {
        f: HessProdFn<'a>,
        xh: Vec<f64>,
    },
    /// `hess='2-point'`/`'3-point'` with a gradient closure: SciPy's
    /// finite-difference `LinearOperator` of the gradient at `x0` (where it
    /// is `g0`), relative step `h`; each product evaluates the gradient
    /// once ('2-point') or twice ('3-point').
    Fd {
        three: bool,
        h: f64,
        x0: Vec<f64>,
        g0: Vec<f64>,
        xt: Vec<f64>,
        gt: Vec<f64>,
    },
}

/// SciPy's `ScalarFunction`.
pub(crate) struct Objective<'a> {
    fun: &'a mut dyn FnMut(&[f64]) -> f64,
    grad: Option<GradFn<'a>>,
    /// The objective in complex arithmetic for complex-step gradients
    /// (`jac='cs'`; used when `grad` is `None`).
    cs: Option<ComplexFn<'a>>,
    hess: ObjHess<'a>,
    fd: FdSpec,
    /// SciPy's `finite_diff_bounds` (the bounds kept feasible).
    fd_bounds: Option<(Vec<f64>, Vec<f64>)>,
    pub x: Vec<f64>,
    pub f: f64,
    pub g: Vec<f64>,
    f_upd: bool,
    g_upd: bool,
    h_upd: bool,
    x_prev: Vec<f64>,
    g_prev: Vec<f64>,
    pub nfev: usize,
    pub ngev: usize,
    pub nhev: usize,
    xt: Vec<f64>,
}

impl<'a> Objective<'a> {
    pub fn new(
        fun: &'a mut dyn FnMut(&[f64]) -> f64,
        grad: Option<GradFn<'a>>,
        cs: Option<ComplexFn<'a>>,
        hess: ObjHess<'a>,
        fd: FdSpec,
        fd_bounds: Option<(Vec<f64>, Vec<f64>)>,
        x0: &[f64],
    ) -> Self {
        let n = x0.len();
        let mut o = Objective {
            fun,
            grad,
            cs,
            hess,
            fd,
            fd_bounds,
            x: x0.to_vec(),
            f: f64::NAN,
            g: vec![0.0; n],
            f_upd: false,
            g_upd: false,
            h_upd: false,
            x_prev: vec![0.0; n],
            g_prev: vec![0.0; n],
            nfev: 0,
            ngev: 0,
            nhev: 0,
            xt: vec![0.0; n],
        };
        o.update_fun();
        o.update_grad();
        match &mut o.hess {
            ObjHess::Qn(_) => {}
            ObjHess::Full { f, h } => {
                f(x0, h);
                o.nhev += 1;
            }
            ObjHess::Prod { xh, .. } => {
                xh.copy_from_slice(x0);
                o.nhev += 1;
            }
            ObjHess::Fd { x0: hx, g0, .. } => {
                hx.copy_from_slice(&o.x);
                g0.copy_from_slice(&o.g);
            }
        }
        o.h_upd = true;
        o
    }

    fn update_fun(&mut self) {
        if !self.f_upd {
            self.f = (self.fun)(&self.x);
            self.nfev += 1;
            self.f_upd = true;
        }
    }

    fn update_grad(&mut self) {
        if !self.g_upd {
            match self.grad.as_deref_mut() {
                Some(g) => g(&self.x, &mut self.g),
                // SciPy's `update_grad` evaluates f first for 'cs' too
                None if self.cs.is_some() => {
                    self.update_fun();
                    let cf = self.cs.as_deref_mut().expect("checked");
                    self.nfev += cs_gradient(cf, &self.x, &self.fd, &mut self.g);
                }
                None => {
                    self.update_fun();
                    let fun = &mut self.fun;
                    self.nfev += fd_gradient(
                        &mut |x: &[f64]| fun(x),
                        &self.x,
                        self.f,
                        &self.fd,
                        self.fd_bounds.as_ref().map(|(l, u)| (&l[..], &u[..])),
                        &mut self.g,
                        &mut self.xt,
                    );
                }
            }
            self.ngev += 1;
            self.g_upd = true;
        }
    }

    fn update_hess(&mut self) {
        if !self.h_upd {
            if matches!(self.hess, ObjHess::Qn(_) | ObjHess::Fd { .. }) {
                self.update_grad();
            }
            match &mut self.hess {
                ObjHess::Qn(q) => {
                    let dx: Vec<f64> = self.x.iter().zip(&self.x_prev).map(|(a, b)| a - b).collect();
                    let dg: Vec<f64> = self.g.iter().zip(&self.g_prev).map(|(a, b)| a - b).collect();
                    q.update(&dx, &dg);
                }
                ObjHess::Full { f, h } => {
                    f(&self.x, h);
                    self.nhev += 1;
                }
                ObjHess::Prod { xh, .. } => {
                    xh.copy_from_slice(&self.x);
                    self.nhev += 1;
                }
                ObjHess::Fd { x0, g0, .. } => {
                    x0.copy_from_slice(&self.x);
                    g0.copy_from_slice(&self.g);
                }
            }
            self.h_upd = true;
        }
    }

    fn update_x(&mut self, x: &[f64]) {
        if matches!(self.hess, ObjHess::Qn(_)) {
            self.update_grad();
            self.x_prev.copy_from_slice(&self.x);
            self.g_prev.copy_from_slice(&self.g);
            self.x.copy_from_slice(x);
            self.f_upd = false;
            self.g_upd = false;
            self.h_upd = false;
            self.update_hess();
        } else {
            self.x.copy_from_slice(x);
            self.f_upd = false;
            self.g_upd = false;
            self.h_upd = false;
        }
    }

    pub fn fun(&mut self, x: &[f64]) -> f64 {
        if x != self.x.as_slice() {
            self.update_x(x);
        }
        self.update_fun();
        self.f
    }

    pub fn grad(&mut self, x: &[f64]) -> Vec<f64> {
        if x != self.x.as_slice() {
            self.update_x(x);
        }
        self.update_grad();
        self.g.clone()
    }

    /// Makes the Hessian at `x` current (SciPy's `hess(x)`).
    pub fn hess(&mut self, x: &[f64]) {
        if x != self.x.as_slice() {
            self.update_x(x);
        }
        self.update_hess();
    }

    /// `out = H p` with the current Hessian.
    pub fn hess_dot(&mut self, p: &[f64], out: &mut [f64]) {
        let n = p.len();
        match &mut self.hess {
            ObjHess::Qn(q) => q.dot(p, out),
            ObjHess::Full { h, .. } => {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = dot(&h[i * n..(i + 1) * n], p);
                }
            }
            ObjHess::Prod { f, xh } => f(xh, p, out),
            ObjHess::Fd {
                three,
                h,
                x0,
                g0,
                xt,
                gt,
            } => {
                // SciPy's `_linear_operator_difference` of the gradient
                if p.iter().all(|&v| v == 0.0) {
                    out.fill(0.0);
                    return;
                }
                let Some(grad) = self.grad.as_deref_mut() else {
                    // (a gradient closure is checked for up front)
                    out.fill(f64::NAN);
                    return;
                };
                let pn = dot(p, p).sqrt();
                if *three {
                    let dx = 2.0 * *h / pn;
                    for i in 0..n {
                        xt[i] = x0[i] - (dx / 2.0) * p[i];
                    }
                    grad(xt, gt);
                    for i in 0..n {
                        xt[i] = x0[i] + (dx / 2.0) * p[i];
                    }
                    grad(xt, out);
                    for i in 0..n {
                        out[i] = (out[i] - gt[i]) / dx;
                    }
                    self.ngev += 2;
                } else {
                    let dx = *h / pn;
                    for i in 0..n {
                        xt[i] = x0[i] + dx * p[i];
                    }
                    grad(xt, out);
                    for i in 0..n {
                        out[i] = (out[i] - g0[i]) / dx;
                    }
                    self.ngev += 1;
                }
            }
        }
    }
}

/// SciPy's `VectorFunction` of a nonlinear constraint, with the default
/// `hess=BFGS()`.
pub(crate) struct VecFn {
    m: usize,
    n: usize,
    rel_step: Option<f64>,
    /// SciPy's `finite_diff_bounds` of the forward differences.
    fd_bounds: Option<(Vec<f64>, Vec<f64>)>,
    pub x: Vec<f64>,
    pub f: Vec<f64>,
    /// m×n row-major.
    pub j: Vec<f64>,
    pub v: Vec<f64>,
    f_upd: bool,
    j_upd: bool,
    h_upd: bool,
    qn: QuasiNewton,
    x_prev: Option<Vec<f64>>,
    j_prev: Vec<f64>,
    pub nfev: usize,
    pub njev: usize,
    pub nhev: usize,
    /// An exact constraint Hessian `hess(x, v)` is given: `h` (n×n) holds it.
    exact: bool,
    h: Vec<f64>,
}

/// A constraint Hessian `hess(x, v, out)`.
type ConHess<'c, 'a> = &'c mut (dyn FnMut(&[f64], &[f64], &mut [f64]) + 'a);

fn hess_of<'c, 'a>(c: &'c mut Constraint<'a>) -> Option<ConHess<'c, 'a>> {
    match c {
        Constraint::Nonlinear(nl) => nl.hess.as_deref_mut(),
        _ => None,
    }
}

fn has_jac(c: &Constraint<'_>) -> bool {
    match c {
        Constraint::Dict { jac, .. } => jac.is_some(),
        Constraint::Nonlinear(nl) => nl.jac.is_some(),
        Constraint::Linear(_) => true,
    }
}

impl VecFn {
    pub fn new(
        c: &mut Constraint<'_>,
        x0: &[f64],
        m: usize,
        rel_step: Option<f64>,
        fd_bounds: Option<(Vec<f64>, Vec<f64>)>,
    ) -> Self {
        let n = x0.len();
        let mut s = VecFn {
            m,
            n,
            rel_step,
            fd_bounds,
            x: x0.to_vec(),
            f: vec![0.0; m],
            j: vec![0.0; m * n],
            v: vec![0.0; m],
            f_upd: false,
            j_upd: false,
            h_upd: true,
            qn: QuasiNewton::new(UpdateRule::Bfgs, n),
            x_prev: None,
            j_prev: vec![0.0; m * n],
            nfev: 0,
            njev: 0,
            nhev: 0,
            exact: false,
            h: Vec::new(),
        };
        s.update_fun(c);
        if has_jac(c) {
            s.njev += 1;
        }
        s.compute_jac(c);
        s.j_upd = true;
        if let Some(hf) = hess_of(c) {
            s.exact = true;
            s.h = vec![0.0; n * n];
            hf(&s.x, &s.v, &mut s.h);
            s.nhev += 1;
        }
        s
    }

    fn update_fun(&mut self, c: &mut Constraint<'_>) {
        if !self.f_upd {
            c.eval(&self.x, &mut self.f);
            self.nfev += 1;
            self.f_upd = true;
        }
    }

    fn compute_jac(&mut self, c: &mut Constraint<'_>) {
        let jac = match c {
            Constraint::Dict { jac, .. } => jac.as_deref_mut(),
            Constraint::Nonlinear(nl) => nl.jac.as_deref_mut(),
            Constraint::Linear(_) => None,
        };
        if let Some(j) = jac {
            j(&self.x, &mut self.j);
            return;
        }
        let (m, n) = (self.m, self.n);
        // (a dictionary is SciPy's '2-point' NonlinearConstraint here)
        if let Constraint::Nonlinear(nl) = c
            && let Some(fc) = nl.fun_complex.as_deref_mut()
        {
            // SciPy's jac='cs': Im c(x + i h e_i) / h with the relative
            // step of '2-point' (bounds not consulted), one evaluation each
            let mut xc: Vec<Complex64> = self.x.iter().map(|&v| Complex64::new(v, 0.0)).collect();
            let mut f1 = vec![Complex64::new(0.0, 0.0); m];
            for i in 0..n {
                let h = compute_absolute_step(self.rel_step, EPSILON, self.x[i]);
                xc[i].im = h;
                fc(&xc, &mut f1);
                xc[i].im = 0.0;
                self.nfev += 1;
                for r in 0..m {
                    self.j[r * n + i] = f1[r].im / h;
                }
            }
            return;
        }
        // '2-point' forward differences with SciPy's relative step
        let mut xt = self.x.clone();
        let mut f1 = vec![0.0; m];
        for i in 0..n {
            let x0 = self.x[i];
            let mut h = compute_absolute_step(self.rel_step, EPSILON, x0);
            if let Some((l, u)) = &self.fd_bounds {
                h = adjust_scheme_to_bounds(h, x0, l[i], u[i], false).0;
            }
            xt[i] = x0 + h;
            let dx = xt[i] - x0;
            c.eval(&xt, &mut f1);
            self.nfev += 1;
            for r in 0..m {
                self.j[r * n + i] = (f1[r] - self.f[r]) / dx;
            }
            xt[i] = x0;
        }
    }

    fn update_jac(&mut self, c: &mut Constraint<'_>) {
        if !self.j_upd {
            if has_jac(c) {
                self.njev += 1;
            } else {
                self.update_fun(c);
            }
            self.compute_jac(c);
            self.j_upd = true;
        }
    }

    fn jt_v(&self, j: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut out = vec![0.0; n];
        for (r, vr) in self.v.iter().enumerate() {
            for (o, a) in out.iter_mut().zip(&j[r * n..(r + 1) * n]) {
                *o += a * vr;
            }
        }
        out
    }

    fn update_hess(&mut self, c: &mut Constraint<'_>) {
        if !self.h_upd && self.exact {
            if let Some(hf) = hess_of(c) {
                hf(&self.x, &self.v, &mut self.h);
                self.nhev += 1;
            }
            self.h_upd = true;
            return;
        }
        if !self.h_upd {
            self.update_jac(c);
            if let Some(xp) = &self.x_prev {
                let dx: Vec<f64> = self.x.iter().zip(xp).map(|(a, b)| a - b).collect();
                let g1 = self.jt_v(&self.j);
                let g0 = self.jt_v(&self.j_prev);
                let dg: Vec<f64> = g1.iter().zip(&g0).map(|(a, b)| a - b).collect();
                self.qn.update(&dx, &dg);
            }
            self.h_upd = true;
        }
    }

    fn update_x(&mut self, c: &mut Constraint<'_>, x: &[f64]) {
        if x != self.x.as_slice() && self.exact {
            self.x.copy_from_slice(x);
            self.f_upd = false;
            self.j_upd = false;
            self.h_upd = false;
            return;
        }
        if x != self.x.as_slice() {
            self.update_jac(c);
            self.x_prev = Some(self.x.clone());
            self.j_prev.copy_from_slice(&self.j);
            self.x.copy_from_slice(x);
            self.f_upd = false;
            self.j_upd = false;
            self.h_upd = false;
            self.update_hess(c);
        }
    }

    pub fn fun(&mut self, c: &mut Constraint<'_>, x: &[f64]) {
        self.update_x(c, x);
        self.update_fun(c);
    }

    pub fn jac(&mut self, c: &mut Constraint<'_>, x: &[f64]) {
        self.update_x(c, x);
        self.update_jac(c);
    }

    pub fn hess(&mut self, c: &mut Constraint<'_>, x: &[f64], v: &[f64]) {
        if v != self.v.as_slice() {
            self.v.copy_from_slice(v);
            self.h_upd = false;
        }
        self.update_x(c, x);
        self.update_hess(c);
    }

    pub fn hess_dot_add(&self, p: &[f64], out: &mut [f64]) {
        if self.exact {
            let n = self.n;
            for (i, o) in out.iter_mut().enumerate() {
                *o += dot(&self.h[i * n..(i + 1) * n], p);
            }
        } else {
            self.qn.dot_add(p, out);
        }
    }
}

/// SciPy's `LinearVectorFunction` (`identity`: `IdentityVectorFunction`
/// of the bounds, whose products are exact).
pub(crate) struct LinFn {
    pub m: usize,
    /// m×n row-major (empty for the identity).
    pub a: Vec<f64>,
    pub identity: bool,
    pub x: Vec<f64>,
    pub f: Vec<f64>,
    pub v: Vec<f64>,
    f_upd: bool,
}

impl LinFn {
    pub fn new(a: Vec<f64>, m: usize, identity: bool, x0: &[f64]) -> Self {
        let mut s = LinFn {
            m,
            a,
            identity,
            x: x0.to_vec(),
            f: vec![0.0; m],
            v: vec![0.0; m],
            f_upd: false,
        };
        s.eval();
        s
    }

    fn eval(&mut self) {
        let n = self.x.len();
        if self.identity {
            self.f.copy_from_slice(&self.x);
        } else {
            for r in 0..self.m {
                self.f[r] = dot(&self.a[r * n..(r + 1) * n], &self.x);
            }
        }
        self.f_upd = true;
    }

    pub fn fun(&mut self, x: &[f64]) {
        if x != self.x.as_slice() {
            self.x.copy_from_slice(x);
            self.f_upd = false;
        }
        if !self.f_upd {
            self.eval();
        }
    }

    /// The Jacobian, m×n row-major.
    pub fn jac(&self) -> Vec<f64> {
        if self.identity {
            let n = self.x.len();
            let mut j = vec![0.0; n * n];
            for i in 0..n {
                j[i * n + i] = 1.0;
            }
            j
        } else {
            self.a.clone()
        }
    }
}

/// The default objective finite-difference spec of trust-constr
/// ('2-point' with a relative step unless '3-point' is asked for).
pub(crate) fn objective_fd(mode: FiniteDiff, rel_step: Option<f64>) -> FdSpec {
    FdSpec {
        mode: if mode == FiniteDiff::ThreePoint {
            FiniteDiff::ThreePoint
        } else {
            FiniteDiff::TwoPoint
        },
        abs_step: EPSILON,
        rel_step,
        abs_explicit: None,
    }
}
