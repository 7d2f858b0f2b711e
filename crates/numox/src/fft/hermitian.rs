//! Transforms of Hermitian-symmetric signals: `hfft` and `ihfft`.

use super::real::{c2r, r2c};
use super::{FftInput, Norm, RealFftInput, axis_and_len};
use crate::array::{Array, ArrayBase, Data};
use crate::error::Result;
use num_complex::Complex;

/// The transform of a signal with Hermitian symmetry, given by its first
/// half (`np.fft.hfft(a)`): a real spectrum of length `2 * (m - 1)`.
/// It is `irfft(conj(a))` scaled as a forward transform.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let a = array![Complex::new(1.0f64, 0.0), Complex::new(2.0, -1.0), Complex::new(3.0, 0.0)];
/// let y = fft::hfft(&a).unwrap();
/// assert_eq!(y.shape(), &[4]);
/// assert!((y[[0]] - 8.0).abs() < 1e-14); // 1 + 2 * 2 + 3
/// ```
///
/// # Errors
/// A 0-d array, or a last axis of length below 2 (without `n`).
pub fn hfft<A: FftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<A::Real>> {
    hfft_with(a, None, -1, Norm::Backward)
}

/// [`hfft`] with the output length `n`, `axis` and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::hfft_with(&array![1.0f64, 0.0, 0.0], Some(5), -1, Norm::Forward).unwrap();
/// assert!((y[[3]] - 0.2).abs() < 1e-15);
/// ```
///
/// # Errors
/// `n == 0` (or a default length below 1), `axis` out of range.
pub fn hfft_with<A: FftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<A::Real>> {
    let (ax, n) = axis_and_len(a.shape(), n, axis, true)?;
    c2r(
        a,
        None,
        |x: Complex<A::Real>| x.conj(),
        ax,
        n,
        norm.swap().factor(n, false),
    )
}

/// The inverse of [`hfft`] (`np.fft.ihfft(a)`): `conj(rfft(a)) / n`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let y = fft::ihfft(&array![1.0, 2.0, 3.0, 4.0]).unwrap();
/// assert_eq!(y, array![Complex::new(2.5, -0.0), Complex::new(-0.5, -0.5), Complex::new(-0.5, -0.0)]);
/// ```
///
/// # Errors
/// A 0-d array or an empty last axis.
pub fn ihfft<A: RealFftInput, S: Data<Elem = A>>(a: &ArrayBase<S>) -> Result<Array<Complex<A::Real>>> {
    ihfft_with(a, None, -1, Norm::Backward)
}

/// [`ihfft`] with the input length `n`, `axis` and `norm`.
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let y = fft::ihfft_with(&array![1.0, 2.0, 3.0, 4.0], Some(2), 0, Norm::Forward).unwrap();
/// assert_eq!(y, array![Complex::new(3.0, -0.0), Complex::new(-1.0, -0.0)]);
/// ```
///
/// # Errors
/// `n == 0` (or the default length 0), `axis` out of range.
pub fn ihfft_with<A: RealFftInput, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    n: Option<usize>,
    axis: isize,
    norm: Norm,
) -> Result<Array<Complex<A::Real>>> {
    let (ax, n) = axis_and_len(a.shape(), n, axis, false)?;
    let mut b = r2c(a, ax, n, norm.swap().factor(n, true))?;
    b.data.iter_mut().for_each(|z| *z = z.conj());
    b.into_array()
}
