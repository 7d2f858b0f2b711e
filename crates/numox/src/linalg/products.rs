//! Matrix and vector products: NumPy's `matmul` (`@`), `dot`, `vdot`,
//! `inner`, `outer`, `tensordot`, `kron`, `vecdot`, `matvec`, `vecmat`,
//! `linalg.multi_dot`, `linalg.matrix_power` and `linalg.trace`.
//!
//! Every product of `f32`, `f64`, `Complex<f32>` and `Complex<f64>` matrices
//! runs on faer's matrix multiplication (cache-blocked, SIMD, threaded for
//! large products); integer products use a plain row-streaming kernel with
//! NumPy's wrapping arithmetic, as NumPy does (it has no integer BLAS).

use super::stack::{Stack, batch_parallel, inner_par, out_shape, run1};
use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::element::{Complex32, Complex64, Element, Numeric};
use crate::error::{Error, Result, normalize_axis};
use faer::{Accum, Par};
use std::any::TypeId;

#[inline]
fn is<T: 'static, U: 'static>() -> bool {
    TypeId::of::<T>() == TypeId::of::<U>()
}

/// The complex conjugate of `x` for the complex element types, `x` otherwise.
#[inline]
pub(crate) fn conj_num<T: Element>(x: T) -> T {
    if is::<T, Complex64>() {
        // SAFETY: T is Complex64 (checked by TypeId), so the bit copies are identities.
        unsafe { std::mem::transmute_copy(&std::mem::transmute_copy::<T, Complex64>(&x).conj()) }
    } else if is::<T, Complex32>() {
        // SAFETY: T is Complex32.
        unsafe { std::mem::transmute_copy(&std::mem::transmute_copy::<T, Complex32>(&x).conj()) }
    } else {
        x
    }
}

/// Products of at least this many multiply-adds (`m·n·k`, about 512³) are
/// split into bands by [`gemm_bands`] when threads are allowed.
const SPLIT_MIN: usize = 1 << 27;

/// The least number of rows (or columns) of one band of [`gemm_bands`].
const BAND_MIN: usize = 128;

/// The pointers of a product shared by the threads of [`gemm_bands`].
struct Bands<T> {
    c: *mut T,
    a: Operand<T>,
    b: Operand<T>,
}

// SAFETY: the threads read the operands and write disjoint bands of `c`.
unsafe impl<T> Send for Bands<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Bands<T> {}

/// [`gemm`] on `threads` threads: the longer of `c`'s two dimensions is cut
/// into one band per thread and each band is a sequential faer product.
/// Measured on the 2-core AVX-512 machine (faer 0.24, f64, throwaway
/// harness, quiet machine): 1000³ at 102 GFLOP/s against 84 with faer's own
/// parallel product, 4000³ at 92 against 74 (faer's split shares the packed
/// panels between threads and waits on them; independent bands do not).
///
/// # Safety
/// As [`gemm`].
#[allow(clippy::too_many_arguments)]
unsafe fn gemm_bands<T: Numeric>(
    c: *mut T,
    crs: isize,
    ccs: isize,
    a: Operand<T>,
    b: Operand<T>,
    m: usize,
    k: usize,
    n: usize,
    threads: usize,
) {
    let by_rows = m >= n;
    let len = if by_rows { m } else { n };
    let shared = Bands { c, a, b };
    crate::parallel::for_each_index(threads, &|t| {
        let (lo, hi) = (len * t / threads, len * (t + 1) / threads);
        let p = &shared;
        // SAFETY: rows (or columns) lo..hi of c and of a (or b) lie inside the
        // caller's layouts, and distinct bands write distinct elements of c.
        unsafe {
            if by_rows {
                let a = Operand {
                    ptr: p.a.ptr.offset(lo as isize * p.a.rs),
                    ..p.a
                };
                gemm(
                    p.c.offset(lo as isize * crs),
                    crs,
                    ccs,
                    a,
                    p.b,
                    hi - lo,
                    k,
                    n,
                    Par::Seq,
                );
            } else {
                let b = Operand {
                    ptr: p.b.ptr.offset(lo as isize * p.b.cs),
                    ..p.b
                };
                gemm(
                    p.c.offset(lo as isize * ccs),
                    crs,
                    ccs,
                    p.a,
                    b,
                    m,
                    k,
                    hi - lo,
                    Par::Seq,
                );
            }
        }
    });
}

/// A strided matrix operand of [`gemm`]: pointer, row stride, column stride.
#[derive(Clone, Copy)]
pub(crate) struct Operand<T> {
    pub(crate) ptr: *const T,
    pub(crate) rs: isize,
    pub(crate) cs: isize,
}

/// `c = a · b` for an `m x k` matrix `a` and a `k x n` matrix `b`, written to
/// the `m x n` destination at `c` (row stride `crs`, column stride `ccs`).
///
/// # Safety
/// The operands must address `m x k`, `k x n` and `m x n` valid elements;
/// the destination must be writable, distinct per index and not overlap the
/// operands.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn gemm<T: Numeric>(
    c: *mut T,
    crs: isize,
    ccs: isize,
    a: Operand<T>,
    b: Operand<T>,
    m: usize,
    k: usize,
    n: usize,
    par: Par,
) {
    if m == 0 || n == 0 {
        return;
    }
    if let Par::Rayon(threads) = par {
        let threads = threads.get();
        let faer_type = is::<T, f64>() || is::<T, f32>() || is::<T, Complex64>() || is::<T, Complex32>();
        if faer_type
            && threads >= 2
            && m.max(n) >= threads * BAND_MIN
            && (m * n).saturating_mul(k) >= SPLIT_MIN
        {
            // SAFETY: the caller's contract, passed on band by band.
            unsafe { gemm_bands(c, crs, ccs, a, b, m, k, n, threads) };
            return;
        }
    }
    macro_rules! via_faer {
        ($t:ty) => {
            if is::<T, $t>() && m * n * k > 64 {
                let c = c as *mut $t;
                let (ap, bp) = (a.ptr as *const $t, b.ptr as *const $t);
                // SAFETY: T is $t; the layouts are the caller's contract.
                unsafe {
                    let dst = super::faer_bridge::mat_mut(c, m, n, crs, ccs);
                    let lhs = super::faer_bridge::mat_ref(ap, m, k, a.rs, a.cs);
                    let rhs = super::faer_bridge::mat_ref(bp, k, n, b.rs, b.cs);
                    faer::linalg::matmul::matmul(
                        dst,
                        Accum::Replace,
                        lhs,
                        rhs,
                        <$t as num_traits::One>::one(),
                        par,
                    );
                }
                return;
            }
        };
    }
    via_faer!(f64);
    via_faer!(f32);
    via_faer!(Complex64);
    via_faer!(Complex32);
    // Plain kernel: row i of c accumulates a[i, p] * row p of b.
    for i in 0..m {
        // SAFETY: indices stay inside the caller's layouts.
        unsafe {
            let crow = c.offset(i as isize * crs);
            for j in 0..n {
                *crow.offset(j as isize * ccs) = T::zero();
            }
            for p in 0..k {
                let aip = *a.ptr.offset(i as isize * a.rs + p as isize * a.cs);
                let brow = b.ptr.offset(p as isize * b.rs);
                for j in 0..n {
                    let d = crow.offset(j as isize * ccs);
                    *d = Numeric::add(*d, Numeric::mul(aip, *brow.offset(j as isize * b.cs)));
                }
            }
        }
    }
}

/// Batched `(.., m, k) @ (.., k, n)` over two stacks whose batches broadcast;
/// returns the C-ordered output buffer and the broadcast batch shape.
fn stacked_matmul<T: Numeric>(
    op: &'static str,
    sa: &Stack<'_, T>,
    sb: &Stack<'_, T>,
) -> Result<(Vec<T>, Vec<usize>)> {
    if sa.n != sb.m {
        return Err(Error::invalid(format!(
            "{op}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \
             (n?,k),(k,m?)->(n?,m?) (size {} is different from {})",
            sb.m, sa.n
        )));
    }
    let batch = super::stack::broadcast_batches(op, &sa.batch, &sb.batch)?;
    let (a, b) = (sa.broadcast(&batch), sb.broadcast(&batch));
    let (m, k, n) = (a.m, a.n, b.n);
    let count: usize = batch.iter().product();
    crate::array::shape::checked_size(&out_shape(&batch, &[m, n]))?;
    // One large product when b is shared by the whole stack and a's rows
    // (over batch and m) form a single strided run: (count*m, k) @ (k, n).
    if count > 1 && sb.count() == 1 && a.batch == sa.batch {
        if let Some(rs) = merged_row_stride(&sa.batch, sa.batch_strides(), m, sa.rs) {
            let rows = count * m;
            let mut out = crate::array::copy::try_vec(rows * n, &[rows, n])?;
            out.resize(rows * n, T::zero());
            // SAFETY: the merged rows address exactly a's elements; out is rows x n.
            unsafe {
                gemm(
                    out.as_mut_ptr(),
                    n as isize,
                    1,
                    Operand {
                        ptr: sa.ptr(0),
                        rs,
                        cs: sa.cs,
                    },
                    Operand {
                        ptr: sb.ptr(0),
                        rs: sb.rs,
                        cs: sb.cs,
                    },
                    rows,
                    k,
                    n,
                    Par::rayon(0),
                )
            };
            return Ok((out, batch.to_vec()));
        }
    }
    let parallel = batch_parallel(count, 2.0 * (m * n * k) as f64);
    let par = inner_par(parallel);
    let out = run1(count, m * n, parallel, |i, slot: &mut [T]| {
        // SAFETY: slot is m x n C-ordered; a and b address matrix i of their stacks.
        unsafe {
            gemm(
                slot.as_mut_ptr(),
                n as isize,
                1,
                Operand {
                    ptr: a.ptr(i),
                    rs: a.rs,
                    cs: a.cs,
                },
                Operand {
                    ptr: b.ptr(i),
                    rs: b.rs,
                    cs: b.cs,
                },
                m,
                k,
                n,
                par,
            )
        };
        Ok(())
    })?;
    Ok((out, batch.to_vec()))
}

/// The single stride of the rows of all matrices of a stack taken in C
/// order (batch axes, then the matrix's rows), if there is one.
fn merged_row_stride(batch: &[usize], bstrides: &[isize], m: usize, rs: isize) -> Option<isize> {
    let mut dims: Vec<(usize, isize)> = batch.iter().copied().zip(bstrides.iter().copied()).collect();
    dims.push((m, rs));
    dims.retain(|&(d, _)| d != 1);
    if dims.is_empty() {
        return Some(rs);
    }
    let inner = dims.last().unwrap().1;
    let mut expect = inner;
    for w in (0..dims.len()).rev() {
        if dims[w].1 != expect {
            return None;
        }
        expect = dims[w].1 * dims[w].0 as isize;
    }
    Some(inner)
}

/// The matrix product with NumPy's `matmul` rules (the `@` operator): stacks
/// of matrices broadcast over their leading dimensions; a 1-d first operand
/// is a row vector and a 1-d second operand a column vector, their axis
/// removed from the result. 0-d operands are an error, as in NumPy.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let b = array![[5.0, 6.0], [7.0, 8.0]];
/// assert_eq!(numox::matmul(&a, &b).unwrap(), array![[19.0, 22.0], [43.0, 50.0]]);
/// // A stack of two matrices times one matrix, and a matrix times a vector:
/// let s = Array::from_shape_vec(&[2, 2, 2], vec![1, 0, 0, 1, 2, 0, 0, 2]).unwrap();
/// assert_eq!(numox::matmul(&s, &array![[1, 2], [3, 4]]).unwrap().shape(), &[2, 2, 2]);
/// assert_eq!(numox::matmul(&a, &array![1.0, 1.0]).unwrap(), array![3.0, 7.0]);
/// ```
pub fn matmul<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<T>> {
    for (i, nd) in [a.ndim(), b.ndim()].into_iter().enumerate() {
        if nd == 0 {
            return Err(Error::invalid(format!(
                "matmul: Input operand {i} does not have enough dimensions (has 0, gufunc core with \
                 signature (n?,k),(k,m?)->(n?,m?) requires 1)"
            )));
        }
    }
    let sa = if a.ndim() == 1 {
        Stack::vectors(a, "matmul", false)?
    } else {
        Stack::new(a, "matmul")?
    };
    let sb = if b.ndim() == 1 {
        Stack::vectors(b, "matmul", true)?
    } else {
        Stack::new(b, "matmul")?
    };
    let (out, batch) = stacked_matmul("matmul", &sa, &sb)?;
    let mut shape = batch;
    if a.ndim() > 1 {
        shape.push(sa.m);
    }
    if b.ndim() > 1 {
        shape.push(sb.n);
    }
    Array::from_shape_vec(&shape, out)
}

/// NumPy's `dot`: the sum product over the last axis of `a` and the
/// second-to-last axis of `b` (for 2-d arrays the matrix product, for 1-d
/// arrays the inner product, with 0-d operands an elementwise product).
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::dot(&array![1, 2, 3], &array![4, 5, 6]).unwrap().into_scalar(), 32);
/// let a = Array::from_shape_vec(&[2, 3, 4], (0..24).collect()).unwrap();
/// let b = Array::from_shape_vec(&[5, 4, 6], (0..120).collect()).unwrap();
/// assert_eq!(numox::dot(&a, &b).unwrap().shape(), &[2, 3, 5, 6]);
/// ```
pub fn dot<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<T>> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return a.zip_with(b, |x, y| Numeric::mul(x, y));
    }
    if b.ndim() == 1 {
        let ka = a.shape()[a.ndim() - 1];
        if ka != b.shape()[0] {
            return Err(Error::shape_mismatch("dot", a.shape(), b.shape()));
        }
        return matmul(a, b);
    }
    let (na, nb) = (a.ndim() as isize, b.ndim() as isize);
    tensordot(a, b, (vec![na - 1], vec![nb - 2]))
}

/// The axes argument of [`tensordot`]: a count `n` (the last `n` axes of
/// `a` against the first `n` of `b`) or two equally long axis lists.
#[derive(Clone, Debug, PartialEq)]
pub enum TensordotAxes {
    /// Sum over the last `n` axes of `a` and the first `n` axes of `b`.
    Count(usize),
    /// Sum over `a`'s axes `.0[i]` paired with `b`'s axes `.1[i]`.
    Pairs(Vec<isize>, Vec<isize>),
}

impl From<usize> for TensordotAxes {
    fn from(n: usize) -> Self {
        TensordotAxes::Count(n)
    }
}

impl From<(Vec<isize>, Vec<isize>)> for TensordotAxes {
    fn from(p: (Vec<isize>, Vec<isize>)) -> Self {
        TensordotAxes::Pairs(p.0, p.1)
    }
}

impl<const N: usize> From<([isize; N], [isize; N])> for TensordotAxes {
    fn from(p: ([isize; N], [isize; N])) -> Self {
        TensordotAxes::Pairs(p.0.to_vec(), p.1.to_vec())
    }
}

impl From<(&[isize], &[isize])> for TensordotAxes {
    fn from(p: (&[isize], &[isize])) -> Self {
        TensordotAxes::Pairs(p.0.to_vec(), p.1.to_vec())
    }
}

/// NumPy's `tensordot`: the sum of products over the given axes of `a` and
/// `b`. The result has `a`'s remaining axes followed by `b`'s. Computed as
/// one matrix product of the two operands reshaped to 2-d (a copy only when
/// the summed axes are not already adjacent in memory).
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_shape_vec(&[3, 4, 5], (0..60).map(|x| x as f64).collect()).unwrap();
/// let b = Array::from_shape_vec(&[4, 3, 2], (0..24).map(|x| x as f64).collect()).unwrap();
/// let c = numox::tensordot(&a, &b, ([1, 0], [0, 1])).unwrap();
/// assert_eq!(c.shape(), &[5, 2]);
/// assert_eq!(c[[0, 0]], 4400.0);
/// // axes = 2: the last two axes of `a` against the first two of `b`.
/// let d = numox::tensordot(&array![[1.0, 2.0], [3.0, 4.0]], &array![[1.0, 0.0], [0.0, 1.0]], 2).unwrap();
/// assert_eq!(d.into_scalar(), 5.0);
/// ```
pub fn tensordot<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    axes: impl Into<TensordotAxes>,
) -> Result<Array<T>> {
    let (na, nb) = (a.ndim(), b.ndim());
    let (ax_a, ax_b): (Vec<usize>, Vec<usize>) = match axes.into() {
        TensordotAxes::Count(n) => {
            if n > na || n > nb {
                return Err(Error::invalid(format!(
                    "tensordot: axes = {n} exceeds the dimensions of the operands ({na} and {nb})"
                )));
            }
            ((na - n..na).collect(), (0..n).collect())
        }
        TensordotAxes::Pairs(x, y) => {
            if x.len() != y.len() {
                return Err(Error::invalid(
                    "tensordot: shape-mismatch for sum (axis lists differ in length)",
                ));
            }
            let x = x
                .iter()
                .map(|&i| normalize_axis(i, na))
                .collect::<Result<Vec<_>>>()?;
            let y = y
                .iter()
                .map(|&i| normalize_axis(i, nb))
                .collect::<Result<Vec<_>>>()?;
            (x, y)
        }
    };
    for (&i, &j) in ax_a.iter().zip(&ax_b) {
        if a.shape()[i] != b.shape()[j] {
            return Err(Error::shape_mismatch("tensordot", a.shape(), b.shape()));
        }
    }
    for (list, nd) in [(&ax_a, na), (&ax_b, nb)] {
        let mut seen = vec![false; nd];
        for &i in list.iter() {
            if std::mem::replace(&mut seen[i], true) {
                return Err(Error::invalid("tensordot: repeated axis"));
            }
        }
    }
    let free_a: Vec<usize> = (0..na).filter(|i| !ax_a.contains(i)).collect();
    let free_b: Vec<usize> = (0..nb).filter(|i| !ax_b.contains(i)).collect();
    let m: usize = free_a.iter().map(|&i| a.shape()[i]).product();
    let k: usize = ax_a.iter().map(|&i| a.shape()[i]).product();
    let n: usize = free_b.iter().map(|&i| b.shape()[i]).product();
    let perm_a: Vec<isize> = free_a.iter().chain(&ax_a).map(|&i| i as isize).collect();
    let perm_b: Vec<isize> = ax_b.iter().chain(&free_b).map(|&i| i as isize).collect();
    let at = a.view().permuted_axes(&perm_a)?;
    let bt = b.view().permuted_axes(&perm_b)?;
    let a2 = at.reshape(&[m as isize, k as isize])?;
    let b2 = bt.reshape(&[k as isize, n as isize])?;
    let out = product_2d(&a2.view(), &b2.view())?;
    let shape: Vec<usize> = free_a
        .iter()
        .map(|&i| a.shape()[i])
        .chain(free_b.iter().map(|&i| b.shape()[i]))
        .collect();
    Array::from_shape_vec(&shape, out)
}

/// The C-ordered product of two 2-d views.
pub(crate) fn product_2d<T: Numeric>(a: &ArrayView<'_, T>, b: &ArrayView<'_, T>) -> Result<Vec<T>> {
    let (m, k, n) = (a.shape()[0], a.shape()[1], b.shape()[1]);
    debug_assert_eq!(k, b.shape()[0]);
    crate::array::shape::checked_size(&[m, n])?;
    let mut out = vec![T::zero(); m * n];
    // SAFETY: the views address m x k and k x n elements; out is m x n.
    unsafe {
        gemm(
            out.as_mut_ptr(),
            n as isize,
            1,
            Operand {
                ptr: a.as_ptr(),
                rs: a.strides()[0],
                cs: a.strides()[1],
            },
            Operand {
                ptr: b.as_ptr(),
                rs: b.strides()[0],
                cs: b.strides()[1],
            },
            m,
            k,
            n,
            Par::rayon(0),
        )
    };
    Ok(out)
}

/// NumPy's `inner`: the sum product over the last axes of `a` and `b`; the
/// result has shape `a.shape[:-1] + b.shape[:-1]` (0-d operands multiply).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::inner(&a, &array![1, 1]).unwrap(), array![3, 7]);
/// assert_eq!(numox::inner(&a, &a).unwrap(), array![[5, 11], [11, 25]]);
/// ```
pub fn inner<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<T>> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return a.zip_with(b, |x, y| Numeric::mul(x, y));
    }
    if a.shape()[a.ndim() - 1] != b.shape()[b.ndim() - 1] {
        return Err(Error::shape_mismatch("inner", a.shape(), b.shape()));
    }
    tensordot(a, b, (vec![-1], vec![-1]))
}

/// NumPy's `outer`: `out[i, j] = a.ravel()[i] * b.ravel()[j]`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::outer(&array![1, 2], &array![3, 4, 5]), array![[3, 4, 5], [6, 8, 10]]);
/// ```
pub fn outer<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Array<T> {
    let x = a.to_vec();
    let y = b.to_vec();
    let mut out = Vec::with_capacity(x.len() * y.len());
    for &xi in &x {
        out.extend(y.iter().map(|&yj| Numeric::mul(xi, yj)));
    }
    Array::from_shape_vec(&[x.len(), y.len()], out).expect("sizes agree")
}

/// NumPy's `vdot`: the dot product of the flattened arrays, conjugating the
/// first for complex types.
///
/// ```
/// use numox::prelude::*;
/// let a = array![Complex::new(1.0, 2.0), Complex::new(3.0, 4.0)];
/// let b = array![Complex::new(5.0, 6.0), Complex::new(7.0, 8.0)];
/// assert_eq!(numox::vdot(&a, &b).unwrap(), Complex::new(70.0, -8.0));
/// ```
pub fn vdot<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<T> {
    if a.size() != b.size() {
        return Err(Error::invalid(format!(
            "vdot: cannot reshape array of size {} into shape ({},)",
            b.size(),
            a.size()
        )));
    }
    let x: Vec<T> = a.to_vec().into_iter().map(conj_num).collect();
    let y = b.to_vec();
    let n = x.len();
    let xv = ArrayView::from_shape(&[1, n], &x)?;
    let yv = ArrayView::from_shape(&[n, 1], &y)?;
    Ok(product_2d(&xv, &yv)?[0])
}

/// NumPy's `kron`: the Kronecker product, a block array whose block `i` is
/// `a[i] * b` (the operand with fewer axes gets leading axes of length 1).
///
/// ```
/// use numox::prelude::*;
/// let k = numox::kron(&array![[1, 2], [3, 4]], &array![[0, 1], [1, 0]]).unwrap();
/// assert_eq!(k, array![[0, 1, 0, 2], [1, 0, 2, 0], [0, 3, 0, 4], [3, 0, 4, 0]]);
/// ```
pub fn kron<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<T>> {
    let nd = a.ndim().max(b.ndim());
    let pad = |s: &[usize]| -> Vec<usize> {
        std::iter::repeat_n(1, nd - s.len())
            .chain(s.iter().copied())
            .collect()
    };
    let (sa, sb) = (pad(a.shape()), pad(b.shape()));
    let shape: Vec<usize> = sa.iter().zip(&sb).map(|(x, y)| x * y).collect();
    crate::array::shape::checked_size(&shape)?;
    let av = a.to_owned().into_shape(
        &sa.iter().map(|&d| d as isize).collect::<Vec<_>>(),
        crate::Order::C,
    )?;
    let bv = b.to_owned().into_shape(
        &sb.iter().map(|&d| d as isize).collect::<Vec<_>>(),
        crate::Order::C,
    )?;
    let (ad, bd) = (av.as_slice().expect("C order"), bv.as_slice().expect("C order"));
    // Output index (i_0*b_0 + j_0, ...) holds a[i] * b[j]: walk a's and b's
    // elements and place the products with C strides of the output.
    let ostr = crate::array::shape::strides_for(&shape, crate::Order::C);
    let mut out = vec![T::zero(); shape.iter().product()];
    let mut ia = vec![0usize; nd];
    for &x in ad {
        let base: isize = (0..nd).map(|d| (ia[d] * sb[d]) as isize * ostr[d]).sum();
        let mut ib = vec![0usize; nd];
        for &y in bd {
            let off: isize = base + (0..nd).map(|d| ib[d] as isize * ostr[d]).sum::<isize>();
            out[off as usize] = Numeric::mul(x, y);
            for d in (0..nd).rev() {
                ib[d] += 1;
                if ib[d] < sb[d] {
                    break;
                }
                ib[d] = 0;
            }
        }
        for d in (0..nd).rev() {
            ia[d] += 1;
            if ia[d] < sa[d] {
                break;
            }
            ia[d] = 0;
        }
    }
    Array::from_shape_vec(&shape, out)
}

/// Moves `axis` of `a` to the end (a view).
fn axis_last<'a, T, S: Data<Elem = T>>(a: &'a ArrayBase<S>, axis: isize) -> Result<ArrayView<'a, T>> {
    let nd = a.ndim();
    let ax = normalize_axis(axis, nd)?;
    let perm: Vec<isize> = (0..nd)
        .filter(|&i| i != ax)
        .chain([ax])
        .map(|i| i as isize)
        .collect();
    a.view().permuted_axes(&perm)
}

/// NumPy's `vecdot` (also `linalg.vecdot`): the dot product of vectors along
/// `axis`, conjugating `x1` for complex types; the other axes broadcast.
///
/// ```
/// use numox::prelude::*;
/// let v = array![[0.0, 5.0, 0.0], [0.0, 0.0, 10.0], [0.0, 6.0, 8.0]];
/// let n = array![0.0, 0.6, 0.8];
/// assert_eq!(numox::vecdot(&v, &n, -1).unwrap(), array![3.0, 8.0, 10.0]);
/// ```
pub fn vecdot<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    x1: &ArrayBase<S1>,
    x2: &ArrayBase<S2>,
    axis: isize,
) -> Result<Array<T>> {
    let a = axis_last(x1, axis)?;
    let b = axis_last(x2, axis)?;
    let na = a.shape()[a.ndim() - 1];
    if na != b.shape()[b.ndim() - 1] {
        return Err(Error::shape_mismatch("vecdot", x1.shape(), x2.shape()));
    }
    let ac = a.map(|&x| conj_num(x));
    let sa = Stack::vectors(&ac, "vecdot", false)?;
    let sb = Stack::vectors(&b, "vecdot", true)?;
    let (out, batch) = stacked_matmul("vecdot", &sa, &sb)?;
    Array::from_shape_vec(&batch, out)
}

/// NumPy's `matvec`: the matrix-vector product of stacks,
/// `(..., m, n) x (..., n) -> (..., m)`, batches broadcasting.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[0.0, 1.0], [1.0, 0.0]];
/// let v = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(numox::matvec(&a, &v).unwrap(), array![[2.0, 1.0], [4.0, 3.0]]);
/// ```
pub fn matvec<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    x1: &ArrayBase<S1>,
    x2: &ArrayBase<S2>,
) -> Result<Array<T>> {
    let sa = Stack::new(x1, "matvec")?;
    let sb = Stack::vectors(x2, "matvec", true)?;
    let (out, batch) = stacked_matmul("matvec", &sa, &sb)?;
    Array::from_shape_vec(&out_shape(&batch, &[sa.m]), out)
}

/// NumPy's `vecmat`: the vector-matrix product of stacks,
/// `(..., n) x (..., n, m) -> (..., m)`, conjugating the vector for complex
/// types, batches broadcasting.
///
/// ```
/// use numox::prelude::*;
/// let v = array![1.0, 2.0];
/// let a = array![[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]];
/// assert_eq!(numox::vecmat(&v, &a).unwrap(), array![1.0, 2.0, 3.0]);
/// ```
pub fn vecmat<T: Numeric, S1: Data<Elem = T>, S2: Data<Elem = T>>(
    x1: &ArrayBase<S1>,
    x2: &ArrayBase<S2>,
) -> Result<Array<T>> {
    let vc = x1.map(|&x| conj_num(x));
    let sa = Stack::vectors(&vc, "vecmat", false)?;
    let sb = Stack::new(x2, "vecmat")?;
    let (out, batch) = stacked_matmul("vecmat", &sa, &sb)?;
    Array::from_shape_vec(&out_shape(&batch, &[sb.n]), out)
}

/// NumPy's `linalg.multi_dot`: the product of a chain of 2-d arrays (the
/// first may be 1-d, a row vector; the last may be 1-d, a column vector),
/// multiplied in the order that needs the fewest scalar multiplications
/// (the classic matrix-chain dynamic programme, as NumPy).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::multi_dot;
/// let a = Array::<f64>::ones(&[10, 100]);
/// let b = Array::<f64>::ones(&[100, 5]);
/// let c = Array::<f64>::ones(&[5, 50]);
/// let r = multi_dot(&[a.view(), b.view(), c.view()]).unwrap();
/// assert_eq!(r.shape(), &[10, 50]);
/// assert_eq!(r[[0, 0]], 500.0);
/// ```
pub fn multi_dot<T: Numeric>(arrays: &[ArrayView<'_, T>]) -> Result<Array<T>> {
    let n = arrays.len();
    if n < 2 {
        return Err(Error::invalid("multi_dot: Expecting at least two arrays."));
    }
    if n == 2 {
        return dot(&arrays[0], &arrays[1]);
    }
    let (first1d, last1d) = (arrays[0].ndim() == 1, arrays[n - 1].ndim() == 1);
    let mut mats: Vec<ArrayView<'_, T>> = arrays.to_vec();
    if first1d {
        mats[0] = mats[0].clone().insert_axis(0)?;
    }
    if last1d {
        mats[n - 1] = mats[n - 1].clone().insert_axis(1)?;
    }
    for (i, m) in mats.iter().enumerate() {
        if m.ndim() != 2 {
            return Err(Error::invalid(format!(
                "multi_dot: {}-dimensional array given (operand {i}). Array must be two-dimensional",
                m.ndim()
            )));
        }
    }
    for i in 0..n - 1 {
        if mats[i].shape()[1] != mats[i + 1].shape()[0] {
            return Err(Error::shape_mismatch(
                "multi_dot",
                mats[i].shape(),
                mats[i + 1].shape(),
            ));
        }
    }
    let p: Vec<f64> = mats
        .iter()
        .map(|m| m.shape()[0] as f64)
        .chain([mats[n - 1].shape()[1] as f64])
        .collect();
    // cost[i][j], split[i][j] for the sub-chain i..=j (NumPy's tie-breaking: first minimum).
    let mut cost = vec![vec![0.0f64; n]; n];
    let mut split = vec![vec![0usize; n]; n];
    for l in 1..n {
        for i in 0..n - l {
            let j = i + l;
            cost[i][j] = f64::INFINITY;
            for k in i..j {
                let q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1];
                if q < cost[i][j] {
                    cost[i][j] = q;
                    split[i][j] = k;
                }
            }
        }
    }
    fn chain<T: Numeric>(
        m: &[ArrayView<'_, T>],
        split: &[Vec<usize>],
        i: usize,
        j: usize,
    ) -> Result<Array<T>> {
        if i == j {
            return Ok(m[i].to_owned());
        }
        let k = split[i][j];
        let l = if k == i {
            None
        } else {
            Some(chain(m, split, i, k)?)
        };
        let r = if k + 1 == j {
            None
        } else {
            Some(chain(m, split, k + 1, j)?)
        };
        let lv = match &l {
            Some(x) => x.view(),
            None => m[i].view(),
        };
        let rv = match &r {
            Some(x) => x.view(),
            None => m[j].view(),
        };
        let out = product_2d(&lv, &rv)?;
        Array::from_shape_vec(&[lv.shape()[0], rv.shape()[1]], out)
    }
    let r = chain(&mats, &split, 0, n - 1)?;
    match (first1d, last1d) {
        (true, true) => Ok(Array::from_elem0(r[[0, 0]])),
        (true, false) | (false, true) => {
            let len = r.size();
            Array::from_shape_vec(&[len], r.into_vec())
        }
        (false, false) => Ok(r),
    }
}

/// NumPy's `linalg.matrix_power`: `a` (a square matrix or a stack) raised
/// to the integer power `n` by repeated squaring; `n = 0` gives identities
/// and negative `n` powers of the inverse (for the float and complex types;
/// integer matrices with negative `n` are an error, since their inverse is
/// not an integer matrix).
///
/// ```
/// use numox::prelude::*;
/// use numox::linalg::matrix_power;
/// let q = array![[0, 1], [-1, 0]];
/// assert_eq!(matrix_power(&q, 2).unwrap(), array![[-1, 0], [0, -1]]);
/// assert_eq!(matrix_power(&q, 0).unwrap(), array![[1, 0], [0, 1]]);
/// let f = array![[2.0, 0.0], [0.0, 4.0]];
/// assert_eq!(matrix_power(&f, -2).unwrap(), array![[0.25, 0.0], [0.0, 0.0625]]);
/// ```
pub fn matrix_power<T: Numeric, S: Data<Elem = T>>(a: &ArrayBase<S>, n: i64) -> Result<Array<T>> {
    let st = Stack::new(a, "matrix_power")?.square("matrix_power")?;
    if n == 0 {
        let m = st.m;
        let out = run1(st.count(), m * m, false, |_, s: &mut [T]| {
            for i in 0..m {
                s[i * m + i] = T::one();
            }
            Ok(())
        })?;
        return Array::from_shape_vec(a.shape(), out);
    }
    let base: Array<T> = if n < 0 { inverse_any(a)? } else { a.to_owned() };
    let mut e = n.unsigned_abs();
    if e == 1 {
        return Ok(base);
    }
    let mm = |x: &Array<T>, y: &Array<T>| matmul(x, y);
    if e == 2 {
        return mm(&base, &base);
    }
    if e == 3 {
        return mm(&mm(&base, &base)?, &base);
    }
    let mut z: Option<Array<T>> = None;
    let mut result: Option<Array<T>> = None;
    while e > 0 {
        z = Some(match z {
            None => base.clone(),
            Some(z) => mm(&z, &z)?,
        });
        let bit = e & 1;
        e >>= 1;
        if bit == 1 {
            let zz = z.as_ref().expect("set above");
            result = Some(match result {
                None => zz.clone(),
                Some(r) => mm(&r, zz)?,
            });
        }
    }
    Ok(result.expect("n > 0 sets a bit"))
}

/// `inv` for the four float/complex types, an error for the others.
fn inverse_any<T: Numeric, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T>> {
    macro_rules! try_type {
        ($t:ty) => {
            if is::<T, $t>() {
                // SAFETY: T is $t (TypeId), so the view and the result reinterpret as identities.
                let v: ArrayView<'_, $t> = unsafe { std::mem::transmute(a.view()) };
                let r: Array<$t> = super::solve::inv(&v)?;
                // SAFETY: as above, Array<$t> is Array<T>.
                return Ok(unsafe { std::mem::transmute::<Array<$t>, Array<T>>(r) });
            }
        };
    }
    try_type!(f64);
    try_type!(f32);
    try_type!(Complex64);
    try_type!(Complex32);
    Err(Error::invalid(format!(
        "matrix_power: negative powers need a float or complex matrix (got {}); convert with astype",
        T::DTYPE
    )))
}

/// NumPy's `linalg.trace`: the sum along the diagonals of the last two axes
/// (`offset` above the main diagonal when positive, below when negative),
/// accumulated in the sum type (`i64`/`u64` for integers, as NumPy).
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_shape_vec(&[2, 2, 3], (0..12).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(numox::linalg::trace(&a, 0).unwrap(), array![4i64, 16]);
/// assert_eq!(numox::linalg::trace(&a, 1).unwrap(), array![6i64, 18]);
/// ```
pub fn trace<T: Numeric, S: Data<Elem = T>>(a: &ArrayBase<S>, offset: isize) -> Result<Array<T::Sum>> {
    let st = Stack::new(a, "trace")?;
    let (r0, c0) = if offset >= 0 {
        (0usize, offset as usize)
    } else {
        ((-offset) as usize, 0usize)
    };
    let len = if r0 >= st.m || c0 >= st.n {
        0
    } else {
        (st.m - r0).min(st.n - c0)
    };
    let out = run1(st.count(), 1, false, |k, s: &mut [T::Sum]| {
        let mut acc = <T::Sum as num_traits::Zero>::zero();
        for i in 0..len {
            acc = Numeric::add(acc, st.get(k, r0 + i, c0 + i).to_sum());
        }
        s[0] = acc;
        Ok(())
    })?;
    Array::from_shape_vec(&st.batch, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn naive(a: &Array<f64>, b: &Array<f64>) -> Array<f64> {
        let (m, k, n) = (a.shape()[0], a.shape()[1], b.shape()[1]);
        Array::from_shape_fn(&[m, n], |ix| (0..k).map(|p| a[[ix[0], p]] * b[[p, ix[1]]]).sum()).unwrap()
    }

    #[test]
    fn banded_products_match_the_sequential_one() {
        // Above SPLIT_MIN, cut by rows (m >= n) and by columns (m < n), on 2
        // and 3 threads, against faer's sequential product of the same operands
        // (the bands are the same kernel on fewer rows: agreement to rounding).
        for &(m, k, n) in &[(700usize, 300usize, 680usize), (300, 700, 690)] {
            assert!(m * n * k >= SPLIT_MIN);
            let a = Array::from_shape_fn(&[m, k], |ix| ((ix[0] * 7 + ix[1] * 13) % 17) as f64 - 8.0).unwrap();
            let b = Array::from_shape_fn(&[k, n], |ix| ((ix[0] * 5 + ix[1] * 3) % 11) as f64 / 11.0).unwrap();
            let mut seq = vec![0.0; m * n];
            // SAFETY: a, b and seq are C-ordered m x k, k x n and m x n.
            unsafe {
                gemm(
                    seq.as_mut_ptr(),
                    n as isize,
                    1,
                    Operand {
                        ptr: a.as_ptr(),
                        rs: k as isize,
                        cs: 1,
                    },
                    Operand {
                        ptr: b.as_ptr(),
                        rs: n as isize,
                        cs: 1,
                    },
                    m,
                    k,
                    n,
                    Par::Seq,
                )
            };
            for threads in [2, 3] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let got = pool.install(|| product_2d(&a.view(), &b.view()).unwrap());
                for (g, w) in got.iter().zip(&seq) {
                    assert!(
                        (g - w).abs() <= 1e-12 * (1.0 + w.abs()),
                        "{m}x{k}x{n} on {threads}: {g} vs {w}"
                    );
                }
            }
            // and one entry against the definition
            let c00: f64 = (0..k).map(|p| a[[0, p]] * b[[p, 0]]).sum();
            assert!((seq[0] - c00).abs() <= 1e-9 * (1.0 + c00.abs()));
        }
    }

    #[test]
    fn matmul_matches_naive_on_strided_views() {
        let a = Array::from_shape_vec(&[13, 17], (0..221).map(|x| (x % 7) as f64 - 3.0).collect()).unwrap();
        let b = Array::from_shape_vec(&[17, 11], (0..187).map(|x| (x % 5) as f64 - 2.0).collect()).unwrap();
        assert_eq!(matmul(&a, &b).unwrap(), naive(&a, &b));
        let at = a.t().to_owned();
        assert_eq!(matmul(&at.t(), &b).unwrap(), naive(&a, &b));
        let rev = a.slice(s![..;-1, ..]);
        assert_eq!(matmul(&rev, &b).unwrap(), naive(&rev.to_owned(), &b));
    }

    #[test]
    fn stacked_and_broadcast_matmul() {
        let a = Array::from_shape_vec(&[4, 3, 2], (0..24).map(|x| x as f64).collect()).unwrap();
        let b = Array::from_shape_vec(&[2, 5], (0..10).map(|x| x as f64).collect()).unwrap();
        let c = matmul(&a, &b).unwrap();
        assert_eq!(c.shape(), &[4, 3, 5]);
        for i in 0..4 {
            let ai = a.index_axis(0, i).unwrap().to_owned();
            assert_eq!(c.index_axis(0, i).unwrap().to_owned(), naive(&ai, &b));
        }
        // Broadcast batch (2,1) x (3,) and non-mergeable layout.
        let x = Array::from_shape_vec(&[2, 1, 2, 2], (0..8).collect::<Vec<i64>>()).unwrap();
        let y = Array::from_shape_vec(&[3, 2, 2], (0..12).collect::<Vec<i64>>()).unwrap();
        let z = matmul(&x, &y).unwrap();
        assert_eq!(z.shape(), &[2, 3, 2, 2]);
        assert_eq!(z[[1, 2, 1, 1]], 6 * 9 + 7 * 11);
        assert!(matmul(&array![1.0, 2.0], &array![1.0]).is_err());
        assert!(matmul(&Array::from_elem0(1.0), &array![1.0]).is_err());
        assert_eq!(matmul(&array![1, 2], &array![3, 4]).unwrap().into_scalar(), 11);
    }

    #[test]
    fn integer_and_complex_products() {
        let a = array![[1i32, 2], [3, 4]];
        assert_eq!(matmul(&a, &a).unwrap(), array![[7, 10], [15, 22]]);
        let big = Array::from_shape_fn(&[9, 9], |ix| Complex64::new(ix[0] as f64, ix[1] as f64)).unwrap();
        let c = matmul(&big, &big).unwrap();
        let want: Complex64 = (0..9).map(|p| big[[2, p]] * big[[p, 3]]).sum();
        assert_eq!(c[[2, 3]], want);
        assert_eq!(vdot(&array![1u8, 2], &array![3u8, 4]).unwrap(), 11);
        assert!(vdot(&array![1, 2], &array![1]).is_err());
    }

    #[test]
    fn chain_order_and_powers() {
        let a = Array::from_shape_fn(&[3, 4], |ix| (ix[0] + ix[1]) as f64).unwrap();
        let b = Array::from_shape_fn(&[4, 2], |ix| (ix[0] * ix[1]) as f64).unwrap();
        let c = Array::from_shape_fn(&[2, 5], |ix| (ix[0] + 2 * ix[1]) as f64).unwrap();
        let d = Array::from_shape_fn(&[5, 1], |ix| ix[0] as f64).unwrap();
        let want = matmul(&matmul(&matmul(&a, &b).unwrap(), &c).unwrap(), &d).unwrap();
        let got = multi_dot(&[a.view(), b.view(), c.view(), d.view()]).unwrap();
        assert_eq!(got, want);
        let v = multi_dot(&[
            array![1.0, 1.0, 1.0].view(),
            a.view(),
            b.view(),
            array![1.0, 0.0].view(),
        ])
        .unwrap();
        assert_eq!(v.ndim(), 0);
        let m = array![[1i64, 1], [1, 0]];
        assert_eq!(matrix_power(&m, 10).unwrap()[[0, 1]], 55);
        assert!(matrix_power(&m, -1).is_err());
        assert!(matrix_power(&array![[1.0, 2.0]], 2).is_err());
        assert_eq!(
            trace(&array![[1.0, 2.0], [3.0, 4.0]], -1).unwrap().into_scalar(),
            3.0
        );
        assert_eq!(
            trace(&array![[1.0, 2.0], [3.0, 4.0]], 5).unwrap().into_scalar(),
            0.0
        );
    }

    #[test]
    fn merged_row_strides() {
        assert_eq!(merged_row_stride(&[4], &[6], 3, 2), Some(2));
        assert_eq!(merged_row_stride(&[4], &[7], 3, 2), None);
        assert_eq!(merged_row_stride(&[1, 4], &[0, 6], 3, 2), Some(2));
    }
}
