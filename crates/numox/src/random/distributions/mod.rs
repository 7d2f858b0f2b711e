//! The scalar sampling kernels (NumPy's `numpy/random/src/distributions/*.c`),
//! generic over the bit generator so that each stream is inlined.

pub(crate) mod continuous;
pub(crate) mod discrete;
pub(crate) mod exponential;
pub(crate) mod gamma;
pub(crate) mod hypergeometric;
pub(crate) mod integers;
pub(crate) mod normal;
