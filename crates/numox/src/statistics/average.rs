//! `average`: the (weighted) mean along axes (NumPy's `np.average`).
//!
//! Without weights it is [`mean`](crate::mean) converted to `f64`. With
//! weights it is `sum(a * w, axis) / sum(w, axis)`, the product and both
//! sums in `float64` as NumPy computes them (the product array is C
//! ordered; NumPy's is laid out like `a`, which is the same for C-ordered
//! input). The weights either have `a`'s shape or the shape of `a` along
//! the (listed) axes, and broadcast along the others.

use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::element::RealNumeric;
use crate::error::{Error, Result, normalize_axis};
use crate::reduce::axes::Axes;
use crate::reduce::elem::SumElement;

/// The weights as a view that broadcasts against `a` (NumPy's
/// `_weights_are_valid`: `wgt.transpose(argsort(axis))` with length-1 axes
/// inserted; a view, so that `sum(wgt)` adds in NumPy's order).
fn weights_for<'w, S: Data<Elem = f64>>(
    shape: &[usize],
    axis: &Axes,
    w: &'w ArrayBase<S>,
) -> Result<ArrayView<'w, f64>> {
    if w.shape() == shape {
        return Ok(w.view());
    }
    let axes: Vec<usize> = match axis {
        Axes::All => {
            return Err(Error::invalid(
                "Axis must be specified when shapes of a and weights differ.",
            ));
        }
        Axes::One(a) => vec![normalize_axis(*a, shape.len())?],
        Axes::Many(v) => v
            .iter()
            .map(|&a| normalize_axis(a, shape.len()))
            .collect::<Result<_>>()?,
    };
    let want: Vec<usize> = axes.iter().map(|&a| shape[a]).collect();
    if w.shape() != want.as_slice() {
        return Err(Error::ShapeMismatch {
            op: "average",
            lhs: shape.into(),
            rhs: w.shape().into(),
        });
    }
    let mut order: Vec<usize> = (0..axes.len()).collect();
    order.sort_by_key(|&i| axes[i]);
    let perm: Vec<isize> = order.iter().map(|&i| i as isize).collect();
    let mut v = w.view().permuted_axes(&perm)?;
    for i in 0..shape.len() {
        if !axes.contains(&i) {
            v = v.insert_axis(i as isize)?;
        }
    }
    Ok(v)
}

fn average_impl<A, S, S2>(
    a: &ArrayBase<S>,
    axis: Axes,
    weights: Option<&ArrayBase<S2>>,
    keepdims: bool,
) -> Result<(Array<f64>, Array<f64>)>
where
    A: SumElement + RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = f64>,
{
    match weights {
        None => {
            let avg: Array<f64> = crate::mean(a, axis, keepdims)?.astype::<f64>();
            let scl = if avg.size() == 0 {
                f64::NAN
            } else {
                a.size() as f64 / avg.size() as f64
            };
            let scl = Array::from_elem(avg.shape(), scl)?;
            Ok((avg, scl))
        }
        Some(w) => {
            let wgt = weights_for(a.shape(), &axis, w)?;
            let scl = crate::sum(&wgt, axis.clone(), keepdims)?;
            if scl.iter().any(|&s| s == 0.0) {
                return Err(Error::invalid("Weights sum to zero, can't be normalized"));
            }
            let wb = wgt.broadcast(a.shape())?;
            let af: Array<f64> = a.astype::<f64>();
            let prod =
                Array::from_shape_vec(a.shape(), af.iter().zip(wb.iter()).map(|(x, w)| x * w).collect())?;
            let tot = crate::sum(&prod, axis, keepdims)?;
            let scl_b = scl.broadcast(tot.shape())?.to_owned();
            let avg = Array::from_shape_vec(
                tot.shape(),
                tot.iter().zip(scl_b.iter()).map(|(t, s)| t / s).collect(),
            )?;
            Ok((avg, scl_b))
        }
    }
}

/// NumPy's `np.average(a, axis, weights, keepdims=keepdims)`, in `f64`:
/// the mean, or with `weights` the weighted mean `sum(a * w) / sum(w)`.
/// `weights` has `a`'s shape, or (with `axis` given) the shape of `a` along
/// those axes. A zero weight sum is an error (NumPy's `ZeroDivisionError`),
/// as are weights of the wrong shape.
///
/// ```
/// use numox::prelude::*;
/// use numox::Axes;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let w = array![1.0, 3.0];
/// let avg = numox::average(&a, 1, Some(&w), false).unwrap();
/// assert_eq!(avg, array![1.75, 3.75]);
/// assert_eq!(numox::average(&a, Axes::All, None::<&Array<f64>>, false).unwrap().into_scalar(), 2.5);
/// assert!(numox::average(&a, 1, Some(&array![1.0, -1.0]), false).is_err());
/// ```
pub fn average<A, S, S2>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    weights: Option<&ArrayBase<S2>>,
    keepdims: bool,
) -> Result<Array<f64>>
where
    A: SumElement + RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = f64>,
{
    Ok(average_impl(a, axis.into(), weights, keepdims)?.0)
}

/// NumPy's `np.average(..., returned=True)`: the average and the sum of
/// the weights (the element count without weights), broadcast to the
/// average's shape.
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, 2.0, 3.0];
/// let (avg, wsum) = numox::average_returned(&a, 0, Some(&array![1.0, 1.0, 2.0]), false).unwrap();
/// assert_eq!(avg.into_scalar(), 2.25);
/// assert_eq!(wsum.into_scalar(), 4.0);
/// ```
pub fn average_returned<A, S, S2>(
    a: &ArrayBase<S>,
    axis: impl Into<Axes>,
    weights: Option<&ArrayBase<S2>>,
    keepdims: bool,
) -> Result<(Array<f64>, Array<f64>)>
where
    A: SumElement + RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = f64>,
{
    average_impl(a, axis.into(), weights, keepdims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn weights_along_listed_axes() {
        let a = Array::from_shape_vec(&[2, 3], (0..6).map(f64::from).collect()).unwrap();
        let w = array![1.0, 0.0, 1.0];
        assert_eq!(average(&a, 1, Some(&w), false).unwrap(), array![1.0, 4.0]);
        assert!(average(&a, Axes::All, Some(&w), false).is_err());
        assert!(average(&a, 0, Some(&w), false).is_err());
    }
}
