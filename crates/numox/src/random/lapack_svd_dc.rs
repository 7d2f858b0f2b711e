//! Divide and conquer for the bidiagonal SVD: the steps LAPACK's `dbdsdc`
//! (`UPLO='U'`, `COMPQ='I'`) takes above `SMLSIZ = 25`, which `dgesdd`
//! (NumPy's `svd`, hence `multivariate_normal(method='svd')`) calls on the
//! bidiagonal of a matrix larger than 25.
//!
//! `dbdsdc` scales, splits at negligible off-diagonals and hands each piece
//! to `dlasd0`, which cuts the bidiagonal into a tree (`dlasdt`), solves the
//! leaves by implicit QR (`dlasdq` → `dbdsqr`) and merges them bottom-up
//! (`dlasd1`: deflation in `dlasd2`, the secular equation in `dlasd3` →
//! `dlasd4` (`dlasd5` for two poles, `dlaed6` for three), and the merge
//! permutation `dlamrg`). Taking LAPACK's steps gives LAPACK's choice of
//! singular-vector signs; only the order of the BLAS sums (`dgemm`,
//! `dnrm2`) may differ, which moves values by a few ulps.
//!
//! The port keeps the reference's 1-based indices (via small macros), so
//! each line can be checked against the Fortran. Matrices are column-major.

// index-for-index port of LAPACK's loops: the indices are the algorithm
#![allow(clippy::needless_range_loop)]
#![allow(clippy::too_many_arguments)]

use super::lapack_eigh::{dlapy2, dlartg, dnrm2, sign};
use super::lapack_svd::{dbdsqr, dlasr_cols, dlasr_rows, sort_decreasing, swap_cols, swap_rows};

/// `ilaenv(9, 'DBDSDC')`: the largest subproblem solved without dividing.
pub(crate) const SMLSIZ: usize = 25;

const EPS: f64 = f64::EPSILON * 0.5; // dlamch('E')

/// `dlamrg`: the permutation (1-based, into `a`) merging the sorted runs
/// `a[..n1]` and `a[n1..n1+n2]` (strides `±1`) into ascending order.
pub(crate) fn dlamrg(n1: usize, n2: usize, a: &[f64], dtrd1: isize, dtrd2: isize, index: &mut [usize]) {
    let (mut n1sv, mut n2sv) = (n1, n2);
    let mut ind1: isize = if dtrd1 > 0 { 1 } else { n1 as isize };
    let mut ind2: isize = if dtrd2 > 0 {
        1 + n1 as isize
    } else {
        (n1 + n2) as isize
    };
    let mut i = 0;
    while n1sv > 0 && n2sv > 0 {
        if a[ind1 as usize - 1] <= a[ind2 as usize - 1] {
            index[i] = ind1 as usize;
            ind1 += dtrd1;
            n1sv -= 1;
        } else {
            index[i] = ind2 as usize;
            ind2 += dtrd2;
            n2sv -= 1;
        }
        i += 1;
    }
    if n1sv == 0 {
        for _ in 0..n2sv {
            index[i] = ind2 as usize;
            i += 1;
            ind2 += dtrd2;
        }
    } else {
        for _ in 0..n1sv {
            index[i] = ind1 as usize;
            i += 1;
            ind1 += dtrd1;
        }
    }
}

/// The computation tree of `dlasdt`: per node (1-based, breadth first) its
/// centre row and the sizes of its left and right subproblems.
struct Tree {
    nlvl: usize,
    nd: usize,
    inode: Vec<usize>,
    ndiml: Vec<usize>,
    ndimr: Vec<usize>,
}

/// `dlasdt`: split `n` rows into a binary tree with leaves of at most
/// `msub` rows.
fn dlasdt(n: usize, msub: usize) -> Tree {
    let maxn = n.max(1);
    let temp = (maxn as f64 / (msub + 1) as f64).ln() / 2f64.ln();
    let lvl = temp as usize + 1;
    let size = 1usize << lvl;
    let (mut inode, mut ndiml, mut ndimr) = (vec![0; size], vec![0; size], vec![0; size]);
    let i = n / 2;
    inode[0] = i + 1;
    ndiml[0] = i;
    ndimr[0] = n - i - 1;
    let (mut il, mut ir) = (0usize, 1usize); // 1-based positions, before the += 2
    let mut llst = 1;
    for _ in 1..lvl {
        for i in 0..llst {
            il += 2;
            ir += 2;
            let ncrnt = llst + i; // 1-based
            ndiml[il - 1] = ndiml[ncrnt - 1] / 2;
            ndimr[il - 1] = ndiml[ncrnt - 1] - ndiml[il - 1] - 1;
            inode[il - 1] = inode[ncrnt - 1] - ndimr[il - 1] - 1;
            ndiml[ir - 1] = ndimr[ncrnt - 1] / 2;
            ndimr[ir - 1] = ndimr[ncrnt - 1] - ndiml[ir - 1] - 1;
            inode[ir - 1] = inode[ncrnt - 1] + ndiml[ir - 1] + 1;
        }
        llst *= 2;
    }
    Tree {
        nlvl: lvl,
        nd: llst * 2 - 1,
        inode,
        ndiml,
        ndimr,
    }
}

/// `dlasdq('U', sqre, n, ncvt, nru, 0)`: the SVD of the `n x (n + sqre)`
/// upper bidiagonal `(d, e)` (`e` has `n - 1 + sqre` entries), rotations
/// accumulated into `vt` (`(n + sqre) x ncvt`, leading dimension `ldvt`)
/// and `u` (`nru x n`); ascending order.
fn dlasdq(
    sqre: usize,
    n: usize,
    d: &mut [f64],
    e: &mut [f64],
    vt: &mut [f64],
    ldvt: usize,
    ncvt: usize,
    u: &mut [f64],
    ldu: usize,
    nru: usize,
) -> Result<(), ()> {
    if n == 0 {
        return Ok(());
    }
    let np1 = n + 1;
    let mut wc = vec![0.0; n];
    let mut ws = vec![0.0; n];
    if sqre == 1 {
        // non-square upper bidiagonal: rotate to lower bidiagonal (right rotations)
        for i in 0..n - 1 {
            let (cs, sn, r) = dlartg(d[i], e[i]);
            d[i] = r;
            e[i] = sn * d[i + 1];
            d[i + 1] *= cs;
            wc[i] = cs;
            ws[i] = sn;
        }
        let (cs, sn, r) = dlartg(d[n - 1], e[n - 1]);
        d[n - 1] = r;
        e[n - 1] = 0.0;
        wc[n - 1] = cs;
        ws[n - 1] = sn;
        if ncvt > 0 {
            dlasr_rows(vt, ldvt, ncvt, 0, np1, &wc, &ws, true);
        }
    }
    if sqre == 1 {
        // lower bidiagonal: rotate to upper bidiagonal (left rotations)
        for i in 0..n - 1 {
            let (cs, sn, r) = dlartg(d[i], e[i]);
            d[i] = r;
            e[i] = sn * d[i + 1];
            d[i + 1] *= cs;
            wc[i] = cs;
            ws[i] = sn;
        }
        if nru > 0 {
            dlasr_cols(u, ldu, nru, 0, n, &wc, &ws, true);
        }
    }
    dbdsqr(d, e, n, vt, ldvt, ncvt, u, ldu, nru)?;
    // ascending order, one transposition per position
    for i in 0..n {
        let mut isub = i;
        let mut smin = d[i];
        for j in i + 1..n {
            if d[j] < smin {
                isub = j;
                smin = d[j];
            }
        }
        if isub != i {
            d[isub] = d[i];
            d[i] = smin;
            swap_rows(vt, ldvt, ncvt, isub, i);
            swap_cols(u, ldu, nru, isub, i);
        }
    }
    Ok(())
}

/// `dlasdq` on the diagonal block of the global `u`, `vt` (leading
/// dimension `ld`) starting at row/column `off`: `u` block `n x n`, `vt`
/// block `(n + sqre) x (n + sqre)`.
fn leaf(
    sqre: usize,
    n: usize,
    d: &mut [f64],
    e: &mut [f64],
    u: &mut [f64],
    vt: &mut [f64],
    ld: usize,
    off: usize,
) -> Result<(), ()> {
    let m = n + sqre;
    let mut lu = vec![0.0; n * n];
    let mut lvt = vec![0.0; m * m];
    for j in 0..n {
        let g = off + (off + j) * ld;
        lu[j * n..(j + 1) * n].copy_from_slice(&u[g..g + n]);
    }
    for j in 0..m {
        let g = off + (off + j) * ld;
        lvt[j * m..(j + 1) * m].copy_from_slice(&vt[g..g + m]);
    }
    dlasdq(sqre, n, d, e, &mut lvt, m, m, &mut lu, n, n)?;
    for j in 0..n {
        let g = off + (off + j) * ld;
        u[g..g + n].copy_from_slice(&lu[j * n..(j + 1) * n]);
    }
    for j in 0..m {
        let g = off + (off + j) * ld;
        vt[g..g + m].copy_from_slice(&lvt[j * m..(j + 1) * m]);
    }
    Ok(())
}

/// `dlasd0`: the SVD of the `n x (n + sqre)` upper bidiagonal `(d, e)` by
/// divide and conquer, into the blocks of `u`, `vt` at `off`.
fn dlasd0(
    n: usize,
    sqre: usize,
    d: &mut [f64],
    e: &mut [f64],
    u: &mut [f64],
    vt: &mut [f64],
    ld: usize,
    off: usize,
) -> Result<(), ()> {
    if n <= SMLSIZ {
        return leaf(sqre, n, d, e, u, vt, ld, off);
    }
    let t = dlasdt(n, SMLSIZ);
    let mut idxq = vec![0usize; n];
    // the leaves: bottom level of the tree
    let ndb1 = t.nd.div_ceil(2);
    for i in ndb1..=t.nd {
        let ic = t.inode[i - 1];
        let nl = t.ndiml[i - 1];
        let nr = t.ndimr[i - 1];
        let nlf = ic - nl;
        let nrf = ic + 1;
        leaf(
            1,
            nl,
            &mut d[nlf - 1..],
            &mut e[nlf - 1..],
            u,
            vt,
            ld,
            off + nlf - 1,
        )?;
        for j in 1..=nl {
            idxq[nlf + j - 2] = j;
        }
        let sqrei = if i == t.nd { sqre } else { 1 };
        leaf(
            sqrei,
            nr,
            &mut d[nrf - 1..],
            &mut e[nrf - 1..],
            u,
            vt,
            ld,
            off + nrf - 1,
        )?;
        for j in 1..=nr {
            idxq[ic + j - 1] = j;
        }
    }
    // conquer bottom-up
    for lvl in (1..=t.nlvl).rev() {
        let (lf, ll) = if lvl == 1 {
            (1, 1)
        } else {
            let lf = 1usize << (lvl - 1);
            (lf, 2 * lf - 1)
        };
        for i in lf..=ll {
            let ic = t.inode[i - 1];
            let nl = t.ndiml[i - 1];
            let nr = t.ndimr[i - 1];
            let nlf = ic - nl;
            let sqrei = if sqre == 0 && i == ll { sqre } else { 1 };
            let alpha = d[ic - 1];
            let beta = e[ic - 1];
            dlasd1(
                nl,
                nr,
                sqrei,
                &mut d[nlf - 1..],
                alpha,
                beta,
                u,
                vt,
                ld,
                off + nlf - 1,
                &mut idxq[nlf - 1..],
            )?;
        }
    }
    Ok(())
}

/// `dlasd1`: merge the SVDs of the two halves of an
/// `n x (n + sqre)` upper bidiagonal (`n = nl + nr + 1`), joined by the
/// row `(alpha, beta)`: scale, deflate (`dlasd2`), solve the secular
/// equation (`dlasd3`), unscale, and the sorting permutation `idxq`.
fn dlasd1(
    nl: usize,
    nr: usize,
    sqre: usize,
    d: &mut [f64],
    alpha: f64,
    beta: f64,
    u: &mut [f64],
    vt: &mut [f64],
    ld: usize,
    off: usize,
    idxq: &mut [usize],
) -> Result<(), ()> {
    let n = nl + nr + 1;
    let m = n + sqre;
    let mut orgnrm = alpha.abs().max(beta.abs());
    d[nl] = 0.0;
    for i in 0..n {
        if d[i].abs() > orgnrm {
            orgnrm = d[i].abs();
        }
    }
    let mul = 1.0 / orgnrm; // dlascl(orgnrm -> 1)
    d[..n].iter_mut().for_each(|v| *v *= mul);
    let alpha = alpha / orgnrm;
    let beta = beta / orgnrm;
    let mut w = Merge::new(n, m);
    let k = dlasd2(nl, nr, sqre, d, alpha, beta, u, vt, ld, off, idxq, &mut w);
    dlasd3(nl, nr, sqre, k, d, u, vt, ld, off, &mut w)?;
    d[..n].iter_mut().for_each(|v| *v *= orgnrm);
    dlamrg(k, n - k, d, 1, -1, idxq);
    Ok(())
}

/// The work arrays `dlasd2` fills and `dlasd3` reads (1-based via macros).
struct Merge {
    z: Vec<f64>,
    dsigma: Vec<f64>,
    u2: Vec<f64>,  // n x n, leading dimension n
    vt2: Vec<f64>, // m x m, leading dimension m
    idxc: Vec<usize>,
    ctot: [usize; 4],
    n: usize,
    m: usize,
}

impl Merge {
    fn new(n: usize, m: usize) -> Self {
        Merge {
            z: vec![0.0; m],
            dsigma: vec![0.0; n],
            u2: vec![0.0; n * n],
            vt2: vec![0.0; m * m],
            idxc: vec![0; n],
            ctot: [0; 4],
            n,
            m,
        }
    }
}

/// `dlasd2`: build the merged problem `M = diag(d) + z e1^T` and deflate
/// small `z` entries and close singular values. Returns `K`, the size of
/// the non-deflated problem.
fn dlasd2(
    nl: usize,
    nr: usize,
    sqre: usize,
    d: &mut [f64],
    alpha: f64,
    beta: f64,
    u: &mut [f64],
    vt: &mut [f64],
    ld: usize,
    off: usize,
    idxq: &mut [usize],
    w: &mut Merge,
) -> usize {
    let n = nl + nr + 1;
    let m = n + sqre;
    let (ldu2, ldvt2) = (w.n, w.m);
    macro_rules! uu {
        ($i:expr, $j:expr) => {
            u[off + ($i) - 1 + (off + ($j) - 1) * ld]
        };
    }
    macro_rules! vt {
        ($i:expr, $j:expr) => {
            vt[off + ($i) - 1 + (off + ($j) - 1) * ld]
        };
    }
    macro_rules! u2 {
        ($i:expr, $j:expr) => {
            w.u2[($i) - 1 + (($j) - 1) * ldu2]
        };
    }
    macro_rules! vt2 {
        ($i:expr, $j:expr) => {
            w.vt2[($i) - 1 + (($j) - 1) * ldvt2]
        };
    }
    macro_rules! dd {
        ($i:expr) => {
            d[($i) - 1]
        };
    }
    macro_rules! zz {
        ($i:expr) => {
            w.z[($i) - 1]
        };
    }
    macro_rules! ds {
        ($i:expr) => {
            w.dsigma[($i) - 1]
        };
    }
    macro_rules! iq {
        ($i:expr) => {
            idxq[($i) - 1]
        };
    }
    let mut idxp = vec![0usize; n];
    let mut idx = vec![0usize; n];
    let mut coltyp = vec![0usize; n];
    macro_rules! ip {
        ($i:expr) => {
            idxp[($i) - 1]
        };
    }
    macro_rules! ix {
        ($i:expr) => {
            idx[($i) - 1]
        };
    }
    macro_rules! ic {
        ($i:expr) => {
            w.idxc[($i) - 1]
        };
    }
    macro_rules! ct {
        ($i:expr) => {
            coltyp[($i) - 1]
        };
    }
    let nlp1 = nl + 1;
    let nlp2 = nl + 2;
    // the first part of z; the left singular values move one place back
    let z1 = alpha * vt!(nlp1, nlp1);
    zz!(1) = z1;
    for i in (1..=nl).rev() {
        zz!(i + 1) = alpha * vt!(i, nlp1);
        dd!(i + 1) = dd!(i);
        iq!(i + 1) = iq!(i) + 1;
    }
    // the second part of z
    for i in nlp2..=m {
        zz!(i) = beta * vt!(i, nlp2);
    }
    for i in 2..=nlp1 {
        ct!(i) = 1;
    }
    for i in nlp2..=n {
        ct!(i) = 2;
    }
    for i in nlp2..=n {
        iq!(i) += nlp1;
    }
    // dsigma, idxc and the first column of u2 as scratch
    for i in 2..=n {
        ds!(i) = dd!(iq!(i));
        u2!(i, 1) = zz!(iq!(i));
        ic!(i) = ct!(iq!(i));
    }
    dlamrg(nl, nr, &w.dsigma[1..], 1, 1, &mut idx[1..]);
    for i in 2..=n {
        let idxi = 1 + ix!(i);
        dd!(i) = ds!(idxi);
        zz!(i) = u2!(idxi, 1);
        ct!(i) = ic!(idxi);
    }
    // deflation tolerance
    let eps = EPS;
    let tol = alpha.abs().max(beta.abs());
    let tol = 8.0 * eps * dd!(n).abs().max(tol);
    let mut k = 1;
    let mut k2 = n + 1;
    let mut jprev = 0;
    let mut all_deflated = false;
    for j in 2..=n {
        if zz!(j).abs() <= tol {
            // small z component
            k2 -= 1;
            ip!(k2) = j;
            ct!(j) = 4;
            if j == n {
                all_deflated = true;
                break;
            }
        } else {
            jprev = j;
            break;
        }
    }
    if !all_deflated {
        let mut j = jprev;
        loop {
            j += 1;
            if j > n {
                break;
            }
            if zz!(j).abs() <= tol {
                k2 -= 1;
                ip!(k2) = j;
                ct!(j) = 4;
            } else if (dd!(j) - dd!(jprev)).abs() <= tol {
                // close singular values: rotate z(jprev) to zero
                let mut s = zz!(jprev);
                let mut c = zz!(j);
                let tau = dlapy2(c, s);
                c /= tau;
                s = -s / tau;
                zz!(j) = tau;
                zz!(jprev) = 0.0;
                let mut idxjp = iq!(ix!(jprev) + 1);
                let mut idxj = iq!(ix!(j) + 1);
                if idxjp <= nlp1 {
                    idxjp -= 1;
                }
                if idxj <= nlp1 {
                    idxj -= 1;
                }
                for r in 1..=n {
                    let (x, y) = (uu!(r, idxjp), uu!(r, idxj));
                    uu!(r, idxjp) = c * x + s * y;
                    uu!(r, idxj) = c * y - s * x;
                }
                for col in 1..=m {
                    let (x, y) = (vt!(idxjp, col), vt!(idxj, col));
                    vt!(idxjp, col) = c * x + s * y;
                    vt!(idxj, col) = c * y - s * x;
                }
                if ct!(j) != ct!(jprev) {
                    ct!(j) = 3;
                }
                ct!(jprev) = 4;
                k2 -= 1;
                ip!(k2) = jprev;
                jprev = j;
            } else {
                k += 1;
                u2!(k, 1) = zz!(jprev);
                ds!(k) = dd!(jprev);
                ip!(k) = jprev;
                jprev = j;
            }
        }
        // the last singular value
        k += 1;
        u2!(k, 1) = zz!(jprev);
        ds!(k) = dd!(jprev);
        ip!(k) = jprev;
    }
    // group the columns by type 1..4
    let mut ctot = [0usize; 4];
    for j in 2..=n {
        ctot[ct!(j) - 1] += 1;
    }
    let mut psm = [2, 2 + ctot[0], 0, 0];
    psm[2] = psm[1] + ctot[1];
    psm[3] = psm[2] + ctot[2];
    for j in 2..=n {
        let jp = ip!(j);
        let c = ct!(jp);
        ic!(psm[c - 1]) = j;
        psm[c - 1] += 1;
    }
    // sort dsigma, u2 and vt2 (non-deflated first)
    for j in 2..=n {
        let jp = ip!(j);
        ds!(j) = dd!(jp);
        let mut idxj = iq!(ix!(ip!(ic!(j))) + 1);
        if idxj <= nlp1 {
            idxj -= 1;
        }
        for r in 1..=n {
            u2!(r, j) = uu!(r, idxj);
        }
        for col in 1..=m {
            vt2!(j, col) = vt!(idxj, col);
        }
    }
    // dsigma(1), dsigma(2) and z(1)
    ds!(1) = 0.0;
    let hlftol = tol / 2.0;
    if ds!(2).abs() <= hlftol {
        ds!(2) = hlftol;
    }
    let (mut c, mut s) = (1.0, 0.0);
    if m > n {
        zz!(1) = dlapy2(z1, zz!(m));
        if zz!(1) <= tol {
            c = 1.0;
            s = 0.0;
            zz!(1) = tol;
        } else {
            c = z1 / zz!(1);
            s = zz!(m) / zz!(1);
        }
    } else if z1.abs() <= tol {
        zz!(1) = tol;
    } else {
        zz!(1) = z1;
    }
    // the rest of the updating row
    for i in 2..=k {
        zz!(i) = u2!(i, 1);
    }
    // first column of u2, first row of vt2, last row of vt
    for r in 1..=n {
        u2!(r, 1) = 0.0;
    }
    u2!(nlp1, 1) = 1.0;
    if m > n {
        for i in 1..=nlp1 {
            vt!(m, i) = -s * vt!(nlp1, i);
            vt2!(1, i) = c * vt!(nlp1, i);
        }
        for i in nlp2..=m {
            vt2!(1, i) = s * vt!(m, i);
            vt!(m, i) *= c;
        }
    } else {
        for col in 1..=m {
            vt2!(1, col) = vt!(nlp1, col);
        }
    }
    if m > n {
        for col in 1..=m {
            vt2!(m, col) = vt!(m, col);
        }
    }
    // deflated values and vectors go to the back of d, u, vt
    if n > k {
        d[k..n].copy_from_slice(&w.dsigma[k..n]);
        for j in k + 1..=n {
            for r in 1..=n {
                uu!(r, j) = u2!(r, j);
            }
        }
        for col in 1..=m {
            for r in k + 1..=n {
                vt!(r, col) = vt2!(r, col);
            }
        }
    }
    w.ctot = ctot;
    k
}

/// `C(1..mm, 1..nn) (+)= A(1..mm, 1..kk) B(1..kk, 1..nn)` (`dgemm('N',
/// 'N')` with alpha 1, beta 0 or 1), each matrix given as (slice, leading
/// dimension, 0-based offset of its (1, 1) element).
pub(crate) fn gemm(
    mm: usize,
    nn: usize,
    kk: usize,
    a: (&[f64], usize, usize),
    b: (&[f64], usize, usize),
    c: (&mut [f64], usize, usize),
    accumulate: bool,
) {
    let (a, lda, ao) = a;
    let (b, ldb, bo) = b;
    let (c, ldc, co) = c;
    for j in 0..nn {
        if !accumulate {
            c[co + j * ldc..co + j * ldc + mm].fill(0.0);
        }
        for l in 0..kk {
            let t = b[bo + l + j * ldb];
            for i in 0..mm {
                c[co + i + j * ldc] += t * a[ao + i + l * lda];
            }
        }
    }
}

/// `dlasd3`: the singular values of the deflated problem (secular
/// equation, `dlasd4`), its singular vectors (recomputed `z` for
/// orthogonality) and their products with `u2`, `vt2` into `u`, `vt`.
fn dlasd3(
    nl: usize,
    nr: usize,
    sqre: usize,
    k: usize,
    d: &mut [f64],
    u: &mut [f64],
    vt: &mut [f64],
    ld: usize,
    off: usize,
    w: &mut Merge,
) -> Result<(), ()> {
    let n = nl + nr + 1;
    let m = n + sqre;
    let nlp1 = nl + 1;
    let nlp2 = nl + 2;
    let (ldu2, ldvt2) = (w.n, w.m);
    let uo = off + off * ld; // offset of u(1, 1) / vt(1, 1)
    if k == 1 {
        d[0] = w.z[0].abs();
        for col in 0..m {
            vt[uo + col * ld] = w.vt2[col * ldvt2];
        }
        let sg = if w.z[0] > 0.0 { 1.0 } else { -1.0 };
        for i in 0..n {
            u[uo + i] = sg * w.u2[i];
        }
        return Ok(());
    }
    let ldq = k;
    let mut q = vec![0.0; k * k];
    // keep a copy of z, then normalise it
    let qz: Vec<f64> = w.z[..k].to_vec();
    let rho = dnrm2(&w.z[..k]);
    let mul = 1.0 / rho; // dlascl(rho -> 1)
    w.z[..k].iter_mut().for_each(|v| *v *= mul);
    let rho = rho * rho;
    // the new singular values; DELTA in ud(:, j), WORK in vw(:, j)
    let mut ud = vec![0.0; k * k];
    let mut vw = vec![0.0; k * k];
    for j in 1..=k {
        d[j - 1] = dlasd4(
            k,
            j,
            &w.dsigma,
            &w.z,
            &mut ud[(j - 1) * k..j * k],
            rho,
            &mut vw[(j - 1) * k..j * k],
        )?;
    }
    macro_rules! udm {
        ($i:expr, $j:expr) => {
            ud[($i) - 1 + (($j) - 1) * k]
        };
    }
    macro_rules! vwm {
        ($i:expr, $j:expr) => {
            vw[($i) - 1 + (($j) - 1) * k]
        };
    }
    macro_rules! ds {
        ($i:expr) => {
            w.dsigma[($i) - 1]
        };
    }
    macro_rules! qm {
        ($i:expr, $j:expr) => {
            q[($i) - 1 + (($j) - 1) * ldq]
        };
    }
    // the updated z
    for i in 1..=k {
        let mut zi = udm!(i, k) * vwm!(i, k);
        for j in 1..i {
            zi *= udm!(i, j) * vwm!(i, j) / (ds!(i) - ds!(j)) / (ds!(i) + ds!(j));
        }
        for j in i..k {
            zi *= udm!(i, j) * vwm!(i, j) / (ds!(i) - ds!(j + 1)) / (ds!(i) + ds!(j + 1));
        }
        w.z[i - 1] = sign(zi.abs().sqrt(), qz[i - 1]);
    }
    // left singular vectors of the deflated problem (into q), and the
    // data for the right ones (in vw)
    for i in 1..=k {
        vwm!(1, i) = w.z[0] / udm!(1, i) / vwm!(1, i);
        udm!(1, i) = -1.0;
        for j in 2..=k {
            vwm!(j, i) = w.z[j - 1] / udm!(j, i) / vwm!(j, i);
            udm!(j, i) = ds!(j) * vwm!(j, i);
        }
        let temp = dnrm2(&ud[(i - 1) * k..i * k]);
        qm!(1, i) = udm!(1, i) / temp;
        for j in 2..=k {
            let jc = w.idxc[j - 1];
            qm!(j, i) = udm!(jc, i) / temp;
        }
    }
    // U = U2 Q
    let c1 = w.ctot[0];
    let (c2, c3) = (w.ctot[1], w.ctot[2]);
    if k == 2 {
        gemm(n, k, k, (&w.u2, ldu2, 0), (&q, ldq, 0), (u, ld, uo), false);
    } else {
        if c1 > 0 {
            gemm(nl, k, c1, (&w.u2, ldu2, ldu2), (&q, ldq, 1), (u, ld, uo), false);
            if c3 > 0 {
                let kt = 2 + c1 + c2;
                gemm(
                    nl,
                    k,
                    c3,
                    (&w.u2, ldu2, (kt - 1) * ldu2),
                    (&q, ldq, kt - 1),
                    (u, ld, uo),
                    true,
                );
            }
        } else if c3 > 0 {
            let kt = 2 + c1 + c2;
            gemm(
                nl,
                k,
                c3,
                (&w.u2, ldu2, (kt - 1) * ldu2),
                (&q, ldq, kt - 1),
                (u, ld, uo),
                false,
            );
        } else {
            for j in 0..k {
                u[uo + j * ld..uo + j * ld + nl].copy_from_slice(&w.u2[j * ldu2..j * ldu2 + nl]);
            }
        }
        for j in 0..k {
            u[uo + nl + j * ld] = q[j * ldq];
        }
        let kt = 2 + c1;
        let ct = c2 + c3;
        gemm(
            nr,
            k,
            ct,
            (&w.u2, ldu2, (nlp2 - 1) + (kt - 1) * ldu2),
            (&q, ldq, kt - 1),
            (u, ld, uo + nlp2 - 1),
            false,
        );
    }
    // the right singular vectors of the deflated problem
    for i in 1..=k {
        let temp = dnrm2(&vw[(i - 1) * k..i * k]);
        qm!(i, 1) = vwm!(1, i) / temp;
        for j in 2..=k {
            let jc = w.idxc[j - 1];
            qm!(i, j) = vwm!(jc, i) / temp;
        }
    }
    // VT = Q VT2
    if k == 2 {
        gemm(k, m, k, (&q, ldq, 0), (&w.vt2, ldvt2, 0), (vt, ld, uo), false);
        return Ok(());
    }
    let kt = 1 + c1;
    gemm(k, nlp1, kt, (&q, ldq, 0), (&w.vt2, ldvt2, 0), (vt, ld, uo), false);
    let kt = 2 + c1 + c2;
    if kt <= ldvt2 {
        gemm(
            k,
            nlp1,
            c3,
            (&q, ldq, (kt - 1) * ldq),
            (&w.vt2, ldvt2, kt - 1),
            (vt, ld, uo),
            true,
        );
    }
    let kt = c1 + 1;
    let nrp1 = nr + sqre;
    if kt > 1 {
        for i in 0..k {
            q[i + (kt - 1) * ldq] = q[i];
        }
        for i in nlp2..=m {
            w.vt2[(kt - 1) + (i - 1) * ldvt2] = w.vt2[(i - 1) * ldvt2];
        }
    }
    let ct = 1 + c2 + c3;
    gemm(
        k,
        nrp1,
        ct,
        (&q, ldq, (kt - 1) * ldq),
        (&w.vt2, ldvt2, (kt - 1) + (nlp2 - 1) * ldvt2),
        (vt, ld, uo + (nlp2 - 1) * ld),
        false,
    );
    Ok(())
}

/// `dlasd5`: the `i`-th (1 or 2) root of the 2-pole secular equation
/// `1/rho + z1^2/(d1^2 - s^2) + z2^2/(d2^2 - s^2) = 0`; fills
/// `delta = d - sigma`, `work = d + sigma`.
fn dlasd5(i: usize, d: &[f64], z: &[f64], delta: &mut [f64], rho: f64, work: &mut [f64]) -> f64 {
    let del = d[1] - d[0];
    let delsq = del * (d[1] + d[0]);
    if i == 1 {
        let w =
            1.0 + 4.0 * rho * (z[1] * z[1] / (d[0] + 3.0 * d[1]) - z[0] * z[0] / (3.0 * d[0] + d[1])) / del;
        if w > 0.0 {
            let b = delsq + rho * (z[0] * z[0] + z[1] * z[1]);
            let c = rho * z[0] * z[0] * delsq;
            let tau = 2.0 * c / (b + (b * b - 4.0 * c).abs().sqrt());
            let tau = tau / (d[0] + (d[0] * d[0] + tau).sqrt());
            delta[0] = -tau;
            delta[1] = del - tau;
            work[0] = 2.0 * d[0] + tau;
            work[1] = (d[0] + tau) + d[1];
            d[0] + tau
        } else {
            let b = -delsq + rho * (z[0] * z[0] + z[1] * z[1]);
            let c = rho * z[1] * z[1] * delsq;
            let tau = if b > 0.0 {
                -2.0 * c / (b + (b * b + 4.0 * c).sqrt())
            } else {
                (b - (b * b + 4.0 * c).sqrt()) / 2.0
            };
            let tau = tau / (d[1] + (d[1] * d[1] + tau).abs().sqrt());
            delta[0] = -(del + tau);
            delta[1] = -tau;
            work[0] = d[0] + tau + d[1];
            work[1] = 2.0 * d[1] + tau;
            d[1] + tau
        }
    } else {
        let b = -delsq + rho * (z[0] * z[0] + z[1] * z[1]);
        let c = rho * z[1] * z[1] * delsq;
        let tau = if b > 0.0 {
            (b + (b * b + 4.0 * c).sqrt()) / 2.0
        } else {
            2.0 * c / (-b + (b * b + 4.0 * c).sqrt())
        };
        let tau = tau / (d[1] + (d[1] * d[1] + tau).sqrt());
        delta[0] = -(del + tau);
        delta[1] = -tau;
        work[0] = d[0] + tau + d[1];
        work[1] = 2.0 * d[1] + tau;
        d[1] + tau
    }
}

/// `dlaed6`: one root of the 3-pole rational function
/// `finit + tau * sum(z / (d (d - tau)))`, by Gragg-Thornton-Warner's
/// cubically convergent scheme. `Err` if it did not converge.
pub(crate) fn dlaed6(
    kniter: usize,
    orgati: bool,
    rho: f64,
    d: &[f64; 3],
    z: &[f64; 3],
    finit: f64,
) -> Result<f64, ()> {
    const MAXIT: usize = 40;
    let (mut lbd, mut ubd) = if orgati { (d[1], d[2]) } else { (d[0], d[1]) };
    if finit < 0.0 {
        lbd = 0.0;
    } else {
        ubd = 0.0;
    }
    let mut tau = 0.0;
    if kniter == 2 {
        let (mut a, mut b, mut c);
        if orgati {
            let temp = (d[2] - d[1]) / 2.0;
            c = rho + z[0] / ((d[0] - d[1]) - temp);
            a = c * (d[1] + d[2]) + z[1] + z[2];
            b = c * d[1] * d[2] + z[1] * d[2] + z[2] * d[1];
        } else {
            let temp = (d[0] - d[1]) / 2.0;
            c = rho + z[2] / ((d[2] - d[1]) - temp);
            a = c * (d[0] + d[1]) + z[0] + z[1];
            b = c * d[0] * d[1] + z[0] * d[1] + z[1] * d[0];
        }
        let temp = a.abs().max(b.abs()).max(c.abs());
        a /= temp;
        b /= temp;
        c /= temp;
        tau = if c == 0.0 {
            b / a
        } else if a <= 0.0 {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        } else {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        };
        if tau < lbd || tau > ubd {
            tau = (lbd + ubd) / 2.0;
        }
        if d[0] == tau || d[1] == tau || d[2] == tau {
            tau = 0.0;
        } else {
            let temp = finit
                + tau * z[0] / (d[0] * (d[0] - tau))
                + tau * z[1] / (d[1] * (d[1] - tau))
                + tau * z[2] / (d[2] * (d[2] - tau));
            if temp <= 0.0 {
                lbd = tau;
            } else {
                ubd = tau;
            }
            if finit.abs() <= temp.abs() {
                tau = 0.0;
            }
        }
    }
    let eps = EPS;
    // base ** int(log(safmin) / log(base) / 3) = 2^-340
    let small1 = 2f64.powi(((f64::MIN_POSITIVE.ln() / 2f64.ln()) / 3.0) as i32);
    let sminv1 = 1.0 / small1;
    let small2 = small1 * small1;
    let sminv2 = sminv1 * sminv1;
    let temp = if orgati {
        (d[1] - tau).abs().min((d[2] - tau).abs())
    } else {
        (d[0] - tau).abs().min((d[1] - tau).abs())
    };
    let mut dscale = *d;
    let mut zscale = *z;
    let mut sclinv = 1.0;
    let scale = temp <= small1;
    if scale {
        let sclfac;
        (sclfac, sclinv) = if temp <= small2 {
            (sminv2, small2)
        } else {
            (sminv1, small1)
        };
        for i in 0..3 {
            dscale[i] = d[i] * sclfac;
            zscale[i] = z[i] * sclfac;
        }
        tau *= sclfac;
        lbd *= sclfac;
        ubd *= sclfac;
    }
    let (mut fc, mut df, mut ddf) = (0.0, 0.0, 0.0);
    for i in 0..3 {
        let temp = 1.0 / (dscale[i] - tau);
        let temp1 = zscale[i] * temp;
        let temp2 = temp1 * temp;
        let temp3 = temp2 * temp;
        fc += temp1 / dscale[i];
        df += temp2;
        ddf += temp3;
    }
    let mut f = finit + tau * fc;
    let unscale = |t: f64| if scale { t * sclinv } else { t };
    if f.abs() <= 0.0 {
        return Ok(unscale(tau));
    }
    if f <= 0.0 {
        lbd = tau;
    } else {
        ubd = tau;
    }
    for _niter in 2..=MAXIT {
        let (temp1, temp2) = if orgati {
            (dscale[1] - tau, dscale[2] - tau)
        } else {
            (dscale[0] - tau, dscale[1] - tau)
        };
        let mut a = (temp1 + temp2) * f - temp1 * temp2 * df;
        let mut b = temp1 * temp2 * f;
        let mut c = f - (temp1 + temp2) * df + temp1 * temp2 * ddf;
        let temp = a.abs().max(b.abs()).max(c.abs());
        a /= temp;
        b /= temp;
        c /= temp;
        let mut eta = if c == 0.0 {
            b / a
        } else if a <= 0.0 {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        } else {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        };
        if f * eta >= 0.0 {
            eta = -f / df;
        }
        tau += eta;
        if tau < lbd || tau > ubd {
            tau = (lbd + ubd) / 2.0;
        }
        fc = 0.0;
        let mut erretm = 0.0;
        df = 0.0;
        ddf = 0.0;
        for i in 0..3 {
            if dscale[i] - tau != 0.0 {
                let temp = 1.0 / (dscale[i] - tau);
                let temp1 = zscale[i] * temp;
                let temp2 = temp1 * temp;
                let temp3 = temp2 * temp;
                let temp4 = temp1 / dscale[i];
                fc += temp4;
                erretm += temp4.abs();
                df += temp2;
                ddf += temp3;
            } else {
                return Ok(unscale(tau));
            }
        }
        f = finit + tau * fc;
        erretm = 8.0 * (finit.abs() + tau.abs() * erretm) + tau.abs() * df;
        if f.abs() <= eps * erretm {
            return Ok(unscale(tau));
        }
        if f <= 0.0 {
            lbd = tau;
        } else {
            ubd = tau;
        }
    }
    Err(())
}

/// The two-pole step of `dlasd4` (for `swtch3` false, or when `dlaed6`
/// fails); `tii = z(ii) / (work(ii) delta(ii))` is used when `swtch`.
fn two_pole(
    orgati: bool,
    swtch: bool,
    w: f64,
    dw: f64,
    dpsi: &mut f64,
    dphi: &mut f64,
    dtisq: f64,
    dtipsq: f64,
    delsq: f64,
    zi: f64,
    zip1: f64,
    tii: f64,
) -> f64 {
    let c = if !swtch {
        if orgati {
            let t = zi / dtisq;
            w - dtipsq * dw + delsq * (t * t)
        } else {
            let t = zip1 / dtipsq;
            w - dtisq * dw - delsq * (t * t)
        }
    } else {
        if orgati {
            *dpsi += tii * tii;
        } else {
            *dphi += tii * tii;
        }
        w - dtisq * *dpsi - dtipsq * *dphi
    };
    let mut a = (dtipsq + dtisq) * w - dtipsq * dtisq * dw;
    let b = dtipsq * dtisq * w;
    if c == 0.0 {
        if a == 0.0 {
            a = if !swtch {
                if orgati {
                    zi * zi + dtipsq * dtipsq * (*dpsi + *dphi)
                } else {
                    zip1 * zip1 + dtisq * dtisq * (*dpsi + *dphi)
                }
            } else {
                dtisq * dtisq * *dpsi + dtipsq * dtipsq * *dphi
            };
        }
        b / a
    } else if a <= 0.0 {
        (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
    } else {
        2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
    }
}

/// `dlasd4`: the `i`-th (1-based) singular value `sigma` of the
/// `n x n` problem `diag(d) + z e1^T` scaled by `rho` (the `i`-th root of
/// `1/rho + sum z_j^2 / (d_j^2 - sigma^2)`, `d` increasing); fills
/// `delta = d - sigma` and `work = d + sigma` (each without cancellation).
/// `Err` if it did not converge (LAPACK's INFO = 1).
fn dlasd4(
    n: usize,
    i: usize,
    d: &[f64],
    z: &[f64],
    delta: &mut [f64],
    rho: f64,
    work: &mut [f64],
) -> Result<f64, ()> {
    const MAXIT: usize = 64;
    macro_rules! dd {
        ($j:expr) => {
            d[($j) - 1]
        };
    }
    macro_rules! zz {
        ($j:expr) => {
            z[($j) - 1]
        };
    }
    macro_rules! de {
        ($j:expr) => {
            delta[($j) - 1]
        };
    }
    macro_rules! wk {
        ($j:expr) => {
            work[($j) - 1]
        };
    }
    if n == 1 {
        let sigma = (dd!(1) * dd!(1) + rho * zz!(1) * zz!(1)).sqrt();
        de!(1) = 1.0;
        wk!(1) = 1.0;
        return Ok(sigma);
    }
    if n == 2 {
        return Ok(dlasd5(i, d, z, delta, rho, work));
    }
    let eps = EPS;
    let rhoinv = 1.0 / rho;
    let tau2;
    if i == n {
        // the largest singular value
        let ii = n - 1;
        let temp = rho / 2.0;
        let temp1 = temp / (dd!(n) + (dd!(n) * dd!(n) + temp).sqrt());
        for j in 1..=n {
            wk!(j) = dd!(j) + dd!(n) + temp1;
            de!(j) = (dd!(j) - dd!(n)) - temp1;
        }
        let mut psi = 0.0;
        for j in 1..=n - 2 {
            psi += zz!(j) * zz!(j) / (de!(j) * wk!(j));
        }
        let c = rhoinv + psi;
        let w = c + zz!(ii) * zz!(ii) / (de!(ii) * wk!(ii)) + zz!(n) * zz!(n) / (de!(n) * wk!(n));
        let mut tau;
        let quad = |c: f64| {
            let delsq = (dd!(n) - dd!(n - 1)) * (dd!(n) + dd!(n - 1));
            let a = -c * delsq + zz!(n - 1) * zz!(n - 1) + zz!(n) * zz!(n);
            let b = zz!(n) * zz!(n) * delsq;
            if a < 0.0 {
                2.0 * b / ((a * a + 4.0 * b * c).sqrt() - a)
            } else {
                (a + (a * a + 4.0 * b * c).sqrt()) / (2.0 * c)
            }
        };
        if w <= 0.0 {
            let temp1 = (dd!(n) * dd!(n) + rho).sqrt();
            let temp = zz!(n - 1) * zz!(n - 1)
                / ((dd!(n - 1) + temp1) * (dd!(n) - dd!(n - 1) + rho / (dd!(n) + temp1)))
                + zz!(n) * zz!(n) / rho;
            if c <= temp {
                tau = rho;
            } else {
                tau2 = quad(c);
                tau = tau2 / (dd!(n) + (dd!(n) * dd!(n) + tau2).sqrt());
            }
        } else {
            tau2 = quad(c);
            tau = tau2 / (dd!(n) + (dd!(n) * dd!(n) + tau2).sqrt());
        }
        let mut sigma = dd!(n) + tau;
        for j in 1..=n {
            de!(j) = (dd!(j) - dd!(n)) - tau;
            wk!(j) = dd!(j) + dd!(n) + tau;
        }
        // psi, phi and their derivatives
        let eval = |delta: &[f64], work: &[f64]| {
            let (mut dpsi, mut psi, mut erretm) = (0.0, 0.0, 0.0);
            for j in 0..ii {
                let temp = z[j] / (work[j] * delta[j]);
                psi += z[j] * temp;
                dpsi += temp * temp;
                erretm += psi;
            }
            let erretm: f64 = erretm.abs();
            let tau2 = work[n - 1] * delta[n - 1];
            let temp = z[n - 1] / tau2;
            let phi = z[n - 1] * temp;
            let dphi = temp * temp;
            let erretm = 8.0 * (-phi - psi) + erretm - phi + rhoinv;
            let w = rhoinv + phi + psi;
            (w, erretm, dpsi, dphi)
        };
        let (mut w, mut erretm, mut dpsi, mut dphi) = eval(delta, work);
        if w.abs() <= eps * erretm {
            return Ok(sigma);
        }
        // first step
        let dtnsq1 = wk!(n - 1) * de!(n - 1);
        let dtnsq = wk!(n) * de!(n);
        let mut c = w - dtnsq1 * dpsi - dtnsq * dphi;
        let a = (dtnsq + dtnsq1) * w - dtnsq * dtnsq1 * (dpsi + dphi);
        let b = dtnsq * dtnsq1 * w;
        if c < 0.0 {
            c = c.abs();
        }
        let mut eta = if c == 0.0 {
            rho - sigma * sigma
        } else if a >= 0.0 {
            (a + (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        } else {
            2.0 * b / (a - (a * a - 4.0 * b * c).abs().sqrt())
        };
        if w * eta > 0.0 {
            eta = -w / (dpsi + dphi);
        }
        let temp = eta - dtnsq;
        if temp > rho {
            eta = rho + dtnsq;
        }
        eta /= sigma + (eta + sigma * sigma).sqrt();
        tau += eta;
        sigma += eta;
        for j in 1..=n {
            de!(j) -= eta;
            wk!(j) += eta;
        }
        (w, erretm, dpsi, dphi) = eval(delta, work);
        for _niter in 3..=MAXIT {
            if w.abs() <= eps * erretm {
                return Ok(sigma);
            }
            let dtnsq1 = wk!(n - 1) * de!(n - 1);
            let dtnsq = wk!(n) * de!(n);
            let c = w - dtnsq1 * dpsi - dtnsq * dphi;
            let a = (dtnsq + dtnsq1) * w - dtnsq1 * dtnsq * (dpsi + dphi);
            let b = dtnsq1 * dtnsq * w;
            let mut eta = if a >= 0.0 {
                (a + (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
            } else {
                2.0 * b / (a - (a * a - 4.0 * b * c).abs().sqrt())
            };
            if w * eta > 0.0 {
                eta = -w / (dpsi + dphi);
            }
            let temp = eta - dtnsq;
            if temp <= 0.0 {
                eta /= 2.0;
            }
            eta /= sigma + (eta + sigma * sigma).sqrt();
            tau += eta;
            sigma += eta;
            for j in 1..=n {
                de!(j) -= eta;
                wk!(j) += eta;
            }
            (w, erretm, dpsi, dphi) = eval(delta, work);
        }
        let _ = tau;
        return Err(());
    }
    // the case i < n
    let mut niter = 1;
    let ip1 = i + 1;
    let delsq = (dd!(ip1) - dd!(i)) * (dd!(ip1) + dd!(i));
    let delsq2 = delsq / 2.0;
    let sq2 = ((dd!(i) * dd!(i) + dd!(ip1) * dd!(ip1)) / 2.0).sqrt();
    let temp = delsq2 / (dd!(i) + sq2);
    for j in 1..=n {
        wk!(j) = dd!(j) + dd!(i) + temp;
        de!(j) = (dd!(j) - dd!(i)) - temp;
    }
    let mut psi = 0.0;
    for j in 1..i {
        psi += zz!(j) * zz!(j) / (wk!(j) * de!(j));
    }
    let mut phi = 0.0;
    for j in (i + 2..=n).rev() {
        phi += zz!(j) * zz!(j) / (wk!(j) * de!(j));
    }
    let c = rhoinv + psi + phi;
    let w = c + zz!(i) * zz!(i) / (wk!(i) * de!(i)) + zz!(ip1) * zz!(ip1) / (wk!(ip1) * de!(ip1));
    let mut geomavg = false;
    let orgati;
    let ii;
    let (mut sglb, mut sgub);
    let mut tau;
    if w > 0.0 {
        // d(i)^2 < sigma^2 < (d(i)^2 + d(i+1)^2) / 2: origin d(i)
        orgati = true;
        ii = i;
        sglb = 0.0;
        sgub = delsq2 / (dd!(i) + sq2);
        let a = c * delsq + zz!(i) * zz!(i) + zz!(ip1) * zz!(ip1);
        let b = zz!(i) * zz!(i) * delsq;
        tau2 = if a > 0.0 {
            2.0 * b / (a + (a * a - 4.0 * b * c).abs().sqrt())
        } else {
            (a - (a * a - 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        };
        tau = tau2 / (dd!(i) + (dd!(i) * dd!(i) + tau2).sqrt());
        let temp = eps.sqrt();
        if dd!(i) <= temp * dd!(ip1) && zz!(i).abs() <= temp && dd!(i) > 0.0 {
            tau = (10.0 * dd!(i)).min(sgub);
            geomavg = true;
        }
    } else {
        // origin d(i+1)
        orgati = false;
        ii = ip1;
        sglb = -delsq2 / (dd!(ii) + sq2);
        sgub = 0.0;
        let a = c * delsq - zz!(i) * zz!(i) - zz!(ip1) * zz!(ip1);
        let b = zz!(ip1) * zz!(ip1) * delsq;
        tau2 = if a < 0.0 {
            2.0 * b / (a - (a * a + 4.0 * b * c).abs().sqrt())
        } else {
            -(a + (a * a + 4.0 * b * c).abs().sqrt()) / (2.0 * c)
        };
        tau = tau2 / (dd!(ip1) + (dd!(ip1) * dd!(ip1) + tau2).abs().sqrt());
    }
    let mut sigma = dd!(ii) + tau;
    for j in 1..=n {
        wk!(j) = dd!(j) + dd!(ii) + tau;
        de!(j) = (dd!(j) - dd!(ii)) - tau;
    }
    let iim1 = ii - 1;
    let iip1 = ii + 1;
    // psi over 1..ii-1, phi over ii+1..n (from the end), and w
    let eval = |delta: &[f64], work: &[f64]| {
        let (mut dpsi, mut psi, mut erretm) = (0.0, 0.0, 0.0);
        for j in 0..iim1 {
            let temp = z[j] / (work[j] * delta[j]);
            psi += z[j] * temp;
            dpsi += temp * temp;
            erretm += psi;
        }
        let mut erretm: f64 = erretm.abs();
        let (mut dphi, mut phi) = (0.0, 0.0);
        for j in (iip1 - 1..n).rev() {
            let temp = z[j] / (work[j] * delta[j]);
            phi += z[j] * temp;
            dphi += temp * temp;
            erretm += phi;
        }
        (psi, dpsi, phi, dphi, erretm)
    };
    let (mut psi, mut dpsi, mut phi, mut dphi, mut erretm) = eval(delta, work);
    let mut w = rhoinv + phi + psi;
    let mut swtch3 = if orgati { w < 0.0 } else { w > 0.0 };
    if ii == 1 || ii == n {
        swtch3 = false;
    }
    let temp = zz!(ii) / (wk!(ii) * de!(ii));
    let mut dw = dpsi + dphi + temp * temp;
    let temp = zz!(ii) * temp;
    w += temp;
    erretm = 8.0 * (phi - psi) + erretm + 2.0 * rhoinv + 3.0 * temp.abs();
    if w.abs() <= eps * erretm {
        return Ok(sigma);
    }
    if w <= 0.0 {
        sglb = sglb.max(tau);
    } else {
        sgub = sgub.min(tau);
    }
    niter += 1;
    let mut swtch = false;
    // the step: two-pole or (swtch3) three-pole interpolation; the first
    // step (niter = 2) uses swtch = false
    let mut first = true;
    let mut prew;
    loop {
        let mut eta;
        let tii = zz!(ii) / (wk!(ii) * de!(ii));
        if !swtch3 {
            let dtipsq = wk!(ip1) * de!(ip1);
            let dtisq = wk!(i) * de!(i);
            eta = two_pole(
                orgati,
                swtch,
                w,
                dw,
                &mut dpsi,
                &mut dphi,
                dtisq,
                dtipsq,
                delsq,
                zz!(i),
                zz!(ip1),
                tii,
            );
        } else {
            let dtiim = wk!(iim1) * de!(iim1);
            let dtiip = wk!(iip1) * de!(iip1);
            let temp = rhoinv + psi + phi;
            let (c, zz1, zz3);
            if swtch {
                c = temp - dtiim * dpsi - dtiip * dphi;
                zz1 = dtiim * dtiim * dpsi;
                zz3 = dtiip * dtiip * dphi;
            } else if orgati {
                let temp1 = zz!(iim1) / dtiim;
                let temp1 = temp1 * temp1;
                let temp2 = (dd!(iim1) - dd!(iip1)) * (dd!(iim1) + dd!(iip1)) * temp1;
                c = temp - dtiip * (dpsi + dphi) - temp2;
                zz1 = zz!(iim1) * zz!(iim1);
                zz3 = if dpsi < temp1 {
                    dtiip * dtiip * dphi
                } else {
                    dtiip * dtiip * ((dpsi - temp1) + dphi)
                };
            } else {
                let temp1 = zz!(iip1) / dtiip;
                let temp1 = temp1 * temp1;
                let temp2 = (dd!(iip1) - dd!(iim1)) * (dd!(iim1) + dd!(iip1)) * temp1;
                c = temp - dtiim * (dpsi + dphi) - temp2;
                zz1 = if dphi < temp1 {
                    dtiim * dtiim * dpsi
                } else {
                    dtiim * dtiim * (dpsi + (dphi - temp1))
                };
                zz3 = zz!(iip1) * zz!(iip1);
            }
            let zzv = [zz1, zz!(ii) * zz!(ii), zz3];
            let ddv = [dtiim, de!(ii) * wk!(ii), dtiip];
            match dlaed6(niter, orgati, c, &ddv, &zzv, w) {
                Ok(e) => eta = e,
                Err(()) => {
                    // back to two-pole interpolation
                    swtch3 = false;
                    let dtipsq = wk!(ip1) * de!(ip1);
                    let dtisq = wk!(i) * de!(i);
                    eta = two_pole(
                        orgati,
                        swtch,
                        w,
                        dw,
                        &mut dpsi,
                        &mut dphi,
                        dtisq,
                        dtipsq,
                        delsq,
                        zz!(i),
                        zz!(ip1),
                        tii,
                    );
                }
            }
        }
        if w * eta >= 0.0 {
            eta = -w / dw;
        }
        eta /= sigma + (sigma * sigma + eta).sqrt();
        let temp = tau + eta;
        if temp > sgub || temp < sglb {
            eta = if w < 0.0 {
                (sgub - tau) / 2.0
            } else {
                (sglb - tau) / 2.0
            };
            if geomavg {
                if w < 0.0 {
                    if tau > 0.0 {
                        eta = (sgub * tau).sqrt() - tau;
                    }
                } else if sglb > 0.0 {
                    eta = (sglb * tau).sqrt() - tau;
                }
            }
        }
        prew = w;
        tau += eta;
        sigma += eta;
        for j in 1..=n {
            wk!(j) += eta;
            de!(j) -= eta;
        }
        (psi, dpsi, phi, dphi, erretm) = eval(delta, work);
        let tau2 = wk!(ii) * de!(ii);
        let temp = zz!(ii) / tau2;
        dw = dpsi + dphi + temp * temp;
        let temp = zz!(ii) * temp;
        w = rhoinv + phi + psi + temp;
        erretm = 8.0 * (phi - psi) + erretm + 2.0 * rhoinv + 3.0 * temp.abs();
        if first {
            first = false;
            swtch = if orgati {
                -w > prew.abs() / 10.0
            } else {
                w > prew.abs() / 10.0
            };
        } else if w * prew > 0.0 && w.abs() > prew.abs() / 10.0 {
            swtch = !swtch;
        }
        niter += 1;
        if niter > MAXIT {
            return Err(());
        }
        // convergence test of the main loop
        if w.abs() <= eps * erretm {
            return Ok(sigma);
        }
        if w <= 0.0 {
            sglb = sglb.max(tau);
        } else {
            sgub = sgub.min(tau);
        }
    }
}

/// `dbdsdc('U', 'I')` for `n > SMLSIZ`: the SVD of the upper bidiagonal
/// `(d, e)` by divide and conquer; `d` ends decreasing, returns `(u, vt)`
/// column-major. `Err` if the secular equation or a leaf's QR did not
/// converge.
pub(crate) fn dbdsdc_dc(d: &mut [f64], e: &mut [f64], n: usize) -> Result<(Vec<f64>, Vec<f64>), ()> {
    let mut u = vec![0.0; n * n];
    let mut vt = vec![0.0; n * n];
    for i in 0..n {
        u[i + i * n] = 1.0;
        vt[i + i * n] = 1.0;
    }
    // dlanst('M')
    let orgnrm = d.iter().chain(e.iter()).fold(0.0f64, |m, v| m.max(v.abs()));
    if orgnrm == 0.0 {
        return Ok((u, vt));
    }
    let mul = 1.0 / orgnrm;
    d.iter_mut().for_each(|v| *v *= mul);
    e.iter_mut().for_each(|v| *v *= mul);
    let eps = 0.9 * EPS;
    for v in d.iter_mut() {
        if v.abs() < eps {
            *v = sign(eps, *v);
        }
    }
    let nm1 = n - 1;
    let mut start = 1;
    for i in 1..=nm1 {
        if e[i - 1].abs() < eps || i == nm1 {
            let nsize = if i < nm1 {
                i - start + 1
            } else if e[i - 1].abs() >= eps {
                n - start + 1
            } else {
                u[(n - 1) + (n - 1) * n] = sign(1.0, d[n - 1]);
                vt[(n - 1) + (n - 1) * n] = 1.0;
                d[n - 1] = d[n - 1].abs();
                i - start + 1
            };
            dlasd0(
                nsize,
                0,
                &mut d[start - 1..],
                &mut e[start - 1..],
                &mut u,
                &mut vt,
                n,
                start - 1,
            )?;
            start = i + 1;
        }
    }
    d.iter_mut().for_each(|v| *v *= orgnrm);
    sort_decreasing(d, &mut u, &mut vt, n);
    Ok((u, vt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_permutation_and_tree() {
        // ascending run then descending run
        let a = [1.0, 4.0, 5.0, 3.0, 2.0];
        let mut idx = [0; 5];
        dlamrg(3, 2, &a, 1, -1, &mut idx);
        assert_eq!(idx, [1, 5, 4, 2, 3]);
        dlamrg(3, 0, &a, 1, -1, &mut idx);
        assert_eq!(&idx[..3], &[1, 2, 3]);
        // 60 rows, leaves of at most 25: two levels, centre row 31
        let t = dlasdt(60, SMLSIZ);
        assert_eq!((t.nlvl, t.nd), (2, 3));
        assert_eq!((t.inode[0], t.ndiml[0], t.ndimr[0]), (31, 30, 29));
        assert_eq!((t.inode[1], t.ndiml[1], t.ndimr[1]), (16, 15, 14));
        assert_eq!((t.inode[2], t.ndiml[2], t.ndimr[2]), (46, 14, 14));
    }

    /// The secular function at a root: `1/rho + sum z_j^2 / (delta_j work_j)`.
    fn secular(z: &[f64], delta: &[f64], work: &[f64], rho: f64) -> f64 {
        1.0 / rho
            + z.iter()
                .zip(delta)
                .zip(work)
                .map(|((z, d), w)| z * z / (d * w))
                .sum::<f64>()
    }

    #[test]
    fn secular_equation_roots() {
        // scipy.linalg.lapack.dlasd4(i - 1, d, z, rho) (SciPy 1.17.1's
        // OpenBLAS) for d = [0.5, 1, 2, 3.5], z = [0.4, 0.5, 0.3, 0.7] / norm,
        // rho = 1.3
        let d = [0.5, 1.0, 2.0, 3.5];
        let nz = (0.16f64 + 0.25 + 0.09 + 0.49).sqrt();
        let z: Vec<f64> = [0.4, 0.5, 0.3, 0.7].iter().map(|v| v / nz).collect();
        let want = [
            0.6164303932810862,
            1.1657708460958403,
            2.031856756054084,
            3.596185482912371,
        ];
        let mut prev = 0.0;
        for i in 1..=4 {
            let (mut delta, mut work) = ([0.0; 4], [0.0; 4]);
            let s = dlasd4(4, i, &d, &z, &mut delta, 1.3, &mut work).unwrap();
            // LAPACK's own iteration: the same root to a few ulps
            assert!((s - want[i - 1]).abs() <= 4.0 * f64::EPSILON * s, "{i} {s}");
            // interlacing d_i < s_i < d_{i+1}, increasing roots
            assert!(s > d[i - 1] && s > prev);
            if i < 4 {
                assert!(s < d[i]);
            }
            prev = s;
            // a root of the secular function (relative to its terms, ~1e3)
            assert!(secular(&z, &delta, &work, 1.3).abs() < 1e-12 * 1e3, "{i}");
            for j in 0..4 {
                // delta = d - s and work = d + s to rounding
                assert!((delta[j] - (d[j] - s)).abs() < 1e-14);
                assert!((work[j] - (d[j] + s)).abs() < 1e-14);
            }
        }
        // two poles (dlasd5), both roots
        let (d2, z2) = ([0.3, 1.1], [0.6, 0.8]);
        let want = [0.5110544110858544, 1.3186445271223366]; // scipy's dlasd4
        for i in 1..=2 {
            let (mut delta, mut work) = ([0.0; 2], [0.0; 2]);
            let s = dlasd4(2, i, &d2, &z2, &mut delta, 0.7, &mut work).unwrap();
            // closed form in dlasd5: a few ulps
            assert!((s - want[i - 1]).abs() <= 4.0 * f64::EPSILON * s);
            assert!(secular(&z2, &delta, &work, 0.7).abs() < 1e-12 * 1e2);
            assert!(s > d2[i - 1]);
        }
        // one pole
        let (mut delta, mut work) = ([0.0; 1], [0.0; 1]);
        let s = dlasd4(1, 1, &[2.0], &[1.0], &mut delta, 5.0, &mut work).unwrap();
        assert_eq!(s, 3.0);
        // the three-pole rational root finder (d = [-1, 0.5, 2]: the first
        // term's d (d - t) is 1 + t)
        let t = dlaed6(2, true, 1.0, &[-1.0, 0.5, 2.0], &[0.3, 0.4, 0.5], -0.5).unwrap();
        let f = -0.5 + t * (0.3 / (1.0 + t) + 0.4 / (0.5 * (0.5 - t)) + 0.5 / (2.0 * (2.0 - t)));
        assert!(f.abs() < 1e-14, "{t} {f}");
    }
}
