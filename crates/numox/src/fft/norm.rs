//! Normalisation modes (NumPy's `norm=` argument).

use super::plan::FftFloat;
use crate::error::{Error, Result};

/// Which direction of a transform pair is scaled, and by what (NumPy's
/// `norm="backward" | "ortho" | "forward"`).
///
/// | mode | forward transform | inverse transform |
/// |---|---|---|
/// | `Backward` (default) | unscaled | `1/n` |
/// | `Ortho` | `1/sqrt(n)` | `1/sqrt(n)` |
/// | `Forward` | `1/n` | unscaled |
///
/// For an n-dimensional transform `n` is the product of the transformed
/// lengths (each axis is scaled by its own length).
///
/// ```
/// use numox::fft::{self, Norm};
/// use numox::prelude::*;
/// let x = array![1.0, 2.0, 3.0, 4.0];
/// let y = fft::fft_with(&x, None, -1, Norm::Ortho).unwrap();
/// assert_eq!(y[[0]], Complex::new(5.0, 0.0)); // 10 / sqrt(4)
/// assert_eq!("forward".parse::<Norm>().unwrap(), Norm::Forward);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Norm {
    /// Forward unscaled, inverse scaled by `1/n` (NumPy's default).
    #[default]
    Backward,
    /// Both directions scaled by `1/sqrt(n)` (unitary transforms).
    Ortho,
    /// Forward scaled by `1/n`, inverse unscaled.
    Forward,
}

impl Norm {
    /// The mode that scales the other direction the same way (`Backward` <->
    /// `Forward`; `Ortho` stays): what `hfft`/`ihfft` use for their `irfft`/`rfft`.
    ///
    /// ```
    /// use numox::fft::Norm;
    /// assert_eq!(Norm::Backward.swap(), Norm::Forward);
    /// assert_eq!(Norm::Ortho.swap(), Norm::Ortho);
    /// ```
    pub fn swap(self) -> Norm {
        match self {
            Norm::Backward => Norm::Forward,
            Norm::Ortho => Norm::Ortho,
            Norm::Forward => Norm::Backward,
        }
    }

    /// NumPy's spelling: `"backward"`, `"ortho"` or `"forward"`.
    ///
    /// ```
    /// assert_eq!(numox::fft::Norm::Ortho.name(), "ortho");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Norm::Backward => "backward",
            Norm::Ortho => "ortho",
            Norm::Forward => "forward",
        }
    }

    /// The factor of a transform of length `n` in direction `forward`,
    /// computed in `T` as NumPy does (`1`, `1/sqrt(n)` or `1/n`).
    pub(crate) fn factor<T: FftFloat>(self, n: usize, forward: bool) -> T {
        let mode = if forward { self } else { self.swap() };
        let nf = T::from(n).unwrap_or_else(T::infinity);
        match mode {
            Norm::Backward => T::one(),
            Norm::Ortho => T::one() / nf.sqrt(),
            Norm::Forward => T::one() / nf,
        }
    }
}

impl std::str::FromStr for Norm {
    type Err = Error;

    /// Parses NumPy's names; anything else is [`Error::InvalidArgument`].
    fn from_str(s: &str) -> Result<Norm> {
        match s {
            "backward" => Ok(Norm::Backward),
            "ortho" => Ok(Norm::Ortho),
            "forward" => Ok(Norm::Forward),
            _ => Err(Error::invalid(format!(
                "Invalid norm value {s}; should be \"backward\", \"ortho\" or \"forward\"."
            ))),
        }
    }
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors() {
        assert_eq!(Norm::Backward.factor::<f64>(4, true), 1.0);
        assert_eq!(Norm::Backward.factor::<f64>(4, false), 0.25);
        assert_eq!(Norm::Forward.factor::<f64>(4, true), 0.25);
        assert_eq!(Norm::Forward.factor::<f64>(4, false), 1.0);
        assert_eq!(Norm::Ortho.factor::<f32>(16, false), 0.25f32);
        assert!("sideways".parse::<Norm>().is_err());
        assert_eq!(Norm::Forward.to_string(), "forward");
    }
}
