//! `cumsum` and `cumprod` (NumPy's `add.accumulate` / `multiply.accumulate`):
//! `out[0] = a[0]`, `out[i] = out[i - 1] ⊕ a[i]` along the axis, in the sum
//! type (`i64`/`u64` for integers and `bool`), sequentially as NumPy does.

use super::elem::{Accum, SumElement};
use crate::array::copy::{try_to_vec, try_vec};
use crate::array::sequential_fill::fill_in_order;
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Result, normalize_axis};

/// Appends the accumulation of the C-contiguous `src` (blocks of `n` rows of
/// `inner` elements along the axis) to `v` in one pass: each output element is
/// computed as it is written, in NumPy's sequential order.
fn scan_contiguous<A: SumElement>(
    src: &[A],
    v: &mut Vec<A::Sum>,
    n: usize,
    inner: usize,
    f: impl Fn(A::Sum, A::Sum) -> A::Sum + Sync,
) {
    if n == 0 || inner == 0 {
        return;
    }
    if inner == 1 {
        // Lanes along the last axis: one running value, restarted every `n`
        // elements, written front to back while a helper thread faults the
        // fresh pages in (`fill_in_order`).
        let mut state = (A::Sum::zero(), 0usize, 0usize);
        fill_in_order(v, src.len(), |piece| {
            // Locals, not the captured state: a running value behind a
            // reference would be stored and reloaded every step, adding the
            // store-forwarding latency to the dependency chain.
            let (mut acc, mut left, mut pos) = state;
            let mut i = 0;
            while i < piece.len() {
                if left == 0 {
                    acc = src[pos].to_sum_acc();
                    piece[i].write(acc);
                    (left, pos, i) = (n - 1, pos + 1, i + 1);
                    continue;
                }
                let m = left.min(piece.len() - i);
                for (slot, &x) in piece[i..i + m].iter_mut().zip(&src[pos..pos + m]) {
                    acc = f(acc, x.to_sum_acc());
                    slot.write(acc);
                }
                (left, pos, i) = (left - m, pos + m, i + m);
            }
            state = (acc, left, pos);
        });
        return;
    }
    for block in src.chunks_exact(n * inner) {
        let start = v.len();
        v.extend(block[..inner].iter().map(|x| x.to_sum_acc()));
        for (i, row) in block.chunks_exact(inner).enumerate().skip(1) {
            let prev = start + (i - 1) * inner;
            for (k, &x) in row.iter().enumerate() {
                let p = v[prev + k];
                v.push(f(p, x.to_sum_acc()));
            }
        }
    }
}

fn cum<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    prod: bool,
) -> Result<Array<A::Sum>> {
    let (shape, ax) = match axis {
        None => (vec![a.size()], 0),
        Some(ax) => (a.shape().to_vec(), normalize_axis(ax, a.ndim())?),
    };
    // A non-contiguous view is first copied to C order (the order NumPy
    // accumulates in), then scanned like a contiguous array.
    let copied;
    let src = match a.as_slice() {
        Some(s) => s,
        None => {
            copied = try_to_vec(a)?;
            &copied[..]
        }
    };
    // One fused pass over the contiguous input into a fresh (huge-page
    // hinted) buffer: converting, accumulating and writing each element once.
    let (n, inner) = (shape[ax], shape[ax + 1..].iter().product::<usize>());
    let mut v = try_vec::<A::Sum>(src.len(), &shape)?;
    if prod {
        scan_contiguous(src, &mut v, n, inner, |x, y| x.mul(y));
    } else {
        scan_contiguous(src, &mut v, n, inner, |x, y| x.add(y));
    }
    Array::from_shape_vec(&shape, v)
}

impl<A: SumElement, S: Data<Elem = A>> ArrayBase<S> {
    /// The running sums of the elements in C order, as a 1-d array (NumPy's
    /// `a.cumsum()`), in the [sum type](SumElement).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].cumsum(), array![1i64, 3, 6, 10]);
    /// assert_eq!(array![true, true].cumsum(), array![1i64, 2]);
    /// ```
    pub fn cumsum(&self) -> Array<A::Sum> {
        match cum(self, None, false) {
            Ok(r) => r,
            Err(_) => unreachable!("the flattened form cannot fail"),
        }
    }

    /// The running sums along `axis` (`a.cumsum(axis=axis)`), same shape.
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].cumsum_axis(0).unwrap(), array![[1i64, 2], [4, 6]]);
    /// ```
    pub fn cumsum_axis(&self, axis: isize) -> Result<Array<A::Sum>> {
        cum(self, Some(axis), false)
    }

    /// The running products in C order, as a 1-d array (`a.cumprod()`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1.0, 2.0], [3.0, 4.0]].cumprod(), array![1.0, 2.0, 6.0, 24.0]);
    /// ```
    pub fn cumprod(&self) -> Array<A::Sum> {
        match cum(self, None, true) {
            Ok(r) => r,
            Err(_) => unreachable!("the flattened form cannot fail"),
        }
    }

    /// The running products along `axis` (`a.cumprod(axis=axis)`).
    ///
    /// ```
    /// use numox::prelude::*;
    /// assert_eq!(array![[1, 2], [3, 4]].cumprod_axis(1).unwrap(), array![[1i64, 2], [3, 12]]);
    /// ```
    pub fn cumprod_axis(&self, axis: isize) -> Result<Array<A::Sum>> {
        cum(self, Some(axis), true)
    }
}

/// NumPy's `np.cumsum(a, axis)`: `None` flattens in C order. See [`ArrayBase::cumsum`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::cumsum(&array![[1, 2], [3, 4]], Some(1)).unwrap(), array![[1i64, 3], [3, 7]]);
/// ```
pub fn cumsum<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<A::Sum>> {
    cum(a, axis, false)
}

/// NumPy's `np.cumprod(a, axis)`. See [`ArrayBase::cumprod`].
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::cumprod(&array![2u8, 3, 4], None).unwrap(), array![2u64, 6, 24]);
/// ```
pub fn cumprod<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<A::Sum>> {
    cum(a, axis, true)
}

#[cfg(test)]
mod tests {
    use crate::prelude::*;

    /// The fused scan against a plain sequential loop, bit for bit: 1-d and
    /// along each axis of 3-d arrays large enough for `fill_in_order`'s
    /// helper thread, with lanes that straddle its 2 MiB chunks, plus a
    /// non-contiguous view (copied to C order first).
    #[test]
    fn fused_scan_matches_sequential_loop() {
        let x: Vec<f64> = (0..3_000_017u64)
            .map(|i| ((i * 2_654_435_761) % 1_000_003) as f64 * 1e-3 - 1.7)
            .collect();
        let naive = |v: &[f64], n: usize, inner: usize, prod: bool| {
            let mut out = v.to_vec();
            for b in 0..v.len() / (n * inner) {
                for i in 1..n {
                    for k in 0..inner {
                        let (p, c) = ((b * n + i - 1) * inner + k, (b * n + i) * inner + k);
                        out[c] = if prod { out[p] * out[c] } else { out[p] + out[c] };
                    }
                }
            }
            out
        };
        let a = Array::from_vec(x.clone());
        let bits = |v: &[f64]| v.iter().map(|y| y.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(a.cumsum().as_slice().unwrap()),
            bits(&naive(&x, x.len(), 1, false))
        );
        let shape = [7usize, 3, 142_855];
        let m: usize = shape.iter().product();
        let t = Array::from_shape_vec(&shape[..], x[..m].to_vec()).unwrap();
        for ax in 0..3 {
            let (n, inner) = (shape[ax], shape[ax + 1..].iter().product::<usize>());
            let (s, p) = (
                t.cumsum_axis(ax as isize).unwrap(),
                t.cumprod_axis(ax as isize).unwrap(),
            );
            assert_eq!(s.shape(), &shape[..]);
            assert_eq!(
                bits(s.as_slice().unwrap()),
                bits(&naive(&x[..m], n, inner, false)),
                "axis {ax}"
            );
            assert_eq!(
                bits(p.as_slice().unwrap()),
                bits(&naive(&x[..m], n, inner, true)),
                "axis {ax}"
            );
        }
        // A transposed view is copied to C order first: the loop over that copy.
        let tt = t.t();
        let c = tt.cumsum_axis(0).unwrap();
        let own = tt.to_owned();
        let inner = shape[..2].iter().product::<usize>();
        assert_eq!(
            bits(c.as_slice().unwrap()),
            bits(&naive(own.as_slice().unwrap(), shape[2], inner, false))
        );
        // The flattened form of an n-d array and of a 0-d one.
        let m2 = Array::from_shape_vec(&[4, 5][..], x[..20].to_vec()).unwrap();
        assert_eq!(
            bits(m2.cumsum().as_slice().unwrap()),
            bits(&naive(&x[..20], 20, 1, false))
        );
        let zero_d = Array::from_elem(&[][..], 2.5).unwrap();
        assert_eq!(zero_d.cumsum(), array![2.5]);
        assert!(zero_d.cumsum_axis(0).is_err());
        // Integers accumulate in i64 and wrap as NumPy's do.
        let ints = array![i64::MAX, 1, 2];
        assert_eq!(ints.cumsum(), array![i64::MAX, i64::MIN, i64::MIN + 2]);
    }
}
