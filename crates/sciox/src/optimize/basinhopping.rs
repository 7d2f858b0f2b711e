//! `scipy.optimize.basinhopping`: random perturbation, local minimisation
//! with [`minimize`], Metropolis acceptance, following SciPy 1.17's
//! `_basinhopping.py` draw for draw (the default `take_step` is SciPy's
//! `RandomDisplacement` wrapped in `AdaptiveStepsize`).
//!
//! Not supported: user `take_step` and `accept_test` callables, `disp`.

use super::OptimizeResult;
use super::differential_evolution::make_rng;
use super::minimize::{Method, MinimizeOptions, minimize};
use crate::{Error, Result};

/// Options of [`basinhopping`] with SciPy's defaults.
///
/// `method` and `minimize_options` are SciPy's `minimizer_kwargs`
/// (`method=None`: BFGS, or L-BFGS-B when `minimize_options.bounds` is set).
///
/// ```
/// use sciox::optimize::BasinhoppingOptions;
/// let o = BasinhoppingOptions::default();
/// assert_eq!((o.niter, o.t, o.stepsize, o.interval), (100, 1.0, 0.5, 50));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct BasinhoppingOptions {
    /// Basin-hopping iterations (100).
    pub niter: usize,
    /// The Metropolis "temperature" `T` (1.0); 0 accepts only improvements.
    pub t: f64,
    /// Initial maximum displacement of the random step (0.5).
    pub stepsize: f64,
    /// The local minimiser (`None`: SciPy's choice).
    pub method: Option<Method>,
    /// Options of the local minimiser.
    pub minimize_options: MinimizeOptions,
    /// Steps between step-size adjustments (50).
    pub interval: usize,
    /// Stop when the best point has not improved for this many iterations
    /// (`None`: `niter + 2`, i.e. never).
    pub niter_success: Option<usize>,
    /// Seed of `np.random.default_rng(seed)` (SciPy's `rng=seed`); `None`
    /// seeds from the clock.
    pub seed: Option<u128>,
    /// Acceptance rate the step size is tuned towards (0.5), in `(0, 1)`.
    pub target_accept_rate: f64,
    /// Factor of each step-size adjustment (0.9), in `(0, 1)`.
    pub stepwise_factor: f64,
}

impl Default for BasinhoppingOptions {
    fn default() -> Self {
        BasinhoppingOptions {
            niter: 100,
            t: 1.0,
            stepsize: 0.5,
            method: None,
            minimize_options: MinimizeOptions::default(),
            interval: 50,
            niter_success: None,
            seed: None,
            target_accept_rate: 0.5,
            stepwise_factor: 0.9,
        }
    }
}

/// The outcome of [`basinhopping`] (SciPy's `OptimizeResult`).
///
/// ```
/// use sciox::optimize::{basinhopping, BasinhoppingOptions};
/// let o = BasinhoppingOptions { niter: 5, seed: Some(1), ..Default::default() };
/// let r = basinhopping(|x: &[f64]| (x[0] - 1.0).powi(2), &[3.0], &o, None).unwrap();
/// assert_eq!(r.nit, 5);
/// assert!((r.x[0] - 1.0).abs() < 1e-5);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct BasinhoppingResult {
    /// The lowest minimum found.
    pub x: Vec<f64>,
    /// The objective there.
    pub fun: f64,
    /// Objective evaluations of all local minimisations.
    pub nfev: usize,
    /// Gradient evaluations of all local minimisations.
    pub njev: usize,
    /// Hessian evaluations of all local minimisations.
    pub nhev: usize,
    /// Basin-hopping iterations (SciPy's `i + 1`, so 1 when `niter == 0`).
    pub nit: usize,
    /// Whether the lowest local minimisation succeeded.
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// Local minimisations that did not report success.
    pub minimization_failures: usize,
    /// The local minimisation that found the lowest minimum.
    pub lowest_optimization_result: OptimizeResult,
}

/// A callback of [`basinhopping`]: `callback(x, f, accepted)` after every
/// local minimisation (and once for the first one, whose return value is
/// ignored, as SciPy's); returning `true` stops the run.
pub type BasinhoppingCallback<'a> = Option<&'a mut dyn FnMut(&[f64], f64, bool) -> bool>;

/// Finds a global minimum by basin hopping (SciPy's `basinhopping`): a
/// random displacement of every coordinate in `[-stepsize, stepsize)`, a
/// local minimisation, and a Metropolis test at temperature `T`; the step
/// size is adapted every `interval` steps towards `target_accept_rate`.
///
/// Errors: `target_accept_rate` or `stepwise_factor` outside `(0, 1)`,
/// and what [`minimize`] rejects (an empty or NaN `x0`).
///
/// ```
/// use sciox::optimize::{basinhopping, BasinhoppingOptions};
/// // a 1-D function with many local minima (SciPy's docstring example)
/// let f = |x: &[f64]| (14.5 * x[0] - 0.3).cos() + (x[0] + 0.2) * x[0];
/// let o = BasinhoppingOptions { niter: 200, seed: Some(1), ..Default::default() };
/// let r = basinhopping(f, &[1.0], &o, None).unwrap();
/// assert!((r.x[0] + 0.19506755).abs() < 1e-6);
/// ```
pub fn basinhopping<F: FnMut(&[f64]) -> f64>(
    mut func: F,
    x0: &[f64],
    opts: &BasinhoppingOptions,
    mut callback: BasinhoppingCallback<'_>,
) -> Result<BasinhoppingResult> {
    if !(opts.target_accept_rate > 0.0 && opts.target_accept_rate < 1.0) {
        return Err(Error::invalid("target_accept_rate has to be in range (0, 1)"));
    }
    if !(opts.stepwise_factor > 0.0 && opts.stepwise_factor < 1.0) {
        return Err(Error::invalid("stepwise_factor has to be in range (0, 1)"));
    }
    if opts.interval == 0 {
        return Err(Error::invalid("interval must be positive"));
    }
    let method = opts
        .method
        .unwrap_or_else(|| Method::scipy_default(opts.minimize_options.bounds.is_some()));
    let mut local = |x: &[f64]| minimize(&mut func, x, method, &opts.minimize_options);
    let mut rng = make_rng(opts.seed);
    let beta = if opts.t != 0.0 {
        1.0 / opts.t
    } else {
        f64::INFINITY
    };
    let mut stepsize = opts.stepsize;
    let (mut nstep, mut naccept) = (0usize, 0usize);

    let first = local(x0)?;
    let mut failures = usize::from(!first.success);
    let (mut nfev, mut njev, mut nhev) = (first.nfev, first.njev, first.nhev);
    let mut x = first.x.clone();
    let mut incumbent = (first.fun, first.success);
    let mut best = first;
    if let Some(cb) = callback.as_mut() {
        cb(&best.x, best.fun, true);
    }
    let niter_success = opts.niter_success.unwrap_or(opts.niter + 2);
    let mut message = "requested number of basinhopping iterations completed successfully".to_string();
    let (mut count, mut last_i) = (0usize, 0usize);
    let mut xs = vec![0.0; x.len()];
    for i in 0..opts.niter {
        last_i = i;
        // AdaptiveStepsize.take_step, then RandomDisplacement
        nstep += 1;
        if nstep % opts.interval == 0 {
            let rate = naccept as f64 / nstep as f64;
            if rate > opts.target_accept_rate {
                stepsize /= opts.stepwise_factor;
            } else {
                stepsize *= opts.stepwise_factor;
            }
        }
        let range = stepsize - -stepsize;
        for (s, xi) in xs.iter_mut().zip(&x) {
            *s = xi + (-stepsize + range * rng.next_f64());
        }
        let m = local(&xs)?;
        if !m.success {
            failures += 1;
        }
        nfev += m.nfev;
        njev += m.njev;
        nhev += m.nhev;
        // Metropolis
        let prod = -(m.fun - incumbent.0) * beta;
        let w = (if prod < 0.0 { prod } else { 0.0 }).exp();
        let rand = rng.next_f64();
        let accept = w >= rand && (m.success || !incumbent.1);
        if accept {
            naccept += 1;
        }
        let mut new_global_min = false;
        if accept {
            x.copy_from_slice(&m.x);
            incumbent = (m.fun, m.success);
            if m.success && (m.fun < best.fun || !best.success) {
                best = m.clone();
                new_global_min = true;
            }
        }
        if callback.as_mut().is_some_and(|cb| cb(&m.x, m.fun, accept)) {
            message = "callback function requested stop early byreturning True".into();
            break;
        }
        count += 1;
        if new_global_min {
            count = 0;
        } else if count > niter_success {
            message = "success condition satisfied".into();
            break;
        }
    }
    Ok(BasinhoppingResult {
        x: best.x.clone(),
        fun: best.fun,
        nfev,
        njev,
        nhev,
        nit: last_i + 1,
        success: best.success,
        message,
        minimization_failures: failures,
        lowest_optimization_result: best,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input() {
        let f = |x: &[f64]| x[0] * x[0];
        let o = BasinhoppingOptions {
            target_accept_rate: 1.0,
            ..Default::default()
        };
        assert!(basinhopping(f, &[1.0], &o, None).is_err());
        let o = BasinhoppingOptions {
            stepwise_factor: 0.0,
            ..Default::default()
        };
        assert!(basinhopping(f, &[1.0], &o, None).is_err());
        assert!(basinhopping(f, &[f64::NAN], &BasinhoppingOptions::default(), None).is_err());
    }

    #[test]
    fn callback_stops() {
        let o = BasinhoppingOptions {
            seed: Some(1),
            ..Default::default()
        };
        let mut calls = 0;
        let mut cb = |_x: &[f64], _f: f64, _a: bool| {
            calls += 1;
            true
        };
        let r = basinhopping(|x: &[f64]| x[0] * x[0], &[1.0], &o, Some(&mut cb)).unwrap();
        assert_eq!(r.nit, 1);
        assert_eq!(calls, 2);
        assert_eq!(
            r.message,
            "callback function requested stop early byreturning True"
        );
    }
}
