//! The workloads, one file per area. Each file's `workloads()` lists
//! `(name, setup)` pairs: `setup` builds the inputs (untimed) and returns the
//! timed closure, which returns its result as an [`Out`]. The checksum that
//! proves both sides did the same work is taken from one extra call, outside
//! the timing. `bench/python/workloads/<area>.py` holds the NumPy side.

use numox::prelude::*;

mod core;
mod fft;
mod integrate;
mod linalg;
mod numeric;
mod optimize;
mod optimize_global;
mod optimize_lp;
mod random;
mod reduce;
mod sorting;
mod statistics;
mod textio;
mod umath;

/// A named workload: `setup()` returns the closure that is timed.
pub type Workload = (&'static str, fn() -> Box<dyn FnMut() -> Out>);

/// Every workload, in the order `--list` prints them.
pub fn all() -> Vec<Workload> {
    [
        core::workloads(),
        reduce::workloads(),
        random::workloads(),
        linalg::workloads(),
        fft::workloads(),
        integrate::workloads(),
        optimize::workloads(),
        optimize_lp::workloads(),
        optimize_global::workloads(),
        sorting::workloads(),
        numeric::workloads(),
        textio::workloads(),
        statistics::workloads(),
        umath::workloads(),
    ]
    .concat()
}

/// A value whose checksum can be compared with NumPy's: the float64 sum of
/// its elements (complex: the sum of the real parts plus the sum of the
/// imaginary parts), as `check()` in `bench/python/bench_numpy.py`.
pub trait Checksum {
    /// The checksum.
    fn checksum(&self) -> f64;
}

/// The result of one timed call (dropped inside the timing, as NumPy's is).
pub struct Out(Box<dyn Checksum>);

impl Out {
    /// The result's checksum.
    pub fn checksum(&self) -> f64 {
        self.0.checksum()
    }
}

impl<T: Checksum + 'static> From<T> for Out {
    fn from(value: T) -> Out {
        Out(Box::new(value))
    }
}

/// An element that contributes to a checksum.
pub trait CheckElem: Copy {
    /// The element as a float64 addend.
    fn addend(self) -> f64;
}

macro_rules! check_elem_as_f64 {
    ($($t:ty),*) => {$(
        impl CheckElem for $t {
            fn addend(self) -> f64 {
                self as f64
            }
        }
        impl Checksum for $t {
            fn checksum(&self) -> f64 {
                self.addend()
            }
        }
    )*};
}
check_elem_as_f64!(f64, f32, i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

impl CheckElem for bool {
    fn addend(self) -> f64 {
        f64::from(u8::from(self))
    }
}

impl<T: CheckElem> CheckElem for Complex<T> {
    fn addend(self) -> f64 {
        self.re.addend() + self.im.addend()
    }
}

impl<T: CheckElem + 'static> Checksum for Array<T> {
    fn checksum(&self) -> f64 {
        self.iter().map(|&x| x.addend()).sum()
    }
}

impl<T: CheckElem + 'static> Checksum for Vec<T> {
    fn checksum(&self) -> f64 {
        self.iter().map(|&x| x.addend()).sum()
    }
}

impl<A: Checksum, B: Checksum> Checksum for (A, B) {
    fn checksum(&self) -> f64 {
        self.0.checksum() + self.1.checksum()
    }
}

/// A file in the temporary directory, removed when dropped.
pub struct TempFile(pub std::path::PathBuf);

impl TempFile {
    /// A per-process path for `name`.
    pub fn new(name: &str) -> Self {
        TempFile(std::env::temp_dir().join(format!("numox_bench_{}_{name}", std::process::id())))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
