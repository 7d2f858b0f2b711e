//! [`DynArray`]: an array whose element type is known only at run time, as
//! every NumPy array's dtype is. `.npy`/`.npz` readers return it.

use crate::array::{Array, ArrayView};
use crate::element::{Complex32, Complex64, DType, Element};
use crate::error::{Error, Result};
use std::any::Any;

/// An owned array of any of numox's thirteen element types: what
/// [`load_npy`](crate::io::load_npy) returns when the dtype is known only
/// from the file (NumPy's `ndarray` with its run-time `dtype`).
///
/// Get a typed array back with [`DynArray::into_typed`] (exact dtype) or
/// [`DynArray::astype`] (NumPy's cast from whatever it holds).
///
/// ```
/// use numox::prelude::*;
/// use numox::DynArray;
/// let d = DynArray::from(array![[1i32, 2], [3, 4]]);
/// assert_eq!(d.dtype(), DType::Int32);
/// assert_eq!(d.shape(), &[2, 2]);
/// assert!(d.as_typed::<f64>().is_err());
/// assert_eq!(d.astype::<f64>(), array![[1.0, 2.0], [3.0, 4.0]]);
/// let a: Array<i32> = d.into_typed().unwrap();
/// assert_eq!(a.get(&[1, 0]), Some(&3));
/// ```
#[derive(Clone)]
pub enum DynArray {
    /// `bool`
    Bool(Array<bool>),
    /// `int8`
    Int8(Array<i8>),
    /// `int16`
    Int16(Array<i16>),
    /// `int32`
    Int32(Array<i32>),
    /// `int64`
    Int64(Array<i64>),
    /// `uint8`
    UInt8(Array<u8>),
    /// `uint16`
    UInt16(Array<u16>),
    /// `uint32`
    UInt32(Array<u32>),
    /// `uint64`
    UInt64(Array<u64>),
    /// `float32`
    Float32(Array<f32>),
    /// `float64`
    Float64(Array<f64>),
    /// `complex64`
    Complex64(Array<Complex32>),
    /// `complex128`
    Complex128(Array<Complex64>),
}

/// Runs `$body` with `$a` bound to the typed array inside `$d`, whatever its dtype.
macro_rules! with_dyn {
    ($d:expr, $a:ident => $body:expr) => {
        match $d {
            DynArray::Bool($a) => $body,
            DynArray::Int8($a) => $body,
            DynArray::Int16($a) => $body,
            DynArray::Int32($a) => $body,
            DynArray::Int64($a) => $body,
            DynArray::UInt8($a) => $body,
            DynArray::UInt16($a) => $body,
            DynArray::UInt32($a) => $body,
            DynArray::UInt64($a) => $body,
            DynArray::Float32($a) => $body,
            DynArray::Float64($a) => $body,
            DynArray::Complex64($a) => $body,
            DynArray::Complex128($a) => $body,
        }
    };
}
pub(crate) use with_dyn;

impl DynArray {
    /// The element type (NumPy's `a.dtype`).
    ///
    /// ```
    /// use numox::{DType, DynArray, array};
    /// assert_eq!(DynArray::from(array![1.0f32]).dtype(), DType::Float32);
    /// ```
    pub fn dtype(&self) -> DType {
        match self {
            DynArray::Bool(_) => DType::Bool,
            DynArray::Int8(_) => DType::Int8,
            DynArray::Int16(_) => DType::Int16,
            DynArray::Int32(_) => DType::Int32,
            DynArray::Int64(_) => DType::Int64,
            DynArray::UInt8(_) => DType::UInt8,
            DynArray::UInt16(_) => DType::UInt16,
            DynArray::UInt32(_) => DType::UInt32,
            DynArray::UInt64(_) => DType::UInt64,
            DynArray::Float32(_) => DType::Float32,
            DynArray::Float64(_) => DType::Float64,
            DynArray::Complex64(_) => DType::Complex64,
            DynArray::Complex128(_) => DType::Complex128,
        }
    }

    /// The length of each axis (`a.shape`).
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// assert_eq!(DynArray::from(array![[true], [false]]).shape(), &[2, 1]);
    /// ```
    pub fn shape(&self) -> &[usize] {
        with_dyn!(self, a => a.shape())
    }

    /// The number of axes (`a.ndim`).
    ///
    /// ```
    /// use numox::{Array, DynArray};
    /// assert_eq!(DynArray::from(Array::from_elem0(1u8)).ndim(), 0);
    /// ```
    pub fn ndim(&self) -> usize {
        with_dyn!(self, a => a.ndim())
    }

    /// The number of elements (`a.size`).
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// assert_eq!(DynArray::from(array![[1, 2, 3], [4, 5, 6]]).size(), 6);
    /// ```
    pub fn size(&self) -> usize {
        with_dyn!(self, a => a.size())
    }

    /// `true` when the array is laid out in Fortran order and not in C order
    /// (what `.npy` files call `fortran_order`).
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// assert!(!DynArray::from(array![[1, 2], [3, 4]]).is_fortran_order());
    /// assert!(DynArray::from(array![[1, 2], [3, 4]].reversed_axes()).is_fortran_order());
    /// ```
    pub fn is_fortran_order(&self) -> bool {
        with_dyn!(self, a => a.is_f_contiguous() && !a.is_c_contiguous())
    }

    /// The array as `Array<T>`, when `T` is exactly its element type;
    /// otherwise [`Error::DTypeMismatch`] naming both dtypes (no conversion
    /// happens: use [`DynArray::astype`] for that).
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// let d = DynArray::from(array![1u16, 2]);
    /// assert!(d.clone().into_typed::<u32>().is_err());
    /// assert_eq!(d.into_typed::<u16>().unwrap(), array![1u16, 2]);
    /// ```
    pub fn into_typed<T: Element>(self) -> Result<Array<T>> {
        let found = self.dtype();
        let mut slot: Option<Array<T>> = None;
        with_dyn!(self, a => {
            let mut src = Some(a);
            if let Some(s) = (&mut src as &mut dyn Any).downcast_mut::<Option<Array<T>>>() {
                slot = s.take();
            }
        });
        slot.ok_or_else(|| mismatch(T::DTYPE, found))
    }

    /// A view of the array as `ArrayView<T>`, when `T` is exactly its
    /// element type (else [`Error::DTypeMismatch`]).
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// let d = DynArray::from(array![1.5, 2.5]);
    /// assert_eq!(d.as_typed::<f64>().unwrap().to_vec(), vec![1.5, 2.5]);
    /// assert!(d.as_typed::<f32>().is_err());
    /// ```
    pub fn as_typed<T: Element>(&self) -> Result<ArrayView<'_, T>> {
        with_dyn!(self, a => (a as &dyn Any)
            .downcast_ref::<Array<T>>()
            .map(|t| t.view())
            .ok_or_else(|| mismatch(T::DTYPE, self.dtype())))
    }

    /// A copy converted to `T` with NumPy's casting rules (`a.astype(T)`),
    /// whatever element type the array holds; the result is in C order.
    ///
    /// ```
    /// use numox::{DynArray, array};
    /// let d = DynArray::from(array![1.9, -1.9]);
    /// assert_eq!(d.astype::<i8>(), array![1i8, -1]);
    /// ```
    pub fn astype<T: Element>(&self) -> Array<T> {
        with_dyn!(self, a => a.astype::<T>())
    }
}

fn mismatch(expected: DType, found: DType) -> Error {
    Error::DTypeMismatch {
        expected: expected.name().to_string(),
        found: found.name().to_string(),
    }
}

impl<T: Element> From<Array<T>> for DynArray {
    /// Wraps a typed array (no copy).
    fn from(a: Array<T>) -> Self {
        let mut src = Some(a);
        let any = &mut src as &mut dyn Any;
        macro_rules! try_variant {
            ($($v:ident: $t:ty),*) => {
                $(if let Some(s) = any.downcast_mut::<Option<Array<$t>>>() {
                    return DynArray::$v(s.take().expect("taken once"));
                })*
            };
        }
        try_variant!(Bool: bool, Int8: i8, Int16: i16, Int32: i32, Int64: i64, UInt8: u8, UInt16: u16,
            UInt32: u32, UInt64: u64, Float32: f32, Float64: f64, Complex64: Complex32,
            Complex128: Complex64);
        unreachable!("Element is sealed: the thirteen types above are all of them")
    }
}

impl std::fmt::Debug for DynArray {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DynArray<{}>(", self.dtype())?;
        with_dyn!(self, a => std::fmt::Debug::fmt(a, f))?;
        write!(f, ")")
    }
}

impl PartialEq for DynArray {
    /// Same dtype, same shape, equal elements (NaN never equals NaN, as in `np.array_equal`).
    fn eq(&self, other: &DynArray) -> bool {
        self.dtype() == other.dtype()
            && with_dyn!(self, a => other.as_typed().map(|b| a.equals(&b)).unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn round_trips_every_dtype() {
        fn check<T: Element>(x: T) {
            let a = Array::from_vec(vec![x, x]);
            let d = DynArray::from(a.clone());
            assert_eq!(d.dtype(), T::DTYPE);
            assert_eq!(d.as_typed::<T>().unwrap(), a);
            assert_eq!(d.clone().into_typed::<T>().unwrap(), a);
        }
        check(true);
        check(1i8);
        check(1i16);
        check(1i32);
        check(1i64);
        check(1u8);
        check(1u16);
        check(1u32);
        check(1u64);
        check(1f32);
        check(1f64);
        check(Complex32::new(1.0, 2.0));
        check(Complex64::new(1.0, 2.0));
    }

    #[test]
    fn mismatch_names_both_dtypes() {
        let d = DynArray::from(array![1i64]);
        let e = d.into_typed::<f32>().unwrap_err();
        assert_eq!(e.to_string(), "dtype mismatch: expected float32, found int64");
    }

    #[test]
    fn equality_requires_same_dtype() {
        assert_ne!(DynArray::from(array![1i64]), DynArray::from(array![1i32]));
        assert_eq!(DynArray::from(array![1i64]), DynArray::from(array![1i64]));
    }
}
