//! `scipy.optimize.linprog`: linear programming.
//!
//! SciPy's default method, HiGHS, returns a vertex (basic) solution; sciox
//! solves the problem with its own dense two-phase primal simplex method
//! (`linprog_simplex.rs`), which returns a vertex too.
//!
//! Why this solver, by measurement: on the reference problems
//! (`tools/refgen/gen_optimize_lp.py`, up to 50 × 90 with equalities and
//! every kind of bound) it gives SciPy's `x`, slacks and marginals to 1e-9
//! wherever they are unique, and SciPy's statuses; on a dense random
//! 200 × 400 LP (`bench/run --filter linprog`) it ran 1.1-2.6x as fast
//! as SciPy's HiGHS (two runs on a loaded shared machine). An interior-point crate such as `clarabel` was not
//! adopted: it would add a dependency and still need a crossover step to
//! produce a vertex like HiGHS's (its interior solutions of degenerate or
//! non-unique problems differ from SciPy's), which the simplex needs
//! neither of. The final basis is refactorised (LU with partial pivoting),
//! so `x` and the duals carry no accumulated tableau rounding. Its cost is
//! dense, `O(m (n + m))` per pivot: fine for small and medium problems (a
//! few hundred rows); it has no presolve and no sparse algebra, which is
//! where HiGHS wins on large sparse problems.
//!
//! Each variable `x_j` in `[l_j, u_j]` becomes a non-negative variable of
//! the standard form: `x = l + z` (plus a row `z <= u - l` when both are
//! finite), `x = u - z` when only `u` is finite, `x = z⁺ - z⁻` when free.

use super::linprog_simplex::{SimplexStatus, solve_standard};
use crate::{Error, Result};

/// Variable bounds of [`linprog`] (SciPy's `bounds` argument; `±inf`
/// stands for `None`).
///
/// ```
/// use sciox::optimize::LpBounds;
/// let b = LpBounds::All(-1.0, f64::INFINITY);
/// assert!(matches!(b, LpBounds::All(..)));
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub enum LpBounds {
    /// `(0, None)` for every variable (SciPy's default).
    #[default]
    NonNegative,
    /// One `(lb, ub)` pair for all variables.
    All(f64, f64),
    /// One `(lb, ub)` pair per variable.
    Each(Vec<(f64, f64)>),
}

/// Options of [`linprog`].
///
/// ```
/// use sciox::optimize::LinprogOptions;
/// assert_eq!(LinprogOptions::default().maxiter, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinprogOptions {
    /// Maximum number of simplex pivots (SciPy's `maxiter`; `None`:
    /// unlimited in practice, `10_000 + 50 (m + n)`).
    pub maxiter: Option<usize>,
}

/// The result of [`linprog`] (SciPy's `OptimizeResult` of method `highs`).
///
/// When no solution is available (infeasible, unbounded), SciPy returns
/// `None` for `x`, `fun` and the rest: here the vectors are empty and `fun`
/// is NaN.
///
/// ```
/// use sciox::optimize::{linprog, LinprogOptions, LpBounds};
/// let r = linprog(&[1.0], &[], &[], &[], &[], &LpBounds::NonNegative, &LinprogOptions::default()).unwrap();
/// assert_eq!((r.status, r.x.clone()), (0, vec![0.0]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct LinprogResult {
    /// The solution.
    pub x: Vec<f64>,
    /// `c @ x`.
    pub fun: f64,
    /// `b_ub - A_ub @ x`.
    pub slack: Vec<f64>,
    /// `b_eq - A_eq @ x`.
    pub con: Vec<f64>,
    /// 0 optimal, 1 iteration limit, 2 infeasible, 3 unbounded, 4 numerical
    /// difficulties.
    pub status: i32,
    /// SciPy's message for `status` (HiGHS wording).
    pub message: String,
    /// Simplex pivots made.
    pub nit: usize,
    /// `status == 0`.
    pub success: bool,
    /// Sensitivity of `fun` to `b_ub` (`ineqlin.marginals`, <= 0).
    pub ineqlin_marginals: Vec<f64>,
    /// Sensitivity of `fun` to `b_eq` (`eqlin.marginals`).
    pub eqlin_marginals: Vec<f64>,
    /// Sensitivity of `fun` to the lower bounds (`lower.marginals`).
    pub lower_marginals: Vec<f64>,
    /// Sensitivity of `fun` to the upper bounds (`upper.marginals`).
    pub upper_marginals: Vec<f64>,
}

pub(crate) const MSG_OPTIMAL: &str = "Optimization terminated successfully. (HiGHS Status 7: Optimal)";
pub(crate) const MSG_INFEASIBLE: &str =
    "The problem is infeasible. (HiGHS Status 8: model_status is Infeasible; primal_status is None)";
const MSG_UNBOUNDED: &str =
    "The problem is unbounded. (HiGHS Status 10: model_status is Unbounded; primal_status is Feasible)";
// HiGHS's dual simplex has no primal feasible point when it stops early;
// SciPy returns no `x` then, and neither does sciox.
const MSG_ITER: &str = "Iteration limit reached. (HiGHS Status 14: model_status is Iteration limit reached; primal_status is Infeasible)";
const MSG_MODEL_ERROR: &str = "(HiGHS Status 2: Model error)";

/// A problem checked and in `x`-space: dense row-major matrices.
pub(crate) struct Problem<'a> {
    pub c: &'a [f64],
    pub a_ub: &'a [f64],
    pub b_ub: &'a [f64],
    pub a_eq: &'a [f64],
    pub b_eq: &'a [f64],
    pub lb: Vec<f64>,
    pub ub: Vec<f64>,
}

fn check_finite(v: &[f64], name: &str) -> Result<()> {
    if v.iter().any(|x| !x.is_finite()) {
        return Err(Error::invalid(format!(
            "Invalid input for linprog: {name} must not contain values inf, nan, or None"
        )));
    }
    Ok(())
}

/// Solves the linear program (SciPy's `linprog(c, A_ub, b_ub, A_eq, b_eq,
/// bounds, method='highs')`)
///
/// ```text
/// minimise c @ x  subject to  A_ub @ x <= b_ub,  A_eq @ x == b_eq,  lb <= x <= ub.
/// ```
///
/// `a_ub` is the `b_ub.len() × c.len()` matrix in row-major order (empty
/// slices for no constraints), `a_eq` likewise. Infeasible and unbounded
/// problems are reported by `status` (2, 3) and `message`, not as errors;
/// a lower bound of `+inf` or an upper bound of `-inf` is HiGHS's "Model
/// error" (status 2, as SciPy reports it).
///
/// Errors (SciPy's `ValueError`): `c` empty; NaN or infinite entries in `c`, `A_ub`,
/// `b_ub`, `A_eq`, `b_eq`; matrices whose size is not `rows × c.len()`;
/// bounds of the wrong length or with NaN.
///
/// ```
/// use sciox::optimize::{linprog, LinprogOptions, LpBounds};
/// // min -x - 2y  s.t.  x + y <= 4,  x - y <= 1,  x, y >= 0
/// let r = linprog(&[-1.0, -2.0], &[1.0, 1.0, 1.0, -1.0], &[4.0, 1.0], &[], &[],
///                 &LpBounds::NonNegative, &LinprogOptions::default()).unwrap();
/// assert!(r.success);
/// assert_eq!(r.x, vec![0.0, 4.0]);
/// assert_eq!(r.fun, -8.0);
/// assert_eq!(r.ineqlin_marginals, vec![-2.0, 0.0]);
/// ```
pub fn linprog(
    c: &[f64],
    a_ub: &[f64],
    b_ub: &[f64],
    a_eq: &[f64],
    b_eq: &[f64],
    bounds: &LpBounds,
    opts: &LinprogOptions,
) -> Result<LinprogResult> {
    let n = c.len();
    if n == 0 {
        return Err(Error::invalid(
            "Invalid input for linprog: c must be a 1-D array and must not have more than one non-singleton dimension",
        ));
    }
    check_finite(c, "c")?;
    for (a, b, an, bn) in [(a_ub, b_ub, "A_ub", "b_ub"), (a_eq, b_eq, "A_eq", "b_eq")] {
        if a.len() != b.len() * n {
            return Err(Error::invalid(format!(
                "Invalid input for linprog: {an} has {} entries, not {bn}.len() × c.len() = {} × {n}",
                a.len(),
                b.len()
            )));
        }
        check_finite(a, an)?;
        check_finite(b, bn)?;
    }
    let (lb, ub) = match bounds {
        LpBounds::NonNegative => (vec![0.0; n], vec![f64::INFINITY; n]),
        LpBounds::All(l, u) => (vec![*l; n], vec![*u; n]),
        // One pair in a list applies to every variable, as in SciPy.
        LpBounds::Each(p) if p.len() == 1 => (vec![p[0].0; n], vec![p[0].1; n]),
        LpBounds::Each(p) => {
            if p.len() != n {
                return Err(Error::invalid(format!(
                    "Invalid input for linprog: unable to interpret bounds with {} pairs for {n} variables",
                    p.len()
                )));
            }
            p.iter().copied().unzip()
        }
    };
    if lb.iter().chain(&ub).any(|v| v.is_nan()) {
        return Err(Error::invalid(
            "Invalid input for linprog: bounds must not contain NaN",
        ));
    }
    let prob = Problem {
        c,
        a_ub,
        b_ub,
        a_eq,
        b_eq,
        lb,
        ub,
    };
    Ok(solve_problem(&prob, opts.maxiter))
}

/// An empty result with `status` and `message` (no solution).
fn no_solution(status: i32, message: &str, nit: usize) -> LinprogResult {
    LinprogResult {
        x: Vec::new(),
        fun: f64::NAN,
        slack: Vec::new(),
        con: Vec::new(),
        status,
        message: message.into(),
        nit,
        success: false,
        ineqlin_marginals: Vec::new(),
        eqlin_marginals: Vec::new(),
        lower_marginals: Vec::new(),
        upper_marginals: Vec::new(),
    }
}

/// How variable `x_j` maps to standard-form columns.
#[derive(Clone, Copy)]
enum Map {
    /// `x = l + z_k` (with a bound row `brow` when `u` is finite).
    Lower { k: usize, l: f64, brow: Option<usize> },
    /// `x = u - z_k`.
    Upper { k: usize, u: f64 },
    /// `x = z_k - z_{k+1}`.
    Free { k: usize },
}

/// Solves a checked problem (shared with `milp`).
pub(crate) fn solve_problem(p: &Problem<'_>, maxiter: Option<usize>) -> LinprogResult {
    let n = p.c.len();
    let (mu, me) = (p.b_ub.len(), p.b_eq.len());
    if p.lb.contains(&f64::INFINITY) || p.ub.contains(&f64::NEG_INFINITY) {
        return no_solution(2, MSG_MODEL_ERROR, 0);
    }
    if p.lb.iter().zip(&p.ub).any(|(l, u)| l > u) {
        return no_solution(2, MSG_INFEASIBLE, 0);
    }
    // Standard-form columns: one or two per variable, one slack per
    // inequality and per bound row.
    let mut maps = Vec::with_capacity(n);
    let mut nz = 0;
    let mut nbrow = 0;
    for j in 0..n {
        let (l, u) = (p.lb[j], p.ub[j]);
        if l.is_finite() {
            let brow = if u.is_finite() {
                nbrow += 1;
                Some(nbrow - 1)
            } else {
                None
            };
            maps.push(Map::Lower { k: nz, l, brow });
            nz += 1;
        } else if u.is_finite() {
            maps.push(Map::Upper { k: nz, u });
            nz += 1;
        } else {
            maps.push(Map::Free { k: nz });
            nz += 2;
        }
    }
    let m = mu + me + nbrow;
    let ns = nz + mu + nbrow;
    let mut a = vec![0.0; m * ns];
    let mut b = vec![0.0; m];
    let mut cs = vec![0.0; ns];
    for (j, map) in maps.iter().enumerate() {
        match *map {
            Map::Lower { k, .. } => cs[k] = p.c[j],
            Map::Upper { k, .. } => cs[k] = -p.c[j],
            Map::Free { k } => {
                cs[k] = p.c[j];
                cs[k + 1] = -p.c[j];
            }
        }
    }
    let rows = p
        .a_ub
        .chunks_exact(n.max(1))
        .zip(p.b_ub)
        .chain(p.a_eq.chunks_exact(n.max(1)).zip(p.b_eq));
    for (i, (arow, &bi)) in rows.enumerate() {
        let r = &mut a[i * ns..(i + 1) * ns];
        let mut rhs = bi;
        for (j, map) in maps.iter().enumerate() {
            let v = arow[j];
            if v == 0.0 {
                continue;
            }
            match *map {
                Map::Lower { k, l, .. } => {
                    r[k] = v;
                    rhs -= v * l;
                }
                Map::Upper { k, u } => {
                    r[k] = -v;
                    rhs -= v * u;
                }
                Map::Free { k } => {
                    r[k] = v;
                    r[k + 1] = -v;
                }
            }
        }
        if i < mu {
            r[nz + i] = 1.0;
        }
        b[i] = rhs;
    }
    for (j, map) in maps.iter().enumerate() {
        if let Map::Lower { k, l, brow: Some(q) } = *map {
            let i = mu + me + q;
            a[i * ns + k] = 1.0;
            a[i * ns + nz + mu + q] = 1.0;
            b[i] = p.ub[j] - l;
        }
    }
    // Rows with a negative right-hand side are negated (b >= 0).
    let mut sign = vec![1.0; m];
    for i in 0..m {
        if b[i] < 0.0 {
            sign[i] = -1.0;
            b[i] = -b[i];
            a[i * ns..(i + 1) * ns].iter_mut().for_each(|v| *v = -*v);
        }
    }
    let maxiter = maxiter.unwrap_or(10_000 + 50 * (m + ns));
    let s = solve_standard(&a, &b, &cs, maxiter);
    match s.status {
        SimplexStatus::Optimal => {}
        SimplexStatus::Infeasible => return no_solution(2, MSG_INFEASIBLE, s.nit),
        SimplexStatus::Unbounded => return no_solution(3, MSG_UNBOUNDED, s.nit),
        SimplexStatus::IterationLimit => return no_solution(1, MSG_ITER, s.nit),
    }
    let mut x = vec![0.0; n];
    let mut lower = vec![0.0; n];
    let mut upper = vec![0.0; n];
    for (j, map) in maps.iter().enumerate() {
        match *map {
            Map::Lower { k, l, brow } => {
                x[j] = l + s.z[k];
                // `d[k]` includes the bound row's dual: moving `l` moves
                // that row's right-hand side `u - l` too.
                lower[j] = s.d[k];
                if let Some(q) = brow {
                    let i = mu + me + q;
                    upper[j] = s.y[i] * sign[i];
                }
                if x[j] > p.ub[j] {
                    x[j] = p.ub[j];
                }
            }
            Map::Upper { k, u } => {
                x[j] = u - s.z[k];
                upper[j] = -s.d[k];
            }
            Map::Free { k } => x[j] = s.z[k] - s.z[k + 1],
        }
    }
    let dot = |row: &[f64]| row.iter().zip(&x).map(|(a, b)| a * b).sum::<f64>();
    let slack: Vec<f64> = p
        .a_ub
        .chunks_exact(n.max(1))
        .zip(p.b_ub)
        .map(|(r, &bi)| bi - dot(r))
        .collect();
    let con: Vec<f64> = p
        .a_eq
        .chunks_exact(n.max(1))
        .zip(p.b_eq)
        .map(|(r, &bi)| bi - dot(r))
        .collect();
    let ineqlin = (0..mu).map(|i| s.y[i] * sign[i]).collect();
    let eqlin = (mu..mu + me).map(|i| s.y[i] * sign[i]).collect();
    LinprogResult {
        fun: dot(p.c),
        x,
        slack,
        con,
        status: 0,
        message: MSG_OPTIMAL.into(),
        nit: s.nit,
        success: true,
        ineqlin_marginals: ineqlin,
        eqlin_marginals: eqlin,
        lower_marginals: lower,
        upper_marginals: upper,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lp(c: &[f64], a: &[f64], b: &[f64], bounds: LpBounds) -> LinprogResult {
        linprog(c, a, b, &[], &[], &bounds, &LinprogOptions::default()).unwrap()
    }

    #[test]
    fn statuses() {
        assert_eq!(
            lp(&[1.0, 1.0], &[1.0, 1.0], &[-1.0], LpBounds::NonNegative).status,
            2
        );
        assert_eq!(
            lp(&[-1.0, 0.0], &[0.0, 1.0], &[1.0], LpBounds::NonNegative).status,
            3
        );
        let r = lp(
            &[1.0, -1.0],
            &[],
            &[],
            LpBounds::Each(vec![(-2.0, 5.0), (1.0, 3.0)]),
        );
        assert_eq!(r.x, vec![-2.0, 3.0]);
        assert_eq!(
            (r.lower_marginals.clone(), r.upper_marginals.clone()),
            (vec![1.0, 0.0], vec![0.0, -1.0])
        );
    }

    #[test]
    fn bad_input() {
        let o = LinprogOptions::default();
        let nb = LpBounds::NonNegative;
        assert!(linprog(&[f64::NAN], &[], &[], &[], &[], &nb, &o).is_err());
        assert!(linprog(&[1.0, 1.0], &[1.0], &[1.0], &[], &[], &nb, &o).is_err());
        assert!(linprog(&[1.0], &[], &[], &[1.0], &[f64::INFINITY], &nb, &o).is_err());
        assert!(linprog(&[1.0], &[], &[], &[], &[], &LpBounds::Each(vec![]), &o).is_err());
    }
}
