"""How the census's crawl-wide phases scale: documents per second per core for the
signatures (names and numbers, MinHash), the candidates (band sort and pairing) and the
families (verification of the candidates and their union), at growing crawl sizes, the
growth exponent of each phase between sizes, and peak memory.

The documents are invented articles (tests/support/synthetic.py), held in memory by this
script only to time the phases apart from reading; the census itself streams them from its
store. Signatures and candidates run at every size; the families phase needs the texts of
the candidate pairs only.

Targets: candidates and families at >= 2,000 documents/s per core, growth exponent <= 1.15.

    .venv/bin/python bench/census_scale.py                        # 10,000 and 100,000
    .venv/bin/python bench/census_scale.py --sizes 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import time
from pathlib import Path

import numpy as np

from copydesk.corpus import candidates as cand
from copydesk.corpus.kinship import Components, relation, text_of

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles

TARGET_RATE = 2000.0
TARGET_EXPONENT = 1.15


def phases(n: int) -> dict[str, float]:
    """Seconds of each phase on ``n`` invented documents."""
    docs = list(synthetic_articles(n, seed=5))
    started = time.perf_counter()
    sigs = np.zeros((n, cand.NUM_PERM), dtype=np.uint32)
    usable = np.zeros(n, dtype=bool)
    for i, doc in enumerate(docs):
        found = cand.features(doc.body)
        sigs[i] = cand.signature(found)
        usable[i] = cand.usable(found)
    signed = time.perf_counter()
    rows = np.flatnonzero(usable)
    pairs = list(cand.candidate_pairs(sigs[rows], cand.band_hash_matrix(sigs[rows])))
    paired = time.perf_counter()
    components = Components()
    for i, j, _ in pairs:
        a, b = docs[rows[i]], docs[rows[j]]
        if relation(text_of(a), text_of(b)):
            components.join(a.doc_id, b.doc_id)
    components.groups()
    joined = time.perf_counter()
    return {
        "signatures": signed - started,
        "candidates": paired - signed,
        "families": joined - paired,
        "pairs": float(len(pairs)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args(argv)
    results = {n: phases(n) for n in args.sizes}
    print(f"{'documents':>10} {'phase':12} {'seconds':>8} {'docs/s/core':>12} {'exponent':>9}")
    for phase in ("signatures", "candidates", "families"):
        previous = None
        for n in args.sizes:
            seconds = results[n][phase]
            exponent = ""
            if previous is not None:
                m, before = previous
                exponent = (
                    f"{math.log(max(seconds, 1e-6) / max(before, 1e-6)) / math.log(n / m):.2f}"
                )
            print(
                f"{n:>10} {phase:12} {seconds:>8.2f} {n / max(seconds, 1e-9):>12.0f} {exponent:>9}"
            )
            previous = (n, seconds)
    for n in args.sizes:
        print(f"{n:>10} candidate pairs kept: {int(results[n]['pairs'])}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (the invented documents held in memory included)")
    print(
        f"targets: candidates and families >= {TARGET_RATE:.0f} docs/s/core, exponent <= {TARGET_EXPONENT}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
