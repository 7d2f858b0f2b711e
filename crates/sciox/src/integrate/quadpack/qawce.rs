//! QUADPACK `dqawce`: the Cauchy principal value of `f(x) / (x - c)` over
//! `(a, b)`; subintervals containing `c` (or close to it) use a modified
//! Clenshaw–Curtis rule (`dqc25c`), the others 15-point Gauss–Kronrod.

use super::cheb::{qcheb, sample};
use super::gk::qk15w;
use super::qelg::qpsrt;
use super::{EPMACH, Outcome, UFLOW, Workspace, append_halves, tolerances_invalid};

/// `f(x) / (x - c)` over `(a, b)` (QUADPACK `dqc25c`). Returns (result,
/// abserr, neval); `krul` is decreased when Gauss–Kronrod is used and its
/// error estimate is reliable.
fn qc25c<F: FnMut(f64) -> f64>(f: &mut F, a: f64, b: f64, c: f64, krul: &mut i32) -> (f64, f64, usize) {
    let cc = (2.0 * c - b - a) / (b - a);
    if cc.abs() >= 1.1 {
        *krul -= 1;
        let r = qk15w(f, |x| 1.0 / (x - c), a, b);
        if r.resasc == r.abserr {
            *krul += 1;
        }
        return (r.result, r.abserr, 15);
    }
    // The generalized Clenshaw–Curtis method.
    let hlgth = 0.5 * (b - a);
    let centr = 0.5 * (b + a);
    let mut fval = sample(f, centr, hlgth);
    let (cheb12, cheb24) = qcheb(&mut fval);
    // Modified Chebyshev moments by forward recursion.
    let mut amom0 = ((1.0 - cc) / (1.0 + cc)).abs().ln();
    let mut amom1 = 2.0 + cc * amom0;
    let mut res12 = cheb12[0] * amom0 + cheb12[1] * amom1;
    let mut res24 = cheb24[0] * amom0 + cheb24[1] * amom1;
    for k in 2..25 {
        let mut amom2 = 2.0 * cc * amom1 - amom0;
        let ak22 = ((k - 1) * (k - 1)) as f64;
        if k % 2 == 1 {
            amom2 -= 4.0 / (ak22 - 1.0);
        }
        if k < 13 {
            res12 += cheb12[k] * amom2;
        }
        res24 += cheb24[k] * amom2;
        amom0 = amom1;
        amom1 = amom2;
    }
    (res24, (res24 - res12).abs(), 25)
}

/// The principal value of `f(x) / (x - c)` over `(a, b)`, `c != a, b`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn qawce<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    c: f64,
    epsabs: f64,
    epsrel: f64,
    limit: usize,
    ws: &mut Workspace,
) -> Outcome {
    ws.reset(limit.max(1));
    ws.alist[0] = a;
    ws.blist[0] = b;
    let mut out = Outcome {
        ier: 6,
        ..Default::default()
    };
    if c == a || c == b || tolerances_invalid(epsabs, epsrel) {
        return out;
    }
    let mut ier = 0;
    let (aa, bb) = if a > b { (b, a) } else { (a, b) };
    let mut krule = 1;
    let (mut result, abserr, mut neval) = qc25c(f, aa, bb, c, &mut krule);
    let mut last = 1;
    ws.rlist[0] = result;
    ws.elist[0] = abserr;
    ws.iord[0] = 0;
    ws.alist[0] = a;
    ws.blist[0] = b;
    let mut errbnd = epsabs.max(epsrel * result.abs());
    if limit == 1 {
        ier = 1;
    }
    if abserr < (0.01 * result.abs()).min(errbnd) || ier == 1 {
        if aa == b {
            result = -result;
        }
        out = Outcome {
            result,
            abserr,
            neval,
            ier,
            last,
        };
        return out;
    }
    ws.alist[0] = aa;
    ws.blist[0] = bb;
    ws.rlist[0] = result;
    let mut errmax = abserr;
    let mut maxerr = 0usize;
    let mut area = result;
    let mut errsum = abserr;
    let mut nrmax = 0usize;
    let mut iroff1 = 0;
    let mut iroff2 = 0;
    let mut l = 1;
    while l < limit {
        last = l + 1;
        // Bisect the subinterval with the largest error, avoiding c as an end point.
        let a1 = ws.alist[maxerr];
        let mut b1 = 0.5 * (ws.alist[maxerr] + ws.blist[maxerr]);
        let b2 = ws.blist[maxerr];
        if c <= b1 && c > a1 {
            b1 = 0.5 * (c + b2);
        }
        if c > b1 && c < b2 {
            b1 = 0.5 * (a1 + c);
        }
        let a2 = b1;
        krule = 2;
        let (area1, error1, nev) = qc25c(f, a1, b1, c, &mut krule);
        neval += nev;
        let (area2, error2, nev) = qc25c(f, a2, b2, c, &mut krule);
        neval += nev;
        let area12 = area1 + area2;
        let error12 = error1 + error2;
        errsum = errsum + error12 - errmax;
        area = area + area12 - ws.rlist[maxerr];
        if (ws.rlist[maxerr] - area12).abs() < 1.0e-5 * area12.abs() && error12 >= 0.99 * errmax && krule == 0
        {
            iroff1 += 1;
        }
        if l > 9 && error12 > errmax && krule == 0 {
            iroff2 += 1;
        }
        ws.rlist[maxerr] = area1;
        ws.rlist[l] = area2;
        errbnd = epsabs.max(epsrel * area.abs());
        if !(errsum <= errbnd) {
            if iroff1 >= 6 && iroff2 > 20 {
                ier = 2;
            }
            if last == limit {
                ier = 1;
            }
            if a1.abs().max(b2.abs()) <= (1.0 + 100.0 * EPMACH) * (a2.abs() + 1000.0 * UFLOW) {
                ier = 3;
            }
        }
        append_halves(ws, maxerr, l, a1, b1, a2, b2, area1, area2, error1, error2);
        qpsrt(
            limit,
            last,
            &mut maxerr,
            &mut errmax,
            &ws.elist,
            &mut ws.iord,
            &mut nrmax,
        );
        if ier != 0 || errsum <= errbnd {
            break;
        }
        l += 1;
    }
    result = ws.rlist[..last].iter().sum();
    if aa == b {
        result = -result;
    }
    Outcome {
        result,
        abserr: errsum,
        neval,
        ier,
        last,
    }
}
