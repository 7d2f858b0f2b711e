"""Reference data for numox's text and raw I/O (group "textio").

Cases:
- "loadtxt": input 0 is the file's bytes (uint8); NumPy's `np.loadtxt` reads
  them from a file (text mode: universal newlines, UTF-8) with the params
  (dtype, delimiter, comments, skiprows, usecols, unpack, ndmin, max_rows,
  quotechar); output 0 is the array, or the exception name.
- "savetxt": input 0 is the array; output 0 is the bytes `np.savetxt` wrote
  (fmt, delimiter, newline, header, footer, comments).
- "frombuffer": input 0 is the bytes; params dtype, count, offset.
- "genfromtxt": input 0 is the file's bytes; NumPy's `np.genfromtxt(dtype=float)`
  with the params; output 0 is the float array (with names=True: the
  structured result as a 2-D float array, and the names in params["want_names"]).
- "tobytes": input 0 is an array (sometimes a non-contiguous view);
  output 0 is `a.tobytes()`, which is what `a.tofile` writes.
- "fromstring" / "fromfile_text": input 0 is the text's bytes; params dtype,
  sep, count; output 0 is `np.fromstring(text, dtype, count, sep)` /
  `np.fromfile(path, dtype, count, sep)`, or the exception name.
- "tofile_text": input 0 is the array (params perm: a transposed view);
  output 0 is the bytes `a.tofile(path, sep, format)` wrote.
"""

import io
import os
import tempfile
import warnings

import numpy as np

from refgen_common import Cases

C = Cases("textio")
TMP = tempfile.mkdtemp()


def b(s):
    return np.frombuffer(s.encode("utf-8") if isinstance(s, str) else s, dtype=np.uint8).copy()


def loadtxt(text, note="", **params):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    path = os.path.join(TMP, "f.txt")
    with open(path, "wb") as f:
        f.write(raw)
    kw = dict(params)
    kw["dtype"] = np.dtype(kw.get("dtype", "float64"))
    kw.setdefault("encoding", "utf-8")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = np.loadtxt(path, **kw)
    except Exception as e:  # noqa: BLE001
        C.add("loadtxt", [b(raw)], params, None, type(e).__name__, note)
        return
    C.add("loadtxt", [b(raw)], params, [np.array(out, order="C", copy=True)], None, note)


NUM = "1 2 3\n4 5 6\n"
CSV = "1.5,-2,3e2,nan\n4,inf,-0.0,1e-320\n7,8,9,10\n"
texts = {
    "num": NUM,
    "csv": CSV,
    "one": "5\n",
    "col": "1\n2\n3\n",
    "row": "1 2 3 4\n",
    "empty": "",
    "blank": "\n\n   \n",
    "comments": "# head\n1 2 # tail\n\n   # only\n3 4\n",
    "crlf": "1 2\r\n3 4\r\n",
    "cr": "1 2\r3 4\r",
    "tabs": "1\t2\t 3\n 4 \t5\t6\t\n",
    "nonl": "1 2\n3 4",
}
for name, t in texts.items():
    delim = "," if name == "csv" else None
    for dt in ["float64", "float32", "int64", "int8", "uint16", "complex128", "bool"]:
        loadtxt(t, note=name, dtype=dt, delimiter=delim)
    for nd in [0, 1, 2]:
        for unpack in [False, True]:
            loadtxt(t, note=name, delimiter=delim, ndmin=nd, unpack=unpack)

# Floats that need correct rounding and unusual spellings.
floats = [
    "0.1", "1e23", "8.98846567431158e307", "2.2250738585072011e-308", "4.9e-324", "2.4703282292062328e-324",
    "1.7976931348623157e308", "1.7976931348623158e308", "1e400", "-1e400", "+1.5", ".5", "5.", "1E5", "-0",
    "NaN", "-nan", "Inf", "-Infinity", "infinity", "0.30000000000000004", "123456789012345678901234567890",
    "9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
    "3.4028235677973366e38", "1.401298464324817e-45", "0.1000000000000000055511151231257827",
]
for fl in floats:
    for dt in ["float64", "float32"]:
        loadtxt(fl + "\n", note="float " + fl, dtype=dt)
for bad in ["1_0", "0x10", "1e", "e5", "--1", "1.2.3", "", "1,5", "abc", "1 2j", "nan(1)", "1d5", "inf5"]:
    loadtxt(bad + ",1\n", note="bad float " + bad, delimiter=",")

# Integers.
for it, vals in [
    ("int8", ["127", "-128", "128", "-129", " +5 ", "1.0", "1e2", "0x1"]),
    ("uint8", ["255", "256", "-1", "+0", "-0"]),
    ("int64", ["9223372036854775807", "-9223372036854775808", "9223372036854775808", "007"]),
    ("uint64", ["18446744073709551615", "18446744073709551616"]),
    ("int32", ["2147483647", "-2147483649", ""]),
    ("bool", ["0", "1", "2", "-1", "True", "1.0"]),
]:
    for v in vals:
        loadtxt(v + ",3\n", note=it + " " + v, dtype=it, delimiter=",")

# Complex.
for v in ["1+2j", "(1+2j)", " ( 1-2j ) ", "3j", "-3j", "4", "1+-2j", "1e3-1e-3j", "nanj", "inf+infj",
          "1+j", "(1+2j", "1+2", "j", "1+2jj", "(3)", "1 + 2j"]:
    loadtxt(v + "\n", note="complex " + v, dtype="complex128", delimiter=",")
    loadtxt(v + "\n", note="complex64 " + v, dtype="complex64", delimiter=",")

# Options.
DATA = "# a b c d\n1 2 3 4\n5 6 7 8\n% pct\n9 10 11 12\n// sl\n13 14 15 16\n"
for uc in [None, 0, -1, [0, 2], [-1, 0], [3, 3], [4], [-5], []]:
    loadtxt(DATA, note="usecols", usecols=uc, comments=["#", "%", "//"])
for sk in [0, 1, 2, 4, 10]:
    for mr in [None, 0, 1, 2, 10]:
        loadtxt(DATA, note="skip/max", skiprows=sk, max_rows=mr, comments=["#", "%", "//"])
for cm in [None, "#", "%", ["%", "//"], ["#", "%", "//"], "//", []]:
    loadtxt(DATA, note="comments", comments=cm)
loadtxt("1,2\n", comments="", delimiter=",", note="empty comment")
loadtxt("1;2#x\n3;4\n", delimiter=";")
loadtxt("1;2\n3;4\n", delimiter=";", comments=[";", "#"], note="delimiter in comments")
loadtxt("1|2\n3|4|\n", delimiter="|")
loadtxt("1,2\n\n3,4\n", delimiter=",", note="empty line csv")
loadtxt("1,2\n  \n3,4\n", delimiter=",", note="blank line csv")
loadtxt("1,2\n,\n", delimiter=",", note="empty fields")
loadtxt(" 1 , 2 \n3,4\n", delimiter=",", note="spaces around")
loadtxt("1,2,3\n4,5\n", delimiter=",", note="ragged")
loadtxt("1,2,3\n4,5\n", delimiter=",", usecols=[0, 1], note="ragged usecols")
loadtxt("1,2,3\n4,5\n", delimiter=",", usecols=[2], note="ragged usecols out")
loadtxt("1 2\n3 4 5\n6 7\n", note="ragged ws")
loadtxt("1\u00b72\n3\u00b74\n", delimiter="\u00b7", note="non-ascii delimiter")
loadtxt("\u00e9 1\n", note="non-ascii field")
loadtxt(b"1 2\n\xff 3\n", note="invalid utf-8")
loadtxt("1 2\n3 4\n", ndmin=3, note="bad ndmin")
loadtxt("1 2\n3 4\n", usecols=[2], note="usecols out")
# Quoting.
for t in ['"1",2\n3,"4"\n', '"1,5",2\n', '"1""2",3\n', '"1\n",2\n3,4\n', '1,"2#3"\n', 'a"1"b,2\n',
          '" 1 ",2\n', '"",1\n', '"1\n']:
    loadtxt(t, delimiter=",", quotechar='"', note="quote")
loadtxt('"1" "2"\n3 "4"\n', quotechar='"', note="quote ws")
loadtxt("'1' 2\n", quotechar="'", note="quote single")
loadtxt("1 2\n", quotechar='"', comments=["#", "%"], note="quote and multi comments")
# Big-ish random grid, repr-formatted, csv: exact round trip.
rng = np.random.default_rng(7)
g = rng.standard_normal((50, 6)) * np.logspace(-300, 300, 6)
loadtxt("\n".join(",".join(repr(float(x)) for x in r) for r in g) + "\n", delimiter=",", note="grid")
loadtxt("\n".join(" ".join(repr(float(x)) for x in r) for r in g.astype(np.float32)), dtype="float32", note="grid32")

# savetxt.
def savetxt(a, note="", **params):
    kw = dict(params)
    bio = io.BytesIO()
    try:
        np.savetxt(bio, a, **kw)
    except Exception as e:  # noqa: BLE001
        C.add("savetxt", [a], params, None, type(e).__name__, note)
        return
    C.add("savetxt", [a], params, [b(bio.getvalue())], None, note)


F = np.array([[1.5, -2.25, 0.0, -0.0], [np.nan, np.inf, -np.inf, 1e-300], [123456789.0, 1e16, 0.1, 2.5],
              [1e-5, 1e22, -7.0, 0.5]])
FMTS = ["%.18e", "%e", "%E", "%f", "%.3f", "%10.5f", "%-10.2f|", "%+.2e", "% g", "%g", "%G", "%.12g", "%#g",
        "%s", "%r", "%010.3f", "%.0f", "%.0e", "%#.0f", "%.30f", "%12s", "%-8s|", "%.3s", "%5.1g"]
for fmt in FMTS:
    savetxt(F, note="float fmt", fmt=fmt)
    savetxt(F.astype(np.float32), note="f32 fmt", fmt=fmt)
I = np.array([[0, -1, 127], [2**40, -(2**40), 7]], dtype=np.int64)
for fmt in ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%#X", "%#o", "%e", "%.2f", "%s", "%g", "%i", "%u"]:
    savetxt(I, note="int fmt", fmt=fmt)
savetxt(np.array([[0, 255], [3, 4]], dtype=np.uint8), fmt="%d")
savetxt(np.array([[2**64 - 1]], dtype=np.uint64), fmt="%d")
savetxt(np.array([[2**64 - 1]], dtype=np.uint64), fmt="%.18e")
savetxt(np.array([[True, False]]), fmt="%d")
savetxt(np.array([[True, False]]), fmt="%s")
savetxt(np.array([[True, False]]), note="bool default")
savetxt(np.array([[1.7, -2.7]]), fmt="%d", note="float %d truncates")
savetxt(np.array([[1e20, 1e300]]), fmt="%d", note="float %d big")
savetxt(np.array([[np.nan]]), fmt="%d", note="nan %d")
savetxt(np.array([[np.inf]]), fmt="%d", note="inf %d")
savetxt(F, fmt=["%d", "%.2f", "%e", "%s"], delimiter=",", note="per column")
savetxt(F, fmt=["%d", "%.2f"], note="per column wrong count")
savetxt(F, fmt="%.1f,%.2f;%.3f|%g", note="row format")
savetxt(F, fmt="%.1f %.2f", note="row format wrong count")
savetxt(F, fmt="%.1f%%", note="percent literal")
savetxt(F, fmt="%q", note="bad conversion")
savetxt(F, delimiter=", ", newline="\r\n", header="a, b\nc", footer="end\nx", comments="// ", fmt="%g")
savetxt(F, header="h", fmt="%g")
savetxt(F, footer="f", comments="", fmt="%g")
savetxt(F, newline=";", fmt="%g")
savetxt(np.array([1.0, 2.0, 3.0]), fmt="%g", note="1-d is a column")
savetxt(np.zeros((0, 3)), note="empty rows")
savetxt(np.zeros((3, 0)), note="zero columns")
savetxt(np.zeros(0), note="empty 1-d")
savetxt(np.zeros((2, 2, 2)), note="3-d")
savetxt(np.array(5.0), note="0-d")
savetxt(F[::2, ::-1], fmt="%g", note="non-contiguous")
savetxt(F.T, fmt="%g", note="transposed")
Z = np.array([[1 + 2j, -1.5 - 0.5j], [np.nan + 1j, 0 - 0j]])
for fmt in ["%.18e", "%g", "%.3f", ["%g", "%.2e"], "%g %g %g %g"]:
    savetxt(Z, fmt=fmt, note="complex")
savetxt(Z.astype(np.complex64), fmt="%g", note="complex64")
savetxt(Z, fmt="%g", delimiter=",", note="complex delimiter")

# genfromtxt.
def genfromtxt(text, note="", **params):
    raw = text.encode("utf-8")
    kw = dict(params)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = np.genfromtxt(io.BytesIO(raw), dtype=float, encoding="utf-8", **kw)
    except Exception as e:  # noqa: BLE001
        C.add("genfromtxt", [b(raw)], params, None, type(e).__name__, note)
        return
    p = dict(params)
    if out.dtype.names is not None:
        p["want_names"] = list(out.dtype.names)
        out = np.array([[row[n] for n in out.dtype.names] for row in np.atleast_1d(out)], dtype=float).reshape(
            -1, len(out.dtype.names))
    C.add("genfromtxt", [b(raw)], p, [np.array(out, order="C", copy=True)], None, note)


G = "1,2,3\n4,,6\n7,N/A,x\n-999,8,9\n"
genfromtxt(G, delimiter=",")
genfromtxt(G, delimiter=",", missing_values="N/A")
genfromtxt(G, delimiter=",", missing_values=["N/A", "-999"], filling_values=0)
genfromtxt(G, delimiter=",", filling_values=[-1, -2, -3])
genfromtxt(G, delimiter=",", usecols=[0, -1])
genfromtxt(G, delimiter=",", usecols=[1], filling_values=5)
genfromtxt(G, delimiter=",", skip_header=1, skip_footer=1)
genfromtxt(G, delimiter=",", max_rows=2)
genfromtxt(G, delimiter=",", ndmin=2, usecols=[0])
genfromtxt("# a b c\n1 2 3\n4 5 6\n", names=True)
genfromtxt("a b c\n1 2 3\n", names=True, note="one row")
genfromtxt("x y,z.w, print ,\n1,2,3,4\n", names=True, delimiter=",")
genfromtxt("skip\n a , a ,b\n1,2,3\n", names=True, delimiter=",", skip_header=1)
genfromtxt("a b c\n1 2 3\n4 5 6\n", names=True, usecols=[0, 2])
genfromtxt("x y,z w\n1 2\n", names=True, delimiter=",")
genfromtxt("1 2\n3 4 5\n5 6\n")
genfromtxt("1 2\n3 4 5\n5 6\n", usecols=[0, 1])
genfromtxt("1 2 # c\n\n  # only\n3 4\n", usecols=-1)
genfromtxt("")
genfromtxt("1\n2\n")
genfromtxt("5\n")
genfromtxt(" 1 , 2 \n", delimiter=",")
genfromtxt("1 inf nan -0 1e400\n")
genfromtxt("1,2\n3\n", delimiter=",")
genfromtxt("1;2%x\n3;4\n", delimiter=";", comments="%")
genfromtxt("1 2\r\n3 4\r\n")
genfromtxt("1 2\n3 4\n", ndmin=3)

# frombuffer / tobytes.
buf = bytes(range(64))
for dt in ["uint8", "int16", "int32", "float64", "complex128", "float32", "uint64", "bool"]:
    for count, off in [(-1, 0), (2, 0), (1, 8), (-1, 16), (0, 0), (-1, 64), (100, 0), (-1, 65), (-1, 3), (3, 3)]:
        raw = buf if dt != "bool" else bytes([0, 1] * 32)
        try:
            out = np.frombuffer(raw, dtype=dt, count=count, offset=off)
            C.add("frombuffer", [b(raw)], {"dtype": dt, "count": count, "offset": off}, [out.copy()])
        except Exception as e:  # noqa: BLE001
            C.add("frombuffer", [b(raw)], {"dtype": dt, "count": count, "offset": off}, None, type(e).__name__)
for a in [np.arange(12, dtype=np.int32).reshape(3, 4), np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::2],
          np.arange(12, dtype=np.float64).reshape(3, 4).T, np.array([np.nan, -0.0, np.inf]),
          np.array([1 + 2j, 3 - 4j], dtype=np.complex64), np.array([True, False, True]), np.zeros((2, 0)),
          np.array([-1, 2**15 - 1], dtype=np.int16)[::-1]]:
    C.add("tobytes", [a], {}, [b(a.tobytes())])

# Text mode of fromstring / fromfile (sep=) and tofile (sep=, format=).
def from_text(op, text, dtype="float64", sep=",", count=-1, note=""):
    raw = text.encode("utf-8")
    params = {"dtype": dtype, "sep": sep, "count": count}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if op == "fromstring":
                out = np.fromstring(text, dtype=dtype, count=count, sep=sep)
            else:
                path = os.path.join(TMP, "t.txt")
                with open(path, "wb") as f:
                    f.write(raw)
                out = np.fromfile(path, dtype=dtype, count=count, sep=sep)
        C.add(op, [b(raw)], params, [out.copy()], note=note)
    except Exception as e:  # noqa: BLE001
        C.add(op, [b(raw)], params, None, type(e).__name__, note=note)


for op in ["fromstring", "fromfile_text"]:
    from_text(op, "1,2,3")
    from_text(op, "1.5, -2 ,3e2,\n4,")
    from_text(op, " 1, 2")
    from_text(op, "1,2,,3", note="empty field -> error")
    from_text(op, "1,2,x", note="unmatched -> error")
    from_text(op, "1,2,x", count=2, note="stops after count")
    from_text(op, "1,2,3", count=2)
    from_text(op, "1,2,3,", count=3)
    from_text(op, "", note="empty")
    from_text(op, "1 2\n3\t4  5", sep=" ")
    from_text(op, "1;2;3", sep=";")
    from_text(op, "1 ; 2;3  ;4", sep=" ; ")
    from_text(op, "1,\n2,\n3", sep=",\n")
    from_text(op, "1\n2\r\n3\n", sep="\n")
    from_text(op, "1 2", sep=",", note="missing separator -> error")
    from_text(op, "nan,inf,-inf,NaN,-Infinity,1e400,-1e-400,+.5,5.,1E+2")
    from_text(op, "1e,2", note="dangling exponent -> error")
    from_text(op, "0.1,3.4028235e38,1e39,1e-46", dtype="float32")
    from_text(op, "1,-2,+3, 40", dtype="int64")
    from_text(op, "9223372036854775807,99999999999999999999", dtype="int64", note="saturates")
    from_text(op, "1.5,2", dtype="int64", note="fraction -> error")
    from_text(op, "-5,300,127,70000", dtype="int8", note="wraps")
    from_text(op, "3000000000,1", dtype="int32", note="wraps")
    from_text(op, "7,300, 2", dtype="uint8", note="wraps")
    from_text(op, "18446744073709551615,99999999999999999999", dtype="uint64")
    from_text(op, "0,1,2,-1", dtype="bool")
    from_text(op, "1+2j,2j,-1.5,1e3-1e-3j,nan+nanj", dtype="complex128")
    from_text(op, "1+j,2", dtype="complex128", note="bad imaginary part -> error")
    from_text(op, "0.5,1-1j", dtype="complex64")
from_text("fromstring", "-5,5", dtype="uint8", note="no sign on unsigned -> error")
from_text("fromfile_text", "-5,5", dtype="uint8", note="fscanf takes a sign and wraps")
from_text("fromstring", "1,2", sep="", note="binary mode removed -> error")


def tofile_text(a, sep, fmt, note="", perm=None):
    v = a.transpose(perm) if perm is not None else a
    path = os.path.join(TMP, "o.txt")
    params = {"sep": sep, "format": fmt, "perm": perm}
    try:
        v.tofile(path, sep=sep, format=fmt)
        with open(path, "rb") as f:
            C.add("tofile_text", [a], params, [b(f.read())], note=note)
    except Exception as e:  # noqa: BLE001
        C.add("tofile_text", [a], params, None, type(e).__name__, note=note)


f64s = np.array([[1.5, -0.0, np.nan], [1e20, 1e-5, -np.inf], [0.1, 123456789.0, 1e16]])
for fmt in ["%s", "", "%.3f", "%r", "[%s]", "%5.1e", "%-8.2g|", "%d", "%.3s", "no conversion", "%s %s"]:
    tofile_text(f64s, ";", fmt)
tofile_text(f64s, ", ", "%s", perm=[1, 0], note="transposed view")
tofile_text(np.array([0.1, 1e-5, 1e7, 3.4e38], dtype=np.float32), " ", "%s", note="float32 as Python floats")
tofile_text(np.array([0.1, 2.5], dtype=np.float32), " ", "%.10f")
tofile_text(np.array([1, -2, 127], dtype=np.int8), ",", "%s")
tofile_text(np.array([1, -2, 127], dtype=np.int8), ",", "%04d")
tofile_text(np.array([2**64 - 1, 0], dtype=np.uint64), ",", "%x")
tofile_text(np.array([[1, 2], [3, 4]], dtype=np.int64), "\n", "%r")
tofile_text(np.array([True, False]), ", ", "%s")
tofile_text(np.array([True, False]), ", ", "%.1f")
tofile_text(np.array([1 + 2j, -0.0 - 0.5j, 1j, 0j, np.nan + np.inf * 1j, 1e20 + 0.1j]), ", ", "%s")
tofile_text(np.array([1 + 2j, 3 - 4j], dtype=np.complex64), ", ", "<%12s>")
tofile_text(np.array([1 + 2j]), ",", "%.2f", note="complex with %f -> error")
tofile_text(np.zeros(0), ",", "%s", note="empty")
tofile_text(np.zeros((2, 0)), ",", "%s", note="zero-size axis")
tofile_text(np.array(3.25), ",", "%s", note="0-d")

C.save()
