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

    section("broadcasting");
    let col = array![[0.0], [10.0], [20.0]];
    let row = array![1.0, 2.0, 3.0, 4.0];
    println!("col + row\n{:?}", col.zip_with(&row, |x, y| x + y)?);
    match array![1.0, 2.0].zip_with(&row, |x, y| x + y) {
        Err(e) => println!("shapes (2,) and (4,): {e}"),
        Ok(_) => unreachable!("NumPy refuses this"),
    }

    section("casting with NumPy's rules");
    let f = array![1.7, -1.7, 300.0, f64::NAN];
    println!("astype(np.int32) -> {:?}", f.astype::<i32>());
    println!("astype(np.uint8) -> {:?}", f.astype::<u8>());
    Ok(())
}
