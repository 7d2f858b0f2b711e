//! The `.npy` header: the magic string, the version, and the Python dict
//! literal `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
//!
//! Parsing accepts what `ast.literal_eval` accepts for the three keys NumPy
//! writes (strings in either quote style, `True`/`False`, tuples with or
//! without a trailing comma, any whitespace) and rejects everything else
//! with an [`Error::Parse`] whose `column` is the byte offset in the file.
//! Formatting reproduces `np.save`'s header byte for byte.

use crate::element::DType;
use crate::error::{Error, Result};

/// `\x93NUMPY`: the first six bytes of every `.npy` file.
pub(crate) const MAGIC: &[u8; 6] = b"\x93NUMPY";
/// NumPy pads the header so the data starts at a multiple of this.
const ARRAY_ALIGN: usize = 64;
/// NumPy leaves room in the header for the growing axis to reach this many digits.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;
/// The longest header numox reads (NumPy's own default limit is 10000
/// characters; numox's writer never needs more than a few KB for sane ranks).
pub(crate) const MAX_HEADER_LEN: usize = 1 << 24;
/// Nesting depth of the header literal beyond which parsing stops
/// (hostile files could otherwise exhaust the stack).
const MAX_DEPTH: usize = 16;

/// A parse error at byte `offset` of the file.
pub(crate) fn parse_err(offset: usize, message: impl Into<String>) -> Error {
    Error::Parse {
        line: 0,
        column: offset,
        message: message.into(),
    }
}

/// Byte order of the data in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ByteOrder {
    Little,
    Big,
}

impl ByteOrder {
    pub(crate) const NATIVE: ByteOrder = if cfg!(target_endian = "big") {
        ByteOrder::Big
    } else {
        ByteOrder::Little
    };
}

/// What a header says about the data that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    pub dtype: DType,
    pub order: ByteOrder,
    pub fortran_order: bool,
    pub shape: Vec<usize>,
}

/// A Python literal value, as far as `.npy` headers need them.
#[derive(Clone, Debug, PartialEq)]
enum PyVal {
    Str(String),
    Bool(bool),
    None,
    /// An integer; `None` when it does not fit in `i128`.
    Int(Option<i128>),
    Tuple(Vec<PyVal>),
    List(Vec<PyVal>),
    Dict(Vec<(PyVal, PyVal)>),
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    /// Offset of `s[0]` in the file, for error positions.
    base: usize,
}

impl Parser<'_> {
    fn err(&self, msg: impl Into<String>) -> Error {
        parse_err(self.base + self.pos, msg)
    }

    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn expect(&mut self, c: u8) -> Result<()> {
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(format!("expected '{}' in the .npy header", c as char)))
        }
    }

    fn value(&mut self, depth: usize) -> Result<PyVal> {
        if depth > MAX_DEPTH {
            return Err(self.err("the .npy header nests too deeply"));
        }
        match self.peek() {
            None => Err(self.err("the .npy header ends in the middle of a value")),
            Some(b'{') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        return Ok(PyVal::Dict(items));
                    }
                    let k = self.value(depth + 1)?;
                    self.expect(b':')?;
                    let v = self.value(depth + 1)?;
                    items.push((k, v));
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {}
                        _ => return Err(self.err("expected ',' or '}' in the .npy header dict")),
                    }
                }
            }
            Some(open @ (b'(' | b'[')) => {
                self.pos += 1;
                let close = if open == b'(' { b')' } else { b']' };
                let mut items = Vec::new();
                let mut saw_comma = false;
                loop {
                    if self.peek() == Some(close) {
                        self.pos += 1;
                        break;
                    }
                    items.push(self.value(depth + 1)?);
                    match self.peek() {
                        Some(b',') => {
                            self.pos += 1;
                            saw_comma = true;
                        }
                        Some(c) if c == close => {}
                        _ => {
                            return Err(
                                self.err(format!("expected ',' or '{}' in the .npy header", close as char))
                            );
                        }
                    }
                }
                Ok(if open == b'[' {
                    PyVal::List(items)
                } else if items.len() == 1 && !saw_comma {
                    // `(3)` is just 3 in Python.
                    items.pop().expect("one item")
                } else {
                    PyVal::Tuple(items)
                })
            }
            Some(q @ (b'\'' | b'"')) => {
                self.pos += 1;
                let mut out = Vec::new();
                loop {
                    let Some(&c) = self.s.get(self.pos) else {
                        return Err(self.err("unterminated string in the .npy header"));
                    };
                    self.pos += 1;
                    if c == q {
                        break;
                    }
                    if c == b'\n' {
                        return Err(self.err("newline inside a string in the .npy header"));
                    }
                    if c == b'\\' {
                        let Some(&e) = self.s.get(self.pos) else {
                            return Err(self.err("unterminated string in the .npy header"));
                        };
                        self.pos += 1;
                        out.push(match e {
                            b'n' => b'\n',
                            b't' => b'\t',
                            b'\\' | b'\'' | b'"' => e,
                            _ => return Err(self.err("unsupported escape in a .npy header string")),
                        });
                    } else {
                        out.push(c);
                    }
                }
                String::from_utf8(out)
                    .map(PyVal::Str)
                    .map_err(|_| self.err("a .npy header string is not valid text"))
            }
            Some(c) if c == b'-' || c == b'+' || c.is_ascii_digit() => {
                let start = self.pos;
                let neg = c == b'-';
                if !c.is_ascii_digit() {
                    self.pos += 1;
                    self.skip_ws();
                }
                let digits_start = self.pos;
                let mut v: Option<i128> = Some(0);
                while let Some(&d) = self.s.get(self.pos) {
                    if d.is_ascii_digit() {
                        v = v
                            .and_then(|x| x.checked_mul(10))
                            .and_then(|x| x.checked_add((d - b'0') as i128));
                    } else if d != b'_' {
                        break;
                    }
                    self.pos += 1;
                }
                if self.pos == digits_start {
                    self.pos = start;
                    return Err(self.err("expected a number in the .npy header"));
                }
                if let Some(&d) = self.s.get(self.pos)
                    && (d == b'.' || d == b'e' || d == b'E' || d.is_ascii_alphabetic())
                {
                    return Err(self.err("expected an integer in the .npy header"));
                }
                Ok(PyVal::Int(v.map(|x| if neg { -x } else { x })))
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                while self.pos < self.s.len()
                    && (self.s[self.pos].is_ascii_alphanumeric() || self.s[self.pos] == b'_')
                {
                    self.pos += 1;
                }
                match &self.s[start..self.pos] {
                    b"True" => Ok(PyVal::Bool(true)),
                    b"False" => Ok(PyVal::Bool(false)),
                    b"None" => Ok(PyVal::None),
                    _ => {
                        self.pos = start;
                        Err(self.err("unexpected name in the .npy header"))
                    }
                }
            }
            Some(_) => Err(self.err("unexpected character in the .npy header")),
        }
    }
}

/// Interprets a `descr` string (`'<f8'`, `'|b1'`, `'>c16'`, also `'f8'`, `'?'`, `'float64'`).
fn parse_descr(s: &str, offset: usize) -> Result<(DType, ByteOrder)> {
    let (order, rest) = match s.as_bytes().first() {
        Some(b'<') => (ByteOrder::Little, &s[1..]),
        Some(b'>') => (ByteOrder::Big, &s[1..]),
        Some(b'|' | b'=') => (ByteOrder::NATIVE, &s[1..]),
        _ => (ByteOrder::NATIVE, s),
    };
    if let Some(d) = DType::from_name(s) {
        return Ok((d, ByteOrder::NATIVE));
    }
    let dtype = match rest {
        "b1" | "?" => DType::Bool,
        "i1" | "b" => DType::Int8,
        "i2" | "h" => DType::Int16,
        "i4" | "i" => DType::Int32,
        "i8" | "q" | "l" => DType::Int64,
        "u1" | "B" => DType::UInt8,
        "u2" | "H" => DType::UInt16,
        "u4" | "I" => DType::UInt32,
        "u8" | "Q" | "L" => DType::UInt64,
        "f4" | "f" => DType::Float32,
        "f8" | "d" => DType::Float64,
        "c8" | "F" => DType::Complex64,
        "c16" | "D" => DType::Complex128,
        _ => {
            let kind = rest.chars().next().unwrap_or(' ');
            let digits = rest.len() > 1 && rest[1..].bytes().all(|b| b.is_ascii_digit());
            let unsupported =
                |what: &str| Error::Unsupported(format!("{what} dtype '{s}' cannot be read by numox"));
            return Err(match (kind, &rest[kind.len_utf8().min(rest.len())..]) {
                ('O', _) => unsupported("object"),
                ('e', "") | ('f', "2") => unsupported("float16"),
                ('g', "") | ('G', "") | ('f', "12" | "16") | ('c', "24" | "32") => unsupported("long double"),
                ('S' | 'U' | 'a', _) if digits || rest.len() == 1 => unsupported("string"),
                ('V', _) if digits => unsupported("void"),
                ('M' | 'm', r) if r.starts_with('8') => unsupported("datetime"),
                _ => parse_err(
                    offset,
                    format!("unknown dtype descriptor '{s}' in the .npy header"),
                ),
            });
        }
    };
    Ok((dtype, order))
}

/// Parses the header text (everything between the length field and the
/// data), which starts at byte `base` of the file.
pub(crate) fn parse_header(text: &[u8], base: usize) -> Result<Header> {
    if let Some(i) = text.iter().position(|&b| b >= 0x80) {
        return Err(parse_err(base + i, "non-ASCII byte in the .npy header"));
    }
    let mut p = Parser {
        s: text,
        pos: 0,
        base,
    };
    let v = p.value(0)?;
    if p.peek().is_some() {
        return Err(p.err("unexpected text after the .npy header dict"));
    }
    let PyVal::Dict(items) = v else {
        return Err(parse_err(base, "the .npy header is not a dictionary"));
    };
    let (mut descr, mut fortran, mut shape) = (None, None, None);
    for (k, v) in items {
        match k {
            PyVal::Str(k) if k == "descr" => descr = Some(v),
            PyVal::Str(k) if k == "fortran_order" => fortran = Some(v),
            PyVal::Str(k) if k == "shape" => shape = Some(v),
            other => {
                return Err(parse_err(
                    base,
                    format!("unexpected key {other:?} in the .npy header"),
                ));
            }
        }
    }
    let missing = |k: &str| parse_err(base, format!("the .npy header has no '{k}' key"));
    let (dtype, order) = match descr.ok_or_else(|| missing("descr"))? {
        PyVal::Str(s) => parse_descr(&s, base)?,
        PyVal::List(_) => {
            return Err(Error::Unsupported(
                "structured dtypes (a list 'descr') cannot be read by numox".into(),
            ));
        }
        other => {
            return Err(parse_err(
                base,
                format!("'descr' is not a valid dtype descriptor: {other:?}"),
            ));
        }
    };
    let fortran_order = match fortran.ok_or_else(|| missing("fortran_order"))? {
        PyVal::Bool(b) => b,
        other => {
            return Err(parse_err(
                base,
                format!("'fortran_order' is not a bool: {other:?}"),
            ));
        }
    };
    let shape = match shape.ok_or_else(|| missing("shape"))? {
        PyVal::Tuple(items) => items
            .into_iter()
            .map(|d| match d {
                PyVal::Int(Some(n)) if n >= 0 => usize::try_from(n).map_err(|_| Error::TooBig {
                    shape: (&[usize::MAX][..]).into(),
                }),
                PyVal::Int(Some(n)) => Err(parse_err(
                    base,
                    format!("negative dimension {n} in the .npy shape"),
                )),
                PyVal::Int(None) => Err(Error::TooBig {
                    shape: (&[usize::MAX][..]).into(),
                }),
                other => Err(parse_err(
                    base,
                    format!("'shape' has a non-integer entry: {other:?}"),
                )),
            })
            .collect::<Result<Vec<usize>>>()?,
        other => {
            return Err(parse_err(
                base,
                format!("'shape' is not a tuple of integers: {other:?}"),
            ));
        }
    };
    Ok(Header {
        dtype,
        order,
        fortran_order,
        shape,
    })
}

/// The `descr` string numox writes for `dtype` in native byte order (`'<f8'`).
pub(crate) fn descr_of(dtype: DType) -> String {
    let kind = dtype.kind();
    let size = dtype.itemsize();
    let order = if size == 1 {
        '|'
    } else if cfg!(target_endian = "big") {
        '>'
    } else {
        '<'
    };
    format!("{order}{kind}{size}")
}

/// `repr(shape)` as Python prints a tuple.
fn shape_repr(shape: &[usize]) -> String {
    let mut s = String::from("(");
    for (i, d) in shape.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&d.to_string());
    }
    if shape.len() == 1 {
        s.push(',');
    }
    s.push(')');
    s
}

/// The complete header (magic, version, length, dict, padding, newline)
/// `np.save` writes for an array of `dtype` and `shape`.
pub(crate) fn format_header(dtype: DType, shape: &[usize], fortran_order: bool) -> Vec<u8> {
    let mut dict = format!(
        "{{'descr': '{}', 'fortran_order': {}, 'shape': {}, }}",
        descr_of(dtype),
        if fortran_order { "True" } else { "False" },
        shape_repr(shape)
    );
    if !shape.is_empty() {
        let grow = if fortran_order {
            shape[shape.len() - 1]
        } else {
            shape[0]
        };
        let digits = grow.to_string().len();
        dict.extend(std::iter::repeat_n(
            ' ',
            GROWTH_AXIS_MAX_DIGITS.saturating_sub(digits),
        ));
    }
    // Version 1.0 has a 2-byte length; 2.0 a 4-byte one (NumPy tries 1.0 first).
    let hlen = dict.len() + 1;
    let wrap = |len_bytes: usize| {
        let pad = ARRAY_ALIGN - ((MAGIC.len() + 2 + len_bytes + hlen) % ARRAY_ALIGN);
        (pad, hlen + pad)
    };
    let (pad, total) = wrap(2);
    let mut out = Vec::with_capacity(MAGIC.len() + 6 + total);
    out.extend_from_slice(MAGIC);
    if total <= u16::MAX as usize {
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(total as u16).to_le_bytes());
        out.extend_from_slice(dict.as_bytes());
        out.extend(std::iter::repeat_n(b' ', pad));
    } else {
        let (pad, total) = wrap(4);
        out.extend_from_slice(&[2, 0]);
        out.extend_from_slice(&(total as u32).to_le_bytes());
        out.extend_from_slice(dict.as_bytes());
        out.extend(std::iter::repeat_n(b' ', pad));
    }
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numpy_headers() {
        let h = parse_header(
            b"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n",
            10,
        )
        .unwrap();
        assert_eq!(
            h,
            Header {
                dtype: DType::Float64,
                order: ByteOrder::Little,
                fortran_order: false,
                shape: vec![3, 4]
            }
        );
        let h = parse_header(b"{\"shape\":(),\"fortran_order\":True,\"descr\":\">c16\"}", 0).unwrap();
        assert_eq!(h.shape, Vec::<usize>::new());
        assert_eq!(
            (h.dtype, h.order, h.fortran_order),
            (DType::Complex128, ByteOrder::Big, true)
        );
        let h = parse_header(b"{'descr': '|b1', 'fortran_order': False, 'shape': (5,), }", 0).unwrap();
        assert_eq!((h.dtype, h.shape), (DType::Bool, vec![5]));
    }

    #[test]
    fn rejects_bad_headers_with_offsets() {
        let e = parse_header(b"{'descr': '<f8', 'fortran_order': False}", 10).unwrap_err();
        assert!(e.to_string().contains("'shape'"), "{e}");
        let e = parse_header(b"{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", 10).unwrap_err();
        assert!(e.to_string().contains("negative"), "{e}");
        let e = parse_header(b"{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", 10).unwrap_err();
        assert!(matches!(e, Error::Parse { .. }), "{e}");
        let e = parse_header(b"{'descr': '<f8', 'fortran_order': False, 'shape': (1,2", 10).unwrap_err();
        assert!(matches!(e, Error::Parse { column, .. } if column >= 10), "{e}");
        let e = parse_header(b"{'descr': '|O', 'fortran_order': False, 'shape': (1,)}", 0).unwrap_err();
        assert!(matches!(e, Error::Unsupported(_)), "{e}");
        let e = parse_header(
            b"{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,)}",
            0,
        )
        .unwrap_err();
        assert!(matches!(e, Error::Unsupported(_)), "{e}");
        let e = parse_header(b"{'descr': 'zz9', 'fortran_order': False, 'shape': (1,)}", 0).unwrap_err();
        assert!(matches!(e, Error::Parse { .. }), "{e}");
        let deep = format!("{}{}", "(".repeat(100), ")".repeat(100));
        assert!(parse_header(deep.as_bytes(), 0).is_err());
        let e = parse_header(b"{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999999999999999999999,)}", 0).unwrap_err();
        assert!(matches!(e, Error::TooBig { .. }), "{e}");
    }

    #[test]
    fn formats_like_numpy() {
        // np.save of np.zeros((3, 4)): 128-byte header.
        let h = format_header(DType::Float64, &[3, 4], false);
        assert_eq!(h.len() % 64, 0);
        let text = std::str::from_utf8(&h[10..]).unwrap();
        assert!(text.starts_with("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"));
        assert!(text.ends_with(" \n"));
        assert_eq!(&h[6..8], &[1, 0]);
    }
}
