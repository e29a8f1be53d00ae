"""Corpus records, the results of source finding and corroboration, and the store's default
file (here, not in `copydesk.corpus.store`, so that the command names it without loading
SQLite)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from copydesk.model import Evidence, Finding, Span

#: The file a store lives in when no other is named.
DEFAULT_DB = "copydesk.db"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A corpus document that may be the article's source, ranked (the report's `SourceCandidate`)."""

    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    reuse_share: float  # share of the article's text found in this document
    score: float
    reason: str  # one line: why it ranks here
    relation: str | None = None  # its place in the article's family ("original", ...), if any


@dataclass(frozen=True, slots=True)
class Copy:
    """One member of an article's family: a document carrying the same story's text."""

    doc_id: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    relation: str  # "original", "this article", "copy of the article", ...
    reuse_share: float  # of the article's sentences reusing its wording
    differs: str  # how its text differs, in a line


@dataclass(frozen=True, slots=True)
class Family:
    """The documents carrying one story's text, and which of them is the original."""

    original: str | None  # doc id of the original; None when the article is the earliest
    reason: str  # why that one is the original
    provenance: str  # the part of the reason that is not reuse ("earliest of 3 copies; ...")
    copies: tuple[Copy, ...]  # the original first, then the others by date

    def ids(self) -> frozenset[str]:
        return frozenset(c.doc_id for c in self.copies)


class Verdict(str, Enum):
    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """A checkable claim of the article and what other outlets say of it."""

    claim: str  # the claim in words: "Vladimir Medinsky leads Kyiv's delegation"
    kind: str  # "frame", "role", "quantity", "quotation"
    span: Span
    verdict: Verdict
    evidence: tuple[Evidence, ...]
    reason: str
    agree: int = 0  # independent families that corroborate it
    disagree: int = 0  # independent families that contradict it


@dataclass(frozen=True, slots=True)
class CoverageFamily:
    """Coverage that counts as one report: copies of one text, or of one wire."""

    label: str  # the wire, else the first outlet
    outlets: tuple[str, ...]
    doc_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A coverage document not counted as independent of the article, and why."""

    doc_id: str
    outlet: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corroboration:
    verdicts: tuple[ClaimVerdict, ...]
    documents_considered: int
    findings: tuple[Finding, ...]
    families: tuple[CoverageFamily, ...] = ()  # the independent reports the claims were judged on
    left_out: tuple[LeftOut, ...] = ()
