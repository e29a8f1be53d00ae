"""The product's unit of value: a `Finding` with its `Span` and `Evidence`.

Plain frozen dataclasses; pydantic appears only at the edges (see `copydesk.report`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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

    def __len__(self) -> int:
        return self.end - self.start


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
