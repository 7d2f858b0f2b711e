//! Complex transforms: `fft`, `ifft`, `fft2`, `ifft2`, `fftn`, `ifftn`.

use super::engine::{self, Src};
use super::{FftInput, Norm, axis_and_len, cook_nd};
use crate::array::shape::Shape;
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use num_complex::Complex;

/// The source description of an array (any layout).
pub(super) fn src_of<A, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Src<'_, A> {
    Src {
        ptr: a.as_ptr(),
        shape: a.shape(),
        strides: a.strides(),
    }
}

/// Wraps a C-ordered buffer as an array.
pub(super) fn to_array<T>(shape: Shape, v: Vec<T>) -> Result<Array<T>> {
    Array::from_shape_vec(&shape, v)
}

/// A C-ordered intermediate result of an n-D transform.
pub(super) struct Buf<T> {
    pub(super) shape: Shape,
    strides: crate::array::Strides,
    pub(super) data: Vec<T>,
}

impl<T> Buf<T> {
    pub(super) fn new(shape: Shape, data: Vec<T>) -> Self {
        let strides = crate::array::shape::strides_for(&shape, crate::array::Order::C);
        Buf { shape, strides, data }
    }

    /// The buffer as a transform source.
    pub(super) fn src(&self) -> Src<'_, T> {
        Src {
            ptr: self.data.as_ptr(),
            shape: &self.shape,
            strides: &self.strides,
        }
    }

    pub(super) fn into_array(self) -> Result<Array<T>> {
        to_array(self.shape, self.data)
    }
}

/// One complex pass of an n-D transform: from the input `a` when `cur` is
/// `None`, else from `cur` (in place when the length does not change).
pub(super) fn c2c_step<A, S>(
    a: &ArrayBase<S>,
    cur: Option<Buf<Complex<A::Real>>>,
    axis: usize,
    n: usize,
    inverse: bool,
    norm: Norm,
) -> Result<Buf<Complex<A::Real>>>
where
    A: FftInput,
    S: Data<Elem = A>,
{
    let fct = norm.factor::<A::Real>(n, !inverse);
    match cur {
        None => {
            let (shape, data) = engine::c2c_new(&src_of(a), A::to_complex, axis, n, inverse, fct)?;
            Ok(Buf::new(shape, data))
        }
        Some(mut b) if b.shape[axis] == n => {
            engine::c2c_inplace(&mut b.data, &b.shape, axis, inverse, fct);
            Ok(b)
        }
        Some(b) => {
            let (shape, data) = engine::c2c_new(&b.src(), |x| x, axis, n, inverse, fct)?;
            Ok(Buf::new(shape, data))
        }
    }
}

/// Whether the passes along the last two axes (`axes[i_last] == nd - 1`,
/// `axes[i_second] == nd - 2`) can run slab by slab: there are leading
/// axes with at least two slabs, and a slab of `slab_bytes` fits the cache.
pub(super) fn fusable(
    shape: &[usize],
    axes: &[usize],
    i_last: usize,
    i_second: usize,
    slab_bytes: usize,
) -> bool {
    let nd = shape.len();
    nd >= 3
        && axes[i_last] == nd - 1
        && axes[i_second] == nd - 2
        && !shape.contains(&0)
        && shape[..nd - 2].iter().product::<usize>() >= 2
        && slab_bytes <= engine::SLAB_MAX_BYTES
}

fn c2c_1d<A, S>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
    inverse: bool,
) -> Result<Array<Complex<A::Real>>>
where
    A: FftInput,
    S: Data<Elem = A>,
{
    let (ax, n) = axis_and_len(a.shape(), n, axis, false)?;
    c2c_step(a, None, ax, n, inverse, norm)?.into_array()
}

fn c2c_nd<A, S>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
    inverse: bool,
    op: &str,
) -> Result<Array<Complex<A::Real>>>
where
    A: FftInput,
    S: Data<Elem = A>,
{
    let (lens, axes) = cook_nd(a.shape(), s, axes, false, op)?;
    if axes.is_empty() {
        // NumPy returns the input untouched; numox returns it as complex.
        return Ok(a.mapv(A::to_complex));
    }
    let mut cur = None;
    // NumPy transforms the last listed axis first.
    let mut todo = axes.len();
    let nd = a.ndim();
    if todo >= 2 && nd >= 2 && lens[todo - 2] == a.shape()[nd - 2] && {
        let bytes = a.shape()[nd - 2] * lens[todo - 1] * std::mem::size_of::<Complex<A::Real>>();
        fusable(a.shape(), &axes, todo - 1, todo - 2, bytes)
    } {
        // The last two axes, slab by slab (each slab stays in cache).
        let (n1, n2) = (lens[todo - 1], lens[todo - 2]);
        let (f1, f2) = (
            norm.factor::<A::Real>(n1, !inverse),
            norm.factor::<A::Real>(n2, !inverse),
        );
        let mut out_shape = Shape::from_slice(a.shape());
        out_shape[nd - 1] = n1;
        let conv = A::to_complex;
        let (shape, data) = engine::fused_last_two(
            &src_of(a),
            out_shape,
            |s, d, slab| {
                // SAFETY: `d` is the slab's destination, of shape `slab`.
                unsafe { engine::c2c_into(s, &conv, 1, n1, inverse, f1, d, slab, false) }
            },
            inverse,
            f2,
        )?;
        cur = Some(Buf::new(shape, data));
        todo -= 2;
    }
    for i in (0..todo).rev() {
        cur = Some(c2c_step(a, cur, axes[i], lens[i], inverse, norm)?);
    }
    cur.expect("at least one axis").into_array()
}

/// The 1-D discrete Fourier transform along the last axis (`np.fft.fft(a)`).
///
/// `X[k] = sum_j a[j] exp(-2 pi i j k / n)`. Real and integer input is
/// transformed as complex; `f32` data gives `Complex<f32>`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::fft(&array![1.0, 0.0, -1.0, 0.0]).unwrap();
/// assert_eq!(y, array![Complex::new(0.0, 0.0), Complex::new(2.0, 0.0), Complex::new(0.0, 0.0), Complex::new(2.0, 0.0)]);
/// ```
///
/// # Errors
/// A 0-d array or an empty last axis (no points to transform).
pub fn fft<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    fft_with(a, None, -1, Norm::Backward)
}

/// [`fft`] with NumPy's other arguments: the length `n` (crop or zero-pad
/// the input; default: the axis length), the `axis`, and the [`Norm`].
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let y = fft::fft_with(&x, Some(3), 0, Norm::Forward).unwrap(); // pad axis 0 to 3
/// assert_eq!(y.shape(), &[3, 2]);
/// assert!((y[[0, 1]] - Complex::new(2.0, 0.0)).norm() < 1e-15); // (2 + 4) / 3
/// assert!(fft::fft_with(&x, Some(0), 0, Norm::Backward).is_err());
/// ```
///
/// # Errors
/// `n == 0` (or the default length 0), `axis` out of range.
pub fn fft_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_1d(a, n, axis, norm, false)
}

/// The inverse 1-D transform along the last axis (`np.fft.ifft(a)`):
/// `x[j] = (1/n) sum_k X[k] exp(2 pi i j k / n)`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = array![Complex::new(0.0, 0.0), Complex::new(4.0, 0.0), Complex::new(0.0, 0.0), Complex::new(0.0, 0.0)];
/// let y = fft::ifft(&x).unwrap();
/// assert_eq!(y[[1]], Complex::new(0.0, 1.0));
/// ```
///
/// # Errors
/// As [`fft`].
pub fn ifft<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    ifft_with(a, None, -1, Norm::Backward)
}

/// [`ifft`] with length, axis and normalisation (see [`fft_with`]).
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let x = array![1.0, 1.0];
/// let y = fft::ifft_with(&x, Some(4), -1, Norm::Forward).unwrap(); // unscaled inverse
/// assert_eq!(y[[0]], Complex::new(2.0, 0.0));
/// ```
///
/// # Errors
/// As [`fft_with`].
pub fn ifft_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_1d(a, n, axis, norm, true)
}

/// The 2-D transform over the last two axes (`np.fft.fft2(a)`).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::fft2(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap();
/// assert_eq!(y[[0, 0]], Complex::new(10.0, 0.0));
/// assert_eq!(y[[1, 1]], Complex::new(0.0, 0.0));
/// ```
///
/// # Errors
/// Fewer than two axes, or an empty transformed axis.
pub fn fft2<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    fft2_with(a, None, &[-2, -1], Norm::Backward)
}

/// [`fft2`] with NumPy's `s` (output lengths per axis, `-1` for the input's),
/// `axes` (NumPy's default is `&[-2, -1]`) and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let a = Array::from_shape_fn(&[2, 3, 4], |ix| (ix[0] + ix[1] * ix[2]) as f64).unwrap();
/// let y = fft::fft2_with(&a, Some(&[4, -1]), &[0, 2], Norm::Ortho).unwrap();
/// assert_eq!(y.shape(), &[4, 3, 4]);
/// ```
///
/// # Errors
/// `s` and `axes` of different lengths, an axis out of range, a length below 1.
pub fn fft2_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: &[isize],
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_nd(a, s, Some(axes), norm, false, "fft2")
}

/// The inverse of [`fft2`] (`np.fft.ifft2(a)`).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = array![[1.0f64, 2.0], [3.0, 4.0]];
/// let back = fft::ifft2(&fft::fft2(&x).unwrap()).unwrap();
/// assert!((back[[1, 0]] - Complex::new(3.0, 0.0)).norm() < 1e-15);
/// ```
///
/// # Errors
/// As [`fft2`].
pub fn ifft2<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    ifft2_with(a, None, &[-2, -1], Norm::Backward)
}

/// [`ifft2`] with `s`, `axes` and `norm` (see [`fft2_with`]).
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::ifft2_with(&array![[4.0, 0.0], [0.0, 0.0]], None, &[0, 1], Norm::Backward).unwrap();
/// assert_eq!(y[[1, 1]], Complex::new(1.0, 0.0));
/// ```
///
/// # Errors
/// As [`fft2_with`].
pub fn ifft2_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: &[isize],
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_nd(a, s, Some(axes), norm, true, "ifft2")
}

/// The n-D transform over all axes (`np.fft.fftn(a)`).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let a = Array::<f64>::ones(&[2, 2, 2]);
/// let y = fft::fftn(&a).unwrap();
/// assert_eq!(y[[0, 0, 0]], Complex::new(8.0, 0.0));
/// assert_eq!(y[[1, 0, 1]], Complex::new(0.0, 0.0));
/// ```
///
/// # Errors
/// An empty axis.
pub fn fftn<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    fftn_with(a, None, None, Norm::Backward)
}

/// [`fftn`] with NumPy's `s`, `axes` and `norm`. `axes: None` means all
/// axes, or the last `s.len()` axes when `s` is given; `Some(&[])`
/// transforms nothing (the input comes back as complex).
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let a = Array::<f64>::ones(&[2, 3]);
/// let y = fft::fftn_with(&a, Some(&[4]), Some(&[0]), Norm::Backward).unwrap();
/// assert_eq!(y.shape(), &[4, 3]);
/// assert_eq!(y[[0, 2]], Complex::new(2.0, 0.0));
/// ```
///
/// # Errors
/// `s` and `axes` of different lengths, an axis out of range, a length below 1.
pub fn fftn_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_nd(a, s, axes, norm, false, "fftn")
}

/// The inverse of [`fftn`] (`np.fft.ifftn(a)`).
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::ifftn(&Array::<f64>::ones(&[2, 2])).unwrap();
/// assert_eq!(y[[0, 0]], Complex::new(1.0, 0.0));
/// ```
///
/// # Errors
/// As [`fftn`].
pub fn ifftn<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    ifftn_with(a, None, None, Norm::Backward)
}

/// [`ifftn`] with `s`, `axes` and `norm` (see [`fftn_with`]).
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::ifftn_with(&Array::<f64>::ones(&[2, 2]), None, Some(&[-1]), Norm::Ortho).unwrap();
/// assert!((y[[0, 0]].re - 2f64.sqrt()).abs() < 1e-15);
/// ```
///
/// # Errors
/// As [`fftn_with`].
pub fn ifftn_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    c2c_nd(a, s, axes, norm, true, "ifftn")
}
