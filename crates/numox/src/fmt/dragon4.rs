//! Float-to-decimal conversion with NumPy's Dragon4 rules.
//!
//! NumPy prints floats with its own Dragon4 implementation (Steele & White,
//! Burger & Dybvig, as adapted by Ryan Juckett), in two digit modes:
//!
//! * *unique*: the shortest digit string that reads back as the same value of
//!   the value's own type (so an `f32` prints with `f32`'s shortest digits),
//!   optionally cut off after a number of digits and then rounded;
//! * *exact*: the digits of the exact binary value, cut off and rounded
//!   half-to-even.
//!
//! The digit generator below is an independent implementation of the same
//! arithmetic with exact big integers, so it makes the same decisions as
//! NumPy's digit by digit, including how a cut-off shortest representation
//! rounds. On top of it sit NumPy's positional (`123.45`) and scientific
//! (`1.2345e+02`) layouts with their trimming and padding rules, exposed as
//! [`format_float_positional`] and [`format_float_scientific`].

use crate::element::{DType, Float};
use crate::error::{Error, Result};
use std::cmp::Ordering;

/// The longest text NumPy's Dragon4 produces: it formats into a 16 KiB
/// buffer (one byte is the terminating NUL). Padding and precision requests
/// beyond this are clamped, where NumPy truncates its output.
const MAX_PRINT_LEN: i32 = 16383;

// ---------------------------------------------------------------------------
// Big unsigned integers, just what Dragon4 needs.
// ---------------------------------------------------------------------------

/// Number of 32-bit limbs: an `f64` needs at most ~1100 bits (the scale of a
/// subnormal is 2^1076, the scaled value stays below ten times the scale).
const LIMBS: usize = 40;

/// A fixed-capacity unsigned big integer, little-endian 32-bit limbs.
#[derive(Clone, Copy)]
struct Big {
    len: usize,
    d: [u32; LIMBS],
}

impl Big {
    fn zero() -> Big {
        Big {
            len: 0,
            d: [0; LIMBS],
        }
    }

    fn from_u64(v: u64) -> Big {
        let mut b = Big::zero();
        b.d[0] = v as u32;
        b.d[1] = (v >> 32) as u32;
        b.len = if b.d[1] != 0 {
            2
        } else if b.d[0] != 0 {
            1
        } else {
            0
        };
        b
    }

    /// 2^p.
    fn pow2(p: u32) -> Big {
        let mut b = Big::zero();
        let limb = (p / 32) as usize;
        b.d[limb] = 1 << (p % 32);
        b.len = limb + 1;
        b
    }

    fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn trim(&mut self) {
        while self.len > 0 && self.d[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    fn compare(&self, o: &Big) -> Ordering {
        if self.len != o.len {
            return self.len.cmp(&o.len);
        }
        for i in (0..self.len).rev() {
            match self.d[i].cmp(&o.d[i]) {
                Ordering::Equal => continue,
                c => return c,
            }
        }
        Ordering::Equal
    }

    fn shl(&mut self, bits: u32) {
        if self.len == 0 || bits == 0 {
            return;
        }
        let limbs = (bits / 32) as usize;
        let b = bits % 32;
        let old = self.len;
        let mut out = [0u32; LIMBS];
        for i in 0..old {
            let v = (self.d[i] as u64) << b;
            out[i + limbs] |= v as u32;
            if b != 0 {
                out[i + limbs + 1] |= (v >> 32) as u32;
            }
        }
        self.d = out;
        self.len = old + limbs + 1;
        self.trim();
    }

    fn mul_small(&mut self, k: u32) {
        if k == 0 {
            *self = Big::zero();
            return;
        }
        let mut carry = 0u64;
        for i in 0..self.len {
            let v = self.d[i] as u64 * k as u64 + carry;
            self.d[i] = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.d[self.len] = carry as u32;
            self.len += 1;
        }
    }

    /// `self *= 10^p`.
    fn mul_pow10(&mut self, mut p: u32) {
        while p >= 9 {
            self.mul_small(1_000_000_000);
            p -= 9;
        }
        if p > 0 {
            self.mul_small(10u32.pow(p));
        }
    }

    fn add(&self, o: &Big) -> Big {
        let mut r = Big::zero();
        let n = self.len.max(o.len);
        let mut carry = 0u64;
        for i in 0..n {
            let v = self.d[i] as u64 + o.d[i] as u64 + carry;
            r.d[i] = v as u32;
            carry = v >> 32;
        }
        r.len = n;
        if carry != 0 {
            r.d[n] = carry as u32;
            r.len += 1;
        }
        r
    }

    /// `self -= o`; requires `self >= o`.
    fn sub_assign(&mut self, o: &Big) {
        let mut borrow = 0i64;
        for i in 0..self.len {
            let v = self.d[i] as i64 - o.d[i] as i64 - borrow;
            if v < 0 {
                self.d[i] = (v + (1i64 << 32)) as u32;
                borrow = 1;
            } else {
                self.d[i] = v as u32;
                borrow = 0;
            }
        }
        debug_assert_eq!(borrow, 0);
        self.trim();
    }

    /// `self -= o * q`; requires `self >= o * q`.
    fn sub_mul(&mut self, o: &Big, q: u32) {
        let mut carry = 0u64;
        let mut borrow = 0u64;
        for i in 0..self.len {
            let p = o.d[i] as u64 * q as u64 + carry;
            carry = p >> 32;
            let (d1, b1) = (self.d[i] as u64).overflowing_sub((p & 0xffff_ffff) + borrow);
            self.d[i] = d1 as u32;
            borrow = b1 as u64;
        }
        debug_assert!(carry == 0 && borrow == 0);
        self.trim();
    }

    /// Returns `floor(self / divisor)` (which must be below 10) and leaves the remainder in `self`.
    ///
    /// The quotient is first estimated from the top 96 bits of `self` and the
    /// top 64 bits of `divisor` (rounded up), which undershoots by at most one
    /// when the divisor has two or more limbs; the loop then corrects it.
    fn div_rem_digit(&mut self, divisor: &Big) -> u32 {
        let n = divisor.len;
        let mut q = 0;
        if n >= 2 && self.len >= n {
            // Limbs at and above `len` are zero (every operation keeps them so).
            let top = |b: &Big, i: usize| b.d.get(i).copied().unwrap_or(0) as u128;
            let v = (top(self, n) << 64) | (top(self, n - 1) << 32) | top(self, n - 2);
            let s = ((top(divisor, n - 1) << 32) | top(divisor, n - 2)) + 1;
            q = (v / s) as u32;
            if q > 0 {
                self.sub_mul(divisor, q);
            }
        }
        while self.compare(divisor) != Ordering::Less {
            self.sub_assign(divisor);
            q += 1;
        }
        debug_assert!(q < 10);
        q
    }
}

// ---------------------------------------------------------------------------
// Decomposition of IEEE values.
// ---------------------------------------------------------------------------

/// An IEEE value taken apart as Dragon4 needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Decoded {
    /// A finite value `mantissa * 2^exponent`.
    Finite {
        negative: bool,
        mantissa: u64,
        exponent: i32,
        /// Index of the highest set bit of the mantissa.
        mantissa_bit: u32,
        /// The gap to the next value above is twice the gap below (a power of two).
        unequal_margins: bool,
    },
    /// An infinity.
    Inf { negative: bool },
    /// A NaN (its sign is never printed).
    Nan,
}

impl Decoded {
    /// Takes an `f64` apart.
    pub(crate) fn from_f64(x: f64) -> Decoded {
        let bits = x.to_bits();
        let negative = bits >> 63 != 0;
        let frac = bits & ((1u64 << 52) - 1);
        let exp = ((bits >> 52) & 0x7ff) as i32;
        if exp == 0x7ff {
            return if frac == 0 {
                Decoded::Inf { negative }
            } else {
                Decoded::Nan
            };
        }
        if exp != 0 {
            Decoded::Finite {
                negative,
                mantissa: (1u64 << 52) | frac,
                exponent: exp - 1023 - 52,
                mantissa_bit: 52,
                unequal_margins: exp != 1 && frac == 0,
            }
        } else {
            Decoded::Finite {
                negative,
                mantissa: frac,
                exponent: 1 - 1023 - 52,
                mantissa_bit: if frac == 0 { 0 } else { 63 - frac.leading_zeros() },
                unequal_margins: false,
            }
        }
    }

    /// Takes an `f32` apart (its own bits, so its own shortest digits).
    pub(crate) fn from_f32(x: f32) -> Decoded {
        let bits = x.to_bits();
        let negative = bits >> 31 != 0;
        let frac = bits & ((1u32 << 23) - 1);
        let exp = ((bits >> 23) & 0xff) as i32;
        if exp == 0xff {
            return if frac == 0 {
                Decoded::Inf { negative }
            } else {
                Decoded::Nan
            };
        }
        if exp != 0 {
            Decoded::Finite {
                negative,
                mantissa: ((1u32 << 23) | frac) as u64,
                exponent: exp - 127 - 23,
                mantissa_bit: 23,
                unequal_margins: exp != 1 && frac == 0,
            }
        } else {
            Decoded::Finite {
                negative,
                mantissa: frac as u64,
                exponent: 1 - 127 - 23,
                mantissa_bit: if frac == 0 { 0 } else { 31 - frac.leading_zeros() },
                unequal_margins: false,
            }
        }
    }

    /// Takes apart an `f64` that holds either an `f64` or (exactly) an `f32`.
    pub(crate) fn new(x: f64, is_f32: bool) -> Decoded {
        if is_f32 {
            Decoded::from_f32(x as f32)
        } else {
            Decoded::from_f64(x)
        }
    }
}

// ---------------------------------------------------------------------------
// Digit generation.
// ---------------------------------------------------------------------------

/// Whether to print the shortest unique digits or the exact value's digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitMode {
    Unique,
    Exact,
}

/// Whether cut-offs count all significant digits or the digits after the point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CutoffMode {
    TotalLength,
    FractionLength,
}

/// Generates decimal digits of `mantissa * 2^exponent`.
///
/// Returns the digits (ASCII) and the decimal exponent of the first digit.
/// `cutoff_max` / `cutoff_min` are -1 for "none".
#[allow(clippy::too_many_arguments)]
fn dragon4(
    mantissa: u64,
    exponent: i32,
    mantissa_bit: u32,
    unequal_margins: bool,
    digit_mode: DigitMode,
    cutoff_mode: CutoffMode,
    cutoff_max: i32,
    cutoff_min: i32,
    buffer_size: i32,
) -> (Vec<u8>, i32) {
    if mantissa == 0 {
        return (vec![b'0'], 0);
    }
    let is_even = mantissa & 1 == 0;
    // value = scaled_value / scale; margin_low / margin_high are half the gaps
    // to the neighbouring floats, on the same scale.
    let mut scaled_value = Big::from_u64(mantissa);
    let mut scale;
    let mut margin_low;
    if unequal_margins {
        if exponent > 0 {
            scaled_value.shl(exponent as u32 + 2);
            scale = Big::from_u64(4);
            margin_low = Big::pow2(exponent as u32);
        } else {
            scaled_value.shl(2);
            scale = Big::pow2((-exponent + 2) as u32);
            margin_low = Big::from_u64(1);
        }
    } else if exponent > 0 {
        scaled_value.shl(exponent as u32 + 1);
        scale = Big::from_u64(2);
        margin_low = Big::pow2(exponent as u32);
    } else {
        scaled_value.shl(1);
        scale = Big::pow2((-exponent + 1) as u32);
        margin_low = Big::from_u64(1);
    }
    let high_factor = if unequal_margins { 2 } else { 1 };

    // Estimate of floor(log10(v)) + 1, correct or one too small (NumPy's formula).
    let log10_2 = std::f64::consts::LOG10_2;
    let mut digit_exponent = ((mantissa_bit as i32 + exponent) as f64 * log10_2 - 0.69).ceil() as i32;
    if cutoff_max >= 0 && cutoff_mode == CutoffMode::FractionLength && digit_exponent <= -cutoff_max {
        digit_exponent = -cutoff_max + 1;
    }
    match digit_exponent.cmp(&0) {
        Ordering::Greater => scale.mul_pow10(digit_exponent as u32),
        Ordering::Less => {
            scaled_value.mul_pow10((-digit_exponent) as u32);
            margin_low.mul_pow10((-digit_exponent) as u32);
        }
        Ordering::Equal => {}
    }
    if scaled_value.compare(&scale) != Ordering::Less {
        digit_exponent += 1;
    } else {
        scaled_value.mul_small(10);
        margin_low.mul_small(10);
    }

    let mut cutoff_max_exponent = digit_exponent - buffer_size;
    if cutoff_max >= 0 {
        let desired = match cutoff_mode {
            CutoffMode::TotalLength => digit_exponent - cutoff_max,
            CutoffMode::FractionLength => -cutoff_max,
        };
        cutoff_max_exponent = cutoff_max_exponent.max(desired);
    }
    let mut cutoff_min_exponent = digit_exponent;
    if cutoff_min >= 0 {
        let desired = match cutoff_mode {
            CutoffMode::TotalLength => digit_exponent - cutoff_min,
            CutoffMode::FractionLength => -cutoff_min,
        };
        cutoff_min_exponent = cutoff_min_exponent.min(desired);
    }
    let mut out_exponent = digit_exponent - 1;

    let mut digits: Vec<u8> = Vec::with_capacity(24);
    let mut low = false;
    let mut high = false;
    let mut output_digit;
    match digit_mode {
        DigitMode::Unique => loop {
            digit_exponent -= 1;
            output_digit = scaled_value.div_rem_digit(&scale);
            let mut margin_high = margin_low;
            if high_factor == 2 {
                margin_high.mul_small(2);
            }
            let value_high = scaled_value.add(&margin_high);
            let c = scaled_value.compare(&margin_low);
            low = if is_even {
                c != Ordering::Greater
            } else {
                c == Ordering::Less
            };
            let c = value_high.compare(&scale);
            high = if is_even {
                c != Ordering::Less
            } else {
                c == Ordering::Greater
            };
            if ((low || high) && digit_exponent <= cutoff_min_exponent)
                || digit_exponent == cutoff_max_exponent
            {
                break;
            }
            digits.push(b'0' + output_digit as u8);
            scaled_value.mul_small(10);
            // Once the margin exceeds the scale both `low` and `high` stay
            // true (the value is below the scale), so it need not grow further;
            // this bounds the integers when `cutoff_min` asks for many digits.
            if margin_low.compare(&scale) != Ordering::Greater {
                margin_low.mul_small(10);
            }
        },
        DigitMode::Exact => loop {
            digit_exponent -= 1;
            output_digit = scaled_value.div_rem_digit(&scale);
            if scaled_value.is_zero() || digit_exponent == cutoff_max_exponent {
                break;
            }
            digits.push(b'0' + output_digit as u8);
            scaled_value.mul_small(10);
        },
    }

    // Round the final digit: down if only the low side is safe, up if only
    // the high side is, otherwise to nearest with ties to even.
    let mut round_down = low;
    if low == high {
        scaled_value.mul_small(2);
        let c = scaled_value.compare(&scale);
        round_down = c == Ordering::Less;
        if c == Ordering::Equal {
            round_down = output_digit & 1 == 0;
        }
    }
    if round_down {
        digits.push(b'0' + output_digit as u8);
    } else if output_digit == 9 {
        // Carry into the preceding digits.
        loop {
            match digits.pop() {
                None => {
                    digits.push(b'1');
                    out_exponent += 1;
                    break;
                }
                Some(b'9') => continue,
                Some(d) => {
                    digits.push(d + 1);
                    break;
                }
            }
        }
    } else {
        digits.push(b'0' + output_digit as u8 + 1);
    }
    (digits, out_exponent)
}

// ---------------------------------------------------------------------------
// Layouts.
// ---------------------------------------------------------------------------

/// How trailing zeros and the decimal point are trimmed (NumPy's `trim`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Trim {
    /// `'k'`: keep trailing zeros and the decimal point.
    #[default]
    Keep,
    /// `'.'`: trim all trailing zeros, keep the decimal point (`1.`).
    Point,
    /// `'0'`: trim all but the zero before the decimal point, inserting it if missing (`1.0`).
    Zero,
    /// `'-'`: trim trailing zeros and any trailing decimal point (`1`).
    Minus,
}

/// Everything Dragon4's layouts need (NumPy's `Dragon4_Options`); `-1` means "not given".
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dragon4Options {
    pub scientific: bool,
    pub digit_mode: DigitMode,
    pub cutoff_mode: CutoffMode,
    pub precision: i32,
    pub min_digits: i32,
    pub sign: bool,
    pub trim: Trim,
    pub pad_left: i32,
    pub pad_right: i32,
    pub exp_digits: i32,
}

impl Dragon4Options {
    /// Unique digits, no cut-off, no padding: the base of most uses.
    pub(crate) fn unique(scientific: bool, trim: Trim) -> Dragon4Options {
        Dragon4Options {
            scientific,
            digit_mode: DigitMode::Unique,
            cutoff_mode: CutoffMode::TotalLength,
            precision: -1,
            min_digits: -1,
            sign: false,
            trim,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        }
    }
}

/// Formats a decoded value with the given options (NumPy's `Format_floatbits`
/// and its infinity/NaN special case).
pub(crate) fn format_decoded(d: Decoded, o: &Dragon4Options) -> String {
    match d {
        Decoded::Nan => "nan".to_string(),
        Decoded::Inf { negative } => {
            let sign = if negative {
                "-"
            } else if o.sign {
                "+"
            } else {
                ""
            };
            format!("{sign}inf")
        }
        Decoded::Finite {
            negative,
            mantissa,
            exponent,
            mantissa_bit,
            unequal_margins,
        } => {
            let sign = if negative {
                Some('-')
            } else if o.sign {
                Some('+')
            } else {
                None
            };
            if o.scientific {
                format_scientific(mantissa, exponent, mantissa_bit, unequal_margins, sign, o)
            } else {
                format_positional(mantissa, exponent, mantissa_bit, unequal_margins, sign, o)
            }
        }
    }
}

/// Strips trailing `'0'`s after the point as NumPy's trim modes prescribe;
/// returns the new count of fraction digits.
fn trim_trailing_zeros(buf: &mut String, mut frac_digits: i32) -> i32 {
    while buf.ends_with('0') && frac_digits > 0 {
        buf.pop();
        frac_digits -= 1;
    }
    frac_digits
}

/// Positional layout: `[sign]ddd.ddd` (NumPy's `FormatPositional`).
fn format_positional(
    mantissa: u64,
    exponent: i32,
    mantissa_bit: u32,
    unequal_margins: bool,
    sign: Option<char>,
    o: &Dragon4Options,
) -> String {
    let has_sign = sign.is_some() as i32;
    let (digits, print_exponent) = dragon4(
        mantissa,
        exponent,
        mantissa_bit,
        unequal_margins,
        o.digit_mode,
        o.cutoff_mode,
        o.precision,
        o.min_digits,
        MAX_PRINT_LEN - has_sign,
    );
    let num_digits = digits.len() as i32;
    let mut buf = String::with_capacity(num_digits as usize + 8);
    if let Some(s) = sign {
        buf.push(s);
    }
    let num_whole_digits;
    let mut num_fraction_digits = 0;
    if print_exponent >= 0 {
        num_whole_digits = print_exponent + 1;
        if num_digits <= num_whole_digits {
            buf.extend(digits.iter().map(|&c| c as char));
            for _ in 0..num_whole_digits - num_digits {
                buf.push('0');
            }
        } else {
            let w = num_whole_digits as usize;
            buf.extend(digits[..w].iter().map(|&c| c as char));
            buf.push('.');
            buf.extend(digits[w..].iter().map(|&c| c as char));
            num_fraction_digits = num_digits - num_whole_digits;
        }
    } else {
        let zeros = -(print_exponent + 1);
        buf.push_str("0.");
        for _ in 0..zeros {
            buf.push('0');
        }
        buf.extend(digits.iter().map(|&c| c as char));
        num_fraction_digits = num_digits + zeros;
        num_whole_digits = 1;
    }

    if o.trim != Trim::Minus && num_fraction_digits == 0 {
        buf.push('.');
    }
    let add_digits = if o.digit_mode == DigitMode::Unique {
        o.min_digits
    } else {
        o.precision
    };
    let mut desired_fraction_digits = add_digits.max(0);
    if o.cutoff_mode == CutoffMode::TotalLength {
        desired_fraction_digits = add_digits - num_whole_digits;
    }
    if o.trim == Trim::Zero {
        if num_fraction_digits == 0 {
            buf.push('0');
            num_fraction_digits += 1;
        }
    } else if o.trim == Trim::Keep && desired_fraction_digits > num_fraction_digits {
        let count = (desired_fraction_digits - num_fraction_digits).min(MAX_PRINT_LEN);
        for _ in 0..count {
            buf.push('0');
        }
        num_fraction_digits += count;
    }
    if o.trim != Trim::Keep && num_fraction_digits > 0 {
        num_fraction_digits = trim_trailing_zeros(&mut buf, num_fraction_digits);
        if buf.ends_with('.') {
            match o.trim {
                Trim::Zero => {
                    buf.push('0');
                    num_fraction_digits += 1;
                }
                Trim::Minus => {
                    buf.pop();
                }
                _ => {}
            }
        }
    }
    if o.pad_right >= num_fraction_digits {
        let count = (o.pad_right - num_fraction_digits).min(MAX_PRINT_LEN);
        if o.trim == Trim::Minus && num_fraction_digits == 0 {
            buf.push(' ');
        }
        for _ in 0..count {
            buf.push(' ');
        }
    }
    if o.pad_left > num_whole_digits + has_sign {
        let shift = (o.pad_left - (num_whole_digits + has_sign)).min(MAX_PRINT_LEN) as usize;
        buf.insert_str(0, &" ".repeat(shift));
    }
    buf
}

/// Scientific layout: `[sign]d.ddde±dd` (NumPy's `FormatScientific`).
fn format_scientific(
    mantissa: u64,
    exponent: i32,
    mantissa_bit: u32,
    unequal_margins: bool,
    sign: Option<char>,
    o: &Dragon4Options,
) -> String {
    let mut buf = String::new();
    let leftchars = 1 + sign.is_some() as i32;
    if o.pad_left > leftchars {
        buf.push_str(&" ".repeat((o.pad_left - leftchars).min(MAX_PRINT_LEN) as usize));
    }
    if let Some(s) = sign {
        buf.push(s);
    }
    let (digits, mut print_exponent) = dragon4(
        mantissa,
        exponent,
        mantissa_bit,
        unequal_margins,
        o.digit_mode,
        CutoffMode::TotalLength,
        if o.precision < 0 { -1 } else { o.precision + 1 },
        if o.min_digits < 0 { -1 } else { o.min_digits + 1 },
        MAX_PRINT_LEN - buf.len() as i32,
    );
    buf.push(digits[0] as char);
    let mut num_fraction_digits = digits.len() as i32 - 1;
    if num_fraction_digits > 0 {
        buf.push('.');
        buf.extend(digits[1..].iter().map(|&c| c as char));
    }
    if o.trim != Trim::Minus && num_fraction_digits == 0 {
        buf.push('.');
    }
    let add_digits = if o.digit_mode == DigitMode::Unique {
        o.min_digits
    } else {
        o.precision
    }
    .max(0);
    if o.trim == Trim::Zero {
        if num_fraction_digits == 0 {
            buf.push('0');
            num_fraction_digits += 1;
        }
    } else if o.trim == Trim::Keep && add_digits > num_fraction_digits {
        for _ in 0..(add_digits - num_fraction_digits).min(MAX_PRINT_LEN) {
            buf.push('0');
        }
    }
    if o.trim != Trim::Keep && num_fraction_digits > 0 {
        trim_trailing_zeros(&mut buf, num_fraction_digits);
        if o.trim == Trim::Zero && buf.ends_with('.') {
            buf.push('0');
        }
    }
    let exp_digits = if o.exp_digits > 5 {
        5
    } else if o.exp_digits < 0 {
        2
    } else {
        o.exp_digits
    };
    buf.push('e');
    if print_exponent >= 0 {
        buf.push('+');
    } else {
        buf.push('-');
        print_exponent = -print_exponent;
    }
    let mut exp_str = print_exponent.to_string();
    while (exp_str.len() as i32) < exp_digits {
        exp_str.insert(0, '0');
    }
    buf.push_str(&exp_str);
    buf
}

// ---------------------------------------------------------------------------
// Public entry points.
// ---------------------------------------------------------------------------

/// Options of [`format_float_positional`] and [`format_float_scientific`]
/// (the keyword arguments of NumPy's functions of the same names).
///
/// `Default` gives NumPy's defaults: shortest unique digits, no padding,
/// `trim = 'k'`, fractional precision.
///
/// ```
/// use numox::{FloatFormatOptions, Trim, format_float_positional};
/// let opts = FloatFormatOptions { precision: Some(3), trim: Trim::Minus, ..Default::default() };
/// assert_eq!(format_float_positional(2.0f64 / 3.0, &opts).unwrap(), "0.667");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormatOptions {
    /// Maximum number of digits to print (after the point when `fractional`,
    /// significant digits otherwise; in scientific notation, after the point).
    /// Required when `unique` is `false`.
    pub precision: Option<usize>,
    /// `true`: the shortest digits that identify the value among values of
    /// its type (cut off at `precision` and rounded); `false`: the exact
    /// binary value's digits, rounded half-to-even at `precision`.
    pub unique: bool,
    /// Positional only: `precision` and `min_digits` count digits after the
    /// point (`true`) or significant digits (`false`).
    pub fractional: bool,
    /// Trimming of trailing zeros and the point.
    pub trim: Trim,
    /// Print `+` for positive values.
    pub sign: bool,
    /// Pad on the left with spaces until this many characters precede the point.
    pub pad_left: Option<usize>,
    /// Positional only: pad on the right with spaces until this many characters follow the point.
    pub pad_right: Option<usize>,
    /// Scientific only: pad the exponent with zeros to at least this many digits (default 2).
    pub exp_digits: Option<usize>,
    /// With `unique`, print at least this many digits (rounding the last one).
    pub min_digits: Option<usize>,
}

impl Default for FloatFormatOptions {
    fn default() -> Self {
        FloatFormatOptions {
            precision: None,
            unique: true,
            fractional: true,
            trim: Trim::Keep,
            sign: false,
            pad_left: None,
            pad_right: None,
            exp_digits: None,
            min_digits: None,
        }
    }
}

/// `Option<usize>` to NumPy's `-1`-for-none convention, clamped to the buffer size.
fn opt_i32(v: Option<usize>) -> i32 {
    match v {
        None => -1,
        Some(v) => v.min(MAX_PRINT_LEN as usize) as i32,
    }
}

fn decode_float<F: Float>(x: F) -> Decoded {
    let v = x.to_f64();
    Decoded::new(v, F::DTYPE == DType::Float32)
}

fn check_common(opts: &FloatFormatOptions) -> Result<()> {
    if !opts.unique && opts.precision.is_none() {
        return Err(Error::invalid("in non-unique mode `precision` must be supplied"));
    }
    if let (Some(m), Some(p)) = (opts.min_digits, opts.precision)
        && m > 0
        && p > 0
        && m > p
    {
        return Err(Error::invalid(
            "min_digits must be less than or equal to precision",
        ));
    }
    Ok(())
}

/// Formats a float in positional notation with NumPy's Dragon4 rules
/// (NumPy's `np.format_float_positional`).
///
/// An `f32` prints with `f32`'s own shortest digits. Infinities and NaN
/// print as `inf`, `-inf` (`+inf` with `sign`) and `nan`, without padding.
///
/// # Errors
/// [`Error::InvalidArgument`] when `unique` is `false` without a
/// `precision`, when `min_digits > precision`, or when `fractional` is
/// `false` with `precision == 0` (as NumPy raises).
///
/// ```
/// use numox::{FloatFormatOptions, Trim, format_float_positional};
/// let d = FloatFormatOptions::default();
/// assert_eq!(format_float_positional(0.1f32, &d).unwrap(), "0.1");
/// assert_eq!(format_float_positional(std::f32::consts::PI, &d).unwrap(), "3.1415927");
/// assert_eq!(format_float_positional(1e16f64, &d).unwrap(), "10000000000000000.");
/// let exact = FloatFormatOptions { unique: false, precision: Some(10), ..d };
/// assert_eq!(format_float_positional(0.3f32, &exact).unwrap(), "0.3000000119");
/// let trimmed = FloatFormatOptions { precision: Some(2), trim: Trim::Minus, ..d };
/// assert_eq!(format_float_positional(2.0f64, &trimmed).unwrap(), "2");
/// ```
pub fn format_float_positional<F: Float>(x: F, opts: &FloatFormatOptions) -> Result<String> {
    check_common(opts)?;
    if !opts.fractional && opts.precision == Some(0) {
        return Err(Error::invalid(
            "precision must be greater than 0 if fractional=False",
        ));
    }
    let o = Dragon4Options {
        scientific: false,
        digit_mode: if opts.unique {
            DigitMode::Unique
        } else {
            DigitMode::Exact
        },
        cutoff_mode: if opts.fractional {
            CutoffMode::FractionLength
        } else {
            CutoffMode::TotalLength
        },
        precision: opt_i32(opts.precision),
        min_digits: opt_i32(opts.min_digits),
        sign: opts.sign,
        trim: opts.trim,
        pad_left: opt_i32(opts.pad_left),
        pad_right: opt_i32(opts.pad_right),
        exp_digits: -1,
    };
    Ok(format_decoded(decode_float(x), &o))
}

/// Formats a float in scientific notation with NumPy's Dragon4 rules
/// (NumPy's `np.format_float_scientific`).
///
/// # Errors
/// [`Error::InvalidArgument`] when `unique` is `false` without a
/// `precision`, or when `min_digits > precision`.
///
/// ```
/// use numox::{FloatFormatOptions, format_float_scientific};
/// let d = FloatFormatOptions::default();
/// assert_eq!(format_float_scientific(std::f32::consts::PI, &d).unwrap(), "3.1415927e+00");
/// let exact = FloatFormatOptions { unique: false, precision: Some(15), ..d };
/// assert_eq!(format_float_scientific(1.23e24f32, &exact).unwrap(), "1.230000071797338e+24");
/// let wide = FloatFormatOptions { exp_digits: Some(4), ..d };
/// assert_eq!(format_float_scientific(1.23e24f32, &wide).unwrap(), "1.23e+0024");
/// ```
pub fn format_float_scientific<F: Float>(x: F, opts: &FloatFormatOptions) -> Result<String> {
    check_common(opts)?;
    let o = Dragon4Options {
        scientific: true,
        digit_mode: if opts.unique {
            DigitMode::Unique
        } else {
            DigitMode::Exact
        },
        cutoff_mode: CutoffMode::TotalLength,
        precision: opt_i32(opts.precision),
        min_digits: opt_i32(opts.min_digits),
        sign: opts.sign,
        trim: opts.trim,
        pad_left: opt_i32(opts.pad_left),
        pad_right: -1,
        exp_digits: opt_i32(opts.exp_digits),
    };
    Ok(format_decoded(decode_float(x), &o))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(x: f64, precision: i32, unique: bool, trim: Trim) -> String {
        let o = Dragon4Options {
            scientific: false,
            digit_mode: if unique {
                DigitMode::Unique
            } else {
                DigitMode::Exact
            },
            cutoff_mode: CutoffMode::FractionLength,
            precision,
            min_digits: -1,
            sign: false,
            trim,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        };
        format_decoded(Decoded::from_f64(x), &o)
    }

    /// Shortest digits and decimal exponent from Rust's `{:e}` (also shortest round-trip).
    fn rust_shortest(s: &str) -> (String, i32) {
        let (m, e) = s.split_once('e').unwrap();
        let m = m.trim_start_matches('-');
        (m.replace('.', ""), e.parse().unwrap())
    }

    fn our_shortest(d: Decoded) -> (String, i32) {
        match d {
            Decoded::Finite {
                mantissa,
                exponent,
                mantissa_bit,
                unequal_margins,
                ..
            } => {
                let (digits, e) = dragon4(
                    mantissa,
                    exponent,
                    mantissa_bit,
                    unequal_margins,
                    DigitMode::Unique,
                    CutoffMode::TotalLength,
                    -1,
                    -1,
                    MAX_PRINT_LEN,
                );
                (String::from_utf8(digits).unwrap(), e)
            }
            _ => unreachable!(),
        }
    }

    /// Checks our shortest digits against Rust's. Both are shortest
    /// round-trip strings closest to the value; they may differ only when
    /// two candidates are equally close, where Dragon4 picks the even digit.
    fn check_shortest(ours: (String, i32), rust: (String, i32), parse: impl Fn(&str) -> bool, what: &str) {
        if ours == rust {
            return;
        }
        let (a, b) = (ours.0.as_bytes(), rust.0.as_bytes());
        assert_eq!(ours.1, rust.1, "{what}");
        assert_eq!(a.len(), b.len(), "{what}");
        assert_eq!(a[..a.len() - 1], b[..b.len() - 1], "{what}");
        let (da, db) = (a[a.len() - 1] as i32, b[b.len() - 1] as i32);
        assert_eq!((da - db).abs(), 1, "{what}");
        assert_eq!(da % 2, 0, "{what}");
        let text = format!("{}.{}e{}", &ours.0[..1], &ours.0[1..], ours.1);
        assert!(parse(&text), "{what}: {text} does not read back");
    }

    /// A small deterministic generator (xorshift64*) for bit patterns.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    #[test]
    fn unique_digits_match_shortest_round_trip_f64() {
        // Rust's `{:e}` prints the shortest digits that round-trip, the
        // closest such to the exact value: the same as Dragon4's unique mode.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut checked = 0;
        for _ in 0..50_000 {
            let x = f64::from_bits(next(&mut s));
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let what = format!("{x:e}");
            check_shortest(
                our_shortest(Decoded::from_f64(x)),
                rust_shortest(&what),
                |t| t.parse::<f64>() == Ok(x.abs()),
                &what,
            );
            checked += 1;
        }
        // Subnormals, powers of two (unequal margins) and small integers.
        for i in 0..2000u64 {
            for x in [
                f64::from_bits(i * 7919 + 1),
                2f64.powi(i as i32 - 1000),
                i as f64 + 1.0,
            ] {
                let what = format!("{x:e}");
                let parse = |t: &str| t.parse::<f64>() == Ok(x.abs());
                check_shortest(
                    our_shortest(Decoded::from_f64(x)),
                    rust_shortest(&what),
                    parse,
                    &what,
                );
                checked += 1;
            }
        }
        assert!(checked > 50_000);
    }

    #[test]
    fn unique_digits_match_shortest_round_trip_f32() {
        let mut s = 0x1234_5678_9abc_def1u64;
        for _ in 0..50_000 {
            let x = f32::from_bits(next(&mut s) as u32);
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let what = format!("{x:e}");
            check_shortest(
                our_shortest(Decoded::from_f32(x)),
                rust_shortest(&what),
                |t| t.parse::<f32>() == Ok(x.abs()),
                &what,
            );
        }
        for i in 0..277 {
            let x = 2f32.powi(i - 149);
            if x == 0.0 || !x.is_finite() {
                continue;
            }
            let what = format!("{x:e}");
            check_shortest(
                our_shortest(Decoded::from_f32(x)),
                rust_shortest(&what),
                |t| t.parse::<f32>() == Ok(x.abs()),
                &what,
            );
        }
    }

    #[test]
    fn exact_digits_match_correct_rounding() {
        // Exact mode rounds the exact binary value half-to-even, as Rust's `{:.N}` does.
        let mut s = 42u64;
        for _ in 0..5_000 {
            let x = f64::from_bits(next(&mut s) >> 2) * if next(&mut s) & 1 == 0 { 1.0 } else { -1.0 };
            let x = x.clamp(-1e30, 1e30);
            for p in [0usize, 1, 3, 8, 17, 25] {
                let expected = format!("{x:.p$}") + if p == 0 { "." } else { "" };
                assert_eq!(pos(x, p as i32, false, Trim::Keep), expected, "{x} {p}");
            }
        }
        assert_eq!(pos(0.125, 2, false, Trim::Keep), "0.12");
        assert_eq!(pos(0.375, 2, false, Trim::Keep), "0.38");
        assert_eq!(pos(2.5, 0, false, Trim::Keep), "2.");
    }

    #[test]
    fn unique_with_cutoff_rounds_like_numpy() {
        assert_eq!(pos(0.5, 0, true, Trim::Keep), "0.");
        assert_eq!(pos(1.5, 0, true, Trim::Keep), "2.");
        assert_eq!(pos(0.1 + 0.2, 8, true, Trim::Point), "0.3");
        assert_eq!(pos(2.0 / 3.0, 8, true, Trim::Point), "0.66666667");
        assert_eq!(pos(9.999_999_999, 8, true, Trim::Point), "10.");
        assert_eq!(pos(1e-9, 8, true, Trim::Point), "0.");
        assert_eq!(pos(-0.0, 8, true, Trim::Point), "-0.");
        assert_eq!(pos(123.0, 8, true, Trim::Minus), "123");
    }

    #[test]
    fn scientific_layout() {
        let o = Dragon4Options::unique(true, Trim::Minus);
        assert_eq!(format_decoded(Decoded::from_f64(1e16), &o), "1e+16");
        assert_eq!(format_decoded(Decoded::from_f64(1.5e-300), &o), "1.5e-300");
        assert_eq!(format_decoded(Decoded::from_f64(f64::NEG_INFINITY), &o), "-inf");
        assert_eq!(format_decoded(Decoded::from_f64(-f64::NAN), &o), "nan");
        let o = Dragon4Options {
            min_digits: 3,
            trim: Trim::Keep,
            ..Dragon4Options::unique(true, Trim::Keep)
        };
        assert_eq!(format_decoded(Decoded::from_f64(2.0), &o), "2.000e+00");
    }

    #[test]
    fn big_arithmetic() {
        let mut a = Big::from_u64(u64::MAX);
        a.shl(100);
        let mut b = a;
        b.mul_pow10(30);
        assert_eq!(b.compare(&a), Ordering::Greater);
        let c = a.add(&a);
        let mut d = c;
        d.sub_assign(&a);
        assert_eq!(d.compare(&a), Ordering::Equal);
        // Multi-limb division with the estimated quotient.
        let mut den = Big::from_u64(0xffff_ffff_ffff_fff1);
        den.shl(70);
        for k in 0..10u32 {
            let mut num = den;
            num.mul_small(k);
            let rem = Big::from_u64(0x1234_5678_9abc);
            let num = num.add(&rem);
            let mut x = num;
            assert_eq!(x.div_rem_digit(&den), k);
            assert_eq!(x.compare(&rem), Ordering::Equal);
        }
        let mut t = Big::from_u64(95);
        assert_eq!(t.div_rem_digit(&Big::from_u64(10)), 9);
        assert_eq!(t.compare(&Big::from_u64(5)), Ordering::Equal);
        assert!(Big::pow2(64).compare(&Big::from_u64(u64::MAX)) == Ordering::Greater);
        assert!(Big::zero().is_zero());
    }
}
