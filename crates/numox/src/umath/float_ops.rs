//! Float helpers and the arithmetic-like functions: `cbrt`, `fabs`, angle
//! conversion, `sinc`, `spacing`, `copysign`, `nextafter`, `ldexp`, `frexp`,
//! `modf`, `fmod`, `hypot`, `arctan2`, `logaddexp`, `logaddexp2`,
//! `heaviside`, `float_power`, `nan_to_num`, and, for every numeric type,
//! `abs`, `sign`, `square`, `positive`, `power`, `maximum`/`minimum`,
//! `fmax`/`fmin` and `divmod`.

use super::traits::{FloatMath, ToFloat};
use super::{binary, binary_float, unary_float, unary_map, unary_same};
use crate::array::{Array, ArrayBase, Data, DataMut};
use crate::element::{Complex32, Complex64, Element, Numeric, RealNumeric};
use crate::error::{Error, Result};
use crate::ufunc::kernel::{map2_into_op, map2_op};
use crate::umath::engine::{float_kernel, kern, unary, unary_inplace, unary_into};
use num_traits::Float as NF;
use std::mem::MaybeUninit;

unary_float!(
    /// The cube root (NumPy's `np.cbrt`), real for negative `x`.
    cbrt, cbrt_into, cbrt_inplace, FloatMath, kern(|v: A| NF::cbrt(v)), "cbrt",
    "array![27.0, -8.0]" => "array![3.0, -2.0]"
);
unary_float!(
    /// The absolute value of a float (NumPy's `np.fabs`).
    fabs, fabs_into, fabs_inplace, FloatMath, kern(|v: A| NF::abs(v)), "fabs",
    "array![-1.5, -0.0]" => "array![1.5, 0.0]"
);
unary_float!(
    /// Degrees to radians, `x * (pi/180)` (NumPy's `np.deg2rad`).
    deg2rad, deg2rad_into, deg2rad_inplace, FloatMath, kern(|v: A| v * (A::PI() / A::from(180.0).unwrap_or_else(A::nan))), "deg2rad",
    "array![180.0, 0.0]" => "array![std::f64::consts::PI, 0.0]"
);
unary_float!(
    /// Radians to degrees, `x * (180/pi)` (NumPy's `np.rad2deg`).
    rad2deg, rad2deg_into, rad2deg_inplace, FloatMath, kern(|v: A| v * (A::from(180.0).unwrap_or_else(A::nan) / A::PI())), "rad2deg",
    "array![std::f64::consts::PI, 0.0]" => "array![180.0, 0.0]"
);
unary_float!(
    /// NumPy's `np.radians`: the same as [`deg2rad`].
    radians, radians_into, radians_inplace, FloatMath, kern(|v: A| v * (A::PI() / A::from(180.0).unwrap_or_else(A::nan))), "radians",
    "array![90.0]" => "array![std::f64::consts::FRAC_PI_2]"
);
unary_float!(
    /// NumPy's `np.degrees`: the same as [`rad2deg`].
    degrees, degrees_into, degrees_inplace, FloatMath, kern(|v: A| v * (A::from(180.0).unwrap_or_else(A::nan) / A::PI())), "degrees",
    "array![std::f64::consts::FRAC_PI_2]" => "array![90.0]"
);
/// Element types of NumPy's `np.sinc`: floats keep their type; integers and
/// `bool` give `f64` (NumPy's `sinc` multiplies by the Python float `pi`,
/// which promotes every integer type to `float64`).
pub trait Sinc: Element {
    /// The result type: `Self` for floats, `f64` for integers and `bool`.
    type Output: Element;
    /// `sin(pi x) / (pi x)`, with `x = 0` replaced by `1e-20` as NumPy does.
    ///
    /// ```
    /// use numox::Sinc;
    /// assert_eq!(0.0f32.sinc_elem(), 1.0);
    /// assert_eq!(0i8.sinc_elem(), 1.0f64);
    /// ```
    fn sinc_elem(self) -> Self::Output;
}

#[inline(always)]
fn sinc_float<A: FloatMath>(v: A) -> A {
    let y = A::PI()
        * if v == A::zero() {
            A::from(1e-20).unwrap_or_else(A::nan)
        } else {
            v
        };
    NF::sin(y) / y
}
impl<T: FloatMath> Sinc for T {
    type Output = T;
    #[inline(always)]
    fn sinc_elem(self) -> T {
        sinc_float(self)
    }
}
macro_rules! sinc_int {
    ($($t:ty),*) => {$( impl Sinc for $t {
        type Output = f64;
        #[inline(always)]
        fn sinc_elem(self) -> f64 { sinc_float(self as f64) }
    } )*};
}
sinc_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl Sinc for bool {
    type Output = f64;
    #[inline(always)]
    fn sinc_elem(self) -> f64 {
        sinc_float(self as u8 as f64)
    }
}

unary_map!(
    /// The normalised sinc function `sin(pi x) / (pi x)` (NumPy's `np.sinc`),
    /// computed as NumPy does, with `x = 0` replaced by `1e-20` (so
    /// `sinc(0) == 1`). Integer and `bool` input gives `f64`, as in NumPy.
    sinc, sinc_into, Sinc, A::Output, |v: A| v.sinc_elem(), "sinc",
    "array![0.0, 1.0]" => "array![1.0, 3.8981718325193755e-17]"
);

/// [`sinc`] in place, for float arrays (NumPy's `np.sinc` has no `out=`;
/// this overwrites `a` with `sinc(a)`).
///
/// ```
/// use numox::prelude::*;
/// let mut a = array![0.0f32, 0.5];
/// numox::sinc_inplace(&mut a);
/// assert_eq!(a, numox::sinc(&array![0.0f32, 0.5]));
/// ```
pub fn sinc_inplace<A: FloatMath, SO: DataMut<Elem = A>>(a: &mut ArrayBase<SO>) {
    unary_inplace(a, kern(sinc_float::<A>))
}

unary_float!(
    /// The distance from `x` to the next representable value away from zero,
    /// with the sign of `x` (NumPy's `np.spacing`): `spacing(1.0) == eps`,
    /// `spacing(±0.0)` is the smallest subnormal, NaN for ±inf and NaN.
    spacing, spacing_into, spacing_inplace, FloatMath,
    kern(|v: A| {
        if !NF::is_finite(v) {
            A::nan()
        } else if v == A::zero() {
            A::zero().next_toward(A::one())
        } else {
            v.next_toward(NF::copysign(A::infinity(), v)) - v
        }
    }),
    "spacing", "array![1.0, -1.0]" => "array![f64::EPSILON, -f64::EPSILON]"
);

binary_float!(
    /// `|a|` with the sign of `b` (NumPy's `np.copysign`).
    copysign, copysign_into, FloatMath, |a: A, b: A| NF::copysign(a, b), "copysign",
    "array![1.0, -2.0]", "array![-0.0, 1.0]" => "array![-1.0, 2.0]"
);
binary_float!(
    /// The next representable value after `a` toward `b` (NumPy's `np.nextafter`).
    nextafter, nextafter_into, FloatMath, |a: A, b: A| a.next_toward(b), "nextafter",
    "array![1.0f32]", "array![2.0f32]" => "array![1.0000001f32]"
);
binary_float!(
    /// `sqrt(a² + b²)` without undue overflow (NumPy's `np.hypot`); `inf`
    /// if either is infinite, even with a NaN.
    hypot, hypot_into, FloatMath, |a: A, b: A| NF::hypot(a, b), "hypot",
    "array![3.0, f64::INFINITY]", "array![4.0, f64::NAN]" => "array![5.0, f64::INFINITY]"
);
binary_float!(
    /// The angle of the point `(x, y) = (b, a)` in `[-pi, pi]`, the quadrant
    /// chosen by the signs of both (NumPy's `np.arctan2(y, x)`).
    arctan2, arctan2_into, FloatMath, |y: A, x: A| NF::atan2(y, x), "arctan2",
    "array![1.0, 0.0]", "array![0.0, -1.0]" => "array![std::f64::consts::FRAC_PI_2, std::f64::consts::PI]"
);
binary_float!(
    /// `log(exp(a) + exp(b))` without overflow (NumPy's `np.logaddexp`).
    logaddexp, logaddexp_into, FloatMath, logaddexp_scalar::<A>, "logaddexp",
    "array![0.0, f64::NEG_INFINITY]", "array![0.0, f64::NEG_INFINITY]" => "array![std::f64::consts::LN_2, f64::NEG_INFINITY]"
);
binary_float!(
    /// `log2(2^a + 2^b)` without overflow (NumPy's `np.logaddexp2`).
    logaddexp2, logaddexp2_into, FloatMath, logaddexp2_scalar::<A>, "logaddexp2",
    "array![1.0, 3.0]", "array![1.0, 3.0]" => "array![2.0, 4.0]"
);
binary_float!(
    /// The Heaviside step (NumPy's `np.heaviside(x, h0)`): 0 for `x < 0`,
    /// `h0` at 0, 1 for `x > 0`, NaN for NaN.
    heaviside, heaviside_into, FloatMath,
    |x: A, h0: A| if x.is_nan() { x } else if x == A::zero() { h0 } else if x < A::zero() { A::zero() } else { A::one() },
    "heaviside", "array![-1.0, 0.0, 2.0]", "array![0.5]" => "array![0.0, 0.5, 1.0]"
);

/// NumPy's `npy_logaddexp`.
#[inline]
fn logaddexp_scalar<A: FloatMath>(x: A, y: A) -> A {
    if x == y {
        return x + A::LN_2();
    }
    let t = x - y;
    if t > A::zero() {
        x + NF::ln_1p(NF::exp(-t))
    } else if t <= A::zero() {
        y + NF::ln_1p(NF::exp(t))
    } else {
        t
    }
}

/// NumPy's `npy_logaddexp2`.
#[inline]
fn logaddexp2_scalar<A: FloatMath>(x: A, y: A) -> A {
    if x == y {
        return x + A::one();
    }
    let t = x - y;
    if t > A::zero() {
        x + A::LOG2_E() * NF::ln_1p(NF::exp2(-t))
    } else if t <= A::zero() {
        y + A::LOG2_E() * NF::ln_1p(NF::exp2(t))
    } else {
        t
    }
}

/// `a * 2^e` with one rounding (NumPy's `np.ldexp`), `e` an `i32` array
/// broadcast against `a`. Integer `a` is converted to its
/// [`ToFloat::Float`](crate::ToFloat) type first (NumPy's promotion).
///
/// ```
/// use numox::prelude::*;
/// let r = numox::ldexp(&array![1.0, 0.75], &array![1024, 3]).unwrap();
/// assert_eq!(r, array![f64::INFINITY, 6.0]);
/// assert_eq!(numox::ldexp(&array![3i64], &array![2]).unwrap(), array![12.0f64]);
/// ```
pub fn ldexp<A, S1, S2>(a: &ArrayBase<S1>, e: &ArrayBase<S2>) -> Result<Array<A::Float>>
where
    A: ToFloat,
    A::Float: FloatMath,
    S1: Data<Elem = A>,
    S2: Data<Elem = i32>,
{
    map2_op("ldexp", a, e, |x: A, e: i32| x.to_float().ldexp_by(e))
}

/// [`ldexp`] into an existing array (NumPy's `np.ldexp(a, e, out=out)`):
/// `a` and `e` must broadcast to `out`'s shape.
///
/// ```
/// use numox::prelude::*;
/// let mut out = array![0.0, 0.0];
/// numox::ldexp_into(&array![1.5], &array![1, -1], &mut out).unwrap();
/// assert_eq!(out, array![3.0, 0.75]);
/// ```
pub fn ldexp_into<A, S1, S2, SO>(a: &ArrayBase<S1>, e: &ArrayBase<S2>, out: &mut ArrayBase<SO>) -> Result<()>
where
    A: ToFloat,
    A::Float: FloatMath,
    S1: Data<Elem = A>,
    S2: Data<Elem = i32>,
    SO: DataMut<Elem = A::Float>,
{
    map2_into_op("ldexp", a, e, out, |x: A, e: i32| x.to_float().ldexp_by(e))
}

/// The shape error of a two-output function whose outputs differ in shape.
fn two_outputs(op: &'static str, first: &[usize], second: &[usize]) -> Result<()> {
    if first == second {
        Ok(())
    } else {
        Err(Error::shape_mismatch(op, first, second))
    }
}

/// The mantissa kernel of `frexp` (shared by [`frexp`] and [`frexp_into`]).
fn frexp_mantissa<F: FloatMath>(x: &[F], o: &mut [MaybeUninit<F>]) {
    kern(|v: F| v.frexp_parts().0)(x, o)
}

/// The exponent kernel of `frexp`.
fn frexp_exponent<F: FloatMath>(x: &[F], o: &mut [MaybeUninit<i32>]) {
    kern(|v: F| v.frexp_parts().1)(x, o)
}

/// The integral part of `modf` (shared by [`modf`] and [`modf_into`]).
fn modf_integral<F: FloatMath>(x: &[F], o: &mut [MaybeUninit<F>]) {
    kern(|v: F| NF::trunc(v))(x, o)
}

/// The mantissa and exponent of each element, `a == m * 2^e` with
/// `0.5 <= |m| < 1` (NumPy's `np.frexp`); `(x, 0)` for 0, ±inf and NaN.
/// Integer input gives mantissas of its [`ToFloat::Float`](crate::ToFloat) type.
///
/// ```
/// use numox::prelude::*;
/// let (m, e) = numox::frexp(&array![8.0, 5e-324, 0.0]);
/// assert_eq!(m, array![0.5, 0.5, 0.0]);
/// assert_eq!(e, array![4, -1073, 0]);
/// let (m, e) = numox::frexp(&array![12i32]);
/// assert_eq!((m, e), (array![0.75f64], array![4]));
/// ```
pub fn frexp<A, S>(a: &ArrayBase<S>) -> (Array<A::Float>, Array<i32>)
where
    A: ToFloat,
    A::Float: FloatMath,
    S: Data<Elem = A>,
{
    (
        unary(a, float_kernel::<A, _>(frexp_mantissa::<A::Float>)),
        unary(a, float_kernel::<A, _>(frexp_exponent::<A::Float>)),
    )
}

/// [`frexp`] into existing arrays (NumPy's `np.frexp(a, out=(m, e))`): `a`
/// is broadcast to the outputs' shape, which must be the same for both.
///
/// ```
/// use numox::prelude::*;
/// let (mut m, mut e) = (array![0.0, 0.0], array![0, 0]);
/// numox::frexp_into(&array![8.0, -3.0], &mut m, &mut e).unwrap();
/// assert_eq!((m, e), (array![0.5, -0.75], array![4, 2]));
/// ```
pub fn frexp_into<A, S, SM, SE>(
    a: &ArrayBase<S>,
    mantissa: &mut ArrayBase<SM>,
    exponent: &mut ArrayBase<SE>,
) -> Result<()>
where
    A: ToFloat,
    A::Float: FloatMath,
    S: Data<Elem = A>,
    SM: DataMut<Elem = A::Float>,
    SE: DataMut<Elem = i32>,
{
    two_outputs("frexp", mantissa.shape(), exponent.shape())?;
    unary_into(
        "frexp",
        a,
        mantissa,
        float_kernel::<A, _>(frexp_mantissa::<A::Float>),
    )?;
    unary_into(
        "frexp",
        a,
        exponent,
        float_kernel::<A, _>(frexp_exponent::<A::Float>),
    )
}

/// The fractional and integral parts, both with the sign of `x` (NumPy's
/// `np.modf`): `modf(-2.5) == (-0.5, -2.0)`, `modf(inf) == (0.0, inf)`.
/// Integer input gives parts of its [`ToFloat::Float`](crate::ToFloat) type.
///
/// ```
/// use numox::prelude::*;
/// let (f, i) = numox::modf(&array![-2.5, f64::INFINITY]);
/// assert_eq!(f, array![-0.5, 0.0]);
/// assert_eq!(i, array![-2.0, f64::INFINITY]);
/// assert_eq!(numox::modf(&array![-7i16]).1, array![-7.0f32]);
/// ```
pub fn modf<A, S>(a: &ArrayBase<S>) -> (Array<A::Float>, Array<A::Float>)
where
    A: ToFloat,
    A::Float: FloatMath,
    S: Data<Elem = A>,
{
    (
        unary(a, float_kernel::<A, _>(modf_fractional::<A::Float>)),
        unary(a, float_kernel::<A, _>(modf_integral::<A::Float>)),
    )
}

/// The fractional part of `modf` (with the sign of `x`; 0 for ±inf).
fn modf_fractional<F: FloatMath>(x: &[F], o: &mut [MaybeUninit<F>]) {
    let frac = |v: F| {
        if NF::is_infinite(v) {
            NF::copysign(<F as num_traits::Zero>::zero(), v)
        } else {
            NF::copysign(v - NF::trunc(v), v)
        }
    };
    kern(frac)(x, o)
}

/// [`modf`] into existing arrays (NumPy's `np.modf(a, out=(f, i))`): `a` is
/// broadcast to the outputs' shape, which must be the same for both.
///
/// ```
/// use numox::prelude::*;
/// let (mut f, mut i) = (array![0.0, 0.0], array![0.0, 0.0]);
/// numox::modf_into(&array![-2.5, 3.25], &mut f, &mut i).unwrap();
/// assert_eq!((f, i), (array![-0.5, 0.25], array![-2.0, 3.0]));
/// ```
pub fn modf_into<A, S, SF, SI>(
    a: &ArrayBase<S>,
    fractional: &mut ArrayBase<SF>,
    integral: &mut ArrayBase<SI>,
) -> Result<()>
where
    A: ToFloat,
    A::Float: FloatMath,
    S: Data<Elem = A>,
    SF: DataMut<Elem = A::Float>,
    SI: DataMut<Elem = A::Float>,
{
    two_outputs("modf", fractional.shape(), integral.shape())?;
    unary_into(
        "modf",
        a,
        fractional,
        float_kernel::<A, _>(modf_fractional::<A::Float>),
    )?;
    unary_into(
        "modf",
        a,
        integral,
        float_kernel::<A, _>(modf_integral::<A::Float>),
    )
}

/// `a^b` in `f64` (NumPy's `np.float_power`: inputs are converted to `f64`
/// first, so `f32`, integer and `bool` inputs give an `f64` result; 64-bit
/// integers beyond 2^53 round to the nearest `f64`, as in NumPy). The two
/// operands may have different real element types.
///
/// ```
/// use numox::prelude::*;
/// let r = numox::float_power(&array![2.0f32, 4.0], &array![3.0f32, 0.5]).unwrap();
/// assert_eq!(r, array![8.0f64, 2.0]);
/// assert_eq!(numox::float_power(&array![2i8], &array![-1i8]).unwrap(), array![0.5f64]);
/// assert_eq!(numox::float_power(&array![2u8], &array![0.5f32]).unwrap(), array![2f64.sqrt()]);
/// assert_eq!(numox::float_power(&array![true, false], &array![false]).unwrap(), array![1.0, 1.0]);
/// ```
pub fn float_power<A, B, S1, S2>(a: &ArrayBase<S1>, b: &ArrayBase<S2>) -> Result<Array<f64>>
where
    A: ToFloat<Float: Into<f64>>,
    B: ToFloat<Float: Into<f64>>,
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
{
    map2_op("float_power", a, b, |x: A, y: B| {
        NF::powf(x.to_float().into(), y.to_float().into())
    })
}

/// [`float_power`] into an existing `f64` array (NumPy's
/// `np.float_power(a, b, out=out)`): `a` and `b` must broadcast to `out`'s shape.
///
/// ```
/// use numox::prelude::*;
/// let mut out = array![0.0, 0.0];
/// numox::float_power_into(&array![2i32, 3], &array![2i32], &mut out).unwrap();
/// assert_eq!(out, array![4.0, 9.0]);
/// numox::float_power_into(&array![2i64, 3], &array![2.0f32], &mut out).unwrap();
/// assert_eq!(out, array![4.0, 9.0]);
/// ```
pub fn float_power_into<A, B, S1, S2, SO>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    out: &mut ArrayBase<SO>,
) -> Result<()>
where
    A: ToFloat<Float: Into<f64>>,
    B: ToFloat<Float: Into<f64>>,
    S1: Data<Elem = A>,
    S2: Data<Elem = B>,
    SO: DataMut<Elem = f64>,
{
    map2_into_op("float_power", a, b, out, |x: A, y: B| {
        NF::powf(x.to_float().into(), y.to_float().into())
    })
}

/// Element types of NumPy's `np.nan_to_num`: floats (NaN and ±inf
/// replaced), complex numbers (their real and imaginary parts replaced
/// separately, as NumPy does) and integers and `bool` (returned unchanged,
/// as NumPy returns them).
pub trait NanToNum: Element {
    /// The type of the replacement values: the float type for floats and
    /// complex numbers, `Self` for integers and `bool` (where they are unused).
    type Part: Copy + Send + Sync;
    /// The default replacement for `+inf`: the largest finite value.
    fn largest() -> Self::Part;
    /// The default replacement for `-inf`: the most negative finite value.
    fn most_negative() -> Self::Part;
    /// `self` with NaN replaced by `nan`, `+inf` by `posinf` and `-inf` by `neginf`.
    ///
    /// ```
    /// use numox::{Complex64, NanToNum};
    /// assert_eq!(f64::NAN.nan_to_num_elem(0.0, 1.0, -1.0), 0.0);
    /// let z = Complex64::new(f64::INFINITY, f64::NAN).nan_to_num_elem(0.0, 9.0, -9.0);
    /// assert_eq!(z, Complex64::new(9.0, 0.0));
    /// assert_eq!(7i32.nan_to_num_elem(0, 1, 2), 7);
    /// ```
    fn nan_to_num_elem(self, nan: Self::Part, posinf: Self::Part, neginf: Self::Part) -> Self;
}

#[inline(always)]
fn nan_to_num_float<F: NF>(v: F, nan: F, posinf: F, neginf: F) -> F {
    if v.is_nan() {
        nan
    } else if v == F::infinity() {
        posinf
    } else if v == F::neg_infinity() {
        neginf
    } else {
        v
    }
}
impl<T: FloatMath> NanToNum for T {
    type Part = T;
    fn largest() -> T {
        <T as NF>::max_value()
    }
    fn most_negative() -> T {
        <T as NF>::min_value()
    }
    #[inline(always)]
    fn nan_to_num_elem(self, nan: T, posinf: T, neginf: T) -> T {
        nan_to_num_float(self, nan, posinf, neginf)
    }
}
macro_rules! nan_to_num_complex_impl {
    ($($c:ty, $t:ty);*) => {$( impl NanToNum for $c {
        type Part = $t;
        fn largest() -> $t { <$t>::MAX }
        fn most_negative() -> $t { <$t>::MIN }
        #[inline(always)]
        fn nan_to_num_elem(self, nan: $t, posinf: $t, neginf: $t) -> $c {
            <$c>::new(nan_to_num_float(self.re, nan, posinf, neginf), nan_to_num_float(self.im, nan, posinf, neginf))
        }
    } )*};
}
nan_to_num_complex_impl!(Complex32, f32; Complex64, f64);
macro_rules! nan_to_num_int_impl {
    ($($t:ty),*) => {$( impl NanToNum for $t {
        type Part = $t;
        fn largest() -> $t { <$t>::MAX }
        fn most_negative() -> $t { <$t>::MIN }
        #[inline(always)]
        fn nan_to_num_elem(self, _: $t, _: $t, _: $t) -> $t { self }
    } )*};
}
nan_to_num_int_impl!(i8, i16, i32, i64, u8, u16, u32, u64);
impl NanToNum for bool {
    type Part = bool;
    fn largest() -> bool {
        true
    }
    fn most_negative() -> bool {
        false
    }
    #[inline(always)]
    fn nan_to_num_elem(self, _: bool, _: bool, _: bool) -> bool {
        self
    }
}

/// The element kernel of `nan_to_num` with the defaults filled in.
fn nan_to_num_kernel<A: NanToNum>(
    nan: A::Part,
    posinf: Option<A::Part>,
    neginf: Option<A::Part>,
) -> impl Fn(&[A], &mut [MaybeUninit<A>]) + Sync + Copy {
    let p = posinf.unwrap_or_else(A::largest);
    let n = neginf.unwrap_or_else(A::most_negative);
    kern(move |v: A| v.nan_to_num_elem(nan, p, n))
}

/// NaN replaced by `nan`, `+inf` by `posinf` (default: the largest finite
/// value) and `-inf` by `neginf` (default: the most negative finite value)
/// (NumPy's `np.nan_to_num(x, nan=0.0, posinf=None, neginf=None)`). Complex
/// numbers have both parts replaced; integer and `bool` arrays are returned
/// unchanged (the replacement values are then of the integer type and unused).
///
/// ```
/// use numox::prelude::*;
/// let a = array![f64::NAN, f64::INFINITY, -f64::INFINITY, 1.5];
/// assert_eq!(numox::nan_to_num(&a, 0.0, None, None), array![0.0, f64::MAX, f64::MIN, 1.5]);
/// assert_eq!(numox::nan_to_num(&a, -1.0, Some(9.0), None)[[1]], 9.0);
/// let z = array![Complex64::new(f64::NAN, f64::NEG_INFINITY)];
/// assert_eq!(numox::nan_to_num(&z, 0.0, None, None), array![Complex64::new(0.0, f64::MIN)]);
/// assert_eq!(numox::nan_to_num(&array![3i8], 0, None, None), array![3i8]);
/// ```
pub fn nan_to_num<A: NanToNum, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    nan: A::Part,
    posinf: Option<A::Part>,
    neginf: Option<A::Part>,
) -> Array<A> {
    unary(a, nan_to_num_kernel(nan, posinf, neginf))
}

/// [`nan_to_num`] into an existing array: `a` is broadcast to `out`'s shape.
///
/// ```
/// use numox::prelude::*;
/// let mut out = array![0.0f32, 0.0];
/// numox::nan_to_num_into(&array![f32::NAN, 2.0], 5.0, None, None, &mut out).unwrap();
/// assert_eq!(out, array![5.0f32, 2.0]);
/// ```
pub fn nan_to_num_into<A: NanToNum, S: Data<Elem = A>, SO: DataMut<Elem = A>>(
    a: &ArrayBase<S>,
    nan: A::Part,
    posinf: Option<A::Part>,
    neginf: Option<A::Part>,
    out: &mut ArrayBase<SO>,
) -> Result<()> {
    unary_into("nan_to_num", a, out, nan_to_num_kernel(nan, posinf, neginf))
}

/// [`nan_to_num`] in place (NumPy's `np.nan_to_num(x, copy=False)`).
///
/// ```
/// use numox::prelude::*;
/// let mut a = array![f64::NEG_INFINITY, 1.0];
/// numox::nan_to_num_inplace(&mut a, 0.0, None, Some(-1.0));
/// assert_eq!(a, array![-1.0, 1.0]);
/// ```
pub fn nan_to_num_inplace<A: NanToNum, SO: DataMut<Elem = A>>(
    a: &mut ArrayBase<SO>,
    nan: A::Part,
    posinf: Option<A::Part>,
    neginf: Option<A::Part>,
) {
    unary_inplace(a, nan_to_num_kernel(nan, posinf, neginf))
}

/// Element types with an absolute value (NumPy's `np.abs`): integers
/// (wrapping: `abs(i8::MIN) == i8::MIN`, as NumPy), floats, and complex
/// numbers (whose absolute value is real, `hypot(re, im)`).
pub trait Absolute: Element {
    /// The result type (the real type for complex numbers).
    type Output: Element;
    /// `|x|`.
    ///
    /// ```
    /// use numox::{Absolute, Complex64};
    /// assert_eq!(Complex64::new(3.0, 4.0).absolute(), 5.0);
    /// assert_eq!((-128i8).absolute(), -128);
    /// ```
    fn absolute(self) -> Self::Output;
}
macro_rules! abs_int {
    ($($t:ty),*) => {$( impl Absolute for $t { type Output = $t; #[inline(always)] fn absolute(self) -> $t { self.wrapping_abs() } } )*};
}
abs_int!(i8, i16, i32, i64);
macro_rules! abs_uint {
    ($($t:ty),*) => {$( impl Absolute for $t { type Output = $t; #[inline(always)] fn absolute(self) -> $t { self } } )*};
}
abs_uint!(u8, u16, u32, u64);
impl Absolute for f32 {
    type Output = f32;
    #[inline(always)]
    fn absolute(self) -> f32 {
        self.abs()
    }
}
impl Absolute for f64 {
    type Output = f64;
    #[inline(always)]
    fn absolute(self) -> f64 {
        self.abs()
    }
}
impl Absolute for Complex32 {
    type Output = f32;
    #[inline(always)]
    fn absolute(self) -> f32 {
        self.re.hypot(self.im)
    }
}
impl Absolute for Complex64 {
    type Output = f64;
    #[inline(always)]
    fn absolute(self) -> f64 {
        self.re.hypot(self.im)
    }
}

unary_map!(
    /// The absolute value (NumPy's `np.abs` / `np.absolute`); real for complex input.
    abs, abs_into, Absolute, A::Output, |v: A| v.absolute(), "abs",
    "array![-1, 2, i32::MIN]" => "array![1, 2, i32::MIN]"
);
unary_map!(
    /// NumPy's `np.absolute`: the same as [`abs`].
    absolute, absolute_into, Absolute, A::Output, |v: A| v.absolute(), "absolute",
    "array![-1.5]" => "array![1.5]"
);

/// Element types with NumPy's `sign`: -1, 0 or 1 for integers and floats
/// (NaN for NaN, `+0.0` for ±0), `z / |z|` for complex numbers.
pub trait Signum: Element {
    /// NumPy's `sign` of one value.
    ///
    /// ```
    /// use numox::Signum;
    /// assert_eq!((-3i64).sign_elem(), -1);
    /// assert!(f64::NAN.sign_elem().is_nan());
    /// ```
    fn sign_elem(self) -> Self;
}
macro_rules! sign_int {
    ($($t:ty),*) => {$( impl Signum for $t { #[inline(always)] fn sign_elem(self) -> $t { (self > 0) as $t - (self < 0) as $t } } )*};
}
sign_int!(i8, i16, i32, i64);
macro_rules! sign_uint {
    ($($t:ty),*) => {$( impl Signum for $t { #[inline(always)] fn sign_elem(self) -> $t { (self > 0) as $t } } )*};
}
sign_uint!(u8, u16, u32, u64);
macro_rules! sign_float {
    ($($t:ty),*) => {$( impl Signum for $t {
        #[inline(always)]
        fn sign_elem(self) -> $t {
            if self.is_nan() { self } else { (self > 0.0) as u8 as $t - (self < 0.0) as u8 as $t }
        }
    } )*};
}
sign_float!(f32, f64);
macro_rules! sign_complex {
    ($($c:ty, $t:ty);*) => {$( impl Signum for $c {
        #[inline]
        fn sign_elem(self) -> $c {
            if self.re.is_nan() || self.im.is_nan() {
                return <$c>::new(<$t>::NAN, <$t>::NAN);
            }
            let (ri, ii) = (self.re.is_infinite(), self.im.is_infinite());
            if ri || ii {
                if ri && ii {
                    return <$c>::new(<$t>::NAN, <$t>::NAN);
                }
                let f = |v: $t, inf: bool| if inf { (1.0 as $t).copysign(v) } else { (0.0 as $t).copysign(v) };
                return <$c>::new(f(self.re, ri), f(self.im, ii));
            }
            let a = self.re.hypot(self.im);
            if a == 0.0 { <$c>::new(0.0, 0.0) } else { <$c>::new(self.re / a, self.im / a) }
        }
    } )*};
}
sign_complex!(Complex32, f32; Complex64, f64);

unary_same!(
    /// The sign (NumPy's `np.sign`): -1, 0, 1 for reals (NaN stays NaN),
    /// `z / |z|` for complex numbers.
    sign, sign_into, sign_inplace, Signum, kern(|v: A| v.sign_elem()), "sign",
    "array![-2.5, 0.0, 3.0]" => "array![-1.0, 0.0, 1.0]"
);
unary_same!(
    /// `x * x` (NumPy's `np.square`); integers wrap.
    square, square_into, square_inplace, Numeric, kern(|v: A| crate::ufunc::ops::numpy_mul(v, v)), "square",
    "array![-3, 4]" => "array![9, 16]"
);
unary_same!(
    /// A copy of `x` (NumPy's `np.positive`, unary `+`).
    positive, positive_into, positive_inplace, Numeric, kern(|v: A| v), "positive",
    "array![-3, 4]" => "array![-3, 4]"
);

/// Element types with NumPy's `power`.
pub trait Power: Numeric {
    /// `self^e`: wrapping exponentiation by squaring for integers, C's
    /// `pow` for floats, `exp(e log z)` for complex numbers (`z^0 == 1`).
    ///
    /// ```
    /// use numox::Power;
    /// assert_eq!(2i8.power(7), -128);
    /// assert_eq!(2.0f64.power(0.5), 2f64.sqrt());
    /// ```
    fn power(self, e: Self) -> Self;
    /// `true` for an exponent NumPy rejects (negative, for signed integers).
    ///
    /// ```
    /// use numox::Power;
    /// assert!(i32::bad_exponent(-1) && !f64::bad_exponent(-1.0));
    /// ```
    fn bad_exponent(e: Self) -> bool;
}
macro_rules! power_int {
    ($($t:ty),*) => {$( impl Power for $t {
        #[inline]
        fn power(self, e: $t) -> $t {
            let (mut base, mut e, mut acc) = (self, e as u64, 1 as $t);
            while e > 0 {
                if e & 1 == 1 { acc = acc.wrapping_mul(base); }
                base = base.wrapping_mul(base);
                e >>= 1;
            }
            acc
        }
        #[inline]
        #[allow(unused_comparisons)]
        fn bad_exponent(e: $t) -> bool { e < 0 }
    } )*};
}
power_int!(i8, i16, i32, i64, u8, u16, u32, u64);
macro_rules! power_float {
    ($($t:ty),*) => {$( impl Power for $t {
        #[inline(always)] fn power(self, e: $t) -> $t { self.powf(e) }
        #[inline(always)] fn bad_exponent(_: $t) -> bool { false }
    } )*};
}
power_float!(f32, f64);
macro_rules! power_complex {
    ($($c:ty),*) => {$( impl Power for $c {
        #[inline]
        fn power(self, e: $c) -> $c {
            if e.re == 0.0 && e.im == 0.0 { return <$c>::new(1.0, 0.0); }
            if e.im == 0.0 && e.re == e.re.trunc() && e.re.abs() <= 100.0 {
                // Small integer exponents by repeated multiplication, as NumPy.
                let n = e.re.abs() as u32;
                let mut acc = <$c>::new(1.0, 0.0);
                let mut base = self;
                let mut k = n;
                while k > 0 {
                    if k & 1 == 1 { acc = crate::ufunc::ops::numpy_mul(acc, base); }
                    base = crate::ufunc::ops::numpy_mul(base, base);
                    k >>= 1;
                }
                return if e.re < 0.0 { <$c>::new(1.0, 0.0) / acc } else { acc };
            }
            if self.re == 0.0 && self.im == 0.0 {
                return if e.re > 0.0 { <$c>::new(0.0, 0.0) } else { <$c>::new(f32::NAN.into(), f32::NAN.into()) };
            }
            self.powc(e)
        }
        #[inline(always)] fn bad_exponent(_: $c) -> bool { false }
    } )*};
}
power_complex!(Complex32, Complex64);

/// `a^b` with broadcasting (NumPy's `np.power`). Integer powers wrap;
/// a negative integer exponent is an error, as in NumPy ("Integers to
/// negative integer powers are not allowed").
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::power(&array![2, 3], &array![10, 2]).unwrap(), array![1024, 9]);
/// assert_eq!(numox::power(&array![4.0], &array![0.5, -1.0]).unwrap(), array![2.0, 0.25]);
/// assert!(numox::power(&array![2], &array![-1]).is_err());
/// ```
pub fn power<A: Power, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<Array<A>> {
    if b.iter().any(|&e| A::bad_exponent(e)) {
        return Err(Error::invalid(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    map2_op("power", a, b, A::power)
}

/// [`power`] into an existing array (NumPy's `np.power(a, b, out=out)`).
///
/// ```
/// use numox::prelude::*;
/// let mut out = array![0.0, 0.0];
/// numox::power_into(&array![2.0, 3.0], &array![2.0], &mut out).unwrap();
/// assert_eq!(out, array![4.0, 9.0]);
/// ```
pub fn power_into<A: Power, S1: Data<Elem = A>, S2: Data<Elem = A>, SO: crate::array::DataMut<Elem = A>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    out: &mut ArrayBase<SO>,
) -> Result<()> {
    if b.iter().any(|&e| A::bad_exponent(e)) {
        return Err(Error::invalid(
            "Integers to negative integer powers are not allowed.",
        ));
    }
    crate::ufunc::kernel::map2_into_op("power", a, b, out, A::power)
}

/// Element types of NumPy's `maximum`, `minimum`, `fmax` and `fmin`:
/// integers, floats, and complex numbers, which NumPy orders
/// lexicographically (real part first, then imaginary part) and treats as
/// NaN when either part is NaN.
pub trait Extremum: Numeric {
    /// NumPy's `maximum` of two values: NaN (the first NaN operand) if
    /// either is NaN; the second for equal values.
    ///
    /// ```
    /// use numox::{Complex64, Extremum};
    /// assert_eq!(3i8.maximum_elem(-2), 3);
    /// assert!(f64::NAN.maximum_elem(1.0).is_nan());
    /// assert_eq!(Complex64::new(1.0, 2.0).maximum_elem(Complex64::new(1.0, 1.0)), Complex64::new(1.0, 2.0));
    /// ```
    fn maximum_elem(self, b: Self) -> Self;
    /// NumPy's `minimum` of two values (NaN propagates as in [`maximum_elem`](Extremum::maximum_elem)).
    ///
    /// ```
    /// use numox::{Complex64, Extremum};
    /// assert_eq!(3u8.minimum_elem(7), 3);
    /// assert_eq!(Complex64::new(1.0, 2.0).minimum_elem(Complex64::new(2.0, 0.0)), Complex64::new(1.0, 2.0));
    /// ```
    fn minimum_elem(self, b: Self) -> Self;
    /// NumPy's `fmax` of two values: a NaN operand is ignored (NaN only if both are).
    ///
    /// ```
    /// use numox::Extremum;
    /// assert_eq!(f64::NAN.fmax_elem(1.0), 1.0);
    /// ```
    fn fmax_elem(self, b: Self) -> Self;
    /// NumPy's `fmin` of two values: a NaN operand is ignored.
    ///
    /// ```
    /// use numox::Extremum;
    /// assert_eq!(2.0f32.fmin_elem(f32::NAN), 2.0);
    /// ```
    fn fmin_elem(self, b: Self) -> Self;
}

/// NaN test that is `false` for integers (`x != x`).
#[inline(always)]
#[allow(clippy::eq_op)]
fn nan<A: PartialOrd>(x: A) -> bool {
    x != x
}

// NumPy's real loops: `maximum` is `(a >= b || isnan(a)) ? a : b` written
// so that equal values give `b`, `fmax` is `(a >= b || isnan(b)) ? a : b`.
// A blanket impl, so that generic code bounded by `RealNumeric` keeps
// calling `maximum` and friends.
impl<T: RealNumeric> Extremum for T {
    #[inline(always)]
    fn maximum_elem(self, b: T) -> T {
        if self > b || nan(self) { self } else { b }
    }
    #[inline(always)]
    fn minimum_elem(self, b: T) -> T {
        if self < b || nan(self) { self } else { b }
    }
    #[inline(always)]
    fn fmax_elem(self, b: T) -> T {
        if self >= b || nan(b) { self } else { b }
    }
    #[inline(always)]
    fn fmin_elem(self, b: T) -> T {
        if self <= b || nan(b) { self } else { b }
    }
}

// NumPy's complex loops (`loops.c.src`): with the lexicographic tests
// CGE(x, y) = (xr > yr && xi, yi not NaN) || (xr == yr && xi >= yi) and CLE
// likewise, `maximum` keeps `a` if `a` has a NaN part or CGE(a, b), else
// takes `b`; `fmax` keeps `a` if `b` has a NaN part or CGE(a, b).
macro_rules! extremum_complex {
    ($($c:ty),*) => {$( impl Extremum for $c {
        #[inline]
        fn maximum_elem(self, b: $c) -> $c {
            if self.re.is_nan() || self.im.is_nan() || complex_ge(self, b) { self } else { b }
        }
        #[inline]
        fn minimum_elem(self, b: $c) -> $c {
            if self.re.is_nan() || self.im.is_nan() || complex_ge(b, self) { self } else { b }
        }
        #[inline]
        fn fmax_elem(self, b: $c) -> $c {
            if b.re.is_nan() || b.im.is_nan() || complex_ge(self, b) { self } else { b }
        }
        #[inline]
        fn fmin_elem(self, b: $c) -> $c {
            if b.re.is_nan() || b.im.is_nan() || complex_ge(b, self) { self } else { b }
        }
    } )*};
}
extremum_complex!(Complex32, Complex64);

/// NumPy's `CGE(x, y)` (and `CLE(x, y)` as `CGE(y, x)`): `x >= y` in the
/// lexicographic order, false when the real parts decide but an imaginary
/// part is NaN.
#[inline(always)]
fn complex_ge<T: num_traits::Float>(x: num_complex::Complex<T>, y: num_complex::Complex<T>) -> bool {
    (x.re > y.re && !x.im.is_nan() && !y.im.is_nan()) || (x.re == y.re && x.im >= y.im)
}

binary!(
    /// The elementwise maximum; NaN if either is NaN (NumPy's `np.maximum`).
    /// For equal values (`-0.0` and `0.0`) the second is returned, as NumPy.
    /// Complex numbers compare lexicographically, as in NumPy.
    maximum, maximum_into, Extremum, A, |a: A, b: A| a.maximum_elem(b), "maximum",
    "array![1.0, 5.0]", "array![2.0, 0.0]" => "array![2.0, 5.0]"
);
binary!(
    /// The elementwise minimum; NaN if either is NaN (NumPy's `np.minimum`).
    minimum, minimum_into, Extremum, A, |a: A, b: A| a.minimum_elem(b), "minimum",
    "array![1, 5]", "array![2, 3]" => "array![1, 3]"
);
binary!(
    /// The elementwise maximum ignoring NaN (NumPy's `np.fmax`): NaN only if
    /// both are NaN.
    fmax, fmax_into, Extremum, A, |a: A, b: A| a.fmax_elem(b), "fmax",
    "array![1.0, f64::NAN]", "array![2.0, 0.0]" => "array![2.0, 0.0]"
);
binary!(
    /// The elementwise minimum ignoring NaN (NumPy's `np.fmin`).
    fmin, fmin_into, Extremum, A, |a: A, b: A| a.fmin_elem(b), "fmin",
    "array![1.0, f64::NAN]", "array![2.0, 0.0]" => "array![1.0, 0.0]"
);

/// Element types with C's `fmod` (NumPy's `np.fmod`): the remainder of the
/// division truncated toward zero, with the sign of the dividend.
pub trait Fmod: RealNumeric {
    /// C's `fmod`; 0 for an integer zero divisor (and `MIN % -1`), as NumPy.
    ///
    /// ```
    /// use numox::Fmod;
    /// assert_eq!((-7).fmod_elem(2), -1);
    /// assert_eq!((-7.5f64).fmod_elem(2.0), -1.5);
    /// ```
    fn fmod_elem(self, b: Self) -> Self;
}
macro_rules! fmod_int {
    ($($t:ty),*) => {$( impl Fmod for $t {
        #[inline(always)] fn fmod_elem(self, b: $t) -> $t { if b == 0 { 0 } else { self.wrapping_rem(b) } }
    } )*};
}
fmod_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl Fmod for f32 {
    #[inline(always)]
    fn fmod_elem(self, b: f32) -> f32 {
        self % b
    }
}
impl Fmod for f64 {
    #[inline(always)]
    fn fmod_elem(self, b: f64) -> f64 {
        self % b
    }
}

binary!(
    /// C's `fmod`, elementwise (NumPy's `np.fmod`): the sign of the dividend
    /// (unlike [`remainder`](crate::remainder), which has the divisor's).
    fmod, fmod_into, Fmod, A, |a: A, b: A| a.fmod_elem(b), "fmod",
    "array![-7, 7]", "array![2, 0]" => "array![-1, 0]"
);

/// `(a // b, a % b)` with broadcasting (NumPy's `np.divmod`), the floor
/// quotient and the remainder with the sign of the divisor.
///
/// ```
/// use numox::prelude::*;
/// let (q, r) = numox::divmod(&array![-7, 7], &array![2]).unwrap();
/// assert_eq!((q, r), (array![-4, 3], array![1, 1]));
/// ```
pub fn divmod<A: RealNumeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
) -> Result<(Array<A>, Array<A>)> {
    Ok((
        map2_op("divmod", a, b, A::floor_div)?,
        map2_op("divmod", a, b, A::rem)?,
    ))
}

/// [`divmod`] into existing arrays (NumPy's `np.divmod(a, b, out=(q, r))`):
/// `a` and `b` must broadcast to the outputs' shape, the same for both.
///
/// ```
/// use numox::prelude::*;
/// let (mut q, mut r) = (array![0.0, 0.0], array![0.0, 0.0]);
/// numox::divmod_into(&array![-7.5, 7.5], &array![2.0], &mut q, &mut r).unwrap();
/// assert_eq!((q, r), (array![-4.0, 3.0], array![0.5, 1.5]));
/// ```
pub fn divmod_into<A, S1, S2, SQ, SR>(
    a: &ArrayBase<S1>,
    b: &ArrayBase<S2>,
    quotient: &mut ArrayBase<SQ>,
    remainder: &mut ArrayBase<SR>,
) -> Result<()>
where
    A: RealNumeric,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    SQ: DataMut<Elem = A>,
    SR: DataMut<Elem = A>,
{
    two_outputs("divmod", quotient.shape(), remainder.shape())?;
    map2_into_op("divmod", a, b, quotient, A::floor_div)?;
    map2_into_op("divmod", a, b, remainder, A::rem)
}
