//! numox.linalg against NumPy 2.4.6 (`tools/refgen/gen_linalg.py`).
//!
//! How results are compared (and why):
//! * Integer products are exact (both sides compute the same wrapping sums).
//! * Float products: `|got - want| <= 2 (K + 2) eps |A|·|B|` elementwise,
//!   the standard bound on two dot products of length `K` summed in
//!   different orders (faer and OpenBLAS block differently); einsum uses the
//!   product of the operands' largest magnitudes for `|A|·|B|`.
//! * Solutions, inverses, Cholesky factors, pseudo-inverses: normwise
//!   `max|got - want| <= (2 eps_out + 8 n eps cond) max|want|`: both sides
//!   are backward stable in double precision (NumPy computes `float32`
//!   input in double too), so they differ by the forward error bound
//!   `n eps cond`, plus the final rounding to the output type (`eps_out`).
//!   Least squares and pseudo-inverses use `cond²` (their sensitivity).
//! * Determinants: relative `2 eps_out + 8 n² eps cond` (the condition of
//!   `det` is at most `n cond`), `log|det|` the same absolutely.
//! * Singular values and Hermitian eigenvalues are perfectly conditioned
//!   (Weyl): `|got - want| <= (2 eps_out + 8 n eps) |A|_F`. General
//!   eigenvalues, matched nearest-first: `(2 eps_out + 64 n eps cond) |A|_F`
//!   (`eps^(1/3)` for the defective Jordan block).
//! * Non-unique factors (eigenvectors, U/V of the SVD, Q/R of QR) are
//!   checked by invariants on numox's own output: `A v = λ v`, `U S Vh = A`,
//!   `Q R = A` within `16 n eps_out |A|_F`, orthonormality within
//!   `16 n eps_out`, plus `|diag R|` against NumPy's.
//! * Norms: relative `8 (len + 1) eps_out` for sums over `len` elements
//!   (NumPy's BLAS dot / pairwise sums vs numox's pairwise double sums).
//! * Ranks and error cases exactly.

use crate::common;

use common::{Case, assert_err, assert_same, param_f64, param_i64};
use numox::Scalar;
use numox::linalg::{self, LinalgScalar, NormOrd, QrMode, Uplo};
use numox::prelude::*;
use serde_json::Value;

type C64 = numox::Complex64;
const EPS: f64 = f64::EPSILON;

/// Runs `$body` with `$T` bound to the float/complex type of a dtype.
macro_rules! with_float {
    ($dt:expr, $T:ident => $body:expr) => {
        match $dt {
            DType::Float32 => {
                type $T = f32;
                $body
            }
            DType::Float64 => {
                type $T = f64;
                $body
            }
            DType::Complex64 => {
                type $T = numox::Complex32;
                $body
            }
            DType::Complex128 => {
                type $T = numox::Complex64;
                $body
            }
            other => panic!("not a float dtype: {other}"),
        }
    };
}

/// Runs `$body` with `$T` bound to a numeric type (products).
macro_rules! with_num {
    ($dt:expr, $T:ident => $body:expr) => {
        match $dt {
            DType::Int32 => {
                type $T = i32;
                $body
            }
            DType::Int64 => {
                type $T = i64;
                $body
            }
            other => with_float!(other, $T => $body),
        }
    };
}

fn eps_of(dt: DType) -> f64 {
    match dt {
        DType::Float32 | DType::Complex64 => f32::EPSILON as f64,
        _ => f64::EPSILON,
    }
}

fn is_int(dt: DType) -> bool {
    matches!(dt, DType::Int32 | DType::Int64)
}

/// Any array as complex doubles (C order).
fn cv<T: Element, S: numox::array::Data<Elem = T>>(a: &ArrayBase<S>) -> Vec<C64> {
    a.to_vec()
        .into_iter()
        .map(|x| match x.to_scalar() {
            Scalar::Complex(z) => z,
            Scalar::Float(f) => C64::new(f, 0.0),
            Scalar::Int(i) => C64::new(i as f64, 0.0),
            Scalar::UInt(u) => C64::new(u as f64, 0.0),
            Scalar::Bool(b) => C64::new(b as u8 as f64, 0.0),
        })
        .collect()
}

fn dv(d: &DynArray) -> Vec<C64> {
    cv(&d.astype::<C64>())
}

fn maxabs(v: &[C64]) -> f64 {
    v.iter().fold(0.0, |m, z| m.max(z.norm()))
}

fn fro(v: &[C64]) -> f64 {
    v.iter().map(|z| z.norm_sqr()).sum::<f64>().sqrt()
}

/// `max|got - want| <= tol * scale`, NaN/inf positions equal.
fn check_abs(got: &[C64], want: &[C64], tol: f64, ctx: &str) {
    assert_eq!(got.len(), want.len(), "{ctx}: length differs");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if !(w.re.is_finite() && w.im.is_finite()) {
            let same = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a == b;
            assert!(
                same(g.re, w.re) && same(g.im, w.im),
                "{ctx}: element {i}: got {g}, want {w}"
            );
            continue;
        }
        assert!(
            (g - w).norm() <= tol,
            "{ctx}: element {i}: got {g}, want {w} (|diff| {:e} > {tol:e})",
            (g - w).norm()
        );
    }
}

fn check_normwise(got: &[C64], want: &[C64], rel: f64, ctx: &str) {
    let scale = maxabs(want).max(f64::MIN_POSITIVE);
    check_abs(got, want, rel * scale, ctx);
}

/// Matrix helpers on complex doubles, C order.
struct M {
    r: usize,
    c: usize,
    d: Vec<C64>,
}

impl M {
    fn of<T: Element, S: numox::array::Data<Elem = T>>(a: &ArrayBase<S>) -> Vec<M> {
        let nd = a.ndim();
        let (r, c) = (a.shape()[nd - 2], a.shape()[nd - 1]);
        let v = cv(a);
        let per = r * c;
        let count: usize = a.shape()[..nd - 2].iter().product();
        (0..count)
            .map(|k| M {
                r,
                c,
                d: v[k * per..(k + 1) * per].to_vec(),
            })
            .collect()
    }
    fn at(&self, i: usize, j: usize) -> C64 {
        self.d[i * self.c + j]
    }
    fn mul(&self, o: &M) -> M {
        let mut d = vec![C64::new(0.0, 0.0); self.r * o.c];
        for i in 0..self.r {
            for k in 0..self.c {
                let a = self.at(i, k);
                for j in 0..o.c {
                    d[i * o.c + j] += a * o.at(k, j);
                }
            }
        }
        M { r: self.r, c: o.c, d }
    }
    fn h(&self) -> M {
        let mut d = vec![C64::new(0.0, 0.0); self.r * self.c];
        for i in 0..self.r {
            for j in 0..self.c {
                d[j * self.r + i] = self.at(i, j).conj();
            }
        }
        M {
            r: self.c,
            c: self.r,
            d,
        }
    }
    fn eye_dist(&self) -> f64 {
        let mut m = 0.0f64;
        for i in 0..self.r {
            for j in 0..self.c {
                let want = if i == j { 1.0 } else { 0.0 };
                m = m.max((self.at(i, j) - want).norm());
            }
        }
        m
    }
}

fn param_cond(case: &Case) -> f64 {
    case.param("cond").map(param_f64).unwrap_or(1.0)
}

fn order(case: &Case) -> f64 {
    case.param("order").map(param_f64).unwrap_or(1.0).max(1.0)
}

fn norm_ord(v: Option<&Value>) -> Option<NormOrd> {
    match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.parse().expect("ord")),
        Some(x) => Some(NormOrd::from(param_f64(x))),
    }
}

fn axes_param(v: Option<&Value>) -> Option<Vec<isize>> {
    match v {
        None | Some(Value::Null) => None,
        Some(Value::Array(xs)) => Some(xs.iter().map(|x| param_i64(x) as isize).collect()),
        Some(x) => Some(vec![param_i64(x) as isize]),
    }
}

/// The bound of two length-`k` dot products: `2 (k + 2) eps (|A|·|B|)`.
fn product_bound(a: &[C64], b: &[C64], k: usize, eps: f64) -> f64 {
    2.0 * (k as f64 + 2.0) * eps * maxabs(a) * maxabs(b) * (k as f64).max(1.0)
}

fn products(case: &Case) -> bool {
    let dt = case.inputs[0].dtype();
    let ctx = case.ctx();
    let eps = eps_of(dt);
    with_num!(dt, T => {
        let ins: Vec<Array<T>> = (0..case.inputs.len()).map(|k| case.input::<T>(k)).collect();
        let (a, b) = (&ins[0], ins.get(1));
        let got: numox::Result<Array<T>> = match case.op.as_str() {
            "matmul" => numox::matmul(a, b.unwrap()),
            "dot" => numox::dot(a, b.unwrap()),
            "inner" => numox::inner(a, b.unwrap()),
            "outer" => Ok(numox::outer(a, b.unwrap())),
            "kron" => numox::kron(a, b.unwrap()),
            "vdot" => numox::vdot(a, b.unwrap()).map(Array::from_elem0),
            "tensordot" => {
                let axes: numox::linalg::TensordotAxes = match case.param("axes").unwrap() {
                    Value::Array(p) => (common::param_isize_list(&p[0]), common::param_isize_list(&p[1])).into(),
                    x => (param_i64(x) as usize).into(),
                };
                numox::tensordot(a, b.unwrap(), axes)
            }
            "vecdot" => numox::vecdot(a, b.unwrap(), case.i64_param("axis") as isize),
            "matvec" => numox::matvec(a, b.unwrap()),
            "vecmat" => numox::vecmat(a, b.unwrap()),
            "multi_dot" => linalg::multi_dot(&ins.iter().map(|x| x.view()).collect::<Vec<_>>()),
            "trace" => {
                // trace sums in T::Sum; compare through complex doubles below.
                let r = linalg::trace(a, case.i64_param("offset") as isize);
                match r {
                    Ok(t) => {
                        let want = dv(&case.outputs[0]);
                        check_abs(&cv(&t), &want, 4.0 * eps * (maxabs(&cv(a)) * a.shape()[0] as f64 + 1.0), &ctx);
                        assert_eq!(t.shape(), case.outputs[0].shape(), "{ctx}");
                        return true;
                    }
                    Err(e) => Err(e),
                }
            }
            "matrix_power" => linalg::matrix_power(a, case.i64_param("power")),
            "einsum" => linalg::einsum(case.str_param("subscripts"), &ins.iter().collect::<Vec<_>>()),
            _ => return false,
        };
        if case.error.is_some() {
            assert_err(&got, case);
            return true;
        }
        let got = got.unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let want = case.output::<T>(0);
        if is_int(dt) {
            assert_same(&got, &want, &ctx);
            return true;
        }
        assert_eq!(got.shape(), want.shape(), "{ctx}: shape");
        // Magnitude bound for the float products.
        let k: usize = match case.op.as_str() {
            "matmul" | "dot" | "matvec" => a.shape().last().copied().unwrap_or(1),
            "vecmat" | "inner" | "vecdot" | "vdot" => a.shape().last().copied().unwrap_or(1).max(a.size().min(64)),
            "matrix_power" => a.shape()[a.ndim() - 1].pow(3),
            _ => ins.iter().map(|x| x.size()).max().unwrap_or(1),
        };
        let mut bound = 1.0;
        for x in &ins {
            bound *= maxabs(&cv(x)).max(1.0);
        }
        let scale = if case.op == "matrix_power" {
            let p = case.i64_param("power").unsigned_abs() as i32;
            maxabs(&cv(&want)).max(1.0) * p.max(1) as f64
        } else {
            bound
        };
        let tol = product_bound(&[C64::new(scale, 0.0)], &[C64::new(1.0, 0.0)], k, eps);
        check_abs(&cv(&got), &cv(&want), tol, &ctx);
    });
    true
}

fn decompositions(case: &Case) -> bool {
    let dt = case.inputs[0].dtype();
    let ctx = case.ctx();
    let eps_out = eps_of(dt);
    let cond = param_cond(case);
    let n = order(case);
    // Forward-error tolerance of a backward-stable double-precision solve.
    let fwd = |c: f64| 2.0 * eps_out + 8.0 * n * EPS * c;
    with_float!(dt, T => {
        let a = case.input::<T>(0);
        macro_rules! err_or {
            ($r:expr) => {{
                let r = $r;
                if case.error.is_some() {
                    assert_err(&r, case);
                    return true;
                }
                r.unwrap_or_else(|e| panic!("{ctx}: {e}"))
            }};
        }
        let afro = fro(&cv(&a));
        match case.op.as_str() {
            "solve" => {
                let x = err_or!(linalg::solve(&a, &case.input::<T>(1)));
                assert_eq!(x.shape(), case.outputs[0].shape(), "{ctx}");
                check_normwise(&cv(&x), &dv(&case.outputs[0]), fwd(cond), &ctx);
            }
            "inv" => {
                let x = err_or!(linalg::inv(&a));
                assert_eq!(x.shape(), case.outputs[0].shape(), "{ctx}");
                check_normwise(&cv(&x), &dv(&case.outputs[0]), fwd(cond), &ctx);
            }
            "det" | "slogdet" => {
                let tol = 2.0 * eps_out + 8.0 * n * n * EPS * cond.max(1.0);
                if case.op == "det" {
                    let d = err_or!(linalg::det(&a));
                    let want = dv(&case.outputs[0]);
                    assert_eq!(d.shape(), case.outputs[0].shape(), "{ctx}");
                    for (g, w) in cv(&d).iter().zip(&want) {
                        assert!((g - w).norm() <= tol * w.norm(), "{ctx}: det {g} vs {w}");
                    }
                } else {
                    let r = err_or!(linalg::slogdet(&a));
                    let (ws, wl) = (dv(&case.outputs[0]), dv(&case.outputs[1]));
                    check_abs(&cv(&r.sign), &ws, tol, &ctx);
                    let gl = cv(&r.logabsdet);
                    for (g, w) in gl.iter().zip(&wl) {
                        if w.re.is_infinite() {
                            assert_eq!(g.re, w.re, "{ctx}");
                        } else {
                            assert!((g.re - w.re).abs() <= tol * (1.0 + w.re.abs()), "{ctx}: logdet {g} vs {w}");
                        }
                    }
                }
            }
            "cholesky" => {
                let upper = case.bool_param("upper");
                let l = err_or!(linalg::cholesky(&a, upper));
                check_normwise(&cv(&l), &dv(&case.outputs[0]), fwd(cond), &ctx);
                for (lk, ak) in M::of(&l).iter().zip(M::of(&a)) {
                    let back = if upper { lk.h().mul(lk) } else { lk.mul(&lk.h()) };
                    check_abs(&back.d, &ak.d, 16.0 * n * eps_out * fro(&ak.d).max(1.0), &ctx);
                }
            }
            "qr" => {
                let mode = case.str_param("mode");
                let rshape: Vec<usize> = case.param("r_shape").map(|v| v.as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as usize).collect()).unwrap_or_default();
                let (q, r) = if mode == "r" {
                    (None, err_or!(linalg::qr_r(&a)))
                } else {
                    let m = if mode == "complete" { QrMode::Complete } else { QrMode::Reduced };
                    let f = err_or!(linalg::qr(&a, m));
                    (Some(f.q), f.r)
                };
                assert_eq!(r.shape(), &rshape[..], "{ctx}: R shape");
                let rd: Vec<C64> = M::of(&r).iter().flat_map(|m| (0..m.r.min(m.c)).map(move |i| C64::new(m.at(i, i).norm(), 0.0))).collect();
                check_abs(&rd, &dv(&case.outputs[0]), fwd(cond) * afro.max(1.0), &ctx);
                for m in M::of(&r) {
                    for i in 0..m.r {
                        for j in 0..i.min(m.c) {
                            assert_eq!(m.at(i, j), C64::new(0.0, 0.0), "{ctx}: R not upper triangular");
                        }
                    }
                }
                if let Some(q) = q {
                    let tol = 16.0 * n * eps_out;
                    for ((qk, rk), ak) in M::of(&q).iter().zip(M::of(&r)).zip(M::of(&a)) {
                        assert!(qk.h().mul(qk).eye_dist() <= tol, "{ctx}: QᴴQ != I");
                        check_abs(&qk.mul(&rk).d, &ak.d, tol * fro(&ak.d).max(1.0), &ctx);
                    }
                }
            }
            "svd" => {
                let f = err_or!(linalg::svd(&a, case.bool_param("full_matrices"), case.bool_param("hermitian")));
                let tol_s = (2.0 * eps_out + 8.0 * n * EPS) * afro.max(1.0);
                assert_eq!(f.s.shape(), case.outputs[0].shape(), "{ctx}");
                check_abs(&cv(&f.s), &dv(&case.outputs[0]), tol_s, &ctx);
                let tol = 16.0 * n * eps_out;
                let s = cv(&f.s);
                let k = f.s.shape()[f.s.ndim() - 1];
                for (idx, ((u, vh), ak)) in M::of(&f.u).iter().zip(M::of(&f.vh)).zip(M::of(&a)).enumerate() {
                    assert!(u.h().mul(u).eye_dist() <= tol, "{ctx}: UᴴU != I");
                    assert!(vh.mul(&vh.h()).eye_dist() <= tol, "{ctx}: Vh Vhᴴ != I");
                    // U[:, :k] diag(s) Vh[:k, :]
                    let mut us = M { r: u.r, c: k, d: vec![C64::new(0.0, 0.0); u.r * k] };
                    for i in 0..u.r {
                        for j in 0..k {
                            us.d[i * k + j] = u.at(i, j) * s[idx * k + j];
                        }
                    }
                    let vk = M { r: k, c: vh.c, d: vh.d[..k * vh.c].to_vec() };
                    check_abs(&us.mul(&vk).d, &ak.d, tol * fro(&ak.d).max(1.0), &ctx);
                }
            }
            "svdvals" => {
                let s = err_or!(linalg::svdvals(&a));
                assert_eq!(s.shape(), case.outputs[0].shape(), "{ctx}");
                check_abs(&cv(&s), &dv(&case.outputs[0]), (2.0 * eps_out + 8.0 * n * EPS) * afro.max(1.0), &ctx);
            }
            "eig" | "eigvals" => {
                let (w, v) = if case.op == "eig" {
                    let e = err_or!(linalg::eig(&a));
                    (e.eigenvalues, Some(e.eigenvectors))
                } else {
                    (err_or!(linalg::eigvals(&a)), None)
                };
                assert_eq!(w.shape(), case.outputs[0].shape(), "{ctx}");
                let tol = if case.note == "defective" {
                    4.0 * EPS.cbrt() * afro
                } else {
                    (2.0 * eps_out + 64.0 * n * EPS * cond) * afro.max(1.0)
                };
                let (gw, ww) = (cv(&w), dv(&case.outputs[0]));
                let nn = *w.shape().last().unwrap();
                for b in 0..gw.len() / nn.max(1) {
                    let mut used = vec![false; nn];
                    for j in 0..nn {
                        let want = ww[b * nn + j];
                        let (best, _) = (0..nn).filter(|&i| !used[i]).map(|i| (i, (gw[b * nn + i] - want).norm())).min_by(|x, y| x.1.total_cmp(&y.1)).unwrap();
                        used[best] = true;
                        assert!((gw[b * nn + best] - want).norm() <= tol, "{ctx}: eigenvalue {want} not matched (nearest {})", gw[b * nn + best]);
                    }
                }
                if let Some(v) = v {
                    let tol = 16.0 * n * eps_out;
                    for (idx, (vk, ak)) in M::of(&v).iter().zip(M::of(&a)).enumerate() {
                        let av = ak.mul(vk);
                        for j in 0..vk.c {
                            let lam = gw[idx * nn + j];
                            let col_norm: f64 = (0..vk.r).map(|i| vk.at(i, j).norm_sqr()).sum::<f64>().sqrt();
                            assert!((col_norm - 1.0).abs() <= tol, "{ctx}: |v| = {col_norm}");
                            for i in 0..vk.r {
                                let d = (av.at(i, j) - vk.at(i, j) * lam).norm();
                                assert!(d <= tol * fro(&ak.d).max(1.0), "{ctx}: A v != λ v ({d:e})");
                            }
                        }
                    }
                }
            }
            "eigh" | "eigvalsh" => {
                let uplo = if case.param("UPLO").and_then(Value::as_str) == Some("U") { Uplo::U } else { Uplo::L };
                let (w, v) = if case.op == "eigh" {
                    let e = err_or!(linalg::eigh(&a, uplo));
                    (e.eigenvalues, Some(e.eigenvectors))
                } else {
                    (err_or!(linalg::eigvalsh(&a, uplo)), None)
                };
                assert_eq!(w.shape(), case.outputs[0].shape(), "{ctx}");
                check_abs(&cv(&w), &dv(&case.outputs[0]), (2.0 * eps_out + 8.0 * n * EPS) * afro.max(1.0), &ctx);
                if let Some(v) = v {
                    let tol = 16.0 * n * eps_out;
                    let gw = cv(&w);
                    for (idx, (vk, ak)) in M::of(&v).iter().zip(M::of(&a)).enumerate() {
                        // The Hermitian matrix of the triangle that was read.
                        let mut h = M { r: ak.r, c: ak.c, d: ak.d.clone() };
                        for i in 0..ak.r {
                            for j in 0..ak.c {
                                let (src, conj) = match (uplo, i >= j) {
                                    (Uplo::L, true) | (Uplo::U, false) => ((i, j), false),
                                    _ => ((j, i), true),
                                };
                                let x = ak.at(src.0, src.1);
                                h.d[i * ak.c + j] = if conj { x.conj() } else { x };
                                if i == j {
                                    h.d[i * ak.c + j] = C64::new(x.re, 0.0);
                                }
                            }
                        }
                        assert!(vk.h().mul(vk).eye_dist() <= tol, "{ctx}: VᴴV != I");
                        let hv = h.mul(vk);
                        for j in 0..vk.c {
                            for i in 0..vk.r {
                                let d = (hv.at(i, j) - vk.at(i, j) * gw[idx * vk.c + j]).norm();
                                assert!(d <= tol * fro(&h.d).max(1.0), "{ctx}: H v != λ v ({d:e})");
                            }
                        }
                    }
                }
            }
            "lstsq" => {
                let rcond = case.param("rcond").map(param_f64);
                let r = err_or!(linalg::lstsq(&a, &case.input::<T>(1), rcond));
                let c2 = cond * cond;
                check_normwise(&cv(&r.x), &dv(&case.outputs[0]), fwd(c2.max(cond)), &ctx);
                assert_eq!(r.residuals.shape(), case.outputs[1].shape(), "{ctx}: residuals shape");
                check_normwise(&cv(&r.residuals), &dv(&case.outputs[1]), fwd(c2.max(cond)).max(1e-10), &ctx);
                let want_rank = case.outputs[2].astype::<i64>().into_scalar();
                assert_eq!(r.rank as i64, want_rank, "{ctx}: rank");
                check_abs(&cv(&r.s), &dv(&case.outputs[3]), (2.0 * eps_out + 8.0 * n * EPS) * afro.max(1.0), &ctx);
            }
            "pinv" => {
                let rcond = case.param("rcond").map(param_f64);
                let p = err_or!(linalg::pinv(&a, rcond, case.bool_param("hermitian")));
                assert_eq!(p.shape(), case.outputs[0].shape(), "{ctx}");
                check_normwise(&cv(&p), &dv(&case.outputs[0]), fwd(cond * cond), &ctx);
            }
            _ => return false,
        }
    });
    true
}

fn norms(case: &Case) -> bool {
    let dt = case.inputs[0].dtype();
    let ctx = case.ctx();
    let eps_out = eps_of(dt);
    with_float!(dt, T => {
        let x = case.input::<T>(0);
        let keep = case.param("keepdims").and_then(Value::as_bool).unwrap_or(false);
        let axes = axes_param(case.param("axis"));
        let got: numox::Result<Array<<T as LinalgScalar>::Real>> = match case.op.as_str() {
            "norm" => linalg::norm(&x, norm_ord(case.param("ord")), axes.as_deref(), keep),
            "vector_norm" => linalg::vector_norm(&x, norm_ord(case.param("ord")).unwrap_or(NormOrd::P(2.0)), axes.as_deref(), keep),
            "matrix_norm" => linalg::matrix_norm(&x, norm_ord(case.param("ord")).unwrap_or(NormOrd::Fro), keep),
            "cond" => linalg::cond(&x, norm_ord(case.param("p"))),
            "matrix_rank" => {
                let tol = case.param("tol").map(param_f64);
                let rtol = case.param("rtol").map(param_f64);
                let r = linalg::matrix_rank(&x, tol, case.bool_param("hermitian"), rtol);
                if case.error.is_some() {
                    assert_err(&r, case);
                } else {
                    let r = r.unwrap_or_else(|e| panic!("{ctx}: {e}"));
                    assert_same(&r, &case.outputs[0].astype::<i64>(), &ctx);
                }
                return true;
            }
            _ => return false,
        };
        if case.error.is_some() {
            assert_err(&got, case);
            return true;
        }
        let got = got.unwrap_or_else(|e| panic!("{ctx}: {e}"));
        assert_eq!(got.shape(), case.outputs[0].shape(), "{ctx}: shape");
        let len = x.size() as f64;
        let rel = if case.op == "cond" {
            2.0 * eps_out + 8.0 * order(case) * EPS * param_cond(case).max(1.0)
        } else {
            8.0 * (len + 1.0) * eps_out
        };
        let want = dv(&case.outputs[0]);
        for (g, w) in cv(&got).iter().zip(&want) {
            if w.re.is_finite() {
                assert!((g.re - w.re).abs() <= rel * w.re.abs() + 1e-300, "{ctx}: got {g}, want {w}");
            } else {
                assert!(g.re == w.re || (g.re.is_nan() && w.re.is_nan()), "{ctx}: got {g}, want {w}");
            }
        }
    });
    true
}

#[test]
fn linalg_matches_numpy() {
    let cases = common::load_cases("linalg");
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let handled = products(case) || decompositions(case) || norms(case);
            assert!(handled, "{}: op not handled", case.ctx());
        }));
        match r {
            Ok(()) => checked += 1,
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(msg);
            }
        }
    }
    for f in &failures {
        eprintln!("FAIL: {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed",
        failures.len(),
        cases.len()
    );
    assert_eq!(checked, cases.len());
    assert_eq!(cases.len(), 1024, "case count changed: update after regenerating");
}
