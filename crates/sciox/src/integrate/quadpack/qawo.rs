//! QUADPACK `dqawoe` (oscillatory weights `cos(wx)`, `sin(wx)` on a finite
//! range, modified Clenshaw–Curtis on intervals that hold many periods,
//! Gauss–Kronrod otherwise), its rule `dqc25f`, and `dqawfe` (Fourier
//! integrals over `(a, inf)`, integrated cycle by cycle with epsilon
//! extrapolation of the partial sums).

use super::cheb::{qcheb, sample};
use super::gk::qk15w;
use super::qagie::qagie;
use super::qelg::{EpsTable, qpsrt};
use super::{EPMACH, OFLOW, Outcome, UFLOW, Workspace, append_halves, tolerances_invalid};

/// The modified Chebyshev moments of the cosine and sine weights, for
/// interval lengths `|b - a| 2^-l`, `l < momcom` (QUADPACK's `chebmo`,
/// stored as `maxp1` rows of 25 moments: `mom[l * 25 + k]`).
#[derive(Clone, Debug)]
pub(crate) struct Moments {
    pub maxp1: usize,
    pub momcom: usize,
    pub chebmo: Vec<f64>,
}

impl Moments {
    pub(crate) fn new(maxp1: usize) -> Self {
        Moments {
            maxp1,
            momcom: 0,
            chebmo: vec![0.0; maxp1.max(1) * 25],
        }
    }

    #[inline]
    fn get(&self, m: usize, k: usize) -> f64 {
        self.chebmo[m * 25 + k]
    }

    #[inline]
    fn set(&mut self, m: usize, k: usize, v: f64) {
        self.chebmo[m * 25 + k] = v;
    }
}

/// Solves QUADPACK's tridiagonal moment system by Gaussian elimination
/// with partial pivoting (LAPACK `dgtsv`): `d1[1..]` sub-diagonal, `d`
/// diagonal, `d2` super-diagonal, right-hand side `v[off..off + noequ + 1]`.
fn gtsv(
    noequ: usize,
    d1: &mut [f64; 25],
    d: &mut [f64; 25],
    d2: &mut [f64; 25],
    v: &mut [f64; 28],
    off: usize,
) {
    for i in 0..noequ - 1 {
        if d[i].abs() >= d1[i + 1].abs() {
            let fact = d1[i + 1] / d[i];
            d[i + 1] -= fact * d2[i];
            v[off + i + 1] -= fact * v[off + i];
            d1[i + 1] = 0.0;
        } else {
            let fact = d[i] / d1[i + 1];
            d[i] = d1[i + 1];
            let temp = d[i + 1];
            d[i + 1] = d2[i] - fact * temp;
            if i != noequ - 1 {
                d1[i + 1] = d2[i + 1];
                d2[i + 1] = -fact * d1[i + 1];
            }
            d2[i] = temp;
            let temp = v[off + i];
            v[off + i] = v[off + i + 1];
            v[off + i + 1] = temp - fact * v[off + i + 1];
        }
    }
    v[off + noequ] /= d[noequ];
    v[off + noequ - 1] = (v[off + noequ - 1] - d2[noequ - 1] * v[off + noequ]) / d[noequ - 1];
    for i in (0..noequ - 1).rev() {
        v[off + i] = (v[off + i] - d2[i] * v[off + i + 1] - d1[i + 1] * v[off + i + 2]) / d[i];
    }
}

/// Computes the moments of slot `m` for `parint = omega * hlgth`.
fn compute_moments(mom: &mut Moments, m: usize, parint: f64) {
    let par2 = parint * parint;
    let par22 = par2 + 2.0;
    let sinpar = parint.sin();
    let cospar = parint.cos();
    let mut v = [0.0f64; 28];
    let mut d = [0.0f64; 25];
    let mut d1 = [0.0f64; 25];
    let mut d2 = [0.0f64; 25];
    const NOEQU: usize = 24;

    // Moments with respect to cosine.
    v[0] = 2.0 * sinpar / parint;
    v[1] = (8.0 * cospar + (par2 + par2 - 8.0) * sinpar / parint) / par2;
    v[2] = (32.0 * (par2 - 12.0) * cospar + (2.0 * ((par2 - 80.0) * par2 + 192.0) * sinpar) / parint)
        / (par2 * par2);
    let ac = 8.0 * cospar;
    let as_ = 24.0 * parint * sinpar;
    if parint.abs() <= 24.0 {
        // A boundary value problem with one initial value (v[2]) and one
        // end value from an asymptotic formula.
        let mut an = 6.0;
        for k in 0..NOEQU {
            let an2 = an * an;
            d[k] = -2.0 * (an2 - 4.0) * (par22 - an2 - an2);
            d2[k] = (an - 1.0) * (an - 2.0) * par2;
            d1[k + 1] = (an + 3.0) * (an + 4.0) * par2;
            v[k + 3] = as_ - (an2 - 4.0) * ac;
            an += 2.0;
        }
        let an2 = an * an;
        d[NOEQU] = -2.0 * (an2 - 4.0) * (par22 - an2 - an2);
        v[NOEQU + 3] = as_ - (an2 - 4.0) * ac;
        v[3] -= 56.0 * par2 * v[2];
        let ass = parint * sinpar;
        let asap = (((((210.0 * par2 - 1.0) * cospar - (105.0 * par2 - 63.0) * ass) / an2
            - (1.0 - 15.0 * par2) * cospar
            + 15.0 * ass)
            / an2
            - cospar
            + 3.0 * ass)
            / an2
            - cospar)
            / an2;
        v[NOEQU + 3] -= 2.0 * asap * par2 * (an - 1.0) * (an - 2.0);
        gtsv(NOEQU, &mut d1, &mut d, &mut d2, &mut v, 3);
    } else {
        // Forward recursion.
        let mut an = 4.0;
        for i in 3..13 {
            let an2 = an * an;
            v[i] = ((an2 - 4.0) * (2.0 * (par22 - an2 - an2) * v[i - 1] - ac) + as_
                - par2 * (an + 1.0) * (an + 2.0) * v[i - 2])
                / (par2 * (an - 1.0) * (an - 2.0));
            an += 2.0;
        }
    }
    for j in 0..13 {
        mom.set(m, 2 * j, v[j]);
    }

    // Moments with respect to sine.
    v[0] = 2.0 * (sinpar - parint * cospar) / par2;
    v[1] = (18.0 - 48.0 / par2) * sinpar / par2 + (-2.0 + 48.0 / par2) * cospar / parint;
    let ac = -24.0 * parint * cospar;
    let as_ = -8.0 * sinpar;
    if parint.abs() <= 24.0 {
        let mut an = 5.0;
        for k in 0..NOEQU {
            let an2 = an * an;
            d[k] = -2.0 * (an2 - 4.0) * (par22 - an2 - an2);
            d2[k] = (an - 1.0) * (an - 2.0) * par2;
            d1[k + 1] = (an + 3.0) * (an + 4.0) * par2;
            v[k + 2] = ac + (an2 - 4.0) * as_;
            an += 2.0;
        }
        let an2 = an * an;
        d[NOEQU] = -2.0 * (an2 - 4.0) * (par22 - an2 - an2);
        v[NOEQU + 2] = ac + (an2 - 4.0) * as_;
        v[2] -= 42.0 * par2 * v[1];
        let ass = parint * cospar;
        let asap = (((((105.0 * par2 - 63.0) * ass + (210.0 * par2 - 1.0) * sinpar) / an2
            + (15.0 * par2 - 1.0) * sinpar
            - 15.0 * ass)
            / an2
            - 3.0 * ass
            - sinpar)
            / an2
            - sinpar)
            / an2;
        v[NOEQU + 2] -= 2.0 * asap * par2 * (an - 1.0) * (an - 2.0);
        gtsv(NOEQU, &mut d1, &mut d, &mut d2, &mut v, 2);
    } else {
        let mut an = 3.0;
        for i in 2..12 {
            let an2 = an * an;
            v[i] = ((an2 - 4.0) * (2.0 * (par22 - an2 - an2) * v[i - 1] + as_) + ac
                - par2 * (an + 1.0) * (an + 2.0) * v[i - 2])
                / (par2 * (an - 1.0) * (an - 2.0));
            an += 2.0;
        }
    }
    for j in 0..12 {
        mom.set(m, 2 * j + 1, v[j]);
    }
}

/// Output of the qc25f rule.
struct Qc25f {
    result: f64,
    abserr: f64,
    neval: usize,
    resabs: f64,
    resasc: f64,
}

/// `f(x) cos(omega x)` (`integr = 1`) or `f(x) sin(omega x)` (2) over
/// `(a, b)` (QUADPACK `dqc25f`): the 15-point Gauss–Kronrod rule when the
/// interval holds few periods, else the 24-degree modified Clenshaw–Curtis
/// rule with moments for the interval length `|b - a| = L 2^-nrmom`.
#[allow(clippy::too_many_arguments)]
fn qc25f<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    omega: f64,
    integr: i32,
    nrmom: usize,
    ksave: bool,
    mom: &mut Moments,
) -> Qc25f {
    let centr = 0.5 * (b + a);
    let hlgth = 0.5 * (b - a);
    let parint = omega * hlgth;
    if parint.abs() <= 2.0 {
        let r = if integr == 1 {
            qk15w(f, |x| (omega * x).cos(), a, b)
        } else {
            qk15w(f, |x| (omega * x).sin(), a, b)
        };
        return Qc25f {
            result: r.result,
            abserr: r.abserr,
            neval: 15,
            resabs: r.resabs,
            resasc: r.resasc,
        };
    }
    let conc = hlgth * (centr * omega).cos();
    let cons = hlgth * (centr * omega).sin();
    let resasc = OFLOW;
    // SciPy's translation starts from slot 0 when the moments are neither
    // computed nor reused below (only reachable once momcom = maxp1 - 1).
    let mut m = 0;
    if nrmom >= mom.momcom && !ksave {
        m = mom.momcom;
        compute_moments(mom, m, parint);
    }
    if nrmom < mom.momcom {
        m = nrmom;
    }
    if mom.momcom + 1 < mom.maxp1 && nrmom >= mom.momcom {
        mom.momcom += 1;
    }

    // Chebyshev expansions of degrees 12 and 24 of f.
    let mut fval = sample(f, centr, hlgth);
    let (cheb12, cheb24) = qcheb(&mut fval);
    let mut resc12 = cheb12[12] * mom.get(m, 12);
    let mut ress12 = 0.0;
    for k in (0..=10).rev().step_by(2) {
        resc12 += cheb12[k] * mom.get(m, k);
        ress12 += cheb12[k + 1] * mom.get(m, k + 1);
    }
    let mut resc24 = cheb24[24] * mom.get(m, 24);
    let mut ress24 = 0.0;
    let mut resabs = cheb24[24].abs();
    for k in (0..=22).rev().step_by(2) {
        resc24 += cheb24[k] * mom.get(m, k);
        ress24 += cheb24[k + 1] * mom.get(m, k + 1);
        resabs = resabs + cheb24[k].abs() + cheb24[k + 1].abs();
    }
    let estc = (resc24 - resc12).abs();
    let ests = (ress24 - ress12).abs();
    resabs *= hlgth.abs();
    let (result, abserr) = if integr != 2 {
        (
            conc * resc24 - cons * ress24,
            (conc * estc).abs() + (cons * ests).abs(),
        )
    } else {
        (
            conc * ress24 + cons * resc24,
            (conc * ests).abs() + (cons * estc).abs(),
        )
    };
    Qc25f {
        result,
        abserr,
        neval: 25,
        resabs,
        resasc,
    }
}

/// `f(x) cos(omega x)` or `f(x) sin(omega x)` over `(a, b)` (QUADPACK
/// `dqawoe`). `icall > 1` reuses the moments in `mom` (same `|b - a|`).
/// `ws.level` receives QUADPACK's `nnlog`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn qawoe<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    b: f64,
    omega: f64,
    integr: i32,
    epsabs: f64,
    epsrel: f64,
    limit: usize,
    icall: usize,
    mom: &mut Moments,
    ws: &mut Workspace,
) -> Outcome {
    ws.reset(limit.max(1));
    ws.alist[0] = a;
    ws.blist[0] = b;
    let mut out = Outcome {
        ier: 6,
        ..Default::default()
    };
    if (integr != 1 && integr != 2) || tolerances_invalid(epsabs, epsrel) || icall < 1 || mom.maxp1 < 1 {
        return out;
    }
    let mut ier = 0;
    let negate = integr == 2 && omega < 0.0;

    let domega = omega.abs();
    if icall < 2 {
        mom.momcom = 0;
    }
    let first = qc25f(f, a, b, domega, integr, 0, false, mom);
    let mut result = first.result;
    let mut abserr = first.abserr;
    let mut neval = first.neval;
    let defabs = first.resabs;
    let resabs = first.resasc;
    let dres = result.abs();
    let mut errbnd = epsabs.max(epsrel * dres);
    ws.rlist[0] = result;
    ws.elist[0] = abserr;
    ws.iord[0] = 0;
    if abserr <= 100.0 * EPMACH * defabs && abserr > errbnd {
        ier = 2;
    }
    if limit == 1 {
        ier = 1;
    }
    let _ = resabs;
    if ier != 0 || abserr <= errbnd {
        out = Outcome {
            result: if negate { -result } else { result },
            abserr,
            neval,
            ier,
            last: 0,
        };
        return out;
    }

    let mut errmax = abserr;
    let mut maxerr = 0usize;
    let mut area = result;
    let mut errsum = abserr;
    abserr = OFLOW;
    let mut nrmax = 0usize;
    let mut extrap = false;
    let mut noext = false;
    let mut ierror = 0;
    let mut iroff1 = 0;
    let mut iroff2 = 0;
    let mut iroff3 = 0;
    let mut ktmin = 0;
    let mut small = (b - a).abs() * 0.75;
    let mut numrl2: isize = -1;
    let mut extall = false;
    let mut correc = 0.0;
    let mut erlarg = 0.0;
    let mut ertest = 0.0;
    let mut eps = EpsTable::new();
    if 0.5 * (b - a).abs() * domega <= 2.0 {
        numrl2 = 0;
        extall = true;
        eps.tab[0] = result;
    } else if 0.25 * (b - a).abs() * domega <= 2.0 {
        extall = true;
    }
    let ksgn = if dres >= (1.0 - 50.0 * EPMACH) * defabs {
        1
    } else {
        -1
    };

    let mut last = 1;
    let mut sum_all = false;
    let mut l = 1;
    // Control-flow labels of QUADPACK's loop body, entered after the
    // bookkeeping of each bisection.
    #[derive(PartialEq)]
    enum Next {
        Continue,
        L50,
        L70,
        L90,
        L120,
        L130,
    }
    while l < limit {
        last = l + 1;
        let nrmom = ws.level[maxerr] + 1;
        let a1 = ws.alist[maxerr];
        let b1 = 0.5 * (ws.alist[maxerr] + ws.blist[maxerr]);
        let a2 = b1;
        let b2 = ws.blist[maxerr];
        let erlast = errmax;
        let r1 = qc25f(f, a1, b1, domega, integr, nrmom, false, mom);
        neval += r1.neval;
        let r2 = qc25f(f, a2, b2, domega, integr, nrmom, true, mom);
        neval += r2.neval;
        let (area1, error1, defab1) = (r1.result, r1.abserr, r1.resasc);
        let (area2, error2, defab2) = (r2.result, r2.abserr, r2.resasc);
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
        ws.level[maxerr] = nrmom;
        ws.level[l] = nrmom;
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
        // SciPy's translation uses 1000 eps here (QUADPACK: 1000 uflow).
        if a1.abs().max(b2.abs()) <= (1.0 + 100.0 * EPMACH) * (a2.abs() + 1.0e3 * EPMACH) {
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
        let mut next = if l == 1 && extall {
            Next::L120
        } else if noext {
            Next::Continue
        } else if !extall {
            Next::L50
        } else {
            erlarg -= erlast;
            if (b1 - a1).abs() > small {
                erlarg += error12;
            }
            if extrap { Next::L70 } else { Next::L50 }
        };
        if next == Next::L50 {
            // Is the interval to be bisected next the smallest one?
            let width = (ws.blist[maxerr] - ws.alist[maxerr]).abs();
            if width > small {
                next = Next::Continue;
            } else if !extall {
                // Start extrapolating once the next interval is integrated
                // by the Gauss–Kronrod rule (see qc25f).
                small *= 0.5;
                if 0.25 * width * domega > 2.0 {
                    next = Next::Continue;
                } else {
                    extall = true;
                    next = Next::L130;
                }
            } else {
                extrap = true;
                nrmax = 1;
                next = Next::L70;
            }
        }
        if next == Next::L70 {
            next = Next::L90;
            if !(ierror == 3 || erlarg <= ertest) {
                let jupbnd = if last > limit / 2 + 2 { limit + 2 - last } else { l };
                for _ in nrmax..=jupbnd {
                    maxerr = ws.iord[nrmax];
                    errmax = ws.elist[maxerr];
                    if (ws.blist[maxerr] - ws.alist[maxerr]).abs() > small {
                        next = Next::Continue;
                        break;
                    }
                    nrmax += 1;
                }
            }
        }
        if next == Next::L90 {
            // Perform extrapolation.
            numrl2 += 1;
            eps.tab[numrl2 as usize] = area;
            let mut stop = false;
            if numrl2 >= 2 {
                let mut n = numrl2 as usize;
                let (reseps, abseps) = eps.extrapolate(&mut n);
                numrl2 = n as isize;
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
                if numrl2 == 0 {
                    noext = true;
                }
                if ier == 5 {
                    stop = true;
                }
            }
            if stop {
                break;
            }
            maxerr = ws.iord[0];
            errmax = ws.elist[maxerr];
            nrmax = 0;
            extrap = false;
            small *= 0.5;
            erlarg = errsum;
            next = Next::Continue;
        }
        if next == Next::L120 {
            small *= 0.5;
            numrl2 += 1;
            eps.tab[numrl2 as usize] = area;
            next = Next::L130;
        }
        if next == Next::L130 {
            ertest = errbnd;
            erlarg = errsum;
        }
        l += 1;
    }

    let mut goto190 = false;
    if !sum_all {
        if abserr == OFLOW || eps.nres() == 0 {
            sum_all = true;
        } else {
            let mut test_divergence = true;
            if ier + ierror != 0 {
                if ierror == 3 {
                    abserr += correc;
                }
                if ier == 0 {
                    ier = 3;
                }
                if result != 0.0 && area != 0.0 {
                    if abserr / result.abs() > errsum / area.abs() {
                        sum_all = true;
                        test_divergence = false;
                    }
                } else if abserr > errsum {
                    sum_all = true;
                    test_divergence = false;
                } else if area == 0.0 {
                    test_divergence = false;
                    goto190 = true;
                }
            }
            if test_divergence {
                if !(ksgn == -1 && result.abs().max(area.abs()) <= defabs * 0.01)
                    && (0.01 > result / area || result / area > 100.0 || errsum >= area.abs())
                {
                    ier = 6;
                }
                goto190 = true;
            }
        }
    }
    let _ = goto190;
    if sum_all {
        result = ws.rlist[..last].iter().sum();
        abserr = errsum;
    }
    if ier > 2 {
        ier -= 1;
    }
    Outcome {
        result: if negate { -result } else { result },
        abserr,
        neval,
        ier,
        last,
    }
}

/// qawfe's per-cycle results.
#[derive(Clone, Debug, Default)]
pub(crate) struct QawfOut {
    pub outcome: Outcome,
    /// Number of cycles used.
    pub lst: usize,
    /// Integral contribution of each cycle.
    pub rslst: Vec<f64>,
    /// Error estimate of each cycle.
    pub erlst: Vec<f64>,
    /// qawoe's ier on each cycle.
    pub ierlst: Vec<i32>,
}

/// The Fourier integral of `f` with `cos(omega x)` (1) or `sin(omega x)`
/// (2) over `(a, inf)` (QUADPACK `dqawfe`), to the absolute accuracy
/// `epsabs > 0`, with at most `limlst >= 3` cycles.
#[allow(clippy::too_many_arguments)]
pub(crate) fn qawfe<F: FnMut(f64) -> f64>(
    f: &mut F,
    a: f64,
    omega: f64,
    integr: i32,
    epsabs: f64,
    limlst: usize,
    limit: usize,
    maxp1: usize,
    ws: &mut Workspace,
) -> QawfOut {
    let mut res = QawfOut {
        outcome: Outcome {
            ier: 6,
            ..Default::default()
        },
        rslst: vec![0.0; limlst],
        erlst: vec![0.0; limlst],
        ierlst: vec![0; limlst],
        lst: 0,
    };
    if (integr != 1 && integr != 2) || epsabs <= 0.0 || limlst < 3 {
        return res;
    }
    if omega == 0.0 {
        // QUADPACK (and SciPy) integrate f over (0, inf) here, whatever `a` is.
        let o = if integr == 1 {
            qagie(f, 0.0, 1, epsabs, 0.0, limit, ws)
        } else {
            Outcome::default()
        };
        res.rslst[0] = o.result;
        res.erlst[0] = o.abserr;
        res.ierlst[0] = o.ier;
        res.lst = 1;
        res.outcome = o;
        return res;
    }
    const P: f64 = 0.9;
    let l = omega.abs() as i64;
    let dl = (2 * l) as f64 + 1.0;
    let cycle = dl * std::f64::consts::PI / omega.abs();
    let mut ier = 0;
    let mut ktmin = 0;
    let mut neval = 0;
    let mut numrl2: isize = -1;
    let mut c1 = a;
    let mut c2 = cycle + a;
    let p1 = 1.0 - P;
    let mut eps = if epsabs > UFLOW / p1 { epsabs * p1 } else { epsabs };
    let ep = eps;
    let mut fact = 1.0;
    let mut correc: f64 = 0.0;
    let mut abserr = 0.0;
    let mut result = 0.0;
    let mut errsum = 0.0;
    let mut ll: usize = 0;
    let mut drl = 0.0;
    let mut psum = EpsTable::new();
    let mut mom = Moments::new(maxp1);
    // Where the loop left: 60 = set the final result, 80 = take the partial sum.
    let mut label = 60;
    for iter in 0..limlst {
        res.lst = iter + 1;
        let epsa = eps * fact;
        let o = qawoe(f, c1, c2, omega, integr, epsa, 0.0, limit, res.lst, &mut mom, ws);
        res.rslst[iter] = o.result;
        res.erlst[iter] = o.abserr;
        res.ierlst[iter] = o.ier;
        neval += o.neval;
        fact *= P;
        errsum += res.erlst[iter];
        drl = 50.0 * res.rslst[iter].abs();
        // Test on accuracy with the partial sum.
        if errsum + drl <= epsabs && iter >= 5 {
            label = 80;
            break;
        }
        correc = correc.max(res.erlst[iter]);
        if res.ierlst[iter] != 0 {
            eps = ep.max(correc * p1);
            ier = 7;
        }
        if ier == 7 && errsum + drl <= correc * 10.0 && iter > 4 {
            label = 80;
            break;
        }
        numrl2 += 1;
        let mut advance = true;
        if iter == 0 {
            psum.tab[0] = res.rslst[0];
        } else {
            psum.tab[numrl2 as usize] = psum.tab[ll] + res.rslst[iter];
            if iter != 1 {
                if res.lst == limlst {
                    ier = 1;
                }
                let mut n = numrl2 as usize;
                let (reseps, abseps) = psum.extrapolate(&mut n);
                numrl2 = n as isize;
                ktmin += 1;
                if ktmin >= 15 && abserr <= 0.001 * (errsum + drl) {
                    ier = 4;
                }
                let mut skip_to_30 = abseps > abserr && iter != 2;
                if !skip_to_30 {
                    abserr = abseps;
                    result = reseps;
                    ktmin = 0;
                    if abserr + 10.0 * correc <= epsabs || (abserr <= epsabs && 10.0 * correc >= epsabs) {
                        advance = false;
                        skip_to_30 = false;
                        label = 60;
                    } else {
                        skip_to_30 = true;
                    }
                }
                if advance && skip_to_30 && ier != 0 && ier != 7 {
                    advance = false;
                    label = 60;
                }
            }
        }
        if !advance {
            break;
        }
        ll = numrl2 as usize;
        c1 = c2;
        c2 += cycle;
    }
    let last_psum = psum.tab[numrl2.max(0) as usize];
    if label == 60 {
        abserr += 10.0 * correc;
        if ier != 0 {
            let mut take_sum = false;
            let mut done = false;
            if !(result != 0.0 && last_psum != 0.0) {
                if abserr > errsum {
                    take_sum = true;
                } else if last_psum == 0.0 {
                    done = true;
                }
            }
            if !take_sum && !done {
                if abserr / result.abs() > (errsum + drl) / last_psum.abs() {
                    take_sum = true;
                } else if ier >= 1 && ier != 7 {
                    abserr += drl;
                }
            }
            if take_sum {
                label = 80;
            }
        }
    }
    if label == 80 {
        result = last_psum;
        abserr = errsum + drl;
    }
    res.outcome = Outcome {
        result,
        abserr,
        neval,
        ier,
        last: 0,
    };
    res
}
