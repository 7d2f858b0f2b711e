//! numox.fft: the issue-4 speed targets (complex 2^20, real 2^22, 2-D
//! 2048x2048, real 3-D 256^3 and the prime length 1,000,003).

use super::{Out, Workload};
use crate::inputs::splitmix_f64;
use numox::prelude::*;

/// `n` complex values: real parts from stream `seed`, imaginary from `seed + 1`
/// (`cvec` in `bench/python/workloads/fft.py`).
fn cvec(seed: u64, shape: &[usize]) -> Array<Complex64> {
    let n = shape.iter().product();
    let (re, im) = (splitmix_f64(seed, n), splitmix_f64(seed + 1, n));
    let v = re.into_iter().zip(im).map(|(r, i)| Complex::new(r, i)).collect();
    Array::from_shape_vec(shape, v).expect("size matches")
}

/// `n` real values from stream `seed`, shaped.
fn rvec(seed: u64, shape: &[usize]) -> Array<f64> {
    let n = shape.iter().product();
    Array::from_shape_vec(shape, splitmix_f64(seed, n)).expect("size matches")
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("fft_2p20", || {
            let x = cvec(20, &[1 << 20]);
            Box::new(move || Out::from(numox::fft::fft(&x).expect("fft")))
        }),
        ("rfft_2p22", || {
            let x = rvec(22, &[1 << 22]);
            Box::new(move || Out::from(numox::fft::rfft(&x).expect("rfft")))
        }),
        ("fft2_2048", || {
            let x = cvec(23, &[2048, 2048]);
            Box::new(move || Out::from(numox::fft::fft2(&x).expect("fft2")))
        }),
        ("rfftn_256cubed", || {
            let x = rvec(25, &[256, 256, 256]);
            Box::new(move || Out::from(numox::fft::rfftn(&x).expect("rfftn")))
        }),
        ("fft_prime_1000003", || {
            let x = cvec(26, &[1_000_003]);
            Box::new(move || Out::from(numox::fft::fft(&x).expect("fft")))
        }),
    ]
}
