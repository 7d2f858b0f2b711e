"""Reference data for numox's .npy/.npz I/O (group "io").

1. Cases (io.json + io.npz, through refgen_common.Cases): arrays of every
   dtype and several shapes; the Rust conformance test checks that numox's
   own .npz reader (the one every other conformance test relies on) returns
   them exactly, with NaN payloads and signed zeros intact.
2. Files under crates/numox/tests/data/npy/ written by NumPy itself
   by write_npy_files: every dtype x byte order x layout x shape in format
   1.0, a subset in formats 2.0 and 3.0, `np.save` of non-contiguous views,
   and .npz archives stored and compressed. Each file has a case ("npy_file",
   "npz_file", "save_view") recording the expected array and how the file
   was made; the Rust test reads the file and compares, and for files
   `np.save` wrote (format 1.0, native order) also checks that numox's
   writer produces the same bytes.
"""

import os

import numpy as np

from refgen_common import ROOT, Cases

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
]
SHAPES = [(), (0,), (5,), (2, 3, 4), (3, 0, 2)]


def sample(dtype, shape, seed=0):
    """Deterministic values that exercise the dtype's range and specials."""
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape)) if shape else 1
    dt = np.dtype(dtype)
    if dt.kind == "b":
        v = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        v = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        specials = np.array([info.min, info.max, 0, 1], dtype=dt)
        v[: min(n, 4)] = specials[: min(n, 4)]
    elif dt.kind == "f":
        v = (rng.standard_normal(n) * 1e3).astype(dt)
        specials = np.array([np.nan, -0.0, np.inf, -np.inf, np.finfo(dt).tiny / 4, np.finfo(dt).max], dtype=dt)
        v[: min(n, 6)] = specials[: min(n, 6)]
    else:
        ft = np.float32 if dt == np.complex64 else np.float64
        re = (rng.standard_normal(n) * 1e3).astype(ft)
        im = (rng.standard_normal(n) * 1e3).astype(ft)
        specials = np.array([np.nan, -0.0, np.inf, 0.0], dtype=ft)
        re[: min(n, 4)] = specials[: min(n, 4)]
        im[: min(n, 4)] = specials[::-1][: min(n, 4)]
        v = np.empty(n, dtype=dt)
        v.real = re
        v.imag = im
        if n:
            v.imag[0] = -0.0
    return v.reshape(shape)


def nan_payload(dtype):
    """A float array whose NaNs carry non-default payloads and signs."""
    if dtype == "float64":
        bits = np.array([0x7FF8000000000001, 0xFFF0000000000002, 0x7FF4000000000000, 0x8000000000000000],
                        dtype=np.uint64)
    else:
        bits = np.array([0x7FC00001, 0xFF800002, 0x7FA00000, 0x80000000], dtype=np.uint32)
    return bits.view(dtype)


def cases():
    c = Cases("io")
    for dt in DTYPES:
        for shape in SHAPES:
            a = sample(dt, shape, seed=len(c.cases))
            c.add("roundtrip", inputs=[a], params={"dtype": dt, "shape": list(shape)}, outputs=[a])
    for dt in ["float32", "float64"]:
        a = nan_payload(dt)
        c.add("roundtrip", inputs=[a], params={"dtype": dt, "shape": [4], "payload": True}, outputs=[a])
    # Parameters as the generators spell them (param_f64 must read these).
    c.add("param_f64", params={"x": float("nan"), "y": float("inf"), "z": float("-inf"), "w": 2.5},
          outputs=[np.array([np.nan, np.inf, -np.inf, 2.5])])
    c.add("error_case", inputs=[np.zeros(3)], error="ValueError", note="a recorded exception")
    # Fortran-ordered input arrays survive the .npz round trip as Fortran arrays.
    f = np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4))
    c.add("fortran", inputs=[f], params={"shape": [2, 3, 4]}, outputs=[np.array(order="C", object=f)])
    write_npy_files(c)
    c.save()


NPY_DIR = os.path.join(ROOT, "crates", "numox", "tests", "data", "npy")
NPY_SHAPES = [((), "C"), ((0,), "C"), ((5,), "C"), ((2, 3, 4), "C"), ((2, 3, 4), "F"), ((3, 0, 2), "F")]


def _write(name, arr, version):
    path = os.path.join(NPY_DIR, name)
    with open(path, "wb") as f:
        if version is None:
            np.save(f, arr)
        else:
            np.lib.format.write_array(f, arr, version=(version, 0))
    return "npy/" + name


def write_npy_files(c):
    os.makedirs(NPY_DIR, exist_ok=True)
    for old in os.listdir(NPY_DIR):
        os.remove(os.path.join(NPY_DIR, old))
    k = 0
    for dt in DTYPES:
        itemsize = np.dtype(dt).itemsize
        orders = ["<"] if itemsize == 1 else ["<", ">"]
        for bo in orders:
            for version in (1, 2, 3):
                for shape, layout in NPY_SHAPES:
                    # Versions 2.0 and 3.0 only change the header-length field
                    # (and the header's text encoding): one C and one F shape each.
                    if version > 1 and shape != (2, 3, 4):
                        continue
                    k += 1
                    a = sample(dt, shape, seed=1000 + k)
                    if itemsize > 1:
                        a = a.astype(np.dtype(dt).newbyteorder(bo))
                    if layout == "F":
                        a = np.asfortranarray(a)
                    tag = "%s%s_v%d_%s_%s" % ("be_" if bo == ">" else "", dt, version, layout,
                                              "x".join(map(str, shape)) or "0d")
                    name = _write(tag + ".npy", a, version if version > 1 else None)
                    native = np.array(order="C", object=a.astype(np.dtype(dt).newbyteorder("=")))
                    c.add("npy_file", inputs=[], outputs=[native],
                          params={"file": name, "dtype": dt, "big_endian": bo == ">", "version": version,
                                  "fortran": bool(layout == "F" and a.ndim > 1 and a.size > 0),
                                  # np.save wrote it: numox's writer must reproduce the bytes.
                                  "byte_identical": version == 1 and bo == "<"})
    # NaN payloads and -0.0 through a file.
    for dt in ["float32", "float64"]:
        a = nan_payload(dt)
        name = _write("nan_payload_%s.npy" % dt, a, None)
        c.add("npy_file", outputs=[a], params={"file": name, "dtype": dt, "big_endian": False, "version": 1,
                                                "fortran": False, "byte_identical": True})
    # np.save of views that are not C-contiguous: numox given the same view
    # must write the same bytes. The view is rebuilt from input 0 in Rust.
    base = np.arange(60, dtype=np.float64).reshape(3, 4, 5) * 1.5 - 7
    views = {
        "T": base.T,
        "transpose_120": base.transpose(1, 2, 0),
        "step_2": base[:, ::2, :],
        "reverse_0": base[::-1],
        "col_1": base[:, 1:2, 0],
        "broadcast": np.broadcast_to(base[0, 0], (3, 5)),
    }
    for vname, v in views.items():
        name = _write("view_%s.npy" % vname, v, None)
        c.add("save_view", inputs=[base], outputs=[np.array(order="C", object=v)],
              params={"file": name, "view": vname, "fortran": bool(v.flags.f_contiguous and not v.flags.c_contiguous)})
    # .npz archives, stored and deflated, with members of mixed dtypes.
    members = {"a": sample("float64", (4, 3), 7), "b": sample("int16", (5,), 8),
               "c": sample("bool", (), 9), "d": np.asfortranarray(sample("complex64", (2, 3), 10))}
    for compressed in (False, True):
        fname = "mixed_%s.npz" % ("deflate" if compressed else "stored")
        (np.savez_compressed if compressed else np.savez)(os.path.join(NPY_DIR, fname), **members)
        c.add("npz_file", inputs=[], outputs=[np.array(order="C", object=m) for m in members.values()],
              params={"file": "npy/" + fname, "names": list(members), "compressed": compressed})
    # Structured dtypes (a list 'descr') are valid NumPy files numox does not represent.
    np.save(os.path.join(NPY_DIR, "structured.npy"), np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))
    c.add("npy_unsupported", params={"file": "npy/structured.npy", "why": "structured"})
    obj = np.array([1, "x", None], dtype=object)
    np.save(os.path.join(NPY_DIR, "object.npy"), obj, allow_pickle=True)
    c.add("npy_unsupported", params={"file": "npy/object.npy", "why": "object"})
    for dt in ["float16", "U3", "S2", "datetime64[s]", "longdouble"]:
        fname = "unsupported_%s.npy" % dt.replace("[", "_").replace("]", "")
        np.save(os.path.join(NPY_DIR, fname), np.zeros(2, dtype=dt))
        c.add("npy_unsupported", params={"file": "npy/" + fname, "why": dt})


if __name__ == "__main__":
    cases()
