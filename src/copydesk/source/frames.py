"""Keys and views for comparing what two documents assert.

The facts themselves come from each document's ledger (claims, people and their roles,
attributions, quotations), spelling keys from `copydesk.lexicon.normalise` and side keys from
`copydesk.lexicon.places`; this module holds what only a comparison needs: title words and
the small views (`Referent`, `Frame`, `RoleMention`, `Title`, `ReportingFrame`) the diff
builds from ledger records so that two documents can be matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from copydesk.lexicon.normalise import HEAD_SYNONYMS, spelling_key
from copydesk.lexicon.places import side_of
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token
from copydesk.source.embed import FUNCTION_WORDS


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


# --- words -----------------------------------------------------------------------------------

#: Words that are not content: left out when comparing what a phrase is about. The function
#: words the aligner leaves out of its n-grams, and quantifiers, intensifiers and time words
#: that do not say what a phrase is about either.
STOP = FUNCTION_WORDS | wordset(
    "some any each every such again still even just very more most much many own same other "
    "another current currently now new"
)

PRONOUNS = wordset("he she they it we i you him her them us me his its their our who whom one")


def title_word(lemma: str) -> str:
    """A title word as compared: spelling folded, "chief"/"leader" as "head" (`HEAD_SYNONYMS`).
    Gender variants ("spokesman") are already folded in the ledger's titles."""
    k = spelling_key(lemma)
    return HEAD_SYNONYMS.get(k, k)


# --- sides (countries, their capitals and demonyms) ---------------------------------------


def is_side(text: str) -> bool:
    """True for a known country, capital, demonym or organisation."""
    return side_of(text.strip()) is not None


# --- tokens ------------------------------------------------------------------------------------


def words_of(doc: Annotated, sentences: Iterable[int]) -> list[Token]:
    out: list[Token] = []
    for k in sentences:
        out.extend(t for t in doc.sentence_tokens(k) if not t.is_space)
    return out


def is_content(t: Token) -> bool:
    return (
        t.pos in {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
        and t.lemma.lower() not in STOP
        and not t.is_punct
    )


def content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {spelling_key(t.lemma) for t in tokens if is_content(t)}


# --- who is named ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Referent:
    """What an argument refers to: a name (keyed by its last word), a pronoun or a noun."""

    key: str
    kind: str  # "name", "pronoun", "noun"
    span: Span
    side: str | None = None  # a possessor or demonym attached to a noun: "Kyiv's delegation"

    def same_as(self, other: Referent) -> bool:
        if self.kind == "pronoun" or other.kind == "pronoun":
            return True
        if self.kind == "name" and other.kind == "name":
            return self.key == other.key
        if self.kind == "noun" and other.kind == "noun":
            return self.key == other.key and (
                self.side is None or other.side is None or self.side == other.side
            )
        return False

    def clearly_differs(self, other: Referent) -> bool:
        """True only when both are names (or sided nouns) that cannot be the same."""
        if self.kind == "name" and other.kind == "name":
            return self.key != other.key
        if self.kind == "noun" and other.kind == "noun" and self.key == other.key:
            return self.side is not None and other.side is not None and self.side != other.side
        return False


# --- who did what to whom ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """A ledger `Claim` as the diff compares it: arguments read as `Referent`s."""

    predicate: str
    predicate_span: Span
    subject: Referent | None
    object: Referent | None
    negated: bool


# --- roles: who leads or heads what, for which side ----------------------------------------------


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A person given a role over a sided body: (person, "leader", "delegation", side)."""

    person: Referent
    role: str
    body: str
    side: str
    side_text: str
    span: Span


# --- titles ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Title:
    """A title given to a named person: "former defence minister", "Kremlin spokesperson"."""

    person: Referent
    head: str  # normalised head noun: "minister"
    modifiers: frozenset[str]  # normalised content words, sides left out: {"defense"}
    former: bool
    side: str | None
    span: Span
    text: str
    former_written: bool = True  # False when "former" was carried over from a conjunct


# --- reporting frames ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportingFrame:
    """A reporting frame as the diff compares it: the ledger's `Attribution` with its speaker
    read as a `Referent`."""

    cue: str
    cue_span: Span
    speaker: Referent | None
    speaker_span: Span | None
