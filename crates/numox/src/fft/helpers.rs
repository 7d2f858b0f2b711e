//! Frequency grids and shifts: `fftfreq`, `rfftfreq`, `fftshift`, `ifftshift`.

use crate::array::{Array, ArrayBase, ArrayView, Data};
use crate::error::{Error, Result, normalize_axis};

fn freq_scale(n: usize, d: f64, op: &str) -> Result<f64> {
    let denom = n as f64 * d;
    if denom == 0.0 {
        // Python raises ZeroDivisionError for 1.0 / (n * d) == 1.0 / 0.0.
        return Err(Error::invalid(format!("{op}: n * d is zero (n = {n}, d = {d})")));
    }
    Ok(1.0 / denom)
}

/// The sample frequencies of [`fft`](super::fft) bins (`np.fft.fftfreq(n, d)`):
/// `[0, 1, ..., (n-1)/2, -(n/2), ..., -1] / (d * n)` for a sample spacing `d`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// assert_eq!(fft::fftfreq(5, 0.1).unwrap(), array![0.0, 2.0, 4.0, -4.0, -2.0]);
/// assert_eq!(fft::fftfreq(4, 1.0).unwrap(), array![0.0, 0.25, -0.5, -0.25]);
/// ```
///
/// # Errors
/// `n == 0` or `d == 0` (NumPy's division by zero).
pub fn fftfreq(n: usize, d: f64) -> Result<Array<f64>> {
    let val = freq_scale(n, d, "fftfreq")?;
    let pos = (n - 1) / 2 + 1;
    let v: Vec<f64> = (0..pos as i64)
        .chain(-((n / 2) as i64)..0)
        .map(|i| i as f64 * val)
        .collect();
    Ok(Array::from_vec(v))
}

/// The sample frequencies of [`rfft`](super::rfft) bins (`np.fft.rfftfreq(n, d)`):
/// `[0, 1, ..., n/2] / (d * n)`.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// assert_eq!(fft::rfftfreq(5, 0.1).unwrap(), array![0.0, 2.0, 4.0]);
/// ```
///
/// # Errors
/// `n == 0` or `d == 0`.
pub fn rfftfreq(n: usize, d: f64) -> Result<Array<f64>> {
    let val = freq_scale(n, d, "rfftfreq")?;
    Ok(Array::from_vec(
        (0..=(n / 2) as i64).map(|i| i as f64 * val).collect(),
    ))
}

/// Rolls each axis of `a` by `shift[axis]` positions (output index `i`
/// takes input index `i - shift`, cyclically); `shift[axis] < len`.
fn roll<A: Clone>(a: ArrayView<'_, A>, shift: &[usize]) -> Array<A> {
    fn rec<A: Clone>(a: ArrayView<'_, A>, shift: &[usize], out: &mut Vec<A>) {
        let n = a.shape()[0];
        let s = shift[0];
        // output i <- input (i + n - s) % n: input n-s.., then 0..n-s
        let order = (n - s..n).chain(0..n - s);
        if a.ndim() == 1 {
            match a.to_slice() {
                Some(sl) => {
                    out.extend_from_slice(&sl[n - s..]);
                    out.extend_from_slice(&sl[..n - s]);
                }
                None => out.extend(order.map(|j| a.get_ref(&[j]).expect("in bounds").clone())),
            }
        } else {
            for j in order {
                rec(a.index_axis(0, j as isize).expect("in bounds"), &shift[1..], out);
            }
        }
    }
    let mut out = Vec::with_capacity(a.size());
    if a.ndim() == 0 || a.is_empty() {
        return a.to_owned();
    }
    let shape = a.shape().to_vec();
    rec(a, shift, &mut out);
    Array::from_shape_vec(&shape, out).expect("one element per index")
}

fn shift_by<A: Clone, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    axes: Option<&[isize]>,
    inverse: bool,
) -> Result<Array<A>> {
    let nd = a.ndim();
    if nd == 0 {
        // np.roll of a 0-d array fails inside np.fft.fftshift (ValueError).
        return Err(Error::invalid(
            "fftshift/ifftshift: a 0-d array has no axes to shift",
        ));
    }
    let mut shift = vec![0usize; nd];
    let all: Vec<isize> = (0..nd as isize).collect();
    // Repeated axes add their shifts, as np.roll does.
    for &ax in axes.unwrap_or(&all) {
        let ax = normalize_axis(ax, nd)?;
        let len = a.shape()[ax];
        if len > 0 {
            let s = if inverse { len - len / 2 } else { len / 2 };
            shift[ax] = (shift[ax] + s) % len;
        }
    }
    Ok(roll(a.view(), &shift))
}

/// Moves the zero-frequency term to the centre (`np.fft.fftshift(x, axes)`):
/// rolls each listed axis (all by default) by half its length.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let f = fft::fftfreq(5, 1.0).unwrap();
/// assert_eq!(fft::fftshift(&f, None).unwrap(), array![-0.4, -0.2, 0.0, 0.2, 0.4]);
/// let m = array![[0, 1, 2], [3, 4, 5]];
/// assert_eq!(fft::fftshift(&m, Some(&[1])).unwrap(), array![[2, 0, 1], [5, 3, 4]]);
/// ```
///
/// # Errors
/// An axis out of range, or a 0-d array (as NumPy).
pub fn fftshift<A: Clone, S: Data<Elem = A>>(x: &ArrayBase<S>, axes: Option<&[isize]>) -> Result<Array<A>> {
    shift_by(x, axes, false)
}

/// The inverse of [`fftshift`] (`np.fft.ifftshift(x, axes)`); they differ
/// for odd lengths.
///
/// ```
/// use numox::fft;
/// use numox::prelude::*;
/// let x = array![0, 1, 2, 3, 4];
/// let s = fft::fftshift(&x, None).unwrap();
/// assert_eq!(s, array![3, 4, 0, 1, 2]);
/// assert_eq!(fft::ifftshift(&s, None).unwrap(), x);
/// ```
///
/// # Errors
/// An axis out of range, or a 0-d array (as NumPy).
pub fn ifftshift<A: Clone, S: Data<Elem = A>>(x: &ArrayBase<S>, axes: Option<&[isize]>) -> Result<Array<A>> {
    shift_by(x, axes, true)
}
