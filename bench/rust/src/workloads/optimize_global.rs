//! sciox.optimize global optimizers against scipy.optimize: differential
//! evolution and dual annealing with fixed seeds (both sides make the same
//! random draws, so they do the same work; the checksum includes `nfev`),
//! and DIRECT (deterministic: the same evaluations as SciPy's).

use super::{Out, Workload};
use sciox::optimize::{
    DifferentialEvolutionOptions, DirectOptions, DualAnnealingOptions, differential_evolution, direct,
    dual_annealing, rosen,
};

fn rastrigin(x: &[f64]) -> f64 {
    let mut s = 10.0 * x.len() as f64;
    for &v in x {
        s += v * v - 10.0 * (2.0 * std::f64::consts::PI * v).cos();
    }
    s
}

fn with_nfev(mut x: Vec<f64>, nfev: usize) -> Out {
    x.push(nfev as f64);
    Out::from(x)
}

fn de_rosen5() -> Box<dyn FnMut() -> Out> {
    Box::new(|| {
        let o = DifferentialEvolutionOptions {
            seed: Some(7),
            ..Default::default()
        };
        let r = differential_evolution(rosen, [(0.0, 2.0); 5], &o, None).expect("valid problem");
        with_nfev(r.x, r.nfev)
    })
}

fn de_rastrigin10() -> Box<dyn FnMut() -> Out> {
    Box::new(|| {
        let o = DifferentialEvolutionOptions {
            seed: Some(1),
            maxiter: 100,
            polish: false,
            ..Default::default()
        };
        let r = differential_evolution(rastrigin, [(-5.12, 5.12); 10], &o, None).expect("valid problem");
        with_nfev(vec![r.fun], r.nfev)
    })
}

fn direct_rastrigin10() -> Box<dyn FnMut() -> Out> {
    Box::new(|| {
        // vol_tol = 0: the volume test would end a 10-D run after ~550 calls
        let o = DirectOptions {
            vol_tol: 0.0,
            ..Default::default()
        };
        let r = direct(rastrigin, [(-4.0, 5.12); 10], &o).expect("valid problem");
        with_nfev(vec![r.fun], r.nfev)
    })
}

fn dual_annealing_rastrigin() -> Box<dyn FnMut() -> Out> {
    Box::new(|| {
        let o = DualAnnealingOptions {
            seed: Some(42),
            ..Default::default()
        };
        let r = dual_annealing(rastrigin, [(-5.12, 5.12); 2], &o, None).expect("valid problem");
        with_nfev(vec![r.fun.round()], r.nfev)
    })
}

pub fn workloads() -> Vec<Workload> {
    vec![
        ("de_rosen5", de_rosen5),
        ("de_rastrigin10", de_rastrigin10),
        ("direct_rastrigin10", direct_rastrigin10),
        ("dual_annealing_rastrigin", dual_annealing_rastrigin),
    ]
}
