//! `scipy.integrate.dblquad`, `tplquad` and `nquad`: iterated adaptive
//! quadrature, one [`quad`](super::quad) per level (QUADPACK at every
//! level, with a reusable workspace per level).

use super::quad::{QuadOptions, quad_with};
use super::quadpack::Workspace;
use crate::{Error, Result};

/// A range function of [`NquadRange::Func`]: outer variables to `(low, high)`.
pub type RangeFn<'a> = Box<dyn FnMut(&[f64]) -> (f64, f64) + 'a>;

/// The limits of one variable of [`nquad`]: constants, or a function of
/// the outer variables (SciPy's callable `ranges[i]`).
pub enum NquadRange<'a> {
    /// Fixed limits `(low, high)`.
    Const(f64, f64),
    /// `f(outer)` returns `(low, high)`, where `outer` holds the values of
    /// the variables integrated further out (`x[i+1], ..., x[n-1]`).
    Func(RangeFn<'a>),
}

impl NquadRange<'_> {
    fn eval(&mut self, outer: &[f64]) -> (f64, f64) {
        match self {
            NquadRange::Const(a, b) => (*a, *b),
            NquadRange::Func(f) => f(outer),
        }
    }
}

/// An options function of [`NquadOpts::Func`]: outer variables to options.
pub type OptsFn<'a> = Box<dyn FnMut(&[f64]) -> QuadOptions + 'a>;

/// The [`QuadOptions`] of one level of [`nquad_with`]: fixed, or a
/// function of the outer variables (SciPy's callable `opts[i]`).
pub enum NquadOpts<'a> {
    /// The same options for every integral at this level.
    Const(QuadOptions),
    /// `f(outer)` returns the options, where `outer` holds the values of
    /// the variables integrated further out (`x[i+1], ..., x[n-1]`).
    Func(OptsFn<'a>),
}

impl NquadOpts<'_> {
    fn eval(&mut self, outer: &[f64]) -> QuadOptions {
        match self {
            NquadOpts::Const(o) => o.clone(),
            NquadOpts::Func(f) => f(outer),
        }
    }
}

/// The result of [`nquad`], [`dblquad`] and [`tplquad`].
#[derive(Clone, Debug, PartialEq)]
pub struct NquadResult {
    /// The integral.
    pub value: f64,
    /// The largest error estimate of all the one-dimensional integrals
    /// (SciPy's `abserr`).
    pub abserr: f64,
    /// Integrand evaluations (SciPy's `full_output` `neval`).
    pub neval: usize,
    /// The largest QUADPACK `ier` met at any level (0 when every
    /// one-dimensional integral succeeded; SciPy warns otherwise).
    pub ier: i32,
}

struct State<'f, 'r, 'o> {
    func: &'f mut dyn FnMut(&[f64]) -> f64,
    ranges: &'r mut [NquadRange<'o>],
    opts: &'r mut [NquadOpts<'o>],
    x: Vec<f64>,
    ws: Vec<Workspace>,
    abserr: f64,
    neval: usize,
    ier: i32,
    err: Option<Error>,
}

/// Integrates over variable `idx` (and, recursively, all inner ones) with
/// the outer variables fixed in `st.x[idx + 1..]`.
fn integrate(st: &mut State<'_, '_, '_>, idx: usize) -> f64 {
    if st.err.is_some() {
        return f64::NAN;
    }
    let (low, high) = st.ranges[idx].eval(&st.x[idx + 1..]);
    let outer = &st.x[idx + 1..];
    let mut opt = st.opts[idx].eval(outer);
    if matches!(st.opts[idx], NquadOpts::Func(_)) {
        if let Err(e) = super::quad::check_sizes(&opt) {
            st.err.get_or_insert(e);
            return f64::NAN;
        }
    }
    if let Some(p) = &opt.points {
        opt.points = Some(p.iter().copied().filter(|&x| low <= x && x <= high).collect());
    }
    let mut ws = std::mem::take(&mut st.ws[idx]);
    let r = {
        let mut f = |xv: f64| {
            st.x[idx] = xv;
            if idx == 0 {
                (st.func)(&st.x)
            } else {
                integrate(st, idx - 1)
            }
        };
        quad_with(&mut f, low, high, &opt, &mut ws, false)
    };
    st.ws[idx] = ws;
    match r {
        Ok(r) => {
            st.abserr = st.abserr.max(r.abserr);
            if idx == 0 {
                st.neval += r.neval;
            }
            st.ier = st.ier.max(r.ier);
            r.value
        }
        Err(e) => {
            st.err.get_or_insert(e);
            f64::NAN
        }
    }
}

/// Integrates `func(x)` over `n` variables (SciPy's `nquad`):
/// `ranges[0]` is the innermost variable `x[0]`, `ranges[n-1]` the
/// outermost; a range function receives the outer variables
/// `x[i+1..]`. `opts` gives the [`QuadOptions`] of each level (one entry:
/// the same for all levels; SciPy's callable options are not supported).
///
/// ```
/// use sciox::integrate::{nquad, NquadRange, QuadOptions};
/// // the volume of the unit ball: 4 pi / 3
/// let ranges = vec![
///     NquadRange::Func(Box::new(|o: &[f64]| { let r = (1.0 - o[0] * o[0] - o[1] * o[1]).max(0.0).sqrt(); (-r, r) })),
///     NquadRange::Func(Box::new(|o: &[f64]| { let r = (1.0 - o[0] * o[0]).sqrt(); (-r, r) })),
///     NquadRange::Const(-1.0, 1.0),
/// ];
/// let r = nquad(|_x| 1.0, ranges, &[QuadOptions::default()]).unwrap();
/// assert!((r.value - 4.0 * std::f64::consts::PI / 3.0).abs() < 1e-8);
/// ```
pub fn nquad<'o, F: FnMut(&[f64]) -> f64>(
    func: F,
    ranges: Vec<NquadRange<'o>>,
    opts: &[QuadOptions],
) -> Result<NquadResult> {
    let n = ranges.len();
    let opts: Vec<NquadOpts<'o>> = match opts.len() {
        0 => (0..n).map(|_| NquadOpts::Const(QuadOptions::default())).collect(),
        1 => (0..n).map(|_| NquadOpts::Const(opts[0].clone())).collect(),
        _ => opts.iter().cloned().map(NquadOpts::Const).collect(),
    };
    nquad_with(func, ranges, opts)
}

/// [`nquad`] with per-level options that may depend on the outer
/// variables (SciPy's `opts` as a list of callables or dicts): `opts` has
/// one entry per variable (`opts[0]` for the innermost), or a single
/// `Const` entry used at every level.
///
/// ```
/// use sciox::integrate::{nquad_with, NquadOpts, NquadRange, QuadOptions};
/// // integral of |x0 - x1| over the unit square (1/3), with the kink of the
/// // inner integrand as a break point that depends on the outer variable
/// let ranges = vec![NquadRange::Const(0.0, 1.0), NquadRange::Const(0.0, 1.0)];
/// let opts = vec![
///     NquadOpts::Func(Box::new(|o: &[f64]| QuadOptions { points: Some(vec![o[0]]), ..Default::default() })),
///     NquadOpts::Const(QuadOptions::default()),
/// ];
/// let r = nquad_with(|x| (x[0] - x[1]).abs(), ranges, opts).unwrap();
/// assert!((r.value - 1.0 / 3.0).abs() < 1e-14);
/// ```
pub fn nquad_with<'o, F: FnMut(&[f64]) -> f64>(
    mut func: F,
    mut ranges: Vec<NquadRange<'o>>,
    opts: Vec<NquadOpts<'o>>,
) -> Result<NquadResult> {
    let n = ranges.len();
    if n == 0 {
        return Err(Error::invalid("nquad: at least one range is needed."));
    }
    let mut opts = match opts.len() {
        k if k == n => opts,
        1 => {
            let mut it = opts.into_iter();
            let first = it.next().expect("one entry");
            match first {
                NquadOpts::Const(o) => (0..n).map(|_| NquadOpts::Const(o.clone())).collect(),
                NquadOpts::Func(_) => {
                    // SciPy accepts one dict for every level, not one callable.
                    return Err(Error::invalid(format!(
                        "nquad: one callable option set for {n} variables (give one per variable)."
                    )));
                }
            }
        }
        k => {
            return Err(Error::invalid(format!(
                "nquad: {k} option sets for {n} variables (give 1 or {n})."
            )));
        }
    };
    for o in &opts {
        if let NquadOpts::Const(q) = o {
            super::quad::check_sizes(q)?;
        }
    }
    let mut st = State {
        func: &mut func,
        ranges: &mut ranges,
        opts: &mut opts,
        x: vec![0.0; n],
        ws: (0..n).map(|_| Workspace::default()).collect(),
        abserr: 0.0,
        neval: 0,
        ier: 0,
        err: None,
    };
    let value = integrate(&mut st, n - 1);
    if let Some(e) = st.err {
        return Err(e);
    }
    Ok(NquadResult {
        value,
        abserr: st.abserr,
        neval: st.neval,
        ier: st.ier,
    })
}

/// The double integral of `func(y, x)` for `x` from `a` to `b` and `y`
/// from `gfun(x)` to `hfun(x)` (SciPy's `dblquad`, same argument order).
///
/// ```
/// use sciox::integrate::dblquad;
/// // integral of x*y over the triangle 0 <= y <= x <= 1: 1/8
/// let r = dblquad(|y, x| x * y, 0.0, 1.0, |_x| 0.0, |x| x, 1.49e-8, 1.49e-8).unwrap();
/// assert!((r.value - 0.125).abs() < 1e-14);
/// ```
#[allow(clippy::too_many_arguments)]
pub fn dblquad<F, G, H>(
    mut func: F,
    a: f64,
    b: f64,
    mut gfun: G,
    mut hfun: H,
    epsabs: f64,
    epsrel: f64,
) -> Result<NquadResult>
where
    F: FnMut(f64, f64) -> f64,
    G: FnMut(f64) -> f64,
    H: FnMut(f64) -> f64,
{
    let opts = QuadOptions {
        epsabs,
        epsrel,
        ..Default::default()
    };
    let ranges = vec![
        NquadRange::Func(Box::new(move |o: &[f64]| (gfun(o[0]), hfun(o[0])))),
        NquadRange::Const(a, b),
    ];
    nquad(|v| func(v[0], v[1]), ranges, &[opts])
}

/// The triple integral of `func(z, y, x)` for `x` in `(a, b)`, `y` in
/// `(gfun(x), hfun(x))`, `z` in `(qfun(x, y), rfun(x, y))` (SciPy's
/// `tplquad`).
///
/// ```
/// use sciox::integrate::tplquad;
/// // the volume of the unit cube corner x + y + z <= 1: 1/6
/// let r = tplquad(|_z, _y, _x| 1.0, 0.0, 1.0, |_x| 0.0, |x| 1.0 - x,
///                 |_x, _y| 0.0, |x, y| 1.0 - x - y, 1.49e-8, 1.49e-8).unwrap();
/// assert!((r.value - 1.0 / 6.0).abs() < 1e-14);
/// ```
#[allow(clippy::too_many_arguments)]
pub fn tplquad<F, G, H, Q, R>(
    mut func: F,
    a: f64,
    b: f64,
    mut gfun: G,
    mut hfun: H,
    mut qfun: Q,
    mut rfun: R,
    epsabs: f64,
    epsrel: f64,
) -> Result<NquadResult>
where
    F: FnMut(f64, f64, f64) -> f64,
    G: FnMut(f64) -> f64,
    H: FnMut(f64) -> f64,
    Q: FnMut(f64, f64) -> f64,
    R: FnMut(f64, f64) -> f64,
{
    let opts = QuadOptions {
        epsabs,
        epsrel,
        ..Default::default()
    };
    let ranges = vec![
        // outer = (y, x)
        NquadRange::Func(Box::new(move |o: &[f64]| (qfun(o[1], o[0]), rfun(o[1], o[0])))),
        NquadRange::Func(Box::new(move |o: &[f64]| (gfun(o[0]), hfun(o[0])))),
        NquadRange::Const(a, b),
    ];
    nquad(|v| func(v[0], v[1], v[2]), ranges, &[opts])
}
