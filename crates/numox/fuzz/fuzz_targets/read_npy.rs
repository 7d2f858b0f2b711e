//! Fuzz target: arbitrary bytes through numox's `.npy` reader must give
//! `Ok` or `Err`, never a panic, a hang, or a huge allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(a) = numox::read_npy(data) {
        // Whatever parses must write back and parse again to the same array.
        let mut out = Vec::new();
        numox::NpyWritable::write_npy_to(&a, &mut out).unwrap();
        let b = numox::read_npy(out.as_slice()).unwrap();
        assert_eq!(a.shape(), b.shape());
        assert_eq!(a.dtype(), b.dtype());
    }
});
