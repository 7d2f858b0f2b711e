//! Filling a fresh buffer front to back while another thread faults its
//! pages in ahead of the writer.
//!
//! Some kernels must write their output strictly in order because each
//! element depends on the previous one (`cumsum`: NumPy adds sequentially,
//! and a bit-identical result has to as well). Such a scan is bound by the
//! latency of its dependency chain, not by memory bandwidth, yet on a fresh
//! buffer about as much time again goes to the kernel's page faults (zeroing
//! every page on first touch: 10^7 `f64`, 80 MB, cost ~11 ms of faults next to
//! ~14 ms of scan on this machine, even with huge pages). [`fill_in_order`]
//! hands the faults to a second thread, which touches each 2 MiB chunk before
//! the writer gets there, so the two costs overlap instead of adding up.
//!
//! The two threads never touch the same chunk at the same time: each chunk
//! has an atomic state, and whoever moves it out of FREE first owns it. The
//! helper claims chunks ahead of the writer and publishes each one as READY
//! when its pages are in; the writer waits for a chunk the helper holds, and
//! takes any chunk that is still FREE when it gets there (the helper started
//! late, fell behind, or never ran because the pool was busy) and faults it
//! itself. A late helper skips to the chunk after the writer's.

use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// Bytes per chunk: one transparent huge page.
const CHUNK_BYTES: usize = 2 << 20;

/// Below this many bytes the writer faults its own pages (too few chunks for
/// the helper thread to pay for itself).
const MIN_BYTES: usize = 8 << 20;

/// Chunk states (see `fill_in_order`).
const FREE: u8 = 0;
const HELPER: u8 = 1;
const READY: u8 = 2;
const WRITER: u8 = 3;

/// The spare capacity's base pointer, shared by the writer and the helper.
struct SharedPtr<T>(*mut MaybeUninit<T>);

impl<T> Clone for SharedPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SharedPtr<T> {}

impl<T> SharedPtr<T> {
    /// The pointer (a method, so that closures capture the `Sync` wrapper,
    /// not its raw-pointer field).
    fn get(self) -> *mut MaybeUninit<T> {
        self.0
    }
}

// SAFETY: the pointer is only dereferenced on chunks that the claim protocol
// in `fill_in_order` gives to exactly one thread at a time, with the handover
// ordered by a release store and an acquire load.
unsafe impl<T: Send> Send for SharedPtr<T> {}
// SAFETY: as for `Send`: shared access never touches the same chunk at once.
unsafe impl<T: Send> Sync for SharedPtr<T> {}

/// Appends `n` elements to `v`, which must have room for them
/// (`v.capacity() - v.len() >= n`), by calling `fill` on consecutive pieces of the spare
/// capacity, front to back; `fill` must initialise every element of each
/// piece it is given. For large buffers a rayon thread faults the pages in
/// ahead of the writer (see the module docs); the pieces, their order and so
/// the result are the same either way.
pub(crate) fn fill_in_order<T: Send>(
    v: &mut Vec<T>,
    n: usize,
    mut fill: impl FnMut(&mut [MaybeUninit<T>]) + Send,
) {
    let size = std::mem::size_of::<T>().max(1);
    let spare = &mut v.spare_capacity_mut()[..n];
    let chunk = (CHUNK_BYTES / size).max(1);
    let chunks = n.div_ceil(chunk);
    if n.saturating_mul(size) < MIN_BYTES || rayon::current_num_threads() < 2 {
        for piece in spare.chunks_mut(chunk) {
            fill(piece);
        }
    } else {
        let base = SharedPtr(spare.as_mut_ptr());
        // Per chunk: FREE, then either HELPER (being faulted) → READY, or
        // WRITER (the writer got there first and faults it itself).
        let state: Vec<AtomicU8> = (0..chunks).map(|_| AtomicU8::new(FREE)).collect();
        // The chunk the writer is on: the helper skips everything before it.
        let writer_at = AtomicUsize::new(0);
        let piece_range = |k: usize| (k * chunk, ((k + 1) * chunk).min(n));
        crate::parallel::join(
            || {
                for (k, chunk_state) in state.iter().enumerate() {
                    writer_at.store(k, Ordering::Relaxed);
                    if chunk_state
                        .compare_exchange(FREE, WRITER, Ordering::Acquire, Ordering::Relaxed)
                        .is_err()
                    {
                        // The helper claimed chunk k: wait until it is done with it.
                        let mut spins = 0u32;
                        while chunk_state.load(Ordering::Acquire) != READY {
                            spins += 1;
                            if spins % 1024 == 0 {
                                std::thread::yield_now();
                            } else {
                                std::hint::spin_loop();
                            }
                        }
                    }
                    let (lo, hi) = piece_range(k);
                    // SAFETY: [lo, hi) lies in the `n` spare slots; chunk k is the
                    // writer's now (it claimed it, or the helper published it as
                    // READY and never touches it again), and no other reference
                    // to it exists.
                    let piece = unsafe { std::slice::from_raw_parts_mut(base.get().add(lo), hi - lo) };
                    fill(piece);
                }
            },
            || {
                let mut k = 1;
                while k < chunks {
                    k = k.max(writer_at.load(Ordering::Relaxed) + 1);
                    if k >= chunks {
                        break;
                    }
                    if state[k]
                        .compare_exchange(FREE, HELPER, Ordering::Relaxed, Ordering::Relaxed)
                        .is_ok()
                    {
                        let (lo, hi) = piece_range(k);
                        let bytes = base.get().cast::<u8>();
                        let mut offset = lo * size;
                        while offset < hi * size {
                            // SAFETY: the byte lies in chunk k of the spare capacity,
                            // which this thread claimed (HELPER) and the writer does
                            // not touch until it reads READY; writing a byte of an
                            // uninitialised `MaybeUninit` slot is allowed.
                            unsafe { bytes.add(offset).write_volatile(0) };
                            offset += 4096;
                        }
                        state[k].store(READY, Ordering::Release);
                    }
                    k += 1;
                }
            },
        );
    }
    // SAFETY: `fill` initialised every one of the `n` spare slots.
    unsafe { v.set_len(v.len() + n) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same elements in the same order as a plain loop, for sizes below,
    /// at and across the helper's threshold and chunk size, and with a
    /// writer that calls `fill` while other rayon work keeps the pool busy.
    #[test]
    fn fills_every_slot_in_order() {
        for &n in &[0usize, 1, 1000, (8 << 20) / 8 - 1, (8 << 20) / 8, 3_000_001] {
            let mut v: Vec<u64> = Vec::with_capacity(n);
            let mut i = 0u64;
            let mut pieces = 0usize;
            fill_in_order(&mut v, n, |piece| {
                pieces += 1;
                for slot in piece {
                    slot.write(i * 3 + 1);
                    i += 1;
                }
            });
            assert_eq!(v.len(), n);
            assert!(
                v.iter().enumerate().all(|(k, &x)| x == k as u64 * 3 + 1),
                "n = {n}"
            );
            assert_eq!(pieces, n.div_ceil((2 << 20) / 8), "n = {n}");
        }
        // With both pool threads busy the helper may start late or never: the
        // writer takes over and the result is the same.
        let n = 5_000_000usize;
        rayon::scope(|s| {
            s.spawn(|_| std::thread::sleep(std::time::Duration::from_millis(50)));
            let mut v: Vec<u64> = Vec::with_capacity(n + 3);
            v.extend([7, 8, 9]);
            let mut i = 0u64;
            fill_in_order(&mut v, n, |piece| {
                for slot in piece {
                    slot.write(i);
                    i += 1;
                }
            });
            assert_eq!(&v[..3], &[7, 8, 9]);
            assert!(v[3..].iter().enumerate().all(|(k, &x)| x == k as u64));
        });
    }
}
