//! Conformance of numox's `.npy`/`.npz` reading with NumPy: the arrays of
//! `tests/data/io.npz` (written by `np.savez_compressed` in
//! `tools/refgen/gen_io.py`) must come back exactly, NaN payloads and signed
//! zeros included. This also tests the loader every conformance test uses.

mod common;

use common::{Case, assert_same, assert_same_dyn, load_cases, param_f64};
use numox::{DType, DynArray};

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

/// The elements' bytes in C order (via the .npy writer, minus the header).
fn bytes_of(a: &DynArray) -> Vec<u8> {
    let mut v = Vec::new();
    numox::NpyWritable::write_npy_to(a, &mut v).unwrap();
    let hlen = u16::from_le_bytes([v[8], v[9]]) as usize + 10;
    v.split_off(hlen)
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
            "fortran" => {
                let a = case.input::<i32>(0);
                assert!(a.is_f_contiguous() && !a.is_c_contiguous(), "{}", case.ctx());
                assert_same(&a, &case.output::<i32>(0), case.ctx());
            }
            other => panic!("unknown op {other}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 70);
    assert_eq!(cases.len(), 70);
}
