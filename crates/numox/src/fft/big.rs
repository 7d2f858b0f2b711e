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
use num_complex::Complex;
use num_traits::Zero;
use rayon::prelude::*;
use rustfft::{Fft, FftNum};
use std::sync::Arc;

/// Rows or columns handled together by one unit of work: 16 complex
/// numbers are 128 or 256 contiguous bytes of each row a column pass reads.
const BLOCK: usize = 16;

/// A raw pointer that may cross threads; every use states why the
/// accesses through it are disjoint.
#[derive(Clone, Copy)]
pub(crate) struct SendPtr<T>(pub(crate) *mut T);
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
#[derive(Clone, Copy)]
pub(crate) struct ConstPtr<T>(pub(crate) *const T);
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

/// A multi-threaded plan for one long length and direction.
pub(crate) enum BigC2c<T: FftNum> {
    /// A balanced factorisation `n = n1 * n2`.
    FourStep(FourStep<T>),
    /// Any length, through a convolution of a smooth length.
    Bluestein(Bluestein<T>),
}

/// The divisor `d <= sqrt(n)` of `n` closest to `sqrt(n)`, when it is at
/// least 32 (so both passes do real FFTs, not a few huge ones).
fn balanced_split(n: usize) -> Option<(usize, usize)> {
    let mut d = (n as f64).sqrt() as usize;
    while d * d > n {
        d -= 1;
    }
    while d >= 32 {
        if n % d == 0 {
            return Some((n / d, d));
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
        G: Fn(usize) -> Complex<T> + Sync,
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
        G: Fn(usize) -> Complex<T> + Sync,
    {
        let (n1, n2) = (self.n1, self.n2);
        let outp = SendPtr(out);
        // Pass A: rows. Block `bi` writes rows [bi*BLOCK, ..) of `out` only.
        (0..n2.div_ceil(BLOCK)).into_par_iter().for_each_init(
            || vec![Complex::zero(); self.f1.get_inplace_scratch_len()],
            |scratch, bi| {
                let r0 = bi * BLOCK;
                let rows = BLOCK.min(n2 - r0);
                // SAFETY: rows r0..r0+rows of the n2 x n1 matrix are in bounds
                // and written by this block alone.
                let blk = unsafe { outp.get().add(r0 * n1) };
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    for b in 0..rows {
                        // SAFETY: b * n1 + j1 < rows * n1, inside this block's rows.
                        unsafe { blk.add(b * n1 + j1).write(get(base + b)) };
                    }
                }
                // SAFETY: every element of the block was just written.
                let s = unsafe { std::slice::from_raw_parts_mut(blk, rows * n1) };
                self.f1.process_with_scratch(s, scratch);
                for (b, row) in s.chunks_exact_mut(n1).enumerate() {
                    twiddle_row(row, r0 + b, &self.tw, self.inverse);
                }
            },
        );
        // Pass B: columns, in place. Block `bi` reads and writes columns
        // [bi*BLOCK, ..) of every row only.
        (0..n1.div_ceil(BLOCK)).into_par_iter().for_each_init(
            || {
                (
                    vec![Complex::zero(); BLOCK * n2],
                    vec![Complex::zero(); self.f2.get_inplace_scratch_len()],
                )
            },
            |(buf, scratch), bi| {
                let c0 = bi * BLOCK;
                let cols = BLOCK.min(n1 - c0);
                let buf = &mut buf[..cols * n2];
                // SAFETY: columns c0..c0+cols of the initialised matrix belong to this block.
                unsafe { gather_cols(outp.get(), n1, n2, c0, cols, buf) };
                self.f2.process_with_scratch(buf, scratch);
                // SAFETY: as for the gather.
                unsafe { scatter_cols(outp.get(), n1, n2, c0, cols, buf, fct) };
            },
        );
    }
}

/// Multiplies row `j2` of pass A by `w^(j2 * k1)` (conjugated for the inverse).
#[inline]
fn twiddle_row<T: FftFloat>(row: &mut [Complex<T>], j2: usize, tw: &Twiddles<T>, inverse: bool) {
    if j2 == 0 {
        return;
    }
    let mut m = 0usize;
    if inverse {
        for x in row.iter_mut() {
            *x = *x * tw.at(m).conj();
            m += j2;
        }
    } else {
        for x in row.iter_mut() {
            *x = *x * tw.at(m);
            m += j2;
        }
    }
}

/// Copies columns `c0..c0+cols` of the `rows x n1` matrix at `m` into
/// `buf`, one column after another.
///
/// # Safety
/// The matrix must be initialised and those columns not written by anyone else.
#[inline]
unsafe fn gather_cols<T: Copy>(m: *const T, n1: usize, rows: usize, c0: usize, cols: usize, buf: &mut [T]) {
    for r in 0..rows {
        // SAFETY: row r, columns c0..c0+cols are in bounds.
        let src = unsafe { std::slice::from_raw_parts(m.add(r * n1 + c0), cols) };
        for (b, &v) in src.iter().enumerate() {
            buf[b * rows + r] = v;
        }
    }
}

/// Writes `buf` (columns one after another) back to columns `c0..` of the
/// `rows x n1` matrix at `m`, times `fct`.
///
/// # Safety
/// Those columns must be valid for writes and touched by no one else.
#[inline]
unsafe fn scatter_cols<T: FftFloat>(
    m: *mut Complex<T>,
    n1: usize,
    rows: usize,
    c0: usize,
    cols: usize,
    buf: &[Complex<T>],
    fct: T,
) {
    let one = fct == T::one();
    for r in 0..rows {
        // SAFETY: row r, columns c0..c0+cols are in bounds and ours.
        let dst = unsafe { std::slice::from_raw_parts_mut(m.add(r * n1 + c0), cols) };
        for (b, d) in dst.iter_mut().enumerate() {
            let v = buf[b * rows + r];
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
        }
    }

    /// See [`BigC2c::run`].
    ///
    /// # Safety
    /// As [`BigC2c::run`].
    unsafe fn run<G>(&self, get: G, out: *mut Complex<T>, fct: T)
    where
        G: Fn(usize) -> Complex<T> + Sync,
    {
        let (n, n1, n2) = (self.n, self.n1, self.n2);
        let m = n1 * n2;
        let mut work: Vec<Complex<T>> = Vec::with_capacity(m);
        let wp = SendPtr(work.as_mut_ptr());
        let outp = SendPtr(out);
        // Pass 1 (rows of the n2 x n1 work matrix): a[j] = x[j] * chirp[j],
        // zero past n; forward FFT of length n1; twiddle.
        (0..n2.div_ceil(BLOCK)).into_par_iter().for_each_init(
            || vec![Complex::zero(); self.f1.get_inplace_scratch_len()],
            |scratch, bi| {
                let r0 = bi * BLOCK;
                let rows = BLOCK.min(n2 - r0);
                // SAFETY: rows r0..r0+rows of `work` (capacity m) belong to this block.
                let blk = unsafe { wp.get().add(r0 * n1) };
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    for b in 0..rows {
                        let j = base + b;
                        let v = if j < n {
                            get(j) * self.chirp[j]
                        } else {
                            Complex::zero()
                        };
                        // SAFETY: inside this block's rows.
                        unsafe { blk.add(b * n1 + j1).write(v) };
                    }
                }
                // SAFETY: the block was just fully written.
                let s = unsafe { std::slice::from_raw_parts_mut(blk, rows * n1) };
                self.f1.process_with_scratch(s, scratch);
                for (b, row) in s.chunks_exact_mut(n1).enumerate() {
                    twiddle_row(row, r0 + b, &self.tw, false);
                }
            },
        );
        // Pass 2 (columns): forward FFT of length n2 (the spectrum of a),
        // times the kernel, inverse FFT of length n2, inverse twiddle.
        (0..n1.div_ceil(BLOCK)).into_par_iter().for_each_init(
            || {
                let s = self
                    .f2
                    .get_inplace_scratch_len()
                    .max(self.f2_inv.get_inplace_scratch_len());
                (vec![Complex::zero(); BLOCK * n2], vec![Complex::zero(); s])
            },
            |(buf, scratch), bi| {
                let c0 = bi * BLOCK;
                let cols = BLOCK.min(n1 - c0);
                let buf = &mut buf[..cols * n2];
                // SAFETY: pass 1 initialised `work`; these columns are this block's.
                unsafe { gather_cols(wp.get(), n1, n2, c0, cols, buf) };
                self.f2.process_with_scratch(buf, scratch);
                let ker = &self.kernel[c0 * n2..(c0 + cols) * n2];
                for (x, k) in buf.iter_mut().zip(ker) {
                    *x = *x * *k;
                }
                self.f2_inv.process_with_scratch(buf, scratch);
                for (b, col) in buf.chunks_exact_mut(n2).enumerate() {
                    let k1 = c0 + b;
                    let mut t = 0usize;
                    for x in col.iter_mut() {
                        *x = *x * self.tw.at(t).conj();
                        t += k1;
                    }
                }
                // SAFETY: as for the gather.
                unsafe { scatter_cols(wp.get(), n1, n2, c0, cols, buf, T::one()) };
            },
        );
        // Pass 3 (rows): inverse FFT of length n1 gives c[j1 * n2 + j2] in
        // row j2; out[j] = fct * chirp[j] * c[j] for j < n.
        (0..n2.div_ceil(BLOCK)).into_par_iter().for_each_init(
            || vec![Complex::zero(); self.f1_inv.get_inplace_scratch_len()],
            |scratch, bi| {
                let r0 = bi * BLOCK;
                let rows = BLOCK.min(n2 - r0);
                // SAFETY: these initialised rows belong to this block.
                let s = unsafe { std::slice::from_raw_parts_mut(wp.get().add(r0 * n1), rows * n1) };
                self.f1_inv.process_with_scratch(s, scratch);
                for j1 in 0..n1 {
                    let base = j1 * n2 + r0;
                    for b in 0..rows {
                        let j = base + b;
                        if j < n {
                            let v = s[b * n1 + j1] * self.chirp[j] * fct;
                            // SAFETY: j < n; output j = j1 * n2 + j2 is written by the
                            // block owning row j2 only.
                            unsafe { outp.get().add(j).write(v) };
                        }
                    }
                }
            },
        );
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
    G: Fn(usize) -> T + Sync,
{
    let h = n / 2;
    // Z = FFT_h(z), z_j = x_{2j} + i x_{2j+1}
    // SAFETY: out has room for h + 1 >= h elements.
    unsafe { big.run(|j| Complex::new(get(2 * j), get(2 * j + 1)), out, T::one()) };
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
    (0..pairs.div_ceil(chunk)).into_par_iter().for_each(|c| {
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
    G: Fn(usize) -> Complex<T> + Sync,
{
    let h = n / 2;
    let tw = plan::twiddles::<T>(n);
    let z = |k: usize| {
        if k == 0 {
            let (a, b) = (get(0).re, get(h).re);
            Complex::new(a + b, a - b)
        } else {
            let xk = get(k);
            let xnk = get(h - k).conj();
            let e = xk + xnk;
            let o = (xk - xnk) * tw.at(k).conj();
            // e + i o
            Complex::new(e.re - o.im, e.im + o.re)
        }
    };
    // SAFETY: `n` reals are `h` complex numbers (Complex<T> is two T's, same alignment).
    unsafe { big.run(z, out.cast::<Complex<T>>(), fct) };
}
