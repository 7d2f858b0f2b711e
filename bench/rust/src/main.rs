//! Rust half of `bench/run`: times numox on the same workloads and inputs as
//! `bench/python/bench_numpy.py` and prints one JSON line per workload:
//! `{"name", "ms" (best sample), "check" (checksum of the result)}`.
//!
//! Usage: `numox-bench [--list] [--filter REGEX-ish substring] [--exact NAME]`.

use numox::prelude::*;
use std::hint::black_box;
use std::time::Instant;

mod inputs;
use inputs::mat;

/// A workload: builds its inputs (untimed) and returns the timed closure,
/// which yields a checksum of its result.
type Workload = (&'static str, fn() -> Box<dyn FnMut() -> f64>);

fn checksum<S: numox::array::Data<Elem = f64>>(a: &ArrayBase<S>) -> f64 {
    a.iter().sum()
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
