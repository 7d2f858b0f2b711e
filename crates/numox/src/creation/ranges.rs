//! Evenly spaced values: NumPy's `arange`, `linspace`, `logspace` and
//! `geomspace`, computed with NumPy's own formulas so that the results agree
//! bit for bit (the transcendental functions of `logspace`/`geomspace`
//! excepted, see there).

use crate::array::Array;
use crate::element::{Float, Numeric, RealNumeric, Scalar};
use crate::error::{Error, Result};

/// Values from `start` up to (not including) `stop` in steps of `step`
/// (NumPy's `np.arange(start, stop, step)`), for integer and float types.
///
/// The length is NumPy's `ceil((stop - start) / step)` (0 when negative;
/// computed in the element type for floats, as NumPy does for `np.float32`
/// arguments, and exactly for integers),
/// and the values are filled as NumPy fills them: element 0 is `start`,
/// element 1 is `start + step` (rounded to the element type), and element
/// `i >= 2` is `start + i * delta` with `delta = element1 - element0`
/// computed in the element type. For floats this means the values are not
/// always `start + i * step` exactly, and (as in NumPy) floating-point
/// rounding can make the last value land on or past `stop`.
///
/// Integer arithmetic wraps as in NumPy; a descending unsigned range needs
/// a negative step, which an unsigned type cannot hold (reverse an ascending
/// one with `slice(s![..;-1])` instead).
///
/// Errors: `step == 0` (NumPy's `ZeroDivisionError`), a NaN or infinite
/// length, and lengths too large to allocate.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::arange(0, 5, 1).unwrap(), array![0, 1, 2, 3, 4]);
/// assert_eq!(numox::arange(10i8, 0, -3).unwrap(), array![10i8, 7, 4, 1]);
/// let x = numox::arange(0.0, 1.0, 0.25).unwrap();
/// assert_eq!(x, array![0.0, 0.25, 0.5, 0.75]);
/// assert!(numox::arange(0, 5, 0).is_err());
/// ```
pub fn arange<T: RealNumeric>(start: T, stop: T, step: T) -> Result<Array<T>> {
    // NumPy computes the length from the argument objects: for floats
    // `(stop - start) / step` in the element type (as for `np.float32`
    // scalars), for integers exactly (as for Python ints).
    let quotient = match step.to_scalar() {
        Scalar::Float(_) if !step.is_zero_value() => {
            Some(Numeric::div(Numeric::sub(stop, start), step).to_scalar())
        }
        _ => None,
    };
    let len = arange_len(start.to_scalar(), stop.to_scalar(), step.to_scalar(), quotient)?;
    let mut v: Vec<T> = Vec::new();
    v.try_reserve_exact(len).map_err(|_| Error::TooBig {
        shape: [len][..].into(),
    })?;
    if len > 0 {
        v.push(start);
    }
    if len > 1 {
        // NumPy computes the second value as `start + step` in Python (f64 or
        // exact integer arithmetic) and stores it with the element type.
        let next = match (start.to_scalar(), step.to_scalar()) {
            (Scalar::Float(a), Scalar::Float(b)) => T::from_scalar(Scalar::Float(a + b)),
            _ => Numeric::add(start, step),
        };
        v.push(next);
        let delta = Numeric::sub(next, start);
        for i in 2..len {
            // `i as T` is C's conversion of an `npy_intp` (wrapping for integers,
            // rounding to nearest for floats); the products and sums are in `T`.
            let fi = T::from_scalar(Scalar::Int(i as i64));
            v.push(Numeric::add(start, Numeric::mul(fi, delta)));
        }
    }
    Ok(Array::from_vec(v))
}

/// The number of elements of `arange(start, stop, step)`; `quotient` is
/// `(stop - start) / step` computed in the element type for floats.
fn arange_len(start: Scalar, stop: Scalar, step: Scalar, quotient: Option<Scalar>) -> Result<usize> {
    let too_big = |n: f64| Error::invalid(format!("arange: maximum allowed size exceeded (length {n})"));
    match (start, stop, step) {
        (Scalar::Float(_), Scalar::Float(_), Scalar::Float(c)) => {
            if c == 0.0 {
                return Err(Error::invalid("arange: step must not be zero (division by zero)"));
            }
            let q = match quotient {
                Some(Scalar::Float(q)) => q.ceil(),
                _ => f64::NAN,
            };
            if q.is_nan() {
                return Err(Error::invalid("arange: cannot compute length"));
            }
            if q <= 0.0 {
                return Ok(0);
            }
            if q >= isize::MAX as f64 {
                return Err(too_big(q));
            }
            Ok(q as usize)
        }
        _ => {
            let wide = |s: Scalar| -> i128 {
                match s {
                    Scalar::Int(i) => i as i128,
                    Scalar::UInt(u) => u as i128,
                    Scalar::Bool(b) => b as i128,
                    Scalar::Float(f) => f as i128,
                    Scalar::Complex(c) => c.re as i128,
                }
            };
            let (a, b, c) = (wide(start), wide(stop), wide(step));
            if c == 0 {
                return Err(Error::invalid("arange: step must not be zero (division by zero)"));
            }
            let d = b - a;
            // ceil(d / c) with exact integers.
            let q = d / c;
            let q = if (d % c != 0) && ((d < 0) == (c < 0)) {
                q + 1
            } else {
                q
            };
            if q <= 0 {
                return Ok(0);
            }
            if q > isize::MAX as i128 {
                return Err(too_big(q as f64));
            }
            Ok(q as usize)
        }
    }
}

/// `num` evenly spaced values from `start` to `stop` (NumPy's
/// `np.linspace(start, stop, num, endpoint)`); with `endpoint` the last value
/// is exactly `stop`, without it the interval is split into `num` steps and
/// `stop` is left out.
///
/// Computed as NumPy does, so the values agree bit for bit:
/// `step = (stop - start) / div` with `div = num - 1` (or `num`), value
/// `i` is `i * step + start` (or `i / div * (stop - start) + start` when
/// `step` underflows to 0).
///
/// NumPy's `dtype=int` rounds down (`floor`) after computing in floats:
/// `numox::linspace(..).unwrap().mapv(f64::floor).astype::<i64>()`.
///
/// ```
/// use numox::prelude::*;
/// let x = numox::linspace(0.0, 1.0, 5, true).unwrap();
/// assert_eq!(x, array![0.0, 0.25, 0.5, 0.75, 1.0]);
/// let y = numox::linspace(0.0f32, 1.0, 4, false).unwrap();
/// assert_eq!(y, array![0.0f32, 0.25, 0.5, 0.75]);
/// ```
pub fn linspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Result<Array<F>> {
    Ok(linspace_retstep(start, stop, num, endpoint)?.0)
}

/// [`linspace`] that also returns the step (NumPy's `retstep=True`); the
/// step is NaN when it is undefined (`num == 0`, or `num == 1` with `endpoint`).
///
/// ```
/// let (x, step) = numox::linspace_retstep(2.0, 3.0, 5, true).unwrap();
/// assert_eq!(step, 0.25);
/// assert_eq!(x.to_vec(), vec![2.0, 2.25, 2.5, 2.75, 3.0]);
/// assert!(numox::linspace_retstep(0.0f64, 1.0, 1, true).unwrap().1.is_nan());
/// ```
pub fn linspace_retstep<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Result<(Array<F>, F)> {
    let (v, step) = linspace_vec(start, stop, num, endpoint)?;
    Ok((Array::from_vec(v), step))
}

/// The values of `linspace` and its step.
pub(crate) fn linspace_vec<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Result<(Vec<F>, F)> {
    let mut v: Vec<F> = Vec::new();
    v.try_reserve_exact(num).map_err(|_| Error::TooBig {
        shape: [num][..].into(),
    })?;
    let div = if endpoint { num as f64 - 1.0 } else { num as f64 };
    let delta = stop - start;
    let idx = |i: usize| F::from(i).expect("an index converts to a float");
    let step;
    if div > 0.0 {
        let fdiv = F::from(div).expect("a count converts to a float");
        step = delta / fdiv;
        if step == F::zero() {
            // NumPy's special case for denormal steps (gh-5437).
            v.extend((0..num).map(|i| idx(i) / fdiv * delta + start));
        } else {
            v.extend((0..num).map(|i| idx(i) * step + start));
        }
    } else {
        step = F::nan();
        v.extend((0..num).map(|i| idx(i) * delta + start));
    }
    if endpoint && num > 1 {
        v[num - 1] = stop;
    }
    Ok((v, step))
}

/// `num` values spaced evenly on a log scale: `base ** linspace(start, stop)`
/// (NumPy's `np.logspace(start, stop, num, endpoint, base)`).
///
/// The exponents are exactly NumPy's; the powers come from Rust's `powf`
/// (the platform's libm), which can differ by one unit in the last place
/// from NumPy's, which on AVX-512 machines uses its own SIMD `pow`.
///
/// ```
/// let x = numox::logspace(0.0, 3.0, 4, true, 10.0).unwrap();
/// assert_eq!(x.to_vec(), vec![1.0, 10.0, 100.0, 1000.0]);
/// let y = numox::logspace(0.0, 3.0, 3, false, 2.0).unwrap();
/// assert_eq!(y.to_vec(), vec![1.0, 2.0, 4.0]);
/// ```
pub fn logspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool, base: F) -> Result<Array<F>> {
    let (mut v, _) = linspace_vec(start, stop, num, endpoint)?;
    for y in &mut v {
        *y = base.powf(*y);
    }
    Ok(Array::from_vec(v))
}

/// `num` values spaced evenly on a log scale from `start` to `stop`, a
/// geometric progression (NumPy's `np.geomspace(start, stop, num, endpoint)`).
///
/// NumPy's algorithm, in the element type (as `np.geomspace(...,
/// dtype=...)` computes): negative ranges are computed on `-start..-stop` and
/// negated, the exponents are `linspace(log10(start), log10(stop))`, and the
/// first and (with `endpoint`) last values are set to `start` and `stop`
/// exactly. Values between the endpoints may differ from NumPy's by an ulp
/// (see [`logspace`]). A range that crosses zero gives NaN inside, as in
/// NumPy.
///
/// Errors when `start` or `stop` is zero.
///
/// ```
/// let g = numox::geomspace(1.0, 1000.0, 4, true).unwrap();
/// assert_eq!(g.to_vec(), vec![1.0, 10.0, 100.0, 1000.0]);
/// // As in NumPy, the inner values carry the rounding of log10 and pow:
/// let n = numox::geomspace(-1.0, -16.0, 5, true).unwrap();
/// assert_eq!(n.to_vec(), vec![-1.0, -2.0, -4.0, -7.999999999999999, -16.0]);
/// assert!(numox::geomspace(0.0, 1.0, 3, true).is_err());
/// ```
pub fn geomspace<F: Float>(start: F, stop: F, num: usize, endpoint: bool) -> Result<Array<F>> {
    if start == F::zero() || stop == F::zero() {
        return Err(Error::invalid("geometric sequence cannot include zero"));
    }
    // np.sign: ±1 for non-zero numbers, NaN for NaN.
    let sign = if start.is_nan() {
        start
    } else if start > F::zero() {
        F::one()
    } else {
        -F::one()
    };
    let s = start / sign;
    let e = stop / sign;
    let ten = F::from(10.0).expect("10 converts to a float");
    let (mut v, _) = linspace_vec(s.log10(), e.log10(), num, endpoint)?;
    for y in &mut v {
        *y = ten.powf(*y);
    }
    if num > 0 {
        v[0] = s;
        if num > 1 && endpoint {
            v[num - 1] = e;
        }
    }
    for y in &mut v {
        *y = *y * sign;
    }
    Ok(Array::from_vec(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arange_lengths_follow_ceil() {
        assert_eq!(arange(0.0, 1.0, 0.1).unwrap().size(), 10);
        // (1.3 - 1.0) / 0.1 = 3.0000000000000004, so NumPy makes 4 elements.
        assert_eq!(arange(1.0, 1.3, 0.1).unwrap().size(), 4);
        assert_eq!(arange(0, 10, 3).unwrap().to_vec(), vec![0, 3, 6, 9]);
        assert_eq!(arange(10, 0, 1).unwrap().size(), 0);
        assert_eq!(arange(-3i64, 3, 2).unwrap().to_vec(), vec![-3, -1, 1]);
        assert_eq!(arange(5u8, 9, 1).unwrap().to_vec(), vec![5, 6, 7, 8]);
        assert!(arange(0.0, f64::INFINITY, 1.0).is_err());
        assert!(arange(0.0, f64::NAN, 1.0).is_err());
        assert!(arange(0i64, i64::MAX, 1).is_err() || cfg!(target_pointer_width = "32"));
    }

    #[test]
    fn arange_fill_uses_delta_of_first_two() {
        // 0.1 + 0.7 - 0.1 != 0.7 in floating point; NumPy uses the former.
        let a = arange(0.1, 5.3, 0.7).unwrap();
        let d = (0.1 + 0.7) - 0.1;
        assert_eq!(a[[5]], 0.1 + 5.0 * d);
        let b = arange(0.1f32, 5.3, 0.7).unwrap();
        let n1 = (0.1f32 as f64 + 0.7f32 as f64) as f32;
        assert_eq!(b[[1]], n1);
        assert_eq!(b[[4]], 0.1f32 + 4.0 * (n1 - 0.1f32));
    }

    #[test]
    fn linspace_special_cases() {
        assert_eq!(linspace(0.0, 1.0, 0, true).unwrap().size(), 0);
        assert_eq!(linspace(3.0, 7.0, 1, true).unwrap().to_vec(), vec![3.0]);
        assert_eq!(linspace(3.0, 7.0, 1, false).unwrap().to_vec(), vec![3.0]);
        assert_eq!(linspace_retstep(3.0, 7.0, 1, false).unwrap().1, 4.0);
        // A denormal step takes NumPy's divide-then-multiply path.
        let tiny = 5e-324;
        let (v, step) = linspace_retstep(0.0, tiny, 5, true).unwrap();
        assert_eq!(step, 0.0);
        assert_eq!(v.to_vec(), vec![0.0, 0.0, 0.0, tiny, tiny]);
    }

    #[test]
    fn geomspace_endpoints_are_exact() {
        let g = geomspace(3.0, 7.0, 6, true).unwrap();
        assert_eq!(g[[0]], 3.0);
        assert_eq!(g[[5]], 7.0);
        let g = geomspace(-3.0, -7.0, 5, false).unwrap();
        assert_eq!(g[[0]], -3.0);
        assert!(g.iter().all(|&x| x < 0.0));
    }
}
