//! Changing shapes and joining arrays: NumPy's array manipulation routines.
