//! `Generator`: NumPy's modern sampling API on top of any bit generator.

use super::distributions::exponential::{
    standard_exponential, standard_exponential_f32, standard_exponential_inv, standard_exponential_inv_f32,
};
use super::distributions::gamma::{standard_gamma, standard_gamma_f32};
use super::distributions::integers::random_interval;
use super::distributions::integers::{
    Buf, bounded_bool, bounded_u8, bounded_u16, bounded_u32, bounded_u64, gen_mask,
};
use super::distributions::normal::{standard_normal, standard_normal_f32};
use super::params::{Cons, FloatParam, Size, cont_draw};
use super::{BitGenerator, Pcg64, SeedSequence, bit_generator::next_float};
use crate::array::shape::checked_size;
use crate::array::{Array, ArrayBase, DataMut};
use crate::element::Element;
use crate::error::{Error, Result};

/// NumPy's `numpy.random.Generator`: distributions drawn from a bit generator
/// `B` ([`Pcg64`] by default), value for value as NumPy draws them.
///
/// Methods take `size` as `()` (one draw, a 0-d array), a length, or a shape
/// (see [`Size`]); float parameters are scalars or arrays broadcast as NumPy
/// broadcasts them (see [`FloatParam`]). Invalid parameters return an error
/// (NumPy's `ValueError`) before any draw, so the stream is untouched.
///
/// ```
/// use numox::random::default_rng;
/// let mut rng = default_rng(42);
/// let x = rng.random(3);
/// // np.random.default_rng(42).random(3)
/// assert_eq!(x.to_vec(), vec![0.7739560485559633, 0.4388784397520523, 0.8585979199113825]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generator<B = Pcg64> {
    bg: B,
    /// The seed sequence the bit generator came from, kept for [`Generator::spawn`].
    seed_seq: Option<SeedSequence>,
}

/// `np.random.default_rng(seed)`: a [`Generator`] on [`Pcg64`] seeded through
/// `SeedSequence(seed)`.
///
/// ```
/// use numox::random::default_rng;
/// assert_eq!(default_rng(0).integers::<i64>(0, 10, 5, false).unwrap().to_vec(), vec![8, 6, 5, 2, 3]);
/// ```
pub fn default_rng(seed: u128) -> Generator<Pcg64> {
    default_rng_from_seed_sequence(&SeedSequence::new(seed))
}

/// `np.random.default_rng(seed_sequence)`.
///
/// ```
/// use numox::random::{SeedSequence, default_rng, default_rng_from_seed_sequence};
/// let mut ss = SeedSequence::new(42);
/// let kids = ss.spawn(2);
/// let mut a = default_rng_from_seed_sequence(&kids[0]);
/// assert_ne!(a.random(()), default_rng(42).random(()));
/// ```
pub fn default_rng_from_seed_sequence(ss: &SeedSequence) -> Generator<Pcg64> {
    Generator::from_seed_sequence(ss)
}

use super::alloc::fill;

/// Bit generators that NumPy seeds from a [`SeedSequence`] (all five), so
/// that [`Generator::spawn`] can make independent children.
pub trait FromSeedSequence: BitGenerator + Sized {
    /// The bit generator seeded from `ss` as NumPy seeds it.
    fn from_seed_sequence(ss: &SeedSequence) -> Self;
}

macro_rules! from_seed_sequence_impl {
    ($($t:ty),*) => {$(
        impl FromSeedSequence for $t {
            fn from_seed_sequence(ss: &SeedSequence) -> Self {
                <$t>::from_seed_sequence(ss)
            }
        }
    )*};
}
from_seed_sequence_impl!(
    Pcg64,
    super::Pcg64Dxsm,
    super::Mt19937,
    super::Philox,
    super::Sfc64
);

impl<B: FromSeedSequence> Generator<B> {
    /// A generator on `B` seeded from `ss` (`Generator(B(seed_sequence))`),
    /// remembering `ss` so that [`spawn`](Generator::spawn) works.
    ///
    /// ```
    /// use numox::random::{Generator, SeedSequence, Sfc64};
    /// let g: Generator<Sfc64> = Generator::from_seed_sequence(&SeedSequence::new(1));
    /// assert_eq!(g.bit_generator(), &Sfc64::new(1));
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        Generator {
            bg: B::from_seed_sequence(ss),
            seed_seq: Some(ss.clone()),
        }
    }

    /// `n` independent child generators (`Generator.spawn(n)`): children of
    /// the seed sequence, in NumPy's order. Errors when the generator was not
    /// made from a seed sequence (e.g. from a raw state).
    ///
    /// ```
    /// use numox::random::{SeedSequence, default_rng, default_rng_from_seed_sequence};
    /// let mut rng = default_rng(42);
    /// let mut kids = rng.spawn(2).unwrap();
    /// // the first child is seeded by SeedSequence(42, spawn_key=(0,))
    /// let ss = SeedSequence::with_spawn_key(&[42], &[0], 4).unwrap();
    /// assert_eq!(kids[0].random(3), default_rng_from_seed_sequence(&ss).random(3));
    /// ```
    pub fn spawn(&mut self, n: usize) -> Result<Vec<Generator<B>>> {
        let ss = self
            .seed_seq
            .as_mut()
            .ok_or_else(|| Error::invalid("The underlying SeedSequence does not implement spawning."))?;
        Ok(ss.spawn(n).iter().map(Generator::from_seed_sequence).collect())
    }
}

/// Integer dtypes that [`Generator::integers`] can produce (NumPy's
/// `dtype=` of `integers`/`randint`): `bool`, `i8..i64`, `u8..u64`.
pub trait RandomInt: Element + Copy {
    /// The smallest value of the type.
    const LOW: i128;
    /// The largest value of the type.
    const HIGH: i128;
    /// Draw `out.len()` values `low + [0, rng]` (NumPy's `random_bounded_*_fill`),
    /// sharing `buf` between draws as NumPy's buffered 8/16-bit/bool paths do.
    #[doc(hidden)]
    fn fill_bounded<B: BitGenerator + ?Sized>(
        bg: &mut B,
        low: i128,
        rng: u64,
        masked: bool,
        out: &mut [Self],
    );

    /// One draw per element with its own bounds (NumPy's broadcasting path of
    /// `integers`/`randint`); 8/16-bit and bool draws share one buffer across
    /// elements, as NumPy's do.
    #[doc(hidden)]
    fn fill_bounded_each<B: BitGenerator + ?Sized>(
        bg: &mut B,
        lows: &[i128],
        rngs: &[u64],
        masked: bool,
        out: &mut [Self],
    );
}

macro_rules! random_int_impl {
    ($t:ty, $u:ty, $kernel:ident, buffered) => {
        impl RandomInt for $t {
            const LOW: i128 = <$t>::MIN as i128;
            const HIGH: i128 = <$t>::MAX as i128;
            #[inline]
            fn fill_bounded<B: BitGenerator + ?Sized>(
                bg: &mut B,
                low: i128,
                rng: u64,
                masked: bool,
                out: &mut [Self],
            ) {
                let off = low as $u;
                let rng = rng as $u;
                let mask = gen_mask(rng as u64) as $u;
                let mut buf = Buf::default();
                for o in out {
                    *o = off.wrapping_add($kernel(bg, rng, masked, mask, &mut buf)) as $t;
                }
            }
            fn fill_bounded_each<B: BitGenerator + ?Sized>(
                bg: &mut B,
                lows: &[i128],
                rngs: &[u64],
                masked: bool,
                out: &mut [Self],
            ) {
                let mut buf = Buf::default();
                for ((o, &low), &r) in out.iter_mut().zip(lows).zip(rngs) {
                    let v = $kernel(bg, r as $u, masked, gen_mask(r) as $u, &mut buf);
                    *o = (low as $u).wrapping_add(v) as $t;
                }
            }
        }
    };
    ($t:ty, $u:ty, $kernel:ident) => {
        impl RandomInt for $t {
            const LOW: i128 = <$t>::MIN as i128;
            const HIGH: i128 = <$t>::MAX as i128;
            #[inline]
            fn fill_bounded<B: BitGenerator + ?Sized>(
                bg: &mut B,
                low: i128,
                rng: u64,
                masked: bool,
                out: &mut [Self],
            ) {
                let off = low as $u;
                let rng = rng as $u;
                let mask = gen_mask(rng as u64) as $u;
                for o in out {
                    *o = off.wrapping_add($kernel(bg, rng, masked, mask)) as $t;
                }
            }
            fn fill_bounded_each<B: BitGenerator + ?Sized>(
                bg: &mut B,
                lows: &[i128],
                rngs: &[u64],
                masked: bool,
                out: &mut [Self],
            ) {
                for ((o, &low), &r) in out.iter_mut().zip(lows).zip(rngs) {
                    let v = $kernel(bg, r as $u, masked, gen_mask(r) as $u);
                    *o = (low as $u).wrapping_add(v) as $t;
                }
            }
        }
    };
}
random_int_impl!(i8, u8, bounded_u8, buffered);
random_int_impl!(u8, u8, bounded_u8, buffered);
random_int_impl!(i16, u16, bounded_u16, buffered);
random_int_impl!(u16, u16, bounded_u16, buffered);
random_int_impl!(i32, u32, bounded_u32);
random_int_impl!(u32, u32, bounded_u32);
random_int_impl!(i64, u64, bounded_u64);
random_int_impl!(u64, u64, bounded_u64);

impl RandomInt for bool {
    const LOW: i128 = 0;
    const HIGH: i128 = 1;
    fn fill_bounded<B: BitGenerator + ?Sized>(
        bg: &mut B,
        low: i128,
        rng: u64,
        _masked: bool,
        out: &mut [Self],
    ) {
        let mut buf = Buf::default();
        for o in out {
            *o = bounded_bool(bg, low != 0, rng != 0, &mut buf);
        }
    }
    fn fill_bounded_each<B: BitGenerator + ?Sized>(
        bg: &mut B,
        lows: &[i128],
        rngs: &[u64],
        _masked: bool,
        out: &mut [Self],
    ) {
        let mut buf = Buf::default();
        for ((o, &low), &r) in out.iter_mut().zip(lows).zip(rngs) {
            *o = bounded_bool(bg, low != 0, r != 0, &mut buf);
        }
    }
}

/// Check `[low, high]` (closed, after NumPy subtracts 1 from an open `high`)
/// against the dtype, with NumPy's messages; returns `rng = high - low`.
pub(crate) fn int_range<T: RandomInt>(low: i128, high: i128, endpoint: bool) -> Result<u64> {
    let hi = if endpoint { high } else { high - 1 };
    if low < T::LOW {
        return Err(Error::invalid(format!(
            "low is out of bounds for {}",
            T::DTYPE.name()
        )));
    }
    if hi > T::HIGH {
        return Err(Error::invalid(format!(
            "high is out of bounds for {}",
            T::DTYPE.name()
        )));
    }
    if low > hi {
        return Err(Error::invalid(if endpoint {
            "low > high"
        } else {
            "low >= high"
        }));
    }
    Ok((hi - low) as u64)
}

impl<B: BitGenerator> Generator<B> {
    /// A generator drawing from `bit_generator` (`Generator(bit_generator)`).
    ///
    /// ```
    /// use numox::random::{Generator, Mt19937};
    /// let mut g = Generator::new(Mt19937::new(5));
    /// assert_eq!(g.random(2).len(), 2);
    /// ```
    pub fn new(bit_generator: B) -> Self {
        Generator {
            bg: bit_generator,
            seed_seq: None,
        }
    }

    /// The bit generator (`Generator.bit_generator`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let rng = default_rng(1);
    /// assert!(!rng.bit_generator().state().has_uint32);
    /// ```
    pub fn bit_generator(&self) -> &B {
        &self.bg
    }

    /// Mutable access to the bit generator (to read raw words or set its state).
    ///
    /// ```
    /// use numox::random::{BitGenerator, default_rng};
    /// let mut rng = default_rng(0);
    /// assert_eq!(rng.bit_generator_mut().next_raw(), 0xa30febcfd9c2825f);
    /// ```
    pub fn bit_generator_mut(&mut self) -> &mut B {
        &mut self.bg
    }

    /// The bit generator, consuming the generator.
    ///
    /// ```
    /// use numox::random::{Pcg64, default_rng};
    /// assert_eq!(default_rng(3).into_bit_generator(), Pcg64::new(3));
    /// ```
    pub fn into_bit_generator(self) -> B {
        self.bg
    }

    /// Draw with float parameters through NumPy's `cont()` rules.
    pub(crate) fn cont<T, const K: usize>(
        &mut self,
        params: [(&FloatParam<'_>, &'static str, Cons); K],
        size: Size,
        f: impl FnMut(&mut B, [f64; K]) -> T,
    ) -> Result<Array<T>> {
        cont_draw(&mut self.bg, params, size, f)
    }

    /// Floats in `[0, 1)` with 53 random bits (`random(size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(42).random([2, 2]);
    /// assert_eq!(x.shape(), &[2, 2]);
    /// assert_eq!(x[[0, 0]], 0.7739560485559633);
    /// ```
    pub fn random(&mut self, size: impl Into<Size>) -> Array<f64> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || bg.next_double())
    }

    /// Float32s in `[0, 1)` with 24 random bits (`random(size, dtype=np.float32)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(42).random_f32(2);
    /// assert!(x.iter().all(|&v| (0.0..1.0).contains(&v)));
    /// ```
    pub fn random_f32(&mut self, size: impl Into<Size>) -> Array<f32> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || next_float(bg))
    }

    /// One float in `[0, 1)` (`random()` as a plain `f64`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(42).next_f64(), 0.7739560485559633);
    /// ```
    pub fn next_f64(&mut self) -> f64 {
        self.bg.next_double()
    }

    /// Standard normal draws by NumPy's ziggurat (`standard_normal(size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let z = default_rng(42).standard_normal(2);
    /// assert_eq!(z.to_vec(), vec![0.30471707975443135, -1.0399841062404955]);
    /// ```
    pub fn standard_normal(&mut self, size: impl Into<Size>) -> Array<f64> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_normal(bg))
    }

    /// Float32 standard normals (`standard_normal(size, dtype=np.float32)`,
    /// NumPy's float32 ziggurat: different values from the f64 method).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(42).standard_normal_f32(4).len(), 4);
    /// ```
    pub fn standard_normal_f32(&mut self, size: impl Into<Size>) -> Array<f32> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_normal_f32(bg))
    }

    /// Standard exponential draws by NumPy's ziggurat (`standard_exponential(size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let e = default_rng(42).standard_exponential(3);
    /// assert!(e.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_exponential(&mut self, size: impl Into<Size>) -> Array<f64> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_exponential(bg))
    }

    /// Float32 standard exponentials (`standard_exponential(size, dtype=np.float32)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(42).standard_exponential_f32([2, 3]).shape(), &[2, 3]);
    /// ```
    pub fn standard_exponential_f32(&mut self, size: impl Into<Size>) -> Array<f32> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_exponential_f32(bg))
    }

    /// Standard exponentials by inversion, `-log1p(-U)`
    /// (`standard_exponential(size, method='inv')`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let u = default_rng(7).random(());
    /// let e = default_rng(7).standard_exponential_inv(());
    /// assert_eq!(e.into_scalar(), -(-u.into_scalar()).ln_1p());
    /// ```
    pub fn standard_exponential_inv(&mut self, size: impl Into<Size>) -> Array<f64> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_exponential_inv(bg))
    }

    /// Float32 exponentials by inversion (`method='inv', dtype=np.float32`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(7).standard_exponential_inv_f32(5).len(), 5);
    /// ```
    pub fn standard_exponential_inv_f32(&mut self, size: impl Into<Size>) -> Array<f32> {
        let bg = &mut self.bg;
        fill(size.into().out_shape(), || standard_exponential_inv_f32(bg))
    }

    /// Exponential draws with the given `scale` (`exponential(scale, size)`).
    /// Errors if `scale < 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let mut rng = default_rng(1);
    /// assert_eq!(rng.exponential(2.0, 3).unwrap().len(), 3);
    /// assert!(rng.exponential(-1.0, 3).is_err());
    /// ```
    pub fn exponential<'a>(
        &mut self,
        scale: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let scale = scale.into();
        self.cont([(&scale, "scale", Cons::NonNegative)], size.into(), |bg, [s]| {
            s * standard_exponential(bg)
        })
    }

    /// Normal draws `loc + scale * z` (`normal(loc, scale, size)`). Errors if `scale < 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(42).normal(10.0, 2.0, 2).unwrap();
    /// assert_eq!(x[[0]], 10.0 + 2.0 * 0.30471707975443135);
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
            |bg, [l, s]| l + s * standard_normal(bg),
        )
    }

    /// Uniform draws in `[low, high)`: `low + (high - low) * U` (`uniform(low, high, size)`).
    /// Errors if `high - low` is negative or not finite (NumPy's ValueError/OverflowError).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(42).uniform(-1.0, 1.0, 3).unwrap();
    /// assert!(x.iter().all(|&v| (-1.0..1.0).contains(&v)));
    /// assert!(default_rng(42).uniform(1.0, 0.0, 3).is_err());
    /// ```
    pub fn uniform<'a>(
        &mut self,
        low: impl Into<FloatParam<'a>>,
        high: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (low, high) = (low.into(), high.into());
        let range = match (low.as_scalar(), high.as_scalar()) {
            (Some(l), Some(h)) => {
                let r = h - l;
                if !r.is_finite() {
                    return Err(Error::invalid("high - low range exceeds valid bounds"));
                }
                if r < 0.0 {
                    return Err(Error::invalid("high - low < 0"));
                }
                FloatParam::Scalar(r)
            }
            _ => {
                let shapes = [param_shape(&low), param_shape(&high)];
                let shape = crate::array::shape::broadcast_shapes(&[&shapes[0], &shapes[1]])?;
                let lo = param_values(&low, &shape)?;
                let hi = param_values(&high, &shape)?;
                let r: Vec<f64> = lo.iter().zip(&hi).map(|(l, h)| h - l).collect();
                if r.iter().any(|v| !v.is_finite()) {
                    return Err(Error::invalid("Range exceeds valid bounds"));
                }
                let low_b = Array::from_shape_vec(&shape, lo)?;
                let range = Array::from_shape_vec(&shape, r)?;
                return self.cont(
                    [
                        (&FloatParam::Array(low_b.view()), "low", Cons::None),
                        (&range.view().into(), "range", Cons::NonNegative),
                    ],
                    size.into(),
                    |bg, [l, r]| l + r * bg.next_double(),
                );
            }
        };
        self.cont(
            [(&low, "low", Cons::None), (&range, "range", Cons::NonNegative)],
            size.into(),
            |bg, [l, r]| l + r * bg.next_double(),
        )
    }

    /// Standard gamma draws with shape `k` (`standard_gamma(shape, size)`).
    /// Errors if `shape < 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let g = default_rng(42).standard_gamma(0.5, 4).unwrap();
    /// assert!(g.iter().all(|&v| v >= 0.0));
    /// ```
    pub fn standard_gamma<'a>(
        &mut self,
        shape: impl Into<FloatParam<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let shape = shape.into();
        self.cont([(&shape, "shape", Cons::NonNegative)], size.into(), |bg, [k]| {
            standard_gamma(bg, k)
        })
    }

    /// Float32 standard gamma (`standard_gamma(shape, size, dtype=np.float32)`):
    /// the shape is rounded to f32 and NumPy's float32 algorithm runs.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(42).standard_gamma_f32(2.5, 3).unwrap().len(), 3);
    /// ```
    pub fn standard_gamma_f32(&mut self, shape: f64, size: impl Into<Size>) -> Result<Array<f32>> {
        let k = shape as f32;
        Cons::NonNegative.check_scalar(k as f64, "shape")?;
        let size = size.into();
        let bg = &mut self.bg;
        Ok(fill(size.out_shape(), || standard_gamma_f32(bg, k)))
    }

    /// Gamma draws `scale * standard_gamma(shape)` (`gamma(shape, scale, size)`).
    /// Errors if `shape < 0` or `scale < 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let g = default_rng(3).gamma(2.0, 1.5, 5).unwrap();
    /// assert_eq!(g.len(), 5);
    /// assert!(default_rng(3).gamma(-2.0, 1.5, 5).is_err());
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
            |bg, [k, s]| s * standard_gamma(bg, k),
        )
    }

    /// Integers in `[low, high)` (or `[low, high]` with `endpoint`) of dtype `T`
    /// by NumPy's Lemire method (`integers(low, high, size, dtype, endpoint)`).
    ///
    /// Bounds are `i128` so every dtype's full range can be written
    /// (`integers::<u8>(0, 256, ..)`). Errors if the bounds are outside `T` or
    /// the interval is empty, with NumPy's messages.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let mut rng = default_rng(42);
    /// let x = rng.integers::<i64>(0, 100, 5, false).unwrap();
    /// assert_eq!(x.to_vec(), vec![8, 77, 65, 43, 43]);
    /// assert!(rng.integers::<u8>(0, 257, 1, false).is_err());
    /// ```
    pub fn integers<T: RandomInt>(
        &mut self,
        low: i128,
        high: i128,
        size: impl Into<Size>,
        endpoint: bool,
    ) -> Result<Array<T>> {
        let size = size.into();
        let shape = size.out_shape();
        let n = checked_size(shape)?;
        if size.shape().is_some() && n == 0 {
            return Array::from_shape_vec(shape, Vec::new());
        }
        let rng = int_range::<T>(low, high, endpoint)?;
        let mut v: Vec<T> = super::alloc::vec_for(n, shape);
        v.resize(n, T::default_zero());
        T::fill_bounded(&mut self.bg, low, rng, false, &mut v);
        Array::from_shape_vec(shape, v)
    }

    /// Random bytes (`bytes(length)`): little-endian bytes of uint32 draws
    /// (`bytes(0)` still draws one word, as NumPy's does).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).bytes(5).len(), 5);
    /// ```
    pub fn bytes(&mut self, length: usize) -> Vec<u8> {
        // NumPy computes `(length - 1) // 4 + 1` with C division, so even
        // `bytes(0)` consumes one 32-bit word.
        let n = if length == 0 { 1 } else { (length - 1) / 4 + 1 };
        let mut out = Vec::with_capacity(4 * n);
        for _ in 0..n {
            out.extend_from_slice(&self.bg.next_uint32().to_le_bytes());
        }
        out.truncate(length);
        out
    }

    /// Fisher-Yates on `n` int64 indices from position `first` down, with
    /// Lemire draws (NumPy's `_shuffle_int`).
    fn shuffle_int(&mut self, n: usize, first: usize, data: &mut [i64]) {
        for i in (first..n).rev() {
            let j = bounded_u64(&mut self.bg, i as u64, false, 0) as usize;
            data.swap(i, j);
        }
    }

    /// Random indices into a population of `a` items (`choice(a, size, replace, p,
    /// shuffle=shuffle)` with an integer `a`), as int64.
    ///
    /// With `p`, draws follow those probabilities (validated as NumPy does:
    /// 1-d, length `a`, non-negative, no NaN, summing to 1 within `sqrt(eps)`).
    /// Without replacement, NumPy's Floyd / tail-shuffle algorithms are used,
    /// so the same indices come out.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let mut rng = default_rng(42);
    /// let i = rng.choice(10, 3, false, None, true).unwrap();
    /// assert_eq!(i.len(), 3);
    /// assert!(rng.choice(3, 1, true, Some(&[0.5, 0.5, 0.5]), true).is_err());
    /// ```
    pub fn choice(
        &mut self,
        a: usize,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
        shuffle: bool,
    ) -> Result<Array<i64>> {
        let size = size.into();
        let shape = size.out_shape().to_vec();
        let n = checked_size(&shape)?;
        let pop = a;
        if pop == 0 && n != 0 {
            return Err(Error::invalid(
                "a must be a positive integer unless no samples are taken",
            ));
        }
        if let Some(p) = p {
            check_probabilities(p, pop)?;
        }
        if replace {
            if let Some(p) = p {
                let cdf = cdf_of(p);
                let u = self.random(shape.as_slice());
                return Ok(u.mapv(|x| search_right(&cdf, x) as i64));
            }
            return self.integers::<i64>(0, pop as i128, shape.as_slice(), false);
        }
        if n > pop {
            return Err(Error::invalid(
                "Cannot take a larger sample than population when replace is False",
            ));
        }
        if let Some(p) = p {
            if p.iter().filter(|&&x| x > 0.0).count() < n {
                return Err(Error::invalid("Fewer non-zero entries in p than size"));
            }
            let mut p = p.to_vec();
            let mut found: Vec<i64> = Vec::with_capacity(n);
            while found.len() < n {
                let x = self.random(n - found.len());
                for &f in &found {
                    p[f as usize] = 0.0;
                }
                let cdf = cdf_of(&p);
                let new: Vec<i64> = x.iter().map(|&u| search_right(&cdf, u) as i64).collect();
                // np.unique(new, return_index=True), first occurrences kept in draw order
                let mut seen = std::collections::HashSet::new();
                for v in new {
                    if seen.insert(v) {
                        found.push(v);
                    }
                }
            }
            return Array::from_shape_vec(&shape, found);
        }
        let cutoff = if shuffle { 50 } else { 20 };
        let idx: Vec<i64> = if pop > 10000 && n > pop / cutoff {
            let mut all: Vec<i64> = crate::array::copy::try_vec(pop, &[pop])?;
            all.extend(0..pop as i64);
            self.shuffle_int(pop, (pop - n).max(1), &mut all);
            all[pop - n..].to_vec()
        } else {
            let mut idx = vec![0i64; n];
            let mask = gen_mask((1.2 * n as f64) as u64);
            let set_len = (mask + 1) as usize;
            let mut set: Vec<u64> = crate::array::copy::try_vec(set_len, &[set_len])?;
            set.resize(set_len, u64::MAX);
            for j in (pop - n) as u64..pop as u64 {
                let val = bounded_u64(&mut self.bg, j, false, 0);
                let mut loc = val & mask;
                while set[loc as usize] != u64::MAX && set[loc as usize] != val {
                    loc = (loc + 1) & mask;
                }
                let out = (j as usize + n) - pop;
                if set[loc as usize] == u64::MAX {
                    set[loc as usize] = val;
                    idx[out] = val as i64;
                } else {
                    loc = j & mask;
                    while set[loc as usize] != u64::MAX {
                        loc = (loc + 1) & mask;
                    }
                    set[loc as usize] = j;
                    idx[out] = j as i64;
                }
            }
            if shuffle {
                self.shuffle_int(n, 1, &mut idx);
            }
            idx
        };
        Array::from_shape_vec(&shape, idx)
    }

    /// Shuffle `x` in place along `axis` (`shuffle(x, axis)`), Fisher-Yates
    /// with NumPy's `random_interval` draws.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let mut x = array![1, 2, 3, 4, 5];
    /// default_rng(1).shuffle(&mut x, 0).unwrap();
    /// let mut s = x.to_vec();
    /// s.sort();
    /// assert_eq!(s, vec![1, 2, 3, 4, 5]);
    /// ```
    pub fn shuffle<A: Clone, S: DataMut<Elem = A>>(
        &mut self,
        x: &mut ArrayBase<S>,
        axis: isize,
    ) -> Result<()> {
        let ax = crate::error::normalize_axis(axis, x.ndim())?;
        let n = x.shape()[ax];
        if x.ndim() == 1 {
            if let Some(s) = x.as_slice_mut() {
                for i in (1..n).rev() {
                    let j = random_interval(&mut self.bg, i as u64) as usize;
                    s.swap(i, j);
                }
                return Ok(());
            }
            let mut refs: Vec<&mut A> = x.iter_mut().collect();
            for i in (1..n).rev() {
                let j = random_interval(&mut self.bg, i as u64) as usize;
                if i != j {
                    let (lo, hi) = refs.split_at_mut(i);
                    std::mem::swap(&mut *lo[j], &mut *hi[0]);
                }
            }
            return Ok(());
        }
        for i in (1..n).rev() {
            let j = random_interval(&mut self.bg, i as u64) as usize;
            if i == j {
                continue;
            }
            let xi = x.index_axis(ax as isize, i as isize)?.to_owned();
            let xj = x.index_axis(ax as isize, j as isize)?.to_owned();
            x.index_axis_mut(ax as isize, i as isize)?.assign(&xj)?;
            x.index_axis_mut(ax as isize, j as isize)?.assign(&xi)?;
        }
        Ok(())
    }

    /// A random permutation of `0..n` as int64 (`permutation(n)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let p = default_rng(3).permutation(4);
    /// let mut s = p.to_vec();
    /// s.sort();
    /// assert_eq!(s, vec![0, 1, 2, 3]);
    /// ```
    pub fn permutation(&mut self, n: usize) -> Array<i64> {
        let mut v: Vec<i64> = super::alloc::vec_for(n, &[n]);
        v.extend(0..n as i64);
        let mut a = Array::from_vec(v);
        self.shuffle(&mut a, 0).expect("1-d");
        a
    }

    /// A shuffled copy of `x` along `axis` (`permutation(x, axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let x = array![[1, 2], [3, 4], [5, 6]];
    /// let y = default_rng(3).permutation_of(&x, 0).unwrap();
    /// assert_eq!(y.shape(), &[3, 2]);
    /// ```
    pub fn permutation_of<A: Clone, S: crate::array::Data<Elem = A>>(
        &mut self,
        x: &ArrayBase<S>,
        axis: isize,
    ) -> Result<Array<A>> {
        if x.ndim() == 0 {
            return Err(Error::invalid("x must be an integer or at least 1-dimensional"));
        }
        let mut y = x.to_owned();
        self.shuffle(&mut y, axis)?;
        Ok(y)
    }

    /// A copy of `x` with each 1-d slice along `axis` shuffled independently
    /// (`permuted(x, axis)`); `axis = None` shuffles all elements as one
    /// flat array. Slices are visited in C order (NumPy's order for
    /// C-contiguous input).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let x = array![[1, 2, 3], [4, 5, 6]];
    /// let y = default_rng(5).permuted(&x, Some(1)).unwrap();
    /// let mut r0 = y.index_axis(0, 0).unwrap().to_vec();
    /// r0.sort();
    /// assert_eq!(r0, vec![1, 2, 3]);
    /// ```
    pub fn permuted<A: Clone, S: crate::array::Data<Elem = A>>(
        &mut self,
        x: &ArrayBase<S>,
        axis: Option<isize>,
    ) -> Result<Array<A>> {
        let mut y = x.to_owned();
        match axis {
            None => {
                let shape = y.shape().to_vec();
                let mut flat = Array::from_vec(y.into_raw_vec_and_offset().0);
                self.shuffle(&mut flat, 0)?;
                Array::from_shape_vec(&shape, flat.into_raw_vec_and_offset().0)
            }
            Some(ax) => {
                let ax = crate::error::normalize_axis(ax, y.ndim())?;
                for mut lane in y.lanes_mut(ax as isize)? {
                    let n = lane.len();
                    let mut refs: Vec<&mut A> = lane.iter_mut().collect();
                    for i in (1..n).rev() {
                        let j = random_interval(&mut self.bg, i as u64) as usize;
                        if i != j {
                            let (lo, hi) = refs.split_at_mut(i);
                            std::mem::swap(&mut *lo[j], &mut *hi[0]);
                        }
                    }
                }
                Ok(y)
            }
        }
    }
}

fn param_shape(p: &FloatParam<'_>) -> Vec<usize> {
    match p {
        FloatParam::Scalar(_) => Vec::new(),
        FloatParam::Array(a) => a.shape().to_vec(),
    }
}

fn param_values(p: &FloatParam<'_>, shape: &[usize]) -> Result<Vec<f64>> {
    match p {
        FloatParam::Scalar(v) => Ok(vec![*v; checked_size(shape)?]),
        FloatParam::Array(a) => Ok(a.broadcast(shape)?.iter().copied().collect()),
    }
}

/// Kahan (compensated) sum, as NumPy's `kahan_sum` for `choice`'s `p`.
pub(crate) fn kahan_sum(x: &[f64]) -> f64 {
    if x.is_empty() {
        return 0.0;
    }
    let mut sum = x[0];
    let mut c = 0.0;
    for &v in &x[1..] {
        let y = v - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// NumPy's checks of `choice`'s probabilities.
pub(crate) fn check_probabilities(p: &[f64], pop: usize) -> Result<()> {
    if p.len() != pop {
        return Err(Error::invalid("a and p must have same size"));
    }
    let s = kahan_sum(p);
    if s.is_nan() {
        return Err(Error::invalid("Probabilities contain NaN"));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(Error::invalid("Probabilities are not non-negative"));
    }
    let atol = f64::EPSILON.sqrt();
    if (s - 1.0).abs() > atol {
        return Err(Error::invalid(
            "Probabilities do not sum to 1. See Notes section of docstring for more information.",
        ));
    }
    Ok(())
}

/// `p.cumsum(); cdf /= cdf[-1]` (sequential sum, as NumPy's cumsum).
pub(crate) fn cdf_of(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut cdf: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = cdf.last() {
        for c in cdf.iter_mut() {
            *c /= last;
        }
    }
    cdf
}

/// `searchsorted(cdf, x, side='right')`: the first index with `cdf[i] > x`.
pub(crate) fn search_right(cdf: &[f64], x: f64) -> usize {
    cdf.partition_point(|&c| c <= x)
}

/// A zero value of an integer dtype, for preallocating outputs.
trait ZeroValue {
    fn default_zero() -> Self;
}
impl<T: RandomInt> ZeroValue for T {
    fn default_zero() -> Self {
        T::from_scalar(crate::element::Scalar::Bool(false))
    }
}
