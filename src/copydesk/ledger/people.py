"""The people an article names, merged across mentions, with the roles it gives them.

A person is found from the parser's PERSON entities and, because the small model often tags
an unfamiliar name as ORG or nothing ("Rustem Umerov, a former defence minister"), from
proper-noun name chains that carry a role. Capitals tagged PERSON ("Kyiv") and towns after
"the city of" are dropped. Mentions merge on the surname: "Rustem Umerov", "Umerov",
"Umerov's"; the canonical name is the longest full form.

Roles are read from five constructions:

- apposition: "X, a former culture minister and presidential adviser," (coordinated roles
  split; "former" scopes over later conjuncts that have no determiner or tense word of their
  own, so "a former defense minister, and current secretary of ..." gives one former and one
  current role);
- titles before the name: "Kremlin spokesman Dmitry Peskov", "National Security and Defense
  Council Secretary Rustem Umerov", "presidential adviser and former culture minister X";
- the reverse apposition: "Putin's aide, Vladimir Medinsky,";
- copular and appointment verbs: "X is the head of ...", "X was appointed deputy prime
  minister", "X will serve as the head of Russia's delegation";
- leading verbs: "X will lead Kyiv's delegation", "Kyiv's delegation will be led by X",
  "the delegation, led by X", "X heads the team" all give ``head of delegation``.

A role's side comes from a possessive ("Russia's delegation"), a demonym ("the Ukrainian
National Security and Defense Council"), a place or metonym before the title ("Kremlin
spokesman"), or "of Ukraine"; a possessive person ("Putin's aide") lends that person's side.
"to Russia" (an ambassador's posting) and hyphenated compounds ("Russian-born") are not sides.

Titles are normalised to one lower-case form: spelling unified ("defence" → "defense",
"spokesman" → "spokesperson"), "the head of X" and "X head" → "head of X", a title before an
institution's name → "secretary of the national security and defense council", "minister of
defense" → "defense minister", and every word for a negotiating team → "head of delegation".
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from copydesk.ledger.model import Person, Role
from copydesk.lexicon.normalise import title_form
from copydesk.lexicon.places import is_country, side_of
from copydesk.lexicon.titles import CURRENT_WORDS, FORMER_WORDS
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token

# ---------------------------------------------------------------------------------------------
# Vocabulary. Lower-case words; spelling and gender variants are folded by
# `copydesk.lexicon.normalise.title_form` first.
# fmt: off

#: Words that head a person's title. Each belongs to a category: ``official`` (state and
#: organisation posts, which tie a person to one side), ``press`` (reporters, analysts: a
#: place after them is where they work, not whom they serve), ``royal`` (a monarch may reign
#: over several states at once) and ``other``.
TITLE_CATEGORY: dict[str, str] = {
    **dict.fromkeys(
        (
            "president", "vice-president", "premier", "minister", "secretary", "spokesperson",
            "adviser", "aide", "head", "chief", "leader", "director", "chair", "governor",
            "ambassador", "envoy", "negotiator", "diplomat", "official", "commander", "general",
            "mayor", "senator", "congressman", "congresswoman", "lawmaker", "legislator", "mp",
            "deputy", "speaker", "chancellor", "commissioner", "representative", "delegate",
            "consul", "attache", "mediator", "ombudsman", "prosecutor", "judge", "officer",
            "colonel", "captain", "lieutenant", "admiral", "marshal", "sergeant", "coordinator",
            "administrator", "undersecretary", "president-elect", "vice-chair", "member",
            "emissary", "politician", "councillor", "councilor", "executive", "ceo", "founder",
        ),
        "official",
    ),
    **dict.fromkeys(
        (
            "correspondent", "reporter", "journalist", "editor", "columnist", "commentator",
            "presenter", "anchor", "writer", "author", "analyst", "expert", "scientist",
            "professor", "researcher", "economist", "historian", "academic", "observer",
            "photographer", "blogger", "lawyer", "attorney", "activist", "campaigner",
        ),
        "press",
    ),
    **dict.fromkeys(("king", "queen", "prince", "princess", "monarch", "emperor", "emir"), "royal"),
}

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


#: Verbs whose subject leads their object ("X will lead Kyiv's delegation").
LEAD_VERBS = frozenset({"lead", "head", "chair", "helm", "spearhead"})

#: Verbs linking a subject to a role ("X is the head of ...", "X became minister").
COPULAS = frozenset({"be", "become", "remain"})

#: Verbs whose passive subject is given a role ("X was appointed deputy prime minister").
APPOINT_VERBS = frozenset({"appoint", "name", "elect", "make", "nominate", "confirm", "choose"})

#: Verbs whose subject holds the role after "as" ("X will serve as the head of ...").
AS_VERBS = frozenset({"serve", "act", "work", "continue", "remain", "stay", "return"})

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

#: Possessive pronouns whose side is read from the clause around them ("Ukraine said its
#: delegation ...").
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})

_NAME_DEPS = frozenset({"compound", "flat", "nmod"})
# fmt: on


# ---------------------------------------------------------------------------------------------
# Small helpers over tokens.


def _is_title_word(tok: Token) -> bool:
    return title_form(tok.text) in TITLE_CATEGORY or title_form(tok.lemma) in TITLE_CATEGORY


def _title_key(tok: Token) -> str:
    word = title_form(tok.text)
    return word if word in TITLE_CATEGORY else title_form(tok.lemma)


def _is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_possessive_mark(tok: Token) -> bool:
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
class _Mention:
    """One name mention: its tokens (no titles, no possessive) and where it came from."""

    start: int  # first token index
    end: int  # exclusive
    head: int  # syntactic head token of the name
    text: str
    from_entity: bool


@dataclass(slots=True)
class _Draft:
    """A role found on one mention, before possessor sides are filled in."""

    role: Role
    possessor: int | None = None  # token index of a person possessor ("Putin's aide")


# ---------------------------------------------------------------------------------------------
# Sides.


def _token_side(doc: Annotated, tok: Token) -> str | None:
    """The side a single token names, unless it starts a hyphenated compound ("Russian-born")."""
    nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.text in {"-", "–"} and not tok.whitespace:
        return None
    return side_of(tok.text)


def _phrase_side(doc: Annotated, toks: Sequence[Token]) -> str | None:
    """The side named by a run of tokens: the longest table entry inside, first wins."""
    n = len(toks)
    for i in range(n):
        for j in range(min(n, i + 4), i, -1):
            run = toks[i:j]
            if j - i == 1:
                side = _token_side(doc, run[0])
            else:
                text = doc.text[run[0].start : run[-1].end]
                side = side_of(text)
            if side is not None:
                return side
    return None


def _pronoun_side(doc: Annotated, tok: Token) -> str | None:
    """The side "its"/"their" refers to: the subject of an enclosing clause, else the nearest
    side named earlier in the sentence."""
    seen = {tok.i}
    cur = doc.tokens[tok.head]
    while cur.i not in seen:
        seen.add(cur.i)
        for child in doc.children(cur.i):
            if child.dep in {"nsubj", "nsubjpass"} and child.i not in seen and child.i < tok.i:
                side = _phrase_side(doc, _np_core(doc, child))
                if side is not None:
                    return side
        cur = doc.tokens[cur.head]
    sent = doc.sentences[tok.sent]
    for j in range(tok.i - 1, sent.token_start - 1, -1):
        side = _token_side(doc, doc.tokens[j])
        if side is not None:
            return side
    return None


def _np_core(doc: Annotated, tok: Token) -> list[Token]:
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
                side = _pronoun_side(doc, child)
                if side is not None:
                    return side, None
                continue
            side = _phrase_side(doc, _np_core(doc, child))
            if side is not None:
                return side, None
    for child in doc.children(tok.i):
        if child.dep in {"amod", "compound", "nmod"} and child.i < tok.i:
            side = _phrase_side(doc, _np_core(doc, child))
            if side is not None:
                return side, None
    for child in doc.children(tok.i):
        if child.dep == "prep" and child.text.lower() in {"of", "from"}:
            for obj in doc.children(child.i):
                if obj.dep == "pobj":
                    side = _phrase_side(doc, _np_core(doc, obj))
                    if side is not None:
                        return side, None
    return None, None


# ---------------------------------------------------------------------------------------------
# Titles.


def _role_from_tokens(
    doc: Annotated,
    toks: Sequence[Token],
    head: Token,
    *,
    person_tokens: dict[int, str],
    inherited_former: bool = False,
    span: Span | None = None,
) -> tuple[_Draft | None, bool]:
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
            obj_side = _phrase_side(doc, obj_toks)
            core = _without_side_phrases(doc, obj_toks)
            if obj_side is not None and side is None:
                side = obj_side
            for d in obj_toks:
                obj_head = doc.tokens[d.head]
                if d.dep == "poss" and d.i in person_tokens and obj_head.i != d.i:
                    possessor = d.i
            after_tokens.extend(core)
        elif prep == "from" and not press and side is None and t.head == head.i:
            side = _phrase_side(doc, obj_toks)
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
        if t.pos in {"DET", "PUNCT"} or _is_possessive_mark(t) or t.pos == "PRON":
            if t.text.lower() in POSSESSIVE_PRONOUNS and side is None:
                side = _pronoun_side(doc, t)
            continue
        tside = _token_side(doc, t)
        if tside is None and _next_is_possessive(doc, t):
            tside = _phrase_side(doc, _np_core(doc, t))
        if tside is not None:
            if side is None:
                side = tside
            continue
        if t.i in person_tokens and _is_possessor(doc, t):
            possessor = t.i
            continue
        if t.text in {"-", "–"} or low in {"and", "&"} and not before:
            continue
        if low in RANK_WORDS and not before:
            rank.append(low)
            continue
        before.append(low)
    for t in after_tokens:
        if t.pos in {"DET", "PUNCT"} or _is_possessive_mark(t):
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
    return _Draft(role, possessor), former


def _is_possessor(doc: Annotated, tok: Token) -> bool:
    """True for the possessor in "Putin's aide": a "poss" word or one before "'s"."""
    return tok.dep == "poss" or _next_is_possessive(doc, tok)


def _next_is_possessive(doc: Annotated, tok: Token) -> bool:
    return tok.i + 1 < len(doc.tokens) and _is_possessive_mark(doc.tokens[tok.i + 1])


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
    return _token_side(doc, tok) is not None or (
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
            core = f"{pre} head of {_org(post)}"
        else:
            core = f"head of {_org(target)}"
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
            core = " ".join(x for x in (pre, head, "of", _org(post)) if x)
    elif before and before[-1] in INSTITUTION_WORDS and len(before) >= 2:
        core = f"{head} of {_org(pre)}"
    else:
        core = " ".join(x for x in (pre, head) if x)
    return " ".join(x for x in (ranked, core) if x)


def _org(words: str) -> str:
    """An institution's name takes "the"; a plain noun ("delegation", "staff") does not."""
    parts = words.split()
    return f"the {words}" if len(parts) > 1 and parts[-1] in INSTITUTION_WORDS else words


# ---------------------------------------------------------------------------------------------
# Names.


def _name_span(doc: Annotated, head: Token) -> tuple[int, int]:
    """The proper-noun chain ending at ``head``: "Rustem Umerov", without titles or sides."""
    start = head.i
    j = head.i - 1
    while j >= doc.sentences[head.sent].token_start:
        t = doc.tokens[j]
        if (
            t.pos == "PROPN"
            and _is_capitalised(t)
            and t.dep in _NAME_DEPS
            and _reaches(doc, t, head.i, start)
            and not _is_title_word(t)
            and _token_side(doc, t) is None
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


def _entity_mentions(doc: Annotated) -> list[_Mention]:
    out: list[_Mention] = []
    for ent in doc.entities:
        if ent.label != "PERSON":
            continue
        toks = list(doc.tokens[ent.token_start : ent.token_end])
        while toks and (_is_possessive_mark(toks[-1]) or toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        while toks and (
            _is_title_word(toks[0])
            or _token_side(doc, toks[0]) is not None
            or toks[0].pos not in {"PROPN", "NOUN", "ADJ"}
            or not _is_capitalised(toks[0])
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
        out.append(_Mention(toks[0].i, toks[-1].i + 1, head.i, text, True))
    return out


def _missed_first_name(doc: Annotated, tok: Token, name: Sequence[Token]) -> bool:
    """A capitalised word the tagger left out of the name it modifies ("Taras" tagged as a
    plural noun in "Taras Melnyk will serve ...")."""
    return (
        _is_capitalised(tok)
        and tok.dep == "compound"
        and name[0].i <= tok.head <= name[-1].i
        and tok.pos in {"NOUN", "PROPN"}
        and tok.ent_type == ""
        and not _is_title_word(tok)
        and _token_side(doc, tok) is None
        and title_form(tok.text) not in INSTITUTION_WORDS
        and tok.sent == name[0].sent
    )


def _chain_mentions(doc: Annotated, taken: set[int]) -> list[_Mention]:
    """Proper-noun chains the NER missed; kept later only with a role or a known surname."""
    out: list[_Mention] = []
    for tok in doc.tokens:
        if tok.i in taken or not _is_capitalised(tok):
            continue
        if tok.pos == "NOUN" and tok.ent_type == "" and tok.dep in {"nsubj", "nsubjpass", "dobj"}:
            # A surname the tagger took for a common noun ("Zelenskyy outlines modest goals"):
            # a candidate only, kept if it repeats a known name.
            out.append(_Mention(tok.i, tok.i + 1, tok.i, tok.text, False))
            continue
        if tok.pos != "PROPN":
            continue
        parent = doc.tokens[tok.head]
        if (
            tok.dep in _NAME_DEPS
            and parent.pos == "PROPN"
            and parent.i > tok.i
            and (not _is_title_word(parent))
        ):
            continue  # not the chain's head
        if _is_title_word(tok) or _token_side(doc, tok) is not None:
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
        out.append(_Mention(start, end, tok.i, text, False))
    return out


# ---------------------------------------------------------------------------------------------
# Roles on a mention.


def _pre_name_titles(
    doc: Annotated, m: _Mention, names: frozenset[int] = frozenset()
) -> list[list[Token]]:
    """The title words right before a name, split into coordinated titles; ``names`` are the
    tokens of other names, where the scan stops.

    "presidential adviser and former culture minister Vladimir Medinsky" →
    [[presidential, adviser], [former, culture, minister]].
    """
    sent = doc.sentences[doc.tokens[m.start].sent]
    run: list[Token] = []
    j = m.start - 1
    while j >= sent.token_start:
        t = doc.tokens[j]
        low = t.text.lower()
        if j in names:
            break
        if (t.is_space or t.ent_type in {"DATE", "TIME", "CARDINAL", "ORDINAL"}) and (
            low not in RANK_WORDS
        ):
            break
        if _is_possessive_mark(t):
            run.insert(0, t)
            j -= 1
            continue
        if t.text in {"-", "–"} and not t.whitespace:
            run.insert(0, t)
            j -= 1
            continue
        if low in {"and", "&"} and run:
            run.insert(0, t)
            j -= 1
            continue
        if (
            low == "of"
            and run
            and _is_capitalised(run[0])
            and j > sent.token_start
            and (_is_capitalised(doc.tokens[j - 1]))
        ):
            run.insert(0, t)
            j -= 1
            continue
        if t.pos in {"NOUN", "PROPN", "ADJ"} or low in FORMER_WORDS or low in CURRENT_WORDS:
            run.insert(0, t)
            j -= 1
            continue
        break
    while run and (run[0].text.lower() in {"and", "&", "of"} or _is_possessive_mark(run[0])):
        run.pop(0)
    if not any(_is_title_word(t) for t in run):
        return []
    # Keep only words attached into the name's phrase, cutting at the first loose word.
    members = {t.i for t in run} | set(range(m.start, m.end))
    name_parent = doc.tokens[m.head].head
    if doc.tokens[m.head].dep == "conj" and _is_title_word(doc.tokens[name_parent]):
        members.add(name_parent)
    while run and not _attached(doc, run[0], members):
        members.discard(run[0].i)
        run.pop(0)
    # Split at "and" only between two titles: "National Security and Defense Council
    # Secretary" is one title, "presidential adviser and former culture minister" two.
    segments: list[list[Token]] = [[]]
    joints: list[Token] = []
    for t in run:
        if t.text.lower() in {"and", "&"}:
            segments.append([])
            joints.append(t)
        else:
            segments[-1].append(t)
    merged: list[list[Token]] = [segments[0]]
    for joint, seg in zip(joints, segments[1:]):
        if not any(_is_title_word(t) for t in merged[-1]):
            merged[-1] = [*merged[-1], joint, *seg]
        else:
            merged.append(seg)
    if len(merged) > 1 and not any(_is_title_word(t) for t in merged[-1]):
        tail = merged.pop()
        merged[-1] = [*merged[-1], *tail]
    return [seg for seg in merged if any(_is_title_word(t) for t in seg)]


def _attached(doc: Annotated, tok: Token, members: set[int]) -> bool:
    cur = tok
    for _ in range(8):
        if cur.head in members and cur.head != cur.i:
            return True
        if cur.head == cur.i:
            return False
        cur = doc.tokens[cur.head]
    return False


def _phrase_tokens(doc: Annotated, head: Token, *, exclude: Iterable[int] = ()) -> list[Token]:
    """A title phrase: ``head``'s subtree without coordinated titles, clauses or names."""
    cut = set(exclude)
    keep: list[Token] = []
    stack = [head.i]
    while stack:
        j = stack.pop()
        if j in cut:
            continue
        keep.append(doc.tokens[j])
        for child in doc.children(j):
            hyphen = child.dep == "punct" and child.text in {"-", "–"}
            if child.dep in {"conj", "cc", "relcl", "acl", "appos", "advcl", "punct"} and not (
                hyphen
            ):
                continue
            stack.append(child.i)
    return sorted(keep, key=lambda t: t.i)


def _span_of(toks: Sequence[Token]) -> Span:
    words = [t for t in toks if not t.is_space and not (t.is_punct and t.text not in {"’", "'"})]
    words = words or list(toks)
    return Span(min(t.start for t in words), max(t.end for t in words))


def _coordinated_roles(
    doc: Annotated,
    first: Token,
    conjuncts: Sequence[Token],
    person_tokens: dict[int, str],
    exclude: set[int],
) -> list[_Draft]:
    """Roles from "a former culture minister and presidential adviser": the first title and
    its conjuncts, "former" carried rightwards to conjuncts with no determiner or tense word."""
    drafts: list[_Draft] = []
    former = False
    for k, tok in enumerate((first, *conjuncts)):
        if not _is_title_word(tok) and not _has_title_compound(doc, tok):
            continue
        toks = _phrase_tokens(doc, tok, exclude=exclude)
        own_det = any(t.pos == "DET" and t.dep == "det" for t in toks)
        head = tok if _is_title_word(tok) else _title_head_in(doc, toks)
        if head is None:
            continue
        draft, said_former = _role_from_tokens(
            doc,
            toks,
            head,
            person_tokens=person_tokens,
            inherited_former=former and k > 0 and not own_det,
            span=_span_of(toks),
        )
        former = said_former or (former and not own_det)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _has_title_compound(doc: Annotated, tok: Token) -> bool:
    return any(
        _is_title_word(c) for c in doc.children(tok.i) if c.dep == "compound" and c.i < tok.i
    )


def _title_head_in(doc: Annotated, toks: Sequence[Token]) -> Token | None:
    titles = [t for t in toks if _is_title_word(t)]
    return titles[-1] if titles else None


def _conjuncts(doc: Annotated, tok: Token) -> list[Token]:
    out: list[Token] = []
    cur = tok
    while True:
        nxt = [c for c in doc.children(cur.i) if c.dep == "conj"]
        if not nxt:
            return out
        cur = nxt[0]
        out.append(cur)


def _mention_roles(
    doc: Annotated, m: _Mention, person_tokens: dict[int, str], names: frozenset[int]
) -> list[_Draft]:
    head = doc.tokens[m.head]
    name_ids = set(range(m.start, m.end))
    drafts: list[_Draft] = []
    # 1. Titles before the name.
    segments = _pre_name_titles(doc, m, names)
    former = False
    for k, seg in enumerate(segments):
        title_head = _title_head_in(doc, seg)
        if title_head is None:
            continue
        inherited = former and k > 0 and not any(title_form(t.text) in CURRENT_WORDS for t in seg)
        draft, said_former = _role_from_tokens(
            doc,
            seg,
            title_head,
            person_tokens=person_tokens,
            inherited_former=inherited,
            span=_span_of(seg),
        )
        former = former or said_former
        if draft is not None:
            drafts.append(draft)
    # 2. Apposition after the name, with its coordinated titles; and titles coordinated with
    #    the name itself after an apposition ("X, a former minister, and current secretary").
    appos = [c for c in doc.children(head.i) if c.dep == "appos" and c.i > head.i]
    for a in appos:
        drafts.extend(
            _coordinated_roles(doc, a, _conjuncts(doc, a), person_tokens, exclude=name_ids)
        )
    if appos:
        later = [
            c
            for c in doc.children(head.i)
            if c.dep == "conj" and c.i > appos[0].i and c.pos == "NOUN"
        ]
        for c in later:
            drafts.extend(_coordinated_roles(doc, c, (), person_tokens, exclude=name_ids))
    # 3. The name in apposition to a title before it ("Putin's aide, Vladimir Medinsky,").
    parent = doc.tokens[head.head]
    if head.dep == "appos" and parent.i < head.i and _is_title_word(parent):
        toks = _phrase_tokens(doc, parent, exclude=name_ids)
        draft, _ = _role_from_tokens(
            doc, toks, parent, person_tokens=person_tokens, span=_span_of(toks)
        )
        if draft is not None:
            drafts.append(draft)
    # 4. Copular, appointment and "serve as" verbs, including "X, who is the head of ...".
    for verb, passive in _governing_verbs(doc, head):
        drafts.extend(_verb_roles(doc, verb, passive, person_tokens, name_ids))
    return drafts


def _subject_holder(doc: Annotated, tok: Token) -> Token:
    """The token standing for a subject: a title's name, or the noun a "who" clause is on."""
    if tok.text.lower() in {"who", "that", "which"}:
        verb = doc.tokens[tok.head]
        if verb.dep == "relcl":
            return doc.tokens[verb.head]
    return tok


def _governing_verbs(doc: Annotated, head: Token) -> list[tuple[Token, bool]]:
    """Verbs the name (or a title standing for it) is the subject of, with passive flags."""
    holders = {head.i}
    parent = doc.tokens[head.head]
    if head.dep in {"appos", "conj"} and _is_title_word(parent) and parent.i < head.i:
        holders.add(parent.i)
    out: list[tuple[Token, bool]] = []
    for h in holders:
        tok = doc.tokens[h]
        if tok.dep in {"nsubj", "nsubjpass"}:
            verb = doc.tokens[tok.head]
            out.append((verb, tok.dep == "nsubjpass"))
            out.extend((c, tok.dep == "nsubjpass") for c in _verb_conjuncts(doc, verb))
    for child in doc.children(head.i):
        if child.dep == "relcl":
            for sub in doc.children(child.i):
                if sub.dep in {"nsubj", "nsubjpass"} and sub.text.lower() in {"who", "that"}:
                    out.append((child, sub.dep == "nsubjpass"))
    return out


def _verb_conjuncts(doc: Annotated, verb: Token) -> list[Token]:
    """Verbs coordinated with ``verb`` that share its subject (no subject of their own)."""
    out = []
    for c in _conjuncts(doc, verb):
        if c.pos in {"VERB", "AUX"} and not any(
            d.dep in {"nsubj", "nsubjpass", "expl"} for d in doc.children(c.i)
        ):
            out.append(c)
    return out


def _verb_roles(
    doc: Annotated,
    verb: Token,
    passive: bool,
    person_tokens: dict[int, str],
    name_ids: set[int],
) -> list[_Draft]:
    lemma = verb.lemma.lower()
    children = doc.children(verb.i)
    if any(c.dep == "neg" for c in children):
        return []
    drafts: list[_Draft] = []
    was = verb.tag == "VBD" and lemma == "be"
    role_nouns: list[Token] = []
    if lemma in COPULAS:
        role_nouns = [c for c in children if c.dep == "attr"]
    elif lemma in APPOINT_VERBS and passive:
        role_nouns = [c for c in children if c.dep in {"oprd", "attr", "dobj"}]
    as_preps = [c for c in children if c.dep == "prep" and c.text.lower() == "as"]
    if lemma in AS_VERBS | APPOINT_VERBS | COPULAS and as_preps:
        role_nouns += [o for p in as_preps for o in doc.children(p.i) if o.dep == "pobj"]
    for noun in role_nouns:
        if not (_is_title_word(noun) or _has_title_compound(doc, noun)):
            continue
        for draft in _coordinated_roles(
            doc, noun, _conjuncts(doc, noun), person_tokens, exclude=name_ids
        ):
            if was:
                draft.role = replace(draft.role, former=True)
            drafts.append(draft)
    if lemma in LEAD_VERBS and not passive:
        for obj in children:
            if obj.dep == "dobj":
                led = _lead_role(doc, verb, obj, person_tokens)
                if led is not None:
                    drafts.append(led)
    return drafts


def _lead_role(
    doc: Annotated, verb: Token, obj: Token, person_tokens: dict[int, str]
) -> _Draft | None:
    """ "lead Kyiv's delegation" → head of delegation (Ukraine); "heads the ministry" → head
    of ministry; "leads the offensive" → no role."""
    word = title_form(obj.lemma)
    modifiers = [
        title_form(c.text)
        for c in doc.children(obj.i)
        if c.dep in {"compound", "amod"} and c.i < obj.i and _token_side(doc, c) is None
    ]
    if word in DELEGATION_WORDS and set(modifiers) <= DELEGATION_MODIFIERS:
        title = HEAD_OF_DELEGATION
    elif word in DELEGATION_WORDS:
        title = "head of " + " ".join([*modifiers, word])  # "the legal team": not talks
    elif word in INSTITUTION_WORDS:
        core = [
            t
            for t in _np_core(doc, obj)
            if t.pos not in {"DET"}
            and not _is_possessive_mark(t)
            and _token_side(doc, t) is None
            and t.i not in person_tokens
            and t.dep != "poss"
        ]
        title = "head of " + _org(" ".join(title_form(t.text) for t in core))
    else:
        return None
    side, possessor = np_side(doc, obj, person_tokens)
    toks = [verb, *_np_core(doc, obj)]
    return _Draft(Role(title, side, _span_of(toks)), possessor)


def _led_by_roles(doc: Annotated, person_tokens: dict[int, str]) -> list[tuple[str, _Draft]]:
    """ "Kyiv's delegation will be led by X" and "the delegation, led by X": the agent leads."""
    out: list[tuple[str, _Draft]] = []
    for verb in doc.tokens:
        if verb.lemma.lower() not in LEAD_VERBS or verb.tag != "VBN":
            continue
        children = doc.children(verb.i)
        if any(c.dep == "neg" for c in children):
            continue
        agents = [
            o for a in children if a.dep == "agent" for o in doc.children(a.i) if o.dep == "pobj"
        ]
        if not agents:
            continue
        if verb.dep == "acl":
            objs = [doc.tokens[verb.head]]
        else:
            objs = [c for c in children if c.dep == "nsubjpass"]
        for agent in agents:
            for cand in (agent, *_conjuncts(doc, agent)):
                holder = person_tokens.get(cand.i)
                if holder is None:
                    continue
                for obj in objs:
                    led = _lead_role(doc, verb, obj, person_tokens)
                    if led is not None:
                        out.append((holder, led))
    return out


def _lead_subject_roles(
    doc: Annotated, person_tokens: dict[int, str], skip: set[int]
) -> list[tuple[str, _Draft]]:
    """Active "X will lead Kyiv's delegation" where X is a title standing for a person
    ("Putin's aide, Vladimir Medinsky, would again lead ..."), not the name itself."""
    out: list[tuple[str, _Draft]] = []
    for tok in doc.tokens:
        if tok.dep != "nsubj" or tok.i in skip:
            continue
        holder = person_tokens.get(_subject_holder(doc, tok).i)
        if holder is None:
            continue
        verb = doc.tokens[tok.head]
        for v in (verb, *_verb_conjuncts(doc, verb), *_xcomps(doc, verb)):
            for draft in _verb_roles(doc, v, False, person_tokens, set()):
                out.append((holder, draft))
    return out


def _xcomps(doc: Annotated, verb: Token) -> list[Token]:
    """ "X is set to lead", "X will again be expected to head": controlled verbs."""
    return [c for c in doc.children(verb.i) if c.dep == "xcomp" and c.pos in {"VERB", "AUX"}]


# ---------------------------------------------------------------------------------------------
# Putting it together.


@dataclass(slots=True)
class _Cluster:
    name: str
    tokens: tuple[str, ...]
    mentions: list[_Mention]
    order: int  # position among the clusters, the tie-break between equally recent ones
    starts: list[int]  # the mentions' first tokens, sorted


class _Clusters:
    """The clusters found so far, indexed by the word runs of their names, so that a mention
    looks up its candidates instead of scanning every cluster."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self._runs: dict[tuple[str, ...], _Cluster] = {}  # the first cluster holding each run
        self._by_last: dict[str, list[_Cluster]] = {}
        self._by_first: dict[str, list[_Cluster]] = {}  # names of two words or more

    def new(self, m: _Mention, words: tuple[str, ...]) -> None:
        c = _Cluster(m.text, words, [m], len(self.all), [m.start])
        self.all.append(c)
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                self._runs.setdefault(words[i:j], c)
        self._by_last.setdefault(words[-1], []).append(c)
        if len(words) > 1:
            self._by_first.setdefault(words[0], []).append(c)

    def holding(self, words: tuple[str, ...]) -> _Cluster | None:
        """The first cluster whose name contains ``words`` as a run."""
        return self._runs.get(words)

    def for_single(self, word: str) -> list[_Cluster]:
        """Clusters a one-word mention may join: its surname, else its first name."""
        return self._by_last.get(word) or self._by_first.get(word, [])


def _add(c: _Cluster, m: _Mention) -> None:
    c.mentions.append(m)
    insort(c.starts, m.start)


def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    clusters = _Clusters()
    multi = sorted(
        (m for m in mentions if " " in m.text), key=lambda m: (-len(m.text.split()), m.start)
    )
    for m in multi:
        words = tuple(m.text.split())
        found = clusters.holding(words)
        if found is not None:
            _add(found, m)
        else:
            clusters.new(m, words)
    singles = sorted((m for m in mentions if " " not in m.text), key=lambda m: m.start)
    for m in singles:
        candidates = clusters.for_single(m.text)
        if not candidates:
            if m.from_entity:
                clusters.new(m, (m.text,))
            continue

        # The cluster mentioned most recently before this mention, the earliest made on a tie.
        def recency(c: _Cluster, start: int = m.start) -> tuple[int, int]:
            k = bisect_left(c.starts, start)
            return (c.starts[k - 1] if k else -1, -c.order)

        _add(max(candidates, key=recency), m)
    return clusters.all


def _titles_for(doc: Annotated, m: _Mention, names: frozenset[int]) -> set[int]:
    """Tokens that stand for the person besides the name: titles before it, the title it is in
    apposition to, the title it is coordinated under ("adviser and ... Medinsky")."""
    out: set[int] = set()
    for seg in _pre_name_titles(doc, m, names):
        out.update(t.i for t in seg)
    head = doc.tokens[m.head]
    parent = doc.tokens[head.head]
    if head.dep in {"appos", "conj"} and parent.i < head.i and _is_title_word(parent):
        out.add(parent.i)
    for c in doc.children(head.i):
        if c.dep == "appos" and _is_title_word(c):
            out.add(c.i)
    return out


def dominant_side(person: Person) -> str | None:
    """The country a person's current official roles most often name, or None."""
    counts = Counter(
        r.side
        for r in person.roles
        if not r.former and is_country(r.side) and title_category(r.title) == "official"
    )
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def token_people(doc: Annotated, people: Sequence[Person]) -> dict[int, str]:
    """Map each token that stands for a person to the person's canonical name: the name's own
    tokens, titles before it ("Kremlin spokesman"), and the title it is in apposition to."""
    at_start = {t.start: t.i for t in doc.tokens}
    at_end = {t.end: t.i for t in doc.tokens}
    mentions: list[tuple[str, _Mention]] = []
    for p in people:
        for span in p.mentions:
            first, last = at_start.get(span.start), at_end.get(span.end)
            if first is None or last is None:
                continue
            inside = range(first, last + 1)
            head = max(inside, key=lambda j: (not first <= doc.tokens[j].head <= last, j))
            mentions.append((p.name, _Mention(first, last + 1, head, span.of(doc.text), True)))
    names = frozenset(j for _, m in mentions for j in range(m.start, m.end))
    out: dict[int, str] = {}
    for name, m in mentions:
        for j in range(m.start, m.end):
            out[j] = name
    for name, m in mentions:
        for j in _titles_for(doc, m, names):
            out.setdefault(j, name)
    return out


def extract_people(doc: Annotated) -> tuple[Person, ...]:
    """Every person the article names, with mentions in text order and roles found."""
    entity = _entity_mentions(doc)
    taken = {i for m in entity for i in range(m.start, m.end)}
    chains = _chain_mentions(doc, taken)
    # A chain the NER missed counts as a person when it carries a role, or repeats the surname
    # or first name of someone found otherwise.
    chain_people: list[_Mention] = []
    for m in chains:
        if " " in m.text and _carries_role(doc, m, frozenset(taken)):
            chain_people.append(m)
    known = {w for m in (*entity, *chain_people) if " " in m.text for w in m.text.split()}
    known |= {m.text for m in entity}
    for m in chains:
        if m not in chain_people and (m.text in known or m.text.split()[-1] in known):
            chain_people.append(m)
    mentions = sorted([*entity, *chain_people], key=lambda m: m.start)
    clusters = _cluster(mentions)
    names = frozenset(j for c in clusters for m in c.mentions for j in range(m.start, m.end))
    person_tokens: dict[int, str] = {}
    for c in clusters:
        for m in c.mentions:
            for j in range(m.start, m.end):
                person_tokens[j] = c.name
            for j in _titles_for(doc, m, names):
                person_tokens.setdefault(j, c.name)
    drafts: dict[str, list[_Draft]] = {c.name: [] for c in clusters}
    for c in clusters:
        for m in c.mentions:
            drafts[c.name].extend(_mention_roles(doc, m, person_tokens, names))
    for holder, draft in _led_by_roles(doc, person_tokens):
        drafts[holder].append(draft)
    for holder, draft in _lead_subject_roles(doc, person_tokens, set()):
        drafts[holder].append(draft)
    people = {
        c.name: Person(
            name=c.name,
            mentions=tuple(
                sorted(
                    {Span(doc.tokens[m.start].start, doc.tokens[m.end - 1].end) for m in c.mentions}
                )
            ),
            roles=(),
        )
        for c in clusters
    }
    # Possessor sides ("Putin's aide") come from the possessor's own roles, in a second pass.
    first_pass = {
        name: replace(p, roles=_dedupe(d.role for d in drafts[name])) for name, p in people.items()
    }
    out: list[Person] = []
    for c in clusters:
        roles = []
        for d in drafts[c.name]:
            role = d.role
            if role.side is None and d.possessor is not None:
                owner = first_pass.get(person_tokens.get(d.possessor, ""))
                if owner is not None and owner.name != c.name:
                    role = replace(role, side=dominant_side(owner))
            roles.append(role)
        out.append(replace(people[c.name], roles=_dedupe(roles)))
    return tuple(sorted(out, key=lambda p: p.mentions[0].start if p.mentions else 0))


def _carries_role(doc: Annotated, m: _Mention, names: frozenset[int]) -> bool:
    head = doc.tokens[m.head]
    if _pre_name_titles(doc, m, names):
        return True
    if any(
        c.dep == "appos" and (_is_title_word(c) or _has_title_compound(doc, c))
        for c in doc.children(head.i)
    ):
        return True
    parent = doc.tokens[head.head]
    if head.dep in {"appos", "conj"} and _is_title_word(parent) and parent.i < head.i:
        return True
    # The agent or subject of a leading verb with a delegation or institution as its object:
    # "the team is headed by Viktor Danilov", "Viktor Danilov heads the Russian team".
    if head.dep == "pobj" and parent.dep == "agent":
        verb = doc.tokens[parent.head]
        led = [c for c in doc.children(verb.i) if c.dep == "nsubjpass"]
        if verb.dep == "acl":
            led.append(doc.tokens[verb.head])
    elif head.dep == "nsubj":
        verb = parent
        led = [c for c in doc.children(verb.i) if c.dep == "dobj"]
    else:
        return False
    return verb.lemma.lower() in LEAD_VERBS and any(_leads_body(doc, o) for o in led)


def _leads_body(doc: Annotated, obj: Token) -> bool:
    word = title_form(obj.lemma)
    return word in DELEGATION_WORDS or word in INSTITUTION_WORDS


def _dedupe(roles: Iterable[Role]) -> tuple[Role, ...]:
    seen: set[tuple[str, str | None, int, int, bool]] = set()
    out: list[Role] = []
    for r in sorted(roles, key=lambda r: (r.span.start, r.span.end, r.title)):
        key = (r.title, r.side, r.span.start, r.span.end, r.former)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return tuple(out)
