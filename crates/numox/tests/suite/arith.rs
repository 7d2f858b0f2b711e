//! Integration tests of the elementwise engine and the arithmetic API:
//! error paths of every public entry point, the threaded and strided paths
//! against a naive per-index computation, buffer reuse, and broadcasting
//! properties.

use numox::Error;
use numox::prelude::*;
use numox::ufunc::kernel::PAR_THRESHOLD;
use proptest::prelude::*;

fn is_shape_mismatch<T>(r: numox::Result<T>) -> bool {
    matches!(r, Err(Error::ShapeMismatch { .. }))
}

#[test]
fn every_checked_function_reports_shape_mismatch() {
    let a = array![[1.0, 2.0, 3.0]];
    let b = array![1.0, 2.0];
    assert!(is_shape_mismatch(numox::add(&a, &b)));
    assert!(is_shape_mismatch(numox::subtract(&a, &b)));
    assert!(is_shape_mismatch(numox::multiply(&a, &b)));
    assert!(is_shape_mismatch(numox::divide(&a, &b)));
    assert!(is_shape_mismatch(numox::floor_divide(&a, &b)));
    assert!(is_shape_mismatch(numox::remainder(&a, &b)));
    assert!(is_shape_mismatch(numox::true_divide(&a, &b)));
    assert!(is_shape_mismatch(numox::equal(&a, &b)));
    assert!(is_shape_mismatch(numox::not_equal(&a, &b)));
    assert!(is_shape_mismatch(numox::less(&a, &b)));
    assert!(is_shape_mismatch(numox::less_equal(&a, &b)));
    assert!(is_shape_mismatch(numox::greater(&a, &b)));
    assert!(is_shape_mismatch(numox::greater_equal(&a, &b)));
    assert!(is_shape_mismatch(numox::logical_and(&a, &b)));
    assert!(is_shape_mismatch(numox::logical_or(&a, &b)));
    assert!(is_shape_mismatch(numox::logical_xor(&a, &b)));
    assert!(is_shape_mismatch(numox::isclose(&a, &b, 1e-5, 1e-8, false)));
    assert!(is_shape_mismatch(numox::isclose_default(&a, &b)));
    assert!(is_shape_mismatch(numox::allclose(&a, &b, 1e-5, 1e-8, false)));
    assert!(is_shape_mismatch(numox::allclose_default(&a, &b)));
    assert!(is_shape_mismatch(numox::map2(&a, &b, |x, y| x + y)));
    assert!(is_shape_mismatch(numox::map3(&a, &a, &b, |x, y, z| x + y + z)));
    assert!(is_shape_mismatch(a.less(&b)));
    let msg = numox::add(&a, &b).unwrap_err().to_string();
    assert_eq!(
        msg,
        "add: operands could not be broadcast together with shapes (1, 3) (2,)"
    );
    let msg = numox::map3(&a, &a, &b, |x, y, z| x + y + z)
        .unwrap_err()
        .to_string();
    assert!(msg.starts_with("map3: "), "{msg}");
}

#[test]
fn into_forms_check_the_output_shape() {
    let (a, b) = (array![[1.0], [2.0]], array![1.0, 2.0, 3.0]);
    let mut small = Array::<f64>::zeros(&[3]);
    let mut right = Array::<f64>::zeros(&[2, 3]);
    let mut bigger = Array::<f64>::zeros(&[4, 2, 3]);
    type IntoFn = fn(&Array<f64>, &Array<f64>, &mut Array<f64>) -> numox::Result<()>;
    let fs: [IntoFn; 6] = [
        numox::add_into,
        numox::subtract_into,
        numox::multiply_into,
        numox::divide_into,
        numox::floor_divide_into,
        numox::remainder_into,
    ];
    for f in fs {
        assert!(is_shape_mismatch(f(&a, &b, &mut small)));
        assert!(small.iter().all(|&x| x == 0.0), "a failed call writes nothing");
        f(&a, &b, &mut right).unwrap();
        f(&a, &b, &mut bigger).unwrap();
        for k in 0..4 {
            assert_eq!(bigger.index_axis(0, k).unwrap(), right);
        }
    }
    assert!(numox::negative_into(&array![1.0, 2.0], &mut small).is_err());
    assert!(numox::true_divide_into(&array![1, 2], &array![1, 2], &mut small).is_err());
    assert!(numox::map1_into(&array![1.0, 2.0], &mut small, |x| x).is_err());
    assert!(numox::map2_into(&a, &b, &mut small, |x, y| x + y).is_err());
    assert!(numox::map3_into(&a, &b, &b, &mut small, |x, y, z| x + y + z).is_err());
}

#[test]
fn operators_panic_with_both_shapes() {
    let cases: Vec<Box<dyn Fn() + std::panic::RefUnwindSafe>> = vec![
        Box::new(|| drop(&array![1, 2] + &array![1, 2, 3])),
        Box::new(|| drop(array![1, 2] - array![1, 2, 3])),
        Box::new(|| drop(array![1.0, 2.0].view() * &array![1.0, 2.0, 3.0])),
        Box::new(|| drop(&array![1, 2] / array![1, 2, 3].view())),
        Box::new(|| drop(&array![1, 2] % &array![1, 2, 3])),
        Box::new(|| drop(&array![true, false] & &array![true, false, true])),
        Box::new(|| {
            let mut a = array![1, 2];
            a *= &array![1, 2, 3];
        }),
    ];
    for (i, f) in cases.iter().enumerate() {
        let err = std::panic::catch_unwind(f).expect_err("must panic");
        let msg = err
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        assert!(msg.contains("(2,)") && msg.contains("(3,)"), "case {i}: {msg}");
    }
}

/// The value at C-order flat index `i` of an array of `shape` broadcast
/// from `src` (naive reference for the engine).
fn bcast_at(src: &Array<i64>, shape: &[usize], mut i: usize) -> i64 {
    let nd = shape.len();
    let mut ix = vec![0usize; nd];
    for ax in (0..nd).rev() {
        ix[ax] = i % shape[ax];
        i /= shape[ax];
    }
    let off = nd - src.ndim();
    let six: Vec<usize> = (0..src.ndim())
        .map(|d| if src.shape()[d] == 1 { 0 } else { ix[off + d] })
        .collect();
    src[&six[..]]
}

#[test]
fn threaded_strided_and_broadcast_paths_agree_with_naive_indexing() {
    // Large enough for several parallel chunks, with awkward inner lengths.
    let (r, cc) = (517usize, 389usize);
    assert!(r * cc > 2 * PAR_THRESHOLD);
    let m = Array::from_shape_fn(&[r, cc], |ix| (ix[0] * 1000 + ix[1]) as i64).unwrap();
    let col = Array::from_shape_fn(&[r, 1], |ix| ix[0] as i64 * 7).unwrap();
    let row = Array::from_shape_fn(&[cc], |ix| ix[0] as i64 * 3).unwrap();
    let shape = [r, cc];
    let got = numox::map3(&m, &col, &row, |x, y, z| x - y + 2 * z).unwrap();
    for (i, &g) in got.iter().enumerate() {
        let want = bcast_at(&m, &shape, i) - bcast_at(&col, &shape, i) + 2 * bcast_at(&row, &shape, i);
        assert_eq!(g, want, "flat index {i}");
    }
    // A transposed (F-order) operand and a reversed one.
    let mt = m.t().to_owned();
    let got = &mt.t() + &m.slice(s![..;-1, ..]);
    for i in 0..r {
        for j in (0..cc).step_by(37) {
            assert_eq!(got[[i, j]], m[[i, j]] + m[[r - 1 - i, j]]);
        }
    }
    // Writing into a strided output in parallel.
    let mut out = Array::<i64>::zeros(&[cc, r]);
    numox::add_into(&col.t(), &m.t(), &mut out).unwrap();
    assert_eq!(out, (&m + &col).t());
}

#[test]
fn buffer_reuse_of_owned_operands() {
    let n = PAR_THRESHOLD + 5; // threaded in-place update too
    let a = Array::from_vec((0..n as i64).collect());
    let b = Array::from_vec(vec![1i64; n]);
    let pa = a.as_ptr();
    let r = a + &b;
    assert_eq!(r.as_ptr(), pa, "a + &b reuses a");
    assert!(r.iter().enumerate().all(|(i, &x)| x == i as i64 + 1));
    let pb = b.as_ptr();
    let r2 = &r - b;
    assert_eq!(r2.as_ptr(), pb, "&a - b reuses b");
    assert!(r2.iter().enumerate().all(|(i, &x)| x == i as i64));
    let p = r2.as_ptr();
    let r3 = -(r2 * 2);
    assert_eq!(r3.as_ptr(), p, "scalar ops and negation work in place");
    assert_eq!(r3[[n - 1]], -2 * (n as i64 - 1));
}

#[test]
fn zero_size_and_zero_d_operands() {
    let e = Array::<f64>::zeros(&[0, 3]);
    assert_eq!((&e + &array![1.0, 2.0, 3.0]).shape(), &[0, 3]);
    assert_eq!((&e * 2.0).shape(), &[0, 3]);
    assert_eq!(numox::less(&e, &Array::from_elem0(1.0)).unwrap().shape(), &[0, 3]);
    let s = Array::from_elem0(2i32);
    let r = &s * &s;
    assert_eq!((r.ndim(), r.into_scalar()), (0, 4));
    assert!(numox::array_equal(&e, &e, false));
    assert!(numox::allclose_default(&e, &e).unwrap());
}

#[test]
fn true_divide_promotes_integers_to_f64() {
    let q: Array<f64> = numox::true_divide(&array![1u64, u64::MAX], &array![3u64, 1]).unwrap();
    assert_eq!(q[[0]], 1.0 / 3.0);
    assert_eq!(q[[1]], u64::MAX as f64);
    let f: Array<f32> = numox::true_divide(&array![1.0f32], &array![3.0f32]).unwrap();
    assert_eq!(f[[0]], 1.0f32 / 3.0);
}

#[test]
fn comparisons_with_scalars_and_nan() {
    let a = array![f64::NAN, -0.0, 0.0, 1.0];
    assert_eq!(a.equal_scalar(0.0), array![false, true, true, false]);
    assert_eq!(a.not_equal_scalar(f64::NAN), array![true, true, true, true]);
    assert_eq!(a.less_equal_scalar(0.0), array![false, true, true, false]);
    assert_eq!(a.greater_scalar(-1.0), array![false, true, true, true]);
    assert_eq!(a.less_scalar(f64::INFINITY), array![false, true, true, true]);
    assert_eq!(a.greater_equal_scalar(1.0), array![false, false, false, true]);
}

proptest! {
    #[test]
    fn broadcasting_matches_naive_indexing(
        sa in proptest::collection::vec(0usize..4, 0..4),
        pick in proptest::collection::vec(any::<bool>(), 4),
        extra in 0usize..2,
    ) {
        // b's shape: a's trailing axes, some set to 1, with maybe a leading extra axis.
        let mut sb: Vec<usize> = sa.iter().zip(&pick).map(|(&d, &p)| if p { 1 } else { d }).collect();
        if extra == 1 {
            sb.insert(0, 2);
        }
        let a = Array::from_shape_fn(&sa, |ix| ix.iter().fold(1i64, |acc, &i| acc * 3 + i as i64)).unwrap();
        let b = Array::from_shape_fn(&sb, |ix| ix.iter().fold(5i64, |acc, &i| acc * 7 - i as i64)).unwrap();
        let shape = numox::broadcast_shapes(&[&sa, &sb]).unwrap();
        let got = &a * &b + &a;
        prop_assert_eq!(got.shape(), &shape[..]);
        for (i, &g) in got.iter().enumerate() {
            let (x, y) = (bcast_at(&a, &shape, i), bcast_at(&b, &shape, i));
            prop_assert_eq!(g, x * y + x);
        }
        // The operator, the checked twin and the engine agree, and so does
        // the commuted operation.
        prop_assert_eq!(numox::multiply(&b, &a).unwrap(), &a * &b);
        prop_assert_eq!(numox::map2(&a, &b, |x, y| x * y).unwrap(), &b * &a);
    }

    #[test]
    fn integer_division_identity(x in any::<i32>(), y in any::<i32>()) {
        // NumPy: x == (x // y) * y + x % y for y != 0, with wrapping.
        let (a, b) = (array![x], array![y]);
        let q = &a / &b;
        let r = &a % &b;
        if y != 0 {
            prop_assert_eq!(q[[0]].wrapping_mul(y).wrapping_add(r[[0]]), x);
            prop_assert!(r[[0]] == 0 || (r[[0]] < 0) == (y < 0));
        } else {
            prop_assert_eq!((q[[0]], r[[0]]), (0, 0));
        }
    }
}

/// Timings of the bench workloads (not a correctness test): run with
/// `cargo test -p numox --release --test arith -- --ignored --nocapture`
/// and compare with NumPy's timings of the same workloads.
#[test]
#[ignore]
fn speed_report() {
    use std::time::Instant;
    fn best<R>(reps: usize, mut f: impl FnMut() -> R) -> f64 {
        drop(f());
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                let r = f();
                let e = t.elapsed().as_secs_f64() * 1e3;
                drop(r);
                e
            })
            .fold(f64::INFINITY, f64::min)
    }
    let n = 10_000_000usize;
    let a = Array::from_vec(
        (0..n)
            .map(|i| ((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64)
            .collect(),
    );
    let b = &a * 0.5 + 0.25;
    let c = &a * 0.25;
    let mut o = Array::<f64>::zeros(&[n]);
    let col = Array::from_shape_vec(&[4000, 1], a.to_vec()[..4000].to_vec()).unwrap();
    let row = Array::from_shape_vec(&[1, 2500], a.to_vec()[..2500].to_vec()).unwrap();
    let m = a.greater_scalar(0.5);
    println!("a + b (fresh)        {:8.2} ms", best(15, || &a + &b));
    println!(
        "add_into             {:8.2} ms",
        best(15, || numox::add_into(&a, &b, &mut o).unwrap())
    );
    println!(
        "map3 a*b+c           {:8.2} ms",
        best(15, || numox::map3(&a, &b, &c, |x, y, z| x * y + z).unwrap())
    );
    println!("(4000,1)+(1,2500)    {:8.2} ms", best(15, || &col + &row));
    println!(
        "a > 0.5              {:8.2} ms",
        best(15, || a.greater_scalar(0.5))
    );
    println!(
        "where(a>0.5, a, b)   {:8.2} ms",
        best(15, || numox::where_(&a.greater_scalar(0.5), &a, &b).unwrap())
    );
    println!(
        "a[a > 0.5]           {:8.2} ms",
        best(15, || a.boolean_mask(&a.greater_scalar(0.5)).unwrap())
    );
    println!(
        "a[m] (mask given)    {:8.2} ms",
        best(15, || a.boolean_mask(&m).unwrap())
    );
}
