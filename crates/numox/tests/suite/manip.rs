//! Shape and joining routines: which results are views, error paths for
//! every entry point, hostile sizes, and the list-argument forms.

use numox::prelude::*;
use numox::{AxisSpec, IntOrList, PadMode, ReflectType};

fn iota(shape: &[usize]) -> Array<i64> {
    let n: usize = shape.iter().product();
    Array::from_shape_vec(shape, (0..n as i64).collect()).unwrap()
}

/// `true` when `v` points into `a`'s buffer.
fn shares<T>(a: &Array<T>, v: &ArrayView<'_, T>) -> bool {
    let start = a.as_ptr() as usize;
    let end = start + a.size() * std::mem::size_of::<T>();
    (start..end).contains(&(v.as_ptr() as usize))
}

#[test]
fn view_returning_functions_do_not_copy() {
    let a = iota(&[3, 4, 5]);
    assert!(shares(&a, &numox::transpose(&a, None).unwrap()));
    assert!(shares(&a, &numox::swapaxes(&a, 0, 2).unwrap()));
    assert!(shares(&a, &numox::moveaxis(&a, 0, -1).unwrap()));
    assert!(shares(&a, &numox::expand_dims(&a, [0, 4]).unwrap()));
    assert!(shares(&a, &numox::flip(&a, None).unwrap()));
    assert!(shares(&a, &numox::rot90(&a, 1, (1, 2)).unwrap()));
    assert!(shares(&a, &numox::broadcast_to(&a, &[2, 3, 4, 5]).unwrap()));
    assert!(numox::split(&a, 5, 2).unwrap().iter().all(|p| shares(&a, p)));
    assert!(numox::reshape(&a, &[12, 5]).unwrap().is_view());
    assert!(numox::ravel(&a).is_view());
    let one = iota(&[1, 3, 1]);
    assert!(shares(&one, &numox::squeeze(&one, None).unwrap()));
    assert!(shares(&one, &numox::atleast_3d(&one)));
    assert!(numox::ascontiguousarray(&a).is_view());
    assert!(!numox::ascontiguousarray(&a.t()).is_view());
    assert!(numox::asfortranarray(&a.t()).is_view());
}

#[test]
fn axis_errors_are_errors() {
    let a = iota(&[2, 3]);
    assert!(numox::transpose(&a, [0]).is_err());
    assert!(numox::transpose(&a, [0, 0]).is_err());
    assert!(numox::swapaxes(&a, 0, 2).is_err());
    assert!(numox::moveaxis(&a, [0, 1], [1]).is_err());
    assert!(numox::moveaxis(&a, 0, -3).is_err());
    assert!(numox::expand_dims(&a, 3).is_err());
    assert!(numox::squeeze(&a, 0).is_err());
    assert!(numox::squeeze(&a, 5).is_err());
    assert!(numox::flip(&a, [1, -1]).is_err());
    assert!(numox::fliplr(&iota(&[3])).is_err());
    assert!(numox::flipud(&Array::from_elem0(1)).is_err());
    assert!(numox::rot90(&a, 1, (1, -1)).is_err());
    assert!(numox::rot90(&a, 1, (0, 2)).is_err());
    assert!(numox::roll(&a, [1, 2, 3], [0, 1]).is_err());
    assert!(numox::roll(&a, 1, 2).is_err());
    assert!(numox::repeat(&a, 1, Some(2)).is_err());
    assert!(numox::delete(&a, 0, Some(-3)).is_err());
    assert!(numox::insert(&a, 0, 1, Some(2)).is_err());
    assert!(numox::array_split(&a, 2, 2).is_err());
    assert!(numox::concatenate(&[&a, &a], Some(2)).is_err());
    assert!(numox::stack(&[&a, &a], 3).is_err());
}

#[test]
fn joining_errors_are_errors() {
    let (a, b) = (iota(&[2, 3]), iota(&[3, 2]));
    assert!(numox::concatenate::<i64, Array<i64>>(&[], Some(0)).is_err());
    assert!(numox::concatenate(&[&a, &b], Some(0)).is_err());
    assert!(numox::concatenate(&[&a, &iota(&[3])], Some(0)).is_err());
    assert!(numox::concatenate(&[Array::from_elem0(1), Array::from_elem0(2)], Some(0)).is_err());
    assert_eq!(
        numox::concatenate(&[Array::from_elem0(1), Array::from_elem0(2)], None).unwrap(),
        array![1, 2]
    );
    assert!(numox::stack(&[&a, &b], 0).is_err());
    assert!(numox::stack::<i64, Array<i64>>(&[], 0).is_err());
    assert!(numox::hstack(&[&a, &b]).is_err());
    assert!(numox::vstack(&[&a, &b]).is_err());
    assert!(numox::dstack(&[&a, &b]).is_err());
    assert!(numox::column_stack(&[&a, &b]).is_err());
    assert!(numox::append(&a, &b, Some(0)).is_err());
    assert!(numox::broadcast_arrays(&[a.view(), b.view()]).is_err());
    assert!(numox::broadcast_to(&a, &[3, 3]).is_err());
}

#[test]
fn split_errors_are_errors() {
    let a = iota(&[6, 4]);
    assert!(numox::split(&a, 4, 0).is_err());
    assert!(numox::split(&a, 0, 0).is_err());
    assert!(numox::split(&a, -2, 0).is_err());
    assert!(numox::array_split(&a, 0, 0).is_err());
    assert!(numox::hsplit(&Array::from_elem0(1), 1).is_err());
    assert!(numox::vsplit(&iota(&[4]), 2).is_err());
    assert!(numox::dsplit(&a, 2).is_err());
    // A hostile section count is an error, not a giant allocation.
    assert!(numox::array_split(&a, isize::MAX, 0).is_err());
    // More sections than elements gives empty parts, as NumPy does.
    let p = numox::array_split(&a, 8, 0).unwrap();
    assert_eq!(
        p.iter().map(|v| v.shape()[0]).collect::<Vec<_>>(),
        vec![1, 1, 1, 1, 1, 1, 0, 0]
    );
}

#[test]
fn repetition_errors_and_hostile_sizes() {
    let a = iota(&[2, 3]);
    assert!(numox::tile(&a, -1).is_err());
    assert!(numox::tile(&a, [1 << 40, 1 << 40]).is_err());
    assert!(numox::repeat(&a, -1, None).is_err());
    assert!(numox::repeat(&a, [1, 2], Some(1)).is_err());
    assert!(numox::repeat(&a, isize::MAX, None).is_err());
    assert!(numox::repeat(&a, [isize::MAX, isize::MAX], Some(0)).is_err());
    assert!(numox::broadcast_to(&a, &[1 << 40, 1 << 40, 3]).is_err());
    assert!(numox::pad(&a, &[(usize::MAX, 1)], &PadMode::constant(0)).is_err());
    assert!(numox::pad(&a, &[(1 << 40, 0), (1 << 40, 0)], &PadMode::Edge).is_err());
    // Broadcast views can describe more elements than memory holds; joining
    // or tiling them is an error (2^62 elements of 8 bytes overflow isize),
    // found before anything is allocated.
    let small = Array::<u64>::zeros(&[2]);
    let huge = small.broadcast(&[1 << 61, 2]).unwrap();
    assert!(numox::concatenate(&[huge.view(), huge.view()], Some(0)).is_err());
    assert!(numox::concatenate(&[huge.view()], None).is_err());
    assert!(numox::tile(&huge, 1).is_err());
    assert!(numox::repeat(&huge, 1, Some(0)).is_err());
    assert!(numox::roll(&huge, 1, None).is_err());
    assert!(numox::pad(&huge, &[(1, 1)], &PadMode::Edge).is_err());
    assert!(numox::delete(&huge, 0, Some(0)).is_err());
    assert!(numox::insert(&huge, 0, 7, Some(0)).is_err());
    assert!(numox::tril(&huge, 0).is_err());
    let one = Array::<u64>::zeros(&[1]);
    let line = one.broadcast(&[1 << 62]).unwrap();
    assert!(numox::meshgrid(&[line.view(), line.view()], numox::Indexing::Xy, false).is_err());
    assert!(numox::diag(&line, 0).is_err());
}

#[test]
fn pad_errors() {
    let a = iota(&[2, 3]);
    assert!(numox::pad(&a, &[(1, 1), (1, 1), (1, 1)], &PadMode::constant(0)).is_err());
    assert!(numox::pad(&a, &[], &PadMode::constant(0)).is_err());
    assert!(numox::pad(&a, &[(1, 1)], &PadMode::Constant(vec![(0, 0), (0, 0), (0, 0)])).is_err());
    assert!(numox::pad(&a, &[(1, 1)], &PadMode::Maximum(Some(vec![(0, 1)]))).is_err());
    assert!(
        numox::pad(
            &a,
            &[(1, 1)],
            &PadMode::Minimum(Some(vec![(1, 1), (1, 1), (1, 1)]))
        )
        .is_err()
    );
    let e = iota(&[0, 3]);
    assert!(numox::pad(&e, &[(1, 0), (0, 0)], &PadMode::Wrap).is_err());
    assert_eq!(
        numox::pad(&e, &[(0, 0), (2, 2)], &PadMode::Wrap).unwrap().shape(),
        &[0, 7]
    );
    assert_eq!(
        numox::pad(&e, &[(1, 0), (0, 0)], &PadMode::constant(9)).unwrap(),
        array![[9, 9, 9]]
    );
    assert_eq!(
        numox::pad(&e, &[(1, 0), (0, 0)], &PadMode::Empty).unwrap(),
        array![[0, 0, 0]]
    );
}

#[test]
fn pad_modes_on_a_small_example() {
    let a = array![1.0, 2.0, 4.0];
    // Expected values from NumPy 2.4.6 (np.pad(a, (2, 3), mode=...)).
    let p = |m: PadMode<f64>| numox::pad(&a, &[(2, 3)], &m).unwrap().to_vec();
    assert_eq!(
        p(PadMode::Reflect(ReflectType::Odd)),
        vec![-2.0, 0.0, 1.0, 2.0, 4.0, 6.0, 7.0, 8.0]
    );
    assert_eq!(
        p(PadMode::Symmetric(ReflectType::Odd)),
        vec![0.0, 1.0, 1.0, 2.0, 4.0, 4.0, 6.0, 7.0]
    );
    assert_eq!(
        p(PadMode::LinearRamp(vec![(0.0, 10.0)])),
        vec![0.0, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    );
    assert_eq!(
        p(PadMode::Median(None)),
        vec![2.0, 2.0, 1.0, 2.0, 4.0, 2.0, 2.0, 2.0]
    );
    assert_eq!(
        p(PadMode::Minimum(Some(vec![(1, 2)]))),
        vec![1.0, 1.0, 1.0, 2.0, 4.0, 2.0, 2.0, 2.0]
    );
    // Integer means round half to even, as NumPy's `around`.
    let i = array![1, 2, 3, 4];
    let m = numox::pad(&i, &[(1, 1)], &PadMode::Mean(Some(vec![(2, 2)]))).unwrap();
    assert_eq!(m, array![2, 1, 2, 3, 4, 4]);
}

#[test]
fn insert_and_delete_edge_cases() {
    let a = iota(&[5]);
    assert_eq!(numox::delete(&a, [1, 1, -1], None).unwrap(), array![0, 2, 3]);
    assert_eq!(numox::delete(&a, Vec::<isize>::new(), None).unwrap(), a);
    assert!(numox::delete(&a, 5, None).is_err());
    assert!(numox::delete(&a, [-6], None).is_err());
    assert_eq!(numox::insert(&a, 5, 9, None).unwrap(), array![0, 1, 2, 3, 4, 9]);
    assert_eq!(numox::insert(&a, -5, 9, None).unwrap(), array![9, 0, 1, 2, 3, 4]);
    assert_eq!(
        numox::insert(&a, [2, 2], array![7, 8], None).unwrap(),
        array![0, 1, 7, 8, 2, 3, 4]
    );
    assert!(numox::insert(&a, [1, 2], array![7, 8, 9], None).is_err());
    assert!(numox::insert(&a, 6, 0, None).is_err());
    // Scalar index: `values` becomes a block along the axis (its first axis moved there).
    let m = iota(&[2, 2]);
    assert_eq!(
        numox::insert(&m, 1, array![[7, 8], [9, 10]], Some(1)).unwrap(),
        array![[0, 7, 9, 1], [2, 8, 10, 3]]
    );
    // One-element list: no axis move.
    assert_eq!(
        numox::insert(&m, [1], array![[7, 8]], Some(0)).unwrap(),
        array![[0, 1], [7, 8], [2, 3]]
    );
}

#[test]
fn argument_conversions() {
    assert_eq!(IntOrList::from(3), IntOrList::One(3));
    assert_eq!(IntOrList::from([1, 2]).as_slice(), &[1, 2]);
    assert_eq!(IntOrList::from(&vec![4isize]).as_slice(), &[4]);
    assert_eq!(AxisSpec::from(Some(2)).axes(), Some(&[2][..]));
    assert_eq!(AxisSpec::from(&[0isize, 1][..]).axes(), Some(&[0, 1][..]));
    // Lists of arrays: references, views, owned arrays, CowArrays, scalars.
    let (a, b) = (array![1, 2], array![3]);
    let c1 = numox::concatenate(&[&a, &b], Some(0)).unwrap();
    let c2 = numox::concatenate(&[a.view(), b.view()], Some(0)).unwrap();
    let c3 = numox::concatenate(&[a.clone(), b.clone()], Some(0)).unwrap();
    let c4 = numox::concatenate(&[numox::ravel(&a), numox::ravel(&b)], Some(0)).unwrap();
    let c5 = numox::hstack(&[1, 2, 3]).unwrap();
    assert!([c2, c3, c4, c5].iter().all(|c| *c == c1));
}

#[test]
fn strided_inputs_give_the_same_results_as_copies() {
    let a = iota(&[4, 6, 5]);
    let views = [a.t(), a.slice(s![..;-1, 1..;2, ..]), a.slice(s![.., .., ..;3])];
    for v in &views {
        let c = v.to_owned();
        assert_eq!(
            numox::concatenate(&[v.view(), c.view()], Some(1)).unwrap(),
            numox::concatenate(&[&c, &c], Some(1)).unwrap()
        );
        assert_eq!(
            numox::tile(v, [2, 1, 2]).unwrap(),
            numox::tile(&c, [2, 1, 2]).unwrap()
        );
        assert_eq!(
            numox::repeat(v, 2, Some(1)).unwrap(),
            numox::repeat(&c, 2, Some(1)).unwrap()
        );
        assert_eq!(
            numox::roll(v, [1, -2], [0, 2]).unwrap(),
            numox::roll(&c, [1, -2], [0, 2]).unwrap()
        );
        assert_eq!(
            numox::delete(v, [0, 2], Some(1)).unwrap(),
            numox::delete(&c, [0, 2], Some(1)).unwrap()
        );
        assert_eq!(
            numox::pad(v, &[(1, 2)], &PadMode::Symmetric(ReflectType::Even)).unwrap(),
            numox::pad(&c, &[(1, 2)], &PadMode::Symmetric(ReflectType::Even)).unwrap()
        );
    }
}
