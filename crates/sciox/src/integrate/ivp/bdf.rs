//! Variable-order BDF (NDF, orders 1 to 5), implicit (SciPy's
//! `_ivp/bdf.py`): a quasi-constant step size implementation on the
//! backward-difference array `D`, with SciPy's NDF coefficients (kappa),
//! Newton iteration, error estimate and order/step selection.

use super::JacSource;
use super::common::{
    DenseOutput, EPS, Lu, OdeScalar, Solver, Status, TOO_SMALL_STEP, Tols, base_step, min_step_at,
    scaled_norm, select_initial_step,
};

const MAX_ORDER: usize = 5;
const NEWTON_MAXITER: usize = 4;
const MIN_FACTOR: f64 = 0.2;
const MAX_FACTOR: f64 = 10.0;

/// SciPy's `compute_R`: the matrix that changes the step of the
/// difference array by `factor`, `(order + 1)^2` row-major.
fn compute_r(order: usize, factor: f64) -> Vec<f64> {
    let m = order + 1;
    let mut r = vec![0.0; m * m];
    for v in r.iter_mut().take(m) {
        *v = 1.0;
    }
    for i in 1..m {
        for j in 0..m {
            let mij = if j == 0 {
                0.0
            } else {
                ((i - 1) as f64 - factor * j as f64) / i as f64
            };
            r[i * m + j] = r[(i - 1) * m + j] * mij;
        }
    }
    r
}

/// SciPy's `change_D`: rescales the first `order + 1` rows of `d` for a
/// step changed by `factor`.
fn change_d<T: OdeScalar>(d: &mut [T], n: usize, order: usize, factor: f64) {
    let m = order + 1;
    let r = compute_r(order, factor);
    let u = compute_r(order, 1.0);
    let mut ru = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..m {
            let mut acc = 0.0;
            for k in 0..m {
                acc += r[i * m + k] * u[k * m + j];
            }
            ru[i * m + j] = acc;
        }
    }
    // D[:m] = RU^T D[:m]
    let old: Vec<T> = d[..m * n].to_vec();
    for k in 0..m {
        for q in 0..n {
            let mut acc = old[q] * ru[k];
            for j in 1..m {
                acc += old[j * n + q] * ru[j * m + k];
            }
            d[k * n + q] = acc;
        }
    }
}

pub(crate) struct Bdf<'a, T: OdeScalar, F> {
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
    h_abs: f64,
    max_step: f64,
    tols: Tols,
    newton_tol: f64,
    gamma: [f64; MAX_ORDER + 1],
    alpha: [f64; MAX_ORDER + 1],
    error_const: [f64; MAX_ORDER + 1],
    /// Backward differences, `(MAX_ORDER + 3) x n` row-major.
    d: Vec<T>,
    order: usize,
    n_equal_steps: usize,
    lu: Option<Lu<T>>,
    j: Vec<T>,
}

impl<'a, T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> Bdf<'a, T, F> {
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
                &mut fun, t0, y0, t_bound, max_step, &f, direction, 1.0, &tols, &mut nfev,
            ),
        };
        let newton_tol = (10.0 * EPS / rtol).max(0.03f64.min(rtol.powf(0.5)));
        let mut j = vec![T::default(); n * n];
        let njev = jac.evaluate(&mut fun, t0, y0, None, &tols.atol, &mut j);
        let kappa = [0.0, -0.1850, -1.0 / 9.0, -0.0823, -0.0415, 0.0];
        let mut gamma = [0.0; MAX_ORDER + 1];
        for k in 1..=MAX_ORDER {
            gamma[k] = gamma[k - 1] + 1.0 / k as f64;
        }
        let mut alpha = [0.0; MAX_ORDER + 1];
        let mut error_const = [0.0; MAX_ORDER + 1];
        for k in 0..=MAX_ORDER {
            alpha[k] = (1.0 - kappa[k]) * gamma[k];
            error_const[k] = kappa[k] * gamma[k] + 1.0 / (k + 1) as f64;
        }
        let mut d = vec![T::default(); (MAX_ORDER + 3) * n];
        d[..n].copy_from_slice(y0);
        for q in 0..n {
            d[n + q] = f[q] * h_abs * direction;
        }
        Bdf {
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
            h_abs,
            max_step,
            tols,
            newton_tol,
            gamma,
            alpha,
            error_const,
            d,
            order: 1,
            n_equal_steps: 0,
            lu: None,
            j,
        }
    }

    fn factor(&mut self, c: f64) -> Lu<T> {
        let n = self.n;
        let mut a = vec![T::default(); n * n];
        for i in 0..n {
            for k in 0..n {
                let ident = if i == k { T::from_f64(1.0) } else { T::default() };
                a[i * n + k] = ident - self.j[i * n + k] * c;
            }
        }
        self.nlu += 1;
        Lu::factor(n, a)
    }

    /// SciPy's `solve_bdf_system`: (converged, iterations); the solution
    /// and the total correction are left in `y` and `dsum`.
    #[allow(clippy::too_many_arguments)]
    fn solve_bdf_system(
        &mut self,
        t_new: f64,
        y_predict: &[T],
        c: f64,
        psi: &[T],
        scale: &[f64],
        y: &mut [T],
        dsum: &mut [T],
    ) -> (bool, usize) {
        let n = self.n;
        y.copy_from_slice(y_predict);
        dsum.iter_mut().for_each(|v| *v = T::default());
        let mut f = vec![T::default(); n];
        let mut dy = vec![T::default(); n];
        let mut dy_norm_old: Option<f64> = None;
        let mut converged = false;
        let mut k = 0;
        let lu = self.lu.as_ref().expect("factored");
        while k < NEWTON_MAXITER {
            (self.fun)(t_new, y, &mut f);
            self.nfev += 1;
            if !f.iter().all(|v| v.is_finite()) {
                break;
            }
            for q in 0..n {
                dy[q] = f[q] * c - psi[q] - dsum[q];
            }
            lu.solve(&mut dy);
            let dy_norm = scaled_norm(&dy, scale);
            let rate = dy_norm_old.map(|old| dy_norm / old);
            if let Some(r) = rate {
                if r >= 1.0 || r.powf((NEWTON_MAXITER - k) as f64) / (1.0 - r) * dy_norm > self.newton_tol {
                    break;
                }
            }
            for q in 0..n {
                y[q] += dy[q];
                dsum[q] += dy[q];
            }
            if dy_norm == 0.0 || rate.is_some_and(|r| r / (1.0 - r) * dy_norm < self.newton_tol) {
                converged = true;
                break;
            }
            dy_norm_old = Some(dy_norm);
            k += 1;
        }
        let iters = if k == NEWTON_MAXITER { k } else { k + 1 };
        (converged, iters)
    }

    fn step_impl(&mut self) -> Result<(), &'static str> {
        let n = self.n;
        let t = self.t;
        let min_step = min_step_at(t, self.direction);
        let mut h_abs;
        if self.h_abs > self.max_step {
            h_abs = self.max_step;
            change_d(&mut self.d, n, self.order, self.max_step / self.h_abs);
            self.n_equal_steps = 0;
        } else if self.h_abs < min_step {
            h_abs = min_step;
            change_d(&mut self.d, n, self.order, min_step / self.h_abs);
            self.n_equal_steps = 0;
        } else {
            h_abs = self.h_abs;
        }
        let order = self.order;
        let mut current_jac = matches!(self.jac, JacSource::Constant(_));
        let mut y_predict = vec![T::default(); n];
        let mut psi = vec![T::default(); n];
        let mut scale = vec![0.0; n];
        let mut y_new = vec![T::default(); n];
        let mut dsum = vec![T::default(); n];
        let (t_new, safety, error_norm) = loop {
            if h_abs < min_step {
                return Err(TOO_SMALL_STEP);
            }
            let mut h = h_abs * self.direction;
            let mut t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
                change_d(&mut self.d, n, order, (t_new - t).abs() / h_abs);
                self.n_equal_steps = 0;
                self.lu = None;
            }
            h = t_new - t;
            h_abs = h.abs();
            for q in 0..n {
                let mut acc = self.d[q];
                for k in 1..=order {
                    acc += self.d[k * n + q];
                }
                y_predict[q] = acc;
                scale[q] = self.tols.atol[q] + self.tols.rtol[q] * y_predict[q].abs();
                let mut p = self.d[n + q] * self.gamma[1];
                for k in 2..=order {
                    p += self.d[k * n + q] * self.gamma[k];
                }
                psi[q] = p / self.alpha[order];
            }
            let c = h / self.alpha[order];
            let mut converged = false;
            let mut n_iter = 0;
            while !converged {
                if self.lu.is_none() {
                    self.lu = Some(self.factor(c));
                }
                (converged, n_iter) =
                    self.solve_bdf_system(t_new, &y_predict, c, &psi, &scale, &mut y_new, &mut dsum);
                if !converged {
                    if current_jac {
                        break;
                    }
                    self.njev += self.jac.evaluate(
                        &mut self.fun,
                        t_new,
                        &y_predict,
                        None,
                        &self.tols.atol,
                        &mut self.j,
                    );
                    self.lu = None;
                    current_jac = true;
                }
            }
            if !converged {
                let factor = 0.5;
                h_abs *= factor;
                change_d(&mut self.d, n, order, factor);
                self.n_equal_steps = 0;
                self.lu = None;
                continue;
            }
            let safety = 0.9 * (2 * NEWTON_MAXITER + 1) as f64 / (2 * NEWTON_MAXITER + n_iter) as f64;
            for q in 0..n {
                scale[q] = self.tols.atol[q] + self.tols.rtol[q] * y_new[q].abs();
            }
            let ec = self.error_const[order];
            let err: Vec<T> = dsum.iter().map(|v| *v * ec).collect();
            let error_norm = scaled_norm(&err, &scale);
            if error_norm > 1.0 {
                let factor = MIN_FACTOR.max(safety * error_norm.powf(-1.0 / (order + 1) as f64));
                h_abs *= factor;
                change_d(&mut self.d, n, order, factor);
                self.n_equal_steps = 0;
                // No convergence problems: keep the LU factorization.
            } else {
                break (t_new, safety, error_norm);
            }
        };
        self.n_equal_steps += 1;
        self.t = t_new;
        self.y.copy_from_slice(&y_new);
        self.h_abs = h_abs;
        // Update the differences: D^{j+1} y_n = D^j y_n - D^j y_{n-1}.
        for q in 0..n {
            self.d[(order + 2) * n + q] = dsum[q] - self.d[(order + 1) * n + q];
            self.d[(order + 1) * n + q] = dsum[q];
        }
        for i in (0..=order).rev() {
            for q in 0..n {
                let v = self.d[(i + 1) * n + q];
                self.d[i * n + q] += v;
            }
        }
        if self.n_equal_steps < order + 1 {
            return Ok(());
        }
        let error_m_norm = if order > 1 {
            let e: Vec<T> = (0..n)
                .map(|q| self.d[order * n + q] * self.error_const[order - 1])
                .collect();
            scaled_norm(&e, &scale)
        } else {
            f64::INFINITY
        };
        let error_p_norm = if order < MAX_ORDER {
            let e: Vec<T> = (0..n)
                .map(|q| self.d[(order + 2) * n + q] * self.error_const[order + 1])
                .collect();
            scaled_norm(&e, &scale)
        } else {
            f64::INFINITY
        };
        let norms = [error_m_norm, error_norm, error_p_norm];
        let mut factors = [0.0; 3];
        for k in 0..3 {
            factors[k] = norms[k].powf(-1.0 / (order + k) as f64);
        }
        let mut best = 0;
        for k in 1..3 {
            if factors[k] > factors[best] {
                best = k;
            }
        }
        let new_order = order + best - 1;
        self.order = new_order;
        let factor = MAX_FACTOR.min(safety * factors[best]);
        self.h_abs *= factor;
        change_d(&mut self.d, n, new_order, factor);
        self.n_equal_steps = 0;
        self.lu = None;
        Ok(())
    }
}

impl<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> Solver<T> for Bdf<'_, T, F> {
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
        let h = self.h_abs * self.direction;
        let order = self.order;
        DenseOutput::Bdf {
            t: self.t,
            t_shift: (0..order).map(|k| self.t - h * k as f64).collect(),
            denom: (0..order).map(|k| h * (1 + k) as f64).collect(),
            d: self.d[..(order + 1) * self.n].to_vec(),
        }
    }
    fn counts(&self) -> (usize, usize, usize) {
        (self.nfev, self.njev, self.nlu)
    }
    fn alt_segment(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_d_by_one_is_identity() {
        // R(order, 1) U(order, 1) = I since U^2 = I.
        let mut d: Vec<f64> = (0..8).map(|v| v as f64 + 0.5).collect();
        let orig = d.clone();
        change_d(&mut d, 2, 3, 1.0);
        for (a, b) in d.iter().zip(&orig) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
