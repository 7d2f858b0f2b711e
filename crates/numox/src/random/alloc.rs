//! Output buffers for draws.
//!
//! Filling a fresh 80 MB buffer costs more in 4 KiB page faults than in
//! drawing the numbers; the core's allocation helpers ask for transparent
//! huge pages on large buffers, as NumPy does, so `random(10**7)` pays for
//! the draws, not the faults.

use crate::array::Array;
use crate::array::copy::try_vec;
use crate::array::shape::checked_size;

/// An empty vector with room for `n` elements (huge-page hinted when large);
/// panics with a clear message, instead of aborting, when the memory cannot be had.
pub(crate) fn vec_for<T>(n: usize, shape: &[usize]) -> Vec<T> {
    try_vec(n, shape).unwrap_or_else(|e| panic!("random: {e}"))
}

/// `shape`-shaped array of `f()` draws in C order. Panics (like
/// `Array::zeros`) only when the shape's element count overflows or the
/// memory cannot be allocated.
#[inline]
pub(crate) fn fill<T, F: FnMut() -> T>(shape: &[usize], mut f: F) -> Array<T> {
    let n = checked_size(shape).unwrap_or_else(|e| panic!("random: {e}"));
    let mut v: Vec<T> = vec_for(n, shape);
    v.extend((0..n).map(|_| f()));
    Array::from_shape_vec(shape, v).expect("size matches shape")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_and_small_buffers_fill_correctly() {
        // 8 MiB takes the huge-page path, 80 bytes the plain one.
        for n in [10usize, 1 << 20] {
            let a = fill(&[n], {
                let mut i = 0.0;
                move || {
                    i += 1.0;
                    i
                }
            });
            assert_eq!(a.len(), n);
            assert_eq!(a[[n - 1]], n as f64);
        }
    }
}
