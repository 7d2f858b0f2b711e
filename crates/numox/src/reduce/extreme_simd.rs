//! The row fold of `max`/`min` along a non-last axis:
//! `acc[i] = maximum(acc[i], x[i])` over two equal-length float slices,
//! compiled for AVX-512 when the CPU has it.
//!
//! NumPy's `maximum(acc, x)` is `acc` when `acc >= x` or `acc` is NaN, else
//! `x`. Written that way the compiler needs two compares, an `or` and a blend
//! per vector (`acc >= x`, `acc` unordered). Here it is `x > acc ? x : acc`,
//! which is one `vmaxpd(x, acc)` (it returns its second operand on ties,
//! zeros of either sign and NaN in either operand), followed by taking `x`
//! in the lanes where only `x` is NaN: bit for bit the same function, NaN
//! payloads included, in fewer instructions per vector, and 8 (`f64`) or 16
//! (`f32`) lanes with AVX-512. Machines without AVX-512 keep the AVX2 code of
//! the generic fold.

/// `acc = maximum(acc, x)` (`MAX`) or `minimum(acc, x)`, in the
/// `vmaxpd`/`vminpd`-friendly form (see the module docs).
#[inline(always)]
fn pick<T: num_traits::Float, const MAX: bool>(acc: T, x: T) -> T {
    let m = if MAX {
        if x > acc { x } else { acc }
    } else if x < acc {
        x
    } else {
        acc
    };
    if x.is_nan() & !acc.is_nan() { x } else { m }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx2")]
fn fold_avx512<T: num_traits::Float, const MAX: bool>(d: &mut [T], s: &[T]) {
    for (a, &x) in d.iter_mut().zip(s) {
        *a = pick::<T, MAX>(*a, x);
    }
}

/// Folds `s` into `d` (`MAX`: maximum, else minimum) with the AVX-512 build
/// of the loop if the CPU has AVX-512; `false` when it does not (the caller
/// then runs the generic fold).
#[inline]
pub(crate) fn fold_rows<T: num_traits::Float, const MAX: bool>(d: &mut [T], s: &[T]) -> bool {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vl")
    {
        // SAFETY: the CPU supports AVX-512F/DQ/VL and AVX2 (AVX-512F implies
        // it), checked at run time just above.
        unsafe { fold_avx512::<T, MAX>(d, s) };
        return true;
    }
    let _ = (d, s);
    false
}

#[cfg(test)]
mod tests {
    use super::{fold_rows, pick};
    use crate::reduce::elem::MinMaxImpl;

    /// Every length 0..40 (full vectors and tails) and every pairing of NaN
    /// (two payloads), ±0, ±inf and ordinary values: the fold (AVX-512 on a
    /// machine that has it) and its scalar `pick` are bit for bit NumPy's
    /// `maximum`/`minimum` as numox's scalar fold computes them.
    fn check<T: MinMaxImpl + num_traits::Float + std::fmt::Debug>(vals: &[T], bits: impl Fn(T) -> u64) {
        for n in 0..40usize {
            for shift in 0..vals.len() {
                let d0: Vec<T> = (0..n).map(|i| vals[(i * 7 + shift) % vals.len()]).collect();
                let s: Vec<T> = (0..n)
                    .map(|i| vals[(i * 3 + 2 * shift + 1) % vals.len()])
                    .collect();
                for max in [true, false] {
                    let mut d = d0.clone();
                    let used = if max {
                        fold_rows::<T, true>(&mut d, &s)
                    } else {
                        fold_rows::<T, false>(&mut d, &s)
                    };
                    for i in 0..n {
                        let (a, x) = (d0[i], s[i]);
                        let want = if max { T::maximum(a, x) } else { T::minimum(a, x) };
                        let scalar = if max {
                            pick::<T, true>(a, x)
                        } else {
                            pick::<T, false>(a, x)
                        };
                        assert_eq!(
                            bits(scalar),
                            bits(want),
                            "pick n={n} i={i} max={max}: {a:?} {x:?}"
                        );
                        if used {
                            assert_eq!(bits(d[i]), bits(want), "fold n={n} i={i} max={max}: {a:?} {x:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn row_fold_is_numpys_maximum_bit_for_bit() {
        let n1 = f64::from_bits(0x7ff8_0000_0000_0001);
        let n2 = f64::from_bits(0xfff8_0000_0000_0002);
        let v64 = [
            1.0,
            -2.5,
            n1,
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            n2,
            3.0,
            1.0,
            5e-324,
        ];
        check(&v64, f64::to_bits);
        let v32: Vec<f32> = v64.iter().map(|&x| x as f32).collect();
        check(&v32, |x: f32| x.to_bits() as u64);
    }
}
