//! Coordinate grids: NumPy's `meshgrid`, `indices` and `fromfunction`.

use crate::array::copy::{try_to_owned, try_to_vec, try_vec};
use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::{Array, ArrayView};
use crate::error::Result;
use crate::manip::AsArrayView;

/// The indexing convention of [`meshgrid`]: `Xy` (NumPy's default,
/// Cartesian: the first two output axes are swapped) or `Ij` (matrix).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Indexing {
    /// `indexing='xy'`: for inputs of lengths `M, N` the outputs have shape `(N, M)`.
    #[default]
    Xy,
    /// `indexing='ij'`: for inputs of lengths `M, N` the outputs have shape `(M, N)`.
    Ij,
}

/// The output axis of input `i` of `nd` in `meshgrid`.
fn mesh_axis(i: usize, nd: usize, indexing: Indexing) -> usize {
    if indexing == Indexing::Xy && nd > 1 && i < 2 {
        1 - i
    } else {
        i
    }
}

/// The reshaped (not broadcast) inputs of `meshgrid`: input `i`, flattened,
/// lies along output axis `i` (axes 0 and 1 swapped for `Xy`).
fn mesh_axes<A: Clone, V: AsArrayView<A>>(xi: &[V], indexing: Indexing) -> Result<Vec<Array<A>>> {
    let nd = xi.len();
    let mut out = Vec::with_capacity(nd);
    for (i, x) in xi.iter().enumerate() {
        let v = try_to_vec(&x.as_array_view())?;
        let mut shape: Shape = Shape::from_elem(1, nd);
        let axis = mesh_axis(i, nd, indexing);
        shape[axis] = v.len();
        out.push(Array::from_shape_vec(&shape, v)?);
    }
    Ok(out)
}

/// Coordinate arrays from coordinate vectors (NumPy's `np.meshgrid(*xi,
/// indexing=..., sparse=...)`, always copying as NumPy's default
/// `copy=True`). Each input is flattened.
///
/// With `sparse`, output `i` has length 1 on every axis but its own (ready
/// for broadcasting); otherwise every output has the full grid shape. With
/// [`Indexing::Xy`] the first two inputs correspond to output axes 1 and 0.
///
/// ```
/// use numox::prelude::*;
/// use numox::Indexing;
/// let (x, y) = (array![1, 2, 3], array![10, 20]);
/// let g = numox::meshgrid(&[&x, &y], Indexing::Xy, false).unwrap();
/// assert_eq!(g[0], array![[1, 2, 3], [1, 2, 3]]);
/// assert_eq!(g[1], array![[10, 10, 10], [20, 20, 20]]);
/// let s = numox::meshgrid(&[&x, &y], Indexing::Ij, true).unwrap();
/// assert_eq!((s[0].shape(), s[1].shape()), (&[3, 1][..], &[1, 2][..]));
/// ```
pub fn meshgrid<A: Clone, V: AsArrayView<A>>(
    xi: &[V],
    indexing: Indexing,
    sparse: bool,
) -> Result<Vec<Array<A>>> {
    let axes = mesh_axes(xi, indexing)?;
    if sparse {
        return Ok(axes);
    }
    let mut shape: Shape = Shape::from_elem(1, axes.len());
    for (i, a) in axes.iter().enumerate() {
        shape[mesh_axis(i, axes.len(), indexing)] = a.size();
    }
    checked_size_bytes::<A>(&shape)?;
    axes.iter().map(|a| try_to_owned(&a.broadcast(&shape)?)).collect()
}

/// [`meshgrid`] without copying (NumPy's `copy=False`): read-only views of
/// the flattened inputs, broadcast to the grid shape (or only reshaped with
/// `sparse`). The inputs must be contiguous or 1-d for a view to exist, so
/// this takes 1-d views.
///
/// ```
/// use numox::prelude::*;
/// use numox::Indexing;
/// let (x, y) = (array![1.0, 2.0], array![5.0, 6.0, 7.0]);
/// let g = numox::meshgrid_views(&[x.view(), y.view()], Indexing::Ij, false).unwrap();
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].strides(), &[1, 0]);
/// ```
pub fn meshgrid_views<'a, A>(
    xi: &[ArrayView<'a, A>],
    indexing: Indexing,
    sparse: bool,
) -> Result<Vec<ArrayView<'a, A>>> {
    let nd = xi.len();
    let mut full: Shape = Shape::from_elem(1, nd);
    let mut parts = Vec::with_capacity(nd);
    for (i, x) in xi.iter().enumerate() {
        let flat = x.clone().into_shape(&[-1], crate::Order::C)?;
        let axis = mesh_axis(i, nd, indexing);
        full[axis] = flat.size();
        // Put the 1-d view on `axis` with unit axes around it.
        let mut v = flat;
        for _ in 0..axis {
            v = v.insert_axis(0)?;
        }
        for _ in axis + 1..nd {
            v = v.insert_axis(-1)?;
        }
        parts.push(v);
    }
    if sparse {
        return Ok(parts);
    }
    crate::array::shape::checked_size(&full)?;
    parts.into_iter().map(|p| p.into_broadcast(&full)).collect()
}

/// The index grid of a shape (NumPy's `np.indices(dims)`): an array of
/// shape `(len(dims), *dims)` whose slice `i` holds each element's index
/// along axis `i`.
///
/// ```
/// use numox::prelude::*;
/// let g = numox::indices(&[2, 3]).unwrap();
/// assert_eq!(g.shape(), &[2, 2, 3]);
/// assert_eq!(g.index_axis(0, 0).unwrap(), array![[0, 0, 0], [1, 1, 1]]);
/// assert_eq!(g.index_axis(0, 1).unwrap(), array![[0, 1, 2], [0, 1, 2]]);
/// ```
pub fn indices(dims: &[usize]) -> Result<Array<i64>> {
    let mut shape: Shape = Shape::from_slice(&[dims.len()]);
    shape.extend_from_slice(dims);
    let n = checked_size_bytes::<i64>(&shape)?;
    let mut v = try_vec(n, &shape)?;
    for ax in 0..dims.len() {
        let inner: usize = dims[ax + 1..].iter().product();
        let outer: usize = dims[..ax].iter().product();
        for _ in 0..outer {
            for i in 0..dims[ax] {
                v.extend(std::iter::repeat_n(i as i64, inner));
            }
        }
    }
    Array::from_shape_vec(&shape, v)
}

/// The sparse index grid (NumPy's `np.indices(dims, sparse=True)`): one
/// array per axis, `0..dims[i]` along axis `i` and length 1 elsewhere.
///
/// ```
/// let g = numox::indices_sparse(&[2, 3]).unwrap();
/// assert_eq!(g[0].shape(), &[2, 1]);
/// assert_eq!(g[1].to_vec(), vec![0, 1, 2]);
/// ```
pub fn indices_sparse(dims: &[usize]) -> Result<Vec<Array<i64>>> {
    crate::array::shape::checked_size(dims)?;
    (0..dims.len())
        .map(|ax| {
            let mut s: Shape = Shape::from_elem(1, dims.len());
            s[ax] = dims[ax];
            Array::from_shape_vec(&s, (0..dims[ax] as i64).collect())
        })
        .collect()
}

/// An array whose element at each index is `f(index)` (NumPy's
/// `np.fromfunction`; numox calls `f` once per index in C order rather than
/// once with index arrays).
///
/// ```
/// use numox::prelude::*;
/// let a = numox::fromfunction(&[2, 2], |ix| ix[0] == ix[1]).unwrap();
/// assert_eq!(a, array![[true, false], [false, true]]);
/// ```
pub fn fromfunction<A, F: FnMut(&[usize]) -> A>(shape: &[usize], f: F) -> Result<Array<A>> {
    Array::from_shape_fn(shape, f)
}
