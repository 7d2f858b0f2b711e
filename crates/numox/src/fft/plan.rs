//! Plans: the algorithm that transforms one length in one direction, built
//! once per (float type, length, direction) and shared by every later call
//! from any thread.
//!
//! Small and medium lengths go to `rustfft`/`realfft`, whose planners cache
//! their plans; we keep each planner behind a mutex that is held only while a
//! plan is looked up or built. Long lengths (see [`BIG_MIN`]) get a
//! [`BigC2c`] plan whose passes run on rayon threads.

use super::big::BigC2c;
use crate::element::Float;
use num_complex::Complex;
use realfft::{ComplexToReal, RealFftPlanner, RealToComplex};
use rustfft::{Fft, FftNum, FftPlanner};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// Lengths from which a single 1-D transform is split into passes that run
/// on several threads (below it one transform stays on one thread, and
/// batches of transforms are spread over threads instead). Below 2^18
/// elements (4 MiB of complex doubles) rustfft's single-threaded plans,
/// which work in cache, are as fast as the split passes on two threads.
pub(crate) const BIG_MIN: usize = 1 << 18;

/// The float types numox transforms: `f32` and `f64` (sealed).
///
/// `f32` data is transformed in single precision (complex64 results), as
/// NumPy 2 does.
pub trait FftFloat: Float + sealed::Sealed {}
impl FftFloat for f32 {}
impl FftFloat for f64 {}

mod sealed {
    /// Gives each float type its own plan cache.
    pub trait Sealed: rustfft::FftNum + crate::element::Float + super::super::scratch::Pod {
        /// The process-wide plan cache of this float type.
        fn cache() -> &'static super::Cache<Self>;
    }
}

/// Multi-threaded plans by (length, inverse).
type BigPlans<T> = HashMap<(usize, bool), Arc<BigC2c<T>>>;

/// The plan cache of one float type.
pub struct Cache<T: FftNum> {
    complex: Mutex<FftPlanner<T>>,
    real: Mutex<RealFftPlanner<T>>,
    big: Mutex<BigPlans<T>>,
    twiddles: Mutex<HashMap<usize, Arc<Twiddles<T>>>>,
}

impl<T: FftNum> Cache<T> {
    fn new() -> Self {
        Cache {
            complex: Mutex::new(FftPlanner::new()),
            real: Mutex::new(RealFftPlanner::new()),
            big: Mutex::new(HashMap::new()),
            twiddles: Mutex::new(HashMap::new()),
        }
    }
}

macro_rules! impl_sealed {
    ($t:ty) => {
        impl sealed::Sealed for $t {
            fn cache() -> &'static Cache<$t> {
                static CACHE: OnceLock<Cache<$t>> = OnceLock::new();
                CACHE.get_or_init(Cache::new)
            }
        }
    };
}
impl_sealed!(f32);
impl_sealed!(f64);

/// Locks a cache mutex; a panic in another thread while it held the lock
/// cannot leave a planner's map inconsistent (entries are inserted whole),
/// so a poisoned lock is still usable.
fn lock<M>(m: &Mutex<M>) -> MutexGuard<'_, M> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The cached complex plan of length `n` (`inverse`: the `+i` sign, unscaled).
pub(crate) fn c2c<T: FftFloat>(n: usize, inverse: bool) -> Arc<dyn Fft<T>> {
    let mut p = lock(&T::cache().complex);
    if inverse {
        p.plan_fft_inverse(n)
    } else {
        p.plan_fft_forward(n)
    }
}

/// The cached real-to-complex plan of length `n`.
pub(crate) fn r2c<T: FftFloat>(n: usize) -> Arc<dyn RealToComplex<T>> {
    lock(&T::cache().real).plan_fft_forward(n)
}

/// The cached complex-to-real plan producing `n` reals.
pub(crate) fn c2r<T: FftFloat>(n: usize) -> Arc<dyn ComplexToReal<T>> {
    lock(&T::cache().real).plan_fft_inverse(n)
}

/// The cached multi-threaded plan of length `n`, or `None` when `n` is
/// below [`BIG_MIN`].
pub(crate) fn big<T: FftFloat>(n: usize, inverse: bool) -> Option<Arc<BigC2c<T>>> {
    if n < BIG_MIN {
        return None;
    }
    let cache = T::cache();
    if let Some(p) = lock(&cache.big).get(&(n, inverse)) {
        return Some(p.clone());
    }
    // Built without holding the lock (building plans the sub-lengths through
    // `c2c`); two threads racing for the same length build it twice and keep
    // the first, which is harmless.
    let plan = Arc::new(BigC2c::new(n, inverse));
    Some(lock(&cache.big).entry((n, inverse)).or_insert(plan).clone())
}

/// The cached table of `exp(-2 pi i k / n)` for length `n`.
pub(crate) fn twiddles<T: FftFloat>(n: usize) -> Arc<Twiddles<T>> {
    let cache = T::cache();
    if let Some(t) = lock(&cache.twiddles).get(&n) {
        return t.clone();
    }
    let t = Arc::new(Twiddles::new(n));
    lock(&cache.twiddles).entry(n).or_insert(t).clone()
}

/// `exp(-2 pi i m / n)` in `f64`, accurate to about an ulp for any `m` and
/// `n` (the angle is reduced to `[0, pi/4]` with exact integer arithmetic
/// before `sin`/`cos` see it).
pub(crate) fn root(m: u128, n: u128) -> (f64, f64) {
    let m = m % n;
    // angle = 2 pi m / n = quadrant * pi/2 + (pi/2) * r / n, 0 <= r < n
    let q = (4 * m) / n;
    let r = 4 * m - q * n;
    // cos/sin of the angle within the quadrant, taken from the nearer end
    let (c, s) = if 2 * r <= n {
        let t = std::f64::consts::FRAC_PI_2 * (r as f64 / n as f64);
        (t.cos(), t.sin())
    } else {
        let t = std::f64::consts::FRAC_PI_2 * ((n - r) as f64 / n as f64);
        (t.sin(), t.cos())
    };
    let (cos, sin) = match q {
        0 => (c, s),
        1 => (-s, c),
        2 => (-c, -s),
        _ => (s, -c),
    };
    (cos, -sin)
}

/// `exp(-2 pi i m / n)` for every `m < n` from two short tables (about
/// `2 sqrt(n)` entries): `hi[m >> shift] * lo[m & mask]`, one complex
/// product, so the error stays within a few ulps at any length.
pub(crate) struct Twiddles<T> {
    shift: u32,
    mask: usize,
    lo: Vec<Complex<T>>,
    hi: Vec<Complex<T>>,
}

impl<T: FftFloat> Twiddles<T> {
    pub(crate) fn new(n: usize) -> Self {
        let bits = usize::BITS - n.max(1).leading_zeros();
        let shift = bits.div_ceil(2);
        let lo_len = 1usize << shift;
        let hi_len = n.div_ceil(lo_len).max(1);
        let c = |m: usize| {
            let (re, im) = root(m as u128, n.max(1) as u128);
            Complex::new(
                T::from(re).unwrap_or_else(T::zero),
                T::from(im).unwrap_or_else(T::zero),
            )
        };
        Twiddles {
            shift,
            mask: lo_len - 1,
            lo: (0..lo_len).map(c).collect(),
            hi: (0..hi_len).map(|q| c(q << shift)).collect(),
        }
    }

    /// `exp(-2 pi i m / n)` for `m < n`.
    #[inline(always)]
    pub(crate) fn at(&self, m: usize) -> Complex<T> {
        self.hi[m >> self.shift] * self.lo[m & self.mask]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_accurate() {
        for n in [1u128, 2, 3, 7, 8, 360, 1000, 1_000_003, 1 << 40] {
            for m in [0u128, 1, 2, n / 8, n / 4, n / 3, n / 2, n - 1, 3 * n / 4 + 1] {
                let (c, s) = root(m, n);
                let a = -2.0 * std::f64::consts::PI * (m % n) as f64 / n as f64;
                // the naive formula loses accuracy with the size of `a`; 1e-15 covers it
                assert!(
                    (c - a.cos()).abs() < 1e-15 && (s - a.sin()).abs() < 1e-15,
                    "m={m} n={n}"
                );
                assert!((c * c + s * s - 1.0).abs() < 4e-16);
            }
        }
        // exact values at the quadrant points
        assert_eq!(root(1, 4), (0.0, -1.0));
        assert_eq!(root(2, 4), (-1.0, -0.0));
        assert_eq!(root(0, 5), (1.0, -0.0));
    }

    #[test]
    fn twiddle_tables_match_roots() {
        for n in [1usize, 2, 5, 64, 1000, 4099] {
            let t = Twiddles::<f64>::new(n);
            for m in 0..n {
                let (c, s) = root(m as u128, n as u128);
                let w = t.at(m);
                assert!(
                    (w.re - c).abs() < 1e-15 && (w.im - s).abs() < 1e-15,
                    "m={m} n={n}"
                );
            }
        }
    }

    #[test]
    fn plans_are_cached() {
        let a = c2c::<f64>(360, false);
        let b = c2c::<f64>(360, false);
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(r2c::<f32>(10).len(), 10);
        assert_eq!(c2r::<f32>(11).len(), 11);
        assert!(big::<f64>(100, false).is_none());
        let t1 = twiddles::<f32>(96);
        assert!(Arc::ptr_eq(&t1, &twiddles::<f32>(96)));
    }
}
