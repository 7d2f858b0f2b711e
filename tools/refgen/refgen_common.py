"""Shared machinery of the reference-data generators.

A generator builds a `Cases` group, adds cases (an operation name, input
arrays, JSON parameters, and either NumPy's outputs or the name of the
exception NumPy raised), and saves it as

    crates/<crate>/tests/data/<group>.npz   arrays  c0001_in0, c0001_out0, ...
    crates/<crate>/tests/data/<group>.json  {"group", "numpy_version", "cases": [...]}

Each JSON case is {"id", "op", "params", "n_in", "n_out", "error", "note"}.
The Rust conformance tests read both with numox's own .npz reader
(crates/numox/tests/common/mod.rs) and dispatch on "op".
"""

import json
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _jsonable(v):
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        # JSON has no NaN/inf: spell them as strings the Rust side understands.
        return "nan" if v != v else ("inf" if v > 0 else "-inf")
    return v


class Cases:
    def __init__(self, group, crate="numox"):
        self.group = group
        self.crate = crate
        self.cases = []
        self.arrays = {}

    def add(self, op, inputs=(), params=None, outputs=None, error=None, note=""):
        """Record one case. `outputs` is a list of arrays/scalars, or None with `error` set."""
        cid = "c%04d" % (len(self.cases) + 1)
        for k, a in enumerate(inputs):
            self.arrays["%s_in%d" % (cid, k)] = np.asarray(a) if not isinstance(a, np.ndarray) else a
        outs = [] if outputs is None else list(outputs)
        for k, a in enumerate(outs):
            self.arrays["%s_out%d" % (cid, k)] = np.asarray(a)
        self.cases.append(
            {
                "id": cid,
                "op": op,
                "params": _jsonable(params or {}),
                "n_in": len(inputs),
                "n_out": len(outs),
                "error": error,
                "note": note,
            }
        )
        return cid

    def run(self, op, fn, inputs=(), params=None, note="", multi=False):
        """Call fn(*inputs, **params); record its output(s) or the exception's class name."""
        params = params or {}
        try:
            with np.errstate(all="ignore"):
                out = fn(*inputs, **params)
        except Exception as e:  # noqa: BLE001 - the class name is the datum
            return self.add(op, inputs, params, None, type(e).__name__, note)
        outs = list(out) if multi else [out]
        return self.add(op, inputs, params, outs, None, note)

    def save(self):
        d = os.path.join(ROOT, "crates", self.crate, "tests", "data")
        os.makedirs(d, exist_ok=True)
        np.savez_compressed(os.path.join(d, self.group + ".npz"), **self.arrays)
        meta = {"group": self.group, "numpy_version": np.__version__, "cases": self.cases}
        with open(os.path.join(d, self.group + ".json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print("%s: %d cases" % (self.group, len(self.cases)))
