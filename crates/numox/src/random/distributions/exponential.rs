//! The standard exponential: NumPy's 256-layer ziggurat and its inversion method.

use crate::random::BitGenerator;
use crate::random::bit_generator::next_float;
use crate::random::ziggurat_tables::*;

/// NumPy's `random_standard_exponential_zig` (f64).
#[inline(always)]
pub(crate) fn standard_exponential<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    loop {
        let ri = bg.next_uint64() >> 3;
        let idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        let x = ri as i64 as f64 * WE_DOUBLE[idx]; // exact: ri < 2^53
        if ri < KE_DOUBLE[idx] {
            return x;
        }
        if let Some(v) = exponential_unlikely(bg, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_unlikely<B: BitGenerator + ?Sized>(bg: &mut B, idx: usize, x: f64) -> Option<f64> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R - (-bg.next_double()).ln_1p());
    }
    if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.next_double() + FE_DOUBLE[idx] < (-x).exp() {
        return Some(x);
    }
    None
}

/// NumPy's `random_standard_exponential_zig_f` (f32).
#[inline(always)]
pub(crate) fn standard_exponential_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    loop {
        let ri = bg.next_uint32() >> 1;
        let idx = (ri & 0xff) as usize;
        let ri = ri >> 8;
        let x = ri as i32 as f32 * WE_FLOAT[idx];
        if ri < KE_FLOAT[idx] {
            return x;
        }
        if let Some(v) = exponential_unlikely_f32(bg, idx, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn exponential_unlikely_f32<B: BitGenerator + ?Sized>(bg: &mut B, idx: usize, x: f32) -> Option<f32> {
    if idx == 0 {
        return Some(ZIGGURAT_EXP_R_F - (-next_float(bg) as f64).ln_1p() as f32);
    }
    if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * next_float(bg) + FE_FLOAT[idx] < (-x).exp() {
        return Some(x);
    }
    None
}

/// NumPy's `random_standard_exponential` (the `method="inv"` path): `-log1p(-U)`.
#[inline(always)]
pub(crate) fn standard_exponential_inv<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    -(-bg.next_double()).ln_1p()
}

/// NumPy's `random_standard_exponential_f` (`method="inv"`, f32).
#[inline(always)]
pub(crate) fn standard_exponential_inv_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    -(-next_float(bg) as f64).ln_1p() as f32
}
