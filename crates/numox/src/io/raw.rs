//! Raw binary I/O without a header: [`tofile`], [`fromfile`],
//! [`frombuffer`] (NumPy's `a.tofile`, `np.fromfile`, `np.frombuffer`),
//! and their text modes (NumPy's `sep=`): [`tofile_text`],
//! [`fromfile_text`], [`fromstring`].
//!
//! Binary data are the elements' bytes in C order and native
//! (little-endian on every platform numox supports) byte order, as NumPy
//! writes them. A `bool` read from a byte other than 0 or 1 is `true`.
//!
//! Text mode follows NumPy's `array_from_text`: each value is parsed as
//! NumPy's per-dtype `fromstr` parses it (leading whitespace skipped;
//! floats in Python's syntax with `inf`/`nan`; integers in base 10,
//! saturated to 64 bits and then wrapped to the type; `bool` as a number,
//! non-zero is `true`; complex as `1+2j`), and the separator is matched
//! with each run of whitespace in it matching any run of whitespace
//! (also none) in the text. Reading stops at the end of the text or after
//! `count` values; text that matches neither a value nor the separator is
//! an error (NumPy 2.4's `ValueError`).

use super::npy::as_bytes;
use super::printf::{self, Spec};
use super::text::{TextElement, float_prefix_len};
use crate::array::{Array, ArrayBase, Data};
use crate::element::{DType, Element, Scalar};
use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Builds `n` elements of `T` from exactly `n * size_of::<T>()` bytes.
fn from_bytes<T: Element>(bytes: &[u8]) -> Vec<T> {
    let size = std::mem::size_of::<T>();
    let n = bytes.len() / size;
    if T::DTYPE == crate::element::DType::Bool {
        return bytes[..n].iter().map(|&b| (b != 0).cast::<T>()).collect();
    }
    let mut v: Vec<T> = vec![T::default(); n];
    // SAFETY: `T` is not `bool` here, so it is a primitive integer, float
    // or `#[repr(C)]` complex of two floats: every bit pattern is a valid
    // value and there is no padding. `v` holds `n * size` initialised
    // bytes and `bytes` at least as many; the regions do not overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), v.as_mut_ptr().cast::<u8>(), n * size);
    }
    v
}

/// `np.frombuffer(buf, dtype=T, count, offset)`: a 1-D array of the
/// elements stored in `buf[offset..]` (`count`: all when `None`).
///
/// Errors as NumPy: `offset` beyond the buffer, a remaining length that is
/// not a multiple of the element size (when `count` is `None`), or fewer
/// bytes than `count` elements need.
///
/// ```
/// let bytes = [1u8, 0, 2, 0, 3, 0];
/// let a = numox::frombuffer::<u16>(&bytes, None, 2).unwrap();
/// assert_eq!(a.to_vec(), vec![2, 3]);
/// assert!(numox::frombuffer::<u16>(&bytes, None, 1).is_err());
/// ```
pub fn frombuffer<T: Element>(buf: &[u8], count: Option<usize>, offset: usize) -> Result<Array<T>> {
    let size = std::mem::size_of::<T>();
    if offset > buf.len() {
        return Err(Error::invalid(format!(
            "offset must be non-negative and no greater than buffer length ({})",
            buf.len()
        )));
    }
    let rest = &buf[offset..];
    let n = match count {
        None => {
            if rest.len() % size != 0 {
                return Err(Error::invalid("buffer size must be a multiple of element size"));
            }
            rest.len() / size
        }
        Some(c) => {
            if c.checked_mul(size).is_none_or(|b| b > rest.len()) {
                return Err(Error::invalid("buffer is smaller than requested size"));
            }
            c
        }
    };
    Ok(Array::from_vec(from_bytes(&rest[..n * size])))
}

/// `np.fromfile(path, dtype=T, count, offset)`: reads the elements of a
/// raw binary file from byte `offset` on; `count` elements at most
/// (`None`: all). As NumPy, a short file gives the elements it holds, and
/// trailing bytes that do not fill an element are ignored; an `offset`
/// past the end gives an empty array.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_fromfile_doc.bin");
/// numox::tofile(&array![1.5f64, -2.0, 3.0], &path).unwrap();
/// let a = numox::fromfile::<f64>(&path, Some(2), 8).unwrap();
/// assert_eq!(a.to_vec(), vec![-2.0, 3.0]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn fromfile<T: Element>(path: impl AsRef<Path>, count: Option<usize>, offset: usize) -> Result<Array<T>> {
    let buf = std::fs::read(path)?;
    let size = std::mem::size_of::<T>();
    let rest = buf.get(offset..).unwrap_or(&[]);
    let avail = rest.len() / size;
    let n = count.map_or(avail, |c| c.min(avail));
    Ok(Array::from_vec(from_bytes(&rest[..n * size])))
}

/// `a.tofile(path)`: writes the elements' bytes in C order (any layout
/// of `a`), no header.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_tofile_doc.bin");
/// let a = array![[1i32, 2], [3, 4]];
/// numox::tofile(&a.t(), &path).unwrap();
/// assert_eq!(numox::fromfile::<i32>(&path, None, 0).unwrap().to_vec(), vec![1, 3, 2, 4]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn tofile<T: Element, S: Data<Elem = T>>(a: &ArrayBase<S>, path: impl AsRef<Path>) -> Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    tobytes_into(a, &mut f)?;
    f.flush()?;
    Ok(())
}

/// `a.tobytes()`: the elements' bytes in C order.
///
/// ```
/// use numox::prelude::*;
/// assert_eq!(numox::tobytes(&array![1u16, 258]), vec![1, 0, 2, 1]);
/// ```
pub fn tobytes<T: Element, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Vec<u8> {
    let mut v = Vec::with_capacity(a.len() * std::mem::size_of::<T>());
    // Writing to a Vec cannot fail.
    let _ = tobytes_into(a, &mut v);
    v
}

fn tobytes_into<T: Element, S: Data<Elem = T>, W: Write>(a: &ArrayBase<S>, w: &mut W) -> Result<()> {
    if let Some(s) = a.as_slice() {
        w.write_all(as_bytes(s))?;
    } else {
        let v: Vec<T> = a.iter().copied().collect();
        w.write_all(as_bytes(&v))?;
    }
    Ok(())
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// A float at the start of `t` (Python's syntax, plus C's `nan(chars)`):
/// the value and the bytes it takes.
fn float_prefix(t: &[u8]) -> Option<(f64, usize)> {
    let n = float_prefix_len(t);
    if n == 0 {
        return None;
    }
    let x: f64 = std::str::from_utf8(&t[..n]).ok()?.parse().ok()?;
    let mut m = n;
    if x.is_nan() && t.get(m) == Some(&b'(') {
        let k = t[m + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if t.get(m + 1 + k) == Some(&b')') {
            m += k + 2;
        }
    }
    Some((x, m))
}

/// Decimal digits at the start of `t`, saturated to `u64`.
fn digits_prefix(t: &[u8]) -> Option<(u64, usize)> {
    let n = t.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 {
        return None;
    }
    let v = t[..n].iter().fold(0u64, |v, &d| {
        v.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    Some((v, n))
}

/// NumPy's per-dtype `fromstr`: one value at the start of `s` (leading
/// whitespace skipped), with the bytes it takes; `None` when none parses.
/// `file`: the `fscanf` rules of `fromfile`, which take a sign on unsigned
/// integers (and wrap).
fn value_prefix<T: Element>(s: &[u8], file: bool) -> Option<(T, usize)> {
    let ws = s.iter().take_while(|b| is_space(**b)).count();
    let t = &s[ws..];
    let (v, n) = match T::DTYPE {
        DType::Float64 | DType::Float32 | DType::Bool => {
            let (x, mut n) = float_prefix(t)?;
            if file && matches!(t.get(n), Some(b'e' | b'E')) {
                // `fscanf` takes a dangling exponent mark (and its sign).
                n += 1;
                if matches!(t.get(n), Some(b'+' | b'-')) {
                    n += 1;
                }
            }
            (T::from_scalar(Scalar::Float(x)), n)
        }
        DType::Complex64 | DType::Complex128 => {
            let (re, n) = float_prefix(t)?;
            let rest = &t[n..];
            let (re, im, n) = if rest.first() == Some(&b'j') {
                (0.0, re, n + 1)
            } else if matches!(rest.first(), Some(b'+' | b'-')) {
                match float_prefix(rest) {
                    Some((im, m)) if rest.get(m) == Some(&b'j') => (re, im, n + m + 1),
                    _ => (re, 0.0, n),
                }
            } else {
                (re, 0.0, n)
            };
            (
                T::from_scalar(Scalar::Complex(crate::element::Complex64::new(re, im))),
                n,
            )
        }
        d => {
            let unsigned = matches!(d, DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64);
            let (neg, k) = match t.first() {
                Some(b'-') if !unsigned || file => (true, 1),
                Some(b'+') if !unsigned || file => (false, 1),
                _ => (false, 0),
            };
            let (m, n) = digits_prefix(&t[k..])?;
            let sc = if unsigned {
                Scalar::UInt(if neg { m.wrapping_neg() } else { m })
            } else if neg {
                Scalar::Int(if m > 1u64 << 63 {
                    i64::MIN
                } else {
                    (m as i64).wrapping_neg()
                })
            } else {
                Scalar::Int(i64::try_from(m).unwrap_or(i64::MAX))
            };
            (T::from_scalar(sc), k + n)
        }
    };
    Some((v, ws + n))
}

/// NumPy's `swab_separator`: a leading space unless the separator starts
/// with whitespace, each whitespace run as one space (a whitespace
/// wildcard), and one more space after a trailing one.
fn swab_separator(sep: &str) -> Vec<u8> {
    let sep = sep.as_bytes();
    let mut out = Vec::with_capacity(sep.len() + 2);
    if sep.first().is_some_and(|&c| !is_space(c)) {
        out.push(b' ');
    }
    let mut in_space = false;
    for &c in sep {
        if is_space(c) {
            if !in_space {
                out.push(b' ');
                in_space = true;
            }
        } else {
            out.push(c);
            in_space = false;
        }
    }
    if out.last() == Some(&b' ') {
        out.push(b' ');
    }
    out
}

/// Why a text read stopped.
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    End,
    Mismatch,
}

/// NumPy's `fromstr_skip_separator`: `Ok` when the separator matched.
fn skip_separator(s: &[u8], pos: &mut usize, sep: &[u8]) -> std::result::Result<(), Stop> {
    let start = *pos;
    let (mut i, mut k) = (start, 0);
    let r = loop {
        if i >= s.len() {
            break Err(Stop::End);
        }
        if k == sep.len() {
            break if i != start { Ok(()) } else { Err(Stop::Mismatch) };
        }
        if sep[k] == b' ' {
            if !is_space(s[i]) {
                k += 1;
                continue;
            }
        } else if sep[k] != s[i] {
            break Err(Stop::Mismatch);
        } else {
            k += 1;
        }
        i += 1;
    };
    *pos = i;
    r
}

/// NumPy's `array_from_text` over `s`: the values, at most `count`.
fn from_text<T: Element>(s: &[u8], sep: &str, count: Option<usize>, file: bool) -> Result<Array<T>> {
    let sep = swab_separator(sep);
    let mut vals: Vec<T> = Vec::new();
    let mut pos = 0;
    let mut stop = Stop::End;
    while count.is_none_or(|c| vals.len() < c) {
        let rest = &s[pos..];
        match value_prefix::<T>(rest, file) {
            Some((v, n)) => {
                vals.push(v);
                pos += n;
            }
            None => {
                // Only whitespace left is the end of the data (NumPy's
                // `fromstring` appends a spurious -1 there).
                if !rest.iter().all(|&b| is_space(b)) {
                    stop = Stop::Mismatch;
                }
                break;
            }
        }
        if let Err(r) = skip_separator(s, &mut pos, &sep) {
            // With `count` values read, the separator after the last is optional.
            if count != Some(vals.len()) {
                stop = r;
            }
            break;
        }
    }
    if stop == Stop::Mismatch {
        return Err(Error::invalid(
            "string or file could not be read to its end due to unmatched data",
        ));
    }
    Ok(Array::from_vec(vals))
}

/// `np.fromstring(s, dtype=T, count, sep)`: the values in the text `s`,
/// separated by `sep`, at most `count` of them (`None`: all).
///
/// Each value is parsed as NumPy's per-dtype `fromstr` parses it (leading
/// whitespace skipped; floats in Python's syntax with `inf`/`nan`;
/// integers in base 10, saturated to 64 bits, then wrapped to the type;
/// `bool` as a number, non-zero is `true`; complex as `1+2j`). Each run of
/// whitespace in `sep` matches any run of whitespace (also none) in the
/// text.
///
/// Errors: an empty `sep` (NumPy removed the binary mode; use
/// [`frombuffer`]); text that is neither a value nor the separator.
/// Differences: where NumPy 2.4 reads past the text (a `count` larger than
/// the values present, or whitespace after a final separator) it returns
/// uninitialised memory or `-1`; numox returns the values present.
///
/// ```
/// let a = numox::fromstring::<f64>("1.5, 2,3 ,nan", ",", None).unwrap();
/// assert_eq!(a.to_vec()[..3], [1.5, 2.0, 3.0]);
/// assert!(a.to_vec()[3].is_nan());
/// let b = numox::fromstring::<i32>("1 2\n3\t4", " ", Some(3)).unwrap();
/// assert_eq!(b.to_vec(), vec![1, 2, 3]);
/// assert!(numox::fromstring::<f64>("1,x", ",", None).is_err());
/// assert!(numox::fromstring::<f64>("1,2", "", None).is_err());
/// ```
pub fn fromstring<T: TextElement>(s: &str, sep: &str, count: Option<usize>) -> Result<Array<T>> {
    if sep.is_empty() {
        return Err(Error::invalid(
            "The binary mode of fromstring is removed, use frombuffer instead",
        ));
    }
    from_text(s.as_bytes(), sep, count, false)
}

/// `np.fromfile(path, dtype=T, count, sep)` with a non-empty `sep`: the
/// values of a text file, parsed as [`fromstring`] parses them (an empty
/// `sep` reads binary data, as [`fromfile`]). NumPy's `fscanf` reading
/// takes a sign on unsigned integers and wraps (`-5` as `uint8` is 251);
/// so does this.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_fromfile_text_doc.txt");
/// numox::tofile_text(&array![1.5, -2.0, 3.0], &path, ", ", "").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1.5, -2.0, 3.0");
/// let a = numox::fromfile_text::<f64>(&path, ",", None).unwrap();
/// assert_eq!(a.to_vec(), vec![1.5, -2.0, 3.0]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn fromfile_text<T: TextElement>(
    path: impl AsRef<Path>,
    sep: &str,
    count: Option<usize>,
) -> Result<Array<T>> {
    if sep.is_empty() {
        return fromfile(path, count, 0);
    }
    let buf = std::fs::read(path)?;
    from_text(&buf, sep, count, true)
}

/// Python's `repr` of a complex (what `str` of the `complex` NumPy's
/// text `tofile` hands to the format gives): `(1+2j)`, `2j`, `(-0-1j)`.
fn python_complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| {
        let r = printf::repr_f64(x);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    let imag = part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if imag.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{imag}j)", part(re))
}

/// The text of `a` as NumPy's `a.tofile(f, sep, format)` writes it: each
/// element (in C order) as a Python object formatted by `format` (`%`
/// rules; empty: `str`), joined by `sep`.
fn to_text<T: TextElement, S: Data<Elem = T>>(a: &ArrayBase<S>, sep: &str, format: &str) -> Result<String> {
    let fmt = if format.is_empty() { "%s" } else { format };
    let mut specs = printf::parse(fmt)?;
    // `%r` of a Python int, float or bool is its `str`.
    for sp in &mut specs {
        if let Spec::Conv { kind, .. } = sp
            && *kind == b'r'
        {
            *kind = b's';
        }
    }
    match specs.iter().filter(|sp| sp.is_conversion()).count() {
        0 => {
            return Err(Error::invalid(
                "not all arguments converted during string formatting",
            ));
        }
        1 => {}
        _ => return Err(Error::invalid("not enough arguments for format string")),
    }
    let complex = T::DTYPE.kind() == 'c';
    if complex {
        for sp in &specs {
            if let Spec::Conv { kind, .. } = sp
                && *kind != b's'
            {
                return Err(Error::invalid("must be real number, not complex"));
            }
        }
    }
    let mut out = String::new();
    let mut args = Vec::with_capacity(2);
    for (i, &x) in a.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        args.clear();
        x.to_args(&mut args);
        // The element reaches the format as a Python object: float32
        // widened to a Python float.
        for g in &mut args {
            if let printf::Arg::F32(v) = *g {
                *g = printf::Arg::F64(f64::from(v));
            }
        }
        if complex {
            let (re, im) = match (args[0], args[1]) {
                (printf::Arg::F64(re), printf::Arg::F64(im)) => (re, im),
                _ => (f64::NAN, f64::NAN),
            };
            let text = python_complex_repr(re, im);
            printf::format_str(&specs, &text, &mut out);
        } else {
            printf::format_row(&specs, &args, &mut out)?;
        }
    }
    Ok(out)
}

/// `a.tofile(path, sep=sep, format=format)`: with a non-empty `sep`, the
/// elements as text in C order, separated by `sep` (no trailing
/// separator or newline), each formatted with Python's `%` rules by
/// `format` (empty or `"%s"`: Python's `str`; `float32` values print as
/// the Python float they widen to, as NumPy's do). An empty `sep` writes
/// binary data, as [`tofile`].
///
/// Errors: a format without exactly one conversion, a conversion that
/// does not take the value (`%d` of NaN, `%f` of a complex), I/O errors.
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_tofile_text_doc.txt");
/// numox::tofile_text(&array![[1.0, 0.5], [f64::NAN, 1e20]], &path, ";", "%.2f").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1.00;0.50;nan;100000000000000000000.00");
/// numox::tofile_text(&array![0.1f32], &path, " ", "").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "0.10000000149011612");
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn tofile_text<T: TextElement, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    path: impl AsRef<Path>,
    sep: &str,
    format: &str,
) -> Result<()> {
    if sep.is_empty() {
        return tofile(a, path);
    }
    let text = to_text(a, sep, format)?;
    std::fs::write(path, text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::element::Complex64;

    #[test]
    fn bytes_round_trip_every_kind() {
        let c = Array::from_vec(vec![Complex64::new(1.0, -2.0), Complex64::new(f64::NAN, 0.0)]);
        let b = tobytes(&c);
        assert_eq!(b.len(), 32);
        let back = frombuffer::<Complex64>(&b, None, 0).unwrap();
        assert_eq!(back.to_vec()[0], Complex64::new(1.0, -2.0));
        assert!(back.to_vec()[1].re.is_nan());
        let bools = frombuffer::<bool>(&[0, 1, 7], None, 0).unwrap();
        assert_eq!(bools.to_vec(), vec![false, true, true]);
        assert!(frombuffer::<f64>(&b, Some(5), 0).is_err());
        assert!(frombuffer::<f64>(&b, None, 33).is_err());
        assert_eq!(frombuffer::<f64>(&b, None, 32).unwrap().len(), 0);
        assert!(frombuffer::<f64>(&b, Some(usize::MAX), 0).is_err());
    }

    #[test]
    fn text_separator_rules() {
        assert_eq!(swab_separator(","), b" ,");
        assert_eq!(swab_separator(" ,  "), b" ,  ");
        assert_eq!(swab_separator("\n"), b"  ");
        let a = fromstring::<f64>("1 ; 2;3", " ; ", None).unwrap();
        assert_eq!(a.to_vec(), vec![1.0, 2.0, 3.0]);
        assert!(fromstring::<f64>("1,,2", ",", None).is_err());
        assert_eq!(
            fromstring::<u8>("300,2", ",", None).unwrap().to_vec(),
            vec![44, 2]
        );
        assert!(fromstring::<u8>("-5", ",", None).is_err());
        assert_eq!(
            from_text::<u8>(b"-5", ",", None, true).unwrap().to_vec(),
            vec![251]
        );
        let c = fromstring::<Complex64>("1+2j,2j,-1.5", ",", None).unwrap();
        assert_eq!(
            c.to_vec(),
            vec![
                Complex64::new(1.0, 2.0),
                Complex64::new(0.0, 2.0),
                Complex64::new(-1.5, 0.0)
            ]
        );
        assert_eq!(
            fromstring::<f64>("1,2,x", ",", Some(2)).unwrap().to_vec(),
            vec![1.0, 2.0]
        );
        assert_eq!(fromstring::<f64>("1, ", ",", None).unwrap().to_vec(), vec![1.0]);
    }

    #[test]
    fn text_formats() {
        let c = Array::from_vec(vec![
            Complex64::new(1.0, 2.0),
            Complex64::new(-0.0, -0.5),
            Complex64::new(0.0, 1.0),
        ]);
        assert_eq!(to_text(&c, ", ", "").unwrap(), "(1+2j), (-0-0.5j), 1j");
        assert!(to_text(&c, ",", "%.2f").is_err());
        assert_eq!(
            to_text(&Array::from_vec(vec![true, false]), ",", "%s").unwrap(),
            "True,False"
        );
        assert!(to_text(&Array::from_vec(vec![1.0]), ",", "x").is_err());
        assert!(to_text(&Array::from_vec(vec![f64::NAN]), ",", "%d").is_err());
    }
}
