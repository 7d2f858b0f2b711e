//! Integration tests of advanced indexing: error paths of every public
//! entry point, strided and large (threaded) inputs, index types, and
//! round trips between selection and assignment.

use numox::prelude::*;
use numox::ufunc::kernel::PAR_THRESHOLD;
use numox::{Error, TakeMode};
use proptest::prelude::*;

#[test]
fn take_errors_name_the_problem() {
    let a = array![[1, 2, 3], [4, 5, 6]];
    let e = numox::take(&a, &array![3], Some(1), TakeMode::Raise).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 3,
                axis: 1,
                len: 3
            }
        ),
        "{e}"
    );
    assert!(matches!(
        numox::take(&a, &array![0], Some(2), TakeMode::Raise),
        Err(Error::AxisOutOfBounds { axis: 2, ndim: 2 })
    ));
    let empty = Array::<f64>::zeros(&[0, 2]);
    for mode in [TakeMode::Raise, TakeMode::Wrap, TakeMode::Clip] {
        assert!(numox::take(&empty, &array![0], Some(0), mode).is_err());
        // An empty take from an empty axis is fine.
        let r = numox::take(&empty, &Array::<i64>::zeros(&[0]), Some(0), mode).unwrap();
        assert_eq!(r.shape(), &[0, 2]);
    }
    // u64 indices beyond i64::MAX: an error under raise, wrapped or clipped otherwise.
    let big = array![u64::MAX];
    assert!(numox::take(&array![10, 20, 30], &big, None, TakeMode::Raise).is_err());
    let w = numox::take(&array![10, 20, 30], &big, None, TakeMode::Wrap).unwrap();
    assert_eq!(w, array![[10, 20, 30][(u64::MAX % 3) as usize]]);
    assert_eq!(
        numox::take(&array![10, 20, 30], &big, None, TakeMode::Clip).unwrap(),
        array![30]
    );
    assert!(a.select(0, &[2usize]).is_err());
    assert!(a.select(5, &[0usize]).is_err());
}

#[test]
fn take_handles_views_and_every_index_type() {
    let a = Array::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i32>>()).unwrap();
    let t = a.t(); // (4, 3), not contiguous
    assert_eq!(
        numox::take(&t, &array![1i8, -1], Some(0), TakeMode::Raise).unwrap(),
        array![[1, 5, 9], [3, 7, 11]]
    );
    assert_eq!(
        numox::take(&t, &array![5u16], None, TakeMode::Raise).unwrap(),
        array![9]
    );
    let idx: Array<usize> = Array::from_vec(vec![2, 0]);
    assert_eq!(
        numox::take(&a, &idx, Some(-1), TakeMode::Raise).unwrap(),
        array![[2, 0], [6, 4], [10, 8]]
    );
    let idx: Array<isize> = Array::from_vec(vec![-12, 11]);
    assert_eq!(
        numox::take(&a, &idx, None, TakeMode::Raise).unwrap(),
        array![0, 11]
    );
}

#[test]
fn put_checks_everything_before_writing() {
    let mut a = Array::from_vec(vec![0.0; 4]);
    let e = numox::put(&mut a, &array![0, 1, 9], &array![5.0], TakeMode::Raise);
    assert!(e.is_err());
    assert_eq!(a, array![0.0, 0.0, 0.0, 0.0], "nothing written on error");
    // A strided target: flat indices follow C order of the view.
    let mut m = Array::<i32>::zeros(&[2, 3]);
    {
        let mut t = m.view_mut().reversed_axes(); // (3, 2)
        numox::put(&mut t, &array![1, 4], &array![7, 8], TakeMode::Raise).unwrap();
    }
    assert_eq!(m, array![[0, 0, 8], [7, 0, 0]]);
    let mut b = Array::<f64>::zeros(&[2, 3]);
    assert!(numox::put_along_axis(&mut b, &array![[0], [3]], &array![1.0], Some(1)).is_err());
    assert_eq!(b, Array::<f64>::zeros(&[2, 3]));
    assert!(
        numox::put_along_axis(&mut b, &array![0, 1], &array![1.0], Some(1)).is_err(),
        "ndim mismatch"
    );
    assert!(
        numox::put_along_axis(&mut b, &array![[0]], &array![1.0], None).is_err(),
        "axis None needs 1-d"
    );
    assert!(numox::take_along_axis(&b, &array![[0]], None).is_err());
    assert!(numox::take_along_axis(&b, &array![[0]], Some(2)).is_err());
}

#[test]
fn along_axis_round_trip_with_argsort_like_indices() {
    let a = array![[3.0, 1.0, 2.0], [9.0, 7.0, 8.0]];
    let order = array![[1, 2, 0], [1, 2, 0]];
    let sorted = numox::take_along_axis(&a, &order, Some(1)).unwrap();
    assert_eq!(sorted, array![[1.0, 2.0, 3.0], [7.0, 8.0, 9.0]]);
    let mut back = Array::<f64>::zeros(&[2, 3]);
    numox::put_along_axis(&mut back, &order, &sorted, Some(1)).unwrap();
    assert_eq!(back, a);
}

#[test]
fn mask_errors_and_empty_selections() {
    let a = Array::<f64>::zeros(&[3, 4]);
    assert!(a.boolean_mask(&Array::from_elem(&[4], true).unwrap()).is_err());
    assert!(
        a.boolean_mask(&Array::from_elem(&[3, 4, 1], true).unwrap())
            .is_err()
    );
    assert!(a.boolean_mask(&Array::from_elem(&[3, 5], true).unwrap()).is_err());
    let none = a.boolean_mask(&Array::from_elem(&[3], false).unwrap()).unwrap();
    assert_eq!(none.shape(), &[0, 4]);
    let mut b = a.clone();
    assert!(b.mask_assign(&array![true, false], 1.0).is_err());
    assert!(
        b.mask_assign_array(&array![true, true, false], &array![1.0, 2.0, 3.0])
            .is_err()
    );
    assert_eq!(b, a, "failed assignments write nothing");
    assert!(
        numox::compress(&array![[true]], &a, None).is_err(),
        "condition must be 1-d"
    );
}

#[test]
fn large_selection_and_where_use_all_paths() {
    let n = 3 * PAR_THRESHOLD + 11;
    let a = Array::from_vec((0..n).map(|i| (i % 97) as f64 / 97.0).collect());
    let mask = a.greater_scalar(0.5);
    let sel = a.boolean_mask(&mask).unwrap();
    let want: Vec<f64> = a.iter().copied().filter(|&x| x > 0.5).collect();
    assert_eq!(sel.to_vec(), want);
    let w = numox::where_(&mask, &a, &Array::from_elem0(-1.0)).unwrap();
    assert!(
        w.iter()
            .zip(a.iter())
            .all(|(&w, &x)| w == if x > 0.5 { x } else { -1.0 })
    );
    // Assign through the mask and read back.
    let mut b = a.clone();
    b.mask_assign(&mask, 0.0).unwrap();
    assert!(b.iter().all(|&x| x <= 0.5));
    let mut c = a.clone();
    c.mask_assign_array(&mask, &sel.mapv(|x| -x)).unwrap();
    assert_eq!(c.boolean_mask(&mask).unwrap(), sel.mapv(|x| -x));
}

#[test]
fn nonzero_family_agree() {
    let a = array![[0, 1, 0], [2, 0, 3]];
    let nz = numox::nonzero(&a).unwrap();
    let aw = numox::argwhere(&a);
    let flat = numox::flatnonzero(&a);
    assert_eq!(aw.shape(), &[3, 2]);
    for k in 0..3 {
        assert_eq!(aw[[k, 0]], nz[0][[k]]);
        assert_eq!(aw[[k, 1]], nz[1][[k]]);
        assert_eq!(flat[[k]], nz[0][[k]] * 3 + nz[1][[k]]);
    }
    assert_eq!(numox::where_cond(&a).unwrap(), nz);
    assert!(numox::nonzero(&Array::from_elem0(0)).is_err());
    assert_eq!(numox::flatnonzero(&Array::from_elem0(2)), array![0i64]);
}

#[test]
fn diagonal_is_a_view_and_writable() {
    let mut a = Array::from_shape_vec(&[3, 3], (0..9).collect::<Vec<i32>>()).unwrap();
    let d = a.diagonal(0, 0, 1).unwrap();
    assert_eq!(d.as_ptr(), a.as_ptr(), "no copy");
    assert_eq!(d.strides(), &[4]);
    a.diagonal_mut(-1, 0, 1).unwrap().fill(-1);
    assert_eq!(a, array![[0, 1, 2], [-1, 4, 5], [6, -1, 8]]);
    assert!(a.diagonal(0, 0, 0).is_err());
    assert!(a.diagonal(0, 0, 2).is_err());
    assert!(array![1, 2].diagonal(0, 0, 1).is_err());
    assert_eq!(a.diagonal(isize::MAX, 0, 1).unwrap().shape(), &[0]);
    assert_eq!(a.diagonal(isize::MIN, 0, 1).unwrap().shape(), &[0]);
    assert!(numox::trace(&array![1.0, 2.0], 0, 0, 1).is_err());
    assert_eq!(numox::trace(&a, 5, 0, 1).unwrap().into_scalar(), 0i64);
}

#[test]
fn clip_edge_cases() {
    let a = array![-1.0, 0.5, 2.0];
    assert_eq!(numox::clip(&a, None, None), a);
    assert_eq!(
        numox::clip(&a, Some(1.0), Some(0.0)),
        array![0.0, 0.0, 0.0],
        "min > max gives max"
    );
    assert!(numox::clip(&a, Some(f64::NAN), None).iter().all(|x| x.is_nan()));
    assert!(numox::clip_array(&a, Some(array![0.0, 1.0].view()), None).is_err());
    assert!(numox::clip_array(&a, None, Some(array![0.0, 1.0].view())).is_err());
    assert_eq!(numox::clip_array(&a, None, None).unwrap(), a);
    assert_eq!(array![250u8, 3].clip(Some(5), Some(200)), array![200u8, 5]);
}

proptest! {
    #[test]
    fn mask_select_then_assign_round_trips(bits in proptest::collection::vec(any::<bool>(), 1..40), cols in 1usize..4) {
        let rows = bits.len();
        let a = Array::from_shape_fn(&[rows, cols], |ix| (ix[0] * 10 + ix[1]) as i64).unwrap();
        let m = Array::from_vec(bits.clone());
        let sel = a.boolean_mask(&m).unwrap();
        prop_assert_eq!(sel.shape(), &[bits.iter().filter(|&&b| b).count(), cols][..]);
        // compress and take with the true positions give the same rows.
        prop_assert_eq!(&numox::compress(&m, &a, Some(0)).unwrap(), &sel);
        let pos: Vec<i64> = bits.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i as i64).collect();
        prop_assert_eq!(&a.select(0, &pos).unwrap(), &sel);
        let mut b = Array::<i64>::zeros(&[rows, cols]);
        b.mask_assign_array(&m, &sel).unwrap();
        for i in 0..rows {
            for j in 0..cols {
                prop_assert_eq!(b[[i, j]], if bits[i] { a[[i, j]] } else { 0 });
            }
        }
    }
}
