"""Reference data for SeedSequence and the bit generators' state operations
(NumPy 2.4.6): generate_state for int / big-int / sequence entropy, spawn keys
and pool sizes; raw words after advance() and jumped() for PCG64, PCG64DXSM
and Philox; raw words with 32-bit draws interleaved (the buffered half).

Run: /work/main/tools/refgen/.venv/bin/python tools/refgen/gen_random_bitgen.py
"""

import numpy as np
from numpy.random import MT19937, PCG64, PCG64DXSM, SFC64, Generator, Philox, SeedSequence

from refgen_common import Cases

BG = {"pcg64": PCG64, "pcg64dxsm": PCG64DXSM, "philox": Philox, "sfc64": SFC64, "mt19937": MT19937}


def main():
    c = Cases("random_bitgen")
    for ent in (0, 1, 42, 2**32, 2**64 + 5, 2**100 + 3, 12345678901234567890123):
        for key in ((), (0,), (1, 2), (2**40,)):
            for pool in (4, 8):
                ss = SeedSequence(ent, spawn_key=key, pool_size=pool)
                c.add("seedseq", [], {"entropy": str(ent), "spawn_key": list(key), "pool_size": pool},
                      [ss.generate_state(9, np.uint32), ss.generate_state(5, np.uint64)])
    for seq in ([1, 2, 3], [0], [2**33, 7]):
        ss = SeedSequence(seq)
        c.add("seedseq_seq", [], {"entropy": [str(v) for v in seq]}, [ss.generate_state(6, np.uint32)])
    for name in ("pcg64", "pcg64dxsm", "philox"):
        for seed in (0, 42):
            for delta in (0, 1, 5, 2**64 + 3, 2**127 + 11):
                bg = BG[name](seed)
                bg.random_raw(3)
                bg.advance(delta)
                c.add("advance", [], {"bitgen": name, "seed": seed, "delta": str(delta)},
                      [np.asarray(bg.random_raw(4), dtype=np.uint64)])
            for jumps in (1, 3):
                bg = BG[name](seed)
                j = bg.jumped(jumps)
                c.add("jumped", [], {"bitgen": name, "seed": seed, "jumps": jumps},
                      [np.asarray(j.random_raw(4), dtype=np.uint64)])
    # MT19937.jumped: full key and position, then raw words; fresh SeedSequence
    # states (pos 623), part-used ones (incl. a wrap), legacy seeding (pos 624)
    for legacy in (False, True):
        for seed in (0,):
            for used in (0, 5, 700):
                for jumps in (0, 1, 3):
                    bg = np.random.RandomState(seed)._bit_generator if legacy else MT19937(seed)
                    bg.random_raw(used)
                    j = bg.jumped(jumps)
                    st = j.state["state"]
                    c.add("mt_jumped", [], {"legacy": legacy, "seed": seed, "used": used, "jumps": jumps},
                          [np.asarray(st["key"], dtype=np.uint32), np.asarray([st["pos"]], dtype=np.int64),
                           np.asarray(j.random_raw(5), dtype=np.uint64)])
    for name in BG:
        bg = BG[name](7)
        g = Generator(bg)
        # integers(0, 2**32, dtype=uint32) draws next_uint32 directly
        a = g.integers(0, 2**32, 3, dtype=np.uint32)
        raw = bg.random_raw(2)
        b = g.integers(0, 2**32, 2, dtype=np.uint32)
        c.add("interleave", [], {"bitgen": name, "seed": 7},
              [np.concatenate([a.astype(np.uint64), raw.astype(np.uint64), b.astype(np.uint64)])])
    c.save()


if __name__ == "__main__":
    main()
