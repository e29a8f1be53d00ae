"""Evaluation of `compare` on real faithful republications, where every major finding is a
false alarm.

Reads every pair folder under ``../shared/cases/faithful/`` (or the folders given): the
republished ``article.txt`` and the copy nearest the wire, ``source.txt``. Both carry the same
wire story with house style, datelines and trims only, so any major finding other than
``source.unmatched`` (a sentence only one copy carries) is a false alarm. It prints, as that
folder's README asks, the major findings per 100 article sentences, by kind, and the share of
pairs with any.

    .venv/bin/python eval/faithful_copies.py [PAIR_DIR ...]

`run()` returns the same figures for ``tests/eval/test_faithful_copy_floors.py``.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.model import Finding, Severity
from copydesk.pipeline import check
from copydesk.read import read_file

HERE = Path(__file__).resolve().parent
FAITHFUL = HERE.parent.parent / "shared" / "cases" / "faithful"


@dataclass
class PairScore:
    pair: str
    sentences: int
    text: str
    alarms: list[Finding] = field(default_factory=list)


@dataclass
class Scores:
    pairs: list[PairScore] = field(default_factory=list)

    @property
    def sentences(self) -> int:
        return sum(p.sentences for p in self.pairs)

    @property
    def alarms(self) -> int:
        return sum(len(p.alarms) for p in self.pairs)

    @property
    def per_100(self) -> float:
        return 100 * self.alarms / self.sentences if self.sentences else 0.0

    @property
    def pairs_with_any(self) -> list[str]:
        return [p.pair for p in self.pairs if p.alarms]

    def by_kind(self) -> Counter[str]:
        return Counter(f.kind for p in self.pairs for f in p.alarms)


def is_false_alarm(f: Finding) -> bool:
    return f.severity is Severity.MAJOR and f.kind != "source.unmatched"


def score_pair(folder: Path) -> PairScore:
    result = check(read_file(folder / "article.txt"), read_file(folder / "source.txt"))
    return PairScore(
        folder.name,
        len(result.analysed.doc.sentences),
        result.analysed.doc.text,
        [f for f in result.findings if is_false_alarm(f)],
    )


def pairs(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    return sorted(p for p in FAITHFUL.iterdir() if (p / "source.txt").is_file())


def run(paths: list[str] | None = None) -> Scores:
    return Scores([score_pair(p) for p in pairs(paths or [])])


def main(argv: list[str]) -> int:
    if not argv and not FAITHFUL.is_dir():
        print(f"no faithful copies at {FAITHFUL}", file=sys.stderr)
        return 2
    s = run(argv)
    head = f"{'pair':<44} {'sentences':>9} {'major':>5}"
    print(head)
    print("-" * len(head))
    for p in s.pairs:
        print(f"{p.pair:<44} {p.sentences:>9} {len(p.alarms):>5}")
    print("-" * len(head))
    print(f"{'total':<44} {s.sentences:>9} {s.alarms:>5}")
    print(f"\nmajor findings per 100 sentences  {s.per_100:.2f}")
    print(f"pairs with any                    {len(s.pairs_with_any)}/{len(s.pairs)}")
    for kind, n in s.by_kind().most_common():
        print(f"  {kind:<34} {n:>3}  ({100 * n / s.sentences:.2f} per 100)")
    for p in s.pairs:
        for f in p.alarms:
            text = " ".join(f.span.of(p.text).split())
            print(f"  {p.pair}: {f.kind} {f.span.start}-{f.span.end} {text[:60]!r}: {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
