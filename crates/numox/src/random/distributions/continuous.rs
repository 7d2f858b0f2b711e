//! The remaining samplers of NumPy's `distributions.c` (Generator versions),
//! each written as NumPy composes it from the uniform, normal, exponential
//! and gamma kernels.

use super::discrete::poisson;
use super::exponential::standard_exponential;
use super::gamma::standard_gamma;
use super::normal::standard_normal;
use crate::random::BitGenerator;
use std::f64::consts::PI;

/// `random_beta`: Johnk's algorithm for `a, b <= 1`, else a ratio of gammas.
pub(crate) fn beta<B: BitGenerator + ?Sized>(bg: &mut B, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        loop {
            let u = bg.next_double();
            let v = bg.next_double();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            let xpy = x + y;
            // Reject if both U and V are 0.0
            if xpy <= 1.0 && u + v > 0.0 {
                if xpy > 0.0 {
                    return x / xpy;
                }
                let mut lx = u.ln() / a;
                let mut ly = v.ln() / b;
                let lm = if lx > ly { lx } else { ly };
                lx -= lm;
                ly -= lm;
                return (lx - (lx.exp() + ly.exp()).ln()).exp();
            }
        }
    }
    let ga = standard_gamma(bg, a);
    let gb = standard_gamma(bg, b);
    ga / (ga + gb)
}

/// `random_chisquare`: `2 * standard_gamma(df / 2)`.
#[inline]
pub(crate) fn chisquare<B: BitGenerator + ?Sized>(bg: &mut B, df: f64) -> f64 {
    2.0 * standard_gamma(bg, df / 2.0)
}

/// `random_f`.
pub(crate) fn f<B: BitGenerator + ?Sized>(bg: &mut B, dfnum: f64, dfden: f64) -> f64 {
    (chisquare(bg, dfnum) * dfden) / (chisquare(bg, dfden) * dfnum)
}

/// `random_standard_cauchy`: a ratio of two normals.
pub(crate) fn standard_cauchy<B: BitGenerator + ?Sized>(bg: &mut B) -> f64 {
    standard_normal(bg) / standard_normal(bg)
}

/// `random_pareto`: `expm1(E / a)`.
pub(crate) fn pareto<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    (standard_exponential(bg) / a).exp_m1()
}

/// `random_weibull`.
pub(crate) fn weibull<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    standard_exponential(bg).powf(1.0 / a)
}

/// `random_power`: `(-expm1(-E))^(1/a)`.
pub(crate) fn power<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> f64 {
    (-(-standard_exponential(bg)).exp_m1()).powf(1.0 / a)
}

/// `random_laplace` (rejects U == 0).
pub(crate) fn laplace<B: BitGenerator + ?Sized>(bg: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = bg.next_double();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).ln();
        } else if u > 0.0 {
            return loc + scale * (u + u).ln();
        }
    }
}

/// `random_gumbel` (rejects U == 1 after `U = 1 - U`).
pub(crate) fn gumbel<B: BitGenerator + ?Sized>(bg: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - bg.next_double();
        if u < 1.0 {
            return loc - scale * (-u.ln()).ln();
        }
    }
}

/// `random_logistic` (rejects U == 0).
pub(crate) fn logistic<B: BitGenerator + ?Sized>(bg: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = bg.next_double();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).ln();
        }
    }
}

/// `random_lognormal`: `exp(normal(mean, sigma))`.
pub(crate) fn lognormal<B: BitGenerator + ?Sized>(bg: &mut B, mean: f64, sigma: f64) -> f64 {
    (mean + sigma * standard_normal(bg)).exp()
}

/// `random_rayleigh`: `mode * sqrt(2 E)`.
pub(crate) fn rayleigh<B: BitGenerator + ?Sized>(bg: &mut B, mode: f64) -> f64 {
    mode * (2.0 * standard_exponential(bg)).sqrt()
}

/// `random_standard_t`.
pub(crate) fn standard_t<B: BitGenerator + ?Sized>(bg: &mut B, df: f64) -> f64 {
    let num = standard_normal(bg);
    let denom = standard_gamma(bg, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

/// `random_noncentral_chisquare`.
pub(crate) fn noncentral_chisquare<B: BitGenerator + ?Sized>(bg: &mut B, df: f64, nonc: f64) -> f64 {
    if nonc.is_nan() {
        return f64::NAN;
    }
    if nonc == 0.0 {
        return chisquare(bg, df);
    }
    if 1.0 < df {
        let chi2 = chisquare(bg, df - 1.0);
        let n = standard_normal(bg) + nonc.sqrt();
        chi2 + n * n
    } else {
        let i = poisson(bg, nonc / 2.0);
        chisquare(bg, df + 2.0 * i as f64)
    }
}

/// `random_noncentral_f`.
pub(crate) fn noncentral_f<B: BitGenerator + ?Sized>(bg: &mut B, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
    let t = noncentral_chisquare(bg, dfnum, nonc) * dfden;
    t / (chisquare(bg, dfden) * dfnum)
}

/// `random_wald` (Michael, Schucany and Haas), in NumPy 2.4's cancellation-free
/// form `mean * (1 - 2 / (1 + sqrt(1 + 4 scale / Y)))`.
pub(crate) fn wald<B: BitGenerator + ?Sized>(bg: &mut B, mean: f64, scale: f64) -> f64 {
    let n = standard_normal(bg);
    let y = mean * n * n;
    let x = mean * (1.0 - 2.0 / (1.0 + (1.0 + 4.0 * scale / y).sqrt()));
    let u = bg.next_double();
    if u <= mean / (mean + x) {
        x
    } else {
        mean * mean / x
    }
}

/// `random_vonmises` (Best and Fisher, with NumPy's small- and large-kappa paths).
pub(crate) fn vonmises<B: BitGenerator + ?Sized>(bg: &mut B, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * bg.next_double() - 1.0);
    }
    let s = if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else if kappa <= 1e6 {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    } else {
        let mut result = mu + (1.0 / kappa).sqrt() * standard_normal(bg);
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    };
    let w = loop {
        let u = bg.next_double();
        let z = (PI * u).cos();
        let w = (1.0 + s * z) / (s + z);
        let y = kappa * (s - w);
        let v = bg.next_double();
        if y * (2.0 - y) - v >= 0.0 || (y / v).ln() + 1.0 - y >= 0.0 {
            break w;
        }
    };
    let u = bg.next_double();
    let mut result = w.acos();
    if u < 0.5 {
        result = -result;
    }
    result += mu;
    let neg = result < 0.0;
    let mut m = result.abs();
    m = (m + PI) % (2.0 * PI) - PI;
    if neg {
        m *= -1.0;
    }
    m
}

/// `random_triangular`.
pub(crate) fn triangular<B: BitGenerator + ?Sized>(bg: &mut B, left: f64, mode: f64, right: f64) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = bg.next_double();
    if u <= ratio {
        left + (u * leftprod).sqrt()
    } else {
        right - ((1.0 - u) * rightprod).sqrt()
    }
}

/// `random_negative_binomial`: Poisson of a gamma.
pub(crate) fn negative_binomial<B: BitGenerator + ?Sized>(bg: &mut B, n: f64, p: f64) -> i64 {
    let y = (1.0 - p) / p * standard_gamma(bg, n);
    poisson(bg, y)
}

/// `random_geometric`: search for `p >= 1/3`, inversion below.
pub(crate) fn geometric<B: BitGenerator + ?Sized>(bg: &mut B, p: f64) -> i64 {
    if p >= 0.3333333333333333 {
        // NumPy writes 0.333333333333333333333333; this is the same double.
        let mut x = 1i64;
        let mut sum = p;
        let mut prod = p;
        let q = 1.0 - p;
        let u = bg.next_double();
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        x
    } else {
        let z = (-standard_exponential(bg) / (-p).ln_1p()).ceil();
        // 9.223372036854776e+18 is the smallest double above i64::MAX.
        if z >= 9.223372036854776e18 {
            i64::MAX
        } else {
            z as i64
        }
    }
}

/// `random_zipf` (Devroye's rejection).
pub(crate) fn zipf<B: BitGenerator + ?Sized>(bg: &mut B, a: f64) -> i64 {
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let b = 2.0f64.powf(am1);
    let umin = (i64::MAX as f64).powf(-am1);
    loop {
        let u01 = bg.next_double();
        let u = u01 * umin + (1.0 - u01);
        let v = bg.next_double();
        let x = u.powf(-1.0 / am1).floor();
        if x > i64::MAX as f64 || x < 1.0 {
            continue;
        }
        let t = (1.0 + 1.0 / x).powf(am1);
        if v * x * (t - 1.0) / (b - 1.0) <= t / b {
            return x as i64;
        }
    }
}

/// `random_logseries` (Kemp's second accelerated generator).
pub(crate) fn logseries<B: BitGenerator + ?Sized>(bg: &mut B, p: f64) -> i64 {
    let r = (-p).ln_1p();
    loop {
        let v = bg.next_double();
        if v >= p {
            return 1;
        }
        let u = bg.next_double();
        let q = -(r * u).exp_m1();
        if v <= q * q {
            let result = (1.0 + v.ln() / q.ln()).floor() as i64;
            if result < 1 || v == 0.0 {
                continue;
            }
            return result;
        }
        if v >= q {
            return 1;
        }
        return 2;
    }
}
