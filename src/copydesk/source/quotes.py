"""Quotations in a group of sentences, as word sequences that can be compared word by word.

The quotations are the ledger's (marked ones: “…”, ‘…’, "…", «…»). Words are compared lower-case, with curly/straight apostrophes
and British/American spellings made equal, and punctuation left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.model import Ledger
from copydesk.lexicon.normalise import spelling_key
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token


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
    """A quotation's word as compared: lower case, British and American spellings one, and
    an abbreviation with or without its stops one ("U.N." and "UN", "Mr." and "Mr")."""
    t = token.text.replace("’", "'")
    if t.lower() == "n't":
        return "not"
    if "." in t and t.replace(".", "").isalpha():
        t = t.replace(".", "")
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
    """The ledger's quotations between marks in these sentences, as word sequences. A
    quotation nested in another is left out: its words are compared as part of the outer one."""
    marked = [q.span for q in ledger.quotations if q.marked and q.sentence in sentences]
    spans = sorted(
        {sp for sp in marked if not any(o != sp and o.contains(sp) for o in marked)},
        key=lambda sp: (sp.start, sp.end),
    )
    stream = word_stream(tokens)
    out = []
    for sp in spans:
        words = tuple(w for w in stream if sp.contains(w.span))
        if words:
            out.append(Quote(sp, words))
    return out
