//! Rust half of `bench/run`: times numox on the same workloads and inputs as
//! `bench/python/bench_numpy.py` and prints one JSON line per workload:
//! `{"name", "ms" (best sample), "check" (checksum of the result)}`.
//!
//! Usage: `numox-bench [--list] [--filter REGEX-ish substring] [--exact NAME]`.

use numox::prelude::*;
use std::hint::black_box;
use std::time::Instant;

mod inputs;
mod linalg;
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

fn workloads() -> Vec<Workload> {
    let mut w: Vec<Workload> = vec![
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
        ("sum_all_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.sum()))
        }),
        ("sum_axis0_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.sum_axis(0).expect("valid axis")[[0]]))
        }),
        ("sum_axis1_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.sum_axis(1).expect("valid axis")[[0]]))
        }),
        ("mean_all_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.mean()))
        }),
        ("mean_axis0_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.mean_axis(0).expect("valid axis")[[0]]))
        }),
        ("mean_axis1_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.mean_axis(1).expect("valid axis")[[0]]))
        }),
        ("std_all_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.std(0)))
        }),
        ("std_axis0_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.std_axis(0, 0).expect("valid axis")[[0]]))
        }),
        ("std_axis1_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.std_axis(1, 0).expect("valid axis")[[0]]))
        }),
        ("max_all_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.max().expect("non-empty")))
        }),
        ("max_axis0_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.max_axis(0).expect("valid axis")[[0]]))
        }),
        ("max_axis1_4000x2500", || {
            let m = mat(4, 4000, 2500);
            Box::new(move || black_box(m.max_axis(1).expect("valid axis")[[0]]))
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
    ];
    w.extend(linalg::workloads());
    w
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
        name if name.ends_with("_4000x2500") && !name.starts_with("outer") => {
            let m = mat(4, 4000, 2500);
            let (op, axis) = name.split_once('_').expect("op_axis_shape");
            let axis = axis.split('_').next().expect("axis");
            let r: Array<f64> = match (op, axis) {
                ("sum", "all") => Array::from_elem0(m.sum()),
                ("mean", "all") => Array::from_elem0(m.mean()),
                ("std", "all") => Array::from_elem0(m.std(0)),
                ("max", "all") => Array::from_elem0(m.max().expect("non-empty")),
                (op, ax) => {
                    let ax: isize = if ax == "axis0" { 0 } else { 1 };
                    match op {
                        "sum" => m.sum_axis(ax),
                        "mean" => m.mean_axis(ax),
                        "std" => m.std_axis(ax, 0),
                        _ => m.max_axis(ax),
                    }
                    .expect("valid axis")
                }
            };
            checksum(&r)
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
        _ => linalg::check(name).unwrap_or(f64::NAN),
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
