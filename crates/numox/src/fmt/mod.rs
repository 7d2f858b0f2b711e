//! NumPy's printing: `Display` is `str(a)`, `Debug` is `repr(a)`.
//!
//! Arrays print character for character as NumPy 2.4 prints them, for every
//! element type and any layout (views, reversed or strided axes, 0-d,
//! empty): the shared element width, the choice between positional and
//! scientific notation, summarisation with `...` past `threshold` elements,
//! wrapping at `linewidth`, and the `dtype=`/`shape=` suffixes of `repr`.
//!
//! | numox | NumPy |
//! |---|---|
//! | `format!("{a}")`, `a.to_string()` | `str(a)`, `print(a)` |
//! | `format!("{a:?}")` | `repr(a)` |
//! | `format!("{a:.3}")`, `format!("{a:.3?}")` | the same with `precision=3` |
//! | [`array_str`], [`array_repr`], [`array2string`], [`array2string_with`] | `np.array_str`, `np.array_repr`, `np.array2string` with explicit options |
//! | [`set_printoptions`], [`get_printoptions`], [`with_printoptions`] | `np.set_printoptions`, `np.get_printoptions`, `with np.printoptions(...)` |
//! | [`format_float_positional`], [`format_float_scientific`] | the functions of the same names |
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 2.5], [-3.0, 4.0]];
//! assert_eq!(a.to_string(), "[[ 1.   2.5]\n [-3.   4. ]]");
//! assert_eq!(format!("{a:?}"), "array([[ 1. ,  2.5],\n       [-3. ,  4. ]])");
//! let b = array![1i8, -2, 3];
//! assert_eq!(format!("{b:?}"), "array([ 1, -2,  3], dtype=int8)");
//! let c: Array<i64> = (0..2000).collect();
//! assert_eq!(c.to_string(), "[   0    1    2 ... 1997 1998 1999]");
//! ```
//!
//! Not supported: NumPy's `legacy` modes, custom `formatter` callables and
//! `override_repr`.

mod arrayprint;
mod dragon4;
mod options;

pub use dragon4::{FloatFormatOptions, Trim, format_float_positional, format_float_scientific};
pub use options::{FloatMode, PrintOptions, Sign, get_printoptions, set_printoptions, with_printoptions};

use crate::array::{ArrayBase, CowArray, Data};
use crate::element::Element;
use std::fmt;

/// Applies a `{:.N}` precision from the formatter to the current options.
fn options_for(f: &fmt::Formatter<'_>) -> PrintOptions {
    let mut opts = get_printoptions();
    if let Some(p) = f.precision() {
        opts.precision = p;
    }
    opts
}

/// `str(a)`: what NumPy's `print(a)` shows, with the current print options
/// ([`get_printoptions`]); `{:.N}` sets the precision.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(format!("{}", array![0.1f32, 2.0]), "[0.1 2. ]");
/// assert_eq!(format!("{:.2}", array![1.0 / 3.0]), "[0.33]");
/// assert_eq!(Array::from_elem0(1.5).to_string(), "1.5");
/// ```
impl<A: Element, S: Data<Elem = A>> fmt::Display for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&arrayprint::array_str_impl(self, &options_for(f)))
    }
}

/// `repr(a)`: `array([...])` with `dtype=` and `shape=` where NumPy adds
/// them, with the current print options; `{:.N?}` sets the precision.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(format!("{:?}", array![1.5f32, 2.0]), "array([1.5, 2. ], dtype=float32)");
/// assert_eq!(format!("{:?}", Array::<f64>::zeros(&[0, 3])), "array([], shape=(0, 3), dtype=float64)");
/// assert_eq!(format!("{:?}", Array::from_elem0(3i8)), "array(3, dtype=int8)");
/// ```
impl<A: Element, S: Data<Elem = A>> fmt::Debug for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&arrayprint::array_repr_impl(self, &options_for(f)))
    }
}

/// `str` of the array the `CowArray` holds.
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(a.reshape(&[4]).unwrap().to_string(), "[1 2 3 4]");
/// ```
impl<A: Element> fmt::Display for CowArray<'_, A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.view(), f)
    }
}

/// NumPy's `np.array_str(a)` with explicit options: the text of `str(a)`
/// (a 0-d array prints as its scalar, e.g. `1.5`).
///
/// ```
/// use numox::{array, array_str, PrintOptions};
/// let o = PrintOptions { precision: 3, ..Default::default() };
/// assert_eq!(array_str(&array![1.0 / 3.0, 1.0], &o), "[0.333 1.   ]");
/// ```
pub fn array_str<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, options: &PrintOptions) -> String {
    arrayprint::array_str_impl(a, options)
}

/// NumPy's `np.array_repr(a)` with explicit options: the text of `repr(a)`.
///
/// ```
/// use numox::{array, array_repr, PrintOptions};
/// let o = PrintOptions { threshold: 4, edgeitems: 1, ..Default::default() };
/// assert_eq!(array_repr(&array![1i64, 2, 3, 4, 5], &o), "array([1, ..., 5], shape=(5,))");
/// ```
pub fn array_repr<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, options: &PrintOptions) -> String {
    arrayprint::array_repr_impl(a, options)
}

/// NumPy's `np.array2string(a)` with explicit options (separator `' '`, no
/// prefix or suffix).
///
/// Unlike [`array_str`], a 0-d array goes through the array formatter
/// (`1.e+20` rather than the scalar's `1e+20`), and an empty array prints `[]`.
///
/// ```
/// use numox::{array, array2string, PrintOptions};
/// let o = PrintOptions { suppress: true, precision: 2, ..Default::default() };
/// assert_eq!(array2string(&array![1e-16, 1.0, 2.0, 3.0], &o), "[0. 1. 2. 3.]");
/// ```
pub fn array2string<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, options: &PrintOptions) -> String {
    arrayprint::array2string_impl(a, options, " ", "", "")
}

/// NumPy's `np.array2string(a, separator=..., prefix=..., suffix=...)`:
/// elements are joined by `separator`; the lengths of `prefix` and `suffix`
/// set the indentation of continuation lines and shorten the line width, as
/// if the result were printed as `prefix + text + suffix` (their text is not
/// included).
///
/// ```
/// use numox::{array, array2string_with, PrintOptions};
/// let o = PrintOptions::default();
/// assert_eq!(array2string_with(&array![[1, 2], [3, 4]], &o, ",", "", ""), "[[1,2],\n [3,4]]");
/// let x: numox::Array<i64> = (0..10).collect();
/// let narrow = PrintOptions { linewidth: 20, ..o };
/// assert_eq!(array2string_with(&x, &narrow, ", ", "x = ", ""), "[0, 1, 2, 3, 4,\n     5, 6, 7, 8, 9]");
/// ```
pub fn array2string_with<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    options: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    arrayprint::array2string_impl(a, options, separator, prefix, suffix)
}
