//! Properties of the sorting routines on random inputs (proptest): `sort`
//! returns a sorted permutation of its input; `argsort` is the stable
//! sorting permutation; `unique` with its inverse rebuilds the input;
//! `searchsorted` agrees with counting in the sorted array; `partition`
//! puts the kth element in its sorted place.

use numox::prelude::*;
use numox::{Side, SortElement, SortKind, UniqueOptions};
use proptest::prelude::*;
use std::cmp::Ordering;

/// Floats with many ties and every special value.
fn float_strategy() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-20i32..20).prop_map(|x| x as f64 / 4.0),
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        any::<f64>(),
    ]
}

fn same_multiset(a: &[f64], b: &[f64]) -> bool {
    let key = |v: &[f64]| {
        let mut k: Vec<u64> = v
            .iter()
            .map(|x| if x.is_nan() { u64::MAX } else { x.to_bits() })
            .collect();
        k.sort_unstable();
        k
    };
    key(a) == key(b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sort_is_a_sorted_permutation(v in prop::collection::vec(float_strategy(), 0..300)) {
        let a = Array::from_vec(v.clone());
        let s = numox::sort(&a, Some(-1), SortKind::Quicksort).unwrap().into_vec();
        prop_assert!(s.windows(2).all(|w| w[0].np_cmp(&w[1]) != Ordering::Greater));
        prop_assert!(same_multiset(&s, &v));
    }

    #[test]
    fn argsort_is_the_stable_permutation(v in prop::collection::vec(-5i64..5, 0..300)) {
        let a = Array::from_vec(v.clone());
        let idx = numox::argsort(&a, Some(0), SortKind::Stable).unwrap().into_vec();
        let mut want: Vec<usize> = (0..v.len()).collect();
        want.sort_by_key(|&i| v[i]); // std's stable sort
        prop_assert_eq!(idx.iter().map(|&i| i as usize).collect::<Vec<_>>(), want);
    }

    #[test]
    fn sort_along_axes_sorts_every_lane(v in prop::collection::vec(any::<i32>(), 12), ax in 0isize..2) {
        let a = Array::from_shape_vec(&[3, 4], v).unwrap();
        let s = numox::sort(&a, Some(ax), SortKind::Stable).unwrap();
        for (lane, orig) in s.lanes(ax).unwrap().zip(a.lanes(ax).unwrap()) {
            let mut want = orig.to_vec();
            want.sort();
            prop_assert_eq!(lane.to_vec(), want);
        }
    }

    #[test]
    fn unique_with_inverse_rebuilds_the_input(v in prop::collection::vec(float_strategy(), 0..200)) {
        let a = Array::from_vec(v.clone());
        let u = numox::unique_with(&a, &UniqueOptions::new().inverse().counts().index()).unwrap();
        let vals = u.values.to_vec();
        let inv = u.inverse.unwrap().into_vec();
        for (x, &i) in v.iter().zip(&inv) {
            let y = vals[i as usize];
            prop_assert!((x.is_nan() && y.is_nan()) || *x == y);
        }
        prop_assert_eq!(u.counts.unwrap().iter().sum::<i64>() as usize, v.len());
        for (k, &i) in u.indices.unwrap().iter().enumerate() {
            prop_assert_eq!(inv[i as usize], k as i64);
        }
        prop_assert!(vals.windows(2).all(|w| w[0].np_cmp(&w[1]) == Ordering::Less));
    }

    #[test]
    fn searchsorted_agrees_with_sort(
        hay in prop::collection::vec(float_strategy(), 0..300),
        q in prop::collection::vec(float_strategy(), 0..700),
    ) {
        let s = numox::sort(&Array::from_vec(hay), Some(0), SortKind::Stable).unwrap();
        let qa = Array::from_vec(q.clone());
        let left = numox::searchsorted(&s, &qa, Side::Left, None).unwrap();
        let right = numox::searchsorted(&s, &qa, Side::Right, None).unwrap();
        let sv = s.to_vec();
        for ((x, &l), &r) in q.iter().zip(left.iter()).zip(right.iter()) {
            let below = sv.iter().filter(|y| y.np_cmp(x) == Ordering::Less).count();
            let upto = sv.iter().filter(|y| y.np_cmp(x) != Ordering::Greater).count();
            prop_assert_eq!((l as usize, r as usize), (below, upto));
        }
        // with a sorter, on the unsorted haystack
        let perm = numox::argsort(&s, Some(0), SortKind::Stable).unwrap();
        let again = numox::searchsorted(&s, &qa, Side::Left, Some(perm.view())).unwrap();
        prop_assert_eq!(again, left);
    }

    #[test]
    fn partition_places_kth(v in prop::collection::vec(float_strategy(), 1..200), k in any::<prop::sample::Index>()) {
        let k = k.index(v.len());
        let a = Array::from_vec(v.clone());
        let p = numox::partition(&a, &[k as isize], None).unwrap().into_vec();
        let s = numox::sort(&a, None, SortKind::Stable).unwrap().into_vec();
        prop_assert_eq!(p[k].np_cmp(&s[k]), Ordering::Equal);
        prop_assert!(p[..k].iter().all(|x| x.np_cmp(&p[k]).is_le()));
        prop_assert!(p[k + 1..].iter().all(|x| x.np_cmp(&p[k]).is_ge()));
        prop_assert!(same_multiset(&p, &v));
    }
}

#[test]
fn large_float_sort_matches_std_total_order() {
    // Past the parallel MSD threshold, with NaN and -0.0 (the canonical-key path).
    let mut s = 7u64;
    let v: Vec<f64> = (0..300_000)
        .map(|i| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            match i % 97 {
                0 => f64::NAN,
                1 => -0.0,
                _ => (s >> 11) as f64 / (1u64 << 53) as f64,
            }
        })
        .collect();
    let got = numox::sort(&Array::from_vec(v.clone()), None, SortKind::Stable)
        .unwrap()
        .into_vec();
    let mut want = v;
    want.sort_by(|a, b| a.np_cmp(b)); // std's stable merge sort, NumPy's order
    assert_eq!(got.len(), want.len());
    assert!(got.iter().zip(&want).all(|(a, b)| a.to_bits() == b.to_bits()));
}

#[test]
fn errors_name_the_problem() {
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    assert!(matches!(
        numox::sort(&a, Some(2), SortKind::Stable),
        Err(Error::AxisOutOfBounds { axis: 2, ndim: 2 })
    ));
    assert!(numox::argsort(&a, Some(-3), SortKind::Stable).is_err());
    let e = numox::partition(&a, &[2], Some(1)).unwrap_err();
    assert_eq!(e.to_string(), "kth(=2) out of bounds (2)");
    let v = array![1.0, 2.0];
    assert!(numox::searchsorted(&a, &v, Side::Left, None).is_err());
    let bad = array![0i64];
    assert!(numox::searchsorted(&v, &v, Side::Left, Some(bad.view())).is_err());
    let oob = array![0i64, 7];
    assert!(numox::searchsorted(&v, &v, Side::Left, Some(oob.view())).is_err());
    assert!(numox::unique_with(&a, &UniqueOptions::new().axis(2)).is_err());
    let empty: [ArrayView<'_, f64>; 0] = [];
    assert!(numox::lexsort(&empty, -1).is_err());
    assert!(numox::lexsort(&[v.view(), array![1.0].view()], -1).is_err());
}
