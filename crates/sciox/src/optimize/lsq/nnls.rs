//! `scipy.optimize.nnls`: non-negative least squares by the Lawson-Hanson
//! active-set method.

use super::common::{dot, norm};
use super::trf::lstsq_min_norm;
use crate::{Error, Result};

/// `scipy.optimize.nnls(A, b, maxiter=None)`: `argmin ||A x - b||` over
/// `x >= 0` for the row-major m×n `a`; returns `(x, ||A x - b||)`.
///
/// Lawson-Hanson: variables join the passive set by largest gradient
/// component and leave it when a least-squares solve on the passive set
/// turns them non-positive. `maxiter` (default `3 n`) bounds the passes;
/// exceeding it is SciPy's RuntimeError "Maximum number of iterations
/// reached." (an `Err` here). Other errors: non-finite entries, `a.len() !=
/// m * n`, `b.len() != m`.
///
/// ```
/// use sciox::optimize::nnls;
/// // SciPy's docstring example
/// let a = [1.0, 0.0, 1.0, 0.0, 0.0, -1.0]; // [[1, 0], [1, 0], [0, -1]]
/// let (x, rnorm) = nnls(&a, 3, 2, &[2.0, 1.0, -1.0], None).unwrap();
/// assert!((x[0] - 1.5).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12);
/// assert!((rnorm - 0.7071067811865476).abs() < 1e-12);
/// ```
pub fn nnls(a: &[f64], m: usize, n: usize, b: &[f64], maxiter: Option<usize>) -> Result<(Vec<f64>, f64)> {
    if m.checked_mul(n) != Some(a.len()) {
        return Err(Error::invalid(format!(
            "`A` has {} entries, not m x n = {m} x {n}.",
            a.len()
        )));
    }
    if b.len() != m {
        return Err(Error::invalid(format!(
            "Incompatible dimensions. The first dimension of A is {m}, while the shape of b is ({},)",
            b.len()
        )));
    }
    if a.iter().chain(b).any(|v| !v.is_finite()) {
        return Err(Error::invalid("array must not contain infs or NaNs"));
    }
    let maxiter = match maxiter {
        None | Some(0) => 3 * n,
        Some(k) => k,
    };
    let mut x = vec![0.0; n];
    let mut passive = vec![false; n];
    let mut resid = b.to_vec();
    let mut w = vec![0.0; n];
    let amax = a.iter().fold(0.0f64, |s, v| s.max(v.abs()));
    let tol = 10.0 * f64::EPSILON * (m.max(n) as f64) * amax * amax.max(1.0) * norm(b).max(1.0);
    let mut iter = 0usize;
    let solve_passive = |passive: &[bool]| -> Vec<f64> {
        let cols: Vec<usize> = (0..n).filter(|&j| passive[j]).collect();
        let k = cols.len();
        let mut sub = vec![0.0; m * k];
        for r in 0..m {
            for (c, &j) in cols.iter().enumerate() {
                sub[r * k + c] = a[r * n + j];
            }
        }
        let zs = lstsq_min_norm(&sub, m, k, b);
        let mut z = vec![0.0; n];
        for (c, &j) in cols.iter().enumerate() {
            z[j] = zs[c];
        }
        z
    };
    loop {
        iter += 1;
        if iter > maxiter {
            return Err(Error::invalid("Maximum number of iterations reached."));
        }
        // gradient of -0.5 ||Ax - b||^2: w = A^T (b - A x)
        for j in 0..n {
            w[j] = (0..m).map(|r| a[r * n + j] * resid[r]).sum();
        }
        let mut t = None;
        let mut wmax = tol;
        for j in 0..n {
            if !passive[j] && w[j] > wmax {
                wmax = w[j];
                t = Some(j);
            }
        }
        let Some(t) = t else { break };
        passive[t] = true;
        loop {
            let z = solve_passive(&passive);
            if (0..n).all(|j| !passive[j] || z[j] > 0.0) {
                x = z;
                break;
            }
            iter += 1;
            if iter > maxiter {
                return Err(Error::invalid("Maximum number of iterations reached."));
            }
            // step from x towards z until the first passive variable
            // reaches zero; it (and any other at zero) leaves the set
            let mut alpha = f64::INFINITY;
            let mut blocking = t;
            for j in 0..n {
                if passive[j] && z[j] <= 0.0 {
                    let a_j = x[j] / (x[j] - z[j]);
                    if a_j < alpha {
                        alpha = a_j;
                        blocking = j;
                    }
                }
            }
            for j in 0..n {
                if passive[j] {
                    x[j] += alpha * (z[j] - x[j]);
                    if j == blocking || x[j] <= 0.0 {
                        x[j] = 0.0;
                        passive[j] = false;
                    }
                }
            }
            if passive.iter().all(|p| !p) {
                break;
            }
        }
        for r in 0..m {
            resid[r] = b[r] - dot(&a[r * n..r * n + n], &x);
        }
    }
    for r in 0..m {
        resid[r] = dot(&a[r * n..r * n + n], &x) - b[r];
    }
    Ok((x, norm(&resid)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_zero_solution_and_errors() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let (x, r) = nnls(&a, 3, 2, &[1.0, 0.0, -1.0], None).unwrap();
        assert_eq!(x, vec![0.0, 0.0]);
        assert!((r - 2f64.sqrt()).abs() < 1e-15);
        assert!(nnls(&a, 3, 2, &[1.0, 0.0], None).is_err());
        assert!(nnls(&a, 2, 2, &[1.0, 0.0], None).is_err());
        assert!(nnls(&[f64::NAN, 1.0], 1, 2, &[1.0], None).is_err());
    }
}
