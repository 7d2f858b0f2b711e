//! Bounded-variable least squares (Stark & Parker), `lsq_linear`'s
//! `method='bvls'`, after SciPy's `scipy/optimize/_lsq/bvls.py`.

use super::common::{dot, matvec, rmatvec};
use super::lsq_linear::LsqLinearResult;
use super::trf::lstsq_rcond;

/// SciPy's `compute_kkt_optimality`: the largest KKT violation.
fn kkt_optimality(g: &[f64], on_bound: &[i32]) -> f64 {
    g.iter()
        .zip(on_bound)
        .map(|(gi, &o)| if o == 0 { gi.abs() } else { gi * o as f64 })
        .fold(f64::NEG_INFINITY, |m, v| if v > m || v.is_nan() { v } else { m })
}

struct Ls<'a> {
    a: &'a [f64],
    m: usize,
    n: usize,
    b: &'a [f64],
    rcond: f64,
}

impl Ls<'_> {
    /// `A x - b`.
    fn residual(&self, x: &[f64]) -> Vec<f64> {
        let mut r = vec![0.0; self.m];
        matvec(self.a, self.n, x, &mut r);
        for (ri, bi) in r.iter_mut().zip(self.b) {
            *ri -= bi;
        }
        r
    }

    /// `lstsq(A[:, free], b - A (x * active), rcond=None)`.
    fn solve_free(&self, x: &[f64], free: &[usize], on_bound: &[i32]) -> Vec<f64> {
        let (m, n) = (self.m, self.n);
        let xa: Vec<f64> = (0..n)
            .map(|i| if on_bound[i] != 0 { x[i] } else { 0.0 })
            .collect();
        let mut bf = vec![0.0; m];
        matvec(self.a, n, &xa, &mut bf);
        for (v, bi) in bf.iter_mut().zip(self.b) {
            *v = bi - *v;
        }
        if free.is_empty() {
            return vec![];
        }
        let k = free.len();
        let mut af = vec![0.0; m * k];
        for r in 0..m {
            for (c, &j) in free.iter().enumerate() {
                af[r * k + c] = self.a[r * n + j];
            }
        }
        lstsq_rcond(&af, m, k, &bf, self.rcond)
    }
}

/// SciPy's `bvls(A, b, x_lsq, lb, ub, tol, max_iter)` for the row-major m×n
/// `a`; `x_lsq` is the unbounded least-squares solution.
#[allow(clippy::too_many_arguments)]
pub(crate) fn bvls(
    a: &[f64],
    m: usize,
    n: usize,
    b: &[f64],
    x_lsq: &[f64],
    lb: &[f64],
    ub: &[f64],
    tol: f64,
    max_iter: Option<usize>,
) -> LsqLinearResult {
    // numpy.linalg.lstsq's default rcond: eps * max(m, n)
    let ls = Ls {
        a,
        m,
        n,
        b,
        rcond: f64::EPSILON * m.max(n) as f64,
    };
    let mut x = x_lsq.to_vec();
    let mut on_bound = vec![0i32; n];
    for i in 0..n {
        if x[i] <= lb[i] {
            x[i] = lb[i];
            on_bound[i] = -1;
        }
        if x[i] >= ub[i] {
            x[i] = ub[i];
            on_bound[i] = 1;
        }
    }
    let mut free: Vec<usize> = (0..n).filter(|&i| on_bound[i] == 0).collect();
    let mut r = ls.residual(&x);
    let mut cost = 0.5 * dot(&r, &r);
    let mut g = vec![0.0; n];
    rmatvec(a, n, &r, &mut g);
    let mut iteration = 0;

    // Initialisation: least squares on the free variables until feasible,
    // moving violators to their bounds.
    while !free.is_empty() {
        iteration += 1;
        let z = ls.solve_free(&x, &free, &on_bound);
        let mut keep = Vec::with_capacity(free.len());
        for (k, &j) in free.iter().enumerate() {
            if z[k] < lb[j] {
                x[j] = lb[j];
                on_bound[j] = -1;
            } else if z[k] > ub[j] {
                x[j] = ub[j];
                on_bound[j] = 1;
            } else {
                x[j] = z[k];
                keep.push(j);
            }
        }
        r = ls.residual(&x);
        cost = 0.5 * dot(&r, &r);
        rmatvec(a, n, &r, &mut g);
        if keep.len() == free.len() {
            break;
        }
        free = keep;
    }

    let max_iter = max_iter.unwrap_or(n) + iteration;
    let mut status = None;
    let mut optimality = kkt_optimality(&g, &on_bound);
    // Python's `for iteration in range(iteration, max_iter)`: the variable
    // keeps the value of the last pass (or of the break).
    let mut it = iteration;
    while it < max_iter {
        iteration = it;
        if optimality < tol {
            status = Some(1);
        }
        if status.is_some() {
            break;
        }
        // np.argmax(g * on_bound): the first maximum
        let mut mv = 0;
        for i in 1..n {
            if g[i] * on_bound[i] as f64 > g[mv] * on_bound[mv] as f64 {
                mv = i;
            }
        }
        on_bound[mv] = 0;
        loop {
            let free: Vec<usize> = (0..n).filter(|&i| on_bound[i] == 0).collect();
            let z = ls.solve_free(&x, &free, &on_bound);
            // violators: lower ones first, then upper ones (np.hstack order)
            let mut best: Option<(f64, usize, i32)> = None;
            for side in [-1, 1] {
                for (k, &j) in free.iter().enumerate() {
                    let hit = if side < 0 { z[k] < lb[j] } else { z[k] > ub[j] };
                    if hit {
                        let bound = if side < 0 { lb[j] } else { ub[j] };
                        let alpha = (bound - x[j]) / (z[k] - x[j]);
                        if best.is_none_or(|(a, _, _)| alpha < a) {
                            best = Some((alpha, j, side));
                        }
                    }
                }
            }
            match best {
                Some((alpha, j, side)) => {
                    for (k, &f) in free.iter().enumerate() {
                        x[f] = x[f] * (1.0 - alpha) + alpha * z[k];
                    }
                    on_bound[j] = side;
                }
                None => {
                    for (k, &f) in free.iter().enumerate() {
                        x[f] = z[k];
                    }
                    break;
                }
            }
        }
        r = ls.residual(&x);
        let cost_new = 0.5 * dot(&r, &r);
        if cost - cost_new < tol * cost {
            status = Some(2);
        }
        cost = cost_new;
        rmatvec(a, n, &r, &mut g);
        optimality = kkt_optimality(&g, &on_bound);
        it += 1;
    }
    LsqLinearResult::with_status(
        x,
        r,
        cost,
        optimality,
        on_bound,
        iteration + 1,
        status.unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kkt_measures_violations() {
        // free: |g|; at a lower bound (-1) a negative gradient is a violation
        assert_eq!(kkt_optimality(&[0.5, -2.0, 3.0], &[0, -1, 1]), 3.0);
        assert_eq!(kkt_optimality(&[0.5, -2.0, -3.0], &[0, -1, 1]), 2.0);
    }

    #[test]
    fn identity_with_box() {
        // A = I, b = (2, -1, 0.5), 0 <= x <= 1: x = (1, 0, 0.5)
        let a = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
        let b = [2.0, -1.0, 0.5];
        let r = bvls(&a, 3, 3, &b, &b, &[0.0; 3], &[1.0; 3], 1e-10, None);
        assert_eq!(r.x, vec![1.0, 0.0, 0.5]);
        assert_eq!(r.active_mask, vec![1, -1, 0]);
        assert_eq!(r.status, 1);
        assert_eq!(r.cost, 0.5 * (1.0 + 1.0));
    }
}
