"""The result of comparing an article with its source."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from copydesk.model import Finding, Span
from copydesk.read.article import Article


class Label(str, Enum):
    VERBATIM = "verbatim"  # same words (after normalising quotes and whitespace)
    PARAPHRASE = "paraphrase"  # reworded, meaning kept: no finding
    CHANGED = "changed"  # aligned, with at least one meaning-changing finding
    ADDED = "added"  # no counterpart in the source


@dataclass(frozen=True, slots=True)
class AlignedSentence:
    """One article sentence and the source sentence(s) it comes from (none when ADDED)."""

    article_sentence: int
    article_span: Span
    source_sentences: tuple[int, ...]
    source_spans: tuple[Span, ...]
    label: Label
    similarity: float


@dataclass(frozen=True, slots=True)
class Comparison:
    source: Article
    pairs: tuple[AlignedSentence, ...]  # one per article body sentence, in article order
    omitted: tuple[Span, ...]  # source sentences with no counterpart in the article
    article_reuse: float  # share of the article's body characters aligned to the source
    source_reuse: float  # share of the source's body characters reused by the article
    findings: tuple[Finding, ...]
