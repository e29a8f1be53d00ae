"""The shared parts of the word-level diff: the aligned pair as token sequences, and the
judgement an edit gets before it becomes a finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.model import Evidence, Span
from copydesk.nlp.annotate import Annotated, Token

CONTENT_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}


NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’", "'"})


@dataclass(frozen=True, slots=True)
class Pair:
    """The two sides of an aligned pair, as the token sequences the edits index."""

    article: Annotated
    article_tokens: tuple[Token, ...]
    source: Annotated
    source_tokens: tuple[Token, ...]

    def span(self, tokens: Sequence[Token]) -> Span:
        return Span(tokens[0].start, tokens[-1].end)

    def evidence(self, tokens: Sequence[Token]) -> tuple[Evidence, ...]:
        if not tokens:
            return ()
        span = self.span(tokens)
        a = self.source.article
        return (Evidence(a.doc_id, span, span.of(self.source.text), outlet=a.outlet, url=a.url),)


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str
    message: str
    article: tuple[Token, ...]  # the tokens the finding points at
    source: tuple[Token, ...]
    suggestion: str | None = None


def joined_text(tokens: Sequence[Token]) -> str:
    out = []
    for k, t in enumerate(tokens):
        out.append(t.text + (t.whitespace if k < len(tokens) - 1 else ""))
    return "".join(out)


def quoted(tokens: Sequence[Token]) -> str:
    return f"‘{joined_text(tokens)}’"


def word_tokens(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct]
