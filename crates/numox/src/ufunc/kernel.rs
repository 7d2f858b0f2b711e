//! The shared elementwise engine behind every operator, comparison and
//! `where_`: apply a function to one, two or three operands broadcast
//! together, into a new array or into an existing one (NumPy's `out=`).
//!
//! How it runs:
//!
//! * operands are broadcast to the result shape (zero strides), then axes
//!   that are contiguous with each other in every operand are merged, so a
//!   contiguous operation is one flat loop;
//! * each inner run picks a loop specialised for its strides (all
//!   contiguous, one operand a broadcast scalar, or general strides), so
//!   the compiler vectorises the common cases;
//! * at [`PAR_THRESHOLD`] elements and above, the output is cut into
//!   fixed chunks of [`CHUNK`] elements in C order that rayon fills in
//!   parallel. Every element is computed by the same function of the same
//!   inputs whatever the split, so results never depend on the thread count;
//! * a fresh output is allocated uninitialised and first written by the
//!   thread that computes it, so its page faults are spread over the threads
//!   too.
//!
//! [`map1`], [`map2`] and [`map3`] are the public entry points (with
//! `_into` forms writing into an existing array); the operators in
//! [`ops`](super::ops) and the functions of [`arith`](super::arith) are thin
//! layers over them.

use crate::array::shape::{self, Shape, Strides, coalesce};
use crate::array::{Array, ArrayBase, ArrayView, Data, DataMut};
use crate::error::{Error, Result};
use std::mem::MaybeUninit;

/// Element count from which the engine splits work over rayon's threads.
///
/// Below it a single thread is faster than the hand-off (2^16 `f64` is
/// 512 KiB per operand, roughly 20 µs of memory-bound work).
/// (Miri runs the threaded paths on small arrays with smaller values.)
pub const PAR_THRESHOLD: usize = if cfg!(miri) { 1 << 8 } else { 1 << 16 };

/// Size (in output elements) of the fixed chunks that threads fill.
pub const CHUNK: usize = if cfg!(miri) { 1 << 6 } else { 1 << 15 };

/// A raw output pointer that may cross threads. The kernels only hand it to
/// tasks that write disjoint elements.
pub(crate) struct SendPtr<T>(pub(crate) *mut T);
impl<T> Clone for SendPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for SendPtr<T> {}
impl<T> SendPtr<T> {
    /// The pointer (a method, so closures capture the whole `Send` wrapper).
    #[inline(always)]
    pub(crate) fn get(self) -> *mut T {
        self.0
    }
}
// SAFETY: used only for outputs whose elements are partitioned between tasks,
// so each element is written by one thread, as with `&mut [T]` split in chunks.
unsafe impl<T: Send> Send for SendPtr<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for SendPtr<T> {}

/// A read-only pointer that may cross threads (like `&T`, it needs `T: Sync`).
pub(crate) struct InPtr<T>(pub(crate) *const T);
impl<T> Clone for InPtr<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for InPtr<T> {}
impl<T> InPtr<T> {
    /// The pointer (a method, so closures capture the whole `Sync` wrapper).
    #[inline(always)]
    pub(crate) fn get(self) -> *const T {
        self.0
    }
}
// SAFETY: only read through, as a shared reference would be.
unsafe impl<T: Sync> Send for InPtr<T> {}
// SAFETY: as above.
unsafe impl<T: Sync> Sync for InPtr<T> {}

/// The writable base pointer of a writable array.
#[inline]
pub(crate) fn mut_ptr<A, S: DataMut<Elem = A>>(a: &mut ArrayBase<S>) -> *mut A {
    // The pointer was created with write access (from the owning Vec or a
    // `&mut` borrow) and `DataMut` storage grants it; `as_ptr` only changed
    // its constness, which does not change what it may do.
    a.as_ptr().cast_mut()
}

/// Visits the C-order flat indices `start..end` of a layout with up to four
/// stride sets, one inner run at a time: `f(offsets, len, inner_strides)`,
/// where element `i` of the run is at `offsets[k] + i * inner_strides[k]`
/// in layout `k`. `shape` must already be coalesced (no unit axes needed).
fn walk_range<F>(shape: &[usize], strides: &[Strides; 4], start: usize, end: usize, mut f: F)
where
    F: FnMut([isize; 4], usize, [isize; 4]),
{
    if start >= end {
        return;
    }
    let nd = shape.len();
    if nd == 0 {
        f([0; 4], 1, [0; 4]);
        return;
    }
    let inner_len = shape[nd - 1];
    let inner: [isize; 4] = std::array::from_fn(|k| strides[k][nd - 1]);
    // Multi-index of `start`, and its offsets.
    let mut idx: Shape = Shape::from_elem(0, nd);
    let mut rem = start;
    for ax in (0..nd).rev() {
        idx[ax] = rem % shape[ax];
        rem /= shape[ax];
    }
    let mut off = [0isize; 4];
    for k in 0..4 {
        for ax in 0..nd {
            off[k] += idx[ax] as isize * strides[k][ax];
        }
    }
    let mut pos = start;
    loop {
        let len = (inner_len - idx[nd - 1]).min(end - pos);
        f(off, len, inner);
        pos += len;
        if pos >= end {
            return;
        }
        // The run ended at the end of the inner axis: carry into the outer axes.
        for k in 0..4 {
            off[k] -= inner[k] * idx[nd - 1] as isize;
        }
        idx[nd - 1] = 0;
        let mut ax = nd - 1;
        loop {
            // `pos < end <= size` guarantees an outer axis can still advance.
            ax -= 1;
            idx[ax] += 1;
            for k in 0..4 {
                off[k] += strides[k][ax];
            }
            if idx[ax] < shape[ax] {
                break;
            }
            for k in 0..4 {
                off[k] -= strides[k][ax] * shape[ax] as isize;
            }
            idx[ax] = 0;
        }
    }
}

/// Runs `inner(out_ptr, out_stride, len, in_offsets, in_strides)` over every
/// inner run of a layout with one output and up to three inputs (unused
/// inputs have all-zero strides), in parallel chunks for large sizes.
///
/// # Safety
/// `out` with `out_strides` must address `size(shape)` distinct writable
/// elements (possibly uninitialised), and `inner` must only write the `len`
/// elements of the run it is given.
unsafe fn drive<C, F>(shape: &[usize], out: *mut C, out_strides: &[isize], ins: [&[isize]; 3], inner: F)
where
    C: Send,
    F: Fn(*mut C, isize, usize, [isize; 3], [isize; 3]) + Sync,
{
    let n: usize = shape.iter().product();
    if n == 0 {
        return;
    }
    let (cs, cst) = coalesce(shape, [out_strides, ins[0], ins[1], ins[2]]);
    let out = SendPtr(out);
    let run = |start: usize, end: usize| {
        walk_range(&cs, &cst, start, end, |o, len, s| {
            // SAFETY: `o[0]` is the offset of an output element of this run.
            let dst = unsafe { out.get().offset(o[0]) };
            inner(dst, s[0], len, [o[1], o[2], o[3]], [s[1], s[2], s[3]]);
        });
    };
    if n >= PAR_THRESHOLD {
        let chunks = n.div_ceil(CHUNK);
        crate::parallel::for_each_index(chunks, &|c| run(c * CHUNK, ((c + 1) * CHUNK).min(n)));
    } else {
        run(0, n);
    }
}

/// Allocates a C-ordered array of `shape` and fills it with `drive`.
///
/// # Safety
/// As [`drive`], and `inner` must write every element of each run it gets.
unsafe fn drive_new<C, F>(shape: Shape, ins: [&[isize]; 3], inner: F) -> Result<Array<C>>
where
    C: Send,
    F: Fn(*mut C, isize, usize, [isize; 3], [isize; 3]) + Sync,
{
    let n = shape::checked_size_bytes::<C>(&shape)?;
    // Fallible, and hinted to use huge pages when large (first touch by the
    // threads below then costs one page fault per 2 MiB).
    let mut v: Vec<C> = crate::array::copy::try_vec(n, &shape)?;
    let out_strides = shape::strides_for(&shape, shape::Order::C);
    let dst: &mut [MaybeUninit<C>] = &mut v.spare_capacity_mut()[..n];
    // SAFETY: the output is the C-ordered layout over `n` slots of `v`'s spare
    // capacity, whose indices map to distinct slots; the caller's `inner`
    // writes every element of every run, and the runs cover all `n` indices.
    unsafe {
        drive(&shape, dst.as_mut_ptr().cast::<C>(), &out_strides, ins, inner);
        v.set_len(n);
        Ok(Array::from_vec_unchecked(shape, v))
    }
}

/// The inner loop of a unary map over one run.
///
/// # Safety
/// `dst` must address `len` writable elements `dst_stride` apart, `x` `len`
/// readable elements `sx` apart.
#[inline(always)]
unsafe fn run1<A: Copy, C, F: Fn(A) -> C>(dst: *mut C, ds: isize, len: usize, x: *const A, sx: isize, f: &F) {
    // SAFETY: forwarded from the caller's contract.
    unsafe {
        if ds == 1 {
            let d = std::slice::from_raw_parts_mut(dst.cast::<MaybeUninit<C>>(), len);
            if sx == 1 {
                let a = std::slice::from_raw_parts(x, len);
                for (d, &a) in d.iter_mut().zip(a) {
                    d.write(f(a));
                }
            } else if sx == 0 {
                let a = *x;
                for d in d.iter_mut() {
                    d.write(f(a));
                }
            } else {
                for (i, d) in d.iter_mut().enumerate() {
                    d.write(f(*x.offset(i as isize * sx)));
                }
            }
        } else {
            for i in 0..len as isize {
                dst.offset(i * ds).write(f(*x.offset(i * sx)));
            }
        }
    }
}

/// The inner loop of a binary map over one run.
///
/// # Safety
/// As [`run1`], for both inputs.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn run2<A: Copy, B: Copy, C, F: Fn(A, B) -> C>(
    dst: *mut C,
    ds: isize,
    len: usize,
    x: *const A,
    sx: isize,
    y: *const B,
    sy: isize,
    f: &F,
) {
    // SAFETY: forwarded from the caller's contract.
    unsafe {
        if ds == 1 {
            let d = std::slice::from_raw_parts_mut(dst.cast::<MaybeUninit<C>>(), len);
            match (sx, sy) {
                (1, 1) => {
                    let a = std::slice::from_raw_parts(x, len);
                    let b = std::slice::from_raw_parts(y, len);
                    for ((d, &a), &b) in d.iter_mut().zip(a).zip(b) {
                        d.write(f(a, b));
                    }
                }
                (0, 1) => {
                    let a = *x;
                    let b = std::slice::from_raw_parts(y, len);
                    for (d, &b) in d.iter_mut().zip(b) {
                        d.write(f(a, b));
                    }
                }
                (1, 0) => {
                    let a = std::slice::from_raw_parts(x, len);
                    let b = *y;
                    for (d, &a) in d.iter_mut().zip(a) {
                        d.write(f(a, b));
                    }
                }
                _ => {
                    for (i, d) in d.iter_mut().enumerate() {
                        let i = i as isize;
                        d.write(f(*x.offset(i * sx), *y.offset(i * sy)));
                    }
                }
            }
        } else {
            for i in 0..len as isize {
                dst.offset(i * ds).write(f(*x.offset(i * sx), *y.offset(i * sy)));
            }
        }
    }
}

/// The inner loop of a ternary map over one run.
///
/// # Safety
/// As [`run1`], for all three inputs.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn run3<A: Copy, B: Copy, D: Copy, C, F: Fn(A, B, D) -> C>(
    dst: *mut C,
    ds: isize,
    len: usize,
    x: *const A,
    y: *const B,
    z: *const D,
    s: [isize; 3],
    f: &F,
) {
    // SAFETY: forwarded from the caller's contract.
    unsafe {
        if ds == 1 {
            let d = std::slice::from_raw_parts_mut(dst.cast::<MaybeUninit<C>>(), len);
            match s {
                [1, 1, 1] => {
                    let a = std::slice::from_raw_parts(x, len);
                    let b = std::slice::from_raw_parts(y, len);
                    let c = std::slice::from_raw_parts(z, len);
                    for (((d, &a), &b), &c) in d.iter_mut().zip(a).zip(b).zip(c) {
                        d.write(f(a, b, c));
                    }
                }
                [1, 1, 0] => {
                    let a = std::slice::from_raw_parts(x, len);
                    let b = std::slice::from_raw_parts(y, len);
                    let c = *z;
                    for ((d, &a), &b) in d.iter_mut().zip(a).zip(b) {
                        d.write(f(a, b, c));
                    }
                }
                [1, 0, 0] => {
                    let a = std::slice::from_raw_parts(x, len);
                    let (b, c) = (*y, *z);
                    for (d, &a) in d.iter_mut().zip(a) {
                        d.write(f(a, b, c));
                    }
                }
                _ => {
                    for (i, d) in d.iter_mut().enumerate() {
                        let i = i as isize;
                        d.write(f(*x.offset(i * s[0]), *y.offset(i * s[1]), *z.offset(i * s[2])));
                    }
                }
            }
        } else {
            for i in 0..len as isize {
                let v = f(*x.offset(i * s[0]), *y.offset(i * s[1]), *z.offset(i * s[2]));
                dst.offset(i * ds).write(v);
            }
        }
    }
}

/// Zero strides of length `n` for an unused input slot.
fn zeros(n: usize) -> Strides {
    Strides::from_elem(0, n)
}

/// The broadcast view of `a` as `shape`, or the `op`'s shape error naming
/// `a`'s shape against `target`.
fn bcast<'a, A, S: Data<Elem = A>>(
    op: &'static str,
    a: &'a ArrayBase<S>,
    shape: &[usize],
) -> Result<ArrayView<'a, A>> {
    a.broadcast(shape)
        .map_err(|_| Error::shape_mismatch(op, a.shape(), shape))
}

/// Unary map into a new C-ordered array, threaded for large inputs.
pub(crate) fn map1_new<A, C, S, F>(a: &ArrayBase<S>, f: F) -> Array<C>
where
    S: Data<Elem = A>,
    A: Copy + Sync,
    C: Copy + Send,
    F: Fn(A) -> C + Sync,
{
    let shape = Shape::from_slice(a.shape());
    let z = zeros(shape.len());
    let pa = InPtr(a.as_ptr());
    // SAFETY: `run1` writes exactly the `len` elements of each run; the input
    // is read at in-bounds offsets of `a`'s own layout.
    let r = unsafe {
        drive_new(shape, [a.strides(), &z, &z], move |d, ds, len, o, s| {
            run1(d, ds, len, pa.get().offset(o[0]), s[0], &f)
        })
    };
    // `a` exists, so its size and byte count are addressable.
    r.unwrap_or_else(|e| unreachable!("an existing array's shape is valid: {e}"))
}

/// Applies `f` to every element of `a` into a new array (C order), using all
/// threads for large arrays. This is [`ArrayBase::mapv`] for functions that
/// may run in parallel.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, 4.0], [9.0, 16.0]];
/// assert_eq!(numox::map1(&a.t(), f64::sqrt), array![[1.0, 3.0], [2.0, 4.0]]);
/// ```
pub fn map1<A, C, S, F>(a: &ArrayBase<S>, f: F) -> Array<C>
where
    S: Data<Elem = A>,
    A: Copy + Sync,
    C: Copy + Send,
    F: Fn(A) -> C + Sync,
{
    map1_new(a, f)
}

/// Applies `f` to every element of `a` (broadcast to `out`'s shape) and
/// writes the results into `out` (NumPy's `out=` argument).
///
/// ```
/// use numox::prelude::*;
/// let mut out = Array::<f64>::zeros(&[2, 2]);
/// numox::map1_into(&array![1.0, -2.0], &mut out, f64::abs).unwrap();
/// assert_eq!(out, array![[1.0, 2.0], [1.0, 2.0]]);
/// ```
pub fn map1_into<A, C, S, SO, F>(a: &ArrayBase<S>, out: &mut ArrayBase<SO>, f: F) -> Result<()>
where
    S: Data<Elem = A>,
    SO: DataMut<Elem = C>,
    A: Copy + Sync,
    C: Copy + Send,
    F: Fn(A) -> C + Sync,
{
    map_into_op("map1_into", a, out, f)
}

pub(crate) fn map_into_op<A, C, S, SO, F>(
    op: &'static str,
    a: &ArrayBase<S>,
    out: &mut ArrayBase<SO>,
    f: F,
) -> Result<()>
where
    S: Data<Elem = A>,
    SO: DataMut<Elem = C>,
    A: Copy + Sync,
    C: Copy + Send,
    F: Fn(A) -> C + Sync,
{
    let shape = Shape::from_slice(out.shape());
    let av = bcast(op, a, &shape)?;
    let z = zeros(shape.len());
    let pa = InPtr(av.as_ptr());
    let ostr = Strides::from_slice(out.strides());
    let po = mut_ptr(out);
    // SAFETY: `out` is writable with distinct elements per index (DataMut);
    // `run1` writes the `len` elements of each run; reads are in-bounds
    // offsets of the broadcast view.
    unsafe {
        drive(
            &shape,
            po,
            &ostr,
            [av.strides(), &z, &z],
            move |d, ds, len, o, s| run1(d, ds, len, pa.get().offset(o[0]), s[0], &f),
        );
    }
    Ok(())
}

/// Binary map of two operands broadcast together, into a new array.
pub(crate) fn map2_op<A, B, C, S1, S2, F>(
    op: &'static str,
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    f: F,
) -> Result<Array<C>>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B) -> C + Sync,
{
    let shape = shape::broadcast_pair(op, a.shape(), b.shape())?;
    let av = bcast(op, a, &shape)?;
    let bv = bcast(op, b, &shape)?;
    let z = zeros(shape.len());
    let pa = InPtr(av.as_ptr());
    let pb = InPtr(bv.as_ptr());
    // SAFETY: `run2` writes each run's `len` elements; reads are in-bounds
    // offsets of the two broadcast views.
    unsafe {
        drive_new(
            shape,
            [av.strides(), bv.strides(), &z],
            move |d, ds, len, o, s| {
                run2(
                    d,
                    ds,
                    len,
                    pa.get().offset(o[0]),
                    s[0],
                    pb.get().offset(o[1]),
                    s[1],
                    &f,
                )
            },
        )
    }
}

/// Combines two arrays element by element after broadcasting them together
/// (NumPy's broadcasting rules), into a new C-ordered array; threaded for
/// large outputs. Every binary operator of numox runs on this.
///
/// ```
/// use numox::prelude::*;
/// let col = array![[1.0], [2.0]];
/// let row = array![10.0, 20.0, 30.0];
/// let h = numox::map2(&col, &row, f64::hypot).unwrap();
/// assert_eq!(h.shape(), &[2, 3]);
/// assert!(numox::map2(&array![1, 2], &row, |a, b| a as f64 + b).is_err());
/// ```
pub fn map2<A, B, C, S1, S2, F>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, f: F) -> Result<Array<C>>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B) -> C + Sync,
{
    map2_op("map2", a, b, f)
}

/// Binary map into `out`: `a` and `b` must broadcast to `out`'s shape.
pub(crate) fn map2_into_op<A, B, C, S1, S2, SO, F>(
    op: &'static str,
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    out: &mut ArrayBase<SO>,
    f: F,
) -> Result<()>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    SO: DataMut<Elem = C>,
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B) -> C + Sync,
{
    let shape = Shape::from_slice(out.shape());
    // NumPy first broadcasts the inputs together, then checks the output.
    let common = shape::broadcast_pair(op, a.shape(), b.shape())?;
    let av = bcast(op, a, &shape).map_err(|_| Error::shape_mismatch(op, &common, &shape))?;
    let bv = bcast(op, b, &shape).map_err(|_| Error::shape_mismatch(op, &common, &shape))?;
    let z = zeros(shape.len());
    let pa = InPtr(av.as_ptr());
    let pb = InPtr(bv.as_ptr());
    let ostr = Strides::from_slice(out.strides());
    let po = mut_ptr(out);
    // SAFETY: as `map_into_op`, with two inputs.
    unsafe {
        drive(
            &shape,
            po,
            &ostr,
            [av.strides(), bv.strides(), &z],
            move |d, ds, len, o, s| {
                run2(
                    d,
                    ds,
                    len,
                    pa.get().offset(o[0]),
                    s[0],
                    pb.get().offset(o[1]),
                    s[1],
                    &f,
                )
            },
        );
    }
    Ok(())
}

/// [`map2`] writing into an existing array (NumPy's `out=`): `a` and `b`
/// must broadcast to `out`'s shape; `out` is never broadcast.
///
/// ```
/// use numox::prelude::*;
/// let mut out = Array::<f64>::zeros(&[2, 3]);
/// numox::map2_into(&array![[1.0], [2.0]], &array![1.0, 2.0, 3.0], &mut out, |a, b| a * b).unwrap();
/// assert_eq!(out, array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0]]);
/// let mut small = Array::<f64>::zeros(&[3]);
/// assert!(numox::map2_into(&array![[1.0], [2.0]], &array![1.0, 2.0, 3.0], &mut small, |a, b| a * b).is_err());
/// ```
pub fn map2_into<A, B, C, S1, S2, SO, F>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    out: &mut ArrayBase<SO>,
    f: F,
) -> Result<()>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    SO: DataMut<Elem = C>,
    A: Copy + Sync,
    B: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B) -> C + Sync,
{
    map2_into_op("map2_into", a, b, out, f)
}

/// Ternary map of three operands broadcast together, into a new array.
pub(crate) fn map3_op<A, B, D, C, S1, S2, S3, F>(
    op: &'static str,
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    c: &ArrayBase<S3>,
    f: F,
) -> Result<Array<C>>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    S3: Data<Elem = D>,
    A: Copy + Sync,
    B: Copy + Sync,
    D: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B, D) -> C + Sync,
{
    let shape = shape::broadcast_shapes(&[a.shape(), b.shape(), c.shape()]).map_err(|e| match e {
        Error::ShapeMismatch { lhs, rhs, .. } => Error::ShapeMismatch { op, lhs, rhs },
        e => e,
    })?;
    let av = bcast(op, a, &shape)?;
    let bv = bcast(op, b, &shape)?;
    let cv = bcast(op, c, &shape)?;
    let pa = InPtr(av.as_ptr());
    let pb = InPtr(bv.as_ptr());
    let pc = InPtr(cv.as_ptr());
    // SAFETY: `run3` writes each run's `len` elements; reads are in-bounds
    // offsets of the three broadcast views.
    unsafe {
        drive_new(
            shape,
            [av.strides(), bv.strides(), cv.strides()],
            move |d, ds, len, o, s| {
                run3(
                    d,
                    ds,
                    len,
                    pa.get().offset(o[0]),
                    pb.get().offset(o[1]),
                    pc.get().offset(o[2]),
                    s,
                    &f,
                )
            },
        )
    }
}

/// Combines three arrays element by element after broadcasting them
/// together, in one pass into a new array; threaded for large outputs.
/// `a * b + c` this way reads each input once and makes no temporary.
///
/// ```
/// use numox::prelude::*;
/// let (a, b, c) = (array![1.0, 2.0], array![[3.0], [4.0]], array![0.5]);
/// let r = numox::map3(&a, &b, &c, |a, b, c| a * b + c).unwrap();
/// assert_eq!(r, array![[3.5, 6.5], [4.5, 8.5]]);
/// ```
pub fn map3<A, B, D, C, S1, S2, S3, F>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    c: &ArrayBase<S3>,
    f: F,
) -> Result<Array<C>>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    S3: Data<Elem = D>,
    A: Copy + Sync,
    B: Copy + Sync,
    D: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B, D) -> C + Sync,
{
    map3_op("map3", a, b, c, f)
}

/// [`map3`] writing into an existing array: the three inputs must broadcast
/// to `out`'s shape.
///
/// ```
/// use numox::prelude::*;
/// let mut out = Array::<f64>::zeros(&[2]);
/// numox::map3_into(&array![1.0, 2.0], &array![3.0], &array![0.5, 0.25], &mut out, |a, b, c| a * b + c).unwrap();
/// assert_eq!(out, array![3.5, 6.25]);
/// ```
pub fn map3_into<A, B, D, C, S1, S2, S3, SO, F>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    c: &ArrayBase<S3>,
    out: &mut ArrayBase<SO>,
    f: F,
) -> Result<()>
where
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    S3: Data<Elem = D>,
    SO: DataMut<Elem = C>,
    A: Copy + Sync,
    B: Copy + Sync,
    D: Copy + Sync,
    C: Copy + Send,
    F: Fn(A, B, D) -> C + Sync,
{
    let op = "map3_into";
    let shape = Shape::from_slice(out.shape());
    let av = bcast(op, a, &shape)?;
    let bv = bcast(op, b, &shape)?;
    let cv = bcast(op, c, &shape)?;
    let pa = InPtr(av.as_ptr());
    let pb = InPtr(bv.as_ptr());
    let pc = InPtr(cv.as_ptr());
    let ostr = Strides::from_slice(out.strides());
    let po = mut_ptr(out);
    // SAFETY: as `map_into_op`, with three inputs.
    unsafe {
        drive(
            &shape,
            po,
            &ostr,
            [av.strides(), bv.strides(), cv.strides()],
            move |d, ds, len, o, s| {
                run3(
                    d,
                    ds,
                    len,
                    pa.get().offset(o[0]),
                    pb.get().offset(o[1]),
                    pc.get().offset(o[2]),
                    s,
                    &f,
                )
            },
        );
    }
    Ok(())
}

/// In-place binary update: `out[i] = f(out[i], b[i])` with `b` broadcast to
/// `out`'s shape (compound assignment, and operators reusing an owned
/// operand's buffer).
pub(crate) fn update2<A, B, SO, S2, F>(
    op: &'static str,
    out: &mut ArrayBase<SO>,
    b: &ArrayBase<S2>,
    f: F,
) -> Result<()>
where
    SO: DataMut<Elem = A>,
    S2: Data<Elem = B>,
    A: Copy + Send + Sync,
    B: Copy + Sync,
    F: Fn(A, B) -> A + Sync,
{
    let shape = Shape::from_slice(out.shape());
    let bv = b
        .broadcast(&shape)
        .map_err(|_| Error::shape_mismatch(op, &shape, b.shape()))?;
    let z = zeros(shape.len());
    let ostr = Strides::from_slice(out.strides());
    let po = mut_ptr(out);
    let pb = InPtr(bv.as_ptr());
    // SAFETY: each run updates its own `len` elements of `out` (distinct per
    // index, DataMut) and reads in-bounds offsets of the broadcast `b`.
    unsafe {
        drive(
            &shape,
            po,
            &ostr,
            [bv.strides(), &z, &z],
            move |d, ds, len, o, s| {
                let y = pb.get().offset(o[0]);
                if ds == 1 {
                    let d = std::slice::from_raw_parts_mut(d, len);
                    match s[0] {
                        1 => {
                            let b = std::slice::from_raw_parts(y, len);
                            for (d, &b) in d.iter_mut().zip(b) {
                                *d = f(*d, b);
                            }
                        }
                        0 => {
                            let b = *y;
                            for d in d.iter_mut() {
                                *d = f(*d, b);
                            }
                        }
                        sy => {
                            for (i, d) in d.iter_mut().enumerate() {
                                *d = f(*d, *y.offset(i as isize * sy));
                            }
                        }
                    }
                } else {
                    for i in 0..len as isize {
                        let p = d.offset(i * ds);
                        *p = f(*p, *y.offset(i * s[0]));
                    }
                }
            },
        );
    }
    Ok(())
}

/// In-place unary update: `out[i] = f(out[i])`, threaded for large arrays.
pub(crate) fn update1<A, SO, F>(out: &mut ArrayBase<SO>, f: F)
where
    SO: DataMut<Elem = A>,
    A: Copy + Send + Sync,
    F: Fn(A) -> A + Sync,
{
    let shape = Shape::from_slice(out.shape());
    let z = zeros(shape.len());
    let ostr = Strides::from_slice(out.strides());
    let po = mut_ptr(out);
    // SAFETY: each run updates its own `len` elements of `out` (distinct per
    // index, DataMut); the element type is initialised, so it may be read.
    unsafe {
        drive(&shape, po, &ostr, [&z, &z, &z], move |d, ds, len, _, _| {
            if ds == 1 {
                for d in std::slice::from_raw_parts_mut(d, len) {
                    *d = f(*d);
                }
            } else {
                for i in 0..len as isize {
                    let p = d.offset(i * ds);
                    *p = f(*p);
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s;

    fn seq(shape: &[usize]) -> Array<i64> {
        let n: usize = shape.iter().product();
        Array::from_shape_vec(shape, (0..n as i64).collect()).unwrap()
    }

    #[test]
    fn walk_range_matches_full_walk_for_every_split() {
        // shape (3, 4, 5) with a transposed second layout.
        let shape = [3usize, 4, 5];
        let c = shape::strides_for(&shape, shape::Order::C);
        let f = shape::strides_for(&shape, shape::Order::F);
        let z = Strides::from_elem(0, 3);
        let st = [c.clone(), f.clone(), z.clone(), z];
        let mut full = vec![];
        walk_range(&shape, &st, 0, 60, |o, len, s| {
            for i in 0..len as isize {
                full.push((o[0] + i * s[0], o[1] + i * s[1]));
            }
        });
        assert_eq!(full.len(), 60);
        assert!(full.iter().enumerate().all(|(i, &(c, _))| c == i as isize));
        for cut in [1usize, 3, 5, 7, 20, 59] {
            let mut parts = vec![];
            for (s0, e0) in [(0, cut), (cut, 60)] {
                walk_range(&shape, &st, s0, e0, |o, len, s| {
                    for i in 0..len as isize {
                        parts.push((o[0] + i * s[0], o[1] + i * s[1]));
                    }
                });
            }
            assert_eq!(parts, full, "split at {cut}");
        }
    }

    #[test]
    fn map2_broadcasts_and_follows_c_order() {
        let a = seq(&[2, 3]);
        let b = array_col();
        let r = map2(&a, &b, |x, y| x * 10 + y).unwrap();
        assert_eq!(r.to_vec(), vec![0, 10, 20, 31, 41, 51]);
        let rt = map2(&a.t(), &seq(&[2]), |x, y| x - y).unwrap();
        assert_eq!(rt.to_vec(), vec![0, 2, 1, 3, 2, 4]);
        // 0-d and empty operands.
        let s = map2(&Array::from_elem0(2i64), &Array::from_elem0(3i64), |x, y| x * y).unwrap();
        assert_eq!((s.ndim(), s.into_scalar()), (0, 6));
        let e = map2(&seq(&[0, 3]), &seq(&[3]), |x, y| x + y).unwrap();
        assert_eq!(e.shape(), &[0, 3]);
        assert!(map2(&seq(&[2, 3]), &seq(&[2]), |x, y| x + y).is_err());
    }

    fn array_col() -> Array<i64> {
        Array::from_shape_vec(&[2, 1], vec![0, 1]).unwrap()
    }

    #[test]
    fn threaded_fresh_outputs_match_the_serial_result() {
        // Above the threshold the output is filled in parallel chunks straight
        // into uninitialised memory (`drive_new`); check every element.
        let n = PAR_THRESHOLD * 3 + 17;
        let a = Array::from_vec((0..n as i64).collect());
        let b = Array::from_vec((0..n as i64).rev().collect());
        let r = map2(&a, &b, |x, y| x * 3 - y).unwrap();
        assert!(
            r.iter()
                .enumerate()
                .all(|(i, &v)| v == 3 * i as i64 - (n as i64 - 1 - i as i64))
        );
        // Broadcast, strided and reversed operands through the general path.
        let (nr, nc) = if cfg!(miri) {
            (40usize, 31usize)
        } else {
            (400, 301)
        };
        let m = seq(&[nr, nc]);
        let col = seq(&[nr, 1]);
        let rev = m.slice(s![..;-1, ..]);
        let r = map3(&rev, &col, &m.t().t(), |x, c, y| x - c + y).unwrap();
        let (nr_i, nc_i) = (nr as i64, nc as i64);
        let expect = Array::from_shape_fn(&[nr, nc], |ix| {
            let (i, j) = (ix[0] as i64, ix[1] as i64);
            (nr_i - 1 - i) * nc_i + j - i + i * nc_i + j
        })
        .unwrap();
        assert_eq!(r, expect);
        let u = map1(&m.t(), |x| x + 1);
        assert_eq!(
            u,
            Array::from_shape_fn(&[nc, nr], |ix| (ix[1] * nc + ix[0]) as i64 + 1).unwrap()
        );
    }

    #[test]
    fn into_forms_write_strided_outputs() {
        let (nr, nc) = if cfg!(miri) {
            (30usize, 40usize)
        } else {
            (300, 400)
        };
        let mut out = Array::<i64>::zeros(&[nr, nc]);
        {
            let mut t = out.view_mut().reversed_axes();
            map2_into(&seq(&[nc, 1]), &seq(&[nr]), &mut t, |x, y| x * 1000 + y).unwrap();
        }
        assert_eq!(
            out,
            Array::from_shape_fn(&[nr, nc], |ix| (ix[1] * 1000 + ix[0]) as i64).unwrap()
        );
        let mut v = out.slice_mut(s![..;2, ..]);
        update1(&mut v, |x| -x);
        update2("add", &mut v, &Array::from_elem0(1i64), |x, y| x + y).unwrap();
        assert_eq!(out[[2, 3]], -(3 * 1000 + 2) + 1);
        assert_eq!(out[[1, 3]], 3 * 1000 + 1);
        let mut out = Array::<i64>::zeros(&[2]);
        assert!(map1_into(&seq(&[3]), &mut out, |x| x).is_err());
    }
}
