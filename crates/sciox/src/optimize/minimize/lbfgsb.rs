//! `minimize(method='L-BFGS-B')`: limited-memory BFGS with bounds
//! (L-BFGS-B 3.0 of Zhu, Byrd, Lu, Nocedal and Morales, following SciPy's
//! C translation: generalized Cauchy point, direct primal subspace
//! minimisation with the 2011 projection, MINPACK-2 line search).
//!
//! Matrices are column-major as in the Fortran original: `ws`, `wy` are
//! n×m (column `p` holds the s- or y-vector at ring position `p`), `sy`,
//! `ss`, `wt` are m×m, `wn`, `snd` are 2m×2m.

// index loops kept as in the Fortran original, so the port reads side by side
#![allow(clippy::needless_range_loop)]

use super::function::ScalarFunction;
use super::line_search::{Dcsrch, Task};
use super::{Callback, MinimizeOptions};
use crate::optimize::OptimizeResult;

const EPSMCH: f64 = f64::EPSILON;

/// LAPACK `dpotrf` ('U'): Cholesky `A = U'U` of the leading `n`×`n` block
/// at `a[off..]` with leading dimension `lda`; `Err` if not positive definite.
fn potrf(a: &mut [f64], off: usize, lda: usize, n: usize) -> Result<(), ()> {
    for j in 0..n {
        let mut ajj = a[off + j + lda * j];
        for k in 0..j {
            let v = a[off + k + lda * j];
            ajj -= v * v;
        }
        if ajj <= 0.0 || ajj.is_nan() {
            return Err(());
        }
        let ajj = ajj.sqrt();
        a[off + j + lda * j] = ajj;
        for i in j + 1..n {
            let mut s = a[off + j + lda * i];
            for k in 0..j {
                s -= a[off + k + lda * j] * a[off + k + lda * i];
            }
            a[off + j + lda * i] = s / ajj;
        }
    }
    Ok(())
}

/// LAPACK `dtrtrs` ('U', 'N'/'T', 'N') for one right-hand side `b`
/// (stride 1): solves `U x = b` (`trans == false`) or `U' x = b`.
fn trtrs(a: &[f64], lda: usize, n: usize, trans: bool, b: &mut [f64]) -> Result<(), ()> {
    if (0..n).any(|i| a[i + lda * i] == 0.0) {
        return Err(());
    }
    if trans {
        for i in 0..n {
            let mut s = b[i];
            for k in 0..i {
                s -= a[k + lda * i] * b[k];
            }
            b[i] = s / a[i + lda * i];
        }
    } else {
        for i in (0..n).rev() {
            let mut s = b[i];
            for k in i + 1..n {
                s -= a[i + lda * k] * b[k];
            }
            b[i] = s / a[i + lda * i];
        }
    }
    Ok(())
}

/// BLAS `dnrm2` (a plain square root of the sum of squares).
fn nrm2(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// BLAS `ddot` (OpenBLAS's rounding for short vectors, see `line_search::dot`).
fn ddot(a: &[f64], b: &[f64]) -> f64 {
    super::line_search::dot(a, b)
}

struct Mem {
    n: usize,
    m: usize,
    ws: Vec<f64>,
    wy: Vec<f64>,
    sy: Vec<f64>,
    ss: Vec<f64>,
    wt: Vec<f64>,
    wn: Vec<f64>,
    snd: Vec<f64>,
    theta: f64,
    col: usize,
    head: usize,
    itail: usize,
    iupdat: usize,
    updatd: bool,
}

impl Mem {
    fn reset(&mut self) {
        self.col = 0;
        self.head = 0;
        self.theta = 1.0;
        self.iupdat = 0;
        self.updatd = false;
    }

    /// `bmv`: the product of the 2col×2col middle matrix with `v`.
    fn bmv(&self, v: &[f64], p: &mut [f64]) -> Result<(), ()> {
        let (m, col) = (self.m, self.col);
        if col == 0 {
            return Ok(());
        }
        let sy = &self.sy;
        p[col] = v[col];
        for i in 1..col {
            let mut ssum = 0.0;
            for k in 0..i {
                ssum += sy[i + m * k] * v[k] / sy[k + m * k];
            }
            p[col + i] = v[col + i] + ssum;
        }
        trtrs(&self.wt, m, col, true, &mut p[col..2 * col])?;
        for i in 0..col {
            p[i] = v[i] / sy[i + m * i].sqrt();
        }
        trtrs(&self.wt, m, col, false, &mut p[col..2 * col])?;
        for i in 0..col {
            p[i] = -p[i] / sy[i + m * i].sqrt();
        }
        for i in 0..col {
            let mut ssum = 0.0;
            for k in i + 1..col {
                ssum += sy[k + m * i] * p[col + k] / sy[i + m * i];
            }
            p[i] += ssum;
        }
        Ok(())
    }

    /// `matupd`: store the new pair and the new row/column of S'Y and S'S.
    fn matupd(&mut self, d: &[f64], r: &[f64], rr: f64, dr: f64, stp: f64, dtd: f64) {
        let (n, m) = (self.n, self.m);
        if self.iupdat <= m {
            self.col = self.iupdat;
            self.itail = (self.head + self.iupdat - 1) % m;
        } else {
            self.itail = (self.itail + 1) % m;
            self.head = (self.head + 1) % m;
        }
        let t = self.itail;
        self.ws[t * n..(t + 1) * n].copy_from_slice(d);
        self.wy[t * n..(t + 1) * n].copy_from_slice(r);
        self.theta = rr / dr;
        let col = self.col;
        if self.iupdat > m {
            for j in 1..col {
                for i in 0..j {
                    self.ss[i + m * (j - 1)] = self.ss[1 + i + m * j];
                }
                for i in 0..col - j {
                    self.sy[(j - 1 + i) + m * (j - 1)] = self.sy[(j + i) + m * j];
                }
            }
        }
        let mut pointr = self.head;
        for j in 0..col - 1 {
            self.sy[col - 1 + m * j] = ddot(d, &self.wy[pointr * n..(pointr + 1) * n]);
            self.ss[j + m * (col - 1)] = ddot(&self.ws[pointr * n..(pointr + 1) * n], d);
            pointr = (pointr + 1) % m;
        }
        self.ss[(col - 1) + m * (col - 1)] = if stp == 1.0 { dtd } else { stp * stp * dtd };
        self.sy[(col - 1) + m * (col - 1)] = dr;
    }

    /// `formt`: T = theta S'S + L D^-1 L', Cholesky-factored into `wt`.
    fn formt(&mut self) -> Result<(), ()> {
        let (m, col, theta) = (self.m, self.col, self.theta);
        for j in 0..col {
            self.wt[m * j] = theta * self.ss[m * j];
        }
        for i in 1..col {
            for j in i..col {
                let k1 = i.min(j);
                let mut ddum = 0.0;
                for k in 0..k1 {
                    ddum += (self.sy[i + m * k] * self.sy[j + m * k]) / self.sy[k + m * k];
                }
                self.wt[i + m * j] = ddum + theta * self.ss[i + m * j];
            }
        }
        potrf(&mut self.wt, 0, m, col)
    }
}

pub(crate) fn lbfgsb<F: FnMut(&[f64]) -> f64>(
    sf: &mut ScalarFunction<'_, F>,
    x0: &[f64],
    bounds: Option<(&[f64], &[f64])>,
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let m = opts.maxcor;
    let ftol = opts.ftol.unwrap_or(2.220446049250313e-09);
    let pgtol = opts.gtol.unwrap_or(1e-5);
    let maxiter = opts.maxiter.unwrap_or(15000);
    let maxfun = opts.maxfev.unwrap_or(15000);
    let maxls = opts.maxls;
    let factr = ftol / EPSMCH;
    let tol = factr * EPSMCH;
    // bound types: 0 none, 1 lower, 2 both, 3 upper
    let mut l = vec![0.0; n];
    let mut u = vec![0.0; n];
    let mut nbd = vec![0u8; n];
    if let Some((lb, ub)) = bounds {
        for i in 0..n {
            let (hl, hu) = (lb[i].is_finite(), ub[i].is_finite());
            if hl {
                l[i] = lb[i];
            }
            if hu {
                u[i] = ub[i];
            }
            nbd[i] = match (hl, hu) {
                (false, false) => 0,
                (true, false) => 1,
                (true, true) => 2,
                (false, true) => 3,
            };
        }
    }
    let mut x = x0.to_vec();
    // `active`: project x and classify the variables
    let mut iwhere = vec![0i32; n];
    let mut cnstnd = false;
    let mut boxed = true;
    for i in 0..n {
        if nbd[i] > 0 {
            if nbd[i] <= 2 && x[i] <= l[i] {
                if x[i] < l[i] {
                    x[i] = l[i];
                }
            } else if nbd[i] >= 2 && x[i] >= u[i] && x[i] > u[i] {
                x[i] = u[i];
            }
        }
    }
    for i in 0..n {
        if nbd[i] != 2 {
            boxed = false;
        }
        if nbd[i] == 0 {
            iwhere[i] = -1;
        } else {
            cnstnd = true;
            iwhere[i] = if nbd[i] == 2 && u[i] - l[i] <= 0.0 { 3 } else { 0 };
        }
    }
    let mut mem = Mem {
        n,
        m,
        ws: vec![0.0; n * m],
        wy: vec![0.0; n * m],
        sy: vec![0.0; m * m],
        ss: vec![0.0; m * m],
        wt: vec![0.0; m * m],
        wn: vec![0.0; 4 * m * m],
        snd: vec![0.0; 4 * m * m],
        theta: 1.0,
        col: 0,
        head: 0,
        itail: 0,
        iupdat: 0,
        updatd: false,
    };
    let (mut z, mut r, mut d, mut t, mut xp) = (
        vec![0.0; n],
        vec![0.0; n],
        vec![0.0; n],
        vec![0.0; n],
        vec![0.0; n],
    );
    let mut wa = vec![0.0; 8 * m];
    let mut index = vec![0usize; n];
    let mut indx2 = vec![0usize; n];
    let mut nfree = n;
    let (mut nenter, mut ileave) = (0usize, n);
    let mut wrk;
    let mut iter = 0usize;
    let mut n_iterations = 0usize;

    let mut f = sf.fun(&x);
    let mut g = sf.grad(&x).to_vec();
    let mut sbgnrm = projgr(&l, &u, &nbd, &x, &g);
    if sbgnrm <= pgtol {
        return finish(
            sf,
            x,
            f,
            g,
            0,
            "CONVERGENCE",
            "NORM OF PROJECTED GRADIENT <= PGTOL",
            maxiter,
            maxfun,
            false,
        );
    }
    'outer: loop {
        // LINE222
        if !cnstnd && mem.col > 0 {
            z.copy_from_slice(&x);
            wrk = mem.updatd;
        } else {
            let ok = cauchy(
                &x,
                &l,
                &u,
                &nbd,
                &g,
                &mut indx2,
                &mut iwhere,
                &mut t,
                &mut d,
                &mut z,
                &mem,
                &mut wa,
                sbgnrm,
            );
            if ok.is_err() {
                mem.reset();
                continue 'outer;
            }
            // freev
            nenter = 0;
            ileave = n;
            if iter > 0 && cnstnd {
                for i in 0..nfree {
                    let k = index[i];
                    if iwhere[k] > 0 {
                        ileave -= 1;
                        indx2[ileave] = k;
                    }
                }
                for i in nfree..n {
                    let k = index[i];
                    if iwhere[k] <= 0 {
                        indx2[nenter] = k;
                        nenter += 1;
                    }
                }
            }
            wrk = ileave < n || nenter > 0 || mem.updatd;
            nfree = 0;
            let mut iact = n;
            for i in 0..n {
                if iwhere[i] <= 0 {
                    index[nfree] = i;
                    nfree += 1;
                } else {
                    iact -= 1;
                    index[iact] = i;
                }
            }
        }
        // LINE333
        if nfree != 0 && mem.col != 0 {
            if wrk && formk(n, nfree, &index, nenter, ileave, &indx2, &mut mem).is_err() {
                mem.reset();
                continue 'outer;
            }
            // cmprlb: r = -Z'B(xcp - xk) - Z'g
            let ok = cmprlb(&x, &g, &z, &mut r, &mut wa, &index, nfree, cnstnd, &mem);
            let ok = ok.and_then(|_| {
                subsm(
                    nfree, &index, &l, &u, &nbd, &mut z, &mut r, &mut xp, &x, &g, &mem, &mut wa,
                )
            });
            if ok.is_err() {
                mem.reset();
                continue 'outer;
            }
        }
        // LINE555
        for i in 0..n {
            d[i] = z[i] - x[i];
        }
        // lnsrlb
        let dnorm = nrm2(&d);
        let dtd = dnorm * dnorm;
        let mut stpmx = 1.0e10;
        if cnstnd {
            if iter == 0 {
                stpmx = 1.0;
            } else {
                for i in 0..n {
                    let a1 = d[i];
                    if nbd[i] != 0 {
                        if a1 < 0.0 && nbd[i] <= 2 {
                            let a2 = l[i] - x[i];
                            if a2 >= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx < a2 {
                                stpmx = a2 / a1;
                            }
                        } else if a1 > 0.0 && nbd[i] >= 2 {
                            let a2 = u[i] - x[i];
                            if a2 <= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx > a2 {
                                stpmx = a2 / a1;
                            }
                        }
                    }
                }
            }
        }
        let mut stp = if iter == 0 && !boxed {
            (1.0 / dnorm).min(stpmx)
        } else {
            1.0
        };
        t.copy_from_slice(&x);
        r.copy_from_slice(&g);
        let fold = f;
        let mut ifun = 0usize;
        let mut iback = 0usize;
        let mut gdold = 0.0;
        let mut gd;
        let mut ls = Dcsrch::new(1e-3, 0.9, 0.1, 0.0, stpmx);
        let mut started = false;
        let mut info_fail = false;
        loop {
            // LINE556
            gd = ddot(&g, &d);
            if ifun == 0 {
                gdold = gd;
                if gd >= 0.0 {
                    info_fail = true;
                }
            }
            let task = if info_fail {
                Task::Error
            } else if !started {
                started = true;
                ls.start(stp, f, gd)
            } else {
                ls.iterate(&mut stp, f, gd)
            };
            if task == Task::Error && !info_fail {
                info_fail = true;
            }
            if !info_fail && task == Task::Fg {
                ifun += 1;
                iback = ifun - 1;
                if iback >= maxls {
                    break;
                }
                if stp == 1.0 {
                    x.copy_from_slice(&z);
                } else {
                    for i in 0..n {
                        let mut v = stp * d[i] + t[i];
                        if nbd[i] == 1 || nbd[i] == 2 {
                            v = v.max(l[i]);
                        }
                        if nbd[i] == 2 || nbd[i] == 3 {
                            v = v.min(u[i]);
                        }
                        x[i] = v;
                    }
                }
                f = sf.fun(&x);
                g.copy_from_slice(sf.grad(&x));
                continue;
            }
            break;
        }
        if info_fail || iback >= maxls {
            // restore the previous iterate
            x.copy_from_slice(&t);
            g.copy_from_slice(&r);
            f = fold;
            if mem.col == 0 {
                return finish(sf, x, f, g, n_iterations, "ABNORMAL", "", maxiter, maxfun, false);
            }
            mem.reset();
            continue 'outer;
        }
        // NEW_X
        iter += 1;
        sbgnrm = projgr(&l, &u, &nbd, &x, &g);
        n_iterations += 1;
        if let Some(cb) = callback.as_deref_mut()
            && cb(&x, f)
        {
            return finish(
                sf,
                x,
                f,
                g,
                n_iterations,
                "STOP",
                "CALLBACK REQUESTED HALT",
                maxiter,
                maxfun,
                true,
            );
        }
        if n_iterations >= maxiter {
            return finish(
                sf,
                x,
                f,
                g,
                n_iterations,
                "STOP",
                "TOTAL NO. OF ITERATIONS REACHED LIMIT",
                maxiter,
                maxfun,
                false,
            );
        } else if sf.nfev > maxfun {
            return finish(
                sf,
                x,
                f,
                g,
                n_iterations,
                "STOP",
                "TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT",
                maxiter,
                maxfun,
                false,
            );
        }
        // LINE777
        if sbgnrm <= pgtol {
            return finish(
                sf,
                x,
                f,
                g,
                n_iterations,
                "CONVERGENCE",
                "NORM OF PROJECTED GRADIENT <= PGTOL",
                maxiter,
                maxfun,
                false,
            );
        }
        let ddum = fold.abs().max(f.abs()).max(1.0);
        if fold - f <= tol * ddum {
            return finish(
                sf,
                x,
                f,
                g,
                n_iterations,
                "CONVERGENCE",
                "RELATIVE REDUCTION OF F <= FACTR*EPSMCH",
                maxiter,
                maxfun,
                false,
            );
        }
        for i in 0..n {
            r[i] = g[i] - r[i];
        }
        let rn = nrm2(&r);
        let rr = rn * rn;
        let (dr, ddum) = if stp == 1.0 {
            (gd - gdold, -gdold)
        } else {
            for v in d.iter_mut() {
                *v *= stp;
            }
            ((gd - gdold) * stp, -gdold * stp)
        };
        if dr <= EPSMCH * ddum {
            mem.updatd = false;
            continue 'outer;
        }
        mem.updatd = true;
        mem.iupdat += 1;
        mem.matupd(&d, &r, rr, dr, stp, dtd);
        if mem.formt().is_err() {
            mem.reset();
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn finish<F: FnMut(&[f64]) -> f64>(
    sf: &ScalarFunction<'_, F>,
    x: Vec<f64>,
    f: f64,
    g: Vec<f64>,
    nit: usize,
    status_word: &str,
    task_msg: &str,
    maxiter: usize,
    maxfun: usize,
    stopped: bool,
) -> OptimizeResult {
    let n = x.len();
    let warnflag = if status_word == "CONVERGENCE" {
        0
    } else if sf.nfev > maxfun || nit >= maxiter {
        1
    } else {
        2
    };
    let mut r = OptimizeResult::empty(n);
    r.x = x;
    r.fun = f;
    r.jac = g;
    r.nfev = sf.nfev;
    r.njev = sf.ngev;
    r.nit = nit;
    r.status = warnflag;
    r.success = warnflag == 0;
    r.message = format!("{status_word}: {task_msg}");
    if stopped {
        super::stopped(&mut r);
    }
    r
}

/// `projgr`: the infinity norm of the projected gradient.
fn projgr(l: &[f64], u: &[f64], nbd: &[u8], x: &[f64], g: &[f64]) -> f64 {
    let mut sbgnrm = 0.0f64;
    for i in 0..x.len() {
        let mut gi = g[i];
        if gi.is_nan() {
            return gi;
        }
        if nbd[i] != 0 {
            if gi < 0.0 {
                if nbd[i] >= 2 {
                    gi = (x[i] - u[i]).max(gi);
                }
            } else if nbd[i] <= 2 {
                gi = (x[i] - l[i]).min(gi);
            }
        }
        sbgnrm = sbgnrm.max(gi.abs());
    }
    sbgnrm
}

/// `hpsolb`: moves the least of `t[0..=n]` to `t[n]`, keeping a heap.
fn hpsolb(n: usize, t: &mut [f64], iorder: &mut [usize], iheap: usize) {
    if iheap == 0 {
        for k in 2..=n + 1 {
            let ddum = t[k - 1];
            let indxin = iorder[k - 1];
            let mut i = k;
            while i > 1 {
                let j = i / 2;
                if ddum < t[j - 1] {
                    t[i - 1] = t[j - 1];
                    iorder[i - 1] = iorder[j - 1];
                    i = j;
                } else {
                    break;
                }
            }
            t[i - 1] = ddum;
            iorder[i - 1] = indxin;
        }
    }
    if n > 0 {
        let mut i = 1;
        let out = t[0];
        let indxout = iorder[0];
        let ddum = t[n];
        let indxin = iorder[n];
        loop {
            let mut j = i + i;
            if j <= n {
                if t[j] < t[j - 1] {
                    j += 1;
                }
                if t[j - 1] < ddum {
                    t[i - 1] = t[j - 1];
                    iorder[i - 1] = iorder[j - 1];
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        t[i - 1] = ddum;
        iorder[i - 1] = indxin;
        t[n] = out;
        iorder[n] = indxout;
    }
}

/// `cauchy`: the generalized Cauchy point `xcp` along the projected
/// steepest descent path; `wa[2m..4m]` receives `c = W'(xcp - x)`.
#[allow(clippy::too_many_arguments)]
fn cauchy(
    x: &[f64],
    l: &[f64],
    u: &[f64],
    nbd: &[u8],
    g: &[f64],
    iorder: &mut [usize],
    iwhere: &mut [i32],
    t: &mut [f64],
    d: &mut [f64],
    xcp: &mut [f64],
    mem: &Mem,
    wa: &mut [f64],
    sbgnrm: f64,
) -> Result<(), ()> {
    let n = x.len();
    let (m, col, head, theta) = (mem.m, mem.col, mem.head, mem.theta);
    let (p, rest) = wa.split_at_mut(2 * m);
    let (c, rest) = rest.split_at_mut(2 * m);
    let (wbp, v) = rest.split_at_mut(2 * m);
    if sbgnrm <= 0.0 {
        xcp.copy_from_slice(x);
        return Ok(());
    }
    let mut bnded = true;
    let mut nfree = n;
    let mut nbreak: isize = -1;
    let mut ibkmin = 0usize;
    let mut bkmin = 0.0;
    let col2 = 2 * col;
    let (mut tl, mut tu) = (0.0, 0.0);
    let mut f1 = 0.0;
    p[..col2].iter_mut().for_each(|v| *v = 0.0);
    for i in 0..n {
        let neggi = -g[i];
        if iwhere[i] != 3 && iwhere[i] != -1 {
            if nbd[i] <= 2 {
                tl = x[i] - l[i];
            }
            if nbd[i] >= 2 {
                tu = u[i] - x[i];
            }
            let xlower = nbd[i] <= 2 && tl <= 0.0;
            let xupper = nbd[i] >= 2 && tu <= 0.0;
            iwhere[i] = 0;
            if xlower {
                if neggi <= 0.0 {
                    iwhere[i] = 1;
                }
            } else if xupper {
                if neggi >= 0.0 {
                    iwhere[i] = 2;
                }
            } else if neggi.abs() <= 0.0 {
                iwhere[i] = -3;
            }
        }
        let mut pointr = head;
        if iwhere[i] != 0 && iwhere[i] != -1 {
            d[i] = 0.0;
        } else {
            d[i] = neggi;
            f1 -= neggi * neggi;
            for j in 0..col {
                p[j] += mem.wy[i + n * pointr] * neggi;
                p[col + j] += mem.ws[i + n * pointr] * neggi;
                pointr = (pointr + 1) % m;
            }
            if nbd[i] <= 2 && nbd[i] != 0 && neggi < 0.0 {
                nbreak += 1;
                let nb = nbreak as usize;
                iorder[nb] = i;
                t[nb] = tl / (-neggi);
                if nb == 0 || t[nb] < bkmin {
                    bkmin = t[nb];
                    ibkmin = nb;
                }
            } else if nbd[i] >= 2 && neggi > 0.0 {
                nbreak += 1;
                let nb = nbreak as usize;
                iorder[nb] = i;
                t[nb] = tu / neggi;
                if nb == 0 || t[nb] < bkmin {
                    bkmin = t[nb];
                    ibkmin = nb;
                }
            } else {
                nfree -= 1;
                iorder[nfree] = i;
                if neggi.abs() > 0.0 {
                    bnded = false;
                }
            }
        }
    }
    if theta != 1.0 {
        for v in p[col..col2].iter_mut() {
            *v *= theta;
        }
    }
    xcp.copy_from_slice(x);
    if nbreak == -1 && nfree == n {
        return Ok(());
    }
    c[..col2].iter_mut().for_each(|v| *v = 0.0);
    let mut f2 = -theta * f1;
    let f2_org = f2;
    if col > 0 {
        mem.bmv(p, v)?;
        f2 -= ddot(&v[..col2], &p[..col2]);
    }
    let mut dtm = -f1 / f2;
    let mut tsum = 0.0;
    let mut skip_move = false;
    if nbreak != -1 {
        let nbreak_u = nbreak as usize;
        let mut nleft: isize = nbreak;
        let mut iter = 0usize;
        let mut tj = 0.0;
        loop {
            let tj0 = tj;
            let ibp;
            if iter == 0 {
                tj = bkmin;
                ibp = iorder[ibkmin];
            } else {
                if iter == 1 && ibkmin != nbreak_u {
                    t[ibkmin] = t[nbreak_u];
                    iorder[ibkmin] = iorder[nbreak_u];
                }
                let nl = nleft as usize;
                hpsolb(nl, t, iorder, iter - 1);
                tj = t[nl];
                ibp = iorder[nl];
            }
            let dt = tj - tj0;
            if dtm < dt {
                break;
            }
            tsum += dt;
            nleft -= 1;
            iter += 1;
            let dibp = d[ibp];
            d[ibp] = 0.0;
            let zibp;
            if dibp > 0.0 {
                zibp = u[ibp] - x[ibp];
                xcp[ibp] = u[ibp];
                iwhere[ibp] = 2;
            } else {
                zibp = l[ibp] - x[ibp];
                xcp[ibp] = l[ibp];
                iwhere[ibp] = 1;
            }
            if nleft == -1 && nbreak_u == n {
                dtm = dt;
                skip_move = true;
                break;
            }
            let dibp2 = dibp * dibp;
            f1 = f1 + dt * f2 + dibp2 - theta * dibp * zibp;
            f2 -= theta * dibp2;
            if col > 0 {
                for j in 0..col2 {
                    c[j] = dt.mul_add(p[j], c[j]); // daxpy (fused in OpenBLAS)
                }
                let mut pointr = head;
                for j in 0..col {
                    wbp[j] = mem.wy[ibp + n * pointr];
                    wbp[col + j] = theta * mem.ws[ibp + n * pointr];
                    pointr = (pointr + 1) % m;
                }
                mem.bmv(wbp, v)?;
                let wmc = ddot(&c[..col2], &v[..col2]);
                let wmp = ddot(&p[..col2], &v[..col2]);
                let wmw = ddot(&wbp[..col2], &v[..col2]);
                for j in 0..col2 {
                    p[j] = (-dibp).mul_add(wbp[j], p[j]);
                }
                f1 += dibp * wmc;
                f2 = f2 + dibp * 2.0 * wmp - dibp2 * wmw;
            }
            f2 = (EPSMCH * f2_org).max(f2);
            if nleft >= 0 {
                dtm = -f1 / f2;
            } else if bnded {
                dtm = 0.0;
                break;
            } else {
                dtm = -f1 / f2;
                break;
            }
        }
    }
    if !skip_move {
        if dtm <= 0.0 {
            dtm = 0.0;
        }
        tsum += dtm;
        for i in 0..n {
            xcp[i] = tsum.mul_add(d[i], xcp[i]);
        }
    }
    if col > 0 {
        for j in 0..col2 {
            c[j] = dtm.mul_add(p[j], c[j]);
        }
    }
    Ok(())
}

/// `cmprlb`: `r = -Z'B(xcp - x) - Z'g` over the free variables.
#[allow(clippy::too_many_arguments)]
fn cmprlb(
    x: &[f64],
    g: &[f64],
    z: &[f64],
    r: &mut [f64],
    wa: &mut [f64],
    index: &[usize],
    nfree: usize,
    cnstnd: bool,
    mem: &Mem,
) -> Result<(), ()> {
    let n = x.len();
    let (m, col, head, theta) = (mem.m, mem.col, mem.head, mem.theta);
    if !cnstnd && col > 0 {
        for i in 0..n {
            r[i] = -g[i];
        }
        return Ok(());
    }
    for i in 0..nfree {
        let k = index[i];
        r[i] = -theta * (z[k] - x[k]) - g[k];
    }
    let (out, rest) = wa.split_at_mut(2 * m);
    let c = &rest[..2 * m];
    mem.bmv(c, out)?;
    let mut pointr = head;
    for j in 0..col {
        let a1 = out[j];
        let a2 = theta * out[col + j];
        for i in 0..nfree {
            let k = index[i];
            r[i] = r[i] + mem.wy[k + n * pointr] * a1 + mem.ws[k + n * pointr] * a2;
        }
        pointr = (pointr + 1) % m;
    }
    Ok(())
}

/// `formk`: the LEL' factorization of the 2col×2col matrix K in `wn`,
/// updating the inner products kept in `snd` (`wn1` in the original).
fn formk(
    n: usize,
    nsub: usize,
    ind: &[usize],
    nenter: usize,
    ileave: usize,
    indx2: &[usize],
    mem: &mut Mem,
) -> Result<(), ()> {
    let (m, col, head, theta) = (mem.m, mem.col, mem.head, mem.theta);
    let m2 = 2 * m;
    let (ws, wy) = (&mem.ws, &mem.wy);
    let wn1 = &mut mem.snd;
    let upcl;
    if mem.updatd {
        if mem.iupdat > m {
            for jy in 0..m - 1 {
                let js = m + jy;
                for i in 0..m - (jy + 1) {
                    wn1[(jy + i) + m2 * jy] = wn1[(jy + 1 + i) + m2 * (jy + 1)];
                    wn1[(js + i) + m2 * js] = wn1[(js + 1 + i) + m2 * (js + 1)];
                }
                for i in 0..m - 1 {
                    wn1[(m + i) + m2 * jy] = wn1[(m + 1 + i) + m2 * (jy + 1)];
                }
            }
        }
        let iy = col - 1;
        let is = m + col - 1;
        let mut ipntr = head + col - 1;
        if ipntr >= m {
            ipntr -= m;
        }
        let mut jpntr = head;
        for jy in 0..col {
            let js = m + jy;
            let (mut t1, mut t2, mut t3) = (0.0, 0.0, 0.0);
            for &k1 in &ind[..nsub] {
                t1 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
            }
            for &k1 in &ind[nsub..n] {
                t2 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
                t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
            }
            wn1[iy + m2 * jy] = t1;
            wn1[is + m2 * js] = t2;
            wn1[is + m2 * jy] = t3;
            jpntr = (jpntr + 1) % m;
        }
        let jy = col - 1;
        let mut jpntr = head + col - 1;
        if jpntr >= m {
            jpntr -= m;
        }
        let mut ipntr = head;
        for i in 0..col {
            let is = m + i;
            let mut t3 = 0.0;
            for &k1 in &ind[..nsub] {
                t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
            }
            ipntr = (ipntr + 1) % m;
            wn1[is + m2 * jy] = t3;
        }
        upcl = col - 1;
    } else {
        upcl = col;
    }
    let mut ipntr = head;
    for iy in 0..upcl {
        let is = m + iy;
        let mut jpntr = head;
        for jy in 0..=iy {
            let js = m + jy;
            let (mut t1, mut t2, mut t3, mut t4) = (0.0, 0.0, 0.0, 0.0);
            for &k1 in &indx2[..nenter] {
                t1 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
                t2 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
            }
            for &k1 in &indx2[ileave..n] {
                t3 += wy[k1 + n * ipntr] * wy[k1 + n * jpntr];
                t4 += ws[k1 + n * ipntr] * ws[k1 + n * jpntr];
            }
            wn1[iy + m2 * jy] = wn1[iy + m2 * jy] + t1 - t3;
            wn1[is + m2 * js] = wn1[is + m2 * js] - t2 + t4;
            jpntr = (jpntr + 1) % m;
        }
        ipntr = (ipntr + 1) % m;
    }
    let mut ipntr = head;
    for is in m..m + upcl {
        let mut jpntr = head;
        for jy in 0..upcl {
            let (mut t1, mut t3) = (0.0, 0.0);
            for &k1 in &indx2[..nenter] {
                t1 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
            }
            for &k1 in &indx2[ileave..n] {
                t3 += ws[k1 + n * ipntr] * wy[k1 + n * jpntr];
            }
            if is <= jy + m {
                wn1[is + m2 * jy] = wn1[is + m2 * jy] + t1 - t3;
            } else {
                wn1[is + m2 * jy] = wn1[is + m2 * jy] - t1 + t3;
            }
            jpntr = (jpntr + 1) % m;
        }
        ipntr = (ipntr + 1) % m;
    }
    let wn = &mut mem.wn;
    for iy in 0..col {
        let is = col + iy;
        let is1 = m + iy;
        for jy in 0..=iy {
            let js = col + jy;
            let js1 = m + jy;
            wn[jy + m2 * iy] = wn1[iy + m2 * jy] / theta;
            wn[js + m2 * is] = wn1[is1 + m2 * js1] * theta;
        }
        for jy in 0..iy {
            wn[jy + m2 * is] = -wn1[is1 + m2 * jy];
        }
        for jy in iy..col {
            wn[jy + m2 * is] = wn1[is1 + m2 * jy];
        }
        wn[iy + m2 * iy] += mem.sy[iy + m * iy];
    }
    potrf(wn, 0, m2, col)?;
    let col2 = 2 * col;
    // L^-1 (-L_a' + R_z') in the (1,2) block: U' X = B column by column
    for jc in col..col2 {
        for i in 0..col {
            let mut s = wn[i + m2 * jc];
            for k in 0..i {
                s -= wn[k + m2 * i] * wn[k + m2 * jc];
            }
            wn[i + m2 * jc] = s / wn[i + m2 * i];
        }
    }
    for is in col..col2 {
        for js in is..col2 {
            let mut s = 0.0f64;
            for k in 0..col {
                // BLAS ddot
                s = wn[k + m2 * is].mul_add(wn[k + m2 * js], s);
            }
            wn[is + m2 * js] += s;
        }
    }
    potrf(wn, col + m2 * col, m2, col)
}

/// `subsm`: the subspace Newton step from the Cauchy point, with the
/// 2011 projection safeguard. `z` holds xcp on entry, the result on exit;
/// `r` holds the reduced gradient (overwritten by the direction).
#[allow(clippy::too_many_arguments)]
fn subsm(
    nsub: usize,
    ind: &[usize],
    l: &[f64],
    u: &[f64],
    nbd: &[u8],
    x: &mut [f64],
    d: &mut [f64],
    xp: &mut [f64],
    xx: &[f64],
    gg: &[f64],
    mem: &Mem,
    wa: &mut [f64],
) -> Result<(), ()> {
    let n = x.len();
    let (m, col, head, theta) = (mem.m, mem.col, mem.head, mem.theta);
    if nsub == 0 {
        return Ok(());
    }
    let wv = &mut wa[..2 * m];
    let mut pointr = head;
    for i in 0..col {
        let (mut t1, mut t2) = (0.0, 0.0);
        for j in 0..nsub {
            let k = ind[j];
            t1 += mem.wy[k + n * pointr] * d[j];
            t2 += mem.ws[k + n * pointr] * d[j];
        }
        wv[i] = t1;
        wv[col + i] = theta * t2;
        pointr = (pointr + 1) % m;
    }
    let m2 = 2 * m;
    let col2 = 2 * col;
    trtrs(&mem.wn, m2, col2, true, &mut wv[..col2])?;
    for v in wv[..col].iter_mut() {
        *v = -*v;
    }
    trtrs(&mem.wn, m2, col2, false, &mut wv[..col2])?;
    let mut pointr = head;
    for jy in 0..col {
        let js = col + jy;
        for i in 0..nsub {
            let k = ind[i];
            d[i] = d[i] + (mem.wy[k + n * pointr] * wv[jy] / theta) + (mem.ws[k + n * pointr] * wv[js]);
        }
        pointr = (pointr + 1) % m;
    }
    let temp = 1.0 / theta;
    for v in d[..nsub].iter_mut() {
        *v *= temp;
    }
    let mut iword = 0;
    xp.copy_from_slice(x);
    for i in 0..nsub {
        let k = ind[i];
        let dk = d[i];
        let xk = x[k];
        match nbd[k] {
            0 => x[k] = xk + dk,
            1 => {
                x[k] = l[k].max(xk + dk);
                if x[k] == l[k] {
                    iword = 1;
                }
            }
            2 => {
                let v = l[k].max(xk + dk);
                x[k] = u[k].min(v);
                if x[k] == l[k] || x[k] == u[k] {
                    iword = 1;
                }
            }
            _ => {
                x[k] = u[k].min(xk + dk);
                if x[k] == u[k] {
                    iword = 1;
                }
            }
        }
    }
    if iword == 0 {
        return Ok(());
    }
    let mut dd_p = 0.0;
    for i in 0..n {
        dd_p += (x[i] - xx[i]) * gg[i];
    }
    if dd_p > 0.0 {
        x.copy_from_slice(xp);
    } else {
        return Ok(());
    }
    let mut alpha = 1.0;
    let mut temp1 = 1.0;
    let mut ibd = 0;
    for i in 0..nsub {
        let k = ind[i];
        let dk = d[i];
        if nbd[k] != 0 {
            if dk < 0.0 && nbd[k] <= 2 {
                let temp2 = l[k] - x[k];
                if temp2 >= 0.0 {
                    temp1 = 0.0;
                } else if dk * alpha < temp2 {
                    temp1 = temp2 / dk;
                }
            } else if dk > 0.0 && nbd[k] >= 2 {
                let temp2 = u[k] - x[k];
                if temp2 <= 0.0 {
                    temp1 = 0.0;
                } else if dk * alpha > temp2 {
                    temp1 = temp2 / dk;
                }
            }
            if temp1 < alpha {
                alpha = temp1;
                ibd = i;
            }
        }
    }
    if alpha < 1.0 {
        let dk = d[ibd];
        let k = ind[ibd];
        if dk > 0.0 {
            x[k] = u[k];
            d[ibd] = 0.0;
        } else if dk < 0.0 {
            x[k] = l[k];
            d[ibd] = 0.0;
        }
    }
    for i in 0..nsub {
        let k = ind[i];
        x[k] += alpha * d[i];
    }
    Ok(())
}
