//! Output buffers for large draws.
//!
//! Filling a fresh 80 MB buffer costs more in 4 KiB page faults than in
//! drawing the numbers. NumPy asks the kernel for transparent huge pages on
//! large arrays (`madvise(MADV_HUGEPAGE)`, arrays of 4 MiB and more); this
//! does the same for the vectors the samplers fill, so `random(10**7)` pays
//! for the draws, not the faults.

use crate::array::Array;
use crate::array::shape::checked_size;

/// `shape`-shaped array of `f()` draws in C order. Panics (like
/// `Array::zeros`) only when the shape's element count overflows.
#[inline]
pub(crate) fn fill<T, F: FnMut() -> T>(shape: &[usize], mut f: F) -> Array<T> {
    let n = checked_size(shape).unwrap_or_else(|e| panic!("random: {e}"));
    let mut v: Vec<T> = vec_for(n);
    v.extend((0..n).map(|_| f()));
    Array::from_shape_vec(shape, v).expect("size matches shape")
}

/// Arrays at least this many bytes get the huge-page hint (NumPy's threshold).
const HUGEPAGE_THRESHOLD: usize = 1 << 22;

/// An empty vector with room for `n` elements, huge-page hinted when large.
pub(crate) fn vec_for<T>(n: usize) -> Vec<T> {
    let v = Vec::with_capacity(n);
    hint_hugepages(&v);
    v
}

#[cfg(target_os = "linux")]
fn hint_hugepages<T>(v: &Vec<T>) {
    let bytes = v.capacity() * std::mem::size_of::<T>();
    if bytes < HUGEPAGE_THRESHOLD {
        return;
    }
    const PAGE: usize = 4096;
    let start = v.as_ptr() as usize;
    let aligned = start.div_ceil(PAGE) * PAGE;
    let end = start + bytes;
    if aligned >= end {
        return;
    }
    // SAFETY: [aligned, end) lies inside the vector's allocation (capacity
    // `bytes` from `start`), `aligned` is page-aligned as madvise requires,
    // and MADV_HUGEPAGE only changes how the kernel backs those pages, never
    // their contents. Failure (e.g. a kernel without THP) is harmless and ignored.
    unsafe {
        libc::madvise(aligned as *mut libc::c_void, end - aligned, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn hint_hugepages<T>(_v: &Vec<T>) {
    let _ = HUGEPAGE_THRESHOLD;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_and_small_buffers_fill_correctly() {
        // Exercises the madvise path (8 MiB) and the small path.
        for n in [10usize, 1 << 20] {
            let mut v: Vec<f64> = vec_for(n);
            assert!(v.capacity() >= n);
            v.extend((0..n).map(|i| i as f64));
            assert_eq!(v[n - 1], (n - 1) as f64);
        }
    }
}
