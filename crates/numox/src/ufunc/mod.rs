//! Elementwise operations: arithmetic operators with broadcasting,
//! comparisons and logical functions.
