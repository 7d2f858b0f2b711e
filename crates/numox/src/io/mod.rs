//! Reading and writing arrays: NumPy's `.npy` and `.npz` formats.
