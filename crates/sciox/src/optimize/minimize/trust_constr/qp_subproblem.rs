//! Subproblems of the trust-region SQP (SciPy's
//! `_trustregion_constr/qp_subproblem.py`): sphere and box intersections,
//! the modified dogleg normal step and the projected CG tangential step.

use super::projections::Projections;

pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub(crate) fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// `(ta, tb, intersect)` of the segment (or line) `z + t d` with the ball
/// of radius `r`.
pub(crate) fn sphere_intersections(z: &[f64], d: &[f64], r: f64, entire_line: bool) -> (f64, f64, bool) {
    if norm(d) == 0.0 {
        return (0.0, 0.0, false);
    }
    if r.is_infinite() {
        return if entire_line {
            (f64::NEG_INFINITY, f64::INFINITY, true)
        } else {
            (0.0, 1.0, true)
        };
    }
    let a = dot(d, d);
    let b = 2.0 * dot(z, d);
    let c = dot(z, z) - r * r;
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return (0.0, 0.0, false);
    }
    let sq = disc.sqrt();
    let aux = b + sq.copysign(b);
    let (mut ta, mut tb) = (-aux / (2.0 * a), -2.0 * c / aux);
    if ta > tb {
        std::mem::swap(&mut ta, &mut tb);
    }
    if entire_line {
        (ta, tb, true)
    } else if tb < 0.0 || ta > 1.0 {
        (0.0, 0.0, false)
    } else {
        (ta.max(0.0), tb.min(1.0), true)
    }
}

/// `(ta, tb, intersect)` of `z + t d` with the box `[lb, ub]`.
pub(crate) fn box_intersections(
    z: &[f64],
    d: &[f64],
    lb: &[f64],
    ub: &[f64],
    entire_line: bool,
) -> (f64, f64, bool) {
    if norm(d) == 0.0 {
        return (0.0, 0.0, false);
    }
    for i in 0..z.len() {
        if d[i] == 0.0 && (z[i] < lb[i] || z[i] > ub[i]) {
            return (0.0, 0.0, false);
        }
    }
    let mut ta = f64::NEG_INFINITY;
    let mut tb = f64::INFINITY;
    for i in 0..z.len() {
        if d[i] == 0.0 {
            continue;
        }
        let tl = (lb[i] - z[i]) / d[i];
        let tu = (ub[i] - z[i]) / d[i];
        // np.minimum / np.maximum then max / min (NaN propagates)
        let lo = if tl.is_nan() || tu.is_nan() {
            f64::NAN
        } else {
            tl.min(tu)
        };
        let hi = if tl.is_nan() || tu.is_nan() {
            f64::NAN
        } else {
            tl.max(tu)
        };
        if lo > ta || lo.is_nan() {
            ta = lo;
        }
        if hi < tb || hi.is_nan() {
            tb = hi;
        }
    }
    let mut intersect = ta <= tb;
    if !entire_line {
        if tb < 0.0 || ta > 1.0 {
            intersect = false;
            ta = 0.0;
            tb = 0.0;
        } else {
            ta = ta.max(0.0);
            tb = tb.min(1.0);
        }
    }
    (ta, tb, intersect)
}

/// Intersection with the box and the ball together.
pub(crate) fn box_sphere_intersections(
    z: &[f64],
    d: &[f64],
    lb: &[f64],
    ub: &[f64],
    r: f64,
    entire_line: bool,
) -> (f64, f64, bool) {
    let (tab, tbb, ib) = box_intersections(z, d, lb, ub, entire_line);
    let (tas, tbs, is) = sphere_intersections(z, d, r, entire_line);
    let ta = tab.max(tas);
    let tb = tbb.min(tbs);
    (ta, tb, ib && is && ta <= tb)
}

fn inside(x: &[f64], lb: &[f64], ub: &[f64]) -> bool {
    x.iter()
        .zip(lb.iter().zip(ub))
        .all(|(v, (l, u))| l <= v && v <= u)
}

fn reinforce(x: &mut [f64], lb: &[f64], ub: &[f64]) {
    for i in 0..x.len() {
        x[i] = x[i].max(lb[i]).min(ub[i]);
    }
}

fn axpy(z: &[f64], t: f64, p: &[f64]) -> Vec<f64> {
    z.iter().zip(p).map(|(a, b)| a + t * b).collect()
}

/// `|A x + b|`.
fn resid(a: &[f64], m: usize, x: &[f64], b: &[f64]) -> f64 {
    let n = x.len();
    let r: Vec<f64> = (0..m).map(|i| dot(&a[i * n..(i + 1) * n], x) + b[i]).collect();
    norm(&r)
}

/// The normal step: approximately `min ||A x + b||` inside the ball and the
/// box (SciPy's `modified_dogleg`). `a` is m×n row-major.
pub(crate) fn modified_dogleg(
    a: &[f64],
    m: usize,
    y: &Projections,
    b: &[f64],
    r: f64,
    lb: &[f64],
    ub: &[f64],
) -> Vec<f64> {
    let nb: Vec<f64> = b.iter().map(|v| -v).collect();
    let newton = y.row_space(&nb);
    let n = newton.len();
    if inside(&newton, lb, ub) && norm(&newton) <= r {
        return newton;
    }
    let mut g = vec![0.0; n];
    for i in 0..m {
        for j in 0..n {
            g[j] += a[i * n + j] * b[i];
        }
    }
    let ag: Vec<f64> = (0..m).map(|i| dot(&a[i * n..(i + 1) * n], &g)).collect();
    let s = -dot(&g, &g) / dot(&ag, &ag);
    let cauchy: Vec<f64> = g.iter().map(|v| s * v).collect();
    let origin = vec![0.0; n];
    let p: Vec<f64> = newton.iter().zip(&cauchy).map(|(a, b)| a - b).collect();
    let (_, alpha, hit) = box_sphere_intersections(&cauchy, &p, lb, ub, r, false);
    let x1 = if hit {
        axpy(&cauchy, alpha, &p)
    } else {
        let (_, alpha, _) = box_sphere_intersections(&origin, &cauchy, lb, ub, r, false);
        axpy(&origin, alpha, &cauchy)
    };
    let (_, alpha, _) = box_sphere_intersections(&origin, &newton, lb, ub, r, false);
    let x2 = axpy(&origin, alpha, &newton);
    if resid(a, m, &x1, b) < resid(a, m, &x2, b) {
        x1
    } else {
        x2
    }
}

/// What ended a projected CG run (SciPy's `info`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CgInfo {
    pub niter: usize,
    pub stop_cond: i32,
}

/// The tangential step: `min 1/2 x^T H x + c^T x` subject to `A x = 0`
/// (with `b = 0`), `||x|| <= r` and `lb <= x <= ub`, by projected CG
/// (SciPy's `projected_cg` with its default tolerances).
#[allow(clippy::too_many_arguments)]
pub(crate) fn projected_cg(
    hdot: &mut dyn FnMut(&[f64], &mut [f64]),
    c: &[f64],
    zy: &Projections,
    m: usize,
    r: f64,
    lb: &[f64],
    ub: &[f64],
) -> (Vec<f64>, CgInfo) {
    const CLOSE_TO_ZERO: f64 = 1e-25;
    let n = c.len();
    // x = Y(-b) with b = 0
    let mut x = zy.row_space(&vec![0.0; m]);
    let mut hx = vec![0.0; n];
    hdot(&x, &mut hx);
    let rr: Vec<f64> = hx.iter().zip(c).map(|(a, b)| a + b).collect();
    let mut rv = zy.null_space(&rr);
    let mut g = zy.null_space(&rv);
    let mut p: Vec<f64> = g.iter().map(|v| -v).collect();
    let mut hp = vec![0.0; n];
    hdot(&p, &mut hp);
    let mut rt_g = norm(&g).powi(2);
    let tr_distance = r - norm(&x);
    if tr_distance < CLOSE_TO_ZERO {
        return (
            x,
            CgInfo {
                niter: 0,
                stop_cond: 2,
            },
        );
    }
    let tol = (0.01 * rt_g.sqrt()).min(0.1 * rt_g).max(CLOSE_TO_ZERO);
    let max_iter = n.saturating_sub(m);
    let max_infeasible = n.saturating_sub(m);
    let mut stop_cond = 1;
    let mut counter = 0;
    let mut last_feasible = vec![0.0; n];
    let mut k = 0;
    for _ in 0..max_iter {
        if rt_g < tol {
            stop_cond = 4;
            break;
        }
        k += 1;
        let pt_h_p = dot(&hp, &p);
        if pt_h_p <= 0.0 {
            let (_, alpha, hit) = box_sphere_intersections(&x, &p, lb, ub, r, true);
            if hit {
                x = axpy(&x, alpha, &p);
            }
            reinforce(&mut x, lb, ub);
            stop_cond = 3;
            break;
        }
        let alpha = rt_g / pt_h_p;
        let x_next = axpy(&x, alpha, &p);
        if norm(&x_next) >= r {
            let ap: Vec<f64> = p.iter().map(|v| alpha * v).collect();
            let (_, theta, hit) = box_sphere_intersections(&x, &ap, lb, ub, r, false);
            if hit {
                x = axpy(&x, theta, &ap);
            }
            reinforce(&mut x, lb, ub);
            stop_cond = 2;
            break;
        }
        if inside(&x_next, lb, ub) {
            counter = 0;
        } else {
            counter += 1;
        }
        if counter > 0 {
            let ap: Vec<f64> = p.iter().map(|v| alpha * v).collect();
            let (_, theta, hit) = box_sphere_intersections(&x, &ap, lb, ub, r, false);
            if hit {
                last_feasible = axpy(&x, theta, &ap);
                reinforce(&mut last_feasible, lb, ub);
                counter = 0;
            }
        }
        if counter > max_infeasible {
            break;
        }
        let r_next: Vec<f64> = rv.iter().zip(&hp).map(|(a, b)| a + alpha * b).collect();
        let g_next = zy.null_space(&r_next);
        let rt_g_next = norm(&g_next).powi(2);
        let beta = rt_g_next / rt_g;
        p = g_next.iter().zip(&p).map(|(gn, pv)| -gn + beta * pv).collect();
        x = x_next;
        rv.clone_from(&g_next);
        g = g_next;
        rt_g = norm(&g).powi(2);
        hdot(&p, &mut hp);
    }
    if !inside(&x, lb, ub) {
        x = last_feasible;
    }
    (x, CgInfo { niter: k, stop_cond })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersections() {
        let (ta, tb, hit) = sphere_intersections(&[0.0, 0.0], &[1.0, 0.0], 0.5, false);
        assert!(hit && ta == 0.0 && tb == 0.5);
        let (ta, tb, hit) = sphere_intersections(&[0.0, 0.0], &[1.0, 0.0], 2.0, true);
        assert!(hit && ta == -2.0 && tb == 2.0);
        let (_, _, hit) = sphere_intersections(&[0.0, 3.0], &[1.0, 0.0], 2.0, false);
        assert!(!hit);
        let (ta, tb, hit) = box_intersections(&[0.0, 0.0], &[2.0, 1.0], &[-1.0, -1.0], &[1.0, 1.0], false);
        assert!(hit && ta == 0.0 && tb == 0.5);
        let (_, _, hit) = box_intersections(&[0.0, 2.0], &[1.0, 0.0], &[-1.0, -1.0], &[1.0, 1.0], false);
        assert!(!hit);
        let (ta, tb, hit) =
            box_sphere_intersections(&[0.0, 0.0], &[2.0, 0.0], &[-1.0, -1.0], &[1.0, 1.0], 0.4, false);
        assert!(hit && ta == 0.0 && (tb - 0.2).abs() < 1e-16);
    }

    #[test]
    fn cg_unconstrained_quadratic() {
        // H = diag(2, 4), c = (-2, -4): minimiser (1, 1) inside radius 10
        let zy = Projections::new(&[], 0, 2).unwrap();
        let mut h = |p: &[f64], o: &mut [f64]| {
            o[0] = 2.0 * p[0];
            o[1] = 4.0 * p[1];
        };
        let inf = [f64::INFINITY; 2];
        let ninf = [f64::NEG_INFINITY; 2];
        let (x, info) = projected_cg(&mut h, &[-2.0, -4.0], &zy, 0, 10.0, &ninf, &inf);
        assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12, "{x:?}");
        assert_eq!(info.niter, 2);
        // radius 0.5: stops on the boundary
        let (x, info) = projected_cg(&mut h, &[-2.0, -4.0], &zy, 0, 0.5, &ninf, &inf);
        assert!((norm(&x) - 0.5).abs() < 1e-12);
        assert_eq!(info.stop_cond, 2);
    }

    #[test]
    fn dogleg_reaches_newton_point() {
        // A = [1 1], b = -1: Newton point (0.5, 0.5)
        let a = [1.0, 1.0];
        let y = Projections::new(&a, 1, 2).unwrap();
        let inf = [f64::INFINITY; 2];
        let ninf = [f64::NEG_INFINITY; 2];
        let d = modified_dogleg(&a, 1, &y, &[-1.0], 10.0, &ninf, &inf);
        assert!((d[0] - 0.5).abs() < 1e-15 && (d[1] - 0.5).abs() < 1e-15);
        let d = modified_dogleg(&a, 1, &y, &[-1.0], 0.1, &ninf, &inf);
        assert!((norm(&d) - 0.1).abs() < 1e-15);
    }
}
