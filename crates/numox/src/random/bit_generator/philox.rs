//! Philox 4x64-10: the counter-based generator of Salmon et al. (Random123).

use super::{BitGenerator, impl_rand_core, seed_words};
use crate::random::SeedSequence;

const M0: u64 = 0xD2E7_470E_E14C_6C93;
const M1: u64 = 0xCA5A_8263_9512_1157;
const W0: u64 = 0x9E37_79B9_7F4A_7C15;
const W1: u64 = 0xBB67_AE85_84CA_A73B;

/// The state of a [`Philox`] (NumPy's `Philox.state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhiloxState {
    /// The 256-bit counter, low word first.
    pub counter: [u64; 4],
    /// The 128-bit key.
    pub key: [u64; 2],
    /// The last block of four outputs.
    pub buffer: [u64; 4],
    /// How many of `buffer`'s words have been served (4 = none left).
    pub buffer_pos: usize,
    /// Whether a 32-bit half is buffered.
    pub has_uint32: bool,
    /// The buffered 32-bit half.
    pub uinteger: u32,
}

/// NumPy's `Philox` (4x64, 10 rounds) bit generator.
///
/// ```
/// use numox::random::{BitGenerator, Philox};
/// assert_eq!(Philox::new(0xdeadbeaf).next_uint64(), 0xedc95200e2bd66a5); // NumPy's test set
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Philox {
    st: PhiloxState,
}

#[inline(always)]
fn mulhilo(a: u64, b: u64) -> (u64, u64) {
    let p = a as u128 * b as u128;
    ((p >> 64) as u64, p as u64)
}

/// Ten rounds of Philox 4x64 on `ctr` with `key`.
fn philox4x64_10(mut ctr: [u64; 4], mut key: [u64; 2]) -> [u64; 4] {
    for r in 0..10 {
        if r > 0 {
            key[0] = key[0].wrapping_add(W0);
            key[1] = key[1].wrapping_add(W1);
        }
        let (hi0, lo0) = mulhilo(M0, ctr[0]);
        let (hi1, lo1) = mulhilo(M1, ctr[2]);
        ctr = [hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0];
    }
    ctr
}

impl Philox {
    /// `Philox(seed)`: seeded through `SeedSequence(seed)`.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Philox};
    /// assert_eq!(Philox::new(0).next_uint64(), 0x399e5b222b82fa9);
    /// ```
    pub fn new(seed: u128) -> Self {
        Self::from_seed_sequence(&SeedSequence::new(seed))
    }

    /// `Philox(seed_sequence)`: key from `generate_state(2, uint64)`, counter 0.
    ///
    /// ```
    /// use numox::random::{Philox, SeedSequence};
    /// assert_eq!(Philox::from_seed_sequence(&SeedSequence::new(3)), Philox::new(3));
    /// ```
    pub fn from_seed_sequence(ss: &SeedSequence) -> Self {
        let v = ss.generate_state_u64(2);
        Self::from_key([v[0], v[1]], [0; 4])
    }

    /// `Philox(key=..., counter=...)`: an explicit key and starting counter.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Philox};
    /// let mut a = Philox::from_key([1, 2], [0; 4]);
    /// let mut b = Philox::from_key([1, 2], [1, 0, 0, 0]);
    /// for _ in 0..4 { a.next_uint64(); }
    /// assert_eq!(a.next_uint64(), b.next_uint64());
    /// ```
    pub fn from_key(key: [u64; 2], counter: [u64; 4]) -> Self {
        Philox {
            st: PhiloxState {
                counter,
                key,
                buffer: [0; 4],
                buffer_pos: 4,
                has_uint32: false,
                uinteger: 0,
            },
        }
    }

    /// The current state.
    ///
    /// ```
    /// use numox::random::Philox;
    /// assert_eq!(Philox::from_key([1, 2], [0; 4]).state().key, [1, 2]);
    /// ```
    pub fn state(&self) -> PhiloxState {
        self.st
    }

    /// Restore a state (`buffer_pos` is clamped to 4).
    ///
    /// ```
    /// use numox::random::{BitGenerator, Philox};
    /// let mut a = Philox::new(1);
    /// let s = a.state();
    /// let x = a.next_uint64();
    /// a.set_state(s);
    /// assert_eq!(a.next_uint64(), x);
    /// ```
    pub fn set_state(&mut self, s: PhiloxState) {
        self.st = s;
        self.st.buffer_pos = self.st.buffer_pos.min(4);
    }

    /// Advance the counter by `delta` blocks of four draws (`Philox.advance`),
    /// resetting the buffers as NumPy does.
    ///
    /// ```
    /// use numox::random::{BitGenerator, Philox};
    /// let mut a = Philox::new(5);
    /// let mut b = a.clone();
    /// for _ in 0..8 { a.next_uint64(); }
    /// b.advance(2);
    /// assert_eq!(a.next_uint64(), b.next_uint64());
    /// ```
    pub fn advance(&mut self, delta: u128) -> &mut Self {
        let c = &mut self.st.counter;
        let lo = (c[1] as u128) << 64 | c[0] as u128;
        let (sum, carry) = lo.overflowing_add(delta);
        c[0] = sum as u64;
        c[1] = (sum >> 64) as u64;
        if carry {
            let hi = ((c[3] as u128) << 64 | c[2] as u128).wrapping_add(1);
            c[2] = hi as u64;
            c[3] = (hi >> 64) as u64;
        }
        self.st.buffer_pos = 4;
        self.st.has_uint32 = false;
        self.st.uinteger = 0;
        self
    }

    /// A copy advanced by `jumps * 2^128` blocks (`Philox.jumped`).
    ///
    /// ```
    /// use numox::random::Philox;
    /// assert_eq!(Philox::new(5).jumped(1).state().counter[2], 1);
    /// ```
    pub fn jumped(&self, jumps: u128) -> Self {
        let mut j = self.clone();
        let c = &mut j.st.counter;
        let hi = ((c[3] as u128) << 64 | c[2] as u128).wrapping_add(jumps);
        c[2] = hi as u64;
        c[3] = (hi >> 64) as u64;
        j.st.buffer_pos = 4;
        j.st.has_uint32 = false;
        j.st.uinteger = 0;
        j
    }
}

impl BitGenerator for Philox {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        let st = &mut self.st;
        if st.buffer_pos < 4 {
            let out = st.buffer[st.buffer_pos];
            st.buffer_pos += 1;
            return out;
        }
        let c = &mut st.counter;
        c[0] = c[0].wrapping_add(1);
        if c[0] == 0 {
            c[1] = c[1].wrapping_add(1);
            if c[1] == 0 {
                c[2] = c[2].wrapping_add(1);
                if c[2] == 0 {
                    c[3] = c[3].wrapping_add(1);
                }
            }
        }
        st.buffer = philox4x64_10(st.counter, st.key);
        st.buffer_pos = 1;
        st.buffer[0]
    }

    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.st.has_uint32 {
            self.st.has_uint32 = false;
            return self.st.uinteger;
        }
        let n = self.next_uint64();
        self.st.has_uint32 = true;
        self.st.uinteger = (n >> 32) as u32;
        n as u32
    }
}

impl_rand_core!(Philox);

impl rand_core::SeedableRng for Philox {
    /// The 128-bit key as two little-endian u64 words (counter starts at 0).
    type Seed = [u8; 16];

    fn from_seed(seed: [u8; 16]) -> Self {
        let k = seed_words::<2>(&seed);
        Self::from_key(k, [0; 4])
    }

    /// NumPy's `Philox(state)`: seeded through `SeedSequence(state)`.
    fn seed_from_u64(state: u64) -> Self {
        Self::new(state as u128)
    }
}
