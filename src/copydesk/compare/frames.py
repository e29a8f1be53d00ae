"""Parse-level facts about a group of sentences, read from the dependency parse.

These are the pieces the source diff compares: who-did-what-to-whom frames (voice normalised),
the roles people are given ("X will lead Kyiv's delegation", "X, a former defence minister"),
reporting frames (speaker + cue verb), and predicates with their negation and hedging.
Everything carries character spans into the document's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copydesk.ledger.places import side_of
from copydesk.model import Span
from copydesk.nlp.annotate import Annotated, Token


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


# --- words -----------------------------------------------------------------------------------

#: British/American spelling pairs that are house style, not meaning (compared lower-case).
SPELLING_VARIANTS: dict[str, str] = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "centre": "center",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "theatre": "theater",
    "programme": "program",
    "programmes": "programs",
    "travelled": "traveled",
    "labour": "labor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "favour": "favor",
    "honour": "honor",
    "colour": "color",
    "behaviour": "behavior",
    "rumour": "rumor",
    "armour": "armor",
    "harbour": "harbor",
    "endeavour": "endeavor",
    "judgement": "judgment",
    "ageing": "aging",
    "grey": "gray",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "counsellor": "counselor",
    "jewellery": "jewelry",
    "cheque": "check",
    "tyre": "tire",
    "kerb": "curb",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "paediatric": "pediatric",
    "analogue": "analog",
}

_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$")
_OUR = re.compile(r"(?<=[a-z]{2})our(s|ed|ing|able)?$")
_LLED = re.compile(r"(?<=[aeiou][a-z])ll(ed|ing|er|ers)$")


def spelling_key(word: str) -> str:
    """A lower-case key under which British and American spellings of a word coincide."""
    w = word.lower().replace("’", "'")
    if w in SPELLING_VARIANTS:
        return SPELLING_VARIANTS[w]
    w = _ISE.sub(lambda m: "iz" + m.group(1), w)
    w = _OUR.sub(lambda m: "or" + (m.group(1) or ""), w)
    w = _LLED.sub(lambda m: "l" + m.group(1), w)
    return w


#: Words that are not content: left out when comparing what a phrase is about.
STOP = wordset(
    "a an the this that these those some any each every such its his her their our my your "
    "of to in on at for by with from as and or but nor so than then there it he she they we "
    "i you him them us me who whom whose which what be is are was were been being have has had "
    "do does did will would shall should can could may might must also again still even just "
    "very more most much many own same other another current currently now new"
)

PRONOUNS = wordset("he she they it we i you him her them us me his its their our who whom one")

#: Titles that name the same job (compared after `spelling_key`).
TITLE_SYNONYMS: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "advisor": "adviser",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "head": "leader",
    "chief": "leader",
    "leader": "leader",
    "lead": "leader",
}


def title_word(lemma: str) -> str:
    k = spelling_key(lemma)
    return TITLE_SYNONYMS.get(k, k)


# --- sides (countries, their capitals and demonyms) ---------------------------------------


def side_key(text: str) -> str:
    """Canonical side for a place, capital or demonym ("Kyiv's" -> "ukraine"); any other
    phrase is keyed by its own spelling."""
    found = side_of(text.strip())
    if found is not None:
        return found.lower()
    t = text.lower().replace("’", "'").strip()
    t = re.sub(r"'s?$", "", t).strip()
    return re.sub(r"^the ", "", t)


def is_side(text: str) -> bool:
    """True for a known country, capital, demonym or organisation."""
    return side_of(text.strip()) is not None


# --- tokens ------------------------------------------------------------------------------------


def words_of(doc: Annotated, sentences: Iterable[int]) -> list[Token]:
    out: list[Token] = []
    for k in sentences:
        out.extend(t for t in doc.sentence_tokens(k) if not t.is_space)
    return out


def span_of(tokens: Sequence[Token]) -> Span:
    return Span(tokens[0].start, tokens[-1].end)


def is_content(t: Token) -> bool:
    return (
        t.pos in {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
        and t.lemma.lower() not in STOP
        and not t.is_punct
    )


def content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {spelling_key(t.lemma) for t in tokens if is_content(t)}


# --- who is named ------------------------------------------------------------------------------

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


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


def _name_run(doc: Annotated, t: Token) -> list[Token]:
    """The proper-noun run a PROPN token heads (its compound/flat children plus itself)."""
    run = [t]
    for c in doc.children(t.i):
        if c.i < t.i and c.pos == "PROPN" and c.dep in {"compound", "flat", "nmod"}:
            if c.text.lower() in TITLE_HEADS:
                continue  # "Prime Minister Imran Khan": the title is not part of the name
            run.extend(_name_run(doc, c))
    return sorted(run, key=lambda x: x.i)


def referent(doc: Annotated, t: Token) -> Referent:
    """What the argument headed by ``t`` refers to.

    "presidential adviser and former culture minister Vladimir Medinsky" refers to Medinsky:
    a name among the head's conjuncts or compounds wins over the common noun.
    """
    if t.pos == "PRON" or t.lemma.lower() in PRONOUNS:
        return Referent(t.lemma.lower(), "pronoun", t.span)
    if t.pos == "PROPN":
        run = _name_run(doc, t)
        return Referent(side_key(t.text), "name", span_of(run))
    if t.pos in {"NOUN", "ADJ"}:
        for c in doc.children(t.i):
            if c.dep in {"conj", "appos"} and c.pos == "PROPN":
                run = _name_run(doc, c)
                return Referent(side_key(c.text), "name", span_of(run))
        side = None
        for c in doc.children(t.i):
            if c.dep == "poss" and c.pos == "NOUN":
                side = spelling_key(c.lemma)
            elif (
                c.dep == "poss"
                and c.pos == "PROPN"
                or c.dep in {"amod", "compound"}
                and (c.ent_type in {"NORP", "GPE"} or is_side(c.text))
            ):
                side = side_key(c.text)
        return Referent(spelling_key(t.lemma), "noun", t.span, side)
    return Referent(spelling_key(t.lemma), "noun", t.span)


# --- who did what to whom ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """A ledger `Claim` as the diff compares it: arguments read as `Referent`s."""

    predicate: str
    predicate_span: Span
    subject: Referent | None
    object: Referent | None
    negated: bool


def _arg(doc: Annotated, v: Token, deps: set[str]) -> Token | None:
    for c in doc.children(v.i):
        if c.dep in deps:
            return c
    return None


def _agent(doc: Annotated, v: Token) -> Token | None:
    for c in doc.children(v.i):
        if c.dep == "agent":
            for p in doc.children(c.i):
                if p.dep == "pobj":
                    return p
    return None


# --- roles: who leads or heads what, for which side ----------------------------------------------

#: Verbs that give their subject the leading role over their object ("lead Kyiv's delegation").
LEAD_VERBS = frozenset({"lead", "head", "chair", "command", "run", "captain"})
#: Nouns naming that leading role ("serve as the head of Russia's delegation").
LEAD_NOUNS = frozenset({"head", "leader", "chief", "chair", "chairman", "chairwoman"})


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A person given a role over a sided body: (person, "leader", "delegation", side)."""

    person: Referent
    role: str
    body: str
    side: str
    side_text: str
    span: Span


def _sided_body(doc: Annotated, n: Token) -> tuple[str, str, str] | None:
    """(body lemma, side key, side as written) for "Kyiv's delegation", "the Ukrainian team"."""
    if n.pos not in {"NOUN", "PROPN"}:
        return None
    ref = referent(doc, n)
    if ref.kind != "noun" or ref.side is None:
        return None
    for c in doc.children(n.i):
        if c.dep in {"poss", "amod", "compound"} and side_key(c.text) == ref.side:
            return ref.key, ref.side, c.text
    return ref.key, ref.side, ref.side


def role_mentions(doc: Annotated, tokens: Sequence[Token]) -> list[RoleMention]:
    out: list[RoleMention] = []
    for v in tokens:
        # "P will lead X's delegation" / "X's delegation will be led by P"
        if v.pos == "VERB" and spelling_key(v.lemma) in LEAD_VERBS:
            passive = any(c.dep in {"nsubjpass", "auxpass"} for c in doc.children(v.i))
            person_t = _agent(doc, v) if passive else _arg(doc, v, {"nsubj"})
            body_t = _arg(doc, v, {"nsubjpass"} if passive else {"dobj"})
            if person_t is not None and body_t is not None:
                body = _sided_body(doc, body_t)
                person = referent(doc, person_t)
                if body and person.kind == "name":
                    out.append(
                        RoleMention(
                            person,
                            "leader",
                            body[0],
                            body[1],
                            body[2],
                            span_of(sorted([v, body_t, *doc.subtree(body_t.i)], key=lambda x: x.i)),
                        )
                    )
        # "P will serve as the head of X's delegation" / "P, head of X's delegation"
        if v.pos == "NOUN" and v.lemma.lower() in LEAD_NOUNS:
            of = next(
                (c for c in doc.children(v.i) if c.dep == "prep" and c.text.lower() == "of"), None
            )
            body_t = None
            if of is not None:
                body_t = next((c for c in doc.children(of.i) if c.dep == "pobj"), None)
            if body_t is None:
                continue
            body = _sided_body(doc, body_t)
            if body is None:
                continue
            person_t = _holder(doc, v)
            if person_t is None:
                continue
            person = referent(doc, person_t)
            if person.kind != "name":
                continue
            out.append(
                RoleMention(person, "leader", body[0], body[1], body[2], doc.subtree_span(v.i))
            )
    return out


def _holder(doc: Annotated, n: Token) -> Token | None:
    """Who holds the role noun ``n``: the apposed name, or the subject of "serve as"/"be"."""
    if n.dep == "appos":
        return doc.tokens[n.head]
    if n.dep == "conj":
        return _holder(doc, doc.tokens[n.head])
    if n.dep == "pobj":
        prep = doc.tokens[n.head]
        if prep.text.lower() == "as":
            verb = doc.tokens[prep.head]
            return _arg(doc, verb, {"nsubj", "nsubjpass"})
    if n.dep in {"attr", "oprd"}:
        return _arg(doc, doc.tokens[n.head], {"nsubj"})
    return None


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


#: Adjectives that say when a title was held; "former" is kept as a flag, the rest dropped.
TENSE_WORDS = frozenset({"former", "ex", "then", "current", "incumbent", "outgoing", "sitting"})

#: Nouns that head a title. A noun apposed to a name but not listed here ("a father of two")
#: is not compared as a title.
TITLE_HEADS = wordset(
    """minister secretary president spokesperson spokesman spokeswoman adviser advisor chief
    head leader director chair chairman chairwoman chairperson governor mayor ambassador envoy
    commander general admiral colonel official officer senator deputy representative
    prosecutor judge justice chancellor premier king queen prince negotiator aide counsellor
    counselor editor correspondent reporter analyst economist professor researcher executive
    ceo founder manager spokesperson coach captain mp lawmaker legislator diplomat"""
)


def _title_from(doc: Annotated, n: Token, person: Referent) -> Title | None:
    head = title_word(n.lemma)
    if spelling_key(n.lemma) not in TITLE_HEADS and head not in TITLE_HEADS:
        return None
    parts = [n]
    former = False
    side = None
    mods: set[str] = set()
    stack = [c for c in doc.children(n.i) if c.dep not in {"conj", "cc", "appos", "punct", "relcl"}]
    while stack:
        c = stack.pop()
        if c.dep in {"relcl", "acl", "conj", "cc", "appos"}:
            continue
        if c.pos == "PROPN" and c.i > n.i and c.dep in {"compound", "flat"}:
            continue
        parts.append(c)
        stack.extend(doc.children(c.i))
        low = c.text.lower()
        if low in {"former", "ex", "ex-"}:
            former = True
        elif low in TENSE_WORDS:
            continue
        elif c.ent_type in {"GPE", "NORP"} or is_side(c.text):
            side = side or side_key(c.text)
        elif c.text.isalpha() and low not in STOP:
            mods.add(title_word(c.lemma if c.pos != "PROPN" else c.text))
    parts.sort(key=lambda x: x.i)
    parts = [p for p in parts if not p.is_punct and p.dep not in {"det"}]
    if not parts:
        return None
    span = span_of(parts)
    return Title(person, head, frozenset(mods), former, side, span, span.of(doc.text))


def titles(doc: Annotated, tokens: Sequence[Token]) -> list[Title]:
    """Titles attached to names: apposed ("P, a former defence minister"), pre-posed
    ("Kremlin spokesperson Dmitry Peskov") and co-ordinated ("adviser and minister P")."""
    out: list[Title] = []
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.pos != "PROPN" or t.dep in {"compound", "flat"}:
            continue
        person = referent(doc, t)
        cands: list[Token] = []
        for c in doc.children(t.i):
            if c.dep == "appos" and c.pos == "NOUN":
                cands.append(c)
                cands.extend(x for x in doc.children(c.i) if x.dep == "conj" and x.pos == "NOUN")
            elif (c.dep == "conj" and c.pos == "NOUN" and c.lemma.lower() in TITLE_HEADS) or (
                c.dep == "compound"
                and (c.pos == "NOUN" or c.text.lower() in TITLE_HEADS)
                and c.i < t.i
            ):
                cands.append(c)
        if t.dep == "conj":
            h = doc.tokens[t.head]
            if h.pos == "NOUN":
                cands.append(h)
        for c in cands:
            if c.i not in inside:
                continue
            title = _title_from(doc, c, person)
            if title is not None:
                out.append(title)
    return out


# --- reporting frames ----------------------------------------------------------------------------

#: Reporting verbs whose choice carries no judgement; swapping one for another is not a change.
NEUTRAL_CUES = wordset(
    """say tell add state note report explain write comment remark speak according_to confirm
    announce reply respond describe reiterate cite quote"""
)

#: Loaded reporting verbs grouped by what they imply; within a group a swap is not a change.
CUE_CLASSES: dict[str, str] = {
    "claim": "claim",
    "allege": "claim",
    "assert": "claim",
    "contend": "claim",
    "maintain": "insist",
    "insist": "insist",
    "admit": "admit",
    "concede": "admit",
    "acknowledge": "admit",
    "confess": "admit",
    "warn": "warn",
    "caution": "warn",
    "deny": "deny",
    "reject": "deny",
    "predict": "predict",
    "forecast": "predict",
    "boast": "boast",
    "brag": "boast",
    "argue": "argue",
    "suggest": "suggest",
    "hint": "suggest",
    "imply": "suggest",
    "accuse": "accuse",
    "complain": "complain",
    "lament": "complain",
    "threaten": "threaten",
    "vow": "vow",
    "pledge": "vow",
    "promise": "vow",
    "reveal": "reveal",
    "disclose": "reveal",
    "declare": "declare",
    "proclaim": "declare",
    "stress": "stress",
    "emphasise": "stress",
    "emphasize": "stress",
    "urge": "urge",
}


def cue_class(lemma: str) -> str:
    low = lemma.lower().replace(" ", "_")
    if low in NEUTRAL_CUES:
        return "neutral"
    return CUE_CLASSES.get(low, low)


@dataclass(frozen=True, slots=True)
class Report:
    """A reporting frame as the diff compares it: the ledger's `Attribution` with its speaker
    read as a `Referent`."""

    cue: str
    cue_span: Span
    speaker: Referent | None
    speaker_span: Span | None


# --- predicates, negation, hedging ----------------------------------------------------------

NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor"})
#: Modal verbs that make a statement a possibility rather than a fact.
HEDGE_MODALS = frozenset({"could", "may", "might"})
#: Adverbs that hedge the statement they modify.
HEDGE_ADVERBS = frozenset(
    {
        "possibly",
        "probably",
        "likely",
        "reportedly",
        "allegedly",
        "apparently",
        "perhaps",
        "potentially",
        "supposedly",
        "seemingly",
        "maybe",
    }
)
#: Heads of "is expected to V", "is likely to V", "appears to V": V is the hedged predicate.
HEDGE_RAISERS = frozenset({"expect", "likely", "appear", "seem", "believe", "think", "set"})


def is_negated(doc: Annotated, v: Token) -> bool:
    for c in doc.children(v.i):
        if c.dep == "neg" or (c.text.lower() in {"never", "not", "n't"} and c.dep == "advmod"):
            return True
        if c.dep in {"nsubj", "nsubjpass", "dobj", "attr"}:
            if c.text.lower() in {"nobody", "nothing", "none", "neither"}:
                return True
            if any(d.dep == "det" and d.text.lower() == "no" for d in doc.children(c.i)):
                return True
    return False


@dataclass(frozen=True, slots=True)
class Predicate:
    key: str
    span: Span  # the predicate word and its auxiliaries/negators
    negated: bool
    hedged: bool
    hedge_text: str | None


def _hedge(doc: Annotated, v: Token) -> str | None:
    for c in doc.children(v.i):
        if c.dep == "aux" and c.text.lower() in HEDGE_MODALS:
            return c.text
        if c.dep == "advmod" and c.text.lower() in HEDGE_ADVERBS:
            return c.text
    if v.dep == "xcomp":
        h = doc.tokens[v.head]
        if (
            h.lemma.lower() in HEDGE_RAISERS
            and (
                h.lemma.lower() != "expect"
                or any(c.dep in {"auxpass", "nsubjpass"} for c in doc.children(h.i))
            )
            and h.lemma.lower() not in {"believe", "think"}
        ):
            return h.text
        if h.lemma.lower() in {"believe", "think"} and any(
            c.dep == "auxpass" for c in doc.children(h.i)
        ):
            return h.text
    return None


def predicates(
    doc: Annotated, tokens: Sequence[Token], skip: Sequence[Span] = ()
) -> list[Predicate]:
    """Each clause's predicate keyed by its lemma (a copula by its complement, "there is no X"
    by X), with whether it is negated and hedged. Tokens inside ``skip`` spans are left out."""
    out: list[Predicate] = []
    for v in tokens:
        if any(s.contains(v.span) for s in skip):
            continue
        key_t: Token | None = None
        if v.pos == "VERB" and v.lemma.lower() != "be":
            key_t = v
        elif v.lemma.lower() == "be" and v.dep not in {"aux", "auxpass"}:
            comp = _arg(doc, v, {"attr", "acomp"})
            if comp is not None:
                key_t = comp
        if key_t is None:
            continue
        negated = is_negated(doc, v) or (key_t is not v and is_negated(doc, key_t))
        if key_t is not v and any(
            d.dep == "det" and d.text.lower() == "no" for d in doc.children(key_t.i)
        ):
            negated = True
        hedge = _hedge(doc, v)
        parts = [v] + [
            c for c in doc.children(v.i) if c.dep in {"aux", "auxpass", "neg"} and c.i < v.i
        ]
        parts.sort(key=lambda x: x.i)
        out.append(
            Predicate(spelling_key(key_t.lemma), span_of(parts), negated, hedge is not None, hedge)
        )
    return out
