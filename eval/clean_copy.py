"""False alarms of `copydesk check` on clean copy.

Checks generated news articles (`tests/support/synthetic.py`: ten beats, names, places,
figures and attributed quotations, no planted error), the eval fixtures and the clean
example, and prints every finding they get by kind. Clean copy should get none.

    .venv/bin/python eval/clean_copy.py            # 150 generated articles
    .venv/bin/python eval/clean_copy.py --articles 500 --seed 7
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

from copydesk.pipeline import CheckResult, check_many
from copydesk.read import read_file
from copydesk.read.article import Article

ROOT = Path(__file__).resolve().parents[1]

# The invented articles are test data: they live beside the tests, not in the package.
sys.path.insert(0, str(ROOT / "tests"))
from support.synthetic import synthetic_articles


def clean_articles(generated: int, seed: int) -> list[Article]:
    articles = list(synthetic_articles(generated, seed=seed))
    files = sorted((ROOT / "eval" / "fixtures").glob("*.txt")) + [
        ROOT / "examples" / "original.txt"
    ]
    return articles + [read_file(path) for path in files]


def false_alarms(results: list[CheckResult]) -> collections.Counter[str]:
    return collections.Counter(f.kind for r in results for f in r.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    results = check_many(clean_articles(args.articles, args.seed))
    alarms = false_alarms(results)
    flagged = sum(1 for r in results if r.findings)
    print(
        f"{len(results)} clean articles, {flagged} with a finding, {sum(alarms.values())} findings"
    )
    for kind, n in alarms.most_common():
        print(f"  {n:4d}  {kind}")
    for r in results:
        for f in r.findings:
            print(f"{r.article.doc_id}: {f.kind}: {f.span.of(r.article.text)!r}: {f.message}")


if __name__ == "__main__":
    main()
