//! `cumsum` and `cumprod` (NumPy's `add.accumulate` / `multiply.accumulate`):
//! `out[0] = a[0]`, `out[i] = out[i - 1] ⊕ a[i]` along the axis, in the sum
//! type (`i64`/`u64` for integers and `bool`), sequentially as NumPy does.

use super::elem::{Accum, SumElement};
use crate::array::{Array, ArrayBase, Data};
use crate::error::{Result, normalize_axis};

/// Accumulates `v` (C order, `shape`) along `axis` in place with `f`.
fn accumulate<T: Copy>(v: &mut [T], shape: &[usize], axis: usize, f: impl Fn(T, T) -> T) {
    let n = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let outer: usize = shape[..axis].iter().product();
    if n <= 1 || inner == 0 {
        return;
    }
    for o in 0..outer {
        let block = &mut v[o * n * inner..(o + 1) * n * inner];
        if inner == 1 {
            for i in 1..n {
                block[i] = f(block[i - 1], block[i]);
            }
            continue;
        }
        for i in 1..n {
            let (prev, cur) = block.split_at_mut(i * inner);
            let prev = &prev[(i - 1) * inner..];
            for (c, &p) in cur[..inner].iter_mut().zip(prev) {
                *c = f(p, *c);
            }
        }
    }
}

fn cum<A: SumElement, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axis: Option<isize>,
    prod: bool,
) -> Result<Array<A::Sum>> {
    let op = |x: A::Sum, y: A::Sum| if prod { x.mul(y) } else { x.add(y) };
    match axis {
        None => {
            let mut v: Vec<A::Sum> = a.iter().map(|x| x.to_sum_acc()).collect();
            let n = v.len();
            accumulate(&mut v, &[n], 0, op);
            Ok(Array::from_vec(v))
        }
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim())?;
            let mut v: Vec<A::Sum> = a.iter().map(|x| x.to_sum_acc()).collect();
            accumulate(&mut v, a.shape(), ax, op);
            Array::from_shape_vec(a.shape(), v)
        }
    }
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
