//! Divide and conquer for the symmetric tridiagonal eigenproblem: the steps
//! LAPACK's `dstedc` (`COMPZ='I'`, as `dsyevd` calls it) takes for orders
//! above `SMLSIZ = 25`.
//!
//! `dstedc` scales, splits the tridiagonal at negligible off-diagonals and
//! hands each piece larger than 25 to `dlaed0` (with `ICOMPQ = 2`, the path
//! `COMPZ='I'` takes): it cuts the piece into a balanced tree of leaves of at
//! most 25 rows by rank-one tears, solves the leaves by implicit QL/QR
//! (`dsteqr`) and merges them bottom-up with `dlaed1`: deflation of small
//! `z` components and of close eigenvalues (`dlaed2`), the secular equation
//! (`dlaed3` → `dlaed4`; `dlaed5` for two poles, `dlaed6` for three) and the
//! merge permutation (`dlamrg`). Taking LAPACK's steps gives LAPACK's
//! eigenvector signs; only the order of the BLAS sums (`dgemm`, `dnrm2`) may
//! differ, which moves values by a few ulps.
//!
//! The port keeps the reference's 1-based indices in the index arrays, so
//! each step can be checked against the Fortran. Matrices are column-major.

// index-for-index port of LAPACK's loops: the indices are the algorithm
#![allow(clippy::needless_range_loop)]
#![allow(clippy::too_many_arguments)]

use super::lapack_eigh::{dlapy2, dnrm2, dsteqr, sign};
use super::lapack_svd_dc::{dlaed6, dlamrg, gemm};

/// `ilaenv(9, 'DSTEDC')` / `ilaenv(9, 'DLAED0')`: the largest subproblem
/// solved by QL/QR instead of dividing.
const SMLSIZ: usize = 25;

const EPS: f64 = f64::EPSILON * 0.5; // dlamch('E')

/// `dstedc('I')`: eigenvalues (ascending, in `d`) and eigenvectors (columns
/// of the returned column-major `n x n` matrix) of the symmetric tridiagonal
/// `(d, e)`; `e` is destroyed. `dsteqr` for `n <= 25`, divide and conquer
/// above. `Err` if QL/QR or the secular equation did not converge.
pub(crate) fn dstedc(d: &mut [f64], e: &mut [f64], n: usize) -> Result<Vec<f64>, ()> {
    if n <= SMLSIZ {
        return dsteqr(d, e, n);
    }
    let mut z = vec![0.0; n * n];
    for i in 0..n {
        z[i + i * n] = 1.0;
    }
    // dlanst('M'): nothing to do for the zero matrix (not even the sort)
    let orgnrm = max_abs(&d[..n], &e[..n - 1]);
    if orgnrm == 0.0 {
        return Ok(z);
    }
    let mut start = 0;
    while start < n {
        // the next independent block ends at the first negligible e
        let mut finish = start;
        while finish < n - 1 {
            let tiny = EPS * d[finish].abs().sqrt() * d[finish + 1].abs().sqrt();
            if e[finish].abs() > tiny {
                finish += 1;
            } else {
                break;
            }
        }
        let m = finish - start + 1;
        if m == 1 {
            start = finish + 1;
            continue;
        }
        if m > SMLSIZ {
            // scale the block to norm 1 (dlascl multiplies by cto / cfrom)
            let nrm = max_abs(&d[start..=finish], &e[start..finish]);
            let mul = 1.0 / nrm;
            d[start..=finish].iter_mut().for_each(|v| *v *= mul);
            e[start..finish].iter_mut().for_each(|v| *v *= mul);
            let q = dlaed0(m, &mut d[start..=finish], &mut e[start..finish])?;
            put_block(&mut z, n, start, &q, m);
            d[start..=finish].iter_mut().for_each(|v| *v *= nrm);
        } else {
            let q = dsteqr(&mut d[start..=finish], &mut e[start..finish], m)?;
            put_block(&mut z, n, start, &q, m);
        }
        start = finish + 1;
    }
    // selection sort, swapping eigenvector columns (as few swaps as possible)
    for i in 0..n - 1 {
        let mut k = i;
        let mut p = d[i];
        for j in i + 1..n {
            if d[j] < p {
                k = j;
                p = d[j];
            }
        }
        if k != i {
            d[k] = d[i];
            d[i] = p;
            for r in 0..n {
                z.swap(r + i * n, r + k * n);
            }
        }
    }
    Ok(z)
}

/// `dlanst('M')` of a tridiagonal: the largest magnitude (NaN wins).
fn max_abs(d: &[f64], e: &[f64]) -> f64 {
    d.iter().chain(e).fold(0.0f64, |m, v| {
        if m.is_nan() || v.is_nan() {
            f64::NAN
        } else {
            m.max(v.abs())
        }
    })
}

/// Copies the `m x m` matrix `q` into `z` (`n x n`) at rows/columns `at..`.
fn put_block(z: &mut [f64], n: usize, at: usize, q: &[f64], m: usize) {
    for c in 0..m {
        z[at + (at + c) * n..at + m + (at + c) * n].copy_from_slice(&q[c * m..(c + 1) * m]);
    }
}

/// `dlaed0(ICOMPQ = 2)`: eigenvalues (ascending) and eigenvectors of the
/// `n x n` tridiagonal `(d, e)` (`n > 25`, scaled to norm 1); returns the
/// eigenvectors column-major.
fn dlaed0(n: usize, d: &mut [f64], e: &mut [f64]) -> Result<Vec<f64>, ()> {
    // Leaf sizes: halve every subproblem (floor, then ceil) until the last
    // (largest) one fits; `ends` holds the 1-based last row of each.
    let mut sizes = vec![n];
    while *sizes.last().unwrap_or(&0) > SMLSIZ {
        sizes = sizes.iter().flat_map(|&s| [s / 2, s.div_ceil(2)]).collect();
    }
    let mut ends: Vec<usize> = sizes
        .iter()
        .scan(0, |acc, &s| {
            *acc += s;
            Some(*acc)
        })
        .collect();
    let mut subpbs = ends.len();
    // Tear the tridiagonal into the leaves: subtracting |e| from the two
    // diagonal entries beside each cut leaves the rank-one part |e| u u^T,
    // u = (.., 1, sign(e), ..), to the merges.
    for i in 0..subpbs - 1 {
        let c = ends[i]; // 1-based last row of leaf i
        let ae = e[c - 1].abs();
        d[c - 1] -= ae;
        d[c] -= ae;
    }
    // Solve the leaves; indxq (1-based, within each subproblem) sorts the
    // eigenvalues: the identity, as dsteqr's come out ascending.
    let mut q = vec![0.0; n * n];
    let mut indxq = vec![0usize; n];
    for i in 0..subpbs {
        let submat = if i == 0 { 0 } else { ends[i - 1] };
        let matsiz = ends[i] - submat;
        let ql = dsteqr(
            &mut d[submat..submat + matsiz],
            &mut e[submat..submat + matsiz - 1],
            matsiz,
        )?;
        for c in 0..matsiz {
            let col = submat + c;
            q[submat + col * n..submat + matsiz + col * n].copy_from_slice(&ql[c * matsiz..(c + 1) * matsiz]);
        }
        for k in 0..matsiz {
            indxq[submat + k] = k + 1;
        }
    }
    // Merge neighbouring pairs, level by level.
    while subpbs > 1 {
        let mut i = 0;
        while i + 2 <= subpbs {
            let (submat, matsiz, msd2) = if i == 0 {
                (0, ends[1], ends[0])
            } else {
                let m = ends[i + 1] - ends[i - 1];
                (ends[i - 1], m, m / 2)
            };
            // the merge works on its own copy of the diagonal block
            let mut qb = vec![0.0; matsiz * matsiz];
            for c in 0..matsiz {
                let src = submat + (submat + c) * n;
                qb[c * matsiz..(c + 1) * matsiz].copy_from_slice(&q[src..src + matsiz]);
            }
            let rho = e[submat + msd2 - 1];
            dlaed1(
                matsiz,
                &mut d[submat..submat + matsiz],
                &mut qb,
                &mut indxq[submat..submat + matsiz],
                rho,
                msd2,
            )?;
            for c in 0..matsiz {
                let dst = submat + (submat + c) * n;
                q[dst..dst + matsiz].copy_from_slice(&qb[c * matsiz..(c + 1) * matsiz]);
            }
            ends[i / 2] = ends[i + 1];
            i += 2;
        }
        subpbs /= 2;
    }
    // Apply the final sorting permutation (deflated values were left out of
    // order by the last merge).
    let dw: Vec<f64> = indxq.iter().map(|&j| d[j - 1]).collect();
    let mut qw = vec![0.0; n * n];
    for (i, &j) in indxq.iter().enumerate() {
        qw[i * n..(i + 1) * n].copy_from_slice(&q[(j - 1) * n..j * n]);
    }
    d.copy_from_slice(&dw);
    Ok(qw)
}

/// `dlaed1`: merges the eigensystems of the two halves (rows `..cutpnt` and
/// `cutpnt..`) of an `n x n` problem torn by `rho`: `q` holds both halves'
/// eigenvectors (block diagonal), `d` their eigenvalues, `indxq` (1-based)
/// sorts each half. On return `d`, `q` hold the merged system and `indxq`
/// sorts `d`.
fn dlaed1(
    n: usize,
    d: &mut [f64],
    q: &mut [f64],
    indxq: &mut [usize],
    rho: f64,
    cutpnt: usize,
) -> Result<(), ()> {
    // z: the last row of Q1 and the first row of Q2
    let mut z = vec![0.0; n];
    for j in 0..cutpnt {
        z[j] = q[(cutpnt - 1) + j * n];
    }
    for j in cutpnt..n {
        z[j] = q[cutpnt + j * n];
    }
    let mut rho = rho;
    let defl = dlaed2(n, cutpnt, d, q, indxq, &mut rho, &mut z);
    if defl.k != 0 {
        dlaed3(defl.k, n, cutpnt, d, q, rho, &defl)?;
        dlamrg(defl.k, n - defl.k, d, 1, -1, indxq);
    } else {
        for (i, v) in indxq.iter_mut().enumerate() {
            *v = i + 1;
        }
    }
    Ok(())
}

/// What `dlaed2` hands to `dlaed3`.
struct Deflated {
    /// the order of the secular equation (undeflated values)
    k: usize,
    /// its poles, ascending
    dlamda: Vec<f64>,
    /// its z vector
    w: Vec<f64>,
    /// the undeflated eigenvectors, grouped by type: an `n1 x (c1 + c2)`
    /// block (top rows), then `n2 x (c2 + c3)` (bottom rows), then the
    /// deflated columns in full
    q2: Vec<f64>,
    /// 1-based: the position in `dlamda` order of each grouped column
    indxc: Vec<usize>,
    /// column counts by type: 1 nonzero in the top half only, 2 in both,
    /// 3 in the bottom only, 4 deflated
    ctot: [usize; 4],
}

/// `dlaed2`: deflation. Sorts the two halves' eigenvalues together, drops
/// the ones whose `z` component is negligible, and rotates pairs of close
/// eigenvalues so that one of each pair has a zero `z` component. The
/// deflated eigenvalues/vectors end in `d[k..]`, `q[:, k..]`.
fn dlaed2(
    n: usize,
    n1: usize,
    d: &mut [f64],
    q: &mut [f64],
    indxq: &mut [usize],
    rho: &mut f64,
    z: &mut [f64],
) -> Deflated {
    let n2 = n - n1;
    if *rho < 0.0 {
        z[n1..].iter_mut().for_each(|v| *v = -*v);
    }
    // z is two unit vectors stacked: scale to unit norm
    let t = 1.0 / 2f64.sqrt();
    z.iter_mut().for_each(|v| *v *= t);
    *rho = (2.0 * *rho).abs();
    for v in &mut indxq[n1..] {
        *v += n1;
    }
    let mut dlamda: Vec<f64> = indxq.iter().map(|&i| d[i - 1]).collect();
    let mut indxc = vec![0usize; n];
    dlamrg(n1, n2, &dlamda, 1, 1, &mut indxc);
    // 1-based: the column of the j-th smallest eigenvalue
    let mut indx: Vec<usize> = indxc.iter().map(|&i| indxq[i - 1]).collect();
    let idamax = |v: &[f64]| {
        let mut im = 0;
        for i in 1..v.len() {
            if v[i].abs() > v[im].abs() {
                im = i;
            }
        }
        im
    };
    let imax = idamax(z);
    let jmax = idamax(d);
    let tol = 8.0 * EPS * d[jmax].abs().max(z[imax].abs());
    let mut w = vec![0.0; n];
    if *rho * z[imax].abs() <= tol {
        // the tear is negligible: just sort
        let mut q2 = vec![0.0; n * n];
        for j in 0..n {
            let i = indx[j] - 1;
            q2[j * n..(j + 1) * n].copy_from_slice(&q[i * n..(i + 1) * n]);
            dlamda[j] = d[i];
        }
        q.copy_from_slice(&q2);
        d.copy_from_slice(&dlamda);
        return Deflated {
            k: 0,
            dlamda,
            w,
            q2: Vec::new(),
            indxc,
            ctot: [0; 4],
        };
    }
    // column types by the half they come from (1-based types, 0-based cols)
    let mut coltyp: Vec<usize> = (0..n).map(|i| if i < n1 { 1 } else { 3 }).collect();
    // indxp (1-based positions and values): undeflated from the front,
    // deflated from the back
    let mut indxp = vec![0usize; n + 1];
    let mut k = 0usize;
    let mut k2 = n + 1;
    let small = |zv: f64, rho: f64| rho * zv.abs() <= tol;
    // the first undeflated column
    let mut j = 1;
    let mut pj;
    loop {
        let nj = indx[j - 1];
        if small(z[nj - 1], *rho) {
            k2 -= 1;
            coltyp[nj - 1] = 4;
            indxp[k2] = nj;
            j += 1;
            // z[imax] is not small, so this ends before j passes n
        } else {
            pj = nj;
            break;
        }
    }
    loop {
        j += 1;
        if j > n {
            break;
        }
        let nj = indx[j - 1];
        if small(z[nj - 1], *rho) {
            k2 -= 1;
            coltyp[nj - 1] = 4;
            indxp[k2] = nj;
            continue;
        }
        // are d(pj), d(nj) close enough to rotate z(pj) away?
        let mut s = z[pj - 1];
        let mut c = z[nj - 1];
        let tau = dlapy2(c, s);
        let t = d[nj - 1] - d[pj - 1];
        c /= tau;
        s = -s / tau;
        if (t * c * s).abs() <= tol {
            z[nj - 1] = tau;
            z[pj - 1] = 0.0;
            if coltyp[nj - 1] != coltyp[pj - 1] {
                coltyp[nj - 1] = 2;
            }
            coltyp[pj - 1] = 4;
            // drot(q(:, pj), q(:, nj), c, s)
            for r in 0..n {
                let x = q[r + (pj - 1) * n];
                let y = q[r + (nj - 1) * n];
                q[r + (pj - 1) * n] = c * x + s * y;
                q[r + (nj - 1) * n] = c * y - s * x;
            }
            let t = d[pj - 1] * (c * c) + d[nj - 1] * (s * s);
            d[nj - 1] = d[pj - 1] * (s * s) + d[nj - 1] * (c * c);
            d[pj - 1] = t;
            // insert pj into the deflated list, kept in descending order
            k2 -= 1;
            let mut i = 1;
            loop {
                if k2 + i <= n && d[pj - 1] < d[indxp[k2 + i] - 1] {
                    indxp[k2 + i - 1] = indxp[k2 + i];
                    indxp[k2 + i] = pj;
                    i += 1;
                } else {
                    indxp[k2 + i - 1] = pj;
                    break;
                }
            }
            pj = nj;
        } else {
            k += 1;
            dlamda[k - 1] = d[pj - 1];
            w[k - 1] = z[pj - 1];
            indxp[k] = pj;
            pj = nj;
        }
    }
    // the last undeflated value
    k += 1;
    dlamda[k - 1] = d[pj - 1];
    w[k - 1] = z[pj - 1];
    indxp[k] = pj;
    // group the columns by type: 1, 2, 3, then the deflated 4
    let mut ctot = [0usize; 4];
    for &ct in &coltyp {
        ctot[ct - 1] += 1;
    }
    let mut psm = [
        1,
        1 + ctot[0],
        1 + ctot[0] + ctot[1],
        1 + ctot[0] + ctot[1] + ctot[2],
    ];
    let k = n - ctot[3];
    for j in 1..=n {
        let js = indxp[j];
        let ct = coltyp[js - 1];
        indx[psm[ct - 1] - 1] = js;
        indxc[psm[ct - 1] - 1] = j;
        psm[ct - 1] += 1;
    }
    // copy the columns into q2 in that order (only their nonzero halves);
    // z now holds the eigenvalues in the same order
    let len = n1 * (ctot[0] + ctot[1]) + n2 * (ctot[1] + ctot[2]) + n * ctot[3];
    let mut q2 = vec![0.0; len];
    let mut i = 0;
    let mut iq1 = 0;
    let mut iq2 = (ctot[0] + ctot[1]) * n1;
    for _ in 0..ctot[0] {
        let js = indx[i] - 1;
        q2[iq1..iq1 + n1].copy_from_slice(&q[js * n..js * n + n1]);
        z[i] = d[js];
        i += 1;
        iq1 += n1;
    }
    for _ in 0..ctot[1] {
        let js = indx[i] - 1;
        q2[iq1..iq1 + n1].copy_from_slice(&q[js * n..js * n + n1]);
        q2[iq2..iq2 + n2].copy_from_slice(&q[js * n + n1..(js + 1) * n]);
        z[i] = d[js];
        i += 1;
        iq1 += n1;
        iq2 += n2;
    }
    for _ in 0..ctot[2] {
        let js = indx[i] - 1;
        q2[iq2..iq2 + n2].copy_from_slice(&q[js * n + n1..(js + 1) * n]);
        z[i] = d[js];
        i += 1;
        iq2 += n2;
    }
    let iq1 = iq2;
    for _ in 0..ctot[3] {
        let js = indx[i] - 1;
        q2[iq2..iq2 + n].copy_from_slice(&q[js * n..(js + 1) * n]);
        iq2 += n;
        z[i] = d[js];
        i += 1;
    }
    // the deflated values/vectors go back into the last n - k slots
    if k < n {
        q[k * n..].copy_from_slice(&q2[iq1..iq1 + n * ctot[3]]);
        d[k..].copy_from_slice(&z[k..]);
    }
    dlamda.truncate(k);
    w.truncate(k);
    Deflated {
        k,
        dlamda,
        w,
        q2,
        indxc,
        ctot,
    }
}

/// `dlaed3`: the roots of the secular equation (the merged eigenvalues, into
/// `d[..k]`), the eigenvectors of the rank-one-modified diagonal (from a
/// recomputed `z`, which keeps them orthogonal), and their products with
/// the halves' eigenvectors into `q[:, ..k]`.
fn dlaed3(
    k: usize,
    n: usize,
    n1: usize,
    d: &mut [f64],
    q: &mut [f64],
    rho: f64,
    f: &Deflated,
) -> Result<(), ()> {
    let dlamda = &f.dlamda;
    let indx = &f.indxc;
    // (dlamc3(x, x) - x is x on binary machines with a guard digit)
    let mut w = f.w.clone();
    for j in 0..k {
        d[j] = dlaed4(k, j + 1, dlamda, &w, &mut q[j * n..j * n + k], rho)?;
    }
    if k == 2 {
        // dlaed5 returned the eigenvectors themselves: only reorder rows
        for j in 0..2 {
            let w2 = [q[j * n], q[1 + j * n]];
            q[j * n] = w2[indx[0] - 1];
            q[1 + j * n] = w2[indx[1] - 1];
        }
    } else if k > 2 {
        let s = w.clone();
        for i in 0..k {
            w[i] = q[i + i * n];
        }
        for j in 0..k {
            for i in 0..j {
                w[i] *= q[i + j * n] / (dlamda[i] - dlamda[j]);
            }
            for i in j + 1..k {
                w[i] *= q[i + j * n] / (dlamda[i] - dlamda[j]);
            }
        }
        for i in 0..k {
            w[i] = sign((-w[i]).sqrt(), s[i]);
        }
        let mut s = vec![0.0; k];
        for j in 0..k {
            for i in 0..k {
                s[i] = w[i] / q[i + j * n];
            }
            let temp = dnrm2(&s);
            for i in 0..k {
                q[i + j * n] = s[indx[i] - 1] / temp;
            }
        }
    }
    // back to the original basis
    let n2 = n - n1;
    let [c1, c2, c3, _] = f.ctot;
    let (n12, n23) = (c1 + c2, c2 + c3);
    let mut s = vec![0.0; n23 * k];
    for j in 0..k {
        s[j * n23..(j + 1) * n23].copy_from_slice(&q[c1 + j * n..c1 + n23 + j * n]);
    }
    let iq2 = n1 * n12;
    if n23 != 0 {
        gemm(n2, k, n23, (&f.q2, n2, iq2), (&s, n23, 0), (q, n, n1), false);
    } else {
        for j in 0..k {
            q[n1 + j * n..(j + 1) * n].fill(0.0);
        }
    }
    let mut s = vec![0.0; n12 * k];
    for j in 0..k {
        s[j * n12..(j + 1) * n12].copy_from_slice(&q[j * n..j * n + n12]);
    }
    if n12 != 0 {
        gemm(n1, k, n12, (&f.q2, n1, 0), (&s, n12, 0), (q, n, 0), false);
    } else {
        for j in 0..k {
            q[j * n..j * n + n1].fill(0.0);
        }
    }
    Ok(())
}

/// `dlaed5`: the `i`-th (1 or 2) eigenvalue of `diag(d) + rho z z^T` for two
/// poles; `delta` receives the normalised eigenvector.
fn dlaed5(i: usize, d: &[f64], z: &[f64], delta: &mut [f64], rho: f64) -> f64 {
    let del = d[1] - d[0];
    let dlam;
    if i == 1 {
        let w = 1.0 + 2.0 * rho * (z[1] * z[1] - z[0] * z[0]) / del;
        if w > 0.0 {
            let b = del + rho * (z[0] * z[0] + z[1] * z[1]);
            let c = rho * z[0] * z[0] * del;
            // b > 0 always
            let tau = 2.0 * c / (b + (b * b - 4.0 * c).abs().sqrt());
            dlam = d[0] + tau;
            delta[0] = -z[0] / tau;
            delta[1] = z[1] / (del - tau);
        } else {
            let b = -del + rho * (z[0] * z[0] + z[1] * z[1]);
            let c = rho * z[1] * z[1] * del;
            let tau = if b > 0.0 {
                -2.0 * c / (b + (b * b + 4.0 * c).sqrt())
            } else {
                (b - (b * b + 4.0 * c).sqrt()) / 2.0
            };
            dlam = d[1] + tau;
            delta[0] = -z[0] / (del + tau);
            delta[1] = -z[1] / tau;
        }
    } else {
        let b = -del + rho * (z[0] * z[0] + z[1] * z[1]);
        let c = rho * z[1] * z[1] * del;
        let tau = if b > 0.0 {
            (b + (b * b + 4.0 * c).sqrt()) / 2.0
        } else {
            2.0 * c / (-b + (b * b + 4.0 * c).sqrt())
        };
        dlam = d[1] + tau;
        delta[0] = -z[0] / (del + tau);
        delta[1] = -z[1] / tau;
    }
    let temp = (delta[0] * delta[0] + delta[1] * delta[1]).sqrt();
    delta[0] /= temp;
    delta[1] /= temp;
    dlam
}

/// `psi` (poles `..=last_psi`) and `phi` (poles `first_phi..`, summed from
/// the top) of the secular function at the current `delta`, with their
/// derivatives and the running error bound term (1-based pole indices).
fn psi_phi(z: &[f64], delta: &[f64], last_psi: usize, first_phi: usize) -> (f64, f64, f64, f64, f64) {
    let (mut psi, mut dpsi, mut erretm) = (0.0, 0.0, 0.0);
    for j in 0..last_psi {
        let temp = z[j] / delta[j];
        psi += z[j] * temp;
        dpsi += temp * temp;
        erretm += psi;
    }
    erretm = f64::abs(erretm);
    let (mut phi, mut dphi) = (0.0, 0.0);
    for j in (first_phi - 1..z.len()).rev() {
        let temp = z[j] / delta[j];
        phi += z[j] * temp;
        dphi += temp * temp;
        erretm += phi;
    }
    (psi, dpsi, phi, dphi, erretm)
}

/// `dlaed4`: the `i`-th (1-based) eigenvalue of `diag(d) + rho z z^T`
/// (`d` increasing, `|z| = 1`, `rho > 0`) by the Li / Gragg-Thornton-Warner
/// rational interpolation; fills `delta = d - lambda` (for `n = 2`, the
/// eigenvector; `n = 1`, `[1]`). `Err` if it did not converge in 30 steps.
fn dlaed4(n: usize, i: usize, d: &[f64], z: &[f64], delta: &mut [f64], rho: f64) -> Result<f64, ()> {
    const MAXIT: usize = 30;
    if n == 1 {
        delta[0] = 1.0;
        return Ok(d[0] + rho * z[0] * z[0]);
    }
    if n == 2 {
        return Ok(dlaed5(i, d, z, delta, rho));
    }
    let eps = EPS;
    let rhoinv = 1.0 / rho;
    // 1-based accessors, as in the reference
    macro_rules! dd {
        ($j:expr) => {
            d[$j - 1]
        };
    }
    macro_rules! zz {
        ($j:expr) => {
            z[$j - 1]
        };
    }
    macro_rules! de {
        ($j:expr) => {
            delta[$j - 1]
        };
    }
    if i == n {
        // the largest eigenvalue, in (d(n), d(n) + rho]
        let ii = n - 1;
        let midpt = rho / 2.0;
        for j in 1..=n {
            de!(j) = (dd!(j) - dd!(i)) - midpt;
        }
        let mut psi = 0.0;
        for j in 1..=n - 2 {
            psi += zz!(j) * zz!(j) / de!(j);
        }
        let c = rhoinv + psi;
        let w = c + zz!(ii) * zz!(ii) / de!(ii) + zz!(n) * zz!(n) / de!(n);
        let initial = |c: f64| {
            let del = dd!(n) - dd!(n - 1);
            let a = -c * del + zz!(n - 1) * zz!(n - 1) + zz!(n) * zz!(n);
            let b = zz!(n) * zz!(n) * del;
            if a < 0.0 {
                2.0 * b / ((a * a + 4.0 * b * c).sqrt() - a)
            } else {
                (a + (a * a + 4.0 * b * c).sqrt()) / (2.0 * c)
            }
        };
        let (mut tau, mut dltlb, mut dltub);
        if w <= 0.0 {
            let temp = zz!(n - 1) * zz!(n - 1) / (dd!(n) - dd!(n - 1) + rho) + zz!(n) * zz!(n) / rho;
            tau = if c <= temp { rho } else { initial(c) };
            // d(n) + rho/2 <= lambda(n) < d(n) + tau <= d(n) + rho
            dltlb = midpt;
            dltub = rho;
        } else {
            tau = initial(c);
            // d(n) < d(n) + tau < lambda(n) < d(n) + rho/2
            dltlb = 0.0;
            dltub = midpt;
        }
        for j in 1..=n {
            de!(j) = (dd!(j) - dd!(i)) - tau;
        }
        let eval = |delta: &[f64], tau: f64| {
            let (psi, dpsi, _, _, erretm) = psi_phi(z, delta, ii, n + 1);
            let temp = z[n - 1] / delta[n - 1];
            let phi = z[n - 1] * temp;
            let dphi = temp * temp;
            let erretm = 8.0 * (-phi - psi) + erretm - phi + rhoinv + tau.abs() * (dpsi + dphi);
            (rhoinv + phi + psi, dpsi, dphi, erretm)
        };
        let (mut w, mut dpsi, mut dphi, mut erretm) = eval(delta, tau);
        // 29 tests, each followed by a step; the last step goes untested
        for niter in 1..MAXIT {
            if w.abs() <= eps * erretm {
                return Ok(dd!(i) + tau);
            }
            if w <= 0.0 {
                dltlb = dltlb.max(tau);
            } else {
                dltub = dltub.min(tau);
            }
            // the new step
            let mut c = w - de!(n - 1) * dpsi - de!(n) * dphi;
            let a = (de!(n - 1) + de!(n)) * w - de!(n - 1) * de!(n) * (dpsi + dphi);
            let b = de!(n - 1) * de!(n) * w;
            let mut eta;
            if niter == 1 {
                if c < 0.0 {
                    c = c.abs();
                }
                eta = if c == 0.0 {
                    // Ren-Cang Li's update
                    -w / (dpsi + dphi)
                } else if a >= 0.0 {
                    (a + (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
                } else {
                    2.0 * b / (a - (a * a - 4.0 * b * c).abs().sqrt())
                };
            } else {
                eta = if a >= 0.0 {
                    (a + (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
                } else {
                    2.0 * b / (a - (a * a - 4.0 * b * c).abs().sqrt())
                };
            }
            // eta must have the sign of -w; else one Newton step
            if w * eta > 0.0 {
                eta = -w / (dpsi + dphi);
            }
            let temp = tau + eta;
            if temp > dltub || temp < dltlb {
                eta = if w < 0.0 {
                    (dltub - tau) / 2.0
                } else {
                    (dltlb - tau) / 2.0
                };
            }
            for j in 0..n {
                delta[j] -= eta;
            }
            tau += eta;
            (w, dpsi, dphi, erretm) = eval(delta, tau);
        }
        return Err(());
    }
    // i < n: the root lies in (d(i), d(i+1))
    let ip1 = i + 1;
    let del = dd!(ip1) - dd!(i);
    let midpt = del / 2.0;
    for j in 1..=n {
        de!(j) = (dd!(j) - dd!(i)) - midpt;
    }
    let mut psi = 0.0;
    for j in 1..i {
        psi += zz!(j) * zz!(j) / de!(j);
    }
    let mut phi = 0.0;
    for j in (i + 2..=n).rev() {
        phi += zz!(j) * zz!(j) / de!(j);
    }
    let c = rhoinv + psi + phi;
    let w = c + zz!(i) * zz!(i) / de!(i) + zz!(ip1) * zz!(ip1) / de!(ip1);
    let orgati;
    let mut tau;
    let (mut dltlb, mut dltub);
    if w > 0.0 {
        // d(i) < lambda(i) < (d(i) + d(i+1)) / 2: origin at d(i)
        orgati = true;
        let a = c * del + zz!(i) * zz!(i) + zz!(ip1) * zz!(ip1);
        let b = zz!(i) * zz!(i) * del;
        tau = if a > 0.0 {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        } else {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        };
        dltlb = 0.0;
        dltub = midpt;
    } else {
        // (d(i) + d(i+1)) / 2 <= lambda(i) < d(i+1): origin at d(i+1)
        orgati = false;
        let a = c * del - zz!(i) * zz!(i) - zz!(ip1) * zz!(ip1);
        let b = zz!(ip1) * zz!(ip1) * del;
        tau = if a < 0.0 {
            2.0 * b / (a - (a * a + 4.0 * b * c).abs().sqrt())
        } else {
            -(a + (a * a + 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        };
        dltlb = -midpt;
        dltub = 0.0;
    }
    let org = if orgati { dd!(i) } else { dd!(ip1) };
    for j in 1..=n {
        de!(j) = (dd!(j) - org) - tau;
    }
    let ii = if orgati { i } else { i + 1 };
    let iim1 = ii - 1;
    let iip1 = ii + 1;
    let (mut psi, mut dpsi, mut phi, mut dphi, erretm0) = psi_phi(z, delta, iim1, iip1);
    let mut w = rhoinv + phi + psi;
    // w is the secular function with its ii-th term removed: three poles
    // help when its sign says the root is pulled towards the far pole
    let mut swtch3 = if orgati { w < 0.0 } else { w > 0.0 };
    if ii == 1 || ii == n {
        swtch3 = false;
    }
    let temp = zz!(ii) / de!(ii);
    let mut dw = dpsi + dphi + temp * temp;
    let temp = zz!(ii) * temp;
    w += temp;
    let mut erretm = 8.0 * (phi - psi) + erretm0 + 2.0 * rhoinv + 3.0 * temp.abs() + tau.abs() * dw;
    if w.abs() <= eps * erretm {
        return Ok(org + tau);
    }
    if w <= 0.0 {
        dltlb = dltlb.max(tau);
    } else {
        dltub = dltub.min(tau);
    }
    let mut niter = 2;
    let mut swtch = false;
    // the first step has no `swtch`; later ones may
    loop {
        let mut eta;
        if !swtch3 {
            let c = if !swtch {
                if orgati {
                    let t = zz!(i) / de!(i);
                    w - de!(ip1) * dw - (dd!(i) - dd!(ip1)) * (t * t)
                } else {
                    let t = zz!(ip1) / de!(ip1);
                    w - de!(i) * dw - (dd!(ip1) - dd!(i)) * (t * t)
                }
            } else {
                let temp = zz!(ii) / de!(ii);
                if orgati {
                    dpsi += temp * temp;
                } else {
                    dphi += temp * temp;
                }
                w - de!(i) * dpsi - de!(ip1) * dphi
            };
            let mut a = (de!(i) + de!(ip1)) * w - de!(i) * de!(ip1) * dw;
            let b = de!(i) * de!(ip1) * w;
            eta = if c == 0.0 {
                if a == 0.0 {
                    a = if !swtch {
                        if orgati {
                            zz!(i) * zz!(i) + de!(ip1) * de!(ip1) * (dpsi + dphi)
                        } else {
                            zz!(ip1) * zz!(ip1) + de!(i) * de!(i) * (dpsi + dphi)
                        }
                    } else {
                        de!(i) * de!(i) * dpsi + de!(ip1) * de!(ip1) * dphi
                    };
                }
                b / a
            } else if a <= 0.0 {
                (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
            } else {
                2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
            };
        } else {
            // interpolation with the three nearest poles
            let temp = rhoinv + psi + phi;
            let (c, zz1, zz3);
            if swtch {
                c = temp - de!(iim1) * dpsi - de!(iip1) * dphi;
                zz1 = de!(iim1) * de!(iim1) * dpsi;
                zz3 = de!(iip1) * de!(iip1) * dphi;
            } else if orgati {
                let t1 = zz!(iim1) / de!(iim1);
                let t1 = t1 * t1;
                c = temp - de!(iip1) * (dpsi + dphi) - (dd!(iim1) - dd!(iip1)) * t1;
                zz1 = zz!(iim1) * zz!(iim1);
                zz3 = de!(iip1) * de!(iip1) * ((dpsi - t1) + dphi);
            } else {
                let t1 = zz!(iip1) / de!(iip1);
                let t1 = t1 * t1;
                c = temp - de!(iim1) * (dpsi + dphi) - (dd!(iip1) - dd!(iim1)) * t1;
                zz1 = de!(iim1) * de!(iim1) * (dpsi + (dphi - t1));
                zz3 = zz!(iip1) * zz!(iip1);
            }
            let zz3v = [zz1, zz!(ii) * zz!(ii), zz3];
            let dv = [de!(iim1), de!(ii), de!(iip1)];
            eta = dlaed6(niter, orgati, c, &dv, &zz3v, w)?;
        }
        // eta must have the sign of -w; else one Newton step
        if w * eta >= 0.0 {
            eta = -w / dw;
        }
        let temp = tau + eta;
        if temp > dltub || temp < dltlb {
            eta = if w < 0.0 {
                (dltub - tau) / 2.0
            } else {
                (dltlb - tau) / 2.0
            };
        }
        let prew = w;
        for j in 0..n {
            delta[j] -= eta;
        }
        let first = niter == 2;
        (psi, dpsi, phi, dphi, erretm) = psi_phi(z, delta, iim1, iip1);
        let temp = zz!(ii) / de!(ii);
        dw = dpsi + dphi + temp * temp;
        let temp = zz!(ii) * temp;
        w = rhoinv + phi + psi + temp;
        // the first step's bound uses tau + eta, later ones the updated tau
        tau += eta;
        erretm = 8.0 * (phi - psi) + erretm + 2.0 * rhoinv + 3.0 * temp.abs() + tau.abs() * dw;
        if first {
            swtch = if orgati {
                -w > prew.abs() / 10.0
            } else {
                w > prew.abs() / 10.0
            };
        } else if w * prew > 0.0 && w.abs() > prew.abs() / 10.0 {
            swtch = !swtch;
        }
        // the main loop: niter runs 3..=MAXIT, testing before each step
        niter += 1;
        if niter > MAXIT {
            return Err(());
        }
        if w.abs() <= eps * erretm {
            return Ok(org + tau);
        }
        if w <= 0.0 {
            dltlb = dltlb.max(tau);
        } else {
            dltub = dltub.min(tau);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lapack_eigh::dsyevd_lower;
    use super::*;

    /// `sum_i (i + 1) z[i, j]` per column: a signed fingerprint of each
    /// eigenvector (it flips with the vector's sign).
    fn fingerprint(z: &[f64], n: usize) -> Vec<f64> {
        (0..n)
            .map(|j| (0..n).map(|i| (i + 1) as f64 * z[i + j * n]).sum())
            .collect()
    }

    #[test]
    fn tridiagonal_matches_lapack_dstevd() {
        // scipy.linalg.lapack.dstevd(d, e) (SciPy 1.17.1's OpenBLAS, which
        // calls dstedc('I')) for d[i] = 1 + (0.37 i mod 1.3),
        // e[i] = 0.5 + (0.11 i mod 0.3), n = 40: the fingerprints
        let want = [
            2.1189965954484515,
            1.8915525959685264,
            -0.7472625210144392,
            4.971635412956301,
            2.018164644270702,
            7.3930073444569695,
            2.1081226226983767,
            -8.989001832664341,
            -4.143281339452571,
            0.7284679023335325,
            3.8692912805919697,
            -18.931194303791866,
            -2.964813298234346,
            -0.6407648078120403,
            -0.351977157099264,
            2.1314627894331437,
            19.659220876470002,
            4.187296615831849,
            -13.396714637223974,
            2.437747271920715,
            -1.6980697465097663,
            -0.027501719102927424,
            0.5008501846650297,
            0.4112151267955477,
            -0.08751870545392038,
            3.7739943381029804,
            19.645164002446105,
            -6.190922697113162,
            -8.851406200534196,
            24.77586803061704,
            40.495785005166816,
            -5.665630632860989,
            3.2284929035336543,
            -0.10367923479778351,
            -0.2534517846379174,
            -80.13791902062053,
            6.494200271218237,
            -2.783627644069647,
            -53.4524995531889,
            -93.92885483168916,
        ];
        let n = 40;
        let mut d: Vec<f64> = (0..n).map(|i| 1.0 + (i as f64 * 0.37) % 1.3).collect();
        let mut e: Vec<f64> = (0..n - 1).map(|i| 0.5 + (i as f64 * 0.11) % 0.3).collect();
        let z = dstedc(&mut d, &mut e, n).unwrap();
        // eigenvalues to a few ulps of the norm (~3)
        assert!((d[0] - 0.2715645670805983).abs() < 1e-14);
        assert!((d[n - 1] - 3.1638645112970685).abs() < 1e-14);
        // vectors: rounding ~ eps / gap (gaps >= ~0.01 here), times the
        // fingerprint's weights (<= 40); a sign flip would be off by O(1)
        for (g, w) in fingerprint(&z, n).iter().zip(&want) {
            assert!((g - w).abs() < 1e-9, "{g} vs {w}");
        }
    }

    #[test]
    fn wilkinson_pairs_match_lapack_dstevd() {
        // Wilkinson's W41+ (d[i] = |20 - i|, e = 1): its eigenvalues come in
        // pairs 1e-14 apart, which dlaed2 deflates by rotation; fingerprints
        // from scipy.linalg.lapack.dstevd (SciPy 1.17.1's OpenBLAS)
        let want = [
            -2.9488039391641037,
            0.1647794360564173,
            -7.697519774449121,
            0.5910539723925698,
            -19.891392102269407,
            1.5190341807702283,
            -29.027290545472418,
            2.8291491624051415,
            -29.92937231849663,
            4.240605917591479,
            -29.743941192114423,
            5.6565337260306485,
            -29.703568144328003,
            7.071036283632099,
            -29.69895256483356,
            8.48528784635618,
            -29.698521895858676,
            9.898704029916692,
            -29.698751489070006,
            11.378558777047946,
            -29.673699817746215,
            -28.76657662854667,
            -14.713380071796356,
            -13.573460710557846,
            -29.9627491000551,
            -12.454826141676412,
            -31.12605418015927,
            -11.353470144035038,
            -32.271657736530486,
            -10.262466809220285,
            -33.35122190955107,
            34.693943118279456,
            -9.202049694740149,
            -6.027712518718894,
            35.38037810803519,
            40.93184541058277,
            5.143939895470425,
            -37.76346382709465,
            -4.339501677847598,
            67.41766631074785,
            -3.0018521830434235,
        ];
        let n = 41;
        let mut d: Vec<f64> = (0..n).map(|i| (20.0 - i as f64).abs()).collect();
        let mut e = vec![1.0; n - 1];
        let z = dstedc(&mut d, &mut e, n).unwrap();
        for (g, w) in fingerprint(&z, n).iter().zip(&want) {
            // well separated pairs: rounding only (see above)
            assert!((g - w).abs() < 1e-9, "{g} vs {w}");
        }
    }

    /// A deterministic pseudo-random stream in [-1, 1).
    fn stream(seed: u64) -> impl FnMut() -> f64 {
        let mut s = seed;
        move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        }
    }

    /// Checks `A = V diag(w) V^T`, `V^T V = I` and ascending `w` for the
    /// column-major symmetric `a`; `scale` is the size of its entries.
    fn check_eigh(a: &[f64], n: usize, scale: f64, what: &str) {
        let (w, v) = dsyevd_lower(a, n).unwrap_or_else(|| panic!("{what}: no convergence"));
        assert!(w.windows(2).all(|p| p[0] <= p[1]), "{what}: not ascending");
        // tolerance: n ulps of the entries' size, times a small factor for
        // the n-term sums and the reduction (LAPACK's own backward error
        // bound is O(n eps |A|))
        let tol = 20.0 * n as f64 * f64::EPSILON * scale.max(f64::MIN_POSITIVE);
        for i in 0..n {
            for j in 0..=i {
                let r: f64 = (0..n).map(|k| v[i + k * n] * w[k] * v[j + k * n]).sum();
                assert!(
                    (r - a[i + j * n]).abs() <= tol,
                    "{what}: A[{i},{j}] {r} vs {}",
                    a[i + j * n]
                );
                let o: f64 = (0..n).map(|k| v[k + i * n] * v[k + j * n]).sum();
                let want = if i == j { 1.0 } else { 0.0 };
                // orthogonality: n ulps (no scale)
                assert!(
                    (o - want).abs() <= 20.0 * n as f64 * f64::EPSILON,
                    "{what}: V^T V [{i},{j}] {o}"
                );
            }
        }
    }

    #[test]
    fn divide_and_conquer_reconstructs() {
        let mut r = stream(7);
        for &n in &[26, 27, 33, 40, 51, 64, 100, 131, 200] {
            // B B^T + small shift: symmetric positive definite
            let b: Vec<f64> = (0..n * n).map(|_| r()).collect();
            let mut a = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    a[i + j * n] = (0..n).map(|k| b[i + k * n] * b[j + k * n]).sum();
                }
            }
            let scale = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            check_eigh(&a, n, scale, &format!("spd n={n}"));
            // symmetric indefinite
            let mut s = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..=i {
                    let v = r();
                    s[i + j * n] = v;
                    s[j + i * n] = v;
                }
            }
            check_eigh(&s, n, 1.0, &format!("indefinite n={n}"));
        }
    }

    #[test]
    fn clusters_ties_and_special_matrices() {
        let mut r = stream(11);
        for &n in &[26, 45, 80] {
            // H diag(l) H with a Householder H and eigenvalues in tight
            // clusters and exact ties: deflation by rotation
            let v: Vec<f64> = (0..n).map(|_| r()).collect();
            let vv: f64 = v.iter().map(|x| x * x).sum();
            let l: Vec<f64> = (0..n).map(|i| [1.0, 2.0, 2.0 + 1e-13, 5.0][i % 4]).collect();
            let mut a = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    // (H L H)[i, j] with H = I - 2 v v^T / vv
                    let h = |p: usize, q: usize| (if p == q { 1.0 } else { 0.0 }) - 2.0 * v[p] * v[q] / vv;
                    a[i + j * n] = (0..n).map(|k| h(i, k) * l[k] * h(k, j)).sum();
                }
            }
            check_eigh(&a, n, 5.0, &format!("clusters n={n}"));
            // diagonal with ties
            let mut dg = vec![0.0; n * n];
            for i in 0..n {
                dg[i + i * n] = [3.0, 1.0, 3.0, 0.5][i % 4];
            }
            let (w, z) = dsyevd_lower(&dg, n).unwrap();
            check_eigh(&dg, n, 3.0, &format!("diagonal n={n}"));
            assert_eq!(w[0], 0.5);
            assert!(z.iter().all(|&x| x == 0.0 || x == 1.0), "diagonal: a permutation");
            // rank 3: B B^T with B n x 3
            let b: Vec<f64> = (0..3 * n).map(|_| r()).collect();
            let mut a = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    a[i + j * n] = (0..3).map(|k| b[i + k * n] * b[j + k * n]).sum();
                }
            }
            let scale = a.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            check_eigh(&a, n, scale, &format!("rank 3 n={n}"));
            // zero and identity
            let zero = vec![0.0; n * n];
            let (w, z) = dsyevd_lower(&zero, n).unwrap();
            assert!(w.iter().all(|&x| x == 0.0));
            check_eigh(&zero, n, 0.0, "zero");
            assert!((0..n).all(|i| z[i + i * n] == 1.0));
            let mut eye = vec![0.0; n * n];
            (0..n).for_each(|i| eye[i + i * n] = 1.0);
            assert_eq!(dsyevd_lower(&eye, n).unwrap(), (vec![1.0; n], eye));
        }
        // an unreduced tridiagonal with near-equal pairs (Wilkinson W41+):
        // dlaed2 deflates the pairs by rotation
        let n = 41;
        let mut a = vec![0.0; n * n];
        for i in 0..n {
            a[i + i * n] = (20.0 - i as f64).abs();
            if i + 1 < n {
                a[i + 1 + i * n] = 1.0;
                a[i + (i + 1) * n] = 1.0;
            }
        }
        check_eigh(&a, n, 20.0, "wilkinson");
    }

    #[test]
    fn secular_equation_roots() {
        // the roots of 1/rho + sum z_j^2 / (d_j - lambda) = 0 interlace d
        let d = [0.1, 0.5, 0.9, 1.3, 2.0];
        let nz = (0.09f64 + 0.16 + 0.25 + 0.01 + 0.49).sqrt();
        let z: Vec<f64> = [0.3, 0.4, 0.5, 0.1, 0.7].iter().map(|v| v / nz).collect();
        let rho = 0.8;
        let mut delta = [0.0; 5];
        for i in 1..=5 {
            let lam = dlaed4(5, i, &d, &z, &mut delta, rho).unwrap();
            assert!(lam > d[i - 1] && (i == 5 || lam < d[i]));
            let f = 1.0 / rho + z.iter().zip(&delta).map(|(z, dl)| z * z / dl).sum::<f64>();
            // at the root the secular function vanishes to rounding of its
            // terms (each <= ~1/|delta| ~ 1e2)
            assert!(f.abs() < 1e-11, "i={i}: f={f}");
            for j in 0..5 {
                // delta = d - lambda, to rounding
                assert!((delta[j] - (d[j] - lam)).abs() < 1e-14);
            }
        }
        // two poles: dlaed5's eigenvectors are unit vectors
        let mut v = [0.0; 2];
        let lam = dlaed4(2, 1, &d[..2], &[0.6, 0.8], &mut v, 1.0).unwrap();
        assert!((v[0].hypot(v[1]) - 1.0).abs() < 1e-15);
        assert!(lam > 0.1 && lam < 0.5);
    }
}
