//! Properties of shapes, slicing and joining (proptest): broadcasting rules,
//! slices of slices, reshape/ravel round trips, transposes, and the inverse
//! pairs concatenate/split, roll/roll back, pad/unpad.

use numox::array::slice::{RangeEnd, SliceElem, SliceInfo};
use numox::prelude::*;
use numox::{PadMode, ReflectType};
use proptest::prelude::*;

/// A shape of up to `max_nd` axes with small lengths (0 and 1 included).
fn shape(max_nd: usize, max_len: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(0..=max_len, 0..=max_nd)
}

/// A non-empty shape of 1..=max_nd axes with lengths 1..=max_len.
fn nonempty_shape(max_nd: usize, max_len: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1..=max_len, 1..=max_nd)
}

/// `0, 1, 2, ...` in the given shape.
fn iota(shape: &[usize]) -> Array<i64> {
    let n: usize = shape.iter().product();
    Array::from_shape_vec(shape, (0..n as i64).collect()).unwrap()
}

/// NumPy's broadcasting rule, written out: align on the right, missing axes
/// count as 1, equal lengths stay, a 1 stretches, anything else fails.
fn brute_broadcast(a: &[usize], b: &[usize]) -> Option<Vec<usize>> {
    let n = a.len().max(b.len());
    let get = |s: &[usize], i: usize| if i + s.len() >= n { s[i + s.len() - n] } else { 1 };
    (0..n)
        .map(|i| {
            let (x, y) = (get(a, i), get(b, i));
            if x == y || y == 1 {
                Some(x)
            } else if x == 1 {
                Some(y)
            } else {
                None
            }
        })
        .collect()
}

/// Python's `range(n)[start:stop:step]` as an index list (CPython's
/// `slice.indices` followed by `range`).
fn py_slice(n: usize, start: Option<isize>, stop: Option<isize>, step: isize) -> Vec<usize> {
    let n = n as isize;
    let clamp = |v: isize, lo: isize, hi: isize| v.max(lo).min(hi);
    let (lo, hi) = if step > 0 { (0, n) } else { (-1, n - 1) };
    let fix = |v: Option<isize>, default: isize| match v {
        None => default,
        Some(v) if v < 0 => clamp(v + n, lo, hi),
        Some(v) => clamp(v, lo, hi),
    };
    let (s, e) = if step > 0 {
        (fix(start, 0), fix(stop, n))
    } else {
        (fix(start, n - 1), fix(stop, -1))
    };
    let mut out = vec![];
    let mut i = s;
    while (step > 0 && i < e) || (step < 0 && i > e) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// A slice entry for `s![]`-free construction.
fn elem(start: Option<isize>, stop: Option<isize>, step: isize) -> SliceElem {
    SliceElem::Range {
        start,
        end: stop.map_or(RangeEnd::Open, RangeEnd::Exclusive),
        step,
    }
}

/// One slice entry: optional bounds in -8..8 and a non-zero step in -3..=3.
fn slice_entry() -> impl Strategy<Value = (Option<isize>, Option<isize>, isize)> {
    (
        prop::option::of(-8isize..8),
        prop::option::of(-8isize..8),
        prop_oneof![-3isize..=-1, 1isize..=3],
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn broadcast_shapes_follow_the_rule_and_commute(a in shape(4, 3), b in shape(4, 3)) {
        let ab = numox::broadcast_shapes(&[&a, &b]).ok().map(|s| s.to_vec());
        let ba = numox::broadcast_shapes(&[&b, &a]).ok().map(|s| s.to_vec());
        prop_assert_eq!(&ab, &brute_broadcast(&a, &b));
        prop_assert_eq!(&ab, &ba);
        // Broadcasting views agree with the shape rule.
        let (x, y) = (iota(&a), iota(&b));
        let views = numox::broadcast_arrays(&[x.view(), y.view()]);
        prop_assert_eq!(views.is_ok(), ab.is_some());
        if let (Ok(v), Some(s)) = (views, ab) {
            prop_assert_eq!(v[0].shape(), &s[..]);
            prop_assert_eq!(v[1].shape(), &s[..]);
        }
    }

    #[test]
    fn slice_of_a_slice_is_the_composed_slice(
        n0 in 0usize..9,
        n1 in 0usize..9,
        s1 in (slice_entry(), slice_entry()),
        s2 in (slice_entry(), slice_entry()),
    ) {
        let a = iota(&[n0, n1]);
        let first = SliceInfo::new([elem(s1.0.0, s1.0.1, s1.0.2), elem(s1.1.0, s1.1.1, s1.1.2)]);
        let second = SliceInfo::new([elem(s2.0.0, s2.0.1, s2.0.2), elem(s2.1.0, s2.1.1, s2.1.2)]);
        let v = a.try_slice(first).unwrap();
        let w = v.try_slice(second).unwrap();
        // The composed index lists, computed on plain index vectors.
        let r0 = py_slice(n0, s1.0.0, s1.0.1, s1.0.2);
        let r1 = py_slice(n1, s1.1.0, s1.1.1, s1.1.2);
        let c0: Vec<usize> = py_slice(r0.len(), s2.0.0, s2.0.1, s2.0.2).into_iter().map(|i| r0[i]).collect();
        let c1: Vec<usize> = py_slice(r1.len(), s2.1.0, s2.1.1, s2.1.2).into_iter().map(|i| r1[i]).collect();
        prop_assert_eq!(w.shape(), &[c0.len(), c1.len()][..]);
        let want: Vec<i64> = c0.iter().flat_map(|&i| c1.iter().map(move |&j| (i * n1 + j) as i64)).collect();
        prop_assert_eq!(w.to_vec(), want);
    }

    #[test]
    fn reshape_and_ravel_round_trip(dims in nonempty_shape(4, 4), transpose in any::<bool>()) {
        let a = iota(&dims);
        let v = if transpose { a.t() } else { a.view() };
        let flat = numox::ravel(&v).into_owned();
        prop_assert_eq!(flat.to_vec(), v.to_vec());
        // Any regrouping of the flat elements and back is the identity.
        let n = v.size() as isize;
        let split = dims[0] as isize;
        let r = numox::reshape(&v, &[split, -1]).unwrap();
        prop_assert_eq!(r.view().size() as isize, n);
        let orig: Vec<isize> = v.shape().iter().map(|&d| d as isize).collect();
        let rv = r.view();
        let back = numox::reshape(&rv, &orig).unwrap();
        prop_assert_eq!(back.view(), v.clone());
        // Fortran-order reshape round trip.
        let f = v.reshape_order(&[-1], Order::F).unwrap();
        let fv = f.view();
        let fb = fv.reshape_order(&orig, Order::F).unwrap();
        prop_assert_eq!(fb.view(), v.clone());
    }

    #[test]
    fn transpose_is_an_involution(dims in shape(4, 4), seed in any::<u64>()) {
        let a = iota(&dims);
        let at = a.t();
        prop_assert_eq!(at.t(), a.view());
        // A permutation and its inverse cancel.
        let nd = dims.len();
        let mut perm: Vec<usize> = (0..nd).collect();
        let mut s = seed;
        for i in (1..nd).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut inv = vec![0isize; nd];
        for (i, &p) in perm.iter().enumerate() {
            inv[p] = i as isize;
        }
        let p: Vec<isize> = perm.iter().map(|&x| x as isize).collect();
        let t = numox::transpose(&a, &p[..]).unwrap();
        let shape_t: Vec<usize> = perm.iter().map(|&i| dims[i]).collect();
        prop_assert_eq!(t.shape(), &shape_t[..]);
        prop_assert_eq!(t.permuted_axes(&inv).unwrap(), a.view());
        // The copy of a transposed view holds its elements in C order.
        let c = numox::transpose(&a, &p[..]).unwrap().to_owned();
        prop_assert_eq!(c.as_slice().unwrap().to_vec(), numox::transpose(&a, &p[..]).unwrap().iter().copied().collect::<Vec<_>>());
    }

    #[test]
    fn concatenate_undoes_split(dims in nonempty_shape(3, 6), axis_pick in any::<usize>(), cuts in prop::collection::vec(0usize..8, 0..4), sections in 1usize..5) {
        let a = iota(&dims);
        let axis = (axis_pick % dims.len()) as isize;
        let mut idx: Vec<isize> = cuts.iter().map(|&c| c as isize).collect();
        idx.sort_unstable();
        let parts = numox::array_split(&a, idx, axis).unwrap();
        let joined = numox::concatenate(&parts, Some(axis)).unwrap();
        prop_assert_eq!(&joined, &a);
        let parts = numox::array_split(&a, sections as isize, axis).unwrap();
        prop_assert_eq!(parts.len(), sections);
        let sizes: Vec<usize> = parts.iter().map(|p| p.shape()[axis as usize]).collect();
        prop_assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1);
        prop_assert_eq!(numox::concatenate(&parts, Some(axis)).unwrap(), a);
    }

    #[test]
    fn stack_then_index_gives_the_inputs(dims in shape(3, 4), k in 1usize..4, axis_pick in any::<usize>()) {
        let inputs: Vec<Array<i64>> = (0..k).map(|i| iota(&dims).mapv(|x| x + 100 * i as i64)).collect();
        let axis = (axis_pick % (dims.len() + 1)) as isize;
        let s = numox::stack(&inputs, axis).unwrap();
        for (i, x) in inputs.iter().enumerate() {
            prop_assert_eq!(s.index_axis(axis, i as isize).unwrap(), x.view());
        }
    }

    #[test]
    fn roll_back_and_flip_twice_are_identities(dims in shape(3, 5), shift in -12isize..12, axis_pick in any::<usize>()) {
        let a = iota(&dims);
        let r = numox::roll(&a, shift, None).unwrap();
        prop_assert_eq!(numox::roll(&r, -shift, None).unwrap(), a.clone());
        if !dims.is_empty() {
            let axis = (axis_pick % dims.len()) as isize;
            let r = numox::roll(&a, shift, axis).unwrap();
            prop_assert_eq!(numox::roll(&r, -shift, axis).unwrap(), a.clone());
            let f = numox::flip(&a, axis).unwrap();
            prop_assert_eq!(numox::flip(&f, axis).unwrap(), a.view());
        }
        let f = numox::flip(&a, None).unwrap();
        prop_assert_eq!(numox::flip(&f, None).unwrap(), a.view());
    }

    #[test]
    fn padding_keeps_the_original_in_the_middle(
        dims in nonempty_shape(3, 4),
        widths in prop::collection::vec((0usize..7, 0usize..7), 3),
        mode in 0usize..8,
    ) {
        let a = iota(&dims).mapv(|x| x as f64);
        let w = &widths[..dims.len()];
        let m = match mode {
            0 => PadMode::constant(-1.0),
            1 => PadMode::Edge,
            2 => PadMode::Reflect(ReflectType::Even),
            3 => PadMode::Symmetric(ReflectType::Odd),
            4 => PadMode::Wrap,
            5 => PadMode::LinearRamp(vec![(5.0, -5.0)]),
            6 => PadMode::Mean(None),
            _ => PadMode::Maximum(Some(vec![(2, 3)])),
        };
        let p = numox::pad(&a, w, &m).unwrap();
        let info = SliceInfo::new(w.iter().zip(&dims).map(|(&(l, _), &d)| elem(Some(l as isize), Some((l + d) as isize), 1)));
        prop_assert_eq!(p.try_slice(info).unwrap(), a.view());
        for (k, (&(l, r), &d)) in w.iter().zip(&dims).enumerate() {
            prop_assert_eq!(p.shape()[k], l + d + r);
        }
        if mode == 4 {
            // Wrap padding is periodic along each axis.
            let lane = p.lanes(0).unwrap().next().unwrap().to_vec();
            let period = dims[0];
            for i in period..lane.len() {
                prop_assert_eq!(lane[i], lane[i - period]);
            }
        }
    }

    #[test]
    fn tile_and_repeat_sizes(dims in shape(3, 4), reps in prop::collection::vec(0isize..4, 0..4), r in 0isize..4) {
        let a = iota(&dims);
        let t = numox::tile(&a, &reps[..]).unwrap();
        let nd = dims.len().max(reps.len());
        let mut want = vec![1usize; nd];
        for (i, &d) in dims.iter().enumerate() {
            want[nd - dims.len() + i] *= d;
        }
        for (i, &x) in reps.iter().enumerate() {
            want[nd - reps.len() + i] *= x as usize;
        }
        prop_assert_eq!(t.shape(), &want[..]);
        let rep = numox::repeat(&a, r, None).unwrap();
        prop_assert_eq!(rep.size(), a.size() * r as usize);
        let expect: Vec<i64> = a.iter().flat_map(|&x| std::iter::repeat_n(x, r as usize)).collect();
        prop_assert_eq!(rep.to_vec(), expect);
    }
}
