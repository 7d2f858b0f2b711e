//! The inputs both halves of the bench share: a counter-based SplitMix64
//! stream (element `i` is `mix(seed + (i + 1) * golden)`), mapped to [0, 1)
//! doubles by taking the top 53 bits. `bench/python/bench_numpy.py`
//! implements the same formula with NumPy's uint64 arithmetic.

use numox::prelude::*;

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `n` uniform doubles in [0, 1) from stream `seed`.
pub fn splitmix_f64(seed: u64, n: usize) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            (mix(seed.wrapping_add((i + 1).wrapping_mul(GOLDEN))) >> 11) as f64 * (1.0 / 9007199254740992.0)
        })
        .collect()
}

/// A numox-allocated array of `shape` (so it gets the same huge-page hint
/// as NumPy's large arrays) filled from stream `seed`.
fn filled(seed: u64, shape: &[usize]) -> Array<f64> {
    let mut a = Array::<f64>::zeros(shape);
    let n = a.size();
    a.as_slice_mut()
        .expect("fresh arrays are contiguous")
        .copy_from_slice(&splitmix_f64(seed, n));
    a
}

/// A 1-d array of 10^7 doubles from stream `seed`.
pub fn vec(seed: u64) -> Array<f64> {
    filled(seed, &[10_000_000])
}

/// An `r` x `c` matrix from stream `seed`, C order.
pub fn mat(seed: u64, r: usize, c: usize) -> Array<f64> {
    filled(seed, &[r, c])
}
