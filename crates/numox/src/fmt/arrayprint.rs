//! NumPy's `arrayprint`: element formatters (`FloatingFormat`,
//! `IntegerFormat`, `BoolFormat`, `ComplexFloatingFormat`), summarisation,
//! line wrapping, and the `str`/`repr` assembly.

use super::dragon4::{CutoffMode, Decoded, DigitMode, Dragon4Options, Trim, format_decoded};
use super::options::{FloatMode, PrintOptions, Sign};
use crate::array::{ArrayBase, Data};
use crate::element::{DType, Element, Scalar};

/// Character count (Python's `len` of a `str`).
fn width(s: &str) -> isize {
    s.chars().count() as isize
}

/// Precision as Dragon4 takes it (clamped to its buffer, see `dragon4`).
fn clamp_i32(v: usize) -> i32 {
    v.min(16383) as i32
}

// ---------------------------------------------------------------------------
// Scalars (the `str` of a 0-d array is the `str` of its scalar).
// ---------------------------------------------------------------------------

/// `str(np.float64(x))` / `str(np.float32(x))`: positional between 1e-4 and
/// 1e16 (1e6 for `float32`), scientific outside, shortest digits.
fn float_scalar_str(x: f64, is_f32: bool, sign: bool, trim_pos: Trim, trim_sci: Trim) -> String {
    let max_positional = if is_f32 { 1e6 } else { 1e16 };
    // For an f32 widened exactly to f64, `a >= 1e-4` (f64) selects the same
    // f32 values as NumPy's comparison with the long double 1e-4L.
    let positional = x.is_nan() || x == 0.0 || {
        let a = x.abs();
        a < max_positional && a >= 1e-4
    };
    let o = Dragon4Options {
        sign,
        ..Dragon4Options::unique(!positional, if positional { trim_pos } else { trim_sci })
    };
    format_decoded(Decoded::new(x, is_f32), &o)
}

/// `str(np.complex128(z))`: `(1+2j)`, `1j` for a zero real part, `(nan+infj)`.
fn complex_scalar_str(re: f64, im: f64, is_f32: bool) -> String {
    let part = |x: f64, sign: bool| float_scalar_str(x, is_f32, sign, Trim::Minus, Trim::Minus);
    if re == 0.0 && !re.is_sign_negative() {
        return format!("{}j", part(im, false));
    }
    let rstr = if re.is_finite() {
        part(re, false)
    } else if re.is_nan() {
        "nan".to_string()
    } else if re > 0.0 {
        "inf".to_string()
    } else {
        "-inf".to_string()
    };
    let istr = if im.is_finite() {
        part(im, true)
    } else if im.is_nan() {
        "+nan".to_string()
    } else if im > 0.0 {
        "+inf".to_string()
    } else {
        "-inf".to_string()
    };
    format!("({rstr}{istr}j)")
}

/// `str(scalar)` for a value of the given dtype.
pub(crate) fn scalar_str(v: Scalar, dtype: DType) -> String {
    let is_f32 = matches!(dtype, DType::Float32 | DType::Complex64);
    match v {
        Scalar::Bool(b) => if b { "True" } else { "False" }.to_string(),
        Scalar::Int(i) => i.to_string(),
        Scalar::UInt(u) => u.to_string(),
        Scalar::Float(x) => float_scalar_str(x, is_f32, false, Trim::Zero, Trim::Minus),
        Scalar::Complex(c) => complex_scalar_str(c.re, c.im, is_f32),
    }
}

// ---------------------------------------------------------------------------
// Element formatters.
// ---------------------------------------------------------------------------

/// NumPy's `FloatingFormat`: one layout shared by all elements of an array.
#[derive(Debug)]
struct FloatingFormat {
    is_f32: bool,
    sign: Sign,
    exp_format: bool,
    precision: i32,
    min_digits: i32,
    unique: bool,
    trim: Trim,
    pad_left: i32,
    pad_right: i32,
    exp_size: i32,
    nanstr: String,
    infstr: String,
}

/// Splits `s` at the first `c` (Python's `partition`, without the separator).
fn split_once_or_all(s: &str, c: char) -> (&str, &str) {
    s.split_once(c).unwrap_or((s, ""))
}

impl FloatingFormat {
    /// Chooses the layout from the (displayed) values, as NumPy's `fillFormat`.
    fn new(data: &[f64], is_f32: bool, opts: &PrintOptions, sign: Sign) -> FloatingFormat {
        let floatmode = opts.floatmode;
        let mut f = FloatingFormat {
            is_f32,
            sign,
            exp_format: false,
            precision: if floatmode == FloatMode::Unique {
                -1
            } else {
                clamp_i32(opts.precision)
            },
            min_digits: -1,
            unique: true,
            trim: Trim::Point,
            pad_left: 0,
            pad_right: 0,
            exp_size: -1,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
        };
        let finite: Vec<f64> = data.iter().copied().filter(|x| x.is_finite()).collect();
        let mut max_abs = f64::NEG_INFINITY;
        let mut min_abs = f64::INFINITY;
        for &x in &finite {
            if x != 0.0 {
                max_abs = max_abs.max(x.abs());
                min_abs = min_abs.min(x.abs());
            }
        }
        if max_abs >= 0.0 {
            // NumPy compares in the array's own type: for float32 the cut-offs
            // and the ratio are float32 values and float32 arithmetic.
            f.exp_format = if is_f32 {
                let (mx, mn) = (max_abs as f32, min_abs as f32);
                mx >= 1e6f32 || (!opts.suppress && (mn < 0.0001f32 || mx / mn > 1000f32))
            } else {
                max_abs >= 1e8 || (!opts.suppress && (min_abs < 0.0001 || max_abs / min_abs > 1000.0))
            };
        }

        if finite.is_empty() {
            f.pad_left = 0;
            f.pad_right = 0;
            f.trim = Trim::Point;
            f.exp_size = -1;
            f.unique = true;
            f.min_digits = -1;
        } else if f.exp_format {
            let (trim, unique) = if floatmode == FloatMode::Fixed {
                (Trim::Keep, false)
            } else {
                (Trim::Point, true)
            };
            let o = Dragon4Options {
                digit_mode: if unique {
                    DigitMode::Unique
                } else {
                    DigitMode::Exact
                },
                precision: f.precision,
                sign: sign == Sign::Plus,
                ..Dragon4Options::unique(true, trim)
            };
            let (mut max_int, mut max_frac, mut max_exp) = (0, 0, 0);
            for &x in &finite {
                let s = format_decoded(Decoded::new(x, is_f32), &o);
                let (mant, exp) = split_once_or_all(&s, 'e');
                let (int, frac) = split_once_or_all(mant, '.');
                max_int = max_int.max(width(int));
                max_frac = max_frac.max(width(frac));
                max_exp = max_exp.max(width(exp));
            }
            f.exp_size = max_exp as i32 - 1;
            f.trim = Trim::Keep;
            f.precision = max_frac as i32;
            f.min_digits = f.precision;
            f.unique = unique;
            f.pad_left = max_int as i32;
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let (trim, unique) = if floatmode == FloatMode::Fixed {
                (Trim::Keep, false)
            } else {
                (Trim::Point, true)
            };
            let o = Dragon4Options {
                digit_mode: if unique {
                    DigitMode::Unique
                } else {
                    DigitMode::Exact
                },
                cutoff_mode: CutoffMode::FractionLength,
                precision: f.precision,
                sign: sign == Sign::Plus,
                ..Dragon4Options::unique(false, trim)
            };
            let (mut max_int, mut max_frac) = (0, 0);
            for &x in &finite {
                let s = format_decoded(Decoded::new(x, is_f32), &o);
                let (int, frac) = split_once_or_all(&s, '.');
                max_int = max_int.max(width(int));
                max_frac = max_frac.max(width(frac));
            }
            f.pad_left = max_int as i32;
            f.pad_right = max_frac as i32;
            f.exp_size = -1;
            f.unique = unique;
            if matches!(floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                f.precision = f.pad_right;
                f.min_digits = f.pad_right;
                f.trim = Trim::Keep;
            } else {
                f.trim = Trim::Point;
                f.min_digits = 0;
            }
        }

        if sign == Sign::Space && !finite.iter().any(|x| x.is_sign_negative()) {
            f.pad_left += 1;
        }
        if data.len() != finite.len() {
            let neginf = sign != Sign::Minus || data.contains(&f64::NEG_INFINITY);
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max(width(&f.nanstr) as i32 - offset)
                .max(width(&f.infstr) as i32 + neginf as i32 - offset);
        }
        f
    }

    /// Formats one element (NumPy's `FloatingFormat.__call__`).
    fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let ret = if x.is_nan() {
                let s = if self.sign == Sign::Plus { "+" } else { "" };
                format!("{s}{}", self.nanstr)
            } else {
                let s = if x < 0.0 {
                    "-"
                } else if self.sign == Sign::Plus {
                    "+"
                } else {
                    ""
                };
                format!("{s}{}", self.infstr)
            };
            let pad = (self.pad_left + self.pad_right + 1) as isize - width(&ret);
            return " ".repeat(pad.max(0) as usize) + &ret;
        }
        let o = Dragon4Options {
            scientific: self.exp_format,
            digit_mode: if self.unique {
                DigitMode::Unique
            } else {
                DigitMode::Exact
            },
            cutoff_mode: if self.exp_format {
                CutoffMode::TotalLength
            } else {
                CutoffMode::FractionLength
            },
            precision: self.precision,
            min_digits: self.min_digits,
            sign: self.sign == Sign::Plus,
            trim: self.trim,
            pad_left: self.pad_left,
            pad_right: if self.exp_format { -1 } else { self.pad_right },
            exp_digits: if self.exp_format { self.exp_size } else { -1 },
        };
        format_decoded(Decoded::new(x, self.is_f32), &o)
    }
}

/// The formatter of one array's elements.
#[derive(Debug)]
enum ElemFormat {
    /// `BoolFormat`: `' True'`/`'False'` (`'True'` in a 0-d array).
    Bool { truestr: &'static str },
    /// `IntegerFormat`: right-aligned to a common width.
    Int { width: usize, sign: Sign },
    /// `FloatingFormat`.
    Float(FloatingFormat),
    /// `ComplexFloatingFormat`: real and imaginary formatters (the latter with sign `'+'`).
    Complex(FloatingFormat, FloatingFormat),
}

fn int_value(v: Scalar) -> i128 {
    match v {
        Scalar::Int(i) => i as i128,
        Scalar::UInt(u) => u as i128,
        Scalar::Bool(b) => b as i128,
        Scalar::Float(x) => x as i128,
        Scalar::Complex(c) => c.re as i128,
    }
}

impl ElemFormat {
    fn new(data: &[Scalar], dtype: DType, zero_d: bool, opts: &PrintOptions) -> ElemFormat {
        let is_f32 = matches!(dtype, DType::Float32 | DType::Complex64);
        match dtype.kind() {
            'b' => ElemFormat::Bool {
                truestr: if zero_d { "True" } else { " True" },
            },
            'i' | 'u' => {
                let mut sign = opts.sign;
                let w = if data.is_empty() {
                    0
                } else {
                    let max = data.iter().map(|&v| int_value(v)).max().unwrap_or(0);
                    let min = data.iter().map(|&v| int_value(v)).min().unwrap_or(0);
                    let mut max_len = max.to_string().len();
                    if sign == Sign::Space && min < 0 {
                        sign = Sign::Minus;
                    }
                    if max >= 0 && sign != Sign::Minus {
                        max_len += 1;
                    }
                    max_len.max(min.to_string().len())
                };
                ElemFormat::Int { width: w, sign }
            }
            'f' => {
                let xs: Vec<f64> = data.iter().map(|&v| scalar_re(v)).collect();
                ElemFormat::Float(FloatingFormat::new(&xs, is_f32, opts, opts.sign))
            }
            _ => {
                let re: Vec<f64> = data.iter().map(|&v| scalar_re(v)).collect();
                let im: Vec<f64> = data.iter().map(|&v| scalar_im(v)).collect();
                ElemFormat::Complex(
                    FloatingFormat::new(&re, is_f32, opts, opts.sign),
                    FloatingFormat::new(&im, is_f32, opts, Sign::Plus),
                )
            }
        }
    }

    fn format(&self, v: Scalar) -> String {
        match self {
            ElemFormat::Bool { truestr } => {
                if matches!(v, Scalar::Bool(true)) {
                    truestr.to_string()
                } else {
                    "False".to_string()
                }
            }
            ElemFormat::Int { width, sign } => {
                let x = int_value(v);
                let s = match sign {
                    Sign::Plus if x >= 0 => format!("+{x}"),
                    Sign::Space if x >= 0 => format!(" {x}"),
                    _ => x.to_string(),
                };
                format!("{s:>width$}")
            }
            ElemFormat::Float(f) => f.format(scalar_re(v)),
            ElemFormat::Complex(fr, fi) => {
                let r = fr.format(scalar_re(v));
                let i = fi.format(scalar_im(v));
                // Put the 'j' before the imaginary part's right padding.
                let sp = i.trim_end().len();
                format!("{r}{}j{}", &i[..sp], &i[sp..])
            }
        }
    }
}

fn scalar_re(v: Scalar) -> f64 {
    match v {
        Scalar::Float(x) => x,
        Scalar::Complex(c) => c.re,
        Scalar::Int(i) => i as f64,
        Scalar::UInt(u) => u as f64,
        Scalar::Bool(b) => b as u8 as f64,
    }
}

fn scalar_im(v: Scalar) -> f64 {
    match v {
        Scalar::Complex(c) => c.im,
        _ => 0.0,
    }
}

// ---------------------------------------------------------------------------
// Layout of the nested brackets.
// ---------------------------------------------------------------------------

/// NumPy's `_extendLine`: appends `word`, wrapping first when it would pass `line_width`.
fn extend_line(s: &mut String, line: &mut String, word: &str, line_width: isize, next_line_prefix: &str) {
    let mut needs_wrap = width(line) + width(word) > line_width;
    if width(line) <= width(next_line_prefix) {
        needs_wrap = false;
    }
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(next_line_prefix);
    }
    line.push_str(word);
}

/// The indices of an axis of length `n` that are printed, as NumPy's
/// `_formatArray` visits them: all, or `edge` leading ones and the trailing
/// ones (at least the last) around a `...`.
fn printed_indices(n: usize, edge: usize, summarize: bool) -> (Vec<usize>, bool) {
    if summarize && edge.saturating_mul(2) < n {
        let trailing = edge.max(1);
        ((0..edge).chain(n - trailing..n).collect(), true)
    } else {
        ((0..n).collect(), false)
    }
}

/// The indices of an axis that NumPy's `_leading_trailing` keeps for choosing
/// the element format (with `edgeitems = 0` NumPy's `a[-0:]` keeps the whole axis).
fn data_indices(n: usize, edge: usize) -> Vec<usize> {
    if n > edge.saturating_mul(2) {
        let tail_start = if edge == 0 { 0 } else { n - edge };
        (0..edge).chain(tail_start..n).collect()
    } else {
        (0..n).collect()
    }
}

/// Visits the Cartesian product of per-axis index lists in C order.
fn for_each_index(lists: &[Vec<usize>], mut f: impl FnMut(&[usize])) {
    if lists.iter().any(|l| l.is_empty()) {
        return;
    }
    let nd = lists.len();
    let mut pos = vec![0usize; nd];
    let mut idx: Vec<usize> = lists.iter().map(|l| l[0]).collect();
    loop {
        f(&idx);
        let mut ax = nd;
        loop {
            if ax == 0 {
                return;
            }
            ax -= 1;
            pos[ax] += 1;
            if pos[ax] < lists[ax].len() {
                idx[ax] = lists[ax][pos[ax]];
                break;
            }
            pos[ax] = 0;
            idx[ax] = lists[ax][0];
        }
    }
}

/// State of NumPy's `_formatArray` recursion.
struct Layout<'a, F: FnMut(&[usize]) -> String> {
    shape: &'a [usize],
    word: F,
    separator: &'a str,
    edge_items: usize,
    summarize: bool,
}

impl<F: FnMut(&[usize]) -> String> Layout<'_, F> {
    fn recurse(&mut self, index: &mut Vec<usize>, hanging_indent: &str, curr_width: isize) -> String {
        let axis = index.len();
        let axes_left = self.shape.len() - axis;
        if axes_left == 0 {
            return (self.word)(index);
        }
        let next_hanging_indent = format!("{hanging_indent} ");
        let next_width = curr_width - 1;
        let a_len = self.shape[axis];
        let (indices, show_summary) = printed_indices(a_len, self.edge_items, self.summarize);
        let leading = if show_summary { self.edge_items } else { 0 };
        let sep = self.separator;
        let sep_trimmed = sep.trim_end();
        let mut s = String::new();
        if axes_left == 1 {
            let elem_width = curr_width - width(sep_trimmed).max(1);
            let mut line = hanging_indent.to_string();
            let last = indices.len() - 1;
            for (k, &i) in indices.iter().enumerate() {
                if show_summary && k == leading {
                    extend_line(&mut s, &mut line, "...", elem_width, hanging_indent);
                    line.push_str(sep);
                }
                index.push(i);
                let word = self.recurse(index, &next_hanging_indent, next_width);
                index.pop();
                extend_line(&mut s, &mut line, &word, elem_width, hanging_indent);
                if k != last {
                    line.push_str(sep);
                }
            }
            s.push_str(&line);
        } else {
            let line_sep = format!("{sep_trimmed}{}", "\n".repeat(axes_left - 1));
            let last = indices.len() - 1;
            for (k, &i) in indices.iter().enumerate() {
                if show_summary && k == leading {
                    s.push_str(hanging_indent);
                    s.push_str("...");
                    s.push_str(&line_sep);
                }
                index.push(i);
                let nested = self.recurse(index, &next_hanging_indent, next_width);
                index.pop();
                s.push_str(hanging_indent);
                s.push_str(&nested);
                if k != last {
                    s.push_str(&line_sep);
                }
            }
        }
        format!("[{}]", &s[hanging_indent.len()..])
    }
}

/// NumPy's `array2string` (with `legacy=False`) for explicit options,
/// separator, prefix and suffix.
pub(crate) fn array2string_impl<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    opts: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    let line_width = opts.linewidth.min(isize::MAX as usize / 2) as isize - width(suffix);
    if a.is_empty() {
        return "[]".to_string();
    }
    let summarize = a.size() > opts.threshold;
    let edge = opts.edgeitems;
    let data: Vec<Scalar> = if summarize {
        let lists: Vec<Vec<usize>> = a.shape().iter().map(|&n| data_indices(n, edge)).collect();
        let mut v = Vec::new();
        for_each_index(&lists, |ix| v.push(element(a, ix).to_scalar()));
        v
    } else {
        a.iter().map(|x| x.to_scalar()).collect()
    };
    let format = ElemFormat::new(&data, A::DTYPE, a.ndim() == 0, opts);
    let next_line_prefix = format!(" {}", " ".repeat(prefix.chars().count()));
    let mut layout = Layout {
        shape: a.shape(),
        word: |ix: &[usize]| format.format(element(a, ix).to_scalar()),
        separator,
        edge_items: edge,
        summarize,
    };
    layout.recurse(&mut Vec::with_capacity(a.ndim()), &next_line_prefix, line_width)
}

/// The element at an index produced from the array's own shape.
fn element<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, ix: &[usize]) -> A {
    *a.get(ix).expect("index within the shape")
}

/// NumPy's `str(a)` (`np.array_str`) with explicit options.
pub(crate) fn array_str_impl<A: Element, S: Data<Elem = A>>(a: &ArrayBase<S>, opts: &PrintOptions) -> String {
    if a.ndim() == 0 {
        return scalar_str(element(a, &[]).to_scalar(), A::DTYPE);
    }
    array2string_impl(a, opts, " ", "", "")
}

/// Python's `repr` of a shape tuple: `()`, `(3,)`, `(2, 3)`.
fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [n] => format!("({n},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// NumPy's `repr(a)` (`np.array_repr`) with explicit options.
pub(crate) fn array_repr_impl<A: Element, S: Data<Elem = A>>(
    a: &ArrayBase<S>,
    opts: &PrintOptions,
) -> String {
    let prefix = "array(";
    let lst = array2string_impl(a, opts, ", ", prefix, ")");
    let mut extras = Vec::new();
    let size = a.size();
    if (size == 0 && a.shape() != [0]) || size > opts.threshold {
        extras.push(format!("shape={}", shape_repr(a.shape())));
    }
    let implied = matches!(
        A::DTYPE,
        DType::Int64 | DType::Float64 | DType::Complex128 | DType::Bool
    );
    if !implied || size == 0 {
        extras.push(format!("dtype={}", A::DTYPE.name()));
    }
    if extras.is_empty() {
        return format!("{prefix}{lst})");
    }
    let arr_str = format!("{prefix}{lst},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line_len = width(arr_str.rsplit('\n').next().unwrap_or(""));
    let spacer =
        if last_line_len + width(&extra_str) + 1 > opts.linewidth.min(isize::MAX as usize / 2) as isize {
            format!("\n{}", " ".repeat(prefix.len()))
        } else {
            " ".to_string()
        };
    format!("{arr_str}{spacer}{extra_str}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_helpers() {
        assert_eq!(printed_indices(10, 3, true), (vec![0, 1, 2, 7, 8, 9], true));
        assert_eq!(printed_indices(6, 3, true), ((0..6).collect(), false));
        assert_eq!(printed_indices(5, 0, true), (vec![4], true));
        assert_eq!(data_indices(5, 0), vec![0, 1, 2, 3, 4]);
        assert_eq!(data_indices(10, 2), vec![0, 1, 8, 9]);
        let mut seen = Vec::new();
        for_each_index(&[vec![0, 2], vec![1, 3]], |ix| seen.push(ix.to_vec()));
        assert_eq!(seen, vec![vec![0, 1], vec![0, 3], vec![2, 1], vec![2, 3]]);
        let mut n = 0;
        for_each_index(&[], |ix| {
            assert!(ix.is_empty());
            n += 1
        });
        assert_eq!(n, 1);
    }

    #[test]
    fn scalar_strings() {
        assert_eq!(scalar_str(Scalar::Float(1.0), DType::Float64), "1.0");
        assert_eq!(scalar_str(Scalar::Float(1e16), DType::Float64), "1e+16");
        assert_eq!(
            scalar_str(Scalar::Float(9.999e15), DType::Float64),
            "9999000000000000.0"
        );
        assert_eq!(
            scalar_str(Scalar::Float(9.999e15f32 as f64), DType::Float32),
            "9.999e+15"
        );
        assert_eq!(scalar_str(Scalar::Float(1e-4f32 as f64), DType::Float32), "1e-04");
        assert_eq!(scalar_str(Scalar::Float(1e-4), DType::Float64), "0.0001");
        assert_eq!(scalar_str(Scalar::Float(-0.0), DType::Float64), "-0.0");
        assert_eq!(
            scalar_str(
                Scalar::Complex(crate::Complex64::new(0.0, -0.0)),
                DType::Complex128
            ),
            "-0j"
        );
        assert_eq!(
            scalar_str(
                Scalar::Complex(crate::Complex64::new(-0.0, -1.0)),
                DType::Complex128
            ),
            "(-0-1j)"
        );
        assert_eq!(shape_repr(&[5]), "(5,)");
        assert_eq!(shape_repr(&[0, 3]), "(0, 3)");
    }
}
