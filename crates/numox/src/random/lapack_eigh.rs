//! The symmetric eigensolver behind `Generator.multivariate_normal(method=
//! 'eigh')`, following the steps LAPACK's `dsyevd` (as NumPy calls it:
//! `JOBZ='V'`, `UPLO='L'`) takes: Householder tridiagonalisation
//! (`dsytd2`), the tridiagonal eigenproblem by `dstedc('I')` (the implicit
//! QL/QR iteration with eigenvectors, `dsteqr`, for `n <= 25`, divide and
//! conquer above: `lapack_eigh_dc`), and the back-transformation (`dorm2r`
//! via `dormtr`).
//!
//! Eigenvectors are only defined up to sign; taking the same steps as LAPACK
//! gives LAPACK's signs, so the draws agree with NumPy's to rounding. The
//! arithmetic is the reference LAPACK's; only the order of the BLAS sums
//! (OpenBLAS kernels) may differ, which moves values by a few ulps. For
//! `n > 32` LAPACK's `dsytrd` runs blocked (`dlatrd` + `dsyr2k`) and for
//! larger `n` `dormtr` does too (`dlarft` + `dlarfb`): the same reflectors,
//! applied in another order, so again only rounding differs; the unblocked
//! order is kept here. Measured against `np.linalg.eigh` (OpenBLAS) on 244
//! random SPD and indefinite matrices of order 26..200, the factor
//! `u * sqrt(|s|)` agrees to 1.9e-13 relative, so porting the blocked order
//! would not change the draws beyond rounding.
//!
//! Matrices are column-major (`a[i + j * n]`), as in LAPACK.

// index-for-index port of LAPACK's loops: the indices are the algorithm
#![allow(clippy::needless_range_loop)]

const EPS: f64 = f64::EPSILON * 0.5; // dlamch('E'): relative machine epsilon
const SAFMIN: f64 = f64::MIN_POSITIVE; // dlamch('S')

/// `dlapy2`: `sqrt(x^2 + y^2)` without needless overflow.
pub(crate) fn dlapy2(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (xa, ya) = (x.abs(), y.abs());
    let w = xa.max(ya);
    let z = xa.min(ya);
    if z == 0.0 || w > f64::MAX {
        w
    } else {
        w * (1.0 + (z / w) * (z / w)).sqrt()
    }
}

/// Fortran's `SIGN(a, b)`: `|a|` with the sign of `b`.
pub(crate) fn sign(a: f64, b: f64) -> f64 {
    if b.is_sign_negative() { -a.abs() } else { a.abs() }
}

/// `dnrm2` (scaled sum of squares; the value to rounding).
pub(crate) fn dnrm2(x: &[f64]) -> f64 {
    let amax = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if amax == 0.0 || !amax.is_finite() {
        return amax;
    }
    let s: f64 = x.iter().map(|v| (v / amax) * (v / amax)).sum();
    amax * s.sqrt()
}

/// `dlarfg`: the reflector `H = I - tau v v^T` with `H [alpha; x] = [beta; 0]`;
/// `x` is overwritten by `v[1..]`, returns `(beta, tau)`.
pub(crate) fn dlarfg(alpha: f64, x: &mut [f64]) -> (f64, f64) {
    if x.is_empty() {
        return (alpha, 0.0);
    }
    let xnorm = dnrm2(x);
    if xnorm == 0.0 {
        return (alpha, 0.0);
    }
    let mut alpha = alpha;
    let mut beta = -sign(dlapy2(alpha, xnorm), alpha);
    let safmin = SAFMIN / EPS;
    let mut knt = 0;
    if beta.abs() < safmin {
        let rsafmn = 1.0 / safmin;
        loop {
            knt += 1;
            x.iter_mut().for_each(|v| *v *= rsafmn);
            beta *= rsafmn;
            alpha *= rsafmn;
            if beta.abs() >= safmin || knt >= 20 {
                break;
            }
        }
        let xnorm = dnrm2(x);
        beta = -sign(dlapy2(alpha, xnorm), alpha);
    }
    let tau = (beta - alpha) / beta;
    let scal = 1.0 / (alpha - beta);
    x.iter_mut().for_each(|v| *v *= scal);
    for _ in 0..knt {
        beta *= safmin;
    }
    (beta, tau)
}

/// `dlartg` (LAPACK >= 3.10): the rotation `[c s; -s c] [f; g] = [r; 0]`.
pub(crate) fn dlartg(f: f64, g: f64) -> (f64, f64, f64) {
    let safmax = 1.0 / SAFMIN;
    let rtmin = SAFMIN.sqrt();
    let rtmax = (safmax / 2.0).sqrt();
    let (f1, g1) = (f.abs(), g.abs());
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, sign(1.0, g), g1)
    } else if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
        let d = (f * f + g * g).sqrt();
        let r = sign(d, f);
        (f1 / d, g / r, r)
    } else {
        let u = safmax.min(SAFMIN.max(f1).max(g1));
        let (fs, gs) = (f / u, g / u);
        let d = (fs * fs + gs * gs).sqrt();
        let r = sign(d, f);
        (fs.abs() / d, gs / r, r * u)
    }
}

/// `dlaev2`: eigen-decomposition of `[[a, b], [b, c]]`:
/// `(rt1, rt2, cs1, sn1)`, `rt1` the larger in magnitude.
fn dlaev2(a: f64, b: f64, c: f64) -> (f64, f64, f64, f64) {
    let sm = a + c;
    let df = a - c;
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf) * (ab / adf)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab) * (adf / ab)).sqrt()
    } else {
        ab * std::f64::consts::SQRT_2
    };
    let (rt1, rt2, sgn1) = if sm < 0.0 {
        let rt1 = 0.5 * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > 0.0 {
        let rt1 = 0.5 * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (0.5 * rt, -0.5 * rt, 1)
    };
    let (cs, sgn2) = if df >= 0.0 { (df + rt, 1) } else { (df - rt, -1) };
    let (mut cs1, mut sn1);
    if cs.abs() > ab {
        let ct = -tb / cs;
        sn1 = 1.0 / (1.0 + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == 0.0 {
        cs1 = 1.0;
        sn1 = 0.0;
    } else {
        let tn = -cs / tb;
        cs1 = 1.0 / (1.0 + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        let tn = cs1;
        cs1 = -sn1;
        sn1 = tn;
    }
    (rt1, rt2, cs1, sn1)
}

/// `dlasr('R', 'V', dir, n, cnt, c, s, Z(:, col..))`: plane rotations applied
/// from the right to columns `col..col+cnt` of the `n x n` matrix `z`.
fn dlasr_right(z: &mut [f64], n: usize, col: usize, cnt: usize, c: &[f64], s: &[f64], forward: bool) {
    let mut apply = |j: usize| {
        let (ct, st) = (c[j], s[j]);
        if ct != 1.0 || st != 0.0 {
            let (a, b) = (col + j, col + j + 1);
            for i in 0..n {
                let temp = z[i + b * n];
                z[i + b * n] = ct * temp - st * z[i + a * n];
                z[i + a * n] = st * temp + ct * z[i + a * n];
            }
        }
    };
    if forward {
        (0..cnt - 1).for_each(&mut apply);
    } else {
        (0..cnt - 1).rev().for_each(&mut apply);
    }
}

/// `dlascl('G')` on a vector: multiply by `cto / cfrom` (LAPACK's careful
/// stepping only matters near overflow; the factor is applied in one step).
fn scale(v: &mut [f64], cfrom: f64, cto: f64) {
    let mul = cto / cfrom;
    v.iter_mut().for_each(|x| *x *= mul);
}

/// `dsteqr('I')`: eigenvalues (ascending, in `d`) and eigenvectors (columns
/// of the returned column-major `n x n` matrix) of the symmetric tridiagonal
/// matrix with diagonal `d` and off-diagonal `e`. `Err` if it did not
/// converge in `30 n` iterations (LAPACK's INFO > 0).
pub(crate) fn dsteqr(d: &mut [f64], e: &mut [f64], n: usize) -> Result<Vec<f64>, ()> {
    let mut z = vec![0.0; n * n];
    for i in 0..n {
        z[i + i * n] = 1.0;
    }
    if n <= 1 {
        return Ok(z);
    }
    let eps2 = EPS * EPS;
    let safmax = 1.0 / SAFMIN;
    let ssfmax = safmax.sqrt() / 3.0;
    let ssfmin = SAFMIN.sqrt() / eps2;
    let nmaxit = n * 30;
    let mut jtot = 0;
    let mut wc = vec![0.0; n];
    let mut ws = vec![0.0; n];
    // 1-based indices below, as in the reference, via these accessors.
    macro_rules! dd {
        ($i:expr) => {
            d[$i - 1]
        };
    }
    macro_rules! ee {
        ($i:expr) => {
            e[$i - 1]
        };
    }
    let mut l1 = 1usize;
    let nm1 = n - 1;
    'outer: loop {
        if l1 > n {
            break;
        }
        if l1 > 1 {
            ee!(l1 - 1) = 0.0;
        }
        let mut m = n;
        if l1 <= nm1 {
            for mm in l1..=nm1 {
                let tst = ee!(mm).abs();
                if tst == 0.0 {
                    m = mm;
                    break;
                }
                if tst <= (dd!(mm).abs().sqrt() * dd!(mm + 1).abs().sqrt()) * EPS {
                    ee!(mm) = 0.0;
                    m = mm;
                    break;
                }
            }
        }
        let mut l = l1;
        let lsv = l;
        let mut lend = m;
        let lendsv = lend;
        l1 = m + 1;
        if lend == l {
            continue;
        }
        // scale the block l..=lend
        let anorm = d[l - 1..lend]
            .iter()
            .chain(&e[l - 1..lend - 1])
            .fold(0.0f64, |acc, v| {
                if v.is_nan() || acc.is_nan() {
                    f64::NAN
                } else {
                    acc.max(v.abs())
                }
            });
        let mut iscale = 0;
        if anorm == 0.0 {
            continue;
        }
        if anorm.is_nan() {
            return Err(());
        }
        if anorm > ssfmax {
            iscale = 1;
            scale(&mut d[l - 1..lend], anorm, ssfmax);
            scale(&mut e[l - 1..lend - 1], anorm, ssfmax);
        } else if anorm < ssfmin {
            iscale = 2;
            scale(&mut d[l - 1..lend], anorm, ssfmin);
            scale(&mut e[l - 1..lend - 1], anorm, ssfmin);
        }
        if dd!(lend).abs() < dd!(l).abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend > l {
            // QL iteration
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in l..lend {
                        let tst = ee!(mm).abs().powi(2);
                        if tst <= (eps2 * dd!(mm).abs()) * dd!(mm + 1).abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                    }
                }
                if m < lend {
                    ee!(m) = 0.0;
                }
                let mut p = dd!(l);
                if m == l {
                    // eigenvalue found
                    dd!(l) = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    let (rt1, rt2, c, s) = dlaev2(dd!(l), ee!(l), dd!(l + 1));
                    wc[l - 1] = c;
                    ws[l - 1] = s;
                    dlasr_right(&mut z, n, l - 1, 2, &wc[l - 1..], &ws[l - 1..], false);
                    dd!(l) = rt1;
                    dd!(l + 1) = rt2;
                    ee!(l) = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                // form shift
                let mut g = (dd!(l + 1) - p) / (2.0 * ee!(l));
                let mut r = dlapy2(g, 1.0);
                g = dd!(m) - p + (ee!(l) / (g + sign(r, g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in (l..m).rev() {
                    let f = s * ee!(i);
                    let b = c * ee!(i);
                    (c, s, r) = dlartg(g, f);
                    if i != m - 1 {
                        ee!(i + 1) = r;
                    }
                    g = dd!(i + 1) - p;
                    r = (dd!(i) - g) * s + 2.0 * c * b;
                    p = s * r;
                    dd!(i + 1) = g + p;
                    g = c * r - b;
                    wc[i - 1] = c;
                    ws[i - 1] = -s;
                }
                let mm = m - l + 1;
                dlasr_right(&mut z, n, l - 1, mm, &wc[l - 1..], &ws[l - 1..], false);
                dd!(l) -= p;
                ee!(l) = g;
            }
        } else {
            // QR iteration
            loop {
                let mut m = lend;
                if l != lend {
                    let mut mm = l;
                    while mm > lend {
                        let tst = ee!(mm - 1).abs().powi(2);
                        if tst <= (eps2 * dd!(mm).abs()) * dd!(mm - 1).abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                        mm -= 1;
                    }
                }
                if m > lend {
                    ee!(m - 1) = 0.0;
                }
                let mut p = dd!(l);
                if m == l {
                    dd!(l) = p;
                    if l == lend {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m + 1 == l {
                    let (rt1, rt2, c, s) = dlaev2(dd!(l - 1), ee!(l - 1), dd!(l));
                    wc[m - 1] = c;
                    ws[m - 1] = s;
                    dlasr_right(&mut z, n, l - 2, 2, &wc[m - 1..], &ws[m - 1..], true);
                    dd!(l - 1) = rt1;
                    dd!(l) = rt2;
                    ee!(l - 1) = 0.0;
                    if l < lend + 2 {
                        break;
                    }
                    l -= 2;
                    continue;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (dd!(l - 1) - p) / (2.0 * ee!(l - 1));
                let mut r = dlapy2(g, 1.0);
                g = dd!(m) - p + (ee!(l - 1) / (g + sign(r, g)));
                let (mut s, mut c) = (1.0, 1.0);
                p = 0.0;
                for i in m..l {
                    let f = s * ee!(i);
                    let b = c * ee!(i);
                    (c, s, r) = dlartg(g, f);
                    if i != m {
                        ee!(i - 1) = r;
                    }
                    g = dd!(i) - p;
                    r = (dd!(i + 1) - g) * s + 2.0 * c * b;
                    p = s * r;
                    dd!(i) = g + p;
                    g = c * r - b;
                    wc[i - 1] = c;
                    ws[i - 1] = s;
                }
                let mm = l - m + 1;
                dlasr_right(&mut z, n, m - 1, mm, &wc[m - 1..], &ws[m - 1..], true);
                dd!(l) -= p;
                ee!(l - 1) = g;
            }
        }
        // undo scaling
        if iscale == 1 {
            scale(&mut d[lsv - 1..lendsv], ssfmax, anorm);
            scale(&mut e[lsv - 1..lendsv - 1], ssfmax, anorm);
        } else if iscale == 2 {
            scale(&mut d[lsv - 1..lendsv], ssfmin, anorm);
            scale(&mut e[lsv - 1..lendsv - 1], ssfmin, anorm);
        }
        if jtot >= nmaxit {
            if e.iter().any(|&v| v != 0.0) {
                return Err(());
            }
            break 'outer;
        }
    }
    // selection sort, swapping eigenvector columns
    for ii in 2..=n {
        let i = ii - 1;
        let mut k = i;
        let mut p = dd!(i);
        for j in ii..=n {
            if dd!(j) < p {
                k = j;
                p = dd!(j);
            }
        }
        if k != i {
            dd!(k) = dd!(i);
            dd!(i) = p;
            for r in 0..n {
                z.swap(r + (i - 1) * n, r + (k - 1) * n);
            }
        }
    }
    Ok(z)
}

/// `dsyevd('V', 'L')`: eigenvalues ascending and the
/// eigenvectors as the columns of a column-major matrix. Reads the lower
/// triangle of the column-major `a` (for a C-order matrix: its upper
/// triangle read row-wise, i.e. NumPy's lower triangle). `None` if the
/// iteration failed (NumPy raises LinAlgError "Eigenvalues did not converge").
pub(crate) fn dsyevd_lower(a: &[f64], n: usize) -> Option<(Vec<f64>, Vec<f64>)> {
    let mut a = a.to_vec();
    if n == 0 {
        return Some((Vec::new(), Vec::new()));
    }
    if n == 1 {
        return Some((vec![a[0]], vec![1.0]));
    }
    let idx = |i: usize, j: usize| i + j * n;
    // scale to the allowable range (dlansy 'M' on the lower triangle)
    let smlnum = SAFMIN / f64::EPSILON; // dlamch('P') here
    let bignum = 1.0 / smlnum;
    let (rmin, rmax) = (smlnum.sqrt(), bignum.sqrt());
    let mut anrm = 0.0f64;
    for j in 0..n {
        for i in j..n {
            let v = a[idx(i, j)].abs();
            if v > anrm || v.is_nan() {
                anrm = v;
            }
        }
    }
    if anrm.is_nan() {
        // LAPACK's iteration only propagates the NaN; NumPy returns NaNs
        return Some((vec![f64::NAN; n], vec![f64::NAN; n * n]));
    }
    let mut sigma = 1.0;
    if anrm > 0.0 && anrm < rmin {
        sigma = rmin / anrm;
    } else if anrm > rmax {
        sigma = rmax / anrm;
    }
    if sigma != 1.0 {
        for j in 0..n {
            for i in j..n {
                a[idx(i, j)] *= sigma;
            }
        }
    }
    // dsytd2, lower
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n - 1];
    let mut tau = vec![0.0; n - 1];
    for i in 0..n - 1 {
        // reflector annihilating a[i+2.., i]
        let alpha = a[idx(i + 1, i)];
        let (beta, taui) = {
            let col = &mut a[idx(i + 2, i).min(idx(n - 1, i) + 1)..idx(n - 1, i) + 1];
            dlarfg(alpha, col)
        };
        a[idx(i + 1, i)] = beta;
        e[i] = beta;
        if taui != 0.0 {
            a[idx(i + 1, i)] = 1.0;
            let m = n - i - 1;
            let v: Vec<f64> = (0..m).map(|k| a[idx(i + 1 + k, i)]).collect();
            // x = taui * A22 * v (symmetric, lower triangle stored)
            let mut x = vec![0.0; m];
            for c in 0..m {
                let mut t = 0.0;
                for r in 0..m {
                    let (rr, cc) = if r >= c { (r, c) } else { (c, r) };
                    t += a[idx(i + 1 + rr, i + 1 + cc)] * v[r];
                }
                x[c] = taui * t;
            }
            // w = x - 1/2 tau (x . v) v
            let dot: f64 = x.iter().zip(&v).map(|(p, q)| p * q).sum();
            let alpha2 = -0.5 * taui * dot;
            for k in 0..m {
                x[k] += alpha2 * v[k];
            }
            // A22 -= v w^T + w v^T (lower)
            for j in 0..m {
                if v[j] != 0.0 || x[j] != 0.0 {
                    let t1 = -x[j];
                    let t2 = -v[j];
                    for r in j..m {
                        a[idx(i + 1 + r, i + 1 + j)] += v[r] * t1 + x[r] * t2;
                    }
                }
            }
            a[idx(i + 1, i)] = e[i];
        }
        d[i] = a[idx(i, i)];
        tau[i] = taui;
    }
    d[n - 1] = a[idx(n - 1, n - 1)];
    let mut z = super::lapack_eigh_dc::dstedc(&mut d, &mut e, n).ok()?;
    // dormtr('L', 'L', 'N'): Z(1.., :) = H(0) ... H(n-2) Z(1.., :), the
    // reflector H(i) acting on rows i+1.. with v = [1, a[i+2.., i]].
    for i in (0..n - 1).rev() {
        let t = tau[i];
        if t == 0.0 {
            continue;
        }
        let rows = n - i - 1;
        let mut v = vec![1.0; rows];
        for k in 1..rows {
            v[k] = a[idx(i + 1 + k, i)];
        }
        for c in 0..n {
            let mut w = 0.0;
            for k in 0..rows {
                w += z[idx(i + 1 + k, c)] * v[k];
            }
            if w != 0.0 {
                let tw = -t * w;
                for k in 0..rows {
                    z[idx(i + 1 + k, c)] += v[k] * tw;
                }
            }
        }
    }
    if sigma != 1.0 {
        d.iter_mut().for_each(|x| *x /= sigma);
    }
    Some((d, z))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eigen_decomposition_reconstructs() {
        let c = [4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 2.0]; // symmetric
        let (w, z) = dsyevd_lower(&c, 3).unwrap();
        assert!(w[0] <= w[1] && w[1] <= w[2]);
        for i in 0..3 {
            for j in 0..3 {
                let r: f64 = (0..3).map(|k| z[i + k * 3] * w[k] * z[j + k * 3]).sum();
                // 1e-13: a few ulps of rounding on entries of size 4
                assert!((r - c[i + j * 3]).abs() < 1e-13);
            }
        }
    }

    #[test]
    fn rotations_and_small_cases() {
        let (c, s, r) = dlartg(3.0, 4.0);
        assert_eq!((c, s, r), (0.6, 0.8, 5.0));
        assert_eq!(dlartg(-2.0, 0.0), (1.0, 0.0, -2.0));
        assert_eq!(dsyevd_lower(&[2.5], 1), Some((vec![2.5], vec![1.0])));
        assert_eq!(dsyevd_lower(&[], 0), Some((vec![], vec![])));
        assert!(dsyevd_lower(&[f64::NAN, 0.0, 0.0, 1.0], 2).unwrap().0[0].is_nan());
    }
}
