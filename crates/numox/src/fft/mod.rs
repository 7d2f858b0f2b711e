//! Discrete Fourier transforms (NumPy's `np.fft`), on `rustfft` and `realfft`.
//!
//! | function | NumPy | input -> output |
//! |---|---|---|
//! | [`fft`], [`ifft`] | `fft`, `ifft` | any -> complex, one axis |
//! | [`fft2`], [`ifft2`], [`fftn`], [`ifftn`] | `fft2`, `ifft2`, `fftn`, `ifftn` | any -> complex, several axes |
//! | [`rfft`], [`rfft2`], [`rfftn`] | `rfft`, `rfft2`, `rfftn` | real -> complex, last axis halved to `n/2 + 1` |
//! | [`irfft`], [`irfft2`], [`irfftn`] | `irfft`, `irfft2`, `irfftn` | complex -> real |
//! | [`hfft`], [`ihfft`] | `hfft`, `ihfft` | Hermitian-symmetric signals |
//! | [`fftfreq`], [`rfftfreq`] | `fftfreq`, `rfftfreq` | sample frequencies |
//! | [`fftshift`], [`ifftshift`] | `fftshift`, `ifftshift` | zero frequency to the centre and back |
//!
//! Each transform has a short form with NumPy's defaults (`fft(&a)`: the
//! last axis, its full length, [`Norm::Backward`]) and a `_with` form taking
//! NumPy's other arguments in NumPy's order:
//!
//! ```
//! use numox::fft::{self, Norm};
//! use numox::prelude::*;
//! let x = array![[1.0f64, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, -1.0]];
//! let y = fft::fft(&x).unwrap();                                   // np.fft.fft(x)
//! assert_eq!(y[[0, 0]], Complex::new(10.0, 0.0));
//! let z = fft::fft_with(&x, Some(8), 0, Norm::Ortho).unwrap();     // np.fft.fft(x, n=8, axis=0, norm="ortho")
//! assert_eq!(z.shape(), &[8, 4]);
//! let back = fft::ifft(&fft::fft(&x).unwrap()).unwrap();
//! assert!((back[[0, 3]].re - 4.0).abs() < 1e-12);
//! let r = fft::rfftn_with(&x, None, Some(&[0, 1]), Norm::Backward).unwrap(); // np.fft.rfftn(x, axes=(0, 1))
//! assert_eq!(r.shape(), &[2, 3]);
//! ```
//!
//! Conventions, as NumPy 2:
//! - `n` (1-D) and `s` (n-D) set the length of each transformed axis of the
//!   input: longer inputs are cropped, shorter ones padded with zeros. For
//!   [`irfft`], [`hfft`] and the last axis of [`irfftn`], `n` is the length
//!   of the real output (default `2 * (m - 1)` for an input of length `m`).
//!   An entry `-1` in `s` means "the input's length along that axis".
//! - Axes are `isize`; negative ones count from the end. Repeated axes are
//!   transformed repeatedly, as NumPy does. `s` without `axes` applies to
//!   the last `s.len()` axes.
//! - `f32` (and `Complex<f32>`) input is transformed in single precision and
//!   gives `Complex<f32>`/`f32`, as NumPy 2 does; `f64`, `Complex<f64>`,
//!   integers and `bool` give double precision (NumPy converts integers to
//!   `float64`).
//! - Errors: an axis out of range ([`Error::AxisOutOfBounds`](crate::Error)),
//!   a transform length below 1 (including the default length of an empty
//!   axis, or of `irfft` of a single element), `s` and `axes` of different
//!   lengths ([`Error::InvalidArgument`](crate::Error)).
//!
//! The result's element type follows the input's, so with unsuffixed float
//! literals (`array![1.0, 2.0]`) Rust may ask for the type before calling
//! methods on the result: write `1.0f64` (or annotate the result).
//!
//! Any array layout is accepted (strided, transposed, reversed views) and
//! read in place. Plans are built once per length and cached. Batches of
//! transforms (all lanes of an axis) run on rayon threads, as do the
//! passes of one long transform (length `>= 2^18`), so 1-D transforms of
//! large prime lengths are fast too (Bluestein's algorithm). Results do not
//! depend on the number of threads.

mod big;
mod complex;
mod engine;
mod helpers;
mod hermitian;
mod norm;
mod plan;
mod real;
mod scratch;

pub use complex::{
    fft, fft_with, fft2, fft2_with, fftn, fftn_with, ifft, ifft_with, ifft2, ifft2_with, ifftn, ifftn_with,
};
pub use helpers::{fftfreq, fftshift, ifftshift, rfftfreq};
pub use hermitian::{hfft, hfft_with, ihfft, ihfft_with};
pub use norm::Norm;
pub use plan::FftFloat;
pub use real::{
    irfft, irfft_with, irfft2, irfft2_with, irfftn, irfftn_with, rfft, rfft_with, rfft2, rfft2_with, rfftn,
    rfftn_with,
};

use crate::element::{Complex32, Complex64, Element};
use crate::error::{Error, Result, normalize_axis};
use num_complex::Complex;

mod sealed {
    pub trait Input {}
}

/// Element types a complex transform accepts: every numox dtype. Floats and
/// complex numbers keep their precision; integers and `bool` become `f64`
/// (NumPy converts them to `float64`).
pub trait FftInput: Element + sealed::Input {
    /// The float type of the transform (`f32` or `f64`).
    type Real: FftFloat;
    /// The value as a complex number of that precision.
    ///
    /// ```
    /// use numox::fft::FftInput;
    /// use numox::Complex;
    /// assert_eq!(3i32.to_complex(), Complex::new(3.0f64, 0.0));
    /// assert_eq!(1.5f32.to_complex(), Complex::new(1.5f32, 0.0));
    /// ```
    fn to_complex(self) -> Complex<Self::Real>;
}

/// Element types a real-input transform ([`rfft`], [`ihfft`]) accepts: the
/// real dtypes (NumPy's `rfft` rejects complex input).
pub trait RealFftInput: FftInput {
    /// The value as a float of the transform's precision.
    ///
    /// ```
    /// use numox::fft::RealFftInput;
    /// assert_eq!(true.to_real(), 1.0f64);
    /// ```
    fn to_real(self) -> Self::Real;
}

macro_rules! real_input {
    ($($t:ty => $r:ty),*) => {$(
        impl sealed::Input for $t {}
        impl FftInput for $t {
            type Real = $r;
            #[inline(always)]
            fn to_complex(self) -> Complex<$r> {
                Complex::new(self as $r, 0.0)
            }
        }
        impl RealFftInput for $t {
            #[inline(always)]
            fn to_real(self) -> $r {
                self as $r
            }
        }
    )*};
}
real_input!(i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64, u32 => f64, u64 => f64,
    f32 => f32, f64 => f64);

impl sealed::Input for bool {}
impl FftInput for bool {
    type Real = f64;
    fn to_complex(self) -> Complex<f64> {
        Complex::new(self as u8 as f64, 0.0)
    }
}
impl RealFftInput for bool {
    fn to_real(self) -> f64 {
        self as u8 as f64
    }
}

impl sealed::Input for Complex32 {}
impl FftInput for Complex32 {
    type Real = f32;
    #[inline(always)]
    fn to_complex(self) -> Complex32 {
        self
    }
}
impl sealed::Input for Complex64 {}
impl FftInput for Complex64 {
    type Real = f64;
    #[inline(always)]
    fn to_complex(self) -> Complex64 {
        self
    }
}

/// NumPy's `_raw_fft` check: a transform needs at least one point.
fn check_len(n: isize) -> Result<usize> {
    if n < 1 {
        return Err(Error::invalid(format!(
            "Invalid number of FFT data points ({n}) specified."
        )));
    }
    Ok(n as usize)
}

/// The axis and transform length of a 1-D call (`n` defaults to the input's
/// length along the axis, or `default_n(len)` for the c2r transforms).
fn axis_and_len(
    shape: &[usize],
    n: Option<usize>,
    axis: isize,
    inverse_real: bool,
) -> Result<(usize, usize)> {
    let ax = normalize_axis(axis, shape.len())?;
    let n = match n {
        Some(n) => n as isize,
        None if inverse_real => 2 * (shape[ax] as isize - 1),
        None => shape[ax] as isize,
    };
    Ok((ax, check_len(n)?))
}

/// NumPy's `_cook_nd_args`: the lengths and (normalised) axes of an n-D
/// transform. `invreal`: the last length defaults to `2 * (m - 1)` (irfftn).
fn cook_nd(
    shape: &[usize],
    s: Option<&[isize]>,
    axes: Option<&[isize]>,
    invreal: bool,
    op: &str,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let ndim = shape.len();
    let axes_raw: Vec<isize> = match (axes, s) {
        (Some(a), _) => a.to_vec(),
        (None, Some(s)) => (-(s.len() as isize)..0).collect(),
        (None, None) => (-(ndim as isize)..0).collect(),
    };
    if let Some(s) = s
        && s.len() != axes_raw.len()
    {
        return Err(Error::invalid(format!(
            "{op}: Shape and axes have different lengths ({} and {}).",
            s.len(),
            axes_raw.len()
        )));
    }
    let axes: Vec<usize> = axes_raw
        .iter()
        .map(|&a| normalize_axis(a, ndim))
        .collect::<Result<_>>()?;
    let mut lens: Vec<isize> = match s {
        Some(s) => s
            .iter()
            .zip(&axes)
            .map(|(&n, &a)| if n == -1 { shape[a] as isize } else { n })
            .collect(),
        None => axes.iter().map(|&a| shape[a] as isize).collect(),
    };
    if invreal && s.is_none() {
        match axes.last() {
            Some(&a) => *lens.last_mut().expect("as many lengths as axes") = 2 * (shape[a] as isize - 1),
            None => return Err(Error::invalid(format!("{op}: at least one axis is required"))),
        }
    }
    let lens = lens.into_iter().map(check_len).collect::<Result<_>>()?;
    Ok((lens, axes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cook_nd_follows_numpy() {
        let sh = [3, 4, 5];
        assert_eq!(
            cook_nd(&sh, None, None, false, "t").unwrap(),
            (vec![3, 4, 5], vec![0, 1, 2])
        );
        assert_eq!(
            cook_nd(&sh, Some(&[8]), None, false, "t").unwrap(),
            (vec![8], vec![2])
        );
        assert_eq!(
            cook_nd(&sh, Some(&[-1, 2]), Some(&[2, 0]), false, "t").unwrap(),
            (vec![5, 2], vec![2, 0])
        );
        assert_eq!(
            cook_nd(&sh, None, Some(&[0, -1]), true, "t").unwrap(),
            (vec![3, 8], vec![0, 2])
        );
        // s given: the last length is taken as is (-1 means the input's length)
        assert_eq!(
            cook_nd(&sh, Some(&[-1]), Some(&[1]), true, "t").unwrap(),
            (vec![4], vec![1])
        );
        assert!(cook_nd(&sh, Some(&[1, 2]), Some(&[0]), false, "t").is_err());
        assert!(cook_nd(&sh, None, Some(&[3]), false, "t").is_err());
        assert!(cook_nd(&sh, Some(&[0]), Some(&[0]), false, "t").is_err());
        assert!(cook_nd(&sh, None, Some(&[]), true, "t").is_err());
        assert_eq!(
            cook_nd(&sh, None, Some(&[]), false, "t").unwrap(),
            (vec![], vec![])
        );
        assert!(cook_nd(&[1], None, None, true, "t").is_err()); // 2 * (1 - 1) = 0 points
    }
}
