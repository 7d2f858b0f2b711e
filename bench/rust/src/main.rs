//! Rust half of `bench/run`: times numox on the same workloads and inputs as
//! `bench/python/bench_numpy.py` and prints one JSON line per workload:
//! `{"name", "ms" (best sample), "check" (checksum of the result)}`.
//!
//! Usage: `numox-bench [--list] [--filter REGEX-ish substring] [--exact NAME]`.

use std::hint::black_box;
use std::time::Instant;

mod inputs;
mod workloads;

fn best_ms(f: &mut dyn FnMut() -> workloads::Out) -> f64 {
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
    for (name, make) in workloads::all() {
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
        let check = f().checksum();
        drop(f);
        println!("{{\"name\": \"{name}\", \"ms\": {ms}, \"check\": {check:e}}}");
    }
}

/// `--filter` accepts alternatives separated by `|` (each a substring), which
/// covers what the bench is filtered by without a regex dependency.
fn matches_regex_lite(name: &str, pattern: &str) -> bool {
    pattern.split('|').any(|p| !p.is_empty() && name.contains(p))
}
