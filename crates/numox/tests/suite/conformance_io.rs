//! Conformance of numox's `.npy`/`.npz` reading with NumPy: the arrays of
//! `tests/data/io.npz` (written by `np.savez_compressed` in
//! `tools/refgen/gen_io.py`) must come back exactly, NaN payloads and signed
//! zeros included. This also tests the loader every conformance test uses.

use crate::common;

use common::{Case, assert_same, assert_same_dyn, data_dir, load_cases, param_f64};
use numox::{DType, DynArray, Error, NpyWritable, s};

/// Every stored array, compared bit for bit through its bytes (so NaN
/// payloads count), and with the tolerant-of-payload `assert_same` too.
fn check_roundtrip(case: &Case) {
    let a = &case.inputs[0];
    let want_dtype = DType::from_name(case.str_param("dtype")).expect("known dtype");
    assert_eq!(a.dtype(), want_dtype, "{}", case.ctx());
    let shape: Vec<usize> = common::param_isize_list(&case.params["shape"])
        .into_iter()
        .map(|d| d as usize)
        .collect();
    assert_eq!(a.shape(), shape.as_slice(), "{}", case.ctx());
    assert_same_dyn(a, &case.outputs[0], case.ctx());
    assert_eq!(
        bytes_of(a),
        bytes_of(&case.outputs[0]),
        "{}: bytes differ",
        case.ctx()
    );
}

/// A C-ordered copy (`astype` to its own dtype copies in C order).
fn c_order(a: &DynArray) -> DynArray {
    macro_rules! go {
        ($($t:ty),*) => {
            $(if a.dtype() == <$t as numox::Element>::DTYPE {
                return DynArray::from(a.astype::<$t>());
            })*
        };
    }
    go!(
        bool,
        i8,
        i16,
        i32,
        i64,
        u8,
        u16,
        u32,
        u64,
        f32,
        f64,
        numox::Complex32,
        numox::Complex64
    );
    unreachable!()
}

/// The elements' bytes in C order (via the .npy writer, minus the header).
fn bytes_of(a: &DynArray) -> Vec<u8> {
    let mut v = Vec::new();
    numox::NpyWritable::write_npy_to(&c_order(a), &mut v).unwrap();
    let hlen = u16::from_le_bytes([v[8], v[9]]) as usize + 10;
    v.split_off(hlen)
}

/// numox's `.npy` bytes for an array.
fn npy_bytes(a: &dyn NpyWritable) -> Vec<u8> {
    let mut v = Vec::new();
    a.write_npy_to(&mut v).unwrap();
    v
}

/// A `.npy` file NumPy wrote: numox reads the expected values (and layout),
/// and where `np.save` wrote it, numox writes the same bytes.
fn check_npy_file(case: &Case) {
    let path = data_dir().join(case.str_param("file"));
    let got = numox::load_npy(&path).unwrap_or_else(|e| panic!("{}: {e}", case.ctx()));
    let want = &case.outputs[0];
    assert_eq!(
        got.dtype(),
        DType::from_name(case.str_param("dtype")).unwrap(),
        "{}",
        case.ctx()
    );
    assert_same_dyn(&got, want, case.ctx());
    // Bit-exact (NaN payloads included).
    assert_eq!(bytes_of(&got), bytes_of(want), "{}: bytes differ", case.ctx());
    assert_eq!(
        got.is_fortran_order(),
        case.bool_param("fortran"),
        "{}: layout",
        case.ctx()
    );
    // The same through the generic reader (bounded chunked reads).
    let file = std::fs::read(&path).unwrap();
    let streamed = numox::read_npy(file.as_slice()).unwrap();
    assert_same_dyn(&streamed, want, case.ctx());
    if case.bool_param("byte_identical") {
        assert_eq!(
            npy_bytes(&got),
            file,
            "{}: numox's .npy bytes differ from np.save's",
            case.ctx()
        );
    }
}

/// `np.save` of a view that is not C-contiguous: numox, given the same view
/// of the same base array, writes the same bytes.
fn check_save_view(case: &Case) {
    let base = case.input::<f64>(0);
    let row = base.slice(s![0, 0, ..]);
    let view = match case.str_param("view") {
        "T" => base.t(),
        "transpose_120" => base.view().permuted_axes(&[1, 2, 0]).unwrap(),
        "step_2" => base.slice(s![.., ..;2, ..]),
        "reverse_0" => base.slice(s![..;-1, .., ..]),
        "col_1" => base.slice(s![.., 1..2, 0]),
        "broadcast" => row.broadcast(&[3, 5]).unwrap(),
        other => panic!("unknown view {other}"),
    };
    assert_same(&view, &case.output::<f64>(0), case.ctx());
    let file = std::fs::read(data_dir().join(case.str_param("file"))).unwrap();
    assert_eq!(
        npy_bytes(&view),
        file,
        "{}: bytes differ from np.save's",
        case.ctx()
    );
    let back = numox::read_npy(file.as_slice()).unwrap();
    assert_eq!(
        back.is_fortran_order(),
        case.bool_param("fortran"),
        "{}",
        case.ctx()
    );
    assert_same(&back.as_typed::<f64>().unwrap(), &view, case.ctx());
}

/// An `.npz` NumPy wrote (`np.savez` / `np.savez_compressed`).
fn check_npz_file(case: &Case) {
    let path = data_dir().join(case.str_param("file"));
    let names: Vec<&str> = case.params["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let all = numox::load_npz(&path).unwrap();
    assert_eq!(
        all.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        names,
        "{}",
        case.ctx()
    );
    for ((name, got), want) in all.iter().zip(&case.outputs) {
        assert_same_dyn(got, want, format!("{} member {name}", case.ctx()));
    }
    let mut z = numox::NpzReader::open(&path).unwrap();
    for (name, want) in names.iter().zip(&case.outputs).rev() {
        assert_same_dyn(&z.by_name(name).unwrap(), want, case.ctx());
    }
    // The member NumPy stored in Fortran order stays Fortran-ordered.
    assert!(z.by_name("d").unwrap().is_fortran_order(), "{}", case.ctx());
}

/// Valid NumPy files numox cannot represent: a clear `Unsupported` error.
fn check_unsupported(case: &Case) {
    let path = data_dir().join(case.str_param("file"));
    match numox::load_npy(&path) {
        Err(Error::Unsupported(msg)) => assert!(!msg.is_empty()),
        other => panic!("{}: expected Unsupported, got {other:?}", case.ctx()),
    }
}

#[test]
fn io_group_cases() {
    let cases = load_cases("io");
    let mut checked = 0;
    for case in &cases {
        match case.op.as_str() {
            "roundtrip" => check_roundtrip(case),
            "param_f64" => {
                let got = numox::Array::from_vec(
                    ["x", "y", "z", "w"]
                        .iter()
                        .map(|k| param_f64(&case.params[*k]))
                        .collect(),
                );
                assert_same(&got, &case.output::<f64>(0), case.ctx());
            }
            "error_case" => {
                assert_eq!(case.error.as_deref(), Some("ValueError"));
                assert!(case.outputs.is_empty());
                assert_eq!(case.inputs.len(), 1);
            }
            "npy_file" => check_npy_file(case),
            "save_view" => check_save_view(case),
            "npz_file" => check_npz_file(case),
            "npy_unsupported" => check_unsupported(case),
            "fortran" => {
                let a = case.input::<i32>(0);
                assert!(a.is_f_contiguous() && !a.is_c_contiguous(), "{}", case.ctx());
                assert_same(&a, &case.output::<i32>(0), case.ctx());
            }
            other => panic!("unknown op {other}"),
        }
        checked += 1;
    }
    // 70 dtype/shape round trips and helpers, 232 .npy files from NumPy,
    // 6 saved views, 2 .npz archives, 7 unsupported dtypes.
    assert_eq!(checked, 317);
    assert_eq!(cases.len(), 317);
}
