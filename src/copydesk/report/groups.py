"""Findings about one fact, grouped: one error seen by several checks is one item.

A role swapped against the source shows up as a role swap on each of the two people, as a
conflicting affiliation inside the article, and, with a corpus, as claims other outlets
contradict: five findings about one fact. Two findings are about the same fact when

- their spans overlap (they point at the same words of the article), or
- they cite overlapping evidence in the same other document (the same source sentence, the
  same outlet's report; evidence inside the article itself only shows other mentions, and
  links nothing), or
- they touch the same entry of the ledger: one quotation, one person's role (the same
  person, title and side), or one number (the same value and unit).

Each group is led by its most severe finding; among equals, by the kind whose evidence is
most direct (against the source, then other outlets, the article against itself, the copy,
attribution, then fingerprints of rewording), then by text order. Findings of severity info
note a whole sentence rather than an error and stand alone, except the sentences with no
counterpart in the source: a run of them, one after another in the article, is one passage
the article adds, and one group.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from copydesk.ledger.model import Ledger
from copydesk.model import Finding, Severity, Span, SpanIndex
from copydesk.report.schema import FindingGroup

#: Families of kinds by how direct their evidence is: the first leads a group among findings
#: of one severity.
LEAD_ORDER = ("source", "corroboration", "consistency", "copy", "attribution", "spin")


class _Sets:
    """Union-find over finding positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _join_overlapping(sets: _Sets, spans: Sequence[tuple[Span, int]]) -> None:
    """Join the findings whose spans (each given with its finding's position) overlap."""
    reach_end, reach_owner = -1, -1
    for span, i in sorted(spans, key=lambda x: (x[0].start, x[0].end)):
        if span.start < reach_end:
            sets.union(reach_owner, i)
        if span.end > reach_end:
            reach_end, reach_owner = span.end, i


def _join_keys(sets: _Sets, keys: Iterable[tuple[Hashable, int]]) -> None:
    first: dict[Hashable, int] = {}
    for key, i in keys:
        sets.union(first.setdefault(key, i), i)


def _ledger_keys(
    ledger: Ledger, findings: Sequence[Finding], grouped: list[int]
) -> list[tuple[Hashable, int]]:
    """(ledger entry, finding position) for each entry a finding's span touches."""
    entries: list[tuple[Hashable, Span]] = [
        (("quotation", k), q.span) for k, q in enumerate(ledger.quotations)
    ]
    entries += [(("role", p.name, r.title, r.side), r.span) for p in ledger.people for r in p.roles]
    entries += [(("number", q.value, q.unit), q.span) for q in ledger.quantities]
    index = SpanIndex([span for _, span in entries])
    return [(entries[k][0], i) for i in grouped for k in index.overlapping(findings[i].span)]


#: The kind of an article sentence with no counterpart in the source.
UNMATCHED = "source.unmatched"


def _join_added_runs(sets: _Sets, findings: Sequence[Finding], text: str) -> None:
    """Join each unmatched sentence to the next one when only white space lies between them
    in the article (``findings`` are in text order)."""
    previous: int | None = None
    for i, f in enumerate(findings):
        if f.kind != UNMATCHED:
            continue
        if previous is not None and not text[findings[previous].span.end : f.span.start].strip():
            sets.union(previous, i)
        previous = i


def _lead_rank(f: Finding) -> tuple[int, int]:
    family = f.kind.split(".", 1)[0]
    place = LEAD_ORDER.index(family) if family in LEAD_ORDER else len(LEAD_ORDER)
    return (-f.severity.rank, place)


def group_findings(
    findings: Sequence[Finding], ledger: Ledger, article_id: str, text: str
) -> list[FindingGroup]:
    """The groups of ``findings`` (in text order) about one fact each, every finding in one
    group; groups come in the order of their first finding. ``article_id`` is the article's
    ``doc_id`` (its own evidence links nothing); ``text`` is the article's text."""
    sets = _Sets(len(findings))
    grouped = [i for i, f in enumerate(findings) if f.severity is not Severity.INFO]
    _join_overlapping(sets, [(findings[i].span, i) for i in grouped])
    elsewhere: dict[str, list[tuple[Span, int]]] = {}
    for i in grouped:
        for e in findings[i].evidence:
            if e.doc_id != article_id:
                elsewhere.setdefault(e.doc_id, []).append((e.span, i))
    for spans in elsewhere.values():
        _join_overlapping(sets, spans)
    _join_keys(sets, _ledger_keys(ledger, findings, grouped))
    _join_added_runs(sets, findings, text)

    members: dict[int, list[int]] = {}
    for i in range(len(findings)):
        members.setdefault(sets.find(i), []).append(i)
    groups = []
    for positions in sorted(members.values()):
        lead = min(positions, key=lambda i: (*_lead_rank(findings[i]), i))
        groups.append(FindingGroup(lead=lead, related=[i for i in positions if i != lead]))
    return groups
