//! The loop at the bottom of every strided kernel: visit the elements of up
//! to `K` same-shaped layouts in C order, handing the caller one inner run
//! at a time (base offsets, run length, inner strides). Axes that are
//! contiguous with each other in every layout are merged first, so a
//! contiguous array is a single run and the per-element cost is the
//! caller's inner loop alone.

use super::shape::{Shape, coalesce};
use smallvec::SmallVec;

/// Visits every index of `shape` in C order for `K` stride sets.
///
/// `f(offsets, len, inner_strides)` is called once per run of `len`
/// consecutive indices along the (merged) innermost axis; element `i` of the
/// run sits at `offsets[k] + i * inner_strides[k]` in layout `k`. An empty
/// shape calls nothing; a 0-d shape calls `f([0; K], 1, [0; K])` once.
#[inline]
pub(crate) fn walk<const K: usize, F>(shape: &[usize], strides: [&[isize]; K], mut f: F)
where
    F: FnMut([isize; K], usize, [isize; K]),
{
    if shape.contains(&0) {
        return;
    }
    let (cs, cst) = coalesce(shape, strides);
    let nd = cs.len();
    if nd == 0 {
        f([0; K], 1, [0; K]);
        return;
    }
    let inner_len = cs[nd - 1];
    let inner: [isize; K] = std::array::from_fn(|k| cst[k][nd - 1]);
    if nd == 1 {
        f([0; K], inner_len, inner);
        return;
    }
    let outer: &Shape = &cs;
    let mut idx: SmallVec<[usize; 4]> = SmallVec::from_elem(0, nd - 1);
    let mut off = [0isize; K];
    loop {
        f(off, inner_len, inner);
        let mut ax = nd - 1;
        loop {
            if ax == 0 {
                return;
            }
            ax -= 1;
            idx[ax] += 1;
            for k in 0..K {
                off[k] += cst[k][ax];
            }
            if idx[ax] < outer[ax] {
                break;
            }
            for k in 0..K {
                off[k] -= cst[k][ax] * outer[ax] as isize;
            }
            idx[ax] = 0;
        }
    }
}

/// [`walk`] for one layout.
#[inline]
pub(crate) fn walk1<F: FnMut(isize, usize, isize)>(shape: &[usize], strides: &[isize], mut f: F) {
    walk(shape, [strides], |[o], n, [s]| f(o, n, s));
}

/// [`walk`] for two layouts.
#[inline]
pub(crate) fn walk2<F: FnMut([isize; 2], usize, [isize; 2])>(shape: &[usize], strides: [&[isize]; 2], f: F) {
    walk(shape, strides, f);
}

/// [`walk`] for three layouts.
#[inline]
#[allow(dead_code)] // used by the three-operand kernels
pub(crate) fn walk3<F: FnMut([isize; 3], usize, [isize; 3])>(shape: &[usize], strides: [&[isize]; 3], f: F) {
    walk(shape, strides, f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_visits_c_order() {
        // shape (2,3) transposed layout: strides (1,2)
        let mut seen = vec![];
        walk1(&[2, 3], &[1, 2], |o, n, s| {
            for i in 0..n as isize {
                seen.push(o + i * s);
            }
        });
        assert_eq!(seen, vec![0, 2, 4, 1, 3, 5]);
        let mut calls = 0;
        walk1(&[], &[], |o, n, _| {
            assert_eq!((o, n), (0, 1));
            calls += 1;
        });
        assert_eq!(calls, 1);
        walk1(&[3, 0], &[1, 1], |_, _, _| panic!("empty shapes visit nothing"));
    }
}
