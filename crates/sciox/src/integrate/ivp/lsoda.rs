//! LSODA (Hindmarsh and Petzold, ODEPACK): Adams methods for non-stiff
//! and BDF methods for stiff phases, with automatic switching. A port of
//! ODEPACK's `lsoda`, `stoda`, `prja`, `solsy`, `cfode`, `intdy`, `ewset`
//! and `vmnorm` (SciPy runs a C translation of the same Fortran), used by
//! `solve_ivp(method='LSODA')` one step at a time (`itask = 5`) and by
//! `odeint` (`itask = 1`/`4`).
//!
//! The Nordsieck history `yh` is stored column-major (`yh[i + j * n]` is
//! `h^j y_i^{(j)} / j!`) as in ODEPACK.

// The port keeps ODEPACK's tests as written (`!(a < b)` differs from
// `a >= b` for NaN) and its block structure.
#![allow(
    clippy::neg_cmp_op_on_partial_ord,
    clippy::collapsible_match,
    clippy::collapsible_if
)]

use super::JacFn;
use super::common::{DenseOutput, Lu, OdeScalar, Solver, Status};

/// Stability-region step ratios of the Adams methods (ODEPACK's `sm1`).
const SM1: [f64; 12] = [
    0.5, 0.575, 0.55, 0.45, 0.35, 0.25, 0.20, 0.15, 0.10, 0.075, 0.050, 0.025,
];
/// Maximum orders of the Adams and BDF methods.
const MORD: [usize; 2] = [12, 5];
/// Columns of the Nordsieck array (maximum order + 1).
const LMAX_ALL: usize = 13;

/// How LSODA gets the Jacobian for its chord iteration (ODEPACK's `jt`).
pub(crate) enum LsodaJac<'a> {
    /// `jt = 1`: the user's full Jacobian.
    Full(JacFn<'a, f64>),
    /// `jt = 2`: finite differences, one column per evaluation.
    FullFd,
    /// `jt = 4`: the user's Jacobian, banded with `ml` lower and `mu`
    /// upper diagonals (read from the full row-major matrix).
    Banded(JacFn<'a, f64>, usize, usize),
    /// `jt = 5`: banded finite differences (`ml + mu + 1` evaluations).
    BandedFd(usize, usize),
}

/// LSODA's optional inputs (SciPy passes them with `iopt = 1`).
#[derive(Clone, Debug)]
pub(crate) struct LsodaSettings {
    pub rtol: Vec<f64>,
    pub atol: Vec<f64>,
    /// Initial step (`0`: computed).
    pub h0: f64,
    /// Maximum step (`0` or infinite: none).
    pub hmax: f64,
    /// Minimum step.
    pub hmin: f64,
    /// Maximum steps per call (`0`: 500).
    pub mxstep: usize,
    /// Maximum "t + h = t" warnings (`0`: 10); warnings are not printed.
    pub mxhnil: usize,
    /// Maximum Adams order (`0`: 12).
    pub mxordn: usize,
    /// Maximum BDF order (`0`: 5).
    pub mxords: usize,
}

/// The state of one LSODA integration (ODEPACK's common blocks `ls0001`
/// and `lsa001` and the work arrays).
pub(crate) struct Lsoda<'a, F> {
    fun: F,
    jac: LsodaJac<'a>,
    pub(crate) n: usize,
    rtol: Vec<f64>,
    atol: Vec<f64>,
    // ls0001
    conit: f64,
    crate_: f64,
    el: [f64; 13],
    /// `elco[nq - 1][i]`.
    elco: [[f64; 13]; 12],
    hold: f64,
    rmax: f64,
    /// `tesco[nq - 1][k]`.
    tesco: [[f64; 3]; 12],
    ccmax: f64,
    el0: f64,
    pub(crate) h: f64,
    hmin: f64,
    hmxi: f64,
    pub(crate) hu: f64,
    rc: f64,
    pub(crate) tn: f64,
    uround: f64,
    init: bool,
    mxstep: usize,
    /// ODEPACK's limit on "t + h = t" warnings; warnings are not printed,
    /// the count is kept in `nhnil`.
    #[allow(dead_code)]
    mxhnil: usize,
    nhnil: usize,
    ntrep: usize,
    nslast: usize,
    ialth: usize,
    ipup: usize,
    lmax: usize,
    nqnyh: usize,
    nslp: usize,
    icf: i32,
    ierpj: i32,
    iersl: i32,
    jcur: i32,
    jstart: i32,
    kflag: i32,
    l: usize,
    meth: usize,
    miter: usize,
    maxord: usize,
    maxcor: usize,
    msbp: usize,
    mxncf: usize,
    pub(crate) nq: usize,
    pub(crate) nst: usize,
    pub(crate) nfe: usize,
    pub(crate) nje: usize,
    pub(crate) nqu: usize,
    // lsa001
    pub(crate) tsw: f64,
    pdest: f64,
    pdlast: f64,
    ratio: f64,
    cm1: [f64; 12],
    cm2: [f64; 5],
    pdnorm: f64,
    icount: i32,
    irflag: i32,
    jtyp: usize,
    pub(crate) mused: usize,
    mxordn: usize,
    mxords: usize,
    pub(crate) tolsf: f64,
    pub(crate) imxer: usize,
    // work arrays
    /// Nordsieck array, `n x 13` column-major.
    pub(crate) yh: Vec<f64>,
    ewt: Vec<f64>,
    savf: Vec<f64>,
    acor: Vec<f64>,
    ftem: Vec<f64>,
    /// The iteration matrix P = I - h el0 J (row-major) and its LU.
    wm: Vec<f64>,
    lu: Option<Lu<f64>>,
}

/// ODEPACK's `vmnorm`: the weighted max-norm `max |v_i| w_i`.
#[inline]
fn vmnorm(v: &[f64], w: &[f64]) -> f64 {
    let mut vm = 0.0f64;
    for (a, b) in v.iter().zip(w) {
        vm = vm.max(a.abs() * b);
    }
    vm
}

/// ODEPACK's `cfode`: the method coefficients `elco` and test constants
/// `tesco` for all orders of the Adams (`meth = 1`) or BDF (`meth = 2`)
/// methods.
fn cfode(meth: usize, elco: &mut [[f64; 13]; 12], tesco: &mut [[f64; 3]; 12]) {
    // 1-based pc(1..=13) as in the Fortran.
    let mut pc = [0.0f64; 14];
    if meth == 1 {
        elco[0][0] = 1.0;
        elco[0][1] = 1.0;
        tesco[0][0] = 0.0;
        tesco[0][1] = 2.0;
        tesco[1][0] = 1.0;
        tesco[11][2] = 0.0;
        pc[1] = 1.0;
        let mut rqfac = 1.0;
        for nq in 2..=12usize {
            let rq1fac = rqfac;
            rqfac /= nq as f64;
            let nqm1 = nq - 1;
            let fnqm1 = nqm1 as f64;
            let nqp1 = nq + 1;
            pc[nq] = 0.0;
            for ib in 1..=nqm1 {
                let i = nqp1 - ib;
                pc[i] = pc[i - 1] + fnqm1 * pc[i];
            }
            pc[1] *= fnqm1;
            let mut pint = pc[1];
            let mut xpin = pc[1] / 2.0;
            let mut tsign = 1.0;
            for i in 2..=nq {
                tsign = -tsign;
                pint += tsign * pc[i] / i as f64;
                xpin += tsign * pc[i] / (i + 1) as f64;
            }
            elco[nq - 1][0] = pint * rq1fac;
            elco[nq - 1][1] = 1.0;
            for i in 2..=nq {
                elco[nq - 1][i] = rq1fac * pc[i] / i as f64;
            }
            let agamq = rqfac * xpin;
            let ragq = 1.0 / agamq;
            tesco[nq - 1][1] = ragq;
            if nq < 12 {
                tesco[nqp1 - 1][0] = ragq * rqfac / nqp1 as f64;
            }
            tesco[nqm1 - 1][2] = ragq;
        }
        return;
    }
    pc[1] = 1.0;
    let mut rq1fac = 1.0;
    for nq in 1..=5usize {
        let fnq = nq as f64;
        let nqp1 = nq + 1;
        pc[nqp1] = 0.0;
        for ib in 1..=nq {
            let i = nq + 2 - ib;
            pc[i] = pc[i - 1] + fnq * pc[i];
        }
        pc[1] *= fnq;
        for i in 1..=nqp1 {
            elco[nq - 1][i - 1] = pc[i] / pc[2];
        }
        elco[nq - 1][1] = 1.0;
        tesco[nq - 1][0] = rq1fac;
        tesco[nq - 1][1] = nqp1 as f64 / elco[nq - 1][0];
        tesco[nq - 1][2] = (nq + 2) as f64 / elco[nq - 1][0];
        rq1fac /= fnq;
    }
}

/// The control-flow labels of ODEPACK's `stoda`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum L {
    L150,
    L160,
    L170,
    L175,
    L200,
    L220,
    L250,
    L270,
    L350,
    L400,
    L405,
    L410,
    L430,
    L450,
    L470,
    L478,
    L480,
    L488,
    L500,
    L520,
    L540,
    L560,
    L570,
    L580,
    L590,
    L610,
    L620,
    L622,
    L625,
    L630,
    L640,
    L660,
    L670,
    L680,
    L690,
    L700,
    L720,
}

impl<'a, F: FnMut(f64, &[f64], &mut [f64])> Lsoda<'a, F> {
    pub(crate) fn new(fun: F, n: usize, jac: LsodaJac<'a>, s: &LsodaSettings) -> Self {
        let (jtyp, ml_mu) = match &jac {
            LsodaJac::Full(_) => (1, None),
            LsodaJac::FullFd => (2, None),
            LsodaJac::Banded(_, ml, mu) => (4, Some((*ml, *mu))),
            LsodaJac::BandedFd(ml, mu) => (5, Some((*ml, *mu))),
        };
        let _ = ml_mu;
        let or = |v: usize, d: usize| if v == 0 { d } else { v };
        Lsoda {
            fun,
            jac,
            n,
            rtol: s.rtol.clone(),
            atol: s.atol.clone(),
            conit: 0.0,
            crate_: 0.0,
            el: [0.0; 13],
            elco: [[0.0; 13]; 12],
            hold: 0.0,
            rmax: 0.0,
            tesco: [[0.0; 3]; 12],
            ccmax: 0.0,
            el0: 0.0,
            h: s.h0,
            hmin: s.hmin,
            hmxi: if s.hmax > 0.0 && s.hmax.is_finite() {
                1.0 / s.hmax
            } else {
                0.0
            },
            hu: 0.0,
            rc: 0.0,
            tn: 0.0,
            uround: f64::EPSILON,
            init: false,
            mxstep: or(s.mxstep, 500),
            mxhnil: or(s.mxhnil, 10),
            nhnil: 0,
            ntrep: 0,
            nslast: 0,
            ialth: 0,
            ipup: 0,
            lmax: 0,
            nqnyh: 0,
            nslp: 0,
            icf: 0,
            ierpj: 0,
            iersl: 0,
            jcur: 0,
            jstart: 0,
            kflag: 0,
            l: 0,
            meth: 1,
            miter: 0,
            maxord: 0,
            maxcor: 0,
            msbp: 0,
            mxncf: 0,
            nq: 0,
            nst: 0,
            nfe: 0,
            nje: 0,
            nqu: 0,
            tsw: 0.0,
            pdest: 0.0,
            pdlast: 0.0,
            ratio: 0.0,
            cm1: [0.0; 12],
            cm2: [0.0; 5],
            pdnorm: 0.0,
            icount: 0,
            irflag: 0,
            jtyp,
            mused: 0,
            mxordn: or(s.mxordn, 100).min(MORD[0]),
            mxords: or(s.mxords, 100).min(MORD[1]),
            tolsf: 0.0,
            imxer: 0,
            yh: vec![0.0; n * LMAX_ALL],
            ewt: vec![0.0; n],
            savf: vec![0.0; n],
            acor: vec![0.0; n],
            ftem: vec![0.0; n],
            wm: vec![0.0; n * n],
            lu: None,
        }
    }

    #[inline]
    fn col(&self, j: usize) -> &[f64] {
        &self.yh[j * self.n..(j + 1) * self.n]
    }

    /// ODEPACK's `ewset` followed by the inversion LSODA applies; returns
    /// false if a weight is not positive.
    fn set_weights(&mut self) -> bool {
        for i in 0..self.n {
            let w = self.rtol[i] * self.yh[i].abs() + self.atol[i];
            if w <= 0.0 {
                return false;
            }
            self.ewt[i] = 1.0 / w;
        }
        true
    }

    /// ODEPACK's `intdy` for `k = 0`: the interpolated solution at `t`
    /// into `dky`; false if `t` is outside the last step.
    pub(crate) fn intdy(&self, t: f64, dky: &mut [f64]) -> bool {
        let tp = self.tn - self.hu - 100.0 * self.uround * (self.tn + self.hu);
        if (t - tp) * (t - self.tn) > 0.0 {
            return false;
        }
        let s = (t - self.tn) / self.h;
        let n = self.n;
        let l = self.nq + 1;
        for i in 0..n {
            dky[i] = self.yh[i + (l - 1) * n];
        }
        for jb in 1..=self.nq {
            let c = self.nq - jb;
            for i in 0..n {
                dky[i] = self.yh[i + c * n] + s * dky[i];
            }
        }
        true
    }

    /// ODEPACK's `prja`: evaluates the Jacobian (user's or finite
    /// differences at the predicted `y`), forms `P = I - h el0 J`, its norm
    /// `pdnorm` and its LU factorization.
    fn prja(&mut self, y: &mut [f64]) {
        let n = self.n;
        self.nje += 1;
        self.ierpj = 0;
        self.jcur = 1;
        let hl0 = self.h * self.el0;
        // wm holds -hl0 * J, row-major.
        let band = match self.jac {
            LsodaJac::Banded(_, ml, mu) | LsodaJac::BandedFd(ml, mu) => Some((ml, mu)),
            _ => None,
        };
        let in_band = |i: usize, j: usize| match band {
            None => true,
            Some((ml, mu)) => i <= j + ml && j <= i + mu,
        };
        match &mut self.jac {
            LsodaJac::Full(jac) | LsodaJac::Banded(jac, ..) => {
                self.wm.iter_mut().for_each(|v| *v = 0.0);
                jac(self.tn, y, &mut self.wm);
                let con = -hl0;
                for i in 0..n {
                    for j in 0..n {
                        let v = &mut self.wm[i * n + j];
                        *v = if in_band(i, j) { *v * con } else { 0.0 };
                    }
                }
            }
            LsodaJac::FullFd => {
                let mut fac = vmnorm(&self.savf, &self.ewt);
                let mut r0 = 1000.0 * self.h.abs() * self.uround * n as f64 * fac;
                if r0 == 0.0 {
                    r0 = 1.0;
                }
                let srur = self.uround.sqrt();
                for j in 0..n {
                    let yj = y[j];
                    let r = (srur * yj.abs()).max(r0 / self.ewt[j]);
                    y[j] += r;
                    fac = -hl0 / r;
                    (self.fun)(self.tn, y, &mut self.ftem);
                    for i in 0..n {
                        self.wm[i * n + j] = (self.ftem[i] - self.savf[i]) * fac;
                    }
                    y[j] = yj;
                }
                self.nfe += n;
            }
            LsodaJac::BandedFd(ml, mu) => {
                let (ml, mu) = (*ml, *mu);
                let mband = ml + mu + 1;
                let mba = mband.min(n);
                let srur = self.uround.sqrt();
                let fac0 = vmnorm(&self.savf, &self.ewt);
                let mut r0 = 1000.0 * self.h.abs() * self.uround * n as f64 * fac0;
                if r0 == 0.0 {
                    r0 = 1.0;
                }
                self.wm.iter_mut().for_each(|v| *v = 0.0);
                for j in 0..mba {
                    let mut i = j;
                    while i < n {
                        let yi = y[i];
                        let r = (srur * yi.abs()).max(r0 / self.ewt[i]);
                        y[i] += r;
                        i += mband;
                    }
                    (self.fun)(self.tn, y, &mut self.ftem);
                    let mut jj = j;
                    while jj < n {
                        y[jj] = self.yh[jj];
                        let yjj = y[jj];
                        let r = (srur * yjj.abs()).max(r0 / self.ewt[jj]);
                        let fac = -hl0 / r;
                        let i1 = jj.saturating_sub(mu);
                        let i2 = (jj + ml).min(n - 1);
                        for i in i1..=i2 {
                            self.wm[i * n + jj] = (self.ftem[i] - self.savf[i]) * fac;
                        }
                        jj += mband;
                    }
                }
                self.nfe += mba;
            }
        }
        // pdnorm: the matrix norm consistent with vmnorm (fnorm/bnorm).
        let mut an = 0.0f64;
        for i in 0..n {
            let mut sum = 0.0;
            for j in 0..n {
                if in_band(i, j) {
                    sum += self.wm[i * n + j].abs() / self.ewt[j];
                }
            }
            an = an.max(sum * self.ewt[i]);
        }
        self.pdnorm = an / hl0.abs();
        for i in 0..n {
            self.wm[i * n + i] += 1.0;
        }
        let lu = Lu::factor(n, self.wm.clone());
        if lu.is_singular() {
            self.ierpj = 1;
        }
        self.lu = Some(lu);
    }

    /// Retracts the Nordsieck array to its values before the prediction.
    fn retract(&mut self) {
        let nyh = self.n;
        let mut i1 = self.nqnyh;
        for _ in 0..self.nq {
            i1 -= nyh;
            for i in i1..self.nqnyh {
                self.yh[i] -= self.yh[i + nyh];
            }
        }
    }

    /// ODEPACK's `stoda`: one step (with retries), `kflag` reports the
    /// outcome. `y` is the work vector passed to `f`.
    fn stoda(&mut self, y: &mut [f64]) {
        let n = self.n;
        let nyh = n;
        self.kflag = 0;
        let told = self.tn;
        let mut ncf = 0;
        self.ierpj = 0;
        self.iersl = 0;
        self.jcur = 0;
        self.icf = 0;
        let mut delp = 0.0;
        let mut iret = 3;
        let mut iredo = 0;
        let mut rh = 0.0;
        let mut m = 0usize;
        let mut rate = 0.0;
        let mut del = 0.0;
        let mut pnorm = 0.0;
        let mut dsm = 0.0;
        let mut pdh = 0.0;
        let (mut rhup, mut rhsm, mut rhdn) = (0.0, 0.0, 0.0);
        let mut newq = 0usize;
        let mut rh2 = 0.0;
        let mut nqm2 = 0usize;
        let mut label = if self.jstart > 0 {
            L::L200
        } else if self.jstart == -1 {
            // 100
            self.ipup = self.miter;
            self.lmax = self.maxord + 1;
            if self.ialth == 1 {
                self.ialth = 2;
            }
            if self.meth == self.mused {
                L::L160
            } else {
                cfode(self.meth, &mut self.elco, &mut self.tesco);
                self.ialth = self.l;
                iret = 1;
                L::L150
            }
        } else if self.jstart == -2 {
            L::L160
        } else {
            // First call: order 1, rmax 1e4, coefficients of both methods.
            self.lmax = self.maxord + 1;
            self.nq = 1;
            self.l = 2;
            self.ialth = 2;
            self.rmax = 10000.0;
            self.rc = 0.0;
            self.el0 = 1.0;
            self.crate_ = 0.7;
            self.hold = self.h;
            self.nslp = 0;
            self.ipup = self.miter;
            iret = 3;
            self.icount = 20;
            self.irflag = 0;
            self.pdest = 0.0;
            self.pdlast = 0.0;
            self.ratio = 5.0;
            cfode(2, &mut self.elco, &mut self.tesco);
            for i in 0..5 {
                self.cm2[i] = self.tesco[i][1] * self.elco[i][i + 1];
            }
            cfode(1, &mut self.elco, &mut self.tesco);
            for i in 0..12 {
                self.cm1[i] = self.tesco[i][1] * self.elco[i][i + 1];
            }
            L::L150
        };
        loop {
            match label {
                L::L150 => {
                    for i in 0..self.l {
                        self.el[i] = self.elco[self.nq - 1][i];
                    }
                    self.nqnyh = self.nq * nyh;
                    self.rc = self.rc * self.el[0] / self.el0;
                    self.el0 = self.el[0];
                    self.conit = 0.5 / (self.nq + 2) as f64;
                    label = match iret {
                        1 => L::L160,
                        2 => L::L170,
                        _ => L::L200,
                    };
                }
                L::L160 => {
                    if self.h == self.hold {
                        label = L::L200;
                        continue;
                    }
                    rh = self.h / self.hold;
                    self.h = self.hold;
                    iredo = 3;
                    label = L::L175;
                }
                L::L170 => {
                    rh = rh.max(self.hmin / self.h.abs());
                    label = L::L175;
                }
                L::L175 => {
                    rh = rh.min(self.rmax);
                    rh /= 1.0f64.max(self.h.abs() * self.hmxi * rh);
                    if self.meth != 2 {
                        self.irflag = 0;
                        pdh = (self.h.abs() * self.pdlast).max(0.000001);
                        if !(rh * pdh * 1.00001 < SM1[self.nq - 1]) {
                            rh = SM1[self.nq - 1] / pdh;
                            self.irflag = 1;
                        }
                    }
                    // 178
                    let mut r = 1.0;
                    for j in 2..=self.l {
                        r *= rh;
                        for v in &mut self.yh[(j - 1) * nyh..j * nyh] {
                            *v *= r;
                        }
                    }
                    self.h *= rh;
                    self.rc *= rh;
                    self.ialth = self.l;
                    label = if iredo == 0 { L::L690 } else { L::L200 };
                }
                L::L200 => {
                    if (self.rc - 1.0).abs() > self.ccmax {
                        self.ipup = self.miter;
                    }
                    if self.nst >= self.nslp + self.msbp {
                        self.ipup = self.miter;
                    }
                    self.tn += self.h;
                    let mut i1 = self.nqnyh;
                    for _ in 0..self.nq {
                        i1 -= nyh;
                        for i in i1..self.nqnyh {
                            self.yh[i] += self.yh[i + nyh];
                        }
                    }
                    pnorm = vmnorm(self.col(0), &self.ewt);
                    label = L::L220;
                }
                L::L220 => {
                    m = 0;
                    rate = 0.0;
                    del = 0.0;
                    y.copy_from_slice(&self.yh[..n]);
                    (self.fun)(self.tn, y, &mut self.savf);
                    self.nfe += 1;
                    if self.ipup > 0 {
                        self.prja(y);
                        self.ipup = 0;
                        self.rc = 1.0;
                        self.nslp = self.nst;
                        self.crate_ = 0.7;
                        if self.ierpj != 0 {
                            label = L::L430;
                            continue;
                        }
                    }
                    label = L::L250;
                }
                L::L250 => {
                    self.acor.iter_mut().for_each(|v| *v = 0.0);
                    label = L::L270;
                }
                L::L270 => {
                    if self.miter != 0 {
                        label = L::L350;
                        continue;
                    }
                    // Functional iteration: update y directly from the last f.
                    for i in 0..n {
                        self.savf[i] = self.h * self.savf[i] - self.yh[i + nyh];
                        y[i] = self.savf[i] - self.acor[i];
                    }
                    del = vmnorm(y, &self.ewt);
                    for i in 0..n {
                        y[i] = self.yh[i] + self.el[0] * self.savf[i];
                        self.acor[i] = self.savf[i];
                    }
                    label = L::L400;
                }
                L::L350 => {
                    // Chord method: solve P x = corrector error.
                    for i in 0..n {
                        y[i] = self.h * self.savf[i] - (self.yh[i + nyh] + self.acor[i]);
                    }
                    self.iersl = 0;
                    self.lu.as_ref().expect("prja factored P").solve(y);
                    del = vmnorm(y, &self.ewt);
                    for i in 0..n {
                        self.acor[i] += y[i];
                        y[i] = self.yh[i] + self.el[0] * self.acor[i];
                    }
                    label = L::L400;
                }
                L::L400 => {
                    if del <= 100.0 * pnorm * self.uround {
                        label = L::L450;
                        continue;
                    }
                    if m == 0 && self.meth == 1 {
                        label = L::L405;
                        continue;
                    }
                    if m != 0 {
                        let mut rm = 1024.0;
                        if del <= 1024.0 * delp {
                            rm = del / delp;
                        }
                        rate = f64::max(rate, rm);
                        self.crate_ = (0.2 * self.crate_).max(rm);
                    }
                    // 402
                    let dcon =
                        del * 1.0f64.min(1.5 * self.crate_) / (self.tesco[self.nq - 1][1] * self.conit);
                    if dcon > 1.0 {
                        label = L::L405;
                        continue;
                    }
                    self.pdest = self.pdest.max(rate / (self.h * self.el[0]).abs());
                    if self.pdest != 0.0 {
                        self.pdlast = self.pdest;
                    }
                    label = L::L450;
                }
                L::L405 => {
                    m += 1;
                    if m == self.maxcor || (m >= 2 && del > 2.0 * delp) {
                        label = L::L410;
                        continue;
                    }
                    delp = del;
                    (self.fun)(self.tn, y, &mut self.savf);
                    self.nfe += 1;
                    label = L::L270;
                }
                L::L410 => {
                    if self.miter == 0 || self.jcur == 1 {
                        label = L::L430;
                        continue;
                    }
                    self.icf = 1;
                    self.ipup = self.miter;
                    label = L::L220;
                }
                L::L430 => {
                    self.icf = 2;
                    ncf += 1;
                    self.rmax = 2.0;
                    self.tn = told;
                    self.retract();
                    if self.ierpj < 0 || self.iersl < 0 {
                        label = L::L680;
                    } else if self.h.abs() <= self.hmin * 1.00001 || ncf == self.mxncf {
                        label = L::L670;
                    } else {
                        rh = 0.25;
                        self.ipup = self.miter;
                        iredo = 1;
                        label = L::L170;
                    }
                }
                L::L450 => {
                    self.jcur = 0;
                    if m == 0 {
                        dsm = del / self.tesco[self.nq - 1][1];
                    } else {
                        dsm = vmnorm(&self.acor, &self.ewt) / self.tesco[self.nq - 1][1];
                    }
                    if dsm > 1.0 {
                        label = L::L500;
                        continue;
                    }
                    // A successful step: update yh, consider switching methods.
                    self.kflag = 0;
                    iredo = 0;
                    self.nst += 1;
                    self.hu = self.h;
                    self.nqu = self.nq;
                    self.mused = self.meth;
                    for j in 0..self.l {
                        let e = self.el[j];
                        for i in 0..n {
                            self.yh[i + j * nyh] += e * self.acor[i];
                        }
                    }
                    self.icount -= 1;
                    if self.icount >= 0 {
                        label = L::L488;
                        continue;
                    }
                    if self.meth == 2 {
                        label = L::L480;
                        continue;
                    }
                    // Adams: consider switching to BDF.
                    if self.nq > 5 {
                        label = L::L488;
                        continue;
                    }
                    if dsm > 100.0 * pnorm * self.uround && self.pdest != 0.0 {
                        label = L::L470;
                        continue;
                    }
                    if self.irflag == 0 {
                        label = L::L488;
                        continue;
                    }
                    rh2 = 2.0;
                    nqm2 = self.nq.min(self.mxords);
                    label = L::L478;
                }
                L::L470 => {
                    let exsm = 1.0 / self.l as f64;
                    let mut rh1 = 1.0 / (1.2 * dsm.powf(exsm) + 0.0000012);
                    let mut rh1it = 2.0 * rh1;
                    pdh = self.pdlast * self.h.abs();
                    if pdh * rh1 > 0.00001 {
                        rh1it = SM1[self.nq - 1] / pdh;
                    }
                    rh1 = rh1.min(rh1it);
                    if self.nq > self.mxords {
                        nqm2 = self.mxords;
                        let lm2 = self.mxords + 1;
                        let exm2 = 1.0 / lm2 as f64;
                        let lm2p1 = lm2 + 1;
                        let dm2 = vmnorm(self.col(lm2p1 - 1), &self.ewt) / self.cm2[self.mxords - 1];
                        rh2 = 1.0 / (1.2 * dm2.powf(exm2) + 0.0000012);
                    } else {
                        let dm2 = dsm * (self.cm1[self.nq - 1] / self.cm2[self.nq - 1]);
                        rh2 = 1.0 / (1.2 * dm2.powf(exsm) + 0.0000012);
                        nqm2 = self.nq;
                    }
                    label = if rh2 < self.ratio * rh1 { L::L488 } else { L::L478 };
                }
                L::L478 => {
                    rh = rh2;
                    self.icount = 20;
                    self.meth = 2;
                    self.miter = self.jtyp;
                    self.pdlast = 0.0;
                    self.nq = nqm2;
                    self.l = self.nq + 1;
                    label = L::L170;
                }
                L::L480 => {
                    // BDF: consider switching to Adams.
                    let exsm = 1.0 / self.l as f64;
                    let (nqm1, exm1, mut dm1, mut rh1);
                    if self.mxordn < self.nq {
                        nqm1 = self.mxordn;
                        let lm1 = self.mxordn + 1;
                        exm1 = 1.0 / lm1 as f64;
                        let lm1p1 = lm1 + 1;
                        dm1 = vmnorm(self.col(lm1p1 - 1), &self.ewt) / self.cm1[self.mxordn - 1];
                        rh1 = 1.0 / (1.2 * dm1.powf(exm1) + 0.0000012);
                    } else {
                        dm1 = dsm * (self.cm2[self.nq - 1] / self.cm1[self.nq - 1]);
                        rh1 = 1.0 / (1.2 * dm1.powf(exsm) + 0.0000012);
                        nqm1 = self.nq;
                        exm1 = exsm;
                    }
                    // 486
                    let mut rh1it = 2.0 * rh1;
                    pdh = self.pdnorm * self.h.abs();
                    if pdh * rh1 > 0.00001 {
                        rh1it = SM1[nqm1 - 1] / pdh;
                    }
                    rh1 = rh1.min(rh1it);
                    rh2 = 1.0 / (1.2 * dsm.powf(exsm) + 0.0000012);
                    if rh1 * self.ratio < 5.0 * rh2 {
                        label = L::L488;
                        continue;
                    }
                    let alpha = 0.001f64.max(rh1);
                    dm1 *= alpha.powf(exm1);
                    if dm1 <= 1000.0 * self.uround * pnorm {
                        label = L::L488;
                        continue;
                    }
                    rh = rh1;
                    self.icount = 20;
                    self.meth = 1;
                    self.miter = 0;
                    self.pdlast = 0.0;
                    self.nq = nqm1;
                    self.l = self.nq + 1;
                    label = L::L170;
                }
                L::L488 => {
                    self.ialth -= 1;
                    if self.ialth == 0 {
                        label = L::L520;
                    } else if self.ialth > 1 || self.l == self.lmax {
                        label = L::L700;
                    } else {
                        let lm = self.lmax - 1;
                        self.yh[lm * nyh..(lm + 1) * nyh].copy_from_slice(&self.acor);
                        label = L::L700;
                    }
                }
                L::L500 => {
                    // The error test failed.
                    self.kflag -= 1;
                    self.tn = told;
                    self.retract();
                    self.rmax = 2.0;
                    if self.h.abs() <= self.hmin * 1.00001 {
                        label = L::L660;
                    } else if self.kflag <= -3 {
                        label = L::L640;
                    } else {
                        iredo = 2;
                        rhup = 0.0;
                        label = L::L540;
                    }
                }
                L::L520 => {
                    rhup = 0.0;
                    if self.l != self.lmax {
                        let lm = self.lmax - 1;
                        for i in 0..n {
                            self.savf[i] = self.acor[i] - self.yh[i + lm * nyh];
                        }
                        let dup = vmnorm(&self.savf, &self.ewt) / self.tesco[self.nq - 1][2];
                        let exup = 1.0 / (self.l + 1) as f64;
                        rhup = 1.0 / (1.4 * dup.powf(exup) + 0.0000014);
                    }
                    label = L::L540;
                }
                L::L540 => {
                    let exsm = 1.0 / self.l as f64;
                    rhsm = 1.0 / (1.2 * dsm.powf(exsm) + 0.0000012);
                    rhdn = 0.0;
                    if self.nq != 1 {
                        let ddn = vmnorm(self.col(self.l - 1), &self.ewt) / self.tesco[self.nq - 1][0];
                        let exdn = 1.0 / self.nq as f64;
                        rhdn = 1.0 / (1.3 * ddn.powf(exdn) + 0.0000013);
                    }
                    // 550
                    if self.meth != 2 {
                        pdh = (self.h.abs() * self.pdlast).max(0.000001);
                        if self.l < self.lmax {
                            rhup = rhup.min(SM1[self.l - 1] / pdh);
                        }
                        rhsm = rhsm.min(SM1[self.nq - 1] / pdh);
                        if self.nq > 1 {
                            rhdn = rhdn.min(SM1[self.nq - 2] / pdh);
                        }
                        self.pdest = 0.0;
                    }
                    label = L::L560;
                }
                L::L560 => {
                    label = if rhsm >= rhup {
                        L::L570
                    } else if rhup > rhdn {
                        L::L590
                    } else {
                        L::L580
                    };
                }
                L::L570 => {
                    if rhsm < rhdn {
                        label = L::L580;
                        continue;
                    }
                    newq = self.nq;
                    rh = rhsm;
                    label = L::L620;
                }
                L::L580 => {
                    newq = self.nq - 1;
                    rh = rhdn;
                    if self.kflag < 0 && rh > 1.0 {
                        rh = 1.0;
                    }
                    label = L::L620;
                }
                L::L590 => {
                    newq = self.l;
                    rh = rhup;
                    if rh < 1.1 {
                        label = L::L610;
                        continue;
                    }
                    let r = self.el[self.l - 1] / self.l as f64;
                    for i in 0..n {
                        self.yh[i + newq * nyh] = self.acor[i] * r;
                    }
                    label = L::L630;
                }
                L::L610 => {
                    self.ialth = 3;
                    label = L::L700;
                }
                L::L620 => {
                    if self.meth == 2 {
                        label = L::L622;
                    } else if rh * pdh * 1.00001 >= SM1[newq - 1] {
                        label = L::L625;
                    } else {
                        label = L::L622;
                    }
                }
                L::L622 => {
                    label = if self.kflag == 0 && rh < 1.1 {
                        L::L610
                    } else {
                        L::L625
                    };
                }
                L::L625 => {
                    if self.kflag <= -2 {
                        rh = rh.min(0.2);
                    }
                    label = if newq == self.nq { L::L170 } else { L::L630 };
                }
                L::L630 => {
                    self.nq = newq;
                    self.l = self.nq + 1;
                    iret = 2;
                    label = L::L150;
                }
                L::L640 => {
                    // Three or more failures: restart at order 1 with h / 10.
                    if self.kflag == -10 {
                        label = L::L660;
                        continue;
                    }
                    rh = 0.1f64;
                    rh = (self.hmin / self.h.abs()).max(rh);
                    self.h *= rh;
                    y.copy_from_slice(&self.yh[..n]);
                    (self.fun)(self.tn, y, &mut self.savf);
                    self.nfe += 1;
                    for i in 0..n {
                        self.yh[i + nyh] = self.h * self.savf[i];
                    }
                    self.ipup = self.miter;
                    self.ialth = 5;
                    if self.nq == 1 {
                        label = L::L200;
                        continue;
                    }
                    self.nq = 1;
                    self.l = 2;
                    iret = 3;
                    label = L::L150;
                }
                L::L660 => {
                    self.kflag = -1;
                    label = L::L720;
                }
                L::L670 => {
                    self.kflag = -2;
                    label = L::L720;
                }
                L::L680 => {
                    self.kflag = -3;
                    label = L::L720;
                }
                L::L690 => {
                    self.rmax = 10.0;
                    label = L::L700;
                }
                L::L700 => {
                    let r = 1.0 / self.tesco[self.nqu - 1][1];
                    for v in &mut self.acor {
                        *v *= r;
                    }
                    label = L::L720;
                }
                L::L720 => {
                    self.hold = self.h;
                    self.jstart = 1;
                    return;
                }
            }
        }
    }

    /// ODEPACK's `lsoda` driver for `itask` 1 (interpolate to `tout`),
    /// 2 (one step), 4 (to `tout` without passing `tcrit`) and 5 (one step
    /// without passing `tcrit`). `istate` is 1 on the first call, 2 on
    /// continuation calls; on return it is 2 on success, negative on
    /// failure (as ODEPACK: -1 excess work, -2 excess accuracy, -3 illegal
    /// input, -4 repeated error test failures, -5 repeated convergence
    /// failures, -6 zero error weight).
    pub(crate) fn lsoda(
        &mut self,
        y: &mut [f64],
        t: &mut f64,
        tout: f64,
        itask: i32,
        istate: &mut i32,
        tcrit: f64,
    ) {
        let n = self.n;
        let uround = f64::EPSILON;
        let mut ihit = false;
        // Where to continue: true = block E after the initial call (skip
        // the weights update, label 270).
        let mut skip_weights = false;
        if *istate == 1 {
            self.init = false;
            if tout == *t {
                self.ntrep += 1;
                return;
            }
            self.ntrep = 0;
            if self.rtol.iter().chain(&self.atol).any(|&v| v < 0.0) {
                *istate = -3;
                return;
            }
            // Block C: initializations, the first f call, the initial step.
            self.uround = uround;
            self.tn = *t;
            self.tsw = *t;
            self.maxord = self.mxordn;
            let mut h0 = self.h;
            if itask == 4 || itask == 5 {
                if (tcrit - tout) * (tout - *t) < 0.0 {
                    *istate = -3;
                    return;
                }
                if h0 != 0.0 && (*t + h0 - tcrit) * h0 > 0.0 {
                    h0 = tcrit - *t;
                }
            }
            self.jstart = 0;
            self.nhnil = 0;
            self.nst = 0;
            self.nje = 0;
            self.nslast = 0;
            self.hu = 0.0;
            self.nqu = 0;
            self.mused = 0;
            self.miter = 0;
            self.meth = 1;
            self.ccmax = 0.3;
            self.maxcor = 3;
            self.msbp = 20;
            self.mxncf = 10;
            let mut f0 = vec![0.0; n];
            (self.fun)(*t, y, &mut f0);
            self.nfe = 1;
            self.yh[..n].copy_from_slice(y);
            self.nq = 1;
            self.h = 1.0;
            if !self.set_weights() {
                *istate = -3;
                return;
            }
            if h0 == 0.0 {
                let tdist = (tout - *t).abs();
                let w0 = t.abs().max(tout.abs());
                if tdist < 2.0 * uround * w0 {
                    *istate = -3;
                    return;
                }
                let mut tol = self.rtol.iter().copied().fold(self.rtol[0], f64::max);
                if tol <= 0.0 {
                    for i in 0..n {
                        let ayi = y[i].abs();
                        if ayi != 0.0 {
                            tol = tol.max(self.atol[i] / ayi);
                        }
                    }
                }
                tol = tol.max(100.0 * uround);
                tol = tol.min(0.001);
                let mut sum = vmnorm(&f0, &self.ewt);
                sum = 1.0 / (tol * w0 * w0) + tol * sum.powi(2);
                h0 = 1.0 / sum.sqrt();
                h0 = h0.min(tdist);
                h0 = h0.abs().copysign(tout - *t);
            }
            let rh = h0.abs() * self.hmxi;
            if rh > 1.0 {
                h0 /= rh;
            }
            self.h = h0;
            for i in 0..n {
                self.yh[n + i] = h0 * f0[i];
            }
            skip_weights = true;
        } else {
            // Block D: continuation calls check the stop conditions first.
            self.nslast = self.nst;
            match itask {
                1 => {
                    if (self.tn - tout) * self.h >= 0.0 {
                        if !self.intdy(tout, y) {
                            *istate = -3;
                            return;
                        }
                        *t = tout;
                        *istate = 2;
                        return;
                    }
                }
                4 | 5 => {
                    if (self.tn - tcrit) * self.h > 0.0 {
                        *istate = -3;
                        return;
                    }
                    let mut check_tcrit = true;
                    if itask == 4 {
                        if (tcrit - tout) * self.h < 0.0 {
                            *istate = -3;
                            return;
                        }
                        if (self.tn - tout) * self.h >= 0.0 {
                            if !self.intdy(tout, y) {
                                *istate = -3;
                                return;
                            }
                            *t = tout;
                            *istate = 2;
                            return;
                        }
                        check_tcrit = true;
                    }
                    if check_tcrit {
                        // 245
                        let hmx = self.tn.abs() + self.h.abs();
                        ihit = (self.tn - tcrit).abs() <= 100.0 * uround * hmx;
                        if ihit {
                            y.copy_from_slice(&self.yh[..n]);
                            *t = tcrit;
                            *istate = 2;
                            return;
                        }
                        let tnext = self.tn + self.h * (1.0 + 4.0 * uround);
                        if (tnext - tcrit) * self.h > 0.0 {
                            self.h = (tcrit - self.tn) * (1.0 - 4.0 * uround);
                            if *istate == 2 && self.jstart >= 0 {
                                self.jstart = -2;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        // Block E: the step loop.
        loop {
            if !skip_weights {
                if self.nst - self.nslast >= self.mxstep {
                    *istate = -1;
                    self.fail_exit(y, t);
                    return;
                }
                if !self.set_weights() {
                    *istate = -6;
                    self.fail_exit(y, t);
                    return;
                }
            }
            skip_weights = false;
            // 270
            let mut tolsf = uround * vmnorm(self.col(0), &self.ewt);
            if tolsf > 0.01 {
                tolsf *= 200.0;
                self.tolsf = tolsf;
                *istate = if self.nst == 0 { -3 } else { -2 };
                self.fail_exit(y, t);
                return;
            }
            if self.tn + self.h == self.tn {
                self.nhnil += 1;
            }
            self.stoda(y);
            match self.kflag {
                -1 | -2 => {
                    *istate = if self.kflag == -1 { -4 } else { -5 };
                    // imxer: the component with the largest weighted local error.
                    let mut big = 0.0;
                    self.imxer = 1;
                    for i in 0..n {
                        let size = (self.acor[i] * self.ewt[i]).abs();
                        if big < size {
                            big = size;
                            self.imxer = i + 1;
                        }
                    }
                    self.fail_exit(y, t);
                    return;
                }
                _ => {}
            }
            // Block F: a successful step.
            self.init = true;
            if self.meth != self.mused {
                self.tsw = self.tn;
                self.maxord = if self.meth == 2 { self.mxords } else { self.mxordn };
                self.jstart = -1;
            }
            match itask {
                1 => {
                    if (self.tn - tout) * self.h < 0.0 {
                        continue;
                    }
                    self.intdy(tout, y);
                    *t = tout;
                    *istate = 2;
                    return;
                }
                4 => {
                    if (self.tn - tout) * self.h >= 0.0 {
                        self.intdy(tout, y);
                        *t = tout;
                        *istate = 2;
                        return;
                    }
                    let hmx = self.tn.abs() + self.h.abs();
                    ihit = (self.tn - tcrit).abs() <= 100.0 * uround * hmx;
                    if !ihit {
                        let tnext = self.tn + self.h * (1.0 + 4.0 * uround);
                        if (tnext - tcrit) * self.h > 0.0 {
                            self.h = (tcrit - self.tn) * (1.0 - 4.0 * uround);
                            if self.jstart >= 0 {
                                self.jstart = -2;
                            }
                        }
                        continue;
                    }
                }
                5 => {
                    let hmx = self.tn.abs() + self.h.abs();
                    ihit = (self.tn - tcrit).abs() <= 100.0 * uround * hmx;
                }
                _ => {}
            }
            // 400
            y.copy_from_slice(&self.yh[..n]);
            *t = self.tn;
            if (itask == 4 || itask == 5) && ihit {
                *t = tcrit;
            }
            *istate = 2;
            return;
        }
    }

    fn fail_exit(&mut self, y: &mut [f64], t: &mut f64) {
        y.copy_from_slice(&self.yh[..self.n]);
        *t = self.tn;
    }

    /// The Nordsieck array of the last step at the order used on it, as
    /// SciPy's `LSODA._dense_output_impl` reads it (`n x (order + 1)`
    /// row-major), with the step size it is scaled to.
    fn nordsieck(&self) -> (Vec<f64>, f64, usize) {
        let n = self.n;
        let order = self.nqu;
        let h = self.h;
        let mut yh = vec![0.0; n * (order + 1)];
        for i in 0..n {
            for j in 0..=order {
                yh[i * (order + 1) + j] = self.yh[i + j * n];
            }
        }
        if self.nq < order {
            // The last column was not rescaled when the order decreased.
            let s = (h / self.hu).powf(order as f64);
            for i in 0..n {
                yh[i * (order + 1) + order] *= s;
            }
        }
        (yh, h, order)
    }
}

/// `solve_ivp(method='LSODA')`: LSODA one step at a time (`itask = 5`,
/// never past `t_bound`).
pub(crate) struct LsodaSolver<'a, T, F> {
    core: Lsoda<'a, F>,
    t: f64,
    /// The state as the caller's (real) element type.
    y: Vec<T>,
    t_old: Option<f64>,
    t_bound: f64,
    direction: f64,
    status: Status,
    istate: i32,
    work: Vec<f64>,
}

impl<'a, T: OdeScalar, F: FnMut(f64, &[f64], &mut [f64])> LsodaSolver<'a, T, F> {
    pub(crate) fn new(core: Lsoda<'a, F>, t0: f64, y0: &[f64], t_bound: f64) -> Self {
        let direction = if t_bound != t0 {
            (t_bound - t0).signum()
        } else {
            1.0
        };
        LsodaSolver {
            core,
            t: t0,
            y: y0.iter().map(|&v| T::from_f64(v)).collect(),
            t_old: None,
            t_bound,
            direction,
            status: Status::Running,
            istate: 1,
            work: y0.to_vec(),
        }
    }
}

impl<T: OdeScalar, F: FnMut(f64, &[f64], &mut [f64])> Solver<T> for LsodaSolver<'_, T, F> {
    fn t(&self) -> f64 {
        self.t
    }
    fn y(&self) -> &[T] {
        &self.y
    }
    fn t_old(&self) -> Option<f64> {
        self.t_old
    }
    fn status(&self) -> Status {
        self.status
    }
    fn step(&mut self) -> Option<String> {
        assert!(
            self.status == Status::Running,
            "Attempt to step on a failed or finished solver."
        );
        let n = self.y.len();
        if n == 0 || self.t == self.t_bound {
            self.t_old = Some(self.t);
            self.t = self.t_bound;
            self.status = Status::Finished;
            return None;
        }
        let t_prev = self.t;
        let mut t = self.t;
        self.core.lsoda(
            &mut self.work,
            &mut t,
            self.t_bound,
            5,
            &mut self.istate,
            self.t_bound,
        );
        if self.istate < 0 {
            self.status = Status::Failed;
            return Some("Unexpected istate in LSODA.".to_string());
        }
        self.t = t;
        for (o, v) in self.y.iter_mut().zip(&self.work) {
            *o = T::from_f64(*v);
        }
        self.t_old = Some(t_prev);
        if self.direction * (self.t - self.t_bound) >= 0.0 {
            self.status = Status::Finished;
        }
        None
    }
    fn dense_output(&mut self) -> DenseOutput<T> {
        let t_old = self
            .t_old
            .expect("Dense output is available after a successful step was made.");
        if self.y.is_empty() || self.t == t_old {
            return DenseOutput::Constant {
                t_old,
                t: self.t,
                value: self.y.clone(),
            };
        }
        let (yh, h, order) = self.core.nordsieck();
        DenseOutput::Lsoda {
            t: self.t,
            h,
            yh: yh.into_iter().map(T::from_f64).collect(),
            order,
        }
    }
    fn counts(&self) -> (usize, usize, usize) {
        (self.core.nfe, self.core.nje, self.core.nje)
    }
    fn alt_segment(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cfode_coefficients() {
        let mut elco = [[0.0; 13]; 12];
        let mut tesco = [[0.0; 3]; 12];
        cfode(2, &mut elco, &mut tesco);
        // BDF1: l(x) = x + 1; BDF2: (x+1)(x+2)/3 -> [2/3, 1, 1/3]
        assert_eq!(&elco[0][..2], &[1.0, 1.0]);
        assert!((elco[1][0] - 2.0 / 3.0).abs() < 1e-15 && (elco[1][2] - 1.0 / 3.0).abs() < 1e-15);
        cfode(1, &mut elco, &mut tesco);
        // Adams order 2 (trapezoidal): el = [1/2, 1, 1/2]
        assert!((elco[1][0] - 0.5).abs() < 1e-15 && (elco[1][2] - 0.5).abs() < 1e-15);
        assert_eq!(tesco[0][1], 2.0);
    }
}
