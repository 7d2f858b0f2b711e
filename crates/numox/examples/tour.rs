//! A tour of numox: what a NumPy user writes, in Rust, with the output NumPy
//! would print. Run with `cargo run --release --example tour`.

use numox::prelude::*;

fn section(title: &str) {
    println!("\n=== {title}");
}

fn main() -> numox::Result<()> {
    section("creating arrays");
    let a = Array::from_shape_vec(&[3, 4], (0..12).map(|x| x as f64).collect())?;
    println!("a = np.arange(12.).reshape(3, 4)\n{a:?}");
    let z = Array::<i32>::zeros(&[2, 3]);
    println!("np.zeros((2, 3), dtype=np.int32)\n{z:?}");
    let lit = array![[1u8, 2], [3, 4]];
    println!("np.array([[1, 2], [3, 4]], dtype=np.uint8)\n{lit:?}");

    section("views: slicing, transposes, reshapes never copy when NumPy would not");
    println!("a[:, 1::2]\n{:?}", a.slice(s![.., 1..;2]));
    println!("a[::-1, -1]\n{:?}", a.slice(s![..;-1, -1]));
    println!(
        "a[None, 0, ...].shape = {:?}",
        a.slice(s![NewAxis, 0, ...]).shape()
    );
    println!("a.T.strides (in elements) = {:?}", a.t().strides());
    let r = a.reshape(&[2, -1])?;
    println!("a.reshape(2, -1) is a view: {}", r.is_view());
    let t = a.t();
    let rt = t.reshape(&[-1])?;
    println!(
        "a.T.reshape(-1) is a view: {}  (NumPy copies here too)",
        rt.is_view()
    );

    section("arithmetic and broadcasting");
    let col = array![[0.0], [10.0], [20.0]];
    let row = array![1.0, 2.0, 3.0, 4.0];
    println!("col + row\n{:?}", &col + &row);
    println!("2.0 * row - 1.0\n{:?}", 2.0 * &row - 1.0);
    println!(
        "np.array([7, -7]) // 2, % 2 -> {:?}, {:?}",
        array![7i64, -7] / 2,
        array![7i64, -7] % 2
    );
    match numox::add(&array![1.0, 2.0], &row) {
        Err(e) => println!("np.add of shapes (2,) and (4,): {e}"),
        Ok(_) => unreachable!("NumPy refuses this"),
    }

    section("comparisons, masks and where");
    let big = a.greater_scalar(6.0);
    println!("a[a > 6] -> {:?}", a.boolean_mask(&big)?);
    println!(
        "np.where(a > 6, a, -1.0)\n{:?}",
        numox::where_(&big, &a, &array![-1.0])?
    );
    println!(
        "np.nonzero(row > 2) -> {:?}",
        numox::nonzero(&row.greater_scalar(2.0))?
    );

    section("reductions (bit-identical to NumPy's pairwise sums)");
    println!("a.sum() = {:?}, a.mean(axis=0) = {:?}", a.sum(), a.mean_axis(0)?);
    println!("a.std(ddof=1) = {:?}, a.argmax() = {}", a.std(1), a.argmax()?);
    println!("a.cumsum(axis=1)\n{:?}", numox::cumsum(&a, Some(1))?);

    section("creation and joining");
    println!(
        "np.linspace(0, 1, 5) -> {:?}",
        numox::linspace(0.0, 1.0, 5, true)?
    );
    println!("np.arange(0, 1, 0.25) -> {:?}", numox::arange(0.0, 1.0, 0.25)?);
    let ab = numox::concatenate(&[&row, &row], None)?;
    println!("np.concatenate([row, row]) -> {ab:?}");
    println!("np.eye(3, k=1, dtype=int)\n{:?}", numox::eye::<i64>(3, None, 1)?);

    section("random: NumPy's streams, draw for draw");
    let mut rng = numox::random::default_rng(42);
    println!("np.random.default_rng(42).random(3) -> {:?}", rng.random(3));
    println!(
        "then .integers(0, 10, 5) -> {:?}",
        rng.integers::<i64>(0, 10, 5, false)?
    );

    section(".npy files that NumPy reads");
    let path = std::env::temp_dir().join(format!("numox_tour_{}.npy", std::process::id()));
    numox::save_npy(&path, &a)?;
    let back = numox::load_npy(&path)?.into_typed::<f64>()?;
    std::fs::remove_file(&path)?;
    println!("np.load(np.save(a)) == a: {}", back == a);

    section("casting with NumPy's rules");
    let f = array![1.7, -1.7, 300.0, f64::NAN];
    println!("astype(np.int32) -> {:?}", f.astype::<i32>());
    println!("astype(np.uint8) -> {:?}", f.astype::<u8>());
    Ok(())
}
