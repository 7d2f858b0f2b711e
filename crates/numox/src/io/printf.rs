//! A small printf formatter with Python's `%` rules, for [`savetxt`](super::savetxt).
//!
//! Conversions `d i u o x X e E f F g G s r c` and `%%`, flags `# 0 - + space`,
//! width and precision (no `*`, no `(name)`). Values are NumPy scalars'
//! `%` behaviour: `%d` of a float truncates (NaN and infinity are errors),
//! `%s` of a float is its shortest repr, `%x`/`%o` need integers.

use crate::error::{Error, Result};
use std::fmt::Write as _;

/// One value handed to the formatter.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Arg {
    /// Any integer, with its NumPy type name (for `%r`).
    Int(i128, &'static str),
    /// A bool (`%s` prints `True`/`False`).
    Bool(bool),
    /// An `f64`.
    F64(f64),
    /// An `f32` (`%s` prints its own shortest repr).
    F32(f32),
}

/// A piece of a format: literal text or one conversion.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Spec {
    Lit(String),
    Conv {
        flags: Flags,
        width: usize,
        prec: Option<usize>,
        kind: u8,
    },
}

impl Spec {
    pub(crate) fn is_conversion(&self) -> bool {
        matches!(self, Spec::Conv { .. })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Flags {
    alt: bool,
    zero: bool,
    left: bool,
    plus: bool,
    space: bool,
}

/// Parses a format string into literal pieces and conversions.
pub(crate) fn parse(f: &str) -> Result<Vec<Spec>> {
    let bad = |m: &str| Error::invalid(format!("invalid format {f:?}: {m}"));
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut it = f.chars().peekable();
    while let Some(c) = it.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        let mut flags = Flags::default();
        while let Some(&c) = it.peek() {
            match c {
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                _ => break,
            }
            it.next();
        }
        let mut width = 0usize;
        while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
            width = width.saturating_mul(10).saturating_add(d as usize);
            it.next();
        }
        let mut prec = None;
        if it.peek() == Some(&'.') {
            it.next();
            let mut p = 0usize;
            while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                p = p.saturating_mul(10).saturating_add(d as usize);
                it.next();
            }
            prec = Some(p);
        }
        while matches!(it.peek(), Some('h' | 'l' | 'L')) {
            it.next();
        }
        if width > 1 << 20 || prec.is_some_and(|p| p > 1 << 20) {
            return Err(bad("width or precision too big"));
        }
        match it.next() {
            Some('%') => lit.push('%'),
            Some(
                k @ ('d' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 's' | 'r' | 'c'),
            ) => {
                if !lit.is_empty() {
                    out.push(Spec::Lit(std::mem::take(&mut lit)));
                }
                out.push(Spec::Conv {
                    flags,
                    width,
                    prec,
                    kind: k as u8,
                });
            }
            Some(k) => return Err(bad(&format!("unsupported format character {k:?}"))),
            None => return Err(bad("incomplete format")),
        }
    }
    if !lit.is_empty() {
        out.push(Spec::Lit(lit));
    }
    Ok(out)
}

/// Formats `args` by `specs` (one conversion per argument) onto `out`.
pub(crate) fn format_row(specs: &[Spec], args: &[Arg], out: &mut String) -> Result<()> {
    let mut k = 0;
    for s in specs {
        match s {
            Spec::Lit(l) => out.push_str(l),
            Spec::Conv {
                flags,
                width,
                prec,
                kind,
            } => {
                let a = *args
                    .get(k)
                    .ok_or_else(|| Error::invalid("not enough arguments for format string"))?;
                k += 1;
                format_one(*flags, *width, *prec, *kind, a, out)?;
            }
        }
    }
    Ok(())
}

/// Formats one string by `specs` (its one conversion is `%s`, possibly
/// with width, `-` and precision) onto `out`.
pub(crate) fn format_str(specs: &[Spec], text: &str, out: &mut String) {
    for s in specs {
        match s {
            Spec::Lit(l) => out.push_str(l),
            Spec::Conv {
                flags, width, prec, ..
            } => {
                let t: String = match prec {
                    Some(p) => text.chars().take(*p).collect(),
                    None => text.to_string(),
                };
                pad(*flags, *width, "", "", &t, false, out);
            }
        }
    }
}

fn as_f64(a: Arg) -> f64 {
    match a {
        Arg::Int(i, _) => i as f64,
        Arg::Bool(b) => f64::from(u8::from(b)),
        Arg::F64(x) => x,
        Arg::F32(x) => f64::from(x),
    }
}

/// Pads `sign` + `body` to `width` as Python does.
fn pad(flags: Flags, width: usize, sign: &str, prefix: &str, body: &str, zero_ok: bool, out: &mut String) {
    let len = sign.len() + prefix.len() + body.chars().count();
    let fill = width.saturating_sub(len);
    if flags.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && zero_ok {
        out.push_str(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
}

fn sign_str(neg: bool, flags: Flags) -> &'static str {
    if neg {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    }
}

fn format_one(
    flags: Flags,
    width: usize,
    prec: Option<usize>,
    kind: u8,
    a: Arg,
    out: &mut String,
) -> Result<()> {
    match kind {
        b'd' | b'i' | b'u' => {
            let digits = match a {
                Arg::Int(i, _) => i.to_string(),
                Arg::Bool(b) => u8::from(b).to_string(),
                Arg::F64(_) | Arg::F32(_) => {
                    let x = as_f64(a);
                    if x.is_nan() {
                        return Err(Error::invalid("cannot convert float NaN to integer"));
                    }
                    if x.is_infinite() {
                        return Err(Error::invalid("cannot convert float infinity to integer"));
                    }
                    // `{:.0}` prints the exact integer value of a float.
                    let t = x.trunc();
                    if t == 0.0 {
                        "0".to_string()
                    } else {
                        format!("{t:.0}")
                    }
                }
            };
            let (neg, mag) = match digits.strip_prefix('-') {
                Some(m) => (true, m.to_string()),
                None => (false, digits),
            };
            let mag = match prec {
                Some(p) if p > mag.len() => format!("{}{mag}", "0".repeat(p - mag.len())),
                _ => mag,
            };
            pad(flags, width, sign_str(neg, flags), "", &mag, true, out);
        }
        b'o' | b'x' | b'X' => {
            let v = match a {
                Arg::Int(i, _) => i,
                Arg::Bool(b) => i128::from(b),
                _ => {
                    return Err(Error::invalid(format!(
                        "%{} format: an integer is required, not a float",
                        kind as char
                    )));
                }
            };
            let m = v.unsigned_abs();
            let (body, prefix) = match kind {
                b'o' => (format!("{m:o}"), "0o"),
                b'x' => (format!("{m:x}"), "0x"),
                _ => (format!("{m:X}"), "0X"),
            };
            let body = match prec {
                Some(p) if p > body.len() => format!("{}{body}", "0".repeat(p - body.len())),
                _ => body,
            };
            pad(
                flags,
                width,
                sign_str(v < 0, flags),
                if flags.alt { prefix } else { "" },
                &body,
                true,
                out,
            );
        }
        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
            let x = as_f64(a);
            let upper = kind.is_ascii_uppercase();
            let neg = x.is_sign_negative() && !x.is_nan();
            let body = if x.is_nan() {
                "nan".to_string()
            } else if x.is_infinite() {
                "inf".to_string()
            } else {
                let p = prec.unwrap_or(6);
                match kind.to_ascii_lowercase() {
                    b'e' => fmt_e(x.abs(), p, flags.alt),
                    b'f' => fmt_f(x.abs(), p, flags.alt),
                    _ => fmt_g(x.abs(), p, flags.alt),
                }
            };
            let body = if upper { body.to_ascii_uppercase() } else { body };
            pad(flags, width, sign_str(neg, flags), "", &body, true, out);
        }
        b's' | b'r' => {
            let s = match (a, kind == b'r') {
                (Arg::Int(i, _), false) => i.to_string(),
                (Arg::Int(i, name), true) => format!("np.{name}({i})"),
                (Arg::Bool(b), false) => if b { "True" } else { "False" }.to_string(),
                (Arg::Bool(b), true) => if b { "np.True_" } else { "np.False_" }.to_string(),
                (Arg::F64(x), false) => repr_f64(x),
                (Arg::F64(x), true) => format!("np.float64({})", repr_f64(x)),
                (Arg::F32(x), false) => repr_f32(x),
                (Arg::F32(x), true) => format!("np.float32({})", repr_f32(x)),
            };
            let s: String = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            pad(flags, width, "", "", &s, false, out);
        }
        _ => {
            // %c
            let c = match a {
                Arg::Int(i, _) => u32::try_from(i).ok().and_then(char::from_u32),
                _ => None,
            }
            .ok_or_else(|| Error::invalid("%c requires an int in range(0x110000)"))?;
            pad(flags, width, "", "", &c.to_string(), false, out);
        }
    }
    Ok(())
}

/// `x >= 0` finite in `%.{p}e`.
fn fmt_e(x: f64, p: usize, alt: bool) -> String {
    let s = format!("{x:.p$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut m = mant.to_string();
    if alt && p == 0 {
        m.push('.');
    }
    let _ = write!(m, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    m
}

/// `x >= 0` finite in `%.{p}f`.
fn fmt_f(x: f64, p: usize, alt: bool) -> String {
    let mut s = format!("{x:.p$}");
    if alt && p == 0 {
        s.push('.');
    }
    s
}

/// `x >= 0` finite in `%.{p}g`.
fn fmt_g(x: f64, p: usize, alt: bool) -> String {
    let p = p.max(1);
    let e = format!("{x:.prec$e}", prec = p - 1);
    let exp: i64 = e.split_once('e').map_or(0, |(_, x)| x.parse().unwrap_or(0));
    let mut s = if -4 <= exp && exp < p as i64 {
        let fp = (p as i64 - 1 - exp) as usize;
        fmt_f(x, fp, alt)
    } else {
        fmt_e(x, p - 1, alt)
    };
    if !alt {
        // Strip trailing zeros (and a bare point) of the mantissa.
        let (mant, tail) = match s.find('e') {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        if mant.contains('.') {
            let m = mant.trim_end_matches('0').trim_end_matches('.');
            s = format!("{m}{tail}");
        }
    }
    s
}

/// Python's `repr` of a float from its shortest round-trip digits:
/// positional when the decimal exponent is in `-4..16`, else scientific.
fn repr_digits(sci: &str, neg: bool, max_exp: i64) -> String {
    // `sci` is Rust's shortest `{:e}` form of |x|: "d.ddde<exp>" or "de<exp>".
    let (mant, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let sign = if neg { "-" } else { "" };
    let nd = digits.len() as i64;
    if (-4..max_exp).contains(&exp) {
        if exp < 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        } else if nd > exp + 1 {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{sign}{a}.{b}")
        } else {
            format!("{sign}{digits}{}.0", "0".repeat((exp + 1 - nd) as usize))
        }
    } else {
        let m = if nd > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        format!("{sign}{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

pub(crate) fn repr_f64(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        repr_digits(&format!("{:e}", x.abs()), x.is_sign_negative(), 16)
    }
}

fn repr_f32(x: f32) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        // NumPy prints float32 scalars positionally below 1e6 (10**precision).
        let e = repr_digits(&format!("{:e}", x.abs()), x.is_sign_negative(), 6);
        // Below 1e-4 is decided on the value widened to f64 (f32(1e-4) < 1e-4).
        if x != 0.0 && f64::from(x.abs()) < 1e-4 && !e.contains('e') {
            let sci = format!("{:e}", x.abs());
            let (m, ex) = sci.split_once('e').unwrap_or((&sci, "0"));
            let ex: i64 = ex.parse().unwrap_or(0);
            let sign = if x.is_sign_negative() { "-" } else { "" };
            return format!("{sign}{m}e{}{:02}", if ex < 0 { '-' } else { '+' }, ex.abs());
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, a: Arg) -> String {
        let mut s = String::new();
        format_row(&parse(fmt).unwrap(), &[a], &mut s).unwrap();
        s
    }

    #[test]
    fn python_percent_rules() {
        // Expected strings from CPython's `%` operator.
        assert_eq!(f("%f", Arg::F64(-f64::NAN)), "nan");
        assert_eq!(f("%010f", Arg::F64(f64::INFINITY)), "0000000inf");
        assert_eq!(f("%-6e", Arg::F64(-0.0)), "-0.000000e+00");
        assert_eq!(f("%+g", Arg::F64(f64::NAN)), "+nan");
        assert_eq!(f("%010.3f", Arg::F64(-1.5)), "-00001.500");
        assert_eq!(f("%.3d", Arg::Int(5, "int64")), "005");
        assert_eq!(f("%#x", Arg::Int(255, "int64")), "0xff");
        assert_eq!(f("%#o", Arg::Int(8, "int64")), "0o10");
        assert_eq!(f("%5s", Arg::F64(0.1)), "  0.1");
        assert_eq!(f("%#.0f", Arg::F64(3.0)), "3.");
        assert_eq!(f("%#g", Arg::F64(1.0)), "1.00000");
        assert_eq!(f("%g", Arg::F64(1e-5)), "1e-05");
        assert_eq!(f("%g", Arg::F64(123456789.0)), "1.23457e+08");
        assert_eq!(f("%G", Arg::F64(1e-10)), "1E-10");
        assert_eq!(f("%s", Arg::F64(1e16)), "1e+16");
        assert_eq!(f("%s", Arg::F64(1e15)), "1000000000000000.0");
        assert_eq!(f("%s", Arg::F32(0.1)), "0.1");
        assert_eq!(f("%s", Arg::F32(1e6)), "1e+06");
        assert_eq!(f("%s", Arg::F32(999999.0)), "999999.0");
        assert_eq!(f("%s", Arg::F32(1e-4)), "1e-04");
        assert_eq!(f("%r", Arg::F64(0.1)), "np.float64(0.1)");
        assert_eq!(f("%s", Arg::F64(-0.0)), "-0.0");
        assert_eq!(f("%s", Arg::F64(1.2345678901234568e17)), "1.2345678901234568e+17");
        assert_eq!(f("%d", Arg::F64(-2.7)), "-2");
        assert_eq!(f("%d", Arg::F64(1e20)), "100000000000000000000");
        assert_eq!(f("%.0e", Arg::F64(2.5)), "2e+00");
        assert_eq!(f("%.0f", Arg::F64(0.5)), "0");
        assert_eq!(f("%.0f", Arg::F64(2.5)), "2");
        assert_eq!(f("%.2f", Arg::F64(1.005)), "1.00");
        assert_eq!(f("%s", Arg::Bool(true)), "True");
        assert_eq!(f("%.3e", Arg::Int(u64::MAX as i128, "uint64")), "1.845e+19");
        assert!(parse("%q").is_err());
        assert!(parse("%").is_err());
        let mut s = String::new();
        assert!(format_row(&parse("%d").unwrap(), &[Arg::F64(f64::NAN)], &mut s).is_err());
        assert!(format_row(&parse("%x").unwrap(), &[Arg::F64(1.0)], &mut s).is_err());
    }
}
