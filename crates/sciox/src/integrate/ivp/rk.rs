//! Explicit Runge–Kutta solvers of solve_ivp (SciPy's `_ivp/rk.py`):
//! RK23 (Bogacki–Shampine 3(2)), RK45 (Dormand–Prince 5(4)) and DOP853
//! (Dormand–Prince 8(5,3)), with SciPy's error norm, step-size controller
//! and dense output.

use super::common::{
    DenseOutput, OdeScalar, Solver, Status, TOO_SMALL_STEP, Tols, base_step, min_step_at, scaled_norm,
    select_initial_step,
};

/// Multiply steps computed from asymptotic behaviour of errors by this.
const SAFETY: f64 = 0.9;
/// Minimum allowed decrease in a step size.
const MIN_FACTOR: f64 = 0.2;
/// Maximum allowed increase in a step size.
const MAX_FACTOR: f64 = 10.0;

// Butcher tableaus, error estimators and interpolation coefficients,
// printed from SciPy's arrays with `repr` (the same doubles).
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
mod tables {
    pub(crate) const RK23_C: [f64; 3] = [0.0, 0.5, 0.75];
    pub(crate) const RK23_A: [[f64; 3]; 3] = [[0.0, 0.0, 0.0], [0.5, 0.0, 0.0], [0.0, 0.75, 0.0]];
    pub(crate) const RK23_B: [f64; 3] = [0.2222222222222222, 0.3333333333333333, 0.4444444444444444];
    pub(crate) const RK23_E: [f64; 4] = [
        0.06944444444444445,
        -0.08333333333333333,
        -0.1111111111111111,
        0.125,
    ];
    pub(crate) const RK23_P: [[f64; 3]; 4] = [
        [1.0, -1.3333333333333333, 0.5555555555555556],
        [0.0, 1.0, -0.6666666666666666],
        [0.0, 1.3333333333333333, -0.8888888888888888],
        [0.0, -1.0, 1.0],
    ];
    pub(crate) const RK45_C: [f64; 6] = [0.0, 0.2, 0.3, 0.8, 0.8888888888888888, 1.0];
    pub(crate) const RK45_A: [[f64; 5]; 6] = [
        [0.0, 0.0, 0.0, 0.0, 0.0],
        [0.2, 0.0, 0.0, 0.0, 0.0],
        [0.075, 0.225, 0.0, 0.0, 0.0],
        [
            0.9777777777777777,
            -3.7333333333333334,
            3.5555555555555554,
            0.0,
            0.0,
        ],
        [
            2.9525986892242035,
            -11.595793324188385,
            9.822892851699436,
            -0.2908093278463649,
            0.0,
        ],
        [
            2.8462752525252526,
            -10.757575757575758,
            8.906422717743473,
            0.2784090909090909,
            -0.2735313036020583,
        ],
    ];
    pub(crate) const RK45_B: [f64; 6] = [
        0.09114583333333333,
        0.0,
        0.44923629829290207,
        0.6510416666666666,
        -0.322376179245283,
        0.13095238095238096,
    ];
    pub(crate) const RK45_E: [f64; 7] = [
        -0.0012326388888888888,
        0.0,
        0.0042527702905061394,
        -0.03697916666666667,
        0.05086379716981132,
        -0.0419047619047619,
        0.025,
    ];
    pub(crate) const RK45_P: [[f64; 4]; 7] = [
        [1.0, -2.8535800653862835, 3.0717434641059005, -1.1270175653862835],
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 4.023133379230305, -6.249321565289, 2.675424484351598],
        [0.0, -3.7324019615885042, 10.068970589843675, -5.685526961588504],
        [0.0, 2.5548038301849423, -6.399112377351017, 3.5219323679207912],
        [0.0, -1.3744241142186024, 3.272657752246729, -1.7672812570757455],
        [0.0, 1.3824689317781436, -3.764937863556287, 2.382468931778144],
    ];
    pub(crate) const DOP853_A: [[f64; 16]; 16] = [
        [
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        ],
        [
            0.05260015195876773,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.0197250569845379,
            0.0591751709536137,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.02958758547680685,
            0.0,
            0.08876275643042054,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.2413651341592667,
            0.0,
            -0.8845494793282861,
            0.924834003261792,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.037037037037037035,
            0.0,
            0.0,
            0.17082860872947386,
            0.12546768756682242,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.037109375,
            0.0,
            0.0,
            0.17025221101954405,
            0.06021653898045596,
            -0.017578125,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.03709200011850479,
            0.0,
            0.0,
            0.17038392571223998,
            0.10726203044637328,
            -0.015319437748624402,
            0.008273789163814023,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.6241109587160757,
            0.0,
            0.0,
            -3.3608926294469414,
            -0.868219346841726,
            27.59209969944671,
            20.154067550477894,
            -43.48988418106996,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.47766253643826434,
            0.0,
            0.0,
            -2.4881146199716677,
            -0.590290826836843,
            21.230051448181193,
            15.279233632882423,
            -33.28821096898486,
            -0.020331201708508627,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            -0.9371424300859873,
            0.0,
            0.0,
            5.186372428844064,
            1.0914373489967295,
            -8.149787010746927,
            -18.52006565999696,
            22.739487099350505,
            2.4936055526796523,
            -3.0467644718982196,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            2.273310147516538,
            0.0,
            0.0,
            -10.53449546673725,
            -2.0008720582248625,
            -17.9589318631188,
            27.94888452941996,
            -2.8589982771350235,
            -8.87285693353063,
            12.360567175794303,
            0.6433927460157636,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.054293734116568765,
            0.0,
            0.0,
            0.0,
            0.0,
            4.450312892752409,
            1.8915178993145003,
            -5.801203960010585,
            0.3111643669578199,
            -0.1521609496625161,
            0.20136540080403034,
            0.04471061572777259,
            0.0,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.056167502283047954,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            0.25350021021662483,
            -0.2462390374708025,
            -0.12419142326381637,
            0.15329179827876568,
            0.00820105229563469,
            0.007567897660545699,
            -0.008298,
            0.0,
            0.0,
            0.0,
        ],
        [
            0.03183464816350214,
            0.0,
            0.0,
            0.0,
            0.0,
            0.028300909672366776,
            0.053541988307438566,
            -0.05492374857139099,
            0.0,
            0.0,
            -0.00010834732869724932,
            0.0003825710908356584,
            -0.00034046500868740456,
            0.1413124436746325,
            0.0,
            0.0,
        ],
        [
            -0.42889630158379194,
            0.0,
            0.0,
            0.0,
            0.0,
            -4.697621415361164,
            7.683421196062599,
            4.06898981839711,
            0.3567271874552811,
            0.0,
            0.0,
            0.0,
            -0.0013990241651590145,
            2.9475147891527724,
            -9.15095847217987,
            0.0,
        ],
    ];
    pub(crate) const DOP853_B: [f64; 12] = [
        0.054293734116568765,
        0.0,
        0.0,
        0.0,
        0.0,
        4.450312892752409,
        1.8915178993145003,
        -5.801203960010585,
        0.3111643669578199,
        -0.1521609496625161,
        0.20136540080403034,
        0.04471061572777259,
    ];
    pub(crate) const DOP853_C: [f64; 16] = [
        0.0,
        0.05260015195876773,
        0.0789002279381516,
        0.1183503419072274,
        0.2816496580927726,
        0.3333333333333333,
        0.25,
        0.3076923076923077,
        0.6512820512820513,
        0.6,
        0.8571428571428571,
        1.0,
        1.0,
        0.1,
        0.2,
        0.7777777777777778,
    ];
    pub(crate) const DOP853_E3: [f64; 13] = [
        -0.18980075407240762,
        0.0,
        0.0,
        0.0,
        0.0,
        4.450312892752409,
        1.8915178993145003,
        -5.801203960010585,
        -0.4226823213237919,
        -0.1521609496625161,
        0.20136540080403034,
        0.02265179219836082,
        0.0,
    ];
    pub(crate) const DOP853_E5: [f64; 13] = [
        0.01312004499419488,
        0.0,
        0.0,
        0.0,
        0.0,
        -1.2251564463762044,
        -0.4957589496572502,
        1.6643771824549864,
        -0.35032884874997366,
        0.3341791187130175,
        0.08192320648511571,
        -0.022355307863886294,
        0.0,
    ];
    pub(crate) const DOP853_D: [[f64; 16]; 4] = [
        [
            -8.428938276109013,
            0.0,
            0.0,
            0.0,
            0.0,
            0.5667149535193777,
            -3.0689499459498917,
            2.38466765651207,
            2.117034582445028,
            -0.871391583777973,
            2.2404374302607883,
            0.6315787787694688,
            -0.08899033645133331,
            18.148505520854727,
            -9.194632392478356,
            -4.436036387594894,
        ],
        [
            10.427508642579134,
            0.0,
            0.0,
            0.0,
            0.0,
            242.28349177525817,
            165.20045171727028,
            -374.5467547226902,
            -22.113666853125306,
            7.733432668472264,
            -30.674084731089398,
            -9.332130526430229,
            15.697238121770845,
            -31.139403219565178,
            -9.35292435884448,
            35.81684148639408,
        ],
        [
            19.985053242002433,
            0.0,
            0.0,
            0.0,
            0.0,
            -387.0373087493518,
            -189.17813819516758,
            527.8081592054236,
            -11.57390253995963,
            6.8812326946963,
            -1.0006050966910838,
            0.7777137798053443,
            -2.778205752353508,
            -60.19669523126412,
            84.32040550667716,
            11.99229113618279,
        ],
        [
            -25.69393346270375,
            0.0,
            0.0,
            0.0,
            0.0,
            -154.18974869023643,
            -231.5293791760455,
            357.6391179106141,
            93.40532418362432,
            -37.45832313645163,
            104.0996495089623,
            29.8402934266605,
            -43.53345659001114,
            96.32455395918828,
            -39.17726167561544,
            -149.72683625798564,
        ],
    ];
}
use tables::*;

/// Which explicit Runge–Kutta pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RkKind {
    Rk23,
    Rk45,
    Dop853,
}

/// A tableau in flat row-major storage.
struct Tableau {
    n_stages: usize,
    error_estimator_order: f64,
    c: Vec<f64>,
    /// `n_rows x n_stages_ext` (DOP853 keeps its extra stages here too).
    a: Vec<f64>,
    a_cols: usize,
    b: Vec<f64>,
    e: Vec<f64>,
    e3: Vec<f64>,
    /// Interpolation matrix, `(n_stages + 1) x p_cols` (RK23/RK45), or
    /// DOP853's `D`, `4 x 16`.
    p: Vec<f64>,
    p_cols: usize,
}

impl Tableau {
    fn new(kind: RkKind) -> Self {
        fn flat<const R: usize, const C: usize>(m: &[[f64; C]; R]) -> Vec<f64> {
            m.iter().flatten().copied().collect()
        }
        match kind {
            RkKind::Rk23 => Tableau {
                n_stages: 3,
                error_estimator_order: 2.0,
                c: RK23_C.to_vec(),
                a: flat(&RK23_A),
                a_cols: 3,
                b: RK23_B.to_vec(),
                e: RK23_E.to_vec(),
                e3: Vec::new(),
                p: flat(&RK23_P),
                p_cols: 3,
            },
            RkKind::Rk45 => Tableau {
                n_stages: 6,
                error_estimator_order: 4.0,
                c: RK45_C.to_vec(),
                a: flat(&RK45_A),
                a_cols: 5,
                b: RK45_B.to_vec(),
                e: RK45_E.to_vec(),
                e3: Vec::new(),
                p: flat(&RK45_P),
                p_cols: 4,
            },
            RkKind::Dop853 => Tableau {
                n_stages: 12,
                error_estimator_order: 7.0,
                c: DOP853_C.to_vec(),
                a: flat(&DOP853_A),
                a_cols: 16,
                b: DOP853_B.to_vec(),
                e: DOP853_E5.to_vec(),
                e3: DOP853_E3.to_vec(),
                p: flat(&DOP853_D),
                p_cols: 16,
            },
        }
    }

    #[inline]
    fn a(&self, s: usize, j: usize) -> f64 {
        self.a[s * self.a_cols + j]
    }
}

/// An explicit Runge–Kutta solver (SciPy's `RungeKutta` and subclasses).
pub(crate) struct RungeKutta<T, F> {
    fun: F,
    kind: RkKind,
    tab: Tableau,
    n: usize,
    t: f64,
    y: Vec<T>,
    t_old: Option<f64>,
    t_bound: f64,
    direction: f64,
    status: Status,
    nfev: usize,
    y_old: Vec<T>,
    f: Vec<T>,
    h_abs: f64,
    h_previous: f64,
    max_step: f64,
    tols: Tols,
    error_exponent: f64,
    /// Stage derivatives, `rows x n` (16 rows for DOP853's dense output).
    k: Vec<T>,
    y_new: Vec<T>,
    tmp: Vec<T>,
    scale: Vec<f64>,
}

impl<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> RungeKutta<T, F> {
    /// Sets up the solver (SciPy's `RungeKutta.__init__`): evaluates
    /// `f(t0, y0)` and selects the first step unless given.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        kind: RkKind,
        mut fun: F,
        t0: f64,
        y0: &[T],
        t_bound: f64,
        max_step: f64,
        tols: Tols,
        first_step: Option<f64>,
    ) -> Self {
        let tab = Tableau::new(kind);
        let n = y0.len();
        let direction = if t_bound != t0 {
            (t_bound - t0).signum()
        } else {
            1.0
        };
        let mut f = vec![T::default(); n];
        fun(t0, y0, &mut f);
        let mut nfev = 1;
        let h_abs = match first_step {
            Some(h) => h,
            None => select_initial_step(
                &mut fun,
                t0,
                y0,
                t_bound,
                max_step,
                &f,
                direction,
                tab.error_estimator_order,
                &tols,
                &mut nfev,
            ),
        };
        let rows = if kind == RkKind::Dop853 {
            16
        } else {
            tab.n_stages + 1
        };
        let error_exponent = -1.0 / (tab.error_estimator_order + 1.0);
        RungeKutta {
            fun,
            kind,
            n,
            t: t0,
            y: y0.to_vec(),
            t_old: None,
            t_bound,
            direction,
            status: Status::Running,
            nfev,
            y_old: vec![T::default(); n],
            f,
            h_abs,
            h_previous: f64::NAN,
            max_step,
            tols,
            error_exponent,
            k: vec![T::default(); rows * n],
            y_new: vec![T::default(); n],
            tmp: vec![T::default(); n],
            scale: vec![0.0; n],
            tab,
        }
    }

    /// One Runge–Kutta step of size `h` from `(t, y)` (SciPy's `rk_step`):
    /// fills the stages `K` and `y_new`; `K[n_stages]` = `f(t + h, y_new)`.
    fn rk_step(&mut self, t: f64, h: f64) {
        let n = self.n;
        let ns = self.tab.n_stages;
        self.k[..n].copy_from_slice(&self.f);
        for s in 1..ns {
            for i in 0..n {
                let mut dy = self.k[i] * self.tab.a(s, 0);
                for j in 1..s {
                    dy += self.k[j * n + i] * self.tab.a(s, j);
                }
                self.tmp[i] = self.y[i] + dy * h;
            }
            let (_, rest) = self.k.split_at_mut(s * n);
            (self.fun)(t + self.tab.c[s] * h, &self.tmp, &mut rest[..n]);
            self.nfev += 1;
        }
        for i in 0..n {
            let mut acc = self.k[i] * self.tab.b[0];
            for j in 1..ns {
                acc += self.k[j * n + i] * self.tab.b[j];
            }
            self.y_new[i] = self.y[i] + acc * h;
        }
        let (_, rest) = self.k.split_at_mut(ns * n);
        (self.fun)(t + h, &self.y_new, &mut rest[..n]);
        self.nfev += 1;
    }

    /// SciPy's `_estimate_error_norm` (DOP853's combines its 5th and 3rd
    /// order estimators).
    fn error_norm(&mut self, h: f64) -> f64 {
        let n = self.n;
        let rows = self.tab.n_stages + 1;
        if self.kind != RkKind::Dop853 {
            for i in 0..n {
                let mut e = self.k[i] * self.tab.e[0];
                for j in 1..rows {
                    e += self.k[j * n + i] * self.tab.e[j];
                }
                self.tmp[i] = e * h;
            }
            return scaled_norm(&self.tmp, &self.scale);
        }
        let mut s5 = 0.0;
        let mut s3 = 0.0;
        for i in 0..n {
            let mut e5 = self.k[i] * self.tab.e[0];
            let mut e3 = self.k[i] * self.tab.e3[0];
            for j in 1..rows {
                e5 += self.k[j * n + i] * self.tab.e[j];
                e3 += self.k[j * n + i] * self.tab.e3[j];
            }
            s5 += (e5 / self.scale[i]).norm_sqr();
            s3 += (e3 / self.scale[i]).norm_sqr();
        }
        // np.linalg.norm(x)**2, i.e. sqrt then square, as SciPy computes it.
        let n5 = s5.sqrt();
        let n3 = s3.sqrt();
        let err5_norm_2 = n5 * n5;
        let err3_norm_2 = n3 * n3;
        if err5_norm_2 == 0.0 && err3_norm_2 == 0.0 {
            return 0.0;
        }
        let denom = err5_norm_2 + 0.01 * err3_norm_2;
        h.abs() * err5_norm_2 / (denom * n as f64).sqrt()
    }

    fn step_impl(&mut self) -> Result<(), &'static str> {
        let t = self.t;
        let min_step = min_step_at(t, self.direction);
        let mut h_abs = if self.h_abs > self.max_step {
            self.max_step
        } else if self.h_abs < min_step {
            min_step
        } else {
            self.h_abs
        };
        let mut step_rejected = false;
        let (t_new, h) = loop {
            if h_abs < min_step {
                return Err(TOO_SMALL_STEP);
            }
            let mut h = h_abs * self.direction;
            let mut t_new = t + h;
            if self.direction * (t_new - self.t_bound) > 0.0 {
                t_new = self.t_bound;
            }
            h = t_new - t;
            h_abs = h.abs();
            self.rk_step(t, h);
            for i in 0..self.n {
                self.scale[i] =
                    self.tols.atol[i] + self.y[i].abs().max(self.y_new[i].abs()) * self.tols.rtol[i];
            }
            let error_norm = self.error_norm(h);
            if error_norm < 1.0 {
                let mut factor = if error_norm == 0.0 {
                    MAX_FACTOR
                } else {
                    MAX_FACTOR.min(SAFETY * error_norm.powf(self.error_exponent))
                };
                if step_rejected {
                    factor = factor.min(1.0);
                }
                h_abs *= factor;
                break (t_new, h);
            }
            h_abs *= MIN_FACTOR.max(SAFETY * error_norm.powf(self.error_exponent));
            step_rejected = true;
        };
        self.h_previous = h;
        std::mem::swap(&mut self.y_old, &mut self.y);
        self.y.copy_from_slice(&self.y_new);
        self.t = t_new;
        self.h_abs = h_abs;
        let ns = self.tab.n_stages;
        self.f.copy_from_slice(&self.k[ns * self.n..(ns + 1) * self.n]);
        Ok(())
    }

    fn dense_impl(&mut self) -> DenseOutput<T> {
        let n = self.n;
        let t_old = self.t_old.expect("a step was made");
        let h = self.h_previous;
        if self.kind != RkKind::Dop853 {
            // Q = K^T P
            let rows = self.tab.n_stages + 1;
            let pc = self.tab.p_cols;
            let mut q = vec![T::default(); n * pc];
            for i in 0..n {
                for c in 0..pc {
                    let mut acc = self.k[i] * self.tab.p[c];
                    for j in 1..rows {
                        acc += self.k[j * n + i] * self.tab.p[j * pc + c];
                    }
                    q[i * pc + c] = acc;
                }
            }
            return DenseOutput::Rk {
                t_old,
                h: self.t - t_old,
                y_old: self.y_old.clone(),
                q,
                order: pc - 1,
            };
        }
        // DOP853: three extra stages, then the 7 rows of F.
        for s in 13..16 {
            for i in 0..n {
                let mut dy = self.k[i] * self.tab.a(s, 0);
                for j in 1..s {
                    dy += self.k[j * n + i] * self.tab.a(s, j);
                }
                self.tmp[i] = self.y_old[i] + dy * h;
            }
            let (_, rest) = self.k.split_at_mut(s * n);
            (self.fun)(t_old + self.tab.c[s] * h, &self.tmp, &mut rest[..n]);
            self.nfev += 1;
        }
        let mut fm = vec![T::default(); 7 * n];
        for i in 0..n {
            let f_old = self.k[i];
            let delta_y = self.y[i] - self.y_old[i];
            fm[i] = delta_y;
            fm[n + i] = f_old * h - delta_y;
            fm[2 * n + i] = delta_y * 2.0 - (self.f[i] + f_old) * h;
            for r in 0..4 {
                let mut acc = self.k[i] * self.tab.p[r * 16];
                for j in 1..16 {
                    acc += self.k[j * n + i] * self.tab.p[r * 16 + j];
                }
                fm[(3 + r) * n + i] = acc * h;
            }
        }
        DenseOutput::Dop853 {
            t_old,
            h: self.t - t_old,
            y_old: self.y_old.clone(),
            f: fm,
        }
    }
}

impl<T: OdeScalar, F: FnMut(f64, &[T], &mut [T])> Solver<T> for RungeKutta<T, F> {
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
        let (n, t_bound, direction) = (self.n, self.t_bound, self.direction);
        let mut t = self.t;
        let mut t_old = self.t_old;
        let mut status = self.status;
        let msg = base_step(n, &mut t, &mut t_old, t_bound, direction, &mut status, |tt| {
            let r = self.step_impl();
            *tt = self.t;
            r
        });
        self.t = t;
        self.t_old = t_old;
        self.status = status;
        msg
    }
    fn dense_output(&mut self) -> DenseOutput<T> {
        let t_old = self
            .t_old
            .expect("Dense output is available after a successful step was made.");
        if self.n == 0 || self.t == t_old {
            return DenseOutput::Constant {
                t_old,
                t: self.t,
                value: self.y.clone(),
            };
        }
        self.dense_impl()
    }
    fn counts(&self) -> (usize, usize, usize) {
        (self.nfev, 0, 0)
    }
}
