"""Quotations in a group of sentences, as word sequences that can be compared word by word.

Quotation marks are found in the text (“…”, ‘…’, "…"); the ledger's marked quotations are
used as well when it has them. Words are compared lower-case, with curly/straight apostrophes
and British/American spellings made equal, and punctuation left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.compare.frames import spelling_key
from copydesk.ledger.model import Ledger
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token

_MARKED = re.compile(
    r"“(?P<a>[^“”\n]+)”"
    r"|(?<![\w’'])‘(?P<b>[^‘’\n]+?)’(?!\w)"
    r"|(?<!\w)\"(?P<c>[^\"\n]+)\""
    r"|«(?P<d>[^«»\n]+)»"
)


@dataclass(frozen=True, slots=True)
class Word:
    norm: str
    span: Span
    token: int


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span  # the quoted words, marks excluded
    words: tuple[Word, ...]

    @property
    def norms(self) -> list[str]:
        return [w.norm for w in self.words]


def normal(token: Token) -> str:
    t = token.text.replace("’", "'")
    if t.lower() == "n't":
        return "not"
    return spelling_key(t)


def word_stream(tokens: Sequence[Token]) -> list[Word]:
    """The words of ``tokens`` (punctuation, quotation marks and spaces left out)."""
    return [
        Word(normal(t), t.span, t.i)
        for t in tokens
        if not t.is_space and not t.is_punct and t.text not in {"’", "‘", "'", '"'}
    ]


def marked_quotes(
    doc: Annotated, sentences: Sequence[int], tokens: Sequence[Token], ledger: Ledger
) -> list[Quote]:
    spans: list[Span] = []
    for k in sentences:
        s = doc.sentences[k]
        for m in _MARKED.finditer(s.text):
            g = next(name for name in "abcd" if m.group(name) is not None)
            start, end = s.start + m.start(g), s.start + m.end(g)
            spans.append(Span(start, end))
    for q in ledger.quotations:
        if q.marked and q.sentence in sentences and not any(q.span.overlaps(s) for s in spans):
            spans.append(q.span)
    out = []
    for sp in sorted(spans):
        words = tuple(w for w in word_stream(tokens) if sp.contains(w.span))
        if words:
            out.append(Quote(sp, words))
    return out
