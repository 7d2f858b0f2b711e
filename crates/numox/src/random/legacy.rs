//! The legacy `numpy.random.RandomState` (MT19937 with NumPy's legacy seeding
//! and legacy samplers), and the module-level functions (`numpy.random.seed`,
//! `rand`, `randn`, `randint`, ...) on a global `RandomState`.

use std::sync::{Mutex, MutexGuard, OnceLock};

use super::alloc::fill;
use super::distributions::continuous as c;
use super::distributions::discrete as disc;
use super::distributions::hypergeometric::hypergeometric_legacy;
use super::distributions::integers::random_interval;
use super::generator::{RandomInt, cdf_of, check_probabilities, int_range, search_right};
use super::params::{Cons, FloatParam, Size, cont_draw};
use super::{BitGenerator, Mt19937, Mt19937State};
use crate::array::shape::checked_size;
use crate::array::{Array, ArrayBase, DataMut};
use crate::error::{Error, Result};
use std::f64::consts::PI;

/// NumPy's `POISSON_LAM_MAX`: `iinfo(int64).max - sqrt(iinfo(int64).max) * 10`.
pub(crate) const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

/// The state `RandomState.get_state()` returns: the MT19937 key and
/// position, and the cached second Gaussian of the polar method.
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyState {
    /// The MT19937 key (624 words) and position.
    pub mt: Mt19937State,
    /// Whether a Gaussian is cached (`has_gauss`).
    pub has_gauss: bool,
    /// The cached Gaussian (`cached_gaussian`).
    pub cached_gaussian: f64,
}

/// The MT19937 stream with the legacy Gaussian cache (NumPy's `aug_bitgen_t`).
#[derive(Clone, Debug, PartialEq)]
struct Aug {
    bg: Mt19937,
    has_gauss: bool,
    gauss: f64,
}

impl Aug {
    #[inline]
    fn double(&mut self) -> f64 {
        self.bg.next_double()
    }

    /// Marsaglia's polar method; the second value is cached (`legacy_gauss`).
    fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            self.has_gauss = false;
            let t = self.gauss;
            self.gauss = 0.0;
            return t;
        }
        let (x1, x2, r2) = loop {
            let x1 = 2.0 * self.double() - 1.0;
            let x2 = 2.0 * self.double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                break (x1, x2, r2);
            }
        };
        let f = (-2.0 * r2.ln() / r2).sqrt();
        self.gauss = f * x1;
        self.has_gauss = true;
        f * x2
    }

    /// `-log(1 - U)` (`legacy_standard_exponential`).
    fn standard_exponential(&mut self) -> f64 {
        -(1.0 - self.double()).ln()
    }

    /// `legacy_standard_gamma`: NumPy's gamma algorithm on the legacy normal
    /// and exponential.
    fn standard_gamma(&mut self, shape: f64) -> f64 {
        if shape == 1.0 {
            return self.standard_exponential();
        }
        if shape == 0.0 {
            return 0.0;
        }
        if shape < 1.0 {
            loop {
                let u = self.double();
                let v = self.standard_exponential();
                if u <= 1.0 - shape {
                    let x = u.powf(1.0 / shape);
                    if x <= v {
                        return x;
                    }
                } else {
                    let y = -((1.0 - u) / shape).ln();
                    let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                    if x <= v + y {
                        return x;
                    }
                }
            }
        }
        let b = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * b).sqrt();
        loop {
            let (x, mut v) = loop {
                let x = self.gauss();
                let v = 1.0 + c * x;
                if v > 0.0 {
                    break (x, v);
                }
            };
            v = v * v * v;
            let u = self.double();
            if u < 1.0 - 0.0331 * (x * x) * (x * x) {
                return b * v;
            }
            if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
                return b * v;
            }
        }
    }

    fn chisquare(&mut self, df: f64) -> f64 {
        2.0 * self.standard_gamma(df / 2.0)
    }

    fn noncentral_chisquare(&mut self, df: f64, nonc: f64) -> f64 {
        if nonc == 0.0 {
            return self.chisquare(df);
        }
        if 1.0 < df {
            let chi2 = self.chisquare(df - 1.0);
            let n = self.gauss() + nonc.sqrt();
            return chi2 + n * n;
        }
        let i = disc::poisson(&mut self.bg, nonc / 2.0);
        let out = self.chisquare(df + 2.0 * i as f64);
        // NumPy's NaN guard sits after the draws, so the stream is unchanged.
        if nonc.is_nan() { f64::NAN } else { out }
    }

    fn wald(&mut self, mean: f64, scale: f64) -> f64 {
        let mu_2l = mean / (2.0 * scale);
        let mut y = self.gauss();
        y = mean * y * y;
        let x = mean + mu_2l * (y - (4.0 * scale * y + y * y).sqrt());
        let u = self.double();
        if u <= mean / (mean + x) {
            x
        } else {
            mean * mean / x
        }
    }

    fn vonmises(&mut self, mu: f64, kappa: f64) -> f64 {
        if kappa.is_nan() {
            return f64::NAN;
        }
        if kappa < 1e-8 {
            return PI * (2.0 * self.double() - 1.0);
        }
        let s = if kappa < 1e-5 {
            1.0 / kappa + kappa
        } else {
            let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
            let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
            (1.0 + rho * rho) / (2.0 * rho)
        };
        let w = loop {
            let u = self.double();
            let z = (PI * u).cos();
            let w = (1.0 + s * z) / (s + z);
            let y = kappa * (s - w);
            let v = self.double();
            if y * (2.0 - y) - v >= 0.0 || (y / v).ln() + 1.0 - y >= 0.0 {
                break w;
            }
        };
        let u = self.double();
        let mut result = w.acos();
        if u < 0.5 {
            result = -result;
        }
        result += mu;
        let neg = result < 0.0;
        let mut m = result.abs();
        m = (m + PI) % (2.0 * PI) - PI;
        if neg {
            m *= -1.0;
        }
        m
    }

    fn zipf(&mut self, a: f64) -> i64 {
        let am1 = a - 1.0;
        let b = 2.0f64.powf(am1);
        loop {
            let u = 1.0 - self.double();
            let v = self.double();
            let x = u.powf(-1.0 / am1).floor();
            if x > i64::MAX as f64 || x < 1.0 {
                continue;
            }
            let t = (1.0 + 1.0 / x).powf(am1);
            if v * x * (t - 1.0) / (b - 1.0) <= t / b {
                return x as i64;
            }
        }
    }

    fn logseries(&mut self, p: f64) -> i64 {
        let r = (1.0 - p).ln();
        loop {
            let v = self.double();
            if v >= p {
                return 1;
            }
            let u = self.double();
            let q = 1.0 - (r * u).exp();
            if v <= q * q {
                let result = (1.0 + v.ln() / q.ln()).floor() as i64;
                if result < 1 || v == 0.0 {
                    continue;
                }
                return result;
            }
            if v >= q {
                return 1;
            }
            return 2;
        }
    }

    fn geometric(&mut self, p: f64) -> i64 {
        if p >= 0.3333333333333333 {
            let mut x = 1i64;
            let (mut sum, mut prod, q) = (p, p, 1.0 - p);
            let u = self.double();
            while u > sum {
                prod *= q;
                sum += prod;
                x += 1;
            }
            x
        } else {
            ((-self.double()).ln_1p() / (1.0 - p).ln()).ceil() as i64
        }
    }

    /// `legacy_beta`: Johnk's algorithm for `a, b <= 1`, else a ratio of gammas.
    fn beta(&mut self, a: f64, b: f64) -> f64 {
        if a <= 1.0 && b <= 1.0 {
            loop {
                let u = self.double();
                let v = self.double();
                let x = u.powf(1.0 / a);
                let y = v.powf(1.0 / b);
                if x + y <= 1.0 {
                    if x + y > 0.0 {
                        return x / (x + y);
                    }
                    let mut lx = u.ln() / a;
                    let mut ly = v.ln() / b;
                    let lm = if lx > ly { lx } else { ly };
                    lx -= lm;
                    ly -= lm;
                    return (lx - (lx.exp() + ly.exp()).ln()).exp();
                }
            }
        }
        let ga = self.standard_gamma(a);
        let gb = self.standard_gamma(b);
        ga / (ga + gb)
    }
}

/// NumPy's legacy `numpy.random.RandomState`: the Mersenne Twister with the
/// legacy seeding and the legacy samplers, so that code seeded with
/// `np.random.seed(...)`/`RandomState(...)` gets the same numbers.
///
/// ```
/// use numox::random::RandomState;
/// let mut rs = RandomState::new(42);
/// // np.random.RandomState(42).random_sample(2)
/// assert_eq!(rs.random_sample(2).to_vec(), vec![0.3745401188473625, 0.9507143064099162]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState {
    aug: Aug,
}

impl RandomState {
    /// `RandomState(seed)` for an integer seed (legacy `init_genrand`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(0).randint::<i64>(0, 10, 3).unwrap().to_vec(), vec![5, 0, 3]);
    /// ```
    pub fn new(seed: u32) -> Self {
        RandomState {
            aug: Aug {
                bg: Mt19937::legacy_seed(seed),
                has_gauss: false,
                gauss: 0.0,
            },
        }
    }

    /// `RandomState([k0, k1, ...])`: array seeding (`init_by_array`). Errors on an empty key.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::from_seed_array(&[1, 2, 3]).unwrap().random_sample(()).into_scalar(), 0.6098612722867289);
    /// ```
    pub fn from_seed_array(key: &[u32]) -> Result<Self> {
        Ok(RandomState {
            aug: Aug {
                bg: Mt19937::legacy_seed_array(key)?,
                has_gauss: false,
                gauss: 0.0,
            },
        })
    }

    /// `RandomState()` with no seed: fresh entropy.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_ne!(RandomState::from_entropy().get_state(), RandomState::from_entropy().get_state());
    /// ```
    pub fn from_entropy() -> Self {
        let e = super::seed_sequence::os_entropy_u128();
        let key: Vec<u32> = (0..4).map(|i| (e >> (32 * i)) as u32).collect();
        Self::from_seed_array(&key).expect("non-empty key")
    }

    /// Reseed in place (`RandomState.seed(seed)`); clears the cached Gaussian.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(1);
    /// rs.randn(&[3]);
    /// rs.seed(42);
    /// assert_eq!(rs, RandomState::new(42));
    /// ```
    pub fn seed(&mut self, seed: u32) {
        *self = Self::new(seed);
    }

    /// The state (`get_state()`): MT19937 key and position, Gaussian cache.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let s = RandomState::new(5).get_state();
    /// assert_eq!((s.mt.pos, s.has_gauss), (624, false));
    /// ```
    pub fn get_state(&self) -> LegacyState {
        LegacyState {
            mt: self.aug.bg.state(),
            has_gauss: self.aug.has_gauss,
            cached_gaussian: self.aug.gauss,
        }
    }

    /// Restore a state (`set_state`); errors on a malformed key or position.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let mut rs = RandomState::new(5);
    /// let s = rs.get_state();
    /// let a = rs.randn(&[3]);
    /// rs.set_state(&s).unwrap();
    /// assert_eq!(rs.randn(&[3]), a);
    /// ```
    pub fn set_state(&mut self, s: &LegacyState) -> Result<()> {
        self.aug.bg.set_state(&s.mt)?;
        self.aug.has_gauss = s.has_gauss;
        self.aug.gauss = s.cached_gaussian;
        Ok(())
    }

    /// The underlying MT19937 (`RandomState._bit_generator`).
    ///
    /// ```
    /// use numox::random::{BitGenerator, RandomState};
    /// let mut rs = RandomState::new(5);
    /// assert_eq!(rs.bit_generator_mut().next_uint32(), 953453411);
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut Mt19937 {
        &mut self.aug.bg
    }

    fn cont<T, const K: usize>(
        &mut self,
        params: [(&FloatParam<'_>, &'static str, Cons); K],
        size: Size,
        f: impl FnMut(&mut Aug, [f64; K]) -> T,
    ) -> Result<Array<T>> {
        cont_draw(&mut self.aug, params, size, f)
    }

    /// Floats in `[0, 1)` (`random_sample(size)`, also `random`/`sample`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(42).random_sample([2, 2]).shape(), &[2, 2]);
    /// ```
    pub fn random_sample(&mut self, size: impl Into<Size>) -> Array<f64> {
        let a = &mut self.aug;
        fill(size.into().out_shape(), || a.double())
    }

    /// `rand(d0, d1, ...)`: floats in `[0, 1)` of the given shape (`&[]` for one value).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(42).rand(&[3]), RandomState::new(42).random_sample(3));
    /// ```
    pub fn rand(&mut self, shape: &[usize]) -> Array<f64> {
        self.random_sample(shape)
    }

    /// `randn(d0, d1, ...)`: standard normals by the polar method with the
    /// cached second value, as NumPy's legacy `randn`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// // np.random.RandomState(42).randn(2)
    /// assert_eq!(RandomState::new(42).randn(&[2]).to_vec(), vec![0.4967141530112327, -0.13826430117118466]);
    /// ```
    pub fn randn(&mut self, shape: &[usize]) -> Array<f64> {
        self.standard_normal(shape)
    }

    /// Standard normals (`standard_normal(size)`; legacy polar method).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(42).standard_normal(5).len(), 5);
    /// ```
    pub fn standard_normal(&mut self, size: impl Into<Size>) -> Array<f64> {
        let a = &mut self.aug;
        fill(size.into().out_shape(), || a.gauss())
    }

    /// Integers in `[low, high)` by NumPy's masked rejection (`randint(low, high, size, dtype)`).
    /// Errors if the bounds are outside `T` or `low >= high`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(42).randint::<i64>(0, 100, 3).unwrap().to_vec(), vec![51, 92, 14]);
    /// assert!(RandomState::new(42).randint::<i64>(3, 3, 3).is_err());
    /// ```
    pub fn randint<T: RandomInt>(
        &mut self,
        low: i128,
        high: i128,
        size: impl Into<Size>,
    ) -> Result<Array<T>> {
        let size = size.into();
        let shape = size.out_shape();
        let n = checked_size(shape)?;
        if size.shape().is_some() && n == 0 {
            return Array::from_shape_vec(shape, Vec::new());
        }
        let rng = int_range::<T>(low, high, false)?;
        let mut v: Vec<T> = super::alloc::vec_for(n, shape);
        v.resize(n, T::from_scalar(crate::element::Scalar::Bool(false)));
        T::fill_bounded(&mut self.aug.bg, low, rng, true, &mut v);
        Array::from_shape_vec(shape, v)
    }

    /// `randint(low, high, size, dtype)` with array bounds broadcast together
    /// (masked rejection, one draw per element in C order).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::RandomState;
    /// let x = RandomState::new(1).randint_array::<i64, _, _>(&array![0, 10], &array![5, 20], ()).unwrap();
    /// assert!(x[[1]] >= 10 && x[[1]] < 20);
    /// ```
    pub fn randint_array<
        T: RandomInt,
        S1: crate::array::Data<Elem = i64>,
        S2: crate::array::Data<Elem = i64>,
    >(
        &mut self,
        low: &ArrayBase<S1>,
        high: &ArrayBase<S2>,
        size: impl Into<Size>,
    ) -> Result<Array<T>> {
        let size = size.into();
        if let Some(s) = size.shape() {
            if checked_size(s)? == 0 {
                return Array::from_shape_vec(s, Vec::new());
            }
        }
        let (lows, rngs, shape) =
            super::generator_extra::broadcast_bounds::<T, _, _>(low, high, &size, false)?;
        let mut out = vec![T::from_scalar(crate::element::Scalar::Bool(false)); lows.len()];
        T::fill_bounded_each(&mut self.aug.bg, &lows, &rngs, true, &mut out);
        Array::from_shape_vec(&shape, out)
    }

    /// Integers in `[low, high]` (`random_integers`, deprecated in NumPy): `randint(low, high + 1)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let x = RandomState::new(1).random_integers(1, 6, 100).unwrap();
    /// assert!(x.iter().all(|&v| (1..=6).contains(&v)));
    /// ```
    pub fn random_integers(&mut self, low: i64, high: i64, size: impl Into<Size>) -> Result<Array<i64>> {
        self.randint::<i64>(low as i128, high as i128 + 1, size)
    }

    /// Random indices into a population of `a` (`choice(a, size, replace, p)`), legacy algorithm:
    /// without replacement and without `p` it is `permutation(a)[:size]`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let i = RandomState::new(3).choice(5, 5, false, None).unwrap();
    /// let mut s = i.to_vec();
    /// s.sort();
    /// assert_eq!(s, vec![0, 1, 2, 3, 4]);
    /// ```
    pub fn choice(
        &mut self,
        a: usize,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array<i64>> {
        let size = size.into();
        let shape = size.out_shape().to_vec();
        let n = checked_size(&shape)?;
        if a == 0 && n != 0 {
            return Err(Error::invalid(
                "a must be greater than 0 unless no samples are taken",
            ));
        }
        if let Some(p) = p {
            check_probabilities(p, a)?;
        }
        if replace {
            if let Some(p) = p {
                let cdf = cdf_of(p);
                let u = self.random_sample(shape.as_slice());
                return Ok(u.mapv(|x| search_right(&cdf, x) as i64));
            }
            return self.randint::<i64>(0, a as i128, shape.as_slice());
        }
        if n > a {
            return Err(Error::invalid(
                "Cannot take a larger sample than population when 'replace=False'",
            ));
        }
        if let Some(p) = p {
            if p.iter().filter(|&&x| x > 0.0).count() < n {
                return Err(Error::invalid("Fewer non-zero entries in p than size"));
            }
            let mut p = p.to_vec();
            let mut found: Vec<i64> = Vec::with_capacity(n);
            while found.len() < n {
                let x = self.random_sample(n - found.len());
                for &f in &found {
                    p[f as usize] = 0.0;
                }
                let cdf = cdf_of(&p);
                let mut seen = std::collections::HashSet::new();
                for &u in x.iter() {
                    let v = search_right(&cdf, u) as i64;
                    if seen.insert(v) {
                        found.push(v);
                    }
                }
            }
            return Array::from_shape_vec(&shape, found);
        }
        let perm = self.permutation(a);
        Array::from_shape_vec(&shape, perm.to_vec()[..n].to_vec())
    }

    /// `choice(a, size, replace, p)` with an array `a`: indices drawn as by
    /// [`choice`](RandomState::choice) on `len(a)` items, taken along the first axis.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::RandomState;
    /// let x = RandomState::new(0).choice_from(&array![10, 20, 30], 5, true, None).unwrap();
    /// assert!(x.iter().all(|v| [10, 20, 30].contains(v)));
    /// ```
    pub fn choice_from<A: Clone, S: crate::array::Data<Elem = A>>(
        &mut self,
        a: &ArrayBase<S>,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array<A>> {
        if a.ndim() == 0 {
            return Err(Error::invalid("a must be 1-dimensional or an integer"));
        }
        let size = size.into();
        let pop = a.shape()[0];
        if pop == 0 && checked_size(size.out_shape())? != 0 {
            return Err(Error::invalid("a cannot be empty unless no samples are taken"));
        }
        let idx = self.choice(pop.max(1), size, replace, p)?;
        super::generator_extra::take_along(a, &idx, 0)
    }

    /// Shuffle `x` in place along its first axis (`shuffle(x)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::RandomState;
    /// let mut x = array![1, 2, 3, 4];
    /// RandomState::new(0).shuffle(&mut x);
    /// let mut s = x.to_vec();
    /// s.sort();
    /// assert_eq!(s, vec![1, 2, 3, 4]);
    /// ```
    pub fn shuffle<A: Clone, S: DataMut<Elem = A>>(&mut self, x: &mut ArrayBase<S>) {
        if x.ndim() == 0 {
            return;
        }
        let n = x.shape()[0];
        let bg = &mut self.aug.bg;
        if x.ndim() == 1 {
            let mut refs: Vec<&mut A> = x.iter_mut().collect();
            for i in (1..n).rev() {
                let j = random_interval(bg, i as u64) as usize;
                if i != j {
                    let (lo, hi) = refs.split_at_mut(i);
                    std::mem::swap(&mut *lo[j], &mut *hi[0]);
                }
            }
            return;
        }
        for i in (1..n).rev() {
            let j = random_interval(bg, i as u64) as usize;
            if i == j {
                continue;
            }
            let xi = x.index_axis(0, i as isize).expect("in range").to_owned();
            let xj = x.index_axis(0, j as isize).expect("in range").to_owned();
            x.index_axis_mut(0, i as isize)
                .expect("in range")
                .assign(&xj)
                .expect("same shape");
            x.index_axis_mut(0, j as isize)
                .expect("in range")
                .assign(&xi)
                .expect("same shape");
        }
    }

    /// A random permutation of `0..n` (`permutation(n)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(0).permutation(3).len(), 3);
    /// ```
    pub fn permutation(&mut self, n: usize) -> Array<i64> {
        let mut v: Vec<i64> = super::alloc::vec_for(n, &[n]);
        v.extend(0..n as i64);
        let mut a = Array::from_vec(v);
        self.shuffle(&mut a);
        a
    }

    /// Uniform draws `low + (high - low) * U` (`uniform(low, high, size)`).
    /// The legacy method allows `high < low`; errors if the range is not finite.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let x = RandomState::new(0).uniform(1.0, 0.0, 3).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn uniform<'a>(
        &mut self,
        low: impl Into<FloatParam<'a>>,
        high: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (low, high) = (low.into(), high.into());
        let shape_of = |p: &FloatParam<'_>| match p {
            FloatParam::Scalar(_) => Vec::new(),
            FloatParam::Array(a) => a.shape().to_vec(),
        };
        let (sl, sh) = (shape_of(&low), shape_of(&high));
        let bshape = crate::array::shape::broadcast_shapes(&[&sl, &sh])?;
        let vals = |p: &FloatParam<'_>| -> Result<Vec<f64>> {
            match p {
                FloatParam::Scalar(v) => Ok(vec![*v; checked_size(&bshape)?]),
                FloatParam::Array(a) => Ok(a.broadcast(&bshape)?.iter().copied().collect()),
            }
        };
        let (lo, hi) = (vals(&low)?, vals(&high)?);
        let range: Vec<f64> = lo.iter().zip(&hi).map(|(l, h)| h - l).collect();
        if range.iter().any(|r| !r.is_finite()) {
            return Err(Error::invalid("Range exceeds valid bounds"));
        }
        if low.as_scalar().is_some() && high.as_scalar().is_some() {
            let (l, r) = (lo[0], range[0]);
            return self.cont([], size.into(), |a, []| l + r * a.double());
        }
        let lo = Array::from_shape_vec(&bshape, lo)?;
        let range = Array::from_shape_vec(&bshape, range)?;
        self.cont(
            [
                (&lo.view().into(), "low", Cons::None),
                (&range.view().into(), "range", Cons::None),
            ],
            size.into(),
            |a, [l, r]| l + r * a.double(),
        )
    }

    /// Normal draws `loc + scale * gauss` (`normal(loc, scale, size)`). Errors if `scale < 0`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(42).normal(0.0, 1.0, 2).unwrap(), RandomState::new(42).randn(&[2]));
    /// ```
    pub fn normal<'a>(
        &mut self,
        loc: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (loc, scale) = (loc.into(), scale.into());
        self.cont(
            [(&loc, "loc", Cons::None), (&scale, "scale", Cons::NonNegative)],
            size.into(),
            |a, [l, s]| l + s * a.gauss(),
        )
    }

    /// Standard exponentials `-log(1 - U)` (`standard_exponential(size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(4).standard_exponential(3).iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential(&mut self, size: impl Into<Size>) -> Array<f64> {
        let a = &mut self.aug;
        fill(size.into().out_shape(), || a.standard_exponential())
    }

    /// Exponentials with `scale` (`exponential(scale, size)`). Errors if `scale < 0`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(4).exponential(-1.0, 3).is_err());
    /// ```
    pub fn exponential<'a>(
        &mut self,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let scale = scale.into();
        self.cont([(&scale, "scale", Cons::NonNegative)], size.into(), |a, [s]| {
            s * a.standard_exponential()
        })
    }

    /// Standard gamma draws (`standard_gamma(shape, size)`). Errors if `shape < 0`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(4).standard_gamma(0.5, 3).unwrap().len(), 3);
    /// ```
    pub fn standard_gamma<'a>(
        &mut self,
        shape: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let shape = shape.into();
        self.cont([(&shape, "shape", Cons::NonNegative)], size.into(), |a, [k]| {
            a.standard_gamma(k)
        })
    }

    /// Gamma draws `scale * standard_gamma(shape)` (`gamma(shape, scale, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(4).gamma(2.0, 2.0, 3).unwrap().len(), 3);
    /// ```
    pub fn gamma<'a>(
        &mut self,
        shape: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (shape, scale) = (shape.into(), scale.into());
        self.cont(
            [
                (&shape, "shape", Cons::NonNegative),
                (&scale, "scale", Cons::NonNegative),
            ],
            size.into(),
            |a, [k, s]| s * a.standard_gamma(k),
        )
    }

    /// Beta draws (`beta(a, b, size)`). Errors unless `a > 0` and `b > 0`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// let x = RandomState::new(4).beta(0.5, 0.5, 10).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn beta<'a>(
        &mut self,
        a: impl Into<FloatParam<'a>>,
        b: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (a, b) = (a.into(), b.into());
        self.cont(
            [(&a, "a", Cons::Positive), (&b, "b", Cons::Positive)],
            size.into(),
            |st, [a, b]| st.beta(a, b),
        )
    }

    /// Poisson counts (`poisson(lam, size)`). Errors if `lam < 0`, NaN or too large.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(4).poisson(3.0, 10).unwrap().iter().all(|&k| k >= 0));
    /// ```
    pub fn poisson<'a>(
        &mut self,
        lam: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let lam = lam.into();
        self.cont(
            [(&lam, "lam", Cons::Poisson(POISSON_LAM_MAX))],
            size.into(),
            |a, [l]| disc::poisson(&mut a.bg, l),
        )
    }

    /// Binomial counts (`binomial(n, p, size)`). Errors if `n < 0` or `p` is
    /// outside `[0, 1]` or NaN.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(4).binomial(10, 0.3, 5).unwrap().iter().all(|&k| (0..=10).contains(&k)));
    /// ```
    pub fn binomial<'a>(
        &mut self,
        n: i64,
        p: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        if n < 0 {
            return Err(Error::invalid("n < 0"));
        }
        let p = p.into();
        self.cont([(&p, "p", Cons::Bounded01)], size.into(), |a, [p]| {
            disc::binomial_legacy(&mut a.bg, p, n)
        })
    }

    /// `binomial(n, p, size)` with an array `n` (and scalar or array `p`),
    /// broadcast together and with `size` as NumPy's legacy broadcasting
    /// path does: one legacy binomial draw per element in C order. `p` is
    /// checked first (`0 <= p <= 1`, not NaN), then `n >= 0`; errors consume
    /// no draws.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::RandomState;
    /// // np.random.RandomState(1).binomial([5, 50, 500], 0.5)
    /// let x = RandomState::new(1).binomial_array(&array![5, 50, 500], 0.5, ()).unwrap();
    /// assert_eq!(x.to_vec(), vec![2, 27, 243]);
    /// assert!(RandomState::new(1).binomial_array(&array![-1], 0.5, ()).is_err());
    /// ```
    pub fn binomial_array<'a, S: crate::array::Data<Elem = i64>>(
        &mut self,
        n: &ArrayBase<S>,
        p: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let p = p.into();
        let (ic, fc, shape) = super::params::broadcast_mixed(&[n.view()], &[&p], &size.into())?;
        for &pv in &fc[0] {
            Cons::Bounded01.check_scalar(pv, "p")?;
        }
        if ic[0].iter().any(|&v| v < 0) {
            return Err(Error::invalid("n < 0"));
        }
        let bg = &mut self.aug.bg;
        let v: Vec<i64> = ic[0]
            .iter()
            .zip(&fc[0])
            .map(|(&n, &p)| disc::binomial_legacy(bg, p, n))
            .collect();
        Array::from_shape_vec(&shape, v)
    }

    /// Chi-square draws (`chisquare(df, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).chisquare(2.0, 3).unwrap().len(), 3);
    /// ```
    pub fn chisquare<'a>(
        &mut self,
        df: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let df = df.into();
        self.cont([(&df, "df", Cons::Positive)], size.into(), |a, [d]| {
            a.chisquare(d)
        })
    }

    /// Noncentral chi-square draws (`noncentral_chisquare(df, nonc, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).noncentral_chisquare(2.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn noncentral_chisquare<'a>(
        &mut self,
        df: impl Into<FloatParam<'a>>,
        nonc: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (df, nonc) = (df.into(), nonc.into());
        self.cont(
            [(&df, "df", Cons::Positive), (&nonc, "nonc", Cons::NonNegative)],
            size.into(),
            |a, [d, n]| a.noncentral_chisquare(d, n),
        )
    }

    /// F draws (`f(dfnum, dfden, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).f(2.0, 3.0, 3).unwrap().len(), 3);
    /// ```
    pub fn f<'a>(
        &mut self,
        dfnum: impl Into<FloatParam<'a>>,
        dfden: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (n, d) = (dfnum.into(), dfden.into());
        self.cont(
            [(&n, "dfnum", Cons::Positive), (&d, "dfden", Cons::Positive)],
            size.into(),
            |a, [n, d]| (a.chisquare(n) * d) / (a.chisquare(d) * n),
        )
    }

    /// Noncentral F draws (`noncentral_f(dfnum, dfden, nonc, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).noncentral_f(2.0, 3.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn noncentral_f<'a>(
        &mut self,
        dfnum: impl Into<FloatParam<'a>>,
        dfden: impl Into<FloatParam<'a>>,
        nonc: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (n, d, c) = (dfnum.into(), dfden.into(), nonc.into());
        self.cont(
            [
                (&n, "dfnum", Cons::Positive),
                (&d, "dfden", Cons::Positive),
                (&c, "nonc", Cons::NonNegative),
            ],
            size.into(),
            |a, [n, d, c]| {
                let t = a.noncentral_chisquare(n, c) * d;
                t / (a.chisquare(d) * n)
            },
        )
    }

    /// Standard Cauchy draws (`standard_cauchy(size)`): a ratio of legacy normals.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).standard_cauchy(3).len(), 3);
    /// ```
    pub fn standard_cauchy(&mut self, size: impl Into<Size>) -> Array<f64> {
        let a = &mut self.aug;
        fill(size.into().out_shape(), || a.gauss() / a.gauss())
    }

    /// Student's t draws (`standard_t(df, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).standard_t(3.0, 3).unwrap().len(), 3);
    /// ```
    pub fn standard_t<'a>(
        &mut self,
        df: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let df = df.into();
        self.cont([(&df, "df", Cons::Positive)], size.into(), |a, [d]| {
            let num = a.gauss();
            let denom = a.standard_gamma(d / 2.0);
            (d / 2.0).sqrt() * num / denom.sqrt()
        })
    }

    /// Von Mises draws (`vonmises(mu, kappa, size)`, legacy: no large-kappa fallback).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).vonmises(0.0, 2.0, 3).unwrap().len(), 3);
    /// ```
    pub fn vonmises<'a>(
        &mut self,
        mu: impl Into<FloatParam<'a>>,
        kappa: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, k) = (mu.into(), kappa.into());
        self.cont(
            [(&m, "mu", Cons::None), (&k, "kappa", Cons::NonNegative)],
            size.into(),
            |a, [m, k]| a.vonmises(m, k),
        )
    }

    /// Pareto II draws (`pareto(a, size)`): `exp(E / a) - 1`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).pareto(3.0, 3).unwrap().len(), 3);
    /// ```
    pub fn pareto<'a>(&mut self, a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let p = a.into();
        self.cont([(&p, "a", Cons::Positive)], size.into(), |a, [k]| {
            (a.standard_exponential() / k).exp() - 1.0
        })
    }

    /// Weibull draws (`weibull(a, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).weibull(2.0, 3).unwrap().len(), 3);
    /// ```
    pub fn weibull<'a>(&mut self, a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let p = a.into();
        self.cont([(&p, "a", Cons::NonNegative)], size.into(), |a, [k]| {
            if k == 0.0 {
                0.0
            } else {
                a.standard_exponential().powf(1.0 / k)
            }
        })
    }

    /// Power-function draws (`power(a, size)`): `(1 - exp(-E))^(1/a)`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).power(2.0, 3).unwrap().len(), 3);
    /// ```
    pub fn power<'a>(&mut self, a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let p = a.into();
        self.cont([(&p, "a", Cons::Positive)], size.into(), |a, [k]| {
            (1.0 - (-a.standard_exponential()).exp()).powf(1.0 / k)
        })
    }

    /// Laplace draws (`laplace(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).laplace(0.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn laplace<'a>(
        &mut self,
        loc: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |a, [l, s]| c::laplace(&mut a.bg, l, s),
        )
    }

    /// Gumbel draws (`gumbel(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).gumbel(0.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn gumbel<'a>(
        &mut self,
        loc: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |a, [l, s]| c::gumbel(&mut a.bg, l, s),
        )
    }

    /// Logistic draws (`logistic(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).logistic(0.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn logistic<'a>(
        &mut self,
        loc: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |a, [l, s]| c::logistic(&mut a.bg, l, s),
        )
    }

    /// Log-normal draws (`lognormal(mean, sigma, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).lognormal(0.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn lognormal<'a>(
        &mut self,
        mean: impl Into<FloatParam<'a>>,
        sigma: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, s) = (mean.into(), sigma.into());
        self.cont(
            [(&m, "mean", Cons::None), (&s, "sigma", Cons::NonNegative)],
            size.into(),
            |a, [m, s]| (m + s * a.gauss()).exp(),
        )
    }

    /// Rayleigh draws (`rayleigh(scale, size)`): `scale * sqrt(-2 log1p(-U))`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).rayleigh(1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn rayleigh<'a>(
        &mut self,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let s = scale.into();
        self.cont([(&s, "scale", Cons::NonNegative)], size.into(), |a, [s]| {
            s * (-2.0 * (-a.double()).ln_1p()).sqrt()
        })
    }

    /// Wald draws (`wald(mean, scale, size)`, the legacy formula).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).wald(1.0, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn wald<'a>(
        &mut self,
        mean: impl Into<FloatParam<'a>>,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, s) = (mean.into(), scale.into());
        self.cont(
            [(&m, "mean", Cons::Positive), (&s, "scale", Cons::Positive)],
            size.into(),
            |a, [m, s]| a.wald(m, s),
        )
    }

    /// Triangular draws (`triangular(left, mode, right, size)`).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).triangular(0.0, 0.5, 1.0, 3).unwrap().len(), 3);
    /// ```
    pub fn triangular<'a>(
        &mut self,
        left: impl Into<FloatParam<'a>>,
        mode: impl Into<FloatParam<'a>>,
        right: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, m, r) = (left.into(), mode.into(), right.into());
        for [a, b, cc] in super::params::broadcast_rows([&l, &m, &r])? {
            if a > b {
                return Err(Error::invalid("left > mode"));
            }
            if b > cc {
                return Err(Error::invalid("mode > right"));
            }
            if a == cc {
                return Err(Error::invalid("left == right"));
            }
        }
        self.cont(
            [
                (&l, "left", Cons::None),
                (&m, "mode", Cons::None),
                (&r, "right", Cons::None),
            ],
            size.into(),
            |a, [x, y, z]| c::triangular(&mut a.bg, x, y, z),
        )
    }

    /// Negative binomial counts (`negative_binomial(n, p, size)`), legacy gamma.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).negative_binomial(3.0, 0.5, 3).unwrap().len(), 3);
    /// ```
    pub fn negative_binomial<'a>(
        &mut self,
        n: impl Into<FloatParam<'a>>,
        p: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (n, p) = (n.into(), p.into());
        self.cont(
            [(&n, "n", Cons::Positive), (&p, "p", Cons::Bounded01)],
            size.into(),
            |a, [n, p]| {
                let y = (1.0 - p) / p * a.standard_gamma(n);
                disc::poisson(&mut a.bg, y)
            },
        )
    }

    /// Geometric counts (`geometric(p, size)`), legacy inversion below `p = 1/3`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(1).geometric(0.2, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn geometric<'a>(
        &mut self,
        p: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let p = p.into();
        self.cont([(&p, "p", Cons::BoundedGt01)], size.into(), |a, [p]| {
            a.geometric(p)
        })
    }

    /// Zipf counts (`zipf(a, size)`), the legacy rejection loop.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(1).zipf(2.0, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn zipf<'a>(&mut self, a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        let p = a.into();
        self.cont([(&p, "a", Cons::Gt1)], size.into(), |a, [k]| a.zipf(k))
    }

    /// Logarithmic-series counts (`logseries(p, size)`), legacy formula.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(1).logseries(0.5, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn logseries<'a>(
        &mut self,
        p: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let p = p.into();
        self.cont([(&p, "p", Cons::BoundedLt01)], size.into(), |a, [p]| {
            a.logseries(p)
        })
    }

    /// Multinomial counts (`multinomial(n, pvals, size)`); NumPy's legacy
    /// multinomial uses the modern binomial (a zero probability draws nothing).
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).multinomial(10, &[0.5, 0.5], 3).unwrap().shape(), &[3, 2]);
    /// ```
    pub fn multinomial(&mut self, n: i64, pvals: &[f64], size: impl Into<Size>) -> Result<Array<i64>> {
        if n < 0 {
            return Err(Error::invalid("n < 0"));
        }
        let d = pvals.len();
        if pvals.iter().any(|&p| !(0.0..=1.0).contains(&p)) {
            return Err(Error::invalid("pvals < 0, pvals > 1 or pvals contains NaNs"));
        }
        if d > 0 && super::generator::kahan_sum(&pvals[..d - 1]) > 1.0 + 1e-12 {
            return Err(Error::invalid("sum(pvals[:-1]) > 1.0"));
        }
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        let count = checked_size(&shape)?;
        shape.push(d);
        checked_size(&shape)?;
        let mut out = vec![0i64; count * d];
        if d > 0 {
            for row in out.chunks_mut(d).take(count) {
                let mut remaining_p = 1.0;
                let mut dn = n;
                for j in 0..d - 1 {
                    row[j] = disc::binomial(&mut self.aug.bg, pvals[j] / remaining_p, dn);
                    dn -= row[j];
                    if dn <= 0 {
                        break;
                    }
                    remaining_p -= pvals[j];
                }
                if dn > 0 {
                    row[d - 1] = dn;
                }
            }
        }
        Array::from_shape_vec(&shape, out)
    }

    /// Multivariate normal draws (`multivariate_normal(mean, cov, size,
    /// check_valid, tol)`; NumPy's defaults are `"warn"`, `1e-8`): output
    /// shape `size + (len(mean),)`.
    ///
    /// As NumPy's legacy sampler: the legacy standard normals `z` (polar
    /// method, cached second value), `(u, s, v) = svd(cov)`, then
    /// `x = z @ (sqrt(s)[:, None] * v) + mean`. The SVD takes the steps
    /// LAPACK's `dgesdd` takes (implicit QR on the bidiagonal for
    /// `n <= 25`, divide and conquer above), so the signs of the rows of
    /// `v`, which decide the values, are LAPACK's (see
    /// [`Generator::multivariate_normal_with`](crate::random::Generator::multivariate_normal_with)
    /// for the one limit: singular `cov` of rank above 25 with a null space
    /// of dimension 2 or more). With `check_valid` other than `"ignore"`,
    /// `cov` is "not positive-semidefinite" unless `np.allclose((v.T * s) @ v,
    /// cov, rtol=tol, atol=tol)`: `"raise"` errors, `"warn"` draws anyway
    /// with NumPy's RuntimeWarning (see [`crate::warnings`]).
    ///
    /// The values agree with NumPy's to rounding, not bit for bit (NumPy's
    /// SVD and product run through OpenBLAS). Errors (before any draw, where
    /// NumPy draws the normals first) if `cov` is not square or its order
    /// differs from `len(mean)`, `mean` is empty, `check_valid` is unknown,
    /// the check fails with `"raise"`, or `cov` holds a NaN (NumPy's
    /// `LinAlgError` "SVD did not converge").
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::RandomState;
    /// let cov = array![[2.0, 0.5], [0.5, 1.0]];
    /// // np.random.RandomState(1).multivariate_normal([0, 10], cov, 4)
    /// let x = RandomState::new(1).multivariate_normal(&[0.0, 10.0], &cov, 4, "warn", 1e-8).unwrap();
    /// assert_eq!(x.shape(), &[4, 2]);
    /// assert!((x[[0, 0]] - -2.0210279473806247).abs() < 1e-12);
    /// let bad = array![[1.0, 2.0], [2.0, 1.0]];
    /// assert!(RandomState::new(1).multivariate_normal(&[0.0, 0.0], &bad, 4, "raise", 1e-8).is_err());
    /// ```
    pub fn multivariate_normal<S: crate::array::Data<Elem = f64>>(
        &mut self,
        mean: &[f64],
        cov: &ArrayBase<S>,
        size: impl Into<Size>,
        check_valid: &str,
        tol: f64,
    ) -> Result<Array<f64>> {
        let n = mean.len();
        if cov.ndim() != 2 || cov.shape()[0] != cov.shape()[1] {
            return Err(Error::invalid("cov must be 2 dimensional and square"));
        }
        if cov.shape()[0] != n {
            return Err(Error::invalid("mean and cov must have same length"));
        }
        if n == 0 {
            return Err(Error::invalid("cannot reshape array of size 0 into shape (0)"));
        }
        if !matches!(check_valid, "warn" | "raise" | "ignore") {
            return Err(Error::invalid(
                "check_valid must equal 'warn', 'raise', or 'ignore'",
            ));
        }
        let c = cov.to_vec();
        let (s, _, vt) = super::generator_dists::mvn_svd(&c, n)?;
        if check_valid != "ignore" && !super::generator_dists::svd_psd(&c, &s, &vt, n, tol) {
            super::generator_dists::not_psd(check_valid)?;
        }
        // x[k] = mean[k] + sum_j z[j] sqrt(s[j]) v[j][k]
        let f: Vec<f64> = (0..n * n)
            .map(|t| {
                let (k, j) = (t / n, t % n);
                vt[j + k * n] * s[j].sqrt()
            })
            .collect();
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        shape.push(n);
        let z = self.standard_normal(shape.as_slice());
        // `acc + m` and `m + acc` round alike: one helper serves both APIs.
        Array::from_shape_vec(&shape, super::generator_dists::mvn_transform(&z, &f, mean))
    }

    /// Dirichlet draws (`dirichlet(alpha, size)`): normalised legacy gammas.
    /// Errors if an alpha is `<= 0`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).dirichlet(&[1.0, 2.0], 3).unwrap().shape(), &[3, 2]);
    /// ```
    pub fn dirichlet(&mut self, alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
        if alpha.iter().any(|&a| a <= 0.0) {
            return Err(Error::invalid("alpha <= 0"));
        }
        let k = alpha.len();
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        let count = checked_size(&shape)?;
        shape.push(k);
        checked_size(&shape)?;
        let mut out = vec![0.0f64; count * k];
        if k > 0 {
            for row in out.chunks_mut(k).take(count) {
                let mut acc = 0.0;
                for j in 0..k {
                    row[j] = self.aug.standard_gamma(alpha[j]);
                    acc += row[j];
                }
                let inv = 1.0 / acc;
                for v in row.iter_mut() {
                    *v *= inv;
                }
            }
        }
        Array::from_shape_vec(&shape, out)
    }

    /// Hypergeometric counts (`hypergeometric(ngood, nbad, nsample, size)`),
    /// the legacy HYP/HRUA algorithms. Errors if a count is negative,
    /// `nsample < 1` or `nsample > ngood + nbad`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(1).hypergeometric(10, 5, 6, 4).unwrap().iter().all(|&k| (1..=6).contains(&k)));
    /// ```
    pub fn hypergeometric(
        &mut self,
        ngood: i64,
        nbad: i64,
        nsample: i64,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        if ngood < 0 {
            return Err(Error::invalid("ngood < 0"));
        }
        if nbad < 0 {
            return Err(Error::invalid("nbad < 0"));
        }
        if nsample < 1 {
            return Err(Error::invalid("nsample < 1"));
        }
        if ngood + nbad < nsample {
            return Err(Error::invalid("ngood + nbad < nsample"));
        }
        let bg = &mut self.aug.bg;
        Ok(fill(size.into().out_shape(), || {
            hypergeometric_legacy(bg, ngood, nbad, nsample)
        }))
    }

    /// Random bytes (`bytes(length)`): little-endian 32-bit words, as the legacy method.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert_eq!(RandomState::new(1).bytes(6).len(), 6);
    /// ```
    pub fn bytes(&mut self, length: usize) -> Vec<u8> {
        let n = if length == 0 { 1 } else { (length - 1) / 4 + 1 };
        let mut out = Vec::with_capacity(4 * n);
        for _ in 0..n {
            out.extend_from_slice(&self.aug.bg.next_uint32().to_le_bytes());
        }
        out.truncate(length);
        out
    }

    /// Non-negative int64 values (`tomaxint(size)`): `next_uint64 >> 1`.
    ///
    /// ```
    /// use numox::random::RandomState;
    /// assert!(RandomState::new(1).tomaxint(3).iter().all(|&v| v >= 0));
    /// ```
    pub fn tomaxint(&mut self, size: impl Into<Size>) -> Array<i64> {
        let bg = &mut self.aug.bg;
        fill(size.into().out_shape(), || (bg.next_uint64() >> 1) as i64)
    }
}

static GLOBAL: OnceLock<Mutex<RandomState>> = OnceLock::new();

/// The global legacy state behind the module-level functions (NumPy's
/// `numpy.random.mtrand._rand`), seeded from fresh entropy on first use.
///
/// ```
/// numox::random::seed(7);
/// let x = numox::random::global().random_sample(2);
/// assert_eq!(x, numox::random::RandomState::new(7).random_sample(2));
/// ```
pub fn global() -> MutexGuard<'static, RandomState> {
    GLOBAL
        .get_or_init(|| Mutex::new(RandomState::from_entropy()))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `numpy.random.seed(seed)`: reseed the global legacy state.
///
/// ```
/// numox::random::seed(42);
/// assert_eq!(numox::random::rand(&[1]).to_vec(), vec![0.3745401188473625]);
/// ```
pub fn seed(seed: u32) {
    global().seed(seed);
}

/// `numpy.random.get_state()` of the global legacy state.
///
/// ```
/// numox::random::seed(1);
/// assert_eq!(numox::random::get_state().mt.pos, 624);
/// ```
pub fn get_state() -> LegacyState {
    global().get_state()
}

/// `numpy.random.set_state(state)` of the global legacy state.
///
/// ```
/// let s = numox::random::get_state();
/// let a = numox::random::randn(&[2]);
/// numox::random::set_state(&s).unwrap();
/// assert_eq!(numox::random::randn(&[2]), a);
/// ```
pub fn set_state(state: &LegacyState) -> Result<()> {
    global().set_state(state)
}

/// `numpy.random.rand(d0, d1, ...)` on the global state.
///
/// ```
/// assert_eq!(numox::random::rand(&[2, 3]).shape(), &[2, 3]);
/// ```
pub fn rand(shape: &[usize]) -> Array<f64> {
    global().rand(shape)
}

/// `numpy.random.randn(d0, d1, ...)` on the global state.
///
/// ```
/// assert_eq!(numox::random::randn(&[4]).len(), 4);
/// ```
pub fn randn(shape: &[usize]) -> Array<f64> {
    global().randn(shape)
}

/// `numpy.random.random_sample(size)` (also `random`) on the global state.
///
/// ```
/// assert_eq!(numox::random::random_sample(3).len(), 3);
/// ```
pub fn random_sample(size: impl Into<Size>) -> Array<f64> {
    global().random_sample(size)
}

/// `numpy.random.randint(low, high, size)` (int64) on the global state.
///
/// ```
/// assert!(numox::random::randint(0, 5, 10).unwrap().iter().all(|&v| (0..5).contains(&v)));
/// ```
pub fn randint(low: i64, high: i64, size: impl Into<Size>) -> Result<Array<i64>> {
    global().randint::<i64>(low as i128, high as i128, size)
}

/// `numpy.random.standard_normal(size)` on the global state.
///
/// ```
/// assert_eq!(numox::random::standard_normal(2).len(), 2);
/// ```
pub fn standard_normal(size: impl Into<Size>) -> Array<f64> {
    global().standard_normal(size)
}

/// `numpy.random.normal(loc, scale, size)` on the global state.
///
/// ```
/// assert!(numox::random::normal(0.0, -1.0, 2).is_err());
/// ```
pub fn normal<'a>(
    loc: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().normal(loc, scale, size)
}

/// `numpy.random.uniform(low, high, size)` on the global state.
///
/// ```
/// assert_eq!(numox::random::uniform(0.0, 1.0, 2).unwrap().len(), 2);
/// ```
pub fn uniform<'a>(
    low: impl Into<FloatParam<'a>>,
    high: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().uniform(low, high, size)
}

/// `numpy.random.choice(a, size, replace, p)` on the global state.
///
/// ```
/// assert_eq!(numox::random::choice(10, 3, true, None).unwrap().len(), 3);
/// ```
pub fn choice(a: usize, size: impl Into<Size>, replace: bool, p: Option<&[f64]>) -> Result<Array<i64>> {
    global().choice(a, size, replace, p)
}

/// `numpy.random.shuffle(x)` on the global state.
///
/// ```
/// let mut x = numox::array![1, 2, 3];
/// numox::random::shuffle(&mut x);
/// assert_eq!(x.len(), 3);
/// ```
pub fn shuffle<A: Clone, S: DataMut<Elem = A>>(x: &mut ArrayBase<S>) {
    global().shuffle(x)
}

/// `numpy.random.permutation(n)` on the global state.
///
/// ```
/// assert_eq!(numox::random::permutation(4).len(), 4);
/// ```
pub fn permutation(n: usize) -> Array<i64> {
    global().permutation(n)
}

// ---- the rest of numpy.random's module-level functions, on the global state ----

/// `numpy.random.random` on the global legacy state (see [`RandomState::random_sample`]).
///
/// ```
/// assert_eq!(numox::random::random(3).len(), 3);
/// ```
pub fn random(size: impl Into<Size>) -> Array<f64> {
    global().random_sample(size)
}

/// `numpy.random.standard_exponential` on the global legacy state (see [`RandomState::standard_exponential`]).
///
/// ```
/// assert_eq!(numox::random::standard_exponential(3).len(), 3);
/// ```
pub fn standard_exponential(size: impl Into<Size>) -> Array<f64> {
    global().standard_exponential(size)
}

/// `numpy.random.standard_cauchy` on the global legacy state (see [`RandomState::standard_cauchy`]).
///
/// ```
/// assert_eq!(numox::random::standard_cauchy(3).len(), 3);
/// ```
pub fn standard_cauchy(size: impl Into<Size>) -> Array<f64> {
    global().standard_cauchy(size)
}

/// `numpy.random.tomaxint` on the global legacy state (see [`RandomState::tomaxint`]).
///
/// ```
/// assert_eq!(numox::random::tomaxint(3).len(), 3);
/// ```
pub fn tomaxint(size: impl Into<Size>) -> Array<i64> {
    global().tomaxint(size)
}

/// `numpy.random.exponential` on the global legacy state (see [`RandomState::exponential`]).
///
/// ```
/// assert_eq!(numox::random::exponential(2.0, 3).unwrap().len(), 3);
/// ```
pub fn exponential<'a>(scale: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().exponential(scale, size)
}

/// `numpy.random.standard_gamma` on the global legacy state (see [`RandomState::standard_gamma`]).
///
/// ```
/// assert_eq!(numox::random::standard_gamma(2.0, 3).unwrap().len(), 3);
/// ```
pub fn standard_gamma<'a>(shape: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().standard_gamma(shape, size)
}

/// `numpy.random.gamma` on the global legacy state (see [`RandomState::gamma`]).
///
/// ```
/// assert_eq!(numox::random::gamma(2.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn gamma<'a>(
    shape: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().gamma(shape, scale, size)
}

/// `numpy.random.beta` on the global legacy state (see [`RandomState::beta`]).
///
/// ```
/// assert_eq!(numox::random::beta(2.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn beta<'a>(
    a: impl Into<FloatParam<'a>>,
    b: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().beta(a, b, size)
}

/// `numpy.random.chisquare` on the global legacy state (see [`RandomState::chisquare`]).
///
/// ```
/// assert_eq!(numox::random::chisquare(2.0, 3).unwrap().len(), 3);
/// ```
pub fn chisquare<'a>(df: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().chisquare(df, size)
}

/// `numpy.random.noncentral_chisquare` on the global legacy state (see [`RandomState::noncentral_chisquare`]).
///
/// ```
/// assert_eq!(numox::random::noncentral_chisquare(2.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn noncentral_chisquare<'a>(
    df: impl Into<FloatParam<'a>>,
    nonc: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().noncentral_chisquare(df, nonc, size)
}

/// `numpy.random.f` on the global legacy state (see [`RandomState::f`]).
///
/// ```
/// assert_eq!(numox::random::f(2.0, 3.0, 3).unwrap().len(), 3);
/// ```
pub fn f<'a>(
    dfnum: impl Into<FloatParam<'a>>,
    dfden: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().f(dfnum, dfden, size)
}

/// `numpy.random.noncentral_f` on the global legacy state (see [`RandomState::noncentral_f`]).
///
/// ```
/// assert_eq!(numox::random::noncentral_f(2.0, 3.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn noncentral_f<'a>(
    dfnum: impl Into<FloatParam<'a>>,
    dfden: impl Into<FloatParam<'a>>,
    nonc: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().noncentral_f(dfnum, dfden, nonc, size)
}

/// `numpy.random.standard_t` on the global legacy state (see [`RandomState::standard_t`]).
///
/// ```
/// assert_eq!(numox::random::standard_t(2.0, 3).unwrap().len(), 3);
/// ```
pub fn standard_t<'a>(df: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().standard_t(df, size)
}

/// `numpy.random.vonmises` on the global legacy state (see [`RandomState::vonmises`]).
///
/// ```
/// assert_eq!(numox::random::vonmises(0.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn vonmises<'a>(
    mu: impl Into<FloatParam<'a>>,
    kappa: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().vonmises(mu, kappa, size)
}

/// `numpy.random.pareto` on the global legacy state (see [`RandomState::pareto`]).
///
/// ```
/// assert_eq!(numox::random::pareto(2.0, 3).unwrap().len(), 3);
/// ```
pub fn pareto<'a>(a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().pareto(a, size)
}

/// `numpy.random.weibull` on the global legacy state (see [`RandomState::weibull`]).
///
/// ```
/// assert_eq!(numox::random::weibull(2.0, 3).unwrap().len(), 3);
/// ```
pub fn weibull<'a>(a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().weibull(a, size)
}

/// `numpy.random.power` on the global legacy state (see [`RandomState::power`]).
///
/// ```
/// assert_eq!(numox::random::power(2.0, 3).unwrap().len(), 3);
/// ```
pub fn power<'a>(a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().power(a, size)
}

/// `numpy.random.laplace` on the global legacy state (see [`RandomState::laplace`]).
///
/// ```
/// assert_eq!(numox::random::laplace(0.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn laplace<'a>(
    loc: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().laplace(loc, scale, size)
}

/// `numpy.random.gumbel` on the global legacy state (see [`RandomState::gumbel`]).
///
/// ```
/// assert_eq!(numox::random::gumbel(0.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn gumbel<'a>(
    loc: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().gumbel(loc, scale, size)
}

/// `numpy.random.logistic` on the global legacy state (see [`RandomState::logistic`]).
///
/// ```
/// assert_eq!(numox::random::logistic(0.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn logistic<'a>(
    loc: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().logistic(loc, scale, size)
}

/// `numpy.random.lognormal` on the global legacy state (see [`RandomState::lognormal`]).
///
/// ```
/// assert_eq!(numox::random::lognormal(0.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn lognormal<'a>(
    mean: impl Into<FloatParam<'a>>,
    sigma: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().lognormal(mean, sigma, size)
}

/// `numpy.random.rayleigh` on the global legacy state (see [`RandomState::rayleigh`]).
///
/// ```
/// assert_eq!(numox::random::rayleigh(1.0, 3).unwrap().len(), 3);
/// ```
pub fn rayleigh<'a>(scale: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
    global().rayleigh(scale, size)
}

/// `numpy.random.wald` on the global legacy state (see [`RandomState::wald`]).
///
/// ```
/// assert_eq!(numox::random::wald(1.0, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn wald<'a>(
    mean: impl Into<FloatParam<'a>>,
    scale: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().wald(mean, scale, size)
}

/// `numpy.random.triangular` on the global legacy state (see [`RandomState::triangular`]).
///
/// ```
/// assert_eq!(numox::random::triangular(0.0, 0.5, 1.0, 3).unwrap().len(), 3);
/// ```
pub fn triangular<'a>(
    left: impl Into<FloatParam<'a>>,
    mode: impl Into<FloatParam<'a>>,
    right: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    global().triangular(left, mode, right, size)
}

/// `numpy.random.poisson` on the global legacy state (see [`RandomState::poisson`]).
///
/// ```
/// assert_eq!(numox::random::poisson(3.0, 3).unwrap().len(), 3);
/// ```
pub fn poisson<'a>(lam: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
    global().poisson(lam, size)
}

/// `numpy.random.binomial` on the global legacy state (see [`RandomState::binomial`]).
///
/// ```
/// assert_eq!(numox::random::binomial(10, 0.5, 3).unwrap().len(), 3);
/// ```
pub fn binomial<'a>(n: i64, p: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
    global().binomial(n, p, size)
}

/// `numpy.random.binomial` with an array `n` on the global legacy state (see [`RandomState::binomial_array`]).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::random::binomial_array(&array![3, 4], 0.5, ()).unwrap().len(), 2);
/// ```
pub fn binomial_array<'a, S: crate::array::Data<Elem = i64>>(
    n: &ArrayBase<S>,
    p: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<i64>> {
    global().binomial_array(n, p, size)
}

/// `numpy.random.negative_binomial` on the global legacy state (see [`RandomState::negative_binomial`]).
///
/// ```
/// assert_eq!(numox::random::negative_binomial(3.0, 0.5, 3).unwrap().len(), 3);
/// ```
pub fn negative_binomial<'a>(
    n: impl Into<FloatParam<'a>>,
    p: impl Into<FloatParam<'a>>,
    size: impl Into<Size>,
) -> Result<Array<i64>> {
    global().negative_binomial(n, p, size)
}

/// `numpy.random.geometric` on the global legacy state (see [`RandomState::geometric`]).
///
/// ```
/// assert_eq!(numox::random::geometric(0.5, 3).unwrap().len(), 3);
/// ```
pub fn geometric<'a>(p: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
    global().geometric(p, size)
}

/// `numpy.random.zipf` on the global legacy state (see [`RandomState::zipf`]).
///
/// ```
/// assert_eq!(numox::random::zipf(2.0, 3).unwrap().len(), 3);
/// ```
pub fn zipf<'a>(a: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
    global().zipf(a, size)
}

/// `numpy.random.logseries` on the global legacy state (see [`RandomState::logseries`]).
///
/// ```
/// assert_eq!(numox::random::logseries(0.5, 3).unwrap().len(), 3);
/// ```
pub fn logseries<'a>(p: impl Into<FloatParam<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
    global().logseries(p, size)
}

/// `numpy.random.hypergeometric` on the global legacy state (see [`RandomState::hypergeometric`]).
///
/// ```
/// assert_eq!(numox::random::hypergeometric(5, 5, 3, 3).unwrap().len(), 3);
/// ```
pub fn hypergeometric(ngood: i64, nbad: i64, nsample: i64, size: impl Into<Size>) -> Result<Array<i64>> {
    global().hypergeometric(ngood, nbad, nsample, size)
}

/// `numpy.random.multinomial` on the global legacy state (see [`RandomState::multinomial`]).
///
/// ```
/// assert_eq!(numox::random::multinomial(10, &[0.5, 0.5], 3).unwrap().shape(), &[3, 2]);
/// ```
pub fn multinomial(n: i64, pvals: &[f64], size: impl Into<Size>) -> Result<Array<i64>> {
    global().multinomial(n, pvals, size)
}

/// `numpy.random.multivariate_normal` on the global legacy state (see
/// [`RandomState::multivariate_normal`]).
///
/// ```
/// use numox::prelude::*;
/// let x = numox::random::multivariate_normal(&[0.0, 1.0], &array![[1.0, 0.0], [0.0, 4.0]], 3, "warn", 1e-8).unwrap();
/// assert_eq!(x.shape(), &[3, 2]);
/// ```
pub fn multivariate_normal<S: crate::array::Data<Elem = f64>>(
    mean: &[f64],
    cov: &ArrayBase<S>,
    size: impl Into<Size>,
    check_valid: &str,
    tol: f64,
) -> Result<Array<f64>> {
    global().multivariate_normal(mean, cov, size, check_valid, tol)
}

/// `numpy.random.dirichlet` on the global legacy state (see [`RandomState::dirichlet`]).
///
/// ```
/// assert_eq!(numox::random::dirichlet(&[1.0, 2.0], 3).unwrap().shape(), &[3, 2]);
/// ```
pub fn dirichlet(alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
    global().dirichlet(alpha, size)
}

/// `numpy.random.random_integers` on the global legacy state (see [`RandomState::random_integers`]).
///
/// ```
/// assert!(numox::random::random_integers(1, 6, 5).unwrap().iter().all(|&v| (1..=6).contains(&v)));
/// ```
pub fn random_integers(low: i64, high: i64, size: impl Into<Size>) -> Result<Array<i64>> {
    global().random_integers(low, high, size)
}
