//! `scipy.optimize.differential_evolution`: Storn and Price's differential
//! evolution, following SciPy 1.17's `DifferentialEvolutionSolver` draw for
//! draw.
//!
//! With the same integer seed (SciPy's `rng=seed`, i.e.
//! `np.random.default_rng(seed)`) the run makes the same random draws in
//! the same order as SciPy's, so `x`, `fun`, `nfev`, `nit` and the final
//! population are SciPy's.
//!
//! Not supported: `constraints` (SciPy polishes with trust-constr then),
//! `workers`, `vectorized`, a callable `strategy`, and the
//! `'sobol'`/`'halton'` initialisations.

use super::minimize::{Bounds, Callback, Method, MinimizeOptions, minimize};
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
    /// Polish the best member with L-BFGS-B at the end (true).
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
    /// when polishing improved it, as SciPy's).
    pub population_energies: Vec<f64>,
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

struct Solver<'f, F> {
    func: &'f mut F,
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

impl<F: FnMut(&[f64]) -> f64> Solver<'_, F> {
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
        let e = (self.func)(&params);
        self.params = params;
        self.nfev += 1;
        e
    }

    fn promote_lowest(&mut self) {
        let l = np_argmin(&self.energies);
        self.energies.swap(0, l);
        if l != 0 {
            let n = self.n;
            let (a, b) = self.pop.split_at_mut(l * n);
            a[..n].swap_with_slice(&mut b[..n]);
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
        if let Some((lo, hi)) = self.dither {
            self.scale = lo + (hi - lo) * self.rng.next_f64();
        }
        let (n, s) = (self.n, self.s);
        let mut bprime = vec![0.0; n];
        let mut cross = vec![false; n];
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
                    let e = self.energy(&trial);
                    if e <= self.energies[c] {
                        self.pop[c * n..(c + 1) * n].copy_from_slice(&trial);
                        self.energies[c] = e;
                        if e <= self.energies[0] {
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
                for c in 0..s {
                    let e = self.energy(&trials[c * n..(c + 1) * n]);
                    if e <= self.energies[c] {
                        self.pop[c * n..(c + 1) * n].copy_from_slice(&trials[c * n..(c + 1) * n]);
                        self.energies[c] = e;
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
    mut func: F,
    bounds: B,
    opts: &DifferentialEvolutionOptions,
    mut callback: Callback<'_>,
) -> Result<DifferentialEvolutionResult>
where
    F: FnMut(&[f64]) -> f64,
    B: Into<Bounds>,
{
    let bounds: Bounds = bounds.into();
    check_bounds(&bounds, "differential_evolution")?;
    let n = bounds.lb.len();
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
        func: &mut func,
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
    for i in 0..s {
        let row = solver.pop[i * n..(i + 1) * n].to_vec();
        solver.energies[i] = solver.energy(&row);
    }
    solver.promote_lowest();

    let mut nit = 0;
    let mut warning = false;
    let mut message = "Optimization terminated successfully.".to_string();
    let mut finished = false;
    for it in 1..=opts.maxiter {
        nit = it;
        solver.next_generation(opts.updating)?;
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
    };
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
        let r = polish_lbfgsb(&mut *solver.func, &res.x, &limits, &mo)?;
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
    res.population_energies = solver.energies;
    Ok(res)
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
    fn next_up_steps() {
        assert_eq!(next_up(1.0), 1.0 + f64::EPSILON);
        assert_eq!(next_up(-1.0), -1.0 + f64::EPSILON / 2.0);
        assert_eq!(next_up(0.0), f64::from_bits(1));
        assert_eq!(-next_up(-2.5), 2.5 - 2.0 * f64::EPSILON);
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
