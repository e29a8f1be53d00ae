"""The accuracy of every finding kind of `compare`, measured on real texts: the table of
``docs/accuracy.md``.

For each kind it counts, over the labelled real pairs (``../shared/cases/real/``) and the
faithful republications (``../shared/cases/faithful/``):

- **findings**: the sentences on which the kind gives a minor or major finding: labelled
  sentences of a pair, and any sentence of a faithful copy;
- **precision**: the share of them that are ``meaning_changed`` rows. A finding on a verbatim
  or faithful row, or in a faithful copy, is a false alarm (`source.unmatched`, a sentence
  only one text has, is left out); **major**, the same for the kind's major findings alone
  (a rule inside a kind may report minor);
- **on faithful copies**: its findings per 100 sentences of the faithful copies;
- **recall** and **kind-right**: the ``meaning_changed`` rows of the labelled pairs whose
  sub-type this kind names (`real_cases.KINDS_OF_SUBTYPE`), and the share found by any
  finding, and by one of this kind's family.

A kind whose major findings' precision is under `MAJOR_MIN_PRECISION` on at least
`MIN_FINDINGS` of them may not report major; the floor test holds the kinds to that.

    .venv/bin/python eval/accuracy.py            # prints the table
    .venv/bin/python eval/accuracy.py --write    # also writes docs/accuracy.md

`run()` returns the figures for ``tests/eval/test_accuracy_floors.py``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from faithful_copies import FAITHFUL, pairs
from real_cases import FAITHFUL as FAITHFUL_LABELS
from real_cases import KINDS_OF_SUBTYPE, MEANING_CHANGED, REAL, cases, counts, rows, sentence_spans

from copydesk.kinds import KINDS, severity_of
from copydesk.model import Finding, Severity
from copydesk.pipeline import check
from copydesk.read import read_file

DOC = HERE.parent / "docs" / "accuracy.md"

#: A kind reports major only when at least this share of its findings on real texts are on
#: changed sentences: an editor who meets more than one false major finding in ten stops
#: trusting the label.
MAJOR_MIN_PRECISION = 0.90

#: Fewest findings on real texts before a kind's precision decides its severity: below it,
#: one finding more or less moves the share by over 20 points.
MIN_FINDINGS = 5


@dataclass
class KindScore:
    kind: str
    right: int = 0  # sentences of meaning_changed rows it flags
    wrong: int = 0  # sentences of faithful rows of the labelled pairs, and of faithful copies
    major_right: int = 0
    major_wrong: int = 0
    on_copies: int = 0  # sentences of the faithful copies it flags (each also in `wrong`)
    rows: int = 0  # meaning_changed rows whose sub-type names this kind
    found: int = 0  # of those, found by any finding
    kind_right: int = 0  # of those, found by a finding of the sub-type's kinds

    def add(self, changed: bool, major: bool) -> None:
        self.right += changed
        self.wrong += not changed
        self.major_right += changed and major
        self.major_wrong += major and not changed

    @property
    def findings(self) -> int:
        return self.right + self.wrong

    @property
    def majors(self) -> int:
        return self.major_right + self.major_wrong

    @property
    def precision(self) -> float | None:
        return self.right / self.findings if self.findings else None

    @property
    def major_precision(self) -> float | None:
        return self.major_right / self.majors if self.majors else None


@dataclass
class Accuracy:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    copy_sentences: int = 0
    pairs: int = 0
    copies: int = 0

    def of(self, kind: str) -> KindScore:
        return self.kinds.setdefault(kind, KindScore(kind))

    def below_floor(self) -> list[KindScore]:
        """Kinds that report major with a measured precision under the floor."""
        return [
            k
            for k in self.kinds.values()
            if k.majors >= MIN_FINDINGS and (k.major_precision or 0.0) < MAJOR_MIN_PRECISION
        ]


def _flags(findings: list[Finding]) -> dict[str, bool]:
    """The kinds among ``findings``, each with whether one of them is major."""
    out: dict[str, bool] = {}
    for f in findings:
        out[f.kind] = out.get(f.kind, False) or f.severity is Severity.MAJOR
    return out


def run() -> Accuracy:
    acc = Accuracy()
    for folder in cases([]):
        acc.pairs += 1
        result = check(read_file(folder / "article.txt"), read_file(folder / "source.txt"))
        findings = [f for f in result.findings if counts(f)]
        for row in rows(folder / "labels.md"):
            spans = sentence_spans(result, row)
            hits = [f for f in findings if any(f.span.overlaps(s) for s in spans)]
            if row.label in (MEANING_CHANGED, *FAITHFUL_LABELS):
                for kind, major in _flags(hits).items():
                    acc.of(kind).add(row.label == MEANING_CHANGED, major)
            if row.label != MEANING_CHANGED:
                continue
            wanted = KINDS_OF_SUBTYPE.get(row.subtype, frozenset())
            for kind in wanted:
                score = acc.of(kind)
                score.rows += 1
                score.found += bool(hits)
                score.kind_right += any(f.kind in wanted for f in hits)
    for folder in pairs([]):
        acc.copies += 1
        result = check(read_file(folder / "article.txt"), read_file(folder / "source.txt"))
        acc.copy_sentences += len(result.analysed.doc.sentences)
        doc = result.analysed.doc
        for sentence in doc.sentences:
            hits = [f for f in result.findings if counts(f) and f.span.overlaps(sentence.span)]
            for kind, major in _flags(hits).items():
                acc.of(kind).add(False, major)
                acc.of(kind).on_copies += 1
    return acc


def _share(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(acc: Accuracy) -> str:
    order = [
        k.code
        for k in KINDS
        if k.code in acc.kinds and acc.kinds[k.code].findings + acc.kinds[k.code].rows
    ]
    lines = [
        (
            "| kind | severity | findings | precision | major | precision | on faithful copies, "
            "per 100 sentences | labelled rows | recall | kind-right |"
        ),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code in order:
        k = acc.kinds[code]
        per_100 = 100 * k.on_copies / acc.copy_sentences if acc.copy_sentences else 0.0
        recall = k.found / k.rows if k.rows else None
        kind_right = k.kind_right / k.rows if k.rows else None
        lines.append(
            f"| `{code}` | {severity_of(code).value} | {k.findings} | {_share(k.precision)} "
            f"| {k.majors} | {_share(k.major_precision)} | {per_100:.2f} | {k.rows} "
            f"| {_share(recall)} | {_share(kind_right)} |"
        )
    return "\n".join(lines)


def rewording_section() -> str:
    """The rewording score's threshold with its measured rates (`eval/rewording.py`)."""
    from rewording import run as run_rewording

    from copydesk.checks.verdict import LIKELY_THRESHOLD

    r = run_rewording()
    fp = r.rate(r.originals, LIKELY_THRESHOLD)
    tp = r.rate(r.rewrites, LIKELY_THRESHOLD)
    return f"""## The rewording score without a source

`check` without a source scores how likely a machine reworded the article (0 to 1, from its
fingerprints per 1,000 words) and calls it likely reworded at `rewording.threshold` =
{LIKELY_THRESHOLD:.2f} (`copydesk.checks.verdict.LIKELY_THRESHOLD`). Measured by
`eval/rewording.py` on {len(r.originals)} faithful texts (the originals and controls of the
labelled pairs, the seed's source and coverage, the examples' original, and both sides of
every faithful republication) and {len(r.rewrites)} rewrites (the labelled rewrites, the seed
article, the examples' reworded copy):

| measure | value |
|---|---:|
| false-positive rate at the threshold (faithful texts called reworded) | {fp:.3f} |
| true-positive rate at the threshold (rewrites called reworded) | {tp:.3f} |
| ROC AUC (a rewrite scores above a faithful text) | {r.auc:.3f} |
| labelled changed sentences flagged by `check` alone (minor or major) | {r.found}/{r.changed} = {r.recall:.2f} |
"""


def document(acc: Accuracy) -> str:
    return f"""# Accuracy, per finding kind

Generated by `make accuracy` (`.venv/bin/python eval/accuracy.py --write`) from the texts in
`../shared/cases`: {acc.pairs} real republished articles labelled sentence by sentence against
their originals (`real/`), and {acc.copies} real faithful republications of wire stories
(`faithful/`, {acc.copy_sentences} article sentences), on which every finding is a false alarm.

- **findings**: the sentences the kind flags, minor or major: labelled sentences of the
  pairs and any sentence of the faithful copies (`source.unmatched`, a sentence only one
  text has, is left out).
- **precision**: the share of those sentences whose meaning the rewrite changed; **major**
  and its **precision**, the same for the kind's major findings alone (a rule inside a kind,
  such as a quotation that changes only "the" to "this", may report minor).
- **on faithful copies**: the kind's findings per 100 sentences of the faithful copies.
- **labelled rows**: the changed sentences whose labelled sub-type this kind names;
  **recall**, the share of them found by any finding; **kind-right**, by a finding of a kind
  that names the sub-type.

A kind reports **major** only while the precision of its major findings is at least
{MAJOR_MIN_PRECISION:.2f} over at least {MIN_FINDINGS} of them; below that it reports
minor, whatever it finds. The
test suite holds the kinds' severities to this table. Kinds that gave no finding on these
texts are not listed; `eval/perturbations.py` measures every kind on changes written one at a
time.

{table(acc)}

{rewording_section()}"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {DOC.name}")
    args = parser.parse_args(argv)
    if not REAL.is_dir() or not FAITHFUL.is_dir():
        print(f"no real cases at {REAL.parent}", file=sys.stderr)
        return 2
    acc = run()
    print(table(acc))
    below = acc.below_floor()
    if below:
        print("\nmajor kinds under the precision floor: " + ", ".join(k.kind for k in below))
    if args.write:
        DOC.write_text(document(acc), encoding="utf-8")
        print(f"\nwrote {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
