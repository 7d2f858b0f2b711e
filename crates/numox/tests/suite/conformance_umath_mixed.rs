//! Binary float functions on operands of two different real element types,
//! against NumPy 2.4.6 (data: tools/refgen/gen_umath_mixed.py, 155 cases).
//!
//! * `promote` (110 cases, every ordered pair of `bool`, the eight integer
//!   types, `f32` and `f64`): [`FloatPair::float_pair`] gives NumPy's
//!   computation type (the dtype of `np.arctan2(a, b)`; reading NumPy's
//!   output as `<A as FloatPair<B>>::Float` fails on any other dtype) and
//!   converts each operand as NumPy's cast does, bit for bit. Where NumPy
//!   computes in `float16` (two of `bool`, `i8`, `u8`) numox computes in `f32`
//!   and the reference is the operands cast to `float32`.
//! * the functions themselves on six mixed pairs (results `f32` or `f64`), and
//!   `float_power` on three, allocating and `_into` forms. Tolerances as in
//!   conformance_umath_int.rs for the same functions: `copysign`,
//!   `nextafter`, `heaviside` bit for bit (exact IEEE operations on the same
//!   converted values); `arctan2`, `hypot`, `logaddexp(2)`, `float_power`
//!   3 ULP (f64) / 5 ULP (f32): numox within 1 ULP of the exact value, NumPy
//!   within its own accuracy-table bound (2 / 4 ULP).

use crate::common;

use common::{Case, assert_same, assert_ulps, check_all_cases};
use numox::prelude::*;
use numox::{FloatMath, FloatPair};

type R = Result<(), String>;

fn promote<A: FloatPair<B>, B: Element>(c: &Case) -> R {
    let (a, b) = (c.input::<A>(0), c.input::<B>(1));
    let (want_a, want_b) = (c.output::<A::Float>(0), c.output::<A::Float>(1));
    let pairs: Vec<_> = a
        .iter()
        .zip(b.iter())
        .map(|(&x, &y)| A::float_pair(x, y))
        .collect();
    let got_a = Array::from_vec(pairs.iter().map(|p| p.0).collect());
    let got_b = Array::from_vec(pairs.iter().map(|p| p.1).collect());
    assert_same(&got_a, &want_a, format!("{} left", c.ctx()));
    assert_same(&got_b, &want_b, format!("{} right", c.ctx()));
    Ok(())
}

fn binary<A, B, F>(c: &Case) -> R
where
    A: FloatPair<B, Float = F>,
    B: Element,
    F: FloatMath,
{
    let (a, b) = (c.input::<A>(0), c.input::<B>(1));
    let want = c.output::<F>(0);
    let (got, exact) = match c.op.as_str() {
        "arctan2" => (numox::arctan2(&a, &b), false),
        "hypot" => (numox::hypot(&a, &b), false),
        "copysign" => (numox::copysign(&a, &b), true),
        "nextafter" => (numox::nextafter(&a, &b), true),
        "logaddexp" => (numox::logaddexp(&a, &b), false),
        "logaddexp2" => (numox::logaddexp2(&a, &b), false),
        "heaviside" => (numox::heaviside(&a, &b), true),
        op => return Err(format!("unknown op {op}")),
    };
    let got = got.map_err(|e| e.to_string())?;
    let single = F::DTYPE == DType::Float32;
    if exact {
        assert_same(&got, &want, c.ctx());
    } else {
        assert_ulps(&got, &want, if single { 5 } else { 3 }, c.ctx());
    }
    let mut out = Array::<F>::zeros(want.shape());
    match c.op.as_str() {
        "arctan2" => numox::arctan2_into(&a, &b, &mut out),
        "hypot" => numox::hypot_into(&a, &b, &mut out),
        "copysign" => numox::copysign_into(&a, &b, &mut out),
        "nextafter" => numox::nextafter_into(&a, &b, &mut out),
        "logaddexp" => numox::logaddexp_into(&a, &b, &mut out),
        "logaddexp2" => numox::logaddexp2_into(&a, &b, &mut out),
        _ => numox::heaviside_into(&a, &b, &mut out),
    }
    .map_err(|e| e.to_string())?;
    assert_same(&out, &got, format!("{} into", c.ctx()));
    Ok(())
}

fn float_power<A, B>(c: &Case) -> R
where
    A: numox::ToFloat<Float: Into<f64>>,
    B: numox::ToFloat<Float: Into<f64>>,
{
    let (a, b) = (c.input::<A>(0), c.input::<B>(1));
    let want = c.output::<f64>(0);
    let got = numox::float_power(&a, &b).map_err(|e| e.to_string())?;
    assert_ulps(&got, &want, 3, c.ctx());
    let mut out = Array::<f64>::zeros(want.shape());
    numox::float_power_into(&a, &b, &mut out).map_err(|e| e.to_string())?;
    assert_same(&out, &got, format!("{} into", c.ctx()));
    Ok(())
}

/// Calls `$f::<A, B>(c)` for the (A, B) whose dtypes are the case's inputs'.
macro_rules! with_pairs {
    ($c:expr, $f:ident, [$($a:ty),*], $bs:tt) => {{
        let (da, db) = ($c.inputs[0].dtype(), $c.inputs[1].dtype());
        $( with_pairs!(@b $c, $f, da, db, $a, $bs); )*
        Err(format!("dtypes {da:?}, {db:?} not expected for op {}", $c.op))
    }};
    (@b $c:expr, $f:ident, $da:ident, $db:ident, $a:ty, [$($b:ty),*]) => {
        $(
            if $da == <$a as Element>::DTYPE && $db == <$b as Element>::DTYPE {
                return $f::<$a, $b>($c);
            }
        )*
    };
}

/// The function cases' pairs with their float type.
macro_rules! with_function_pairs {
    ($c:expr, [$(($a:ty, $b:ty) => $f:ty),*]) => {{
        let (da, db) = ($c.inputs[0].dtype(), $c.inputs[1].dtype());
        $(
            if da == <$a as Element>::DTYPE && db == <$b as Element>::DTYPE {
                return binary::<$a, $b, $f>($c);
            }
        )*
        Err(format!("dtypes {da:?}, {db:?} not expected for op {}", $c.op))
    }};
}

fn run(c: &Case) -> R {
    match c.op.as_str() {
        "promote" => with_pairs!(
            c,
            promote,
            [bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64],
            [bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64]
        ),
        "float_power" => with_pairs!(c, float_power, [i32, u8, bool], [f32, f64, i16]),
        _ => with_function_pairs!(c, [
            (i32, f64) => f64, (f64, i64) => f64, (i16, f32) => f32,
            (f32, u16) => f32, (u64, f32) => f64, (bool, f64) => f64
        ]),
    }
}

#[test]
fn umath_mixed_matches_numpy() {
    check_all_cases("umath_mixed", 155, run);
}
