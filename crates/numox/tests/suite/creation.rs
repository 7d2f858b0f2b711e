//! Creation routines: error paths and hostile sizes (an error, never an
//! abort or a giant allocation), and behaviour the NumPy conformance data
//! does not pin down.

use numox::prelude::*;
use numox::{Indexing, Scalar};

#[test]
fn arange_rejects_bad_steps_and_lengths() {
    assert!(numox::arange(0, 10, 0).is_err());
    assert!(numox::arange(0.0, 1.0, 0.0).is_err());
    assert!(numox::arange(0.0, f64::NAN, 1.0).is_err());
    assert!(numox::arange(f64::NEG_INFINITY, 0.0, 1.0).is_err());
    // 2^62 elements cannot be allocated: an error, not an abort.
    assert!(numox::arange(0i64, i64::MAX, 2).is_err());
    assert!(numox::arange(0.0, 1e300, 1e-300).is_err());
    // Empty ranges are fine.
    assert_eq!(numox::arange(5u8, 1, 1).unwrap().size(), 0);
    assert_eq!(numox::arange(1.0f32, -1.0, 0.5).unwrap().size(), 0);
}

#[test]
fn arange_wraps_like_numpy_near_type_limits() {
    assert_eq!(numox::arange(120i8, 127, 3).unwrap(), array![120i8, 123, 126]);
    assert_eq!(numox::arange(250u8, 255, 2).unwrap(), array![250u8, 252, 254]);
    assert_eq!(
        numox::arange(-128i8, -125, 1).unwrap(),
        array![-128i8, -127, -126]
    );
    assert_eq!(
        numox::arange(i64::MAX - 2, i64::MAX, 1).unwrap(),
        array![i64::MAX - 2, i64::MAX - 1]
    );
}

#[test]
fn linspace_endpoints_and_sizes() {
    let x = numox::linspace(-1.0, 7.3, 17, true).unwrap();
    assert_eq!(x[[0]], -1.0);
    assert_eq!(x[[16]], 7.3);
    assert!(x.to_vec().windows(2).all(|w| w[0] < w[1]));
    assert!(numox::linspace(0.0, 1.0, usize::MAX, true).is_err());
    assert!(numox::logspace(0.0, 1.0, usize::MAX / 2, true, 10.0).is_err());
    assert!(numox::geomspace(1.0, 2.0, usize::MAX, true).is_err());
    let (y, step) = numox::linspace_retstep(0.0f32, 1.0, 0, true).unwrap();
    assert_eq!(y.size(), 0);
    assert!(step.is_nan());
}

#[test]
fn geomspace_rejects_zero_and_gives_nan_across_zero() {
    assert!(numox::geomspace(0.0, 1.0, 3, true).is_err());
    assert!(numox::geomspace(1.0, 0.0, 3, true).is_err());
    let g = numox::geomspace(1.0f64, -10.0, 3, true).unwrap();
    assert_eq!(g[[0]], 1.0);
    assert!(g[[1]].is_nan());
    assert_eq!(g[[2]], -10.0);
}

#[test]
fn matrices_reject_hostile_sizes() {
    assert!(numox::eye::<f64>(1 << 40, None, 0).is_err());
    assert!(numox::identity::<u8>(usize::MAX).is_err());
    assert!(numox::tri::<i32>(1 << 33, Some(1 << 33), 0).is_err());
    assert!(numox::diag(&array![1, 2], isize::MIN).is_err());
    assert!(numox::diag(&Array::from_elem0(1), 0).is_err());
    assert!(numox::diag(&Array::<i32>::zeros(&[2, 2, 2]), 0).is_err());
    assert!(numox::tril(&Array::from_elem0(1.0), 0).is_err());
    assert!(numox::indices(&[1 << 40, 1 << 40]).is_err());
    assert!(numox::indices_sparse(&[1 << 40, 1 << 40]).is_err());
    assert!(numox::fromfunction(&[1 << 62, 4], |_| 0u8).is_err());
}

#[test]
fn eye_and_tri_for_every_dtype() {
    fn check<T: Element>() {
        let e = numox::eye::<T>(3, Some(4), 1).unwrap();
        let one = T::from_scalar(Scalar::Int(1));
        for ((i, j), x) in (0..3).flat_map(|i| (0..4).map(move |j| (i, j))).zip(e.iter()) {
            assert_eq!(*x == one, j == i + 1, "eye<{}>[{i}, {j}]", T::DTYPE);
        }
        let t = numox::tri::<T>(3, None, -1).unwrap();
        assert_eq!(t.iter().filter(|x| **x == one).count(), 3);
    }
    check::<bool>();
    check::<i8>();
    check::<u64>();
    check::<f32>();
    check::<numox::Complex64>();
}

#[test]
fn diag_round_trip_and_triangles_partition() {
    let v = array![1.5, -2.0, 3.0];
    for k in -3..=3 {
        let m = numox::diag(&v, k).unwrap();
        assert_eq!(numox::diag(&m, k).unwrap(), v);
    }
    let m = Array::from_shape_fn(&[4, 5], |ix| (ix[0] * 5 + ix[1]) as i64 + 1).unwrap();
    for k in -5..=5 {
        let lo = numox::tril(&m, k).unwrap();
        let hi = numox::triu(&m, k + 1).unwrap();
        let sum = lo.zip_with(&hi, |a, b| a + b).unwrap();
        assert_eq!(sum, m, "tril(k) + triu(k+1) == m for k = {k}");
    }
}

#[test]
fn meshgrid_shapes_and_views() {
    let (x, y, z) = (array![1, 2, 3], array![4, 5], array![6, 7, 8, 9]);
    let g = numox::meshgrid(&[&x, &y, &z], Indexing::Xy, false).unwrap();
    assert!(g.iter().all(|a| a.shape() == [2, 3, 4]));
    let g = numox::meshgrid(&[&x, &y, &z], Indexing::Ij, false).unwrap();
    assert!(g.iter().all(|a| a.shape() == [3, 2, 4]));
    assert_eq!(g[2][[1, 1, 3]], 9);
    let empty: Vec<Array<i32>> = numox::meshgrid::<i32, Array<i32>>(&[], Indexing::Xy, false).unwrap();
    assert!(empty.is_empty());
    // The copy-free form borrows the inputs: zero strides, no new buffer.
    let v = numox::meshgrid_views(&[x.view(), y.view()], Indexing::Xy, false).unwrap();
    assert_eq!(v[0].strides(), &[0, 1]);
    assert_eq!(v[0].as_ptr(), x.as_ptr());
    assert_eq!(v[1].strides(), &[1, 0]);
    // A non-contiguous 2-d input cannot be viewed flat.
    let m = array![[1, 2], [3, 4]];
    let mt = m.t();
    assert!(numox::meshgrid_views(&[mt.view()], Indexing::Xy, false).is_err());
    assert_eq!(
        numox::meshgrid(&[&mt], Indexing::Xy, false).unwrap()[0],
        array![1, 3, 2, 4]
    );
}
