//! PCG64DXSM: PCG with the "double xorshift multiply" output and the cheap
//! 64-bit multiplier (NumPy's recommended upgrade of PCG64).

use super::pcg64::{PCG_JUMP_STEP, PCG_MULT_128, lcg_advance};
use super::{BitGenerator, impl_rand_core, seed_words};
use crate::random::{Pcg64State, SeedSequence};

const CHEAP_MULT: u64 = 0xda94_2042_e4dd_58b5;

/// NumPy's `PCG64DXSM` bit generator. Its state has the same layout as
/// [`Pcg64`](super::Pcg64)'s ([`Pcg64State`]).
///
/// ```
/// use numox::random::{BitGenerator, Pcg64Dxsm};
/// assert_eq!(Pcg64Dxsm::new(0xdeadbeaf).next_uint64(), 0xdf1ddcf1e22521fe); // NumPy's test set
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64Dxsm {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
}

impl Pcg64Dxsm {
    /// `PCG64DXSM(seed)`: seeded through `SeedSequence(seed)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64Dxsm};
    /// assert_eq!(Pcg64Dxsm::new(0).next_uint64(), 0xd97e4a147f788a70);
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// `PCG64DXSM(seed_sequence)`.
    ///
    /// ```
    /// use numox::random::{Pcg64Dxsm, SeedSequence};
    /// assert_eq!(Pcg64Dxsm::from_seed_sequence(&SeedSequence::new(3)), Pcg64Dxsm::new(3));
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        let v = ss.generate_state_u64(4);
        Self::from_words([v[0], v[1], v[2], v[3]])
    }

    fn from_words(v: [u64; 4]) -> Self {
        let initstate = (v[0] as u128) << 64 | v[1] as u128;
        let initseq = (v[2] as u128) << 64 | v[3] as u128;
        // Seeded exactly as PCG64 (`pcg64_set_seed`: two steps with the full
        // 128-bit multiplier); only the draws use the cheap multiplier.
        let inc = (initseq << 1) | 1;
        let full_step = |s: u128| s.wrapping_mul(PCG_MULT_128).wrapping_add(inc);
        let state = full_step(full_step(0).wrapping_add(initstate));
        Pcg64Dxsm {
            state,
            inc,
            has_uint32: false,
            uinteger: 0,
        }
    }

    #[inline(always)]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(CHEAP_MULT as u128).wrapping_add(self.inc);
    }

    /// The current state (`PCG64DXSM.state`).
    ///
    /// ```
    /// use numox::random::Pcg64Dxsm;
    /// assert_eq!(Pcg64Dxsm::new(1).state().inc % 2, 1);
    /// ```
    pub fn state(&self) -> Pcg64State {
        Pcg64State {
            state: self.state,
            inc: self.inc,
            has_uint32: self.has_uint32,
            uinteger: self.uinteger,
        }
    }

    /// Restore a state.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64Dxsm};
    /// let mut a = Pcg64Dxsm::new(1);
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

    /// Advance by `delta` draws (`PCG64DXSM.advance`, modulo 2^128).
    ///
    /// ```
    /// use numox::random::{BitGenerator, Pcg64Dxsm};
    /// let mut a = Pcg64Dxsm::new(5);
    /// let mut b = a.clone();
    /// a.next_uint64();
    /// b.advance(1);
    /// assert_eq!(a.next_uint64(), b.next_uint64());
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Self {
        self.state = lcg_advance(self.state, delta, CHEAP_MULT as u128, self.inc);
        self.has_uint32 = false;
        self.uinteger = 0;
        self
    }

    /// A copy advanced by `jumps` times the jump step (`PCG64DXSM.jumped`).
    ///
    /// ```
    /// use numox::random::Pcg64Dxsm;
    /// assert_ne!(Pcg64Dxsm::new(5).jumped(1), Pcg64Dxsm::new(5));
    /// ```
    pub fn jumped(&self, jumps: u128) -> Self {
        let mut j = self.clone();
        j.advance(PCG_JUMP_STEP.wrapping_mul(jumps));
        j
    }
}

impl BitGenerator for Pcg64Dxsm {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        // DXSM outputs from the state before the step.
        let mut hi = (self.state >> 64) as u64;
        let lo = self.state as u64 | 1;
        self.step();
        hi ^= hi >> 32;
        hi = hi.wrapping_mul(CHEAP_MULT);
        hi ^= hi >> 48;
        hi.wrapping_mul(lo)
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

impl_rand_core!(Pcg64Dxsm);

impl rand_core::SeedableRng for Pcg64Dxsm {
    /// The four little-endian u64 words `generate_state(4, uint64)` would give.
    type Seed = [u8; 32];

    fn from_seed(seed: [u8; 32]) -> Self {
        Self::from_words(seed_words::<4>(&seed))
    }

    /// NumPy's `PCG64DXSM(state)`: seeded through `SeedSequence(state)`.
    fn seed_from_u64(state: u64) -> Self {
        Self::new(state as u128)
    }
}
