//! The strided copy kernel behind [`to_vec`](super::ArrayBase::to_vec) and
//! [`to_owned`](super::ArrayBase::to_owned): gathers the elements of any
//! layout into C order.
//!
//! Axes that stay contiguous with each other are merged first. When the
//! innermost output axis also has the smallest source stride, the copy runs
//! row by row (a `memcpy` for unit strides, otherwise a gather loop over four
//! rows at a time, to keep several streams of cache misses in flight). When
//! another axis has a smaller source stride (a transposed layout such as
//! `a.t()`), reading along the output rows would touch a new cache line for
//! every element, so the copy instead goes through tiles: a tile covers one
//! cache line of the source along its contiguous direction (8 `f64`s) and
//! [`TILE_COLS`] output columns, so every source line is read once and used
//! whole while the tile's destination rows stay in L1. That makes the copy
//! memory-bound instead of latency-bound (NumPy's unblocked copy is the
//! latter); measured, it runs at `memcpy` speed.
//!
//! Large destination buffers get a transparent-huge-page hint
//! ([`hint_huge_pages`]), as NumPy's allocator gives its large arrays: most
//! of the cost of filling a fresh 128 MB buffer is the kernel's page faults.

use super::shape::{Order, Shape, Strides, checked_size_bytes, coalesce, strides_for};
use super::walk::walk;
use super::{Array, ArrayBase, Data};
use crate::error::{Error, Result};

/// Buffers of at least this many bytes ask for transparent huge pages (the
/// threshold NumPy uses for the same hint).
const HUGE_PAGE_HINT_BYTES: usize = 4 << 20;

/// Asks the kernel to back a large, not yet touched buffer with transparent
/// huge pages (`madvise(MADV_HUGEPAGE)`, as NumPy does for its large
/// arrays): the first write to each 2 MiB then costs one page fault instead
/// of 512, which is most of the cost of filling a fresh buffer. Advisory
/// only: without THP support the call fails and nothing changes. Linux only.
pub(crate) fn hint_huge_pages<A>(v: &mut Vec<A>) {
    let bytes = v.capacity().saturating_mul(std::mem::size_of::<A>());
    advise_huge_pages(v.as_mut_ptr().cast::<u8>(), bytes);
}

/// [`hint_huge_pages`] for a raw allocation of `len` bytes at `ptr` that the
/// caller owns (buffers of fewer than 4 MiB are left alone).
pub(crate) fn advise_huge_pages(ptr: *mut u8, len: usize) {
    #[cfg(all(
        target_os = "linux",
        any(
            target_arch = "x86_64",
            target_arch = "aarch64",
            target_arch = "x86",
            target_arch = "riscv64"
        )
    ))]
    {
        use std::ffi::{c_int, c_void};
        unsafe extern "C" {
            fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
        }
        const MADV_HUGEPAGE: c_int = 14;
        const PAGE: usize = 4096;
        if len >= HUGE_PAGE_HINT_BYTES {
            let start = ptr as usize;
            let (lo, hi) = (start.next_multiple_of(PAGE), (start + len) & !(PAGE - 1));
            if hi > lo {
                // SAFETY: [lo, hi) lies inside the caller's allocation; MADV_HUGEPAGE
                // only changes how the kernel backs the pages (their contents and
                // the mapping stay valid), and its result is ignored.
                unsafe { madvise(lo as *mut c_void, hi - lo, MADV_HUGEPAGE) };
            }
        }
    }
    #[cfg(not(all(
        target_os = "linux",
        any(
            target_arch = "x86_64",
            target_arch = "aarch64",
            target_arch = "x86",
            target_arch = "riscv64"
        )
    )))]
    let _ = (ptr, len);
}

/// `Vec::with_capacity(n)` with [`hint_huge_pages`] for large buffers.
pub(crate) fn vec_with_capacity<A>(n: usize) -> Vec<A> {
    let mut v = Vec::with_capacity(n);
    hint_huge_pages(&mut v);
    v
}

/// An empty `Vec` with room for `n` elements, or [`Error::TooBig`] (naming
/// `shape`) when the allocation fails, where `Vec::with_capacity` would
/// abort the process. Large buffers get [`hint_huge_pages`].
pub(crate) fn try_vec<A>(n: usize, shape: &[usize]) -> Result<Vec<A>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| Error::TooBig { shape: shape.into() })?;
    hint_huge_pages(&mut v);
    Ok(v)
}

/// The elements of `a` in C order (as [`ArrayBase::to_vec`]), with an
/// allocation failure reported as an error instead of an abort (a broadcast
/// view can be far larger than memory).
pub(crate) fn try_to_vec<A: Clone, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Vec<A>> {
    let n = checked_size_bytes::<A>(&a.shape)?;
    let mut v = try_vec(n, &a.shape)?;
    if let Some(s) = a.as_slice() {
        v.extend_from_slice(s);
        return Ok(v);
    }
    // SAFETY: the layout is the array's own; `v` has room for `n` elements,
    // which the kernel writes before the length is set.
    unsafe {
        copy_to_c_order(a.ptr.as_ptr(), &a.shape, &a.strides, v.as_mut_ptr());
        v.set_len(n);
    }
    Ok(v)
}

/// A C-ordered copy of `a` (as [`ArrayBase::to_owned`]) with a fallible allocation.
pub(crate) fn try_to_owned<A: Clone, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<A>> {
    Array::from_shape_vec(&a.shape, try_to_vec(a)?)
}

/// An array of `shape` filled with `x` (as [`Array::from_elem`]) with a
/// fallible allocation.
pub(crate) fn try_from_elem<A: Clone>(shape: &[usize], x: A) -> Result<Array<A>> {
    let n = checked_size_bytes::<A>(shape)?;
    let mut v = try_vec(n, shape)?;
    v.resize(n, x);
    Array::from_shape_vec(shape, v)
}

/// Output columns per tile of the transposing copy.
const TILE_COLS: usize = 128;

/// Output rows per tile: one 64-byte cache line of elements of `A` (at least 1).
fn tile_rows<A>() -> usize {
    (64 / std::mem::size_of::<A>().max(1)).clamp(1, 64)
}

/// Copies the elements of the layout (`src`, `shape`, `strides`) in C order
/// into `dst`, which receives exactly `shape.iter().product()` elements.
///
/// # Safety
/// Every index of `shape` must map through `strides` from `src` to an
/// initialised element; `dst` must be valid for writing that many elements
/// and must not overlap the source. The destination slots are overwritten
/// without dropping what they held (they are meant to be uninitialised).
pub(crate) unsafe fn copy_to_c_order<A: Clone>(
    src: *const A,
    shape: &[usize],
    strides: &[isize],
    dst: *mut A,
) {
    if shape.contains(&0) {
        return;
    }
    let dst_strides = strides_for(shape, Order::C);
    let (cs, [ss, ds]) = coalesce(shape, [strides, &dst_strides]);
    let nd = cs.len();
    if nd == 0 {
        // SAFETY: a single element at `src`, one slot at `dst`.
        unsafe { dst.write((*src).clone()) };
        return;
    }
    let last = nd - 1;
    debug_assert_eq!(ds[last], 1);
    let inner = ss[last].unsigned_abs();
    let transposer = (0..last)
        .filter(|&i| ss[i].unsigned_abs() < inner)
        .min_by_key(|&i| ss[i].unsigned_abs());
    match transposer {
        Some(p) => {
            let others: Vec<usize> = (0..last).filter(|&i| i != p).collect();
            let oshape: Shape = others.iter().map(|&i| cs[i]).collect();
            let oss: Strides = others.iter().map(|&i| ss[i]).collect();
            let ods: Strides = others.iter().map(|&i| ds[i]).collect();
            let (rows, cols) = (cs[p], cs[last]);
            let (srs, scs, drs) = (ss[p], ss[last], ds[p]);
            // SAFETY: the caller's contract covers the whole plane (there are no other axes).
            if oshape.is_empty() && unsafe { transpose_plane_par(src, dst, rows, cols, srs, scs, drs) } {
                return;
            }
            walk(&oshape, [&oss, &ods], |[so, dof], len, [sst, dst_st]| {
                for k in 0..len as isize {
                    // SAFETY: `walk` yields in-bounds offsets of the outer axes; the
                    // plane spanned by axes `p` and `last` from there is in bounds of
                    // both layouts, and distinct outer indices write disjoint planes.
                    unsafe {
                        transpose_plane(
                            src.offset(so + k * sst),
                            dst.offset(dof + k * dst_st),
                            rows,
                            cols,
                            srs,
                            scs,
                            drs,
                        )
                    };
                }
            });
        }
        None => {
            let oshape: Shape = Shape::from_slice(&cs[..last]);
            let (len, step) = (cs[last], ss[last]);
            walk(
                &oshape,
                [&ss[..last], &ds[..last]],
                |[so, dof], n, [sst, dst_st]| {
                    let mut k = 0isize;
                    if step != 1 {
                        // Strided gathers are bound by memory latency: four rows at a
                        // time keep four independent streams of cache misses in flight.
                        while k + 4 <= n as isize {
                            let srcs: [*const A; 4] = std::array::from_fn(|r| {
                                // SAFETY: rows k..k+4 of this run are in bounds of the source.
                                unsafe { src.offset(so + (k + r as isize) * sst) }
                            });
                            let dsts: [*mut A; 4] = std::array::from_fn(|r| {
                                // SAFETY: rows k..k+4 of this run are in bounds of the destination.
                                unsafe { dst.offset(dof + (k + r as isize) * dst_st) }
                            });
                            // SAFETY: each of the four rows holds `len` elements in both layouts.
                            unsafe { copy_rows4(srcs, step, dsts, len) };
                            k += 4;
                        }
                    }
                    while k < n as isize {
                        // SAFETY: as above; each row holds `len` elements in both layouts.
                        unsafe {
                            copy_row(src.offset(so + k * sst), step, dst.offset(dof + k * dst_st), len)
                        };
                        k += 1;
                    }
                },
            );
        }
    }
}

/// Copies `len` elements spaced `step` apart from `src` to consecutive slots at `dst`.
///
/// # Safety
/// As [`copy_to_c_order`] for a 1-d layout.
#[inline]
unsafe fn copy_row<A: Clone>(src: *const A, step: isize, dst: *mut A, len: usize) {
    if step == 1 {
        for i in 0..len {
            // SAFETY: `i < len`, within both runs.
            unsafe { dst.add(i).write((*src.add(i)).clone()) };
        }
    } else {
        for i in 0..len {
            // SAFETY: `i < len`, within both runs.
            unsafe { dst.add(i).write((*src.offset(i as isize * step)).clone()) };
        }
    }
}

/// [`copy_row`] for four rows at once, interleaved element by element.
///
/// # Safety
/// As [`copy_row`] for each of the four rows.
#[inline]
unsafe fn copy_rows4<A: Clone>(src: [*const A; 4], step: isize, dst: [*mut A; 4], len: usize) {
    for i in 0..len {
        let off = i as isize * step;
        for r in 0..4 {
            // SAFETY: `i < len`, within row `r` of both layouts.
            unsafe { dst[r].add(i).write((*src[r].offset(off)).clone()) };
        }
    }
}

/// Copies a `rows x cols` plane: `dst[i * drs + j] = src[i * srs + j * scs]`,
/// tile by tile so that both sides stay in cache.
///
/// # Safety
/// Every `(i, j)` in the plane must be in bounds of both layouts.
unsafe fn transpose_plane<A: Clone>(
    src: *const A,
    dst: *mut A,
    rows: usize,
    cols: usize,
    srs: isize,
    scs: isize,
    drs: isize,
) {
    let tr = tile_rows::<A>();
    for ib in (0..rows).step_by(tr) {
        let ie = (ib + tr).min(rows);
        for jb in (0..cols).step_by(TILE_COLS) {
            let je = (jb + TILE_COLS).min(cols);
            for i in ib as isize..ie as isize {
                // SAFETY: `i < rows` and `jb..je` lie within `0..cols`.
                unsafe {
                    let s = src.offset(i * srs);
                    let d = dst.offset(i * drs);
                    for j in jb as isize..je as isize {
                        d.offset(j).write((*s.offset(j * scs)).clone());
                    }
                }
            }
        }
    }
}

/// Planes of at least this many bytes are transposed on several threads.
const PAR_TRANSPOSE_BYTES: usize = 1 << 21;

/// A source and destination pointer pair handed to the threads of
/// [`transpose_plane_par`].
struct PlanePtrs<T>(*const T, *mut T);

// SAFETY: the pointers are only used to copy plain bytes ([u8; N]) between
// disjoint destination rows while the caller keeps the source borrowed.
unsafe impl<T> Send for PlanePtrs<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for PlanePtrs<T> {}

/// [`transpose_plane`] for a large plane on rayon's threads, each taking a
/// band of destination rows (the bands are disjoint, so the result does not
/// depend on the thread count). Returns `false`, having done nothing, when
/// the plane is small, only one thread runs, or `A` has drop glue or a size
/// other than 1, 2, 4, 8 or 16 bytes.
///
/// The threads copy the elements' bytes instead of calling `A::clone`: for a
/// type without drop glue no user code then runs on another thread, and for
/// NumPy's element types (all `Copy`) a byte copy is what `clone` does. Two
/// threads read the source at twice the bandwidth of one on this kind of
/// machine (a transposed read misses the cache on every line).
///
/// # Safety
/// As [`transpose_plane`].
unsafe fn transpose_plane_par<A>(
    src: *const A,
    dst: *mut A,
    rows: usize,
    cols: usize,
    srs: isize,
    scs: isize,
    drs: isize,
) -> bool {
    let size = std::mem::size_of::<A>();
    let threads = rayon::current_num_threads();
    if std::mem::needs_drop::<A>()
        || threads < 2
        || rows < 2 * tile_rows::<A>()
        || rows.saturating_mul(cols).saturating_mul(size) < PAR_TRANSPOSE_BYTES
    {
        return false;
    }
    // SAFETY: in every arm `[u8; N]` has the size of `A` and alignment 1, so
    // the same offsets address the same elements' bytes; the caller's
    // contract carries over.
    unsafe {
        match size {
            1 => par_bands::<1>(src.cast(), dst.cast(), rows, cols, srs, scs, drs, threads),
            2 => par_bands::<2>(src.cast(), dst.cast(), rows, cols, srs, scs, drs, threads),
            4 => par_bands::<4>(src.cast(), dst.cast(), rows, cols, srs, scs, drs, threads),
            8 => par_bands::<8>(src.cast(), dst.cast(), rows, cols, srs, scs, drs, threads),
            16 => par_bands::<16>(src.cast(), dst.cast(), rows, cols, srs, scs, drs, threads),
            _ => return false,
        }
    }
    true
}

/// The body of [`transpose_plane_par`] for `N`-byte elements: bands of
/// whole tiles (a multiple of the tile height), a few per thread for balance.
///
/// # Safety
/// As [`transpose_plane`].
#[allow(clippy::too_many_arguments)]
unsafe fn par_bands<const N: usize>(
    src: *const [u8; N],
    dst: *mut [u8; N],
    rows: usize,
    cols: usize,
    srs: isize,
    scs: isize,
    drs: isize,
    threads: usize,
) {
    let tr = tile_rows::<[u8; N]>();
    let tiles = rows.div_ceil(tr);
    let bands = tiles.min(4 * threads);
    let ptrs = PlanePtrs(src, dst);
    crate::parallel::for_each_index(bands, &|b| {
        let lo = (tiles * b / bands * tr).min(rows);
        let hi = (tiles * (b + 1) / bands * tr).min(rows);
        let p = &ptrs;
        // SAFETY: rows lo..hi of the plane are in bounds (caller's contract),
        // and distinct bands write distinct destination rows.
        unsafe {
            transpose_plane(
                p.0.offset(lo as isize * srs),
                p.1.offset(lo as isize * drs),
                hi - lo,
                cols,
                srs,
                scs,
                drs,
            )
        };
    });
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    fn brute(a: &ArrayView<'_, i64>) -> Vec<i64> {
        a.indexed_iter().map(|(_, &x)| x).collect()
    }

    #[test]
    fn copies_match_the_index_order() {
        let a = Array::from_shape_vec(&[37, 45, 3], (0..37 * 45 * 3).collect()).unwrap();
        let views = [
            a.view(),
            a.t(),
            a.slice(s![..;2, ..;-3, ..]),
            a.slice(s![.., .., 1]).reversed_axes(),
            a.view().permuted_axes(&[1, 2, 0]).unwrap(),
            a.view().permuted_axes(&[2, 0, 1]).unwrap(),
            a.slice(s![3..4, .., ..;2]),
            a.slice(s![..0, .., ..]),
            a.slice(s![5, 7, 2]),
            // Strided rows: four-row groups plus a remainder, both step signs.
            a.slice(s![..;2, .., ..;2]),
            a.slice(s![.., ..;-3, 1]),
            a.slice(s![1..;3, 2..;4, 0]),
        ];
        for v in &views {
            assert_eq!(
                v.to_vec(),
                brute(v),
                "shape {:?} strides {:?}",
                v.shape(),
                v.strides()
            );
            assert_eq!(v.to_owned().as_slice().unwrap(), &brute(v)[..]);
        }
    }

    #[test]
    fn large_copies_take_the_huge_page_hint() {
        // 1100 x 1100 f64 = 9.7 MB: above the hint threshold, through both the
        // tiled (transposed) and the contiguous path, and the fallible one.
        let n = 1100;
        let a = Array::from_shape_fn(&[n, n], |ix| (ix[0] * n + ix[1]) as f64).unwrap();
        let t = a.t().to_owned();
        for &(i, j) in &[(0, 0), (1, 0), (0, 1), (n - 1, 3), (517, 1099), (n - 1, n - 1)] {
            assert_eq!(t[[i, j]], (j * n + i) as f64);
        }
        assert_eq!(a.to_vec(), a.as_slice().unwrap());
        let v: Vec<f64> = super::try_vec(n * n, &[n, n]).unwrap();
        assert!(v.capacity() >= n * n);
        let b = super::try_to_owned(&a.t()).unwrap();
        assert_eq!(b, t);
    }

    #[test]
    fn parallel_transpose_matches_the_serial_order() {
        // Above PAR_TRANSPOSE_BYTES for 1-, 2-, 4-, 8- and 16-byte elements, with
        // a row count that is not a multiple of the tile height, on 1 and 3 threads.
        fn check<A: Copy + PartialEq + std::fmt::Debug + Send + Sync>(f: impl Fn(usize) -> A) {
            let (r, c) = (1037usize, 2100usize);
            let a = Array::from_shape_vec(&[r, c], (0..r * c).map(&f).collect()).unwrap();
            let want: Vec<A> = (0..c)
                .flat_map(|j| (0..r).map(move |i| (i, j)))
                .map(|(i, j)| f(i * c + j))
                .collect();
            for threads in [1, 3] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let got = pool.install(|| a.t().to_owned());
                assert_eq!(got.shape(), &[c, r]);
                assert!(got.as_slice().unwrap() == &want[..], "{threads} threads");
                let rev = pool.install(|| a.slice(s![..;-1, ..]).t().to_vec());
                assert!(rev[..r] == (0..r).rev().map(|i| f(i * c)).collect::<Vec<_>>()[..]);
            }
        }
        check(|k| k as u8);
        check(|k| k as i16);
        check(|k| k as f32);
        check(|k| k as f64);
        check(|k| Complex64::new(k as f64, -(k as f64)));
    }

    #[test]
    fn broadcast_and_clone_types() {
        let a = array![1i64, 2, 3];
        let b = a.broadcast(&[4, 3]).unwrap();
        assert_eq!(b.t().to_vec(), vec![1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
        let s = Array::from_shape_vec(&[2, 2], vec!["a".to_string(), "b".into(), "c".into(), "d".into()])
            .unwrap();
        assert_eq!(s.t().to_vec(), vec!["a", "c", "b", "d"]);
    }
}
