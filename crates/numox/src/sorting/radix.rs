//! The sorting engine under every numox sort: a stable radix sort on the
//! order-preserving unsigned keys of [`SortElement`], most significant
//! digit first. Each pass first finds the bits on which the keys of its
//! slice differ (one read), then distributes the slice on the highest
//! 11 of them (2048 buckets) into the other buffer; each bucket is then
//! sorted on its own the same way, back into the first buffer, and runs of
//! up to `SMALL` keys by insertion. Leading bits every key shares are
//! never looked at, so `[0, 1)` doubles skip the sign and most of the
//! exponent, and small integers in an `i64` take one or two passes; a run
//! of equal keys stops at once.
//!
//! Slices that fit in the L2 cache with their scratch copy (most buckets
//! below the first pass) are instead sorted on their top `log2(n) + 4`
//! differing bits by one or two least-significant-digit passes, which
//! leaves few keys sharing those bits, and then finished run by run.
//!
//! Large slices are read and distributed by all of rayon's threads (each
//! thread a contiguous piece, with its own histogram and its own range of
//! positions in every bucket, so the result is the stable order whatever
//! the thread count), and the buckets are then sorted in parallel, each
//! with a scratch buffer of its own size. A sort into a new array
//! distributes the input straight into the result; an in-place sort first
//! copies its data. Keys are computed on the fly from the elements (a few
//! bit operations); large buffers get the transparent-huge-page hint, as
//! they would be mostly page faults otherwise. Complex numbers, which have
//! no single key, go through the standard library's stable merge sort with
//! NumPy's order.

use super::element::SortElement;
use crate::array::copy::vec_with_capacity;

/// Runs up to this length are sorted by insertion.
const SMALL: usize = 32;
/// Widest digit (bits) of one distribution pass: 2048 buckets, whose
/// counters and write positions stay in the L1/L2 caches.
const MAX_DIGIT: u32 = 11;
/// Slices of at most this many bytes (half the L2 cache of a current core,
/// with the scratch copy beside them) are sorted by least significant digit
/// on their top bits, then finished run by run (see [`lsd_then_runs`]).
const LSD_MAX_BYTES: usize = 1 << 20;
/// Bits beyond `log2(n)` that [`lsd_then_runs`] sorts on: with `2^4 = 16`
/// times more prefixes than keys, few keys share a prefix with a neighbour,
/// so the finishing scan rarely has anything left to sort.
const LSD_EXTRA_BITS: u32 = 4;
/// Slices from this length are read and distributed by several threads.
const PAR_MIN: usize = 1 << 16;
/// Counters one single-threaded sort needs: one histogram per level of
/// recursion. Every level consumes its digit's bits (its highest bit
/// differs, so each bucket is smaller than its parent and agrees on the
/// digit), so the widths of a chain of levels add up to at most 64, each at
/// most `MAX_DIGIT`: at most `5 * 2048 + 512` counters.
const WORKSPACE: usize = 6 << MAX_DIGIT;

/// A raw pointer that may cross threads: the parallel distribution pass
/// hands every thread its own disjoint set of destination positions.
#[derive(Clone, Copy)]
struct SendPtr<T>(*mut T);
// SAFETY: only used to write disjoint positions of one buffer from
// different threads (see `distribute`), while no other reference to it is used.
unsafe impl<T: Send> Send for SendPtr<T> {}
// SAFETY: as above; threads share the pointer, never a position.
unsafe impl<T: Send> Sync for SendPtr<T> {}

/// Sorts `v` stably by `key` (any unsigned key up to 64 bits wide).
pub(crate) fn radix_sort<T, F>(v: &mut [T], key: &F)
where
    T: Copy + Send + Sync,
    F: Fn(T) -> u64 + Sync,
{
    let n = v.len();
    if n <= SMALL {
        insertion_sort(v, key);
    } else if n < PAR_MIN {
        let mut scratch = v.to_vec();
        let mut ws = vec![0usize; WORKSPACE];
        sort_seq(v, &mut scratch, true, key, &mut ws);
    } else {
        let mut src = vec_with_capacity(n);
        src.extend_from_slice(v);
        // SAFETY: `v` has room for `n = src.len()` elements.
        if let Some(sizes) = unsafe { distribute(n, &slice_get(&src), SendPtr(v.as_mut_ptr()), key) } {
            sort_buckets(v, &sizes, key, &|_, _| {});
        }
    }
}

/// Appends `src` sorted stably by `key` to `out`, which must be empty
/// (and should have room for `src.len()` elements). Large inputs are
/// distributed from `src` straight into `out`, whose buckets are then
/// sorted in place, each with a scratch buffer of its own size: a sort
/// into a new array needs no copy of the whole input and no scratch array
/// of the full length.
pub(crate) fn radix_sort_into<T, F>(src: &[T], out: &mut Vec<T>, key: &F)
where
    T: Copy + Send + Sync,
    F: Fn(T) -> u64 + Sync,
{
    debug_assert!(out.is_empty());
    let n = src.len();
    if n < PAR_MIN {
        out.extend_from_slice(src);
        radix_sort(out, key);
        return;
    }
    out.reserve_exact(n);
    // SAFETY: `out` has room for `n` elements (reserved above).
    match unsafe { distribute(n, &slice_get(src), SendPtr(out.as_mut_ptr()), key) } {
        None => out.extend_from_slice(src),
        Some(sizes) => {
            // SAFETY: `distribute` wrote every one of the `n` positions
            // (the bucket positions are a permutation of `0..n`), and `T`
            // is `Copy`, so there is nothing to drop.
            unsafe { out.set_len(n) };
            sort_buckets(out, &sizes, key, &|_, _| {});
        }
    }
}

/// Sorts each bucket of `v` (consecutive pieces of the given sizes) in
/// place, in parallel, each with a scratch buffer of its own size, and then
/// hands each sorted bucket to `finish` with its position in `v` (while it
/// is still in that thread's cache).
fn sort_buckets<T, F, H>(v: &mut [T], sizes: &[usize], key: &F, finish: &H)
where
    T: Copy + Send + Sync,
    F: Fn(T) -> u64 + Sync,
    H: Fn(usize, &[T]) + Sync,
{
    let mut parts: Vec<(usize, &mut [T])> = Vec::with_capacity(sizes.len());
    let (mut rest, mut start) = (v, 0);
    for &h in sizes.iter().filter(|&&h| h > 0) {
        let (part, tail) = std::mem::take(&mut rest).split_at_mut(h);
        parts.push((start, part));
        rest = tail;
        start += h;
    }
    // Largest buckets first, so that no thread is left with a big one at
    // the end.
    parts.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
    let sort_part = |(ws, scratch): &mut (Vec<usize>, Vec<T>), (start, part): (usize, &mut [T])| {
        if part.len() <= SMALL {
            insertion_sort(part, key);
        } else {
            if scratch.len() < part.len() {
                *scratch = vec_with_capacity(part.len());
                scratch.extend_from_slice(part);
            }
            sort_seq(part, &mut scratch[..part.len()], true, key, ws);
        }
        finish(start, part);
    };
    crate::parallel::for_each_item_init(parts, &|| (vec![0usize; WORKSPACE], Vec::new()), &sort_part);
}

/// Stable insertion sort by key.
#[inline]
fn insertion_sort<T: Copy, F: Fn(T) -> u64>(v: &mut [T], key: &F) {
    for i in 1..v.len() {
        let x = v[i];
        let kx = key(x);
        let mut j = i;
        while j > 0 && key(v[j - 1]) > kx {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Stable insertion sort of `src`, written into `dst` (same length).
#[inline]
fn insertion_sort_into<T: Copy, F: Fn(T) -> u64>(src: &[T], dst: &mut [T], key: &F) {
    for (i, &x) in src.iter().enumerate() {
        let kx = key(x);
        let mut j = i;
        while j > 0 && key(dst[j - 1]) > kx {
            dst[j] = dst[j - 1];
            j -= 1;
        }
        dst[j] = x;
    }
}

/// The digit of a pass over `n` keys whose highest differing bit is
/// `hi - 1`: its shift and width. At most `MAX_DIGIT` bits, and no more
/// buckets than keys.
#[inline]
fn digit(n: usize, hi: u32) -> (u32, u32) {
    let width = MAX_DIGIT.min(hi).min(n.ilog2().max(1));
    (hi - width, width)
}

/// The bits on which the keys of `v` (not empty) differ: the OR of every
/// key XOR the first.
#[inline]
fn varying<T: Copy, F: Fn(T) -> u64>(v: &[T], key: &F) -> u64 {
    let k0 = key(v[0]);
    v.iter().fold(0u64, |acc, &x| acc | (key(x) ^ k0))
}

/// Element `i` of `src`, for [`distribute`] (which asks only for `i < src.len()`).
#[inline(always)]
fn slice_get<T: Copy + Sync>(src: &[T]) -> impl Fn(usize) -> T + Sync + '_ {
    // SAFETY: `distribute` calls this only with `i < n = src.len()`.
    move |i| unsafe { *src.get_unchecked(i) }
}

/// The first, most significant digit pass of a large sort: distributes the
/// `n` elements `get(0..n)` into `out` on the highest `MAX_DIGIT` bits where
/// the keys differ, read and written by every thread (each a contiguous
/// range of indices, with its own histogram and its own range of positions
/// in every bucket, so the order is the stable one whatever the thread
/// count). Returns the bucket sizes, or `None` (and writes nothing) when all
/// keys are equal. `get` may build the elements on the fly (argsort pairs
/// each key with its index), so the input needs no copy of its own.
///
/// # Safety
/// `out` must be valid for writes of `n` elements, none of which is read
/// or written elsewhere while this runs; `get` must accept every `i < n`.
unsafe fn distribute<T, F, G>(n: usize, get: &G, out: SendPtr<T>, key: &F) -> Option<Vec<usize>>
where
    T: Copy + Send + Sync,
    F: Fn(T) -> u64 + Sync,
    G: Fn(usize) -> T + Sync,
{
    let piece = n.div_ceil(rayon::current_num_threads().max(1));
    let npieces = n.div_ceil(piece);
    let range = |p: usize| p * piece..((p + 1) * piece).min(n);
    let k0 = key(get(0));
    let diff = crate::parallel::map_collect(npieces, &|p| {
        range(p).fold(0u64, |acc, i| acc | (key(get(i)) ^ k0))
    })
    .into_iter()
    .fold(0, |x, y| x | y);
    if diff == 0 {
        return None;
    }
    let (shift, width) = digit(n, 64 - diff.leading_zeros());
    let buckets = 1usize << width;
    let mask = (buckets - 1) as u64;
    let dig = |x: T| ((key(x) >> shift) & mask) as usize;
    // Each piece's histogram, turned into its write positions: bucket by
    // bucket, the pieces in order, which keeps the sort stable.
    let mut offsets: Vec<Vec<usize>> = crate::parallel::map_collect(npieces, &|p| {
        let mut h = vec![0usize; buckets];
        for i in range(p) {
            h[dig(get(i))] += 1;
        }
        h
    });
    let mut sizes = vec![0usize; buckets];
    let mut acc = 0usize;
    for (d, size) in sizes.iter_mut().enumerate() {
        for h in offsets.iter_mut() {
            let c = h[d];
            h[d] = acc;
            acc += c;
            *size += c;
        }
    }
    crate::parallel::for_each_item(offsets.iter_mut().collect(), &|c, off: &mut Vec<usize>| {
        let p = out;
        for i in range(c) {
            let x = get(i);
            let d = dig(x);
            let o = off[d];
            debug_assert!(o < n);
            // SAFETY: `o < n`, and `out` is valid for `n` writes that
            // nothing else touches (the caller's contract): the positions
            // of piece `c` in bucket `d` are `start(d) + (count of d in
            // pieces before c)` up to that plus its own count of `d`, so
            // each position is written exactly once over all threads.
            unsafe { p.0.add(o).write(x) };
            off[d] = o + 1;
        }
    });
    Some(sizes)
}

/// Sorts the contents of `a` stably on one thread, into `a` itself
/// (`into_a`) or into `b` (same length; the other buffer is scratch), with
/// `ws` for the histograms of this level and those below.
fn sort_seq<T, F>(a: &mut [T], b: &mut [T], into_a: bool, key: &F, ws: &mut [usize])
where
    T: Copy,
    F: Fn(T) -> u64,
{
    let n = a.len();
    if n <= SMALL {
        if into_a {
            insertion_sort(a, key);
        } else {
            insertion_sort_into(a, b, key);
        }
        return;
    }
    let diff = varying(a, key);
    if diff == 0 {
        if !into_a {
            b.copy_from_slice(a);
        }
        return;
    }
    let hi = 64 - diff.leading_zeros();
    if std::mem::size_of_val(a) <= LSD_MAX_BYTES {
        let k = hi.min(n.ilog2() + LSD_EXTRA_BITS);
        if k <= 2 * MAX_DIGIT {
            lsd_then_runs(a, b, into_a, key, ws, hi, k);
            return;
        }
    }
    let (shift, width) = digit(n, hi);
    let mask = (1u64 << width) - 1;
    let (off, rest) = ws.split_at_mut(1 << width);
    off.fill(0);
    for &x in a.iter() {
        off[((key(x) >> shift) & mask) as usize] += 1;
    }
    let mut acc = 0usize;
    for o in off.iter_mut() {
        let c = *o;
        *o = acc;
        acc += c;
    }
    for &x in a.iter() {
        let d = ((key(x) >> shift) & mask) as usize;
        b[off[d]] = x;
        off[d] += 1;
    }
    // `off[d]` is now where bucket `d` ends in `b`; sort each bucket from
    // there into the wanted buffer.
    let mut start = 0;
    for &end in off.iter() {
        if end > start {
            sort_seq(&mut b[start..end], &mut a[start..end], !into_a, key, rest);
        }
        start = end;
    }
}

/// Sorts `a` (whose keys differ in no bit from `hi` up) stably into `a`
/// (`into_a`) or `b`, first on the `k` key bits below `hi` by one or two
/// least-significant-digit passes (the counts of both digits from one
/// read), then each run of keys that agree on those bits on the bits below.
/// With `k` a few bits more than `log2(n)`, most runs are single keys, so
/// the finishing scan is one compare per key instead of the small-bucket
/// recursion of a most-significant-digit pass, whose insertion sorts cost
/// a mispredicted branch per key. Counters: at most `2^11 + 2^11` here, no
/// more than two most-significant-digit levels of the same widths.
fn lsd_then_runs<T, F>(a: &mut [T], b: &mut [T], into_a: bool, key: &F, ws: &mut [usize], hi: u32, k: u32)
where
    T: Copy,
    F: Fn(T) -> u64,
{
    let n = a.len();
    let lo = hi - k;
    // The low digit `w1` and the high digit `w2` (0: one pass).
    let (w1, w2) = if k <= MAX_DIGIT {
        (k, 0)
    } else {
        (k - k / 2, k / 2)
    };
    let (low, rest) = ws.split_at_mut(1 << w1);
    let (high, rest) = rest.split_at_mut(if w2 > 0 { 1 << w2 } else { 0 });
    low.fill(0);
    high.fill(0);
    let m1 = (1u64 << w1) - 1;
    let m2 = (1u64 << w2) - 1;
    if w2 > 0 {
        for &x in a.iter() {
            let kx = key(x) >> lo;
            low[(kx & m1) as usize] += 1;
            high[((kx >> w1) & m2) as usize] += 1;
        }
    } else {
        for &x in a.iter() {
            low[((key(x) >> lo) & m1) as usize] += 1;
        }
    }
    for counts in [&mut *low, &mut *high] {
        let mut acc = 0usize;
        for c in counts.iter_mut() {
            let here = *c;
            *c = acc;
            acc += here;
        }
    }
    for &x in a.iter() {
        let d = ((key(x) >> lo) & m1) as usize;
        b[low[d]] = x;
        low[d] += 1;
    }
    let in_a = w2 > 0;
    if in_a {
        for &x in b.iter() {
            let d = ((key(x) >> (lo + w1)) & m2) as usize;
            a[high[d]] = x;
            high[d] += 1;
        }
    }
    let (data, other) = if in_a { (a, b) } else { (b, a) };
    if lo > 0 {
        let mut i = 0;
        while i < n {
            let prefix = key(data[i]) >> lo;
            let mut j = i + 1;
            while j < n && key(data[j]) >> lo == prefix {
                j += 1;
            }
            if j - i > SMALL {
                sort_seq(&mut data[i..j], &mut other[i..j], true, key, rest);
            } else if j - i > 1 {
                insertion_sort(&mut data[i..j], key);
            }
            i = j;
        }
    }
    if in_a != into_a {
        other.copy_from_slice(data);
    }
}

/// An argsort item: a key and the index it came from (12 bytes, so the
/// passes move a third less memory than an aligned pair would).
#[derive(Clone, Copy)]
#[repr(C, packed)]
struct Keyed {
    key: u64,
    idx: u32,
}

/// Sorts a slice stably in NumPy's order.
pub(crate) fn sort_slice<T: SortElement>(v: &mut [T]) {
    if T::KEY_BYTES == 0 {
        v.sort_by(|a, b| a.np_cmp(b));
    } else if v.len() > SMALL && T::KEY_BYTES <= 2 {
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
        // The canonical key gives -0.0 and 0.0 one key, and every NaN one
        // key after +inf; the sort being stable, they keep their order.
        radix_sort(v, &|x: T| x.sort_key());
    }
}

/// Appends `src` sorted stably in NumPy's order to `out` (empty; room
/// for `src.len()` elements avoids a reallocation), without the copy and
/// the full-length scratch array that sorting a copy in place would cost.
pub(crate) fn sort_slice_into<T: SortElement>(src: &[T], out: &mut Vec<T>) {
    if T::KEY_BYTES == 0 || T::KEY_BYTES <= 2 {
        out.extend_from_slice(src);
        sort_slice(out);
    } else {
        radix_sort_into(src, out, &|x: T| x.sort_key());
    }
}

/// Writes into `out` the indices that sort `v` stably in NumPy's order.
pub(crate) fn argsort_slice<T: SortElement>(v: &[T], out: &mut [i64]) {
    // SAFETY: `MaybeUninit<i64>` has the layout of `i64`, and
    // `argsort_uninit` only stores initialised values.
    let out = unsafe { &mut *(out as *mut [i64] as *mut [std::mem::MaybeUninit<i64>]) };
    argsort_uninit(v, out);
}

/// Appends to `out` (empty) the indices that sort `v` stably in NumPy's
/// order, without first filling the new memory with zeros.
pub(crate) fn argsort_slice_into<T: SortElement>(v: &[T], out: &mut Vec<i64>) {
    debug_assert!(out.is_empty());
    let n = v.len();
    out.reserve_exact(n);
    argsort_uninit(v, &mut out.spare_capacity_mut()[..n]);
    // SAFETY: `argsort_uninit` initialised all `n` positions.
    unsafe { out.set_len(n) };
}

/// The argsort engine: initialises every element of `out` (length `v.len()`).
fn argsort_uninit<T: SortElement>(v: &[T], out: &mut [std::mem::MaybeUninit<i64>]) {
    let n = v.len();
    debug_assert_eq!(out.len(), n);
    if T::KEY_BYTES == 0 {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by(|&a, &b| v[a].np_cmp(&v[b]));
        for (o, i) in out.iter_mut().zip(idx) {
            o.write(i as i64);
        }
    } else if T::KEY_BYTES <= 4 && n <= u32::MAX as usize {
        // Key and index packed in one u64: the radix sees only the key bits.
        let get = |i: usize| (v[i].sort_key() << 32) | i as u64;
        sort_pairs(
            n,
            &get,
            &|x: u64| x >> 32,
            &|x: u64| (x & 0xffff_ffff) as i64,
            out,
        );
    } else if n <= u32::MAX as usize {
        let get = |i: usize| Keyed {
            key: v[i].sort_key(),
            idx: i as u32,
        };
        sort_pairs(n, &get, &|x: Keyed| x.key, &|x: Keyed| x.idx as i64, out);
    } else {
        let mut p: Vec<(u64, u64)> = vec_with_capacity(n);
        p.extend(v.iter().enumerate().map(|(i, x)| (x.sort_key(), i as u64)));
        radix_sort(&mut p, &|x: (u64, u64)| x.0);
        for (o, x) in out.iter_mut().zip(p) {
            o.write(x.1 as i64);
        }
    }
}

/// Sorts the `n` (key, index) items `get(0..n)` stably by `key` and writes
/// each one's `index` to `out` in sorted order. Large inputs build the items
/// inside the parallel distribution pass and write the indices of each
/// bucket as soon as it is sorted, so the items are written once and read
/// once, with no separate building or extracting pass over the whole array.
fn sort_pairs<T, G, F, I>(n: usize, get: &G, key: &F, index: &I, out: &mut [std::mem::MaybeUninit<i64>])
where
    T: Copy + Send + Sync,
    G: Fn(usize) -> T + Sync,
    F: Fn(T) -> u64 + Sync,
    I: Fn(T) -> i64 + Sync,
{
    if n < PAR_MIN {
        let mut p: Vec<T> = (0..n).map(get).collect();
        radix_sort(&mut p, key);
        for (o, &x) in out.iter_mut().zip(&p) {
            o.write(index(x));
        }
        return;
    }
    let mut sorted: Vec<T> = vec_with_capacity(n);
    // SAFETY: `sorted` has room for `n` elements; `get` takes every `i < n`.
    match unsafe { distribute(n, get, SendPtr(sorted.as_mut_ptr()), key) } {
        None => {
            // Every key equal: the stable order is the input order.
            const PIECE: usize = 1 << 14;
            crate::parallel::for_each_chunk_mut(out, PIECE, &|c, o| {
                for (j, o) in o.iter_mut().enumerate() {
                    o.write(index(get(c * PIECE + j)));
                }
            });
        }
        Some(sizes) => {
            // SAFETY: `distribute` wrote all `n` positions (`T: Copy`).
            unsafe { sorted.set_len(n) };
            let dst = SendPtr(out.as_mut_ptr());
            sort_buckets(&mut sorted, &sizes, key, &|start, part: &[T]| {
                let d = dst;
                for (j, &x) in part.iter().enumerate() {
                    // SAFETY: the buckets are disjoint ranges `start..start +
                    // part.len()` of `0..n`, and `out` has `n` elements that
                    // only this call writes.
                    unsafe { d.0.add(start + j).write(std::mem::MaybeUninit::new(index(x))) };
                }
            });
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
                s ^ (s >> 29)
            })
            .collect()
    }

    /// Sizes at and around every threshold of the engine.
    const SIZES: [usize; 14] = [
        0,
        1,
        2,
        SMALL - 1,
        SMALL,
        SMALL + 1,
        100,
        2047,
        2049,
        1 << 12,
        PAR_MIN - 1,
        PAR_MIN,
        PAR_MIN + 1,
        3 * PAR_MIN + 7,
    ];

    /// `sort_slice` and `argsort_slice` against the standard library's
    /// stable sort with NumPy's order; values compared bit for bit (so the
    /// order of -0.0/0.0 and of NaN payloads is checked too).
    fn check<T: SortElement + std::fmt::Debug>(v: &[T], bits: impl Fn(T) -> u64, what: &str) {
        let mut want = v.to_vec();
        want.sort_by(|a, b| a.np_cmp(b));
        let mut got = v.to_vec();
        sort_slice(&mut got);
        let n = v.len();
        assert!(
            got.iter().zip(&want).all(|(&g, &w)| bits(g) == bits(w)),
            "sort of {what}, n={n}"
        );
        let mut into = Vec::with_capacity(n);
        sort_slice_into(v, &mut into);
        assert!(
            into.len() == n && into.iter().zip(&want).all(|(&g, &w)| bits(g) == bits(w)),
            "sort into a new vector of {what}, n={n}"
        );
        let mut want_idx: Vec<usize> = (0..n).collect();
        want_idx.sort_by(|&a, &b| v[a].np_cmp(&v[b]));
        let mut idx = vec![0i64; n];
        argsort_slice(v, &mut idx);
        assert!(
            idx.iter().zip(&want_idx).all(|(&g, &w)| g as usize == w),
            "argsort of {what}, n={n}"
        );
        let mut into_idx = Vec::new();
        argsort_slice_into(v, &mut into_idx);
        assert_eq!(into_idx, idx, "argsort into a new vector of {what}, n={n}");
    }

    /// Floats drawn from `raw`: mostly values of every magnitude and sign,
    /// plus both zeros, infinities, NaNs of both signs and other payloads,
    /// and a few repeated values.
    fn floats(raw: &[u64]) -> Vec<f64> {
        let special = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7ff0_0000_0000_0001),
            f64::from_bits(0xfff8_0000_0000_0abc),
            1.5,
            -1.5,
            f64::MIN_POSITIVE / 4.0,
        ];
        raw.iter()
            .map(|&r| match r % 8 {
                0 => special[(r >> 8) as usize % special.len()],
                1 => f64::from_bits(r),
                _ => (r >> 11) as f64 / (1u64 << 53) as f64 - 0.25,
            })
            .collect()
    }

    #[test]
    fn every_type_matches_a_stable_reference_at_every_size() {
        for &n in &SIZES {
            let raw = lcg(n, n as u64 + 1);
            let f = floats(&raw);
            check(&f, f64::to_bits, "f64");
            let f32s: Vec<f32> = f.iter().map(|&x| x as f32).collect();
            check(&f32s, |x: f32| x.to_bits() as u64, "f32");
            let u: Vec<f64> = raw
                .iter()
                .map(|&r| (r >> 11) as f64 / (1u64 << 53) as f64)
                .collect();
            check(&u, f64::to_bits, "uniform [0, 1)");
            let i: Vec<i64> = raw.iter().map(|&r| r as i64).collect();
            check(&i, |x| x as u64, "i64");
            let small: Vec<i64> = raw.iter().map(|&r| (r % 1000) as i64 - 500).collect();
            check(&small, |x| x as u64, "i64 in [-500, 500)");
            check(&raw, |x| x, "u64");
            let i32s: Vec<i32> = raw.iter().map(|&r| r as i32).collect();
            check(&i32s, |x| x as u64, "i32");
            let u32s: Vec<u32> = raw.iter().map(|&r| (r >> 40) as u32).collect();
            check(&u32s, |x| x as u64, "u32");
            let i16s: Vec<i16> = raw.iter().map(|&r| r as i16).collect();
            check(&i16s, |x| x as u64, "i16");
            let u16s: Vec<u16> = raw.iter().map(|&r| (r >> 7) as u16).collect();
            check(&u16s, |x| x as u64, "u16");
            let i8s: Vec<i8> = raw.iter().map(|&r| r as i8).collect();
            check(&i8s, |x| x as u64, "i8");
            let u8s: Vec<u8> = raw.iter().map(|&r| (r >> 3) as u8).collect();
            check(&u8s, |x| x as u64, "u8");
            let bools: Vec<bool> = raw.iter().map(|&r| r & 4 != 0).collect();
            check(&bools, |x| x as u64, "bool");
        }
    }

    #[test]
    fn equal_keys_zeros_and_nans_keep_their_order() {
        for &n in &[SMALL + 5, 5000, 2 * PAR_MIN + 3] {
            let raw = lcg(n, 7);
            // All equal; only zeros of both signs; only NaNs of several payloads.
            check(&vec![2.5f64; n], f64::to_bits, "all equal");
            let zeros: Vec<f64> = raw.iter().map(|&r| if r & 1 == 0 { 0.0 } else { -0.0 }).collect();
            check(&zeros, f64::to_bits, "zeros");
            let nans: Vec<f64> = raw
                .iter()
                .map(|&r| f64::from_bits(0x7ff8_0000_0000_0000 | (r & 0x8000_0000_0000_00ff)))
                .collect();
            check(&nans, f64::to_bits, "NaNs");
            // Few distinct values with long runs of duplicates.
            let dup: Vec<f32> = raw.iter().map(|&r| (r % 5) as f32 - 2.0).collect();
            check(&dup, |x| x.to_bits() as u64, "duplicates");
            // Keys that agree on all bits but the lowest few.
            let low: Vec<u64> = raw.iter().map(|&r| 0xabcd_0000_0000_0000 | (r & 7)).collect();
            check(&low, |x| x, "low bits only");
            // Few distinct top bits over varied low bits: after the top
            // bits are sorted, runs longer than `SMALL` remain to be sorted.
            let clustered: Vec<u64> = raw
                .iter()
                .map(|&r| ((r & 0x3f) << 40) | ((r >> 20) & 0xf_ffff))
                .collect();
            check(&clustered, |x| x, "few prefixes over varied low bits");
        }
    }

    #[test]
    fn result_does_not_depend_on_the_thread_count() {
        let n = 3 * PAR_MIN + 11;
        let f = floats(&lcg(n, 11));
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| {
                let mut s = f.clone();
                sort_slice(&mut s);
                let mut into = Vec::new();
                sort_slice_into(&f, &mut into);
                assert!(into.iter().zip(&s).all(|(x, y)| x.to_bits() == y.to_bits()));
                let mut idx = vec![0i64; n];
                argsort_slice(&f, &mut idx);
                let mut into_idx = Vec::new();
                argsort_slice_into(&f, &mut into_idx);
                assert_eq!(into_idx, idx);
                (s.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), idx)
            })
        };
        let one = run(1);
        assert_eq!(run(2), one);
        assert_eq!(run(3), one);
    }
}
