//! The LP solver behind [`linprog`](super::linprog) and
//! [`milp`](super::milp): a two-phase primal simplex method on a dense
//! tableau for problems in standard form
//!
//! ```text
//! minimise c^T z  subject to  A z = b,  z >= 0,  b >= 0,
//! ```
//!
//! with Dantzig's pricing, switching to Bland's rule after a run of
//! degenerate pivots (no cycling), and a ratio test that prefers the largest
//! pivot among ties. The final basis is refactorised from the original `A`
//! (LU with partial pivoting) to recompute `z` and the duals `y` to working
//! precision, so the vertex does not carry the tableau's accumulated
//! rounding.

/// How the simplex method ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SimplexStatus {
    Optimal,
    IterationLimit,
    Infeasible,
    Unbounded,
}

/// The result of [`solve_standard`].
#[derive(Clone, Debug)]
pub(crate) struct StandardSolution {
    pub status: SimplexStatus,
    /// The vertex (length `n`).
    pub z: Vec<f64>,
    /// The duals of the rows (`B^T y = c_B`; 0 on redundant rows).
    pub y: Vec<f64>,
    /// Reduced costs `c - A^T y` (length `n`).
    pub d: Vec<f64>,
    /// Pivots made (both phases).
    pub nit: usize,
}

/// Tolerance on reduced costs (dual feasibility), relative to the cost scale.
const DUAL_TOL: f64 = 1e-9;
/// Smallest pivot element accepted in the ratio test.
const PIVOT_TOL: f64 = 1e-9;
/// Phase 1 residual accepted as feasible, relative to the scale of `b`.
const PRIMAL_TOL: f64 = 1e-9;

struct Tableau {
    m: usize,
    /// Columns: `n` structural, then `m` artificial, then the right-hand side.
    w: usize,
    t: Vec<f64>,
    /// Reduced costs (same columns; the last entry is `-objective`).
    d: Vec<f64>,
    basis: Vec<usize>,
    /// Rows found redundant after phase 1 (never pivoted on again).
    dead: Vec<bool>,
}

impl Tableau {
    fn pivot(&mut self, r: usize, j: usize) {
        let w = self.w;
        let p = self.t[r * w + j];
        let (before, rest) = self.t.split_at_mut(r * w);
        let (prow, after) = rest.split_at_mut(w);
        let inv = 1.0 / p;
        prow.iter_mut().for_each(|v| *v *= inv);
        prow[j] = 1.0;
        let elim = |row: &mut [f64], prow: &[f64]| {
            let f = row[j];
            if f != 0.0 {
                for (a, &b) in row.iter_mut().zip(prow) {
                    *a -= f * b;
                }
                row[j] = 0.0;
            }
        };
        for row in before.chunks_exact_mut(w).chain(after.chunks_exact_mut(w)) {
            elim(row, prow);
        }
        elim(&mut self.d, prow);
        self.basis[r] = j;
    }

    /// Runs simplex pivots on columns `< ncols`; `Err(status)` if it stops
    /// without optimality.
    fn run(&mut self, ncols: usize, nit: &mut usize, maxiter: usize, ctol: f64) -> Result<(), SimplexStatus> {
        let w = self.w;
        let mut degenerate = 0usize;
        loop {
            let bland = degenerate > 50;
            let mut enter = usize::MAX;
            let mut best = -ctol;
            for j in 0..ncols {
                if self.d[j] < best {
                    enter = j;
                    if bland {
                        break;
                    }
                    best = self.d[j];
                }
            }
            if enter == usize::MAX {
                return Ok(());
            }
            if *nit >= maxiter {
                return Err(SimplexStatus::IterationLimit);
            }
            let mut leave = usize::MAX;
            let mut ratio = f64::INFINITY;
            let mut piv = 0.0;
            for i in 0..self.m {
                if self.dead[i] {
                    continue;
                }
                let a = self.t[i * w + enter];
                if a > PIVOT_TOL {
                    let q = self.t[i * w + w - 1].max(0.0) / a;
                    let tie = (q - ratio).abs() <= 1e-12 * (1.0 + ratio.abs());
                    let better = if tie {
                        if bland {
                            self.basis[i] < self.basis[leave]
                        } else {
                            a > piv
                        }
                    } else {
                        q < ratio
                    };
                    if better {
                        leave = i;
                        ratio = q;
                        piv = a;
                    }
                }
            }
            if leave == usize::MAX {
                return Err(SimplexStatus::Unbounded);
            }
            degenerate = if ratio == 0.0 { degenerate + 1 } else { 0 };
            self.pivot(leave, enter);
            *nit += 1;
        }
    }
}

/// Solves `min c^T z, A z = b, z >= 0` with `b >= 0`; `a` is `m × n`
/// row-major.
pub(crate) fn solve_standard(a: &[f64], b: &[f64], c: &[f64], maxiter: usize) -> StandardSolution {
    let (m, n) = (b.len(), c.len());
    let w = n + m + 1;
    let mut t = vec![0.0; m * w];
    for i in 0..m {
        t[i * w..i * w + n].copy_from_slice(&a[i * n..(i + 1) * n]);
        t[i * w + n + i] = 1.0;
        t[i * w + w - 1] = b[i];
    }
    // A column that is a unit vector with a positive entry in row i (a
    // slack) starts in the basis instead of that row's artificial.
    let mut basis: Vec<usize> = (n..n + m).collect();
    let mut used = vec![false; m];
    for j in 0..n {
        let mut row = usize::MAX;
        let mut ok = true;
        for i in 0..m {
            let v = a[i * n + j];
            if v != 0.0 {
                if row != usize::MAX || v < 0.0 {
                    ok = false;
                    break;
                }
                row = i;
            }
        }
        if ok && row != usize::MAX && !used[row] && c[j] == 0.0 {
            used[row] = true;
            basis[row] = j;
            let v = a[row * n + j];
            let r = &mut t[row * w..(row + 1) * w];
            r.iter_mut().for_each(|x| *x /= v);
        }
    }
    // Phase 1: minimise the sum of the artificials still basic.
    let mut d = vec![0.0; w];
    for i in 0..m {
        if basis[i] >= n {
            d[n + i] = 1.0;
        }
    }
    for i in 0..m {
        if basis[i] >= n {
            for (dj, &v) in d.iter_mut().zip(&t[i * w..(i + 1) * w]) {
                *dj -= v;
            }
        }
    }
    let mut tab = Tableau {
        m,
        w,
        t,
        d,
        basis,
        dead: vec![false; m],
    };
    let bscale = b.iter().fold(1.0f64, |s, v| s.max(v.abs()));
    let mut nit = 0;
    if let Err(SimplexStatus::IterationLimit) = tab.run(n + m, &mut nit, maxiter, DUAL_TOL) {
        return finish(&tab, a, b, c, SimplexStatus::IterationLimit, nit);
    }
    let infeas: f64 = (0..m)
        .filter(|&i| tab.basis[i] >= n)
        .map(|i| tab.t[i * w + w - 1])
        .sum();
    if infeas > PRIMAL_TOL * bscale * (m as f64).max(1.0) {
        return finish(&tab, a, b, c, SimplexStatus::Infeasible, nit);
    }
    // Drive the remaining (zero-level) artificials out of the basis.
    for i in 0..m {
        if tab.basis[i] >= n {
            let row = &tab.t[i * w..i * w + n];
            let (mut jmax, mut vmax) = (usize::MAX, PIVOT_TOL);
            for (j, &v) in row.iter().enumerate() {
                if v.abs() > vmax {
                    jmax = j;
                    vmax = v.abs();
                }
            }
            if jmax == usize::MAX {
                tab.dead[i] = true;
            } else {
                tab.pivot(i, jmax);
            }
        }
    }
    // Phase 2 with the true costs.
    tab.d.fill(0.0);
    tab.d[..n].copy_from_slice(c);
    for i in 0..m {
        if !tab.dead[i] {
            let cb = c[tab.basis[i]];
            if cb != 0.0 {
                for (dj, &v) in tab.d.iter_mut().zip(&tab.t[i * w..(i + 1) * w]) {
                    *dj -= cb * v;
                }
            }
        }
    }
    let cscale = c.iter().fold(1.0f64, |s, v| s.max(v.abs()));
    let status = match tab.run(n, &mut nit, maxiter, DUAL_TOL * cscale) {
        Ok(()) => SimplexStatus::Optimal,
        Err(s) => s,
    };
    finish(&tab, a, b, c, status, nit)
}

/// Reads the vertex off the tableau, then recomputes `z_B` and `y` from the
/// basis matrix of the original `A` for full accuracy.
fn finish(
    tab: &Tableau,
    a: &[f64],
    b_full: &[f64],
    c: &[f64],
    status: SimplexStatus,
    nit: usize,
) -> StandardSolution {
    let (m, n, w) = (tab.m, c.len(), tab.w);
    let mut z = vec![0.0; n];
    let rows: Vec<usize> = (0..m).filter(|&i| !tab.dead[i] && tab.basis[i] < n).collect();
    for &i in &rows {
        z[tab.basis[i]] = tab.t[i * w + w - 1].max(0.0);
    }
    let mut y = vec![0.0; m];
    if status == SimplexStatus::Optimal && rows.len() == (0..m).filter(|&i| !tab.dead[i]).count() {
        let k = rows.len();
        let mut bm = vec![0.0; k * k];
        for (r, &i) in rows.iter().enumerate() {
            for (s, &ii) in rows.iter().enumerate() {
                bm[r * k + s] = a[i * n + tab.basis[ii]];
            }
        }
        let b: Vec<f64> = rows.iter().map(|&i| b_full[i]).collect();
        if let Some(lu) = Lu::new(bm, k) {
            let zb = lu.solve(&b, false);
            if zb.iter().all(|v| v.is_finite()) {
                for (s, &ii) in rows.iter().enumerate() {
                    z[tab.basis[ii]] = zb[s].max(0.0);
                }
            }
            let cb: Vec<f64> = rows.iter().map(|&i| c[tab.basis[i]]).collect();
            let yb = lu.solve(&cb, true);
            for (r, &i) in rows.iter().enumerate() {
                y[i] = yb[r];
            }
        }
    }
    let mut d = c.to_vec();
    for i in 0..m {
        if y[i] != 0.0 {
            for j in 0..n {
                d[j] -= y[i] * a[i * n + j];
            }
        }
    }
    StandardSolution { status, z, y, d, nit }
}

/// Dense LU with partial pivoting of a `k × k` row-major matrix.
struct Lu {
    k: usize,
    lu: Vec<f64>,
    perm: Vec<usize>,
}

impl Lu {
    fn new(mut lu: Vec<f64>, k: usize) -> Option<Lu> {
        let mut perm: Vec<usize> = (0..k).collect();
        for col in 0..k {
            let (mut p, mut best) = (col, 0.0);
            for r in col..k {
                let v = lu[r * k + col].abs();
                if v > best {
                    best = v;
                    p = r;
                }
            }
            if best == 0.0 {
                return None;
            }
            if p != col {
                for j in 0..k {
                    lu.swap(p * k + j, col * k + j);
                }
                perm.swap(p, col);
            }
            let inv = 1.0 / lu[col * k + col];
            for r in col + 1..k {
                let f = lu[r * k + col] * inv;
                if f != 0.0 {
                    lu[r * k + col] = f;
                    for j in col + 1..k {
                        lu[r * k + j] -= f * lu[col * k + j];
                    }
                } else {
                    lu[r * k + col] = 0.0;
                }
            }
        }
        Some(Lu { k, lu, perm })
    }

    /// Solves `B x = rhs` (or `B^T x = rhs` with `trans`), `P B = L U`.
    fn solve(&self, rhs: &[f64], trans: bool) -> Vec<f64> {
        let (k, lu) = (self.k, &self.lu);
        if !trans {
            let mut x: Vec<f64> = self.perm.iter().map(|&p| rhs[p]).collect();
            for r in 0..k {
                let s: f64 = (0..r).map(|j| lu[r * k + j] * x[j]).sum();
                x[r] -= s;
            }
            for r in (0..k).rev() {
                let s: f64 = (r + 1..k).map(|j| lu[r * k + j] * x[j]).sum();
                x[r] = (x[r] - s) / lu[r * k + r];
            }
            x
        } else {
            // B^T = U^T L^T P: solve U^T w = rhs, L^T v = w, x = P^T v.
            let mut v = rhs.to_vec();
            for r in 0..k {
                let s: f64 = (0..r).map(|j| lu[j * k + r] * v[j]).sum();
                v[r] = (v[r] - s) / lu[r * k + r];
            }
            for r in (0..k).rev() {
                let s: f64 = (r + 1..k).map(|j| lu[j * k + r] * v[j]).sum();
                v[r] -= s;
            }
            let mut x = vec![0.0; k];
            for (r, &p) in self.perm.iter().enumerate() {
                x[p] = v[r];
            }
            x
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_standard_lp() {
        // min -x - 2y, x + y + s1 = 4, x - y + s2 = 1
        let a = [1.0, 1.0, 1.0, 0.0, 1.0, -1.0, 0.0, 1.0];
        let s = solve_standard(&a, &[4.0, 1.0], &[-1.0, -2.0, 0.0, 0.0], 100);
        assert_eq!(s.status, SimplexStatus::Optimal);
        assert_eq!(&s.z[..2], &[0.0, 4.0]);
        assert_eq!(s.y, vec![-2.0, 0.0]);
    }

    #[test]
    fn lu_solves_both_ways() {
        let lu = Lu::new(vec![0.0, 2.0, 1.0, 1.0], 2).unwrap();
        assert_eq!(lu.solve(&[2.0, 2.0], false), vec![1.0, 1.0]);
        assert_eq!(lu.solve(&[1.0, 3.0], true), vec![1.0, 1.0]);
        assert!(Lu::new(vec![1.0, 1.0, 1.0, 1.0], 2).is_none());
    }
}
