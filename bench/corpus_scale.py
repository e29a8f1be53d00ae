"""How the corpus store behaves at scale: ingest rate, size on disk, query latencies.

Builds a store of generated news articles (100,000 by default) in a temporary folder, with
the seed case's source and coverage ingested beside them, and prints:

- the ingest rate (documents per second; reading, hashing and indexing, no NLP),
- the store's size on disk,
- the time to open the store,
- near-duplicate query latency (p50/p95) for lightly edited copies of stored articles, and
  how often the original was found,
- full-text query latency (p50/p95) for three-word queries,
- find-source latency for the seed article, and where its source ranked,
- ``check --db`` latency for the seed article (copy checks, the redline against the source
  found, corroboration against the coverage found), and how many independent reports its
  claims were judged on.

Targets: ingest >= 200 documents/s, near-duplicate p95 < 50 ms, find-source < 1 s.

    .venv/bin/python bench/corpus_scale.py            # 100,000 documents
    .venv/bin/python bench/corpus_scale.py --docs 5000
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from copydesk.corpus.find_source import distinctive_terms, find_source
from copydesk.corpus.ingest import ingest
from copydesk.corpus.store import Store
from copydesk.read import read_file
from copydesk.read.article import Article

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles

SEED = ROOT.parent / "shared" / "cases" / "seed"

TARGET_INGEST_RATE = 200.0
TARGET_NEAR_DUP_P95_MS = 50.0
TARGET_FIND_SOURCE_S = 1.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def edited(text: str, rng: random.Random) -> str:
    """A lightly edited copy: about one word in twenty-five changed, a line dropped."""
    lines = text.split("\n")
    if len(lines) > 4:
        del lines[rng.randrange(1, len(lines) - 1)]
    words = "\n".join(lines).split(" ")
    for _ in range(max(1, len(words) // 25)):
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.5 else words[i] + "s"
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="generated articles")
    parser.add_argument("--queries", type=int, default=200, help="queries per latency figure")
    parser.add_argument("--seed", type=int, default=20250723)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="copydesk-corpus-scale-"))
    try:
        return run(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, workdir: Path) -> int:
    docs_dir = workdir / "docs"
    rng = random.Random(args.seed)
    started = time.perf_counter()
    sample: list[Article] = []
    index: list[str] = []
    for i, article in enumerate(synthetic_articles(args.docs, seed=args.seed)):
        folder = docs_dir / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
            index = ["file\turl\toutlet\tdate"]
        name = f"{article.doc_id}.txt"
        (folder / name).write_text(article.text, encoding="utf-8")
        index.append(f"{name}\t{article.url}\t{article.outlet}\t{article.published}")
        if i % 1000 == 999 or i == args.docs - 1:
            (folder / "index.tsv").write_text("\n".join(index) + "\n", encoding="utf-8")
        if len(sample) < args.queries and rng.random() < 4 * args.queries / args.docs:
            sample.append(article)
    print(f"generated {args.docs:,} articles in {time.perf_counter() - started:.1f} s")

    inputs = [docs_dir]
    has_seed = (SEED / "article.txt").exists()
    if has_seed:
        inputs += [SEED / "source.txt", SEED / "coverage"]
    db = workdir / "corpus.db"
    with Store.open(db) as store:
        report = ingest(inputs, store, progress=None)
        store.checkpoint()
    print(f"ingest: {report.summary()}")
    size_mb = sum(p.stat().st_size for p in workdir.glob("corpus.db*")) / 1e6

    open_s, store_obj = timed(lambda: Store.open(db))
    store = store_obj
    assert isinstance(store, Store)

    near_ms: list[float] = []
    found = 0
    for article in sample:
        copy = edited(article.text, rng)
        seconds, result = timed(lambda c=copy: store.near_duplicates(c, 5))  # type: ignore[misc]
        near_ms.append(seconds * 1000)
        hits = result if isinstance(result, list) else []
        originals = store.get_many([h.doc_id for h in hits[:1]])
        found += bool(originals) and originals[0].url == article.url

    text_ms: list[float] = []
    for article in sample:
        terms = distinctive_terms(article.body, 8)
        query = " ".join(rng.sample(terms, min(3, len(terms))))
        seconds, _ = timed(lambda q=query: store.search_text(q, 10))  # type: ignore[misc]
        text_ms.append(seconds * 1000)

    print()
    print(f"documents            {store.counts().documents:,}")
    print(
        f"ingest rate          {report.rate:,.0f} documents/s (target >= {TARGET_INGEST_RATE:.0f})"
    )
    print(f"store size           {size_mb:,.0f} MB")
    print(f"open store           {open_s * 1000:.0f} ms")
    print(
        f"near-duplicate query p50 {statistics.median(near_ms):.1f} ms, "
        f"p95 {percentile(near_ms, 0.95):.1f} ms (target p95 < {TARGET_NEAR_DUP_P95_MS:.0f}); "
        f"original found for {found}/{len(sample)} edited copies"
    )
    print(
        f"full-text query      p50 {statistics.median(text_ms):.1f} ms, "
        f"p95 {percentile(text_ms, 0.95):.1f} ms"
    )
    ok = report.rate >= TARGET_INGEST_RATE and percentile(near_ms, 0.95) < TARGET_NEAR_DUP_P95_MS
    if has_seed:
        article = read_file(SEED / "article.txt")
        runs = [timed(lambda: find_source(store, article)) for _ in range(5)]
        seconds_list = [r[0] for r in runs]
        candidates = runs[0][1]
        assert isinstance(candidates, list)
        top = store.get(candidates[0].doc_id).origin if candidates else None
        print(
            f"find-source (seed)   median {statistics.median(seconds_list) * 1000:.0f} ms, "
            f"max {max(seconds_list) * 1000:.0f} ms (target < {TARGET_FIND_SOURCE_S:.0f} s); "
            f"top candidate {Path(top).name if top else 'none'}"
            + (f": {candidates[0].reason}" if candidates else "")
        )
        ok = ok and max(seconds_list) < TARGET_FIND_SOURCE_S and bool(top)
        ok = ok and Path(top or "").name == "source.txt"
        from copydesk import pipeline

        checks = [timed(lambda: pipeline.check(article, None, store)) for _ in range(3)]
        result = checks[0][1]
        assert isinstance(result, pipeline.CheckResult)
        judged = result.corroboration
        families = len(getattr(judged, "families", ()) or ()) if judged else 0
        print(
            f"check --db (seed)    median {statistics.median(c[0] for c in checks):.2f} s; "
            f"{judged.documents_considered if judged else 0} coverage documents, "
            f"{families} independent reports"
        )
    else:
        print("find-source (seed)   skipped: ../shared/cases/seed is not beside this checkout")
    store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
