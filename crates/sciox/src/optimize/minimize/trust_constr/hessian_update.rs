//! Quasi-Newton Hessian approximations (SciPy's
//! `_hessian_update_strategy.py`: `BFGS` and `SR1` with `init_scale='auto'`,
//! `approx_type='hess'`).

#![allow(clippy::needless_range_loop)] // index loops mirror SciPy's array code

/// Which update rule a [`QuasiNewton`] applies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum UpdateRule {
    /// BFGS with `exception_strategy='skip_update'`, `min_curvature=1e-8`.
    Bfgs,
    /// SR1 with `min_denominator=1e-8`.
    Sr1,
}

/// A dense quasi-Newton approximation `B` of a Hessian.
#[derive(Clone, Debug)]
pub(crate) struct QuasiNewton {
    rule: UpdateRule,
    n: usize,
    /// `B`, n×n row-major, kept symmetric.
    b: Vec<f64>,
    first_iteration: bool,
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

impl QuasiNewton {
    /// `B = I` (SciPy's `initialize(n, 'hess')`).
    pub fn new(rule: UpdateRule, n: usize) -> Self {
        let mut b = vec![0.0; n * n];
        for i in 0..n {
            b[i * n + i] = 1.0;
        }
        QuasiNewton {
            rule,
            n,
            b,
            first_iteration: true,
        }
    }

    /// `out = B p`.
    pub fn dot(&self, p: &[f64], out: &mut [f64]) {
        let n = self.n;
        for (i, o) in out.iter_mut().enumerate().take(n) {
            *o = dot(&self.b[i * n..(i + 1) * n], p);
        }
    }

    /// `out += B p`.
    pub fn dot_add(&self, p: &[f64], out: &mut [f64]) {
        let n = self.n;
        for (i, o) in out.iter_mut().enumerate().take(n) {
            *o += dot(&self.b[i * n..(i + 1) * n], p);
        }
    }

    /// The approximation, n×n row-major.
    #[cfg(test)]
    pub fn matrix(&self) -> &[f64] {
        &self.b
    }

    fn auto_scale(dx: &[f64], dg: &[f64]) -> f64 {
        let s2 = dot(dx, dx);
        let y2 = dot(dg, dg);
        let ys = dot(dg, dx).abs();
        if ys == 0.0 || y2 == 0.0 || s2 == 0.0 {
            1.0
        } else {
            y2 / ys
        }
    }

    /// `B += alpha x xᵀ` (BLAS `syr`).
    fn syr(&mut self, alpha: f64, x: &[f64]) {
        let n = self.n;
        for j in 0..n {
            let t = alpha * x[j];
            for i in 0..=j {
                let v = self.b[i * n + j] + x[i] * t;
                self.b[i * n + j] = v;
                self.b[j * n + i] = v;
            }
        }
    }

    /// SciPy's `update(delta_x, delta_grad)`.
    pub fn update(&mut self, dx: &[f64], dg: &[f64]) {
        if dx.iter().all(|&v| v == 0.0) || dg.iter().all(|&v| v == 0.0) {
            return;
        }
        if self.first_iteration {
            let s = Self::auto_scale(dx, dg);
            self.b.iter_mut().for_each(|v| *v *= s);
            self.first_iteration = false;
        }
        let n = self.n;
        let mut mw = vec![0.0; n];
        match self.rule {
            UpdateRule::Bfgs => {
                let (w, z) = (dx, dg);
                let wz = dot(w, z);
                self.dot(w, &mut mw);
                let mut wmw = dot(&mw, w);
                if wmw <= 0.0 {
                    let s = Self::auto_scale(dx, dg);
                    self.b.iter_mut().for_each(|v| *v = 0.0);
                    for i in 0..n {
                        self.b[i * n + i] = s;
                    }
                    self.dot(w, &mut mw);
                    wmw = dot(&mw, w);
                }
                if wz <= 1e-8 * wmw {
                    return;
                }
                self.syr(1.0 / wz, z);
                self.syr(-1.0 / wmw, &mw);
            }
            UpdateRule::Sr1 => {
                let (w, z) = (dx, dg);
                self.dot(w, &mut mw);
                let zm: Vec<f64> = z.iter().zip(&mw).map(|(a, b)| a - b).collect();
                let den = dot(w, &zm);
                let nw = dot(w, w).sqrt();
                let nz = dot(&zm, &zm).sqrt();
                if den.abs() <= 1e-8 * nw * nz {
                    return;
                }
                self.syr(1.0 / den, &zm);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfgs_secant_condition() {
        let mut q = QuasiNewton::new(UpdateRule::Bfgs, 2);
        let s = [1.0, 0.5];
        let y = [2.0, 1.5];
        q.update(&s, &y);
        let mut bs = [0.0; 2];
        q.dot(&s, &mut bs);
        // BFGS satisfies B s = y up to rounding
        assert!((bs[0] - y[0]).abs() < 1e-14 && (bs[1] - y[1]).abs() < 1e-14);
        let m = q.matrix();
        assert_eq!(m[1], m[2]);
    }

    #[test]
    fn sr1_secant_and_skip() {
        let mut q = QuasiNewton::new(UpdateRule::Sr1, 2);
        let s = [1.0, 0.0];
        let y = [3.0, 1.0];
        q.update(&s, &y);
        let mut bs = [0.0; 2];
        q.dot(&s, &mut bs);
        // SR1 secant condition, exact for these small integers
        assert!((bs[0] - 3.0).abs() < 1e-14 && (bs[1] - 1.0).abs() < 1e-14);
        let before = q.matrix().to_vec();
        q.update(&[0.0, 0.0], &[1.0, 1.0]);
        assert_eq!(q.matrix(), &before[..]);
    }
}
