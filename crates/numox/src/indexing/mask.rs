//! Boolean-mask indexing: NumPy's `a[mask]` ([`boolean_mask`](ArrayBase::boolean_mask))
//! and `a[mask] = v` ([`mask_assign`](ArrayBase::mask_assign),
//! [`mask_assign_array`](ArrayBase::mask_assign_array)).
//!
//! The mask covers the leading axes of the array: its shape must equal
//! `a.shape()[..mask.ndim()]`, and each true entry selects the sub-array of
//! the remaining axes, in C order.

use crate::array::shape::{Shape, checked_size_bytes};
use crate::array::walk::walk;
use crate::array::{Array, ArrayBase, ArrayView, Data, DataMut};
use crate::error::{Error, Result};
use crate::ufunc::kernel::{CHUNK, PAR_THRESHOLD, mut_ptr};
use std::mem::MaybeUninit;

/// Checks that `mask` fits the leading axes of `shape` (NumPy's `IndexError`s).
fn check_mask(shape: &[usize], mask: &[usize]) -> Result<()> {
    if mask.len() > shape.len() {
        return Err(Error::invalid(format!(
            "too many indices for array: array is {}-dimensional, but {} were indexed",
            shape.len(),
            mask.len()
        )));
    }
    for (ax, (&d, &m)) in shape.iter().zip(mask).enumerate() {
        if d != m {
            return Err(Error::invalid(format!(
                "boolean index did not match indexed array along axis {ax}; size of axis is {d} but size of corresponding boolean axis is {m}"
            )));
        }
    }
    Ok(())
}

/// The number of `true` entries of a bool slice (vectorised).
#[inline]
fn count_true(m: &[bool]) -> usize {
    m.iter().map(|&b| b as usize).sum()
}

/// Copies `x[i]` for every true `m[i]` into `dst`, which holds exactly as
/// many slots as `m` has true entries. Branch-free: each element is written
/// to the next slot and the slot advances only when selected.
fn compress_into<A: Copy>(x: &[A], m: &[bool], dst: &mut [MaybeUninit<A>]) {
    let cnt = dst.len();
    let mut k = 0usize;
    for (&v, &b) in x.iter().zip(m) {
        if k == cnt {
            break; // every remaining entry is false
        }
        // SAFETY: `k < cnt == dst.len()`, checked just above.
        unsafe { dst.get_unchecked_mut(k).write(v) };
        k += b as usize;
    }
    debug_assert_eq!(k, cnt);
}

/// `x[m]` for a contiguous 1-d selection, in parallel chunks for large
/// inputs (per-chunk counts, then each chunk writes its own part).
fn compress_slices<A: Copy + Send + Sync>(x: &[A], m: &[bool]) -> Vec<A> {
    let n = x.len();
    if n < PAR_THRESHOLD {
        let cnt = count_true(m);
        let mut v = Vec::with_capacity(cnt);
        compress_into(x, m, &mut v.spare_capacity_mut()[..cnt]);
        // SAFETY: `compress_into` wrote all `cnt` slots.
        unsafe { v.set_len(cnt) };
        return v;
    }
    let counts: Vec<usize> = crate::parallel::map_collect(n.div_ceil(CHUNK), &|c| {
        count_true(&m[c * CHUNK..((c + 1) * CHUNK).min(n)])
    });
    let total: usize = counts.iter().sum();
    let mut v = Vec::with_capacity(total);
    let mut parts: Vec<&mut [MaybeUninit<A>]> = Vec::with_capacity(counts.len());
    let mut rest = &mut v.spare_capacity_mut()[..total];
    for &c in &counts {
        let (head, tail) = rest.split_at_mut(c);
        parts.push(head);
        rest = tail;
    }
    crate::parallel::for_each_item(parts, &|c, dst: &mut [MaybeUninit<A>]| {
        let r = c * CHUNK..((c + 1) * CHUNK).min(n);
        compress_into(&x[r.clone()], &m[r], dst)
    });
    // SAFETY: the parts partition the first `total` slots, and each chunk's
    // `compress_into` wrote all slots of its part.
    unsafe { v.set_len(total) };
    v
}

impl<A: Copy + Send + Sync, S: Data<Elem = A>> ArrayBase<S> {
    /// NumPy's `a[mask]`: the elements (or sub-arrays of the remaining axes)
    /// where `mask` is true, in C order. The mask's shape must equal the
    /// array's leading axes; the result has shape `(count,) +
    /// a.shape()[mask.ndim()..]`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.boolean_mask(&a.greater_scalar(2)).unwrap(), array![3, 4, 5, 6]);
    /// assert_eq!(a.boolean_mask(&array![false, true]).unwrap(), array![[4, 5, 6]]);
    /// assert!(a.boolean_mask(&array![true, false, true]).is_err());
    /// ```
    pub fn boolean_mask<SM: Data<Elem = bool>>(&self, mask: &ArrayBase<SM>) -> Result<Array<A>> {
        check_mask(self.shape(), mask.shape())?;
        let m = mask.ndim();
        let rest = &self.shape()[m..];
        let inner: usize = rest.iter().product();
        if inner == 1 {
            if let (Some(x), Some(mk)) = (self.as_slice(), mask.as_slice()) {
                let v = compress_slices(x, mk);
                let mut shape = Shape::from_slice(&[v.len()]);
                shape.extend_from_slice(rest);
                return Ok(Array::from_shape_vec(&shape, v).expect("count matches"));
            }
        }
        let count = mask.iter().filter(|&&b| b).count();
        let mut shape = Shape::from_slice(&[count]);
        shape.extend_from_slice(rest);
        let total = checked_size_bytes::<A>(&shape)?;
        let mut v = Vec::with_capacity(total);
        let (pm, pa) = (mask.as_ptr(), self.as_ptr());
        let rest_strides = &self.strides()[m..];
        walk(
            mask.shape(),
            [mask.strides(), &self.strides()[..m]],
            |[om, oa], len, [sm, sa]| {
                for i in 0..len as isize {
                    // SAFETY: in-bounds offsets of the mask and of `self`'s leading axes.
                    if unsafe { *pm.offset(om + i * sm) } {
                        let base = oa + i * sa;
                        if inner == 1 {
                            // SAFETY: the single element of the remaining axes.
                            v.push(unsafe { *pa.offset(base) });
                        } else if inner > 0 {
                            walk(rest, [rest_strides], |[o], n, [s]| {
                                for j in 0..n as isize {
                                    // SAFETY: in bounds of the sub-array at `base`.
                                    v.push(unsafe { *pa.offset(base + o + j * s) });
                                }
                            });
                        }
                    }
                }
            },
        );
        Ok(Array::from_shape_vec(&shape, v).expect("count matches"))
    }
}

impl<A: Copy, S: DataMut<Elem = A>> ArrayBase<S> {
    /// Calls `f(k, offset)` for the `k`-th true entry of `mask` with the
    /// offset of the sub-array it selects.
    fn for_masked<SM: Data<Elem = bool>, F: FnMut(usize, isize)>(&self, mask: &ArrayBase<SM>, mut f: F) {
        let m = mask.ndim();
        let pm = mask.as_ptr();
        let mut k = 0usize;
        walk(
            mask.shape(),
            [mask.strides(), &self.strides()[..m]],
            |[om, oa], len, [sm, sa]| {
                for i in 0..len as isize {
                    // SAFETY: in-bounds offset of the mask.
                    if unsafe { *pm.offset(om + i * sm) } {
                        f(k, oa + i * sa);
                        k += 1;
                    }
                }
            },
        );
    }

    /// NumPy's `a[mask] = value`: sets every element (or sub-array of the
    /// remaining axes) that `mask` selects to `value`.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![[1, -2], [-3, 4]];
    /// let neg = a.less_scalar(0);
    /// a.mask_assign(&neg, 0).unwrap();
    /// assert_eq!(a, array![[1, 0], [0, 4]]);
    /// a.mask_assign(&array![false, true], 9).unwrap();
    /// assert_eq!(a, array![[1, 0], [9, 9]]);
    /// ```
    pub fn mask_assign<SM: Data<Elem = bool>>(&mut self, mask: &ArrayBase<SM>, value: A) -> Result<()> {
        check_mask(self.shape(), mask.shape())?;
        let m = mask.ndim();
        let inner: usize = self.shape()[m..].iter().product();
        if inner == 0 {
            return Ok(());
        }
        if let (Some(x), Some(mk)) = (self.as_slice_mut(), mask.as_slice()) {
            // Both in C order: the k-th mask entry selects the k-th row of `inner` elements.
            for (row, &b) in x.chunks_exact_mut(inner).zip(mk) {
                if b {
                    row.fill(value);
                }
            }
            return Ok(());
        }
        let rest = Shape::from_slice(&self.shape()[m..]);
        let rest_strides = self.strides()[m..].to_vec();
        let p = mut_ptr(self);
        self.for_masked(mask, |_, base| {
            walk(&rest, [&rest_strides], |[o], n, [s]| {
                for j in 0..n as isize {
                    // SAFETY: in bounds of the selected sub-array of a writable array.
                    unsafe { *p.offset(base + o + j * s) = value };
                }
            });
        });
        Ok(())
    }

    /// NumPy's `a[mask] = values`: `values` broadcast to the selection's
    /// shape `(count,) + a.shape()[mask.ndim()..]` and are written in order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// let mut a = array![[1, 2], [3, 4]];
    /// let odd = a.map(|x| x % 2 == 1);
    /// a.mask_assign_array(&odd, &array![10, 30]).unwrap();
    /// assert_eq!(a, array![[10, 2], [30, 4]]);
    /// a.mask_assign_array(&array![true, false], &array![7, 8]).unwrap();
    /// assert_eq!(a, array![[7, 8], [30, 4]]);
    /// assert!(a.mask_assign_array(&array![true, true], &array![1, 2, 3]).is_err());
    /// ```
    pub fn mask_assign_array<SM, SV>(&mut self, mask: &ArrayBase<SM>, values: &ArrayBase<SV>) -> Result<()>
    where
        SM: Data<Elem = bool>,
        SV: Data<Elem = A>,
    {
        check_mask(self.shape(), mask.shape())?;
        let m = mask.ndim();
        let count = mask.iter().filter(|&&b| b).count();
        let mut target = Shape::from_slice(&[count]);
        target.extend_from_slice(&self.shape()[m..]);
        let vv: ArrayView<'_, A> = values.broadcast(&target).map_err(|_| {
            Error::invalid(format!(
                "NumPy boolean array indexing assignment cannot assign {:?} input values to the {count} output values where the mask is true",
                values.shape()
            ))
        })?;
        let rest = Shape::from_slice(&self.shape()[m..]);
        let rest_strides = self.strides()[m..].to_vec();
        let (pv, sv0) = (vv.as_ptr(), vv.strides()[0]);
        let vrest = vv.strides()[1..].to_vec();
        let p = mut_ptr(self);
        self.for_masked(mask, |k, base| {
            let vbase = k as isize * sv0;
            walk(&rest, [&rest_strides, &vrest], |[o, ov], n, [s, svi]| {
                for j in 0..n as isize {
                    // SAFETY: in bounds of the selected sub-array (writable) and of
                    // row `k < count` of the broadcast values.
                    unsafe { *p.offset(base + o + j * s) = *pv.offset(vbase + ov + j * svi) };
                }
            });
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;
    use crate::ufunc::kernel::PAR_THRESHOLD;

    #[test]
    fn parallel_compress_matches_serial_selection() {
        // Above the threshold the selection is written in parallel chunks into
        // uninitialised memory; compare with a plain filter.
        let n = PAR_THRESHOLD * 4 + 123;
        let a = Array::from_vec((0..n as i64).collect());
        let m = a.map(|&x| (x * 7919) % 13 < 6);
        let got = a.boolean_mask(&m).unwrap();
        let want: Vec<i64> = (0..n as i64).filter(|&x| (x * 7919) % 13 < 6).collect();
        assert_eq!(got.to_vec(), want);
        let none = a.boolean_mask(&a.map(|_| false)).unwrap();
        assert_eq!(none.shape(), &[0]);
        let all = a.boolean_mask(&a.map(|_| true)).unwrap();
        assert_eq!(all, a);
    }

    #[test]
    fn masks_over_strided_and_multi_axis_arrays() {
        let a = Array::from_shape_vec(&[3, 4], (0..12).collect::<Vec<i32>>()).unwrap();
        let t = a.t();
        let m = t.map(|&x| x % 3 == 0);
        assert_eq!(t.boolean_mask(&m).unwrap(), array![0, 9, 6, 3]);
        let rows = t.boolean_mask(&array![true, false, false, true]).unwrap();
        assert_eq!(rows, array![[0, 4, 8], [3, 7, 11]]);
        let scalar_mask = Array::from_elem0(true);
        assert_eq!(a.boolean_mask(&scalar_mask).unwrap().shape(), &[1, 3, 4]);
        let mut b = a.clone();
        {
            let mut bt = b.view_mut().reversed_axes();
            bt.mask_assign(&array![false, true, false, false], -1).unwrap();
        }
        assert_eq!(b.slice(s![.., 1]).to_vec(), vec![-1, -1, -1]);
    }
}
