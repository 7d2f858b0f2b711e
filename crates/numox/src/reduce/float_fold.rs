//! The row fold of `max`/`min` along a non-last axis for `f32`/`f64` on
//! AVX2 without AVX-512: `d[i] = maximum(d[i], s[i])` with explicit
//! `vmaxpd`/`vminpd` and a blend for NumPy's NaN rule.
//!
//! Why not the generic fold: written portably, the update is a select
//! between the new element and the old `d[i]`, and LLVM turns "store a
//! select whose other operand is a load from the same address" into a
//! masked store (`vmaskmovpd`). AMD CPUs before Zen 4 run that store as
//! microcode, many cycles each: `max(axis=0)` of a 4000 x 2500 matrix ran
//! at half the memory bandwidth there. Here the blend's operands are the
//! `max` result and the new element, never the loaded value, so the store
//! is a plain one.

/// `f32` and `f64`: the element types with a fold here.
pub(super) trait FloatFold: Sized {
    /// Folds each of `rows` in turn into `d` (all of `d`'s length) with
    /// NumPy's `maximum` (`max`) or `minimum`, bit for bit, when the CPU has
    /// AVX2 but not AVX-512 (where the generic fold already compiles to a
    /// `max` and a masked blend). Returns `false`, having done nothing,
    /// otherwise.
    fn fold(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool;

    /// The AVX2 kernel of [`FloatFold::fold`] whenever the CPU has AVX2,
    /// AVX-512 or not (so the tests check it on every x86 machine);
    /// `false`, having done nothing, without AVX2.
    fn fold_avx2(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool;
}

macro_rules! float_fold {
    ($t:ty, $lanes:expr, $avx2:ident, $load:ident, $store:ident, $vmax:ident, $vmin:ident, $cmp:ident,
     $andnot:ident, $blend:ident) => {
        impl FloatFold for $t {
            fn fold(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool {
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx512f") {
                    return false;
                }
                Self::fold_avx2(d, rows, max)
            }

            fn fold_avx2(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool {
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU supports AVX2 (checked just above).
                    unsafe { $avx2(d, rows, max) };
                    return true;
                }
                let _ = (d, rows, max);
                false
            }
        }

        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        fn $avx2(d: &mut [$t], rows: &[&[$t]], max: bool) {
            use std::arch::x86_64::*;
            assert!(rows.iter().all(|r| r.len() == d.len()));
            let n = d.len();
            let dp = d.as_mut_ptr();
            let mut i = 0;
            while i + $lanes <= n {
                // SAFETY: `i + lanes <= n`, within `d` and every row (all of
                // length `n`); unaligned loads and stores.
                unsafe {
                    let mut a = $load(dp.add(i));
                    for r in rows {
                        let b = $load(r.as_ptr().add(i));
                        // `max(b, a)` is `b > a ? b : a` (the second operand
                        // on ties, zeros and NaN): NumPy's `a >= b ? a : b`
                        // except where only `b` is NaN, which the blend
                        // takes from `b`.
                        let m = if max { $vmax(b, a) } else { $vmin(b, a) };
                        let take_b = $andnot($cmp::<_CMP_UNORD_Q>(a, a), $cmp::<_CMP_UNORD_Q>(b, b));
                        a = $blend(m, b, take_b);
                    }
                    $store(dp.add(i), a);
                }
                i += $lanes;
            }
            for (j, a) in d.iter_mut().enumerate().skip(i) {
                for r in rows {
                    let b = r[j];
                    let m = if max {
                        if b > *a { b } else { *a }
                    } else if b < *a {
                        b
                    } else {
                        *a
                    };
                    *a = if b.is_nan() & !a.is_nan() { b } else { m };
                }
            }
        }
    };
}

float_fold!(
    f64,
    4,
    fold_f64_avx2,
    _mm256_loadu_pd,
    _mm256_storeu_pd,
    _mm256_max_pd,
    _mm256_min_pd,
    _mm256_cmp_pd,
    _mm256_andnot_pd,
    _mm256_blendv_pd
);
float_fold!(
    f32,
    8,
    fold_f32_avx2,
    _mm256_loadu_ps,
    _mm256_storeu_ps,
    _mm256_max_ps,
    _mm256_min_ps,
    _mm256_cmp_ps,
    _mm256_andnot_ps,
    _mm256_blendv_ps
);

#[cfg(test)]
mod tests {
    use super::FloatFold;
    use crate::reduce::elem::MinMaxImpl;

    /// The fold against the scalar `maximum`/`minimum`, bit for bit, on
    /// every ordered pair of special values (both zeros, infinities, NaNs
    /// with different payloads and signs, subnormals), at lengths that
    /// leave a scalar tail.
    #[test]
    fn fold_is_numpys_maximum_and_minimum_bit_for_bit() {
        let special = [
            0.0f64,
            -0.0,
            1.5,
            -2.25,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7ff8_0000_0000_0123),
            f64::MIN_POSITIVE / 8.0,
            1.5,
        ];
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for &x in &special {
            for &y in &special {
                a.push(x);
                b.push(y);
            }
        }
        for len in [a.len(), a.len() - 3, 5, 0] {
            for max in [true, false] {
                let pick = |x: f64, y: f64| {
                    if max {
                        <f64 as MinMaxImpl>::maximum(x, y)
                    } else {
                        <f64 as MinMaxImpl>::minimum(x, y)
                    }
                };
                let want: Vec<u64> = a[..len]
                    .iter()
                    .zip(&b[..len])
                    .map(|(&x, &y)| pick(x, y).to_bits())
                    .collect();
                let mut d = a[..len].to_vec();
                if f64::fold_avx2(&mut d, &[&b[..len]], max) {
                    assert_eq!(
                        d.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                        want,
                        "f64 max={max}"
                    );
                }
                // Several rows in one call: the same as folding them one by one.
                let rows: Vec<Vec<f64>> = (0..3)
                    .map(|k| b[..len].iter().cycle().skip(k * 7).take(len).copied().collect())
                    .collect();
                let mut one_by_one = a[..len].to_vec();
                for r in &rows {
                    for (x, &y) in one_by_one.iter_mut().zip(r) {
                        *x = pick(*x, y);
                    }
                }
                let mut together = a[..len].to_vec();
                let refs: Vec<&[f64]> = rows.iter().map(|r| r.as_slice()).collect();
                if f64::fold_avx2(&mut together, &refs, max) {
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&together), bits(&one_by_one), "f64 rows max={max}");
                }
                let pick32 = |x: f32, y: f32| {
                    if max {
                        <f32 as MinMaxImpl>::maximum(x, y)
                    } else {
                        <f32 as MinMaxImpl>::minimum(x, y)
                    }
                };
                let a32: Vec<f32> = a[..len].iter().map(|&x| x as f32).collect();
                let b32: Vec<f32> = b[..len].iter().map(|&x| x as f32).collect();
                let want32: Vec<u32> = a32
                    .iter()
                    .zip(&b32)
                    .map(|(&x, &y)| pick32(x, y).to_bits())
                    .collect();
                let mut d32 = a32.clone();
                if f32::fold_avx2(&mut d32, &[&b32], max) {
                    assert_eq!(
                        d32.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                        want32,
                        "f32 max={max}"
                    );
                }
            }
        }
    }
}
