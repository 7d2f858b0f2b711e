"""Reference data for numox's shape and joining routines (crates/numox/tests/conformance_manip.rs).

Conventions the Rust side relies on:
* "pre" (optional) makes an input non-contiguous before the call, on both
  sides: "T" transposes it, "rev" reverses axis 0, "step" takes every other
  element of the last axis. Stored inputs are the original arrays.
* Arguments NumPy accepts as "int or list" are stored as a JSON int or list
  (numox's IntOrList::One / List); axis arguments that may be None are
  stored as null.
* Functions NumPy answers with a tuple record one output per element.
"""

import numpy as np

from refgen_common import Cases

c = Cases("manip")
rng = np.random.default_rng(2024)
DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "uint64", "float32", "float64",
          "complex64", "complex128"]


def run(op, fn, inputs=(), params=None, multi=False, note=""):
    """Record fn(*inputs) (after "pre"); params are recorded for the Rust side."""
    params = dict(params or {})
    pre = params.get("pre")
    args = [prep(a, pre) if k == 0 else a for k, a in enumerate(inputs)]
    if params.get("pre_all"):
        args = [prep(a, pre) for a in inputs]
    try:
        with np.errstate(all="ignore"):
            out = fn(*args)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        return c.add(op, inputs, params, None, type(e).__name__, note)
    outs = list(out) if multi else [out]
    return c.add(op, inputs, params, [np.array(o) for o in outs], None, note)


def prep(a, pre):
    if pre is None:
        return a
    if pre == "T":
        return a.T
    if pre == "rev":
        return a[::-1]
    if pre == "step":
        return a[..., ::2]
    raise ValueError(pre)


def arr(shape, dt, special=True):
    x = rng.integers(-20, 21, size=shape)
    if dt == "bool":
        return x > 0
    if dt.startswith("uint"):
        return np.abs(x).astype(dt)
    if dt.startswith("int"):
        return x.astype(dt)
    y = (x / 4).astype(dt)
    if dt.startswith("complex"):
        y = y + 1j * (rng.integers(-20, 21, size=shape) / 8).astype(dt)
        y = y.astype(dt)
    if special and y.size >= 4:
        f = y.reshape(-1)
        f[1] = -0.0
        f[3] = np.nan
        if y.size > 6:
            f[5] = -np.inf
    return y


def dt_cycle():
    i = 0
    while True:
        yield DTYPES[i % len(DTYPES)]
        i += 1


dts = dt_cycle()

# ---------------------------------------------------------------- reshape / ravel
for shape, new, order, pre in [((2, 3), [3, 2], "C", None), ((2, 3), [-1], "F", None), ((2, 3, 4), [4, -1], "C", "T"),
                               ((4, 6), [2, 2, 6], "F", "rev"), ((3, 4), [6, 1], "C", "step"), ((0, 3), [3, 0], "C", None),
                               ((2, 3), [4, 2], "C", None), ((6,), [-1, -1], "C", None), ((), [1, 1], "C", None)]:
    dt = next(dts)
    run("reshape", lambda a, new=new, order=order: np.reshape(a, new, order=order), [arr(shape, dt)],
        {"shape": new, "order": order, "pre": pre})
for shape, pre in [((2, 3), None), ((2, 3), "T"), ((3, 4, 2), "step"), ((0, 2), None), ((), None)]:
    run("ravel", np.ravel, [arr(shape, next(dts))], {"pre": pre})

# ---------------------------------------------------------------- axes
for shape, axes, pre in [((2, 3, 4), None, None), ((2, 3, 4), [1, 0, 2], None), ((2, 3, 4), [-1, 0, 1], "T"),
                         ((3,), None, None), ((2, 3), [0, 0], None), ((2, 3), [0, 1, 2], None), ((2, 3), [0, 2], None)]:
    run("transpose", lambda a, axes=axes: np.transpose(a, axes), [arr(shape, next(dts))], {"axes": axes, "pre": pre})
for shape, a1, a2 in [((2, 3, 4), 0, 2), ((2, 3), -1, 0), ((3,), 0, 0), ((2, 3), 0, 2)]:
    run("swapaxes", lambda a, a1=a1, a2=a2: np.swapaxes(a, a1, a2), [arr(shape, next(dts))], {"a1": a1, "a2": a2})
for shape, src, dst in [((3, 4, 5), 0, -1), ((3, 4, 5), -1, 0), ((3, 4, 5), [0, 1], [-1, -2]), ((2, 3, 4, 5), [3, 0], [0, 2]),
                        ((3, 4, 5), [0, 1], [0]), ((3, 4), 0, 2), ((3, 4, 5), [0, 0], [1, 2]), ((3, 4, 5), [0, 1], [2, 0])]:
    run("moveaxis", lambda a, src=src, dst=dst: np.moveaxis(a, src, dst), [arr(shape, next(dts))], {"src": src, "dst": dst})
for shape, axis in [((3,), 0), ((3,), -1), ((2, 3), [0, 3]), ((2, 3), [-1, 1]), ((), 0), ((3,), [0, 0]), ((3,), 2),
                    ((2, 3), [0, -1, 2])]:
    run("expand_dims", lambda a, axis=axis: np.expand_dims(a, axis), [arr(shape, next(dts))], {"axis": axis})
for shape, axis in [((1, 3, 1), None), ((1, 3, 1), 0), ((1, 3, 1), [0, -1]), ((1, 3, 1), 1), ((3,), None), ((1, 1), None),
                    ((1, 0, 1), -1), ((1, 3, 1), 3), ((1, 3, 1), [0, 0])]:
    run("squeeze", lambda a, axis=axis: np.squeeze(a, tuple(axis) if isinstance(axis, list) else axis),
        [arr(shape, next(dts))], {"axis": axis})

# ---------------------------------------------------------------- broadcasting
for shape, new in [((3,), [2, 3]), ((2, 1), [2, 4]), ((1,), [0]), ((), [2, 2]), ((2, 1), [3, 2, 5]), ((3,), [4]), ((2,), [2, 1])]:
    run("broadcast_to", lambda a, new=new: np.broadcast_to(a, new), [arr(shape, next(dts))], {"shape": new})
for shapes in [[(2, 1), (3,)], [(4, 1, 3), (1, 5, 1), (3,)], [(0, 1), (1, 2)], [(2,), (3,)], [()]]:
    dt = next(dts)
    run("broadcast_arrays", lambda *xs: np.broadcast_arrays(*xs), [arr(s, dt) for s in shapes], {}, multi=True)

# ---------------------------------------------------------------- joining
join_cases = [
    ([(2, 3), (1, 3)], 0), ([(2, 3), (2, 1), (2, 0)], 1), ([(2, 3), (2, 3)], -1), ([(2, 3), (4, 3)], None),
    ([(2, 2, 2), (2, 1, 2)], 1), ([(3,), (0,), (2,)], 0), ([(2, 3), (2, 4)], 0), ([(2, 3), (3,)], 0),
    ([(2, 3)], 0), ([(), ()], 0), ([(), (2,)], None), ([(2, 3), (2, 3)], 2),
]
for shapes, axis in join_cases:
    dt = next(dts)
    run("concatenate", lambda *xs, axis=axis: np.concatenate(xs, axis=axis), [arr(s, dt) for s in shapes], {"axis": axis})
for pre in ["T", "rev", "step"]:
    dt = next(dts)
    run("concatenate", lambda *xs: np.concatenate(xs, axis=1), [arr((4, 4), dt), arr((4, 4), dt)],
        {"axis": 1, "pre": pre, "pre_all": True}, note="non-contiguous inputs")
run("concatenate", lambda: np.concatenate([], axis=0), [], {"axis": 0, "dtype": "float64"}, note="empty list")
for shapes, axis in [([(3,), (3,)], 0), ([(3,), (3,)], -1), ([(2, 3), (2, 3), (2, 3)], 1), ([(2, 3), (2, 3)], 2),
                     ([(), ()], 0), ([(2,), (3,)], 0), ([(2, 0), (2, 0)], 0), ([(2, 3), (2, 3)], 3)]:
    dt = next(dts)
    run("stack", lambda *xs, axis=axis: np.stack(xs, axis=axis), [arr(s, dt) for s in shapes], {"axis": axis})
stack_shapes = [[(3,), (2,)], [(2, 3), (2, 1)], [(), ()], [(2, 2, 2), (2, 2, 1)], [(2, 3), (3,)], [(0,), (3,)]]
for name, fn in [("hstack", np.hstack), ("vstack", np.vstack), ("dstack", np.dstack), ("column_stack", np.column_stack)]:
    for shapes in stack_shapes + [[(3,), (3,)], [(1, 3), (2, 3)]]:
        dt = next(dts)
        run(name, lambda *xs, fn=fn: fn(xs), [arr(s, dt) for s in shapes], {})
for shapes, axis in [([(2, 3), (1, 3)], 0), ([(2, 3), (3,)], None), ([(2, 3), (3,)], 0), ([(2, 2), ()], None),
                     ([(2, 3), (2, 2)], 1), ([(), ()], None)]:
    dt = next(dts)
    run("append", lambda a, b, axis=axis: np.append(a, b, axis=axis), [arr(s, dt) for s in shapes], {"axis": axis})

# ---------------------------------------------------------------- splitting
for shape, ios, axis, pre in [((6,), 3, 0, None), ((7,), 3, 0, None), ((4, 6), 2, 1, None), ((4, 6), [1, 3], 1, "T"),
                              ((8,), [2, -2, 10], 0, None), ((8,), [5, 2], 0, None), ((3, 4), 3, -1, None), ((3,), 0, 0, None),
                              ((0, 2), 2, 0, None), ((6,), [], 0, None), ((6, 2), 4, 0, "rev"), ((2, 3), 2, 2, None)]:
    dt = next(dts)
    run("array_split", lambda a, ios=ios, axis=axis: np.array_split(a, ios, axis), [arr(shape, dt)],
        {"ios": ios, "axis": axis, "pre": pre}, multi=True)
    run("split", lambda a, ios=ios, axis=axis: np.split(a, ios, axis), [arr(shape, dt)],
        {"ios": ios, "axis": axis, "pre": pre}, multi=True)
for name, fn, cases in [("hsplit", np.hsplit, [((4,), 2), ((2, 6), 3), ((2, 6), [1, 4]), ((), 1), ((2, 5), 2)]),
                        ("vsplit", np.vsplit, [((4, 2), 2), ((6, 2, 2), [1, 5]), ((4,), 2)]),
                        ("dsplit", np.dsplit, [((2, 2, 4), 2), ((1, 2, 6), [3]), ((2, 4), 2)])]:
    for shape, ios in cases:
        run(name, lambda a, ios=ios, fn=fn: fn(a, ios), [arr(shape, next(dts))], {"ios": ios}, multi=True)

# ---------------------------------------------------------------- tile / repeat
for shape, reps, pre in [((3,), 2, None), ((3,), [2, 2], None), ((2, 2), [2, 1], None), ((2, 3), [3], "T"), ((2,), [1, 1, 3], None),
                         ((2, 3), 1, None), ((), [2, 3], None), ((2, 0), [2, 2], None), ((3,), 0, None), ((3,), [-1], None),
                         ((2, 3, 2), [2, 1, 2], "rev")]:
    run("tile", lambda a, reps=reps: np.tile(a, reps), [arr(shape, next(dts))], {"reps": reps, "pre": pre})
for shape, reps, axis, pre in [((2, 2), 2, None, None), ((2, 2), [1, 2], 0, None), ((2, 3), [0, 3, 1], 1, None),
                               ((2, 3), 3, 1, "step"), ((3,), [2], 0, None), ((2, 3), [1, 2], 1, None), ((2, 3), -1, None, None),
                               ((2, 3), [1, -1, 0], 1, None), ((0, 3), 2, 0, None), ((2, 3), 2, 2, None), ((), 3, None, None),
                               ((4, 3), [1, 0, 2, 1], 0, "T")]:
    run("repeat", lambda a, reps=reps, axis=axis: np.repeat(a, reps, axis), [arr(shape, next(dts))],
        {"repeats": reps, "axis": axis, "pre": pre})

# ---------------------------------------------------------------- flip / roll / rot90
for shape, axis in [((2, 3), None), ((2, 3), 0), ((2, 3), -1), ((2, 3, 4), [0, 2]), ((3,), None), ((), None),
                    ((2, 3), 2), ((2, 3), [0, 0]), ((0, 3), 1)]:
    run("flip", lambda a, axis=axis: np.flip(a, axis), [arr(shape, next(dts))], {"axis": axis})
for shape in [(2, 3), (2, 3, 4), (3,)]:
    run("fliplr", np.fliplr, [arr(shape, next(dts))], {})
for shape in [(2, 3), (4,), ()]:
    run("flipud", np.flipud, [arr(shape, next(dts))], {})
for shape, shift, axis, pre in [((5,), 2, None, None), ((5,), -7, None, None), ((2, 3), 1, None, None), ((2, 3), 1, 0, None),
                                ((2, 3), -1, 1, "T"), ((2, 3), [1, 1], [0, 1], None), ((2, 3), [1, 2], 1, None),
                                ((3, 4), 1, [0, 1], None), ((2, 3, 4), [5, -3], [2, 0], "rev"), ((0, 3), 2, 1, None),
                                ((2, 3), [1, 2, 3], [0, 1], None), ((2, 3), 1, 2, None), ((), 3, None, None),
                                ((2, 3), [1, 2], None, None)]:
    run("roll", lambda a, shift=shift, axis=axis: np.roll(a, shift, axis), [arr(shape, next(dts))],
        {"shift": shift, "axis": axis, "pre": pre})
for shape, k, axes in [((2, 3), 1, [0, 1]), ((2, 3), 2, [0, 1]), ((2, 3), 3, [0, 1]), ((2, 3), -1, [0, 1]),
                       ((2, 3), 4, [0, 1]), ((2, 3, 4), 1, [1, 2]), ((2, 3, 4), 1, [2, 0]), ((2, 3, 4), 3, [-1, -3]),
                       ((2, 3), 1, [0, 0]), ((2, 3), 1, [0, 2]), ((2, 3), 1, [0, -2]), ((3,), 1, [0, 1])]:
    run("rot90", lambda a, k=k, axes=axes: np.rot90(a, k, axes), [arr(shape, next(dts))], {"k": k, "axes": axes})

# ---------------------------------------------------------------- atleast / contiguity
for name, fn in [("atleast_1d", np.atleast_1d), ("atleast_2d", np.atleast_2d), ("atleast_3d", np.atleast_3d)]:
    for shape in [(), (3,), (2, 3), (2, 3, 4), (1, 2, 3, 4)]:
        run(name, fn, [arr(shape, next(dts))], {})
for name, fn in [("ascontiguousarray", np.ascontiguousarray), ("asfortranarray", np.asfortranarray)]:
    for shape, pre in [((2, 3), None), ((2, 3), "T"), ((3, 4), "step"), ((), None), ((0, 2), None)]:
        run(name, fn, [arr(shape, next(dts))], {"pre": pre})

# ---------------------------------------------------------------- insert / delete
for shape, obj, axis, vals in [((3,), 1, None, ()), ((3,), [0, 3], None, (2,)), ((2, 2), 1, 1, (2,)), ((2, 2), [1], 1, (2,)),
                               ((2, 2), 2, 0, ()), ((2, 3), [0, 0, 2], 1, ()), ((2, 3), [2, 0], 1, (2, 2)), ((2, 3), -1, 1, ()),
                               ((2, 3), [-1, 1], 0, (3,)), ((3,), 5, None, ()), ((3,), -4, None, ()), ((3,), [0, 7], None, ()),
                               ((2, 3), 1, None, (2,)), ((2, 3), 1, 2, ()), ((3,), [], None, ()), ((2, 2), 0, 0, (3,)),
                               ((2, 3), 1, 0, (1, 3)), ((2, 3), [1], 0, (1, 3))]:
    dt = next(dts)
    run("insert", lambda a, v, obj=obj, axis=axis: np.insert(a, obj, v, axis), [arr(shape, dt), arr(vals, dt, False)],
        {"obj": obj, "axis": axis})
for shape, obj, axis, pre in [((5,), 1, None, None), ((2, 3), 1, 1, None), ((2, 3), [0, -1], None, None), ((3, 4), [0, 0, 2], 1, "T"),
                              ((2, 3), 2, 0, None), ((2, 3), -3, 1, None), ((2, 3), [0, 5], 1, None), ((4,), [], None, None),
                              ((2, 3), 1, 2, None), ((3, 4), [1, 2], 0, "rev")]:
    run("delete", lambda a, obj=obj, axis=axis: np.delete(a, obj, axis), [arr(shape, next(dts))],
        {"obj": obj, "axis": axis, "pre": pre})

# ---------------------------------------------------------------- pad
PAD_DTYPES = ["int8", "uint8", "int32", "int64", "float32", "float64", "complex128"]
pads = [[[1, 2]], [[2, 1], [0, 3]], [[5, 7]], [[3, 3], [4, 2]], [[0, 0]], [[1, 1], [1, 1], [1, 1]]]


def pad_case(shape, pw, mode, kw, dt, pre=None, note=""):
    a = arr(shape, dt, special=False)
    params = {"pad_width": pw, "mode": mode, "pre": pre}
    params.update(kw)
    run("pad", lambda x: np.pad(x, [tuple(p) for p in pw], mode=mode, **kw), [a], params, note=note)


for i, mode in enumerate(["constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "maximum", "minimum", "mean",
                          "median"]):
    for j, (shape, pw) in enumerate([((5,), pads[0]), ((3, 4), pads[1]), ((3,), pads[2]), ((2, 3), pads[3]),
                                     ((4,), pads[4]), ((2, 2, 3), pads[5]), ((1, 4), [[3, 2], [6, 9]])]):
        dt = PAD_DTYPES[(i + j) % len(PAD_DTYPES)]
        kw = {}
        if mode == "constant" and j % 2:
            kw = {"constant_values": [[-3, 7]] if j != 3 else [[1, 2], [3, 4]]}
        if mode == "linear_ramp" and j % 2 == 0:
            kw = {"end_values": [[9, -4]] if j != 2 else [[100, 120]]}
        if mode in ("maximum", "minimum", "mean", "median") and j % 3 == 1:
            kw = {"stat_length": [[2, 3]]}
        pad_case(shape, pw, mode, kw, dt)
for mode in ["reflect", "symmetric"]:
    for dt in ["int8", "uint8", "float64", "float32", "complex64"]:
        pad_case((4,), [[9, 6]], mode, {"reflect_type": "odd"}, dt, note="odd reflection, pad wider than the array")
    pad_case((3, 2), [[4, 5], [3, 1]], mode, {"reflect_type": "odd"}, "int64")
    pad_case((1, 3), [[2, 2], [1, 1]], mode, {}, "float64", note="length-1 axis")
for dt in ["float64", "float32", "int32"]:
    pad_case((3, 12), [[2, 1], [3, 4]], "mean", {}, dt, note="mean over 12 values (pairwise sum)")
    pad_case((12, 3), [[2, 1], [3, 4]], "mean", {}, dt, note="mean over 12 values along axis 0")
    pad_case((12, 1), [[2, 1], [0, 0]], "mean", {}, dt, note="mean along axis 0 of a column")
    pad_case((2, 9), [[1, 1], [2, 2]], "median", {"stat_length": [[4, 5]]}, dt)
    pad_case((3, 20), [[0, 0], [3, 3]], "linear_ramp", {"end_values": [[0, 0]]}, dt)
for mode in ["edge", "wrap", "reflect", "symmetric", "constant", "maximum"]:
    pad_case((2, 3), [[1, 2], [2, 1]], mode, {}, "bool")
pad_case((0, 3), [[1, 1], [0, 0]], "edge", {}, "float64", note="empty axis cannot be extended")
pad_case((0, 3), [[0, 0], [1, 1]], "edge", {}, "float64", note="padding a non-empty axis of an empty array")
pad_case((0, 3), [[1, 1], [2, 0]], "constant", {}, "int32")
pad_case((3,), [[1, 1]], "maximum", {"stat_length": [[0, 0]]}, "float64")
pad_case((2, 3), [[1, 1], [1, 1], [1, 1]], "edge", {}, "float64", note="too many pairs")
pad_case((2, 3), [[1, 2]], "edge", {}, "float64", pre="T")
pad_case((3, 4), [[1, 2], [2, 0]], "reflect", {}, "int16", pre="step")
pad_case((), [[1, 1]], "constant", {}, "float64", note="0-d input")
f = arr((2, 3), "float64", special=True)
run("pad", lambda x: np.pad(x, [(1, 1), (2, 1)], mode="maximum"), [f], {"pad_width": [[1, 1], [2, 1]], "mode": "maximum"},
    note="NaN propagates")
run("pad", lambda x: np.pad(x, [(1, 1), (2, 1)], mode="median"), [f], {"pad_width": [[1, 1], [2, 1]], "mode": "median"},
    note="NaN propagates")

c.save()
