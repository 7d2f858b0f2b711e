//! [`genfromtxt`]: NumPy's `np.genfromtxt` for float data with missing
//! values.
//!
//! Supported: `delimiter` (whitespace by default), `comments`,
//! `skip_header`, `skip_footer`, `usecols` (negative allowed),
//! `missing_values`, `filling_values` (one value, or one per column),
//! `names=True` (column names from the first line, which may be a comment
//! line, cleaned as NumPy's `NameValidator` does), `max_rows`, `ndmin`.
//! A field that is empty, listed in `missing_values`, or not a float
//! becomes the column's filling value (NaN by default), as NumPy's default
//! loose conversion does; a text that parses as a float is kept even when
//! listed in `missing_values`, as in NumPy. Structured dtypes, masked
//! output, converters and `dtype=None` inference are not supported: the
//! result is always a float array plus the names.

use super::text::finish_shape;
use crate::array::Array;
use crate::error::{Error, Result};
use std::path::Path;

/// The options of [`genfromtxt`]; NumPy's defaults from [`GenFromTxtOptions::new`].
///
/// ```
/// use numox::GenFromTxtOptions;
/// let o = GenFromTxtOptions::new().delimiter(',').names(true).filling_value(0.0);
/// assert!(o.names);
/// assert_eq!(o.filling_values, vec![0.0]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct GenFromTxtOptions {
    /// The field delimiter; `None` splits on whitespace.
    pub delimiter: Option<char>,
    /// The comment string (`None`: no comments).
    pub comments: Option<String>,
    /// Lines skipped at the start.
    pub skip_header: usize,
    /// Data rows dropped at the end.
    pub skip_footer: usize,
    /// Columns to keep (negative counts from the end).
    pub usecols: Option<Vec<isize>>,
    /// Strings that mark a missing value (besides the empty string).
    pub missing_values: Vec<String>,
    /// The value of missing fields: one for all columns, or one per column.
    pub filling_values: Vec<f64>,
    /// Read column names from the first line.
    pub names: bool,
    /// Read at most this many data rows.
    pub max_rows: Option<usize>,
    /// Minimum number of dimensions (0, 1 or 2) when `names` is false.
    pub ndmin: usize,
}

impl Default for GenFromTxtOptions {
    fn default() -> Self {
        GenFromTxtOptions {
            delimiter: None,
            comments: Some("#".into()),
            skip_header: 0,
            skip_footer: 0,
            usecols: None,
            missing_values: Vec::new(),
            filling_values: vec![f64::NAN],
            names: false,
            max_rows: None,
            ndmin: 0,
        }
    }
}

impl GenFromTxtOptions {
    /// NumPy's defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the delimiter.
    pub fn delimiter(mut self, d: char) -> Self {
        self.delimiter = Some(d);
        self
    }
    /// Sets the comment string (`None` disables comments).
    pub fn comments(mut self, c: Option<&str>) -> Self {
        self.comments = c.map(str::to_string);
        self
    }
    /// Sets `skip_header`.
    pub fn skip_header(mut self, n: usize) -> Self {
        self.skip_header = n;
        self
    }
    /// Sets `skip_footer`.
    pub fn skip_footer(mut self, n: usize) -> Self {
        self.skip_footer = n;
        self
    }
    /// Sets `usecols`.
    pub fn usecols(mut self, c: &[isize]) -> Self {
        self.usecols = Some(c.to_vec());
        self
    }
    /// Sets `missing_values`.
    pub fn missing_values(mut self, m: &[&str]) -> Self {
        self.missing_values = m.iter().map(|s| s.to_string()).collect();
        self
    }
    /// One filling value for every column.
    pub fn filling_value(mut self, v: f64) -> Self {
        self.filling_values = vec![v];
        self
    }
    /// One filling value per (kept) column.
    pub fn filling_values(mut self, v: &[f64]) -> Self {
        self.filling_values = v.to_vec();
        self
    }
    /// Sets `names=True`.
    pub fn names(mut self, n: bool) -> Self {
        self.names = n;
        self
    }
    /// Sets `max_rows`.
    pub fn max_rows(mut self, n: usize) -> Self {
        self.max_rows = Some(n);
        self
    }
    /// Sets `ndmin`.
    pub fn ndmin(mut self, n: usize) -> Self {
        self.ndmin = n;
        self
    }
}

/// What [`genfromtxt`] returns: the column names (with `names`) and the data.
#[derive(Clone, Debug)]
pub struct GenFromTxt {
    /// The cleaned column names, when `names` was set.
    pub names: Option<Vec<String>>,
    /// The values: `(rows, columns)` when `names` is set, else squeezed to
    /// `ndmin` dimensions as `loadtxt` does.
    pub data: Array<f64>,
}

/// `np.genfromtxt` of a file; see [`genfromtxt_from_str`].
///
/// ```
/// let path = std::env::temp_dir().join("numox_genfromtxt_doc.csv");
/// std::fs::write(&path, "a,b\n1,\n3,4\n").unwrap();
/// let o = numox::GenFromTxtOptions::new().delimiter(',').names(true);
/// let g = numox::genfromtxt(&path, &o).unwrap();
/// assert_eq!(g.names.unwrap(), vec!["a", "b"]);
/// assert!(g.data.to_vec()[1].is_nan());
/// # std::fs::remove_file(&path).ok();
/// ```
pub fn genfromtxt(path: impl AsRef<Path>, opts: &GenFromTxtOptions) -> Result<GenFromTxt> {
    let buf = std::fs::read(path)?;
    let s = std::str::from_utf8(&buf).map_err(|e| {
        let line = buf[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::Parse {
            line,
            column: 0,
            message: "invalid UTF-8".into(),
        }
    })?;
    genfromtxt_from_str(s, opts)
}

/// Splits a line as NumPy's `LineSplitter`: cut at the comment, strip
/// spaces and line ends, split on the delimiter (or whitespace).
fn split<'a>(line: &'a str, opts: &GenFromTxtOptions) -> Vec<&'a str> {
    let line = match &opts.comments {
        Some(c) if !c.is_empty() => line.split(c.as_str()).next().unwrap_or(""),
        _ => line,
    };
    let line = line.trim_matches(|c| c == ' ' || c == '\r' || c == '\n');
    if line.is_empty() {
        return Vec::new();
    }
    match opts.delimiter {
        None => line.split_whitespace().collect(),
        Some(d) => line.split(d).collect(),
    }
}

/// NumPy's `NameValidator` with its defaults: strip, spaces to `_`, drop
/// the characters ``~!@#$%^&*()-=+~\|]}[{';: /?.>,<``, empty names become
/// `f0`, `f1`, ..., repeated names get `_1`, `_2`, ....
fn clean_names(raw: &[&str]) -> Vec<String> {
    const DELETE: &str = "~!@#$%^&*()-=+~\\|]}[{';: /?.>,<\"";
    let mut out: Vec<String> = Vec::new();
    let mut nempty = 0;
    for r in raw {
        let mut n: String = r
            .trim()
            .replace(' ', "_")
            .chars()
            .filter(|c| !DELETE.contains(*c))
            .collect();
        if ["return", "file", "print"].contains(&n.to_lowercase().as_str()) {
            n.push('_');
        }
        if n.is_empty() {
            n = format!("f{nempty}");
            nempty += 1;
        }
        let base = n.clone();
        let mut k = 0;
        while out.contains(&n) {
            k += 1;
            n = format!("{base}_{k}");
        }
        out.push(n);
    }
    out
}

/// `np.genfromtxt(..., dtype=float)` of a string.
///
/// Errors: rows with a different number of fields than the first one
/// ([`Error::Parse`] naming the line, as NumPy's "Line #7 (got 3 columns
/// instead of 4)"), a `usecols` index outside a row, a `filling_values`
/// list of the wrong length, `ndmin` not 0, 1 or 2.
///
/// ```
/// let o = numox::GenFromTxtOptions::new().delimiter(',').missing_values(&["N/A"]).filling_value(-1.0);
/// let g = numox::genfromtxt_from_str("1,2\nN/A,4\n", &o).unwrap();
/// assert_eq!(g.data.to_vec(), vec![1.0, 2.0, -1.0, 4.0]);
/// assert!(numox::genfromtxt_from_str("1,2\n3\n", &o).is_err());
/// ```
pub fn genfromtxt_from_str(s: &str, opts: &GenFromTxtOptions) -> Result<GenFromTxt> {
    if opts.ndmin > 2 {
        return Err(Error::invalid(format!(
            "Illegal value of ndmin keyword: {}",
            opts.ndmin
        )));
    }
    if opts.comments.as_deref() == Some("") {
        return Err(Error::invalid("comments cannot be an empty string"));
    }
    // Universal newlines, as a file opened in text mode.
    let text = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = text.split_terminator('\n').enumerate().skip(opts.skip_header);
    let mut names = None;
    if opts.names {
        for (_, line) in lines.by_ref() {
            // The header may be a comment line: its text after the comment counts.
            // NumPy: ''.join(line.split(comments)[1:]).
            let l: String = match &opts.comments {
                Some(c) if line.contains(c.as_str()) => line.split(c.as_str()).skip(1).collect(),
                _ => line.to_string(),
            };
            let no_comment = GenFromTxtOptions {
                comments: None,
                ..opts.clone()
            };
            let f = split(&l, &no_comment);
            if !f.is_empty() {
                names = Some(clean_names(&f));
                break;
            }
        }
    }
    // Data rows: (1-based line, fields).
    let mut rows: Vec<(usize, Vec<&str>)> = Vec::new();
    for (i, line) in lines {
        let f = split(line, opts);
        if !f.is_empty() {
            rows.push((i + 1, f));
        }
    }
    rows.truncate(rows.len().saturating_sub(opts.skip_footer));
    if let Some(m) = opts.max_rows {
        rows.truncate(m);
    }
    let ncols_file = names
        .as_ref()
        .map(Vec::len)
        .or_else(|| rows.first().map(|r| r.1.len()))
        .unwrap_or(0);
    let cols: Vec<usize> = match &opts.usecols {
        None => (0..ncols_file).collect(),
        Some(u) => u
            .iter()
            .map(|&c| {
                let k = if c < 0 { c + ncols_file as isize } else { c };
                usize::try_from(k)
                    .ok()
                    .filter(|&k| k < ncols_file || ncols_file == 0)
                    .ok_or_else(|| {
                        Error::invalid(format!(
                            "usecols index {c} is out of range for {ncols_file} columns"
                        ))
                    })
            })
            .collect::<Result<_>>()?,
    };
    let fill = match opts.filling_values.len() {
        1 => vec![opts.filling_values[0]; cols.len()],
        n if n == cols.len() => opts.filling_values.clone(),
        n => {
            return Err(Error::invalid(format!(
                "filling_values has {n} values for {} columns",
                cols.len()
            )));
        }
    };
    let mut data = Vec::with_capacity(rows.len() * cols.len());
    for (line, f) in &rows {
        if opts.usecols.is_none() && f.len() != ncols_file {
            return Err(Error::Parse {
                line: *line,
                column: 0,
                message: format!("Line #{line} (got {} columns instead of {ncols_file})", f.len()),
            });
        }
        for (j, &c) in cols.iter().enumerate() {
            let Some(field) = f.get(c) else {
                return Err(Error::Parse {
                    line: *line,
                    column: 0,
                    message: format!("Line #{line} (got {} columns instead of {})", f.len(), cols.len()),
                });
            };
            let t = field.trim();
            let v = if opts.missing_values.iter().any(|m| m == t) && t.parse::<f64>().is_err() {
                fill[j]
            } else {
                t.parse::<f64>().unwrap_or(fill[j])
            };
            data.push(v);
        }
    }
    let nrows = rows.len();
    let ncols = if nrows == 0 && opts.usecols.is_none() && names.is_none() {
        1
    } else {
        cols.len()
    };
    let data = if let Some(n) = &mut names {
        if opts.usecols.is_some() {
            *n = cols.iter().map(|&c| n[c].clone()).collect();
        }
        Array::from_shape_vec(&[nrows, ncols], data)?
    } else {
        finish_shape(data, nrows, ncols, opts.ndmin, false)?
    };
    Ok(GenFromTxt { names, data })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_header_and_filling() {
        let g = genfromtxt_from_str(
            "# a b  c.d\n1 2 3\n4 x 6\n",
            &GenFromTxtOptions::new().names(true),
        )
        .unwrap();
        assert_eq!(g.names.unwrap(), vec!["a", "b", "cd"]);
        assert_eq!(g.data.shape(), &[2, 3]);
        assert!(g.data.to_vec()[4].is_nan());
        assert_eq!(
            clean_names(&["x y", "", "x_y", "print"]),
            vec!["x_y", "f0", "x_y_1", "print_"]
        );
        let e = genfromtxt_from_str("1 2\n3 4 5\n", &GenFromTxtOptions::new()).unwrap_err();
        assert!(
            e.to_string().contains("Line #2 (got 3 columns instead of 2)"),
            "{e}"
        );
        let g = genfromtxt_from_str("", &GenFromTxtOptions::new()).unwrap();
        assert_eq!(g.data.shape(), &[0]);
    }
}
