//! NumPy's reduction iterator, reproduced so that float reductions group
//! their additions exactly as `np.add.reduce` does.
//!
//! A NumPy reduction (`PyUFunc_ReduceWrapper`) runs a buffered `nditer`
//! over two operands, the result (stride 0 along the reduced axes, allocated
//! by the iterator in the iterator's axis order) and the input. The values
//! it produces depend on how that iterator hands elements to the inner loop:
//!
//! 1. **Axis order.** The axes are sorted by the absolute stride of the input
//!    (a stable insertion sort that treats a zero stride as "no opinion";
//!    `npyiter_find_best_axis_ordering`), so iteration follows memory order.
//!    Negative strides are never flipped (`NPY_ITER_DONT_NEGATE_STRIDES`).
//! 2. **Coalescing.** Adjacent axes merge when every operand steps through
//!    them with one stride (`npyiter_coalesce_axes`); a reduced and a kept
//!    axis never merge, because the result's strides differ.
//! 3. **Buffering setup** (`npyiter_find_buffering_setup`, NumPy >= 2.3).
//!    Starting from the innermost axis the iterator grows a "core" while that
//!    lowers its cost estimate; it stops at the first axis where the result's
//!    stride flips between zero and non-zero (the *outer reduce dimension*).
//!    Operands that are not single-strided over the chosen block, and inputs
//!    that need a cast (integers summed as `float64` for `mean`), are copied
//!    into buffers of at most 8192 elements (a multiple of the core size).
//! 4. **Inner loop.** Each call of the inner loop gets one run: when the
//!    result's stride is zero over the run (`IS_BINARY_REDUCE`) NumPy's float
//!    loop adds the run's [pairwise sum](super::pairwise) to the result
//!    element; otherwise it adds element by element (`out[j] += a[i, j]`).
//!
//! [`Plan`] records steps 1-3; [`execute`] replays step 4 with a
//! [`Kernel`] that says what a run and an element contribute. The result is
//! bit-identical to NumPy for every layout (contiguous, Fortran-ordered,
//! strided, reversed, any number of axes), which the Python model of this
//! module was checked against before it was written.

use smallvec::SmallVec;
use std::marker::PhantomData;

/// NumPy's default iterator buffer size (`NPY_BUFSIZE`), in elements.
pub(crate) const BUFSIZE: usize = 8192;

/// Arrays with fewer elements than this are reduced on one thread.
pub(crate) const PAR_MIN: usize = 1 << 17;

/// One dimension of the iterator after sorting and coalescing.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Dim {
    /// Number of indices.
    pub len: usize,
    /// Stride in the result buffer (elements); 0 on reduced dimensions.
    pub out: isize,
    /// The input axes that make up this dimension, innermost first, as
    /// `(length, stride of the array being read)`. A dimension has more
    /// than one part only when the *layout* the plan was made for coalesces
    /// axes that the array being read does not (the `var` second pass).
    pub parts: SmallVec<[(usize, isize); 2]>,
}

impl Dim {
    /// Read offset of index `j` of this dimension.
    #[inline]
    fn offset(&self, mut j: usize) -> isize {
        if self.parts.len() == 1 {
            return j as isize * self.parts[0].1;
        }
        let mut off = 0;
        for &(l, s) in &self.parts {
            off += (j % l) as isize * s;
            j /= l;
        }
        off
    }
}

/// How a NumPy reduction iterates one array (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// Dimensions, innermost first; never empty.
    pub dims: SmallVec<[Dim; 4]>,
    /// The iterator's "outer" dimension: dims `..=best_dim` form one buffer block.
    pub best_dim: usize,
    /// Elements in dims `..best_dim` (the core).
    pub core: usize,
    /// NumPy's reduce mode: one inner call per core, the outer loop runs over `best_dim`.
    pub using_reduce: bool,
    /// Elements per inner call in block mode (a multiple of `core`), or `usize::MAX`.
    pub chunk: usize,
    /// Strides of the result buffer for each axis of the input (C order of
    /// axes), 0 for reduced axes: the buffer is laid out in iterator order.
    pub out_strides: SmallVec<[isize; 4]>,
    /// Number of result elements.
    pub out_len: usize,
    /// Number of input elements.
    pub size: usize,
}

impl Plan {
    /// Plans the reduction of an array of `shape` over the axes flagged in
    /// `reduce`. `layout` are the strides NumPy would see (the strides of
    /// the array it reduces), `read` the strides of the array numox reads
    /// (the same, except for `var`'s second pass, where NumPy reduces a
    /// temporary and numox reads the original). `cast` marks an input that
    /// NumPy must buffer to convert (integer `mean`).
    pub(crate) fn new(
        shape: &[usize],
        layout: &[isize],
        read: &[isize],
        reduce: &[bool],
        cast: bool,
    ) -> Plan {
        let nd = shape.len();
        debug_assert!(layout.len() == nd && read.len() == nd && reduce.len() == nd);
        let size: usize = shape.iter().product();
        // Iterator axes, innermost (last C axis) first, as NumPy's AXISDATA.
        struct Ax {
            len: usize,
            lay: isize,
            out: isize,
            orig: usize,
        }
        let mut axes: SmallVec<[Ax; 4]> = (0..nd)
            .rev()
            .map(|i| Ax {
                len: shape[i],
                lay: if shape[i] == 1 { 0 } else { layout[i] },
                out: 0,
                orig: i,
            })
            .collect();
        // 1. Stable insertion sort by |layout stride|, zero strides ambiguous.
        let perm = sort_axes(&axes.iter().map(|a| a.lay).collect::<SmallVec<[isize; 4]>>());
        let mut sorted: SmallVec<[Ax; 4]> = SmallVec::with_capacity(nd);
        for &p in &perm {
            let a = &axes[p];
            sorted.push(Ax {
                len: a.len,
                lay: a.lay,
                out: 0,
                orig: a.orig,
            });
        }
        axes = sorted;
        // The result is allocated in iterator order, contiguous over kept axes.
        let mut out_strides: SmallVec<[isize; 4]> = SmallVec::from_elem(0, nd);
        let mut os: isize = 1;
        let mut out_len: usize = 1;
        for a in axes.iter_mut() {
            if !reduce[a.orig] {
                out_len *= a.len;
                if a.len != 1 {
                    a.out = os;
                    out_strides[a.orig] = os;
                    os *= a.len as isize;
                }
            }
        }
        // 2. Coalesce (NumPy's rule, on the layout and result strides).
        struct Co {
            len: usize,
            lay: isize,
            out: isize,
            parts: SmallVec<[(usize, isize); 2]>,
        }
        let mut co: SmallVec<[Co; 4]> = SmallVec::new();
        for a in &axes {
            let r = if a.len == 1 { 0 } else { read[a.orig] };
            if let Some(c) = co.last_mut() {
                let ok = |s0: isize, s1: isize| {
                    (c.len == 1 && s0 == 0) || (a.len == 1 && s1 == 0) || s0 * c.len as isize == s1
                };
                if ok(c.lay, a.lay) && ok(c.out, a.out) {
                    c.len *= a.len;
                    if c.lay == 0 {
                        c.lay = a.lay;
                    }
                    if c.out == 0 {
                        c.out = a.out;
                    }
                    push_part(&mut c.parts, (a.len, r));
                    continue;
                }
            }
            let mut parts = SmallVec::new();
            parts.push((a.len, r));
            co.push(Co {
                len: a.len,
                lay: a.lay,
                out: a.out,
                parts,
            });
        }
        if co.is_empty() {
            let mut parts = SmallVec::new();
            parts.push((1, 0));
            co.push(Co {
                len: 1,
                lay: 0,
                out: 0,
                parts,
            });
        }
        // 3. Buffering setup (npyiter_find_buffering_setup), operands: result, input.
        let n = co.len();
        let mut cost: usize = 1 + cast as usize;
        let mut single = [1usize, 1usize]; // [result, input]
        let mut reduce_outer = [0usize, 0usize];
        let mut outer_reduce_dim = 0usize;
        let mut sz = co[0].len;
        let (mut best_dim, mut best_cost, mut best_size, mut best_core) = (0usize, cost, sz, 1usize);
        for idim in 1..n {
            if outer_reduce_dim != 0 {
                break;
            }
            // GROWINNER is always set for reductions.
            if sz >= BUFSIZE && cost > 1 {
                break;
            }
            let (p, c) = (&co[idim - 1], &co[idim]);
            for (op, (ps, cs)) in [(p.out, c.out), (p.lay, c.lay)].into_iter().enumerate() {
                if single[op] == idim {
                    if ps * p.len as isize == cs {
                        single[op] += 1;
                        continue;
                    }
                    if !(op == 1 && cast) {
                        cost += 1;
                    }
                }
                if op == 0 && (cs == 0 || ps == 0) {
                    reduce_outer[op] = idim;
                    outer_reduce_dim = idim;
                }
            }
            let coresize = sz;
            sz *= c.len;
            if sz == 0 {
                break;
            }
            let bufsize = if sz > BUFSIZE && cost > 1 { BUFSIZE } else { sz };
            if (cost as f64) * (best_size as f64) <= (best_cost as f64) * (bufsize as f64) {
                best_cost = cost;
                best_core = coresize;
                best_size = sz;
                best_dim = idim;
            }
        }
        let using_reduce = outer_reduce_dim != 0 && best_dim == outer_reduce_dim;
        let mut must_buffer = false;
        for op in 0..2 {
            let mut buffered = op == 1 && cast;
            let lay_outer = if op == 0 {
                co[outer_reduce_dim].out
            } else {
                co[outer_reduce_dim].lay
            };
            let is_reduce_op = if !using_reduce {
                false
            } else {
                reduce_outer[op] == best_dim
                    || (single[op] == best_dim && !buffered)
                    || (lay_outer == 0 && single[op] <= best_dim)
            };
            if single[op] + is_reduce_op as usize <= best_dim {
                buffered = true;
            }
            must_buffer |= buffered;
        }
        let chunk = if must_buffer && BUFSIZE < best_size {
            best_core * (BUFSIZE / best_core)
        } else {
            usize::MAX
        };
        let dims = co
            .into_iter()
            .map(|c| Dim {
                len: c.len,
                out: c.out,
                parts: c.parts,
            })
            .collect();
        Plan {
            dims,
            best_dim,
            core: best_core,
            using_reduce,
            chunk,
            out_strides,
            out_len,
            size,
        }
    }

    /// The plan for reading an array with strides `strides` (NumPy reduces the array itself).
    pub(crate) fn for_array(shape: &[usize], strides: &[isize], reduce: &[bool], cast: bool) -> Plan {
        Plan::new(shape, strides, strides, reduce, cast)
    }

    /// `true` when every result element is produced by exactly one inner
    /// call, a reduce run (NumPy's reduce mode with a reduced core and only
    /// kept dimensions outside it).
    pub(crate) fn one_run_per_output(&self) -> bool {
        self.using_reduce && self.reduces_inner() && self.dims[self.best_dim + 1..].iter().all(|d| d.out != 0)
    }

    /// `true` when `other` hands the inner loop the same runs in the same order.
    pub(crate) fn same_runs(&self, other: &Plan) -> bool {
        self.dims == other.dims
            && self.best_dim == other.best_dim
            && self.core == other.core
            && self.using_reduce == other.using_reduce
            && self.out_strides == other.out_strides
    }

    /// `true` when the result's stride is zero along the innermost dimension
    /// (inner calls are reduce runs, not elementwise updates).
    fn reduces_inner(&self) -> bool {
        self.dims[0].out == 0
    }
}

/// NumPy's `npyiter_find_best_axis_ordering` on one operand: `lay` are the
/// strides of the axes innermost first (0 for length-1 axes); returns the
/// permutation (indices into `lay`) that orders them from smallest to largest
/// absolute stride, stably, where a zero stride gives no preference.
fn sort_axes(lay: &[isize]) -> SmallVec<[usize; 4]> {
    let nd = lay.len();
    let mut perm: SmallVec<[usize; 4]> = (0..nd).collect();
    for i0 in 1..nd {
        let mut ipos = i0;
        let j0 = perm[i0];
        let s0 = lay[j0];
        for i1 in (0..i0).rev() {
            let s1 = lay[perm[i1]];
            if s0 != 0 && s1 != 0 {
                if s1.unsigned_abs() <= s0.unsigned_abs() {
                    break;
                }
                ipos = i1;
            }
        }
        if ipos != i0 {
            perm.copy_within(ipos..i0, ipos + 1);
            perm[ipos] = j0;
        }
    }
    perm
}

/// The strides (in elements) of a new array that NumPy's elementwise
/// ufuncs would allocate for a result of `shape` computed from an input with
/// `strides` (order `K`: contiguous, axes in the input's memory order, never
/// reversed). `var`'s second pass reduces such a temporary.
pub(crate) fn k_order_strides(shape: &[usize], strides: &[isize]) -> SmallVec<[isize; 4]> {
    let nd = shape.len();
    let lay: SmallVec<[isize; 4]> = (0..nd)
        .rev()
        .map(|i| if shape[i] == 1 { 0 } else { strides[i] })
        .collect();
    let perm = sort_axes(&lay);
    let mut out: SmallVec<[isize; 4]> = SmallVec::from_elem(0, nd);
    let mut s: isize = 1;
    for &p in &perm {
        let orig = nd - 1 - p;
        out[orig] = s;
        s *= shape[orig].max(1) as isize;
    }
    out
}

/// Appends an axis to the parts of a dimension, merging it into the last
/// part when the array being read steps through both with one stride.
fn push_part(parts: &mut SmallVec<[(usize, isize); 2]>, (l, s): (usize, isize)) {
    if let Some(last) = parts.last_mut() {
        if l == 1 {
            return;
        }
        if last.0 == 1 {
            *last = (l, s);
            return;
        }
        if last.1 * last.0 as isize == s {
            last.0 *= l;
            return;
        }
    }
    parts.push((l, s));
}

/// A run of elements handed to a kernel: `len` elements starting at `ptr`,
/// `stride` elements apart.
pub struct Src<'a, A> {
    ptr: *const A,
    len: usize,
    stride: isize,
    _borrow: PhantomData<&'a A>,
}

// Written out rather than derived: a borrow is copyable whatever `A` is.
impl<A> Clone for Src<'_, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A> Copy for Src<'_, A> {}

// SAFETY: a `Src` is a shared borrow of `len` elements; sharing it across
// threads is as safe as sharing `&[A]`.
unsafe impl<A: Sync> Send for Src<'_, A> {}
// SAFETY: as above.
unsafe impl<A: Sync> Sync for Src<'_, A> {}

impl<'a, A> Src<'a, A> {
    /// A run over `len` elements `stride` apart from `ptr`.
    ///
    /// # Safety
    /// Every `ptr.offset(i * stride)` for `i < len` must point to an
    /// initialised element that stays borrowed for `'a`.
    #[inline]
    pub(crate) unsafe fn new(ptr: *const A, len: usize, stride: isize) -> Self {
        Src {
            ptr,
            len,
            stride,
            _borrow: PhantomData,
        }
    }

    /// A run over a slice.
    #[inline]
    pub(crate) fn from_slice(s: &'a [A]) -> Self {
        // SAFETY: the slice's elements are contiguous and borrowed for 'a.
        unsafe { Src::new(s.as_ptr(), s.len(), 1) }
    }

    /// Number of elements.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The elements as a slice when they are contiguous.
    #[inline]
    pub(crate) fn as_slice(&self) -> Option<&'a [A]> {
        if self.stride == 1 || self.len <= 1 {
            // SAFETY: contiguous elements borrowed for 'a (the constructor's contract).
            Some(unsafe { std::slice::from_raw_parts(self.ptr, self.len) })
        } else {
            None
        }
    }

    /// Element `i` (`i < len`).
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> &'a A {
        debug_assert!(i < self.len);
        // SAFETY: `i < len`, so the offset is one of the constructor's valid elements.
        unsafe { &*self.ptr.offset(i as isize * self.stride) }
    }

    /// The first `n` elements and the rest.
    #[inline]
    pub(crate) fn split_at(&self, n: usize) -> (Self, Self) {
        assert!(n <= self.len);
        // SAFETY: both halves cover a subset of this run's valid elements.
        unsafe {
            (
                Src::new(self.ptr, n, self.stride),
                Src::new(
                    self.ptr.wrapping_offset(n as isize * self.stride),
                    self.len - n,
                    self.stride,
                ),
            )
        }
    }
}

/// Rows of a reduced dimension handed to [`Kernel::elementwise_rows`] at
/// once: eight input streams read together, with each result element read
/// and written once per eight rows instead of once per row (a standalone
/// test of `sum(axis=0)` of a 4000 x 2500 matrix on one AMD Zen 3 thread:
/// 4.9 ms one row at a time, 3.4 ms four at a time, 3.0-3.3 ms eight).
pub(crate) const ROWS: usize = 8;

/// What a reduction does with the runs and elements the iterator hands it.
pub(crate) trait Kernel<A>: Sync {
    /// The result element type.
    type Acc: Copy + Send + Sync;
    /// NumPy's reduce inner loop: fold a run of elements that all belong to
    /// result element `o` into `acc`.
    fn run(&self, acc: Self::Acc, src: Src<'_, A>, o: usize) -> Self::Acc;
    /// NumPy's elementwise inner loop: `out[o + i * os] ⊕= src[i]` for every `i`.
    fn elementwise(&self, out: &mut OutPtr<Self::Acc>, o: isize, os: isize, src: Src<'_, A>);
    /// [`Kernel::elementwise`] of [`ROWS`] runs of the same length, folded
    /// in turn into the same result elements. Kernels whose fold can read
    /// and write each result element once per group (sums, extrema)
    /// override it; the default folds the runs one after the other.
    fn elementwise_rows(&self, out: &mut OutPtr<Self::Acc>, o: isize, os: isize, srcs: &[Src<'_, A>; ROWS]) {
        for &src in srcs {
            self.elementwise(out, o, os, src);
        }
    }
    /// `Some((value, combine))` support: runs whose values can be computed
    /// independently and then combined in order (sums, extrema). Return
    /// `false` for folds like `prod` whose run value depends on `acc`.
    fn separable(&self) -> bool {
        false
    }
    /// The value a run contributes (only called when [`Kernel::separable`]).
    fn value(&self, src: Src<'_, A>, o: usize) -> Self::Acc {
        let _ = (src, o);
        unreachable!("value() of a kernel that is not separable")
    }
    /// Combines an accumulator with a run value (only called when [`Kernel::separable`]).
    fn combine(&self, acc: Self::Acc, v: Self::Acc) -> Self::Acc {
        let _ = v;
        acc
    }
    /// Parallel variant of [`Kernel::value`] for one long run (default: serial).
    fn value_par(&self, src: Src<'_, A>, o: usize) -> Self::Acc {
        self.value(src, o)
    }
    /// `true` when the result does not depend on how the reduced elements
    /// are grouped and folding the initial result values in again changes
    /// nothing (extrema with first-wins ties: `max(x, x) = x`). The executor
    /// may then split a *reduced* dimension across threads, each thread
    /// folding its rows into a copy of the initial results, and merge the
    /// copies with [`Kernel::combine`] in row order.
    fn regroupable(&self) -> bool {
        false
    }
}

/// The result buffer as the executor and kernels write it (shared by the
/// threads of a parallel reduction, which write disjoint elements).
pub(crate) struct OutPtr<T> {
    ptr: *mut T,
    len: usize,
}

// SAFETY: threads write disjoint elements (the executor splits along kept axes only).
unsafe impl<T: Send> Send for OutPtr<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for OutPtr<T> {}

impl<T: Copy> OutPtr<T> {
    fn new(s: &mut [T]) -> Self {
        OutPtr {
            ptr: s.as_mut_ptr(),
            len: s.len(),
        }
    }
    fn share(&self) -> Self {
        OutPtr {
            ptr: self.ptr,
            len: self.len,
        }
    }
    /// Reads element `i`.
    #[inline(always)]
    pub(crate) fn get(&self, i: isize) -> T {
        assert!((i as usize) < self.len);
        // SAFETY: in bounds (checked), and only this thread touches element `i`.
        unsafe { *self.ptr.offset(i) }
    }
    /// Writes element `i`.
    #[inline(always)]
    pub(crate) fn set(&mut self, i: isize, v: T) {
        assert!((i as usize) < self.len);
        // SAFETY: in bounds (checked), and only this thread touches element `i`.
        unsafe { *self.ptr.offset(i) = v }
    }
    /// The elements `o, o + os, ...` (`n` of them) as a mutable slice when `os == 1`.
    #[inline]
    pub(crate) fn slice_mut(&mut self, o: isize, n: usize) -> &mut [T] {
        assert!(o >= 0 && o as usize + n <= self.len);
        // SAFETY: in bounds (checked), and this thread owns these elements for the call.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.offset(o), n) }
    }
}

/// Runs `plan` over the array at `base`, writing into `out` (laid out as
/// `plan.out_strides` say, and already holding the initial values). Uses
/// threads for large arrays; the result never depends on their number.
///
/// # Safety
/// `base` must point to the element at index `[0, ..]` of an array whose
/// every index maps, through the `read` strides the plan was made with, to
/// an initialised element that stays borrowed during the call.
pub(crate) unsafe fn execute<A: Copy + Sync, K: Kernel<A>>(
    plan: &Plan,
    base: *const A,
    out: &mut [K::Acc],
    k: &K,
) {
    if plan.size == 0 || plan.out_len == 0 {
        return;
    }
    assert!(out.len() >= plan.out_len);
    let ex = Exec { plan, base, k };
    let threads = rayon::current_num_threads();
    if plan.size >= PAR_MIN && threads > 1 && k.regroupable() && split_reduced(&ex, out, threads) {
        return;
    }
    if plan.size >= PAR_MIN && threads > 1 {
        // Split along a kept dimension: each result element still sees its
        // additions in the same order.
        let cand = (0..plan.dims.len())
            .filter(|&d| plan.dims[d].out != 0 && plan.dims[d].parts.len() == 1 && plan.dims[d].len >= 2)
            .max_by_key(|&d| (plan.dims[d].len.min(4 * threads), d));
        if let Some(d) = cand {
            let len = plan.dims[d].len;
            // Splitting the innermost dimension cuts every row into pieces:
            // one piece per thread keeps the contiguous runs long enough for
            // the prefetcher (A/B on `sum(axis=0)` of 4000 x 2500: 15-30%
            // faster than 4 pieces per thread). Outer dimensions get 4 pieces
            // per thread for balance.
            let pieces = if d == 0 {
                len.min(threads)
            } else {
                len.min(4 * threads)
            };
            let outp = OutPtr::new(out);
            crate::parallel::for_each_index(pieces, &|p| {
                let lo = len * p / pieces;
                let hi = len * (p + 1) / pieces;
                let mut ranges: SmallVec<[(usize, usize); 4]> =
                    plan.dims.iter().map(|d| (0, d.len)).collect();
                ranges[d] = (lo, hi);
                let mut o = outp.share();
                ex.run_ranges(&ranges, &mut o, &mut Vec::new());
            });
            return;
        }
        if plan.out_len == 1 && k.separable() {
            ex.run_single_output_par(out);
            return;
        }
    }
    let ranges: SmallVec<[(usize, usize); 4]> = plan.dims.iter().map(|d| (0, d.len)).collect();
    let mut o = OutPtr::new(out);
    ex.run_ranges(&ranges, &mut o, &mut Vec::new());
}

/// Runs a [`Kernel::regroupable`] reduction whose innermost dimension is
/// kept (`a.max(axis=0)` of a C-ordered matrix) by splitting the longest
/// reduced dimension: each thread then streams through contiguous memory
/// into its own copy of the results, where splitting the kept dimension
/// would give every thread short strided pieces of each row. Returns
/// `false` (nothing done) when the layout does not call for it.
fn split_reduced<A: Copy + Sync, K: Kernel<A>>(
    ex: &Exec<'_, A, K>,
    out: &mut [K::Acc],
    threads: usize,
) -> bool {
    let plan = ex.plan;
    let dims = &plan.dims;
    if dims[0].out == 0 || plan.out_len.saturating_mul(8) > plan.size {
        return false;
    }
    let Some(d) = (0..dims.len())
        .filter(|&d| dims[d].out == 0 && dims[d].parts.len() == 1 && dims[d].len >= 2 * threads)
        .max_by_key(|&d| (dims[d].len, d))
    else {
        return false;
    };
    let len = dims[d].len;
    let pieces = threads;
    let out = &mut out[..plan.out_len];
    // Every piece after the first folds into its own copy of the initial
    // results; folding those values in again is harmless (`regroupable`).
    let mut copies: Vec<Vec<K::Acc>> = (1..pieces).map(|_| out.to_vec()).collect();
    {
        let mut targets: Vec<&mut [K::Acc]> = Vec::with_capacity(pieces);
        targets.push(&mut *out);
        targets.extend(copies.iter_mut().map(|c| c.as_mut_slice()));
        crate::parallel::for_each_item(targets, &|p, target: &mut [K::Acc]| {
            let mut ranges: SmallVec<[(usize, usize); 4]> = dims.iter().map(|d| (0, d.len)).collect();
            ranges[d] = (len * p / pieces, len * (p + 1) / pieces);
            let mut o = OutPtr::new(target);
            ex.run_ranges(&ranges, &mut o, &mut Vec::new());
        });
    }
    // Merge in row order, so ties keep the earliest element as a serial run does.
    for c in &copies {
        for (r, &v) in out.iter_mut().zip(c) {
            *r = ex.k.combine(*r, v);
        }
    }
    true
}

struct Exec<'p, A, K> {
    plan: &'p Plan,
    base: *const A,
    k: &'p K,
}

// SAFETY: the executor only reads through `base` (shared data) and the
// kernel is `Sync`.
unsafe impl<A: Sync, K: Sync> Sync for Exec<'_, A, K> {}

impl<A: Copy + Sync, K: Kernel<A>> Exec<'_, A, K> {
    /// Iterates every index of the dims above `best_dim` within `ranges`.
    fn run_ranges(&self, ranges: &[(usize, usize)], out: &mut OutPtr<K::Acc>, buf: &mut Vec<A>) {
        let plan = self.plan;
        let bd = plan.best_dim;
        let dims = &plan.dims;
        let outer: SmallVec<[usize; 4]> = (bd + 1..dims.len()).collect();
        if outer.iter().any(|&d| ranges[d].0 >= ranges[d].1) {
            return;
        }
        let mut idx: SmallVec<[usize; 4]> = outer.iter().map(|&d| ranges[d].0).collect();
        loop {
            let mut in_off = 0isize;
            let mut out_off = 0isize;
            for (t, &d) in outer.iter().enumerate() {
                in_off += dims[d].offset(idx[t]);
                out_off += idx[t] as isize * dims[d].out;
            }
            self.block(in_off, out_off, ranges, out, buf);
            // Next outer index (innermost outer dim first).
            let mut t = 0;
            loop {
                if t == outer.len() {
                    return;
                }
                let d = outer[t];
                idx[t] += 1;
                if idx[t] < ranges[d].1 {
                    break;
                }
                idx[t] = ranges[d].0;
                t += 1;
            }
        }
    }

    /// One buffer block: dims `..=best_dim` at the given offsets.
    fn block(
        &self,
        in_off: isize,
        out_off: isize,
        ranges: &[(usize, usize)],
        out: &mut OutPtr<K::Acc>,
        buf: &mut Vec<A>,
    ) {
        let plan = self.plan;
        let bd = plan.best_dim;
        let dims = &plan.dims;
        if plan.using_reduce {
            let dbd = &dims[bd];
            if bd == 1 && !plan.reduces_inner() && dims[0].parts.len() == 1 {
                // The common elementwise core (`out[j] ⊕= a[i, j]`): one kernel call per row.
                let (lo, hi) = ranges[0];
                let (s0, o0) = (dims[0].parts[0].1, dims[0].out);
                let row = |j: usize| {
                    let ci = in_off + dbd.offset(j) + lo as isize * s0;
                    // SAFETY: positions lo..hi of dim 0 at row j are inside the array.
                    unsafe { Src::new(self.base.wrapping_offset(ci), hi - lo, s0) }
                };
                let co = |j: usize| out_off + j as isize * dbd.out + lo as isize * o0;
                let (mut j, end) = ranges[bd];
                if dbd.out == 0 {
                    // Every row folds into the same result elements (the
                    // rows are reduced): hand the kernel ROWS of them at once.
                    while j + ROWS <= end {
                        let srcs: [Src<'_, A>; ROWS] = std::array::from_fn(|k| row(j + k));
                        self.k.elementwise_rows(out, co(j), o0, &srcs);
                        j += ROWS;
                    }
                }
                for j in j..end {
                    self.k.elementwise(out, co(j), o0, row(j));
                }
                return;
            }
            for j in ranges[bd].0..ranges[bd].1 {
                let ci = in_off + dbd.offset(j);
                let co = out_off + j as isize * dbd.out;
                if plan.reduces_inner() {
                    let acc = out.get(co);
                    let v = self.with_run(&dims[..bd], ci, 0, plan.core, buf, |src| {
                        self.k.run(acc, src, co as usize)
                    });
                    out.set(co, v);
                } else {
                    self.elementwise(&dims[..bd], ci, co, ranges, out);
                }
            }
        } else if plan.reduces_inner() {
            let total: usize = dims[..=bd].iter().map(|d| d.len).product();
            let step = plan.chunk.min(total);
            let mut s = 0;
            while s < total {
                let n = step.min(total - s);
                let acc = out.get(out_off);
                let v = self.with_run(&dims[..=bd], in_off, s, n, buf, |src| {
                    self.k.run(acc, src, out_off as usize)
                });
                out.set(out_off, v);
                s += n;
            }
        } else {
            self.elementwise(&dims[..=bd], in_off, out_off, ranges, out);
        }
    }

    /// Calls `f` with elements `start..start + n` (iterator order) of the
    /// dims `ds` at offset `off`: directly when they are single-strided in
    /// the array being read, otherwise gathered into `buf` (as NumPy's buffer).
    fn with_run<R>(
        &self,
        ds: &[Dim],
        off: isize,
        start: usize,
        n: usize,
        buf: &mut Vec<A>,
        f: impl FnOnce(Src<'_, A>) -> R,
    ) -> R {
        let parts: SmallVec<[(usize, isize); 4]> = ds
            .iter()
            .flat_map(|d| d.parts.iter().copied())
            .filter(|p| p.0 != 1)
            .collect();
        let single = parts.windows(2).all(|w| w[0].1 * w[0].0 as isize == w[1].1);
        if single {
            let stride = parts.first().map_or(1, |p| p.1);
            // SAFETY: the run's elements are `n` consecutive iterator positions of a
            // single-strided block inside the array (the caller's contract on `base`).
            let src = unsafe {
                Src::new(
                    self.base.wrapping_offset(off + start as isize * stride),
                    n,
                    stride,
                )
            };
            return f(src);
        }
        buf.clear();
        buf.reserve(n);
        // Walk positions start..start+n in iterator order.
        let mut idx: SmallVec<[usize; 4]> = SmallVec::new();
        let mut rem = start;
        for p in &parts {
            idx.push(rem % p.0);
            rem /= p.0;
        }
        let mut o: isize = off
            + parts
                .iter()
                .zip(&idx)
                .map(|(p, &i)| i as isize * p.1)
                .sum::<isize>();
        let mut left = n;
        while left > 0 {
            let (l0, s0) = parts[0];
            let take = (l0 - idx[0]).min(left);
            for i in 0..take {
                // SAFETY: the position is inside the block, so inside the array.
                buf.push(unsafe { std::ptr::read(self.base.wrapping_offset(o + i as isize * s0)) });
            }
            left -= take;
            o += take as isize * s0;
            idx[0] += take;
            let mut t = 0;
            while idx[t] == parts[t].0 && t + 1 < parts.len() {
                o -= parts[t].0 as isize * parts[t].1;
                idx[t] = 0;
                t += 1;
                idx[t] += 1;
                o += parts[t].1;
            }
        }
        f(Src::from_slice(buf))
    }

    /// Elementwise accumulation over the dims `ds` (all kept), within `ranges`.
    fn elementwise(
        &self,
        ds: &[Dim],
        in_off: isize,
        out_off: isize,
        ranges: &[(usize, usize)],
        out: &mut OutPtr<K::Acc>,
    ) {
        // Flatten to parts with their result strides and ranges.
        let mut parts: SmallVec<[(usize, usize, isize, isize); 4]> = SmallVec::new(); // (lo, hi, read, out)
        for (d, dim) in ds.iter().enumerate() {
            let mut ostride = dim.out;
            if dim.parts.len() == 1 {
                parts.push((ranges[d].0, ranges[d].1, dim.parts[0].1, ostride));
            } else {
                for &(l, s) in &dim.parts {
                    parts.push((0, l, s, ostride));
                    ostride *= l as isize;
                }
            }
        }
        if parts.iter().any(|p| p.0 >= p.1) {
            return;
        }
        let (lo0, hi0, r0, o0) = parts[0];
        let mut idx: SmallVec<[usize; 4]> = parts.iter().map(|p| p.0).collect();
        loop {
            let mut ri = in_off + lo0 as isize * r0;
            let mut ro = out_off + lo0 as isize * o0;
            for t in 1..parts.len() {
                ri += idx[t] as isize * parts[t].2;
                ro += idx[t] as isize * parts[t].3;
            }
            // SAFETY: positions lo0..hi0 of the innermost part are inside the array.
            let src = unsafe { Src::new(self.base.wrapping_offset(ri), hi0 - lo0, r0) };
            self.k.elementwise(out, ro, o0, src);
            let mut t = 1;
            loop {
                if t >= parts.len() {
                    return;
                }
                idx[t] += 1;
                if idx[t] < parts[t].1 {
                    break;
                }
                idx[t] = parts[t].0;
                t += 1;
            }
        }
    }

    /// All dims reduced into one result element: compute the runs' values
    /// in parallel, then combine them in NumPy's order.
    fn run_single_output_par(&self, out: &mut [K::Acc]) {
        let plan = self.plan;
        let dims = &plan.dims;
        let bd = plan.best_dim;
        let total: usize = dims[..=bd].iter().map(|d| d.len).product();
        let step = plan.chunk.min(total);
        let outer_count: usize = dims[bd + 1..].iter().map(|d| d.len).product();
        let runs_per_block = total.div_ceil(step);
        let nruns = outer_count * runs_per_block;
        let value_of = |r: usize, buf: &mut Vec<A>, par: bool| {
            let (ob, c) = (r / runs_per_block, r % runs_per_block);
            let mut rem = ob;
            let mut in_off = 0isize;
            for d in &dims[bd + 1..] {
                in_off += d.offset(rem % d.len);
                rem /= d.len;
            }
            let s = c * step;
            let n = step.min(total - s);
            self.with_run(&dims[..=bd], in_off, s, n, buf, |src| {
                if par {
                    self.k.value_par(src, 0)
                } else {
                    self.k.value(src, 0)
                }
            })
        };
        let mut acc = out[0];
        if nruns == 1 {
            let v = value_of(0, &mut Vec::new(), true);
            out[0] = self.k.combine(acc, v);
            return;
        }
        let vals: Vec<K::Acc> =
            crate::parallel::map_init_collect(nruns, &Vec::new, &|buf, r| value_of(r, buf, false));
        for v in vals {
            acc = self.k.combine(acc, v);
        }
        out[0] = acc;
    }
}

/// Converts a result buffer laid out with `from` strides into a C-ordered `Vec`.
pub(crate) fn to_c_order<T: Copy>(buf: &[T], shape: &[usize], from: &[isize]) -> Vec<T> {
    let n: usize = shape.iter().product();
    let c = crate::array::shape::strides_for(shape, crate::array::Order::C);
    if from
        .iter()
        .zip(c.iter())
        .zip(shape)
        .all(|((a, b), &l)| l <= 1 || a == b)
    {
        return buf[..n].to_vec();
    }
    let mut v = Vec::with_capacity(n);
    crate::array::walk::walk1(shape, from, |o, len, s| {
        for i in 0..len as isize {
            v.push(buf[(o + i * s) as usize]);
        }
    });
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(shape: &[usize], strides: &[isize], red: &[bool], cast: bool) -> Plan {
        Plan::for_array(shape, strides, red, cast)
    }

    #[test]
    fn contiguous_all_is_one_run() {
        let pl = p(&[300, 70], &[70, 1], &[true, true], false);
        assert_eq!(pl.dims.len(), 1);
        assert_eq!((pl.best_dim, pl.chunk, pl.using_reduce), (0, usize::MAX, false));
        assert_eq!(pl.out_len, 1);
    }

    #[test]
    fn axis1_is_reduce_mode_with_row_cores() {
        let pl = p(&[300, 70], &[70, 1], &[false, true], false);
        assert!(pl.using_reduce);
        assert_eq!((pl.best_dim, pl.core), (1, 70));
        assert_eq!(pl.out_strides.to_vec(), vec![1, 0]);
    }

    #[test]
    fn strided_all_is_buffered_in_chunks_of_whole_cores() {
        // (150, 24) with strides (140, 3): NumPy buffers cores of 24 into 8184-element chunks.
        let pl = p(&[150, 24], &[140, 3], &[true, true], false);
        assert!(!pl.using_reduce);
        assert_eq!((pl.best_dim, pl.core), (1, 24));
        assert_eq!(pl.chunk, usize::MAX); // 3600 elements fit in one buffer
        let pl = p(&[400, 24], &[140, 3], &[true, true], false);
        assert_eq!(pl.chunk, 24 * (8192 / 24));
    }

    #[test]
    fn integer_mean_casts_in_buffers_of_8192() {
        let pl = p(&[20000], &[1], &[true], true);
        assert_eq!(pl.chunk, 8192);
        let pl = p(&[3, 20000], &[20000, 1], &[false, true], true);
        assert_eq!((pl.best_dim, pl.chunk), (0, 8192));
    }

    #[test]
    fn fortran_order_iterates_memory_order() {
        let pl = p(&[30, 40], &[1, 30], &[true, false], false);
        // axis 0 is contiguous in memory: one pairwise run per column.
        assert!(pl.using_reduce);
        assert_eq!(pl.core, 30);
        assert_eq!(pl.out_strides.to_vec(), vec![0, 1]);
    }

    #[test]
    fn gather_walks_iterator_order() {
        // A strided 2x3 view of a 4x6 buffer; reduce all -> one gathered run.
        let data: Vec<i64> = (0..24).collect();
        let pl = p(&[2, 3], &[12, 2], &[true, true], true);
        struct Collect;
        impl Kernel<i64> for Collect {
            type Acc = i64;
            fn run(&self, acc: i64, src: Src<'_, i64>, _o: usize) -> i64 {
                (0..src.len()).fold(acc, |a, i| a * 100 + src.get(i))
            }
            fn elementwise(&self, _: &mut OutPtr<i64>, _: isize, _: isize, _: Src<'_, i64>) {
                unreachable!()
            }
        }
        let mut out = [0i64];
        // SAFETY: the strides address elements 0..=16 of `data`.
        unsafe { execute(&pl, data.as_ptr(), &mut out, &Collect) };
        assert_eq!(out[0], 2_04_12_14_16);
    }
}
