//! The standard normal by NumPy's 256-layer ziggurat (f64 and f32).

use crate::random::BitGenerator;
use crate::random::bit_generator::next_float;
use crate::random::ziggurat_tables::*;

/// NumPy's `random_standard_normal`: 8 bits of layer index, a sign bit and
/// 52 bits of mantissa from one 64-bit word; the rare tail and wedge cases
/// draw further doubles.
#[inline(always)]
pub(crate) fn standard_normal<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    loop {
        let r = bg.next_uint64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as i64 as f64 * WI_DOUBLE[idx]; // exact: rabs < 2^52
        if r & 1 == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if let Some(v) = normal_unlikely(bg, idx, rabs, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn normal_unlikely<B: BitGenerator + ?Sized>(bg: &mut B, idx: usize, rabs: u64, x: f64) -> Option<f64> {
    if idx == 0 {
        loop {
            let xx = -ZIGGURAT_NOR_INV_R * (-bg.next_double()).ln_1p();
            let yy = -(-bg.next_double()).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(ZIGGURAT_NOR_R + xx)
                } else {
                    ZIGGURAT_NOR_R + xx
                });
            }
        }
    }
    if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.next_double() + FI_DOUBLE[idx] < (-0.5 * x * x).exp() {
        return Some(x);
    }
    None
}

/// NumPy's `random_standard_normal_f`: the float32 ziggurat on one 32-bit word.
#[inline(always)]
pub(crate) fn standard_normal_f32<B: BitGenerator + ?Sized>(bg: &mut B) -> f32 {
    loop {
        let r = bg.next_uint32();
        let idx = (r & 0xff) as usize;
        let sign = (r >> 8) & 1;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as i32 as f32 * WI_FLOAT[idx];
        if sign == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if let Some(v) = normal_unlikely_f32(bg, idx, rabs, x) {
            return v;
        }
    }
}

#[cold]
#[inline(never)]
fn normal_unlikely_f32<B: BitGenerator + ?Sized>(bg: &mut B, idx: usize, rabs: u32, x: f32) -> Option<f32> {
    if idx == 0 {
        loop {
            let xx = -ZIGGURAT_NOR_INV_R_F * (-next_float(bg) as f64).ln_1p() as f32;
            let yy = -(-next_float(bg) as f64).ln_1p() as f32;
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(ZIGGURAT_NOR_R_F + xx)
                } else {
                    ZIGGURAT_NOR_R_F + xx
                });
            }
        }
    }
    // NumPy compares in double here: `exp(-0.5 * x * x)` with x promoted.
    let lhs = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * next_float(bg) + FI_FLOAT[idx];
    if (lhs as f64) < (-0.5 * x as f64 * x as f64).exp() {
        return Some(x);
    }
    None
}
