"""How `check` grows with length, stage by stage, and how fast reading and ingesting are.

Texts: the project's own articles (``examples/*.txt``, ``eval/fixtures/*.txt``,
``tests/compare/rewrites/*.txt``, then invented ones from `tests/support/synthetic.py`) joined
until the text has the words asked for (500, 2,000, 8,000 and 30,000 by default). Each size is
written to a temporary ``.txt`` file and checked as the command would: ``read`` (the file to an
`Article`), ``parse`` (spaCy), ``ledger``, ``checks`` (every check and the rewording score).
Prints the median of ``--repeats`` runs per stage and the exponent of a log-log fit per stage
(1.0 is linear). Then ``read html`` (the same text as an HTML page: decode and trafilatura)
and ``minhash`` (the signatures an ingest stores, one per invented article).

Figures only, no assertions.

    .venv/bin/python bench/check_growth.py [--sizes 500,2000,8000,30000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import html
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from copydesk.checks import run_checks
from copydesk.checks.verdict import rewording
from copydesk.corpus.minhash import signature
from copydesk.ledger import build_ledger
from copydesk.nlp.annotate import annotate, load_model
from copydesk.read import read_input
from copydesk.read.reader import read_bytes

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles

TEXT_FOLDERS = (ROOT / "examples", ROOT / "eval" / "fixtures", ROOT / "tests/compare/rewrites")
SIZES = (500, 2_000, 8_000, 30_000)
STAGES = ("read", "parse", "ledger", "checks")
#: Invented articles signed per minhash timing: about 180,000 words, a second or two.
MINHASH_ARTICLES = 400


def project_texts() -> Iterator[str]:
    for folder in TEXT_FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            yield path.read_text(encoding="utf-8").strip()
    for article in synthetic_articles(100_000, seed=3):
        yield article.text.strip()


def text_of(words: int) -> str:
    """The project's texts joined, paragraph by paragraph, until ``words`` words."""
    lines: list[str] = []
    count = 0
    for text in project_texts():
        for line in text.split("\n"):
            if count >= words:
                return "\n".join(lines) + "\n"
            lines.append(line)
            count += len(line.split())
    return "\n".join(lines) + "\n"


def as_html(text: str) -> bytes:
    title, *paragraphs = text.split("\n")
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"</head><body><article><h1>{html.escape(title)}</h1>\n{body}\n</article></body></html>"
    )
    return page.encode("utf-8")


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def stage_times(path: Path) -> dict[str, float]:
    seconds: dict[str, float] = {}
    seconds["read"], article = timed(lambda: read_input(str(path)))
    seconds["parse"], doc = timed(lambda: annotate(article))  # type: ignore[arg-type]
    seconds["ledger"], ledger = timed(lambda: build_ledger(doc))  # type: ignore[arg-type]
    seconds["checks"], _ = timed(
        lambda: rewording(doc, run_checks(doc, ledger))  # type: ignore[arg-type]
    )
    return seconds


def read_page(page: bytes) -> float:
    return timed(lambda: read_bytes(page, origin="page.html"))[0]


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Slope of the least-squares line through (log words, log seconds)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    load_model()
    texts = {n: text_of(n) for n in sizes}
    medians: dict[str, list[float]] = {s: [] for s in (*STAGES, "read html")}
    words: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        # Warm up: the word lists and the checks' caches load once per process.
        warm = Path(tmp) / "warm.txt"
        warm.write_text(texts[sizes[0]], encoding="utf-8")
        stage_times(warm)
        print(f"{'words':>7} " + " ".join(f"{s:>10}" for s in medians) + "   (ms, median)")
        for n in sizes:
            path = Path(tmp) / f"text-{n}.txt"
            path.write_text(texts[n], encoding="utf-8")
            runs = [stage_times(path) for _ in range(args.repeats)]
            html_runs = [read_page(as_html(texts[n])) for _ in range(args.repeats)]
            words.append(len(texts[n].split()))
            for stage in STAGES:
                medians[stage].append(statistics.median(r[stage] for r in runs))
            medians["read html"].append(statistics.median(html_runs))
            print(f"{words[-1]:>7} " + " ".join(f"{1000 * v[-1]:>10.1f}" for v in medians.values()))
    print(f"{'exponent':>7} " + " ".join(f"{exponent(words, v):>10.2f}" for v in medians.values()))
    total = [sum(medians[s][i] for s in STAGES) for i in range(len(words))]
    print(
        f"check at {words[-1]} words: {total[-1]:.2f} s, of which parse "
        f"{medians['parse'][-1] / total[-1]:.0%}; whole-check exponent {exponent(words, total):.2f}"
    )

    bodies = [a.text for a in synthetic_articles(MINHASH_ARTICLES, seed=4)]
    signature(bodies[0])
    runs = [timed(lambda: [signature(b) for b in bodies])[0] for _ in range(args.repeats)]
    per = statistics.median(runs) / len(bodies)
    print(f"minhash signature: {1000 * per:.3f} ms per article ({len(bodies)} invented articles)")


if __name__ == "__main__":
    main()
