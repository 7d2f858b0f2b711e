//! `cov` and `corrcoef` (NumPy's `np.cov`, `np.corrcoef`), in `f64`.
//!
//! As NumPy: the rows (or, with `rowvar = false`, the columns) are the
//! variables; `y` adds more variables; each variable is centred by its
//! (weighted) mean, the product `X @ (X * w).T` is scaled by `1 / fact`
//! with `fact = N - ddof` (or the weighted equivalent), and the result is
//! squeezed (one variable gives a 0-d array). `corrcoef` divides by the
//! standard deviations on both sides and clips to `[-1, 1]`.
//!
//! The matrix product is numox's [`matmul`](crate::matmul), which may add
//! in a different order than NumPy's BLAS: results agree to a few ulps.

use crate::array::{Array, ArrayBase, Data};
use crate::element::RealNumeric;
use crate::error::{Error, Result};

/// The optional arguments of [`cov`] and [`corrcoef`] (NumPy's keywords).
///
/// ```
/// let o = numox::CovOptions::default();
/// assert!(o.rowvar && !o.bias && o.ddof.is_none());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct CovOptions {
    /// Rows are variables (`true`, NumPy's default) or columns are.
    pub rowvar: bool,
    /// Normalise by `N` instead of `N - 1` (ignored when `ddof` is set).
    pub bias: bool,
    /// Delta degrees of freedom; overrides `bias`.
    pub ddof: Option<i64>,
    /// Integer frequency weights, one per observation.
    pub fweights: Option<Vec<f64>>,
    /// Observation ("analytic") weights, one per observation.
    pub aweights: Option<Vec<f64>>,
}

impl Default for CovOptions {
    fn default() -> Self {
        CovOptions {
            rowvar: true,
            bias: false,
            ddof: None,
            fweights: None,
            aweights: None,
        }
    }
}

/// The observations as a C-ordered `(variables, observations)` `f64` matrix.
fn as_rows<A: RealNumeric, S: Data<Elem = A>>(
    m: &ArrayBase<S>,
    rowvar: bool,
    what: &str,
) -> Result<Array<f64>> {
    if m.ndim() > 2 {
        return Err(Error::invalid(format!("{what} has more than 2 dimensions")));
    }
    let x: Array<f64> = m.astype::<f64>();
    let x = if m.ndim() < 2 {
        let n = x.size();
        Array::from_shape_vec(&[1, n], x.into_vec())?
    } else if !rowvar {
        x.t().to_owned()
    } else {
        x
    };
    Ok(x)
}

fn check_weights(w: &[f64], n: usize, what: &str) -> Result<()> {
    if w.len() != n {
        return Err(Error::invalid(format!(
            "incompatible numbers of samples and {what}"
        )));
    }
    if w.iter().any(|&x| x < 0.0) {
        return Err(Error::invalid(format!("{what} cannot be negative")));
    }
    Ok(())
}

fn cov_impl<A, S, S2>(m: &ArrayBase<S>, y: Option<&ArrayBase<S2>>, opts: &CovOptions) -> Result<Array<f64>>
where
    A: RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let mut x = as_rows(m, opts.rowvar || m.ndim() == 1, "m")?;
    if x.shape()[0] == 0 {
        return Array::from_shape_vec(&[0, 0], vec![]);
    }
    if let Some(y) = y {
        let yr = as_rows(
            y,
            opts.rowvar || y.shape().first() == Some(&1) || y.ndim() < 2,
            "y",
        )?;
        x = crate::concatenate(&[x.view(), yr.view()], Some(0))?;
    }
    let (nv, n) = (x.shape()[0], x.shape()[1]);
    let ddof = opts.ddof.unwrap_or(if opts.bias { 0 } else { 1 });
    let mut w: Option<Vec<f64>> = None;
    if let Some(f) = &opts.fweights {
        if f.iter().any(|&v| v != v.round_ties_even()) {
            return Err(Error::invalid("fweights must be integer"));
        }
        check_weights(f, n, "fweights")?;
        w = Some(f.clone());
    }
    if let Some(aw) = &opts.aweights {
        check_weights(aw, n, "aweights")?;
        w = Some(match w {
            None => aw.clone(),
            Some(f) => f.iter().zip(aw).map(|(a, b)| a * b).collect(),
        });
    }
    // `average(X, axis=1, weights=w, returned=True)`.
    let (avg, w_sum) = match &w {
        None => (crate::mean(&x, 1, false)?.into_vec(), n as f64),
        Some(wv) => {
            let wa = Array::from_vec(wv.clone());
            let (avg, scl) = super::average_returned(&x, 1, Some(&wa), false)?;
            let s = scl.iter().next().copied().unwrap_or(f64::NAN);
            (avg.into_vec(), s)
        }
    };
    let fact = match (&w, &opts.aweights) {
        (None, _) => (n as i64 - ddof) as f64,
        (Some(_), _) if ddof == 0 => w_sum,
        (Some(_), None) => w_sum - ddof as f64,
        (Some(wv), Some(aw)) => {
            let s: f64 = crate::sum(
                &Array::from_vec(wv.iter().zip(aw).map(|(a, b)| a * b).collect()),
                crate::Axes::All,
                false,
            )?
            .into_scalar();
            w_sum - ddof as f64 * s / w_sum
        }
    };
    let fact = if fact <= 0.0 { 0.0 } else { fact };
    let mut xc = x.to_vec();
    for (r, row) in xc.chunks_mut(n.max(1)).enumerate().take(nv) {
        row.iter_mut().for_each(|v| *v -= avg[r]);
    }
    let xc = Array::from_shape_vec(&[nv, n], xc)?;
    let xw = match &w {
        None => xc.clone(),
        Some(wv) => {
            let mut v = xc.to_vec();
            for row in v.chunks_mut(n.max(1)) {
                row.iter_mut().zip(wv).for_each(|(x, w)| *x *= w);
            }
            Array::from_shape_vec(&[nv, n], v)?
        }
    };
    let c = crate::matmul(&xc, &xw.t())?;
    let r = 1.0 / fact;
    let c = c.mapv(|v| v * r);
    if nv == 1 {
        return Ok(Array::from_elem0(c.iter().next().copied().unwrap_or(f64::NAN)));
    }
    Ok(c)
}

/// NumPy's `np.cov(m, y, rowvar, bias, ddof, fweights, aweights)`: the
/// covariance matrix of the variables in `m` (and `y`), `(k, k)`, or a 0-d
/// array for one variable. Bad weights (negative, non-integer `fweights`,
/// wrong length) and inputs of more than two dimensions are errors.
///
/// ```
/// use numox::prelude::*;
/// let x = array![[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]];
/// let c = numox::cov(&x, None::<&Array<f64>>, &numox::CovOptions::default()).unwrap();
/// assert_eq!(c, array![[1.0, -1.0], [-1.0, 1.0]]);
/// let v = numox::cov(&array![1.0, 2.0, 3.0, 4.0], None::<&Array<f64>>, &Default::default()).unwrap();
/// assert_eq!(v.ndim(), 0);
/// ```
pub fn cov<A, S, S2>(m: &ArrayBase<S>, y: Option<&ArrayBase<S2>>, opts: &CovOptions) -> Result<Array<f64>>
where
    A: RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    cov_impl(m, y, opts)
}

/// NumPy's `np.corrcoef(x, y, rowvar)`: Pearson correlation coefficients,
/// `cov[i, j] / (std[i] * std[j])` clipped to `[-1, 1]` (`bias`, `ddof`
/// and weights cancel out and are not taken, as in NumPy 2).
///
/// ```
/// use numox::prelude::*;
/// let x = array![[1.0, 2.0, 3.0], [2.0, 4.0, 7.0]];
/// let r = numox::corrcoef(&x, None::<&Array<f64>>, true).unwrap();
/// assert_eq!(*r.get(&[0, 0]).unwrap(), 1.0);
/// assert!((r.get(&[0, 1]).unwrap() - 0.9933992677987828).abs() < 1e-15);
/// ```
pub fn corrcoef<A, S, S2>(x: &ArrayBase<S>, y: Option<&ArrayBase<S2>>, rowvar: bool) -> Result<Array<f64>>
where
    A: RealNumeric,
    S: Data<Elem = A>,
    S2: Data<Elem = A>,
{
    let opts = CovOptions {
        rowvar,
        ..CovOptions::default()
    };
    let c = cov_impl(x, y, &opts)?;
    if c.ndim() == 0 {
        let v = c.into_scalar();
        // NumPy's `c / c`: 1 for a finite non-zero variance, NaN otherwise.
        return Ok(Array::from_elem0(if v.is_finite() && v != 0.0 {
            1.0
        } else {
            f64::NAN
        }));
    }
    let k = c.shape()[0];
    let mut v = c.into_vec();
    let sd: Vec<f64> = (0..k).map(|i| v[i * k + i].sqrt()).collect();
    for i in 0..k {
        for j in 0..k {
            let e = &mut v[i * k + j];
            *e /= sd[i];
            *e /= sd[j];
            *e = e.clamp(-1.0, 1.0);
        }
    }
    Array::from_shape_vec(&[k, k], v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array;

    #[test]
    fn weights_are_checked() {
        let x = array![1.0, 2.0, 4.0];
        let mut o = CovOptions {
            fweights: Some(vec![1.0, 2.0]),
            ..CovOptions::default()
        };
        assert!(cov(&x, None::<&Array<f64>>, &o).is_err());
        o.fweights = Some(vec![1.0, 1.5, 1.0]);
        assert!(cov(&x, None::<&Array<f64>>, &o).is_err());
        o.fweights = Some(vec![1.0, 2.0, 1.0]);
        let c = cov(&x, None::<&Array<f64>>, &o).unwrap().into_scalar();
        // values 1, 2, 2, 4: mean 2.25, sum of squares 4.75, / 3
        assert!((c - 4.75 / 3.0).abs() < 1e-15);
    }
}
