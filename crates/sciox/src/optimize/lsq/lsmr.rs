//! LSMR (Fong & Saunders) for `min ||A x - b||` with `A` given by its
//! products, after SciPy's `scipy/sparse/linalg/_isolve/lsmr.py`. sciox has
//! no `sparse` module yet, so this is the solver `lsq_linear`'s
//! `lsq_solver='lsmr'` uses, kept crate-internal.

use super::common::norm;

/// What `lsmr` returns (SciPy's tuple; `normar`, `norma`, `conda`, `normx`
/// are kept for the tests and future public use).
#[allow(dead_code)]
pub(crate) struct LsmrOut {
    pub x: Vec<f64>,
    pub istop: u8,
    pub itn: usize,
    pub normr: f64,
    pub normar: f64,
    pub norma: f64,
    pub conda: f64,
    pub normx: f64,
}

/// SciPy's `_sym_ortho`: a stable Givens rotation `(c, s, r)` with
/// `[c s; -s c] [a; b] = [r; 0]`.
fn sym_ortho(a: f64, b: f64) -> (f64, f64, f64) {
    let sign = |v: f64| {
        if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            v
        }
    };
    if b == 0.0 {
        (sign(a), 0.0, a.abs())
    } else if a == 0.0 {
        (0.0, sign(b), b.abs())
    } else if b.abs() > a.abs() {
        let tau = a / b;
        let s = sign(b) / (1.0 + tau * tau).sqrt();
        let c = s * tau;
        (c, s, b / s)
    } else {
        let tau = b / a;
        let c = sign(a) / (1.0 + tau * tau).sqrt();
        let s = c * tau;
        (c, s, a / c)
    }
}

/// One Golub-Kahan step: `w <- (op - coef w) / |op - coef w|` (unscaled
/// when the norm is 0); returns the norm.
fn next_direction(w: &mut [f64], coef: f64, op: &[f64]) -> f64 {
    for (wi, a) in w.iter_mut().zip(op) {
        *wi = *wi * -coef + a;
    }
    let nrm = norm(w);
    if nrm > 0.0 {
        let inv = 1.0 / nrm;
        w.iter_mut().for_each(|t| *t *= inv);
    }
    nrm
}

/// Settings of [`lsmr`] (SciPy's keyword arguments; `x0` is not used by
/// `lsq_linear`).
pub(crate) struct LsmrSettings {
    pub damp: f64,
    pub atol: f64,
    pub btol: f64,
    pub conlim: f64,
    pub maxiter: Option<usize>,
}

impl Default for LsmrSettings {
    fn default() -> Self {
        LsmrSettings {
            damp: 0.0,
            atol: 1e-6,
            btol: 1e-6,
            conlim: 1e8,
            maxiter: None,
        }
    }
}

/// SciPy's `lsmr(A, b, damp, atol, btol, conlim, maxiter)` for the m×n
/// operator given by `matvec(x, out)` (`out = A x`, length m) and
/// `rmatvec(y, out)` (`out = A^T y`, length n), starting from `x = 0`.
pub(crate) fn lsmr(
    m: usize,
    n: usize,
    mut matvec: impl FnMut(&[f64], &mut [f64]),
    mut rmatvec: impl FnMut(&[f64], &mut [f64]),
    b: &[f64],
    s: &LsmrSettings,
) -> LsmrOut {
    let damp = s.damp;
    let (atol, btol) = (s.atol, s.btol);
    let maxiter = s.maxiter.unwrap_or(m.min(n));
    let mut u = b.to_vec();
    let normb = norm(b);
    let mut x = vec![0.0; n];
    let mut beta = normb;
    let mut v = vec![0.0; n];
    let mut alpha = 0.0;
    let mut av = vec![0.0; m];
    if beta > 0.0 {
        let inv = 1.0 / beta;
        u.iter_mut().for_each(|t| *t *= inv);
        rmatvec(&u, &mut v);
        alpha = norm(&v);
    }
    if alpha > 0.0 {
        let inv = 1.0 / alpha;
        v.iter_mut().for_each(|t| *t *= inv);
    }
    let mut itn = 0;
    let mut zetabar = alpha * beta;
    let mut alphabar = alpha;
    let (mut rho, mut rhobar, mut cbar, mut sbar) = (1.0, 1.0, 1.0, 0.0);
    let mut h = v.clone();
    let mut hbar = vec![0.0; n];
    let mut betadd = beta;
    let mut betad = 0.0;
    let mut rhodold = 1.0;
    let mut tautildeold = 0.0;
    let mut thetatilde = 0.0;
    let mut zeta = 0.0;
    let mut d = 0.0;
    let mut norma2 = alpha * alpha;
    let mut maxrbar = 0.0f64;
    let mut minrbar = 1e100f64;
    let mut norma = norma2.sqrt();
    let mut conda = 1.0;
    let mut normx = 0.0;
    let mut istop = 0;
    let ctol = if s.conlim > 0.0 { 1.0 / s.conlim } else { 0.0 };
    let mut normr = beta;
    let mut normar = alpha * beta;
    // x = 0 already solves the problem: SciPy returns before iterating
    let solved_at_start = normar == 0.0 || normb == 0.0;
    let mut atv = vec![0.0; n];
    while !solved_at_start && itn < maxiter {
        itn += 1;
        // bidiagonalisation: u = A v - alpha u, v = A^T u - beta v
        matvec(&v, &mut av);
        beta = next_direction(&mut u, alpha, &av);
        if beta > 0.0 {
            rmatvec(&u, &mut atv);
            alpha = next_direction(&mut v, beta, &atv);
        }
        // rotations
        let (chat, shat, alphahat) = sym_ortho(alphabar, damp);
        let rhoold = rho;
        let (c, sn, rho_new) = sym_ortho(alphahat, beta);
        rho = rho_new;
        let thetanew = sn * alpha;
        alphabar = c * alpha;
        let rhobarold = rhobar;
        let zetaold = zeta;
        let thetabar = sbar * rho;
        let rhotemp = cbar * rho;
        let (cb, sb, rb) = sym_ortho(cbar * rho, thetanew);
        (cbar, sbar, rhobar) = (cb, sb, rb);
        zeta = cbar * zetabar;
        zetabar *= -sbar;
        // h, hbar, x
        let fh = -(thetabar * rho / (rhoold * rhobarold));
        let fx = zeta / (rho * rhobar);
        let fnew = -(thetanew / rho);
        for i in 0..n {
            hbar[i] = hbar[i] * fh + h[i];
            x[i] += fx * hbar[i];
            h[i] = h[i] * fnew + v[i];
        }
        // estimate of ||r||
        let betaacute = chat * betadd;
        let betacheck = -shat * betadd;
        let betahat = c * betaacute;
        betadd = -sn * betaacute;
        let thetatildeold = thetatilde;
        let (ctildeold, stildeold, rhotildeold) = sym_ortho(rhodold, thetabar);
        thetatilde = stildeold * rhobar;
        rhodold = ctildeold * rhobar;
        betad = -stildeold * betad + ctildeold * betahat;
        tautildeold = (zetaold - thetatildeold * tautildeold) / rhotildeold;
        let taud = (zeta - thetatilde * tautildeold) / rhodold;
        d += betacheck * betacheck;
        normr = (d + (betad - taud).powi(2) + betadd * betadd).sqrt();
        // estimates of ||A||, cond(A), ||x||
        norma2 += beta * beta;
        norma = norma2.sqrt();
        norma2 += alpha * alpha;
        maxrbar = maxrbar.max(rhobarold);
        if itn > 1 {
            minrbar = minrbar.min(rhobarold);
        }
        conda = maxrbar.max(rhotemp) / minrbar.min(rhotemp);
        // stopping tests
        normar = zetabar.abs();
        normx = norm(&x);
        let test1 = normr / normb;
        let test2 = if norma * normr != 0.0 {
            normar / (norma * normr)
        } else {
            f64::INFINITY
        };
        let test3 = 1.0 / conda;
        let t1 = test1 / (1.0 + norma * normx / normb);
        let rtol = btol + atol * norma * normx / normb;
        if itn >= maxiter {
            istop = 7;
        }
        if 1.0 + test3 <= 1.0 {
            istop = 6;
        }
        if 1.0 + test2 <= 1.0 {
            istop = 5;
        }
        if 1.0 + t1 <= 1.0 {
            istop = 4;
        }
        if test3 <= ctol {
            istop = 3;
        }
        if test2 <= atol {
            istop = 2;
        }
        if test1 <= rtol {
            istop = 1;
        }
        if istop > 0 {
            break;
        }
    }
    LsmrOut {
        x,
        istop,
        itn,
        normr,
        normar,
        norma,
        conda,
        normx,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::optimize::lsq::common::{matvec, rmatvec};

    fn run(a: &[f64], m: usize, n: usize, b: &[f64], s: &LsmrSettings) -> LsmrOut {
        lsmr(m, n, |x, o| matvec(a, n, x, o), |y, o| rmatvec(a, n, y, o), b, s)
    }

    #[test]
    fn solves_a_consistent_square_system() {
        // [[4, 1], [1, 3]] x = [1, 2]: x = (1/11, 7/11)
        let s = LsmrSettings {
            atol: 1e-12,
            btol: 1e-12,
            ..Default::default()
        };
        let r = run(&[4.0, 1.0, 1.0, 3.0], 2, 2, &[1.0, 2.0], &s);
        // two Krylov steps solve a 2x2 system up to rounding
        assert!((r.x[0] - 1.0 / 11.0).abs() < 1e-14 && (r.x[1] - 7.0 / 11.0).abs() < 1e-14);
        assert_eq!(r.itn, 2);
        assert!(r.istop == 1 || r.istop == 4 || r.istop == 7, "istop {}", r.istop);
        assert!(r.normr < 1e-12 && r.normx > 0.0 && r.norma > 0.0 && r.conda >= 1.0);
    }

    #[test]
    fn least_squares_of_an_overdetermined_system() {
        // rows (1, 0), (0, 1), (1, 1); b = (1, 1, 0): normal equations give x = (1/3, 1/3)
        let s = LsmrSettings {
            atol: 1e-14,
            btol: 1e-14,
            ..Default::default()
        };
        let r = run(&[1.0, 0.0, 0.0, 1.0, 1.0, 1.0], 3, 2, &[1.0, 1.0, 0.0], &s);
        assert!((r.x[0] - 1.0 / 3.0).abs() < 1e-14 && (r.x[1] - 1.0 / 3.0).abs() < 1e-14);
        // normar: ||A^T r|| is (near) zero at the least-squares solution
        assert!(r.normar < 1e-12);
    }

    #[test]
    fn zero_rhs_returns_zero() {
        let r = run(&[1.0, 2.0, 3.0, 4.0], 2, 2, &[0.0, 0.0], &LsmrSettings::default());
        assert_eq!((r.x, r.istop, r.itn), (vec![0.0, 0.0], 0, 0));
    }

    #[test]
    fn sym_ortho_cases() {
        assert_eq!(sym_ortho(-2.0, 0.0), (-1.0, 0.0, 2.0));
        assert_eq!(sym_ortho(0.0, -3.0), (0.0, -1.0, 3.0));
        let (c, s, r) = sym_ortho(3.0, 4.0);
        assert!((c - 0.6).abs() < 1e-15 && (s - 0.8).abs() < 1e-15 && (r - 5.0).abs() < 1e-14);
    }
}
