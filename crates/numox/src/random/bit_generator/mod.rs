//! Bit generators: the raw 32/64-bit streams under [`Generator`](super::Generator).
//!
//! Each one reproduces its NumPy namesake bit for bit (NumPy's test sets are
//! in the tests), is seeded from a [`SeedSequence`](super::SeedSequence) the
//! way NumPy seeds it, and implements `rand_core`'s [`TryRng`](rand_core::TryRng)
//! (hence `Rng`/`RngCore`) and [`SeedableRng`](rand_core::SeedableRng), so the
//! `rand` ecosystem runs on it.

mod mt19937;
mod mt19937_jump;
mod pcg64;
mod pcg64dxsm;
mod philox;
mod sfc64;

pub use mt19937::{Mt19937, Mt19937State};
pub use pcg64::{Pcg64, Pcg64State};
pub use pcg64dxsm::Pcg64Dxsm;
pub use philox::{Philox, PhiloxState};
pub use sfc64::{Sfc64, Sfc64State};

/// The interface NumPy's `bitgen_t` offers: 64-bit and 32-bit words and a
/// double in `[0, 1)`.
///
/// ```
/// use numox::random::{BitGenerator, Pcg64};
/// let mut bg = Pcg64::new(0);
/// // np.random.PCG64(0).random_raw()
/// assert_eq!(bg.next_uint64(), 0xa30febcfd9c2825f);
/// ```
pub trait BitGenerator {
    /// The next 64-bit word (NumPy's `next_uint64`).
    fn next_uint64(&mut self) -> u64;
    /// The next 32-bit word (NumPy's `next_uint32`; 64-bit generators serve
    /// the two halves of one 64-bit word, low half first).
    fn next_uint32(&mut self) -> u32;
    /// A double in `[0, 1)` with 53 random bits (NumPy's `next_double`).
    #[inline]
    fn next_double(&mut self) -> f64 {
        // `as i64` first: the value fits 53 bits, and signed conversion is one
        // instruction on baseline x86-64 (unsigned needs a branchy sequence).
        (self.next_uint64() >> 11) as i64 as f64 * (1.0 / 9007199254740992.0)
    }
    /// The generator's raw output word as `random_raw` returns it (for 32-bit
    /// generators, a 32-bit word widened).
    #[inline]
    fn next_raw(&mut self) -> u64 {
        self.next_uint64()
    }
}

/// A mutable reference to a bit generator is one too (so samplers can borrow).
impl<B: BitGenerator + ?Sized> BitGenerator for &mut B {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        (**self).next_uint64()
    }
    #[inline(always)]
    fn next_uint32(&mut self) -> u32 {
        (**self).next_uint32()
    }
    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        (**self).next_double()
    }
    #[inline(always)]
    fn next_raw(&mut self) -> u64 {
        (**self).next_raw()
    }
}

/// A float in `[0, 1)` with 24 random bits (NumPy's `next_float`).
#[inline]
pub(crate) fn next_float<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    (bg.next_uint32() >> 8) as i32 as f32 * (1.0 / 16777216.0)
}

/// Fill bytes from 64-bit words, little-endian (used by the `rand_core` impls).
pub(crate) fn fill_bytes_from_u64<B: BitGenerator + ?Sized>(bg: &mut B, dst: &mut [u8]) {
    let mut chunks = dst.chunks_exact_mut(8);
    for c in &mut chunks {
        c.copy_from_slice(&bg.next_uint64().to_le_bytes());
    }
    let rest = chunks.into_remainder();
    if !rest.is_empty() {
        let w = bg.next_uint64().to_le_bytes();
        rest.copy_from_slice(&w[..rest.len()]);
    }
}

/// `rand_core` support: `TryRng<Error = Infallible>` gives `Rng` (and the
/// deprecated `RngCore` alias) through rand_core's blanket impls.
macro_rules! impl_rand_core {
    ($t:ty) => {
        impl rand_core::TryRng for $t {
            type Error = core::convert::Infallible;
            #[inline]
            fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
                Ok($crate::random::BitGenerator::next_uint32(self))
            }
            #[inline]
            fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
                Ok($crate::random::BitGenerator::next_uint64(self))
            }
            fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
                $crate::random::bit_generator::fill_bytes_from_u64(self, dst);
                Ok(())
            }
        }
    };
}
pub(crate) use impl_rand_core;

/// Little-endian u64 words of a seed byte array.
pub(crate) fn seed_words<const N: usize>(bytes: &[u8]) -> [u64; N] {
    let mut out = [0u64; N];
    for (w, c) in out.iter_mut().zip(bytes.chunks_exact(8)) {
        *w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
    }
    out
}
