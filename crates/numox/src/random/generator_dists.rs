//! The named distributions of `Generator` beyond the core samplers
//! (`beta`, `chisquare`, ..., `poisson`, `binomial`, `multinomial`, `dirichlet`).

use super::BitGenerator;
use super::distributions::continuous as c;
use super::distributions::discrete::{binomial, poisson};
use super::distributions::gamma::standard_gamma;
use super::distributions::hypergeometric::hypergeometric;
use super::distributions::integers::random_interval;
use super::generator::{Generator, kahan_sum};
use super::legacy::POISSON_LAM_MAX;
use super::params::{Cons, FloatParam, Size};
use crate::array::Array;
use crate::array::shape::checked_size;
use crate::error::{Error, Result};

type P<'a> = FloatParam<'a>;

impl<B: BitGenerator> Generator<B> {
    /// Beta draws (`beta(a, b, size)`); errors unless `a > 0` and `b > 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).beta(0.5, 0.5, 5).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn beta<'a>(
        &mut self,
        a: impl Into<P<'a>>,
        b: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (a, b) = (a.into(), b.into());
        self.cont(
            [(&a, "a", Cons::Positive), (&b, "b", Cons::Positive)],
            size.into(),
            |g, [a, b]| c::beta(g, a, b),
        )
    }

    /// Chi-square draws (`chisquare(df, size)`); errors unless `df > 0`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).chisquare(3.0, 4).unwrap().len(), 4);
    /// ```
    pub fn chisquare<'a>(&mut self, df: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let df = df.into();
        self.cont([(&df, "df", Cons::Positive)], size.into(), |g, [d]| {
            c::chisquare(g, d)
        })
    }

    /// Noncentral chi-square draws (`noncentral_chisquare(df, nonc, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).noncentral_chisquare(3.0, 2.0, 4).unwrap().len(), 4);
    /// ```
    pub fn noncentral_chisquare<'a>(
        &mut self,
        df: impl Into<P<'a>>,
        nonc: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (df, nonc) = (df.into(), nonc.into());
        self.cont(
            [(&df, "df", Cons::Positive), (&nonc, "nonc", Cons::NonNegative)],
            size.into(),
            |g, [d, n]| c::noncentral_chisquare(g, d, n),
        )
    }

    /// F draws (`f(dfnum, dfden, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).f(3.0, 5.0, 4).unwrap().len(), 4);
    /// ```
    pub fn f<'a>(
        &mut self,
        dfnum: impl Into<P<'a>>,
        dfden: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (a, b) = (dfnum.into(), dfden.into());
        self.cont(
            [(&a, "dfnum", Cons::Positive), (&b, "dfden", Cons::Positive)],
            size.into(),
            |g, [a, b]| c::f(g, a, b),
        )
    }

    /// Noncentral F draws (`noncentral_f(dfnum, dfden, nonc, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).noncentral_f(3.0, 5.0, 1.0, 4).unwrap().len(), 4);
    /// ```
    pub fn noncentral_f<'a>(
        &mut self,
        dfnum: impl Into<P<'a>>,
        dfden: impl Into<P<'a>>,
        nonc: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (a, b, n) = (dfnum.into(), dfden.into(), nonc.into());
        self.cont(
            [
                (&a, "dfnum", Cons::Positive),
                (&b, "dfden", Cons::Positive),
                (&n, "nonc", Cons::NonNegative),
            ],
            size.into(),
            |g, [a, b, n]| c::noncentral_f(g, a, b, n),
        )
    }

    /// Standard Cauchy draws (`standard_cauchy(size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).standard_cauchy(4).len(), 4);
    /// ```
    pub fn standard_cauchy(&mut self, size: impl Into<Size>) -> Array<f64> {
        self.cont([], size.into(), |g, []| c::standard_cauchy(g))
            .expect("no parameters to validate")
    }

    /// Student's t draws (`standard_t(df, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).standard_t(5.0, 4).unwrap().len(), 4);
    /// ```
    pub fn standard_t<'a>(&mut self, df: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let df = df.into();
        self.cont([(&df, "df", Cons::Positive)], size.into(), |g, [d]| {
            c::standard_t(g, d)
        })
    }

    /// Von Mises draws (`vonmises(mu, kappa, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).vonmises(0.0, 4.0, 5).unwrap();
    /// assert!(x.iter().all(|v| v.abs() <= std::f64::consts::PI));
    /// ```
    pub fn vonmises<'a>(
        &mut self,
        mu: impl Into<P<'a>>,
        kappa: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, k) = (mu.into(), kappa.into());
        self.cont(
            [(&m, "mu", Cons::None), (&k, "kappa", Cons::NonNegative)],
            size.into(),
            |g, [m, k]| c::vonmises(g, m, k),
        )
    }

    /// Pareto II (Lomax) draws (`pareto(a, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).pareto(3.0, 4).unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn pareto<'a>(&mut self, a: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let a = a.into();
        self.cont([(&a, "a", Cons::Positive)], size.into(), |g, [a]| c::pareto(g, a))
    }

    /// Weibull draws (`weibull(a, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).weibull(1.5, 4).unwrap().len(), 4);
    /// ```
    pub fn weibull<'a>(&mut self, a: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let a = a.into();
        self.cont([(&a, "a", Cons::NonNegative)], size.into(), |g, [a]| {
            c::weibull(g, a)
        })
    }

    /// Power-function draws in `[0, 1]` (`power(a, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).power(2.0, 4).unwrap().iter().all(|&v| (0.0..=1.0).contains(&v)));
    /// ```
    pub fn power<'a>(&mut self, a: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let a = a.into();
        self.cont([(&a, "a", Cons::Positive)], size.into(), |g, [a]| c::power(g, a))
    }

    /// Laplace draws (`laplace(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).laplace(0.0, 1.0, 4).unwrap().len(), 4);
    /// ```
    pub fn laplace<'a>(
        &mut self,
        loc: impl Into<P<'a>>,
        scale: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |g, [l, s]| c::laplace(g, l, s),
        )
    }

    /// Gumbel draws (`gumbel(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).gumbel(0.0, 1.0, 4).unwrap().len(), 4);
    /// ```
    pub fn gumbel<'a>(
        &mut self,
        loc: impl Into<P<'a>>,
        scale: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |g, [l, s]| c::gumbel(g, l, s),
        )
    }

    /// Logistic draws (`logistic(loc, scale, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert_eq!(default_rng(1).logistic(0.0, 1.0, 4).unwrap().len(), 4);
    /// ```
    pub fn logistic<'a>(
        &mut self,
        loc: impl Into<P<'a>>,
        scale: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, s) = (loc.into(), scale.into());
        self.cont(
            [(&l, "loc", Cons::None), (&s, "scale", Cons::NonNegative)],
            size.into(),
            |g, [l, s]| c::logistic(g, l, s),
        )
    }

    /// Log-normal draws (`lognormal(mean, sigma, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).lognormal(0.0, 1.0, 4).unwrap().iter().all(|&v| v > 0.0));
    /// ```
    pub fn lognormal<'a>(
        &mut self,
        mean: impl Into<P<'a>>,
        sigma: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, s) = (mean.into(), sigma.into());
        self.cont(
            [(&m, "mean", Cons::None), (&s, "sigma", Cons::NonNegative)],
            size.into(),
            |g, [m, s]| c::lognormal(g, m, s),
        )
    }

    /// Rayleigh draws (`rayleigh(scale, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).rayleigh(2.0, 4).unwrap().iter().all(|&v| v >= 0.0));
    /// ```
    pub fn rayleigh<'a>(&mut self, scale: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let s = scale.into();
        self.cont([(&s, "scale", Cons::NonNegative)], size.into(), |g, [s]| {
            c::rayleigh(g, s)
        })
    }

    /// Wald (inverse Gaussian) draws (`wald(mean, scale, size)`).
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).wald(1.0, 2.0, 4).unwrap().iter().all(|&v| v > 0.0));
    /// ```
    pub fn wald<'a>(
        &mut self,
        mean: impl Into<P<'a>>,
        scale: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (m, s) = (mean.into(), scale.into());
        self.cont(
            [(&m, "mean", Cons::Positive), (&s, "scale", Cons::Positive)],
            size.into(),
            |g, [m, s]| c::wald(g, m, s),
        )
    }

    /// Triangular draws (`triangular(left, mode, right, size)`); errors if
    /// `left > mode`, `mode > right` or `left == right`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).triangular(0.0, 1.0, 4.0, 5).unwrap();
    /// assert!(x.iter().all(|&v| (0.0..=4.0).contains(&v)));
    /// assert!(default_rng(1).triangular(2.0, 1.0, 4.0, 5).is_err());
    /// ```
    pub fn triangular<'a>(
        &mut self,
        left: impl Into<P<'a>>,
        mode: impl Into<P<'a>>,
        right: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (l, m, r) = (left.into(), mode.into(), right.into());
        let size = size.into();
        // Validate over the broadcast values first (NumPy checks all before drawing).
        let vals = super::params::broadcast_rows([&l, &m, &r])?;
        for [a, b, cc] in vals {
            if a > b {
                return Err(Error::invalid("left > mode"));
            }
            if b > cc {
                return Err(Error::invalid("mode > right"));
            }
            if a == cc {
                return Err(Error::invalid("left == right"));
            }
        }
        self.cont(
            [
                (&l, "left", Cons::None),
                (&m, "mode", Cons::None),
                (&r, "right", Cons::None),
            ],
            size,
            |g, [a, b, cc]| c::triangular(g, a, b, cc),
        )
    }

    /// Poisson counts (`poisson(lam, size)`); errors if `lam` is negative, NaN or too large.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).poisson(4.0, 5).unwrap().iter().all(|&k| k >= 0));
    /// ```
    pub fn poisson<'a>(&mut self, lam: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        let lam = lam.into();
        self.cont(
            [(&lam, "lam", Cons::Poisson(POISSON_LAM_MAX))],
            size.into(),
            |g, [l]| poisson(g, l),
        )
    }

    /// Binomial counts (`binomial(n, p, size)`): inversion when
    /// `n * min(p, 1-p) <= 30`, BTPE otherwise. Errors if `n < 0` or `p` is outside `[0, 1]`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).binomial(10, 0.5, 5).unwrap().iter().all(|&k| (0..=10).contains(&k)));
    /// ```
    pub fn binomial<'a>(&mut self, n: i64, p: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        if n < 0 {
            return Err(Error::invalid("n < 0"));
        }
        let p = p.into();
        self.cont([(&p, "p", Cons::Bounded01)], size.into(), |g, [p]| {
            binomial(g, p, n)
        })
    }

    /// Negative binomial counts (`negative_binomial(n, p, size)`): Poisson of a gamma.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).negative_binomial(3.0, 0.5, 5).unwrap().iter().all(|&k| k >= 0));
    /// ```
    pub fn negative_binomial<'a>(
        &mut self,
        n: impl Into<P<'a>>,
        p: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (n, p) = (n.into(), p.into());
        for [nv, pv] in super::params::broadcast_rows([&n, &p])? {
            Cons::PositiveNotNan.check_scalar(nv, "n")?;
            Cons::BoundedGt01.check_scalar(pv, "p")?;
            let max_lam = (1.0 - pv) / pv * (nv + 10.0 * nv.sqrt());
            if max_lam > POISSON_LAM_MAX {
                return Err(Error::invalid(
                    "n too large or p too small, see Generator.negative_binomial Notes",
                ));
            }
        }
        self.cont(
            [(&n, "n", Cons::PositiveNotNan), (&p, "p", Cons::BoundedGt01)],
            size.into(),
            |g, [n, p]| c::negative_binomial(g, n, p),
        )
    }

    /// Geometric counts (`geometric(p, size)`), `p` in `(0, 1]`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).geometric(0.2, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn geometric<'a>(&mut self, p: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        let p = p.into();
        self.cont([(&p, "p", Cons::BoundedGt01)], size.into(), |g, [p]| {
            c::geometric(g, p)
        })
    }

    /// Zipf counts (`zipf(a, size)`), `a > 1`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).zipf(2.0, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn zipf<'a>(&mut self, a: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        let a = a.into();
        self.cont([(&a, "a", Cons::Gt1)], size.into(), |g, [a]| c::zipf(g, a))
    }

    /// Logarithmic-series counts (`logseries(p, size)`), `p` in `[0, 1)`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// assert!(default_rng(1).logseries(0.6, 5).unwrap().iter().all(|&k| k >= 1));
    /// ```
    pub fn logseries<'a>(&mut self, p: impl Into<P<'a>>, size: impl Into<Size>) -> Result<Array<i64>> {
        let p = p.into();
        self.cont([(&p, "p", Cons::BoundedLt01)], size.into(), |g, [p]| {
            c::logseries(g, p)
        })
    }

    /// Multinomial counts (`multinomial(n, pvals, size)`): the output has
    /// shape `size + (len(pvals),)`. Errors if `n < 0`, a probability is
    /// outside `[0, 1]` or NaN, or `sum(pvals[:-1]) > 1 + 1e-12`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).multinomial(20, &[0.2, 0.3, 0.5], 4).unwrap();
    /// assert_eq!(x.shape(), &[4, 3]);
    /// assert!(x.lanes(1).unwrap().all(|l| l.iter().sum::<i64>() == 20));
    /// ```
    pub fn multinomial(&mut self, n: i64, pvals: &[f64], size: impl Into<Size>) -> Result<Array<i64>> {
        if n < 0 {
            return Err(Error::invalid("n < 0"));
        }
        let d = pvals.len();
        if pvals.iter().any(|&p| !(0.0..=1.0).contains(&p)) {
            return Err(Error::invalid("pvals < 0, pvals > 1 or pvals contains NaNs"));
        }
        if d > 0 && kahan_sum(&pvals[..d - 1]) > 1.0 + 1e-12 {
            return Err(Error::invalid("sum(pvals[:-1]) > 1.0"));
        }
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        let count = checked_size(&shape)?;
        shape.push(d);
        checked_size(&shape)?;
        let mut out = vec![0i64; count * d];
        for row in out.chunks_mut(d.max(1)).take(count) {
            if d == 0 {
                break;
            }
            let mut remaining_p = 1.0;
            let mut dn = n;
            for j in 0..d - 1 {
                row[j] = binomial(self.bit_generator_mut(), pvals[j] / remaining_p, dn);
                dn -= row[j];
                if dn <= 0 {
                    break;
                }
                remaining_p -= pvals[j];
            }
            if dn > 0 {
                row[d - 1] = dn;
            }
        }
        Array::from_shape_vec(&shape, out)
    }

    /// Dirichlet draws (`dirichlet(alpha, size)`): shape `size + (len(alpha),)`.
    /// Small alphas (all `< 0.1`) use NumPy's stick-breaking on betas; otherwise
    /// normalised gammas. Errors if an alpha is negative or NaN.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).dirichlet(&[1.0, 2.0, 3.0], 2).unwrap();
    /// assert_eq!(x.shape(), &[2, 3]);
    /// ```
    pub fn dirichlet(&mut self, alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
        if alpha.iter().any(|&a| a < 0.0) {
            return Err(Error::invalid("alpha < 0"));
        }
        if alpha.iter().any(|a| a.is_nan()) {
            return Err(Error::invalid("alpha contains NaNs"));
        }
        let k = alpha.len();
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        let count = checked_size(&shape)?;
        shape.push(k);
        checked_size(&shape)?;
        let mut out = vec![0.0f64; count * k];
        let max = alpha.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        if k > 0 && max < 0.1 {
            // reverse cumulative sums: csum[j] = alpha[j] + ... + alpha[k-1]
            let mut csum = vec![0.0; k];
            let mut acc = 0.0;
            for j in (0..k).rev() {
                acc += alpha[j];
                csum[j] = acc;
            }
            for row in out.chunks_mut(k).take(count) {
                let mut acc = 1.0;
                let mut j = 0;
                while j + 1 < k {
                    let v = c::beta(self.bit_generator_mut(), alpha[j], csum[j + 1]);
                    row[j] = acc * v;
                    acc *= 1.0 - v;
                    if csum[j + 1] == 0.0 {
                        break;
                    }
                    j += 1;
                }
                row[k - 1] = acc;
            }
        } else if k > 0 {
            for row in out.chunks_mut(k).take(count) {
                let mut acc = 0.0;
                for j in 0..k {
                    row[j] = standard_gamma(self.bit_generator_mut(), alpha[j]);
                    acc += row[j];
                }
                let inv = 1.0 / acc;
                for v in row.iter_mut() {
                    *v *= inv;
                }
            }
        }
        Array::from_shape_vec(&shape, out)
    }
    /// Hypergeometric counts (`hypergeometric(ngood, nbad, nsample, size)`):
    /// direct selection for small samples, HRUA otherwise, as NumPy's Generator.
    /// Errors if a count is negative, `nsample > ngood + nbad`, or
    /// `ngood`/`nbad` reach 10^9.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).hypergeometric(10, 5, 6, 4).unwrap();
    /// assert!(x.iter().all(|&k| (1..=6).contains(&k)));
    /// ```
    pub fn hypergeometric(
        &mut self,
        ngood: i64,
        nbad: i64,
        nsample: i64,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        if ngood < 0 {
            return Err(Error::invalid("ngood < 0"));
        }
        if nbad < 0 {
            return Err(Error::invalid("nbad < 0"));
        }
        if nsample < 0 {
            return Err(Error::invalid("nsample < 0"));
        }
        const HYPERGEOM_MAX: i64 = 1_000_000_000;
        if ngood >= HYPERGEOM_MAX || nbad >= HYPERGEOM_MAX {
            return Err(Error::invalid("both ngood and nbad must be less than 1000000000"));
        }
        if ngood + nbad < nsample {
            return Err(Error::invalid("ngood + nbad < nsample"));
        }
        let bg = self.bit_generator_mut();
        Ok(super::alloc::fill(size.into().out_shape(), || {
            hypergeometric(bg, ngood, nbad, nsample)
        }))
    }

    /// Multivariate hypergeometric counts (`multivariate_hypergeometric(colors,
    /// nsample, size, method)`), `method` `"marginals"` (NumPy's default) or
    /// `"count"`. Output shape `size + (len(colors),)`.
    ///
    /// ```
    /// use numox::random::default_rng;
    /// let x = default_rng(1).multivariate_hypergeometric(&[4, 5, 6], 7, 3, "marginals").unwrap();
    /// assert_eq!(x.shape(), &[3, 3]);
    /// assert!(x.lanes(1).unwrap().all(|l| l.iter().sum::<i64>() == 7));
    /// ```
    pub fn multivariate_hypergeometric(
        &mut self,
        colors: &[i64],
        nsample: i64,
        size: impl Into<Size>,
        method: &str,
    ) -> Result<Array<i64>> {
        if method != "count" && method != "marginals" {
            return Err(Error::invalid("method must be \"count\" or \"marginals\"."));
        }
        if colors.iter().any(|&c| c < 0) {
            return Err(Error::invalid(
                "colors must be a one-dimensional sequence of nonnegative integers",
            ));
        }
        let mut total: i64 = 0;
        for &c in colors {
            total = total.checked_add(c).ok_or_else(|| {
                Error::invalid("sum(colors) must not exceed the maximum value of a 64 bit signed integer")
            })?;
        }
        if method == "count" && total > 100_000_000 {
            return Err(Error::invalid(
                "When method is \"count\", sum(colors) must not exceed 100000000",
            ));
        }
        if nsample < 0 {
            return Err(Error::invalid("nsample must be nonnegative."));
        }
        if nsample > total {
            return Err(Error::invalid("nsample > sum(colors)"));
        }
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        let nv = checked_size(&shape)?;
        let k = colors.len();
        shape.push(k);
        checked_size(&shape)?;
        let mut out = vec![0i64; nv * k];
        if total == 0 || nsample == 0 || nv == 0 || k == 0 {
            return Array::from_shape_vec(&shape, out);
        }
        let more_than_half = nsample > total / 2;
        let ns = if more_than_half { total - nsample } else { nsample };
        let bg = self.bit_generator_mut();
        if method == "count" {
            let mut choices: Vec<usize> = Vec::with_capacity(total as usize);
            for (i, &c) in colors.iter().enumerate() {
                choices.extend(std::iter::repeat_n(i, c as usize));
            }
            for row in out.chunks_mut(k) {
                for j in 0..ns as usize {
                    let kk = j + random_interval(bg, (total as u64) - j as u64 - 1) as usize;
                    choices.swap(kk, j);
                }
                for &ch in &choices[..ns as usize] {
                    row[ch] += 1;
                }
                if more_than_half {
                    for (v, &c) in row.iter_mut().zip(colors) {
                        *v = c - *v;
                    }
                }
            }
        } else {
            for row in out.chunks_mut(k) {
                let mut num_to_sample = ns;
                let mut remaining = total;
                let mut j = 0;
                while num_to_sample > 0 && j + 1 < k {
                    remaining -= colors[j];
                    let r = hypergeometric(bg, colors[j], remaining, num_to_sample);
                    row[j] = r;
                    num_to_sample -= r;
                    j += 1;
                }
                if num_to_sample > 0 {
                    row[k - 1] = num_to_sample;
                }
                if more_than_half {
                    for (v, &c) in row.iter_mut().zip(colors) {
                        *v = c - *v;
                    }
                }
            }
        }
        Array::from_shape_vec(&shape, out)
    }
    /// Multivariate normal draws (`multivariate_normal(mean, cov, size,
    /// method=...)` with NumPy's defaults `check_valid='warn'`, `tol=1e-8`):
    /// output shape `size + (len(mean),)`. See
    /// [`multivariate_normal_with`](Generator::multivariate_normal_with).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let cov = array![[2.0, 0.5], [0.5, 1.0]];
    /// let x = default_rng(1).multivariate_normal(&[0.0, 10.0], &cov, 4, "cholesky").unwrap();
    /// assert_eq!(x.shape(), &[4, 2]);
    /// let y = default_rng(1).multivariate_normal(&[0.0, 10.0], &cov, 4, "eigh").unwrap();
    /// assert_eq!(y.shape(), &[4, 2]);
    /// // NumPy's default method: np.random.default_rng(1).multivariate_normal([0, 10], cov, 4)
    /// let z = default_rng(1).multivariate_normal(&[0.0, 10.0], &cov, 4, "svd").unwrap();
    /// assert!((z[[0, 0]] - -0.7543038895515155).abs() < 1e-12);
    /// ```
    pub fn multivariate_normal<S: crate::array::Data<Elem = f64>>(
        &mut self,
        mean: &[f64],
        cov: &crate::array::ArrayBase<S>,
        size: impl Into<Size>,
        method: &str,
    ) -> Result<Array<f64>> {
        self.multivariate_normal_with(mean, cov, size, method, "warn", 1e-8)
    }

    /// Multivariate normal draws (`multivariate_normal(mean, cov, size,
    /// check_valid, tol, method=...)`): output shape `size + (len(mean),)`.
    ///
    /// The standard normals are NumPy's (same stream, same consumption), then
    /// `x = mean + z @ F.T` with the factor `F` of `method`:
    /// - `"cholesky"`: `F = cholesky(cov)`, computed here in the order of
    ///   LAPACK's unblocked `potf2`.
    /// - `"eigh"`: `F = u * sqrt(|s|)` from `(s, u) = eigh(cov)`, computed
    ///   by the steps LAPACK's `dsyevd` takes (Householder
    ///   tridiagonalisation of the lower triangle; for `n <= 25` implicit
    ///   QL/QR with eigenvectors, above it LAPACK's divide and conquer with
    ///   its deflation and secular equation; back-transformation), so the
    ///   eigenvector signs, which decide the values, are LAPACK's, for every
    ///   order. With `check_valid` other than `"ignore"`, an
    ///   eigenvalue below `-tol` is "not positive-semidefinite": `"raise"`
    ///   errors, `"warn"` draws anyway with NumPy's RuntimeWarning (see
    ///   [`crate::warnings`]).
    /// - `"svd"` (NumPy's default): `F = u * sqrt(s)` from `(u, s, vh) =
    ///   svd(cov)`, computed by the steps LAPACK's `dgesdd` takes
    ///   (Householder bidiagonalisation; for `n <= 25` implicit QR on the
    ///   bidiagonal, above it LAPACK's divide and conquer with its deflation
    ///   and secular equation; the sorts; back-transformation), so the
    ///   singular-vector signs, which decide the values, are LAPACK's, for
    ///   every order. One limit: when `cov` is singular with rank above 25
    ///   and a null space of dimension 2 or more, LAPACK's split of the
    ///   bidiagonal depends on rounding noise at its `eps` threshold, so the
    ///   signs can differ from NumPy's (whose own values then depend on the
    ///   BLAS build).
    ///   With `check_valid` other than `"ignore"`, `cov` is "not
    ///   positive-semidefinite" unless `np.allclose((vh.T * s) @ vh, cov,
    ///   rtol=tol, atol=tol)`: `"raise"` errors, `"warn"` draws anyway with
    ///   NumPy's RuntimeWarning. A
    ///   NaN in `cov` errors ("SVD did not converge", as NumPy's
    ///   `LinAlgError`); an infinity gives NaN draws.
    ///
    /// The values agree with NumPy's to rounding (about 1e-13 relative), not
    /// bit for bit: NumPy's factorisation and its `z @ F.T` run through
    /// OpenBLAS, whose summation order is not reproduced. Errors (before any
    /// draw, where NumPy draws the normals first) if the shapes disagree, `mean` is empty, `method` or
    /// `check_valid` is unknown, `cov` is not positive definite (cholesky),
    /// fails the check above, or holds a NaN (svd).
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let cov = array![[1.0, 2.0], [2.0, 1.0]]; // indefinite
    /// assert!(default_rng(1).multivariate_normal_with(&[0.0, 0.0], &cov, 3, "eigh", "raise", 1e-8).is_err());
    /// let x = default_rng(1).multivariate_normal_with(&[0.0, 0.0], &cov, 3, "eigh", "ignore", 1e-8).unwrap();
    /// assert_eq!(x.shape(), &[3, 2]);
    /// ```
    pub fn multivariate_normal_with<S: crate::array::Data<Elem = f64>>(
        &mut self,
        mean: &[f64],
        cov: &crate::array::ArrayBase<S>,
        size: impl Into<Size>,
        method: &str,
        check_valid: &str,
        tol: f64,
    ) -> Result<Array<f64>> {
        let n = mean.len();
        if !matches!(method, "cholesky" | "eigh" | "svd") {
            return Err(Error::invalid(
                "method must be one of {'eigh', 'svd', 'cholesky'}",
            ));
        }
        if cov.ndim() != 2 || cov.shape()[0] != cov.shape()[1] {
            return Err(Error::invalid("cov must be 2 dimensional and square"));
        }
        if cov.shape()[0] != n {
            return Err(Error::invalid("mean and cov must have same length"));
        }
        if n == 0 {
            return Err(Error::invalid("mean must have at least one element"));
        }
        if method != "cholesky" && check_valid != "ignore" && check_valid != "warn" && check_valid != "raise"
        {
            return Err(Error::invalid(
                "check_valid must equal 'warn', 'raise', or 'ignore'",
            ));
        }
        let c = cov.to_vec();
        // the factor F, row-major: x[i] = mean[i] + sum_j z[j] F[i][j]
        let f = match method {
            "cholesky" => mvn_cholesky(&c, n)?,
            "eigh" => {
                // LAPACK reads the column-major matrix: element (i, j) is c[i * n + j]
                let mut a = vec![0.0; n * n];
                for i in 0..n {
                    for j in 0..n {
                        a[i + j * n] = c[i * n + j];
                    }
                }
                let (s, u) = super::lapack_eigh::dsyevd_lower(&a, n)
                    .ok_or_else(|| Error::invalid("Eigenvalues did not converge"))?;
                if check_valid != "ignore" && s.iter().any(|&v| v < -tol) {
                    not_psd(check_valid)?;
                }
                let mut f = vec![0.0; n * n];
                for (i, frow) in f.chunks_mut(n).enumerate() {
                    for (j, (fv, sv)) in frow.iter_mut().zip(&s).enumerate() {
                        *fv = u[i + j * n] * sv.abs().sqrt();
                    }
                }
                f
            }
            _ => {
                let (s, u, vt) = mvn_svd(&c, n)?;
                if check_valid != "ignore" && !svd_psd(&c, &s, &vt, n, tol) {
                    not_psd(check_valid)?;
                }
                // F = u * sqrt(s)
                let mut f = vec![0.0; n * n];
                for (i, frow) in f.chunks_mut(n).enumerate() {
                    for (j, (fv, sv)) in frow.iter_mut().zip(&s).enumerate() {
                        *fv = u[i + j * n] * sv.sqrt();
                    }
                }
                f
            }
        };
        let size = size.into();
        let mut shape = size.shape().map(|s| s.to_vec()).unwrap_or_default();
        shape.push(n);
        let z = self.standard_normal(shape.as_slice());
        Array::from_shape_vec(&shape, mvn_transform(&z, &f, mean))
    }
    /// `binomial(n, p, size)` with an array `n`, broadcast with `p` (and
    /// `size`) as NumPy does; one draw per element in C order.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let x = default_rng(1).binomial_array(&array![5, 50, 500], 0.5, ()).unwrap();
    /// assert!(x[[0]] <= 5 && x[[2]] <= 500);
    /// ```
    pub fn binomial_array<'a, S: crate::array::Data<Elem = i64>>(
        &mut self,
        n: &crate::array::ArrayBase<S>,
        p: impl Into<P<'a>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let p = p.into();
        let (ic, fc, shape) = super::params::broadcast_mixed(&[n.view()], &[&p], &size.into())?;
        for &pv in &fc[0] {
            Cons::Bounded01.check_scalar(pv, "p")?;
        }
        if ic[0].iter().any(|&v| v < 0) {
            return Err(Error::invalid("n < 0"));
        }
        let bg = self.bit_generator_mut();
        let v: Vec<i64> = ic[0]
            .iter()
            .zip(&fc[0])
            .map(|(&n, &p)| binomial(&mut *bg, p, n))
            .collect();
        Array::from_shape_vec(&shape, v)
    }

    /// `hypergeometric(ngood, nbad, nsample, size)` with array arguments,
    /// broadcast together (and with `size`); the checks of
    /// [`hypergeometric`](Generator::hypergeometric) apply to every element.
    ///
    /// ```
    /// use numox::prelude::*;
    /// use numox::random::default_rng;
    /// let x = default_rng(1).hypergeometric_array(&array![10, 20], &array![5], &array![3], ()).unwrap();
    /// assert_eq!(x.shape(), &[2]);
    /// ```
    pub fn hypergeometric_array<S1, S2, S3>(
        &mut self,
        ngood: &crate::array::ArrayBase<S1>,
        nbad: &crate::array::ArrayBase<S2>,
        nsample: &crate::array::ArrayBase<S3>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>>
    where
        S1: crate::array::Data<Elem = i64>,
        S2: crate::array::Data<Elem = i64>,
        S3: crate::array::Data<Elem = i64>,
    {
        let (ic, _, shape) =
            super::params::broadcast_mixed(&[ngood.view(), nbad.view(), nsample.view()], &[], &size.into())?;
        const HYPERGEOM_MAX: i64 = 1_000_000_000;
        for ((&g, &b), &n) in ic[0].iter().zip(&ic[1]).zip(&ic[2]) {
            if g < 0 {
                return Err(Error::invalid("ngood < 0"));
            }
            if b < 0 {
                return Err(Error::invalid("nbad < 0"));
            }
            if n < 0 {
                return Err(Error::invalid("nsample < 0"));
            }
            if g >= HYPERGEOM_MAX || b >= HYPERGEOM_MAX {
                return Err(Error::invalid("both ngood and nbad must be less than 1000000000"));
            }
            if g + b < n {
                return Err(Error::invalid("ngood + nbad < nsample"));
            }
        }
        let bg = self.bit_generator_mut();
        let v: Vec<i64> = (0..ic[0].len())
            .map(|i| hypergeometric(&mut *bg, ic[0][i], ic[1][i], ic[2][i]))
            .collect();
        Array::from_shape_vec(&shape, v)
    }
}

/// `x = mean + F z` for each row `z` of standard normals (rows of length
/// `n = mean.len()`, `F` row-major `n × n`): the last step of both
/// `multivariate_normal`s, each output a left-to-right dot product as
/// NumPy's small matrix product gives it.
pub(crate) fn mvn_transform(z: &Array<f64>, f: &[f64], mean: &[f64]) -> Vec<f64> {
    let n = mean.len();
    let z = z.as_slice().expect("fresh arrays are contiguous");
    let mut out = vec![0.0f64; z.len()];
    for (zr, or) in z.chunks(n).zip(out.chunks_mut(n)) {
        for ((o, frow), m) in or.iter_mut().zip(f.chunks(n)).zip(mean) {
            let acc = zr.iter().zip(frow).fold(0.0, |acc, (z, f)| acc + z * f);
            *o = m + acc;
        }
    }
    out
}

/// The SVD of the row-major `n x n` `cov` by LAPACK `dgesdd`'s steps
/// (`(s, u, vt)`, `u`/`vt` column-major).
pub(crate) fn mvn_svd(c: &[f64], n: usize) -> Result<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    // LAPACK reads the column-major matrix: element (i, j) is c[i * n + j]
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            a[i + j * n] = c[i * n + j];
        }
    }
    super::lapack_svd::dgesdd_square(&a, n).ok_or_else(|| Error::invalid("SVD did not converge"))
}

/// NumPy's answer to a covariance that is not positive-semidefinite:
/// `check_valid='raise'` errors, `'warn'` warns and draws on.
pub(crate) fn not_psd(check_valid: &str) -> Result<()> {
    let msg = "covariance is not symmetric positive-semidefinite.";
    if check_valid == "raise" {
        return Err(Error::invalid(msg));
    }
    crate::warnings::warn(crate::warnings::Category::Runtime, msg);
    Ok(())
}

/// NumPy's check `np.allclose((vh.T * s) @ vh, cov, rtol=tol, atol=tol)`
/// (`vt` column-major, `cov` row-major).
pub(crate) fn svd_psd(c: &[f64], s: &[f64], vt: &[f64], n: usize, tol: f64) -> bool {
    for i in 0..n {
        for j in 0..n {
            let r: f64 = (0..n).fold(0.0, |acc, k| acc + vt[k + i * n] * s[k] * vt[k + j * n]);
            let b = c[i * n + j];
            let close = if r.is_finite() && b.is_finite() {
                (r - b).abs() <= tol + tol * b.abs()
            } else {
                r == b
            };
            if !close {
                return false;
            }
        }
    }
    true
}

/// The lower Cholesky factor (row-major) in the order of LAPACK's `potf2`
/// (Cholesky-Banachiewicz on the lower triangle); `Err` unless positive
/// definite.
fn mvn_cholesky(c: &[f64], n: usize) -> Result<Vec<f64>> {
    let mut l = vec![0.0f64; n * n];
    for j in 0..n {
        let mut d = c[j * n + j];
        for k in 0..j {
            d -= l[j * n + k] * l[j * n + k];
        }
        if d.is_nan() || d <= 0.0 {
            return Err(Error::NotPositiveDefinite);
        }
        let djj = d.sqrt();
        l[j * n + j] = djj;
        for i in j + 1..n {
            let mut v = c[i * n + j];
            for k in 0..j {
                v -= l[i * n + k] * l[j * n + k];
            }
            l[i * n + j] = v / djj;
        }
    }
    Ok(l)
}
