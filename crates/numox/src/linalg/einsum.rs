//! NumPy's `einsum` (placeholder until the implementation lands).
