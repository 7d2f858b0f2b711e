//! Writing and reading `.npy`/`.npz` with numox on both ends: every dtype
//! and layout round-trips, the header follows NumPy's rules (alignment,
//! version choice), and the `.npz` writer's archives read back in order.
//! (Byte identity with NumPy's own files is checked in `conformance_io.rs`.)

use numox::prelude::*;
use numox::{Complex32, Complex64, DynArray, NpyWritable, NpzReader, NpzWriter};
use std::path::PathBuf;

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("numox_io_npy_{}_{name}", std::process::id()))
}

fn bytes_of<A: Element>(a: &Array<A>) -> Vec<u8> {
    let mut v = Vec::new();
    numox::write_npy(&mut v, a).unwrap();
    v
}

/// Writes `a` and several views of it, reads them back, and compares.
fn round_trip<A: Element>(a: Array<A>) {
    let name = format!("rt_{}.npy", A::DTYPE);
    let path = tmp(&name);
    let mut views = vec![a.view()];
    if a.ndim() >= 2 {
        views.push(a.t());
        views.push(a.slice(s![.., ..;-2, ..]));
    }
    for v in views {
        numox::save_npy(&path, &v).unwrap();
        let back: Array<A> = numox::load_npy_as(&path).unwrap();
        assert_eq!(back.shape(), v.shape());
        // Compare bits: NaN payloads and -0.0 survive.
        let (x, y) = (back.to_vec(), v.to_vec());
        let bits = |s: &[A]| {
            let mut out = Vec::new();
            numox::write_npy(&mut out, &Array::from_vec(s.to_vec())).unwrap();
            out
        };
        assert_eq!(bits(&x), bits(&y), "{}", A::DTYPE);
        let f = std::fs::read(&path).unwrap();
        let data_start = u16::from_le_bytes([f[8], f[9]]) as usize + 10;
        assert_eq!(data_start % 64, 0, "data is 64-byte aligned");
        assert_eq!(f.len() - data_start, v.size() * A::DTYPE.itemsize());
        let text = std::str::from_utf8(&f[10..data_start]).unwrap();
        let fortran = v.is_f_contiguous() && !v.is_c_contiguous();
        assert!(text.contains(if fortran {
            "'fortran_order': True"
        } else {
            "'fortran_order': False"
        }));
        assert!(text.ends_with('\n'));
    }
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn every_dtype_round_trips() {
    let sh = [2usize, 3, 4];
    round_trip(Array::from_shape_fn(&sh, |ix| (ix[0] + ix[1] + ix[2]) % 2 == 0).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| (ix[2] as i8) - 100).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| (ix[1] as i16) * -1000).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| i32::MIN + ix[0] as i32).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| i64::MAX - ix[2] as i64).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| 250u8 + ix[1] as u8).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| u16::MAX - ix[0] as u16).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| u32::MAX - ix[1] as u32).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| u64::MAX - ix[2] as u64).unwrap());
    let specials32 = [
        f32::NAN,
        -0.0,
        f32::INFINITY,
        f32::from_bits(0x7FC0_0001),
        f32::MIN_POSITIVE / 3.0,
    ];
    round_trip(Array::from_shape_fn(&sh, |ix| specials32[(ix[1] + ix[2]) % 5]).unwrap());
    let specials64 = [
        f64::NAN,
        -0.0,
        f64::NEG_INFINITY,
        f64::from_bits(0xFFF0_0000_0000_0001),
        1e-310,
    ];
    round_trip(Array::from_shape_fn(&sh, |ix| specials64[(ix[0] + ix[2]) % 5]).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| Complex32::new(ix[0] as f32, -0.0)).unwrap());
    round_trip(Array::from_shape_fn(&sh, |ix| Complex64::new(f64::NAN, ix[1] as f64)).unwrap());
    // 0-d and empty arrays.
    round_trip(Array::from_elem0(3.5f64));
    round_trip(Array::<i32>::zeros(&[0]));
    round_trip(Array::<u8>::zeros(&[3, 0, 2]));
}

#[test]
fn header_text_matches_numpy_rules() {
    // np.save(f, np.zeros((3, 4))) header, from NumPy 2.4:
    let h = bytes_of(&Array::<f64>::zeros(&[3, 4]));
    let want = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }";
    assert_eq!(&h[..8], b"\x93NUMPY\x01\x00");
    assert_eq!(u16::from_le_bytes([h[8], h[9]]), 118);
    assert_eq!(&h[10..10 + want.len()], want.as_bytes());
    // 20 spaces of growth room for the first axis (21 digits minus "3"), then padding.
    assert!(h[10 + want.len()..127].iter().all(|&b| b == b' '));
    assert_eq!(h[127], b'\n');
    // 0-d: no growth room; 1-d: a trailing comma.
    let h = bytes_of(&Array::from_elem0(true));
    assert!(
        String::from_utf8_lossy(&h[10..])
            .starts_with("{'descr': '|b1', 'fortran_order': False, 'shape': (), }")
    );
    let h = bytes_of(&Array::from_vec(vec![1u16]));
    assert!(
        String::from_utf8_lossy(&h[10..])
            .starts_with("{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }")
    );
}

#[test]
fn header_over_65535_bytes_uses_version_2() {
    // Only absurd ranks need it (NumPy reaches it with structured dtypes).
    let shape = vec![1usize; 25_000];
    let a = Array::from_elem(&shape, 7i8).unwrap();
    let h = bytes_of(&a);
    assert_eq!(&h[6..8], &[2, 0]);
    let hlen = u32::from_le_bytes([h[8], h[9], h[10], h[11]]) as usize;
    assert!(hlen > 65535);
    assert_eq!((12 + hlen) % 64, 0);
    assert_eq!(h.len(), 12 + hlen + 1);
    let back = numox::read_npy(h.as_slice()).unwrap();
    assert_eq!(back.shape(), shape.as_slice());
    assert_eq!(back.into_typed::<i8>().unwrap().into_vec(), vec![7i8]);
    // Just below the limit stays 1.0.
    let shape = vec![1usize; 21_000];
    let h = bytes_of(&Array::from_elem(&shape, 0u8).unwrap());
    assert_eq!(&h[6..8], &[1, 0]);
}

#[test]
fn load_npy_as_checks_the_dtype() {
    let path = tmp("as.npy");
    numox::save_npy(&path, &array![1.0f32, 2.0]).unwrap();
    let e = numox::load_npy_as::<f64>(&path).unwrap_err();
    assert_eq!(e.to_string(), "dtype mismatch: expected float64, found float32");
    assert_eq!(numox::load_npy(&path).unwrap().astype::<f64>(), array![1.0, 2.0]);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn saving_over_an_existing_file_leaves_exactly_the_new_bytes() {
    // save_npy writes over an existing file in place and then cuts it to
    // length: a shorter array saved over a longer one (and over a file that
    // is not .npy at all) must leave exactly the bytes a fresh save writes.
    let path = tmp("over.npy");
    let long = Array::from_iter((0..300_000).map(|i| i as f64));
    let short = array![[1.5f32, -2.0], [3.0, 4.25]];
    numox::save_npy(&path, &long).unwrap();
    numox::save_npy(&path, &short).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes_of(&short));
    assert_eq!(numox::load_npy_as::<f32>(&path).unwrap(), short);
    numox::save_npy(&path, &long).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes_of(&long));
    std::fs::write(&path, vec![0xffu8; 5_000_000]).unwrap();
    numox::save_npy(&path, &short).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes_of(&short));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn dyn_arrays_write_like_typed_ones() {
    let a = array![[1u32, 2], [3, 4]].reversed_axes();
    let d = DynArray::from(a.clone());
    let mut x = Vec::new();
    d.write_npy_to(&mut x).unwrap();
    assert_eq!(x, bytes_of(&a));
    assert_eq!(d.npy_data_len(), 16);
}

#[test]
fn npz_round_trip_in_order_stored_and_compressed() {
    let a = Array::from_shape_fn(&[30, 20], |ix| (ix[0] * 20 + ix[1]) as f64 / 7.0).unwrap();
    let b = array![true, false, true];
    let c = Array::from_elem0(Complex64::new(1.0, -0.0));
    let d = a.t();
    for compressed in [false, true] {
        let path = tmp(&format!("z{compressed}.npz"));
        let items: [(&str, &dyn NpyWritable); 4] = [("zeta", &a), ("b", &b), ("c", &c), ("alpha", &d)];
        if compressed {
            numox::savez_compressed(&path, &items).unwrap();
        } else {
            numox::savez(&path, &items).unwrap();
        }
        let all = numox::load_npz(&path).unwrap();
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["zeta", "b", "c", "alpha"]);
        assert_eq!(all[0].1.as_typed::<f64>().unwrap(), a);
        assert_eq!(all[1].1.as_typed::<bool>().unwrap(), b);
        assert_eq!(all[2].1.as_typed::<Complex64>().unwrap(), c);
        assert!(all[3].1.is_fortran_order());
        assert_eq!(all[3].1.as_typed::<f64>().unwrap(), d);
        let size = std::fs::metadata(&path).unwrap().len();
        assert_eq!(size < 4800, compressed, "size {size}");
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn npz_writer_incremental_and_by_name() {
    let path = tmp("w.npz");
    let mut w = NpzWriter::create(&path, false).unwrap();
    for i in 0..5i64 {
        w.add(&format!("arr_{i}"), &Array::from_vec(vec![i; i as usize]))
            .unwrap();
    }
    w.finish().unwrap();
    let mut z = NpzReader::open(&path).unwrap();
    assert_eq!(z.len(), 5);
    assert!(!z.is_empty());
    for i in (0..5i64).rev() {
        let got = z
            .by_name(&format!("arr_{i}"))
            .unwrap()
            .into_typed::<i64>()
            .unwrap();
        assert_eq!(got.to_vec(), vec![i; i as usize]);
    }
    std::fs::remove_file(&path).unwrap();
}

/// Timing of `.npy` write and read of 10^7 f64 (80 MB). Run with
/// `cargo test -p numox --release --test io_npy -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed_1e7_f64() {
    let n = 10_000_000;
    let a = Array::from_shape_fn(&[n], |ix| ix[0] as f64 * 0.5).unwrap();
    let path = tmp("speed.npy");
    let mut best_w = f64::INFINITY;
    let mut best_r = f64::INFINITY;
    for _ in 0..7 {
        let t = std::time::Instant::now();
        numox::save_npy(&path, &a).unwrap();
        best_w = best_w.min(t.elapsed().as_secs_f64());
        let t = std::time::Instant::now();
        let back = numox::load_npy_as::<f64>(&path).unwrap();
        best_r = best_r.min(t.elapsed().as_secs_f64());
        assert_eq!(back.as_slice().unwrap()[n - 1], (n - 1) as f64 * 0.5);
    }
    println!(
        "save_npy 1e7 f64: {:.1} ms, load_npy: {:.1} ms (best of 7)",
        best_w * 1e3,
        best_r * 1e3
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn streamed_read_spanning_several_chunks() {
    // 3.5 M f64 = 28 MB: more than one 16 MiB chunk of the bounded stream reader.
    let n = 3_500_000;
    let a = Array::from_shape_fn(&[n / 7, 7], |ix| (ix[0] * 7 + ix[1]) as f64 - 0.25).unwrap();
    let mut bytes = Vec::new();
    numox::write_npy(&mut bytes, &a).unwrap();
    // `&[u8]` implements only `Read` here: no length is known up front.
    let back = numox::read_npy(std::io::Read::take(bytes.as_slice(), u64::MAX)).unwrap();
    assert_eq!(back.into_typed::<f64>().unwrap(), a);
    // The same data in big-endian order, through the same chunked path.
    let pos = bytes.windows(3).position(|w| w == b"<f8").unwrap();
    bytes[pos] = b'>';
    let hlen = u16::from_le_bytes([bytes[8], bytes[9]]) as usize + 10;
    for c in bytes[hlen..].chunks_exact_mut(8) {
        c.reverse();
    }
    let back = numox::read_npy(bytes.as_slice())
        .unwrap()
        .into_typed::<f64>()
        .unwrap();
    assert_eq!(back, a);
    // Truncated inside the second chunk.
    let e = numox::read_npy(&bytes[..bytes.len() - 8]).unwrap_err();
    assert!(
        matches!(e, Error::Parse { column, .. } if column == bytes.len() - 8),
        "{e}"
    );
}

#[test]
fn large_npz_members_round_trip() {
    let a = Array::from_shape_fn(&[1_000_000], |ix| (ix[0] % 1000) as i64).unwrap();
    for compressed in [false, true] {
        let path = tmp(&format!("large{compressed}.npz"));
        let items: [(&str, &dyn NpyWritable); 1] = [("a", &a)];
        if compressed {
            numox::savez_compressed(&path, &items).unwrap();
        } else {
            numox::savez(&path, &items).unwrap();
        }
        let mut z = NpzReader::open(&path).unwrap();
        assert_eq!(z.by_name("a").unwrap().into_typed::<i64>().unwrap(), a);
        std::fs::remove_file(&path).unwrap();
    }
}
