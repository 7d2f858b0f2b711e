//! QUADPACK `dqawse`: `f(x) w(x)` over `(a, b)` with the algebraico-
//! logarithmic end-point weight `w(x) = (x-a)^alfa (b-x)^beta v(x)`,
//! `v = 1, log(x-a), log(b-x), log(x-a) log(b-x)` (`integr = 1..4`).
//! Subintervals touching `a` or `b` use a modified Clenshaw–Curtis rule
//! (`dqc25s`) with the moments of `dqmomo`; the others Gauss–Kronrod.

use super::cheb::{X, qcheb};
use super::gk::qk15w;
use super::qelg::qpsrt;
use super::{EPMACH, Outcome, UFLOW, Workspace, append_halves, tolerances_invalid};

/// Modified Chebyshev moments of the weight (QUADPACK `dqmomo`).
struct Mom {
    ri: [f64; 25],
    rj: [f64; 25],
    rg: [f64; 25],
    rh: [f64; 25],
}

fn qmomo(alfa: f64, beta: f64, integr: i32) -> Mom {
    let mut m = Mom {
        ri: [0.0; 25],
        rj: [0.0; 25],
        rg: [0.0; 25],
        rh: [0.0; 25],
    };
    let alfp1 = alfa + 1.0;
    let betp1 = beta + 1.0;
    let alfp2 = alfa + 2.0;
    let betp2 = beta + 2.0;
    let ralf = 2.0f64.powf(alfp1);
    let rbet = 2.0f64.powf(betp1);
    // ri, rj by forward recurrence.
    m.ri[0] = ralf / alfp1;
    m.rj[0] = rbet / betp1;
    m.ri[1] = m.ri[0] * alfa / alfp2;
    m.rj[1] = m.rj[0] * beta / betp2;
    let mut an = 2.0;
    for i in 2..25 {
        m.ri[i] = -(ralf + an * (an - alfp2) * m.ri[i - 1]) / ((an - 1.0) * (an + alfp1));
        m.rj[i] = -(rbet + an * (an - betp2) * m.rj[i - 1]) / ((an - 1.0) * (an + betp1));
        an += 1.0;
    }
    if integr == 2 || integr == 4 {
        m.rg[0] = -m.ri[0] / alfp1;
        m.rg[1] = -(ralf + ralf) / (alfp2 * alfp2) - m.rg[0];
        let mut an = 2.0;
        for i in 2..25 {
            m.rg[i] = -(an * (an - alfp2) * m.rg[i - 1] - an * m.ri[i - 1] + (an - 1.0) * m.ri[i])
                / ((an - 1.0) * (an + alfp1));
            an += 1.0;
        }
    }
    if integr == 3 || integr == 4 {
        m.rh[0] = -m.rj[0] / betp1;
        m.rh[1] = -(rbet + rbet) / (betp2 * betp2) - m.rh[0];
        let mut an = 2.0;
        for i in 2..25 {
            m.rh[i] = -(an * (an - betp2) * m.rh[i - 1] - an * m.rj[i - 1] + (an - 1.0) * m.rj[i])
                / ((an - 1.0) * (an + betp1));
            an += 1.0;
        }
        for i in (1..25).step_by(2) {
            m.rh[i] = -m.rh[i];
        }
    }
    for i in (1..25).step_by(2) {
        m.rj[i] = -m.rj[i];
    }
    m
}

/// `sum_k cheb12[k] mom[k]` and `sum_k cheb24[k] mom[k]`.
fn dot(cheb12: &[f64; 13], cheb24: &[f64; 25], mom: &[f64; 25]) -> (f64, f64) {
    let mut res12 = 0.0;
    for i in 0..13 {
        res12 += cheb12[i] * mom[i];
    }
    let mut res24 = 0.0;
    for i in 0..25 {
        res24 += cheb24[i] * mom[i];
    }
    (res12, res24)
}

/// Output of qc25s: integral, error, resasc, evaluations.
struct Qc25s {
    result: f64,
    abserr: f64,
    resasc: f64,
    nev: usize,
}

/// `f w` over `(bl, br)`, a part of `(a, b)` (QUADPACK `dqc25s`).
#[allow(clippy::too_many_arguments)]
fn qc25s<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    bl: f64,
    br: f64,
    alfa: f64,
    beta: f64,
    mom: &Mom,
    integr: i32,
) -> Qc25s {
    let finish = |res12: f64, res24: f64, dc: Option<(f64, f64, f64)>, factor: f64| -> (f64, f64) {
        // `dc` = (log(br - bl), res12', res24') of the log moments, if used.
        let (mut result, mut abserr) = (0.0, 0.0);
        let (r12, r24) = match dc {
            None => (res12, res24),
            Some((dc, g12, g24)) => {
                result = res24 * dc;
                abserr = ((res24 - res12) * dc).abs();
                (g12, g24)
            }
        };
        ((result + r24) * factor, (abserr + (r24 - r12).abs()) * factor)
    };
    if bl == a && (alfa != 0.0 || integr == 2 || integr == 4) {
        // Expansion of f1 = (0.5 (b + b - br - a) - 0.5 (br - a) x)^beta f(...)
        let hlgth = 0.5 * (br - bl);
        let centr = 0.5 * (br + bl);
        let fix = b - centr;
        let mut fval = [0.0; 25];
        fval[0] = 0.5 * f(centr + hlgth) * (fix - hlgth).powf(beta);
        fval[12] = f(centr) * fix.powf(beta);
        fval[24] = 0.5 * f(centr - hlgth) * (fix + hlgth).powf(beta);
        for i in 1..12 {
            let u = hlgth * X[i - 1];
            fval[i] = f(centr + u) * (fix - u).powf(beta);
            fval[24 - i] = f(centr - u) * (fix + u).powf(beta);
        }
        let factor = hlgth.powf(alfa + 1.0);
        let (result, abserr) = if integr <= 2 {
            let mut fv = fval;
            let (c12, c24) = qcheb(&mut fv);
            let (r12, r24) = dot(&c12, &c24, &mom.ri);
            if integr == 1 {
                finish(r12, r24, None, factor)
            } else {
                let (g12, g24) = dot(&c12, &c24, &mom.rg);
                finish(r12, r24, Some(((br - bl).ln(), g12, g24)), factor)
            }
        } else {
            // f4 = f1 log(0.5 (b + b - br - a) - 0.5 (br - a) x)
            fval[0] *= (fix - hlgth).ln();
            fval[12] *= fix.ln();
            fval[24] *= (fix + hlgth).ln();
            for i in 1..12 {
                let u = hlgth * X[i - 1];
                fval[i] *= (fix - u).ln();
                fval[24 - i] *= (fix + u).ln();
            }
            let (c12, c24) = qcheb(&mut fval);
            let (r12, r24) = dot(&c12, &c24, &mom.ri);
            if integr == 3 {
                finish(r12, r24, None, factor)
            } else {
                let (g12, g24) = dot(&c12, &c24, &mom.rg);
                finish(r12, r24, Some(((br - bl).ln(), g12, g24)), factor)
            }
        };
        return Qc25s {
            result,
            abserr,
            resasc: 0.0,
            nev: 25,
        };
    }
    if br == b && (beta != 0.0 || integr == 3 || integr == 4) {
        // Expansion of f2 = (0.5 (b + bl - a - a) + 0.5 (b - bl) x)^alfa f(...)
        let hlgth = 0.5 * (b - bl);
        let centr = 0.5 * (br + bl);
        let fix = centr - a;
        let mut fval = [0.0; 25];
        fval[0] = 0.5 * f(centr + hlgth) * (fix + hlgth).powf(alfa);
        fval[12] = f(centr) * fix.powf(alfa);
        fval[24] = 0.5 * f(centr - hlgth) * (fix - hlgth).powf(alfa);
        for i in 1..12 {
            let u = hlgth * X[i - 1];
            fval[i] = f(centr + u) * (fix + u).powf(alfa);
            fval[24 - i] = f(centr - u) * (fix - u).powf(alfa);
        }
        let factor = hlgth.powf(beta + 1.0);
        let (result, abserr) = if integr != 2 && integr != 4 {
            let mut fv = fval;
            let (c12, c24) = qcheb(&mut fv);
            let (r12, r24) = dot(&c12, &c24, &mom.rj);
            if integr == 1 {
                finish(r12, r24, None, factor)
            } else {
                let (h12, h24) = dot(&c12, &c24, &mom.rh);
                finish(r12, r24, Some(((br - bl).ln(), h12, h24)), factor)
            }
        } else {
            // f3 = f2 log(0.5 (b - bl) x + 0.5 (b + bl - a - a))
            fval[0] *= (hlgth + fix).ln();
            fval[12] *= fix.ln();
            fval[24] *= (fix - hlgth).ln();
            for i in 1..12 {
                let u = hlgth * X[i - 1];
                fval[i] *= (fix + u).ln();
                fval[24 - i] *= (fix - u).ln();
            }
            let (c12, c24) = qcheb(&mut fval);
            let (r12, r24) = dot(&c12, &c24, &mom.rj);
            if integr == 2 {
                finish(r12, r24, None, factor)
            } else {
                let (h12, h24) = dot(&c12, &c24, &mom.rh);
                finish(r12, r24, Some(((br - bl).ln(), h12, h24)), factor)
            }
        };
        return Qc25s {
            result,
            abserr,
            resasc: 0.0,
            nev: 25,
        };
    }
    // Away from the singular end points: the 15-point Gauss–Kronrod rule.
    let w = |x: f64| {
        let xma = x - a;
        let bmx = b - x;
        let ret = xma.powf(alfa) * bmx.powf(beta);
        match integr {
            2 => ret * xma.ln(),
            3 => ret * bmx.ln(),
            4 => ret * xma.ln() * bmx.ln(),
            _ => ret,
        }
    };
    let r = qk15w(f, w, bl, br);
    Qc25s {
        result: r.result,
        abserr: r.abserr,
        resasc: r.resasc,
        nev: 15,
    }
}

/// `f(x) (x-a)^alfa (b-x)^beta v(x)` over `(a, b)`, `a < b`, `alfa, beta >
/// -1`, `limit >= 2` (QUADPACK `dqawse`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn qawse<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    alfa: f64,
    beta: f64,
    integr: i32,
    epsabs: f64,
    epsrel: f64,
    limit: usize,
    ws: &mut Workspace,
) -> Outcome {
    ws.reset(limit.max(2));
    let mut out = Outcome {
        ier: 6,
        ..Default::default()
    };
    // SciPy's translation tests `epsabs == 0` here (QUADPACK: `<= 0`).
    if b <= a
        || (epsabs == 0.0 && tolerances_invalid(epsabs, epsrel))
        || alfa <= -1.0
        || beta <= -1.0
        || !(1..=4).contains(&integr)
        || limit < 2
    {
        return out;
    }
    let mut ier = 0;
    let mom = qmomo(alfa, beta, integr);

    // Integrate over (a, (a+b)/2) and ((a+b)/2, b).
    let centre = 0.5 * (b + a);
    let r1 = qc25s(f, a, b, a, centre, alfa, beta, &mom, integr);
    let mut neval = r1.nev;
    let r2 = qc25s(f, a, b, centre, b, alfa, beta, &mom, integr);
    let mut last = 2;
    neval += r2.nev;
    let (area1, error1) = (r1.result, r1.abserr);
    let (area2, error2) = (r2.result, r2.abserr);
    let result = area1 + area2;
    let abserr = error1 + error2;
    let mut errbnd = epsabs.max(epsrel * result.abs());
    if !(error2 > error1) {
        ws.alist[0] = a;
        ws.alist[1] = centre;
        ws.blist[0] = centre;
        ws.blist[1] = b;
        ws.rlist[0] = area1;
        ws.rlist[1] = area2;
        ws.elist[0] = error1;
        ws.elist[1] = error2;
    } else {
        ws.alist[0] = centre;
        ws.alist[1] = a;
        ws.blist[0] = b;
        ws.blist[1] = centre;
        ws.rlist[0] = area2;
        ws.rlist[1] = area1;
        ws.elist[0] = error2;
        ws.elist[1] = error1;
    }
    ws.iord[0] = 0;
    ws.iord[1] = 1;
    if limit == 2 {
        ier = 1;
    }
    if abserr <= errbnd || ier == 1 {
        out = Outcome {
            result,
            abserr,
            neval,
            ier,
            last,
        };
        return out;
    }
    let mut errmax = ws.elist[0];
    let mut maxerr = 0usize;
    let mut nrmax = 0usize;
    let mut area = result;
    let mut errsum = abserr;
    let mut iroff1 = 0;
    let mut iroff2 = 0;
    let mut l = 2;
    while l < limit {
        last = l + 1;
        // Bisect the subinterval with the largest error estimate.
        let a1 = ws.alist[maxerr];
        let b1 = 0.5 * (ws.alist[maxerr] + ws.blist[maxerr]);
        let a2 = b1;
        let b2 = ws.blist[maxerr];
        let r1 = qc25s(f, a, b, a1, b1, alfa, beta, &mom, integr);
        neval += r1.nev;
        let r2 = qc25s(f, a, b, a2, b2, alfa, beta, &mom, integr);
        neval += r2.nev;
        let (area1, error1, resas1) = (r1.result, r1.abserr, r1.resasc);
        let (area2, error2, resas2) = (r2.result, r2.abserr, r2.resasc);
        let area12 = area1 + area2;
        let error12 = error1 + error2;
        errsum = errsum + error12 - errmax;
        area = area + area12 - ws.rlist[maxerr];
        if !(a == a1 || b == b2) && resas1 != error1 && resas2 != error2 {
            // Test for roundoff error.
            if (ws.rlist[maxerr] - area12).abs() < 1.0e-5 * area12.abs() && error12 >= 0.99 * errmax {
                iroff1 += 1;
            }
            if l > 9 && error12 > errmax {
                iroff2 += 1;
            }
        }
        ws.rlist[maxerr] = area1;
        ws.rlist[l] = area2;
        errbnd = epsabs.max(epsrel * area.abs());
        if !(errsum <= errbnd) {
            if last == limit {
                ier = 1;
            }
            if iroff1 >= 6 || iroff2 >= 20 {
                ier = 2;
            }
            if a1.abs().max(b2.abs()) <= (1.0 + 100.0 * EPMACH) * (a2.abs() + 1.0e3 * UFLOW) {
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
    let result = ws.rlist[..last].iter().sum();
    Outcome {
        result,
        abserr: errsum,
        neval,
        ier,
        last,
    }
}
