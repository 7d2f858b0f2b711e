//! numox::fft against numpy.fft (NumPy 2.4.6): the cases recorded by
//! `tools/refgen/gen_fft.py` in `tests/data/fft.{json,npz}`.
//!
//! Tolerance. NumPy (pocketfft) and numox (rustfft/realfft, and our own
//! passes for long lengths) round differently, so transforms are compared
//! with the standard FFT error bound: the rms error of an FFT relative to
//! the rms of its output is at most `c * eps * log2(N)`. Each element must
//! satisfy
//!
//! `|got - want| <= C * eps * log2(2N) * rms(want)`
//!
//! with `eps` the output precision (`f32` for complex64/float32 results), `N`
//! the number of output elements (an upper bound on the transform size),
//! and `C = 2`: both sides carry an error of this size, in practice below
//! `eps log2(2N) rms` each. The test prints the largest ratio seen
//! (`error / (eps log2(2N) rms)`): 1.13 with the committed data.
//! Frequencies (`fftfreq`, `rfftfreq`) and shifts are compared exactly.

use crate::common;

use common::{Case, assert_err, assert_same, load_cases, param_isize_list};
use numox::Scalar;
use numox::array::slice::{RangeEnd, SliceElem, SliceInfo};
use numox::fft::{self, FftInput, Norm, RealFftInput};
use numox::prelude::*;
use serde_json::Value;

/// Number of cases in tests/data/fft.json (each must be checked).
const N_CASES: usize = 604;
/// See the module notes.
const C: f64 = 2.0;

#[derive(Default)]
struct Stats {
    checked: usize,
    worst: f64,
    worst_case: String,
}

fn parts(s: Scalar) -> (f64, f64) {
    match s {
        Scalar::Float(f) => (f, 0.0),
        Scalar::Complex(c) => (c.re, c.im),
        Scalar::Int(i) => (i as f64, 0.0),
        Scalar::UInt(u) => (u as f64, 0.0),
        Scalar::Bool(b) => (b as u8 as f64, 0.0),
    }
}

/// The SplitMix64 stream of the generator: uniform [-1, 1).
fn splitmix_pm1(seed: u64, n: usize) -> Vec<f64> {
    (0..n as u64)
        .map(|i| {
            let mut z = seed.wrapping_add((i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            (z >> 11) as f64 * (1.0 / 9007199254740992.0) * 2.0 - 1.0
        })
        .collect()
}

/// The generated input of a "gen" case, as `A`.
fn generated<A: Element>(g: &Value) -> Array<A> {
    let n = g["n"].as_u64().expect("gen.n") as usize;
    let seed = g["seed"].as_u64().expect("gen.seed");
    let re = splitmix_pm1(seed, n);
    if g["complex"].as_bool().expect("gen.complex") {
        let im = splitmix_pm1(seed + 1, n);
        re.iter()
            .zip(&im)
            .map(|(&r, &i)| A::from_scalar(Scalar::Complex(Complex::new(r, i))))
            .collect()
    } else {
        re.iter().map(|&r| A::from_scalar(Scalar::Float(r))).collect()
    }
}

/// The dtype of the case's input (stored, or generated).
fn input_dtype(case: &Case) -> DType {
    match case.param("gen") {
        Some(g) => DType::from_name(g["dtype"].as_str().expect("gen.dtype")).expect("known dtype"),
        None => case.inputs[0].dtype(),
    }
}

/// The stored (or generated) input of the case.
fn base_input<A: Element>(case: &Case) -> Array<A> {
    match case.param("gen") {
        Some(g) => generated(g),
        None => case.input::<A>(0),
    }
}

/// The view of `a` the case transforms (NumPy's `a[slices]`, then `.T`).
fn view_of<'a, A>(a: &'a Array<A>, case: &Case) -> ArrayView<'a, A> {
    let Some(v) = case.param("view") else {
        return a.view();
    };
    let mut out = a.view();
    if let Some(slices) = v.get("slices").and_then(Value::as_array) {
        let opt = |x: &Value| x.as_i64().map(|i| i as isize);
        let info = SliceInfo::new(slices.iter().map(|s| {
            let s = s.as_array().expect("[start, stop, step]");
            SliceElem::Range {
                start: opt(&s[0]),
                end: opt(&s[1]).map_or(RangeEnd::Open, RangeEnd::Exclusive),
                step: opt(&s[2]).unwrap_or(1),
            }
        }));
        out = out.try_slice_move(&info).expect("valid view");
    }
    if v.get("transpose").and_then(Value::as_bool) == Some(true) {
        out = out.reversed_axes();
    }
    out
}

fn norm_of(case: &Case) -> Norm {
    case.param("norm").map_or(Norm::Backward, |v| {
        v.as_str().expect("norm string").parse().expect("known norm")
    })
}
fn n_of(case: &Case) -> Option<usize> {
    case.param("n")
        .map(|v| v.as_u64().expect("non-negative n") as usize)
}
fn axis_of(case: &Case) -> isize {
    case.param("axis")
        .map_or(-1, |v| v.as_i64().expect("axis") as isize)
}
fn list(case: &Case, name: &str) -> Option<Vec<isize>> {
    case.param(name).map(param_isize_list)
}
/// The axes of the 2-D functions (NumPy's default `(-2, -1)`).
fn axes2(case: &Case) -> Vec<isize> {
    list(case, "axes").unwrap_or_else(|| vec![-2, -1])
}

/// Compares a transform's result with NumPy's (see the module notes).
fn check<T: Element>(got: numox::Result<Array<T>>, case: &Case, stats: &mut Stats) {
    if case.error.is_some() {
        assert_err(&got, case);
        stats.checked += 1;
        return;
    }
    let got = got.unwrap_or_else(|e| panic!("{}: numox failed: {e}", case.ctx()));
    let want = &case.outputs[0];
    assert_eq!(T::DTYPE, want.dtype(), "{}: result dtype", case.ctx());
    let want = want.as_typed::<T>().expect("dtype checked");
    let got_vals: Vec<(f64, f64)> = match case.param("bins") {
        Some(b) => {
            assert_eq!(got.ndim(), 1, "{}", case.ctx());
            b.as_array()
                .expect("bins")
                .iter()
                .map(|k| parts(got[[k.as_u64().unwrap() as usize]].to_scalar()))
                .collect()
        }
        None => {
            assert_eq!(got.shape(), want.shape(), "{}: shape", case.ctx());
            got.iter().map(|x| parts(x.to_scalar())).collect()
        }
    };
    let want_vals: Vec<(f64, f64)> = want.iter().map(|x| parts(x.to_scalar())).collect();
    assert_eq!(got_vals.len(), want_vals.len(), "{}", case.ctx());
    let eps = match T::DTYPE {
        DType::Float32 | DType::Complex64 => f32::EPSILON as f64,
        _ => f64::EPSILON,
    };
    let n_total = if case.param("bins").is_some() {
        got.size()
    } else {
        want.size()
    };
    let rms =
        (want_vals.iter().map(|(r, i)| r * r + i * i).sum::<f64>() / want_vals.len().max(1) as f64).sqrt();
    let unit = eps * ((2 * n_total.max(1)) as f64).log2() * rms;
    for (k, (g, w)) in got_vals.iter().zip(&want_vals).enumerate() {
        let err = (g.0 - w.0).hypot(g.1 - w.1);
        if unit == 0.0 {
            assert!(
                err == 0.0,
                "{}: element {k}: got {g:?}, want {w:?} (exact zero expected)",
                case.ctx()
            );
            continue;
        }
        let ratio = err / unit;
        if ratio > stats.worst {
            stats.worst = ratio;
            stats.worst_case = case.ctx();
        }
        assert!(
            ratio <= C,
            "{}: element {k}: got {g:?}, want {w:?}: error {err:e} is {ratio:.2} x eps log2(2N) rms(want) (bound {C})",
            case.ctx()
        );
    }
    stats.checked += 1;
}

/// fft, ifft, fftn, ifftn, fft2, ifft2 for an input element type.
fn c2c<A: FftInput>(case: &Case, stats: &mut Stats)
where
    Complex<A::Real>: Element,
{
    let base = base_input::<A>(case);
    let a = view_of(&base, case);
    let (norm, s, axes) = (norm_of(case), list(case, "s"), list(case, "axes"));
    let got = match case.op.as_str() {
        "fft" => fft::fft_with(&a, n_of(case), axis_of(case), norm),
        "ifft" => fft::ifft_with(&a, n_of(case), axis_of(case), norm),
        "fftn" => fft::fftn_with(&a, s.as_deref(), axes.as_deref(), norm),
        "ifftn" => fft::ifftn_with(&a, s.as_deref(), axes.as_deref(), norm),
        "fft2" => fft::fft2_with(&a, s.as_deref(), &axes2(case), norm),
        "ifft2" => fft::ifft2_with(&a, s.as_deref(), &axes2(case), norm),
        op => unreachable!("{op}"),
    };
    // The short forms are the `_with` forms with NumPy's defaults.
    if case.params.as_object().is_none_or(|p| p.is_empty()) && case.error.is_none() {
        let short = match case.op.as_str() {
            "fft" => fft::fft(&a),
            "ifft" => fft::ifft(&a),
            "fftn" => fft::fftn(&a),
            "ifftn" => fft::ifftn(&a),
            "fft2" => fft::fft2(&a),
            _ => fft::ifft2(&a),
        };
        assert!(
            short.as_ref().ok() == got.as_ref().ok(),
            "{}: short form differs",
            case.ctx()
        );
    }
    check(got, case, stats);
}

/// rfft, ihfft, rfftn, rfft2 for a real input element type.
fn r2c<A: RealFftInput>(case: &Case, stats: &mut Stats)
where
    Complex<A::Real>: Element,
{
    let base = base_input::<A>(case);
    let a = view_of(&base, case);
    let (norm, s, axes) = (norm_of(case), list(case, "s"), list(case, "axes"));
    let got = match case.op.as_str() {
        "rfft" => fft::rfft_with(&a, n_of(case), axis_of(case), norm),
        "ihfft" => fft::ihfft_with(&a, n_of(case), axis_of(case), norm),
        "rfftn" => fft::rfftn_with(&a, s.as_deref(), axes.as_deref(), norm),
        "rfft2" => fft::rfft2_with(&a, s.as_deref(), &axes2(case), norm),
        op => unreachable!("{op}"),
    };
    check(got, case, stats);
}

/// irfft, hfft, irfftn, irfft2 for an input element type.
fn c2r<A: FftInput>(case: &Case, stats: &mut Stats) {
    let base = base_input::<A>(case);
    let a = view_of(&base, case);
    let (norm, s, axes) = (norm_of(case), list(case, "s"), list(case, "axes"));
    let got = match case.op.as_str() {
        "irfft" => fft::irfft_with(&a, n_of(case), axis_of(case), norm),
        "hfft" => fft::hfft_with(&a, n_of(case), axis_of(case), norm),
        "irfftn" => fft::irfftn_with(&a, s.as_deref(), axes.as_deref(), norm),
        "irfft2" => fft::irfft2_with(&a, s.as_deref(), &axes2(case), norm),
        op => unreachable!("{op}"),
    };
    check(got, case, stats);
}

/// fftshift, ifftshift (exact).
fn shift<A: Element>(case: &Case, stats: &mut Stats) {
    let base = base_input::<A>(case);
    let a = view_of(&base, case);
    let axes = list(case, "axes");
    let got = match case.op.as_str() {
        "fftshift" => fft::fftshift(&a, axes.as_deref()),
        _ => fft::ifftshift(&a, axes.as_deref()),
    };
    if case.error.is_some() {
        assert_err(&got, case);
    } else {
        assert_same(&got.unwrap(), &case.output::<A>(0), case.ctx());
    }
    stats.checked += 1;
}

macro_rules! by_dtype {
    ($f:ident, $case:expr, $stats:expr, [$($dt:ident => $t:ty),*]) => {
        match input_dtype($case) {
            $(DType::$dt => $f::<$t>($case, $stats),)*
            other => panic!("{}: unexpected input dtype {other}", $case.ctx()),
        }
    };
}

#[test]
fn numpy_fft_conformance() {
    let cases = load_cases("fft");
    let mut stats = Stats::default();
    for case in &cases {
        match case.op.as_str() {
            "fft" | "ifft" | "fftn" | "ifftn" | "fft2" | "ifft2" | "irfft" | "hfft" | "irfftn" | "irfft2" => {
                let complex_out = matches!(
                    case.op.as_str(),
                    "fft" | "ifft" | "fftn" | "ifftn" | "fft2" | "ifft2"
                );
                if complex_out {
                    by_dtype!(c2c, case, &mut stats, [Complex128 => Complex64, Complex64 => Complex32,
                        Float64 => f64, Float32 => f32, Int64 => i64, Int32 => i32, Bool => bool]);
                } else {
                    by_dtype!(c2r, case, &mut stats, [Complex128 => Complex64, Complex64 => Complex32,
                        Float64 => f64, Float32 => f32]);
                }
            }
            "rfft" | "ihfft" | "rfftn" | "rfft2" => {
                if matches!(input_dtype(case), DType::Complex64 | DType::Complex128) {
                    // NumPy raises TypeError; numox's real transforms do not
                    // accept complex element types at all (a compile error).
                    assert_eq!(case.error.as_deref(), Some("TypeError"), "{}", case.ctx());
                    stats.checked += 1;
                } else {
                    by_dtype!(r2c, case, &mut stats, [Float64 => f64, Float32 => f32, Int64 => i64, Int32 => i32,
                        Bool => bool]);
                }
            }
            "fftshift" | "ifftshift" => {
                by_dtype!(shift, case, &mut stats, [Complex128 => Complex64, Float64 => f64, Int64 => i64,
                    Int32 => i32]);
            }
            "fftfreq" | "rfftfreq" => {
                let n = case.i64_param("n") as usize;
                let d = case.f64_param("d");
                let got = if case.op == "fftfreq" {
                    fft::fftfreq(n, d)
                } else {
                    fft::rfftfreq(n, d)
                };
                if case.error.is_some() {
                    assert_err(&got, case);
                } else {
                    assert_same(&got.unwrap(), &case.output::<f64>(0), case.ctx());
                }
                stats.checked += 1;
            }
            other => panic!("unknown op {other}"),
        }
    }
    println!(
        "fft conformance: {} cases; worst error {:.3} x eps log2(2N) rms(want) (bound {C}) in {}",
        stats.checked, stats.worst, stats.worst_case
    );
    assert_eq!(
        cases.len(),
        N_CASES,
        "case count changed: regenerate and update N_CASES"
    );
    assert_eq!(stats.checked, N_CASES, "every case must be checked");
}
