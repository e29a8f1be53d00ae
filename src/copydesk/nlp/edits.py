"""edits: the word-level edits between two parallel sentences, extracted by ERRANT.

ERRANT aligns two token sequences with a linguistically weighted Damerau-Levenshtein cost
(same lemma, same part of speech and similar spelling are cheap), merges adjacent operations
that belong to one change ("played down" -> "performed down", "near" -> "close to"), and types
each edit (``R:VERB``, ``M:DET``, ``R:VERB:TENSE`` ...). It works on spaCy documents; the
documents are rebuilt from the plain parse already made (`Token`), so nothing is parsed twice.
This module and `annotate` are the only ones that import spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from copydesk.nlp.annotate import Token, load_model


@dataclass(frozen=True, slots=True)
class TokenEdit:
    """One edit from source tokens to article tokens: ``source`` and ``article`` are the
    half-open ranges of positions in the two token sequences given to `token_edits`
    (an empty range is an insertion or a deletion). ``code`` is ERRANT's type."""

    source: tuple[int, int]
    article: tuple[int, int]
    code: str

    @property
    def operation(self) -> str:
        if self.source[0] == self.source[1]:
            return "insertion"
        if self.article[0] == self.article[1]:
            return "deletion"
        return "substitution"


@lru_cache(maxsize=1)
def _annotator() -> Any:
    import errant

    return errant.load("en", load_model())


def _doc(tokens: Sequence[Token]) -> Any:
    from spacy.tokens import Doc

    nlp = load_model()
    position = {t.i: k for k, t in enumerate(tokens)}
    heads = [position.get(t.head, k) for k, t in enumerate(tokens)]
    return Doc(
        nlp.vocab,
        words=[t.text for t in tokens],
        spaces=[bool(t.whitespace) for t in tokens],
        pos=[t.pos or "X" for t in tokens],
        tags=[t.tag or "XX" for t in tokens],
        lemmas=[t.lemma or t.text for t in tokens],
        deps=[t.dep or "dep" if heads[k] != k else "ROOT" for k, t in enumerate(tokens)],
        heads=heads,
    )


def token_edits(source: Sequence[Token], article: Sequence[Token]) -> list[TokenEdit]:
    """Every edit that turns ``source`` into ``article`` (both without whitespace tokens),
    in source order."""
    if not source and not article:
        return []
    annotator = _annotator()
    edits = annotator.annotate(_doc(source), _doc(article))
    return [TokenEdit((e.o_start, e.o_end), (e.c_start, e.c_end), e.type) for e in edits]
