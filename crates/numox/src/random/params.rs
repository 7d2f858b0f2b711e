//! How sampling methods take their arguments: the output `size` (nothing, a
//! length or a shape) and float parameters that are scalars or arrays
//! broadcast against each other, as NumPy's `size=` and array-like parameters.

use crate::array::shape::{broadcast_shapes, checked_size};
use crate::array::{Array, ArrayView};
use crate::error::{Error, Result};

/// The `size` argument of NumPy's sampling methods: nothing (`None`: one
/// draw, returned as a 0-d array), a length, or a shape.
///
/// ```
/// use numox::random::Size;
/// assert_eq!(Size::from(()).shape(), None);
/// assert_eq!(Size::from(5).shape(), Some(&[5usize][..]));
/// assert_eq!(Size::from([2, 3]).shape(), Some(&[2usize, 3][..]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Size(Option<Vec<usize>>);

impl Size {
    /// The shape asked for, or `None` when no size was given.
    ///
    /// ```
    /// use numox::random::Size;
    /// assert_eq!(Size::from(vec![4]).shape(), Some(&[4usize][..]));
    /// ```
    pub fn shape(&self) -> Option<&[usize]> {
        self.0.as_deref()
    }

    /// The output shape when no parameter is an array: `()` for no size.
    pub(crate) fn out_shape(&self) -> &[usize] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl From<()> for Size {
    fn from(_: ()) -> Self {
        Size(None)
    }
}
impl From<usize> for Size {
    fn from(n: usize) -> Self {
        Size(Some(vec![n]))
    }
}
impl From<&[usize]> for Size {
    fn from(s: &[usize]) -> Self {
        Size(Some(s.to_vec()))
    }
}
impl<const N: usize> From<[usize; N]> for Size {
    fn from(s: [usize; N]) -> Self {
        Size(Some(s.to_vec()))
    }
}
impl<const N: usize> From<&[usize; N]> for Size {
    fn from(s: &[usize; N]) -> Self {
        Size(Some(s.to_vec()))
    }
}
impl From<Vec<usize>> for Size {
    fn from(s: Vec<usize>) -> Self {
        Size(Some(s))
    }
}
impl From<Option<&[usize]>> for Size {
    fn from(s: Option<&[usize]>) -> Self {
        Size(s.map(|s| s.to_vec()))
    }
}

/// A float parameter: a scalar or an array (broadcast against the other
/// parameters and `size`, as NumPy broadcasts array-like arguments).
///
/// ```
/// use numox::prelude::*;
/// use numox::random::{FloatParam, default_rng};
/// let locs = array![0.0, 100.0];
/// let x = default_rng(1).normal(&locs, 1.0, ()).unwrap();
/// assert_eq!(x.shape(), &[2]);
/// assert!(matches!(FloatParam::from(2.0), FloatParam::Scalar(_)));
/// ```
#[derive(Clone, Debug)]
pub enum FloatParam<'a> {
    /// One value for every draw.
    Scalar(f64),
    /// One value per draw after broadcasting.
    Array(ArrayView<'a, f64>),
}

impl From<f64> for FloatParam<'_> {
    fn from(v: f64) -> Self {
        FloatParam::Scalar(v)
    }
}
impl<'a> From<&'a Array<f64>> for FloatParam<'a> {
    fn from(a: &'a Array<f64>) -> Self {
        FloatParam::Array(a.view())
    }
}
impl<'a> From<ArrayView<'a, f64>> for FloatParam<'a> {
    fn from(a: ArrayView<'a, f64>) -> Self {
        FloatParam::Array(a)
    }
}
impl<'a> From<&'a [f64]> for FloatParam<'a> {
    fn from(a: &'a [f64]) -> Self {
        FloatParam::Array(ArrayView::from_shape(&[a.len()], a).expect("1-d view of a slice"))
    }
}

impl FloatParam<'_> {
    /// The scalar value when this is a scalar or a 0-d array.
    pub(crate) fn as_scalar(&self) -> Option<f64> {
        match self {
            FloatParam::Scalar(v) => Some(*v),
            FloatParam::Array(a) if a.ndim() == 0 => a.iter().next().copied(),
            FloatParam::Array(_) => None,
        }
    }

    fn shape(&self) -> &[usize] {
        match self {
            FloatParam::Scalar(_) => &[],
            FloatParam::Array(a) => a.shape(),
        }
    }

    /// The values broadcast to `shape`, in C order.
    fn broadcast_values(&self, shape: &[usize]) -> Result<Vec<f64>> {
        match self {
            FloatParam::Scalar(v) => Ok(vec![*v; checked_size(shape)?]),
            FloatParam::Array(a) => Ok(a.broadcast(shape)?.iter().copied().collect()),
        }
    }

    fn check(&self, name: &str, cons: Cons) -> Result<()> {
        match self {
            FloatParam::Scalar(v) => cons.check_scalar(*v, name),
            FloatParam::Array(a) => a.iter().try_for_each(|&v| cons.check_array_elem(v, name)),
        }
    }
}

/// NumPy's parameter constraints (`_common.pyx`), with its error messages.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(dead_code)] // the full set of NumPy's constraints; some serve distributions still to land
pub(crate) enum Cons {
    None,
    /// `x < 0` fails (sign bit set, so `-0.0` fails); NaN passes.
    NonNegative,
    /// `x <= 0` fails; a scalar NaN passes, an array NaN fails.
    Positive,
    /// `x > 0` and not NaN.
    PositiveNotNan,
    /// `0 <= x <= 1`.
    Bounded01,
    /// `0 < x <= 1`.
    BoundedGt01,
    /// `0 <= x < 1`.
    BoundedLt01,
    /// `x > 1`.
    Gt1,
    /// `x >= 1`.
    Gte1,
    /// `0 <= x <= max` (Poisson's `lam`).
    Poisson(f64),
}

// The negated comparisons are deliberate: NaN must fail exactly where NumPy's
// `not (val >= 0)`-style checks fail it.
#[allow(clippy::neg_cmp_op_on_partial_ord, clippy::manual_range_contains)]
impl Cons {
    pub(crate) fn check_scalar(self, v: f64, name: &str) -> Result<()> {
        let bad = |m: String| Err(Error::invalid(m));
        match self {
            Cons::None => Ok(()),
            Cons::NonNegative if !v.is_nan() && v.is_sign_negative() => bad(format!("{name} < 0")),
            Cons::Positive if v <= 0.0 => bad(format!("{name} <= 0")),
            Cons::PositiveNotNan if v.is_nan() => bad(format!("{name} must not be NaN")),
            Cons::PositiveNotNan if v <= 0.0 => bad(format!("{name} <= 0")),
            Cons::Bounded01 if !(v >= 0.0 && v <= 1.0) => {
                bad(format!("{name} < 0, {name} > 1 or {name} is NaN"))
            }
            Cons::BoundedGt01 if !(v > 0.0 && v <= 1.0) => {
                bad(format!("{name} <= 0, {name} > 1 or {name} contains NaNs"))
            }
            Cons::BoundedLt01 if !(v >= 0.0 && v < 1.0) => {
                bad(format!("{name} < 0, {name} >= 1 or {name} is NaN"))
            }
            Cons::Gt1 if !(v > 1.0) => bad(format!("{name} <= 1 or {name} is NaN")),
            Cons::Gte1 if !(v >= 1.0) => bad(format!("{name} < 1 or {name} is NaN")),
            Cons::Poisson(_) if !(v >= 0.0) => bad(format!("{name} < 0 or {name} is NaN")),
            Cons::Poisson(max) if !(v <= max) => bad(format!("{name} value too large")),
            _ => Ok(()),
        }
    }

    fn check_array_elem(self, v: f64, name: &str) -> Result<()> {
        match self {
            // NumPy's array check is `np.all(np.greater(val, 0))`: NaN fails.
            Cons::Positive | Cons::PositiveNotNan if !(v > 0.0) => {
                Err(Error::invalid(format!("{name} <= 0")))
            }
            _ => self.check_scalar(v, name),
        }
    }
}

/// A parameter with its name and constraint, as NumPy's `cont()` takes them.
pub(crate) type Named<'p, 'a> = (&'p FloatParam<'a>, &'static str, Cons);

/// The broadcast plan for a sampling call with float parameters: either
/// every parameter is a scalar (`Scalars`) or each draw gets its own values.
pub(crate) enum Plan<const K: usize> {
    Scalars([f64; K], Vec<usize>),
    Broadcast(Vec<[f64; K]>, Vec<usize>),
}

/// Validate parameters (before any draw) and work out the output shape, as
/// NumPy's `cont()` does: all-scalar parameters take the shape of `size`;
/// otherwise the parameters broadcast together, and against `size` when given
/// (which must then be the broadcast shape).
pub(crate) fn plan<const K: usize>(params: [Named<'_, '_>; K], size: &Size) -> Result<Plan<K>> {
    if let Some(vals) = params
        .iter()
        .map(|(p, _, _)| p.as_scalar())
        .collect::<Option<Vec<f64>>>()
    {
        for (v, (_, name, cons)) in vals.iter().zip(params.iter()) {
            cons.check_scalar(*v, name)?;
        }
        let shape = size.out_shape().to_vec();
        checked_size(&shape)?;
        let mut arr = [0.0; K];
        arr.copy_from_slice(&vals);
        return Ok(Plan::Scalars(arr, shape));
    }
    for (p, name, cons) in params.iter() {
        p.check(name, *cons)?;
    }
    let shapes: Vec<&[usize]> = params.iter().map(|(p, _, _)| p.shape()).collect();
    let mut shape: Vec<usize> = broadcast_shapes(&shapes)?.to_vec();
    if let Some(s) = size.shape() {
        let b = broadcast_shapes(&[s, &shape]).map_err(|_| Error::shape_mismatch("random", s, &shape))?;
        if b.as_slice() != s {
            return Err(Error::invalid(format!(
                "Output size {s:?} is not compatible with broadcast dimensions of inputs {shape:?}."
            )));
        }
        shape = s.to_vec();
    }
    let n = checked_size(&shape)?;
    let cols: Vec<Vec<f64>> = params
        .iter()
        .map(|(p, _, _)| p.broadcast_values(&shape))
        .collect::<Result<_>>()?;
    let rows = (0..n)
        .map(|i| {
            let mut r = [0.0; K];
            for (k, c) in cols.iter().enumerate() {
                r[k] = c[i];
            }
            r
        })
        .collect();
    Ok(Plan::Broadcast(rows, shape))
}

/// Validate, plan and draw: NumPy's `cont()`/`disc()` for a sampler `f` on
/// state `st` (a bit generator, or the legacy state with its cached Gaussian).
pub(crate) fn cont_draw<S: ?Sized, T, const K: usize>(
    st: &mut S,
    params: [Named<'_, '_>; K],
    size: Size,
    mut f: impl FnMut(&mut S, [f64; K]) -> T,
) -> Result<Array<T>> {
    Ok(match plan(params, &size)? {
        Plan::Scalars(v, shape) => super::alloc::fill(&shape, || f(st, v)),
        Plan::Broadcast(rows, shape) => {
            let v: Vec<T> = rows.into_iter().map(|r| f(st, r)).collect();
            Array::from_shape_vec(&shape, v)?
        }
    })
}

/// The parameters broadcast together, one row per element (for checks that
/// involve several parameters, such as `triangular`'s ordering).
pub(crate) fn broadcast_rows<const K: usize>(params: [&FloatParam<'_>; K]) -> Result<Vec<[f64; K]>> {
    let shapes: Vec<&[usize]> = params.iter().map(|p| p.shape()).collect();
    let shape = broadcast_shapes(&shapes)?;
    let n = checked_size(&shape)?;
    let cols: Vec<Vec<f64>> = params
        .iter()
        .map(|p| p.broadcast_values(&shape))
        .collect::<Result<_>>()?;
    Ok((0..n)
        .map(|i| {
            let mut r = [0.0; K];
            for (k, c) in cols.iter().enumerate() {
                r[k] = c[i];
            }
            r
        })
        .collect())
}

/// Integer-array and float parameters broadcast together (and against `size`
/// as in [`plan`]), as NumPy's `disc()` broadcasts `binomial`'s `n` and `p`:
/// returns the integer columns, the float columns and the output shape.
#[allow(clippy::type_complexity)]
pub(crate) fn broadcast_mixed(
    ints: &[crate::array::ArrayView<'_, i64>],
    floats: &[&FloatParam<'_>],
    size: &Size,
) -> Result<(Vec<Vec<i64>>, Vec<Vec<f64>>, Vec<usize>)> {
    let mut shapes: Vec<&[usize]> = ints.iter().map(|a| a.shape()).collect();
    shapes.extend(floats.iter().map(|p| p.shape()));
    let mut shape = broadcast_shapes(&shapes)?.to_vec();
    if let Some(s) = size.shape() {
        let b = broadcast_shapes(&[s, &shape]).map_err(|_| Error::shape_mismatch("random", s, &shape))?;
        if b.as_slice() != s {
            return Err(Error::invalid(format!(
                "Output size {s:?} is not compatible with broadcast dimensions of inputs {shape:?}."
            )));
        }
        shape = s.to_vec();
    }
    checked_size(&shape)?;
    let ic = ints
        .iter()
        .map(|a| Ok(a.broadcast(&shape)?.iter().copied().collect()))
        .collect::<Result<_>>()?;
    let fc = floats
        .iter()
        .map(|p| p.broadcast_values(&shape))
        .collect::<Result<_>>()?;
    Ok((ic, fc, shape))
}
