"""Corpus records and the results of source finding and corroboration."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from copydesk.model import Evidence, Finding, Span


@dataclass(frozen=True, slots=True)
class SourceCandidate:
    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    reuse_share: float  # share of the article's text found in this document
    score: float
    reason: str  # one line: why it ranks here


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


@dataclass(frozen=True, slots=True)
class Corroboration:
    verdicts: tuple[ClaimVerdict, ...]
    documents_considered: int
    findings: tuple[Finding, ...]
