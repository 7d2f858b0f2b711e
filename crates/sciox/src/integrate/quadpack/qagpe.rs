//! QUADPACK `dqagpe`: qagse's strategy on a range split at user-given
//! break points (singularities, discontinuities), bisecting by level.

use super::gk::qk21;
use super::qagse::finalize;
use super::qelg::{EpsTable, qpsrt};
use super::{EPMACH, OFLOW, Outcome, UFLOW, Workspace, append_halves, tolerances_invalid};

/// qagpe's extra outputs: the sorted break points with the limits
/// (`pts`) and the flags of the initial intervals whose error estimate
/// was raised to put their subdivision forward (`ndin`).
#[derive(Clone, Debug, Default)]
pub(crate) struct QagpExtra {
    pub pts: Vec<f64>,
    pub ndin: Vec<usize>,
}

/// Integrates `f` over `(a, b)` with the interior break points `points`
/// (any order; they must lie within the range, else ier = 6).
pub(crate) fn qagpe<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    points: &[f64],
    epsabs: f64,
    epsrel: f64,
    limit: usize,
    ws: &mut Workspace,
) -> (Outcome, QagpExtra) {
    ws.reset(limit.max(1));
    ws.alist[0] = a;
    ws.blist[0] = b;
    let npts = points.len();
    let npts2 = npts + 2;
    let mut out = Outcome {
        ier: 6,
        ..Default::default()
    };
    let mut extra = QagpExtra::default();
    if limit <= npts || tolerances_invalid(epsabs, epsrel) {
        return (out, extra);
    }
    let mut ier = 0;

    // Sort the break points into an ascending sequence.
    let sign = if a > b { -1.0 } else { 1.0 };
    let lo = a.min(b);
    let hi = a.max(b);
    let mut pts = Vec::with_capacity(npts2);
    pts.push(lo);
    pts.extend_from_slice(points);
    pts.push(hi);
    let nint = npts + 1;
    let mut a1 = pts[0];
    if npts != 0 {
        for i in 0..nint {
            for j in i + 1..=nint {
                if pts[i] > pts[j] {
                    pts.swap(i, j);
                }
            }
        }
        if pts[0] != lo || pts[nint] != hi {
            extra.pts = pts;
            return (out, extra);
        }
    }

    // First integral and error approximations.
    let mut result = 0.0;
    let mut abserr = 0.0;
    let mut resabs = 0.0;
    let mut ndin = vec![0usize; npts2];
    for i in 0..nint {
        let b1 = pts[i + 1];
        let r = qk21(f, a1, b1);
        abserr += r.abserr;
        result += r.result;
        if r.abserr == r.resasc && r.abserr != 0.0 {
            ndin[i] = 1;
        }
        resabs += r.resabs;
        ws.level[i] = 0;
        ws.elist[i] = r.abserr;
        ws.alist[i] = a1;
        ws.blist[i] = b1;
        ws.rlist[i] = r.result;
        ws.iord[i] = i;
        a1 = b1;
    }
    let mut errsum = 0.0;
    for i in 0..nint {
        if ndin[i] == 1 {
            ws.elist[i] = abserr;
        }
        errsum += ws.elist[i];
    }
    let mut last = nint;
    let mut neval = 21 * nint;
    let dres = result.abs();
    let mut errbnd = epsabs.max(epsrel * dres);
    if abserr <= 100.0 * EPMACH * resabs && abserr > errbnd {
        ier = 2;
    }
    if nint != 1 {
        // Order the initial intervals by decreasing error.
        let mut k = 0;
        for i in 0..npts {
            let mut ind1 = ws.iord[i];
            for j in i + 1..nint {
                let ind2 = ws.iord[j];
                if ws.elist[ind1] > ws.elist[ind2] {
                    continue;
                }
                ind1 = ind2;
                k = j;
            }
            if ind1 == ws.iord[i] {
                continue;
            }
            ws.iord[k] = ws.iord[i];
            ws.iord[i] = ind1;
        }
        if limit < npts2 {
            ier = 1;
        }
    }
    extra.pts = pts;
    extra.ndin = ndin;
    if ier != 0 || abserr <= errbnd {
        if ier > 2 {
            ier -= 1;
        }
        out = Outcome {
            result: result * sign,
            abserr,
            neval,
            ier,
            last,
        };
        return (out, extra);
    }

    let mut eps = EpsTable::new();
    eps.tab[0] = result;
    let mut maxerr = ws.iord[0];
    let mut errmax = ws.elist[maxerr];
    let mut area = result;
    let mut nrmax = 0usize;
    let mut numrl2 = 0usize;
    let mut ktmin = 0;
    let mut extrap = false;
    let mut noext = false;
    let mut erlarg = errsum;
    let mut ertest = errbnd;
    let mut levmax = 1;
    let mut iroff1 = 0;
    let mut iroff2 = 0;
    let mut iroff3 = 0;
    let mut ierror = 0;
    let mut correc = 0.0;
    abserr = OFLOW;
    let ksgn = if dres >= (1.0 - 50.0 * EPMACH) * resabs {
        1
    } else {
        -1
    };

    let mut sum_all = false;
    let mut l = npts2 - 1;
    while l < limit {
        last = l + 1;
        let levcur = ws.level[maxerr] + 1;
        let a1 = ws.alist[maxerr];
        let b1 = 0.5 * (ws.alist[maxerr] + ws.blist[maxerr]);
        let a2 = b1;
        let b2 = ws.blist[maxerr];
        let erlast = errmax;
        let r1 = qk21(f, a1, b1);
        let r2 = qk21(f, a2, b2);
        let (area1, error1, defab1) = (r1.result, r1.abserr, r1.resasc);
        let (area2, error2, defab2) = (r2.result, r2.abserr, r2.resasc);
        neval += 42;
        let area12 = area1 + area2;
        let error12 = error1 + error2;
        errsum = errsum + error12 - errmax;
        area = area + area12 - ws.rlist[maxerr];
        if defab1 != error1 && defab2 != error2 {
            if !((ws.rlist[maxerr] - area12).abs() > 1.0e-5 * area12.abs() || error12 < 0.99 * errmax) {
                if extrap {
                    iroff2 += 1;
                } else {
                    iroff1 += 1;
                }
            }
            if l > 9 && error12 > errmax {
                iroff3 += 1;
            }
        }
        ws.level[maxerr] = levcur;
        ws.level[l] = levcur;
        ws.rlist[maxerr] = area1;
        ws.rlist[l] = area2;
        errbnd = epsabs.max(epsrel * area.abs());
        if iroff1 + iroff2 >= 10 || iroff3 >= 20 {
            ier = 2;
        }
        if iroff2 >= 5 {
            ierror = 3;
        }
        if last == limit {
            ier = 1;
        }
        if a1.abs().max(b2.abs()) <= (1.0 + 100.0 * EPMACH) * (a2.abs() + 1000.0 * UFLOW) {
            ier = 4;
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

        if errsum <= errbnd {
            sum_all = true;
            break;
        }
        if ier != 0 {
            break;
        }
        if noext {
            l += 1;
            continue;
        }
        erlarg -= erlast;
        if levcur + 1 <= levmax {
            erlarg += error12;
        }
        if !extrap {
            if ws.level[maxerr] + 1 <= levmax {
                l += 1;
                continue;
            }
            extrap = true;
            nrmax = 1;
        }
        if ierror != 3 && !(erlarg <= ertest) {
            let jupbnd = if last > 2 + limit / 2 { limit + 2 - last } else { l };
            let mut large_found = false;
            for _ in nrmax..=jupbnd {
                maxerr = ws.iord[nrmax];
                errmax = ws.elist[maxerr];
                if ws.level[maxerr] + 1 <= levmax {
                    large_found = true;
                    break;
                }
                nrmax += 1;
            }
            if large_found {
                l += 1;
                continue;
            }
        }
        // Perform extrapolation.
        numrl2 += 1;
        eps.tab[numrl2] = area;
        if numrl2 > 1 {
            let (reseps, abseps) = eps.extrapolate(&mut numrl2);
            ktmin += 1;
            if ktmin > 5 && abserr < 1.0e-3 * errsum {
                ier = 5;
            }
            if abseps < abserr {
                ktmin = 0;
                abserr = abseps;
                result = reseps;
                correc = erlarg;
                ertest = epsabs.max(epsrel * reseps.abs());
                if abserr < ertest {
                    break;
                }
            }
            if numrl2 == 0 {
                noext = true;
            }
            if ier >= 5 {
                break;
            }
        }
        maxerr = ws.iord[0];
        errmax = ws.elist[maxerr];
        nrmax = 0;
        extrap = false;
        levmax += 1;
        erlarg = errsum;
        l += 1;
    }

    if !sum_all {
        sum_all = finalize(
            &mut result,
            &mut abserr,
            &mut ier,
            ierror,
            correc,
            area,
            errsum,
            ksgn,
            resabs,
        );
    }
    if sum_all {
        result = ws.rlist[..last].iter().sum();
        abserr = errsum;
    }
    if ier > 2 {
        ier -= 1;
    }
    out = Outcome {
        result: result * sign,
        abserr,
        neval,
        ier,
        last,
    };
    (out, extra)
}
