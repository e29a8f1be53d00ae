"""How `compare` grows with length: every stage timed at 500, 2,000, 8,000 and 30,000 words
per side (the median of ``--repeats`` runs), and the exponent of a log-log fit per stage (1.0
is linear). `check`'s own stages are in ``bench/check_growth.py``.

The texts are the project's own: invented articles (`tests/support/synthetic.py`), each a
different story, joined until a side has the words asked for; the article side is each
source sentence reworded by a fixed set of word swaps, with every seventh sentence moved
to the end of its paragraph run and every eleventh dropped, so the alignment meets
rewording and reordering as it does on republishing sites.

Stages: ``parse`` (spaCy, both sides, for scale), ``ledger`` (both), ``vectors`` (sentence
embeddings), ``matrix`` (pair scores), ``gaps`` (gap filling), ``align`` (all of alignment,
vectors to groups), ``diff`` (every aligned pair) and ``compare`` (align and diff). Below the
table, the sentence pairs scored and the pairs the alignment goes on to weigh (those scoring at
least its floor, ``MERGE_PART_MIN``), with their exponents: how many lookalike sentences the
texts hold. Prints figures; asserts nothing.

    .venv/bin/python bench/compare_growth.py [--sizes 500,2000,8000,30000] [--repeats 3]
        [--lexical]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from check_growth import exponent

#: Word swaps that make the article side a rewording of the source side.
SWAPS = {
    "said": "stated",
    "told": "informed",
    "would": "will",
    "about": "around",
    "began": "started",
    "new": "fresh",
    "big": "large",
    "city": "town",
    "plan": "scheme",
    "on": "upon",
}


def source_text(words: int) -> str:
    from support.synthetic import synthetic_articles  # on the path check_growth sets

    out: list[str] = []
    count = 0
    for article in synthetic_articles(words, seed=5):
        body = article.text.split("\n", 1)[1] if "\n" in article.text else article.text
        out.append(body.strip())
        count += len(body.split())
        if count >= words:
            break
    return "Growth bench report\n" + "\n".join(out) + "\n"


def reworded(text: str) -> str:
    lines = text.split("\n")
    kept: list[str] = []
    moved: list[str] = []
    for i, line in enumerate(lines):
        if i and i % 11 == 0:
            continue
        line = " ".join(SWAPS.get(w, w) for w in line.split(" "))
        (moved if i and i % 7 == 0 else kept).append(line)
        if i % 20 == 19:
            kept.extend(moved)
            moved = []
    return "\n".join(kept + moved) + "\n"


class Timer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def wrap(self, owner: Any, attr: str, name: str) -> None:
        """Time every call of ``owner.attr`` under ``name`` (nested calls count once)."""
        inner: Callable[..., Any] = getattr(owner, attr)
        depth = [0]

        def timed(*args: Any, **kwargs: Any) -> Any:
            if depth[0]:
                return inner(*args, **kwargs)
            depth[0] += 1
            try:
                with self.stage(name):
                    return inner(*args, **kwargs)
            finally:
                depth[0] -= 1

        setattr(owner, attr, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,8000,30000")
    parser.add_argument("--lexical", action="store_true", help="no sentence model")
    parser.add_argument("--repeats", type=int, default=3, help="runs per size; medians shown")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from copydesk.analysis import Analysed
    from copydesk.ledger import build_ledger
    from copydesk.nlp.annotate import annotate, load_model
    from copydesk.read import read_text
    from copydesk.source import align as align_module
    from copydesk.source import compare, embed
    from copydesk.source import diff as diff_module

    if args.lexical:
        os.environ[embed.EMBEDDINGS_ENV] = "lexical"
    load_model()
    timer = Timer()
    timer.wrap(align_module._Scorer, "matrix", "matrix")
    timer.wrap(align_module, "_fill_gaps", "gaps")
    timer.wrap(align_module, "align", "align")
    timer.wrap(diff_module, "diff_pair", "diff")
    backend = embed.backend()
    timer.wrap(type(backend), "vectors", "vectors")
    last_scores: list[Any] = []  # the latest pair scores, counted outside the timed call
    timed_matrix = align_module._Scorer.matrix

    def matrix_kept(self: Any) -> Any:
        last_scores[:] = [timed_matrix(self)]
        return last_scores[0]

    align_module._Scorer.matrix = matrix_kept  # type: ignore[method-assign]
    import copydesk.source as compare_package

    compare_package.sentence_alignment = align_module
    compare_package.diff_pair = diff_module.diff_pair

    # warm up every model on a small pair
    warm = read_text(source_text(200))
    warm_doc = annotate(warm)
    compare(Analysed(warm_doc, build_ledger(warm_doc)), Analysed(warm_doc, build_ledger(warm_doc)))

    table: dict[str, list[float]] = defaultdict(list)
    pairs: dict[str, list[float]] = defaultdict(list)
    measured: list[int] = []
    for n in sizes:
        src_text = source_text(n)
        source_article = read_text(src_text)
        article = read_text(reworded(src_text))
        runs: list[dict[str, float]] = []
        for _ in range(max(args.repeats, 1)):
            timer.seconds.clear()
            with timer.stage("parse"):
                a_doc, s_doc = annotate(article), annotate(source_article)
            with timer.stage("ledger"):
                a_led, s_led = build_ledger(a_doc), build_ledger(s_doc)
            with timer.stage("compare"):
                compare(Analysed(a_doc, a_led), Analysed(s_doc, s_led))
            runs.append(dict(timer.seconds))
        medians = {k: statistics.median(r.get(k, 0.0) for r in runs) for k in STAGES}
        words = len(source_article.body.split())
        measured.append(words)
        print(
            f"{words:>7,} words/side  "
            + "  ".join(f"{k} {v:.3f}s" for k, v in sorted(medians.items())),
            flush=True,
        )
        for stage in STAGES:
            table[stage].append(medians[stage])
        scores = last_scores[0]
        pairs["scored"].append(scores.size)
        pairs["weighed"].append(int((scores >= align_module.MERGE_PART_MIN).sum()))
    print()
    print(f"{'stage':<10} " + " ".join(f"{n:>9,}" for n in measured) + "   exponent")
    for stage in STAGES:
        values = table[stage]
        row = " ".join(f"{v:>8.3f}s" for v in values)
        print(f"{stage:<10} {row}   {exponent(measured, values):.2f}")
    print()
    print(f"{'pairs':<10} " + " ".join(f"{n:>9,}" for n in measured) + "   exponent")
    for name, counts in pairs.items():
        row = " ".join(f"{c:>9,}" for c in counts)
        print(f"{name:<10} {row}   {exponent(measured, counts):.2f}")
    return 0


STAGES = ("parse", "ledger", "vectors", "matrix", "gaps", "align", "diff", "compare")


if __name__ == "__main__":
    raise SystemExit(main())
