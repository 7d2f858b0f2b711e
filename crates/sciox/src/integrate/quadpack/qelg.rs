//! Wynn's epsilon algorithm (QUADPACK `dqelg`) and the ordered error list
//! (QUADPACK `dqpsrt`), shared by the extrapolating integrators.

use super::{EPMACH, OFLOW};

/// The part of the epsilon table that is still needed (QUADPACK's
/// `rlist2`/`psum` of dimension `limexp + 2 = 52`), the last three
/// extrapolated results and the number of calls.
#[derive(Clone, Debug)]
pub(crate) struct EpsTable {
    pub tab: [f64; 52],
    res3la: [f64; 3],
    nres: usize,
}

impl EpsTable {
    pub(crate) fn new() -> Self {
        EpsTable {
            tab: [0.0; 52],
            res3la: [0.0; 3],
            nres: 0,
        }
    }

    /// Number of extrapolations performed so far.
    pub(crate) fn nres(&self) -> usize {
        self.nres
    }

    /// One step of the epsilon algorithm: `tab[*n]` holds the newest
    /// element of the first column (`n` is a 0-based index, updated when
    /// parts of the table are dropped). Returns the extrapolated limit and
    /// its error estimate.
    pub(crate) fn extrapolate(&mut self, n: &mut usize) -> (f64, f64) {
        let epstab = &mut self.tab;
        let starting_n = *n;
        self.nres += 1;
        let mut abserr = OFLOW;
        let mut result = epstab[*n];
        if *n < 2 {
            abserr = abserr.max(5.0 * EPMACH * result.abs());
            return (result, abserr);
        }
        const LIMEXP: usize = 49;
        epstab[*n + 2] = epstab[*n];
        let newelm = *n / 2;
        epstab[*n] = OFLOW;
        let mut k1 = *n;
        for i in 0..newelm {
            let k2 = k1 - 1;
            let k3 = k1 - 2;
            let res = epstab[k1 + 2];
            let e0 = epstab[k3];
            let e1 = epstab[k2];
            let e2 = res;
            let e1abs = e1.abs();
            let delta2 = e2 - e1;
            let err2 = delta2.abs();
            let tol2 = e2.abs().max(e1abs) * EPMACH;
            let delta3 = e1 - e0;
            let err3 = delta3.abs();
            let tol3 = e1abs.max(e0.abs()) * EPMACH;
            if !(err2 > tol2 || err3 > tol3) {
                // e0, e1 and e2 agree to machine accuracy: converged.
                let abserr = (err2 + err3).max(5.0 * EPMACH * res.abs());
                return (res, abserr);
            }
            let e3 = epstab[k1];
            epstab[k1] = e1;
            let delta1 = e1 - e3;
            let err1 = delta1.abs();
            let tol1 = e1abs.max(e3.abs()) * EPMACH;
            // Two elements very close to each other: omit part of the table.
            if err1 <= tol1 || err2 <= tol2 || err3 <= tol3 {
                *n = i + i;
                break;
            }
            let ss = 1.0 / delta1 + 1.0 / delta2 - 1.0 / delta3;
            let epsinf = (ss * e1).abs();
            // Irregular behaviour in the table: omit part of it.
            if !(epsinf > 1e-4) {
                *n = i + i;
                break;
            }
            let res = e1 + 1.0 / ss;
            epstab[k1] = res;
            k1 -= 2;
            let error = err2 + (res - e2).abs() + err3;
            if !(error > abserr) {
                abserr = error;
                result = res;
            }
        }
        // Shift the table.
        if *n == LIMEXP {
            *n = 2 * (LIMEXP / 2);
        }
        let rem = starting_n % 2;
        for i in 0..=newelm {
            epstab[2 * i + rem] = epstab[2 * i + 2 + rem];
        }
        if *n != starting_n {
            let mut indx = starting_n - *n;
            for i in 0..=*n {
                epstab[i] = epstab[indx];
                indx += 1;
            }
        }
        if self.nres < 4 {
            self.res3la[self.nres - 1] = result;
            abserr = OFLOW;
        } else {
            let r = &mut self.res3la;
            abserr = (result - r[2]).abs() + (result - r[1]).abs() + (result - r[0]).abs();
            r[0] = r[1];
            r[1] = r[2];
            r[2] = result;
        }
        abserr = abserr.max(5.0 * EPMACH * result.abs());
        (result, abserr)
    }
}

/// Maintains the descending ordering of the error estimates (QUADPACK
/// `dqpsrt`): inserts the two newest estimates (`elist[*maxerr]`, just
/// updated, and `elist[last - 1]`) into `iord` and returns the index and
/// value of the `nrmax`-th largest error.
pub(crate) fn qpsrt(
    limit: usize,
    last: usize,
    maxerr: &mut usize,
    ermax: &mut f64,
    elist: &[f64],
    iord: &mut [usize],
    nrmax: &mut usize,
) {
    if last <= 2 {
        iord[0] = 0;
        iord[1] = 1;
        *maxerr = iord[*nrmax];
        *ermax = elist[*maxerr];
        return;
    }
    // Only executed when subdivision increased the error estimate (a
    // difficult integrand); normally insertion starts after nrmax.
    let errmax = elist[*maxerr];
    while *nrmax > 0 && errmax > elist[iord[*nrmax - 1]] {
        iord[*nrmax] = iord[*nrmax - 1];
        *nrmax -= 1;
    }
    // Number of elements kept in descending order: depends on how many
    // subdivisions are still allowed.
    let jupbn = if last > limit / 2 + 2 {
        limit + 2 - last
    } else {
        last - 1
    };
    let errmin = elist[last - 1];
    // Insert errmax top-down, starting after iord[nrmax].
    let jbnd = jupbn - 1;
    let ibeg = *nrmax + 1;
    let mut found = None;
    if ibeg <= jbnd {
        for i in ibeg..=jbnd {
            if errmax >= elist[iord[i]] {
                found = Some(i);
                break;
            }
            iord[i - 1] = iord[i];
        }
    }
    match found {
        None => {
            iord[jbnd] = *maxerr;
            iord[jupbn] = last - 1;
        }
        Some(i) => {
            // Insert errmin bottom-up.
            iord[i - 1] = *maxerr;
            let mut k = jbnd;
            let mut placed = false;
            for _ in i..=jbnd {
                if errmin < elist[iord[k]] {
                    iord[k + 1] = last - 1;
                    placed = true;
                    break;
                }
                iord[k + 1] = iord[k];
                k -= 1;
            }
            if !placed {
                iord[i] = last - 1;
            }
        }
    }
    *maxerr = iord[*nrmax];
    *ermax = elist[*maxerr];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epsilon_algorithm_accelerates_a_geometric_series() {
        // Partial sums of sum 0.5^k converge linearly to 2; the epsilon
        // algorithm finds the limit from a few terms.
        let mut t = EpsTable::new();
        let mut s = 0.0;
        let mut n = 0usize;
        let mut last = (0.0, 0.0);
        for k in 0..8 {
            s += 0.5f64.powi(k);
            if k > 0 {
                n += 1;
            }
            t.tab[n] = s;
            last = t.extrapolate(&mut n);
        }
        assert!((last.0 - 2.0).abs() < 1e-12, "{last:?}");
    }

    #[test]
    fn qpsrt_keeps_descending_order() {
        let limit = 50;
        let mut elist = vec![0.0; limit];
        let mut iord = vec![0usize; limit];
        let (mut maxerr, mut ermax, mut nrmax) = (0usize, 0.0, 0usize);
        // After the first bisection the larger error sits at index 0.
        elist[0] = 3.0;
        elist[1] = 1.0;
        qpsrt(limit, 2, &mut maxerr, &mut ermax, &elist, &mut iord, &mut nrmax);
        // Bisect interval maxerr (index given by iord[0] = 0 here).
        elist[0] = 2.0;
        elist[2] = 0.5;
        qpsrt(limit, 3, &mut maxerr, &mut ermax, &elist, &mut iord, &mut nrmax);
        let errs: Vec<f64> = iord[..3].iter().map(|&i| elist[i]).collect();
        assert!(errs.windows(2).all(|w| w[0] >= w[1]), "{errs:?}");
    }
}
