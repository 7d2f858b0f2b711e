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


def views_apply(arrays, views):
    """The views NumPy is called on, one per array: None (the array itself),
    "T" (transposed), "rev" (reversed along axis 0) or "step2" (every second
    element of the last axis). The Rust tests rebuild them from the recorded
    `views` parameter (crates/numox/tests/common/mod.rs, `view_of`)."""
    out = []
    for a, v in zip(arrays, views):
        if v is None:
            out.append(a)
        elif v == "T":
            out.append(a.T)
        elif v == "rev":
            out.append(a[::-1])
        elif v == "step2":
            out.append(a[..., ::2])
        else:
            raise ValueError(v)
    return out


def permuted_view(a, perm=None, slices=None):
    """`a` with its axes permuted by `perm`, then sliced by `slices` (one
    [start, stop, step] per axis, None for a default)."""
    v = a
    if perm is not None:
        v = v.transpose(perm)
    if slices is not None:
        v = v[tuple(slice(*s) for s in slices)]
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

    def record(self, op, call, inputs, params, note="", multi=False):
        """Call `call()` (floating-point warnings off); record its output (its
        outputs when `multi`) for `inputs` and `params`, or the class name of
        the exception it raised."""
        try:
            with np.errstate(all="ignore"):
                out = call()
        except Exception as e:  # noqa: BLE001 - the class name is the datum
            return self.add(op, inputs, params, None, type(e).__name__, note)
        outs = list(out) if multi else [out]
        return self.add(op, inputs, params, outs, None, note)

    def run(self, op, fn, inputs=(), params=None, note="", multi=False):
        """Call fn(*inputs, **params); record its output(s) or the exception's class name."""
        params = params or {}
        return self.record(op, lambda: fn(*inputs, **params), inputs, params, note, multi)

    def run_views(self, op, fn, inputs, params=None, note="", multi=False, prepare=None):
        """`run` on views of the inputs: `params["views"]` (absent: no views;
        see `views_apply`) is recorded with the case but not passed to `fn`,
        which gets the viewed arrays, mapped by `prepare` (a function of the
        list, e.g. a cast) when given."""
        params = dict(params or {})
        args = views_apply(inputs, params.get("views", [None] * len(inputs)))
        if prepare is not None:
            args = prepare(args)
        kw = {k: v for k, v in params.items() if k != "views"}
        return self.record(op, lambda: fn(*args, **kw), inputs, params, note, multi)

    def run_view0(self, op, fn, inputs, params=None, view=None, note="", multi=False, hidden=()):
        """`run` with input 0 seen through `permuted_view(inputs[0], **view)`:
        the inputs are stored C-contiguous, the view's keys (`perm`,
        `slices`) are recorded in the params, and neither they nor the
        params named in `hidden` (test-only ones) are passed to `fn`."""
        params = dict(params or {})
        view = view or {}
        inputs = [np.array(x, order="C") for x in inputs]
        kw = {k: v for k, v in params.items() if k not in ("perm", "slices") + tuple(hidden)}
        params.update(view)
        return self.record(
            op, lambda: fn(permuted_view(inputs[0], **view), *inputs[1:], **kw), inputs, params, note, multi
        )

    def save(self):
        d = os.path.join(ROOT, "crates", self.crate, "tests", "data")
        os.makedirs(d, exist_ok=True)
        np.savez_compressed(os.path.join(d, self.group + ".npz"), **self.arrays)
        meta = {"group": self.group, "numpy_version": np.__version__, "cases": self.cases}
        with open(os.path.join(d, self.group + ".json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print("%s: %d cases" % (self.group, len(self.cases)))
