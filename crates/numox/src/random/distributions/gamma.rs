//! The standard gamma: Marsaglia and Tsang's method for shape > 1, Johnk-type
//! rejection for shape < 1, the exponential for shape == 1 (NumPy's
//! `random_standard_gamma`).

use super::exponential::{standard_exponential, standard_exponential_f32};
use super::normal::{standard_normal, standard_normal_f32};
use crate::random::BitGenerator;
use crate::random::bit_generator::next_float;

/// NumPy's `random_standard_gamma` (f64).
#[inline]
pub(crate) fn standard_gamma<B: BitGenerator + ?Sized>(bg: &mut B, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = bg.next_double();
            let v = standard_exponential(bg);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (x, mut v) = loop {
            let x = standard_normal(bg);
            let v = 1.0 + c * x;
            if v > 0.0 {
                break (x, v);
            }
        };
        v = v * v * v;
        let u = bg.next_double();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}

/// NumPy's `random_standard_gamma_f` (f32 arithmetic throughout).
#[inline]
pub(crate) fn standard_gamma_f32<B: BitGenerator + ?Sized>(bg: &mut B, shape: f32) -> f32 {
    if shape == 1.0 {
        return standard_exponential_f32(bg);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = next_float(bg);
            let v = standard_exponential_f32(bg);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (x, mut v) = loop {
            let x = standard_normal_f32(bg);
            let v = 1.0 + c * x;
            if v > 0.0 {
                break (x, v);
            }
        };
        v = v * v * v;
        let u = next_float(bg);
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}
