//! Fuzz target: arbitrary bytes through numox's `.npz` reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(mut z) = numox::NpzReader::new(std::io::Cursor::new(data)) {
        for i in 0..z.len() {
            let _ = z.by_index(i);
        }
    }
});
