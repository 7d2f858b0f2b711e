//! NumPy's `np.partition` and `np.argpartition`.

use super::element::SortElement;
use super::sort::{for_each_lane_mut, for_each_lane_pair};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Error, Result, normalize_axis};

/// Normalises `kth` against a lane of length `n` (negative counts from the
/// end), sorted and deduplicated; NumPy's message for an index out of range.
fn kth_positions(kth: &[isize], n: usize) -> Result<Vec<usize>> {
    let mut ks = Vec::with_capacity(kth.len());
    for &k in kth {
        let j = if k < 0 { k + n as isize } else { k };
        if j < 0 || j >= n as isize {
            return Err(Error::invalid(format!("kth(={j}) out of bounds ({n})")));
        }
        ks.push(j as usize);
    }
    ks.sort_unstable();
    ks.dedup();
    Ok(ks)
}

/// Rearranges `v` so that each position in `ks` (ascending) holds the
/// element a full sort would put there, smaller-or-equal ones before it
/// and greater-or-equal ones after it.
fn select_many<T, F>(v: &mut [T], ks: &[usize], cmp: F)
where
    F: Fn(&T, &T) -> std::cmp::Ordering + Copy,
{
    let mut lo = 0;
    for &k in ks {
        v[lo..].select_nth_unstable_by(k - lo, cmp);
        lo = k + 1;
    }
}

/// Resolves the axis (`None`: the flattened array) into the array to work
/// on (C order) and the lane axis.
fn prepare<A: Copy, S: Data<Elem = A>>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<(Array<A>, usize)> {
    match axis {
        None => Ok((Array::from_vec(crate::array::copy::try_to_vec(a)?), 0)),
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim())?;
            Ok((crate::array::copy::try_to_owned(a)?, ax))
        }
    }
}

/// NumPy's `np.partition(a, kth, axis)`: a copy of `a` in which, along
/// `axis` (`None`: the flattened array), the element at each index in
/// `kth` is the one a full sort would put there, every element before it
/// is `<=` it and every element after it `>=` it (NaN counts as largest).
/// The order within the parts is unspecified, as in NumPy.
///
/// Errors: a bad axis; a `kth` outside `-n..n` (NumPy's `kth(=5) out of bounds (5)`).
///
/// ```
/// use numox::prelude::*;
/// let a = array![7, 1, 5, 3, 9, 2];
/// let p = numox::partition(&a, &[2], Some(-1)).unwrap();
/// assert_eq!(p.item(&[2]).unwrap(), 3);
/// assert!(p.slice(s![..2]).iter().all(|&x| x <= 3));
/// assert!(p.slice(s![3..]).iter().all(|&x| x >= 3));
/// assert!(numox::partition(&a, &[6], Some(-1)).is_err());
/// ```
pub fn partition<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    kth: &[isize],
    axis: Option<isize>,
) -> Result<Array<A>> {
    let (mut out, ax) = prepare(a, axis)?;
    if out.is_empty() {
        // NumPy does not check kth against an empty array.
        return Ok(out);
    }
    let n = out.shape()[ax];
    let ks = kth_positions(kth, n)?;
    for_each_lane_mut(out.view_mut(), ax, |v| {
        select_many(v, &ks, |x: &A, y: &A| x.np_cmp(y))
    });
    Ok(out)
}

/// NumPy's `np.argpartition(a, kth, axis)`: the indices that partition
/// `a` as [`partition`] does (`a[idx]` along `axis` is a partition).
///
/// ```
/// use numox::prelude::*;
/// let a = array![7.0, f64::NAN, 5.0, 3.0];
/// let i = numox::argpartition(&a, &[0, -1], Some(0)).unwrap();
/// assert_eq!((i.item(&[0]).unwrap(), i.item(&[3]).unwrap()), (3, 1));
/// ```
pub fn argpartition<A: SortElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    kth: &[isize],
    axis: Option<isize>,
) -> Result<Array<i64>> {
    let (src, ax) = prepare(a, axis)?;
    if src.is_empty() {
        return Array::from_shape_vec(src.shape(), vec![]);
    }
    let n = src.shape()[ax];
    let ks = kth_positions(kth, n)?;
    let mut out = crate::array::copy::try_from_elem(src.shape(), 0i64)?;
    for_each_lane_pair(&src.view(), out.view_mut(), ax, |v: &[A], o: &mut [i64]| {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        select_many(&mut idx, &ks, |&i: &usize, &j: &usize| {
            v[i].np_cmp(&v[j]).then(i.cmp(&j))
        });
        for (d, i) in o.iter_mut().zip(idx) {
            *d = i as i64;
        }
    });
    Ok(out)
}
