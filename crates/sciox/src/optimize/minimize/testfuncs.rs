//! The Rosenbrock test function and its derivatives (SciPy's `rosen`,
//! `rosen_der`, `rosen_hess`, `rosen_hess_prod`).

/// NumPy's pairwise summation of `n` terms `t(i)` (same blocks and
/// order as `np.sum`, so the same rounding).
fn pairwise_sum(lo: usize, n: usize, t: &impl Fn(usize) -> f64) -> f64 {
    if n < 8 {
        let mut res = -0.0;
        for i in lo..lo + n {
            res += t(i);
        }
        res
    } else if n <= 128 {
        let mut r = [0.0f64; 8];
        for (j, rj) in r.iter_mut().enumerate() {
            *rj = t(lo + j);
        }
        let m = n - n % 8;
        let mut i = 8;
        while i < m {
            for (j, rj) in r.iter_mut().enumerate() {
                *rj += t(lo + i + j);
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for k in m..n {
            res += t(lo + k);
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_sum(lo, n2, t) + pairwise_sum(lo + n2, n - n2, t)
    }
}

/// The Rosenbrock function `sum(100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2)`
/// (SciPy's `rosen`, summed in NumPy's pairwise order: the same bits).
///
/// ```
/// use sciox::optimize::rosen;
/// assert_eq!(rosen(&[1.0, 1.0, 1.0]), 0.0);
/// assert_eq!(rosen(&[0.0, 0.0]), 1.0);
/// ```
pub fn rosen(x: &[f64]) -> f64 {
    if x.len() < 2 {
        return 0.0;
    }
    let t = |i: usize| {
        let d = x[i + 1] - x[i] * x[i];
        let o = 1.0 - x[i];
        100.0 * (d * d) + o * o
    };
    pairwise_sum(0, x.len() - 1, &t)
}

/// The gradient of [`rosen`], written into `out` (SciPy's `rosen_der`).
/// Its signature is that of a gradient closure of
/// [`minimize_with_grad`](crate::optimize::minimize_with_grad).
///
/// ```
/// use sciox::optimize::rosen_der;
/// let mut g = [0.0; 2];
/// rosen_der(&[0.0, 0.0], &mut g);
/// assert_eq!(g, [-2.0, 0.0]);
/// ```
///
/// # Panics
/// If `out.len() != x.len()`.
pub fn rosen_der(x: &[f64], out: &mut [f64]) {
    let n = x.len();
    assert_eq!(out.len(), n, "rosen_der: out has length {}, x has {n}", out.len());
    if n == 0 {
        return;
    }
    if n == 1 {
        out[0] = 0.0;
        return;
    }
    for i in 1..n - 1 {
        let (xm, xm1, xp1) = (x[i], x[i - 1], x[i + 1]);
        out[i] = 200.0 * (xm - xm1 * xm1) - 400.0 * (xp1 - xm * xm) * xm - 2.0 * (1.0 - xm);
    }
    out[0] = -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]);
    out[n - 1] = 200.0 * (x[n - 1] - x[n - 2] * x[n - 2]);
}

/// The Hessian of [`rosen`], n×n row-major (SciPy's `rosen_hess`).
///
/// ```
/// use sciox::optimize::rosen_hess;
/// assert_eq!(rosen_hess(&[1.0, 1.0]), vec![802.0, -400.0, -400.0, 200.0]);
/// ```
pub fn rosen_hess(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut h = vec![0.0; n * n];
    if n < 2 {
        return h;
    }
    for i in 0..n - 1 {
        h[i * n + i + 1] = -400.0 * x[i];
        h[(i + 1) * n + i] = -400.0 * x[i];
    }
    h[0] = 1200.0 * (x[0] * x[0]) - 400.0 * x[1] + 2.0;
    h[n * n - 1] = 200.0;
    for i in 1..n - 1 {
        h[i * n + i] = 202.0 + 1200.0 * (x[i] * x[i]) - 400.0 * x[i + 1];
    }
    h
}

/// The product of the Hessian of [`rosen`] at `x` with `p`, written into
/// `out` (SciPy's `rosen_hess_prod`).
///
/// ```
/// use sciox::optimize::rosen_hess_prod;
/// let mut hp = [0.0; 2];
/// rosen_hess_prod(&[1.0, 1.0], &[1.0, 0.0], &mut hp);
/// assert_eq!(hp, [802.0, -400.0]);
/// ```
///
/// # Panics
/// If the lengths of `x`, `p` and `out` differ.
pub fn rosen_hess_prod(x: &[f64], p: &[f64], out: &mut [f64]) {
    let n = x.len();
    assert!(
        p.len() == n && out.len() == n,
        "rosen_hess_prod: x, p and out must have the same length"
    );
    if n < 2 {
        out.iter_mut().for_each(|v| *v = 0.0);
        return;
    }
    out[0] = (1200.0 * (x[0] * x[0]) - 400.0 * x[1] + 2.0) * p[0] - 400.0 * x[0] * p[1];
    for i in 1..n - 1 {
        out[i] = -400.0 * x[i - 1] * p[i - 1] + (202.0 + 1200.0 * (x[i] * x[i]) - 400.0 * x[i + 1]) * p[i]
            - 400.0 * x[i] * p[i + 1];
    }
    out[n - 1] = -400.0 * x[n - 2] * p[n - 2] + 200.0 * p[n - 1];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hess_prod_matches_hess() {
        let x = [0.3, -1.2, 2.0, 0.7];
        let p = [1.0, 2.0, -0.5, 0.25];
        let h = rosen_hess(&x);
        let mut hp = [0.0; 4];
        rosen_hess_prod(&x, &p, &mut hp);
        for i in 0..4 {
            let s: f64 = (0..4).map(|j| h[i * 4 + j] * p[j]).sum();
            assert!((s - hp[i]).abs() < 1e-12 * s.abs().max(1.0));
        }
    }

    #[test]
    fn pairwise_long() {
        // 300 terms exercise the recursive split; compare with exact sum of small integers.
        let x: Vec<f64> = (0..301).map(|i| (i % 3) as f64).collect();
        let exact: f64 = (0..300)
            .map(|i| {
                let d = x[i + 1] - x[i] * x[i];
                100.0 * d * d + (1.0 - x[i]) * (1.0 - x[i])
            })
            .sum();
        assert_eq!(rosen(&x), exact);
    }
}
