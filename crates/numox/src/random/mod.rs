//! `numpy.random`: NumPy's random streams, reproduced bit for bit.
//!
//! - [`SeedSequence`] turns a seed into bit-generator state as NumPy does.
//! - Bit generators ([`Pcg64`] (NumPy's default), [`Pcg64Dxsm`], [`Mt19937`],
//!   [`Philox`], [`Sfc64`]) give the raw words; each implements `rand_core`'s
//!   `TryRng`/`Rng` and `SeedableRng`.
//! - [`Generator`] (from [`default_rng`]) draws NumPy's distributions from a bit
//!   generator: `default_rng(42)` here produces what
//!   `numpy.random.default_rng(42)` produces, draw for draw, and leaves the
//!   generator in the same state.
//!
//! - [`RandomState`] is the legacy `numpy.random.RandomState` (MT19937 with
//!   the legacy seeding, the polar-method Gaussian with its cached second
//!   value, masked-rejection `randint`, the legacy samplers), and the
//!   module-level functions ([`seed`], [`rand`], [`randn`], [`randint`], ...)
//!   run on one global `RandomState`, as `np.random.seed(...)` code expects.
//! - [`par_fill`] fills large outputs in parallel from `spawn`ed streams,
//!   with values independent of the thread count.
//!
//! Every sampler is checked against NumPy 2.4.6 draw for draw, including the
//! state it leaves behind (`tests/conformance_random*.rs`). The exception is
//! `multivariate_normal`: it draws the same normals and agrees to rounding
//! (NumPy's factor goes through LAPACK/BLAS); for `"svd"` (the default) and
//! `"eigh"` the factorisation takes LAPACK's steps, so the signs of the
//! singular vectors/eigenvectors are LAPACK's, for `len(mean) <= 25`.
//!
//! Nothing here is glob-exported at the crate root: like NumPy, these live
//! under `numox::random`.
//!
//! ```
//! use numox::random::default_rng;
//! let mut rng = default_rng(42);
//! let x = rng.standard_normal(3);
//! // np.random.default_rng(42).standard_normal(3)
//! assert_eq!(x.to_vec(), vec![0.30471707975443135, -1.0399841062404955, 0.7504511958064572]);
//! ```

mod alloc;
pub mod bit_generator;
mod distributions;
mod generator;
mod generator_dists;
mod generator_extra;
mod lapack_eigh;
mod lapack_eigh_dc;
mod lapack_svd;
mod lapack_svd_dc;
mod legacy;
mod params;
mod seed_sequence;
mod ziggurat_tables;

pub use bit_generator::{
    BitGenerator, Mt19937, Mt19937State, Pcg64, Pcg64Dxsm, Pcg64State, Philox, PhiloxState, Sfc64, Sfc64State,
};
pub use generator::{FromSeedSequence, Generator, RandomInt, default_rng, default_rng_from_seed_sequence};
pub use generator_extra::par_fill;
pub use legacy::{
    LegacyState, RandomState, beta, binomial, binomial_array, chisquare, choice, dirichlet, exponential, f,
    gamma, geometric, get_state, global, gumbel, hypergeometric, laplace, logistic, lognormal, logseries,
    multinomial, multivariate_normal, negative_binomial, noncentral_chisquare, noncentral_f, normal, pareto,
    permutation, poisson, power, rand, randint, randn, random, random_integers, random_sample, rayleigh,
    seed, set_state, shuffle, standard_cauchy, standard_exponential, standard_gamma, standard_normal,
    standard_t, tomaxint, triangular, uniform, vonmises, wald, weibull, zipf,
};
pub use params::{FloatParam, Size};
pub use seed_sequence::SeedSequence;
