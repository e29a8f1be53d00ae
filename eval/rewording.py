"""Evaluation of `copydesk check` without a source, on the texts in ``../shared``.

Two measures:

1. **Fingerprints on the labelled rewrites.** For every ``meaning_changed`` row of
   ``../shared/cases/real/*/labels.md``, whether `check` alone (no source) gives a finding
   of severity minor or major on the row's sentence(s): over all rows, and over the rows a
   copy editor can see are wrong from the article alone (`VISIBLE`, with the reason each is
   visible). It also lists the major findings `check` gives on texts that must have none:
   the control pair, the seed's five coverage texts and the examples' original.
2. **The whole-article rewording score.** The score of every rewrite (the real rewrites,
   the seed article, the examples' reworded copy) against every faithful text (the real
   sources, the control articles, the seed source, the five coverage texts, the examples'
   original, and both sides of every faithful republication in ``../shared/cases/faithful``),
   as the area under the ROC curve: the share of (rewrite, faithful) pairs in which the
   rewrite scores higher, ties counting half; and, at the score's stated threshold
   (`copydesk.checks.verdict.LIKELY_THRESHOLD`), the share of faithful texts called
   likely reworded (false-positive rate) and of rewrites (true-positive rate).

    .venv/bin/python eval/rewording.py

`run()` returns the figures for ``tests/eval/test_rewording_floors.py``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.checks.verdict import LIKELY_THRESHOLD
from copydesk.model import Severity
from copydesk.pipeline import CheckResult, check
from copydesk.read import read_file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "cases"
REAL = SHARED / "real"
SEED = SHARED / "seed"
FAITHFUL = SHARED / "faithful"

sys.path.insert(0, str(HERE))
from real_cases import MEANING_CHANGED, rows, sentence_spans

#: The meaning_changed rows whose error shows in the article itself, with why; the others
#: (a changed but fluent quotation, a wrong year, a dropped modal) need the source to see.
VISIBLE: dict[str, dict[str, str]] = {
    "spinner-afp-kremlin-2022": {
        "1": "'performed down hopes' is no English phrase",
        "2": "'instructed reporters' is no way to report a statement",
        "4": "'thought-about', 'had began' and 'its calls for in writing' are not English",
        "11": "'japanese Ukraine' is a nationality in lower case before another country",
    },
    "roundtrip-ap-cruz-2025": {
        "1": "lower-case names, 'cruz It threatened', 'aircraft and aircraft', a verbless fragment",
        "6": "'the President. donald trump and asked': a sentence broken mid-name",
    },
}

#: Texts on which `check` must give no major finding.
CLEAN = ("control-reuters-mariupol-2022/article.txt", "control-reuters-mariupol-2022/source.txt")


@dataclass
class Scores:
    changed: int = 0
    found: int = 0
    visible: int = 0
    visible_found: int = 0
    missed_visible: list[str] = field(default_factory=list)
    majors_on_clean: list[str] = field(default_factory=list)
    rewrites: dict[str, float] = field(default_factory=dict)
    originals: dict[str, float] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.found / self.changed if self.changed else 1.0

    @property
    def visible_recall(self) -> float:
        return self.visible_found / self.visible if self.visible else 1.0

    def rate(self, scores: dict[str, float], threshold: float) -> float:
        return sum(v >= threshold for v in scores.values()) / len(scores) if scores else 0.0

    @property
    def auc(self) -> float:
        pairs = [(r, o) for r in self.rewrites.values() for o in self.originals.values()]
        if not pairs:
            return float("nan")
        return sum(1.0 if r > o else 0.5 if r == o else 0.0 for r, o in pairs) / len(pairs)


def _checked(path: Path) -> CheckResult:
    return check(read_file(path))


def _rewrites_and_originals() -> tuple[list[Path], list[Path]]:
    rewrites = [
        p / "article.txt" for p in sorted(REAL.iterdir()) if not p.name.startswith("control")
    ]
    rewrites += [SEED / "article.txt", ROOT / "examples" / "reworded.txt"]
    originals = [p / "source.txt" for p in sorted(REAL.iterdir()) if (p / "source.txt").is_file()]
    originals += [REAL / "control-reuters-mariupol-2022" / "article.txt", SEED / "source.txt"]
    originals += [REAL / "control-reuters-toyota-2014" / "article.txt"]
    originals += sorted((SEED / "coverage").glob("*.txt"))
    originals += [ROOT / "examples" / "original.txt"]
    if FAITHFUL.is_dir():
        originals += sorted(FAITHFUL.glob("*/article.txt")) + sorted(FAITHFUL.glob("*/source.txt"))
    return [p for p in rewrites if p.is_file()], [p for p in originals if p.is_file()]


def run() -> Scores:
    from copydesk.checks.verdict import rewording

    scores = Scores()
    for folder in sorted(p for p in REAL.iterdir() if (p / "labels.md").is_file()):
        result = _checked(folder / "article.txt")
        counted = [f for f in result.findings if f.severity is not Severity.INFO]
        visible = VISIBLE.get(folder.name, {})
        for row in rows(folder / "labels.md"):
            if row.label != MEANING_CHANGED:
                continue
            spans = sentence_spans(result, row)
            hit = any(f.span.overlaps(s) for f in counted for s in spans)
            scores.changed += 1
            scores.found += hit
            if row.id in visible:
                scores.visible += 1
                scores.visible_found += hit
                if not hit:
                    scores.missed_visible.append(f"{folder.name} {row.id}")
    rewrites, originals = _rewrites_and_originals()
    clean = [REAL / c for c in CLEAN] + sorted((SEED / "coverage").glob("*.txt"))
    clean.append(ROOT / "examples" / "original.txt")
    for path in sorted({*rewrites, *originals, *clean}):
        result = _checked(path)
        name = str(path.relative_to(path.parents[1]))
        score = rewording(result.analysed.doc, result.findings).score
        if path in rewrites:
            scores.rewrites[name] = score
        if path in originals:
            scores.originals[name] = score
        if path in clean and any(f.severity is Severity.MAJOR for f in result.findings):
            scores.majors_on_clean.append(name)
    return scores


def main() -> int:
    if not REAL.is_dir():
        print(f"no real cases at {REAL}", file=sys.stderr)
        return 2
    s = run()
    print("check without a source, on the labelled rewrites")
    print(f"  meaning_changed rows flagged        {s.found}/{s.changed} = {s.recall:.2f}")
    print(
        f"  rows visible in the article flagged {s.visible_found}/{s.visible} = "
        f"{s.visible_recall:.2f}"
        + (f"  (missed: {', '.join(s.missed_visible)})" if s.missed_visible else "")
    )
    print(
        f"  major findings on clean texts       {len(s.majors_on_clean)} {s.majors_on_clean or ''}"
    )
    print("\nrewording score")
    for name, score in sorted(s.rewrites.items(), key=lambda x: (-x[1], x[0])):
        print(f"  rewrite   {score:.3f}  {name}")
    for name, score in sorted(s.originals.items(), key=lambda x: (-x[1], x[0])):
        print(f"  original  {score:.3f}  {name}")
    print(f"  ROC AUC (rewrites above originals)  {s.auc:.3f}")
    cut = LIKELY_THRESHOLD
    print(
        f"  at the threshold {cut:.2f}: false-positive rate "
        f"{s.rate(s.originals, cut):.3f} ({len(s.originals)} faithful texts), true-positive "
        f"rate {s.rate(s.rewrites, cut):.3f} ({len(s.rewrites)} rewrites)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
