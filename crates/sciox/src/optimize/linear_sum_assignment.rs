//! `scipy.optimize.linear_sum_assignment`: the linear sum assignment
//! (minimum-weight bipartite matching) problem.
//!
//! The algorithm is SciPy's: the shortest augmenting path method of
//! Crouse (2016), "On implementing 2D rectangular assignment algorithms"
//! (a Jonker–Volgenant-like Dijkstra search with dual variables `u`, `v`),
//! written from the paper and SciPy's description. The same search order
//! and tie-breaking as SciPy's C++ give the same assignment when several
//! are optimal too.

use crate::{Error, Result};
use numox::ArrayBase;
use numox::array::Data;

/// Solves the linear sum assignment problem (SciPy's
/// `linear_sum_assignment(cost_matrix, maximize=False)`).
///
/// `cost` is an `nr × nc` matrix (any layout). Each row is assigned to at
/// most one column and each column to at most one row; `min(nr, nc)` pairs
/// are returned as `(row_ind, col_ind)` with `row_ind` sorted ascending, so
/// that `sum(cost[row_ind[k], col_ind[k]])` is minimal (maximal with
/// `maximize`). Integer cost matrices are converted to `f64` first, as SciPy
/// does (`a.astype::<f64>()`).
///
/// Errors (SciPy's `ValueError`): `cost` is not 2-D; it contains NaN or
/// `-inf` (`+inf` with `maximize`), "matrix contains invalid numeric
/// entries"; no complete assignment has finite cost, "cost matrix is
/// infeasible".
///
/// ```
/// use sciox::numox::array;
/// use sciox::optimize::linear_sum_assignment;
/// let cost = array![[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]];
/// let (r, c) = linear_sum_assignment(&cost, false).unwrap();
/// assert_eq!(r, vec![0, 1, 2]);
/// assert_eq!(c, vec![1, 0, 2]);
/// ```
pub fn linear_sum_assignment<S: Data<Elem = f64>>(
    cost: &ArrayBase<S>,
    maximize: bool,
) -> Result<(Vec<usize>, Vec<usize>)> {
    if cost.ndim() != 2 {
        return Err(Error::invalid(format!(
            "expected a matrix (2-D array), got a {} array",
            cost.ndim()
        )));
    }
    let (nr0, nc0) = (cost.shape()[0], cost.shape()[1]);
    if nr0 == 0 || nc0 == 0 {
        return Ok((Vec::new(), Vec::new()));
    }
    let c = cost.to_vec();
    // Work on a matrix with at least as many columns as rows.
    let transpose = nc0 < nr0;
    let (nr, nc) = if transpose { (nc0, nr0) } else { (nr0, nc0) };
    let mut m = if transpose {
        let mut t = vec![0.0; nr * nc];
        for i in 0..nr0 {
            for j in 0..nc0 {
                t[j * nc + i] = c[i * nc0 + j];
            }
        }
        t
    } else {
        c
    };
    if maximize {
        m.iter_mut().for_each(|v| *v = -*v);
    }
    if m.iter().any(|v| v.is_nan() || *v == f64::NEG_INFINITY) {
        return Err(Error::invalid("matrix contains invalid numeric entries"));
    }
    let col4row = solve(&m, nr, nc).ok_or_else(|| Error::invalid("cost matrix is infeasible"))?;
    if transpose {
        // Rows of the transposed problem are the original columns.
        let mut pairs: Vec<(usize, usize)> = col4row.iter().enumerate().map(|(i, &j)| (j, i)).collect();
        pairs.sort_unstable();
        Ok(pairs.into_iter().unzip())
    } else {
        Ok(((0..nr).collect(), col4row))
    }
}

/// The shortest augmenting path solver on an `nr × nc` row-major matrix
/// with `nr <= nc`; `None` when the problem is infeasible.
fn solve(cost: &[f64], nr: usize, nc: usize) -> Option<Vec<usize>> {
    const NONE: usize = usize::MAX;
    let mut u = vec![0.0; nr];
    let mut v = vec![0.0; nc];
    let mut spc = vec![f64::INFINITY; nc];
    let mut path = vec![NONE; nc];
    let mut col4row = vec![NONE; nr];
    let mut row4col = vec![NONE; nc];
    let mut sr = vec![false; nr];
    let mut sc = vec![false; nc];
    let mut remaining = vec![0usize; nc];
    for cur in 0..nr {
        // Dijkstra from row `cur` over reduced costs until a free column.
        let mut min_val = 0.0;
        let mut num_rem = nc;
        for (it, r) in remaining.iter_mut().enumerate() {
            *r = nc - it - 1;
        }
        sr.fill(false);
        sc.fill(false);
        spc.fill(f64::INFINITY);
        let mut i = cur;
        let sink = loop {
            let mut index = NONE;
            let mut lowest = f64::INFINITY;
            sr[i] = true;
            let row = &cost[i * nc..(i + 1) * nc];
            let base = min_val - u[i];
            for (it, &j) in remaining[..num_rem].iter().enumerate() {
                let r = base + row[j] - v[j];
                if r < spc[j] {
                    path[j] = i;
                    spc[j] = r;
                }
                if spc[j] < lowest || (spc[j] == lowest && row4col[j] == NONE) {
                    lowest = spc[j];
                    index = it;
                }
            }
            min_val = lowest;
            if min_val == f64::INFINITY || index == NONE {
                return None;
            }
            let j = remaining[index];
            sc[j] = true;
            num_rem -= 1;
            remaining[index] = remaining[num_rem];
            if row4col[j] == NONE {
                break j;
            }
            i = row4col[j];
        };
        // Update the duals.
        u[cur] += min_val;
        for k in 0..nr {
            if sr[k] && k != cur {
                u[k] += min_val - spc[col4row[k]];
            }
        }
        for j in 0..nc {
            if sc[j] {
                v[j] -= min_val - spc[j];
            }
        }
        // Augment along the path back to `cur`.
        let mut j = sink;
        loop {
            let i = path[j];
            row4col[j] = i;
            std::mem::swap(&mut col4row[i], &mut j);
            if i == cur {
                break;
            }
        }
    }
    Some(col4row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use numox::{Array, array};

    fn total(c: &Array<f64>, r: &[usize], k: &[usize]) -> f64 {
        r.iter().zip(k).map(|(&i, &j)| *c.get(&[i, j]).unwrap()).sum()
    }

    #[test]
    fn square_and_rectangular() {
        let c = array![[4.0, 1.0, 3.0], [2.0, 0.0, 5.0], [3.0, 2.0, 2.0]];
        let (r, k) = linear_sum_assignment(&c, false).unwrap();
        assert_eq!(total(&c, &r, &k), 5.0);
        let (r, k) = linear_sum_assignment(&c, true).unwrap();
        assert_eq!(total(&c, &r, &k), 11.0);
        // 3 x 2: two rows get assigned, sorted by row.
        let t = array![[1.0, 5.0], [2.0, 1.0], [0.5, 9.0]];
        let (r, k) = linear_sum_assignment(&t, false).unwrap();
        assert_eq!((r, k), (vec![1, 2], vec![1, 0]));
    }

    #[test]
    fn errors_and_empty() {
        assert!(linear_sum_assignment(&array![[1.0, f64::NAN]], false).is_err());
        assert!(linear_sum_assignment(&array![[1.0, f64::INFINITY]], true).is_err());
        let inf = f64::INFINITY;
        assert!(linear_sum_assignment(&array![[inf, inf], [inf, 1.0]], false).is_err());
        assert!(linear_sum_assignment(&array![1.0, 2.0], false).is_err());
        let e = Array::<f64>::zeros(&[0, 3]);
        assert_eq!(linear_sum_assignment(&e, false).unwrap(), (vec![], vec![]));
    }
}
