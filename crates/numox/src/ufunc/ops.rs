//! Arithmetic and bitwise operators on arrays, with NumPy's broadcasting.
//!
//! `+ - * / %` (and `& | ^` for `bool` and integers) work for every pairing
//! of `&ArrayBase` (any storage), `Array`, `ArrayView` and `ArrayViewMut`
//! with each other, and with a scalar of the element type on either side
//! (`&a + 1.0`, `2.0 * &a`). Unary `-` (and `!` for `bool`/integers) too.
//! Compound assignment (`+=` ...) takes an array (broadcast to the left
//! side's shape) or a scalar, and works on owned arrays and writable views.
//!
//! Semantics are NumPy's, elementwise (see [`Numeric`] and [`RealNumeric`]):
//!
//! * integer `+ - *` wrap on overflow (`127i8 + 1 == -128`);
//! * integer `/` is NumPy's **floor division `//`** (Rust has no integer
//!   true division that promotes to float; use [`true_divide`](super::true_divide)
//!   for NumPy's `/` on integers), and `x / 0 == 0` as NumPy gives;
//! * `%` is NumPy's `remainder`: the sign of the divisor (Python's `%`);
//!   `x % 0 == 0` for integers and NaN for floats;
//! * float operations are IEEE (NaN, infinities and `-0.0` as NumPy);
//! * complex `*` rounds as NumPy's array loops do on an FMA machine (see
//!   [`multiply`](super::multiply)), complex `/` is Smith's algorithm.
//!
//! An operand passed by value that owns its elements and already has the
//! result's shape is reused for the result: `a + &b` allocates nothing when
//! `a` is an owned array of the broadcast shape.
//!
//! # Panics
//! When the shapes cannot be broadcast together, with NumPy's message
//! naming both shapes. The checked twins ([`add`](super::add),
//! [`subtract`](super::subtract), ...) return the error instead.
//!
//! ```
//! use numox::prelude::*;
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let b = array![10.0, 20.0];
//! assert_eq!(&a + &b, array![[11.0, 22.0], [13.0, 24.0]]);
//! assert_eq!(2.0 * &a - 1.0, array![[1.0, 3.0], [5.0, 7.0]]);
//! assert_eq!(array![7, -7] / 2, array![3, -4]);     // floor division
//! assert_eq!(array![7, -7] % 3, array![1, 2]);      // sign of the divisor
//! let mut c = a.clone();
//! c += &b;
//! c *= 2.0;
//! assert_eq!(c, array![[22.0, 44.0], [26.0, 48.0]]);
//! ```

use super::kernel::{map1_new, map2_op, update1, update2};
use crate::array::shape::broadcast_pair;
use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Data, DataMut};
use crate::element::{DType, Element, Numeric, RealNumeric};
use crate::error::Error;
use num_complex::Complex;
use std::ops::{
    Add, AddAssign, BitAnd, BitAndAssign, BitOr, BitOrAssign, BitXor, BitXorAssign, Div, DivAssign, Mul,
    MulAssign, Neg, Not, Rem, RemAssign, Sub, SubAssign,
};

mod sealed {
    pub trait Sealed {}
}

/// Element types with bitwise operations: `bool` and the integers
/// (NumPy's `bitwise_and`, `bitwise_or`, `bitwise_xor`, `invert`).
pub trait Bitwise: Element + sealed::Sealed {
    /// `self & rhs` (logical AND for `bool`).
    fn bit_and(self, rhs: Self) -> Self;
    /// `self | rhs`.
    fn bit_or(self, rhs: Self) -> Self;
    /// `self ^ rhs`.
    fn bit_xor(self, rhs: Self) -> Self;
    /// `!self` (NumPy's `~`: logical NOT for `bool`, bitwise for integers).
    fn bit_not(self) -> Self;
}

macro_rules! impl_bitwise {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl Bitwise for $t {
            #[inline(always)]
            fn bit_and(self, rhs: Self) -> Self { self & rhs }
            #[inline(always)]
            fn bit_or(self, rhs: Self) -> Self { self | rhs }
            #[inline(always)]
            fn bit_xor(self, rhs: Self) -> Self { self ^ rhs }
            #[inline(always)]
            fn bit_not(self) -> Self { !self }
        }
    )*};
}
impl_bitwise!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

#[inline(always)]
fn f_add<A: Numeric>(x: A, y: A) -> A {
    Numeric::add(x, y)
}
#[inline(always)]
fn f_sub<A: Numeric>(x: A, y: A) -> A {
    Numeric::sub(x, y)
}
#[inline(always)]
fn f_mul<A: Numeric>(x: A, y: A) -> A {
    numpy_mul(x, y)
}

/// Complex product as NumPy computes it for arrays on an FMA machine
/// (Highway's `MulComplex`): `re = fma(ar, br, -(ai*bi))`,
/// `im = fma(ar, bi, ai*br)`. It differs from the textbook formula in the
/// last bit for some operands; real types use [`Numeric::mul`].
#[inline(always)]
pub(crate) fn numpy_mul<A: Numeric>(x: A, y: A) -> A {
    macro_rules! cmul {
        ($t:ty) => {{
            // SAFETY: `A::DTYPE` identifies the element type uniquely (the trait
            // is sealed), so here `A` is `Complex<$t>` and the copies are identity.
            let (a, b) = unsafe {
                (
                    std::mem::transmute_copy::<A, Complex<$t>>(&x),
                    std::mem::transmute_copy::<A, Complex<$t>>(&y),
                )
            };
            let r = Complex::new(
                a.re.mul_add(b.re, -(a.im * b.im)),
                a.re.mul_add(b.im, a.im * b.re),
            );
            // SAFETY: as above, `A` is `Complex<$t>`.
            unsafe { std::mem::transmute_copy::<Complex<$t>, A>(&r) }
        }};
    }
    match A::DTYPE {
        DType::Complex128 => cmul!(f64),
        DType::Complex64 => cmul!(f32),
        _ => Numeric::mul(x, y),
    }
}
#[inline(always)]
fn f_div<A: Numeric>(x: A, y: A) -> A {
    Numeric::div(x, y)
}
#[inline(always)]
fn f_rem<A: RealNumeric>(x: A, y: A) -> A {
    RealNumeric::rem(x, y)
}
#[inline(always)]
fn f_and<A: Bitwise>(x: A, y: A) -> A {
    x.bit_and(y)
}
#[inline(always)]
fn f_or<A: Bitwise>(x: A, y: A) -> A {
    x.bit_or(y)
}
#[inline(always)]
fn f_xor<A: Bitwise>(x: A, y: A) -> A {
    x.bit_xor(y)
}

/// Panics with the error's message (the operators' failure path).
#[cold]
#[inline(never)]
#[track_caller]
fn fail(e: Error) -> ! {
    panic!("{e}")
}

/// `f(a, b)` into a new array.
#[inline]
fn by_ref<A, S1, S2, F>(op: &'static str, a: &ArrayBase<S1>, b: &ArrayBase<S2>, f: F) -> Array<A>
where
    A: Element,
    S1: Data<Elem = A>,
    S2: Data<Elem = A>,
    F: Fn(A, A) -> A + Sync,
{
    map2_op(op, a, b, f).unwrap_or_else(|e| fail(e))
}

/// `f(a, b)` reusing `a`'s buffer when it already has the result's shape.
#[inline]
fn owned_lhs<A, S2, F>(op: &'static str, mut a: Array<A>, b: &ArrayBase<S2>, f: F) -> Array<A>
where
    A: Element,
    S2: Data<Elem = A>,
    F: Fn(A, A) -> A + Sync,
{
    let shape = broadcast_pair(op, a.shape(), b.shape()).unwrap_or_else(|e| fail(e));
    if shape.as_slice() == a.shape() {
        update2(op, &mut a, b, f).unwrap_or_else(|e| fail(e));
        a
    } else {
        by_ref(op, &a, b, f)
    }
}

/// `f(a, b)` reusing `b`'s buffer when it already has the result's shape.
#[inline]
fn owned_rhs<A, S1, F>(op: &'static str, a: &ArrayBase<S1>, mut b: Array<A>, f: F) -> Array<A>
where
    A: Element,
    S1: Data<Elem = A>,
    F: Fn(A, A) -> A + Sync,
{
    let shape = broadcast_pair(op, a.shape(), b.shape()).unwrap_or_else(|e| fail(e));
    if shape.as_slice() == b.shape() {
        update2(op, &mut b, a, |y, x| f(x, y)).unwrap_or_else(|e| fail(e));
        b
    } else {
        by_ref(op, a, &b, f)
    }
}

/// `f(a, b)` reusing whichever operand's buffer fits the result.
#[inline]
fn owned_both<A, F>(op: &'static str, a: Array<A>, b: Array<A>, f: F) -> Array<A>
where
    A: Element,
    F: Fn(A, A) -> A + Sync,
{
    let shape = broadcast_pair(op, a.shape(), b.shape()).unwrap_or_else(|e| fail(e));
    if shape.as_slice() == a.shape() {
        owned_lhs(op, a, &b, f)
    } else {
        owned_rhs(op, &a, b, f)
    }
}

macro_rules! binop {
    ($Trait:ident, $method:ident, $Bound:ident, $f:ident, $name:literal, [$($scalar:ty),*]) => {
        impl<'a, 'b, A, S1, S2> $Trait<&'b ArrayBase<S2>> for &'a ArrayBase<S1>
        where
            A: $Bound,
            S1: Data<Elem = A>,
            S2: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: &'b ArrayBase<S2>) -> Array<A> {
                by_ref($name, self, rhs, $f::<A>)
            }
        }
        impl<'a, A, S1> $Trait<Array<A>> for &'a ArrayBase<S1>
        where
            A: $Bound,
            S1: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: Array<A>) -> Array<A> {
                owned_rhs($name, self, rhs, $f::<A>)
            }
        }
        impl<'a, 'v, A, S1> $Trait<ArrayView<'v, A>> for &'a ArrayBase<S1>
        where
            A: $Bound,
            S1: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayView<'v, A>) -> Array<A> {
                by_ref($name, self, &rhs, $f::<A>)
            }
        }
        impl<'a, 'v, A, S1> $Trait<ArrayViewMut<'v, A>> for &'a ArrayBase<S1>
        where
            A: $Bound,
            S1: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayViewMut<'v, A>) -> Array<A> {
                by_ref($name, self, &rhs, $f::<A>)
            }
        }
        impl<'b, A, S2> $Trait<&'b ArrayBase<S2>> for Array<A>
        where
            A: $Bound,
            S2: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: &'b ArrayBase<S2>) -> Array<A> {
                owned_lhs($name, self, rhs, $f::<A>)
            }
        }
        impl<A: $Bound> $Trait<Array<A>> for Array<A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: Array<A>) -> Array<A> {
                owned_both($name, self, rhs, $f::<A>)
            }
        }
        impl<'v, A: $Bound> $Trait<ArrayView<'v, A>> for Array<A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayView<'v, A>) -> Array<A> {
                owned_lhs($name, self, &rhs, $f::<A>)
            }
        }
        impl<'v, A: $Bound> $Trait<ArrayViewMut<'v, A>> for Array<A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayViewMut<'v, A>) -> Array<A> {
                owned_lhs($name, self, &rhs, $f::<A>)
            }
        }
        binop!(@view $Trait, $method, $Bound, $f, $name, ArrayView);
        binop!(@view $Trait, $method, $Bound, $f, $name, ArrayViewMut);

        impl<'a, A, S> $Trait<A> for &'a ArrayBase<S>
        where
            A: $Bound,
            S: Data<Elem = A>,
        {
            type Output = Array<A>;
            fn $method(self, rhs: A) -> Array<A> {
                map1_new(self, move |x| $f(x, rhs))
            }
        }
        impl<A: $Bound> $Trait<A> for Array<A> {
            type Output = Array<A>;
            fn $method(mut self, rhs: A) -> Array<A> {
                update1(&mut self, move |x| $f(x, rhs));
                self
            }
        }
        impl<'v, A: $Bound> $Trait<A> for ArrayView<'v, A> {
            type Output = Array<A>;
            fn $method(self, rhs: A) -> Array<A> {
                map1_new(&self, move |x| $f(x, rhs))
            }
        }
        impl<'v, A: $Bound> $Trait<A> for ArrayViewMut<'v, A> {
            type Output = Array<A>;
            fn $method(self, rhs: A) -> Array<A> {
                map1_new(&self, move |x| $f(x, rhs))
            }
        }
        $(
            impl<'a, S: Data<Elem = $scalar>> $Trait<&'a ArrayBase<S>> for $scalar {
                type Output = Array<$scalar>;
                fn $method(self, rhs: &'a ArrayBase<S>) -> Array<$scalar> {
                    map1_new(rhs, move |y| $f(self, y))
                }
            }
            impl $Trait<Array<$scalar>> for $scalar {
                type Output = Array<$scalar>;
                fn $method(self, mut rhs: Array<$scalar>) -> Array<$scalar> {
                    update1(&mut rhs, move |y| $f(self, y));
                    rhs
                }
            }
            impl<'v> $Trait<ArrayView<'v, $scalar>> for $scalar {
                type Output = Array<$scalar>;
                fn $method(self, rhs: ArrayView<'v, $scalar>) -> Array<$scalar> {
                    map1_new(&rhs, move |y| $f(self, y))
                }
            }
            impl<'v> $Trait<ArrayViewMut<'v, $scalar>> for $scalar {
                type Output = Array<$scalar>;
                fn $method(self, rhs: ArrayViewMut<'v, $scalar>) -> Array<$scalar> {
                    map1_new(&rhs, move |y| $f(self, y))
                }
            }
        )*
    };
    (@view $Trait:ident, $method:ident, $Bound:ident, $f:ident, $name:literal, $View:ident) => {
        impl<'v, 'b, A, S2> $Trait<&'b ArrayBase<S2>> for $View<'v, A>
        where
            A: $Bound,
            S2: Data<Elem = A>,
        {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: &'b ArrayBase<S2>) -> Array<A> {
                by_ref($name, &self, rhs, $f::<A>)
            }
        }
        impl<'v, A: $Bound> $Trait<Array<A>> for $View<'v, A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: Array<A>) -> Array<A> {
                owned_rhs($name, &self, rhs, $f::<A>)
            }
        }
        impl<'v, 'w, A: $Bound> $Trait<ArrayView<'w, A>> for $View<'v, A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayView<'w, A>) -> Array<A> {
                by_ref($name, &self, &rhs, $f::<A>)
            }
        }
        impl<'v, 'w, A: $Bound> $Trait<ArrayViewMut<'w, A>> for $View<'v, A> {
            type Output = Array<A>;
            #[track_caller]
            fn $method(self, rhs: ArrayViewMut<'w, A>) -> Array<A> {
                by_ref($name, &self, &rhs, $f::<A>)
            }
        }
    };
}

binop!(Add, add, Numeric, f_add, "add", [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex<f32>, Complex<f64>]);
binop!(Sub, sub, Numeric, f_sub, "subtract", [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex<f32>, Complex<f64>]);
binop!(Mul, mul, Numeric, f_mul, "multiply", [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex<f32>, Complex<f64>]);
binop!(Div, div, Numeric, f_div, "divide", [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, Complex<f32>, Complex<f64>]);
binop!(
    Rem,
    rem,
    RealNumeric,
    f_rem,
    "remainder",
    [i8, i16, i32, i64, u8, u16, u32, u64, f32, f64]
);
binop!(
    BitAnd,
    bitand,
    Bitwise,
    f_and,
    "bitwise_and",
    [bool, i8, i16, i32, i64, u8, u16, u32, u64]
);
binop!(
    BitOr,
    bitor,
    Bitwise,
    f_or,
    "bitwise_or",
    [bool, i8, i16, i32, i64, u8, u16, u32, u64]
);
binop!(
    BitXor,
    bitxor,
    Bitwise,
    f_xor,
    "bitwise_xor",
    [bool, i8, i16, i32, i64, u8, u16, u32, u64]
);

macro_rules! unop {
    ($Trait:ident, $method:ident, $Bound:ident, $f:path) => {
        impl<'a, A: $Bound, S: Data<Elem = A>> $Trait for &'a ArrayBase<S> {
            type Output = Array<A>;
            fn $method(self) -> Array<A> {
                map1_new(self, $f)
            }
        }
        impl<A: $Bound> $Trait for Array<A> {
            type Output = Array<A>;
            fn $method(mut self) -> Array<A> {
                update1(&mut self, $f);
                self
            }
        }
        impl<'v, A: $Bound> $Trait for ArrayView<'v, A> {
            type Output = Array<A>;
            fn $method(self) -> Array<A> {
                map1_new(&self, $f)
            }
        }
        impl<'v, A: $Bound> $Trait for ArrayViewMut<'v, A> {
            type Output = Array<A>;
            fn $method(self) -> Array<A> {
                map1_new(&self, $f)
            }
        }
    };
}

unop!(Neg, neg, Numeric, Numeric::neg);
unop!(Not, not, Bitwise, Bitwise::bit_not);

macro_rules! assignop {
    ($Trait:ident, $method:ident, $Bound:ident, $f:ident, $name:literal) => {
        impl<'b, A, S, S2> $Trait<&'b ArrayBase<S2>> for ArrayBase<S>
        where
            A: $Bound,
            S: DataMut<Elem = A>,
            S2: Data<Elem = A>,
        {
            /// Updates `self` in place with the right side broadcast to its shape.
            ///
            /// # Panics
            /// When the right side cannot be broadcast to `self`'s shape.
            #[track_caller]
            fn $method(&mut self, rhs: &'b ArrayBase<S2>) {
                update2($name, self, rhs, $f::<A>).unwrap_or_else(|e| fail(e))
            }
        }
        impl<A, S, S2> $Trait<ArrayBase<S2>> for ArrayBase<S>
        where
            A: $Bound,
            S: DataMut<Elem = A>,
            S2: Data<Elem = A>,
        {
            #[track_caller]
            fn $method(&mut self, rhs: ArrayBase<S2>) {
                update2($name, self, &rhs, $f::<A>).unwrap_or_else(|e| fail(e))
            }
        }
        impl<A, S> $Trait<A> for ArrayBase<S>
        where
            A: $Bound,
            S: DataMut<Elem = A>,
        {
            fn $method(&mut self, rhs: A) {
                update1(self, move |x| $f(x, rhs))
            }
        }
    };
}

assignop!(AddAssign, add_assign, Numeric, f_add, "add");
assignop!(SubAssign, sub_assign, Numeric, f_sub, "subtract");
assignop!(MulAssign, mul_assign, Numeric, f_mul, "multiply");
assignop!(DivAssign, div_assign, Numeric, f_div, "divide");
assignop!(RemAssign, rem_assign, RealNumeric, f_rem, "remainder");
assignop!(BitAndAssign, bitand_assign, Bitwise, f_and, "bitwise_and");
assignop!(BitOrAssign, bitor_assign, Bitwise, f_or, "bitwise_or");
assignop!(BitXorAssign, bitxor_assign, Bitwise, f_xor, "bitwise_xor");

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    #[test]
    fn owned_operands_are_reused() {
        let a = array![1.0, 2.0, 3.0];
        let p = a.as_ptr();
        let r = a + &array![1.0, 1.0, 1.0];
        assert_eq!(r.as_ptr(), p);
        let b = array![[1.0], [2.0]];
        let q = b.as_ptr();
        // Broadcasting grows the result: no reuse, a new array.
        let r2 = b + array![1.0, 2.0];
        assert_ne!(r2.as_ptr(), q);
        assert_eq!(r2, array![[2.0, 3.0], [3.0, 4.0]]);
        // The right operand is reused when it has the result's shape.
        let c = array![[1, 2], [3, 4]];
        let pc = c.as_ptr();
        let r3 = &array![10, 20] - c;
        assert_eq!(r3.as_ptr(), pc);
        assert_eq!(r3, array![[9, 18], [7, 16]]);
        let s = array![1i8, 2];
        let ps = s.as_ptr();
        let r4 = 100i8 - s;
        assert_eq!((r4.as_ptr(), r4), (ps, array![99i8, 98]));
    }

    #[test]
    fn every_pairing_compiles_and_agrees() {
        let a = array![[1, 2], [3, 4]];
        let b = array![10, 20];
        let want = array![[11, 22], [13, 24]];
        assert_eq!(&a + &b, want);
        assert_eq!(&a + b.clone(), want);
        assert_eq!(&a + b.view(), want);
        assert_eq!(a.clone() + &b, want);
        assert_eq!(a.clone() + b.clone(), want);
        assert_eq!(a.clone() + b.view(), want);
        assert_eq!(a.view() + &b, want);
        assert_eq!(a.view() + b.clone(), want);
        assert_eq!(a.view() + b.view(), want);
        let mut m = b.clone();
        assert_eq!(a.view() + m.view_mut(), want);
        assert_eq!(&a + 1, array![[2, 3], [4, 5]]);
        assert_eq!(1 + &a, array![[2, 3], [4, 5]]);
        assert_eq!(a.view() * 2, array![[2, 4], [6, 8]]);
        assert_eq!(-&a, array![[-1, -2], [-3, -4]]);
        assert_eq!(-a.clone(), array![[-1, -2], [-3, -4]]);
        assert_eq!(!array![true, false], array![false, true]);
        assert_eq!(&array![0b1100u8] & &array![0b1010u8], array![0b1000u8]);
        assert_eq!(array![0b1100u8] ^ 0b1010u8, array![0b0110u8]);
        assert_eq!(!array![0u8, 255], array![255u8, 0]);
    }

    #[test]
    fn numpy_integer_semantics() {
        assert_eq!(array![127i8, -128] + 1, array![-128i8, -127]);
        assert_eq!(array![0u8] - 1, array![255u8]);
        assert_eq!(array![-7i32, 7, -7, 7] / array![2, 2, -2, 0], array![-4, 3, 3, 0]);
        assert_eq!(array![-7i32, 7, -7, 7] % array![2, 2, -2, 0], array![1, 1, -1, 0]);
        assert_eq!(array![i64::MIN] / -1, array![i64::MIN]);
        let f = array![5.5f64, -5.5] % 2.0;
        assert_eq!(f, array![1.5, 0.5]);
        assert!((array![1.0f64] % 0.0)[[0]].is_nan());
    }

    #[test]
    fn compound_assignment_broadcasts_and_works_on_views() {
        let mut a = Array::<f64>::zeros(&[2, 3]);
        a += &array![1.0, 2.0, 3.0];
        a -= 0.5;
        {
            let mut col = a.slice_mut(s![.., 1]);
            col *= 10.0;
        }
        assert_eq!(a, array![[0.5, 15.0, 2.5], [0.5, 15.0, 2.5]]);
        a /= array![[2.0], [1.0]];
        assert_eq!(a, array![[0.25, 7.5, 1.25], [0.5, 15.0, 2.5]]);
        let mut i = array![7, 8, 9];
        i %= 4;
        assert_eq!(i, array![3, 0, 1]);
        let mut bits = array![true, false];
        bits |= true;
        assert_eq!(bits, array![true, true]);
    }

    #[test]
    #[should_panic(expected = "add: operands could not be broadcast together with shapes (2,) (3,)")]
    fn mismatched_shapes_panic_with_both_shapes() {
        let _ = &array![1, 2] + &array![1, 2, 3];
    }

    #[test]
    #[should_panic(expected = "(3,) (2, 3)")]
    fn compound_assignment_cannot_grow_the_left_side() {
        let mut a = array![1, 2, 3];
        a += &array![[1, 2, 3], [4, 5, 6]];
    }
}
