"""Reference data for numox.linalg's cross, einsum_path and qr(mode='raw')
(crates/numox/tests/suite/conformance_linalg_extra.rs).

* cross: inputs x1, x2 and "axis"; output NumPy's np.linalg.cross, or the
  exception class.
* einsum_path: only shapes matter; params hold "subscripts", "shapes",
  "optimize" ("greedy", "optimal", false, ["greedy", limit], or an explicit
  path list), and NumPy's results: "path" (without the 'einsum_path' tag),
  "report" (the printed string), "has_ellipsis" (NumPy names ellipsis axes
  with letters in hash order, so the report is not compared for those).
* qr_raw: input a; outputs h and tau; "cond" of a for the tolerance.
"""

import numpy as np

from refgen_common import Cases

c = Cases("linalg_extra")
rng = np.random.default_rng(7)


def rand(shape, dt):
    x = rng.standard_normal(shape)
    if dt.startswith("complex"):
        x = x + 1j * rng.standard_normal(shape)
    return x.astype(dt)


# ---- cross -------------------------------------------------------------
for dt in ["float64", "int64", "complex128", "float32"]:
    c.run("cross", np.linalg.cross, [rand((3,), dt) if dt != "int64" else rng.integers(-9, 9, 3),
                                     rand((3,), dt) if dt != "int64" else rng.integers(-9, 9, 3)],
          {"axis": -1})
c.run("cross", np.linalg.cross, [rand((4, 3), "float64"), rand((3,), "float64")], {"axis": -1})
c.run("cross", np.linalg.cross, [rand((3, 4), "float64"), rand((3, 1), "float64")], {"axis": 0})
c.run("cross", np.linalg.cross, [rand((2, 3, 5), "float64"), rand((3, 5), "float64")], {"axis": -2})
c.run("cross", np.linalg.cross, [rand((2,), "float64"), rand((2,), "float64")], {"axis": -1}, note="2-vectors refused")
c.run("cross", np.linalg.cross, [rand((3,), "float64"), rand((2,), "float64")], {"axis": -1})
c.run("cross", np.linalg.cross, [rand((4, 3), "float64"), rand((5, 3), "float64")], {"axis": -1}, note="no broadcast")
c.run("cross", np.linalg.cross, [rand((0, 3), "float64"), rand((3,), "float64")], {"axis": -1}, note="empty batch")

# ---- einsum_path -------------------------------------------------------
PATHS = [
    ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)]),
    ("ij,jk,kl->il", [(10, 1000), (1000, 5), (5, 800)]),
    ("ea,fb,abcd,gc,hd->efgh", [(10, 10), (10, 10), (10, 10, 10, 10), (10, 10), (10, 10)]),
    ("ea,fb,abcd,gc,hd->efgh", [(5, 7), (6, 8), (7, 8, 9, 3), (4, 9), (2, 3)]),
    ("ij,jk,kl,lm->im", [(30, 2), (2, 40), (40, 3), (3, 50)]),
    ("abc,bcd,cde,def->af", [(4, 5, 6), (5, 6, 7), (6, 7, 8), (7, 8, 9)]),
    ("i,i,i->", [(7,), (7,), (7,)]),
    ("ij,kl,mn->ijklmn", [(2, 3), (3, 4), (4, 5)]),
    ("ab,cd,bc", [(3, 4), (5, 6), (4, 5)]),
    ("ij,ij,ij->ij", [(4, 5), (4, 5), (4, 5)]),
    ("ii,ij,jk", [(6, 6), (6, 3), (3, 4)]),
    ("ij,jk", [(3, 4), (4, 5)]),
    ("ijk", [(2, 3, 4)]),
    ("ab,bc,cd,de,ef,fa->", [(3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 3)]),
    ("Ab,bC,CD->AD", [(3, 4), (4, 5), (5, 2)]),
    ("ij,jk,kl->il", [(1, 4), (4, 1), (1, 6)]),
    ("ij,jk,kl->il", [(3, 1), (4, 5), (5, 2)]),
    ("...ij,...jk,...kl->...il", [(2, 3, 4), (2, 4, 5), (5, 6)]),
    ("i...,i...,i...", [(3, 2), (3, 2), (3, 2)]),
]
OPTS = ["greedy", "optimal", False, ["greedy", 50], ["optimal", 100]]


def add_path(sub, shapes, opt, note=""):
    ops = [np.empty(s) for s in shapes]
    params = {"subscripts": sub, "shapes": [list(s) for s in shapes], "optimize": opt,
              "has_ellipsis": "." in sub}
    popt = opt
    if isinstance(opt, list) and opt and opt[0] == "einsum_path":
        popt = ["einsum_path"] + [tuple(p) for p in opt[1:]]
    elif isinstance(opt, list):
        popt = tuple(opt)
    try:
        path, report = np.einsum_path(sub, *ops, optimize=popt)
    except Exception as e:  # noqa: BLE001 - the class name is the datum
        c.add("einsum_path", [], params, None, type(e).__name__, note)
        return
    params["path"] = [list(p) for p in path[1:]]
    params["report"] = report
    c.add("einsum_path", [], params, [np.array(0)], None, note)


for sub, shapes in PATHS:
    for opt in OPTS:
        add_path(sub, shapes, opt)
add_path("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], ["einsum_path", [0, 2], [0, 1]], "explicit path")
add_path("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], ["einsum_path", [0, 1]], "explicit path, incomplete")
add_path("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], ["einsum_path", [0, 1, 2]], "explicit single step")
add_path("ij,jk->ik", [(2, 3), (4, 2)], "greedy", "size mismatch")
add_path("ij,jk->iq", [(2, 3), (3, 2)], "greedy", "output label not in input")
add_path("ij,jk->ii", [(2, 3), (3, 2)], "greedy", "repeated output label")
add_path("ij,jk,kl->il", [(2, 2), (2, 5)], "greedy", "operand count")
add_path("ijk,jk->i", [(2, 3), (3, 2)], "greedy", "rank mismatch")
add_path("i...j,jk->ik", [(2, 3), (3, 2)], "greedy", "bad ellipsis")

# ---- qr raw ------------------------------------------------------------
for dt in ["float64", "complex128", "float32", "complex64"]:
    for shape in [(4, 3), (3, 5), (5, 5), (2, 3, 3), (1, 1), (6, 1)]:
        a = rand(shape, dt)
        h, tau = np.linalg.qr(a, mode="raw")
        cond = float(np.max(np.linalg.cond(a.astype(np.complex128 if dt.startswith("complex") else np.float64))))
        c.add("qr_raw", [a], {"cond": cond}, [h, tau])
a = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
h, tau = np.linalg.qr(a, mode="raw")
c.add("qr_raw", [a], {"cond": 1e16}, [h, tau], note="rank deficient")
a = np.zeros((3, 2))
h, tau = np.linalg.qr(a, mode="raw")
c.add("qr_raw", [a], {"cond": 1.0}, [h, tau], note="zero matrix")
for shape in [(0, 3), (3, 0)]:
    a = np.zeros(shape)
    h, tau = np.linalg.qr(a, mode="raw")
    c.add("qr_raw", [a], {"cond": 1.0}, [h, tau], note="empty")
c.run("qr_raw", lambda a: np.linalg.qr(a, mode="raw"), [np.arange(3.0)], note="1-d input")

c.save()
