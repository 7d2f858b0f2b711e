//! `scipy.optimize.isotonic_regression`: the weighted least-squares fit of
//! a monotone sequence, by the pool-adjacent-violators algorithm in the
//! form of Busing (2022, J. Stat. Softw. 102, c01), which SciPy uses.

use crate::{Error, Result};

/// The outcome of [`isotonic_regression`] (SciPy's `OptimizeResult`).
///
/// ```
/// use sciox::optimize::isotonic_regression;
/// let r = isotonic_regression(&[1.0, 3.0, 2.0], None, true).unwrap();
/// assert_eq!(r.x, vec![1.0, 2.5, 2.5]);
/// assert_eq!((r.weights, r.blocks), (vec![1.0, 2.0], vec![0, 1, 3]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct IsotonicResult {
    /// The monotone fit, one value per input.
    pub x: Vec<f64>,
    /// The summed weight of each block of equal values.
    pub weights: Vec<f64>,
    /// Block boundaries: block `i` is `x[blocks[i]..blocks[i + 1]]`.
    pub blocks: Vec<usize>,
}

/// `scipy.optimize.isotonic_regression(y, weights=None, increasing=True)`:
/// the non-decreasing (or non-increasing) `x` minimising
/// `sum w_i (y_i - x_i)^2`.
///
/// Equal neighbours are pooled into one block, as SciPy's. Errors (SciPy's
/// `ValueError`): `weights` of another length, or not strictly positive.
/// NaN in `y` propagates as in SciPy (no error).
///
/// ```
/// use sciox::optimize::isotonic_regression;
/// let r = isotonic_regression(&[5.0, 1.0, 4.0, 2.0], Some(&[1.0, 1.0, 2.0, 2.0]), true).unwrap();
/// assert_eq!(r.x, vec![3.0, 3.0, 3.0, 3.0]);
/// let d = isotonic_regression(&[1.0, 3.0, 2.0], None, false).unwrap();
/// assert_eq!(d.x, vec![2.0, 2.0, 2.0]);
/// ```
pub fn isotonic_regression(y: &[f64], weights: Option<&[f64]>, increasing: bool) -> Result<IsotonicResult> {
    let n = y.len();
    let mut w = match weights {
        None => vec![1.0; n],
        Some(w) => {
            if w.len() != n {
                return Err(Error::invalid(
                    "Input arrays y and w must have one dimension of equal length.",
                ));
            }
            // SciPy's `np.any(w <= 0)`: NaN weights pass that test.
            if w.iter().any(|v| *v <= 0.0) {
                return Err(Error::invalid("Weights w must be strictly positive."));
            }
            w.to_vec()
        }
    };
    let mut x = y.to_vec();
    if !increasing {
        x.reverse();
        w.reverse();
    }
    if n == 0 {
        return Ok(IsotonicResult {
            x,
            weights: w,
            blocks: vec![0],
        });
    }
    let mut r = vec![0usize; n + 1];
    r[1] = 1;
    let mut b = 0usize;
    let mut xb_prev = x[0];
    let mut wb_prev = w[0];
    let mut i = 1;
    while i < n {
        b += 1;
        let mut xb = x[i];
        let mut wb = w[i];
        if xb_prev >= xb {
            // pool with the previous block, then absorb later values that
            // still violate, then earlier blocks that do
            b -= 1;
            let mut sb = wb_prev * xb_prev + wb * xb;
            wb += wb_prev;
            xb = sb / wb;
            while i < n - 1 && xb >= x[i + 1] {
                i += 1;
                sb += w[i] * x[i];
                wb += w[i];
                xb = sb / wb;
            }
            while b > 0 && x[b - 1] >= xb {
                b -= 1;
                sb += w[b] * x[b];
                wb += w[b];
                xb = sb / wb;
            }
        }
        x[b] = xb;
        xb_prev = xb;
        w[b] = wb;
        wb_prev = wb;
        r[b + 1] = i + 1;
        i += 1;
    }
    let nb = b + 1;
    // expand the block values over their ranges, last block first
    for k in (0..nb).rev() {
        let v = x[k];
        for xi in &mut x[r[k]..r[k + 1]] {
            *xi = v;
        }
    }
    r.truncate(nb + 1);
    w.truncate(nb);
    if !increasing {
        x.reverse();
        w.reverse();
        let last = r[nb];
        r = r.iter().rev().map(|v| last - v).collect();
    }
    Ok(IsotonicResult {
        x,
        weights: w,
        blocks: r,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_pool_into_one_block() {
        let r = isotonic_regression(&[2.0, 2.0], None, true).unwrap();
        assert_eq!(r.blocks, vec![0, 2]);
        assert_eq!(r.weights, vec![2.0]);
    }

    #[test]
    fn bad_weights_and_empty() {
        assert!(isotonic_regression(&[1.0, 2.0], Some(&[1.0]), true).is_err());
        assert!(isotonic_regression(&[1.0, 2.0], Some(&[1.0, 0.0]), true).is_err());
        let e = isotonic_regression(&[], None, true).unwrap();
        assert!(e.x.is_empty() && e.blocks == vec![0]);
    }
}
