//! QUADPACK `dqagse`: globally adaptive bisection on a finite interval
//! with the 21-point Gauss–Kronrod rule and Wynn epsilon extrapolation
//! (de Doncker, 1978). Handles endpoint singularities well.

use super::gk::qk21;
use super::qelg::{EpsTable, qpsrt};
use super::{EPMACH, OFLOW, Outcome, UFLOW, Workspace, append_halves, tolerances_invalid};

/// Integrates `f` over `(a, b)` (`a` may exceed `b`) to
/// `max(epsabs, epsrel |I|)`, with at most `limit >= 1` subintervals.
/// On return `ws` holds the `last` subintervals.
pub(crate) fn qagse<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    epsabs: f64,
    epsrel: f64,
    limit: usize,
    ws: &mut Workspace,
) -> Outcome {
    ws.reset(limit);
    ws.alist[0] = a;
    ws.blist[0] = b;
    let mut out = Outcome::default();
    if tolerances_invalid(epsabs, epsrel) {
        out.ier = 6;
        return out;
    }
    let mut ier = 0;
    let mut ierror = 0;
    let mut correc = 0.0;
    let mut erlarg = 0.0;
    let mut ertest = 0.0;
    let mut small = 0.0;

    // First approximation to the integral.
    let first = qk21(f, a, b);
    let mut result = first.result;
    let mut abserr = first.abserr;
    let defabs = first.resabs;
    let resabs = first.resasc;
    let dres = result.abs();
    let mut errbnd = epsabs.max(epsrel * dres);
    let mut last = 1;
    ws.rlist[0] = result;
    ws.elist[0] = abserr;
    ws.iord[0] = 0;
    if abserr <= 100.0 * EPMACH * defabs && abserr > errbnd {
        ier = 2;
    }
    if limit == 1 {
        ier = 1;
    }
    if ier != 0 || (abserr <= errbnd && abserr != resabs) || abserr == 0.0 {
        out.result = result;
        out.abserr = abserr;
        out.ier = ier;
        out.last = last;
        out.neval = 42 * last - 21;
        return out;
    }

    // Initialization.
    let mut eps = EpsTable::new();
    eps.tab[0] = result;
    let mut errmax = abserr;
    let mut maxerr = 0usize;
    let mut area = result;
    let mut errsum = abserr;
    abserr = OFLOW;
    let mut nrmax = 0usize;
    let mut numrl2 = 1usize;
    let mut ktmin = 0;
    let mut extrap = false;
    let mut noext = false;
    let mut iroff1 = 0;
    let mut iroff2 = 0;
    let mut iroff3 = 0;
    let ksgn = if dres >= (1.0 - 50.0 * EPMACH) * defabs {
        1
    } else {
        -1
    };

    // `sum_all` says the final result is the sum over the subintervals
    // (QUADPACK's label 115) rather than the extrapolated value.
    let mut sum_all = false;
    let mut l = 1;
    while l < limit {
        last = l + 1;
        // Bisect the subinterval with the nrmax-th largest error estimate.
        let a1 = ws.alist[maxerr];
        let b1 = 0.5 * (ws.alist[maxerr] + ws.blist[maxerr]);
        let a2 = b1;
        let b2 = ws.blist[maxerr];
        let erlast = errmax;
        let r1 = qk21(f, a1, b1);
        let r2 = qk21(f, a2, b2);
        let (area1, error1, defab1) = (r1.result, r1.abserr, r1.resasc);
        let (area2, error2, defab2) = (r2.result, r2.abserr, r2.resasc);

        // Improve previous approximations to integral and error.
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
        ws.rlist[maxerr] = area1;
        ws.rlist[l] = area2;
        errbnd = epsabs.max(epsrel * area.abs());

        // Roundoff, limit and bad-integrand flags.
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
        if l == 1 {
            small = (b - a).abs() * 0.375;
            erlarg = errsum;
            ertest = errbnd;
            eps.tab[1] = area;
            l += 1;
            continue;
        }
        if noext {
            l += 1;
            continue;
        }
        erlarg -= erlast;
        if (b1 - a1).abs() > small {
            erlarg += error12;
        }
        if !extrap {
            // Is the interval to be bisected next the smallest one?
            if (ws.blist[maxerr] - ws.alist[maxerr]).abs() > small {
                l += 1;
                continue;
            }
            extrap = true;
            nrmax = 1;
        }
        if !(ierror == 3 || erlarg <= ertest) {
            // The smallest interval has the largest error: before bisecting,
            // decrease the sum of the errors over the larger intervals.
            let jupbnd = if last > 2 + limit / 2 { limit + 2 - last } else { l };
            let mut large_found = false;
            for _ in nrmax..=jupbnd {
                maxerr = ws.iord[nrmax];
                errmax = ws.elist[maxerr];
                if (ws.blist[maxerr] - ws.alist[maxerr]).abs() > small {
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
            if abserr <= ertest {
                break;
            }
        }
        // Prepare bisection of the smallest interval.
        if numrl2 == 0 {
            noext = true;
        }
        if ier == 5 {
            break;
        }
        maxerr = ws.iord[0];
        errmax = ws.elist[maxerr];
        nrmax = 0;
        extrap = false;
        small *= 0.5;
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
            defabs,
        );
    }
    if sum_all {
        result = ws.rlist[..last].iter().sum();
        abserr = errsum;
    }
    if ier > 2 {
        ier -= 1;
    }
    Outcome {
        result,
        abserr,
        neval: 42 * last - 21,
        ier,
        last,
    }
}

/// QUADPACK's "set final result and error estimate" block shared by the
/// extrapolating routines (labels 100-110 of qagse/qagie/qagpe): decides
/// between the extrapolated result and the plain sum over the subintervals
/// (returns `true` for the sum) and tests for divergence (ier = 6, which
/// becomes 5 after the caller's `ier - 1`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn finalize(
    result: &mut f64,
    abserr: &mut f64,
    ier: &mut i32,
    ierror: i32,
    correc: f64,
    area: f64,
    errsum: f64,
    ksgn: i32,
    defabs: f64,
) -> bool {
    if *abserr == OFLOW {
        return true;
    }
    if *ier + ierror != 0 {
        if ierror == 3 {
            *abserr += correc;
        }
        if *ier == 0 {
            *ier = 3;
        }
        if *result != 0.0 && area != 0.0 {
            if *abserr / result.abs() > errsum / area.abs() {
                return true;
            }
        } else if *abserr > errsum {
            return true;
        } else if area == 0.0 {
            return false;
        }
    }
    // Test on divergence.
    if ksgn == -1 && result.abs().max(area.abs()) <= defabs * 0.01 {
        return false;
    }
    if 0.01 > *result / area || *result / area > 100.0 || errsum > area.abs() {
        *ier = 6;
    }
    false
}
