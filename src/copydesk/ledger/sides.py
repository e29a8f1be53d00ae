"""The side (country) a role or a noun phrase belongs to.

A role's side comes from a possessive ("Russia's delegation"), a demonym ("the Ukrainian
National Security and Defense Council"), a place or metonym before the title ("Kremlin
spokesman"), or "of Ukraine"; a possessive person ("Putin's aide") lends that person's side.
"to Russia" (an ambassador's posting) and hyphenated compounds ("Russian-born") are not sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.lexicon.places import side_of
from copydesk.nlp.annotate import Annotated, Token

#: Possessive pronouns whose side is read from the clause around them ("Ukraine said its
#: delegation ...").
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def token_side(doc: Annotated, tok: Token) -> str | None:
    """The side a single token names, unless it starts a hyphenated compound ("Russian-born")."""
    nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.text in {"-", "–"} and not tok.whitespace:
        return None
    return side_of(tok.text)


def phrase_side(doc: Annotated, toks: Sequence[Token]) -> str | None:
    """The side named by a run of tokens: the longest table entry inside, first wins."""
    n = len(toks)
    for i in range(n):
        for j in range(min(n, i + 4), i, -1):
            run = toks[i:j]
            if j - i == 1:
                side = token_side(doc, run[0])
            else:
                text = doc.text[run[0].start : run[-1].end]
                side = side_of(text)
            if side is not None:
                return side
    return None


def pronoun_side(doc: Annotated, tok: Token) -> str | None:
    """The side "its"/"their" refers to: the subject of an enclosing clause, else the nearest
    side named earlier in the sentence."""
    seen = {tok.i}
    cur = doc.tokens[tok.head]
    while cur.i not in seen:
        seen.add(cur.i)
        for child in doc.children(cur.i):
            if child.dep in {"nsubj", "nsubjpass"} and child.i not in seen and child.i < tok.i:
                side = phrase_side(doc, np_core(doc, child))
                if side is not None:
                    return side
        cur = doc.tokens[cur.head]
    sent = doc.sentences[tok.sent]
    for j in range(tok.i - 1, sent.token_start - 1, -1):
        side = token_side(doc, doc.tokens[j])
        if side is not None:
            return side
    return None


def np_core(doc: Annotated, tok: Token) -> list[Token]:
    """A noun's own words: its left modifiers and itself, without clauses or prepositions."""
    keep = {tok.i}
    stack = [tok.i]
    while stack:
        j = stack.pop()
        for child in doc.children(j):
            if child.i < tok.i and child.dep in {
                "compound",
                "amod",
                "poss",
                "case",
                "nmod",
                "flat",
                "det",
            }:
                keep.add(child.i)
                stack.append(child.i)
    return [doc.tokens[j] for j in sorted(keep)]


def np_side(
    doc: Annotated, tok: Token, person_tokens: dict[int, str] | None = None
) -> tuple[str | None, int | None]:
    """The side of a noun phrase headed by ``tok`` ("Kyiv's delegation", "the Russian
    delegation", "the delegation of Ukraine"), and the token of a person possessor if the
    phrase is a person's ("Umerov's team")."""
    for child in doc.children(tok.i):
        if child.dep == "poss":
            if person_tokens is not None and child.i in person_tokens:
                return None, child.i
            if child.text.lower() in POSSESSIVE_PRONOUNS:
                side = pronoun_side(doc, child)
                if side is not None:
                    return side, None
                continue
            side = phrase_side(doc, np_core(doc, child))
            if side is not None:
                return side, None
    for child in doc.children(tok.i):
        if child.dep in {"amod", "compound", "nmod"} and child.i < tok.i:
            side = phrase_side(doc, np_core(doc, child))
            if side is not None:
                return side, None
    for child in doc.children(tok.i):
        if child.dep == "prep" and child.text.lower() in {"of", "from"}:
            for obj in doc.children(child.i):
                if obj.dep == "pobj":
                    side = phrase_side(doc, np_core(doc, obj))
                    if side is not None:
                        return side, None
    return None, None
