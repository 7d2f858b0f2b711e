//! Changing shapes and joining arrays: NumPy's array manipulation routines.
//!
//! | family | functions |
//! |---|---|
//! | shape | [`reshape`](fn@reshape), [`ravel`], [`squeeze`], [`expand_dims`], [`atleast_1d`], [`atleast_2d`], [`atleast_3d`], [`ascontiguousarray`], [`asfortranarray`] |
//! | axes | [`transpose`](fn@transpose), [`permute_dims`], [`swapaxes`], [`moveaxis`] |
//! | broadcasting | [`broadcast_to`], [`broadcast_arrays`], [`broadcast_shapes`](crate::broadcast_shapes) |
//! | joining | [`concatenate`], [`stack`], [`hstack`], [`vstack`], [`dstack`], [`column_stack`], [`append`] |
//! | splitting | [`split`](fn@split), [`array_split`], [`hsplit`], [`vsplit`], [`dsplit`] |
//! | tiling | [`tile`](fn@tile), [`repeat`] |
//! | rearranging | [`flip`](fn@flip), [`fliplr`], [`flipud`], [`roll`], [`rot90`] |
//! | padding | [`pad`](fn@pad) |
//! | editing | [`insert`], [`delete`] |
//!
//! Functions that NumPy answers with a view return an [`ArrayView`]
//! (`transpose`, `squeeze`, `flip`, `split`, ...); the others return a new
//! [`Array`](crate::Array). Lists of arrays are slices of anything that
//! gives a view ([`AsArrayView`]): `&[&a, &b]`, `&[a.view(), b.view()]`, or
//! a `Vec<Array<T>>`.
//!
//! Arguments that NumPy accepts as "an int or a sequence of ints" take
//! `impl Into<`[`IntOrList`]`>` (`2`, `[0, 2]`, `&v[..]`), and axis
//! arguments that may also be `None` take `impl Into<`[`AxisSpec`]`>`
//! (`None`, `1`, `[0, 1]`).

mod broadcast;
mod flip;
mod insert_delete;
mod join;
mod pad;
mod reshape;
mod split;
mod tile;
mod transpose;

pub use broadcast::*;
pub use flip::*;
pub use insert_delete::*;
pub use join::*;
pub use pad::*;
pub use reshape::*;
pub use split::*;
pub use tile::*;
pub use transpose::*;

use crate::array::{ArrayBase, ArrayView, CowArray, Data};
use crate::element::Element;
use crate::error::{Error, Result, normalize_axis};
use smallvec::SmallVec;

/// Anything that can lend a read-only view of an array: arrays and views of
/// any storage, references to them, [`CowArray`], and single elements (as
/// 0-d arrays). The list arguments of [`concatenate`], [`stack`],
/// [`meshgrid`](crate::meshgrid), ... take slices of it.
///
/// ```
/// use numox::prelude::*;
/// use numox::AsArrayView;
/// let a = array![1, 2];
/// assert_eq!(a.as_array_view().shape(), &[2]);
/// assert_eq!(7.as_array_view().ndim(), 0);
/// ```
pub trait AsArrayView<A> {
    /// A view of the elements.
    fn as_array_view(&self) -> ArrayView<'_, A>;
}

impl<A, S: Data<Elem = A>> AsArrayView<A> for ArrayBase<S> {
    fn as_array_view(&self) -> ArrayView<'_, A> {
        self.view()
    }
}

impl<A, S: Data<Elem = A>> AsArrayView<A> for &ArrayBase<S> {
    fn as_array_view(&self) -> ArrayView<'_, A> {
        self.view()
    }
}

impl<A> AsArrayView<A> for CowArray<'_, A> {
    fn as_array_view(&self) -> ArrayView<'_, A> {
        self.view()
    }
}

impl<A> AsArrayView<A> for &CowArray<'_, A> {
    fn as_array_view(&self) -> ArrayView<'_, A> {
        self.view()
    }
}

impl<A: Element> AsArrayView<A> for A {
    fn as_array_view(&self) -> ArrayView<'_, A> {
        ArrayView::from_shape(&[], std::slice::from_ref(self)).expect("one element fits the 0-d shape")
    }
}

/// An integer or a list of integers, as NumPy's arguments that accept
/// either (`axis` of `expand_dims`, `indices_or_sections` of `split`,
/// `repeats` of `repeat`, `obj` of `insert`/`delete`, `shift` of `roll`).
/// Built with `.into()` from `isize`, arrays, slices and `Vec`s of `isize`.
///
/// Where NumPy treats a scalar differently from a one-element list (the
/// section count of `split`, the values of `insert`), `One` is the scalar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntOrList {
    /// A single integer (a Python `int`).
    One(isize),
    /// A sequence of integers (a Python list or 1-d array).
    List(Vec<isize>),
}

impl IntOrList {
    /// The integers as a slice (one element for `One`).
    ///
    /// ```
    /// use numox::IntOrList;
    /// assert_eq!(IntOrList::from(4).as_slice(), &[4]);
    /// assert_eq!(IntOrList::from([1, 2]).as_slice(), &[1, 2]);
    /// ```
    pub fn as_slice(&self) -> &[isize] {
        match self {
            IntOrList::One(i) => std::slice::from_ref(i),
            IntOrList::List(v) => v,
        }
    }
}

impl From<isize> for IntOrList {
    fn from(i: isize) -> Self {
        IntOrList::One(i)
    }
}
impl From<&[isize]> for IntOrList {
    fn from(v: &[isize]) -> Self {
        IntOrList::List(v.to_vec())
    }
}
impl From<Vec<isize>> for IntOrList {
    fn from(v: Vec<isize>) -> Self {
        IntOrList::List(v)
    }
}
impl From<&Vec<isize>> for IntOrList {
    fn from(v: &Vec<isize>) -> Self {
        IntOrList::List(v.clone())
    }
}
impl<const N: usize> From<[isize; N]> for IntOrList {
    fn from(v: [isize; N]) -> Self {
        IntOrList::List(v.to_vec())
    }
}
impl<const N: usize> From<&[isize; N]> for IntOrList {
    fn from(v: &[isize; N]) -> Self {
        IntOrList::List(v.to_vec())
    }
}

/// An axis argument that may be `None` (all axes, or "flatten first"), one
/// axis, or several (NumPy's `axis=None | int | tuple`). Built with
/// `.into()` from `None`, `Some(axis)`, an `isize`, arrays, slices and
/// `Vec`s of `isize`.
///
/// ```
/// use numox::AxisSpec;
/// assert_eq!(AxisSpec::from(None), AxisSpec::All);
/// assert_eq!(AxisSpec::from(-1).axes(), Some(&[-1][..]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AxisSpec {
    /// `axis=None`.
    All,
    /// The given axes (negative counts from the end).
    Axes(SmallVec<[isize; 4]>),
}

impl AxisSpec {
    /// The axes, or `None` for [`AxisSpec::All`].
    ///
    /// ```
    /// use numox::AxisSpec;
    /// assert_eq!(AxisSpec::from([0, 2]).axes(), Some(&[0, 2][..]));
    /// assert_eq!(AxisSpec::from(None).axes(), None);
    /// ```
    pub fn axes(&self) -> Option<&[isize]> {
        match self {
            AxisSpec::All => None,
            AxisSpec::Axes(v) => Some(v),
        }
    }
}

impl From<Option<isize>> for AxisSpec {
    fn from(a: Option<isize>) -> Self {
        match a {
            None => AxisSpec::All,
            Some(a) => AxisSpec::Axes(SmallVec::from_slice(&[a])),
        }
    }
}
impl From<isize> for AxisSpec {
    fn from(a: isize) -> Self {
        AxisSpec::Axes(SmallVec::from_slice(&[a]))
    }
}
impl From<&[isize]> for AxisSpec {
    fn from(v: &[isize]) -> Self {
        AxisSpec::Axes(SmallVec::from_slice(v))
    }
}
impl From<Vec<isize>> for AxisSpec {
    fn from(v: Vec<isize>) -> Self {
        AxisSpec::Axes(SmallVec::from_vec(v))
    }
}
impl From<&Vec<isize>> for AxisSpec {
    fn from(v: &Vec<isize>) -> Self {
        AxisSpec::Axes(SmallVec::from_slice(v))
    }
}
impl<const N: usize> From<[isize; N]> for AxisSpec {
    fn from(v: [isize; N]) -> Self {
        AxisSpec::Axes(SmallVec::from_slice(&v))
    }
}
impl<const N: usize> From<&[isize; N]> for AxisSpec {
    fn from(v: &[isize; N]) -> Self {
        AxisSpec::Axes(SmallVec::from_slice(v))
    }
}

/// Normalises a list of axes against `ndim` (NumPy's
/// `normalize_axis_tuple`): negative axes count from the end; repeated
/// axes are an error unless `allow_duplicates`.
pub(crate) fn normalize_axes(
    axes: &[isize],
    ndim: usize,
    allow_duplicates: bool,
) -> Result<SmallVec<[usize; 4]>> {
    let mut out: SmallVec<[usize; 4]> = SmallVec::with_capacity(axes.len());
    for &a in axes {
        let ax = normalize_axis(a, ndim)?;
        if !allow_duplicates && out.contains(&ax) {
            return Err(Error::invalid(format!("repeated axis {a}")));
        }
        out.push(ax);
    }
    Ok(out)
}

/// Collects the views of a list argument, erroring on an empty list.
pub(crate) fn views_of<'a, A, V: AsArrayView<A>>(arrays: &'a [V], op: &str) -> Result<Vec<ArrayView<'a, A>>> {
    if arrays.is_empty() {
        return Err(Error::invalid(format!("{op}: need at least one array")));
    }
    Ok(arrays.iter().map(|a| a.as_array_view()).collect())
}
