//! `scipy.optimize.differential_evolution`: Storn and Price's differential
//! evolution, following SciPy 1.17's `DifferentialEvolutionSolver` draw for
//! draw.
//!
//! With the same integer seed (SciPy's `rng=seed`, i.e.
//! `np.random.default_rng(seed)`) the run makes the same random draws in
//! the same order as SciPy's, so `x`, `fun`, `nfev`, `nit` and the final
//! population are SciPy's.
//!
//! [`differential_evolution_constrained`] adds SciPy's `constraints`
//! (Lampinen's feasibility rules, trust-constr polish).
//!
//! [`differential_evolution_parallel`] is SciPy's `workers=` (the
//! population's energies computed on rayon's threads) and
//! [`differential_evolution_vectorized`] SciPy's `vectorized=True` (one call
//! per generation with all trial points): both update the population
//! `'deferred'`, as SciPy does, and give the serial deferred run's results.
//! [`differential_evolution_parallel_constrained`] and
//! [`differential_evolution_vectorized_constrained`] add `constraints` to
//! them (violations of the whole population first, then the objective of
//! the feasible members, as SciPy).
//!
//! A `Bounds` object as a constraint is
//! [`LinearConstraint::from_bounds`](crate::optimize::LinearConstraint::from_bounds).
//!
//! Not supported: a callable `strategy`, the `'sobol'`/`'halton'`
//! initialisations, and old-style dictionaries as constraints (SciPy
//! rejects them too).

use super::minimize::{
    Bounds, Callback, Constraint, Method, MinimizeOptions, minimize, minimize_constrained,
};
use crate::{Error, Result};
use numox::random::{Generator, Pcg64, default_rng};

/// A mutation/crossover strategy of [`differential_evolution`] (SciPy's
/// `strategy=` strings; the default is `'best1bin'`).
///
/// ```
/// use sciox::optimize::Strategy;
/// assert_eq!(Strategy::default(), Strategy::Best1Bin);
/// assert_eq!(Strategy::RandToBest1Exp.name(), "randtobest1exp");
/// assert_eq!(Strategy::from_name("best2bin").unwrap(), Strategy::Best2Bin);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Strategy {
    /// `best + F (r0 - r1)`, binomial crossover.
    #[default]
    Best1Bin,
    /// `best + F (r0 - r1)`, exponential crossover.
    Best1Exp,
    /// `r0 + F (r1 - r2)`, binomial crossover.
    Rand1Bin,
    /// `r0 + F (r1 - r2)`, exponential crossover.
    Rand1Exp,
    /// `r0 + F (r1 + r2 - r3 - r4)`, binomial crossover.
    Rand2Bin,
    /// `r0 + F (r1 + r2 - r3 - r4)`, exponential crossover.
    Rand2Exp,
    /// `r0 + F (best - r0) + F (r1 - r2)`, binomial crossover.
    RandToBest1Bin,
    /// `r0 + F (best - r0) + F (r1 - r2)`, exponential crossover.
    RandToBest1Exp,
    /// `x + F (best - x + r0 - r1)`, binomial crossover.
    CurrentToBest1Bin,
    /// `x + F (best - x + r0 - r1)`, exponential crossover.
    CurrentToBest1Exp,
    /// `best + F (r0 + r1 - r2 - r3)`, binomial crossover.
    Best2Bin,
    /// `best + F (r0 + r1 - r2 - r3)`, exponential crossover.
    Best2Exp,
}

const STRATEGIES: [Strategy; 12] = [
    Strategy::Best1Bin,
    Strategy::Best1Exp,
    Strategy::Rand1Bin,
    Strategy::Rand1Exp,
    Strategy::Rand2Bin,
    Strategy::Rand2Exp,
    Strategy::RandToBest1Bin,
    Strategy::RandToBest1Exp,
    Strategy::CurrentToBest1Bin,
    Strategy::CurrentToBest1Exp,
    Strategy::Best2Bin,
    Strategy::Best2Exp,
];

impl Strategy {
    /// SciPy's name of the strategy.
    ///
    /// ```
    /// use sciox::optimize::Strategy;
    /// assert_eq!(Strategy::Best1Bin.name(), "best1bin");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Best1Bin => "best1bin",
            Strategy::Best1Exp => "best1exp",
            Strategy::Rand1Bin => "rand1bin",
            Strategy::Rand1Exp => "rand1exp",
            Strategy::Rand2Bin => "rand2bin",
            Strategy::Rand2Exp => "rand2exp",
            Strategy::RandToBest1Bin => "randtobest1bin",
            Strategy::RandToBest1Exp => "randtobest1exp",
            Strategy::CurrentToBest1Bin => "currenttobest1bin",
            Strategy::CurrentToBest1Exp => "currenttobest1exp",
            Strategy::Best2Bin => "best2bin",
            Strategy::Best2Exp => "best2exp",
        }
    }

    /// The strategy SciPy names `name`; an error for an unknown name.
    ///
    /// ```
    /// use sciox::optimize::Strategy;
    /// assert_eq!(Strategy::from_name("rand1exp").unwrap(), Strategy::Rand1Exp);
    /// assert!(Strategy::from_name("best3bin").is_err());
    /// ```
    pub fn from_name(name: &str) -> Result<Strategy> {
        STRATEGIES
            .iter()
            .copied()
            .find(|s| s.name() == name)
            .ok_or_else(|| Error::invalid(format!("Please select a valid mutation strategy, not {name:?}")))
    }

    fn binomial(self) -> bool {
        self.name().ends_with("bin")
    }
}

/// The mutation constant `F` of [`differential_evolution`]: a constant, or
/// dithering (a fresh `F ~ U[min, max)` every generation, SciPy's tuple
/// form and its default `(0.5, 1)`).
///
/// ```
/// use sciox::optimize::Mutation;
/// assert_eq!(Mutation::default(), Mutation::Dither(0.5, 1.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mutation {
    /// One `F` for the whole run.
    Constant(f64),
    /// `F` drawn from `U[min, max)` each generation (the pair is sorted).
    Dither(f64, f64),
}

impl Default for Mutation {
    fn default() -> Self {
        Mutation::Dither(0.5, 1.0)
    }
}

/// How [`differential_evolution`] fills the first population (SciPy's
/// `init=`).
///
/// ```
/// use sciox::optimize::DeInit;
/// assert_eq!(DeInit::default(), DeInit::LatinHypercube);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub enum DeInit {
    /// `'latinhypercube'`: one uniform draw in each of `S` strata per
    /// parameter, strata permuted per parameter.
    #[default]
    LatinHypercube,
    /// `'random'`: uniform draws over the box.
    Random,
    /// A given population, `S × N` row-major in parameter units (SciPy's
    /// array `init`), clipped to the bounds; `S >= 5`.
    Population(Vec<f64>),
}

/// When [`differential_evolution`] replaces population members (SciPy's
/// `updating=`).
///
/// ```
/// use sciox::optimize::Updating;
/// assert_eq!(Updating::default(), Updating::Immediate);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Updating {
    /// `'immediate'`: a better trial replaces its parent at once and may
    /// become the best member within the generation.
    #[default]
    Immediate,
    /// `'deferred'`: the whole generation's trials are made first, then
    /// compared.
    Deferred,
}

/// Options of [`differential_evolution`] with SciPy's defaults.
///
/// ```
/// use sciox::optimize::DifferentialEvolutionOptions;
/// let o = DifferentialEvolutionOptions::default();
/// assert_eq!((o.maxiter, o.popsize, o.tol, o.recombination), (1000, 15, 0.01, 0.7));
/// assert!(o.polish);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DifferentialEvolutionOptions {
    /// The strategy (`'best1bin'`).
    pub strategy: Strategy,
    /// Maximum number of generations (1000).
    pub maxiter: usize,
    /// Population size multiplier: `S = max(5, popsize · N_free)` (15).
    pub popsize: usize,
    /// Relative tolerance on the spread of the energies (0.01).
    pub tol: f64,
    /// Absolute tolerance on the spread of the energies (0).
    pub atol: f64,
    /// The mutation constant (dithering in `[0.5, 1)`).
    pub mutation: Mutation,
    /// The crossover probability `CR` (0.7).
    pub recombination: f64,
    /// Seed of `np.random.default_rng(seed)` (SciPy's `rng=seed`); `None`
    /// seeds from the clock.
    pub seed: Option<u128>,
    /// Polish the best member at the end (true): L-BFGS-B, or trust-constr
    /// with constraints.
    pub polish: bool,
    /// The initial population.
    pub init: DeInit,
    /// When members are replaced.
    pub updating: Updating,
    /// A starting point that replaces the first member of the population.
    pub x0: Option<Vec<f64>>,
    /// Which parameters are integers (SciPy's `integrality`): they are
    /// rounded (half to even) when the objective is called, and held fixed
    /// by the polish (no polish when all are integers).
    pub integrality: Option<Vec<bool>>,
}

impl Default for DifferentialEvolutionOptions {
    fn default() -> Self {
        DifferentialEvolutionOptions {
            strategy: Strategy::Best1Bin,
            maxiter: 1000,
            popsize: 15,
            tol: 0.01,
            atol: 0.0,
            mutation: Mutation::default(),
            recombination: 0.7,
            seed: None,
            polish: true,
            init: DeInit::LatinHypercube,
            updating: Updating::Immediate,
            x0: None,
            integrality: None,
        }
    }
}

/// The outcome of [`differential_evolution`] (SciPy's `OptimizeResult`
/// with `population` and `population_energies`).
///
/// ```
/// use sciox::optimize::{differential_evolution, DifferentialEvolutionOptions};
/// let o = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
/// let r = differential_evolution(|x: &[f64]| x[0] * x[0], [(-1.0, 1.0)], &o, None).unwrap();
/// assert_eq!(r.population.len(), r.population_energies.len() * r.x.len());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct DifferentialEvolutionResult {
    /// The best point.
    pub x: Vec<f64>,
    /// The objective at `x`.
    pub fun: f64,
    /// The gradient estimate of the polishing L-BFGS-B run, when it
    /// improved the point (empty otherwise).
    pub jac: Vec<f64>,
    /// Objective evaluations (polishing included).
    pub nfev: usize,
    /// Generations.
    pub nit: usize,
    /// Whether the population converged (not a `maxiter` stop or a
    /// callback stop).
    pub success: bool,
    /// SciPy's message.
    pub message: String,
    /// The final population, `S × N` row-major, before polishing (as SciPy's).
    pub population: Vec<f64>,
    /// The energies of the population (the first one is the polished value
    /// when polishing improved it, as SciPy's); `inf` for members that
    /// violate the constraints (their objective is never evaluated).
    pub population_energies: Vec<f64>,
    /// With constraints: the violation of each constraint's components at
    /// `x` (SciPy's `constr`); empty without constraints.
    pub constr: Vec<Vec<f64>>,
    /// With constraints: the largest violation at `x` (SciPy's
    /// `constr_violation`, equal to `maxcv`); 0 without constraints.
    pub constr_violation: f64,
    /// Same as `constr_violation` (SciPy's `maxcv`).
    pub maxcv: f64,
}

/// Bounds from `(min, max)` pairs, SciPy's second form of `bounds`.
impl From<&[(f64, f64)]> for Bounds {
    fn from(p: &[(f64, f64)]) -> Bounds {
        Bounds::new(p.iter().map(|b| b.0).collect(), p.iter().map(|b| b.1).collect())
    }
}

impl From<Vec<(f64, f64)>> for Bounds {
    fn from(p: Vec<(f64, f64)>) -> Bounds {
        Bounds::from(&p[..])
    }
}

impl<const N: usize> From<[(f64, f64); N]> for Bounds {
    fn from(p: [(f64, f64); N]) -> Bounds {
        Bounds::from(&p[..])
    }
}

impl From<&Bounds> for Bounds {
    fn from(b: &Bounds) -> Bounds {
        b.clone()
    }
}

const MACHEPS: f64 = f64::EPSILON;

/// NumPy's pairwise sum of a slice (the order `np.sum` adds in).
pub(crate) fn np_sum(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        let mut res = -0.0;
        for v in a {
            res += v;
        }
        res
    } else if n <= 128 {
        let mut r = [0.0f64; 8];
        r.copy_from_slice(&a[..8]);
        let m = n - n % 8;
        let mut i = 8;
        while i < m {
            for (j, rj) in r.iter_mut().enumerate() {
                *rj += a[i + j];
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for v in &a[m..] {
            res += v;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        np_sum(&a[..n2]) + np_sum(&a[n2..])
    }
}

/// `(np.mean(a), np.std(a))` in NumPy's operation order.
fn mean_std(a: &[f64]) -> (f64, f64) {
    let n = a.len() as f64;
    let mean = np_sum(a) / n;
    let dev: Vec<f64> = a
        .iter()
        .map(|v| {
            let d = v - mean;
            d * d
        })
        .collect();
    (mean, (np_sum(&dev) / n).sqrt())
}

/// `np.argmin`: the first minimum, or the first NaN.
pub(crate) fn np_argmin(a: &[f64]) -> usize {
    let mut best = 0;
    for (i, &v) in a.iter().enumerate() {
        if v.is_nan() {
            return i;
        }
        if v < a[best] {
            best = i;
        }
    }
    best
}

/// The seed's generator, or one seeded from the clock.
pub(crate) fn make_rng(seed: Option<u128>) -> Generator<Pcg64> {
    let s = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    });
    default_rng(s)
}

/// A draw of `rng.integers(n)` (int64, `0 <= k < n`).
pub(crate) fn rand_below(rng: &mut Generator<Pcg64>, n: usize) -> Result<usize> {
    let a = rng.integers::<i64>(0, n as i128, (), false)?;
    Ok(a.iter().next().copied().unwrap_or(0) as usize)
}

/// Checked box bounds: equal lengths, finite, `lb <= ub`.
pub(crate) fn check_bounds(b: &Bounds, what: &str) -> Result<()> {
    if b.lb.len() != b.ub.len() {
        return Err(Error::invalid(format!(
            "{what}: lower and upper bounds have different lengths ({} and {})",
            b.lb.len(),
            b.ub.len()
        )));
    }
    if b.lb.is_empty() {
        return Err(Error::invalid(format!("{what}: bounds must not be empty")));
    }
    if b.lb.iter().chain(&b.ub).any(|v| !v.is_finite()) {
        return Err(Error::invalid(
            "bounds should be a sequence containing finite real valued (min, max) pairs for each value in x",
        ));
    }
    if let Some(i) = (0..b.lb.len()).find(|&i| b.lb[i] > b.ub[i]) {
        return Err(Error::invalid(format!(
            "{what}: lower bound {} is above upper bound {} for parameter {i}",
            b.lb[i], b.ub[i]
        )));
    }
    Ok(())
}

/// The components of all constraints at `x`, concatenated, written as
/// violations `max(lb - c, 0) + max(c - ub, 0)` (SciPy's
/// `_ConstraintWrapper.violation`; a NaN value stays NaN as in
/// `np.maximum`).
fn violations(cons: &mut [Constraint<'_>], x: &[f64], out: &mut [f64]) {
    let mut off = 0;
    for c in cons.iter_mut() {
        let m = c.len();
        let o = &mut out[off..off + m];
        let (lb, ub) = match c {
            Constraint::Nonlinear(nc) => {
                (nc.fun)(x, o);
                (&nc.lb, &nc.ub)
            }
            Constraint::Linear(l) => {
                let n = x.len();
                for (i, v) in o.iter_mut().enumerate() {
                    *v = l.a[i * n..(i + 1) * n].iter().zip(x).map(|(a, b)| a * b).sum();
                }
                (&l.lb, &l.ub)
            }
            // rejected by `check_constraints`
            Constraint::Dict { .. } => (&Vec::new(), &Vec::new()),
        };
        for (i, v) in o.iter_mut().enumerate() {
            *v = np_max0(lb[i] - *v) + np_max0(*v - ub[i]);
        }
        off += m;
    }
}

/// `np.maximum(d, 0)`: NaN propagates.
fn np_max0(d: f64) -> f64 {
    if d.is_nan() || d > 0.0 { d } else { 0.0 }
}

/// The checks of SciPy's `_ConstraintWrapper`: known kinds, matching
/// shapes. Returns the total number of components.
fn check_constraints(cons: &[Constraint<'_>], n: usize) -> Result<usize> {
    let mut m = 0;
    for c in cons {
        match c {
            Constraint::Dict { .. } => {
                return Err(Error::invalid(
                    "`constraint` of an unknown type is passed (differential_evolution takes \
                     LinearConstraint and NonlinearConstraint, not old-style dictionaries).",
                ));
            }
            Constraint::Linear(l) => {
                if l.lb.len() != l.ub.len() || l.a.len() != l.lb.len() * n {
                    return Err(Error::invalid(format!(
                        "LinearConstraint: A has {} entries, lb {} and ub {}; expected A of shape ({}, {n})",
                        l.a.len(),
                        l.lb.len(),
                        l.ub.len(),
                        l.lb.len()
                    )));
                }
            }
            Constraint::Nonlinear(nc) => {
                if nc.lb.len() != nc.ub.len() {
                    return Err(Error::invalid(format!(
                        "NonlinearConstraint: lb has {} entries, ub {}",
                        nc.lb.len(),
                        nc.ub.len()
                    )));
                }
            }
        }
        m += c.len();
    }
    Ok(m)
}

/// Python's `repr` of a float (`1e-05`, `0.5`, `2.0`), for SciPy's messages.
fn py_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let e = format!("{x:e}");
        let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let s = format!("{x}");
        if s.contains('.') { s } else { format!("{s}.0") }
    }
}

/// SciPy's `_accept_trial` (Lampinen): feasible beats infeasible; two
/// feasible compare energies; an infeasible trial wins when its violation
/// is no worse in every component.
fn accept_trial(e_t: f64, f_t: bool, cv_t: &[f64], e_o: f64, f_o: bool, cv_o: &[f64]) -> bool {
    if f_o && f_t {
        e_t <= e_o
    } else if f_t && !f_o {
        true
    } else {
        !f_t && cv_t.iter().zip(cv_o).all(|(a, b)| a <= b)
    }
}

/// How the solver calls the objective: one point at a time (the plain
/// closure), a batch on threads ([`Parallel`]) or one vectorized call per
/// batch ([`Vectorized`]).
trait Objective {
    /// The energy of one point (immediate updating and the polish).
    fn one(&mut self, x: &[f64]) -> f64;
    /// The energies of the rows of `xs` (`n` values each, at least one row)
    /// into `out`; returns the evaluations SciPy counts for the batch.
    fn batch(&mut self, xs: &[f64], n: usize, out: &mut [f64]) -> usize {
        for (x, o) in xs.chunks_exact(n).zip(out.iter_mut()) {
            *o = self.one(x);
        }
        out.len()
    }
}

/// A plain closure: one call per point, in population order.
struct Serial<F>(F);

impl<F: FnMut(&[f64]) -> f64> Objective for Serial<F> {
    fn one(&mut self, x: &[f64]) -> f64 {
        (self.0)(x)
    }
}

/// SciPy's `workers`: the points of a batch are evaluated on rayon's threads
/// (each energy lands in its member's slot, so the result is the serial one).
struct Parallel<F>(F);

impl<F: Fn(&[f64]) -> f64 + Sync> Objective for Parallel<F> {
    fn one(&mut self, x: &[f64]) -> f64 {
        (self.0)(x)
    }
    fn batch(&mut self, xs: &[f64], n: usize, out: &mut [f64]) -> usize {
        use rayon::prelude::*;
        let f = &self.0;
        xs.par_chunks_exact(n)
            .zip(out.par_iter_mut())
            .for_each(|(x, o)| *o = f(x));
        out.len()
    }
}

/// SciPy's `vectorized=True`: the batch goes to the closure as one `(N, S)`
/// array (a transposed view of the `S × N` points), and counts as one
/// evaluation, as SciPy counts it.
struct Vectorized<F>(F);

impl<F: FnMut(numox::ArrayView<'_, f64>, &mut [f64])> Objective for Vectorized<F> {
    fn one(&mut self, x: &[f64]) -> f64 {
        let mut e = [0.0];
        self.batch(x, x.len(), &mut e);
        e[0]
    }
    fn batch(&mut self, xs: &[f64], n: usize, out: &mut [f64]) -> usize {
        let s = out.len();
        match numox::ArrayView::from_shape(&[s, n], &xs[..s * n]) {
            Ok(v) => (self.0)(v.reversed_axes(), out),
            Err(_) => unreachable!("{s} x {n} points in a buffer of {}", xs.len()),
        }
        1
    }
}

struct Solver<'f, 'c, 'a, F> {
    func: &'f mut F,
    cons: &'c mut [Constraint<'a>],
    /// Total number of constraint components.
    m: usize,
    feasible: Vec<bool>,
    /// Violations, `S × m` row-major.
    cv: Vec<f64>,
    rng: Generator<Pcg64>,
    n: usize,
    s: usize,
    arg1: Vec<f64>,
    arg2: Vec<f64>,
    recip: Vec<f64>,
    pop: Vec<f64>,
    energies: Vec<f64>,
    nfev: usize,
    scale: f64,
    dither: Option<(f64, f64)>,
    cr: f64,
    strategy: Strategy,
    index: numox::Array<i64>,
    params: Vec<f64>,
    integ: Vec<bool>,
}

impl<F: Objective> Solver<'_, '_, '_, F> {
    /// Violations of the scaled `trial` and whether it is feasible (SciPy:
    /// `not np.sum(cv) > 0`, so a NaN violation counts as feasible).
    fn feasibility(&mut self, trial: &[f64], cv: &mut [f64]) -> bool {
        if self.cons.is_empty() {
            return true;
        }
        let mut params = std::mem::take(&mut self.params);
        self.scale_into(trial, &mut params);
        violations(self.cons, &params, cv);
        self.params = params;
        let total = np_sum(cv);
        total.is_nan() || total <= 0.0
    }

    /// The first energies (SciPy's `_calculate_population_feasibilities`,
    /// then the objective of the feasible members, then the promotion).
    fn initial_energies(&mut self) {
        let (n, m) = (self.n, self.m);
        let mut cv = vec![0.0; m];
        for i in 0..self.s {
            let row = self.pop[i * n..(i + 1) * n].to_vec();
            self.feasible[i] = self.feasibility(&row, &mut cv);
            self.cv[i * m..(i + 1) * m].copy_from_slice(&cv);
        }
        let feasible = self.feasible.clone();
        let pop = self.pop.clone();
        let mut es = std::mem::take(&mut self.energies);
        self.energies_of(&pop, &feasible, &mut es);
        self.energies = es;
        self.promote_lowest();
    }

    /// SciPy's `_calculate_population_energies` for the members of `pop`
    /// (`S × n`, unscaled) marked in `which`: their energies go to `out`, in
    /// one batch, and `nfev` grows by what the objective counts.
    fn energies_of(&mut self, pop: &[f64], which: &[bool], out: &mut [f64]) {
        let n = self.n;
        // with no member marked SciPy still makes the (empty) call: a
        // vectorized objective gets an `(N, 0)` array, counted as one
        // evaluation; the others make no call and count none
        let idx: Vec<usize> = (0..which.len()).filter(|&i| which[i]).collect();
        let mut params = vec![0.0; idx.len() * n];
        for (k, &i) in idx.iter().enumerate() {
            self.scale_into(&pop[i * n..(i + 1) * n], &mut params[k * n..(k + 1) * n]);
        }
        let mut es = vec![0.0; idx.len()];
        self.nfev += self.func.batch(&params, n, &mut es);
        for (k, &i) in idx.iter().enumerate() {
            out[i] = es[k];
        }
    }

    fn scale_into(&self, trial: &[f64], out: &mut [f64]) {
        for j in 0..self.n {
            out[j] = self.arg1[j] + (trial[j] - 0.5) * self.arg2[j];
            if self.integ.get(j).copied().unwrap_or(false) {
                out[j] = out[j].round_ties_even();
            }
        }
    }

    fn unscale(&self, p: &[f64]) -> Vec<f64> {
        (0..self.n)
            .map(|j| (p[j] - self.arg1[j]) * self.recip[j] + 0.5)
            .collect()
    }

    fn energy(&mut self, trial: &[f64]) -> f64 {
        let mut params = std::mem::take(&mut self.params);
        self.scale_into(trial, &mut params);
        let e = self.func.one(&params);
        self.params = params;
        self.nfev += 1;
        e
    }

    /// SciPy's `_promote_lowest_energy`: the best feasible member (or,
    /// with none feasible, the one of least total violation) goes first.
    fn promote_lowest(&mut self) {
        let idx: Vec<usize> = (0..self.s).filter(|&i| self.feasible[i]).collect();
        let l = if !idx.is_empty() {
            let e: Vec<f64> = idx.iter().map(|&i| self.energies[i]).collect();
            idx[np_argmin(&e)]
        } else {
            let m = self.m;
            let sums: Vec<f64> = (0..self.s)
                .map(|i| np_sum(&self.cv[i * m..(i + 1) * m]))
                .collect();
            np_argmin(&sums)
        };
        self.energies.swap(0, l);
        self.feasible.swap(0, l);
        if l != 0 {
            let n = self.n;
            let (a, b) = self.pop.split_at_mut(l * n);
            a[..n].swap_with_slice(&mut b[..n]);
            let m = self.m;
            let (a, b) = self.cv.split_at_mut(l * m);
            a[..m].swap_with_slice(&mut b[..m]);
        }
    }

    fn select_samples(&mut self, candidate: usize) -> Result<[usize; 5]> {
        self.rng.shuffle(&mut self.index, 0)?;
        let mut out = [0usize; 5];
        let mut k = 0;
        for &i in self.index.iter().take(6) {
            if i as usize != candidate && k < 5 {
                out[k] = i as usize;
                k += 1;
            }
        }
        Ok(out)
    }

    /// The mutant `bprime` for `candidate` from `samples` (SciPy's `_best1`, ...).
    fn mutant(&self, candidate: usize, r: &[usize; 5], out: &mut [f64]) {
        let n = self.n;
        let p = |i: usize, j: usize| self.pop[i * n + j];
        let f = self.scale;
        for (j, o) in out.iter_mut().enumerate().take(n) {
            *o = match self.strategy {
                Strategy::Best1Bin | Strategy::Best1Exp => p(0, j) + f * (p(r[0], j) - p(r[1], j)),
                Strategy::Rand1Bin | Strategy::Rand1Exp => p(r[0], j) + f * (p(r[1], j) - p(r[2], j)),
                Strategy::RandToBest1Bin | Strategy::RandToBest1Exp => {
                    let mut b = p(r[0], j);
                    b += f * (p(0, j) - b);
                    b += f * (p(r[1], j) - p(r[2], j));
                    b
                }
                Strategy::CurrentToBest1Bin | Strategy::CurrentToBest1Exp => {
                    p(candidate, j) + f * (p(0, j) - p(candidate, j) + p(r[0], j) - p(r[1], j))
                }
                Strategy::Best2Bin | Strategy::Best2Exp => {
                    p(0, j) + f * (p(r[0], j) + p(r[1], j) - p(r[2], j) - p(r[3], j))
                }
                Strategy::Rand2Bin | Strategy::Rand2Exp => {
                    p(r[0], j) + f * (p(r[1], j) + p(r[2], j) - p(r[3], j) - p(r[4], j))
                }
            };
        }
    }

    /// Crossover of `trial` (holding the parent) with `bprime`.
    fn crossover(&self, trial: &mut [f64], bprime: &[f64], fill_point: usize, cross: &mut [bool]) {
        let n = self.n;
        if self.strategy.binomial() {
            cross[fill_point] = true;
            for j in 0..n {
                if cross[j] {
                    trial[j] = bprime[j];
                }
            }
        } else {
            cross[0] = true;
            let mut fp = fill_point;
            let mut i = 0;
            while i < n && cross[i] {
                trial[fp] = bprime[fp];
                fp = (fp + 1) % n;
                i += 1;
            }
        }
    }

    /// SciPy's `_ensure_constraint`: entries outside `[0, 1]` are redrawn.
    fn ensure_constraint(&mut self, trial: &mut [f64]) {
        for v in trial.iter_mut() {
            if *v > 1.0 || *v < 0.0 {
                *v = self.rng.next_f64();
            }
        }
    }

    fn draw_crossovers(&mut self, cross: &mut [bool]) {
        for c in cross.iter_mut() {
            *c = self.rng.next_f64() < self.cr;
        }
    }

    fn next_generation(&mut self, updating: Updating) -> Result<()> {
        // SciPy re-does the first evaluation while every energy is
        // infinite (e.g. no member is feasible yet)
        if self.energies.iter().all(|e| e.is_infinite()) {
            self.initial_energies();
        }
        if let Some((lo, hi)) = self.dither {
            self.scale = lo + (hi - lo) * self.rng.next_f64();
        }
        let (n, s, m) = (self.n, self.s, self.m);
        let mut bprime = vec![0.0; n];
        let mut cross = vec![false; n];
        let mut cv = vec![0.0; m];
        match updating {
            Updating::Immediate => {
                let mut trial = vec![0.0; n];
                for c in 0..s {
                    let fill_point = rand_below(&mut self.rng, n)?;
                    let samples = self.select_samples(c)?;
                    trial.copy_from_slice(&self.pop[c * n..(c + 1) * n]);
                    self.mutant(c, &samples, &mut bprime);
                    self.draw_crossovers(&mut cross);
                    self.crossover(&mut trial, &bprime, fill_point, &mut cross);
                    self.ensure_constraint(&mut trial);
                    let feas = self.feasibility(&trial, &mut cv);
                    let e = if feas { self.energy(&trial) } else { f64::INFINITY };
                    let cvc = &self.cv[c * m..(c + 1) * m];
                    if accept_trial(e, feas, &cv, self.energies[c], self.feasible[c], cvc) {
                        self.pop[c * n..(c + 1) * n].copy_from_slice(&trial);
                        self.energies[c] = e;
                        self.feasible[c] = feas;
                        self.cv[c * m..(c + 1) * m].copy_from_slice(&cv);
                        if accept_trial(e, feas, &cv, self.energies[0], self.feasible[0], &self.cv[..m]) {
                            self.promote_lowest();
                        }
                    }
                }
            }
            Updating::Deferred => {
                let mut samples = Vec::with_capacity(s);
                for c in 0..s {
                    samples.push(self.select_samples(c)?);
                }
                let mut trials = self.pop.clone();
                let mut bprimes = vec![0.0; s * n];
                for c in 0..s {
                    self.mutant(c, &samples[c], &mut bprimes[c * n..(c + 1) * n]);
                }
                let fill = self.rng.integers::<i64>(0, n as i128, s, false)?;
                let fill: Vec<usize> = fill.iter().map(|&v| v as usize).collect();
                let mut crosses = vec![false; s * n];
                self.draw_crossovers(&mut crosses);
                for c in 0..s {
                    let (t, b) = (&mut trials[c * n..(c + 1) * n], &bprimes[c * n..(c + 1) * n]);
                    self.crossover(t, b, fill[c], &mut crosses[c * n..(c + 1) * n]);
                }
                self.ensure_constraint(&mut trials);
                let mut feas = vec![true; s];
                let mut cvs = vec![0.0; s * m];
                for c in 0..s {
                    feas[c] = self.feasibility(&trials[c * n..(c + 1) * n], &mut cvs[c * m..(c + 1) * m]);
                }
                let mut es = vec![f64::INFINITY; s];
                self.energies_of(&trials, &feas, &mut es);
                for c in 0..s {
                    let (cvt, cvo) = (&cvs[c * m..(c + 1) * m], &self.cv[c * m..(c + 1) * m]);
                    if accept_trial(es[c], feas[c], cvt, self.energies[c], self.feasible[c], cvo) {
                        self.pop[c * n..(c + 1) * n].copy_from_slice(&trials[c * n..(c + 1) * n]);
                        self.energies[c] = es[c];
                        self.feasible[c] = feas[c];
                        self.cv[c * m..(c + 1) * m].copy_from_slice(&cvs[c * m..(c + 1) * m]);
                    }
                }
                self.promote_lowest();
            }
        }
        Ok(())
    }

    fn convergence(&self) -> f64 {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return f64::INFINITY;
        }
        let (mean, std) = mean_std(&self.energies);
        std / (mean.abs() + MACHEPS)
    }

    fn converged(&self, tol: f64, atol: f64) -> bool {
        if self.energies.iter().any(|e| e.is_infinite()) {
            return false;
        }
        let (mean, std) = mean_std(&self.energies);
        std <= atol + tol * mean.abs()
    }
}

/// Finds the global minimum of `func` over a box by differential evolution
/// (SciPy's `differential_evolution`).
///
/// `bounds` are `(min, max)` pairs or a [`Bounds`]; all must be finite.
/// `callback(x_best, convergence)` runs after every generation
/// (`convergence` is SciPy's `tol / (std/|mean| + eps)`); returning `true`
/// stops the run (`success = false`, "callback function requested stop
/// early"). With `polish`, the best point is refined by
/// [`minimize`] with L-BFGS-B inside the bounds and kept if it improved.
///
/// Errors: bad bounds, an `x0` outside them or of the wrong length, a
/// mutation constant outside `[0, 2)`, a given population of the wrong shape.
///
/// ```
/// use sciox::optimize::{differential_evolution, rosen, DifferentialEvolutionOptions};
/// let o = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
/// let r = differential_evolution(rosen, [(0.0, 2.0); 3], &o, None).unwrap();
/// assert!(r.success);
/// assert!(r.x.iter().all(|v| (v - 1.0).abs() < 1e-6));
/// ```
pub fn differential_evolution<F, B>(
    func: F,
    bounds: B,
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: FnMut(&[f64]) -> f64,
    B: Into<Bounds>,
{
    differential_evolution_constrained(func, bounds, &mut [], opts, callback)
}

/// [`differential_evolution`] with SciPy's `constraints`
/// ([`LinearConstraint`](crate::optimize::LinearConstraint)s and
/// [`NonlinearConstraint`](crate::optimize::NonlinearConstraint)s).
///
/// As SciPy's (Lampinen's rules): a member's constraint violations are
/// computed first and the objective is only called (and counted in `nfev`)
/// for feasible members, infeasible ones get energy `inf`; a feasible trial
/// beats an infeasible parent, two feasible ones compare energies, and an
/// infeasible trial replaces an infeasible parent when its violation is no
/// worse in every component. The best member is the best feasible one, or
/// the least violating one when none is feasible. The polish is
/// [`minimize_constrained`] with trust-constr under the bounds and the
/// constraints. The result carries `constr`, `constr_violation` and `maxcv`;
/// when `maxcv > 0`, `success` is false and the message is SciPy's "The
/// solution does not satisfy the constraints, MAXCV = ...". With an empty
/// `constraints` this is [`differential_evolution`].
///
/// Errors: as [`differential_evolution`], and old-style dictionary
/// constraints (SciPy rejects them too), constraints with `lb`/`ub` of
/// different lengths, a `LinearConstraint` whose `A` is not `m×n`.
///
/// ```
/// use sciox::optimize::{differential_evolution_constrained, Constraint, DifferentialEvolutionOptions, LinearConstraint};
/// // SciPy's doc example: Rosenbrock with x0 + x1 <= 1.9
/// let mut cons = [Constraint::Linear(LinearConstraint::new(vec![1.0, 1.0], vec![f64::NEG_INFINITY], vec![1.9]))];
/// let o = DifferentialEvolutionOptions { seed: Some(1), ..Default::default() };
/// let rosen = |x: &[f64]| 100.0 * (x[1] - x[0] * x[0]).powi(2) + (1.0 - x[0]).powi(2);
/// let r = differential_evolution_constrained(rosen, [(0.0, 2.0); 2], &mut cons, &o, None).unwrap();
/// assert!(r.success && r.maxcv == 0.0);
/// assert!((r.x[0] - 0.96633).abs() < 1e-4 && (r.x[1] - 0.93367).abs() < 1e-4);
/// ```
pub fn differential_evolution_constrained<F, B>(
    func: F,
    bounds: B,
    constraints: &mut [Constraint<'_>],
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: FnMut(&[f64]) -> f64,
    B: Into<Bounds>,
{
    de_run(
        &mut Serial(func),
        bounds.into(),
        constraints,
        opts,
        opts.updating,
        callback,
    )
}

/// [`differential_evolution`] with the energies of each generation computed
/// on rayon's threads: SciPy's `workers=` (`workers=-1` is rayon's global
/// pool; run the call inside `rayon::ThreadPool::install` to choose the
/// number of threads, as `workers=k` does).
///
/// As in SciPy, parallel evaluation needs `updating='deferred'`: an
/// `Updating::Immediate` in `opts` is overridden, with SciPy's
/// `UserWarning` (through [`numox::warnings`]). The result (`x`, `fun`,
/// `nfev`, `nit`, the population) is that of the serial run with
/// `Updating::Deferred`, whatever the number of threads; `func` must be
/// `Fn + Sync` because several threads call it at once. The polish calls it
/// from one thread.
///
/// ```
/// use sciox::optimize::{differential_evolution, differential_evolution_parallel, rosen,
///     DifferentialEvolutionOptions, Updating};
/// let o = DifferentialEvolutionOptions { seed: Some(7), updating: Updating::Deferred, ..Default::default() };
/// let par = differential_evolution_parallel(rosen, [(0.0, 2.0); 3], &o, None).unwrap();
/// let serial = differential_evolution(rosen, [(0.0, 2.0); 3], &o, None).unwrap();
/// assert_eq!((par.x, par.nfev, par.nit), (serial.x, serial.nfev, serial.nit));
/// ```
pub fn differential_evolution_parallel<F, B>(
    func: F,
    bounds: B,
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: Fn(&[f64]) -> f64 + Sync,
    B: Into<Bounds>,
{
    differential_evolution_parallel_constrained(func, bounds, &mut [], opts, callback)
}

/// [`differential_evolution_parallel`] with SciPy's `constraints` (as in
/// [`differential_evolution_constrained`]): SciPy's `workers=` together with
/// `constraints=`.
///
/// As SciPy's: each generation first computes the violations of every
/// trial (the constraint functions are called one point at a time, in
/// population order, on the calling thread, as SciPy's list comprehension
/// does), then the energies of the feasible trials in one batch on rayon's
/// threads. `nfev`, `nit`, the population, `x`/`fun` and `maxcv` are those
/// of [`differential_evolution_constrained`] with `Updating::Deferred`; an
/// `Updating::Immediate` in `opts` is overridden with SciPy's `UserWarning`.
/// The trust-constr polish calls `func` from one thread. The constraints
/// (boxed closures, not `Send`) stay on the calling thread: to choose the
/// number of threads, build them inside the closure given to
/// `rayon::ThreadPool::install`.
///
/// Errors: as [`differential_evolution_constrained`].
///
/// ```
/// use sciox::optimize::{differential_evolution_constrained, differential_evolution_parallel_constrained,
///     rosen, Constraint, DifferentialEvolutionOptions, LinearConstraint, Updating};
/// let cons = || [Constraint::Linear(LinearConstraint::new(vec![1.0, 1.0], vec![f64::NEG_INFINITY], vec![1.9]))];
/// let o = DifferentialEvolutionOptions { seed: Some(1), updating: Updating::Deferred, ..Default::default() };
/// let par = differential_evolution_parallel_constrained(rosen, [(0.0, 2.0); 2], &mut cons(), &o, None).unwrap();
/// let serial = differential_evolution_constrained(rosen, [(0.0, 2.0); 2], &mut cons(), &o, None).unwrap();
/// assert_eq!((par.nfev, par.nit, par.maxcv), (serial.nfev, serial.nit, 0.0));
/// assert_eq!(par.x, serial.x);
/// ```
pub fn differential_evolution_parallel_constrained<F, B>(
    func: F,
    bounds: B,
    constraints: &mut [Constraint<'_>],
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: Fn(&[f64]) -> f64 + Sync,
    B: Into<Bounds>,
{
    de_run_deferred(
        &mut Parallel(func),
        "workers",
        bounds.into(),
        constraints,
        opts,
        callback,
    )
}

/// [`differential_evolution`] with a vectorized objective: SciPy's
/// `vectorized=True`. `func(x, out)` receives the points of a whole
/// generation as the columns of `x`, an `(N, S)` array (a view, as SciPy
/// passes `x.T`), and writes their `S` energies into `out`. Each such call
/// counts as one evaluation in `nfev`, as in SciPy. The polish calls it with
/// one column at a time.
///
/// As in SciPy, a vectorized objective needs `updating='deferred'`: an
/// `Updating::Immediate` in `opts` is overridden, with SciPy's
/// `UserWarning`. The iterates are those of the serial deferred run.
///
/// ```
/// use sciox::optimize::{differential_evolution_vectorized, DifferentialEvolutionOptions, Updating};
/// use numox::ArrayView;
/// // the sphere function, one column per point
/// let sphere = |x: ArrayView<'_, f64>, out: &mut [f64]| {
///     for (j, o) in out.iter_mut().enumerate() {
///         *o = (0..x.shape()[0]).map(|i| x[[i, j]] * x[[i, j]]).sum();
///     }
/// };
/// let o = DifferentialEvolutionOptions { seed: Some(1), updating: Updating::Deferred, ..Default::default() };
/// let r = differential_evolution_vectorized(sphere, [(-3.0, 3.0); 2], &o, None).unwrap();
/// assert!(r.success && r.fun < 1e-10);
/// assert!(r.nfev < r.nit + 100); // one evaluation per generation, plus the polish
/// ```
pub fn differential_evolution_vectorized<F, B>(
    func: F,
    bounds: B,
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: FnMut(numox::ArrayView<'_, f64>, &mut [f64]),
    B: Into<Bounds>,
{
    differential_evolution_vectorized_constrained(func, bounds, &mut [], opts, callback)
}

/// [`differential_evolution_vectorized`] with SciPy's `constraints` (as in
/// [`differential_evolution_constrained`]): SciPy's `vectorized=True`
/// together with `constraints=`.
///
/// As SciPy's: each generation first computes the violations of every
/// trial, then calls `func` once with the feasible trials only (the columns
/// of the `(N, S')` view, `S'` the number of feasible trials; no call when
/// none is feasible), counted as one evaluation. SciPy also sends its
/// constraint functions all points at once (`(N, S)` in, `(M, S)` out);
/// here a [`NonlinearConstraint`](crate::optimize::NonlinearConstraint)
/// keeps its one-point signature and is called for each point in
/// population order, which gives the same violations. `nfev`, `nit`, the
/// population, `x`/`fun` and `maxcv` are SciPy's; an
/// `Updating::Immediate` in `opts` is overridden with SciPy's
/// `UserWarning`. The trust-constr polish calls `func` with one column at a
/// time.
///
/// Errors: as [`differential_evolution_constrained`].
///
/// ```
/// use sciox::optimize::{differential_evolution_vectorized_constrained, Constraint,
///     DifferentialEvolutionOptions, LinearConstraint, Updating};
/// use numox::ArrayView;
/// // the sphere function, one column per point, with x0 + x1 >= 1
/// let sphere = |x: ArrayView<'_, f64>, out: &mut [f64]| {
///     for (j, o) in out.iter_mut().enumerate() {
///         *o = (0..x.shape()[0]).map(|i| x[[i, j]] * x[[i, j]]).sum();
///     }
/// };
/// let mut cons = [Constraint::Linear(LinearConstraint::new(vec![1.0, 1.0], vec![1.0], vec![f64::INFINITY]))];
/// let o = DifferentialEvolutionOptions { seed: Some(1), updating: Updating::Deferred, ..Default::default() };
/// let r = differential_evolution_vectorized_constrained(sphere, [(-3.0, 3.0); 2], &mut cons, &o, None).unwrap();
/// assert!(r.success && r.maxcv == 0.0);
/// // the trust-constr polish stops near the edge (SciPy: x = [0.50008, 0.50008])
/// assert!((r.x[0] - 0.5).abs() < 1e-3 && (r.x[1] - 0.5).abs() < 1e-3);
/// ```
pub fn differential_evolution_vectorized_constrained<F, B>(
    func: F,
    bounds: B,
    constraints: &mut [Constraint<'_>],
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: FnMut(numox::ArrayView<'_, f64>, &mut [f64]),
    B: Into<Bounds>,
{
    de_run_deferred(
        &mut Vectorized(func),
        "vectorized",
        bounds.into(),
        constraints,
        opts,
        callback,
    )
}

/// [`de_run`] with deferred updating, which SciPy's `keyword` (`workers`
/// or `vectorized`) needs: an `Updating::Immediate` in `opts` is
/// overridden with SciPy's UserWarning.
fn de_run_deferred<O: Objective>(
    func: &mut O,
    keyword: &str,
    bounds: Bounds,
    constraints: &mut [Constraint<'_>],
    opts: &DifferentialEvolutionOptions,
    callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult> {
    if opts.updating == Updating::Immediate {
        numox::warnings::warn(
            numox::warnings::Category::User,
            format!(
                "differential_evolution: the '{keyword}' keyword has overridden updating='immediate' to updating='deferred'"
            ),
        );
    }
    de_run(func, bounds, constraints, opts, Updating::Deferred, callback)
}

/// The solver behind the public entry points, for any way of calling the
/// objective; `updating` is the mode actually used.
fn de_run<O: Objective>(
    func: &mut O,
    bounds: Bounds,
    constraints: &mut [Constraint<'_>],
    opts: &DifferentialEvolutionOptions,
    updating: Updating,
    mut callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult> {
    check_bounds(&bounds, "differential_evolution")?;
    let n = bounds.lb.len();
    let m = check_constraints(constraints, n)?;
    let dither = match opts.mutation {
        Mutation::Constant(f) => {
            if !(f.is_finite() && (0.0..2.0).contains(&f)) {
                return Err(mutation_error());
            }
            None
        }
        Mutation::Dither(a, b) => {
            if ![a, b].iter().all(|f| f.is_finite() && (0.0..2.0).contains(f)) {
                return Err(mutation_error());
            }
            Some((a.min(b), a.max(b)))
        }
    };
    let scale = match opts.mutation {
        Mutation::Constant(f) => f,
        Mutation::Dither(a, _) => a,
    };
    let arg1: Vec<f64> = (0..n).map(|j| 0.5 * (bounds.lb[j] + bounds.ub[j])).collect();
    let arg2: Vec<f64> = (0..n).map(|j| (bounds.lb[j] - bounds.ub[j]).abs()).collect();
    let recip: Vec<f64> = arg2
        .iter()
        .map(|a| {
            let r = 1.0 / a;
            if r.is_finite() { r } else { 0.0 }
        })
        .collect();
    // SciPy scales with the original limits, then widens the integer ones
    let mut limits = bounds.clone();
    let integ = match &opts.integrality {
        Some(v) if v.iter().any(|&b| b) => {
            if v.len() != n {
                return Err(Error::invalid(format!(
                    "integrality has {} entries, the bounds {n}",
                    v.len()
                )));
            }
            for j in (0..n).filter(|&j| v[j]) {
                let (lo, hi) = (bounds.lb[j].ceil(), bounds.ub[j].floor());
                if lo > hi {
                    return Err(Error::invalid(
                        "One of the integrality constraints does not have any possible integer values between the lower/upper bounds.",
                    ));
                }
                limits.lb[j] = next_up(lo - 0.5);
                limits.ub[j] = -next_up(-(hi + 0.5));
            }
            v.clone()
        }
        _ => Vec::new(),
    };
    let eb_count = (0..n).filter(|&j| limits.lb[j] == limits.ub[j]).count();
    let mut s = 5.max(opts.popsize.saturating_mul(1.max(n - eb_count)));
    let mut rng = make_rng(opts.seed);

    let pop = match &opts.init {
        DeInit::LatinHypercube => {
            let seg = 1.0 / s as f64;
            let u = rng.random([s, n]);
            let u = u.as_slice().unwrap_or(&[]).to_vec();
            let step = 1.0 / s as f64;
            let samples: Vec<f64> = (0..s * n).map(|k| seg * u[k] + (k / n) as f64 * step).collect();
            let mut pop = vec![0.0; s * n];
            for j in 0..n {
                let order = rng.permutation(s);
                for (i, &o) in order.iter().enumerate() {
                    pop[i * n + j] = samples[o as usize * n + j];
                }
            }
            pop
        }
        DeInit::Random => rng.random([s, n]).iter().copied().collect(),
        DeInit::Population(p) => {
            if p.len() % n != 0 || p.len() / n < 5 {
                return Err(Error::invalid(
                    "The population supplied needs to have shape (S, len(x)), where S > 4.",
                ));
            }
            s = p.len() / n;
            p.iter()
                .enumerate()
                .map(|(k, v)| {
                    let j = k % n;
                    ((v - arg1[j]) * recip[j] + 0.5).clamp(0.0, 1.0)
                })
                .collect()
        }
    };
    let mut solver = Solver {
        func,
        cons: constraints,
        m,
        feasible: vec![true; s],
        cv: vec![0.0; s * m],
        rng,
        n,
        s,
        arg1,
        arg2,
        recip,
        pop,
        energies: vec![f64::INFINITY; s],
        nfev: 0,
        scale,
        dither,
        cr: opts.recombination,
        strategy: opts.strategy,
        index: numox::Array::from_vec((0..s as i64).collect()),
        params: vec![0.0; n],
        integ: integ.clone(),
    };
    if let Some(x0) = &opts.x0 {
        if x0.len() != n {
            return Err(Error::invalid(format!(
                "x0 has {} entries, the bounds {}",
                x0.len(),
                n
            )));
        }
        let x0s = solver.unscale(x0);
        if x0s.iter().any(|v| !(0.0..=1.0).contains(v)) {
            return Err(Error::invalid(
                "Some entries in x0 lay outside the specified bounds",
            ));
        }
        solver.pop[..n].copy_from_slice(&x0s);
    }

    // initial energies
    solver.initial_energies();

    let mut nit = 0;
    let mut warning = false;
    let mut message = "Optimization terminated successfully.".to_string();
    let mut finished = false;
    for it in 1..=opts.maxiter {
        nit = it;
        solver.next_generation(updating)?;
        if let Some(cb) = callback.as_mut() {
            let c = opts.tol / (solver.convergence() + MACHEPS);
            let mut x = vec![0.0; n];
            solver.scale_into(&solver.pop[..n], &mut x);
            warning = cb(&x, c);
            if warning {
                message = "callback function requested stop early".into();
            }
        }
        if warning || solver.converged(opts.tol, opts.atol) {
            finished = true;
            break;
        }
    }
    if !finished {
        message = "Maximum number of iterations has been exceeded.".into();
        warning = true;
    }

    let mut x = vec![0.0; n];
    solver.scale_into(&solver.pop[..n], &mut x);
    let mut population = vec![0.0; s * n];
    for i in 0..s {
        solver.scale_into(
            &solver.pop[i * n..(i + 1) * n],
            &mut population[i * n..(i + 1) * n],
        );
    }
    let mut res = DifferentialEvolutionResult {
        x,
        fun: solver.energies[0],
        jac: Vec::new(),
        nfev: solver.nfev,
        nit,
        success: !warning,
        message,
        population,
        population_energies: Vec::new(),
        constr: Vec::new(),
        constr_violation: 0.0,
        maxcv: 0.0,
    };
    let has_cons = !solver.cons.is_empty();
    // SciPy's `_result`: an infeasible best member is no success
    if has_cons && constraint_report(solver.cons, &res.x, m).1 > 0.0 {
        res.success = false;
    }
    let all_integer = !integ.is_empty() && integ.iter().all(|&b| b);
    if opts.polish && !all_integer {
        for j in (0..n).filter(|&j| integ.get(j).copied().unwrap_or(false)) {
            limits.lb[j] = res.x[j];
            limits.ub[j] = res.x[j];
        }
        let mo = MinimizeOptions {
            bounds: Some(limits.clone()),
            ..Default::default()
        };
        let r = if has_cons {
            let mut cv = vec![0.0; m];
            violations(solver.cons, &res.x, &mut cv);
            if cv.iter().any(|&v| v > 0.0) {
                numox::warnings::warn(
                    numox::warnings::Category::User,
                    "differential evolution didn't find a solution satisfying the constraints, \
                     attempting to polish from the least infeasible solution",
                );
            }
            let f = &mut *solver.func;
            minimize_constrained(
                |x: &[f64]| f.one(x),
                None,
                &res.x,
                Method::TrustConstr,
                solver.cons,
                &mo,
                None,
            )?
        } else {
            let f = &mut *solver.func;
            polish_lbfgsb(&mut |x: &[f64]| f.one(x), &res.x, &limits, &mo)?
        };
        solver.nfev += r.nfev;
        res.nfev = solver.nfev;
        let inside = (0..n).all(|j| r.x[j] <= limits.ub[j] && limits.lb[j] <= r.x[j]);
        if r.fun < res.fun && r.success && inside {
            res.fun = r.fun;
            solver.energies[0] = r.fun;
            res.x = r.x;
            res.jac = r.jac;
        }
    }
    if has_cons {
        let (constr, maxcv) = constraint_report(solver.cons, &res.x, m);
        res.constr = constr;
        res.constr_violation = maxcv;
        res.maxcv = maxcv;
        if maxcv > 0.0 {
            res.success = false;
            res.message = format!(
                "The solution does not satisfy the constraints, MAXCV = {}",
                py_repr(maxcv)
            );
        }
    }
    res.population_energies = solver.energies;
    Ok(res)
}

/// Per-constraint violations at `x` and their maximum (`np.max`, NaN
/// propagating).
fn constraint_report(cons: &mut [Constraint<'_>], x: &[f64], m: usize) -> (Vec<Vec<f64>>, f64) {
    let mut all = vec![0.0; m];
    violations(cons, x, &mut all);
    let mut out = Vec::with_capacity(cons.len());
    let mut off = 0;
    for c in cons.iter() {
        out.push(all[off..off + c.len()].to_vec());
        off += c.len();
    }
    let max = all.iter().fold(f64::NEG_INFINITY, |a, &v| {
        if a.is_nan() || v.is_nan() {
            f64::NAN
        } else {
            a.max(v)
        }
    });
    (out, max)
}

/// SciPy's `minimize(f, x, method='L-BFGS-B', bounds=bounds)`, including
/// its handling of variables fixed by `lb == ub`: they are removed from the
/// problem (their `jac` entries are NaN), and when all are fixed the result
/// is `f(lb)` with one evaluation.
pub(crate) fn polish_lbfgsb<F: FnMut(&[f64]) -> f64>(
    f: &mut F,
    x: &[f64],
    bounds: &Bounds,
    opts: &MinimizeOptions,
) -> Result<super::OptimizeResult> {
    let o = MinimizeOptions {
        bounds: Some(bounds.clone()),
        ..opts.clone()
    };
    minimize(|x: &[f64]| f(x), x, Method::LBfgsB, &o)
}

/// `np.nextafter(x, inf)` (`f64::next_up`, newer than the MSRV).
fn next_up(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == 0.0 {
        return f64::from_bits(1);
    }
    let b = x.to_bits();
    f64::from_bits(if x > 0.0 { b + 1 } else { b - 1 })
}

fn mutation_error() -> Error {
    Error::invalid(
        "The mutation constant must be a float in U[0, 2), or specified as a tuple(min, max) where min < max and min, max are in U[0, 2).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn np_sum_matches_blocks() {
        let a: Vec<f64> = (0..300).map(|i| 0.1 * i as f64).collect();
        let s = np_sum(&a);
        assert!((s - 4485.0).abs() < 1e-9);
        assert_eq!(np_sum(&[]), -0.0);
    }

    #[test]
    fn parallel_and_vectorized_reject_bad_input() {
        let o = DifferentialEvolutionOptions {
            seed: Some(1),
            ..Default::default()
        };
        let sphere = |x: &[f64]| x.iter().map(|v| v * v).sum::<f64>();
        let vsphere = |x: numox::ArrayView<'_, f64>, out: &mut [f64]| out.fill(x.sum());
        // lower bound above the upper one
        assert!(differential_evolution_parallel(sphere, [(1.0, -1.0)], &o, None).is_err());
        assert!(differential_evolution_vectorized(vsphere, [(1.0, -1.0)], &o, None).is_err());
        // x0 of the wrong length, and a NaN mutation constant
        let bad_x0 = DifferentialEvolutionOptions {
            x0: Some(vec![0.0; 3]),
            ..o.clone()
        };
        assert!(differential_evolution_parallel(sphere, [(-1.0, 1.0); 2], &bad_x0, None).is_err());
        let bad_mutation = DifferentialEvolutionOptions {
            mutation: Mutation::Constant(f64::NAN),
            ..o.clone()
        };
        assert!(differential_evolution_vectorized(vsphere, [(-1.0, 1.0); 2], &bad_mutation, None).is_err());
    }

    #[test]
    fn next_up_steps() {
        assert_eq!(next_up(1.0), 1.0 + f64::EPSILON);
        assert_eq!(next_up(-1.0), -1.0 + f64::EPSILON / 2.0);
        assert_eq!(next_up(0.0), f64::from_bits(1));
        assert_eq!(-next_up(-2.5), 2.5 - 2.0 * f64::EPSILON);
    }

    #[test]
    fn py_repr_like_python() {
        assert_eq!(py_repr(8.000143597354166), "8.000143597354166");
        assert_eq!(py_repr(2.0), "2.0");
        assert_eq!(py_repr(1e-5), "1e-05");
        assert_eq!(py_repr(1.5e-7), "1.5e-07");
        assert_eq!(py_repr(1e16), "1e+16");
        assert_eq!(py_repr(0.0001), "0.0001");
    }

    #[test]
    fn lampinen_rules() {
        // both feasible: energies
        assert!(accept_trial(1.0, true, &[0.0], 2.0, true, &[0.0]));
        assert!(!accept_trial(3.0, true, &[0.0], 2.0, true, &[0.0]));
        // feasible beats infeasible, never the other way
        assert!(accept_trial(9.0, true, &[0.0], f64::INFINITY, false, &[1.0]));
        assert!(!accept_trial(f64::INFINITY, false, &[1.0], 9.0, true, &[0.0]));
        // both infeasible: no worse in every component
        assert!(accept_trial(
            f64::INFINITY,
            false,
            &[0.5, 1.0],
            f64::INFINITY,
            false,
            &[0.5, 2.0]
        ));
        assert!(!accept_trial(
            f64::INFINITY,
            false,
            &[0.1, 3.0],
            f64::INFINITY,
            false,
            &[0.5, 2.0]
        ));
    }

    #[test]
    fn dict_constraints_rejected() {
        use crate::optimize::ConstraintType;
        let o = DifferentialEvolutionOptions {
            seed: Some(1),
            ..Default::default()
        };
        let mut cons = [Constraint::dict(
            ConstraintType::Ineq,
            1,
            |x: &[f64], c: &mut [f64]| c[0] = x[0],
        )];
        let r = differential_evolution_constrained(|x: &[f64]| x[0], [(0.0, 1.0)], &mut cons, &o, None);
        assert!(r.is_err());
    }

    #[test]
    fn argmin_nan_first() {
        assert_eq!(np_argmin(&[3.0, 1.0, f64::NAN, 0.0]), 2);
        assert_eq!(np_argmin(&[3.0, 1.0, 1.0]), 1);
    }

    #[test]
    fn bad_input() {
        let o = DifferentialEvolutionOptions::default();
        let f = |x: &[f64]| x[0];
        assert!(differential_evolution(f, [(1.0, 0.0)], &o, None).is_err());
        assert!(differential_evolution(f, [(0.0, f64::INFINITY)], &o, None).is_err());
        let m = DifferentialEvolutionOptions {
            mutation: Mutation::Constant(2.0),
            ..Default::default()
        };
        assert!(differential_evolution(f, [(0.0, 1.0)], &m, None).is_err());
        let x = DifferentialEvolutionOptions {
            x0: Some(vec![2.0]),
            ..Default::default()
        };
        assert!(differential_evolution(f, [(0.0, 1.0)], &x, None).is_err());
        let p = DifferentialEvolutionOptions {
            init: DeInit::Population(vec![0.5; 4]),
            ..Default::default()
        };
        assert!(differential_evolution(f, [(0.0, 1.0)], &p, None).is_err());
    }

    #[test]
    fn callback_stops() {
        let o = DifferentialEvolutionOptions {
            seed: Some(3),
            polish: false,
            ..Default::default()
        };
        let mut calls = 0;
        let mut cb = |_x: &[f64], _c: f64| {
            calls += 1;
            true
        };
        let r = differential_evolution(
            |x: &[f64]| x[0] * x[0] + x[1] * x[1],
            [(-5.0, 5.0); 2],
            &o,
            Some(&mut cb),
        )
        .unwrap();
        assert_eq!(r.nit, 1);
        assert!(!r.success);
        assert_eq!(r.message, "callback function requested stop early");
        assert_eq!(calls, 1);
    }
}
