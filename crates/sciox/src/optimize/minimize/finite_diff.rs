//! Finite-difference gradients with SciPy's step rules (`approx_derivative`
//! with '2-point'/'3-point', `approx_fprime`, `check_grad`).

use crate::{Error, Result};

/// `sqrt(eps)`: SciPy's `_epsilon`, the default absolute step of
/// [`approx_fprime`] and of the gradient `minimize` estimates when no
/// `jac` is given.
pub const EPSILON: f64 = 1.4901161193847656e-08;

/// How a gradient is estimated when no gradient closure is given
/// (SciPy's `jac=None`, `'2-point'`, `'3-point'`).
///
/// ```
/// use sciox::optimize::FiniteDiff;
/// assert_eq!(FiniteDiff::default(), FiniteDiff::Default);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum FiniteDiff {
    /// SciPy's `jac=None`: forward differences with the absolute step
    /// `eps` of the method's options (default `sqrt(eps)`).
    #[default]
    Default,
    /// `jac='2-point'`: forward differences with the relative step
    /// `sqrt(eps) * max(1, |x|)` (or `finite_diff_rel_step`).
    TwoPoint,
    /// `jac='3-point'`: central differences with the relative step
    /// `eps^(1/3) * max(1, |x|)` (one-sided near bounds).
    ThreePoint,
}

/// The steps of one finite-difference gradient.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FdSpec {
    pub mode: FiniteDiff,
    /// Absolute step (`Default`).
    pub abs_step: f64,
    /// Relative step (`TwoPoint`/`ThreePoint`), `None` for SciPy's default.
    pub rel_step: Option<f64>,
    /// An absolute step for `TwoPoint`/`ThreePoint` (`approx_derivative`'s
    /// `abs_step`), taking precedence over `rel_step`.
    pub abs_explicit: Option<f64>,
}

fn sign_of(x: f64) -> f64 {
    if x >= 0.0 { 1.0 } else { -1.0 }
}

/// Writes the finite-difference gradient of `f` at `x` (where
/// `f(x) = f0`) into `g`; `xt` is scratch of the same length. Returns the
/// number of evaluations. `bounds` adjust the steps as SciPy's
/// `_adjust_scheme_to_bounds`.
pub(crate) fn fd_gradient(
    f: &mut dyn FnMut(&[f64]) -> f64,
    x: &[f64],
    f0: f64,
    spec: &FdSpec,
    bounds: Option<(&[f64], &[f64])>,
    g: &mut [f64],
    xt: &mut [f64],
) -> usize {
    let n = x.len();
    xt.copy_from_slice(x);
    let mut nfev = 0;
    for i in 0..n {
        let x0 = x[i];
        let (h, three, one_sided) = fd_step(spec, x0, bounds.map(|(lb, ub)| (lb[i], ub[i])));
        if !three {
            xt[i] = x0 + h;
            let f1 = f(xt);
            nfev += 1;
            let dx = xt[i] - x0;
            g[i] = (f1 - f0) / dx;
        } else if one_sided {
            xt[i] = x0 + h;
            let f1 = f(xt);
            let u = x0 + 2.0 * h;
            xt[i] = u;
            let f2 = f(xt);
            nfev += 2;
            g[i] = (-3.0 * f0 + 4.0 * f1 - f2) / (u - x0);
        } else {
            let l = x0 - h;
            xt[i] = l;
            let f1 = f(xt);
            let u = x0 + h;
            xt[i] = u;
            let f2 = f(xt);
            nfev += 2;
            g[i] = (f2 - f1) / (u - l);
        }
        xt[i] = x0;
    }
    nfev
}

/// The step of one variable (SciPy's `_compute_absolute_step`, or the
/// absolute step with its fallback, then `_adjust_scheme_to_bounds` for the
/// bounds `(l, u)` of that variable): `(h, three_point, one_sided)`.
pub(crate) fn fd_step(spec: &FdSpec, x0: f64, bound: Option<(f64, f64)>) -> (f64, bool, bool) {
    let (h, three) = match spec.mode {
        FiniteDiff::Default => (abs_step_or_default(spec.abs_step, EPSILON, x0), false),
        FiniteDiff::TwoPoint => (step(spec, eps_for_method(false), x0), false),
        FiniteDiff::ThreePoint => (step(spec, eps_for_method(true), x0), true),
    };
    let (l, u) = bound.unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    let (h, one_sided) = adjust_scheme_to_bounds(h, x0, l, u, three);
    (h, three, one_sided)
}

/// SciPy's `_eps_for_method` for float64: the default relative step,
/// `sqrt(eps)` for '2-point' and 'cs', `eps^(1/3)` for '3-point'.
pub(crate) fn eps_for_method(three_point: bool) -> f64 {
    if three_point {
        f64::EPSILON.powf(1.0 / 3.0)
    } else {
        EPSILON
    }
}

/// SciPy's `_compute_absolute_step` for one entry: `rstep * sign(x0) *
/// max(1, |x0|)` (`rstep` from [`eps_for_method`]), or with `rel_step`,
/// `rel_step * sign(x0) * |x0|` unless that does not move `x0`, where it
/// falls back to the former (`sign(0) = 1`). The one relative-step rule of
/// every finite-difference and complex-step derivative in `optimize`.
pub(crate) fn compute_absolute_step(rel_step: Option<f64>, rstep: f64, x0: f64) -> f64 {
    let default = rstep * sign_of(x0) * x0.abs().max(1.0);
    match rel_step {
        None => default,
        Some(r) => {
            let h = r * sign_of(x0) * x0.abs();
            if (x0 + h) - x0 == 0.0 { default } else { h }
        }
    }
}

/// An absolute step `h`, or where it does not move `x0` the default
/// relative step (`approx_derivative`'s `abs_step` fallback).
fn abs_step_or_default(h: f64, rstep: f64, x0: f64) -> f64 {
    if (x0 + h) - x0 == 0.0 {
        compute_absolute_step(None, rstep, x0)
    } else {
        h
    }
}

/// SciPy's `_adjust_scheme_to_bounds(x0, h, 1, scheme, lb, ub)` for one
/// variable with bounds `[l, u]`: '1-sided' (`three_point = false`) flips
/// or shrinks the forward step so `x0 + h` stays inside; '2-sided' takes
/// `|h|` and goes one-sided (`h` at most half the room) or shrinks to the
/// nearer bound when a central step does not fit. Returns `(h, one_sided)`.
pub(crate) fn adjust_scheme_to_bounds(h: f64, x0: f64, l: f64, u: f64, three_point: bool) -> (f64, bool) {
    let mut h = if three_point { h.abs() } else { h };
    let mut one_sided = !three_point;
    if l == f64::NEG_INFINITY && u == f64::INFINITY {
        return (h, one_sided);
    }
    let lower = x0 - l;
    let upper = u - x0;
    if !three_point {
        let xh = x0 + h;
        let violated = xh < l || xh > u;
        let fitting = h.abs() <= lower.max(upper);
        if violated && fitting {
            h = -h;
        } else if !fitting {
            h = if upper >= lower { upper } else { -lower };
        }
    } else {
        let central = lower >= h && upper >= h;
        if !central {
            if upper >= lower {
                h = h.min(0.5 * upper);
            } else {
                h = -h.min(0.5 * lower);
            }
            one_sided = true;
            let min_dist = upper.min(lower);
            if h.abs() <= min_dist {
                h = min_dist;
                one_sided = false;
            }
        }
    }
    (h, one_sided)
}

/// Writes the complex-step gradient of `f` at `x` into `g` (SciPy's
/// `approx_derivative(method='cs')`: `g_i = Im f(x + i h_i e_i) / h_i`
/// with the 2-point step rule, `h_i = sqrt(eps) sign(x_i) max(1, |x_i|)`
/// or the relative/absolute step given; bounds are not consulted, as in
/// SciPy). Returns the number of evaluations.
pub(crate) fn cs_gradient(
    f: &mut dyn FnMut(&[numox::Complex64]) -> numox::Complex64,
    x: &[f64],
    spec: &FdSpec,
    g: &mut [f64],
) -> usize {
    let mut xc: Vec<numox::Complex64> = x.iter().map(|&v| numox::Complex64::new(v, 0.0)).collect();
    for (i, gi) in g.iter_mut().enumerate() {
        let h = step(spec, EPSILON, x[i]);
        xc[i].im = h;
        *gi = f(&xc).im / h;
        xc[i].im = 0.0;
    }
    x.len()
}

fn step(spec: &FdSpec, rstep: f64, x0: f64) -> f64 {
    match spec.abs_explicit {
        Some(h) => abs_step_or_default(h, rstep, x0),
        None => compute_absolute_step(spec.rel_step, rstep, x0),
    }
}

/// The forward-difference gradient of `f` at `xk` with the absolute step
/// `epsilon` (SciPy's `approx_fprime`; its default step is [`EPSILON`]).
///
/// ```
/// use sciox::optimize::{approx_fprime, EPSILON};
/// let g = approx_fprime(&[1.0, 2.0], |x| x[0] * x[0] + 3.0 * x[1], EPSILON);
/// assert!((g[0] - 2.0).abs() < 1e-6 && (g[1] - 3.0).abs() < 1e-6);
/// ```
pub fn approx_fprime<F: FnMut(&[f64]) -> f64>(xk: &[f64], mut f: F, epsilon: f64) -> Vec<f64> {
    let f0 = f(xk);
    let mut g = vec![0.0; xk.len()];
    let mut xt = vec![0.0; xk.len()];
    let spec = FdSpec {
        mode: FiniteDiff::Default,
        abs_step: epsilon,
        rel_step: None,
        abs_explicit: None,
    };
    fd_gradient(&mut f, xk, f0, &spec, None, &mut g, &mut xt);
    g
}

/// The finite-difference gradient of a scalar function `f` at `x0`
/// (SciPy's `approx_derivative` for a scalar-valued `fun`; SciPy's
/// default `method` is `'3-point'`). `method` is [`FiniteDiff::TwoPoint`]
/// or [`FiniteDiff::ThreePoint`] (`Default` is taken as `'2-point'`);
/// `rel_step`, `abs_step` and `bounds` as SciPy's (steps are flipped or
/// made one-sided near a bound).
///
/// Errors: an empty `x0`, bounds of the wrong length, `x0` outside the bounds
/// ("`x0` violates bound constraints.").
///
/// ```
/// use sciox::optimize::{approx_derivative, FiniteDiff};
/// let f = |x: &[f64]| x[0] * x[0] * x[1];
/// let g = approx_derivative(f, &[1.0, 2.0], FiniteDiff::ThreePoint, None, None, None).unwrap();
/// assert!((g[0] - 4.0).abs() < 1e-9 && (g[1] - 1.0).abs() < 1e-9);
/// ```
pub fn approx_derivative<F: FnMut(&[f64]) -> f64>(
    mut f: F,
    x0: &[f64],
    method: FiniteDiff,
    rel_step: Option<f64>,
    abs_step: Option<f64>,
    bounds: Option<(&[f64], &[f64])>,
) -> Result<Vec<f64>> {
    let n = x0.len();
    if n == 0 {
        return Err(Error::invalid("`x0` must not be empty."));
    }
    if let Some((lb, ub)) = bounds {
        if lb.len() != n || ub.len() != n {
            return Err(Error::invalid("Inconsistent shapes between bounds and `x0`."));
        }
    }
    let f0 = f(x0);
    if let Some((lb, ub)) = bounds
        && (0..n).any(|i| x0[i] < lb[i] || x0[i] > ub[i])
    {
        return Err(Error::invalid("`x0` violates bound constraints."));
    }
    let mode = if method == FiniteDiff::ThreePoint {
        FiniteDiff::ThreePoint
    } else {
        FiniteDiff::TwoPoint
    };
    let spec = FdSpec {
        mode,
        abs_step: 0.0,
        rel_step,
        abs_explicit: abs_step,
    };
    let mut g = vec![0.0; n];
    let mut xt = vec![0.0; n];
    fd_gradient(&mut f, x0, f0, &spec, bounds, &mut g, &mut xt);
    Ok(g)
}

fn check_x0_bounds(x0: &[f64], bounds: Option<(&[f64], &[f64])>) -> Result<()> {
    if x0.is_empty() {
        return Err(Error::invalid("`x0` must not be empty."));
    }
    if let Some((lb, ub)) = bounds
        && (lb.len() != x0.len() || ub.len() != x0.len())
    {
        return Err(Error::invalid("Inconsistent shapes between bounds and `x0`."));
    }
    Ok(())
}

fn check_x0_inside(x0: &[f64], bounds: Option<(&[f64], &[f64])>) -> Result<()> {
    if let Some((lb, ub)) = bounds
        && (0..x0.len()).any(|i| x0[i] < lb[i] || x0[i] > ub[i])
    {
        return Err(Error::invalid("`x0` violates bound constraints."));
    }
    Ok(())
}

/// The finite-difference Jacobian of a vector function (SciPy's
/// `approx_derivative` for a `fun` returning `m` values): `fun(x, out)`
/// writes the m values; the result is the m×n Jacobian, row-major
/// (`J[r * n + c] = d f_r / d x_c`). `method`, `rel_step`, `abs_step` and
/// `bounds` as in [`approx_derivative`] (the same steps, so the same bits as
/// SciPy for the same function values); complex steps are
/// [`approx_derivative_cs`].
///
/// Errors: an empty `x0`, bounds of the wrong length, `x0` outside the bounds
/// ("`x0` violates bound constraints.").
///
/// ```
/// use sciox::optimize::{approx_derivative_vec, FiniteDiff};
/// // f(x) = (x0^2 x1, sin x0)
/// let f = |x: &[f64], out: &mut [f64]| { out[0] = x[0] * x[0] * x[1]; out[1] = x[0].sin() };
/// let j = approx_derivative_vec(f, &[1.0, 2.0], 2, FiniteDiff::ThreePoint, None, None, None).unwrap();
/// let want = [4.0, 1.0, 1f64.cos(), 0.0];
/// assert!(j.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-9));
/// // near an upper bound the central difference turns one-sided
/// let (lb, ub) = ([0.0, 0.0], [1.0, 2.0]);
/// let j = approx_derivative_vec(f, &[1.0, 2.0], 2, FiniteDiff::ThreePoint, None, None, Some((&lb, &ub))).unwrap();
/// assert!(j.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-8));
/// ```
pub fn approx_derivative_vec<F: FnMut(&[f64], &mut [f64])>(
    mut fun: F,
    x0: &[f64],
    m: usize,
    method: FiniteDiff,
    rel_step: Option<f64>,
    abs_step: Option<f64>,
    bounds: Option<(&[f64], &[f64])>,
) -> Result<Vec<f64>> {
    check_x0_bounds(x0, bounds)?;
    let n = x0.len();
    if m.checked_mul(n).is_none_or(|v| v > isize::MAX as usize / 8) {
        return Err(Error::invalid("The Jacobian is too large."));
    }
    let mut f0 = vec![0.0; m];
    fun(x0, &mut f0);
    check_x0_inside(x0, bounds)?;
    let mode = if method == FiniteDiff::ThreePoint {
        FiniteDiff::ThreePoint
    } else {
        FiniteDiff::TwoPoint
    };
    let spec = FdSpec {
        mode,
        abs_step: 0.0,
        rel_step,
        abs_explicit: abs_step,
    };
    let mut jac = vec![0.0; m * n];
    let mut xt = x0.to_vec();
    let (mut f1, mut f2) = (vec![0.0; m], vec![0.0; m]);
    for c in 0..n {
        let x = x0[c];
        let (h, three, one_sided) = fd_step(&spec, x, bounds.map(|(lb, ub)| (lb[c], ub[c])));
        if !three {
            xt[c] = x + h;
            fun(&xt, &mut f1);
            let dx = xt[c] - x;
            for r in 0..m {
                jac[r * n + c] = (f1[r] - f0[r]) / dx;
            }
        } else if one_sided {
            xt[c] = x + h;
            fun(&xt, &mut f1);
            let u = x + 2.0 * h;
            xt[c] = u;
            fun(&xt, &mut f2);
            for r in 0..m {
                jac[r * n + c] = (-3.0 * f0[r] + 4.0 * f1[r] - f2[r]) / (u - x);
            }
        } else {
            let l = x - h;
            xt[c] = l;
            fun(&xt, &mut f1);
            let u = x + h;
            xt[c] = u;
            fun(&xt, &mut f2);
            for r in 0..m {
                jac[r * n + c] = (f2[r] - f1[r]) / (u - l);
            }
        }
        xt[c] = x;
    }
    Ok(jac)
}

/// The complex-step Jacobian of a vector function (SciPy's
/// `approx_derivative(method='cs')`): `fun_complex(x, out)` is the function
/// evaluated in complex arithmetic (it must be analytic: no `abs`, no
/// comparisons on the values); column `c` of the m×n row-major result is
/// `Im f(x + i h_c e_c) / h_c` with `h_c = sqrt(eps) sign(x_c) max(1, |x_c|)`,
/// or `rel_step sign(x_c) |x_c|`, or `abs_step` (either falling back to the
/// default where it would not move `x_c`), as SciPy's. No subtraction, so
/// exact to rounding. As in SciPy the steps ignore `bounds` (they leave the
/// real part alone), which only serve to check `x0`.
///
/// Errors: an empty `x0`, bounds of the wrong length, `x0` outside the bounds.
///
/// ```
/// use sciox::optimize::approx_derivative_cs;
/// use numox::Complex64;
/// // f(x) = (x0^2 x1, exp(x0))
/// let f = |x: &[Complex64], out: &mut [Complex64]| { out[0] = x[0] * x[0] * x[1]; out[1] = x[0].exp() };
/// let j = approx_derivative_cs(f, &[1.0, 2.0], 2, None, None, None).unwrap();
/// assert_eq!(j, vec![4.0, 1.0, std::f64::consts::E, 0.0]);
/// ```
pub fn approx_derivative_cs<F: FnMut(&[numox::Complex64], &mut [numox::Complex64])>(
    mut fun_complex: F,
    x0: &[f64],
    m: usize,
    rel_step: Option<f64>,
    abs_step: Option<f64>,
    bounds: Option<(&[f64], &[f64])>,
) -> Result<Vec<f64>> {
    check_x0_bounds(x0, bounds)?;
    let n = x0.len();
    if m.checked_mul(n).is_none_or(|v| v > isize::MAX as usize / 8) {
        return Err(Error::invalid("The Jacobian is too large."));
    }
    check_x0_inside(x0, bounds)?;
    let spec = FdSpec {
        mode: FiniteDiff::TwoPoint,
        abs_step: 0.0,
        rel_step,
        abs_explicit: abs_step,
    };
    let zero = numox::Complex64::new(0.0, 0.0);
    let mut xc: Vec<numox::Complex64> = x0.iter().map(|&v| numox::Complex64::new(v, 0.0)).collect();
    let mut fc = vec![zero; m];
    let mut jac = vec![0.0; m * n];
    for c in 0..n {
        let h = step(&spec, EPSILON, x0[c]);
        xc[c].im = h;
        fun_complex(&xc, &mut fc);
        xc[c].im = 0.0;
        for r in 0..m {
            jac[r * n + c] = fc[r].im / h;
        }
    }
    Ok(jac)
}

/// The 2-norm of the difference between the gradient `grad` and a
/// forward-difference estimate of it at `x0` (SciPy's `check_grad` with
/// `direction='all'`).
///
/// Errors: an empty `x0`.
///
/// ```
/// use sciox::optimize::{check_grad, rosen, rosen_der, EPSILON};
/// let err = check_grad(rosen, rosen_der, &[1.5, -1.5], EPSILON).unwrap();
/// assert!(err < 1e-4 * 3000.0);
/// ```
pub fn check_grad<F, G>(func: F, mut grad: G, x0: &[f64], epsilon: f64) -> Result<f64>
where
    F: FnMut(&[f64]) -> f64,
    G: FnMut(&[f64], &mut [f64]),
{
    if x0.is_empty() {
        return Err(Error::invalid("x0 must not be empty"));
    }
    let mut g = vec![0.0; x0.len()];
    grad(x0, &mut g);
    let a = approx_fprime(x0, func, epsilon);
    let mut s = 0.0;
    for (u, v) in g.iter().zip(&a) {
        let d = (u - v).abs();
        s += d * d;
    }
    Ok(s.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_point_and_bounds() {
        let mut f = |x: &[f64]| x[0].powi(3) + x[1] * x[1];
        let x = [1.0, 2.0];
        let f0 = f(&x);
        let (mut g, mut xt) = ([0.0; 2], [0.0; 2]);
        let spec = FdSpec {
            mode: FiniteDiff::ThreePoint,
            abs_step: 0.0,
            rel_step: None,
            abs_explicit: None,
        };
        let n = fd_gradient(&mut f, &x, f0, &spec, None, &mut g, &mut xt);
        assert_eq!(n, 4);
        assert!((g[0] - 3.0).abs() < 1e-9 && (g[1] - 4.0).abs() < 1e-9, "{g:?}");
        // at an upper bound the 2-point step goes backwards, the 3-point one-sided
        let (lb, ub) = ([0.0, 0.0], [1.0, 2.0]);
        let spec2 = FdSpec {
            mode: FiniteDiff::TwoPoint,
            abs_step: 0.0,
            rel_step: None,
            abs_explicit: None,
        };
        fd_gradient(&mut f, &x, f0, &spec2, Some((&lb, &ub)), &mut g, &mut xt);
        assert!((g[0] - 3.0).abs() < 1e-6 && (g[1] - 4.0).abs() < 1e-6, "{g:?}");
        fd_gradient(&mut f, &x, f0, &spec, Some((&lb, &ub)), &mut g, &mut xt);
        assert!((g[0] - 3.0).abs() < 1e-8 && (g[1] - 4.0).abs() < 1e-8, "{g:?}");
    }
}
