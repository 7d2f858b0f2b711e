//! The barrier interior point of trust-constr (SciPy's
//! `_trustregion_constr/tr_interior_point.py`): slack variables `s` turn
//! `c_ineq(x) <= 0` into `c_ineq(x) + s = 0`, and the barrier problems
//! `min f(x) - mu sum(ln s)` are solved by the equality-constrained SQP
//! for decreasing `mu`.

use super::equality_constrained_sqp::{SqpProblem, equality_constrained_sqp};
use super::qp_subproblem::CgInfo;
use super::{Problem, TrustConstrOptions};
use crate::Result;

/// SciPy's `BarrierSubproblem`.
struct Barrier<'q, 'p, 'a> {
    p: &'q mut Problem<'p, 'a>,
    n_vars: usize,
    n_ineq: usize,
    n_eq: usize,
    barrier_parameter: f64,
    tolerance: f64,
    xtol: f64,
    terminate: bool,
    /// `S Hs S` of the last Lagrangian Hessian.
    shs: Vec<f64>,
}

impl Barrier<'_, '_, '_> {
    fn compute_function(&self, f: f64, s: &[f64]) -> f64 {
        let sum: f64 = s
            .iter()
            .map(|&si| if si > 0.0 { si.ln() } else { f64::NEG_INFINITY })
            .sum();
        f - self.barrier_parameter * sum
    }

    fn compute_constr(c_ineq: &[f64], c_eq: &[f64], s: &[f64]) -> Vec<f64> {
        let mut out = c_eq.to_vec();
        out.extend(c_ineq.iter().zip(s).map(|(c, s)| c + s));
        out
    }

    fn compute_gradient(&self, g: &[f64]) -> Vec<f64> {
        let mut out = g.to_vec();
        out.extend(std::iter::repeat_n(-self.barrier_parameter, self.n_ineq));
        out
    }

    /// `[[J_eq, 0], [J_ineq, diag(s)]]`, row-major.
    fn compute_jacobian(&self, j_eq: &[f64], j_ineq: &[f64], s: &[f64]) -> Vec<f64> {
        let (n, ni) = (self.n_vars, self.n_ineq);
        let nz = n + ni;
        let mut out = vec![0.0; (self.n_eq + ni) * nz];
        for r in 0..self.n_eq {
            out[r * nz..r * nz + n].copy_from_slice(&j_eq[r * n..(r + 1) * n]);
        }
        for r in 0..ni {
            let row = self.n_eq + r;
            out[row * nz..row * nz + n].copy_from_slice(&j_ineq[r * n..(r + 1) * n]);
            out[row * nz + n + r] = s[r];
        }
        out
    }
}

impl SqpProblem for Barrier<'_, '_, '_> {
    fn fun_and_constr(&mut self, z: &mut [f64]) -> (f64, Vec<f64>) {
        let (x, s) = z.split_at_mut(self.n_vars);
        let outside = self.p.strict.as_ref().is_some_and(|(lb, ub)| {
            x.iter()
                .zip(lb.iter().zip(ub))
                .any(|(&xi, (&l, &u))| xi < l || xi > u)
        });
        let (f, c_eq, c_ineq) = if outside {
            // SciPy: out of the bounds kept feasible, f = inf and every
            // constraint 0, without evaluating anything
            (f64::INFINITY, vec![0.0; self.n_eq], vec![0.0; self.n_ineq])
        } else {
            let f = self.p.obj.fun(x);
            let (c_eq, c_ineq) = self.p.constr(x);
            (f, c_eq, c_ineq)
        };
        // SciPy's `_compute_function` writes the slacks of the rows kept
        // feasible into `z` itself (Nocedal & Wright, p. 576)
        enforce_slacks(&self.p.enforce, &c_ineq, s);
        (
            self.compute_function(f, s),
            Self::compute_constr(&c_ineq, &c_eq, s),
        )
    }

    fn grad_and_jac(&mut self, z: &[f64]) -> (Vec<f64>, Vec<f64>) {
        let (x, s) = z.split_at(self.n_vars);
        let g = self.p.obj.grad(x);
        let (j_eq, j_ineq) = self.p.jac(x);
        (
            self.compute_gradient(&g),
            self.compute_jacobian(&j_eq, &j_ineq, s),
        )
    }

    fn lagr_hess(&mut self, z: &[f64], v: &[f64]) {
        let (x, s) = z.split_at(self.n_vars);
        let (v_eq, v_ineq) = v.split_at(self.n_eq);
        self.p.lagr_hess(x, v_eq, v_ineq);
        let mu = self.barrier_parameter;
        self.shs = v_ineq
            .iter()
            .zip(s)
            .map(|(&vi, &si)| if vi > 0.0 { vi * si } else { mu })
            .collect();
    }

    fn hess_dot(&mut self, p: &[f64], out: &mut [f64]) {
        let n = self.n_vars;
        self.p.lagr_hess_dot(&p[..n], &mut out[..n]);
        for (k, o) in out[n..].iter_mut().enumerate() {
            *o = self.shs[k] * p[n + k];
        }
    }

    fn scaling(&self, z: &[f64]) -> Vec<f64> {
        let mut d = vec![1.0; self.n_vars];
        d.extend_from_slice(&z[self.n_vars..]);
        d
    }

    fn stop(
        &mut self,
        z: &[f64],
        failed: bool,
        optimality: f64,
        cv: f64,
        tr: f64,
        pen: f64,
        cg: CgInfo,
    ) -> bool {
        let x = &z[..self.n_vars];
        if self.p.global_stop(
            x,
            failed,
            tr,
            pen,
            cg,
            Some((self.barrier_parameter, self.tolerance)),
        ) {
            self.terminate = true;
            return true;
        }
        let g_cond = optimality < self.tolerance && cv < self.tolerance;
        let x_cond = tr < self.xtol;
        g_cond || x_cond
    }
}

/// `s[k] = -c_ineq[k]` for the inequality rows kept feasible.
fn enforce_slacks(enforce: &[bool], c_ineq: &[f64], s: &mut [f64]) {
    for ((sk, &e), &c) in s.iter_mut().zip(enforce).zip(c_ineq) {
        if e {
            *sk = -c;
        }
    }
}

/// Runs the interior point from `x0`; the result is left in `p.st`.
pub(super) fn tr_interior_point(
    p: &mut Problem<'_, '_>,
    x0: &[f64],
    fun0: f64,
    grad0: Vec<f64>,
    (c_ineq0, j_ineq0, c_eq0, j_eq0): (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>),
    opts: &TrustConstrOptions,
) -> Result<()> {
    const BOUNDARY_PARAMETER: f64 = 0.995;
    const BARRIER_DECAY_RATIO: f64 = 0.2;
    const TRUST_ENLARGEMENT: f64 = 5.0;
    let (n_vars, n_ineq, n_eq) = (p.n, p.n_ineq, p.n_eq);
    let mut trust_radius = opts.initial_tr_radius;
    let mut s0: Vec<f64> = c_ineq0.iter().map(|c| (-1.5 * c).max(1.0)).collect();
    enforce_slacks(&p.enforce, &c_ineq0, &mut s0);
    let mut b = Barrier {
        p,
        n_vars,
        n_ineq,
        n_eq,
        barrier_parameter: opts.initial_barrier_parameter,
        tolerance: opts.initial_barrier_tolerance,
        xtol: opts.xtol,
        terminate: false,
        shs: Vec::new(),
    };
    let mut fz = b.compute_function(fun0, &s0);
    let mut gz = b.compute_gradient(&grad0);
    let mut cz = Barrier::compute_constr(&c_ineq0, &c_eq0, &s0);
    let mut jz = b.compute_jacobian(&j_eq0, &j_ineq0, &s0);
    let mut z = x0.to_vec();
    z.extend_from_slice(&s0);
    let mut trust_lb = vec![f64::NEG_INFINITY; n_vars];
    trust_lb.extend(std::iter::repeat_n(-BOUNDARY_PARAMETER, n_ineq));
    let trust_ub = vec![f64::INFINITY; n_vars + n_ineq];
    loop {
        let (zn, _) = equality_constrained_sqp(
            &mut b,
            &z,
            fz,
            gz,
            cz,
            jz,
            opts.initial_constr_penalty,
            trust_radius,
            &trust_lb,
            &trust_ub,
            opts.factorization_method,
        )?;
        z = zn;
        if b.terminate {
            break;
        }
        trust_radius = opts.initial_tr_radius.max(TRUST_ENLARGEMENT * b.p.st.tr_radius);
        b.barrier_parameter *= BARRIER_DECAY_RATIO;
        b.tolerance *= BARRIER_DECAY_RATIO;
        let (f, c) = b.fun_and_constr(&mut z);
        let (g, j) = b.grad_and_jac(&z);
        fz = f;
        cz = c;
        gz = g;
        jz = j;
    }
    Ok(())
}
