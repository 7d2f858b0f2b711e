//! numox::fft against definitions and invariants: a direct DFT, the
//! multi-threaded long-length algorithms against the batched single-thread
//! path, layouts (strided, transposed, reversed views), thread-count
//! independence, and proptest properties (inverse round trips, Parseval,
//! Hermitian symmetry of real-input transforms).
//!
//! Error bounds: an FFT's rms error relative to the rms of its output grows
//! like `eps * log2(n)`; the bound used everywhere is
//! `|got - want| <= C * eps * log2(2n) * ||x||_2` per element, where
//! `||x||_2 * sqrt(n)` is the rms... of the unnormalised output times
//! `sqrt(n)`, i.e. each element may carry the whole rms error budget.
//! C = 4 covers the reference's own rounding (a direct sum of `n` terms)
//! with margin; each use says so.

use numox::fft::{self, Norm};
use numox::prelude::*;
use proptest::prelude::*;

const EPS64: f64 = f64::EPSILON;
const EPS32: f64 = f32::EPSILON as f64;

/// Deterministic uniform values in [-1, 1) (SplitMix64).
fn rand_vec(seed: u64, n: usize) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            let mut z = seed.wrapping_add((i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            (z >> 11) as f64 * (2.0 / 9007199254740992.0) - 1.0
        })
        .collect()
}

fn rand_complex(seed: u64, n: usize) -> Vec<Complex64> {
    let v = rand_vec(seed, 2 * n);
    v.chunks_exact(2).map(|p| Complex::new(p[0], p[1])).collect()
}

/// `exp(sign * 2 pi i m / n)` with `m` reduced exactly first.
fn cis(m: u128, n: u128, sign: f64) -> Complex64 {
    let a = 2.0 * std::f64::consts::PI * ((m % n) as f64 / n as f64);
    Complex::new(a.cos(), sign * a.sin())
}

/// Bin `k` of the direct DFT (unnormalised; `inverse` flips the sign),
/// summed with Neumaier's compensation so that the reference's error is
/// that of its terms (~eps * ||x||_2), not of a long running sum.
fn dft_bin(x: &[Complex64], k: usize, inverse: bool) -> Complex64 {
    let n = x.len() as u128;
    let sign = if inverse { 1.0 } else { -1.0 };
    let mut acc = [(0.0f64, 0.0f64); 2];
    for (j, &v) in x.iter().enumerate() {
        let t = v * cis(j as u128 * k as u128, n, sign);
        for (a, term) in acc.iter_mut().zip([t.re, t.im]) {
            let s = a.0 + term;
            a.1 += if a.0.abs() >= term.abs() {
                (a.0 - s) + term
            } else {
                (term - s) + a.0
            };
            a.0 = s;
        }
    }
    Complex::new(acc[0].0 + acc[0].1, acc[1].0 + acc[1].1)
}

fn norm2(x: &[Complex64]) -> f64 {
    x.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt()
}

/// Asserts `|got - want| <= c * eps * log2(2n) * scale` elementwise.
fn assert_fft_close(
    got: &[Complex64],
    want: &[Complex64],
    c: f64,
    eps: f64,
    n: usize,
    scale: f64,
    ctx: &str,
) {
    assert_eq!(got.len(), want.len(), "{ctx}: lengths");
    let tol = c * eps * ((2 * n) as f64).log2() * scale;
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).norm() <= tol,
            "{ctx}: bin {k}: got {g}, want {w}, |diff| {:e} > {tol:e}",
            (g - w).norm()
        );
    }
}

#[test]
fn fft_matches_direct_dft() {
    let mut lens: Vec<usize> = (1..=64).collect();
    lens.extend([97, 100, 128, 360, 1000, 1009, 1024]);
    for &n in &lens {
        let x = rand_complex(n as u64, n);
        let a = Array::from_vec(x.clone());
        let want: Vec<Complex64> = (0..n).map(|k| dft_bin(&x, k, false)).collect();
        let got = fft::fft(&a).unwrap().to_vec();
        // C = 4: see the module notes (the direct sum rounds too).
        assert_fft_close(&got, &want, 4.0, EPS64, n, norm2(&x), &format!("fft n={n}"));
        let want_inv: Vec<Complex64> = (0..n).map(|k| dft_bin(&x, k, true) / n as f64).collect();
        let got_inv = fft::ifft(&a).unwrap().to_vec();
        assert_fft_close(
            &got_inv,
            &want_inv,
            4.0,
            EPS64,
            n,
            norm2(&x) / n as f64,
            &format!("ifft n={n}"),
        );
    }
}

#[test]
fn f32_transforms_stay_single_precision() {
    for n in [1usize, 5, 64, 97, 360] {
        let x = rand_vec(3, n);
        let x32: Array<f32> = Array::from_vec(x.iter().map(|&v| v as f32).collect());
        let got: Array<Complex32> = fft::fft(&x32).unwrap();
        let xc: Vec<Complex64> = x32.iter().map(|&v| Complex::new(v as f64, 0.0)).collect();
        let want: Vec<Complex64> = (0..n).map(|k| dft_bin(&xc, k, false)).collect();
        let got64: Vec<Complex64> = got
            .iter()
            .map(|z| Complex::new(z.re as f64, z.im as f64))
            .collect();
        // C = 4 with f32's epsilon: the f64 reference is exact at that scale.
        assert_fft_close(
            &got64,
            &want,
            4.0,
            EPS32,
            n,
            norm2(&xc),
            &format!("f32 fft n={n}"),
        );
        let r: Array<Complex32> = fft::rfft(&x32).unwrap();
        assert_eq!(r.shape(), &[n / 2 + 1]);
        let back: Array<f32> = fft::irfft_with(&r, Some(n), -1, Norm::Backward).unwrap();
        for (a, b) in back.iter().zip(x32.iter()) {
            assert!(
                (a - b).abs() <= 8.0 * f32::EPSILON * (2.0 * n as f32).log2(),
                "n={n}: {a} vs {b}"
            );
        }
    }
}

/// Long lengths take the multi-threaded paths (four-step for balanced
/// factorisations, Bluestein otherwise). Check selected bins against the
/// direct DFT and the whole output against the batched single-thread path
/// (a transform along axis 0 of an (n, 2) array, whose lanes are strided).
#[test]
fn long_lengths_match_direct_dft_and_batched_path() {
    // 2^18 = 512 * 512, 262147 prime, 393216 = 3 * 2^17, 262142 = 2 * 131071 (no balanced split)
    for &n in &[262144usize, 262147, 393216, 262142] {
        let x = rand_complex(n as u64 + 7, n);
        let a = Array::from_vec(x.clone());
        let got = fft::fft(&a).unwrap();
        let gv = got.to_vec();
        let scale = norm2(&x);
        for k in [0, 1, 2, n / 3, n / 2, n - 1] {
            let want = dft_bin(&x, k, false);
            // C = 4 as above; the direct sum of 10^5 terms has error ~ eps sqrt(n) ||x|| < the bound.
            assert_fft_close(
                &gv[k..k + 1],
                &[want],
                4.0,
                EPS64,
                n,
                scale,
                &format!("long fft n={n} k={k}"),
            );
        }
        // The same columns through the batched path.
        let two = Array::from_shape_fn(&[n, 2], |ix| x[ix[0]] * (ix[1] as f64 + 1.0)).unwrap();
        let cols = fft::fft_with(&two, None, 0, Norm::Backward).unwrap();
        let c0: Vec<Complex64> = cols.slice(s![.., 0]).to_vec();
        assert_fft_close(
            &gv,
            &c0,
            4.0,
            EPS64,
            n,
            scale,
            &format!("long fft vs batched n={n}"),
        );
        // Round trip.
        let back = fft::ifft(&got).unwrap().to_vec();
        assert_fft_close(
            &back,
            &x,
            4.0,
            EPS64,
            n,
            scale / (n as f64).sqrt(),
            &format!("long round trip n={n}"),
        );
    }
}

#[test]
fn long_real_transforms_match_batched_path() {
    // even lengths (packed half-length transform: 2^18 split 512 x 512,
    // 2 * 262147 prime via Bluestein, 2 * 3^12 split 729 x 729 (odd factors))
    // and an odd length (the complex path)
    for &n in &[1usize << 19, 2 * 262147, 2 * 531441, 262147] {
        let x = rand_vec(n as u64, n);
        let a = Array::from_vec(x.clone());
        let got = fft::rfft(&a).unwrap();
        assert_eq!(got.shape(), &[n / 2 + 1]);
        let two = Array::from_shape_fn(&[n, 2], |ix| x[ix[0]] * (ix[1] as f64 + 1.0)).unwrap();
        let cols = fft::rfft_with(&two, None, 0, Norm::Backward).unwrap();
        let want: Vec<Complex64> = cols.slice(s![.., 0]).to_vec();
        let xn = x.iter().map(|v| v * v).sum::<f64>().sqrt();
        // C = 4: both are FFTs of the same data with errors ~ eps log2(n) ||x||.
        assert_fft_close(
            &got.to_vec(),
            &want,
            4.0,
            EPS64,
            n,
            xn,
            &format!("long rfft n={n}"),
        );
        let xc: Vec<Complex64> = x.iter().map(|&v| Complex::new(v, 0.0)).collect();
        for k in [0, 1, n / 4, n / 2] {
            let w = dft_bin(&xc, k, false);
            assert_fft_close(
                &got.to_vec()[k..k + 1],
                &[w],
                4.0,
                EPS64,
                n,
                xn,
                &format!("long rfft bin n={n} k={k}"),
            );
        }
        // irfft: long path against the batched path, and the round trip.
        let back = fft::irfft_with(&got, Some(n), -1, Norm::Backward).unwrap();
        let spec2 = Array::from_shape_fn(&[n / 2 + 1, 2], |ix| got[[ix[0]]] * (ix[1] as f64 + 1.0)).unwrap();
        let back2 = fft::irfft_with(&spec2, Some(n), 0, Norm::Backward).unwrap();
        let tol = 4.0 * EPS64 * (2.0 * n as f64).log2() * xn / (n as f64).sqrt() * 4.0;
        for j in 0..n {
            assert!((back[[j]] - back2[[j, 0]]).abs() <= tol, "long irfft n={n} j={j}");
            assert!(
                (back[[j]] - x[j]).abs() <= tol,
                "long irfft round trip n={n} j={j}"
            );
        }
    }
}

#[test]
fn prime_1000003_selected_bins() {
    let n = 1_000_003;
    let x = rand_complex(11, n);
    let got = fft::fft(&Array::from_vec(x.clone())).unwrap();
    for k in [0usize, 1, 500_001, 999_999] {
        let want = dft_bin(&x, k, false);
        // C = 4 as above (the direct sum's own error is ~ eps * sqrt(n) * ||x|| / sqrt(n)... well inside).
        assert_fft_close(
            &got.to_vec()[k..k + 1],
            &[want],
            4.0,
            EPS64,
            n,
            norm2(&x),
            &format!("prime k={k}"),
        );
    }
}

#[test]
fn results_do_not_depend_on_thread_count() {
    let run = || {
        let x = Array::from_vec(rand_complex(5, 262142));
        let r = Array::from_shape_vec(&[64, 48, 40], rand_vec(6, 64 * 48 * 40)).unwrap();
        (
            fft::fft(&x).unwrap(),
            fft::rfft(&Array::from_vec(rand_vec(8, 1 << 19))).unwrap(),
            fft::fft(&Array::from_vec(rand_complex(7, 1 << 18))).unwrap(),
            fft::rfftn(&r).unwrap(),
            fft::irfftn(&fft::rfftn(&r).unwrap()).unwrap(),
        )
    };
    let many = run();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(run);
    let three = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap()
        .install(run);
    for other in [&one, &three] {
        assert!(many.0 == other.0 && many.1 == other.1 && many.2 == other.2 && many.3 == other.3);
        assert!(many.4 == other.4);
    }
}

#[test]
fn any_layout_gives_the_same_bits() {
    let base = Array::from_shape_vec(&[6, 10, 9], rand_vec(9, 540)).unwrap();
    let views = [
        base.slice(s![.., ..;2, ..]),
        base.slice(s![..;-1, .., 1..]),
        base.t(),
        base.slice(s![1, .., ..;-3]),
    ];
    for (i, v) in views.iter().enumerate() {
        let owned = v.to_owned();
        for axis in 0..v.ndim() as isize {
            assert_eq!(
                fft::fft_with(v, None, axis, Norm::Ortho).unwrap(),
                fft::fft_with(&owned, None, axis, Norm::Ortho).unwrap(),
                "view {i} axis {axis}"
            );
            assert_eq!(
                fft::rfft_with(v, Some(7), axis, Norm::Backward).unwrap(),
                fft::rfft_with(&owned, Some(7), axis, Norm::Backward).unwrap()
            );
        }
        assert_eq!(fft::fftn(v).unwrap(), fft::fftn(&owned).unwrap(), "view {i}");
        assert_eq!(fft::rfftn(v).unwrap(), fft::rfftn(&owned).unwrap(), "view {i}");
        let spec = fft::fftn(v).unwrap();
        let spec_t = spec.t();
        assert_eq!(
            fft::irfftn(&spec_t).unwrap(),
            fft::irfftn(&spec_t.to_owned()).unwrap(),
            "view {i}"
        );
    }
    // A long strided 1-D view through the multi-threaded path.
    let long = Array::from_vec(rand_complex(10, 3 * 262144));
    let v = long.slice(s![..;3]);
    assert_eq!(fft::fft(&v).unwrap(), fft::fft(&v.to_owned()).unwrap());
    let rev = long.slice(s![..;-1]);
    assert_eq!(fft::ifft(&rev).unwrap(), fft::ifft(&rev.to_owned()).unwrap());
}

#[test]
fn integer_and_bool_inputs_become_f64() {
    let a = array![1i32, 2, 3, 4];
    let y: Array<Complex64> = fft::fft(&a).unwrap();
    assert_eq!(y[[0]], Complex::new(10.0, 0.0));
    let r: Array<Complex64> = fft::rfft(&array![true, false, true, false]).unwrap();
    assert_eq!(
        r,
        array![
            Complex::new(2.0, 0.0),
            Complex::new(0.0, 0.0),
            Complex::new(2.0, 0.0)
        ]
    );
    let u: Array<f64> = fft::irfft(&array![4u8, 0, 0]).unwrap();
    assert_eq!(u, array![1.0, 1.0, 1.0, 1.0]);
}

#[test]
fn errors_name_the_problem() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    assert!(matches!(
        fft::fft_with(&a, None, 2, Norm::Backward),
        Err(Error::AxisOutOfBounds { axis: 2, ndim: 2 })
    ));
    assert!(matches!(
        fft::fft_with(&a, None, -3, Norm::Backward),
        Err(Error::AxisOutOfBounds { .. })
    ));
    let e = fft::fft_with(&a, Some(0), -1, Norm::Backward).unwrap_err();
    assert_eq!(e.to_string(), "Invalid number of FFT data points (0) specified.");
    assert!(fft::fft(&Array::from_elem0(1.0)).is_err()); // 0-d
    assert!(fft::fft(&Array::<f64>::zeros(&[3, 0])).is_err()); // empty axis, no n
    assert_eq!(
        fft::fft_with(&Array::<f64>::zeros(&[3, 0]), Some(2), -1, Norm::Backward)
            .unwrap()
            .shape(),
        &[3, 2]
    );
    assert_eq!(fft::fft(&Array::<f64>::zeros(&[0, 3])).unwrap().shape(), &[0, 3]); // no lanes is fine
    assert!(fft::irfft(&array![1.0]).is_err()); // default n = 0
    assert!(fft::hfft(&array![1.0]).is_err());
    assert!(fft::fft2(&array![1.0, 2.0]).is_err()); // needs two axes
    assert!(fft::fftn_with(&a, Some(&[2, 2]), Some(&[0]), Norm::Backward).is_err());
    assert!(fft::fftn_with(&a, Some(&[2, -2]), None, Norm::Backward).is_err());
    assert!(fft::rfftn_with(&a, None, Some(&[]), Norm::Backward).is_err());
    assert!(fft::irfftn_with(&a, None, Some(&[]), Norm::Backward).is_err());
    assert_eq!(
        fft::fftn_with(&a, None, Some(&[]), Norm::Backward).unwrap(),
        a.mapv(|x| Complex::new(x, 0.0))
    );
    assert!(fft::fftfreq(0, 1.0).is_err());
    assert!(fft::rfftfreq(4, 0.0).is_err());
    assert!(fft::fftshift(&a, Some(&[2])).is_err());
}

fn round_trip_tol(eps: f64, n: usize, xmax: f64) -> f64 {
    // forward then inverse: two FFT error budgets; C = 4 each (see module notes).
    8.0 * eps * ((2 * n) as f64).log2() * xmax * (n as f64).sqrt()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ifft_inverts_fft(n in 1usize..300, seed in any::<u64>(), norm in 0usize..3) {
        let norm = [Norm::Backward, Norm::Ortho, Norm::Forward][norm];
        let x = Array::from_vec(rand_complex(seed, n));
        let back = fft::ifft_with(&fft::fft_with(&x, None, -1, norm).unwrap(), None, -1, norm).unwrap();
        let tol = round_trip_tol(EPS64, n, 1.5);
        for (a, b) in back.iter().zip(x.iter()) {
            prop_assert!((a - b).norm() <= tol);
        }
    }

    #[test]
    fn parseval(n in 1usize..300, seed in any::<u64>()) {
        let x = rand_complex(seed, n);
        let y = fft::fft_with(&Array::from_vec(x.clone()), None, -1, Norm::Ortho).unwrap();
        let ex: f64 = x.iter().map(|z| z.norm_sqr()).sum();
        let ey: f64 = y.iter().map(|z| z.norm_sqr()).sum();
        // the unitary transform keeps the energy up to its relative error
        prop_assert!((ex - ey).abs() <= 16.0 * EPS64 * ((2 * n) as f64).log2() * ex.max(1e-300));
    }

    #[test]
    fn real_input_spectrum_is_hermitian(n in 1usize..300, seed in any::<u64>()) {
        let x = Array::from_vec(rand_vec(seed, n));
        let y = fft::fft(&x).unwrap();
        let r = fft::rfft(&x).unwrap();
        let tol = 4.0 * EPS64 * ((2 * n) as f64).log2() * (n as f64).sqrt();
        for k in 0..n {
            prop_assert!((y[[k]] - y[[(n - k) % n]].conj()).norm() <= 2.0 * tol);
        }
        for k in 0..=n / 2 {
            prop_assert!((y[[k]] - r[[k]]).norm() <= 2.0 * tol);
        }
    }

    #[test]
    fn irfft_inverts_rfft_even_and_odd(n in 1usize..300, seed in any::<u64>()) {
        let x = Array::from_vec(rand_vec(seed, n));
        let back = fft::irfft_with(&fft::rfft(&x).unwrap(), Some(n), -1, Norm::Backward).unwrap();
        let tol = round_trip_tol(EPS64, n, 1.0);
        for (a, b) in back.iter().zip(x.iter()) {
            prop_assert!((a - b).abs() <= tol);
        }
        let h = fft::ihfft(&x).unwrap();
        let back_h = fft::hfft_with(&h, Some(n), -1, Norm::Backward).unwrap();
        for (a, b) in back_h.iter().zip(x.iter()) {
            prop_assert!((a - b).abs() <= tol);
        }
    }

    #[test]
    fn nd_round_trips(d0 in 1usize..9, d1 in 1usize..9, d2 in 2usize..9, seed in any::<u64>()) {
        let x = Array::from_shape_vec(&[d0, d1, d2], rand_vec(seed, d0 * d1 * d2)).unwrap();
        let n = d0 * d1 * d2;
        let tol = round_trip_tol(EPS64, n, 1.0);
        let back = fft::ifftn(&fft::fftn(&x).unwrap()).unwrap();
        for (a, b) in back.iter().zip(x.iter()) {
            prop_assert!((a.re - b).abs() <= tol && a.im.abs() <= tol);
        }
        let s = [d0 as isize, d1 as isize, d2 as isize];
        let back_r = fft::irfftn_with(&fft::rfftn(&x).unwrap(), Some(&s), Some(&[0, 1, 2]), Norm::Backward).unwrap();
        for (a, b) in back_r.iter().zip(x.iter()) {
            prop_assert!((a - b).abs() <= tol);
        }
    }

    #[test]
    fn f32_round_trip(n in 1usize..200, seed in any::<u64>()) {
        let x: Array<f32> = Array::from_vec(rand_vec(seed, n).into_iter().map(|v| v as f32).collect());
        let back = fft::irfft_with(&fft::rfft(&x).unwrap(), Some(n), -1, Norm::Backward).unwrap();
        let tol = round_trip_tol(EPS32, n, 1.0) as f32;
        for (a, b) in back.iter().zip(x.iter()) {
            prop_assert!((a - b).abs() <= tol);
        }
    }
}

#[test]
fn shifts_and_frequencies() {
    let f = fft::fftfreq(8, 0.5).unwrap();
    assert_eq!(f, array![0.0, 0.25, 0.5, 0.75, -1.0, -0.75, -0.5, -0.25]);
    let s = fft::fftshift(&f, None).unwrap();
    assert_eq!(s, array![-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75]);
    assert_eq!(fft::ifftshift(&s, None).unwrap(), f);
    assert_eq!(fft::rfftfreq(7, 1.0).unwrap().len(), 4);
    let m = Array::from_shape_fn(&[3, 4], |ix| (ix[0] * 4 + ix[1]) as i64).unwrap();
    let all = fft::fftshift(&m, None).unwrap();
    assert_eq!(all, array![[10, 11, 8, 9], [2, 3, 0, 1], [6, 7, 4, 5]]);
    assert_eq!(fft::ifftshift(&all, None).unwrap(), m);
    // strided input, repeated axes add up (np.roll)
    let t = m.t();
    assert_eq!(
        fft::fftshift(&t, Some(&[0])).unwrap(),
        fft::fftshift(&t.to_owned(), Some(&[0])).unwrap()
    );
    assert_eq!(fft::fftshift(&m, Some(&[1, 1])).unwrap(), m);
    let z = Array::<f64>::zeros(&[0, 3]);
    assert_eq!(fft::fftshift(&z, None).unwrap().shape(), &[0, 3]);
}
