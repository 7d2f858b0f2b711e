//! `SeedSequence`: NumPy's entropy mixer that turns a seed into bit-generator state.
//!
//! The algorithm is NumPy's (after Melissa O'Neill's `seed_seq` design): the
//! entropy words are hashed into a pool of `pool_size` 32-bit words with a
//! multiply-xorshift hash, every pool word is mixed into every other, and
//! `generate_state` runs a second hash over the pool to produce as many words
//! as asked for.

use crate::error::{Error, Result};

const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

/// The default pool size (in 32-bit words) of NumPy's `SeedSequence`.
pub const DEFAULT_POOL_SIZE: usize = 4;

/// Split a non-negative integer into little-endian 32-bit words (`0` gives `[0]`),
/// as NumPy's `_coerce_to_uint32_array` does for a Python int.
fn int_to_words(mut n: u128, out: &mut Vec<u32>) {
    if n == 0 {
        out.push(0);
        return;
    }
    while n > 0 {
        out.push(n as u32);
        n >>= 32;
    }
}

/// NumPy's `SeedSequence`: mixes seed entropy (and a spawn key) into a pool
/// from which bit generators draw their initial state.
///
/// `SeedSequence::new(42)` is `np.random.SeedSequence(42)`; sequences of
/// integers are [`SeedSequence::from_entropy_seq`]; children for parallel
/// streams come from [`spawn`](SeedSequence::spawn).
///
/// ```
/// use numox::random::SeedSequence;
/// let ss = SeedSequence::new(42);
/// // np.random.SeedSequence(42).generate_state(2)
/// assert_eq!(ss.generate_state_u32(2), vec![3444837047, 2669555309]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedSequence {
    entropy: Vec<u32>,
    spawn_key: Vec<u64>,
    pool_size: usize,
    n_children_spawned: u64,
    pool: Vec<u32>,
}

impl SeedSequence {
    /// `SeedSequence(entropy)` for an integer seed.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(0).pool().len(), 4);
    /// ```
    pub fn new(entropy: u128) -> Self {
        let mut words = Vec::new();
        int_to_words(entropy, &mut words);
        Self::from_parts(words, Vec::new(), DEFAULT_POOL_SIZE).expect("pool size 4 is valid")
    }

    /// `SeedSequence([e0, e1, ...])`: entropy given as a sequence of integers
    /// (each contributes its 32-bit words in order, as NumPy does).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let ss = SeedSequence::from_entropy_seq(&[1, 2, 3]);
    /// assert_eq!(ss.entropy_words(), &[1, 2, 3]);
    /// ```
    pub fn from_entropy_seq(entropy: &[u128]) -> Self {
        let mut words = Vec::new();
        for &e in entropy {
            int_to_words(e, &mut words);
        }
        Self::from_parts(words, Vec::new(), DEFAULT_POOL_SIZE).expect("pool size 4 is valid")
    }

    /// A seed sequence from fresh operating-system entropy (128 bits), as
    /// `SeedSequence()` with no argument. The entropy is available from
    /// [`entropy_words`](Self::entropy_words) to reproduce the stream.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let a = SeedSequence::from_os_entropy();
    /// let b = SeedSequence::from_os_entropy();
    /// assert_ne!(a.entropy_words(), b.entropy_words());
    /// ```
    pub fn from_os_entropy() -> Self {
        Self::new(os_entropy_u128())
    }

    /// The full constructor: entropy words, spawn key and pool size
    /// (`SeedSequence(entropy, spawn_key=..., pool_size=...)`).
    ///
    /// Errors if `pool_size < 4` (NumPy's ValueError).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let child = SeedSequence::with_spawn_key(&[42], &[1], 4).unwrap();
    /// assert_eq!(child, SeedSequence::new(42).spawn(2)[1]);
    /// assert!(SeedSequence::with_spawn_key(&[42], &[], 2).is_err());
    /// ```
    pub fn with_spawn_key(entropy: &[u128], spawn_key: &[u64], pool_size: usize) -> Result<Self> {
        let mut words = Vec::new();
        for &e in entropy {
            int_to_words(e, &mut words);
        }
        Self::from_parts(words, spawn_key.to_vec(), pool_size)
    }

    fn from_parts(entropy: Vec<u32>, spawn_key: Vec<u64>, pool_size: usize) -> Result<Self> {
        if pool_size < DEFAULT_POOL_SIZE {
            return Err(Error::invalid(format!(
                "The size of the entropy pool should be at least {DEFAULT_POOL_SIZE}"
            )));
        }
        let mut ss = SeedSequence {
            entropy,
            spawn_key,
            pool_size,
            n_children_spawned: 0,
            pool: Vec::new(),
        };
        ss.mix_entropy();
        Ok(ss)
    }

    fn assembled_entropy(&self) -> Vec<u32> {
        let mut run = self.entropy.clone();
        let mut spawn = Vec::new();
        for &k in &self.spawn_key {
            int_to_words(k as u128, &mut spawn);
        }
        if !spawn.is_empty() && run.len() < self.pool_size {
            run.resize(self.pool_size, 0);
        }
        run.extend_from_slice(&spawn);
        run
    }

    fn mix_entropy(&mut self) {
        let ent = self.assembled_entropy();
        let n = self.pool_size;
        let mut hash_const = INIT_A;
        let mut hashmix = |v: u32| -> u32 {
            let mut v = v ^ hash_const;
            hash_const = hash_const.wrapping_mul(MULT_A);
            v = v.wrapping_mul(hash_const);
            v ^ (v >> XSHIFT)
        };
        let mix = |x: u32, y: u32| -> u32 {
            let r = MIX_MULT_L
                .wrapping_mul(x)
                .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
            r ^ (r >> XSHIFT)
        };
        let mut pool: Vec<u32> = (0..n)
            .map(|i| hashmix(ent.get(i).copied().unwrap_or(0)))
            .collect();
        for s in 0..n {
            for d in 0..n {
                if s != d {
                    let h = hashmix(pool[s]);
                    pool[d] = mix(pool[d], h);
                }
            }
        }
        for &e in ent.iter().skip(n) {
            for p in pool.iter_mut() {
                *p = mix(*p, hashmix(e));
            }
        }
        self.pool = pool;
    }

    /// The mixed entropy pool (`SeedSequence.pool`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(42).pool().len(), 4);
    /// ```
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }

    /// The entropy as 32-bit words (what `SeedSequence.entropy` holds, split into words).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1 << 32).entropy_words(), &[0, 1]);
    /// ```
    pub fn entropy_words(&self) -> &[u32] {
        &self.entropy
    }

    /// The spawn key (`SeedSequence.spawn_key`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1).spawn(3)[2].spawn_key(), &[2]);
    /// ```
    pub fn spawn_key(&self) -> &[u64] {
        &self.spawn_key
    }

    /// The pool size in 32-bit words (`SeedSequence.pool_size`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(1).pool_size(), 4);
    /// ```
    pub fn pool_size(&self) -> usize {
        self.pool_size
    }

    /// How many children [`spawn`](Self::spawn) has made (`n_children_spawned`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let mut ss = SeedSequence::new(1);
    /// ss.spawn(2);
    /// assert_eq!(ss.n_children_spawned(), 2);
    /// ```
    pub fn n_children_spawned(&self) -> u64 {
        self.n_children_spawned
    }

    /// `n_words` 32-bit words of state (`generate_state(n_words, np.uint32)`).
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// assert_eq!(SeedSequence::new(42).generate_state_u32(3).len(), 3);
    /// ```
    pub fn generate_state_u32(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        let n = self.pool.len();
        (0..n_words)
            .map(|i| {
                let mut v = self.pool[i % n] ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `n_words` 64-bit words of state (`generate_state(n_words, np.uint64)`):
    /// pairs of 32-bit words, low word first.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let ss = SeedSequence::new(7);
    /// let w32 = ss.generate_state_u32(2);
    /// assert_eq!(ss.generate_state_u64(1)[0], w32[0] as u64 | (w32[1] as u64) << 32);
    /// ```
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        let w = self.generate_state_u32(2 * n_words);
        w.chunks_exact(2)
            .map(|p| p[0] as u64 | (p[1] as u64) << 32)
            .collect()
    }

    /// `n_children` independent child sequences (`SeedSequence.spawn`): same
    /// entropy, spawn key extended by the child's index.
    ///
    /// ```
    /// use numox::random::SeedSequence;
    /// let mut ss = SeedSequence::new(42);
    /// let kids = ss.spawn(2);
    /// assert_ne!(kids[0].pool(), kids[1].pool());
    /// assert_eq!(ss.spawn(1)[0].spawn_key(), &[2]);
    /// ```
    pub fn spawn(&mut self, n_children: usize) -> Vec<SeedSequence> {
        let start = self.n_children_spawned;
        let kids = (0..n_children as u64)
            .map(|i| {
                let mut key = self.spawn_key.clone();
                key.push(start + i);
                Self::from_parts(self.entropy.clone(), key, self.pool_size).expect("valid pool size")
            })
            .collect();
        self.n_children_spawned += n_children as u64;
        kids
    }
}

/// 128 bits of entropy from the operating system's hashing seed, the clock
/// and the process id (std only: no extra dependency).
pub(crate) fn os_entropy_u128() -> u128 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut out = 0u128;
    for half in 0..2u32 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos());
        h.write_u128(t.unwrap_or(0));
        h.write_u32(std::process::id());
        out |= (h.finish() as u128) << (64 * half);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_matches_numpy() {
        // np.random.SeedSequence(42).pool
        assert_eq!(
            SeedSequence::new(42).pool(),
            &[1662858758, 128880814, 1875164712, 753753205]
        );
    }

    #[test]
    fn big_entropy_and_spawn_key() {
        let ss = SeedSequence::new(12345678901234567890123);
        assert_eq!(ss.entropy_words().len(), 3);
        let c = SeedSequence::with_spawn_key(&[42], &[1], 4).unwrap();
        assert_eq!(c.spawn_key(), &[1]);
    }
}
