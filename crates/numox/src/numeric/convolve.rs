//! NumPy's `convolve` and `correlate` of 1-d sequences: direct sums
//! (O(n·m), as NumPy computes them), each output on its own, in parallel
//! for long inputs.

use super::NumOps;
use super::function_base::conj;
use crate::array::{Array, ArrayBase, Data};
use crate::element::Numeric;
use crate::error::{Error, Result};

/// The size of the output of [`convolve`] / [`correlate`] (NumPy's `mode`).
///
/// ```
/// use numox::prelude::*;
/// use numox::ConvolveMode;
/// let (a, v) = (array![1.0, 2.0, 3.0], array![0.0, 1.0, 0.5]);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Full).unwrap().len(), 5);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Same).unwrap().len(), 3);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Valid).unwrap().len(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConvolveMode {
    /// Every overlap: length `n + m - 1` (the default of `convolve`).
    #[default]
    Full,
    /// Length `max(n, m)`, centred on the `full` output.
    Same,
    /// Only full overlaps: length `max(n, m) - min(n, m) + 1` (the default of `correlate`).
    Valid,
}

/// Outputs per rayon task.
const CHUNK: usize = 2048;

/// Outputs computed together by [`block_sums`] (two AVX-512 registers of `f64`).
const BLOCK: usize = 16;

/// `out[l] = sum_j x[l + j] * y[j]` for `l < BLOCK`, each sum in `j` order
/// from zero (exactly the scalar loop's operations, so the same bits), the
/// `BLOCK` sums side by side so the compiler keeps them in vector registers.
/// `x` holds at least `BLOCK - 1 + y.len()` values.
#[inline(always)]
fn block_sums<A: Numeric>(x: &[A], y: &[A]) -> [A; BLOCK] {
    let mut acc = [A::zero(); BLOCK];
    for (j, &yj) in y.iter().enumerate() {
        let Some(xs) = x[j..].first_chunk::<BLOCK>() else {
            unreachable!("the caller passes BLOCK - 1 + y.len() values")
        };
        for (a, &xv) in acc.iter_mut().zip(xs) {
            *a = a.nadd(xv.nmul(yj));
        }
    }
    acc
}

/// `out[i] = block_sums(x[i..], y)` for every block of `out`; `x` holds at
/// least `out.len() - 1 + y.len()` values.
#[inline(always)]
fn blocks<A: Numeric>(x: &[A], y: &[A], out: &mut [A]) {
    for (b, o) in out.chunks_exact_mut(BLOCK).enumerate() {
        o.copy_from_slice(&block_sums(&x[b * BLOCK..], y));
    }
}

/// [`blocks`] compiled for AVX-512 (the same IEEE operations, wider registers).
///
/// # Safety
/// The CPU must support AVX-512 F/DQ/VL/BW, AVX2, FMA and BMI2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,bmi2")]
unsafe fn blocks_avx512<A: Numeric>(x: &[A], y: &[A], out: &mut [A]) {
    blocks(x, y, out)
}

/// [`blocks`] compiled for AVX2.
///
/// # Safety
/// The CPU must support AVX2, FMA and BMI2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,bmi2")]
unsafe fn blocks_avx2<A: Numeric>(x: &[A], y: &[A], out: &mut [A]) {
    blocks(x, y, out)
}

/// [`blocks`] with the widest vector code the CPU supports. Separate mul
/// and add (never fused) in every variant, so the results do not depend on
/// the CPU.
fn blocks_dispatch<A: Numeric>(x: &[A], y: &[A], out: &mut [A]) {
    use crate::umath::engine::{Isa, isa};
    match isa() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX-512 F/DQ/VL/BW, AVX2, FMA and BMI2.
        Isa::Avx512 => unsafe { blocks_avx512(x, y, out) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX2, FMA and BMI2.
        Isa::Avx2 => unsafe { blocks_avx2(x, y, out) },
        _ => blocks(x, y, out),
    }
}

/// `out[t] = sum_j x[t + j - left] * y[j]` over the `j` inside both, for
/// `len(x) >= len(y)`, as NumPy's `_pyarray_correlate` lays out the modes.
/// Every sum runs in `j` order from zero; outputs whose window lies fully
/// inside `x` are computed [`BLOCK`] at a time in vector registers (the
/// same operations in the same order, so the same bits as one at a time).
fn correlate_core<A: Numeric>(x: &[A], y: &[A], mode: ConvolveMode) -> Vec<A> {
    let (n, m) = (x.len(), y.len());
    let (len, left) = match mode {
        ConvolveMode::Valid => (n - m + 1, 0),
        ConvolveMode::Same => (n, m / 2),
        ConvolveMode::Full => (n + m - 1, m - 1),
    };
    let one = |t: usize| -> A {
        // Lag k = t - left: x index i + k for y index i.
        let k = t as isize - left as isize;
        let j0 = if k < 0 { (-k) as usize } else { 0 };
        let j1 = m.min((n as isize - k).max(0) as usize);
        let mut s = A::zero();
        for j in j0..j1 {
            s = s.nadd(x[(j as isize + k) as usize].nmul(y[j]));
        }
        s
    };
    // Outputs [t_lo, t_hi) have their whole window inside x (t - left >= 0
    // and t - left + m <= n).
    let (t_lo, t_hi) = (left.min(len), (n - m + left + 1).min(len));
    // Fills out[t0..t0 + o.len()].
    let fill = |t0: usize, o: &mut [A]| {
        let t1 = t0 + o.len();
        let (a, b) = (t_lo.clamp(t0, t1), t_hi.clamp(t0, t1));
        let nb = (b - a) / BLOCK * BLOCK;
        for (t, r) in (t0..a).zip(o.iter_mut()) {
            *r = one(t);
        }
        if nb > 0 {
            // a >= t_lo = left here (a < b <= t_hi).
            blocks_dispatch(&x[a - left..], y, &mut o[a - t0..a - t0 + nb]);
        }
        for (t, r) in (a + nb..t1).zip(o[a + nb - t0..].iter_mut()) {
            *r = one(t);
        }
    };
    let mut out = vec![A::zero(); len];
    if len * m < 1 << 16 {
        fill(0, &mut out);
    } else {
        crate::parallel::for_each_chunk_mut(&mut out, CHUNK, &|c, o| fill(c * CHUNK, o));
    }
    out
}

fn inputs<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    op: &str,
) -> Result<(Vec<A>, Vec<A>)> {
    if a.ndim() > 1 || v.ndim() > 1 {
        return Err(Error::invalid(format!("{op}: object too deep for desired array")));
    }
    let (x, y) = (a.to_vec(), v.to_vec());
    if x.is_empty() {
        return Err(Error::invalid(format!("{op}: a cannot be empty")));
    }
    if y.is_empty() {
        return Err(Error::invalid(format!("{op}: v cannot be empty")));
    }
    Ok((x, y))
}

/// NumPy's `np.convolve(a, v, mode)`: the discrete linear convolution
/// `(a * v)[k] = sum_i a[i] v[k - i]` of two 1-d sequences (0-d inputs
/// count as length 1). `Same` and `Valid` are taken relative to the longer
/// input, as in NumPy (which swaps them).
///
/// Errors: an empty input; an input of more than one dimension.
///
/// ```
/// use numox::prelude::*;
/// use numox::ConvolveMode;
/// assert_eq!(numox::convolve(&array![1, 2, 3], &array![0, 1], ConvolveMode::Full).unwrap(), array![0, 1, 2, 3]);
/// assert_eq!(numox::convolve(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvolveMode::Same).unwrap(), array![1.0, 2.5, 4.0]);
/// ```
pub fn convolve<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    mode: ConvolveMode,
) -> Result<Array<A>> {
    let (mut x, mut y) = inputs(a, v, "convolve")?;
    if y.len() > x.len() {
        std::mem::swap(&mut x, &mut y);
    }
    y.reverse();
    Ok(Array::from_vec(correlate_core(&x, &y, mode)))
}

/// NumPy's `np.correlate(a, v, mode)`: the cross-correlation
/// `c[k] = sum_n a[n + k] conj(v[n])` of two 1-d sequences (NumPy's
/// default mode is `Valid`). When `v` is longer than `a`, NumPy computes
/// with the inputs swapped and reverses the result; so does this.
///
/// Errors: an empty input; an input of more than one dimension.
///
/// ```
/// use numox::prelude::*;
/// use numox::{Complex64, ConvolveMode};
/// assert_eq!(numox::correlate(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvolveMode::Valid).unwrap(), array![3.5]);
/// let z = numox::correlate(&array![Complex64::new(0.0, 1.0)], &array![Complex64::new(0.0, 1.0)], ConvolveMode::Valid).unwrap();
/// assert_eq!(z, array![Complex64::new(1.0, 0.0)]);
/// ```
pub fn correlate<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    mode: ConvolveMode,
) -> Result<Array<A>> {
    let (x, y) = inputs(a, v, "correlate")?;
    let y: Vec<A> = y.into_iter().map(conj).collect();
    if y.len() <= x.len() {
        return Ok(Array::from_vec(correlate_core(&x, &y, mode)));
    }
    // NumPy: correlate(conj v, a) with the roles swapped, reversed and conjugated.
    let x2: Vec<A> = x.into_iter().map(conj).collect();
    let yy: Vec<A> = y.into_iter().map(conj).collect();
    let mut out = correlate_core(&yy, &x2, mode);
    out.reverse();
    Ok(Array::from_vec(out.into_iter().map(conj).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain one-output-at-a-time sums (the reference for the blocked path).
    fn naive<A: Numeric>(x: &[A], y: &[A], mode: ConvolveMode) -> Vec<A> {
        let (n, m) = (x.len() as isize, y.len() as isize);
        let (len, left) = match mode {
            ConvolveMode::Valid => (n - m + 1, 0),
            ConvolveMode::Same => (n, m / 2),
            ConvolveMode::Full => (n + m - 1, m - 1),
        };
        (0..len)
            .map(|t| {
                let mut s = A::zero();
                for j in 0..m {
                    let i = t - left + j;
                    if (0..n).contains(&i) {
                        s = s.nadd(x[i as usize].nmul(y[j as usize]));
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn blocked_sums_are_bitwise_the_naive_sums() {
        let mut st = 0x2545f4914f6cdd1du64;
        let mut rnd = || {
            st ^= st << 13;
            st ^= st >> 7;
            st ^= st << 17;
            (st >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        };
        // Lengths around the block size and the parallel threshold.
        for (n, m) in [
            (1, 1),
            (5, 3),
            (16, 16),
            (17, 1),
            (40, 7),
            (100, 33),
            (3000, 31),
            (5000, 100),
        ] {
            let x: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let mut y: Vec<f64> = (0..m).map(|_| rnd()).collect();
            if m > 2 {
                y[1] = f64::NAN;
            }
            for mode in [ConvolveMode::Full, ConvolveMode::Same, ConvolveMode::Valid] {
                let got = correlate_core(&x, &y, mode);
                let want = naive(&x, &y, mode);
                assert_eq!(got.len(), want.len());
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
                        "{n}x{m} {mode:?}: {g} vs {w}"
                    );
                }
            }
            let xi: Vec<i64> = (0..n).map(|i| (i as i64 * 7919) % 1000 - 500).collect();
            let yi: Vec<i64> = (0..m).map(|i| i64::MAX / 3 - i as i64).collect();
            assert_eq!(
                correlate_core(&xi, &yi, ConvolveMode::Full),
                naive(&xi, &yi, ConvolveMode::Full)
            );
        }
        // Infinities propagate as in the scalar sums.
        let x = [1.0, f64::INFINITY, 2.0, f64::NEG_INFINITY, 0.5];
        let got = correlate_core(&x.repeat(10), &[1.0, -1.0], ConvolveMode::Full);
        let want = naive(&x.repeat(10), &[1.0, -1.0], ConvolveMode::Full);
        assert!(
            got.iter()
                .zip(&want)
                .all(|(g, w)| g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()))
        );
    }
}
