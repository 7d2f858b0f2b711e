//! Every numox idiom that `docs/numpy-users.md` shows, compiled and checked,
//! so the guide stays true. Values are NumPy's (printed by NumPy 2.4.6 for the
//! same calls) or follow from the definitions.

use numox::prelude::*;
use numox::{Indexing, PrintOptions};

#[test]
fn indexing_idioms() -> numox::Result<()> {
    let mut a = Array::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i64>>())?;
    assert_eq!(a[[1, 2]], 6);
    assert_eq!(a.get(&[3, 0]), None);
    assert_eq!(a.item(&[-1, 0])?, 8);
    // a[1:3, ::-1][:, None, ..., 2] in NumPy is [[5], [9]]
    let v = a.slice(s![1..3, ..;-1]);
    assert_eq!(v.slice(s![.., NewAxis, ..., 1]), array![[6], [10]]);
    assert_eq!(a.slice(s![5..0;-1, 0]), array![8, 4]); // a[5:0:-1, 0]: start clipped to 2
    a.slice_mut(s![1..3, 0]).assign(&array![-1, -2])?;
    assert_eq!(a.slice(s![.., 0]), array![0, -1, -2]);
    assert_eq!(
        array![7i32, -7].mapv(|x| numox::Numeric::div(x, 2)),
        array![3, -4]
    ); // NumPy's //
    Ok(())
}

#[test]
fn creation_idioms() -> numox::Result<()> {
    assert_eq!(array![[1, 2], [3, 4]].shape(), &[2, 2]);
    assert_eq!(Array::<f64>::zeros(&[2, 3]).sum(), 0.0);
    assert_eq!(Array::full(&[2], 7u8), array![7u8, 7]);
    assert_eq!(numox::zeros_like(&array![1.5, 2.5]), array![0.0, 0.0]);
    assert_eq!(numox::arange(0, 10, 2)?, array![0, 2, 4, 6, 8]);
    assert_eq!(
        numox::linspace(0.0, 1.0, 5, true)?,
        array![0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(
        numox::logspace(0.0, 2.0, 3, true, 10.0)?,
        array![1.0, 10.0, 100.0]
    );
    assert_eq!(
        numox::geomspace(1.0, 1000.0, 4, true)?,
        array![1.0, 10.0, 100.0, 1000.0]
    );
    assert_eq!(numox::eye::<f64>(2, None, 1)?, array![[0.0, 1.0], [0.0, 0.0]]);
    assert_eq!(numox::identity::<i32>(2)?, array![[1, 0], [0, 1]]);
    assert_eq!(numox::diag(&array![1, 2], 0)?, array![[1, 0], [0, 2]]);
    assert_eq!(numox::tril(&array![[1, 2], [3, 4]], 0)?, array![[1, 0], [3, 4]]);
    let g = numox::meshgrid(&[&array![1, 2, 3], &array![4, 5]], Indexing::Xy, false)?;
    assert_eq!(g[0].shape(), &[2, 3]);
    let f = Array::from_shape_fn(&[2, 2], |ix| (ix[0] * 10 + ix[1]) as i64)?;
    assert_eq!(f, array![[0, 1], [10, 11]]);
    Ok(())
}

#[test]
fn shape_idioms() -> numox::Result<()> {
    let a = Array::from_shape_vec(&[2, 3], (0..6).collect::<Vec<i32>>())?;
    assert!(a.reshape(&[3, -1])?.is_view());
    assert_eq!(a.t().shape(), &[3, 2]);
    assert_eq!(a.ravel().view().to_vec(), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(numox::expand_dims(&a, 0)?.shape(), &[1, 2, 3]);
    assert_eq!(numox::expand_dims(&a, 0)?.squeeze(None)?.shape(), &[2, 3]);
    let b = numox::concatenate(&[&a, &a], Some(0))?;
    assert_eq!(b.shape(), &[4, 3]);
    assert_eq!(numox::stack(&[&a, &a], 0)?.shape(), &[2, 2, 3]);
    let parts = numox::split(&b, 2, 0)?;
    assert_eq!(parts[1], a);
    assert_eq!(a.broadcast(&[4, 2, 3])?.shape(), &[4, 2, 3]);
    Ok(())
}

#[test]
fn reduction_idioms() -> numox::Result<()> {
    let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
    assert_eq!(a.sum(), 21.0);
    assert_eq!(a.sum_axis(0)?, array![5.0, 7.0, 9.0]);
    assert_eq!(a.sum_axes(&[1], true)?, array![[6.0], [15.0]]);
    assert_eq!(numox::sum(&a, [0, 1], false)?.into_scalar(), 21.0);
    assert_eq!((a.mean(), a.var(1)), (3.5, 3.5));
    assert_eq!(a.max()?, 6.0);
    assert_eq!(a.argmax()?, 5);
    assert!(Array::<f64>::zeros(&[0]).max().is_err());
    assert_eq!(a.cumsum_axis(1)?, array![[1.0, 3.0, 6.0], [4.0, 9.0, 15.0]]);
    assert!(a.any() && a.all());
    assert_eq!(a.count_nonzero(), 6);
    Ok(())
}

#[test]
fn file_and_printing_idioms() -> numox::Result<()> {
    let dir = std::env::temp_dir().join(format!("numox_guide_{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let a = array![[1.5, 2.0], [3.0, 4.0]];
    let b = array![1i32, 2];
    numox::save_npy(dir.join("a.npy"), &a)?;
    assert_eq!(numox::load_npy(dir.join("a.npy"))?.into_typed::<f64>()?, a);
    assert_eq!(numox::load_npy_as::<f64>(dir.join("a.npy"))?, a);
    numox::savez(dir.join("f.npz"), &[("x", &a as &dyn NpyWritable), ("y", &b)])?;
    let y = numox::NpzReader::open(dir.join("f.npz"))?.by_name("y")?;
    assert_eq!(y.into_typed::<i32>()?, b);
    std::fs::remove_dir_all(&dir)?;
    // print(a) and repr(a) in NumPy 2.4.6:
    assert_eq!(format!("{a}"), "[[1.5 2. ]\n [3.  4. ]]");
    assert_eq!(format!("{a:?}"), "array([[1.5, 2. ],\n       [3. , 4. ]])");
    let opts = PrintOptions {
        precision: 3,
        ..Default::default()
    };
    let s = numox::with_printoptions(opts, || format!("{}", array![std::f64::consts::PI]));
    assert_eq!(s, "[3.142]");
    Ok(())
}

#[test]
fn random_idioms() -> numox::Result<()> {
    // np.random.default_rng(42).random(2) == [0.7739560485559633, 0.4388784397520523]
    let mut rng = numox::random::default_rng(42);
    assert_eq!(rng.random(2), array![0.7739560485559633, 0.4388784397520523]);
    let ints = numox::random::default_rng(42).integers::<i64>(0, 10, 5, false)?;
    assert!(ints.iter().all(|&x| (0..10).contains(&x)));
    // np.random.seed(0); np.random.rand(2) == [0.5488135039273248, 0.7151893663724195]
    let _global = crate::common::GLOBAL_RANDOM
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    numox::random::seed(0);
    assert_eq!(
        numox::random::rand(&[2]),
        array![0.5488135039273248, 0.7151893663724195]
    );
    Ok(())
}
