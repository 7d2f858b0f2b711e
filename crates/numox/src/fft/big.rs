//! Long 1-D transforms on several threads.
//!
//! A length `n = n1 * n2` is done in two passes over an `n2 x n1` matrix
//! (the "four-step" algorithm without its transposes):
//!
//! - pass A, for each row `j2`: gather `x[j1 * n2 + j2]` (`j1 < n1`), take
//!   the length-`n1` FFT, multiply by `w_n^(j2 * k1)`, store as row `j2`;
//! - pass B, for each column `k1`: take the length-`n2` FFT of the column
//!   in place. Element `(k2, k1)` is then `X[k1 + n1 * k2]`: natural order.
//!
//! Rows (pass A) and column blocks (pass B) are independent, so rayon runs
//! them on all threads; each unit of work does the same arithmetic whatever
//! thread runs it, so results do not depend on the thread count. The short
//! FFTs are `rustfft`'s, on data that stays in cache.
//!
//! A length with no balanced factorisation (a large prime factor) goes
//! through Bluestein's algorithm: a cyclic convolution of length
//! `m >= 2n - 1` (a power of two times at most 9) done with the same two
//! passes, the forward and inverse column FFTs fused into one pass.
//!
//! [`rfft_even`] and [`irfft_even`] do a real transform of even length `n`
//! as a complex one of length `n/2` plus an `O(n)` untangling step.

use super::plan::{self, FftFloat, Twiddles};
use super::scratch;
use num_complex::Complex;
use num_traits::Zero;
use rustfft::{Fft, FftNum};
use std::sync::{Arc, Mutex};

/// Scratch elements per unit of work (64K complex doubles: 1 MiB, half an L2).
const BLOCK_ELEMS: usize = 1 << 16;

/// Rows or columns handled together by one unit of work, for lanes of
/// length `n`: as many as fit in [`BLOCK_ELEMS`], between 16 and 64. The
/// gathers read that many consecutive elements of each row (256 bytes to
/// 1 KiB), which keeps them streaming from memory instead of waiting for
/// one cache line per row.
fn block(n: usize) -> usize {
    (BLOCK_ELEMS / n).clamp(16, 64)
}

/// A raw pointer that may cross threads; every use states why the
/// accesses through it are disjoint.
pub(crate) struct SendPtr<T>(pub(crate) *mut T);
impl<T> Clone for SendPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SendPtr<T> {}
// SAFETY: the pointer is only dereferenced under the disjointness argument
// given at each use.
unsafe impl<T> Send for SendPtr<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for SendPtr<T> {}
impl<T> SendPtr<T> {
    #[inline(always)]
    pub(crate) fn get(self) -> *mut T {
        self.0
    }
}

/// A read-only raw pointer that may cross threads.
pub(crate) struct ConstPtr<T>(pub(crate) *const T);
impl<T> Clone for ConstPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ConstPtr<T> {}
// SAFETY: only read through, while the owner guarantees no writer exists.
unsafe impl<T> Send for ConstPtr<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for ConstPtr<T> {}
impl<T> ConstPtr<T> {
    #[inline(always)]
    pub(crate) fn get(self) -> *const T {
        self.0
    }
}

/// The input of a long transform: element `j` on demand, and a hint that a
/// run of elements will be read soon (the gathers of pass A read one short
/// run per row of a large matrix, which the hardware prefetchers do not
/// anticipate).
pub(crate) trait Source<E>: Sync {
    /// Element `j`.
    fn get(&self, j: usize) -> E;
    /// Hints that elements `j..j + count` will be read soon.
    #[inline(always)]
    fn prefetch(&self, _j: usize, _count: usize) {}
}

impl<E, F: Fn(usize) -> E + Sync> Source<E> for F {
    #[inline(always)]
    fn get(&self, j: usize) -> E {
        self(j)
    }
}

/// Pairs of reals as complex numbers: element `j` is `x[2j] + i x[2j+1]`.
struct Packed<R>(R);
impl<T, R: Source<T>> Source<Complex<T>> for Packed<R> {
    #[inline(always)]
    fn get(&self, j: usize) -> Complex<T> {
        Complex::new(self.0.get(2 * j), self.0.get(2 * j + 1))
    }
    #[inline(always)]
    fn prefetch(&self, j: usize, count: usize) {
        self.0.prefetch(2 * j, 2 * count);
    }
}

/// Asks the CPU to fetch the cache lines of `count` elements of `size`
/// bytes at `stride` elements from `p` (a hint: never faults, whatever the address).
#[inline(always)]
pub(crate) fn prefetch_run<E>(p: *const E, count: usize, stride: isize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        let size = std::mem::size_of::<E>();
        if stride == 1 {
            let bytes = count * size;
            let mut off = 0;
            while off < bytes {
                // SAFETY: prefetching is a hint that never faults or reads
                // into the program, for any address.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>().wrapping_add(off)) };
                off += 64;
            }
        } else {
            for k in 0..count {
                // SAFETY: as above.
                unsafe { _mm_prefetch::<_MM_HINT_T0>(p.wrapping_offset(k as isize * stride).cast::<i8>()) };
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (p, count, stride);
}

/// How many rows ahead pass A prefetches.
const AHEAD: usize = 6;

/// A multi-threaded plan for one long length and direction.
pub(crate) enum BigC2c<T: FftNum> {
    /// A balanced factorisation `n = n1 * n2`.
    FourStep(FourStep<T>),
    /// Any length, through a convolution of a smooth length.
    Bluestein(Bluestein<T>),
}

/// `(d, n / d)` for the divisor `d <= sqrt(n)` of `n` closest to `sqrt(n)`,
/// when it is at least 32 (so both passes do real FFTs, not a few huge
/// ones). The smaller factor is `n1`, the number of rows pass A reads
/// from the input: fewer distinct pages per block for the TLB.
fn balanced_split(n: usize) -> Option<(usize, usize)> {
    let mut d = (n as f64).sqrt() as usize;
    while d * d > n {
        d -= 1;
    }
    while d >= 32 {
        if n % d == 0 {
            return Some((d, n / d));
        }
        d -= 1;
    }
    None
}

impl<T: FftFloat> BigC2c<T> {
    /// The plan for length `n` (at least [`plan::BIG_MIN`]).
    pub(crate) fn new(n: usize, inverse: bool) -> Self {
        match balanced_split(n) {
            Some((n1, n2)) => BigC2c::FourStep(FourStep::new(n1, n2, inverse)),
            None => BigC2c::Bluestein(Bluestein::new(n, inverse)),
        }
    }

    /// `out[k] = fct * sum_j get(j) * exp(-+2 pi i j k / n)` for `k < n`
    /// (`-` forward, `+` inverse); `get(j)` is called once for each `j < n`.
    ///
    /// # Safety
    /// `out` must be valid for writes of `n` elements and not accessed by
    /// anything else during the call. On return all `n` are initialised.
    pub(crate) unsafe fn run<G>(&self, get: G, out: *mut Complex<T>, fct: T)
    where
        G: Source<Complex<T>>,
    {
        match self {
            // SAFETY: forwarded.
            BigC2c::FourStep(p) => unsafe { p.run(get, out, fct) },
            // SAFETY: forwarded.
            BigC2c::Bluestein(p) => unsafe { p.run(get, out, fct) },
        }
    }
}

/// The two-pass plan for `n = n1 * n2`.
pub(crate) struct FourStep<T: FftNum> {
    n1: usize,
    n2: usize,
    inverse: bool,
    f1: Arc<dyn Fft<T>>,
    f2: Arc<dyn Fft<T>>,
    tw: Twiddles<T>,
}

impl<T: FftFloat> FourStep<T> {
    fn new(n1: usize, n2: usize, inverse: bool) -> Self {
        FourStep {
            n1,
            n2,
            inverse,
            f1: plan::c2c(n1, inverse),
            f2: plan::c2c(n2, inverse),
            tw: Twiddles::new(n1 * n2),
        }
    }

    /// See [`BigC2c::run`].
    ///
    /// # Safety
    /// As [`BigC2c::run`].
    unsafe fn run<G>(&self, get: G, out: *mut Complex<T>, fct: T)
    where
        G: Source<Complex<T>>,
    {
        let (n1, n2) = (self.n1, self.n2);
        let outp = SendPtr(out);
        // Pass A: block of rows r0..r0+rows; row j2 gathers x[j1 * n2 + j2].
        row_blocks(
            n1,
            n2,
            self.f1.get_inplace_scratch_len(),
            |r0, rows, lanes, p, fs| {
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    if j1 + AHEAD < n1 {
                        get.prefetch(base + AHEAD * n2, rows);
                    }
                    for b in 0..rows {
                        lanes[b * p + j1] = get.get(base + b);
                    }
                }
                for b in 0..rows {
                    let lane = &mut lanes[b * p..b * p + n1];
                    self.f1.process_with_scratch(lane, fs);
                    // SAFETY: row r0 + b of the n2 x n1 matrix belongs to this block.
                    unsafe {
                        twiddle_store(
                            lane,
                            outp.get().add((r0 + b) * n1),
                            r0 + b,
                            &self.tw,
                            self.inverse,
                        )
                    };
                }
            },
        );
        // Pass B: columns c0..c0+cols, in place.
        col_blocks(
            n1,
            n2,
            self.f2.get_inplace_scratch_len(),
            |c0, cols, lanes, p, fs| {
                // SAFETY: pass A initialised the matrix; these columns are this block's.
                unsafe { gather_cols(outp.get(), n1, n2, c0, cols, lanes, p) };
                for b in 0..cols {
                    self.f2.process_with_scratch(&mut lanes[b * p..b * p + n2], fs);
                }
                // SAFETY: as for the gather.
                unsafe { scatter_cols(outp.get(), n1, n2, c0, cols, lanes, p, fct) };
            },
        );
    }
}

/// Scratch lanes are this far apart: the lane length plus one cache line,
/// so that the lanes of a block (and the rows they are gathered from) do
/// not all fall into the same cache sets when the length is a power of two.
fn pitch(n: usize) -> usize {
    n + 4
}

/// Runs `f(r0, rows, lanes, pitch, fft_scratch)` for each block of
/// [`block`]`(n1)` rows of an `n2 x n1` matrix, on rayon threads, with `rows` scratch lanes
/// of length `n1` at the given pitch.
fn row_blocks<T, F>(n1: usize, n2: usize, scratch_len: usize, f: F)
where
    T: FftFloat,
    F: Fn(usize, usize, &mut [Complex<T>], usize, &mut [Complex<T>]) + Sync,
{
    let p = pitch(n1);
    let blk = block(n1);
    crate::parallel::for_each_index(n2.div_ceil(blk), &|bi| {
        let r0 = bi * blk;
        let rows = blk.min(n2 - r0);
        scratch::with3::<Complex<T>, Complex<T>, Complex<T>, _>(rows * p, 0, scratch_len, |lanes, _, fs| {
            f(r0, rows, lanes, p, fs)
        });
    });
}

/// Runs `f(c0, cols, lanes, pitch, fft_scratch)` for each block of
/// [`block`]`(n2)` columns of an `n2 x n1` matrix, with `cols` scratch lanes of length `n2`.
fn col_blocks<T, F>(n1: usize, n2: usize, scratch_len: usize, f: F)
where
    T: FftFloat,
    F: Fn(usize, usize, &mut [Complex<T>], usize, &mut [Complex<T>]) + Sync,
{
    let p = pitch(n2);
    let blk = block(n2);
    crate::parallel::for_each_index(n1.div_ceil(blk), &|bi| {
        let c0 = bi * blk;
        let cols = blk.min(n1 - c0);
        scratch::with3::<Complex<T>, Complex<T>, Complex<T>, _>(cols * p, 0, scratch_len, |lanes, _, fs| {
            f(c0, cols, lanes, p, fs)
        });
    });
}

/// Stores `lane[k1] * w^(j2 * k1)` (conjugated for the inverse) to `dst[k1]`.
///
/// # Safety
/// `dst` must be valid for writes of `lane.len()` elements.
#[inline]
unsafe fn twiddle_store<T: FftFloat>(
    lane: &[Complex<T>],
    dst: *mut Complex<T>,
    j2: usize,
    tw: &Twiddles<T>,
    inverse: bool,
) {
    let mut m = 0usize;
    for (k1, &x) in lane.iter().enumerate() {
        let w = if j2 == 0 {
            Complex::new(T::one(), T::zero())
        } else if inverse {
            tw.at(m).conj()
        } else {
            tw.at(m)
        };
        // SAFETY: k1 < lane.len().
        unsafe { dst.add(k1).write(if j2 == 0 { x } else { x * w }) };
        m += j2;
    }
}

/// Copies columns `c0..c0+cols` of the `rows x n1` matrix at `m` into
/// `lanes` (one column per lane, lanes `p` apart).
///
/// # Safety
/// The matrix must be initialised and those columns not written by anyone else.
#[inline]
unsafe fn gather_cols<T: Copy>(
    m: *const T,
    n1: usize,
    rows: usize,
    c0: usize,
    cols: usize,
    lanes: &mut [T],
    p: usize,
) {
    for r in 0..rows {
        if r + AHEAD < rows {
            prefetch_run(m.wrapping_add((r + AHEAD) * n1 + c0), cols, 1);
        }
        // SAFETY: row r, columns c0..c0+cols are in bounds.
        let src = unsafe { std::slice::from_raw_parts(m.add(r * n1 + c0), cols) };
        for (b, &v) in src.iter().enumerate() {
            lanes[b * p + r] = v;
        }
    }
}

/// Writes `lanes` (columns, `p` apart) back to columns `c0..` of the
/// `rows x n1` matrix at `m`, times `fct`.
///
/// # Safety
/// Those columns must be valid for writes and touched by no one else.
#[inline]
#[allow(clippy::too_many_arguments)]
unsafe fn scatter_cols<T: FftFloat>(
    m: *mut Complex<T>,
    n1: usize,
    rows: usize,
    c0: usize,
    cols: usize,
    lanes: &[Complex<T>],
    p: usize,
    fct: T,
) {
    let one = fct == T::one();
    for r in 0..rows {
        // SAFETY: row r, columns c0..c0+cols are in bounds and ours.
        let dst = unsafe { std::slice::from_raw_parts_mut(m.add(r * n1 + c0), cols) };
        for (b, d) in dst.iter_mut().enumerate() {
            let v = lanes[b * p + r];
            *d = if one { v } else { v * fct };
        }
    }
}

/// Bluestein's algorithm with a multi-threaded convolution of length `m`.
pub(crate) struct Bluestein<T: FftNum> {
    n: usize,
    /// `m = n1 * n2 >= 2n - 1`.
    n1: usize,
    n2: usize,
    f1: Arc<dyn Fft<T>>,
    f1_inv: Arc<dyn Fft<T>>,
    f2: Arc<dyn Fft<T>>,
    f2_inv: Arc<dyn Fft<T>>,
    tw: Twiddles<T>,
    /// `exp(-+ i pi j^2 / n)` for `j < n`.
    chirp: Vec<Complex<T>>,
    /// The transform of the conjugated chirp, divided by `m`, column by
    /// column: `kernel[k1 * n2 + k2]` is bin `k1 + n1 * k2`.
    kernel: Vec<Complex<T>>,
    /// The `m`-element work matrix of the last call, reused by the next.
    work: Mutex<Vec<Complex<T>>>,
}

/// The smallest `2^a * 3^b` (`b <= 2`) that is at least `min`, split into
/// two factors near its square root.
fn convolution_length(min: usize) -> (usize, usize) {
    let mut best = usize::MAX;
    for odd in [1usize, 3, 9] {
        let mut m = odd;
        while m < min {
            m *= 2;
        }
        best = best.min(m);
    }
    balanced_split(best).expect("2^a 3^b above 2^16 splits into factors above 32")
}

impl<T: FftFloat> Bluestein<T> {
    fn new(n: usize, inverse: bool) -> Self {
        let (n1, n2) = convolution_length(2 * n - 1);
        let m = n1 * n2;
        let nn = 2 * n as u128;
        let chirp: Vec<Complex<T>> = (0..n)
            .map(|j| {
                // exp(-i pi j^2 / n) = exp(-2 pi i (j^2 mod 2n) / 2n), exactly reduced
                let (re, im) = plan::root((j as u128 * j as u128) % nn, nn);
                let w = Complex::new(
                    T::from(re).unwrap_or_else(T::zero),
                    T::from(im).unwrap_or_else(T::zero),
                );
                if inverse { w.conj() } else { w }
            })
            .collect();
        // b[t] = conj(chirp[|t|]) for |t| < n, placed cyclically, scaled by 1/m.
        let scale = T::one() / T::from(m).unwrap_or_else(T::one);
        let mut b = vec![Complex::zero(); m];
        b[0] = chirp[0].conj() * scale;
        for t in 1..n {
            let v = chirp[t].conj() * scale;
            b[t] = v;
            b[m - t] = v;
        }
        let fs = FourStep::new(n1, n2, false);
        let mut bhat = vec![Complex::zero(); m];
        // SAFETY: `bhat` holds `m` elements and nothing else touches it.
        unsafe { fs.run(|j| b[j], bhat.as_mut_ptr(), T::one()) };
        let mut kernel = vec![Complex::zero(); m];
        for k2 in 0..n2 {
            for k1 in 0..n1 {
                kernel[k1 * n2 + k2] = bhat[k1 + n1 * k2];
            }
        }
        Bluestein {
            n,
            n1,
            n2,
            f1: fs.f1.clone(),
            f1_inv: plan::c2c(n1, true),
            f2: fs.f2.clone(),
            f2_inv: plan::c2c(n2, true),
            tw: fs.tw,
            chirp,
            kernel,
            work: Mutex::new(Vec::new()),
        }
    }

    /// See [`BigC2c::run`].
    ///
    /// # Safety
    /// As [`BigC2c::run`].
    unsafe fn run<G>(&self, get: G, out: *mut Complex<T>, fct: T)
    where
        G: Source<Complex<T>>,
    {
        let (n, n1, n2) = (self.n, self.n1, self.n2);
        let m = n1 * n2;
        // The work matrix is kept in the plan between calls (a fresh one
        // when another call is using it).
        let mut work = self
            .work
            .try_lock()
            .ok()
            .map(|mut w| std::mem::take(&mut *w))
            .filter(|w| w.len() == m)
            .unwrap_or_else(|| vec![Complex::zero(); m]);
        let wp = SendPtr(work.as_mut_ptr());
        let outp = SendPtr(out);
        // Pass 1 (rows of the n2 x n1 work matrix): a[j] = x[j] * chirp[j],
        // zero past n; forward FFT of length n1; twiddle.
        row_blocks(
            n1,
            n2,
            self.f1.get_inplace_scratch_len(),
            |r0, rows, lanes, p, fs| {
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    if j1 + AHEAD < n1 && base + AHEAD * n2 < n {
                        get.prefetch(base + AHEAD * n2, rows.min(n - base - AHEAD * n2));
                    }
                    for b in 0..rows {
                        let j = base + b;
                        lanes[b * p + j1] = if j < n {
                            get.get(j) * self.chirp[j]
                        } else {
                            Complex::zero()
                        };
                    }
                }
                for b in 0..rows {
                    let lane = &mut lanes[b * p..b * p + n1];
                    self.f1.process_with_scratch(lane, fs);
                    // SAFETY: row r0 + b of `work` belongs to this block.
                    unsafe { twiddle_store(lane, wp.get().add((r0 + b) * n1), r0 + b, &self.tw, false) };
                }
            },
        );
        // Pass 2 (columns): forward FFT of length n2 (the spectrum of a),
        // times the kernel, inverse FFT of length n2, inverse twiddle.
        let s2 = self
            .f2
            .get_inplace_scratch_len()
            .max(self.f2_inv.get_inplace_scratch_len());
        col_blocks(n1, n2, s2, |c0, cols, lanes, p, fs| {
            // SAFETY: pass 1 wrote `work`; these columns are this block's.
            unsafe { gather_cols(wp.get(), n1, n2, c0, cols, lanes, p) };
            for b in 0..cols {
                let k1 = c0 + b;
                let lane = &mut lanes[b * p..b * p + n2];
                self.f2.process_with_scratch(lane, fs);
                for (x, k) in lane.iter_mut().zip(&self.kernel[k1 * n2..(k1 + 1) * n2]) {
                    *x = *x * *k;
                }
                self.f2_inv.process_with_scratch(lane, fs);
                let mut t = 0usize;
                for x in lane.iter_mut() {
                    *x = *x * self.tw.at(t).conj();
                    t += k1;
                }
            }
            // SAFETY: as for the gather.
            unsafe { scatter_cols(wp.get(), n1, n2, c0, cols, lanes, p, T::one()) };
        });
        // Pass 3 (rows): inverse FFT of length n1 gives c[j1 * n2 + j2] in
        // row j2; out[j] = fct * chirp[j] * c[j] for j < n.
        row_blocks(
            n1,
            n2,
            self.f1_inv.get_inplace_scratch_len(),
            |r0, rows, lanes, p, fs| {
                for b in 0..rows {
                    // SAFETY: row r0 + b of `work` is initialised and this block's.
                    let row = unsafe { std::slice::from_raw_parts(wp.get().add((r0 + b) * n1), n1) };
                    let lane = &mut lanes[b * p..b * p + n1];
                    lane.copy_from_slice(row);
                    self.f1_inv.process_with_scratch(lane, fs);
                }
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    for b in 0..rows.min(n.saturating_sub(base)) {
                        let j = base + b;
                        // SAFETY: j < n; output j = j1 * n2 + j2 belongs to the block
                        // owning row j2.
                        unsafe { outp.get().add(j).write(lanes[b * p + j1] * self.chirp[j] * fct) };
                    }
                }
            },
        );
        if let Ok(mut w) = self.work.try_lock()
            && w.is_empty()
        {
            *w = work;
        }
    }
}

/// The rfft of even length `n` through a complex FFT of length `n/2`:
/// `out[k] = fct * sum_j x_j exp(-2 pi i j k / n)` for `k <= n/2`, where
/// `x_j = get(j)`.
///
/// # Safety
/// `out` must be valid for writes of `n/2 + 1` elements, touched by no one else.
pub(crate) unsafe fn rfft_even<T, G>(big: &BigC2c<T>, n: usize, get: G, out: *mut Complex<T>, fct: T)
where
    T: FftFloat,
    G: Source<T>,
{
    let h = n / 2;
    // Z = FFT_h(z), z_j = x_{2j} + i x_{2j+1}
    // SAFETY: out has room for h + 1 >= h elements.
    unsafe { big.run(Packed(get), out, T::one()) };
    let tw = plan::twiddles::<T>(n);
    let half = T::from(0.5).unwrap_or_else(T::zero);
    let outp = SendPtr(out);
    // SAFETY: out[0] was written by `run`; out[h] is in bounds.
    unsafe {
        let z0 = *out;
        out.write(Complex::new((z0.re + z0.im) * fct, T::zero()));
        out.add(h).write(Complex::new((z0.re - z0.im) * fct, T::zero()));
    }
    // Pairs (k, h - k) for 1 <= k <= h/2 are independent.
    let pairs = h / 2;
    let chunk = 4096;
    crate::parallel::for_each_index(pairs.div_ceil(chunk), &|c| {
        let p = outp.get();
        for k in (1 + c * chunk)..=((c + 1) * chunk).min(pairs) {
            // SAFETY: 1 <= k <= h - k < h: two initialised elements, written
            // only by the unit of work that owns pair k.
            unsafe {
                let zk = *p.add(k);
                let znk = (*p.add(h - k)).conj();
                let e = (zk + znk) * half;
                // o = (zk - znk) / 2i
                let d = zk - znk;
                let o = Complex::new(d.im * half, -d.re * half);
                let wo = tw.at(k) * o;
                p.add(k).write((e + wo) * fct);
                if h - k != k {
                    p.add(h - k).write((e - wo).conj() * fct);
                }
            }
        }
    });
}

/// The irfft producing even length `n` through an inverse complex FFT of
/// length `n/2`: `out[j] = fct * sum_k X_k exp(2 pi i j k / n)` over the
/// Hermitian extension of `X_k = get(k)` (`k <= n/2`; the imaginary parts
/// of `X_0` and `X_{n/2}` are ignored, as NumPy does).
///
/// # Safety
/// `out` must be valid for writes of `n` elements, touched by no one else.
pub(crate) unsafe fn irfft_even<T, G>(big: &BigC2c<T>, n: usize, get: G, out: *mut T, fct: T)
where
    T: FftFloat,
    G: Source<Complex<T>>,
{
    let z = Untangle {
        x: get,
        h: n / 2,
        tw: plan::twiddles::<T>(n),
    };
    // SAFETY: `n` reals are `h` complex numbers (Complex<T> is two T's, same alignment).
    unsafe { big.run(z, out.cast::<Complex<T>>(), fct) };
}

/// The input of the half-length inverse FFT of [`irfft_even`]:
/// `Z_k = E_k + i O_k` with `E_k = X_k + conj(X_{h-k})` and
/// `O_k = (X_k - conj(X_{h-k})) exp(2 pi i k / n)`.
struct Untangle<T, G> {
    x: G,
    h: usize,
    tw: Arc<Twiddles<T>>,
}

impl<T: FftFloat, G: Source<Complex<T>>> Source<Complex<T>> for Untangle<T, G> {
    #[inline(always)]
    fn get(&self, k: usize) -> Complex<T> {
        if k == 0 {
            let (a, b) = (self.x.get(0).re, self.x.get(self.h).re);
            Complex::new(a + b, a - b)
        } else {
            let xk = self.x.get(k);
            let xnk = self.x.get(self.h - k).conj();
            let e = xk + xnk;
            let o = (xk - xnk) * self.tw.at(k).conj();
            // e + i o
            Complex::new(e.re - o.im, e.im + o.re)
        }
    }
    #[inline(always)]
    fn prefetch(&self, j: usize, count: usize) {
        if j < self.h && count > 0 {
            self.x.prefetch(j, count);
            let lo = (self.h - j).saturating_sub(count - 1);
            self.x.prefetch(lo, count);
        }
    }
}
