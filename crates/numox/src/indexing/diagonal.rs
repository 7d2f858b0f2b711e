//! Diagonals: NumPy's `diagonal` (a view, as NumPy returns since 1.9,
//! read-only there and writable here through [`diagonal_mut`](ArrayBase::diagonal_mut))
//! and `trace`.

use crate::array::shape::{Shape, Strides};
use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut, Data, DataMut, ViewRepr};
use crate::element::Numeric;
use crate::error::{Error, Result, normalize_axis};
use crate::ufunc::kernel::mut_ptr;
use std::ptr::NonNull;

/// The layout of a diagonal: the offset of its first element, its shape
/// (the other axes, then the diagonal) and strides.
fn diag_layout(
    shape: &[usize],
    strides: &[isize],
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> Result<(isize, Shape, Strides)> {
    let nd = shape.len();
    if nd < 2 {
        return Err(Error::invalid(format!(
            "diagonal requires an array of at least two dimensions (got {nd})"
        )));
    }
    let a1 = normalize_axis(axis1, nd)?;
    let a2 = normalize_axis(axis2, nd)?;
    if a1 == a2 {
        return Err(Error::invalid("axis1 and axis2 cannot be the same"));
    }
    let (n1, n2) = (shape[a1], shape[a2]);
    let k = offset.unsigned_abs();
    let (len, start) = if offset >= 0 {
        (n1.min(n2.saturating_sub(k)), k as isize * strides[a2])
    } else {
        (n1.saturating_sub(k).min(n2), k as isize * strides[a1])
    };
    let mut s = Shape::new();
    let mut st = Strides::new();
    for d in 0..nd {
        if d != a1 && d != a2 {
            s.push(shape[d]);
            st.push(strides[d]);
        }
    }
    s.push(len);
    st.push(strides[a1] + strides[a2]);
    let empty = s.contains(&0);
    Ok((if empty { 0 } else { start }, s, st))
}

impl<A, S: Data<Elem = A>> ArrayBase<S> {
    /// NumPy's `a.diagonal(offset, axis1, axis2)` as a view: the elements
    /// `a[.., i, .., i + offset, ..]` along `axis1` and `axis2`. The two axes
    /// are removed and the diagonal becomes the last axis. A positive
    /// `offset` is above the main diagonal, a negative one below.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = Array::from_shape_vec(&[3, 4], (0..12).collect()).unwrap();
    /// assert_eq!(a.diagonal(0, 0, 1).unwrap(), array![0, 5, 10]);
    /// assert_eq!(a.diagonal(1, 0, 1).unwrap(), array![1, 6, 11]);
    /// assert_eq!(a.diagonal(-2, 0, 1).unwrap(), array![8]);
    /// assert_eq!(a.diagonal(9, 0, 1).unwrap().shape(), &[0]);
    /// assert!(a.diagonal(0, 1, 1).is_err());
    /// ```
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<ArrayView<'_, A>> {
        let (start, shape, strides) = diag_layout(self.shape(), self.strides(), offset, axis1, axis2)?;
        // SAFETY: `start` is the offset of an element of `self` (or 0 when the
        // diagonal is empty), and every index of the new layout maps to a
        // distinct element of `self` (the diagonal steps both axes at once).
        unsafe {
            let p = NonNull::new_unchecked(self.as_ptr().offset(start).cast_mut());
            Ok(ArrayView::from_parts(ViewRepr::new(), p, shape, strides))
        }
    }
}

impl<A, S: DataMut<Elem = A>> ArrayBase<S> {
    /// A writable view of a diagonal (see [`diagonal`](ArrayBase::diagonal)), e.g.
    /// to set it (NumPy's `np.fill_diagonal` for 2-d arrays).
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = Array::<i32>::zeros(&[3, 3]);
    /// a.diagonal_mut(0, 0, 1).unwrap().fill(1);
    /// assert_eq!(a, array![[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    /// ```
    pub fn diagonal_mut(&mut self, offset: isize, axis1: isize, axis2: isize) -> Result<ArrayViewMut<'_, A>> {
        let (start, shape, strides) = diag_layout(self.shape(), self.strides(), offset, axis1, axis2)?;
        let p = mut_ptr(self);
        // SAFETY: as `diagonal`; distinct indices map to distinct elements, and
        // the view borrows `self` exclusively.
        unsafe {
            let p = NonNull::new_unchecked(p.offset(start));
            Ok(ArrayViewMut::from_parts(ViewRepr::new(), p, shape, strides))
        }
    }
}

/// Free-function form of [`ArrayBase::diagonal`] (NumPy's `np.diagonal`).
///
/// ```
/// use numox::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(numox::diagonal(&a, 0, 0, 1).unwrap(), array![1, 4]);
/// ```
pub fn diagonal<A, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> Result<ArrayView<'_, A>> {
    a.diagonal(offset, axis1, axis2)
}

/// NumPy's pairwise summation of `v` in `lanes` accumulators (8 for real
/// floats; complex numbers use 4, as NumPy sums their interleaved parts in
/// 8 float lanes), without the leading `0 +`.
fn pairwise<T: Numeric>(v: &[T], complex: bool) -> T {
    let ad = Numeric::add;
    let lanes = if complex { 4 } else { 8 };
    let n = v.len();
    if n < lanes {
        v.iter().fold(T::zero(), |r, &x| ad(r, x))
    } else if n <= 16 * lanes {
        let mut r: [T; 8] = [T::zero(); 8];
        r[..lanes].copy_from_slice(&v[..lanes]);
        let mut i = lanes;
        while i < n - n % lanes {
            for j in 0..lanes {
                r[j] = ad(r[j], v[i + j]);
            }
            i += lanes;
        }
        let res = if complex {
            ad(ad(r[0], r[1]), ad(r[2], r[3]))
        } else {
            ad(
                ad(ad(r[0], r[1]), ad(r[2], r[3])),
                ad(ad(r[4], r[5]), ad(r[6], r[7])),
            )
        };
        v[i..].iter().fold(res, |r, &x| ad(r, x))
    } else {
        // Split in floats (two per complex number) at a multiple of 8, as NumPy.
        let h = if complex {
            (n - n % 8) / 2
        } else {
            n / 2 - (n / 2) % 8
        };
        ad(pairwise(&v[..h], complex), pairwise(&v[h..], complex))
    }
}

/// NumPy's `np.trace(a, offset, axis1, axis2)`: the sum along a diagonal
/// (see [`ArrayBase::diagonal`]). A 2-d array gives a 0-d result; with more
/// axes, one sum per index of the others. Integers sum in `i64`/`u64`
/// (NumPy's rule), floats with NumPy's pairwise summation, so results
/// agree bit for bit.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i32>>()).unwrap();
/// assert_eq!(numox::trace(&a, 0, 0, 1).unwrap().into_scalar(), 15i64);
/// assert_eq!(numox::trace(&a, 1, 0, 1).unwrap().into_scalar(), 18i64);
/// let b = Array::from_shape_vec(&[2, 2, 2], (0..8).map(f64::from).collect()).unwrap();
/// assert_eq!(numox::trace(&b, 0, 0, 1).unwrap(), array![6.0, 8.0]);
/// ```
pub fn trace<A: Numeric, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    offset: isize,
    axis1: isize,
    axis2: isize,
) -> Result<Array<A::Sum>> {
    let d = a.diagonal(offset, axis1, axis2)?;
    let kind = A::DTYPE.kind();
    let outer = Shape::from_slice(&d.shape()[..d.ndim() - 1]);
    let mut buf: Vec<A::Sum> = Vec::with_capacity(d.shape()[d.ndim() - 1]);
    let mut out = Vec::with_capacity(outer.iter().product());
    if !outer.contains(&0) {
        for lane in d.lanes(-1)? {
            buf.clear();
            buf.extend(lane.iter().map(|&x| x.to_sum()));
            let zero = <A::Sum as num_traits::Zero>::zero();
            // NumPy's add.reduce starts from the identity 0 and adds the
            // pairwise sum of the whole lane.
            let s = match kind {
                'f' => Numeric::add(zero, pairwise(&buf, false)),
                'c' => Numeric::add(zero, pairwise(&buf, true)),
                _ => buf.iter().fold(zero, |acc, &x| Numeric::add(acc, x)),
            };
            out.push(s);
        }
    }
    Ok(Array::from_shape_vec(&outer, out).expect("one sum per lane"))
}
