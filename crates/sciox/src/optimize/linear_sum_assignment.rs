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
    if nc >= u32::MAX as usize {
        return Err(Error::invalid("cost matrix has too many columns"));
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

/// Per-column state of the solver, kept together so that the inner loop
/// touches one cache line per column instead of four.
#[derive(Clone, Copy)]
struct Col {
    /// The column dual.
    v: f64,
    /// Shortest path cost to the column in the current search.
    spc: f64,
    /// The row the shortest path reaches the column from.
    path: u32,
    /// The row assigned to the column (`NONE`: free).
    row4col: u32,
}

const NONE: u32 = u32::MAX;

/// The shortest augmenting path solver on an `nr × nc` row-major matrix
/// with `nr <= nc < u32::MAX`; `None` when the problem is infeasible.
fn solve(cost: &[f64], nr: usize, nc: usize) -> Option<Vec<usize>> {
    let mut u = vec![0.0; nr];
    let mut cols = vec![
        Col {
            v: 0.0,
            spc: f64::INFINITY,
            path: NONE,
            row4col: NONE
        };
        nc
    ];
    let mut col4row = vec![usize::MAX; nr];
    let mut sr = vec![false; nr];
    let mut sc = vec![false; nc];
    let mut remaining = vec![0u32; nc];
    for cur in 0..nr {
        // Dijkstra from row `cur` over reduced costs until a free column.
        let mut min_val = 0.0;
        let mut num_rem = nc;
        for (it, r) in remaining.iter_mut().enumerate() {
            *r = (nc - it - 1) as u32;
        }
        sr.fill(false);
        sc.fill(false);
        cols.iter_mut().for_each(|c| c.spc = f64::INFINITY);
        let mut i = cur;
        let sink = loop {
            let mut index = usize::MAX;
            let mut lowest = f64::INFINITY;
            sr[i] = true;
            let row = &cost[i * nc..(i + 1) * nc];
            let base = min_val - u[i];
            let rem = &remaining[..num_rem];
            // The hot loop of the whole solver: unchecked indexing.
            // SAFETY: `remaining` holds distinct values `< nc` (a
            // permutation of `0..nc` from which entries are swap-removed),
            // and `row` and `cols` have length `nc`.
            unsafe {
                for (it, &j) in rem.iter().enumerate() {
                    let j = j as usize;
                    let r = base + *row.get_unchecked(j);
                    let c = cols.get_unchecked_mut(j);
                    let r = r - c.v;
                    if r < c.spc {
                        c.path = i as u32;
                        c.spc = r;
                    }
                    let s = c.spc;
                    if s < lowest || (s == lowest && c.row4col == NONE) {
                        lowest = s;
                        index = it;
                    }
                }
            }
            min_val = lowest;
            if min_val == f64::INFINITY || index == usize::MAX {
                return None;
            }
            let j = remaining[index] as usize;
            sc[j] = true;
            num_rem -= 1;
            remaining[index] = remaining[num_rem];
            if cols[j].row4col == NONE {
                break j;
            }
            i = cols[j].row4col as usize;
        };
        // Update the duals.
        u[cur] += min_val;
        for k in 0..nr {
            if sr[k] && k != cur {
                u[k] += min_val - cols[col4row[k]].spc;
            }
        }
        for (c, &s) in cols.iter_mut().zip(&sc) {
            if s {
                c.v -= min_val - c.spc;
            }
        }
        // Augment along the path back to `cur`.
        let mut j = sink;
        loop {
            let i = cols[j].path as usize;
            cols[j].row4col = i as u32;
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

    /// `cargo test --release --lib lsa_timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn lsa_timing() {
        let n = 1000;
        let mut x = 12345u64;
        let v: Vec<f64> = (0..n * n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect();
        let c = Array::from_shape_vec(&[n, n], v).unwrap();
        for _ in 0..3 {
            let t = std::time::Instant::now();
            let (r, _) = linear_sum_assignment(&c, false).unwrap();
            eprintln!("{} ms", t.elapsed().as_secs_f64() * 1e3);
            assert_eq!(r.len(), n);
        }
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
