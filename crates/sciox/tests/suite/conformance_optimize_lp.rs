//! sciox.optimize linear programming and assignment against SciPy 1.17.1
//! (`tools/refgen/gen_optimize_lp.py`): `linear_sum_assignment`,
//! `linprog` (SciPy's default method, HiGHS) and `milp`.
//!
//! What is compared, and how tightly:
//! - `linear_sum_assignment`: the total cost to 1e-12 relative (sums of
//!   `min(nr, nc)` entries in a different order); the assignment itself
//!   exactly, also where several are optimal (integer costs with ties):
//!   the search visits columns in SciPy's order and breaks ties as it
//!   does. Errors as SciPy's ValueError, with its message.
//! - `linprog`: status and message always. When optimal, `fun` to 1e-9
//!   relative (HiGHS's own primal/dual feasibility tolerance is 1e-7, but
//!   both solvers end on an exactly refactorised vertex); `x`, `slack`,
//!   `con` to 1e-9 (1 + |x|) where the generator proved the optimal `x`
//!   unique (each `x_j` has one value on the optimal face), and the four
//!   marginal vectors to 1e-9 where the dual is unique too (unique and
//!   non-degenerate primal vertex).
//! - `milp`: status and message; `fun` to 1e-9 relative; `x` to 1e-9
//!   where the optimum is unique.

use crate::common;

use common::Case;
use sciox::numox::Array;
use sciox::optimize::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

fn close_all(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| close(*x, *y, tol))
}

fn check_lsa(case: &Case) -> Result<(), String> {
    let maximize = case.bool_param("maximize");
    let stored = &case.inputs[0];
    let cost: Array<f64> = match stored.dtype() {
        sciox::numox::DType::Int64 => case.input::<i64>(0).astype::<f64>(),
        _ => case.input::<f64>(0),
    };
    // `transpose`: the case's matrix is the transpose of the stored one;
    // pass a (non-contiguous) transposed view.
    let got = if case.bool_param("transpose") {
        linear_sum_assignment(&cost.t(), maximize)
    } else {
        linear_sum_assignment(&cost, maximize)
    };
    if case.error.is_some() {
        let e = got.err().ok_or("SciPy raised, sciox returned Ok")?;
        return if e.to_string() == case.note {
            Ok(())
        } else {
            Err(format!("message {e} vs {}", case.note))
        };
    }
    let (r, c) = got.map_err(|e| e.to_string())?;
    let want_r: Vec<usize> = case
        .output::<i64>(0)
        .to_vec()
        .iter()
        .map(|&v| v as usize)
        .collect();
    let want_c: Vec<usize> = case
        .output::<i64>(1)
        .to_vec()
        .iter()
        .map(|&v| v as usize)
        .collect();
    let want_cost = case.output::<f64>(2).to_vec()[0];
    let m = if case.bool_param("transpose") {
        cost.t().to_owned()
    } else {
        cost.clone()
    };
    let total: f64 = r
        .iter()
        .zip(&c)
        .map(|(&i, &j)| *m.get(&[i, j]).expect("in range"))
        .sum();
    if r.len() != want_r.len() || !close(total, want_cost, 1e-12) {
        return Err(format!("cost {total} vs {want_cost}, rows {r:?} vs {want_r:?}"));
    }
    if r.windows(2).any(|w| w[0] >= w[1]) {
        return Err(format!("rows not sorted: {r:?}"));
    }
    if r != want_r || c != want_c {
        return Err(format!("assignment ({r:?}, {c:?}) vs ({want_r:?}, {want_c:?})"));
    }
    Ok(())
}

fn check_linprog(case: &Case) -> Result<(), String> {
    let v = |k: usize| case.input::<f64>(k).to_vec();
    let (c, a_ub, b_ub, a_eq, b_eq, lb, ub) = (v(0), v(1), v(2), v(3), v(4), v(5), v(6));
    let bounds = match case.str_param("bounds") {
        "default" => LpBounds::NonNegative,
        "all" => LpBounds::All(lb[0], ub[0]),
        _ => LpBounds::Each(lb.iter().copied().zip(ub.iter().copied()).collect()),
    };
    let maxiter = case.param("maxiter").map(common::param_usize).filter(|&m| m > 0);
    let opts = LinprogOptions { maxiter };
    let got = linprog(&c, &a_ub, &b_ub, &a_eq, &b_eq, &bounds, &opts);
    if case.error.is_some() {
        let e = got.err().ok_or("SciPy raised, sciox returned Ok")?;
        // The messages of the finiteness checks are SciPy's.
        if case.note.contains("must not contain") && e.to_string() != case.note {
            return Err(format!("message {e} vs {}", case.note));
        }
        return Ok(());
    }
    let r = got.map_err(|e| e.to_string())?;
    let info = case.output::<f64>(1).to_vec();
    if r.status as f64 != info[1] || r.message != case.note || r.success != (info[1] == 0.0) {
        return Err(format!(
            "status {} {:?} vs {} {:?}",
            r.status, r.message, info[1], case.note
        ));
    }
    if r.status != 0 {
        return if r.x.is_empty() && r.fun.is_nan() {
            Ok(())
        } else {
            Err("x on failure".into())
        };
    }
    if !close(r.fun, info[0], 1e-9) {
        return Err(format!("fun {} vs {}", r.fun, info[0]));
    }
    if case.bool_param("unique") {
        for (k, got, name) in [(0, &r.x, "x"), (2, &r.slack, "slack"), (3, &r.con, "con")] {
            let want = v_out(case, k);
            if !close_all(got, &want, 1e-9) {
                return Err(format!("{name} {got:?} vs {want:?}"));
            }
        }
    }
    if case.bool_param("marg") {
        for (k, got, name) in [
            (4, &r.ineqlin_marginals, "ineqlin"),
            (5, &r.eqlin_marginals, "eqlin"),
            (6, &r.lower_marginals, "lower"),
            (7, &r.upper_marginals, "upper"),
        ] {
            let want = v_out(case, k);
            if !close_all(got, &want, 1e-9) {
                return Err(format!("{name} marginals {got:?} vs {want:?}"));
            }
        }
    }
    Ok(())
}

fn check_milp(case: &Case) -> Result<(), String> {
    let v = |k: usize| case.input::<f64>(k).to_vec();
    let (c, lb, ub, a, clb, cub) = (v(0), v(2), v(3), v(4), v(5), v(6));
    let integrality: Vec<u8> = case.input::<i64>(1).to_vec().iter().map(|&k| k as u8).collect();
    let cons = if clb.is_empty() {
        vec![]
    } else {
        vec![MilpConstraint::new(a, clb, cub)]
    };
    let mut o = MilpOptions::default();
    if let Some(g) = case.param("options").and_then(|p| p.get("mip_rel_gap")) {
        o.mip_rel_gap = Some(common::param_f64(g));
    }
    let got = milp(&c, &integrality, Some(&Bounds::new(lb, ub)), &cons, &o);
    if case.error.is_some() {
        let e = got.err().ok_or("SciPy raised, sciox returned Ok")?;
        return if e.to_string() == case.note {
            Ok(())
        } else {
            Err(format!("message {e} vs {}", case.note))
        };
    }
    let r = got.map_err(|e| e.to_string())?;
    let info = case.output::<f64>(1).to_vec();
    if r.status as f64 != info[1] || r.message != case.note || r.success != (info[1] == 0.0) {
        return Err(format!(
            "status {} {:?} vs {} {:?}",
            r.status, r.message, info[1], case.note
        ));
    }
    if r.status != 0 {
        return if r.x.is_empty() && r.fun.is_nan() {
            Ok(())
        } else {
            Err("x on failure".into())
        };
    }
    if !close(r.fun, info[0], 1e-9) {
        return Err(format!("fun {} vs {}", r.fun, info[0]));
    }
    let want = v_out(case, 0);
    if case.bool_param("unique") && !close_all(&r.x, &want, 1e-9) {
        return Err(format!("x {:?} vs {want:?}", r.x));
    }
    Ok(())
}

fn v_out(case: &Case, k: usize) -> Vec<f64> {
    case.output::<f64>(k).to_vec()
}

#[test]
fn conformance_optimize_lp() {
    common::check_all_cases("optimize_lp", 110, |case| match case.op.as_str() {
        "linear_sum_assignment" => check_lsa(case),
        "linprog" => check_linprog(case),
        "milp" => check_milp(case),
        other => Err(format!("unknown op {other}")),
    });
}
