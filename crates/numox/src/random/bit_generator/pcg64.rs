//! PCG64: NumPy's default bit generator (PCG XSL-RR 128/64, O'Neill 2014).

use super::{BitGenerator, impl_rand_core, seed_words};
use crate::random::SeedSequence;

/// The 128-bit LCG multiplier of PCG64.
pub(crate) const PCG_MULT_128: u128 = (2549297995355413924u128 << 64) | 4865540595714422341u128;
/// The golden-ratio step that `jumped` advances by (times the number of jumps).
pub(crate) const PCG_JUMP_STEP: u128 = 0x9e3779b97f4a7c15f39cc0605cedc835;

/// Advance an LCG `state -> state * mult + inc` by `delta` steps in O(log delta)
/// (Brown, "Random number generation with arbitrary strides", 1994).
pub(crate) fn lcg_advance(state: u128, mut delta: u128, mut cur_mult: u128, mut cur_plus: u128) -> u128 {
    let mut acc_mult: u128 = 1;
    let mut acc_plus: u128 = 0;
    while delta > 0 {
        if delta & 1 == 1 {
            acc_mult = acc_mult.wrapping_mul(cur_mult);
            acc_plus = acc_plus.wrapping_mul(cur_mult).wrapping_add(cur_plus);
        }
        cur_plus = cur_mult.wrapping_add(1).wrapping_mul(cur_plus);
        cur_mult = cur_mult.wrapping_mul(cur_mult);
        delta >>= 1;
    }
    acc_mult.wrapping_mul(state).wrapping_add(acc_plus)
}

/// The state of a [`Pcg64`] (NumPy's `PCG64.state` dict: `state`, `inc`,
/// `has_uint32`, `uinteger`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pcg64State {
    /// The 128-bit LCG state.
    pub state: u128,
    /// The odd 128-bit increment (the stream).
    pub inc: u128,
    /// Whether a 32-bit half of the last 64-bit word is buffered.
    pub has_uint32: bool,
    /// The buffered 32-bit half.
    pub uinteger: u32,
}

/// NumPy's `PCG64` bit generator (the default under `default_rng`).
///
/// ```
/// use numox::random::{BitGenerator, Pcg64};
/// let mut bg = Pcg64::new(0xdeadbeaf);
/// assert_eq!(bg.next_uint64(), 0x60d24054e17a0698); // NumPy's test set
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
}

impl Pcg64 {
    /// `PCG64(seed)`: seeded through `SeedSequence(seed)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64};
    /// assert_eq!(Pcg64::new(0).next_uint64(), 0xa30febcfd9c2825f);
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// `PCG64(seed_sequence)`: state from `generate_state(4, uint64)`.
    ///
    /// ```
    /// use numox::random::{Pcg64, SeedSequence};
    /// assert_eq!(Pcg64::from_seed_sequence(&SeedSequence::new(3)), Pcg64::new(3));
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        let v = ss.generate_state_u64(4);
        Self::from_words([v[0], v[1], v[2], v[3]])
    }

    fn from_words(v: [u64; 4]) -> Self {
        let initstate = (v[0] as u128) << 64 | v[1] as u128;
        let initseq = (v[2] as u128) << 64 | v[3] as u128;
        let inc = (initseq << 1) | 1;
        let mut s = Pcg64 {
            state: 0,
            inc,
            has_uint32: false,
            uinteger: 0,
        };
        s.step();
        s.state = s.state.wrapping_add(initstate);
        s.step();
        s
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(PCG_MULT_128).wrapping_add(self.inc);
    }

    /// The current state (`PCG64.state`).
    ///
    /// ```
    /// use numox::random::Pcg64;
    /// let bg = Pcg64::new(1);
    /// assert!(!bg.state().has_uint32);
    /// ```
    pub fn state(&self) -> Pcg64State {
        Pcg64State {
            state: self.state,
            inc: self.inc,
            has_uint32: self.has_uint32,
            uinteger: self.uinteger,
        }
    }

    /// Restore a state (`PCG64.state = ...`).
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64};
    /// let mut a = Pcg64::new(1);
    /// let s = a.state();
    /// let x = a.next_uint64();
    /// a.set_state(s);
    /// assert_eq!(a.next_uint64(), x);
    /// ```
    pub fn set_state(&mut self, s: Pcg64State) {
        self.state = s.state;
        self.inc = s.inc;
        self.has_uint32 = s.has_uint32;
        self.uinteger = s.uinteger;
    }

    /// Advance the stream by `delta` 64-bit draws (`PCG64.advance`; `delta`
    /// is taken modulo 2^128). Clears the buffered 32-bit half, as NumPy does.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64};
    /// let mut a = Pcg64::new(5);
    /// let mut b = a.clone();
    /// for _ in 0..10 { a.next_uint64(); }
    /// b.advance(10);
    /// assert_eq!(a.next_uint64(), b.next_uint64());
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Self {
        self.state = lcg_advance(self.state, delta, PCG_MULT_128, self.inc);
        self.has_uint32 = false;
        self.uinteger = 0;
        self
    }

    /// A copy advanced by `jumps * 0x9e3779b97f4a7c15f39cc0605cedc835` steps
    /// (`PCG64.jumped`), for non-overlapping parallel streams.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64};
    /// let a = Pcg64::new(5);
    /// let mut b = a.jumped(1);
    /// assert_ne!(a.clone().next_uint64(), b.next_uint64());
    /// ```
    pub fn jumped(&self, jumps: u128) -> Self {
        let mut j = self.clone();
        j.advance(PCG_JUMP_STEP.wrapping_mul(jumps));
        j
    }
}

impl BitGenerator for Pcg64 {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        self.step();
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((hi >> 58) as u32)
    }

    #[inline(always)]
    fn next_uint32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let n = self.next_uint64();
        self.has_uint32 = true;
        self.uinteger = (n >> 32) as u32;
        n as u32
    }
}

impl_rand_core!(Pcg64);

impl rand_core::SeedableRng for Pcg64 {
    /// 32 bytes: the four little-endian u64 words that `SeedSequence.generate_state(4, uint64)` would give.
    type Seed = [u8; 32];

    fn from_seed(seed: [u8; 32]) -> Self {
        Self::from_words(seed_words::<4>(&seed))
    }

    /// NumPy's `PCG64(state)`: seeded through `SeedSequence(state)`.
    fn seed_from_u64(state: u64) -> Self {
        Self::new(state as u128)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_matches_stepping_and_wraps() {
        let mut a = Pcg64::new(9);
        let mut b = a.clone();
        for _ in 0..1000 {
            a.next_uint64();
        }
        b.advance(1000);
        assert_eq!(a.state(), b.state());
        // advancing by 2^128 - 1 then by 1 is the identity
        let c0 = Pcg64::new(9);
        let mut c = c0.clone();
        c.advance(u128::MAX).advance(1);
        assert_eq!(c.state(), c0.state());
    }
}
