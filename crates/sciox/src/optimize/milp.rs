//! `scipy.optimize.milp`: mixed-integer linear programming.
//!
//! SciPy calls HiGHS's branch-and-cut solver. sciox runs a plain
//! branch and bound over its own LP solver (the dense simplex of
//! [`linprog`](super::linprog)): best-bound node selection, branching on
//! the most fractional integer variable, pruning by bound with SciPy's
//! (HiGHS's) default relative gap 1e-4. No cuts, no presolve, no
//! heuristics, so node counts differ from HiGHS's; the optimum does not.
//! Like any branch and bound without cuts, it may not end on an
//! integer-infeasible problem whose integer variables are unbounded
//! (`2x - 2y = 1`): set `time_limit` or `node_limit` for such models.

use super::Bounds;
use super::linprog::{LinprogResult, MSG_INFEASIBLE, MSG_OPTIMAL, Problem, solve_problem};
use crate::{Error, Result};
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::time::Instant;

/// One block of linear constraints `lb <= A @ x <= ub` (SciPy's
/// `LinearConstraint(A, lb, ub)`; `A` is `lb.len() × n`, row-major).
///
/// ```
/// use sciox::optimize::MilpConstraint;
/// let k = MilpConstraint::new(vec![1.0, 1.0], vec![f64::NEG_INFINITY], vec![3.0]);
/// assert_eq!(k.ub, vec![3.0]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MilpConstraint {
    /// The coefficient matrix, row-major.
    pub a: Vec<f64>,
    /// Lower bounds of `A @ x` (`-inf` for none).
    pub lb: Vec<f64>,
    /// Upper bounds of `A @ x` (`inf` for none).
    pub ub: Vec<f64>,
}

impl MilpConstraint {
    /// A constraint block from its matrix and bounds.
    ///
    /// ```
    /// use sciox::optimize::MilpConstraint;
    /// assert_eq!(MilpConstraint::new(vec![2.0], vec![1.0], vec![1.0]).a, vec![2.0]);
    /// ```
    pub fn new(a: Vec<f64>, lb: Vec<f64>, ub: Vec<f64>) -> Self {
        MilpConstraint { a, lb, ub }
    }
}

/// Options of [`milp`] (SciPy's `options` dict).
///
/// ```
/// use sciox::optimize::MilpOptions;
/// assert_eq!(MilpOptions::default().mip_rel_gap, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MilpOptions {
    /// Wall-clock limit in seconds (`None`: none).
    pub time_limit: Option<f64>,
    /// Maximum number of branch-and-bound nodes (LP relaxations).
    pub node_limit: Option<usize>,
    /// Relative gap `|primal - dual| / |primal|` at which to stop (`None`:
    /// HiGHS's default 1e-4).
    pub mip_rel_gap: Option<f64>,
}

/// The result of [`milp`] (SciPy's `OptimizeResult`). Without a feasible
/// solution `x` is empty and `fun`, `mip_dual_bound`, `mip_gap` are NaN.
///
/// ```
/// use sciox::optimize::{milp, MilpOptions};
/// let r = milp(&[1.0], &[1], None, &[], &MilpOptions::default()).unwrap();
/// assert_eq!((r.status, r.x.clone()), (0, vec![0.0]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct MilpResult {
    /// The solution.
    pub x: Vec<f64>,
    /// `c @ x`.
    pub fun: f64,
    /// 0 optimal, 1 time limit, 2 infeasible, 3 unbounded, 4 other (node
    /// limit, unbounded or infeasible relaxation).
    pub status: i32,
    /// SciPy's message (HiGHS wording).
    pub message: String,
    /// `status == 0`.
    pub success: bool,
    /// Nodes (LP relaxations) solved.
    pub mip_node_count: usize,
    /// The best bound on the optimum proved.
    pub mip_dual_bound: f64,
    /// `|fun - mip_dual_bound| / |fun|` (0 when both are 0).
    pub mip_gap: f64,
}

const MSG_UNB_OR_INF: &str = "The problem is unbounded or infeasible. (HiGHS Status 9: model_status is Primal infeasible or unbounded; primal_status is None)";
const MSG_NODE_LIMIT: &str =
    "The HiGHS status code was not recognized. (HiGHS Status 16: Solution limit reached)";

/// A node: variable bounds and the parent's LP bound.
struct Node {
    bound: f64,
    lb: Vec<f64>,
    ub: Vec<f64>,
}

impl PartialEq for Node {
    fn eq(&self, o: &Self) -> bool {
        self.bound.total_cmp(&o.bound) == Ordering::Equal
    }
}
impl Eq for Node {}
impl PartialOrd for Node {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Node {
    /// Reversed: the max-heap pops the smallest bound first.
    fn cmp(&self, o: &Self) -> Ordering {
        o.bound.total_cmp(&self.bound)
    }
}

/// Integrality tolerance on `x` (HiGHS's `mip_feasibility_tolerance`).
const INT_TOL: f64 = 1e-6;

/// Solves a mixed-integer linear program (SciPy's `milp(c, integrality,
/// bounds, constraints, options)`):
///
/// ```text
/// minimise c @ x  subject to  lb_k <= A_k @ x <= ub_k,  l <= x <= u,
///                             x_j integer where integrality[j] is 1 (or 3).
/// ```
///
/// `integrality` holds SciPy's codes per variable (0 continuous, 1
/// integer, 2 semi-continuous, 3 semi-integer: `x_j = 0` or within its
/// bounds); empty means all continuous, one value applies to all. `bounds`
/// `None` is SciPy's default `(0, inf)`.
///
/// Errors (SciPy's `ValueError`): `c` empty or not finite; `integrality`
/// with codes outside 0–3 or of the wrong length; bounds of the wrong
/// length or NaN; a constraint whose `A` is not `lb.len() × n` or whose
/// `lb`/`ub` lengths differ.
///
/// ```
/// use sciox::optimize::{milp, MilpConstraint, MilpOptions, Bounds};
/// // 0/1 knapsack: values 6, 5, 4; weights 3, 2, 2; capacity 4.
/// let k = MilpConstraint::new(vec![3.0, 2.0, 2.0], vec![f64::NEG_INFINITY], vec![4.0]);
/// let b = Bounds::new(vec![0.0; 3], vec![1.0; 3]);
/// let r = milp(&[-6.0, -5.0, -4.0], &[1], Some(&b), &[k], &MilpOptions::default()).unwrap();
/// assert_eq!(r.x, vec![0.0, 1.0, 1.0]);
/// assert_eq!(r.fun, -9.0);
/// ```
pub fn milp(
    c: &[f64],
    integrality: &[u8],
    bounds: Option<&Bounds>,
    constraints: &[MilpConstraint],
    opts: &MilpOptions,
) -> Result<MilpResult> {
    let n = c.len();
    if n == 0 || c.iter().any(|v| !v.is_finite()) {
        return Err(Error::invalid(
            "`c` must be a one-dimensional array of finite numbers with at least one element.",
        ));
    }
    let kind: Vec<u8> = match integrality.len() {
        0 => vec![0; n],
        1 => vec![integrality[0]; n],
        l if l == n => integrality.to_vec(),
        _ => vec![u8::MAX],
    };
    if kind.len() != n || kind.iter().any(|&k| k > 3) {
        return Err(Error::invalid(
            "`integrality` must contain integers 0-3 and be broadcastable to `c.shape`.",
        ));
    }
    let (mut lb, mut ub) = match bounds {
        None => (vec![0.0; n], vec![f64::INFINITY; n]),
        Some(b) => {
            let bc = |v: &[f64]| match v.len() {
                1 => Some(vec![v[0]; n]),
                l if l == n => Some(v.to_vec()),
                _ => None,
            };
            match (bc(&b.lb), bc(&b.ub)) {
                (Some(l), Some(u)) if !l.iter().chain(&u).any(|v| v.is_nan()) => (l, u),
                _ => {
                    return Err(Error::invalid(
                        "`bounds.lb` and `bounds.ub` must contain reals and be broadcastable to `c.shape`.",
                    ));
                }
            }
        }
    };
    // Constraint rows: equalities where lb == ub, else one `<=` row per
    // finite side.
    let (mut a_ub, mut b_ub, mut a_eq, mut b_eq) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for k in constraints {
        let m = k.lb.len();
        if k.a.len() != m * n || k.ub.len() != m {
            return Err(Error::invalid("The shape of `A` must be (len(b_l), len(c))."));
        }
        if k.a.iter().chain(&k.lb).chain(&k.ub).any(|v| v.is_nan()) {
            return Err(Error::invalid("`A`, `b_l` and `b_u` must not contain NaN."));
        }
        for i in 0..m {
            let row = &k.a[i * n..(i + 1) * n];
            let (l, u) = (k.lb[i], k.ub[i]);
            if l == u && l.is_finite() {
                a_eq.extend_from_slice(row);
                b_eq.push(l);
                continue;
            }
            if u < f64::INFINITY {
                a_ub.extend_from_slice(row);
                b_ub.push(u);
            }
            if l > f64::NEG_INFINITY {
                a_ub.extend(row.iter().map(|v| -v));
                b_ub.push(-l);
            }
        }
    }
    // Semi-continuous variables: `0` or within `[l, u]`; the relaxation
    // spans both.
    let semi: Vec<(f64, f64)> = (0..n).map(|j| (lb[j], ub[j])).collect();
    for j in 0..n {
        if kind[j] >= 2 {
            lb[j] = lb[j].min(0.0);
            ub[j] = ub[j].max(0.0);
        }
        if kind[j] == 1 {
            lb[j] = (lb[j] - INT_TOL).ceil();
            ub[j] = (ub[j] + INT_TOL).floor();
        }
    }
    let gap_tol = opts.mip_rel_gap.unwrap_or(1e-4);
    let start = Instant::now();
    let solve = |lb: &[f64], ub: &[f64]| -> LinprogResult {
        let p = Problem {
            c,
            a_ub: &a_ub,
            b_ub: &b_ub,
            a_eq: &a_eq,
            b_eq: &b_eq,
            lb: lb.to_vec(),
            ub: ub.to_vec(),
        };
        solve_problem(&p, None)
    };
    let mut heap = BinaryHeap::new();
    heap.push(Node {
        bound: f64::NEG_INFINITY,
        lb,
        ub,
    });
    let mut best: Option<(f64, Vec<f64>)> = None;
    let mut nodes = 0usize;
    let mut limit: Option<(i32, &str)> = None;
    let mut root_unbounded = false;
    while let Some(node) = heap.peek() {
        let inc = best.as_ref().map_or(f64::INFINITY, |b| b.0);
        if inc.is_finite() && (inc - node.bound) <= gap_tol * inc.abs().max(1e-300) {
            break;
        }
        if opts.node_limit.is_some_and(|l| nodes >= l) {
            limit = Some((4, MSG_NODE_LIMIT));
            break;
        }
        if opts
            .time_limit
            .is_some_and(|t| start.elapsed().as_secs_f64() >= t)
        {
            limit = Some((
                1,
                "Time limit reached. (HiGHS Status 13: model_status is Time limit reached; primal_status is ",
            ));
            break;
        }
        let Some(node) = heap.pop() else { break };
        nodes += 1;
        let r = solve(&node.lb, &node.ub);
        if r.status == 3 {
            root_unbounded = true;
            break;
        }
        if r.status != 0 || r.fun >= inc {
            continue;
        }
        // Branch on the most fractional integer variable, or on a
        // semi-continuous variable strictly between 0 and its bounds.
        let mut branch: Option<(usize, f64)> = None;
        let mut frac_best = INT_TOL;
        for (j, (&x, &k)) in r.x.iter().zip(&kind).enumerate() {
            if k == 1 || k == 3 {
                let f = (x - x.round()).abs();
                if f > frac_best {
                    frac_best = f;
                    branch = Some((j, x));
                }
            }
        }
        let semi_branch = (0..n).find(|&j| {
            kind[j] >= 2 && {
                let (l, u) = semi[j];
                let x = r.x[j];
                x.abs() > INT_TOL && (x < l - INT_TOL || x > u + INT_TOL)
            }
        });
        if let Some(j) = semi_branch {
            // x_j = 0, or x_j within its original bounds.
            let mut z_lb = node.lb.clone();
            let mut z_ub = node.ub.clone();
            z_lb[j] = 0.0;
            z_ub[j] = 0.0;
            heap.push(Node {
                bound: r.fun,
                lb: z_lb,
                ub: z_ub,
            });
            let (l, u) = semi[j];
            let mut o_lb = node.lb;
            let mut o_ub = node.ub;
            o_lb[j] = if kind[j] == 3 { (l - INT_TOL).ceil() } else { l };
            o_ub[j] = if kind[j] == 3 { (u + INT_TOL).floor() } else { u };
            heap.push(Node {
                bound: r.fun,
                lb: o_lb,
                ub: o_ub,
            });
            continue;
        }
        match branch {
            None => {
                let mut x = r.x;
                for j in 0..n {
                    if kind[j] == 1 || kind[j] == 3 {
                        x[j] = x[j].round();
                    }
                }
                let fun = c.iter().zip(&x).map(|(a, b)| a * b).sum::<f64>();
                best = Some((fun, x));
            }
            Some((j, x)) => {
                let mut down_ub = node.ub.clone();
                down_ub[j] = x.floor();
                heap.push(Node {
                    bound: r.fun,
                    lb: node.lb.clone(),
                    ub: down_ub,
                });
                let mut up_lb = node.lb;
                up_lb[j] = x.ceil();
                heap.push(Node {
                    bound: r.fun,
                    lb: up_lb,
                    ub: node.ub,
                });
            }
        }
    }
    let dual_bound = |b: f64| heap.peek().map_or(b, |nd| nd.bound.min(b));
    if root_unbounded {
        return Ok(failed(4, MSG_UNB_OR_INF.into(), nodes));
    }
    match (best, limit) {
        (None, None) => Ok(failed(2, MSG_INFEASIBLE.into(), nodes)),
        (None, Some((s, m))) => {
            let m = if s == 1 {
                format!("{m}None)")
            } else {
                m.to_string()
            };
            Ok(failed(s, m, nodes))
        }
        (Some((fun, x)), lim) => {
            let db = dual_bound(fun);
            let gap = if fun == 0.0 && db == 0.0 {
                0.0
            } else {
                (fun - db).abs() / fun.abs()
            };
            let (status, message) = match lim {
                None => (0, MSG_OPTIMAL.to_string()),
                Some((1, m)) => (1, format!("{m}Feasible)")),
                Some((s, m)) => (s, m.to_string()),
            };
            Ok(MilpResult {
                x,
                fun,
                status,
                message,
                success: status == 0,
                mip_node_count: nodes,
                mip_dual_bound: db,
                mip_gap: gap,
            })
        }
    }
}

fn failed(status: i32, message: String, nodes: usize) -> MilpResult {
    MilpResult {
        x: Vec::new(),
        fun: f64::NAN,
        status,
        message,
        success: false,
        mip_node_count: nodes,
        mip_dual_bound: f64::NAN,
        mip_gap: f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knapsack(opts: &MilpOptions) -> MilpResult {
        // 12 items, weights 3..=14, values weight + (i mod 4), capacity 30
        let w: Vec<f64> = (0..12).map(|i| 3.0 + i as f64).collect();
        let c: Vec<f64> = w.iter().enumerate().map(|(i, w)| -(w + (i % 4) as f64)).collect();
        let k = MilpConstraint::new(w, vec![f64::NEG_INFINITY], vec![30.0]);
        let b = Bounds::new(vec![0.0], vec![1.0]);
        milp(&c, &[1], Some(&b), &[k], opts).unwrap()
    }

    #[test]
    fn limits_and_gap() {
        let full = knapsack(&MilpOptions {
            mip_rel_gap: Some(0.0),
            ..Default::default()
        });
        assert_eq!(full.status, 0);
        // values: best is weight 30 with extra 3+3+... brute force check
        let mut best = 0.0f64;
        for mask in 0u32..(1 << 12) {
            let (mut w, mut v) = (0.0, 0.0);
            for i in 0..12 {
                if mask >> i & 1 == 1 {
                    w += 3.0 + i as f64;
                    v += 3.0 + i as f64 + (i % 4) as f64;
                }
            }
            if w <= 30.0 {
                best = best.max(v);
            }
        }
        assert_eq!(full.fun, -best);
        let one = knapsack(&MilpOptions {
            node_limit: Some(1),
            ..Default::default()
        });
        assert_eq!(one.status, 4); // the root relaxation is fractional: no incumbent
        assert_eq!(one.mip_node_count, 1);
        let t = knapsack(&MilpOptions {
            time_limit: Some(0.0),
            ..Default::default()
        });
        assert_eq!(t.status, 1);
        assert!(t.message.starts_with("Time limit reached."));
    }

    #[test]
    fn semi_continuous() {
        // min -x with x semi-continuous in [2, 3], x <= 1.5: only x = 0.
        let k = MilpConstraint::new(vec![1.0], vec![f64::NEG_INFINITY], vec![1.5]);
        let b = Bounds::new(vec![2.0], vec![3.0]);
        let r = milp(&[-1.0], &[2], Some(&b), &[k], &MilpOptions::default()).unwrap();
        assert_eq!((r.status, r.x.clone()), (0, vec![0.0]));
    }

    #[test]
    fn bad_input() {
        let o = MilpOptions::default();
        assert!(milp(&[], &[], None, &[], &o).is_err());
        assert!(milp(&[1.0, 1.0], &[4], None, &[], &o).is_err());
        assert!(milp(&[1.0, 1.0], &[1, 1, 1], None, &[], &o).is_err());
        let k = MilpConstraint::new(vec![1.0; 3], vec![0.0], vec![1.0]);
        assert!(milp(&[1.0, 1.0], &[], None, &[k], &o).is_err());
    }
}
