//! Whole-array equality and closeness: NumPy's `array_equal`,
//! `array_equiv`, `isclose` and `allclose`.

use super::compare::Compare;
use super::kernel::map2_op;
use crate::array::{Array, shape::broadcast_pair};
use crate::array::{ArrayBase, Data};
use crate::element::{Complex32, Complex64};
use crate::error::Result;

/// NumPy's default relative tolerance of `isclose`/`allclose` (`1e-5`).
pub const DEFAULT_RTOL: f64 = 1e-5;
/// NumPy's default absolute tolerance of `isclose`/`allclose` (`1e-8`).
pub const DEFAULT_ATOL: f64 = 1e-8;

mod sealed {
    pub trait Sealed {}
}

/// Element types [`isclose`] accepts: all of them. Integers and `bool` are
/// compared as `f64` (as NumPy converts them); `f32` and `Complex<f32>`
/// are compared in single precision with the tolerances rounded to `f32`,
/// as NumPy 2 does with Python-float tolerances.
pub trait IsClose: Compare + sealed::Sealed {
    /// NumPy's `isclose` for one pair: `|a - b| <= atol + rtol * |b|` with
    /// `b` finite, or `a == b` (equal infinities), or both NaN when
    /// `equal_nan`.
    fn is_close(self, b: Self, rtol: f64, atol: f64, equal_nan: bool) -> bool;
}

macro_rules! isclose_via_f64 {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl IsClose for $t {
            #[inline]
            fn is_close(self, b: Self, rtol: f64, atol: f64, equal_nan: bool) -> bool {
                use crate::element::Element;
                self.cast::<f64>().is_close(b.cast::<f64>(), rtol, atol, equal_nan)
            }
        }
    )*};
}
isclose_via_f64!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! isclose_float {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl IsClose for $t {
            #[inline]
            fn is_close(self, b: Self, rtol: f64, atol: f64, equal_nan: bool) -> bool {
                let (rtol, atol) = (rtol as $t, atol as $t);
                ((self - b).abs() <= atol + rtol * b.abs() && b.is_finite())
                    || self == b
                    || (equal_nan && self.is_nan() && b.is_nan())
            }
        }
    )*};
}
isclose_float!(f32, f64);

macro_rules! isclose_complex {
    ($($c:ty: $t:ty),*) => {$(
        impl sealed::Sealed for $c {}
        impl IsClose for $c {
            #[inline]
            fn is_close(self, b: Self, rtol: f64, atol: f64, equal_nan: bool) -> bool {
                let (rtol, atol) = (rtol as $t, atol as $t);
                ((self - b).norm() <= atol + rtol * b.norm() && b.re.is_finite() && b.im.is_finite())
                    || self.np_eq(b)
                    || (equal_nan && self.np_isnan() && b.np_isnan())
            }
        }
    )*};
}
isclose_complex!(Complex32: f32, Complex64: f64);

/// NumPy's `np.isclose(a, b, rtol, atol, equal_nan)` with broadcasting:
/// `|a - b| <= atol + rtol * |b|` where `b` is finite, `a == b` (so equal
/// infinities are close), and NaN pairs when `equal_nan`. Not symmetric in
/// `a` and `b`, as NumPy's. [`isclose_default`] uses NumPy's defaults.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, 1e10, f64::NAN, f64::INFINITY, 1.0];
/// let b = array![1.0 + 1e-9, 1.00001e10, f64::NAN, f64::INFINITY, f64::INFINITY];
/// let r = numox::isclose(&a, &b, 1e-5, 1e-8, true).unwrap();
/// assert_eq!(r, array![true, true, true, true, false]);
/// assert!(numox::isclose(&array![1.0, 2.0], &array![1.0, 2.0, 3.0], 1e-5, 1e-8, false).is_err());
/// ```
pub fn isclose<A, S1, S2>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> Result<Array<bool>>
where
    A: IsClose,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    map2_op("isclose", a, b, move |x: A, y: A| {
        x.is_close(y, rtol, atol, equal_nan)
    })
}

/// [`isclose`] with NumPy's defaults: `rtol = 1e-5`, `atol = 1e-8`,
/// `equal_nan = false`.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::isclose_default(&array![1e-9, 1.0], &array![0.0, 1.1]).unwrap(), array![true, false]);
/// ```
pub fn isclose_default<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<bool>>
where
    A: IsClose,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    isclose(a, b, DEFAULT_RTOL, DEFAULT_ATOL, false)
}

/// NumPy's `np.allclose`: `true` when [`isclose`] holds everywhere (after
/// broadcasting); an error when the shapes do not broadcast.
///
/// ```
/// use numox::prelude::*;
/// assert!(numox::allclose(&array![1.0, 2.0], &array![1.0, 2.0 + 1e-7], 1e-5, 1e-8, false).unwrap());
/// assert!(!numox::allclose(&array![1.0, f64::NAN], &array![1.0, f64::NAN], 1e-5, 1e-8, false).unwrap());
/// assert!(numox::allclose(&array![1.0, f64::NAN], &array![1.0, f64::NAN], 1e-5, 1e-8, true).unwrap());
/// ```
pub fn allclose<A, S1, S2>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    rtol: f64,
    atol: f64,
    equal_nan: bool,
) -> Result<bool>
where
    A: IsClose,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let shape = broadcast_pair("allclose", a.shape(), b.shape())?;
    let (av, bv) = (a.broadcast(&shape)?, b.broadcast(&shape)?);
    Ok(all_pairs(&av, &bv, |x, y| x.is_close(y, rtol, atol, equal_nan)))
}

/// [`allclose`] with NumPy's defaults (`rtol = 1e-5`, `atol = 1e-8`, no NaN equality).
///
/// ```
/// use numox::prelude::*;
/// assert!(numox::allclose_default(&array![[1.0, 2.0]], &array![1.0, 2.0]).unwrap());
/// ```
pub fn allclose_default<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<bool>
where
    A: IsClose,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    allclose(a, b, DEFAULT_RTOL, DEFAULT_ATOL, false)
}

/// `true` when `pred` holds for every pair of two same-shaped arrays
/// (stops at the first failure).
fn all_pairs<A: Copy, S1, S2, F>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, pred: F) -> bool
where
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    F: Fn(A, A) -> bool,
{
    debug_assert_eq!(a.shape(), b.shape());
    if let (Some(x), Some(y)) = (a.as_slice(), b.as_slice()) {
        return x.iter().zip(y).all(|(&p, &q)| pred(p, q));
    }
    a.iter().zip(b.iter()).all(|(&p, &q)| pred(p, q))
}

/// NumPy's `np.array_equal(a, b, equal_nan)`: same shape and equal
/// elements. With `equal_nan`, NaNs in the same places count as equal (for
/// complex numbers, any NaN part makes the element NaN, as in NumPy).
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN];
/// assert!(!numox::array_equal(&a, &a, false));
/// assert!(numox::array_equal(&a, &a, true));
/// assert!(!numox::array_equal(&array![1.0], &array![[1.0]], false));
/// ```
pub fn array_equal<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>, equal_nan: bool) -> bool
where
    A: Compare,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    if a.shape() != b.shape() {
        return false;
    }
    if equal_nan {
        all_pairs(a, b, |x, y| {
            let (nx, ny) = (x.np_isnan(), y.np_isnan());
            nx == ny && (nx || x.np_eq(y))
        })
    } else {
        all_pairs(a, b, |x, y| x.np_eq(y))
    }
}

/// NumPy's `np.array_equiv`: `true` when the arrays broadcast together and
/// are equal everywhere; `false` (not an error) when they do not broadcast.
///
/// ```
/// use numox::prelude::*;
/// assert!(numox::array_equiv(&array![1, 2], &array![[1, 2], [1, 2]]));
/// assert!(!numox::array_equiv(&array![1, 2], &array![[1, 2], [1, 3]]));
/// assert!(!numox::array_equiv(&array![1, 2], &array![1, 2, 3]));
/// ```
pub fn array_equiv<A, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> bool
where
    A: Compare,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let Ok(shape) = broadcast_pair("array_equiv", a.shape(), b.shape()) else {
        return false;
    };
    match (a.broadcast(&shape), b.broadcast(&shape)) {
        (Ok(av), Ok(bv)) => all_pairs(&av, &bv, |x, y| x.np_eq(y)),
        _ => false,
    }
}
