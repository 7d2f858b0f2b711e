//! `scipy.optimize.direct`: DIRECT (DIviding RECTangles, Jones et al. 1993)
//! and its locally biased variant DIRECT_L (Gablonsky & Kelley 2001), ported
//! from the C translation of Gablonsky's DIRECT 2.0.4 that SciPy 1.17 runs
//! (`scipy/optimize/_direct/DIRect.c`, `DIRsubrout.c`, `DIRserial.c`,
//! wrapped by `_direct_py.py`).
//!
//! DIRECT draws no random numbers, so the port makes SciPy's evaluations in
//! SciPy's order: the same rectangles are chosen (the same convex-hull test
//! and epsilon test, with the same floating-point operations), divided in
//! the same order and kept in the same sorted lists, so `nfev`, `nit`,
//! `status`, `x` and `fun` come out as SciPy's.
//!
//! The internal arrays keep the C code's 1-based positions (slot 0 unused),
//! which keeps the linked-list bookkeeping visibly the same as the original.
//!
//! The quirks of that C code are part of SciPy's behaviour and are kept: the
//! convex-hull test of `DIRChoose` never rejects a rectangle when no log
//! file is open (a dangling `if (logfile)` guards its `goto`), the budget is
//! `2 (MAXFUNC - 1000) / 3` with `MAXFUNC = maxfun + 1000 + maxfun / 2`, and
//! the fixed array sizes end a run with status -4 or -6.
//!
//! Differences from SciPy, all at the edges:
//! - SciPy's wrapper never flags a point as infeasible (its `DIRinfcn`
//!   always reports "feasible"), so NaN and infinite values flow through the
//!   comparisons as they are and `DIRreplaceInf` never runs; sciox does the
//!   same and therefore has no infeasible-point machinery.
//! - The callback can stop the run by returning `true`: the result then has
//!   DIRECT's own "Forced stop" status (-102). SciPy's callback can only stop
//!   the run by raising, which discards the result.
//! - Empty bounds are an error (SciPy's C code aborts the process).

use super::minimize::Bounds;
use super::{OptimizeResult, py_float};
use crate::{Error, Result};

/// Options of [`direct`] with SciPy's defaults.
///
/// ```
/// use sciox::optimize::DirectOptions;
/// let o = DirectOptions::default();
/// assert_eq!((o.eps, o.maxfun, o.maxiter, o.locally_biased), (1e-4, None, 1000, true));
/// assert_eq!((o.f_min, o.f_min_rtol, o.vol_tol, o.len_tol), (f64::NEG_INFINITY, 1e-4, 1e-16, 1e-6));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DirectOptions {
    /// Jones' epsilon (1e-4): a rectangle is only divided if it can improve
    /// the best value by `eps * |f_min|`. A negative value uses Jones'
    /// update `eps = max(1e-4 |f_min|, |eps|)` after each iteration.
    pub eps: f64,
    /// Approximate budget of objective evaluations; `None` is `1000 * N`.
    pub maxfun: Option<usize>,
    /// Maximum number of iterations (1000).
    pub maxiter: usize,
    /// DIRECT_L (`true`, the default) or the original DIRECT (`false`).
    pub locally_biased: bool,
    /// The known global minimum (`-inf`: unknown, the test is off).
    pub f_min: f64,
    /// Stop once `(f - f_min) / |f_min|` (`f - f_min` when `f_min` is 0) is
    /// at most this (1e-4), in `[0, 1]`.
    pub f_min_rtol: f64,
    /// Stop once the volume of the best rectangle is at most this fraction
    /// of the search space (1e-16), in `[0, 1]`.
    pub vol_tol: f64,
    /// Stop once the side-length measure of the best rectangle is at most
    /// this (1e-6), in `[0, 1]`: for DIRECT half its normalised diagonal;
    /// for DIRECT_L its longest normalised side `1/3^k` (SciPy's docs say
    /// half of it, its C code compares the whole side, and so does sciox).
    pub len_tol: f64,
}

impl Default for DirectOptions {
    fn default() -> Self {
        DirectOptions {
            eps: 1e-4,
            maxfun: None,
            maxiter: 1000,
            locally_biased: true,
            f_min: f64::NEG_INFINITY,
            f_min_rtol: 1e-4,
            vol_tol: 1e-16,
            len_tol: 1e-6,
        }
    }
}

/// SciPy's `ERROR_MESSAGES` (indexed as `_direct_py.py` does).
const ERROR_MESSAGES: [&str; 11] = [
    "Number of function evaluations done is larger than maxfun={}",
    "Number of iterations is larger than maxiter={}",
    "u[i] < l[i] for some i",
    "maxfun is too large",
    "Initialization failed",
    "There was an error in the creation of the sample points",
    "An error occurred while the function was sampled",
    "Maximum number of levels has been reached.",
    "Forced stop",
    "Invalid arguments",
    "Out of memory",
];

/// SciPy's `SUCCESS_MESSAGES` (status 3, 4, 5).
const SUCCESS_MESSAGES: [&str; 3] = [
    "The best function value found is within a relative error={} of the (known) global optimum f_min",
    "The volume of the hyperrectangle containing the lowest function value found is below vol_tol={}",
    "The side length measure of the hyperrectangle containing the lowest function value found is below \
     len_tol={}",
];

/// DIRECT's `maxdiv`: capacity of the list of rectangles to divide in one
/// iteration (only the original DIRECT's tie insertion can fill it).
const MAXDIV: usize = 5000;
/// `1/3^i` is 0 in doubles from here on (`3^647` overflows).
const THIRDS_TABLE: usize = 700;

/// The status codes of the C code (`direct_return_code`).
const FORCED_STOP: i32 = -102;

/// The optional per-iteration callback (`true` stops the run).
type StopCallback<'a> = Option<&'a mut dyn FnMut(&[f64]) -> bool>;

/// Finds the global minimum of `func` inside `bounds` with DIRECT (SciPy's
/// `scipy.optimize.direct`).
///
/// `bounds` are `(min, max)` pairs or a [`Bounds`]; every bound must be
/// finite and `min < max`. Returns SciPy's `x`, `fun`, `nfev`, `nit`,
/// `status` (1: `maxfun` reached, 2: `maxiter` reached, 3: `f_min` reached,
/// 4: `vol_tol`, 5: `len_tol`; negative: an internal limit), `success`
/// (`status > 2`) and `message`.
///
/// ```
/// use sciox::optimize::{direct, DirectOptions};
/// // SciPy's example: the Styblinski-Tang function.
/// let st = |p: &[f64]| {
///     let (x, y) = (p[0], p[1]);
///     0.5 * (x.powi(4) - 16.0 * x * x + 5.0 * x + y.powi(4) - 16.0 * y * y + 5.0 * y)
/// };
/// let opts = DirectOptions { len_tol: 1e-3, ..Default::default() };
/// let r = direct(st, vec![(-4.0, 4.0), (-4.0, 4.0)], &opts).unwrap();
/// assert_eq!((r.nfev, r.status), (207, 5));
/// assert!((r.x[0] + 2.9044353).abs() < 1e-7 && (r.fun + 78.33230330754142).abs() < 1e-9);
/// ```
pub fn direct<F, B>(func: F, bounds: B, opts: &DirectOptions) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    B: Into<Bounds>,
{
    run(func, bounds.into(), opts, None)
}

/// [`direct`] with a callback, called after every iteration that does not
/// end the run with the last point DIRECT evaluated (what SciPy passes: its
/// C code hands over the buffer of the last evaluation). Returning `true`
/// stops the run with status -102, "Forced stop" (SciPy's callback can only
/// stop by raising).
///
/// ```
/// use sciox::optimize::{direct_with_callback, DirectOptions};
/// let mut seen = 0;
/// let mut cb = |_x: &[f64]| {
///     seen += 1;
///     seen == 3
/// };
/// let f = |x: &[f64]| (x[0] - 0.3).powi(2) + (x[1] + 0.1).powi(2);
/// let r = direct_with_callback(f, vec![(-1.0, 1.0); 2], &DirectOptions::default(), &mut cb).unwrap();
/// assert_eq!((r.status, r.nit, r.message.as_str()), (-102, 4, "Forced stop"));
/// ```
pub fn direct_with_callback<F, B>(
    func: F,
    bounds: B,
    opts: &DirectOptions,
    callback: &mut dyn FnMut(&[f64]) -> bool,
) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
    B: Into<Bounds>,
{
    run(func, bounds.into(), opts, Some(callback))
}

/// Python's `str.format` of the single `{}` in SciPy's messages.
fn fill(template: &str, value: &str) -> String {
    template.replacen("{}", value, 1)
}

fn run<F>(func: F, bounds: Bounds, opts: &DirectOptions, callback: StopCallback<'_>) -> Result<OptimizeResult>
where
    F: FnMut(&[f64]) -> f64,
{
    let (lb, ub) = (&bounds.lb, &bounds.ub);
    if lb.len() != ub.len() {
        return Err(Error::invalid(format!(
            "direct: lower and upper bounds have different lengths ({} and {})",
            lb.len(),
            ub.len()
        )));
    }
    if lb.is_empty() {
        return Err(Error::invalid("direct: bounds must not be empty"));
    }
    // `_direct_py.py`'s checks, in its order (`lb < ub` is false for NaN).
    if !lb.iter().zip(ub).all(|(l, u)| l < u) {
        return Err(Error::invalid("Bounds are not consistent min < max"));
    }
    if lb.iter().chain(ub).any(|v| v.is_infinite()) {
        return Err(Error::invalid("Bounds must not be inf."));
    }
    // `x < 0 or x > 1` as Python writes it: NaN passes, as in SciPy (a
    // range `contains` would reject NaN).
    #[allow(clippy::manual_range_contains)]
    let outside = |v: f64| v < 0.0 || v > 1.0;
    if outside(opts.vol_tol) {
        return Err(Error::invalid("vol_tol must be between 0 and 1."));
    }
    if outside(opts.len_tol) {
        return Err(Error::invalid("len_tol must be between 0 and 1."));
    }
    if outside(opts.f_min_rtol) {
        return Err(Error::invalid("f_min_rtol must be between 0 and 1."));
    }
    let n = lb.len();
    let maxfun = opts.maxfun.unwrap_or(n.saturating_mul(1000));
    // The C extension takes both as C `int` (PyArg_ParseTuple "i").
    if maxfun > i32::MAX as usize || opts.maxiter > i32::MAX as usize {
        return Err(Error::invalid(
            "maxfun and maxiter must fit a C int (signed integer is greater than maximum)",
        ));
    }
    let sizes = c_sizes(maxfun as i32, opts.maxiter as i32, n)?;
    let mut d = Direct::new(func, lb, ub, opts, sizes);
    let status = d.optimize(callback);

    let message = if status > 2 {
        let v = [opts.f_min_rtol, opts.vol_tol, opts.len_tol][(status - 3) as usize];
        fill(SUCCESS_MESSAGES[(status - 3) as usize], &py_float(v))
    } else if status == 1 {
        fill(ERROR_MESSAGES[0], &maxfun.to_string())
    } else if status == 2 {
        fill(ERROR_MESSAGES[1], &opts.maxiter.to_string())
    } else if status < 0 && status > -100 {
        ERROR_MESSAGES[(status.unsigned_abs() + 1) as usize].to_string()
    } else {
        // -100, -101, -102 index Python's list from the end.
        ERROR_MESSAGES[(11 + status + 99) as usize].to_string()
    };
    let mut r = OptimizeResult::empty(n);
    r.x = d.x_out;
    r.fun = d.minf;
    r.nfev = d.numfunc;
    r.nit = d.numiter;
    r.status = status;
    r.success = status > 2;
    r.message = message;
    Ok(r)
}

/// The array sizes and the effective limits of `direct_direct_`.
struct CSizes {
    maxfunc: usize,
    maxdeep: usize,
    maxf: usize,
    maxt: usize,
}

/// `direct_direct_`'s sizes, in its C `int` arithmetic: its 1 GiB cap test
/// `MAXFUNC * (12 n + 20) > 2^30` overflows for large budgets (SciPy's build
/// wraps, so the cap then does not apply), and these sizes set the budget
/// the run works with (`2 (MAXFUNC - 1000) / 3`). Sizes whose allocation
/// SciPy cannot make (a negative `int` byte count, SciPy's SystemError) are
/// an error here.
fn c_sizes(maxf: i32, maxt: i32, n: usize) -> Result<CSizes> {
    const MAXMEMORY: i32 = 1 << 30;
    let too_large = || {
        Error::invalid(format!(
            "direct: maxfun={maxf} / maxiter={maxt} overflow the C code's int array sizes \
             (SciPy raises SystemError)"
        ))
    };
    let n32 = i32::try_from(n).map_err(|_| too_large())?;
    let mut maxfunc = if maxf <= 0 {
        101_000
    } else {
        maxf.wrapping_add(1000).wrapping_add(maxf / 2)
    };
    let fixed = n32.wrapping_mul(12).wrapping_add(20);
    if maxfunc.wrapping_mul(fixed) > MAXMEMORY {
        maxfunc = MAXMEMORY / fixed;
    }
    // malloc(sizeof(double) * (MAXFUNC * n)) needs a positive int product.
    if maxfunc <= 1000 || i64::from(maxfunc) * i64::from(n32) > i64::from(i32::MAX) {
        return Err(too_large());
    }
    let maxf_eff = if maxf <= 0 {
        maxfunc - 1000
    } else {
        2i32.wrapping_mul(maxfunc - 1000) / 3
    };
    let mut maxdeep = if maxt <= 0 {
        maxfunc / 5
    } else {
        maxt.wrapping_add(1000)
    };
    if maxdeep.wrapping_mul(20).wrapping_add(24) > MAXMEMORY {
        maxdeep = (MAXMEMORY - 24) / 20;
    }
    // malloc(sizeof(int) * (MAXDEEP + 2)) needs a positive int count too.
    if maxdeep <= 0 || maxdeep > i32::MAX - 2 || maxf_eff < 0 {
        return Err(too_large());
    }
    let maxt_eff = if maxt <= 0 { maxdeep } else { maxdeep - 1000 };
    Ok(CSizes {
        maxfunc: maxfunc as usize,
        maxdeep: maxdeep as usize,
        maxf: maxf_eff as usize,
        maxt: maxt_eff.max(0) as usize,
    })
}

/// The state of one DIRECT run (the C code's arrays; positions are 1-based).
struct Direct<F> {
    func: F,
    n: usize,
    /// DIRECT_L (`jones = 1` in the C code) or the original (`jones = 0`).
    jones: bool,
    /// `u - l` (the C code's `xs1`, stored in `l`).
    c1: Vec<f64>,
    /// `l / (u - l)` (the C code's `xs2`, stored in `u`).
    c2: Vec<f64>,
    /// Rectangle centres in the unit cube, `n` per position.
    c: Vec<f64>,
    /// Side lengths as powers of 1/3, `n` per position.
    length: Vec<usize>,
    /// Objective value at each centre.
    f: Vec<f64>,
    /// Next position in the same list (0 ends a list).
    point: Vec<usize>,
    /// First (lowest-valued) position of the list of each level.
    anchor: Vec<usize>,
    /// `1/3^i` by repeated multiplication, as the C table.
    thirds: Vec<f64>,
    /// The size measure of each level (DIRECT_L: `1/3^i`; DIRECT: half
    /// the diagonal).
    levels: Vec<f64>,
    maxfunc: usize,
    maxdeep: usize,
    /// Effective evaluation budget and iteration limit after the C code's
    /// adjustments.
    maxf: usize,
    maxt: usize,
    /// First free position (positions are never freed, so they are used
    /// in order).
    free: usize,
    minf: f64,
    minpos: usize,
    eps: f64,
    epsfix: f64,
    eps_change: bool,
    fglobal: f64,
    fglper: f64,
    divfactor: f64,
    volper: f64,
    sigmaper: f64,
    /// Scratch of `DIRGet_I`, `DIRDivide` (1-based).
    arrayi: Vec<usize>,
    list2: Vec<[usize; 2]>,
    w: Vec<f64>,
    /// The last evaluated point in the user's coordinates (SciPy's `x_seq`).
    x_seq: Vec<f64>,
    numfunc: usize,
    numiter: usize,
    x_out: Vec<f64>,
}

// The 1-based index loops mirror the C code's, which keeps the port checkable
// against it line by line.
#[allow(clippy::needless_range_loop)]
impl<F: FnMut(&[f64]) -> f64> Direct<F> {
    fn new(func: F, lb: &[f64], ub: &[f64], opts: &DirectOptions, sizes: CSizes) -> Self {
        let n = lb.len();
        let CSizes {
            maxfunc,
            maxdeep,
            maxf: maxf_eff,
            maxt: maxt_eff,
        } = sizes;

        let jones = opts.locally_biased;
        // DIRinit: thirds[i] = 1/3^i and the level measures.
        let tlen = maxdeep.min(THIRDS_TABLE) + 1;
        let mut thirds = vec![1.0; tlen];
        let mut help2 = 3.0;
        for t in thirds.iter_mut().skip(1) {
            *t = 1.0 / help2;
            help2 *= 3.0;
        }
        let levels = if jones {
            thirds.clone()
        } else {
            // Half the diagonal of a rectangle with j sides of 1/3^(i+1) and
            // n - j of 1/3^i: sqrt(n - j + j/9) / 2 / 3^i.
            let w: Vec<f64> = (0..n)
                .map(|j| ((n - j) as f64 + j as f64 / 9.0).sqrt() * 0.5)
                .collect();
            let rows = (maxdeep / n).min(THIRDS_TABLE);
            let mut lv = Vec::with_capacity(rows * n);
            let mut help2 = 1.0;
            for _ in 0..rows {
                for wj in &w {
                    lv.push(wj / help2);
                }
                help2 *= 3.0;
            }
            lv
        };
        // DIRpreprc: the affine map to the unit cube.
        let mut c1 = vec![0.0; n];
        let mut c2 = vec![0.0; n];
        for i in 0..n {
            let help = ub[i] - lb[i];
            c2[i] = lb[i] / help;
            c1[i] = help;
        }
        // DIRheader: a negative eps switches on Jones' update.
        let (eps, epsfix, eps_change) = if opts.eps < 0.0 {
            (-opts.eps, -opts.eps, true)
        } else {
            (opts.eps, 1e100, false)
        };
        // direct_optimize: tolerances <= 0 are switched off; no f_min means
        // no relative tolerance either.
        let volper = if opts.vol_tol <= 0.0 { -1.0 } else { opts.vol_tol };
        let sigmaper = if opts.len_tol <= 0.0 { -1.0 } else { opts.len_tol };
        let fglobal = opts.f_min;
        let fglper = if fglobal == f64::NEG_INFINITY {
            0.0
        } else {
            opts.f_min_rtol
        };
        let divfactor = if fglobal == 0.0 { 1.0 } else { fglobal.abs() };
        Direct {
            func,
            n,
            jones,
            c1,
            c2,
            c: vec![0.0; n],
            length: vec![0; n],
            f: vec![0.0],
            point: vec![0],
            anchor: Vec::new(),
            thirds,
            levels,
            maxfunc,
            maxdeep,
            maxf: maxf_eff,
            maxt: maxt_eff,
            free: 1,
            minf: f64::INFINITY,
            minpos: 1,
            eps,
            epsfix,
            eps_change,
            fglobal,
            fglper,
            divfactor,
            volper,
            sigmaper,
            arrayi: vec![0; n + 1],
            list2: vec![[0, 0]; n + 1],
            w: vec![0.0; n + 1],
            x_seq: vec![0.0; n],
            numfunc: 0,
            numiter: 0,
            x_out: Vec::new(),
        }
    }

    fn third(&self, i: usize) -> f64 {
        // Past the table 1/3^i is 0 in doubles (the C table would hold the
        // same zeros, or be out of reach of any run).
        self.thirds.get(i).copied().unwrap_or(0.0)
    }

    fn level_measure(&self, i: usize) -> f64 {
        self.levels.get(i).copied().unwrap_or(0.0)
    }

    fn len_at(&self, pos: usize, i: usize) -> usize {
        self.length[pos * self.n + i]
    }

    fn anchor(&self, deep: usize) -> usize {
        self.anchor.get(deep).copied().unwrap_or(0)
    }

    fn set_anchor(&mut self, deep: usize, pos: usize) {
        if deep >= self.anchor.len() {
            self.anchor.resize(deep + 1, 0);
        }
        self.anchor[deep] = pos;
    }

    /// DIRGetlevel: DIRECT_L uses the index of the longest side; DIRECT
    /// uses `k n + p` (k: longest side index, p: sides one third shorter).
    fn getlevel(&self, pos: usize, jones: bool) -> usize {
        let n = self.n;
        let help = self.len_at(pos, 0);
        if jones {
            (1..n)
                .map(|i| self.len_at(pos, i))
                .fold(help, |m, v| if v < m { v } else { m })
        } else {
            let mut k = help;
            let mut p = 1;
            for i in 1..n {
                let v = self.len_at(pos, i);
                if v < k {
                    k = v;
                }
                if v == help {
                    p += 1;
                }
            }
            if k == help { k * n + n - p } else { k * n + p }
        }
    }

    /// DIRGetmaxDeep: the index of the longest side.
    fn getmaxdeep(&self, pos: usize) -> usize {
        self.getlevel(pos, true)
    }

    /// DIRGet_I: the (1-based) directions of the longest sides.
    fn get_i(&mut self, pos: usize) -> usize {
        let help = self.getmaxdeep(pos);
        let mut j = 1;
        for i in 0..self.n {
            if self.len_at(pos, i) == help {
                self.arrayi[j] = i + 1;
                j += 1;
            }
        }
        j - 1
    }

    /// Evaluates the objective at the unit-cube point of position `pos`
    /// (DIRinfcn: `x = (c + xs2) * xs1`).
    fn eval(&mut self, pos: usize) {
        let n = self.n;
        for i in 0..n {
            self.x_seq[i] = (self.c[pos * n + i] + self.c2[i]) * self.c1[i];
        }
        self.f[pos] = (self.func)(&self.x_seq);
    }

    /// DIRSamplepoints: copies rectangle `sample` into `2 maxi` new
    /// positions and moves their centres by `±delta` along the longest
    /// sides. Returns the first new position, or `None` when the arrays are
    /// full (the C code's `oops`).
    fn samplepoints(&mut self, delta: f64, sample: usize, maxi: usize) -> Option<usize> {
        let n = self.n;
        let start = self.free;
        for _ in 0..2 * maxi {
            let p = self.free;
            // Position p is new: positions are handed out in order.
            debug_assert_eq!(p, self.f.len());
            for j in 0..n {
                self.c.push(self.c[sample * n + j]);
                self.length.push(self.length[sample * n + j]);
            }
            self.f.push(0.0);
            self.point.push(p + 1);
            if p == self.maxfunc {
                return None;
            }
            self.free = p + 1;
        }
        let last = self.free - 1;
        self.point[last] = 0;
        let mut pos = start;
        for j in 1..=maxi {
            let a = self.arrayi[j] - 1;
            self.c[pos * n + a] = self.c[sample * n + a] + delta;
            pos = self.point[pos];
            self.c[pos * n + a] = self.c[sample * n + a] - delta;
            pos = self.point[pos];
        }
        Some(start)
    }

    /// DIRSamplef: evaluates the new centres in list order, then updates
    /// the best value (strict `<`: the first of equal values wins).
    fn samplef(&mut self, start: usize, maxi: usize) {
        let mut pos = start;
        for _ in 0..2 * maxi {
            self.eval(pos);
            pos = self.point[pos];
        }
        pos = start;
        for _ in 0..2 * maxi {
            if self.f[pos] < self.minf {
                self.minf = self.f[pos];
                self.minpos = pos;
            }
            pos = self.point[pos];
        }
    }

    /// DIRInsertList_2: inserts direction `j` (whose pair starts at
    /// position `k`) into the list sorted by `w`, after equal values.
    fn insertlist2(&mut self, start: &mut usize, j: usize, k: usize, maxi: usize) {
        let w = &self.w;
        let list2 = &mut self.list2;
        let mut pos = *start;
        if *start == 0 {
            list2[j][0] = 0;
            *start = j;
        } else if w[*start] > w[j] {
            list2[j][0] = *start;
            *start = j;
        } else {
            for _ in 0..maxi {
                let next = list2[pos][0];
                if next == 0 {
                    list2[j][0] = 0;
                    list2[pos][0] = j;
                    break;
                } else if w[j] < w[next] {
                    list2[j][0] = next;
                    list2[pos][0] = j;
                    break;
                }
                pos = next;
            }
        }
        list2[j][1] = k;
    }

    /// DIRDivide: the direction whose better new point is lowest is split
    /// first (its pair keeps the largest rectangles); each split shortens
    /// that side of the centre and of all pairs not yet split off.
    fn divide(&mut self, new: usize, currentlength: usize, sample: usize, maxi: usize) {
        let n = self.n;
        let mut start = 0;
        let mut pos = new;
        for i in 1..=maxi {
            let j = self.arrayi[i];
            self.w[j] = self.f[pos];
            let k = pos;
            pos = self.point[pos];
            // C's MIN(a, b) = a < b ? a : b, kept for its NaN behaviour.
            let a = self.f[pos];
            self.w[j] = if a < self.w[j] { a } else { self.w[j] };
            pos = self.point[pos];
            self.insertlist2(&mut start, j, k, maxi);
        }
        for j in 1..=maxi {
            // DIRSearchmin: take the head of the sorted list.
            let k = start;
            let mut pos = self.list2[start][1];
            start = self.list2[start][0];
            let mut pos2 = start;
            self.length[sample * n + k - 1] = currentlength + 1;
            for _ in 0..(maxi - j + 1) {
                self.length[pos * n + k - 1] = currentlength + 1;
                pos = self.point[pos];
                self.length[pos * n + k - 1] = currentlength + 1;
                if pos2 > 0 {
                    pos = self.list2[pos2][1];
                    pos2 = self.list2[pos2][0];
                }
            }
        }
    }

    /// DIRInsert: inserts `ins` after `*start` in the sorted list (before
    /// the first strictly larger value); `*start` is left at the node the
    /// insertion followed, as the C code's pointer argument.
    fn dirinsert(&mut self, start: &mut usize, ins: usize) {
        loop {
            let next = self.point[*start];
            if next == 0 {
                self.point[*start] = ins;
                self.point[ins] = 0;
                return;
            } else if self.f[ins] < self.f[next] {
                self.point[*start] = ins;
                self.point[ins] = next;
                return;
            }
            *start = next;
        }
    }

    /// DIRInsertList: files the new pairs and the shrunk centre into the
    /// lists of their levels, each list sorted by value.
    fn insertlist(&mut self, mut new: usize, maxi: usize, samp: usize) {
        let f = |s: &Self, p: usize| s.f[p];
        for _ in 0..maxi {
            let pos1 = new;
            let pos2 = self.point[pos1];
            new = self.point[pos2];
            let deep = self.getlevel(pos1, self.jones);
            if self.anchor(deep) == 0 {
                if f(self, pos2) < f(self, pos1) {
                    self.set_anchor(deep, pos2);
                    self.point[pos2] = pos1;
                    self.point[pos1] = 0;
                } else {
                    self.set_anchor(deep, pos1);
                    self.point[pos2] = 0;
                }
            } else {
                let mut pos = self.anchor(deep);
                if f(self, pos2) < f(self, pos1) {
                    if f(self, pos2) < f(self, pos) {
                        self.set_anchor(deep, pos2);
                        if f(self, pos1) < f(self, pos) {
                            self.point[pos2] = pos1;
                            self.point[pos1] = pos;
                        } else {
                            self.point[pos2] = pos;
                            self.dirinsert(&mut pos, pos1);
                        }
                    } else {
                        self.dirinsert(&mut pos, pos2);
                        self.dirinsert(&mut pos, pos1);
                    }
                } else if f(self, pos1) < f(self, pos) {
                    self.set_anchor(deep, pos1);
                    if f(self, pos) < f(self, pos2) {
                        self.point[pos1] = pos;
                        self.dirinsert(&mut pos, pos2);
                    } else {
                        self.point[pos1] = pos2;
                        self.point[pos2] = pos;
                    }
                } else {
                    self.dirinsert(&mut pos, pos1);
                    self.dirinsert(&mut pos, pos2);
                }
            }
        }
        let deep = self.getlevel(samp, self.jones);
        let mut pos = self.anchor(deep);
        // The centre's level always holds the last pair, so the list is
        // not empty here.
        if pos == 0 || self.f[samp] < self.f[pos] {
            self.set_anchor(deep, samp);
            self.point[samp] = pos;
        } else {
            self.dirinsert(&mut pos, samp);
        }
    }

    /// DIRInit: the centre of the unit cube, its 2n neighbours at ±1/3, and
    /// the first division.
    fn init(&mut self) -> Option<()> {
        let n = self.n;
        // Position 1 (slot 0 is the unused 1-based padding).
        self.c.truncate(n);
        self.c.extend(std::iter::repeat_n(0.5, n));
        self.length.truncate(n);
        self.length.extend(std::iter::repeat_n(0, n));
        self.f.push(0.0);
        self.point.push(0);
        self.eval(1);
        // minf takes the centre's value even when it is NaN (then no later
        // value compares below it), as in the C code.
        self.minf = self.f[1];
        self.minpos = 1;
        self.free = 2;
        let delta = self.third(1);
        let maxi = self.get_i(1);
        let new = self.samplepoints(delta, 1, maxi)?;
        self.samplef(new, maxi);
        self.divide(new, 0, 1, maxi);
        self.insertlist(new, maxi, 1);
        self.numfunc = maxi + 1 + maxi;
        Some(())
    }

    /// DIRChoose: the best rectangle of each level (the list anchors), minus
    /// those that a larger rectangle with a value no higher, or a smaller one
    /// with a value no lower, rules out, and those whose best Lipschitz
    /// bound cannot improve `minf` by `eps |minf|` (as SciPy runs it; see the
    /// note on `helpgreater` below). Returns the 1-based list of (position
    /// or 0, level).
    fn choose(&self) -> Vec<[usize; 2]> {
        let mut s: Vec<[usize; 2]> = vec![[0, 0]];
        let top = self.maxdeep.min(self.anchor.len().saturating_sub(1));
        for j in 0..=top {
            let a = self.anchor(j);
            if a > 0 {
                s.push([a, self.getlevel(a, self.jones)]);
            }
        }
        let maxpos = s.len() - 1;
        // epsabs is 0 in SciPy: min(minf - eps |minf|, minf - 0).
        let a = self.minf - self.eps * self.minf.abs();
        let b = self.minf;
        let bound = if a < b { a } else { b };
        for j in (1..=maxpos).rev() {
            let jj = s[j][0];
            let lj = self.level_measure(s[j][1]);
            let mut helplower = f64::INFINITY;
            let mut helpgreater = 0.0;
            let mut keep = true;
            for (i, si) in s.iter().enumerate().take(maxpos + 1).skip(1) {
                if i == j || si[0] == 0 {
                    continue;
                }
                let help2 = (self.f[si[0]] - self.f[jj]) / (self.level_measure(si[1]) - lj);
                if help2 <= 0.0 {
                    keep = false;
                    break;
                }
                if i < j {
                    if help2 < helplower {
                        helplower = help2;
                    }
                } else if help2 > helpgreater {
                    helpgreater = help2;
                }
            }
            // SciPy's C has `if (logfile) /* fprintf commented out */ goto L60;`
            // in the branch `helpgreater > helplower`: with no log file (always,
            // in SciPy) that goto is skipped and the rectangle is kept. So only
            // a rectangle with `helpgreater <= helplower` meets the epsilon
            // test; the others are kept unless some `help2 <= 0` dropped them.
            if keep && helpgreater <= helplower {
                let too_high = self.f[jj] - helplower * lj > bound;
                keep = !too_high;
            }
            if !keep {
                s[j][0] = 0;
            }
        }
        s
    }

    /// DIRDoubleInsert (original DIRECT only): also divide every rectangle
    /// of a chosen level whose value is within 1e-13 of the chosen one.
    /// `false` when the list is full (status -6).
    fn doubleinsert(&self, s: &mut Vec<[usize; 2]>) -> bool {
        let oldmaxpos = s.len() - 1;
        for i in 1..=oldmaxpos {
            if s[i][0] > 0 {
                let actdeep = s[i][1];
                let help = self.anchor(actdeep);
                let mut pos = self.point[help];
                while pos > 0 {
                    if self.f[pos] - self.f[help] <= 1e-13 {
                        if s.len() - 1 < MAXDIV {
                            s.push([pos, actdeep]);
                            pos = self.point[pos];
                        } else {
                            return false;
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        true
    }

    /// The result for a run that ended through the C code's `L100` label:
    /// the best centre mapped back (as `x = c xs1 + xs1 xs2`).
    fn finish_best(&mut self) {
        let n = self.n;
        self.x_out = (0..n)
            .map(|i| self.c[self.minpos * n + i] * self.c1[i] + self.c1[i] * self.c2[i])
            .collect();
    }

    /// The result for a run that ended through `cleanup` (skipping `L100`):
    /// SciPy then returns its evaluation buffer, the last evaluated point.
    fn finish_last(&mut self) {
        self.x_out = self.x_seq.clone();
    }

    /// `direct_direct_`: returns the status code.
    fn optimize(&mut self, mut callback: StopCallback<'_>) -> i32 {
        if self.init().is_none() {
            self.finish_last();
            return -4;
        }
        let mdeep = self.maxdeep;
        let mut t = 2;
        let status = 'outer: loop {
            if t + 1 > self.maxt {
                break 2;
            }
            let mut s = self.choose();
            if !self.jones && !self.doubleinsert(&mut s) {
                self.numiter = t;
                self.finish_last();
                return -6;
            }
            for sj in s.iter().skip(1) {
                let help = sj[0];
                if help == 0 {
                    continue;
                }
                let actdeep = sj[1];
                let actdeep_div = self.getmaxdeep(help);
                let delta = self.third(actdeep_div + 1);
                if actdeep + 1 >= mdeep {
                    break 'outer -6;
                }
                // Take the rectangle out of its level's list.
                if self.anchor(actdeep) != help {
                    let mut pos1 = self.anchor(actdeep);
                    // (`help` is always in this list; the `pos1 > 0` guard only
                    // keeps a broken list from looping forever.)
                    while pos1 > 0 && self.point[pos1] != help {
                        pos1 = self.point[pos1];
                    }
                    if pos1 > 0 {
                        self.point[pos1] = self.point[help];
                    }
                } else {
                    let next = self.point[help];
                    self.set_anchor(actdeep, next);
                }
                let maxi = self.get_i(help);
                let Some(start) = self.samplepoints(delta, help, maxi) else {
                    self.numiter = t;
                    self.finish_last();
                    return -4;
                };
                self.samplef(start, maxi);
                self.divide(start, actdeep_div, help, maxi);
                self.insertlist(start, maxi, help);
                self.numfunc += 2 * maxi;
            }
            // Termination tests, in the C code's order. The volume uses
            // DIRECT's level (k n + p) in both variants.
            let vol_level = self.getlevel(self.minpos, false);
            if self.third(vol_level) <= self.volper {
                break 4;
            }
            let len_level = self.getlevel(self.minpos, self.jones);
            if self.level_measure(len_level) <= self.sigmaper {
                break 5;
            }
            if (self.minf - self.fglobal) / self.divfactor <= self.fglper {
                break 3;
            }
            if self.eps_change {
                let a = self.minf.abs() * 1e-4;
                self.eps = if a > self.epsfix { a } else { self.epsfix };
            }
            // Every point is feasible for SciPy, so the budget is never
            // extended: the run ends once it is exceeded.
            if self.numfunc > self.maxf {
                break 1;
            }
            if let Some(cb) = callback.as_mut()
                && cb(&self.x_seq)
            {
                break FORCED_STOP;
            }
            t += 1;
        };
        self.numiter = t;
        self.finish_best();
        status
    }
}
