//! Malformed `.npy`/`.npz` input: every kind of damage gives a clear
//! `Error` (a `Parse` error with the byte offset, `Unsupported`, or
//! `TooBig`), never a panic or an allocation the input cannot back.

use numox::prelude::*;
use numox::{DynArray, NpyWritable, load_npy, read_npy};
use proptest::prelude::*;
use std::io::Cursor;

/// A `.npy` file with a hand-written header dict (padded as NumPy pads it)
/// and `data` after it.
fn npy_with_header(version: u8, dict: &str, data: &[u8]) -> Vec<u8> {
    let len_bytes = if version == 1 { 2 } else { 4 };
    let hlen = dict.len() + 1;
    let pad = 64 - (8 + len_bytes + hlen) % 64;
    let mut f = b"\x93NUMPY".to_vec();
    f.extend_from_slice(&[version, 0]);
    let total = (hlen + pad) as u32;
    f.extend_from_slice(&total.to_le_bytes()[..len_bytes]);
    f.extend_from_slice(dict.as_bytes());
    f.extend(std::iter::repeat_n(b' ', pad));
    f.push(b'\n');
    f.extend_from_slice(data);
    f
}

fn valid_f64_file() -> Vec<u8> {
    let mut v = Vec::new();
    numox::write_npy(&mut v, &array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).unwrap();
    v
}

fn parse_offset(e: &Error) -> usize {
    match e {
        Error::Parse { line: 0, column, .. } => *column,
        other => panic!("expected a Parse error with a byte offset, got {other:?}"),
    }
}

/// Reads through both entry points (`read_npy` on a slice, `load_npy` on a
/// file), which must agree on success or failure; returns the slice result.
fn read_both(bytes: &[u8]) -> Result<DynArray> {
    let streamed = read_npy(bytes);
    let path = std::env::temp_dir().join(format!(
        "numox_robust_{}_{:?}.npy",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, bytes).unwrap();
    let loaded = load_npy(&path);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        streamed.is_ok(),
        loaded.is_ok(),
        "read_npy and load_npy disagree: {streamed:?} vs {loaded:?}"
    );
    streamed
}

#[test]
fn wrong_magic() {
    let mut f = valid_f64_file();
    f[1] = b'M';
    let e = read_both(&f).unwrap_err();
    assert_eq!(parse_offset(&e), 0);
    assert!(e.to_string().contains("magic"), "{e}");
    let e = read_both(b"PK\x03\x04 this is a zip").unwrap_err();
    assert_eq!(parse_offset(&e), 0);
    let e = read_both(b"").unwrap_err();
    assert!(matches!(e, Error::Parse { .. }), "{e}");
}

#[test]
fn unsupported_version() {
    for (major, minor) in [(4u8, 0u8), (1, 1), (0, 0), (255, 255)] {
        let mut f = valid_f64_file();
        f[6] = major;
        f[7] = minor;
        let e = read_both(&f).unwrap_err();
        assert!(
            matches!(&e, Error::Unsupported(m) if m.contains("version")),
            "{e}"
        );
    }
}

#[test]
fn truncated_header() {
    let f = valid_f64_file();
    for cut in [3, 6, 7, 9, 10, 40, 127] {
        let e = read_both(&f[..cut]).unwrap_err();
        let off = parse_offset(&e);
        assert!(off <= cut, "offset {off} past the end {cut}: {e}");
        assert!(e.to_string().contains("truncated"), "{e}");
    }
}

#[test]
fn truncated_data() {
    let f = valid_f64_file();
    assert_eq!(f.len(), 128 + 48);
    let e = read_both(&f[..128 + 47]).unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
    // The slice reader knows where the data ran out.
    let e = read_npy(&f[..128 + 20]).unwrap_err();
    assert_eq!(parse_offset(&e), 128 + 20);
}

#[test]
fn header_promising_more_than_the_file_holds_fails_before_allocating() {
    // 2^53 bytes promised by a 200-byte file: the file path checks the
    // length first; the stream path reads in bounded chunks.
    let f = npy_with_header(
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1125899906842624,), }",
        &[0; 64],
    );
    let t = std::time::Instant::now();
    let e = read_both(&f).unwrap_err();
    assert!(matches!(e, Error::Parse { .. } | Error::TooBig { .. }), "{e}");
    let path = std::env::temp_dir().join(format!("numox_robust_big_{}.npy", std::process::id()));
    std::fs::write(&path, &f).unwrap();
    let e = load_npy(&path).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(parse_offset(&e), f.len(), "{e}");
    assert!(e.to_string().contains("needs"), "{e}");
    // 10^10 f64 (80 GB) promised: the stream reader fails after the data it got.
    let f = npy_with_header(
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
        &[0; 800],
    );
    let e = read_npy(f.as_slice()).unwrap_err();
    assert_eq!(parse_offset(&e), f.len());
    assert!(t.elapsed().as_secs() < 5, "took {:?}", t.elapsed());
}

#[test]
fn shape_product_overflow() {
    let f = npy_with_header(
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
        &[],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::TooBig { .. }));
    // Fits in usize elements but not in bytes.
    let f = npy_with_header(
        1,
        "{'descr': '<c16', 'fortran_order': False, 'shape': (1152921504606846976,), }",
        &[],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::TooBig { .. }));
    // A dimension beyond any integer type.
    let f = npy_with_header(
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (123456789012345678901234567890123456789012,), }",
        &[],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::TooBig { .. }));
}

#[test]
fn negative_or_garbage_shape() {
    for shape in [
        "(-1,)", "(3, -2)", "(1.5,)", "('a',)", "[3]", "3", "(None,)", "(True,)", "(3,,)",
    ] {
        let dict = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}");
        let e = read_both(&npy_with_header(1, &dict, &[0; 64])).unwrap_err();
        let off = parse_offset(&e);
        assert!(
            (10..10 + dict.len() + 64).contains(&off),
            "{shape}: offset {off}: {e}"
        );
    }
}

#[test]
fn object_structured_and_unknown_dtypes() {
    let f = npy_with_header(
        1,
        "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }",
        &[0; 24],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::Unsupported(m) if m.contains("object")));
    let f = npy_with_header(
        1,
        "{'descr': [('x', '<f8'), ('y', '<i4')], 'fortran_order': False, 'shape': (2,), }",
        &[0; 24],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::Unsupported(m) if m.contains("structured")));
    for d in [
        "<f2", "<e", "<U3", "|S4", "<M8[s]", "<m8", "<f16", "<c32", "|V8", "<g",
    ] {
        let f = npy_with_header(
            1,
            &format!("{{'descr': '{d}', 'fortran_order': False, 'shape': (1,), }}"),
            &[0; 64],
        );
        assert!(matches!(read_both(&f).unwrap_err(), Error::Unsupported(_)), "{d}");
    }
    for d in ["<q9", "xyz", "", "<", "<f3", "<i16", "<c4", "|b2", ">u3"] {
        let f = npy_with_header(
            1,
            &format!("{{'descr': '{d}', 'fortran_order': False, 'shape': (1,), }}"),
            &[0; 64],
        );
        let e = read_both(&f).unwrap_err();
        assert!(matches!(&e, Error::Parse { .. }), "{d}: {e}");
        assert!(e.to_string().contains("unknown dtype"), "{d}: {e}");
    }
    // A descr that is not a string or a list.
    let f = npy_with_header(
        1,
        "{'descr': 8, 'fortran_order': False, 'shape': (1,), }",
        &[0; 8],
    );
    assert!(matches!(read_both(&f).unwrap_err(), Error::Parse { .. }));
}

#[test]
fn non_ascii_header() {
    let mut f = npy_with_header(
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 'é'}",
        &[0; 8],
    );
    let e = read_both(&f).unwrap_err();
    assert!(e.to_string().contains("non-ASCII"), "{e}");
    // Version 3.0 (UTF-8 headers) too: numox supports no dtype that needs it.
    f[6] = 3;
    assert!(read_both(&f).is_err());
    // A raw invalid byte.
    let mut f = valid_f64_file();
    f[12] = 0xFF;
    assert_eq!(parse_offset(&read_both(&f).unwrap_err()), 12);
}

#[test]
fn missing_extra_and_mistyped_keys() {
    for (dict, needle) in [
        ("{'descr': '<f8', 'fortran_order': False, }", "'shape'"),
        ("{'descr': '<f8', 'shape': (1,), }", "'fortran_order'"),
        ("{'fortran_order': False, 'shape': (1,), }", "'descr'"),
        (
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}",
            "unexpected key",
        ),
        ("{'descr': '<f8', 'fortran_order': 'no', 'shape': (1,), }", "bool"),
        ("{}", "'descr'"),
        ("['descr', '<f8']", "dictionary"),
        (
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } trailing",
            "after",
        ),
        ("{'descr': '<f8' 'fortran_order': False}", "expected"),
        ("{'descr: '<f8'}", "expected"),
        ("", "ends"),
    ] {
        let e = read_both(&npy_with_header(1, dict, &[0; 8])).unwrap_err();
        assert!(matches!(e, Error::Parse { .. }), "{dict}: {e}");
        assert!(e.to_string().contains(needle), "{dict}: {e}");
    }
}

#[test]
fn huge_header_length_is_rejected_without_allocating() {
    let mut f = b"\x93NUMPY\x02\x00".to_vec();
    f.extend_from_slice(&u32::MAX.to_le_bytes());
    f.extend_from_slice(b"{'descr'");
    let e = read_both(&f).unwrap_err();
    assert!(matches!(e, Error::Parse { .. }), "{e}");
    // Within the limit but beyond the data: a truncation, found without
    // reading megabytes.
    let mut f = b"\x93NUMPY\x02\x00".to_vec();
    f.extend_from_slice(&(1u32 << 20).to_le_bytes());
    f.extend_from_slice(b"{'descr'");
    let e = read_both(&f).unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
}

#[test]
fn deeply_nested_header_is_rejected() {
    let dict = format!(
        "{{'descr': '<f8', 'fortran_order': False, 'shape': {}1{}, }}",
        "(".repeat(5000),
        ",)".repeat(5000)
    );
    let f = npy_with_header(2, &dict, &[]);
    assert!(matches!(read_both(&f).unwrap_err(), Error::Parse { .. }));
}

fn npz_bytes(compressed: bool) -> Vec<u8> {
    let a = array![[1.0f64, 2.0], [3.0, 4.0]];
    let b = array![1i32, 2, 3];
    let c = Array::from_elem0(true);
    let mut buf = Cursor::new(Vec::new());
    numox::savez_to(
        &mut buf,
        &[("a", &a as &dyn NpyWritable), ("b", &b), ("c", &c)],
        compressed,
    )
    .unwrap();
    buf.into_inner()
}

/// Reads every member of an `.npz` held in memory.
fn read_npz(bytes: &[u8]) -> Result<Vec<DynArray>> {
    let mut z = numox::NpzReader::new(Cursor::new(bytes))?;
    (0..z.len()).map(|i| z.by_index(i)).collect()
}

#[test]
fn npz_errors() {
    assert!(matches!(
        read_npz(b"not a zip at all").unwrap_err(),
        Error::Parse { .. }
    ));
    assert!(read_npz(&[]).is_err());
    let good = npz_bytes(false);
    assert_eq!(read_npz(&good).unwrap().len(), 3);
    let e = numox::NpzReader::new(Cursor::new(&good[..]))
        .unwrap()
        .by_name("zz")
        .unwrap_err();
    assert!(e.to_string().contains("'zz'"), "{e}");
    // Damage inside a stored member's data: the CRC check catches it.
    let mut bad = good.clone();
    let pos = bad.windows(8).position(|w| w == 2.0f64.to_le_bytes()).unwrap();
    bad[pos] ^= 1;
    assert!(read_npz(&bad).is_err());
    // A truncated archive.
    assert!(read_npz(&good[..good.len() - 30]).is_err());
    assert!(numox::NpzReader::open("/nonexistent/x.npz").is_err());
    assert!(numox::load_npz("/nonexistent/x.npz").is_err());
    assert!(matches!(
        load_npy("/nonexistent/x.npy").unwrap_err(),
        Error::Io(_)
    ));
}

/// Every prefix of a valid file, and every byte replaced by a handful of
/// values: the reader returns `Ok` or `Err`, never panics.
fn mutate_exhaustively(f: &[u8], read: &dyn Fn(&[u8]) -> bool) -> usize {
    let mut ok = 0;
    for cut in 0..f.len() {
        ok += read(&f[..cut]) as usize;
    }
    for i in 0..f.len() {
        for v in [
            0x00,
            0xFF,
            b'(',
            b'9',
            b',',
            b'\'',
            f[i] ^ 0x80,
            f[i].wrapping_add(1),
        ] {
            let mut g = f.to_vec();
            g[i] = v;
            ok += read(&g) as usize;
        }
    }
    ok
}

#[test]
fn exhaustive_mutations_of_npy_files_never_panic() {
    let mut files = vec![valid_f64_file()];
    let mut v = Vec::new();
    numox::write_npy(&mut v, &array![[1i16, 2], [3, 4], [5, 6]].reversed_axes()).unwrap();
    files.push(v);
    let mut v = Vec::new();
    numox::write_npy(&mut v, &Array::from_elem0(numox::Complex64::new(1.0, -2.0))).unwrap();
    files.push(v);
    files.push(npy_with_header(
        3,
        "{'descr': '>u4', 'fortran_order': False, 'shape': (2, 2), }",
        &[0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4],
    ));
    let read = |b: &[u8]| read_npy(b).is_ok();
    for f in &files {
        // The unmodified file and a few harmless mutations (padding) read fine.
        assert!(mutate_exhaustively(f, &read) > 0);
    }
    assert_eq!(
        read_npy(files[3].as_slice())
            .unwrap()
            .into_typed::<u32>()
            .unwrap(),
        array![[1u32, 2], [3, 4]]
    );
}

#[test]
fn exhaustive_mutations_of_npz_files_never_panic() {
    for compressed in [false, true] {
        let f = npz_bytes(compressed);
        let read = |b: &[u8]| read_npz(b).is_ok();
        assert!(mutate_exhaustively(&f, &read) > 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Random multi-byte corruption of a valid `.npy` file.
    #[test]
    fn random_npy_corruption_never_panics(
        edits in proptest::collection::vec((0usize..176, any::<u8>()), 1..8),
        cut in 0usize..200,
    ) {
        let mut f = valid_f64_file();
        for (i, v) in edits {
            f[i % 176] = v;
        }
        f.truncate(cut.max(1));
        let _ = read_npy(f.as_slice());
    }

    /// Random corruption of an `.npz` archive (stored and deflated).
    #[test]
    fn random_npz_corruption_never_panics(
        compressed in any::<bool>(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
    ) {
        let mut f = npz_bytes(compressed);
        let n = f.len();
        for (i, v) in edits {
            f[i % n] = v;
        }
        let _ = read_npz(&f);
    }

    /// Arbitrary bytes after a valid magic string.
    #[test]
    fn arbitrary_headers_never_panic(tail in proptest::collection::vec(any::<u8>(), 0..300), version in 1u8..4) {
        let mut f = b"\x93NUMPY".to_vec();
        f.extend_from_slice(&[version, 0]);
        f.extend_from_slice(&tail);
        let _ = read_npy(f.as_slice());
    }
}
