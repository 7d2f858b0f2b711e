//! SciPy's Wolfe line searches: `line_search_wolfe1` (MINPACK-2's
//! `dcsrch`/`dcstep`, as SciPy's `_dcsrch.py` ports them) and
//! `line_search_wolfe2` (`scalar_search_wolfe2` with `_zoom`), combined as
//! `_line_search_wolfe12` for BFGS and CG.

use super::function::ScalarFunction;

/// phi(s) = f(xk + s pk) and its derivative along pk, recording the last
/// gradient evaluated (SciPy's `gval`, `gval_alpha`).
pub(crate) struct Line<'s, 'a, F> {
    pub sf: &'s mut ScalarFunction<'a, F>,
    pub xk: &'s [f64],
    pub pk: &'s [f64],
    xt: Vec<f64>,
    pub gval: Vec<f64>,
    pub gval_alpha: Option<f64>,
}

/// `np.dot` of two vectors. Below 16 elements OpenBLAS's `ddot` (what
/// SciPy's NumPy calls) accumulates sequentially with fused multiply-adds;
/// doing the same keeps short runs bit-identical to SciPy's.
#[inline]
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut s = 0.0f64;
    if a.len() < 16 {
        for (x, y) in a.iter().zip(b) {
            s = y.mul_add(*x, s);
        }
    } else {
        for (x, y) in a.iter().zip(b) {
            s += x * y;
        }
    }
    s
}

impl<'s, 'a, F: FnMut(&[f64]) -> f64> Line<'s, 'a, F> {
    pub fn new(sf: &'s mut ScalarFunction<'a, F>, xk: &'s [f64], pk: &'s [f64], gfk: &[f64]) -> Self {
        Line {
            sf,
            xk,
            pk,
            xt: vec![0.0; xk.len()],
            gval: gfk.to_vec(),
            gval_alpha: None,
        }
    }

    fn point(&mut self, s: f64) {
        for ((t, x), p) in self.xt.iter_mut().zip(self.xk).zip(self.pk) {
            *t = x + s * p;
        }
    }

    pub fn phi(&mut self, s: f64) -> f64 {
        self.point(s);
        self.sf.fun(&self.xt)
    }

    pub fn derphi(&mut self, s: f64) -> f64 {
        self.point(s);
        let g = self.sf.grad(&self.xt);
        self.gval.copy_from_slice(g);
        self.gval_alpha = Some(s);
        dot(&self.gval, self.pk)
    }
}

/// Python's `max` of three floats (first maximal wins).
fn max3(a: f64, b: f64, c: f64) -> f64 {
    let mut m = a;
    if b > m {
        m = b;
    }
    if c > m {
        m = c;
    }
    m
}

/// `np.clip` (NaN passes through).
fn clip(v: f64, lo: f64, hi: f64) -> f64 {
    if v.is_nan() { v } else { v.max(lo).min(hi) }
}

fn np_sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else if v == 0.0 {
        0.0
    } else {
        f64::NAN
    }
}

/// MINPACK-2's `dcstep`: the safeguarded step of the More-Thuente search.
#[allow(clippy::too_many_arguments)]
fn dcstep(
    stx: &mut f64,
    fx: &mut f64,
    dx: &mut f64,
    sty: &mut f64,
    fy: &mut f64,
    dy: &mut f64,
    stp: &mut f64,
    fp: f64,
    dp: f64,
    brackt: &mut bool,
    stpmin: f64,
    stpmax: f64,
) {
    let sgnd = np_sign(dp) * np_sign(*dx);
    let stpf;
    if fp > *fx {
        let theta = 3.0 * (*fx - fp) / (*stp - *stx) + *dx + dp;
        let s = max3(theta.abs(), dx.abs(), dp.abs());
        let mut gamma = s * ((theta / s) * (theta / s) - *dx / s * (dp / s)).sqrt();
        if *stp < *stx {
            gamma = -gamma;
        }
        let p = gamma - *dx + theta;
        let q = gamma - *dx + gamma + dp;
        let r = p / q;
        let stpc = *stx + r * (*stp - *stx);
        let stpq = *stx + *dx / ((*fx - fp) / (*stp - *stx) + *dx) / 2.0 * (*stp - *stx);
        stpf = if (stpc - *stx).abs() <= (stpq - *stx).abs() {
            stpc
        } else {
            stpc + (stpq - stpc) / 2.0
        };
        *brackt = true;
    } else if sgnd < 0.0 {
        let theta = 3.0 * (*fx - fp) / (*stp - *stx) + *dx + dp;
        let s = max3(theta.abs(), dx.abs(), dp.abs());
        let mut gamma = s * ((theta / s) * (theta / s) - *dx / s * (dp / s)).sqrt();
        if *stp > *stx {
            gamma = -gamma;
        }
        let p = gamma - dp + theta;
        let q = gamma - dp + gamma + *dx;
        let r = p / q;
        let stpc = *stp + r * (*stx - *stp);
        let stpq = *stp + dp / (dp - *dx) * (*stx - *stp);
        stpf = if (stpc - *stp).abs() > (stpq - *stp).abs() {
            stpc
        } else {
            stpq
        };
        *brackt = true;
    } else if dp.abs() < dx.abs() {
        let theta = 3.0 * (*fx - fp) / (*stp - *stx) + *dx + dp;
        let s = max3(theta.abs(), dx.abs(), dp.abs());
        let rad = (theta / s) * (theta / s) - *dx / s * (dp / s);
        // Python's max(0, rad): rad when 0 < rad, else 0 (NaN gives 0)
        let mut gamma = s * (if 0.0 < rad { rad } else { 0.0 }).sqrt();
        if *stp > *stx {
            gamma = -gamma;
        }
        let p = gamma - dp + theta;
        let q = gamma + (*dx - dp) + gamma;
        let r = p / q;
        let stpc = if r < 0.0 && gamma != 0.0 {
            *stp + r * (*stx - *stp)
        } else if *stp > *stx {
            stpmax
        } else {
            stpmin
        };
        let stpq = *stp + dp / (dp - *dx) * (*stx - *stp);
        if *brackt {
            let mut f = if (stpc - *stp).abs() < (stpq - *stp).abs() {
                stpc
            } else {
                stpq
            };
            let lim = *stp + 0.66 * (*sty - *stp);
            if *stp > *stx {
                // Python's min(lim, f)
                if f < lim {
                } else {
                    f = lim;
                }
            } else if f > lim {
            } else {
                f = lim;
            }
            stpf = f;
        } else {
            let f = if (stpc - *stp).abs() > (stpq - *stp).abs() {
                stpc
            } else {
                stpq
            };
            stpf = clip(f, stpmin, stpmax);
        }
    } else if *brackt {
        let theta = 3.0 * (fp - *fy) / (*sty - *stp) + *dy + dp;
        let s = max3(theta.abs(), dy.abs(), dp.abs());
        let mut gamma = s * ((theta / s) * (theta / s) - *dy / s * (dp / s)).sqrt();
        if *stp > *sty {
            gamma = -gamma;
        }
        let p = gamma - dp + theta;
        let q = gamma - dp + gamma + *dy;
        let r = p / q;
        stpf = *stp + r * (*sty - *stp);
    } else if *stp > *stx {
        stpf = stpmax;
    } else {
        stpf = stpmin;
    }
    if fp > *fx {
        *sty = *stp;
        *fy = fp;
        *dy = dp;
    } else {
        if sgnd < 0.0 {
            *sty = *stx;
            *fy = *fx;
            *dy = *dx;
        }
        *stx = *stp;
        *fx = fp;
        *dx = dp;
    }
    *stp = stpf;
}

#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub(crate) enum Task {
    Fg,
    Converged,
    Warn,
    Error,
}

/// SciPy's `DCSRCH` object state.
pub(crate) struct Dcsrch {
    brackt: bool,
    stage: u8,
    ginit: f64,
    gtest: f64,
    gx: f64,
    gy: f64,
    finit: f64,
    fx: f64,
    fy: f64,
    stx: f64,
    sty: f64,
    stmin: f64,
    stmax: f64,
    width: f64,
    width1: f64,
    ftol: f64,
    gtol: f64,
    xtol: f64,
    stpmin: f64,
    stpmax: f64,
}

impl Dcsrch {
    /// A fresh search with MINPACK-2's tolerances and step bounds.
    pub(crate) fn new(ftol: f64, gtol: f64, xtol: f64, stpmin: f64, stpmax: f64) -> Self {
        Dcsrch {
            brackt: false,
            stage: 0,
            ginit: 0.0,
            gtest: 0.0,
            gx: 0.0,
            gy: 0.0,
            finit: 0.0,
            fx: 0.0,
            fy: 0.0,
            stx: 0.0,
            sty: 0.0,
            stmin: 0.0,
            stmax: 0.0,
            width: 0.0,
            width1: 0.0,
            ftol,
            gtol,
            xtol,
            stpmin,
            stpmax,
        }
    }

    pub(crate) fn start(&mut self, stp: f64, f: f64, g: f64) -> Task {
        if stp < self.stpmin
            || stp > self.stpmax
            || g >= 0.0
            || self.ftol < 0.0
            || self.gtol < 0.0
            || self.xtol < 0.0
        {
            return Task::Error;
        }
        if self.stpmin < 0.0 || self.stpmax < self.stpmin {
            return Task::Error;
        }
        self.brackt = false;
        self.stage = 1;
        self.finit = f;
        self.ginit = g;
        self.gtest = self.ftol * self.ginit;
        self.width = self.stpmax - self.stpmin;
        self.width1 = self.width / 0.5;
        self.stx = 0.0;
        self.fx = self.finit;
        self.gx = self.ginit;
        self.sty = 0.0;
        self.fy = self.finit;
        self.gy = self.ginit;
        self.stmin = 0.0;
        self.stmax = stp + 4.0 * stp;
        Task::Fg
    }

    pub(crate) fn iterate(&mut self, stp: &mut f64, f: f64, g: f64) -> Task {
        let ftest = self.finit + *stp * self.gtest;
        if self.stage == 1 && f <= ftest && g >= 0.0 {
            self.stage = 2;
        }
        let mut task = Task::Fg;
        if self.brackt && (*stp <= self.stmin || *stp >= self.stmax) {
            task = Task::Warn;
        }
        if self.brackt && self.stmax - self.stmin <= self.xtol * self.stmax {
            task = Task::Warn;
        }
        if *stp == self.stpmax && f <= ftest && g <= self.gtest {
            task = Task::Warn;
        }
        if *stp == self.stpmin && (f > ftest || g >= self.gtest) {
            task = Task::Warn;
        }
        if f <= ftest && g.abs() <= self.gtol * -self.ginit {
            task = Task::Converged;
        }
        if task != Task::Fg {
            return task;
        }
        if self.stage == 1 && f <= self.fx && f > ftest {
            let fm = f - *stp * self.gtest;
            let mut fxm = self.fx - self.stx * self.gtest;
            let mut fym = self.fy - self.sty * self.gtest;
            let gm = g - self.gtest;
            let mut gxm = self.gx - self.gtest;
            let mut gym = self.gy - self.gtest;
            dcstep(
                &mut self.stx,
                &mut fxm,
                &mut gxm,
                &mut self.sty,
                &mut fym,
                &mut gym,
                stp,
                fm,
                gm,
                &mut self.brackt,
                self.stmin,
                self.stmax,
            );
            self.fx = fxm + self.stx * self.gtest;
            self.fy = fym + self.sty * self.gtest;
            self.gx = gxm + self.gtest;
            self.gy = gym + self.gtest;
        } else {
            dcstep(
                &mut self.stx,
                &mut self.fx,
                &mut self.gx,
                &mut self.sty,
                &mut self.fy,
                &mut self.gy,
                stp,
                f,
                g,
                &mut self.brackt,
                self.stmin,
                self.stmax,
            );
        }
        if self.brackt {
            if (self.sty - self.stx).abs() >= 0.66 * self.width1 {
                *stp = self.stx + 0.5 * (self.sty - self.stx);
            }
            self.width1 = self.width;
            self.width = (self.sty - self.stx).abs();
        }
        if self.brackt {
            self.stmin = self.stx.min(self.sty);
            self.stmax = self.stx.max(self.sty);
        } else {
            self.stmin = *stp + 1.1 * (*stp - self.stx);
            self.stmax = *stp + 4.0 * (*stp - self.stx);
        }
        *stp = clip(*stp, self.stpmin, self.stpmax);
        if self.brackt
            && (*stp <= self.stmin || *stp >= self.stmax || self.stmax - self.stmin <= self.xtol * self.stmax)
        {
            *stp = self.stx;
        }
        Task::Fg
    }
}

/// A scalar function `phi(s)` with its derivative, as SciPy's scalar
/// searches take them.
pub(crate) trait PhiDerphi {
    fn phi(&mut self, s: f64) -> f64;
    fn derphi(&mut self, s: f64) -> f64;
}

impl<F: FnMut(&[f64]) -> f64> PhiDerphi for Line<'_, '_, F> {
    fn phi(&mut self, s: f64) -> f64 {
        Line::phi(self, s)
    }
    fn derphi(&mut self, s: f64) -> f64 {
        Line::derphi(self, s)
    }
}

/// SciPy's `scalar_search_wolfe1` through `DCSRCH`: `(stp, phi1, phi0)`
/// with `stp = None` on failure.
#[allow(clippy::too_many_arguments)]
pub(crate) fn scalar_search_wolfe1(
    line: &mut impl PhiDerphi,
    phi0: f64,
    old_phi0: Option<f64>,
    derphi0: f64,
    c1: f64,
    c2: f64,
    amax: f64,
    amin: f64,
    xtol: f64,
) -> (Option<f64>, f64, f64) {
    let mut alpha1 = match old_phi0 {
        Some(old) if derphi0 != 0.0 => {
            let a = 1.0f64.min(1.01 * 2.0 * (phi0 - old) / derphi0);
            if a < 0.0 { 1.0 } else { a }
        }
        _ => 1.0,
    };
    let mut d = Dcsrch {
        brackt: false,
        stage: 0,
        ginit: 0.0,
        gtest: 0.0,
        gx: 0.0,
        gy: 0.0,
        finit: 0.0,
        fx: 0.0,
        fy: 0.0,
        stx: 0.0,
        sty: 0.0,
        stmin: 0.0,
        stmax: 0.0,
        width: 0.0,
        width1: 0.0,
        ftol: c1,
        gtol: c2,
        xtol,
        stpmin: amin,
        stpmax: amax,
    };
    let mut phi1 = phi0;
    let mut derphi1 = derphi0;
    let mut started = false;
    for _ in 0..100 {
        let mut stp = alpha1;
        let task = if !started {
            started = true;
            d.start(stp, phi1, derphi1)
        } else {
            d.iterate(&mut stp, phi1, derphi1)
        };
        if !stp.is_finite() {
            return (None, phi1, phi0);
        }
        if task == Task::Fg {
            alpha1 = stp;
            phi1 = line.phi(stp);
            derphi1 = line.derphi(stp);
        } else if task == Task::Converged {
            return (Some(stp), phi1, phi0);
        } else {
            return (None, phi1, phi0);
        }
    }
    (None, phi1, phi0)
}

fn cubicmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64, c: f64, fc: f64) -> Option<f64> {
    let cc = fpa;
    let db = b - a;
    let dc = c - a;
    let t = db * dc;
    let denom = (t * t) * (db - dc);
    let d00 = dc * dc;
    let d01 = -(db * db);
    let d10 = -dc.powf(3.0);
    let d11 = db.powf(3.0);
    let v0 = fb - fa - cc * db;
    let v1 = fc - fa - cc * dc;
    let mut aa = d00 * v0 + d01 * v1;
    let mut bb = d10 * v0 + d11 * v1;
    // numpy raises (and SciPy returns None) on division by zero, overflow
    // or an invalid operation: any non-finite intermediate
    if denom == 0.0
        || ![t, denom, d00, d01, d10, d11, v0, v1, aa, bb]
            .iter()
            .all(|v| v.is_finite())
    {
        return None;
    }
    aa /= denom;
    bb /= denom;
    let radical = bb * bb - 3.0 * aa * cc;
    if !aa.is_finite() || !bb.is_finite() || !radical.is_finite() || radical < 0.0 || aa == 0.0 {
        return None;
    }
    let xmin = a + (-bb + radical.sqrt()) / (3.0 * aa);
    if !xmin.is_finite() { None } else { Some(xmin) }
}

fn quadmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64) -> Option<f64> {
    let d = fa;
    let c = fpa;
    let db = b - a * 1.0;
    let den = db * db;
    if den == 0.0 || !den.is_finite() {
        return None;
    }
    let bq = (fb - d - c * db) / den;
    if !bq.is_finite() || bq == 0.0 {
        return None;
    }
    let xmin = a - c / (2.0 * bq);
    if !xmin.is_finite() { None } else { Some(xmin) }
}

/// The extra acceptance test of CG (`alpha`, gradient at the new point).
pub(crate) type Extra<'e> = Option<&'e mut dyn FnMut(f64, &[f64]) -> bool>;

fn extra2<F: FnMut(&[f64]) -> f64>(line: &mut Line<'_, '_, F>, extra: &mut Extra<'_>, alpha: f64) -> bool {
    match extra {
        None => true,
        Some(e) => {
            if line.gval_alpha != Some(alpha) {
                line.derphi(alpha);
            }
            e(alpha, &line.gval)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn zoom<F: FnMut(&[f64]) -> f64>(
    line: &mut Line<'_, '_, F>,
    mut a_lo: f64,
    mut a_hi: f64,
    mut phi_lo: f64,
    mut phi_hi: f64,
    mut derphi_lo: f64,
    phi0: f64,
    derphi0: f64,
    c1: f64,
    c2: f64,
    extra: &mut Extra<'_>,
) -> (Option<f64>, f64, Option<f64>) {
    let maxiter = 10;
    let mut i = 0;
    let delta1 = 0.2;
    let delta2 = 0.1;
    let mut phi_rec = phi0;
    let mut a_rec = 0.0;
    loop {
        let dalpha = a_hi - a_lo;
        let (a, b) = if dalpha < 0.0 { (a_hi, a_lo) } else { (a_lo, a_hi) };
        let mut a_j = None;
        let mut cchk = 0.0;
        if i > 0 {
            cchk = delta1 * dalpha;
            a_j = cubicmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi, a_rec, phi_rec);
        }
        let bad = match a_j {
            None => true,
            Some(v) => v > b - cchk || v < a + cchk,
        };
        if i == 0 || bad {
            let qchk = delta2 * dalpha;
            a_j = quadmin(a_lo, phi_lo, derphi_lo, a_hi, phi_hi);
            let badq = match a_j {
                None => true,
                Some(v) => v > b - qchk || v < a + qchk,
            };
            if badq {
                a_j = Some(a_lo + 0.5 * dalpha);
            }
        }
        let a_j = a_j.unwrap_or(f64::NAN);
        let phi_aj = line.phi(a_j);
        if phi_aj > phi0 + c1 * a_j * derphi0 || phi_aj >= phi_lo {
            phi_rec = phi_hi;
            a_rec = a_hi;
            a_hi = a_j;
            phi_hi = phi_aj;
        } else {
            let derphi_aj = line.derphi(a_j);
            if derphi_aj.abs() <= -c2 * derphi0 && extra2(line, extra, a_j) {
                return (Some(a_j), phi_aj, Some(derphi_aj));
            }
            if derphi_aj * (a_hi - a_lo) >= 0.0 {
                phi_rec = phi_hi;
                a_rec = a_hi;
                a_hi = a_lo;
                phi_hi = phi_lo;
            } else {
                phi_rec = phi_lo;
                a_rec = a_lo;
            }
            a_lo = a_j;
            phi_lo = phi_aj;
            derphi_lo = derphi_aj;
        }
        i += 1;
        if i > maxiter {
            return (None, f64::NAN, None);
        }
    }
}

/// SciPy's `scalar_search_wolfe2`: `(alpha_star, phi_star, phi0, derphi_star)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn scalar_search_wolfe2<F: FnMut(&[f64]) -> f64>(
    line: &mut Line<'_, '_, F>,
    mut phi0: f64,
    old_phi0: Option<f64>,
    derphi0: f64,
    c1: f64,
    c2: f64,
    amax: Option<f64>,
    extra: &mut Extra<'_>,
    maxiter: usize,
) -> (Option<f64>, f64, f64, Option<f64>) {
    let mut alpha0 = 0.0;
    let mut alpha1 = match old_phi0 {
        Some(old) if derphi0 != 0.0 => 1.0f64.min(1.01 * 2.0 * (phi0 - old) / derphi0),
        _ => 1.0,
    };
    if alpha1 < 0.0 {
        alpha1 = 1.0;
    }
    if let Some(am) = amax {
        alpha1 = alpha1.min(am);
    }
    let mut phi_a1 = line.phi(alpha1);
    let mut phi_a0 = phi0;
    let mut derphi_a0 = derphi0;
    for i in 0..maxiter {
        if alpha1 == 0.0 || amax.is_some_and(|am| alpha0 > am) {
            phi0 = old_phi0.unwrap_or(f64::NAN);
            return (None, phi0, phi0, None);
        }
        let not_first = i > 0;
        if phi_a1 > phi0 + c1 * alpha1 * derphi0 || (phi_a1 >= phi_a0 && not_first) {
            let (a, p, d) = zoom(
                line, alpha0, alpha1, phi_a0, phi_a1, derphi_a0, phi0, derphi0, c1, c2, extra,
            );
            return (a, p, phi0, d);
        }
        let derphi_a1 = line.derphi(alpha1);
        if derphi_a1.abs() <= -c2 * derphi0 && extra2(line, extra, alpha1) {
            return (Some(alpha1), phi_a1, phi0, Some(derphi_a1));
        }
        if derphi_a1 >= 0.0 {
            let (a, p, d) = zoom(
                line, alpha1, alpha0, phi_a1, phi_a0, derphi_a1, phi0, derphi0, c1, c2, extra,
            );
            return (a, p, phi0, d);
        }
        let mut alpha2 = 2.0 * alpha1;
        if let Some(am) = amax {
            alpha2 = alpha2.min(am);
        }
        alpha0 = alpha1;
        alpha1 = alpha2;
        phi_a0 = phi_a1;
        phi_a1 = line.phi(alpha1);
        derphi_a0 = derphi_a1;
    }
    (Some(alpha1), phi_a1, phi0, None)
}

/// The outcome of `_line_search_wolfe12`.
pub(crate) struct LsResult {
    pub alpha: f64,
    pub fval: f64,
    pub old_fval: f64,
    /// Whether `line.gval` holds the gradient at the new point.
    pub have_grad: bool,
}

/// SciPy's `_line_search_wolfe12`: `line_search_wolfe1`, then
/// `line_search_wolfe2` when it fails; `None` is SciPy's `_LineSearchError`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn line_search_wolfe12<F: FnMut(&[f64]) -> f64>(
    line: &mut Line<'_, '_, F>,
    gfk: &[f64],
    old_fval: f64,
    old_old_fval: Option<f64>,
    c1: f64,
    c2: f64,
    amin: f64,
    amax: f64,
    amax2: Option<f64>,
    mut extra: Extra<'_>,
) -> Option<LsResult> {
    let derphi0 = dot(gfk, line.pk);
    let (stp, fval, phi0) =
        scalar_search_wolfe1(line, old_fval, old_old_fval, derphi0, c1, c2, amax, amin, 1e-14);
    let mut ok = stp;
    if let (Some(a), Some(e)) = (stp, extra.as_deref_mut())
        && !e(a, &line.gval)
    {
        ok = None;
    }
    if let Some(a) = ok {
        return Some(LsResult {
            alpha: a,
            fval,
            old_fval: phi0,
            have_grad: true,
        });
    }
    line.gval.copy_from_slice(gfk);
    line.gval_alpha = None;
    let (a, phi_star, phi0, derphi_star) = scalar_search_wolfe2(
        line,
        old_fval,
        old_old_fval,
        derphi0,
        c1,
        c2,
        amax2,
        &mut extra,
        10,
    );
    a.map(|alpha| LsResult {
        alpha,
        fval: phi_star,
        old_fval: phi0,
        have_grad: derphi_star.is_some(),
    })
}
