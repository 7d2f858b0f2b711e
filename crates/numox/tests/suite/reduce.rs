//! Integration tests of the reductions beyond the NumPy conformance data:
//! large arrays (the multi-threaded paths) against independent reference
//! implementations of NumPy's summation, results independent of the number
//! of threads, error paths, hostile sizes and result shapes.

use numox::prelude::*;
use numox::{Axes, Complex64};

/// NumPy's pairwise summation written as plainly as possible (the reference).
fn pairwise_ref(a: &[f64]) -> f64 {
    let n = a.len();
    if n < 8 {
        a.iter().fold(-0.0, |s, &x| s + x)
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
        let mut s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for &x in &a[i..] {
            s += x;
        }
        s
    } else {
        let n2 = n / 2 - (n / 2) % 8;
        pairwise_ref(&a[..n2]) + pairwise_ref(&a[n2..])
    }
}

/// Values of mixed magnitude, so that any change of summation order shows.
fn mixed(n: usize, seed: u64) -> Vec<f64> {
    let mut x = seed | 1;
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

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn large_contiguous_sums_follow_numpys_tree() {
    // 1-d and 2-d, over all elements: one pairwise run over memory (split
    // across threads at the top of the tree).
    let v = mixed(1_000_003, 7);
    let want = 0.0 + pairwise_ref(&v);
    let a = Array::from_vec(v.clone());
    assert_eq!(a.sum().to_bits(), want.to_bits());
    let m = Array::from_shape_vec(&[1009, 991], v[..1009 * 991].to_vec()).unwrap();
    assert_eq!(
        m.sum().to_bits(),
        (0.0 + pairwise_ref(&v[..1009 * 991])).to_bits()
    );
    // A Fortran-ordered array sums in memory order too.
    let f = Array::from_shape_vec(&[991, 1009], v[..1009 * 991].to_vec()).unwrap();
    assert_eq!(f.t().sum().to_bits(), m.sum().to_bits());
}

#[test]
fn large_axis_sums_follow_numpys_order() {
    let (r, c) = (600, 700);
    let v = mixed(r * c, 11);
    let m = Array::from_shape_vec(&[r, c], v.clone()).unwrap();
    // axis 1 of C order: one pairwise run per row.
    let want1: Vec<f64> = (0..r)
        .map(|i| 0.0 + pairwise_ref(&v[i * c..(i + 1) * c]))
        .collect();
    assert_eq!(bits(&m.sum_axis(1).unwrap().to_vec()), bits(&want1));
    // axis 0 of C order: rows added one after the other.
    let mut want0 = vec![0.0; c];
    for i in 0..r {
        for j in 0..c {
            want0[j] += v[i * c + j];
        }
    }
    assert_eq!(bits(&m.sum_axis(0).unwrap().to_vec()), bits(&want0));
    // The transposed view swaps the two rules.
    assert_eq!(bits(&m.t().sum_axis(0).unwrap().to_vec()), bits(&want1));
    assert_eq!(bits(&m.t().sum_axis(1).unwrap().to_vec()), bits(&want0));
    // mean = sum / n
    let mean1: Vec<f64> = want1.iter().map(|s| s / c as f64).collect();
    assert_eq!(bits(&m.mean_axis(1).unwrap().to_vec()), bits(&mean1));
}

#[test]
fn large_variance_matches_numpys_two_pass_formula() {
    let (r, c) = (500, 400);
    let v = mixed(r * c, 3);
    let m = Array::from_shape_vec(&[r, c], v.clone()).unwrap();
    // np.var(m): mean = sum / n; x = m - mean; sum(x * x) / n, pairwise over memory.
    let n = (r * c) as f64;
    let mean = (0.0 + pairwise_ref(&v)) / n;
    let sq: Vec<f64> = v.iter().map(|&x| (x - mean) * (x - mean)).collect();
    let want = (0.0 + pairwise_ref(&sq)) / n;
    assert_eq!(m.var(0).to_bits(), want.to_bits());
    assert_eq!(m.std(0).to_bits(), want.sqrt().to_bits());
    let want_ddof = (0.0 + pairwise_ref(&sq)) / (n - 1.0);
    assert_eq!(m.var(1).to_bits(), want_ddof.to_bits());
    // Per row (axis 1).
    let row = |i: usize| &v[i * c..(i + 1) * c];
    let want1: Vec<f64> = (0..r)
        .map(|i| {
            let mu = (0.0 + pairwise_ref(row(i))) / c as f64;
            let sq: Vec<f64> = row(i).iter().map(|&x| (x - mu) * (x - mu)).collect();
            (0.0 + pairwise_ref(&sq)) / c as f64
        })
        .collect();
    assert_eq!(bits(&m.var_axis(1, 0).unwrap().to_vec()), bits(&want1));
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let v = mixed(720 * 800, 5);
    let m = Array::from_shape_vec(&[720, 800], v).unwrap();
    let ints =
        Array::from_shape_vec(&[720, 800], (0..720 * 800).map(|i| (i as i64) << 41).collect()).unwrap();
    let run = || {
        let strided = m.slice(s![..;2, 1..;3]);
        let f = m.t();
        vec![
            vec![m.sum(), m.mean(), m.var(1), m.max().unwrap(), m.min().unwrap()],
            m.sum_axis(0).unwrap().to_vec(),
            m.sum_axis(1).unwrap().to_vec(),
            m.var_axis(0, 0).unwrap().to_vec(),
            m.std_axis(1, 1).unwrap().to_vec(),
            m.max_axis(0).unwrap().to_vec(),
            vec![strided.sum(), strided.var(0), f.sum(), ints.mean(), ints.var(0)],
            strided.sum_axis(0).unwrap().to_vec(),
            f.mean_axis(1).unwrap().to_vec(),
            ints.mean_axis(1).unwrap().to_vec(),
        ]
    };
    let one = in_pool(1, run);
    for t in [2, 3, 4] {
        let other = in_pool(t, run);
        for (a, b) in one.iter().zip(&other) {
            assert_eq!(bits(a), bits(b), "{t} threads");
        }
    }
}

#[test]
fn integer_mean_casts_in_8192_element_buffers() {
    // NumPy converts int64 to float64 in buffers of 8192 and adds each
    // buffer's pairwise sum to the result in turn.
    let v: Vec<i64> = (0..20_000i64)
        .map(|i| (i * 7_919_000_003) % (1 << 60) - (1 << 59))
        .collect();
    let f: Vec<f64> = v.iter().map(|&x| x as f64).collect();
    let mut s = 0.0;
    for chunk in f.chunks(8192) {
        s += pairwise_ref(chunk);
    }
    let a = Array::from_vec(v);
    assert_eq!(a.mean().to_bits(), (s / 20_000.0).to_bits());
    // Integer sums wrap and do not depend on order.
    let big = Array::from_vec(vec![i64::MAX, 1, 1]);
    assert_eq!(big.sum(), i64::MIN + 1);
}

#[test]
fn float32_and_complex_sums() {
    let v = mixed(300_001, 9);
    let v32: Vec<f32> = v.iter().map(|&x| x as f32).collect();
    fn pw32(a: &[f32]) -> f32 {
        let n = a.len();
        if n < 8 {
            return a.iter().fold(-0.0, |s, &x| s + x);
        }
        if n <= 128 {
            let mut r = [0.0f32; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - n % 8 {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for &x in &a[i..] {
                s += x;
            }
            return s;
        }
        let n2 = n / 2 - (n / 2) % 8;
        pw32(&a[..n2]) + pw32(&a[n2..])
    }
    let a = Array::from_vec(v32.clone());
    assert_eq!(a.sum().to_bits(), (0.0 + pw32(&v32)).to_bits());
    // f32 mean divides in f64 and rounds back.
    assert_eq!(a.mean(), ((0.0 + pw32(&v32)) as f64 / 300_001.0) as f32);
    // Complex: the real parts follow the real tree only for short runs, so
    // check the imaginary part of a purely imaginary array of length < 4.
    let c = Array::from_vec(vec![Complex64::new(0.0, 1.5), Complex64::new(0.0, 2.0)]);
    assert_eq!(c.sum(), Complex64::new(0.0, 3.5));
    assert_eq!(c.mean(), Complex64::new(0.0, 1.75));
}

#[test]
fn errors_name_the_problem() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    assert!(matches!(
        a.sum_axis(2),
        Err(Error::AxisOutOfBounds { axis: 2, ndim: 2 })
    ));
    assert!(matches!(
        a.mean_axis(-3),
        Err(Error::AxisOutOfBounds { axis: -3, ndim: 2 })
    ));
    assert!(matches!(
        a.var_axes(&[0, 0], 0, false),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(a.max_axis(5), Err(Error::AxisOutOfBounds { .. })));
    assert!(matches!(a.argmax_axis(2), Err(Error::AxisOutOfBounds { .. })));
    assert!(matches!(a.cumsum_axis(-3), Err(Error::AxisOutOfBounds { .. })));
    assert!(matches!(
        a.count_nonzero_axis(9),
        Err(Error::AxisOutOfBounds { .. })
    ));
    assert!(matches!(
        numox::sum(&a, [0, 1, 2], false),
        Err(Error::AxisOutOfBounds { .. })
    ));
    let e = Array::<f64>::zeros(&[0, 3]);
    assert!(matches!(e.max(), Err(Error::EmptyReduction { op: "maximum" })));
    assert!(matches!(
        e.min_axis(0),
        Err(Error::EmptyReduction { op: "minimum" })
    ));
    assert_eq!(e.max_axis(1).unwrap().shape(), &[0]); // nothing to reduce into
    assert!(matches!(e.argmin(), Err(Error::EmptyReduction { op: "argmin" })));
    assert!(matches!(
        e.argmax_axis(0),
        Err(Error::EmptyReduction { op: "argmax" })
    ));
    assert!(e.ptp_axis(0).is_err());
    assert_eq!(e.sum_axis(0).unwrap(), array![0.0, 0.0, 0.0]);
    assert_eq!(e.prod_axis(0).unwrap(), array![1.0, 1.0, 1.0]);
    assert!(e.mean_axis(0).unwrap().iter().all(|x| x.is_nan()));
    assert_eq!(e.all_axis(0).unwrap(), array![true, true, true]);
    assert_eq!(e.any_axis(0).unwrap(), array![false, false, false]);
}

#[test]
fn hostile_sizes_are_errors_not_aborts() {
    // An empty array whose other axis is huge: reducing the empty axis
    // would need 2^60 result elements.
    let e = Array::<f64>::zeros(&[0, 1 << 60]);
    assert!(matches!(e.sum_axis(0), Err(Error::TooBig { .. })));
    assert!(matches!(e.var_axis(0, 0), Err(Error::TooBig { .. })));
    assert!(matches!(e.count_nonzero_axis(0), Err(Error::TooBig { .. })));
    assert!(matches!(e.max_axis(0), Err(Error::EmptyReduction { .. })));
    assert_eq!(e.sum_axis(1).unwrap().shape(), &[0]);
    assert_eq!(e.sum(), 0.0);
}

#[test]
fn keepdims_and_axes_shapes() {
    let a = Array::from_shape_vec(&[2, 3, 4], (0..24).map(|x| x as f64).collect()).unwrap();
    assert_eq!(a.sum_axes(&[0, 2], true).unwrap().shape(), &[1, 3, 1]);
    assert_eq!(a.sum_axes(&[-1, 0], false).unwrap().shape(), &[3]);
    assert_eq!(a.sum_axes(&[], false).unwrap(), a);
    assert_eq!(numox::mean(&a, Axes::All, true).unwrap().shape(), &[1, 1, 1]);
    assert_eq!(numox::max(&a, Some(1), false).unwrap().shape(), &[2, 4]);
    assert_eq!(numox::argmax(&a, Some(2), true).unwrap().shape(), &[2, 3, 1]);
    assert_eq!(
        numox::count_nonzero(&a, vec![0, 1], false).unwrap(),
        array![5i64, 6, 6, 6]
    );
    // Results are returned in C order whatever the input layout.
    let f = a.view().reversed_axes();
    let s = f.sum_axis(1).unwrap();
    assert!(s.is_c_contiguous());
    assert_eq!(s, a.sum_axis(1).unwrap().reversed_axes().to_owned());
}

#[test]
fn extremes_and_nan() {
    let v = mixed(500_000, 13);
    let mut a = Array::from_vec(v.clone());
    let want = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    assert_eq!(a.max().unwrap(), want);
    assert_eq!(a.argmax().unwrap(), v.iter().position(|&x| x == want).unwrap());
    a.as_slice_mut().unwrap()[400_000] = f64::NAN;
    assert!(a.max().unwrap().is_nan());
    assert!(a.min().unwrap().is_nan());
    assert_eq!(a.argmin().unwrap(), 400_000);
    let m = Array::from_shape_vec(&[1000, 500], a.to_vec()).unwrap();
    let mx = m.max_axis(1).unwrap();
    assert!(mx.get(&[800]).unwrap().is_nan());
    assert!(!mx.get(&[799]).unwrap().is_nan());
    let mx0 = m.max_axis(0).unwrap();
    assert_eq!(mx0.iter().filter(|x| x.is_nan()).count(), 1);
}

#[test]
fn cumulative_sums_are_sequential() {
    let v = mixed(10_000, 17);
    let a = Array::from_shape_vec(&[100, 100], v.clone()).unwrap();
    let c = a.cumsum();
    let mut s = 0.0;
    let want: Vec<f64> = v
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            s = if i == 0 { x } else { s + x };
            s
        })
        .collect();
    assert_eq!(bits(&c.to_vec()), bits(&want));
    let c0 = a.t().cumsum_axis(1).unwrap();
    assert_eq!(c0.shape(), &[100, 100]);
    let mut col = vec![0.0; 100];
    for i in 0..100 {
        col[i] = if i == 0 { v[0] } else { col[i - 1] + v[i * 100] };
    }
    let got: Vec<f64> = (0..100).map(|i| *c0.get(&[0, i]).unwrap()).collect();
    assert_eq!(bits(&got), bits(&col));
}

#[test]
fn arg_extremes_along_strided_axes_match_the_lane_rule() {
    // Large enough for the slice-by-slice sweep; ties, NaNs and a column
    // whose first element is NaN.
    let (r, c) = (300, 200);
    let mut v: Vec<f64> = mixed(r * c, 21).iter().map(|x| (x * 1e3).round()).collect();
    v[5 * c + 7] = f64::NAN;
    v[9 * c + 7] = f64::NAN;
    v[3] = f64::NAN;
    let m = Array::from_shape_vec(&[r, c], v.clone()).unwrap();
    let lane_rule = |j: usize, max: bool| -> i64 {
        let col: Vec<f64> = (0..r).map(|i| v[i * c + j]).collect();
        if col[0].is_nan() {
            return 0;
        }
        let (mut best, mut at) = (col[0], 0);
        for (i, &x) in col.iter().enumerate().skip(1) {
            // NumPy replaces on "better or NaN": x > best, or x is NaN.
            let better = if max {
                x > best || x.is_nan()
            } else {
                x < best || x.is_nan()
            };
            if better {
                best = x;
                at = i;
                if x.is_nan() {
                    break;
                }
            }
        }
        at as i64
    };
    for max in [true, false] {
        let got = if max { m.argmax_axis(0) } else { m.argmin_axis(0) }.unwrap();
        let want: Vec<i64> = (0..c).map(|j| lane_rule(j, max)).collect();
        assert_eq!(got.to_vec(), want, "max={max}");
        // The transposed view reads the same lanes contiguously.
        let t = m.t().to_owned();
        let got_t = if max { t.argmax_axis(1) } else { t.argmin_axis(1) }.unwrap();
        assert_eq!(got_t.to_vec(), want, "transposed, max={max}");
    }
    assert_eq!(m.argmax_axis(0).unwrap().to_vec()[7], 5);
    assert_eq!(m.argmin_axis(0).unwrap().to_vec()[3], 0);
}
