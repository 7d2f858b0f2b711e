//! `scipy.integrate.solve_ivp`: initial value problems for systems of
//! ODEs `dy/dt = f(t, y)` with SciPy's solvers, step-size control and
//! results.

// The solvers index several parallel arrays (stages, states, scales) the
// way SciPy's formulas do; iterator chains would obscure the
// correspondence.
#![allow(clippy::needless_range_loop)]

mod bdf;
mod common;
mod events;
pub(crate) mod lsoda;
mod radau;
mod rk;

pub use common::{DenseOutput, OdeScalar, OdeSolution, Tol};
pub use events::{Event, EventFn};

use crate::{Error, Result};
use common::{Solver, Sparsity, Status, Tols, num_jac};
use numox::Array;

/// The implicit methods keep a few dense `n × n` matrices (the Jacobian,
/// the iteration matrices and their LU factors; Radau's complex one too).
/// Checks up front that they can be allocated, so that a state too large
/// for dense linear algebra is an error rather than an aborted allocation.
pub(crate) fn check_dense_matrices(n: usize, scalar_bytes: usize) -> Result<()> {
    let too_big = || {
        Error::invalid(format!(
            "A state of {n} components is too large for the dense Jacobian of the implicit methods."
        ))
    };
    // Five matrices of n^2 entries, complex (16 bytes) at most.
    let bytes = n
        .checked_mul(n)
        .and_then(|v| v.checked_mul(5 * scalar_bytes.max(16)))
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(too_big)?;
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(bytes).map_err(|_| too_big())?;
    Ok(())
}

/// The dense LU factorization shared with the other integrate modules.
pub(crate) type DenseLu<S> = common::Lu<S>;

/// A dense LU factorization (real or complex) for the other integrate
/// modules.
pub(crate) fn lu_factor<S: OdeScalar>(n: usize, a: Vec<S>) -> common::Lu<S> {
    common::Lu::factor(n, a)
}

/// A dense real LU factorization for the other integrate modules.
pub(crate) fn lu_factor_f64(n: usize, a: Vec<f64>) -> common::Lu<f64> {
    lu_factor(n, a)
}

/// The integration method (SciPy's `method`).
///
/// ```
/// assert_eq!(sciox::integrate::Method::default(), sciox::integrate::Method::RK45);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// Bogacki–Shampine 3(2), explicit.
    RK23,
    /// Dormand–Prince 5(4), explicit (the default).
    #[default]
    RK45,
    /// Dormand–Prince 8(5,3), explicit.
    DOP853,
    /// Radau IIA of order 5, implicit (real states only).
    Radau,
    /// Variable-order BDF/NDF (orders 1 to 5), implicit.
    BDF,
    /// LSODA (ODEPACK): Adams/BDF with automatic stiffness detection
    /// (real states only).
    LSODA,
}

/// A boxed Jacobian function: `jac(t, y, out)` writes `df_i / dy_j` into
/// `out[i * n + j]` (row-major `n x n`).
pub type JacFn<'a, T> = Box<dyn FnMut(f64, &[T], &mut [T]) + 'a>;

/// The Jacobian of the right-hand side for the implicit methods (SciPy's
/// `jac`): a function, or a constant matrix. Without one, it is
/// approximated by finite differences (optionally using
/// [`IvpOptions::jac_sparsity`]).
///
/// ```
/// use sciox::integrate::{solve_ivp, IvpOptions, Jacobian, Method};
/// // y' = -1000 (y - cos t), a stiff linear problem with constant Jacobian -1000.
/// let opts = IvpOptions { method: Method::Radau, jac: Some(Jacobian::Constant(vec![-1000.0])), ..Default::default() };
/// let r = solve_ivp(|t, y: &[f64], d: &mut [f64]| d[0] = -1000.0 * (y[0] - t.cos()), (0.0, 1.0), &[0.0], opts).unwrap();
/// assert!(r.success && r.njev == 0);
/// ```
pub enum Jacobian<'a, T = f64> {
    /// `jac(t, y, out)`, row-major `n x n`.
    Function(JacFn<'a, T>),
    /// A constant row-major `n x n` matrix.
    Constant(Vec<T>),
}

/// How an implicit solver gets its Jacobian.
pub(crate) enum JacSource<'a, T> {
    FiniteDiff {
        factor: Option<Vec<f64>>,
        sparsity: Option<Sparsity>,
    },
    Function(JacFn<'a, T>),
    Constant(Vec<T>),
}

impl<T: common::OdeScalar> JacSource<'_, T> {
    /// Fills `out` with the Jacobian at `(t, y)` and returns the number of
    /// Jacobian evaluations to count (0 for a constant matrix). The
    /// finite-difference evaluations of `fun` are not counted in nfev, as
    /// in SciPy; `f = fun(t, y)` is computed when not given.
    pub(crate) fn evaluate<F: FnMut(f64, &[T], &mut [T])>(
        &mut self,
        fun: &mut F,
        t: f64,
        y: &[T],
        f: Option<&[T]>,
        atol: &[f64],
        out: &mut [T],
    ) -> usize {
        match self {
            JacSource::Constant(m) => {
                out.copy_from_slice(m);
                0
            }
            JacSource::Function(j) => {
                j(t, y, out);
                1
            }
            JacSource::FiniteDiff { factor, sparsity } => {
                let owned;
                let f = match f {
                    Some(f) => f,
                    None => {
                        let mut v = vec![T::default(); y.len()];
                        fun(t, y, &mut v);
                        owned = v;
                        &owned
                    }
                };
                num_jac(fun, t, y, f, atol, factor, sparsity.as_ref(), out);
                1
            }
        }
    }
}

/// Options of [`solve_ivp`] with SciPy's defaults (`rtol = 1e-3`,
/// `atol = 1e-6`, no step limits).
///
/// ```
/// let o: sciox::integrate::IvpOptions = Default::default();
/// assert_eq!(o.max_step, f64::INFINITY);
/// assert_eq!(o.rtol, sciox::integrate::Tol::Scalar(1e-3));
/// ```
pub struct IvpOptions<'a, T = f64> {
    /// The integration method.
    pub method: Method,
    /// Times at which to store the solution (sorted in the direction of
    /// integration, inside `t_span`); `None` stores every step.
    pub t_eval: Option<Vec<f64>>,
    /// Compute a continuous solution ([`OdeResult::sol`]).
    pub dense_output: bool,
    /// Event functions to locate.
    pub events: Vec<Event<'a, T>>,
    /// Initial step size; `None` selects it (SciPy's algorithm).
    pub first_step: Option<f64>,
    /// Maximum step size (default infinite).
    pub max_step: f64,
    /// Relative tolerance (default 1e-3).
    pub rtol: Tol,
    /// Absolute tolerance (default 1e-6).
    pub atol: Tol,
    /// Jacobian for Radau and BDF (`None`: finite differences).
    pub jac: Option<Jacobian<'a, T>>,
    /// Sparsity structure of the Jacobian (shape `(n, n)`, `true` where
    /// an entry may be nonzero) for the finite differences of Radau and
    /// BDF: columns without common rows are perturbed together.
    pub jac_sparsity: Option<Array<bool>>,
    /// Minimum step size (LSODA only; default 0).
    pub min_step: f64,
    /// Lower bandwidth of the Jacobian (LSODA only): with `uband`, a
    /// banded Jacobian `jac[i][j] = 0` for `i > j + lband`; finite
    /// differences then take `lband + uband + 1` evaluations.
    pub lband: Option<usize>,
    /// Upper bandwidth of the Jacobian (LSODA only).
    pub uband: Option<usize>,
}

impl<T> Default for IvpOptions<'_, T> {
    fn default() -> Self {
        IvpOptions {
            method: Method::RK45,
            t_eval: None,
            dense_output: false,
            events: Vec::new(),
            first_step: None,
            max_step: f64::INFINITY,
            rtol: Tol::Scalar(1e-3),
            atol: Tol::Scalar(1e-6),
            jac: None,
            jac_sparsity: None,
            min_step: 0.0,
            lband: None,
            uband: None,
        }
    }
}

/// The result of [`solve_ivp`] (SciPy's `OdeResult`).
#[derive(Clone, Debug)]
pub struct OdeResult<T: OdeScalar = f64> {
    /// Time points, shape `(n_points,)`.
    pub t: Array<f64>,
    /// Solution values, shape `(n, n_points)`.
    pub y: Array<T>,
    /// The continuous solution if `dense_output` was set.
    pub sol: Option<OdeSolution<T>>,
    /// For each event, the times it occurred (`None` without events).
    pub t_events: Option<Vec<Array<f64>>>,
    /// For each event, the states at those times, shape `(k, n)`.
    pub y_events: Option<Vec<Array<T>>>,
    /// Number of right-hand side evaluations.
    pub nfev: usize,
    /// Number of Jacobian evaluations.
    pub njev: usize,
    /// Number of LU decompositions.
    pub nlu: usize,
    /// -1: the integration step failed; 0: the end of `t_span` was
    /// reached; 1: a termination event occurred.
    pub status: i32,
    /// SciPy's description of the termination reason.
    pub message: String,
    /// `status >= 0`.
    pub success: bool,
}

/// Views a right-hand side over a real `T` (checked: `T::COMPLEX` is
/// false) as one over `f64`.
fn real_rhs<'a, T: OdeScalar, F: FnMut(f64, &[T], &mut [T]) + 'a>(
    mut fun: F,
) -> impl FnMut(f64, &[f64], &mut [f64]) + 'a {
    let mut yt: Vec<T> = Vec::new();
    let mut dt: Vec<T> = Vec::new();
    move |t, y, d| {
        yt.clear();
        yt.extend(y.iter().map(|&v| T::from_f64(v)));
        dt.resize(d.len(), T::default());
        fun(t, &yt, &mut dt);
        for (o, v) in d.iter_mut().zip(&dt) {
            *o = v.re();
        }
    }
}

/// The same for a Jacobian function.
fn real_jac<'a, T: OdeScalar>(mut jac: JacFn<'a, T>) -> JacFn<'a, f64> {
    let mut yt: Vec<T> = Vec::new();
    let mut jt: Vec<T> = Vec::new();
    Box::new(move |t, y, out| {
        yt.clear();
        yt.extend(y.iter().map(|&v| T::from_f64(v)));
        jt.resize(out.len(), T::default());
        jac(t, &yt, &mut jt);
        for (o, v) in out.iter_mut().zip(&jt) {
            *o = v.re();
        }
    })
}

/// Solves the initial value problem `dy/dt = f(t, y)`, `y(t0) = y0` over
/// `t_span = (t0, tf)` (SciPy's `solve_ivp`).
///
/// `fun(t, y, dydt)` writes the derivative into `dydt` (no allocation per
/// call). The state may be `f64` or `Complex64` (the explicit methods).
/// The steps taken, the evaluation counts and the results follow SciPy's
/// algorithms (initial step selection, RMS error norm, step-size
/// controller, dense output, events located with Brent's method to
/// `4 eps`).
///
/// Errors: non-finite `t_span` or `y0`, `t_eval` outside `t_span` or not
/// sorted, negative tolerances, a nonpositive `max_step`, a `first_step`
/// that is not positive or exceeds the span, an event root that cannot
/// be bracketed. A failed integration (step size below the spacing of
/// floating-point numbers) is a result with `status = -1` and SciPy's
/// message.
///
/// ```
/// use sciox::integrate::{solve_ivp, IvpOptions};
/// // exponential decay y' = -0.5 y
/// let r = solve_ivp(|_t, y: &[f64], dy: &mut [f64]| dy[0] = -0.5 * y[0], (0.0, 10.0), &[2.0],
///                   IvpOptions::default()).unwrap();
/// assert!(r.success);
/// let n = r.t.len();
/// assert_eq!(r.t[[n - 1]], 10.0);
/// assert!((r.y[[0, n - 1]] - 2.0 * (-5.0f64).exp()).abs() < 1e-3);
/// ```
pub fn solve_ivp<'a, T, F>(
    fun: F,
    t_span: (f64, f64),
    y0: &[T],
    opts: IvpOptions<'a, T>,
) -> Result<OdeResult<T>>
where
    T: OdeScalar,
    F: FnMut(f64, &[T], &mut [T]) + 'a,
{
    let (t0, tf) = t_span;
    if !t0.is_finite() || !tf.is_finite() {
        return Err(Error::invalid("`t_span` must be finite."));
    }
    if !y0.iter().all(|v| v.is_finite()) {
        return Err(Error::invalid(
            "All components of the initial state `y0` must be finite.",
        ));
    }
    let n = y0.len();
    let mut t_eval = opts.t_eval;
    let mut t_eval_i = 0usize;
    if let Some(te) = &mut t_eval {
        let (lo, hi) = (t0.min(tf), t0.max(tf));
        if te.iter().any(|&t| !(t >= lo && t <= hi)) {
            return Err(Error::invalid("Values in `t_eval` are not within `t_span`."));
        }
        let bad = if tf > t0 {
            te.windows(2).any(|w| w[1] - w[0] <= 0.0)
        } else if tf < t0 {
            te.windows(2).any(|w| w[1] - w[0] >= 0.0)
        } else {
            false
        };
        if bad {
            return Err(Error::invalid("Values in `t_eval` are not properly sorted."));
        }
        if tf > t0 {
            t_eval_i = 0;
        } else {
            te.reverse();
            t_eval_i = te.len();
        }
    }
    if opts.max_step.is_nan() || opts.max_step <= 0.0 {
        return Err(Error::invalid("`max_step` must be positive."));
    }
    if let Some(h) = opts.first_step {
        if h.is_nan() || h <= 0.0 {
            return Err(Error::invalid("`first_step` must be positive."));
        }
        if h > (tf - t0).abs() {
            return Err(Error::invalid("`first_step` exceeds bounds."));
        }
    }
    let tols = Tols::new(&opts.rtol, &opts.atol, n)?;
    if matches!(opts.method, Method::Radau | Method::BDF | Method::LSODA) {
        check_dense_matrices(n, std::mem::size_of::<T>())?;
    }
    let dense_output = opts.dense_output;
    let mut events = opts.events;

    let mut solver: Box<dyn Solver<T> + 'a> = match opts.method {
        Method::RK23 | Method::RK45 | Method::DOP853 => {
            let kind = match opts.method {
                Method::RK23 => rk::RkKind::Rk23,
                Method::RK45 => rk::RkKind::Rk45,
                _ => rk::RkKind::Dop853,
            };
            Box::new(rk::RungeKutta::new(
                kind,
                fun,
                t0,
                y0,
                tf,
                opts.max_step,
                tols,
                opts.first_step,
            ))
        }
        Method::LSODA => {
            if T::COMPLEX {
                return Err(Error::invalid(
                    "`y0` is complex, but the chosen solver does not support integration in a complex domain.",
                ));
            }
            if opts.min_step.is_nan() || opts.min_step < 0.0 {
                return Err(Error::invalid("`min_step` must be nonnegative."));
            }
            let banded = opts.lband.is_some() || opts.uband.is_some();
            let (ml, mu) = (opts.lband.unwrap_or(0), opts.uband.unwrap_or(0));
            if banded && (ml >= n.max(1) || mu >= n.max(1)) {
                return Err(Error::invalid(
                    "`lband` and `uband` must be less than the number of equations.",
                ));
            }
            let jac = match opts.jac {
                None if banded => lsoda::LsodaJac::BandedFd(ml, mu),
                None => lsoda::LsodaJac::FullFd,
                Some(j) => {
                    let f: JacFn<'a, f64> = match j {
                        Jacobian::Function(f) => real_jac(f),
                        Jacobian::Constant(m) => {
                            if m.len() != n * n {
                                return Err(Error::invalid(format!(
                                    "`jac` is expected to have shape ({n}, {n}), but actually has {} elements.",
                                    m.len()
                                )));
                            }
                            let m: Vec<f64> = m.iter().map(|v| v.re()).collect();
                            Box::new(move |_t, _y, out: &mut [f64]| out.copy_from_slice(&m))
                        }
                    };
                    if banded {
                        lsoda::LsodaJac::Banded(f, ml, mu)
                    } else {
                        lsoda::LsodaJac::Full(f)
                    }
                }
            };
            let settings = lsoda::LsodaSettings {
                rtol: tols.rtol.clone(),
                atol: tols.atol.clone(),
                h0: opts
                    .first_step
                    .map_or(0.0, |h| h * if tf >= t0 { 1.0 } else { -1.0 }),
                hmax: if opts.max_step.is_infinite() {
                    0.0
                } else {
                    opts.max_step
                },
                hmin: opts.min_step,
                mxstep: 500,
                mxhnil: 0,
                mxordn: 12,
                mxords: 5,
            };
            let y0r: Vec<f64> = y0.iter().map(|v| v.re()).collect();
            let fun = real_rhs(fun);
            let core = lsoda::Lsoda::new(fun, n, jac, &settings);
            Box::new(lsoda::LsodaSolver::<T, _>::new(core, t0, &y0r, tf))
        }
        Method::Radau | Method::BDF => {
            if opts.method == Method::Radau && T::COMPLEX {
                return Err(Error::invalid(
                    "`y0` is complex, but the chosen solver does not support integration in a complex domain.",
                ));
            }
            let rtol = tols
                .rtol_scalar
                .ok_or_else(|| Error::invalid("Radau and BDF need a scalar `rtol` (as in SciPy)."))?;
            let jac = match opts.jac {
                Some(Jacobian::Function(f)) => JacSource::Function(f),
                Some(Jacobian::Constant(m)) => {
                    if m.len() != n * n {
                        return Err(Error::invalid(format!(
                            "`jac` is expected to have shape ({n}, {n}), but actually has {} elements.",
                            m.len()
                        )));
                    }
                    JacSource::Constant(m)
                }
                None => {
                    let sparsity = match opts.jac_sparsity {
                        None => None,
                        Some(s) => {
                            if s.shape() != [n, n] {
                                return Err(Error::invalid(format!(
                                    "`jac_sparsity` is expected to have shape ({n}, {n})."
                                )));
                            }
                            Some(Sparsity::new(n, s.to_vec()))
                        }
                    };
                    JacSource::FiniteDiff {
                        factor: None,
                        sparsity,
                    }
                }
            };
            if opts.method == Method::Radau {
                Box::new(radau::Radau::new(
                    fun,
                    t0,
                    y0,
                    tf,
                    opts.max_step,
                    tols,
                    opts.first_step,
                    jac,
                    rtol,
                ))
            } else {
                Box::new(bdf::Bdf::new(
                    fun,
                    t0,
                    y0,
                    tf,
                    opts.max_step,
                    tols,
                    opts.first_step,
                    jac,
                    rtol,
                ))
            }
        }
    };
    let direction = if tf != t0 { (tf - t0).signum() } else { 1.0 };

    // Output accumulation: times and states (column per time).
    let mut ts: Vec<f64> = Vec::new();
    let mut ys: Vec<T> = Vec::new();
    let mut ti: Vec<f64> = Vec::new();
    if t_eval.is_none() {
        ts.push(t0);
        ys.extend_from_slice(y0);
    } else if dense_output {
        ti.push(t0);
    }
    let mut interpolants: Vec<DenseOutput<T>> = Vec::new();

    let n_events = events.len();
    let max_events: Vec<usize> = events.iter().map(|e| e.terminal).collect();
    let event_dir: Vec<f64> = events.iter().map(|e| e.direction).collect();
    let mut event_count = vec![0usize; n_events];
    let mut g: Vec<f64> = events.iter_mut().map(|e| (e.fun)(t0, y0)).collect();
    let mut t_events: Vec<Vec<f64>> = vec![Vec::new(); n_events];
    let mut y_events: Vec<Vec<T>> = vec![Vec::new(); n_events];

    let status: i32;
    let mut message: Option<String>;
    loop {
        message = solver.step();
        let mut st = match solver.status() {
            Status::Finished => Some(0),
            Status::Failed => {
                status = -1;
                break;
            }
            Status::Running => None,
        };
        let t_old = solver.t_old().expect("a step was made");
        let mut t = solver.t();
        let mut y: Vec<T> = solver.y().to_vec();
        let mut sol: Option<DenseOutput<T>> = None;
        if dense_output {
            let d = solver.dense_output();
            interpolants.push(d.clone());
            sol = Some(d);
        }
        if n_events > 0 {
            let g_new: Vec<f64> = events.iter_mut().map(|e| (e.fun)(t, &y)).collect();
            let active = events::find_active_events(&g, &g_new, &event_dir);
            if !active.is_empty() {
                if sol.is_none() {
                    sol = Some(solver.dense_output());
                }
                let s = sol.as_ref().expect("set above");
                for &e in &active {
                    event_count[e] += 1;
                }
                let (roots, terminate) =
                    events::handle_events(s, &mut events, &active, &event_count, &max_events, t_old, t)?;
                for &(e, te) in &roots {
                    t_events[e].push(te);
                    y_events[e].extend(s.eval(te));
                }
                if terminate {
                    st = Some(1);
                    t = roots[roots.len() - 1].1;
                    y = s.eval(t);
                }
            }
            g = g_new;
        }
        match &t_eval {
            None => {
                let donot_append = ts.len() > 1 && ts[ts.len() - 1] == t && dense_output;
                if !donot_append {
                    ts.push(t);
                    ys.extend_from_slice(&y);
                } else if !interpolants.is_empty() {
                    interpolants.pop();
                }
            }
            Some(te) => {
                // The value in t_eval equal to t is included.
                let (lo, hi, rev) = if direction > 0.0 {
                    let new_i = te.partition_point(|&x| x <= t);
                    let r = (t_eval_i, new_i, false);
                    if new_i > t_eval_i {
                        t_eval_i = new_i;
                    }
                    r
                } else {
                    let new_i = te.partition_point(|&x| x < t);
                    let r = (new_i, t_eval_i, true);
                    if t_eval_i > new_i {
                        t_eval_i = new_i;
                    }
                    r
                };
                if hi > lo {
                    if sol.is_none() {
                        sol = Some(solver.dense_output());
                    }
                    let s = sol.as_ref().expect("set above");
                    let mut out = vec![T::default(); n];
                    let idx: Vec<usize> = if rev {
                        (lo..hi).rev().collect()
                    } else {
                        (lo..hi).collect()
                    };
                    for k in idx {
                        s.eval_into(te[k], &mut out);
                        ts.push(te[k]);
                        ys.extend_from_slice(&out);
                    }
                }
            }
        }
        if t_eval.is_some() && dense_output {
            ti.push(t);
        }
        if let Some(s) = st {
            status = s;
            break;
        }
    }
    let message = match status {
        0 => "The solver successfully reached the end of the integration interval.".to_string(),
        1 => "A termination event occurred.".to_string(),
        _ => message.unwrap_or_default(),
    };
    // ys holds one state per time point: transpose to (n, n_points).
    let m = ts.len();
    let mut yt = vec![T::default(); n * m];
    for j in 0..m {
        for i in 0..n {
            yt[i * m + j] = ys[j * n + i];
        }
    }
    let y = Array::from_shape_vec(&[n, m], yt).map_err(Error::from)?;
    let sol = if dense_output {
        let alt = solver.alt_segment();
        let tsol = if t_eval.is_none() { ts.clone() } else { ti };
        Some(OdeSolution::new(tsol, interpolants, alt)?)
    } else {
        None
    };
    let (t_events, y_events) = if n_events > 0 {
        let te = t_events.into_iter().map(Array::from_vec).collect();
        let ye = y_events
            .into_iter()
            .map(|v| {
                let k = v.len().checked_div(n).unwrap_or(0);
                Array::from_shape_vec(&[k, n], v).expect("k * n values")
            })
            .collect();
        (Some(te), Some(ye))
    } else {
        (None, None)
    };
    let (nfev, njev, nlu) = solver.counts();
    Ok(OdeResult {
        t: Array::from_vec(ts),
        y,
        sol,
        t_events,
        y_events,
        nfev,
        njev,
        nlu,
        status,
        message,
        success: status >= 0,
    })
}
