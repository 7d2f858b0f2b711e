//! Poisson and binomial samplers (NumPy's `random_poisson` and
//! `random_binomial`, shared by Generator and the legacy RandomState).

use crate::random::BitGenerator;

/// `log(gamma(x))` by the SPECFUN series NumPy uses (`random_loggam`).
#[allow(clippy::excessive_precision)] // NumPy's coefficients, as written there
pub(crate) fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333333333333333e-02,
        -2.777777777777778e-03,
        7.936507936507937e-04,
        -5.952380952380952e-04,
        8.417508417508418e-04,
        -1.917526917526918e-03,
        6.410256410256410e-03,
        -2.955065359477124e-02,
        1.796443723688307e-01,
        -1.39243221690590e+00,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let mut x0 = x;
    let mut n = 0i64;
    if x <= 7.0 {
        n = (7.0 - x) as i64;
        x0 = x + n as f64;
    }
    let x2 = 1.0 / (x0 * x0);
    let xp = 2.0 * std::f64::consts::PI;
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * xp.ln() + (x0 - 0.5) * x0.ln() - x0;
    if x <= 7.0 {
        for _ in 1..=n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

fn poisson_mult<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    let enlam = (-lam).exp();
    let mut x = 0i64;
    let mut prod = 1.0;
    loop {
        prod *= bg.next_double();
        if prod > enlam {
            x += 1;
        } else {
            return x;
        }
    }
}

/// Hoermann's transformed rejection (PTRS) for `lam >= 10`.
fn poisson_ptrs<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let invalpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = bg.next_double() - 0.5;
        let v = bg.next_double();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor() as i64;
        if us >= 0.07 && v <= vr {
            return k;
        }
        if k < 0 || (us < 0.013 && v > us) {
            continue;
        }
        if v.ln() + invalpha.ln() - (a / (us * us) + b).ln()
            <= -lam + k as f64 * loglam - loggam(k as f64 + 1.0)
        {
            return k;
        }
    }
}

/// NumPy's `random_poisson`: multiplication for `lam < 10`, PTRS above.
#[inline]
pub(crate) fn poisson<B: BitGenerator + ?Sized>(bg: &mut B, lam: f64) -> i64 {
    if lam >= 10.0 {
        poisson_ptrs(bg, lam)
    } else if lam == 0.0 {
        0
    } else {
        poisson_mult(bg, lam)
    }
}

fn binomial_inversion<B: BitGenerator + ?Sized>(bg: &mut B, n: i64, p: f64) -> i64 {
    let q = 1.0 - p;
    let qn = (n as f64 * q.ln()).exp();
    let np = n as f64 * p;
    let bound = (n as f64).min(np + 10.0 * (np * q + 1.0).sqrt()) as i64;
    let mut x = 0i64;
    let mut px = qn;
    let mut u = bg.next_double();
    while u > px {
        x += 1;
        if x > bound {
            x = 0;
            px = qn;
            u = bg.next_double();
        } else {
            u -= px;
            px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
        }
    }
    x
}

/// Kachitvichyanukul and Schmeiser's BTPE, step for step as NumPy writes it.
fn binomial_btpe<B: BitGenerator + ?Sized>(bg: &mut B, n: i64, p: f64) -> i64 {
    let nf = n as f64;
    let r = p.min(1.0 - p);
    let q = 1.0 - r;
    let fm = nf * r + r;
    let m = fm.floor() as i64;
    let mf = m as f64;
    let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
    let xm = mf + 0.5;
    let xl = xm - p1;
    let xr = xm + p1;
    let c = 0.134 + 20.5 / (15.3 + mf);
    let a = (fm - xl) / (fm - xl * r);
    let laml = a * (1.0 + a / 2.0);
    let a = (xr - fm) / (xr * q);
    let lamr = a * (1.0 + a / 2.0);
    let p2 = p1 * (1.0 + 2.0 * c);
    let p3 = p2 + c / laml;
    let p4 = p3 + c / lamr;
    let nrq = nf * r * q;
    let y = 'outer: loop {
        // Step 10
        let u = bg.next_double() * p4;
        let mut v = bg.next_double();
        let y: i64;
        if u <= p1 {
            break 'outer (xm - p1 * v + u).floor() as i64;
        }
        if u <= p2 {
            // Step 20
            let x = xl + (u - p1) / c;
            v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
            if v > 1.0 {
                continue;
            }
            y = x.floor() as i64;
        } else if u <= p3 {
            // Step 30
            y = (xl + v.ln() / laml).floor() as i64;
            if y < 0 || v == 0.0 {
                continue;
            }
            v = v * (u - p2) * laml;
        } else {
            // Step 40
            y = (xr - v.ln() / lamr).floor() as i64;
            if y > n || v == 0.0 {
                continue;
            }
            v = v * (u - p3) * lamr;
        }
        // Step 50
        let k = (y - m).abs();
        let kf = k as f64;
        if !(k > 20 && kf < nrq / 2.0 - 1.0) {
            let s = r / q;
            let a = s * (nf + 1.0);
            let mut f = 1.0;
            if m < y {
                for i in m + 1..=y {
                    f *= a / i as f64 - s;
                }
            } else if m > y {
                for i in y + 1..=m {
                    f /= a / i as f64 - s;
                }
            }
            if v > f {
                continue;
            }
            break 'outer y;
        }
        // Step 52
        let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        let t = -kf * kf / (2.0 * nrq);
        let big_a = v.ln();
        if big_a < t - rho {
            break 'outer y;
        }
        if big_a > t + rho {
            continue;
        }
        let yf = y as f64;
        let x1 = yf + 1.0;
        let f1 = mf + 1.0;
        let z = nf + 1.0 - mf;
        let w = nf - yf + 1.0;
        let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
        let corr =
            |d: f64, d2: f64| (13680. - (462. - (132. - (99. - 140. / d2) / d2) / d2) / d2) / d / 166320.;
        let bound = xm * (f1 / x1).ln()
            + (nf - mf + 0.5) * (z / w).ln()
            + (yf - mf) * (w * r / (x1 * q)).ln()
            + corr(f1, f2)
            + corr(z, z2)
            + corr(x1, x2)
            + corr(w, w2);
        if big_a > bound {
            continue;
        }
        break 'outer y;
    };
    if p > 0.5 { n - y } else { y }
}

/// NumPy's `random_binomial`: inversion when `min(p, 1-p) * n <= 30`, BTPE otherwise.
#[inline]
pub(crate) fn binomial<B: BitGenerator + ?Sized>(bg: &mut B, p: f64, n: i64) -> i64 {
    if n == 0 || p == 0.0 {
        return 0;
    }
    if p <= 0.5 {
        if p * n as f64 <= 30.0 {
            binomial_inversion(bg, n, p)
        } else {
            binomial_btpe(bg, n, p)
        }
    } else {
        let q = 1.0 - p;
        if q * n as f64 <= 30.0 {
            n - binomial_inversion(bg, n, q)
        } else {
            n - binomial_btpe(bg, n, q)
        }
    }
}

/// The legacy `RandomState.binomial` (`legacy_random_binomial_original`): the
/// same samplers without the early exit, so `n == 0` or `p == 0` still
/// consumes one double per draw.
#[inline]
pub(crate) fn binomial_legacy<B: BitGenerator + ?Sized>(bg: &mut B, p: f64, n: i64) -> i64 {
    if p <= 0.5 {
        if p * n as f64 <= 30.0 {
            binomial_inversion(bg, n, p)
        } else {
            binomial_btpe(bg, n, p)
        }
    } else {
        let q = 1.0 - p;
        if q * n as f64 <= 30.0 {
            n - binomial_inversion(bg, n, q)
        } else {
            n - binomial_btpe(bg, n, q)
        }
    }
}
