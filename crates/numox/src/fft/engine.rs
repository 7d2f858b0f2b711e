//! The batch driver: transforms every lane of an N-d array along one axis.
//!
//! A lane is the 1-D sequence along the transform axis at one index of the
//! other axes. Lanes are processed in blocks: a block's lanes are gathered
//! from the source (any strides, converted to the transform's input type,
//! truncated or zero-padded to the transform length) into a contiguous
//! scratch buffer, transformed, scaled and scattered into the destination
//! (a fresh C-ordered buffer, or the source itself for in-place passes).
//! Blocks of consecutive lanes make the strided gathers read whole cache
//! lines. Blocks run on rayon threads when the work is large enough, and
//! every block does the same arithmetic whichever thread runs it.
//!
//! A long lane (`n >= BIG_MIN`) whose destination is contiguous is instead
//! transformed by a [`BigC2c`](super::big::BigC2c) plan, which splits that
//! one transform over the threads.

use super::big::{self, ConstPtr, SendPtr, Source};
use super::plan::{self, FftFloat};
use super::scratch::{self, Pod};
use crate::array::shape::{Shape, checked_size};
use crate::error::Result;
use num_complex::Complex;
use num_traits::Zero;
use realfft::{ComplexToReal, FftError, RealToComplex};
use rustfft::{Fft, FftNum};
use smallvec::SmallVec;
use std::sync::Arc;

/// Elements of scratch per block (input side): 32K complex doubles is 512 KiB.
const BLOCK_ELEMS: usize = 32 * 1024;
/// Most lanes per block.
const MAX_BLOCK_LANES: usize = 32;
/// Below this many elements of work a call stays on the calling thread.
const PAR_MIN_ELEMS: usize = 1 << 15;

/// Offsets of the lanes of one operand: the axes other than the transform
/// axis (length-1 axes dropped, mergeable neighbours merged), enumerated in
/// C order.
#[derive(Clone, Debug)]
struct LaneMap {
    dims: SmallVec<[(usize, isize); 4]>,
}

impl LaneMap {
    fn new(shape: &[usize], strides: &[isize], axis: usize) -> Self {
        let mut dims: SmallVec<[(usize, isize); 4]> = SmallVec::new();
        for d in 0..shape.len() {
            if d == axis || shape[d] == 1 {
                continue;
            }
            if let Some(last) = dims.last_mut()
                && last.1 == strides[d] * shape[d] as isize
            {
                last.0 *= shape[d];
                last.1 = strides[d];
                continue;
            }
            dims.push((shape[d], strides[d]));
        }
        LaneMap { dims }
    }

    /// The element offset of lane `l`.
    #[inline]
    fn offset(&self, mut l: usize) -> isize {
        let mut off = 0isize;
        for &(len, st) in self.dims.iter().rev() {
            off += (l % len) as isize * st;
            l /= len;
        }
        off
    }
}

/// A strided source: pointer to element `[0, ..]`, shape and strides (in elements).
#[derive(Clone, Copy)]
pub(crate) struct Src<'a, E> {
    pub(crate) ptr: *const E,
    pub(crate) shape: &'a [usize],
    pub(crate) strides: &'a [isize],
}

/// Multiplication by a real factor, for the scaling of outputs.
pub(crate) trait Scale<T>: Copy + Send + Sync + Default {
    fn scale(self, f: T) -> Self;
}
impl<T: FftFloat> Scale<T> for T {
    #[inline(always)]
    fn scale(self, f: T) -> Self {
        self * f
    }
}
impl<T: FftFloat> Scale<T> for Complex<T> {
    #[inline(always)]
    fn scale(self, f: T) -> Self {
        self * f
    }
}

/// One kind of 1-D transform applied to contiguous blocks of lanes.
trait Kernel<T: FftFloat>: Sync {
    type In: Pod + Send + Sync + Default;
    type Out: Scale<T> + Pod;
    /// `true` when input and output lanes have the same type and length
    /// and [`Kernel::run_in_place`] works.
    const IN_PLACE: bool;
    /// Input elements per lane.
    fn n_in(&self) -> usize;
    /// Output elements per lane.
    fn n_out(&self) -> usize;
    fn scratch_len(&self) -> usize;
    /// Transforms `inp.len() / n_in` contiguous lanes into `out` (`inp` may be clobbered).
    fn run(&self, inp: &mut [Self::In], out: &mut [Self::Out], scratch: &mut [Complex<T>]);
    /// Transforms `buf.len() / n_out` contiguous lanes in place (`IN_PLACE` kernels only).
    fn run_in_place(&self, _buf: &mut [Self::Out], _scratch: &mut [Complex<T>]) {
        unreachable!("not an in-place kernel")
    }
    /// An input element as an output element (`IN_PLACE` kernels only).
    fn in_as_out(_x: Self::In) -> Self::Out {
        unreachable!("not an in-place kernel")
    }
}

struct C2cKernel<T: FftNum>(Arc<dyn Fft<T>>);
impl<T: FftFloat> Kernel<T> for C2cKernel<T> {
    type In = Complex<T>;
    type Out = Complex<T>;
    const IN_PLACE: bool = true;
    fn n_in(&self) -> usize {
        self.0.len()
    }
    fn n_out(&self) -> usize {
        self.0.len()
    }
    fn scratch_len(&self) -> usize {
        self.0
            .get_outofplace_scratch_len()
            .max(self.0.get_inplace_scratch_len())
    }
    fn run(&self, inp: &mut [Complex<T>], out: &mut [Complex<T>], scratch: &mut [Complex<T>]) {
        self.0.process_outofplace_with_scratch(inp, out, scratch);
    }
    fn run_in_place(&self, buf: &mut [Complex<T>], scratch: &mut [Complex<T>]) {
        self.0.process_with_scratch(buf, scratch);
    }
    #[inline(always)]
    fn in_as_out(x: Complex<T>) -> Complex<T> {
        x
    }
}

struct R2cKernel<T>(Arc<dyn RealToComplex<T>>);
impl<T: FftFloat> Kernel<T> for R2cKernel<T> {
    type In = T;
    type Out = Complex<T>;
    const IN_PLACE: bool = false;
    fn n_in(&self) -> usize {
        self.0.len()
    }
    fn n_out(&self) -> usize {
        self.0.complex_len()
    }
    fn scratch_len(&self) -> usize {
        self.0.get_scratch_len()
    }
    fn run(&self, inp: &mut [T], out: &mut [Complex<T>], scratch: &mut [Complex<T>]) {
        for (i, o) in inp
            .chunks_exact_mut(self.n_in())
            .zip(out.chunks_exact_mut(self.n_out()))
        {
            let r = self.0.process_with_scratch(i, o, scratch);
            debug_assert!(r.is_ok(), "buffer sizes are the plan's");
        }
    }
}

struct C2rKernel<T>(Arc<dyn ComplexToReal<T>>);
impl<T: FftFloat> Kernel<T> for C2rKernel<T> {
    type In = Complex<T>;
    type Out = T;
    const IN_PLACE: bool = false;
    fn n_in(&self) -> usize {
        self.0.complex_len()
    }
    fn n_out(&self) -> usize {
        self.0.len()
    }
    fn scratch_len(&self) -> usize {
        self.0.get_scratch_len()
    }
    fn run(&self, inp: &mut [Complex<T>], out: &mut [T], scratch: &mut [Complex<T>]) {
        for (i, o) in inp
            .chunks_exact_mut(self.n_in())
            .zip(out.chunks_exact_mut(self.n_out()))
        {
            // realfft zeroes the imaginary parts of the first (and, for even
            // lengths, last) bin and reports that it did; NumPy ignores them
            // the same way, so that report is not an error here.
            let r = self.0.process_with_scratch(i, o, scratch);
            debug_assert!(
                matches!(r, Ok(()) | Err(FftError::InputValues(..))),
                "buffer sizes are the plan's"
            );
        }
    }
}

/// Source and destination of one pass, with the element conversion.
struct Pass<'a, S, D, C> {
    src: ConstPtr<S>,
    src_map: LaneMap,
    src_stride: isize,
    /// Elements available in each source lane.
    src_len: usize,
    dst: SendPtr<D>,
    dst_map: LaneMap,
    dst_stride: isize,
    lanes: usize,
    conv: &'a C,
    /// Whether the pass may use rayon (false inside a slab of a fused pass).
    par: bool,
}

/// The distance between lanes in a scratch block: long lanes get one
/// cache line of padding, so that the lanes of a block do not all map to
/// the same cache sets (power-of-two lengths would).
fn pitch<E>(n: usize) -> usize {
    let size = std::mem::size_of::<E>().max(1);
    if n * size >= 1024 {
        n + (64 / size).max(1)
    } else {
        n
    }
}

/// Runs `kernel` over every lane of `pass`.
///
/// Lanes whose destination is contiguous (the transform axis is the last
/// one of the C-ordered destination) are transformed in the destination
/// itself; others go through a padded scratch block.
///
/// # Safety
/// Every source lane must be readable (`src_len` elements at `src_stride`)
/// and every destination lane writable (`n_out` elements at `dst_stride`);
/// distinct lanes of the destination must not overlap, and the source may
/// overlap the destination only lane for lane (the same lane index).
unsafe fn run_pass<T, K, S, C>(kernel: &K, pass: &Pass<'_, S, K::Out, C>, fct: T)
where
    T: FftFloat,
    K: Kernel<T>,
    S: Copy,
    C: Fn(S) -> K::In + Sync,
{
    let (ni, no) = (kernel.n_in(), kernel.n_out());
    let per_block = (BLOCK_ELEMS / ni.max(no)).clamp(1, MAX_BLOCK_LANES);
    let nblocks = pass.lanes.div_ceil(per_block);
    let parallel = pass.par && nblocks > 1 && pass.lanes * ni.max(no) >= PAR_MIN_ELEMS;
    let direct = pass.dst_stride == 1 || no == 1;
    let (pi, po) = if direct {
        (ni, no)
    } else {
        (pitch::<K::In>(ni), pitch::<K::Out>(no))
    };
    let inb_len = if direct && K::IN_PLACE { 0 } else { per_block * pi };
    let outb_len = if direct { 0 } else { per_block * po };
    let block = |bi: usize, inb: &mut [K::In], outb: &mut [K::Out], scratch: &mut [Complex<T>]| {
        let l0 = bi * per_block;
        let nb = per_block.min(pass.lanes - l0);
        if direct {
            // Destination lanes l0..l0+nb are consecutive: lane l starts at
            // dst_map.offset(l) = l * no (the axis is the last of a C-ordered buffer).
            // SAFETY: in bounds of the destination, and written by this block only.
            let d = unsafe { pass.dst.get().offset(pass.dst_map.offset(l0)) };
            if K::IN_PLACE {
                // SAFETY: lanes l0..l0+nb are readable at the source and writable at
                // the destination; a lane overlapping its source is read element k
                // before element k is written.
                unsafe { gather_into_dst::<T, K, S, C>(pass, l0, nb, no, d) };
                // SAFETY: the block's nb * no elements were all just written.
                let blk = unsafe { std::slice::from_raw_parts_mut(d, nb * no) };
                kernel.run_in_place(blk, scratch);
                scale_in_place(blk, fct);
            } else {
                let inb = &mut inb[..nb * ni];
                // SAFETY: the caller's contract covers lanes l0..l0+nb.
                unsafe { gather(pass, l0, nb, ni, ni, inb) };
                for k in 0..nb * no {
                    // SAFETY: in the block's destination lanes; initialises them.
                    unsafe { d.add(k).write(K::Out::default()) };
                }
                // SAFETY: initialised just above, and this block's alone.
                let blk = unsafe { std::slice::from_raw_parts_mut(d, nb * no) };
                kernel.run(inb, blk, scratch);
                scale_in_place(blk, fct);
            }
            return;
        }
        let (inb, outb) = (&mut inb[..nb * pi], &mut outb[..nb * po]);
        // SAFETY: the caller's contract covers lanes l0..l0+nb; this block
        // reads all of them before writing any.
        unsafe { gather(pass, l0, nb, ni, pi, inb) };
        if pi == ni && po == no {
            kernel.run(inb, outb, scratch);
        } else {
            for (i, o) in inb.chunks_exact_mut(pi).zip(outb.chunks_exact_mut(po)) {
                kernel.run(&mut i[..ni], &mut o[..no], scratch);
            }
        }
        // SAFETY: as above; no other block writes these lanes.
        unsafe { scatter(pass, l0, nb, no, po, outb, fct) };
    };
    let work = |bi: usize| {
        scratch::with3::<K::In, K::Out, Complex<T>, _>(
            inb_len,
            outb_len,
            kernel.scratch_len(),
            |inb, outb, scratch| block(bi, inb, outb, scratch),
        )
    };
    crate::parallel::for_each_index_if(parallel, nblocks, &work);
}

/// Multiplies every element by `fct` (nothing when it is 1).
#[inline]
fn scale_in_place<T: FftFloat, D: Scale<T>>(blk: &mut [D], fct: T) {
    if fct != T::one() {
        blk.iter_mut().for_each(|x| *x = x.scale(fct));
    }
}

/// Gathers lanes `l0..l0+nb` straight into their consecutive destination
/// lanes at `d` (`no` per lane, zero-padded), for in-place kernels.
///
/// # Safety
/// As [`run_pass`]; `d` is the destination of lane `l0`.
#[inline]
unsafe fn gather_into_dst<T, K, S: Copy, C>(
    pass: &Pass<'_, S, K::Out, C>,
    l0: usize,
    nb: usize,
    no: usize,
    d: *mut K::Out,
) where
    T: FftFloat,
    K: Kernel<T>,
    C: Fn(S) -> K::In,
{
    let take = pass.src_len.min(no);
    let (p, st) = (pass.src.get(), pass.src_stride);
    for b in 0..nb {
        let off = pass.src_map.offset(l0 + b);
        // SAFETY: lane l0 + b of the destination.
        let lane = unsafe { d.add(b * no) };
        for k in 0..take {
            // SAFETY: k < src_len elements of the source lane; element k of the
            // destination lane.
            unsafe {
                lane.add(k)
                    .write(K::in_as_out((pass.conv)(*p.offset(off + k as isize * st))))
            };
        }
        for k in take..no {
            // SAFETY: element k < no of the destination lane.
            unsafe { lane.add(k).write(K::Out::default()) };
        }
    }
}

/// Rows ahead the strided gathers and scatters prefetch.
const AHEAD: usize = 6;

/// When the lanes of a block start at increasing offsets within a short
/// run (consecutive lanes of an inner axis), the number of elements that
/// run spans: one row of a strided gather or scatter.
fn run_span(offs: &[isize]) -> Option<usize> {
    let (first, last) = (*offs.first()?, *offs.last()?);
    (last >= first && last - first < 512).then(|| (last - first) as usize + 1)
}

/// Gathers lanes `l0..l0+nb` into `inb` (`ni` per lane at pitch `pi`, zero-padded).
///
/// # Safety
/// As [`run_pass`].
#[inline]
unsafe fn gather<S: Copy, D, I: Copy + Default, C: Fn(S) -> I>(
    pass: &Pass<'_, S, D, C>,
    l0: usize,
    nb: usize,
    ni: usize,
    pi: usize,
    inb: &mut [I],
) {
    let take = pass.src_len.min(ni);
    let (p, st) = (pass.src.get(), pass.src_stride);
    let conv = pass.conv;
    if st == 1 || nb == 1 {
        for (b, lane) in inb.chunks_exact_mut(pi).enumerate() {
            let off = pass.src_map.offset(l0 + b);
            for (k, v) in lane[..take].iter_mut().enumerate() {
                // SAFETY: k < src_len elements of lane l0 + b.
                *v = conv(unsafe { *p.offset(off + k as isize * st) });
            }
            lane[take..ni].fill(I::default());
        }
    } else {
        let offs: SmallVec<[isize; MAX_BLOCK_LANES]> = (0..nb).map(|b| pass.src_map.offset(l0 + b)).collect();
        let run = run_span(&offs);
        for k in 0..take {
            let ko = k as isize * st;
            if let Some(span) = run
                && k + AHEAD < take
            {
                big::prefetch_run(p.wrapping_offset(offs[0] + ko + AHEAD as isize * st), span, 1);
            }
            for (b, &o) in offs.iter().enumerate() {
                // SAFETY: k < src_len elements of lane l0 + b.
                inb[b * pi + k] = conv(unsafe { *p.offset(o + ko) });
            }
        }
        if take < ni {
            for lane in inb.chunks_exact_mut(pi) {
                lane[take..ni].fill(I::default());
            }
        }
    }
}

/// Writes `outb` (`no` per lane at pitch `po`) times `fct` to lanes `l0..l0+nb`.
///
/// # Safety
/// As [`run_pass`].
#[inline]
unsafe fn scatter<T: FftFloat, S, D: Scale<T>, C>(
    pass: &Pass<'_, S, D, C>,
    l0: usize,
    nb: usize,
    no: usize,
    po: usize,
    outb: &[D],
    fct: T,
) {
    let (p, st) = (pass.dst.get(), pass.dst_stride);
    let offs: SmallVec<[isize; MAX_BLOCK_LANES]> = (0..nb).map(|b| pass.dst_map.offset(l0 + b)).collect();
    let run = run_span(&offs);
    macro_rules! body {
        ($f:expr) => {
            for k in 0..no {
                let ko = k as isize * st;
                if let Some(span) = run
                    && k + AHEAD < no
                {
                    big::prefetch_run(
                        p.wrapping_offset(offs[0] + ko + AHEAD as isize * st)
                            .cast_const(),
                        span,
                        1,
                    );
                }
                for (b, &o) in offs.iter().enumerate() {
                    // SAFETY: k < n_out elements of destination lane l0 + b.
                    unsafe { p.offset(o + ko).write($f(outb[b * po + k])) };
                }
            }
        };
    }
    if fct == T::one() {
        body!(|v: D| v);
    } else {
        body!(|v: D| v.scale(fct));
    }
}

/// The C-order strides of `shape`.
fn c_strides(shape: &[usize]) -> SmallVec<[isize; 4]> {
    crate::array::shape::strides_for(shape, crate::array::Order::C)
}

/// Shape of `src` with `axis` set to `len`, and its element count.
fn out_shape(shape: &[usize], axis: usize, len: usize) -> Result<(Shape, usize)> {
    let mut s = Shape::from_slice(shape);
    s[axis] = len;
    let total = checked_size(&s)?;
    Ok((s, total))
}

/// A fresh buffer of `total` elements to be written by a pass; its length is
/// set once every element is written.
fn alloc<D>(total: usize) -> Result<Vec<D>> {
    let mut v: Vec<D> = Vec::new();
    v.try_reserve_exact(total).map_err(|_| {
        crate::error::Error::invalid(format!("cannot allocate {total} elements for an FFT result"))
    })?;
    // As NumPy does for large arrays: transparent huge pages cut the page
    // faults of filling a fresh buffer 512-fold.
    crate::array::copy::advise_huge_pages(v.as_mut_ptr().cast::<u8>(), total * std::mem::size_of::<D>());
    Ok(v)
}

/// Builds the [`Pass`] from a source to a fresh C-ordered destination.
fn pass_to<'a, S, D, C>(
    src: &Src<'_, S>,
    axis: usize,
    dst: *mut D,
    dst_shape: &[usize],
    conv: &'a C,
    par: bool,
) -> Pass<'a, S, D, C> {
    let dst_strides = c_strides(dst_shape);
    Pass {
        src: ConstPtr(src.ptr),
        src_map: LaneMap::new(src.shape, src.strides, axis),
        src_stride: src.strides[axis],
        src_len: src.shape[axis],
        dst: SendPtr(dst),
        dst_map: LaneMap::new(dst_shape, &dst_strides, axis),
        dst_stride: dst_strides[axis],
        lanes: dst_shape
            .iter()
            .enumerate()
            .filter(|&(d, _)| d != axis)
            .map(|(_, &l)| l)
            .product(),
        conv,
        par,
    }
}

/// One source lane as a [`Source`](big::Source) for the long transforms:
/// element `k` converted, or zero past the lane's end.
struct LaneSource<'p, S, C> {
    p: ConstPtr<S>,
    off: isize,
    st: isize,
    len: usize,
    conv: &'p C,
}

impl<'p, S: Copy, C> LaneSource<'p, S, C> {
    fn new<D>(pass: &Pass<'p, S, D, C>, off: isize) -> Self {
        LaneSource {
            p: pass.src,
            off,
            st: pass.src_stride,
            len: pass.src_len,
            conv: pass.conv,
        }
    }
}

impl<S: Copy, E: Default, C: Fn(S) -> E + Sync> big::Source<E> for LaneSource<'_, S, C> {
    #[inline(always)]
    fn get(&self, k: usize) -> E {
        if k < self.len {
            // SAFETY: k < src_len elements of this lane.
            (self.conv)(unsafe { *self.p.get().offset(self.off + k as isize * self.st) })
        } else {
            E::default()
        }
    }
    #[inline(always)]
    fn prefetch(&self, j: usize, count: usize) {
        if j < self.len {
            let p = self.p.get().wrapping_offset(self.off + j as isize * self.st);
            big::prefetch_run(p, count.min(self.len - j), self.st);
        }
    }
}

/// A fresh C-ordered buffer for the result of a pass over `src` that sets
/// `axis` to `len`, filled by `fill(ptr, shape)` (which must write every
/// element).
fn new_buffer<D>(
    src_shape: &[usize],
    axis: usize,
    len: usize,
    fill: impl FnOnce(*mut D, &[usize]),
) -> Result<(Shape, Vec<D>)> {
    let (shape, total) = out_shape(src_shape, axis, len)?;
    let mut v = alloc::<D>(total)?;
    fill(v.as_mut_ptr(), &shape);
    // SAFETY: `fill` wrote all `total` elements.
    unsafe { v.set_len(total) };
    Ok((shape, v))
}

/// Complex transform of length `n` along `axis` of `src` (converted by
/// `conv`, truncated or zero-padded to `n`), times `fct`, into a new C-ordered
/// buffer whose `axis` has length `n`.
pub(crate) fn c2c_new<T, S, C>(
    src: &Src<'_, S>,
    conv: C,
    axis: usize,
    n: usize,
    inverse: bool,
    fct: T,
) -> Result<(Shape, Vec<Complex<T>>)>
where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> Complex<T> + Sync,
{
    new_buffer(src.shape, axis, n, |dst, shape| {
        // SAFETY: `dst` has room for the C-ordered `shape`, and nothing else
        // uses it; the source is readable.
        unsafe { c2c_into(src, &conv, axis, n, inverse, fct, dst, shape, true) }
    })
}

/// [`c2c_new`] into a given C-ordered destination of `dst_shape`
/// (`dst_shape[axis] == n`); `par`: may use threads.
///
/// # Safety
/// `dst` must be valid for writes of the elements of `dst_shape` and may
/// overlap the source only lane for lane (in-place transforms).
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn c2c_into<T, S, C>(
    src: &Src<'_, S>,
    conv: &C,
    axis: usize,
    n: usize,
    inverse: bool,
    fct: T,
    dst: *mut Complex<T>,
    dst_shape: &[usize],
    par: bool,
) where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> Complex<T> + Sync,
{
    let pass = pass_to(src, axis, dst, dst_shape, conv, par);
    if pass.lanes == 0 {
        return;
    }
    let bigp = if par && pass.dst_stride == 1 {
        plan::big::<T>(n, inverse)
    } else {
        None
    };
    if let Some(bigp) = bigp {
        let mut tmp = Vec::new();
        for l in 0..pass.lanes {
            let (so, dof) = (pass.src_map.offset(l), pass.dst_map.offset(l));
            // SAFETY: destination lane l is n contiguous elements of `dst`.
            let d = unsafe { dst.offset(dof) };
            if std::ptr::eq(
                d.cast_const().cast::<u8>(),
                src.ptr.wrapping_offset(so).cast::<u8>(),
            ) {
                // In place: the long transform reads its input while writing
                // its output, so it needs a copy of the lane.
                let get = LaneSource::new(&pass, so);
                tmp.clear();
                tmp.extend((0..n).map(|k| get.get(k)));
                // SAFETY: as above; `tmp` is separate.
                unsafe { bigp.run(|k| tmp[k], d, fct) };
            } else {
                // SAFETY: as above; the source lane does not overlap it.
                unsafe { bigp.run(LaneSource::new(&pass, so), d, fct) };
            }
        }
    } else {
        let kernel = C2cKernel(plan::c2c::<T>(n, inverse));
        // SAFETY: the caller's contract.
        unsafe { run_pass(&kernel, &pass, fct) };
    }
}

/// Complex transform along `axis` of the C-ordered `buf` of `shape`, in place.
pub(crate) fn c2c_inplace<T: FftFloat>(
    buf: &mut [Complex<T>],
    shape: &[usize],
    axis: usize,
    inverse: bool,
    fct: T,
) {
    // SAFETY: `buf` holds the C-ordered `shape` and is borrowed mutably.
    unsafe { c2c_inplace_raw(buf.as_mut_ptr(), shape, axis, inverse, fct, true) }
}

/// [`c2c_inplace`] on raw memory.
///
/// # Safety
/// `ptr` must hold the initialised C-ordered `shape`, used by no one else.
pub(crate) unsafe fn c2c_inplace_raw<T: FftFloat>(
    ptr: *mut Complex<T>,
    shape: &[usize],
    axis: usize,
    inverse: bool,
    fct: T,
    par: bool,
) {
    let strides = c_strides(shape);
    let src = Src {
        ptr: ptr.cast_const(),
        shape,
        strides: &strides,
    };
    // SAFETY: source and destination are the same lanes (the caller's memory).
    unsafe {
        c2c_into(
            &src,
            &|x: Complex<T>| x,
            axis,
            shape[axis],
            inverse,
            fct,
            ptr,
            shape,
            par,
        )
    }
}

/// Real-to-complex transform of length `n` along `axis` (`n/2 + 1` outputs).
pub(crate) fn r2c_new<T, S, C>(
    src: &Src<'_, S>,
    conv: C,
    axis: usize,
    n: usize,
    fct: T,
) -> Result<(Shape, Vec<Complex<T>>)>
where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> T + Sync,
{
    new_buffer(src.shape, axis, n / 2 + 1, |dst, shape| {
        // SAFETY: as in `c2c_new`.
        unsafe { r2c_into(src, &conv, axis, n, fct, dst, shape, true) }
    })
}

/// [`r2c_new`] into a given destination (`dst_shape[axis] == n/2 + 1`).
///
/// # Safety
/// `dst` must be valid for writes of the elements of `dst_shape` and not
/// overlap the source.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn r2c_into<T, S, C>(
    src: &Src<'_, S>,
    conv: &C,
    axis: usize,
    n: usize,
    fct: T,
    dst: *mut Complex<T>,
    dst_shape: &[usize],
    par: bool,
) where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> T + Sync,
{
    let nout = n / 2 + 1;
    let pass = pass_to(src, axis, dst, dst_shape, conv, par);
    if pass.lanes == 0 {
        return;
    }
    let bigp = if par && pass.dst_stride == 1 {
        plan::big::<T>(if n % 2 == 0 { n / 2 } else { n }, false)
    } else {
        None
    };
    if let Some(bigp) = bigp {
        let mut tmp = Vec::new();
        for l in 0..pass.lanes {
            let (so, dof) = (pass.src_map.offset(l), pass.dst_map.offset(l));
            let get = LaneSource::new(&pass, so);
            // SAFETY: destination lane l is nout contiguous elements of `dst`.
            let d = unsafe { dst.offset(dof) };
            if n % 2 == 0 {
                // SAFETY: as above.
                unsafe { big::rfft_even(&bigp, n, get, d, fct) };
            } else {
                tmp.resize(n, Complex::zero());
                // SAFETY: `tmp` holds n elements.
                unsafe { bigp.run(|k| Complex::new(get.get(k), T::zero()), tmp.as_mut_ptr(), fct) };
                for (k, &x) in tmp[..nout].iter().enumerate() {
                    // SAFETY: k < nout elements of the destination lane.
                    unsafe { d.add(k).write(x) };
                }
            }
        }
    } else {
        let kernel = R2cKernel(plan::r2c::<T>(n));
        // SAFETY: the caller's contract.
        unsafe { run_pass(&kernel, &pass, fct) };
    }
}

/// Complex-to-real transform producing `n` reals along `axis` (uses the
/// first `n/2 + 1` source elements, zero-padded).
pub(crate) fn c2r_new<T, S, C>(
    src: &Src<'_, S>,
    conv: C,
    axis: usize,
    n: usize,
    fct: T,
) -> Result<(Shape, Vec<T>)>
where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> Complex<T> + Sync,
{
    new_buffer(src.shape, axis, n, |dst, shape| {
        // SAFETY: as in `c2c_new`.
        unsafe { c2r_into(src, &conv, axis, n, fct, dst, shape, true) }
    })
}

/// [`c2r_new`] into a given destination (`dst_shape[axis] == n`).
///
/// # Safety
/// `dst` must be valid for writes of the elements of `dst_shape` and not
/// overlap the source.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn c2r_into<T, S, C>(
    src: &Src<'_, S>,
    conv: &C,
    axis: usize,
    n: usize,
    fct: T,
    dst: *mut T,
    dst_shape: &[usize],
    par: bool,
) where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> Complex<T> + Sync,
{
    let pass = pass_to(src, axis, dst, dst_shape, conv, par);
    if pass.lanes == 0 {
        return;
    }
    let bigp = if par && pass.dst_stride == 1 {
        plan::big::<T>(if n % 2 == 0 { n / 2 } else { n }, true)
    } else {
        None
    };
    if let Some(bigp) = bigp {
        let mut tmp = Vec::new();
        let h = n / 2;
        for l in 0..pass.lanes {
            let (so, dof) = (pass.src_map.offset(l), pass.dst_map.offset(l));
            // Only elements 0..=h are read (the rest of a longer lane is ignored).
            let get = LaneSource::new(&pass, so);
            // SAFETY: destination lane l is n contiguous elements of `dst`.
            let d = unsafe { dst.offset(dof) };
            if n % 2 == 0 {
                // SAFETY: as above.
                unsafe { big::irfft_even(&bigp, n, get, d, fct) };
            } else {
                tmp.resize(n, Complex::zero());
                let full = |k: usize| {
                    if k == 0 {
                        Complex::new(get.get(0).re, T::zero())
                    } else if k <= h {
                        get.get(k)
                    } else {
                        get.get(n - k).conj()
                    }
                };
                // SAFETY: `tmp` holds n elements.
                unsafe { bigp.run(full, tmp.as_mut_ptr(), fct) };
                for (k, x) in tmp.iter().enumerate() {
                    // SAFETY: k < n elements of the destination lane.
                    unsafe { d.add(k).write(x.re) };
                }
            }
        }
    } else {
        let kernel = C2rKernel(plan::c2r::<T>(n));
        // SAFETY: the caller's contract.
        unsafe { run_pass(&kernel, &pass, fct) };
    }
}

/// Slab size in bytes up to which the last two axes are transformed
/// together, slab by slab: 1 MiB stays in the L2 cache between the two passes.
pub(crate) const SLAB_MAX_BYTES: usize = 1 << 20;

/// Runs `f(src_slab, dst_slab)` for every index of the leading axes (all
/// but the last two) of `src` and of the C-ordered destination `dst` of
/// `dst_shape`, on rayon threads. A slab is the 2-D array of the last two
/// axes.
///
/// # Safety
/// `dst` must be valid for writes of the elements of `dst_shape`, and `f`
/// must only write inside the destination slab it is given.
pub(crate) unsafe fn by_slabs<S, D, F>(src: &Src<'_, S>, dst: *mut D, dst_shape: &[usize], f: F)
where
    F: Fn(&Src<'_, S>, *mut D) + Sync,
{
    let nd = src.shape.len();
    debug_assert!(nd >= 2 && dst_shape.len() == nd);
    let lead = LaneMap::new(&src.shape[..nd - 2], &src.strides[..nd - 2], usize::MAX);
    let count: usize = dst_shape[..nd - 2].iter().product();
    let slab: usize = dst_shape[nd - 2..].iter().product();
    let (sp, dp) = (ConstPtr(src.ptr), SendPtr(dst));
    let (shape2, strides2) = (&src.shape[nd - 2..], &src.strides[nd - 2..]);
    crate::parallel::for_each_index(count, &|o| {
        let s = Src {
            ptr: sp.get().wrapping_offset(lead.offset(o)),
            shape: shape2,
            strides: strides2,
        };
        f(&s, dp.get().wrapping_add(o * slab));
    });
}

/// The first two passes of a forward n-D transform, fused slab by slab:
/// `first(src_slab, dst_slab, slab_shape)` transforms the last axis of a
/// slab (sequentially), then the second-to-last axis of the destination
/// slab is transformed in place (complex, `inverse2`, times `fct2`).
/// `out_shape` is the shape after both passes (the second keeps its length).
pub(crate) fn fused_last_two<T, S, F>(
    src: &Src<'_, S>,
    out_shape: Shape,
    first: F,
    inverse2: bool,
    fct2: T,
) -> Result<(Shape, Vec<Complex<T>>)>
where
    T: FftFloat,
    F: Fn(&Src<'_, S>, *mut Complex<T>, &[usize]) + Sync,
{
    let total = checked_size(&out_shape)?;
    let mut v = alloc::<Complex<T>>(total)?;
    let nd = out_shape.len();
    let slab_shape = &out_shape[nd - 2..];
    // SAFETY: `v` has room for `out_shape`; each slab closure writes (through
    // `first`) and then transforms only its own slab.
    unsafe {
        by_slabs(src, v.as_mut_ptr(), &out_shape, |s, d| {
            first(s, d, slab_shape);
            c2c_inplace_raw(d, slab_shape, 0, inverse2, fct2, false);
        });
        v.set_len(total);
    }
    Ok((out_shape, v))
}

/// The last two passes of an inverse real n-D transform, fused slab by
/// slab: a complex inverse transform of length `nb` along the second-to-last
/// axis (times `fct_b`) into a per-thread scratch slab, then the
/// complex-to-real transform of length `n` along the last axis (times `fct_n`).
pub(crate) fn fused_c2r_last_two<T, S, C>(
    src: &Src<'_, S>,
    conv: &C,
    nb: usize,
    fct_b: T,
    n: usize,
    fct_n: T,
) -> Result<(Shape, Vec<T>)>
where
    T: FftFloat,
    S: Copy,
    C: Fn(S) -> Complex<T> + Sync,
{
    let nd = src.shape.len();
    let mut out_shape = Shape::from_slice(src.shape);
    out_shape[nd - 2] = nb;
    out_shape[nd - 1] = n;
    let total = checked_size(&out_shape)?;
    let mut v = alloc::<T>(total)?;
    let tmp_shape = [nb, src.shape[nd - 1]];
    let tmp_strides = c_strides(&tmp_shape);
    let out_slab = [nb, n];
    // SAFETY: `v` has room for `out_shape`; each slab closure writes only its
    // own slab, from a scratch slab of its thread.
    unsafe {
        by_slabs(src, v.as_mut_ptr(), &out_shape, |s, d| {
            scratch::with3::<Complex<T>, T, T, _>(nb * tmp_shape[1], 0, 0, |tmp, _, _| {
                c2c_into(s, conv, 0, nb, true, fct_b, tmp.as_mut_ptr(), &tmp_shape, false);
                let ts = Src {
                    ptr: tmp.as_ptr(),
                    shape: &tmp_shape,
                    strides: &tmp_strides,
                };
                c2r_into(&ts, &|x: Complex<T>| x, 1, n, fct_n, d, &out_slab, false);
            });
        });
        v.set_len(total);
    }
    Ok((out_shape, v))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The direct DFT of one lane.
    fn dft(x: &[Complex<f64>], inverse: bool) -> Vec<Complex<f64>> {
        let n = x.len();
        let sign = if inverse { 1.0 } else { -1.0 };
        (0..n)
            .map(|k| {
                x.iter()
                    .enumerate()
                    .map(|(j, &v)| {
                        let a = 2.0 * std::f64::consts::PI * ((j * k) % n) as f64 / n as f64;
                        v * Complex::new(a.cos(), sign * a.sin())
                    })
                    .sum()
            })
            .collect()
    }

    fn close(a: Complex<f64>, b: Complex<f64>) -> bool {
        (a - b).norm() < 1e-12
    }

    /// Every pass kind on a small strided source (direct, strided, in place,
    /// real and complex-to-real lanes, slabs), against the direct DFT.
    #[test]
    fn passes_match_the_direct_dft() {
        let data: Vec<Complex<f64>> = (0..60)
            .map(|i| Complex::new((i * 7 % 11) as f64, (i % 3) as f64))
            .collect();
        // A transposed view: strides of the reversed shape, reversed.
        let tshape = [5usize, 4, 3];
        let tstrides = [1isize, 5, 20];
        let src = Src {
            ptr: data.as_ptr(),
            shape: &tshape,
            strides: &tstrides,
        };
        let at = |i: usize, j: usize, k: usize| data[i + 5 * j + 20 * k];
        for axis in 0..3 {
            for n in [2usize, tshape[axis], 7] {
                let (oshape, out) = c2c_new(&src, |x| x, axis, n, false, 1.0).unwrap();
                assert_eq!(oshape[axis], n);
                let ostr = c_strides(&oshape);
                // in place along the same axis undoes it (inverse, scaled)
                let mut inv = out.clone();
                c2c_inplace(&mut inv, &oshape, axis, true, 1.0 / n as f64);
                // check every lane
                for i in 0..oshape[0] {
                    for j in 0..oshape[1] {
                        for k in 0..oshape[2] {
                            let mut idx = [i, j, k];
                            if idx[axis] != 0 {
                                continue;
                            }
                            let lane: Vec<Complex<f64>> = (0..n)
                                .map(|t| {
                                    idx[axis] = t;
                                    if t < tshape[axis] {
                                        at(idx[0], idx[1], idx[2])
                                    } else {
                                        Complex::zero()
                                    }
                                })
                                .collect();
                            let want = dft(&lane, false);
                            for (t, w) in want.iter().enumerate() {
                                idx[axis] = t;
                                let off: isize = idx.iter().zip(&ostr).map(|(&a, &b)| a as isize * b).sum();
                                assert!(close(out[off as usize], *w), "axis {axis} n {n}");
                                assert!(close(inv[off as usize], lane[t]), "inverse axis {axis} n {n}");
                            }
                        }
                    }
                }
            }
            // real lanes: r2c then c2r returns the input
            let re = |x: Complex<f64>| x.re;
            let n = tshape[axis];
            let (hshape, half) = r2c_new(&src, re, axis, n, 1.0).unwrap();
            let hstr = c_strides(&hshape);
            let hsrc = Src {
                ptr: half.as_ptr(),
                shape: &hshape,
                strides: &hstr,
            };
            let (rshape, real) = c2r_new(&hsrc, |x| x, axis, n, 1.0 / n as f64).unwrap();
            assert_eq!(&rshape[..], &tshape[..]);
            let rstr = c_strides(&rshape);
            for i in 0..5 {
                for j in 0..4 {
                    for k in 0..3 {
                        let off = i as isize * rstr[0] + j as isize * rstr[1] + k as isize * rstr[2];
                        assert!((real[off as usize] - at(i, j, k).re).abs() < 1e-12);
                    }
                }
            }
        }
        // slabs: the last two axes fused equal the two passes one after the other
        let first = |s: &Src<'_, Complex<f64>>, d: *mut Complex<f64>, slab: &[usize]| {
            // SAFETY: `d` is the slab's destination of shape `slab`.
            unsafe { c2c_into(s, &|x: Complex<f64>| x, 1, slab[1], false, 1.0, d, slab, false) }
        };
        let (fshape, fused) = fused_last_two(&src, Shape::from_slice(&tshape), first, false, 1.0).unwrap();
        let (s1, mut two) = c2c_new(&src, |x| x, 2, 3, false, 1.0).unwrap();
        c2c_inplace(&mut two, &s1, 1, false, 1.0);
        assert_eq!(fshape, s1);
        assert!(fused.iter().zip(&two).all(|(a, b)| close(*a, *b)));
        let (cshape, creal) = fused_c2r_last_two(&src, &|x: Complex<f64>| x, 4, 0.25, 4, 0.25).unwrap();
        let (s2, b) = c2c_new(&src, |x| x, 1, 4, true, 0.25).unwrap();
        let b_str = c_strides(&s2);
        let bsrc = Src {
            ptr: b.as_ptr(),
            shape: &s2,
            strides: &b_str,
        };
        let (s3, r) = c2r_new(&bsrc, |x| x, 2, 4, 0.25).unwrap();
        assert_eq!(cshape, s3);
        assert!(creal.iter().zip(&r).all(|(a, b)| (a - b).abs() < 1e-12));
    }
}
