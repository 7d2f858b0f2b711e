//! `scipy.optimize.toms748`: Alefeld, Potra and Shi's Algorithm 748
//! (a port of SciPy's `TOMS748Solver` in `_zeros_py.py`).

use super::{Fun, RootOptions, fmt_g};
use crate::optimize::{RootFlag, RootResults};
use crate::{Error, Result};

const EPS: f64 = f64::EPSILON;

/// Finds a root of `f` in the sign-changing interval `[a, b]` (`a < b`)
/// by TOMS Algorithm 748 (SciPy's `toms748`, with `full_output=True`).
///
/// `k` is the number of Newton quadratic steps per iteration (SciPy's
/// default is 1; at most 100). `rtol` may go down to `eps` here.
/// Errors: non-finite or non-increasing `a, b`, `k == 0`, bad tolerances,
/// `maxiter == 0`, same-signed `f(a)`, `f(b)`, a non-finite function value.
///
/// ```
/// use sciox::optimize::{toms748, RootOptions};
/// let r = toms748(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, 1, &RootOptions::default()).unwrap();
/// assert!((r.root - 2.0945514815423265).abs() < 1e-11);
/// assert!(r.converged);
/// ```
pub fn toms748<F: FnMut(f64) -> f64>(
    f: F,
    a: f64,
    b: f64,
    k: usize,
    opts: &RootOptions,
) -> Result<RootResults> {
    if opts.xtol.is_nan() || opts.xtol <= 0.0 {
        return Err(Error::invalid(format!(
            "xtol too small ({} <= 0)",
            fmt_g(opts.xtol)
        )));
    }
    if opts.rtol.is_nan() || opts.rtol < super::RTOL / 4.0 {
        return Err(Error::invalid(format!(
            "rtol too small ({} < {})",
            fmt_g(opts.rtol),
            fmt_g(super::RTOL / 4.0)
        )));
    }
    if opts.maxiter < 1 {
        return Err(Error::invalid("maxiter must be greater than 0"));
    }
    if !a.is_finite() {
        return Err(Error::invalid(format!("a is not finite {a}")));
    }
    if !b.is_finite() {
        return Err(Error::invalid(format!("b is not finite {b}")));
    }
    if a >= b {
        return Err(Error::invalid(format!("a and b are not an interval [{a}, {b}]")));
    }
    if k < 1 {
        return Err(Error::invalid(format!("k too small ({k} < 1)")));
    }
    Solver {
        f: Fun::new(f),
        k: k.min(100),
        xtol: opts.xtol,
        rtol: opts.rtol,
        maxiter: opts.maxiter,
        ab: [a, b],
        fab: [0.0; 2],
        d: 0.0,
        fd: 0.0,
        e: None,
        iterations: 0,
    }
    .solve()
}

struct Solver<F> {
    f: Fun<F>,
    k: usize,
    xtol: f64,
    rtol: f64,
    maxiter: usize,
    ab: [f64; 2],
    fab: [f64; 2],
    d: f64,
    fd: f64,
    e: Option<(f64, f64)>,
    iterations: usize,
}

enum Step {
    Converged(f64),
    NotConverged(f64),
    Continue,
}

fn sign(v: f64) -> f64 {
    if v > 0.0 {
        1.0
    } else if v < 0.0 {
        -1.0
    } else {
        v
    }
}

fn isclose(a: f64, b: f64, rtol: f64, atol: f64) -> bool {
    (a - b).abs() <= atol + rtol * b.abs()
}

/// The secant step through the two bracket ends (SciPy's `_secant`).
fn secant(ab: [f64; 2], fab: [f64; 2]) -> f64 {
    let ([x0, x1], [f0, f1]) = (ab, fab);
    if f0 == f1 {
        return f64::NAN;
    }
    if f1.abs() > f0.abs() {
        (-f0 / f1 * x1 + x0) / (1.0 - f0 / f1)
    } else {
        (-f1 / f0 * x0 + x1) / (1.0 - f1 / f0)
    }
}

/// Inverse cubic interpolation: the zero of the cubic in `f` through four
/// points (SciPy's `_inverse_poly_zero`, Neville's scheme at y = 0).
fn inverse_poly_zero(xs: [f64; 4], fs: [f64; 4]) -> f64 {
    const N: usize = 4;
    let mut q = [[0.0f64; N]; N];
    let mut d = [[0.0f64; N]; N];
    for i in 0..N {
        q[i][0] = xs[i];
        d[i][0] = xs[i];
    }
    for k in 1..N {
        for i in k..N {
            let alpha = d[i][k - 1] - q[i - 1][k - 1];
            let diffik = fs[i - k] - fs[i];
            q[i][k] = (fs[i] - 0.0) / diffik * alpha;
            d[i][k] = (fs[i - k] - 0.0) / diffik * alpha;
        }
    }
    (q[N - 1][1] + q[N - 1][2] + q[N - 1][3]) + q[N - 1][0]
}

/// `k` Newton steps on the quadratic through (a, fa), (b, fb), (d, fd)
/// (SciPy's `_newton_quadratic`).
fn newton_quadratic(ab: [f64; 2], fab: [f64; 2], d: f64, fd: f64, k: usize) -> f64 {
    let ([a, b], [fa, fb]) = (ab, fab);
    let r0 = (fb - fa) / (b - a);
    let r1 = (fd - fb) / (d - b);
    let bb = r0;
    let aa = (r1 - r0) / (d - a);
    let p = |x: f64| (aa * (x - b) + bb) * (x - a) + fa;
    if aa == 0.0 {
        return a - fa / bb;
    }
    let mut r = if sign(aa) * sign(fa) > 0.0 { a } else { b };
    for _ in 0..k {
        let r1 = r - p(r) / (bb + aa * (2.0 * r - a - b));
        if !(ab[0] < r1 && r1 < ab[1]) {
            if ab[0] < r && r < ab[1] {
                return r;
            }
            r = (ab[0] + ab[1]) / 2.0;
            break;
        }
        r = r1;
    }
    r
}

fn frexp_exp(v: f64) -> i32 {
    if v == 0.0 || !v.is_finite() {
        return 0;
    }
    let bits = v.abs().to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // subnormal: v = m * 2^-1074 with m of bit length L, so v = f * 2^(L - 1074)
        let m = bits & ((1u64 << 52) - 1);
        (64 - m.leading_zeros()) as i32 - 1074
    } else {
        e - 1022
    }
}

impl<F: FnMut(f64) -> f64> Solver<F> {
    fn callf(&mut self, x: f64) -> Result<f64> {
        let v = self.f.call(x)?;
        if !v.is_finite() {
            return Err(Error::invalid(format!(
                "Invalid function value: f({x:.6}) -> {v} "
            )));
        }
        Ok(v)
    }

    fn update_bracket(&mut self, c: f64, fc: f64) -> (f64, f64) {
        let idx = if sign(self.fab[0]) * sign(fc) > 0.0 { 0 } else { 1 };
        let old = (self.ab[idx], self.fab[idx]);
        self.ab[idx] = c;
        self.fab[idx] = fc;
        old
    }

    fn mid(&self) -> f64 {
        (self.ab[0] + self.ab[1]) / 2.0
    }

    fn result(&self, x: f64, flag: RootFlag) -> Result<RootResults> {
        Ok(RootResults::new(
            x,
            self.iterations,
            self.f.calls,
            flag,
            "toms748",
        ))
    }

    fn solve(mut self) -> Result<RootResults> {
        let [a, b] = self.ab;
        let fa = self.callf(a)?;
        if fa == 0.0 {
            return self.result(a, RootFlag::Converged);
        }
        let fb = self.callf(b)?;
        if fb == 0.0 {
            return self.result(b, RootFlag::Converged);
        }
        if sign(fb) * sign(fa) > 0.0 {
            return Err(Error::invalid(format!(
                "f(a) and f(b) must have different signs, but f({a:e})={fa:e}, f({b:e})={fb:e} "
            )));
        }
        self.fab = [fa, fb];
        let mut c = secant(self.ab, self.fab);
        if !(self.ab[0] < c && c < self.ab[1]) {
            c = self.mid();
        }
        let fc = self.callf(c)?;
        if fc == 0.0 {
            return self.result(c, RootFlag::Converged);
        }
        (self.d, self.fd) = self.update_bracket(c, fc);
        self.e = None;
        self.iterations += 1;
        loop {
            match self.iterate()? {
                Step::Converged(x) => return self.result(x, RootFlag::Converged),
                Step::NotConverged(x) => return self.result(x, RootFlag::ConvergenceError),
                Step::Continue => {}
            }
        }
    }

    fn iterate(&mut self) -> Result<Step> {
        self.iterations += 1;
        let (mut d, mut fd, mut e) = (self.d, self.fd, self.e);
        let ab_width = self.ab[1] - self.ab[0];
        let mut c: Option<f64> = None;
        for nsteps in 2..self.k + 2 {
            if let Some((ev, fe)) = e {
                let fs = [self.fab[0], self.fab[1], fd, fe];
                let notclose = fs.iter().all(|&v| v != 0.0 && v.is_finite())
                    && !(0..3).any(|i| (i + 1..4).any(|j| isclose(fs[i], fs[j], 0.0, 32.0 * EPS)));
                if notclose {
                    let c0 = inverse_poly_zero([self.ab[0], self.ab[1], d, ev], fs);
                    if self.ab[0] < c0 && c0 < self.ab[1] {
                        c = Some(c0);
                    }
                }
            }
            let cv = match c {
                Some(v) => v,
                None => {
                    let v = newton_quadratic(self.ab, self.fab, d, fd, nsteps);
                    c = Some(v);
                    v
                }
            };
            let fc = self.callf(cv)?;
            if fc == 0.0 {
                return Ok(Step::Converged(cv));
            }
            e = Some((d, fd));
            (d, fd) = self.update_bracket(cv, fc);
        }
        let uix = if self.fab[0].abs() < self.fab[1].abs() {
            0
        } else {
            1
        };
        let (u, fu) = (self.ab[uix], self.fab[uix]);
        let aa = (self.fab[1] - self.fab[0]) / (self.ab[1] - self.ab[0]);
        let mut c = u - 2.0 * fu / aa;
        if (c - u).abs() > 0.5 * (self.ab[1] - self.ab[0]) {
            c = self.mid();
        } else if isclose(c, u, EPS, 0.0) {
            let frs = [frexp_exp(self.fab[0]), frexp_exp(self.fab[1])];
            if frs[uix] < frs[1 - uix] - 50 {
                c = (31.0 * self.ab[uix] + self.ab[1 - uix]) / 32.0;
            } else {
                let mm = if uix == 0 { 1.0 } else { -1.0 };
                let adj = mm * c.abs() * self.rtol + mm * self.xtol;
                c = u + adj;
            }
            if !(self.ab[0] < c && c < self.ab[1]) {
                c = self.mid();
            }
        }
        let fc = self.callf(c)?;
        if fc == 0.0 {
            return Ok(Step::Converged(c));
        }
        e = Some((d, fd));
        (d, fd) = self.update_bracket(c, fc);
        if self.ab[1] - self.ab[0] > 0.5 * ab_width {
            e = Some((d, fd));
            let z = self.mid();
            let fz = self.callf(z)?;
            if fz == 0.0 {
                return Ok(Step::Converged(z));
            }
            (d, fd) = self.update_bracket(z, fz);
        }
        self.d = d;
        self.fd = fd;
        self.e = e;
        let [a, b] = self.ab;
        if isclose(a, b, self.rtol, self.xtol) {
            return Ok(Step::Converged(self.mid()));
        }
        if self.iterations >= self.maxiter {
            return Ok(Step::NotConverged(self.mid()));
        }
        Ok(Step::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_matches_c() {
        assert_eq!(frexp_exp(1.0), 1);
        assert_eq!(frexp_exp(0.5), 0);
        assert_eq!(frexp_exp(3.0), 2);
        assert_eq!(frexp_exp(f64::MIN_POSITIVE), -1021);
        assert_eq!(frexp_exp(f64::MIN_POSITIVE / 4.0), -1023);
    }

    #[test]
    fn bad_arguments() {
        let o = RootOptions::default();
        assert!(toms748(|x| x, 1.0, -1.0, 1, &o).is_err());
        assert!(toms748(|x| x, -1.0, f64::INFINITY, 1, &o).is_err());
        assert!(toms748(|x| x, -1.0, 1.0, 0, &o).is_err());
        assert!(
            toms748(|x| x * x + 1.0, -1.0, 1.0, 1, &o)
                .unwrap_err()
                .to_string()
                .contains("different signs")
        );
    }
}
