//! Transforms of real data: `rfft`, `irfft`, `rfft2`, `irfft2`, `rfftn`, `irfftn`.

use super::complex::{Buf, c2c_step, fusable, src_of};
use super::engine;
use super::{FftInput, Norm, RealFftInput, axis_and_len, cook_nd};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use num_complex::Complex;

/// The real-to-complex pass of `rfft`/`rfftn`/`ihfft` (norm factor given).
pub(super) fn r2c<A, S>(
    a: &ArrayBase<S>,
    axis: usize,
    n: usize,
    fct: A::Real,
) -> Result<Buf<Complex<A::Real>>>
where
    A: RealFftInput,
    S: Data<Elem = A>,
{
    let (shape, data) = engine::r2c_new(&src_of(a), A::to_real, axis, n, fct)?;
    Ok(Buf::new(shape, data))
}

/// The complex-to-real pass of `irfft`/`irfftn`/`hfft`, from the input
/// (converted by `conv`) or from an intermediate buffer.
pub(super) fn c2r<A, S, C>(
    a: &ArrayBase<S>,
    cur: Option<Buf<Complex<A::Real>>>,
    conv: C,
    axis: usize,
    n: usize,
    fct: A::Real,
) -> Result<Array<A::Real>>
where
    A: FftInput,
    S: Data<Elem = A>,
    C: Fn(Complex<A::Real>) -> Complex<A::Real> + Sync,
{
    let (shape, data) = match cur {
        None => engine::c2r_new(&src_of(a), |x: A| conv(x.to_complex()), axis, n, fct)?,
        Some(b) => engine::c2r_new(&b.src(), conv, axis, n, fct)?,
    };
    Array::from_shape_vec(&shape, data)
}

/// The 1-D transform of real input along the last axis (`np.fft.rfft(a)`):
/// the `n/2 + 1` non-negative frequency terms of [`fft`](super::fft) (the
/// others are their complex conjugates).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::rfft(&array![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(y, array![Complex::new(10.0, 0.0), Complex::new(-2.0, 2.0), Complex::new(-2.0, 0.0)]);
/// ```
///
/// # Errors
/// A 0-d array or an empty last axis.
pub fn rfft<A: RealFftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    rfft_with(a, None, -1, Norm::Backward)
}

/// [`rfft`] with the input length `n` (crop or zero-pad), `axis` and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::rfft_with(&array![1.0f32, 1.0], Some(5), 0, Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[3]);                  // 5 / 2 + 1
/// assert_eq!(y[[0]], Complex::new(2.0f32, 0.0)); // f32 in, Complex<f32> out
/// ```
///
/// # Errors
/// `n == 0` (or the default length 0), `axis` out of range.
pub fn rfft_with<A: RealFftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    let (ax, n) = axis_and_len(a.shape(), n, axis, false)?;
    r2c(a, ax, n, norm.factor(n, true))?.into_array()
}

/// The inverse of [`rfft`] (`np.fft.irfft(a)`): `2 * (m - 1)` real values
/// from `m` non-negative frequency terms. The imaginary parts of the zero
/// (and, for even lengths, the Nyquist) term are ignored, as in NumPy.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = array![1.0f64, 2.0, 3.0, 4.0];
/// let back = fft::irfft(&fft::rfft(&x).unwrap()).unwrap();
/// assert!(back.iter().zip(x.iter()).all(|(a, b)| (a - b).abs() < 1e-15));
/// ```
///
/// # Errors
/// A 0-d array, or a last axis of length below 2 (no default output length).
pub fn irfft<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<A::Real>> {
    irfft_with(a, None, -1, Norm::Backward)
}

/// [`irfft`] with the output length `n` (odd lengths need it: the default
/// is even), `axis` and `norm`. The input is cropped or zero-padded to
/// `n/2 + 1` terms.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let x = array![1.0f64, 2.0, 3.0, 4.0, 5.0];
/// let back = fft::irfft_with(&fft::rfft(&x).unwrap(), Some(5), -1, Norm::Backward).unwrap();
/// assert!((back[[4]] - 5.0).abs() < 1e-14);
/// ```
///
/// # Errors
/// `n == 0` (or a default length below 1), `axis` out of range.
pub fn irfft_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real>> {
    let (ax, n) = axis_and_len(a.shape(), n, axis, true)?;
    c2r(a, None, |x| x, ax, n, norm.factor(n, false))
}

fn rfft_nd<A, S>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    op: &str,
) -> Result<Array<Complex<A::Real>>>
where
    A: RealFftInput,
    S: Data<Elem = A>,
{
    let (lens, axes) = cook_nd(a.shape(), s, axes, false, op)?;
    let last = axes
        .len()
        .checked_sub(1)
        .ok_or_else(|| crate::Error::invalid(format!("{op}: at least one axis is required")))?;
    let nd = a.ndim();
    let mut todo = last;
    let mut cur = if last >= 1 && lens[last - 1] == a.shape()[nd - 2] && {
        let bytes = a.shape()[nd - 2] * (lens[last] / 2 + 1) * std::mem::size_of::<Complex<A::Real>>();
        fusable(a.shape(), &axes, last, last - 1, bytes)
    } {
        // The last two axes, slab by slab (each slab stays in cache).
        let (n1, n2) = (lens[last], lens[last - 1]);
        let (f1, f2) = (norm.factor::<A::Real>(n1, true), norm.factor::<A::Real>(n2, true));
        let mut out_shape = crate::array::Shape::from_slice(a.shape());
        out_shape[nd - 1] = n1 / 2 + 1;
        let conv = A::to_real;
        let (shape, data) = engine::fused_last_two(
            &src_of(a),
            out_shape,
            |s, d, slab| {
                // SAFETY: `d` is the slab's destination, of shape `slab`.
                unsafe { engine::r2c_into(s, &conv, 1, n1, f1, d, slab, false) }
            },
            false,
            f2,
        )?;
        todo -= 1;
        Buf::new(shape, data)
    } else {
        r2c(a, axes[last], lens[last], norm.factor(lens[last], true))?
    };
    for i in (0..todo).rev() {
        cur = c2c_step(a, Some(cur), axes[i], lens[i], false, norm)?;
    }
    cur.into_array()
}

fn irfft_nd<A, S>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    op: &str,
) -> Result<Array<A::Real>>
where
    A: FftInput,
    S: Data<Elem = A>,
{
    let (lens, axes) = cook_nd(a.shape(), s, axes, true, op)?;
    let last = axes.len() - 1; // cook_nd rejects an empty axis list when invreal
    let nd = a.ndim();
    // Whether the last complex pass and the real pass run slab by slab.
    let fuse = last >= 1 && fusable(a.shape(), &axes, last, last - 1, 0);
    let mut cur = None;
    for i in 0..(if fuse { last - 1 } else { last }) {
        cur = Some(c2c_step(a, cur, axes[i], lens[i], true, norm)?);
    }
    if fuse {
        let (n, nb) = (lens[last], lens[last - 1]);
        let m = cur.as_ref().map_or(a.shape()[nd - 1], |b| b.shape[nd - 1]);
        if nb * m.max(n) * std::mem::size_of::<Complex<A::Real>>() <= engine::SLAB_MAX_BYTES {
            let (fb, fnn) = (
                norm.factor::<A::Real>(nb, false),
                norm.factor::<A::Real>(n, false),
            );
            let (shape, data) = match &cur {
                None => engine::fused_c2r_last_two(&src_of(a), &|x: A| x.to_complex(), nb, fb, n, fnn)?,
                Some(b) => engine::fused_c2r_last_two(&b.src(), &|x| x, nb, fb, n, fnn)?,
            };
            return Array::from_shape_vec(&shape, data);
        }
        cur = Some(c2c_step(a, cur, axes[last - 1], nb, true, norm)?);
    }
    c2r(
        a,
        cur,
        |x| x,
        axes[last],
        lens[last],
        norm.factor(lens[last], false),
    )
}

/// The 2-D transform of real input over the last two axes (`np.fft.rfft2`):
/// an [`rfft`] along the last axis, then [`fft`](super::fft) along the other.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::rfft2(&Array::<f64>::ones(&[4, 4])).unwrap();
/// assert_eq!(y.shape(), &[4, 3]);
/// assert_eq!(y[[0, 0]], Complex::new(16.0, 0.0));
/// ```
///
/// # Errors
/// Fewer than two axes, or an empty transformed axis.
pub fn rfft2<A: RealFftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    rfft2_with(a, None, &[-2, -1], Norm::Backward)
}

/// [`rfft2`] with `s`, `axes` (the real transform is along the last one
/// listed) and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::rfft2_with(&Array::<f64>::ones(&[4, 6]), None, &[1, 0], Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[3, 6]);
/// ```
///
/// # Errors
/// `s` and `axes` of different lengths, an axis out of range, a length below 1.
pub fn rfft2_with<A: RealFftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: &[isize],
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    rfft_nd(a, s, Some(axes), norm, "rfft2")
}

/// The inverse of [`rfft2`] (`np.fft.irfft2`).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = Array::from_shape_fn(&[4, 6], |ix| (ix[0] * 6 + ix[1]) as f64).unwrap();
/// let back = fft::irfft2(&fft::rfft2(&x).unwrap()).unwrap();
/// assert!((back[[3, 5]] - 23.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// As [`irfftn`].
pub fn irfft2<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<A::Real>> {
    irfft2_with(a, None, &[-2, -1], Norm::Backward)
}

/// [`irfft2`] with `s` (output lengths; the last one is the real output's),
/// `axes` and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::irfft2_with(&Array::<f64>::ones(&[4, 3]), Some(&[4, 5]), &[0, 1], Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[4, 5]);
/// ```
///
/// # Errors
/// As [`irfftn_with`].
pub fn irfft2_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: &[isize],
    norm: Norm,
) -> Result<Array<A::Real>> {
    irfft_nd(a, s, Some(axes), norm, "irfft2")
}

/// The n-D transform of real input over all axes (`np.fft.rfftn`): an
/// [`rfft`] along the last axis, then complex transforms along the others.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::rfftn(&Array::<f32>::ones(&[2, 3, 4])).unwrap();
/// assert_eq!(y.shape(), &[2, 3, 3]);
/// assert_eq!(y[[0, 0, 0]], Complex::new(24.0f32, 0.0));
/// ```
///
/// # Errors
/// An empty axis, or a 0-d array.
pub fn rfftn<A: RealFftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    rfftn_with(a, None, None, Norm::Backward)
}

/// [`rfftn`] with `s`, `axes` (all axes, or the last `s.len()`, by default)
/// and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::rfftn_with(&Array::<f64>::ones(&[2, 3, 4]), Some(&[8, 4]), Some(&[0, 1]), Norm::Forward).unwrap();
/// assert_eq!(y.shape(), &[8, 3, 4]);
/// ```
///
/// # Errors
/// `s` and `axes` of different lengths, no axes, an axis out of range, a length below 1.
pub fn rfftn_with<A: RealFftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    rfft_nd(a, s, axes, norm, "rfftn")
}

/// The inverse of [`rfftn`] (`np.fft.irfftn`): complex inverse transforms
/// along all but the last axis, then an [`irfft`] along the last, whose
/// output length defaults to `2 * (m - 1)`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = Array::from_shape_fn(&[2, 3, 4], |ix| (ix[0] + 2 * ix[1] + 3 * ix[2]) as f64).unwrap();
/// let back = fft::irfftn(&fft::rfftn(&x).unwrap()).unwrap();
/// assert!((back[[1, 2, 3]] - 14.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// A last axis of length below 2 (without `s`), an empty axis, a 0-d array.
pub fn irfftn<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<A::Real>> {
    irfftn_with(a, None, None, Norm::Backward)
}

/// [`irfftn`] with `s` (output lengths; `-1` takes the input's length, even
/// for the last axis, as NumPy does), `axes` and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::irfftn_with(&Array::<f64>::ones(&[3, 2]), Some(&[3]), Some(&[0]), Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[3, 2]);
/// ```
///
/// # Errors
/// `s` and `axes` of different lengths, no axes, an axis out of range, a length below 1.
pub fn irfftn_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<A::Real>> {
    irfft_nd(a, s, axes, norm, "irfftn")
}
