//! Trust-region methods of `minimize` (SciPy's `_trustregion.py`):
//! `trust-ncg` (Steihaug's truncated CG), `dogleg` and `trust-exact`
//! (the nearly exact Moré-Sorensen iteration of `_trustregion_exact.py`),
//! with SciPy's radius updates, lazily evaluated models and counts.
#![allow(clippy::needless_range_loop)]

use super::newton_cg::Hess;
use super::{Callback, Method, MinimizeOptions};
use crate::optimize::OptimizeResult;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// The objective, gradient and Hessian with SciPy's `ScalarFunction`
/// caching (the last point only) and counts.
struct Sf<'h, F, G> {
    fun: F,
    grad: G,
    hess: Hess<'h>,
    n: usize,
    x: Vec<f64>,
    f: f64,
    g: Vec<f64>,
    h: Vec<f64>,
    ok: [bool; 3],
    nfev: usize,
    ngev: usize,
    nhev: usize,
    nhessp: usize,
    three: bool,
}

impl<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])> Sf<'_, F, G> {
    fn at(&mut self, x: &[f64]) {
        if x != self.x.as_slice() {
            self.x.copy_from_slice(x);
            self.ok = [false; 3];
        }
    }
    fn fun(&mut self, x: &[f64]) -> f64 {
        self.at(x);
        if !self.ok[0] {
            self.f = (self.fun)(x);
            self.nfev += 1;
            self.ok[0] = true;
        }
        self.f
    }
    fn grad(&mut self, x: &[f64]) -> Vec<f64> {
        self.at(x);
        if !self.ok[1] {
            (self.grad)(x, &mut self.g);
            self.ngev += 1;
            self.ok[1] = true;
        }
        self.g.clone()
    }
    fn hess(&mut self, x: &[f64]) -> Vec<f64> {
        self.at(x);
        if !self.ok[2] {
            match &mut self.hess {
                Hess::Full(h) => {
                    h(x, &mut self.h);
                    self.nhev += 1;
                }
                _ => {
                    // SciPy's '2-point'/'3-point' Hessian: differences of
                    // the gradient (counted in ngev, as SciPy's wrapped
                    // gradient counts them, not in nhev)
                    let n = self.n;
                    self.ngev += if self.three { 2 * n } else { n };
                    let g0 = self.grad(x);
                    let mut xt = x.to_vec();
                    let (mut g1, mut g2) = (vec![0.0; n], vec![0.0; n]);
                    for j in 0..n {
                        let x0 = x[j];
                        let sgn = if x0 >= 0.0 { 1.0 } else { -1.0 };
                        if self.three {
                            let h = f64::EPSILON.cbrt() * sgn * x0.abs().max(1.0);
                            let h = h.abs();
                            xt[j] = x0 - h;
                            let lo = xt[j];
                            (self.grad)(&xt, &mut g1);
                            xt[j] = x0 + h;
                            let dx = xt[j] - lo;
                            (self.grad)(&xt, &mut g2);
                            for i in 0..n {
                                self.h[i * n + j] = (g2[i] - g1[i]) / dx;
                            }
                        } else {
                            let h = super::finite_diff::EPSILON * sgn * x0.abs().max(1.0);
                            xt[j] = x0 + h;
                            let dx = xt[j] - x0;
                            (self.grad)(&xt, &mut g1);
                            for i in 0..n {
                                self.h[i * n + j] = (g1[i] - g0[i]) / dx;
                            }
                        }
                        xt[j] = x0;
                    }
                }
            }
            self.ok[2] = true;
        }
        self.h.clone()
    }
}

/// A quadratic model at `x` (SciPy's `BaseQuadraticSubproblem`), values
/// evaluated on demand and kept.
struct Model {
    x: Vec<f64>,
    f: Option<f64>,
    g: Option<Vec<f64>>,
    h: Option<Vec<f64>>,
    gmag: Option<f64>,
    cauchy: Option<Vec<f64>>,
    newton: Option<Result<Vec<f64>, ()>>,
    // trust-exact state
    h_info: Option<ExactInfo>,
    lambda_lb: f64,
    prev_radius: f64,
}

struct ExactInfo {
    glb: f64,
    gub: f64,
    hinf: f64,
    hfro: f64,
    close_to_zero: f64,
}

impl Model {
    fn new(x: Vec<f64>) -> Self {
        Model {
            x,
            f: None,
            g: None,
            h: None,
            gmag: None,
            cauchy: None,
            newton: None,
            h_info: None,
            lambda_lb: 0.0,
            prev_radius: -1.0,
        }
    }
    fn fun<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(&mut self, sf: &mut Sf<'_, F, G>) -> f64 {
        if self.f.is_none() {
            self.f = Some(sf.fun(&self.x));
        }
        self.f.unwrap_or(f64::NAN)
    }
    fn jac<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
        &mut self,
        sf: &mut Sf<'_, F, G>,
    ) -> Vec<f64> {
        if self.g.is_none() {
            self.g = Some(sf.grad(&self.x));
        }
        self.g.clone().unwrap_or_default()
    }
    fn jac_mag<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
        &mut self,
        sf: &mut Sf<'_, F, G>,
    ) -> f64 {
        if self.gmag.is_none() {
            let g = self.jac(sf);
            self.gmag = Some(norm(&g));
        }
        self.gmag.unwrap_or(f64::NAN)
    }
    fn hess<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
        &mut self,
        sf: &mut Sf<'_, F, G>,
    ) -> Vec<f64> {
        if self.h.is_none() {
            self.h = Some(sf.hess(&self.x));
        }
        self.h.clone().unwrap_or_default()
    }
    /// `H p` (from `hessp` or the Hessian).
    fn hessp<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
        &mut self,
        sf: &mut Sf<'_, F, G>,
        p: &[f64],
    ) -> Vec<f64> {
        let n = p.len();
        let mut out = vec![0.0; n];
        if let Hess::Prod(hp) = &mut sf.hess {
            hp(&self.x, p, &mut out);
            sf.nhessp += 1;
        } else {
            let fd = matches!(sf.hess, Hess::FiniteDiff);
            // (SciPy recomputes a finite-difference Hessian whenever its
            // one-point cache moved on; the model keeps it instead)
            let h = self.hess(sf);
            for i in 0..n {
                out[i] = dot(&h[i * n..(i + 1) * n], p);
            }
            if fd {
                // SciPy wraps `sf.hess(x).dot(p)` as a counted hessp
                sf.nhessp += 1;
            }
        }
        out
    }
    /// `m(p) = f + g.p + p.Hp / 2`.
    fn value<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
        &mut self,
        sf: &mut Sf<'_, F, G>,
        p: &[f64],
    ) -> f64 {
        let f = self.fun(sf);
        let g = self.jac(sf);
        let hp = self.hessp(sf, p);
        f + dot(&g, p) + 0.5 * dot(p, &hp)
    }
}

/// `t` with `|z + t d| = r`, both roots sorted.
fn boundaries(z: &[f64], d: &[f64], r: f64) -> (f64, f64) {
    let a = dot(d, d);
    let b = 2.0 * dot(z, d);
    let c = dot(z, z) - r * r;
    let sq = (b * b - 4.0 * a * c).sqrt();
    let aux = b + sq.copysign(b);
    let ta = -aux / (2.0 * a);
    let tb = -2.0 * c / aux;
    if ta <= tb { (ta, tb) } else { (tb, ta) }
}

fn axpy_new(z: &[f64], t: f64, d: &[f64]) -> Vec<f64> {
    z.iter().zip(d).map(|(a, b)| a + t * b).collect()
}

/// Steihaug CG (SciPy's `CGSteihaugSubproblem.solve`).
fn solve_ncg<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
    m: &mut Model,
    sf: &mut Sf<'_, F, G>,
    radius: f64,
) -> (Vec<f64>, bool) {
    let gmag = m.jac_mag(sf);
    let n = m.x.len();
    let tol = 0.5f64.min(gmag.sqrt()) * gmag;
    if gmag < tol {
        return (vec![0.0; n], false);
    }
    let mut z = vec![0.0; n];
    let mut r = m.jac(sf);
    let mut d: Vec<f64> = r.iter().map(|v| -v).collect();
    loop {
        let bd = m.hessp(sf, &d);
        let dbd = dot(&d, &bd);
        if dbd <= 0.0 {
            let (ta, tb) = boundaries(&z, &d, radius);
            let pa = axpy_new(&z, ta, &d);
            let pb = axpy_new(&z, tb, &d);
            let va = m.value(sf, &pa);
            let vb = m.value(sf, &pb);
            return (if va < vb { pa } else { pb }, true);
        }
        let r2 = dot(&r, &r);
        let alpha = r2 / dbd;
        let zn = axpy_new(&z, alpha, &d);
        if norm(&zn) >= radius {
            let (_, tb) = boundaries(&z, &d, radius);
            return (axpy_new(&z, tb, &d), true);
        }
        let rn = axpy_new(&r, alpha, &bd);
        let rn2 = dot(&rn, &rn);
        if rn2.sqrt() < tol {
            return (zn, false);
        }
        let beta = rn2 / r2;
        d = rn.iter().zip(&d).map(|(a, b)| -a + beta * b).collect();
        z = zn;
        r = rn;
    }
}

/// Upper Cholesky `U^T U = A` (n×n row-major in, `U` row-major out);
/// `Err(k)` (1-based, LAPACK's `info`) when the leading k×k block is not
/// positive definite, with `U` holding the partial factor.
fn cholesky(a: &[f64], n: usize) -> (Vec<f64>, usize) {
    let mut u = vec![0.0; n * n];
    for j in 0..n {
        let mut s = a[j * n + j];
        for k in 0..j {
            s -= u[k * n + j] * u[k * n + j];
        }
        if s <= 0.0 || s.is_nan() {
            return (u, j + 1);
        }
        let ujj = s.sqrt();
        u[j * n + j] = ujj;
        for i in j + 1..n {
            let mut t = a[j * n + i];
            for k in 0..j {
                t -= u[k * n + j] * u[k * n + i];
            }
            u[j * n + i] = t / ujj;
        }
    }
    (u, 0)
}

/// Solves `U x = b` in place (U upper, row-major).
fn solve_u(u: &[f64], n: usize, x: &mut [f64]) {
    for i in (0..n).rev() {
        let mut s = x[i];
        for k in i + 1..n {
            s -= u[i * n + k] * x[k];
        }
        x[i] = s / u[i * n + i];
    }
}

/// Solves `U^T x = b` in place.
fn solve_ut(u: &[f64], n: usize, x: &mut [f64]) {
    for i in 0..n {
        let mut s = x[i];
        for k in 0..i {
            s -= u[k * n + i] * x[k];
        }
        x[i] = s / u[i * n + i];
    }
}

/// Dogleg (SciPy's `DoglegSubproblem.solve`); `Err` when the Hessian is
/// not positive definite (SciPy's `LinAlgError`).
fn solve_dogleg<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
    m: &mut Model,
    sf: &mut Sf<'_, F, G>,
    radius: f64,
) -> Result<(Vec<f64>, bool), ()> {
    let n = m.x.len();
    if m.newton.is_none() {
        let g = m.jac(sf);
        let h = m.hess(sf);
        let (u, info) = cholesky(&h, n);
        m.newton = Some(if info != 0 {
            Err(())
        } else {
            let mut p = g.clone();
            solve_ut(&u, n, &mut p);
            solve_u(&u, n, &mut p);
            Ok(p.iter().map(|v| -v).collect())
        });
    }
    let pbest = m.newton.clone().unwrap_or(Err(()))?;
    if norm(&pbest) < radius {
        return Ok((pbest, false));
    }
    if m.cauchy.is_none() {
        let g = m.jac(sf);
        let bg = m.hessp(sf, &g);
        let c = -(dot(&g, &g) / dot(&g, &bg));
        m.cauchy = Some(g.iter().map(|v| c * v).collect());
    }
    let pu = m.cauchy.clone().unwrap_or_default();
    let pun = norm(&pu);
    if pun >= radius {
        let s = radius / pun;
        return Ok((pu.iter().map(|v| v * s).collect(), true));
    }
    let d: Vec<f64> = pbest.iter().zip(&pu).map(|(a, b)| a - b).collect();
    let (_, tb) = boundaries(&pu, &d, radius);
    Ok((axpy_new(&pu, tb, &d), true))
}

/// Cline-Moler-Stewart-Wilkinson estimate of the smallest singular value
/// of the upper triangular `U` and its right singular vector.
fn smallest_singular(u: &[f64], n: usize) -> (f64, Vec<f64>) {
    let mut p = vec![0.0; n];
    let mut w = vec![0.0; n];
    for k in 0..n {
        let ukk = u[k * n + k];
        let wp = (1.0 - p[k]) / ukk;
        let wm = (-1.0 - p[k]) / ukk;
        let (mut sp, mut sm) = (0.0, 0.0);
        for i in k + 1..n {
            sp += (p[i] + u[k * n + i] * wp).abs();
            sm += (p[i] + u[k * n + i] * wm).abs();
        }
        let t = if wp.abs() + sp >= wm.abs() + sm { wp } else { wm };
        w[k] = t;
        for i in k + 1..n {
            p[i] += u[k * n + i] * t;
        }
    }
    let mut v = w.clone();
    solve_u(u, n, &mut v);
    let vn = norm(&v);
    let wn = norm(&w);
    (wn / vn, v.iter().map(|x| x / vn).collect())
}

/// SciPy's `IterativeSubproblem.solve` (trust-exact).
fn solve_exact<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
    m: &mut Model,
    sf: &mut Sf<'_, F, G>,
    radius: f64,
    maxiter: usize,
) -> (Vec<f64>, bool) {
    let n = m.x.len();
    let h = m.hess(sf);
    let info_h = m.h_info.get_or_insert_with(|| {
        let mut glb = f64::INFINITY;
        let mut gub = f64::NEG_INFINITY;
        let mut hinf = 0.0f64;
        let mut fro = 0.0;
        for i in 0..n {
            let row = &h[i * n..(i + 1) * n];
            let rs: f64 = row.iter().map(|v| v.abs()).sum();
            let d = row[i];
            glb = glb.min(d + d.abs() - rs);
            gub = gub.max(d - d.abs() + rs);
            hinf = hinf.max(rs);
            fro += row.iter().map(|v| v * v).sum::<f64>();
        }
        ExactInfo {
            glb,
            gub,
            hinf,
            hfro: fro.sqrt(),
            close_to_zero: n as f64 * f64::EPSILON * hinf,
        }
    });
    let (glb, gub, hinf, hfro, ctz) = (
        info_h.glb,
        info_h.gub,
        info_h.hinf,
        info_h.hfro,
        info_h.close_to_zero,
    );
    let gmag = m.jac_mag(sf);
    let g = m.jac(sf);
    const UPD: f64 = 0.01;
    let lambda_ub0 = 0.0f64.max(gmag / radius + (-glb).min(hfro).min(hinf));
    let mindiag = (0..n).map(|i| h[i * n + i]).fold(f64::INFINITY, f64::min);
    let mut lambda_lb = 0.0f64.max(-mindiag).max(gmag / radius - gub.min(hfro).min(hinf));
    if radius < m.prev_radius {
        lambda_lb = lambda_lb.max(m.lambda_lb);
    }
    let mut lambda_ub = lambda_ub0;
    let mut lambda = if lambda_lb == 0.0 {
        0.0
    } else {
        (lambda_lb * lambda_ub)
            .sqrt()
            .max(lambda_lb + UPD * (lambda_ub - lambda_lb))
    };
    let shifted = |l: f64| {
        let mut hh = h.clone();
        for i in 0..n {
            hh[i * n + i] += l;
        }
        hh
    };
    let mut hits = true;
    let mut already = false;
    let mut p = vec![0.0; n];
    let mut hcur = shifted(lambda);
    let (mut u, mut info) = (vec![0.0; n * n], 0usize);
    let mut niter = 0;
    while niter < maxiter {
        if already {
            already = false;
        } else {
            hcur = shifted(lambda);
            let r = cholesky(&hcur, n);
            u = r.0;
            info = r.1;
        }
        niter += 1;
        if info == 0 && gmag > ctz {
            p = g.iter().map(|v| -v).collect();
            solve_ut(&u, n, &mut p);
            solve_u(&u, n, &mut p);
            let pn = norm(&p);
            if pn <= radius && lambda == 0.0 {
                hits = false;
                break;
            }
            let mut w = p.clone();
            solve_ut(&u, n, &mut w);
            let wn = norm(&w);
            let dl = (pn / wn) * (pn / wn) * (pn - radius) / radius;
            let lnew = lambda + dl;
            if pn < radius {
                let (smin, zmin) = smallest_singular(&u, n);
                let (ta, tb) = boundaries(&p, &zmin, radius);
                let step = if ta.abs() <= tb.abs() { ta } else { tb };
                let mut hp = vec![0.0; n];
                for i in 0..n {
                    hp[i] = dot(&hcur[i * n..(i + 1) * n], &p);
                }
                let quad = dot(&p, &hp);
                let rel = (step * step * smin * smin) / (quad + lambda * radius * radius);
                if rel <= 0.2 {
                    for i in 0..n {
                        p[i] += step * zmin[i];
                    }
                    break;
                }
                lambda_ub = lambda;
                lambda_lb = lambda_lb.max(lambda - smin * smin);
                hcur = shifted(lnew);
                // SciPy factors into a fresh array and keeps using the
                // previous factor `U` on the next pass
                let (_c, inf2) = cholesky(&hcur, n);
                info = inf2;
                if inf2 == 0 {
                    lambda = lnew;
                    already = true;
                } else {
                    lambda_lb = lambda_lb.max(lnew);
                    lambda = (lambda_lb * lambda_ub)
                        .abs()
                        .sqrt()
                        .max(lambda_lb + UPD * (lambda_ub - lambda_lb));
                }
            } else {
                let rel = (pn - radius).abs() / radius;
                if rel <= 0.1 {
                    break;
                }
                lambda_lb = lambda;
                lambda = lnew;
            }
        } else if info == 0 && gmag <= ctz {
            if lambda == 0.0 {
                p = vec![0.0; n];
                hits = false;
                break;
            }
            let (smin, zmin) = smallest_singular(&u, n);
            p = zmin.iter().map(|v| radius * v).collect();
            if radius * radius * smin * smin <= 0.2 * lambda * radius * radius {
                break;
            }
            lambda_ub = lambda;
            lambda_lb = lambda_lb.max(lambda - smin * smin);
            lambda = (lambda_lb * lambda_ub)
                .sqrt()
                .max(lambda_lb + UPD * (lambda_ub - lambda_lb));
        } else {
            // the leading info×info block is not positive definite
            let k = info;
            let mut delta = -hcur[(k - 1) * n + (k - 1)];
            for i in 0..k - 1 {
                delta += u[i * n + (k - 1)] * u[i * n + (k - 1)];
            }
            let mut v = vec![0.0; n];
            v[k - 1] = 1.0;
            if k != 1 {
                let mut rhs: Vec<f64> = (0..k - 1).map(|i| -u[i * n + (k - 1)]).collect();
                for i in (0..k - 1).rev() {
                    let mut s = rhs[i];
                    for j in i + 1..k - 1 {
                        s -= u[i * n + j] * rhs[j];
                    }
                    rhs[i] = s / u[i * n + i];
                }
                v[..k - 1].copy_from_slice(&rhs);
            }
            let vn = norm(&v);
            lambda_lb = lambda_lb.max(lambda + delta / (vn * vn));
            lambda = (lambda_lb * lambda_ub)
                .abs()
                .sqrt()
                .max(lambda_lb + UPD * (lambda_ub - lambda_lb));
        }
    }
    m.lambda_lb = lambda_lb;
    m.prev_radius = radius;
    (p, hits)
}

/// SciPy's `_minimize_trust_region`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn trust_region<F: FnMut(&[f64]) -> f64, G: FnMut(&[f64], &mut [f64])>(
    fun: F,
    grad: G,
    hess: Hess<'_>,
    x0: &[f64],
    method: Method,
    opts: &MinimizeOptions,
    callback: &mut Callback<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let mut sf = Sf {
        fun,
        grad,
        hess,
        n,
        x: x0.to_vec(),
        f: f64::NAN,
        g: vec![0.0; n],
        h: vec![0.0; n * n],
        ok: [false; 3],
        nfev: 0,
        ngev: 0,
        nhev: 0,
        nhessp: 0,
        three: opts.finite_diff == super::FiniteDiff::ThreePoint,
    };
    // SciPy's ScalarFunction evaluates f, g (and a callable H) at x0
    sf.fun(x0);
    sf.grad(x0);
    match sf.hess {
        Hess::Full(_) => {
            sf.hess(x0);
        }
        // with `hessp` only, SciPy's ScalarFunction still calls (and
        // counts) its dummy Hessian at x0
        Hess::Prod(_) => sf.nhev += 1,
        Hess::FiniteDiff => {}
    }
    let gtol = opts.gtol.unwrap_or(1e-4);
    let maxiter = opts.maxiter.unwrap_or(200 * n);
    let eta = opts.eta.unwrap_or(0.15);
    let max_radius = opts.max_trust_radius.unwrap_or(1000.0);
    let mut radius = opts.initial_trust_radius.unwrap_or(1.0);
    let sub_maxiter = opts.subproblem_maxiter.unwrap_or(25);
    let new_model = |x: Vec<f64>, sf: &mut Sf<'_, F, G>| {
        let mut m = Model::new(x);
        if method == Method::TrustExact {
            // IterativeSubproblem.__init__ evaluates the Hessian
            m.hess(sf);
        }
        m
    };
    let mut m = new_model(x0.to_vec(), &mut sf);
    let mut k = 0;
    let mut warnflag = 0;
    let mut stopped = false;
    while m.jac_mag(&mut sf) >= gtol {
        let (p, hits) = match method {
            Method::Dogleg => match solve_dogleg(&mut m, &mut sf, radius) {
                Ok(r) => r,
                Err(()) => {
                    warnflag = 3;
                    break;
                }
            },
            Method::TrustExact => solve_exact(&mut m, &mut sf, radius, sub_maxiter),
            _ => solve_ncg(&mut m, &mut sf, radius),
        };
        let predicted = m.value(&mut sf, &p);
        let xp: Vec<f64> = m.x.iter().zip(&p).map(|(a, b)| a + b).collect();
        let mut mp = new_model(xp, &mut sf);
        let fm = m.fun(&mut sf);
        let actual = fm - mp.fun(&mut sf);
        let pred_red = fm - predicted;
        if pred_red <= 0.0 {
            warnflag = 2;
            break;
        }
        let rho = actual / pred_red;
        if rho < 0.25 {
            radius *= 0.25;
        } else if rho > 0.75 && hits {
            radius = (2.0 * radius).min(max_radius);
        }
        if rho > eta {
            m = mp;
        }
        k += 1;
        if let Some(cb) = callback.as_deref_mut() {
            let f = m.fun(&mut sf);
            if cb(&m.x, f) {
                stopped = true;
                break;
            }
        }
        if m.jac_mag(&mut sf) < gtol {
            warnflag = 0;
            break;
        }
        if k >= maxiter {
            warnflag = 1;
            break;
        }
    }
    let msg = match warnflag {
        0 => "Optimization terminated successfully.",
        1 => "Maximum number of iterations has been exceeded.",
        2 => "A bad approximation caused failure to predict improvement.",
        _ => "A linalg error occurred, such as a non-psd Hessian.",
    };
    let mut r = OptimizeResult::empty(n);
    r.fun = m.fun(&mut sf);
    r.jac = m.jac(&mut sf);
    r.x = m.x;
    r.nfev = sf.nfev;
    r.njev = sf.ngev;
    r.nhev = sf.nhev + sf.nhessp;
    r.nit = k;
    r.status = warnflag;
    r.success = warnflag == 0;
    r.message = msg.to_string();
    if stopped {
        super::stopped(&mut r);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_and_solves() {
        let a = [4.0, 2.0, 2.0, 3.0];
        let (u, info) = cholesky(&a, 2);
        assert_eq!(info, 0);
        assert_eq!(u, vec![2.0, 1.0, 0.0, 2f64.sqrt()]);
        let mut x = vec![6.0, 5.0];
        solve_ut(&u, 2, &mut x);
        solve_u(&u, 2, &mut x);
        assert!((x[0] - 1.0).abs() < 1e-15 && (x[1] - 1.0).abs() < 1e-15);
        // indefinite: the second leading minor fails
        assert_eq!(cholesky(&[1.0, 2.0, 2.0, 1.0], 2).1, 2);
    }

    #[test]
    fn boundary_roots() {
        // |(0,0) + t (1,0)| = 2: t = -2, 2
        assert_eq!(boundaries(&[0.0, 0.0], &[1.0, 0.0], 2.0), (-2.0, 2.0));
    }
}
