"""The product's unit of value: a `Finding` with its `Span` and `Evidence`.

Plain frozen dataclasses; pydantic appears only at the edges (see `copydesk.report`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def touches(self, other: Span) -> bool:
        """``other`` overlaps this span or, when empty (a missing word), lies inside it or at
        its end: a full stop missing at a sentence's end belongs to that sentence."""
        if len(other) == 0:
            return self.start <= other.start <= self.end
        return self.overlaps(other)

    def __len__(self) -> int:
        return self.end - self.start


class SpanIndex:
    """Spans sorted by start, for asking which of them hold or touch a given span without
    scanning them all. Answers are positions in the list given, in ascending order.

    Each look-up walks back from a binary search only as far as some earlier span still
    reaches: a few steps when spans are short or disjoint (quotations, name mentions)."""

    __slots__ = ("_order", "_reach", "_spans", "_starts")

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = tuple(spans)
        self._order = sorted(range(len(self._spans)), key=lambda i: self._spans[i].start)
        self._starts = [self._spans[i].start for i in self._order]
        # the furthest end among the first k spans by start: where a walk back can stop
        self._reach = list(accumulate((self._spans[i].end for i in self._order), max))

    def _back(self, before: int, reaching: int, strict: bool) -> list[int]:
        """Positions of the spans among the first ``before`` by start whose end is at least
        (``strict``: beyond) ``reaching``."""
        found = []
        j = before - 1
        while j >= 0 and (self._reach[j] > reaching if strict else self._reach[j] >= reaching):
            end = self._spans[self._order[j]].end
            if end > reaching if strict else end >= reaching:
                found.append(self._order[j])
            j -= 1
        return sorted(found)

    def containing(self, span: Span) -> list[int]:
        """Positions of the spans that contain ``span`` (`Span.contains`)."""
        return self._back(bisect_right(self._starts, span.start), span.end, strict=False)

    def overlapping(self, span: Span) -> list[int]:
        """Positions of the spans that overlap ``span`` (`Span.overlaps`)."""
        return self._back(bisect_left(self._starts, span.end), span.start, strict=True)


class Severity(str, Enum):
    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"

    @property
    def rank(self) -> int:
        return {"info": 0, "minor": 1, "major": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span in another document (the source, another outlet's article) that backs a finding."""

    doc_id: str
    span: Span
    text: str
    outlet: str | None = None
    url: str | None = None
    note: str | None = None
    marks: tuple[Span, ...] = ()  # the words inside ``span`` the note is about


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a copy editor would flag, pointing at its span in the article text.

    ``kind`` is a stable dotted code (``copy.non_word``, ``source.role_swap`` ...); the full
    list with meanings lives in `copydesk.kinds.KINDS`.
    """

    kind: str
    severity: Severity
    message: str
    span: Span
    evidence: tuple[Evidence, ...] = ()
    suggestion: str | None = None
    confidence: float = 1.0
