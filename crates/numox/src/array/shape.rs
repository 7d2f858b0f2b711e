//! Shapes, strides and the rules that relate them: element counts with
//! overflow checks, C and Fortran strides, contiguity, broadcasting, and
//! NumPy's no-copy reshape rule.

use crate::error::{Error, Result};
use smallvec::SmallVec;

/// The shape of an array: one length per axis (inline up to 4 axes).
pub type Shape = SmallVec<[usize; 4]>;
/// The strides of an array, in elements (not bytes); may be negative or zero.
pub type Strides = SmallVec<[isize; 4]>;

/// Memory order of a new array or of a reshape: C (row-major, last axis
/// fastest) or Fortran (column-major, first axis fastest).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Row-major, NumPy's default (`order='C'`).
    #[default]
    C,
    /// Column-major (`order='F'`).
    F,
}

/// The number of elements of `shape`, or [`Error::TooBig`] when the product
/// overflows `isize` (no allocation could hold it, and strides must fit in `isize`).
///
/// ```
/// use numox::array::shape::checked_size;
/// assert_eq!(checked_size(&[3, 4]).unwrap(), 12);
/// assert_eq!(checked_size(&[]).unwrap(), 1);
/// assert!(checked_size(&[1 << 40, 1 << 40]).is_err());
/// ```
pub fn checked_size(shape: &[usize]) -> Result<usize> {
    let mut n: usize = 1;
    let mut has_zero = false;
    let mut overflow = false;
    for &d in shape {
        if d == 0 {
            has_zero = true;
        }
        match n.checked_mul(d.max(1)) {
            Some(m) if m <= isize::MAX as usize => n = m,
            _ => overflow = true,
        }
    }
    if overflow {
        // NumPy refuses such shapes even when another axis is zero.
        return Err(Error::TooBig { shape: shape.into() });
    }
    Ok(if has_zero { 0 } else { n })
}

/// Like [`checked_size`], and also checks that `size * size_of::<T>()` bytes
/// can be addressed.
pub(crate) fn checked_size_bytes<T>(shape: &[usize]) -> Result<usize> {
    let n = checked_size(shape)?;
    match n.checked_mul(std::mem::size_of::<T>().max(1)) {
        Some(b) if b <= isize::MAX as usize => Ok(n),
        _ => Err(Error::TooBig { shape: shape.into() }),
    }
}

/// Strides (in elements) of a contiguous array of `shape` in `order`.
///
/// ```
/// use numox::array::shape::{strides_for, Order};
/// assert_eq!(&strides_for(&[2, 3, 4], Order::C)[..], &[12, 4, 1]);
/// assert_eq!(&strides_for(&[2, 3, 4], Order::F)[..], &[1, 2, 6]);
/// ```
pub fn strides_for(shape: &[usize], order: Order) -> Strides {
    let mut strides: Strides = SmallVec::from_elem(0, shape.len());
    let mut acc: isize = 1;
    match order {
        Order::C => {
            for i in (0..shape.len()).rev() {
                strides[i] = acc;
                acc = acc.wrapping_mul(shape[i].max(1) as isize);
            }
        }
        Order::F => {
            for i in 0..shape.len() {
                strides[i] = acc;
                acc = acc.wrapping_mul(shape[i].max(1) as isize);
            }
        }
    }
    strides
}

/// `true` when an array of `shape` and `strides` is C-contiguous (NumPy's
/// `flags.c_contiguous`: axes of length 1 may have any stride, and an empty
/// array is contiguous).
pub fn is_c_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected: isize = 1;
    for i in (0..shape.len()).rev() {
        if shape[i] != 1 {
            if strides[i] != expected {
                return false;
            }
            expected *= shape[i] as isize;
        }
    }
    true
}

/// `true` when an array of `shape` and `strides` is Fortran-contiguous.
pub fn is_f_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected: isize = 1;
    for i in 0..shape.len() {
        if shape[i] != 1 {
            if strides[i] != expected {
                return false;
            }
            expected *= shape[i] as isize;
        }
    }
    true
}

/// The broadcast shape of several shapes, by NumPy's rules: align on the
/// right; each axis must be equal or 1.
///
/// ```
/// use numox::broadcast_shapes;
/// assert_eq!(&broadcast_shapes(&[&[4, 1], &[1, 5], &[5]]).unwrap()[..], &[4, 5]);
/// assert!(broadcast_shapes(&[&[3], &[4]]).is_err());
/// ```
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Shape> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Shape = SmallVec::from_elem(1, ndim);
    for s in shapes {
        let off = ndim - s.len();
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[off + i];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                // Report the first shape against the offending one, as NumPy does.
                return Err(Error::shape_mismatch("broadcast", shapes[0], s));
            }
        }
    }
    Ok(out)
}

/// Two shapes broadcast together (the common binary case of [`broadcast_shapes`]).
pub(crate) fn broadcast_pair(op: &'static str, a: &[usize], b: &[usize]) -> Result<Shape> {
    if a == b {
        return Ok(Shape::from_slice(a));
    }
    broadcast_shapes(&[a, b]).map_err(|_| Error::shape_mismatch(op, a, b))
}

/// Strides that make an array of `shape`/`strides` look like `target` by
/// broadcasting (stride 0 on stretched and prepended axes), or `None` when
/// `shape` cannot broadcast to `target`.
pub(crate) fn broadcast_strides(shape: &[usize], strides: &[isize], target: &[usize]) -> Option<Strides> {
    if shape.len() > target.len() {
        return None;
    }
    let off = target.len() - shape.len();
    let mut out: Strides = SmallVec::from_elem(0, target.len());
    for i in 0..shape.len() {
        if shape[i] == target[off + i] {
            out[off + i] = if shape[i] == 1 { 0 } else { strides[i] };
        } else if shape[i] == 1 {
            out[off + i] = 0;
        } else {
            return None;
        }
    }
    Some(out)
}

/// Resolves a requested shape with at most one `-1` against `size` elements.
///
/// ```
/// use numox::array::shape::infer_shape;
/// assert_eq!(&infer_shape(&[3, -1], 12).unwrap()[..], &[3, 4]);
/// assert!(infer_shape(&[5, -1], 12).is_err());
/// assert!(infer_shape(&[-1, -1], 12).is_err());
/// ```
pub fn infer_shape(requested: &[isize], size: usize) -> Result<Shape> {
    let mut unknown = None;
    let mut known: usize = 1;
    for (i, &d) in requested.iter().enumerate() {
        if d == -1 {
            if unknown.is_some() {
                return Err(Error::invalid("can only specify one unknown dimension"));
            }
            unknown = Some(i);
        } else if d < 0 {
            return Err(Error::invalid(format!(
                "negative dimensions not allowed (got {d})"
            )));
        } else {
            known = known.checked_mul(d as usize).ok_or_else(|| Error::TooBig {
                shape: requested
                    .iter()
                    .map(|&x| x.max(0) as usize)
                    .collect::<Vec<_>>()
                    .as_slice()
                    .into(),
            })?;
        }
    }
    let mut shape: Shape = requested.iter().map(|&d| d.max(0) as usize).collect();
    let shown = || -> Vec<usize> { requested.iter().map(|&d| d.max(0) as usize).collect() };
    match unknown {
        Some(i) => {
            if known == 0 || size % known != 0 {
                return Err(Error::bad_shape("reshape", size, &shown()));
            }
            shape[i] = size / known;
        }
        None => {
            if known != size {
                return Err(Error::bad_shape("reshape", size, &shape));
            }
        }
    }
    checked_size(&shape)?;
    Ok(shape)
}

/// NumPy's rule for reshaping without a copy: the strides of `new_shape`
/// viewing the same elements as `old_shape`/`old_strides` in `order`, or
/// `None` when the reshape needs a copy. Sizes must already agree.
pub(crate) fn reshape_strides(
    old_shape: &[usize],
    old_strides: &[isize],
    new_shape: &[usize],
    order: Order,
) -> Option<Strides> {
    let size: usize = old_shape.iter().product();
    if size == 0 {
        // Any strides work for an empty array; give contiguous ones.
        return Some(strides_for(new_shape, order));
    }
    // Work in C order; for F order reverse both shapes and fix up at the end.
    let (mut os, mut ost): (Shape, Strides) = old_shape
        .iter()
        .zip(old_strides)
        .filter(|(d, _)| **d != 1)
        .map(|(d, s)| (*d, *s))
        .unzip();
    let mut ns: Shape = Shape::from_slice(new_shape);
    if order == Order::F {
        os.reverse();
        ost.reverse();
        ns.reverse();
    }
    let mut nst: Strides = SmallVec::from_elem(0, ns.len());
    let (mut oi, mut ni) = (0usize, 0usize);
    while oi < os.len() && ni < ns.len() {
        // Grow a chunk of old axes [oi, oj) and new axes [ni, nj) with equal products.
        let (mut oj, mut nj) = (oi + 1, ni + 1);
        let mut op = os[oi];
        let mut np = ns[ni];
        while op != np {
            if np < op {
                np *= ns[nj];
                nj += 1;
            } else {
                op *= os[oj];
                oj += 1;
            }
        }
        // The old axes of the chunk must be contiguous with each other.
        for k in oi..oj - 1 {
            if ost[k] != ost[k + 1] * os[k + 1] as isize {
                return None;
            }
        }
        // New strides inside the chunk, from the innermost old stride outwards.
        nst[nj - 1] = ost[oj - 1];
        for k in (ni + 1..nj).rev() {
            nst[k - 1] = nst[k] * ns[k] as isize;
        }
        oi = oj;
        ni = nj;
    }
    // Remaining new axes are all of length 1; give them the stride they would
    // have in a contiguous layout after the last chunk.
    let last = if ni > 0 { nst[ni - 1] } else { 1 };
    for k in ni..ns.len() {
        nst[k] = last;
    }
    if order == Order::F {
        nst.reverse();
    }
    Some(nst)
}

/// Merges axes that are laid out contiguously with respect to each other in
/// every one of `K` stride sets, and drops axes of length 1, so that kernels
/// run on the longest possible inner loops. An all-contiguous array becomes
/// one axis. Returns the merged shape and strides; a 0-d input gives 0-d output.
pub(crate) fn coalesce<const K: usize>(shape: &[usize], strides: [&[isize]; K]) -> (Shape, [Strides; K]) {
    let mut out_shape: Shape = Shape::new();
    let mut out_strides: [Strides; K] = std::array::from_fn(|_| Strides::new());
    for i in 0..shape.len() {
        if shape[i] == 1 {
            continue;
        }
        if let Some(&last) = out_shape.last() {
            let n = out_strides[0].len() - 1;
            if (0..K).all(|k| out_strides[k][n] == strides[k][i] * shape[i] as isize) {
                *out_shape.last_mut().unwrap() = last * shape[i];
                for k in 0..K {
                    out_strides[k][n] = strides[k][i];
                }
                continue;
            }
        }
        out_shape.push(shape[i]);
        for k in 0..K {
            out_strides[k].push(strides[k][i]);
        }
    }
    (out_shape, out_strides)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rs(old: &[usize], olds: &[isize], new: &[usize], order: Order) -> Option<Vec<isize>> {
        reshape_strides(old, olds, new, order).map(|s| s.to_vec())
    }

    #[test]
    fn reshape_of_contiguous_is_a_view() {
        assert_eq!(rs(&[2, 6], &[6, 1], &[3, 4], Order::C), Some(vec![4, 1]));
        assert_eq!(rs(&[2, 6], &[6, 1], &[12], Order::C), Some(vec![1]));
        assert_eq!(
            rs(&[2, 6], &[6, 1], &[2, 1, 6, 1], Order::C),
            Some(vec![6, 6, 1, 1])
        );
        assert_eq!(rs(&[2, 6], &[1, 2], &[12], Order::F), Some(vec![1]));
    }

    #[test]
    fn reshape_of_transpose_needs_copy_in_c_order() {
        // a = arange(6).reshape(2,3).T -> shape (3,2) strides (1,3)
        assert_eq!(rs(&[3, 2], &[1, 3], &[6], Order::C), None);
        assert_eq!(rs(&[3, 2], &[1, 3], &[6], Order::F), Some(vec![1]));
        // Splitting an axis of a strided view keeps it a view.
        assert_eq!(rs(&[6], &[2], &[2, 3], Order::C), Some(vec![6, 2]));
        assert_eq!(rs(&[3, 2], &[1, 3], &[3, 2, 1], Order::C), Some(vec![1, 3, 3]));
    }

    #[test]
    fn coalesce_merges_contiguous_axes() {
        let (s, [st]) = coalesce(&[2, 3, 4], [&[12, 4, 1]]);
        assert_eq!((s.to_vec(), st.to_vec()), (vec![24], vec![1]));
        let (s, [a, b]) = coalesce(&[2, 3, 4], [&[12, 4, 1], &[0, 4, 1]]);
        assert_eq!(s.to_vec(), vec![2, 12]);
        assert_eq!((a.to_vec(), b.to_vec()), (vec![12, 1], vec![0, 1]));
        let (s, _) = coalesce(&[1, 1], [&[5, 7]]);
        assert!(s.is_empty());
    }

    #[test]
    fn contiguity_flags_ignore_unit_axes() {
        assert!(is_c_contiguous(&[1, 3], &[99, 1]));
        assert!(is_f_contiguous(&[3, 1], &[1, 99]));
        assert!(!is_c_contiguous(&[2, 3], &[1, 2]));
        assert!(is_c_contiguous(&[0, 3], &[7, 7]));
    }
}
