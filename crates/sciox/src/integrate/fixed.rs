//! Fixed-order rules (SciPy's `fixed_quad`, `newton_cotes`, `romb`).

use super::sampled::numpy_sum;
use crate::{Error, Result};
use numox::array::Data;
use numox::error::normalize_axis;
use numox::{Array, ArrayBase};

/// The `n`-point Gauss–Legendre nodes (ascending) and weights on
/// `(-1, 1)` (SciPy's `roots_legendre`), by Newton's method on `P_n`
/// from Tricomi's initial guesses, symmetrized (`O(n^2)` work: meant for
/// the orders quadrature uses, up to a few thousand).
///
/// ```
/// let (x, w) = sciox::integrate::roots_legendre(3).unwrap();
/// assert!((x[2] - 0.6f64.sqrt()).abs() < 1e-15 && (w[1] - 8.0 / 9.0).abs() < 1e-15);
/// ```
///
/// # Errors
/// An error when `n` is so large that the node arrays cannot be allocated.
pub fn roots_legendre(n: usize) -> Result<(Vec<f64>, Vec<f64>)> {
    let alloc = || -> Result<Vec<f64>> {
        let mut v = Vec::new();
        v.try_reserve_exact(n)
            .map_err(|_| Error::invalid(format!("roots_legendre: n = {n} is too large.")))?;
        v.resize(n, 0.0);
        Ok(v)
    };
    let mut x = alloc()?;
    let mut w = alloc()?;
    // P_n(z) and P_n'(z) by the three-term recurrence.
    let eval = |z: f64| -> (f64, f64) {
        let (mut p0, mut p1) = (1.0, z);
        if n == 0 {
            return (1.0, 0.0);
        }
        for k in 2..=n {
            let kf = k as f64;
            let p2 = ((2.0 * kf - 1.0) * z * p1 - (kf - 1.0) * p0) / kf;
            p0 = p1;
            p1 = p2;
        }
        let dp = n as f64 * (z * p1 - p0) / (z * z - 1.0);
        (p1, dp)
    };
    for i in 0..n.div_ceil(2) {
        // The i-th largest root.
        let mut z = (std::f64::consts::PI * (i as f64 + 0.75) / (n as f64 + 0.5)).cos();
        for _ in 0..100 {
            let (p, dp) = eval(z);
            let dz = p / dp;
            z -= dz;
            if dz.abs() <= 1e-16 * z.abs().max(1e-300) {
                break;
            }
        }
        let (_, dp) = eval(z);
        let wi = 2.0 / ((1.0 - z * z) * dp * dp);
        x[n - 1 - i] = z;
        x[i] = -z;
        w[n - 1 - i] = wi;
        w[i] = wi;
    }
    if n % 2 == 1 {
        x[n / 2] = 0.0;
    }
    Ok((x, w))
}

/// Gaussian quadrature of order `n` of `f` over the finite interval
/// `(a, b)` (SciPy's `fixed_quad`, which returns `(val, None)`).
///
/// ```
/// // exact for polynomials of degree 2n - 1 = 9
/// let v = sciox::integrate::fixed_quad(|x: f64| x.powi(9) + x, 0.0, 2.0, 5).unwrap();
/// assert!((v - (102.4 + 2.0)).abs() < 1e-12);
/// ```
pub fn fixed_quad<F: FnMut(f64) -> f64>(mut f: F, a: f64, b: f64, n: usize) -> Result<f64> {
    if a.is_infinite() || b.is_infinite() {
        return Err(Error::invalid(
            "Gaussian quadrature is only available for finite limits.",
        ));
    }
    if n == 0 {
        return Err(Error::invalid("fixed_quad: the order `n` must be positive."));
    }
    let (x, w) = roots_legendre(n)?;
    let terms: Vec<f64> = x
        .iter()
        .zip(&w)
        .map(|(&xi, &wi)| wi * f((b - a) * (xi + 1.0) / 2.0 + a))
        .collect();
    Ok((b - a) / 2.0 * numpy_sum(&terms))
}

/// SciPy's pre-computed rational Newton–Cotes coefficients for
/// equally spaced points: (num_a, den_a, int_a, num_B, den_B).
#[allow(clippy::type_complexity)]
const BUILTIN: [(i64, i64, &[i64], i64, i64); 14] = [
    (1, 2, &[1, 1], -1, 12),
    (1, 3, &[1, 4, 1], -1, 90),
    (3, 8, &[1, 3, 3, 1], -3, 80),
    (2, 45, &[7, 32, 12, 32, 7], -8, 945),
    (5, 288, &[19, 75, 50, 50, 75, 19], -275, 12096),
    (1, 140, &[41, 216, 27, 272, 27, 216, 41], -9, 1400),
    (
        7,
        17280,
        &[751, 3577, 1323, 2989, 2989, 1323, 3577, 751],
        -8183,
        518400,
    ),
    (
        4,
        14175,
        &[989, 5888, -928, 10496, -4540, 10496, -928, 5888, 989],
        -2368,
        467775,
    ),
    (
        9,
        89600,
        &[2857, 15741, 1080, 19344, 5778, 5778, 19344, 1080, 15741, 2857],
        -4671,
        394240,
    ),
    (
        5,
        299376,
        &[
            16067, 106300, -48525, 272400, -260550, 427368, -260550, 272400, -48525, 106300, 16067,
        ],
        -673175,
        163459296,
    ),
    (
        11,
        87091200,
        &[
            2171465, 13486539, -3237113, 25226685, -9595542, 15493566, 15493566, -9595542, 25226685,
            -3237113, 13486539, 2171465,
        ],
        -2224234463,
        237758976000,
    ),
    (
        1,
        5255250,
        &[
            1364651, 9903168, -7587864, 35725120, -51491295, 87516288, -87797136, 87516288, -51491295,
            35725120, -7587864, 9903168, 1364651,
        ],
        -3012,
        875875,
    ),
    (
        13,
        402361344000,
        &[
            8181904909,
            56280729661,
            -31268252574,
            156074417954,
            -151659573325,
            206683437987,
            -43111992612,
            -43111992612,
            206683437987,
            -151659573325,
            156074417954,
            -31268252574,
            56280729661,
            8181904909,
        ],
        -2639651053,
        344881152000,
    ),
    (
        7,
        2501928000,
        &[
            90241897,
            710986864,
            -770720657,
            3501442784,
            -6625093363,
            12630121616,
            -16802270373,
            19534438464,
            -16802270373,
            12630121616,
            -6625093363,
            3501442784,
            -770720657,
            710986864,
            90241897,
        ],
        -3740727473,
        1275983280000,
    ),
];

/// Newton–Cotes weights and error coefficient for the sample positions
/// `rn` (SciPy's `newton_cotes(rn)`): `rn` must start at 0 and end at
/// `N = rn.len() - 1`; equally spaced positions use SciPy's exact
/// rational tables (N ≤ 14). Returns `(an, B)` with
/// `integral ≈ dx * sum(an * f(x_i)) + B * dx^(2k+3) f^(2k+2)`.
///
/// ```
/// let (an, b) = sciox::integrate::newton_cotes(&[0.0, 1.0, 2.0]).unwrap();
/// assert_eq!(an, vec![1.0 / 3.0, 4.0 / 3.0, 1.0 / 3.0]);
/// assert_eq!(b, -1.0 / 90.0);
/// ```
pub fn newton_cotes(rn: &[f64]) -> Result<(Vec<f64>, f64)> {
    if rn.len() < 2 {
        return Err(Error::invalid(
            "newton_cotes: at least two sample positions are needed.",
        ));
    }
    let n = rn.len() - 1;
    let equal = rn.windows(2).all(|w| w[1] - w[0] == 1.0);
    newton_cotes_impl(rn, n, equal)
}

/// Newton–Cotes weights for `n + 1` equally spaced points (SciPy's
/// `newton_cotes(N)` with an integer, or `equal=1`).
///
/// ```
/// let (an, b) = sciox::integrate::newton_cotes_equal(1).unwrap();
/// assert_eq!((an, b), (vec![0.5, 0.5], -1.0 / 12.0));
/// ```
pub fn newton_cotes_equal(n: usize) -> Result<(Vec<f64>, f64)> {
    if n == 0 {
        return Err(Error::invalid("newton_cotes: N must be positive."));
    }
    if n > NEWTON_COTES_MAX_N.max(14) {
        return newton_cotes_impl(&[], n, false);
    }
    let rn: Vec<f64> = (0..=n).map(|i| i as f64).collect();
    newton_cotes_impl(&rn, n, true)
}

/// The largest `N` of the general (matrix) case: its `(N+1)^2` matrices
/// and `O(N^3)` products stay small, and the weights are numerically
/// meaningless long before (the Vandermonde system's condition number
/// grows exponentially with `N`).
const NEWTON_COTES_MAX_N: usize = 1000;

fn newton_cotes_impl(rn: &[f64], n: usize, equal: bool) -> Result<(Vec<f64>, f64)> {
    if equal && (1..=14).contains(&n) {
        let (na, da, vi, nb, db) = BUILTIN[n - 1];
        let an = vi.iter().map(|&v| na as f64 * v as f64 / da as f64).collect();
        return Ok((an, nb as f64 / db as f64));
    }
    if n > NEWTON_COTES_MAX_N {
        return Err(Error::invalid(format!(
            "newton_cotes: N = {n} is too large (at most {NEWTON_COTES_MAX_N} is supported)."
        )));
    }
    if rn[0] != 0.0 || rn[n] != n as f64 {
        return Err(Error::invalid(
            "The sample positions must start at 0 and end at N",
        ));
    }
    let nf = n as f64;
    let yi: Vec<f64> = rn.iter().map(|&r| r / nf).collect();
    let ti: Vec<f64> = yi.iter().map(|&y| 2.0 * y - 1.0).collect();
    let m = n + 1;
    // C[k][i] = ti[i]^k
    let c: Vec<f64> = (0..m)
        .flat_map(|k| ti.iter().map(move |&t| t.powf(k as f64)))
        .collect();
    let matmul = |a: &[f64], b: &[f64]| -> Vec<f64> {
        let mut out = vec![0.0; m * m];
        for i in 0..m {
            for j in 0..m {
                let mut s = 0.0;
                for k in 0..m {
                    s += a[i * m + k] * b[k * m + j];
                }
                out[i * m + j] = s;
            }
        }
        out
    };
    // Cinv by LU, then two Newton–Schulz refinements as SciPy does.
    let lu = super::ivp::lu_factor_f64(m, c.clone());
    let mut cinv = vec![0.0; m * m];
    for j in 0..m {
        let mut e = vec![0.0; m];
        e[j] = 1.0;
        lu.solve(&mut e);
        for i in 0..m {
            cinv[i * m + j] = e[i];
        }
    }
    for _ in 0..2 {
        let t = matmul(&matmul(&cinv, &c), &cinv);
        for k in 0..m * m {
            cinv[k] = 2.0 * cinv[k] - t[k];
        }
    }
    let even: Vec<usize> = (0..m).step_by(2).collect();
    let ai: Vec<f64> = (0..m)
        .map(|i| {
            let mut s = 0.0;
            for &k in &even {
                s += cinv[i * m + k] * (2.0 / (k as f64 + 1.0));
            }
            s * (nf / 2.0)
        })
        .collect();
    let (mut bn, power) = if n % 2 == 0 && equal {
        (nf / (nf + 3.0), n + 2)
    } else {
        (nf / (nf + 2.0), n + 1)
    };
    let mut dot = 0.0;
    for i in 0..m {
        dot += yi[i].powf(power as f64) * ai[i];
    }
    bn -= dot;
    // ln Gamma(power + 1) = ln(power!)
    let lgam: f64 = (2..=power).map(|k| (k as f64).ln()).sum();
    let fac = (power as f64 * nf.ln() - lgam).exp();
    Ok((ai, bn * fac))
}

/// Romberg integration of `2^k + 1` equally spaced samples along `axis`
/// (SciPy's `romb`).
///
/// ```
/// use numox::Array;
/// let x: Vec<f64> = (0..17).map(|i| i as f64 / 16.0).collect();
/// let y = Array::from_vec(x.iter().map(|&t| t.exp()).collect());
/// let v = sciox::integrate::romb(&y, 1.0 / 16.0, -1).unwrap()[[]];
/// assert!((v - (1f64.exp() - 1.0)).abs() < 1e-12);
/// ```
pub fn romb<S: Data<Elem = f64>>(y: &ArrayBase<S>, dx: f64, axis: isize) -> Result<Array<f64>> {
    if y.ndim() == 0 {
        return Err(Error::invalid("`y` must have at least one dimension."));
    }
    let ax = normalize_axis(axis, y.ndim())?;
    let nsamps = y.shape()[ax];
    let ninterv = nsamps.saturating_sub(1);
    let mut nn = 1usize;
    let mut k = 0;
    while nn < ninterv {
        nn <<= 1;
        k += 1;
    }
    if nn != ninterv {
        return Err(Error::invalid(
            "Number of samples must be one plus a non-negative power of 2.",
        ));
    }
    let mut rest = y.shape().to_vec();
    rest.remove(ax);
    let out: Vec<f64> = y
        .lanes(axis)?
        .map(|lane| {
            let v = lane.to_vec();
            let mut r: Vec<Vec<f64>> = vec![vec![0.0; k + 1]; k + 1];
            let mut h = ninterv as f64 * dx;
            r[0][0] = (v[0] + v[ninterv]) / 2.0 * h;
            let (mut start, stop, mut step) = (ninterv, ninterv, ninterv);
            for i in 1..=k {
                start >>= 1;
                let pts: Vec<f64> = (start..stop).step_by(step).map(|j| v[j]).collect();
                step >>= 1;
                r[i][0] = 0.5 * (r[i - 1][0] + h * numpy_sum(&pts));
                for j in 1..=i {
                    let prev = r[i][j - 1];
                    r[i][j] = prev + (prev - r[i - 1][j - 1]) / ((1u64 << (2 * j)) - 1) as f64;
                }
                h /= 2.0;
            }
            r[k][k]
        })
        .collect();
    Ok(Array::from_shape_vec(&rest, out)?)
}
