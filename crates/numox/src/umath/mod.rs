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
//! | `sqrt exp exp2 expm1 log log2 log10 log1p` | [`sqrt`], [`exp`], [`exp2`], [`expm1`], [`log`], [`log2`], [`log10`], [`log1p`] | [`ToFloat`] with a [`Transcendental`] float type: f32, f64, complex, integers, bool |
//! | `sin cos tan arcsin arccos arctan` | [`sin`], [`cos`], [`tan`], [`arcsin`], [`arccos`], [`arctan`] | [`ToFloat`] → [`Transcendental`] |
//! | `sinh cosh tanh arcsinh arccosh arctanh` | [`sinh`], [`cosh`], [`tanh`], [`arcsinh`], [`arccosh`], [`arctanh`] | [`ToFloat`] → [`Transcendental`] |
//! | `reciprocal` | [`reciprocal`] | [`Transcendental`]: f32, f64, complex |
//! | `cbrt fabs deg2rad rad2deg radians degrees rint spacing` | [`cbrt`], [`fabs`], [`deg2rad`], [`rad2deg`], [`radians`], [`degrees`], [`rint`], [`spacing`] | [`ToFloat`] with a [`FloatMath`] float type: f32, f64, integers, bool |
//! | `sinc` | [`sinc`] | [`Sinc`]: f32, f64; integers and bool give f64 |
//! | `floor ceil trunc fix round/around` | [`floor`], [`ceil`], [`trunc`], [`fix`], [`round`] | [`Rounding`]: f32, f64, integers (kept as they are, NumPy 2) |
//! | `arctan2 hypot copysign nextafter logaddexp logaddexp2 heaviside` | [`arctan2`], [`hypot`], [`copysign`], [`nextafter`], [`logaddexp`], [`logaddexp2`], [`heaviside`] | [`FloatPair`] → [`FloatMath`] (two operands of one type or of two real types, promoted as NumPy) |
//! | `fmod` | [`fmod`] | integers and floats |
//! | `ldexp frexp modf` | [`ldexp`], [`frexp`], [`modf`] | [`ToFloat`] → [`FloatMath`] |
//! | `float_power` | [`float_power`] | integers and floats (result `f64`) |
//! | `nan_to_num` | [`nan_to_num`] | [`NanToNum`]: floats, complex (each part), integers and bool (unchanged) |
//! | `abs absolute sign square positive` | [`abs`], [`absolute`], [`sign`], [`square`], [`positive`] | every numeric type (`abs` of complex is real) |
//! | `power` | [`power`] | every numeric type (integers: negative exponents are an error) |
//! | `maximum minimum fmax fmin` | [`maximum`], [`minimum`], [`fmax`], [`fmin`] | [`Extremum`]: integers, floats, complex (lexicographic, as NumPy) |
//! | `divmod` (`floor_divide`, `remainder`: see [`ufunc`](crate::ufunc)) | [`divmod`] | integers and floats |
//! | `isnan isinf isfinite` | [`isnan`], [`isinf`], [`isfinite`] | every numeric type |
//! | `isposinf isneginf signbit` | [`isposinf`], [`isneginf`], [`signbit`] | [`ToFloat`] → [`FloatMath`] |
//! | `gcd lcm left_shift right_shift` | [`gcd`], [`lcm`], [`left_shift`], [`right_shift`] | integers |
//! | `bitwise_and bitwise_or bitwise_xor invert bitwise_not bitwise_count` | [`bitwise_and`], [`bitwise_or`], [`bitwise_xor`], [`invert`], [`bitwise_not`], [`bitwise_count`] | integers and bool |
//! | `conj conjugate real imag angle` | [`conj`], [`conjugate`], [`real`], [`imag`], [`angle`] | floats and complex |
//!
//! Integer and `bool` input to the float functions is promoted as NumPy
//! promotes it (see [`ToFloat`]): `i32`, `u32`, `i64`, `u64` compute in `f64`,
//! `i16`, `u16` in `f32`, and `bool`, `i8`, `u8` in `f32` (NumPy: `float16`,
//! which numox does not have). Float input is passed to the kernels as it is.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 4.0], [9.0, 16.0]];
//! assert_eq!(numox::sqrt(&a), array![[1.0, 2.0], [3.0, 4.0]]);
//! let mut b = a.clone();
//! numox::sqrt_inplace(&mut b);
//! assert_eq!(b, numox::sqrt(&a));
//! assert_eq!(numox::arctan2(&array![1.0, -1.0], &array![[0.0], [1.0]]).unwrap().shape(), &[2, 2]);
//! // integers are promoted: i64 -> f64
//! assert_eq!(numox::sqrt(&array![4i64, 9]), array![2.0, 3.0]);
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
pub use traits::{FloatMath, FloatPair, ToFloat, Transcendental};
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

/// Defines `name`, `name_into` and `name_inplace` for a float function (NumPy's
/// float-only ufuncs): `name` and `name_into` take any [`ToFloat`] element type
/// and return its float type (integers are converted, floats pass through
/// untouched), `name_inplace` takes the float types of `$Tr` only. The slice
/// kernel expression `$k` may use the float element type `A: $Tr`.
macro_rules! unary_float {
    ($(#[$doc:meta])* $name:ident, $into:ident, $inplace:ident, $Tr:path, $k:expr, $np:literal,
     $ex_in:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// Integer and `bool` input is computed in its [`ToFloat::Float`](crate::ToFloat)
        /// type, as NumPy promotes it (`i32`/`i64` give `f64`, `i16` gives `f32`).
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        #[doc = concat!("assert_eq!(numox::", stringify!($name), "(&a), ", $ex_out, ");")]
        /// ```
        pub fn $name<A, S>(a: &$crate::array::ArrayBase<S>) -> $crate::array::Array<A::Float>
        where
            A: $crate::umath::traits::ToFloat,
            A::Float: $Tr,
            S: $crate::array::Data<Elem = A>,
        {
            fn kernel<A: $Tr>() -> impl Fn(&[A], &mut [::std::mem::MaybeUninit<A>]) + Sync + Copy {
                $k
            }
            fn block<A: $Tr>(x: &[A], o: &mut [::std::mem::MaybeUninit<A>]) {
                kernel::<A>()(x, o)
            }
            $crate::umath::engine::unary(a, $crate::umath::engine::float_kernel::<A, _>(block::<A::Float>))
        }

        #[doc = concat!("[`", stringify!($name), "`] into an existing array (NumPy's `np.", $np, "(a, out=out)`); ")]
        /// `a` is broadcast to `out`'s shape, and a shape mismatch is an error.
        /// `out` has the float type of `a`'s elements.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        /// let mut out = a.clone();
        #[doc = concat!("numox::", stringify!($into), "(&a, &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, ", $ex_out, ");")]
        /// ```
        pub fn $into<A, S, SO>(
            a: &$crate::array::ArrayBase<S>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()>
        where
            A: $crate::umath::traits::ToFloat,
            A::Float: $Tr,
            S: $crate::array::Data<Elem = A>,
            SO: $crate::array::DataMut<Elem = A::Float>,
        {
            fn kernel<A: $Tr>() -> impl Fn(&[A], &mut [::std::mem::MaybeUninit<A>]) + Sync + Copy {
                $k
            }
            fn block<A: $Tr>(x: &[A], o: &mut [::std::mem::MaybeUninit<A>]) {
                kernel::<A>()(x, o)
            }
            $crate::umath::engine::unary_into(
                $np,
                a,
                out,
                $crate::umath::engine::float_kernel::<A, _>(block::<A::Float>),
            )
        }

        #[doc = concat!("[`", stringify!($name), "`] in place (NumPy's `np.", $np, "(a, out=a)`), for float elements.")]
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let mut a = ", $ex_in, ";")]
        #[doc = concat!("numox::", stringify!($inplace), "(&mut a);")]
        #[doc = concat!("assert_eq!(a, ", $ex_out, ");")]
        /// ```
        pub fn $inplace<A: $Tr, SO: $crate::array::DataMut<Elem = A>>(a: &mut $crate::array::ArrayBase<SO>) {
            fn kernel<A: $Tr>() -> impl Fn(&[A], &mut [::std::mem::MaybeUninit<A>]) + Sync + Copy {
                $k
            }
            $crate::umath::engine::unary_inplace(a, kernel::<A>())
        }
    };
}
pub(crate) use unary_float;

/// Defines `name` and `name_into` for a float function with a fixed output
/// type `$Out` (NumPy's `signbit`, `isposinf`, `isneginf`), taking any
/// [`ToFloat`] element type; the elementwise function `$f` may use the float
/// element type `A: $Tr`.
macro_rules! unary_map_float {
    ($(#[$doc:meta])* $name:ident, $into:ident, $Tr:path, $Out:ty, $f:expr, $np:literal,
     $ex_in:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// Integer and `bool` input is converted to its [`ToFloat::Float`](crate::ToFloat)
        /// type first, as NumPy does.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let a = ", $ex_in, ";")]
        #[doc = concat!("assert_eq!(numox::", stringify!($name), "(&a), ", $ex_out, ");")]
        /// ```
        pub fn $name<A, S>(a: &$crate::array::ArrayBase<S>) -> $crate::array::Array<$Out>
        where
            A: $crate::umath::traits::ToFloat,
            A::Float: $Tr,
            S: $crate::array::Data<Elem = A>,
        {
            fn kernel<A: $Tr>() -> impl Fn(&[A], &mut [::std::mem::MaybeUninit<$Out>]) + Sync + Copy {
                $crate::umath::engine::kern($f)
            }
            fn block<A: $Tr>(x: &[A], o: &mut [::std::mem::MaybeUninit<$Out>]) {
                kernel::<A>()(x, o)
            }
            $crate::umath::engine::unary(a, $crate::umath::engine::float_kernel::<A, _>(block::<A::Float>))
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
        pub fn $into<A, S, SO>(
            a: &$crate::array::ArrayBase<S>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()>
        where
            A: $crate::umath::traits::ToFloat,
            A::Float: $Tr,
            S: $crate::array::Data<Elem = A>,
            SO: $crate::array::DataMut<Elem = $Out>,
        {
            fn kernel<A: $Tr>() -> impl Fn(&[A], &mut [::std::mem::MaybeUninit<$Out>]) + Sync + Copy {
                $crate::umath::engine::kern($f)
            }
            fn block<A: $Tr>(x: &[A], o: &mut [::std::mem::MaybeUninit<$Out>]) {
                kernel::<A>()(x, o)
            }
            $crate::umath::engine::unary_into(
                $np,
                a,
                out,
                $crate::umath::engine::float_kernel::<A, _>(block::<A::Float>),
            )
        }
    };
}
pub(crate) use unary_map_float;

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

/// Defines `name` and `name_into` for a binary float function with
/// broadcasting: the operands' element types form a [`FloatPair`] and the
/// result has its float type (NumPy's promotion). The elementwise function `$f` may use the float type `A: $Tr`.
macro_rules! binary_float {
    ($(#[$doc:meta])* $name:ident, $into:ident, $Tr:path, $f:expr, $np:literal,
     $ex_a:literal, $ex_b:literal => $ex_out:literal) => {
        $(#[$doc])*
        ///
        /// Integer and `bool` operands, and operands of two different real
        /// types, are converted to their [`FloatPair::Float`](crate::FloatPair)
        /// type first, as NumPy promotes them.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let r = numox::", stringify!($name), "(&", $ex_a, ", &", $ex_b, ").unwrap();")]
        #[doc = concat!("assert_eq!(r, ", $ex_out, ");")]
        /// ```
        pub fn $name<A, B, S1, S2>(
            a: &$crate::array::ArrayBase<S1>,
            b: &$crate::array::ArrayBase<S2>,
        ) -> $crate::error::Result<$crate::array::Array<<A as $crate::umath::traits::FloatPair<B>>::Float>>
        where
            A: $crate::umath::traits::FloatPair<B>,
            B: $crate::element::Element,
            <A as $crate::umath::traits::FloatPair<B>>::Float: $Tr,
            S1: $crate::array::Data<Elem = A>,
            S2: $crate::array::Data<Elem = B>,
        {
            fn func<A: $Tr>() -> impl Fn(A, A) -> A + Sync + Copy {
                $f
            }
            let f = func::<<A as $crate::umath::traits::FloatPair<B>>::Float>();
            $crate::ufunc::kernel::map2_op($np, a, b, move |x: A, y: B| {
                let (x, y) = $crate::umath::traits::FloatPair::float_pair(x, y);
                f(x, y)
            })
        }

        #[doc = concat!("[`", stringify!($name), "`] into an existing array (NumPy's `np.", $np, "(a, b, out=out)`): ")]
        /// `a` and `b` must broadcast to `out`'s shape; `out` has their float type.
        ///
        /// ```
        /// use numox::prelude::*;
        #[doc = concat!("let mut out = ", $ex_out, ";")]
        #[doc = concat!("numox::", stringify!($into), "(&", $ex_a, ", &", $ex_b, ", &mut out).unwrap();")]
        #[doc = concat!("assert_eq!(out, ", $ex_out, ");")]
        /// ```
        pub fn $into<A, B, S1, S2, SO>(
            a: &$crate::array::ArrayBase<S1>,
            b: &$crate::array::ArrayBase<S2>,
            out: &mut $crate::array::ArrayBase<SO>,
        ) -> $crate::error::Result<()>
        where
            A: $crate::umath::traits::FloatPair<B>,
            B: $crate::element::Element,
            <A as $crate::umath::traits::FloatPair<B>>::Float: $Tr,
            S1: $crate::array::Data<Elem = A>,
            S2: $crate::array::Data<Elem = B>,
            SO: $crate::array::DataMut<Elem = <A as $crate::umath::traits::FloatPair<B>>::Float>,
        {
            fn func<A: $Tr>() -> impl Fn(A, A) -> A + Sync + Copy {
                $f
            }
            let f = func::<<A as $crate::umath::traits::FloatPair<B>>::Float>();
            $crate::ufunc::kernel::map2_into_op($np, a, b, out, move |x: A, y: B| {
                let (x, y) = $crate::umath::traits::FloatPair::float_pair(x, y);
                f(x, y)
            })
        }
    };
}
pub(crate) use binary_float;
