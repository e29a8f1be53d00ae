"""Titles: the words that head one, their categories, and a role's title read from tokens.

Titles are normalised to one lower-case form: spelling unified ("defence" → "defense",
"spokesman" → "spokesperson"), "the head of X" and "X head" → "head of X", a title before an
institution's name → "secretary of the national security and defense council", "minister of
defense" → "defense minister", and every word for a negotiating team → "head of delegation".
The words every stage shares about titles ("former", "Sen.") are in `copydesk.lexicon.titles`;
these are the ledger's own. Lower-case words; spelling and gender variants are folded by
`copydesk.lexicon.normalise.title_form` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.ledger.model import Role
from copydesk.ledger.sides import (
    POSSESSIVE_PRONOUNS,
    np_core,
    phrase_side,
    pronoun_side,
    token_side,
)
from copydesk.lexicon.normalise import title_form
from copydesk.lexicon.titles import CURRENT_WORDS, FORMER_WORDS, TITLE_CATEGORY
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token

# fmt: off
#: Titles that read as one unit and keep their word order ("chief of staff" is not "head of
#: staff"; "secretary of state" is not "state secretary").
FIXED_TITLES = (
    "chief of staff",
    "secretary of state",
    "secretary general",
    "secretary-general",
    "attorney general",
    "head of state",
    "head of government",
    "minister of state",
    "member of parliament",
)

#: Titles meaning "the one at the top of": "X head", "chief of X" → "head of X".
HEAD_WORDS = frozenset({"head", "chief"})

#: Words for a negotiating team; "head of" any of them is ``head of delegation``.
DELEGATION_WORDS = frozenset({"delegation", "team", "negotiators", "mission", "negotiating team"})

#: Modifiers that keep a team a negotiating team ("the Ukrainian negotiating team"); any
#: other ("the legal team", "the medical team") makes it a different team.
DELEGATION_MODIFIERS = frozenset({"negotiating", "negotiation", "peace", "official", "national"})

#: Titles that already mean "head of delegation".
DELEGATION_TITLES = frozenset({"chief negotiator", "lead negotiator", "head negotiator"})

#: The canonical title for leading a delegation.
HEAD_OF_DELEGATION = "head of delegation"

#: Nouns that end an institution's name: a title before one reads "title of the X".
INSTITUTION_WORDS = frozenset(
    {
        "council", "ministry", "committee", "office", "agency", "service", "bureau",
        "commission", "parliament", "assembly", "party", "court", "bank", "government",
        "administration", "department", "command", "cabinet", "senate", "board",
        "directorate", "guard", "police", "company", "corporation", "union", "fund",
        "foundation", "university", "institute", "authority", "staff", "forces", "army",
        "navy", "presidency", "secretariat", "chamber", "duma", "rada", "congress",
        "federation", "association", "organization", "alliance", "coalition", "league",
    }
)

#: Rank words that stay in front of the title ("deputy head of delegation").
RANK_WORDS = frozenset({"deputy", "first", "vice", "assistant", "senior", "principal", "second"})
# fmt: on


def is_title_word(tok: Token) -> bool:
    return title_form(tok.text) in TITLE_CATEGORY or title_form(tok.lemma) in TITLE_CATEGORY


def _title_key(tok: Token) -> str:
    word = title_form(tok.text)
    return word if word in TITLE_CATEGORY else title_form(tok.lemma)


def is_possessive_mark(tok: Token) -> bool:
    return tok.tag == "POS" or tok.text in {"'s", "’s", "'", "’"}


def title_category(title: str) -> str:
    """The category of a normalised title: "official", "press", "royal" or "other"."""
    words = title.split()
    if not words:
        return "other"
    if title == HEAD_OF_DELEGATION or title.startswith("head of"):
        return "official"
    head = words[0] if " of " in title and words[0] in TITLE_CATEGORY else words[-1]
    for candidate in (head, *reversed(words)):
        if candidate in TITLE_CATEGORY:
            return TITLE_CATEGORY[candidate]
    return "other"


@dataclass(slots=True)
class Draft:
    """A role found on one mention, before possessor sides are filled in."""

    role: Role
    possessor: int | None = None  # token index of a person possessor ("Putin's aide")


def role_from_tokens(
    doc: Annotated,
    toks: Sequence[Token],
    head: Token,
    *,
    person_tokens: dict[int, str],
    inherited_former: bool = False,
    span: Span | None = None,
) -> tuple[Draft | None, bool]:
    """Build a role from a title phrase's tokens with ``head`` as its title word.

    Returns the draft (None when the phrase is no title) and whether the phrase said "former".
    """
    words: list[Token] = [t for t in toks if not t.is_space]
    former = False
    current = False
    side: str | None = None
    possessor: int | None = None
    press = TITLE_CATEGORY.get(_title_key(head)) == "press"
    before: list[str] = []
    before_tokens: list[Token] = []
    rank: list[str] = []
    after: list[str] = []
    after_tokens: list[Token] = []
    skip: set[int] = set()
    # Prepositional phrases after the head: "of X" is part of the title (or the side), "to X"
    # (an ambassador's posting), "in X", "at X" are not; "from X" is the side except for press.
    for t in words:
        if t.i <= head.i or t.dep != "prep" or t.i in skip:
            continue
        # The phrase's own words only: a run of extra spaces is a token of its own in the parse.
        obj_toks = [d for d in doc.subtree(t.i) if d.i != t.i and not d.is_space]
        prep = t.text.lower()
        if prep == "of" and t.head == head.i:
            obj_side = phrase_side(doc, obj_toks)
            core = _without_side_phrases(doc, obj_toks)
            if obj_side is not None and side is None:
                side = obj_side
            for d in obj_toks:
                obj_head = doc.tokens[d.head]
                if d.dep == "poss" and d.i in person_tokens and obj_head.i != d.i:
                    possessor = d.i
            after_tokens.extend(core)
        elif prep == "from" and not press and side is None and t.head == head.i:
            side = phrase_side(doc, obj_toks)
        skip.update(d.i for d in doc.subtree(t.i))
    for t in words:
        if t.i in skip or t.i == head.i:
            continue
        low = title_form(t.text)
        if t.i > head.i:
            continue
        if low in FORMER_WORDS:
            former = True
            continue
        if low in CURRENT_WORDS:
            current = True
            continue
        if t.pos in {"DET", "PUNCT"} or is_possessive_mark(t) or t.pos == "PRON":
            if t.text.lower() in POSSESSIVE_PRONOUNS and side is None:
                side = pronoun_side(doc, t)
            continue
        tside = token_side(doc, t)
        if tside is None and _next_is_possessive(doc, t):
            tside = phrase_side(doc, np_core(doc, t))
        if tside is not None:
            if side is None:
                side = tside
            continue
        if t.i in person_tokens and _is_possessor(doc, t):
            possessor = t.i
            continue
        if low in {"and", "&", "or"} and before and _ends_other_phrase(before_tokens, head):
            # "the result investors and President Ann Lee would welcome": the words before
            # the conjunction are another noun phrase, not part of the title.
            before.clear()
            before_tokens.clear()
            rank.clear()
            continue
        if t.text in {"-", "–"} or low in {"and", "&"} and not before:
            continue
        if low in RANK_WORDS and not before:
            rank.append(low)
            continue
        before.append(low)
        before_tokens.append(t)
    for t in after_tokens:
        if t.pos in {"DET", "PUNCT"} or is_possessive_mark(t):
            continue
        if t.i in person_tokens and _is_possessor(doc, t):
            continue
        after.append(title_form(t.text))
    title = _compose_title(rank, before, _title_key(head), after)
    if not title:
        return None, former
    first = min(words, key=lambda t: t.start)
    last = max(words, key=lambda t: t.end)
    role = Role(
        title=title,
        side=side,
        span=span or Span(first.start, last.end),
        former=former or (inherited_former and not current),
    )
    return Draft(role, possessor), former


def _ends_other_phrase(before: Sequence[Token], head: Token) -> bool:
    """Whether the words gathered before a conjunction belong to another noun phrase: a
    common noun in lower case before a capitalised title ("investors and President"), where
    a coordinated portfolio is capitalised like the title ("Trade and Industry Minister")."""
    return head.text[:1].isupper() and any(t.pos == "NOUN" and t.text[:1].islower() for t in before)


def _is_possessor(doc: Annotated, tok: Token) -> bool:
    """True for the possessor in "Putin's aide": a "poss" word or one before "'s"."""
    return tok.dep == "poss" or _next_is_possessive(doc, tok)


def _next_is_possessive(doc: Annotated, tok: Token) -> bool:
    return tok.i + 1 < len(doc.tokens) and is_possessive_mark(doc.tokens[tok.i + 1])


def _without_side_phrases(doc: Annotated, toks: Sequence[Token]) -> list[Token]:
    """Drop side words and "of Ukraine"-style phrases from an institution's name."""
    drop: set[int] = set()
    for t in toks:
        if t.dep == "prep":
            sub = [d for d in doc.subtree(t.i) if d.i != t.i]
            if sub and all(_is_side_token(doc, d) or d.pos == "DET" for d in sub):
                drop.update(d.i for d in doc.subtree(t.i))
    return [t for t in toks if t.i not in drop and not _is_side_token(doc, t)]


def _is_side_token(doc: Annotated, tok: Token) -> bool:
    return token_side(doc, tok) is not None or (
        tok.pos in {"DET", "PART"} and tok.text.lower() in {"the", "'s", "’s"}
    )


def _compose_title(rank: list[str], before: list[str], head: str, after: list[str]) -> str:
    """Put a title's words into the one canonical order described in the module docstring."""
    before = [w for w in before if w not in {"and", "&"} or before.index(w) > 0]
    pre = " ".join(before)
    post = " ".join(after)
    ranked = " ".join(rank)
    whole = " ".join(x for x in (pre, head, "of " + post if post else "") if x)
    for fixed in FIXED_TITLES:
        if whole.endswith(fixed) or whole == fixed:
            return " ".join(x for x in (ranked, whole) if x)
    if head in HEAD_WORDS:
        target = post or pre
        if not target:
            return ""  # "the head" alone is not a title
        if target in DELEGATION_WORDS or target.split()[-1] in DELEGATION_WORDS:
            core = HEAD_OF_DELEGATION
        elif post and pre:
            core = f"{pre} head of {org(post)}"
        else:
            core = f"head of {org(target)}"
        return " ".join(x for x in (ranked, core) if x)
    if f"{pre} {head}".strip() in DELEGATION_TITLES:
        return " ".join(x for x in (ranked, HEAD_OF_DELEGATION) if x)
    if post:
        if (
            head == "minister"
            and not pre
            and len(after) <= 2
            and post.split()[-1] not in (INSTITUTION_WORDS)
        ):
            core = f"{post} minister"
        else:
            core = " ".join(x for x in (pre, head, "of", org(post)) if x)
    elif before and before[-1] in INSTITUTION_WORDS and len(before) >= 2:
        core = f"{head} of {org(pre)}"
    else:
        core = " ".join(x for x in (pre, head) if x)
    return " ".join(x for x in (ranked, core) if x)


def org(words: str) -> str:
    """An institution's name takes "the"; a plain noun ("delegation", "staff") does not."""
    parts = words.split()
    return f"the {words}" if len(parts) > 1 and parts[-1] in INSTITUTION_WORDS else words
