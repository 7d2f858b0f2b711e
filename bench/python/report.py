"""Merges the two sides' JSON lines into the ratio table (and optional JSON file)."""

import argparse
import json
import math


def load(path):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                out[r["name"]] = r
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rust")
    ap.add_argument("numpy")
    ap.add_argument("--json")
    a = ap.parse_args()
    rust, numpy = load(a.rust), load(a.numpy)
    rows = []
    print("%-34s %10s %10s %8s  %s" % ("name", "numox_ms", "numpy_ms", "ratio", "check"))
    for name, r in rust.items():
        n = numpy.get(name)
        if n is None:
            print("%-34s %10.3f %10s %8s  (no NumPy side)" % (name, r["ms"], "-", "-"))
            continue
        ratio = n["ms"] / r["ms"]
        rc, nc = r["check"], n["check"]
        # The checksum proves both sides did the same work, not bit equality:
        # float32 kernels differ from NumPy's by a few ULP per element (within
        # NumPy's own accuracy tables), which moves a 10^7-term sum by ~1e-8.
        same = math.isclose(rc, nc, rel_tol=1e-6, abs_tol=1e-12) or (rc != rc and nc != nc)
        flag = "ok" if same else "MISMATCH rust=%r numpy=%r" % (rc, nc)
        print("%-34s %10.3f %10.3f %8.2f  %s" % (name, r["ms"], n["ms"], ratio, flag))
        rows.append({"name": name, "numox_ms": r["ms"], "numpy_ms": n["ms"], "ratio": ratio, "check_ok": same})
    if rows:
        gm = math.exp(sum(math.log(x["ratio"]) for x in rows) / len(rows))
        print("%-34s %10s %10s %8.2f" % ("geometric mean", "", "", gm))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
