//! NumPy's `convolve` and `correlate` of 1-d sequences: direct sums
//! (O(n·m), as NumPy computes them), each output on its own, in parallel
//! for long inputs.

use super::NumOps;
use super::function_base::conj;
use crate::array::{Array, ArrayBase, Data};
use crate::element::Numeric;
use crate::error::{Error, Result};
use rayon::prelude::*;

/// The size of the output of [`convolve`] / [`correlate`] (NumPy's `mode`).
///
/// ```
/// use numox::prelude::*;
/// use numox::ConvolveMode;
/// let (a, v) = (array![1.0, 2.0, 3.0], array![0.0, 1.0, 0.5]);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Full).unwrap().len(), 5);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Same).unwrap().len(), 3);
/// assert_eq!(numox::convolve(&a, &v, ConvolveMode::Valid).unwrap().len(), 1);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConvolveMode {
    /// Every overlap: length `n + m - 1` (the default of `convolve`).
    #[default]
    Full,
    /// Length `max(n, m)`, centred on the `full` output.
    Same,
    /// Only full overlaps: length `max(n, m) - min(n, m) + 1` (the default of `correlate`).
    Valid,
}

/// Outputs per rayon task.
const CHUNK: usize = 2048;

/// `out[t] = sum_j x[t + j - left] * y[j]` over the `j` inside both, for
/// `len(x) >= len(y)`, as NumPy's `_pyarray_correlate` lays out the modes.
fn correlate_core<A: Numeric>(x: &[A], y: &[A], mode: ConvolveMode) -> Vec<A> {
    let (n, m) = (x.len(), y.len());
    let (len, left) = match mode {
        ConvolveMode::Valid => (n - m + 1, 0),
        ConvolveMode::Same => (n, m / 2),
        ConvolveMode::Full => (n + m - 1, m - 1),
    };
    let one = |t: usize| -> A {
        // Lag k = t - left: x index i + k for y index i.
        let k = t as isize - left as isize;
        let j0 = if k < 0 { (-k) as usize } else { 0 };
        let j1 = m.min((n as isize - k).max(0) as usize);
        let mut s = A::zero();
        for j in j0..j1 {
            s = s.nadd(x[(j as isize + k) as usize].nmul(y[j]));
        }
        s
    };
    let mut out = vec![A::zero(); len];
    if len * m < 1 << 16 {
        out.iter_mut().enumerate().for_each(|(t, o)| *o = one(t));
    } else {
        out.par_chunks_mut(CHUNK).enumerate().for_each(|(c, o)| {
            for (i, r) in o.iter_mut().enumerate() {
                *r = one(c * CHUNK + i);
            }
        });
    }
    out
}

fn inputs<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    op: &str,
) -> Result<(Vec<A>, Vec<A>)> {
    if a.ndim() > 1 || v.ndim() > 1 {
        return Err(Error::invalid(format!("{op}: object too deep for desired array")));
    }
    let (x, y) = (a.to_vec(), v.to_vec());
    if x.is_empty() {
        return Err(Error::invalid(format!("{op}: a cannot be empty")));
    }
    if y.is_empty() {
        return Err(Error::invalid(format!("{op}: v cannot be empty")));
    }
    Ok((x, y))
}

/// NumPy's `np.convolve(a, v, mode)`: the discrete linear convolution
/// `(a * v)[k] = sum_i a[i] v[k - i]` of two 1-d sequences (0-d inputs
/// count as length 1). `Same` and `Valid` are taken relative to the longer
/// input, as in NumPy (which swaps them).
///
/// Errors: an empty input; an input of more than one dimension.
///
/// ```
/// use numox::prelude::*;
/// use numox::ConvolveMode;
/// assert_eq!(numox::convolve(&array![1, 2, 3], &array![0, 1], ConvolveMode::Full).unwrap(), array![0, 1, 2, 3]);
/// assert_eq!(numox::convolve(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvolveMode::Same).unwrap(), array![1.0, 2.5, 4.0]);
/// ```
pub fn convolve<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    mode: ConvolveMode,
) -> Result<Array<A>> {
    let (mut x, mut y) = inputs(a, v, "convolve")?;
    if y.len() > x.len() {
        std::mem::swap(&mut x, &mut y);
    }
    y.reverse();
    Ok(Array::from_vec(correlate_core(&x, &y, mode)))
}

/// NumPy's `np.correlate(a, v, mode)`: the cross-correlation
/// `c[k] = sum_n a[n + k] conj(v[n])` of two 1-d sequences (NumPy's
/// default mode is `Valid`). When `v` is longer than `a`, NumPy computes
/// with the inputs swapped and reverses the result; so does this.
///
/// Errors: an empty input; an input of more than one dimension.
///
/// ```
/// use numox::prelude::*;
/// use numox::{Complex64, ConvolveMode};
/// assert_eq!(numox::correlate(&array![1.0, 2.0, 3.0], &array![0.0, 1.0, 0.5], ConvolveMode::Valid).unwrap(), array![3.5]);
/// let z = numox::correlate(&array![Complex64::new(0.0, 1.0)], &array![Complex64::new(0.0, 1.0)], ConvolveMode::Valid).unwrap();
/// assert_eq!(z, array![Complex64::new(1.0, 0.0)]);
/// ```
pub fn correlate<A: Numeric, S1: Data<Elem = A>, S2: Data<Elem = A>>(
    a: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
    mode: ConvolveMode,
) -> Result<Array<A>> {
    let (x, y) = inputs(a, v, "correlate")?;
    let y: Vec<A> = y.into_iter().map(conj).collect();
    if y.len() <= x.len() {
        return Ok(Array::from_vec(correlate_core(&x, &y, mode)));
    }
    // NumPy: correlate(conj v, a) with the roles swapped, reversed and conjugated.
    let x2: Vec<A> = x.into_iter().map(conj).collect();
    let yy: Vec<A> = y.into_iter().map(conj).collect();
    let mut out = correlate_core(&yy, &x2, mode);
    out.reverse();
    Ok(Array::from_vec(out.into_iter().map(conj).collect()))
}
