//! The error type of every fallible sciox function.
//!
//! sciox wraps numox's [`numox::Error`] (shape, axis and I/O problems that
//! come from the array layer) and adds what SciPy raises on its own: an
//! argument with a value the function does not accept (SciPy's
//! `ValueError`). Solver failures that SciPy reports in its result objects
//! (`ier`, `status`, `message`) are reported in sciox's result structs too,
//! not as errors.

/// The error returned by fallible sciox functions.
///
/// ```
/// use sciox::optimize::{brentq, RootOptions};
/// let err = brentq(|x| x * x + 1.0, -1.0, 1.0, &RootOptions::default()).unwrap_err();
/// assert!(matches!(err, sciox::Error::InvalidArgument(_)));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error from the array layer (a shape mismatch, an axis out of range).
    #[error(transparent)]
    Numox(#[from] numox::Error),
    /// An argument has a value the function does not accept (SciPy's `ValueError`).
    #[error("{0}")]
    InvalidArgument(String),
}

impl Error {
    /// Builds an [`Error::InvalidArgument`] from anything printable.
    ///
    /// ```
    /// let e = sciox::Error::invalid("`max_step` must be positive.");
    /// assert_eq!(e.to_string(), "`max_step` must be positive.");
    /// ```
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidArgument(msg.into())
    }
}

/// `Result` with sciox's [`Error`] as its error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
