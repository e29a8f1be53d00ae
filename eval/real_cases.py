"""Evaluation of `compare` on real republished articles, labelled sentence by sentence.

Reads every case folder under ``../shared/cases/real/`` (or the folders given): an
``article.txt``, its ``source.txt`` and a ``labels.md`` table (see that folder's README),
runs ``copydesk compare`` on the pair and scores the report by the README's rule:

- a ``meaning_changed`` row is found when a finding of severity minor or major (not
  ``source.unmatched``) overlaps the row's sentence(s) in the article;
- it is found kind-right when such a finding's kind names the row's sub-type
  (`KINDS_OF_SUBTYPE`);
- a ``verbatim`` or ``faithful_paraphrase`` row with a major finding is a false alarm.

    .venv/bin/python eval/real_cases.py [CASE_DIR ...]

It prints a table per case and the totals; `run()` returns the same figures for the floor
tests in ``tests/eval/test_real_case_floors.py``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.model import Finding, Severity, Span
from copydesk.pipeline import CheckResult, check
from copydesk.read import read_file

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "cases" / "real"

MEANING_CHANGED = "meaning_changed"
FAITHFUL = ("verbatim", "faithful_paraphrase")

#: Which finding kinds name each sub-type of the labels ("other" is any change of meaning).
KINDS_OF_SUBTYPE: dict[str, frozenset[str]] = {
    "quote_altered": frozenset(
        {"source.quote_altered", "source.quote_unmarked", "source.quote_rescoped",
         "source.quote_added"}
    ),
    "role_or_entity_swap": frozenset(
        {"source.role_swap", "source.entity_changed", "source.title_changed",
         "source.word_changed", "source.scope_changed"}
    ),
    "agent_inverted": frozenset({"source.agent_inverted"}),
    "number_changed": frozenset(
        {"source.number_changed", "source.date_added", "source.time_changed"}
    ),
    "speaker_dropped": frozenset({"source.speaker_dropped"}),
    "speaker_changed": frozenset({"source.speaker_changed"}),
    "negation_or_polarity": frozenset({"source.negation_flipped", "source.antonym"}),
    "hedging_verb": frozenset(
        {"source.hedge_removed", "source.modality_changed", "source.attribution_verb_changed"}
    ),
    "garbled": frozenset(
        {"source.phrase_broken", "source.grammar_broken", "source.word_changed",
         "spin.broken_sentence", "spin.tortured_phrase", "spin.wrong_form", "spin.garbled_text",
         "spin.lowercase_name"}
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    fragments: tuple[str, ...]
    label: str
    subtype: str


@dataclass
class Score:
    case: str
    changed: int = 0
    found: int = 0
    kind_right: int = 0
    faithful: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("changed", "found", "kind_right", "faithful", "false_alarms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.found / self.changed if self.changed else 1.0

    @property
    def kind_recall(self) -> float:
        return self.kind_right / self.changed if self.changed else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.faithful if self.faithful else 0.0


def rows(labels: Path) -> list[Row]:
    """The labelled rows of a ``labels.md`` table (junk rows left out)."""
    out = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not cells[0] or cells[0] in ("#", "---") or set(cells[0]) <= {"-"}:
            continue
        label = cells[3]
        if label not in (MEANING_CHANGED, *FAITHFUL):
            continue
        rewrite = cells[1].replace("**", "")
        fragments = tuple(f.strip() for f in rewrite.split("…") if f.strip())
        out.append(Row(cells[0], fragments, label, cells[4]))
    return out


#: Quotation marks folded one for one before a fragment is looked up, so that offsets hold.
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', " ": " "})


def sentence_spans(result: CheckResult, row: Row) -> list[Span]:
    """The article sentences a row's fragments fall in."""
    doc = result.analysed.doc
    text = doc.text.translate(_FOLD)
    spans: list[Span] = []
    for fragment in row.fragments:
        fragment = fragment.translate(_FOLD)
        at = text.find(fragment)
        if at < 0:
            continue
        for s in doc.sentences_over(Span(at, at + len(fragment))):
            if s.span not in spans:
                spans.append(s.span)
    return spans


def counts(f: Finding) -> bool:
    """Whether a finding counts for a row: minor or major, and not a sentence with no source."""
    return f.severity is not Severity.INFO and f.kind != "source.unmatched"


def score_case(folder: Path) -> Score:
    article = read_file(folder / "article.txt")
    source = read_file(folder / "source.txt")
    result = check(article, source)
    findings = [f for f in result.findings if counts(f)]
    score = Score(folder.name)
    for row in rows(folder / "labels.md"):
        spans = sentence_spans(result, row)
        if not spans:
            score.unplaced.append(row.id)
            continue
        hits = [f for f in findings if any(f.span.overlaps(s) for s in spans)]
        if row.label == MEANING_CHANGED:
            score.changed += 1
            if hits:
                score.found += 1
                wanted = KINDS_OF_SUBTYPE.get(row.subtype)
                if wanted is None or any(f.kind in wanted for f in hits):
                    score.kind_right += 1
                else:
                    score.wrong_kind.append(
                        f"{row.id} ({', '.join(sorted({f.kind for f in hits}))})"
                    )
            else:
                score.missed.append(row.id)
        else:
            score.faithful += 1
            majors = [f for f in hits if f.severity is Severity.MAJOR]
            if majors:
                score.false_alarms += 1
                score.alarms.append(f"{row.id} ({', '.join(sorted({f.kind for f in majors}))})")
    return score


def cases(paths: list[str]) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    return sorted(p for p in REAL.iterdir() if (p / "labels.md").is_file())


def run(paths: list[str] | None = None) -> tuple[list[Score], Score]:
    scores = [score_case(p) for p in cases(paths or [])]
    total = Score("total")
    for s in scores:
        total.add(s)
    return scores, total


def main(argv: list[str]) -> int:
    if not argv and not REAL.is_dir():
        print(f"no real cases at {REAL}", file=sys.stderr)
        return 2
    scores, total = run(argv)
    head = f"{'case':<34} {'changed':>7} {'found':>5} {'recall':>6} {'kind':>5} " \
           f"{'faithful':>8} {'alarms':>6} {'rate':>5}"  # fmt: skip
    print(head)
    print("-" * len(head))
    for s in [*scores, total]:
        print(
            f"{s.case:<34} {s.changed:>7} {s.found:>5} {s.recall:>6.2f} {s.kind_recall:>5.2f} "
            f"{s.faithful:>8} {s.false_alarms:>6} {s.false_alarm_rate:>5.2f}"
        )
    for s in scores:
        notes = []
        if s.missed:
            notes.append("missed " + ", ".join(s.missed))
        if s.wrong_kind:
            notes.append("found under another kind " + "; ".join(s.wrong_kind))
        if s.alarms:
            notes.append("false alarms " + "; ".join(s.alarms))
        if s.unplaced:
            notes.append("rows not found in the article " + ", ".join(s.unplaced))
        if notes:
            print(f"  {s.case}: " + " | ".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
