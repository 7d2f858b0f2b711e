//! Conformance of numox's text and raw I/O with NumPy 2: `loadtxt` of the
//! bytes NumPy read (same array, bit for bit, or an error where NumPy
//! raised), `genfromtxt` (floats, names, filling), `savetxt` output byte-identical to NumPy's, `frombuffer` and
//! `tobytes` (what `tofile` writes), the text modes (`sep=`) of
//! `fromstring`/`fromfile` (same values or an error where NumPy raised) and
//! `tofile` (`sep=`, `format=`: byte-identical). Data: `tools/refgen/gen_textio.py`.

use crate::common;

use common::{Case, assert_same, param_i64};
use numox::{LoadTxtOptions, SaveTxtOptions, TextElement};
use serde_json::Value;

fn opts(case: &Case) -> LoadTxtOptions {
    let mut o = LoadTxtOptions::new();
    if let Some(d) = case.param("delimiter").and_then(Value::as_str) {
        o = o.delimiter(d.chars().next().expect("one-char delimiter"));
    }
    match case.params.get("comments") {
        Some(Value::Null) => o = o.comments(&[]),
        Some(Value::String(s)) => o = o.comment(s),
        Some(Value::Array(xs)) => {
            let v: Vec<&str> = xs.iter().filter_map(Value::as_str).collect();
            o = o.comments(&v);
        }
        _ => {}
    }
    if let Some(v) = case.param("skiprows") {
        o = o.skiprows(param_i64(v) as usize);
    }
    if let Some(v) = case.param("max_rows") {
        o = o.max_rows(param_i64(v) as usize);
    }
    if let Some(v) = case.param("usecols") {
        o = o.usecols(&common::param_isize_list(v));
    }
    if let Some(v) = case.param("unpack") {
        o = o.unpack(v.as_bool().unwrap_or(false));
    }
    if let Some(v) = case.param("ndmin") {
        o = o.ndmin(param_i64(v) as usize);
    }
    if let Some(q) = case.param("quotechar").and_then(Value::as_str) {
        o = o.quotechar(q.chars().next().expect("one-char quote"));
    }
    o
}

fn check_load<T: TextElement>(case: &Case) -> Result<(), String> {
    let text = case.input::<u8>(0).to_vec();
    let got = numox::loadtxt_from_bytes::<T>(&text, &opts(case));
    if case.error.is_some() {
        common::assert_err(&got, case);
        return Ok(());
    }
    let got = got.map_err(|e| format!("numox failed: {e}"))?;
    // Exact: both parse to the correctly rounded value.
    assert_same(&got, &case.output::<T>(0), case.ctx());
    Ok(())
}

fn check_save<T: TextElement>(case: &Case) -> Result<(), String> {
    let a = case.input::<T>(0);
    let mut o = SaveTxtOptions::new();
    match case.params.get("fmt") {
        Some(Value::String(s)) => o = o.fmt(s),
        Some(Value::Array(xs)) => {
            let v: Vec<&str> = xs.iter().filter_map(Value::as_str).collect();
            o = o.fmts(&v);
        }
        _ => {}
    }
    for (k, f) in [
        (
            "delimiter",
            SaveTxtOptions::delimiter as fn(SaveTxtOptions, &str) -> SaveTxtOptions,
        ),
        ("newline", SaveTxtOptions::newline),
        ("header", SaveTxtOptions::header),
        ("footer", SaveTxtOptions::footer),
        ("comments", SaveTxtOptions::comments),
    ] {
        if let Some(s) = case.param(k).and_then(Value::as_str) {
            o = f(o, s);
        }
    }
    let mut out = Vec::new();
    let got = numox::savetxt_to(&mut out, &a, &o);
    if case.error.is_some() {
        common::assert_err(&got, case);
        return Ok(());
    }
    got.map_err(|e| format!("numox failed: {e}"))?;
    let want = case.output::<u8>(0).to_vec();
    if out != want {
        return Err(format!(
            "bytes differ:\n got {:?}\nwant {:?}",
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&want)
        ));
    }
    // The same through a transposed view (non-contiguous input).
    let t = a.t().to_owned();
    let mut again = Vec::new();
    numox::savetxt_to(&mut again, &t.t(), &o).map_err(|e| e.to_string())?;
    assert_eq!(again, want, "{}: via a transposed view", case.ctx());
    Ok(())
}

fn check_frombuffer<T: numox::Element>(case: &Case) -> Result<(), String> {
    let raw = case.input::<u8>(0).to_vec();
    let count = case.i64_param("count");
    let count = if count < 0 { None } else { Some(count as usize) };
    let offset = case.i64_param("offset") as usize;
    let got = numox::frombuffer::<T>(&raw, count, offset);
    if case.error.is_some() {
        common::assert_err(&got, case);
        return Ok(());
    }
    let got = got.map_err(|e| e.to_string())?;
    assert_same(&got, &case.output::<T>(0), case.ctx());
    // fromfile of the same bytes agrees where NumPy's frombuffer succeeds.
    let path = std::env::temp_dir().join(format!(
        "numox_conf_textio_{}_{}.bin",
        std::process::id(),
        case.id
    ));
    std::fs::write(&path, &raw).map_err(|e| e.to_string())?;
    let f = numox::fromfile::<T>(&path, count, offset);
    std::fs::remove_file(&path).ok();
    assert_same(&f.map_err(|e| e.to_string())?, &case.output::<T>(0), case.ctx());
    Ok(())
}

fn check_genfromtxt(case: &Case) -> Result<(), String> {
    let text = case.input::<u8>(0).to_vec();
    let text = String::from_utf8(text).map_err(|e| e.to_string())?;
    let mut o = numox::GenFromTxtOptions::new();
    if let Some(d) = case.param("delimiter").and_then(Value::as_str) {
        o = o.delimiter(d.chars().next().expect("one-char delimiter"));
    }
    if let Some(c) = case.param("comments").and_then(Value::as_str) {
        o = o.comments(Some(c));
    }
    match case.param("missing_values") {
        Some(Value::String(m)) => o = o.missing_values(&[m.as_str()]),
        Some(Value::Array(xs)) => {
            let v: Vec<&str> = xs.iter().filter_map(Value::as_str).collect();
            o = o.missing_values(&v);
        }
        _ => {}
    }
    match case.param("filling_values") {
        Some(Value::Array(xs)) => o = o.filling_values(&xs.iter().map(common::param_f64).collect::<Vec<_>>()),
        Some(v) => o = o.filling_value(common::param_f64(v)),
        None => {}
    }
    if let Some(v) = case.param("usecols") {
        o = o.usecols(&common::param_isize_list(v));
    }
    for (k, f) in [
        (
            "skip_header",
            numox::GenFromTxtOptions::skip_header as fn(_, usize) -> _,
        ),
        ("skip_footer", numox::GenFromTxtOptions::skip_footer),
        ("max_rows", numox::GenFromTxtOptions::max_rows),
        ("ndmin", numox::GenFromTxtOptions::ndmin),
    ] {
        if let Some(v) = case.param(k) {
            o = f(o, param_i64(v) as usize);
        }
    }
    if case.param("names").is_some() {
        o = o.names(case.bool_param("names"));
    }
    let got = numox::genfromtxt_from_str(&text, &o);
    if case.error.is_some() {
        common::assert_err(&got, case);
        return Ok(());
    }
    let got = got.map_err(|e| format!("numox failed: {e}"))?;
    let want_names: Option<Vec<String>> = case
        .param("want_names")
        .and_then(Value::as_array)
        .map(|xs| xs.iter().filter_map(Value::as_str).map(str::to_string).collect());
    assert_eq!(got.names, want_names, "{}", case.ctx());
    // Exact: the same correctly rounded parse and the same filling values.
    assert_same(&got.data, &case.output::<f64>(0), case.ctx());
    Ok(())
}

/// `fromstring` / `fromfile_text`: NumPy's values or its error.
fn check_from_text<T: numox::TextElement>(case: &Case) -> Result<(), String> {
    let text = case.input::<u8>(0).to_vec();
    let sep = case.str_param("sep");
    let count = case
        .param("count")
        .and_then(Value::as_i64)
        .and_then(|c| usize::try_from(c).ok());
    let got = if case.op == "fromstring" {
        numox::fromstring::<T>(std::str::from_utf8(&text).map_err(|e| e.to_string())?, sep, count)
    } else {
        let path = std::env::temp_dir().join(format!("numox_conf_{}_{}.txt", case.id, std::process::id()));
        std::fs::write(&path, &text).map_err(|e| e.to_string())?;
        let r = numox::fromfile_text::<T>(&path, sep, count);
        std::fs::remove_file(&path).ok();
        r
    };
    if case.error.is_some() {
        common::assert_err(&got, case);
        return Ok(());
    }
    // Exact: the same correctly rounded parse (float32 via float64, as NumPy).
    assert_same(&got.map_err(|e| e.to_string())?, &case.output::<T>(0), case.ctx());
    Ok(())
}

/// `tofile_text`: the bytes NumPy's `a.tofile(path, sep, format)` wrote.
fn check_tofile_text<T: numox::TextElement>(case: &Case) -> Result<(), String> {
    let a = case.input::<T>(0);
    let v = match case.param("perm") {
        Some(p) => a
            .view()
            .permuted_axes(&common::param_isize_list(p))
            .map_err(|e| e.to_string())?,
        None => a.view(),
    };
    let path = std::env::temp_dir().join(format!("numox_conf_{}_{}.out", case.id, std::process::id()));
    let r = numox::tofile_text(&v, &path, case.str_param("sep"), case.str_param("format"));
    let written = std::fs::read(&path).ok();
    std::fs::remove_file(&path).ok();
    if case.error.is_some() {
        common::assert_err(&r, case);
        return Ok(());
    }
    r.map_err(|e| e.to_string())?;
    assert_eq!(
        written.unwrap_or_default(),
        case.output::<u8>(0).to_vec(),
        "{}",
        case.ctx()
    );
    Ok(())
}

macro_rules! by_dtype {
    ($name:expr, $f:ident, $case:expr) => {
        match $name {
            "bool" => $f::<bool>($case),
            "int8" => $f::<i8>($case),
            "int16" => $f::<i16>($case),
            "int32" => $f::<i32>($case),
            "int64" => $f::<i64>($case),
            "uint8" => $f::<u8>($case),
            "uint16" => $f::<u16>($case),
            "uint32" => $f::<u32>($case),
            "uint64" => $f::<u64>($case),
            "float32" => $f::<f32>($case),
            "float64" => $f::<f64>($case),
            "complex64" => $f::<numox::Complex32>($case),
            "complex128" => $f::<numox::Complex64>($case),
            other => Err(format!("unknown dtype {other}")),
        }
    };
}

#[test]
fn textio_conformance() {
    common::check_all_cases("textio", 658, |case| match case.op.as_str() {
        "loadtxt" => {
            let dt = case.param("dtype").and_then(Value::as_str).unwrap_or("float64");
            by_dtype!(dt, check_load, case)
        }
        "savetxt" => {
            let dt = case.inputs[0].dtype().name();
            by_dtype!(dt, check_save, case)
        }
        "genfromtxt" => check_genfromtxt(case),
        "fromstring" | "fromfile_text" => by_dtype!(case.str_param("dtype"), check_from_text, case),
        "tofile_text" => {
            let dt = case.inputs[0].dtype().name();
            by_dtype!(dt, check_tofile_text, case)
        }
        "frombuffer" => by_dtype!(case.str_param("dtype"), check_frombuffer, case),
        "tobytes" => {
            let a = &case.inputs[0];
            let want = case.output::<u8>(0).to_vec();
            macro_rules! go {
                ($t:ty) => {{
                    let x = a.clone().into_typed::<$t>().map_err(|e| e.to_string())?;
                    assert_eq!(numox::tobytes(&x), want, "{}", case.ctx());
                    // A transposed copy seen through `.t()` is the same C-order data.
                    let tt = x.t().to_owned();
                    assert_eq!(numox::tobytes(&tt.t()), want, "{}: via view", case.ctx());
                    Ok(())
                }};
            }
            match a.dtype().name() {
                "int32" => go!(i32),
                "int16" => go!(i16),
                "float64" => go!(f64),
                "complex64" => go!(numox::Complex32),
                "bool" => go!(bool),
                o => Err(format!("unexpected dtype {o}")),
            }
        }
        other => Err(format!("unknown op {other}")),
    });
}
