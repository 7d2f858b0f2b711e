//! `scipy.integrate.odeint`: LSODA (ODEPACK) through SciPy's classic
//! interface: the solution at each requested time, with ODEPACK's
//! statistics.

use super::ivp::lsoda::{Lsoda, LsodaJac, LsodaSettings};
use super::ivp::{JacFn, Tol};
use crate::{Error, Result};
use numox::Array;

/// Options of [`odeint`] with SciPy's defaults (`rtol = atol = 1.49012e-8`,
/// LSODA's automatic step and order limits).
///
/// ```
/// let o = sciox::integrate::OdeintOptions::default();
/// assert_eq!(o.rtol, sciox::integrate::Tol::Scalar(1.49012e-8));
/// assert_eq!((o.mxordn, o.mxords), (12, 5));
/// ```
pub struct OdeintOptions<'a> {
    /// The Jacobian of the right-hand side (SciPy's `Dfun`), row-major
    /// `n x n`: `jac(t, y, out)` writes `df_i / dy_j` into `out[i * n + j]`
    /// (so SciPy's `col_deriv` has no counterpart). `None`: finite
    /// differences.
    pub dfun: Option<JacFn<'a, f64>>,
    /// Lower bandwidth of a banded Jacobian (with `mu`).
    pub ml: Option<usize>,
    /// Upper bandwidth of a banded Jacobian (with `ml`).
    pub mu: Option<usize>,
    /// Relative tolerance (default 1.49012e-8).
    pub rtol: Tol,
    /// Absolute tolerance (default 1.49012e-8).
    pub atol: Tol,
    /// Critical times the integration must not step past.
    pub tcrit: Option<Vec<f64>>,
    /// First step size (0: computed).
    pub h0: f64,
    /// Maximum step size (0: unbounded).
    pub hmax: f64,
    /// Minimum step size.
    pub hmin: f64,
    /// Maximum internal steps per output time (0: 500).
    pub mxstep: usize,
    /// Maximum "t + h = t" warnings (0: 10; they are not printed).
    pub mxhnil: usize,
    /// Maximum Adams (non-stiff) order, at most 12.
    pub mxordn: usize,
    /// Maximum BDF (stiff) order, at most 5.
    pub mxords: usize,
}

impl Default for OdeintOptions<'_> {
    fn default() -> Self {
        OdeintOptions {
            dfun: None,
            ml: None,
            mu: None,
            rtol: Tol::Scalar(1.49012e-8),
            atol: Tol::Scalar(1.49012e-8),
            tcrit: None,
            h0: 0.0,
            hmax: 0.0,
            hmin: 0.0,
            mxstep: 0,
            mxhnil: 0,
            mxordn: 12,
            mxords: 5,
        }
    }
}

/// ODEPACK's statistics after each output time (SciPy's `infodict` of
/// `full_output=True`; entry `k` is after reaching `t[k + 1]`).
#[derive(Clone, Debug, PartialEq)]
pub struct OdeintInfo {
    /// Step size used on the last successful step.
    pub hu: Vec<f64>,
    /// Value of t reached internally.
    pub tcur: Vec<f64>,
    /// Tolerance scale factor (when too much accuracy was requested).
    pub tolsf: Vec<f64>,
    /// Time of the last method switch.
    pub tsw: Vec<f64>,
    /// Cumulative number of steps.
    pub nst: Vec<usize>,
    /// Cumulative number of function evaluations.
    pub nfe: Vec<usize>,
    /// Cumulative number of Jacobian evaluations (and LU decompositions).
    pub nje: Vec<usize>,
    /// Order of the method used on the last successful step.
    pub nqu: Vec<usize>,
    /// 1-based index of the component with the largest error on a failure
    /// with `istate` -4 or -5, else -1.
    pub imxer: i64,
    /// Length of the real work array LSODA needs.
    pub lenrw: usize,
    /// Length of the integer work array LSODA needs.
    pub leniw: usize,
    /// Method used on the last step: 1 Adams (non-stiff), 2 BDF (stiff).
    pub mused: Vec<usize>,
    /// SciPy's message for the final `istate`.
    pub message: String,
}

/// The result of [`odeint`].
#[derive(Clone, Debug)]
pub struct OdeintResult {
    /// The solution, shape `(t.len(), n)`; `y[0]` is `y0`. After a failure
    /// the rows of the times not reached are NaN.
    pub y: Array<f64>,
    /// LSODA's final `istate`: 2 success, negative on failure (SciPy warns
    /// with `message` then).
    pub istate: i32,
    /// The full-output statistics.
    pub info: OdeintInfo,
}

/// SciPy's `_msgs` for `istate`.
fn message(istate: i32) -> &'static str {
    match istate {
        2 => "Integration successful.",
        1 => "Nothing was done; the integration time was 0.",
        -1 => "Excess work done on this call (perhaps wrong Dfun type).",
        -2 => "Excess accuracy requested (tolerances too small).",
        -3 => "Illegal input detected (internal error).",
        -4 => "Repeated error test failures (internal error).",
        -5 => "Repeated convergence failures (perhaps bad Jacobian or tolerances).",
        -6 => "Error weight became zero during problem.",
        -7 => "Internal workspace insufficient to finish (internal error).",
        _ => "Run terminated (internal error).",
    }
}

/// Integrates `dy/dt = func(t, y)` with LSODA and returns `y` at each of
/// the times `t` (SciPy's `odeint(func, y0, t, tfirst=True,
/// full_output=True)`; the right-hand side writes into its third argument).
///
/// `t` must be monotonic (repeated values allowed); `t[0]` is the initial
/// time. Integration failures (too much work, repeated error test or
/// convergence failures) are reported in `istate` and `info.message`, as
/// SciPy's warnings; invalid input (non-monotonic `t`, non-finite `y0` or
/// `t`, tolerances of the wrong length, negative tolerances) is an error.
///
/// ```
/// use sciox::integrate::{odeint, OdeintOptions};
/// // y' = -2 y, y(0) = 1
/// let t: Vec<f64> = (0..5).map(|k| k as f64 * 0.5).collect();
/// let r = odeint(|_t, y: &[f64], d: &mut [f64]| d[0] = -2.0 * y[0], &[1.0], &t, OdeintOptions::default()).unwrap();
/// assert_eq!(r.y.shape(), &[5, 1]);
/// assert!((r.y[[4, 0]] - (-4.0f64).exp()).abs() < 1e-7);
/// assert_eq!(r.info.message, "Integration successful.");
/// ```
pub fn odeint<'a, F>(func: F, y0: &[f64], t: &[f64], opts: OdeintOptions<'a>) -> Result<OdeintResult>
where
    F: FnMut(f64, &[f64], &mut [f64]) + 'a,
{
    let n = y0.len();
    let increasing = t.windows(2).all(|w| w[1] >= w[0]);
    let decreasing = t.windows(2).all(|w| w[1] <= w[0]);
    if !(increasing || decreasing) {
        return Err(Error::invalid(
            "The values in t must be monotonically increasing or monotonically decreasing; repeated values are allowed.",
        ));
    }
    if !t.iter().all(|v| v.is_finite()) || !y0.iter().all(|v| v.is_finite()) {
        return Err(Error::invalid("odeint: `t` and `y0` must be finite."));
    }
    super::ivp::check_dense_matrices(n, 8)?;
    if n == 0 {
        return Err(Error::invalid("odeint: `y0` must have at least one component."));
    }
    let expand = |tol: &Tol| -> Result<Vec<f64>> {
        let v = match tol {
            Tol::Scalar(x) => vec![*x; n],
            Tol::PerComponent(v) if v.len() == n => v.clone(),
            Tol::PerComponent(_) => {
                return Err(Error::invalid(
                    "Tolerances must be an array of the same length as the\n     number of equations or a scalar.",
                ));
            }
        };
        if v.iter().any(|x| x.is_nan() || *x < 0.0) {
            return Err(Error::invalid("odeint: tolerances must be nonnegative."));
        }
        Ok(v)
    };
    let rtol = expand(&opts.rtol)?;
    let atol = expand(&opts.atol)?;
    let banded = opts.ml.is_some() || opts.mu.is_some();
    let (ml, mu) = (opts.ml.unwrap_or(0), opts.mu.unwrap_or(0));
    if banded && (ml >= n || mu >= n) {
        return Err(Error::invalid(
            "odeint: `ml` and `mu` must be less than the number of equations.",
        ));
    }
    let lenwm = if banded {
        (2 * ml + mu + 1) * n + 2
    } else {
        n * n + 2
    };
    let mxordn = if opts.mxordn == 0 { 12 } else { opts.mxordn.min(12) };
    let mxords = if opts.mxords == 0 { 5 } else { opts.mxords.min(5) };
    let len1n = 20 + (mxordn + 1) * n;
    let len1s = 20 + (mxords + 1) * n + lenwm;
    let lenrw = len1n.max(len1s) + 3 * n;
    let leniw = 20 + n;
    let jac = match (opts.dfun, banded) {
        (Some(f), false) => LsodaJac::Full(f),
        (Some(f), true) => LsodaJac::Banded(f, ml, mu),
        (None, false) => LsodaJac::FullFd,
        (None, true) => LsodaJac::BandedFd(ml, mu),
    };
    let settings = LsodaSettings {
        rtol,
        atol,
        h0: opts.h0,
        hmax: opts.hmax,
        hmin: opts.hmin,
        mxstep: opts.mxstep,
        mxhnil: opts.mxhnil,
        mxordn,
        mxords,
    };
    let mut solver = Lsoda::new(func, n, jac, &settings);
    let ntimes = t.len();
    let mut yout = vec![f64::NAN; ntimes * n];
    let mut info = OdeintInfo {
        hu: vec![0.0; ntimes.saturating_sub(1)],
        tcur: vec![0.0; ntimes.saturating_sub(1)],
        tolsf: vec![0.0; ntimes.saturating_sub(1)],
        tsw: vec![0.0; ntimes.saturating_sub(1)],
        nst: vec![0; ntimes.saturating_sub(1)],
        nfe: vec![0; ntimes.saturating_sub(1)],
        nje: vec![0; ntimes.saturating_sub(1)],
        nqu: vec![0; ntimes.saturating_sub(1)],
        imxer: -1,
        lenrw,
        leniw,
        mused: vec![0; ntimes.saturating_sub(1)],
        message: String::new(),
    };
    let mut y = y0.to_vec();
    let mut istate = 1;
    if ntimes > 0 {
        // t[0] and its repetitions get y0.
        let mut tt = t[0];
        let mut t0count = 1;
        while t0count < ntimes && t[t0count] == tt {
            t0count += 1;
        }
        for k in 0..t0count {
            yout[k * n..(k + 1) * n].copy_from_slice(y0);
        }
        let tcrit = opts.tcrit.unwrap_or_default();
        let mut itask = if tcrit.is_empty() { 1 } else { 4 };
        let mut crit_ind = 0usize;
        let mut k = t0count;
        while k < ntimes && istate > 0 {
            let tout = t[k];
            if itask == 4 && tout > tcrit[crit_ind] {
                crit_ind += 1;
            }
            if crit_ind >= tcrit.len() {
                itask = 1;
            }
            let tc = if itask == 4 { tcrit[crit_ind] } else { 0.0 };
            solver.lsoda(&mut y, &mut tt, tout, itask, &mut istate, tc);
            info.hu[k - 1] = solver.hu;
            info.tcur[k - 1] = solver.tn;
            info.tolsf[k - 1] = solver.tolsf;
            info.tsw[k - 1] = solver.tsw;
            info.nst[k - 1] = solver.nst;
            info.nfe[k - 1] = solver.nfe;
            info.nje[k - 1] = solver.nje;
            info.nqu[k - 1] = solver.nqu;
            info.mused[k - 1] = solver.mused;
            info.imxer = if istate == -4 || istate == -5 {
                solver.imxer as i64
            } else {
                -1
            };
            yout[k * n..(k + 1) * n].copy_from_slice(&y);
            k += 1;
        }
    }
    info.message = message(istate).to_string();
    Ok(OdeintResult {
        y: Array::from_shape_vec(&[ntimes, n], yout).map_err(Error::from)?,
        istate,
        info,
    })
}
