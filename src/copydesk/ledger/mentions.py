"""Where an article names a person: the name mentions that `extract_people` merges.

A person is found from the parser's PERSON entities and, because the small model often tags
an unfamiliar name as ORG or nothing ("Rustem Umerov, a former defence minister"), from
proper-noun name chains that carry a role. Capitals tagged PERSON ("Kyiv") and towns after
"the city of" are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.sides import token_side
from copydesk.ledger.titles import INSTITUTION_WORDS, is_possessive_mark, is_title_word
from copydesk.lexicon.normalise import title_form
from copydesk.lexicon.places import side_of
from copydesk.nlp.annotate import Annotated, Token

# fmt: off
#: Nouns naming a place, so a PERSON-tagged "Kherson" in "the city of Kherson" is a town.
PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "region", "province", "oblast", "district", "port", "area",
        "county", "state", "capital", "settlement", "island", "republic", "territory",
    }
)

#: Prepositions after which a name is a place ("the race in Valencia", "walked out at
#: Rotterdam"); people are met "with", spoken "to" or quoted "by", not found "in".
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "around", "within"}
)

_NAME_DEPS = frozenset({"compound", "flat", "nmod"})
# fmt: on


def is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


@dataclass(slots=True)
class Mention:
    """One name mention: its tokens (no titles, no possessive) and where it came from."""

    start: int  # first token index
    end: int  # exclusive
    head: int  # syntactic head token of the name
    text: str
    from_entity: bool


def _name_span(doc: Annotated, head: Token) -> tuple[int, int]:
    """The proper-noun chain ending at ``head``: "Rustem Umerov", without titles or sides."""
    start = head.i
    j = head.i - 1
    while j >= doc.sentences[head.sent].token_start:
        t = doc.tokens[j]
        if (
            t.pos == "PROPN"
            and is_capitalised(t)
            and t.dep in _NAME_DEPS
            and _reaches(doc, t, head.i, start)
            and not is_title_word(t)
            and token_side(doc, t) is None
            and t.ent_type not in {"GPE", "NORP", "DATE", "TIME"}
        ):
            start = j
            j -= 1
            continue
        break
    return start, head.i + 1


def _reaches(doc: Annotated, tok: Token, head: int, lo: int) -> bool:
    """True if ``tok`` attaches to ``head`` directly or through tokens in ``[lo, head]``."""
    cur = tok
    for _ in range(6):
        if cur.head == head:
            return True
        if not (lo <= cur.head <= head) or cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
    return False


def _in_place_context(doc: Annotated, head: Token) -> bool:
    """True for "the city of Kherson", "Sumy region", "in Valencia": a town, not a person."""
    parent = doc.tokens[head.head]
    if head.dep == "pobj" and parent.text.lower() in LOCATIVE_PREPOSITIONS:
        return True
    if head.dep == "pobj" and parent.text.lower() == "of":
        return title_form(doc.tokens[parent.head].lemma) in PLACE_NOUNS
    if head.dep == "compound" and parent.i > head.i:
        return title_form(parent.lemma) in PLACE_NOUNS
    return False


def entity_mentions(doc: Annotated) -> list[Mention]:
    out: list[Mention] = []
    for ent in doc.entities:
        if ent.label != "PERSON":
            continue
        toks = list(doc.tokens[ent.token_start : ent.token_end])
        while toks and (is_possessive_mark(toks[-1]) or toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        while toks and (
            is_title_word(toks[0])
            or token_side(doc, toks[0]) is not None
            or toks[0].pos not in {"PROPN", "NOUN", "ADJ"}
            or not is_capitalised(toks[0])
        ):
            toks.pop(0)
        if not toks or not any(t.pos == "PROPN" for t in toks):
            continue
        while toks[0].i > 0 and _missed_first_name(doc, doc.tokens[toks[0].i - 1], toks):
            toks.insert(0, doc.tokens[toks[0].i - 1])
        text = doc.text[toks[0].start : toks[-1].end]
        if "\n" in text or side_of(text) is not None:
            continue
        head = max(toks, key=lambda t: (t.head < toks[0].i or t.head > toks[-1].i, t.i))
        if _in_place_context(doc, head):
            continue
        if len(toks) == 1 and toks[0].pos != "PROPN":
            continue  # "Turnout reached 61.4 percent": a common noun, kept only as a surname
        if (
            "-" in text
            and head.dep in {"compound", "amod", "nmod"}
            and doc.tokens[head.head].pos == "NOUN"
        ):
            continue  # "a Putin-Zelensky meeting" names a meeting, not a person
        out.append(Mention(toks[0].i, toks[-1].i + 1, head.i, text, True))
    return out


def _missed_first_name(doc: Annotated, tok: Token, name: Sequence[Token]) -> bool:
    """A capitalised word the tagger left out of the name it modifies ("Taras" tagged as a
    plural noun in "Taras Melnyk will serve ...")."""
    return (
        is_capitalised(tok)
        and tok.dep == "compound"
        and name[0].i <= tok.head <= name[-1].i
        and tok.pos in {"NOUN", "PROPN"}
        and tok.ent_type == ""
        and not is_title_word(tok)
        and token_side(doc, tok) is None
        and title_form(tok.text) not in INSTITUTION_WORDS
        and tok.sent == name[0].sent
    )


def chain_mentions(doc: Annotated, taken: set[int]) -> list[Mention]:
    """Proper-noun chains the NER missed; kept later only with a role or a known surname."""
    out: list[Mention] = []
    for tok in doc.tokens:
        if tok.i in taken or not is_capitalised(tok):
            continue
        if tok.pos == "NOUN" and tok.ent_type == "" and tok.dep in {"nsubj", "nsubjpass", "dobj"}:
            # A surname the tagger took for a common noun ("Zelenskyy outlines modest goals"):
            # a candidate only, kept if it repeats a known name.
            out.append(Mention(tok.i, tok.i + 1, tok.i, tok.text, False))
            continue
        if tok.pos != "PROPN":
            continue
        parent = doc.tokens[tok.head]
        if (
            tok.dep in _NAME_DEPS
            and parent.pos == "PROPN"
            and parent.i > tok.i
            and (not is_title_word(parent))
        ):
            continue  # not the chain's head
        if is_title_word(tok) or token_side(doc, tok) is not None:
            continue
        if tok.ent_type in {"GPE", "NORP", "DATE", "TIME", "LOC", "FAC", "EVENT", "LAW"}:
            continue
        start, end = _name_span(doc, tok)
        toks = doc.tokens[start:end]
        if any(t.i in taken for t in toks):
            continue
        if any(title_form(t.text) in INSTITUTION_WORDS for t in toks):
            continue
        text = doc.text[toks[0].start : toks[-1].end]
        if side_of(text) is not None or _in_place_context(doc, tok):
            continue
        out.append(Mention(start, end, tok.i, text, False))
    return out
