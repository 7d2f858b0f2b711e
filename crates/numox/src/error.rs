//! The error type of every fallible numox function.
//!
//! Each variant carries what a user needs to find the problem: the shapes
//! that did not match, the axis that was out of range, the line of a file
//! that did not parse. NumPy raises `ValueError`, `IndexError`,
//! `LinAlgError` and friends in the same situations.

use std::fmt;

/// Shapes as they appear in error messages, printed as NumPy prints them: `(3, 4)`.
#[derive(Clone, PartialEq, Eq)]
pub struct ShapeDisplay(pub Vec<usize>);

impl fmt::Display for ShapeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(")?;
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{d}")?;
        }
        if self.0.len() == 1 {
            write!(f, ",")?;
        }
        write!(f, ")")
    }
}

impl fmt::Debug for ShapeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl From<&[usize]> for ShapeDisplay {
    fn from(s: &[usize]) -> Self {
        ShapeDisplay(s.to_vec())
    }
}

/// The error returned by fallible numox functions.
///
/// ```
/// use numox::prelude::*;
/// let a = Array::<f64>::zeros(&[2, 3]);
/// let err = a.len_of(5).unwrap_err();
/// assert!(matches!(err, Error::AxisOutOfBounds { axis: 5, ndim: 2 }));
/// assert_eq!(err.to_string(), "axis 5 is out of bounds for array of dimension 2");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Two operands' shapes cannot be combined by `op` (broadcasting or a
    /// shape-specific rule).
    #[error("{op}: operands could not be broadcast together with shapes {lhs} {rhs}")]
    ShapeMismatch {
        /// The operation that failed (`"add"`, `"concatenate"`, ...).
        op: &'static str,
        /// Shape of the left (or first) operand.
        lhs: ShapeDisplay,
        /// Shape of the right (or second) operand.
        rhs: ShapeDisplay,
    },
    /// A requested shape is incompatible with the data (`reshape`,
    /// `from_shape_vec`, `broadcast_to`).
    #[error("{op}: cannot reshape or fit {size} elements into shape {shape}")]
    BadShape {
        /// The operation that failed.
        op: &'static str,
        /// The number of elements available.
        size: usize,
        /// The shape that was asked for.
        shape: ShapeDisplay,
    },
    /// An axis argument is outside `-ndim..ndim`.
    #[error("axis {axis} is out of bounds for array of dimension {ndim}")]
    AxisOutOfBounds {
        /// The axis as given.
        axis: isize,
        /// The number of dimensions of the array.
        ndim: usize,
    },
    /// An index is outside the length of its axis.
    #[error("index {index} is out of bounds for axis {axis} with size {len}")]
    IndexOutOfBounds {
        /// The index as given.
        index: isize,
        /// The axis it indexes.
        axis: usize,
        /// The length of that axis.
        len: usize,
    },
    /// A shape whose element count overflows `usize`, or a buffer too large to allocate.
    #[error("array is too big: shape {shape} overflows the address space")]
    TooBig {
        /// The requested shape.
        shape: ShapeDisplay,
    },
    /// A reduction with no identity applied to an empty array (`max` of `[]`).
    #[error("zero-size array to reduction operation {op} which has no identity")]
    EmptyReduction {
        /// The reduction (`"maximum"`, `"argmin"`, ...).
        op: &'static str,
    },
    /// The element type of a dynamically typed array is not the one asked for.
    #[error("dtype mismatch: expected {expected}, found {found}")]
    DTypeMismatch {
        /// The dtype the caller asked for.
        expected: String,
        /// The dtype the data has.
        found: String,
    },
    /// A matrix is singular (NumPy's `LinAlgError: Singular matrix`).
    #[error("singular matrix")]
    Singular,
    /// A matrix is not positive definite (NumPy's `LinAlgError` from `cholesky`).
    #[error("matrix is not positive definite")]
    NotPositiveDefinite,
    /// An iterative algorithm did not converge.
    #[error("did not converge after {iterations} iterations (residual {residual:e})")]
    NotConverged {
        /// Iterations performed.
        iterations: usize,
        /// The last residual.
        residual: f64,
    },
    /// An argument has a value the function does not accept.
    #[error("{0}")]
    InvalidArgument(String),
    /// A text or binary file could not be parsed.
    #[error("parse error at line {line}, column {column}: {message}")]
    Parse {
        /// 1-based line (or 0 for binary formats, where `column` is a byte offset).
        line: usize,
        /// 1-based column, or a byte offset for binary formats.
        column: usize,
        /// What was wrong.
        message: String,
    },
    /// A file format that is valid but not supported (object arrays, structured dtypes).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// An I/O error from the operating system.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// Builds an [`Error::InvalidArgument`] from anything printable.
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::InvalidArgument(msg.into())
    }

    /// Builds an [`Error::ShapeMismatch`].
    pub fn shape_mismatch(op: &'static str, lhs: &[usize], rhs: &[usize]) -> Self {
        Error::ShapeMismatch {
            op,
            lhs: lhs.into(),
            rhs: rhs.into(),
        }
    }

    /// Builds an [`Error::BadShape`].
    pub fn bad_shape(op: &'static str, size: usize, shape: &[usize]) -> Self {
        Error::BadShape {
            op,
            size,
            shape: shape.into(),
        }
    }
}

/// `Result` with [`Error`] as its error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Normalises an axis that may be negative (`-1` is the last axis) against `ndim`.
///
/// ```
/// assert_eq!(numox::error::normalize_axis(-1, 3).unwrap(), 2);
/// assert!(numox::error::normalize_axis(3, 3).is_err());
/// ```
pub fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(Error::AxisOutOfBounds { axis, ndim });
    }
    Ok(if axis < 0 {
        (axis + n) as usize
    } else {
        axis as usize
    })
}
