//! SFC64: Chris Doty-Humphrey's Small Fast Chaotic generator.

use super::{BitGenerator, impl_rand_core, seed_words};
use crate::random::SeedSequence;

/// The state of an [`Sfc64`] (NumPy's `SFC64.state`: `a, b, c` and the counter `w`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sfc64State {
    /// The four 64-bit words `[a, b, c, w]`.
    pub state: [u64; 4],
    /// Whether a 32-bit half is buffered.
    pub has_uint32: bool,
    /// The buffered 32-bit half.
    pub uinteger: u32,
}

/// NumPy's `SFC64` bit generator.
///
/// ```
/// use numox::random::{BitGenerator, Sfc64};
/// assert_eq!(Sfc64::new(0xdeadbeaf).next_uint64(), 0xa475f55fbb6bc638); // NumPy's test set
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sfc64 {
    s: [u64; 4],
    has_uint32: bool,
    uinteger: u32,
}

impl Sfc64 {
    /// `SFC64(seed)`: seeded through `SeedSequence(seed)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Sfc64};
    /// assert_eq!(Sfc64::new(0).next_uint64(), 0x91959e5fb96a6332);
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// `SFC64(seed_sequence)`: `a, b, c` from `generate_state(3, uint64)`,
    /// counter 1, then 12 draws discarded.
    ///
    /// ```
    /// use numox::random::{SeedSequence, Sfc64};
    /// assert_eq!(Sfc64::from_seed_sequence(&SeedSequence::new(3)), Sfc64::new(3));
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        let v = ss.generate_state_u64(3);
        Self::from_words([v[0], v[1], v[2]])
    }

    fn from_words(v: [u64; 3]) -> Self {
        let mut g = Sfc64 {
            s: [v[0], v[1], v[2], 1],
            has_uint32: false,
            uinteger: 0,
        };
        for _ in 0..12 {
            g.next_uint64();
        }
        g
    }

    /// The current state.
    ///
    /// ```
    /// use numox::random::Sfc64;
    /// assert!(Sfc64::new(1).state().state[3] > 12);
    /// ```
    pub fn state(&self) -> Sfc64State {
        Sfc64State {
            state: self.s,
            has_uint32: self.has_uint32,
            uinteger: self.uinteger,
        }
    }

    /// Restore a state.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Sfc64};
    /// let mut a = Sfc64::new(1);
    /// let s = a.state();
    /// let x = a.next_uint64();
    /// a.set_state(s);
    /// assert_eq!(a.next_uint64(), x);
    /// ```
    pub fn set_state(&mut self, s: Sfc64State) {
        self.s = s.state;
        self.has_uint32 = s.has_uint32;
        self.uinteger = s.uinteger;
    }
}

impl BitGenerator for Sfc64 {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        let [a, b, c, w] = self.s;
        let tmp = a.wrapping_add(b).wrapping_add(w);
        self.s = [
            b ^ (b >> 11),
            c.wrapping_add(c << 3),
            c.rotate_left(24).wrapping_add(tmp),
            w.wrapping_add(1),
        ];
        tmp
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

impl_rand_core!(Sfc64);

impl rand_core::SeedableRng for Sfc64 {
    /// Three little-endian u64 words for `a, b, c` (as `generate_state(3, uint64)` gives them).
    type Seed = [u8; 24];

    fn from_seed(seed: [u8; 24]) -> Self {
        let w = seed_words::<3>(&seed);
        Self::from_words(w)
    }

    /// NumPy's `SFC64(state)`: seeded through `SeedSequence(state)`.
    fn seed_from_u64(state: u64) -> Self {
        Self::new(state as u128)
    }
}
