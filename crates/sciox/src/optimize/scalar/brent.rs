//! `scipy.optimize.brent` and `bracket`: Brent's parabolic-interpolation
//! minimiser and the downhill bracket search (ports of SciPy's `Brent`
//! class and `bracket` in `_optimize.py`).

use crate::optimize::{ScalarOptimizeResult, py_float};
use crate::{Error, Result};

/// A starting interval of [`brent`] and [`golden`](super::golden)
/// (SciPy's `brack`).
///
/// ```
/// use sciox::optimize::Bracket;
/// let b = Bracket::Two(0.0, 1.0); // SciPy's default start of `bracket`
/// assert_eq!(b, Bracket::default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bracket {
    /// Two starting points for the downhill search [`bracket`].
    Two(f64, f64),
    /// A bracketing triple `xa < xb < xc` (either order) with
    /// `f(xb) < f(xa)` and `f(xb) < f(xc)`.
    Three(f64, f64, f64),
}

impl Default for Bracket {
    fn default() -> Self {
        Bracket::Two(0.0, 1.0)
    }
}

/// A bracket of a minimum found by [`bracket`]: `f(xb)` is below
/// `f(xa)` and `f(xc)`, and `xb` lies between `xa` and `xc`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BracketResult {
    /// One end.
    pub xa: f64,
    /// The middle point.
    pub xb: f64,
    /// The other end.
    pub xc: f64,
    /// `f(xa)`.
    pub fa: f64,
    /// `f(xb)`.
    pub fb: f64,
    /// `f(xc)`.
    pub fc: f64,
    /// Function evaluations used.
    pub funcalls: usize,
}

/// Why [`bracket`] failed: SciPy's message and the last triple.
pub(crate) struct BracketFail {
    pub msg: &'static str,
    pub data: Option<BracketResult>,
}

const NO_VALID: &str =
    "The algorithm terminated without finding a valid bracket. Consider trying different initial points.";
const ITER_LIMIT: &str = "No valid bracket was found before the iteration limit was reached. Consider trying different initial points or increasing `maxiter`.";

pub(crate) fn bracket_impl<F: FnMut(f64) -> f64>(
    f: &mut F,
    xa: f64,
    xb: f64,
    grow_limit: f64,
    maxiter: usize,
) -> std::result::Result<BracketResult, BracketFail> {
    const GOLD: f64 = 1.618034;
    const VERYSMALL: f64 = 1e-21;
    let (mut xa, mut xb) = (xa, xb);
    let mut fa = f(xa);
    let mut fb = f(xb);
    if fa < fb {
        std::mem::swap(&mut xa, &mut xb);
        std::mem::swap(&mut fa, &mut fb);
    }
    let mut xc = xb + GOLD * (xb - xa);
    let mut fc = f(xc);
    let mut funcalls = 3;
    let mut iter = 0;
    while fc < fb {
        let tmp1 = (xb - xa) * (fb - fc);
        let tmp2 = (xb - xc) * (fb - fa);
        let val = tmp2 - tmp1;
        let denom = if val.abs() < VERYSMALL {
            2.0 * VERYSMALL
        } else {
            2.0 * val
        };
        let mut w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
        let wlim = xb + grow_limit * (xc - xb);
        if iter > maxiter {
            return Err(BracketFail {
                msg: ITER_LIMIT,
                data: None,
            });
        }
        iter += 1;
        let mut fw;
        if (w - xc) * (xb - w) > 0.0 {
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                xa = xb;
                xb = w;
                fa = fb;
                fb = fw;
                break;
            } else if fw > fb {
                xc = w;
                fc = fw;
                break;
            }
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (wlim - xc) >= 0.0 {
            w = wlim;
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (xc - w) > 0.0 {
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                xb = xc;
                xc = w;
                w = xc + GOLD * (xc - xb);
                fb = fc;
                fc = fw;
                fw = f(w);
                funcalls += 1;
            }
        } else {
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        }
        xa = xb;
        xb = xc;
        xc = w;
        fa = fb;
        fb = fc;
        fc = fw;
    }
    let r = BracketResult {
        xa,
        xb,
        xc,
        fa,
        fb,
        fc,
        funcalls,
    };
    let cond1 = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
    let cond2 = (xa < xb && xb < xc) || (xc < xb && xb < xa);
    let cond3 = xa.is_finite() && xb.is_finite() && xc.is_finite();
    if !(cond1 && cond2 && cond3) {
        return Err(BracketFail {
            msg: NO_VALID,
            data: Some(r),
        });
    }
    Ok(r)
}

/// Searches downhill from `xa`, `xb` for three points that bracket a
/// minimum of `f` (SciPy's `bracket`; its defaults are `xa = 0`, `xb = 1`,
/// `grow_limit = 110`, `maxiter = 1000`).
///
/// Errors (SciPy's `BracketError`/`RuntimeError`): no valid bracket
/// found, or the iteration limit reached.
///
/// ```
/// use sciox::optimize::bracket;
/// let b = bracket(|x| (x - 3.0) * (x - 3.0), 0.0, 1.0, 110.0, 1000).unwrap();
/// assert!(b.xa < 3.0 && 3.0 < b.xc && b.fb < b.fa && b.fb < b.fc);
/// assert!(bracket(|x| x, 0.0, 1.0, 110.0, 1000).is_err());
/// ```
pub fn bracket<F: FnMut(f64) -> f64>(
    mut f: F,
    xa: f64,
    xb: f64,
    grow_limit: f64,
    maxiter: usize,
) -> Result<BracketResult> {
    bracket_impl(&mut f, xa, xb, grow_limit, maxiter).map_err(|e| Error::invalid(e.msg))
}

/// The bracket of a scalar minimiser: SciPy's `get_bracket_info`.
pub(crate) enum Start {
    Ok(BracketResult),
    Fail(BracketFail),
}

pub(crate) fn start<F: FnMut(f64) -> f64>(f: &mut F, brack: Bracket) -> Result<Start> {
    match brack {
        Bracket::Two(a, b) => match bracket_impl(f, a, b, 110.0, 1000) {
            Ok(r) => Ok(Start::Ok(r)),
            // SciPy raises RuntimeError here (not a BracketError it recovers from)
            Err(BracketFail { msg, data: None }) => Err(Error::invalid(msg)),
            Err(e) => Ok(Start::Fail(e)),
        },
        Bracket::Three(xa, xb, xc) => {
            let (xa, xc) = if xa > xc { (xc, xa) } else { (xa, xc) };
            if !(xa < xb && xb < xc) {
                return Err(Error::invalid(
                    "Bracketing values (xa, xb, xc) do not fulfill this requirement: (xa < xb) and (xb < xc)",
                ));
            }
            let (fa, fb, fc) = (f(xa), f(xb), f(xc));
            if !(fb < fa && fb < fc) {
                return Err(Error::invalid(
                    "Bracketing values (xa, xb, xc) do not fulfill this requirement: (f(xb) < f(xa)) and (f(xb) < f(xc))",
                ));
            }
            Ok(Start::Ok(BracketResult {
                xa,
                xb,
                xc,
                fa,
                fb,
                fc,
                funcalls: 3,
            }))
        }
    }
}

/// SciPy's `_recover_from_bracket_error`: a failed bracket search becomes
/// an unsuccessful result at the best point seen.
pub(crate) fn bracket_failure(e: BracketFail) -> ScalarOptimizeResult {
    let (x, fun, nfev) = match e.data {
        Some(d) => {
            let xs = [d.xa, d.xb, d.xc];
            let fs = [d.fa, d.fb, d.fc];
            if xs.iter().chain(fs.iter()).any(|v| v.is_nan()) {
                (f64::NAN, f64::NAN, d.funcalls)
            } else {
                let mut i = 0;
                for k in 1..3 {
                    if fs[k] < fs[i] {
                        i = k;
                    }
                }
                (xs[i], fs[i], d.funcalls)
            }
        }
        None => (f64::NAN, f64::NAN, 0),
    };
    ScalarOptimizeResult {
        x,
        fun,
        nit: 0,
        nfev,
        status: 1,
        success: false,
        message: e.msg.to_string(),
    }
}

pub(crate) fn tol_message(xtol: f64) -> String {
    format!(
        "\nOptimization terminated successfully;\nThe returned value satisfies the termination criteria\n(using xtol = {} )",
        py_float(xtol)
    )
}

pub(crate) fn finish(
    x: f64,
    fun: f64,
    nit: usize,
    nfev: usize,
    maxiter: usize,
    xtol: f64,
) -> ScalarOptimizeResult {
    let nan = x.is_nan() || fun.is_nan();
    let success = nit < maxiter && !nan;
    let message = if success {
        tol_message(xtol)
    } else if nan {
        "NaN result encountered.".to_string()
    } else {
        "\nMaximum number of iterations exceeded".to_string()
    };
    ScalarOptimizeResult {
        x,
        fun,
        nit,
        nfev,
        status: if success { 0 } else { 1 },
        success,
        message,
    }
}

/// Minimises `f` by Brent's method (SciPy's `minimize_scalar(method='brent')`;
/// defaults `tol = 1.48e-8`, `maxiter = 500`), starting from `brack`
/// (bracketed with [`bracket`] when it has two points).
///
/// A failed bracket search is an unsuccessful result (as SciPy's
/// `minimize_scalar`); a bad three-point bracket or `tol < 0` is an error.
///
/// ```
/// use sciox::optimize::{brent, Bracket};
/// let r = brent(|x| (x - 1.0) * (x - 1.0) + 0.5, Bracket::default(), 1.48e-8, 500).unwrap();
/// assert!((r.x - 1.0).abs() < 1e-7);
/// assert_eq!(r.fun, 0.5);
/// ```
pub fn brent<F: FnMut(f64) -> f64>(
    mut f: F,
    brack: Bracket,
    tol: f64,
    maxiter: usize,
) -> Result<ScalarOptimizeResult> {
    if tol < 0.0 {
        return Err(Error::invalid(format!(
            "tolerance should be >= 0, got {}",
            py_float(tol)
        )));
    }
    let b = match start(&mut f, brack)? {
        Start::Ok(b) => b,
        Start::Fail(e) => return Ok(bracket_failure(e)),
    };
    const MINTOL: f64 = 1e-11;
    const CG: f64 = 0.381966;
    let BracketResult {
        xa,
        xb,
        xc,
        fb,
        mut funcalls,
        ..
    } = b;
    let (mut x, mut w, mut v) = (xb, xb, xb);
    let (mut fw, mut fv, mut fx) = (fb, fb, fb);
    let (mut a, mut bb) = if xa < xc { (xa, xc) } else { (xc, xa) };
    let mut deltax: f64 = 0.0;
    let mut rat: f64 = 0.0;
    let mut iter = 0;
    while iter < maxiter {
        let tol1 = tol * x.abs() + MINTOL;
        let tol2 = 2.0 * tol1;
        let xmid = 0.5 * (a + bb);
        if (x - xmid).abs() < tol2 - 0.5 * (bb - a) {
            break;
        }
        if deltax.abs() <= tol1 {
            deltax = if x >= xmid { a - x } else { bb - x };
            rat = CG * deltax;
        } else {
            let tmp1 = (x - w) * (fx - fv);
            let mut tmp2 = (x - v) * (fx - fw);
            let mut p = (x - v) * tmp2 - (x - w) * tmp1;
            tmp2 = 2.0 * (tmp2 - tmp1);
            if tmp2 > 0.0 {
                p = -p;
            }
            tmp2 = tmp2.abs();
            let dx_temp = deltax;
            deltax = rat;
            if p > tmp2 * (a - x) && p < tmp2 * (bb - x) && p.abs() < (0.5 * tmp2 * dx_temp).abs() {
                rat = p * 1.0 / tmp2;
                let u = x + rat;
                if u - a < tol2 || bb - u < tol2 {
                    rat = if xmid - x >= 0.0 { tol1 } else { -tol1 };
                }
            } else {
                deltax = if x >= xmid { a - x } else { bb - x };
                rat = CG * deltax;
            }
        }
        let u = if rat.abs() < tol1 {
            if rat >= 0.0 { x + tol1 } else { x - tol1 }
        } else {
            x + rat
        };
        let fu = f(u);
        funcalls += 1;
        if fu > fx {
            if u < x {
                a = u;
            } else {
                bb = u;
            }
            if fu <= fw || w == x {
                v = w;
                w = u;
                fv = fw;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        } else {
            if u >= x {
                a = x;
            } else {
                bb = x;
            }
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        }
        iter += 1;
    }
    Ok(finish(x, fx, iter, funcalls, maxiter, tol))
}
