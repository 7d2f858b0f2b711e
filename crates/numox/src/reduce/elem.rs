//! The element-type side of the reductions: which types each reduction
//! accepts and what it returns (NumPy's rules on 64-bit Linux), and the
//! per-type arithmetic the kernels use.

use super::pairwise::{cpairwise, cpairwise_par, pairwise, pairwise_par};
use super::plan::Src;
use crate::element::{Complex32, Complex64, Element};
use num_complex::Complex;

// `Accum`, `VarFloat`, `SumImpl` and `MinMaxImpl` are public traits in a
// private module (the sealed-trait pattern): code outside numox can neither
// name, implement nor call them, so `SumElement` and `MinMaxElement` are sealed.

/// An accumulator type: what sums and products are computed in
/// (`i64`, `u64`, `f32`, `f64`, `Complex32`, `Complex64`).
pub trait Accum: Element {
    /// The additive identity.
    fn zero() -> Self;
    /// The multiplicative identity.
    fn one() -> Self;
    /// `self + o` (wrapping for integers).
    fn add(self, o: Self) -> Self;
    /// `self * o` (wrapping for integers).
    fn mul(self, o: Self) -> Self;
    /// `self * o` as NumPy's elementwise (non-reduce) multiply loop computes
    /// it; differs from [`Accum::mul`] only for complex numbers (see there).
    #[inline(always)]
    fn mul_elementwise(self, o: Self) -> Self {
        self.mul(o)
    }
    /// NumPy's add-reduce of `f(x)` over a run: pairwise for floats and
    /// complex numbers, any order for integers (wrapping sums are exact).
    fn sum_run<A: Copy, F: Fn(A) -> Self>(src: Src<'_, A>, f: &F) -> Self;
    /// [`Accum::sum_run`] on several threads, identical result.
    fn sum_run_par<A: Copy + Sync, F: Fn(A) -> Self + Sync>(src: Src<'_, A>, f: &F) -> Self;
}

macro_rules! accum_int {
    ($t:ty) => {
        impl Accum for $t {
            #[inline]
            fn zero() -> Self {
                0
            }
            #[inline]
            fn one() -> Self {
                1
            }
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            #[inline]
            fn sum_run<A: Copy, F: Fn(A) -> Self>(src: Src<'_, A>, f: &F) -> Self {
                match src.as_slice() {
                    Some(s) => s.iter().fold(0, |acc: $t, &x| acc.wrapping_add(f(x))),
                    None => (0..src.len()).fold(0, |acc: $t, i| acc.wrapping_add(f(*src.get(i)))),
                }
            }
            fn sum_run_par<A: Copy + Sync, F: Fn(A) -> Self + Sync>(src: Src<'_, A>, f: &F) -> Self {
                if src.len() <= 1 << 16 {
                    return Self::sum_run(src, f);
                }
                let (a, b) = src.split_at(src.len() / 2);
                let (x, y) = crate::parallel::join(|| Self::sum_run_par(a, f), || Self::sum_run_par(b, f));
                x.wrapping_add(y)
            }
        }
    };
}
accum_int!(i64);
accum_int!(u64);

macro_rules! accum_float {
    ($t:ty) => {
        impl Accum for $t {
            #[inline]
            fn zero() -> Self {
                0.0
            }
            #[inline]
            fn one() -> Self {
                1.0
            }
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                self + o
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                self * o
            }
            #[inline]
            fn sum_run<A: Copy, F: Fn(A) -> Self>(src: Src<'_, A>, f: &F) -> Self {
                pairwise(src, f)
            }
            fn sum_run_par<A: Copy + Sync, F: Fn(A) -> Self + Sync>(src: Src<'_, A>, f: &F) -> Self {
                pairwise_par(src, f)
            }
        }
        impl Accum for Complex<$t> {
            #[inline]
            fn zero() -> Self {
                Complex::new(0.0, 0.0)
            }
            #[inline]
            fn one() -> Self {
                Complex::new(1.0, 0.0)
            }
            #[inline(always)]
            fn add(self, o: Self) -> Self {
                Complex::new(self.re + o.re, self.im + o.im)
            }
            #[inline(always)]
            fn mul(self, o: Self) -> Self {
                // NumPy's scalar complex multiply (its reduce loop and its
                // accumulate loop): (ar*br - ai*bi, ar*bi + ai*br), unfused.
                Complex::new(
                    self.re * o.re - self.im * o.im,
                    self.re * o.im + self.im * o.re,
                )
            }
            #[inline(always)]
            fn mul_elementwise(self, o: Self) -> Self {
                // NumPy's SIMD complex multiply (its elementwise loop on x86-64
                // with FMA, as on the reference machine) fuses one product of
                // each part: re = fma(ar, br, -(ai*bi)), im = fma(ar, bi, ai*br).
                // Checked against NumPy 2.4.6: every element agrees bit for bit.
                Complex::new(
                    self.re.mul_add(o.re, -(self.im * o.im)),
                    self.re.mul_add(o.im, self.im * o.re),
                )
            }
            #[inline]
            fn sum_run<A: Copy, F: Fn(A) -> Self>(src: Src<'_, A>, f: &F) -> Self {
                let (re, im) = cpairwise(src, f);
                Complex::new(re, im)
            }
            fn sum_run_par<A: Copy + Sync, F: Fn(A) -> Self + Sync>(src: Src<'_, A>, f: &F) -> Self {
                let (re, im) = cpairwise_par(src, f);
                Complex::new(re, im)
            }
        }
    };
}
accum_float!(f32);
accum_float!(f64);

/// The real float type of `var` and `std` results (`f32` or `f64`).
pub trait VarFloat: Accum + Copy {
    /// Widens to `f64` (exact).
    fn to_f64(self) -> f64;
    /// Rounds an `f64` to this type.
    fn from_f64(x: f64) -> Self;
    /// Correctly rounded square root in this type.
    fn sqrt(self) -> Self;
}
impl VarFloat for f32 {
    #[inline]
    fn to_f64(self) -> f64 {
        self as f64
    }
    #[inline]
    fn from_f64(x: f64) -> Self {
        x as f32
    }
    #[inline]
    fn sqrt(self) -> Self {
        f32::sqrt(self)
    }
}
impl VarFloat for f64 {
    #[inline]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline]
    fn from_f64(x: f64) -> Self {
        x
    }
    #[inline]
    fn sqrt(self) -> Self {
        f64::sqrt(self)
    }
}

/// Element types that `sum`, `prod`, `mean`, `var`, `std`, `cumsum` and
/// `cumprod` accept: all thirteen. The associated types are the result
/// types NumPy gives on 64-bit Linux:
///
/// | input | `Sum` (`sum`, `prod`, `cumsum`, `cumprod`) | `Mean` | `Var` (`var`, `std`) |
/// |---|---|---|---|
/// | `bool`, `i8`..`i64` | `i64` | `f64` | `f64` |
/// | `u8`..`u64` | `u64` | `f64` | `f64` |
/// | `f32` / `f64` | itself | itself | itself |
/// | `Complex32` / `Complex64` | itself | itself | `f32` / `f64` |
///
/// The trait is sealed.
///
/// ```
/// use numox::prelude::*;
/// let a = array![100i8, 100, 100];
/// let s: i64 = a.sum(); // NumPy sums int8 in int64: no overflow
/// assert_eq!(s, 300);
/// assert_eq!(array![true, true, false].sum(), 2i64);
/// ```
pub trait SumElement: SumImpl {}

/// Per-type operations behind [`SumElement`] (sealed; numox-internal).
pub trait SumImpl: Element {
    /// The result type of `sum`, `prod`, `cumsum` and `cumprod`.
    type Sum: Accum;
    /// The result type of `mean`.
    type Mean: Accum;
    /// The result type of `var` and `std` (always real).
    type Var: VarFloat;
    /// `true` when NumPy must cast (and so buffer) the input to sum it in
    /// the mean type (integers and `bool` summed as `float64`).
    const CAST_MEAN: bool;
    /// Converts to the sum type.
    fn to_sum_acc(self) -> Self::Sum;
    /// Converts to the mean type.
    fn to_mean_acc(self) -> Self::Mean;
    /// `sum / n` as NumPy's `mean` computes it (`true_divide` by an `intp`).
    fn mean_div(sum: Self::Mean, n: usize) -> Self::Mean;
    /// `|x - m|²` in the variance type, as NumPy's `_var` computes it.
    fn var_term(x: Self::Mean, m: Self::Mean) -> Self::Var;
}

macro_rules! sum_int {
    ($t:ty, $acc:ty) => {
        impl SumElement for $t {}
        impl SumImpl for $t {
            type Sum = $acc;
            type Mean = f64;
            type Var = f64;
            const CAST_MEAN: bool = true;
            #[inline(always)]
            fn to_sum_acc(self) -> $acc {
                self as $acc
            }
            #[inline(always)]
            fn to_mean_acc(self) -> f64 {
                self as f64
            }
            #[inline]
            fn mean_div(sum: f64, n: usize) -> f64 {
                sum / n as f64
            }
            #[inline(always)]
            fn var_term(x: f64, m: f64) -> f64 {
                let d = x - m;
                d * d
            }
        }
    };
}
sum_int!(i8, i64);
sum_int!(i16, i64);
sum_int!(i32, i64);
sum_int!(i64, i64);
sum_int!(u8, u64);
sum_int!(u16, u64);
sum_int!(u32, u64);
sum_int!(u64, u64);

impl SumElement for bool {}
impl SumImpl for bool {
    type Sum = i64;
    type Mean = f64;
    type Var = f64;
    const CAST_MEAN: bool = true;
    #[inline(always)]
    fn to_sum_acc(self) -> i64 {
        self as i64
    }
    #[inline(always)]
    fn to_mean_acc(self) -> f64 {
        self as u8 as f64
    }
    #[inline]
    fn mean_div(sum: f64, n: usize) -> f64 {
        sum / n as f64
    }
    #[inline(always)]
    fn var_term(x: f64, m: f64) -> f64 {
        let d = x - m;
        d * d
    }
}

impl SumElement for f32 {}
impl SumImpl for f32 {
    type Sum = f32;
    type Mean = f32;
    type Var = f32;
    const CAST_MEAN: bool = false;
    #[inline(always)]
    fn to_sum_acc(self) -> f32 {
        self
    }
    #[inline(always)]
    fn to_mean_acc(self) -> f32 {
        self
    }
    #[inline]
    fn mean_div(sum: f32, n: usize) -> f32 {
        // NumPy divides a float32 by an intp scalar: the loop runs in float64.
        (sum as f64 / n as f64) as f32
    }
    #[inline(always)]
    fn var_term(x: f32, m: f32) -> f32 {
        let d = x - m;
        d * d
    }
}

impl SumElement for f64 {}
impl SumImpl for f64 {
    type Sum = f64;
    type Mean = f64;
    type Var = f64;
    const CAST_MEAN: bool = false;
    #[inline(always)]
    fn to_sum_acc(self) -> f64 {
        self
    }
    #[inline(always)]
    fn to_mean_acc(self) -> f64 {
        self
    }
    #[inline]
    fn mean_div(sum: f64, n: usize) -> f64 {
        sum / n as f64
    }
    #[inline(always)]
    fn var_term(x: f64, m: f64) -> f64 {
        let d = x - m;
        d * d
    }
}

/// NumPy's complex division `a / (n + 0j)` in `complex128` (Smith's
/// algorithm with a zero imaginary divisor: `(ar + ai*0) * (1/n)`).
#[inline]
fn cdiv_count(a: Complex64, n: usize) -> Complex64 {
    crate::element::Numeric::div(a, Complex64::new(n as f64, 0.0))
}

impl SumElement for Complex32 {}
impl SumImpl for Complex32 {
    type Sum = Complex32;
    type Mean = Complex32;
    type Var = f32;
    const CAST_MEAN: bool = false;
    #[inline(always)]
    fn to_sum_acc(self) -> Complex32 {
        self
    }
    #[inline(always)]
    fn to_mean_acc(self) -> Complex32 {
        self
    }
    #[inline]
    fn mean_div(sum: Complex32, n: usize) -> Complex32 {
        // complex64 / intp runs in complex128, then is stored back.
        let q = cdiv_count(Complex64::new(sum.re as f64, sum.im as f64), n);
        Complex32::new(q.re as f32, q.im as f32)
    }
    #[inline(always)]
    fn var_term(x: Complex32, m: Complex32) -> f32 {
        let (dr, di) = (x.re - m.re, x.im - m.im);
        dr * dr + di * di
    }
}

impl SumElement for Complex64 {}
impl SumImpl for Complex64 {
    type Sum = Complex64;
    type Mean = Complex64;
    type Var = f64;
    const CAST_MEAN: bool = false;
    #[inline(always)]
    fn to_sum_acc(self) -> Complex64 {
        self
    }
    #[inline(always)]
    fn to_mean_acc(self) -> Complex64 {
        self
    }
    #[inline]
    fn mean_div(sum: Complex64, n: usize) -> Complex64 {
        cdiv_count(sum, n)
    }
    #[inline(always)]
    fn var_term(x: Complex64, m: Complex64) -> f64 {
        let (dr, di) = (x.re - m.re, x.im - m.im);
        dr * dr + di * di
    }
}

/// Element types that `min`, `max`, `argmin` and `argmax` accept: all
/// thirteen, with NumPy's ordering (`false < true`; complex numbers compare
/// by real part, then imaginary part; NaN propagates: it is the result of
/// `max` and `min`, and the position `argmax`/`argmin` report).
///
/// ```
/// use numox::prelude::*;
/// let a = array![1.0, f64::NAN, 3.0];
/// assert!(a.max().unwrap().is_nan());
/// assert_eq!(a.argmax().unwrap(), 1);
/// ```
pub trait MinMaxElement: MinMaxImpl {}

/// Per-type operations behind [`MinMaxElement`] (sealed; numox-internal).
pub trait MinMaxImpl: Element {
    /// NumPy's `maximum(a, b)`: `a` when `a >= b` or `a` is NaN, else `b`.
    fn maximum(a: Self, b: Self) -> Self;
    /// NumPy's `minimum(a, b)`.
    fn minimum(a: Self, b: Self) -> Self;
    /// `true` for a NaN (either part for complex).
    fn isnan(self) -> bool;
    /// `argmax`'s update test: `x` replaces the current best `m`.
    fn gt_or_nan(x: Self, m: Self) -> bool;
    /// `argmin`'s update test.
    fn lt_or_nan(x: Self, m: Self) -> bool;
    /// Folds each of `rows` (all of `d`'s length) in turn into `d` with
    /// `maximum` (`max`) or `minimum` by a kernel of this type's own,
    /// returning `false` (nothing done) when it has none for this CPU and
    /// the generic fold should run.
    fn fold_extreme(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool {
        let _ = (d, rows, max);
        false
    }
    /// The index of the first maximum (`max`) or minimum of a slice in one
    /// vectorised pass, or `None` (nothing found) when the slice holds a
    /// NaN or is short, or the type has no such pass: the caller's search
    /// answers then.
    fn arg_extreme(s: &[Self], max: bool) -> Option<usize> {
        let _ = (s, max);
        None
    }
    /// The maximum of a non-empty run (NaN if any element is NaN: the first one).
    fn max_run(src: Src<'_, Self>) -> Self {
        let mut m = *src.get(0);
        for i in 1..src.len() {
            m = Self::maximum(m, *src.get(i));
        }
        m
    }
    /// The minimum of a non-empty run.
    fn min_run(src: Src<'_, Self>) -> Self {
        let mut m = *src.get(0);
        for i in 1..src.len() {
            m = Self::minimum(m, *src.get(i));
        }
        m
    }
}

macro_rules! minmax_int {
    ($($t:ty),*) => {$(
        impl MinMaxElement for $t {}
        impl MinMaxImpl for $t {
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self { if a > b { a } else { b } }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self { if a < b { a } else { b } }
            #[inline(always)]
            fn isnan(self) -> bool { false }
            #[inline(always)]
            fn gt_or_nan(x: Self, m: Self) -> bool { x > m }
            #[inline(always)]
            fn lt_or_nan(x: Self, m: Self) -> bool { x < m }
            fn max_run(src: Src<'_, Self>) -> Self {
                match src.as_slice() {
                    Some(s) => s.iter().copied().fold(s[0], |m, x| if x > m { x } else { m }),
                    None => (1..src.len()).fold(*src.get(0), |m, i| { let x = *src.get(i); if x > m { x } else { m } }),
                }
            }
            fn min_run(src: Src<'_, Self>) -> Self {
                match src.as_slice() {
                    Some(s) => s.iter().copied().fold(s[0], |m, x| if x < m { x } else { m }),
                    None => (1..src.len()).fold(*src.get(0), |m, i| { let x = *src.get(i); if x < m { x } else { m } }),
                }
            }
        }
    )*};
}
minmax_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl MinMaxElement for bool {}
impl MinMaxImpl for bool {
    #[inline(always)]
    fn maximum(a: Self, b: Self) -> Self {
        a | b
    }
    #[inline(always)]
    fn minimum(a: Self, b: Self) -> Self {
        a & b
    }
    #[inline(always)]
    fn isnan(self) -> bool {
        false
    }
    #[inline(always)]
    fn gt_or_nan(x: Self, m: Self) -> bool {
        x & !m
    }
    #[inline(always)]
    fn lt_or_nan(x: Self, m: Self) -> bool {
        !x & m
    }
}

/// Maximum of a float slice: eight lanes of a plain `max` (which
/// vectorises) and a NaN flag; if a NaN was seen, the first NaN is returned.
macro_rules! minmax_float {
    ($($t:ty),*) => {$(
        impl MinMaxElement for $t {}
        impl MinMaxImpl for $t {
            // NumPy's `a >= b || a is NaN ? a : b`, written as `b > a ? b : a`
            // (one `maxpd`, which returns its second operand on ties, on
            // zeros of either sign and on NaN) followed by taking `b` where
            // only `b` is NaN: the same value bit for bit, NaN payloads
            // included, in half the vector instructions (see the test
            // `maximum_is_numpys_formula_bit_for_bit`).
            #[inline(always)]
            fn maximum(a: Self, b: Self) -> Self {
                let m = if b > a { b } else { a };
                if b.is_nan() & !a.is_nan() { b } else { m }
            }
            #[inline(always)]
            fn minimum(a: Self, b: Self) -> Self {
                let m = if b < a { b } else { a };
                if b.is_nan() & !a.is_nan() { b } else { m }
            }
            #[inline(always)]
            fn isnan(self) -> bool { self.is_nan() }
            #[inline(always)]
            #[allow(clippy::neg_cmp_op_on_partial_ord)] // NumPy's test, true for NaN
            fn gt_or_nan(x: Self, m: Self) -> bool { !(x <= m) }
            #[inline(always)]
            #[allow(clippy::neg_cmp_op_on_partial_ord)] // NumPy's test, true for NaN
            fn lt_or_nan(x: Self, m: Self) -> bool { !(x >= m) }
            fn arg_extreme(s: &[Self], max: bool) -> Option<usize> {
                if max { float_arg_extreme::<Self, true>(s) } else { float_arg_extreme::<Self, false>(s) }
            }
            fn fold_extreme(d: &mut [Self], rows: &[&[Self]], max: bool) -> bool {
                <Self as super::float_fold::FloatFold>::fold(d, rows, max)
            }
            fn max_run(src: Src<'_, Self>) -> Self {
                float_extreme::<Self, true>(src)
            }
            fn min_run(src: Src<'_, Self>) -> Self {
                float_extreme::<Self, false>(src)
            }
        }
    )*};
}
minmax_float!(f32, f64);

/// The extremes of `K` runs of the same (non-zero) length, each with a NaN
/// flag: `L` lanes of a plain `max`/`min` per run (which vectorise to
/// `maxpd`/`minpd`), the runs read together.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn lanes_extreme_runs<T: num_traits::Float, const MAX: bool, const K: usize, const L: usize>(
    runs: [&[T]; K],
) -> [(T, bool); K] {
    let n = runs[0].len();
    // Re-sliced to `n`, so the indexing below needs no bounds checks.
    let runs = runs.map(|r| &r[..n]);
    let mut lanes = runs.map(|r| [r[0]; L]);
    // NaN flags as full-width integers, so they live in vector registers
    // beside the lanes (a `bool` array would be packed to bytes every step).
    let mut nan = [[0u64; L]; K];
    let full = n / L * L;
    for i in (0..full).step_by(L) {
        for k in 0..K {
            // A slice of known length `L`: the lane loop has no bounds checks.
            let chunk = &runs[k][i..i + L];
            for j in 0..L {
                let x = chunk[j];
                nan[k][j] |= x.is_nan() as u64;
                let take = if MAX { x > lanes[k][j] } else { x < lanes[k][j] };
                lanes[k][j] = if take { x } else { lanes[k][j] };
            }
        }
    }
    std::array::from_fn(|k| {
        let mut any_nan = nan[k].iter().any(|&b| b != 0);
        let mut m = lanes[k][0];
        for &x in lanes[k][1..].iter().chain(&runs[k][full..]) {
            any_nan |= x.is_nan();
            if (MAX && x > m) || (!MAX && x < m) {
                m = x;
            }
        }
        (m, any_nan)
    })
}

/// Runs from this length are read as four quarters at once: four streams
/// keep more memory requests in flight than one (a standalone test of the
/// maximum of 10^7 doubles on one AMD Zen 3 thread: 4.4 ms one stream,
/// 3.3 ms four).
const FOUR_STREAMS_MIN: usize = 1 << 12;

/// The extreme of a non-empty slice and whether it holds a NaN.
#[inline(always)]
fn lanes_extreme<T: num_traits::Float, const MAX: bool>(s: &[T]) -> (T, bool) {
    if s.len() < FOUR_STREAMS_MIN {
        return lanes_extreme_runs::<T, MAX, 1, 8>([s])[0];
    }
    // Four quarters, then the few elements left over; the extreme value
    // does not depend on the grouping (the NaN case is settled by the caller).
    let q = s.len() / 4;
    let quarters = [&s[..q], &s[q..2 * q], &s[2 * q..3 * q], &s[3 * q..4 * q]];
    let parts = if std::mem::size_of::<T>() == 4 {
        lanes_extreme_runs::<T, MAX, 4, 8>(quarters)
    } else {
        lanes_extreme_runs::<T, MAX, 4, 4>(quarters)
    };
    let (mut m, mut any_nan) = parts[0];
    let rest = parts[1..]
        .iter()
        .copied()
        .chain(s[4 * q..].iter().map(|&x| (x, x.is_nan())));
    for (x, nan) in rest {
        any_nan |= nan;
        if (MAX && x > m) || (!MAX && x < m) {
            m = x;
        }
    }
    (m, any_nan)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn lanes_extreme_avx2<T: num_traits::Float, const MAX: bool>(s: &[T]) -> (T, bool) {
    lanes_extreme::<T, MAX>(s)
}

/// The first index of the maximum (`MAX`) or minimum of `s` in one pass:
/// each of `L` lanes keeps its best value and the chunk it came from
/// (replacing only on strictly better, so the first in that lane), then the
/// lowest index among the lanes and the tail that hold the extreme is the
/// first one in the slice (`-0.0 == 0.0`, as NumPy's `>` scan sees them).
/// `None` when a NaN occurs (NumPy's answer is then the first NaN).
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn lanes_arg_extreme<T: num_traits::Float, const MAX: bool, const L: usize>(s: &[T]) -> Option<usize> {
    let chunks = s.len() / L;
    if chunks == 0 {
        return None;
    }
    let mut best = [s[0]; L];
    best.copy_from_slice(&s[..L]);
    let mut at = [0u64; L];
    let mut nan = [0u64; L];
    for j in 0..L {
        nan[j] |= best[j].is_nan() as u64;
    }
    for c in 1..chunks {
        // A slice of known length `L`: the lane loop has no bounds checks.
        let chunk = &s[c * L..c * L + L];
        for j in 0..L {
            let x = chunk[j];
            nan[j] |= x.is_nan() as u64;
            let take = if MAX { x > best[j] } else { x < best[j] };
            best[j] = if take { x } else { best[j] };
            at[j] = if take { c as u64 } else { at[j] };
        }
    }
    let tail = chunks * L;
    if nan.iter().any(|&b| b != 0) || s[tail..].iter().any(|x| x.is_nan()) {
        return None;
    }
    let better = |x: T, m: T| if MAX { x > m } else { x < m };
    let mut m = best[0];
    for &x in best[1..].iter().chain(&s[tail..]) {
        if better(x, m) {
            m = x;
        }
    }
    let lanes = (0..L).filter(|&j| best[j] == m).map(|j| at[j] as usize * L + j);
    let tail_hit = s[tail..].iter().position(|&x| x == m).map(|i| tail + i);
    lanes.chain(tail_hit).min()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn lanes_arg_extreme_avx2<T: num_traits::Float, const MAX: bool, const L: usize>(s: &[T]) -> Option<usize> {
    lanes_arg_extreme::<T, MAX, L>(s)
}

/// [`lanes_arg_extreme`] with eight lanes, built for AVX2 when the CPU has it.
fn float_arg_extreme<T: num_traits::Float, const MAX: bool>(s: &[T]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2 (checked at run time just above).
        return unsafe { lanes_arg_extreme_avx2::<T, MAX, 8>(s) };
    }
    lanes_arg_extreme::<T, MAX, 8>(s)
}

/// The maximum (`MAX`) or minimum of a non-empty float run with NaN
/// propagation: the first NaN if there is one.
fn float_extreme<T: num_traits::Float, const MAX: bool>(src: Src<'_, T>) -> T {
    let first_nan = |src: Src<'_, T>| (0..src.len()).map(|i| *src.get(i)).find(|x| x.is_nan());
    if let Some(s) = src.as_slice() {
        #[cfg(target_arch = "x86_64")]
        let (m, nan) = if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked at run time just above).
            unsafe { lanes_extreme_avx2::<T, MAX>(s) }
        } else {
            lanes_extreme::<T, MAX>(s)
        };
        #[cfg(not(target_arch = "x86_64"))]
        let (m, nan) = lanes_extreme::<T, MAX>(s);
        return if nan { first_nan(src).unwrap_or(m) } else { m };
    }
    let mut m = *src.get(0);
    for i in 0..src.len() {
        let x = *src.get(i);
        if x.is_nan() {
            return x;
        }
        if (MAX && x > m) || (!MAX && x < m) {
            m = x;
        }
    }
    m
}

macro_rules! minmax_complex {
    ($($t:ty),*) => {$(
        impl MinMaxElement for Complex<$t> {}
        impl MinMaxImpl for Complex<$t> {
            #[inline]
            fn maximum(a: Self, b: Self) -> Self {
                // NumPy: CGE(a, b) || isnan(a.re) || isnan(a.im) ? a : b
                let ge = (a.re > b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im >= b.im);
                if ge || a.re.is_nan() || a.im.is_nan() { a } else { b }
            }
            #[inline]
            fn minimum(a: Self, b: Self) -> Self {
                let le = (a.re < b.re && !a.im.is_nan() && !b.im.is_nan()) || (a.re == b.re && a.im <= b.im);
                if le || a.re.is_nan() || a.im.is_nan() { a } else { b }
            }
            #[inline]
            fn isnan(self) -> bool { self.re.is_nan() || self.im.is_nan() }
            #[inline]
            fn gt_or_nan(x: Self, m: Self) -> bool {
                x.re > m.re || (x.re == m.re && x.im > m.im) || x.re.is_nan() || x.im.is_nan()
            }
            #[inline]
            fn lt_or_nan(x: Self, m: Self) -> bool {
                x.re < m.re || (x.re == m.re && x.im < m.im) || x.re.is_nan() || x.im.is_nan()
            }
        }
    )*};
}
minmax_complex!(f32, f64);
