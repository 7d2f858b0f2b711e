//! The slice engine behind the unary functions of [`umath`](super).
//!
//! A unary function is a *slice kernel* `k(x, out)` that fills `out[i]`
//! from `x[i]` for every `i` (both slices have the same length). The engine:
//!
//! * gives the kernel C-ordered input (a non-contiguous input is copied
//!   first), so every element goes through the same kernel whatever the
//!   layout of its array: results never depend on strides;
//! * cuts inputs of [`PAR_THRESHOLD`] elements and more into fixed chunks
//!   of [`CHUNK`] elements that rayon processes in parallel; each element is
//!   a function of its own input only, so results never depend on the thread
//!   count either;
//! * writes a fresh output first from the thread that computes it.
//!
//! [`simd_map`] runs a scalar closure over slices in a loop compiled three
//! times (AVX-512, AVX2+FMA, baseline) and picks the best at run time, so
//! branch-free closures (rounding, `abs`, `sqrt`, classification, the
//! polynomial kernels of [`simd`](super::simd)) are vectorised to the
//! machine's widest registers without `target-cpu=native`.

use crate::array::{Array, ArrayBase, Data, DataMut};
use crate::error::{Error, Result};
use crate::ufunc::kernel::{CHUNK, PAR_THRESHOLD};
use crate::umath::traits::ToFloat;
use std::mem::MaybeUninit;

/// The scalar loop every kernel variant compiles.
#[inline(always)]
fn zip_map<A: Copy, C, F: Fn(A) -> C>(x: &[A], out: &mut [MaybeUninit<C>], f: &F) {
    for (o, &v) in out.iter_mut().zip(x) {
        o.write(f(v));
    }
}

/// `zip_map` compiled for AVX-512 (F, DQ, VL, BW) with FMA.
///
/// # Safety
/// The CPU must support those features.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw,avx2,fma,bmi2")]
unsafe fn zip_map_avx512<A: Copy, C, F: Fn(A) -> C>(x: &[A], out: &mut [MaybeUninit<C>], f: &F) {
    zip_map(x, out, f)
}

/// `zip_map` compiled for AVX2 with FMA.
///
/// # Safety
/// The CPU must support those features.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma,bmi2")]
unsafe fn zip_map_avx2<A: Copy, C, F: Fn(A) -> C>(x: &[A], out: &mut [MaybeUninit<C>], f: &F) {
    zip_map(x, out, f)
}

/// The instruction set chosen at run time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Isa {
    /// AVX-512 F/DQ/VL/BW with FMA.
    Avx512,
    /// AVX2 with FMA.
    Avx2,
    /// Whatever the compile target guarantees.
    Base,
}

/// The best instruction set of this CPU (detected once, then cached by std).
#[inline]
pub(crate) fn isa() -> Isa {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512dq")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("fma")
            && std::arch::is_x86_feature_detected!("bmi2")
        {
            return Isa::Avx512;
        }
        if std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("fma")
            && std::arch::is_x86_feature_detected!("bmi2")
        {
            return Isa::Avx2;
        }
    }
    Isa::Base
}

/// Fills `out[i] = f(x[i])` with the widest vector code the CPU supports.
/// `f` should be branch-free (selects instead of `if`) to vectorise; every
/// variant computes the same IEEE operations (`mul_add` is always fused), so
/// the results do not depend on the CPU.
#[inline]
pub(crate) fn simd_map<A: Copy, C, F: Fn(A) -> C>(x: &[A], out: &mut [MaybeUninit<C>], f: F) {
    match isa() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX-512 F/DQ/VL/BW, FMA and BMI2.
        Isa::Avx512 => unsafe { zip_map_avx512(x, out, &f) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `isa()` detected AVX2, FMA and BMI2.
        Isa::Avx2 => unsafe { zip_map_avx2(x, out, &f) },
        _ => zip_map(x, out, &f),
    }
}

/// Runs `k` over `x` into `out` (same length), in parallel chunks when large.
fn run_chunks<A, C, K>(x: &[A], out: &mut [MaybeUninit<C>], k: &K)
where
    A: Sync,
    C: Send,
    K: Fn(&[A], &mut [MaybeUninit<C>]) + Sync,
{
    debug_assert_eq!(x.len(), out.len());
    if x.len() >= PAR_THRESHOLD {
        crate::parallel::for_each_chunk_mut(out, CHUNK, &|i, o| k(&x[i * CHUNK..i * CHUNK + o.len()], o));
    } else {
        k(x, out);
    }
}

/// Applies the slice kernel `k` to every element of `a` into a new C-ordered
/// array. `k` must write every element of the output slice it is given.
pub(crate) fn unary<A, C, S, K>(a: &ArrayBase<S>, k: K) -> Array<C>
where
    S: Data<Elem = A>,
    A: Copy + Send + Sync,
    C: Copy + Send + Sync,
    K: Fn(&[A], &mut [MaybeUninit<C>]) + Sync,
{
    let owned;
    let x: &[A] = match a.as_slice() {
        Some(s) => s,
        None => {
            owned = a.to_owned();
            owned
                .as_slice()
                .unwrap_or_else(|| unreachable!("to_owned is C-ordered"))
        }
    };
    let n = x.len();
    let mut v: Vec<C> = crate::array::copy::try_vec(n, a.shape())
        .unwrap_or_else(|e| unreachable!("an existing array's size is allocatable: {e}"));
    run_chunks(x, &mut v.spare_capacity_mut()[..n], &k);
    // SAFETY: every kernel of this module writes all `n` slots it is given
    // (they are `zip` loops over equal-length slices), and the chunks cover
    // `0..n`, so the first `n` elements are initialised.
    unsafe {
        v.set_len(n);
    }
    Array::from_shape_vec(a.shape(), v).unwrap_or_else(|e| unreachable!("shape and length agree: {e}"))
}

/// Applies `k` to `a` broadcast to `out`'s shape, writing into `out`
/// (NumPy's `out=`). `op` names the function in the shape error.
pub(crate) fn unary_into<A, C, S, SO, K>(
    op: &'static str,
    a: &ArrayBase<S>,
    out: &mut ArrayBase<SO>,
    k: K,
) -> Result<()>
where
    S: Data<Elem = A>,
    SO: DataMut<Elem = C>,
    A: Copy + Send + Sync,
    C: Copy + Send + Sync,
    K: Fn(&[A], &mut [MaybeUninit<C>]) + Sync,
{
    let av = a
        .broadcast(out.shape())
        .map_err(|_| Error::shape_mismatch(op, a.shape(), out.shape()))?;
    if let (Some(x), true) = (av.as_slice(), out.is_c_contiguous()) {
        let o = out
            .as_slice_mut()
            .unwrap_or_else(|| unreachable!("checked C-contiguous"));
        // SAFETY: `MaybeUninit<C>` has `C`'s layout, and the kernels only
        // write initialised values through the slice, so `o` stays valid.
        let o = unsafe { &mut *(o as *mut [C] as *mut [MaybeUninit<C>]) };
        run_chunks(x, o, &k);
        return Ok(());
    }
    let r = unary(&av, k);
    out.assign(&r)
}

/// Applies `k` in place to every element of `a`.
pub(crate) fn unary_inplace<A, SO, K>(a: &mut ArrayBase<SO>, k: K)
where
    SO: DataMut<Elem = A>,
    A: Copy + Send + Sync,
    K: Fn(&[A], &mut [MaybeUninit<A>]) + Sync,
{
    const BUF: usize = 256;
    let step = |s: &mut [A]| {
        let mut buf = [MaybeUninit::<A>::uninit(); BUF];
        for c in s.chunks_mut(BUF) {
            let b = &mut buf[..c.len()];
            k(c, b);
            for (d, v) in c.iter_mut().zip(b.iter()) {
                // SAFETY: `k` wrote every slot of `b`.
                *d = unsafe { v.assume_init() };
            }
        }
    };
    if let Some(s) = a.as_slice_memory_order_mut() {
        if s.len() >= PAR_THRESHOLD {
            crate::parallel::for_each_chunk_mut(s, CHUNK, &|_, c| step(c));
        } else {
            step(s);
        }
        return;
    }
    let r = unary(&a.view(), k);
    a.assign(&r).unwrap_or_else(|e| unreachable!("same shape: {e}"));
}

/// The kernel `k` of a float function, run on elements of type `A`
/// ([`ToFloat`]): for floats and complex numbers `k` itself (the slice is
/// passed through, no copy); for integers and `bool` each block of 256
/// elements is converted into a stack buffer of `A::Float` (cache-resident)
/// and `k` maps the buffer into the output, so integer input costs one
/// conversion pass over cached data and no extra allocation.
///
/// `k` is a function pointer, not a closure type, so that every float
/// function shares one instance of the engine per element type: with a
/// closure each (function, element type) pair compiled its own copy of
/// [`unary`] and [`unary_into`] (about 600 with the integer types). The
/// indirect call is made once per slice of up to [`CHUNK`] elements.
#[inline]
pub(crate) fn float_kernel<A, C>(
    k: fn(&[A::Float], &mut [MaybeUninit<C>]),
) -> impl Fn(&[A], &mut [MaybeUninit<C>]) + Sync + Copy
where
    A: ToFloat,
{
    move |x: &[A], o: &mut [MaybeUninit<C>]| {
        if let Some(f) = A::as_float_slice(x) {
            return k(f, o);
        }
        const BUF: usize = 256;
        let mut buf = [MaybeUninit::<A::Float>::uninit(); BUF];
        for (xc, oc) in x.chunks(BUF).zip(o.chunks_mut(BUF)) {
            let b = &mut buf[..xc.len()];
            for (d, &v) in b.iter_mut().zip(xc) {
                d.write(v.to_float());
            }
            // SAFETY: the loop above initialised every slot of `b`, and
            // `MaybeUninit<T>` has `T`'s layout.
            let b = unsafe { &*(b as *const [MaybeUninit<A::Float>] as *const [A::Float]) };
            k(b, oc);
        }
    }
}

/// The kernel of an elementwise scalar function `f`, vectorised by [`simd_map`].
pub(crate) fn kern<A: Copy, C, F: Fn(A) -> C + Copy>(f: F) -> impl Fn(&[A], &mut [MaybeUninit<C>]) + Copy {
    move |x, o| simd_map(x, o, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::s;

    #[test]
    fn every_layout_and_size_gives_the_same_values() {
        let n = PAR_THRESHOLD + 3 * CHUNK + 17;
        let a = Array::from_shape_vec(&[n], (0..n).map(|i| i as f64 * 0.001).collect()).unwrap();
        let f = kern(|v: f64| v * 2.0 + 1.0);
        let r = unary(&a, f);
        assert!(r.iter().zip(a.iter()).all(|(r, a)| *r == a * 2.0 + 1.0));
        let rev = a.slice(s![..;-1]);
        let r2 = unary(&rev, f);
        assert!(r2.iter().zip(rev.iter()).all(|(r, a)| *r == a * 2.0 + 1.0));
        let mut b = a.clone();
        unary_inplace(&mut b, f);
        assert_eq!(b, r);
        let mut c = Array::<f64>::zeros(&[2, n]);
        unary_into("t", &a, &mut c, f).unwrap();
        assert_eq!(c.index_axis(0, 1).unwrap().to_owned(), r);
        let mut ct = Array::<f64>::zeros(&[n, 2]);
        assert!(unary_into("t", &a, &mut ct, f).is_err());
        let mut ft = Array::<f64>::zeros(&[2, n]);
        let mut v = ft.slice_mut(s![..;-1, ..]);
        unary_into("t", &a, &mut v, f).unwrap();
        assert_eq!(ft.index_axis(0, 0).unwrap().to_owned(), r);
        // strided in-place
        let mut d = Array::<f64>::zeros(&[4, 4]);
        let mut col = d.slice_mut(s![.., 1]);
        unary_inplace(&mut col, f);
        assert_eq!(d.iter().sum::<f64>(), 4.0);
    }
}
