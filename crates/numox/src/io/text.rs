//! Text files of numbers: [`loadtxt`] and [`savetxt`] (NumPy's `np.loadtxt`,
//! `np.savetxt`).
//!
//! [`loadtxt`] follows NumPy 2's parser: whitespace or a one-character
//! delimiter, any number of comment strings (a comment runs to the end of the
//! line), `skiprows` (counts every line), `max_rows` (counts data rows only),
//! `usecols` (negative indices count from the end of each row), `unpack`,
//! `ndmin`, and `quotechar` (a quoted field may hold delimiters, comment
//! characters and newlines; a doubled quote is a literal quote). Line ends
//! are `\n`, `\r\n` or `\r` (as a file NumPy opens in text mode). Floats are
//! correctly rounded (as NumPy's parser); `f32` is parsed as `f64` and then
//! rounded, as NumPy does. Integers must be written as integers (`"1.0"` is
//! not an `int64`, as in NumPy 2); `bool` fields are integers, non-zero is
//! `true`; complex fields are `1+2j`, `(1-2j)`, `3j` or `4`. `converters` and
//! structured dtypes are not supported.
//!
//! Large inputs are parsed in parallel: the text is cut into line-aligned
//! chunks parsed on rayon's threads and concatenated; an error names the
//! first bad line of the whole file, as a sequential parse would.
//!
//! [`savetxt`] writes what `np.savetxt` writes, byte for byte, for the
//! printf-style formats `%e`, `%f`, `%g`, `%d`, `%s` (and `%x`, `%o` for
//! integers) with Python's flags, width and precision rules.

use super::printf::{self, Spec};
use crate::array::{Array, ArrayBase, Data};
use crate::element::{Complex32, Complex64, Element};
use crate::error::{Error, Result};
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::Path;

/// Element types [`loadtxt`] can parse and [`savetxt`] can format: every
/// numox element type.
///
/// ```
/// use numox::TextElement;
/// assert_eq!(<f64 as TextElement>::parse_text(b" 2.5 "), Some(2.5));
/// assert_eq!(<i8 as TextElement>::parse_text(b"300"), None);
/// ```
pub trait TextElement: Element {
    /// Parses one field as NumPy's `loadtxt` does (surrounding whitespace
    /// allowed); `None` when the text is not a value of this type.
    fn parse_text(s: &[u8]) -> Option<Self>;
    /// The value as printf arguments: one for real types, two (real and
    /// imaginary part) for complex ones.
    #[doc(hidden)]
    fn to_args(self, out: &mut Vec<printf::Arg>);
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c' | b'\r' | b'\n')
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_ws(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_ws(b)).map_or(start, |e| e + 1);
    &s[start..end]
}

/// Length of the longest prefix of `s` that is a float in Python's syntax
/// (`[+-]` then digits with optional `.` and exponent, or `inf`, `infinity`,
/// `nan`); 0 when there is none.
pub(super) fn float_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    let rest = &s[i..];
    let lower = |n: usize| -> Vec<u8> { rest.iter().take(n).map(u8::to_ascii_lowercase).collect() };
    if lower(8) == b"infinity" {
        return i + 8;
    }
    let l3 = lower(3);
    if l3 == b"inf" || l3 == b"nan" {
        return i + 3;
    }
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let d0 = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > d0 {
            i = j;
        }
    }
    i
}

fn parse_f64(s: &[u8]) -> Option<f64> {
    let t = trim(s);
    // Rust's float grammar is Python's (`float()` without underscores):
    // sign, digits with optional point and exponent, inf/infinity/nan in
    // any case; both round correctly.
    // Rust's grammar is ASCII only, so other text is rejected either way.
    if !t.is_ascii() {
        return None;
    }
    // SAFETY: ASCII bytes are valid UTF-8.
    unsafe { std::str::from_utf8_unchecked(t) }.parse::<f64>().ok()
}

fn parse_complex(s: &[u8]) -> Option<(f64, f64)> {
    let mut t = trim(s);
    let paren = t.first() == Some(&b'(');
    if paren {
        if t.last() != Some(&b')') {
            return None;
        }
        t = trim(&t[1..t.len() - 1]);
    }
    let n = float_prefix_len(t);
    if n == 0 {
        return None;
    }
    let re = parse_f64(&t[..n])?;
    let rest = &t[n..];
    if rest.is_empty() {
        return Some((re, 0.0));
    }
    if rest == b"j" {
        return Some((0.0, re));
    }
    if rest[0] == b'+' || rest[0] == b'-' {
        // NumPy accepts "1+-2j": a '+' is skipped before the imaginary part.
        let im_s = if rest[0] == b'+' { &rest[1..] } else { rest };
        let m = float_prefix_len(im_s);
        if m == 0 || &im_s[m..] != b"j" {
            return None;
        }
        return Some((re, parse_f64(&im_s[..m])?));
    }
    None
}

fn parse_u64(s: &[u8]) -> Option<u64> {
    let mut t = trim(s);
    if t.first() == Some(&b'+') {
        t = &t[1..];
    }
    if t.is_empty() || t.len() > 40 || !t.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut v: u64 = 0;
    for &b in t {
        v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(v)
}

fn parse_i64(s: &[u8]) -> Option<i64> {
    let t = trim(s);
    if let Some(rest) = t.strip_prefix(b"-") {
        if rest.first() == Some(&b'+') {
            return None;
        }
        let m = parse_u64(rest)?;
        if m <= 1u64 << 63 {
            Some((m as i64).wrapping_neg())
        } else {
            None
        }
    } else {
        i64::try_from(parse_u64(t)?).ok()
    }
}

macro_rules! text_int {
    ($($t:ty => $p:ident),*) => {$(
        impl TextElement for $t {
            fn parse_text(s: &[u8]) -> Option<Self> {
                <$t>::try_from($p(s)?).ok()
            }
            fn to_args(self, out: &mut Vec<printf::Arg>) {
                out.push(printf::Arg::Int(i128::from(self), <$t as Element>::DTYPE.name()));
            }
        }
    )*};
}
text_int!(i8 => parse_i64, i16 => parse_i64, i32 => parse_i64, i64 => parse_i64,
          u8 => parse_u64, u16 => parse_u64, u32 => parse_u64, u64 => parse_u64);

impl TextElement for bool {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_i64(s).map(|v| v != 0)
    }
    fn to_args(self, out: &mut Vec<printf::Arg>) {
        out.push(printf::Arg::Bool(self));
    }
}

impl TextElement for f64 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_f64(s)
    }
    fn to_args(self, out: &mut Vec<printf::Arg>) {
        out.push(printf::Arg::F64(self));
    }
}

impl TextElement for f32 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        // NumPy parses a double and rounds it to float32.
        parse_f64(s).map(|v| v as f32)
    }
    fn to_args(self, out: &mut Vec<printf::Arg>) {
        out.push(printf::Arg::F32(self));
    }
}

impl TextElement for Complex64 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_complex(s).map(|(re, im)| Complex64::new(re, im))
    }
    fn to_args(self, out: &mut Vec<printf::Arg>) {
        out.push(printf::Arg::F64(self.re));
        out.push(printf::Arg::F64(self.im));
    }
}

impl TextElement for Complex32 {
    fn parse_text(s: &[u8]) -> Option<Self> {
        parse_complex(s).map(|(re, im)| Complex32::new(re as f32, im as f32))
    }
    fn to_args(self, out: &mut Vec<printf::Arg>) {
        out.push(printf::Arg::F32(self.re));
        out.push(printf::Arg::F32(self.im));
    }
}

/// The options of [`loadtxt`], NumPy's defaults from [`LoadTxtOptions::new`]:
/// whitespace-delimited, `#` comments, nothing skipped, every column, no
/// unpacking, `ndmin=0`, no quoting.
///
/// ```
/// use numox::LoadTxtOptions;
/// let o = LoadTxtOptions::new().delimiter(',').skiprows(1).usecols(&[0, -1]).ndmin(2);
/// assert_eq!(o.delimiter, Some(','));
/// assert_eq!(o.usecols, Some(vec![0, -1]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadTxtOptions {
    /// Strings that start a comment (to the end of the line); empty: none.
    pub comments: Vec<String>,
    /// The field delimiter; `None` splits on runs of whitespace.
    pub delimiter: Option<char>,
    /// Lines skipped at the start (comment and empty lines count).
    pub skiprows: usize,
    /// The columns to read (negative counts from the end); `None`: all.
    pub usecols: Option<Vec<isize>>,
    /// Return the transpose (one row per column of the file).
    pub unpack: bool,
    /// Minimum number of dimensions of the result: 0, 1 or 2.
    pub ndmin: usize,
    /// Read at most this many data rows (comment and empty lines do not count).
    pub max_rows: Option<usize>,
    /// The quote character; `None` disables quoting.
    pub quotechar: Option<char>,
}

impl Default for LoadTxtOptions {
    fn default() -> Self {
        LoadTxtOptions {
            comments: vec!["#".into()],
            delimiter: None,
            skiprows: 0,
            usecols: None,
            unpack: false,
            ndmin: 0,
            max_rows: None,
            quotechar: None,
        }
    }
}

impl LoadTxtOptions {
    /// NumPy's defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the delimiter (`delimiter=`).
    pub fn delimiter(mut self, d: char) -> Self {
        self.delimiter = Some(d);
        self
    }
    /// Sets one comment string (`comments="%"`).
    pub fn comment(mut self, c: &str) -> Self {
        self.comments = vec![c.to_string()];
        self
    }
    /// Sets several comment strings (`comments=["#", "//"]`); an empty list disables comments.
    pub fn comments(mut self, c: &[&str]) -> Self {
        self.comments = c.iter().map(|s| s.to_string()).collect();
        self
    }
    /// Sets `skiprows`.
    pub fn skiprows(mut self, n: usize) -> Self {
        self.skiprows = n;
        self
    }
    /// Sets `usecols`.
    pub fn usecols(mut self, cols: &[isize]) -> Self {
        self.usecols = Some(cols.to_vec());
        self
    }
    /// Sets `unpack`.
    pub fn unpack(mut self, u: bool) -> Self {
        self.unpack = u;
        self
    }
    /// Sets `ndmin` (0, 1 or 2; anything else is an error when loading).
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n;
        self
    }
    /// Sets `max_rows`.
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }
    /// Sets `quotechar`.
    pub fn quotechar(mut self, q: char) -> Self {
        self.quotechar = Some(q);
        self
    }
}

/// The row tokenizer's configuration.
pub(crate) struct Tokenizer {
    delim: Option<Vec<u8>>,
    comments: Vec<Vec<u8>>,
    quote: Option<u8>,
    /// Bytes that need attention inside a field.
    special: [bool; 256],
}

/// One row's fields: bytes in `buf`, field `k` is `buf[ends[k-1]..ends[k]]`.
#[derive(Default)]
pub(crate) struct Row {
    buf: Vec<u8>,
    ends: Vec<usize>,
}

impl Row {
    fn clear(&mut self) {
        self.buf.clear();
        self.ends.clear();
    }
}

impl Tokenizer {
    pub(crate) fn new(delim: Option<char>, comments: &[String], quote: Option<char>) -> Result<Self> {
        let mut special = [false; 256];
        special[usize::from(b'\n')] = true;
        let delim = delim.map(|c| c.to_string().into_bytes());
        match &delim {
            Some(d) => special[usize::from(d[0])] = true,
            None => {
                for b in [b' ', b'\t', b'\x0b', b'\x0c'] {
                    special[usize::from(b)] = true;
                }
            }
        }
        let comments: Vec<Vec<u8>> = comments.iter().map(|c| c.clone().into_bytes()).collect();
        for c in &comments {
            if c.is_empty() {
                return Err(Error::invalid(
                    "comments cannot be an empty string; use an empty list to disable comments",
                ));
            }
            special[usize::from(c[0])] = true;
        }
        let quote = match quote {
            Some(q) if q.is_ascii() => Some(q as u8),
            Some(q) => {
                return Err(Error::invalid(format!(
                    "quotechar {q:?} must be an ASCII character"
                )));
            }
            None => None,
        };
        if let Some(q) = quote {
            if comments.len() > 1 || comments.iter().any(|c| c.len() > 1) {
                return Err(Error::invalid(
                    "when multiple comments or a multi-character comment is given, quotes are not supported",
                ));
            }
            special[usize::from(q)] = true;
        }
        if let Some(d) = &delim {
            if comments.iter().any(|c| c == d)
                || (quote.is_some() && quote == d.first().copied() && d.len() == 1)
            {
                return Err(Error::invalid(
                    "the delimiter, comment and quote characters must differ",
                ));
            }
        }
        Ok(Tokenizer {
            delim,
            comments,
            quote,
            special,
        })
    }

    fn comment_at(&self, s: &[u8], i: usize) -> bool {
        self.comments.iter().any(|c| s[i..].starts_with(c))
    }

    /// Tokenizes the row starting at `pos`. Returns the position after it
    /// and the number of newlines consumed. An empty or comment-only line
    /// gives a row of zero fields.
    pub(crate) fn row(&self, s: &[u8], mut pos: usize, row: &mut Row) -> (usize, usize) {
        row.clear();
        let n = s.len();
        let mut lines = 0;
        let ws_mode = self.delim.is_none();
        // Whether the current field has begun (whitespace mode) / any
        // character of the row was seen (delimiter mode).
        let mut in_field = !ws_mode;
        let mut saw_any = false;
        let mut in_quote = false;
        loop {
            if in_quote {
                // Inside quotes everything is literal up to the next quote.
                let q = self.quote.unwrap_or(0);
                match s[pos..].iter().position(|&b| b == q) {
                    None => {
                        lines += s[pos..].iter().filter(|&&b| b == b'\n').count();
                        row.buf.extend_from_slice(&s[pos..]);
                        pos = n;
                        in_quote = false;
                    }
                    Some(k) => {
                        lines += s[pos..pos + k].iter().filter(|&&b| b == b'\n').count();
                        row.buf.extend_from_slice(&s[pos..pos + k]);
                        pos += k + 1;
                        if pos < n && s[pos] == q {
                            row.buf.push(q);
                            pos += 1;
                        } else {
                            in_quote = false;
                        }
                    }
                }
                continue;
            }
            // Copy ordinary bytes.
            let start = pos;
            while pos < n && !self.special[usize::from(s[pos])] {
                pos += 1;
            }
            if pos > start {
                if ws_mode && !in_field {
                    in_field = true;
                }
                saw_any = true;
                row.buf.extend_from_slice(&s[start..pos]);
            }
            if pos >= n {
                break;
            }
            let b = s[pos];
            if b == b'\n' {
                pos += 1;
                lines += 1;
                break;
            }
            if Some(b) == self.quote {
                in_quote = true;
                saw_any = true;
                if ws_mode && !in_field {
                    in_field = true;
                }
                pos += 1;
                continue;
            }
            if !self.comments.is_empty() && self.comment_at(s, pos) {
                let (next, newlines) = skip_past_newline(s, pos);
                pos = next;
                lines += newlines;
                break;
            }
            match &self.delim {
                None => {
                    if matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c') {
                        if in_field {
                            row.ends.push(row.buf.len());
                            in_field = false;
                        }
                    } else {
                        if !in_field {
                            in_field = true;
                        }
                        row.buf.push(b);
                    }
                    pos += 1;
                }
                Some(d) => {
                    if s[pos..].starts_with(d) {
                        row.ends.push(row.buf.len());
                        saw_any = true;
                        pos += d.len();
                    } else {
                        row.buf.push(b);
                        saw_any = true;
                        pos += 1;
                    }
                }
            }
        }
        if ws_mode {
            if in_field {
                row.ends.push(row.buf.len());
            }
        } else if saw_any {
            row.ends.push(row.buf.len());
        }
        (pos, lines)
    }
}

impl Tokenizer {
    /// [`Tokenizer::row`] without a quote character: every field is then a
    /// contiguous run of `s`, given as `(start, end)` in `spans` (no
    /// copying). Returns the position after the row and the newlines
    /// consumed.
    fn row_spans(&self, s: &[u8], mut pos: usize, spans: &mut Vec<(usize, usize)>) -> (usize, usize) {
        spans.clear();
        let n = s.len();
        let ws_mode = self.delim.is_none();
        // The start of the current field (whitespace mode: once it began).
        let mut field: Option<usize> = if ws_mode { None } else { Some(pos) };
        let mut saw_any = false;
        let mut lines = 0;
        let end;
        loop {
            let start = pos;
            while pos < n && !self.special[usize::from(s[pos])] {
                pos += 1;
            }
            if pos > start {
                field.get_or_insert(start);
                saw_any = true;
            }
            if pos >= n {
                end = n;
                break;
            }
            let b = s[pos];
            if b == b'\n' {
                end = pos;
                pos += 1;
                lines += 1;
                break;
            }
            if !self.comments.is_empty() && self.comment_at(s, pos) {
                end = pos;
                let (next, newlines) = skip_past_newline(s, pos);
                pos = next;
                lines += newlines;
                break;
            }
            match &self.delim {
                None => {
                    if matches!(b, b' ' | b'\t' | b'\x0b' | b'\x0c') {
                        if let Some(f) = field.take() {
                            spans.push((f, pos));
                        }
                    } else {
                        field.get_or_insert(pos);
                    }
                    pos += 1;
                }
                Some(d) => {
                    saw_any = true;
                    // (A one-byte delimiter is the byte just found: no
                    // `memcmp` call per field.)
                    if b == d[0] && (d.len() == 1 || s[pos..].starts_with(d)) {
                        spans.push((field.unwrap_or(pos), pos));
                        pos += d.len();
                        field = Some(pos);
                    } else {
                        pos += 1;
                    }
                }
            }
        }
        if let Some(f) = field
            && (ws_mode || saw_any)
        {
            spans.push((f, end));
        }
        (pos, lines)
    }
}

/// Where a chunk's parse stopped with an error.
enum ChunkErr {
    Columns { from: usize, to: usize },
    BadCol { col: isize, ncols: usize },
    Convert { text: String, column: usize },
}

struct Chunk<T> {
    data: Vec<T>,
    rows: usize,
    /// (ncols, 0-based line within the chunk) of the first data row.
    first: Option<(usize, usize)>,
    /// The first error: 0-based line within the chunk and what.
    err: Option<(usize, ChunkErr)>,
    /// Newlines consumed (all of the chunk's when it parsed to the end).
    lines: usize,
}

fn parse_chunk<T: TextElement>(
    tok: &Tokenizer,
    s: &[u8],
    usecols: Option<&[isize]>,
    max_rows: Option<usize>,
) -> Chunk<T> {
    let mut out = Chunk {
        data: Vec::new(),
        rows: 0,
        first: None,
        err: None,
        lines: 0,
    };
    let mut row = Row::default();
    // Fields as `(start, end)` in `src`: `s` itself without a quote
    // character (no copying), the row's buffer with one.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let fast = tok.quote.is_none();
    let mut pos = 0;
    let mut line = 0;
    while pos < s.len() {
        if max_rows.is_some_and(|m| out.rows >= m) {
            break;
        }
        let (next, nl) = if fast {
            tok.row_spans(s, pos, &mut spans)
        } else {
            let r = tok.row(s, pos, &mut row);
            spans.clear();
            let mut start = 0;
            for &e in &row.ends {
                spans.push((start, e));
                start = e;
            }
            r
        };
        let src: &[u8] = if fast { s } else { &row.buf };
        pos = next;
        let this_line = line;
        line += nl;
        out.lines = line;
        let nf = spans.len();
        if nf == 0 {
            continue;
        }
        match out.first {
            None => out.first = Some((nf, this_line)),
            Some((n0, _)) => {
                if usecols.is_none() && nf != n0 {
                    out.err = Some((this_line, ChunkErr::Columns { from: n0, to: nf }));
                    return out;
                }
            }
        }
        let mut convert = |k: usize| -> bool {
            let f = &src[spans[k].0..spans[k].1];
            match T::parse_text(f) {
                Some(v) => {
                    out.data.push(v);
                    true
                }
                None => {
                    out.err = Some((
                        this_line,
                        ChunkErr::Convert {
                            text: String::from_utf8_lossy(f).into_owned(),
                            column: k + 1,
                        },
                    ));
                    false
                }
            }
        };
        match usecols {
            None => {
                for k in 0..nf {
                    if !convert(k) {
                        return out;
                    }
                }
            }
            Some(cols) => {
                for &c in cols {
                    let k = if c < 0 { c + nf as isize } else { c };
                    if k < 0 || k >= nf as isize {
                        out.err = Some((this_line, ChunkErr::BadCol { col: c, ncols: nf }));
                        return out;
                    }
                    if !convert(k as usize) {
                        return out;
                    }
                }
            }
        }
        out.rows += 1;
    }
    out
}

/// Replaces `\r\n` and lone `\r` by `\n` (Python's universal newlines).
fn universal_newlines(buf: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(buf.len());
    let mut i = 0;
    while i < buf.len() {
        let b = buf[i];
        if b == b'\r' {
            out.push(b'\n');
            if i + 1 < buf.len() && buf[i + 1] == b'\n' {
                i += 1;
            }
        } else {
            out.push(b);
        }
        i += 1;
    }
    out
}

fn check_utf8(buf: &[u8]) -> Result<()> {
    if let Err(e) = std::str::from_utf8(buf) {
        let at = e.valid_up_to();
        let line = buf[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = buf[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        return Err(Error::Parse {
            line,
            column: at - line_start + 1,
            message: "invalid UTF-8".into(),
        });
    }
    Ok(())
}

/// Shapes NumPy's `(rows, cols)` result by `ndmin` (squeezing first, as
/// NumPy's `_ensure_ndmin_ndarray`) and `unpack`.
pub(crate) fn finish_shape<T: Element>(
    data: Vec<T>,
    rows: usize,
    cols: usize,
    ndmin: usize,
    unpack: bool,
) -> Result<Array<T>> {
    let mut shape: Vec<usize> = vec![rows, cols];
    if shape.len() > ndmin {
        shape.retain(|&d| d != 1);
    }
    if shape.len() < ndmin {
        let n = shape.iter().product();
        // atleast_1d, or atleast_2d(a).T: a 0-d or 1-d array becomes a column.
        shape = if ndmin == 1 { vec![n] } else { vec![n, 1] };
    }
    let a = Array::from_shape_vec(&shape, data)?;
    Ok(if unpack { a.reversed_axes() } else { a })
}

/// `np.loadtxt` of a file. See [`loadtxt_from_bytes`] for the rules.
///
/// ```
/// use numox::{LoadTxtOptions, loadtxt};
/// let path = std::env::temp_dir().join("numox_loadtxt_doc.csv");
/// std::fs::write(&path, "# x,y\n1,2\n3,4\n").unwrap();
/// let a = loadtxt::<f64>(&path, &LoadTxtOptions::new().delimiter(',')).unwrap();
/// assert_eq!(a.shape(), &[2, 2]);
/// assert_eq!(a.to_vec(), vec![1.0, 2.0, 3.0, 4.0]);
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn loadtxt<T: TextElement>(path: impl AsRef<Path>, opts: &LoadTxtOptions) -> Result<Array<T>> {
    let buf = read_file(path.as_ref())?;
    loadtxt_from_bytes(&buf, opts)
}

/// A whole file's bytes. A large regular file is read in pieces on all
/// threads (`pread` into a zeroed buffer the kernel maps lazily, so the page
/// faults and the copies out of the page cache run in parallel); anything
/// else, or a file whose length changes meanwhile, by `std::fs::read`.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        const PIECE: usize = 1 << 22;
        let f = std::fs::File::open(path)?;
        let meta = f.metadata()?;
        let len = usize::try_from(meta.len()).unwrap_or(0);
        if meta.is_file() && len >= PARALLEL_MIN && rayon::current_num_threads() > 1 {
            let layout = std::alloc::Layout::array::<u8>(len).map_err(std::io::Error::other)?;
            // SAFETY: `layout` has a non-zero size (`len >= PARALLEL_MIN`).
            let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
            if ptr.is_null() {
                return Err(std::io::Error::from(std::io::ErrorKind::OutOfMemory));
            }
            // SAFETY: `ptr` is a live allocation of the global allocator
            // with `u8`'s alignment and `len` bytes, all initialised (to
            // zero); a `Vec` of length and capacity `len` owns it.
            let mut buf = unsafe { Vec::from_raw_parts(ptr, len, len) };
            let read = buf
                .par_chunks_mut(PIECE)
                .enumerate()
                .try_for_each(|(k, c)| f.read_exact_at(c, (k * PIECE) as u64));
            let mut more = [0u8; 1];
            if read.is_ok() && matches!(f.read_at(&mut more, len as u64), Ok(0)) {
                return Ok(buf);
            }
        }
    }
    std::fs::read(path)
}

/// `np.loadtxt` of everything a reader yields.
///
/// ```
/// use numox::{LoadTxtOptions, loadtxt_from_reader};
/// let a = loadtxt_from_reader::<i32, _>("1 2\n3 4\n".as_bytes(), &LoadTxtOptions::new().unpack(true)).unwrap();
/// assert_eq!(a.to_vec(), vec![1, 3, 2, 4]);
/// ```
pub fn loadtxt_from_reader<T: TextElement, R: Read>(
    mut reader: R,
    opts: &LoadTxtOptions,
) -> Result<Array<T>> {
    let mut buf = Vec::new();
    reader.read_to_end(&mut buf)?;
    loadtxt_from_bytes(&buf, opts)
}

/// `np.loadtxt` of a string.
///
/// ```
/// use numox::{LoadTxtOptions, loadtxt_from_str};
/// let a = loadtxt_from_str::<f64>("1 2 3\n4 5 6", &LoadTxtOptions::new().usecols(&[-1])).unwrap();
/// assert_eq!(a.to_vec(), vec![3.0, 6.0]);
/// ```
pub fn loadtxt_from_str<T: TextElement>(s: &str, opts: &LoadTxtOptions) -> Result<Array<T>> {
    loadtxt_from_bytes(s.as_bytes(), opts)
}

/// Bytes above which [`loadtxt`] parses in parallel.
const PARALLEL_MIN: usize = 1 << 20;

/// `np.loadtxt` of UTF-8 bytes: the workhorse of [`loadtxt`].
///
/// The result is the `(rows, columns)` array squeezed to `ndmin`
/// dimensions (a single row or column gives a 1-D array, a single value a
/// 0-d array with `ndmin=0`), transposed when `unpack` is set. Empty input
/// gives an empty array (NumPy warns). Errors: invalid UTF-8, a field that
/// is not a value of `T` ([`Error::Parse`] naming the 1-based line and
/// field), a row whose number of fields differs from the first row's, a
/// `usecols` index outside a row, `ndmin` not 0, 1 or 2.
///
/// ```
/// use numox::{Error, LoadTxtOptions, loadtxt_from_bytes};
/// let e = loadtxt_from_bytes::<f64>(b"1,2\n3,x\n", &LoadTxtOptions::new().delimiter(',')).unwrap_err();
/// assert!(matches!(e, Error::Parse { line: 2, column: 2, .. }));
/// let e = loadtxt_from_bytes::<f64>(b"1 2\n3\n", &LoadTxtOptions::new()).unwrap_err();
/// assert!(e.to_string().contains("the number of columns changed from 2 to 1 at row 2"));
/// ```
pub fn loadtxt_from_bytes<T: TextElement>(buf: &[u8], opts: &LoadTxtOptions) -> Result<Array<T>> {
    if opts.ndmin > 2 {
        return Err(Error::invalid(format!(
            "Illegal value of ndmin keyword: {}",
            opts.ndmin
        )));
    }
    let tok = Tokenizer::new(opts.delimiter, &opts.comments, opts.quotechar)?;
    // Large inputs are checked piece by piece on all threads below (the
    // pieces end after a newline, so they are valid UTF-8 exactly when the
    // whole is; the whole is checked again to name the place).
    if buf.len() < PARALLEL_MIN {
        check_utf8(buf)?;
    }
    let owned;
    let buf = if buf.contains(&b'\r') {
        owned = universal_newlines(buf);
        &owned[..]
    } else {
        buf
    };
    // skiprows counts physical lines.
    let mut start = 0;
    let mut skipped = 0;
    while skipped < opts.skiprows && start < buf.len() {
        match buf[start..].iter().position(|&b| b == b'\n') {
            Some(k) => start += k + 1,
            None => start = buf.len(),
        }
        skipped += 1;
    }
    let body = &buf[start..];
    let usecols = opts.usecols.as_deref();
    // Chunks of whole lines; quoted fields may span lines and max_rows
    // needs a sequential count, so those parse in one piece.
    let nthreads = rayon::current_num_threads();
    let mut bounds = vec![0];
    if body.len() >= PARALLEL_MIN && opts.quotechar.is_none() && opts.max_rows.is_none() && nthreads > 1 {
        let nchunks = nthreads * 4;
        let step = body.len() / nchunks;
        for k in 1..nchunks {
            let guess = (k * step).max(*bounds.last().unwrap_or(&0));
            if guess >= body.len() {
                break;
            }
            match body[guess..].iter().position(|&b| b == b'\n') {
                Some(p) if guess + p + 1 < body.len() => bounds.push(guess + p + 1),
                _ => break,
            }
        }
    }
    bounds.push(body.len());
    bounds.dedup();
    let pieces: Vec<&[u8]> = bounds.windows(2).map(|w| &body[w[0]..w[1]]).collect();
    let chunks: Vec<Chunk<T>> = if pieces.len() > 1 {
        let parsed: Vec<Option<Chunk<T>>> = pieces
            .par_iter()
            .map(|p| {
                std::str::from_utf8(p)
                    .is_ok()
                    .then(|| parse_chunk::<T>(&tok, p, usecols, None))
            })
            .collect();
        if parsed.iter().any(Option::is_none) || std::str::from_utf8(&buf[..start]).is_err() {
            check_utf8(buf)?;
        }
        parsed.into_iter().flatten().collect()
    } else {
        if buf.len() >= PARALLEL_MIN {
            check_utf8(buf)?;
        }
        pieces
            .iter()
            .map(|p| parse_chunk::<T>(&tok, p, usecols, opts.max_rows))
            .collect()
    };
    // Merge, reporting the first problem in file order.
    let mut line0 = skipped + 1; // 1-based line of the current chunk's start
    let mut ncols: Option<usize> = None;
    let mut rows = 0;
    for c in &chunks {
        if let Some((n, l)) = c.first {
            match ncols {
                None => ncols = Some(n),
                Some(n0) if usecols.is_none() && n0 != n => {
                    return Err(columns_changed(n0, n, line0 + l));
                }
                _ => {}
            }
        }
        if let Some((l, e)) = &c.err {
            let line = line0 + l;
            return Err(match e {
                ChunkErr::Columns { from, to } => columns_changed(*from, *to, line),
                ChunkErr::BadCol { col, ncols } => Error::Parse {
                    line,
                    column: 0,
                    message: format!("invalid column index {col} at row {line} with {ncols} columns"),
                },
                ChunkErr::Convert { text, column } => Error::Parse {
                    line,
                    column: *column,
                    message: format!("could not convert string {text:?} to {}", T::DTYPE.name()),
                },
            });
        }
        rows += c.rows;
        line0 += c.lines;
    }
    let cols = match usecols {
        Some(u) => u.len(),
        None => ncols.unwrap_or(1),
    };
    let cols = if rows == 0 && usecols.is_none() { 1 } else { cols };
    let data = if chunks.len() == 1 {
        chunks.into_iter().next().map(|c| c.data).unwrap_or_default()
    } else {
        // One output, filled by each chunk's thread (a fresh zeroed
        // buffer is mapped lazily, so its pages are touched in parallel).
        let total: usize = chunks.iter().map(|c| c.data.len()).sum();
        // (`vec!` of a zero primitive is `alloc_zeroed`: no writes.)
        let mut data = vec![T::default(); total];
        let mut rest = &mut data[..];
        let mut parts = Vec::with_capacity(chunks.len());
        for c in &chunks {
            let (head, tail) = rest.split_at_mut(c.data.len());
            parts.push(head);
            rest = tail;
        }
        parts
            .into_par_iter()
            .zip(chunks.par_iter())
            .for_each(|(o, c)| o.copy_from_slice(&c.data));
        data
    };
    finish_shape(data, rows, cols, opts.ndmin, opts.unpack)
}

fn columns_changed(from: usize, to: usize, line: usize) -> Error {
    Error::Parse {
        line,
        column: 0,
        message: format!(
            "the number of columns changed from {from} to {to} at row {line}; use `usecols` to select a subset and avoid this error"
        ),
    }
}

/// The options of [`savetxt`], NumPy's defaults from [`SaveTxtOptions::new`]:
/// `fmt="%.18e"`, `delimiter=" "`, `newline="\n"`, no header or footer,
/// `comments="# "`.
///
/// ```
/// use numox::SaveTxtOptions;
/// let o = SaveTxtOptions::new().fmt("%d").delimiter(",").header("a,b");
/// assert_eq!(o.fmt, vec!["%d".to_string()]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveTxtOptions {
    /// One format for every column (or a whole-row format holding one
    /// specifier per column), or one format per column.
    pub fmt: Vec<String>,
    /// Written between columns.
    pub delimiter: String,
    /// Written after each row (and after the header and footer).
    pub newline: String,
    /// Written first, each of its lines prefixed by `comments`.
    pub header: String,
    /// Written last, each of its lines prefixed by `comments`.
    pub footer: String,
    /// The prefix of header and footer lines.
    pub comments: String,
}

impl Default for SaveTxtOptions {
    fn default() -> Self {
        SaveTxtOptions {
            fmt: vec!["%.18e".into()],
            delimiter: " ".into(),
            newline: "\n".into(),
            header: String::new(),
            footer: String::new(),
            comments: "# ".into(),
        }
    }
}

impl SaveTxtOptions {
    /// NumPy's defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// One format for all columns (or a whole-row format such as `"%d,%.2f"`).
    pub fn fmt(mut self, f: &str) -> Self {
        self.fmt = vec![f.to_string()];
        self
    }
    /// One format per column.
    pub fn fmts(mut self, f: &[&str]) -> Self {
        self.fmt = f.iter().map(|s| s.to_string()).collect();
        self
    }
    /// Sets the delimiter.
    pub fn delimiter(mut self, d: &str) -> Self {
        self.delimiter = d.to_string();
        self
    }
    /// Sets the newline.
    pub fn newline(mut self, n: &str) -> Self {
        self.newline = n.to_string();
        self
    }
    /// Sets the header.
    pub fn header(mut self, h: &str) -> Self {
        self.header = h.to_string();
        self
    }
    /// Sets the footer.
    pub fn footer(mut self, f: &str) -> Self {
        self.footer = f.to_string();
        self
    }
    /// Sets the comment prefix of header and footer.
    pub fn comments(mut self, c: &str) -> Self {
        self.comments = c.to_string();
        self
    }
}

/// `np.savetxt` to a file. See [`savetxt_to`].
///
/// ```
/// use numox::prelude::*;
/// let path = std::env::temp_dir().join("numox_savetxt_doc.txt");
/// numox::savetxt(&path, &array![[1.0, 2.5]], &numox::SaveTxtOptions::new().fmt("%g")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "1 2.5\n");
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn savetxt<T: TextElement, S: Data<Elem = T>>(
    path: impl AsRef<Path>,
    a: &ArrayBase<S>,
    opts: &SaveTxtOptions,
) -> Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    savetxt_to(&mut w, a, opts)?;
    w.flush()?;
    Ok(())
}

/// `np.savetxt` into a string.
///
/// ```
/// use numox::prelude::*;
/// let s = numox::savetxt_to_string(&array![1, 2], &numox::SaveTxtOptions::new().fmt("%03d")).unwrap();
/// assert_eq!(s, "001\n002\n");
/// ```
pub fn savetxt_to_string<T: TextElement, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    opts: &SaveTxtOptions,
) -> Result<String> {
    let mut v = Vec::new();
    savetxt_to(&mut v, a, opts)?;
    String::from_utf8(v).map_err(|_| Error::invalid("savetxt produced invalid UTF-8"))
}

/// `np.savetxt` to a writer: a 1-D array is written as one column, a 2-D
/// array row by row; 0-d and 3-D+ arrays are errors. Each row is the
/// format (the per-column formats joined by the delimiter) applied to the
/// row's values with Python's `%` rules (`%d` truncates floats, NaN or
/// infinity with `%d` is an error); complex columns use
/// ` (re+imj)` with each part formatted by the column's format, and
/// `+-` written as `-`, as NumPy.
///
/// ```
/// use numox::prelude::*;
/// let mut out = Vec::new();
/// let o = numox::SaveTxtOptions::new().fmts(&["%d", "%.2f"]).delimiter(",").header("i,x");
/// numox::savetxt_to(&mut out, &array![[1.0, 0.125], [2.0, 1e3]], &o).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "# i,x\n1,0.12\n2,1000.00\n");
/// ```
pub fn savetxt_to<T: TextElement, S: Data<Elem = T>, W: Write>(
    mut w: W,
    a: &ArrayBase<S>,
    opts: &SaveTxtOptions,
) -> Result<()> {
    let (rows, cols) = match a.ndim() {
        1 => (a.shape()[0], 1),
        2 => (a.shape()[0], a.shape()[1]),
        n => {
            return Err(Error::invalid(format!(
                "Expected 1D or 2D array, got {n}D array instead"
            )));
        }
    };
    let complex = T::DTYPE.kind() == 'c';
    let specs = row_format(&opts.fmt, cols, complex, &opts.delimiter)?;
    if !opts.header.is_empty() {
        let h = opts.header.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{}{}", opts.comments, h, opts.newline)?;
    }
    let values: Vec<T> = a.iter().copied().collect();
    let mut args = Vec::with_capacity(cols * 2);
    let mut line = String::new();
    let mut out = Vec::with_capacity(1 << 16);
    for r in 0..rows {
        args.clear();
        for &v in &values[r * cols..(r + 1) * cols] {
            v.to_args(&mut args);
        }
        line.clear();
        printf::format_row(&specs, &args, &mut line)?;
        if complex {
            line = line.replace("+-", "-");
        }
        out.extend_from_slice(line.as_bytes());
        out.extend_from_slice(opts.newline.as_bytes());
        if out.len() >= 1 << 16 {
            w.write_all(&out)?;
            out.clear();
        }
    }
    w.write_all(&out)?;
    if !opts.footer.is_empty() {
        let f = opts.footer.replace('\n', &format!("\n{}", opts.comments));
        write!(w, "{}{}{}", opts.comments, f, opts.newline)?;
    }
    Ok(())
}

/// The parsed row format, as NumPy's `savetxt` builds it.
fn row_format(fmt: &[String], cols: usize, complex: bool, delim: &str) -> Result<Vec<Spec>> {
    let bad = |f: &str| Error::invalid(format!("fmt has wrong number of % formats:  {f}"));
    let row = if fmt.len() != 1 {
        if fmt.len() != cols {
            return Err(Error::invalid(format!("fmt has wrong shape.  {fmt:?}")));
        }
        fmt.join(delim)
    } else {
        let f = &fmt[0];
        // NumPy counts every '%', a literal `%%` included.
        let n = f.matches('%').count();
        if n == 1 {
            if complex {
                vec![format!(" ({f}+{f}j)"); cols].join(delim)
            } else {
                vec![f.clone(); cols].join(delim)
            }
        } else if complex && n == 2 * cols {
            f.clone()
        } else if n != cols {
            return Err(bad(f));
        } else {
            f.clone()
        }
    };
    let specs = printf::parse(&row)?;
    let need = if complex { 2 * cols } else { cols };
    if specs.iter().filter(|s| s.is_conversion()).count() != need {
        return Err(bad(&row));
    }
    Ok(specs)
}

/// The position just past the next `\n` at or after `pos` (or the end of
/// `s`), and how many newlines that consumed (0 or 1): the rest of a comment.
fn skip_past_newline(s: &[u8], pos: usize) -> (usize, usize) {
    match s[pos..].iter().position(|&b| b == b'\n') {
        Some(k) => (pos + k + 1, 1),
        None => (s.len(), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(s: &str, o: LoadTxtOptions) -> Result<Array<f64>> {
        loadtxt_from_str::<f64>(s, &o)
    }

    #[test]
    fn shapes_follow_ndmin() {
        assert_eq!(load("5", LoadTxtOptions::new()).unwrap().shape(), &[] as &[usize]);
        assert_eq!(
            load("5", LoadTxtOptions::new().ndmin(2)).unwrap().shape(),
            &[1, 1]
        );
        assert_eq!(load("", LoadTxtOptions::new().ndmin(2)).unwrap().shape(), &[0, 1]);
        assert_eq!(
            load("1\n2\n3", LoadTxtOptions::new().ndmin(2)).unwrap().shape(),
            &[3, 1]
        );
        assert_eq!(
            load("1 2 3", LoadTxtOptions::new().ndmin(2)).unwrap().shape(),
            &[1, 3]
        );
        assert!(load("1", LoadTxtOptions::new().ndmin(3)).is_err());
    }

    #[test]
    fn parallel_matches_sequential_and_names_the_line() {
        let mut s = String::new();
        for i in 0..200_000 {
            s.push_str(&format!("{i},{}.5,# c\n", i * 2));
        }
        let o = LoadTxtOptions::new().delimiter(',').usecols(&[0, 1]);
        let a = load(&s, o.clone()).unwrap();
        assert_eq!(a.shape(), &[200_000, 2]);
        assert_eq!(a.to_vec()[2 * 150_001 + 1], 300_002.5);
        // An error far into the file names its global line.
        let bad = s.replacen("150000,300000.5", "150000,3x", 1);
        match load(&bad, o).unwrap_err() {
            Error::Parse { line, column, .. } => assert_eq!((line, column), (150_001, 2)),
            e => panic!("{e}"),
        }
        let plain: String = (0..200_000).map(|i| format!("{i} {i}\n")).collect();
        let short = plain.replacen("190000 190000", "190000", 1);
        let e = load(&short, LoadTxtOptions::new()).unwrap_err();
        assert!(e.to_string().contains("from 2 to 1 at row 190001"), "{e}");
    }

    /// The copy-free tokenizer (no quote character) against the general
    /// one: the same fields, row ends and newline counts.
    #[test]
    fn span_tokenizer_matches_row_tokenizer() {
        let inputs = [
            ("1,2\n3,4\n", Some(','), vec!["#"]),
            ("1/2,3 // c\n4,5/6\n", Some(','), vec!["//"]),
            ("1::2\n3:4::5\n", Some('\u{2237}'), vec!["#"]),
            ("1 \u{2237}2\u{2237}\n\u{2237}", Some('\u{2237}'), vec!["#"]),
            ("  1   2 \t3\n\n# c\n4 5 6 # d\n", None, vec!["#"]),
            ("1,,2\n,\n", Some(','), vec![]),
            ("1,2,\n3,4,", Some(','), vec!["#"]),
            ("  \n1;2\n", Some(';'), vec!["#"]),
            ("1 2\n3 % x\n% y\n", None, vec!["#", "%"]),
            ("a#b ## c\n", None, vec!["##"]),
        ];
        for (text, delim, comments) in inputs {
            let comments: Vec<String> = comments.iter().map(|c| c.to_string()).collect();
            let tok = Tokenizer::new(delim, &comments, None).unwrap();
            let s = text.as_bytes();
            let (mut row, mut spans) = (Row::default(), Vec::new());
            let mut pos = 0;
            while pos < s.len() {
                let r = tok.row(s, pos, &mut row);
                let q = tok.row_spans(s, pos, &mut spans);
                assert_eq!(r, q, "{text:?} at {pos}");
                let mut start = 0;
                let slow: Vec<&[u8]> = row
                    .ends
                    .iter()
                    .map(|&e| {
                        let f = &row.buf[start..e];
                        start = e;
                        f
                    })
                    .collect();
                let fast: Vec<&[u8]> = spans.iter().map(|&(a, b)| &s[a..b]).collect();
                assert_eq!(slow, fast, "{text:?} at {pos}");
                pos = r.0;
            }
        }
    }

    /// A file large enough for the parallel read and parse.
    #[test]
    fn large_file_parallel_read() {
        let mut text = String::new();
        for i in 0..60_000 {
            text.push_str(&format!("{i},{}.25,-{i}e-3\n", i % 7));
        }
        assert!(text.len() >= PARALLEL_MIN);
        let path = std::env::temp_dir().join(format!("numox_text_large_{}.csv", std::process::id()));
        std::fs::write(&path, &text).unwrap();
        let o = LoadTxtOptions::new().delimiter(',');
        let a = loadtxt::<f64>(&path, &o).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(a.shape(), &[60_000, 3]);
        assert_eq!(a.to_vec(), loadtxt_from_str::<f64>(&text, &o).unwrap().to_vec());
        assert_eq!(a.to_vec()[3 * 59_999..], [59_999.0, 2.25, -59.999]);
        // Invalid UTF-8 far into a large input is named by line.
        let mut bad = text.into_bytes();
        let at = bad.len() - 3;
        bad[at] = 0xff;
        let e = loadtxt_from_bytes::<f64>(&bad, &o).unwrap_err();
        assert!(matches!(e, Error::Parse { line: 60_000, .. }), "{e}");
    }

    #[test]
    fn hostile_input_errs_or_parses() {
        assert!(loadtxt_from_bytes::<f64>(b"1 \xff 2", &LoadTxtOptions::new()).is_err());
        let wide = "1 ".repeat(100_000);
        assert_eq!(load(&wide, LoadTxtOptions::new()).unwrap().len(), 100_000);
        assert!(load("\"1", LoadTxtOptions::new().quotechar('"')).is_ok());
        assert!(load("1e99999 -1e-99999", LoadTxtOptions::new()).is_ok());
        assert!(loadtxt_from_str::<u8>("-0", &LoadTxtOptions::new()).is_err());
        assert_eq!(
            loadtxt_from_str::<i64>("-9223372036854775808", &LoadTxtOptions::new())
                .unwrap()
                .to_vec(),
            vec![i64::MIN]
        );
        assert!(loadtxt_from_str::<i64>("9223372036854775808", &LoadTxtOptions::new()).is_err());
    }

    #[test]
    fn complex_forms() {
        let c = |s: &str| <Complex64 as TextElement>::parse_text(s.as_bytes());
        assert_eq!(c("1+2j"), Some(Complex64::new(1.0, 2.0)));
        assert_eq!(c(" ( 1-2.5e1j ) "), Some(Complex64::new(1.0, -25.0)));
        assert_eq!(c("3j"), Some(Complex64::new(0.0, 3.0)));
        assert_eq!(c("1+-2j"), Some(Complex64::new(1.0, -2.0)));
        assert_eq!(c("1+j"), None);
        assert_eq!(c("(1+2j"), None);
    }
}
