//! Printing against NumPy 2.4: `str(a)`, `repr(a)`, `np.array2string`, the
//! `str` of scalars and `np.format_float_positional`/`_scientific`, compared
//! as exact strings. Data: `tests/data/printing.*` from
//! `tools/refgen/gen_printing.py`.

use crate::common;

use numox::prelude::*;
use numox::{
    FloatFormatOptions, FloatMode, PrintOptions, Sign, Trim, array_repr, array_str, array2string_with,
    format_float_positional, format_float_scientific, with_printoptions,
};
use serde_json::Value;

/// Print options from a case's `options` object (NumPy's keyword names).
fn print_options(p: &Value) -> PrintOptions {
    let mut o = PrintOptions::default();
    let Some(map) = p.as_object() else {
        return o;
    };
    for (k, v) in map {
        let n = || v.as_u64().unwrap_or_else(|| panic!("{k}: {v}")) as usize;
        match k.as_str() {
            "precision" => o.precision = n(),
            "threshold" => o.threshold = n(),
            "edgeitems" => o.edgeitems = n(),
            "linewidth" => o.linewidth = n(),
            "suppress" => o.suppress = v.as_bool().unwrap(),
            "nanstr" => o.nanstr = v.as_str().unwrap().to_string(),
            "infstr" => o.infstr = v.as_str().unwrap().to_string(),
            "floatmode" => o.floatmode = FloatMode::from_name(v.as_str().unwrap()).unwrap(),
            "sign" => o.sign = Sign::from_char(v.as_str().unwrap().chars().next().unwrap()).unwrap(),
            other => panic!("unknown print option {other}"),
        }
    }
    o
}

/// Applies the named view (see `VIEWS` in the generator) and calls `f` with it.
fn with_view<A: Element, R>(
    a: ArrayView<'_, A>,
    view: Option<&str>,
    f: impl FnOnce(ArrayView<'_, A>) -> R,
) -> R {
    match view {
        None => f(a),
        Some("T") => f(a.reversed_axes()),
        Some("rev0") => {
            let mut v = a;
            v.invert_axis(0).unwrap();
            f(v)
        }
        Some("step_last") => f(a.slice(s![..., ..;2])),
        Some("rev_step0") => f(a.slice(s![..;-2, ...])),
        Some("broadcast") => {
            let mut shape = vec![2];
            shape.extend_from_slice(a.shape());
            f(a.broadcast(&shape).unwrap())
        }
        Some(other) => panic!("unknown view {other}"),
    }
}

fn check_print<A: Element>(a: ArrayView<'_, A>, case: &common::Case) {
    let p = &case.params;
    let opts = print_options(&p["options"]);
    let (want_str, want_repr) = (p["str"].as_str().unwrap(), p["repr"].as_str().unwrap());
    let ctx = format!("{} ({})", case.id, case.note);
    with_view(a, p["view"].as_str(), |v| {
        assert_eq!(array_str(&v, &opts), want_str, "str of {ctx}");
        assert_eq!(array_repr(&v, &opts), want_repr, "repr of {ctx}");
        // Display and Debug read the scoped options.
        let (s, r) = with_printoptions(opts.clone(), || (format!("{v}"), format!("{v:?}")));
        assert_eq!(
            (s.as_str(), r.as_str()),
            (want_str, want_repr),
            "Display/Debug of {ctx}"
        );
        if opts == PrintOptions::default() {
            // Nothing in this test binary changes the global options.
            assert_eq!(v.to_string(), want_str, "{ctx}");
            assert_eq!(v.to_owned().to_string(), want_str, "owned copy of {ctx}");
        }
    });
}

fn check_array2string<A: Element>(a: ArrayView<'_, A>, case: &common::Case) {
    let p = &case.params;
    let got = array2string_with(
        &a,
        &print_options(&p["options"]),
        p["separator"].as_str().unwrap(),
        p["prefix"].as_str().unwrap(),
        p["suffix"].as_str().unwrap(),
    );
    assert_eq!(
        got,
        p["expected"].as_str().unwrap(),
        "{} ({})",
        case.id,
        case.note
    );
}

fn check_scalar_str<A: Element>(a: ArrayView<'_, A>, case: &common::Case) {
    let expected = case.params["expected"].as_array().unwrap();
    assert_eq!(expected.len(), a.len());
    for (x, want) in a.iter().zip(expected) {
        let zero_d = Array::from_elem0(*x);
        assert_eq!(
            zero_d.to_string(),
            want.as_str().unwrap(),
            "{} ({}): {x:?}",
            case.id,
            case.note
        );
    }
}

fn float_options(kw: &Value) -> FloatFormatOptions {
    let mut o = FloatFormatOptions::default();
    for (k, v) in kw.as_object().unwrap() {
        let n = || Some(v.as_u64().unwrap() as usize);
        match k.as_str() {
            "precision" => o.precision = n(),
            "min_digits" => o.min_digits = n(),
            "pad_left" => o.pad_left = n(),
            "pad_right" => o.pad_right = n(),
            "exp_digits" => o.exp_digits = n(),
            "unique" => o.unique = v.as_bool().unwrap(),
            "fractional" => o.fractional = v.as_bool().unwrap(),
            "sign" => o.sign = v.as_bool().unwrap(),
            "trim" => {
                o.trim = match v.as_str().unwrap() {
                    "k" => Trim::Keep,
                    "." => Trim::Point,
                    "0" => Trim::Zero,
                    "-" => Trim::Minus,
                    t => panic!("trim {t}"),
                }
            }
            other => panic!("unknown format_float argument {other}"),
        }
    }
    o
}

fn check_format_float<F: numox::Float>(a: ArrayView<'_, F>, case: &common::Case) {
    let p = &case.params;
    let opts = float_options(&p["kwargs"]);
    let positional = match p["fn"].as_str().unwrap() {
        "positional" => true,
        "scientific" => false,
        f => panic!("fn {f}"),
    };
    let run = |x: F| {
        if positional {
            format_float_positional(x, &opts)
        } else {
            format_float_scientific(x, &opts)
        }
    };
    if case.error.is_some() {
        let x = *a.iter().next().unwrap();
        assert!(run(x).is_err(), "{} ({}) should fail", case.id, case.note);
        return;
    }
    let expected = p["expected"].as_array().unwrap();
    assert_eq!(expected.len(), a.len());
    for (x, want) in a.iter().zip(expected) {
        let got = run(*x).unwrap();
        assert_eq!(got, want.as_str().unwrap(), "{} ({}): {x:?}", case.id, case.note);
    }
}

/// Calls `$f::<T>(view, case)` with the input viewed as its element type.
macro_rules! dispatch {
    ($input:expr, $case:expr, $f:ident) => {
        match $input.dtype() {
            DType::Bool => $f($input.as_typed::<bool>().unwrap(), $case),
            DType::Int8 => $f($input.as_typed::<i8>().unwrap(), $case),
            DType::Int16 => $f($input.as_typed::<i16>().unwrap(), $case),
            DType::Int32 => $f($input.as_typed::<i32>().unwrap(), $case),
            DType::Int64 => $f($input.as_typed::<i64>().unwrap(), $case),
            DType::UInt8 => $f($input.as_typed::<u8>().unwrap(), $case),
            DType::UInt16 => $f($input.as_typed::<u16>().unwrap(), $case),
            DType::UInt32 => $f($input.as_typed::<u32>().unwrap(), $case),
            DType::UInt64 => $f($input.as_typed::<u64>().unwrap(), $case),
            DType::Float32 => $f($input.as_typed::<f32>().unwrap(), $case),
            DType::Float64 => $f($input.as_typed::<f64>().unwrap(), $case),
            DType::Complex64 => $f($input.as_typed::<Complex32>().unwrap(), $case),
            DType::Complex128 => $f($input.as_typed::<Complex64>().unwrap(), $case),
        }
    };
}

#[test]
fn printing_matches_numpy() {
    let cases = common::load_cases("printing");
    let (mut print, mut a2s, mut scalar, mut ffloat) = (0, 0, 0, 0);
    for case in &cases {
        let input = &case.inputs[0];
        match case.op.as_str() {
            "print" => {
                dispatch!(input, case, check_print);
                print += 1;
            }
            "array2string" => {
                dispatch!(input, case, check_array2string);
                a2s += 1;
            }
            "scalar_str" => {
                dispatch!(input, case, check_scalar_str);
                scalar += 1;
            }
            "format_float" => {
                match input.dtype() {
                    DType::Float32 => check_format_float(input.as_typed::<f32>().unwrap(), case),
                    DType::Float64 => check_format_float(input.as_typed::<f64>().unwrap(), case),
                    d => panic!("format_float of {d}"),
                }
                ffloat += 1;
            }
            op => panic!("unknown op {op} in {}", case.id),
        }
    }
    // Every case was checked, and the groups have the sizes the generator writes.
    assert_eq!(print + a2s + scalar + ffloat, cases.len());
    assert_eq!((print, a2s, scalar, ffloat), (185, 6, 11, 31));
}
