"""Modals: a change in how firmly the sentence states what it says."""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.lexicon.modality import (
    FORCE_WORDS,
    HEDGE_ADVERBS,
    HEDGE_CONTROL,
    HEDGE_WORDS,
    MODAL_FORCE,
)
from copydesk.nlp.annotate import Token
from copydesk.nlp.edits import TokenEdit
from copydesk.source.words.edit import Judgement, Pair, quoted


def _modal(tokens: Sequence[Token]) -> Token | None:
    for t in tokens:
        if t.tag == "MD" and t.text.lower() in MODAL_FORCE:
            return t
    return None


def _force(t: Token | None) -> str:
    """A modal's force; no modal, or one of firm intent ("will", "would"), states the thing."""
    if t is None:
        return "certain"
    return MODAL_FORCE[t.text.lower()]


def modality(
    pair: Pair, edit: TokenEdit, s: Sequence[Token], a: Sequence[Token]
) -> list[Judgement]:
    """A modal that changes how firm the statement is, in either direction. A force is
    changed only when the other side of the pair has it nowhere (rewriters move modals)."""
    ms, ma = _modal(s), _modal(a)
    fs, fa = _force(ms), _force(ma)
    if fs == fa or "ability" in (fs, fa):
        return []
    if ma is None or fa == "certain":
        if fs in _forces(pair.article_tokens):
            return []
        if fs == "possible" and _hedged(pair.article_tokens):
            return []  # "could delay" -> "risks delaying": the possibility is kept in words
        verb = ma or _next_verb(pair.article_tokens, edit.article[0])
        if verb is None or ms is None:
            return []
        rest = list(s[s.index(ms) + 1 :])
        return [
            Judgement(
                "source.modality_changed",
                f"The article states {quoted([verb])} {FORCE_WORDS[fa]}; the source has "
                f"{quoted([ms, *rest])}, {FORCE_WORDS[fs]}.",
                (verb,),
                tuple(s),
                suggestion=ms.text if ma else f"{ms.text} {verb.text}",
            )
        ]
    if fa in _forces(pair.source_tokens):
        return []
    was = f"the source's {quoted(s)}" if ms else "the source"
    return [
        Judgement(
            "source.modality_changed",
            f"{quoted([ma])} presents this {FORCE_WORDS[fa]}, where {was} gives it {FORCE_WORDS[fs]}.",
            (ma,),
            tuple(s),
            suggestion=ms.text if ms else None,
        )
    ]


def _hedged(tokens: Sequence[Token]) -> bool:
    """A hedge in words: "likely", "is expected to", "risks", "threatens to"."""
    return any(
        t.text.lower() in HEDGE_ADVERBS
        or t.lemma.lower() in HEDGE_CONTROL
        or t.lemma.lower() in HEDGE_WORDS
        for t in tokens
    )


def _forces(tokens: Sequence[Token]) -> set[str]:
    return {_force(t) for t in tokens if t.tag == "MD" and t.text.lower() in MODAL_FORCE}


def _next_verb(tokens: Sequence[Token], at: int) -> Token | None:
    for t in tokens[at : at + 3]:
        if t.pos in ("VERB", "AUX"):
            return t
    return None
