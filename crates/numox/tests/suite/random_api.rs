//! numox.random API behaviour beyond the NumPy value tables: the global
//! legacy state, `size` forms, broadcasting errors, the parallel fill's
//! independence from the thread count, and error paths that leave the
//! stream untouched.

use numox::prelude::*;
use numox::random::{self, RandomState, SeedSequence, default_rng, par_fill};

#[test]
fn module_functions_share_one_global_state() {
    // One test touches the global state, so no other test races with it.
    let _global = crate::common::GLOBAL_RANDOM
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    random::seed(42);
    let a = random::rand(&[3]);
    let b = random::randn(&[3]);
    let c = random::randint(0, 10, 4).unwrap();
    let d = random::beta(0.5, 0.5, 2).unwrap();
    let e = random::poisson(12.0, 2).unwrap();
    let mut rs = RandomState::new(42);
    assert_eq!(a, rs.rand(&[3]));
    assert_eq!(b, rs.randn(&[3]));
    assert_eq!(c, rs.randint::<i64>(0, 10, 4).unwrap());
    assert_eq!(d, rs.beta(0.5, 0.5, 2).unwrap());
    assert_eq!(e, rs.poisson(12.0, 2).unwrap());
    let s = random::get_state();
    assert_eq!(s, rs.get_state());
    // a bad call leaves the global state alone
    assert!(random::normal(0.0, -1.0, 3).is_err());
    assert_eq!(random::get_state(), s);
    random::set_state(&s).unwrap();
    assert_eq!(random::random(2), rs.random_sample(2));
}

#[test]
fn size_forms_give_numpy_shapes() {
    let mut g = default_rng(1);
    assert_eq!(g.random(()).shape(), &[] as &[usize]);
    assert_eq!(g.random(4).shape(), &[4]);
    assert_eq!(g.random([2, 3]).shape(), &[2, 3]);
    assert_eq!(g.random(vec![2, 0, 3]).size(), 0);
    assert_eq!(g.normal(0.0, 1.0, [2, 2]).unwrap().shape(), &[2, 2]);
}

#[test]
fn broadcasting_parameters_and_errors() {
    let mut g = default_rng(3);
    let locs = array![0.0, 10.0, 20.0];
    let scales = array![[1.0], [2.0]];
    let x = g.normal(&locs, &scales, ()).unwrap();
    assert_eq!(x.shape(), &[2, 3]);
    // size must be the broadcast shape (or broadcast to it)
    assert!(g.normal(&locs, 1.0, 2).is_err());
    assert_eq!(g.normal(&locs, 1.0, [4, 3]).unwrap().shape(), &[4, 3]);
    // one bad element anywhere rejects the call before any draw
    let before = g.clone();
    assert!(g.exponential(&array![1.0, -1.0], ()).is_err());
    assert!(g.normal(&locs, &array![[1.0], [-1.0]], ()).is_err());
    assert!(g.poisson(1e19, 3).is_err());
    assert!(g.binomial(10, 1.5, 3).is_err());
    assert!(g.choice(3, 2, true, Some(&[0.2, 0.2, 0.2]), true).is_err());
    assert!(g.choice(0, 2, false, None, true).is_err());
    assert!(g.integers::<u8>(0, 300, 2, false).is_err());
    assert!(g.dirichlet(&[1.0, f64::NAN], 2).is_err());
    assert!(
        g.multivariate_normal(&[0.0, 0.0], &array![[1.0, 2.0], [2.0, 1.0]], 2, "cholesky")
            .is_err()
    );
    assert_eq!(g, before, "errors consumed no draws");
}

#[test]
fn par_fill_is_independent_of_the_thread_count() {
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            par_fill(
                &mut SeedSequence::new(99),
                50_000,
                4096,
                |rng, out: &mut [f64]| {
                    out.copy_from_slice(rng.standard_normal(out.len()).as_slice().unwrap())
                },
            )
        })
    };
    let one = run(1);
    let two = run(2);
    assert_eq!(one, two);
    // chunk k is the k-th spawned child's stream
    let kids = SeedSequence::new(99).spawn(13);
    let mut k1 = random::default_rng_from_seed_sequence(&kids[1]);
    assert_eq!(
        one.slice(s![4096..4106]).to_vec(),
        k1.standard_normal(10).to_vec()
    );
}

#[test]
fn rand_core_ecosystem_runs_on_the_bit_generators() {
    use numox::random::{Mt19937, Pcg64};
    use rand_core::{Rng, SeedableRng};
    fn sum_of<R: Rng>(r: &mut R) -> u64 {
        (0..4).map(|_| r.next_u64() >> 8).sum()
    }
    let mut a = Pcg64::seed_from_u64(5);
    let mut b = Pcg64::new(5);
    assert_eq!(sum_of(&mut a), sum_of(&mut b));
    let mut m = Mt19937::seed_from_u64(5);
    assert_ne!(sum_of(&mut m), 0);
}

#[test]
fn hostile_sizes_are_errors_not_aborts() {
    let mut g = default_rng(0);
    // a population too large to index: the tail-shuffle buffer cannot be had
    assert!(g.choice(usize::MAX / 4, 1usize << 61, false, None, true).is_err());
    assert!(g.integers::<i64>(0, 10, [usize::MAX, 2], false).is_err());
    assert!(g.normal(0.0, 1.0, [1usize << 40, 1 << 40]).is_err());
    assert!(g.multinomial(5, &[0.5, 0.5], [usize::MAX / 2, 3]).is_err());
}

#[test]
fn multivariate_normal_eigh_limits_and_errors() {
    // eigh reproduces LAPACK's dsyevd: implicit QL/QR (dsteqr) for n <= 25,
    // divide and conquer (dstedc) above. The identity's eigenvectors are
    // exact on both paths (its tridiagonal splits into 1x1 blocks), so
    // x = mean + z bit for bit.
    for n in [25, 26, 40] {
        let cov = numox::identity::<f64>(n).unwrap();
        let x = default_rng(3)
            .multivariate_normal(&vec![1.0; n], &cov, 2, "eigh")
            .unwrap();
        let z = default_rng(3).standard_normal([2, n]);
        for (xv, zv) in x.iter().zip(z.iter()) {
            assert_eq!(*xv, 1.0 + zv, "n = {n}");
        }
    }
    // an empty mean is an error (NumPy's reshape fails), for every method
    let e0 = Array::<f64>::zeros(&[0, 0]);
    for m in ["cholesky", "eigh", "svd"] {
        assert!(default_rng(3).multivariate_normal(&[], &e0, 2, m).is_err());
    }
    // NaN in cov: LAPACK propagates it, NumPy returns NaN draws
    let nan = array![[1.0, f64::NAN], [f64::NAN, 1.0]];
    let x = default_rng(3)
        .multivariate_normal(&[0.0, 0.0], &nan, 2, "eigh")
        .unwrap();
    assert!(x.iter().all(|v| v.is_nan()));
    // a non-contiguous (transposed) cov is read by value
    let c = array![[2.0, 0.5], [0.5, 1.0]];
    let ct = c.t();
    let a = default_rng(3)
        .multivariate_normal(&[0.0, 0.0], &ct, 4, "eigh")
        .unwrap();
    let b = default_rng(3)
        .multivariate_normal(&[0.0, 0.0], &c, 4, "eigh")
        .unwrap();
    assert_eq!(a, b);
}

#[test]
fn legacy_binomial_array_broadcasts_and_checks() {
    let n = array![[10i64], [20]];
    let x = RandomState::new(5)
        .binomial_array(&n, &array![0.2, 0.8], ())
        .unwrap();
    assert_eq!(x.shape(), &[2, 2]);
    assert!(x.iter().zip([10, 10, 20, 20]).all(|(&v, m)| (0..=m).contains(&v)));
    // a non-contiguous n is read in its logical order
    let nt = array![[10i64, 20], [30, 40]];
    let a = RandomState::new(5).binomial_array(&nt.t(), 0.5, ()).unwrap();
    let b = RandomState::new(5)
        .binomial_array(&array![[10i64, 30], [20, 40]], 0.5, ())
        .unwrap();
    assert_eq!(a, b);
    // size must hold the broadcast shape
    assert!(RandomState::new(5).binomial_array(&n, 0.5, [3]).is_err());
    let mut rs = RandomState::new(5);
    let fresh = rs.clone();
    assert!(rs.binomial_array(&array![1i64, 2], f64::NAN, ()).is_err());
    assert!(rs == fresh, "an invalid call consumed draws");
}

#[test]
fn legacy_multivariate_normal_warns_as_numpy() {
    // NumPy: check_valid='warn' draws anyway and raises RuntimeWarning
    // "covariance is not symmetric positive-semidefinite."; 'ignore' and a
    // valid covariance raise nothing, and the draws are the same either way.
    use numox::warnings::{self, Category};
    let bad = array![[1.0, 2.0], [2.0, 1.0]];
    let good = array![[2.0, 0.5], [0.5, 1.0]];
    let (x_warn, seen) =
        warnings::record(|| RandomState::new(5).multivariate_normal(&[0.0, 0.0], &bad, 3, "warn", 1e-8));
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].category, Category::Runtime);
    assert_eq!(
        seen[0].message,
        "covariance is not symmetric positive-semidefinite."
    );
    let (x_ignore, seen) =
        warnings::record(|| RandomState::new(5).multivariate_normal(&[0.0, 0.0], &bad, 3, "ignore", 1e-8));
    assert!(seen.is_empty());
    assert_eq!(x_warn.unwrap(), x_ignore.unwrap());
    let (x, seen) =
        warnings::record(|| RandomState::new(5).multivariate_normal(&[0.0, 0.0], &good, 3, "warn", 1e-8));
    assert!(x.is_ok() && seen.is_empty());
    let e = RandomState::new(5)
        .multivariate_normal(&[0.0, 0.0], &bad, 3, "raise", 1e-8)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "covariance is not symmetric positive-semidefinite."
    );
}

#[test]
fn generator_multivariate_normal_warns_as_numpy() {
    // Generator.multivariate_normal: the same warning for 'svd' (allclose
    // test) and 'eigh' (an eigenvalue below -tol); none for 'cholesky',
    // which never checks, and none for a valid covariance.
    use numox::warnings;
    let bad = array![[1.0, 2.0], [2.0, 1.0]];
    let good = array![[2.0, 0.5], [0.5, 1.0]];
    for method in ["svd", "eigh"] {
        let (x, seen) = warnings::record(|| {
            default_rng(3).multivariate_normal_with(&[0.0, 0.0], &bad, 4, method, "warn", 1e-8)
        });
        assert!(x.is_ok(), "{method}");
        assert_eq!(seen.len(), 1, "{method}");
        assert_eq!(
            seen[0].message,
            "covariance is not symmetric positive-semidefinite."
        );
        let (_, seen) =
            warnings::record(|| default_rng(3).multivariate_normal(&[0.0, 0.0], &good, 4, method));
        assert!(seen.is_empty(), "{method}");
    }
    let (_, seen) = warnings::record(|| {
        default_rng(3).multivariate_normal_with(&[0.0, 0.0], &good, 4, "cholesky", "warn", 1e-8)
    });
    assert!(seen.is_empty());
}
