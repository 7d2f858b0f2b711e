//! Shared machinery of the conformance tests: loading the cases that
//! `tools/refgen/gen_<group>.py` recorded from NumPy (or SciPy), and comparing
//! numox's results with NumPy's. sciox's tests include this file too; the
//! data directory is the including crate's `tests/data`.
//!
//! A test file uses it with `mod common;` and then
//!
//! ```ignore
//! let cases = common::load_cases("reduce");
//! for case in &cases {
//!     match case.op.as_str() {
//!         "sum" => {
//!             let x = case.input::<f64>(0);
//!             let got = numox::sum(&x /* , ... */);
//!             common::assert_close(&got, &case.output::<f64>(0), 1e-15, 0.0, case.ctx());
//!         }
//!         other => panic!("unknown op {other}"),
//!     }
//! }
//! assert_eq!(cases.len(), 123); // every case checked
//! ```
#![allow(dead_code)]

/// Serialises the tests that use numox's global legacy `RandomState`
/// (`numox::random::seed`, `rand`, ...): every test module runs in one process.
pub static GLOBAL_RANDOM: std::sync::Mutex<()> = std::sync::Mutex::new(());

use numox::array::Data;
use numox::{Array, ArrayBase, ArrayView, DType, DynArray, Element, NpzReader, Scalar};
use serde_json::Value;
use std::fmt::Display;

/// One recorded NumPy call: inputs, parameters, and either NumPy's outputs
/// or the name of the exception NumPy raised.
#[derive(Debug)]
pub struct Case {
    /// `c0001`, `c0002`, ... (unique within a group).
    pub id: String,
    /// The operation name the test dispatches on.
    pub op: String,
    /// Keyword parameters (JSON; NaN/inf spelled "nan"/"inf"/"-inf").
    pub params: Value,
    /// Input arrays, in order.
    pub inputs: Vec<DynArray>,
    /// NumPy's outputs (empty when `error` is set).
    pub outputs: Vec<DynArray>,
    /// The class name of the exception NumPy raised (`"ValueError"`), if any.
    pub error: Option<String>,
    /// Free-form note from the generator.
    pub note: String,
}

impl Case {
    /// A context string for assertion messages: id, op, params and note.
    pub fn ctx(&self) -> String {
        format!(
            "case {} op={} params={} {}",
            self.id, self.op, self.params, self.note
        )
    }

    /// Input `k` as `Array<T>`; panics (naming the case) when the dtype differs.
    pub fn input<T: Element>(&self, k: usize) -> Array<T> {
        let d = self
            .inputs
            .get(k)
            .unwrap_or_else(|| panic!("{}: no input {k} (has {})", self.ctx(), self.inputs.len()));
        d.clone()
            .into_typed::<T>()
            .unwrap_or_else(|e| panic!("{}: input {k}: {e}", self.ctx()))
    }

    /// Output `k` as `Array<T>`; panics (naming the case) when the dtype differs.
    pub fn output<T: Element>(&self, k: usize) -> Array<T> {
        let d = self
            .outputs
            .get(k)
            .unwrap_or_else(|| panic!("{}: no output {k} (has {})", self.ctx(), self.outputs.len()));
        d.clone()
            .into_typed::<T>()
            .unwrap_or_else(|e| panic!("{}: output {k}: {e}", self.ctx()))
    }

    /// Parameter `name`, if present and not `null`.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.get(name).filter(|v| !v.is_null())
    }

    /// Parameter `name` as `f64` (see [`param_f64`]); panics when absent.
    pub fn f64_param(&self, name: &str) -> f64 {
        param_f64(
            self.param(name)
                .unwrap_or_else(|| panic!("{}: no param {name}", self.ctx())),
        )
    }

    /// Parameter `name` as `i64`; panics when absent or not an integer.
    pub fn i64_param(&self, name: &str) -> i64 {
        param_i64(
            self.param(name)
                .unwrap_or_else(|| panic!("{}: no param {name}", self.ctx())),
        )
    }

    /// Parameter `name` as `bool`; panics when absent or not a bool.
    pub fn bool_param(&self, name: &str) -> bool {
        self.param(name)
            .and_then(Value::as_bool)
            .unwrap_or_else(|| panic!("{}: no bool param {name}", self.ctx()))
    }

    /// Parameter `name` as a string; panics when absent or not a string.
    pub fn str_param(&self, name: &str) -> &str {
        self.param(name)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{}: no string param {name}", self.ctx()))
    }
}

/// The directory holding the reference data of this crate (`tests/data`).
pub fn data_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
}

/// Loads `tests/data/<group>.json` and `<group>.npz` (written by
/// `tools/refgen/gen_<group>.py`). Panics with a clear message on any
/// inconsistency (a missing array, a dtype numox cannot read).
pub fn load_cases(group: &str) -> Vec<Case> {
    let dir = data_dir();
    let json_path = dir.join(format!("{group}.json"));
    let text = std::fs::read_to_string(&json_path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (run tools/refgen/gen_{group}.py)",
            json_path.display()
        )
    });
    let meta: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", json_path.display()));
    let npz_path = dir.join(format!("{group}.npz"));
    let mut npz = NpzReader::open(&npz_path).unwrap_or_else(|e| panic!("{}: {e}", npz_path.display()));
    let cases = meta["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no \"cases\" list", json_path.display()));
    let mut load = |name: String| -> DynArray {
        npz.by_name(&name)
            .unwrap_or_else(|e| panic!("{}: array {name}: {e}", npz_path.display()))
    };
    cases
        .iter()
        .map(|c| {
            let id = c["id"].as_str().expect("case id").to_string();
            let n_in = c["n_in"].as_u64().expect("n_in") as usize;
            let n_out = c["n_out"].as_u64().expect("n_out") as usize;
            Case {
                inputs: (0..n_in).map(|k| load(format!("{id}_in{k}"))).collect(),
                outputs: (0..n_out).map(|k| load(format!("{id}_out{k}"))).collect(),
                op: c["op"].as_str().expect("case op").to_string(),
                params: c["params"].clone(),
                error: c["error"].as_str().map(str::to_string),
                note: c["note"].as_str().unwrap_or("").to_string(),
                id,
            }
        })
        .collect()
}

/// A JSON number, or one of the strings "nan", "inf", "-inf" (how the
/// generators spell non-finite floats), as `f64`.
pub fn param_f64(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("a JSON number"),
        Value::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            other => other
                .parse()
                .unwrap_or_else(|_| panic!("not a float parameter: {other:?}")),
        },
        Value::Bool(b) => *b as u8 as f64,
        other => panic!("not a float parameter: {other}"),
    }
}

/// A JSON integer as `i64`.
pub fn param_i64(v: &Value) -> i64 {
    v.as_i64()
        .unwrap_or_else(|| panic!("not an integer parameter: {v}"))
}

/// A JSON integer as `usize`.
pub fn param_usize(v: &Value) -> usize {
    v.as_u64()
        .unwrap_or_else(|| panic!("not a non-negative integer parameter: {v}")) as usize
}

/// A JSON list of integers (a shape, axes) as `Vec<isize>`; a single
/// integer gives a one-element list.
pub fn param_isize_list(v: &Value) -> Vec<isize> {
    match v {
        Value::Array(xs) => xs.iter().map(|x| param_i64(x) as isize).collect(),
        x => vec![param_i64(x) as isize],
    }
}

/// An optional axis: `null` or absent gives `None`.
pub fn param_axis(v: Option<&Value>) -> Option<isize> {
    v.filter(|v| !v.is_null()).map(|v| param_i64(v) as isize)
}

/// Input `k` of case `c` as the view NumPy was called on: the case's `views`
/// parameter names, per input, a transformation of the stored array (`"T"`
/// transposed, `"rev"` reversed along axis 0, `"step2"` every second column)
/// or none (absent or `null`: the array itself).
pub fn view_of<'a, T>(a: &'a Array<T>, c: &Case, k: usize) -> ArrayView<'a, T> {
    let v = c.param("views").and_then(|v| v.get(k)).and_then(Value::as_str);
    match v {
        None => a.view(),
        Some("T") => a.t(),
        Some("rev") => a.slice(numox::s![..;-1]),
        Some("step2") => a.slice(numox::s![..., ..;2]),
        Some(other) => panic!("{}: unknown view {other}", c.ctx()),
    }
}

/// Checks a fallible numox result against case `c`: `Ok` when numox failed
/// where NumPy raised; an `Err` naming the disagreement when only one of
/// them failed; when both succeeded, `check` compares the value with
/// NumPy's output (it panics on a mismatch, which [`check_all_cases`]
/// reports as that case's failure).
pub fn expect_with<T>(
    c: &Case,
    got: numox::Result<Array<T>>,
    check: impl FnOnce(&Array<T>),
) -> Result<(), String> {
    match (&c.error, got) {
        (Some(_), Err(_)) => Ok(()),
        (Some(e), Ok(v)) => Err(format!("NumPy raised {e}, numox gave shape {:?}", v.shape())),
        (None, Err(e)) => Err(format!("numox failed: {e}")),
        (None, Ok(v)) => {
            check(&v);
            Ok(())
        }
    }
}

/// Dispatches on the dtype of input 0 of a case over the listed element
/// types: `with_types!(c, T => body, [f32, f64])` evaluates `body` with the
/// type alias `T` set to the matching type and *returns* its value from the
/// enclosing function (a `Result<_, String>`); a dtype not listed returns an
/// `Err` naming it and the op. `with_types!(c, dtype = dt, T => ...)`
/// dispatches on `dt` instead (another input's dtype).
#[allow(unused_macros)] // sciox's suite includes this file too and dispatches otherwise
macro_rules! with_types {
    ($c:expr, dtype = $dt:expr, $T:ident => $body:expr, [$($t:ty),*]) => {{
        let dt = $dt;
        $(
            if dt == <$t as numox::Element>::DTYPE {
                type $T = $t;
                return $body;
            }
        )*
        Err(format!("dtype {dt:?} not expected for op {}", $c.op))
    }};
    ($c:expr, $T:ident => $body:expr, [$($t:ty),*]) => {
        $crate::common::with_types!($c, dtype = $c.inputs[0].dtype(), $T => $body, [$($t),*])
    };
}
#[allow(unused_imports)] // likewise
pub(crate) use with_types;

/// Real and imaginary parts of any element as `f64`.
pub fn parts(s: Scalar) -> (f64, f64) {
    match s {
        Scalar::Bool(b) => (b as u8 as f64, 0.0),
        Scalar::Int(i) => (i as f64, 0.0),
        Scalar::UInt(u) => (u as f64, 0.0),
        Scalar::Float(f) => (f, 0.0),
        Scalar::Complex(c) => (c.re, c.im),
    }
}

/// Exact float identity as NumPy results need it: NaN equals NaN (any
/// payload), and -0.0 differs from 0.0.
fn same_float(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || (a == b && a.is_sign_negative() == b.is_sign_negative())
}

fn check_shapes(got: &[usize], want: &[usize], ctx: &dyn Display) {
    assert_eq!(got, want, "{ctx}: shape differs (got {got:?}, want {want:?})");
}

/// Asserts `got` equals `want` exactly: same shape; integers and bools
/// equal; floats equal with NaN == NaN and the sign of zero significant.
pub fn assert_same<T, S1, S2>(got: &ArrayBase<S1>, want: &ArrayBase<S2>, ctx: impl Display)
where
    T: Element,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_shapes(got.shape(), want.shape(), &ctx);
    let (g, w) = (got.to_vec(), want.to_vec());
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        let ok = match (a.to_scalar(), b.to_scalar()) {
            (Scalar::Float(x), Scalar::Float(y)) => same_float(x, y),
            (Scalar::Complex(x), Scalar::Complex(y)) => same_float(x.re, y.re) && same_float(x.im, y.im),
            (x, y) => x == y,
        };
        assert!(
            ok,
            "{ctx}: element {i} (C order) of shape {:?} differs: got {a:?}, want {b:?}",
            want.shape()
        );
    }
}

/// Asserts two dynamically typed arrays have the same dtype and are
/// [`assert_same`].
pub fn assert_same_dyn(got: &DynArray, want: &DynArray, ctx: impl Display) {
    assert_eq!(got.dtype(), want.dtype(), "{ctx}: dtype differs");
    macro_rules! go {
        ($($t:ty),*) => {
            $(if want.dtype() == <$t as Element>::DTYPE {
                return assert_same(&got.as_typed::<$t>().unwrap(), &want.as_typed::<$t>().unwrap(), ctx);
            })*
        };
    }
    go!(
        bool,
        i8,
        i16,
        i32,
        i64,
        u8,
        u16,
        u32,
        u64,
        f32,
        f64,
        numox::Complex32,
        numox::Complex64
    );
}

/// Asserts `got` is close to `want`: same shape; NaN exactly where `want`
/// has NaN (per component for complex); infinities equal; otherwise
/// `|got - want| <= atol + rtol * |want|` (NumPy's `allclose` rule, with
/// the complex modulus for complex numbers).
pub fn assert_close<T, S1, S2>(
    got: &ArrayBase<S1>,
    want: &ArrayBase<S2>,
    rtol: f64,
    atol: f64,
    ctx: impl Display,
) where
    T: Element,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_shapes(got.shape(), want.shape(), &ctx);
    let (g, w) = (got.to_vec(), want.to_vec());
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        let ((ar, ai), (br, bi)) = (parts(a.to_scalar()), parts(b.to_scalar()));
        let finite = br.is_finite() && bi.is_finite() && ar.is_finite() && ai.is_finite();
        let ok = if finite {
            (ar - br).hypot(ai - bi) <= atol + rtol * br.hypot(bi)
        } else {
            let comp = |x: f64, y: f64| {
                if x.is_nan() || y.is_nan() {
                    x.is_nan() && y.is_nan()
                } else if x.is_infinite() || y.is_infinite() {
                    x == y
                } else {
                    (x - y).abs() <= atol + rtol * y.abs()
                }
            };
            comp(ar, br) && comp(ai, bi)
        };
        assert!(
            ok,
            "{ctx}: element {i} (C order) of shape {:?}: got {a:?}, want {b:?} (rtol {rtol:e}, atol {atol:e})",
            want.shape()
        );
    }
}

/// Distance in units in the last place between two non-NaN values of the
/// same float type (`f32` when `single`); 0 for -0.0 vs 0.0.
pub fn ulp_distance(a: f64, b: f64, single: bool) -> u64 {
    if single {
        let key = |x: f32| {
            let b = x.to_bits() as i32;
            if b < 0 {
                i32::MIN as i64 - b as i64
            } else {
                b as i64
            }
        };
        (key(a as f32) - key(b as f32)).unsigned_abs()
    } else {
        let key = |x: f64| {
            let b = x.to_bits() as i64;
            if b < 0 {
                i64::MIN as i128 - b as i128
            } else {
                b as i128
            }
        };
        (key(a) - key(b)).unsigned_abs().min(u64::MAX as u128) as u64
    }
}

/// Asserts every element of `got` is within `max_ulps` units in the last
/// place of `want` (per component for complex), with NaN exactly where
/// `want` has NaN. For `f32`/`Complex32` the ULPs are `f32` ULPs.
pub fn assert_ulps<T, S1, S2>(got: &ArrayBase<S1>, want: &ArrayBase<S2>, max_ulps: u64, ctx: impl Display)
where
    T: Element,
    S1: Data<Elem = T>,
    S2: Data<Elem = T>,
{
    check_shapes(got.shape(), want.shape(), &ctx);
    let single = matches!(T::DTYPE, DType::Float32 | DType::Complex64);
    let (g, w) = (got.to_vec(), want.to_vec());
    for (i, (a, b)) in g.iter().zip(&w).enumerate() {
        let ((ar, ai), (br, bi)) = (parts(a.to_scalar()), parts(b.to_scalar()));
        let comp = |x: f64, y: f64| {
            if x.is_nan() || y.is_nan() {
                x.is_nan() && y.is_nan()
            } else {
                ulp_distance(x, y, single) <= max_ulps
            }
        };
        assert!(
            comp(ar, br) && comp(ai, bi),
            "{ctx}: element {i} (C order) of shape {:?}: got {a:?}, want {b:?} (more than {max_ulps} ULPs apart)",
            want.shape()
        );
    }
}

/// Asserts that numox (or sciox) rejects a case NumPy (SciPy) rejected
/// (`case.error` is set and `got` is `Err`).
pub fn assert_err<T: std::fmt::Debug, E>(got: &Result<T, E>, case: &Case) {
    assert!(
        case.error.is_some(),
        "{}: assert_err on a case NumPy accepted",
        case.ctx()
    );
    assert!(
        got.is_err(),
        "{}: NumPy raised {}, numox returned Ok({:?})",
        case.ctx(),
        case.error.as_deref().unwrap_or(""),
        got.as_ref().ok()
    );
}

/// Runs `check` on every case of `group` and fails with the list of failing
/// cases (a panic inside `check` counts as a failure of that case, not of the
/// whole run). `expected` pins the case count, so a regenerated data set
/// with silently dropped cases fails too.
pub fn check_all_cases(group: &str, expected: usize, check: impl Fn(&Case) -> Result<(), String>) {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let cases = load_cases(group);
    assert_eq!(
        cases.len(),
        expected,
        "{group}: case count changed: regenerate and update"
    );
    let mut failures = Vec::new();
    for c in &cases {
        let r = catch_unwind(AssertUnwindSafe(|| check(c))).unwrap_or_else(|p| {
            Err(p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()))
        });
        if let Err(msg) = r {
            failures.push(format!("{} {} {} [{}]: {msg}", c.id, c.op, c.params, c.note));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
