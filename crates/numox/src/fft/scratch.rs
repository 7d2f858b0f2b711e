//! Per-thread scratch memory, reused from call to call.
//!
//! Each unit of work needs a few buffers (gathered lanes, transform
//! scratch). Allocating them per unit of work costs page faults every time
//! the allocator returns the memory to the system, which for rayon's
//! worker threads happens constantly; a small per-thread pool avoids it.

use num_complex::Complex;
use std::cell::RefCell;

/// Element types that may be carved out of raw scratch memory: every bit
/// pattern is a valid value, and alignment is at most 16.
///
/// # Safety
/// Implementors must be plain data valid for any initialised bytes.
pub unsafe trait Pod: Copy + 'static {}
// SAFETY: IEEE floats (and pairs of them) accept any bit pattern.
unsafe impl Pod for f32 {}
// SAFETY: as above.
unsafe impl Pod for f64 {}
// SAFETY: `Complex` is `repr(C)` over two values of a `Pod` float type.
unsafe impl<T: Pod + num_traits::Float> Pod for Complex<T> {}

/// Buffers kept per thread (nested uses take distinct ones).
const POOL_MAX: usize = 4;

thread_local! {
    static POOL: RefCell<Vec<Vec<u128>>> = const { RefCell::new(Vec::new()) };
}

fn round64(bytes: usize) -> usize {
    bytes.next_multiple_of(64)
}

/// Calls `f` with three disjoint scratch slices of `na`, `nb` and `nc`
/// elements (contents unspecified: callers overwrite what they read).
pub(crate) fn with3<A: Pod, B: Pod, C: Pod, R>(
    na: usize,
    nb: usize,
    nc: usize,
    f: impl FnOnce(&mut [A], &mut [B], &mut [C]) -> R,
) -> R {
    let (sa, sb, sc) = (size_of::<A>(), size_of::<B>(), size_of::<C>());
    let (ob, oc) = (round64(na * sa), round64(na * sa) + round64(nb * sb));
    let bytes = oc + nc * sc;
    let words = bytes.div_ceil(16);
    let mut buf = POOL
        .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.pop()))
        .ok()
        .flatten()
        .unwrap_or_default();
    if buf.len() < words {
        buf = vec![0u128; words];
    }
    let base = buf.as_mut_ptr().cast::<u8>();
    // SAFETY: the three byte ranges [0, na*sa), [ob, ob + nb*sb) and
    // [oc, oc + nc*sc) lie inside `buf` (at least `bytes` long) and do not
    // overlap; each offset is a multiple of 16 from a 16-aligned start, enough
    // for any `Pod` type; the memory is initialised (zeros or earlier floats),
    // a valid value of any `Pod` type; `buf` is not otherwise used until the
    // slices are gone.
    let r = unsafe {
        let a = std::slice::from_raw_parts_mut(base.cast::<A>(), na);
        let b = std::slice::from_raw_parts_mut(base.add(ob).cast::<B>(), nb);
        let c = std::slice::from_raw_parts_mut(base.add(oc).cast::<C>(), nc);
        f(a, b, c)
    };
    let _ = POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut()
            && p.len() < POOL_MAX
        {
            p.push(buf);
        }
    });
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_are_disjoint_aligned_and_reused() {
        let addr = with3::<f32, Complex<f64>, f64, _>(3, 5, 7, |a, b, c| {
            a.fill(1.0);
            b.fill(Complex::new(2.0, 3.0));
            c.fill(4.0);
            assert_eq!((a.len(), b.len(), c.len()), (3, 5, 7));
            assert!(a.iter().all(|&x| x == 1.0) && b.iter().all(|x| x.im == 3.0));
            assert_eq!(b.as_ptr() as usize % 16, 0);
            a.as_ptr() as usize
        });
        // the same thread gets the same memory back
        let again = with3::<f64, f64, f64, _>(1, 1, 1, |a, _, _| a.as_ptr() as usize);
        assert_eq!(addr, again);
        // nested use takes a different buffer
        with3::<f64, f64, f64, _>(4, 0, 0, |outer, _, _| {
            outer.fill(9.0);
            with3::<f64, f64, f64, _>(4, 0, 0, |inner, _, _| {
                assert_ne!(inner.as_ptr(), outer.as_ptr());
                inner.fill(1.0);
            });
            assert!(outer.iter().all(|&x| x == 9.0));
        });
        // empty requests work
        with3::<f32, f32, f32, _>(0, 0, 0, |a, b, c| {
            assert!(a.is_empty() && b.is_empty() && c.is_empty())
        });
    }
}
