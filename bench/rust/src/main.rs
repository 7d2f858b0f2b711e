//! Rust half of `bench/run`: times numox on the same workloads and inputs as
//! `bench/python/bench_numpy.py` and prints one JSON line per workload:
//! `{"name", "ms" (best sample), "check" (checksum of the result)}`.
//!
//! Usage: `numox-bench [--list] [--filter REGEX-ish substring] [--exact NAME]`.

use numox::prelude::*;
use std::hint::black_box;
use std::time::Instant;

mod inputs;
use inputs::{mat, vec};

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        TempFile(std::env::temp_dir().join(format!("numox_bench_{}_{name}", std::process::id())))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A workload: builds its inputs (untimed) and returns the timed closure,
/// which yields a checksum of its result.
type Workload = (&'static str, fn() -> Box<dyn FnMut() -> f64>);

fn checksum<S: numox::array::Data<Elem = f64>>(a: &ArrayBase<S>) -> f64 {
    a.iter().sum()
}

// sciox.integrate workloads: the integrands and right-hand sides of
// bench/python/bench_numpy.py, as Rust closures.
mod integrate {
    use sciox::integrate::{IvpOptions, Jacobian, Method, QuadOptions, quad, solve_ivp};

    pub fn quad_gauss_inf() -> f64 {
        quad(
            |x: f64| (-x * x).exp(),
            f64::NEG_INFINITY,
            f64::INFINITY,
            &QuadOptions::default(),
        )
        .expect("valid")
        .value
    }

    pub fn dblquad_smooth() -> f64 {
        let f = |y: f64, x: f64| (x + y).cos() * (-0.5 * x * y).exp();
        sciox::integrate::dblquad(f, 0.0, 2.0, |_x| 0.0, |x| 1.0 + x, 1.49e-8, 1.49e-8)
            .expect("valid")
            .value
    }

    pub fn quad_sinc_0_100() -> f64 {
        let sinc = |x: f64| if x != 0.0 { x.sin() / x } else { 1.0 };
        quad(sinc, 0.0, 100.0, &QuadOptions::default())
            .expect("valid")
            .value
    }

    fn vdp(mu: f64) -> impl FnMut(f64, &[f64], &mut [f64]) {
        move |_t, y, d| {
            d[0] = y[1];
            d[1] = mu * (1.0 - y[0] * y[0]) * y[1] - y[0];
        }
    }

    /// y[0] at the end of the integration, rounded to 2 decimals: the two
    /// sides agree on it (they take the same steps up to rounding).
    pub fn vdp_end(mu: f64, t_end: f64, method: Method, jac: bool) -> f64 {
        let mut opts = IvpOptions {
            method,
            ..Default::default()
        };
        if jac {
            opts.jac = Some(Jacobian::Function(Box::new(
                move |_t, y: &[f64], j: &mut [f64]| {
                    j[0] = 0.0;
                    j[1] = 1.0;
                    j[2] = -2.0 * mu * y[0] * y[1] - 1.0;
                    j[3] = mu * (1.0 - y[0] * y[0]);
                },
            )));
        }
        let r = solve_ivp(vdp(mu), (0.0, t_end), &[2.0, 0.0], opts).expect("valid");
        let m = r.t.len();
        (r.y[[0, m - 1]] * 100.0).round() / 100.0
    }
}

fn workloads() -> Vec<Workload> {
    vec![
        ("transpose_copy_4000x4000", || {
            let t = mat(5, 4000, 4000);
            Box::new(move || {
                let c = t.t().to_owned();
                black_box(c[[0, 1]])
            })
        }),
        ("strided_copy_4000x4000", || {
            let t = mat(5, 4000, 4000);
            Box::new(move || {
                let c = t.slice(s![..;2, ..;3]).to_owned();
                black_box(c[[0, 0]])
            })
        }),
        ("outer_add_4000x2500", || {
            let (col, row) = (mat(6, 4000, 1), mat(7, 1, 2500));
            Box::new(move || {
                let c = col.zip_with(&row, |a, b| a + b).expect("shapes broadcast");
                black_box(c[[0, 0]])
            })
        }),
        ("npy_write_1e7", || {
            let (a, f) = (vec(8), TempFile::new("w.npy"));
            Box::new(move || {
                numox::save_npy(&f.0, &a).expect("npy write");
                black_box(a[[0]])
            })
        }),
        ("npy_read_1e7", || {
            let f = TempFile::new("r.npy");
            numox::save_npy(&f.0, &vec(8)).expect("npy write");
            Box::new(move || {
                let b = numox::load_npy_as::<f64>(&f.0).expect("npy read");
                black_box(b[[0]])
            })
        }),
        // numox.random: a fresh default_rng(42) per call, so both sides draw the
        // very same numbers (the checksums agree to the last bit of the sum order).
        ("random_1e7", || {
            Box::new(|| black_box(numox::random::default_rng(42).random(10_000_000)[[0]]))
        }),
        ("standard_normal_1e7", || {
            Box::new(|| black_box(numox::random::default_rng(42).standard_normal(10_000_000)[[0]]))
        }),
        ("integers_0_1000_1e7", || {
            Box::new(|| {
                let x = numox::random::default_rng(42).integers::<i64>(0, 1000, 10_000_000, false);
                black_box(x.expect("valid bounds")[[0]] as f64)
            })
        }),
        ("standard_exponential_1e7", || {
            Box::new(|| black_box(numox::random::default_rng(42).standard_exponential(10_000_000)[[0]]))
        }),
        ("gamma_2_1e6", || {
            Box::new(|| {
                black_box(
                    numox::random::default_rng(42)
                        .gamma(2.0, 1.0, 1_000_000)
                        .expect("valid")[[0]],
                )
            })
        }),
        ("quad_gauss_inf", || {
            Box::new(|| black_box(integrate::quad_gauss_inf()))
        }),
        ("quad_sinc_0_100", || {
            Box::new(|| black_box(integrate::quad_sinc_0_100()))
        }),
        ("ivp_vdp1_rk45", || {
            Box::new(|| {
                black_box(integrate::vdp_end(
                    1.0,
                    20.0,
                    sciox::integrate::Method::RK45,
                    false,
                ))
            })
        }),
        ("ivp_vdp1_dop853", || {
            Box::new(|| {
                black_box(integrate::vdp_end(
                    1.0,
                    20.0,
                    sciox::integrate::Method::DOP853,
                    false,
                ))
            })
        }),
        ("ivp_vdp1000_radau", || {
            Box::new(|| {
                black_box(integrate::vdp_end(
                    1000.0,
                    3000.0,
                    sciox::integrate::Method::Radau,
                    true,
                ))
            })
        }),
        ("ivp_vdp1000_bdf", || {
            Box::new(|| {
                black_box(integrate::vdp_end(
                    1000.0,
                    3000.0,
                    sciox::integrate::Method::BDF,
                    true,
                ))
            })
        }),
        ("ivp_vdp_lsoda", || {
            Box::new(|| {
                black_box(integrate::vdp_end(
                    1000.0,
                    3000.0,
                    sciox::integrate::Method::LSODA,
                    true,
                ))
            })
        }),
        ("dblquad_smooth", || {
            Box::new(|| black_box(integrate::dblquad_smooth()))
        }),
    ]
}

/// The checksum of each workload's result, computed once outside the timing.
fn final_check(name: &str) -> f64 {
    match name {
        "transpose_copy_4000x4000" => checksum(&mat(5, 4000, 4000).t().to_owned()),
        "strided_copy_4000x4000" => checksum(&mat(5, 4000, 4000).slice(s![..;2, ..;3]).to_owned()),
        "outer_add_4000x2500" => {
            let (col, row) = (mat(6, 4000, 1), mat(7, 1, 2500));
            checksum(&col.zip_with(&row, |a, b| a + b).expect("shapes broadcast"))
        }
        "npy_write_1e7" | "npy_read_1e7" => checksum(&vec(8)),
        "random_1e7" => checksum(&numox::random::default_rng(42).random(10_000_000)),
        "standard_normal_1e7" => checksum(&numox::random::default_rng(42).standard_normal(10_000_000)),
        "integers_0_1000_1e7" => {
            let x = numox::random::default_rng(42).integers::<i64>(0, 1000, 10_000_000, false);
            checksum(&x.expect("valid bounds").astype::<f64>())
        }
        "standard_exponential_1e7" => {
            checksum(&numox::random::default_rng(42).standard_exponential(10_000_000))
        }
        "gamma_2_1e6" => checksum(
            &numox::random::default_rng(42)
                .gamma(2.0, 1.0, 1_000_000)
                .expect("valid"),
        ),
        "quad_gauss_inf" => integrate::quad_gauss_inf(),
        "quad_sinc_0_100" => integrate::quad_sinc_0_100(),
        "dblquad_smooth" => integrate::dblquad_smooth(),
        "ivp_vdp1_rk45" => integrate::vdp_end(1.0, 20.0, sciox::integrate::Method::RK45, false),
        "ivp_vdp1_dop853" => integrate::vdp_end(1.0, 20.0, sciox::integrate::Method::DOP853, false),
        "ivp_vdp1000_radau" => integrate::vdp_end(1000.0, 3000.0, sciox::integrate::Method::Radau, true),
        "ivp_vdp1000_bdf" => integrate::vdp_end(1000.0, 3000.0, sciox::integrate::Method::BDF, true),
        "ivp_vdp_lsoda" => integrate::vdp_end(1000.0, 3000.0, sciox::integrate::Method::LSODA, true),
        _ => f64::NAN,
    }
}

fn best_ms(f: &mut dyn FnMut() -> f64) -> f64 {
    black_box(f());
    let t0 = Instant::now();
    black_box(f());
    let t = t0.elapsed().as_secs_f64();
    let number = if t < 0.02 { ((0.02 / t) as usize).max(1) } else { 1 };
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 5 || (samples.len() < 15 && start.elapsed().as_secs_f64() < 2.0) {
        let t0 = Instant::now();
        for _ in 0..number {
            black_box(f());
        }
        samples.push(t0.elapsed().as_secs_f64() / number as f64);
    }
    samples.into_iter().fold(f64::INFINITY, f64::min) * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut list = false;
    let mut filter = String::new();
    let mut exact: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--list" => list = true,
            "--filter" => {
                i += 1;
                filter = args.get(i).cloned().unwrap_or_default();
            }
            "--exact" => {
                i += 1;
                exact = args.get(i).cloned();
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    for (name, make) in workloads() {
        let selected = match &exact {
            Some(e) => e == name,
            None => filter.is_empty() || name.contains(&filter) || matches_regex_lite(name, &filter),
        };
        if !selected {
            continue;
        }
        if list {
            println!("{name}");
            continue;
        }
        let mut f = make();
        let ms = best_ms(&mut *f);
        drop(f);
        println!(
            "{{\"name\": \"{name}\", \"ms\": {ms}, \"check\": {:e}}}",
            final_check(name)
        );
    }
}

/// `--filter` accepts alternatives separated by `|` (each a substring), which
/// covers what the bench is filtered by without a regex dependency.
fn matches_regex_lite(name: &str, pattern: &str) -> bool {
    pattern.split('|').any(|p| !p.is_empty() && name.contains(p))
}
