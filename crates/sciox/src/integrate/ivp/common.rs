//! What the solve_ivp solvers share (SciPy's `_ivp/common.py` and
//! `_ivp/base.py`): the element type (real or complex), tolerances and the
//! RMS norm, the initial step selection, finite-difference Jacobians, the
//! base stepping logic, and dense output (`DenseOutput`, `OdeSolution`).

use numox::Complex64;
use std::fmt::Debug;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

/// Machine epsilon, SciPy's `EPS`.
pub(crate) const EPS: f64 = f64::EPSILON;

/// The element type of an ODE state: `f64`, or `Complex64` for the
/// solvers that support complex states (RK23, RK45, DOP853, BDF).
pub trait OdeScalar:
    Copy
    + Debug
    + Default
    + PartialEq
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
    + Mul<f64, Output = Self>
    + Div<f64, Output = Self>
    + numox::Element
{
    /// `true` for complex types.
    const COMPLEX: bool;
    /// The absolute value (modulus).
    fn abs(self) -> f64;
    /// `|re| + |im|`, LAPACK's pivoting magnitude (`cabs1`).
    fn abs1(self) -> f64;
    /// The real part.
    fn re(self) -> f64;
    /// The imaginary part (0 for real numbers).
    fn im(self) -> f64;
    /// A real number as `Self`.
    fn from_f64(x: f64) -> Self;
    /// Squared modulus (`x.re^2 + x.im^2`).
    fn norm_sqr(self) -> f64;
    /// Both parts finite.
    fn is_finite(self) -> bool;
    /// `c - a * b`, with a single rounding for real numbers (the fused
    /// multiply-add that OpenBLAS's LAPACK kernels use).
    fn fms(a: Self, b: Self, c: Self) -> Self;
}

impl OdeScalar for f64 {
    const COMPLEX: bool = false;
    #[inline]
    fn abs(self) -> f64 {
        f64::abs(self)
    }
    #[inline]
    fn abs1(self) -> f64 {
        f64::abs(self)
    }
    #[inline]
    fn re(self) -> f64 {
        self
    }
    #[inline]
    fn im(self) -> f64 {
        0.0
    }
    #[inline]
    fn from_f64(x: f64) -> Self {
        x
    }
    #[inline]
    fn norm_sqr(self) -> f64 {
        self * self
    }
    #[inline]
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    #[inline]
    fn fms(a: Self, b: Self, c: Self) -> Self {
        (-a).mul_add(b, c)
    }
}

impl OdeScalar for Complex64 {
    const COMPLEX: bool = true;
    #[inline]
    fn abs(self) -> f64 {
        self.norm()
    }
    #[inline]
    fn abs1(self) -> f64 {
        self.re.abs() + self.im.abs()
    }
    #[inline]
    fn re(self) -> f64 {
        self.re
    }
    #[inline]
    fn im(self) -> f64 {
        self.im
    }
    #[inline]
    fn from_f64(x: f64) -> Self {
        Complex64::new(x, 0.0)
    }
    #[inline]
    fn norm_sqr(self) -> f64 {
        self.re * self.re + self.im * self.im
    }
    #[inline]
    fn is_finite(self) -> bool {
        self.re.is_finite() && self.im.is_finite()
    }
    #[inline]
    fn fms(a: Self, b: Self, c: Self) -> Self {
        c - a * b
    }
}

/// A relative or absolute tolerance: one value for all components, or
/// one per component.
///
/// ```
/// use sciox::integrate::Tol;
/// let t: Tol = 1e-8.into();
/// assert_eq!(t, Tol::Scalar(1e-8));
/// let v: Tol = vec![1e-6, 1e-9].into();
/// assert_eq!(v, Tol::PerComponent(vec![1e-6, 1e-9]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Tol {
    /// The same tolerance for every component.
    Scalar(f64),
    /// One tolerance per component (length `n`).
    PerComponent(Vec<f64>),
}

impl From<f64> for Tol {
    fn from(x: f64) -> Self {
        Tol::Scalar(x)
    }
}

impl From<Vec<f64>> for Tol {
    fn from(x: Vec<f64>) -> Self {
        Tol::PerComponent(x)
    }
}

impl From<&[f64]> for Tol {
    fn from(x: &[f64]) -> Self {
        Tol::PerComponent(x.to_vec())
    }
}

/// Validated tolerances expanded to one value per component (SciPy's
/// `validate_tol`: `rtol` below `100 eps` is raised to it; negative
/// tolerances are errors here).
#[derive(Clone, Debug)]
pub(crate) struct Tols {
    pub rtol: Vec<f64>,
    pub atol: Vec<f64>,
    /// The scalar rtol when one was given (Radau and BDF use it for the
    /// Newton tolerance).
    pub rtol_scalar: Option<f64>,
}

impl Tols {
    pub(crate) fn new(rtol: &Tol, atol: &Tol, n: usize) -> crate::Result<Self> {
        let expand = |t: &Tol, name: &str| -> crate::Result<Vec<f64>> {
            let v = match t {
                Tol::Scalar(x) => vec![*x; n],
                Tol::PerComponent(v) => {
                    if v.len() != n {
                        return Err(crate::Error::invalid(format!("`{name}` has wrong shape.")));
                    }
                    v.clone()
                }
            };
            if v.iter().any(|x| x.is_nan() || *x < 0.0) {
                return Err(crate::Error::invalid(format!("`{name}` must be positive.")));
            }
            Ok(v)
        };
        let rtol_scalar = match rtol {
            Tol::Scalar(x) => Some(x.max(100.0 * EPS)),
            Tol::PerComponent(_) => None,
        };
        let mut rtol = expand(rtol, "rtol")?;
        let atol = expand(atol, "atol")?;
        for r in &mut rtol {
            *r = r.max(100.0 * EPS);
        }
        Ok(Tols {
            rtol,
            atol,
            rtol_scalar,
        })
    }
}

/// `||x / scale||_rms` without a temporary.
#[inline]
pub(crate) fn scaled_norm<T: OdeScalar>(x: &[T], scale: &[f64]) -> f64 {
    if x.is_empty() {
        return 0.0;
    }
    let mut s = 0.0;
    for (v, sc) in x.iter().zip(scale) {
        s += (*v / *sc).norm_sqr();
    }
    s.sqrt() / (x.len() as f64).sqrt()
}

/// SciPy's `select_initial_step`: the step from Hairer, Norsett & Wanner
/// (II.4), using one extra function evaluation.
#[allow(clippy::too_many_arguments)]
pub(crate) fn select_initial_step<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])>(
    fun: &mut F,
    t0: f64,
    y0: &[T],
    t_bound: f64,
    max_step: f64,
    f0: &[T],
    direction: f64,
    order: f64,
    tols: &Tols,
    nfev: &mut usize,
) -> f64 {
    let n = y0.len();
    if n == 0 {
        return f64::INFINITY;
    }
    let interval_length = (t_bound - t0).abs();
    if interval_length == 0.0 {
        return 0.0;
    }
    let scale: Vec<f64> = (0..n)
        .map(|i| tols.atol[i] + y0[i].abs() * tols.rtol[i])
        .collect();
    let d0 = scaled_norm(y0, &scale);
    let d1 = scaled_norm(f0, &scale);
    let mut h0 = if d0 < 1e-5 || d1 < 1e-5 {
        1e-6
    } else {
        0.01 * d0 / d1
    };
    h0 = h0.min(interval_length);
    let y1: Vec<T> = (0..n).map(|i| y0[i] + f0[i] * (h0 * direction)).collect();
    let mut f1 = vec![T::default(); n];
    fun(t0 + h0 * direction, &y1, &mut f1);
    *nfev += 1;
    let diff: Vec<T> = (0..n).map(|i| f1[i] - f0[i]).collect();
    let d2 = scaled_norm(&diff, &scale) / h0;
    let h1 = if d1 <= 1e-15 && d2 <= 1e-15 {
        1e-6f64.max(h0 * 1e-3)
    } else {
        (0.01 / d1.max(d2)).powf(1.0 / (order + 1.0))
    };
    (100.0 * h0).min(h1).min(interval_length).min(max_step)
}

/// `10 |nextafter(t, direction inf) - t|`, SciPy's smallest step at `t`.
#[inline]
pub(crate) fn min_step_at(t: f64, direction: f64) -> f64 {
    let next = if direction > 0.0 { next_up(t) } else { next_down(t) };
    10.0 * (next - t).abs()
}

fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let b = x.to_bits();
    f64::from_bits(if x > 0.0 { b + 1 } else { b - 1 })
}

fn next_down(x: f64) -> f64 {
    -next_up(-x)
}

/// The solver's state that SciPy's `OdeSolver` base class keeps.
#[derive(Clone, Debug, PartialEq, Eq, Copy)]
pub(crate) enum Status {
    Running,
    Finished,
    Failed,
}

/// `OdeSolver.TOO_SMALL_STEP`.
pub(crate) const TOO_SMALL_STEP: &str = "Required step size is less than spacing between numbers.";

/// A step-by-step solver (SciPy's `OdeSolver` subclasses).
pub(crate) trait Solver<T: OdeScalar> {
    /// Current time.
    fn t(&self) -> f64;
    /// Current state.
    fn y(&self) -> &[T];
    /// Time before the last successful step.
    fn t_old(&self) -> Option<f64>;
    /// Running, finished or failed.
    fn status(&self) -> Status;
    /// One step (SciPy's `OdeSolver.step`); returns the failure message.
    fn step(&mut self) -> Option<String>;
    /// The interpolant of the last step (SciPy's `dense_output`).
    fn dense_output(&mut self) -> DenseOutput<T>;
    /// (nfev, njev, nlu).
    fn counts(&self) -> (usize, usize, usize);
    /// Whether `OdeSolution` prefers the later segment at shared end
    /// points (`alt_segment`, true for BDF and LSODA).
    fn alt_segment(&self) -> bool {
        false
    }
}

/// The common part of `OdeSolver.step`: corner cases, status bookkeeping.
/// `step_impl` performs one step and returns `Err(message)` on failure.
#[allow(clippy::too_many_arguments)]
pub(crate) fn base_step(
    n: usize,
    t: &mut f64,
    t_old: &mut Option<f64>,
    t_bound: f64,
    direction: f64,
    status: &mut Status,
    step_impl: impl FnOnce(&mut f64) -> Result<(), &'static str>,
) -> Option<String> {
    assert!(
        *status == Status::Running,
        "Attempt to step on a failed or finished solver."
    );
    if n == 0 || *t == t_bound {
        *t_old = Some(*t);
        *t = t_bound;
        *status = Status::Finished;
        return None;
    }
    let t_prev = *t;
    match step_impl(t) {
        Err(msg) => {
            *status = Status::Failed;
            Some(msg.to_string())
        }
        Ok(()) => {
            *t_old = Some(t_prev);
            if direction * (*t - t_bound) >= 0.0 {
                *status = Status::Finished;
            }
            None
        }
    }
}

/// The local interpolant of one step (SciPy's `DenseOutput` subclasses).
#[derive(Clone, Debug, PartialEq)]
pub enum DenseOutput<T> {
    /// A constant (empty system or a zero-length step).
    Constant {
        /// Start of the step.
        t_old: f64,
        /// End of the step.
        t: f64,
        /// The value.
        value: Vec<T>,
    },
    /// Explicit Runge–Kutta (RK23, RK45): `y_old + h Q [x, x^2, ...]`,
    /// `x = (t - t_old) / h`; `q` is `n` rows of `order + 1`.
    Rk {
        /// Start of the step.
        t_old: f64,
        /// Step size (signed).
        h: f64,
        /// State at `t_old`.
        y_old: Vec<T>,
        /// Coefficients, row-major `n x (order + 1)`.
        q: Vec<T>,
        /// Polynomial order.
        order: usize,
    },
    /// DOP853's 7th-order interpolant; `f` is 7 rows of `n`.
    Dop853 {
        /// Start of the step.
        t_old: f64,
        /// Step size (signed).
        h: f64,
        /// State at `t_old`.
        y_old: Vec<T>,
        /// Coefficients, row-major `7 x n`.
        f: Vec<T>,
    },
    /// Radau IIA collocation polynomial: `y_old + Q [x, x^2, x^3]`.
    Radau {
        /// Start of the step.
        t_old: f64,
        /// Step size (signed).
        h: f64,
        /// State at `t_old`.
        y_old: Vec<T>,
        /// Coefficients, row-major `n x 3`.
        q: Vec<T>,
    },
    /// BDF: the interpolating polynomial in Newton form on the
    /// backward-difference table `d` (`order + 1` rows of `n`).
    Bdf {
        /// End of the step.
        t: f64,
        /// `t - h k`, `k < order`.
        t_shift: Vec<f64>,
        /// `h (k + 1)`, `k < order`.
        denom: Vec<f64>,
        /// Differences, row-major `(order + 1) x n`.
        d: Vec<T>,
    },
    /// LSODA's Nordsieck history: `sum_k yh[., k] ((t - t_end) / h)^k`.
    Lsoda {
        /// End of the step.
        t: f64,
        /// Step size of the history.
        h: f64,
        /// Nordsieck array, row-major `n x (order + 1)`.
        yh: Vec<T>,
        /// Method order.
        order: usize,
    },
}

impl<T: OdeScalar> DenseOutput<T> {
    /// Evaluates the interpolant at `t` into `out` (length `n`).
    pub fn eval_into(&self, t: f64, out: &mut [T]) {
        match self {
            DenseOutput::Constant { value, .. } => out.copy_from_slice(value),
            DenseOutput::Rk {
                t_old,
                h,
                y_old,
                q,
                order,
            } => {
                let x = (t - t_old) / h;
                let k = order + 1;
                for (i, o) in out.iter_mut().enumerate() {
                    let row = &q[i * k..(i + 1) * k];
                    let mut p = 1.0;
                    let mut acc = T::default();
                    for c in row {
                        p *= x;
                        acc += *c * p;
                    }
                    *o = acc * *h + y_old[i];
                }
            }
            DenseOutput::Dop853 { t_old, h, y_old, f } => {
                let x = (t - t_old) / h;
                let n = y_old.len();
                for (i, o) in out.iter_mut().enumerate() {
                    let mut y = T::default();
                    for (j, row) in (0..7).rev().enumerate() {
                        y += f[row * n + i];
                        y = if j % 2 == 0 { y * x } else { y * (1.0 - x) };
                    }
                    *o = y + y_old[i];
                }
            }
            DenseOutput::Radau { t_old, h, y_old, q } => {
                let x = (t - t_old) / h;
                for (i, o) in out.iter_mut().enumerate() {
                    let row = &q[i * 3..i * 3 + 3];
                    let mut p = 1.0;
                    let mut acc = T::default();
                    for c in row {
                        p *= x;
                        acc += *c * p;
                    }
                    *o = acc + y_old[i];
                }
            }
            DenseOutput::Bdf {
                t_shift, denom, d, ..
            } => {
                let n = out.len();
                let order = t_shift.len();
                for (i, o) in out.iter_mut().enumerate() {
                    let mut p = 1.0;
                    let mut acc = T::default();
                    for k in 0..order {
                        p *= (t - t_shift[k]) / denom[k];
                        acc += d[(k + 1) * n + i] * p;
                    }
                    *o = acc + d[i];
                }
            }
            DenseOutput::Lsoda {
                t: t_end,
                h,
                yh,
                order,
            } => {
                let x = (t - t_end) / h;
                let k = order + 1;
                for (i, o) in out.iter_mut().enumerate() {
                    let row = &yh[i * k..(i + 1) * k];
                    let mut acc = T::default();
                    for (p, c) in row.iter().enumerate() {
                        acc += *c * x.powf(p as f64);
                    }
                    *o = acc;
                }
            }
        }
    }

    /// Evaluates the interpolant at `t`.
    pub fn eval(&self, t: f64) -> Vec<T> {
        let n = match self {
            DenseOutput::Constant { value, .. } => value.len(),
            DenseOutput::Rk { y_old, .. }
            | DenseOutput::Dop853 { y_old, .. }
            | DenseOutput::Radau { y_old, .. } => y_old.len(),
            DenseOutput::Bdf { d, t_shift, .. } => d.len() / (t_shift.len() + 1),
            DenseOutput::Lsoda { yh, order, .. } => yh.len() / (order + 1),
        };
        let mut out = vec![T::default(); n];
        self.eval_into(t, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rms_norm_and_min_step() {
        assert_eq!(scaled_norm(&[3.0, 4.0], &[1.0, 1.0]), 5.0 / 2f64.sqrt());
        assert_eq!(scaled_norm::<f64>(&[], &[]), 0.0);
        assert_eq!(min_step_at(1.0, 1.0), 10.0 * f64::EPSILON);
        assert_eq!(min_step_at(1.0, -1.0), 5.0 * f64::EPSILON);
        assert_eq!(min_step_at(0.0, 1.0), 10.0 * f64::from_bits(1));
    }

    #[test]
    fn tolerances_are_validated() {
        assert!(Tols::new(&Tol::Scalar(-1.0), &Tol::Scalar(1e-6), 2).is_err());
        assert!(Tols::new(&Tol::Scalar(1e-3), &Tol::PerComponent(vec![1e-6]), 2).is_err());
        let t = Tols::new(&Tol::Scalar(1e-20), &Tol::Scalar(0.0), 2).unwrap();
        assert_eq!(t.rtol, vec![100.0 * EPS; 2]);
    }
}

/// The solution of `solve_ivp` with `dense_output`: the local
/// interpolants of all steps, evaluated anywhere in the integration span
/// (SciPy's `OdeSolution`). Outside the span the first or last
/// interpolant is extrapolated, as in SciPy.
#[derive(Clone, Debug, PartialEq)]
pub struct OdeSolution<T> {
    ts: Vec<f64>,
    ts_sorted: Vec<f64>,
    interpolants: Vec<DenseOutput<T>>,
    ascending: bool,
    side_right: bool,
    n: usize,
}

impl<T: OdeScalar> OdeSolution<T> {
    /// Builds a solution from the step end points `ts` (strictly
    /// monotonic, `interpolants.len() + 1` of them) and the interpolants;
    /// `alt_segment` prefers the later segment at a shared end point (as
    /// SciPy does for BDF and LSODA).
    ///
    /// ```
    /// use sciox::integrate::{DenseOutput, OdeSolution};
    /// let seg = |t0: f64, t1: f64, v: f64| DenseOutput::Constant { t_old: t0, t: t1, value: vec![v] };
    /// let sol = OdeSolution::new(vec![0.0, 1.0, 2.0], vec![seg(0.0, 1.0, 5.0), seg(1.0, 2.0, 7.0)], false).unwrap();
    /// assert_eq!(sol.eval(0.5), vec![5.0]);
    /// assert_eq!(sol.eval(1.0), vec![5.0]); // the earlier segment at a shared end point
    /// assert_eq!(sol.eval(1.5), vec![7.0]);
    /// ```
    pub fn new(ts: Vec<f64>, interpolants: Vec<DenseOutput<T>>, alt_segment: bool) -> crate::Result<Self> {
        let increasing = ts.windows(2).all(|w| w[1] > w[0]);
        let decreasing = ts.windows(2).all(|w| w[1] < w[0]);
        if !((ts.len() == 2 && ts[0] == ts[1]) || increasing || decreasing) {
            return Err(crate::Error::invalid(
                "`ts` must be strictly increasing or decreasing.",
            ));
        }
        if ts.len() != interpolants.len() + 1 {
            return Err(crate::Error::invalid(
                "Numbers of time stamps and interpolants don't match.",
            ));
        }
        let ascending = ts[ts.len() - 1] >= ts[0];
        let side_right = if ascending { alt_segment } else { !alt_segment };
        let mut ts_sorted = ts.clone();
        if !ascending {
            ts_sorted.reverse();
        }
        let n = interpolants.first().map(|i| i.eval(ts[0]).len()).unwrap_or(0);
        Ok(OdeSolution {
            ts,
            ts_sorted,
            interpolants,
            ascending,
            side_right,
            n,
        })
    }

    /// The step end points.
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions};
    /// let opts = IvpOptions { dense_output: true, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| d[0] = -y[0], (0.0, 1.0), &[1.0], opts).unwrap();
    /// let sol = r.sol.unwrap();
    /// assert_eq!(sol.ts(), r.t.as_slice().unwrap());
    /// ```
    pub fn ts(&self) -> &[f64] {
        &self.ts
    }

    /// The local interpolants, one per step.
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions};
    /// let opts = IvpOptions { dense_output: true, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| d[0] = -y[0], (0.0, 1.0), &[1.0], opts).unwrap();
    /// let sol = r.sol.unwrap();
    /// assert_eq!(sol.interpolants().len(), sol.ts().len() - 1);
    /// ```
    pub fn interpolants(&self) -> &[DenseOutput<T>] {
        &self.interpolants
    }

    /// The smaller end of the span.
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions};
    /// let opts = IvpOptions { dense_output: true, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| d[0] = -y[0], (2.0, 0.0), &[1.0], opts).unwrap();
    /// let sol = r.sol.unwrap();
    /// assert_eq!((sol.t_min(), sol.t_max()), (0.0, 2.0));
    /// ```
    pub fn t_min(&self) -> f64 {
        self.ts_sorted[0]
    }

    /// The larger end of the span (see [`OdeSolution::t_min`]).
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions};
    /// let opts = IvpOptions { dense_output: true, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| d[0] = -y[0], (0.0, 2.0), &[1.0], opts).unwrap();
    /// assert_eq!(r.sol.unwrap().t_max(), 2.0);
    /// ```
    pub fn t_max(&self) -> f64 {
        self.ts_sorted[self.ts_sorted.len() - 1]
    }

    fn segment(&self, t: f64) -> usize {
        let ind = if self.side_right {
            self.ts_sorted.partition_point(|&x| x <= t)
        } else {
            self.ts_sorted.partition_point(|&x| x < t)
        };
        let nseg = self.interpolants.len();
        let seg = (ind.max(1) - 1).min(nseg - 1);
        if self.ascending { seg } else { nseg - 1 - seg }
    }

    /// The solution at `t` (SciPy's `sol(t)` for a scalar `t`).
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions, Method};
    /// let opts = IvpOptions { dense_output: true, rtol: 1e-10.into(), atol: 1e-12.into(), method: Method::DOP853, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| d[0] = -y[0], (0.0, 2.0), &[1.0], opts).unwrap();
    /// let y = r.sol.unwrap().eval(0.7);
    /// assert!((y[0] - (-0.7f64).exp()).abs() < 1e-9);
    /// ```
    pub fn eval(&self, t: f64) -> Vec<T> {
        self.interpolants[self.segment(t)].eval(t)
    }

    /// The solution at each of `ts`: an array of shape `(n, ts.len())`
    /// (SciPy's `sol(ts)` for an array).
    ///
    /// ```
    /// use sciox::integrate::{solve_ivp, IvpOptions};
    /// let opts = IvpOptions { dense_output: true, ..Default::default() };
    /// let r = solve_ivp(|_t, y: &[f64], d: &mut [f64]| { d[0] = y[1]; d[1] = -y[0] }, (0.0, 3.0), &[0.0, 1.0], opts).unwrap();
    /// let ys = r.sol.unwrap().eval_many(&[0.5, 1.0, 1.5]);
    /// assert_eq!(ys.shape(), &[2, 3]);
    /// ```
    pub fn eval_many(&self, ts: &[f64]) -> numox::Array<T> {
        let m = ts.len();
        let mut data = vec![T::default(); self.n * m];
        let mut col = vec![T::default(); self.n];
        for (j, &t) in ts.iter().enumerate() {
            self.interpolants[self.segment(t)].eval_into(t, &mut col);
            for i in 0..self.n {
                data[i * m + j] = col[i];
            }
        }
        numox::Array::from_shape_vec(&[self.n, m], data).expect("shape matches")
    }
}

/// An LU factorization with partial pivoting of a dense `n x n` matrix
/// (LAPACK `getrf`: the pivot is the first entry of largest magnitude, for
/// complex matrices by `|re| + |im|`), and its solver (`getrs`).
#[derive(Clone, Debug)]
pub(crate) struct Lu<S> {
    n: usize,
    /// L (unit, below the diagonal) and U, row-major.
    a: Vec<S>,
    /// Row interchanges: row `i` was swapped with `ipiv[i]`.
    ipiv: Vec<usize>,
    /// A zero pivot was met (LAPACK's `info > 0`).
    singular: bool,
}

impl<S: OdeScalar> Lu<S> {
    /// Factors the row-major matrix `a` (consumed). A zero pivot leaves the
    /// factorization singular (solves then produce infinities or NaN, as
    /// SciPy's `lu_factor` + `lu_solve` do after their warning).
    pub(crate) fn factor(n: usize, mut a: Vec<S>) -> Self {
        // Left-looking (Crout) order of OpenBLAS's `getf2`, which SciPy's
        // LAPACK runs for small matrices: column j gets the previous row
        // interchanges, then each entry is reduced by a dot product with
        // the finished columns (accumulated with fused multiply-adds, as
        // OpenBLAS's dot and gemv kernels do, and subtracted once), then
        // the pivot search and the scaling by the pivot's reciprocal.
        let mut ipiv = vec![0; n];
        let mut singular = false;
        for j in 0..n {
            for i in 0..j {
                let ip = ipiv[i];
                if ip != i {
                    a.swap(i * n + j, ip * n + j);
                }
            }
            for i in 1..j {
                let mut dot = a[i * n] * a[j];
                for k in 1..i {
                    dot = S::fms(-a[i * n + k], a[k * n + j], dot);
                }
                a[i * n + j] -= dot;
            }
            if j > 0 {
                for i in j..n {
                    let mut temp = a[i * n] * a[j];
                    for k in 1..j {
                        temp = S::fms(-a[i * n + k], a[k * n + j], temp);
                    }
                    a[i * n + j] -= temp;
                }
            }
            let mut p = j;
            let mut best = a[j * n + j].abs1();
            for i in j + 1..n {
                let v = a[i * n + j].abs1();
                if v > best {
                    best = v;
                    p = i;
                }
            }
            ipiv[j] = p;
            let pivot = a[p * n + j];
            if pivot == S::default() {
                singular = true;
            } else {
                if p != j {
                    for k in 0..=j {
                        a.swap(j * n + k, p * n + k);
                    }
                }
                let r = S::from_f64(1.0) / pivot;
                for i in j + 1..n {
                    a[i * n + j] *= r;
                }
            }
        }
        Lu { n, a, ipiv, singular }
    }

    /// Whether a pivot was exactly zero.
    pub(crate) fn is_singular(&self) -> bool {
        self.singular
    }

    /// Solves `A x = b` in place (`getrs`: the row interchanges, then
    /// column-oriented triangular solves with fused multiply-adds, as
    /// OpenBLAS's `trsv` kernels).
    pub(crate) fn solve(&self, b: &mut [S]) {
        let n = self.n;
        for i in 0..n {
            let p = self.ipiv[i];
            if p != i {
                b.swap(i, p);
            }
        }
        for i in 0..n {
            let bi = b[i];
            for k in i + 1..n {
                b[k] = S::fms(bi, self.a[k * n + i], b[k]);
            }
        }
        for i in (0..n).rev() {
            b[i] = b[i] / self.a[i * n + i];
            let bi = b[i];
            for k in 0..i {
                b[k] = S::fms(bi, self.a[k * n + i], b[k]);
            }
        }
    }
}

/// Thresholds of SciPy's `num_jac`.
const NUM_JAC_DIFF_REJECT: f64 = 1.1102230246251565e-14; // EPS ** 0.875
const NUM_JAC_DIFF_SMALL: f64 = 1.8189894035458565e-12; // EPS ** 0.75
const NUM_JAC_DIFF_BIG: f64 = 0.0001220703125; // EPS ** 0.25
const NUM_JAC_MIN_FACTOR: f64 = 1e3 * EPS;
const NUM_JAC_FACTOR_INCREASE: f64 = 10.0;
const NUM_JAC_FACTOR_DECREASE: f64 = 0.1;

/// A Jacobian sparsity structure with the column groups of SciPy's
/// `group_columns` (columns in one group share no row, so one function
/// evaluation perturbs them all).
#[derive(Clone, Debug)]
pub(crate) struct Sparsity {
    /// Row-major `n x n` structure.
    pub structure: Vec<bool>,
    /// Group of each column.
    pub groups: Vec<usize>,
}

impl Sparsity {
    /// Groups the columns as SciPy's `group_columns(A, order=0)` does: in
    /// the order of `RandomState(0).permutation(n)`, each ungrouped column
    /// starts a group which greedily takes every later column not sharing a
    /// row with it.
    pub(crate) fn new(n: usize, structure: Vec<bool>) -> Self {
        let order: Vec<usize> = numox::random::RandomState::new(0)
            .permutation(n)
            .iter()
            .map(|&v| v as usize)
            .collect();
        // Column k of the permuted matrix is original column order[k].
        let col = |k: usize, i: usize| structure[i * n + order[k]];
        let mut groups_perm: Vec<isize> = vec![-1; n];
        let mut current = 0isize;
        let mut union = vec![false; n];
        for i in 0..n {
            if groups_perm[i] >= 0 {
                continue;
            }
            groups_perm[i] = current;
            let mut all_grouped = true;
            for (r, u) in union.iter_mut().enumerate() {
                *u = col(i, r);
            }
            for j in 0..n {
                if groups_perm[j] < 0 {
                    all_grouped = false;
                } else {
                    continue;
                }
                let intersect = (0..n).any(|r| union[r] && col(j, r));
                if !intersect {
                    for (r, u) in union.iter_mut().enumerate() {
                        *u |= col(j, r);
                    }
                    groups_perm[j] = current;
                }
            }
            if all_grouped {
                break;
            }
            current += 1;
        }
        let mut groups = vec![0usize; n];
        for k in 0..n {
            groups[order[k]] = groups_perm[k] as usize;
        }
        Sparsity { structure, groups }
    }
}

/// Finite-difference Jacobian of `fun` at `(t, y)` with `f = fun(t, y)`
/// (SciPy's `num_jac`): steps `factor * max(threshold, |y|)` in the
/// direction of `f`, adapted per column between calls through `factor`.
/// Writes the row-major Jacobian into `jac`. The evaluations are not
/// counted in nfev, as in SciPy.
#[allow(clippy::too_many_arguments)]
pub(crate) fn num_jac<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])>(
    fun: &mut F,
    t: f64,
    y: &[T],
    f: &[T],
    threshold: &[f64],
    factor: &mut Option<Vec<f64>>,
    sparsity: Option<&Sparsity>,
    jac: &mut [T],
) {
    let n = y.len();
    if n == 0 {
        return;
    }
    let fac = factor.get_or_insert_with(|| vec![EPS.sqrt(); n]);
    let y_scale: Vec<f64> = (0..n)
        .map(|i| {
            let sign = if f[i].re() >= 0.0 { 1.0 } else { -1.0 };
            sign * threshold[i].max(y[i].abs())
        })
        .collect();
    let mut h: Vec<T> = (0..n)
        .map(|i| (y[i] + T::from_f64(fac[i] * y_scale[i])) - y[i])
        .collect();
    for i in 0..n {
        while h[i] == T::default() {
            fac[i] *= 10.0;
            h[i] = (y[i] + T::from_f64(fac[i] * y_scale[i])) - y[i];
        }
    }
    let in_structure = |i: usize, j: usize| sparsity.is_none_or(|s| s.structure[i * n + j]);
    // Evaluates the differences for the columns `cols` with steps `steps`
    // (one evaluation per column, or per group with a sparsity structure):
    // returns diff (row-major, only `cols` filled) and f_new for the
    // column (f_new[i] of the evaluation that perturbed column j).
    let mut yp = y.to_vec();
    let mut fnew = vec![T::default(); n];
    let mut eval_columns = |cols: &[usize], steps: &[T], diff: &mut [T], fcol: &mut [T]| match sparsity {
        None => {
            for (&j, &hj) in cols.iter().zip(steps) {
                yp.copy_from_slice(y);
                yp[j] += hj;
                fun(t, &yp, &mut fnew);
                for i in 0..n {
                    diff[i * n + j] = fnew[i] - f[i];
                    fcol[i * n + j] = fnew[i];
                }
            }
        }
        Some(s) => {
            let mut groups: Vec<usize> = cols.iter().map(|&j| s.groups[j]).collect();
            groups.sort_unstable();
            groups.dedup();
            for g in groups {
                yp.copy_from_slice(y);
                for (&j, &hj) in cols.iter().zip(steps) {
                    if s.groups[j] == g {
                        yp[j] += hj;
                    }
                }
                fun(t, &yp, &mut fnew);
                for &j in cols.iter().filter(|&&j| s.groups[j] == g) {
                    for i in 0..n {
                        diff[i * n + j] = if s.structure[i * n + j] {
                            fnew[i] - f[i]
                        } else {
                            T::default()
                        };
                        fcol[i * n + j] = fnew[i];
                    }
                }
            }
        }
    };
    let all: Vec<usize> = (0..n).collect();
    let mut fcol = vec![T::default(); n * n];
    eval_columns(&all, &h, jac, &mut fcol);
    // Column statistics: the row of the largest |difference| (first on ties).
    let stats = |diff: &[T], fcol: &[T], j: usize| -> (f64, f64) {
        let mut max_ind = 0;
        let mut best = -1.0;
        for i in 0..n {
            let v = if in_structure(i, j) {
                diff[i * n + j].abs()
            } else {
                0.0
            };
            if v > best {
                best = v;
                max_ind = i;
            }
        }
        let max_diff = best;
        let scale = f[max_ind].abs().max(fcol[max_ind * n + j].abs());
        (max_diff, scale)
    };
    let mut max_diff = vec![0.0; n];
    let mut scale = vec![0.0; n];
    for j in 0..n {
        (max_diff[j], scale[j]) = stats(jac, &fcol, j);
    }
    let ind: Vec<usize> = (0..n)
        .filter(|&j| max_diff[j] < NUM_JAC_DIFF_REJECT * scale[j])
        .collect();
    if !ind.is_empty() {
        let new_factor: Vec<f64> = ind.iter().map(|&j| NUM_JAC_FACTOR_INCREASE * fac[j]).collect();
        let h_new: Vec<T> = ind
            .iter()
            .zip(&new_factor)
            .map(|(&j, &nf)| (y[j] + T::from_f64(nf * y_scale[j])) - y[j])
            .collect();
        let mut diff_new = vec![T::default(); n * n];
        let mut fcol_new = vec![T::default(); n * n];
        eval_columns(&ind, &h_new, &mut diff_new, &mut fcol_new);
        for (k, &j) in ind.iter().enumerate() {
            let (mdn, scn) = stats(&diff_new, &fcol_new, j);
            if max_diff[j] * scn < mdn * scale[j] {
                fac[j] = new_factor[k];
                h[j] = h_new[k];
                for i in 0..n {
                    jac[i * n + j] = diff_new[i * n + j];
                }
                scale[j] = scn;
                max_diff[j] = mdn;
            }
        }
    }
    for i in 0..n {
        for j in 0..n {
            jac[i * n + j] = jac[i * n + j] / h[j];
        }
    }
    for j in 0..n {
        if max_diff[j] < NUM_JAC_DIFF_SMALL * scale[j] {
            fac[j] *= NUM_JAC_FACTOR_INCREASE;
        } else if max_diff[j] > NUM_JAC_DIFF_BIG * scale[j] {
            fac[j] *= NUM_JAC_FACTOR_DECREASE;
        }
        fac[j] = fac[j].max(NUM_JAC_MIN_FACTOR);
    }
}

#[cfg(test)]
mod linalg_tests {
    use super::*;

    #[test]
    fn lu_solves_with_pivoting() {
        let a = vec![0.0, 2.0, 1.0, 1.0, 1.0, 0.0, 2.0, 0.0, 3.0];
        let lu = Lu::factor(3, a.clone());
        let x = [1.0, -2.0, 0.5];
        let mut b: Vec<f64> = (0..3)
            .map(|i| (0..3).map(|j| a[i * 3 + j] * x[j]).sum())
            .collect();
        lu.solve(&mut b);
        for i in 0..3 {
            assert!((b[i] - x[i]).abs() < 1e-15);
        }
    }

    #[test]
    fn complex_lu() {
        let c = |r, i| Complex64::new(r, i);
        let a = vec![c(1.0, 1.0), c(2.0, 0.0), c(0.0, -1.0), c(3.0, 2.0)];
        let lu = Lu::factor(2, a.clone());
        let x = [c(1.0, -1.0), c(0.5, 2.0)];
        let mut b = vec![a[0] * x[0] + a[1] * x[1], a[2] * x[0] + a[3] * x[1]];
        lu.solve(&mut b);
        assert!((b[0] - x[0]).norm() < 1e-15 && (b[1] - x[1]).norm() < 1e-15);
    }

    #[test]
    fn num_jac_of_a_linear_function() {
        let mut fun = |_t: f64, y: &[f64], d: &mut [f64]| {
            d[0] = 2.0 * y[0] - y[1];
            d[1] = 3.0 * y[1];
        };
        let y = [1.0, 2.0];
        let mut f = [0.0; 2];
        fun(0.0, &y, &mut f);
        let mut jac = [0.0; 4];
        let mut factor = None;
        num_jac(&mut fun, 0.0, &y, &f, &[1e-6; 2], &mut factor, None, &mut jac);
        let want = [2.0, -1.0, 0.0, 3.0];
        for k in 0..4 {
            assert!((jac[k] - want[k]).abs() < 1e-6, "{jac:?}");
        }
        // The same through a sparsity structure (diagonal + one entry): one group per column here.
        let sp = Sparsity::new(2, vec![true, true, false, true]);
        let mut jac2 = [0.0; 4];
        let mut factor2 = None;
        num_jac(
            &mut fun,
            0.0,
            &y,
            &f,
            &[1e-6; 2],
            &mut factor2,
            Some(&sp),
            &mut jac2,
        );
        assert_eq!(jac, jac2);
    }

    #[test]
    fn column_groups_match_scipy() {
        // scipy.optimize._numdiff.group_columns on these structures (SciPy 1.17.1).
        let tri = |n: usize| {
            let mut s = vec![false; n * n];
            for i in 0..n {
                for j in i.saturating_sub(1)..(i + 2).min(n) {
                    s[i * n + j] = true;
                }
            }
            s
        };
        let from =
            |rows: &[&[u8]]| -> Vec<bool> { rows.iter().flat_map(|r| r.iter().map(|&v| v != 0)).collect() };
        let cases: Vec<(usize, Vec<bool>, Vec<usize>)> = vec![
            (7, tri(7), vec![2, 1, 0, 2, 3, 1, 0]),
            (
                5,
                from(&[
                    &[1, 0, 1, 0, 0],
                    &[0, 1, 0, 0, 1],
                    &[0, 0, 1, 0, 0],
                    &[0, 1, 0, 1, 1],
                    &[0, 1, 0, 0, 1],
                ]),
                vec![1, 0, 0, 1, 2],
            ),
            (
                9,
                from(&[
                    &[1, 0, 1, 1, 0, 0, 1, 0, 0],
                    &[0, 1, 1, 0, 0, 1, 0, 0, 0],
                    &[1, 0, 1, 0, 0, 1, 0, 0, 0],
                    &[1, 0, 1, 1, 0, 0, 0, 0, 1],
                    &[1, 0, 0, 0, 1, 1, 0, 0, 0],
                    &[1, 0, 0, 0, 0, 1, 0, 0, 0],
                    &[0, 0, 1, 0, 1, 0, 1, 0, 1],
                    &[0, 0, 0, 1, 0, 1, 1, 1, 1],
                    &[0, 0, 0, 0, 0, 0, 0, 0, 1],
                ]),
                vec![4, 1, 0, 1, 1, 5, 3, 0, 2],
            ),
        ];
        for (n, s, want) in cases {
            let sp = Sparsity::new(n, s.clone());
            assert_eq!(sp.groups, want);
            for i in 0..n {
                for j in 0..n {
                    for k in j + 1..n {
                        if sp.groups[j] == sp.groups[k] {
                            assert!(!(s[i * n + j] && s[i * n + k]));
                        }
                    }
                }
            }
        }
    }
}
