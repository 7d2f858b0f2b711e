//! Radau IIA of order 5, implicit (SciPy's `_ivp/radau.py`): the
//! collocation system is solved by simplified Newton iterations on the
//! transformed system (one real and one complex LU factorization), with
//! SciPy's error estimate, step-size prediction (Gustafsson) and
//! Jacobian-reuse strategy.

use super::JacSource;
use super::common::{
    DenseOutput, EPS, Lu, OdeScalar, Solver, Status, TOO_SMALL_STEP, Tols, base_step, min_step_at,
    select_initial_step,
};
use numox::Complex64;

// Butcher tableau data, SciPy's values printed with `repr`.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
mod tables {
    pub const C: [f64; 3] = [0.15505102572168222, 0.6449489742783178, 1.0];
    pub const E: [f64; 3] = [-10.048809399827414, 1.382142733160748, -0.3333333333333333];
    pub const T: [[f64; 3]; 3] = [
        [0.09443876248897524, -0.1412552950209542, 0.03002919410514742],
        [0.2502131229653333, 0.20412935229379994, -0.3829421127572619],
        [1.0, 1.0, 0.0],
    ];
    pub const TI: [[f64; 3]; 3] = [
        [4.178718591551904, 0.32768282076106237, 0.5233764454994495],
        [-4.178718591551904, -0.32768282076106237, 0.47662355450055044],
        [0.5028726349457868, -2.571926949855605, 0.5960392048282249],
    ];
    pub const P: [[f64; 3]; 3] = [
        [10.048809399827414, -25.62959144707664, 15.580782047249224],
        [-1.382142733160748, 10.296258113743303, -8.914115380582556],
        [0.3333333333333333, -2.6666666666666665, 3.3333333333333335],
    ];
    pub const MU_REAL: f64 = 3.637834252744496;
    pub const MU_COMPLEX_RE: f64 = 2.6810828736277523;
    pub const MU_COMPLEX_IM: f64 = -3.050430199247411;
}
use tables::*;

const NEWTON_MAXITER: usize = 6;
const MIN_FACTOR: f64 = 0.2;
const MAX_FACTOR: f64 = 10.0;

/// SciPy's `predict_factor` (Gustafsson's predictive controller).
fn predict_factor(h_abs: f64, h_abs_old: Option<f64>, error_norm: f64, error_norm_old: Option<f64>) -> f64 {
    let multiplier = match (error_norm_old, h_abs_old) {
        (Some(eo), Some(ho)) if error_norm != 0.0 => h_abs / ho * (eo / error_norm).powf(0.25),
        _ => 1.0,
    };
    multiplier.min(1.0) * error_norm.powf(-0.25)
}

pub(crate) struct Radau<'a, T: OdeScalar, F> {
    fun: F,
    jac: JacSource<'a, T>,
    n: usize,
    t: f64,
    y: Vec<T>,
    t_old: Option<f64>,
    t_bound: f64,
    direction: f64,
    status: Status,
    nfev: usize,
    njev: usize,
    nlu: usize,
    y_old: Vec<T>,
    f: Vec<T>,
    h_abs: f64,
    h_abs_old: Option<f64>,
    error_norm_old: Option<f64>,
    max_step: f64,
    tols: Tols,
    newton_tol: f64,
    sol: Option<DenseOutput<T>>,
    /// Row-major Jacobian.
    j: Vec<T>,
    lu_real: Option<Lu<T>>,
    lu_complex: Option<Lu<Complex64>>,
    current_jac: bool,
    z: Vec<T>,
}

impl<'a, T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> Radau<'a, T, F> {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        mut fun: F,
        t0: f64,
        y0: &[T],
        t_bound: f64,
        max_step: f64,
        tols: Tols,
        first_step: Option<f64>,
        mut jac: JacSource<'a, T>,
        rtol: f64,
    ) -> Self {
        let n = y0.len();
        let direction = if t_bound != t0 {
            (t_bound - t0).signum()
        } else {
            1.0
        };
        let mut f = vec![T::default(); n];
        fun(t0, y0, &mut f);
        let mut nfev = 1;
        let h_abs = match first_step {
            Some(h) => h,
            None => select_initial_step(
                &mut fun, t0, y0, t_bound, max_step, &f, direction, 3.0, &tols, &mut nfev,
            ),
        };
        let newton_tol = (10.0 * EPS / rtol).max(0.03f64.min(rtol.powf(0.5)));
        let mut j = vec![T::default(); n * n];
        let njev = jac.evaluate(&mut fun, t0, y0, Some(&f), &tols.atol, &mut j);
        Radau {
            fun,
            jac,
            n,
            t: t0,
            y: y0.to_vec(),
            t_old: None,
            t_bound,
            direction,
            status: Status::Running,
            nfev,
            njev,
            nlu: 0,
            y_old: vec![T::default(); n],
            f,
            h_abs,
            h_abs_old: None,
            error_norm_old: None,
            max_step,
            tols,
            newton_tol,
            sol: None,
            j,
            lu_real: None,
            lu_complex: None,
            current_jac: true,
            z: vec![T::default(); 3 * n],
        }
    }

    fn factor_real(&mut self, h: f64) -> Lu<T> {
        let n = self.n;
        let m = MU_REAL / h;
        let mut a = vec![T::default(); n * n];
        for i in 0..n {
            for k in 0..n {
                let ident = if i == k { m } else { 0.0 };
                a[i * n + k] = T::from_f64(ident) - self.j[i * n + k];
            }
        }
        self.nlu += 1;
        Lu::factor(n, a)
    }

    fn factor_complex(&mut self, h: f64) -> Lu<Complex64> {
        let n = self.n;
        let m = Complex64::new(MU_COMPLEX_RE / h, MU_COMPLEX_IM / h);
        let mut a = vec![Complex64::default(); n * n];
        for i in 0..n {
            for k in 0..n {
                let ident = if i == k { m } else { Complex64::new(0.0, 0.0) };
                a[i * n + k] = ident - Complex64::new(self.j[i * n + k].re(), 0.0);
            }
        }
        self.nlu += 1;
        Lu::factor(n, a)
    }

    /// SciPy's `solve_collocation_system`: returns (converged, iterations,
    /// rate); the stage increments are left in `self.z`.
    fn solve_collocation(&mut self, t: f64, h: f64, z0: &[T], scale: &[f64]) -> (bool, usize, Option<f64>) {
        let n = self.n;
        let m_real = MU_REAL / h;
        let m_complex = Complex64::new(MU_COMPLEX_RE / h, MU_COMPLEX_IM / h);
        // W = TI Z0, Z = Z0
        let mut w = vec![T::default(); 3 * n];
        for r in 0..3 {
            for i in 0..n {
                w[r * n + i] = z0[i] * TI[r][0] + z0[n + i] * TI[r][1] + z0[2 * n + i] * TI[r][2];
            }
        }
        self.z.copy_from_slice(z0);
        let mut fv = vec![T::default(); 3 * n];
        let mut yz = vec![T::default(); n];
        let mut dw = vec![T::default(); 3 * n];
        let mut f_real = vec![T::default(); n];
        let mut f_complex = vec![Complex64::default(); n];
        let mut dw_norm_old: Option<f64> = None;
        let mut rate: Option<f64> = None;
        let mut converged = false;
        let mut k = 0;
        let lu_real = self.lu_real.as_ref().expect("factored");
        let lu_complex = self.lu_complex.as_ref().expect("factored");
        while k < NEWTON_MAXITER {
            for i in 0..3 {
                for q in 0..n {
                    yz[q] = self.y[q] + self.z[i * n + q];
                }
                (self.fun)(t + h * C[i], &yz, &mut fv[i * n..(i + 1) * n]);
                self.nfev += 1;
            }
            if !fv.iter().all(|v| v.is_finite()) {
                break;
            }
            for q in 0..n {
                let (f0, f1, f2) = (fv[q], fv[n + q], fv[2 * n + q]);
                f_real[q] = f0 * TI[0][0] + f1 * TI[0][1] + f2 * TI[0][2] - w[q] * m_real;
                let re = f0.re() * TI[1][0] + f1.re() * TI[1][1] + f2.re() * TI[1][2];
                let im = f0.re() * TI[2][0] + f1.re() * TI[2][1] + f2.re() * TI[2][2];
                let wc = Complex64::new(w[n + q].re(), w[2 * n + q].re());
                f_complex[q] = Complex64::new(re, im) - m_complex * wc;
            }
            lu_real.solve(&mut f_real);
            lu_complex.solve(&mut f_complex);
            for q in 0..n {
                dw[q] = f_real[q];
                dw[n + q] = T::from_f64(f_complex[q].re);
                dw[2 * n + q] = T::from_f64(f_complex[q].im);
            }
            let mut s = 0.0;
            for r in 0..3 {
                for q in 0..n {
                    s += (dw[r * n + q] / scale[q]).norm_sqr();
                }
            }
            let dw_norm = s.sqrt() / ((3 * n) as f64).sqrt();
            if let Some(old) = dw_norm_old {
                rate = Some(dw_norm / old);
            }
            if let Some(r) = rate {
                if r >= 1.0 || r.powf((NEWTON_MAXITER - k) as f64) / (1.0 - r) * dw_norm > self.newton_tol {
                    break;
                }
            }
            for (wv, d) in w.iter_mut().zip(&dw) {
                *wv += *d;
            }
            for r in 0..3 {
                for q in 0..n {
                    self.z[r * n + q] = w[q] * T[r][0] + w[n + q] * T[r][1] + w[2 * n + q] * T[r][2];
                }
            }
            if dw_norm == 0.0 || rate.is_some_and(|r| r / (1.0 - r) * dw_norm < self.newton_tol) {
                converged = true;
                break;
            }
            dw_norm_old = Some(dw_norm);
            k += 1;
        }
        let iters = if k == NEWTON_MAXITER { k } else { k + 1 };
        (converged, iters, rate)
    }

    fn step_impl(&mut self) -> Result<(), &'static str> {
        let n = self.n;
        let t = self.t;
        let min_step = min_step_at(t, self.direction);
        let (mut h_abs, h_abs_old, error_norm_old) = if self.h_abs > self.max_step {
            (self.max_step, None, None)
        } else if self.h_abs < min_step {
            (min_step, None, None)
        } else {
            (self.h_abs, self.h_abs_old, self.error_norm_old)
        };
        let mut current_jac = self.current_jac;
        let mut rejected = false;
        let mut z0 = vec![T::default(); 3 * n];
        let mut scale = vec![0.0; n];
        let mut y_new = vec![T::default(); n];
        let mut err = vec![T::default(); n];
        let mut ze = vec![T::default(); n];
        let (t_new, n_iter, rate, error_norm, safety) = loop {
            if h_abs < min_step {
                return Err(TOO_SMALL_STEP);
            }
            let mut h = h_abs * self.direction;
            let mut t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
            }
            h = t_new - t;
            h_abs = h.abs();
            match &self.sol {
                None => z0.iter_mut().for_each(|v| *v = T::default()),
                Some(sol) => {
                    for i in 0..3 {
                        let v = sol.eval(t + h * C[i]);
                        for q in 0..n {
                            z0[i * n + q] = v[q] - self.y[q];
                        }
                    }
                }
            }
            for q in 0..n {
                scale[q] = self.tols.atol[q] + self.y[q].abs() * self.tols.rtol[q];
            }
            let mut converged = false;
            let mut n_iter = 0;
            let mut rate = None;
            while !converged {
                if self.lu_real.is_none() || self.lu_complex.is_none() {
                    self.lu_real = Some(self.factor_real(h));
                    self.lu_complex = Some(self.factor_complex(h));
                }
                (converged, n_iter, rate) = self.solve_collocation(t, h, &z0, &scale);
                if !converged {
                    if current_jac {
                        break;
                    }
                    let (y, f) = (self.y.clone(), self.f.clone());
                    self.njev +=
                        self.jac
                            .evaluate(&mut self.fun, t, &y, Some(&f), &self.tols.atol, &mut self.j);
                    current_jac = true;
                    self.lu_real = None;
                    self.lu_complex = None;
                }
            }
            if !converged {
                h_abs *= 0.5;
                self.lu_real = None;
                self.lu_complex = None;
                continue;
            }
            for q in 0..n {
                y_new[q] = self.y[q] + self.z[2 * n + q];
                ze[q] = (self.z[q] * E[0] + self.z[n + q] * E[1] + self.z[2 * n + q] * E[2]) / h;
                err[q] = self.f[q] + ze[q];
            }
            let lu_real = self.lu_real.as_ref().expect("factored");
            lu_real.solve(&mut err);
            for q in 0..n {
                scale[q] = self.tols.atol[q] + self.y[q].abs().max(y_new[q].abs()) * self.tols.rtol[q];
            }
            let mut error_norm = super::common::scaled_norm(&err, &scale);
            let safety = 0.9 * (2 * NEWTON_MAXITER + 1) as f64 / (2 * NEWTON_MAXITER + n_iter) as f64;
            if rejected && error_norm > 1.0 {
                let mut ye = vec![T::default(); n];
                for q in 0..n {
                    ye[q] = self.y[q] + err[q];
                }
                let mut fe = vec![T::default(); n];
                (self.fun)(t, &ye, &mut fe);
                self.nfev += 1;
                for q in 0..n {
                    err[q] = fe[q] + ze[q];
                }
                lu_real.solve(&mut err);
                error_norm = super::common::scaled_norm(&err, &scale);
            }
            if error_norm > 1.0 {
                let factor = predict_factor(h_abs, h_abs_old, error_norm, error_norm_old);
                h_abs *= MIN_FACTOR.max(safety * factor);
                self.lu_real = None;
                self.lu_complex = None;
                rejected = true;
            } else {
                break (t_new, n_iter, rate, error_norm, safety);
            }
        };
        let has_jac = !matches!(self.jac, JacSource::Constant(_));
        let recompute_jac = has_jac && n_iter > 2 && rate.is_some_and(|r| r > 1e-3);
        let mut factor = predict_factor(h_abs, h_abs_old, error_norm, error_norm_old);
        factor = MAX_FACTOR.min(safety * factor);
        if !recompute_jac && factor < 1.2 {
            factor = 1.0;
        } else {
            self.lu_real = None;
            self.lu_complex = None;
        }
        let mut f_new = vec![T::default(); n];
        (self.fun)(t_new, &y_new, &mut f_new);
        self.nfev += 1;
        if recompute_jac {
            self.njev += self.jac.evaluate(
                &mut self.fun,
                t_new,
                &y_new,
                Some(&f_new),
                &self.tols.atol,
                &mut self.j,
            );
            current_jac = true;
        } else if has_jac {
            current_jac = false;
        }
        self.h_abs_old = Some(self.h_abs);
        self.error_norm_old = Some(error_norm);
        self.h_abs = h_abs * factor;
        std::mem::swap(&mut self.y_old, &mut self.y);
        self.y = y_new;
        self.t = t_new;
        self.f = f_new;
        self.current_jac = current_jac;
        // Dense output: Q = Z^T P.
        let mut q = vec![T::default(); n * 3];
        for i in 0..n {
            for c in 0..3 {
                q[i * 3 + c] = self.z[i] * P[0][c] + self.z[n + i] * P[1][c] + self.z[2 * n + i] * P[2][c];
            }
        }
        self.sol = Some(DenseOutput::Radau {
            t_old: t,
            h: t_new - t,
            y_old: self.y_old.clone(),
            q,
        });
        Ok(())
    }
}

impl<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> Solver<T> for Radau<'_, T, F> {
    fn t(&self) -> f64 {
        self.t
    }
    fn y(&self) -> &[T] {
        &self.y
    }
    fn t_old(&self) -> Option<f64> {
        self.t_old
    }
    fn status(&self) -> Status {
        self.status
    }
    fn step(&mut self) -> Option<String> {
        let (n, t_bound, direction) = (self.n, self.t_bound, self.direction);
        let mut t = self.t;
        let mut t_old = self.t_old;
        let mut status = self.status;
        let msg = base_step(n, &mut t, &mut t_old, t_bound, direction, &mut status, |tt| {
            let r = self.step_impl();
            *tt = self.t;
            r
        });
        self.t = t;
        self.t_old = t_old;
        self.status = status;
        msg
    }
    fn dense_output(&mut self) -> DenseOutput<T> {
        let t_old = self
            .t_old
            .expect("Dense output is available after a successful step was made.");
        if self.n == 0 || self.t == t_old {
            return DenseOutput::Constant {
                t_old,
                t: self.t,
                value: self.y.clone(),
            };
        }
        self.sol.clone().expect("set by the step")
    }
    fn counts(&self) -> (usize, usize, usize) {
        (self.nfev, self.njev, self.nlu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predict_factor_is_scipys() {
        assert_eq!(predict_factor(1.0, None, 16.0, None), 0.5);
        assert_eq!(predict_factor(2.0, Some(1.0), 16.0, Some(1.0)), 0.5);
        let f = predict_factor(1.0, Some(2.0), 16.0, Some(1.0));
        assert!((f - 0.5 * 0.5 * 0.5).abs() < 1e-15);
        assert_eq!(predict_factor(1.0, Some(1.0), 0.0, Some(1.0)), f64::INFINITY);
    }
}
