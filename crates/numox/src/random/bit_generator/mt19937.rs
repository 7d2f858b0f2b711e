//! MT19937: the Mersenne Twister under NumPy's legacy `RandomState`.

use super::{BitGenerator, impl_rand_core};
use crate::error::{Error, Result};
use crate::random::SeedSequence;

pub(super) const N: usize = 624;
pub(super) const M: usize = 397;
pub(super) const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

/// The state of an [`Mt19937`]: the 624-word key and the position in it
/// (what `MT19937.state` / `RandomState.get_state()` report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937State {
    /// The 624 32-bit words.
    pub key: Vec<u32>,
    /// The index of the next word to temper (624 means "regenerate first").
    pub pos: usize,
}

/// NumPy's `MT19937` bit generator.
///
/// [`Mt19937::new`] seeds through a [`SeedSequence`] (`np.random.MT19937(seed)`);
/// [`Mt19937::legacy_seed`] and [`Mt19937::legacy_seed_array`] are the
/// seedings of `np.random.RandomState(seed)`.
///
/// ```
/// use numox::random::{BitGenerator, Mt19937};
/// assert_eq!(Mt19937::new(0xdeadbeaf).next_uint32(), 0xc816921f); // NumPy's test set
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    mt: Box<[u32; N]>,
    pos: usize,
}

impl Mt19937 {
    /// `MT19937(seed)`: seeded through `SeedSequence(seed)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Mt19937};
    /// assert_eq!(Mt19937::new(5).next_uint32(), 0x573e90b8);
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// `MT19937(seed_sequence)`: 624 words from `generate_state`, the first
    /// replaced by `0x80000000`, position 623 (NumPy's choice).
    ///
    /// ```
    /// use numox::random::{Mt19937, SeedSequence};
    /// assert_eq!(Mt19937::from_seed_sequence(&SeedSequence::new(5)).state().pos, 623);
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        let val = ss.generate_state_u32(N);
        let mut mt = Box::new([0u32; N]);
        mt.copy_from_slice(&val);
        mt[0] = UPPER;
        Mt19937 { mt, pos: N - 1 }
    }

    /// Legacy integer seeding (`RandomState(seed)`, Knuth's `init_genrand`).
    ///
    /// ```
    /// use numox::random::{BitGenerator, Mt19937};
    /// let mut a = Mt19937::legacy_seed(42);
    /// assert_eq!(a.next_double(), 0.3745401188473625); // RandomState(42).random_sample()
    /// ```
    pub fn legacy_seed(seed: u32) -> Self {
        let mut mt = Box::new([0u32; N]);
        let mut s = seed;
        for (i, w) in mt.iter_mut().enumerate() {
            *w = s;
            s = 1812433253u32
                .wrapping_mul(s ^ (s >> 30))
                .wrapping_add(i as u32 + 1);
        }
        Mt19937 { mt, pos: N }
    }

    /// Legacy array seeding (`RandomState([k0, k1, ...])`, `init_by_array`).
    /// Errors on an empty key (NumPy's ValueError "Seed must be non-empty").
    ///
    /// ```
    /// use numox::random::{BitGenerator, Mt19937};
    /// let mut a = Mt19937::legacy_seed_array(&[1, 2, 3]).unwrap();
    /// assert_eq!(a.next_double(), 0.6098612722867289); // RandomState([1, 2, 3]).random_sample()
    /// assert!(Mt19937::legacy_seed_array(&[]).is_err());
    /// ```
    pub fn legacy_seed_array(key: &[u32]) -> Result<Self> {
        if key.is_empty() {
            return Err(Error::invalid("Seed must be non-empty"));
        }
        let mut g = Self::legacy_seed(19650218);
        let mt = &mut g.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER;
        g.pos = N;
        Ok(g)
    }

    /// The current state (`MT19937.state`).
    ///
    /// ```
    /// use numox::random::Mt19937;
    /// assert_eq!(Mt19937::legacy_seed(1).state().key.len(), 624);
    /// ```
    pub fn state(&self) -> Mt19937State {
        Mt19937State {
            key: self.mt.to_vec(),
            pos: self.pos,
        }
    }

    /// Restore a state; errors unless the key has 624 words and `pos <= 624`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Mt19937};
    /// let mut a = Mt19937::legacy_seed(1);
    /// let s = a.state();
    /// let x = a.next_uint32();
    /// a.set_state(&s).unwrap();
    /// assert_eq!(a.next_uint32(), x);
    /// ```
    pub fn set_state(&mut self, s: &Mt19937State) -> Result<()> {
        if s.key.len() != N || s.pos > N {
            return Err(Error::invalid(
                "state must be 624 32-bit words and a position in 0..=624",
            ));
        }
        self.mt.copy_from_slice(&s.key);
        self.pos = s.pos;
        Ok(())
    }

    /// A copy advanced by `jumps * 2^128` steps (`MT19937.jumped(jumps)`),
    /// bit for bit NumPy's state (key and position). `jumps = 0` copies.
    ///
    /// The jump evaluates a fixed polynomial of degree < 19937 on the state
    /// by Horner's rule (~20 000 one-word steps and ~10 000 state additions
    /// per jump: a few milliseconds).
    ///
    /// ```
    /// use numox::random::Mt19937;
    /// let j = Mt19937::new(1).jumped(1);
    /// // np.random.MT19937(1).jumped().state['state']
    /// assert_eq!(j.state().pos, 588);
    /// assert_eq!(j.state().key[..3], [3194650941, 529026732, 3257170851]);
    /// ```
    pub fn jumped(&self, jumps: u64) -> Self {
        let mut j = self.clone();
        for _ in 0..jumps {
            super::mt19937_jump::jump(&mut j.mt, &mut j.pos);
        }
        j
    }

    fn generate(&mut self) {
        let mt = &mut self.mt;
        let twist = |a: u32, b: u32, m: u32| -> u32 {
            let y = (a & UPPER) | (b & LOWER);
            m ^ (y >> 1) ^ (0u32.wrapping_sub(y & 1) & MATRIX_A)
        };
        for i in 0..N - M {
            mt[i] = twist(mt[i], mt[i + 1], mt[i + M]);
        }
        for i in N - M..N - 1 {
            mt[i] = twist(mt[i], mt[i + 1], mt[i + M - N]);
        }
        mt[N - 1] = twist(mt[N - 1], mt[0], mt[M - 1]);
        self.pos = 0;
    }
}

impl BitGenerator for Mt19937 {
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.pos >= N {
            self.generate();
        }
        let mut y = self.mt[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two 32-bit words, the first in the high half (NumPy's `mt19937_next64`).
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        let hi = self.next_uint32() as u64;
        (hi << 32) | self.next_uint32() as u64
    }

    /// 53 bits from two words: 27 from the first, 26 from the second
    /// (NumPy's `mt19937_next_double`, the legacy `random_sample`).
    #[inline]
    fn next_double(&mut self) -> f64 {
        let a = (self.next_uint32() >> 5) as f64;
        let b = (self.next_uint32() >> 6) as f64;
        (a * 67108864.0 + b) / 9007199254740992.0
    }

    #[inline]
    fn next_raw(&mut self) -> u64 {
        self.next_uint32() as u64
    }
}

impl_rand_core!(Mt19937);

impl rand_core::SeedableRng for Mt19937 {
    /// A little-endian u32 for the legacy `init_genrand` seeding (`RandomState(seed)`).
    type Seed = [u8; 4];

    fn from_seed(seed: [u8; 4]) -> Self {
        Self::legacy_seed(u32::from_le_bytes(seed))
    }

    /// NumPy's `MT19937(state)`: seeded through `SeedSequence(state)`.
    fn seed_from_u64(state: u64) -> Self {
        Self::new(state as u128)
    }
}
