//! Elementwise mathematical functions: NumPy's math ufuncs.
//!
//! Every function takes any array (owned, view, strided, broadcast) and
//! comes in three forms (NumPy's `np.f(a)`, `np.f(a, out=o)`, `np.f(a, out=a)`):
//!
//! * `f(&a)` returns a new C-ordered array (binary functions broadcast their
//!   operands and return a [`Result`](crate::Result));
//! * `f_into(&a, &mut out)` writes into an existing array (`a` is broadcast
//!   to `out`'s shape);
//! * `f_inplace(&mut a)` overwrites `a` (unary functions whose result has
//!   the element type of the input).
//!
//! `exp`, `log`, `sin` and `cos` of `f32`/`f64` run vector kernels chosen at
//! run time (AVX-512, AVX2+FMA or the baseline; see [`simd`]); the other
//! real functions call the platform's libm (glibc: < 1 ULP) in a loop that the
//! compiler vectorises where the function is simple (rounding, `sqrt`,
//! `abs`, classification). Inputs of 2^16 elements and more are split over
//! rayon's threads in fixed chunks, so results depend neither on the thread
//! count nor on the memory layout.
//!
//! | NumPy | numox | element types |
//! |---|---|---|
//! | `sqrt exp exp2 expm1 log log2 log10 log1p` | [`sqrt`], [`exp`], [`exp2`], [`expm1`], [`log`], [`log2`], [`log10`], [`log1p`] | [`Transcendental`]: f32, f64, complex |
//! | `sin cos tan arcsin arccos arctan` | [`sin`], [`cos`], [`tan`], [`arcsin`], [`arccos`], [`arctan`] | [`Transcendental`] |
//! | `sinh cosh tanh arcsinh arccosh arctanh` | [`sinh`], [`cosh`], [`tanh`], [`arcsinh`], [`arccosh`], [`arctanh`] | [`Transcendental`] |
//! | `reciprocal` | [`reciprocal`] | [`Transcendental`] |
//! | `cbrt fabs deg2rad rad2deg radians degrees sinc` | [`cbrt`], [`fabs`], [`deg2rad`], [`rad2deg`], [`radians`], [`degrees`], [`sinc`] | [`FloatMath`]: f32, f64 |
//! | `floor ceil trunc rint fix round/around` | [`floor`], [`ceil`], [`trunc`], [`rint`], [`fix`], [`round`] | [`FloatMath`] |
//! | `arctan2 hypot copysign nextafter fmod logaddexp logaddexp2 heaviside` | [`arctan2`], [`hypot`], [`copysign`], [`nextafter`], [`fmod`], [`logaddexp`], [`logaddexp2`], [`heaviside`] | [`FloatMath`] (`fmod`: also integers) |
//! | `spacing ldexp frexp modf float_power nan_to_num` | [`spacing`], [`ldexp`], [`frexp`], [`modf`], [`float_power`], [`nan_to_num`] | [`FloatMath`] |
//! | `abs absolute sign square positive` | [`abs`], [`absolute`], [`sign`], [`square`], [`positive`] | every numeric type (`abs` of complex is real) |
//! | `power` | [`power`] | every numeric type (integers: negative exponents are an error) |
//! | `maximum minimum fmax fmin` | [`maximum`], [`minimum`], [`fmax`], [`fmin`] | integers and floats |
//! | `divmod` (`floor_divide`, `remainder`: see [`ufunc`](crate::ufunc)) | [`divmod`] | integers and floats |
//! | `isnan isinf isfinite` | [`isnan`], [`isinf`], [`isfinite`] | every numeric type |
//! | `isposinf isneginf signbit` | [`isposinf`], [`isneginf`], [`signbit`] | [`FloatMath`] |
//! | `gcd lcm left_shift right_shift` | [`gcd`], [`lcm`], [`left_shift`], [`right_shift`] | integers |
//! | `bitwise_and bitwise_or bitwise_xor invert bitwise_not bitwise_count` | [`bitwise_and`], [`bitwise_or`], [`bitwise_xor`], [`invert`], [`bitwise_not`], [`bitwise_count`] | integers and bool |
//! | `conj conjugate real imag angle` | [`conj`], [`conjugate`], [`real`], [`imag`], [`angle`] | floats and complex |
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 4.0], [9.0, 16.0]];
//! assert_eq!(numox::sqrt(&a), array![[1.0, 2.0], [3.0, 4.0]]);
//! let mut b = a.clone();
//! numox::sqrt_inplace(&mut b);
//! assert_eq!(b, numox::sqrt(&a));
//! assert_eq!(numox::arctan2(&array![1.0, -1.0], &array![[0.0], [1.0]]).unwrap().shape(), &[2, 2]);
//! ```

pub mod classify;
pub mod complex;
pub(crate) mod engine;
pub mod exp_log;
pub mod float_ops;
pub mod integer;
pub mod rounding;
pub mod simd;
pub mod traits;
pub mod trig;

pub use classify::*;
pub use complex::*;
pub use exp_log::*;
pub use float_ops::*;
pub use integer::*;
pub use rounding::*;
pub use traits::{FloatMath, Transcendental};
pub use trig::*;

/// Defines `name`, `name_into` and `name_inplace` for a unary function whose
/// output type is its input type, from a slice kernel expression `$k` that may
/// use the element type `A`.
macro_rules! unary_same {
    ($(#[$doc:meta])* $name:ident, $into:ident, $inplace:ident, $Tr:path, $k:expr, $np:literal,
     $ex_in:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        #[doc = concat!("assert_eq!(numox::", stringify!($name), "(&a), ", $ex_out, ");")]
        /// ```
        pub fn $name<A: $Tr, S: $crate::array::Data<Elem = A>>(a: &$crate::array::ArrayBase<S>) -> $crate::array::Array<A> {
            $crate::umath::engine::unary(a, $k)
        }

        #[doc = concat!("[`", stringify!($name), "`] into an existing array (NumPy's `np.", $np, "(a, out=out)`); ")]
        /// `a` is broadcast to `out`'s shape, and a shape mismatch is an error.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        /// let mut out = a.clone();
        #[doc = concat!("numox::", stringify!($into), "(&a, &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, ", $ex_out, ");")]
        /// ```
        pub fn $into<A: $Tr, S: $crate::array::Data<Elem = A>, SO: $crate::array::DataMut<Elem = A>>(
            a: &$crate::array::ArrayBase<S>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()> {
            $crate::umath::engine::unary_into($np, a, out, $k)
        }

        #[doc = concat!("[`", stringify!($name), "`] in place (NumPy's `np.", $np, "(a, out=a)`).")]
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let mut a = ", $ex_in, ";")]
        #[doc = concat!("numox::", stringify!($inplace), "(&mut a);")]
        #[doc = concat!("assert_eq!(a, ", $ex_out, ");")]
        /// ```
        pub fn $inplace<A: $Tr, SO: $crate::array::DataMut<Elem = A>>(a: &mut $crate::array::ArrayBase<SO>) {
            $crate::umath::engine::unary_inplace(a, $k)
        }
    };
}
pub(crate) use unary_same;

/// Defines `name` and `name_into` for a unary function with another output
/// type `$Out` (an expression of `A`), from an elementwise function `$f`.
macro_rules! unary_map {
    ($(#[$doc:meta])* $name:ident, $into:ident, $Tr:path, $Out:ty, $f:expr, $np:literal,
     $ex_in:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        #[doc = concat!("assert_eq!(numox::", stringify!($name), "(&a), ", $ex_out, ");")]
        /// ```
        pub fn $name<A: $Tr, S: $crate::array::Data<Elem = A>>(a: &$crate::array::ArrayBase<S>) -> $crate::array::Array<$Out> {
            $crate::umath::engine::unary(a, $crate::umath::engine::kern($f))
        }

        #[doc = concat!("[`", stringify!($name), "`] into an existing array (NumPy's `np.", $np, "(a, out=out)`); ")]
        /// `a` is broadcast to `out`'s shape, and a shape mismatch is an error.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        #[doc = concat!("let mut out = ", $ex_out, ";")]
        #[doc = concat!("numox::", stringify!($into), "(&a, &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, ", $ex_out, ");")]
        /// ```
        pub fn $into<A: $Tr, S: $crate::array::Data<Elem = A>, SO: $crate::array::DataMut<Elem = $Out>>(
            a: &$crate::array::ArrayBase<S>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()> {
            $crate::umath::engine::unary_into($np, a, out, $crate::umath::engine::kern($f))
        }
    };
}
pub(crate) use unary_map;

/// Defines `name` and `name_into` for a binary function with broadcasting.
macro_rules! binary {
    ($(#[$doc:meta])* $name:ident, $into:ident, $Tr:path, $Out:ty, $f:expr, $np:literal,
     $ex_a:literal, $ex_b:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let r = numox::", stringify!($name), "(&", $ex_a, ", &", $ex_b, ").unwrap();")]
        #[doc = concat!("assert_eq!(r, ", $ex_out, ");")]
        /// ```
        pub fn $name<A: $Tr, S1: $crate::array::Data<Elem = A>, S2: $crate::array::Data<Elem = A>>(
            a: &$crate::array::ArrayBase<S1>,
            b: &$crate::array::ArrayBase<S2>,
        ) -> $crate::error::Result<$crate::array::Array<$Out>> {
            $crate::ufunc::kernel::map2_op($np, a, b, $f)
        }

        #[doc = concat!("[`", stringify!($name), "`] into an existing array (NumPy's `np.", $np, "(a, b, out=out)`): ")]
        /// `a` and `b` must broadcast to `out`'s shape.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let mut out = ", $ex_out, ";")]
        #[doc = concat!("numox::", stringify!($into), "(&", $ex_a, ", &", $ex_b, ", &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, ", $ex_out, ");")]
        /// ```
        pub fn $into<
            A: $Tr,
            S1: $crate::array::Data<Elem = A>,
            S2: $crate::array::Data<Elem = A>,
            SO: $crate::array::DataMut<Elem = $Out>,
        >(
            a: &$crate::array::ArrayBase<S1>,
            b: &$crate::array::ArrayBase<S2>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()> {
            $crate::ufunc::kernel::map2_into_op($np, a, b, out, $f)
        }
    };
}
pub(crate) use binary;
