//! `scipy.integrate.quad`: adaptive quadrature of a function of one
//! variable over a finite or infinite interval, with QUADPACK.
//!
//! | case | QUADPACK routine |
//! |---|---|
//! | finite `(a, b)` | qagse (21-point Gauss–Kronrod, Wynn epsilon extrapolation) |
//! | `a` or `b` infinite | qagie (mapped onto `(0, 1)`, 15-point rule) |
//! | `points` given | qagpe |
//! | [`Weight::Cos`], [`Weight::Sin`] | qawoe (finite), qawfe (`(a, inf)` or `(-inf, b)`) |
//! | [`Weight::Alg`] and its log forms | qawse |
//! | [`Weight::Cauchy`] | qawce |

use super::quadpack::{self, Outcome, Workspace};
use crate::{Error, Result};
use numox::Complex64;

/// The weight function `w(x)` of a weighted integral of `f(x) w(x)`
/// (SciPy's `weight` and `wvar` arguments together).
///
/// ```
/// use sciox::integrate::{quad, QuadOptions, Weight};
/// // integral of cos(3x) over (0, pi/6) = 1/3
/// let opts = QuadOptions { weight: Some(Weight::Cos(3.0)), ..Default::default() };
/// let r = quad(|_x| 1.0, 0.0, std::f64::consts::PI / 6.0, &opts).unwrap();
/// assert!((r.value - 1.0 / 3.0).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Weight {
    /// `cos(omega x)` (SciPy `weight='cos', wvar=omega`).
    Cos(f64),
    /// `sin(omega x)` (SciPy `weight='sin', wvar=omega`).
    Sin(f64),
    /// `(x - a)^alpha (b - x)^beta` (SciPy `weight='alg', wvar=(alpha, beta)`).
    Alg(f64, f64),
    /// `(x - a)^alpha (b - x)^beta log(x - a)` (`'alg-loga'`).
    AlgLoga(f64, f64),
    /// `(x - a)^alpha (b - x)^beta log(b - x)` (`'alg-logb'`).
    AlgLogb(f64, f64),
    /// `(x - a)^alpha (b - x)^beta log(x - a) log(b - x)` (`'alg-log'`).
    AlgLog(f64, f64),
    /// `1 / (x - c)`, a Cauchy principal value (`weight='cauchy', wvar=c`).
    Cauchy(f64),
}

/// Options of [`quad`] with SciPy's defaults.
///
/// ```
/// let o = sciox::integrate::QuadOptions::default();
/// assert_eq!((o.epsabs, o.epsrel, o.limit, o.maxp1, o.limlst), (1.49e-8, 1.49e-8, 50, 50, 50));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct QuadOptions {
    /// Absolute error tolerance (default 1.49e-8).
    pub epsabs: f64,
    /// Relative error tolerance (default 1.49e-8).
    pub epsrel: f64,
    /// Upper bound on the number of subintervals (default 50).
    pub limit: usize,
    /// Break points inside `(a, b)` where the integrand is difficult
    /// (qagpe). Ignored with a weight, as in SciPy; an error with an
    /// infinite bound.
    pub points: Option<Vec<f64>>,
    /// A weight function (see [`Weight`]).
    pub weight: Option<Weight>,
    /// Upper bound on the number of Chebyshev moments of the cos/sin
    /// weights (default 50).
    pub maxp1: usize,
    /// Upper bound on the number of cycles of a Fourier integral over an
    /// infinite range (default 50, at least 3).
    pub limlst: usize,
}

impl Default for QuadOptions {
    fn default() -> Self {
        QuadOptions {
            epsabs: 1.49e-8,
            epsrel: 1.49e-8,
            limit: 50,
            points: None,
            weight: None,
            maxp1: 50,
            limlst: 50,
        }
    }
}

/// Routine-specific outputs of [`quad`] (the extra keys of SciPy's
/// `infodict`).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum QuadExtra {
    /// qagse, qagie, qawse, qawce: nothing beyond the interval lists.
    #[default]
    None,
    /// qagpe: the break points with the limits in ascending order
    /// (`pts`), the subdivision level of each subinterval (`level`) and the
    /// flags of the initial intervals whose error estimate was raised
    /// (`ndin`).
    Points {
        /// Sorted break points including `a` and `b`.
        pts: Vec<f64>,
        /// Subdivision level of each of the `last` subintervals.
        level: Vec<usize>,
        /// 1 where the error of an initial interval was raised.
        ndin: Vec<usize>,
    },
    /// qawoe: subdivision levels (`nnlog`), number of moment sets
    /// computed (`momcom`) and the Chebyshev moments (`chebmo`, `momcom`
    /// rows of 25).
    Oscillatory {
        /// Subdivision level of each of the `last` subintervals.
        nnlog: Vec<usize>,
        /// Number of interval lengths whose moments were computed.
        momcom: usize,
        /// The moments, 25 per interval length.
        chebmo: Vec<f64>,
    },
    /// qawfe: the number of cycles (`lst`) and each cycle's integral,
    /// error estimate and error flag.
    Fourier {
        /// Number of cycles used.
        lst: usize,
        /// Integral over each cycle.
        rslst: Vec<f64>,
        /// Error estimate of each cycle.
        erlst: Vec<f64>,
        /// Error flag of each cycle (as `ier` of qawoe).
        ierlst: Vec<i32>,
    },
}

/// The result of [`quad`]: the value, the error estimate and everything
/// SciPy's `full_output=1` reports. Warnings SciPy would print are
/// reported in `ier` and `message`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadResult {
    /// The integral.
    pub value: f64,
    /// An estimate of the absolute error.
    pub abserr: f64,
    /// Number of integrand evaluations.
    pub neval: usize,
    /// QUADPACK's flag after SciPy's mapping: 0 success, 1 subdivision
    /// limit reached, 2 roundoff detected, 3 bad integrand behaviour,
    /// 4 extrapolation does not converge, 5 probably divergent, 7 bad
    /// integrand behaviour within cycles (Fourier integrals).
    pub ier: i32,
    /// SciPy's warning message for a nonzero `ier`, `None` on success.
    pub message: Option<String>,
    /// Number of subintervals produced.
    pub last: usize,
    /// Left end points of the subintervals (on `(0, 1)` for infinite ranges).
    pub alist: Vec<f64>,
    /// Right end points of the subintervals.
    pub blist: Vec<f64>,
    /// Integral over each subinterval.
    pub rlist: Vec<f64>,
    /// Error estimate of each subinterval.
    pub elist: Vec<f64>,
    /// Indices of the subintervals in order of decreasing error (as far as
    /// QUADPACK maintains the ordering), 0-based.
    pub iord: Vec<usize>,
    /// Routine-specific outputs.
    pub extra: QuadExtra,
}

/// The result of [`quad_complex`]: the real and imaginary parts are
/// integrated separately, as SciPy does with `complex_func=True`.
#[derive(Clone, Debug, PartialEq)]
pub struct ComplexQuadResult {
    /// The integral.
    pub value: Complex64,
    /// `abserr(real) + i abserr(imag)`, as SciPy reports it.
    pub abserr: Complex64,
    /// The integration of the real part.
    pub real: QuadResult,
    /// The integration of the imaginary part.
    pub imag: QuadResult,
}

/// SciPy's message for a warning `ier` (`quad`'s `msgs` table).
fn message(ier: i32, limit: usize, fourier: bool) -> Option<String> {
    let s = match ier {
        0 => return None,
        1 if fourier => "The maximum number of cycles allowed has been achieved., e.e.\n  of \
             subintervals (a+(k-1)c, a+kc) where c = (2*int(abs(omega)+1))\n  \
             *pi/abs(omega), for k = 1, 2, ..., lst.  One can allow more cycles by \
             increasing the value of limlst.  Look at info['ierlst'] with full_output=1."
            .to_string(),
        1 => format!(
            "The maximum number of subdivisions ({limit}) has been achieved.\n  \
             If increasing the limit yields no improvement it is advised to analyze \n  \
             the integrand in order to determine the difficulties.  If the position of a \n  \
             local difficulty can be determined (singularity, discontinuity) one will \n  \
             probably gain from splitting up the interval and calling the integrator \n  \
             on the subranges.  Perhaps a special-purpose integrator should be used."
        ),
        2 => "The occurrence of roundoff error is detected, which prevents \n  \
              the requested tolerance from being achieved.  The error may be \n  \
              underestimated."
            .to_string(),
        3 => "Extremely bad integrand behavior occurs at some points of the\n  \
              integration interval."
            .to_string(),
        4 if fourier => "The extrapolation table constructed for convergence acceleration\n  of \
             the series formed by the integral contributions over the cycles, \n  does \
             not converge to within the requested accuracy.  Look at \n  \
             info['ierlst'] with full_output=1."
            .to_string(),
        4 => "The algorithm does not converge.  Roundoff error is detected\n  \
              in the extrapolation table.  It is assumed that the requested tolerance\n  \
              cannot be achieved, and that the returned result (if full_output = 1) is \n  \
              the best which can be obtained."
            .to_string(),
        5 => "The integral is probably divergent, or slowly convergent.".to_string(),
        7 if fourier => "Bad integrand behavior occurs within one or more of the cycles.\n  \
             Location and type of the difficulty involved can be determined from \n  \
             the vector info['ierlist'] obtained with full_output=1."
            .to_string(),
        7 => "Abnormal termination of the routine.  The estimates for result\n  \
              and error are less reliable.  It is assumed that the requested accuracy\n  \
              has not been achieved."
            .to_string(),
        _ => "Unknown error.".to_string(),
    };
    Some(s)
}

/// Integrates `f` from `a` to `b` (either may be infinite) with QUADPACK,
/// as `scipy.integrate.quad(f, a, b, full_output=1, ...)` does.
///
/// Returns the value, the error estimate and SciPy's `infodict` fields.
/// SciPy's `IntegrationWarning` cases (the subdivision limit, roundoff,
/// divergence) are results with a nonzero `ier` and SciPy's `message`;
/// invalid input (SciPy's `ValueError`: a nonpositive `limit`, tolerances
/// QUADPACK rejects, break points outside the range or with an infinite
/// bound, a weight that cannot be used on the range, NaN limits) is an
/// [`Error::InvalidArgument`].
///
/// ```
/// use sciox::integrate::{quad, QuadOptions};
/// // Gaussian over the real line: sqrt(pi)
/// let r = quad(|x: f64| (-x * x).exp(), f64::NEG_INFINITY, f64::INFINITY, &QuadOptions::default()).unwrap();
/// assert!((r.value - std::f64::consts::PI.sqrt()).abs() < 1e-12);
/// assert_eq!(r.neval, 270); // as SciPy
/// // an endpoint singularity: integral of 1/sqrt(x) over (0, 1) = 2
/// let r = quad(|x: f64| 1.0 / x.sqrt(), 0.0, 1.0, &QuadOptions::default()).unwrap();
/// assert!((r.value - 2.0).abs() < 1e-13 && r.ier == 0);
/// ```
pub fn quad<F: FnMut(f64) -> f64>(mut f: F, a: f64, b: f64, opts: &QuadOptions) -> Result<QuadResult> {
    check_sizes(opts)?;
    let mut ws = Workspace::default();
    quad_with(&mut f, a, b, opts, &mut ws, true)
}

/// Integrates the complex function `f` from `a` to `b`: the real and
/// imaginary parts in two separate [`quad`] runs (SciPy's
/// `quad(..., complex_func=True)`; `f` is evaluated in both runs).
///
/// ```
/// use sciox::integrate::{quad_complex, QuadOptions};
/// use numox::Complex64;
/// // integral of exp(ix) over (0, pi) = 2i
/// let r = quad_complex(|x| Complex64::new(x.cos(), x.sin()), 0.0, std::f64::consts::PI,
///                      &QuadOptions::default()).unwrap();
/// assert!((r.value - Complex64::new(0.0, 2.0)).norm() < 1e-13);
/// ```
pub fn quad_complex<F: FnMut(f64) -> Complex64>(
    mut f: F,
    a: f64,
    b: f64,
    opts: &QuadOptions,
) -> Result<ComplexQuadResult> {
    check_sizes(opts)?;
    let mut ws = Workspace::default();
    let real = quad_with(&mut |x| f(x).re, a, b, opts, &mut ws, true)?;
    let imag = quad_with(&mut |x| f(x).im, a, b, opts, &mut ws, true)?;
    Ok(ComplexQuadResult {
        value: Complex64::new(real.value, imag.value),
        abserr: Complex64::new(real.abserr, imag.abserr),
        real,
        imag,
    })
}

/// The empty result of an empty interval (`a == b`).
fn empty_result() -> QuadResult {
    QuadResult {
        value: 0.0,
        abserr: 0.0,
        neval: 0,
        ier: 0,
        message: None,
        last: 0,
        alist: Vec::new(),
        blist: Vec::new(),
        rlist: Vec::new(),
        elist: Vec::new(),
        iord: Vec::new(),
        extra: QuadExtra::None,
    }
}

/// QUADPACK's work arrays: 6 of `limit` entries, the Chebyshev moments
/// (`25 maxp1`) and qawfe's cycle lists (`4 limlst`). Checks that they can
/// be allocated, so that a huge `limit` is an error rather than an aborted
/// allocation (SciPy raises `MemoryError`).
pub(crate) fn check_sizes(opts: &QuadOptions) -> Result<()> {
    let bytes = opts
        .limit
        .checked_mul(6 * 8)
        .zip(opts.maxp1.checked_mul(25 * 8))
        .zip(opts.limlst.checked_mul(4 * 8))
        .and_then(|((l, m), c)| l.checked_add(m)?.checked_add(c))
        .filter(|&b| b <= isize::MAX as usize);
    let mut probe: Vec<u8> = Vec::new();
    if bytes.is_none_or(|b| probe.try_reserve_exact(b).is_err()) {
        return Err(Error::invalid(
            "quad: `limit`, `maxp1` or `limlst` is too large to allocate the work arrays.",
        ));
    }
    Ok(())
}

/// [`quad`] on a caller-provided workspace; `lists` says whether the
/// interval lists are copied into the result (nested integrals skip it).
pub(crate) fn quad_with<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    opts: &QuadOptions,
    ws: &mut Workspace,
    lists: bool,
) -> Result<QuadResult> {
    if a.is_nan() || b.is_nan() {
        return Err(Error::invalid("quad: the integration limits must not be NaN."));
    }
    if a == b {
        return Ok(empty_result());
    }
    let flip = b < a;
    let (a, b) = if flip { (b, a) } else { (a, b) };
    let limit = opts.limit;
    let (epsabs, epsrel) = (opts.epsabs, opts.epsrel);
    let tol_msg = "If 'epsabs'<=0, 'epsrel' must be greater than both 5e-29 and 50*(machine epsilon).";
    let mut extra = QuadExtra::None;
    let mut fourier = false;
    let outcome: Outcome = match opts.weight {
        None => {
            let infinite = a == f64::NEG_INFINITY || b == f64::INFINITY;
            match &opts.points {
                None => {
                    if limit < 1 {
                        return Err(Error::invalid(
                            "Invalid 'limit' argument. There must be at least one subinterval",
                        ));
                    }
                    let o = if !infinite {
                        quadpack::qagse(f, a, b, epsabs, epsrel, limit, ws)
                    } else if a == f64::NEG_INFINITY && b == f64::INFINITY {
                        quadpack::qagie(f, 0.0, 2, epsabs, epsrel, limit, ws)
                    } else if b == f64::INFINITY {
                        quadpack::qagie(f, a, 1, epsabs, epsrel, limit, ws)
                    } else {
                        quadpack::qagie(f, b, -1, epsabs, epsrel, limit, ws)
                    };
                    if o.ier == 6 {
                        return Err(Error::invalid(tol_msg));
                    }
                    o
                }
                Some(points) => {
                    if infinite {
                        return Err(Error::invalid(
                            "Infinity inputs cannot be used with break points.",
                        ));
                    }
                    if points.iter().any(|p| p.is_nan()) {
                        return Err(Error::invalid("quad: break points must not be NaN."));
                    }
                    // Duplicates and points outside (a, b) are dropped, as SciPy does.
                    let mut the_points: Vec<f64> =
                        points.iter().copied().filter(|&p| a < p && p < b).collect();
                    the_points.sort_by(|x, y| x.total_cmp(y));
                    the_points.dedup();
                    if limit < 1 {
                        return Err(Error::invalid(
                            "Invalid 'limit' argument. There must be at least one subinterval",
                        ));
                    }
                    let (o, ex) = quadpack::qagpe(f, a, b, &the_points, epsabs, epsrel, limit, ws);
                    if o.ier == 6 {
                        if quadpack::tolerances_invalid(epsabs, epsrel) {
                            return Err(Error::invalid(tol_msg));
                        }
                        return Err(Error::invalid(format!(
                            "Number of break points ({}) must be less than subinterval limit ({limit})",
                            points.len()
                        )));
                    }
                    if lists {
                        extra = QuadExtra::Points {
                            pts: ex.pts,
                            level: ws.level[..o.last].to_vec(),
                            ndin: ex.ndin,
                        };
                    }
                    o
                }
            }
        }
        Some(w) => {
            if limit < 1 {
                return Err(Error::invalid(
                    "Invalid 'limit' argument. There must be at least one subinterval",
                ));
            }
            let finite = a.is_finite() && b.is_finite();
            match w {
                Weight::Cos(omega) | Weight::Sin(omega) => {
                    let integr = if matches!(w, Weight::Cos(_)) { 1 } else { 2 };
                    if finite {
                        if opts.maxp1 < 1 {
                            return Err(Error::invalid("Chebyshev moment limit maxp1 must be >=1."));
                        }
                        let mut mom = quadpack::Moments::new(opts.maxp1);
                        let o =
                            quadpack::qawoe(f, a, b, omega, integr, epsabs, epsrel, limit, 1, &mut mom, ws);
                        if o.ier == 6 {
                            return Err(Error::invalid(tol_msg));
                        }
                        if lists {
                            extra = QuadExtra::Oscillatory {
                                nnlog: ws.level[..o.last].to_vec(),
                                momcom: mom.momcom,
                                chebmo: mom.chebmo[..mom.momcom * 25].to_vec(),
                            };
                        }
                        o
                    } else if a == f64::NEG_INFINITY && b == f64::INFINITY {
                        return Err(Error::invalid(
                            "Cannot integrate with this weight from -Inf to +Inf.",
                        ));
                    } else {
                        fourier = true;
                        if epsabs <= 0.0 {
                            return Err(Error::invalid(
                                "Sine or cosine weighted integrals with infinite domain must have 'epsabs'>0.",
                            ));
                        }
                        if opts.limlst < 3 {
                            return Err(Error::invalid("Cycle limit limlst must be >=3."));
                        }
                        if opts.maxp1 < 1 {
                            return Err(Error::invalid("Chebyshev moment limit maxp1 must be >=1."));
                        }
                        let r = if b == f64::INFINITY {
                            quadpack::qawfe(f, a, omega, integr, epsabs, opts.limlst, limit, opts.maxp1, ws)
                        } else {
                            // (-inf, b): substitute x -> -x.
                            let sgn = if integr == 1 { 1.0 } else { -1.0 };
                            let mut g = |x: f64| sgn * f(-x);
                            quadpack::qawfe(
                                &mut g,
                                -b,
                                omega,
                                integr,
                                epsabs,
                                opts.limlst,
                                limit,
                                opts.maxp1,
                                ws,
                            )
                        };
                        if lists {
                            extra = QuadExtra::Fourier {
                                lst: r.lst,
                                rslst: r.rslst[..r.lst].to_vec(),
                                erlst: r.erlst[..r.lst].to_vec(),
                                ierlst: r.ierlst[..r.lst].to_vec(),
                            };
                        }
                        let mut o = r.outcome;
                        o.last = 0;
                        o
                    }
                }
                Weight::Alg(alpha, beta)
                | Weight::AlgLoga(alpha, beta)
                | Weight::AlgLogb(alpha, beta)
                | Weight::AlgLog(alpha, beta) => {
                    if !finite {
                        return Err(Error::invalid(
                            "Cannot integrate with this weight over an infinite interval.",
                        ));
                    }
                    let integr = match w {
                        Weight::Alg(..) => 1,
                        Weight::AlgLoga(..) => 2,
                        Weight::AlgLogb(..) => 3,
                        _ => 4,
                    };
                    let o = quadpack::qawse(f, a, b, alpha, beta, integr, epsabs, epsrel, limit, ws);
                    if o.ier == 6 {
                        if alpha <= -1.0 || beta <= -1.0 || alpha.is_nan() || beta.is_nan() {
                            return Err(Error::invalid(
                                "wvar parameters (alpha, beta) must both be >= -1.",
                            ));
                        }
                        if limit < 2 {
                            return Err(Error::invalid("qawse: 'limit' must be at least 2."));
                        }
                        return Err(Error::invalid(tol_msg));
                    }
                    o
                }
                Weight::Cauchy(c) => {
                    if !finite {
                        return Err(Error::invalid(
                            "Cannot integrate with this weight over an infinite interval.",
                        ));
                    }
                    let o = quadpack::qawce(f, a, b, c, epsabs, epsrel, limit, ws);
                    if o.ier == 6 {
                        if c == a || c == b {
                            return Err(Error::invalid(
                                "Parameter 'wvar' must not equal integration limits 'a' or 'b'.",
                            ));
                        }
                        return Err(Error::invalid(tol_msg));
                    }
                    o
                }
            }
        }
    };
    let last = outcome.last;
    let (alist, blist, rlist, elist, iord) = if lists && !fourier {
        (
            ws.alist[..last].to_vec(),
            ws.blist[..last].to_vec(),
            ws.rlist[..last].to_vec(),
            ws.elist[..last].to_vec(),
            ws.iord[..last].to_vec(),
        )
    } else {
        Default::default()
    };
    Ok(QuadResult {
        value: if flip { -outcome.result } else { outcome.result },
        abserr: outcome.abserr,
        neval: outcome.neval,
        ier: outcome.ier,
        message: message(outcome.ier, limit, fourier),
        last,
        alist,
        blist,
        rlist,
        elist,
        iord,
        extra,
    })
}
