//! NumPy's pairwise summation (`numpy/_core/src/umath/loops_utils.h.src`),
//! reproduced operation for operation so that sums are bit-identical.
//!
//! For `n` real values:
//!
//! * `n < 8`: a plain loop starting from `-0.0`;
//! * `n <= 128`: eight accumulators `r[j]` start at the first eight values
//!   and take every eighth value after them; they are combined as
//!   `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the
//!   `n % 8` leftover values are added one by one;
//! * otherwise the run splits at `n2 = n / 2 - (n / 2) % 8` and the two
//!   halves' sums are added.
//!
//! Complex values use the same scheme on the interleaved `(re, im)` stream
//! (four complex accumulators per leaf, blocks of 64 elements).
//!
//! The eight independent accumulators are what lets the leaf vectorise: on
//! x86-64 with AVX2 the leaf is compiled for AVX2 (checked at run time) and
//! holds the accumulators in two 256-bit registers. No fused multiply-add is
//! ever emitted (Rust does not contract), so the rounding is NumPy's.
//! [`pairwise_par`] evaluates the top of the recursion tree with
//! `rayon::join`; the tree, and so the result, is the same.

use super::plan::Src;
use num_complex::Complex;
use std::ops::Add;

/// The real float types pairwise summation works on.
pub(crate) trait PwReal: Copy + Add<Output = Self> + Send + Sync + 'static {
    /// `-0.0`, the start of NumPy's short-run loop.
    const NEG_ZERO: Self;
}
impl PwReal for f32 {
    const NEG_ZERO: f32 = -0.0;
}
impl PwReal for f64 {
    const NEG_ZERO: f64 = -0.0;
}

/// Block size below which the eight-accumulator leaf runs (`PW_BLOCKSIZE`).
const BLOCK: usize = 128;
/// Runs longer than this are split across threads by [`pairwise_par`].
const PAR_SPLIT: usize = 1 << 16;

/// Where NumPy splits a run of `n` values.
#[inline(always)]
fn split(n: usize) -> usize {
    let n2 = n / 2;
    n2 - n2 % 8
}

#[inline(always)]
#[allow(clippy::needless_range_loop)] // the eight lanes are NumPy's accumulators
fn leaf_slice<A: Copy, T: PwReal, F: Fn(A) -> T>(s: &[A], f: &F) -> T {
    let n = s.len();
    if n < 8 {
        let mut res = T::NEG_ZERO;
        for &x in s {
            res = res + f(x);
        }
        return res;
    }
    let mut r: [T; 8] = [
        f(s[0]),
        f(s[1]),
        f(s[2]),
        f(s[3]),
        f(s[4]),
        f(s[5]),
        f(s[6]),
        f(s[7]),
    ];
    let m = n - n % 8;
    for c in s[8..m].chunks_exact(8) {
        for j in 0..8 {
            r[j] = r[j] + f(c[j]);
        }
    }
    // An opaque copy: without it the vectoriser shapes the loop's registers
    // after the final combine and shuffles lanes in every iteration.
    let r = std::hint::black_box(r);
    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for &x in &s[m..] {
        res = res + f(x);
    }
    res
}

#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn leaf_strided<A: Copy, T: PwReal, F: Fn(A) -> T>(s: Src<'_, A>, f: &F) -> T {
    let n = s.len();
    if n < 8 {
        let mut res = T::NEG_ZERO;
        for i in 0..n {
            res = res + f(*s.get(i));
        }
        return res;
    }
    let mut r: [T; 8] = std::array::from_fn(|j| f(*s.get(j)));
    let m = n - n % 8;
    let mut i = 8;
    while i < m {
        for j in 0..8 {
            r[j] = r[j] + f(*s.get(i + j));
        }
        i += 8;
    }
    let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for i in m..n {
        res = res + f(*s.get(i));
    }
    res
}

fn pw_slice<A: Copy, T: PwReal, F: Fn(A) -> T>(s: &[A], f: &F) -> T {
    if s.len() <= BLOCK {
        return leaf_slice(s, f);
    }
    let n2 = split(s.len());
    pw_slice(&s[..n2], f) + pw_slice(&s[n2..], f)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn pw_slice_avx2<A: Copy, T: PwReal, F: Fn(A) -> T>(s: &[A], f: &F) -> T {
    if s.len() <= BLOCK {
        return leaf_slice(s, f);
    }
    let n2 = split(s.len());
    pw_slice_avx2(&s[..n2], f) + pw_slice_avx2(&s[n2..], f)
}

fn pw_strided<A: Copy, T: PwReal, F: Fn(A) -> T>(s: Src<'_, A>, f: &F) -> T {
    if s.len() <= BLOCK {
        return leaf_strided(s, f);
    }
    let (a, b) = s.split_at(split(s.len()));
    pw_strided(a, f) + pw_strided(b, f)
}

/// `true` when the AVX2 leaf may run on this CPU.
#[inline]
fn have_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// NumPy's pairwise sum of `f(x)` over the run.
#[inline]
pub(crate) fn pairwise<A: Copy, T: PwReal, F: Fn(A) -> T>(src: Src<'_, A>, f: &F) -> T {
    match src.as_slice() {
        Some(s) => {
            #[cfg(target_arch = "x86_64")]
            if have_avx2() {
                // SAFETY: the CPU supports AVX2 (checked at run time just above).
                return unsafe { pw_slice_avx2(s, f) };
            }
            pw_slice(s, f)
        }
        None => pw_strided(src, f),
    }
}

/// [`pairwise`] with the top of the recursion tree evaluated on several
/// threads; identical result.
pub(crate) fn pairwise_par<A: Copy + Sync, T: PwReal, F: Fn(A) -> T + Sync>(src: Src<'_, A>, f: &F) -> T {
    if src.len() <= PAR_SPLIT {
        return pairwise(src, f);
    }
    let (a, b) = src.split_at(split(src.len()));
    let (x, y) = crate::parallel::join(|| pairwise_par(a, f), || pairwise_par(b, f));
    x + y
}

#[inline(always)]
fn cleaf_slice<A: Copy, T: PwReal, F: Fn(A) -> Complex<T>>(s: &[A], f: &F) -> (T, T) {
    let m = s.len();
    let n = 2 * m;
    if n < 8 {
        let (mut rr, mut ri) = (T::NEG_ZERO, T::NEG_ZERO);
        for &x in s {
            let c = f(x);
            rr = rr + c.re;
            ri = ri + c.im;
        }
        return (rr, ri);
    }
    let (c0, c1, c2, c3) = (f(s[0]), f(s[1]), f(s[2]), f(s[3]));
    let mut r: [T; 8] = [c0.re, c0.im, c1.re, c1.im, c2.re, c2.im, c3.re, c3.im];
    let mm = (n - n % 8) / 2;
    for c in s[4..mm].chunks_exact(4) {
        for q in 0..4 {
            let v = f(c[q]);
            r[2 * q] = r[2 * q] + v.re;
            r[2 * q + 1] = r[2 * q + 1] + v.im;
        }
    }
    let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
    let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
    for &x in &s[mm..] {
        let c = f(x);
        rr = rr + c.re;
        ri = ri + c.im;
    }
    (rr, ri)
}

fn cpw_slice<A: Copy, T: PwReal, F: Fn(A) -> Complex<T>>(s: &[A], f: &F) -> (T, T) {
    if 2 * s.len() <= BLOCK {
        return cleaf_slice(s, f);
    }
    let k = split(2 * s.len()) / 2;
    let (a, b) = (cpw_slice(&s[..k], f), cpw_slice(&s[k..], f));
    (a.0 + b.0, a.1 + b.1)
}

fn cpw_strided<A: Copy, T: PwReal, F: Fn(A) -> Complex<T>>(s: Src<'_, A>, f: &F) -> (T, T) {
    let m = s.len();
    let n = 2 * m;
    if n <= BLOCK {
        if n < 8 {
            let (mut rr, mut ri) = (T::NEG_ZERO, T::NEG_ZERO);
            for i in 0..m {
                let c = f(*s.get(i));
                rr = rr + c.re;
                ri = ri + c.im;
            }
            return (rr, ri);
        }
        let mut r: [T; 8] = [T::NEG_ZERO; 8];
        for q in 0..4 {
            let c = f(*s.get(q));
            r[2 * q] = c.re;
            r[2 * q + 1] = c.im;
        }
        let mm = (n - n % 8) / 2;
        let mut i = 4;
        while i < mm {
            for q in 0..4 {
                let v = f(*s.get(i + q));
                r[2 * q] = r[2 * q] + v.re;
                r[2 * q + 1] = r[2 * q + 1] + v.im;
            }
            i += 4;
        }
        let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
        let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
        for i in mm..m {
            let c = f(*s.get(i));
            rr = rr + c.re;
            ri = ri + c.im;
        }
        return (rr, ri);
    }
    let (a, b) = s.split_at(split(n) / 2);
    let (x, y) = (cpw_strided(a, f), cpw_strided(b, f));
    (x.0 + y.0, x.1 + y.1)
}

/// NumPy's complex pairwise sum of `f(x)` over the run, as `(re, im)`.
#[inline]
pub(crate) fn cpairwise<A: Copy, T: PwReal, F: Fn(A) -> Complex<T>>(src: Src<'_, A>, f: &F) -> (T, T) {
    match src.as_slice() {
        Some(s) => cpw_slice(s, f),
        None => cpw_strided(src, f),
    }
}

/// [`cpairwise`] with the top of the tree on several threads; identical result.
pub(crate) fn cpairwise_par<A: Copy + Sync, T: PwReal, F: Fn(A) -> Complex<T> + Sync>(
    src: Src<'_, A>,
    f: &F,
) -> (T, T) {
    if src.len() <= PAR_SPLIT {
        return cpairwise(src, f);
    }
    let (a, b) = src.split_at(split(2 * src.len()) / 2);
    let (x, y) = crate::parallel::join(|| cpairwise_par(a, f), || cpairwise_par(b, f));
    (x.0 + y.0, x.1 + y.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: NumPy's algorithm written as plainly as possible.
    fn reference(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            let mut r = -0.0;
            for &x in a {
                r += x;
            }
            r
        } else if n <= 128 {
            let mut r = [0.0; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - n % 8 {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            while i < n {
                res += a[i];
                i += 1;
            }
            res
        } else {
            let n2 = n / 2 - (n / 2) % 8;
            reference(&a[..n2]) + reference(&a[n2..])
        }
    }

    fn data(n: usize) -> Vec<f64> {
        // Values of mixed magnitude so that the grouping shows in the rounding.
        let mut x = 0x9E3779B97F4A7C15u64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let m = (x >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
                m * 10f64.powi((x % 13) as i32 - 6)
            })
            .collect()
    }

    #[test]
    fn matches_the_reference_tree_for_all_paths() {
        for n in [0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 1000, 4097, 70_001, 200_003] {
            let a = data(n);
            let want = reference(&a);
            let id = |x: f64| x;
            assert_eq!(
                pairwise(Src::from_slice(&a), &id).to_bits(),
                want.to_bits(),
                "n={n}"
            );
            assert_eq!(
                pairwise_par(Src::from_slice(&a), &id).to_bits(),
                want.to_bits(),
                "par n={n}"
            );
            assert_eq!(pw_slice(&a, &id).to_bits(), want.to_bits(), "portable n={n}");
            // The same values read with stride 2 from an interleaved buffer.
            let inter: Vec<f64> = a.iter().flat_map(|&x| [x, f64::NAN]).collect();
            // SAFETY: `n` elements 2 apart inside `inter`.
            let s = unsafe { Src::new(inter.as_ptr(), n, 2) };
            assert_eq!(pairwise(s, &id).to_bits(), want.to_bits(), "strided n={n}");
        }
    }

    #[test]
    fn short_runs_start_from_negative_zero() {
        let z = [-0.0f64, -0.0];
        assert!(pairwise(Src::from_slice(&z), &|x: f64| x).is_sign_negative());
    }

    #[test]
    fn complex_pairwise_matches_componentwise_structure() {
        // For complex input the real parts follow the complex tree: check a
        // small block by hand, (r0 + r2) + (r4 + r6) then the leftovers.
        let v: Vec<Complex<f64>> = (0..11)
            .map(|i| Complex::new(i as f64 * 0.1, -(i as f64)))
            .collect();
        let (re, im) = cpairwise(Src::from_slice(&v), &|c: Complex<f64>| c);
        let r = |i: usize| v[i].re;
        let want_re = ((r(0) + r(4)) + (r(1) + r(5))) + ((r(2) + r(6)) + (r(3) + r(7))) + r(8) + r(9) + r(10);
        assert_eq!(re.to_bits(), want_re.to_bits());
        assert_eq!(im, -55.0);
        let inter: Vec<Complex<f64>> = v.iter().flat_map(|&x| [x, Complex::new(f64::NAN, 0.0)]).collect();
        // SAFETY: 11 elements 2 apart inside `inter`.
        let s = unsafe { Src::new(inter.as_ptr(), 11, 2) };
        assert_eq!(cpairwise(s, &|c: Complex<f64>| c), (re, im));
    }
}
