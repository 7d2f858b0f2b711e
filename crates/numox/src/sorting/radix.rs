//! The sorting engine under every numox sort: a stable radix sort on the
//! order-preserving unsigned keys of [`SortElement`], most significant
//! digit first while the data are larger than the caches (each bucket is
//! then sorted on its own, in parallel), least significant digit first
//! once a bucket fits in cache. Bytes on which every key agrees are
//! skipped, so `u8` data take one counting pass and floats in `[0, 1)`
//! skip the exponent byte. Complex numbers, which have no single key, go
//! through the standard library's stable merge sort with NumPy's order.

use super::element::SortElement;
use rayon::prelude::*;

/// Runs up to this length are sorted by insertion.
const SMALL: usize = 48;
/// Buckets up to this length are finished by least-significant-digit passes
/// (the bucket and its scratch fit in the L2 cache).
const LSD_MAX: usize = 1 << 15;
/// Buckets from this length are split over rayon's threads.
const PAR_MIN: usize = 1 << 16;

/// Sorts `v` stably by `key` (an unsigned key of up to 8 bytes).
pub(crate) fn radix_sort_by_key<T, F>(v: &mut [T], key: &F)
where
    T: Copy + Send + Sync,
    F: Fn(&T) -> u64 + Sync,
{
    if v.len() <= SMALL {
        insertion_sort(v, key);
        return;
    }
    let mut scratch = v.to_vec();
    if !sort_rec(v, &mut scratch, 8, key) {
        v.copy_from_slice(&scratch);
    }
}

/// Stable insertion sort by key.
fn insertion_sort<T: Copy, F: Fn(&T) -> u64>(v: &mut [T], key: &F) {
    for i in 1..v.len() {
        let x = v[i];
        let kx = key(&x);
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > kx {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Moves `src` into `dst` ordered (stably) by byte `b` of the key, with
/// `offsets` the start of each bucket in `dst` (advanced as it goes).
#[inline]
fn scatter<T: Copy, F: Fn(&T) -> u64>(
    src: &[T],
    dst: &mut [T],
    b: usize,
    offsets: &mut [usize; 256],
    key: &F,
) {
    let shift = 8 * b;
    for x in src {
        let d = ((key(x) >> shift) & 0xff) as usize;
        let o = offsets[d];
        dst[o] = *x;
        offsets[d] = o + 1;
    }
}

/// Exclusive prefix sums of a histogram.
#[inline]
fn starts(hist: &[usize; 256]) -> [usize; 256] {
    let mut off = [0usize; 256];
    let mut acc = 0;
    for (o, &h) in off.iter_mut().zip(hist) {
        *o = acc;
        acc += h;
    }
    off
}

/// Sorts `a` stably on key bytes `0..bytes` using `b` (same length) as the
/// other buffer; returns `true` when the result is in `a`, `false` when in `b`.
fn sort_rec<T, F>(a: &mut [T], b: &mut [T], bytes: usize, key: &F) -> bool
where
    T: Copy + Send + Sync,
    F: Fn(&T) -> u64 + Sync,
{
    let n = a.len();
    if n <= SMALL {
        insertion_sort(a, key);
        return true;
    }
    if n <= LSD_MAX {
        // Least significant digit first, all histograms from one pass;
        // bytes where every key agrees are skipped.
        let mut hist = [[0u32; 256]; 8];
        for x in a.iter() {
            let k = key(x);
            for (i, h) in hist.iter_mut().enumerate().take(bytes) {
                h[((k >> (8 * i)) & 0xff) as usize] += 1;
            }
        }
        let mut in_a = true;
        for (i, h) in hist.iter().enumerate().take(bytes) {
            if h.iter().any(|&c| c as usize == n) {
                continue;
            }
            let mut off = [0usize; 256];
            let mut acc = 0usize;
            for (o, &c) in off.iter_mut().zip(h) {
                *o = acc;
                acc += c as usize;
            }
            if in_a {
                scatter(a, b, i, &mut off, key);
            } else {
                scatter(b, a, i, &mut off, key);
            }
            in_a = !in_a;
        }
        return in_a;
    }
    // Most significant varying byte first: one pass into buckets, then each
    // bucket is sorted on the bytes below (in parallel when large).
    let mut top = bytes;
    let hist = loop {
        if top == 0 {
            return true;
        }
        top -= 1;
        let shift = 8 * top;
        let mut hist = [0usize; 256];
        for x in a.iter() {
            hist[((key(x) >> shift) & 0xff) as usize] += 1;
        }
        if !hist.contains(&n) {
            break hist;
        }
    };
    let mut off = starts(&hist);
    scatter(a, b, top, &mut off, key);
    let mut parts: Vec<(&mut [T], &mut [T])> = Vec::with_capacity(256);
    let (mut a_rest, mut b_rest) = (a, b);
    for &h in hist.iter() {
        if h == 0 {
            continue;
        }
        let (x, xr) = a_rest.split_at_mut(h);
        let (y, yr) = b_rest.split_at_mut(h);
        parts.push((x, y));
        a_rest = xr;
        b_rest = yr;
    }
    // Each bucket now lives in `b`; sort it there and bring it back to `a`
    // when it did not end there.
    let finish = |(x, y): &mut (&mut [T], &mut [T])| {
        if !sort_rec(y, x, top, key) {
            // the result is in `x` already
            return;
        }
        x.copy_from_slice(y);
    };
    if n >= PAR_MIN {
        parts.par_iter_mut().for_each(finish);
    } else {
        parts.iter_mut().for_each(finish);
    }
    true
}

/// Sorts a slice stably in NumPy's order.
pub(crate) fn sort_slice<T: SortElement>(v: &mut [T]) {
    let n = v.len();
    if T::KEY_BYTES == 0 {
        v.sort_by(|a, b| a.np_cmp(b));
    } else if n <= SMALL {
        insertion_sort(v, &|x: &T| x.sort_key());
    } else if T::KEY_BYTES <= 2 {
        // bool and 8/16-bit integers: a counting sort (equal keys are equal values).
        let mut hist = vec![0usize; 1 << (8 * T::KEY_BYTES)];
        for x in v.iter() {
            hist[x.raw_key() as usize] += 1;
        }
        let mut pos = 0;
        for (k, &c) in hist.iter().enumerate() {
            if c > 0 {
                v[pos..pos + c].fill(T::from_raw_key(k as u64));
                pos += c;
            }
        }
    } else {
        // Sort the bijective keys when they order the data as NumPy does
        // (no -0.0, no NaN but the standard one); otherwise sort the values
        // by their canonical keys, which keeps -0.0/0.0 and NaNs stable.
        let mut special = false;
        let mut keys: Vec<u64> = v
            .iter()
            .map(|&x| {
                special |= x.raw_key_special();
                x.raw_key()
            })
            .collect();
        if special {
            drop(keys);
            radix_sort_by_key(v, &|x: &T| x.sort_key());
        } else {
            radix_sort_by_key(&mut keys, &|k: &u64| *k);
            for (x, k) in v.iter_mut().zip(keys) {
                *x = T::from_raw_key(k);
            }
        }
    }
}

/// Writes into `out` the indices that sort `v` stably in NumPy's order.
pub(crate) fn argsort_slice<T: SortElement>(v: &[T], out: &mut [i64]) {
    let n = v.len();
    debug_assert_eq!(out.len(), n);
    if T::KEY_BYTES == 0 {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by(|&a, &b| v[a].np_cmp(&v[b]));
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
    } else if T::KEY_BYTES <= 4 && n <= u32::MAX as usize {
        // Key and index packed in one u64: the radix sees only the key bytes.
        let mut p: Vec<u64> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (x.sort_key() << 32) | i as u64)
            .collect();
        radix_sort_by_key(&mut p, &|x: &u64| *x >> 32);
        for (o, x) in out.iter_mut().zip(p) {
            *o = (x & 0xffff_ffff) as i64;
        }
    } else {
        let mut p: Vec<(u64, u64)> = v
            .iter()
            .enumerate()
            .map(|(i, x)| (x.sort_key(), i as u64))
            .collect();
        radix_sort_by_key(&mut p, &|x: &(u64, u64)| x.0);
        for (o, x) in out.iter_mut().zip(p) {
            *o = x.1 as i64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(n: usize, seed: u64) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s
            })
            .collect()
    }

    #[test]
    fn radix_matches_std_sort_at_every_size_class() {
        for &n in &[0, 1, 5, SMALL + 1, 1000, LSD_MAX + 3, PAR_MIN * 3] {
            let raw = lcg(n, n as u64 + 1);
            let mut f: Vec<f64> = raw
                .iter()
                .map(|&x| (x >> 11) as f64 / (1u64 << 53) as f64 - 0.25)
                .collect();
            let mut want = f.clone();
            want.sort_by(|a, b| a.partial_cmp(b).unwrap());
            sort_slice(&mut f);
            assert_eq!(f, want, "n={n}");
            let mut i: Vec<i16> = raw.iter().map(|&x| (x >> 40) as i16).collect();
            let mut want = i.clone();
            want.sort();
            let mut idx = vec![0i64; n];
            argsort_slice(&i, &mut idx);
            let taken: Vec<i16> = idx.iter().map(|&k| i[k as usize]).collect();
            assert_eq!(taken, want);
            sort_slice(&mut i);
            assert_eq!(i, want);
        }
    }

    #[test]
    fn argsort_is_stable_for_wide_and_narrow_keys() {
        let n = 100_000;
        let v: Vec<i64> = lcg(n, 3).iter().map(|&x| (x % 7) as i64 - 3).collect();
        let mut idx = vec![0i64; n];
        argsort_slice(&v, &mut idx);
        for w in idx.windows(2) {
            let (a, b) = (w[0] as usize, w[1] as usize);
            assert!(v[a] < v[b] || (v[a] == v[b] && a < b));
        }
        let v32: Vec<f32> = v.iter().map(|&x| x as f32 * 0.0).collect(); // mixes -0.0 and 0.0
        argsort_slice(&v32, &mut idx);
        assert!(
            idx.windows(2).all(|w| w[0] < w[1]),
            "all zeros are equal: stable keeps order"
        );
    }
}
