//! Integration of sampled data (SciPy's `trapezoid`, `simpson`,
//! `cumulative_trapezoid`, `cumulative_simpson`): along one axis of an
//! N-d array, with unit/scalar spacing `dx` or sample points `x` (1-d, or
//! the shape of `y`).

use crate::{Error, Result};
use numox::array::Data;
use numox::error::normalize_axis;
use numox::{Array, ArrayBase};

/// NumPy's `np.add.reduce` of a contiguous run: the first element plus
/// the pairwise sum of the rest (blocks of 8 accumulators up to 128
/// elements, halving above), so sums agree with NumPy's to the bit.
pub(crate) fn numpy_sum(v: &[f64]) -> f64 {
    fn pairwise(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            let mut res = 0.0;
            for x in a {
                res += x;
            }
            res
        } else if n <= 128 {
            let mut r = [0.0; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - (n % 8) {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            while i < n {
                res += a[i];
                i += 1;
            }
            res
        } else {
            let mut n2 = n / 2;
            n2 -= n2 % 8;
            pairwise(&a[..n2]) + pairwise(&a[n2..])
        }
    }
    match v.len() {
        0 => 0.0,
        _ => v[0] + pairwise(&v[1..]),
    }
}

/// The sample points for one lane: none (spacing `dx`), one 1-d array
/// shared by all lanes, or one lane of an array shaped like `y`.
enum Xs {
    None,
    Shared(Vec<f64>),
    PerLane(Vec<Vec<f64>>),
}

impl Xs {
    fn lane(&self, k: usize) -> Option<&[f64]> {
        match self {
            Xs::None => None,
            Xs::Shared(v) => Some(v),
            Xs::PerLane(v) => Some(&v[k]),
        }
    }
}

/// Validates `x` against `y` and splits both into lanes along `axis`.
/// Returns (lanes of y, x, the shape of y without `axis`, axis).
#[allow(clippy::type_complexity)]
fn lanes<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<S2>>,
    axis: isize,
) -> Result<(Vec<Vec<f64>>, Xs, Vec<usize>, usize)> {
    if y.ndim() == 0 {
        return Err(Error::invalid("`y` must have at least one dimension."));
    }
    let ax = normalize_axis(axis, y.ndim())?;
    let n = y.shape()[ax];
    let ys: Vec<Vec<f64>> = y.lanes(axis)?.map(|l| l.to_vec()).collect();
    let mut rest: Vec<usize> = y.shape().to_vec();
    rest.remove(ax);
    let xs = match x {
        None => Xs::None,
        Some(x) if x.ndim() == 1 => {
            if x.len() != n {
                return Err(Error::invalid(
                    "If given, length of x along axis must be the same as y.",
                ));
            }
            Xs::Shared(x.to_vec())
        }
        Some(x) => {
            if x.shape() != y.shape() {
                return Err(Error::invalid(
                    "If given, shape of x must be 1-D or the same as y.",
                ));
            }
            Xs::PerLane(x.lanes(axis)?.map(|l| l.to_vec()).collect())
        }
    };
    Ok((ys, xs, rest, ax))
}

/// Builds an array of shape `rest` with `axis` of length `m` inserted,
/// from lanes of length `m` in C order of the other axes.
fn from_lanes(lanes: Vec<Vec<f64>>, rest: &[usize], ax: usize, m: usize) -> Result<Array<f64>> {
    let mut shape = rest.to_vec();
    shape.insert(ax, m);
    // Lane-major data (axis last), then move the axis into place.
    let mut perm_shape = rest.to_vec();
    perm_shape.push(m);
    let data: Vec<f64> = lanes.into_iter().flatten().collect();
    let a = Array::from_shape_vec(&perm_shape, data)?;
    let nd = perm_shape.len() as isize;
    let mut axes: Vec<isize> = (0..nd - 1).collect();
    axes.insert(ax, nd - 1);
    Ok(a.view().permuted_axes(&axes)?.to_owned())
}

/// The integral of `y` along `axis` by the composite trapezoidal rule
/// (SciPy's `trapezoid`): with sample points `x` (1-d of the axis' length,
/// or the shape of `y`) or spacing `dx`. The result has `y`'s shape
/// without `axis`.
///
/// ```
/// use numox::array;
/// use sciox::integrate::trapezoid;
/// let y = array![1.0, 2.0, 3.0];
/// assert_eq!(trapezoid(&y, None::<&numox::Array<f64>>, 1.0, -1).unwrap()[[]], 4.0);
/// let x = array![4.0, 6.0, 8.0];
/// assert_eq!(trapezoid(&y, Some(&x), 1.0, -1).unwrap()[[]], 8.0);
/// ```
pub fn trapezoid<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<S2>>,
    dx: f64,
    axis: isize,
) -> Result<Array<f64>> {
    let (ys, xs, rest, _) = lanes(y, x, axis)?;
    let out: Vec<f64> = ys
        .iter()
        .enumerate()
        .map(|(k, yl)| {
            let terms: Vec<f64> = (1..yl.len())
                .map(|i| {
                    let d = xs.lane(k).map_or(dx, |xl| xl[i] - xl[i - 1]);
                    d * (yl[i] + yl[i - 1]) / 2.0
                })
                .collect();
            numpy_sum(&terms)
        })
        .collect();
    Ok(Array::from_shape_vec(&rest, out)?)
}

/// The cumulative integral of `y` along `axis` by the trapezoidal rule
/// (SciPy's `cumulative_trapezoid`): one value per interval, or with
/// `initial = Some(0.0)` a leading 0 so the result has `y`'s shape.
///
/// ```
/// use numox::array;
/// use sciox::integrate::cumulative_trapezoid;
/// let y = array![1.0, 2.0, 3.0];
/// let c = cumulative_trapezoid(&y, None::<&numox::Array<f64>>, 1.0, -1, Some(0.0)).unwrap();
/// assert_eq!(c, array![0.0, 1.5, 4.0]);
/// ```
pub fn cumulative_trapezoid<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<S2>>,
    dx: f64,
    axis: isize,
    initial: Option<f64>,
) -> Result<Array<f64>> {
    if let Some(v) = initial {
        if v != 0.0 {
            return Err(Error::invalid("`initial` must be `None` or `0`."));
        }
    }
    let (ys, xs, rest, ax) = lanes(y, x, axis)?;
    let n = y.shape()[ax];
    if n == 0 {
        return Err(Error::invalid("At least one point is required along `axis`."));
    }
    let out: Vec<Vec<f64>> = ys
        .iter()
        .enumerate()
        .map(|(k, yl)| {
            let mut acc = 0.0;
            let mut lane = Vec::with_capacity(n);
            if let Some(v) = initial {
                lane.push(v);
            }
            for i in 1..n {
                let d = xs.lane(k).map_or(dx, |xl| xl[i] - xl[i - 1]);
                let term = d * (yl[i] + yl[i - 1]) / 2.0;
                acc = if i == 1 { term } else { acc + term };
                lane.push(acc);
            }
            lane
        })
        .collect();
    let m = if initial.is_some() { n } else { n - 1 };
    from_lanes(out, &rest, ax, m)
}

/// SciPy's `_basic_simpson` on one lane from `start` to `stop` (even
/// number of intervals).
fn basic_simpson(y: &[f64], start: usize, stop: usize, x: Option<&[f64]>, dx: f64) -> f64 {
    // Slices start..stop step 2 of y, y[+1], y[+2].
    let idx: Vec<usize> = (start..stop).step_by(2).collect();
    match x {
        None => {
            let terms: Vec<f64> = idx.iter().map(|&i| y[i] + 4.0 * y[i + 1] + y[i + 2]).collect();
            let mut result = numpy_sum(&terms);
            result *= dx / 3.0;
            result
        }
        Some(x) => {
            let terms: Vec<f64> = idx
                .iter()
                .map(|&i| {
                    let h0 = x[i + 1] - x[i];
                    let h1 = x[i + 2] - x[i + 1];
                    let hsum = h0 + h1;
                    let hprod = h0 * h1;
                    let h0divh1 = if h1 != 0.0 { h0 / h1 } else { 0.0 };
                    let inv = if h0divh1 != 0.0 { 1.0 / h0divh1 } else { 0.0 };
                    let hh = if hprod != 0.0 { hsum / hprod } else { 0.0 };
                    hsum / 6.0 * (y[i] * (2.0 - inv) + y[i + 1] * (hsum * hh) + y[i + 2] * (2.0 - h0divh1))
                })
                .collect();
            numpy_sum(&terms)
        }
    }
}

/// The integral of `y` along `axis` by the composite Simpson rule
/// (SciPy's `simpson`, SciPy ≥ 1.11: an even number of samples uses
/// Simpson's rule on the first `N - 3` intervals and Cartwright's
/// correction for the last one; two samples fall back to the trapezoid).
///
/// ```
/// use numox::array;
/// use sciox::integrate::simpson;
/// // integral of x^2 over (0, 4) from 5 samples: exact, 64/3
/// let y = array![0.0, 1.0, 4.0, 9.0, 16.0];
/// let v = simpson(&y, None::<&numox::Array<f64>>, 1.0, -1).unwrap()[[]];
/// assert!((v - 64.0 / 3.0).abs() < 1e-13);
/// ```
pub fn simpson<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<S2>>,
    dx: f64,
    axis: isize,
) -> Result<Array<f64>> {
    let (ys, xs, rest, ax) = lanes(y, x, axis)?;
    let n = y.shape()[ax];
    if n == 0 {
        // SciPy raises an IndexError (it reads the last sample).
        return Err(Error::invalid(
            "simpson: at least one sample is required along `axis`.",
        ));
    }
    let out: Vec<f64> = ys
        .iter()
        .enumerate()
        .map(|(k, yl)| {
            let xl = xs.lane(k);
            if n % 2 == 0 {
                let mut val = 0.0;
                let mut result = 0.0;
                if n == 2 {
                    let last_dx = xl.map_or(dx, |x| x[1] - x[0]);
                    val += 0.5 * last_dx * (yl[1] + yl[0]);
                } else {
                    result = basic_simpson(yl, 0, n - 3, xl, dx);
                    let (h0, h1) = match xl {
                        None => (dx, dx),
                        Some(x) => (x[n - 2] - x[n - 3], x[n - 1] - x[n - 2]),
                    };
                    let div = |num: f64, den: f64| if den != 0.0 { num / den } else { 0.0 };
                    let alpha = div(2.0 * h1.powi(2) + 3.0 * h0 * h1, 6.0 * (h1 + h0));
                    let beta = div(h1.powi(2) + 3.0 * h0 * h1, 6.0 * h0);
                    let eta = div(h1.powf(3.0), 6.0 * h0 * (h0 + h1));
                    result += alpha * yl[n - 1] + beta * yl[n - 2] - eta * yl[n - 3];
                }
                result + val
            } else if n >= 3 {
                basic_simpson(yl, 0, n - 2, xl, dx)
            } else {
                // One sample: an empty sum.
                0.0
            }
        })
        .collect();
    Ok(Array::from_shape_vec(&rest, out)?)
}

/// The cumulative integral of `y` along `axis` by Simpson's rule
/// (SciPy's `cumulative_simpson`): each interval's integral from the
/// quadratic through it and a neighbour (averaged form as SciPy), summed;
/// fewer than 3 samples fall back to the trapezoid. `x` must be strictly
/// increasing. `initial` prepends a value (and is added to every entry).
///
/// ```
/// use numox::array;
/// use sciox::integrate::cumulative_simpson;
/// let y = array![0.0, 1.0, 4.0, 9.0, 16.0]; // x^2 at 0..4
/// let c = cumulative_simpson(&y, None::<&numox::Array<f64>>, 1.0, -1, Some(0.0)).unwrap();
/// let want = [0.0, 1.0 / 3.0, 8.0 / 3.0, 9.0, 64.0 / 3.0];
/// for (g, w) in c.iter().zip(want) { assert!((g - w).abs() < 1e-13); }
/// ```
pub fn cumulative_simpson<S: Data<Elem = f64>, S2: Data<Elem = f64>>(
    y: &ArrayBase<S>,
    x: Option<&ArrayBase<S2>>,
    dx: f64,
    axis: isize,
    initial: Option<f64>,
) -> Result<Array<f64>> {
    if y.ndim() == 0 {
        return Err(Error::invalid("`y` must have at least one dimension."));
    }
    let ax = normalize_axis(axis, y.ndim()).map_err(|_| {
        Error::invalid(format!(
            "`axis={axis}` is not valid for `y` with `y.ndim={}`.",
            y.ndim()
        ))
    })?;
    let n = y.shape()[ax];
    if n < 3 {
        let mut r = cumulative_trapezoid(y, x, dx, axis, None)?;
        if let Some(init) = initial {
            r.mapv_inplace(|v| v + init);
            let (lanes_r, _, rest, _) = lanes(&r, None::<&Array<f64>>, axis)?;
            let with: Vec<Vec<f64>> = lanes_r
                .into_iter()
                .map(|l| std::iter::once(init).chain(l).collect())
                .collect();
            return from_lanes(with, &rest, ax, n);
        }
        return Ok(r);
    }
    let (ys, xs, rest, _) = lanes(y, x, axis).map_err(|_| {
        Error::invalid(
            "If given, shape of `x` must be the same as `y` or 1-D with the same length as `y` along `axis`.",
        )
    })?;
    let out: Vec<Vec<f64>> = ys
        .iter()
        .enumerate()
        .map(|(k, yl)| -> Result<Vec<f64>> {
            let h: Vec<f64> = match xs.lane(k) {
                None => vec![dx; n - 1],
                Some(x) => {
                    let h: Vec<f64> = x.windows(2).map(|w| w[1] - w[0]).collect();
                    if h.iter().any(|&d| d.is_nan() || d <= 0.0) {
                        return Err(Error::invalid("Input x must be strictly increasing."));
                    }
                    h
                }
            };
            let equal = xs.lane(k).is_none();
            // Sub-integrals over [x_i, x_{i+1}] from the triple (i, i+1, i+2)
            // (h1) and from the reversed triple (h2).
            let sub = |yv: &[f64], hv: &[f64]| -> Vec<f64> {
                (0..yv.len() - 2)
                    .map(|i| {
                        let (f1, f2, f3) = (yv[i], yv[i + 1], yv[i + 2]);
                        if equal {
                            let d = hv[i];
                            d / 3.0 * (5.0 * f1 / 4.0 + 2.0 * f2 - f3 / 4.0)
                        } else {
                            let x21 = hv[i];
                            let x32 = hv[i + 1];
                            let x31 = x21 + x32;
                            let x21_x31 = x21 / x31;
                            let x21_x32 = x21 / x32;
                            let x21x21_x31x32 = x21_x31 * x21_x32;
                            let c1 = 3.0 - x21_x31;
                            let c2 = 3.0 + x21x21_x31x32 + x21_x31;
                            let c3 = -x21x21_x31x32;
                            x21 / 6.0 * (c1 * f1 + c2 * f2 + c3 * f3)
                        }
                    })
                    .collect()
            };
            let h1 = sub(yl, &h);
            let yr: Vec<f64> = yl.iter().rev().copied().collect();
            let hr: Vec<f64> = h.iter().rev().copied().collect();
            let mut h2 = sub(&yr, &hr);
            h2.reverse();
            let m = n - 1;
            let mut s = vec![0.0; m];
            for i in (0..m - 1).step_by(2) {
                s[i] = h1[i];
            }
            for i in (1..m).step_by(2) {
                s[i] = h2[i - 1];
            }
            s[m - 1] = h2[m - 2];
            let mut acc = 0.0;
            let mut lane = Vec::with_capacity(n);
            if let Some(init) = initial {
                lane.push(init);
            }
            for (i, v) in s.iter().enumerate() {
                acc = if i == 0 { *v } else { acc + v };
                lane.push(match initial {
                    Some(init) => acc + init,
                    None => acc,
                });
            }
            Ok(lane)
        })
        .collect::<Result<_>>()?;
    let m = if initial.is_some() { n } else { n - 1 };
    from_lanes(out, &rest, ax, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_sum_order() {
        let v: Vec<f64> = (0..300).map(|i| (i as f64).sin() * 1e3).collect();
        let s = numpy_sum(&v);
        let naive: f64 = v.iter().sum();
        assert!((s - naive).abs() < 1e-9);
        assert_eq!(numpy_sum(&[]), 0.0);
        assert_eq!(numpy_sum(&[1.5]), 1.5);
    }

    #[test]
    fn trapezoid_along_axes() {
        let y = numox::array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
        let a0 = trapezoid(&y, None::<&Array<f64>>, 1.0, 0).unwrap();
        assert_eq!(a0, numox::array![2.5, 3.5, 4.5]);
        let a1 = trapezoid(&y, None::<&Array<f64>>, 2.0, 1).unwrap();
        assert_eq!(a1, numox::array![8.0, 20.0]);
        let c = cumulative_trapezoid(&y, None::<&Array<f64>>, 1.0, 0, None).unwrap();
        assert_eq!(c, numox::array![[2.5, 3.5, 4.5]]);
        assert!(trapezoid(&y, None::<&Array<f64>>, 1.0, 2).is_err());
    }
}
