"""NumPy/SciPy workloads, one module per area, each with register(add, vec, mat)."""
